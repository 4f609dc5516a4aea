"""Fit the line scorer of ``consilience.ingest.lines`` on the development half of the text-scrapes benchmark.

Each non-blank line of a development page is labelled body when most token 4-grams that touch
it (three tokens of context on each side, so that a short line is judged with its neighbours)
occur in the page's gold ``articleBody``; debris otherwise. A logistic regression (scikit-learn,
a development dependency only) is fitted on the standardised features, each line weighted by
its token count plus one (the metric counts shingles, so long lines weigh more); the two-state
transition and start probabilities are counted on the same label sequences. The result is
written to ``src/consilience/data/line_model.json``. Test-half pages are never read.

    .venv/bin/python benchmarks/train_lines.py [--c 1.0]
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from text_scrapes import GOLD, SCRAPES, half  # noqa: E402

from consilience.ingest import clean, language, lines  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "consilience" / "data" / "line_model.json"
TOKEN = re.compile(r"\w+")
CONTEXT = 3
WEIGHTS = {"tokens": float, "sqrt": math.sqrt, "none": lambda n: 1.0}


def labels(page_lines: list[str], gold: str) -> list[bool]:
    want = set()
    g = TOKEN.findall(gold)
    want.update(tuple(g[i:i + 4]) for i in range(len(g) - 3))
    tokens, owner = [], []
    for n, line in enumerate(page_lines):
        for t in TOKEN.findall(line):
            tokens.append(t)
            owner.append(n)
    hits = [0] * len(page_lines)
    total = [0] * len(page_lines)
    for i in range(len(tokens) - 3):
        gram = tuple(tokens[i:i + 4])
        inside = gram in want
        for n in set(owner[i:i + 4]):
            total[n] += 1
            hits[n] += inside
    return [total[n] > 0 and hits[n] / total[n] >= 0.5 for n in range(len(page_lines))]


def pages(gold: dict) -> list[tuple[list[str], list[bool], str | None]]:
    out = []
    for path in sorted(SCRAPES.glob("*.txt")):
        if path.stem not in gold or half(path.stem) != "dev":
            continue
        text = clean.normalise(path.read_text(encoding="utf-8"))
        page_lines = [line.strip() for line in text.split("\n") if line.strip()]
        out.append((page_lines, labels(page_lines, gold[path.stem]["articleBody"]), language.identify(text)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("--weight", choices=("tokens", "sqrt", "none"), default="tokens",
                        help="weight of a line in the fit: its token count + 1, its square root, or 1")
    args = parser.parse_args()
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    gold = json.loads(GOLD.read_text())
    data = pages(gold)
    trans = [[1.0, 1.0], [1.0, 1.0]]
    start = [1.0, 1.0]
    y, w = [], []
    for page_lines, ys, _language in data:
        y.extend(ys)
        w.extend(WEIGHTS[args.weight](1 + len(TOKEN.findall(line))) for line in page_lines)
        if ys:
            start[int(ys[0])] += 1
        for a, b in zip(ys, ys[1:]):
            trans[int(a)][int(b)] += 1
    y, w = np.array(y, dtype=int), np.array(w, dtype=float)
    prior = [float((y == 0).mean()), float((y == 1).mean())]
    hmm = {"log_transition": [[round(math.log(c / sum(row)), 6) for c in row] for row in trans],
           "log_start": [round(math.log(c / sum(start)), 6) for c in start],
           "log_prior": [round(math.log(p), 6) for p in prior]}

    X = np.array([x for page_lines, _, language in data for x in lines.features(page_lines, language)])
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=args.c, max_iter=5000)
    model.fit((X - mean) / scale, y, sample_weight=w)
    result = {
        "about": "consilience.ingest.lines: a logistic regression over line features decoded with a two-state HMM; "
                 "fitted by benchmarks/train_lines.py on the development half of ../shared/bench/text-scrapes",
        "training": {"pages": len(data), "lines": int(len(y)), "body_share": round(prior[1], 4), "C": args.c},
        "names": lines.FEATURE_NAMES, "weights": [round(float(v), 6) for v in model.coef_[0]],
        "bias": round(float(model.intercept_[0]), 6), "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale], **hmm,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data)} development pages, {len(y)} lines ({prior[1]:.1%} body) -> {OUT}")
    for name, weight in sorted(zip(lines.FEATURE_NAMES, model.coef_[0]), key=lambda x: -abs(x[1]))[:10]:
        print(f"  {name:<26} {weight:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
