"""Positions held: a role noun ("commander of X") as a claim, who holds it, the post's text, and the
"since" time of a list item or heading."""
from __future__ import annotations

from ...lexicon import vocabulary as V
from ...model import Mention
from ..spans import doc_text
from .mentions import _mention_in_phrase, _of_mention, _poss_mention
from .records import _Found, _Index


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


def _title_role(tok, index: _Index) -> _Found | None:
    """A title written before a person's name: "Captain X", "South Sulawesi Governor X", "former US President
    X". The holder is the name the title is a compound of (tagged PERSON); the body is a place or
    organisation written just before the title ("South Sulawesi", "US"); a rank modifier anywhere before it in
    the name's phrase stays in the role ("former president"). A title inside another kind of name ("the
    President Hotel") is none."""
    head = tok.head
    holder = index.mention_at(head)
    if holder is None or holder.label != "PERSON" or head.i < tok.i:
        return None
    own = index.mention_at(tok)
    if own is not None and own is not holder:
        return None
    org = None
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.dep_ == "compound" and prev.head.i in (tok.i, head.i) \
            and prev.lower_ not in V.RANK_MODIFIERS:  # "Supreme Leader X" tagged as a name names no body
        m = index.mention_at(prev)
        if m is not None and m is not holder and m.label in ("GPE", "ORG") and m.end <= tok.idx:
            org = m
    org = org or _of_mention(tok, index, strict=True)
    mods = [t.lower_ for t in tok.doc[head.left_edge.i: tok.i] if t.lower_ in V.RANK_MODIFIERS]
    f = _Found(tok, "role", role=" ".join(dict.fromkeys([*mods, _joined(tok)])))
    f.subject = holder
    if org is not None:
        f.objects = [org]
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
    for c in tok.children:  # "the captain, X,": a name in apposition to the title, after a comma
        if c.dep_ == "appos" and c.i > tok.i and tok.doc[tok.i + 1].text == ",":
            m = index.mention_at(c)
            if m is not None and m.label == "PERSON":
                return m
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
