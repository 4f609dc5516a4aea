"""Counted actions: a verb outside the vocabulary that is told as done to a counted thing ("212 operations
were postponed", "the company recalled 40,000 cars", "61 patients transferred to other hospitals"). The lemma
is the predicate; the count is the count of its object. Only a realised clause is read: no modal, negation,
infinitive, condition or question, and the past tense or a participle."""
from __future__ import annotations

from ...lexicon import vocabulary as V
from ...lexicon.speech import ATTRIBUTION_VERBS
from .records import _Found, _Index
from .tree import _irrealis

# Dependencies by which the counted noun is what the verb acts on.
_ACTED_ON = frozenset(("dobj", "nsubjpass"))


def counted_governors(doc, index: _Index) -> list[int]:
    """Token indices of the verbs a counted noun phrase hangs on as object, passive subject, or whose past
    participle modifies it ("61 patients transferred to ..."): the candidates ``counted_action`` reads."""
    out = set()
    for q in index.quantities:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        if root.dep_ in _ACTED_ON and root.head.pos_ == "VERB":
            out.add(root.head.i)
        for c in root.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                out.add(c.i)
    return sorted(out)


def _counted_noun(tok, index: _Index):
    """The counted noun token the verb acts on, when it is a quantity's head: (token, quantity) or None."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        args = [tok.head]
    else:
        args = [c for c in tok.children if c.dep_ in _ACTED_ON]
    for a in args:
        q = next((q for q in index.quantities if q.start <= a.idx < q.end), None)
        if q is None or q.value is None and q.low is None:
            continue
        unit = (q.unit or "").lower()
        if unit in V.TIME_UNITS or unit.rstrip("s") in V.TIME_UNITS or unit in V.COUNTED_NOT_THINGS:
            continue
        if any(t.start <= q.start < t.end for t in index.times):
            continue  # a date or a span of time, not a count
        return a, q
    return None


def _realised(tok) -> bool:
    """Told as done: past tense or participle, not under a modal, negation or infinitive, not in a condition,
    a purpose or a question, and not the complement of a verb of wanting or planning."""
    if tok.tag_ not in ("VBD", "VBN"):
        return False
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.tag_ == "VBN" and tok.dep_ != "acl":
        if not auxes:
            return False  # a bare participle heading a clause ("given 12 ...") says too little of its time
        if not any(a.tag_ == "VBD" or a.lemma_.lower() == "have" for a in auxes):
            return False  # a present passive tells a state ("three ferries are tied up"), not a deed
    if _irrealis(tok) or any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "lest")
                             for c in tok.children):
        return False
    head = tok.head
    if tok.dep_ == "conj" and head is not tok and (_irrealis(head) or head.tag_ not in ("VBD", "VBN")):
        return False  # "could postpone and cancel ...": the modal of the first conjunct holds the second
    if tok.dep_ == "acl" and (head.dep_ == "nsubj" and head.head.lemma_.lower() in V.COUNTED_NOT_ACTIONS):
        return False
    return not str(tok.sent).rstrip().endswith("?")


def counted_action(tok, index: _Index) -> _Found | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma in V.COUNTED_NOT_ACTIONS or lemma in ATTRIBUTION_VERBS or lemma in V.FAMILY:
        return None
    if not lemma.isalpha() or not _realised(tok):
        return None
    found = _counted_noun(tok, index)
    if found is None:
        return None
    noun, _ = found
    if noun.lemma_.lower() in _READ_ELSEWHERE or noun.lower_ in _READ_ELSEWHERE:
        return None  # "six bodies recovered", "the victims identified": the vocabulary's own nouns read them
    f = _Found(tok, lemma, victims=noun if tok.dep_ == "acl" else None)
    particle = next((c for c in tok.children if c.dep_ == "prt"), None)
    if particle is not None:  # "laid off 300 workers", "300 workers were laid off": the verb is both words
        f.predicate = f"{lemma} {particle.lower_}"
        if particle.i == tok.i + 1:  # written together: the trigger's words run to the particle's end
            f.words = f"{tok.text}{tok.whitespace_}{particle.text}"
    return f


# Counted nouns the vocabulary reads through its own triggers (bodies found, victims listed, event nouns).
_READ_ELSEWHERE = V.BODY_NOUNS | V.VICTIM_NOUNS | frozenset(V.NOUN_TRIGGERS) | frozenset(("bodies", "corpses"))
