"""Conflicts: incompatible values for one slot of one thing, each with the readings that explain it.

Slots and rules (docs/reconcile.md has the long form):
- time of an event: the dates of a fact's claims, and of event facts (kill, attack, ...) sharing a
  participant and lying within a day of each other, that no finer date reconciles;
- time a post was taken: the start dates ("appointed in", "since", "took command in") of one position fact;
- quantity: exact counts of the same thing on the same day that differ, or an approximate amount
  whose range misses an exact count; a range that holds the exact count ("hundreds" and 250) is not a conflict;
- role: one person named head and deputy of the same body with nothing to date them apart;
- place and agent of one strongly identified event (``place_agent.py``): two places of the same level that
  nothing in the records relates, two agents of the same kind that nothing relates.
Never conflicts: the kind of weapon ("drone strike", "airstrike", "missile strike" are one attack:
the vocabulary has no such slot), different posts in different bodies, approximate vs contained exact.
"""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

from ..model import Conflict, ConflictValue, Document, Fact, ResolvedClaim, TimeExpr
from ..store import Analyses
from .. import timexvalue as T
from ..lexicon import vocabulary as V
from .facts import SPECIFIC_COUNT, Draft, quantities_compatible, quantity_range
from .participants import Names
from ..unionfind import UnionFind

# A figure said to replace another: the revised figure is named right after the cue ("revising an earlier
# figure of 63", "up from 40", "revised from 12"). A bare "Updated" (a page's time stamp) revises nothing.
_OLD_FIGURE = re.compile(r"\b(?:(?:earlier|previous|initial|original|first)\s+(?:figure|toll|count|estimate|report)s?"
                         r"(?:\s+of)?|previously\s+reported|(?:up|down|revised|revising|rose|risen|climbed|fell|"
                         r"dropped|lowered|raised)\s+from)\s+(\d[\d,]*)\b", re.IGNORECASE)
