"""Counted actions: a verb outside the vocabulary that is told as done to a counted thing ("212 operations
were postponed", "the company recalled 40,000 cars", "61 patients transferred to other hospitals"). The lemma
is the predicate; the count is the count of its object. Only a realised clause is read: no modal, negation,
infinitive, condition or question, and the past tense or a participle."""
from __future__ import annotations

import re

from ...lexicon import vocabulary as V
from ...lexicon.speech import ATTRIBUTION_VERBS
from .records import _Found, _Index
from ..quantities import elided_noun
from ..spans import doc_text
from .tree import _irrealis

_SCORE = re.compile(r"\d\s*[-–]\s*\d")

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
        money = bool(q.unit) and len(q.unit) == 3 and q.unit.isupper()  # currencies are ISO codes
        elided = elided_noun(a) is not None  # "... and 27 were trapped": the conjoined clause's counted noun
        if not money and not elided and (a.pos_ == "NUM" or not a.text.isalpha() or len(a.text) < 2):
            continue  # a bare number ("completed 29", "911 dialled") does not say what it counts
        if unit in V.MEASURE_UNITS or unit.rstrip("s") in V.MEASURE_UNITS:
            continue  # a distance, a weight or a share ("ran 86 yards"), not things acted on
        if not elided and not _counts(a, money):
            continue  # the number counts a word inside the phrase ("a .38 calibre gun", "a $2m necklace")
        if _SCORE.search(doc_text(tok.doc)[max(0, q.start - 8):q.end]):
            continue  # a score or a record ("a 14-0 deficit", "a 45-7-2 record"), not a count
        if unit in V.TIME_UNITS or unit.rstrip("s") in V.TIME_UNITS or unit in V.COUNTED_NOT_THINGS:
            continue
        if any(t.start <= q.start < t.end for t in index.times):
            continue  # a date or a span of time, not a count
        return a, q
    return None


_VAGUE_HEADS = frozenset(("hundreds", "thousands", "dozens", "millions", "scores", "dozen", "tens"))


def _counts(noun, money: bool) -> bool:
    """Whether the quantity counts ``noun`` itself: a number hangs on it ("212 operations"), or it is the amount
    of money ("$4.5 million"), or a vague number with what it counts after "of" ("hundreds of shops")."""
    nums = [c for c in noun.children if c.dep_ in ("nummod", "quantmod")]
    if nums and not money and noun.tag_ in ("NN", "NNP") and any(n.lower_ not in ("1", "one") for n in nums):
        return False  # a number before a singular noun names it ("the 737 jet", "the 911 call"): no count
    if nums:  # a number joined on by a hyphen makes a word of its own: "a four-by-four car", "a six-round bout"
        doc = noun.doc
        return not any(n.i + 1 < len(doc) and doc[n.i + 1].text in ("-", "–") and not doc[n.i].whitespace_
                       for n in nums)
    numeric = noun.like_num or noun.pos_ == "NUM" or noun.lower_ in _VAGUE_HEADS
    of_noun = any(c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")
                                                                 for p in c.children) for c in noun.children)
    return numeric and (money or of_noun)


def _told_as_done(tok) -> bool:
    """A perfect infinitive under a verb of saying or believing tells the deed as done, by someone's account
    ("claims to have copied 2 terabytes", "is believed to have infected 6,000 computers"): no modal, no negation."""
    kids = list(tok.children)
    return (tok.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
            and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids)
            and not any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in V.MODALS) for c in kids)
            and (tok.head.lemma_.lower() in V.RAISING_VERBS or tok.head.lemma_.lower() in ATTRIBUTION_VERBS)
            and not _irrealis(tok.head))


def _obliged(tok) -> bool:
    """An obligation laid down: "must" and the base form, nothing else modal, negated or perfect ("the club must
    repay 2 million", not "must have repaid", "must not repay", "must be able to repay")."""
    kids = list(tok.children)
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "must" for c in kids) and not any(
        c.dep_ == "neg" or (c.dep_ in ("aux", "auxpass") and c.lower_ != "must") for c in kids)


def _realised(tok) -> bool:
    """Told as done: past tense or participle, not under a modal, negation or infinitive, not in a condition,
    a purpose or a question, and not the complement of a verb of wanting or planning."""
    if _obliged(tok):
        return not any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "lest") for c in tok.children)
    if tok.tag_ not in ("VBD", "VBN"):
        return False
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.tag_ == "VBN" and tok.dep_ != "acl":
        if not auxes:
            return False  # a bare participle heading a clause ("given 12 ...") says too little of its time
        if not any(a.tag_ == "VBD" or a.lemma_.lower() == "have" for a in auxes):
            return False  # a present passive tells a state ("three ferries are tied up"), not a deed
    if _irrealis(tok) and not _told_as_done(tok):
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "lest") for c in tok.children):
        return False
    head = tok.head
    if tok.dep_ == "conj" and head is not tok and (_irrealis(head) or head.tag_ not in ("VBD", "VBN")):
        return False  # "could postpone and cancel ...": the modal of the first conjunct holds the second
    if tok.dep_ == "acl" and (head.dep_ == "nsubj" and head.head.lemma_.lower() in V.COUNTED_NOT_ACTIONS):
        return False
    sent = tok.sent
    return not doc_text(tok.doc)[sent.start_char:sent.end_char].rstrip().endswith("?")


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
    conjuncts = [tok]
    while conjuncts[-1].dep_ == "conj" and conjuncts[-1].head is not conjuncts[-1] and len(conjuncts) < 4:
        conjuncts.append(conjuncts[-1].head)  # "during the run he scored three and blocked two": the first verb's
    if tok.sent[0].lower_ in _PART_OF_TIME or any(c.dep_ == "prep" and c.lower_ in _PART_OF_TIME
                                                  for t in conjuncts for c in t.children):
        return None  # "during the deciding run he blocked two shots": a count of a part of the happening
    if noun.lemma_.lower() in _READ_ELSEWHERE or noun.lower_ in _READ_ELSEWHERE:
        return None  # "six bodies recovered", "the victims identified": the vocabulary's own nouns read them
    f = _Found(tok, lemma, victims=noun)  # its count is the count of this noun, and of no other
    first, last = tok, tok  # the trigger's words as written
    particle = next((c for c in tok.children if c.dep_ == "prt"), None)
    if particle is not None:  # "laid off 300 workers", "300 workers were laid off": the verb is both words
        f.predicate = f"{lemma} {particle.lower_}"
        last = particle if particle.i == tok.i + 1 else tok
    if _obliged(tok):  # an obligation is its own claim, never the deed done: "must repay", written so
        f.predicate = f"must {f.predicate}"
        must = next(c for c in tok.children if c.dep_ == "aux" and c.lower_ == "must")
        first = must if must.i == tok.i - 1 else tok
    if (first, last) != (tok, tok):
        f.words = doc_text(tok.doc)[first.idx:last.idx + len(last.text)]
        f.words_start = first.idx
    return f


# Prepositions that narrow the time of a count to a stretch of the happening ("during the second half").
_PART_OF_TIME = frozenset(("during", "within"))
# Counted nouns the vocabulary reads through its own triggers (bodies found, victims listed, event nouns).
_READ_ELSEWHERE = V.BODY_NOUNS | V.VICTIM_NOUNS | frozenset(V.NOUN_TRIGGERS) | frozenset(("bodies", "corpses"))
