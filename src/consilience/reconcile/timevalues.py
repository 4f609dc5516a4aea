"""TIMEX3 values compared: containment ("2013-09" holds "2013-09-01"), intervals, distance in days."""
from __future__ import annotations

import re
from datetime import date, timedelta

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


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


def precision(value: str) -> int:
    """4 year, 7 month, 10 day (the length of the ISO prefix)."""
    m = _DATE.match(value or "")
    return len(m.group(0)) if m else 0


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


def display(value: str) -> str:
    """The ISO prefix of a TIMEX3 value (drops times of day): the string a conflict lists."""
    if "/" in value:
        return value
    m = _DATE.match(value)
    return m.group(0) if m else value
