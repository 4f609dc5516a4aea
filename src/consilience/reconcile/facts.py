"""Group claims about the same thing across documents into facts.

Rules (docs/reconcile.md has the long form):
- blocking: a claim is only compared with facts filed under one of its keys (family + participant
  entity, family + count, family + day); never all pairs, so cost grows with the claims;
- same family of predicate (kill/killing/death/elimination are one; appoint/command/role are one,
  with the same rank: head vs deputy);
- participants compatible: where both sides name an agent it is the same, where both name targets
  they share one; a claim sharing no participant with the fact joins only on an equal count (or an
  equal day and place);
- counts compatible: equal, or an approximate range that contains the other;
- time compatible: overlapping, or one day apart (kept together so the conflict is reported);
  a person is killed once and a post is taken once, so those facts ignore time for grouping;
- among compatible candidates, the one sharing the most participants and, after that, the most
  similar wording (rapidfuzz) wins.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from rapidfuzz import fuzz

from ..model import Document, Fact, ResolvedClaim
from .. import timexvalue as T
from ..lexicon import vocabulary as V
from .participants import Names

CANDIDATES_PER_KEY = 32  # newest facts kept per blocking key: bounds the work per claim


_NONE: frozenset = frozenset()  # the subjects, objects or places a draft has none of yet (shared)


@dataclass(eq=False, slots=True)  # compared by identity: value equality would walk every claim
class Draft:
    """A fact being built.

    Most drafts end with one claim (10^5 documents: ~300,000 drafts), so a draft is slotted and its
    sets and lists are made on first use; until then they are the shared empty ``_NONE``.
    """

    family: str
    rank: str | None
    claims: list[ResolvedClaim] = field(default_factory=list)
    subjects: set | frozenset = _NONE
    objects: set | frozenset = _NONE
    quantities: list[ResolvedClaim] | tuple = ()
    places: set | frozenset = _NONE
    times: dict = field(default_factory=dict)  # value -> claims: checks walk distinct values only
    counts: dict = field(default_factory=dict)  # distinct (range, approximate) -> one claim carrying it
    once: bool = False  # a person killed, a post taken: happens once, time never splits it

    @property
    def participants(self) -> set:
        return self.subjects | self.objects

    def add(self, c: ResolvedClaim, names: Names) -> None:
        self.claims.append(c)
        if c.subject:
            if not self.subjects:
                self.subjects = set()
            self.subjects.add(c.subject)
        if c.objects:
            if not self.objects:
                self.objects = set()
            self.objects.update(c.objects)
        if c.quantity is not None or c.quantity_low is not None:
            if not self.quantities:
                self.quantities = []
            self.quantities.append(c)
            self.counts.setdefault((quantity_range(c), c.quantity_approximate, c.quantity), c)
        if c.place:
            if not self.places:
                self.places = set()
            self.places.add(c.place)
        if c.time:
            self.times[c.time] = self.times.get(c.time, 0) + 1
        self.once = self.once or _happens_once(c, names)


def _happens_once(c: ResolvedClaim, names: Names) -> bool:
    fam = V.family(c.predicate)
    if fam == "position":
        return True
    if fam in V.ONCE_FAMILIES:
        return False  # grouped by their own rule (dates within a day), see compatible()
    return fam == "kill" and any(names.is_person(o) for o in c.objects) and (c.quantity or 1) <= 1


def claim_rank(c: ResolvedClaim) -> str | None:
    """What must be equal for two claims to be one fact beyond their family: a position's rank (head vs
    deputy), a declaration's state and duration ("mourning/3 day")."""
    fam = V.family(c.predicate)
    if fam == "position":
        return V.role_rank(c.role)
    if fam == "declare":
        return V.declared_key(c.role)
    if fam == "positive_test":  # a test for one substance is not a test for another
        return (c.role or "").lower() or None
    return None


def participants(c: ResolvedClaim) -> set:
    return ({c.subject} if c.subject else set()) | set(c.objects)


# --------------------------------------------------------------------------- compatibility


