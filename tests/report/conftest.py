"""Fixtures of the report tests: the invented dossier (tests/report/synthetic.py)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest


def load_synthetic():
    """The synthetic-dossier module, loaded by path (the tests directories are not packages)."""
    path = Path(__file__).resolve().parent / "synthetic.py"
    spec = importlib.util.spec_from_file_location("consilience_tests_synthetic", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def synthetic():
    return load_synthetic()


@pytest.fixture()
def dossier(synthetic):
    return synthetic.build_synthetic_dossier()
