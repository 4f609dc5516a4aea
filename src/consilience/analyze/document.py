"""Per-document analysis: run spaCy once over a batch, then every extractor on each Doc.

Each extractor is a function of (spaCy Doc, Document, what earlier extractors found);
this module only composes them, so a reader sees the order and the data flow here.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import DocAnalysis, Document, Mention, Sentence
from ..settings import Settings
from . import aliases, claims, descriptors, quantities, quotes, times
from .nlp import load_model


def _mentions(doc, document: Document, offset: int = 0, start_index: int = 0) -> list[Mention]:
    out = []
    for i, ent in enumerate(doc.ents, start=start_index):
        out.append(
            Mention(
                id=f"{document.id}:m{i}",
                document=document.id,
                start=ent.start_char + offset,
                end=ent.end_char + offset,
                text=ent.text,
                label=ent.label_,
            )
        )
    return out


def analyze_parsed(doc, document: Document) -> DocAnalysis:
    """Every extractor over one parsed spaCy Doc of ``document.text``."""
    result = DocAnalysis(document=document.id)
    result.sentences = [Sentence(document.id, s.start_char, s.end_char) for s in doc.sents]
    result.mentions = _mentions(doc, document)
    result.times = times.find_times(document.text, document.published, document=document.id, doc=doc)
    result.quantities = quantities.find_quantities(doc, document)
    result.quotes = quotes.find_quotes(doc, document, result.mentions)
    result.descriptors = descriptors.find_descriptors(doc, document, result.mentions)
    result.aliases = aliases.find_alias_evidence(doc, document, result.mentions)
    result.claims = claims.extract_claims(doc, document, result)
    return result


def analyze_documents(documents: Iterable[Document], settings: Settings) -> Iterator[DocAnalysis]:
    """Analyse documents in batches with one model; yields one DocAnalysis per document, in order."""
    nlp = load_model(settings.model)
    todo: list[Document] = []
    for document in documents:
        todo.append(document)
    handled = [d for d in todo if _handled(d, settings)]
    parsed = nlp.pipe((d.text for d in handled), batch_size=settings.batch_size)
    by_id = {}
    for document, doc in zip(handled, parsed):
        by_id[document.id] = analyze_parsed(doc, document)
    for document in todo:
        if document.id in by_id:
            yield by_id[document.id]
        else:
            yield DocAnalysis(document=document.id, skipped_reason=_skip_reason(document, settings))


def _handled(document: Document, settings: Settings) -> bool:
    return _skip_reason(document, settings) is None


def _skip_reason(document: Document, settings: Settings) -> str | None:
    if document.language and document.language not in settings.languages:
        return f"language '{document.language}' is not handled by the NLP pipeline ({', '.join(settings.languages)})"
    if not document.text.strip():
        return "empty text"
    return None
