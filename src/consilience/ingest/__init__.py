"""Ingestion: read inputs, clean page debris, harvest metadata, mark duplicates.

``ingest(paths, settings)`` is the whole stage: paths in, Documents and Skipped out.
"""
from .pipeline import ingest, iter_documents  # noqa: F401
