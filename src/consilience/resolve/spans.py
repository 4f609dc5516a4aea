"""Step 1, name spans: one NameSpan per named mention, trimmed to the name, then cut to the name it
holds or dropped (URLs, trailing words, title-case headlines, untagged proper nouns, leading role words).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..analyze.spans import HeadlineLines
from ..memory import one_copy
from ..store import Analyses
from .names import FUNCTION_WORDS, HONORIFICS, clean_surface, normalize, translit_key

# spaCy labels that name something; numeric and temporal labels are not entities.
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
                         "MISC"})  # MISC: a proper noun spaCy left untagged (analyze.spans)


@dataclass(slots=True)
class NameSpan:
    """One occurrence of a name: the span of the name and the spaCy mentions it covers.

    A mention is held as (its position in the document's mentions, its label), not as the Mention:
    at 10^5 documents there are millions of spans, and the decoded Mentions would cost ~1 GB more.
    """

    document: str
    start: int
    end: int
    text: str
    mentions: tuple[tuple[int, str], ...] = ()  # most spans cover one mention: a shared tuple (``_one``)
    form: str = ""  # NameForm.key
    root: str = ""  # the cluster (union-find root) the span resolves to, set when entities are built
    bracket: bool = False  # the first mention's text holds a "(": it may define an alias


@lru_cache(maxsize=None)
def _trim(text: str) -> tuple[int, int]:
    """Offsets of the name inside a mention's text (see ``names.clean_surface``)."""
    clean = clean_surface(text)
    i = text.find(clean)
    if i < 0 or not clean:
        return 0, len(text)
    return i, i + len(clean)


@one_copy
def _one(index: int, label: str) -> tuple[tuple[int, str]]:
    """The ``NameSpan.mentions`` of a span covering one mention, shared by every span that can."""
    return ((index, label),)


def name_spans(texts: dict[str, str], analyses: Analyses) -> list[NameSpan]:
    """One NameSpan per mention with a naming label, trimmed to the name itself."""
    out = []
    for analysis in analyses.view("mentions"):
        text = texts.get(analysis.document)
        for index, m in enumerate(analysis.mentions):
            if m.label not in NAME_LABELS or not m.text.strip():
                continue
            a, b = _trim(m.text)
            whole = (a, b) == (0, len(m.text)) and m.end - m.start == b
            # a name that is the whole mention shares the mention's int and str objects (millions of spans)
            start, end = (m.start, m.end) if whole else (m.start + a, m.start + b)
            if text is not None and text[m.start:m.end] == m.text:
                surface = m.text if whole else text[start:end]
            else:
                surface = m.text[a:b]
            if not normalize(surface).tokens:
                continue
            out.append(NameSpan(m.document, start, end, surface, _one(index, m.label), bracket="(" in m.text))
    return out


_WORD = re.compile(r"[^\W\d_][\w'\u2019.\-]*|\d[\w.,:/\-]*")
_URLISH = re.compile(r"https?:|www\.|\.(?:com|org|net|co\.uk|html?|aspx?|php)\b|\w\.[a-z]{2,}/", re.I)
_LOWER_WORD = re.compile(r"(?<![\w'\u2019.\-])([a-z][a-z'\u2019\-]*)\b")
_BARE_TITLES = frozenset(HONORIFICS)


def refine_spans(spans: list[NameSpan], texts: dict[str, str]) -> list[NameSpan]:
    """Spans cut to the name they hold, or dropped when they hold none.

    - A URL is not a name (spaCy tags page addresses as one long name), nor is a span with no capital
      letter ("meth" tagged GPE).
    - Trailing lower-case words and numbers are not part of a name: "Dana Whitfield said" -> "Dana
      Whitfield", "Harlan 91-73" -> "Harlan" (particles such as "of" or "de" inside a name stay).
    - In a title-case line (a headline) capitals mark nothing, so spaCy reads "Norvell Announces New
      Tablet Availability" as one name. There a span is cut to its longest part that the corpus writes
      as a name outside headlines; failing that, to its longest run of words the corpus never writes in
      lower case (a word written in lower case elsewhere — "announces", "tablet" — is a common word);
      a span of common words only is dropped. An untagged proper noun (MISC, ``analyze.spans``) is
      treated the same way ("Velmo Browser Web" -> "Velmo Browser", "Coach" dropped).
    """
    lines: dict[str, HeadlineLines] = {}

    def headline(span: NameSpan, text: str) -> bool:
        if span.document not in lines:
            lines[span.document] = HeadlineLines(text)
        return lines[span.document](span.start)

    kept: list[NameSpan] = []
    in_headlines: list[NameSpan] = []
    for span in spans:
        text = texts.get(span.document)
        span = _cut_debris(span)
        if span is None or _URLISH.search(span.text) or span.text.islower():
            continue  # a page address, or no capital anywhere ("meth" tagged GPE): not a name
        span = _cut_trailing(span)
        if span is None:
            continue
        misc = all(label == "MISC" for _, label in span.mentions)
        if misc and normalize(span.text).tokens in _BARE_TITLES:
            continue  # "President" alone, untagged: a title, not a name
        if (text is not None and headline(span, text)) or misc:
            in_headlines.append(span)  # capitals that may not mark a name: a headline, an untagged proper noun
        else:
            kept.append(span)
    seen = Counter(_mkey(s.text) for s in kept)
    attested = set(seen)
    lower_words: set[str] = set()
    for text in texts.values():
        lower_words.update(_LOWER_WORD.findall(text))
    groups = {_mkey(s.text) for s in kept if any(label == "NORP" for _, label in s.mentions)}
    persons = {_mkey(s.text) for s in kept if any(label == "PERSON" for _, label in s.mentions)}
    out = [_cut_leading(span, texts.get(span.document), seen, lower_words, groups, persons) for span in kept]
    for span in in_headlines:
        span = _cut_headline(span, attested, lower_words)
        if span is not None:
            out.append(_cut_leading(span, texts.get(span.document), seen, lower_words, groups, persons))
    out.sort(key=lambda x: (x.document, x.start))
    return out


def _cut_debris(span: NameSpan) -> NameSpan | None:
    """A span that runs over a line break or out of a bracket keeps its named part: the longest line that
    is not a URL, and the text after a closing bracket ("Network)-Dana Whitfield" -> "Dana Whitfield")."""
    a, b = span.start, span.end
    text = span.text
    if "\n" in text:
        pos, best = 0, None
        for line in text.split("\n"):
            if line.strip() and not _URLISH.search(line) and (best is None or len(line) > best[1] - best[0]):
                best = (span.start + pos, span.start + pos + len(line))
            pos += len(line) + 1
        if best is None:
            return None
        a, b = best
    piece = span.text[a - span.start:b - span.start]
    if ")" in piece and "(" not in piece:
        k = piece.rindex(")") + 1
        while k < len(piece) and piece[k] in " -\u2013\u2014:,":
            k += 1
        a += k
    if (a, b) == (span.start, span.end):
        return span
    if a >= b:
        return None
    cut = _sub(span, a, b)
    stripped = len(cut.text) - len(cut.text.lstrip())
    cut = _sub(span, a + stripped, b) if stripped else cut
    return cut if cut.text.strip() and normalize(cut.text).tokens else None


def _cut_leading(span: NameSpan, text: str | None, seen: Counter, lower_words: set[str], groups: set[str],
                 persons: set[str] = frozenset()) -> NameSpan:
    """Leading words that describe the name rather than belong to it are cut when the rest is a name the
    corpus writes by itself: a word the corpus writes in lower case ("Comedian Dana Whitfield") or a
    nationality ("Karvenian Dana Whitfield"). Not after "the" ("the People's Front": the words are the
    name's), unless a nationality stands before a name the corpus tags as a person ("the Karvenian Dana
    Whitfield": no person's name begins with a nationality); nor a possessive."""
    if span.text.count(" ") < 2:
        return span
    words = _words(span)
    if text is not None and text[max(0, span.start - 4):span.start].lower() == "the ":
        rest = span.text[words[1][0] - span.start:] if len(words) >= 3 else ""
        if not (rest and _mkey(words[0][2]) in groups and _mkey(rest) in persons):
            return span
        return _sub(span, words[1][0], span.end)
    i = 0
    while len(words) - i >= 3:
        w = words[i][2]
        low = w.lower()
        if not w[:1].isupper() or low in FUNCTION_WORDS or low.endswith(("'s", "\u2019s", "'", "\u2019")):
            break
        if not (low in lower_words or _mkey(w) in groups):
            break
        rest = span.text[words[i + 1][0] - span.start:]
        if seen.get(_mkey(rest), 0) < 1:
            break
        i += 1
    if i == 0:
        return span
    return _sub(span, words[i][0], span.end)


def _words(span: NameSpan) -> list[tuple[int, int, str]]:
    return [(span.start + m.start(), span.start + m.end(), m.group(0)) for m in _WORD.finditer(span.text)]


def _sub(span: NameSpan, start: int, end: int) -> NameSpan:
    return NameSpan(span.document, start, end, span.text[start - span.start:end - span.start], span.mentions,
                    bracket=span.bracket)


def _cut_trailing(span: NameSpan) -> NameSpan | None:
    """The span without trailing numbers, and a person's without trailing lower-case words (None when
    nothing named is left). Other names keep a lower-case noun ("Halden airport" is not the person
    Halden); phase 1 (``analyze.spans``) already cut their trailing verbs, knowing parts of speech."""
    tail = span.text[span.text.rfind(" ") + 1:][:1]
    if not (tail.isdigit() or tail.islower()):  # most names end with a capitalised word
        return span
    words = _words(span)
    n = len(words)
    person = any(label == "PERSON" for _, label in span.mentions)
    while n > 1 and (words[n - 1][2][0].isdigit() or (person and words[n - 1][2].islower() and words[n - 1][2] not in FUNCTION_WORDS)):
        n -= 1
    while n > 1 and words[n - 1][2].lower() in FUNCTION_WORDS:
        n -= 1
    if n == len(words):
        return span
    if not words[0][2][:1].isupper() and not words[0][2][:1].isdigit():
        return span  # not a capitalised name ("eBay", "al-Muhandis"): leave it to normalisation
    cut = _sub(span, span.start, words[n - 1][1])
    return cut if normalize(cut.text).tokens else None


def _cut_headline(span: NameSpan, attested: set[str], lower_words: set[str]) -> NameSpan | None:
    """A headline span cut to an attested name, else to its longest run of uncommon words (see refine_spans)."""
    words = _words(span)
    if not words:
        return None
    if _mkey(span.text) in attested:
        return span
    best = None
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            if best is not None and j - i <= best[1] - best[0]:
                break
            if words[i][2].lower() in FUNCTION_WORDS or words[j - 1][2].lower() in FUNCTION_WORDS:
                continue
            if _mkey(span.text[words[i][0] - span.start:words[j - 1][1] - span.start]) in attested:
                best = (i, j)
    if best is None:
        runs, run = [], []
        for k, w in enumerate(words):
            low = w[2].lower().strip("'\u2019")
            if low in lower_words and low not in FUNCTION_WORDS or w[2][0].isdigit():
                runs.append(run)
                run = []
            else:
                run.append(k)
        runs.append(run)
        for run in runs:
            while run and words[run[-1]][2].lower() in FUNCTION_WORDS:
                run.pop()
            while run and words[run[0]][2].lower() in FUNCTION_WORDS:
                run.pop(0)
            if run and (best is None or len(run) > best[1] - best[0]):
                best = (run[0], run[-1] + 1)
    if best is None:
        return None
    if best == (0, len(words)):
        return span
    cut = _sub(span, words[best[0]][0], words[best[1] - 1][1])
    return cut if normalize(cut.text).tokens else None


@lru_cache(maxsize=None)
def _mkey(surface: str) -> str:
    return " ".join(translit_key(t) for t in normalize(surface).tokens)
