"""The read-only web UI and JSON API over an analysed store (``consilience serve DIR``).

Pages: ``/`` overview, ``/search?q=``, ``/entities``, ``/facts``, ``/conflicts``, ``/documents``,
``/sources`` and one page per entity, fact, conflict and document, linked to each other. The JSON
API under ``/api`` serves the same records as dossier.json (paged lists, single records by id);
FastAPI publishes its OpenAPI schema at ``/openapi.json``.

Nothing here writes: the store is opened read-only, every route is GET, and the only file served
besides the store is the stylesheet, from a fixed allow-list (no path from the request reaches the
file system).
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from enum import Enum
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..report import html as report_html
from ..store import TABLES
from .queries import ID_COLUMN, Store, valid_id

PAGE_SIZE = 50
MAX_LIMIT = 500
Section = Enum("Section", {name: name for name in TABLES}, type=str)  # the dossier sections, for the API schema
RecordSection = Enum("RecordSection", {name: name for name in ID_COLUMN}, type=str)

_env = Environment(loader=PackageLoader("consilience", "web/templates"),
                   autoescape=select_autoescape(default=True, default_for_string=True),
                   trim_blocks=True, lstrip_blocks=True)
_STATIC = {"style.css": "text/css; charset=utf-8"}  # the only files served, by exact name
_PLURAL = {"entity": "entities", "fact": "facts", "conflict": "conflicts", "doc": "documents",
           "document": "documents"}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def url_for(kind: str, ident: str | None, fragment: str | None = None) -> str:
    """The page of a record: ``/entities/ID`` ... (ids percent-encoded, so any id is one path segment)."""
    if ident is None:
        return "#"
    return f"/{_PLURAL.get(kind, kind)}/{quote(str(ident), safe='')}" + (f"#{fragment}" if fragment else "")


def claim_url(claim: dict) -> str:
    """The evidence sentence of a claim, inside its document's page."""
    return url_for("documents", claim["document"], f"claim-{claim['id']}")


_env.globals.update(url_for=url_for, claim_url=claim_url, safe_url=report_html.safe_url, quote=quote)


def _render(name: str, status: int = 200, **context) -> HTMLResponse:
    return HTMLResponse(_env.get_template(name).render(**context), status_code=status)


def _not_found(what: str = "record") -> HTTPException:
    return HTTPException(status_code=404, detail=f"no such {what}")


