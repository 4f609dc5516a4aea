"""The DuckDB store: one table per dossier section, written from and read back to dossier dicts.

The tables and their columns are those of ``schema.TABLES`` (the records of ``model.py``).

Scalars are native columns; nested values (lists, records) are JSON columns, so every
table reads back into exactly the records of dossier.json.
"""
from __future__ import annotations

import json
from collections.abc import Container, Iterable, Iterator
from contextlib import contextmanager
from itertools import groupby
from pathlib import Path
from sys import intern
from typing import NamedTuple

import duckdb
import pyarrow as pa

from . import schema
from .memory import SHORT_STRING, paused_gc
from .model import DocAnalysis, Mention, ResolvedClaim

# section -> ordered (column, type), derived from the records in model.py (see schema.py).
TABLES = schema.TABLES

_ARROW = {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
          "JSON": pa.string()}


# DuckDB's buffer pool may otherwise take 80% of RAM on large writes; past this it spills to disk.
MEMORY_LIMIT = "512MB"
WRITE_CHUNK = 20_000  # rows per Arrow batch when writing: memory stays flat whatever the section's size


def _rows(dossier: dict, section: str):
    if section == "skipped":
        return dossier["corpus"]["skipped"]
    return dossier.get(section, [])


def _arrow_column(values: list, typ: str) -> pa.Array:
    """One column's values as Arrow of its store type (JSON columns hold the values' JSON text)."""
    if typ == "JSON":
        values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
    return pa.array(values, type=_ARROW[typ])


def _projection(columns: list[tuple[str, str]], alias: str = "") -> str:
    """The SELECT list reading ``columns`` back (JSON as text, decoded by ``_build``)."""
    return ", ".join(f'{alias}"{n}"' + ("::VARCHAR" if t == "JSON" else "") for n, t in columns)


def _arrow_table(columns: list[tuple[str, str]], rows: list[dict]) -> pa.Table:
    return pa.table({name: _arrow_column([r.get(name) for r in rows], typ) for name, typ in columns})


def _chunks(rows, size: int):
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def write_store(dossier: dict, path: Path) -> None:
    """Write the dossier into a DuckDB file, replacing its tables (same inputs: same rows, nothing twice).

    Sections may be lists or lazy sequences (report.dossier.Lazy); rows go in WRITE_CHUNK at a time.
    """
    con = connect(path)
    try:
        con.execute("BEGIN")
        for section, columns in TABLES.items():
            cols = ", ".join(f'"{n}" {t}' for n, t in columns)
            con.execute(f'CREATE OR REPLACE TABLE "{section}" ({cols})')
            for chunk in _chunks(_rows(dossier, section), WRITE_CHUNK):
                arrow = _arrow_table(columns, chunk)  # noqa: F841 (read by DuckDB's replacement scan)
                con.execute(f'INSERT INTO "{section}" SELECT * FROM arrow')
        meta = {"schema": dossier["schema"], "inputs": dossier["corpus"]["inputs"],
                "timings": dossier["corpus"].get("timings", {})}
        con.execute("CREATE OR REPLACE TABLE meta (key VARCHAR, value JSON)")
        con.executemany("INSERT INTO meta VALUES (?, ?)", [(k, json.dumps(v)) for k, v in meta.items()])
        con.execute("COMMIT")
    finally:
        con.close()


def read_section(con: duckdb.DuckDBPyConnection, section: str, where: str = "", params=()) -> list[dict]:
    """Rows of one table as dossier records (JSON columns decoded)."""
    columns = TABLES[section]
    names = ", ".join(f'"{n}"' for n, _ in columns)
    result = con.execute(f'SELECT {names} FROM "{section}" {where}', params).fetchall()
    out = []
    for row in result:
        rec = {}
        for (name, typ), value in zip(columns, row):
            rec[name] = json.loads(value) if typ == "JSON" and value is not None else value
        out.append(rec)
    return out


