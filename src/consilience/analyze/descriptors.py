"""Descriptors: appositions and predicate nominals that label an entity."""
from __future__ import annotations

from ..model import Descriptor, Document, Mention


def find_descriptors(doc, document: Document, mentions: list[Mention]) -> list[Descriptor]:
    return []  # TODO(issue 3)
