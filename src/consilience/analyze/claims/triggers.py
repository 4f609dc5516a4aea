"""Finding the triggers: tokens whose lemma or word is in the vocabulary, each given its predicate
unless negated, said of an event that did not happen, or ruled out by the parse."""
from __future__ import annotations

from spacy.attrs import LEMMA, LOWER

from ...lexicon import vocabulary as V
from ..spans import indices_where_lower
from .counted import counted_action
from .mentions import _mention_in_phrase, _of_mention
from .participants import _governing_subject
from .records import _Found, _Index
from .roles import _joined, _role_trigger, _title_role
from .tree import _irrealis, _raised_subject


def _candidates(doc) -> list[int]:
    """Indices of the tokens ``_trigger`` can accept, read from attribute arrays: every lemma and word
    of the vocabulary (read at call time, as users may extend it), and the first part of hyphenated roles."""
    lemmas = {*V.VERB_TRIGGERS, *(verb for verb, _ in V.PHRASE_TRIGGERS), *V.ROLE_NOUNS, *V.MEMBER_NOUNS,
              *V.NOUN_TRIGGERS, *V.VICTIM_NOUNS, *V.DECLARE_VERBS, *V.SERVE_VERBS, "toll", *V.BODY_NOUNS,
              *V.RESCUE_PULL_VERBS, "carry", *V.VOTE_VERBS, *V.TURNOUT_NOUNS,
              *V.PAY_VERBS, *V.CONTRACT_VERBS, "fin", *V.TEST_VERBS}
    words = {*V.NOUN_TRIGGERS, *V.TURNOUT_NOUNS, "fined", *V.ROLE_NOUNS, *(role.split("-")[0] for role in V.ROLE_NOUNS), *V.VICTIM_NOUNS,
             *V.BODY_NOUNS, *V.ABOARD_WORDS}
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
        if _unrealised(tok) or _disagrees_with_subject(tok):
            continue
        f = _trigger(tok, index)
        if f is not None:
            found.append(f)
    return found


def _disagrees_with_subject(tok) -> bool:
    """A plural-form present verb (VBP) whose subject is one singular noun is a noun the parser read as a verb:
    in "EMS head Lewan Gelaschwili rejected ..." the title "head" became a verb with "EMS" heading the man.
    English agreement rules it out ("EMS heads ..."), so no claim is read from it."""
    if tok.tag_ != "VBP":
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return (subj is not None and subj.tag_ in ("NN", "NNP") and not any(c.dep_ == "conj" for c in subj.children)
            and subj.lower_ not in ("police", "people"))


def _trigger(tok, index: _Index) -> _Found | None:
    lemma = tok.lemma_.lower()
    if tok.dep_ == "compound":  # "execution-style killing": the head is the trigger
        if tok.pos_ in ("NOUN", "PROPN") and (lemma in V.ROLE_NOUNS or tok.lower_ in V.ROLE_NOUNS):
            return _title_role(tok, index)  # "Captain X", "South Sulawesi Governor X": the title before the name
        return None
    if tok.lower_ in V.ABOARD_WORDS:
        return _aboard(tok, index)
    if lemma in V.BODY_NOUNS or lemma == "victim":
        found = _bodies(tok)
        if found is not None or lemma in V.BODY_NOUNS:
            return found
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
        if lemma == "carry":
            return _carrying(tok, index)
        if lemma in V.TEST_VERBS and (test := _positive_test(tok, index)) is not None:
            return test
        money = _money(tok, index)
        if money is not None:
            return money
        if lemma in V.PAY_VERBS and lemma not in V.VERB_TRIGGERS:
            return None
        if lemma in V.VOTE_VERBS:
            share = _vote_share(tok, index)
            if share is not None or lemma not in V.VERB_TRIGGERS:
                return share
        if lemma in V.RESCUE_PULL_VERBS and lemma not in V.VERB_TRIGGERS:
            return _Found(tok, "rescue") if _pulled_out(tok) else None
        if lemma in V.HOLD_VERBS:
            return _Found(tok, "arrest") if _held(tok, index) else None
        pred = V.VERB_TRIGGERS.get(lemma)
        if pred is None:
            return counted_action(tok, index)
        if pred == "seize" and _taken_person(tok, index):
            pred = "arrest"  # "seized the opposition leader": a detention, told of with the same family
        if lemma in V.NEEDS_OBJECT and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
            return None
        if pred in ("rescue", "evacuate") and _irrealis(tok):
            return None  # "could rescue", "to evacuate 10,000 people": not done
        if pred == "statement" and not any(c.dep_ in ("ccomp", "dobj", "parataxis") for c in tok.children) \
                and not index.quote_at(tok.idx):
            if not any(c.dep_ == "nsubj" for c in tok.children):
                return None
        return _Found(tok, pred, time_relation="start" if pred == "appoint" else None)
    if tok.pos_ in ("NOUN", "PROPN") and (lemma in V.TURNOUT_NOUNS or tok.lower_ in V.TURNOUT_NOUNS):
        return _turnout(tok, index)
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


