"""Claims: checkable statements as (predicate, subject, objects, time, place, quantity, speaker, hedged).

One pass over the parsed Doc. A *trigger* (a verb or event noun from the vocabulary in
``lexicon/vocabulary.py``) selects the predicate; its dependents give the participants
(Mention ids at this stage), and the records earlier extractors found (TimeExpr, Quantity,
Quote) give the time, the count and the speaker. A sentence without a trigger (opinion,
framing) gives no claim; its labels reach the framing profile through the descriptors.

Participant conventions, per family (documented in docs/reconcile.md):
- events (kill, attack, abduct, injure, arrest, sanction): subject = the agent, objects = the target/victims;
- position (appoint, command, role): subject = the holder, objects = the organisation(s), ``role`` = the post;
- member: subject = the member, objects = the organisation;
- statement: subject = the speaker.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..model import Claim, DocAnalysis, Document, Mention, Quantity, Quote, TimeExpr
from ..lexicon import vocabulary as V
from spacy.attrs import LEMMA, LOWER

from .spans import doc_text, indices_where_lower

# Labels of mentions that can take part in a claim (dates and numbers cannot).
PARTICIPANT_LABELS = frozenset(("PERSON", "ORG", "NORP", "GPE", "FAC", "LOC", "PRODUCT", "EVENT"))
PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
PLACE_PREPS = frozenset(("in", "at", "near", "outside", "inside", "across", "throughout", "into", "from", "on", "off"))
TARGET_PREPS = frozenset(("against", "on", "upon", "at"))
_HEDGE_RE = re.compile(
    r"\b(" + "|".join(sorted(V.HEDGE_WORDS) + [re.escape(p) for p in V.HEDGE_PHRASES]) + r")\b", re.IGNORECASE
)
# "on orders of X", "on behalf of X": the preposition does not name a target here.
_NOT_TARGETS = frozenset(("order", "orders", "behalf", "instruction", "direction", "command", "basis", "account",
                          "pretext", "grounds"))
_NEWLINE = re.compile("\n")
_RELATIVE = frozenset(("who", "which", "that", "whom"))
# Dependencies that open a clause of their own: nothing is attached to a trigger across one of them
# (a place, time or count of a relative, adverbial or complement clause belongs to that clause's verb).
CLAUSE_DEPS = frozenset(("relcl", "advcl", "ccomp", "xcomp", "acl", "csubj", "csubjpass", "parataxis", "pcomp"))
# Dependencies by which a noun phrase is an argument of a verb: its count is the count of the event's participants.
ARG_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "attr", "oprd"))
_RANGE_JOINER = re.compile(r"^\s*(to|and|-|–|—|until|till|through|thru)\s*$", re.IGNORECASE)


@dataclass
class _Found:
    """A claim under construction: the trigger token and what has been attached to it."""

    token: object
    predicate: str
    subject: Mention | None = None
    objects: list[Mention] = field(default_factory=list)
    role: str | None = None
    time_relation: str | None = None
    start_token: object = None  # first token of the claim's span when it is not the sentence
    victims: object = None  # casualty lists ("X were among the victims"): the token heading X
    via: object = None  # the verb through which ``victims`` is reached (the copula, "included")


class _Index:
    """Mentions, times, quantities and quotes of one document, looked up by character offset."""

    def __init__(self, analysis: DocAnalysis, text: str = ""):
        self.newlines = [m.start() for m in _NEWLINE.finditer(text)]
        self.mentions = sorted(analysis.mentions, key=lambda m: m.start)
        # unresolved times are kept: "on Friday" without a publication date is read in reconcile
        self.times = [t for t in analysis.times if t.type in ("DATE", "TIME")]
        self.quantities = list(analysis.quantities)
        self.quotes = list(analysis.quotes)
        self._by_char: dict[int, Mention] = {}
        for m in self.mentions:
            for c in range(m.start, m.end):
                self._by_char.setdefault(c, m)

    def mention_at(self, token) -> Mention | None:
        m = self._by_char.get(token.idx)
        if m is not None and m.label in PARTICIPANT_LABELS:
            return m
        return None

    def line(self, char: int) -> int:
        """Line number of a character: attachments never cross a line (list items parsed as one sentence)."""
        return bisect.bisect_left(self.newlines, char)

    def quote_at(self, char: int) -> Quote | None:
        for q in self.quotes:
            if q.start <= char < q.end:
                return q
        return None


def extract_claims(doc, document: Document, analysis: DocAnalysis, reparse=None) -> list[Claim]:
    """Claims of one document; subject/objects/place/attributed_to are Mention ids at this stage.

    ``reparse`` (the spaCy pipeline that parsed ``doc``), when given, parses again on its own a clause the
    parser left without its subject (see ``_orphan_clauses``)."""
    index = _Index(analysis, doc_text(doc))
    candidates = _candidates(doc)
    claims: list[Claim] = []
    for sent in doc.sents:
        first, last = bisect.bisect_left(candidates, sent.start), bisect.bisect_left(candidates, sent.end)
        if first == last:
            continue  # no trigger word: most sentences are passed over without touching their tokens
        try:
            found = _sentence_claims(sent, document, index, len(claims), candidates[first:last])
            claims.extend(found)
            if reparse is not None:
                for start, end in _orphan_clauses(sent):
                    claims.extend(_reparsed_claims(reparse, doc_text(doc), start, end, document, index,
                                                   len(claims), {(c.trigger_start, c.predicate) for c in found}))
        except Exception as exc:  # a parse we did not foresee must not lose the document
            document.notes.append(f"claims: sentence at {sent.start_char} skipped ({exc.__class__.__name__})")
    return claims


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


# --------------------------------------------------------------------------- one sentence


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
            trigger=f.token.text,
            trigger_start=f.token.idx,
            trigger_end=f.token.idx + len(f.token.text),
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


# --------------------------------------------------------------------------- triggers


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


def _joined(tok) -> str:
    """'secretary - general' written without spaces is one role word."""
    doc = tok.doc
    text = tok.text.lower()
    j = tok.i
    while j + 2 < len(doc) and doc[j].whitespace_ == "" and doc[j + 1].text == "-" and doc[j + 1].whitespace_ == "":
        text += "-" + doc[j + 2].text.lower()
        j += 2
    return text


def _role_trigger(tok, index: _Index, predicate: str = "role") -> _Found | None:
    """A role noun becomes a claim when it names who holds it and, usually, where."""
    if tok.dep_ == "appos" and tok.head.i != tok.i and tok.head.lemma_.lower() in V.ROLE_NOUNS | {"-"}:
        return None  # "secretary - general": the first part carries the claim
    holder = _holder(tok, index)
    org = _of_mention(tok, index, strict=True) or _poss_mention(tok, index)
    if org is None and "-" in _joined(tok):  # "secretary-general of X": "of" hangs on the last part
        last = tok.doc[tok.i + 2 * _joined(tok).count("-")]
        org = _of_mention(last, index)
    if holder is None and org is None:
        return None
    if holder is None and tok.dep_ != "ROOT" and not _line_initial(tok):
        return None
    f = _Found(tok, predicate, role=_role_text(tok) if predicate == "role" else None)
    f.subject = holder
    if org is not None:
        f.objects = [org]
    if any(c.lemma_.lower() == "since" for c in tok.children):
        f.time_relation = "start"
    return f


def _after_since(sent_text: str, time_text: str) -> bool:
    at = sent_text.find(time_text)
    before = sent_text[:at].split() if at > 0 else []
    return bool(before) and before[-1].lower() in ("since", "from")


def _line_initial(tok) -> bool:
    """The first word of a line (a list item or heading: "• Commander of X since 1997"), whatever the parse says."""
    text = doc_text(tok.doc)
    line_start = text.rfind("\n", 0, tok.idx) + 1
    return not any(ch.isalnum() for ch in text[line_start:tok.idx])


def _line_time(f: _Found, index: _Index) -> tuple[str, str, bool] | None:
    """For a list item or heading: the time on the same line, and whether "since"/"from" makes it a start."""
    text = doc_text(f.token.doc)
    start = text.rfind("\n", 0, f.token.idx) + 1
    end = text.find("\n", f.token.idx)
    end = len(text) if end < 0 else end
    for t in index.times:
        if start <= t.start and t.end <= end and t.value and t.start > f.token.idx:
            before = text[max(start, t.start - 8):t.start].lower().split()
            return t.value, t.text, bool(before) and before[-1] in ("since", "from")
    return None


def _holder(tok, index: _Index) -> Mention | None:
    """Who holds the role: the name it is in apposition to, or the subject of 'X was the R of Y'."""
    head = tok
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "appos":
        return _mention_in_phrase(head.head, index)
    if head.dep_ in ("attr", "oprd"):
        subj = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return _mention_in_phrase(subj, index) if subj is not None else None
    if head.dep_ == "pobj" and head.head.lemma_.lower() == "as":
        verb = head.head.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if verb.lemma_.lower() in V.VERB_TRIGGERS and V.VERB_TRIGGERS[verb.lemma_.lower()] == "appoint":
            return None  # the appointment claim carries it
        return _mention_in_phrase(subj, index) if subj is not None else None
    return None


def _role_text(tok) -> str:
    mods = [c.text.lower() for c in tok.lefts if c.dep_ in ("amod", "compound") and c.text.lower() in V.RANK_MODIFIERS]
    return " ".join([*mods, _joined(tok)])


def _of_mention(tok, index: _Index, strict: bool = False) -> Mention | None:
    """The mention an "of"/"for" phrase names; ``strict``: only a name that heads the phrase ("commander
    of the Quds Force"), never a possessor or modifier inside it ("commander of Norway's armed forces"
    is not commander of Norway)."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lemma_.lower() in ("of", "for"):
            for p in c.children:
                if p.dep_ == "pobj":
                    if strict and any(c.dep_ == "poss" for c in p.children) and index.mention_at(p) is None:
                        return None
                    m = _mention_in_phrase(p, index)
                    return None if strict and m is not None and m.label == "NORP" else m
    return None


