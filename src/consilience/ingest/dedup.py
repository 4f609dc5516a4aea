"""Exact and near-duplicate documents: ``duplicate_of`` points to the earliest copy.

Exact: same hash of the normalised text. Near: MinHash over word 5-gram shingles, candidates
from LSH (datasketch), so the cost grows about linearly with the corpus (never all pairs).
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


def _minhash(text: str):
    from datasketch import MinHash

    tokens = TOKEN.findall(text.casefold())
    shingles = {" ".join(tokens[i:i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def mark_duplicates(documents: list[Document], threshold: float) -> None:
    """Set ``duplicate_of`` (and ``content_hash``) on every document that copies an earlier one."""
    from datasketch import MinHashLSH

    order = sorted(range(len(documents)), key=lambda i: (documents[i].published is None,
                                                         documents[i].published or "", i))
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    first_by_hash: dict[str, str] = {}
    root: dict[str, str] = {}
    hashes: dict[str, object] = {}
    rank = {documents[j].id: r for r, j in enumerate(order)}
    for i in order:
        doc = documents[i]
        doc.content_hash = doc.content_hash or content_hash(doc.text)
        if doc.content_hash in first_by_hash:
            doc.duplicate_of = first_by_hash[doc.content_hash]
            continue
        first_by_hash[doc.content_hash] = doc.id
        mh = _minhash(doc.text)
        candidates = [c for c in lsh.query(mh) if hashes[c].jaccard(mh) >= threshold]
        if candidates:
            earliest = min(candidates, key=rank.__getitem__)
            doc.duplicate_of = root.get(earliest, earliest)
        root[doc.id] = doc.duplicate_of or doc.id
        lsh.insert(doc.id, mh)
        hashes[doc.id] = mh
