"""Response times of the web API and pages on a synthetic store of 10^5 documents.

Builds the store directly (rows generated column by column, tables created from ``store.TABLES``,
so the schema is the one ``write_store`` writes), starts the app in-process (FastAPI's TestClient:
real routing, real DuckDB, no network), then times each route over random ids and prints the
median and p95 per route. Usage:

    .venv/bin/python benchmarks/api.py [--documents 100000] [--requests 40] [--store PATH]
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pyarrow as pa

from consilience.store import TABLES

_ARROW = {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
          "JSON": pa.string()}
FIRST = ["Ilse", "Tomas", "Rhea", "Oskar", "Mira", "Anders", "Lena", "Piet", "Sanne", "Joris"]
LAST = ["Brandvold", "Kestrel", "Vandermeer", "Osei", "Haldane", "Marquez", "Lindqvist", "Okafor", "Dunmore", "Ferris"]
ORGS = ["Harbour Authority", "Shipping Company", "Port Union", "Fire Brigade", "City Council", "Dock Workers Guild"]
TOWNS = ["Velmora", "Ostrand", "Karvik", "Lisdal", "Bremholt", "Tarnow", "Esker", "Moravia"]
SENTENCES = [
    "{a} said the fire at the {o} of {t} began on {d}.",
    "At least {n} workers were injured, according to {a}.",
    "The {o} of {t} promised an inquiry into the blaze.",
    "{a}, a former harbour pilot, called it a warning ignored for years.",
    "Damage was estimated at {n} million euros by the {o}.",
]


def _table(con, section: str, columns: dict[str, list]) -> None:
    """Create ``section`` with the store's columns and insert the generated column lists."""
    spec = TABLES[section]
    cols = ", ".join(f'"{n}" {t}' for n, t in spec)
    con.execute(f'CREATE OR REPLACE TABLE "{section}" ({cols})')
    n = len(next(iter(columns.values())))
    data = {}
    for name, typ in spec:
        values = columns.get(name, [None] * n)
        if typ == "JSON":
            values = [None if v is None else json.dumps(v) for v in values]
        data[name] = pa.array(values, type=_ARROW[typ])
    arrow = pa.table(data)  # noqa: F841 (read by DuckDB's replacement scan)
    con.execute(f'INSERT INTO "{section}" SELECT * FROM arrow')


