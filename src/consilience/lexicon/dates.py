"""Absolute calendar dates: the one grammar that publication dates (``ingest/published.py``) and time expressions
(``analyze/timex``) both read them with.

What is here: regex pieces for the forms of a calendar date, with fixed group names (``year``, ``month``, ``day``,
``dayw`` for a spelt-out day, ``first``/``sep``/``second`` for a numeric date), and ``parts`` from a match of them
to ``(year, month, day, precision)``. What is not: each side's own job. Ingestion reads datelines, metadata lines,
times after a date, anniversaries; the TIMEX rules give a year to a day without one, read weekdays, relative dates.

One behaviour per form:

- Month names: in a date that holds a year ("5 march 2020", "Nov, 2019", "Sept 3 2019") any case, an abbreviation
  with or without its dot; without a year ("March 5", "Nov. 5") the name must be capitalised (or all capitals),
  and an abbreviation needs its dot or a number after it: "may", "march", "mar" are also words.
- Days: "5", "05", "5th"; spelt out ("the fifth of May", "March eighth") only where the TIMEX rules ask for it.
- Years: four digits, 1600-2099, not inside a larger number, an amount or a percentage.
- Numeric dates ("4/5/2020", "14.03.2021", "11/19/19"): day-first when the first number cannot be a month,
  month-first when the second cannot; otherwise the order must come from evidence (``numeric_order``: another
  numeric date of the same document whose order is plain, or a reading that is the publication date itself),
  and with none the date is ambiguous (``parts`` gives None, ``readings`` both readings). Dotted dates are
  day-first: that is the convention wherever dots are used. A two-digit year is read in the century that puts
  it nearest a known year (``full_year``).
- ISO dates "2020-04-05".
"""
from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from .calendar import MONTH_ABBREVIATIONS, MONTH_NAMES, MONTHS, ORDINALS, WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES


