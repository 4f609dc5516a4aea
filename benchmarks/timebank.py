"""Score temporal tagging on TimeBank (../shared/bench/timebank), ours against dateparser, in one run.

Metric (the benchmark's README, TempEval-3 style): a predicted span matches a gold span when they
overlap (one-to-one); extraction P/R/F1 counts matches, value P/R/F1 counts only matches whose
TIMEX3 values are identical. Reported overall, for DATE/TIME and DURATION/SET (precision by the
predicted type, recall by the gold type).

Development and test halves. The rules were first written against all of TimeBank, so the all-files
figure measures fit. Since issue 16 the documents are split once, by a fixed rule chosen before any
error was looked at: a file is in the development half when the first byte of the SHA-1 of its name
without extension (e.g. ``APW19980213.1310``) is even, else in the test half (90 / 93 files).
The split does not depend on which other files are present or on their order. Rules are tuned only
on development-half errors: ``--errors`` lists errors of development files only, and there is no
option to list the test half's. Every run reports both halves and the gap between their value F1.

Baseline: dateparser's ``search.search_dates`` with the creation date as RELATIVE_BASE; its
datetimes are mapped to day-precision values (YYYY-MM-DD), type DATE. A second row gives it a
fairer chance: each phrase's value at the precision dateparser reports for it (year, month, week).

    .venv/bin/python benchmarks/timebank.py [--limit N] [--no-baseline] [--no-spacy] [--errors] [--dev-only]
    .venv/bin/python benchmarks/timebank.py --corpus DIR   # any other TimeML collection, scored whole as unseen

Another collection. ``--corpus DIR`` scores every ``*.tml`` file under DIR (TimeBank 1.2 or TempEval-3
layout: a ``<DCT>`` TIMEX3 and a ``<TEXT>`` element) with the same metric, all as one "unseen" part:
no split, and ``--errors`` is refused there, so nothing about it can feed back into the rules.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import re
import statistics
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / ".." / "shared" / "bench" / "timebank"

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Span:
    start: int
    end: int
    type: str
    value: str | None
    text: str = ""


@dataclass
class GoldDoc:
    name: str
    dct: str
    text: str
    spans: list[Span]


def load(path: Path) -> GoldDoc:
    """Plain text of <TEXT> with the offsets of its TIMEX3 spans, and the DCT value."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S).group(1)
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    parts, length, stack, spans = [], 0, [], []
    pos = 0
    for m in _TAG.finditer(body):
        piece = html.unescape(body[pos:m.start()])
        parts.append(piece)
        length += len(piece)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            attrs, start = stack.pop()
            spans.append(Span(start, length, attrs.get("type", ""), attrs.get("value")))
        else:
            stack.append((dict(_ATTR.findall(m.group(3))), length))
    parts.append(html.unescape(body[pos:]))
    text = "".join(parts)
    for s in spans:
        s.text = text[s.start:s.end]
    return GoldDoc(path.stem, dct, text, spans)


