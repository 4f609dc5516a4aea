"""Turn every mention in the corpus into entities: one per real actor.

The stage, in order (each step a function below):

1. ``name_spans``: one NameSpan per named mention, trimmed to the name
   ("the Quds Force's" -> "Quds Force"); ``refine_spans`` cuts spans to the name
   they hold or drops them (URLs, trailing words, title-case headlines, untagged
   proper nouns, leading role words).
2. ``collect_links``: alias links the text states (phase-1 AliasEvidence, plus
   acronym definitions and slash forms visible in a mention itself).
3. ``extend_spans``: spaCy sometimes tags part of a name ("Khata'ib [Hezbollah]",
   "[Kata'ib] [Hezbollah]"); a span grows by a neighbouring word, or an "of X"
   tail, only when the grown name is attested elsewhere in the corpus (or, over
   one word, is an attested name with words left out). Spans inside a grown span
   join it. "X's Y" keeps Y when both are names.
4. ``build_forms``: spans grouped by normalised name (``names.normalize``).
5. Union-find over forms: ``merge_gapped``, ``merge_variants`` (transliteration/typo
   variants found through blocking keys), ``merge_spacing`` (word breaks),
   ``merge_links`` (the text's own alias links), ``merge_person_variants`` (middle
   names, initials, suffixes, short given names), ``merge_legal_suffixes``,
   ``merge_acronyms`` (an acronym and the one expansion in the corpus whose
   initials it spells), ``merge_qualified``/``merge_place_qualified`` (a unit named
   with its parent or home place), ``merge_contained`` (an organisation's short
   name inside one longer name), ``link_short_forms`` (a surname to the one full
   name that ends with it, by type vote; document-local or dominant when several do).
6. ``build_entities``: type by vote, canonical name, aliases, descriptors,
   relations; sets ``Mention.entity``.

Precision before recall: names of different lengths never merge by spelling
alone ("Hezbollah" vs "Kata'ib Hezbollah", "IRGC" vs "IRGC-QF"); only the text's
evidence, an acronym, or a rule that names the relation between the two (short
form, qualifier, suffix, middle name) joins them, and never through a short form
that two longer names share.
"""
from __future__ import annotations

import gc
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..analyze.spans import HeadlineLines, headline_at
from ..model import Alias, DocAnalysis, Document, Entity
from ..packed import only
from .aliases import Link, links_from_evidence, links_in_mention
from .names import (
    FUNCTION_WORDS,
    HONORIFICS,
    NameForm,
    block_key,
    clean_surface,
    display_name,
    expansion_initials,
    forms_match,
    initials,
    normalize,
    org_suffix,
    person_core,
    tokens_match,
    translit_key,
)
from .relations import ROLE_RELATIONS, born_relation, relations_from_descriptor

# spaCy labels that name something; numeric and temporal labels are not entities.
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
                         "MISC"})  # MISC: a proper noun spaCy left untagged (analyze.spans)
# Tie-break order for the type vote.
TYPE_ORDER = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE")
# Words that make "X of the Y" a description, not a name (with the honorifics lexicon).
ROLE_WORDS = frozenset(ROLE_RELATIONS) | {"members", "leaders", "commanders", "head", "heads", "part", "one", "some",
                                          "all", "most", "many", "none", "each", "both"}
# Alias evidence kinds that define an acronym (decided with the other definitions of the same letters).
DEFINITION_KINDS = frozenset({"acronym", "parenthetical"})
# Blocks larger than this are compared only by exact transliteration key (keeps cost linear).
MAX_BLOCK = 40
# Share of a surname's full-name mentions one person must hold to take the surname where no full name is.
DOMINANT_SHARE = 0.8


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


@dataclass(slots=True)
class FormInfo:
    """Everything known about one normalised name across the corpus."""

    name: NameForm
    spans: list[NameSpan] = field(default_factory=list)
    labels: Counter = field(default_factory=Counter)
    link_texts: Counter = field(default_factory=Counter)  # surfaces seen only in alias evidence
    link_documents: dict = field(default_factory=dict)  # surface -> documents


class UnionFind:
    """Disjoint sets over form keys (path halving, union by size)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.size: dict[str, int] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        if x not in parent:
            parent[x] = x
            self.size[x] = 1
            return x
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]


# --------------------------------------------------------------------------- entry point


def resolve_entities(documents: list[Document], analyses: Iterable[DocAnalysis]) -> list[Entity]:
    """Entities of the corpus; sets ``Mention.entity`` on every mention (None where no entity).

    ``analyses`` is read in three passes, each asking only for the fields it needs (``packed.only``):
    mentions, alias evidence, then mentions and descriptors. Packed analyses (phase 2) keep the
    entities of the last pass's mentions through their ``set_entities``.
    """
    was_enabled = gc.isenabled()
    gc.disable()  # millions of small acyclic records: generational GC passes would make this quadratic-ish
    try:
        return _resolve(documents, analyses)
    finally:
        _clear_caches()  # per-run caches (unbounded while running, so cost stays linear)
        if was_enabled:
            gc.enable()


def _clear_caches() -> None:
    from . import names

    for fn in (_one, _trim, _mkey, _edge_key, names.normalize, names.light_fold, names.translit_key, names.block_key):
        fn.cache_clear()


def _resolve(documents: list[Document], analyses: Iterable[DocAnalysis]) -> list[Entity]:
    texts = {d.id: d.text for d in documents}
    spans = refine_spans(name_spans(texts, analyses), texts)
    links = collect_links(texts, analyses, spans)
    gapped: list[tuple[str, str]] = []
    spans = extend_spans(spans, texts, attested_keys(spans, links), gapped)
    forms = build_forms(spans, links)
    uf = UnionFind()
    for key in forms:
        uf.find(key)
    merge_gapped(forms, uf, gapped)
    merge_variants(forms, uf)
    merge_spacing(forms, uf)
    defined = merge_links(links, uf)
    merge_person_variants(forms, uf)
    merge_legal_suffixes(forms, uf)
    ambiguous = merge_acronyms(forms, uf, defined)
    merge_qualified(forms, uf)
    merge_place_qualified(forms, uf)
    merge_contained(forms, uf)
    dominant: dict[str, str] = {}
    ambiguous.update(link_short_forms(forms, uf, dominant))
    local = ambiguous
    # The name caches hold every surface, key and extension candidate seen (~600 MB at 10^5 documents);
    # building the entities needs few of them again, and it is where memory peaks.
    _clear_caches()
    return build_entities(forms, uf, local, spans, texts, analyses, links, dominant)


# --------------------------------------------------------------------------- 1. spans


@lru_cache(maxsize=None)
def _trim(text: str) -> tuple[int, int]:
    """Offsets of the name inside a mention's text (see ``names.clean_surface``)."""
    clean = clean_surface(text)
    i = text.find(clean)
    if i < 0 or not clean:
        return 0, len(text)
    return i, i + len(clean)


