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
    subject: str, document: str, text: str, start: int, end: int, spans: list[tuple[int, int, str]],
    not_objects: set[str] = frozenset(),
) -> list[Relation]:
    """Role relations stated in ``text[start:end]`` (a descriptor of entity ``subject``).

    ``spans`` are the document's resolved name spans ``(start, end, entity)`` sorted by
    start; entities in ``not_objects`` (nationalities) are never objects. The object is the first name after "<role> of" that is not a possessor
    ("chief of Iraq's Kata'ib Hezbollah" -> Kata'ib Hezbollah) and not the subject.
    """
    out = []
    starts = [s for s, _, _ in spans]
    segment = text[start:end]
    for m in _ROLE.finditer(segment):
        if not _heads_descriptor(segment[: m.start()]):
            continue
        after = start + m.end()
        i = bisect_left(starts, after)
        for k, (s, e, entity) in enumerate(spans[i:], start=i):
            if s >= end:
                break
            if entity == subject or entity in not_objects or _is_modifier(text, s, e, spans[k + 1:k + 2]):
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


# Words that may follow the object of "<role> of X" without making X a modifier.
_AFTER_OBJECT = frozenset(
    "since in on at from and or until who which that when for with to by as after before during was is has had "
    "were are have until between".split()
)
_NOT_PREMODIFIER = re.compile(r"\b(?:of|for|against|in|on|at|with|by|from|to|and|or|who|which|that|was|is)\b", re.I)


def _heads_descriptor(prefix: str) -> bool:
    """The role noun heads the descriptor: only determiners and adjectives before it ("the notorious")."""
    return len(prefix.split()) <= 4 and not _NOT_PREMODIFIER.search(prefix)


def _is_modifier(text: str, s: int, e: int, following: list[tuple[int, int, str]]) -> bool:
    """A name that only modifies the object: a possessor ("Iraq's", "Corps'"), a parenthesised
    acronym, or the first of two names in a row ("Iraq Kata'ib Hezbollah")."""
    if re.match(r"['\u2019](?:s\b|\s|\()", text[e:e + 2]) or text[max(0, s - 1):s] == "(":
        return True
    nxt = re.match(r" ([a-z]+)\b", text[e:e + 30])
    if nxt and " " not in text[s:e].strip() and nxt.group(1) not in _AFTER_OBJECT:
        return True  # a one-word name before a common noun: "the Velmoran army", "the Iranian regime"
    return bool(following) and following[0][0] - e <= 1 and following[0][0] >= e


def born_relation(subject: str, name: str, document: str, start: int, end: int) -> Relation:
    """"X, born NAME": the birth name as a literal object."""
    return Relation(subject=subject, relation="born", object=None, object_text=name, document=document, start=start, end=end)
