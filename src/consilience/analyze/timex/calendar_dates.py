"""Rules for explicit calendar dates: ISO and numeric dates, month-day and day-month, month-year, a bare month."""
from __future__ import annotations

import re

from . import lexicon as L
from .anchor import month_value, safe_date
from .context import EXPLICIT, Found
from .helpers import _day_found, _rel_word, _year_by_tense
from .registry import rule


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


@rule(_WD_PREFIX + rf"(?P<mon>{L.MONTH})(?:\s+|(?<=\.)(?=\d))(?:the\s+)?(?:(?P<day>{L.DAYNUM})|{_DAY_WORD})" + _YEAR_SUFFIX)
def month_day(m, ctx):
    return _calendar_day(m, ctx)


@rule(_WD_PREFIX + rf"(?P<day>{L.DAYNUM})(?:\s+of)?\s+(?P<mon>{L.MONTH})" + _YEAR_SUFFIX)
def day_month(m, ctx):
    return _calendar_day(m, ctx)


_DAY_WORD_OF = (r"(?P<dayw>(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
                + L.alternation([w for w in _DAY_ORDINALS if "-" not in w]) + r")")


@rule(_WD_PREFIX.replace("(?:the\\s+)?", "") + rf"the\s+{_DAY_WORD_OF}\s+of\s+(?P<mon>{L.MONTH})" + _YEAR_SUFFIX)
def day_word_month(m, ctx):
    """"the twenty-third of March", as transcripts write a date."""
    return _calendar_day(m, ctx)


def _calendar_day(m, ctx) -> Found | None:
    month = L.month_number(m["mon"])
    if "day" in m.re.groupindex and m["day"]:
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
