"""Phase 2 (entity resolution + reconcile) on synthetic corpora of growing size: time and peak memory.

The corpus is built from records at run time (no spaCy): invented names from syllables, one
story per ten documents, each document four sentences with their mentions, claims (a killing
with date and place, a toll with a count, a role, a statement), a descriptor and a quote; every
tenth document dates the killing a day later (a conflict), every fiftieth copies another.
The number of stories, people and outlets grows with the corpus, as in real collections.

For each size it prints the median wall and CPU time over --repeats runs, the peak traced memory
(tracemalloc, a separate run so it does not slow the timed ones), claims per CPU second, and the
CPU time per document relative to the smallest size (about 1.0 means linear growth).

    .venv/bin/python benchmarks/reconcile.py                      # 1000, 10000, 100000 documents
    .venv/bin/python benchmarks/reconcile.py --sizes 1000 10000   # quick run
    .venv/bin/python benchmarks/reconcile.py --no-resolve         # reconcile alone
    .venv/bin/python benchmarks/reconcile.py --claims-cost        # phase 1: claims vs the spaCy parse
"""
from __future__ import annotations

import argparse
import gc
import statistics
import time
import tracemalloc

from consilience.model import Claim, DocAnalysis, Descriptor, Document, Mention, Quote, TimeExpr
from consilience.store import Analyses

SYLLABLES = ["ka", "ro", "mi", "lu", "sen", "dar", "vo", "tel", "an", "bri", "cos", "fen", "gal", "hu", "ist",
             "jor", "kel", "lam", "nor", "pet", "quin", "ras", "sul", "tav", "ur", "vel", "wen", "yar", "zo", "bel"]


