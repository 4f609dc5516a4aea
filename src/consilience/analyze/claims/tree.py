"""Walking the dependency parse: the tokens of a character span, their root, the path up to the root,
and the dependencies that open a clause of their own."""
from __future__ import annotations


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
