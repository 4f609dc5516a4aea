"""Publication dates inferred from the corpus: an undated article is dated like its closest dated neighbour.

A pile of articles about one story is written over a few days. When a document states no date of
its own (or only a year or month, e.g. from a copyright line), the documents most similar to it that
have a day-precise date of their own are the best witnesses of when it was written. Of the witnesses
nearly as close as the closest, the latest date is taken: an article can follow the reports it
resembles, but cannot report what had not happened yet. The result is marked
``published_basis = "inferred"`` with a note naming the witness, so that later stages (weekdays
resolved against it, conflicts explained by it) and the reader know it is an estimate.

Similarity is TF-IDF cosine over content words, candidates found through an inverted index of each undated
document's most distinctive words and then scored on their whole text, so cost stays about linear
in the corpus and memory follows the undated documents.
Hand-written: a dozen lines of TF-IDF beat pulling scikit-learn in for one score.
"""
from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from datetime import date

from .. import timexvalue as T
from ..model import Document
from .published import latest_day_reported_past

MIN_SIMILARITY = 0.2  # below this cosine, no neighbour is close enough to lend its date
NEAR_BEST = 0.8  # neighbours within this fraction of the best score are all witnesses
DAY_PRECISE = 10  # timexvalue.precision of a day ("2020-01-03")
WITNESS_BASES = ("metadata", "dateline", "content")  # dates a document states itself
MAX_SHARED_DF = 0.5  # words in more than half of a large corpus carry no signal
QUERY_WORDS = 30  # an undated document is looked up by its most distinctive words ...
CANDIDATES = 20  # ... and the best-matching witnesses are then scored on their whole text
_WORD = re.compile(r"[^\W\d_]{4,}")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def complete_years(documents: list[Document]) -> None:
    """A dateline without a year ("ORVIK, Jan 8 (Agency) -", kept as "XXXX-01-08"): the year that puts the
    day closest to the corpus's own dated documents; unknown (None) when the corpus has none."""
    dated = sorted({T.first_day(d.published) for d in documents if _is_witness(d)})
    for doc in documents:
        month_day = T.unknown_year_day(doc.published)  # "XXXX-01-08"
        if month_day is None:
            continue
        month, day = month_day
        best = None
        for year in sorted({w.year + k for w in dated for k in (-1, 0, 1)}):
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            gap = min(abs((candidate - w).days) for w in dated)
            if best is None or gap < best[0]:
                best = (gap, candidate)
        if best is None or best[0] > MAX_YEAR_GAP_DAYS:
            doc.notes.append(f"published: the dateline gives {month:02d}-{day:02d} without a year and no dated "
                             "document of the corpus is near enough to lend one")
            doc.published, doc.published_basis = None, None
            continue
        doc.published = best[1].isoformat()
        doc.notes.append(f"published: year of the dateline taken from the corpus's dated documents "
                         f"({best[0]} days from the nearest)")


MAX_YEAR_GAP_DAYS = 92  # a story's documents lie within weeks of each other: a quarter away, the year is a guess


def infer_from_neighbours(documents: list[Document]) -> None:
    """Date, in place, the documents with no date (or a coarse one) after their most similar dated neighbours."""
    witnesses = [d for d in documents if _is_witness(d)]
    targets = [d for d in documents if _needs_date(d)]
    if not witnesses or not targets:
        return
    idf = _idf(documents)
    vectors = {d.id: _unit_vector(_counts(d), idf) for d in targets}
    queries = {d.id: dict(sorted(v.items(), key=lambda kv: -kv[1])[:QUERY_WORDS]) for d, v in
               ((d, vectors[d.id]) for d in targets)}
    vocabulary = {w for q in queries.values() for w in q}
    # Only the undated documents' query words are indexed: memory and time follow them, not the corpus.
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, doc in enumerate(witnesses):
        for word, weight in _unit_vector(_counts(doc), idf).items():
            if word in vocabulary:
                postings[word].append((i, weight))
    for doc in targets:
        close = [(w, score) for w, score in _closest(doc, queries[doc.id], vectors[doc.id], postings, witnesses, idf)
                 if _consistent(doc, w.published)]
        if not close:
            continue
        witness, score = max(close, key=lambda ws: T.day(ws[0].published))
        before = doc.published
        doc.published, doc.published_basis = T.day(witness.published), "inferred"
        refined = f" (refining {before})" if before else ""
        doc.notes.append(f"published: inferred{refined} from the closest dated documents, latest {witness.id} "
                         f"({witness.outlet or witness.path}, published {witness.published}, "
                         f"{witness.published_basis}; cosine {score:.2f})")
        _not_before_own_past(doc, before)


