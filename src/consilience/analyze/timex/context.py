"""What a rule's handler reads and returns: the ``Context`` (text, publication-date anchor, tense cue)
and the ``Found`` (TIMEX3 type, value, anchor note), with the anchor notes every rule uses.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .anchor import Anchor
from .tense import tense_at

EXPLICIT = "explicit"
NO_DCT = "unresolved: no publication date"
EVENT_RELATIVE = "unresolved: relative to an event in the text, not to the publication date"


@dataclass
class Found:
    type: str
    value: str | None
    anchor: str | None
    kind: str = ""  # "day" (a calendar day, mergeable with a time of day), "tod" (a time of day), ""
    day: dt.date | None = None  # for kind "day": the date; for "tod": the date it was put on
    tod: str | None = None  # for kind "tod": the part after the date, "T18:30" or "TMO"
    shift: int = 0  # for kind "anaphor": days from the day in focus ("the next day" +1)


@dataclass
class Context:
    text: str
    anchor: Anchor | None
    doc: object = None
    _tenses: dict = field(default_factory=dict)
    numeric_order: str | None | bool = False  # the order of the text's slashed dates (lexicon/dates.py); False: not read yet

    def tense(self, m: re.Match) -> str:
        key = (m.start(), m.end())
        if key not in self._tenses:
            self._tenses[key] = tense_at(self.text, m.start(), m.end(), self.doc)
        return self._tenses[key]

    @property
    def dct(self) -> str:
        return f"dct:{self.anchor.label}" if self.anchor else NO_DCT

    def missing(self, precision: str) -> str | None:
        """Why the anchor cannot give ``precision`` ("year" | "month" | "day"), or None when it can."""
        if self.anchor is None:
            return NO_DCT
        if not self.anchor.has(precision):
            return f"unresolved: publication date too coarse ({self.anchor.label})"
        return None

    def before(self, m: re.Match, width: int = 30) -> str:
        return self.text[max(0, m.start() - width):m.start()]

    def after(self, m: re.Match, width: int = 30) -> str:
        return self.text[m.end():m.end() + width]
