"""Rules for explicit calendar dates: ISO and numeric dates, month-day and day-month, month-year, a bare month."""
from __future__ import annotations

import re

from ...lexicon import dates as D
from . import lexicon as L
from .anchor import month_value, safe_date
from .context import EXPLICIT, Found
from .helpers import _day_found, _rel_word, _year_by_tense
from .registry import rule

# The grammar of absolute dates (month names, days, years, numeric dates and their order) is shared with
# publication dates: consilience/lexicon/dates.py. What is the TIMEX rules' own: the year of a day named
# without one (publication date and tense), weekdays before a date, modifiers ("early March").


@rule(D.ISO + r"(?:[T ](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d)(?::\d{2})?)?")
def iso_date(m, ctx):
    date = safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
    if date is None:
        return None
    if m["H"]:
        return Found("TIME", f"{date.isoformat()}T{m['H']}:{m['M']}", EXPLICIT)
    return Found("DATE", date.isoformat(), EXPLICIT, kind="day", day=date)


AMBIGUOUS_ORDER = "unresolved: day and month order unknown (year only)"


@rule(D.NUMERIC)
def numeric_date(m, ctx):
    """"03/15/2019", "15.03.2019", "11/19/19": the order from the date itself, the document's other numeric dates,
    or the publication date being one reading (lexicon/dates.py); with none, only the year is given."""
    anchor = ctx.anchor
    near = anchor.year if anchor else None
    if ctx.numeric_order is False:
        ctx.numeric_order = D.numeric_order(ctx.text)
    parts = D.parts(m, ctx.numeric_order, near, anchor.date if anchor else None)
    if parts is None:
        readings = D.readings(m, near)
        return Found("DATE", str(readings[0][0]), AMBIGUOUS_ORDER) if readings else None
    date = safe_date(parts.year, parts.month, parts.day)
    return Found("DATE", date.isoformat(), EXPLICIT, kind="day", day=date) if date else None


_WD_PREFIX = rf"(?:(?P<wd>{D.WEEKDAY}),?\s+)?(?:the\s+)?"
_YEAR_SUFFIX = rf"(?:,?\s+(?P<year>{D.YEAR4}))?"
# A spelt-out day ("March eighth", as transcripts write it) only where nothing follows that makes the
# ordinal count something else ("the March second round").
_DAY_WORD = (rf"(?P<dayw>{D.DAY_WORD})"
             r"(?=\s*(?:[,.;:!?)\"'”]|$)|\s+(?:and|or|in|at|on|when|to|through|until|till|this|next|last)\b|,?\s+(?:1[6-9]|20)\d\d)")


@rule(_WD_PREFIX + rf"(?P<month>{D.MONTH_IN_DATE})(?:\s+|(?<=\.)(?=\d))(?:the\s+)?(?:(?P<day>{D.DAY})|{_DAY_WORD})"
      + _YEAR_SUFFIX)
def month_day(m, ctx):
    return _calendar_day(m, ctx)


@rule(_WD_PREFIX + rf"(?P<day>{D.DAY})(?:\s+of)?\s+(?P<month>{D.MONTH_IN_DATE})" + _YEAR_SUFFIX)
def day_month(m, ctx):
    return _calendar_day(m, ctx)


@rule(_WD_PREFIX.replace("(?:the\\s+)?", "") + rf"the\s+(?P<dayw>{D.DAY_WORD})\s+of\s+(?P<month>{D.MONTH_IN_DATE})"
      + _YEAR_SUFFIX)
def day_word_month(m, ctx):
    """"the twenty-third of March", as transcripts write a date."""
    return _calendar_day(m, ctx)


_MONTH_ALONE = re.compile(D.MONTH)


def _alone(m) -> bool:
    """The month of ``m`` is one that may stand without a year (capitalised; "Nov." or "Nov 8", not "nov")."""
    hit = _MONTH_ALONE.match(m.string, m.start("month"))
    return hit is not None and hit.end() >= m.end("month")


def _calendar_day(m, ctx) -> Found | None:
    if not m["year"] and not _alone(m):
        return None  # without a year a month must be capitalised, an abbreviation dotted or before its day
    parts = D.parts(m)
    if parts is None:
        return None
    month, day = parts.month, parts.day
    if parts.year:
        date = safe_date(parts.year, month, day)
        return _day_found(ctx, date, EXPLICIT) if date else None
    year, anchor = _year_by_tense(ctx, m, month, day)
    if year is None:
        return Found("DATE", f"XXXX-{month:02d}-{day:02d}", anchor)
    return _day_found(ctx, safe_date(year, month, day), anchor)


@rule(rf"(?:(?P<mod>{L.EMOD})[\s-]+)?{D.MONTH_YEAR}")
def month_year(m, ctx):
    return Found("DATE", month_value(int(m["year"]), D.month_number(m["month"])), EXPLICIT)


@rule(rf"(?:(?P<mod>{L.EMOD})[\s-]+)?(?P<mon>{L.MONTH})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year")
def month_relative_year(m, ctx):
    reason = ctx.missing("year")
    month = L.month_number(m["mon"])
    if reason:
        return Found("DATE", f"XXXX-{month:02d}", reason)
    year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return Found("DATE", month_value(year, month), ctx.dct)


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
