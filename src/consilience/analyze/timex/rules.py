"""The rules: one compiled regex per kind of temporal expression, each with the function that normalises it.

A rule's handler reads its match and the context (text, publication-date anchor, tense cue) and
returns a ``Found`` (TIMEX3 type, value, anchor note) or None to drop a false hit.
Spans follow TimeML: determiners and modifiers are inside ("the past three months", "early next
year", "nearly two years"), the governing preposition is outside ("on Thursday" -> "Thursday").
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import lexicon as L
from .anchor import (Anchor, add_months, add_quarters, day_value, month_value, quarter_of, safe_date,
                     shift_date, week_value, weekday_near)
from .tense import FUTURE, PAST, PRESENT, in_past_narrative, past_verb_before, tense_at

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


Handler = Callable[[re.Match, Context], "Found | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    handle: Handler
    trigger: re.Pattern  # a word every match contains: the full pattern only runs near one (speed)
    lower_trigger: re.Pattern | None  # the trigger without re.I, for lower-cased text (faster); None if case matters


RULES: list[Rule] = []

_MONTHS = r"(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
_WEEKDAYS = r"(?-i:Mon|Tue|Wed|Thu|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN)"
_UNITS = r"\b(?:(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade)s?|century|centuries|millenni(?:um|a))\b"
_POD = r"(?:morning|afternoon|evening|night)s?\b"
TRIGGERS = {  # rule name -> a regex every one of its matches contains (matched case-insensitively)
    "iso_date": r"\d{4}-\d\d-\d\d", "numeric_date": r"\d/\d", "month_day": _MONTHS, "day_month": _MONTHS,
    "month_year": _MONTHS, "month_relative_year": _MONTHS, "month_name": _MONTHS, "year": r"(?:1[6-9]|20)\d\d",
    "decade": r"\d0['’]?s", "decade_word": r"ties\b", "century": r"century", "spoken_year": r"nineteen|twenty|thousand",
    "quarter": r"quarter|q[1-4]", "relative_quarter": r"quarter", "half_year": r"half|quarters|\bh[12]\b", "season": r"spring|summer|fall|autumn|winter",
    "deictic_day": r"yesterday|today|tomorrow|tonight", "part_of_this_day": _POD, "weekday": _WEEKDAYS,
    "relative_unit": r"\b(?:week|weekend|month|year|decade|century)\b", "weekend": r"weekend", "year_ago_adjective": r"year-",
    "units_ago": _UNITS, "duration": _UNITS, "half_unit": r"half", "vague_plural": _UNITS, "bare_plural": _UNITS,
    "set_every": r"\b(?:every|each|per)\b|" + _WEEKDAYS, "set_adverb": r"ly\b|every",
    "reference": r"\b(?:now|today|currently|present|presently|nowadays|days|moment|time|recent|recently|lately|past|future|soon|term|ahead|ago)\b",
    "clock": r"\d[:.]\d\d|\d\s*[ap]\.?\s?m|noon|midday|midnight|o'clock", "part_of_day": _POD,
    "end_of_period": r"\b(?:end|beginning|start|middle)\b", "the_year": r"\byear\b", "vague_stretch": r"\b(?:while|time)\b",
    "anaphoric_day": r"\b(?:day|morning|afternoon|evening|night)\b",
    "holiday": r"christmas|new year|halloween|valentine|fourth of july|easter|good friday|thanksgiving|labou?r day|memorial day|boxing day",
    "range_first": r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|few|several))\s*(?:to|or|and|-|–)\s*(?:\d|[a-z])",
    "focus_period": r"\b(?:period|quarter)\b", "stretch_adjective": r"-long\b|\bthe\s+(?:years|decades|months|weeks)\b",
}
WINDOW = 80  # characters either side of a trigger the full pattern is run over (longer than any match)


def rule(pattern: str):
    """Register ``handler`` for ``pattern`` (compiled case-insensitive, word-bounded)."""

    def register(handler: Handler) -> Handler:
        compiled = re.compile(r"(?<!\w)(?:" + pattern + r")(?![\w])", re.I)
        source = TRIGGERS[handler.__name__]
        lower = re.compile(source) if source == source.lower() else None  # "(?-i:Jan|...)" keeps its case
        RULES.append(Rule(handler.__name__, compiled, handler, re.compile(source, re.I), lower))
        return handler

    return register


def scan(rule_: Rule, text: str, lowered: str | None = None, windows: dict | None = None):
    """Matches of ``rule_`` in ``text``, running its full pattern only in windows around its trigger words.

    ``lowered`` is ``text.lower()`` when it keeps every offset: case-insensitive triggers run on it
    (re.I is several times slower). ``windows`` caches the windows of a trigger several rules share.
    """
    spans = windows.get(rule_.trigger.pattern) if windows is not None else None
    if spans is None:
        spans = _windows(rule_, text, lowered)
        if windows is not None:
            windows[rule_.trigger.pattern] = spans
    for start, end in spans:
        yield from _within(rule_.pattern, text, start, end)


def _windows(rule_: Rule, text: str, lowered: str | None) -> list[tuple[int, int]]:
    """Character ranges within WINDOW of a trigger hit, overlapping ranges merged, in text order."""
    hits = rule_.lower_trigger.finditer(lowered) if lowered is not None and rule_.lower_trigger else \
        rule_.trigger.finditer(text)
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


# --------------------------------------------------------------------------- helpers


def _day_found(ctx: Context, date: dt.date | None, anchor: str, pod: str | None = None) -> Found:
    """A calendar-day DATE (or a TIME when a part of day such as "morning" is attached)."""
    if date is None:
        return Found("TIME" if pod else "DATE", None, anchor)
    if pod:
        code = L.PARTS_OF_DAY[pod.lower()]
        return Found("TIME", f"{day_value(date)}T{code}", anchor, kind="day", day=date)
    return Found("DATE", day_value(date), anchor, kind="day", day=date)


def _year_by_tense(ctx: Context, m: re.Match, month: int, day: int | None = None) -> tuple[int | None, str]:
    """The year of a month (and day) named without one, from the publication date and the tense.

    Future tense -> the first such month/day not before the publication date; past tense -> the last
    one not after it; no tense cue -> the nearest one (within six months either way).
    """
    reason = ctx.missing("month")
    if reason:
        return None, reason
    a = ctx.anchor
    here = a.month * 31 + (a.day or 15)
    there = month * 31 + (day if day is not None else (a.day or 15) if month == a.month else 15)
    tense = ctx.tense(m)
    delta = there - here  # in 31-day "months"
    year = a.year
    deadline = tense == PAST and _DEADLINE_BEFORE.search(ctx.before(m, 30)) is not None
    far_deadline = deadline and not re.search(r"\bfrom\s+(?:the\s+)?$", ctx.before(m, 12), re.I)  # "from" starts back
    if tense == FUTURE:
        year += delta < 0
    elif tense == PAST and not deadline:
        year -= delta > 31  # a past verb with a date a few weeks ahead is usually a deadline ("extended to Nov. 16")
    elif delta > 4 * 31 and tense != PRESENT and not far_deadline:
        # no tense: more than four months ahead is last year's; far behind, next year's. An event verb in the
        # present ("the law takes effect in September") is a schedule, and a past verb with a deadline ("was
        # postponed until October", "was scheduled for October") sets a date ahead: both stay ahead
        year -= 1
    elif delta < -8 * 31 and not past_verb_before(ctx.text, m.start()):
        year += 1  # "January" said in November is next January, unless a past verb governs it ("rose in January")
    return year, ctx.dct


def _rel_word(word: str | None) -> str:
    w = " ".join((word or "").lower().split())
    if w in ("last", "past", "previous", "this past", "the past", "prior", "the previous", "the last"):
        return "last"
    if w in ("next", "coming", "this coming", "the coming", "following", "the next"):
        return "next"
    if w in ("this", "current", "present", "the current"):
        return "this"
    return w


# --------------------------------------------------------------------------- explicit calendar dates


@rule(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d)(?::\d{2})?)?")
def iso_date(m, ctx):
    date = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if date is None:
        return None
    if m["H"]:
        return Found("TIME", f"{date.isoformat()}T{m['H']}:{m['M']}", EXPLICIT)
    return Found("DATE", date.isoformat(), EXPLICIT, kind="day", day=date)


@rule(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")
def numeric_date(m, ctx):
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        y += 1900 if y > 30 else 2000
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless the first number cannot be a month
    date = safe_date(y, month, day)
    return Found("DATE", date.isoformat(), EXPLICIT, kind="day", day=date) if date else None


_WD_PREFIX = rf"(?:(?P<wd>{L.WEEKDAY}),?\s+)?(?:the\s+)?"
_YEAR_SUFFIX = rf"(?:,?\s+(?P<y>{L.YEAR4}))?"


_DAY_ORDINALS = {w: n for n, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
     "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
     "twentieth"], start=1)}
_DAY_ORDINALS.update({f"{tens}-{w}": base + n for tens, base in (("twenty", 20), ("thirty", 30))
                      for w, n in list(_DAY_ORDINALS.items())[:9] if base + n <= 31})
_DAY_ORDINALS["thirtieth"] = 30
# A spelt-out day ("March eighth", as transcripts write it) only where nothing follows that makes the
# ordinal count something else ("the March second round").
_DAY_WORD = (r"(?P<dayw>(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
             + L.alternation([w for w in _DAY_ORDINALS if "-" not in w]) + r")"
             r"(?=\s*(?:[,.;:!?)\"'”]|$)|\s+(?:and|or|in|at|on|when|to|through|until|till|this|next|last)\b|,?\s+(?:1[6-9]|20)\d\d)")


@rule(_WD_PREFIX + rf"(?P<mon>{L.MONTH})\s+(?:the\s+)?(?:(?P<day>{L.DAYNUM})|{_DAY_WORD})" + _YEAR_SUFFIX)
def month_day(m, ctx):
    return _calendar_day(m, ctx)


@rule(_WD_PREFIX + rf"(?P<day>{L.DAYNUM})(?:\s+of)?\s+(?P<mon>{L.MONTH})" + _YEAR_SUFFIX)
def day_month(m, ctx):
    return _calendar_day(m, ctx)


def _calendar_day(m, ctx) -> Found | None:
    month = L.month_number(m["mon"])
    if m["day"]:
        day = int(re.match(r"\d+", m["day"]).group())
    else:
        day = _DAY_ORDINALS[re.sub(r"\s+", "-", m["dayw"].lower())]
    if m["y"]:
        date = safe_date(int(m["y"]), month, day)
        return _day_found(ctx, date, EXPLICIT) if date else None
    if safe_date(2000, month, day) is None:  # 2000 is a leap year: Feb 29 passes
        return None
    year, anchor = _year_by_tense(ctx, m, month, day)
    if year is None:
        return Found("DATE", f"XXXX-{month:02d}-{day:02d}", anchor)
    return _day_found(ctx, safe_date(year, month, day), anchor)


@rule(rf"(?:(?P<mod>{L.EMOD})[\s-]+)?(?P<mon>{L.MONTH}),?\s+(?:of\s+)?(?P<y>{L.YEAR4})")
def month_year(m, ctx):
    return Found("DATE", month_value(int(m["y"]), L.month_number(m["mon"])), EXPLICIT)


@rule(rf"(?:(?P<mod>{L.EMOD})[\s-]+)?(?P<mon>{L.MONTH})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year")
def month_relative_year(m, ctx):
    reason = ctx.missing("year")
    month = L.month_number(m["mon"])
    if reason:
        return Found("DATE", f"XXXX-{month:02d}", reason)
    year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return Found("DATE", month_value(year, month), ctx.dct)


_DEADLINE_BEFORE = re.compile(r"\b(?:until|till|through|by|before|from|to|into|for)\s+(?:the\s+)?"
                             r"(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?\s*(?:(?-i:[A-Z]{2,4})\s*)?,?\s*)?$", re.I)
_CUE_BEFORE = re.compile(r"(?:\b(?:in|of|since|until|till|by|from|through|to|during|before|after|and|or|"
                         r"early|late|mid|last|next|this|end|beginning|start|between|around|about)\s*-?|,)\s*$", re.I)


@rule(rf"(?:(?P<mod>{L.EMOD})[\s-]+(?:of\s+)?|(?P<rel>this|last|next|this\s+past|this\s+coming)\s+)?(?P<mon>{L.MONTH})(?!\s+(?-i:[A-Z][a-z]))")
def month_name(m, ctx):
    month = L.month_number(m["mon"])
    if m["mon"].lower() == "may" and not (m["mod"] or m["rel"] or _CUE_BEFORE.search(ctx.before(m, 12))):
        return None  # "May" without a cue is too often something else
    rel = _rel_word(m["rel"])
    reason = ctx.missing("month")
    if reason:
        return Found("DATE", f"XXXX-{month:02d}", reason)
    a = ctx.anchor
    if rel == "last":
        # the most recent such month before this one, but not the month just gone: said in March, "last
        # February" is a year back (the one that just ended would be "last month" or "in February")
        year = a.year if month < a.month - 1 else a.year - 1
    elif rel == "next":
        year = a.year if month > a.month else a.year + 1
    elif rel == "this":
        year = a.year
    else:
        year, _ = _year_by_tense(ctx, m, month)
    return Found("DATE", month_value(year, month), ctx.dct)


# --------------------------------------------------------------------------- years, decades, centuries

_NOT_YEAR_BEFORE = re.compile(r"(?:\b(?:no|nos|number|flight|route|room|page|pages|article|resolution|section|"
                              r"model|code|item|case|chapter|rule|rules|highway)\.?\s*|[#№$£€]\s*)$", re.I)
_NOT_YEAR_AFTER = re.compile(r"^\s*(?:%|percent|per\s*cent|-?(?:point|to-|for-)|[a-z]*(?:meters?|metres?|feet|km|miles?|kilos?|tons?|pounds?)\b)", re.I)
_TEMPORAL_HEADS = {"period", "quarter", "season", "year", "election", "level", "levels", "budget", "figure",
                   "figures", "result", "results", "earnings", "loss", "profit", "sales", "census", "agreement",
                   "accord", "law", "act", "campaign", "war", "revolution", "attack", "attacks", "massacre",
                   "model", "crisis", "fiscal", "summer", "winter", "spring", "fall", "autumn", "strike"}


@rule(rf"(?:(?P<mod>{L.EMOD})[\s-]+(?:of\s+)?|(?P<pre>fiscal|calendar|the\s+year|fiscal\s+year|FY)\s*)?(?P<y>{L.YEAR4})(?!s\b|[-–](?!(?:1[6-9]|20)\d\d\b)\d|/\d)")
def year(m, ctx):
    if _NOT_YEAR_BEFORE.search(ctx.before(m, 12)) or _NOT_YEAR_AFTER.match(ctx.after(m, 12)):
        return None
    second = re.match(r"[-–]((?:1[6-9]|20)\d\d)\b", ctx.after(m, 6))
    if second and not 0 < int(second.group(1)) - int(m["y"]) <= 100:
        return None  # "2010-2014" is a range of two years (TimeML marks both); a falling pair is something else
    if ctx.doc is not None and not m["pre"] and _counts_something(ctx.doc, m.start("y"), m.end("y")):
        return None
    return Found("DATE", m["y"], EXPLICIT)


def _counts_something(doc, start: int, end: int) -> bool:
    """True when spaCy parses the number as counting a following noun ("1998 delegates")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    head = token.head
    # Counts modify plural nouns ("2000 delegates"); a year modifying a singular noun is a date ("the 1987 crash").
    return (token.dep_ == "nummod" and head.i > token.i and head.tag_ == "NNS"
            and head.lower_ not in _TEMPORAL_HEADS)