def alternation(words) -> str:
    """Longest-first regex alternation of literal words (so "sept" beats "sep")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _capitalised(words) -> str:
    return alternation([w.capitalize() for w in words] + [w.upper() for w in words])


# --------------------------------------------------------------------------- pieces (compile with re.I)
# A month in a date with a year: any case, abbreviations with or without the dot.
MONTH_IN_DATE = r"(?:" + alternation(MONTH_NAMES) + r"|(?:" + alternation(MONTH_ABBREVIATIONS) + r")(?:\.|\b))"
# A month standing alone or with only a day: capitalised; an abbreviation with its dot or a number after it.
MONTH = (r"(?-i:(?:" + _capitalised(MONTH_NAMES) + r")\b|(?:" + _capitalised(MONTH_ABBREVIATIONS)
         + r")(?:\.|\b(?=\s*\d)))")
WEEKDAY = r"(?-i:(?:" + _capitalised(WEEKDAY_NAMES) + r")\b)"
WEEKDAY_ANY = r"(?:" + alternation(WEEKDAY_NAMES + WEEKDAY_ABBREVIATIONS) + r")\b\.?"  # "Tue.", "tues", "Tuesday"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d/]|:\d)\b"
YEAR4 = r"(?<![\d,.$£€#])(?:1[6-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)"

DAY_ORDINALS = {w: n for w, n in ORDINALS.items() if n <= 20}
DAY_ORDINALS.update({f"{tens}-{w}": base + n for tens, base in (("twenty", 20), ("thirty", 30))
                     for w, n in list(DAY_ORDINALS.items())[:9] if base + n <= 31})
DAY_ORDINALS["thirtieth"] = 30
DAY_WORD = (r"(?:(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
            + alternation([w for w in DAY_ORDINALS if "-" not in w]) + r")")

ISO = r"(?P<year>(?:1[6-9]|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
# Numeric: slashes (either order, see numeric_order) with a two- or four-digit year; dots (day first), four digits.
NUMERIC = (r"(?<![\d/.])(?:(?P<first>[0-3]?\d)(?P<sep>/)(?P<second>[0-3]?\d)/(?P<nyear>\d{4}|\d{2})(?![\d/])"
           r"|(?P<dfirst>[0-3]?\d)(?P<dsep>\.)(?P<dsecond>[01]?\d)\.(?P<dyear>(?:1[6-9]|20)\d\d)(?![\d.]\d|\d))")
MONTH_DAY_YEAR = rf"(?P<month>{MONTH_IN_DATE})(?:\s+|(?<=\.)(?=\d))(?P<day>{DAY}),?\s+(?P<year>{YEAR4})"
DAY_MONTH_YEAR = rf"(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH_IN_DATE}),?\s+(?P<year>{YEAR4})"
MONTH_YEAR = rf"(?P<month>{MONTH_IN_DATE}),?\s+(?:of\s+)?(?P<year>{YEAR4})"
MONTH_DAY = rf"(?P<month>{MONTH})(?:\s+|(?<=\.)(?=\d))(?P<day>{DAY})(?!,?\s+(?:1[6-9]|20)\d\d)"
DAY_MONTH = rf"(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})(?!,?\s+(?:1[6-9]|20)\d\d)"


# --------------------------------------------------------------------------- reading a match


class DateParts(NamedTuple):
    year: int | None
    month: int | None
    day: int | None
    precision: str  # "day", "month" or "year"


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def day_number(word: str) -> int | None:
    """5 for "5", "05", "5th", "fifth", "twenty fifth"."""
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits.group())
    return DAY_ORDINALS.get(re.sub(r"[\s-]+", "-", word.lower()))


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def full_year(text: str, near: int | None = None) -> int:
    """A year as written: four digits as they are; two in the century that puts it at most ten years after
    ``near`` and fewer than ninety before it, or with no ``near`` between 1930 and 2029."""
    yy = int(text)
    if len(text) > 2:
        return yy
    if near is None:
        return (1900 if yy >= 30 else 2000) + yy
    year = (near // 100) * 100 + yy
    if year > near + 10:
        year -= 100
    elif year < near - 89:
        year += 100
    return year


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def readings(m: re.Match, near_year: int | None = None) -> list[tuple[int, int, int]]:
    """The (year, month, day) a numeric date can be: one when the order is plain (dots; a number > 12), two when
    either order makes a real day ("05/04/2020"), none when neither does."""
    g = m.groupdict()
    if g.get("dsep"):
        year, day, month = int(g["dyear"]), int(g["dfirst"]), int(g["dsecond"])
        return [(year, month, day)] if _valid(year, month, day) else []
    year = full_year(g["nyear"], near_year)
    a, b = int(g["first"]), int(g["second"])
    out = [(year, a, b)] if _valid(year, a, b) else []
    if a != b and _valid(year, b, a):
        out.append((year, b, a))
    return out


def numeric_order(text: str) -> str | None:
    """"mdy" or "dmy": the order the slashed dates of ``text`` follow, from those whose order is plain (one
    number > 12); None when there are none or they disagree."""
    orders = set()
    for m in _NUMERIC.finditer(text):
        if m["sep"]:
            a, b = int(m["first"]), int(m["second"])
            if a > 12 >= b:
                orders.add("dmy")
            elif b > 12 >= a:
                orders.add("mdy")
    return orders.pop() if len(orders) == 1 else None


def numeric_parts(m: re.Match, order: str | None = None, near_year: int | None = None,
                  anchor: date | None = None) -> DateParts | None:
    """The day of a numeric date: the only reading, or the one ``order`` picks ("mdy", "dmy"), or the one that is
    ``anchor`` (the publication date); None when it stays ambiguous or is no date."""
    found = readings(m, near_year)
    if len(found) == 2:
        if anchor is not None and (anchor.year, anchor.month, anchor.day) in found:
            found = [(anchor.year, anchor.month, anchor.day)]
        elif order:
            a = int(m["first"])
            found = [r for r in found if (r[1] == a) == (order == "mdy")]
    if len(found) != 1:
        return None
    year, month, day = found[0]
    return DateParts(year, month, day, "day")


def parts(m: re.Match, order: str | None = None, near_year: int | None = None,
          anchor: date | None = None) -> DateParts | None:
    """(year, month, day, precision) of a match of the pieces above; None when it is no real date ("February 30")
    or a numeric date whose order is unknown. A date without a year has year None."""
    g = m.groupdict()
    if g.get("sep") or g.get("dsep"):
        return numeric_parts(m, order, near_year, anchor)
    month = int(g["month"]) if g["month"].isdigit() else month_number(g["month"])
    day_text = g.get("day") or g.get("dayw")
    day = day_number(day_text) if day_text else None
    year = int(g["year"]) if g.get("year") else None
    if month is None or (day is not None and not _valid(year or 2000, month, day)):  # 2000: Feb 29 passes
        return None
    return DateParts(year, month, day, "day" if day else "month" if year else "year")


_NUMERIC = re.compile(NUMERIC)
