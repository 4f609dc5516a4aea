"""Ingestion on the shared Soleimani corpus (read at run time) and on the project's example corpus.

Nothing of the shared corpus is copied here: debris lines are located by their position in
the file as its ANALYST-NOTES describe them, and compared with what ingestion removed.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from consilience.ingest import ingest
from consilience.ingest.clean import is_sentence, normalise
from consilience.settings import Settings

ROOT = Path(__file__).resolve().parents[2]

# File prefix -> positions (among non-blank lines) of the debris lines the analyst notes list.
SOLEIMANI_DEBRIS = {"000": [0, 2], "001": [-3, -2, -1], "002": [-1], "003": [0], "004": [-3, -2, -1]}


@pytest.fixture(scope="module")
def soleimani(soleimani_dir):
    documents, skipped = ingest([str(soleimani_dir)], Settings())
    by_prefix = {Path(d.path).name[:3]: d for d in documents}
    raw = {p: [line.strip() for line in normalise(next(soleimani_dir.glob(f"{p}_*.txt")).read_text()).split("\n")
               if line.strip()] for p in by_prefix}
    return by_prefix, raw, skipped


@pytest.mark.timeout(60)
def test_soleimani_debris_removed_and_every_body_line_kept(soleimani):
    docs, raw, _ = soleimani
    assert sorted(docs) == sorted(SOLEIMANI_DEBRIS)
    for prefix, positions in SOLEIMANI_DEBRIS.items():
        doc, lines = docs[prefix], raw[prefix]
        removed = [r.text.strip() for r in doc.removed]
        for pos in positions:
            assert lines[pos] in removed, (prefix, lines[pos])
            assert lines[pos] not in doc.text.split("\n")
        for line in lines:
            if line not in removed:
                assert line in doc.text, (prefix, line)
            else:
                assert not is_sentence(line), (prefix, line)  # nothing that reads as a sentence was removed
        for r in doc.removed:
            assert r.reason


def test_soleimani_dates_and_outlets(soleimani):
    docs, raw, _ = soleimani
    assert (docs["000"].published, docs["000"].published_basis) == ("2020-01-03", "dateline")
    # 001: copyright year 2020, refined by its closest dated neighbours to a day in January 2020
    assert docs["001"].published.startswith("2020-01") and docs["001"].published_basis == "inferred"
    assert docs["002"].published.startswith("2022-01") and docs["002"].published_basis == "content"
    assert (docs["003"].published, docs["003"].published_basis) == ("2020-01-05T18:30", "metadata")
    # 004 states no year near its events: its date is inferred from the dated articles it resembles
    assert docs["004"].published.startswith("2020-01") and docs["004"].published_basis == "inferred"
    source_line = raw["002"][-1]
    assert docs["002"].outlet == source_line.split("»")[-1].strip() and docs["002"].outlet_basis == "source-line"
    credit = raw["000"][2]
    assert docs["000"].outlet == credit.split(" by ", 1)[1].strip() and docs["000"].outlet_basis == "reporting-by"
    # no byline, desk or bureau is ever an outlet
    assert all(d.outlet is None or d.outlet != d.byline for d in docs.values())
    assert all(d.language == "en" and d.duplicate_of is None for d in docs.values())


def test_soleimani_notes_file_is_skipped_not_read(soleimani):
    _, _, skipped = soleimani
    assert [Path(s.path).name for s in skipped] == ["ANALYST-NOTES.md"]


# --------------------------------------------------------------------------- the project's example corpus


@pytest.fixture(scope="module")
def examples(examples_dir):
    key_path = examples_dir.parent / "answer-key.json"
    if not key_path.exists():
        pytest.skip("examples/answer-key.json not written yet")
    key = json.loads(key_path.read_text())
    documents, skipped = ingest([str(examples_dir)], Settings())
    by_key = {}
    for d in documents:
        name = Path(d.path.split("#")[0]).name
        by_key[name[:2] + ("#" + d.path.rsplit("#", 1)[1] if "#" in d.path else "")] = d
    return key, by_key, skipped


@pytest.mark.timeout(60)
def test_examples_match_the_answer_key(examples):
    key, docs, skipped = examples
    assert skipped == []
    for want in key["documents"]:
        doc = docs[want["key"]]
        where = want["key"]
        # the expected outlet, or the accepted minimum (null where only a footer names it)
        assert doc.outlet in (want["outlet"], want["outlet_minimum"]), where
        assert doc.published_basis in want["published_basis"], where
        low, high = want["published_range"]
        assert doc.published[:10] in (want["published"][:10],) or low <= doc.published[:10] <= high \
            or want["published"].startswith(doc.published), where
        assert doc.language == want["language"], where
        assert want["body_first"] in doc.text[:300], where
        assert doc.text.rstrip().endswith(want["body_last"]), where
        removed = {r.text for r in doc.removed}
        for r in want.get("removed", []):
            assert r["text"] in removed, (where, r["text"])
        for phrase in want.get("not_in_text", []):
            assert phrase not in doc.text, (where, phrase)
        assert want.get("byline") is None or doc.byline == want["byline"], where  # None: no byline on the page
    ids = {k: d.id for k, d in docs.items()}
    for pair in key["near_duplicates"]:
        assert docs[pair["document"]].duplicate_of == ids[pair["duplicate_of"]]
    assert sum(d.duplicate_of is not None for d in docs.values()) == len(key["near_duplicates"])
