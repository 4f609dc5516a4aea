"""Phase 1, resumable: skip what the store already holds, analyse the rest, commit batch by batch.

The engine streams batches of rows; each batch is committed in its own transaction before the
next is asked for, and a small progress file in the work area says how far the run got (the
store itself is locked by the writer, so other processes read progress there).
"""
from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..model import Document
from ..settings import Settings
from ..store import Analyses, Phase1Store
from .fingerprint import analysis_fingerprint, document_key

PROGRESS_FILE = "phase1-progress.json"


@dataclass
class Phase1Stats:
    documents: int = 0  # documents in the corpus
    reused: int = 0  # results found in the store (earlier runs)
    recovered: int = 0  # results committed from shards a killed run left behind
    analysed: int = 0  # results computed by this run
    failed: int = 0  # of those, documents whose analysis raised (kept as skipped, retried next run)
    run: str = ""
    seconds: float = 0.0


def document_keys(documents: list[Document], settings: Settings) -> list[str]:
    fingerprint = analysis_fingerprint(settings)
    return [document_key(d, fingerprint) for d in documents]


def run_into_store(documents: list[Document], settings: Settings, store_path: Path, work_dir: Path,
                   progress=None, resume: bool = True) -> Phase1Stats:
    """Make sure the store holds a phase-1 result for every document; returns what was done."""
    from . import stream_function

    started = time.perf_counter()
    stream = stream_function(settings)
    keys = document_keys(documents, settings)
    stats = Phase1Stats(documents=len(documents), run=uuid.uuid4().hex[:12])
    work_dir = Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    with Phase1Store(store_path) as store:
        if not resume:
            store.clear()
        stats.recovered = _commit_leftovers(store, work_dir, stats.run)
        done = store.done([d.id for d in documents], keys)
        todo = _todo(documents, keys, done)
        stats.reused = len(documents) - len(todo)
        _advance(progress, stats.reused)
        _write_progress(work_dir, stats)
        if todo:
            for rows in stream([d for d, _ in todo], [k for _, k in todo], settings, work_dir):
                store.commit(rows, stats.run)
                stats.analysed += len(rows)
                stats.failed += sum(1 for r in rows if r.failed)
                _write_progress(work_dir, stats)
                _advance(progress, len(rows))
            _check_complete(store, todo)
    stats.seconds = time.perf_counter() - started
    return stats


def load_analyses(documents: list[Document], settings: Settings, store_path: Path, temporary=None) -> Analyses:
    """The stored phase-1 records of every document, in document order, as a reader over the store
    (``store.Analyses``: stages read the fields they need; ``list(...)`` gives whole DocAnalysis records).

    ``temporary``: the TemporaryDirectory holding ``store_path``, kept alive as long as the reader.
    """
    return Analyses(store_path, [d.id for d in documents], document_keys(documents, settings), temporary)


def _todo(documents, keys, done: set[str]) -> list[tuple[Document, str]]:
    seen = set(done)
    out = []
    for document, key in zip(documents, keys):
        if key not in seen:
            seen.add(key)
            out.append((document, key))
    return out


def _check_complete(store: Phase1Store, todo: list[tuple[Document, str]]) -> None:
    """An engine that returned fewer results than documents is a bug: say so rather than lose documents."""
    done = store.done([d.id for d, _ in todo], [k for _, k in todo])
    failed = store.failed([d.id for d, _ in todo], [k for _, k in todo])
    missing = [d.id for d, k in todo if k not in done and k not in failed]
    if missing:
        raise RuntimeError(f"the engine returned no result for {len(missing)} documents (first: {missing[:3]})")


def _commit_leftovers(store: Phase1Store, work_dir: Path, run: str) -> int:
    """Commit Parquet shards a killed Ray run wrote but did not commit (no shards: nothing to do)."""
    from .ray import leftover_shards, shards_dir

    if not shards_dir(work_dir).is_dir():
        return 0
    count = 0
    for shard, rows in leftover_shards(work_dir):
        count += store.commit(rows, run)
        shard.unlink(missing_ok=True)
    return count


def _write_progress(work_dir: Path, stats: Phase1Stats) -> None:
    path = work_dir / PROGRESS_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"run": stats.run, "documents": stats.documents, "reused": stats.reused,
                               "analysed": stats.analysed, "failed": stats.failed}), encoding="utf-8")
    tmp.replace(path)


def _advance(progress, n: int) -> None:
    if progress is not None and n:
        progress.advance(n)
