"""SVG drawn by the project (no JavaScript chart library): the timeline and the entity graph.

Both functions take the dossier dict and return an SVG string. Every label that comes from article
text goes through ``_esc`` (XML escaping, quotes included), so a name like ``<script>`` is drawn as
text. Links inside the SVG point at anchors of dossier.html (``#fact-ID``, ``#entity-ID`` ...);
``link`` lets the web UI point them at its own pages instead.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from datetime import date
from html import escape
from typing import Callable

TYPE_COLOURS = {"PERSON": "#3b6ea8", "ORG": "#b5651d", "GPE": "#3d8b5a", "LOC": "#3d8b5a", "NORP": "#8a5aa8",
                "FAC": "#7a7a2a", "EVENT": "#a83b54"}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _esc(text) -> str:
    return escape("" if text is None else str(text), quote=True)


def _anchor(kind: str, ident: str) -> str:
    return f"#{kind}-{ident}"


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO / TIMEX3 value ("2020-01-02", "2020-01-02T18:30", "2020-01", "2020").

    Month or year precision falls on the first day; values that are not dates ("P3M", "PRESENT_REF",
    "2020-W01") give None.
    """
    if not value:
        return None
    m = _DATE.match(str(value))
    rest = str(value)[m.end():] if m else ""
    if not m or (rest and not rest.startswith("T")):
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


# --------------------------------------------------------------------------- timeline


def timeline_points(dossier: dict) -> list[dict]:
    """Everything the timeline draws: publication dates, dated facts and conflicting time values.

    Each point: ``day``, ``lane`` ("published" | "fact" | "conflict"), ``label``, ``kind`` and ``id``
    (for links), and ``group`` (the conflict id, to join its values with a line).
    """
    points = []
    for doc in dossier.get("documents", []):
        day = parse_day(doc.get("published"))
        if day:
            points.append({"day": day, "lane": "published", "label": f"{doc.get('outlet') or doc['id']}: "
                           f"{doc.get('title') or ''}", "kind": "doc", "id": doc["id"], "group": None})
    conflicted_facts = {f for c in dossier.get("conflicts", []) if c.get("slot") == "time" for f in c.get("facts", [])}
    for fact in dossier.get("facts", []):
        day = parse_day(fact.get("time"))
        if day:
            points.append({"day": day, "lane": "fact", "label": fact["statement"], "kind": "fact", "id": fact["id"],
                           "group": None, "contested": fact["id"] in conflicted_facts
                           or fact.get("status") == "contested"})
    for conflict in dossier.get("conflicts", []):
        if conflict.get("slot") != "time":
            continue
        for value in conflict.get("values", []):
            day = parse_day(value.get("value"))
            if day:
                points.append({"day": day, "lane": "conflict", "kind": "conflict", "id": conflict["id"],
                               "group": conflict["id"],
                               "label": f"{conflict['about']}: {value['value']} "
                                        f"({len(value.get('documents', []))} documents)"})
    return points


def _ticks(lo: date, hi: date) -> list[date]:
    """A handful of readable tick days between lo and hi (days, months or years, by span)."""
    span = (hi - lo).days
    if span <= 14:
        return [date.fromordinal(o) for o in range(lo.toordinal(), hi.toordinal() + 1)]
    if span <= 400:
        out, y, m = [], lo.year, lo.month
        step = max(1, round(span / 30 / 10))
        while date(y, m, 1) <= hi:
            if date(y, m, 1) >= lo:
                out.append(date(y, m, 1))
            m += step
            y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
        return out or [lo, hi]
    step = max(1, math.ceil((hi.year - lo.year) / 10))
    return [date(y, 1, 1) for y in range(lo.year, hi.year + 1, step) if date(y, 1, 1) >= lo] or [lo, hi]