@lru_cache(maxsize=None)
def _one(index: int, label: str) -> tuple[tuple[int, str]]:
    """The ``NameSpan.mentions`` of a span covering one mention, shared by every span that can."""
    return ((index, label),)


def name_spans(texts: dict[str, str], analyses: Iterable[DocAnalysis]) -> list[NameSpan]:
    """One NameSpan per mention with a naming label, trimmed to the name itself."""
    out = []
    for analysis in only(analyses, "mentions"):
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
    out = [_cut_leading(span, texts.get(span.document), seen, lower_words, groups) for span in kept]
    for span in in_headlines:
        span = _cut_headline(span, attested, lower_words)
        if span is not None:
            out.append(_cut_leading(span, texts.get(span.document), seen, lower_words, groups))
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


def _cut_leading(span: NameSpan, text: str | None, seen: Counter, lower_words: set[str], groups: set[str]) -> NameSpan:
    """Leading words that describe the name rather than belong to it are cut when the rest is a name the
    corpus writes by itself: a word the corpus writes in lower case ("Comedian Dana Whitfield") or a
    nationality ("Karvenian Dana Whitfield"). Not after "the" ("the People's Front": the words are the
    name's), nor a possessive."""
    if span.text.count(" ") < 2 or (text is not None and text[max(0, span.start - 4):span.start].lower() == "the "):
        return span
    words = _words(span)
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


# --------------------------------------------------------------------------- 2. links


def collect_links(texts: dict[str, str], analyses: Iterable[DocAnalysis], spans: list[NameSpan]) -> list[Link]:
    """Alias links: phase-1 evidence plus what each mention shows by itself."""
    links = []
    for analysis in only(analyses, "aliases"):
        links.extend(links_from_evidence(analysis.aliases))
    for span in spans:
        text = texts.get(span.document)
        if text is not None and ("/" in span.text or span.bracket or text[span.end:span.end + 80].find("(") >= 0):
            links.extend(links_in_mention(span.document, text, span.start, span.end))
    return [link for link in links if normalize(link.a).tokens and normalize(link.b).tokens]


# --------------------------------------------------------------------------- 3. extension


@lru_cache(maxsize=None)
def _mkey(surface: str) -> str:
    return " ".join(translit_key(t) for t in normalize(surface).tokens)


def attested_keys(spans: list[NameSpan], links: list[Link]) -> set[str]:
    """Transliteration keys of every name the corpus writes as one (mentions and alias evidence)."""
    keys = {_mkey(s.text) for s in spans}
    for link in links:
        keys.add(_mkey(link.a))
        keys.add(_mkey(link.b))
    return keys


_LEFT = re.compile(r"(?:^|(?<=[^\w'\u2019\-]))([A-Z][\w'\u2019\-]*) $")
_RIGHT = re.compile(r" ([\w'\u2019\-]+)( [A-Z][\w'\u2019\-]*)?")
_OF_TAIL = re.compile(r"( (?:of|for) (?:the )?[A-Z][\w'\u2019\-]*)( [A-Z][\w'\u2019\-]*)?")
_POSSESSIVE = re.compile(r"['\u2019]s ")
# "the Sons of the [Kharsa Brigade]": capitalised words after a determiner or a lower-case word, then "of (the)".
_OF_LEFT = re.compile(
    r"(?:\b(?i:the|his|her|its|their|our)\s+|[a-z,;]\s+)((?:[A-Z][\w'\u2019\-]*\s+){1,3}?(?:of|for)(?:\s+the)?\s+)$"
)


def _of_left(text: str, s: int, attested: set[str]) -> int | None:
    """Start of a name that continues leftwards over "Words of (the)" before offset ``s``, if any.

    Not when the words are a title or role ("the President of the United States"):
    those describe a name, they are not part of it; nor when they are a name of
    their own ("the Quds Force of the Islamic Revolutionary Guard Corps": two names).
    """
    m = _OF_LEFT.search(text[max(0, s - 60):s])
    if not m:
        return None
    raw = [w for w in m.group(1).split() if w.lower() not in ("of", "for", "the")]
    words = [w.lower().strip("'\u2019") for w in raw]
    if any(w in ROLE_WORDS or normalize(w + " x").titled for w in words) or _mkey(" ".join(raw)) in attested:
        return None
    return s - len(m.group(1))


@lru_cache(maxsize=None)
def _edge_key(word: str, last: bool) -> str:
    """Transliteration key of a word's first (or last) normalised token; "" when it has none."""
    tokens = normalize(word).tokens
    return translit_key(tokens[-1] if last else tokens[0]) if tokens else ""


