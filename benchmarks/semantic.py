"""Do sentence embeddings earn their cost in grouping claims into facts? One run, one process, both ways.

1. ECB+ development topics (``benchmarks/ecbplus_events.py``'s measure: gold ``ACTION_*`` mentions and
   ``CROSS_DOC_COREF``, matched through the claims' trigger offsets): event CoNLL F1 and cross-document
   link precision and recall of the rules alone, of the rules with embeddings at each threshold, and of
   the same-lemma baseline on the same mentions; odd topics (tuning) and even topics (held out) apart.
   The threshold is chosen on odd topics only: among those keeping link precision >= 0.95, the strictest
   whose CoNLL is within 0.005 of the best (precision first: a wrong fact is worse than a missing one);
2. the dossier checks of ``benchmarks/facts.py`` (check_dossier sections and faithfulness) on
   soleimani-2020, ps752-2020 and examples, with and without embeddings, in this process;
3. cost: phase 2 seconds (resolving + reconciling, and loading the model) summed over the ECB+ topics;
   then seconds and peak RSS of a whole ``consilience analyze`` run whose phase 1 is reused from the
   store (so phase 2 dominates), with and without ``--semantic``, each in a child process (its own
   peak), on all ECB+ development documents as one corpus; and the installed size of the extra.

    PYTHONPATH=src /work/venv-sem/bin/python benchmarks/semantic.py [--thresholds 0.9 0.8 0.7] [--topics 1,2]
        [--out /tmp/consilience-semantic] [--no-cost]

Needs the ``semantic`` extra (``pip install -e '.[dev,semantic]'``).
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import ecbplus as E  # noqa: E402
import ecbplus_events as EV  # noqa: E402
import facts as F  # noqa: E402

MIN_LINK_PRECISION = 0.95  # a threshold is only chosen if odd-topic link precision stays at least this
NOISE = 0.005  # odd-topic CoNLL differences smaller than this do not choose a looser threshold

def ecb(topics: list[int], thresholds: list[float], out: Path, lemma) -> dict:
    """Per system ('rules', 'lemma', threshold): pooled E.Counts over odd and over even topics, and seconds."""
    from consilience.reconcile import semantic

    complete = E.load_complete(E.BENCH / "ECBplus_coreference_sentences.csv")
    counts = {(name, part): E.Counts() for name in ("rules", "lemma", *thresholds) for part in ("odd", "even")}
    seconds = {name: 0.0 for name in ("rules", *thresholds)}
    conflicts = {name: [0, 0, 0] for name in ("rules", *thresholds)}  # conflicts, along the incidents, one document
    matched = {"odd": 0, "even": 0}
    embedder = semantic.load()
    for topic in topics:
        part = "odd" if topic % 2 else "even"
        docs = E.load_topic(topic, complete)
        events = []
        for path in sorted((E.BENCH / "topics" / str(topic)).glob("*.xml")):
            short = path.name.removesuffix(".xml").split("_", 1)[1]
            events.extend(EV.load_events(path, complete.get((str(topic), short), set())))
        row = [f"{topic:>5}"]
        for name in ("rules", *thresholds):
            if name != "rules":
                embedder.threshold = name
            corpus = E.run_topic(topic, docs, out / str(topic), 1, semantic=name != "rules")
            seconds[name] += sum(corpus.timings.get(k, 0.0) for k in ("resolving entities", "reconciling"))
            with contextlib.redirect_stdout(io.StringIO()):
                found = EV.conflict_report(topic, corpus)
            conflicts[name] = [a + b for a, b in zip(conflicts[name], found)]
            pairs = EV.match(events, corpus)
            gold = EV._as_gold(pairs)
            fact_of = {cid: f.id for f in corpus.facts for cid in f.claims}
            s = E.score(gold, [fact_of.get(c.id, "c:" + c.id) for _, c in pairs])
            counts[(name, part)].add(s)
            if name == "rules":
                matched[part] += len(pairs)
                b = E.score(gold, [lemma(c.trigger or "") for _, c in pairs])
                counts[("lemma", part)].add(b)
                row.append(f"rules {s.scores()['CoNLL']:.3f} lemma {b.scores()['CoNLL']:.3f}")
            else:
                row.append(f"{name}: {s.scores()['CoNLL']:.3f}")
        print(" ".join(row), flush=True)
    return {"counts": counts, "seconds": seconds, "matched": matched, "conflicts": conflicts}


def dossiers(out: Path) -> dict:
    """check_dossier sections and faithfulness of the three corpora, rules alone and with embeddings."""
    import json

    from consilience.pipeline import analyze_corpus, write_outputs
    from consilience.settings import Settings

    results = {}
    for corpus, (path, _) in F.CORPORA.items():
        for on in (False, True):
            print(f"-- {corpus}, semantic {'on' if on else 'off'}")
            where = out / corpus
            c = analyze_corpus([str(path)], Settings(progress=False, workers=1, semantic=on), out_dir=where)
            write_outputs(c, where)
            dossier = json.loads((where / "dossier.json").read_text())
            r = F.evaluate(corpus, dossier)
            r["statements"] = sorted(f["statement"] for f in dossier.get("facts", []))
            r["conflicts"] = len(dossier.get("conflicts", []))
            results[(corpus, on)] = r
        off, on = results[(corpus, False)], results[(corpus, True)]
        print(f"   facts only without: {sorted(set(off['statements']) - set(on['statements']))}")
        print(f"   facts only with:    {sorted(set(on['statements']) - set(off['statements']))}")
    return results


_CHILD = """
import resource, sys, threading, time
import psutil
import consilience.pipeline as P
from consilience.cli import app

