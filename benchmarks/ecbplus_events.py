"""Event grouping on ECB+ (../shared/bench/ecbplus) as cross-document event coreference, and every
conflict found there set beside the two incidents of its topic.

The measure:
1. documents become article text and run through the real pipeline per topic exactly as in
   ``benchmarks/ecbplus.py`` (its loading, detokenising and running code is imported, not copied);
2. gold event mentions are the ``ACTION_*`` markables (``NEG_ACTION_*`` too) in the sentences the CSV
   lists as complete; their gold event is the ``CROSS_DOC_COREF`` instance, else the intra-document
   chain, else the mention itself;
3. a gold event mention is matched to a claim whose trigger (``trigger_start``/``trigger_end``)
   overlaps it; the system's event is the fact holding that claim (a claim in no fact is a singleton);
4. on the matched mentions of a topic: MUC, B-cubed, CEAF-e and CoNLL F1 (pooled over topics), beside
   the same-lemma baseline on the very same mentions (mentions whose trigger has one lemma are one event:
   the standard strong baseline of this benchmark).
Then every conflict of every topic is printed with, for each value, its documents and their incident
(``A`` = ``*ecb.xml``, ``B`` = ``*ecbplus.xml``: each topic holds two different incidents of one kind).
A conflict whose values split exactly along the two incidents, or whose values come from one document,
is counted and flagged: those are never real disagreements.

    .venv/bin/python benchmarks/ecbplus_events.py [--topics 1,3] [--out /tmp/ecbplus-events] [--workers 1]
"""
from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import ecbplus as E  # noqa: E402  (the entity benchmark: loading, detokenising, running, scoring)

EVENT_TAGS = ("ACTION", "NEG_ACTION")


@dataclass
class EventMention:
    document: str
    start: int
    end: int
    text: str
    event: str


def load_events(path: Path, complete: set[int]) -> list[EventMention]:
    """The gold event mentions of one document, with offsets into the text ``E.detokenize`` makes."""
    root = ET.parse(path).getroot()
    tokens = [E.Token(t.get("t_id"), int(t.get("sentence")), int(t.get("number")), t.text or "")
              for t in root.iter("token")]
    text = E.detokenize(tokens)
    by_id = {t.tid: t for t in tokens}
    name = path.name.removesuffix(".xml")
    gold_of = E.gold_chains(root, name)
    out = []
    markables = root.find("Markables")
    for mk in markables if markables is not None else []:
        if not mk.tag.startswith(EVENT_TAGS):
            continue
        anchors = sorted((by_id[a.get("t_id")] for a in mk.findall("token_anchor") if a.get("t_id") in by_id),
                         key=lambda t: t.start)
        if not anchors or anchors[0].sentence not in complete:
            continue
        m_id = mk.get("m_id")
        out.append(EventMention(name, anchors[0].start, anchors[-1].end, text[anchors[0].start:anchors[-1].end],
                                gold_of.get(m_id, f"S:{name}:{m_id}")))
    return out


def incident(doc_id: str) -> str:
    return "B" if doc_id.endswith("ecbplus") else "A"


def match(events: list[EventMention], corpus) -> list[tuple[EventMention, object]]:
    """(gold mention, claim) for each gold mention a claim's trigger overlaps."""
    by_doc: dict[str, list] = {}
    for c in corpus.claims:
        if c.trigger_start is not None:
            by_doc.setdefault(c.document, []).append(c)
    out = []
    for g in events:
        claim = next((c for c in by_doc.get(g.document, []) if c.trigger_start < g.end and g.start < c.trigger_end),
                     None)
        if claim is not None:
            out.append((g, claim))
    return out


def _as_gold(pairs) -> list:
    return [E.GoldMention(g.document, g.start, g.end, g.text, g.text.lower(), g.start, g.end, g.event, False)
            for g, _ in pairs]