def _poss_mention(tok, index: _Index) -> Mention | None:
    for c in tok.children:
        if c.dep_ in ("poss", "compound") and c.i < tok.i:
            m = index.mention_at(c)
            if m is not None:
                return m
    return None


# --------------------------------------------------------------------------- participants


def _mention_in_phrase(tok, index: _Index, depth: int = 2) -> Mention | None:
    """The mention a noun phrase names: the head itself, a modifier ("FLN members"), or its "of" object."""
    if tok is None:
        return None
    m = index.mention_at(tok)
    if m is not None:
        return m
    for c in tok.children:  # "the commander, Olsson" / "the group, the Iron Column": the name in apposition
        if c.dep_ == "appos":
            m = index.mention_at(c)
            if m is not None:
                return m
    for c in tok.children:
        if c.dep_ in ("compound", "poss", "amod", "nmod") and c.i < tok.i:
            m = index.mention_at(c)
            if m is not None:
                return m
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():
        return None  # "the Sons of the X Brigade" with only "X Brigade" tagged: a name cut short is another name
    if depth > 0:
        for c in tok.children:
            if c.dep_ == "prep" and c.lemma_.lower() == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return _mention_in_phrase(p, index, depth - 1)
    return None


def _phrase_mentions(tok, index: _Index) -> list[Mention]:
    """Mentions of a phrase and of its conjuncts ("Olsson and Lind")."""
    out = []
    parts = [tok, *[c for c in tok.children if c.dep_ == "conj"]]
    for c in tok.children:  # "five people, including X": X is among them
        if c.dep_ == "prep" and c.lower_ == "including":
            parts.extend(p for p in c.children if p.dep_ == "pobj")
    for t in parts:
        m = _mention_in_phrase(t, index)
        if m is not None:
            out.append(m)
    return out