_REVISION = _OLD_FIGURE
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class _Context:
    """What explanations need: documents (publication dates and bases) and the TimeExprs behind claims."""

    def __init__(self, documents: dict[str, Document], analyses: Analyses, names: Names,
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
        for a in analyses.view("times", documents=wanted):  # the store reads those documents only
            texts = wanted.get(a.document)
            if texts:
                self.times[a.document] = [t for t in a.times if t.text in texts]

        self.shared: set[tuple[str, str]] = set()  # pairs of documents holding claims of one fact
        self._analyses = analyses
        self._entities: dict[str, set[str]] | None = None

    STORY_FACT_DOCUMENTS = 50  # a fact with more documents than this is too general to tie them

    def note_facts(self, drafts: list[Draft]) -> None:
        for d in drafts:
            docs = sorted({c.document for c in d.claims})
            if 2 <= len(docs) <= self.STORY_FACT_DOCUMENTS:
                self.shared.update((a, b) for i, a in enumerate(docs) for b in docs[i + 1:])

    STORY_TYPES = frozenset(("PERSON", "ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"))

    def same_entities(self, a: str, b: str) -> bool:
        """Whether two documents name at least two of the same entities, one of them not a mere place."""
        if self._entities is None:
            self._entities = {}
            for an in self._analyses.view("mentions"):
                self._entities[an.document] = {m.entity for m in an.mentions if m.entity}
        shared = self._entities.get(a, set()) & self._entities.get(b, set())
        return len(shared) >= 2 and any(self.names.type.get(e) in self.STORY_TYPES for e in shared)

    def same_story(self, a: str, b: str) -> bool:
        """Whether two documents may tell of one happening: they share a fact (a claim of each grouped
        into one fact). Two reports of two earthquakes share a kind of event, not a fact."""
        return a == b or (min(a, b), max(a, b)) in self.shared

    def time_expr(self, c: ResolvedClaim) -> TimeExpr | None:
        for t in self.times.get(c.document, ()):
            if c.start <= t.start < c.end and t.text == c.time_text:
                return t
        return None


def find_conflicts(drafts: list[Draft], facts: list[Fact], documents: dict[str, Document],
                   analyses: Analyses, names: Names) -> list[Conflict]:
    ctx = _Context(documents, analyses, names, drafts)
    ctx.note_facts(drafts)
    fact_of = {id(d): f for d, f in zip(drafts, facts)}
    out: list[Conflict] = []
    out.extend(_event_time_conflicts(drafts, fact_of, ctx))
    out.extend(_detention_time_conflicts(drafts, fact_of, ctx))
    out.extend(_position_start_conflicts(drafts, fact_of, ctx))
    out.extend(_quantity_conflicts(drafts, fact_of, ctx))
    out.extend(_role_conflicts(drafts, fact_of, ctx))
    from .place_agent import place_and_agent_conflicts  # it reads facts' helpers: imported when used

    out.extend(place_and_agent_conflicts(drafts, fact_of, ctx))
    for n, c in enumerate(out):
        c.id = f"x{n}"
    return out


def _values(claims: list[ResolvedClaim], value_of) -> list[ConflictValue]:
    groups: dict[str, list[ResolvedClaim]] = defaultdict(list)
    for c in {c.id: c for c in claims}.values():  # a claim counts once however it was reached
        v = value_of(c)
        if v is not None:
            groups[v].append(c)
    return [ConflictValue(value=v, claims=[c.id for c in cs], documents=list(dict.fromkeys(c.document for c in cs)))
            for v, cs in sorted(groups.items())]


# --------------------------------------------------------------------------- time


def _event_groups(drafts: list[Draft]) -> list[list[Draft]]:
    """Event facts that may be one moment, dates within a day (union-find over blocking keys): the same
    participant, or the same specific toll (an exact count of 10 or more), a toll given whole in one report
    and in parts by one trigger in another ("killing all 150 passengers and 12 crew" gives 162)."""
    events = [d for d in drafts if d.family in V.EVENT_FAMILIES and (d.times or _weekday_only(d))]
    joined = UnionFind()
    by_key: dict = defaultdict(list)
    parts: dict[tuple, list[tuple[int, float]]] = defaultdict(list)
    for i, d in enumerate(events):
        for e in d.participants:
            by_key[e].append(i)
        for c in d.claims:
            if c.quantity is None or c.quantity_approximate:
                continue
            if c.quantity >= SPECIFIC_COUNT:
                by_key[("toll", d.family, c.quantity)].append(i)
            parts[(c.document, c.trigger_start)].append((i, c.quantity))
    for listed in parts.values():  # "killing all 150 passengers and 12 crew": a toll of 162, given in parts
        total = sum(q for _, q in listed)
        if len(listed) > 1 and total >= SPECIFIC_COUNT:
            for i, _ in listed:
                by_key[("toll", events[i].family, total)].append(i)
    for key in list(by_key):
        by_key[key] = list(dict.fromkeys(by_key[key]))
    for members in by_key.values():
        for i in members[1:CANDIDATES_LINK]:
            a, b = events[members[0]], events[i]
            if a.subjects and b.subjects and not a.subjects & b.subjects:
                continue  # two agents: two attacks on one target on two days are two happenings
            if any(T.within_a_day(x, y) for x in a.times for y in b.times) \
                    or (_weekday_only(a) != _weekday_only(b)):
                joined.union(i, members[0])
    groups: dict[int, list[Draft]] = defaultdict(list)
    for i, d in enumerate(events):
        groups[joined.find(i)].append(d)
    return list(groups.values())


CANDIDATES_LINK = 64


def weekday_of(c: ResolvedClaim) -> int | None:
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


def _weekday_readings(claims: list[ResolvedClaim]) -> dict[str, str]:
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


def _detention_time_conflicts(drafts, fact_of, ctx: _Context) -> list[Conflict]:
    """One person's detention dated to two days by two voices: an arrest fact (its claims already within a
    day of each other, see facts.compatible) whose claims naming a person as the one detained give different
    days, the differing days told by different documents or different speakers ("his lawyer said he was seized
    on Tuesday evening", "the police said he was detained on Wednesday morning"). Counts of people detained are
    not dated here (a round-up lasts days), nor one voice giving two days (two steps it tells apart), nor a
    jailing or a holding against an arrest (a sentence or a state, see ``TAKEN_WORDS``)."""
    out = []
    for d in drafts:
        if d.family != "arrest" or len(d.times) < 2:
            continue
        claims = [c for c in d.claims if T.day(c.time) and (c.quantity or 1) <= 1
                  and (c.trigger or "").lower().startswith(V.TAKEN_WORDS)
                  and any(ctx.names.is_person(o) for o in c.objects)]
        days = {T.day(c.time) for c in claims}
        if len(days) < 2:
            continue
        voices: dict[str, set] = {}
        for c in claims:
            voices.setdefault(T.day(c.time), set()).add((c.document, c.attributed_to or c.speaker_text))
        if len(set.union(*voices.values())) < 2:
            continue  # one voice: it tells two steps apart
        values = _values(claims, lambda c: T.day(c.time))
        fact = fact_of[id(d)]
        out.append(Conflict(id="", about="when " + fact.statement.split(" (")[0], slot="time", values=values,
                            explanation=_explain_dates(values, claims, ctx), facts=[fact.id]))
    return out


def _copied_readings(claims: list[ResolvedClaim], ctx: _Context) -> dict[str, str]:
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
    def value_of(c: ResolvedClaim):
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


_NEAR_MIDNIGHT = re.compile(r"\b(midnight|overnight|pre-?dawn|before dawn|in the (early|small) hours|early (on \w+ )?"
                           r"morning|early on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|late (on )?\w+ night|late at night|late (on )?(monday|tuesday|wednesday|thursday|"
                           r"friday|saturday|sunday))\b", re.IGNORECASE)


def _near_midnight(c: ResolvedClaim, ctx: _Context) -> str | None:
    """The words or clock time of a claim that put it within about three hours of midnight, if any."""
    for text in (c.time_text or "", c.text):
        m = _NEAR_MIDNIGHT.search(text)
        if m:
            return m.group(0)
    if _near_midnight_hour(T.clock_hour(c.time)):
        return c.time
    return None


def _near_midnight_hour(hour: int | None) -> bool:
    return hour is not None and (hour >= 21 or hour < 3)


def _published_near_midnight(doc: Document | None) -> str | None:
    if doc and _near_midnight_hour(T.clock_hour(doc.published)):
        return doc.published
    return None


def _explain_dates(values: list[ConflictValue], claims: list[ResolvedClaim], ctx: _Context,
                   readings: dict[str, str] | None = None) -> str:
    """Why the dates may differ, only from what the records show (else "No explanation found")."""
    days = [T.bounds(v.value) for v in values]
    by_id = {c.id: c for c in claims}
    parts = []
    all_days = all(b and b[0] == b[1] for b in days)
    if all_days and len(values) == 2 and abs((days[1][0] - days[0][0]).days) == 1:
        a, b = values[0].value, values[1].value
        evidence = []
        for v in values:
            for cid in v.claims:
                c = by_id.get(cid)
                said = _near_midnight(c, ctx) if c else None
                if said:
                    evidence.append(f'{c.document} says "{said}"')
                pub = _published_near_midnight(ctx.documents.get(c.document)) if c else None
                if pub:
                    evidence.append(f"{c.document} was published at {pub}")
        evidence = list(dict.fromkeys(evidence))
        if evidence:
            parts.append(f"{a} and {b} are adjacent days and the records put the event near midnight "
                         f"({'; '.join(evidence[:4])}): both may be the same moment counted in different time "
                         f"zones (just after midnight locally is still {a} further west).")
        reported = [v for v in values if v.documents and all(
            (ctx.documents.get(d) and T.display(ctx.documents[d].published or "") == v.value) for d in v.documents)]
        if reported and T.bounds(reported[0].value)[0] > min(d[0] for d in days):
            v = reported[0]
            parts.append(f"{v.value} is the day {', '.join(v.documents)} {'was' if len(v.documents) == 1 else 'were'} "
                         "published: they may date the report rather than the event.")
        if not parts:
            parts.append(f"{a} and {b} are adjacent days; no explanation found in the records.")
    elif all(b for b in days) and len(values) == 2 and all(T.precision(v.value) == 4 for v in values):
        steps = {v.value: sorted({by_id[c].predicate for c in v.claims if c in by_id}) for v in values}
        if len({tuple(x) for x in steps.values()}) == 2:
            parts.append("The sources date different steps: " + "; ".join(
                f"{v} ({', '.join(p)})" for v, p in sorted(steps.items())) + ".")
        else:
            parts.append("No explanation found in the records.")
    else:
        parts.append("No explanation found in the records.")
    parts.extend(_relative_notes(values, claims, ctx, readings or {}))
    return " ".join(parts)


def _relative_notes(values: list[ConflictValue], claims: list[ResolvedClaim], ctx: _Context,
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
    return list(dict.fromkeys(notes))  # two claims of one sentence read one expression once


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

# Counted nouns that say nothing about who is counted: "57 people" and "57 Norwegian citizens" count
# the same category when the qualifiers agree ("Norwegians" = "Norwegian citizens" = "Norwegian nationals").
GENERIC_COUNTED = frozenset(("person", "people", "citizen", "national", "individual", "soul", "other", "one"))
_APPROX_WORDS = frozenset(("about", "around", "roughly", "approximately", "some", "nearly", "almost", "over",
                           "more", "than", "less", "fewer", "at", "least", "most", "up", "to", "all", "an",
                           "estimated", "just", "under", "close", "no", "of", "the", "a", "and", "in", "excess"))


def category(c: ResolvedClaim) -> frozenset:
    """What a count counts, as a set of words: its qualifiers (proper adjectives and names: "Norwegian",
    "FLN") and its counted noun unless generic. "40 Norwegians", "38 Norwegian citizens" -> {Norwegian}."""
    words = set()
    unit = (c.quantity_unit or "").lower()
    text = c.quantity_text or ""
    for w in re.findall(r"[A-Za-z][\w'’-]*", text):
        lw = w.lower()
        if lw in _APPROX_WORDS or lw in _NUMBER_WORDS:
            continue
        if w[0].isupper():  # a qualifier written as a name: kept capitalised ("Norwegian", "FLN")
            words.add(_singular(w))
    if unit and unit not in GENERIC_COUNTED and _singular(unit) not in {w.lower() for w in words}:
        words.add(_singular(unit))
    return frozenset(words)


_NUMBER_WORDS = frozenset(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                           "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
                           "thousands", "dozen", "dozens", "million", "millions", "several", "few", "many"))


def _singular(w: str) -> str:
    w = w.replace("’", "'").removesuffix("'s")
    return w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w


def counts_agree(a: ResolvedClaim, b: ResolvedClaim) -> bool:
    """Equal, or a hedge or rounding that holds the other ("at least 10" and 13, "about 4,000" and 4,100),
    or a measure that agrees once converted (120 miles and 193 km)."""
    va, vb = _converted(a), _converted(b)
    if va is not None and vb is not None and va[1] == vb[1] and va[1] is not None:
        return abs(va[0] - vb[0]) <= 0.02 * max(abs(va[0]), abs(vb[0]))
    return quantities_compatible(a, b)


# Units converted to one base before comparing (length in km, mass in kg).
CONVERSIONS = {"km": (1.0, "km"), "kilometre": (1.0, "km"), "kilometer": (1.0, "km"), "mile": (1.609344, "km"),
               "metre": (0.001, "km"), "meter": (0.001, "km"), "foot": (0.0003048, "km"), "feet": (0.0003048, "km"),
               "kg": (1.0, "kg"), "kilogram": (1.0, "kg"), "pound": (0.45359237, "kg"), "tonne": (1000.0, "kg"),
               "ton": (907.18474, "kg")}


def _converted(c: ResolvedClaim) -> tuple[float, str | None] | None:
    if c.quantity is None:
        return None
    factor, base = CONVERSIONS.get((c.quantity_unit or "").lower(), (None, None))
    return (c.quantity * factor, base) if factor else None


def _quantity_conflicts(drafts, fact_of, ctx: _Context) -> list[Conflict]:
    """Counts of the same category for the same happening that cannot both be right (see ``_count_groups``)."""
    out = []
    draft_of = {c.id: d for d in drafts for c in d.quantities}
    for family_, claims in _count_groups(drafts, ctx).items():
        if family_[0] in V.ELECTION_FAMILIES:
            claims, revised = _latest_results(claims, ctx)
            for fid in dict.fromkeys(fact_of[id(draft_of[c.id])].id for c in revised if c.id in draft_of):
                fact = next((f for f in fact_of.values() if f.id == fid), None)
                if fact is not None:
                    fact.notes.append("preliminary or earlier figure, revised by a later result")
        claims = _one_voice_per_document(claims)
        distinct = list({(quantity_range(c), c.quantity_approximate, c.quantity, c.quantity_unit): c
                         for c in claims}.values())
        if all(counts_agree(a, b) for i, a in enumerate(distinct) for b in distinct[i + 1:]):
            continue
        values = _values(claims, _quantity_value)
        if len(values) < 2:
            continue
        # a result or a sum paid does not rise day by day like a toll (a result's revisions: _latest_results)
        revision = _rising_toll(claims, ctx) if family_[0] not in V.ELECTION_FAMILIES | V.MONEY_FAMILIES \
            else None
        touched = list(dict.fromkeys(fact_of[id(draft_of[c.id])].id for c in claims if c.id in draft_of))
        if revision and not any(_REVISION.search(c.text) for c in claims):
            for fid in touched:  # each outlet reported its own day's toll: a revision, not a disagreement
                fact = next((f for f in fact_of.values() if f.id == fid), None)
                if fact is not None:
                    fact.notes.append("figure revised over time: " + revision)
            continue
        unit = next((c.quantity_unit for c in claims if c.quantity_unit), None) or "people"
        what = " ".join(sorted(category(claims[0]))) or _plural(unit)
        about = f"how many {what} ({family_[0]})"
        if family_[0] == "vote" and claims[0].objects:
            about = f"{ctx.names.of(claims[0].objects[0])}'s share of the vote ({what})"
        elif family_[0] == "turnout":
            about = "turnout (percent)"
        elif family_[0] in V.MONEY_FAMILIES and claims[0].objects:
            about = f"amount of the {family_[0]} ({ctx.names.of(claims[0].objects[0])}, {unit})"
        out.append(Conflict(id="", about=about, slot="quantity", values=values,
                            explanation=_explain_counts(claims, ctx), facts=touched))
    return out


# Results told as preliminary or as final ("preliminary results", "with 96% of polling stations counted", "the
# final count"), and a figure a result names as the one it revises ("52.6%, down from the 55.1% announced on
# Monday").
_PRELIMINARY = re.compile(r"\b(?:preliminary|provisional|partial|incomplete|initial)\s+(?:results?|counts?|figures?|"
                          r"tall(?:y|ies)|returns)\b|\bwith\s+(?:(?:almost|nearly|about)\s+)?(?:all\s+|ballots\s+from\s+)?"
                          r"(?:[\d.]+\s*(?:%|per\s*cent|percent)\s+of\s+)?(?:the\s+)?(?:ballots|votes|polling\s+stations|"
                          r"precincts|districts)\s+(?:counted|reported|processed|in)\b", re.IGNORECASE)
_FINAL = re.compile(r"\b(?:final|definitive|certified)\s+(?:results?|counts?|figures?|tall(?:y|ies)|returns)\b",
                    re.IGNORECASE)
_RESULT_REVISED = re.compile(r"\b(?:down|up|revised|revising|rose|risen|fell|fallen|dropped|lowered|raised)\s+from\s+"
                             r"(?:the\s+|an?\s+)?(?:(?:earlier|preliminary|initial|provisional)\s+)?"
                             r"(\d[\d,]*(?:\.\d+)?)", re.IGNORECASE)


def _latest_results(claims: list[ResolvedClaim], ctx: _Context) -> tuple[list[ResolvedClaim], list[ResolvedClaim]]:
    """Election results revised by a later result are not sources disagreeing (a commission's preliminary 55.1%
    and its final 52.6%): (claims kept, claims revised). Revised are: a figure a later (or the same) report names
    as the one it revises ("down from the 55.1%"); the earlier figures of one voice (one named speaker)
    published on an earlier day than its latest differing figure; figures told as preliminary when another
    claim of the group is told as final."""
    revised: set[str] = set()
    for c in claims:
        pub = _published(ctx.documents.get(c.document))
        for m in _RESULT_REVISED.finditer(c.text):
            old = float(m.group(1).replace(",", ""))
            for o in claims:
                opub = _published(ctx.documents.get(o.document))
                if o.quantity == old and o.quantity != c.quantity and (
                        o.document == c.document or (pub and opub and opub <= pub)):
                    revised.add(o.id)
    by_voice: dict[str, list[ResolvedClaim]] = defaultdict(list)
    for c in claims:
        if c.attributed_to:
            by_voice[c.attributed_to].append(c)
    for cs in by_voice.values():
        dated = [(p, c) for c in cs if (p := _published(ctx.documents.get(c.document))) is not None]
        if not dated:
            continue
        last = max(p for p, _ in dated)
        latest = [c for p, c in dated if p == last]
        for p, c in dated:
            if p < last and not any(counts_agree(c, x) for x in latest):
                revised.add(c.id)
    if any(_FINAL.search(c.text) for c in claims):
        revised.update(c.id for c in claims if _PRELIMINARY.search(c.text) and not _FINAL.search(c.text))
    return [c for c in claims if c.id not in revised], [c for c in claims if c.id in revised]


def _plural(unit: str) -> str:
    return unit if unit.endswith("s") else unit + "s"


def _one_voice_per_document(claims: list[ResolvedClaim]) -> list[ResolvedClaim]:
    """Two figures from one document are not sources disagreeing (three distances of one article):
    a document giving incompatible values is left out of the comparison."""
    by_doc: dict[str, list[ResolvedClaim]] = defaultdict(list)
    for c in claims:
        by_doc[c.document].append(c)
    keep = []
    for doc, cs in by_doc.items():
        if all(counts_agree(a, b) for i, a in enumerate(cs) for b in cs[i + 1:]):
            keep.extend(cs)
    return keep


def _count_groups(drafts: list[Draft], ctx: _Context) -> dict[tuple, list[ResolvedClaim]]:
    """Count claims that speak of one happening and one category, grouped (union-find, no all-pairs
    beyond a bucket of one family and one category):
    - same family and the same counted category, and
    - nothing sets them apart (different named participants, days more than one apart, different places,
      documents about different happenings: no named participant or place in common between their documents), and
    - something ties them: a shared named participant, place or day, or a specific category (qualified by
      a name or nationality: "Norwegians"), or a revision that names the other's figure ("revising an
      earlier figure of 63": generic categories such as "people" join then).
    """
    claims = [c for d in drafts if d.family not in ("position", "statement", "member") for c in d.quantities]
    buckets: dict[tuple, list[ResolvedClaim]] = defaultdict(list)
    for c in claims:
        buckets[(V.family(c.predicate), category(c))].append(c)
    joined = UnionFind()

    def union(a, b):
        joined.union(a.id, b.id)

    for (fam, cat), cs in buckets.items():
        for i, a in enumerate(cs[:CANDIDATES_LINK]):
            for b in cs[i + 1:CANDIDATES_LINK]:
                if a.document != b.document and not _apart(a, b, ctx, story=False) and _linked(a, b, cat, ctx):
                    union(a, b)
    # a revision names the figure it revises: "57 died, revising an earlier figure of 63"
    by_value: dict[tuple, list[ResolvedClaim]] = defaultdict(list)
    for c in claims:
        if c.quantity is not None:
            by_value[(V.family(c.predicate), c.quantity)].append(c)
    for c in claims:
        if c.quantity is None or not _REVISION.search(c.text):
            continue
        for n in _revised_figures(c):
            for o in by_value.get((V.family(c.predicate), n), ())[:CANDIDATES_LINK]:
                if o.document != c.document and _categories_fit(category(c), category(o)) \
                        and not _apart(c, o, ctx, story=False):  # the revising text itself names the figure
                    union(c, o)
    groups: dict[str, list[ResolvedClaim]] = defaultdict(list)
    for c in claims:
        groups[joined.find(c.id)].append(c)
    out = {}
    for root, cs in groups.items():
        if len({c.document for c in cs}) >= 2:
            out[(V.family(cs[0].predicate), root)] = sorted(cs, key=lambda c: (c.document, c.start))
    return out


def _revised_figures(c: ResolvedClaim) -> list[float]:
    """The figures a claim's sentence says it replaces ("revising an earlier figure of 63": 63)."""
    out = []
    for m in _OLD_FIGURE.finditer(c.text):
        n = float(m.group(1).replace(",", ""))
        if n != c.quantity:
            out.append(n)
    return out


def _categories_fit(a: frozenset, b: frozenset) -> bool:
    return a == b or not a or not b or a <= b or b <= a


def _specific(cat: frozenset) -> bool:
    """A category qualified by a name or nationality ("Norwegians", "FLN members"): a count of it is
    about few enough happenings to compare without a shared participant."""
    return any(w[:1].isupper() for w in cat)


def _linked(a: ResolvedClaim, b: ResolvedClaim, cat: frozenset, ctx: _Context) -> bool:
    """Whether two counts of one category speak of one happening, by the strength of what ties them:
    the same named victim or target, or the same place on the same day, suffices; the same day alone
    needs documents naming two of the same entities (one not a mere place) or sharing a fact; the same
    agent (a navy or a police force acts again and again), the same place alone, or a category qualified
    by a name, needs documents sharing a fact."""
    names = ctx.names
    oa = {e for e in a.objects if names.is_named(e)}
    ob = {e for e in b.objects if names.is_named(e)}
    same_agent = bool(a.subject and a.subject == b.subject and names.is_named(a.subject))
    same_place = bool(a.place and a.place == b.place)
    da, db = T.day(a.time), T.day(b.time)
    same_day = bool(da and da == db)
    if oa & ob or (same_place and same_day):
        return True
    if same_day:
        return ctx.same_story(a.document, b.document) or ctx.same_entities(a.document, b.document)
    if V.family(a.predicate) == "turnout":  # one election's turnout: reports of one story (see _apart)
        return ctx.same_story(a.document, b.document)
    if same_agent or same_place or _specific(cat) or (cat and V.family(a.predicate) not in V.FAMILY):
        # a counted action outside the vocabulary ("patients transferred") names what was done to what: in
        # reports of one story, two counts of it speak of one happening unless something sets them apart
        return ctx.same_story(a.document, b.document)
    return False


# Reports of one election's results lie within this many days of each other (final results included).
ELECTION_DAYS = 7


def _apart(a: ResolvedClaim, b: ResolvedClaim, ctx: _Context, story: bool = True) -> bool:
    names = ctx.names
    fam = V.family(a.predicate)
    if fam in V.MONEY_FAMILIES:
        # one payment: the same kind (the family), paid by the same payer, in reports of one story (a company
        # fined twice in two years pays two fines); the currency is the count's category
        if not a.objects or set(a.objects) != set(b.objects) or not ctx.same_story(a.document, b.document):
            return True
    if fam in V.ELECTION_FAMILIES:
        if fam == "vote" and set(a.objects) != set(b.objects):
            return True  # one candidate's share is never another's
        pa, pb = _published(ctx.documents.get(a.document)), _published(ctx.documents.get(b.document))
        if pa is None or pb is None or abs((pa - pb).days) > ELECTION_DAYS:
            return True  # reports of results far apart in time may be of two elections or two rounds
    for x, y in ((a.subject, b.subject),):
        if x and y and x != y and names.is_named(x) and names.is_named(y):
            return True
    if a.place and b.place and a.place != b.place:
        return True
    gap = T.gap_days(a.time, b.time)
    if gap is not None and gap > 1:
        return True
    return story and not ctx.same_story(a.document, b.document)


def _rising_toll(claims: list[ResolvedClaim], ctx: _Context) -> str | None:
    """'10 (a, 2030-05-01) -> 13 (b, 2030-05-02)' when every later-published document gives a higher
    exact figure (each outlet reporting its own day's toll), else None."""
    dated = []
    for c in claims:
        pub = _published(ctx.documents.get(c.document))
        if pub is None or c.quantity is None:
            return None
        dated.append((pub, c.quantity, c.document))
    dated.sort()
    if len({d for d, _, _ in dated}) < 2:
        return None
    for (d1, q1, _), (d2, q2, _) in zip(dated, dated[1:]):
        if d2 > d1 and q2 <= q1 or d2 == d1 and q2 != q1:
            return None
    return " -> ".join(f"{_quantity_value_n(q)} ({doc}, {d})" for d, q, doc in dated)


def _quantity_value_n(q: float) -> str:
    return str(int(q)) if float(q).is_integer() else f"{q:g}"


_NUMBER = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")


def _quantity_value(c: ResolvedClaim) -> str:
    """Plain number ("57"); a vague amount without one keeps its words ("hundreds")."""
    q = c.quantity
    if q is None:
        lo, hi = quantity_range(c) or (None, None)
        return c.quantity_text or f"{lo:g}-{hi:g}"
    return str(int(q)) if float(q).is_integer() else f"{q:g}"


def _published(doc: Document | None) -> date | None:
    b = T.bounds(doc.published) if doc and doc.published else None
    return b[0] if b else None


def _explain_counts(claims: list[ResolvedClaim], ctx: _Context) -> str:
    """Why the figures may differ, from the records only: a revision the text states, publication
    dates, whom each source cites, approximate against exact; else "no explanation found"."""
    parts = []
    revising = [c for c in claims if _REVISION.search(c.text) and c.quantity is not None]
    if revising:
        c = revising[0]
        earlier = sorted({_quantity_value(o) for o in claims if o.quantity != c.quantity})
        pub = _published(ctx.documents.get(c.document))
        parts.append(f"A figure revised later: {c.document}{f' (published {pub})' if pub else ''} gives "
                     f"{_quantity_value(c)}, revising an earlier figure of {' / '.join(earlier)}; sources with the "
                     f'earlier figure may predate or ignore the revision ("{" ".join(c.text.split())[:160]}").')
    dated = sorted(((_published(ctx.documents.get(c.document)), c) for c in claims if c.quantity is not None),
                   key=lambda x: (x[0] is None, x[0] or date.min))
    dated = [x for x in dated if x[0] is not None]
    if not revising and len(dated) >= 2 and dated[0][0] < dated[-1][0] and dated[0][1].quantity != dated[-1][1].quantity:
        early, late = dated[0][1], dated[-1][1]
        parts.append(f"{late.document} (published {dated[-1][0]}) gives {_quantity_value(late)}, later than "
                     f"{early.document} ({dated[0][0]}, {_quantity_value(early)}): the later figure may be an update.")
    cited = {}
    for c in claims:
        who = c.speaker_text or (ctx.names.of(c.attributed_to) if c.attributed_to else None)
        cited.setdefault(_quantity_value(c), set()).add(who or "the outlet itself")
    if len(cited) >= 2 and len({frozenset(v) for v in cited.values()}) >= 2:
        parts.append("The figures come from different sources: " + "; ".join(
            f"{v} from {', '.join(sorted(w))}" for v, w in sorted(cited.items())) + ".")
    approx = [c for c in claims if c.quantity_approximate]
    if approx and len(approx) < len(claims):
        parts.append(f'"{approx[0].quantity_text}" is approximate, yet its range does not hold the exact count.')
    if not parts:
        parts.append("No explanation found in the records.")
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
