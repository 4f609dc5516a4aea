"""Alias evidence: "Full Name (ABBR)", "(A/B)", "aka.", "X or Y", "also known as", "born NAME"."""
from __future__ import annotations

from ..model import AliasEvidence, Document, Mention


def find_alias_evidence(doc, document: Document, mentions: list[Mention]) -> list[AliasEvidence]:
    return []  # TODO(issue 3)
