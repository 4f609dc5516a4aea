"""Quantities: value, the noun counted, approximation; dates, years and ordinals are not counts."""
from __future__ import annotations

import pytest

from consilience.analyze.quantities import parse_number


def _by_text(analysis):
    return {q.text: q for q in analysis.quantities}


def _check_offsets(text, analysis):
    for q in analysis.quantities:
        assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("words, value", [
    (["five"], 5), (["52"], 52), (["1,250"], 1250), (["2.5", "million"], 2_500_000),
    (["a", "dozen"], 12), (["twenty-three"], 23), (["three", "hundred"], 300), (["banana"], None),
])
def test_parse_number(words, value):
    assert parse_number(words) == value


def test_counts_with_their_head_noun(analyse):
    text = ("The flood killed five people in Norvale. Rescuers found 38 stranded hikers and "
            "evacuated 1,200 residents, while 14 exhausted volunteer firefighters were treated.")
    analysis = analyse(text)
    _check_offsets(text, analysis)
    got = {(q.value, q.unit) for q in analysis.quantities}
    assert {(5.0, "person"), (38.0, "hiker"), (1200.0, "resident"), (14.0, "firefighter")} <= got


def test_a_count_of_a_hyphenated_noun_counts_the_whole_word(analyse):
    """Invented: the tokenizer splits "co-workers", and the parser may take "co" for the counted noun."""
    text = "The clerk was accused of killing two co-workers at the depot."
    analysis = analyse(text)
    _check_offsets(text, analysis)
    assert {(q.value, q.unit, q.text) for q in analysis.quantities} == {(2.0, "co-worker", "two co-workers")}


def test_vague_and_bounded_amounts(analyse):
    text = ("Hundreds of striking dock workers marched, and more than 150 protests were recorded. "
            "Officials counted dozens of arrests and about 40 injuries.")
    analysis = analyse(text)
    _check_offsets(text, analysis)
    hundreds = next(q for q in analysis.quantities if q.text.lower().startswith("hundreds"))
    assert (hundreds.value, hundreds.unit, hundreds.approximate) == (None, "worker", True)
    assert (hundreds.low, hundreds.high) == (200, 999)
    more = next(q for q in analysis.quantities if q.value == 150)
    assert more.text == "more than 150 protests" and more.approximate and more.low == 150 and more.unit == "protest"
    dozens = next(q for q in analysis.quantities if q.text.startswith("dozens"))
    assert dozens.unit == "arrest" and dozens.approximate
    about = next(q for q in analysis.quantities if q.value == 40)
    assert about.approximate and about.text == "about 40 injuries"


def test_list_with_including(analyse):
    text = "The raid left nine dead and seven others, including 4 children, missing."
    got = {(q.value, q.unit) for q in analyse(text).quantities}
    assert {(9.0, None), (7.0, "other"), (4.0, "child")} <= got or {(7.0, "other"), (4.0, "child")} <= got


def test_dates_years_times_and_ordinals_are_not_counts(analyse):
    text = ("On March 3, 2019, at 10:30 pm, the second convoy left; in 1998 the port had opened. "
            "The third day brought 12 trucks.")
    analysis = analyse(text)
    assert [(q.value, q.unit) for q in analysis.quantities] == [(12.0, "truck")]


def test_percent_and_money(analyse):
    text = "Turnout fell to 42 percent, and the city spent $3 million on repairs and 500 euros on paint."
    analysis = analyse(text)
    _check_offsets(text, analysis)
    units = {q.unit: q.value for q in analysis.quantities}
    assert units.get("percent") == 42.0
    assert units.get("USD") == 3_000_000.0
    assert units.get("EUR") == 500.0


@pytest.mark.timeout(120)
def test_soleimani_shared_claims(soleimani):
    """The quantities of 'Claims several sources share' in ANALYST-NOTES."""
    def has(prefix, value, unit, approximate=False):
        text, analysis = soleimani[prefix]
        _check_offsets(text, analysis)
        return any(q.value == value and q.unit == unit and q.approximate == approximate
                   for q in analysis.quantities)

    assert has("001", 52.0, "member") and has("002", 52.0, "member") and has("003", 52.0, "member")
    assert has("002", 141.0, "member") and has("003", 141.0, "member")
    assert has("001", 7.0, "other") and has("001", 6.0, "woman")
    assert has("003", 7.0, None) and has("003", 6.0, "woman")
    assert has("004", 5.0, "person")
    assert has("004", 31.0, "rocket")
    assert has("002", 150.0, "attack", approximate=True)
    text, analysis = soleimani["000"]
    hundreds = [q for q in analysis.quantities if q.unit == "member" and q.low == 200]
    assert hundreds and hundreds[0].approximate


def test_a_number_word_split_at_its_hyphen_is_one_number(analyse):
    """Invented: "Ninety-eight" opening a sentence is split by the tokenizer into "Ninety", "-", "eight";
    a range written with a hyphen between digits ("20-30") is no such word."""
    text = "Ninety-eight people were rescued. Twenty-seven others were missing."
    analysis = analyse(text)
    _check_offsets(text, analysis)
    assert {(q.value, q.text) for q in analysis.quantities} == {(98.0, "Ninety-eight people"),
                                                                 (27.0, "Twenty-seven others")}


def test_money_with_scale_suffixes_and_iso_codes_is_normalised(analyse):
    text = ("The firm agreed to pay $612m. It was fined NOK 1.05bn and paid CHF 40 million. "
            "Contracts worth $4.2 billion went to its unit; others say 4,200 million dollars. "
            "The room is 12m wide.")
    analysis = analyse(text)
    _check_offsets(text, analysis)
    got = {(q.text, q.value, q.unit) for q in analysis.quantities}
    assert ("$612m", 612e6, "USD") in got and ("NOK 1.05bn", 1.05e9, "NOK") in got
    assert ("CHF 40 million", 40e6, "CHF") in got
    assert ("$4.2 billion", 4.2e9, "USD") in got and ("4,200 million dollars", 4.2e9, "USD") in got
    assert not any(q.value == 12e6 for q in analysis.quantities)  # a length, no currency before it


def test_a_bare_number_in_a_conjoined_clause_counts_the_noun_of_the_first(analyse):
    """Ellipsis: "Four nurses were hurt and 12 were treated" counts 12 nurses; a bare number in another role
    ("sold 40 tickets and 12 were returned") or alone says nothing of what it counts."""
    q = _by_text(analyse("Four nurses were hurt and 12 were treated at the clinic in Varno on Monday."))
    assert (q["Four nurses"].unit, q["12"].unit) == ("nurse", "nurse")
    q = _by_text(analyse("The club sold 40 tickets and 12 were returned on Monday."))
    assert q["12"].unit is None
    q = _by_text(analyse("Officials said 12 were treated at the clinic."))
    assert q["12"].unit is None


def test_an_elided_count_is_read_as_the_count_of_a_counted_action(analyse):
    a = analyse("Two welders were killed and 15 were stranded underground at the Orvo quarry, police said on Friday.")
    stranded = [c for c in a.claims if c.predicate == "strand"]
    assert [(c.quantity, c.quantity_unit) for c in stranded] == [(15.0, "welder")]
    a = analyse("Officials said 15 were stranded underground at the Orvo quarry on Friday.")
    assert not [c for c in a.claims if c.predicate == "strand" and c.quantity is not None]