@rule(r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<dec>(?:1[6-9]|20)\d0|['’]\d0)['’]?s")
def decade(m, ctx):
    digits = m["dec"].lstrip("'’")
    if len(digits) == 2:
        century = "20" if digits in ("00", "10") else "19"
        digits = century + digits
    return Found("DATE", digits[:3], EXPLICIT)


@rule(r"the\s+(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<cent>eighteen|nineteen)[\s-]+)?(?P<word>" + L.alternation(L.DECADE_WORDS) + r")")
def decade_word(m, ctx):
    """"the nineties", and as transcripts spell it, "the nineteen eighties" (198)."""
    century = "18" if (m["cent"] or "").lower() == "eighteen" else "19"
    return Found("DATE", f"{century}{L.DECADE_WORDS[m['word'].lower()]}", EXPLICIT)


@rule(r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|" + L.alternation(
    [w for w, v in L.ORDINALS.items() if v > 0]) + r")[\s-]+century")
def century(m, ctx):
    word = m["n"].lower()
    n = int(re.match(r"\d+", word).group()) if word[0].isdigit() else L.ORDINALS.get(word)
    if not n or n > 21:
        return None
    return Found("DATE", f"{n - 1:02d}", EXPLICIT)


_SPOKEN_TENS = L.alternation(["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                              "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                              "eighty", "ninety"])
_SPOKEN_UNITS = "one|two|three|four|five|six|seven|eight|nine"


