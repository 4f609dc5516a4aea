"""Compose the reconcile stages: claims -> entity ids -> facts -> conflicts -> status -> source profiles."""
from __future__ import annotations

from collections.abc import Iterable

from ..model import Conflict, DocAnalysis, Document, Entity, Fact, SourceProfile
from ..packed import only
from .conflicts import find_conflicts
from .facts import build_facts, group_claims
from .framing import profile_sources, tally_claims
from .participants import resolve_claims


def reconcile(
    documents: list[Document], analyses: Iterable[DocAnalysis], entities: list[Entity], embedder=None
) -> tuple[list[Fact], list[Conflict], list[SourceProfile]]:
    """Facts, conflicts and source profiles. Rewrites claim participant ids from mentions to entities.

    ``embedder`` (``reconcile.semantic.load()``, optional) lets sentence similarity join claims the
    rules leave apart where every slot is compatible; ``None``: the rules alone.

    ``analyses`` is iterated once per step, each step asking only for the fields it reads (``only``).
    The claims and the drafts built on them are let go before the source profiles are made: at
    10^5 documents they hold about a gigabyte, and profiling needs only each document's tally.
    """
    by_id = {d.id: d for d in documents}
    claims, names = resolve_claims(only(analyses, "mentions", "claims"), entities)
    if hasattr(analyses, "set_claims"):  # packed analyses decode afresh: serve the rewritten claims from now on
        analyses.set_claims(claims)
    tallies = tally_claims(claims)
    drafts = group_claims(claims, names, embedder)
    del claims
    facts = build_facts(drafts, by_id, names)
    conflicts = find_conflicts(drafts, facts, by_id, analyses, names)
    del drafts
    _mark_contested(facts, conflicts)
    sources = profile_sources(documents, only(analyses, "mentions", "quotes", "descriptors"), tallies)
    return facts, conflicts, sources


def _mark_contested(facts: list[Fact], conflicts: list[Conflict]) -> None:
    touched = {f for c in conflicts for f in c.facts}
    claims_touched = {cid for c in conflicts for v in c.values for cid in v.claims}
    for f in facts:
        if f.id in touched and claims_touched.intersection(f.claims):
            f.status = "contested"
