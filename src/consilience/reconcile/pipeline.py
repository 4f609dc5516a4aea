"""Compose the reconcile stages."""
from __future__ import annotations

from ..model import Conflict, DocAnalysis, Document, Entity, Fact, SourceProfile


def reconcile(
    documents: list[Document], analyses: list[DocAnalysis], entities: list[Entity]
) -> tuple[list[Fact], list[Conflict], list[SourceProfile]]:
    """Facts, conflicts and source profiles. Rewrites claim participant ids from mentions to entities."""
    return [], [], []  # TODO(issue 5)