def create_app(store_path: Path | str) -> FastAPI:
    """The FastAPI application over one store file (opened read-only)."""
    store = Store(Path(store_path))

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        store.close()

    # No Swagger/ReDoc pages: they load scripts from a CDN. The schema itself is at /openapi.json.
    app = FastAPI(title="consilience", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Read-only API over a consilience dossier: the records of dossier.json, paged.")
    app.state.store = store

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    _html_routes(app, store)
    _api_routes(app, store)
    return app


# --------------------------------------------------------------------------- HTML pages


def _html_routes(app: FastAPI, store: Store) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index():
        meta = store.meta()
        return _render("index.html", meta=meta, entities=store.page("entities", 15)["items"],
                       conflicts=store.page("conflicts", 20)["items"], facts=store.page("facts", 15)["items"],
                       sources=store.page("sources", 50)["items"])

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str):
        if name not in _STATIC:
            raise _not_found("file")
        return Response(files("consilience.web").joinpath("static", name).read_text(encoding="utf-8"),
                        media_type=_STATIC[name])

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(q: str = Query("", max_length=200)):
        return _render("search.html", q=q, results=store.search(q) if q.strip() else None)

    @app.get("/{section}", response_class=HTMLResponse, include_in_schema=False)
    def listing(section: str, page: int = Query(1, ge=1, le=1_000_000)):
        if section not in ("entities", "facts", "conflicts", "documents", "sources"):
            raise _not_found("page")
        data = store.page(section, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        if section == "documents":
            for d in data["items"]:
                d.pop("text", None)
        pages = max(1, -(-data["total"] // PAGE_SIZE))
        return _render("list.html", section=section, data=data, page=page, pages=pages)

    @app.get("/entities/{ident}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(ident: str):
        entity = store.get("entities", ident)
        if not entity:
            raise _not_found("entity")
        docs = store.document_summaries(entity.get("documents") or [], limit=200)
        facts = store.facts_of_entity(ident)
        related = [r.get("object") for r in entity.get("relations") or []]
        by_id = {d["id"]: d for d in docs}
        return _render("entity.html", e=entity, docs=by_id, facts=facts, labels=_labels(store, entity, by_id),
                       mentions=store.mentions_of_entity(ident, 50), names=store.entity_names(related))

    @app.get("/facts/{ident}", response_class=HTMLResponse, include_in_schema=False)
    def fact_page(ident: str):
        fact = store.get("facts", ident)
        if not fact:
            raise _not_found("fact")
        claims = store.get_many("claims", fact.get("claims") or [])
        docs = {d["id"]: d for d in store.document_summaries([c["document"] for c in claims])}
        conflicts = store.conflicts_of_fact(ident) or store.conflicts_of_claims(fact.get("claims") or [])
        names = store.entity_names([fact.get("subject"), fact.get("place"), *(fact.get("objects") or []),
                                    *[c.get("attributed_to") for c in claims]])
        return _render("fact.html", f=fact, claims=claims, docs=docs, conflicts=conflicts, names=names)

    @app.get("/conflicts/{ident}", response_class=HTMLResponse, include_in_schema=False)
    def conflict_page(ident: str):
        conflict = store.get("conflicts", ident)
        if not conflict:
            raise _not_found("conflict")
        claim_ids = [c for v in conflict.get("values") or [] for c in v.get("claims") or []]
        claims = store.get_many("claims", claim_ids)
        doc_ids = sorted({c["document"] for c in claims})
        mini = {"documents": store.document_summaries(doc_ids),
                "claims": claims,
                "times": store.of_documents("times", doc_ids),
                "quantities": store.of_documents("quantities", doc_ids),
                "facts": store.get_many("facts", conflict.get("facts") or []), "conflicts": [conflict]}
        view = report_html.conflict_views(mini, report_html.Index.of(mini))[0]
        return _render("conflict.html", c=conflict, view=view, facts=mini["facts"])

    @app.get("/documents/{ident}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(ident: str):
        doc = store.get("documents", ident)
        if not doc:
            raise _not_found("document")
        mini = {"documents": [doc]}
        for section in ("mentions", "times", "quantities", "quotes", "claims"):
            mini[section] = store.of_document(section, ident)
        named = sorted({m["entity"] for m in mini["mentions"] if m.get("entity")})
        mini["entities"] = store.get_many("entities", named, limit=5000)
        index = report_html.Index.of(mini)
        text = report_html.highlighted_document(doc, index, link=url_for)
        original = store.get("documents", doc["duplicate_of"]) if doc.get("duplicate_of") else None
        return _render("document.html", doc=doc, text=Markup(text), claims=mini["claims"],
                       facts=store.facts_of_document(ident), original=original, entities=mini["entities"])


def _labels(store: Store, entity: dict, docs: dict) -> list[dict]:
    """The labels outlets give an entity: from the source profiles, then its descriptors not already listed."""
    labels = store.labels_of_entity(entity["id"])
    seen = {(lab.get("document"), lab.get("text")) for lab in labels}
    for d in entity.get("descriptors") or []:
        if d.get("document") and (d["document"], d.get("text")) not in seen:
            seen.add((d["document"], d.get("text")))
            outlet = (docs.get(d["document"]) or {}).get("outlet") or d["document"]
            labels.append({"outlet": outlet, "text": d.get("text"), "document": d["document"]})
    return sorted(labels, key=lambda lab: str(lab.get("outlet")))


# --------------------------------------------------------------------------- JSON API


def _api_routes(app: FastAPI, store: Store) -> None:
    @app.get("/api/meta", tags=["api"], summary="Schema, inputs and record counts per section")
    def api_meta() -> dict:
        return store.meta()

    @app.get("/api/search", tags=["api"], summary="Entities (by resolver name key), facts and documents matching q")
    def api_search(q: str = Query(..., min_length=1, max_length=200),
                   limit: int = Query(20, ge=1, le=100)) -> dict:
        return store.search(q, limit)

    @app.get("/api/{section}", tags=["api"], summary="One page of a dossier section")
    def api_list(section: Section, limit: int = Query(PAGE_SIZE, ge=1, le=MAX_LIMIT),
                 offset: int = Query(0, ge=0, le=10**9),
                 document: str | None = Query(None, max_length=512), entity: str | None = Query(None, max_length=512),
                 outlet: str | None = Query(None, max_length=512), status: str | None = Query(None, max_length=64),
                 slot: str | None = Query(None, max_length=64), type: str | None = Query(None, max_length=64),
                 predicate: str | None = Query(None, max_length=128),
                 subject: str | None = Query(None, max_length=512)) -> dict:
        """Records in the names of dossier.json, ``{"total", "limit", "offset", "items"}``. Filters that do not
        apply to a section are ignored."""
        filters = {"document": document, "entity": entity, "outlet": outlet, "status": status, "slot": slot,
                   "type": type, "predicate": predicate, "subject": subject}
        return store.page(section.value, limit, offset, filters)

    @app.get("/api/{section}/{ident}", tags=["api"], summary="One record by id (sources: by outlet)")
    def api_get(section: RecordSection, ident: str) -> dict:
        record = store.get(section.value, ident) if valid_id(ident) else None
        if record is None:
            raise _not_found(section.value.rstrip("s"))
        return record

    @app.exception_handler(404)
    async def not_found(request: Request, exc):
        detail = getattr(exc, "detail", "not found")
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": detail}, status_code=404)
        return _render("error.html", status=404, message=detail)


def run(store_path: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the UI and API with uvicorn (loopback by default)."""
    import uvicorn

    print(f"consilience: serving {store_path} on http://{host}:{port}/ (read-only; Ctrl-C stops)")
    uvicorn.run(create_app(store_path), host=host, port=port, log_level="warning")