def _not_before_own_past(doc: Document, own: str | None) -> None:
    """An article is written after the days it reports as past: a neighbour's date before the latest of them ("the
    court ruled on Friday, April 25" while the closest dated report is of April 19) gives way to that day, when it
    lies within the document's own coarse date and a quarter of the neighbour's."""
    near = date.fromisoformat(doc.published)
    found = latest_day_reported_past(doc.text, near, MAX_YEAR_GAP_DAYS)
    if not found or found[0] <= near:
        return
    day, said = found
    span = T.bounds(own) if own else None
    if own and (span is None or not span[0] <= day <= span[1]):
        return
    doc.published = day.isoformat()
    doc.notes.append(f"published: not before {doc.published}, the latest day its text reports as past ({said}); "
                     f"later than the neighbours' date")


def _is_witness(doc: Document) -> bool:
    """A document dated to the day by what it states itself (not a copy)."""
    return T.day(doc.published) is not None and doc.published_basis in WITNESS_BASES and doc.duplicate_of is None


def _needs_date(doc: Document) -> bool:
    if not doc.published:
        return True
    return T.precision(doc.published) < DAY_PRECISE and doc.published_basis == "inferred"


def _consistent(doc: Document, date: str) -> bool:
    """The neighbour's date (a day) must fall inside the document's own coarse date, and after every year it names."""
    if doc.published:
        span, day = T.bounds(doc.published), T.first_day(date)
        if span is None or not span[0] <= day <= span[1]:
            return False
    years = [int(y) for y in _YEAR.findall(doc.text)]
    return not years or max(years) <= T.year_of(date)


def _counts(doc: Document) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(doc.text))


def _idf(documents: list[Document]) -> dict[str, float]:
    """Inverse document frequency of content words; in a large corpus, words in most documents are dropped."""
    df: Counter[str] = Counter()
    for doc in documents:
        df.update({w.lower() for w in _WORD.findall(doc.text)})
    n = len(documents)
    return {w: math.log((n + 1) / (k + 1)) + 1.0 for w, k in df.items() if n < 20 or k / n <= MAX_SHARED_DF}


def _unit_vector(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    vec = {w: (1 + math.log(k)) * idf[w] for w, k in counts.items() if w in idf}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {w: v / norm for w, v in vec.items()}


def _closest(doc: Document, query: dict[str, float], vector: dict[str, float], postings,
             witnesses: list[Document], idf: dict[str, float]) -> list[tuple[Document, float]]:
    """The witnesses whose whole-text cosine is at least MIN_SIMILARITY and NEAR_BEST of the best.

    Candidates come from the query words' postings; the best CANDIDATES are then scored exactly.
    """
    partial: dict[int, float] = defaultdict(float)
    for word, weight in query.items():
        for i, other in postings.get(word, ()):
            partial[i] += weight * other
    ranked = heapq.nsmallest(CANDIDATES, (i for i in partial if witnesses[i].id != doc.id),
                             key=lambda i: (-partial[i], i))
    scores = {}
    for i in ranked:
        other = _unit_vector(_counts(witnesses[i]), idf)
        scores[i] = sum(w * other.get(word, 0.0) for word, w in vector.items())
    if not scores:
        return []
    floor = max(MIN_SIMILARITY, NEAR_BEST * max(scores.values()))
    return [(witnesses[i], s) for i, s in sorted(scores.items()) if s >= floor]
