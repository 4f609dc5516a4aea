"""DocAnalysis survives the trip through JSON (process pools, Ray shards, the store) unchanged."""
from consilience.codec import decode_analysis, decode_document, encode
from consilience.model import (AliasEvidence, Claim, Descriptor, DocAnalysis, Document, Mention, Quantity, Quote,
                               Removed, Sentence, TimeExpr)


def _analysis() -> DocAnalysis:
    return DocAnalysis(
        document="d1",
        sentences=[Sentence("d1", 0, 40)],
        mentions=[Mention("d1:m0", "d1", 0, 5, "Marta", "PERSON")],
        times=[TimeExpr("d1", 10, 17, "Tuesday", "DATE", "2024-03-05", "dct:2024-03-07")],
        quantities=[Quantity("d1", 20, 31, "312 workers", 312.0, "worker", False, None, None),
                    Quantity("d1", 32, 40, "hundreds", None, "home", True, 200.0, 999.0)],
        quotes=[Quote("d1", 1, 9, "We try.", "direct", "said", "Marta", 0, 5, "d1:m0")],
        descriptors=[Descriptor("d1", 6, 20, "the spokesperson", 0, 5, "Marta", "apposition", "d1:m0")],
        aliases=[AliasEvidence("d1", 0, 9, "Ab Cd", 0, 5, "AC", 6, 8, "acronym")],
        claims=[Claim("d1:c0", "d1", 0, 40, "Marta said ...", "injure", "d1:m0", ["d1:m0"], "2024-03-05",
                      "Tuesday", None, 0.5, "worker", "half", True, None, "d1:m0", "Marta", True, "injured")],
        skipped_reason=None,
    )


def test_analysis_round_trips_exactly():
    analysis = _analysis()
    back = decode_analysis(encode(analysis))
    assert back == analysis
    assert isinstance(back.claims[0], Claim) and isinstance(back.quantities[1].low, float)


def test_document_round_trips_with_nested_records():
    doc = Document(id="x", path="a.html", text="Bé — “quoted” text", removed=[Removed("Share this", "share")],
                   notes=["n"], published="2024-01-02")
    back = decode_document(encode(doc))
    assert back == doc and isinstance(back.removed[0], Removed)


def test_unknown_fields_in_old_rows_are_ignored():
    text = encode(DocAnalysis(document="d2")).replace('"document":"d2"', '"document":"d2","retired_field":1')
    assert decode_analysis(text) == DocAnalysis(document="d2")
