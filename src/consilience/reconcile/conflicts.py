"""Conflicts: incompatible values for one slot of one thing, each with the readings that explain it.

Slots and rules (docs/reconcile.md has the long form):
- time of an event: the dates of a fact's claims, and of event facts (kill, attack, ...) sharing a
  participant and lying within a day of each other, that no finer date reconciles;
- time a post was taken: the start dates ("appointed in", "since", "took command in") of one position fact;
- quantity: exact counts of the same thing on the same day that differ, or an approximate amount
  whose range misses an exact count; a range that holds the exact count ("hundreds" and 250) is not a conflict;
- role: one person named head and deputy of the same body with nothing to date them apart.
Never conflicts: the kind of weapon ("drone strike", "airstrike", "missile strike" are one attack:
the vocabulary has no such slot), different posts in different bodies, approximate vs contained exact.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from ..model import Claim, Conflict, ConflictValue, DocAnalysis, Document, Fact, TimeExpr
from ..packed import only
from . import timevalues as T
from . import vocabulary as V
from .facts import Draft, quantities_compatible, quantity_range
from .participants import Names

_REVISION = re.compile(r"\b(revis\w*|updated?|rose to|risen to|climbed to|up from|down from|earlier figure|"
                       r"previously reported|raised the toll|new toll|toll rose)\b", re.IGNORECASE)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class _Context:
    """What explanations need: documents (publication dates and bases) and the TimeExprs behind claims."""

    def __init__(self, documents: dict[str, Document], analyses: Iterable[DocAnalysis], names: Names,
                 drafts: list[Draft]):
        self.documents = documents
        self.names = names
        # Only the times a claim can point to (same document, same text): the corpus's times are
        # millions of records at 10^5 documents, and an explanation reads a few.
        wanted: dict[str, set[str]] = defaultdict(set)
        for d in drafts:
            for c in d.claims:
                if c.time_text:
                    wanted[c.document].add(c.time_text)
        self.times: dict[str, list[TimeExpr]] = {}
        for a in only(analyses, "times", documents=wanted):  # packed analyses decode those documents only
            texts = wanted.get(a.document)
            if texts:
                self.times[a.document] = [t for t in a.times if t.text in texts]

    def time_expr(self, c: Claim) -> TimeExpr | None:
        for t in self.times.get(c.document, ()):
            if c.start <= t.start < c.end and t.text == c.time_text:
                return t
        return None


def find_conflicts(drafts: list[Draft], facts: list[Fact], documents: dict[str, Document],
                   analyses: Iterable[DocAnalysis], names: Names) -> list[Conflict]:
    ctx = _Context(documents, analyses, names, drafts)
    fact_of = {id(d): f for d, f in zip(drafts, facts)}
    out: list[Conflict] = []
    out.extend(_event_time_conflicts(drafts, fact_of, ctx))
    out.extend(_position_start_conflicts(drafts, fact_of, ctx))
    out.extend(_quantity_conflicts(drafts, fact_of, ctx))
    out.extend(_role_conflicts(drafts, fact_of, ctx))
    for n, c in enumerate(out):
        c.id = f"x{n}"
    return out


def _values(claims: list[Claim], value_of) -> list[ConflictValue]:
    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in {c.id: c for c in claims}.values():  # a claim counts once however it was reached
        v = value_of(c)
        if v is not None:
            groups[v].append(c)
    return [ConflictValue(value=v, claims=[c.id for c in cs], documents=list(dict.fromkeys(c.document for c in cs)))
            for v, cs in sorted(groups.items())]


# --------------------------------------------------------------------------- time


def _event_groups(drafts: list[Draft]) -> list[list[Draft]]:
    """Event facts that may be one moment: same participant, dates within a day (union-find over blocking keys)."""
    events = [d for d in drafts if d.family in V.EVENT_FAMILIES and (d.times or _weekday_only(d))]
    parent = list(range(len(events)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[tuple, list[int]] = defaultdict(list)
    for i, d in enumerate(events):
        for e in d.participants:
            by_key[e].append(i)
    for members in by_key.values():
        for i in members[1:CANDIDATES_LINK]:
            a, b = events[members[0]], events[i]
            if any(g is not None and g <= 1 for x in a.times for y in b.times for g in [T.gap_days(x, y)]) \
                    or (_weekday_only(a) != _weekday_only(b)):
                parent[find(i)] = find(members[0])
    groups: dict[int, list[Draft]] = defaultdict(list)
    for i, d in enumerate(events):
        groups[find(i)].append(d)
    return list(groups.values())


CANDIDATES_LINK = 64


def weekday_of(c: Claim) -> int | None:
    """0-6 when the claim is dated only by a weekday ("on Friday" with no usable publication date)."""
    if c.time and T.bounds(c.time):
        return None
    text = (c.time_text or "").lower()
    for n, w in enumerate(_WEEKDAYS):
        if w in text:
            return n
    return None


def _weekday_only(d: Draft) -> bool:
    """A draft dated by weekdays only (it can be read against the dates of the facts it may be)."""
    return not any(T.bounds(t) for t in d.times) and any(weekday_of(c) is not None for c in d.claims)


def _weekday_readings(claims: list[Claim]) -> dict[str, str]:
    """claim id -> the date of its weekday nearest the other sources' most common day."""
    days = [T.day(c.time) for c in claims if T.day(c.time)]
    if not days:
        return {}
    anchor = date.fromisoformat(max(set(days), key=days.count))
    out = {}
    for c in claims:
        wd = weekday_of(c)
        if wd is None:
            continue
        for k in range(-3, 4):
            cand = anchor + timedelta(days=k)
            if cand.weekday() == wd:
                out[c.id] = cand.isoformat()
                break
    return out


