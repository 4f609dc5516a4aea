"""The whole job, stage by stage: ingest -> phase 1 (engine) -> resolve -> reconcile -> report + store."""
from __future__ import annotations

from pathlib import Path

from . import engine, ingest, resolve
from .model import Corpus
from .progress import Reporter
from .reconcile import reconcile
from .report.dossier import build_dossier, write_dossier_json
from .report.html import write_html
from .settings import Settings
from .store import write_store


def analyze_corpus(paths: list[str], settings: Settings, reporter: Reporter | None = None) -> Corpus:
    """Run both phases over the inputs under ``paths``; returns the Corpus (nothing written)."""
    reporter = reporter or Reporter(enabled=False)
    with reporter.stage("reading and cleaning") as task:
        documents, skipped = ingest.ingest(paths, settings, progress=task)
    corpus = Corpus(inputs=[str(p) for p in paths], documents=documents, skipped=skipped)
    with reporter.stage("analysing", total=len(documents)) as task:
        corpus.analyses = engine.run_phase1(documents, settings, progress=task)
    with reporter.stage("resolving entities"):
        corpus.entities = resolve.resolve_entities(documents, corpus.analyses)
    with reporter.stage("reconciling"):
        corpus.facts, corpus.conflicts, corpus.sources = reconcile(documents, corpus.analyses, corpus.entities)
    corpus.timings = dict(reporter.timings)
    return corpus


def write_outputs(corpus: Corpus, out_dir: Path) -> dict:
    """dossier.json, dossier.html and consilience.duckdb in ``out_dir``; returns the dossier dict."""
    out_dir.mkdir(parents=True, exist_ok=True)
    dossier = build_dossier(corpus)
    write_dossier_json(dossier, out_dir / "dossier.json")
    write_html(dossier, out_dir / "dossier.html")
    write_store(dossier, out_dir / "consilience.duckdb")
    return dossier
