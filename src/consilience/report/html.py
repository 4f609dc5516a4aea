"""dossier.html: one self-contained file, no external requests; every piece of article text escaped.

The page is rendered by Jinja2 (autoescape on) from a view built here. The only HTML built in
Python is the highlighted document text, the conflict evidence and the SVGs: each is assembled
from escaped text pieces (``html.escape``) and wrapped in ``Markup`` only after escaping. The
few lines of JavaScript (sorting the facts matrix) are allowed by a CSP hash, not by
``'unsafe-inline'``, so injected markup could not run even if it slipped through.
"""
from __future__ import annotations

import base64
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Callable, Iterable

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..timexvalue import display, first_day
from . import svg

_env = Environment(
    loader=PackageLoader("consilience", "report/templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["timex_display"] = display  # a value as a date is shown: "2020-01-05T18:30" -> "2020-01-05"

SORT_SCRIPT = """
document.querySelectorAll('table.sortable th[data-key]').forEach(function (th) {
  th.addEventListener('click', function () {
    var table = th.closest('table'), body = table.tBodies[0], key = th.dataset.key;
    var asc = th.dataset.dir !== 'asc'; th.dataset.dir = asc ? 'asc' : 'desc';
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.dataset[key], y = b.dataset[key], nx = parseFloat(x), ny = parseFloat(y);
      var c = (isNaN(nx) || isNaN(ny)) ? x.localeCompare(y) : nx - ny;
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
""".strip()


def csp_hash(script: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def content_security_policy() -> str:
    return ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            f"script-src {csp_hash(SORT_SCRIPT)}; base-uri 'none'; form-action 'none'")


def _e(text) -> str:
    return escape("" if text is None else str(text), quote=True)


def anchor_link(kind: str, ident: str) -> str:
    """Links inside dossier.html: ``#entity-ID``, ``#fact-ID``, ``#claim-ID`` ..."""
    return f"#{kind}-{ident}"


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s), else None (a ``javascript:`` URL is shown as text, never linked)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


# --------------------------------------------------------------------------- highlighted text


@dataclass
class Span:
    """A highlighted range of a document's text: ``kind`` is a CSS class, ``title`` a tooltip."""

    start: int
    end: int
    kind: str
    title: str = ""
    href: str | None = None


@dataclass
class Region:
    """An outer range rendered as one element with an id (a claim's sentence, so it can be a link target)."""

    start: int
    end: int
    ident: str
    title: str = ""


def _valid(start, end, length: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length


def _segments(text: str, lo: int, hi: int, spans: list[Span], anchors: dict[int, list[str]] | None = None) -> str:
    """``text[lo:hi]`` as escaped HTML, each piece wrapped in the spans covering it.

    Cutting at every span boundary handles overlapping and nested spans without building a tree.
    ``anchors`` (offset -> ids) become empty elements with those ids where their offset falls.
    """
    anchors = anchors or {}
    inside = [s for s in spans if s.start < hi and s.end > lo]
    marks = [p for p in anchors if lo <= p < hi]
    cuts = sorted({lo, hi, *marks, *(max(lo, s.start) for s in inside), *(min(hi, s.end) for s in inside)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        out += [f'<span class="anchor" id="{_e(ident)}"></span>' for ident in anchors.get(a, [])]
        piece = _e(text[a:b])
        covering = [s for s in inside if s.start <= a and s.end >= b]
        if not covering:
            out.append(piece)
            continue
        classes = " ".join(sorted({s.kind for s in covering}))
        title = " | ".join(s.title for s in covering if s.title)
        href = next((s.href for s in covering if s.href), None)
        tag = "a" if href else "span"
        attrs = f' class="{_e(classes)}"' + (f' title="{_e(title)}"' if title else "")
        attrs += f' href="{_e(href)}"' if href else ""
        out.append(f"<{tag}{attrs}>{piece}</{tag}>")
    return "".join(out)


def _nested(text: str, lo: int, hi: int, regions: list[Region], spans: list[Span], anchors: dict) -> str:
    """``text[lo:hi]`` with ``regions`` (sorted, properly nested, all inside) as elements, recursively."""
    out, pos, i = [], lo, 0
    while i < len(regions):
        r = regions[i]
        j = i + 1
        while j < len(regions) and regions[j].start < r.end:  # the regions nested in r
            j += 1
        out.append(_segments(text, pos, r.start, spans, anchors))
        title = f' title="{_e(r.title)}"' if r.title else ""
        out.append(f'<span class="claim" id="{_e(r.ident)}"{title}>'
                   f'{_nested(text, r.start, r.end, regions[i + 1:j], spans, anchors)}</span>')
        pos, i = r.end, j
    out.append(_segments(text, pos, hi, spans, anchors))
    return "".join(out)


def highlight(text: str, spans: Iterable[Span], regions: Iterable[Region] = ()) -> Markup:
    """The text as HTML with spans highlighted and regions wrapped in ``<span id=...>``; all text escaped.

    Regions that nest (several claims of one sentence, a clause inside its sentence) become nested
    elements; a region crossing another one's boundary gets an empty anchor at its start instead, so
    links to it still land. Spans or regions with offsets outside the text are dropped: bad records
    never break the page.
    """
    n = len(text)
    spans = [s for s in spans if _valid(s.start, s.end, n)]
    chosen: list[Region] = []
    anchors: dict[int, list[str]] = {}
    for r in sorted((r for r in regions if _valid(r.start, r.end, n)), key=lambda r: (r.start, -r.end)):
        if all(r.start >= c.end or r.end <= c.end for c in chosen):  # disjoint from, or inside, each earlier one
            chosen.append(r)
        else:
            anchors.setdefault(r.start, []).append(r.ident)
    return Markup(_nested(text, 0, n, chosen, spans, anchors))


def document_spans(doc_id: str, index: "Index", link: Callable[[str, str], str]) -> list[Span]:
    """Mentions, times, quantities and quotes of one document as highlight spans."""
    spans = []
    for m in index.by_doc["mentions"].get(doc_id, []):
        ent = index.entities.get(m.get("entity"))
        title = f'{m.get("label") or ""} → {ent["name"]}' if ent else (m.get("label") or "")
        spans.append(Span(m["start"], m["end"], "m", title, link("entity", ent["id"]) if ent else None))
    for t in index.by_doc["times"].get(doc_id, []):
        spans.append(Span(t["start"], t["end"], "t", f'{t.get("type") or "TIME"} {t.get("value") or "?"}'))
    for q in index.by_doc["quantities"].get(doc_id, []):
        value = q.get("value")
        shown = f"{value:g}" if isinstance(value, (int, float)) else "?"
        spans.append(Span(q["start"], q["end"], "n", f'{"≈" if q.get("approximate") else ""}{shown} '
                                                     f'{q.get("unit") or ""}'.strip()))
    for q in index.by_doc["quotes"].get(doc_id, []):
        spans.append(Span(q["start"], q["end"], "q", f'{q.get("kind") or ""} quote, speaker: '
                                                     f'{q.get("speaker") or "unknown"}'))
    for d in index.by_doc["descriptors"].get(doc_id, []):
        spans.append(Span(d["start"], d["end"], "lbl", f'label of {d.get("target_text") or "?"}'))
    for term, ex in index.loaded.get(doc_id, []):
        spans.append(Span(ex["start"], ex["end"], "lt", f"loaded term: {term}"))
    return spans


def claim_regions(doc_id: str, index: "Index") -> list[Region]:
    regions = []
    for c in index.by_doc["claims"].get(doc_id, []):
        who = "asserted by the outlet" if not c.get("attributed_to") and not c.get("speaker_text") else \
            f'attributed to {c.get("speaker_text") or c.get("attributed_to")}'
        regions.append(Region(c["start"], c["end"], f'claim-{c["id"]}', f'{c.get("predicate") or ""}; {who}'))
    return regions


def highlighted_document(doc: dict, index: "Index", link: Callable[[str, str], str] = anchor_link) -> Markup:
    return highlight(doc.get("text") or "", document_spans(doc["id"], index, link), claim_regions(doc["id"], index))


# --------------------------------------------------------------------------- indexes and views


@dataclass
class Index:
    """Lookups over a dossier dict: records by id and per-document records by document."""

    dossier: dict
    documents: dict = field(default_factory=dict)
    entities: dict = field(default_factory=dict)
    claims: dict = field(default_factory=dict)
    facts: dict = field(default_factory=dict)
    by_doc: dict = field(default_factory=dict)
    loaded: dict = field(default_factory=dict)  # document -> [(term, example span)] from the source profiles

    @classmethod
    def of(cls, dossier: dict) -> "Index":
        idx = cls(dossier)
        idx.documents = {d["id"]: d for d in dossier.get("documents", [])}
        idx.entities = {e["id"]: e for e in dossier.get("entities", [])}
        idx.claims = {c["id"]: c for c in dossier.get("claims", [])}
        idx.facts = {f["id"]: f for f in dossier.get("facts", [])}
        for section in ("mentions", "times", "quantities", "quotes", "claims", "descriptors"):
            grouped = defaultdict(list)
            for r in dossier.get(section, []):
                grouped[r.get("document")].append(r)
            idx.by_doc[section] = grouped
        for source in dossier.get("sources", []):
            for term in source.get("loaded_terms") or []:
                for ex in term.get("examples") or []:
                    if isinstance(ex, dict) and ex.get("document"):
                        idx.loaded.setdefault(ex["document"], []).append((term.get("term"), ex))
        return idx

    def outlet(self, doc_id: str) -> str:
        """The outlet of a document for display; its shortened title (or id) when the outlet is unknown."""
        doc = self.documents.get(doc_id) or {}
        if doc.get("outlet"):
            return doc["outlet"]
        title = doc.get("title") or ""
        return (title[:28] + "…" if len(title) > 29 else title) or doc_id


def overview(dossier: dict, index: Index) -> dict:
    docs = dossier.get("documents", [])
    # (day, as written): a date known only as "2020" is shown as "2020", not as a made-up 1 January
    days = sorted((d, display(str(doc["published"]))) for doc in docs for d in [first_day(doc.get("published"))] if d)
    status = Counter(f.get("status") for f in dossier.get("facts", []))
    outlets = sorted({d.get("outlet") for d in docs if d.get("outlet")})
    view = {
        "documents": len(docs),
        "copies": sum(1 for d in docs if d.get("duplicate_of")),
        "outlets": outlets,
        "outlet_count": len(outlets),
        "date_range": (days[0][1], days[-1][1]) if days else None,
        "no_outlet": sum(1 for d in docs if not d.get("outlet")),
        "top_entities": sorted(dossier.get("entities", []), key=lambda e: (-(e.get("mentions") or 0), e["name"]))[:12],
        "corroborated": status.get("corroborated", 0),
        "single_source": status.get("single-source", 0),
        "contested": status.get("contested", 0),
        "facts": len(dossier.get("facts", [])),
        "conflicts": len(dossier.get("conflicts", [])),
        "entities": len(dossier.get("entities", [])),
        "claims": len(dossier.get("claims", [])),
        "skipped": dossier.get("corpus", {}).get("skipped", []),
        "shown": dossier.get("corpus", {}).get("shown"),  # {section: [shown, total]} when the page shows a part
    }
    totals = dossier.get("corpus", {}).get("totals") or {}  # whole-corpus counts of a page that shows a part
    view.update({("outlet_count" if k == "outlets" else k): v for k, v in totals.items()})
    return view


def _fact_value(fact: dict, conflict: dict) -> dict | None:
    """The conflict value this fact stands for: the one equal to the fact's own slot value, else the
    best-documented value resting on the fact's claims, else None (the fact is not part of it)."""
    values = conflict.get("values", [])
    slot = conflict.get("slot")
    for v in values:
        if slot == "time" and fact.get("time") and first_day(fact["time"]) == first_day(v.get("value")):
            return v
        if slot == "quantity" and fact.get("quantity") is not None:
            try:
                if float(v.get("value")) == float(fact["quantity"]):
                    return v
            except (TypeError, ValueError):
                pass
    own = set(fact.get("claims", []))
    mine = [v for v in values if own & set(v.get("claims", []))]
    return max(mine, key=lambda v: len(v.get("documents", [])), default=None)


def _conflicts_by_fact(facts: list[dict], conflicts: list[dict]) -> dict[str, list[dict]]:
    """fact id -> the conflicts that name it or rest on one of its claims (one pass over each)."""
    by_claim: dict[str, list[dict]] = {}
    for c in conflicts:
        for cid in {cid for v in c.get("values", []) for cid in v.get("claims", [])}:
            by_claim.setdefault(cid, []).append(c)
    out: dict[str, list[dict]] = {}
    for c in conflicts:
        for fid in c.get("facts") or []:
            out.setdefault(fid, []).append(c)
    for fact in facts:
        touching = out.setdefault(fact["id"], [])
        for cid in fact.get("claims", []):
            touching.extend(c for c in by_claim.get(cid, []) if not any(c is t for t in touching))
    return out


def _fact_value_documents(fact: dict, conflicts: list[dict]) -> tuple[set[str], set[str]]:
    """Documents that support this fact's value and documents that state a conflicting value.

    ``conflicts`` are the ones touching the fact (``_conflicts_by_fact``).
    """
    supports, against = set(fact.get("documents", [])), set()
    for c in conflicts:
        mine = _fact_value(fact, c)
        if mine is None:
            continue
        mine_docs = set(mine.get("documents", []))
        for v in c.get("values", []):
            if v is not mine:
                against |= set(v.get("documents", [])) - mine_docs
    return supports - against, against


def facts_matrix(dossier: dict, index: Index, max_columns: int = 60) -> dict:
    """Rows: facts (by support, highest first); columns: documents; cells: supports / conflicts / silent.

    With more than ``max_columns`` documents only the most-cited ones get a column (the rest are
    counted in the row's support anyway).
    """
    facts = sorted(dossier.get("facts", []), key=lambda f: (-(f.get("support") or 0), f.get("statement") or ""))
    cited = Counter(d for f in facts for d in f.get("documents", []))
    docs = sorted(index.documents.values(), key=lambda d: (d.get("published") or "9999", d["id"]))
    if len(docs) > max_columns:
        keep = {d for d, _ in cited.most_common(max_columns)}
        docs = [d for d in docs if d["id"] in keep]
    touching = _conflicts_by_fact(facts, dossier.get("conflicts", []))
    rows = []
    for fact in facts:
        supports, against = _fact_value_documents(fact, touching[fact["id"]])
        claim_of = {}
        for cid in fact.get("claims", []):
            claim = index.claims.get(cid)
            if claim:
                claim_of.setdefault(claim["document"], cid)
        cells = []
        for d in docs:
            state = "conflicts" if d["id"] in against else "supports" if d["id"] in supports else "silent"
            cells.append({"state": state, "claim": claim_of.get(d["id"]), "document": d["id"]})
        rows.append({"fact": fact, "cells": cells})
    return {"documents": docs, "rows": rows, "hidden_columns": len(index.documents) - len(docs)}


def _differing_span(claim: dict, slot: str, value: str, index: Index) -> tuple[int, int] | None:
    """Offsets, inside the claim's text, of the words that carry the conflicting value."""
    text = claim.get("text") or ""
    candidates = []
    if slot == "time":
        candidates.append(claim.get("time_text"))
        day = first_day(value)
        for t in index.by_doc["times"].get(claim["document"], []):
            inside = claim["start"] <= t["start"] and t["end"] <= claim["end"]
            if inside and day and first_day(t.get("value")) == day:
                candidates.append(t["text"])
    elif slot == "quantity":
        candidates.append(claim.get("quantity_text"))
        for q in index.by_doc["quantities"].get(claim["document"], []):
            if claim["start"] <= q["start"] and q["end"] <= claim["end"]:
                try:
                    if q.get("value") is not None and float(q["value"]) == float(value):
                        candidates.append(q["text"])
                except ValueError:
                    pass
    elif slot in ("place", "agent"):  # the mention of the place or agent itself, by its offsets
        entity = claim.get("place" if slot == "place" else "subject")
        for m in index.by_doc["mentions"].get(claim.get("document"), []):
            if entity and m.get("entity") == entity and claim["start"] <= m["start"] and m["end"] <= claim["end"]:
                return m["start"] - claim["start"], m["end"] - claim["start"]
    else:
        candidates += [claim.get("role"), claim.get("quantity_text"), claim.get("time_text")]
    candidates.append(value)
    lowered = text.lower()
    for c in candidates:
        if c and c.lower() in lowered:
            i = lowered.index(c.lower())
            return i, i + len(c)
    return None


def evidence_html(claim: dict, slot: str, value: str, index: Index) -> Markup:
    """The claim's sentence, escaped, with the span carrying the conflicting value in ``<mark>``."""
    text = claim.get("text") or ""
    span = _differing_span(claim, slot, value, index)
    if not span:
        return Markup(_e(text))
    a, b = span
    return Markup(f"{_e(text[:a])}<mark>{_e(text[a:b])}</mark>{_e(text[b:])}")


def conflict_views(dossier: dict, index: Index) -> list[dict]:
    views = []
    for c in dossier.get("conflicts", []):
        values = []
        for v in c.get("values", []):
            evidence = []
            for cid in v.get("claims", []):
                claim = index.claims.get(cid)
                if claim:
                    evidence.append({"claim": claim, "outlet": index.outlet(claim["document"]),
                                     "html": evidence_html(claim, c.get("slot") or "", str(v.get("value")), index)})
            values.append({"value": v.get("value"), "documents": v.get("documents", []), "evidence": evidence,
                           "outlets": sorted({index.outlet(d) for d in v.get("documents", [])})})
        views.append({"conflict": c, "values": values})
    return views


def entity_labels(dossier: dict, index: Index) -> dict[str, dict[str, list[str]]]:
    """entity id -> outlet -> the labels (descriptors) that outlet applies to it, in order, without repeats."""
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))

    def add(entity, outlet, text):
        if entity and text and text not in out[entity][outlet]:
            out[entity][outlet].append(text)

    for source in dossier.get("sources", []):
        for label in source.get("labels", []):
            add(label.get("entity"), source.get("outlet"), label.get("text"))
    for ent in dossier.get("entities", []):
        for d in ent.get("descriptors") or []:
            add(ent["id"], index.outlet(d.get("document")), d.get("text"))
    return out


def label_contrast(dossier: dict, labels: dict) -> dict:
    """Entities labelled by at least two outlets, with every outlet's labels side by side."""
    outlets = [s.get("outlet") for s in dossier.get("sources", [])]
    rows = []
    for ent in dossier.get("entities", []):
        per = labels.get(ent["id"], {})
        if len(per) >= 2:
            rows.append({"entity": ent, "labels": [per.get(o, []) for o in outlets]})
    return {"outlets": outlets, "rows": rows}


def grouped_relations(dossier: dict) -> dict[str, list[dict]]:
    """entity id -> its stated relations, one row per (relation, object) with the documents stating it."""
    out: dict[str, list[dict]] = {}
    for ent in dossier.get("entities", []):
        rows: dict[tuple, dict] = {}
        for r in ent.get("relations") or []:
            key = (r.get("relation"), r.get("object") or (r.get("object_text") or "").lower())
            row = rows.setdefault(key, {**r, "documents": []})
            if r.get("document") and r["document"] not in row["documents"]:
                row["documents"].append(r["document"])
        out[ent["id"]] = list(rows.values())
    return out


def build_view(dossier: dict) -> dict:
    """Everything the template shows, computed once."""
    index = Index.of(dossier)
    labels = entity_labels(dossier, index)
    entities = sorted(dossier.get("entities", []), key=lambda e: (-(e.get("mentions") or 0), e["name"]))
    fact_claims = {f["id"]: [index.claims[c] for c in f.get("claims", []) if c in index.claims]
                   for f in dossier.get("facts", [])}
    return {
        "d": dossier,
        "index": index,
        "overview": overview(dossier, index),
        "timelines": [(caption, Markup(drawn)) for caption, drawn in svg.timeline_svgs(dossier)],
        "graph": Markup(svg.entity_graph_svg(dossier)),
        "matrix": facts_matrix(dossier, index),
        "fact_claims": fact_claims,
        "conflicts": conflict_views(dossier, index),
        "entities": entities,
        "labels": labels,
        "relations": grouped_relations(dossier),
        "contrast": label_contrast(dossier, labels),
        "documents": [{"doc": doc, "html": highlighted_document(doc, index)} for doc in dossier.get("documents", [])],
        "safe_url": safe_url,
        "csp": content_security_policy(),
        "script": Markup(SORT_SCRIPT),
    }


def render_html(dossier: dict) -> str:
    return _env.get_template("dossier.html.j2").render(**build_view(dossier))


def write_html(dossier: dict, path: Path) -> None:
    """Render to a temporary name, then move into place (a crash never leaves half a page)."""
    tmp = path.with_suffix(".html.tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for chunk in _env.get_template("dossier.html.j2").generate(**build_view(dossier)):
            out.write(chunk)
    tmp.replace(path)