def _bodies(tok) -> _Found | None:
    """The dead counted through their bodies: a body noun (or "victims" after "identify") as the object or
    passive subject of a verb of finding or recovering, told as done ("recovered the bodies of 27 people",
    "11 bodies were found", "identified 31 victims"; not "to recover the bodies", "no bodies were found").
    The body noun is the trigger and its phrase the victims: the finder is not the killer, and the time and
    place of the finding are not those of the death (a body found on Tuesday, floating far off)."""
    verb = tok.head
    if tok.dep_ not in ("dobj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return None
    if (verb.lemma_.lower(), tok.lemma_.lower()) not in V.BODY_PHRASES:
        return None
    if _irrealis(verb) or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return None
    return _Found(tok, "kill", victims=tok, undated=True)


def _pulled_out(tok) -> bool:
    """A verb of pulling that rescues: its object is pulled "from"/"out of" water, wreckage or fire ("pulled 14
    people from the sea"); "pulled its troops from the country" is no rescue."""
    if _irrealis(tok) or not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        return False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "out"):
            for p in c.subtree:
                if p.dep_ == "pobj" and p.lemma_.lower() in V.RESCUE_SOURCES:
                    return True
    return False


def _people(tok):
    """The noun naming the people of a phrase: "88 passengers and crew", "a total of 88 passengers"; None
    when it names no people ("carried 40 tonnes of cement")."""
    if tok.lemma_.lower() in ("total", "number"):
        tok = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj"), tok)
    if tok.lemma_.lower() == "member":  # "12 crew members", not "27 member states" or "members of the board"
        return tok if any(c.dep_ == "compound" and c.lemma_.lower() == "crew" for c in tok.children) else None
    return tok if tok.lemma_.lower() in V.ABOARD_PEOPLE or tok.lower_ in V.ABOARD_PEOPLE else None


def _vehicle(tok, index: _Index) -> list:
    m = _mention_in_phrase(tok, index) if tok is not None else None
    return [m] if m is not None and m.label not in ("NORP", "GPE", "LOC") else []  # ships bear names of people


