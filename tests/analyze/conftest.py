"""Fixtures for the analysis tests: documents analysed once per session."""
from __future__ import annotations

import pytest

from consilience.analyze.document import analyze_parsed
from consilience.model import Document


@pytest.fixture(scope="session")
def analyse(nlp):
    """analyse(text) -> DocAnalysis of an invented one-off document."""
    def run(text: str, published: str | None = None, doc_id: str = "t"):
        document = Document(id=doc_id, path=f"{doc_id}.txt", text=text, published=published)
        return analyze_parsed(nlp(text), document, nlp)

    return run


@pytest.fixture(scope="session")
def soleimani(soleimani_dir, nlp):
    """{prefix: (text, DocAnalysis)} for the five articles, read at run time (skipped when absent)."""
    out = {}
    for path in sorted(soleimani_dir.glob("0*.txt")):
        text = path.read_text(encoding="utf-8")
        document = Document(id=path.name[:3], path=str(path), text=text)
        out[path.name[:3]] = (text, analyze_parsed(nlp(text), document, nlp))
    return out