def timeline_svg(dossier: dict, link: Callable[[str, str], str] = _anchor, width: int = 1000) -> str:
    """Lanes of dated points on one day axis; conflicting time values in red, joined by a dashed line."""
    points = timeline_points(dossier)
    if not points:
        return ""
    lo, hi = min(p["day"] for p in points), max(p["day"] for p in points)
    if lo == hi:
        lo, hi = date.fromordinal(lo.toordinal() - 1), date.fromordinal(hi.toordinal() + 1)
    left, right = 150, 30
    lanes = [("published", "published"), ("fact", "dated facts"), ("conflict", "conflicting dates")]
    lanes = [lane for lane in lanes if any(p["lane"] == lane[0] for p in points)]
    lane_h = 52
    height = 40 + lane_h * len(lanes) + 30

    def x(day: date) -> float:
        return left + (day.toordinal() - lo.toordinal()) / (hi.toordinal() - lo.toordinal()) * (width - left - right)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {width} {height}" '
           f'role="img" aria-label="timeline of dated facts and publication dates">']
    axis_y = height - 30
    out.append(f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" class="axis"/>')
    for tick in _ticks(lo, hi):
        tx = x(tick)
        out.append(f'<line x1="{tx:.1f}" y1="20" x2="{tx:.1f}" y2="{axis_y + 4}" class="grid"/>')
        out.append(f'<text x="{tx:.1f}" y="{axis_y + 18}" class="tick">{_esc(tick.isoformat())}</text>')
    for i, (lane, title) in enumerate(lanes):
        y = 40 + i * lane_h + lane_h / 2
        out.append(f'<text x="10" y="{y + 4:.0f}" class="lane">{_esc(title)}</text>')
        lane_points = [p for p in points if p["lane"] == lane]
        stack: Counter = Counter()
        if lane == "conflict":
            groups = defaultdict(list)
            for p in lane_points:
                groups[p["group"]].append(p)
            for members in groups.values():
                if len(members) > 1:
                    xs = sorted(x(p["day"]) for p in members)
                    out.append(f'<line x1="{xs[0]:.1f}" y1="{y - 8:.0f}" x2="{xs[-1]:.1f}" y2="{y - 8:.0f}" '
                               'class="conflict-link"/>')
        for p in sorted(lane_points, key=lambda p: p["day"]):
            px = x(p["day"])
            offset = stack[p["day"]]
            stack[p["day"]] += 1
            py = y - 8 + (offset % 4) * 9
            cls = {"doc": "pt-doc", "fact": "pt-fact", "conflict": "pt-conflict"}[p["kind"]]
            if p.get("contested"):
                cls += " contested"
            label = f'{p["day"].isoformat()} · {p["label"]}'
            shape = (f'<rect x="{px - 5:.1f}" y="{py - 5:.1f}" width="10" height="10" transform="rotate(45 {px:.1f} {py:.1f})" class="{cls}"/>'
                     if p["kind"] != "doc" else f'<circle cx="{px:.1f}" cy="{py:.1f}" r="5" class="{cls}"/>')
            out.append(f'<a href="{_esc(link(p["kind"], p["id"]))}">'
                       f'<title>{_esc(label)}</title>{shape}</a>')
            if p["kind"] == "conflict" and offset == 0:
                out.append(f'<text x="{px:.1f}" y="{py + 20:.1f}" class="tick conflict-value">'
                           f'{_esc(p["day"].isoformat())}</text>')
    out.append("</svg>")
    return "".join(out)


# --------------------------------------------------------------------------- entity graph


def _paragraph_index(text: str) -> list[int]:
    """Start offsets of the paragraphs of ``text`` (blocks separated by newlines)."""
    return [0] + [m.end() for m in re.finditer(r"\n+", text)]


def entity_edges(dossier: dict, entity_ids: set[str]) -> dict[tuple[str, str], dict]:
    """Edges between the given entities: stated relations, and co-occurrence in the same paragraph.

    Paragraph co-occurrence is the cheap, explainable notion of "named together"; copies
    (``duplicate_of``) are skipped so a syndicated story does not double its weight.
    """
    import bisect

    edges: dict[tuple[str, str], dict] = {}
    for ent in dossier.get("entities", []):
        for rel in ent.get("relations") or []:
            a, b = rel.get("subject"), rel.get("object")
            if a in entity_ids and b in entity_ids and a != b:
                edge = edges.setdefault(tuple(sorted((a, b))), {"relations": [], "together": 0})
                if rel.get("relation") not in edge["relations"]:
                    edge["relations"].append(rel.get("relation"))
    docs = {d["id"]: d for d in dossier.get("documents", []) if not d.get("duplicate_of")}
    starts = {doc_id: _paragraph_index(d.get("text") or "") for doc_id, d in docs.items()}
    paragraphs: dict[tuple[str, int], set[str]] = defaultdict(set)
    for m in dossier.get("mentions", []):
        if m.get("entity") in entity_ids and m["document"] in starts:
            para = bisect.bisect_right(starts[m["document"]], m["start"]) - 1
            paragraphs[(m["document"], para)].add(m["entity"])
    for members in paragraphs.values():
        members = sorted(members)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                edges.setdefault((a, b), {"relations": [], "together": 0})["together"] += 1
    return edges


def _layout(nodes: list[str], edges: dict) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]^2: networkx's seeded spring layout (deterministic), a circle for tiny graphs."""
    import networkx as nx

    if len(nodes) <= 3:
        return {n: (math.cos(2 * math.pi * i / len(nodes)), math.sin(2 * math.pi * i / len(nodes)))
                for i, n in enumerate(nodes)}
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    for (a, b), e in edges.items():
        graph.add_edge(a, b, weight=len(e["relations"]) * 3 + e["together"])
    pos = nx.spring_layout(graph, seed=7, k=1.6 / math.sqrt(len(nodes)), iterations=200)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    sx, sy = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    return {n: (2 * (p[0] - min(xs)) / sx - 1, 2 * (p[1] - min(ys)) / sy - 1) for n, p in pos.items()}