@rule(rf"(?:the\s+year\s+)?(?P<a>nineteen|twenty)[\s-]+(?P<b>{_SPOKEN_TENS})(?:[\s-](?P<c>{_SPOKEN_UNITS}))?"
      rf"|the\s+year\s+two\s+thousand(?:\s+and)?(?:\s+(?P<d>{_SPOKEN_UNITS}|{_SPOKEN_TENS}))?")
def spoken_year(m, ctx):
    if m["a"]:
        value = L.SMALL_NUMBERS[m["a"].lower()] * 100 + L.SMALL_NUMBERS[m["b"].lower()]
        value += L.SMALL_NUMBERS[m["c"].lower()] if m["c"] else 0
    else:
        value = 2000 + (L.SMALL_NUMBERS[m["d"].lower()] if m["d"] else 0)
    return Found("DATE", str(value), EXPLICIT)


# --------------------------------------------------------------------------- quarters, halves, seasons

_QUARTER_ORDINAL = "first|second|third|fourth|1st|2nd|3rd|4th"
# A quarter of a game is not a quarter of the year: words only a match report has, in the same sentence.
_GAME_WORDS = re.compile(r"\b(?:touchdowns?|interceptions?|field\s+goals?|quarterbacks?|halftime|free\s+throws?|"
                         r"three-pointers?|the\s+(?:game|match)|(?:minutes|seconds)\s+(?:left|remaining|to\s+play)|"
                         r"tied\s+the\s+(?:game|score))\b", re.I)


def _in_a_game(ctx: Context, m) -> bool:
    start = max(ctx.text.rfind(".", 0, m.start()), ctx.text.rfind("\n", 0, m.start())) + 1
    ends = [i for i in (ctx.text.find(".", m.end()), ctx.text.find("\n", m.end())) if i >= 0]
    return _GAME_WORDS.search(ctx.text, start, min(ends) if ends else len(ctx.text)) is not None


@rule(rf"(?:(?:the|its|their|a)\s+)?(?:(?:fiscal\s+)?(?P<y1>{L.YEAR4})(?:['’]s)?\s+|(?P<rel1>this|last|next)\s+year's\s+)?(?:(?:fiscal|calendar)[\s-]+)?"
      rf"(?P<q>{_QUARTER_ORDINAL})[\s-]+(?-i:quarter)(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?:(?P<y2>{L.YEAR4})|(?P<rel2>this|last|next)\s+year))?"
      rf"|(?-i:Q)(?P<qn>[1-4])(?:\s+|-|/)?(?P<y3>{L.YEAR4})?")
def quarter(m, ctx):
    q = int(m["qn"]) if m["qn"] else L.ORDINALS[m["q"].lower()]
    year_text = m["y1"] or m["y2"] or m["y3"]
    if year_text:
        return Found("DATE", f"{year_text}-Q{q}", EXPLICIT)
    if _in_a_game(ctx, m):
        return None  # "a touchdown late in the fourth quarter": a quarter of the game
    rel = m["rel1"] or m["rel2"]
    reason = ctx.missing("month" if not rel else "year")
    if reason:
        return Found("DATE", f"XXXX-Q{q}", reason)
    a = ctx.anchor
    if rel:
        return Found("DATE", f"{a.year + {'last': -1, 'this': 0, 'next': 1}[rel.lower()]}-Q{q}", ctx.dct)
    here = quarter_of(a.month)
    tense = ctx.tense(m)
    year = a.year
    if tense == PAST and q > here:
        year -= 1
    elif tense == FUTURE and here - q >= 2:
        year += 1
    return Found("DATE", f"{year}-Q{q}", ctx.dct)


@rule(r"(?P<det>the|this|that|last|next|its|their|a)\s+(?:(?P<adj>latest|current|previous|past|coming|same|comparable|"
      r"corresponding|year-ago|year-earlier|prior-year|most\s+recent|recent|just-ended|just\s+ended|latest\s+fiscal|"
      r"current\s+fiscal|fiscal)\s+)?(?-i:quarter)(?!-|\s+(?:of\s+(?:a|an|the|all|its|those|these|every|it|them)\b|century|mile))")
def relative_quarter(m, ctx):
    det, adj = m["det"].lower(), " ".join((m["adj"] or "").lower().split())
    if det == "a" and adj not in ("year-ago", "year-earlier", "prior-year"):
        return None
    if _in_a_game(ctx, m):
        return None
    reason = ctx.missing("month")
    if reason:
        return Found("DATE", None, reason)
    a = ctx.anchor
    here = quarter_of(a.month)
    if det == "next" or adj == "coming":
        y, q = add_quarters(a.year, here, 1)
    elif det == "this" or adj in ("current", "current fiscal"):
        y, q = a.year, here
    elif det == "last" or adj in ("latest", "previous", "past", "most recent", "recent", "just-ended",
                                  "just ended", "latest fiscal"):
        y, q = add_quarters(a.year, here, -1)
    elif adj in ("year-ago", "year-earlier", "prior-year", "same", "comparable", "corresponding"):
        y, q = add_quarters(a.year, here, -5)  # the last completed quarter a year back, unless one is in focus
        return Found("DATE", f"{y}-Q{q}", ctx.dct, kind="focus-back-quarter")
    else:  # "the quarter": the one in focus (find_times), else the one reported on if the clause is past, else the current one
        y, q = add_quarters(a.year, here, -1) if ctx.tense(m) == PAST else (a.year, here)
        return Found("DATE", f"{y}-Q{q}", ctx.dct, kind="focus-quarter" if det == "the" and not adj else "")
    return Found("DATE", f"{y}-Q{q}", ctx.dct)


@rule(rf"(?:the\s+)?(?P<h>first|second|latter|last|1st|2nd)\s+half\s+of\s+(?:(?:fiscal|calendar)\s+)?(?:(?P<y>{L.YEAR4})|(?P<rel>this|last|next)\s+year|the\s+year)"
      rf"|(?:(?P<rel2>this|last|next)\s+year|(?:fiscal\s+)?(?P<y2>{L.YEAR4}))['’]s\s+(?P<h2>first|second)\s+half"
      rf"|(?:the\s+)?(?P<h3>first|last)\s+two\s+quarters\s+of\s+(?:(?:fiscal|calendar)\s+)?(?P<y3>{L.YEAR4})"
      rf"|(?-i:H)(?P<hn>[12])(?:\s+|-|/)?(?P<y4>{L.YEAR4})")
def half_year(m, ctx):
    if m["hn"]:  # "H1 2012", as "Q3 2011" names a quarter
        return Found("DATE", f"{m['y4']}-H{m['hn']}", EXPLICIT)
    if m["h3"]:  # "the first two quarters of 1990" is that year's first half
        return Found("DATE", f"{m['y3']}-H{1 if m['h3'].lower() == 'first' else 2}", EXPLICIT)
    h = 1 if (m["h"] or m["h2"]).lower() in ("first", "1st") else 2
    if m["y"] or m["y2"]:
        return Found("DATE", f"{m['y'] or m['y2']}-H{h}", EXPLICIT)
    reason = ctx.missing("year")
    if reason:
        return Found("DATE", f"XXXX-H{h}", reason)
    shift = {"last": -1, "this": 0, "next": 1}.get((m["rel"] or m["rel2"] or "this").lower(), 0)
    return Found("DATE", f"{ctx.anchor.year + shift}-H{h}", ctx.dct)


_SEASON_CUE = re.compile(r"\b(?:in|during|over|since|until|through|by|this|last|next|early|late|mid|the|that|of|"
                         r"each|every|throughout)\s*-?$", re.I)


@rule(rf"(?:(?P<mod>{L.EMOD})[\s-]+(?:of\s+)?)?(?:(?P<det>the|this|last|next|this\s+past|this\s+coming|that|the\s+past|the\s+coming)\s+)?"
      rf"(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?:(?P<y>{L.YEAR4})|(?P<sy>nineteen[\s-]+(?:{_SPOKEN_TENS})(?:[\s-](?:{_SPOKEN_UNITS}))?)))?(?![\w-])")
def season(m, ctx):
    code = L.SEASONS[m["s"].lower()]
    det = (m["det"] or "").lower()
    if m["y"]:
        return Found("DATE", f"{m['y']}-{code}", EXPLICIT)
    if m["sy"]:  # "the winter of nineteen ninety-four", as transcripts spell it
        words = re.split(r"[\s-]+", m["sy"].lower())
        return Found("DATE", f"{1900 + sum(L.SMALL_NUMBERS[w] for w in words[1:])}-{code}", EXPLICIT)
    after = ctx.after(m, 20)
    if m["s"].lower() in ("fall", "spring") and not (det or m["mod"]):
        return None  # "fall" and "spring" are verbs and nouns too
    if det in ("the", "that") and re.match(r"\s+of\b", after):
        return None  # "the fall of the regime"
    if not (det or m["mod"]) and not _SEASON_CUE.search(ctx.before(m, 12)):
        return None
    if re.match(r"\s*(?:-|\w+\s+(?:camp|school|session|olympics|games|palace|offensive|storm)\b)", after, re.I):
        return None
    reason = ctx.missing("month")
    if reason:
        return Found("DATE", f"XXXX-{code}", reason)
    return Found("DATE", f"{_season_year(ctx, m, code, _rel_word(det))}-{code}", ctx.dct)


