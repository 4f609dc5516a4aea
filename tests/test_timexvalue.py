"""TIMEX3 values read in one place: the calendar span of a value, its day, its periods, a publication date."""
from __future__ import annotations

import datetime as dt

import pytest

from consilience import timexvalue as T


@pytest.mark.parametrize("value,expected", [
    ("2020-01-02", "2020-01-02"), ("2020-01-02T18:30", "2020-01-02"), ("2020-01", "2020-01-01"),
    ("2020", "2020-01-01"), ("2024-03-03TNI", "2024-03-03"), ("2020-W01", None), ("P3M", None),
    ("PRESENT_REF", None), (None, None), ("2020-13-45", None),
])
def test_first_day(value, expected):
    day = T.first_day(value)
    assert (day.isoformat() if day else None) == expected


def test_bounds_read_the_calendar_prefix():
    assert T.bounds("2020-02") == (dt.date(2020, 2, 1), dt.date(2020, 2, 29))
    assert T.bounds("2020-01-03T18:30") == (dt.date(2020, 1, 3),) * 2
    assert T.bounds("2009/2016") == (dt.date(2009, 1, 1), dt.date(2016, 12, 31))
    assert T.bounds("2020-W01") == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))  # other periods: their year
    assert T.bounds("XXXX-09") is None and T.bounds("P3D") is None and T.bounds("PRESENT_REF") is None
    assert [T.precision(v) for v in ("2020", "2020-01", "2020-01-03T10:00", "P3D")] == [4, 7, 10, 0]
    assert T.display("2020-01-03T18:30") == "2020-01-03" and T.display("P3D") == "P3D"
    assert T.year_of("2020-Q3") == 2020 and T.year_of("XXXX-01-08") is None
    assert T.unknown_year_day("XXXX-01-08") == (1, 8) and T.unknown_year_day("2020-01-08") is None


def test_periods_and_times_of_day():
    assert T.as_week("2020-W05") == (2020, 5) and T.as_week("2020-W05-WE") is None
    assert T.as_quarter("1988-Q3") == (1988, 3) and T.as_quarter("1988") is None
    assert T.as_month("2020-01-03T18:30") == (2020, 1) and T.as_month("2020-W01") is None
    assert T.as_period("1988-Q3") == (1988, "-Q3") and T.as_period("2020-01-03") == (2020, "-01-03")
    assert T.as_period("1988") is None
    assert T.is_months("P9M") and not T.is_months("P9D")
    assert T.weekday_set_time("XXXX-WXX-5") == "" and T.weekday_set_time("XXXX-WXX-1TNI") == "TNI"
    assert T.weekday_set_time("2020-01-03") is None
    assert T.clock_hour("2020-01-03T22:30") == 22 and T.clock_hour("2020-01-03TNI") is None
    assert T.part_of_day("2020-01-03TEV") == "EV" and T.part_of_day("2020-01-03T18:30") is None


def test_values_written_and_publication_dates_read():
    d = dt.date(2020, 1, 3)
    assert (T.day_value(d), T.week_value(d), T.month_value(2020, 1)) == ("2020-01-03", "2020-W01", "2020-01")
    assert T.datetime_parts("2020-01-05T18:30:00") == (2020, 1, 5, 18, 30, "2020-01-05T18:30:00")
    assert T.datetime_parts("2020-1") == (2020, 1, None, None, None, "2020-1")
    assert T.datetime_parts("2020-01-05T25:00") == (2020, 1, 5, None, None, "2020-01-05T25:00")
    assert T.datetime_parts("2020-02-30") is None and T.datetime_parts("2020-13") is None
    assert T.datetime_parts("") is None and T.datetime_parts("January 2020") is None


def test_iso_values_given_by_the_input():
    assert T.iso_value("2020-01-05T18:30:00+00:00") == "2020-01-05T18:30"
    assert T.iso_value("2020-01-05 18:30") == "2020-01-05T18:30"
    assert T.iso_value("2020-01") == "2020-01" and T.iso_value("2020-1-5") == "2020"
    assert T.iso_value("Sunday, 05 January 2020") is None and T.iso_value(None) is None
