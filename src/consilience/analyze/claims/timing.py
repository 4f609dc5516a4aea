"""Which trigger a time expression dates: the trigger above it, or the triggers of its finite clause;
"from 2009 to 2016" as one interval."""
from __future__ import annotations

import re

from ...lexicon import vocabulary as V
from ...model import TimeExpr
from ..spans import doc_text
from .records import _Found, _Index
from .tree import CLAUSE_DEPS, _path_up, _raised_subject, _root, _span_tokens


_RANGE_JOINER = re.compile(r"^\s*(to|and|-|–|—|until|till|through|thru)\s*$", re.IGNORECASE)


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
        if _raised_subject(f.token) is not None:
            continue  # "were known on Saturday to have died": the time of the knowing, not of the deaths
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
