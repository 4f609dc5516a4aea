"""Claims speak of entities: each phase-1 Claim (mention ids) made a ResolvedClaim (entity ids), and entities
named for statements."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields

from ..model import DocAnalysis, Entity, Mention, ResolvedClaim

PLACE_TYPES = frozenset(("GPE", "LOC", "FAC"))
_POSSESSIVE = re.compile(r"\s*['’]s?$")
_STRIP = re.compile(r"^(the|a|an)\s+|['’]s$|[^\w\s-]", re.IGNORECASE)


def text_key(text: str) -> str:
    """A fallback entity id for a mention no entity claims: its normalised text."""
    t = " ".join(text.split()).lower()
    t = _STRIP.sub("", t).strip()
    return "text:" + re.sub(r"\s+", " ", t)


@dataclass
class Names:
    """Entity id -> display name and type (entities first, unresolved mention texts as a fallback)."""

    name: dict[str, str] = field(default_factory=dict)
    type: dict[str, str] = field(default_factory=dict)
    # (claim id, entity id) -> the mention's text in that claim: statements name participants as the
    # evidence writes them, so a statement never says what its own evidence does not
    surface: dict[tuple[str, str], str] = field(default_factory=dict)
    # entity id -> the Entity (its aliases, descriptors and relations say which actors belong together)
    entities: dict[str, Entity] = field(default_factory=dict)
    # nationality words as the documents write them ("Ostrandian"), whatever entity resolution made of them
    nationalities: set[str] = field(default_factory=set)

    def as_written(self, claim_id: str, entity_id: str | None) -> str:
        """The participant as the claim's sentence writes it, without a possessive ending ("the Helsinki
        Committee's director": the committee is "Helsinki Committee")."""
        if entity_id is None:
            return ""
        written = self.surface.get((claim_id, entity_id))
        return _POSSESSIVE.sub("", written) if written else self.of(entity_id)

    def is_named(self, entity_id: str | None) -> bool:
        """A participant that names someone: not a nationality or group adjective ("Iraqi", "American"),
        nor a fragment of a headline or list taken for a name ("• Massacre", "Killing of X": a name
        does not open with an event noun), nor words with no capital letter."""
        if not entity_id or self.type.get(entity_id) == "NORP":
            return False
        name = self.of(entity_id)
        if any(ch in name for ch in "•|") or "http" in name.lower() or name.islower():
            return False  # a list or page fragment, or no capital at all ("a meth lab"): no name
        from ..lexicon.vocabulary import NOUN_TRIGGERS

        first = name.split()[0].lower() if name.split() else ""
        return first not in NOUN_TRIGGERS

    def of(self, entity_id: str | None) -> str:
        if entity_id is None:
            return ""
        return self.name.get(entity_id) or entity_id.removeprefix("text:")

    def is_person(self, entity_id: str) -> bool:
        return self.type.get(entity_id) == "PERSON"


_LEADING = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


def _written(text: str) -> str:
    """A mention's text as a statement shows it: one line, without a leading article."""
    return _LEADING.sub("", " ".join(text.split()))


def entity_of(mention: Mention) -> str:
    return mention.entity or text_key(mention.text)


# The fields a ResolvedClaim takes from its Claim unchanged: all but the participants.
PARTICIPANT_FIELDS = ("subject", "objects", "place", "attributed_to")
_AS_WRITTEN = tuple(f.name for f in fields(ResolvedClaim) if f.name not in PARTICIPANT_FIELDS)


def resolve_claims(analyses: Iterable[DocAnalysis], entities: list[Entity]) -> tuple[list[ResolvedClaim], Names]:
    """A ResolvedClaim for every phase-1 claim, in document order: subject, objects, place and attributed_to
    read as the entities of their mentions. The phase-1 claims are left as they are."""
    names = Names()
    for e in entities:
        names.name[e.id] = e.name
        names.type[e.id] = e.type
        names.entities[e.id] = e
    claims: list[ResolvedClaim] = []
    for analysis in analyses:
        mentions = {m.id: m for m in analysis.mentions}
        for m in analysis.mentions:
            key = entity_of(m)
            names.name.setdefault(key, m.text)
            names.type.setdefault(key, m.label)
            if m.label == "NORP" and " " not in m.text.strip():
                names.nationalities.add(m.text.strip())

        def to_entity(ref: str | None) -> str | None:
            if ref is None:
                return None
            m = mentions.get(ref)
            if m is None:
                return ref  # not a mention of this document: kept as given
            key = entity_of(m)
            names.surface[(claim_id, key)] = _written(m.text)
            return key

        for c in analysis.claims:
            claim_id = c.id
            subject = to_entity(c.subject)
            objects = list(dict.fromkeys(o for o in (to_entity(x) for x in c.objects) if o and o != subject))
            place = to_entity(c.place)
            if place and names.type.get(place) not in PLACE_TYPES:
                place = None  # the mention looked like a place, the entity is not one (a person tagged GPE)
            attributed_to = to_entity(c.attributed_to)
            claims.append(ResolvedClaim(**{f: getattr(c, f) for f in _AS_WRITTEN}, subject=subject, objects=objects,
                                        place=place, attributed_to=attributed_to))
    return claims, names
