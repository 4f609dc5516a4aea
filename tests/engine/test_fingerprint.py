"""The phase-1 result key covers every module phase 1 imports and the data beside them: no stale resume."""
from __future__ import annotations

import shutil

from consilience.engine import fingerprint


def _hash_of(tree, monkeypatch) -> str:
    monkeypatch.setattr(fingerprint, "_PACKAGE", tree)
    fingerprint._code_hash.cache_clear()
    try:
        return fingerprint._code_hash()
    finally:
        fingerprint._code_hash.cache_clear()


def test_editing_any_module_phase1_imports_changes_the_key(tmp_path, monkeypatch):
    tree = tmp_path / "consilience"
    shutil.copytree(fingerprint._PACKAGE, tree, ignore=shutil.ignore_patterns("__pycache__"))
    before = _hash_of(tree, monkeypatch)
    imported = {str(p.relative_to(tree)) for p in (monkeypatch.setattr(fingerprint, "_PACKAGE", tree)
                                                   or fingerprint.phase1_files())}
    # every module the analysis stages import, wherever it lives, is in the key (claims read a vocabulary
    # module outside analyze/: editing it must not serve the old claims)
    for path in sorted((tree / "analyze").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        parts = path.relative_to(tree).parent.parts  # ("analyze",), ("analyze", "claims"), ...
        for line in text.splitlines():
            if line.startswith("from ..") and " import " in line:
                module = line.split()[1]
                level = len(module) - len(module.lstrip("."))  # resolved from the module's own package
                package = "/".join([*parts[:len(parts) - (level - 1)], *module.lstrip(".").split(".")])
                assert any(p.startswith(package) for p in imported), line
    for rel in sorted(imported):
        if rel.endswith(".py") and not rel.startswith("analyze/"):
            target = tree / rel
            target.write_text(target.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
            assert _hash_of(tree, monkeypatch) != before, rel
            break
    else:
        raise AssertionError("phase 1 imports nothing outside analyze/: test the data files instead")


def test_data_files_are_in_the_key(tmp_path, monkeypatch):
    tree = tmp_path / "consilience"
    shutil.copytree(fingerprint._PACKAGE, tree, ignore=shutil.ignore_patterns("__pycache__"))
    before = _hash_of(tree, monkeypatch)
    data = tree / "data" / "extra-vocabulary.txt"
    data.write_text("new words\n", encoding="utf-8")
    assert _hash_of(tree, monkeypatch) != before


def test_modules_phase1_never_imports_are_not_in_the_key(tmp_path, monkeypatch):
    tree = tmp_path / "consilience"
    shutil.copytree(fingerprint._PACKAGE, tree, ignore=shutil.ignore_patterns("__pycache__"))
    before = _hash_of(tree, monkeypatch)
    web = tree / "web" / "app.py"
    web.write_text(web.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert _hash_of(tree, monkeypatch) == before
    # model.py names store.Analyses for an annotation only (under ``if TYPE_CHECKING:``): not run by phase 1
    store = tree / "store.py"
    store.write_text(store.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert _hash_of(tree, monkeypatch) == before
