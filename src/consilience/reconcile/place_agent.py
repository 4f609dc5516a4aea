"""Conflicts about where an event happened (slot ``place``) and who did it (slot ``agent``).

Rules (docs/reconcile.md, section 3, has the long form):
- only claims of one strongly identified event are compared, from two different documents: both tell of the
  killing of one named person (a person is killed once); or they are dated within a day and name one person
  harmed; or they are dated within a day, are of one fact or share a named victim or target, and their
  documents share another fact besides. Never two events that merely share a kind, an agent, a town or a
  group; a place or agent on another line than the trigger (a joined heading) or the outlet itself is no slot;
- two places disagree when they are of the same level (two sites, two towns, two regions, two countries)
  and nothing in the records relates them: not the same name or one name inside the other ("Varn" and
  "Varn airport"), not written together in the documents of the event ("A, B", "A in B", "B's A",
  "near A outside B"), not both given by one document for the event, not related by a descriptor. A town
  and a country, a site and a town: nesting unknown without a gazetteer, never a conflict;
- two agents disagree when they are of the same kind (two people, two organisations, two states) and
  nothing relates them: not one name inside the other, an acronym or a nationality of the other ("Ostmark"
  and "Ostmarkian"), not a unit and its parent or a holder and his body as the records show it (aliases,
  descriptors, relations, position and membership facts, "A's B", "B of A", "A-backed B" in the documents
  of the event, both named in one claim's sentence), and neither is a victim of the same event;
- one conflict per event and slot, whatever number of claims reach it; its explanation says only what the
  records show: whom each source cites, which claims are hedged, a place given as "near" a landmark,
  an agent cited as the speaker of its own deed, publication dates; else "No explanation found in the records."
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..lexicon import vocabulary as V
from ..model import Conflict, ConflictValue, ResolvedClaim
from .. import timexvalue as T
from .facts import Draft
from ..unionfind import UnionFind

CANDIDATES = 64  # claims compared per blocking key: bounds the work per event
AGENT_FAMILIES = frozenset(("kill", "attack", "abduct", "injure"))

# Words naming a kind of region in a place's name ("Hormoz province"): such a place holds towns and sites.
REGION_WORDS = frozenset(("province", "state", "county", "district", "region", "governorate", "prefecture",
                          "oblast", "territory", "department", "canton", "municipality", "island", "islands",
                          "peninsula", "valley", "coast"))
# Words that name no actor by themselves: two agents sharing only these are not related by them.
GENERIC_ACTOR_WORDS = frozenset(("forces", "force", "army", "military", "government", "police", "ministry",
                                 "troops", "department", "state", "national", "people", "group", "militia",
                                 "defence", "defense", "armed", "the", "of", "and", "for", "special", "units",
                                 "unit", "corps", "brigade", "regiment", "office", "service", "services",
                                 "council", "party", "front", "movement", "republic", "islamic", "united",
                                 "new", "north", "south", "east", "west", "general", "central", "guard", "guards"))
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_LANDMARK = re.compile(r"\b(near|outside|close to|not far from|off)\s+(?:the\s+)?$", re.IGNORECASE)


# --------------------------------------------------------------------------- shared


def _tokens(name: str) -> list[str]:
    return [w.replace("’", "'").removesuffix("'s") for w in _WORD.findall(name or "")]


def _stem_match(a: str, b: str) -> bool:
    """A name and its nationality or demonym ("Ostmark" / "Ostmarkian", "Veldia" / "Veldian"):
    a common beginning of 4 letters or more, missing at most two letters of the shorter word."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 4 and n >= min(len(a), len(b)) - 2


def _day(c: ResolvedClaim) -> str | None:
    return T.day(c.time)


def _within_a_day(a: ResolvedClaim, b: ResolvedClaim) -> bool:
    return bool(_day(a) and _day(b)) and T.within_a_day(a.time, b.time)


def _hedge(c: ResolvedClaim) -> str | None:
    text = " " + " ".join(c.text.lower().split()) + " "
    for w in sorted(V.HEDGE_WORDS):
        if re.search(r"\b" + re.escape(w) + r"\b", text):
            return w
    for p in V.HEDGE_PHRASES:
        if " " + p + " " in text:
            return p
    return None


def _cited(c: ResolvedClaim, names) -> str:
    who = c.speaker_text or (names.of(c.attributed_to) if c.attributed_to else None)
    return f"according to {who}" if who else "in its own voice"