def _event_time_conflicts(drafts, fact_of, ctx: _Context) -> list[Conflict]:
    out = []
    for group in _event_groups(drafts):
        everything = [c for d in group for c in d.claims]
        readings = _weekday_readings(everything)
        readings.update(_copied_readings(everything, ctx))
        claims = [c for c in everything if (c.time and T.bounds(c.time)) or c.id in readings]
        if any(T.day(readings.get(c.id) or c.time) for c in claims):  # days known: coarser values say less
            claims = [c for c in claims if T.day(readings.get(c.id) or c.time)]
        distinct = T.distinct_values([readings.get(c.id) or c.time for c in claims])
        if len(distinct) < 2:
            continue
        if not all(T.precision(v) >= 10 for v in distinct) and not _single_happening(group):
            continue  # "in 2019" and "in 2020" for repeated attacks are two events, not a conflict
        refined = _refined(distinct)
        values = _values(claims, lambda c: T.display(readings[c.id]) if c.id in readings else refined(c))
        if len(values) < 2:
            continue
        main = max(group, key=lambda d: len(d.claims))
        about = "when " + _event_phrase(fact_of[id(main)], main, ctx.names)
        out.append(Conflict(id="", about=about, slot="time", values=values,
                            explanation=_explain_dates(values, claims, ctx, readings),
                            facts=[fact_of[id(d)].id for d in group]))
    return out


def _copied_readings(claims: list[Claim], ctx: _Context) -> dict[str, str]:
    """A copy re-anchors relative dates on its own publication date: read them as its original did."""
    out = {}
    for c in claims:
        doc = ctx.documents.get(c.document)
        if not (doc and doc.duplicate_of and c.time_text):
            continue
        same = [o for o in claims if o.document == doc.duplicate_of and o.time_text == c.time_text and o.time]
        if same and T.bounds(same[0].time):
            out[c.id] = same[0].time
    return out


def _single_happening(group: list[Draft]) -> bool:
    return any(d.once for d in group)


def _refined(distinct: list[str]):
    """Map a claim's time to the distinct value it refines into (coarser values that fit one value join it)."""
    def value_of(c: Claim):
        fits = [v for v in distinct if T.compatible(c.time, v)]
        return T.display(fits[0]) if len(fits) == 1 else None
    return value_of


