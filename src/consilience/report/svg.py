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

from ..timexvalue import first_day

TYPE_COLOURS = {"PERSON": "#3b6ea8", "ORG": "#b5651d", "GPE": "#3d8b5a", "LOC": "#3d8b5a", "NORP": "#8a5aa8",
                "FAC": "#7a7a2a", "EVENT": "#a83b54"}


def _esc(text) -> str:
    return escape("" if text is None else str(text), quote=True)


def _anchor(kind: str, ident: str) -> str:
    return f"#{kind}-{ident}"


# --------------------------------------------------------------------------- timeline


def timeline_points(dossier: dict) -> list[dict]:
    """Everything the timeline draws: publication dates, dated facts and conflicting time values.

    Each point: ``day``, ``lane`` ("published" | "fact" | "conflict"), ``label``, ``kind`` and ``id``
    (for links), and ``group`` (the conflict id, to join its values with a line).
    """
    points = []
    for doc in dossier.get("documents", []):
        day = first_day(doc.get("published"))
        if day:
            points.append({"day": day, "lane": "published", "label": f"{doc.get('outlet') or doc['id']}: "
                           f"{doc.get('title') or ''}", "kind": "doc", "id": doc["id"], "group": None})
    conflicted_facts = {f for c in dossier.get("conflicts", []) if c.get("slot") == "time" for f in c.get("facts", [])}
    for fact in dossier.get("facts", []):
        day = first_day(fact.get("time"))
        if day:
            points.append({"day": day, "lane": "fact", "label": fact["statement"], "kind": "fact", "id": fact["id"],
                           "group": None, "contested": fact["id"] in conflicted_facts
                           or fact.get("status") == "contested"})
    for conflict in dossier.get("conflicts", []):
        if conflict.get("slot") != "time":
            continue
        for value in conflict.get("values", []):
            day = first_day(value.get("value"))
            if day:
                points.append({"day": day, "lane": "conflict", "kind": "conflict", "id": conflict["id"],
                               "group": conflict["id"], "value": str(value["value"]),
                               "label": f"{conflict['about']}: {value['value']} "
                                        f"({len(value.get('documents', []))} documents)"})
    return points


def _ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    """A handful of readable ticks between lo and hi, labelled by day, month or year according to the span."""
    span = (hi - lo).days
    if span <= 16:
        step = 1 if span <= 8 else 2
        return [(date.fromordinal(o), date.fromordinal(o).isoformat())
                for o in range(lo.toordinal(), hi.toordinal() + 1, step)]
    if span <= 400:
        out, y, m = [], lo.year, lo.month
        step = max(1, round(span / 30 / 10))
        while date(y, m, 1) <= hi:
            if date(y, m, 1) >= lo:
                out.append((date(y, m, 1), f"{y}-{m:02d}"))
            m += step
            y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
        return out or [(lo, lo.isoformat()), (hi, hi.isoformat())]
    step = max(1, math.ceil((hi.year - lo.year) / 10))
    return [(date(y, 1, 1), str(y)) for y in range(lo.year, hi.year + 1, step) if date(y, 1, 1) >= lo] \
        or [(lo, str(lo.year)), (hi, str(hi.year))]


def densest_window(days: list[date], width_days: int = 31) -> tuple[date, date] | None:
    """The ``width_days`` window holding the most points (two pointers over the sorted days)."""
    days = sorted(days)
    best, best_i, j = 0, 0, 0
    for i in range(len(days)):
        while (days[i] - days[j]).days > width_days:
            j += 1
        if i - j + 1 > best:
            best, best_i = i - j + 1, j
    if not days:
        return None
    first = days[best_i]
    last = max(d for d in days if first <= d <= date.fromordinal(first.toordinal() + width_days))
    return first, last


def timeline_svgs(dossier: dict, link: Callable[[str, str], str] = _anchor) -> list[tuple[str, str]]:
    """(caption, SVG) pairs: the whole period, then a zoom on the busiest month when the period is long."""
    points = timeline_points(dossier)
    if not points:
        return []
    lo, hi = min(p["day"] for p in points), max(p["day"] for p in points)
    out = [(f"{lo.isoformat()} to {hi.isoformat()}", timeline_svg(points, lo, hi, link))]
    if (hi - lo).days > 120:
        window = densest_window([p["day"] for p in points])
        inside = [p for p in points if window and window[0] <= p["day"] <= window[1]]
        if len(inside) >= 3 and len(inside) < len(points):
            a, b = date.fromordinal(window[0].toordinal() - 1), date.fromordinal(window[1].toordinal() + 1)
            out.append((f"zoom on the busiest month: {a.isoformat()} to {b.isoformat()}",
                        timeline_svg(inside, a, b, link)))
    return out