def _value_list(groups: dict[str, list[ResolvedClaim]]) -> list[ConflictValue]:
    out = []
    for v, cs in sorted(groups.items()):
        cs = list({c.id: c for c in cs}.values())
        out.append(ConflictValue(value=v, claims=[c.id for c in cs],
                                 documents=list(dict.fromkeys(c.document for c in cs))))
    return out


SINGULAR_TYPES = frozenset(("PERSON",))  # a person is harmed once on a given day (a "Cessna" names a model)
STORY_FACT_DOCUMENTS = 50  # a fact with more documents than this is too general to tie two of them


class _SharedFacts:
    """For two documents, whether a fact (draft) besides given ones holds claims of both: each document's
    facts of two documents or more are kept (memory grows with the claims, not with pairs of documents)."""

    def __init__(self, drafts: list[Draft]):
        self.of_document: dict[str, set[int]] = defaultdict(set)
        for d in drafts:
            docs = {c.document for c in d.claims}
            if 2 <= len(docs) <= STORY_FACT_DOCUMENTS:
                for x in docs:
                    self.of_document[x].add(id(d))

    def other_than(self, a: str, b: str, *drafts: Draft) -> bool:
        shared = self.of_document.get(a, set()) & self.of_document.get(b, set())
        return bool(shared - {id(d) for d in drafts})


def _strong(a: ResolvedClaim, b: ResolvedClaim, da: Draft, db: Draft, names, facts: _SharedFacts) -> bool:
    """Whether two claims surely tell of one event, not of two incidents of one kind:
    - both the killing of one named person (a person is killed once);
    - dated within a day of each other, and naming one person harmed;
    - dated within a day, of one fact or sharing a named victim or target, and their documents share
      another fact besides (a group, a town, an agent act again and again; one fact of an accident family
      holds any crash of a day, and a product name, "Cessna", names a model, not one vehicle)."""
    shared = {e for e in set(a.objects) & set(b.objects) if names.is_named(e)}
    fa, fb = V.family(a.predicate), V.family(b.predicate)
    if fa == "kill" == fb and any(names.is_person(e) for e in shared):
        return True
    if not _within_a_day(a, b):
        return False
    if any(names.type.get(e) in SINGULAR_TYPES for e in shared):
        return True
    return (da is db or bool(shared)) and facts.other_than(a.document, b.document, da, db)


class _Candidates:
    """Claims of one slot (a place, an agent) filed under blocking keys: their fact, and each named victim or
    target. Pairs are compared within a key only (at most ``CANDIDATES`` claims per key: never all pairs)."""

    def __init__(self, drafts: list[Draft], families: frozenset, names, slot):
        self.draft_of: dict[str, Draft] = {}
        self.keys: dict[str, list[tuple]] = {}
        self.buckets: dict[tuple, list[ResolvedClaim]] = defaultdict(list)
        for d in drafts:
            if d.family not in families:
                continue
            for c in d.claims:
                if not slot(c):
                    continue
                self.draft_of[c.id] = d
                keys = [("fact", id(d))] + [("object", o) for o in c.objects if names.is_named(o)]
                self.keys[c.id] = keys
                for k in keys:
                    self.buckets[k].append(c)

    def pairs(self):
        """(a, b, a's draft, b's draft) for claims of two documents sharing a key; a pair of one fact is
        given by the fact's key only (a pair sharing two named victims may come twice: harmless)."""
        for key, cs in self.buckets.items():
            cs = cs[:CANDIDATES]
            for i, a in enumerate(cs):
                for b in cs[i + 1:]:
                    da, db = self.draft_of[a.id], self.draft_of[b.id]
                    if a.document != b.document and (key[0] == "fact" or da is not db):
                        yield a, b, da, db

    def neighbours(self, c: ResolvedClaim):
        for k in self.keys.get(c.id, ()):
            for o in self.buckets[k][:CANDIDATES]:
                if o.id != c.id:
                    yield o, self.draft_of[o.id]


def _on_the_trigger_line(c: ResolvedClaim, entity: str, names) -> bool:
    """Whether the participant's words sit on the line of the claim's trigger: a name on another line of
    the claim's text (a heading, an outlet's name, a dateline joined to the sentence) is no slot of it."""
    written = names.as_written(c.id, entity)
    i = c.text.find(written) if written else -1
    if i < 0 or c.trigger_start is None:
        return True
    t = c.trigger_start - c.start
    return "\n" not in c.text[min(i, t):max(i, t)]


