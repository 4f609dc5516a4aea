"""TIMEX3 values, read and written in one place for both phases.

A TIMEX3 value is what a ``TimeExpr`` carries in ``value`` and a claim in ``time``; a publication date
(``Document.published``) is written the same way, ISO 8601 as precise as known. The forms made here:

- calendar: ``2020``, ``2020-01``, ``2020-01-03``; with a time of day ``2020-01-03T18:30`` or a part of
  day ``2020-01-03TNI`` (MO, AF, EV, NI, MI); a day of an unknown year ``XXXX-01-03`` (a dateline);
- other periods: a week ``2020-W01`` (``-WE`` its weekend), a quarter ``2020-Q3``, a half ``2020-H1``,
  a season ``2020-SU``, a decade ``202``, a century ``20``;
- a set ``XXXX-WXX-5`` (every Friday); a duration ``P3D``, ``PT2H``, ``P9M``; ``PRESENT_REF``, ``PAST_REF``.

Phase 1 writes values (``analyze/timex``, ``ingest/published.py``) and reads back the ones it made to
refine them (``analyze/times.py``); ingestion completes publication dates (``ingest/neighbour_dates.py``);
reconciliation compares the values of claims (``reconcile/``); the report places them on a timeline
(``report/``). All of them read a value through the functions below.

How a value is read on the calendar: by its ISO calendar prefix (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``).
So ``bounds`` reads any value that opens with a year at the precision of that prefix, the other periods
included (``2020-W01``, ``2020-Q3`` and ``2020-SU`` cover the year 2020 there), while ``first_day`` takes
only plain calendar values (with or without a time of day).
"""
from __future__ import annotations

import datetime as dt
import re
from datetime import date, timedelta

UNKNOWN_YEAR = "XXXX"  # TIMEX3's unknown year ("XXXX-01-08": a dateline that gives no year)

# --------------------------------------------------------------------------- writing


def day_value(d: dt.date) -> str:
    return d.isoformat()