def _season_year(ctx: Context, m, code: str, rel: str) -> int:
    a = ctx.anchor
    first, last = L.SEASON_MONTHS[code]
    if code == "WI":
        in_season = a.month in (12, 1, 2)
        started = a.month == 12 or in_season
        base = a.year if a.month == 12 else a.year - 1 if in_season else a.year  # winter is named by its start year
        if rel == "last":
            return base - 1 if in_season else a.year - 1
        if rel == "next":
            return base + 1 if started else a.year
        return base if in_season else (a.year - 1 if ctx.tense(m) == PAST else a.year)
    if rel == "last":
        return a.year if a.month > last else a.year - 1
    if rel == "next":
        return a.year if a.month < first else a.year + 1
    if rel == "this" or not rel or rel in ("the", "that"):
        if ctx.tense(m) == PAST and a.month < first:
            return a.year - 1
        if ctx.tense(m) == FUTURE and a.month > last:
            return a.year + 1
    return a.year


# --------------------------------------------------------------------------- days relative to the publication date

_DEICTIC_SHIFT = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


_SENTENCE_OPENERS = {"on", "by", "until", "since", "and", "but", "so", "earlier", "later", "early", "late", "as", "from",
                     "for", "before", "after", "through", "then", "even", "also", "only", "just", "not", "yet", "right"}


def _inside_a_name(m, ctx) -> bool:
    """A capitalised "Today", "Tonight", "This Morning", "This Week" right after a capitalised word in mid-sentence
    is part of a name ("USA Today", "World News Tonight", "CBS This Morning", "This is VOA Today"), not a time."""
    if not m.group(0)[:1].isupper():
        return False
    prev = re.search(r"(?:^|(?P<cut>[.!?:;\"“”'(\n])|\s)\s*(?P<w>[A-Z][\w'’&-]*)\s+$", ctx.before(m, 40))
    if prev is None or prev.group("w").lower() in _SENTENCE_OPENERS or prev.group("w").lower() in L.WEEKDAY_NAMES:
        return False
    return True


@rule(rf"(?:(?P<mod>early|late|later|earlier|mid-?afternoon|mid-?morning)\s+)?(?P<w>yesterday|today|tomorrow|tonight)(?:\s+(?P<pod>{L.PART_OF_DAY}))?"
      r"|the\s+day\s+(?P<ba>before\s+yesterday|after\s+tomorrow)")
def deictic_day(m, ctx):
    if _inside_a_name(m, ctx):
        return None
    word = (m["w"] or "").lower()
    shift = _DEICTIC_SHIFT.get(word, -2 if (m["ba"] or "").lower().startswith("before") else 2)
    pod = m["pod"] or ("night" if word == "tonight" else None)
    if not pod and m["mod"] and "afternoon" in m["mod"].lower():
        pod = "afternoon"
    if not pod and m["mod"] and "morning" in m["mod"].lower():
        pod = "morning"
    reason = ctx.missing("day")
    if reason:
        return Found("TIME" if pod else "DATE", None, reason)
    return _day_found(ctx, ctx.anchor.date + dt.timedelta(days=shift), ctx.dct, pod)


@rule(rf"(?:(?P<mod>early|late)\s+)?(?P<rel>this|last)\s+(?P<pod>{L.PART_OF_DAY})")
def part_of_this_day(m, ctx):
    if _inside_a_name(m, ctx):
        return None
    reason = ctx.missing("day")
    if reason:
        return Found("TIME", None, reason)
    shift = -1 if m["rel"].lower() == "last" else 0
    if shift and m["pod"].lower() != "night":
        return None  # "last morning" is not a deictic day
    return _day_found(ctx, ctx.anchor.date + dt.timedelta(days=shift), ctx.dct, m["pod"])


@rule(rf"(?:(?P<mod>early|late|earlier|later)\s+(?:on\s+)?)?(?:(?P<rel>last|this|next|past|coming|previous|this\s+past|this\s+coming|the\s+previous|the\s+following)\s+)?"
      rf"(?P<wd>{L.WEEKDAY})(?:\s+(?P<pod>{L.PART_OF_DAY}))?")
def weekday(m, ctx):
    wd = L.weekday_number(m["wd"])
    rel = _rel_word(m["rel"])
    if rel in ("the following", "the previous"):
        return Found("DATE", None, EVENT_RELATIVE)
    reason = ctx.missing("day")
    if reason:
        return Found("TIME" if m["pod"] else "DATE", f"XXXX-WXX-{wd}" if not m["pod"] else None, reason)
    dct = ctx.anchor.date
    if rel == "last":
        date = weekday_near(dct, wd, "before")
    elif rel == "next":
        date = weekday_near(dct, wd, "after")
    else:  # a bare weekday in news: the nearest such day not after the publication date, unless future
        date = weekday_near(dct, wd, "not-before" if _ahead(ctx, m) else "not-after")
    return _day_found(ctx, date, ctx.dct, m["pod"])


def _ahead(ctx: Context, m) -> bool:
    """A bare weekday is ahead of the publication date in the future tense, or with an event verb in
    the present ("meet separately Monday"), unless it starts a state ("since Monday")."""
    tense = ctx.tense(m)
    if tense == FUTURE:
        return True
    if tense != PAST and re.search(r"\b(?:until|till|by|before)\s+$", ctx.before(m, 8), re.I):
        return True  # a deadline not set in the past lies ahead: "he has until Friday to respond", "finish by Friday"
    return tense == PRESENT and not re.search(r"\b(?:since|last|earlier|ago)\s*$", ctx.before(m, 10), re.I)


_REL_UNITS = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "fiscal year": "Y", "calendar year": "Y",
              "decade": "E", "century": "C"}


@rule(rf"(?:(?P<mod>{L.EMOD})[\s-]+(?:(?:in|of)\s+)?)?(?:the\s+)?(?P<rel>that\s+same|this|last|next|past|previous|coming|current|present|following|same|prior|that)\s+"
      r"(?P<u>week|weekend|month|year|fiscal\s+year|calendar\s+year|decade|century)(?!-)")