def _reporter(c: ResolvedClaim, entity: str, names, ctx) -> bool:
    """The document's own outlet named as the doer: the reporter, not the agent (a joined heading)."""
    doc = ctx.documents.get(c.document)
    return bool(doc and doc.outlet and names.of(entity).lower() == doc.outlet.lower())


def _mentioned(text: str, name: str) -> bool:
    return bool(name) and re.search(r"(?<!\w)" + re.escape(name), text) is not None


# --------------------------------------------------------------------------- place


def _level(place: str, names, nat: _Nationalities, texts: list[str]) -> str:
    """site (a facility), town, region (a LOC, or a name with a region word), country (a GPE with a
    nationality in the corpus, or a name of two words or more written with "the": "the Ostmark Republic")."""
    kind = names.type.get(place)
    name = names.of(place)
    words = [w.lower() for w in _tokens(name)]
    if kind == "FAC":
        return "site"
    if kind == "LOC" or REGION_WORDS.intersection(words):
        return "region"
    if nat.country(place):
        return "country"
    # a name of two words or more written with "the" ("the Ostmark Republic"); one word with "the" is
    # mostly a modifier ("the Varn embassy")
    if len(words) >= 2 and any(re.search(r"\b[Tt]he\s+" + re.escape(name) + r"\b", t) for t in texts):
        return "country"
    return "town"


class _Nationalities:
    """Which places are countries: a one-word GPE whose name a nationality of the corpus begins with
    ("Ostmark" / "Ostmarkian"); and which country a nationality names."""

    def __init__(self, names):
        self.names = names
        self.norp = {names.of(e) for e, t in names.type.items() if t == "NORP" and " " not in names.of(e)}
        self.norp |= names.nationalities
        self.gpe = [g for g, t in names.type.items() if t == "GPE" and len(_tokens(names.of(g))) == 1]
        self._country: dict[str, bool] = {}
        self._state: dict[str, str | None] = {}

    def country(self, place: str) -> bool:
        if place not in self._country:
            name = self.names.of(place)
            ent = self.names.entities.get(place)
            forms = self.norp | {a.text for a in (ent.aliases[:20] if ent else ()) if " " not in a.text}
            self._country[place] = len(_tokens(name)) == 1 and any(
                n.lower() != name.lower() and _stem_match(name, n) for n in forms)
        return self._country[place]

    def state_of(self, nationality: str) -> str | None:
        if nationality not in self._state:
            name = self.names.of(nationality)
            self._state[nationality] = next((g for g in self.gpe if _stem_match(self.names.of(g), name)), None)
        return self._state[nationality]


def _place_forms(place: str, names, claims: list[ResolvedClaim]) -> set[str]:
    forms = {names.of(place)}
    for c in claims:
        forms.add(names.as_written(c.id, place))
    e = names.entities.get(place)
    if e is not None:
        forms.update(a.text for a in e.aliases[:10])
    return {f for f in forms if f and len(f) >= 3}


def _written_together(fa: set[str], fb: set[str], texts: list[str]) -> bool:
    """"A, B", "A airfield in B", "near A outside the B-ian capital", "B's A": the documents relate them."""
    link = r"(?:\s+[a-z][\w-]*){0,2}\s*(?:,|\s+(?:in|near|outside|of|at|(?:north|south|east|west)\w*\s+of))\s+" \
           r"(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    for x in fa:
        for y in fb:
            for first, second in ((x, y), (y, x)):
                near = re.compile(re.escape(first) + link + re.escape(second))
                owner = re.compile(re.escape(second) + r"['’]s\s+(?:[\w-]+\s+){0,2}?" + re.escape(first))
                if any(near.search(t) or owner.search(t) for t in texts):
                    return True
    return False


