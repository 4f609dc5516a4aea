"""The publication date (DCT) as an anchor of known precision, and calendar arithmetic on TIMEX3 values."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_DCT = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?)?)?")
PRECISIONS = ("year", "month", "day", "time")


@dataclass(frozen=True)
class Anchor:
    """A publication date as precise as known: year, then month, day, hour:minute."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    label: str = ""

    @property
    def precision(self) -> str:
        if self.hour is not None:
            return "time"
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def has(self, precision: str) -> bool:
        return PRECISIONS.index(self.precision) >= PRECISIONS.index(precision)

    @property
    def date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.day is not None else None


def parse_dct(value: str | None) -> Anchor | None:
    """Anchor of an ISO 8601 publication date ("2020", "2020-01", "2020-01-03", "2020-01-05T18:30"); None if unusable."""
    if not value or not isinstance(value, str):
        return None
    value = _extended(value)
    m = _DCT.match(value)
    if not m:
        return None
    year, month, day, hour, minute = (int(g) if g else None for g in m.groups())
    try:
        if day is not None:
            dt.date(year, month, day)
        elif month is not None and not 1 <= month <= 12:
            return None
        if hour is not None and not (0 <= hour < 24 and 0 <= minute < 60):
            hour = minute = None
    except ValueError:
        return None
    label = m.group(0).strip()
    return Anchor(year, month, day, hour, minute, label=label)


_BASIC = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T?(\d{2}):?(\d{2})(?::?\d{2})?)?(?!\d)")
_SLASHED = re.compile(r"^\s*(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?(?![\d/.])")


def _extended(value: str) -> str:
    """ISO 8601 basic format ("19980212", "19980212T0830") and slashed dates ("1998/02/12") in the extended form
    the anchor reads ("1998-02-12", "1998-02-12T08:30"); anything else unchanged."""
    m = _BASIC.match(value)
    if m:
        out = f"{m[1]}-{m[2]}-{m[3]}"
        return out + (f"T{m[4]}:{m[5]}" if m[4] else "")
    m = _SLASHED.match(value)
    if m:
        return f"{m[1]}-{int(m[2]):02d}" + (f"-{int(m[3]):02d}" if m[3] else "")
    return value


def day_value(d: dt.date) -> str:
    return d.isoformat()


def week_value(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def add_quarters(year: int, quarter: int, k: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + k
    return index // 4, index % 4 + 1


def shift_date(d: dt.date, amount: int, unit: str) -> dt.date:
    """``d`` moved by ``amount`` days (D), weeks (W), months (M) or years (Y), clamping the day of month."""
    if unit == "D":
        return d + dt.timedelta(days=amount)
    if unit == "W":
        return d + dt.timedelta(weeks=amount)
    months = amount * (12 if unit == "Y" else 3 if unit == "Q" else 1)
    year, month = add_months(d.year, d.month, months)
    last = (dt.date(*add_months(year, month, 1), 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(d.day, last))


def weekday_near(reference: dt.date, weekday: int, direction: str) -> dt.date:
    """The day with ISO ``weekday`` nearest ``reference``.

    direction: "not-after" (the same day or before), "not-before" (the same day or after),
    "before" (strictly), "after" (strictly).
    """
    delta = weekday - reference.isoweekday()
    if direction == "not-after":
        return reference + dt.timedelta(days=delta if delta <= 0 else delta - 7)
    if direction == "before":
        return reference + dt.timedelta(days=delta if delta < 0 else delta - 7)
    if direction == "not-before":
        return reference + dt.timedelta(days=delta if delta >= 0 else delta + 7)
    return reference + dt.timedelta(days=delta if delta > 0 else delta + 7)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
