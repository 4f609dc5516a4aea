"""Read-only queries over a consilience store, for the web UI and its JSON API.

The store file is opened read-only once; each call takes its own cursor (DuckDB cursors are
independent connections to the same database, safe across FastAPI's worker threads). Every
query filters and pages in DuckDB (``WHERE`` on id columns, ``LIMIT``/``OFFSET``), so a request
touches the rows it shows, never the whole store. Values always travel as bound parameters.
"""
from __future__ import annotations

import re
import threading
from pathlib import Path

import duckdb

from ..store import TABLES, read_section

# Sections whose records have an ``id`` column; ``sources`` are keyed by outlet.
ID_COLUMN = {"documents": "id", "entities": "id", "mentions": "id", "claims": "id", "facts": "id",
             "conflicts": "id", "sources": "outlet"}
# Columns an API list may filter on (equality), per section.
FILTERS = {
    "documents": ("outlet", "language", "duplicate_of", "published_basis"),
    "entities": ("type",),
    "mentions": ("document", "entity", "label"),
    "times": ("document", "type", "value"),
    "quantities": ("document", "unit"),
    "quotes": ("document", "kind", "speaker_mention"),
    "descriptors": ("document", "target_mention", "kind"),
    "alias_evidence": ("document", "kind"),
    "claims": ("document", "predicate", "subject", "attributed_to"),
    "facts": ("status", "predicate", "subject"),
    "conflicts": ("slot",),
    "sources": ("outlet",),
    "skipped": (),
}
# Default order of list pages: entities and facts by importance; everything else in the order the
# store wrote it (documents in input order, per-document records by document), i.e. by row id,
# which pages without sorting anything.
ORDER = {"entities": '"mentions" DESC, "name"', "facts": '"support" DESC, "id"', "sources": '"outlet"'}
MAX_ID_LENGTH = 512
_BAD_ID = re.compile(r"[\x00-\x1f\x7f]")


def valid_id(value: str) -> bool:
    """An id worth looking up: bounded length, no control characters (anything else simply is not found)."""
    return bool(value) and len(value) <= MAX_ID_LENGTH and not _BAD_ID.search(value)


