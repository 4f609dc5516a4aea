"""Alias evidence: acronyms, slash groups, aka, or, born, formerly; offsets of both names exact."""
from __future__ import annotations

import pytest

from consilience.analyze.aliases import acronym_matches


def _evidence(text, analysis):
    for e in analysis.aliases:
        assert text[e.a_start:e.a_end] == e.a_text and text[e.b_start:e.b_end] == e.b_text
        assert e.start <= min(e.a_start, e.b_start) and e.end >= max(e.a_end, e.b_end)
    return {(e.kind, e.a_text, e.b_text) for e in analysis.aliases}


@pytest.mark.parametrize("abbr, name, ok", [
    ("NRA", "National Rifle Association", True),
    ("WFP", "World Food Programme", True),
    ("VPU", "Veloria Port Union", True),
    ("UNHCR", "United Nations High Commissioner for Refugees", True),
    ("FAO", "Food and Agriculture Organization", True),
    ("OVW", "Orvand Water Board", False),
    ("MSF", "Doctors Without Borders", False),
])
def test_acronym_matching(abbr, name, ok):
    assert acronym_matches(abbr, [name]) is ok


def test_acronym_slash_and_parenthetical(analyse):
    text = ("Members of the Veloria Port Union (VPU/DockU) met the Harbour Authority (HAB) on Monday. "
            "The Orvand Water Board (OVW) was not invited.")
    pairs = _evidence(text, analyse(text))
    assert ("acronym", "Veloria Port Union", "VPU") in pairs
    assert ("slash", "Veloria Port Union", "DockU") in pairs
    assert ("acronym", "Harbour Authority", "HAB") not in pairs
    assert ("parenthetical", "Orvand Water Board", "OVW") in pairs


def test_aka_born_formerly_or(analyse):
    text = ("The militia leader Ramon Ostrava, a former engineer born Ramon Estevez Pardo, was detained. "
            "The Northern Front, also known as Liwa al-Shamal, denied it. "
            "Kestrel Holdings (formerly known as Ardent Shipping) bought the yard. "
            "The Harbour Guild, a.k.a. the Dockers, agreed. "
            "The Carrow Fishermen's League (CFL) or Rabta al-Sayyadin, a coalition of unions, protested.")
    pairs = _evidence(text, analyse(text))
    assert ("born", "Ramon Ostrava", "Ramon Estevez Pardo") in pairs
    assert any(kind == "aka" and "Northern Front" in a and b == "Liwa al-Shamal" for kind, a, b in pairs)
    assert ("formerly", "Kestrel Holdings", "Ardent Shipping") in pairs
    assert ("aka", "Harbour Guild", "Dockers") in pairs
    assert any(kind == "or" and "Carrow Fishermen" in a and b.startswith("Rabta al-Sayyadin") for kind, a, b in pairs)


def test_lists_with_or_are_not_aliases(analyse):
    text = "Delegates from France, Spain or Italy may attend, and Anna Berg or Peter Lund will chair."
    pairs = _evidence(text, analyse(text))
    assert not [p for p in pairs if p[0] == "or"]


@pytest.mark.timeout(120)
def test_soleimani_names_that_are_one_entity(soleimani):
    """The alias evidence of ANALYST-NOTES 'Names that are one entity' that the text states."""
    def has(prefix, kind, a, b):
        text, analysis = soleimani[prefix]
        return (kind, a, b) in _evidence(text, analysis)

    pmoi = "People\u2019s Mojahedin Organization of Iran"
    assert has("000", "acronym", pmoi, "PMOI") and has("000", "slash", pmoi, "MEK")
    assert has("003", "acronym", pmoi, "PMOI") and has("003", "slash", pmoi, "MEK")  # "(PMOI-MEK)"
    assert has("000", "acronym", "National Council of Resistance of Iran", "NCRI")
    assert has("001", "acronym", "Islamic Revolutionary Guard Corps", "IRGC")
    assert has("000", "parenthetical", "Popular Mobilization Forces", "PMU")
    assert has("000", "or", "Popular Mobilization Forces", "Hashd al-Shaabi")
    assert has("002", "aka", "Al Hashd Al Shaabi", "Popular Mobilization Forces")
    assert has("004", "born", "al-Muhandis", "Jamal Ali Ebrahimi")
    assert has("001", "acronym", "Mujahedin-e Khalq", "MEK Iran")
    assert has("000", "slash", "PMOI", "MEK")


def test_a_place_in_brackets_before_or_makes_no_alias(analyse):
    """Invented: "(Port Vell)" places the coach; the two names on either side of "or" are two people even
    when spaCy reads the first as an organisation."""
    text = ("This was not Ostrander Velk Trading (Port Vell) or Dana Whitfield (Lindale), whose records "
            "sank any chance. The Carrow Fishermen's League (CFL) or Rabta al-Sayyadin protested.")
    pairs = _evidence(text, analyse(text))
    assert not any(kind == "or" and "Whitfield" in b for kind, a, b in pairs)
    assert any(kind == "or" and "Carrow Fishermen" in a for kind, a, b in pairs)


def test_an_acronym_spelling_a_name_cut_at_for_takes_the_whole_name(analyse):
    """The tagger cuts "the General Agency for Specialized Supervision" at "for" (two names); the acronym in brackets
    spells the whole name, so the evidence runs over the joining word. An acronym that spells no name ending there
    gives no acronym evidence over it."""
    text = "Minister Lev Dara said the General Agency for Specialized Supervision (GASS) had last inspected the quarry."
    pairs = _evidence(text, analyse(text))
    assert ("acronym", "General Agency for Specialized Supervision", "GASS") in pairs
    text = "Minister Lev Dara said the General Agency for Specialized Supervision (XASS) had last inspected the quarry."
    assert not any(kind == "acronym" for kind, _, _ in _evidence(text, analyse(text)))
