"""Engines decide where phase 1 runs; the stage functions are the same for all.

``run_into_store`` is what the pipeline uses: resumable, results committed batch by batch.
``load_analyses`` reads the stored results back for phase 2 (``store.Analyses``); ``run_phase1`` keeps
the simple in-memory form (a list of DocAnalysis) for callers without a store.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from ..model import DocAnalysis, Document
from ..settings import Settings
from .phase1 import Phase1Stats, load_analyses, run_into_store  # noqa: F401

ENGINES = ("local", "ray")


def stream_function(settings: Settings):
    """The engine's ``stream(documents, keys, settings, work_dir)``: batches of engine.batch.Row."""
    if settings.engine == "local":
        from .local import stream

        return stream
    if settings.engine == "ray":
        from .ray import stream

        return stream
    raise ValueError(f"unknown engine {settings.engine!r} (choose one of {', '.join(ENGINES)})")


def run_phase1(documents: list[Document], settings: Settings, progress=None) -> list[DocAnalysis]:
    """Analyse every document with the engine named in the settings; one DocAnalysis per document, in order."""
    stream_function(settings)  # fail fast on an unknown engine
    with tempfile.TemporaryDirectory(prefix="consilience-phase1-") as tmp:
        store = Path(tmp) / "phase1.duckdb"
        run_into_store(documents, settings, store, Path(tmp) / "work", progress=progress)
        return list(load_analyses(documents, settings, store))
