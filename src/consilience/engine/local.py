"""Phase 1 on this machine: a process pool of ``settings.workers``, each loading the model once.

Documents go out in batches of ``settings.batch_size``; at most two batches per worker are in
flight, so memory is bounded by batch size x workers, not by the corpus. Results come back in
input order, batch by batch, for the caller to commit as they arrive. ``workers=1`` runs
in-process with no pool (same function, no pickling).
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

from ..model import Document
from ..settings import Settings
from .batch import Row, analyze_batch, chunks

IN_FLIGHT_PER_WORKER = 2  # enough to keep a worker busy while the parent commits; bounds memory
# A worker is replaced after this many batches: spaCy's vocabulary grows with every new word it sees,
# so a worker that lives for a whole 10^5-document run would grow with the corpus. A fresh worker
# costs one model load (seconds) per ~6,000 documents at the default batch size.
BATCHES_PER_WORKER = 200

_worker_settings: Settings | None = None


def stream(documents: list[Document], keys: list[str], settings: Settings, work_dir=None) -> Iterator[list[Row]]:
    """One list of Rows per batch, batches in input order."""
    batches = list(zip(chunks(documents, settings.batch_size), chunks(keys, settings.batch_size)))
    if settings.workers <= 1 or len(batches) <= 1:
        _load_worker(settings)
        for docs, ks in batches:
            yield analyze_batch(docs, ks, settings)
        return
    yield from _pooled(batches, settings)


def _pooled(batches, settings: Settings) -> Iterator[list[Row]]:
    # spawn, not fork: the parent holds DuckDB and rich's refresh thread, which must not be forked.
    context = multiprocessing.get_context("spawn")
    workers = min(settings.workers, len(batches))
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker,
                               initargs=(settings, os.getpid()), max_tasks_per_child=BATCHES_PER_WORKER)
    try:
        pending = iter(batches)
        window = deque(pool.submit(_run_batch, *b) for b in islice(pending, workers * IN_FLIGHT_PER_WORKER))
        while window:
            rows = window.popleft().result()
            nxt = next(pending, None)
            if nxt is not None:
                window.append(pool.submit(_run_batch, *nxt))
            yield rows
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(settings: Settings, parent: int) -> None:
    """Pool initializer: exit with the parent (a SIGKILLed run must not leave workers behind), load the model."""
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True, name="orphan-watch").start()
    _load_worker(settings)


def _exit_when_orphaned(parent: int, every: float = 0.5) -> None:
    # Polling getppid is portable (prctl(PR_SET_PDEATHSIG) is Linux-only); half a second is soon enough.
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def _load_worker(settings: Settings) -> None:
    """Pool initializer: keep the settings and load the model once for this process."""
    global _worker_settings
    from ..analyze.nlp import load_model

    _worker_settings = settings
    load_model(settings.model)


def _run_batch(documents: list[Document], keys: list[str]) -> list[Row]:
    return analyze_batch(documents, keys, _worker_settings)
