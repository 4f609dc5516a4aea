"""Memory workarounds, kept here so the stages read as domain logic; each says in one line why it exists.

At 10^5 documents phase 2 holds millions of small records (``benchmarks/phase2_growth.py`` keeps it
within 4 GB); these helpers are how. A leaf module: both phases may use it.
"""
from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Container, Iterator
from contextlib import contextmanager
from functools import lru_cache

# Strings up to this length are interned by ``interned_fields`` (ids, labels, kinds, units; not texts).
SHORT_STRING = 24


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside the block (the previous state is restored after it).

    Why: millions of small acyclic records make every generational pass walk them all, so the passes
    a growing heap triggers would make a corpus stage quadratic-ish; reference counting still frees them.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def one_copy(fn: Callable) -> Callable:
    """Decorator: equal arguments give the very same result object (empty it with ``clear_caches``).

    Why: a small immutable value built for millions of records (a one-mention tuple) is held once, not once each.
    """
    return lru_cache(maxsize=None)(fn)


def clear_caches(*functions: Callable) -> None:
    """Empty the ``functools`` caches of ``functions``.

    Why: a stage's caches are unbounded while it runs (so its cost stays linear) and hold every distinct
    input it saw; they are dropped as soon as the stage no longer needs them.
    """
    for fn in functions:
        fn.cache_clear()


def interned_fields(data: dict, keys: Container[str]) -> dict:
    """``data``'s entries under ``keys``, each short string replaced by its one interned copy.

    Why: short strings (document ids, labels, kinds, units) repeat across thousands of decoded records.
    """
    return {k: (sys.intern(v) if type(v) is str and len(v) <= SHORT_STRING else v)
            for k, v in data.items() if k in keys}
