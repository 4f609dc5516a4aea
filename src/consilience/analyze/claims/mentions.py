"""Which mention a noun phrase names: its head, a modifier, a name in apposition, an "of"/"for"
object or a possessor, and the mentions of its conjuncts."""
from __future__ import annotations

from ...model import Mention
from .records import _Index


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