class Store:
    """Read-only access to one store file."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._con = duckdb.connect(str(self.path), read_only=True)
        self.tables = {r[0] for r in self._con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        self._name_keys: list[tuple[str, str, str]] | None = None
        self._key_strings: list[str] = []
        self._lock = threading.Lock()

    def close(self) -> None:
        self._con.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self._con.cursor()

    def _read(self, section: str, where: str = "", params=()) -> list[dict]:
        if section not in self.tables:
            return []
        cur = self.cursor()
        try:
            return read_section(cur, section, where, list(params))
        finally:
            cur.close()

    def _scalar(self, sql: str, params=()):
        cur = self.cursor()
        try:
            return cur.execute(sql, list(params)).fetchone()[0]
        finally:
            cur.close()

    # ------------------------------------------------------------------ generic

    def meta(self) -> dict:
        import json

        out = {}
        if "meta" in self.tables:
            cur = self.cursor()
            try:
                out = {k: json.loads(v) for k, v in cur.execute("SELECT key, value FROM meta").fetchall()}
            finally:
                cur.close()
        out["counts"] = {s: self.count(s) for s in TABLES}
        return out

    def count(self, section: str, filters: dict | None = None) -> int:
        if section not in self.tables:
            return 0
        where, params = self._where(section, filters or {})
        return int(self._scalar(f'SELECT count(*) FROM "{section}" {where}', params))

    def _where(self, section: str, filters: dict) -> tuple[str, list]:
        clauses, params = [], []
        for column, value in filters.items():
            if column in FILTERS[section] and value is not None:
                clauses.append(f'"{column}" = ?')
                params.append(value)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def page(self, section: str, limit: int = 50, offset: int = 0, filters: dict | None = None) -> dict:
        """One page of a section: ``{"total", "limit", "offset", "items"}``.

        Two steps: the page's row ids (filtered and ordered on narrow columns only), then those rows,
        with a row-id range that lets DuckDB skip every other row group; a deep page of documents
        never reads or sorts the texts of the pages before it.
        """
        if section not in self.tables:
            return {"total": 0, "limit": limit, "offset": offset, "items": []}
        where, params = self._where(section, filters or {})
        items = self._page_rows(section, where, params, limit, offset)
        return {"total": self.count(section, filters), "limit": limit, "offset": offset, "items": items}

    def _page_rows(self, section: str, where: str, params: list, limit: int, offset: int) -> list[dict]:
        order = ORDER.get(section, "rowid")
        cur = self.cursor()
        try:
            rowids = [r[0] for r in cur.execute(f'SELECT rowid FROM "{section}" {where} ORDER BY {order} '
                                                "LIMIT ? OFFSET ?", params + [limit, offset]).fetchall()]
        finally:
            cur.close()
        items = []
        if rowids:
            items = self._read(section, "WHERE rowid BETWEEN ? AND ? AND rowid IN (SELECT unnest(?::BIGINT[])) "
                                        f"ORDER BY {order}", [min(rowids), max(rowids), rowids])
        return items

    def get(self, section: str, ident: str) -> dict | None:
        if section not in ID_COLUMN or not valid_id(ident):
            return None
        rows = self._read(section, f'WHERE "{ID_COLUMN[section]}" = ? LIMIT 1', [ident])
        return rows[0] if rows else None

    def get_many(self, section: str, idents: list[str], limit: int = 500) -> list[dict]:
        """Records by id, in the order given (missing ones skipped)."""
        idents = [i for i in idents if isinstance(i, str) and valid_id(i)][:limit]
        if not idents:
            return []
        # the BETWEEN lets DuckDB skip row groups whose id range misses every wanted id
        rows = self._read(section, f'WHERE "{ID_COLUMN[section]}" BETWEEN ? AND ? AND '
                                   f'"{ID_COLUMN[section]}" IN (SELECT unnest(?::VARCHAR[]))',
                          [min(idents), max(idents), idents])
        by_id = {r[ID_COLUMN[section]]: r for r in rows}
        return [by_id[i] for i in idents if i in by_id]

    def document_summaries(self, idents: list[str], limit: int = 500) -> list[dict]:
        """id, title, outlet, published, path of documents (no text), in the order given."""
        idents = [i for i in idents if isinstance(i, str) and valid_id(i)][:limit]
        if not idents or "documents" not in self.tables:
            return []
        cur = self.cursor()
        try:
            rows = cur.execute('SELECT "id", "title", "outlet", "published", "path", "duplicate_of" FROM documents '
                               'WHERE "id" IN (SELECT unnest(?::VARCHAR[]))', [idents]).fetchall()
        finally:
            cur.close()
        by_id = {r[0]: dict(zip(("id", "title", "outlet", "published", "path", "duplicate_of"), r)) for r in rows}
        return [by_id[i] for i in idents if i in by_id]

    def of_document(self, section: str, document: str, limit: int = 5000) -> list[dict]:
        """The records of one document (narrow rows, in store order: one filtered scan, no sort)."""
        return self.of_documents(section, [document], limit)

    def of_documents(self, section: str, documents: list[str], limit: int = 20000) -> list[dict]:
        documents = [d for d in documents if isinstance(d, str) and valid_id(d)]
        if section not in self.tables or not documents:
            return []
        if len(documents) == 1:
            return self._read(section, 'WHERE "document" = ? LIMIT ?', [documents[0], limit])
        return self._read(section, 'WHERE "document" IN (SELECT unnest(?::VARCHAR[])) LIMIT ?', [documents, limit])

    # ------------------------------------------------------------------ relations between records
    #
    # Id lists are JSON columns: a substring test on the JSON text (``"id"`` with its quotes) selects
    # candidates cheaply, and the decoded lists confirm them, so no row's JSON is parsed for nothing.

    def _json_holding(self, section: str, column: str, ident: str, extra: str = "", extra_params=(),
                      order: str = '"id"', limit: int = 200) -> list[dict]:
        import json

        needle = json.dumps(ident, ensure_ascii=False)
        rows = self._read(section, f'WHERE (contains(CAST("{column}" AS VARCHAR), ?){extra}) ORDER BY {order} LIMIT ?',
                          [needle, *extra_params, limit])
        return rows

    def facts_of_entity(self, entity: str, limit: int = 200) -> list[dict]:
        rows = self._json_holding("facts", "objects", entity, ' OR "subject" = ? OR "place" = ?', [entity, entity],
                                  '"support" DESC, "id"', limit)
        return [f for f in rows if entity in (f.get("subject"), f.get("place")) or entity in (f.get("objects") or [])]

    def facts_of_document(self, document: str, limit: int = 200) -> list[dict]:
        rows = self._json_holding("facts", "documents", document, order='"support" DESC, "id"', limit=limit)
        return [f for f in rows if document in (f.get("documents") or [])]

    def conflicts_of_fact(self, fact: str, limit: int = 100) -> list[dict]:
        rows = self._json_holding("conflicts", "facts", fact, limit=limit)
        return [c for c in rows if fact in (c.get("facts") or [])]

    def conflicts_of_claims(self, claims: list[str], limit: int = 100) -> list[dict]:
        """Conflicts one of whose values rests on one of these claims."""
        import json

        claims = [c for c in claims if isinstance(c, str) and valid_id(c)][:50]
        if not claims or "conflicts" not in self.tables:
            return []
        test = " OR ".join(['contains(CAST("values" AS VARCHAR), ?)'] * len(claims))
        rows = self._read("conflicts", f'WHERE {test} ORDER BY "id" LIMIT ?',
                          [json.dumps(c, ensure_ascii=False) for c in claims] + [limit])
        wanted = set(claims)
        return [c for c in rows if any(wanted & set(v.get("claims") or []) for v in c.get("values") or [])]

    def mentions_of_entity(self, entity: str, limit: int = 100) -> list[dict]:
        return self._read("mentions", 'WHERE "entity" = ? LIMIT ?', [entity, limit])  # store order: stops early

    def labels_of_entity(self, entity: str) -> list[dict]:
        """{outlet, text, document} for every label a source profile gives this entity."""
        import json

        if "sources" not in self.tables or not valid_id(entity):
            return []
        cur = self.cursor()
        try:  # a substring prefilter on the JSON text, then exact matching on the decoded labels
            rows = cur.execute('SELECT "outlet", "labels" FROM sources WHERE contains(CAST("labels" AS VARCHAR), ?) '
                               'ORDER BY "outlet"', [json.dumps(entity, ensure_ascii=False)]).fetchall()
        finally:
            cur.close()
        out = []
        for outlet, labels in rows:
            for label in json.loads(labels or "[]"):
                if label.get("entity") == entity:
                    out.append({"outlet": outlet, **label})
        return out

    def entity_names(self, idents: list[str]) -> dict[str, str]:
        return {e["id"]: e["name"] for e in self.get_many("entities", [i for i in idents if i])}

    # ------------------------------------------------------------------ search

    def _entity_keys(self) -> list[tuple[str, str, str]]:
        """(match key, folded text, entity id) for every name and alias, computed once on the first search."""
        import json

        with self._lock:
            if self._name_keys is None:
                keys = []
                key_of = _name_key_function()
                rows = []
                if "entities" in self.tables:
                    cur = self.cursor()
                    try:
                        rows = cur.execute('SELECT "id", "name", "aliases" FROM entities '
                                           'ORDER BY "mentions" DESC').fetchall()
                    finally:
                        cur.close()
                for ident, name, aliases in rows:
                    texts = dict.fromkeys([name] + [a.get("text") for a in json.loads(aliases or "[]")])
                    keys += [(key_of(t), _fold(t), ident) for t in texts if t]
                self._name_keys = keys
                self._key_strings = [k for k, _, _ in keys]  # for rapidfuzz, built once
        return self._name_keys

    def search_entities(self, q: str, limit: int = 20) -> list[dict]:
        """Entities whose name or an alias matches, best first: the same resolver key, the key as a
        token-aligned part, a key a letter or two apart, then a plain substring of a name or alias.
        Matching runs over the cached key table, so a search costs one lookup of the entities found."""
        key, folded = _name_key_function()(q), _fold(q)
        table = self._entity_keys()
        tiers: list[list[str]] = [[], [], [], []]
        for k, text, ident in table:
            if key and k == key:
                tiers[0].append(ident)
            elif key and f" {key} " in f" {k} ":
                tiers[1].append(ident)
            elif folded and folded in text:
                tiers[3].append(ident)
        if key and len(key) >= 4:
            from rapidfuzz import fuzz, process

            hits = process.extract(key, self._key_strings, scorer=fuzz.WRatio, score_cutoff=88, limit=limit * 3)
            tiers[2] = [table[i][2] for _, _, i in hits]
        ids = list(dict.fromkeys(i for tier in tiers for i in tier))[:limit]
        return self.get_many("entities", ids)

    def search_facts(self, q: str, limit: int = 20) -> list[dict]:
        pattern = "%" + _like_escape(q) + "%"
        return self._read("facts", "WHERE \"statement\" ILIKE ? ESCAPE '\\' OR strip_accents(\"statement\") ILIKE ? "
                          "ESCAPE '\\' ORDER BY \"support\" DESC LIMIT ?",
                          [pattern, "%" + _like_escape(_fold(q)) + "%", limit])

    def search_documents(self, q: str, limit: int = 20) -> list[dict]:
        """Documents whose title, outlet or text contains the query (case-insensitive); text not returned."""
        if "documents" not in self.tables:
            return []
        pattern = "%" + _like_escape(q) + "%"
        columns = ("id", "title", "outlet", "published", "path")
        select = 'SELECT "id", "title", "outlet", "published", "path" FROM documents '
        cur = self.cursor()
        try:
            rows = cur.execute(select + "WHERE \"title\" ILIKE ? ESCAPE '\\' OR \"outlet\" ILIKE ? ESCAPE '\\' "
                               "LIMIT ?", [pattern, pattern, limit]).fetchall()
            if len(rows) < limit:  # then the texts: a scan (no full-text index in a read-only store)
                seen = [r[0] for r in rows]
                rows += cur.execute(select + "WHERE \"text\" ILIKE ? ESCAPE '\\' AND NOT list_contains(?::VARCHAR[], "
                                    '"id") LIMIT ?', [pattern, seen, limit - len(rows)]).fetchall()
        finally:
            cur.close()
        return [dict(zip(columns, r)) for r in rows]

    def search(self, q: str, limit: int = 20) -> dict:
        q = q.strip()[:200]
        if not q:
            return {"q": q, "entities": [], "facts": [], "documents": []}
        return {"q": q, "entities": self.search_entities(q, limit), "facts": self.search_facts(q, limit),
                "documents": self.search_documents(q, limit)}


def _fold(text: str) -> str:
    from unidecode import unidecode

    return unidecode(text).lower().strip()


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _name_key_function():
    """The resolver's fuzzy name key when it exists (same key the resolver matches on), else a plain fold."""
    try:
        from ..resolve.names import match_key

        def key(text: str) -> str:
            try:
                return match_key(text)
            except Exception:  # a name the normaliser cannot handle is simply not keyed
                return _fold(text)

        return key
    except ImportError:
        return _fold
