"""Kill a real `consilience analyze` with SIGKILL mid-run, start it again: same dossier as an uninterrupted run,
finished documents not redone, no duplicates, none lost."""
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import psutil
import pytest

from .invented import invented_text

N_DOCS = 120
CLI = [sys.executable, "-m", "consilience", "analyze"]
NOTE = re.compile(r"phase 1 \(local, 2 workers\): (\d+) documents, (\d+) analysed, (\d+) reused")


def _write_corpus(directory: Path) -> None:
    directory.mkdir()
    for i in range(N_DOCS):
        (directory / f"story-{i:04d}.txt").write_text(invented_text(i) + "\n", encoding="utf-8")


def _command(corpus: Path, out: Path) -> list[str]:
    return CLI + [str(corpus), "--out", str(out), "--workers", "2", "--batch-size", "4", "--no-progress"]


def _run(corpus: Path, out: Path) -> tuple[int, int, int]:
    done = subprocess.run(_command(corpus, out), capture_output=True, text=True, timeout=400)
    assert done.returncode == 0, done.stderr[-2000:]
    match = NOTE.search(done.stderr + done.stdout)
    assert match, done.stderr[-2000:]
    return tuple(int(g) for g in match.groups())


def _kill_after_some_batches(corpus: Path, out: Path) -> int:
    """Start a run, SIGKILL it once a few batches are committed; returns how many were committed then."""
    proc = subprocess.Popen(_command(corpus, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    progress = out / "work" / "phase1-progress.json"
    children: list[psutil.Process] = []
    deadline = time.monotonic() + 300
    committed = 0
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            children = psutil.Process(proc.pid).children(recursive=True) or children
            if progress.exists():
                committed = json.loads(progress.read_text())["analysed"]
                if committed >= 12:
                    break
            time.sleep(0.02)
        assert proc.poll() is None, "the run finished before it could be killed: make the corpus bigger"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    _reap(children)
    assert 0 < committed < N_DOCS
    return committed


def _reap(children: list[psutil.Process]) -> None:
    """Pool workers notice their parent is gone and exit; make sure none lingers."""
    gone, alive = psutil.wait_procs(children, timeout=30)
    for child in alive:  # pragma: no cover - only if a worker failed to notice
        child.kill()
    assert not alive, f"pool workers outlived their killed parent: {[c.pid for c in alive]}"


def _dossier(out: Path) -> dict:
    dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    dossier["corpus"].pop("timings")
    return dossier


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_sigkill_mid_run_then_resume_matches_an_uninterrupted_run(tmp_path):
    corpus = tmp_path / "corpus"
    _write_corpus(corpus)
    killed, clean = tmp_path / "killed", tmp_path / "clean"

    committed = _kill_after_some_batches(corpus, killed)
    documents, analysed, reused = _run(corpus, killed)
    assert documents == N_DOCS
    assert reused >= committed  # what was committed before the kill is not redone
    assert analysed + reused == N_DOCS

    con = duckdb.connect(str(killed / "consilience.duckdb"), read_only=True)
    try:
        total, distinct = con.execute("SELECT count(*), count(DISTINCT document) FROM phase1").fetchall()[0]
        per_run = sorted(n for _, n in con.execute("SELECT run, count(*) FROM phase1 GROUP BY run").fetchall())
    finally:
        con.close()
    assert total == distinct == N_DOCS  # no duplicates, none lost
    assert per_run == sorted([reused, analysed])  # the killed run's rows kept, the rest made once

    assert _run(corpus, clean) == (N_DOCS, N_DOCS, 0)
    resumed, uninterrupted = _dossier(killed), _dossier(clean)
    assert len(resumed["documents"]) == N_DOCS and resumed["mentions"]
    assert resumed == uninterrupted
