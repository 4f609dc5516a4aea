"""Phase 1 on this machine."""
from __future__ import annotations

from ..analyze import analyze_documents
from ..model import DocAnalysis, Document
from ..settings import Settings


def run(documents: list[Document], settings: Settings, progress=None) -> list[DocAnalysis]:
    out = []
    for analysis in analyze_documents(documents, settings):
        out.append(analysis)
        if progress:
            progress.advance()
    return out  # TODO(issue 7): process pool of settings.workers, streaming, resumable
