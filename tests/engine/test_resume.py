"""Resumable and incremental phase 1: stored results are reused; only new or changed documents are analysed."""
import pytest

from consilience.engine import load_analyses, run_into_store
from consilience.codec import encode
from consilience.engine.phase1 import document_keys
from consilience.engine.ray import _write_shard, shards_dir
from consilience.store import Phase1Store
from consilience.settings import Settings

from .invented import invented_documents

SETTINGS = Settings(workers=1, batch_size=4)


@pytest.mark.timeout(180)
def test_adding_documents_analyses_only_the_new_ones(tmp_path):
    store, work = tmp_path / "c.duckdb", tmp_path / "work"
    first = invented_documents(10)
    stats = run_into_store(first, SETTINGS, store, work)
    assert (stats.analysed, stats.reused) == (10, 0)

    grown = first + invented_documents(5, start=10)
    stats = run_into_store(grown, SETTINGS, store, work)
    assert (stats.analysed, stats.reused) == (5, 10)

    fresh_store = tmp_path / "fresh.duckdb"
    run_into_store(grown, SETTINGS, fresh_store, tmp_path / "w2")
    incremental = [encode(a) for a in load_analyses(grown, SETTINGS, store)]
    assert incremental == [encode(a) for a in load_analyses(grown, SETTINGS, fresh_store)]
    with Phase1Store(store) as s:
        assert sorted(s.runs().values()) == [5, 10]


@pytest.mark.timeout(180)
def test_changed_text_or_settings_invalidate_stored_results(tmp_path):
    store, work = tmp_path / "c.duckdb", tmp_path / "work"
    documents = invented_documents(4)
    run_into_store(documents, SETTINGS, store, work)
    documents[2].text += "\n\nA correction was appended on Friday."
    stats = run_into_store(documents, SETTINGS, store, work)
    assert (stats.analysed, stats.reused) == (1, 3)
    stats = run_into_store(documents, SETTINGS.replace(languages=("en", "de")), store, work)
    assert stats.analysed == 4
    stats = run_into_store(documents, SETTINGS, store, work, resume=False)
    assert (stats.analysed, stats.reused) == (4, 0)


@pytest.mark.timeout(180)
def test_shards_left_by_a_killed_ray_run_are_committed_not_redone(tmp_path):
    """A Parquet shard written but not committed (the driver died in between) is recovered on the next run."""
    import pyarrow as pa

    from consilience.engine.batch import analyze_batch

    store, work = tmp_path / "c.duckdb", tmp_path / "work"
    documents = invented_documents(6)
    keys = document_keys(documents, SETTINGS)
    rows = analyze_batch(documents[:4], keys[:4], SETTINGS)
    shards_dir(work).mkdir(parents=True)
    _write_shard(pa.table({c: [getattr(r, c) for r in rows] for c in ("document", "key", "failed", "analysis")}),
                 shards_dir(work))
    (shards_dir(work) / "cut-short.parquet").write_bytes(b"PAR1 truncated")  # a shard the kill cut short
    stats = run_into_store(documents, SETTINGS, store, work)
    assert (stats.recovered, stats.reused, stats.analysed) == (4, 4, 2)
    assert not list(shards_dir(work).iterdir())
