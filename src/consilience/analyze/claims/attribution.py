"""Attribution and hedging: who a claim is attributed to (a quote, a speech verb above it,
"according to X") and the words that hedge a sentence."""
from __future__ import annotations

import re

from ...lexicon import vocabulary as V
from ...model import Mention
from .mentions import _mention_in_phrase
from .records import _Found, _Index
from .tree import _path_up


_HEDGE_RE = re.compile(
    r"\b(" + "|".join(sorted(V.HEDGE_WORDS) + [re.escape(p) for p in V.HEDGE_PHRASES]) + r")\b", re.IGNORECASE
)


def _speaker(f: _Found, sent, index: _Index) -> tuple[Mention | None, str | None]:
    """Who the claim is attributed to: the Quote holding it, a speech verb above it, or "according to X"."""
    if f.predicate == "statement":
        return None, None  # the outlet asserts that the speaker spoke
    q = index.quote_at(f.token.idx)
    if q is not None:
        m = next((x for x in index.mentions if x.id == q.speaker_mention), None) if q.speaker_mention else None
        return m, q.speaker
    for t in _path_up(f.token)[1:]:
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in V.SPEECH_VERBS:
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return _mention_in_phrase(subj, index), _phrase_text(subj)
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            pobj = next((c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _mention_in_phrase(pobj, index), _phrase_text(pobj)
    return None, None


def _phrase_text(tok) -> str:
    tokens = [t for t in tok.subtree if t.dep_ not in ("relcl", "punct")]
    return tok.doc[tokens[0].i: tokens[-1].i + 1].text if tokens else tok.text
