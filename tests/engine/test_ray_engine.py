"""The same corpus through the local engine and through Ray Data gives the same dossier, record for record."""
import pytest

from consilience.pipeline import analyze_corpus
from consilience.report.dossier import build_dossier
from consilience.settings import Settings

from .invented import invented_text

pytest.importorskip("ray")


def _dossier(paths, settings, out_dir) -> dict:
    corpus = analyze_corpus(paths, settings, out_dir=out_dir)
    dossier = build_dossier(corpus)
    dossier["corpus"].pop("timings")
    return dossier


@pytest.mark.ray
@pytest.mark.slow
@pytest.mark.timeout(900)
def test_local_and_ray_give_the_same_dossier(tmp_path, examples_dir):
    invented = tmp_path / "invented"
    invented.mkdir()
    for i in range(12):
        (invented / f"story-{i:03d}.txt").write_text(invented_text(i) + "\n", encoding="utf-8")
    paths = [str(invented)] + ([str(examples_dir)] if examples_dir.is_dir() else [])

    local = _dossier(paths, Settings(engine="local", workers=2, batch_size=4), tmp_path / "local")
    on_ray = _dossier(paths, Settings(engine="ray", workers=2, batch_size=4), tmp_path / "ray")

    assert len(local["documents"]) >= 12 and local["mentions"] and local["times"]
    for section in local:
        assert on_ray[section] == local[section], f"section {section!r} differs between engines"
    assert not list((tmp_path / "ray" / "work" / "phase1-shards").glob("*.parquet"))  # all shards committed