def _grow(span: NameSpan, text: str, attested: set[str], firsts: set[str], lasts: set[str]) -> NameSpan:
    """The span grown to the longest attested multi-word name around it, or cut after "X's".

    Cheap checks first (the neighbouring word must begin or end some attested name,
    ``firsts``/``lasts``) so that the full key is computed only for likely growths.
    """
    s, e = span.start, span.end
    poss = _POSSESSIVE.search(span.text) if "s " in span.text else None
    if poss:
        head = span.text[poss.end():]
        if _mkey(span.text[:poss.start()]) in attested and _mkey(head) in attested:
            s = s + poss.end()
    if (not poss and text.endswith(("of ", "of the ", "for ", "for the "), max(0, s - 8), s)
            and not any(label in ("GPE", "LOC", "PERSON") for _, label in span.mentions)
            and not headline_at(text, s)):  # "the Elimination of <person>" in a title-case line is no name
        of_start = _of_left(text, s, attested)
        if of_start is not None:
            return NameSpan(span.document, of_start, e, text[of_start:e], span.mentions, bracket=span.bracket)
    lefts = [s]
    if not (poss and s != span.start) and text.endswith(" ", 0, s):
        left = _LEFT.search(text, max(0, s - 40), s)
        if left and _edge_key(left.group(1), False) in firsts:
            lefts.append(left.start(1))
    rights = [e]
    right = _RIGHT.match(text, e, e + 60)
    if right:
        if _edge_key(right.group(1), True) in lasts:
            rights.append(right.end(1))
        if right.group(2) and _edge_key(right.group(2), True) in lasts:
            rights.append(right.end(2))
    if text.startswith((" of ", " for "), e):
        tail = _OF_TAIL.match(text, e, e + 60)
        if tail:
            rights.append(tail.end(1))
            if tail.group(2):
                rights.append(tail.end(2))
    best = (s, e)
    if len(lefts) > 1 or len(rights) > 1:
        for a in lefts:
            for b in rights:
                if b - a > best[1] - best[0] and len(normalize(text[a:b]).tokens) > 1 and _mkey(text[a:b]) in attested:
                    best = (a, b)
    if best == (span.start, span.end):
        return span
    return NameSpan(span.document, best[0], best[1], text[best[0]:best[1]], span.mentions, bracket=span.bracket)


def _grow_gapped(span: NameSpan, text: str, by_ends: dict, gapped: list) -> NameSpan:
    """The span grown by its next word when that names an attested name with words left out."""
    right = _RIGHT.match(text, span.end, span.end + 60)
    if not right:
        return span
    b = right.end(1)
    first, last = _edge_key(span.text, False), _edge_key(right.group(1), True)
    if (first, last) not in by_ends:  # cheap check first: most spans never grow
        return span
    key = _mkey(text[span.start:b]).split(" ")
    if len(key) < 2:
        return span
    for cand in by_ends.get((key[0], key[-1]), ())[:MAX_BLOCK]:
        if len(cand) > len(key) and _subsequence(key, cand):
            gapped.append((text[span.start:b], " ".join(cand)))
            return NameSpan(span.document, span.start, b, text[span.start:b], span.mentions, bracket=span.bracket)
    return span


def _subsequence(short: list[str], long_: list[str]) -> bool:
    it = iter(long_)
    return all(any(x == y for y in it) for x in short)


def extend_spans(spans: list[NameSpan], texts: dict[str, str], attested: set[str],
                 gapped: list[tuple[str, str]] | None = None) -> list[NameSpan]:
    """Spans grown to attested names; spans inside another span of the same document join it.

    A span also grows by the next word when the grown name is an attested name with words left out,
    same first and last word ("Imam Halden airport" for "Imam Halden International Airport"): spaCy
    left the noun out and the text shortened the name. Such growths are recorded in ``gapped`` as
    (grown surface, attested key) so that merging joins the two.
    """
    multi = [k.split(" ") for k in attested if " " in k]
    firsts, lasts = {k[0] for k in multi}, {k[-1] for k in multi}
    by_ends: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
    for k in multi:
        if len(k) >= 3:
            by_ends[(k[0], k[-1])].append(k)
    grown = []
    for span in spans:
        text = texts.get(span.document)
        g = _grow(span, text, attested, firsts, lasts) if text is not None else span
        if g is span and text is not None and gapped is not None and by_ends:
            g = _grow_gapped(span, text, by_ends, gapped)
        grown.append(g)
    grown.sort(key=lambda x: (x.document, x.start, -x.end))
    out: list[NameSpan] = []
    for span in grown:
        last = out[-1] if out else None
        if last and last.document == span.document and span.start >= last.start and span.end <= last.end and span is not last:
            if last.end - last.start > span.end - span.start or last.start == span.start:
                last.mentions += tuple(m for m in span.mentions if m not in last.mentions)
                continue
        out.append(span)
    return out


# --------------------------------------------------------------------------- 4. forms


def build_forms(spans: list[NameSpan], links: list[Link]) -> dict[str, FormInfo]:
    """Spans grouped by normalised name; names seen only in alias evidence get a form too."""
    forms: dict[str, FormInfo] = {}
    for span in spans:
        name = normalize(span.text)
        span.form = name.key
        info = forms.get(name.key)
        if info is None:
            info = forms[name.key] = FormInfo(name)
        info.spans.append(span)
        for _, label in span.mentions:
            if label != "MISC":  # an untagged proper noun is no vote: the names it joins decide
                info.labels[label] += 1
        if name.titled:
            info.labels["PERSON"] += 1
    for link in links:
        for surface in (link.a, link.b):
            name = normalize(surface)
            info = forms.get(name.key)
            if info is None:
                info = forms[name.key] = FormInfo(name)
            if not info.spans and link.document not in info.link_documents.get(clean_surface(surface), ()):
                info.link_texts[clean_surface(surface)] += 1  # names seen only in evidence count once per document
                info.link_documents.setdefault(clean_surface(surface), set()).add(link.document)
    return forms


# --------------------------------------------------------------------------- 5. merging


def merge_variants(forms: dict[str, FormInfo], uf: UnionFind) -> None:
    """Join forms that are the same name spelt differently (``names.forms_match``).

    Candidates come only from blocks (never all pairs): forms sharing a per-token
    metaphone key, and forms sharing a one-deletion variant of their longest token
    with the other tokens' transliteration keys equal (typos that change a
    consonant: "Dzabarov"/"Dzhabarov"). A block too large to compare pairwise is
    split by exact transliteration key.
    """
    # Block keys are hashed (a collision only adds a comparison, never a merge), and a key seen once
    # holds its form directly: most keys are singletons, and a list and a tuple each per key took
    # most of resolution's memory at 10^5 documents.
    first: dict[int, str] = {}
    blocks: dict[int, list[str]] = {}
    for key, info in forms.items():
        if info.name.acronym:
            continue  # acronyms match exactly or through their expansion, never by spelling
        tokens = info.name.tokens
        for bkey in [hash(("m",) + tuple(block_key(t) for t in tokens)), *map(hash, _deletion_keys(tokens))]:
            seen = first.setdefault(bkey, key)
            if seen != key:
                members = blocks.setdefault(bkey, [seen])
                if members[-1] != key:
                    members.append(key)
    del first
    for members in blocks.values():
        if len(members) > MAX_BLOCK:
            by_key: dict[tuple, list[str]] = defaultdict(list)
            for key in members:
                by_key[tuple(translit_key(t) for t in forms[key].name.tokens)].append(key)
            groups = list(by_key.values())
        else:
            groups = [members]
        for group in groups:
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    if uf.find(a) != uf.find(b) and forms_match(forms[a].name.tokens, forms[b].name.tokens):
                        uf.union(a, b)