def _places_fit(a: str, b: str, names, nat: _Nationalities, claims: list[ResolvedClaim], texts: list[str],
                same_doc: bool) -> bool:
    """Whether two places can both be right for one event (see the module's rules)."""
    if a == b or same_doc:
        return True
    na, nb = names.of(a), names.of(b)
    ta = {w.lower() for w in _tokens(na)} - REGION_WORDS
    tb = {w.lower() for w in _tokens(nb)} - REGION_WORDS
    if not ta or not tb or ta <= tb or tb <= ta:
        return True  # one name inside the other: "Varn" and "Varn airport", "Hormoz" and "Hormoz province"
    if any(_stem_match(x, y) for x in ta for y in tb if len(x) >= 4 and len(y) >= 4):
        return True
    if _level(a, names, nat, texts) != _level(b, names, nat, texts):
        return True  # a town and a country, a site and a town: nesting unknown, never a conflict
    fa, fb = _place_forms(a, names, claims), _place_forms(b, names, claims)
    for e, other in ((a, fb), (b, fa)):
        ent = names.entities.get(e)
        if ent is not None and any(_mentioned(d.text, f) for d in ent.descriptors[:20] for f in other):
            return True  # "Brask, a town in the Varn valley"
    return _written_together(fa, fb, texts)


def place_and_agent_conflicts(drafts: list[Draft], fact_of: dict, ctx) -> list[Conflict]:
    """The place conflicts, then the agent conflicts (one lookup of nationalities and shared facts for both)."""
    nat, facts = _Nationalities(ctx.names), _SharedFacts(drafts)
    return _without_repeats(place_conflicts(drafts, fact_of, ctx, nat, facts)) + \
        _without_repeats(agent_conflicts(drafts, fact_of, ctx, nat, facts))


def _without_repeats(conflicts: list[Conflict]) -> list[Conflict]:
    """One disagreement told once: a conflict whose every value another conflict of the slot also lists, from
    the same documents at least, is that one seen through another event of the same report ("crashed
    near A, killing 140": the crash and the killing both placed in A)."""
    def sides(c: Conflict) -> dict[str, set[str]]:
        return {v.value: set(v.documents) for v in c.values}

    kept: list[Conflict] = []
    for c in sorted(conflicts, key=lambda c: -sum(len(v.documents) for v in c.values)):
        mine = sides(c)
        if not any(all(v in other and docs <= other[v] for v, docs in mine.items()) for other in map(sides, kept)):
            kept.append(c)
    return [c for c in conflicts if any(c is k for k in kept)]


_DEATH_WORDS = ("die", "died", "dies", "dying", "dead", "death", "deaths", "perish", "perished", "succumb",
                "succumbed")


def _where_told(c: ResolvedClaim) -> str:
    """What a claim's place is the place of: a death ("died in hospital in B"), a captivity ("held hostage
    in B") or the deed itself ("shot in A", "abducted in A"). A victim shot in one town may die in another,
    a captive taken in one be held in another: such places are never compared."""
    trigger = (c.trigger or "").lower()
    if trigger in _DEATH_WORDS or " lost " in f" {trigger} ":
        return "death"
    if trigger.split()[:1] in (["held"], ["hold"], ["holding"], ["holds"]):
        return "captivity"  # "held hostage in B": where a captive is kept, not where he was taken
    return "deed"


def place_conflicts(drafts: list[Draft], fact_of: dict, ctx, nat: _Nationalities,
                    facts: _SharedFacts) -> list[Conflict]:
    names = ctx.names
    found = _Candidates(drafts, V.EVENT_FAMILIES, names, lambda c: c.place and names.is_named(c.place)
                        and _on_the_trigger_line(c, c.place, names))
    events = UnionFind()
    edges: list[tuple[ResolvedClaim, ResolvedClaim, Draft, Draft]] = []
    for a, b, da, db in found.pairs():
        if a.place == b.place or _where_told(a) != _where_told(b) or not _strong(a, b, da, db, names, facts):
            continue
        # a document giving both places for this event relates them itself
        both = {c.document for c in (*da.claims, *db.claims) if c.place == a.place} & \
               {c.document for c in (*da.claims, *db.claims) if c.place == b.place}
        texts = _texts(ctx, {a.document, b.document} | {c.document for c in (*da.claims, *db.claims)})
        if _places_fit(a.place, b.place, names, nat, [a, b], texts, bool(both)):
            continue
        edges.append((a, b, da, db))
        events.union(id(da), id(db))

    def agrees(a, b, da, db):  # another source giving the same place for the same event joins that value
        return a.place == b.place and _strong(a, b, da, db, names, facts)

    return _conflicts(edges, found, agrees, events, fact_of, ctx, "place", lambda c: c.place)