me, phase2, peak, before, cpu = psutil.Process(), [False], [0], [0], [0.0, 0.0]

def sample():
    while True:
        if phase2[0]:
            peak[0] = max(peak[0], me.memory_info().rss)
        time.sleep(0.02)

threading.Thread(target=sample, daemon=True).start()
embedder, reconcile = P.semantic_embedder, P.reconcile

def start_phase2(*a, **k):  # loading the model (with --semantic) and reconciling are phase 2's own work
    before[0] = me.memory_info().rss
    cpu[0] = time.process_time()
    phase2[0] = True
    return embedder(*a, **k)

def end_phase2(*a, **k):
    try:
        return reconcile(*a, **k)
    finally:
        peak[0] = max(peak[0], me.memory_info().rss)
        cpu[1] = time.process_time() - cpu[0]
        phase2[0] = False

P.semantic_embedder, P.reconcile = start_phase2, end_phase2
started = time.perf_counter()
try:
    app(sys.argv[1:], standalone_mode=False)
finally:
    print(f"@@ {time.perf_counter() - started:.2f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024} "
          f"{before[0]} {peak[0]} {cpu[1]:.2f}", file=sys.stderr)
"""


def child_cost(corpus_dir: Path, out: Path, semantic: bool) -> tuple[float, tuple, dict]:
    """(seconds; MiB: the process's peak over the whole run, its RSS as phase 2 starts, its peak during phase 2
    (model loading and reconciling, sampled every 20 ms); stage timings) of one ``consilience analyze`` in a
    child process of its own."""
    cmd = [sys.executable, "-c", _CHILD, "analyze", str(corpus_dir), "--out", str(out), "--workers", "1",
           "--no-progress"] + (["--semantic"] if semantic else [])
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if p.returncode:
        raise SystemExit(f"{cmd[3:]} failed ({p.returncode}): {p.stderr[-2000:]}")
    stages, wall, rss = {}, 0.0, 0.0
    for line in (p.stdout + "\n" + p.stderr).splitlines():
        if line.startswith("@@ "):
            wall, rss = float(line.split()[1]), tuple(int(x) / 2**20 for x in line.split()[2:5])
            stages["phase 2 CPU (all threads)"] = float(line.split()[5])
            continue
        parts = line.rsplit(None, 2)
        if len(parts) == 3 and parts[2] == "s":
            try:
                stages[parts[0].strip()] = float(parts[1])
            except ValueError:
                pass
    return wall, rss, stages


def ecb_as_one_corpus(topics: list[int], where: Path) -> Path:
    complete = E.load_complete(E.BENCH / "ECBplus_coreference_sentences.csv")
    where.mkdir(parents=True, exist_ok=True)
    for topic in topics:
        for d in E.load_topic(topic, complete):
            (where / f"{d.name}.txt").write_text(d.text, encoding="utf-8")
    return where


def _closure(names) -> set[str]:
    """Installed distributions ``names`` need, themselves included (markers read without extras)."""
    import importlib.metadata as md

    from packaging.requirements import Requirement

    seen, todo = set(), [n.lower().replace("_", "-") for n in names]
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        try:
            dist = md.distribution(n)
        except md.PackageNotFoundError:
            continue
        seen.add(n)
        for r in dist.requires or []:
            req = Requirement(r)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name.lower().replace("_", "-"))
    return seen


def extra_size() -> tuple[float, list[str]]:
    """MiB on disk of the distributions the ``semantic`` extra brings beyond the default and dev installs."""
    import importlib.metadata as md

    from packaging.requirements import Requirement

    reqs = [Requirement(r) for r in md.distribution("consilience").requires or []]
    extra = {r.name for r in reqs if r.marker is not None and r.marker.evaluate({"extra": "semantic"})}
    rest = {r.name for r in reqs if r.name not in extra}
    brought = _closure(extra) - _closure(rest)
    total = 0
    for n in brought:
        for f in md.distribution(n).files or []:
            p = md.distribution(n).locate_file(f)
            total += os.path.getsize(p) if os.path.isfile(p) else 0
    return total / 2**20, sorted(brought)


def cost(out: Path) -> None:
    corpus_dir = ecb_as_one_corpus(E.topic_numbers(), out / "ecb-all-text")
    store = out / "ecb-all-run"
    child_cost(corpus_dir, store, False)  # phase 1 into the store (not measured)
    print("\n== cost: `consilience analyze` on all ECB+ development documents as one corpus, phase 1 reused")
    for on in (False, True):
        wall, rss, stages = child_cost(corpus_dir, store, on)
        print(f"  semantic {'on ' if on else 'off'}: {wall:6.1f} s wall; RSS: whole run's peak {rss[0]:.0f} MiB, "
              f"at the start of phase 2 {rss[1]:.0f} MiB, phase 2's peak {rss[2]:.0f} MiB; stages: "
              + ", ".join(f"{k} {v:.1f} s" for k, v in stages.items()))
    size, brought = extra_size()
    print(f"  installed size of what the extra adds to the default and dev installs: {size:.0f} MiB "
          f"({', '.join(brought)})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--topics", help="comma-separated topic numbers (default: all 33 development topics)")
    ap.add_argument("--thresholds", nargs="*", type=float, default=[0.9, 0.8, 0.7, 0.65, 0.6, 0.55, 0.5])
    ap.add_argument("--out", type=Path, default=Path("/tmp/consilience-semantic"))
    ap.add_argument("--no-cost", action="store_true", help="skip the child-process cost runs")
    ap.add_argument("--no-dossiers", action="store_true")
    ap.add_argument("--cost-only", action="store_true", help="only the child-process cost runs")
    args = ap.parse_args(argv)
    from consilience.reconcile import semantic

    if not semantic.available():
        raise SystemExit(semantic.MISSING)
    t0 = time.perf_counter()
    semantic.load()
    load_seconds = time.perf_counter() - t0
    lemma = EV.lemmatizer()

    topics = E.topic_numbers()
    if args.topics:
        topics = [t for t in topics if t in {int(x) for x in args.topics.split(",")}]
    if args.cost_only:
        cost(args.out)
        return 0
    r = ecb(topics, args.thresholds, args.out / "ecbplus", lemma)
    print(f"\n== ECB+ {len(topics)} development topics; matched gold event mentions: odd {r['matched']['odd']}, "
          f"even {r['matched']['even']}; model loaded once in {load_seconds:.1f} s; "
          f"{len(semantic.load()._cache)} distinct claim sentences embedded")
    print(f"{'system':<18}{'part':>6}{'MUC':>8}{'B3':>8}{'CEAF-e':>8}{'CoNLL':>8}{'link P':>8}{'link R':>8}"
          f"{'phase2 s':>10}{'conflicts':>11}")
    for name in ("lemma", "rules", *args.thresholds):
        label = name if isinstance(name, str) else f"rules+emb {name:.2f}"
        for part in ("odd", "even"):
            sc = r["counts"][(name, part)].scores()
            secs = f"{r['seconds'][name]:>10.1f}{'/'.join(map(str, r['conflicts'][name])):>11}" \
                if name in r["seconds"] and part == "even" else ""
            print(f"{label:<18}{part:>6}{sc['MUC']:>8.3f}{sc['B3']:>8.3f}{sc['CEAF-e']:>8.3f}{sc['CoNLL']:>8.3f}"
                  f"{sc['link P']:>8.3f}{sc['link R']:>8.3f}{secs}")
    print("(phase2 s: resolving + reconciling summed over all topics, printed on the even row; embeddings "
          "are cached across thresholds, so only the first threshold pays for encoding. conflicts: found on all "
          "topics / splitting along the two incidents / values from one document)")
    odd = {t: r["counts"][(t, "odd")].scores() for t in args.thresholds}
    fit = [t for t in args.thresholds if odd[t]["link P"] >= MIN_LINK_PRECISION] or args.thresholds
    best = max(fit, key=lambda t: (odd[t]["CoNLL"], t))
    # precision first: the strictest threshold whose odd CoNLL is within NOISE of the best (151 mentions)
    tuned = max(t for t in fit if odd[t]["CoNLL"] >= odd[best]["CoNLL"] - NOISE)
    rules = r["counts"][("rules", "even")].scores()
    for label, t in (("best odd CoNLL", best), (f"strictest within {NOISE} of it (chosen)", tuned)):
        even = r["counts"][(t, "even")].scores()
        print(f"tuned on odd topics, {label}: threshold {t} (odd CoNLL {odd[t]['CoNLL']:.4f}, link P "
              f"{odd[t]['link P']:.3f}); held out (even): CoNLL {rules['CoNLL']:.3f} -> {even['CoNLL']:.3f}, "
              f"link P {rules['link P']:.3f} -> {even['link P']:.3f}")
    print(f"(semantic.THRESHOLD, the option's default, is {semantic.THRESHOLD})")
    if not args.no_dossiers:
        semantic.load(tuned)
        print(f"\n== dossier checks (threshold {tuned})")
        d = dossiers(args.out / "dossiers")
        print(f"{'corpus':<16}{'semantic':>9}{'facts':>10}{'conflicts':>10}{'forbidden':>10}{'faithful':>10}"
              f"{'#facts':>7}{'#confl':>7}")
        for (corpus, on), x in d.items():
            sec = x["sections"]
            cell = lambda k: f"{sec[k][0]}/{sec[k][1]}" if k in sec else "-"  # noqa: E731
            print(f"{corpus:<16}{'on' if on else 'off':>9}{cell('facts'):>10}{cell('conflicts'):>10}"
                  f"{cell('forbidden_facts'):>10}{str(x['faithful']) + '/' + str(x['facts']):>10}{x['facts']:>7}"
                  f"{x['conflicts']:>7}")
    if not args.no_cost:
        cost(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
