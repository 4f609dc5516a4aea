"""The shared grammar of absolute dates (lexicon/dates.py), on invented strings: one behaviour per form."""
from __future__ import annotations

import re
from datetime import date

import pytest

from consilience.lexicon import dates as D

NUMERIC = re.compile(D.NUMERIC)
DATED = [re.compile(p, re.I) for p in (D.ISO, D.MONTH_DAY_YEAR, D.DAY_MONTH_YEAR, D.MONTH_YEAR)]
UNDATED = [re.compile(p, re.I) for p in (D.MONTH_DAY, D.DAY_MONTH)]


def read(text, patterns=DATED):
    for pattern in patterns:
        if m := pattern.search(text):
            return D.parts(m)
    return None


@pytest.mark.parametrize("text, parts", [
    ("filed 2021-03-14 late", (2021, 3, 14, "day")),
    ("on March 14, 2021 the", (2021, 3, 14, "day")),
    ("on 14 March 2021 the", (2021, 3, 14, "day")),
    ("on the 5th of May 2020", (2020, 5, 5, "day")),
    ("Sept. 3, 2019", (2019, 9, 3, "day")),
    ("Sept 3 2019", (2019, 9, 3, "day")),
    ("20 Nov, 2019 05:47", (2019, 11, 20, "day")),  # an abbreviation before a comma, with a year
    ("posted 5 march 2020", (2020, 3, 5, "day")),  # lowercase: the year makes it a date
    ("in october 2021", (2021, 10, None, "month")),
    ("in March of 2004", (2004, 3, None, "month")),
])
def test_dates_with_a_year(text, parts):
    assert tuple(read(text)) == parts


def test_no_such_day():
    assert read("on February 30, 2021") is None


@pytest.mark.parametrize("text, parts", [
    ("It began on March 2 and", (None, 3, 2, "day")),
    ("It began on 2 March and", (None, 3, 2, "day")),
    ("It began Nov. 8 and", (None, 11, 8, "day")),
])
def test_dates_without_a_year(text, parts):
    assert tuple(read(text, UNDATED)) == parts


@pytest.mark.parametrize("text", ["they march 3 miles", "we may 5 times", "the Mar was 5 deep"])
def test_without_a_year_a_month_must_look_like_one(text):
    assert read(text, UNDATED) is None


def numeric(text, **kw):
    m = NUMERIC.search(text)
    return D.parts(m, **kw) if m else None


@pytest.mark.parametrize("text, ymd", [
    ("paid 25/12/2022", (2022, 12, 25)),  # the first number cannot be a month: day first
    ("paid 12/25/2022", (2022, 12, 25)),  # the second cannot: month first
    ("Updated 05.04.2020", (2020, 4, 5)),  # dots: day first
    ("posted 11/19/19 at 6:56", (2019, 11, 19)),  # a two-digit year
])
def test_numeric_dates_whose_order_is_plain(text, ymd):
    assert tuple(numeric(text))[:3] == ymd


def test_an_ambiguous_numeric_date_needs_evidence():
    text = "paid 05/04/2021"
    assert numeric(text) is None
    assert sorted(D.readings(NUMERIC.search(text))) == [(2021, 4, 5), (2021, 5, 4)]
    assert tuple(numeric(text, order="dmy"))[:3] == (2021, 4, 5)
    assert tuple(numeric(text, order="mdy"))[:3] == (2021, 5, 4)
    assert tuple(numeric(text, anchor=date(2021, 4, 5)))[:3] == (2021, 4, 5)  # it is the publication date
    assert numeric("paid 04/04/2021")[:3] == (2021, 4, 4)  # both orders give the same day


@pytest.mark.parametrize("text, order", [
    ("Posted 05/04/2021. Updated 25/12/2021.", "dmy"),
    ("Posted 05/04/2021. Updated 12/25/2021.", "mdy"),
    ("Posted 05/04/2021.", None),
    ("Posted 25/04/2021. Updated 12/25/2021.", None),  # the page disagrees with itself
    ("Updated 14.03.2021 and 05/04/2021", None),  # dots say nothing of the slashes
])
def test_numeric_order_of_a_document(text, order):
    assert D.numeric_order(text) == order


@pytest.mark.parametrize("yy, near, year", [("19", None, 2019), ("29", None, 2029), ("30", None, 1930),
                                            ("89", None, 1989), ("35", 2030, 2035), ("98", 2030, 1998),
                                            ("2004", None, 2004)])
def test_two_digit_years(yy, near, year):
    assert D.full_year(yy, near) == year


@pytest.mark.parametrize("text", ["3.5.20", "rated 4/5/2020/1", "12/2020"])
def test_not_numeric_dates(text):
    m = NUMERIC.search(text)
    assert m is None or D.parts(m) is None
