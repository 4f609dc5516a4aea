"""Kill a real `consilience analyze --engine ray` with SIGKILL mid phase 1, Ray processes included, start it again:
same dossier as an uninterrupted run, committed documents and leftover shards not redone, no duplicates, none lost."""
import json
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from .invented import invented_text
from .killing import frozen_package, sigkill_when
from .test_kill_resume import _dossier

pytest.importorskip("ray")
pq = pytest.importorskip("pyarrow.parquet")

N_DOCS = 40
CLI = [sys.executable, "-m", "consilience", "analyze"]
NOTE = re.compile(r"phase 1 \(ray, 2 workers\): (\d+) documents, (\d+) analysed, (\d+) reused from the store"
                  r"(?:, (\d+) recovered)?")


def _command(corpus: Path, out: Path) -> list[str]:
    return CLI + [str(corpus), "--out", str(out), "--engine", "ray", "--workers", "2", "--batch-size", "4",
                  "--no-progress"]


def _run(corpus: Path, out: Path, env: dict[str, str]) -> tuple[int, int, int, int]:
    """Run to completion; (documents, analysed, reused, recovered) from the phase-1 note."""
    done = subprocess.run(_command(corpus, out), capture_output=True, text=True, env=env, timeout=400)
    assert done.returncode == 0, done.stderr[-2000:]
    match = NOTE.search(done.stderr + done.stdout)
    assert match, done.stderr[-2000:]
    return tuple(int(g or 0) for g in match.groups())


def _ready(out: Path):
    """Kill once a shard waits on disk uncommitted (some documents committed), or many documents are committed."""
    progress, shards = out / "work" / "phase1-progress.json", out / "work" / "phase1-shards"

    def ready() -> bool:
        committed = json.loads(progress.read_text())["analysed"] if progress.exists() else 0
        return committed >= N_DOCS // 2 or (committed >= 4 and any(shards.glob("*.parquet")))
    return ready


def _stored(out: Path) -> dict[str, str]:
    """Document id -> run id of each phase-1 row in the store."""
    con = duckdb.connect(str(out / "consilience.duckdb"), read_only=True)
    try:
        rows = con.execute("SELECT document, run FROM phase1").fetchall()
    finally:
        con.close()
    assert len(rows) == len({d for d, _ in rows}), "a document stored twice"
    return dict(rows)


def _in_shards(out: Path) -> set[str]:
    """Documents in the complete shards a killed run left behind (a half-written .tmp is not complete)."""
    return {d for shard in (out / "work" / "phase1-shards").glob("*.parquet")
            for d in pq.read_table(shard, columns=["document"]).column("document").to_pylist()}


@pytest.mark.ray
@pytest.mark.slow
@pytest.mark.timeout(900)
def test_sigkill_ray_run_then_resume_matches_an_uninterrupted_run(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(N_DOCS):
        (corpus / f"story-{i:04d}.txt").write_text(invented_text(i) + "\n", encoding="utf-8")
    killed, clean = tmp_path / "killed", tmp_path / "clean"
    env = frozen_package(tmp_path / "package")

    sigkill_when(_command(corpus, killed), _ready(killed), env)
    before, shards = _stored(killed), _in_shards(killed)
    assert 0 < len(before) < N_DOCS

    documents, analysed, reused, recovered = _run(corpus, killed, env)
    assert documents == N_DOCS
    assert reused == len(set(before) | shards)  # committed documents and leftover shards are not redone
    assert len(shards - set(before)) <= recovered <= len(shards)  # a shard may be committed but not yet removed
    assert analysed + reused == N_DOCS
    after = _stored(killed)  # one row per document (checked inside)
    assert len(after) == N_DOCS  # none lost
    assert {d: after[d] for d in before} == before  # the killed run's rows kept as they were
    assert not list((killed / "work" / "phase1-shards").glob("*"))  # every leftover committed and removed

    assert _run(corpus, clean, env) == (N_DOCS, N_DOCS, 0, 0)
    resumed, uninterrupted = _dossier(killed), _dossier(clean)
    assert len(resumed["documents"]) == N_DOCS and resumed["mentions"]
    assert resumed == uninterrupted