def _person_parts(tokens: tuple[str, ...]) -> tuple[str, tuple[str, ...], str, str] | None:
    """(first name, middle names and initials, surname, generational suffix) of a person's name of two
    or more words ("W. Mark Felt Sr." -> ("w", ("mark",), "felt", "sr")); None otherwise."""
    core = person_core(tokens)
    if len(core) < 2 or len(core[-1]) < 2:
        return None
    suffix = tokens[-1] if len(tokens) > len(core) else ""
    return core[0], core[1:-1], core[-1], {"junior": "jr", "senior": "sr"}.get(suffix, suffix)


def _given_match(a: str, b: str) -> bool:
    """Two given names of one person: same by ``tokens_match``, an initial of the other, or a short
    form that is its start ("Fred"/"Frederick", 3+ letters)."""
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if tokens_match(a, b):
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and long_.startswith(short)


def _person_compatible(a: tuple, b: tuple) -> bool:
    """Two parsed person names (``_person_parts``) may name one person: the surnames match, the
    generational suffixes do not differ ("Jr." is not "Sr."), and the given names of one are matched
    in order by the other's, starting at its first or second given name (a first name or initial the
    other leaves out: "W. Mark Felt" and "Mark Felt")."""
    fa, ma, la, sa = a
    fb, mb, lb, sb = b
    if not tokens_match(la, lb) or (sa and sb and sa != sb):
        return False
    wa, wb = (fa, *ma), (fb, *mb)
    for x, y in ((wa, wb), (wb, wa)):
        for start in (0, 1):
            if start >= len(y) or not _given_match(x[0], y[start]):
                continue
            j, ok = start + 1, True
            for word in x[1:]:
                while j < len(y) and not _given_match(word, y[j]):
                    j += 1
                if j >= len(y):
                    ok = False
                    break
                j += 1
            if ok:
                return True
    return False


def merge_person_variants(forms: dict[str, FormInfo], uf: UnionFind) -> None:
    """Join a person's full names written with or without middle names or initials, a generational
    suffix, or a short given name: "Dana K. Whitfield" = "Dana Whitfield", "Fred LaRue" = "Frederick
    C. LaRue", "W. Mark Felt" = "Mark Felt".

    Only names whose cluster is a PERSON by vote, blocked by surname key. Within a block, names are
    taken most-mentioned first and a name joins the group only if it is compatible with every name
    already in it, so two different people never meet through a shorter name they share ("John A.
    Smith", "John B. Smith" and "John Smith"). When a name left out is mentioned at least half as often
    as the group's first, the short forms are ambiguous and nothing is joined.
    """
    types = cluster_types(forms, uf)
    blocks: dict[str, list[tuple[str, tuple]]] = defaultdict(list)
    for key, info in forms.items():
        if info.name.acronym or len(info.name.tokens) < 2 or types[uf.find(key)] != "PERSON":
            continue
        parts = _person_parts(info.name.tokens)
        if parts is not None:
            blocks[translit_key(parts[2])].append((key, parts))
    for members in blocks.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        members.sort(key=lambda kp: (-len(forms[kp[0]].spans), kp[0]))
        pending = members
        while len(pending) > 1:
            group, rest = [pending[0]], []
            for kp in pending[1:]:
                if all(_person_compatible(kp[1], g[1]) for g in group):
                    group.append(kp)
                elif any(_person_compatible(kp[1], g[1]) for g in group):
                    rest.append((kp, True))
                else:
                    rest.append((kp, False))
            top = len(forms[group[0][0]].spans)
            contested = any(shared and 2 * len(forms[kp[0]].spans) >= top for kp, shared in rest)
            if len(group) > 1 and not contested:
                for k, _ in group[1:]:
                    uf.union(group[0][0], k)
            pending = [kp for kp, _ in rest]


def merge_legal_suffixes(forms: dict[str, FormInfo], uf: UnionFind) -> None:
    """Join an organisation written with its legal form or a generic corporate word to the bare name:
    "Norvell Corp." = "Norvell", "Harlan Group Ltd" = "Harlan Group" = "Harlan".

    The bare name must not be a person or a place by vote (a company named after its founder stays
    apart from him; "Kalvia Holdings" from the country "Kalvia"), and the suffixed name must not be a
    person either.
    """
    types = cluster_types(forms, uf)
    for key, info in list(forms.items()):
        tokens = info.name.tokens
        if info.name.acronym or len(tokens) < 2 or not org_suffix(tokens[-1]):
            continue
        if types[uf.find(key)] in ("PERSON", "GPE", "LOC", "NORP"):
            continue
        stem = tokens[:-1]
        while len(stem) > 1 and org_suffix(stem[-1]):
            stem = stem[:-1]
        while stem:
            bare = " ".join(stem)
            if bare in forms and forms[bare].spans and not forms[bare].name.acronym:
                if types[uf.find(bare)] not in ("PERSON", "GPE", "LOC", "NORP", "FAC"):
                    uf.union(key, bare)
                break
            if len(stem) < 2 or not org_suffix(stem[-1]):
                break
            stem = stem[:-1]


def merge_spacing(forms: dict[str, FormInfo], uf: UnionFind) -> None:
    """Join names written with and without a word break: "Blue Crest" = "BlueCrest", "Amir Ali" =
    "Amirali" (same transliteration key once the spaces are removed, 6+ letters, different numbers of
    words; acronyms excluded). One dictionary pass over the forms."""
    by_joined: dict[str, list[str]] = defaultdict(list)
    for key, info in forms.items():
        if info.name.acronym or not info.spans:
            continue
        joined = translit_key("".join(info.name.tokens))
        if len(joined) >= 6:
            by_joined[joined].append(key)
    for keys in by_joined.values():
        if len(keys) > 1 and len({len(forms[k].name.tokens) for k in keys}) > 1:
            for k in keys[1:MAX_BLOCK]:
                uf.union(keys[0], k)


