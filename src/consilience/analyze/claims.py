"""Claims: checkable statements as (predicate, subject, objects, time, place, quantity, speaker, hedged)."""
from __future__ import annotations

from ..model import Claim, DocAnalysis, Document


def extract_claims(doc, document: Document, analysis: DocAnalysis) -> list[Claim]:
    """Claims of one document; subject/objects/place/attributed_to are Mention ids at this stage."""
    return []  # TODO(issue 5)
