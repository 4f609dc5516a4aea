"""The unit of work every engine runs: one batch of documents in, one stored row per document out.

Engines only decide *where* ``analyze_batch`` runs (in-process, a process pool, Ray actors); the
stage functions underneath are the same, so every engine gives the same records.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass

from ..analyze import analyze_documents
from ..model import DocAnalysis, Document
from ..settings import Settings
from ..codec import encode


@dataclass
class Row:
    """One document's phase-1 result as stored: the DocAnalysis serialised as JSON."""

    document: str
    key: str  # fingerprint.document_key: what the result is valid for
    failed: bool  # analysis raised; the row records why, and a later run retries it
    analysis: str  # codec.encode(DocAnalysis)


def analyze_batch(documents: list[Document], keys: list[str], settings: Settings) -> list[Row]:
    """Analyse ``documents`` together (one nlp.pipe); a failing batch is retried one document at a time,
    so one bad document costs only itself (recorded as failed, with the error as skipped_reason)."""
    try:
        analyses = list(analyze_documents(documents, settings))
        _check_order(analyses, documents)
        return [Row(d.id, k, False, encode(a)) for d, k, a in zip(documents, keys, analyses)]
    except Exception:  # noqa: BLE001 - isolate the culprit below
        if len(documents) == 1:
            return [_failed_row(documents[0], keys[0])]
        return [row for d, k in zip(documents, keys) for row in analyze_batch([d], [k], settings)]


def _check_order(analyses: list[DocAnalysis], documents: list[Document]) -> None:
    if [a.document for a in analyses] != [d.id for d in documents]:
        raise RuntimeError("analyze_documents returned analyses out of step with its documents")


def _failed_row(document: Document, key: str) -> Row:
    error = traceback.format_exc(limit=3).strip().splitlines()[-1]
    analysis = DocAnalysis(document=document.id, skipped_reason=f"analysis failed: {error}")
    return Row(document.id, key, True, encode(analysis))


def chunks(items: list, size: int) -> list[list]:
    """``items`` in consecutive slices of at most ``size``."""
    size = max(1, size)
    return [items[i:i + size] for i in range(0, len(items), size)]