def quantity_range(c: ResolvedClaim) -> tuple[float, float] | None:
    """The values a count allows: its bounds ("at least 10": 10..inf), what rounds to an approximate
    count without bounds ("about 4,000": half its last significant place either side, at least 10%:
    3,500..4,500), else the count itself."""
    if c.quantity_low is not None or c.quantity_high is not None:
        lo = c.quantity_low if c.quantity_low is not None else (c.quantity or 0)
        hi = c.quantity_high if c.quantity_high is not None else float("inf")
        return lo, hi
    if c.quantity is None:
        return None
    if c.quantity_approximate:
        v, place = abs(c.quantity), 1.0
        while v and v % (place * 10) == 0:
            place *= 10
        half = max(place / 2, 0.1 * v)
        return c.quantity - half, c.quantity + half
    return c.quantity, c.quantity


def quantities_compatible(a: ResolvedClaim, b: ResolvedClaim) -> bool:
    """Equal counts, or an approximate amount whose range contains the other ("hundreds" and 141... no: 200-999)."""
    ra, rb = quantity_range(a), quantity_range(b)
    if ra is None or rb is None:
        return True
    if not (a.quantity_approximate or b.quantity_approximate):
        return ra == rb
    return ra[0] <= rb[1] and rb[0] <= ra[1]


def _participants_ok(c: ResolvedClaim, d: Draft) -> bool:
    if d.family == "position":
        if c.subject and d.subjects and c.subject not in d.subjects:
            return False
        if c.objects and d.objects and not set(c.objects) & d.objects:
            return False
        return bool(participants(c) & d.participants) or not (participants(c) and d.participants)
    if c.subject and d.subjects and c.subject not in d.participants:
        return False  # two different agents
    if c.objects and d.objects and not set(c.objects) & d.objects:
        return False  # two different targets
    return True  # sharing nobody (one names the agent, the other the victims) needs more: see compatible()


def _count_ok(c: ResolvedClaim, d: Draft) -> bool:
    return all(quantities_compatible(c, q) for q in d.counts.values())


def _time_ok(c: ResolvedClaim, d: Draft, once: bool) -> bool:
    if once or not c.time:
        return True
    for t in d.times:
        gap = T.gap_days(c.time, t)
        if gap is not None and gap > 1:
            return False
    return True


SPECIFIC_COUNT = 10  # an exact count from this on is specific enough to name one happening by itself


def _same_specific_count(c: ResolvedClaim, d: Draft) -> bool:
    """An equal exact count of 10 or more, with compatible dates: the same figure of the same happening,
    even where entity resolution split the group it counts ("212 FLN members" / "212 members of the Front")."""
    if c.quantity is None or c.quantity_approximate or c.quantity < SPECIFIC_COUNT:
        return False
    if not any(q.quantity == c.quantity and not q.quantity_approximate for q in d.counts.values()):
        return False
    return all(T.compatible(c.time, t) for t in d.times) if c.time else True


def _named_conflict(c: ResolvedClaim, d: Draft, names: Names) -> bool:
    """Two different named participants (not nationality adjectives) where both sides name one."""
    mine = {e for e in participants(c) if names.is_named(e)}
    theirs = {e for e in d.participants if names.is_named(e)}
    return bool(mine and theirs and not mine & theirs)


def compatible(c: ResolvedClaim, d: Draft, names: Names) -> bool:
    if V.family(c.predicate) != d.family or claim_rank(c) != d.rank:
        return False
    if d.family in V.ONCE_FAMILIES:
        # an accident happens once: the same kind of accident within a day, naming nobody else, is it
        return (not _named_conflict(c, d, names) and _count_ok(c, d) and bool(c.time)
                and any(T.within_a_day(c.time, t) for t in d.times))
    if d.family == "declare":
        # one state put in force for one span (the rank holds both): told of its head of state, its government
        # or its media, one declaration, unless two named declarers or two places differ or the dates are apart
        return (not _named_conflict(c, d, names) and not _other_country(c, d, names)
                and not (c.place and d.places and c.place not in d.places) and _time_ok(c, d, False))
    if not _participants_ok(c, d) and not _same_specific_count(c, d):
        return False
    if not _count_ok(c, d):
        return False
    if d.family == "kill" and _is_toll(c) != _draft_is_toll(d) and (d.once or _happens_once(c, names)):
        return False  # "five people killed, including X" is the toll, not X's death: a fact of its own
    if not _time_ok(c, d, d.once or _happens_once(c, names)):
        return False
    if not participants(c) & d.participants and not _same_specific_count(c, d):
        # no participant in common: it needs an equal count, or the same day and place
        same_count = c.quantity is not None and any(q.quantity == c.quantity for q in d.counts.values()) and (
            c.place in d.places if c.place and d.places else not (c.place or d.places))  # where, if either says
        same_moment = T.day(c.time) and any(T.day(t) == T.day(c.time) for t in d.times) and (
            not c.place or not d.places or c.place in d.places)
        if not (same_count or same_moment):
            return False
    return True


