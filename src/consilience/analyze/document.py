"""Per-document analysis: run spaCy once over a batch, then every extractor on each Doc.

Each extractor is a function of (spaCy Doc, Document, what earlier extractors found);
this module only composes them, so a reader sees the order and the data flow here.
An extractor that fails on one document loses only its own records for that document
(logged), never the document or the run.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import islice

from ..model import DocAnalysis, Document, Mention, Sentence
from ..settings import Settings
from . import aliases, claims, descriptors, quantities, quotes, times
from .nlp import load_model, parse_texts
from .spans import share_text

log = logging.getLogger(__name__)


def _mentions(doc, document: Document) -> list[Mention]:
    return [
        Mention(
            id=f"{document.id}:m{i}",
            document=document.id,
            start=ent.start_char,
            end=ent.end_char,
            text=ent.text,
            label=ent.label_,
        )
        for i, ent in enumerate(doc.ents)
    ]


def _sentences(doc, document: Document) -> list[Sentence]:
    """Sentences with their surrounding whitespace trimmed (a whitespace-only 'sentence' is dropped)."""
    out = []
    for sent in doc.sents:
        text = document.text[sent.start_char:sent.end_char]  # what sent.text gives, without rejoining tokens
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.end_char - (len(text) - len(text.rstrip()))
        if end > start:
            out.append(Sentence(document.id, start, end))
    return out


def _safely(extractor, default, owner: Document, *args, **kwargs):
    """Run one extractor; on an exception log it and return ``default`` (the document keeps the rest)."""
    try:
        return extractor(*args, **kwargs)
    except Exception:  # noqa: BLE001 - one bad sentence must not cost the run
        log.exception("%s failed on document %s", getattr(extractor, "__qualname__", extractor), owner.id)
        return default


def analyze_parsed(doc, document: Document, nlp=None) -> DocAnalysis:
    """Every extractor over one parsed spaCy Doc of ``document.text``; ``nlp``, the pipeline that parsed it,
    lets claims parse again a clause whose parse lost its subject."""
    result = DocAnalysis(document=document.id)
    share_text(doc, document.text)  # parse_texts keeps the text exact; spaCy would rebuild it from the tokens
    result.sentences = _sentences(doc, document)
    result.mentions = _mentions(doc, document)
    result.times = _safely(times.find_times, [], document, document.text, document.published,
                           document=document.id, doc=doc)
    result.quantities = _safely(quantities.find_quantities, [], document, doc, document)
    result.quotes = _safely(quotes.find_quotes, [], document, doc, document, result.mentions)
    result.descriptors = _safely(descriptors.find_descriptors, [], document, doc, document, result.mentions)
    result.aliases = _safely(aliases.find_alias_evidence, [], document, doc, document, result.mentions)
    result.claims = _safely(claims.extract_claims, [], document, doc, document, result, reparse=nlp)
    return result


def analyze_batch(documents: list[Document], settings: Settings, nlp=None) -> list[DocAnalysis]:
    """One DocAnalysis per document, in order; the unit of work an engine hands to a worker."""
    nlp = nlp if nlp is not None else load_model(settings.model)
    reasons = [_skip_reason(d, settings) for d in documents]
    handled = [d for d, reason in zip(documents, reasons) if reason is None]
    parsed = iter(parse_texts(nlp, (d.text for d in handled), settings.max_chunk_chars, settings.batch_size))
    return [
        analyze_parsed(next(parsed), d, nlp) if reason is None else DocAnalysis(document=d.id, skipped_reason=reason)
        for d, reason in zip(documents, reasons)
    ]


def analyze_documents(documents: Iterable[Document], settings: Settings) -> Iterator[DocAnalysis]:
    """Analyse documents in batches of ``settings.batch_size`` with one model; yields one DocAnalysis
    per document, in order, holding only one batch in memory."""
    nlp = load_model(settings.model)
    iterator = iter(documents)
    size = max(1, settings.batch_size)
    while batch := list(islice(iterator, size)):
        yield from analyze_batch(batch, settings, nlp)


def _skip_reason(document: Document, settings: Settings) -> str | None:
    if document.language and document.language not in settings.languages:
        return f"language '{document.language}' is not handled by the NLP pipeline ({', '.join(settings.languages)})"
    if not document.text.strip():
        return "empty text"
    return None
