"""Exact and near-duplicate documents: ``duplicate_of`` points to the earliest copy.

Exact: same hash of the normalised text. Near: MinHash over word 5-gram shingles of the cleaned
bodies, candidates from LSH (datasketch), so the cost grows about linearly with the corpus
(never all pairs). Each candidate is then checked exactly: a near-copy shares at least
``threshold`` of the shorter body's shingles (the overlap coefficient, so a syndicated copy
with its own header, footer or editor's note, or one changed sentence, still counts), and the
shorter body is at least MIN_LENGTH_RATIO of the longer (a brief quoting one paragraph of a
long report is not a copy of it). The LSH bands are set low enough to propose such pairs.
"Earliest" is the earliest ``published`` (undated documents last), then input order. Dates are compared
by day first: a copy dated to the day is not earlier than its original timed that day. On one day, a
document that prints another document's outlet on a line of its own (an agency credit, removed by the cleaner
or kept as the body's first line: "X Wire Service" under the headline) comes after it: it is the one that carries the other's story.
"""
from __future__ import annotations

import hashlib
import re

from ..model import Document

NUM_PERM = 128
SHINGLE = 5
TOKEN = re.compile(r"\w+")


def normalised(text: str) -> str:
    return " ".join(TOKEN.findall(text.casefold()))


def content_hash(text: str) -> str:
    return hashlib.sha1(normalised(text).encode("utf-8")).hexdigest()


LSH_THRESHOLD = 0.3  # Jaccard at which LSH proposes a pair; overlap 0.8 at a 0.6 length ratio is Jaccard 0.43
MIN_LENGTH_RATIO = 0.6


def shingles(text: str) -> set[str]:
    tokens = TOKEN.findall(text.casefold())
    return {" ".join(tokens[i:i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))}


def _minhash(shingle_set: set[str]):
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM)
    m.update_batch([s.encode("utf-8") for s in shingle_set])
    return m


def body_without_title(doc: Document) -> str:
    """A copy often gets a headline of its own: compare what follows it."""
    head, sep, rest = doc.text.partition("\n\n")
    return rest if sep and doc.title and head.strip() == doc.title.strip() else doc.text


def is_near_copy(a: set[str], b: set[str], threshold: float) -> bool:
    """Most of the shorter body's shingles are in the other, and the two are of comparable length."""
    small, large = sorted((len(a), len(b)))
    if not small or small < MIN_LENGTH_RATIO * large:
        return False
    return len(a & b) / small >= threshold


def _credits_another_outlet(documents: list[Document]) -> set[str]:
    """Ids of the documents with a line that is exactly the outlet name of another document of the corpus
    (not their own): a credit to the outlet whose story they carry. The line may have been removed by the
    cleaner or kept at the head of the body; either way it names the source, not the document's own outlet."""
    outlets = {normalised(d.outlet) for d in documents if d.outlet}
    outlets.discard("")
    out = set()
    for d in documents:
        own = normalised(d.outlet or "")
        lines = [r.text for r in d.removed] + d.text.splitlines()
        if any(line != own and line in outlets for line in map(normalised, lines)):
            out.add(d.id)
    return out


def mark_duplicates(documents: list[Document], threshold: float) -> None:
    """Set ``duplicate_of`` (and ``content_hash``) on every document that copies an earlier one."""
    from datasketch import MinHashLSH

    credits = _credits_another_outlet(documents)
    order = sorted(range(len(documents)), key=lambda i: (documents[i].published is None,
                                                         (documents[i].published or "")[:10],
                                                         documents[i].id in credits,
                                                         documents[i].published or "", i))
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    first_by_hash: dict[str, str] = {}
    root: dict[str, str] = {}
    sets: dict[str, set[str]] = {}
    rank = {documents[j].id: r for r, j in enumerate(order)}
    for i in order:
        doc = documents[i]
        doc.content_hash = doc.content_hash or content_hash(doc.text)
        if doc.content_hash in first_by_hash:
            doc.duplicate_of = first_by_hash[doc.content_hash]
            continue
        first_by_hash[doc.content_hash] = doc.id
        own = shingles(body_without_title(doc))
        mh = _minhash(own)
        candidates = [c for c in lsh.query(mh) if is_near_copy(sets[c], own, threshold)]
        if candidates:
            earliest = min(candidates, key=rank.__getitem__)
            doc.duplicate_of = root.get(earliest, earliest)
        root[doc.id] = doc.duplicate_of or doc.id
        lsh.insert(doc.id, mh)
        sets[doc.id] = own
