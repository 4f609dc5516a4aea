"""The rule registry: ``@rule`` compiles a pattern and adds its handler to ``RULES``; ``scan`` runs a rule's
full pattern only in windows around its trigger words.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .context import Context, Found

Handler = Callable[[re.Match, Context], "Found | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    handle: Handler
    trigger: re.Pattern  # a word every match contains: the full pattern only runs near one (speed)
    lower_trigger: re.Pattern | None  # the trigger without re.I, for lower-cased text (faster); None if case matters
    also: re.Pattern | None = None  # a second trigger word, run on the text as it is


RULES: list[Rule] = []

_MONTHS = r"(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
_WEEKDAYS = r"(?-i:Mon|Tue|Wed|Thu|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN)"
# a month in any case when a year follows ("5 march 2020"): a lowercase month only right before a number. A second
# trigger, not an alternative in one: an alternation of both scans the text several times slower.
_DATED_MONTHS = (_MONTHS, r"(?-i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?,?\s+(?:of\s+)?\d)")
_UNITS = r"\b(?:(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade)s?|century|centuries|millenni(?:um|a))\b"
_POD = r"(?:morning|afternoon|evening|night)s?\b"
TRIGGERS = {  # rule name -> a regex every one of its matches contains (matched case-insensitively)
    "iso_date": r"\d{4}-\d\d-\d\d", "numeric_date": r"\d[/.]\d\d?[/.]\d\d", "month_day": _DATED_MONTHS, "day_month": _DATED_MONTHS, "day_word_month": _DATED_MONTHS,
    "month_year": _DATED_MONTHS, "month_relative_year": _MONTHS, "month_name": _MONTHS, "year": r"(?:1[6-9]|20)\d\d",
    "decade": r"\d0['’]?s", "decade_word": r"ties\b", "century": r"century", "spoken_year": r"nineteen|twenty|thousand", "clipped_year": r"['’]\d\d",
    "quarter": r"quarter|q[1-4]", "relative_quarter": r"quarter", "half_year": r"half|quarters|\bh[12]\b", "season": r"spring|summer|fall|autumn|winter",
    "deictic_day": r"yesterday|today|tomorrow|tonight", "part_of_this_day": _POD, "weekday": _WEEKDAYS,
    "relative_unit": r"\b(?:week|weekend|month|year|decade|century)\b", "weekend": r"weekend", "year_ago_adjective": r"year-",
    "units_ago": _UNITS, "duration": _UNITS, "half_unit": r"half", "vague_plural": _UNITS, "bare_plural": _UNITS,
    "set_every": r"\b(?:every|each|per)\b|" + _WEEKDAYS, "set_adverb": r"ly\b|every", "weekends": r"weekends",
    "reference": r"\b(?:now|today|currently|present|presently|nowadays|days|moment|moments|while|time|this\s+hour|recent|recently|lately|past|future|soon|term|ahead|ago)\b",
    "clock": r"\d[:.]\d\d|\d\s*[ap]\.?\s?m|noon|midday|midnight|o'clock", "part_of_day": _POD, "four_digit_clock": r"\d{4}\s*(?:gmt|utc|z\b|local\s+time)",
    "spoken_clock": r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]+(?:fifteen|thirty|forty|fifty|twenty|ten|[ap]\.?\s?m\b)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*[ap]\.\s?m\b",
    "end_of_period": r"\b(?:end|beginning|start|middle)\b", "the_year": r"\b(?:year|(?:in\s+the\s+(?:week|month)))\b", "vague_stretch": r"\b(?:while|time)\b",
    "anaphoric_day": r"\b(?:day|morning|afternoon|evening|night)\b",
    "holiday": r"christmas|new year|halloween|valentine|fourth of july|easter|good friday|thanksgiving|labou?r day|memorial day|boxing day|black friday|cyber monday|palm sunday|ash wednesday",
    "range_first": r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|few|several))\s*(?:to|or|and|-|–)\s*(?:\d|[a-z])",
    "focus_period": r"\b(?:period|quarter)\b", "stretch_adjective": r"(?:-|year|month|week|day|hour)long\b|\bthe\s+(?:years|decades|months|weeks)\b",
}
WINDOW = 80  # characters either side of a trigger the full pattern is run over (longer than any match)


def rule(pattern: str):
    """Register ``handler`` for ``pattern`` (compiled case-insensitive, word-bounded)."""

    def register(handler: Handler) -> Handler:
        compiled = re.compile(r"(?<!\w)(?:" + pattern + r")(?![\w])", re.I)
        source = TRIGGERS[handler.__name__]
        source, also = source if isinstance(source, tuple) else (source, None)
        lower = re.compile(source) if source == source.lower() else None  # "(?-i:Jan|...)" keeps its case
        RULES.append(Rule(handler.__name__, compiled, handler, re.compile(source, re.I), lower,
                          re.compile(also, re.I) if also else None))
        return handler

    return register


def scan(rule_: Rule, text: str, lowered: str | None = None, windows: dict | None = None):
    """Matches of ``rule_`` in ``text``, running its full pattern only in windows around its trigger words.

    ``lowered`` is ``text.lower()`` when it keeps every offset: case-insensitive triggers run on it
    (re.I is several times slower). ``windows`` caches the windows of a trigger several rules share.
    """
    key = (rule_.trigger.pattern, rule_.also.pattern if rule_.also else None)
    spans = windows.get(key) if windows is not None else None
    if spans is None:
        spans = _windows(rule_, text, lowered)
        if windows is not None:
            windows[key] = spans
    for start, end in spans:
        yield from _within(rule_.pattern, text, start, end)


def _windows(rule_: Rule, text: str, lowered: str | None) -> list[tuple[int, int]]:
    """Character ranges within WINDOW of a trigger hit, overlapping ranges merged, in text order."""
    hits = rule_.lower_trigger.finditer(lowered) if lowered is not None and rule_.lower_trigger else \
        rule_.trigger.finditer(text)
    if rule_.also is not None:
        hits = sorted([*hits, *rule_.also.finditer(text)], key=lambda hit: hit.start())
    out: list[tuple[int, int]] = []
    start = end = -1
    for hit in hits:
        lo, hi = max(0, hit.start() - WINDOW), min(len(text), hit.end() + WINDOW)
        if lo <= end:
            end = hi
            continue
        if end >= 0:
            out.append((start, end))
        start, end = lo, hi
    if end >= 0:
        out.append((start, end))
    return out


def _within(pattern: re.Pattern, text: str, start: int, end: int):
    for m in pattern.finditer(text, start, end):
        # the window's edge is not the text's: a match ending there may be a cut-off word
        if m.end() == end < len(text) and text[end].isalnum():
            continue
        yield m