def _deletion_keys(tokens: tuple[str, ...]) -> list[tuple]:
    """Blocking keys for one-edit typos in the longest token(s), 6+ letters: each one-letter
    deletion of it, with the other tokens' transliteration keys. (One typo per name is allowed;
    a typo in a shorter word is found only when the metaphone block holds it.)"""
    keys = []
    longest = max(len(t) for t in tokens)
    for i, word in enumerate(tokens):
        if len(word) < 6 or len(word) < longest:
            continue
        rest = tuple(translit_key(t) for j, t in enumerate(tokens) if j != i)
        variants = {word} | {word[:k] + word[k + 1:] for k in range(len(word))}
        keys.extend(("d", len(tokens), i, rest, v) for v in variants)
    return keys


def merge_links(links: list[Link], uf: UnionFind) -> dict[str, set[str]]:
    """Join the two names of every alias link, except acronym definitions, which are returned.

    An acronym may be defined for different names in different documents (a large
    corpus reuses letters), so definitions ("Name (ABC)", kinds in DEFINITION_KINDS)
    are decided in ``merge_acronyms``: returned as acronym form key -> expansion form
    keys. Slash groups, "aka", "or", "born" state an identity and join at once.
    """
    deferred: dict[str, set[str]] = defaultdict(set)
    for link in links:
        a, b = normalize(link.a), normalize(link.b)
        if link.kind in DEFINITION_KINDS and bool(a.acronym) != bool(b.acronym):
            acronym, expansion = (a, b) if a.acronym else (b, a)
            deferred[acronym.key].add(expansion.key)
        else:
            uf.union(a.key, b.key)
    return deferred


def cluster_type(forms: dict[str, FormInfo], members: list[str]) -> str:
    """The cluster's type: most votes over its mentions' labels (a title votes PERSON)."""
    votes: Counter = Counter()
    for key in members:
        votes.update(forms[key].labels)
    if not votes:
        return "ORG" if any(forms[k].name.acronym for k in members) else "MISC"
    return min(votes, key=lambda t: (-votes[t], TYPE_ORDER.index(t) if t in TYPE_ORDER else 99))


def cluster_types(forms: dict[str, FormInfo], uf: UnionFind) -> dict[str, str]:
    """Every cluster's type by vote (as ``cluster_type``), in one pass over the forms."""
    votes: dict[str, dict[str, int]] = {}
    acronym_only: dict[str, bool] = {}
    for key, info in forms.items():
        root = uf.find(key)
        v = votes.setdefault(root, {})
        for label, n in info.labels.items():
            v[label] = v.get(label, 0) + n
        acronym_only[root] = acronym_only.get(root, False) or bool(info.name.acronym)
    out = {}
    for root, v in votes.items():
        if v:
            out[root] = min(v, key=lambda t: (-v[t], TYPE_ORDER.index(t) if t in TYPE_ORDER else 99))
        else:
            out[root] = "ORG" if acronym_only[root] else "MISC"
    return out


def _clusters(forms: dict[str, FormInfo], uf: UnionFind) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for key in forms:
        out[uf.find(key)].append(key)
    return out


def merge_acronyms(forms: dict[str, FormInfo], uf: UnionFind, defined: dict[str, set[str]]) -> dict[str, list[str]]:
    """Join each acronym to its expansion when the corpus names exactly one; else decide per document.

    First the definitions the text gives ("Name (ABC)"): one expansion cluster, joined;
    several, the acronym is ambiguous. Then initials ("Department of Defense" -> DD,
    DOD; multi-word names of non-person clusters): joined when exactly one cluster
    spells the acronym. Returns ambiguous acronym form key -> candidate roots.
    """
    types = cluster_types(forms, uf)
    by_initials: dict[str, set[str]] = defaultdict(set)  # initials -> expansion form keys
    for key, info in forms.items():
        if info.name.acronym or len(info.name.tokens) < 2:
            continue
        if types[uf.find(key)] == "PERSON":
            continue
        for surface in _surfaces(info)[:1]:
            for ini in expansion_initials(surface):
                by_initials[ini].add(key)
    ambiguous: dict[str, list[str]] = {}
    joined: set[tuple[str, ...]] = set()  # expansion sets already compared (spellings of one acronym share them)
    for key, info in forms.items():
        acronym = info.name.acronym
        if not acronym:
            continue
        expansions = sorted(set(defined.get(key, ())) | by_initials.get(acronym, set()))
        if tuple(expansions) not in joined:  # the set itself, not its hash: a collision would skip a comparison
            joined.add(tuple(expansions))
            _join_near_expansions(expansions, forms, uf)
        by_text = {uf.find(k) for k in defined.get(key, ())}
        spelled = {uf.find(k) for k in by_initials.get(acronym, ())}
        candidates = by_text | spelled
        if len(by_text) == 1:
            uf.union(key, next(iter(by_text)))  # the text's own definition is the default
        elif len(candidates) == 1:
            uf.union(key, next(iter(candidates)))
        if len(candidates) > 1:  # several organisations: the one in the mention's own document, if any
            ambiguous[key] = sorted(candidates)
    return ambiguous


def _join_near_expansions(keys: list[str], forms: dict[str, FormInfo], uf: UnionFind) -> None:
    """Two expansions of one acronym that share most of their words name one organisation
    ("Islamic Revolutionary Guards Quds Force", "Iranian Revolutionary Guard Corps Quds Force":
    IRGC-QF); two that share only a generic word ("... Force") do not.

    Up to MAX_BLOCK expansions are compared pairwise. A large corpus can spell one acronym's
    letters with thousands of names: then only names sharing two content words (by
    transliteration key) are candidates, each compared with the first MAX_BLOCK of its block,
    so the cost stays linear in the number of names.
    """
    if len(keys) <= MAX_BLOCK:
        groups = [keys]
    else:
        blocks: dict[tuple, list[str]] = defaultdict(list)
        for key in keys:
            words = sorted({translit_key(t) for t in forms[key].name.tokens if t not in FUNCTION_WORDS})
            for i, a in enumerate(words):
                for b in words[i + 1:]:
                    blocks[(a, b)].append(key)
        groups = [members for members in blocks.values() if len(members) > 1]
    for group in groups:
        heads = group[:MAX_BLOCK]
        for i, a in enumerate(group):
            for b in heads[:i] if i < len(heads) else heads:
                if uf.find(a) != uf.find(b) and _shared_words(forms[a].name.tokens, forms[b].name.tokens):
                    uf.union(a, b)


