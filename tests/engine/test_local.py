"""The local engine: a pool gives the records of a serial run, in input order; a bad document costs only itself."""
import pytest

from consilience.engine import run_phase1
from consilience.engine.batch import analyze_batch
from consilience.codec import encode
from consilience.model import Document
from consilience.settings import Settings

from .invented import invented_documents


@pytest.mark.timeout(240)
def test_pool_matches_serial_run_record_for_record():
    documents = invented_documents(24)
    serial = run_phase1(documents, Settings(workers=1, batch_size=5))
    pooled = run_phase1(documents, Settings(workers=2, batch_size=5))
    assert [a.document for a in pooled] == [d.id for d in documents]
    assert [encode(a) for a in pooled] == [encode(a) for a in serial]
    assert sum(len(a.mentions) for a in serial) > len(documents)  # real analysis happened
    for document, analysis in zip(documents, serial):
        for mention in analysis.mentions:
            assert document.text[mention.start:mention.end] == mention.text


@pytest.mark.timeout(120)
def test_a_document_that_breaks_analysis_fails_alone():
    good = invented_documents(3)
    broken = Document(id="broken", path="broken.txt", text=None, language="en")  # not text at all
    rows = analyze_batch([good[0], broken, good[1], good[2]], ["k0", "kb", "k1", "k2"], Settings(workers=1))
    assert [r.document for r in rows] == ["inv00000", "broken", "inv00001", "inv00002"]
    assert [r.failed for r in rows] == [False, True, False, False]
    assert '"skipped_reason":"analysis failed' in rows[1].analysis


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        run_phase1(invented_documents(1), Settings(engine="spark"))
