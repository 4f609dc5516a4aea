"""The whole job, stage by stage: ingest -> phase 1 (engine, into the store) -> resolve -> reconcile -> outputs.

Phase 1 commits its results to the store in the output directory as they arrive, so a run that
is killed and started again resumes where it stopped, and a corpus that grows is analysed only
for its new documents. Phase 2 reads the per-document results back from the store.
"""
from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from . import engine, ingest, resolve
from .memory import paused_gc
from .model import Corpus, Document, Skipped
from .progress import Reporter
from .reconcile import reconcile
from .report.dossier import HtmlLimits, dossier_sections, html_dossier, write_dossier_json
from .report.html import write_html
from .settings import Settings
from .store import Analyses, write_store

STORE_NAME = "consilience.duckdb"
WORK_DIR = "work"  # per-run scratch inside the output directory (progress file, Ray shards)


def analyze_corpus(paths: list[str], settings: Settings, reporter: Reporter | None = None,
                   out_dir: Path | None = None, resume: bool = True) -> Corpus:
    """Run both phases over the inputs under ``paths``; returns the Corpus.

    With ``out_dir``, phase-1 results are committed to ``out_dir/consilience.duckdb`` as they are
    made and reused by later runs (``resume=False`` starts afresh); without it they live in a
    temporary store for the duration of the call.
    """
    reporter = reporter or Reporter(enabled=False)
    with reporter.stage("reading and cleaning") as task:
        documents, skipped = ingest.ingest(paths, settings, progress=task)
    return analyze_ingested(documents, skipped, settings, reporter, out_dir=out_dir, inputs=paths, resume=resume)


def analyze_ingested(documents: list[Document], skipped: list[Skipped], settings: Settings,
                     reporter: Reporter | None = None, out_dir: Path | None = None,
                     inputs: list[str] | None = None, resume: bool = True) -> Corpus:
    """Both phases over documents already ingested (the part of ``analyze_corpus`` after reading)."""
    reporter = reporter or Reporter(enabled=False)
    corpus = Corpus(inputs=[str(p) for p in (inputs or [])], documents=documents, skipped=skipped)
    # Without an output directory the store is a temporary one, removed with the Corpus's reader.
    temporary = None if out_dir else tempfile.TemporaryDirectory(prefix="consilience-")
    base = Path(out_dir) if out_dir else Path(temporary.name)
    store_path = base / STORE_NAME
    with reporter.stage("analysing", total=len(documents)) as task:
        stats = engine.run_into_store(documents, settings, store_path, base / WORK_DIR, progress=task, resume=resume)
    reporter.note(_phase1_note(stats, settings))
    with reporter.stage("loading analyses"):
        corpus.analyses = engine.load_analyses(documents, settings, store_path, temporary)
    if note := _not_analysed_note(corpus.analyses):
        reporter.note(note)
    with reporter.stage("resolving entities"):
        corpus.analyses.add_mentions(resolve.propagate_names(documents, corpus.analyses))
        corpus.entities = resolve.resolve_entities(documents, corpus.analyses)
    embedder = semantic_embedder(settings, reporter)
    with reporter.stage("reconciling"), paused_gc():  # many small acyclic records, as in resolution
        corpus.claims, corpus.facts, corpus.conflicts, corpus.sources = reconcile(documents, corpus.analyses,
                                                                                  corpus.entities, embedder)
    corpus.timings = dict(reporter.timings)
    return corpus


def semantic_embedder(settings: Settings, reporter: Reporter):
    """The sentence embedder phase 2 groups with when ``settings.semantic`` asks for it; ``None`` when it does
    not, or when the optional extra is missing (then a note says so and the run goes on with the rules)."""
    if not settings.semantic:
        return None
    from .reconcile import semantic

    try:
        with reporter.stage("loading sentence embeddings"):
            return semantic.load()
    except semantic.SemanticUnavailable as e:
        reporter.note(str(e))
        return None


def write_outputs(corpus: Corpus, out_dir: Path, html_limits: HtmlLimits = HtmlLimits()) -> None:
    """dossier.json, dossier.html and consilience.duckdb in ``out_dir``.

    dossier.json and the store are streamed from the records, section by section, so writing does
    not hold a second copy of the corpus; dossier.html shows at most ``html_limits`` of it. The
    dossier tables of the store are replaced; the phase-1 results in it are kept for the next run.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    sections = dossier_sections(corpus)
    with paused_gc():  # every record becomes a dict: acyclic, by the million at 10^5 documents
        write_dossier_json(sections, out_dir / "dossier.json")
        write_store(sections, out_dir / STORE_NAME)
        write_html(html_dossier(corpus, html_limits), out_dir / "dossier.html")


def _phase1_note(stats: engine.Phase1Stats, settings: Settings) -> str:
    parts = [f"phase 1 ({settings.engine}, {settings.workers} workers): {stats.documents} documents",
             f"{stats.analysed} analysed", f"{stats.reused} reused from the store"]
    if stats.recovered:
        parts.append(f"{stats.recovered} recovered from an interrupted run")
    if stats.failed:
        parts.append(f"{stats.failed} failed (kept as skipped; retried next run)")
    return ", ".join(parts)


def _not_analysed_note(analyses: Analyses) -> str | None:
    """How many documents phase 1 did not analyse, by reason (e.g. a language the model does not handle)."""
    reasons = Counter(analyses.skipped.values())
    if not reasons:
        return None
    listed = "; ".join(f"{n} x {reason}" for reason, n in reasons.most_common())
    return f"not analysed: {sum(reasons.values())} documents ({listed})"
