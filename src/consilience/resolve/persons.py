"""Step 5, merging people's names: full names with or without middle names, initials, suffixes or a
short given name; a surname alone to the full name ending with it (corpus-wide or per document).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import combinations

from .forms import MAX_BLOCK, FormInfo, UnionFind, cluster_type, cluster_types, cluster_votes
from .names import person_core, tokens_match, translit_key
from .spans import NameSpan

# Share of a surname's full-name mentions one person must hold to take the surname where no full name is.
DOMINANT_SHARE = 0.8


def _person_parts(tokens: tuple[str, ...]) -> tuple[str, tuple[str, ...], str, str] | None:
    """(first name, middle names and initials, surname, generational suffix) of a person's name of two
    or more words ("W. Mark Felt Sr." -> ("w", ("mark",), "felt", "sr")); None otherwise."""
    core = person_core(tokens)
    if len(core) < 2 or len(core[-1]) < 2:
        return None
    suffix = tokens[-1] if len(tokens) > len(core) else ""
    return core[0], core[1:-1], core[-1], {"junior": "jr", "senior": "sr"}.get(suffix, suffix)


def _given_match(a: str, b: str) -> bool:
    """Two given names of one person: same by ``tokens_match``, an initial of the other, a short
    form that is its start ("Fred"/"Frederick", 3+ letters), or a nickname of the other in the
    ``nicknames`` package's English list ("Bill"/"William", "Tony"/"Anthony")."""
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if tokens_match(a, b):
        return True
    short, long_ = sorted((a, b), key=len)
    return (len(short) >= 3 and long_.startswith(short)) or _nickname_of(a, b)


@lru_cache(maxsize=1)
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=4096)
def _nickname_of(a: str, b: str) -> bool:
    """One given name is listed as a nickname of the other (either way round)."""
    names = _nicknamer()
    a, b = a.lower(), b.lower()
    return b in names.nicknames_of(a) or a in names.nicknames_of(b)


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


def merge_name_prefixes(forms: dict[str, FormInfo], uf: UnionFind) -> None:
    """Join a person's name of two or more words to the one longer name that begins with it, word for
    word: a name without its last part, as Spanish and Portuguese names drop the second surname
    ("Rodrigo Valdés" = "Rodrigo Valdés Aránguiz") and names without a family name drop a later
    given name ("Andi Syamsul" = "Andi Syamsul Bachri"). Both names, and their clusters, must be people by vote, the
    shorter name must not end in an initial, and every longer name it begins must be in one cluster
    ("Kim Jong" joins neither "Kim Jong Un" nor "Kim Jong Il")."""
    types = cluster_types(forms, uf)
    longer: dict[str, list[str]] = defaultdict(list)
    people = []
    for key, info in forms.items():
        tokens = info.name.tokens
        if info.name.acronym or len(tokens) < 2 or types[uf.find(key)] != "PERSON" \
                or 2 * info.labels.get("PERSON", 0) <= sum(info.labels.values()):
            continue  # the name itself, not only its cluster, mostly tagged a person
        people.append(key)
        if len(tokens) >= 3 and all(w[:1].isupper() for s in info.spans[:3] for w in s.text.split()):
            longer[translit_key(tokens[0])].append(key)  # every word a name's ("Halden Marek airport" is a place)
    joins = []
    for key in people:
        tokens = forms[key].name.tokens
        if len(tokens[-1]) < 2 or tokens[-1] in ("jr", "sr"):
            continue
        block = longer.get(translit_key(tokens[0]), ())
        if len(block) > MAX_BLOCK:
            continue
        roots = {uf.find(k) for k in block
                 if len(forms[k].name.tokens) > len(tokens)
                 and all(tokens_match(a, b) for a, b in zip(tokens, forms[k].name.tokens))}
        if len(roots) == 1:
            joins.append((key, roots.pop()))
    for key, root in joins:
        uf.union(key, root)


