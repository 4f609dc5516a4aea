"""Language identification (py3langid: ships its model, no download)."""
from __future__ import annotations

SAMPLE_CHARS = 5000  # enough for a stable answer; keeps long documents cheap
MIN_CHARS = 20


def identify(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None for too little text to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_CHARS:
        return None
    import py3langid

    code, _score = py3langid.classify(sample)
    return code
