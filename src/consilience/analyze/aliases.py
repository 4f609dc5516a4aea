"""Alias evidence: text that says two names denote one actor.

Kinds, most to least reliable:
- ``acronym``: "Full Name (ABBR)" where ABBR's letters are the initials of the name's words
  (function words may be skipped, several letters may come from one word: "People's
  Mojahedin Organization of Iran (PMOI)");
- ``slash``: the other parts of "(PMOI/MEK)" or "PMOI-MEK" ("MEK" and "PMOI" both name it);
- ``aka``: "X, aka. Y", "X (a.k.a. Y)", "X, also known as Y", "X, better known as Y";
- ``formerly``: "X, formerly Y", "X (formerly known as Y)";
- ``born``: "X ..., born Y" (a birth name);
- ``or``: "X or Y" between two names of the same kind that is not a list of alternatives
  ("the Popular Mobilization Forces (PMU) or Hashd al-Shaabi");
- ``parenthetical``: "Name (ABBR)" where the letters do not match; still evidence, weaker.
Each record has exact offsets for both names and for the whole stretch of evidence.
"""
from __future__ import annotations

import re

from spacy.attrs import LOWER

from ..model import AliasEvidence, Document, Mention
from .spans import MentionIndex, indices_where, name_run_after, name_run_before

_FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "in", "on", "at", "to", "de", "du", "des", "la", "le",
                             "al", "el", "a", "an", "&"})
_AKA = re.compile(r"(?:\baka\b\.?|\ba\.k\.a\.?|\balso known as\b|\bbetter known as\b|\botherwise known as\b"
                  r"|\balso called\b|\balias\b)", re.I)