def timeline_svg(points: list[dict], lo: date, hi: date, link: Callable[[str, str], str] = _anchor,
                 width: int = 1000) -> str:
    """Lanes of dated points on one day axis; each conflict on its own row, its values in red joined by a
    dashed line and labelled ("2020-01-02 vs 2020-01-03")."""
    if lo == hi:
        lo, hi = date.fromordinal(lo.toordinal() - 1), date.fromordinal(hi.toordinal() + 1)
    left, right = 150, 40
    groups: dict[str, list[dict]] = defaultdict(list)
    for p in points:
        if p["lane"] == "conflict":
            groups[p["group"]].append(p)
    rows = [("published", "published", 44), ("fact", "dated facts", 44)]
    rows = [r for r in rows if any(p["lane"] == r[0] for p in points)]
    rows += [(f"conflict:{g}", "conflicting dates" if i == 0 else "", 30) for i, g in enumerate(groups)]
    height = 30 + sum(h for _, _, h in rows) + 34

    def x(day: date) -> float:
        return left + (day.toordinal() - lo.toordinal()) / (hi.toordinal() - lo.toordinal()) * (width - left - right)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {width} {height}" '
           f'role="img" aria-label="timeline of dated facts and publication dates">']
    axis_y = height - 30
    out.append(f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" class="axis"/>')
    for tick, text in _ticks(lo, hi):
        tx = x(tick)
        out.append(f'<line x1="{tx:.1f}" y1="20" x2="{tx:.1f}" y2="{axis_y + 4}" class="grid"/>')
        out.append(f'<text x="{tx:.1f}" y="{axis_y + 18}" class="tick">{_esc(text)}</text>')
    y0 = 30
    for key, title, h in rows:
        y = y0 + h / 2
        y0 += h
        if title:
            out.append(f'<text x="10" y="{y + 4:.0f}" class="lane">{_esc(title)}</text>')
        if key.startswith("conflict:"):
            members = sorted(groups[key.split(":", 1)[1]], key=lambda p: p["day"])
            out.append(_conflict_row(members, x, y, width - right, link))
            continue
        stack: Counter = Counter()
        for p in sorted((p for p in points if p["lane"] == key), key=lambda p: p["day"]):
            offset = stack[p["day"]]
            stack[p["day"]] += 1
            out.append(_marker(p, x(p["day"]), y - 8 + (offset % 3) * 8, link))
    out.append("</svg>")
    return "".join(out)


def _marker(p: dict, px: float, py: float, link: Callable[[str, str], str]) -> str:
    """One linked point: a circle for a publication, a diamond for a fact or a conflicting value."""
    cls = {"doc": "pt-doc", "fact": "pt-fact", "conflict": "pt-conflict"}[p["kind"]]
    if p.get("contested"):
        cls += " contested"
    shape = (f'<circle cx="{px:.1f}" cy="{py:.1f}" r="5" class="{cls}"/>' if p["kind"] == "doc" else
             f'<rect x="{px - 5:.1f}" y="{py - 5:.1f}" width="10" height="10" '
             f'transform="rotate(45 {px:.1f} {py:.1f})" class="{cls}"/>')
    return (f'<a href="{_esc(link(p["kind"], p["id"]))}"><title>{_esc(p["day"].isoformat() + " · " + p["label"])}'
            f'</title>{shape}</a>')


def _conflict_row(members: list[dict], x, y: float, right_edge: float, link) -> str:
    xs = [x(p["day"]) for p in members]
    out = []
    if len(members) > 1:
        out.append(f'<line x1="{min(xs):.1f}" y1="{y:.0f}" x2="{max(xs):.1f}" y2="{y:.0f}" class="conflict-link"/>')
    out += [_marker(p, px, y, link) for p, px in zip(members, xs)]
    values = " vs ".join(dict.fromkeys(p["value"] for p in members))
    anchor_x, align = (max(xs) + 12, "start") if max(xs) < right_edge - 200 else (min(xs) - 12, "end")
    out.append(f'<text x="{anchor_x:.1f}" y="{y + 4:.0f}" class="conflict-value" text-anchor="{align}">'
               f'{_esc(values)}</text>')
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


def strongest_edges(edges: dict, per_node: int = 3) -> dict:
    """Every stated relation, plus each node's ``per_node`` strongest co-occurrence edges (a readable graph,
    not a hairball: with a few long articles nearly everything is named together somewhere)."""
    best: dict[str, list] = defaultdict(list)
    for pair, e in edges.items():
        for node in pair:
            best[node].append((e["together"], pair))
    keep = {pair for pair, e in edges.items() if e["relations"]}
    for node, items in best.items():
        keep |= {pair for together, pair in sorted(items, reverse=True)[:per_node] if together}
    return {pair: e for pair, e in edges.items() if pair in keep}


def _layout(nodes: list[str], edges: dict) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]^2: networkx's seeded spring layout (deterministic), a circle for tiny graphs."""
    import networkx as nx

    if len(nodes) <= 3:
        return {n: (math.cos(2 * math.pi * i / len(nodes)), math.sin(2 * math.pi * i / len(nodes)))
                for i, n in enumerate(nodes)}
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    for (a, b), e in edges.items():
        graph.add_edge(a, b, weight=(2.0 if e["relations"] else 0.0) + math.log1p(e["together"]))
    pos = nx.spring_layout(graph, seed=7, k=2.6 / math.sqrt(len(nodes)), iterations=300)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    sx, sy = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    return {n: (2 * (p[0] - min(xs)) / sx - 1, 2 * (p[1] - min(ys)) / sy - 1) for n, p in pos.items()}


