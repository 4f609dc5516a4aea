"""The dossier's sections and their columns, derived from the records in ``model.py``.

One schema, written once: each dossier section is a list of one record type of ``model.py``, and
the store's tables (``store.TABLES``), the fields of ``dossier.json`` and the docs check
(``tests/test_docs.py``) all read their columns from here. Adding a field to a record adds it to the
dossier, the store, the CSV/Parquet exports and the web API's section list; the docs test then asks
for a line about it in ``docs/dossier.md``.

Column types follow the field's annotation: ``str`` VARCHAR, ``int`` BIGINT, ``float`` DOUBLE,
``bool`` BOOLEAN; lists, dicts and nested records are JSON columns.
"""
from __future__ import annotations

import dataclasses
import types
import typing

from . import model

# section -> (record type, fields of the record left out, extra (column, type) pairs appended)
SECTION_RECORDS: dict[str, tuple[type, tuple[str, ...], tuple[tuple[str, str], ...]]] = {
    # content_hash is the exact-duplicate key of ingestion, not part of the record a reader sees;
    # analysis_skipped says why phase 1 did not analyse the document (None: it did)
    "documents": (model.Document, ("content_hash",), (("analysis_skipped", "VARCHAR"),)),
    "skipped": (model.Skipped, (), ()),
    "entities": (model.Entity, (), ()),
    "mentions": (model.Mention, (), ()),
    "times": (model.TimeExpr, (), ()),
    "quantities": (model.Quantity, (), ()),
    "quotes": (model.Quote, (), ()),
    "descriptors": (model.Descriptor, (), ()),
    "alias_evidence": (model.AliasEvidence, (), ()),
    # the claims as reconciliation reads them: participants are entities (phase-1 claims name mentions)
    "claims": (model.ResolvedClaim, (), ()),
    "facts": (model.Fact, (), ()),
    "conflicts": (model.Conflict, (), ()),
    "sources": (model.SourceProfile, (), ()),
}

# The dossier's list sections, in the order dossier.json writes them ("skipped" lives in "corpus").
SECTIONS: tuple[str, ...] = tuple(s for s in SECTION_RECORDS if s != "skipped")

_SCALARS = {str: "VARCHAR", bool: "BOOLEAN", int: "BIGINT", float: "DOUBLE"}


def column_type(annotation) -> str:
    """The store column type of a field annotation (``str | None`` -> VARCHAR, ``list[...]`` -> JSON)."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            return "JSON"
        annotation = args[0]
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    return "JSON"  # list[...], dict[...], nested records


def record_fields(record_type: type) -> list[str]:
    """The field names of a record type, in declaration order."""
    return [f.name for f in dataclasses.fields(record_type)]


def record_columns(record_type: type, left_out: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Ordered (column, type) pairs of a record type's fields (``left_out`` omitted)."""
    hints = typing.get_type_hints(record_type)
    return [(name, column_type(hints[name])) for name in record_fields(record_type) if name not in left_out]


def columns(section: str) -> list[tuple[str, str]]:
    """Ordered (column, type) pairs of one section."""
    record_type, left_out, extra = SECTION_RECORDS[section]
    return record_columns(record_type, left_out) + list(extra)


TABLES: dict[str, list[tuple[str, str]]] = {section: columns(section) for section in SECTION_RECORDS}

# The Document fields a dossier's document record carries (before ``analysis_skipped``).
DOCUMENT_FIELDS: tuple[str, ...] = tuple(n for n in record_fields(model.Document)
                                         if n not in SECTION_RECORDS["documents"][1])

# The per-document record lists of phase 1: DocAnalysis field -> record type (``list[Mention]`` -> Mention).
# Each is a table of the store (``store.Phase1Store``), one row per record with the record's own columns.
PHASE1_RECORDS: dict[str, type] = {
    name: typing.get_args(hint)[0]
    for name, hint in typing.get_type_hints(model.DocAnalysis).items() if typing.get_origin(hint) is list
}
