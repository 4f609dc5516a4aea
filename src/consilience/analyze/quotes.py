"""Direct quotes and reported speech, each tied to its speaker."""
from __future__ import annotations

from ..model import Document, Mention, Quote


def find_quotes(doc, document: Document, mentions: list[Mention]) -> list[Quote]:
    return []  # TODO(issue 3)
