"""Quantities with what they count: "killed five people", "52 defenseless MEK members"."""
from __future__ import annotations

from ..model import Document, Quantity


def find_quantities(doc, document: Document) -> list[Quantity]:
    return []  # TODO(issue 3)