def week_value(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


# --------------------------------------------------------------------------- the calendar: intervals, precision

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")  # the calendar prefix of a value


def bounds(value: str | None) -> tuple[date, date] | None:
    """First and last day a value covers; None for values that are not calendar dates (P3M, PRESENT_REF)."""
    if not value:
        return None
    if "/" in value:
        a, _, b = value.partition("/")
        ba, bb = bounds(a), bounds(b)
        if ba and bb:
            return ba[0], bb[1]
        return None
    m = _DATE.match(value)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            d = date(year, int(month), int(day))
            return d, d
        if month:
            first = date(year, int(month), 1)
            nxt = date(year + (int(month) == 12), int(month) % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def day(value: str | None) -> str | None:
    """The ISO day of a value precise to the day, else None."""
    b = bounds(value)
    if b and b[0] == b[1]:
        return b[0].isoformat()
    return None


def first_day(value: str | None) -> date | None:
    """The calendar day of a plain calendar value ("2020-01-02", "2020-01-02T18:30", "2020-01", "2020").

    Month or year precision falls on the first day; values that are not plain calendar dates ("P3M",
    "PRESENT_REF", "2020-W01", "2020-Q3") give None.
    """
    if not value:
        return None
    m = _DATE.match(str(value))
    rest = str(value)[m.end():] if m else ""
    if not m or (rest and not rest.startswith("T")):
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def precision(value: str) -> int:
    """4 year, 7 month, 10 day (the length of the ISO prefix)."""
    m = _DATE.match(value or "")
    return len(m.group(0)) if m else 0


def display(value: str) -> str:
    """The ISO prefix of a TIMEX3 value (drops times of day): the string a conflict lists."""
    if "/" in value:
        return value
    m = _DATE.match(value)
    return m.group(0) if m else value


def year_of(value: str) -> int | None:
    """The year a value opens with ("2020-01-03" -> 2020); None for values without one (XXXX-09, P3D)."""
    m = _DATE.match(value or "")
    return int(m.group(1)) if m else None


def unknown_year_day(value: str | None) -> tuple[int, int] | None:
    """(month, day) of a day in an unknown year ("XXXX-01-08" -> (1, 8)); None for any other value."""
    m = re.match(r"^" + UNKNOWN_YEAR + r"-(\d{2})-(\d{2})", value or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


# --------------------------------------------------------------------------- comparing


def compatible(a: str | None, b: str | None) -> bool:
    """True when one value may be the other: either unknown, or their spans overlap."""
    ba, bb = bounds(a), bounds(b)
    if ba is None or bb is None:
        return True
    return ba[0] <= bb[1] and bb[0] <= ba[1]


def gap_days(a: str | None, b: str | None) -> int | None:
    """Days between two spans (0 when they overlap); None if either is not a date."""
    ba, bb = bounds(a), bounds(b)
    if ba is None or bb is None:
        return None
    if ba[0] <= bb[1] and bb[0] <= ba[1]:
        return 0
    return (bb[0] - ba[1]).days if ba[1] < bb[0] else (ba[0] - bb[1]).days


def within_a_day(a: str | None, b: str | None) -> bool:
    """Two dates at most a day apart (overlapping spans included); False if either is not a date."""
    g = gap_days(a, b)
    return g is not None and g <= 1


def distinct_values(values: list[str]) -> list[str]:
    """Values that no finer value refines: ["2020-01", "2020-01-02", "2020-01-03"] -> the two days."""
    vals = sorted(set(v for v in values if bounds(v)), key=lambda v: (-precision(v), v))  # ties: by value, not hash order
    kept: list[str] = []
    for v in vals:
        if not any(compatible(v, k) and precision(k) >= precision(v) for k in kept):
            kept.append(v)
    return sorted(kept)


# --------------------------------------------------------------------------- times of day

_CLOCK = re.compile(r"T(\d{2})(?::(\d{2}))?")
_PART_OF_DAY = re.compile(r"T(MO|AF|EV|NI|MI)$")


def clock_hour(value: str | None) -> int | None:
    """The hour of a value's clock time ("2020-01-03T22:30" -> 22); None without one ("2020-01-03TNI")."""
    m = _CLOCK.search(value or "")
    return int(m.group(1)) if m else None


def part_of_day(value: str | None) -> str | None:
    """The part of day a value ends with ("2020-01-03TEV" -> "EV"), or None."""
    m = _PART_OF_DAY.search(value or "")
    return m.group(1) if m else None


# --------------------------------------------------------------------------- other periods

_WEEK = re.compile(r"^(\d{4})-W(\d\d)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH_OR_DAY = re.compile(r"^(\d{4})-(\d\d)(?:-\d\d)?(?:T|$)")
_PERIOD = re.compile(r"^(\d{4})(-Q[1-4]|-\d{2}(?:-\d{2})?)$")
_MONTHS_SPAN = re.compile(r"^P\d+M$")
_WEEKDAY_SET = re.compile(r"^XXXX-WXX-[1-7](T\w+)?$")


def as_week(value: str | None) -> tuple[int, int] | None:
    """(year, ISO week) of a week value ("2020-W01" -> (2020, 1)); None for any other value."""
    m = _WEEK.match(value or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def as_quarter(value: str | None) -> tuple[int, int] | None:
    """(year, quarter) of a quarter value ("1988-Q3" -> (1988, 3)); None for any other value."""
    m = _QUARTER.match(value or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def as_month(value: str | None) -> tuple[int, int] | None:
    """(year, month) of a month or day value, with or without a time ("2020-01-03T18:30" -> (2020, 1))."""
    m = _MONTH_OR_DAY.match(value or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def as_period(value: str | None) -> tuple[int, str] | None:
    """A quarter, month or day as (year, the rest): "1988-Q3" -> (1988, "-Q3"); None for any other value.
    The same period in another year is ``f"{year}{rest}"``."""
    m = _PERIOD.match(value or "")
    return (int(m.group(1)), m.group(2)) if m else None


def is_months(value: str | None) -> bool:
    """A duration in months ("P9M")."""
    return _MONTHS_SPAN.match(value or "") is not None


def weekday_set_time(value: str | None) -> str | None:
    """For a weekly set ("XXXX-WXX-5", "XXXX-WXX-1TNI"): its time of day ("" when none, "TNI"); None for any
    other value."""
    m = _WEEKDAY_SET.match(value or "")
    return (m.group(1) or "") if m else None


# --------------------------------------------------------------------------- publication dates as given

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2}))?)?)?")


def iso_value(text: str | None) -> str | None:
    """The value an ISO 8601 date or date-time opens with, to the minute: "2020-01-05T18:30:00+00:00" and
    "2020-01-05 18:30" -> "2020-01-05T18:30", "2020-01" -> "2020-01"; None if it does not open with a
    four-digit year. Two digits per field, as ISO writes them; the fields are not checked."""
    m = _ISO.match(text or "")
    if not m:
        return None
    year_, month_, day_, hour, minute = m.groups()
    out = "-".join(p for p in (year_, month_, day_) if p)
    return out + (f"T{hour}:{minute}" if hour else "")


_DATETIME = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?)?)?")


def datetime_parts(value: str | None) -> tuple[int, int | None, int | None, int | None, int | None, str] | None:
    """(year, month, day, hour, minute, the text read) of an ISO 8601 date as precise as it is ("2020",
    "2020-01", "2020-01-03", "2020-01-05T18:30", seconds ignored); None if it is not a valid date. A clock
    time out of range is dropped (the date kept)."""
    if not value or not isinstance(value, str):
        return None
    value = _extended(value)
    m = _DATETIME.match(value)
    if not m:
        return None
    year_, month_, day_, hour, minute = (int(g) if g else None for g in m.groups())
    try:
        if day_ is not None:
            dt.date(year_, month_, day_)
        elif month_ is not None and not 1 <= month_ <= 12:
            return None
        if hour is not None and not (0 <= hour < 24 and 0 <= minute < 60):
            hour = minute = None
    except ValueError:
        return None
    return year_, month_, day_, hour, minute, m.group(0).strip()


_BASIC = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T?(\d{2}):?(\d{2})(?::?\d{2})?)?(?!\d)")
_SLASHED = re.compile(r"^\s*(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?(?![\d/.])")


def _extended(value: str) -> str:
    """ISO 8601 basic format ("19980212", "19980212T0830") and slashed dates ("1998/02/12") in the extended form
    datetime_parts reads ("1998-02-12", "1998-02-12T08:30"); anything else unchanged."""
    m = _BASIC.match(value)
    if m:
        out = f"{m[1]}-{m[2]}-{m[3]}"
        return out + (f"T{m[4]}:{m[5]}" if m[4] else "")
    m = _SLASHED.match(value)
    if m:
        return f"{m[1]}-{int(m[2]):02d}" + (f"-{int(m[3]):02d}" if m[3] else "")
    return value
