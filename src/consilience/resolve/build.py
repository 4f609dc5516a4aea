"""Step 6, entity records from the clusters: type by vote, canonical name, aliases, descriptors and
relations; stores each mention's entity (``store.Analyses.mention_entities``).
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from ..model import Alias, Entity, TextSpan
from ..store import Analyses
from .aliases import Link
from .forms import TYPE_ORDER, FormInfo, UnionFind, add_votes
from .names import clean_surface, display_name, normalize
from .organisations import team_context
from .persons import _local_choice
from .relations import born_relation, relations_from_descriptor
from .spans import NameSpan

def _canonical(forms: dict[str, FormInfo], members: list[str], person: bool = True) -> str:
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
    if not person:  # a title word opening an organisation's name is part of it ("General Agency for X")
        pool = Counter(s.text for s in info.spans)
        pool.update(info.link_texts)
        return clean_surface(min(pool, key=lambda t: (-pool[t], t)))
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
    analyses: Analyses,
    links: list[Link],
    dominant: dict[str, str] | None = None,
    people: frozenset = frozenset(),
    teams: dict[str, str] | None = None,
    demonyms: dict[int, list[str]] | None = None,
) -> list[Entity]:
    """Entity records from the clusters; stores Mention.entity; attaches descriptors and relations. A place
    that stands for its team (``teams``: ``organisations.place_teams``) goes to the team where its
    mention is no location (``organisations.team_context``); a nationality standing for a person
    (``demonyms``: ``persons.nationality_nouns``) to the one person so described that its document names."""
    dominant = {form: uf.find(root) for form, root in (dominant or {}).items()}
    teams = {form: uf.find(root) for form, root in (teams or {}).items()}
    roots_in_doc: dict[str, set[str]] = defaultdict(set)
    for span in spans:
        if len(forms[span.form].name.tokens) >= 2:
            roots_in_doc[span.document].add(uf.find(span.form))
    choices = {form: frozenset(uf.find(r) for r in candidates) for form, candidates in ambiguous.items()}
    by_root_spans: dict[str, list[NameSpan]] = defaultdict(list)
    lent: set[int] = set()  # spans of a place that stand for its team: no vote on the team's type or name
    for span in spans:
        root = uf.find(span.form)
        if span.form in choices:
            root = _local_choice(span, choices[span.form], roots_in_doc, dominant.get(span.form)) or root
        elif span.form in teams and team_context(texts.get(span.document, ""), span.start, span.end):
            root = teams[span.form]
            lent.add(id(span))
        elif demonyms and id(span) in demonyms:
            person = _local_choice(span, frozenset(uf.find(r) for r in demonyms[id(span)]), roots_in_doc)
            if person is not None:
                root = person
                lent.add(id(span))
        span.root = root
        by_root_spans[root].append(span)
    members: dict[str, list[str]] = defaultdict(list)
    for key in forms:
        members[uf.find(key)].append(key)
    entities: dict[str, Entity] = {}
    taken: set[str] = set()
    for root in sorted(by_root_spans, key=lambda r: (by_root_spans[r][0].document, by_root_spans[r][0].start)):
        rspans = by_root_spans[root]
        own = [s for s in rspans if id(s) not in lent] or rspans  # a place lent to its team, a nationality to a person, name them not
        keys = sorted({s.form for s in own} | {k for k in members[root] if not forms[k].spans})
        votes: Counter = Counter()
        for s in own:
            add_votes(votes, s, forms[s.form].name, people)
        if votes:
            type_ = min(votes, key=lambda t: (-votes[t], TYPE_ORDER.index(t) if t in TYPE_ORDER else 99))
        else:
            type_ = "ORG" if any(forms[k].name.acronym for k in keys) else "MISC"
        name = _canonical(forms, keys, person=type_ not in ("ORG", "FAC", "GPE", "LOC"))
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


def _attach_descriptors(entities, spans, texts, analyses: Analyses) -> None:
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
    with analyses.mention_entities() as stored:
        for analysis in analyses.view("mentions", "descriptors"):
            _attach_document(analysis, spans, ranges, entities, by_id, not_objects, texts, stored)


def _attach_document(analysis, spans, ranges, entities, by_id, not_objects, texts, stored) -> None:
    """One document's part of ``_attach_descriptors``; its mentions' entities go to the store."""
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
    for index, m in enumerate(analysis.mentions):  # the order name_spans saw: the same query
        m.entity = by_index.get(index)
        if m.entity is not None:
            by_mention[m.id] = m.entity
    stored.add(analysis.document, by_index.items())
    text = texts.get(analysis.document)
    for d in analysis.descriptors:
        eid = by_mention.get(d.target_mention or "") or _entity_at(doc_spans, d.target_start, d.target_end)
        if eid is None:
            continue
        entity = by_id[eid]
        entity.descriptors.append(TextSpan(d.document, d.start, d.end, d.text))
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
