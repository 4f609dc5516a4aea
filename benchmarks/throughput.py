"""Phase 1 throughput against bare spaCy, on one worker and on several, same texts, same model.

Corpus (built at run time, nothing copied into the repo): the article-extraction benchmark's
pages extracted to text with trafilatura, the ../shared corpora and the project's examples/,
repeated until there are at least --docs documents.

One worker, in this process (model loaded before timing on both sides): bare ``nlp.pipe``
(default pipeline of the same model) against ``analyze_documents`` (phase 1: parsing plus every
extractor). CPU is this process's time.

N workers (``--workers 1,2``): bare ``nlp.pipe`` in N spawned processes, each loading the model
once and parsing a contiguous 1/N of the texts with the same batch size, against phase 1 through
the real local engine (``engine.local.stream``: a spawned pool of N workers, each loading the
model once, documents sent in batches, results encoded as rows) with every batch committed to a
DuckDB store (``store.Phase1Store.commit``) as the pipeline does. Both sides count process start,
imports and model load; CPU is user + system of this process and of its exited children
(``getrusage``). The store commit's CPU (in this process) is printed on its own, and the ratio is
given with and without it.

Every figure is the median of --repeats alternating runs; ratios are per run, then the median.

    .venv/bin/python benchmarks/throughput.py              # >= 500 documents, 1 and 2 workers
    .venv/bin/python benchmarks/throughput.py --limit 60 --workers 1   # quick run, one worker
    .venv/bin/python benchmarks/throughput.py --limit 60 --profile   # pyinstrument over phase 1
"""
from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"


def corpus_texts() -> list[tuple[str, str]]:
    """(name, text) of every source text, read and extracted at run time."""
    import trafilatura

    out = []
    pages = SHARED / "bench" / "article-extraction" / "html"
    for path in sorted(pages.glob("*.html.gz")) if pages.is_dir() else []:
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        text = trafilatura.extract(html) or ""
        if text.strip():
            out.append((path.name, text))
    for path in sorted((SHARED / "corpora").glob("*/*.txt")) if (SHARED / "corpora").is_dir() else []:
        out.append((path.name, path.read_text(encoding="utf-8", errors="replace")))
    examples = ROOT / "examples"
    for path in sorted(examples.rglob("*")) if examples.is_dir() else []:
        text = _example_text(path, trafilatura)
        if text and text.strip():
            out.append((path.name, text))
    return out


def _example_text(path: Path, trafilatura) -> str | None:
    name = path.name.lower()
    if not path.is_file() or name.endswith(".md"):
        return None
    raw = path.read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
        name = name[:-3]
    content = raw.decode("utf-8", errors="replace")
    if name.endswith((".html", ".htm")):
        return trafilatura.extract(content)
    if name.endswith(".jsonl"):
        texts = []
        for line in content.splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            texts.append(record.get("text") or trafilatura.extract(record.get("html") or "") or "")
        return "\n\n".join(t for t in texts if t)
    if name.endswith(".txt"):
        return content
    return None


def build_documents(texts: list[tuple[str, str]], count: int):
    from consilience.model import Document

    docs = []
    while len(docs) < count and texts:
        for name, text in texts:
            if len(docs) >= count:
                break
            docs.append(Document(id=f"b{len(docs)}", path=name, text=text))
    return docs


def run_bare(nlp, texts, batch_size) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) for bare nlp.pipe over the texts."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - wall, time.process_time() - cpu


