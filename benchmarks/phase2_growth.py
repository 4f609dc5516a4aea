"""Phase 2 and the outputs at 10^3 to 10^5 documents: total time and peak memory of the real pipeline
after phase 1, when phase 1 has already run (a resumed run, as on a cluster whose phase 1 is done).

Phase 1 on 10^5 documents takes hours on two cores; what grows with the corpus after it is phase 2
(entity resolution, facts, conflicts, framing) and the outputs, which hold corpus-wide state.
This benchmark measures that part at full size:

1. Seed: ``--seed`` synthetic documents (benchmarks/growth.py: the example corpus recombined, names and
   numbers varied) are read, cleaned and analysed for real by ``consilience analyze``.
2. Clones: each size is made of clones of the seed documents, every clone with its own id and about
   half of its proper names replaced by invented names of the same length, in the text and in the
   stored phase-1 record alike (same length keeps every offset exact). The clones' phase-1 rows are
   written to the store under the keys the pipeline computes, so the pipeline finds them done.
3. Run: a fresh child process runs ``pipeline.analyze_ingested`` (phase 1 finds every document done,
   then loading, resolving, reconciling) and ``write_outputs``, while this process samples the
   resident memory of the child and everything it starts.

    python benchmarks/phase2_growth.py                          # 1000, 10000, 100000
    python benchmarks/phase2_growth.py --sizes 1000,10000 --seed 200

Prints seconds and peak RSS per size and per stage, the growth from the smallest size, and whether
the peak stays under the 4 GB budget. Reading and cleaning the inputs is not part of this figure
(it streams per file; benchmarks/growth.py measures it with the rest at the sizes it can run).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import growth  # noqa: E402  (the synthetic corpus and the stage sampler)

RSS_LIMIT = 4 * 1024**3
NAME = re.compile(r"\b[A-Z][a-z]{4,}\b")
SYLLABLES = growth.SYLLABLES


def seed(scratch: Path, n: int, workers: int) -> Path:
    """Analyse ``n`` synthetic documents for real; returns the output directory holding their store."""
    corpus, out = scratch / "seed-corpus", scratch / "seed-out"
    growth.write_corpus(corpus, n)
    subprocess.run([sys.executable, "-m", "consilience", "analyze", str(corpus), "--out", str(out),
                    "--workers", str(workers), "--no-progress"], check=True, stdout=subprocess.DEVNULL)
    return out


def same_length_name(rng: random.Random, length: int) -> str:
    name = ""
    while len(name) < length:
        name += rng.choice(SYLLABLES)
    return name[:length].capitalize()


def clone(doc_json: str, row_json: str, old_id: str, i: int) -> tuple[str, str, str]:
    """Clone ``i`` of one seed document: (new id, document JSON, phase-1 JSON), names renamed in place."""
    rng = random.Random(i)
    new_id = hashlib.sha1(f"clone-{i}".encode()).hexdigest()[:12]
    text = json.loads(doc_json)["text"]
    names = sorted({w for w in NAME.findall(text) if w not in growth.NAME_STOP})
    renamed = {w: same_length_name(rng, len(w)) for w in names if rng.random() < 0.5}

    def rename(s: str) -> str:
        s = s.replace(old_id, new_id)
        if renamed:
            s = re.sub(r"\b(" + "|".join(map(re.escape, renamed)) + r")\b", lambda m: renamed[m.group(1)], s)
        return s

    doc = json.loads(rename(doc_json))
    doc["path"] = f"clone/{i:07d}.txt"
    return new_id, json.dumps(doc, ensure_ascii=False), rename(row_json)


def make_clones(seed_out: Path, size: int, target: Path) -> None:
    """``size`` clones: documents.jsonl and a store whose phase-1 table holds their results (child process)."""
    from consilience.engine.batch import Row
    from consilience.codec import decode_document, encode
    from consilience.engine.phase1 import document_keys
    from consilience.ingest import ingest
    from consilience.settings import Settings
    from consilience.store import Analyses, Phase1Store

    settings = Settings(progress=False, workers=1)
    documents, _ = ingest([str(seed_out.parent / "seed-corpus")], settings)
    with Phase1Store(seed_out / "consilience.duckdb") as store:  # the seed's results, whatever code made them
        analysed = store.con.execute("SELECT document, key FROM phase1 WHERE NOT failed").fetchall()
    stored = {a.document: encode(a) for a in Analyses(seed_out / "consilience.duckdb", *map(list, zip(*analysed)))}
    seeds = [(d.id, encode(d), stored[d.id]) for d in documents if d.id in stored]
    target.mkdir(parents=True, exist_ok=True)
    with (target / "documents.jsonl").open("w", encoding="utf-8") as out, \
            Phase1Store(target / "consilience.duckdb") as store:
        batch_docs, batch_rows = [], []
        for i in range(size):
            old_id, doc_json, row_json = seeds[i % len(seeds)]
            new_id, doc_out, row_out = clone(doc_json, row_json, old_id, i)
            out.write(doc_out + "\n")
            batch_docs.append(decode_document(doc_out))
            batch_rows.append(row_out)
            if len(batch_docs) == 2000 or i == size - 1:
                keys = document_keys(batch_docs, settings)
                store.commit([Row(d.id, k, False, r) for d, k, r in zip(batch_docs, keys, batch_rows)], "clones")
                batch_docs, batch_rows = [], []


def run_phase2(target: Path) -> dict:
    """The pipeline after reading, on the clones (child process); returns timings and peaks per stage."""
    from consilience.codec import decode_document
    from consilience.pipeline import analyze_ingested, write_outputs
    from consilience.settings import Settings

    started = time.perf_counter()
    reporter = growth.stage_sampling_reporter()
    with reporter.stage("reading documents"):
        with (target / "documents.jsonl").open(encoding="utf-8") as lines:
            documents = [decode_document(line) for line in lines]
    corpus = analyze_ingested(documents, [], Settings(progress=False, workers=1), reporter, out_dir=target)
    with reporter.stage("writing"):
        write_outputs(corpus, target)
    return {"documents": len(corpus.documents), "entities": len(corpus.entities), "facts": len(corpus.facts),
            "conflicts": len(corpus.conflicts), "seconds": time.perf_counter() - started,
            "stages": {k: round(v, 1) for k, v in reporter.timings.items()}, "notes": reporter.notes,
            "peaks": {k: round(v / 1024**2) for k, v in reporter.peaks.items()}}


def measure(seed_out: Path, size: int, scratch: Path, clones_dir: Path | None = None) -> dict:
    import psutil

    target = (clones_dir or scratch) / f"clones-{size}"
    if clones_dir and _clones_ready(target, size):
        print(f"  reusing the {size} clones in {target}", flush=True)
    else:
        subprocess.run([sys.executable, __file__, "--make-clones", str(target), "--seed-out", str(seed_out),
                        "--size", str(size)], check=True)
    child = subprocess.Popen([sys.executable, __file__, "--run-phase2", str(target)], stdout=subprocess.PIPE, text=True)
    peak = 0
    root = psutil.Process(child.pid)
    while child.poll() is None:
        try:
            peak = max(peak, sum(p.memory_info().rss for p in [root, *root.children(recursive=True)]))
        except psutil.Error:
            pass
        time.sleep(0.25)
    output = child.stdout.read()
    if child.returncode != 0:
        raise RuntimeError(f"size {size}: phase 2 child failed with {child.returncode}")
    result = json.loads(output.strip().splitlines()[-1])
    result.update(size=size, peak=peak, output_mb={p.name: round(p.stat().st_size / 1024**2, 1)
                                                     for p in target.glob("dossier.*")})
    return result


def _clones_ready(target: Path, size: int) -> bool:
    """Clones made by an earlier run (documents and store), reusable when ``--clones-dir`` is given."""
    docs = target / "documents.jsonl"
    if not docs.is_file() or not (target / "consilience.duckdb").is_file():
        return False
    with docs.open(encoding="utf-8") as lines:
        return sum(1 for _ in lines) == size


def report(results: list[dict], wanted: list[int]) -> None:
    gb = 1024**3
    base = results[0]["seconds"] / results[0]["size"]
    print(f"{'documents':>10} {'seconds':>9} {'ms/doc':>8} {'vs smallest':>11} {'peak RSS':>10} "
          f"{'entities':>9} {'facts':>8} {'conflicts':>9}")
    for r in results:
        per_doc = r["seconds"] / r["size"]
        print(f"{r['size']:>10} {r['seconds']:>9.1f} {1000 * per_doc:>8.2f} {per_doc / base:>10.2f}x "
              f"{r['peak'] / gb:>7.2f} GB {r['entities']:>9} {r['facts']:>8} {r['conflicts']:>9}")
    for r in results:
        print(f"  {r['size']}: seconds per stage {r['stages']}")
        print(f"  {r['size']}: peak RSS per stage, MB {r['peaks']}; outputs, MB {r['output_mb']}")
    growth.print_fit([r["size"] for r in results], [r["seconds"] for r in results], [r["peak"] for r in results],
                     wanted, ms_digits=2)
    for r in results:
        verdict = "under" if r["peak"] < RSS_LIMIT else "OVER"
        print(f"MEASURED {r['size']}: peak RSS {r['peak'] / gb:.2f} GB, {verdict} the 4 GB budget")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--extrapolate", default="100000")
    parser.add_argument("--seed", type=int, default=500, help="documents analysed for real and cloned")
    parser.add_argument("--workers", type=int, default=2, help="workers for the seed's phase 1")
    parser.add_argument("--scratch", type=Path, default=None)
    parser.add_argument("--seed-dir", type=Path, default=None,
                        help="keep the analysed seed here and reuse it on later runs (default: a temporary one)")
    parser.add_argument("--clones-dir", type=Path, default=None,
                        help="make the clones here and reuse them on later runs (default: a temporary directory)")
    parser.add_argument("--make-clones", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--seed-out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--run-phase2", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make_clones:
        make_clones(args.seed_out, args.size, args.make_clones)
        return
    if args.run_phase2:
        print(json.dumps(run_phase2(args.run_phase2)))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    wanted = sorted(set(sizes) | {int(s) for s in args.extrapolate.split(",") if s})
    print(f"phase 2 growth: sizes {sizes}, seed of {args.seed} documents analysed for real", flush=True)
    if args.scratch:
        Path(args.scratch).mkdir(parents=True, exist_ok=True)  # a scratch folder named but not made yet
    with tempfile.TemporaryDirectory(prefix="consilience-phase2-", dir=args.scratch) as scratch:
        started = time.perf_counter()
        seed_home = args.seed_dir or Path(scratch)
        seed_out = seed_home / "seed-out"
        if args.seed_dir and (seed_out / "consilience.duckdb").is_file():
            print(f"  reusing the seed analysed in {seed_home}", flush=True)
        else:
            seed_out = seed(seed_home, args.seed, args.workers)
            print(f"  seed analysed in {time.perf_counter() - started:.0f} s", flush=True)
        results = []
        for size in sizes:
            results.append(measure(seed_out, size, Path(scratch), args.clones_dir))
            r = results[-1]
            print(f"  measured {size}: {r['seconds']:.1f} s, peak RSS {r['peak'] / 1024**3:.2f} GB", flush=True)
        report(results, wanted)


if __name__ == "__main__":
    main()
