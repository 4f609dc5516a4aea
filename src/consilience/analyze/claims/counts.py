"""Counts owned by triggers: a count belongs to the noun it counts and to the trigger governing that
noun as an argument; running tolls; the parts an "including ..." phrase names of a total."""
from __future__ import annotations

from ...lexicon import vocabulary as V
from ...model import Quantity
from .records import PARTICIPANT_LABELS, _Found, _Index
from .tree import CLAUSE_DEPS, _path_up, _raised_subject, _root, _span_tokens


# Dependencies by which a noun phrase is an argument of a verb: its count is the count of the event's participants.
ARG_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "attr", "oprd"))


def _attach_quantities(sent, found: list[_Found], index: _Index) -> dict[int, list[Quantity]]:
    """Trigger token index -> the Quantities counting its participants, read from the parse only.

    A count belongs to the noun it counts and to the verb (or event noun) that governs that noun as an
    argument: "killed 52 members", "52 members were killed", "the killing of 52 members", "over 150
    attacks", "14 Germans were among the victims". Nothing is attached by nearness: "12,000 men
    marched" gives no count to a killing elsewhere in the sentence. Counts inside "including ..." are
    parts, not totals ("seven, including six women": 7). Conjoined counts ("14 Germans, 9 Austrians")
    are listed in order; each becomes a claim of its own.
    """
    by_i = {f.token.i: f for f in found if f.predicate not in ("statement", "role", "member", "appoint", "command",
                                                               "declare") and f.predicate in V.FAMILY}
    via = {f.via.i: f for f in by_i.values() if f.via is not None}
    tolls = _tolls(by_i.values())
    # people aboard: the count is the one of the people noun the trigger found ("171 people were on board")
    # a share of the vote, a turnout: the count is the one of the value token the trigger found
    # a counted action outside the vocabulary: the count of the noun it acts on, and only that one
    counted = [f for f in found if f.predicate not in V.FAMILY]
    aboard = {f.victims.i: f for f in [*by_i.values(), *counted]
              if (f.predicate in ("aboard", "vote", "turnout", "fine", "penalty", "bribe", "contract")
                  or f.predicate not in V.FAMILY) and f.victims is not None}
    out: dict[int, list[Quantity]] = {}
    for q, tokens in _sentence_counts(sent, index):
        f = _aboard_owner(_root(tokens), aboard) or _quantity_owner(_root(tokens), by_i, via, tolls)
        if f is None or index.line(q.start) != index.line(f.token.idx):
            continue
        if V.family(f.predicate) in V.PEOPLE_FAMILIES and _is_measure(q):
            continue  # a sum, a share or a distance is not a count of people
        out.setdefault(f.token.i, []).append(q)
    return out


def _sentence_counts(sent, index: _Index):
    """(quantity, its tokens) for each quantity inside ``sent`` that is not a span of time ("three days",
    or inside a time expression)."""
    time_spans = [(t.start, t.end) for t in index.times]
    for q in index.quantities:
        if q.start < sent.start_char or q.end > sent.end_char:
            continue
        if (q.unit or "").lower() in V.TIME_UNITS or any(s <= q.start < e for s, e in time_spans):
            continue
        tokens = _span_tokens(sent, q.start, q.end)
        if tokens:
            yield q, tokens


