"""The dossier contract (../shared/design/dossier-contract.md) end to end on the project's example corpus.

Runs `consilience analyze` once as a real subprocess and checks names, exit codes and provenance:
every record points at a document and at offsets that select its text.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"  # not `from conftest`: other conftests shadow it

CLI = [sys.executable, "-m", "consilience"]

TOP_LEVEL = {"schema", "corpus", "documents", "entities", "mentions", "times", "claims", "facts", "conflicts",
             "sources"}
DOCUMENT_FIELDS = {"id", "path", "url", "outlet", "title", "published", "published_basis", "language",
                   "duplicate_of", "text", "removed"}


def run_cli(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=600, **kw)


@pytest.fixture(scope="module")
def analysed(tmp_path_factory) -> tuple[Path, dict, subprocess.CompletedProcess]:
    if not EXAMPLES.is_dir():
        pytest.skip("examples/corpus is missing")
    out = tmp_path_factory.mktemp("examples-out")
    proc = run_cli("analyze", str(EXAMPLES), "--out", str(out), "--no-progress")
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out, json.loads((out / "dossier.json").read_text(encoding="utf-8")), proc


@pytest.mark.timeout(900)
def test_analyze_writes_the_three_outputs(analysed):
    out, dossier, proc = analysed
    assert (out / "dossier.html").stat().st_size > 1000
    assert (out / "consilience.duckdb").exists()
    assert "dossier:" in proc.stdout
    assert TOP_LEVEL <= set(dossier)
    assert dossier["schema"] == "consilience.dossier/1"
    assert dossier["corpus"]["documents"] == len(dossier["documents"]) > 0
    for doc in dossier["documents"]:
        assert DOCUMENT_FIELDS <= set(doc), DOCUMENT_FIELDS - set(doc)
        assert doc["published_basis"] in (None, "metadata", "dateline", "content", "inferred")


@pytest.mark.timeout(900)
def test_every_record_points_at_its_evidence(analysed):
    _, dossier, _ = analysed
    texts = {d["id"]: d["text"] for d in dossier["documents"]}
    for section in ("mentions", "times"):
        for rec in dossier[section]:
            assert texts[rec["document"]][rec["start"]:rec["end"]] == rec["text"], (section, rec)
    for rec in dossier["claims"]:
        assert rec["document"] in texts and 0 <= rec["start"] < rec["end"] <= len(texts[rec["document"]])
    entity_ids = {e["id"] for e in dossier["entities"]}
    claim_ids = {c["id"] for c in dossier["claims"]}
    for m in dossier["mentions"]:
        assert m["entity"] is None or m["entity"] in entity_ids
    for e in dossier["entities"]:
        assert set(e["documents"]) <= set(texts)
    for f in dossier["facts"]:
        assert set(f["claims"]) <= claim_ids and set(f["documents"]) <= set(texts)
        assert f["status"] in ("corroborated", "single-source", "contested")
        assert 1 <= f["support"] <= len(f["documents"])
    for c in dossier["conflicts"]:
        assert len(c["values"]) >= 2
        for v in c["values"]:
            assert isinstance(v["value"], str) and set(v["claims"]) <= claim_ids


@pytest.mark.timeout(900)
def test_store_holds_the_same_records(analysed):
    out, dossier, _ = analysed
    con = duckdb.connect(str(out / "consilience.duckdb"), read_only=True)
    try:
        for section in ("documents", "mentions", "times", "entities", "claims", "facts", "conflicts"):
            (n,) = con.execute(f'SELECT count(*) FROM "{section}"').fetchone()
            assert n == len(dossier[section]), section
    finally:
        con.close()


@pytest.mark.timeout(900)
def test_rerun_adds_nothing_twice(analysed, tmp_path):
    out, dossier, _ = analysed
    proc = run_cli("analyze", str(EXAMPLES), "--out", str(out), "--no-progress")
    assert proc.returncode == 0, proc.stderr[-3000:]
    again = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in again["documents"]] == [d["id"] for d in dossier["documents"]]
    con = duckdb.connect(str(out / "consilience.duckdb"), read_only=True)
    try:
        (n,) = con.execute("SELECT count(*) FROM documents").fetchone()
        (distinct,) = con.execute("SELECT count(DISTINCT id) FROM documents").fetchone()
    finally:
        con.close()
    assert n == distinct == len(dossier["documents"])


def test_nothing_readable_is_a_usage_error(tmp_path):
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 64)
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run_cli("analyze", str(tmp_path), "--out", str(tmp_path / "out"), "--no-progress")
    assert proc.returncode == 2
    assert "no readable document" in proc.stderr
    assert "empty.txt" in proc.stderr and "blob.bin" in proc.stderr


def test_missing_path_is_a_usage_error(tmp_path):
    proc = run_cli("analyze", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert "no such file" in proc.stderr


def test_bad_inputs_are_listed_and_lose_nothing(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("PORTVILLE, March 3, 2031 — The harbour authority of Portville said on Monday that "
                    "the ferry Saltmarsh Queen ran aground near the northern breakwater. "
                    "Nobody was hurt, the authority said in a statement, and the ferry was towed back "
                    "to port by two tugs later that evening.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"Caf\xe9 owners in Portville met on Tuesday to discuss the ferry. " * 8)
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 64)
    (tmp_path / "empty.html").write_bytes(b"")
    out = tmp_path / "out"
    proc = run_cli("extract", str(tmp_path), "--jsonl")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    paths = {Path(r["path"]).name for r in rows}
    assert {"good.txt", "bad.txt"} <= paths
    assert "blob.bin" in proc.stderr and "empty.html" in proc.stderr
    proc = run_cli("analyze", str(tmp_path), "--out", str(out), "--no-progress")
    assert proc.returncode == 0, proc.stderr[-3000:]
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    skipped = {Path(s["path"]).name: s["reason"] for s in dossier["corpus"]["skipped"]}
    assert {"blob.bin", "empty.html"} <= set(skipped)
    assert all(reason for reason in skipped.values())
    assert {Path(d["path"]).name for d in dossier["documents"]} >= {"good.txt", "bad.txt"}


def test_timex_prints_json_lines():
    proc = run_cli("timex", "--dct", "2031-03-07", input="The ferry sank on Thursday, 2 March 2031.")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert rows and all({"start", "end", "text", "type", "value"} <= set(r) for r in rows)
    assert "2031-03-02" in {r["value"] for r in rows}


def test_timex_reads_tense_from_the_parse_like_analyze():
    """Invented: the same weekday is last Friday for a past verb and next Friday for a future one."""
    text = "The depot burned on Friday. The minister will visit the site on Friday."
    proc = run_cli("timex", "--dct", "2031-03-12", input=text)  # a Wednesday
    assert proc.returncode == 0, proc.stderr
    values = [json.loads(line)["value"] for line in proc.stdout.splitlines()]
    assert values == ["2031-03-07", "2031-03-14"]
    fast = run_cli("timex", "--dct", "2031-03-12", "--no-parse", input=text)
    assert fast.returncode == 0 and len(fast.stdout.splitlines()) == 2
