"""Re-parse: clauses the parser left without their subject, parsed again on their own for the event
claims the sentence's parse missed."""
from __future__ import annotations

from ...lexicon import vocabulary as V
from ...model import Claim, Document
from .records import _Index
from .sentence import _sentence_claims
from .triggers import _candidates


_FINITE = frozenset(("VBD", "VBZ", "VBP", "MD"))
_SUBJECTS = frozenset(("nsubj", "nsubjpass", "expl", "csubj", "csubjpass"))


def _orphan_clauses(sent) -> list[tuple[int, int]]:
    """Clauses the parser lost the subject of: a finite verb with its auxiliary, no subject, hung as a
    complement (ccomp, parataxis) on another verb, after a coordinator ("... the killing of 40 villagers and
    seven, including five women were taken hostage": "were taken" hangs on the first verb and "seven" on
    "villagers"). English gives a finite clause a subject, so the words between the coordinator and the
    auxiliary are one that the parse misplaced: (start, end) characters from the word after the coordinator
    to the end of the sentence, to be parsed on their own."""
    out = []
    doc = sent.doc
    for v in sent:
        if v.pos_ not in ("VERB", "AUX") or v.dep_ not in ("ccomp", "parataxis"):
            continue
        if any(c.dep_ in _SUBJECTS for c in v.children):
            continue
        aux = next((c for c in v.children if c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE and c.i < v.i), None)
        if aux is None:
            continue
        k = aux.i - 1
        while k > sent.start and doc[k].dep_ != "cc" and doc[k].text != ";":
            if doc[k].tag_ in _FINITE:
                break  # another finite verb first: not a lost subject
            k -= 1
        if k <= sent.start or not (doc[k].dep_ == "cc" or doc[k].text == ";"):
            continue
        words = doc[k + 1: aux.i]
        if any(t.pos_ in ("NOUN", "PROPN", "NUM", "PRON") for t in words):
            out.append((doc[k + 1].idx, sent.end_char))
    return out


def _reparsed_claims(nlp, text: str, start: int, end: int, document: Document, index: _Index, start_number: int,
                     known: set) -> list[Claim]:
    """Event claims of a clause parsed on its own. The clause is parsed behind blank space as long as the
    text before it, so its offsets are the document's and every record is found where it is; only triggers
    the sentence's own parse gave no claim are kept."""
    doc = nlp(" " * start + text[start:end])
    first = next((t.i for t in doc if not t.is_space), len(doc))
    span = doc[first:]
    if not len(span):
        return []
    candidates = [i for i in _candidates(doc) if i >= first]
    out = []
    for c in _sentence_claims(span, document, index, 0, candidates):
        if V.family(c.predicate) in ("position", "member", "statement") or (c.trigger_start, c.predicate) in known:
            continue
        c.id = f"{document.id}:c{start_number + len(out)}"
        out.append(c)
    return out