def _event_phrase(fact: Fact, d: Draft, names: Names) -> str:
    objs = " and ".join(names.of(o) for o in fact.objects[:2])
    if d.family == "kill" and objs:
        return f"{objs} {'was' if len(fact.objects) == 1 else 'were'} killed"
    if d.family == "attack" and objs:
        return f"the attack on {objs} happened"
    return fact.statement


def _explain_dates(values: list[ConflictValue], claims: list[Claim], ctx: _Context,
                   readings: dict[str, str] | None = None) -> str:
    days = [T.bounds(v.value) for v in values]
    parts = []
    all_days = all(b and b[0] == b[1] for b in days)
    if all_days and len(values) == 2 and abs((days[1][0] - days[0][0]).days) == 1:
        a, b = values[0].value, values[1].value
        parts.append(
            f"{a} and {b} are adjacent days. Both may be the same moment: an event shortly after midnight "
            f"local time is still the previous day in time zones further west (so {a} may be the date "
            f"elsewhere and {b} the local date), or a source may date it by the day it was reported rather "
            f"than the day it happened.")
    elif all(b for b in days) and len(values) == 2 and all(T.precision(v.value) == 4 for v in values) and \
            abs(int(values[0].value[:4]) - int(values[1].value[:4])) == 1:
        parts.append(f"{values[0].value} and {values[1].value} are consecutive years: the sources may date "
                     "different steps (a decision and its announcement), or round a date near the turn of the year.")
    else:
        parts.append("The sources give different dates; no simple reading reconciles them.")
    parts.extend(_relative_notes(values, claims, ctx, readings or {}))
    return " ".join(parts)


def _relative_notes(values: list[ConflictValue], claims: list[Claim], ctx: _Context,
                    readings: dict[str, str]) -> list[str]:
    """Dates a source resolved from a weekday or relative expression depend on its publication date."""
    notes = []
    by_id = {c.id: c for c in claims}
    for v in values:
        for cid in v.claims:
            c = by_id[cid]
            if cid in readings:
                doc = ctx.documents.get(c.document)
                pub = f"its publication date is only known as {doc.published!r}" if doc and doc.published \
                    else "its publication date is unknown"
                notes.append(f'{c.document} says "{c.time_text}" and {pub}; read as the nearest such weekday to '
                             f"the other sources' date: {v.value}.")
                continue
            expr = ctx.time_expr(c)
            text = (c.time_text or "").lower()
            relative = any(w in text for w in _WEEKDAYS) or (expr and expr.anchor and not expr.anchor.startswith("explicit"))
            if not relative:
                continue
            doc = ctx.documents.get(c.document)
            pub = doc.published if doc else None
            basis = doc.published_basis if doc else None
            note = f'{c.document} says "{c.time_text}", resolved to {v.value}'
            if pub:
                note += f" against its publication date {pub} (basis: {basis or 'unknown'})"
                if basis in ("inferred", "content", None):
                    note += ", which was itself inferred: a different publication date would move it"
            else:
                note += " without a known publication date"
            notes.append(note + ".")
    return notes


def _position_start_conflicts(drafts, fact_of, ctx: _Context) -> list[Conflict]:
    out = []
    for d in drafts:
        if d.family != "position":
            continue
        starts = [c for c in d.claims if c.time and T.bounds(c.time) and
                  (c.time_relation == "start" or c.predicate == "appoint")]
        distinct = T.distinct_values([c.time for c in starts])
        if len(distinct) < 2:
            continue
        values = _values(starts, _refined(distinct))
        if len(values) < 2:
            continue
        fact = fact_of[id(d)]
        org = " and ".join(ctx.names.of(o) for o in fact.objects[:2]) or "?"
        about = f"when {ctx.names.of(fact.subject) or 'the holder'} became {fact.role or 'head'} of {org}"
        out.append(Conflict(id="", about=about, slot="time", values=values,
                            explanation=_explain_dates(values, starts, ctx), facts=[fact.id]))
    return out


# --------------------------------------------------------------------------- quantity


