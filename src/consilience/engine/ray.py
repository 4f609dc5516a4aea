"""Phase 1 on Ray Data."""
from __future__ import annotations


def run(documents, settings, progress=None):
    raise NotImplementedError("the Ray engine lands with issue 7")
