"""Keys that say whether a stored phase-1 result is still valid for a document.

A result is reused only when the document (id, text, publication date, language), the model
(name and version), the settings that shape analysis and the analysis code itself are unchanged;
anything else gives a new key, so a stale result is never served.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from ..model import Document
from ..settings import Settings

_PACKAGE = Path(__file__).resolve().parents[1]
# Source files whose change alters phase-1 output: the extractors and the records they fill.
_CODE = ("analyze", "model.py")


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
    for part in _CODE:
        root = _PACKAGE / part
        for path in sorted(root.rglob("*.py")) if root.is_dir() else [root]:
            digest.update(str(path.relative_to(_PACKAGE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