def _shared_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """At least two content words in common (by ``tokens_match``), covering most of the shorter name."""
    ca = [t for t in a if t not in FUNCTION_WORDS]
    cb = [t for t in b if t not in FUNCTION_WORDS]
    common = sum(1 for x in ca if any(tokens_match(x, y) for y in cb))
    return common >= 2 and common >= 0.6 * min(len(ca), len(cb))


def merge_qualified(forms: dict[str, FormInfo], uf: UnionFind) -> None:
    """Join "QUALIFIER UNIT" to "UNIT" (a name of two or more words, an organisation by vote).

    - QUALIFIER is an organisation the corpus names, by name or acronym: a branch
      written with its parent ("Iranian Revolutionary Guard Corps-Quds Force" =
      "Quds Force", since "Iranian Revolutionary Guard Corps" spells "IRGC").
    - QUALIFIER is a country or nationality the corpus names, and no other longer
      name ends in UNIT ("Karvenian Guard Corps" = "the Guard Corps").

    A one-word UNIT never qualifies ("Kata'ib Hezbollah" stays apart from
    "Hezbollah"), nor does a qualifier of another kind ("Sons of the Kharsa Brigade").
    """
    types = cluster_types(forms, uf)
    acronyms = {info.name.acronym: key for key, info in forms.items() if info.name.acronym}
    candidates: dict[str, list[tuple[str, str]]] = defaultdict(list)  # unit -> [(long form, qualifier type)]
    for key, info in list(forms.items()):
        tokens = info.name.tokens
        if info.name.acronym or len(tokens) < 3:
            continue
        for i in range(1, len(tokens) - 1):
            unit = " ".join(tokens[i:])
            if unit not in forms or not forms[unit].spans or types[uf.find(unit)] != "ORG":
                continue
            parent = " ".join(tokens[:i])
            if parent not in forms:
                parent = acronyms.get(initials(tokens[:i]), "")
            ptype = types.get(uf.find(parent)) if parent else None
            if ptype in ("ORG", "GPE", "NORP") and uf.find(parent) != uf.find(unit):
                candidates[unit].append((key, ptype))
                break
    for unit, longs in candidates.items():
        roots = {uf.find(k) for k, _ in longs}
        for key, ptype in longs:
            if ptype == "ORG" or len(roots) == 1:
                uf.union(key, unit)


def merge_place_qualified(forms: dict[str, FormInfo], uf: UnionFind) -> None:
    """Join "PLACE UNIT" to a one-word "UNIT" when PLACE is a place or nationality the corpus names (a
    GPE, LOC or NORP by vote) and it is the only longer name ending in UNIT: a team, paper or firm named with its home
    town and then by itself ("Port Vell Mariners" = "the Mariners").

    Never when UNIT or the long name is a person or a place ("Lake Tovar" stays apart from a "Tovar"),
    nor when two longer names end in UNIT ("Port Vell Mariners", "Ostrava Mariners": the short form
    is ambiguous).
    """
    types = cluster_types(forms, uf)
    places = ("GPE", "LOC", "NORP")
    candidates: dict[str, set[str]] = defaultdict(set)
    for key, info in forms.items():
        tokens = info.name.tokens
        if info.name.acronym or len(tokens) < 2 or not info.spans:
            continue
        unit = tokens[-1]
        if unit not in forms or not forms[unit].spans or forms[unit].name.acronym or unit in FUNCTION_WORDS:
            continue
        candidates[unit].add(key)
    for unit, longs in candidates.items():
        if types[uf.find(unit)] in ("PERSON", "GPE", "LOC", "FAC"):
            continue
        roots = {uf.find(k) for k in longs} - {uf.find(unit)}
        if len(roots) != 1:
            continue
        ok = []
        for key in longs:
            parent = " ".join(forms[key].name.tokens[:-1])
            if (types[uf.find(key)] not in ("PERSON", "GPE", "LOC", "FAC") and parent in forms
                    and forms[parent].spans and types[uf.find(parent)] in places):
                ok.append(key)
        if ok and {uf.find(k) for k in ok} == roots:
            uf.union(ok[0], unit)


def merge_gapped(forms: dict[str, FormInfo], uf: UnionFind, gapped: list[tuple[str, str]]) -> None:
    """Join each span grown by ``_grow_gapped`` to the attested name it shortens."""
    if not gapped:
        return
    wanted = {k for _, k in gapped}
    by_mkey: dict[str, str] = {}
    for key, info in forms.items():
        m = " ".join(translit_key(t) for t in info.name.tokens)
        if m in wanted and info.spans:
            by_mkey.setdefault(m, key)
    for surface, mkey in gapped:
        a, b = normalize(surface).key, by_mkey.get(mkey)
        if b is not None and a in forms:
            uf.union(a, b)


def _singular(token: str) -> str:
    return translit_key(token[:-1] if len(token) > 3 and token.endswith("s") and not token.endswith("ss") else token)


def merge_contained(forms: dict[str, FormInfo], uf: UnionFind) -> None:
    """Join an organisation's short name to the one longer organisation name that contains it strictly
    inside, as a run of words with a word left out on each side (plurals folded): "Revolutionary
    Guards" = "Islamic Revolutionary Guard Corps". A name at the start or end of a longer one is not
    joined this way ("Kharsa Brigade" is not "Sons of the Kharsa Brigade", "United Nations" not
    "United Nations Security Council"): the edge words make a different actor.

    The short name has two or more words besides function words and is not an acronym; both clusters
    are organisations or facilities by vote. When two longer names of different clusters contain it
    ("Security Council" in "Velmoran Security Council" and "Supreme Security Council"), or when the
    short name already belongs with a longer name containing it, nothing joins: a shared short form
    never chains two actors. Candidates come from an index of words, starting
    from the short name's rarest word; a name whose rarest word is in more than ``MAX_BLOCK`` longer
    names is not looked up (cost stays linear).
    """
    types = cluster_types(forms, uf)
    org = ("ORG", "FAC")
    postings: dict[str, list[str]] = defaultdict(list)
    keys_of: dict[str, list[str]] = {}
    for key, info in forms.items():
        if info.name.acronym or not info.spans or types[uf.find(key)] not in org:
            continue
        keys_of[key] = [_singular(t) for t in info.name.tokens]
        if len(info.name.tokens) >= 3:
            for k in set(keys_of[key]):
                postings[k].append(key)
    for key, sk in keys_of.items():
        content = [k for k, t in zip(sk, forms[key].name.tokens) if t not in FUNCTION_WORDS]
        if len(content) < 2:
            continue
        lists = [postings.get(k, []) for k in set(sk)]
        smallest = min(lists, key=len)
        if not smallest or len(smallest) > MAX_BLOCK:
            continue
        own = uf.find(key)
        inside, anywhere = set(), set()
        n = len(sk)
        for cand in smallest:
            ck = keys_of[cand]
            at = [i for i in range(len(ck) - n + 1) if ck[i:i + n] == sk] if len(ck) > n else []
            if at:
                anywhere.add(uf.find(cand))
                if any(0 < i < len(ck) - n for i in at):
                    inside.add(uf.find(cand))
        # already the short form of a longer name of its own cluster, or of several: nothing to add
        if own in anywhere or len(anywhere) != 1 or anywhere != inside:
            continue
        uf.union(key, next(iter(inside)))


