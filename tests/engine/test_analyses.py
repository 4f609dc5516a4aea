"""Phase 2's reader over the store (store.Analyses): records come back in document order, a view reads only its
fields and documents, the entities resolution writes and the mentions propagation adds are seen by every later
read, and the resolved claims read back from their own table. The pipeline gives the same dossier whether its
store is kept in an output directory or temporary."""
from pathlib import Path

import pytest

from consilience.codec import encode
from consilience.model import Claim, DocAnalysis, Mention, ResolvedClaim, Sentence, TimeExpr
from consilience.store import Analyses


def _records() -> list[DocAnalysis]:
    out = []
    for n in range(3):
        doc = f"d{n}"
        out.append(DocAnalysis(
            document=doc,
            sentences=[Sentence(document=doc, start=0, end=30)],
            mentions=[Mention(id=f"{doc}:m{i}", document=doc, start=10 * i, end=10 * i + 5, text=f"Név{i}",
                              label="PERSON") for i in range(4)],
            times=[TimeExpr(document=doc, start=1, end=9, text="Thursday", type="DATE", value="2031-04-03")],
            claims=[Claim(id=f"{doc}:c0", document=doc, start=0, end=30, text="Név0 met Név1.", predicate="meet",
                          subject=f"{doc}:m0", objects=[f"{doc}:m1", f"{doc}:m2"], quantity=2.5)],
        ))
    out.append(DocAnalysis(document="d3", skipped_reason="language 'fr' not handled"))
    return out


def test_reading_gives_back_every_record_in_order():
    records = _records()
    analyses = Analyses.from_records(records)
    assert len(analyses) == 4
    assert [encode(a) for a in analyses] == [encode(a) for a in records]
    assert [encode(a) for a in analyses] == [encode(a) for a in analyses]  # re-iterable
    assert [m.id for m in analyses.records("mentions")] == [m.id for a in records for m in a.mentions]


def test_a_view_reads_only_its_fields_and_documents():
    analyses = Analyses.from_records(_records())
    times_only = list(analyses.view("times"))
    assert [len(a.times) for a in times_only] == [1, 1, 1, 0]
    assert all(not a.mentions and not a.claims for a in times_only)
    assert [a.skipped_reason for a in analyses.view()] == [None, None, None, "language 'fr' not handled"]
    assert analyses.skipped == {"d3": "language 'fr' not handled"}
    some = list(analyses.view("times", "claims", documents={"d1", "d3"}))
    assert [(a.document, len(a.times), len(a.claims)) for a in some] == [("d1", 1, 1), ("d3", 0, 0)]
    assert [t.document for t in analyses.records("times", documents={"d2"})] == ["d2"]
    with pytest.raises(ValueError, match="not a per-document field"):
        analyses.view("mentionz")


def test_entities_written_by_resolution_are_seen_by_every_later_read():
    analyses = Analyses.from_records(_records())
    with analyses.mention_entities() as stored:
        stored.add("d1", [(2, "e-volkov")])
    assert [m.entity for a in analyses for m in a.mentions if m.entity] == ["e-volkov"]
    assert [m.id for a in analyses.view("mentions", "claims") for m in a.mentions if m.entity] == ["d1:m2"]
    with analyses.mention_entities() as stored:  # a new resolution replaces the last one's entities
        stored.add("d0", [(0, "e-other")])
    assert [m.id for m in analyses.records("mentions") if m.entity] == ["d0:m0"]


def test_propagated_mentions_follow_their_documents_mentions():
    analyses = Analyses.from_records(_records())
    added = {"d1": [Mention(id="d1:m4", document="d1", start=60, end=65, text="Név0", label="PERSON")],
             "d3": [Mention(id="d3:m0", document="d3", start=0, end=4, text="Név0", label="PERSON")]}
    analyses.add_mentions(added)
    by_doc = {a.document: [m.id for m in a.mentions] for a in analyses.view("mentions")}
    assert by_doc["d1"] == [f"d1:m{i}" for i in range(5)] and by_doc["d3"] == ["d3:m0"]
    with analyses.mention_entities() as stored:  # the entity of a propagated mention, by its position
        stored.add("d1", [(4, "e-nev")])
    assert [(m.id, m.entity) for m in analyses.records("mentions") if m.entity] == [("d1:m4", "e-nev")]


def test_resolved_claims_read_back_in_the_order_they_were_stored():
    analyses = Analyses.from_records(_records())
    claims = [c for a in _records() for c in a.claims]
    resolved = [ResolvedClaim(**{**{k: getattr(c, k) for k in ResolvedClaim.__dataclass_fields__},
                                 "subject": "e-" + c.subject, "objects": ["e-x", "e-y"]}) for c in reversed(claims)]
    stored = analyses.store_claims(resolved)
    assert len(stored) == 3
    assert list(stored) == resolved and list(stored) == resolved  # re-iterable
    assert len(analyses.store_claims(resolved[:1])) == 1 and list(analyses.store_claims(resolved[:1])) == resolved[:1]


@pytest.mark.timeout(300)
def test_pipeline_dossier_is_the_same_with_a_kept_or_a_temporary_store(tmp_path):
    from consilience import ingest
    from consilience.pipeline import analyze_ingested
    from consilience.report.dossier import build_dossier
    from consilience.settings import Settings

    settings = Settings(workers=1, progress=False)
    examples = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    documents, skipped = ingest.ingest([str(examples)], settings)
    kept = analyze_ingested(documents, skipped, settings, out_dir=tmp_path)
    temporary = analyze_ingested(documents, skipped, settings)
    assert isinstance(kept.analyses, Analyses) and isinstance(temporary.analyses, Analyses)
    kept_dossier, temporary_dossier = build_dossier(kept), build_dossier(temporary)
    for section in kept_dossier:
        if section != "corpus":
            assert kept_dossier[section] == temporary_dossier[section], section
    assert any(m["entity"] for m in kept_dossier["mentions"])
    assert any(c["subject"] and not c["subject"].startswith(tuple(d.id for d in documents))
               for c in kept_dossier["claims"])