def _attach_parts(sent, found: list[_Found], index: _Index,
                  totals: dict[int, list[Quantity]]) -> dict[int, list[Quantity]]:
    """id(total Quantity) -> the counts of its parts: a count inside "including M Y" that hangs on the noun
    a trigger's count counts ("the abduction of seven others, including 6 women", "killed 176 people,
    including 63 Canadians") is a sub-count of the same event; conjoined parts ("including 63 Canadians
    and 10 Swedes") are each one. A part is smaller than its total and is of another category (its own
    counted noun or a name qualifying it: "six others, including two others" says nothing new; a bare
    number, "including 4 in the city", does not say of what). An
    "including" phrase hanging anywhere else (on the event noun, on the verb) is not read: the parse
    does not say what it is part of."""
    owned = {id(q) for qs in totals.values() for q in qs}
    by_root: dict[int, tuple[_Found, Quantity]] = {}
    found_by_i = {f.token.i: f for f in found}
    for i, qs in totals.items():
        for q in qs:
            tokens = _span_tokens(sent, q.start, q.end)
            if tokens:
                by_root.setdefault(_root(tokens).i, (found_by_i[i], q))
    out: dict[int, list[Quantity]] = {}
    for q, tokens in _sentence_counts(sent, index):
        if id(q) in owned or q.value is None or not q.unit:
            continue
        t = _root(tokens)
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        prep = t.head
        if t.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "including":
            continue
        host = prep.head
        if host.i not in by_root and host.i in found_by_i and host.pos_ in ("VERB", "AUX"):
            # "killed nine, including 3 nurses", the phrase hung on the verb: the part of the verb's one
            # count, when that count is its object ("nine") and the verb has no other
            own = [q2 for q2 in totals.get(host.i, ())]
            tokens = _span_tokens(sent, own[0].start, own[0].end) if len(own) == 1 else []
            if tokens and _root(tokens).dep_ in ("dobj", "nsubjpass") and _root(tokens).head.i == host.i:
                host = _root(tokens)
        if host.i not in by_root:
            continue
        f, total = by_root[host.i]
        if index.line(q.start) != index.line(f.token.idx):
            continue
        if V.family(f.predicate) in V.PEOPLE_FAMILIES and _is_measure(q):
            continue
        ceiling = total.value if total.value is not None else total.high
        if ceiling is not None and q.value >= ceiling:
            continue  # not a part of it
        if (q.unit or "") == (total.unit or "") and not _qualifiers(q, index) - _qualifiers(total, index):
            continue  # the same category as the total: a part that names nothing new
        out.setdefault(id(total), []).append(q)
    return out


def _qualifiers(q: Quantity, index: _Index) -> set[str]:
    return {m.text.lower() for m in index.mentions
            if q.start <= m.start and m.end <= q.end and m.label in PARTICIPANT_LABELS}


def _is_measure(q: Quantity) -> bool:
    unit = (q.unit or "").lower()
    return unit in V.MEASURE_UNITS or (len(unit) == 3 and (q.unit or "").isupper())


def _tolls(found) -> dict:
    """Verbs that state a harm event's running count: "the death toll rose to 52", "the number of people
    killed has risen to 52", "the toll stood at 40": verb token index -> the trigger inside its subject."""
    out = {}
    for f in found:
        if V.family(f.predicate) not in V.CASUALTY_FAMILIES:
            continue
        for t in _path_up(f.token, limit=6):
            if t.dep_ in CLAUSE_DEPS - {"acl", "relcl", "advcl"}:
                break
            if t.dep_ == "nsubj" and t.head.lemma_.lower() in V.TOLL_VERBS:
                out.setdefault(t.head.i, f)
                break
    return out


def _aboard_owner(tok, aboard: dict) -> _Found | None:
    """The aboard trigger whose people noun ``tok`` is (or the first of whose conjuncts: "88 passengers and crew")."""
    t = tok
    while t.i not in aboard and t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return aboard.get(t.i)


def _quantity_owner(tok, by_i: dict, via: dict, tolls: dict | None = None) -> _Found | None:
    """The trigger whose participant ``tok`` (the counted noun) is, climbing only through argument links."""
    tolls = tolls or {}
    t = tok
    for _ in range(8):
        if t.i in by_i:
            return by_i[t.i]  # the counted noun is the event noun itself: "over 150 attacks"
        dep = t.dep_
        if t.head.i == t.i or dep in CLAUSE_DEPS:
            return None
        if dep in ("conj", "appos"):
            if dep == "conj" and t is tok and t.pos_ not in ("NOUN", "PROPN"):
                return None  # an elliptical count ("52 members and seven"): what it counts is unsure
            t = t.head
            continue
        if dep in ARG_DEPS:
            if t.head.i in by_i:
                return by_i[t.head.i]
            if dep in ("nsubj", "nsubjpass"):  # "31 people were known to have died": the raised subject's count
                raised = next((by_i[c.i] for c in t.head.children if c.dep_ == "xcomp" and c.i in by_i
                               and getattr(_raised_subject(c), "i", None) == t.i), None)
                if raised is not None:
                    return raised
            if dep == "dobj" and t.head.i in tolls:
                return tolls[t.head.i]  # "the toll reached 52"
            if t.head.i in via and dep in ("nsubj", "dobj"):
                return via[t.head.i]  # "14 Germans were among the victims", "the dead included 14 Germans"
            return None
        if dep == "pobj":
            prep = t.head
            if prep.lower_ == "of" and prep.head.i in by_i and prep.head.pos_ in ("NOUN", "PROPN"):
                return by_i[prep.head.i]  # "the killing of 40 villagers"
            if prep.lower_ in ("to", "at") and prep.head.i in tolls:
                return tolls[prep.head.i]  # "the death toll rose to 52", "stood at 40"
            return None
        return None
    return None