def _aboard(tok, index: _Index) -> _Found | None:
    """People aboard a vehicle: "171 people were on board", "88 passengers and crew were aboard X", "there were
    171 people on board", "left with 171 people on board". Only these frames: "27 people on board died" counts
    the dead among them, not those aboard. The count is read from the people noun (``victims``)."""
    if tok.lower_ == "board":
        if tok.dep_ not in ("pobj", "pcomp") or tok.head.lower_ != "on" or any(
                c.dep_ in ("det", "poss", "amod", "compound") or c.lower_ == "with" for c in tok.children) \
                or any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.head.head.children):
            return None  # "on the board (of directors)" is no vehicle; "on board with the plan" agrees
        prep = tok.head
    elif tok.dep_ in ("prep", "advmod") and tok.lower_ in ("aboard", "onboard"):
        prep = tok
    else:
        return None
    host = prep.head
    people = None
    if host.lemma_.lower() == "be" and host.pos_ in ("VERB", "AUX"):
        if _irrealis(host):
            return None
        kids = list(host.children)
        if any(c.dep_ == "expl" for c in kids):
            people = next((c for c in kids if c.dep_ == "attr"), None)
        else:
            people = next((c for c in kids if c.dep_ == "nsubj"), None) or _raised_subject(host, perfect=False)
    elif host.pos_ in ("NOUN", "PROPN"):
        if host.dep_ == "pobj" and host.head.lower_ == "with" or (
                host.dep_ == "attr" and any(c.dep_ == "expl" for c in host.head.children)
                and not _irrealis(host.head)):
            people = host
    people = _people(people) if people is not None else None
    if people is None:
        return None
    f = _Found(tok, "aboard", victims=people)
    f.objects = _vehicle(next((c for c in tok.children if c.dep_ in ("pobj", "dobj")), None), index)
    return f


def _carrying(tok, index: _Index) -> _Found | None:
    """A vehicle carrying people, said of a journey made: "the ferry had been carrying 163 people", "a bus
    carrying 40 pilgrims". A capacity is not a count of people aboard: "certified to carry 140 passengers",
    "can carry", "carries up to 300 passengers", "capable of carrying"; nor is a person carrying children."""
    if tok.tag_ in ("VBZ", "VBP", "VB") or tok.dep_ in ("pcomp", "xcomp") or _irrealis(tok):
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    people = _people(obj) if obj is not None else None
    if people is None:
        return None
    carrier = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if tok.dep_ in ("acl", "relcl") and (carrier is None or carrier.lower_ in ("that", "which")):
        carrier = tok.head
    if carrier is None or not _is_vehicle(carrier, index):
        return None
    f = _Found(tok, "aboard", victims=people)
    f.objects = _vehicle(carrier, index)
    return f


def _is_vehicle(tok, index: _Index) -> bool:
    """A vehicle noun ("the ferry", "Flight 752", "a bus") or a name tagged as a product or facility."""
    if any(t.lemma_.lower() in V.VEHICLE_NOUNS for t in (tok, *(c for c in tok.children if c.dep_ == "compound"))):
        return True
    m = index.mention_at(tok)
    return m is not None and m.label in ("PRODUCT", "FAC")


def _is_person(tok, index: _Index) -> bool:
    """Whether a noun phrase names people: a person's name, a personal pronoun, a people noun ("214 people",
    "two suspects") or a role ("the minister")."""
    lemma, word = tok.lemma_.lower(), tok.lower_
    if word in V.PERSON_WORDS or lemma in V.PERSON_WORDS or lemma in V.ABOARD_PEOPLE or lemma in V.ROLE_NOUNS \
            or lemma in V.MEMBER_NOUNS:
        return True
    return any(m.start <= tok.idx < m.end and m.label == "PERSON" for m in index.mentions)


def _taken_person(tok, index: _Index) -> bool:
    """A seizing verb whose object (or passive subject) is a person: "seized Sultana Reyes outside her home"."""
    target = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return target is not None and _is_person(target, index)


def _held(tok, index: _Index) -> bool:
    """Detention told with "hold": passive, its subject people, told as done ("386 people have been held since
    the vote", "Reyes is being held in a detention centre"); not "a rally was held", "was held responsible",
    "were held hostage", "held to a draw", "held back", nor "to be held" or "could be held"."""
    subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subject is None or not _is_person(subject, index) or _irrealis(tok):
        return False
    for c in tok.children:
        if c.dep_ in ("acomp", "oprd", "xcomp", "prt", "ccomp") or c.lower_ in V.HOLD_NOT:
            return False
        if c.dep_ == "prep" and (c.lower_ == "to" or any(p.lower_ in V.HOLD_NOT for p in c.children)):
            return False
    return True


