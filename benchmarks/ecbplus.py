"""Score entity resolution on ECB+ (../shared/bench/ecbplus), beside the same-head and exact-string
baselines on the very same mentions, in one run.

The measure is the benchmark README's:
1. each document's tokens become article text (one sentence a line; no space before , . ; : ! ? ) 's n't,
   none after ( $; split abbreviations such as "U . S ." rejoined), every token keeping its characters;
2. the real analyze pipeline (``pipeline.analyze_ingested``: phase 1 through the engine and its store,
   then phase 2) runs on each topic's documents as one corpus, with a per-topic output directory so
   that a second run reuses phase 1 and redoes only phase 2;
3. each gold entity mention (HUMAN_PART*, NON_HUMAN_PART*, LOC*, in the sentences the CSV lists as
   complete) is matched to a system mention that has an entity, overlapping it and covering the gold
   mention's head (its last word before a preposition);
4. on the matched mentions of a topic: MUC, B-cubed, CEAF-e (entity-based, optimal alignment) and
   CoNLL F1 (their mean), counts pooled over topics; cross-document link precision and recall (pairs of
   matched mentions in different documents); named-mention recall (gold mentions whose head is a name:
   capitalised and not sentence-initial, or an acronym).
Baselines on the same matched mentions: HEAD (same lower-cased head word) and EXACT (same lower-cased
mention text).

All 33 topics are development data. They are split, once and for all, by topic number: odd topics are
the tuning part (rules were looked at and adjusted on them), even topics the held-out part (only scored).
Both parts and the total are printed.

    .venv/bin/python benchmarks/ecbplus.py [--topics 1,3] [--part tune|held-out|all] [--out /tmp/ecbplus]
                                           [--workers 1] [--errors N]
"""
from __future__ import annotations

import argparse
import csv
import re
import resource
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
BENCH = ROOT / ".." / "shared" / "bench" / "ecbplus"

ENTITY_TAGS = ("HUMAN_PART", "NON_HUMAN_PART", "LOC")
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "'s", "n't", "'", "%", "'re", "'ve", "'ll", "'d", "'m",
                   "\u2019", "\u2019s", "n\u2019t"}
NO_SPACE_AFTER = {"(", "$", "["}
PREPOSITIONS = {"of", "in", "on", "at", "for", "from", "to", "with", "by", "about", "near", "into", "over",
                "under", "between", "after", "before", "during", "against", "outside", "inside", "across"}


# --------------------------------------------------------------------------- reading ECB+


@dataclass
class Token:
    tid: str
    sentence: int
    number: int
    text: str
    start: int = 0
    end: int = 0


@dataclass
class GoldMention:
    document: str
    start: int
    end: int
    text: str
    head: str
    head_start: int
    head_end: int
    entity: str
    named: bool
    headline: bool = False  # in a title-case line, where capitals do not mark names
    system: str | None = None  # entity id of the matched system mention


@dataclass
class GoldDoc:
    name: str
    text: str
    mentions: list[GoldMention] = field(default_factory=list)


def detokenize(tokens: list[Token]) -> str:
    """Article text from the tokens, one sentence a line; sets each token's start/end."""
    out: list[str] = []
    pos = 0
    prev: Token | None = None
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if prev is None:
            sep = ""
        elif tok.sentence != prev.sentence:
            sep = "\n"
        elif tokens_url(tok, tokens) or (
            (tok.text == "-" and (prev.text.islower() or prev.text[-1:].isdigit() or _next_lower(tokens, i)))
            or (prev.text == "-" and tok.start == -1)
        ):
            sep = ""  # the URL line; hyphenated words ("court - mandated" -> "court-mandated"), not dashes
            if tok.text == "-":
                _mark_joined(tokens, i)
        elif tok.text in NO_SPACE_BEFORE or tok.text.lower() in NO_SPACE_BEFORE or prev.text in NO_SPACE_AFTER:
            sep = ""
        elif (tok.text == "." and len(prev.text) == 1 and prev.text.isalpha()) or (
            len(tok.text) == 2 and tok.text[1] == "." and tok.text[0].isupper()
            and len(prev.text) == 2 and prev.text[1] == "." and prev.text[0].isupper()
        ) or (
            len(tok.text) == 1 and tok.text.isupper() and prev.text == "."
            and i >= 2 and len(tokens[i - 2].text) == 1 and tokens[i - 2].text.isupper()
        ):
            sep = ""  # "U . S ." -> "U.S."
        else:
            sep = " "
        out.append(sep)
        pos += len(sep)
        tok.start, tok.end = pos, pos + len(tok.text)
        out.append(tok.text)
        pos = tok.end
        prev = tok
        i += 1
    return "".join(out)


