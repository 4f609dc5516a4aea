"""Descriptors: the labels a text applies to a named entity.

Read from the dependency parse:
- apposition: "Soleimani, the commander of the Quds Force, ..." (``appos`` between a name and a
  common-noun phrase, in either order: "the President-elect of the NCRI, Maryam Rajavi");
- predicate: a copula or a labelling verb with the name as subject or object
  ("al-Muhandis was also the deputy commander of the PMF", "X was regarded as one of ...",
  "X described Y as Z", "Y is known as Z");
- premodifier: title words before a name inside its noun phrase ("top terrorist commander Soleimani").
The target is the name's Mention; a descriptor that is itself a name is alias evidence, not a label.
"""
from __future__ import annotations

from spacy.attrs import DEP

from ..model import Descriptor, Document, Mention
from .spans import MentionIndex, char_span, indices_where, phrase_tokens

# Entity labels a descriptor can describe.
TARGET_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC", "EVENT", "PRODUCT"})
# Verbs that apply a label through "as" or a second object: "regarded as", "known as", "dubbed".
LABEL_VERBS = frozenset({"regard", "know", "describe", "consider", "see", "view", "dub", "brand", "label",
                         "call", "name", "designate", "term", "list", "portray", "paint", "hail", "denounce"})
_COPULAS = frozenset({"be", "become", "remain"})
_LABEL_DEPS = ("appos", "attr", "acomp", "pobj", "oprd")  # the relations _from_token reads


def find_descriptors(doc, document: Document, mentions: list[Mention]) -> list[Descriptor]:
    """Appositions, predicate nominals and premodifying titles of named entities, in text order."""
    index = MentionIndex(mentions)
    found: dict[tuple[int, int, int, int], Descriptor] = {}
    for token in (doc[i] for i in indices_where(doc, DEP, _LABEL_DEPS)):
        for descriptor in _from_token(doc, token, document, index):
            if descriptor is None:
                continue
            key = (descriptor.start, descriptor.end, descriptor.target_start, descriptor.target_end)
            found.setdefault(key, descriptor)
    for mention in index.mentions:
        premodifier = _premodifier(doc, mention, document)
        if premodifier is not None:
            found.setdefault((premodifier.start, premodifier.end, mention.start, mention.end), premodifier)
    return sorted(found.values(), key=lambda d: (d.start, d.target_start))


def _from_token(doc, token, document, index):
    if token.dep_ == "appos":
        yield from _apposition(doc, token, document, index)
    elif token.dep_ in {"attr", "acomp"} and token.head.lemma_.lower() in _COPULAS:
        yield from _predicate(doc, token, token.head, document, index)
    elif token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.lemma_.lower() in LABEL_VERBS:
        yield from _predicate(doc, token, token.head.head, document, index)
    elif token.dep_ == "oprd" and token.head.lemma_.lower() in LABEL_VERBS:
        yield from _predicate(doc, token, token.head, document, index)


def _is_label(token) -> bool:
    """A phrase that can label: a noun, or a pronoun/number/adjective with an "of"/"for" phrase
    ("one of the most ..."); not a bare age ("Djabarov, 56,") or "Who"."""
    if token.pos_ == "NOUN":
        return True
    return token.pos_ in {"PRON", "NUM", "ADJ"} and any(c.dep_ == "prep" for c in token.children)


def _apposition(doc, appos, document, index):
    head = appos.head
    head_mention, appos_mention = _name_of(head, index), _name_of(appos, index)
    if head_mention is not None and appos_mention is None and _is_label(appos):
        for label in _with_conjuncts(appos, index):
            yield _descriptor(doc, document, label, head_mention, "apposition")
    elif appos_mention is not None and head_mention is None and _is_label(head):
        yield _descriptor(doc, document, head, appos_mention, "apposition")


def _predicate(doc, label, verb, document, index):
    """'X is/was/became LABEL', 'X was regarded as LABEL', 'Y described X as LABEL'."""
    if not _is_label(label) or index.of_token(label) is not None:
        return  # "X was 56", "Who was X?" do not label; "X was responsible for ..." does
    targets = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if verb.lemma_.lower() in LABEL_VERBS:
        targets = [c for c in verb.children if c.dep_ == "dobj"] or targets
    for target in targets:
        mention = _name_of(target, index)
        if mention is not None:
            for each in _with_conjuncts(label, index):
                yield _descriptor(doc, document, each, mention, "predicate")
            return


def _premodifier(doc, mention: Mention, document: Document) -> Descriptor | None:
    """Common-noun title words directly before a name and attached to it ("top terrorist commander X")."""
    if mention.label not in {"PERSON", "ORG"}:
        return None
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    root = span.root
    i = span.start
    while i - 1 >= 0 and doc[i - 1].dep_ in {"compound", "amod", "nmod"} and doc[i - 1].pos_ in {"NOUN", "ADJ", "PROPN"} \
            and _hangs_on(doc[i - 1], span) and "\n" not in doc[i - 1].whitespace_:
        i -= 1
    if i == span.start or not any(t.pos_ == "NOUN" and t.text[0].islower() and len(t.text) > 2
                                  for t in doc[i:span.start]):
        return None  # title words are common nouns ("commander"); capitalised ones are part of the name
    if not doc[span.start - 1].whitespace_:
        return None  # a piece of a hyphenated name ("Mujahedin-e Khalq"), not a title
    start, end = char_span(doc, i, span.start)
    return Descriptor(document=document.id, start=start, end=end, text=document.text[start:end],
                      target_start=mention.start, target_end=mention.end, target_text=mention.text,
                      kind="premodifier", target_mention=mention.id)


def _hangs_on(token, span) -> bool:
    """The token hangs, through premodifiers to its right, on a token of the name (not on something else)."""
    head = token.head
    while head.i > token.i:
        if span.start <= head.i < span.end:
            return True
        if head.head.i <= head.i:
            return False
        token, head = head, head.head
    return False


def _with_conjuncts(label, index: MentionIndex) -> list:
    """A label and the labels coordinated with it ("the deputy head of X and the secretary-general of Y")."""
    out = [label]
    for token in label.conjuncts:
        if token.i > label.i and token.pos_ in {"NOUN", "PRON"} and index.of_token(token) is None:
            out.append(token)
    return out


def _name_of(token, index: MentionIndex) -> Mention | None:
    mention = index.of_token(token)
    return mention if mention is not None and mention.label in TARGET_LABELS else None


def _descriptor(doc, document, head, mention: Mention, kind: str) -> Descriptor | None:
    i, j = phrase_tokens(head)
    if not any(t.pos_ in {"NOUN", "PRON", "NUM", "ADJ"} and t.text[:1].islower() for t in doc[i:j]):
        return None  # "(ICUs)", "(Serbia)": an abbreviation or a name, not a label
    start, end = char_span(doc, i, j)
    between = document.text[min(end, mention.end):max(start, mention.start)]
    if "\n" in between:
        return None  # a misparse across a line break (heading then paragraph)
    return Descriptor(document=document.id, start=start, end=end, text=document.text[start:end],
                      target_start=mention.start, target_end=mention.end, target_text=mention.text,
                      kind=kind, target_mention=mention.id)
