"""Phase 1 on Ray Data: ``map_batches`` over an actor pool that holds the spaCy model.

Documents become a Ray Dataset (``from_items``); each actor loads the model once and runs the same
``analyze_batch`` as the local engine. Result batches stream back; each is written as a Parquet
shard (one row per DocAnalysis, serialised) into the output's work area and handed to the caller,
which commits it to the store and removes the shard. Shards left by a killed run are committed
first on the next run (``leftover_shards``), so nothing analysed is lost.

``settings.ray_address`` joins an existing cluster; otherwise a local runtime starts on loopback
with ``settings.workers`` CPUs and no dashboard. Ray is the optional extra ``consilience[ray]``.
"""
from __future__ import annotations

import logging
import math
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

from ..model import Document
from ..settings import Settings
from .batch import Row, analyze_batch
from ..codec import decode_document, encode

SHARD_COLUMNS = ("document", "key", "failed", "analysis")
OBJECT_STORE_BYTES = 512 * 1024 * 1024  # a local runtime shares the machine: keep Ray's shared memory small


class DocumentAnalyzer:
    """Ray actor: loads the model once, then analyses one batch per call."""

    def __init__(self, settings: Settings):
        from ..analyze.nlp import load_model

        self.settings = settings
        load_model(settings.model)

    def __call__(self, batch):
        import pyarrow as pa

        documents = [decode_document(text) for text in batch["document"].to_pylist()]
        rows = analyze_batch(documents, batch["key"].to_pylist(), self.settings)
        return pa.table({name: [getattr(r, name) for r in rows] for name in SHARD_COLUMNS})


def stream(documents: list[Document], keys: list[str], settings: Settings, work_dir: Path) -> Iterator[list[Row]]:
    """One list of Rows per result batch (order is not guaranteed; the store keys rows by document)."""
    if not documents:
        return
    os.environ.setdefault("RAY_DATA_LOG_LEVEL", "ERROR")  # read when Ray Data configures its loggers
    import ray

    started_here = _connect(settings)
    try:
        dataset = _dataset(documents, keys, settings)
        shard_dir = shards_dir(work_dir)
        shard_dir.mkdir(parents=True, exist_ok=True)
        for table in dataset.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=1):
            shard = _write_shard(table, shard_dir)
            yield _rows(table)
            shard.unlink(missing_ok=True)  # committed by the caller before control came back here
    finally:
        if started_here:
            ray.shutdown()


def shards_dir(work_dir: Path) -> Path:
    return Path(work_dir) / "phase1-shards"


def leftover_shards(work_dir: Path) -> Iterator[tuple[Path, list[Row]]]:
    """(shard, its rows) for every complete shard a killed run left behind; unreadable ones are removed."""
    import pyarrow.parquet as pq

    directory = shards_dir(work_dir)
    if not directory.is_dir():
        return
    for path in sorted(directory.glob("*.parquet")):
        try:
            table = pq.read_table(path)
        except Exception:  # noqa: BLE001 - a shard cut short by a kill: its documents are simply redone
            path.unlink(missing_ok=True)
            continue
        yield path, _rows(table)
    for partial in directory.glob("*.tmp"):
        partial.unlink(missing_ok=True)


def _connect(settings: Settings) -> bool:
    """Join ``settings.ray_address`` or start a local runtime; True when this call started it."""
    import ray

    if ray.is_initialized():
        return False
    quiet = {"log_to_driver": False, "configure_logging": True, "logging_level": "ERROR"}
    if settings.ray_address:
        ray.init(address=settings.ray_address, **quiet)
        return True
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "error")
    ray.init(address="local", num_cpus=settings.workers, include_dashboard=False, _node_ip_address="127.0.0.1",
             object_store_memory=OBJECT_STORE_BYTES, **quiet)
    return True


def _dataset(documents: list[Document], keys: list[str], settings: Settings):
    import ray

    logging.getLogger("ray.data").setLevel(logging.ERROR)  # execution chatter; the caller reports progress
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # the caller shows one bar for phase 1
    context.print_on_execution_start = False
    items = [{"key": k, "document": encode(d)} for d, k in zip(documents, keys)]
    blocks = max(1, math.ceil(len(items) / max(1, settings.batch_size)))
    dataset = ray.data.from_items(items, override_num_blocks=blocks)
    return dataset.map_batches(DocumentAnalyzer, fn_constructor_kwargs={"settings": settings},
                               batch_size=settings.batch_size, batch_format="pyarrow",
                               compute=ray.data.ActorPoolStrategy(size=settings.workers), num_cpus=1)


def _write_shard(table, shard_dir: Path) -> Path:
    """Write atomically (temporary name, then rename), so a shard on disk is always complete."""
    import pyarrow.parquet as pq

    path = shard_dir / f"{uuid.uuid4().hex}.parquet"
    tmp = path.with_suffix(".tmp")
    pq.write_table(table, tmp)
    tmp.replace(path)
    return path


def _rows(table) -> list[Row]:
    columns = [table.column(name).to_pylist() for name in SHARD_COLUMNS]
    return [Row(*values) for values in zip(*columns)]
