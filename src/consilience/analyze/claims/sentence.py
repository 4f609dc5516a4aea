"""One sentence's claims: triggers with their participants, time, place, counts and speaker, and the
time and place one event gives another."""
from __future__ import annotations

from ...lexicon import vocabulary as V
from ...model import Claim, Document, Mention, Quantity
from ..spans import doc_text
from .attribution import _HEDGE_RE, _speaker
from .counts import _attach_parts, _attach_quantities
from .participants import _attach_participants, _is_circumstance, _place
from .records import PARTICIPANT_LABELS, PLACE_LABELS, _Found, _Index
from .roles import _after_since, _line_initial, _line_time
from .timing import _attach_times
from .triggers import _triggers


def _sentence_claims(sent, document: Document, index: _Index, start_number: int,
                     candidates: list[int]) -> list[Claim]:
    found = _triggers(sent.doc, candidates, index)
    if not found:
        return []
    found = [f for f in found if not _is_circumstance(f, found)]
    for f in found:
        _attach_participants(f, index)
    times = _attach_times(sent, found, index)
    quantities = _attach_quantities(sent, found, index)
    parts = _attach_parts(sent, found, index, quantities)
    sent_text = doc_text(sent.doc)[sent.start_char:sent.end_char]  # what sent.text gives, without rejoining tokens
    hedged = bool(_HEDGE_RE.search(sent_text))
    out = []
    places = {f.token.i: _place(f, index) for f in found}
    for f in found:  # "capsized off the island", parsed with the island as object: an accident's place
        if V.family(f.predicate) in V.ONCE_FAMILIES and places[f.token.i] is None:
            spot = next((m for m in f.objects if m.label in PLACE_LABELS), None)
            if spot is not None:
                places[f.token.i] = spot
                f.objects = [m for m in f.objects if m is not spot]
    _inherit(found, times, places)
    for f in found:
        if f.undated:  # "the body was found on Tuesday by a maid at the hotel": the finding's time and place
            times.pop(f.token.i, None)
            places[f.token.i] = None
    for f, quantity, part in _counted(found, quantities, parts):
        place = places.get(f.token.i)
        time_value, time_text = times.get(f.token.i, (None, None))
        if time_text and f.predicate in ("role", "command", "member") and _after_since(sent_text, time_text):
            f.time_relation = "start"  # "commander ... since 1997": the post began then
        if time_value is None and f.predicate == "role" and f.subject is None and _line_initial(f.token):
            found_time = _line_time(f, index)
            if found_time:
                time_value, time_text, is_start = found_time
                f.time_relation = "start" if is_start else f.time_relation
        if f.predicate != "statement" and not (f.subject or f.objects or quantity or (time_value and place)):
            continue  # nothing checkable attached
        if f.predicate == "statement" and not f.subject:
            continue
        speaker, speaker_text = _speaker(f, sent, index)
        claim_start = sent.start_char
        claim = Claim(
            id=f"{document.id}:c{start_number + len(out)}",
            document=document.id,
            start=claim_start,
            end=sent.end_char,
            text=sent_text,
            predicate=f.predicate,
            subject=f.subject.id if f.subject else None,
            objects=_unique([m.id for m in (_part_objects(f, quantity, index) if part else
                                            _objects_of(f, quantity, quantities.get(f.token.i)))
                             if not f.subject or m.id != f.subject.id]),
            time=time_value,
            time_text=time_text,
            place=place.id if place else None,
            role=f.role,
            attributed_to=speaker.id if speaker else None,
            speaker_text=speaker_text,
            hedged=hedged,
            trigger=f.words or f.token.text,
            trigger_start=f.token.idx if f.words_start is None else f.words_start,
            trigger_end=(f.token.idx if f.words_start is None else f.words_start) + len(f.words or f.token.text),
        )
        if f.time_relation:
            claim.time_relation = f.time_relation
        if quantity is not None:
            claim.quantity = quantity.value
            claim.quantity_unit = quantity.unit
            claim.quantity_text = quantity.text
            claim.quantity_approximate = bool(quantity.approximate)
            claim.quantity_low = quantity.low
            claim.quantity_high = quantity.high
        out.append(claim)
    return out


def _inherit(found: list[_Found], times: dict, places: dict) -> None:
    """Time and place that grammar gives one event from another, in the same sentence:
    - "the attack on X on May 4, when gunmen killed 38": a clause opened by "when" under an event noun
      happened at that event's time and place;
    - "stormed Camp X and killed 38": a killing conjoined with an attack on a place happened there."""
    by_i = {f.token.i: f for f in found}
    for f in found:
        tok, head = f.token, f.token.head
        g = by_i.get(head.i)
        when = tok.dep_ in ("relcl", "advcl") and any(c.dep_ == "advmod" and c.lower_ == "when" for c in tok.children)
        if when and g is None and head.dep_ == "pobj" and head.head.dep_ == "prep":
            g = by_i.get(head.head.head.i)  # "the attack on X on May 4, 2021, when ...": the clause hangs on the date
        if g is None or g is f:
            continue
        if when and g.token.pos_ in ("NOUN", "PROPN") and V.family(g.predicate) in V.EVENT_FAMILIES:
            if f.token.i not in times and g.token.i in times:
                times[f.token.i] = times[g.token.i]
            if places.get(f.token.i) is None:
                places[f.token.i] = places.get(g.token.i) or next(
                    (m for m in g.objects if m.label in PLACE_LABELS | {"PERSON", "ORG"}), None)
        elif tok.dep_ == "conj" and g.predicate == "attack" and V.family(f.predicate) in V.CASUALTY_FAMILIES \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) \
                and places.get(f.token.i) is None:
            # the attacked place (a mention spaCy mislabels is checked against its entity's type in reconcile)
            places[f.token.i] = next((m for m in g.objects if m.label in PLACE_LABELS | {"PERSON", "ORG"}), None)


def _counted(found: list[_Found], quantities: dict, parts: dict):
    """(trigger, count, is a part) for every claim a sentence gives: one per count of a trigger (or one
    without a count), each total followed by the parts "including ..." names of it."""
    for f in found:
        for q in quantities.get(f.token.i) or [None]:
            yield f, q, False
            for p in parts.get(id(q), ()) if q is not None else ():
                yield f, p, True


def _part_objects(f: _Found, part: Quantity, index: _Index) -> list[Mention]:
    """The participants of a part ("including 63 Canadians"): the names inside its own count phrase."""
    return [m for m in index.mentions if part.start <= m.start and m.end <= part.end
            and m.label in PARTICIPANT_LABELS and m.label not in PLACE_LABELS]


def _objects_of(f: _Found, quantity: Quantity | None, all_counts: list[Quantity] | None) -> list[Mention]:
    """A trigger with several counts ("14 Germans and 9 Austrians were among the victims") gives one
    claim per count: each keeps the participants named inside its own count's phrase."""
    if quantity is None or not all_counts or len(all_counts) < 2:
        return f.objects
    return [m for m in f.objects if quantity.start <= m.start < quantity.end]


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))