def relative_unit(m, ctx):
    if _inside_a_name(m, ctx):
        return None  # "ABC's This Week", "Person of This Year"
    rel = _rel_word(m["rel"])
    unit = _REL_UNITS[" ".join(m["u"].lower().split())]
    if " ".join(m["rel"].lower().split()) in ("following", "same", "that", "that same"):
        return _anaphoric(m, ctx, unit)
    if (unit == "W" and rel == "last" and not m["mod"] and m.group(0).lower().startswith("the ")
            and re.search(r"\b(?:in|over|during|within|throughout|for)\s+$", ctx.before(m, 12), re.I)):
        return Found("DURATION", "P1W", EXPLICIT)  # "in the last week": the seven days up to now, a duration
    shift = {"last": -1, "this": 0, "next": 1}.get(rel)
    if shift is None:
        return None
    need = {"W": "day", "WE": "day", "M": "month"}.get(unit, "year")
    reason = ctx.missing(need)
    if reason:
        return Found("DATE", None, reason)
    a = ctx.anchor
    if unit in ("W", "WE"):
        monday = a.date - dt.timedelta(days=a.date.weekday()) + dt.timedelta(weeks=shift)
        return Found("DATE", week_value(monday) + ("-WE" if unit == "WE" else ""), ctx.dct)
    if unit == "M":
        return Found("DATE", month_value(*add_months(a.year, a.month, shift)), ctx.dct)
    if unit == "Y":
        return Found("DATE", str(a.year + shift), ctx.dct)
    if unit == "E":
        return Found("DATE", str(a.year // 10 + shift), ctx.dct)
    return Found("DATE", f"{a.year // 100 + shift:02d}", ctx.dct)


def _anaphoric(m, ctx, unit) -> Found:
    """"that year", "the same year", "the following year": relative to the last year the text named.

    "that week", "the following month": ``find_times`` counts them from the last day (weeks) or month (months)
    the text named before them, the narrative's reference time; with none they stay unresolved."""
    if unit in ("W", "M"):
        return Found("DATE", None, EVENT_RELATIVE, kind=f"anaphor-{unit}",
                     shift=1 if m["rel"].lower() == "following" else 0)
    if unit != "Y":
        return Found("DATE", None, EVENT_RELATIVE)
    shift = 1 if m["rel"].lower() == "following" else 0
    years = re.findall(r"(?<![\d,.$])(1[6-9]\d\d|20\d\d)(?![\d%])", ctx.text[max(0, m.start() - 600):m.start()])
    if not years:
        return Found("DATE", None, EVENT_RELATIVE)
    return Found("DATE", str(int(years[-1]) + shift), f"text:{years[-1]}")


@rule(r"(?P<rel>the\s+past|the\s+coming|the)\s+weekend")
def weekend(m, ctx):
    reason = ctx.missing("day")
    if reason:
        return Found("DATE", None, reason)
    d = ctx.anchor.date
    monday = d - dt.timedelta(days=d.weekday())
    rel = _rel_word(m["rel"])
    if rel == "next" or (rel not in ("last", "this") and ctx.tense(m) == FUTURE):
        target = monday if d.isoweekday() < 6 else monday + dt.timedelta(weeks=1)
    elif rel == "this":
        target = monday
    else:  # the weekend just gone
        target = monday if d.isoweekday() >= 6 and rel != "last" else monday - dt.timedelta(weeks=1)
    return Found("DATE", week_value(target) + "-WE", ctx.dct)


@rule(r"(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?year-(?:ago|earlier)(?:\s+(?P<what>(?:(?:first|second|third|fourth)\s+)?quarter|period|nine\s+months|six\s+months))?")
def year_ago_adjective(m, ctx):
    what = (m["what"] or "").lower()
    if not what and re.match(r"\s+(?:week|month|day|session)s?\b", ctx.after(m, 12), re.I):
        return Found("DATE", None, EVENT_RELATIVE)  # "the year-earlier week": which week is not said
    if "months" in what:
        return Found("DURATION", "P9M" if "nine" in what else "P6M", EXPLICIT)
    reason = ctx.missing("month" if what else "year")
    if reason:
        return Found("DATE", None, reason)
    a = ctx.anchor
    if what:
        ordinal = what.split()[0] if " " in what else ""
        if ordinal in L.ORDINALS:
            return Found("DATE", f"{a.year - 1}-Q{L.ORDINALS[ordinal]}", ctx.dct)
        y, q = add_quarters(a.year, quarter_of(a.month), -5)  # the last completed quarter, a year back, unless
        return Found("DATE", f"{y}-Q{q}", ctx.dct, kind=f"focus-back-{what}")  # a period is in focus (find_times)
    return Found("DATE", str(a.year - 1), ctx.dct)


# --------------------------------------------------------------------------- "two years ago", durations


@rule(rf"(?:(?P<approx>{L.APPROX})\s+)?(?P<n>{L.NUMBER})(?:\s+or\s+so)?[\s-]+(?P<u>{L.UNIT})(?:\s+or\s+so)?\s+"
      r"(?P<dir>ago|earlier|from\s+now|hence|back|later|before|after)")
def units_ago(m, ctx):
    letter, is_time = L.unit_letter(m["u"])
    n = L.number_value(m["n"])
    if n is not None and m["u"].lower().startswith("fortnight"):
        n *= 2  # a fortnight is two weeks
    direction = " ".join(m["dir"].lower().split())
    if direction in ("later", "before", "after"):
        return _duration(m, ctx, n, letter, is_time)
    sign = 1 if direction in ("from now", "hence") else -1
    if n is None:
        return Found("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", EXPLICIT)
    if n != int(n):
        return _duration(m, ctx, n, letter, is_time)
    n = int(n) * sign
    if letter in ("E", "C", "L"):
        n, letter = n * {"E": 10, "C": 100, "L": 1000}[letter], "Y"
    need = {"Y": "year", "Q": "month", "M": "month"}.get(letter, "day")
    if is_time:
        need = "day"
    reason = ctx.missing(need)
    if reason:
        return Found("DATE", None, reason)
    a = ctx.anchor
    if letter == "Y":
        return Found("DATE", str(a.year + n), ctx.dct)
    if letter == "M" and not is_time:
        return Found("DATE", month_value(*add_months(a.year, a.month, n)), ctx.dct)
    if letter == "Q":
        return Found("DATE", f"{add_quarters(a.year, quarter_of(a.month), n)[0]}-Q{add_quarters(a.year, quarter_of(a.month), n)[1]}", ctx.dct)
    if letter == "W":
        return Found("DATE", week_value(shift_date(a.date, n, "W")), ctx.dct)
    if is_time:
        return _day_found(ctx, a.date, ctx.dct)
    return _day_found(ctx, shift_date(a.date, n, "D"), ctx.dct)


# Nouns a "24-hour" modifier gives a real length to ("a 24-hour strike"); with other nouns it means "all day".
_TIMED_NOUNS = {"strike", "strikes", "ceasefire", "cease-fire", "truce", "curfew", "period", "delay", "deadline",
                "shutdown", "stoppage", "fast", "walkout", "lockdown", "ban", "blackout", "window", "halt", "closure",
                "suspension", "siege", "pause", "respite", "extension", "trip", "visit", "journey", "flight", "stay",
                "detention", "operation", "offensive", "bombardment", "battle", "vigil", "march", "wait", "notice",
                "shift", "session", "meeting", "talks", "break", "outage", "cycle", "race", "test"}
_DURATION_PREP = re.compile(r"\b(?:for|in|within|after|over|than|only|just|a|per|of|least|about|some|each|every|by|"
                            r"nearly|almost|around|under|last|first|next|past|whole|entire|full|single)\s+$", re.I)


# Things whose age news states as a stretch of time ("the 8-month-old truce", "a decade-old dispute").
_AGED_THINGS = {"truce", "ceasefire", "cease-fire", "war", "conflict", "strike", "dispute", "crisis", "government",
                "regime", "law", "ban", "blockade", "embargo", "siege", "occupation", "uprising", "insurgency",
                "rebellion", "standoff", "stalemate", "boycott", "moratorium", "agreement", "deal", "accord", "peace",
                "investigation", "inquiry", "case", "feud", "rivalry", "campaign", "program", "programme", "policy",
                "coalition", "alliance", "partnership", "marriage", "friendship", "company", "record", "tradition"}


def _age_of_someone(m, ctx) -> bool:
    """"-year-old" is a person's age (not a time expression: "a 44-year-old man", "the six-year-old",
    "44-year-old Ann Lee") unless a thing whose age is a stretch of time follows ("the 8-month-old truce")."""
    after = re.match(r"-olds?\s+(?P<w>[A-Za-z][\w-]*)", ctx.text[m.end() - (4 if m["old"] else 0):m.end() + 30])
    return not (after and after.group("w").lower() in _AGED_THINGS)


def _round_the_clock(m, ctx) -> bool:
    if not (m["u"].lower() == "hour" and L.number_value(m["n"]) == 24 and "-" in m.group(0)[m.start("n") - m.start():]):
        return False
    following = re.match(r"\s+([a-z-]+)(?:\s+([a-z-]+))?", ctx.after(m, 40))
    # the noun right after, or after one adjective ("a 24-hour general strike"), has a length
    return not (following and (following.group(1).lower() in _TIMED_NOUNS
                               or (following.group(2) or "").lower() in _TIMED_NOUNS))


def _someday(m, ctx) -> bool:
    """"one day" meaning some day in the future: right after "to" or a modal ("to one day return"), not a count."""
    before = ctx.before(m, 15)
    if m["det"] or m["rel"] or m["approx"] or "-" in m.group(0) or _DURATION_PREP.search(before):
        return False
    if re.match(r"\s*(?:later|earlier|before|after|ago|of|a\b|per\b|-)", ctx.after(m, 8), re.I):
        return False
    return bool(re.search(r"\b(?:to|will|would|could|can|may|might|shall|should|must)\s+$", before, re.I))


def _duration(m, ctx, n: float | None, letter: str, is_time: bool, set_: bool = False) -> Found:
    kind = "SET" if set_ else "DURATION"
    t = "T" if is_time else ""
    if n is None:
        return Found(kind, f"P{t}X{letter}", EXPLICIT)
    if letter in ("E", "C", "L"):  # "two decades" -> P20Y; a bare "decades" stays PXE
        n, letter = n * {"E": 10, "C": 100, "L": 1000}[letter], "Y"
    if n != int(n):
        return Found(kind, _fractional(n, letter, is_time), EXPLICIT)
    return Found(kind, f"P{t}{int(n)}{letter}", EXPLICIT)


def _fractional(n: float, letter: str, is_time: bool) -> str:
    """"two and a half years" -> P2Y6M (the half in the next smaller unit, where there is one)."""
    whole = int(n)
    if letter == "W" and not is_time:
        return f"P{whole * 7 + 3}DT12H"
    smaller = {("Y", False): "6M", ("M", False): "15D", ("D", False): "T12H", ("H", True): "30M", ("M", True): "30S"}
    if (letter, is_time) not in smaller:
        return f"P{'T' if is_time else ''}{n:g}{letter}"
    head = f"{whole}{letter}" if whole else ""
    return f"P{'T' if is_time else ''}{head}{smaller[(letter, is_time)]}"


# "four flights a week", "700 more seats a week": a count of something, then "a <unit>", is a rate (a SET)
_COUNTED_BEFORE = re.compile(r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|several|few))"
                             r"\S*\s+(?:[a-z-]+\s+){0,2}[a-z-]+s\s*$", re.I)
