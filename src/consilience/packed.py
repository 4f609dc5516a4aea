"""Phase 2's copy of the per-document analyses: compressed in memory, decoded a field at a time.

Decoded records cost about 20 KB per document (10^5 documents: 2.3 GB), yet each cross-document
stage reads only a few fields: resolution the mentions, alias evidence and descriptors; claim
resolution the mentions and claims; conflicts the times; framing the mentions, quotes and
descriptors. So phase 2 keeps every document's fields as zlib-compressed JSON (about a fifth of
the decoded size) and a stage asks for the fields it reads (``view``); the records are built while
it iterates and dropped after it.

What phase 2 adds to the per-document records is kept with them: the entity of each mention beside
the packed mentions (``set_entities``: a tuple per document, applied on every decoding) and the
claims rewritten to entity ids packed in place of the stored ones (``set_claims``). So later
passes and the outputs read the records a list of DocAnalysis would hold after phase 2.
"""
from __future__ import annotations

import json
import zlib
from collections.abc import Container, Iterable, Iterator
from itertools import groupby

from .codec import build_record, record_fields
from .model import Claim, DocAnalysis, to_dict

LEVEL = 1  # zlib level: 4x smaller than the JSON, and fast enough to decode several times per run


def only(analyses: Iterable[DocAnalysis], *fields: str,
         documents: Container[str] | None = None) -> Iterable[DocAnalysis]:
    """``analyses`` with at least ``fields`` filled: a list as it is, PackedAnalyses decoding only those fields
    (and, given ``documents``, only those documents: the caller still filters, a list is not).

    Stages that read a few fields of every document ask through this, so a large corpus is decoded
    one document at a time and only as far as the stage needs.
    """
    view = getattr(analyses, "view", None)
    return view(*fields, documents=documents) if view is not None else analyses


def add_mentions(analyses, added: dict[str, list]) -> None:
    """Append mentions found in phase 2 to their documents, in a list of DocAnalysis or a PackedAnalyses."""
    if not added:
        return
    if isinstance(analyses, PackedAnalyses):
        analyses.add_mentions(added)
        return
    for a in analyses:
        a.mentions.extend(added.get(a.document, ()))


class PackedAnalyses:
    """Every document's DocAnalysis in document order, held compressed; iterating decodes them.

    A list of DocAnalysis and a PackedAnalyses are interchangeable where records are only iterated;
    ``only`` asks either for a subset of fields.
    """

    def __init__(self) -> None:
        self._rows: list[tuple[str, str | None, dict[str, bytes]]] = []  # (document, skipped_reason, field -> blob)
        self._entities: dict[str, tuple[str | None, ...]] = {}  # document -> entity of each mention, in order

    @classmethod
    def from_records(cls, analyses: Iterable[DocAnalysis | dict]) -> PackedAnalyses:
        packed = cls()
        for a in analyses:
            packed.append(pack(a))
        return packed

    def append(self, row: tuple[str, str | None, dict[str, bytes]]) -> None:
        """Add the next document's row (made by ``pack``); rows are appended in document order."""
        self._rows.append(row)

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[DocAnalysis]:
        return self._decode(_LIST_FIELDS)

    def view(self, *fields: str, documents: Container[str] | None = None) -> _View:
        """A re-iterable of the DocAnalysis records with only ``fields`` filled (the others empty),
        of every document or of those in ``documents``."""
        unknown = set(fields) - set(_LIST_FIELDS)
        if unknown:
            raise ValueError(f"not a per-document field: {', '.join(sorted(unknown))}")
        return _View(self, fields, documents)

    def set_entities(self, analyses: Iterable[DocAnalysis]) -> None:
        """Remember ``Mention.entity`` of these records (decoded from this container, mentions in full)."""
        for a in analyses:
            entities = tuple(m.entity for m in a.mentions)
            if any(entities):
                self._entities[a.document] = entities
            else:
                self._entities.pop(a.document, None)

    def add_mentions(self, added: dict[str, list]) -> None:
        """Append mentions found in phase 2 (``resolve.propagate``) to their documents' packed mentions."""
        for document, _, blobs in self._rows:
            new = added.get(document)
            if new:
                old = _decompress(blobs["mentions"]) if "mentions" in blobs else []
                blobs["mentions"] = _compress(old + [to_dict(m) for m in new])

    def set_claims(self, claims: Iterable[Claim]) -> None:
        """Store these claims (resolved to entity ids) in place of the phase-1 ones, packed like them
        (about 1.5 KB per document, where the Claim objects take about 6 KB).

        Claims come in document order (as the stages decode them), so each document's run is packed
        as soon as it ends: converting every claim to a dict first raised the peak by 435 MB at 10^5.
        A document whose claims come in several runs is packed with all of them.
        """
        packed: dict[str, bytes] = {}
        for document, run in groupby(claims, key=lambda c: c.document):
            records = [to_dict(c) for c in run]
            if document in packed:
                records = _decompress(packed[document]) + records
            packed[document] = _compress(records)
        for document, _, blobs in self._rows:
            blob = packed.pop(document, None)
            if blob is not None:
                blobs["claims"] = blob
            else:
                blobs.pop("claims", None)

    def _decode(self, fields: tuple[str, ...], documents: Container[str] | None = None) -> Iterator[DocAnalysis]:
        for document, skipped, blobs in self._rows:
            if documents is not None and document not in documents:
                continue
            analysis = DocAnalysis(document=document, skipped_reason=skipped)
            for name in fields:
                blob = blobs.get(name)
                if blob is not None:
                    record_cls = _RECORD_CLASSES[name]
                    setattr(analysis, name, [build_record(record_cls, r) for r in _decompress(blob)])
            entities = self._entities.get(document)
            if entities and analysis.mentions:
                for m, e in zip(analysis.mentions, entities):
                    m.entity = e
            yield analysis


class _View:
    """Some fields of a PackedAnalyses, re-iterable (each pass decodes again)."""

    def __init__(self, packed: PackedAnalyses, fields: tuple[str, ...], documents: Container[str] | None):
        self._packed, self._fields, self._documents = packed, fields, documents

    def __iter__(self) -> Iterator[DocAnalysis]:
        return self._packed._decode(self._fields, self._documents)


def pack(analysis: DocAnalysis | dict, skip: tuple[str, ...] = ()) -> tuple[str, str | None, dict[str, bytes]]:
    """One document's analysis as a row of PackedAnalyses: (document, skipped_reason, field -> compressed JSON)."""
    data = analysis if isinstance(analysis, dict) else to_dict(analysis)
    blobs = {name: _compress(data[name]) for name in _LIST_FIELDS if data.get(name) and name not in skip}
    return data["document"], data.get("skipped_reason"), blobs


def _compress(records: list[dict]) -> bytes:
    return zlib.compress(json.dumps(records, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), LEVEL)


def _decompress(blob: bytes) -> list[dict]:
    return json.loads(zlib.decompress(blob))


_RECORD_CLASSES = {name: cls for name, (cls, is_list) in record_fields(DocAnalysis).items() if is_list}
_LIST_FIELDS = tuple(_RECORD_CLASSES)