def _quantity_conflicts(drafts, fact_of, ctx: _Context) -> list[Conflict]:
    """Counts of the same thing on the same day that cannot both be right."""
    out, seen = [], set()
    for (fam, e, day), group in _quantity_buckets(drafts).items():
        group = list({id(d): d for d in group}.values())
        if len(group) < 2:
            continue  # one fact never holds incompatible counts (grouping keeps them apart)
        qclaims = list({c.id: c for d in group for c in d.quantities if T.day(c.time) == day}.values())
        if not _all_compatible(qclaims):
            key = tuple(sorted(c.id for c in qclaims))
            if key in seen:
                continue
            seen.add(key)
            values = _values(qclaims, _quantity_value)
            if len(values) < 2:
                continue
            main = max(group, key=lambda d: len(d.claims))
            fact = fact_of[id(main)]
            unit = next((c.quantity_unit for c in qclaims if c.quantity_unit), None) or "people"
            about = f"how many {unit}{'s' if not unit.endswith('s') else ''} ({fam}, {day})"
            out.append(Conflict(id="", about=about, slot="quantity", values=values,
                                explanation=_explain_counts(qclaims, ctx), facts=[fact_of[id(d)].id for d in group]))
    out.extend(_revision_conflicts(drafts, fact_of, ctx, seen))
    return out


def _quantity_buckets(drafts: list[Draft]) -> dict[tuple, list[Draft]]:
    """Drafts with counts filed under (family, participant or place, day), in an order that does not
    depend on string hashing (buckets are visited in it, and it numbers the conflicts)."""
    buckets: dict[tuple, list[Draft]] = defaultdict(list)
    for d in drafts:
        if not d.quantities or d.family in ("position", "statement"):
            continue
        for day in sorted({T.day(c.time) for c in d.claims if T.day(c.time)}):
            for e in sorted(d.participants | d.places) or [None]:
                buckets[(d.family, e, day)].append(d)
    return buckets


_NUMBER = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")


def _all_compatible(claims: list[Claim]) -> bool:
    """Every pair of counts compatible; compares distinct counts only (many sources repeat one figure)."""
    distinct = list({(quantity_range(c), c.quantity_approximate, c.quantity): c for c in claims}.values())
    return all(quantities_compatible(a, b) for i, a in enumerate(distinct) for b in distinct[i + 1:])


def _revision_conflicts(drafts, fact_of, ctx: _Context, seen: set) -> list[Conflict]:
    """A count stated as a revision ("57 died, revising an earlier figure of 63") against the fact holding the old one.

    Every source revising the same old figure of the same facts to the same new one joins one conflict.
    """
    by_count: dict[tuple, dict[int, Draft]] = defaultdict(dict)
    for d in drafts:
        for q in d.quantities:
            if q.quantity is not None:
                by_count[(d.family, q.quantity)][id(d)] = d
    revisions: dict[tuple, dict] = {}
    for d in drafts:
        for c in d.quantities:
            if c.quantity is None or not _REVISION.search(c.text):
                continue
            for num in _NUMBER.findall(c.text):
                try:
                    n = float(num.replace(",", ""))
                except ValueError:
                    continue
                if n == c.quantity or 1900 <= n <= 2100:
                    continue  # itself, or a year
                others = [o for o in by_count.get((d.family, n), {}).values() if o is not d]
                if not others:
                    continue
                key = (d.family, n, c.quantity, tuple(sorted(id(o) for o in others)))
                entry = revisions.setdefault(key, {"others": others, "revising": {}, "drafts": {}})
                entry["revising"][c.id] = c
                entry["drafts"][id(d)] = d
    out = []
    for (family, n, _, _), entry in revisions.items():
        others, revising = entry["others"], list(entry["revising"].values())
        old = list({q.id: q for o in others for q in o.quantities if q.quantity == n}.values())
        key = tuple(sorted([*(c.id for c in revising), *(q.id for q in old)]))
        if key in seen:
            continue
        seen.add(key)
        claims = [*old, *revising]
        unit = next((q.quantity_unit for q in [*revising, *old] if q.quantity_unit), None) or "people"
        out.append(Conflict(id="", about=f"how many {unit}{'' if unit.endswith('s') else 's'} ({family})",
                            slot="quantity", values=_values(claims, _quantity_value),
                            explanation=_explain_counts(claims, ctx),
                            facts=list(dict.fromkeys(fact_of[id(x)].id for x in [*others, *entry["drafts"].values()]))))
    return out


