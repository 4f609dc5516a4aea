"""Error analysis of entity resolution on the ECB+ tuning part (odd topics only: the held-out part is
never looked at). For each tuning topic, after the same run as ``benchmarks/ecbplus.py`` (phase 1 reused
from ``--out``):

- SPLIT: gold clusters spanning two documents or more that the system split, with each piece's system
  entity (name/type) and the gold mentions' texts as ``gold text<system mention text|spaCy label>``;
- MERGE: system entities holding mentions of several gold clusters.

    .venv/bin/python benchmarks/ecbplus_errors.py [--out /tmp/ecbplus] [--topics 1,5] [--kind split|merge|both]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ecbplus as E  # noqa: E402


def _system_mention(g, mentions):
    """(label, text) of the smallest system mention with an entity that matched the gold mention."""
    best = None
    for m in mentions:
        if m.entity and m.start < g.end and g.start < m.end and m.start <= g.head_start and m.end >= g.head_end:
            if best is None or m.end - m.start < best.end - best.start:
                best = m
    return (best.label, best.text) if best else ("-", "-")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="/tmp/ecbplus")
    ap.add_argument("--topics", help="comma-separated odd topic numbers (default: every tuning topic)")
    ap.add_argument("--kind", default="both", choices=("split", "merge", "both"))
    args = ap.parse_args(argv)
    complete = E.load_complete(E.BENCH / "ECBplus_coreference_sentences.csv")
    topics = [t for t in E.topic_numbers() if t % 2 == 1]
    if args.topics:
        wanted = {int(x) for x in args.topics.split(",")}
        if any(t % 2 == 0 for t in wanted):
            ap.error("tuning topics only (odd numbers): the held-out part is scored, never looked at")
        topics = [t for t in topics if t in wanted]
    for topic in topics:
        docs = E.load_topic(topic, complete)
        corpus = E.run_topic(topic, docs, Path(args.out) / str(topic), 1)
        E.match(docs, corpus)
        ents = {e.id: e for e in corpus.entities}
        mentions = {a.document: a.mentions for a in corpus.analyses}
        matched = [g for d in docs for g in d.mentions if g.system]
        print(f"==== topic {topic}")
        if args.kind in ("split", "both"):
            by_gold = defaultdict(list)
            for g in matched:
                by_gold[g.entity].append(g)
            for gid, gs in by_gold.items():
                pieces = Counter(g.system for g in gs)
                if len(pieces) < 2 or len({g.document for g in gs}) < 2:
                    continue
                print(f"  SPLIT gold {gid[:40]} ({len(gs)} mentions, {len(pieces)} system entities)")
                for sid, n in pieces.most_common():
                    e = ents.get(sid)
                    texts = Counter()
                    for g in gs:
                        if g.system == sid:
                            label, text = _system_mention(g, mentions.get(g.document, []))
                            texts[f"{g.text}<{text}|{label}>"] += 1
                    print(f"    {n:>4} -> [{e.name if e else sid}/{e.type if e else '?'}] "
                          + "; ".join(f"{t} x{c}" for t, c in texts.most_common(6)))
        if args.kind in ("merge", "both"):
            by_system = defaultdict(list)
            for g in matched:
                by_system[g.system].append(g)
            for sid, gs in by_system.items():
                golds = Counter(g.entity for g in gs)
                if len(golds) < 2:
                    continue
                e = ents.get(sid)
                print(f"  MERGE system [{e.name if e else sid}/{e.type if e else '?'}] holds {len(golds)} gold clusters")
                for gid, n in golds.most_common():
                    texts = Counter(g.text for g in gs if g.entity == gid)
                    print(f"    {n:>4} {gid[:40]}: " + "; ".join(f"{t} x{c}" for t, c in texts.most_common(5)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
