"""The participant slots of a trigger: subject and objects, per family, from its dependents;
noun triggers that only say how another happened; the place of an event."""
from __future__ import annotations

from ...lexicon import vocabulary as V
from ...model import Mention
from .mentions import _mention_in_phrase, _of_mention, _phrase_mentions, _poss_mention
from .records import PLACE_LABELS, _Found, _Index
from .roles import _role_text
from .tree import CLAUSE_DEPS, _path_up, _raised_subject


TARGET_PREPS = frozenset(("against", "on", "upon", "at"))
# "on orders of X", "on behalf of X": the preposition does not name a target here.
_NOT_TARGETS = frozenset(("order", "orders", "behalf", "instruction", "direction", "command", "basis", "account",
                          "pretext", "grounds"))
_RELATIVE = frozenset(("who", "which", "that", "whom"))
PLACE_PREPS = frozenset(("in", "at", "near", "outside", "inside", "across", "throughout", "through", "into", "from", "on",
                         "off"))


_COMMAND_ROLES = {"command": "commander", "lead": "leader", "head": "head", "run": "head", "direct": "director"}


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
    if f.predicate in ("role", "member", "aboard", "vote", "turnout", "fine", "penalty", "bribe", "contract",
                       "positive_test"):
        return  # set by _role_trigger, _aboard, _carrying, _vote_share, _turnout
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
    if nsubj is None and nsubjpass is None:  # "31 people were known to have died": the raising verb's subject
        raised = _raised_subject(tok)
        if raised is not None and any(c.dep_ == "auxpass" for c in children):
            nsubjpass = raised
        elif raised is not None:
            nsubj = raised
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
        # the verb says which post: "commanded" a force, "led" a country or party, "headed"/"ran" a body
        f.role = _COMMAND_ROLES.get(lemma, "commander")
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


def _names_place(prep) -> bool:
    """ "of" after a settlement or territory noun: "the port town of X" names the place X."""
    return prep.lower_ == "of" and prep.head.lemma_.lower() in V.PLACE_CLASS_NOUNS


def _named_place(tok) -> bool:
    """The name after a kind of place and "of": "the island of X", "the town of X" name a place, whatever
    label the tagger gave X."""
    return tok.dep_ == "pobj" and _names_place(tok.head)


def _place(f: _Found, index: _Index) -> Mention | None:
    """The nearest GPE/LOC/FAC reached through a locative preposition, outside the participants, in the
    trigger's own clause (never through a relative, adverbial or complement clause below it). A
    participle clause of result with none of its own happened where its main clause did ("A blast
    ripped through a plant in X, killing 11": the killing was in X)."""
    best = _place_in_clause(f.token, f, index)
    tok = f.token
    if best is None and tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > tok.head.i and tok.head.pos_ == "VERB":
        best = _place_in_clause(tok.head, f, index, exclude=tok)
    return best


def _place_in_clause(root, f: _Found, index: _Index, exclude=None) -> Mention | None:
    """``_place`` in the clause of ``root`` (the trigger, or the verb its participle clause hangs on),
    leaving out the subtree of ``exclude``."""
    taken = {m.id for m in ([f.subject] if f.subject else []) + f.objects}
    best, best_dist = None, None
    skip = set(t.i for t in exclude.subtree) if exclude is not None else set()
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "appos"):
            skip.update(t.i for t in c.subtree)
    for t in root.subtree:
        if t.i in skip or t.i == root.i:
            continue
        m = index.mention_at(t)
        if m is None or m.id in taken or m.label not in PLACE_LABELS and not _named_place(t):
            continue
        path = _path_up(t)
        upto = path[: next((k for k, p in enumerate(path) if p.i == root.i), len(path))]
        if any(p.dep_ in CLAUSE_DEPS or (p.dep_ == "conj" and p.pos_ in ("VERB", "AUX")) for p in upto):
            continue
        if not any(p.dep_ == "prep" and p.lemma_.lower() in PLACE_PREPS for p in path[1:6]):
            continue
        if any(p.dep_ == "prep" and p.lemma_.lower() not in PLACE_PREPS | {"during"} and not _names_place(p)
               for p in upto):
            continue  # "in an echo of the takeover of the embassy in X": X places the takeover, not this event
        if any(p.dep_ == "poss" for p in path[:2]):
            continue  # "Iraq's airport": the airport is the place
        dist = abs(t.i - root.i)
        if best_dist is None or dist < best_dist:
            best, best_dist = m, dist
    return best
