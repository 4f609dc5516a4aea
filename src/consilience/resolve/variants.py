"""Step 5, merging one name spelt differently: transliteration and typo variants (candidates from
blocking keys, then pairwise decisions), word breaks, and spans grown over a left-out word.
"""
from __future__ import annotations

from collections import defaultdict

from .forms import MAX_BLOCK, FormInfo, UnionFind
from .names import block_key, forms_match, light_fold, normalize, translit_key

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
    deletion of it, as written and on its light fold, with the other tokens' transliteration keys.
    (One typo per name is allowed; a typo in a shorter word is found only when the metaphone block
    holds it.) The fold brings romanisations that differ in digraphs besides one letter together
    (German "ch"/"w"/"sch" against English "kh"/"v"/"sh": the metaphone keys differ)."""
    keys = []
    longest = max(len(t) for t in tokens)
    for i, word in enumerate(tokens):
        if len(word) < 6 or len(word) < longest:
            continue
        rest = tuple(translit_key(t) for j, t in enumerate(tokens) if j != i)
        folded = light_fold(word)
        variants = {w[:k] + w[k + 1:] for w in {word, folded} for k in range(len(w))} | {word, folded}
        keys.extend(("d", len(tokens), i, rest, v) for v in variants)
    return keys


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