def _other_country(c: ResolvedClaim, d: Draft, names: Names) -> bool:
    """Declarers that are two different countries or nationalities ("the Karvenian government", "Ostrand"):
    a nationality adjective names no one for grouping, but it does say whose declaration it is."""
    def country(e):
        return names.type.get(e) in ("GPE", "NORP")
    mine = {c.subject} if c.subject and country(c.subject) else set()
    theirs = {e for e in d.subjects if country(e)}
    return bool(mine and theirs and not mine & theirs)


def _is_toll(c: ResolvedClaim) -> bool:
    return (c.quantity or 0) > 1 or (c.quantity_low or 0) > 1


def _draft_is_toll(d: Draft) -> bool:
    return any(_is_toll(q) for q in d.counts.values())


def _score(c: ResolvedClaim, d: Draft) -> tuple:
    shared = len(participants(c) & d.participants)
    same_count = int(c.quantity is not None and any(q.quantity == c.quantity for q in d.counts.values()))
    similar = max(fuzz.token_set_ratio(c.text, o.text) for o in d.claims[-3:])
    return shared, same_count, similar


# --------------------------------------------------------------------------- grouping


def blocking_keys(c: ResolvedClaim) -> list[tuple]:
    fam = V.family(c.predicate)
    rank = claim_rank(c)
    keys = [(fam, rank, "e", e) for e in sorted(participants(c))]
    if c.quantity is not None:
        keys.append((fam, rank, "q", c.quantity))
    if fam == "declare" and rank:  # one state for one span: declarations that name different declarers meet here
        keys.append((fam, rank, "declared"))
    d = T.day(c.time)
    if d:
        keys.append((fam, rank, "t", d))
        if fam in V.ONCE_FAMILIES:  # joined within a day: filed and looked up under the days around it too
            day = T.bounds(c.time)[0]
            keys.extend((fam, rank, "t", (day + timedelta(days=k)).isoformat()) for k in (-1, 1))
    return keys


def group_claims(claims: list[ResolvedClaim], names: Names, embedder=None) -> list[Draft]:
    """Claims -> drafts (facts before their statement), in the order of the first claim.

    With an ``embedder`` (``reconcile.semantic``), a claim the rules join to no fact may join the fact
    whose evidence sentences in other documents are most similar to its own (at least
    ``embedder.threshold``) among those whose every slot is compatible with it (``semantic_compatible``):
    similarity stands in for shared wording across outlets, so a claim is never joined through its own
    document's sentences (two events of one sentence embed alike). Without one, grouping is the rules'.
    """
    index: dict[tuple, list[Draft]] = defaultdict(list)
    drafts: list[Draft] = []
    pool: dict[tuple, list[Draft]] = defaultdict(list)  # newest drafts per family and rank (semantic only)
    if embedder is not None:
        embedder.prepare(c.text for c in claims if V.family(c.predicate) not in SEMANTIC_SKIP)
    for c in sorted(claims, key=lambda c: (c.document, c.start, c.id)):
        keys = blocking_keys(c)
        seen: dict[int, Draft] = {}
        for k in keys:
            for d in index.get(k, ()):
                seen.setdefault(id(d), d)
        best = None
        best_score = None
        for d in seen.values():
            if compatible(c, d, names):
                s = _score(c, d)
                if best_score is None or s > best_score:
                    best, best_score = d, s
        fam_key = (V.family(c.predicate), claim_rank(c))
        if best is None and embedder is not None and fam_key[0] not in SEMANTIC_SKIP:
            best = _most_similar(c, [*seen.values(), *pool.get(fam_key, ())], names, embedder)
        if best is None:
            best = Draft(family=fam_key[0], rank=fam_key[1])
            drafts.append(best)
        best.add(c, names)
        for k in keys:
            bucket = index[k]
            if best not in bucket:
                bucket.append(best)
                if len(bucket) > CANDIDATES_PER_KEY:
                    del bucket[0]
        if embedder is not None and fam_key[0] not in SEMANTIC_SKIP:
            bucket = pool[fam_key]
            if best not in bucket:
                bucket.append(best)
                if len(bucket) > SEMANTIC_POOL:
                    del bucket[0]
    return drafts


