"""Temporal expressions, normalised to TIMEX3 values against the document's publication date."""
from __future__ import annotations

from ..model import TimeExpr


def find_times(text: str, dct: str | None, document: str = "", doc=None) -> list[TimeExpr]:
    """Every temporal expression in ``text`` with its TIMEX3 value, anchored on ``dct`` (ISO date) when needed.

    ``doc`` is an optional spaCy Doc of the same text (for tense); the function must work without it.
    """
    return []  # TODO(issue 3)
