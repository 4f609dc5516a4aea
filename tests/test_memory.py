"""The memory helpers do what the stages rely on, and leave the interpreter as they found it."""
from __future__ import annotations

import gc
import sys

import pytest

from consilience.memory import SHORT_STRING, clear_caches, interned_fields, one_copy, paused_gc


@pytest.mark.parametrize("enabled", [True, False])
def test_paused_gc_restores_the_previous_state_even_on_error(enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with pytest.raises(RuntimeError):
            with paused_gc():
                assert not gc.isenabled()
                raise RuntimeError
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_one_copy_shares_the_result_until_cleared():
    @one_copy
    def pair(a, b):
        return ((a, b),)

    first = pair(1, "PERSON")
    assert pair(1, "PERSON") is first
    clear_caches(pair)
    assert pair(1, "PERSON") == first and pair.cache_info().currsize == 1


def test_interned_fields_keeps_known_keys_and_interns_short_strings_only():
    short = "".join(["doc-", "0001"])  # built at run time: not interned by the compiler
    long_ = "x" * (SHORT_STRING + 1)
    out = interned_fields({"document": short, "text": long_, "start": 3, "gone": "y"}, {"document", "text", "start"})
    assert out == {"document": short, "text": long_, "start": 3}
    assert out["document"] is sys.intern("doc-0001")
    assert out["text"] is long_
