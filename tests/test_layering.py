"""The data flows one way: per-document stages (ingest/, analyze/) never import the corpus stages or the outputs."""
from __future__ import annotations

from pathlib import Path

from consilience.engine.fingerprint import imported_modules

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "consilience"
PHASE1 = ("ingest", "analyze")
LATER = ("resolve", "reconcile", "report", "web", "engine", "pipeline", "store", "cli")


def _imports(path: Path) -> set[str]:
    return _imports_in(path.read_text(encoding="utf-8"), path.relative_to(PACKAGE).parent.parts)


def _imports_in(source: str, parts: tuple[str, ...]) -> set[str]:
    """Top-level package modules a module in package ``parts`` imports ("reconcile", "lexicon", ...)."""
    return {module[0] for module in imported_modules(source, parts) if module}


def test_phase1_imports_no_later_stage():
    offenders = {}
    for stage in PHASE1:
        for path in sorted((PACKAGE / stage).rglob("*.py")):
            bad = _imports(path) & set(LATER)
            if bad:
                offenders[str(path.relative_to(PACKAGE))] = sorted(bad)
    assert offenders == {}


def test_the_checker_sees_a_relative_import_of_a_later_stage():
    assert _imports_in("from ..reconcile import vocabulary as V\n", ("analyze",)) == {"reconcile"}
    assert _imports_in("from ...lexicon.calendar import MONTHS\n", ("analyze", "timex")) == {"lexicon"}
    assert _imports_in("from . import rules\n", ("analyze", "timex")) == {"analyze"}