def _name(k: int, parts: int = 2) -> str:
    """A distinct invented name for every k below 30**4 (base-30 syllables, capitalised)."""
    digits = [(k // 30 ** p) % 30 for p in range(4)]
    first = (SYLLABLES[digits[0]] + SYLLABLES[digits[1]]).capitalize()
    last = (SYLLABLES[digits[2]] + SYLLABLES[digits[3]] + "s").capitalize()
    return first + " " + last if parts == 2 else first + last.lower()


class _Doc:
    """Builds one document's text piece by piece, recording mention offsets as it goes."""

    def __init__(self, doc_id: str):
        self.id = doc_id
        self.text = ""
        self.mentions: list[Mention] = []

    def add(self, piece: str, label: str | None = None) -> Mention | None:
        start = len(self.text)
        self.text += piece
        if label is None:
            return None
        m = Mention(id=f"{self.id}:m{len(self.mentions)}", document=self.id, start=start, end=len(self.text),
                    text=piece, label=label)
        self.mentions.append(m)
        return m


def build_corpus(n: int) -> tuple[list[Document], list[DocAnalysis]]:
    stories = max(1, n // 10)
    outlets = max(5, n // 200)
    documents, analyses = [], []
    for i in range(n):
        s = i % stories
        doc_id = f"d{i:06d}"
        victim, speaker, org, place = _name(3 * s), _name(3 * s + 1), _name(3 * s + 2, 1) + " Brigade", \
            _name(s + 7, 1) + "ville"
        day = 1 + s % 28
        date = f"2030-{1 + s % 12:02d}-{day:02d}"
        if (i // stories) % 10 == 9:  # one source in ten dates it a day later
            date = f"2030-{1 + s % 12:02d}-{day + 1:02d}"
        toll = 10 + s % 90
        d = _Doc(doc_id)
        s0 = len(d.text)
        mv = d.add(victim, "PERSON")
        d.add(" was killed in ")
        mp = d.add(place, "GPE")
        d.add(" on ")
        t0 = len(d.text)
        d.add(date)
        t1 = len(d.text)
        d.add(". ")
        e0 = len(d.text)
        s1 = len(d.text)
        d.add(f"{toll} members of the ")
        mo = d.add(org, "ORG")
        d.add(" were killed in the attack. ")
        e1 = len(d.text)
        s2 = len(d.text)
        ms = d.add(speaker, "PERSON")
        d.add(", the commander of the ")
        mo2 = d.add(org, "ORG")
        d.add(", said: ")
        q0 = len(d.text)
        d.add("\u201cThe attack was brutal and the regime will pay.\u201d ")
        q1 = len(d.text)
        e2 = len(d.text)
        s3 = len(d.text)
        mv2 = d.add(victim.split()[-1], "PERSON")
        d.add(" was a " + ("terrorist" if i % 3 else "hero") + ".")
        e3 = len(d.text)
        text = d.text
        claims = [
            Claim(id=f"{doc_id}:c0", document=doc_id, start=s0, end=e0, text=text[s0:e0], predicate="kill",
                  objects=[mv.id], time=date, time_text=date, place=mp.id, trigger="killed"),
            Claim(id=f"{doc_id}:c1", document=doc_id, start=s1, end=e1, text=text[s1:e1], predicate="kill",
                  objects=[mo.id], quantity=float(toll), quantity_unit="member", quantity_text=f"{toll} members"),
            Claim(id=f"{doc_id}:c2", document=doc_id, start=s2, end=e2, text=text[s2:e2], predicate="role",
                  subject=ms.id, objects=[mo2.id], role="commander"),
            Claim(id=f"{doc_id}:c3", document=doc_id, start=s2, end=e2, text=text[s2:e2], predicate="statement",
                  subject=ms.id),
        ]
        analysis = DocAnalysis(
            document=doc_id,
            mentions=d.mentions,
            times=[TimeExpr(document=doc_id, start=t0, end=t1, text=date, type="DATE", value=date, anchor="explicit")],
            quotes=[Quote(document=doc_id, start=q0, end=q1, text=text[q0:q1], kind="direct", cue="said",
                          speaker=speaker, speaker_start=ms.start, speaker_end=ms.end, speaker_mention=ms.id)],
            descriptors=[Descriptor(document=doc_id, start=mv2.end + 5, end=e3 - 1, text=text[mv2.end + 5:e3 - 1],
                                    target_start=mv2.start, target_end=mv2.end, target_text=mv2.text,
                                    kind="predicate", target_mention=mv2.id)],
            claims=claims,
        )
        documents.append(Document(id=doc_id, path=f"{doc_id}.txt", text=text, outlet=f"Outlet {i % outlets}",
                                  published=date, published_basis="metadata",
                                  duplicate_of=f"d{i - 1:06d}" if i % 50 == 49 else None))
        analyses.append(analysis)
    return documents, analyses


def run_phase2(documents, analyses: Analyses, resolve: bool):
    from consilience.reconcile import reconcile

    entities = []
    if resolve:
        from consilience.resolve import resolve_entities

        entities = resolve_entities(documents, analyses)
    return entities, reconcile(documents, analyses, entities)


def measure(n: int, repeats: int, resolve: bool) -> dict:
    times, cpu = [], []
    for _ in range(repeats):
        documents, analyses = build_corpus(n)
        analyses = Analyses.from_records(analyses)  # phase 2 reads phase 1's records from the store
        gc.collect()
        t0, c0 = time.perf_counter(), time.process_time()
        entities, (_, facts, conflicts, sources) = run_phase2(documents, analyses, resolve)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    documents, records = build_corpus(n)
    claims = sum(len(a.claims) for a in records)
    analyses = Analyses.from_records(records)
    del records
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    run_phase2(documents, analyses, resolve)
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return {"docs": n, "claims": claims, "seconds": statistics.median(times), "cpu": statistics.median(cpu),
            "peak_mb": peak / 2**20,
            "entities": len(entities), "facts": len(facts), "conflicts": len(conflicts), "sources": len(sources)}


def claims_cost(repeats: int) -> None:
    """Phase-1 cost of claim extraction beside the spaCy parse it reads, on the texts at hand (needs spaCy)."""
    from pathlib import Path

    from consilience.analyze.claims import extract_claims
    from consilience.analyze.document import analyze_parsed
    from consilience.analyze.nlp import load_model

    root = Path(__file__).resolve().parents[1]
    paths = sorted((root / ".." / "shared" / "corpora").glob("*/*.txt")) + sorted((root / "examples" / "corpus").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if not texts:
        print("no texts found for --claims-cost")
        return
    nlp = load_model(None)
    parse, claims = [], []
    for _ in range(repeats):
        c0 = time.process_time()
        docs = list(nlp.pipe(texts))
        parse.append(time.process_time() - c0)
        records = []
        for i, (text, doc) in enumerate(zip(texts, docs)):
            document = Document(id=str(i), path=str(i), text=text)
            records.append((doc, document, analyze_parsed(doc, document)))
        c0 = time.process_time()
        for doc, document, analysis in records:
            extract_claims(doc, document, analysis)
        claims.append(time.process_time() - c0)
    p, c = statistics.median(parse), statistics.median(claims)
    print(f"claims cost: {len(texts)} texts; spaCy parse {p:.2f} CPU s, extract_claims {c:.3f} CPU s "
          f"(median of {repeats}); claims/parse = {c / p:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--repeats", type=int, default=3, help="timed runs per size (median reported)")
    parser.add_argument("--no-resolve", action="store_true", help="time reconcile alone, without entity resolution")
    parser.add_argument("--claims-cost", action="store_true",
                        help="instead: CPU of claim extraction relative to the spaCy parse (phase 1, needs spaCy)")
    args = parser.parse_args()
    if args.claims_cost:
        claims_cost(args.repeats)
        return
    resolve = not args.no_resolve
    print(f"phase 2 = {'resolve_entities + ' if resolve else ''}reconcile; median of {args.repeats} runs; "
          "peak memory from a separate tracemalloc run")
    print("wall = elapsed seconds; cpu = this process's CPU seconds (steadier on a shared machine); "
          "'vs first' = CPU per document relative to the first size (1.0 = linear)")
    print(f"{'docs':>8} {'claims':>8} {'wall s':>8} {'cpu s':>8} {'claims/s':>9} {'peak MB':>8} {'cpu ms/doc':>10} "
          f"{'vs first':>8} {'entities':>8} {'facts':>7} {'conflicts':>9}")
    first = None
    for n in args.sizes:
        r = measure(n, args.repeats if n <= 20000 else max(1, args.repeats - 2), resolve)
        per_doc = r["cpu"] / n
        first = first or per_doc
        print(f"{n:>8} {r['claims']:>8} {r['seconds']:>8.2f} {r['cpu']:>8.2f} {r['claims'] / r['cpu']:>9.0f} "
              f"{r['peak_mb']:>8.1f} {1000 * per_doc:>10.3f} {per_doc / first:>8.2f} {r['entities']:>8} "
              f"{r['facts']:>7} {r['conflicts']:>9}", flush=True)


if __name__ == "__main__":
    main()
