"""Phase 1 throughput against bare spaCy, in one process, on the same texts with the same model.

Corpus (built at run time, nothing copied into the repo): the article-extraction benchmark's
pages extracted to text with trafilatura, the ../shared corpora and the project's examples/,
repeated until there are at least --docs documents.

Prints documents/s and words/s for bare ``nlp.pipe`` (default pipeline of the same model) and
for ``analyze_documents`` (phase 1: parsing plus every extractor), each the median of
--repeats alternating runs, their ratio, and how the extractors' own time splits.

    .venv/bin/python benchmarks/throughput.py              # >= 500 documents
    .venv/bin/python benchmarks/throughput.py --limit 60   # quick run
    .venv/bin/python benchmarks/throughput.py --limit 60 --profile   # pyinstrument over phase 1
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
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
    parser.add_argument("--split-docs", type=int, default=100, help="documents for the per-extractor split")
    parser.add_argument("--profile", action="store_true", help="profile one phase 1 run with pyinstrument")
    args = parser.parse_args(argv)

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

    bare_nlp = spacy.load(model_name(settings.model))  # the same model with its default pipeline
    print(f"model: {model_name(settings.model)}; phase 1 pipes {nlp_phase1.pipe_names}; bare pipes {bare_nlp.pipe_names}")
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

    bare, phase1 = [], []
    for _ in range(args.repeats):
        bare.append(run_bare(bare_nlp, raw, args.batch_size))
        phase1.append(run_phase1(documents, settings))
    n = len(documents)
    # The machine is shared: wall time moves with other people's load, CPU time of this process does not.
    for label, index in (("CPU", 1), ("wall", 0)):
        b = statistics.median(t[index] for t in bare)
        p = statistics.median(t[index] for t in phase1)
        ratios = [pt[index] / bt[index] for pt, bt in zip(phase1, bare)]
        print(f"[{label} time] bare nlp.pipe : {n / b:8.1f} docs/s {words / b:10.0f} words/s  "
              f"(median of {args.repeats}: {b:.2f}s)")
        print(f"[{label} time] phase 1       : {n / p:8.1f} docs/s {words / p:10.0f} words/s  "
              f"(median of {args.repeats}: {p:.2f}s)")
        print(f"[{label} time] ratio phase1/bare: median {statistics.median(ratios):.3f} "
              f"(per run: {', '.join(f'{r:.3f}' for r in ratios)}); goal <= 1.3")
    b = statistics.median(t[0] for t in bare)
    sample = documents[:args.split_docs]
    split = extractor_split(nlp_phase1, sample, settings)
    total = sum(split.values())
    share = total / (b * len(sample) / n)
    print(f"extractors alone on the first {len(sample)} documents (parsing excluded): {total:.2f}s, "
          f"~{share:.1%} of bare parsing time for those documents")
    for name, seconds in split.items():
        print(f"  {name:20s} {seconds:7.3f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
