"""Compose the ingestion stages: readers -> (HTML body) -> clean -> metadata -> language -> dedup.

``iter_documents`` is per input and streams; ``ingest`` adds the corpus-level passes:
lines repeated across the pages of one outlet are learnt and removed, duplicates marked, and
undated documents dated after their closest dated neighbour.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..model import Document, RawInput, Skipped
from ..settings import Settings
from . import clean, dedup, html, language, neighbour_dates, outlet, published, readers

HTML_KINDS = ("html", "jsonl-html", "warc")
REPEATED_MIN_DOCS = 3  # a line must recur in this many pages of one outlet (and half of them) to be boilerplate
REPEATED_MAX_WORDS = 15  # longer lines are body text even when an outlet repeats them


@dataclass
class Prepared:
    """One input after reading and (for HTML) body extraction, before line cleaning."""

    raw: RawInput  # its content is dropped once read (see _read_one_file): only ``body`` is cleaned again
    body: str
    id: str = ""  # document_id(raw), computed while the raw content is still at hand
    title: str | None = None
    sitename: str | None = None
    published: str | None = None
    url: str | None = None
    byline: str | None = None
    notes: list[str] = field(default_factory=list)


def document_id(raw: RawInput) -> str:
    """Stable across runs and machines: the file name (and member key) plus the raw content."""
    file_part, sep, member = raw.path.partition("#")
    key = Path(file_part).name + sep + member
    return hashlib.sha1(f"{key}\n{raw.content}".encode("utf-8", "surrogatepass")).hexdigest()[:12]


def prepare(raw: RawInput, settings: Settings) -> Prepared | Skipped:
    """Read the body: trafilatura for HTML (or Skipped when the page holds no article), as-is for text."""
    if raw.kind not in HTML_KINDS:
        return Prepared(raw, raw.content, document_id(raw), title=raw.title, published=raw.published,
                        url=raw.url, notes=list(raw.notes))
    try:
        page = html.extract_article(raw.content, raw.url)
    except Exception as err:  # a parser failure on one page must not end the run
        return Skipped(raw.path, f"HTML could not be parsed ({type(err).__name__}: {err})")
    if len(page.text.strip()) < settings.min_body_chars:
        return Skipped(raw.path, f"no article found in the page (extracted body has {len(page.text.strip())} "
                                 f"characters, fewer than {settings.min_body_chars})")
    return Prepared(raw, page.text, document_id(raw), title=raw.title or page.title, sitename=page.sitename,
                    published=raw.published or page.published, url=raw.url or page.url, byline=page.author,
                    notes=list(raw.notes))


def finish(prep: Prepared, known_lines: dict[str, str] | None = None) -> Document | Skipped:
    """Clean the body, harvest metadata, identify the language: one Document."""
    raw = prep.raw
    extracted = raw.kind in HTML_KINDS
    scrape_language = None if extracted else language.identify(prep.body)
    cleaned = clean.clean_text(prep.body, known_lines, extracted=extracted, title=prep.title if extracted else None,
                               scrape_language=scrape_language)
    if not cleaned.text.strip():
        return Skipped(raw.path, "no text left once page debris was removed")
    h = cleaned.harvest
    date, basis, date_notes = published.publication_date(cleaned.text, prep.published, h.metadata_lines,
                                                         h.copyright_lines)
    name, outlet_basis = outlet.find_outlet(raw.outlet, h.source_names, prep.sitename, prep.url, h.credit_names,
                                            h.copyright_lines, h.masthead, h.footer)
    sources = h.source_names or outlet.copyright_credits(h.copyright_lines, h.credit_lines)  # "(c) 2025 EPA"
    if sources and outlet_basis != "source-line":  # a syndicated copy: its publisher is the outlet
        date_notes = date_notes + [f"source: the text comes from {sources[-1]} (a source, syndication or "
                                   f"copyright credit on the page); the outlet is the copy's own publisher"]
    reporters = [c for c in h.credit_names if not outlet.names_organisation(c)]  # "Reporting by Jane Doe"
    byline = h.byline or prep.byline or (reporters[0] if reporters else None)
    return Document(
        id=prep.id or document_id(raw), path=raw.path, text=cleaned.text, url=prep.url, outlet=name,
        outlet_basis=outlet_basis,
        title=prep.title or h.title, byline=byline, published=date, published_basis=basis,
        language=language.identify(cleaned.text), removed=cleaned.removed, notes=prep.notes + date_notes,
        content_hash=dedup.content_hash(cleaned.text),
    )


def iter_documents(paths: Iterable[str], settings: Settings) -> Iterator[Document | Skipped]:
    """One Document (or Skipped) per article found under ``paths``; duplicates not yet marked."""
    for item in readers.walk(paths):
        for _prep, result in read_one(item, settings):
            yield result


def read_one(item: Path | Skipped, settings: Settings) -> list[tuple[Prepared | None, Document | Skipped]]:
    """Every article of one file, as (what cleaning started from, Document) or (None, Skipped)."""
    if isinstance(item, Skipped):
        return [(None, item)]
    try:
        return _read_one_file(item, settings)
    except Exception as err:  # a bug or a library failure on one file must not end the run
        return [(None, Skipped(str(item), f"could not be processed ({type(err).__name__}: {err})"))]


def _read_one_file(item: Path, settings: Settings) -> list[tuple[Prepared | None, Document | Skipped]]:
    out: list[tuple[Prepared | None, Document | Skipped]] = []
    for raw in readers.read_path(item, settings):
        prep = raw if isinstance(raw, Skipped) else prepare(raw, settings)
        if isinstance(prep, Skipped):
            out.append((None, prep))
            continue
        result = finish(prep)
        if isinstance(result, Skipped):
            out.append((None, result))
            continue
        # Kept for a second cleaning pass (outlet boilerplate): the raw page can be large and is not needed again.
        prep.raw = replace(prep.raw, content="")
        out.append((prep, result))
    return out


POOL_MIN_FILES = 32  # below this, starting worker processes costs more than it saves


def _read_many(items: list, settings: Settings) -> Iterator[list]:
    """read_one over every file, in input order; in a process pool when there are many files."""
    workers = min(settings.workers, len(items) // 8)
    if workers <= 1 or len(items) < POOL_MIN_FILES:
        for item in items:
            yield read_one(item, settings)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    # spawn, not fork: the caller may hold threads (progress bars) that must not be forked
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from pool.map(partial(read_one, settings=settings), items, chunksize=4)


def ingest(paths: Iterable[str], settings: Settings, progress=None) -> tuple[list[Document], list[Skipped]]:
    """All documents under ``paths``, duplicates marked, and the inputs that gave none.

    ``progress`` (a ``consilience.progress.Task`` or None) counts input files.
    """
    items = list(readers.walk(paths))
    if progress is not None:
        progress.total(len(items))
    prepared: list[Prepared] = []
    documents: list[Document] = []
    skipped: list[Skipped] = []
    for results in _read_many(items, settings):
        for prep, result in results:
            if isinstance(result, Skipped):
                skipped.append(result)
            else:
                prepared.append(prep)
                documents.append(result)
        if progress is not None:
            progress.advance()
    documents = remove_outlet_boilerplate(prepared, documents, skipped)
    _unique_ids(documents)
    neighbour_dates.complete_years(documents)
    dedup.mark_duplicates(documents, settings.near_duplicate_threshold)
    neighbour_dates.infer_from_neighbours(documents)
    return documents, skipped


def remove_outlet_boilerplate(prepared: list[Prepared], documents: list[Document],
                              skipped: list[Skipped]) -> list[Document]:
    """Short lines that recur across most pages of one outlet are its boilerplate: clean them out too."""
    learnt = learn_repeated_lines(documents)
    corpus_wide = learn_corpus_lines(documents)
    if not learnt and not corpus_wide:
        return documents
    out = []
    for prep, doc in zip(prepared, documents):
        known = {**corpus_wide, **learnt.get(doc.outlet or "", {})}
        if known and any(clean.line_key(line) in known for line in doc.text.split("\n")):
            again = finish(prep, known)
            if isinstance(again, Skipped):
                skipped.append(again)
                continue
            doc = again
        out.append(doc)
    return out


def learn_repeated_lines(documents: list[Document]) -> dict[str, dict[str, str]]:
    """outlet -> {line key: reason} for lines found in >= 3 (and half) of that outlet's distinct pages."""
    by_outlet: dict[str, dict[str, Document]] = defaultdict(dict)
    for doc in documents:
        if doc.outlet:
            by_outlet[doc.outlet].setdefault(doc.content_hash, doc)  # exact copies count once
    learnt: dict[str, dict[str, str]] = {}
    for name, docs in by_outlet.items():
        if len(docs) < REPEATED_MIN_DOCS:
            continue
        counts: Counter[str] = Counter()
        for doc in docs.values():
            counts.update({clean.line_key(line) for line in doc.text.split("\n")
                           if line.strip() and len(clean.words(line)) <= REPEATED_MAX_WORDS})
        need = max(REPEATED_MIN_DOCS, (len(docs) + 1) // 2)
        lines = {key: f"line repeated on {n} pages of {name}" for key, n in counts.items() if n >= need}
        if lines:
            learnt[name] = lines
    return learnt


CORPUS_MIN_DOCS = 3  # a short non-sentence line on this many distinct pages ...
CORPUS_MIN_SHARE = 0.1  # ... and on this share of them is the corpus's boilerplate, whatever the outlet
CORPUS_MAX_WORDS = 8


def learn_corpus_lines(documents: list[Document]) -> dict[str, str]:
    """{line key: reason} for short lines that are not sentences and recur on many distinct pages of the corpus
    ("Share this story", "Comments", a site's section bar): widgets no rule knew. Sentences never count: outlets
    quote the same words."""
    distinct = {doc.content_hash: doc for doc in documents}
    need = max(CORPUS_MIN_DOCS, int(CORPUS_MIN_SHARE * len(distinct) + 0.999))
    counts: Counter[str] = Counter()
    for doc in distinct.values():
        counts.update({clean.line_key(line) for line in doc.text.split("\n")
                       if line.strip() and len(clean.words(line)) <= CORPUS_MAX_WORDS and not clean.is_sentence(line)})
    return {key: f"line repeated on {n} pages of the corpus" for key, n in counts.items() if n >= need}


def _unique_ids(documents: list[Document]) -> None:
    """Two inputs with the same file name and content (in different folders) get "-2", "-3" ... in input order."""
    seen: Counter[str] = Counter()
    for doc in documents:
        seen[doc.id] += 1
        if seen[doc.id] > 1:
            doc.id = f"{doc.id}-{seen[doc.id]}"
