"""The DuckDB store: dossier tables round-trip; phase-1 rows are committed whole, once, and survive a crash."""
import json
import subprocess
import sys
import textwrap

import duckdb
import pytest

from consilience.engine.batch import Row
from consilience.store import Analyses, Phase1Store, read_dossier, write_store

DOSSIER = {
    "schema": "consilience.dossier/1",
    "corpus": {"inputs": ["a"], "documents": 1, "skipped": [{"path": "b.bin", "reason": "not text"}],
               "timings": {"analysing": 1.5}},
    "documents": [{"id": "d1", "path": "a.txt", "url": None, "outlet": "Example Post", "outlet_basis": "url",
                   "title": "T", "byline": None, "published": "2024-01-02", "published_basis": "metadata",
                   "language": "en", "duplicate_of": None, "text": "Some text.", "removed": [], "notes": [],
                   "analysis_skipped": None}],
    "mentions": [{"id": "d1:m0", "entity": None, "document": "d1", "start": 0, "end": 4, "text": "Some",
                  "label": "ORG"}],
}


def _rows(n, start=0, failed=False):
    return [Row(f"d{i}", f"k{i}", failed, json.dumps({"document": f"d{i}"})) for i in range(start, start + n)]


def test_dossier_round_trips_and_phase1_rows_are_kept(tmp_path):
    path = tmp_path / "s.duckdb"
    with Phase1Store(path) as store:
        store.commit(_rows(3), run="r1")
    write_store(DOSSIER, path)
    back = read_dossier(path)
    assert back["documents"] == DOSSIER["documents"] and back["mentions"] == DOSSIER["mentions"]
    assert back["corpus"]["skipped"] == DOSSIER["corpus"]["skipped"]
    with Phase1Store(path) as store:
        assert store.done(["d0", "d1", "d2"], ["k0", "k1", "k2"]) == {"k0", "k1", "k2"}


def test_commit_never_duplicates_and_replaces_only_failures(tmp_path):
    with Phase1Store(tmp_path / "s.duckdb") as store:
        store.commit(_rows(4), run="r1")
        assert store.commit(_rows(4), run="r2") == 0  # the same results again: ignored, not counted
        store.commit(_rows(2, start=4, failed=True), run="r2")
        assert store.failed(["d4", "d5"], ["k4", "k5"]) == {"k4", "k5"}
        store.commit(_rows(2, start=4), run="r3")  # a retry that succeeded replaces the failure
        assert store.runs() == {"r1": 4, "r3": 2}
        assert store.done([f"d{i}" for i in range(6)], [f"k{i}" for i in range(6)]) == {f"k{i}" for i in range(6)}
        assert store.con.execute("SELECT count(*) FROM phase1").fetchall() == [(6,)]
    analyses = Analyses(tmp_path / "s.duckdb", ["d5", "d0", "d3", "d9"], ["k5", "k0", "k3", "k9"])
    assert [a.document for a in analyses] == ["d5", "d0", "d3", "d9"]
    assert analyses.skipped == {"d9": "no phase-1 result in the store"}


@pytest.mark.timeout(120)
def test_a_process_killed_mid_transaction_keeps_committed_batches_only(tmp_path):
    """SIGKILL-equivalent (os._exit, no cleanup) with an open transaction: the WAL replays committed work only."""
    path = tmp_path / "s.duckdb"
    script = textwrap.dedent(f"""
        import json, os
        from consilience.engine.batch import Row
        from consilience.store import Phase1Store
        store = Phase1Store({str(path)!r})
        store.commit([Row(f"d{{i}}", f"k{{i}}", False, "{{}}") for i in range(5)], run="r1")
        store.con.execute("BEGIN")
        store.con.execute("INSERT INTO phase1 VALUES ('lost', 'kl', false, '{{}}', 'r1', now()::TIMESTAMP)")
        os._exit(9)
    """)
    subprocess.run([sys.executable, "-c", script], check=False, timeout=100)
    con = duckdb.connect(str(path))
    try:
        assert sorted(r[0] for r in con.execute("SELECT document FROM phase1").fetchall()) == [f"d{i}" for i in range(5)]
    finally:
        con.close()


def test_every_record_field_has_a_store_column():
    """A field added to a record must reach its table, or the store silently drops it."""
    import dataclasses

    from consilience import model
    from consilience.store import TABLES

    records = {"claims": model.Claim, "facts": model.Fact, "conflicts": model.Conflict, "entities": model.Entity,
               "sources": model.SourceProfile, "quotes": model.Quote, "times": model.TimeExpr,
               "quantities": model.Quantity, "descriptors": model.Descriptor, "alias_evidence": model.AliasEvidence,
               "mentions": model.Mention}
    for section, cls in records.items():
        columns = {name for name, _ in TABLES[section]}
        assert {f.name for f in dataclasses.fields(cls)} <= columns, section


def test_every_field_of_every_record_is_a_column_of_its_table():
    """One schema: the store's tables are read off the records of model.py, so a field added to a record
    is a column (and the docs test then asks for it in docs/dossier.md); types follow the annotation."""
    import dataclasses

    from consilience import model
    from consilience.schema import SECTION_RECORDS, TABLES, column_type

    for section, (record_type, left_out, extra) in SECTION_RECORDS.items():
        names = [n for n, _ in TABLES[section]]
        assert names == [f.name for f in dataclasses.fields(record_type) if f.name not in left_out] + \
            [n for n, _ in extra]
    types = dict(TABLES["claims"])
    assert (types["start"], types["quantity"], types["hedged"], types["objects"], types["subject"]) == \
        ("BIGINT", "DOUBLE", "BOOLEAN", "JSON", "VARCHAR")
    assert column_type(list[model.Alias]) == "JSON" and column_type(bool | None) == "BOOLEAN"


def test_a_store_written_before_the_typed_tables_is_moved_into_them(tmp_path):
    """Results stored as one JSON column per document (the layout before the typed tables) stay usable."""
    from consilience.codec import encode
    from consilience.model import DocAnalysis, Mention

    path = tmp_path / "old.duckdb"
    analysis = DocAnalysis(document="d0", mentions=[Mention("d0:m0", "d0", 0, 4, "Oslo", "GPE")])
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE phase1 (document VARCHAR, key VARCHAR, failed BOOLEAN, analysis VARCHAR, run VARCHAR, "
                "written_at TIMESTAMP, PRIMARY KEY (document, key))")
    con.execute("INSERT INTO phase1 VALUES ('d0', 'k0', false, ?, 'old-run', now()::TIMESTAMP), "
                "('d1', 'k1', true, ?, 'old-run', now()::TIMESTAMP)",
                [encode(analysis), encode(DocAnalysis(document="d1", skipped_reason="analysis failed: boom"))])
    con.close()
    with Phase1Store(path) as store:
        assert store.done(["d0", "d1"], ["k0", "k1"]) == {"k0"} and store.failed(["d0", "d1"], ["k0", "k1"]) == {"k1"}
        assert store.runs() == {"old-run": 2}
        assert "phase1_json" not in {r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables")
                                     .fetchall()}
    back = list(Analyses(path, ["d0", "d1"], ["k0", "k1"]))
    assert back == [analysis, DocAnalysis(document="d1", skipped_reason="analysis failed: boom")]