def _next_lower(tokens: list[Token], i: int) -> bool:
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return bool(nxt and nxt.sentence == tokens[i].sentence and (nxt.text[:1].islower() or nxt.text[:1].isdigit()))


def _mark_joined(tokens: list[Token], i: int) -> None:
    """The token after a joining hyphen is joined too (start -1 until it is placed)."""
    if i + 1 < len(tokens) and tokens[i + 1].sentence == tokens[i].sentence:
        tokens[i + 1].start = -1


def tokens_url(tok: Token, tokens: list[Token]) -> bool:
    """The token is in a sentence that is a URL (ECB+ documents open with one)."""
    return tok.sentence == tokens[0].sentence and tokens[0].text.lower() in ("http", "https", "www")


def load_complete(path: Path) -> dict[tuple[str, str], set[int]]:
    complete: dict[tuple[str, str], set[int]] = defaultdict(set)
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            complete[(row["Topic"], row["File"])].add(int(row["Sentence Number"]))
    return complete


def _is_name(tok: Token) -> bool:
    t = tok.text
    if len(t) >= 2 and sum(c.isupper() for c in t) >= 2 and t.replace(".", "").replace("-", "").isalpha() \
            and not any(c.islower() for c in t[1:2]):
        return True  # acronym
    return tok.number > 0 and t[:1].isupper()


def gold_chains(root, name: str) -> dict[str, str]:
    """Markable id -> its gold chain: the cross-document instance ("X:" + note), else the in-document chain."""
    gold_of: dict[str, str] = {}
    relations = root.find("Relations")
    for rel in relations if relations is not None else []:
        sources = [s.get("m_id") for s in rel.findall("source")]
        if rel.tag == "CROSS_DOC_COREF":
            for m in sources:
                gold_of[m] = "X:" + rel.get("note", "")
        elif rel.tag == "INTRA_DOC_COREF":
            target = rel.find("target")
            chain = f"I:{name}:{target.get('m_id') if target is not None else rel.get('r_id')}"
            for m in sources:
                gold_of.setdefault(m, chain)
    return gold_of


def load_document(path: Path, topic: str, complete: set[int]) -> GoldDoc:
    root = ET.parse(path).getroot()
    tokens = [Token(t.get("t_id"), int(t.get("sentence")), int(t.get("number")), t.text or "")
              for t in root.iter("token")]
    text = detokenize(tokens)
    by_id = {t.tid: t for t in tokens}
    markables = root.find("Markables")
    name = path.name.removesuffix(".xml")
    gold_of = gold_chains(root, name)
    doc = GoldDoc(name, text)
    for mk in markables if markables is not None else []:
        if not mk.tag.startswith(ENTITY_TAGS):
            continue
        anchors = [by_id[a.get("t_id")] for a in mk.findall("token_anchor") if a.get("t_id") in by_id]
        if not anchors:
            continue
        anchors.sort(key=lambda t: t.start)
        if anchors[0].sentence not in complete:
            continue
        words = [t for t in anchors if any(c.isalnum() for c in t.text) and t.text.lower() not in ("'s", "s")]
        words = words or anchors
        head = words[-1]
        for i, t in enumerate(words):
            if i > 0 and t.text.lower() in PREPOSITIONS:
                head = words[i - 1]
                break
        m_id = mk.get("m_id")
        word = re.sub(r"(?:['\u2019]s?|[.,;:]+)$", "", head.text) or head.text  # "Saints'" -> "Saints"
        doc.mentions.append(GoldMention(
            name, anchors[0].start, anchors[-1].end, text[anchors[0].start:anchors[-1].end], word.lower(),
            head.start, head.start + len(word), gold_of.get(m_id, f"S:{name}:{m_id}"), _is_name(head),
            _title_case(text, head.start)))
    return doc


