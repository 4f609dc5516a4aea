"""Cross-document entity resolution."""
from .entities import resolve_entities  # noqa: F401