def read_dossier(path: Path) -> dict:
    """The dossier back from a store (the same records as dossier.json)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        meta = {k: json.loads(v) for k, v in con.execute("SELECT key, value FROM meta").fetchall()}
        out = {"schema": meta["schema"]}
        skipped = read_section(con, "skipped")
        documents = read_section(con, "documents")
        out["corpus"] = {"inputs": meta["inputs"], "documents": len(documents), "skipped": skipped,
                         "timings": meta.get("timings", {})}
        for section in TABLES:
            if section != "skipped":
                out[section] = documents if section == "documents" else read_section(con, section)
        return out
    finally:
        con.close()


# --------------------------------------------------------------------------- phase 1 results
#
# Phase 1 commits its results as they finish (batch by batch, one transaction each), keyed by document
# id and engine.fingerprint.document_key: one status row per document in ``phase1`` and one row per
# record in a typed table per DocAnalysis list field (``phase1_mentions``, ``phase1_times``, ...), the
# columns those of the record in model.py (schema.PHASE1_RECORDS), plus ``key`` and ``ord`` (the
# record's position in its document's list). A run killed at any point leaves only whole batches
# behind (DuckDB replays its write-ahead log on the next open and drops what was not committed); the
# next run skips every document whose key is present, so nothing is done twice, nothing is lost, and
# adding documents to an analysed corpus analyses only the new ones. write_store replaces the dossier
# tables and leaves these alone.

PHASE1_TABLE = "phase1"
PHASE1_COLUMNS: list[tuple[str, str]] = [
    ("document", "VARCHAR"), ("key", "VARCHAR"), ("failed", "BOOLEAN"), ("skipped_reason", "VARCHAR"),
    ("run", "VARCHAR"), ("written_at", "TIMESTAMP"),
]
_JSON_LAYOUT = "phase1_json"  # the phase-1 table of an older store (the DocAnalysis as one JSON column), while it is moved
# DocAnalysis list field -> its table's record columns (the record's fields, in order)
RECORD_COLUMNS: dict[str, list[tuple[str, str]]] = {
    field: schema.record_columns(record_type) for field, record_type in schema.PHASE1_RECORDS.items()}


def record_table(field: str) -> str:
    """The table of one DocAnalysis list field ("mentions" -> "phase1_mentions")."""
    return f"phase1_{field}"


class Phase1Store:
    """Read-write access to the phase-1 tables of a store file (one writer process at a time)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = connect(self.path)
        json_layout = "analysis" in self._columns(PHASE1_TABLE)
        if json_layout:  # written before the typed tables: moved over below, once they exist
            self.con.execute(f"ALTER TABLE {PHASE1_TABLE} RENAME TO {_JSON_LAYOUT}")
        cols = ", ".join(f'"{n}" {t}' for n, t in PHASE1_COLUMNS)
        self.con.execute(f'CREATE TABLE IF NOT EXISTS {PHASE1_TABLE} ({cols}, PRIMARY KEY ("document", "key"))')
        for field, columns in RECORD_COLUMNS.items():
            cols = ", ".join(f'"{n}" {t}' for n, t in [("key", "VARCHAR"), ("ord", "BIGINT"), *columns])
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {record_table(field)} ({cols})")
        if json_layout or self._columns(_JSON_LAYOUT):
            self._upgrade_json_layout()

    def _columns(self, table: str) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                               "ORDER BY ordinal_position", [table]).fetchall()]

    def _upgrade_json_layout(self, chunk: int = 500) -> None:
        """Move the results of a store written before the typed tables (one JSON column per document) into
        them, run by run, then drop the old table. Killed halfway, the next open goes on where it stopped
        (``commit`` skips what is already moved)."""
        reader = self.con.cursor()
        try:
            result = reader.execute(f"SELECT document, key, failed, analysis, run FROM {_JSON_LAYOUT} ORDER BY run")
            while batch := result.fetchmany(chunk):
                for run, rows in groupby(batch, key=lambda r: r[4]):
                    self.commit([_Result(d, k, f, a) for d, k, f, a, _ in rows], run)
        finally:
            reader.close()
        self.con.execute(f"DROP TABLE {_JSON_LAYOUT}")

    def __enter__(self) -> "Phase1Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def clear(self) -> None:
        """Forget every stored result (``--no-resume``)."""
        self.con.execute("BEGIN")
        self.con.execute(f"DELETE FROM {PHASE1_TABLE}")
        for field in RECORD_COLUMNS:
            self.con.execute(f"DELETE FROM {record_table(field)}")
        self.con.execute("COMMIT")

    def done(self, documents: list[str], keys: list[str]) -> set[str]:
        """The keys among ``keys`` that already have a successful result."""
        return self._present(documents, keys, failed=False)

    def failed(self, documents: list[str], keys: list[str]) -> set[str]:
        """The keys among ``keys`` whose stored result is a failure (retried by the next run)."""
        return self._present(documents, keys, failed=True)

    def _present(self, documents: list[str], keys: list[str], failed: bool) -> set[str]:
        wanted = pa.table({"document": pa.array(documents, pa.string()), "key": pa.array(keys, pa.string())})
        self.con.register("wanted", wanted)
        try:
            rows = self.con.execute(f"SELECT p.key FROM wanted w JOIN {PHASE1_TABLE} p "
                                    "ON p.document = w.document AND p.key = w.key WHERE p.failed = ?",
                                    [failed]).fetchall()
        finally:
            self.con.unregister("wanted")
        return {r[0] for r in rows}

    def commit(self, rows: list, run: str) -> int:
        """Store ``rows`` (engine.batch.Row: the DocAnalysis as JSON, turned into table rows here) in one
        transaction; a failed result is replaced by a new one, a successful one is never duplicated.
        Returns the number of documents inserted (rows already stored, e.g. a shard committed just
        before a run was killed, are not counted again)."""
        if not rows:
            return 0
        unique = list({(r.document, r.key): r for r in rows}.values())
        incoming = pa.table({"document": pa.array([r.document for r in unique], pa.string()),
                             "key": pa.array([r.key for r in unique], pa.string())})
        self.con.register("incoming", incoming)
        try:
            self.con.execute("BEGIN")
            replaced = self.con.execute(f"SELECT p.document, p.key FROM {PHASE1_TABLE} p JOIN incoming i "
                                        "ON p.document = i.document AND p.key = i.key WHERE p.failed").fetchall()
            if replaced:
                self._delete(replaced)
            present = set(self.con.execute(f"SELECT p.document, p.key FROM {PHASE1_TABLE} p JOIN incoming i "
                                           "ON p.document = i.document AND p.key = i.key").fetchall())
            new = [r for r in unique if (r.document, r.key) not in present]
            if new:
                self._insert(new, run)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        finally:
            self.con.unregister("incoming")
        return len(new)

    def _delete(self, pairs: list[tuple[str, str]]) -> None:
        gone = pa.table({"document": pa.array([d for d, _ in pairs], pa.string()),
                         "key": pa.array([k for _, k in pairs], pa.string())})
        self.con.register("gone", gone)
        try:
            for table in (PHASE1_TABLE, *map(record_table, RECORD_COLUMNS)):
                self.con.execute(f"DELETE FROM {table} t USING gone g WHERE t.document = g.document AND t.key = g.key")
        finally:
            self.con.unregister("gone")

    def _insert(self, rows: list, run: str) -> None:
        analyses = [json.loads(r.analysis) for r in rows]
        status = pa.table({  # noqa: F841 (read by DuckDB's replacement scan)
            "document": pa.array([r.document for r in rows], pa.string()),
            "key": pa.array([r.key for r in rows], pa.string()),
            "failed": pa.array([bool(r.failed) for r in rows], pa.bool_()),
            "skipped_reason": pa.array([a.get("skipped_reason") for a in analyses], pa.string()),
        })
        self.con.execute(f"INSERT INTO {PHASE1_TABLE} SELECT document, key, failed, skipped_reason, ?, "
                         "now()::TIMESTAMP FROM status", [run])
        for field, columns in RECORD_COLUMNS.items():
            records = [(r.key, i, rec) for r, a in zip(rows, analyses) for i, rec in enumerate(a.get(field) or ())]
            if records:
                arrow = _record_arrow(columns, records)  # noqa: F841 (read by DuckDB's replacement scan)
                self.con.execute(f"INSERT INTO {record_table(field)} SELECT * FROM arrow")

    def runs(self) -> dict[str, int]:
        """Rows per run id (how much each invocation analysed)."""
        return dict(self.con.execute(f"SELECT run, count(*) FROM {PHASE1_TABLE} GROUP BY run").fetchall())


