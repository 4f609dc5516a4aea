"""Compose the ingestion stages: readers -> clean -> metadata -> language -> dedup."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Document, Skipped
from ..settings import Settings


def iter_documents(paths: Iterable[str], settings: Settings) -> Iterator[Document | Skipped]:
    """One Document (or Skipped) per article found under ``paths``; duplicates not yet marked."""
    raise NotImplementedError  # TODO(issue 2)


def ingest(paths: Iterable[str], settings: Settings, progress=None) -> tuple[list[Document], list[Skipped]]:
    """All documents under ``paths``, duplicates marked, and the inputs that gave none."""
    raise NotImplementedError  # TODO(issue 2)
