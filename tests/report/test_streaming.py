"""Outputs written from the records without a second full copy: dossier.json and the store streamed
section by section, dossier.html bounded for large corpora (and complete for small ones)."""
from __future__ import annotations

import json

import pytest

from consilience.pipeline import write_outputs
from consilience.report.dossier import HtmlLimits, build_dossier, dossier_sections, html_dossier, write_dossier_json
from consilience.report.html import render_html
from consilience.store import read_dossier

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]
SMALL = HtmlLimits(documents=3, facts=6, conflicts=1, entities=5, sources=2)


def test_streamed_json_is_the_whole_dossier(example_corpus, tmp_path):
    path = tmp_path / "dossier.json"
    write_dossier_json(dossier_sections(example_corpus), path)
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written == build_dossier(example_corpus)
    assert written["documents"] and written["mentions"] and written["facts"]


def test_outputs_round_trip_through_the_store(example_corpus, tmp_path):
    write_outputs(example_corpus, tmp_path)
    from_json = json.loads((tmp_path / "dossier.json").read_text(encoding="utf-8"))
    from_store = read_dossier(tmp_path / "consilience.duckdb")
    for section in ("documents", "entities", "mentions", "claims", "facts", "conflicts", "sources"):
        assert from_store[section] == from_json[section], section


def test_store_chunks_do_not_lose_or_repeat_rows(example_corpus, tmp_path, monkeypatch):
    from consilience import store

    monkeypatch.setattr(store, "WRITE_CHUNK", 7)  # many chunks per section
    store.write_store(dossier_sections(example_corpus), tmp_path / "s.duckdb")
    whole = build_dossier(example_corpus)
    back = read_dossier(tmp_path / "s.duckdb")
    assert back["mentions"] == whole["mentions"] and len(back["mentions"]) > 7


def test_small_corpus_page_shows_everything(example_corpus):
    assert html_dossier(example_corpus) == build_dossier(example_corpus)
    assert 'id="partial"' not in render_html(html_dossier(example_corpus))


def test_large_corpus_page_is_bounded_and_consistent(example_corpus):
    shown = html_dossier(example_corpus, SMALL)
    whole = build_dossier(example_corpus)
    assert len(shown["documents"]) <= SMALL.documents < len(whole["documents"])
    assert len(shown["facts"]) <= SMALL.facts and len(shown["conflicts"]) <= SMALL.conflicts
    docs = {d["id"] for d in shown["documents"]}
    # documents with the conflicts' evidence come first
    conflict_docs = {d for c in shown["conflicts"] for v in c["values"] for d in v["documents"]}
    assert conflict_docs <= docs or len(docs) == SMALL.documents
    # per-document records only for the documents shown; every shown fact keeps its claims
    assert all(m["document"] in docs for m in shown["mentions"])
    claims = {c["id"] for c in shown["claims"]}
    assert all(c in claims for f in shown["facts"] for c in f["claims"])
    # the overview still counts the whole corpus, and the page says it shows a part
    totals = shown["corpus"]["totals"]
    assert totals["documents"] == len(whole["documents"]) and totals["facts"] == len(whole["facts"])
    page = render_html(shown)
    assert 'id="partial"' in page
    assert f'<span class="n">{len(whole["facts"]) and totals["corroborated"]}</span>corroborated' in page


def test_records_become_the_dicts_asdict_makes(example_corpus):
    """model.to_dict skips asdict's deep copy; every record of a real run must still give asdict's dict."""
    import dataclasses

    from consilience.model import to_dict

    records = [*example_corpus.documents, *example_corpus.entities, *example_corpus.facts,
               *example_corpus.conflicts, *example_corpus.sources, *example_corpus.analyses.records("mentions"),
               *example_corpus.analyses.records("claims"), *example_corpus.analyses.records("times")]
    assert len(records) > 100 and {type(r).__name__ for r in records} >= {"Document", "Entity", "Fact", "Conflict"}
    for record in records:
        assert to_dict(record) == dataclasses.asdict(record)