# --------------------------------------------------------------------------- semantic similarity (optional)

# Families the embeddings never join: a statement is never a fact, an accident and a declaration have
# their own rules of identity (within a day; one state for one span)
SEMANTIC_SKIP = frozenset(("statement", "declare", *V.ONCE_FAMILIES))
SEMANTIC_POOL = 64  # newest facts per family and rank a claim is compared with beyond its blocking keys
SEMANTIC_RECENT = 8  # a fact's newest claims (from other documents) whose sentences a claim is compared with


def semantic_compatible(c: ResolvedClaim, d: Draft, names: Names) -> bool:
    """Every slot compatible: what the rules ask of a join, less the evidence that the claims share a
    participant, an equal count or the same day and place (which the similarity of their sentences
    stands in for). Two different agents, targets or named participants, counts, places or dates more
    than a day apart still keep claims apart."""
    if V.family(c.predicate) != d.family or claim_rank(c) != d.rank or d.family in SEMANTIC_SKIP:
        return False
    if not _participants_ok(c, d) or _named_conflict(c, d, names) or not _count_ok(c, d):
        return False
    if c.place and d.places and c.place not in d.places:
        return False
    once = d.once or _happens_once(c, names)
    if d.family == "kill" and _is_toll(c) != _draft_is_toll(d) and once:
        return False
    return _time_ok(c, d, once)


def _most_similar(c: ResolvedClaim, candidates: list[Draft], names: Names, embedder) -> Draft | None:
    best, best_sim = None, embedder.threshold
    done: set[int] = set()
    for d in candidates:
        if id(d) in done:
            continue
        done.add(id(d))
        if not semantic_compatible(c, d, names):
            continue
        # other documents' wording only: two events of one sentence embed alike
        others = [o.text for o in d.claims if o.document != c.document][-SEMANTIC_RECENT:]
        sim = embedder.similarity(c.text, others)
        if sim >= best_sim:
            best, best_sim = d, sim
    return best


# --------------------------------------------------------------------------- facts


def _root(doc_id: str, documents: dict[str, Document]) -> str:
    seen = set()
    while doc_id in documents and documents[doc_id].duplicate_of and doc_id not in seen:
        seen.add(doc_id)
        doc_id = documents[doc_id].duplicate_of
    return doc_id


def outlet_of(doc: Document | None, doc_id: str) -> str:
    return (doc.outlet if doc and doc.outlet else doc_id)


