"""Publication dates inferred from the corpus: an undated article is dated like its closest dated neighbour.

A pile of articles about one story is written over a few days. When a document states no date of
its own (or only a year or month, e.g. from a copyright line), the documents most similar to it that
have a day-precise date of their own are the best witnesses of when it was written. Of the witnesses
nearly as close as the closest, the latest date is taken: an article can follow the reports it
resembles, but cannot report what had not happened yet. The result is marked
``published_basis = "inferred"`` with a note naming the witness, so that later stages (weekdays
resolved against it, conflicts explained by it) and the reader know it is an estimate.

Similarity is TF-IDF cosine over content words, found through an inverted index of the undated
documents' words (a few hundred postings per document), so cost stays about linear in the corpus.
Hand-written: a dozen lines of TF-IDF beat pulling scikit-learn in for one score.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from ..model import Document

MIN_SIMILARITY = 0.2  # below this cosine, no neighbour is close enough to lend its date
NEAR_BEST = 0.8  # neighbours within this fraction of the best score are all witnesses
DAY_PRECISE = 10  # len("2020-01-03")
WITNESS_BASES = ("metadata", "dateline", "content")  # dates a document states itself
MAX_SHARED_DF = 0.5  # words in more than half of a large corpus carry no signal
_WORD = re.compile(r"[^\W\d_]{4,}")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def infer_from_neighbours(documents: list[Document]) -> None:
    """Date, in place, the documents with no date (or a coarse one) after their most similar dated neighbour."""
    witnesses = [d for d in documents if _is_witness(d)]
    targets = [d for d in documents if _needs_date(d)]
    if not witnesses or not targets:
        return
    vectors = _tfidf(documents)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, doc in enumerate(witnesses):
        for word in vectors[doc.id]:
            postings[word].append(i)
    for doc in targets:
        close = [(w, score) for w, score in _closest(doc, vectors, postings, witnesses)
                 if _consistent(doc, w.published)]
        if not close:
            continue
        witness, score = max(close, key=lambda ws: ws[0].published[:DAY_PRECISE])
        before = doc.published
        doc.published, doc.published_basis = witness.published[:DAY_PRECISE], "inferred"
        refined = f" (refining {before})" if before else ""
        doc.notes.append(f"published: inferred{refined} from the closest dated documents, latest {witness.id} "
                         f"({witness.outlet or witness.path}, published {witness.published}, "
                         f"{witness.published_basis}; cosine {score:.2f})")


def _is_witness(doc: Document) -> bool:
    return bool(doc.published) and len(doc.published) >= DAY_PRECISE and doc.published_basis in WITNESS_BASES \
        and doc.duplicate_of is None


def _needs_date(doc: Document) -> bool:
    if not doc.published:
        return True
    return len(doc.published) < DAY_PRECISE and doc.published_basis == "inferred"


def _consistent(doc: Document, date: str) -> bool:
    """The neighbour's date must fall inside the document's own coarse date, and after every year it names."""
    if doc.published and not date.startswith(doc.published):
        return False
    years = [int(y) for y in _YEAR.findall(doc.text)]
    return not years or max(years) <= int(date[:4])


def _tfidf(documents: list[Document]) -> dict[str, dict[str, float]]:
    """Unit-length TF-IDF vectors of content words, by document id."""
    counts = {d.id: Counter(w.lower() for w in _WORD.findall(d.text)) for d in documents}
    df: Counter[str] = Counter()
    for c in counts.values():
        df.update(c.keys())
    n = len(documents)
    idf = {w: math.log((n + 1) / (k + 1)) + 1.0 for w, k in df.items()
           if n < 20 or k / n <= MAX_SHARED_DF}
    vectors = {}
    for doc_id, c in counts.items():
        vec = {w: (1 + math.log(k)) * idf[w] for w, k in c.items() if w in idf}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors[doc_id] = {w: v / norm for w, v in vec.items()}
    return vectors


def _closest(doc: Document, vectors, postings, witnesses: list[Document]) -> list[tuple[Document, float]]:
    """The witnesses scoring at least MIN_SIMILARITY and NEAR_BEST of the best, with their cosine."""
    scores: dict[int, float] = defaultdict(float)
    for word, weight in vectors[doc.id].items():
        for i in postings.get(word, ()):
            scores[i] += weight * vectors[witnesses[i].id][word]
    scores = {i: s for i, s in scores.items() if witnesses[i].id != doc.id}
    if not scores:
        return []
    floor = max(MIN_SIMILARITY, NEAR_BEST * max(scores.values()))
    return [(witnesses[i], s) for i, s in sorted(scores.items()) if s >= floor]
