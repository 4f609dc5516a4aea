"""Engines decide where phase 1 runs; the stage functions are the same for all."""
from __future__ import annotations

from ..model import DocAnalysis, Document
from ..settings import Settings


def run_phase1(documents: list[Document], settings: Settings, progress=None) -> list[DocAnalysis]:
    """Analyse every document with the engine named in the settings; one DocAnalysis per document, in order."""
    if settings.engine == "local":
        from .local import run

        return run(documents, settings, progress)
    if settings.engine == "ray":
        from .ray import run

        return run(documents, settings, progress)
    raise ValueError(f"unknown engine {settings.engine!r} (choose local or ray)")