_FORMERLY = re.compile(r"\b(?:formerly|previously)(?: known as| called| named)?\b", re.I)
_PAREN = re.compile(r"\(([^()\n]{1,60})\)")
_DATELINE_CREDIT = re.compile(r"\s*[-\u2013\u2014]\s")
_SLASH_PAIR = re.compile(r"\b([A-Z][A-Za-z]*[A-Z])[/-]([A-Z][A-Za-z]*[A-Z])\b")
_ABBR = re.compile(r"^[A-Z][A-Za-z.&-]{0,11}$")
_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
# "X or Y" between these is usually a choice between two things, not two names of one.
_OR_LABELS = frozenset({"PERSON", "ORG", "NORP", "FAC"})  # PERSON only as a mislabelled second name
# Labels of a bracket that locates, dates or counts what precedes it rather than renaming it.
_NOT_RENAMING = frozenset({"GPE", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def find_alias_evidence(doc, document: Document, mentions: list[Mention]) -> list[AliasEvidence]:
    """Every piece of alias evidence in the document, in text order, without duplicates."""
    index = MentionIndex(mentions)
    text = document.text
    found = []
    found += _parentheticals(doc, text, document, index)
    found += _slash_pairs(text, document)
    found += _cued(doc, text, document, index, _AKA, "aka")
    found += _cued(doc, text, document, index, _FORMERLY, "formerly")
    found += _born(doc, text, document, index)
    found += _or_pairs(doc, text, document, index)
    unique = {}
    for evidence in found:
        key = (evidence.a_start, evidence.a_end, evidence.b_start, evidence.b_end)
        unique.setdefault(key, evidence)
    return sorted(unique.values(), key=lambda e: (e.start, e.b_start))


# --------------------------------------------------------------------------- acronyms


def acronym_matches(abbr: str, words: list[str]) -> bool:
    """True when the letters of ``abbr`` are read off ``words`` in order: each content word gives
    its initial and may give more letters from its start; function words may be skipped."""
    letters = [c.lower() for c in abbr if c.isalnum()]
    words = [w for w in re.split(r"[\s\-’']+", " ".join(words)) if w and w.lower() not in {"s"}]
    if not letters or not words or len(letters) > 3 * len(words):
        return False
    return _match(letters, 0, [w.lower() for w in words], 0)


def _match(letters: list[str], li: int, words: list[str], wi: int) -> bool:
    if li == len(letters):
        return all(w in _FUNCTION_WORDS for w in words[wi:])
    if wi == len(words):
        return False
    word = words[wi]
    if word in _FUNCTION_WORDS and _match(letters, li, words, wi + 1):
        return True
    # this word gives 1..k letters from its start (a prefix: "Mojahedin" -> "M", "MO"; initials of its parts)
    k = 0
    while k < len(word) and li + k < len(letters) and word[k] == letters[li + k]:
        k += 1
        if _match(letters, li + k, words, wi + 1):
            return True
    return False


def _parentheticals(doc, text: str, document: Document, index: MentionIndex) -> list[AliasEvidence]:
    out = []
    for match in _PAREN.finditer(text):
        inner_start, inner_end = match.span(1)
        inner = match.group(1)
        lead = re.match(r"\s*(aka\.?|a\.k\.a\.?|also known as|or|formerly(?: known as)?|born)\s+", inner, re.I)
        name = _name_before(doc, text, match.start(), index)
        if name is None or _DATELINE_CREDIT.match(text, match.end()):
            continue  # "LIRSA, Velmora (Meridian Wire) -": a dateline's agency credit, not a second name
        a_start, a_end = name
        if lead:
            kind = {"or": "or", "born": "born"}.get(lead.group(1).lower(), "aka")
            if lead.group(1).lower().startswith("formerly"):
                kind = "formerly"
            b_start = inner_start + lead.end()
            b_end = _trim_end(text, b_start, inner_end)
            if b_end > b_start and text[b_start].isupper():
                out.append(_evidence(document, text, a_start, a_end, b_start, b_end, kind, match.end()))
            continue
        out.extend(_acronym_evidence(text, document, index, name, _abbreviation_parts(text, inner_start, inner_end),
                                     match.end()))
    return out


def _abbreviation_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the abbreviations in "(PMOI/MEK)", "(PMOI-MEK)", "(IRGC-QF)", "(NCRI)"; [] for prose."""
    inner = text[start:end]
    if len(inner.split()) > 6 or not inner[:1].isupper():
        return []
    pieces = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^/,;]+", inner)]
    parts = []
    for p_start, p_end in pieces:
        piece = text[p_start:p_end].strip()
        p_start = text.index(piece, p_start) if piece else p_start
        p_end = p_start + len(piece)
        split = re.fullmatch(r"([A-Z]{3,})-([A-Z]{3,})", piece)  # PMOI-MEK: two acronyms; IRGC-QF: one
        if split:
            parts += [(p_start, p_start + len(split.group(1))), (p_start + split.start(2), p_end)]
        elif piece:
            parts.append((p_start, p_end))
    # every piece must look like a name: capitalised words, mostly letters
    if not all(text[s:e][:1].isupper() and sum(c.isdigit() for c in text[s:e]) == 0 for s, e in parts):
        return []
    return parts


def _acronym_evidence(text, document, index, name, parts, evidence_end) -> list[AliasEvidence]:
    """'Name (ABBR)' / 'Name (A/B)': each part against the shortest tail of the name whose initials
    spell it (kind "acronym"); the other parts of a slash group that matched name the same thing
    (kind "slash"); with no match at all, the parts are "parenthetical" (weaker evidence)."""
    a_start, a_end = name
    matched: dict[tuple[int, int], int] = {}
    for part in parts:
        abbr = text[part[0]:part[1]].split()[0]  # "MEK Iran": the acronym is its first word
        if _ABBR.match(abbr) and sum(c.isupper() for c in abbr) >= 2:
            singular = abbr[:-1] if abbr.endswith("s") and abbr[:-1].isupper() else abbr  # "ICUs"
            tail = next((t for t in (*_word_starts(text, a_start, a_end), *_starts_over_joiner(text, a_start))
                         if acronym_matches(singular, [text[t:a_end]])), None)
            if tail is not None:
                matched[part] = tail
    if not matched and len(parts) == 1:
        reverse = _reversed_acronym(text, document, name, parts[0], evidence_end)
        if reverse is not None:
            return [reverse]
    out = []
    for part in parts:
        if part in matched:
            out.append(_evidence(document, text, matched[part], a_end, *part, "acronym", evidence_end))
        elif matched:
            tail = min(matched.values())
            out.append(_evidence(document, text, tail, a_end, *part, "slash", evidence_end))
        elif _same_kind(text, index, (a_start, a_end), part):
            out.append(_evidence(document, text, a_start, a_end, *part, "parenthetical", evidence_end))
    return out


# Capitalised words and a joining word right before a name: "General Agency for " before "Specialized Inspection".
_OVER_JOINER = re.compile(r"((?:[A-Z][\w'’-]*\s+){1,4})(?:of|for|on|and)\s+(?:the\s+)?$")


def _starts_over_joiner(text: str, a_start: int) -> list[int]:
    """Starts of longer names that run left over "Words of/for/on/and (the)" into the name at ``a_start``, nearest
    first: the tagger often cuts "General Agency for Specialized Inspection" at "for". Only a start whose name the
    acronym in brackets spells is used (``_acronym_evidence``), so the brackets decide, not the capitals."""
    m = _OVER_JOINER.search(text, max(0, a_start - 80), a_start)
    if not m:
        return []
    starts = [m.start(1) + w.start() for w in re.finditer(r"\S+", m.group(1))]
    return starts[::-1]


def _reversed_acronym(text, document, name, part, evidence_end) -> AliasEvidence | None:
    """'DACA (Deferred Action for Childhood Arrivals)': the acronym before, its expansion inside."""
    a_start, a_end = name
    last_word = text[a_start:a_end].split()[-1]
    if not (_ABBR.match(last_word) and sum(c.isupper() for c in last_word) >= 2):
        return None
    if not acronym_matches(last_word.rstrip("s") if last_word[:-1].isupper() else last_word,
                           [text[part[0]:part[1]]]):
        return None
    return _evidence(document, text, a_end - len(last_word), a_end, *part, "acronym", evidence_end)


def _same_kind(text: str, index: MentionIndex, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Both spans could name one thing: not two mentions spaCy labels differently ("Velmora (Meridian Wire)")."""
    if sum(c.isalpha() for c in text[b[0]:b[1]]) < 2:
        return False  # "(R)", "(1)": a mark, not a name
    a_label, b_label = (getattr(index.at(a[0]), "label", None), getattr(index.at(b[0]), "label", None))
    if a_label == b_label:
        return True
    # "Baar (Switzerland)", "Pavle Petrović (Serbia)": a place in parentheses locates, it does not rename;
    # other labels ("Grazhdanskiy Kontrol (Civic Control)" read as an ORG and a PRODUCT) may be misreadings
    return not ({a_label, b_label} & _NOT_RENAMING)





def _word_starts(text: str, start: int, end: int) -> list[int]:
    """Start offsets of the words in text[start:end], longest tail last (shortest tails are tried first)."""
    starts = [m.start() + start for m in re.finditer(r"\S+", text[start:end])]
    return list(reversed(starts))


def _name_before(doc, text: str, char: int, index: MentionIndex) -> tuple[int, int] | None:
    """The name ending just before ``char`` (spaces, a comma or a possessive between are allowed)."""
    end = char
    while end > 0 and text[end - 1] in " \t,’'":
        end -= 1
    mention = index.ending_at(end)
    if mention is not None and mention.label in _NAME_LABELS:
        # a mention ending in a possessive mark ("Corps’") keeps the name only
        m_end = min(mention.end, end)
        while m_end > mention.start and text[m_end - 1] in "’'":
            m_end -= 1
        start = mention.start + (4 if text[mention.start:mention.start + 4].lower() == "the " else 0)
        return _extend_over_hyphens(text, start), m_end
    token = _token_ending_at(doc, end)
    if token is None:
        return None
    run = name_run_before(doc, token.i + 1)
    if run is None:
        return None
    start, stop = doc[run[0]].idx, doc[run[1] - 1].idx + len(doc[run[1] - 1].text)
    while stop > start and text[stop - 1] in "’'":
        stop -= 1
    return (_extend_over_hyphens(text, start), stop) if stop > start else None


def _extend_over_hyphens(text: str, start: int) -> int:
    """Move a name's start left over a hyphen-glued piece: "Khalq" -> "Mujahedin-e Khalq",
    "Shaabi" -> "al-Shaabi" (a capitalised word holding a hyphen, or the piece the hyphen joins)."""
    if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        start -= len(_word_before(text, start))
    word = _word_before(text, start - 1) if start > 1 and text[start - 1] == " " else ""
    if "-" in word.strip("-") and word[:1].isupper():
        start -= len(word) + 1
    return start


def _word_before(text: str, end: int) -> str:
    begin = end
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:end]


def _token_ending_at(doc, char: int):
    span = doc.char_span(max(0, char - 1), char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span[-1]
    while token.is_punct and token.i > 0 and token.text in "’'":
        token = doc[token.i - 1]
    return token


# --------------------------------------------------------------------------- other cues


def _slash_pairs(text: str, document: Document) -> list[AliasEvidence]:
    """'PMOI/MEK' written as one token anywhere: the two acronyms name one actor."""
    out = []
    for match in _SLASH_PAIR.finditer(text):
        a, b = match.group(1), match.group(2)
        if match.group(0)[len(a)] == "-" and (len(a) < 3 or len(b) < 3):
            continue  # "IRGC-QF" is one acronym
        if not (sum(c.isupper() for c in a) >= 2 and sum(c.isupper() for c in b) >= 2):
            continue
        out.append(_evidence(document, text, match.start(1), match.end(1), match.start(2), match.end(2), "slash",
                             match.end()))
    return out


def _cued(doc, text, document, index, pattern, kind) -> list[AliasEvidence]:
    """'X, aka. Y' / 'X, formerly Y' outside parentheses: names on both sides of the cue."""
    out = []
    for match in pattern.finditer(text):
        if text[max(0, match.start() - 1):match.start()] == "(":
            continue  # handled with the parentheticals
        before = match.start()
        while before > 0 and text[before - 1] in " ,(":
            before -= 1
        a = _name_before(doc, text, before, index)
        b = _name_after(doc, text, match.end(), index)
        if a and b:
            out.append(_evidence(document, text, a[0], a[1], b[0], b[1], kind, b[1]))
    return out


def _name_after(doc, text: str, char: int, index: MentionIndex) -> tuple[int, int] | None:
    start = char
    while start < len(text) and text[start] in " \t:":
        start += 1
    if text[start:start + 4].lower() == "the " and index.at(start) is None:
        start += 4  # "a.k.a. the Dockers": the name starts after the article
    mention = index.at(start)
    if mention is not None and mention.start == start and mention.label in _NAME_LABELS:
        skip = 4 if text[start:start + 4].lower() == "the " else 0
        return mention.start + skip, mention.end
    span = doc.char_span(start, min(len(text), start + 1), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    run = name_run_after(doc, span[0].i)
    if run is None:
        return None
    return doc[run[0]].idx, doc[run[1] - 1].idx + len(doc[run[1] - 1].text)


def _born(doc, text, document, index) -> list[AliasEvidence]:
    """'X, ... born Y Z': Y Z is X's birth name (not "born in", "born on", "born 1957")."""
    out = []
    for token in (doc[i] for i in indices_where(doc, LOWER, ["born", "née", "nee"])):
        if token.i + 1 >= len(doc):
            continue
        nxt = doc[token.i + 1]
        if not nxt.text[:1].isupper() or nxt.ent_type_ in {"DATE", "GPE", "LOC", "CARDINAL"}:
            continue
        b = _name_after(doc, text, nxt.idx, index)
        target = _born_target(token, index)
        if b is None or target is None:
            continue
        out.append(_evidence(document, text, target.start, target.end, b[0], b[1], "born", b[1]))
    return out


def _born_target(born, index: MentionIndex) -> Mention | None:
    """The person 'born' describes: its subject, or the nearest PERSON up the parse."""
    for child in born.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            mention = index.of_token(child)
            if mention is not None and mention.label == "PERSON":
                return mention
    token = born
    for _ in range(5):
        if token.head is token:
            break
        token = token.head
        mention = index.of_token(token)
        if mention is not None and mention.label == "PERSON":
            return mention
    return None


# "(PMU)", "(U.S.)": one word of capitals. "(Oklahoma City)" before "or" places a name; it renames nothing.
_ACRONYM_BRACKET = re.compile(r"\(\s*(?=(?:[^)\s]*[A-Z]){2})[A-Za-z0-9.&/\-]{2,16}\s*\)")


def _or_pairs(doc, text, document, index) -> list[AliasEvidence]:
    """'X (ABBR) or Y' / 'X or Y, ...': two names of the same kind joined by 'or', not in a list."""
    out = []
    for token in (doc[i] for i in indices_where(doc, LOWER, ["or"])):
        a = _name_before(doc, text, _skip_parenthetical_back(text, token.idx), index)
        b_mention = index.at(token.idx + len(token.text) + 1)
        b = _name_after(doc, text, token.idx + len(token.text), index)
        if a is None or b is None:
            continue
        a_mention = index.at(a[0])
        if a_mention is None or a_mention.label not in _OR_LABELS - {"PERSON"}:
            continue
        # "the UN or NATO", "iPod or iPhone" are choices; a renaming is flagged by an acronym before
        # the "or" ("X (ABBR) or Y") or by an appositive comma ("X, or Y,")
        opening = _skip_parenthetical_back(text, token.idx)
        after_acronym = opening != token.idx and _ACRONYM_BRACKET.match(text, opening) is not None
        appositive = text[:token.idx].rstrip().endswith(",")
        if not (after_acronym or appositive):
            continue
        # spaCy often mislabels transliterated names (an ORG tagged PERSON): any actor label will do
        if b_mention is not None and b_mention.label not in _OR_LABELS:
            continue
        if _in_list(text, a[0], token.idx) or text[a[0]:a[1]] == text[b[0]:b[1]]:
            continue
        out.append(_evidence(document, text, a[0], a[1], b[0], b[1], "or", b[1]))
    return out


def _skip_parenthetical_back(text: str, char: int) -> int:
    """Offset before a "(...)" that ends just before ``char`` ("Forces (PMU) or" -> after "Forces")."""
    end = char
    while end > 0 and text[end - 1] == " ":
        end -= 1
    if end > 0 and text[end - 1] == ")":
        opening = text.rfind("(", 0, end)
        if opening != -1:
            return opening
    return char


def _in_list(text: str, a_start: int, or_char: int) -> bool:
    """'A, B or C' / 'either A or B' / 'whether A or B': alternatives, not names of one thing."""
    line_start = max(text.rfind("\n", 0, a_start), text.rfind(".", 0, a_start)) + 1
    before = text[line_start:a_start].rstrip().lower()
    return before.endswith((",", "either", "whether", "between", "neither")) or before.endswith(" either the")


# --------------------------------------------------------------------------- records


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " .,;:":
        end -= 1
    return end


def _evidence(document, text, a_start, a_end, b_start, b_end, kind, end) -> AliasEvidence:
    start = min(a_start, b_start)
    return AliasEvidence(document=document.id, start=start, end=max(end, a_end, b_end),
                         a_text=text[a_start:a_end], a_start=a_start, a_end=a_end,
                         b_text=text[b_start:b_end], b_start=b_start, b_end=b_end, kind=kind)
