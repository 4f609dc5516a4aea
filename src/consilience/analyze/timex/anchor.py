"""The publication date (DCT) as an anchor of known precision, and calendar arithmetic on TIMEX3 values."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Values are read and written in consilience/timexvalue.py; the rules take the writers from here.
from ...timexvalue import datetime_parts, day_value, month_value, week_value  # noqa: F401

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
    parts = datetime_parts(value)
    if parts is None:
        return None
    year, month, day, hour, minute, label = parts
    return Anchor(year, month, day, hour, minute, label=label)


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