def conflict_report(topic: int, corpus) -> tuple[int, int, int]:
    """Print every conflict with the incidents of its documents; (conflicts, split along incidents, one document)."""
    n = split = single = 0
    for x in corpus.conflicts:
        n += 1
        groups = [{incident(d) for d in v.documents} for v in x.values]
        docs = [set(v.documents) for v in x.values]
        along = len(groups) >= 2 and all(len(g) == 1 for g in groups) and len(set().union(*groups)) == 2 \
            and not any(groups[0] == g for g in groups[1:]) if groups else False
        one_doc = len(set().union(*docs)) == 1 or any(docs[i] & docs[j] for i in range(len(docs))
                                                       for j in range(i + 1, len(docs)))
        split += along
        single += one_doc
        flag = " SPLITS ALONG THE INCIDENTS" if along else ""
        flag += " VALUES FROM ONE DOCUMENT" if one_doc else ""
        print(f"  topic {topic} conflict {x.id} [{x.slot}] {x.about}{flag}")
        for v in x.values:
            print(f"      {v.value}: " + ", ".join(f"{d} ({incident(d)})" for d in v.documents))
        print(f"      explanation: {x.explanation}")
    return n, split, single


def lemmatizer():
    """A word's lower-cased lemma by the project's spaCy model, cached (the same-lemma baseline's key)."""
    from consilience.analyze.nlp import load_model

    nlp = load_model()
    lemma_of: dict[str, str] = {}

    def lemma(word: str) -> str:
        if word not in lemma_of:
            doc = nlp(word)
            lemma_of[word] = (doc[0].lemma_ if len(doc) else word).lower()
        return lemma_of[word]
    return lemma


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--topics", help="comma-separated topic numbers (default: all 33 development topics)")
    ap.add_argument("--out", default="/tmp/ecbplus-events", help="per-topic output directories (phase 1 reused)")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args(argv)
    lemma = lemmatizer()
    complete = E.load_complete(E.BENCH / "ECBplus_coreference_sentences.csv")
    topics = E.topic_numbers()
    if args.topics:
        wanted = {int(t) for t in args.topics.split(",")}
        topics = [t for t in topics if t in wanted]
    system, baseline = E.Counts(), E.Counts()
    gold_total = matched_total = 0
    conflicts = splits = singles = 0
    print(f"{'topic':>5} {'docs':>5} {'events':>6} {'match':>6} {'CoNLL':>6} {'LEMMA':>6} {'conflicts':>9}")
    for topic in topics:
        docs = E.load_topic(topic, complete)
        paths = sorted((E.BENCH / "topics" / str(topic)).glob("*.xml"))
        events = []
        for path in paths:
            short = path.name.removesuffix(".xml").split("_", 1)[1]
            events.extend(load_events(path, complete.get((str(topic), short), set())))
        corpus = E.run_topic(topic, docs, Path(args.out) / str(topic), args.workers)
        pairs = match(events, corpus)
        fact_of = {cid: f.id for f in corpus.facts for cid in f.claims}
        gold = _as_gold(pairs)
        s = E.score(gold, [fact_of.get(c.id, "c:" + c.id) for _, c in pairs])
        b = E.score(gold, [lemma(c.trigger or "") for _, c in pairs])
        system.add(s)
        baseline.add(b)
        gold_total += len(events)
        matched_total += len(pairs)
        n, sp, si = conflict_report(topic, corpus)
        conflicts, splits, singles = conflicts + n, splits + sp, singles + si
        print(f"{topic:>5} {len(docs):>5} {len(events):>6} {len(pairs):>6} {s.scores()['CoNLL']:>6.3f} "
              f"{b.scores()['CoNLL']:>6.3f} {n:>9}", flush=True)
    print(f"\n== {len(topics)} topics: {matched_total} of {gold_total} gold event mentions matched to a claim trigger")
    print(f"{'':<12}{'MUC':>8}{'B3':>8}{'CEAF-e':>8}{'CoNLL':>8}{'link P':>8}{'link R':>8}")
    for label, counts in (("consilience", system), ("same-lemma", baseline)):
        sc = counts.scores()
        print(f"{label:<12}{sc['MUC']:>8.3f}{sc['B3']:>8.3f}{sc['CEAF-e']:>8.3f}{sc['CoNLL']:>8.3f}"
              f"{sc['link P']:>8.3f}{sc['link R']:>8.3f}")
    print(f"conflicts: {conflicts}; splitting along the two incidents: {splits}; values from one document: {singles}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