def _percent_at(tok, index: _Index) -> bool:
    """Whether ``tok`` lies in a percentage ("52.6%", "46.3 per cent")."""
    return any(q.start <= tok.idx < q.end and q.unit == "percent" for q in index.quantities)


def _narrowed(tok) -> bool:
    """A share or turnout of a part: a place, a round or a group ("in the capital", "among women")."""
    return any(c.dep_ == "prep" and c.lower_ in V.PART_PREPS and not _of_the_election(c) for c in tok.children)


def _of_the_election(prep) -> bool:
    """ "in Sunday's presidential election": the election itself, no part of it (nor another round of it)."""
    if prep.lower_ != "in":
        return False
    pobj = next((p for p in prep.children if p.dep_ == "pobj"), None)
    return pobj is not None and pobj.lemma_.lower() in V.ELECTION_NOUNS and not any(
        t.lower_ in V.ROUND_WORDS or t.lemma_.lower() in V.ROUND_WORDS for t in pobj.subtree)


def _vote_share(tok, index: _Index) -> _Found | None:
    """A candidate's share of the vote: "X won 52.6% of the vote", "X received 46.3 per cent of the votes cast",
    "X polled 1,204,311 votes". The candidate (a person or a party, the subject) is the object of the claim, the
    share its count. Not read: a share of something else ("40% of the seats"), of a part ("in the capital",
    "in the runoff"), a share under a modal or infinitive ("could win 50%"), a candidate not named."""
    if _irrealis(tok) or _narrowed(tok):
        return None
    share = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if share is None or _narrowed(share):
        return None
    if share.lemma_.lower() in V.VOTE_NOUNS:
        if not any(c.dep_ == "nummod" for c in share.children):
            return None  # "won the vote"
    elif _percent_at(share, index):
        of = [p for c in share.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
              if p.dep_ == "pobj"]
        if not any(p.lemma_.lower() in V.VOTE_NOUNS for p in of) or any(_narrowed(p) for p in of):
            return None
    else:
        return None
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("who", "that") and tok.dep_ == "relcl":
        subject = tok.head
    candidate = _mention_in_phrase(subject, index) if subject is not None else None
    if candidate is None or candidate.label in ("LOC", "FAC"):
        return None  # a name spaCy reads as a place is often a candidate's ("Khorunzhiy won 52.6%")
    f = _Found(tok, "vote", victims=share)
    f.objects = [candidate]
    return f


def _turnout(tok, index: _Index) -> _Found | None:
    """Turnout as a percentage: "turnout was 63.7%", "turnout had been 44.2 per cent", "a turnout of 63.7%",
    "turnout stood at 63.7%", "a 63.7% turnout". Not: a turnout of a part ("turnout in the capital", "among
    the young"), a turnout expected ("turnout could reach 70%"), a count of people ("a turnout of 20,000")."""
    if _narrowed(tok):
        return None
    value = None
    head = tok.head
    if tok.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX"):
        if _irrealis(head) or any(c.dep_ == "neg" for c in head.children):
            return None
        if head.lemma_.lower() == "be" or head.lemma_.lower() in V.TOLL_VERBS:
            for c in head.children:
                if c.dep_ in ("attr", "acomp", "dobj") and _percent_at(c, index):
                    value = c
                elif c.dep_ == "prep" and c.lower_ in ("at", "to"):
                    value = next((p for p in c.children if p.dep_ == "pobj" and _percent_at(p, index)), value)
                elif c.dep_ == "prep" and c.lower_ in V.PART_PREPS:
                    return None  # "turnout was 40% in the north"
    if value is None and tok.dep_ == "dobj" and head.lemma_.lower() in V.AT_VALUE_VERBS:  # "put turnout at 44%"
        if _irrealis(head) or any(c.dep_ == "neg" for c in head.children):
            return None
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "at":
                value = next((p for p in c.children if p.dep_ == "pobj" and _percent_at(p, index)), value)
            elif c.dep_ == "prep" and c.lower_ in V.PART_PREPS:
                return None
    if value is None:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                value = next((p for p in c.children if p.dep_ == "pobj" and _percent_at(p, index)), value)
            elif c.dep_ in ("compound", "amod", "nmod", "nummod") and _percent_at(c, index):
                value = c
    if value is None:
        return None
    return _Found(tok, "turnout", victims=value)


