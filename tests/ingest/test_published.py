"""Publication dates and their basis, on invented texts."""
from __future__ import annotations

import pytest

from consilience.ingest.published import find_dates, find_month_days, normalise_given, publication_date


def date_of(text, given=None, metadata=(), copyright=()):
    value, basis, _notes = publication_date(text, given, list(metadata), list(copyright))
    return value, basis


@pytest.mark.parametrize("text, iso", [
    ("on 2023-03-14 at noon", "2023-03-14"),
    ("2023-03-14T08:45", "2023-03-14T08:45"),
    ("Tuesday, 14 March 2023 18:30", "2023-03-14T18:30"),
    ("March 14, 2023", "2023-03-14"),
    ("Sept. 3, 2019 at 6:05 pm", "2019-09-03T18:05"),
    ("in October 2021", "2021-10"),
    ("the 5th of May 2020", "2020-05-05"),
    ("Friday, March 7, 2031 - 09:15", "2031-03-07T09:15"),  # a time after a dash
    ("March 7, 2031 - 15 people", "2031-03-07"),  # a number after a dash is no time
])
def test_find_dates(text, iso):
    assert [d.iso for d in find_dates(text)] == [iso]
    assert all(text[d.start:d.end] for d in find_dates(text))


def test_month_days_without_year():
    assert [d.iso for d in find_month_days("It began on Jan 8 and ended on March 2, 2020.")] == ["--01-08"]


def test_given_dates_are_normalised():
    assert normalise_given("2024-05-02T09:15:00+01:00") == "2024-05-02T09:15"
    assert normalise_given("2024-05-02") == "2024-05-02"
    assert normalise_given("May 2, 2024") == "2024-05-02"
    assert normalise_given("sometime") is None


def test_metadata_line_wins_and_keeps_the_time():
    assert date_of("The council met on June 1, 2021.",
                   metadata=["date 2021-06-03 Details Published: Thursday, 03 June 2021 07:10"]) == \
        ("2021-06-03T07:10", "metadata")


def test_given_date_is_metadata():
    assert date_of("Text.", given="2022-11-09") == ("2022-11-09", "metadata")


@pytest.mark.parametrize("opening, iso", [
    ("Tessaly, March 3, 2021—The river rose", "2021-03-03"),
    ("NORTH PORT, Jan 8 (Harbour Wire) - The river rose", "2021-01-08"),
    ("Northport, Tessaly, 4 February 2021 – The river rose", "2021-02-04"),
])
def test_dateline(opening, iso):
    text = f"Flood barrier holds\n\n{opening} to its highest level since the records began in 1911, and in 2021 too."
    assert date_of(text) == (iso, "dateline")


def test_a_date_inside_a_sentence_is_not_a_dateline():
    text = "The mayor said that on March 3, 2021 - a Wednesday - the barrier was tested."
    value, basis = date_of(text)
    assert basis == "content"  # only the latest dated reference


def test_anniversary_of_a_day_after_the_latest_reference():
    text = ("As the year turns, March 2 marks the third anniversary of the flood that drowned the lower town. "
            "On February 20, 2024, the council voted new funds for the barrier.")
    assert date_of(text) == ("2024-03", "content")


def test_anniversary_of_a_dated_event():
    text = "Residents gathered for the tenth anniversary of the flood of April 9, 2013, in the market square."
    assert date_of(text) == ("2023-04", "content")


def test_latest_dated_reference():
    text = "The barrier was built in May 2015. It was tested on August 2, 2019 and again on June 30, 2020."
    assert date_of(text) == ("2020-06-30", "content")


def test_dates_that_look_ahead_are_not_references():
    text = ("On June 30, 2020 the council approved the barrier, which must be finished by March 2030 "
            "and tested until June 2031.")
    assert date_of(text) == ("2020-06-30", "content")


def test_dates_after_the_copyright_year_are_not_references():
    text = "The barrier opened in May 2015. A second one is planned, opening in October 2027."
    assert date_of(text, copyright=["© 2016 Tessaly Courier"]) == ("2016", "inferred")


def test_copyright_year_is_the_weakest_basis():
    text = "Last Friday the barrier held. It was first planned in September 2011 after a flood."
    value, basis, notes = publication_date(text, None, [], ["Copyright © 2019 All Rights Reserved"])
    assert (value, basis) == ("2019", "inferred")
    assert any("weekday" in n for n in notes)


def test_nothing_to_go_on():
    assert date_of("Early on Friday morning the river rose again, as it did in 1911.") == (None, None)


@pytest.mark.parametrize("text, iso", [
    ("14.03.2021 | 09:15", "2021-03-14T09:15"),
    ("Updated 3.9.2019", "2019-09-03"),
    ("25/12/2022", "2022-12-25"),
    ("12/25/2022", "2022-12-25"),
])
def test_numeric_dates_day_first_with_dots_and_unambiguous_slashes(text, iso):
    assert [r.iso for r in find_dates(text)] == [iso]


def test_ambiguous_slashed_date_is_not_read():
    assert find_dates("05/04/2021") == []


