"""The DuckDB store: one table per dossier section, written from and read back to dossier dicts.

The tables and their columns are those of ``schema.TABLES`` (the records of ``model.py``).

Scalars are native columns; nested values (lists, records) are JSON columns, so every
table reads back into exactly the records of dossier.json.
"""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow as pa

from . import schema

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


def _arrow_table(columns: list[tuple[str, str]], rows: list[dict]) -> pa.Table:
    data = {}
    for name, typ in columns:
        values = [r.get(name) for r in rows]
        if typ == "JSON":
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
        data[name] = pa.array(values, type=_ARROW[typ])
    return pa.table(data)


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
    con = duckdb.connect(str(path), config={"memory_limit": MEMORY_LIMIT})
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
# Phase 1 commits one row per document as it finishes (batch by batch, one transaction each), keyed
# by document id and engine.fingerprint.document_key. A run killed at any point leaves only whole
# batches behind (DuckDB replays its write-ahead log on the next open and drops what was not
# committed); the next run skips every document whose key is present, so nothing is done twice,
# nothing is lost, and adding documents to an analysed corpus analyses only the new ones.
# write_store replaces the dossier tables and leaves this one alone.

PHASE1_TABLE = "phase1"
PHASE1_COLUMNS: list[tuple[str, str]] = [
    ("document", "VARCHAR"), ("key", "VARCHAR"), ("failed", "BOOLEAN"), ("analysis", "VARCHAR"),
    ("run", "VARCHAR"), ("written_at", "TIMESTAMP"),
]


class Phase1Store:
    """Read-write access to the phase-1 table of a store file (one writer process at a time)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(str(self.path), config={"memory_limit": MEMORY_LIMIT})
        cols = ", ".join(f'"{n}" {t}' for n, t in PHASE1_COLUMNS)
        self.con.execute(f'CREATE TABLE IF NOT EXISTS {PHASE1_TABLE} ({cols}, PRIMARY KEY ("document", "key"))')

    def __enter__(self) -> "Phase1Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def clear(self) -> None:
        """Forget every stored result (``--no-resume``)."""
        self.con.execute(f"DELETE FROM {PHASE1_TABLE}")

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
        """Store ``rows`` (engine.batch.Row) in one transaction; a failed result is replaced by a new one,
        a successful one is never duplicated. Returns the number of rows inserted (rows already stored,
        e.g. a shard committed just before a run was killed, are not counted again)."""
        if not rows:
            return 0
        unique = list({(r.document, r.key): r for r in rows}.values())
        incoming = pa.table({
            "document": pa.array([r.document for r in unique], pa.string()),
            "key": pa.array([r.key for r in unique], pa.string()),
            "failed": pa.array([bool(r.failed) for r in unique], pa.bool_()),
            "analysis": pa.array([r.analysis for r in unique], pa.string()),
        })
        self.con.register("incoming", incoming)
        try:
            self.con.execute("BEGIN")
            self.con.execute(f"DELETE FROM {PHASE1_TABLE} p USING incoming i "
                             "WHERE p.document = i.document AND p.key = i.key AND p.failed")
            (inserted,) = self.con.execute(f"INSERT OR IGNORE INTO {PHASE1_TABLE} SELECT document, key, failed, "
                                           "analysis, ?, now()::TIMESTAMP FROM incoming", [run]).fetchone()
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        finally:
            self.con.unregister("incoming")
        return inserted

    def iter_analyses(self, documents: list[str], keys: list[str], chunk: int = 500):
        """(position, document, failed, analysis JSON) for each of ``documents``, in the order the store
        yields them (the caller places them by position); ``failed`` and ``analysis`` are None when
        the store holds no result.

        One streamed join, fetched ``chunk`` rows at a time: no ORDER BY (sorting would make DuckDB
        hold every stored analysis at once) and no lookup per chunk (each would scan the table).
        """
        wanted = pa.table({"ord": pa.array(range(len(documents)), pa.int64()),
                           "document": pa.array(documents, pa.string()), "key": pa.array(keys, pa.string())})
        self.con.register("wanted_all", wanted)
        try:
            result = self.con.execute(f"SELECT w.ord, w.document, p.failed, p.analysis FROM wanted_all w "
                                      f"LEFT JOIN {PHASE1_TABLE} p ON p.document = w.document AND p.key = w.key")
            while batch := result.fetchmany(chunk):
                yield from batch
        finally:
            self.con.unregister("wanted_all")

    def runs(self) -> dict[str, int]:
        """Rows per run id (how much each invocation analysed)."""
        return dict(self.con.execute(f"SELECT run, count(*) FROM {PHASE1_TABLE} GROUP BY run").fetchall())