def _amount_in(tok, index: _Index, depth: int = 3):
    """The root token of an amount of money (a quantity in a currency) at or below ``tok``: "$612m", "a total of
    $612m", "contracts worth $4.2bn"; None when there is none."""
    todo = [(tok, 0)]
    while todo:
        t, d = todo.pop(0)
        q = next((q for q in index.quantities if q.start <= t.idx < q.end and q.unit and len(q.unit) == 3
                  and q.unit.isupper() and q.value is not None), None)
        if q is not None:
            tokens = [x for x in t.sent if x.idx < q.end and x.idx + len(x.text) > q.start]
            ids = {x.i for x in tokens}
            return next((x for x in tokens if x.head.i not in ids or x.head.i == x.i), t)
        if d < depth:
            todo.extend((c, d + 1) for c in t.children if c.dep_ in ("dobj", "prep", "pobj", "npadvmod", "amod",
                                                                       "appos", "nmod", "compound", "nummod",
                                                                       "quantmod", "attr"))
    return None


def _payer(tok, index: _Index, passive: bool = False):
    """The named payer: the verb's subject (passive: its passive subject), through "agreed to" when the verb is
    its infinitive."""
    dep = "nsubjpass" if passive else "nsubj"
    subject = next((c for c in tok.children if c.dep_ == dep), None)
    if subject is None and tok.dep_ == "xcomp":
        subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
        subject = tok.head
    m = _mention_in_phrase(subject, index) if subject is not None else None
    return m if m is not None and m.label in ("ORG", "PERSON", "GPE", "NORP") else None


def _told_done(tok) -> bool:
    """Not under a modal, not negated, not an infinitive unless under "agree" ("agreed to pay $612m")."""
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in V.MODALS) for c in tok.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in V.DONE_UNDER and not _irrealis(tok.head)
    return True


