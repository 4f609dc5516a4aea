"""Records <-> JSON text, so phase-1 results can cross process boundaries and live in the store.

DocAnalysis and Document are plain dataclasses; JSON keeps the stored rows readable by any tool
(DuckDB's JSON functions, Parquet readers) and round-trips exactly (ints, floats, None, strings).
Decoding is driven by the dataclasses' own type hints, so a field another stage adds to a record
is carried without touching this module.
"""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import lru_cache

from .memory import interned_fields
from .model import DocAnalysis, Document, to_dict


def encode(record) -> str:
    """A dataclass record (nested records included) as compact JSON text."""
    return json.dumps(to_dict(record), ensure_ascii=False, separators=(",", ":"))


def decode_analysis(text: str) -> DocAnalysis:
    """The DocAnalysis of a JSON row (engine rows, Ray shards; phase 2 reads the store's tables: store.Analyses)."""
    return build_record(DocAnalysis, json.loads(text))


def decode_document(text: str) -> Document:
    return build_record(Document, json.loads(text))


@lru_cache(maxsize=None)
def _field_names(cls) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls))


@lru_cache(maxsize=None)
def record_fields(cls) -> dict[str, typing.Any]:
    """For each field of ``cls`` whose value holds records: the record class (or list of it)."""
    hints = typing.get_type_hints(cls)
    out = {}
    for f in dataclasses.fields(cls):
        record_cls, is_list = _record_type(hints[f.name])
        if record_cls is not None:
            out[f.name] = (record_cls, is_list)
    return out


def _record_type(hint) -> tuple[type | None, bool]:
    """(dataclass, is_list) for hints ``X``, ``X | None``, ``list[X]``; (None, False) otherwise."""
    origin = typing.get_origin(hint)
    if origin is list:
        (arg,) = typing.get_args(hint) or (None,)
        return (arg, True) if dataclasses.is_dataclass(arg) else (None, False)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            if dataclasses.is_dataclass(arg):
                return arg, False
        return None, False
    return (hint, False) if dataclasses.is_dataclass(hint) else (None, False)


def build_record(cls, data: dict):
    kwargs = interned_fields(data, _field_names(cls))  # fields dropped since the row was written: ignored
    for name, (record_cls, is_list) in record_fields(cls).items():
        value = kwargs.get(name)
        if value is None:
            continue
        kwargs[name] = [build_record(record_cls, v) for v in value] if is_list else build_record(record_cls, value)
    return cls(**kwargs)
