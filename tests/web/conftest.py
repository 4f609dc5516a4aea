"""Fixtures of the web tests: a store written (by store.write_store) from the invented dossier."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest


def load_synthetic():
    path = Path(__file__).resolve().parents[1] / "report" / "synthetic.py"
    spec = importlib.util.spec_from_file_location("consilience_tests_synthetic", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synthetic():
    return load_synthetic()


@pytest.fixture()
def dossier(synthetic):
    return synthetic.build_synthetic_dossier()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, synthetic) -> Path:
    """Written once per module: every route is read-only (a test checks the file stays byte-identical)."""
    from consilience.store import write_store

    directory = tmp_path_factory.mktemp("store")
    write_store(synthetic.build_synthetic_dossier(), directory / "consilience.duckdb")
    return directory


@pytest.fixture(scope="module")
def client(store_dir):
    from fastapi.testclient import TestClient

    from consilience.web.app import create_app

    with TestClient(create_app(store_dir / "consilience.duckdb")) as c:
        yield c