def _money(tok, index: _Index) -> _Found | None:
    """Money paid, by kind (see vocabulary: fine, penalty, bribe, contract); the payer (or the contract's holder)
    is the claim's object, the amount its count."""
    lemma, word = tok.lemma_.lower(), tok.lower_
    if lemma in V.PAY_VERBS:
        if not _told_done(tok):
            return None
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is None:
            return None
        kind = None
        if obj.lemma_.lower() in V.FINE_NOUNS or obj.lower_ in V.FINE_NOUNS:
            kind, amount = "fine", _amount_in(obj, index, depth=2)  # "paid a fine of $402m"
        elif obj.lower_ in V.BRIBE_NOUNS or obj.lemma_.lower() in V.BRIBE_NOUNS:
            kind, amount = "bribe", _amount_in(obj, index, depth=2)  # "paid bribes of $38.5m"
        else:
            amount = _amount_in(obj, index, depth=2)
            for c in (*tok.children, *obj.children):  # "paid $38.5m in bribes", "agreed to pay $612m in penalties"
                if c.dep_ == "prep" and c.lower_ == "in":
                    for p in c.children:
                        if p.dep_ == "pobj" and (p.lower_ in V.BRIBE_NOUNS or p.lemma_.lower() in V.BRIBE_NOUNS):
                            kind = "bribe"
                        elif p.dep_ == "pobj" and (p.lower_ in V.PENALTY_NOUNS or p.lemma_.lower() in V.PENALTY_NOUNS):
                            kind = "penalty"
                if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in V.SETTLE_VERBS:
                    kind = kind or "penalty"  # "paid $95m to settle charges"
        if kind is None or amount is None:
            return None
        payer = _payer(tok, index)
    elif lemma in ("fine", "fin") and word.startswith("fine") and tok.pos_ in ("VERB", "AUX"):
        if not _told_done(tok):
            return None
        kind = "fine"
        passive = any(c.dep_ == "nsubjpass" for c in tok.children)
        if passive:
            payer = _payer(tok, index, passive=True)
        else:
            fined = next((c for c in tok.children if c.dep_ == "dobj" and _amount_in(c, index, depth=0) is None), None)
            payer = _mention_in_phrase(fined, index) if fined is not None else None
        amount = next((a for c in tok.children if c.dep_ in ("dobj", "npadvmod", "attr", "oprd")
                       for a in [_amount_in(c, index, depth=1)] if a is not None), None)
        if amount is None:
            return None
    elif lemma in V.CONTRACT_VERBS and lemma not in ("award",) or (lemma == "award" and any(
            c.dep_ == "nsubjpass" for c in tok.children)):
        if not _told_done(tok):
            return None
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is None or obj.lemma_.lower() not in V.CONTRACT_NOUNS:
            return None
        worth = next((c for c in obj.children if c.lower_ in ("worth", "valued") or (
            c.dep_ == "prep" and c.lower_ == "of")), None)  # "contracts worth $4.2bn", "a contract of $X"
        amount = _amount_in(worth, index, depth=2) if worth is not None else None
        if amount is None:
            amount = next((_amount_in(c, index, depth=1) for c in obj.children
                           if c.dep_ in ("compound", "nmod", "amod", "nummod", "quantmod")
                           and _amount_in(c, index, depth=1) is not None), None)  # "a $4.2bn contract"
        if amount is None:
            return None
        kind = "contract"
        payer = _payer(tok, index, passive=lemma == "award")
    else:
        return None
    if payer is None:
        return None
    f = _Found(tok, kind, victims=amount)
    f.objects = [payer]
    return f


def _positive_test(tok, index: _Index) -> _Found | None:
    """"X tested positive for Y", "after testing positive for Y": the tested person is the subject (of the clause
    above, for a gerund), the substance the ``role``; not under a modal, a negation or an infinitive."""
    if _irrealis(tok):
        return None
    positive = next((c for c in tok.children if c.dep_ in ("acomp", "oprd", "advmod", "dobj", "amod")
                     and c.lower_ in V.POSITIVE_WORDS), None)
    if positive is None:
        return None
    what = next((p for x in (tok, positive) for c in x.children if c.dep_ == "prep" and c.lower_ == "for"
                 for p in c.children if p.dep_ == "pobj"), None)
    if what is None:  # "positive for the booster X, the agency said": a parse that hangs "for" elsewhere
        what = _noun_after_for(positive)
    if what is None:
        return None
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:  # "her teammate X tested ...", parsed with two subjects: the one naming someone
        who = next((m for c in subjects if (m := _mention_in_phrase(c, index)) is not None), None)
    elif tok.dep_ in ("pcomp", "advcl", "xcomp"):
        who = _governing_subject(tok.head, index)
    else:
        who = None
    if who is None or who.label != "PERSON":  # a dateline city or a body is not the tested one
        return None
    f = _Found(tok, "positive_test", role=what.text)
    f.subject = who
    return f


def _noun_after_for(tok):
    """The last noun of the noun phrase written right after "``tok`` for" ("positive for the blood booster X" -> X),
    read from the words when the parse hung "for" elsewhere; None when no noun phrase follows."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "for":
        return None
    last = None
    for t in doc[tok.i + 2:min(len(doc), tok.i + 9)]:
        if t.pos_ in ("NOUN", "PROPN"):
            last = t
        elif t.pos_ not in ("DET", "ADJ", "NUM") or last is not None and t.pos_ != "NOUN":
            break
    return last
