"""How cost grows with the corpus: total time and peak memory of a whole `analyze` run at several sizes.

Synthetic documents are built from the project's own example corpus (examples/corpus: paragraphs
recombined, names and numbers varied per document; invented templates if it is absent). Each size
runs in a fresh child process (the whole pipeline: read, clean, phase 1 on the local engine,
phase 2, outputs) while this process samples the resident memory of the child and its workers.

    python benchmarks/growth.py                     # 1000, 10000, 100000 documents
    python benchmarks/growth.py --sizes 300,1000    # quick

Prints one row per size (seconds, documents/s, peak RSS of the whole process tree and of its
largest process) and the growth from the smallest size: time per document should stay about
constant (linear growth) and peak RSS must stay under 4 GB at 10^5. Sizes not run are
extrapolated from a straight-line fit and labelled as such.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"
RSS_LIMIT = 4 * 1024**3

# Fallback when examples/corpus is absent: our own invented paragraphs.
FALLBACK = [
    "Port Elsa — Marta Varga, a spokesperson for the Harbour Authority, said on March 3 that a flood had forced "
    "212 families from their homes. \"We are doing everything we can,\" Varga told reporters.",
    "The Ministry of Water confirmed on Tuesday that the dam near Caldera Bay had been inspected 14 times since "
    "2019. Ilyas Okonkwo, who leads the inquiry, said a first report would arrive within six weeks.",
    "According to the City Council, more than 3,400 homes were without power for 36 hours. Critics said the "
    "council had ignored warnings issued in 2021.",
]
NAME_STOP = {"The", "This", "That", "There", "They", "Their", "When", "What", "While", "With", "After", "Before",
             "January", "February", "March", "April", "June", "July", "August", "September", "October",
             "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
SYLLABLES = ["ka", "ren", "vo", "sel", "mar", "ti", "lun", "dra", "os", "bel", "qui", "an", "zor", "ne", "pa", "hel"]


# ------------------------------------------------------------------------------------------ corpus


def example_paragraphs() -> list[str]:
    """Paragraphs of the example corpus's English documents, cleaned by the project's own ingestion."""
    if EXAMPLES.is_dir():
        try:
            from consilience.ingest import ingest
            from consilience.settings import Settings

            documents, _ = ingest([str(EXAMPLES)], Settings(progress=False))
            texts = [d.text for d in documents if (d.language or "en") == "en"]
        except Exception:  # noqa: BLE001 - ingestion still being written: read the text files as they are
            texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(EXAMPLES.glob("*.txt"))]
        paragraphs = [p.strip() for t in texts for p in re.split(r"\n\s*\n", t) if len(p.strip()) > 80]
        if paragraphs:
            return paragraphs
    return FALLBACK


def synthetic_text(i: int, paragraphs: list[str]) -> str:
    """Document ``i``: 3-7 paragraphs recombined, capitalised names partly renamed, every number varied."""
    rng = random.Random(i)
    chosen = [rng.choice(paragraphs) for _ in range(rng.randint(3, 7))]
    text = "\n\n".join(chosen)
    names = sorted({w for w in re.findall(r"\b[A-Z][a-z]{4,}\b", text) if w not in NAME_STOP})
    renamed = {w: _pseudo_name(rng) for w in names if rng.random() < 0.5}
    if renamed:
        text = re.sub(r"\b(" + "|".join(map(re.escape, renamed)) + r")\b", lambda m: renamed[m.group(1)], text)
    return re.sub(r"\d+", lambda m: _vary_number(m.group(0), rng), text)


def _pseudo_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _vary_number(digits: str, rng: random.Random) -> str:
    if len(digits) == 4:
        return str(rng.randint(1990, 2030))  # years stay years
    if len(digits) <= 2:
        return str(rng.randint(1, 28))  # days and small counts stay plausible
    return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))


def synthetic_texts(n: int, start: int = 0) -> list[str]:
    paragraphs = example_paragraphs()
    return [synthetic_text(i, paragraphs) for i in range(start, start + n)]


def write_corpus(directory: Path, n: int) -> None:
    """``n`` synthetic documents as .txt files, 1000 per subdirectory."""
    paragraphs = example_paragraphs()
    for i in range(n):
        sub = directory / f"{i // 1000:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"doc-{i:07d}.txt").write_text(synthetic_text(i, paragraphs) + "\n", encoding="utf-8")


# ------------------------------------------------------------------------------------------ measuring


def stage_sampling_reporter():
    """A Reporter that also samples the RSS of this process and its workers, keeping the peak per stage."""
    import contextlib
    import threading

    import psutil

    from consilience.progress import Reporter

    class StageSampler(Reporter):
        def __init__(self):
            super().__init__(enabled=False)
            self.current, self.peaks = "start", {}
            threading.Thread(target=self._sample, daemon=True).start()

        @contextlib.contextmanager
        def stage(self, name, total=None):
            self.current = name
            with super().stage(name, total) as task:
                yield task

        def _sample(self):
            me = psutil.Process()
            while True:
                try:
                    rss = sum(p.memory_info().rss for p in [me, *me.children(recursive=True)])
                except psutil.Error:
                    rss = 0
                self.peaks[self.current] = max(self.peaks.get(self.current, 0), rss)
                time.sleep(0.2)

    return StageSampler()


def run_child(corpus: Path, out: Path, workers: int) -> dict:
    """The whole pipeline in this process (called in the child); returns stage timings and peak RSS per stage."""
    from consilience.pipeline import analyze_corpus, write_outputs
    from consilience.settings import Settings

    started = time.perf_counter()
    reporter = stage_sampling_reporter()
    corpus_result = analyze_corpus([str(corpus)], Settings(workers=workers, progress=False), reporter, out_dir=out)
    error = None
    with reporter.stage("writing"):
        try:
            write_outputs(corpus_result, out)
        except Exception as exc:  # noqa: BLE001 - a report stage still being written: say so, keep the figures
            error = f"writing outputs failed: {exc.__class__.__name__}: {exc}"
    return {"documents": len(corpus_result.documents), "seconds": time.perf_counter() - started,
            "stages": {k: round(v, 2) for k, v in reporter.timings.items()}, "notes": reporter.notes,
            "peaks": {k: round(v / 1024**2) for k, v in reporter.peaks.items()}, "error": error}


def measure(size: int, workers: int, scratch: Path) -> dict:
    """Write a corpus of ``size`` documents, analyse it in a child process, sample memory meanwhile."""
    import psutil

    corpus, out = scratch / f"corpus-{size}", scratch / f"out-{size}"
    write_corpus(corpus, size)
    command = [sys.executable, __file__, "--child", str(corpus), "--out", str(out), "--workers", str(workers)]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peak_tree = peak_single = 0
    root = psutil.Process(child.pid)
    while child.poll() is None:
        try:
            rss = [p.memory_info().rss for p in [root, *root.children(recursive=True)]]
        except psutil.Error:
            rss = []
        if rss:
            peak_tree, peak_single = max(peak_tree, sum(rss)), max(peak_single, max(rss))
        time.sleep(0.25)
    wall = time.perf_counter() - started
    output = child.stdout.read()
    if child.returncode != 0:
        raise RuntimeError(f"size {size}: child failed with {child.returncode}")
    result = json.loads(output.strip().splitlines()[-1])
    result.update(size=size, wall=wall, peak_tree=peak_tree, peak_single=peak_single)
    return result


def fit(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Least-squares line y = a + b x (exact for two points)."""
    if len(xs) == 1:
        return 0.0, ys[0] / xs[0]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return my - b * mx, b


