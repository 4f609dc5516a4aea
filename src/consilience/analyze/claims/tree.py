"""Walking the dependency parse: the tokens of a character span, their root, the path up to the root,
and the dependencies that open a clause of their own."""
from __future__ import annotations

from ...lexicon import vocabulary as V


# Dependencies that open a clause of their own: nothing is attached to a trigger across one of them
# (a place, time or count of a relative, adverbial or complement clause belongs to that clause's verb).
CLAUSE_DEPS = frozenset(("relcl", "advcl", "ccomp", "xcomp", "acl", "csubj", "csubjpass", "parataxis", "pcomp"))


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


def _raised_subject(tok, perfect: bool = True):
    """The subject a raising verb lends the infinitive under it, or None: "31 people were known to have died",
    "X is believed to have been killed", "appeared to have drowned" (the infinitive has no subject of its own;
    the raising verb's subject is its subject). ``perfect``: only a perfect infinitive ("to have died"), which
    tells the event as having happened ("known to die" tells a habit)."""
    if tok.dep_ != "xcomp" or tok.head.lemma_.lower() not in V.RAISING_VERBS:
        return None
    kids = list(tok.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in kids) or any(c.dep_ == "neg" for c in tok.head.children):
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in kids):
        return None
    if perfect and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids):
        return None
    return next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _irrealis(verb) -> bool:
    """A verb under a modal, an infinitive "to" or a negation: what can, may or is to be, not what was."""
    return any((c.dep_ == "aux" and (c.lower_ == "to" or c.lower_ in V.MODALS)) or c.dep_ == "neg"
               for c in verb.children)
