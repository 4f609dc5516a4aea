"""Across documents: claims -> facts, conflicts between sources, framing per source."""
from .pipeline import reconcile  # noqa: F401
