"""Exact and near-duplicate documents: ``duplicate_of`` points to the earliest copy.

Exact: same hash of the normalised text. Near: MinHash over word 5-gram shingles, candidates
from LSH (datasketch), so the cost grows about linearly with the corpus (never all pairs).
The LSH bands are set for a threshold below the wanted one (banding misses pairs just above
its threshold) and each candidate is then checked with the exact Jaccard of the shingle sets.
"Earliest" is the earliest ``published`` (undated documents last), then input order.
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


CANDIDATE_MARGIN = 0.25  # LSH threshold = wanted threshold - margin


def shingles(text: str) -> set[str]:
    tokens = TOKEN.findall(text.casefold())
    return {" ".join(tokens[i:i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))}


def _minhash(shingle_set: set[str]):
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM)
    m.update_batch([s.encode("utf-8") for s in shingle_set])
    return m


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def mark_duplicates(documents: list[Document], threshold: float) -> None:
    """Set ``duplicate_of`` (and ``content_hash``) on every document that copies an earlier one."""
    from datasketch import MinHashLSH

    order = sorted(range(len(documents)), key=lambda i: (documents[i].published is None,
                                                         documents[i].published or "", i))
    lsh = MinHashLSH(threshold=max(0.3, threshold - CANDIDATE_MARGIN), num_perm=NUM_PERM)
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
        own = shingles(doc.text)
        mh = _minhash(own)
        candidates = [c for c in lsh.query(mh) if jaccard(sets[c], own) >= threshold]
        if candidates:
            earliest = min(candidates, key=rank.__getitem__)
            doc.duplicate_of = root.get(earliest, earliest)
        root[doc.id] = doc.duplicate_of or doc.id
        lsh.insert(doc.id, mh)
        sets[doc.id] = own