def _governing_subject(tok, index: _Index) -> Mention | None:
    """The subject of the nearest finite clause above a non-finite verb ("Since taking command, X ...")."""
    t = tok
    for _ in range(4):
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return _mention_in_phrase(subj, index)
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _attach_participants(f: _Found, index: _Index) -> None:
    tok = f.token
    if f.predicate in ("role", "member"):
        return  # set by _role_trigger
    if tok.pos_ in ("VERB", "AUX"):
        _verb_participants(f, index)
    else:
        _noun_participants(f, index)


def _verb_participants(f: _Found, index: _Index) -> None:
    tok = f.token
    lemma = tok.lemma_.lower()
    children = list(tok.children)
    nsubj = next((c for c in children if c.dep_ == "nsubj"), None)
    nsubjpass = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if tok.dep_ == "relcl":  # "X, who was appointed minister in 2027": the relative pronoun stands for X
        nsubj = tok.head if nsubj is not None and nsubj.lower_ in _RELATIVE else nsubj
        nsubjpass = tok.head if nsubjpass is not None and nsubjpass.lower_ in _RELATIVE else nsubjpass
    agent = next((p for c in children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
    dobj = next((c for c in children if c.dep_ == "dobj"), None)
    if f.predicate in ("appoint", "command") and lemma not in V.VERB_TRIGGERS.keys() - {"command"} or (
            f.predicate == "command" and dobj is not None and dobj.lemma_.lower() in ("command", "charge")):
        # "took command of X": holder = the subject of the clause, organisation = "of" object
        f.subject = _mention_in_phrase(nsubj, index) if nsubj is not None else _governing_subject(tok.head, index)
        org = _of_mention(dobj, index) if dobj is not None else None
        f.objects = [org] if org else []
        f.role = f.role or "commander"
        return
    if f.predicate == "appoint":
        # "X was appointed (as) the commander of Y": holder = the appointee
        holder = nsubjpass if nsubjpass is not None else dobj
        f.subject = _mention_in_phrase(holder, index) if holder is not None else None
        role_tok = _as_role(tok)
        if role_tok is not None:
            f.role = _role_text(role_tok)
            org = _of_mention(role_tok, index) or _poss_mention(role_tok, index)
            f.objects = [org] if org else []
        return
    if f.predicate == "command":
        f.subject = _mention_in_phrase(nsubj, index) if nsubj is not None else (
            _mention_in_phrase(agent, index) if agent is not None else None)
        target = dobj if dobj is not None else nsubjpass
        f.objects = _phrase_mentions(target, index) if target is not None else []
        f.role = "commander"
        return
    if f.predicate == "statement":
        f.subject = _mention_in_phrase(nsubj, index) if nsubj is not None else None
        return
    if f.predicate == "declare":  # who declared it ("by X" in the passive), and against whom ("war on X")
        if nsubj is None and agent is None and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
            # "X described the blast as an act of war and declared ...": conjoined verbs share their subject
            nsubj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        who = nsubj if nsubj is not None else agent
        f.subject = _mention_in_phrase(who, index) if who is not None else None
        declared = next((c for c in children if c.dep_ in ("dobj", "nsubjpass")), None)
        f.objects = [m for c in [*children, *(declared.children if declared is not None else ())]
                     if c.dep_ == "prep" and c.lower_ in ("on", "against")
                     for p in c.children if p.dep_ == "pobj" for m in [_mention_in_phrase(p, index)]
                     if m is not None and m.label not in PLACE_LABELS - {"GPE"}]
        return
    if f.predicate == "serve":  # who served (the subject), under whom: "under X", "under X's command"
        f.subject = _mention_in_phrase(nsubj, index) if nsubj is not None else None
        f.objects = []
        for c in children:
            if c.dep_ == "prep" and c.lower_ in V.SERVE_PREPS:
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    if p.lemma_.lower() in V.AUTHORITY_NOUNS:  # "under his command", "under the command of X"
                        m = next((index.mention_at(x) for x in p.children if x.dep_ == "poss"), None) \
                            or _of_mention(p, index)
                    else:
                        m = _mention_in_phrase(p, index)
                    if m is not None:
                        f.objects.append(m)
        return
    if f.predicate == "kill" and lemma in ("lose", "die", "perish"):  # the subject is the victim
        f.objects = _phrase_mentions(nsubj, index) if nsubj is not None else []
        return
    # events: subject = agent, objects = target / victims
    if nsubjpass is None and nsubj is not None and dobj is None and tok.tag_ == "VBN" \
            and not any(c.dep_ in ("aux", "auxpass") for c in children):
        nsubjpass, nsubj = nsubj, None  # a headline's bare participle: "X killed in Y" is passive
    if nsubjpass is not None:
        f.objects = _phrase_mentions(nsubjpass, index)
        f.subject = _mention_in_phrase(agent, index) if agent is not None else None
    else:
        f.subject = _mention_in_phrase(nsubj, index) if nsubj is not None else None
        if f.subject is None and nsubj is not None:
            f.subject = _modifier_actor(nsubj, index)  # "A US airstrike killed X": the US
        f.objects = _phrase_mentions(dobj, index) if dobj is not None else []
    for c in children:  # "killed along with X", "attacks against X"
        if c.dep_ == "prep" and c.lemma_.lower() == "along":
            c = next((g for g in c.children if g.dep_ == "prep" and g.lemma_.lower() == "with"), c)
        if c.dep_ == "prep" and (c.lemma_.lower() == "with" or (f.predicate == "attack" and c.lemma_.lower() in TARGET_PREPS)):
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() not in _NOT_TARGETS:
                    m = _mention_in_phrase(p, index)
                    if m is not None and m.label not in PLACE_LABELS - {"GPE"}:
                        f.objects.append(m)


def _as_role(tok):
    for c in tok.children:
        if c.dep_ == "prep" and c.lemma_.lower() == "as":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
        if c.dep_ in ("oprd", "attr") and c.lemma_.lower() in V.ROLE_NOUNS:
            return c
    return None


def _modifier_actor(tok, index: _Index) -> Mention | None:
    """The country or group modifying an instrument noun: "a US military airstrike", "an American drone"."""
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < tok.i:
            m = index.mention_at(c)
            if m is not None and m.label in ("GPE", "NORP", "ORG"):
                return m
    return None


def _noun_participants(f: _Found, index: _Index) -> None:
    tok = f.token
    if f.victims is not None:
        f.objects = _phrase_mentions(f.victims, index)
        return
    for c in tok.children:
        lemma = c.lemma_.lower()
        if c.dep_ == "prep" and lemma == "of":
            f.objects.extend(m for p in c.children if p.dep_ == "pobj" for m in _phrase_mentions(p, index))
        elif c.dep_ == "prep" and lemma in ("between", "with") and f.predicate == "agreement":
            f.objects.extend(m for p in c.children if p.dep_ == "pobj" for m in _phrase_mentions(p, index))
        elif c.dep_ == "prep" and lemma == "by":
            subj = next((p for p in c.children if p.dep_ == "pobj"), None)
            f.subject = _mention_in_phrase(subj, index) if subj is not None else f.subject
        elif c.dep_ == "prep" and lemma in TARGET_PREPS and f.predicate == "attack":
            for p in c.children:
                m = _mention_in_phrase(p, index) if p.dep_ == "pobj" and p.lemma_.lower() not in _NOT_TARGETS else None
                if m is not None and m.label not in PLACE_LABELS - {"GPE"}:
                    f.objects.append(m)
        elif c.dep_ == "poss":
            m = _mention_in_phrase(c, index)
            if m is not None:
                if f.predicate == "kill" and tok.lemma_.lower() != "massacre":
                    f.objects.append(m)
                else:
                    f.subject = f.subject or m
        elif c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i and f.predicate in ("attack", "sanction"):
            m = index.mention_at(c)
            if m is not None and m.label in ("GPE", "NORP", "ORG"):
                f.subject = f.subject or m


def _is_circumstance(f: _Found, found: list[_Found]) -> bool:
    """A noun trigger that only says how or during what another trigger happened ("killed in a strike")."""
    tok = f.token
    if tok.pos_ not in ("NOUN", "PROPN") or f.predicate in ("role", "member"):
        return False
    others = {g.token.i for g in found if g is not f}
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i in others:
        return True  # "A US airstrike killed X": the strike is the instrument
    t, hops = tok, 0
    while hops < 2 and t.head.i != t.i:
        if t.dep_ not in ("pobj", "prep", "agent", "pcomp"):
            break
        t = t.head
        hops += 1
        if t.i in others and t.dep_ != "conj":
            return True
    return False


# --------------------------------------------------------------------------- time, quantity, place


def _span_tokens(sent, start: int, end: int) -> list:
    return [t for t in sent if t.idx < end and t.idx + len(t.text) > start]


def _root(tokens):
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[0]


def _path_up(tok, limit: int = 12) -> list:
    path = [tok]
    while tok.head.i != tok.i and len(path) < limit:
        tok = tok.head
        path.append(tok)
    return path


def _clause_head(tok):
    for t in _path_up(tok):
        if t.pos_ in ("VERB", "AUX"):
            return t
    return _path_up(tok)[-1]


def _owner(root, found: list[_Found]):
    """The deepest trigger whose subtree holds ``root``, or, failing that, one sharing its clause head."""
    by_i = {f.token.i: f for f in found}
    path = _path_up(root)
    for k, t in enumerate(path):
        if t.i in by_i:
            blocked = any(p.lemma_.lower() in V.TIME_SHIFTING_NOUNS for p in path[:k])
            return None if blocked else by_i[t.i]
        if t.dep_ in CLAUSE_DEPS:
            return None  # the time of a clause below a trigger dates that clause, not the trigger
    return None


def _finite_head(tok):
    """The nearest finite clause above a token: non-finite verbs ("Since taking command ..., X did")
    and nouns belong to the clause that governs them."""
    for t in _path_up(tok):
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children)
        if t.dep_ == "conj" and not own_subject and t.head.pos_ in ("VERB", "AUX"):
            continue  # "stormed the camp on May 4 and killed 38": one clause, one subject, one time
        if t.pos_ in ("VERB", "AUX") and (t.dep_ == "ROOT" or t.tag_ in ("VBD", "VBZ", "VBP", "MD") or own_subject):
            return t
    return _path_up(tok)[-1]


def _simultaneous(tok) -> bool:
    """A clause of the same moment: an adverbial clause of simultaneity ("killed while travelling ...
    early on Friday") or a reduced relative; its time is the main clause's time."""
    if tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        return True  # a reduced relative ("a convoy headed for the airport early on Friday") has no time of its own
    return tok.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("while", "when", "as")
                                       for c in tok.children)