_SET_BEFORE = re.compile(r"(?:\d|%|\bpercent|\bmillion|\bbillion|\bcents?|\btimes|\btwice|\bonce|\bthrice|\bdollars?|\bpounds?|\beuros?|\bbarrels?|\btons?|\bpeople)\s*$", re.I)


@rule(rf"(?:(?P<approx>{L.APPROX})\s+(?!the\s))?(?:(?P<det>the|each\s+of\s+the|all\s+of\s+the)\s+)?(?:(?P<rel>past|last|next|first|final|previous|coming|following|"
      r"latest|remaining|additional|further|entire|full|whole|initial|ensuing|preceding|same|other|subsequent|intervening)\s+)?"
      rf"(?P<n>{L.NUMBER})(?P<half0>\s+and\s+a\s+half)?(?:\s+(?:more|additional|full|straight|consecutive|long|extra))?[\s-]+(?:(?:trading|business|working|calendar|school)\s+)?"
      rf"(?P<u>{L.UNIT})(?P<half>\s+and\s+a\s+half)?(?P<old>-old)?")
def duration(m, ctx):
    letter, is_time = L.unit_letter(m["u"])
    word = m["n"].lower()
    if word in ("a", "an", "one") and m["u"].lower() in ("second", "quarter"):
        return None  # "a second attack", "a quarter of the votes"
    if re.match(r"\s*(?:of\s+(?:the|its|their|his|her|a)\b)", ctx.after(m, 15)) and word in ("a", "an") and not m["approx"]:
        return None
    if m["u"].lower().startswith("quarter") and "-" in m.group(0) and not m["old"]:
        return None  # "three-quarters of its food" is a fraction
    if re.match(r"\s+old\b", ctx.after(m, 6)) and not m["det"]:
        return None  # an age, "52 years old"
    if (m["old"] or re.match(r"-olds?\b", ctx.after(m, 6))) and _age_of_someone(m, ctx):
        return None  # a person's age: "a 44-year-old man", "the six-year-old", "44-year-old Ann Lee"
    if _round_the_clock(m, ctx):
        return None  # "24-hour news", "a 24-hour hotline": all day long, not a stretch of time
    if word == "one" and m["u"].lower() == "day" and _someday(m, ctx):
        return Found("DATE", "FUTURE_REF", EXPLICIT)  # "hopes to one day return"
    n = L.number_value(m["n"])
    if n is None and word in ("some",) and m["u"].lower().endswith("s") is False:
        return None  # "some day" is not a count
    if n is not None and (m["half"] or m["half0"]):
        n += 0.5
    if n is not None and m["u"].lower().startswith("fortnight"):
        n *= 2  # a fortnight is two weeks
    if n is not None and n > 10000:
        return None
    set_ = word in ("a", "an") and not m["det"] and not m["rel"] and not m["approx"] and bool(
        _SET_BEFORE.search(ctx.before(m, 15)) or _COUNTED_BEFORE.search(ctx.before(m, 40)))
    return _duration(m, ctx, n, letter, is_time, set_)


_RANGE_NUMBER = rf"(?:{L.NUM_DIGITS}|{L.NUM_WORD_COMPOUND}|(?:{L.NUM_WORD})\b)"


@rule(rf"(?P<n>{_RANGE_NUMBER})(?=\s*(?:to|or|and|-|–)\s*{_RANGE_NUMBER}[\s-]+(?:(?:more|additional|full|straight|consecutive)\s+)?(?P<u>{L.UNIT}))")
def range_first(m, ctx):
    """"two to six days", "three or four years": TimeML gives the first number its own duration, in the unit
    named after the second (P2D)."""
    n = L.number_value(m["n"])
    if n is None or n > 10000:
        return None
    unit = re.match(rf"\s*(?:to|or|and|-|–)\s*{_RANGE_NUMBER}[\s-]+(?:(?:more|additional|full|straight|consecutive)\s+)?({L.UNIT})",
                    ctx.text[m.end():m.end() + 60], re.I)
    rest = ctx.text[m.end() + unit.end():m.end() + unit.end() + 12] if unit else ""
    if unit is None or re.match(r"[\s-]+old\b|-old|\s+(?:ago|earlier|later|before|after|hence|from\s+now)\b", rest, re.I):
        return None  # an age; "five to ten years ago" is a date (left to the second number)
    letter, is_time = L.unit_letter(unit.group(1))
    return _duration(m, ctx, n, letter, is_time)


@rule(r"(?:(?P<approx>about|around|almost|nearly|more\s+than|less\s+than|over|for|under)\s+)?(?:a\s+)?half\s+(?:an?\s+)?(?P<u>hour|day|year|month|century|decade)")
def half_unit(m, ctx):
    return Found("DURATION", {"hour": "PT30M", "day": "PT12H", "year": "P6M", "month": "P15D", "century": "P50Y",
                              "decade": "P5Y"}[m["u"].lower()], EXPLICIT)


@rule(r"(?P<rel>the\s+past|the\s+last|the\s+next|the\s+coming|the\s+following|the\s+previous|recent|coming|past|the\s+early|the\s+later|the\s+latter)\s+"
      r"(?P<u>years|months|weeks|days|decades|centuries|hours|minutes|quarters)")
def vague_plural(m, ctx):
    rel = " ".join(m["rel"].lower().split()).removeprefix("in ")
    if rel in ("the early", "the later", "the latter") and re.match(r"\s+of\b", ctx.after(m, 6), re.I):
        return None  # "the early hours of Sunday", "the later years of his life": a part of something, not a stretch
    if rel in ("coming", "the coming"):
        return Found("DATE", "FUTURE_REF", EXPLICIT)
    letter, is_time = L.unit_letter(m["u"])
    return Found("DURATION", f"P{'T' if is_time else ''}X{letter}", EXPLICIT)


_BARE_PLURAL_CUE = re.compile(r"\b(?:for|over|within|after|took|take|takes|taking|lasted|last|lasts|in|spent|spend|than)\s+$", re.I)


@rule(r"(?P<u>(?:year|month|week|day|decade|centur(?:y|ie))s?)(?P<long>-long)"
      r"|(?:(?<=\bover\s)|(?<=\bduring\s)|(?<=\bacross\s)|(?<=\bthrough\s))the\s+(?P<u3>years|decades|months|weeks)")
def stretch_adjective(m, ctx):
    """"a decades-long feud" (PXE), "a year-long siege" (P1Y), "over the years" (PXY): vague or single stretches."""
    unit = (m["u"] or m["u3"]).lower()
    letter, is_time = L.unit_letter(unit)
    if m["u3"] or unit.endswith("s") or unit == "centuries":
        return Found("DURATION", f"PX{letter}", EXPLICIT)
    return _duration(m, ctx, 1.0, letter, is_time)


@rule(r"(?P<u>years|months|weeks|decades|centuries|days|hours|minutes)")
def bare_plural(m, ctx):
    if not _BARE_PLURAL_CUE.search(ctx.before(m, 12)) or re.match(r"\s*(?:of|old|ago|earlier|later|before|after)\b", ctx.after(m, 10)):
        return None
    if m["u"].lower() in ("days", "hours", "minutes") and re.search(r"\b(?:after|last|in|than)\s+$", ctx.before(m, 8), re.I):
        return None  # "after hours" (trading), "in days" and "than days" are too often not stretches
    letter, is_time = L.unit_letter(m["u"])
    return Found("DURATION", f"P{'T' if is_time else ''}X{letter}", EXPLICIT)


# --------------------------------------------------------------------------- sets

_ADVERB_SETS = {"daily": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W", "monthly": "P1M",
                "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D",
                "semiannually": "P6M", "biannually": "P6M", "every day": "P1D"}


