"""Phase 1 analysis of cleaned documents: a function of one document and the settings."""
from .document import analyze_documents  # noqa: F401
