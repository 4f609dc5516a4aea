"""Command-line surface: thin; parse, call, print."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from .settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn a pile of articles about one story into an evidence-grounded dossier.")

EXIT_USAGE = 2


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def _check_paths(paths: list[Path]) -> list[str]:
    missing = [str(p) for p in paths if not p.exists()]
    if missing and len(missing) == len(paths):
        _fail("no such file or directory: " + ", ".join(missing))
    return [str(p) for p in paths]


@app.command()
def analyze(
    paths: list[Path] = typer.Argument(..., help="Files or directories (walked recursively)."),
    out: Path = typer.Option(..., "--out", "-o", help="Directory for dossier.json, dossier.html, consilience.duckdb."),
    engine: str = typer.Option("local", help="Where phase 1 runs: local (process pool) or ray."),
    workers: Optional[int] = typer.Option(None, min=1, help="Worker processes (default: number of cores)."),
    ray_address: Optional[str] = typer.Option(None, help="Join an existing Ray cluster (with --engine ray)."),
    model: Optional[str] = typer.Option(None, help="spaCy model name or path (default: en_core_web_sm if installed)."),
    max_file_mb: float = typer.Option(20.0, help="Skip input files larger than this many MB."),
    progress: bool = typer.Option(True, help="Show progress bars on stderr."),
    resume: bool = typer.Option(True, help="Reuse phase-1 results already in the output's store "
                                "(an interrupted or earlier run); --no-resume analyses everything again."),
    batch_size: Optional[int] = typer.Option(None, min=1, help="Documents per batch sent to a worker."),
    semantic: bool = typer.Option(False, "--semantic/--no-semantic",
                                  help="Let sentence-embedding similarity join claims the rules leave apart where "
                                  "every slot agrees (needs the optional 'semantic' extra; without it a note says so "
                                  "and the rules alone group)."),
    html_max_documents: int = typer.Option(300, min=1, help="At most this many documents in dossier.html "
                                           "(a larger corpus gets a page showing its most important part; "
                                           "dossier.json, the store and serve keep everything)."),
) -> None:
    """The whole job: read, clean, analyse, resolve, reconcile; write the dossier."""
    from .pipeline import analyze_corpus, write_outputs
    from .progress import Reporter, console
    from .report.dossier import HtmlLimits

    if engine not in ("local", "ray"):
        _fail(f"--engine must be local or ray, not {engine!r}")
    inputs = _check_paths(paths)
    settings = Settings(engine=engine, ray_address=ray_address, model=model,
                        max_file_bytes=int(max_file_mb * 1024 * 1024), progress=progress,
                        semantic=semantic, **({"workers": workers} if workers else {}),
                        **({"batch_size": batch_size} if batch_size else {}))
    with Reporter(enabled=progress) as reporter:
        corpus = analyze_corpus(inputs, settings, reporter, out_dir=out, resume=resume)
        if not corpus.documents:
            for s in corpus.skipped:
                typer.echo(f"skipped {s.path}: {s.reason}", err=True)
            _fail("no readable document among the inputs")
        with reporter.stage("writing"):
            write_outputs(corpus, out, HtmlLimits(documents=html_max_documents))
    _summary(corpus, out, console)
    for line in reporter.notes:
        console.print(f"  {line}", markup=False, soft_wrap=True)


def _summary(corpus, out: Path, console) -> None:
    analysed = len(corpus.analyses) - len(corpus.analyses.skipped)
    console.print(f"[bold]{len(corpus.documents)}[/] documents ({analysed} analysed), "
                  f"{len(corpus.skipped)} inputs skipped, {len(corpus.entities)} entities, "
                  f"{len(corpus.facts)} facts, {len(corpus.conflicts)} conflicts")
    for s in corpus.skipped:
        console.print(f"  skipped {s.path}: {s.reason}", markup=False)
    for name, seconds in corpus.timings.items():
        console.print(f"  {name:<22} {seconds:7.2f} s", markup=False)
    typer.echo(f"dossier: {out / 'dossier.html'}")
    typer.echo(f"json:    {out / 'dossier.json'}")
    typer.echo(f"store:   {out / 'consilience.duckdb'}")


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Files or directories (walked recursively)."),
    jsonl: bool = typer.Option(True, "--jsonl", help="One JSON line per document on stdout."),
    max_file_mb: float = typer.Option(20.0, help="Skip input files larger than this many MB."),
) -> None:
    """Phase 1 up to cleaning: one JSON line per document (path, title, outlet, published, text ...)."""
    from .ingest import ingest

    inputs = _check_paths(paths)
    documents, skipped = ingest(inputs, Settings(max_file_bytes=int(max_file_mb * 1024 * 1024)))
    for doc in documents:
        row = {"id": doc.id, "path": doc.path, "url": doc.url, "title": doc.title, "outlet": doc.outlet,
               "published": doc.published, "published_basis": doc.published_basis, "language": doc.language,
               "duplicate_of": doc.duplicate_of, "text": doc.text,
               "removed": [{"text": r.text, "reason": r.reason} for r in doc.removed],
               "outlet_basis": doc.outlet_basis, "byline": doc.byline, "notes": doc.notes}
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    for s in skipped:
        typer.echo(f"skipped {s.path}: {s.reason}", err=True)
    if not documents:
        raise typer.Exit(EXIT_USAGE)


@app.command()
def timex(
    dct: Optional[str] = typer.Option(None, "--dct", help="Document creation date, YYYY-MM-DD."),
    parse: bool = typer.Option(True, "--parse/--no-parse",
                               help="Parse the text with spaCy, as analyze does (the tense of the verb governing an "
                                    "expression picks last or next Friday); --no-parse reads tense from words only."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name or path (default: as analyze)."),
) -> None:
    """Temporal expressions of the text on stdin, one JSON line each, normalised against --dct."""
    from .analyze.times import find_times

    text = sys.stdin.read()
    doc = None
    if parse and text.strip():
        from .analyze.nlp import load_model, parse_texts
        from .analyze.spans import share_text

        settings = Settings(model=model)
        doc = next(iter(parse_texts(load_model(settings.model), [text], settings.max_chunk_chars)))
        share_text(doc, text)
    for t in find_times(text, dct, doc=doc):
        sys.stdout.write(json.dumps({"start": t.start, "end": t.end, "text": t.text, "type": t.type,
                                     "value": t.value}, ensure_ascii=False) + "\n")


@app.command()
def serve(
    directory: Path = typer.Argument(..., help="An analysed output directory (with consilience.duckdb)."),
    host: str = typer.Option("127.0.0.1", help="Address to bind (loopback by default)."),
    port: int = typer.Option(8000, help="Port."),
) -> None:
    """Read-only web UI and JSON API over an analysed directory."""
    store = directory / "consilience.duckdb"
    if not store.exists():
        _fail(f"{store} not found: run `consilience analyze ... --out {directory}` first")
    from .web.app import run

    run(store, host=host, port=port)


@app.command()
def export(
    directory: Path = typer.Argument(..., help="An analysed output directory (consilience.duckdb or dossier.json)."),
    format: str = typer.Option(..., "--format", "-f", help="csv (a directory of tables), graphml, jsonl or ftm."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Where to write (default: inside DIRECTORY)."),
) -> None:
    """Export the dossier: csv tables, the entity graph (GraphML), JSON lines, or FollowTheMoney entities."""
    from .report.export import FORMATS, default_output, export as run_export, load_dossier

    if format not in FORMATS:
        _fail(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
    if not (directory / "consilience.duckdb").exists() and not (directory / "dossier.json").exists():
        _fail(f"{directory} holds no consilience.duckdb or dossier.json: run `consilience analyze` first")
    target = out or default_output(directory, format)
    try:
        run_export(load_dossier(directory), format, target)
    except RuntimeError as exc:  # e.g. the ftm extra is not installed
        _fail(str(exc))
    typer.echo(f"{format}: {target}")


def main() -> None:  # console-script entry point
    app()


if __name__ == "__main__":
    main()