@rule(r"(?P<q>every|each|per)\s+(?:(?P<other>other|single)\s+)?(?:(?P<n>two|three|four|five|six|\d+)\s+)?(?P<u>second|minute|hour|day|night|morning|evening|afternoon|week|weekend|month|quarter|year|decade|century|hours|days|weeks|months|years)\b"
      rf"|(?P<q2>every|each)\s+(?P<wd>{L.WEEKDAY})|(?P<wds>(?-i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))(?:\s+(?P<pod>{L.PART_OF_DAY}s?))?|(?P<wdn>{L.WEEKDAY})\s+(?P<pods>(?:morning|afternoon|evening|night)s)"
      rf"|(?P<q3>every|each)\s+(?P<mon>{L.MONTH})")
def set_every(m, ctx):
    if m["wd"] or m["wds"] or m["wdn"]:
        wd = L.weekday_number(m["wd"] or m["wds"] or m["wdn"])
        pod = L.PARTS_OF_DAY.get((m["pod"] or m["pods"] or "").lower().rstrip("s"))
        return Found("SET", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""), EXPLICIT)
    if m["mon"]:
        return Found("SET", f"XXXX-{L.month_number(m['mon']):02d}", EXPLICIT)
    unit = m["u"].lower()
    if unit in ("night", "morning", "evening", "afternoon"):
        return Found("SET", f"XXXX-XX-XXT{L.PARTS_OF_DAY[unit]}", EXPLICIT)
    if unit == "weekend":
        return Found("SET", "XXXX-WXX-WE", EXPLICIT)
    letter, is_time = L.unit_letter(unit)
    n = 2 if (m["other"] or "").lower() == "other" else int(L.number_value(m["n"]) or 1) if m["n"] else 1
    return Found("SET", f"P{'T' if is_time else ''}{n}{letter}", EXPLICIT)


@rule(L.alternation(_ADVERB_SETS))
def set_adverb(m, ctx):
    word = m.group(0).lower()
    if word in ("daily", "weekly", "monthly") and re.match(r"\s+(?-i:[A-Z])", ctx.after(m, 3)):
        return None  # a title: "the Daily Telegraph"
    if word not in ("annually", "every day") and _modifies_noun(ctx, m):
        return None  # "quarterly dividend", "daily volume": an adjective, not a recurring time
    return Found("SET", _ADVERB_SETS[" ".join(word.split())], EXPLICIT)


_FUNCTION_WORDS = re.compile(r"\s*(?:[,.;:!?)\"'”]|$|(?:and|or|but|since|from|to|in|on|at|for|by|until|through|over|with|basis|as|than|if|when)\b)", re.I)


def _modifies_noun(ctx: Context, m) -> bool:
    if ctx.doc is not None:
        span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and len(span) == 1:
            return span[0].pos_ == "ADJ" or span[0].dep_ == "amod"
    return not _FUNCTION_WORDS.match(ctx.after(m, 12))


# --------------------------------------------------------------------------- present, past and future references

_REFS = {
    "PRESENT_REF": r"right\s+now|just\s+now|now|currently|at\s+present|presently|nowadays|these\s+days|at\s+the\s+moment|at\s+this\s+(?:(?:crucial|critical|very|particular|difficult|decisive|historic|delicate|sensitive|late)\s+)?(?:time|moment|stage|point)|the\s+present(?:\s+day|\s+time)?|today's|as\s+of\s+now",
    "PAST_REF": r"recently|lately|the\s+past|more\s+recently|until\s+recently|not\s+long\s+ago|some\s+time\s+ago|long\s+ago|years\s+ago|recent\s+times",
    "FUTURE_REF": r"the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|(?<=in\s)future|soon|as\s+soon\s+as\s+possible|the\s+(?:near|short|long|longer|medium)\s+term|the\s+(?:days|weeks|months|years)\s+ahead|one\s+day\s+soon",
}


@rule(r"(?P<present>" + _REFS["PRESENT_REF"] + r")|(?P<past>" + _REFS["PAST_REF"] + r")|(?P<future>" + _REFS["FUTURE_REF"] + r")")
def reference(m, ctx):
    if m["present"]:
        word = m["present"].lower()
        if word == "now" and re.match(r"\s*that\b|-|\s+and\s+(?:then|again)\b", ctx.after(m, 12)):
            return None  # "now that ..." is causal; "now-defunct" a modifier; "now and then" a frequency
        if word in ("now", "just now") and in_past_narrative(ctx.doc, m.start(), m.end()):
            return None  # "the army was now in control": the narrative's time, not the report's present
        if word == "today's":
            return None if ctx.anchor else Found("DATE", "PRESENT_REF", EXPLICIT)
        return Found("DATE", "PRESENT_REF", EXPLICIT)
    if m["past"]:
        if m["past"].lower().replace(" ", "") == "thepast" and _PAST_NP.match(ctx.after(m, 20)):
            return None  # "the past three summers", "the past few elections": "past" is an adjective there
        return Found("DATE", "PAST_REF", EXPLICIT)
    word = m["future"].lower()
    if word.startswith("the") and "term" not in word and "ahead" not in word and (
            re.match(r"\s+of\b", ctx.after(m, 6)) or not _FUTURE_PREP.search(ctx.before(m, 12))):
        return None  # "the future of the talks", "the future looks bright": the fate of something, not a time
    if word == "soon" and (re.search(r"\bas\s+$", ctx.before(m, 4), re.I)
                           or re.match(r"\s+(?:after|afterwards?|before|thereafter|enough)\b", ctx.after(m, 14), re.I)):
        return None  # "as soon as the threats end", "soon after his capture": relative to an event, not the future
    return Found("DATE", "FUTURE_REF", EXPLICIT)


_FUTURE_PREP = re.compile(r"\b(?:in|into|for|until|till|towards?|from|over|through|during|at\s+some\s+point\s+in)\s+$", re.I)
_PAST_NP = re.compile(r"\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|few|several|many|"
                      r"couple|dozen|hundred|half)\b)", re.I)


# --------------------------------------------------------------------------- clock times


@rule(r"(?:(?P<approx>about|around|at\s+about|at\s+around|approximately|shortly|just|roughly|some\s+time|sometime)\s+(?:(?P<ba>before|after)\s+)?)?"
      r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?![\d:])(?:\s+(?:hours|hrs|h)\b)?"
      r"|(?P<word>noon|midday|midnight)|(?P<oc>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o'clock)"
      r"(?:\s+(?P<tz>(?-i:[A-Z]{2,4}T|GMT|UTC|UT)|local\s+time|local|(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?\s+time))?")
def clock(m, ctx):
    if m["ap"]:
        hour = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
        minute = int(m["mi"] or 0)
        tod = f"T{hour:02d}:{minute:02d}"
    elif m["h24"] is not None:
        before = ctx.before(m, 3)
        if re.search(r"\d[:.]?$|[:/]$", before):
            return None
        tod = f"T{int(m['h24']):02d}:{m['mi24']}"
    elif m["oc"]:
        h = m["oc"].lower()
        hour = int(h) if h.isdigit() else int(L.SMALL_NUMBERS[h])
        tod = f"T{hour:02d}:00"
    else:
        word = m["word"].lower()
        if word == "midnight":
            tod = "T00:00" if (m["ba"] or "").lower() == "after" else "T24:00"
        else:
            tod = "T12:00"
    if ctx.missing("day"):
        return Found("TIME", f"XXXX-XX-XX{tod}", ctx.missing("day"), kind="tod", tod=tod)
    date = ctx.anchor.date
    return Found("TIME", f"{date.isoformat()}{tod}", ctx.dct, kind="tod", day=date, tod=tod)


@rule(r"(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<det>the)\s+)?(?P<pod>morning|afternoon|mid-?afternoon|evening|night|overnight)")
def part_of_day(m, ctx):
    """A bare part of day ("the morning") is a TIME on whatever day it is attached to (merged later), else undated."""
    pod = m["pod"].lower()
    if not (m["det"] or m["mod"] or pod in ("overnight", "mid-afternoon", "midafternoon")):
        return None
    if re.match(r"\s+(?:of|after|before)\b", ctx.after(m, 8), re.I) or re.match(r"[\s-]+(?:news|show|paper|shift|prayers?|session|star|post)\b", ctx.after(m, 12), re.I):
        return None
    return Found("TIME", None, EVENT_RELATIVE, kind="tod", tod=f"T{L.PARTS_OF_DAY[pod]}")


# --------------------------------------------------------------------------- the year / the month in focus

