"""Phase-1 throughput with workers: local pool and Ray, 1 and 2 workers, against bare spaCy `nlp.pipe`.

All measured in one run on the same synthetic texts (built from examples/corpus, see growth.py):

- bare `nlp.pipe`: the spaCy pipeline alone, one process (the floor any engine builds on);
- in-process `analyze_documents`: spaCy plus every extractor, one process, no engine;
- each engine/worker count through `engine.run_into_store` (the pipeline's phase 1: batches,
  workers, serialised records committed to a DuckDB store).

For engines, "wall" includes starting workers and loading the model in each (and starting a
local Ray runtime); "marginal" is the rate once those fixed costs are paid (from a run on half
the documents and one on all), the figure that matters for a long run. Ratios are to bare
`nlp.pipe` documents/s. CPU ms/doc (user + system, workers included) is the cost that does not
depend on how busy the machine is; it is measured where the workers are our child processes.

    python benchmarks/scaling.py                       # 160 documents, batch 8
    python benchmarks/scaling.py --docs 60 --engines local
"""
from __future__ import annotations

import argparse
import os
import resource
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


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its children that have exited (pool workers)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def bare_pipe(texts: list[str], batch_size: int) -> tuple[float, float]:
    """(documents/s, CPU ms per document) of spaCy alone."""
    nlp = load_model(None)
    list(nlp.pipe(texts[:4]))  # warm-up
    started, cpu = time.perf_counter(), cpu_seconds()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return len(texts) / (time.perf_counter() - started), 1000 * (cpu_seconds() - cpu) / len(texts)


def in_process(documents: list[Document], settings: Settings) -> tuple[float, float]:
    """(documents/s, CPU ms per document) of spaCy plus every extractor, no engine."""
    started, cpu = time.perf_counter(), cpu_seconds()
    for _ in analyze_documents(documents, settings):
        pass
    return len(documents) / (time.perf_counter() - started), 1000 * (cpu_seconds() - cpu) / len(documents)


def timed_run(documents: list[Document], settings: Settings) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process and its exited children) of one fresh phase-1 run."""
    with tempfile.TemporaryDirectory(prefix="consilience-scaling-") as tmp:
        started, cpu = time.perf_counter(), cpu_seconds()
        stats = run_into_store(documents, settings, Path(tmp) / "s.duckdb", Path(tmp) / "work")
        wall, used = time.perf_counter() - started, cpu_seconds() - cpu
        assert stats.analysed == len(documents), stats
    return wall, used


def engine_run(documents: list[Document], settings: Settings) -> tuple[float, float | None, float | None]:
    """(documents/s wall, marginal documents/s, CPU ms per document or None when workers are not our children).

    The marginal rate comes from two runs, on half the documents and on all of them:
    (n_all - n_half) / (t_all - t_half) removes every fixed cost (starting workers or Ray, loading the
    model), and unlike timing between committed batches it is not fooled by Ray buffering results.
    """
    half = documents[: len(documents) // 2]
    t_half, _ = timed_run(half, settings)
    t_all, cpu = timed_run(documents, settings)
    marginal = (len(documents) - len(half)) / (t_all - t_half) if t_all > t_half else None
    cpu_ms = 1000 * cpu / len(documents) if settings.engine == "local" else None
    return len(documents) / t_all, marginal, cpu_ms


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
    pipes = [bare_pipe(texts, args.batch_size) for _ in range(args.repeats)]
    alones = [in_process(documents, base.replace(workers=1)) for _ in range(args.repeats)]
    pipe, pipe_cpu = statistics.median(p[0] for p in pipes), statistics.median(p[1] for p in pipes)
    alone, alone_cpu = statistics.median(a[0] for a in alones), statistics.median(a[1] for a in alones)
    rows = [("bare nlp.pipe", 1, pipe, pipe, pipe_cpu), ("analyze_documents", 1, alone, alone, alone_cpu)]
    print(f"  bare nlp.pipe {pipe:.2f} docs/s; in-process analysis {alone:.2f} docs/s", flush=True)
    for engine in args.engines.split(","):
        for workers in (int(w) for w in args.workers.split(",")):
            wall, marginal, cpu_ms = engine_run(documents, base.replace(engine=engine, workers=workers))
            rows.append((engine, workers, wall, marginal, cpu_ms))
            print(f"  {engine} x{workers}: wall {wall:.2f} docs/s, marginal {marginal or float('nan'):.2f} docs/s",
                  flush=True)

    nan = float("nan")
    print(f"\n{'what':<20} {'workers':>7} {'docs/s wall':>12} {'docs/s marginal':>14} {'marginal / nlp.pipe':>18} "
          f"{'marginal vs 1 worker':>19} {'CPU ms/doc':>11}")
    one_worker = {name: marginal for name, w, _, marginal, _ in rows if w == 1}
    for name, workers, wall, marginal, cpu_ms in rows:
        ratio = marginal / pipe if marginal else nan
        speedup = marginal / one_worker[name] if marginal and one_worker.get(name) else nan
        print(f"{name:<20} {workers:>7} {wall:>12.2f} {marginal or nan:>14.2f} {ratio:>18.2f} "
              f"{speedup:>18.2f}x {cpu_ms if cpu_ms is not None else nan:>11.0f}")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(docs/s are wall-clock on a shared machine; CPU ms/doc is the cost that does not depend on sharing)")


if __name__ == "__main__":
    main()