def half(name: str) -> str:
    """"dev" or "test": fixed by the SHA-1 of the file name (stem), decided before looking at any error."""
    return "dev" if hashlib.sha1(name.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def group(type_: str) -> str:
    return "DATE/TIME" if type_ in ("DATE", "TIME") else "DURATION/SET"


def match(gold: list[Span], pred: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one overlap matching, preferring pairs with equal values, then the larger overlap."""
    pairs = []
    for g in gold:
        for p in pred:
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                pairs.append((g.value == p.value and p.value is not None, overlap, id(g), id(p), g, p))
    pairs.sort(key=lambda t: (not t[0], -t[1]))
    used_g, used_p, out = set(), set(), []
    for _, _, ig, ip, g, p in pairs:
        if ig in used_g or ip in used_p:
            continue
        used_g.add(ig)
        used_p.add(ip)
        out.append((g, p))
    return out


class Score:
    """Counts per group: gold, predicted, matches and value matches seen from each side.

    Recall in a group counts gold spans of that type that matched; precision counts predicted
    spans of that type that matched, so a DATE predicted for a gold DURATION is scored on both sides.
    """

    GROUPS = ("all", "DATE/TIME", "DURATION/SET")

    def __init__(self):
        self.counts = {k: dict(gold=0, pred=0, hit_gold=0, hit_pred=0, value_gold=0, value_pred=0) for k in self.GROUPS}

    def add(self, gold: list[Span], pred: list[Span]) -> None:
        for g in gold:
            for k in ("all", group(g.type)):
                self.counts[k]["gold"] += 1
        for p in pred:
            for k in ("all", group(p.type)):
                self.counts[k]["pred"] += 1
        for g, p in match(gold, pred):
            same = g.value == p.value and p.value is not None
            for k in ("all", group(g.type)):
                self.counts[k]["hit_gold"] += 1
                self.counts[k]["value_gold"] += same
            for k in ("all", group(p.type)):
                self.counts[k]["hit_pred"] += 1
                self.counts[k]["value_pred"] += same

    @staticmethod
    def prf(hit_pred: int, pred: int, hit_gold: int, gold: int) -> tuple[float, float, float]:
        p = hit_pred / pred if pred else 0.0
        r = hit_gold / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def value_f1(self, key: str = "all") -> float:
        c = self.counts[key]
        return self.prf(c["value_pred"], c["pred"], c["value_gold"], c["gold"])[2]

    def rows(self, label: str) -> list[str]:
        out = []
        for k, c in self.counts.items():
            ep, er, ef = self.prf(c["hit_pred"], c["pred"], c["hit_gold"], c["gold"])
            vp, vr, vf = self.prf(c["value_pred"], c["pred"], c["value_gold"], c["gold"])
            out.append(f"{label:<40} {k:<13} gold={c['gold']:<5} pred={c['pred']:<5} extraction P={ep:.3f} R={er:.3f} F1={ef:.3f}"
                       f" | value P={vp:.3f} R={vr:.3f} F1={vf:.3f}")
        return out


PARSE_SECONDS: list[float] = []  # spaCy parse time per document, kept apart from our own time


def ours(doc: GoldDoc, nlp=None) -> list[Span]:
    """Our tagger; the spaCy parse (which the pipeline makes anyway) is timed separately."""
    from consilience.analyze.times import find_times

    parsed = None
    if nlp is not None:
        t0 = time.perf_counter()
        parsed = nlp(doc.text)
        PARSE_SECONDS.append(time.perf_counter() - t0)
    return [Span(t.start, t.end, t.type, t.value, t.text) for t in find_times(doc.text, doc.dct, doc=parsed)]


def _base(doc: GoldDoc) -> dt.datetime:
    return dt.datetime.fromisoformat(doc.dct[:19]) if "T" in doc.dct else dt.datetime.fromisoformat(doc.dct[:10])


def dateparser_baseline(doc: GoldDoc, with_period: bool = False) -> list[Span]:
    """dateparser's search_dates per paragraph; values at day precision, or (with_period) at the
    precision dateparser itself reports for the phrase (year, month, week, day, time)."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    base = _base(doc)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    period_parser = DateDataParser(languages=["en"], settings=settings) if with_period else None
    spans = []
    for paragraph in re.finditer(r"[^\n]+", doc.text):  # paragraph by paragraph keeps offsets easy to recover
        try:
            found = search_dates(paragraph.group(), languages=["en"], settings=settings) or []
        except Exception:  # noqa: BLE001 - a baseline failure on one paragraph counts as no output
            found = []
        pos = paragraph.start()
        for phrase, when in found:
            i = doc.text.find(phrase, pos, paragraph.end())
            if i < 0:
                continue
            value = when.date().isoformat()
            if period_parser is not None:
                value = _at_period(period_parser, phrase, when)
            spans.append(Span(i, i + len(phrase), "DATE", value, phrase))
            pos = i + len(phrase)
    return spans


def _at_period(parser, phrase: str, when: dt.datetime) -> str:
    try:
        period = parser.get_date_data(phrase).period or "day"
    except Exception:  # noqa: BLE001
        period = "day"
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        year, week, _ = when.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "time":
        return when.strftime("%Y-%m-%dT%H:%M")
    return when.date().isoformat()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="score only the first N files")
    ap.add_argument("--no-baseline", action="store_true", help="skip dateparser")
    ap.add_argument("--no-spacy", action="store_true", help="run ours without a spaCy Doc (regex tense cue only)")
    ap.add_argument("--errors", action="store_true",
                    help="print our wrong, missed and extra expressions on development-half files only, grouped by class")
    ap.add_argument("--dev-only", action="store_true",
                    help="score only the development half (no test-half figure is computed or printed)")
    ap.add_argument("--corpus", type=Path, default=None,
                    help="score another TimeML collection (every *.tml under this folder) as one unseen part")
    args = ap.parse_args()
    root = args.corpus or BENCH
    if args.corpus is not None and (args.errors or args.dev_only):
        print("--errors and --dev-only apply to TimeBank's development half only, not to an unseen --corpus",
              file=sys.stderr)
        return 2
    if not root.is_dir():
        print(f"benchmark data not found at {root}", file=sys.stderr)
        return 1
    files = sorted(root.rglob("*.tml"))
    if not files:
        print(f"no *.tml files under {root}", file=sys.stderr)
        return 1
    part = half if args.corpus is None else (lambda name: "unseen")
    if args.limit:
        files = files[:args.limit]
    docs = [load(f) for f in files]
    if args.dev_only:
        docs = [d for d in docs if half(d.name) == "dev"]
    nlp = None
    if not args.no_spacy:
        from consilience.analyze.nlp import load_model

        nlp = load_model(None)
    systems = {"ours" + ("" if nlp else " (no spaCy)"): lambda d: ours(d, nlp)}
    if not args.no_baseline:
        warnings.filterwarnings("ignore")
        systems["dateparser.search_dates"] = dateparser_baseline
        systems["dateparser (+period)"] = lambda d: dateparser_baseline(d, with_period=True)
    n_gold = sum(len(d.spans) for d in docs)
    if args.corpus is None:
        n_dev = sum(half(d.name) == "dev" for d in docs)
        print(f"TimeBank: {len(docs)} documents ({n_dev} development, {len(docs) - n_dev} test), {n_gold} gold TIMEX3")
    else:
        print(f"{root}: {len(docs)} documents, all unseen, {n_gold} gold TIMEX3")
    for name, system in systems.items():
        scores = {"dev half": Score(), "test half": Score(), "all files": Score()}
        if args.dev_only:
            scores = {"dev half": Score()}
        elif args.corpus is not None:
            scores = {"unseen half": Score()}
        errors: list[tuple[str, str]] = []
        seconds = []
        for doc in docs:
            t0 = time.perf_counter()
            pred = system(doc)
            seconds.append(time.perf_counter() - t0)
            for key in ("all files", f"{part(doc.name)} half"):
                if key in scores:
                    scores[key].add(doc.spans, pred)
            if args.errors and name.startswith("ours") and half(doc.name) == "dev":
                errors.extend(_errors(doc, pred))
        for cls in sorted({c for c, _ in errors}):
            lines = [line for c, line in errors if c == cls]
            print(f"== {cls}: {len(lines)}")
            for line in lines:
                print(line)
        for key, score in scores.items():
            for row in score.rows(f"{name} [{key}]"):
                print(row)
        if args.corpus is not None:
            print(f"{name}: value F1 on the unseen collection {scores['unseen half'].value_f1():.3f}")
        elif args.dev_only:
            print(f"{name}: value F1 dev {scores['dev half'].value_f1():.3f} (test half not run)")
        else:
            dev_f1, test_f1 = (score.value_f1() for score in (scores["dev half"], scores["test half"]))
            print(f"{name}: value F1 dev {dev_f1:.3f}, test {test_f1:.3f}, gap (dev - test) {dev_f1 - test_f1:+.3f}")
        if name == "ours" and PARSE_SECONDS:
            own = [total - parse for total, parse in zip(seconds, PARSE_SECONDS)]
            print(f"{name}: find_times median {statistics.median(own) * 1000:.2f} ms per document, spaCy parse median"
                  f" {statistics.median(PARSE_SECONDS) * 1000:.1f} ms; find_times / parse time:"
                  f" median ratio {statistics.median(o / p for o, p in zip(own, PARSE_SECONDS)):.3f},"
                  f" totals {sum(own):.2f} s / {sum(PARSE_SECONDS):.2f} s")
        else:
            print(f"{name}: median {statistics.median(seconds) * 1000:.1f} ms per document (total {sum(seconds):.1f} s)")
    return 0


def _errors(doc: GoldDoc, pred: list[Span]) -> list[tuple[str, str]]:
    """(class, line) for each error of one development-half document; the class is the kind of
    error (VALUE, MISS, EXTRA) and the gold (or, for EXTRA, predicted) TIMEX3 type."""
    pairs = match(doc.spans, pred)
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    out = []
    for g, p in pairs:
        if g.value != p.value:
            ctx = doc.text[max(0, g.start - 60):g.end + 30].replace("\n", " ")
            out.append((f"VALUE {g.type}", f"  {doc.name} dct={doc.dct[:10]} gold={g.text!r} {g.type} {g.value}"
                        f" | ours={p.text!r} {p.type} {p.value} :: {ctx}"))
    for g in doc.spans:
        if id(g) not in matched_g:
            ctx = doc.text[max(0, g.start - 60):g.end + 30].replace("\n", " ")
            out.append((f"MISS {g.type}", f"  {doc.name} dct={doc.dct[:10]} {g.text!r} {g.type} {g.value} :: {ctx}"))
    for p in pred:
        if id(p) not in matched_p:
            ctx = doc.text[max(0, p.start - 60):p.end + 30].replace("\n", " ")
            out.append((f"EXTRA {p.type}", f"  {doc.name} {p.text!r} {p.type} {p.value} :: {ctx}"))
    return out


if __name__ == "__main__":
    sys.exit(main())
