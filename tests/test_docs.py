"""Every field the dossier writes is documented in docs/dossier.md, and every command in docs/commands.md."""
from __future__ import annotations

import re
from pathlib import Path

from consilience.report.dossier import build_dossier
from consilience.store import TABLES

DOCS = Path(__file__).resolve().parents[1] / "docs"


def documented_fields() -> set[str]:
    return set(re.findall(r"`([a-z_0-9]+)`", (DOCS / "dossier.md").read_text(encoding="utf-8")))


def test_every_store_column_is_documented():
    missing = {f"{table}.{col}" for table, cols in TABLES.items() for col, _ in cols
               if col not in documented_fields()}
    assert not missing, f"undocumented in docs/dossier.md: {sorted(missing)}"


def test_every_dossier_section_is_documented(tmp_path):
    from consilience.model import Corpus

    sections = set(build_dossier(Corpus(inputs=[], documents=[], skipped=[])))
    assert sections - {"schema"} <= documented_fields()


def test_every_command_is_documented():
    from consilience.cli import app

    text = (DOCS / "commands.md").read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert names and all(f"consilience {name}" in text for name in names), names