def test_wire_dateline_without_any_year_is_kept_for_the_corpus():
    value, basis, notes = publication_date("ORVIK, Sep 3 (Baltra Press Agency) - A ferry struck a rock.", None, [], [])
    assert (value, basis) == ("XXXX-09-03", "dateline") and "no year" in notes[0]


def test_yearless_dateline_takes_the_year_of_the_corpus():
    from consilience.ingest.neighbour_dates import complete_years
    from consilience.model import Document

    docs = [Document(id="a", path="a.txt", text="x", published="XXXX-01-02", published_basis="dateline"),
            Document(id="b", path="b.txt", text="x", published="2023-12-30", published_basis="metadata"),
            Document(id="c", path="c.txt", text="x", published="XXXX-06-30", published_basis="dateline")]
    complete_years(docs)
    assert docs[0].published == "2024-01-02"  # closer to 2023-12-30 than 2023-01-02 is
    assert docs[0].published_basis == "dateline" and "year of the dateline" in docs[0].notes[-1]
    assert docs[2].published is None  # months from any dated document: no year guessed


def test_dates_below_the_article_never_date_it():
    from consilience.ingest.clean import clean_text

    text = "\n".join(["Harbour reopens after storm", "",
                      "The harbour of Orvik reopened to fishing boats on Monday after a week of repairs to the "
                      "breakwater, the port authority said in a statement.",
                      "Repairs cost less than feared, and the fish market will reopen on Wednesday morning.",
                      "", "Most read", "Posted: March 3, 2019", "Festival crowds break records",
                      "Posted: March 1, 2019"])
    cleaned = clean_text(text)
    assert cleaned.harvest.metadata_lines == []
    value, basis, _ = publication_date(cleaned.text, None, cleaned.harvest.metadata_lines, [])
    assert value is None


def test_a_masthead_bar_with_a_date_is_metadata():
    from consilience.ingest.clean import clean_text

    cleaned = clean_text("EXAMPLE EVENING POST | World | Tuesday, May 5, 2020 10:55 PM ET\n\nHeadline here today\n\n"
                         "The council met on Tuesday evening and agreed the budget after a long debate.")
    assert cleaned.harvest.masthead == "Example Evening Post"
    assert publication_date(cleaned.text, None, cleaned.harvest.metadata_lines, [])[:2] == \
        ("2020-05-05T22:55", "metadata")


def test_the_articles_own_date_line_printed_under_it():
    from consilience.ingest.clean import clean_text

    body = ["The harbour of Orvik reopened to fishing boats on Monday after a week of repairs to the "
            "breakwater, the port authority said in a statement.",
            "Repairs cost less than feared, and the fish market will reopen on Wednesday morning."]
    cleaned = clean_text("\n\n".join(["Harbour reopens after storm", *body, "LNA",
                                      "Published on March 3, 2029, 9:10 am", "Share: Facebook | Email"]))
    assert publication_date(cleaned.text, None, cleaned.harvest.metadata_lines, [])[:2] == \
        ("2029-03-03T09:10", "metadata")
    # dated above its end, the article's date is that one; a date under its last line is a comment's
    cleaned = clean_text("\n\n".join(["Harbour reopens after storm", "Published: March 1, 2029", *body,
                                      "March 5, 2029 at 7:00 am", "Share: Facebook | Email"]))
    assert publication_date(cleaned.text, None, cleaned.harvest.metadata_lines, [])[:2] == ("2029-03-01", "metadata")


def test_a_day_some_days_before_an_event_reported_as_past_dates_the_text_after_that_event():
    text = ("The board of Orvik Shipping met on June 2, 2031, three days before it was announced. "
            "The chief executive left the company.")
    assert publication_date(text, None, [], [])[:2] == ("2031-06-05", "content")
    ahead = "The board met on June 2, 2031, three days before the merger is due to be voted on."
    assert publication_date(ahead, None, [], [])[:2] == ("2031-06-02", "content")
    after = "The board met on June 2, 2031, three days after the merger was announced."
    assert publication_date(after, None, [], [])[:2] == ("2031-06-02", "content")


def test_an_ambiguous_slashed_date_takes_the_order_of_the_page():
    # "05/04/2021" alone is not read; another date of the same page written day first decides it
    assert date_of("The board met again.", metadata=["Updated 05/04/2021"]) == (None, None)
    assert date_of("The board first met on 25/12/2020.", metadata=["Updated 05/04/2021"]) == \
        ("2021-04-05", "metadata")
    assert date_of("The board first met on 12/25/2020.", metadata=["Updated 05/04/2021"]) == \
        ("2021-05-04", "metadata")


def test_two_digit_year_in_a_slashed_date():
    assert [r.iso for r in find_dates("By the desk - 11/19/19 06:56 AM")] == ["2019-11-19T06:56"]


def test_lowercase_month_needs_a_year():
    assert [r.iso for r in find_dates("posted 5 march 2020")] == ["2020-03-05"]
    assert find_month_days("the bands march 3 miles and may 5 times") == []


def test_dateline_with_day_before_month():
    text = "Flood barrier holds\n\nNORTH PORT, 8 January (Harbour Wire) - The river rose in 2021."
    assert date_of(text) == ("2021-01-08", "dateline")
