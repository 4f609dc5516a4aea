"""Phase 2's packed analyses: decoding gives back the records, a view decodes only its fields, and the mention
entities phase 2 adds survive every later decoding. Resolved claims are packed records of their own. The
pipeline over packed analyses writes the same dossier as the same stages over plain lists of records."""
from pathlib import Path

import pytest

from consilience.codec import encode
from consilience.model import Claim, DocAnalysis, Mention, ResolvedClaim, TimeExpr
from consilience.packed import PackedAnalyses, PackedRecords, add_mentions, drop_fields, only


def _records() -> list[DocAnalysis]:
    out = []
    for n in range(3):
        doc = f"d{n}"
        out.append(DocAnalysis(
            document=doc,
            mentions=[Mention(id=f"{doc}:m{i}", document=doc, start=10 * i, end=10 * i + 5, text=f"Név{i}",
                              label="PERSON") for i in range(4)],
            times=[TimeExpr(document=doc, start=1, end=9, text="Thursday", type="DATE", value="2031-04-03")],
            claims=[Claim(id=f"{doc}:c0", document=doc, start=0, end=30, text="Név0 met Név1.", predicate="meet",
                          subject=f"{doc}:m0", objects=[f"{doc}:m1"], quantity=2.5)],
        ))
    out.append(DocAnalysis(document="d3", skipped_reason="language 'fr' not handled"))
    return out


def test_decoding_gives_back_every_record_in_order():
    records = _records()
    packed = PackedAnalyses.from_records(records)
    assert len(packed) == 4
    assert [encode(a) for a in packed] == [encode(a) for a in records]
    assert [encode(a) for a in packed] == [encode(a) for a in packed]  # re-iterable


def test_a_view_decodes_only_its_fields():
    packed = PackedAnalyses.from_records(_records())
    times_only = list(only(packed, "times"))
    assert [len(a.times) for a in times_only] == [1, 1, 1, 0]
    assert all(not a.mentions and not a.claims for a in times_only)
    assert [a.skipped_reason for a in only(packed)] == [None, None, None, "language 'fr' not handled"]
    some = list(only(packed, "times", documents={"d1", "d3"}))
    assert [(a.document, len(a.times)) for a in some] == [("d1", 1), ("d3", 0)]
    with pytest.raises(ValueError, match="not a per-document field"):
        packed.view("mentionz")


def test_lists_pass_through_only_unchanged():
    records = _records()
    assert only(records, "times") is records


def test_entities_survive_later_decoding_and_dropped_fields_decode_empty():
    packed = PackedAnalyses.from_records(_records())
    named = list(packed.view("mentions"))
    named[1].mentions[2].entity = "e-volkov"
    packed.set_entities(named)
    assert [m.entity for a in packed for m in a.mentions if m.entity] == ["e-volkov"]
    assert [m.entity for a in packed.view("mentions", "claims") for m in a.mentions if m.entity] == ["e-volkov"]

    drop_fields(packed, "claims")
    assert [len(a.claims) for a in packed] == [0, 0, 0, 0]
    assert [len(a.times) for a in packed] == [1, 1, 1, 0]
    plain = _records()
    drop_fields(plain, "claims")  # a caller's list of records is left as it is
    assert [len(a.claims) for a in plain] == [1, 1, 1, 0]


def _resolved(claim: Claim, **changes) -> ResolvedClaim:
    return ResolvedClaim(**{**{k: getattr(claim, k) for k in ResolvedClaim.__dataclass_fields__}, **changes})


def test_packed_records_give_back_every_record_in_order():
    claims = [c for a in _records() for c in a.claims]
    resolved = [_resolved(c, subject="e-" + c.subject, objects=[]) for c in claims]
    packed = PackedRecords(ResolvedClaim, resolved)
    assert len(packed) == 3
    assert list(packed) == resolved and list(packed) == resolved  # re-iterable
    assert all(isinstance(c, ResolvedClaim) for c in packed)


def test_packed_records_of_one_document_in_several_runs_are_all_kept():
    resolved = [_resolved(c) for a in _records() for c in a.claims]
    extra = ResolvedClaim(id="d0:c1", document="d0", start=40, end=50, text="Név2 left.", predicate="leave")
    packed = PackedRecords(ResolvedClaim, [*resolved, extra])  # d0's claims in two runs: merged per document
    assert [c.id for c in packed] == ["d0:c0", "d0:c1", "d1:c0", "d2:c0"]
    assert len(packed) == 4


@pytest.mark.timeout(300)
def test_pipeline_on_packed_analyses_equals_the_stages_on_lists(tmp_path):
    from consilience import ingest, resolve
    from consilience.engine import load_analyses
    from consilience.model import Corpus
    from consilience.pipeline import PHASE2_SKIPS, STORE_NAME, analyze_ingested
    from consilience.reconcile import reconcile
    from consilience.report.dossier import build_dossier
    from consilience.settings import Settings

    settings = Settings(workers=1, progress=False)
    examples = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    documents, skipped = ingest.ingest([str(examples)], settings)
    packed_corpus = analyze_ingested(documents, skipped, settings, out_dir=tmp_path)
    assert isinstance(packed_corpus.analyses, PackedAnalyses)

    plain = list(load_analyses(documents, settings, tmp_path / STORE_NAME, skip=PHASE2_SKIPS))
    assert all(isinstance(a, DocAnalysis) for a in plain)
    list_corpus = Corpus(inputs=packed_corpus.inputs, documents=documents, skipped=skipped, analyses=plain)
    add_mentions(plain, resolve.propagate_names(documents, plain))  # the pipeline's first phase-2 stage
    list_corpus.entities = resolve.resolve_entities(documents, plain)
    list_corpus.claims, list_corpus.facts, list_corpus.conflicts, list_corpus.sources = reconcile(
        documents, plain, list_corpus.entities)

    packed_dossier, list_dossier = build_dossier(packed_corpus), build_dossier(list_corpus)
    for section in packed_dossier:
        if section != "corpus":
            assert packed_dossier[section] == list_dossier[section], section
    assert any(m["entity"] for m in packed_dossier["mentions"])
    assert any(c["subject"] and not c["subject"].startswith(tuple(d.id for d in documents))
               for c in packed_dossier["claims"])
