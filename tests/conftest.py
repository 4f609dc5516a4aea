"""Shared fixtures: paths to the project's example corpus and to ../shared (read at run time, never copied)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"
SHARED = ROOT.parent / "shared"
SOLEIMANI = SHARED / "corpora" / "soleimani-2020"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def soleimani_dir() -> Path:
    if not SOLEIMANI.is_dir():
        pytest.skip("../shared/corpora/soleimani-2020 is not beside the project")
    return SOLEIMANI


@pytest.fixture(scope="session")
def nlp():
    from consilience.analyze.nlp import load_model

    return load_model(None)


@pytest.fixture(scope="session")
def example_corpus():
    """The Corpus of the whole pipeline on examples/corpus (one run per test session, one worker)."""
    from consilience.pipeline import analyze_corpus
    from consilience.settings import Settings

    return analyze_corpus([str(EXAMPLES)], Settings(workers=1, progress=False))


# --------------------------------------------------------------------------- the invented dossier
# tests/report/synthetic.py builds a realistic dossier (invented story) for the report, web and browser tests.


def _load_synthetic():
    """The synthetic-dossier module, loaded by path (test folders are not importable packages)."""
    import importlib.util

    path = ROOT / "tests" / "report" / "synthetic.py"
    spec = importlib.util.spec_from_file_location("consilience_tests_synthetic", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def synthetic():
    return _load_synthetic()


@pytest.fixture()
def dossier(synthetic):
    """A fresh copy per test: tests may change it."""
    return synthetic.build_synthetic_dossier()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, synthetic) -> Path:
    """A store written from the invented dossier, once per module: every route is read-only
    (a web test checks the file stays byte-identical)."""
    from consilience.store import write_store

    directory = tmp_path_factory.mktemp("store")
    write_store(synthetic.build_synthetic_dossier(), directory / "consilience.duckdb")
    return directory


@pytest.fixture(scope="module")
def client(store_dir):
    """A FastAPI test client over ``store_dir``."""
    from fastapi.testclient import TestClient

    from consilience.web.app import create_app

    with TestClient(create_app(store_dir / "consilience.duckdb")) as c:
        yield c
