"""Finding the triggers: tokens whose lemma or word is in the vocabulary, each given its predicate
unless negated, said of an event that did not happen, or ruled out by the parse."""
from __future__ import annotations

from spacy.attrs import LEMMA, LOWER

from ...lexicon import vocabulary as V
from ..spans import indices_where_lower
from .mentions import _mention_in_phrase, _of_mention
from .records import _Found, _Index
from .roles import _joined, _role_trigger


def _candidates(doc) -> list[int]:
    """Indices of the tokens ``_trigger`` can accept, read from attribute arrays: every lemma and word
    of the vocabulary (read at call time, as users may extend it), and the first part of hyphenated roles."""
    lemmas = {*V.VERB_TRIGGERS, *(verb for verb, _ in V.PHRASE_TRIGGERS), *V.ROLE_NOUNS, *V.MEMBER_NOUNS,
              *V.NOUN_TRIGGERS, *V.VICTIM_NOUNS, *V.DECLARE_VERBS, *V.SERVE_VERBS, "toll"}
    words = {*V.NOUN_TRIGGERS, *V.ROLE_NOUNS, *(role.split("-")[0] for role in V.ROLE_NOUNS), *V.VICTIM_NOUNS}
    return sorted(set(indices_where_lower(doc, LEMMA, lemmas)) | set(indices_where_lower(doc, LOWER, words)))


def _unrealised(tok) -> bool:
    """An event planned, threatened, prevented or called for ("planning attacks", "vowed to attack",
    "to stop those attacks"): said of a future or a possibility, it did not happen."""
    t = tok
    for _ in range(3):
        if t.dep_ in ("dobj", "xcomp", "pobj", "prep", "nsubjpass") or (t.dep_ == "conj" and t is tok):
            t = t.head
            if t.lemma_.lower() in V.UNREALISED_GOVERNORS:
                return True
            continue
        break
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and tok.head.lemma_.lower() in \
        V.UNREALISED_GOVERNORS


def _triggers(doc, candidates: list[int], index: _Index) -> list[_Found]:
    found: list[_Found] = []
    for tok in (doc[i] for i in candidates):
        if tok.dep_ == "neg" or any(c.dep_ == "neg" for c in tok.children) and tok.pos_ in ("VERB", "AUX"):
            continue
        if _unrealised(tok):
            continue
        f = _trigger(tok, index)
        if f is not None:
            found.append(f)
    return found


def _trigger(tok, index: _Index) -> _Found | None:
    lemma = tok.lemma_.lower()
    if tok.dep_ == "compound":  # "execution-style killing": the head is the trigger
        return None
    if lemma in V.VICTIM_NOUNS or tok.lower_ in V.VICTIM_NOUNS:
        return _victim_list(tok)
    if lemma == "toll" and tok.pos_ == "NOUN" and any(c.dep_ == "compound" and c.lemma_.lower() == "death"
                                                       for c in tok.children):
        return _Found(tok, "kill")  # "the death toll rose to 52": its count comes through the verb (see _tolls)
    if tok.pos_ in ("VERB", "AUX"):
        if lemma in V.DECLARE_VERBS:
            declared = _declared(tok)
            if declared:
                return _Found(tok, "declare", role=declared)
        if lemma in V.SERVE_VERBS and any(_superior(p, index) for c in tok.children if c.dep_ == "prep"
                                          and c.lower_ in V.SERVE_PREPS for p in c.children if p.dep_ == "pobj"):
            return _Found(tok, "serve")
        for child in tok.children:
            if child.dep_ in ("dobj", "attr", "oprd", "npadvmod", "prt", "xcomp") or (
                    child.dep_ == "prep" and lemma == "carry"):  # xcomp: "took 12 people hostage"
                target = child if child.dep_ != "prep" else next((c for c in child.children), child)
                pred = V.PHRASE_TRIGGERS.get((lemma, target.lemma_.lower()))
                if pred:
                    return _Found(tok, pred, time_relation="start" if pred == "command" else None)
        pred = V.VERB_TRIGGERS.get(lemma)
        if pred is None:
            return None
        if lemma in V.NEEDS_OBJECT and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
            return None
        if pred == "statement" and not any(c.dep_ in ("ccomp", "dobj", "parataxis") for c in tok.children) \
                and not index.quote_at(tok.idx):
            if not any(c.dep_ == "nsubj" for c in tok.children):
                return None
        return _Found(tok, pred, time_relation="start" if pred == "appoint" else None)
    if tok.pos_ in ("NOUN", "PROPN"):
        if lemma in V.ROLE_NOUNS or _joined(tok) in V.ROLE_NOUNS:
            return _role_trigger(tok, index)
        if lemma in V.MEMBER_NOUNS and _of_mention(tok, index):
            return _role_trigger(tok, index, predicate="member")
        pred = V.NOUN_TRIGGERS.get(lemma) or V.NOUN_TRIGGERS.get(tok.text.lower())
        if pred == "abduct" and lemma == "hostage":
            if not any(t.lemma_.lower() in ("take", "hold") for t in (tok.head, *tok.head.children)):
                return None
        if pred:
            return _Found(tok, pred)
    return None


def _superior(tok, index: _Index) -> bool:
    """Whether "under X" names someone to serve under: a name, a pronoun, an authority noun ("under his
    command") or a noun phrase naming a person ("under head coach X"); "worked under pressure", "under
    contract" name no one."""
    if tok.pos_ in ("PROPN", "PRON") or tok.lemma_.lower() in V.AUTHORITY_NOUNS:
        return True
    m = _mention_in_phrase(tok, index)
    return m is not None and m.label == "PERSON"


def _declared(tok) -> str | None:
    """What a declaring verb puts in force, as written without its determiner ("three days of national
    mourning", "state of emergency", "curfew"), when its object (or passive subject) is a state in
    ``DECLARED_NOUNS`` or a span or state of one; else None ("announced a plan" declares nothing)."""
    target = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if target is None:
        return None
    thing = target if _declared_noun(target) else None
    if thing is None and target.lemma_.lower() in V.DECLARED_SPANS:
        thing = next((p for c in target.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj" and _declared_noun(p)), None)
    if thing is None:
        return None
    first = min([target.i, *(t.i for c in target.lefts if c.dep_ in ("nummod", "amod", "compound", "quantmod")
                             for t in c.subtree)])
    return tok.doc[first: thing.i + 1].text


def _declared_noun(tok) -> bool:
    lemma = tok.lemma_.lower()
    if lemma == "law":
        return any(c.lower_ == "martial" for c in tok.children) and "martial law" in V.DECLARED_NOUNS
    return lemma in V.DECLARED_NOUNS or tok.lower_ in V.DECLARED_NOUNS  # "mourning" is tagged a verb at times


def _victim_list(tok) -> _Found | None:
    """Casualty lists: "X were among the victims (the dead)", "the victims (the dead) included X"."""
    if tok.pos_ not in ("NOUN", "PROPN", "ADJ") or not any(c.dep_ == "det" for c in tok.children):
        return None
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "among" and head.head.lemma_.lower() == "be":
        verb = head.head
        victims = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    elif tok.dep_ == "nsubj" and head.lemma_.lower() == "include":
        verb = head
        victims = next((c for c in verb.children if c.dep_ == "dobj"), None)
    else:
        return None
    if victims is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    return _Found(tok, "kill", victims=victims, via=verb)