def _title_case(text: str, pos: int) -> bool:
    """The line holding ``pos`` is written in title case or capitals (as resolution decides it)."""
    from consilience.analyze.spans import headline_at

    return headline_at(text, pos)


_WORD_AT = re.compile(r"[A-Za-z][\w'\u2019.\-]*")


def names_outside_headlines(docs: list[GoldDoc]):
    """A judge of whether a gold mention is a name. Outside title-case lines, a capitalised head is
    (``_is_name``). In a title-case headline capitals mark nothing ("Teen", "Rehab", "She" are capitalised
    there), so a headline head counts as a name only where the topic's other lines write the word with a
    capital inside a sentence and never in lower case. Printed beside the plain capitalisation count."""
    from consilience.analyze.spans import headline_line

    capital: set[str] = set()
    lower: set[str] = set()
    for d in docs:
        for line in d.text.split("\n"):
            if headline_line(line):
                continue
            for m in _WORD_AT.finditer(line):
                w = re.sub(r"(?:['\u2019]s?|\.)$", "", m.group())
                before = line[:m.start()].rstrip()
                if w[:1].islower():
                    lower.add(w.lower())
                elif before and before[-1] not in ".!?:\"'\u201c\u2018`(-\u2013\u2014":
                    capital.add(w.lower())

    def proper(g: GoldMention) -> bool:
        if not g.named:
            return False
        if not g.headline:
            return True
        w = g.head.lower()
        return w in capital and w not in lower
    return proper


def topic_numbers() -> list[int]:
    return sorted(int(p.name) for p in (BENCH / "topics").iterdir() if p.is_dir() and p.name.isdigit())


def load_topic(topic: int, complete: dict) -> list[GoldDoc]:
    docs = []
    for path in sorted((BENCH / "topics" / str(topic)).glob("*.xml")):
        short = path.name.removesuffix(".xml").split("_", 1)[1]
        docs.append(load_document(path, str(topic), complete.get((str(topic), short), set())))
    return docs


# --------------------------------------------------------------------------- running the pipeline


def run_topic(topic: int, docs: list[GoldDoc], out: Path, workers: int, semantic: bool = False):
    from consilience.model import Document
    from consilience.pipeline import analyze_ingested
    from consilience.settings import Settings

    documents = [Document(id=d.name, path=f"ecbplus/{topic}/{d.name}.txt", text=d.text, title=None,
                          language="en") for d in docs]
    settings = Settings(progress=False, workers=workers, semantic=semantic)
    out.mkdir(parents=True, exist_ok=True)
    corpus = analyze_ingested(documents, [], settings, out_dir=out, inputs=[f"ecbplus/{topic}"])
    return corpus


def match(docs: list[GoldDoc], corpus) -> None:
    """Set GoldMention.system: the entity of a system mention overlapping it and covering its head."""
    by_doc: dict[str, list] = defaultdict(list)
    for analysis in corpus.analyses:
        for m in analysis.mentions:
            if m.entity is not None:
                by_doc[analysis.document].append(m)
    for doc in docs:
        cands = by_doc.get(doc.name, [])
        for g in doc.mentions:
            best = None
            for m in cands:
                if m.start < g.end and g.start < m.end and m.start <= g.head_start and m.end >= g.head_end:
                    if best is None or (m.end - m.start) < (best.end - best.start):
                        best = m
            g.system = best.entity if best is not None else None


# --------------------------------------------------------------------------- scores


