"""Relations the text states between entities: "commander of", "deputy commander of", "leader of", "born".

A relation is read off a descriptor (apposition or predicate nominal) whose head
is a role noun followed by "of" and another entity's name ("Soleimani, the
commander of the Quds Force"), or off "born NAME" alias evidence. Each relation
keeps the span of the words that state it.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..model import Relation

# Role nouns (lower case) -> relation name. A small documented lexicon.
ROLE_RELATIONS = {
    "commander": "commander of",
    "head": "leader of",
    "chief": "leader of",
    "leader": "leader of",
    "secretary-general": "leader of",
    "secretary general": "leader of",
    "president": "leader of",
    "chairman": "leader of",
    "chairwoman": "leader of",
    "director": "leader of",
    "founder": "founder of",
    "member": "member of",
    "spokesman": "spokesperson of",
    "spokeswoman": "spokesperson of",
    "spokesperson": "spokesperson of",
}
_ROLE = re.compile(
    r"\b(?P<deputy>(?:deputy|vice|assistant)[\s-]+)?(?P<role>"
    + "|".join(sorted((re.escape(r).replace(r"\ ", r"\s+") for r in ROLE_RELATIONS), key=len, reverse=True))
    + r")s?\s+of\b",
    re.I,
)


def relation_name(role: str, deputy: bool) -> str:
    """"commander", deputy -> "deputy commander of"; "chief" -> "leader of"."""
    base = ROLE_RELATIONS[" ".join(role.lower().split())]
    if deputy and base in ("commander of", "leader of"):
        return "deputy " + base
    return base


def relations_from_descriptor(
    subject: str, document: str, text: str, start: int, end: int, spans: list[tuple[int, int, str]]
) -> list[Relation]:
    """Role relations stated in ``text[start:end]`` (a descriptor of entity ``subject``).

    ``spans`` are the document's resolved name spans ``(start, end, entity)`` sorted by
    start. The object is the first name after "<role> of" that is not a possessor
    ("chief of Iraq's Kata'ib Hezbollah" -> Kata'ib Hezbollah) and not the subject.
    """
    out = []
    starts = [s for s, _, _ in spans]
    segment = text[start:end]
    for m in _ROLE.finditer(segment):
        after = start + m.end()
        i = bisect_left(starts, after)
        for s, e, entity in spans[i:]:
            if s >= end:
                break
            if entity == subject or re.match(r"['\u2019]s\b", text[e:e + 2]):
                continue
            out.append(
                Relation(
                    subject=subject,
                    relation=relation_name(m.group("role"), bool(m.group("deputy"))),
                    object=entity,
                    object_text=text[s:e],
                    document=document,
                    start=start + m.start(),
                    end=e,
                )
            )
            break
    return out


def born_relation(subject: str, name: str, document: str, start: int, end: int) -> Relation:
    """"X, born NAME": the birth name as a literal object."""
    return Relation(subject=subject, relation="born", object=None, object_text=name, document=document, start=start, end=end)
