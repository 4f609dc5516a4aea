"""Cross-document entity resolution (see docs/entities.md)."""
from .entities import resolve_entities  # noqa: F401
from .names import find, match_key, normalize  # noqa: F401
from .propagate import propagate_names  # noqa: F401