def _spread(points: dict[str, tuple[float, float]], box: tuple[float, float, float, float],
            min_dx: float = 130, min_dy: float = 58, rounds: int = 120) -> dict[str, tuple[float, float]]:
    """Push apart nodes whose labels would overlap (a label is about ``min_dx`` x ``min_dy`` pixels),
    keeping them inside ``box``; a few rounds of pairwise nudges are enough for the ~30 nodes drawn."""
    pts = {k: list(v) for k, v in points.items()}
    keys = sorted(pts)
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                dx, dy = pts[b][0] - pts[a][0], pts[b][1] - pts[a][1]
                if abs(dx) < min_dx and abs(dy) < min_dy:
                    moved = True
                    # separate along the axis that needs the smaller move
                    if (min_dx - abs(dx)) / min_dx < (min_dy - abs(dy)) / min_dy:
                        push = (min_dx - abs(dx)) / 2 * (1 if dx >= 0 else -1)
                        pts[a][0] -= push
                        pts[b][0] += push
                    else:
                        push = (min_dy - abs(dy)) / 2 * (1 if dy >= 0 else -1)
                        pts[a][1] -= push
                        pts[b][1] += push
        for p in pts.values():
            p[0] = min(max(p[0], box[0]), box[2])
            p[1] = min(max(p[1], box[1]), box[3])
        if not moved:
            break
    return {k: (v[0], v[1]) for k, v in pts.items()}


def entity_graph_svg(dossier: dict, link: Callable[[str, str], str] = _anchor, limit: int = 30,
                     width: int = 1000, height: int = 640) -> str:
    """The ``limit`` most-mentioned entities, their stated relations (solid, labelled) and co-occurrence (grey)."""
    entities = sorted(dossier.get("entities", []), key=lambda e: (-(e.get("mentions") or 0), e["name"]))[:limit]
    if not entities:
        return ""
    ids = {e["id"] for e in entities}
    edges = strongest_edges(entity_edges(dossier, ids))
    pos = _layout([e["id"] for e in entities], edges)
    pad = 150  # room for labels centred under the nodes at the edges
    height = min(height, 260 + 20 * len(entities))

    placed = _spread({n: (pad + (p[0] + 1) / 2 * (width - 2 * pad), 40 + (p[1] + 1) / 2 * (height - 100))
                      for n, p in pos.items()}, (pad, 30, width - pad, height - 40))

    def xy(ident: str) -> tuple[float, float]:
        return placed[ident]

    names = {e["id"]: e["name"] for e in entities}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="entity graph: stated relations and co-occurrence">']
    max_together = max((e["together"] for e in edges.values()), default=1) or 1
    for (a, b), e in sorted(edges.items(), key=lambda kv: bool(kv[1]["relations"])):
        (x1, y1), (x2, y2) = xy(a), xy(b)
        if e["relations"]:
            title = f'{names[a]} — {", ".join(r for r in e["relations"] if r)} — {names[b]}'
            label = ""
            if math.hypot(x2 - x1, y2 - y1) > 170:  # on a short edge the label would cover the node names
                label = (f'<text x="{(x1 + x2) / 2:.1f}" y="{(y1 + y2) / 2 - 4:.1f}">'
                         f'{_esc(", ".join(r for r in e["relations"] if r))}</text>')
            out.append(f'<g class="rel"><title>{_esc(title)}</title><line x1="{x1:.1f}" y1="{y1:.1f}" '
                       f'x2="{x2:.1f}" y2="{y2:.1f}"/>{label}</g>')
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