def _texts(ctx, doc_ids) -> list[str]:
    return [ctx.documents[d].text for d in sorted(doc_ids) if d in ctx.documents and ctx.documents[d].text][:50]


# --------------------------------------------------------------------------- agent


def _agent_kind(e: str, names, nat: _Nationalities) -> tuple[str, str] | None:
    """(kind, key) of an agent: a person, an organisation, or a state (a country-level GPE, or a
    nationality that names one: "Ostmarkian" is Ostmark). A town ("X" as a government's seat), a site,
    a vehicle, or a nationality matching no country in the corpus is no agent to compare."""
    t = names.type.get(e)
    if t == "PERSON" and names.is_named(e):
        return "person", e
    if t == "ORG" and names.is_named(e):
        return "org", e
    if t == "GPE" and names.is_named(e) and nat.country(e):
        return "state", e
    if t == "NORP":
        g = nat.state_of(e)
        return ("state", g) if g else None
    return None


def _agent_forms(e: str, names) -> set[str]:
    forms = {names.of(e)}
    ent = names.entities.get(e)
    if ent is not None:
        forms.update(a.text for a in ent.aliases[:10])
    return {f for f in forms if f}


def _significant(forms: set[str]) -> set[str]:
    return {w.lower() for f in forms for w in _tokens(f) if w.lower() not in GENERIC_ACTOR_WORDS and len(w) >= 2}


def _acronym(forms_a: set[str], forms_b: set[str]) -> bool:
    for x in forms_a:
        letters = x.replace(".", "").replace(" ", "")
        if not (2 <= len(letters) <= 6 and letters.isupper()):
            continue
        for y in forms_b:
            initials = "".join(w[0] for w in _tokens(y) if w[0].isupper())
            if initials and initials == letters:
                return True
    return False


def _agents_related(a: str, b: str, names, holders: set[frozenset], texts: list[str],
                    sentences: list[str]) -> bool:
    """Whether two agents may be one actor, a unit and its parent, or a holder and his body."""
    if a == b or frozenset((a, b)) in holders:
        return True
    fa, fb = _agent_forms(a, names), _agent_forms(b, names)
    sa, sb = _significant(fa), _significant(fb)
    if sa & sb or any(_stem_match(x, y) for x in sa for y in sb if len(x) >= 4 and len(y) >= 4):
        return True
    if _acronym(fa, fb) or _acronym(fb, fa):
        return True
    for e, other, other_id in ((a, fb, b), (b, fa, a)):
        ent = names.entities.get(e)
        if ent is None:
            continue
        if any(r.object == other_id for r in ent.relations):
            return True
        if any(_mentioned(d.text, f) for d in ent.descriptors[:20] for f in other):
            return True  # "X, a spokesman for Y", "the Y's Z unit"
    if any(any(_mentioned(s, x) for x in fa) and any(_mentioned(s, y) for y in fb) for s in sentences):
        return True  # one source names both in its claim's sentence, neither as its speaker: one side, not two
    for x in fa:
        for y in fb:
            for first, second in ((x, y), (y, x)):
                pat = re.compile(re.escape(first) + r"['’]s\s+(?:[\w-]+\s+){0,3}?" + re.escape(second) + "|"
                                 + re.escape(second) + r"\s+(?:of|for|from)\s+(?:the\s+)?" + re.escape(first) + "|"
                                 + re.escape(first) + r"[- ](?:backed|allied|led|linked|affiliated|trained|funded|"
                                 r"sponsored|aligned|controlled)\s+(?:[\w-]+\s+){0,3}?" + re.escape(second))
                if any(pat.search(t) for t in texts):
                    return True
    return False


