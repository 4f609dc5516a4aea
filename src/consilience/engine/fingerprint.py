"""Keys that say whether a stored phase-1 result is still valid for a document.

A result is reused only when the document (id, text, publication date, language), the model
(name and version), the settings that shape analysis and the analysis code itself are unchanged;
anything else gives a new key, so a stale result is never served.

"The analysis code" is every module of the package that phase 1 runs, found by following the
imports (static, so the key is the same in every process) from its entry points, and every data
file in the packages those modules live in (vocabularies, model weights).
"""
from __future__ import annotations

import ast
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from ..model import Document
from ..settings import Settings

_PACKAGE = Path(__file__).resolve().parents[1]
# Where phase 1 starts: the analysis stages, and the codec that stores their records.
_ENTRY_POINTS = ("analyze/__init__.py", "codec.py")
_DATA_SUFFIXES = (".json", ".txt", ".tsv", ".csv")


@lru_cache(maxsize=8)
def analysis_fingerprint(settings: Settings) -> str:
    """One hash of everything besides the document that phase-1 output depends on."""
    import spacy

    parts = {
        "model": _model_identity(settings.model),
        "spacy": spacy.__version__,
        "languages": list(settings.languages),
        "max_chunk_chars": settings.max_chunk_chars,
        "code": _code_hash(),
    }
    return _sha(json.dumps(parts, sort_keys=True))


def document_key(document: Document, fingerprint: str) -> str:
    """The key of one document's phase-1 result under ``fingerprint``."""
    return _sha("\x1f".join([fingerprint, document.id, document.published or "", document.language or "",
                             document.text]))[:32]


def _model_identity(name: str | None) -> str:
    """"name==version" of the model load_model would pick, without loading it."""
    from spacy.util import get_package_version

    from ..analyze.nlp import DEFAULT_MODELS

    for candidate in ((name,) if name else DEFAULT_MODELS):
        path = Path(candidate)
        if (path / "meta.json").is_file():
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
            return f"{path.resolve()}:{meta.get('name')}=={meta.get('version')}"
        version = get_package_version(candidate)
        if version:
            return f"{candidate}=={version}"
    return f"{name or DEFAULT_MODELS[0]}==unknown"


@lru_cache(maxsize=1)
def _code_hash() -> str:
    digest = hashlib.sha256()
    for path in phase1_files():
        digest.update(str(path.relative_to(_PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def phase1_files() -> list[Path]:
    """The package's modules that phase 1 imports (transitively, from its entry points) and the data files
    beside them, sorted."""
    seen: set[Path] = set()
    todo = [_PACKAGE / p for p in _ENTRY_POINTS]
    while todo:
        path = todo.pop()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        todo.extend(_imported(path))
    folders = {p.parent for p in seen} | {_PACKAGE / "data"}
    data = {f for folder in folders if folder.is_dir() for f in folder.iterdir()
            if f.is_file() and f.suffix in _DATA_SUFFIXES}
    return sorted(seen | data)


def _imported(path: Path) -> list[Path]:
    """The package's own modules that ``path`` imports, as files."""
    source = path.read_text(encoding="utf-8")
    return [f for module in imported_modules(source, path.relative_to(_PACKAGE).parent.parts) for f in _files(module)]


def imported_modules(source: str, package_parts: tuple[str, ...]) -> list[list[str]]:
    """Module paths inside the package (``["lexicon", "calendar"]``) that ``source``, a module of the package
    ``package_parts``, imports, relatively or as ``consilience.``. For "from X import a, b" both X and X.a,
    X.b are given ("from . import lexicon" names a module): callers keep the ones that exist."""
    out: list[list[str]] = []
    for node in _run_time_nodes(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            named = node.module.split(".") if node.module else []
            if node.level:
                module = [*package_parts[:len(package_parts) - (node.level - 1)], *named]
            elif named and named[0] == _PACKAGE.name:
                module = named[1:]
            else:
                continue
            out.append(module)
            out.extend([*module, alias.name] for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == _PACKAGE.name:
                    out.append(parts[1:])
    return out


def _run_time_nodes(tree: ast.AST):
    """Every node of ``tree`` but those under ``if TYPE_CHECKING:`` (imports for annotations only: the
    module never runs them, so what they name is not code phase 1 runs)."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                todo.extend(child.orelse)
            else:
                todo.append(child)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _files(parts: list[str]) -> list[Path]:
    """The file of a module path: ``a/b.py``, or ``a/b/__init__.py`` for a package."""
    target = _PACKAGE.joinpath(*parts)
    if parts and target.with_suffix(".py").is_file():
        return [target.with_suffix(".py")]
    if (target / "__init__.py").is_file():
        return [target / "__init__.py"]
    return []


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
