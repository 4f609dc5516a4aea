"""Phase-1 throughput with workers: local pool and Ray, 1 and 2 workers, against bare spaCy `nlp.pipe`.

All measured in one run on the same synthetic texts (built from examples/corpus, see growth.py):

- bare `nlp.pipe`: the spaCy pipeline alone, one process (the floor any engine builds on);
- in-process `analyze_documents`: spaCy plus every extractor, one process, no engine;
- each engine/worker count through `engine.run_into_store` (the pipeline's phase 1: batches,
  workers, serialised records committed to a DuckDB store).

For engines, "wall" includes starting workers and loading the model in each (and starting a
local Ray runtime); "steady" is the rate between the first and the last committed batch, the
figure that matters for a long run. Ratios are to bare `nlp.pipe` documents/s.

    python benchmarks/scaling.py                       # 160 documents, batch 8
    python benchmarks/scaling.py --docs 60 --engines local
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from growth import synthetic_texts  # noqa: E402

from consilience.analyze import analyze_documents  # noqa: E402
from consilience.analyze.nlp import load_model  # noqa: E402
from consilience.engine import run_into_store  # noqa: E402
from consilience.model import Document  # noqa: E402
from consilience.settings import Settings  # noqa: E402


class Timeline:
    """A progress sink that records when each batch was committed."""

    def __init__(self):
        self.events: list[tuple[float, int]] = []

    def advance(self, n: int = 1) -> None:
        self.events.append((time.perf_counter(), n))


def steady_rate(timeline: Timeline) -> float | None:
    """Documents per second between the first and last committed batch (startup excluded)."""
    if len(timeline.events) < 2:
        return None
    (t0, _), (t1, _) = timeline.events[0], timeline.events[-1]
    after_first = sum(n for _, n in timeline.events[1:])
    return after_first / (t1 - t0) if t1 > t0 else None


def bare_pipe(texts: list[str], batch_size: int) -> float:
    nlp = load_model(None)
    list(nlp.pipe(texts[:4]))  # warm-up
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return len(texts) / (time.perf_counter() - started)


def in_process(documents: list[Document], settings: Settings) -> float:
    started = time.perf_counter()
    for _ in analyze_documents(documents, settings):
        pass
    return len(documents) / (time.perf_counter() - started)


def engine_run(documents: list[Document], settings: Settings) -> tuple[float, float | None]:
    with tempfile.TemporaryDirectory(prefix="consilience-scaling-") as tmp:
        timeline = Timeline()
        started = time.perf_counter()
        stats = run_into_store(documents, settings, Path(tmp) / "s.duckdb", Path(tmp) / "work", progress=timeline)
        wall = time.perf_counter() - started
        assert stats.analysed == len(documents), stats
    return len(documents) / wall, steady_rate(timeline)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=160)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--engines", default="local,ray")
    parser.add_argument("--repeats", type=int, default=1, help="bare/in-process references are repeated; median")
    args = parser.parse_args()

    texts = synthetic_texts(args.docs)
    documents = [Document(id=f"s{i:06d}", path=f"synthetic/{i}.txt", text=t, published="2025-03-14", language="en")
                 for i, t in enumerate(texts)]
    words = statistics.median(len(t.split()) for t in texts)
    print(f"scaling: {args.docs} synthetic documents (median {words:.0f} words), batch {args.batch_size}", flush=True)

    base = Settings(batch_size=args.batch_size, progress=False)
    pipe = statistics.median(bare_pipe(texts, args.batch_size) for _ in range(args.repeats))
    alone = statistics.median(in_process(documents, base.replace(workers=1)) for _ in range(args.repeats))
    rows = [("bare nlp.pipe", 1, pipe, pipe), ("analyze_documents", 1, alone, alone)]
    print(f"  bare nlp.pipe {pipe:.2f} docs/s; in-process analysis {alone:.2f} docs/s", flush=True)
    for engine in args.engines.split(","):
        for workers in (int(w) for w in args.workers.split(",")):
            wall, steady = engine_run(documents, base.replace(engine=engine, workers=workers))
            rows.append((engine, workers, wall, steady))
            print(f"  {engine} x{workers}: wall {wall:.2f} docs/s, steady {steady or float('nan'):.2f} docs/s",
                  flush=True)

    print(f"\n{'what':<20} {'workers':>7} {'docs/s wall':>12} {'docs/s steady':>14} {'steady / nlp.pipe':>18} "
          f"{'steady vs 1 worker':>19}")
    one_worker = {name: steady for name, w, _, steady in rows if w == 1}
    for name, workers, wall, steady in rows:
        ratio = steady / pipe if steady else float("nan")
        speedup = steady / one_worker[name] if steady and one_worker.get(name) else float("nan")
        print(f"{name:<20} {workers:>7} {wall:>12.2f} {steady or float('nan'):>14.2f} {ratio:>18.2f} "
              f"{speedup:>18.2f}x")


if __name__ == "__main__":
    main()