def print_fit(sizes: list[int], seconds: list[float], peaks: list[float], wanted: list[int],
              ms_digits: int = 1) -> None:
    """The straight-line fit of time and peak RSS, and the sizes not run extrapolated from it (labelled so)."""
    gb = 1024**3
    a_t, b_t = fit(sizes, seconds)
    a_m, b_m = fit(sizes, peaks)
    print(f"linear fit: time = {a_t:.1f} s + {1000 * b_t:.{ms_digits}f} ms/doc; peak RSS = {a_m / gb:.2f} GB + "
          f"{b_m / 1024:.1f} KB/doc")
    for size in wanted:
        if size not in sizes:
            rss = a_m + b_m * size
            print(f"EXTRAPOLATED (not run) {size}: ~{a_t + b_t * size:,.0f} s, peak RSS ~{rss / gb:.2f} GB "
                  f"({'under' if rss < RSS_LIMIT else 'OVER'} the 4 GB budget)")


def report(results: list[dict], wanted: list[int]) -> None:
    gb = 1024**3
    print(f"{'documents':>10} {'seconds':>9} {'docs/s':>8} {'ms/doc':>8} {'vs smallest':>11} "
          f"{'peak RSS tree':>14} {'largest proc':>13}")
    base = results[0]["wall"] / results[0]["size"]
    for r in results:
        per_doc = r["wall"] / r["size"]
        print(f"{r['size']:>10} {r['wall']:>9.1f} {r['size'] / r['wall']:>8.1f} {1000 * per_doc:>8.1f} "
              f"{per_doc / base:>10.2f}x {r['peak_tree'] / gb:>12.2f} GB {r['peak_single'] / gb:>10.2f} GB")
    for r in results:
        print(f"  {r['size']}: seconds per stage {r['stages']}")
        print(f"  {r['size']}: peak RSS per stage, MB (process tree) {r['peaks']}")
        print(f"  {r['size']}: {'; '.join(r['notes'])}")
        if r["error"]:
            print(f"  {r['size']}: {r['error']}")
    print_fit([r["size"] for r in results], [r["wall"] for r in results], [r["peak_tree"] for r in results], wanted)
    for r in results:
        if r["peak_tree"] >= RSS_LIMIT:
            print(f"MEASURED OVER BUDGET at {r['size']}: {r['peak_tree'] / gb:.2f} GB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--extrapolate", default="1000,10000,100000",
                        help="sizes to extrapolate to when not measured")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--scratch", type=Path, default=None, help="where corpora and outputs go (default: tmp)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_child(args.child, args.out, args.workers)))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    wanted = sorted(set(sizes) | {int(s) for s in args.extrapolate.split(",")})
    print(f"growth: sizes {sizes}, local engine, {args.workers} workers, corpus from "
          f"{'examples/corpus' if EXAMPLES.is_dir() else 'invented templates'}", flush=True)
    with tempfile.TemporaryDirectory(prefix="consilience-growth-", dir=args.scratch) as scratch:
        results = []
        for size in sizes:
            results.append(measure(size, args.workers, Path(scratch)))
            r = results[-1]
            print(f"  measured {size}: {r['wall']:.1f} s, peak RSS {r['peak_tree'] / 1024**3:.2f} GB", flush=True)
        report(results, wanted)


if __name__ == "__main__":
    main()