@rule(r"(?:(?P<mod>around|about|by|until|before|after|since)\s+)?(?:the\s+)?(?:year[\s-]end|year's\s+end|end\s+of\s+the\s+(?P<u>year|month|week|quarter)|(?P<b>beginning|start|middle)\s+of\s+the\s+(?P<u2>year|month|week))")
def end_of_period(m, ctx):
    unit = (m["u"] or m["u2"] or "year").lower()
    reason = ctx.missing({"year": "year", "month": "month", "quarter": "month"}.get(unit, "day"))
    if reason:
        return Found("DATE", None, reason)
    a = ctx.anchor
    value = {"year": lambda: str(a.year), "month": lambda: month_value(a.year, a.month),
             "quarter": lambda: f"{a.year}-Q{quarter_of(a.month)}", "week": lambda: week_value(a.date)}[unit]()
    return Found("DATE", value, ctx.dct)


_NARRATIVE_YEAR = re.compile(r"\s+(?:after|before|when|that|which|in\s+which|following|he|she|they|it|i|we|you)\b", re.I)


@rule(r"the\s+(?:(?P<adj>full|fiscal|current\s+fiscal|calendar|entire|whole)\s+)?year(?P<ended>(?=\s+(?:ended|ending)\b|\s+to\s+(?:the\s+end\s+of\s+)?"
      + L.MONTH + r"))?|(?:earlier|later)\s+in\s+the\s+year")
def the_year(m, ctx):
    """"the year ended March 31", "the year to March" are twelve-month spans; "the full year", "earlier in the
    year" the current one."""
    if m["ended"] is not None:  # an empty group: set when "ended"/"ending" follows
        return Found("DURATION", "P1Y", EXPLICIT)
    if not m["adj"] and _NARRATIVE_YEAR.match(ctx.after(m, 12)):
        return Found("DATE", None, EVENT_RELATIVE)  # "the year after the war", "the year he was born"
    reason = ctx.missing("year")
    if reason:
        return Found("DATE", None, reason)
    return Found("DATE", str(ctx.anchor.year), ctx.dct)


@rule(r"(?<=for\s)(?:a\s+(?:long\s+|short\s+|little\s+)?while|some\s+time|a\s+(?:long|short)\s+time)")
def vague_stretch(m, ctx):
    return Found("DURATION", "PXX", EXPLICIT)


# --------------------------------------------------------------------------- days named from the day in focus

_ANAPHOR_SHIFT = {"that": 0, "the same": 0, "the next": 1, "the following": 1, "the previous": -1, "the preceding": -1}


@rule(r"(?:(?P<mod>early|late|earlier|later)\s+(?:(?:on|in)\s+)?)?(?P<rel>that|the\s+same|the\s+next|the\s+following|the\s+previous|the\s+preceding)"
      r"\s+(?P<u>day|morning|afternoon|evening|night)"
      r"|the\s+day\s+(?P<ba>before|after)(?=\s*[,.;:!?)]|\s*$)"
      r"|(?:(?<=later\sin\s)|(?<=earlier\sin\s))the\s+day(?!\s+(?:before|after|of|when|that|which)\b)")
def anaphoric_day(m, ctx):
    """"that day", "the next morning", "the day before", "later in the day": a day counted from the day in focus.

    The value is filled in by ``find_times`` from the last calendar day named before it (the narrative's
    reference time); "later/earlier in the day" with no day named is the publication date's.
    """
    if m["ba"]:
        shift, unit = (-1 if m["ba"].lower() == "before" else 1), "day"
    elif m["rel"]:
        shift, unit = _ANAPHOR_SHIFT[" ".join(m["rel"].lower().split())], m["u"].lower()
        if re.match(r"\s+(?:of|after|before|when|that|which|in\s+which)\b", ctx.after(m, 12), re.I):
            return None  # "the day after the vote", "the morning of the attack": anchored on an event
    else:
        shift, unit = 0, "day"
    tod = f"T{L.PARTS_OF_DAY[unit]}" if unit != "day" else None
    return Found("TIME" if tod else "DATE", None, EVENT_RELATIVE, kind="anaphor", tod=tod, shift=shift,
                 day=None if m["rel"] or m["ba"] else dt.date.min)  # dt.date.min: may fall back to the DCT


# --------------------------------------------------------------------------- holidays

def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return dt.date(year, month, (h + l_ - 7 * m + 114) % 31 + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (n < 0: from the end) ISO ``weekday`` of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(*add_months(year, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7 + 7 * (-n - 1))


_HOLIDAYS = {  # name -> year -> date (fixed dates, or the rule that makes them)
    "christmas": lambda y: dt.date(y, 12, 25), "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24), "boxing day": lambda y: dt.date(y, 12, 26),
    "new year's eve": lambda y: dt.date(y, 12, 31), "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's": lambda y: dt.date(y, 1, 1), "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14), "the fourth of july": lambda y: dt.date(y, 7, 4),
    "easter": _easter, "easter sunday": _easter, "easter monday": lambda y: _easter(y) + dt.timedelta(days=1),
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4), "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1), "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
}
_HOLIDAY_NAMES = (r"(?-i:Christmas(?:\s+(?:Day|Eve))?|Boxing\s+Day|New\s+Year['’]s(?:\s+(?:Eve|Day))?|Halloween|"
                  r"Valentine['’]s\s+Day|[Tt]he\s+Fourth\s+of\s+July|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|"
                  r"Thanksgiving(?:\s+Day)?|Labou?r\s+Day|Memorial\s+Day)")


@rule(rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>{_HOLIDAY_NAMES})(?:\s+(?P<wk>week(?:end)?))?(?:,?\s+(?P<y>{L.YEAR4}))?")
def holiday(m, ctx):
    """"Thanksgiving Day", "New Year's Eve", "Easter week": dates fixed or computed per year, the year as for a month-day."""
    name = re.sub(r"\s+", " ", m["h"].lower().replace("’", "'")).replace("labour", "labor")
    after = ctx.after(m, 20)
    if re.match(r"\s+(?-i:[A-Z])", after) and not m["y"]:
        return None  # "Christmas Island", "Easter Rising", "Labor Day Parade Committee": part of a name
    if re.search(r"\b(?:Chinese|Lunar|Jewish|Persian|Iranian|Orthodox|Islamic|Hindu|Thai|Tamil|Vietnamese|Canadian)\s+$",
                 ctx.before(m, 14)):
        return None  # another calendar's holiday of the same name, on another date
    rule_ = _HOLIDAYS[name]
    if m["y"]:
        date, anchor = rule_(int(m["y"])), EXPLICIT
    else:
        reason = ctx.missing("month")
        if reason:
            return Found("DATE", None, reason)
        a = ctx.anchor
        this_year = rule_(a.year)
        rel = (m["rel"] or "").lower()
        reference = a.date or dt.date(a.year, a.month, 15)
        if rel == "last":
            year = a.year if this_year < reference else a.year - 1
        elif rel == "next":
            year = a.year if this_year > reference else a.year + 1
        elif rel == "this":
            year = a.year
        else:
            year, _ = _year_by_tense(ctx, m, this_year.month, this_year.day)
        date, anchor = rule_(year), ctx.dct
    if m["wk"]:
        if name in ("easter", "easter sunday"):
            date += dt.timedelta(days=1)  # Easter week starts on Easter Sunday: the ISO week from Easter Monday
        return Found("DATE", week_value(date) + ("-WE" if m["wk"].lower() == "weekend" else ""), anchor)
    return _day_found(ctx, date, anchor)


# --------------------------------------------------------------------------- periods named from the period in focus

@rule(r"the\s+(?P<y>" + L.YEAR4 + r")\s+(?:fiscal\s+)?(?P<what>quarter|period)"
      r"|(?P<same>the\s+(?:same|corresponding|comparable|year-earlier|year-ago)\s+(?:period|quarter)\s+"
      r"(?:(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier)|(?:of\s+)?the\s+(?:previous|prior)\s+year))"
      r"|(?P<lastyears>last\s+year's\s+(?:quarter|period))"
      r"|the\s+(?P<latest>latest|most\s+recent)\s+(?:fiscal\s+)?period")
def focus_period(m, ctx):
    """Financial reporting names the period being compared: "the 1988 quarter", "the same period last year",
    "the latest period". ``find_times`` makes them the quarter in focus (of that year); with no quarter in
    focus the year stands ("the 1988 period" -> 1988), "the latest period" is dropped."""
    if m["y"]:
        return Found("DATE", m["y"], EXPLICIT, kind="focus", shift=0)
    if m["latest"]:
        return Found("DATE", None, EVENT_RELATIVE, kind="focus-latest")
    reason = ctx.missing("year")
    if reason:
        return Found("DATE", None, reason)
    return Found("DATE", str(ctx.anchor.year - 1), ctx.dct, kind="focus", shift=-1)
