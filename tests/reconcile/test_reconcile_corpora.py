"""The whole pipeline on real corpora: ../shared/corpora/soleimani-2020 (ANALYST-NOTES) and examples/ (answer key).

Documents are named by their file prefix ("001", "03", "07#2"); nothing of the corpora is copied here.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from consilience.pipeline import analyze_corpus
from consilience.settings import Settings

pytestmark = pytest.mark.timeout(300)
ROOT = Path(__file__).resolve().parents[2]


def _run(path: Path):
    corpus = analyze_corpus([str(path)], Settings())
    names = {}
    for d in corpus.documents:
        stem = Path(d.path.split("#")[0]).name.split("_")[0]
        names[d.id] = stem + ("#" + d.path.split("#")[1] if "#" in d.path else "")
    return corpus, names


def _docs(fact_or_value, names) -> set[str]:
    return {names[d] for d in fact_or_value.documents}


def _facts_with(corpus, quantity: float):
    return [f for f in corpus.facts if f.quantity == quantity and f.predicate in ("kill", "abduct")]


def _offsets_hold(corpus):
    texts = {d.id: d.text for d in corpus.documents}
    assert corpus.claims
    for c in corpus.claims:
        assert texts[c.document][c.start:c.end] == c.text
    for s in corpus.sources:
        for lab in s.labels:
            assert texts[lab.document][lab.start:lab.end] == lab.text
        for t in s.loaded_terms:
            for ex in t.examples:
                assert texts[ex.document][ex.start:ex.end] == ex.text


# --------------------------------------------------------------------------- soleimani-2020


@pytest.fixture(scope="module")
def soleimani(soleimani_dir):
    return _run(soleimani_dir)


def test_shared_claims_are_corroborated(soleimani):
    corpus, names = soleimani
    # The seven hostages are not asked of 003: its sentence ("the killing of 52 ... members and seven,
    # including 6 women were taken, hostage") parses the seven as conjoined with the killed, and a count
    # is attached through the parse only (by nearness it fabricated "N killed" facts elsewhere).
    expected = {52.0: {"001", "002", "003"}, 141.0: {"002", "003"}}
    for quantity, docs in expected.items():
        facts = _facts_with(corpus, quantity)
        assert any(_docs(f, names) == docs and f.status in ("corroborated", "contested") and f.support == len(docs)
                   for f in facts), (quantity, [(f.statement, _docs(f, names)) for f in facts])
    ashraf = next(f for f in _facts_with(corpus, 52.0) if _docs(f, names) == expected[52.0])
    assert "52" in ashraf.statement and ashraf.time == "2013-09-01"
    toll = next(f for f in _facts_with(corpus, 141.0) if _docs(f, names) == expected[141.0])
    assert toll.time == "2009/2016"


def test_the_two_listed_conflicts_and_none_of_the_non_conflicts(soleimani):
    corpus, names = soleimani
    strike = [c for c in corpus.conflicts if c.slot == "time" and {v.value for v in c.values} == {"2020-01-02", "2020-01-03"}]
    assert len(strike) == 1, [(c.about, [v.value for v in c.values]) for c in corpus.conflicts]
    values = {v.value: _docs(v, names) for v in strike[0].values}
    assert {"000", "003"} <= values["2020-01-02"] and "004" in values["2020-01-03"]
    assert "time zone" in strike[0].explanation and "adjacent" in strike[0].explanation
    command = [c for c in corpus.conflicts if {v.value for v in c.values} == {"1997", "1998"}]
    assert len(command) == 1 and "commander" in command[0].about
    years = {v.value: _docs(v, names) for v in command[0].values}
    assert years == {"1997": {"001", "004"}, "1998": {"003"}}
    # non-conflicts: roles side by side, strike type, approximate vs exact
    assert not [c for c in corpus.conflicts if c.slot == "role"]
    assert len(corpus.conflicts) == 2, [(c.about, [v.value for v in c.values]) for c in corpus.conflicts]
    _offsets_hold(corpus)


def test_framing_contrast_between_004_and_the_others(soleimani):
    corpus, names = soleimani
    by_doc = {names[s.documents[0]]: s for s in corpus.sources if len(s.documents) == 1}
    general = by_doc["004"]
    # The loaded-terms density (AFINN, a published affect lexicon) does not set 004 apart on this corpus:
    # 004 uses as many affect words ("loyal", "powerful", "crisis") as the others; the labels each
    # outlet gives each actor do, and are what is held here.
    opposite = {names[s.documents[0]] for s in corpus.sources for c in s.contrasts
                if c.kind == "opposite" and c.other_outlet == general.outlet}
    assert len(opposite) >= 3, opposite
    assert all(c.other_outlet != general.outlet for c in general.contrasts) and general.contrasts


# --------------------------------------------------------------------------- examples/ (the project's own corpus)


@pytest.fixture(scope="module")
def examples():
    corpus_dir = ROOT / "examples" / "corpus"
    key_path = ROOT / "examples" / "answer-key.json"
    if not corpus_dir.is_dir() or not key_path.exists():
        pytest.skip("examples corpus not present")
    corpus, names = _run(corpus_dir)
    return corpus, names, json.loads(key_path.read_text(encoding="utf-8"))


def test_examples_facts_of_the_answer_key(examples):
    corpus, names, key = examples
    for fact in key["facts"][:3]:  # the counted ones: killed at the camp, abducted, the toll over years
        wanted = set(fact["documents"])
        numbers = [int(w.strip(",.")) for w in fact["statement"].split() if w.strip(",.").isdigit()]
        number = float(max(n for n in numbers if not 1900 <= n <= 2100))  # the count, not a day or a year
        found = [f for f in corpus.facts if f.quantity == number]
        assert any(_docs(f, names) == wanted and f.support == len(wanted) for f in found), (
            fact["statement"], [(f.statement, _docs(f, names)) for f in found])


def test_examples_conflicts_of_the_answer_key(examples):
    corpus, names, key = examples
    for expected in key["conflicts"]:
        wanted = {v["value"] for v in expected["values"]}
        match = [c for c in corpus.conflicts if c.slot == expected["slot"] and {v.value for v in c.values} == wanted]
        assert match, (expected["about"], [(c.about, [v.value for v in c.values]) for c in corpus.conflicts])
        for v in expected["values"]:
            got = next(x for x in match[0].values if x.value == v["value"])
            assert _docs(got, names) & set(v["documents"]), (expected["about"], v)
    assert not [c for c in corpus.conflicts if c.slot == "role"]
    quantity = next(c for c in corpus.conflicts if c.slot == "quantity")
    assert "revising an earlier figure" in quantity.explanation
    strike = next(c for c in corpus.conflicts if any(len(v.value) == 10 for v in c.values))
    assert "time zone" in strike.explanation
    _offsets_hold(corpus)


def test_examples_framing(examples):
    corpus, names, key = examples
    framing = key["framing"]
    hostile = {o for o in framing["hostile_outlets"]}
    neutral = {o for o in framing["neutral_outlets"]}
    by_outlet = {s.outlet: s for s in corpus.sources}
    assert min(by_outlet[o].loaded_per_1000 for o in hostile) > max(by_outlet[o].loaded_per_1000 for o in neutral)
    contrasted = {c.other_outlet for o in neutral for c in by_outlet[o].contrasts}
    assert contrasted & hostile
