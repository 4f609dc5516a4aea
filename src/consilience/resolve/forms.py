"""Step 4, forms: spans grouped by normalised name, the union-find that clusters them, and a
cluster's type by vote over its mentions' labels.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..model import Descriptor
from .aliases import Link
from .names import PERSON_NOUNS, NameForm, clean_surface, normalize, org_suffix
from .spans import NameSpan
from ..unionfind import UnionFind  # noqa: F401 (re-exported: the steps take it from here)

# Tie-break order for the type vote.
TYPE_ORDER = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE")
# Blocks larger than this are compared only by exact transliteration key (keeps cost linear).
MAX_BLOCK = 40


@dataclass(slots=True)
class FormInfo:
    """Everything known about one normalised name across the corpus."""

    name: NameForm
    spans: list[NameSpan] = field(default_factory=list)
    labels: Counter = field(default_factory=Counter)
    link_texts: Counter = field(default_factory=Counter)  # surfaces seen only in alias evidence
    link_documents: dict = field(default_factory=dict)  # surface -> documents


def build_forms(spans: list[NameSpan], links: list[Link], people: frozenset = frozenset()) -> dict[str, FormInfo]:
    """Spans grouped by normalised name; names seen only in alias evidence get a form too. A title
    ("Mayor Dana Ruiz") or a descriptor of a person's role (``people``: (document, end) of the names
    ``person_described`` finds) is one vote PERSON beside spaCy's label, a legal form at the end of
    the name ("Ltd", "ASA") two votes ORG (it outweighs spaCy's label)."""
    forms: dict[str, FormInfo] = {}
    capitals: Counter = Counter()  # form -> spans written as an acronym minus spans written as a word
    for span in spans:
        name = normalize(span.text)
        span.form = name.key
        info = forms.get(name.key)
        if info is None:
            info = forms[name.key] = FormInfo(name)
        info.spans.append(span)
        add_votes(info.labels, span, name, people)
        if len(name.tokens) == 1:
            capitals[name.key] += 1 if name.acronym else -1
    for key, n in capitals.items():
        # a word written in capitals only in a headline of capitals ("COLTS") is the word most spans write
        info = forms[key]
        if n < 0 and info.name.acronym:
            info.name = replace(info.name, acronym=None)
        elif n > 0 and not info.name.acronym:
            info.name = next(normalize(s.text) for s in info.spans if normalize(s.text).acronym)
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


def add_votes(votes: Counter, span: NameSpan, name: NameForm, people: frozenset) -> None:
    """A span's type votes, added to ``votes``: its mentions' spaCy labels (an untagged proper noun, MISC,
    is no vote: the names it joins decide), one PERSON for a title or a descriptor of a person's role,
    else two ORG for a legal form ending the name ("Nordby Industrier ASA": it outweighs spaCy reading
    a person)."""
    for _, label in span.mentions:
        if label != "MISC":
            votes[label] += 1
    if name.titled or (span.document, span.end) in people:
        votes["PERSON"] += 1
    elif len(name.tokens) >= 2 and not name.acronym and org_suffix(name.tokens[-1]):
        votes["ORG"] += 2


def person_described(descriptors: Iterable[Descriptor]) -> frozenset:
    """(document, end) of the names a descriptor gives a person's role: its head noun, the last word
    before "of"/"for"/"at"/"in" ("president of the union", "the brigade's commander"), is one of
    ``names.PERSON_NOUNS``."""
    out = set()
    for d in descriptors:
        head = re.split(r"\s(?:of|for|at|in|from|with)\s", d.text.lower(), maxsplit=1)[0].split()
        if head and head[-1].strip(",.;:'\u2019\"") in PERSON_NOUNS:
            out.add((d.document, d.target_end))
    return frozenset(out)


def cluster_type(forms: dict[str, FormInfo], members: list[str]) -> str:
    """The cluster's type: most votes over its mentions' labels (a title votes PERSON)."""
    votes: Counter = Counter()
    for key in members:
        votes.update(forms[key].labels)
    if not votes:
        return "ORG" if any(forms[k].name.acronym for k in members) else "MISC"
    return min(votes, key=lambda t: (-votes[t], TYPE_ORDER.index(t) if t in TYPE_ORDER else 99))


def cluster_votes(forms: dict[str, FormInfo], uf: UnionFind) -> dict[str, dict[str, int]]:
    """Every cluster's label votes (label -> mentions), in one pass over the forms."""
    votes: dict[str, dict[str, int]] = {}
    for key, info in forms.items():
        v = votes.setdefault(uf.find(key), {})
        for label, n in info.labels.items():
            v[label] = v.get(label, 0) + n
    return votes


def cluster_types(forms: dict[str, FormInfo], uf: UnionFind) -> dict[str, str]:
    """Every cluster's type by vote (as ``cluster_type``), in one pass over the forms."""
    acronym_only: dict[str, bool] = {}
    for key, info in forms.items():
        root = uf.find(key)
        acronym_only[root] = acronym_only.get(root, False) or bool(info.name.acronym)
    out = {}
    for root, v in cluster_votes(forms, uf).items():
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


def _surfaces(info: FormInfo) -> list[str]:
    """The surfaces a form was written as, most frequent first."""
    counts = Counter(s.text for s in info.spans)
    counts.update(info.link_texts)
    return [t for t, _ in counts.most_common()]
