"""Cost of dating undated documents after their closest dated neighbours (ingest/neighbour_dates.py).

Builds synthetic corpora (random words from a uniform vocabulary, one document in ten undated) and
prints time and peak memory at each size. A uniform vocabulary is the hard case: every word is
shared by a fixed share of documents, so posting lists grow with the corpus; real text (Zipfian,
distinctive words rare) has far shorter lists.

    .venv/bin/python benchmarks/neighbour_dates.py --sizes 2000 20000
"""
from __future__ import annotations

import argparse
import random
import resource
import time

from consilience.ingest.neighbour_dates import infer_from_neighbours
from consilience.model import Document


def corpus(n: int, rng: random.Random, vocab: list[str]) -> list[Document]:
    docs = []
    for i in range(n):
        dated = i % 10 != 0
        docs.append(Document(id=f"d{i}", path=f"{i}.txt", text=" ".join(rng.choice(vocab) for _ in range(400)),
                             published=f"2031-05-{1 + i % 28:02d}" if dated else None,
                             published_basis="metadata" if dated else None))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    args = parser.parse_args()
    rng = random.Random(1)
    vocab = ["".join(rng.choice("abcdefghijklmnop") for _ in range(rng.randint(4, 9))) for _ in range(20000)]
    print(f"{'documents':>10} {'undated':>8} {'seconds':>8} {'ms/undated':>10} {'peak RSS MB':>12}")
    for n in args.sizes:
        docs = corpus(n, rng, vocab)
        started = time.perf_counter()
        infer_from_neighbours(docs)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"{n:>10} {n // 10:>8} {seconds:>8.2f} {1000 * seconds / (n // 10):>10.1f} {peak:>12}", flush=True)


if __name__ == "__main__":
    main()