def _mode(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return Counter(values).most_common(1)[0][0]


def _fact_time(d: Draft) -> str | None:
    claims = d.claims
    if d.family == "position":
        starts = [c.time for c in claims if c.time and (c.time_relation == "start" or c.predicate == "appoint")]
        return _mode([T.display(t) for t in starts])
    finest = T.distinct_values(list(d.times))
    shown = Counter()
    for t, n in d.times.items():
        if t in finest or not finest:
            shown[T.display(t)] += n
    return shown.most_common(1)[0][0] if shown else None


def is_fact(d: Draft, names: Names) -> bool:
    """Whether a draft says something checkable enough to be a fact.

    A statement that someone spoke is a quote, not a fact. Otherwise a fact names a participant (not a
    bare nationality adjective: "Iraqi protested" checks nothing) or gives a count; a position names
    both its holder and its body.
    """
    if d.family == "statement":
        return False
    if d.family in ("position", "member"):
        return any(c.subject and names.is_named(c.subject) and any(names.is_named(o) for o in c.objects)
                   for c in d.claims)
    for c in d.claims:
        counted = (c.quantity or 0) > 1 or c.quantity_low is not None
        if d.family in HARM_FAMILIES:  # who was harmed, or how many: an agent alone says nothing checkable
            if counted or any(names.is_named(o) for o in c.objects):
                return True
        elif d.family == "attack":  # a target, a count, or an agent with a time or place
            if counted or any(names.is_named(o) for o in c.objects) or (
                    names.is_named(c.subject) and (c.place or (c.time and T.bounds(c.time)))):
                return True
        elif counted or any(names.is_named(e) for e in participants(c)):
            return True
    return False


HARM_FAMILIES = frozenset(("kill", "injure", "abduct", "arrest"))


def _claim_weight(c: ResolvedClaim, names: Names) -> tuple:
    """How much a claim can state by itself: named participants, a count, a place, a date, and names
    written as the entity's usual name (more is better); then unhedged, shorter."""
    named = [e for e in participants(c) if names.is_named(e)]
    slots = len(named) + (c.quantity is not None or c.quantity_low is not None) + (c.place is not None) \
        + bool(c.time and T.bounds(c.time))
    usual = sum(names.as_written(c.id, e) == names.of(e) for e in named)
    return slots + usual, len(named), slots, not c.hedged, -len(c.text)


def build_facts(drafts: list[Draft], documents: dict[str, Document], names: Names) -> list[Fact]:
    """Facts of the drafts that are facts (``is_fact``); ``drafts`` is pruned to match, in place."""
    drafts[:] = [d for d in drafts if is_fact(d, names)]
    facts = []
    for n, d in enumerate(drafts):
        doc_ids = list(dict.fromkeys(c.document for c in d.claims))
        independent = {_root(x, documents) for x in doc_ids}
        subject = _mode([c.subject for c in d.claims])
        objects = [o for o, _ in Counter(o for c in d.claims for o in c.objects).most_common() if o != subject]
        exact = [c.quantity for c in d.quantities if c.quantity is not None and not c.quantity_approximate]
        fact = Fact(
            id=f"f{n}",
            statement="",
            predicate=_mode([c.predicate for c in d.claims]) or d.family,
            claims=[c.id for c in d.claims],
            documents=doc_ids,
            outlets=list(dict.fromkeys(outlet_of(documents.get(x), x) for x in doc_ids)),
            support=len(independent),
            status="corroborated" if len(independent) >= 2 else "single-source",
            subject=subject,
            objects=objects,
            time=_fact_time(d),
            place=_mode([c.place for c in d.claims]),
            quantity=_mode(exact) if exact else _mode([c.quantity for c in d.quantities]),
            role=_mode([c.role for c in d.claims]),
        )
        fact.notes = _notes(d, documents, names)
        fact.statement = statement(fact, d, names)
        facts.append(fact)
    _posts_side_by_side(facts, drafts, names)
    return facts


def _posts_side_by_side(facts: list[Fact], drafts: list[Draft], names: Names) -> None:
    """A holder's posts in different bodies are compatible: each position fact lists the others."""
    by_holder: dict[str, list[Fact]] = defaultdict(list)
    for f, d in zip(facts, drafts):
        if d.family == "position" and f.subject:
            by_holder[f.subject].append(f)
    for posts in by_holder.values():
        if len(posts) < 2 or len(posts) > 20:
            continue
        for f in posts:
            others = [f"{o.role or 'head'} of {' and '.join(names.of(x) for x in o.objects[:2]) or '(unnamed)'}"
                      f" ({', '.join(o.documents)})" for o in posts if o is not f]
            f.notes.append("other posts named for " + names.of(f.subject) + ": " + "; ".join(others))


def _notes(d: Draft, documents: dict[str, Document], names: Names) -> list[str]:
    """Where the support is less independent than the count of documents suggests."""
    notes = []
    by_doc: dict[str, set] = defaultdict(set)
    for c in d.claims:
        by_doc[c.document].add(c.attributed_to or ("speaker:" + c.speaker_text if c.speaker_text else None))
    speakers: dict[str, list[str]] = defaultdict(list)
    for doc_id, who in by_doc.items():
        if len(who) == 1 and None not in who:
            speakers[next(iter(who))].append(doc_id)
    for who, doc_ids in speakers.items():
        if len(doc_ids) >= 2:
            name = who.removeprefix("speaker:") if who.startswith("speaker:") else names.of(who)
            notes.append(f"{', '.join(doc_ids)} all quote {name}: one voice relayed, not independent confirmation")
    copies = [x for x in by_doc if documents.get(x) and documents[x].duplicate_of]
    for x in copies:
        notes.append(f"{x} copies {documents[x].duplicate_of}: counted once")
    return notes


def _fmt_number(q: float | None) -> str:
    if q is None:
        return ""
    return str(int(q)) if float(q).is_integer() else f"{q:g}"


_VERBS = {"kill": "killed", "attack": "attacked", "abduct": "abducted", "injure": "injured",
          "sanction": "sanctioned", "arrest": "arrested", "crash": "crashed", "protest": "protested",
          "seize": "seized", "rescue": "rescued", "evacuate": "evacuated", "aboard": "aboard",
          "vote": "received"}


_BODY_WORDS = frozenset((*V.BODY_NOUNS, "bodies", "corpses"))
_NOUNS = {"kill": "killing", "attack": "attack", "abduct": "abduction", "injure": "injuring", "arrest": "arrest",
          "sanction": "sanctions"}


def representative(d: Draft, names: Names) -> ResolvedClaim:
    """The claim a fact's statement is made from: the one stating most by itself (ties: the shortest)."""
    return max(d.claims, key=lambda c: _claim_weight(c, names))


def _count_follows_trigger(c) -> bool:
    """The count is written after the claim's verb ("oversaw hundreds of advisers"): it is what the deed was
    done to, so a statement without the doer reads "oversaw hundreds of advisers", not "hundreds of advisers
    oversaw". A count before its verb ("212 operations were postponed") stays first."""
    if c.trigger_start is None or not c.quantity_text:
        return False
    at = c.text.find(c.quantity_text)
    return at >= 0 and c.start + at > c.trigger_start


def statement(fact: Fact, d: Draft, names: Names) -> str:
    """A sentence made only of what one claim of the fact extracted from its own clause.

    Participants are named as that claim's evidence writes them, the count is its count phrase, the
    date its time value; when the claim has neither a named participant nor a count, the statement is
    its sentence, quoted (extractive): a statement never says what its evidence does not.
    """
    c = representative(d, names)
    written = lambda e: _written(c, e, names)  # noqa: E731
    subj = written(c.subject) if c.subject else ""
    objs = " and ".join(written(o) for o in [o for o in c.objects if names.is_named(o)][:4])
    qty = (c.quantity_text or "").strip()
    if not qty and c.quantity is not None:
        qty = " ".join(x for x in (_fmt_number(c.quantity), c.quantity_unit or "") if x)
    if qty and c.subject and written(c.subject).lower() in qty.lower():
        subj = ""
    fam = d.family
    when = f" ({T.display(c.time)})" if c.time and T.bounds(c.time) else ""
    if fam == "position":
        since = f" since {T.display(c.time)}" if c.time and T.bounds(c.time) and (
            c.time_relation == "start" or c.predicate == "appoint") else ""
        return f"{subj}: {c.role or 'commander'} of {objs}{since}"
    if fam == "member":
        return f"{subj}: member of {objs}"
    if fam == "declare" and c.role:  # what was put in force, as written: "X declared three days of mourning"
        who = subj if subj and names.is_named(c.subject) else ""  # "Karvenian declared ..." names no one
        text = " ".join(x for x in (who, "declared", c.role) if x) + (f" on {objs}" if objs else "")
        if c.place:
            text += f" in {_written(c, c.place, names)}"
        return text[:1].upper() + text[1:] + when
    if fam == "positive_test":  # who tested positive, and for what, as written
        return f"{subj or 'someone'} tested positive for {c.role}" + when
    if fam == "serve" and not objs:  # under whom is unsure (a pronoun): the sentence itself
        return _extract(c)
    if fam == "serve":
        return (f"{qty or subj} served under {objs}" if qty or subj else f"served under {objs}") + when
    if not (subj or objs or qty):
        return _extract(c)
    verb = _VERBS.get(fam, c.trigger or fam)
    if fam == "kill" and (c.trigger or "").lower() in _BODY_WORDS:  # "recovered the bodies of 27 people"
        verb = "found" if (c.quantity_unit or "") in V.BODY_NOUNS else "found dead"
    if qty and objs and not any(written(o).lower() in qty.lower() for o in c.objects if names.is_named(o)):
        what = f"{qty} (named: {objs})"
    else:
        what = qty or objs
    counted_is_event = fam == "attack" and qty and (c.quantity_unit or "") in V.NOUN_TRIGGERS
    if counted_is_event:  # the count is of attacks: "over 150 attacks"
        text = qty + (f" by {subj}" if subj else "") + (f" on {objs}" if objs else "")
    elif fam == "agreement":  # the parties, as written
        named = [o for o in c.objects if names.is_named(o)]
        text = ("agreement " + (f"between {subj} and {objs}" if subj and objs else
                                f"between {objs}" if len(named) >= 2 else f"with {objs}" if objs
                                else f"by {subj}" if subj else "")).strip() + (f" ({qty})" if qty else "")
    elif fam == "vote":  # a candidate's share: "X received 52.6%" (a count of votes: "X received 1,204 votes")
        text = f"{objs or 'a candidate'} received {qty}" + (" of the vote" if c.quantity_unit == "percent" else "")
    elif fam in V.MONEY_FAMILIES:  # the payer (the holder of a contract) and the amount, as written
        who = objs or "a payer"
        text = {"fine": f"{who} fined {qty}", "penalty": f"{who} paid {qty} in penalties or settlement",
                "bribe": f"{who} paid {qty} in bribes", "contract": f"{who} won contracts worth {qty}"}[fam]
    elif fam == "turnout":
        text = f"turnout {qty}"
    elif fam == "aboard":  # the people aboard, and the vehicle when named: "171 people aboard X"
        text = " ".join(x for x in (qty or "people", "aboard", objs) if x)
    elif fam == "attack":  # a count here counts what was fired or hit: "attack on X (24 rockets)"
        text = (f"{subj} attacked {objs}" if subj and objs else f"attack on {objs}" if objs
                else f"attack by {subj}" if subj else "attack") + (f" ({qty})" if qty else "")
    elif subj and what:
        text = f"{subj} {verb} {what}"
    elif what and fam not in V.FAMILY and (verb.startswith("must ") or _count_follows_trigger(c)):
        text = f"{verb} {what}"  # an obligation or a deed done to the count: "must repay $2m", "oversaw 300 advisers"
    elif subj:
        text = f"{subj} {verb}" if fam in ("crash", "protest") else f"{_NOUNS.get(fam, fam)} by {subj}"
    else:
        text = f"{what} {verb}"
    place, where = (c.place, c) if c.place else _shared_place(d)
    if place:
        prep = "at" if names.type.get(place) == "FAC" else "in"
        text += f" {prep} {_written(where, place, names)}"
    also = _also_named(c, d, names)
    if also:
        text += f" (with {' and '.join(also)})"
    return text[:1].upper() + text[1:] + when


def _written(c: ResolvedClaim, e: str, names: Names) -> str:
    """A participant as the claim's evidence writes it: the entity's name where the sentence holds it
    whole (a mention cut short, "Kharsa Brigade" of "the Sons of the Kharsa Brigade", says another
    name), else the mention's own text."""
    usual = names.of(e)
    if usual and usual.lower() in c.text.lower():
        return usual
    return names.as_written(c.id, e)


def _shared_place(d: Draft) -> tuple[str | None, ResolvedClaim | None]:
    """The place two or more of the fact's documents give (and the claim to write it from), if any."""
    docs: dict[str, set[str]] = defaultdict(set)
    first: dict[str, ResolvedClaim] = {}
    for o in d.claims:
        if o.place:
            docs[o.place].add(o.document)
            first.setdefault(o.place, o)
    best = max(docs, key=lambda p: (len(docs[p]), p), default=None)
    if best is None or len(docs[best]) < 2:
        return None, None
    return best, first[best]


def _also_named(c: ResolvedClaim, d: Draft, names: Names) -> list[str]:
    """Other people the fact's claims name as participants in two of its documents or more (as most of
    them write them): "X killed Y (with Z)" where other reports name Z among the dead too."""
    docs: dict[str, set[str]] = defaultdict(set)
    written: dict[str, Counter] = defaultdict(Counter)
    for o in d.claims:
        for e in o.objects:
            if names.is_person(e) and e not in participants(c):  # people named beside them, not a group
                docs[e].add(o.document)
                written[e][_written(o, e, names)] += 1
    return [written[e].most_common(1)[0][0] for e in sorted(docs, key=lambda e: (-len(docs[e]), e))
            if len(docs[e]) >= 2][:3]


def _extract(c: ResolvedClaim) -> str:
    """The claim's own sentence, quoted: what a fact says when no slot of it is sure."""
    return '"' + " ".join(c.text.split()) + '"'