def agent_conflicts(drafts: list[Draft], fact_of: dict, ctx, nat: _Nationalities,
                    facts: _SharedFacts) -> list[Conflict]:
    names = ctx.names
    holders = {frozenset((c.subject, o)) for d in drafts if d.family in ("position", "member")
               for c in d.claims if c.subject for o in c.objects}
    found = _Candidates(drafts, AGENT_FAMILIES, names, lambda c: c.subject and c.objects
                        and _on_the_trigger_line(c, c.subject, names) and not _reporter(c, c.subject, names, ctx))
    events = UnionFind()
    edges = []
    for a, b, da, db in found.pairs():
        if a.subject == b.subject:
            continue
        victims = set(da.objects) | set(db.objects)
        if a.subject in victims or b.subject in victims:
            continue  # an agent named as a victim of the same event is a misparse, not a rival account
        ka, kb = _agent_kind(a.subject, names, nat), _agent_kind(b.subject, names, nat)
        if ka is None or kb is None or ka[0] != kb[0] or ka[1] == kb[1]:
            continue  # a person against an organisation, a state against its forces: hierarchy unknown
        if not _shared_victim(a, b, names) or not _strong(a, b, da, db, names, facts):
            continue
        both = {c.document for c in (*da.claims, *db.claims) if c.subject == a.subject} & \
               {c.document for c in (*da.claims, *db.claims) if c.subject == b.subject}
        if both:
            continue  # one document naming both as doers of this event: accomplices, not rival accounts
        texts = _texts(ctx, {c.document for c in (*da.claims, *db.claims)})
        # a sentence naming both relates them, unless one is the speaker of the claim (an accusation)
        sentences = [c.text for c in (a, b) if c.attributed_to not in (a.subject, b.subject, ka[1], kb[1])]
        if _agents_related(ka[1], kb[1], names, holders, texts, sentences) or \
                _agents_related(a.subject, b.subject, names, holders, texts, sentences):
            continue
        edges.append((a, b, da, db))
        events.union(id(da), id(db))

    def agrees(a, b, da, db):  # another source naming the same agent of the same victim joins that value
        return a.subject == b.subject and _shared_victim(a, b, names) and _strong(a, b, da, db, names, facts)

    return _conflicts(edges, found, agrees, events, fact_of, ctx, "agent", lambda c: c.subject)


def _shared_victim(a: ResolvedClaim, b: ResolvedClaim, names) -> bool:
    return any(names.is_named(e) for e in set(a.objects) & set(b.objects))


# --------------------------------------------------------------------------- one conflict per event


def _conflicts(edges, candidates: _Candidates, agrees, events: UnionFind, fact_of, ctx, slot: str,
               value_of) -> list[Conflict]:
    """One conflict per event: the values its disagreements set against each other, each with every
    claim giving it (a claim sharing a key with one of them, from another document, that ``agrees``)."""
    names = ctx.names
    by_event: dict[int, list] = defaultdict(list)
    for e in edges:
        by_event[events.find(id(e[2]))].append(e)
    out = []
    for group in by_event.values():
        found = {c.id: (c, d) for a, b, da, db in group for c, d in ((a, da), (b, db))}
        todo = list(found.values())
        while todo:
            c, d = todo.pop()
            for o, do in candidates.neighbours(c):
                if o.id not in found and o.document != c.document and agrees(c, o, d, do):
                    found[o.id] = (o, do)
                    todo.append((o, do))
        claims = sorted((c for c, _ in found.values()), key=lambda c: (c.document, c.start, c.id))
        drafts = list({id(d): d for _, d in found.values()}.values())
        values: dict[str, list[ResolvedClaim]] = defaultdict(list)
        for c in claims:
            values[names.of(value_of(c))].append(c)
        if len(values) < 2:
            continue
        main = max(drafts, key=lambda d: len(d.claims))
        fact = fact_of[id(main)]
        about = _about(fact, main, names, slot)
        explain = _explain_places(values, ctx) if slot == "place" else _explain_agents(values, ctx)
        out.append(Conflict(id="", about=about, slot=slot, values=_value_list(values), explanation=explain,
                            facts=list(dict.fromkeys(fact_of[id(d)].id for d in drafts))))
    return out


def _about(fact, d: Draft, names, slot: str) -> str:
    """"where X was killed", "who killed X"; without a named victim, "where the crash happened"."""
    named = [o for o in fact.objects if names.is_named(o)][:2]
    objs = " and ".join(names.of(o) for o in named)
    verb = {"kill": "killed", "attack": "attacked", "abduct": "abducted", "injure": "injured"}.get(d.family)
    if verb and objs:
        if slot == "agent":
            return f"who {verb} {objs}"
        return f"where {objs} {'was' if len(named) == 1 else 'were'} {verb}"
    noun = {"kill": "killing", "abduct": "abduction", "injure": "injuring"}.get(d.family, d.family)
    return f"where the {noun} happened" if slot == "place" else f"who did the {noun}"


