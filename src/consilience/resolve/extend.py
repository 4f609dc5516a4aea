"""Step 3, span growth: a span grows to a longer name attested elsewhere in the corpus (spaCy tagged
part of it); spans inside a grown span join it.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from ..analyze.spans import headline_at
from .aliases import Link
from .forms import MAX_BLOCK
from .names import normalize, translit_key
from .relations import ROLE_RELATIONS
from .spans import NameSpan, _mkey

# Words that make "X of the Y" a description, not a name (with the honorifics lexicon).
ROLE_WORDS = frozenset(ROLE_RELATIONS) | {"members", "leaders", "commanders", "head", "heads", "part", "one", "some",
                                          "all", "most", "many", "none", "each", "both"}


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
