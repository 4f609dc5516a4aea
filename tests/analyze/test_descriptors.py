"""Descriptors: appositions, predicate nominals and titles that label a named entity."""
from __future__ import annotations

import pytest


def _pairs(text, analysis):
    for d in analysis.descriptors:
        assert text[d.start:d.end] == d.text
        assert text[d.target_start:d.target_end] == d.target_text
    return {(d.kind, d.target_text, d.text) for d in analysis.descriptors}


def test_apposition_both_orders(analyse):
    text = ("Marta Velez, the chief engineer of the Orvand dam, resigned. "
            "The spokeswoman of the Harbour Authority, Julia Brandt, declined to comment.")
    pairs = _pairs(text, analyse(text))
    assert ("apposition", "Marta Velez", "the chief engineer of the Orvand dam") in pairs
    assert any(kind == "apposition" and "Julia Brandt" in target and text_.startswith("The spokeswoman")
               for kind, target, text_ in pairs)


def test_predicate_nominal_and_labelling_verbs(analyse):
    text = ("Tomas Rieger was also the deputy director of the Veloria Port Union. "
            "Rieger was regarded as one of the most stubborn negotiators in the region.")
    pairs = _pairs(text, analyse(text))
    assert ("predicate", "Tomas Rieger", "the deputy director of the Veloria Port Union") in pairs
    assert any(kind == "predicate" and target == "Rieger" and text_.startswith("one of the most stubborn")
               for kind, target, text_ in pairs)


def test_descriptor_ends_before_clauses_and_other_appositions(analyse):
    text = "Anton Kessel, the founder of Kessel Shipping, which owns six ferries, was arrested."
    pairs = _pairs(text, analyse(text))
    assert ("apposition", "Anton Kessel", "the founder of Kessel Shipping") in pairs


def test_premodifying_title(analyse):
    text = "Veteran union negotiator Clara Holm signed the deal."
    pairs = _pairs(text, analyse(text))
    assert any(kind == "premodifier" and "Clara Holm" in target and "negotiator" in text_
               for kind, target, text_ in pairs)


@pytest.mark.timeout(120)
def test_soleimani_labels(soleimani):
    def has(prefix, kind, target_part, text_part):
        text, analysis = soleimani[prefix]
        return any(kind == k and target_part in t and text_part in x for k, t, x in _pairs(text, analysis))

    assert has("000", "apposition", "Soleimani", "the commander of the terrorist Islamic Revolutionary Guards")
    assert has("000", "predicate", "Muhandis", "the deputy commander of the Popular Mobilization Forces")
    assert has("003", "apposition", "Soleimani", "the notorious commander of the terrorist Quds Force")
    assert has("004", "predicate", "Soleimani", "a charismatic figure")
