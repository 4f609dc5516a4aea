"""Step 5, merging by the text's alias links and by acronyms: links join at once, except acronym
definitions, decided with the names whose initials the acronym spells.
"""
from __future__ import annotations

from collections import defaultdict

from .aliases import Link
from .forms import MAX_BLOCK, FormInfo, UnionFind, _surfaces, cluster_types
from .names import FUNCTION_WORDS, expansion_initials, normalize, tokens_match, translit_key

# Alias evidence kinds that define an acronym (decided with the other definitions of the same letters).
DEFINITION_KINDS = frozenset({"acronym", "parenthetical"})


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
