"""The records shared by every step: a claim under construction (``_Found``) and one document's
mentions, times, quantities and quotes looked up by offset (``_Index``)."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ...model import DocAnalysis, Mention, Quote


# Labels of mentions that can take part in a claim (dates and numbers cannot).
PARTICIPANT_LABELS = frozenset(("PERSON", "ORG", "NORP", "GPE", "FAC", "LOC", "PRODUCT", "EVENT"))
PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
_NEWLINE = re.compile("\n")


@dataclass
class _Found:
    """A claim under construction: the trigger token and what has been attached to it."""

    token: object
    predicate: str
    subject: Mention | None = None
    objects: list[Mention] = field(default_factory=list)
    role: str | None = None
    time_relation: str | None = None
    start_token: object = None  # first token of the claim's span when it is not the sentence
    victims: object = None  # casualty lists ("X were among the victims"): the token heading X
    via: object = None  # the verb through which ``victims`` is reached (the copula, "included")
    words: str | None = None  # the trigger as written when it is more than its token ("laid off", "must repay")
    words_start: int | None = None  # where those words start in the text
    undated: bool = False  # its clause's time and place are another event's ("the body was found on Tuesday")


class _Index:
    """Mentions, times, quantities and quotes of one document, looked up by character offset."""

    def __init__(self, analysis: DocAnalysis, text: str = ""):
        self.newlines = [m.start() for m in _NEWLINE.finditer(text)]
        self.mentions = sorted(analysis.mentions, key=lambda m: m.start)
        # unresolved times are kept: "on Friday" without a publication date is read in reconcile
        self.times = [t for t in analysis.times if t.type in ("DATE", "TIME")]
        self.quantities = list(analysis.quantities)
        self.quotes = list(analysis.quotes)
        self._by_char: dict[int, Mention] = {}
        for m in self.mentions:
            for c in range(m.start, m.end):
                self._by_char.setdefault(c, m)

    def mention_at(self, token) -> Mention | None:
        m = self._by_char.get(token.idx)
        if m is not None and m.label in PARTICIPANT_LABELS:
            return m
        return None

    def line(self, char: int) -> int:
        """Line number of a character: attachments never cross a line (list items parsed as one sentence)."""
        return bisect.bisect_left(self.newlines, char)

    def quote_at(self, char: int) -> Quote | None:
        for q in self.quotes:
            if q.start <= char < q.end:
                return q
        return None