def build_store(path: Path, n_docs: int, seed: int = 1) -> dict:
    """A store of ``n_docs`` documents (~8 mentions, 3 claims, 2 times, 1 quantity each) and its ids."""
    rnd = random.Random(seed)
    n_entities = max(50, n_docs // 5)
    names = []
    for i in range(n_entities):
        kind = i % 3
        if kind == 0:
            names.append((f"{FIRST[i % 10]} {LAST[(i // 10) % 10]} {i}", "PERSON"))
        elif kind == 1:
            names.append((f"{TOWNS[i % 8]} {ORGS[i % 6]} {i}", "ORG"))
        else:
            names.append((f"{TOWNS[i % 8]}-{i}", "GPE"))
    ent_ids = [f"e{i:07d}" for i in range(n_entities)]
    outlets = [f"Outlet {i}" for i in range(200)]
    doc_ids = [f"d{i:07d}" for i in range(n_docs)]

    docs = {k: [] for k in ("id", "path", "outlet", "title", "published", "published_basis", "language", "text",
                            "removed", "notes", "duplicate_of")}
    mentions = {k: [] for k in ("id", "entity", "document", "start", "end", "text", "label")}
    times = {k: [] for k in ("document", "start", "end", "text", "type", "value", "anchor")}
    quants = {k: [] for k in ("document", "start", "end", "text", "value", "unit", "approximate")}
    claims = {k: [] for k in ("id", "document", "start", "end", "text", "predicate", "subject", "objects", "time",
                              "hedged", "quantity_approximate")}
    ent_docs: dict[int, list[str]] = {}
    for di, doc_id in enumerate(doc_ids):
        picks = [rnd.randrange(n_entities) for _ in range(3)]
        day = f"2024-{1 + di % 12:02d}-{1 + di % 28:02d}"
        parts, spans = [], []
        pos = 0
        for k in range(8):
            e = picks[k % 3]
            template = SENTENCES[(di + k) % len(SENTENCES)]
            a = names[e][0]
            sentence = template.format(a=a, o=ORGS[k % 6], t=TOWNS[k % 8], d=day, n=10 + k)
            start = pos + sentence.find(a) if "{a}" in template else None
            if start is not None:
                spans.append((start, start + len(a), e, a))
            parts.append(sentence)
            pos += len(sentence) + 1
        text = " ".join(parts)
        docs["id"].append(doc_id)
        docs["path"].append(f"corpus/{doc_id}.txt")
        docs["outlet"].append(outlets[di % len(outlets)])
        docs["title"].append(f"{names[picks[0]][0]} and the harbour fire, part {di}")
        docs["published"].append(day)
        docs["published_basis"].append("metadata")
        docs["language"].append("en")
        docs["text"].append(text)
        docs["removed"].append([])
        docs["notes"].append([])
        docs["duplicate_of"].append(None)
        for mi, (s, e_, ent, surface) in enumerate(spans):
            for key, value in zip(("id", "entity", "document", "start", "end", "text", "label"),
                                  (f"{doc_id}:m{mi}", ent_ids[ent], doc_id, s, e_, surface, names[ent][1])):
                mentions[key].append(value)
            ent_docs.setdefault(ent, []).append(doc_id)
        sentence_starts = [0]
        for p in parts[:-1]:
            sentence_starts.append(sentence_starts[-1] + len(p) + 1)
        for ci in range(3):
            s = sentence_starts[ci]
            for key, value in zip(claims, (f"{doc_id}:c{ci}", doc_id, s, s + len(parts[ci]), parts[ci], "injure",
                                           ent_ids[picks[ci]], [], day, False, False)):
                claims[key].append(value)
        d_at = text.find(day)
        for key, value in zip(times, (doc_id, d_at, d_at + len(day), day, "DATE", day, "explicit")):
            times[key].append(value)
        for key, value in zip(quants, (doc_id, 0, 1, text[:1], 10.0, "worker", False)):
            quants[key].append(value)

    entities = {"id": ent_ids, "name": [n for n, _ in names], "type": [t for _, t in names],
                "aliases": [[{"text": n, "count": len(ent_docs.get(i, [])), "documents": ent_docs.get(i, [])[:20]}]
                            for i, (n, _) in enumerate(names)],
                "mentions": [len(ent_docs.get(i, [])) for i in range(n_entities)],
                "documents": [ent_docs.get(i, [])[:200] for i in range(n_entities)],
                "descriptors": [[] for _ in names], "relations": [[] for _ in names]}
    n_facts = max(10, n_docs * 3 // 10)
    facts = {"id": [f"f{i:07d}" for i in range(n_facts)], "statement": [], "predicate": [], "claims": [],
             "documents": [], "outlets": [], "support": [], "status": [], "subject": [], "objects": []}
    for i in range(n_facts):
        docs_of = [doc_ids[(i * 7 + k) % n_docs] for k in range(1 + i % 4)]
        facts["statement"].append(f"{names[i % n_entities][0]} injured workers")
        facts["predicate"].append("injure")
        facts["claims"].append([f"{d}:c0" for d in docs_of])
        facts["documents"].append(docs_of)
        facts["outlets"].append([outlets[int(d[1:]) % len(outlets)] for d in docs_of])
        facts["support"].append(len(docs_of))
        facts["status"].append(["single-source", "corroborated", "corroborated", "contested"][i % 4])
        facts["subject"].append(ent_ids[i % n_entities])
        facts["objects"].append([])
    n_conflicts = max(2, n_facts // 20)
    conflicts = {"id": [f"k{i:06d}" for i in range(n_conflicts)], "about": [], "slot": [], "values": [],
                 "explanation": [], "facts": []}
    for i in range(n_conflicts):
        f = i * 4 + 3 if i * 4 + 3 < n_facts else 0
        conflicts["about"].append(f"how many people {names[f % n_entities][0]} injured")
        conflicts["slot"].append("quantity")
        claims_of, docs_of = facts["claims"][f], facts["documents"][f]
        conflicts["values"].append([{"value": "10", "claims": claims_of[:1], "documents": docs_of[:1]},
                                    {"value": "12", "claims": claims_of[1:], "documents": docs_of[1:]}])
        conflicts["explanation"].append("different counts")
        conflicts["facts"].append([facts["id"][f]])
    sources = {"outlet": outlets, "documents": [[d for d in doc_ids[i::200]][:500] for i in range(200)],
               "claims": [3 * n_docs // 200] * 200, "attributed_share": [0.4] * 200, "hedged_share": [0.1] * 200,
               "loaded_terms": [[{"term": "blaze", "count": 3}]] * 200, "labels": [[]] * 200}

    con = duckdb.connect(str(path))
    try:
        con.execute("BEGIN")
        for section, columns in (("documents", docs), ("entities", entities), ("mentions", mentions),
                                 ("times", times), ("quantities", quants), ("claims", claims), ("facts", facts),
                                 ("conflicts", conflicts), ("sources", sources)):
            _table(con, section, columns)
        for section in ("skipped", "quotes", "descriptors", "alias_evidence"):
            _table(con, section, {TABLES[section][0][0]: []})
        con.execute("CREATE OR REPLACE TABLE meta (key VARCHAR, value JSON)")
        con.executemany("INSERT INTO meta VALUES (?, ?)", [("schema", json.dumps("consilience.dossier/1")),
                                                            ("inputs", json.dumps(["synthetic"])),
                                                            ("timings", json.dumps({}))])
        con.execute("COMMIT")
    finally:
        con.close()
    return {"documents": doc_ids, "entities": ent_ids, "facts": facts["id"], "conflicts": conflicts["id"],
            "names": [n for n, _ in names]}


def read_ids(path: Path) -> dict:
    """The ids a previous run generated (``--reuse``), read back from the store."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        col = lambda sql: [r[0] for r in con.execute(sql).fetchall()]  # noqa: E731
        return {"documents": col("SELECT id FROM documents"), "entities": col("SELECT id FROM entities"),
                "facts": col("SELECT id FROM facts"), "conflicts": col("SELECT id FROM conflicts"),
                "names": col("SELECT name FROM entities")}
    finally:
        con.close()


def time_routes(store: Path, ids: dict, requests: int, seed: int = 2) -> list[tuple[str, list[float]]]:
    """(route, [milliseconds]) for each route, ``requests`` calls each with random ids."""
    from fastapi.testclient import TestClient

    from consilience.web.app import create_app

    rnd = random.Random(seed)
    n_docs = len(ids["documents"])
    routes = [
        ("GET /static/style.css (baseline)", lambda: "/static/style.css"),  # no store: the client's own cost
        ("GET /api/meta", lambda: "/api/meta"),
        ("GET /api/documents?offset=N", lambda: f"/api/documents?limit=50&offset={rnd.randrange(n_docs)}"),
        ("GET /api/documents/{id}", lambda: f"/api/documents/{rnd.choice(ids['documents'])}"),
        ("GET /api/mentions?document=ID", lambda: f"/api/mentions?document={rnd.choice(ids['documents'])}"),
        ("GET /api/claims/{id}", lambda: f"/api/claims/{rnd.choice(ids['documents'])}:c1"),
        ("GET /api/entities/{id}", lambda: f"/api/entities/{rnd.choice(ids['entities'])}"),
        ("GET /api/entities (page)", lambda: f"/api/entities?limit=50&offset={rnd.randrange(1000)}"),
        ("GET /api/facts?status=contested", lambda: f"/api/facts?status=contested&offset={rnd.randrange(1000)}"),
        ("GET /api/facts/{id}", lambda: f"/api/facts/{rnd.choice(ids['facts'])}"),
        ("GET /api/conflicts/{id}", lambda: f"/api/conflicts/{rnd.choice(ids['conflicts'])}"),
        ("GET /api/search?q=name", lambda: f"/api/search?q={rnd.choice(ids['names']).split()[0]}"),
        ("GET /documents/{id} (page)", lambda: f"/documents/{rnd.choice(ids['documents'])}"),
        ("GET /entities/{id} (page)", lambda: f"/entities/{rnd.choice(ids['entities'])}"),
        ("GET /facts/{id} (page)", lambda: f"/facts/{rnd.choice(ids['facts'])}"),
        ("GET /conflicts/{id} (page)", lambda: f"/conflicts/{rnd.choice(ids['conflicts'])}"),
    ]
    results = []
    with TestClient(create_app(store)) as client:
        client.get("/api/search?q=warmup")  # builds the name-key cache once, as the first real search would
        for name, make in routes:
            times = []
            for _ in range(requests):
                url = make()
                t0 = time.perf_counter()
                r = client.get(url)
                times.append((time.perf_counter() - t0) * 1000)
                if r.status_code != 200:
                    raise SystemExit(f"{url}: HTTP {r.status_code}")
            results.append((name, times))
    return results


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=40)
    ap.add_argument("--store", type=Path, default=None, help="Keep the generated store here (default: a temp dir).")
    ap.add_argument("--reuse", action="store_true", help="Time an existing --store instead of building one.")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or Path(tmp) / "consilience.duckdb"
        t0 = time.perf_counter()
        if args.reuse and store.exists():
            ids = read_ids(store)
        else:
            ids = build_store(store, args.documents)
        print(f"store: {len(ids['documents'])} documents, {store.stat().st_size / 1e6:.0f} MB, "
              f"ready in {time.perf_counter() - t0:.1f} s", flush=True)
        results = time_routes(store, ids, args.requests)
    print(f"{'route':<34} {'median ms':>10} {'p95 ms':>8}   ({args.requests} requests each, in-process)")
    for name, times in results:
        p95 = sorted(times)[max(0, int(round(0.95 * len(times))) - 1)]
        print(f"{name:<34} {statistics.median(times):>10.1f} {p95:>8.1f}")


if __name__ == "__main__":
    sys.exit(main())