def _voices(values: dict[str, list[ResolvedClaim]], ctx) -> tuple[str | None, bool]:
    """Whom each value comes from ("Veldia according to the Ostmarkian opposition (b)"): a claim
    attributed to a speaker is the speaker's. The line, and whether the values come from different voices."""
    names = ctx.names
    if not any(c.attributed_to or c.speaker_text for cs in values.values() for c in cs):
        return None, False
    cited = {v: sorted({_cited(c, names) for c in cs}) for v, cs in values.items()}
    differ = len({tuple(x) for x in cited.values()}) >= 2
    line = ("The sources cite different voices: " if differ else "Who says so: ") + "; ".join(
        f"{v} {', '.join(w)} ({', '.join(dict.fromkeys(c.document for c in values[v]))})"
        for v, w in sorted(cited.items())) + "."
    return line, differ


def _common_notes(values: dict[str, list[ResolvedClaim]], ctx) -> list[str]:
    """What may explain two values besides the slot's own readings: hedges, publication dates."""
    parts = []
    hedged = [(v, c, _hedge(c)) for v, cs in sorted(values.items()) for c in cs if c.hedged]
    firm = [v for v, cs in values.items() if any(not c.hedged for c in cs)]
    if hedged:
        parts.append("Hedged: " + "; ".join(f'{c.document} gives {v} with "{h or "a hedge"}"' for v, c, h in hedged[:4])
                     + (f", against a firm {', '.join(sorted(set(firm)))}" if firm else "") + ".")
    pubs = {}
    for v, cs in values.items():
        for c in cs:
            doc = ctx.documents.get(c.document)
            b = T.bounds(doc.published) if doc and doc.published else None
            if b:
                pubs.setdefault(v, []).append((b[0], c.document))
    if len(pubs) == len(values) and len(values) == 2:
        (v1, p1), (v2, p2) = sorted(pubs.items(), key=lambda kv: min(kv[1]))
        if max(p1)[0] < min(p2)[0]:
            parts.append(f"Every report of {v1} ({', '.join(d for _, d in sorted(p1))}, published {max(p1)[0]} or "
                         f"before) predates every report of {v2} ({', '.join(d for _, d in sorted(p2))}, from "
                         f"{min(p2)[0]}): the later account may rest on later findings.")
    return parts


def _explanation(first: list[str], values: dict[str, list[ResolvedClaim]], ctx) -> str:
    voices, differ = _voices(values, ctx)
    parts = list(first)
    if voices and differ:
        parts.append(voices)
    parts.extend(_common_notes(values, ctx))
    if not parts:
        return "No explanation found in the records." + (f" {voices}" if voices else "")
    return " ".join(parts + ([voices] if voices and not differ else []))


def _explain_places(values: dict[str, list[ResolvedClaim]], ctx) -> str:
    names = ctx.names
    landmarks = []
    for v, cs in sorted(values.items()):
        for c in cs:
            written = names.as_written(c.id, c.place)
            i = c.text.find(written) if written else -1
            m = _LANDMARK.search(c.text[:i]) if i > 0 else None
            if m:
                landmarks.append(f'{c.document} says "{m.group(1)} {written}"')
    first = ["A place given as a landmark, not as the spot itself (" + "; ".join(dict.fromkeys(landmarks))
             + "): both may be right if the places are close."] if landmarks else []
    return _explanation(first, values, ctx)


def _explain_agents(values: dict[str, list[ResolvedClaim]], ctx) -> str:
    names = ctx.names
    own = [f"{c.document} cites {names.of(c.attributed_to) or c.speaker_text} for its own deed"
           for v, cs in sorted(values.items()) for c in cs
           if c.attributed_to and c.attributed_to == c.subject]
    first = ["An admission or claim of responsibility: " + "; ".join(dict.fromkeys(own)) + "."] if own else []
    # a party named as the doer by one source is the speaker of the claim naming another: an accusation
    by_agent = {names.of(c.subject): c.subject for cs in values.values() for c in cs}
    accusing = [f"{v} is named as the doer by {', '.join(dict.fromkeys(o.document for o in values[v]))} and is the "
                f"source of {c.document}'s claim that {w} did it"
                for v, e in sorted(by_agent.items()) for w, cs in sorted(values.items()) if w != v
                for c in cs if c.attributed_to == e]
    if accusing:
        first.append("The accused answers with an accusation: " + "; ".join(dict.fromkeys(accusing)) + ".")
    return _explanation(first, values, ctx)
