"""Phase 2's copy of the per-document analyses: compressed in memory, decoded a field at a time.

Decoded records cost about 20 KB per document (10^5 documents: 2.3 GB), yet each cross-document
stage reads only a few fields: resolution the mentions, alias evidence and descriptors; claim
resolution the mentions and claims; conflicts the times; framing the mentions, quotes and
descriptors. So phase 2 keeps every document's fields as zlib-compressed JSON (about a fifth of
the decoded size) and a stage asks for the fields it reads (``view``); the records are built while
it iterates and dropped after it.

The entity of each mention is kept beside the packed mentions (``set_entities``: a tuple per
document, applied on every decoding). The claims resolved to entities are records of their own
(``model.ResolvedClaim``), held packed the same way in a ``PackedRecords``; once they exist, the
phase-1 claims they were made from are let go (``drop``), so one copy of the claims stays in memory.
"""
from __future__ import annotations

import json
import zlib
from collections.abc import Container, Iterable, Iterator
from itertools import groupby
from typing import Generic, TypeVar

from .codec import build_record, record_fields
from .model import DocAnalysis, to_dict

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


def drop_fields(analyses, *fields: str) -> None:
    """Let go of these fields of a PackedAnalyses (records of a later stage took their place); a list of
    DocAnalysis, the caller's own records, is left as it is."""
    if isinstance(analyses, PackedAnalyses):
        analyses.drop(*fields)


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

    def drop(self, *fields: str) -> None:
        """Let go of these fields of every document (a later stage's records took their place: the
        resolved claims, for the phase-1 claims); decoding gives them empty from now on."""
        for _, _, blobs in self._rows:
            for name in fields:
                blobs.pop(name, None)

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


R = TypeVar("R")


class PackedRecords(Generic[R]):
    """Records of one type that carry a ``document`` (the resolved claims), held compressed per document in
    the order they came; iterating decodes them one document at a time. About 1.5 KB per document for
    the claims, where the records take about 6 KB.
    """

    def __init__(self, record_type: type[R], records: Iterable[R] = ()):
        self.record_type = record_type
        self._blobs: dict[str, bytes] = {}  # document -> its records as compressed JSON, in arrival order
        self._count = 0
        self.extend(records)

    def extend(self, records: Iterable[R]) -> None:
        """Add records; each document's run is packed as soon as it ends (converting every record to a dict
        first raised the peak by 435 MB at 10^5). A document whose records come in several runs keeps them all."""
        for document, run in groupby(records, key=lambda r: r.document):
            dicts = [to_dict(r) for r in run]
            self._count += len(dicts)
            old = self._blobs.get(document)
            self._blobs[document] = _compress((_decompress(old) if old is not None else []) + dicts)

    def __len__(self) -> int:
        return self._count

    def __contains__(self, record: object) -> bool:
        return any(r == record for r in self)

    def __iter__(self) -> Iterator[R]:
        for blob in self._blobs.values():
            for r in _decompress(blob):
                yield build_record(self.record_type, r)


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