def run_phase1(documents, settings) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) for phase 1 over the documents."""
    from consilience.analyze import analyze_documents

    wall, cpu = time.perf_counter(), time.process_time()
    for _ in analyze_documents(documents, settings):
        pass
    return time.perf_counter() - wall, time.process_time() - cpu


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and of its children that have exited (pool workers)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def _bare_worker(model: str, texts: list[str], batch_size: int) -> float:
    """In a spawned process: load the model, parse ``texts``; returns the CPU seconds the load took."""
    import spacy

    cpu = time.process_time()
    nlp = spacy.load(model)
    load = time.process_time() - cpu
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return load


def run_bare_pool(model: str, texts: list[str], workers: int, batch_size: int) -> dict:
    """Bare nlp.pipe in ``workers`` spawned processes, each on a contiguous share of the texts."""
    share = -(-len(texts) // workers)
    wall, cpu = time.perf_counter(), cpu_seconds()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        loads = list(pool.map(_bare_worker, [model] * workers,
                              [texts[i:i + share] for i in range(0, len(texts), share)], [batch_size] * workers))
    return {"wall": time.perf_counter() - wall, "cpu": cpu_seconds() - cpu, "load": sum(loads)}


def run_engine(documents, settings) -> dict:
    """Phase 1 through the local engine's pool, every batch of rows committed to a fresh DuckDB store."""
    from consilience.engine.local import stream
    from consilience.engine.phase1 import document_keys
    from consilience.store import Phase1Store

    keys = document_keys(documents, settings)
    store_cpu = parent_cpu = 0.0
    with tempfile.TemporaryDirectory(prefix="consilience-throughput-") as tmp:
        wall, cpu, own = time.perf_counter(), cpu_seconds(), time.process_time()
        with Phase1Store(Path(tmp) / "phase1.duckdb") as store:
            for rows in stream(documents, keys, settings):
                t = time.process_time()
                store.commit(rows, "throughput")
                store_cpu += time.process_time() - t
        wall, cpu, parent_cpu = time.perf_counter() - wall, cpu_seconds() - cpu, time.process_time() - own
    return {"wall": wall, "cpu": cpu, "store": store_cpu, "parent": parent_cpu}


