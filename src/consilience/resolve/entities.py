"""Turn every mention in the corpus into entities: one per real actor.

This module runs the stage; each step lives in the module named beside it:

1. ``spans``: ``name_spans``, one NameSpan per named mention, trimmed to the name
   ("the Quds Force's" -> "Quds Force"); ``refine_spans`` cuts spans to the name
   they hold or drops them (URLs, trailing words, title-case headlines, untagged
   proper nouns, leading role words).
2. ``aliases``: ``collect_links``, alias links the text states (phase-1 AliasEvidence,
   plus acronym definitions and slash forms visible in a mention itself).
3. ``extend``: ``extend_spans``; spaCy sometimes tags part of a name ("Khata'ib [Hezbollah]",
   "[Kata'ib] [Hezbollah]"); a span grows by a neighbouring word, or an "of X"
   tail, only when the grown name is attested elsewhere in the corpus (or, over
   one word, is an attested name with words left out). Spans inside a grown span
   join it. "X's Y" keeps Y when both are names.
4. ``forms``: ``build_forms``, spans grouped by normalised name (``names.normalize``);
   the union-find over them and a cluster's type by vote.
5. Union-find over forms:
   ``variants``: ``merge_gapped``, ``merge_variants`` (transliteration/typo variants found
   through blocking keys), ``merge_spacing`` (word breaks);
   ``acronyms``: ``merge_links`` (the text's own alias links), ``merge_acronyms`` (an acronym
   and the one expansion in the corpus whose initials it spells);
   ``persons``: ``merge_person_variants`` (middle names, initials, suffixes, short given names), ``merge_name_prefixes``,
   ``link_short_forms`` (a surname to the one full name that ends with it, by type vote;
   document-local or dominant when several do);
   ``organisations``: ``merge_legal_suffixes``, ``merge_qualified``/``merge_place_qualified``
   (a unit named with its parent or home place), ``merge_contained`` (an organisation's short
   name inside one longer name).
6. ``build``: ``build_entities``, type by vote, canonical name, aliases, descriptors,
   relations; sets ``Mention.entity``.

Precision before recall: names of different lengths never merge by spelling
alone ("Hezbollah" vs "Kata'ib Hezbollah", "IRGC" vs "IRGC-QF"); only the text's
evidence, an acronym, or a rule that names the relation between the two (short
form, qualifier, suffix, middle name) joins them, and never through a short form
that two longer names share.
"""
from __future__ import annotations


from ..memory import clear_caches, paused_gc
from ..store import Analyses
from ..model import Document, Entity
from . import names
from .acronyms import merge_acronyms, merge_links
from .aliases import collect_links
from .build import build_entities
from .extend import _edge_key, attested_keys, extend_spans
from .forms import UnionFind, build_forms, person_described
from .organisations import (merge_contained, merge_legal_suffixes, merge_of_place, merge_place_qualified,
                            merge_qualified, merge_reordered, place_teams)
from .persons import (link_short_forms, merge_document_nicknames, merge_name_prefixes, merge_person_variants,
                      nationality_nouns)
from .spans import _mkey, _one, _trim, name_spans, refine_spans
from .variants import merge_gapped, merge_spacing, merge_variants


def resolve_entities(documents: list[Document], analyses: Analyses) -> list[Entity]:
    """Entities of the corpus; the entity of every mention (None where none) is written to the store, and
    later reads of ``analyses``' mentions carry it (``Mention.entity``).

    ``analyses`` is read in passes, each asking only for the fields it needs (``Analyses.view``):
    mentions, alias evidence, descriptors, then mentions and descriptors.
    """
    with paused_gc():  # millions of small acyclic records (``memory.paused_gc``)
        try:
            return _resolve(documents, analyses)
        finally:
            _clear_caches()  # per-run caches (unbounded while running, so cost stays linear)


def _clear_caches() -> None:
    clear_caches(_one, _trim, _mkey, _edge_key, names.normalize, names.light_fold, names.translit_key, names.block_key)


def _resolve(documents: list[Document], analyses: Analyses) -> list[Entity]:
    texts = {d.id: d.text for d in documents}
    spans = refine_spans(name_spans(texts, analyses), texts)
    links = collect_links(texts, analyses, spans)
    gapped: list[tuple[str, str]] = []
    spans = extend_spans(spans, texts, attested_keys(spans, links), gapped)
    people = person_described(d for a in analyses.view("descriptors") for d in a.descriptors)
    forms = build_forms(spans, links, people)
    uf = UnionFind()
    for key in forms:
        uf.find(key)
    merge_gapped(forms, uf, gapped)
    merge_variants(forms, uf)
    merge_spacing(forms, uf)
    defined = merge_links(links, uf)
    merge_person_variants(forms, uf)
    merge_name_prefixes(forms, uf)
    merge_document_nicknames(forms, uf)
    merge_legal_suffixes(forms, uf)
    ambiguous = merge_acronyms(forms, uf, defined)
    merge_qualified(forms, uf)
    merge_place_qualified(forms, uf)
    merge_of_place(forms, uf)
    merge_reordered(forms, uf)
    merge_contained(forms, uf)
    dominant: dict[str, str] = {}
    ambiguous.update(link_short_forms(forms, uf, dominant, texts))
    local = ambiguous
    teams = place_teams(forms, uf, texts)
    demonyms = nationality_nouns(spans, forms, uf, texts)
    # The name caches hold every surface, key and extension candidate seen (~600 MB at 10^5 documents);
    # building the entities needs few of them again, and it is where memory peaks.
    _clear_caches()
    return build_entities(forms, uf, local, spans, texts, analyses, links, dominant, people, teams, demonyms)
