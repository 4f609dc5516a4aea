"""Claim resolution makes new records: a phase-1 Claim keeps its mention ids, its ResolvedClaim names entities."""
from __future__ import annotations

import dataclasses

from consilience.model import Claim, ResolvedClaim
from consilience.schema import TABLES, record_fields


def test_a_resolved_claim_has_the_fields_of_a_claim_in_their_order():
    # the dossier's claim records keep their names and columns whichever record they are written from
    assert record_fields(ResolvedClaim) == record_fields(Claim)
    assert [n for n, _ in TABLES["claims"]] == record_fields(ResolvedClaim)
    hints = {f.name: f.type for f in dataclasses.fields(Claim)}
    assert {f.name: f.type for f in dataclasses.fields(ResolvedClaim)} == hints


def test_resolution_leaves_the_phase1_claims_alone(build):
    build.document("a", "Kael Varro killed Ilsa Brenn in Orsa.", published="2031-04-03")
    kael, ilsa = build.entity("e:kael", "Kael Varro"), build.entity("e:ilsa", "Ilsa Brenn")
    orsa = build.entity("e:orsa", "Orsa", "GPE")
    build.claim("a", "Kael Varro killed Ilsa Brenn in Orsa.", "kill", subject=("Kael Varro", kael),
                objects=[("Ilsa Brenn", ilsa)])
    phase1 = build.analyses["a"].claims[-1]
    phase1.place = build.mention("a", "Orsa", orsa)
    before = dataclasses.asdict(phase1)
    build.run()
    assert dataclasses.asdict(phase1) == before  # still mention ids
    assert phase1.subject.startswith("a:m")
    (resolved,) = build.claims
    assert isinstance(resolved, ResolvedClaim)
    assert (resolved.subject, resolved.objects, resolved.place) == ("e:kael", ["e:ilsa"], "e:orsa")
    assert (resolved.id, resolved.text, resolved.predicate) == (phase1.id, phase1.text, phase1.predicate)


def test_a_participant_is_written_without_its_possessive_ending():
    from consilience.reconcile.participants import Names

    names = Names(name={"e1": "Velmoran Watch Committee"}, surface={("c1", "e1"): "Watch Committee's"})
    assert names.as_written("c1", "e1") == "Watch Committee"
    assert names.as_written("c2", "e1") == "Velmoran Watch Committee"