def link_short_forms(forms: dict[str, FormInfo], uf: UnionFind, dominant: dict[str, str],
                     texts: dict[str, str] | None = None) -> dict[str, list[str]]:
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
    candidates (``dominant``). A word mostly tagged PERSON that ends no full name but begins some
    (a given name alone) is decided per document too, with no dominant candidate.
    """
    types = cluster_types(forms, uf)
    votes = cluster_votes(forms, uf)
    by_last: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)
    for key, info in forms.items():
        if len(info.name.tokens) >= 2 and not info.name.acronym:
            by_last[translit_key(person_core(info.name.tokens)[-1])].add(uf.find(key))
            if types[uf.find(key)] == "PERSON" and 2 * info.labels.get("PERSON", 0) > sum(info.labels.values()):
                by_first[translit_key(info.name.tokens[0])].add(uf.find(key))
    full_docs: dict[str, set[str]] = defaultdict(set)  # a given name's candidates -> their documents
    persons = set().union(*by_first.values()) if by_first else set()
    for key, info in forms.items():
        if len(info.name.tokens) >= 2 and uf.find(key) in persons:
            full_docs[uf.find(key)].update(s.document for s in info.spans)
    openers: set[str] = set()  # first words of names of two words or more ("Velmora" of "Velmora Bank")
    for key, info in forms.items():
        if len(info.name.tokens) >= 2 and not info.name.acronym:
            openers.add(translit_key(info.name.tokens[0]))
    full_docs_of: dict[str, set[str]] = {}  # lazily: a candidate's documents writing a full name of it
    ambiguous: dict[str, list[str]] = {}
    given: dict[str, list[str]] = {}
    joins = []
    for key, info in forms.items():
        if len(info.name.tokens) != 1 or info.name.acronym:
            continue
        own = uf.find(key)
        short_person = info.labels.get("PERSON", 0)
        short_type = cluster_type(forms, [key]) if info.labels else "MISC"
        cands = sorted(
            r for r in by_last.get(translit_key(info.name.tokens[0]), ())
            if r != own and (types[r] == "PERSON" or (short_type == "PERSON" and (
                types[r] not in ("ORG", "NORP") or _person_with(votes[r], info.labels))))
        )
        # One candidate: joined when spaCy called the word a person once, or when its own vote is not an
        # organisation or a place (a surname read as a nationality or a work of art); an organisation
        # named after the person, or a place, is decided per document.
        if len(cands) == 1 and (short_person or short_type not in ("ORG", "GPE", "LOC", "FAC") or (
                types[cands[0]] == "PERSON" and texts is not None
                and _surname_only(key, info, cands[0], forms, uf, texts, openers, full_docs_of))):
            joins.append((key, cands[0]))
        elif cands:
            ambiguous[key] = cands
        else:
            # No full name ends with it: a given name alone ("Kathina" for "Kathina Thomas"), decided per
            # document only, where the document itself names the one person it can be. A word spaCy does
            # not mostly call a person ("Kathina" read as a place) only when every document writing it
            # names such a person: a place or a thing named like someone is written elsewhere too.
            firsts = sorted(r for r in by_first.get(translit_key(info.name.tokens[0]), ()) if r != own)
            if firsts and (2 * short_person > sum(info.labels.values()) or (
                    short_type != "NORP" and _named_beside(info, firsts, full_docs))):
                given[key] = firsts
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
    out.update((key, sorted({uf.find(r) for r in roots})) for key, roots in given.items())
    return out


_LOCATING = frozenset({"in", "near", "outside", "into", "across", "inside", "throughout"})  # not "of", "to": "a pass to Talbot"


def _surname_only(key: str, info: FormInfo, root: str, forms: dict[str, FormInfo], uf: UnionFind,
                  texts: dict[str, str], openers: set[str], full_docs_of: dict[str, set[str]]) -> bool:
    """A word spaCy reads as an organisation or a place is the surname of the one person (``root``,
    a person by vote) whose full name ends with it, corpus-wide, when nothing says it names anything
    else: no name of two words or more begins with it (a firm or a town named after the person:
    "Talbot Motors", "Talbot Heights"), no mention of it follows a word that locates ("in Talbot"), and
    one document writes it beside the full name (where it is the person's)."""
    if translit_key(key) in openers:
        return False
    for s in info.spans:
        before = texts.get(s.document, "")[max(0, s.start - 12):s.start].split()
        if before and before[-1].lower() in _LOCATING:
            return False
    if not full_docs_of:  # once: every cluster's documents that write one of its names of two words or more
        full_docs_of[""] = set()
        for k, other in forms.items():
            if len(other.name.tokens) >= 2:
                full_docs_of.setdefault(uf.find(k), set()).update(s.document for s in other.spans)
    return any(s.document in full_docs_of.get(root, ()) for s in info.spans)


def _named_beside(info: FormInfo, roots: list[str], full_docs: dict[str, set[str]]) -> bool:
    """Every document that writes the name also writes a full name of one of the clusters ``roots``
    (``full_docs``: cluster -> documents writing one of its names of two words or more)."""
    docs = {s.document for s in info.spans}
    return bool(docs) and all(any(d in full_docs.get(r, ()) for r in roots) for d in docs)


def _person_with(full: dict[str, int], short: dict[str, int]) -> bool:
    """A full name spaCy often calls an organisation is still a person's when it is tagged PERSON in a
    third of its mentions or more and, counted with its surname standing alone, PERSON is the majority
    ("Ray Dunn" read as a team's name in sports pages, "Dunn" a person throughout)."""
    person = full.get("PERSON", 0)
    both = person + short.get("PERSON", 0)
    total = sum(full.values()) + sum(short.values())
    return 3 * person >= sum(full.values()) and 2 * both > total


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


def _short_given_form(short: str, long_: str) -> bool:
    """``short`` may be a familiar form of ``long_`` that neither the prefix rule nor the nickname list
    knows: same first letter, and two letters long ("Mo" for "Maurice") or three whose letters the long
    name holds in order ("Abe"-like forms; never "Kim" for "Khloe")."""
    if len(short) >= len(long_) or len(long_) < 4 or short[0] != long_[0]:
        return False
    if len(short) == 2:
        return True
    if len(short) == 3:
        it = iter(long_)
        return all(c in it for c in short)
    return False


def merge_document_nicknames(forms: dict[str, FormInfo], uf: UnionFind) -> None:
    """Join the only two people of the corpus who share a surname when one document writes both full
    names and the surname alone, and one given name is a short familiar form of the other
    (``_short_given_form``): "Mo Whitfield" and "Maurice Whitfield" beside "Whitfield" in one article.
    A writer naming two people with one surname tells them apart; one who uses the surname alone beside
    both names means one person. The two together must be mostly tagged PERSON (spaCy often reads the
    familiar form as a team or a place). Never with a third name ending in that surname in the corpus,
    nor across middle names or suffixes that differ."""
    votes = cluster_votes(forms, uf)
    blocks: dict[str, list[tuple[str, tuple]]] = defaultdict(list)
    for key, info in forms.items():
        if info.name.acronym or len(info.name.tokens) < 2 or "and" in info.name.tokens:
            continue  # ("Philly and Whitfield": two names spaCy joined)
        parts = _person_parts(info.name.tokens)
        if parts is not None:
            blocks[translit_key(parts[2])].append((key, parts))
    joins = []
    for members in blocks.values():
        roots = {uf.find(k) for k, _ in members}
        if len(roots) != 2 or len(members) > MAX_BLOCK:
            continue
        both: Counter = Counter()
        for r in roots:
            both.update(votes[r])
        if 2 * both.get("PERSON", 0) <= sum(both.values()):
            continue  # together, not mostly tagged a person (one of them may be read as a team or a place)
        for (ka, pa), (kb, pb) in combinations(members, 2):
            if uf.find(ka) == uf.find(kb) or pa[1] or pb[1] or pa[3] != pb[3]:
                continue
            short, long_ = sorted((pa[0], pb[0]), key=len)
            if not _short_given_form(short, long_):
                continue
            surname = forms.get(pa[2]) or forms.get(pb[2])
            docs = {s.document for s in forms[ka].spans} & {s.document for s in forms[kb].spans}
            if surname is not None and docs & {s.document for s in surname.spans}:
                joins.append((ka, kb))
                break
    for a, b in joins:
        uf.union(a, b)


_DESCRIBED = re.compile(r"(?:^|[^\w'\u2019-])([A-Z][A-Za-z]+)((?: [a-z][\w-]*){0,2}) $")
_NOMINAL_BEFORE = re.compile(r"(?:^|[^\w])(?:the|The)(?: \d+-year-old| [a-z][a-z-]*)? $")
_NOMINAL_AFTER = re.compile(r"(?:['\u2019]s\b|[,.;:!?)]| ([a-z]+)\b)")
_AFTER_ARTICLE = re.compile(r"\b(?:the|a|an|The|A|An) ([a-z]+)\b")


def nationality_nouns(spans: list[NameSpan], forms: dict[str, FormInfo], uf: UnionFind,
                      texts: dict[str, str]) -> dict[int, list[str]]:
    """A nationality standing for a person ("the American looked clueless", "the 40-year-old American
    never recovered"): span id -> the people the corpus describes with that nationality ("American
    Hasim Rahman", "American contender Tony Thompson"), decided per document by ``_local_choice`` (the
    one of them its own document names).

    Nominal only: after "the" (and at most one word such as an age), followed by a possessive, a
    punctuation mark or a word the corpus writes right after a person's name and never after an
    article (a verb: "was", "looked"; "the American team", "the Syrian genocide" are adjectives before
    a noun).
    """
    types = cluster_types(forms, uf)
    norp = {key for key, info in forms.items() if len(info.name.tokens) == 1 and types[uf.find(key)] == "NORP"}
    if not norp:
        return {}
    described: dict[str, set[str]] = defaultdict(set)
    for span in spans:
        if len(forms[span.form].name.tokens) < 2 or not (
                types[uf.find(span.form)] == "PERSON" or any(label == "PERSON" for _, label in span.mentions)):
            continue  # (a boxer's name is often read as an organisation: the span itself tagged PERSON will do)
        text = texts.get(span.document, "")
        m = _DESCRIBED.search(text, max(0, span.start - 60), span.start)
        if m and m.group(1).lower() in norp:
            described[m.group(1).lower()].add(uf.find(span.form))
    if not described:
        return {}
    nouns: set[str] | None = None
    verbs: set[str] = set()
    out: dict[int, list[str]] = {}
    for span in spans:
        if span.form not in described:
            continue
        text = texts.get(span.document, "")
        if not _NOMINAL_BEFORE.search(text, max(0, span.start - 20), span.start):
            continue
        after = _NOMINAL_AFTER.match(text, span.end)
        if after is None:
            continue
        if after.group(1):
            if nouns is None:
                # words the corpus writes right after a person's name and never after an article: what a
                # person does ("was", "looked", "never"), not a noun ("the Karvenian genocide")
                nouns = {w for t in texts.values() for w in _AFTER_ARTICLE.findall(t)}
                verbs = set()
                for other in spans:
                    if any(label == "PERSON" for _, label in other.mentions):
                        w = _NOMINAL_AFTER.match(texts.get(other.document, ""), other.end)
                        if w and w.group(1) and w.group(1) not in nouns:
                            verbs.add(w.group(1))
            if after.group(1) not in verbs:
                continue
        out[id(span)] = sorted(described[span.form])
    return out
