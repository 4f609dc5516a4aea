"""Debris removal on plain-text page scrapes (../shared/bench/text-scrapes), beside two baselines, in one run.

The pages are the 181 of ../shared/bench/article-extraction as a person copies them from a
browser: one block per line, menus, share widgets, related-story lists and footers included.
Gold: each page's ``articleBody`` in that benchmark's ground-truth.json. Metric (its README):
per page, token 4-gram shingles as multisets of the gold and the kept text; precision =
tp/(tp+fp), recall = tp/(tp+fn) (1.0 when there is nothing to miss); corpus P and R are the
means over pages, F1 their harmonic mean.

Systems, all on the same pages in this process:
- keep every line;
- jusText 3 with its defaults and English stoplist, each line wrapped as a ``<p>``;
- consilience: ``ingest`` over the whole folder, as ``consilience extract DIR`` runs it (the
  corpus-level passes, such as lines repeated across pages, included).

Split: a page is in the development half when the first hex digit of its id is even, else in
the test half (fixed, decided before any tuning). The line scorer shipped in the package was
fitted on the development half only (``benchmarks/train_lines.py``); both halves are printed.

    .venv/bin/python benchmarks/text_scrapes.py [--limit N] [--show-worst K] [--half dev|test]
"""
from __future__ import annotations

import argparse
import html
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction import page_scores  # noqa: E402  (the same metric as the HTML benchmark)

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "bench"
SCRAPES = SHARED / "text-scrapes" / "txt"
GOLD = SHARED / "article-extraction" / "ground-truth.json"


def half(page_id: str) -> str:
    """The fixed development/test split: even first hex digit -> dev."""
    return "dev" if int(page_id[0], 16) % 2 == 0 else "test"


def keep_everything(texts: dict[str, str]) -> dict[str, str]:
    return dict(texts)


def justext_default(texts: dict[str, str]) -> dict[str, str]:
    import justext

    stoplist = justext.get_stoplist("English")
    out = {}
    for page_id, text in texts.items():
        page = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
        page += "</body></html>"
        paragraphs = justext.justext(page.encode("utf-8"), stoplist)
        out[page_id] = "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
    return out


def consilience_extract(texts: dict[str, str], folder: Path | None = None) -> dict[str, str]:
    """The cleaned text of each page, from one ``ingest`` over the folder (the ``extract`` command)."""
    from consilience.ingest import ingest
    from consilience.settings import Settings

    documents, _skipped = ingest([str(folder)], Settings(min_body_chars=0))
    by_name = {Path(doc.path).stem: doc.text for doc in documents}
    return {page_id: by_name.get(page_id, "") for page_id in texts}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (sorted by id)")
    parser.add_argument("--half", choices=("dev", "test"), default=None, help="only one half of the split")
    parser.add_argument("--show-worst", type=int, default=0, help="list the K dev pages where consilience is lowest")
    args = parser.parse_args()
    if not SCRAPES.is_dir() or not GOLD.exists():
        print(f"benchmark not found at {SCRAPES.resolve()}", file=sys.stderr)
        return 1
    gold = json.loads(GOLD.read_text())
    ids = sorted(p.stem for p in SCRAPES.glob("*.txt") if p.stem in gold)
    if args.half:
        ids = [i for i in ids if half(i) == args.half]
    ids = ids[: args.limit]
    texts = {i: (SCRAPES / f"{i}.txt").read_text(encoding="utf-8") for i in ids}
    folder = SCRAPES
    if len(ids) != len(list(SCRAPES.glob("*.txt"))):  # a subset: ingest only those files
        import tempfile

        tmp = Path(tempfile.mkdtemp(prefix="text-scrapes-"))
        for i in ids:
            (tmp / f"{i}.txt").write_text(texts[i], encoding="utf-8")
        folder = tmp
    systems = {
        "keep every line": lambda t: keep_everything(t),
        "jusText defaults": lambda t: justext_default(t),
        "consilience": lambda t: consilience_extract(t, folder),
    }
    results, seconds = {}, {}
    for name, system in systems.items():
        started = time.perf_counter()
        results[name] = system(texts)
        seconds[name] = time.perf_counter() - started
    print(f"{len(ids)} pages from {SCRAPES.resolve()} "
          f"(dev {sum(half(i) == 'dev' for i in ids)}, test {sum(half(i) == 'test' for i in ids)})")
    print(f"{'system':<18} {'part':<5} {'precision':>9} {'recall':>7} {'F1':>7} {'seconds':>8}")
    scores = {name: {i: page_scores(out[i], gold[i]["articleBody"]) for i in ids} for name, out in results.items()}
    for name in systems:
        for part in ("dev", "test", "all"):
            chosen = [i for i in ids if part == "all" or half(i) == part]
            if not chosen:
                continue
            p = statistics.fmean(scores[name][i][0] for i in chosen)
            r = statistics.fmean(scores[name][i][1] for i in chosen)
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            shown = f"{seconds[name]:8.1f}" if part == "all" else ""
            print(f"{name:<18} {part:<5} {p:9.4f} {r:7.4f} {f1:7.4f} {shown:>8}")
    if args.show_worst:
        dev = [i for i in ids if half(i) == "dev"]
        ranked = sorted(dev, key=lambda i: sum(scores["consilience"][i]))
        for i in ranked[: args.show_worst]:
            p, r = scores["consilience"][i]
            print(f"  {i[:12]}  P {p:.3f}  R {r:.3f}  {gold[i]['url']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
