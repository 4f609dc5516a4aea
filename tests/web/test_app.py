"""The read-only web UI and JSON API over a store written from the invented dossier."""
from __future__ import annotations

import hashlib
import re

import duckdb
import pytest

from consilience.store import TABLES


def test_pages_link_entity_fact_conflict_document(client):
    home = client.get("/")
    assert home.status_code == 200
    assert 'href="/conflicts/k1"' in home.text and 'href="/entities/e_hav"' in home.text
    entity = client.get("/entities/e_brandvold").text
    assert "Ilse Brandvold" in entity and "the embattled mayor" in entity
    assert 'href="/facts/' in entity or "none" in entity
    assert 'href="/entities/e_velmora"' in entity  # stated relation "mayor of"
    fact = client.get("/facts/f1").text
    assert 'href="/documents/d2#claim-d2%3Ac1"' in fact or 'href="/documents/d2#claim-d2:c1"' in fact
    assert 'href="/conflicts/k1"' in fact and 'href="/entities/e_hav"' in fact
    conflict = client.get("/conflicts/k1").text
    assert "<mark>Sunday, March 3</mark>" in conflict and 'href="/facts/f1"' in conflict
    doc = client.get("/documents/d2").text
    assert 'id="claim-d2:c1"' in doc and 'href="/entities/e_kestrel"' in doc and 'href="/facts/f1"' in doc
    copy = client.get("/documents/d4").text
    assert 'copy of <a href="/documents/d1"' in copy


def test_lists_paginate(client):
    page = client.get("/entities?page=1").text
    assert "page 1 of 1" in page
    assert client.get("/entities?page=0").status_code == 422
    assert client.get("/nonsense").status_code == 404


def test_search_finds_entities_by_fuzzy_name_facts_and_documents(client):
    found = client.get("/search", params={"q": "Brandvolt"}).text  # a misspelling
    assert 'href="/entities/e_brandvold"' in found
    api = client.get("/api/search", params={"q": "harbor authority"}).json()
    assert api["entities"][0]["id"] == "e_hav"
    assert [f["id"] for f in client.get("/api/search", params={"q": "damage"}).json()["facts"]] == ["f3"]
    docs = client.get("/api/search", params={"q": "firefighters"}).json()["documents"]
    assert [d["id"] for d in docs] == ["d3"]
    assert client.get("/api/search", params={"q": "%_"}).json()["facts"] == []  # LIKE wildcards are literal


def test_api_serves_the_records_of_dossier_json(client, dossier):
    for section in ("facts", "conflicts", "entities", "claims", "mentions", "times"):
        data = client.get(f"/api/{section}", params={"limit": 500}).json()
        assert data["total"] == len(dossier[section])
        got = sorted(data["items"], key=lambda r: str(r.get("id", r.get("start"))))
        want = sorted(dossier[section], key=lambda r: str(r.get("id", r.get("start"))))
        columns = [c for c, _ in TABLES[section]]
        assert [{k: r.get(k) for k in columns} for r in got] == [{k: r.get(k) for k in columns} for r in want]
    assert client.get("/api/facts/f3").json()["statement"].startswith("The damage ran")
    assert client.get("/api/claims/d1:c1").json()["document"] == "d1"
    assert client.get("/api/sources/Northern Wire").json()["claims"] == 2
    page = client.get("/api/mentions", params={"limit": 2, "offset": 2, "document": "d1"}).json()
    assert page["total"] == 6 and len(page["items"]) == 2 and page["items"][0]["document"] == "d1"
    assert client.get("/api/facts", params={"status": "contested"}).json()["total"] == 1
    meta = client.get("/api/meta").json()
    assert meta["schema"] == "consilience.dossier/1" and meta["counts"]["documents"] == 4


def test_openapi_schema_lists_the_api(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/{section}", "/api/{section}/{ident}", "/api/search", "/api/meta"} <= set(schema["paths"])


@pytest.mark.parametrize("path", [
    "/documents/..%2F..%2Fetc%2Fpasswd", "/documents/../../etc/passwd", "/static/..%2F..%2Fetc%2Fpasswd",
    "/static/%2e%2e/%2e%2e/etc/passwd", "/static/../../pyproject.toml", "/static/app.py", "/static/style.css%00",
    "/api/documents/..%2F..%2Fetc%2Fpasswd", "/entities/%00", "/facts/" + "x" * 5000, "/api/facts/%ff%fe",
    "/api/claims/'; DROP TABLE facts; --", "/conflicts/%0a%0d",
])
def test_traversal_and_malformed_ids_are_not_found(client, path):
    r = client.get(path)
    assert r.status_code in (404, 422), (path, r.status_code)
    assert "root:" not in r.text and "[project]" not in r.text


@pytest.mark.parametrize("path", ["/api/bogus", "/api/facts?limit=0", "/api/facts?limit=100000",
                                  "/api/facts?offset=-1", "/entities?page=abc", "/api/search?q="])
def test_bad_parameters_are_422(client, path):
    assert client.get(path).status_code == 422


def test_nothing_writes(client, store_dir):
    store = store_dir / "consilience.duckdb"
    before = hashlib.sha256(store.read_bytes()).hexdigest()
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/facts").status_code == 405
    client.get("/api/claims/'; DROP TABLE facts; --")
    client.get("/search", params={"q": "'; DELETE FROM facts; --"})
    cur = client.app.state.store.cursor()
    with pytest.raises(duckdb.Error):
        cur.execute("DELETE FROM facts")  # the connection itself is read-only
    cur.close()
    assert client.get("/api/facts").json()["total"] == 3
    assert hashlib.sha256(store.read_bytes()).hexdigest() == before


def test_pages_escape_hostile_text_and_send_a_csp(client, synthetic):
    for path in ("/", "/documents/d3", "/facts/f3", "/entities/e_velmora", "/sources", "/documents",
                 "/conflicts/k2", "/search?q=velmora", "/entities/e_brandvold"):
        r = client.get(path)
        assert r.status_code == 200
        assert synthetic.active_content(r.text) == [], path
        assert "default-src 'none'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
    text = synthetic.visible_text(client.get("/documents/d3").text)
    assert synthetic.XSS_SCRIPT in text and synthetic.XSS_IMG in text


def test_document_page_highlights_by_offsets(client, dossier, synthetic):
    page = client.get("/documents/d1").text
    body = re.search(r'<div class="text" id="text">(.*?)</div>', page, flags=re.S).group(1)
    assert synthetic.visible_text(body) == dossier["documents"][0]["text"]
    assert '<span class="t" title="DATE 2024-03-04">March 4, 2024</span>' in body
    assert '<span class="n" title="12 worker">12 dock workers</span>' in body


def test_create_app_on_an_empty_store(tmp_path):
    from fastapi.testclient import TestClient

    from consilience.web.app import create_app

    con = duckdb.connect(str(tmp_path / "consilience.duckdb"))
    con.close()  # a store file with no tables at all
    with TestClient(create_app(tmp_path / "consilience.duckdb")) as c:
        assert c.get("/api/facts").json()["total"] == 0
        assert c.get("/api/search", params={"q": "x"}).status_code == 200
