"""Step 5, merging organisation names: legal suffixes, a unit named with its parent or home place,
a short name strictly inside one longer name.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..analyze.spans import headline_at
from .forms import MAX_BLOCK, FormInfo, UnionFind, cluster_types
from .names import FUNCTION_WORDS, ORG_PREFIXES, initials, normalize, org_suffix, translit_key

def merge_legal_suffixes(forms: dict[str, FormInfo], uf: UnionFind) -> None:
    """Join an organisation written with its legal form or a generic corporate word to the bare name:
    "Norvell Corp." = "Norvell", "Harlan Group Ltd" = "Harlan Group" = "Harlan", and one opened by a
    generic corporate word of another language (``ORG_PREFIXES``): "Compania Velmar SA" = "Velmar".

    The bare name must not be a person or a place by vote (a company named after its founder stays
    apart from him; "Kalvia Holdings" from the country "Kalvia"), unless it is of two words or more and
    tagged a person less often than the suffixed name is an organisation (spaCy reading "Nordby
    Industrier" as a person); the suffixed name must not be a person either.
    """
    types = cluster_types(forms, uf)
    for key, info in list(forms.items()):
        tokens = info.name.tokens
        if info.name.acronym or len(tokens) < 2 or types[uf.find(key)] in ("PERSON", "GPE", "LOC", "NORP"):
            continue
        if tokens[0] in ORG_PREFIXES:  # "Compania Velmar SA" -> "Velmar SA" / "Velmar"
            rest = tokens[1:]
            while len(rest) > 1 and org_suffix(rest[-1]):
                rest = rest[:-1]
            for bare in dict.fromkeys((" ".join(tokens[1:]), " ".join(rest))):
                if bare in forms and forms[bare].spans and not forms[bare].name.acronym \
                        and types[uf.find(bare)] not in ("PERSON", "GPE", "LOC", "NORP", "FAC"):
                    uf.union(key, bare)
                    break
        if not org_suffix(tokens[-1]):
            continue
        stem = tokens[:-1]
        while len(stem) > 1 and org_suffix(stem[-1]):
            stem = stem[:-1]
        while stem:
            bare = " ".join(stem)
            if bare in forms and forms[bare].spans and not forms[bare].name.acronym:
                kind = types[uf.find(bare)]
                if kind not in ("PERSON", "GPE", "LOC", "NORP", "FAC") or (
                        kind == "PERSON" and len(stem) >= 2
                        and forms[bare].labels.get("PERSON", 0) < info.labels.get("ORG", 0)) or (
                        kind == "PERSON" and len(stem) >= 3 and _person_by_tagger_only(forms[bare])):
                    # a name of two words spaCy read as a person's less often than the firm's, or of three words
                    # or more that only spaCy reads as a person's (no title, no role): the firm without its form
                    uf.union(key, bare)
                break
            if len(stem) < 2 or not org_suffix(stem[-1]):
                break
            stem = stem[:-1]


def _person_by_tagger_only(info: FormInfo) -> bool:
    """Every PERSON vote of the form is a spaCy label: no span of it has a title ("Dr", "Minister") or a
    descriptor of a person's role (each adds a vote beyond the labels, ``forms.add_votes``)."""
    spacy_person = sum(1 for span in info.spans for _, label in span.mentions if label == "PERSON")
    return info.labels.get("PERSON", 0) <= spacy_person and not any(normalize(s.text).titled for s in info.spans)


def merge_qualified(forms: dict[str, FormInfo], uf: UnionFind) -> None:
    """Join "QUALIFIER UNIT" to "UNIT" (a name of two or more words, an organisation by vote).

    - QUALIFIER is an organisation the corpus names, by name or acronym: a branch
      written with its parent ("Iranian Revolutionary Guard Corps-Quds Force" =
      "Quds Force", since "Iranian Revolutionary Guard Corps" spells "IRGC").
    - QUALIFIER is a country or nationality the corpus names, and no other longer
      name ends in UNIT ("Karvenian Guard Corps" = "the Guard Corps").

    - QUALIFIER is a word of two or three capitals the corpus never writes alone, a mark of the kind
      of thing named ("MV Velmora Star" = "Velmora Star", an organisation, facility or product by vote),
      and no other longer name ends in UNIT.

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
        unit = " ".join(tokens[1:])
        if _type_mark(info, tokens, forms, acronyms) and unit in forms and forms[unit].spans \
                and types[uf.find(unit)] in ("ORG", "FAC", "PRODUCT") and uf.find(unit) != uf.find(key):
            candidates[unit].append((key, "MARK"))
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


def _type_mark(info: FormInfo, tokens: tuple[str, ...], forms: dict[str, FormInfo], acronyms: dict) -> bool:
    """The name opens with a word of two or three capitals that the corpus never writes as a name of its
    own: a mark of the kind of thing named (a vessel's "MV"), not a parent organisation."""
    first = info.spans[0].text.split()[0] if info.spans else ""
    return (2 <= len(first) <= 3 and first.isalpha() and first.isupper() and tokens[0] not in forms
            and first not in acronyms)


def merge_reordered(forms: dict[str, FormInfo], uf: UnionFind) -> None:
    """Join "HEAD of (the) X" to "X HEAD", one institution written both ways: "Department of Justice" =
    "Justice Department", "Ministry of the Interior" = "Interior Ministry". HEAD is one word, X one or two;
    neither name is a person or a place by vote."""
    types = cluster_types(forms, uf)
    for key, info in list(forms.items()):
        tokens = info.name.tokens
        if info.name.acronym or len(tokens) < 3 or tokens[1] != "of":
            continue
        tail = tokens[2:]
        while tail and tail[0] == "the":
            tail = tail[1:]
        if not 1 <= len(tail) <= 2:
            continue
        other = " ".join(tail + (tokens[0],))
        if other in forms and forms[other].spans and all(
                types[uf.find(k)] not in ("PERSON", "GPE", "LOC", "NORP") for k in (key, other)):
            uf.union(key, other)


def merge_of_place(forms: dict[str, FormInfo], uf: UnionFind) -> None:
    """Join "UNIT of PLACE" to "UNIT" (two words or more, an organisation by vote) when PLACE is a place
    or nationality of the corpus and no other "UNIT of ..." is: "the Constitutional Court of Velmora" =
    "the Constitutional Court". Two ("Supreme Court of A", "Supreme Court of B") leave UNIT alone."""
    types = cluster_types(forms, uf)
    longs: dict[str, list[str]] = defaultdict(list)
    others: dict[str, int] = defaultdict(int)
    for key, info in forms.items():
        tokens = info.name.tokens
        if info.name.acronym or "of" not in tokens[2:-1]:
            continue
        i = tokens.index("of", 2)
        unit = " ".join(tokens[:i])
        if unit not in forms or not forms[unit].spans or types[uf.find(unit)] != "ORG":
            continue
        tail = tokens[i + 1:]
        while tail and tail[0] == "the":
            tail = tail[1:]
        place = " ".join(tail)
        if place in forms and types[uf.find(place)] in ("GPE", "LOC", "NORP"):
            longs[unit].append(key)
        else:
            others[unit] += 1
    for unit, keys in longs.items():
        if not others[unit] and len({uf.find(k) for k in keys}) == 1:
            uf.union(keys[0], unit)


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


# A win-loss record or a score right after a name: "Port Vell (10-2)", "Port Vell 91-73".
_RECORD = re.compile(r" ?\(\d{1,3}-\d{1,3}(?:-\d{1,2})?\)| \d{1,3}-\d{1,3}\b")
# Words before a place name that make it the place itself ("in Port Vell", "the mayor of Port Vell").
_LOCATIVE = frozenset({"in", "of", "near", "outside", "from", "to", "into", "across", "around", "throughout",
                       "toward", "towards", "inside", "within", "across", "visit", "visited", "visiting"})


def place_teams(forms: dict[str, FormInfo], uf: UnionFind, texts: dict[str, str]) -> dict[str, str]:
    """Places that stand for their sports team: place form key -> the team's cluster.

    A team is a cluster holding "PLACE UNIT" and "UNIT" alone (``merge_place_qualified``: "Port Vell
    Mariners" = "the Mariners"; UNIT may have several words), or a name the text writes right after PLACE
    (a place and a team tagged side by side: "Port Vell" "Sea Eagles"), where PLACE is a place by vote, and that the text shows playing: one of
    its names, or PLACE itself, is written with a win-loss record or a score right after it ("the
    Mariners (10-2)", "Port Vell 91-73"). Only a place that names one such team. Which of the place's
    mentions stand for the team is decided per mention by ``team_context``.
    """
    types = cluster_types(forms, uf)
    teams_of: dict[str, set[str]] = defaultdict(set)
    for key, info in forms.items():
        tokens = info.name.tokens
        if info.name.acronym or len(tokens) < 2 or not info.spans:
            continue
        root = uf.find(key)
        if types[root] not in ("ORG", "PERSON", "MISC"):
            continue
        for i in range(1, len(tokens)):  # "Port Vell | Mariners", "North Harbour | Sea Eagles"
            unit, parent = " ".join(tokens[i:]), " ".join(tokens[:i])
            if unit in forms and parent in forms and forms[parent].spans and uf.find(unit) == root \
                    and uf.find(parent) != root and types[uf.find(parent)] in ("GPE", "LOC"):
                teams_of[parent].add(root)
    # "North Carolina Tar Heels" tagged as a place and a team side by side: the same as one name
    place_end: dict[tuple[str, int], str] = {}
    for key, info in forms.items():
        if types[uf.find(key)] in ("GPE", "LOC") and not info.name.acronym:
            for sp in info.spans:
                place_end[(sp.document, sp.end + 1)] = key
    if place_end:
        for key, info in forms.items():
            root = uf.find(key)
            if types[root] not in ("ORG", "PERSON", "MISC") or len(info.name.tokens) > 3:
                continue
            for sp in info.spans:
                parent = place_end.get((sp.document, sp.start))
                if parent is not None and texts.get(sp.document, "")[sp.start - 1:sp.start] == " ":
                    teams_of[parent].add(root)
    if not teams_of:
        return {}
    members: dict[str, list[str]] = defaultdict(list)
    wanted = set().union(*teams_of.values())
    for key in forms:
        if uf.find(key) in wanted:
            members[uf.find(key)].append(key)
    plays: dict[str, bool] = {}  # form key or team root -> a record or score is written after one of its names

    def _played(key: str, spans) -> bool:
        if key not in plays:
            plays[key] = any(_RECORD.match(texts.get(s.document, ""), s.end) for s in spans)
        return plays[key]

    out = {}
    for place, roots in teams_of.items():
        if len(roots) != 1:
            continue
        root = next(iter(roots))
        team_spans = (s for k in members[root] for s in forms[k].spans)
        if _played(place, forms[place].spans) or _played("\0" + root, team_spans):  # each team scanned once
            out[place] = root
    return out


def team_context(text: str, start: int, end: int) -> bool:
    """The place name at [start, end) may stand for its team: not after a word that locates ("in", "of",
    "from"...) unless a possessive follows (the word then governs what is owned: "half of Port Vell's
    game"), not beside a comma and a capitalised word ("Port Vell, Karvenia", "Lindale, Port Vell"), not
    followed by a capitalised word outside a headline (it opens a longer name)."""
    before = text[max(0, start - 30):start]
    words = before.split()
    after = text[end:end + 30]
    possessive = after[:2] in ("'s", "\u2019s") or after[:3] == "\u2019 s"  # "half of [Port Vell's game]"
    if words and words[-1].lower().strip(",;:") in _LOCATIVE and not possessive:
        return False
    if before.rstrip().endswith(",") and len(words) >= 1 and words[-1][:1].isupper():
        return False
    if after.startswith(",") and after[1:].lstrip()[:1].isupper():
        return False
    if after.startswith(" ") and after[1:2].isupper() and not headline_at(text, start):
        return False  # (in a headline every word is capitalised: "PORT VELL DEFEATS OSTRAVA")
    return True