def _surfaces(info: FormInfo) -> list[str]:
    """The surfaces a form was written as, most frequent first."""
    counts = Counter(s.text for s in info.spans)
    counts.update(info.link_texts)
    return [t for t, _ in counts.most_common()]


def link_short_forms(forms: dict[str, FormInfo], uf: UnionFind, dominant: dict[str, str]) -> dict[str, list[str]]:
    """Join a one-word name to the full name ending with it, when the corpus makes it unambiguous.

    Candidates are clusters holding a multi-word name whose last token matches the
    word by transliteration key. Types must agree: the full name is a PERSON by
    vote, or the word itself is mostly tagged PERSON and the full name is not an
    organisation or group ("Hezbollah" never joins "Kata'ib Hezbollah" this way).
    One candidate and the word tagged PERSON at least once: joined corpus-wide.
    Otherwise (several candidates, or a word spaCy never called a person): returned
    (form key -> candidate roots) and decided per document by ``_local_choice``; a word mostly
    tagged PERSON whose full names are nearly all one person's (``DOMINANT_SHARE`` of the mentions of
    the candidates that are persons by vote) goes to that person in documents that name none of the
    candidates (``dominant``).
    """
    types = cluster_types(forms, uf)
    by_last: dict[str, set[str]] = defaultdict(set)
    for key, info in forms.items():
        if len(info.name.tokens) >= 2 and not info.name.acronym:
            by_last[translit_key(person_core(info.name.tokens)[-1])].add(uf.find(key))
    ambiguous: dict[str, list[str]] = {}
    joins = []
    for key, info in forms.items():
        if len(info.name.tokens) != 1 or info.name.acronym:
            continue
        own = uf.find(key)
        short_person = info.labels.get("PERSON", 0)
        short_type = cluster_type(forms, [key]) if info.labels else "MISC"
        cands = sorted(
            r for r in by_last.get(translit_key(info.name.tokens[0]), ())
            if r != own and (types[r] == "PERSON" or (short_type == "PERSON" and types[r] not in ("ORG", "NORP")))
        )
        # One candidate: joined when spaCy called the word a person once, or when its own vote is not an
        # organisation or a place (a surname read as a nationality or a work of art); an organisation
        # named after the person, or a place, is decided per document.
        if len(cands) == 1 and (short_person or short_type not in ("ORG", "GPE", "LOC", "FAC")):
            joins.append((key, cands[0]))
        elif cands:
            ambiguous[key] = cands
    for key, root in joins:
        uf.union(key, root)
    out = {key: sorted({uf.find(r) for r in roots}) for key, roots in ambiguous.items()}
    # The dominant candidate: a surname whose full names are nearly all one person's stands for that person
    # in a document that names none of them ("Whitfield" when "Dana Whitfield" has 9 of 10 full mentions).
    weight: Counter = Counter()
    for key, info in forms.items():
        if len(info.name.tokens) >= 2 and not info.name.acronym:
            weight[uf.find(key)] += len(info.spans)
    for key, roots in out.items():
        info = forms[key]
        if len(roots) < 2 or not info.labels.get("PERSON", 0) or 2 * info.labels.get("PERSON", 0) <= sum(info.labels.values()):
            continue
        # the word is a person's name: candidates that are not persons by vote do not compete
        total = sum(weight[r] for r in roots if types.get(r) == "PERSON")
        best = max(roots, key=lambda r: (types.get(r) == "PERSON", weight[r], r))
        if total and types.get(best) == "PERSON" and weight[best] >= DOMINANT_SHARE * total:
            dominant[key] = best
    return out


def _local_choice(span: NameSpan, candidates: frozenset[str], roots_in_doc: dict[str, set[str]],
                  dominant: str | None = None) -> str | None:
    """The one candidate full name present in the span's own document, if exactly one is; the dominant
    candidate (if any) when none is.

    Walks the document's few names, not the candidates (an acronym of a large corpus can have thousands).
    """
    present = [r for r in roots_in_doc.get(span.document, ()) if r in candidates]
    if not present:
        return dominant
    return present[0] if len(present) == 1 else None


# --------------------------------------------------------------------------- 6. entities


def _canonical(forms: dict[str, FormInfo], members: list[str]) -> str:
    """The most complete well-attested name: not an acronym, seen twice if any is, most words, most seen."""
    def count(k: str) -> int:
        return len(forms[k].spans) or sum(forms[k].link_texts.values())

    def ndocs(k: str) -> int:
        return len({s.document for s in forms[k].spans}) or len(set().union(*forms[k].link_documents.values()))

    top = max(count(k) for k in members)
    best = max(
        members,
        key=lambda k: (
            not forms[k].name.acronym,
            count(k) >= 2 or top < 2,
            len(forms[k].name.tokens),
            ndocs(k),
            count(k),
            k,
        ),
    )
    info = forms[best]
    plain = [s.text for s in info.spans if not normalize(s.text).titled]
    pool = Counter(plain or [s.text for s in info.spans])
    pool.update(info.link_texts)
    return display_name(min(pool, key=lambda t: (-pool[t], t)))