def extractor_split(nlp, documents, settings) -> dict[str, float]:
    """Seconds each extractor takes over the parsed documents (parsing excluded)."""
    from consilience.analyze import aliases, claims, descriptors, quantities, quotes, times
    from consilience.analyze.document import _mentions, _sentences
    from consilience.analyze.nlp import parse_texts
    from consilience.model import DocAnalysis

    parsed = list(parse_texts(nlp, (d.text for d in documents), settings.max_chunk_chars, settings.batch_size))
    split = dict.fromkeys(["sentences+mentions", "times", "quantities", "quotes", "descriptors", "aliases", "claims"],
                          0.0)
    for doc, document in zip(parsed, documents):
        analysis = DocAnalysis(document=document.id)
        t = time.perf_counter()
        analysis.sentences, analysis.mentions = _sentences(doc, document), _mentions(doc, document)
        split["sentences+mentions"] += time.perf_counter() - t
        steps = [
            ("times", lambda: times.find_times(document.text, document.published, document=document.id, doc=doc)),
            ("quantities", lambda: quantities.find_quantities(doc, document)),
            ("quotes", lambda: quotes.find_quotes(doc, document, analysis.mentions)),
            ("descriptors", lambda: descriptors.find_descriptors(doc, document, analysis.mentions)),
            ("aliases", lambda: aliases.find_alias_evidence(doc, document, analysis.mentions)),
            ("claims", lambda: claims.extract_claims(doc, document, analysis)),
        ]
        for name, step in steps:
            t = time.perf_counter()
            try:
                step()
            except Exception:  # noqa: BLE001 - a failing extractor is timed, not fatal
                pass
            split[name] += time.perf_counter() - t
    return split


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=500, help="documents to analyse (default 500)")
    parser.add_argument("--limit", type=int, help="quick run: this many documents instead of --docs")
    parser.add_argument("--repeats", type=int, default=3, help="alternating runs of each side (median reported)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--workers", default="1,2", help="worker counts to compare, e.g. 1 or 1,2 (default 1,2)")
    parser.add_argument("--split-docs", type=int, default=100, help="documents for the per-extractor split")
    parser.add_argument("--profile", action="store_true", help="profile one phase 1 run with pyinstrument")
    args = parser.parse_args(argv)
    worker_counts = [int(w) for w in args.workers.split(",")]

    from consilience.analyze.nlp import load_model, model_name
    from consilience.settings import Settings

    settings = Settings(batch_size=args.batch_size, progress=False)
    t = time.perf_counter()
    texts = corpus_texts()
    if not texts:
        print("no texts found (../shared and examples/ are both absent)", file=sys.stderr)
        return 2
    documents = build_documents(texts, args.limit or args.docs)
    words = sum(len(d.text.split()) for d in documents)
    print(f"corpus: {len(texts)} distinct texts -> {len(documents)} documents, {words} words "
          f"(built in {time.perf_counter() - t:.1f}s)")

    nlp_phase1 = load_model(settings.model)
    import spacy

    model = model_name(settings.model)
    bare_nlp = spacy.load(model)  # the same model with its default pipeline
    print(f"model: {model}; phase 1 pipes {nlp_phase1.pipe_names}; bare pipes {bare_nlp.pipe_names}")
    raw = [d.text for d in documents]

    # warm-up (first-call costs on both sides)
    run_bare(bare_nlp, raw[:8], args.batch_size)
    run_phase1(documents[:8], settings)

    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
        run_phase1(documents, settings)
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))

    runs: dict[int, list[tuple[dict, dict]]] = {w: [] for w in worker_counts}
    for repeat in range(args.repeats):
        for workers in worker_counts:
            if workers == 1:
                (bw, bc), (pw, pc) = run_bare(bare_nlp, raw, args.batch_size), run_phase1(documents, settings)
                runs[1].append(({"wall": bw, "cpu": bc}, {"wall": pw, "cpu": pc}))
            else:
                bare = run_bare_pool(model, raw, workers, args.batch_size)
                phase1 = run_engine(documents, settings.replace(workers=workers, engine="local"))
                runs[workers].append((bare, phase1))
            bare, phase1 = runs[workers][-1]
            print(f"  run {repeat + 1}, {workers} worker(s): bare {bare['wall']:.1f}s wall {bare['cpu']:.1f}s CPU; "
                  f"phase 1 {phase1['wall']:.1f}s wall {phase1['cpu']:.1f}s CPU", flush=True)

    n = len(documents)
    for workers in worker_counts:
        report(workers, runs[workers], n, words, args.repeats)
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(wall time moves with other people's load; CPU time much less)")

    sample = documents[:args.split_docs]
    b1 = statistics.median(bare["cpu"] for bare, _ in runs[1]) if runs.get(1) else None
    split = extractor_split(nlp_phase1, sample, settings)
    total = sum(split.values())
    share = f", ~{total / (b1 * len(sample) / n):.1%} of bare parsing CPU for those documents" if b1 else ""
    print(f"extractors alone on the first {len(sample)} documents (parsing excluded): {total:.2f}s{share}")
    for name, seconds in split.items():
        print(f"  {name:20s} {seconds:7.3f}s")
    return 0


def report(workers: int, runs: list[tuple[dict, dict]], n: int, words: int, repeats: int) -> None:
    """Print medians and per-run ratios phase1/bare for one worker count."""
    where = ("in this process, model loaded before timing" if workers == 1 else
             f"{workers} spawned processes each; process start and model load included on both sides")
    print(f"\n{workers} worker(s) ({where}), {n} documents, median of {repeats}:")
    for label in ("cpu", "wall"):
        b = statistics.median(bare[label] for bare, _ in runs)
        p = statistics.median(phase1[label] for _, phase1 in runs)
        ratios = [phase1[label] / bare[label] for bare, phase1 in runs]
        name = "CPU" if label == "cpu" else "wall"
        print(f"  [{name} time] bare nlp.pipe : {n / b:8.1f} docs/s {words / b:10.0f} words/s ({b:.2f}s)")
        print(f"  [{name} time] phase 1       : {n / p:8.1f} docs/s {words / p:10.0f} words/s ({p:.2f}s)")
        print(f"  [{name} time] ratio phase1/bare: median {statistics.median(ratios):.3f} "
              f"(per run: {', '.join(f'{r:.3f}' for r in ratios)}); goal <= 1.3")
    if workers > 1:
        ratios = [(phase1["cpu"] - phase1["store"]) / bare["cpu"] for bare, phase1 in runs]
        store = statistics.median(phase1["store"] for _, phase1 in runs)
        parent = statistics.median(phase1["parent"] for _, phase1 in runs)
        load = statistics.median(bare["load"] for bare, _ in runs)
        print(f"  phase 1 CPU spent in this process (sending batches, receiving rows, committing): {parent:.2f}s, "
              f"of which DuckDB commits {store:.2f}s")
        print(f"  [CPU time] ratio phase1/bare without the store commits: median {statistics.median(ratios):.3f} "
              f"(per run: {', '.join(f'{r:.3f}' for r in ratios)})")
        print(f"  model load in the bare processes: {load:.2f}s CPU in all (paid once per process on both sides)")


if __name__ == "__main__":
    sys.exit(main())
