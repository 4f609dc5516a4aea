"""Rules for holidays: fixed dates and computed ones (Easter, Thanksgiving), the year as for a month-day."""
from __future__ import annotations

import datetime as dt
import re

from . import lexicon as L
from .anchor import add_months, week_value
from .context import EXPLICIT, Found
from .helpers import _day_found, _year_by_tense
from .registry import rule


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
    "black friday": lambda y: _nth_weekday(y, 11, 4, 4) + dt.timedelta(days=1),
    "cyber monday": lambda y: _nth_weekday(y, 11, 4, 4) + dt.timedelta(days=4),
    "palm sunday": lambda y: _easter(y) - dt.timedelta(days=7),
    "ash wednesday": lambda y: _easter(y) - dt.timedelta(days=46),
}
_HOLIDAY_NAMES = (r"(?-i:Christmas(?:\s+(?:Day|Eve))?|Boxing\s+Day|New\s+Year['’]s(?:\s+(?:Eve|Day))?|Halloween|"
                  r"Valentine['’]s\s+Day|[Tt]he\s+Fourth\s+of\s+July|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|"
                  r"Thanksgiving(?:\s+Day)?|Labou?r\s+Day|Memorial\s+Day|Black\s+Friday|Cyber\s+Monday|Palm\s+Sunday|Ash\s+Wednesday)")


# Nouns a holiday name modifies without dating anything ("an office Christmas party" is held before Christmas).
_NOT_A_DAY_AFTER = re.compile(r"\s+(?:party|parties|tree|trees|shopping|shoppers|cards?|lights|gifts?|presents?|dinner|"
                              r"lunch|feast|markets?|sales|carols?|decorations|spirit|message|speech|address|parade|"
                              r"turkey|cake|pudding|stockings?|bonus(?:es)?|album|songs?|movie|film|special|episode|"
                              r"ornaments|menu|costumes?|candy|eggs?|bunny|pageant|play|concert|display|toys?)\b")


@rule(rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>{_HOLIDAY_NAMES})(?:\s+(?P<wk>week(?:end)?))?(?:,?\s+(?P<y>{L.YEAR4}))?")
def holiday(m, ctx):
    """"Thanksgiving Day", "New Year's Eve", "Easter week": dates fixed or computed per year, the year as for a month-day."""
    name = re.sub(r"\s+", " ", m["h"].lower().replace("’", "'")).replace("labour", "labor")
    after = ctx.after(m, 20)
    if re.match(r"\s+(?-i:[A-Z])", after) and not m["y"]:
        return None  # "Christmas Island", "Easter Rising", "Labor Day Parade Committee": part of a name
    if not m["y"] and not m["wk"] and _NOT_A_DAY_AFTER.match(after):
        return None  # "the office Christmas party", "Halloween costumes": the holiday names a kind of thing, not a date
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