def _entity_id(type_: str, name: str, taken: set[str]) -> str:
    """Stable id: "e" + short hash of the type and the canonical name's key."""
    base = "e" + hashlib.sha1(f"{type_}:{normalize(name).key}".encode()).hexdigest()[:10]
    eid, n = base, 2
    while eid in taken:
        eid, n = f"{base}-{n}", n + 1
    taken.add(eid)
    return eid


def build_entities(
    forms: dict[str, FormInfo],
    uf: UnionFind,
    ambiguous: dict[str, list[str]],
    spans: list[NameSpan],
    texts: dict[str, str],
    analyses: Iterable[DocAnalysis],
    links: list[Link],
    dominant: dict[str, str] | None = None,
) -> list[Entity]:
    """Entity records from the clusters; sets Mention.entity; attaches descriptors and relations."""
    dominant = {form: uf.find(root) for form, root in (dominant or {}).items()}
    roots_in_doc: dict[str, set[str]] = defaultdict(set)
    for span in spans:
        if len(forms[span.form].name.tokens) >= 2:
            roots_in_doc[span.document].add(uf.find(span.form))
    choices = {form: frozenset(uf.find(r) for r in candidates) for form, candidates in ambiguous.items()}
    by_root_spans: dict[str, list[NameSpan]] = defaultdict(list)
    for span in spans:
        root = uf.find(span.form)
        if span.form in choices:
            root = _local_choice(span, choices[span.form], roots_in_doc, dominant.get(span.form)) or root
        span.root = root
        by_root_spans[root].append(span)
    members: dict[str, list[str]] = defaultdict(list)
    for key in forms:
        members[uf.find(key)].append(key)
    entities: dict[str, Entity] = {}
    taken: set[str] = set()
    for root in sorted(by_root_spans, key=lambda r: (by_root_spans[r][0].document, by_root_spans[r][0].start)):
        rspans = by_root_spans[root]
        keys = sorted({s.form for s in rspans} | {k for k in members[root] if not forms[k].spans})
        votes: Counter = Counter()
        for s in rspans:
            for _, label in s.mentions:
                if label != "MISC":
                    votes[label] += 1
            if forms[s.form].name.titled:
                votes["PERSON"] += 1
        if votes:
            type_ = min(votes, key=lambda t: (-votes[t], TYPE_ORDER.index(t) if t in TYPE_ORDER else 99))
        else:
            type_ = "ORG" if any(forms[k].name.acronym for k in keys) else "MISC"
        name = _canonical(forms, keys)
        entity = Entity(id=_entity_id(type_, name, taken), name=name, type=type_)
        entity.aliases = _aliases(rspans, [forms[k] for k in keys if not forms[k].spans])
        entity.mentions = sum(len(s.mentions) for s in rspans)
        entity.documents = sorted({s.document for s in rspans})
        entities[root] = entity
    _attach_descriptors(entities, spans, texts, analyses)
    _attach_born(entities, uf, links)
    return sorted(entities.values(), key=lambda e: (-e.mentions, e.name))


def _aliases(spans: list[NameSpan], evidence_only: list[FormInfo]) -> list[Alias]:
    """Every way the sources wrote the entity, with counts and documents, most frequent first."""
    count: Counter = Counter()
    docs: dict[str, set[str]] = defaultdict(set)
    for s in spans:
        count[s.text] += 1
        docs[s.text].add(s.document)
    for info in evidence_only:
        for text, n in info.link_texts.items():
            count[text] += n
            docs[text].update(info.link_documents.get(text, ()))
    return [Alias(text=t, count=n, documents=sorted(docs[t])) for t, n in sorted(count.items(), key=lambda x: (-x[1], x[0]))]


def _attach_descriptors(entities, spans, texts, analyses) -> None:
    """Per document: each mention's entity, descriptors grouped per entity (by target mention, else by
    target span) and the relations they state.

    One document at a time (its spans are a slice of ``spans`` grouped by document), so the
    mention -> entity maps exist for one document at once, not for the corpus.
    """
    spans.sort(key=lambda span: span.document)  # stable: spans keep their order within a document
    ranges: dict[str, tuple[int, int]] = {}
    for i, span in enumerate(spans):
        ranges[span.document] = (ranges.get(span.document, (i, i))[0], i + 1)
    by_id = {e.id: e for e in entities.values()}
    not_objects = {e.id for e in entities.values() if e.type == "NORP"}  # "leader of the Iranian regime"
    keep_entities = getattr(analyses, "set_entities", None)  # packed analyses decode afresh: they keep them
    for analysis in only(analyses, "mentions", "descriptors"):
        lo, hi = ranges.get(analysis.document, (0, 0))
        by_index: dict[int, str] = {}
        doc_spans: list[tuple[int, int, str]] = []
        for span in spans[lo:hi]:
            eid = entities[span.root].id
            doc_spans.append((span.start, span.end, eid))
            for index, _ in span.mentions:
                by_index[index] = eid
        doc_spans.sort()
        by_mention: dict[str, str] = {}
        for index, m in enumerate(analysis.mentions):  # the order name_spans saw: the same decoding
            m.entity = by_index.get(index)
            if m.entity is not None:
                by_mention[m.id] = m.entity
        if keep_entities is not None:
            keep_entities([analysis])
        text = texts.get(analysis.document)
        for d in analysis.descriptors:
            eid = by_mention.get(d.target_mention or "") or _entity_at(doc_spans, d.target_start, d.target_end)
            if eid is None:
                continue
            entity = by_id[eid]
            entity.descriptors.append({"text": d.text, "document": d.document, "start": d.start, "end": d.end})
            if text is not None:
                entity.relations.extend(
                    relations_from_descriptor(eid, d.document, text, d.start, d.end, doc_spans, not_objects)
                )


def _entity_at(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The entity of the name span overlapping [start, end) most."""
    best, overlap = None, 0
    for s, e, eid in spans:
        if s >= end:
            break
        o = min(e, end) - max(s, start)
        if o > overlap:
            best, overlap = eid, o
    return best


def _attach_born(entities, uf, links) -> None:
    """"X, born NAME" links become a "born" relation on X's entity."""
    for link in links:
        if link.kind != "born":
            continue
        entity = entities.get(uf.find(normalize(link.a).key))
        if entity is not None:
            entity.relations.append(born_relation(entity.id, link.b, link.document, link.start, link.end))