def connect(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-write connection to a store file (one configuration for every connection of a process)."""
    return duckdb.connect(str(path), config={"memory_limit": MEMORY_LIMIT})


def _record_arrow(columns: list[tuple[str, str]], records: list[tuple[str, int, dict]]) -> pa.Table:
    """(key, ord, record dict) triples as an Arrow table of a record table's columns."""
    data = {"key": pa.array([k for k, _, _ in records], pa.string()),
            "ord": pa.array([i for _, i, _ in records], pa.int64())}
    for name, typ in columns:
        data[name] = _arrow_column([r.get(name) for _, _, r in records], typ)
    return pa.table(data)


# --------------------------------------------------------------------------- phase 2 over the store
#
# Phase 2 reads the phase-1 tables through ``Analyses`` and writes its own tables beside them, replaced
# by every run: the mentions it finds (``resolve.propagate_names``), the entity of each mention
# (``resolve.resolve_entities``) and the claims resolved to entities (``reconcile``). Records are built
# only while a stage iterates, from Arrow batches of an ordered query, so memory holds one batch of
# records per field being read, not the corpus.

PHASE2_MENTIONS = "phase2_mentions"  # (ord, Mention columns): mentions phase 2 found, after phase 1's
MENTION_ENTITIES = "phase2_mention_entities"  # (document, ord, entity): Mention.entity as resolution set it
RESOLVED_CLAIMS = "phase2_claims"  # (seq, ResolvedClaim columns), in the order reconciliation made them
_CLAIM_COLUMNS = schema.record_columns(ResolvedClaim)
FETCH_ROWS = 20_000  # rows per Arrow batch when reading records
# Documents per ordered query: a query sorts one slice's records, not the corpus's (which DuckDB would hold,
# or spill, at 10^5); each slice's query scans the table's key columns again. At 10^4 documents the reads'
# peak was the same either way (+120 to +240 MB over the reader's baseline while a view is read, mostly
# DuckDB's own scan and join memory, given back when the read's connection closes).
DOCUMENTS_PER_QUERY = 2_000


@contextmanager
def _connection(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = connect(path)
    try:
        yield con
    finally:
        con.close()


class Analyses:
    """The phase-1 records of a corpus in the store, in document order, read with SQL as a stage asks.

    It knows the documents (in corpus order) and the key of each one's result. ``view(*fields)`` gives
    DocAnalysis records with those fields filled, one per document; ``records(field)`` the records of
    one field, flat. Both read ordered by the documents' position, then each record's position in its
    document, and build records from Arrow batches as the caller iterates. Mentions include those
    phase 2 added (``add_mentions``) and carry the entities resolution wrote (``mention_entities``).

    Each read opens its own connection (DuckDB shares one database per process), so reads nest and
    the store file is free between them.
    """

    def __init__(self, path: Path, documents: list[str], keys: list[str], temporary=None):
        self.path = Path(path)
        self.documents = list(documents)
        self.keys = list(keys)
        self._temporary = temporary  # a TemporaryDirectory holding the store: removed with this object
        with _connection(self.path) as con:
            _create_phase2_tables(con)
            self.skipped = _skipped_reasons(con, self._wanted())

    @classmethod
    def from_records(cls, analyses: Iterable[DocAnalysis]) -> Analyses:
        """Records made elsewhere (tests, benchmarks), committed to a temporary store and read from it."""
        import tempfile

        from .codec import encode

        records = list(analyses)
        keys = [str(i) for i in range(len(records))]
        temporary = tempfile.TemporaryDirectory(prefix="consilience-analyses-")
        path = Path(temporary.name) / "analyses.duckdb"
        with Phase1Store(path) as store:
            store.commit([_Result(a.document, k, False, encode(a)) for a, k in zip(records, keys)], "records")
        return cls(path, [a.document for a in records], keys, temporary)

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[DocAnalysis]:
        """Every document's DocAnalysis with every field filled."""
        return iter(self.view(*RECORD_COLUMNS))

    def view(self, *fields: str, documents: Container[str] | None = None) -> Iterable[DocAnalysis]:
        """A re-iterable of DocAnalysis records, one per document (of those in ``documents`` when given), in
        document order, with only ``fields`` filled (the others empty) and ``skipped_reason`` set."""
        unknown = set(fields) - set(RECORD_COLUMNS)
        if unknown:
            raise ValueError(f"not a per-document field: {', '.join(sorted(unknown))}")
        return _View(self, fields, documents)

    def records(self, field: str, documents: Container[str] | None = None) -> Iterator:
        """The records of one field (``"mentions"``: Mention records), in document order."""
        for _, group in self._groups(field, documents):
            yield from group

    def add_mentions(self, added: dict[str, list[Mention]]) -> None:
        """Store mentions phase 2 found (``resolve.propagate_names``): each follows its document's mentions."""
        rows = [(m, i) for document in self.documents for i, m in enumerate(added.get(document, ()))]
        if not rows:
            return
        with _connection(self.path) as con:
            counts = pa.table({"document": pa.array(list(added), pa.string())})  # noqa: F841 (read by DuckDB)
            wanted = self._wanted()  # noqa: F841 (read by DuckDB)
            before = dict(con.execute(
                "SELECT c.document, (SELECT count(*) FROM wanted w JOIN phase1_mentions r ON r.document = w.document "
                "AND r.key = w.key WHERE w.document = c.document) + (SELECT count(*) FROM phase2_mentions p "
                "WHERE p.document = c.document) FROM counts c").fetchall())
            columns = RECORD_COLUMNS["mentions"]
            data = {"ord": pa.array([before[m.document] + i for m, i in rows], pa.int64())}
            for name, typ in columns:
                data[name] = _arrow_column([getattr(m, name) for m, _ in rows], typ)
            arrow = pa.table(data)  # noqa: F841 (read by DuckDB's replacement scan)
            con.execute(f"INSERT INTO {PHASE2_MENTIONS} SELECT * FROM arrow")

    def mention_entities(self) -> MentionEntities:
        """A writer of ``Mention.entity`` (resolution), replacing what an earlier resolution wrote."""
        return MentionEntities(self.path)

    def store_claims(self, claims: Iterable[ResolvedClaim]) -> StoredClaims:
        """Store the claims resolved to entities (replacing earlier ones); they read back in this order."""
        count = 0
        with _connection(self.path) as con:
            con.execute(f"DELETE FROM {RESOLVED_CLAIMS}")
            for chunk in _chunks(claims, WRITE_CHUNK):
                data = {"seq": pa.array(range(count, count + len(chunk)), pa.int64())}
                for name, typ in _CLAIM_COLUMNS:
                    data[name] = _arrow_column([getattr(c, name) for c in chunk], typ)
                arrow = pa.table(data)  # noqa: F841 (read by DuckDB's replacement scan)
                con.execute(f"INSERT INTO {RESOLVED_CLAIMS} SELECT * FROM arrow")
                count += len(chunk)
        return StoredClaims(self.path, count, self._temporary)

    def _wanted(self, documents: Container[str] | None = None) -> pa.Table:
        """(ord, document, key) of the documents (all, or those in ``documents``), ``ord`` their position."""
        positions = range(len(self.documents)) if documents is None else \
            [i for i, d in enumerate(self.documents) if d in documents]
        return pa.table({"ord": pa.array(positions, pa.int64()),
                         "document": pa.array([self.documents[i] for i in positions], pa.string()),
                         "key": pa.array([self.keys[i] for i in positions], pa.string())})

    def _groups(self, field: str, documents: Container[str] | None = None) -> Iterator[tuple[int, list]]:
        """(document position, its records of ``field``) for each document that has some, in order."""
        columns = RECORD_COLUMNS[field]
        picked = _projection(columns, "r.")
        if field == "mentions":
            names = ", ".join(f'r."{n}"' for n, _ in columns)
            sql = (f"SELECT m.doc_ord, {', '.join(_mention_select(columns))} FROM ("
                   f"SELECT w.ord AS doc_ord, r.ord AS ord, {names} FROM wanted w JOIN {record_table(field)} r "
                   "ON r.document = w.document AND r.key = w.key UNION ALL "
                   f"SELECT w.ord, r.ord, {names} FROM wanted w JOIN {PHASE2_MENTIONS} r ON r.document = w.document"
                   f") m LEFT JOIN {MENTION_ENTITIES} e ON e.document = m.document AND e.ord = m.ord "
                   "ORDER BY m.doc_ord, m.ord")
        else:
            sql = (f"SELECT w.ord, {picked} FROM wanted w JOIN {record_table(field)} r "
                   "ON r.document = w.document AND r.key = w.key ORDER BY w.ord, r.ord")
        record_type = schema.PHASE1_RECORDS[field]
        wanted = self._wanted(documents)
        with _connection(self.path) as con:
            # one ordered query per slice of documents: DuckDB sorts a slice's records, not the corpus's
            for start in range(0, wanted.num_rows, DOCUMENTS_PER_QUERY):
                con.register("wanted", wanted.slice(start, DOCUMENTS_PER_QUERY))
                current, group = None, []
                for batch in con.sql(sql).to_arrow_reader(FETCH_ROWS):
                    positions = batch.column(0).to_pylist()
                    for position, record in zip(positions, _build(record_type, columns, batch, 1)):
                        if position != current:
                            if group:
                                yield current, group
                            current, group = position, []
                        group.append(record)
                if group:
                    yield current, group


def _mention_select(columns: list[tuple[str, str]]) -> list[str]:
    return ["coalesce(e.entity, m.entity)" if n == "entity" else f'm."{n}"' for n, _ in columns]


class _View:
    """Some fields of every document (or some documents), re-iterable: each pass reads the store again."""

    def __init__(self, analyses: Analyses, fields: tuple[str, ...], documents: Container[str] | None):
        self._analyses, self._fields, self._documents = analyses, fields, documents

    def __iter__(self) -> Iterator[DocAnalysis]:
        analyses, documents = self._analyses, self._documents
        streams = [analyses._groups(f, documents) for f in self._fields]
        heads = [next(s, None) for s in streams]
        try:
            for position, document in enumerate(analyses.documents):
                if documents is not None and document not in documents:
                    continue
                analysis = DocAnalysis(document=document, skipped_reason=analyses.skipped.get(document))
                for k, field in enumerate(self._fields):
                    head = heads[k]
                    if head is not None and head[0] == position:
                        setattr(analysis, field, head[1])
                        heads[k] = next(streams[k], None)
                yield analysis
        finally:
            for s in streams:
                s.close()


class MentionEntities:
    """Writes the entity of each mention, (document, position of the mention, entity), in batches."""

    def __init__(self, path: Path):
        self._con = connect(path)
        self._con.execute(f"DELETE FROM {MENTION_ENTITIES}")
        self._rows: list[tuple[str, int, str]] = []

    def __enter__(self) -> MentionEntities:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def add(self, document: str, entities: Iterable[tuple[int, str]]) -> None:
        """The entities of one document's mentions: (position in its mentions, entity id) pairs."""
        self._rows.extend((document, i, e) for i, e in entities)
        if len(self._rows) >= WRITE_CHUNK:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            arrow = pa.table({  # noqa: F841 (read by DuckDB's replacement scan)
                "document": pa.array([r[0] for r in self._rows], pa.string()),
                "ord": pa.array([r[1] for r in self._rows], pa.int64()),
                "entity": pa.array([r[2] for r in self._rows], pa.string())})
            self._con.execute(f"INSERT INTO {MENTION_ENTITIES} SELECT * FROM arrow")
            self._rows = []

    def close(self) -> None:
        try:
            self._flush()
        finally:
            self._con.close()


class StoredClaims:
    """The claims reconciliation resolved to entities, in the store: sized, re-iterable in their order."""

    def __init__(self, path: Path, count: int, temporary=None):
        self.path, self._count = Path(path), count
        self._temporary = temporary  # the temporary store's directory, kept while these claims are

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[ResolvedClaim]:
        picked = _projection(_CLAIM_COLUMNS)
        with _connection(self.path) as con:
            for batch in con.sql(f"SELECT {picked} FROM {RESOLVED_CLAIMS} ORDER BY seq").to_arrow_reader(
                    FETCH_ROWS):
                yield from _build(ResolvedClaim, _CLAIM_COLUMNS, batch, 0)


def _build(record_type: type, columns: list[tuple[str, str]], batch, first: int) -> list:
    """The records of an Arrow batch whose columns from ``first`` on are ``columns`` (short strings interned,
    JSON decoded)."""
    values = []
    with paused_gc():  # acyclic records by the hundred thousand: generational passes had cost 3/4 of the build
        for i, (_, typ) in enumerate(columns, start=first):
            column = batch.column(i).to_pylist()
            if typ == "VARCHAR":
                column = [v if v is None or len(v) > SHORT_STRING else intern(v) for v in column]
            elif typ == "JSON":
                column = [None if v is None else json.loads(v) for v in column]
            values.append(column)
        return list(map(record_type, *values))


def _create_phase2_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Empty phase-2 tables (a new run replaces the last run's)."""
    def cols(pairs):
        return ", ".join(f'"{n}" {t}' for n, t in pairs)

    con.execute(f"CREATE OR REPLACE TABLE {PHASE2_MENTIONS} ({cols([('ord', 'BIGINT'), *RECORD_COLUMNS['mentions']])})")
    con.execute(f"CREATE OR REPLACE TABLE {MENTION_ENTITIES} (document VARCHAR, ord BIGINT, entity VARCHAR)")
    con.execute(f"CREATE OR REPLACE TABLE {RESOLVED_CLAIMS} ({cols([('seq', 'BIGINT'), *_CLAIM_COLUMNS])})")


def _skipped_reasons(con: duckdb.DuckDBPyConnection, wanted: pa.Table) -> dict[str, str]:
    """Document -> why phase 1 gave no records (a language not handled, a failure, no result at all)."""
    con.register("wanted", wanted)
    try:
        rows = con.execute(f"SELECT w.document, p.failed, p.skipped_reason FROM wanted w LEFT JOIN {PHASE1_TABLE} p "
                           "ON p.document = w.document AND p.key = w.key "
                           "WHERE p.failed IS NULL OR p.skipped_reason IS NOT NULL ORDER BY w.ord").fetchall()
    finally:
        con.unregister("wanted")
    # no result: cannot happen after engine.run_into_store; kept loud rather than silent
    return {d: "no phase-1 result in the store" if failed is None else reason for d, failed, reason in rows}


class _Result(NamedTuple):
    """A phase-1 result as ``Phase1Store.commit`` takes it (engine.batch.Row has the same fields)."""

    document: str
    key: str
    failed: bool
    analysis: str