def entity_graph_svg(dossier: dict, link: Callable[[str, str], str] = _anchor, limit: int = 30,
                     width: int = 1000, height: int = 640) -> str:
    """The ``limit`` most-mentioned entities, their stated relations (solid, labelled) and co-occurrence (grey)."""
    entities = sorted(dossier.get("entities", []), key=lambda e: (-(e.get("mentions") or 0), e["name"]))[:limit]
    if not entities:
        return ""
    ids = {e["id"] for e in entities}
    edges = entity_edges(dossier, ids)
    pos = _layout([e["id"] for e in entities], edges)
    pad = 150  # room for labels centred under the nodes at the edges
    height = min(height, 260 + 20 * len(entities))

    def xy(ident: str) -> tuple[float, float]:
        px, py = pos[ident]
        return pad + (px + 1) / 2 * (width - 2 * pad), 40 + (py + 1) / 2 * (height - 100)

    names = {e["id"]: e["name"] for e in entities}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="entity graph: stated relations and co-occurrence">']
    max_together = max((e["together"] for e in edges.values()), default=1) or 1
    for (a, b), e in sorted(edges.items(), key=lambda kv: bool(kv[1]["relations"])):
        (x1, y1), (x2, y2) = xy(a), xy(b)
        if e["relations"]:
            title = f'{names[a]} — {", ".join(r for r in e["relations"] if r)} — {names[b]}'
            out.append(f'<g class="rel"><title>{_esc(title)}</title><line x1="{x1:.1f}" y1="{y1:.1f}" '
                       f'x2="{x2:.1f}" y2="{y2:.1f}"/><text x="{(x1 + x2) / 2:.1f}" y="{(y1 + y2) / 2 - 4:.1f}">'
                       f'{_esc(", ".join(r for r in e["relations"] if r))}</text></g>')
        else:
            w = 0.6 + 3 * e["together"] / max_together
            title = f'{names[a]} and {names[b]}: named together in {e["together"]} paragraphs'
            out.append(f'<g class="co"><title>{_esc(title)}</title><line x1="{x1:.1f}" y1="{y1:.1f}" '
                       f'x2="{x2:.1f}" y2="{y2:.1f}" stroke-width="{w:.1f}"/></g>')
    top = max((e.get("mentions") or 1) for e in entities)
    for e in entities:
        x, y = xy(e["id"])
        r = 5 + 13 * math.sqrt((e.get("mentions") or 1) / top)
        colour = TYPE_COLOURS.get(e.get("type") or "", "#777")
        out.append(f'<a href="{_esc(link("entity", e["id"]))}" class="node"><title>{_esc(e["name"])} '
                   f'({_esc(e.get("type"))}, {int(e.get("mentions") or 0)} mentions)</title>'
                   f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}"/>'
                   f'<text x="{x:.1f}" y="{y + r + 13:.1f}">{_esc(e["name"])}</text></a>')
    out.append("</svg>")
    return "".join(out)
