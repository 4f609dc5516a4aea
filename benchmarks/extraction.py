"""Body extraction scored on ../shared/bench/article-extraction: consilience beside trafilatura's defaults.

Metric (the benchmark README's): per page, token 4-gram shingles as multisets of the gold and
the extracted body; precision = tp/(tp+fp), recall = tp/(tp+fn) (1.0 when there is nothing to
miss); corpus P and R are the means over pages, F1 their harmonic mean. Both systems run in
this process on the same pages; pages per second are timed per system (median of per-page
times and overall rate).

    .venv/bin/python benchmarks/extraction.py [--limit N] [--show-worst K]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / ".." / "shared" / "bench" / "article-extraction"
TOKEN = re.compile(r"\w+")


def shingles(text: str) -> Counter:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3))


def page_scores(extracted: str, gold: str) -> tuple[float, float]:
    got, want = shingles(extracted), shingles(gold)
    tp = sum((got & want).values())
    fp = sum(got.values()) - tp
    fn = sum(want.values()) - tp
    precision = 1.0 if fp == 0 else tp / (tp + fp)
    recall = 1.0 if fn == 0 else tp / (tp + fn)
    return precision, recall


def trafilatura_default(html: bytes, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def consilience_body(html: bytes, url: str) -> str:
    """The cleaned text of the Document the ingestion pipeline makes of this page."""
    from consilience.ingest.pipeline import finish, prepare
    from consilience.ingest.readers import decode
    from consilience.model import RawInput, Skipped
    from consilience.settings import Settings

    text, notes = decode(html)
    prep = prepare(RawInput(path=url, kind="html", content=text, url=url, notes=notes), Settings(min_body_chars=0))
    if isinstance(prep, Skipped):
        return ""
    doc = finish(prep)
    return "" if isinstance(doc, Skipped) else doc.text


SYSTEMS = {"trafilatura default": trafilatura_default, "consilience": consilience_body}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages (sorted by id)")
    parser.add_argument("--show-worst", type=int, default=0, help="list the K pages where consilience scores lowest")
    args = parser.parse_args()
    if not (BENCH / "ground-truth.json").exists():
        print(f"benchmark not found at {BENCH}", file=sys.stderr)
        return 1
    gold = json.loads((BENCH / "ground-truth.json").read_text())
    ids = sorted(gold)[: args.limit]
    scores = {name: [] for name in SYSTEMS}
    times = {name: [] for name in SYSTEMS}
    for page_id in ids:
        html = gzip.decompress((BENCH / "html" / f"{page_id}.html.gz").read_bytes())
        for name, system in SYSTEMS.items():
            started = time.perf_counter()
            body = system(html, gold[page_id]["url"])
            times[name].append(time.perf_counter() - started)
            scores[name].append(page_scores(body, gold[page_id]["articleBody"]))
    print(f"{len(ids)} pages from {BENCH.resolve()}")
    print(f"{'system':<22} {'precision':>9} {'recall':>7} {'F1':>7} {'pages/s':>8} {'median ms/page':>15}")
    for name in SYSTEMS:
        p = statistics.fmean(s[0] for s in scores[name])
        r = statistics.fmean(s[1] for s in scores[name])
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        rate = len(ids) / sum(times[name])
        print(f"{name:<22} {p:9.4f} {r:7.4f} {f1:7.4f} {rate:8.1f} {1000 * statistics.median(times[name]):15.1f}")
    ours, theirs = statistics.median(times["consilience"]), statistics.median(times["trafilatura default"])
    print(f"median time per page, consilience / trafilatura default: {ours / theirs:.2f}x "
          "(consilience runs two extractions, metadata, date, cleaning and language per page)")
    if args.show_worst:
        ranked = sorted(zip(ids, scores["consilience"]), key=lambda x: sum(x[1]))
        for page_id, (p, r) in ranked[: args.show_worst]:
            print(f"  {page_id[:12]}  P {p:.3f}  R {r:.3f}  {gold[page_id]['url']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