@dataclass
class Counts:
    muc: list = field(default_factory=lambda: [0, 0, 0, 0])  # recall num, den, precision num, den
    b3: list = field(default_factory=lambda: [0.0, 0.0, 0.0, 0.0])
    ceaf: list = field(default_factory=lambda: [0.0, 0, 0.0, 0])
    links: list = field(default_factory=lambda: [0, 0, 0])  # true, system, gold cross-document links

    def add(self, other: "Counts") -> None:
        for name in ("muc", "b3", "ceaf", "links"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for i, v in enumerate(theirs):
                mine[i] += v

    @staticmethod
    def _f(rn, rd, pn, pd) -> tuple[float, float, float]:
        r = rn / rd if rd else 0.0
        p = pn / pd if pd else 0.0
        return r, p, (2 * p * r / (p + r) if p + r else 0.0)

    def scores(self) -> dict[str, float]:
        muc = self._f(*self.muc)
        b3 = self._f(*self.b3)
        ceaf = self._f(*self.ceaf)
        t, s, g = self.links
        return {"MUC": muc[2], "B3": b3[2], "CEAF-e": ceaf[2], "CoNLL": (muc[2] + b3[2] + ceaf[2]) / 3,
                "link P": t / s if s else 0.0, "link R": t / g if g else 0.0}


def _clusters(items: list[tuple[int, str]]) -> list[set[int]]:
    groups: dict[str, set[int]] = defaultdict(set)
    for i, label in items:
        groups[label].add(i)
    return list(groups.values())


def _muc(key: list[set[int]], resp: list[set[int]]) -> tuple[int, int]:
    where = {m: j for j, r in enumerate(resp) for m in r}
    num = den = 0
    for k in key:
        parts = {where.get(m, ("alone", m)) for m in k}
        num += len(k) - len(parts)
        den += len(k) - 1
    return num, den


def _ceaf(key: list[set[int]], resp: list[set[int]]) -> float:
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    if not key or not resp:
        return 0.0
    sim = np.zeros((len(key), len(resp)))
    where = {m: j for j, r in enumerate(resp) for m in r}
    for i, k in enumerate(key):
        for m in k:
            j = where.get(m)
            if j is not None:
                sim[i, j] += 1
        for j in np.nonzero(sim[i])[0]:
            sim[i, j] = 2 * sim[i, j] / (len(k) + len(resp[j]))
    rows, cols = linear_sum_assignment(-sim)
    return float(sim[rows, cols].sum())


def score(mentions: list[GoldMention], system: list[str]) -> Counts:
    c = Counts()
    if not mentions:
        return c
    key = _clusters([(i, m.entity) for i, m in enumerate(mentions)])
    resp = _clusters(list(enumerate(system)))
    rn, rd = _muc(key, resp)
    pn, pd = _muc(resp, key)
    c.muc = [rn, rd, pn, pd]
    kof = {m: j for j, k in enumerate(key) for m in k}
    rof = {m: j for j, r in enumerate(resp) for m in r}
    b3r = b3p = 0.0
    for i in range(len(mentions)):
        k, r = key[kof[i]], resp[rof[i]]
        inter = len(k & r)
        b3r += inter / len(k)
        b3p += inter / len(r)
    c.b3 = [b3r, len(mentions), b3p, len(mentions)]
    sim = _ceaf(key, resp)
    c.ceaf = [sim, len(key), sim, len(resp)]
    true = sys_links = gold_links = 0
    for i, j in combinations(range(len(mentions)), 2):
        if mentions[i].document == mentions[j].document:
            continue
        g = mentions[i].entity == mentions[j].entity
        s = system[i] == system[j]
        gold_links += g
        sys_links += s
        true += g and s
    c.links = [true, sys_links, gold_links]
    return c


# --------------------------------------------------------------------------- main


@dataclass
class Part:
    name: str
    system: Counts = field(default_factory=Counts)
    head: Counts = field(default_factory=Counts)
    exact: Counts = field(default_factory=Counts)
    named: list = field(default_factory=lambda: [0, 0])
    named_body: list = field(default_factory=lambda: [0, 0])  # outside title-case lines
    named_proper: list = field(default_factory=lambda: [0, 0])  # headline heads only if written as names elsewhere
    matched: list = field(default_factory=lambda: [0, 0])
    documents: int = 0


def print_part(part: Part) -> None:
    print(f"\n== {part.name}: {part.documents} documents, {part.matched[0]} of {part.matched[1]} gold entity "
          f"mentions matched; named-mention recall {part.named[0] / max(1, part.named[1]):.3f} "
          f"({part.named[0]}/{part.named[1]}); outside title-case headlines "
          f"{part.named_body[0] / max(1, part.named_body[1]):.3f} ({part.named_body[0]}/{part.named_body[1]}); "
          f"names only (a headline word counts when the topic writes it as a name elsewhere) "
          f"{part.named_proper[0] / max(1, part.named_proper[1]):.3f} ({part.named_proper[0]}/{part.named_proper[1]})")
    print(f"{'':<12}{'MUC':>8}{'B3':>8}{'CEAF-e':>8}{'CoNLL':>8}{'link P':>8}{'link R':>8}")
    for label, counts in (("consilience", part.system), ("HEAD", part.head), ("EXACT", part.exact)):
        s = counts.scores()
        print(f"{label:<12}{s['MUC']:>8.3f}{s['B3']:>8.3f}{s['CEAF-e']:>8.3f}{s['CoNLL']:>8.3f}"
              f"{s['link P']:>8.3f}{s['link R']:>8.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--topics", help="comma-separated topic numbers (default: all of --part)")
    ap.add_argument("--part", choices=("tune", "held-out", "all"), default="all",
                    help="tune: odd topic numbers; held-out: even; all: both")
    ap.add_argument("--out", default="/tmp/ecbplus", help="per-topic output directories (phase 1 reused)")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--errors", type=int, default=0, help="print up to N wrong links per kind per topic")
    args = ap.parse_args(argv)
    complete = load_complete(BENCH / "ECBplus_coreference_sentences.csv")
    topics = topic_numbers()
    if args.topics:
        wanted = {int(t) for t in args.topics.split(",")}
        topics = [t for t in topics if t in wanted]
    elif args.part != "all":
        topics = [t for t in topics if (t % 2 == 1) == (args.part == "tune")]
    parts = {"tune": Part("tuning part (odd topics)"), "held-out": Part("held-out part (even topics)")}
    total = Part("total")
    print(f"{'topic':>5} {'docs':>5} {'gold':>5} {'match':>6} {'CoNLL':>6} {'HEAD':>6} {'seconds':>8} {'peak MB':>8}")
    for topic in topics:
        docs = load_topic(topic, complete)
        t0 = time.perf_counter()
        corpus = run_topic(topic, docs, Path(args.out) / str(topic), args.workers)
        seconds = time.perf_counter() - t0
        peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                   resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        match(docs, corpus)
        proper = names_outside_headlines(docs)
        gold = [g for d in docs for g in d.mentions]
        matched = [g for g in gold if g.system is not None]
        sys_c = score(matched, [g.system for g in matched])
        head_c = score(matched, [g.head for g in matched])
        exact_c = score(matched, [g.text.lower() for g in matched])
        part = parts["tune" if topic % 2 else "held-out"]
        for p in (part, total):
            p.system.add(sys_c)
            p.head.add(head_c)
            p.exact.add(exact_c)
            p.named[0] += sum(1 for g in matched if g.named)
            p.named[1] += sum(1 for g in gold if g.named)
            p.named_body[0] += sum(1 for g in matched if g.named and not g.headline)
            p.named_body[1] += sum(1 for g in gold if g.named and not g.headline)
            p.named_proper[0] += sum(1 for g in matched if proper(g))
            p.named_proper[1] += sum(1 for g in gold if proper(g))
            p.matched[0] += len(matched)
            p.matched[1] += len(gold)
            p.documents += len(docs)
        print(f"{topic:>5} {len(docs):>5} {len(gold):>5} {len(matched):>6} {sys_c.scores()['CoNLL']:>6.3f} "
              f"{head_c.scores()['CoNLL']:>6.3f} {seconds:>8.1f} {peak:>8.0f}", flush=True)
        if args.errors:
            show_errors(matched, args.errors, {e.id: e.name for e in corpus.entities})
    for p in (parts["tune"], parts["held-out"], total):
        if p.documents:
            print_part(p)
    print("\npeak MB: the process's (or a phase-1 worker's) resident high-water mark so far")
    return 0


def show_errors(matched: list[GoldMention], n: int, names: dict[str, str]) -> None:
    """Cross-document pairs wrongly apart / wrongly together, by their texts (for looking, not scoring)."""
    apart: Counter = Counter()
    together: Counter = Counter()
    for a, b in combinations(matched, 2):
        if a.document == b.document:
            continue
        g, s = a.entity == b.entity, a.system == b.system
        pair = tuple(sorted((f"{a.text} [{names.get(a.system)}]", f"{b.text} [{names.get(b.system)}]")))
        if g and not s:
            apart[pair] += 1
        elif s and not g:
            together[pair] += 1
    for label, c in (("apart", apart), ("together", together)):
        for (x, y), k in c.most_common(n):
            print(f"    {label:<8} {k:>4}  {x} | {y}")


if __name__ == "__main__":
    sys.exit(main())