def _same_clause_owners(root, found: list[_Found]) -> list[_Found]:
    """Triggers of the finite clause a time is attached to, when the time hangs on that clause itself
    (not inside a clause below it: "forced villagers to spend the night" does not date the killing)."""
    head = _finite_head(root)
    below = _path_up(root)
    below = below[: next((k for k, p in enumerate(below) if p.i == head.i), len(below))]
    if any(p.dep_ in CLAUSE_DEPS and not _simultaneous(p) for p in below):
        return []
    owners = []
    for f in found:
        path = _path_up(f.token)
        upto = path[: next((k for k, p in enumerate(path) if p.i == head.i), len(path))]
        if _finite_head(f.token).i == head.i and not any(p.lemma_.lower() in V.TIME_SHIFTING_NOUNS for p in upto):
            owners.append(f)
    return owners


def _attach_times(sent, found: list[_Found], index: _Index) -> dict[int, tuple[str, str]]:
    """Trigger token index -> (TIMEX3 value, text); "from 2009 to 2016" becomes the interval "2009/2016"."""
    times = [t for t in index.times if t.start >= sent.start_char and t.end <= sent.end_char]
    per_trigger: dict[int, list[TimeExpr]] = {}
    for t in times:
        tokens = _span_tokens(sent, t.start, t.end)
        if not tokens:
            continue
        owner = _owner(_root(tokens), found)
        owners = [owner] if owner else _same_clause_owners(_root(tokens), found)
        if owner is not None:
            # "On May 4, militiamen stormed the camp and killed 38", "the bus crashed on Monday, killing 30":
            # a conjoined verb or a participle telling the result shares the clause's time
            owners += [g for g in found if g.token.head.i == owner.token.i and g.token.pos_ == "VERB"
                       and (g.token.dep_ == "conj" or (g.token.dep_ == "advcl" and g.token.tag_ == "VBG"))
                       and not any(c.dep_ in ("nsubj", "nsubjpass") for c in g.token.children)]
        for o in owners:
            if index.line(o.token.idx) != index.line(t.start):
                continue
            per_trigger.setdefault(o.token.i, []).append(t)
    text = doc_text(sent.doc)
    out = {}
    for i, ts in per_trigger.items():
        ts.sort(key=lambda t: t.start)
        value, expr_text = ts[0].value, ts[0].text
        for a, b in zip(ts, ts[1:]):
            if a.value and b.value and _RANGE_JOINER.match(text[a.end:b.start]):
                value, expr_text = f"{a.value}/{b.value}", text[a.start:b.end]
                break
        else:
            tok = sent.doc[i]
            best = min(ts, key=lambda t: abs(t.start - tok.idx))
            value, expr_text = best.value, best.text
        out[i] = (value, expr_text)
    return out


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
                                                               "declare")}
    via = {f.via.i: f for f in by_i.values() if f.via is not None}
    tolls = _tolls(by_i.values())
    out: dict[int, list[Quantity]] = {}
    for q, tokens in _sentence_counts(sent, index):
        f = _quantity_owner(_root(tokens), by_i, via, tolls)
        if f is None or index.line(q.start) != index.line(f.token.idx):
            continue
        if V.family(f.predicate) in V.CASUALTY_FAMILIES and _is_measure(q):
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
        if V.family(f.predicate) in V.CASUALTY_FAMILIES and _is_measure(q):
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


