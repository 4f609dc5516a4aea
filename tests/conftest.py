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