def _quantity_value(c: Claim) -> str:
    """Plain number ("57"); a vague amount without one keeps its words ("hundreds")."""
    q = c.quantity
    if q is None:
        lo, hi = quantity_range(c) or (None, None)
        return c.quantity_text or f"{lo:g}-{hi:g}"
    return str(int(q)) if float(q).is_integer() else f"{q:g}"


def _published(doc: Document | None) -> date | None:
    b = T.bounds(doc.published) if doc and doc.published else None
    return b[0] if b else None


def _explain_counts(claims: list[Claim], ctx: _Context) -> str:
    parts = []
    revising = [c for c in claims if _REVISION.search(c.text) and c.quantity is not None]
    if revising:
        c = revising[0]
        earlier = sorted({_quantity_value(o) for o in claims if o.quantity != c.quantity})
        parts.append(f"A figure revised later: {c.document} gives {_quantity_value(c)}, revising an earlier "
                     f"figure of {' / '.join(earlier)}; sources with the earlier figure may predate or ignore "
                     f'the revision ("{c.text.strip()[:140]}").')
        return " ".join(parts)
    exact = [c for c in claims if not c.quantity_approximate and c.quantity is not None]
    approx = [c for c in claims if c.quantity_approximate]
    exact = [c for c in exact if c.quantity not in {a.quantity for a in approx}]
    if approx and exact:
        parts.append(f'An approximate figure ("{approx[0].quantity_text}") sits beside exact counts; '
                     "its range does not contain them, so at least one is off.")
    dated = sorted(((_published(ctx.documents.get(c.document)), c) for c in exact), key=lambda x: (x[0] is None, x[0]))
    dated = [x for x in dated if x[0] is not None]
    if len(dated) >= 2 and dated[0][0] < dated[-1][0] and dated[0][1].quantity != dated[-1][1].quantity:
        early, late = dated[0][1], dated[-1][1]
        parts.append(f"{late.document} (published {dated[-1][0]}) gives {_quantity_value(late)}, later than "
                     f"{early.document} ({dated[0][0]}): the later figure may be a revision, revising an earlier "
                     f"figure of {_quantity_value(early)}.")
    if not parts:
        parts.append("The sources count differently; they may count different groups (e.g. with or without "
                     "the attackers) or at different times.")
    return " ".join(parts)


# --------------------------------------------------------------------------- role


def _role_conflicts(drafts, fact_of, ctx: _Context) -> list[Conflict]:
    """One person as head and as deputy of the same body, undated: both cannot hold at once."""
    by_holder_org: dict[tuple, list[Draft]] = defaultdict(list)
    for d in drafts:
        if d.family != "position" or d.rank not in ("head", "deputy"):
            continue
        for s in d.subjects:
            for o in d.objects:
                by_holder_org[(s, o)].append(d)
    out = []
    for (s, o), group in by_holder_org.items():
        ranks = {d.rank for d in group}
        if ranks != {"head", "deputy"}:
            continue
        if any(c.time for d in group for c in d.claims):
            continue  # dated roles may be successive posts
        claims = [c for d in group for c in d.claims if c.subject == s and o in c.objects]
        values = _values(claims, lambda c: c.role or V.role_rank(c.role))
        about = f"what {ctx.names.of(s)} was in {ctx.names.of(o)}"
        out.append(Conflict(id="", about=about, slot="role", values=values,
                            explanation="Head and deputy of the same body cannot both hold at once: one source "
                                        "may describe an earlier or later post (a promotion), or be mistaken.",
                            facts=[fact_of[id(d)].id for d in group]))
    return out