def _place(f: _Found, index: _Index) -> Mention | None:
    """The nearest GPE/LOC/FAC reached through a locative preposition, outside the participants, in the
    trigger's own clause (never through a relative, adverbial or complement clause below it)."""
    taken = {m.id for m in ([f.subject] if f.subject else []) + f.objects}
    best, best_dist = None, None
    skip = set()
    for c in f.token.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "appos"):
            skip.update(t.i for t in c.subtree)
    for t in f.token.subtree:
        if t.i in skip or t.i == f.token.i:
            continue
        m = index.mention_at(t)
        if m is None or m.label not in PLACE_LABELS or m.id in taken:
            continue
        path = _path_up(t)
        upto = path[: next((k for k, p in enumerate(path) if p.i == f.token.i), len(path))]
        if any(p.dep_ in CLAUSE_DEPS or (p.dep_ == "conj" and p.pos_ in ("VERB", "AUX")) for p in upto):
            continue
        if not any(p.dep_ == "prep" and p.lemma_.lower() in PLACE_PREPS for p in path[1:6]):
            continue
        if any(p.dep_ == "prep" and p.lemma_.lower() not in PLACE_PREPS | {"during"} for p in upto):
            continue  # "in an echo of the takeover of the embassy in X": X places the takeover, not this event
        if any(p.dep_ == "poss" for p in path[:2]):
            continue  # "Iraq's airport": the airport is the place
        dist = abs(t.i - f.token.i)
        if best_dist is None or dist < best_dist:
            best, best_dist = m, dist
    return best


# --------------------------------------------------------------------------- speaker


def _speaker(f: _Found, sent, index: _Index) -> tuple[Mention | None, str | None]:
    """Who the claim is attributed to: the Quote holding it, a speech verb above it, or "according to X"."""
    if f.predicate == "statement":
        return None, None  # the outlet asserts that the speaker spoke
    q = index.quote_at(f.token.idx)
    if q is not None:
        m = next((x for x in index.mentions if x.id == q.speaker_mention), None) if q.speaker_mention else None
        return m, q.speaker
    for t in _path_up(f.token)[1:]:
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in V.SPEECH_VERBS:
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return _mention_in_phrase(subj, index), _phrase_text(subj)
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            pobj = next((c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _mention_in_phrase(pobj, index), _phrase_text(pobj)
    return None, None


def _phrase_text(tok) -> str:
    tokens = [t for t in tok.subtree if t.dep_ not in ("relcl", "punct")]
    return tok.doc[tokens[0].i: tokens[-1].i + 1].text if tokens else tok.text
