"""Compose the reconcile stages: claims -> entity ids -> facts -> conflicts -> status -> source profiles."""
from __future__ import annotations

from typing import NamedTuple

from ..model import Conflict, Document, Entity, Fact, SourceProfile
from ..store import Analyses, StoredClaims
from .conflicts import find_conflicts
from .facts import build_facts, group_claims
from .framing import profile_sources, tally_claims
from .participants import resolve_claims


class Reconciled(NamedTuple):
    """What reconciliation makes: the claims resolved to entities (in the store, in document order), the
    facts they group into, the conflicts between them and the source profiles."""

    claims: StoredClaims
    facts: list[Fact]
    conflicts: list[Conflict]
    sources: list[SourceProfile]


def reconcile(
    documents: list[Document], analyses: Analyses, entities: list[Entity], embedder=None
) -> Reconciled:
    """Resolved claims, facts, conflicts and source profiles. The phase-1 claims are read, never changed.

    ``embedder`` (``reconcile.semantic.load()``, optional) lets sentence similarity join claims the
    rules leave apart where every slot is compatible; ``None``: the rules alone.

    ``analyses`` is iterated once per step, each step asking only for the fields it reads (``view``).
    The resolved claims are written to the store as soon as they are made, and the records and the drafts built on
    them are let go before the source profiles are made: at 10^5 documents they hold about a
    gigabyte, and profiling needs only each document's tally.
    """
    by_id = {d.id: d for d in documents}
    claims, names = resolve_claims(analyses.view("mentions", "claims"), entities)
    stored = analyses.store_claims(claims)
    tallies = tally_claims(claims)
    drafts = group_claims(claims, names, embedder)
    del claims
    facts = build_facts(drafts, by_id, names)
    conflicts = find_conflicts(drafts, facts, by_id, analyses, names)
    del drafts
    _mark_contested(facts, conflicts)
    sources = profile_sources(documents, analyses.view("mentions", "quotes", "descriptors"), tallies)
    return Reconciled(stored, facts, conflicts, sources)


def _mark_contested(facts: list[Fact], conflicts: list[Conflict]) -> None:
    touched = {f for c in conflicts for f in c.facts}
    claims_touched = {cid for c in conflicts for v in c.values for cid in v.claims}
    for f in facts:
        if f.id in touched and claims_touched.intersection(f.claims):
            f.status = "contested"
