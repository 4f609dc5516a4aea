"""Names the corpus tags elsewhere, found where spaCy missed them (label consistency across documents).

spaCy's small model misses names it tags a sentence later or in the next article ("The Colts scored",
"hijack Internet Explorer browsers", "Wladimir Klitschko won"); phase 1 already repeats a name within
its own document (``analyze.spans.repeat_names``). This step does the same across the corpus, in the
spirit of two-stage label-consistency NER (Krishnan & Manning, 2006), with the guards that keep it
precise:

- a name counts as attested when at least ``MIN_DOCUMENTS`` documents tag it with a naming label
  (not an untagged proper noun), written exactly so; a one-word name also needs the corpus never to
  write it in lower case ("Police", "Rehab" are common words), and two letters or more;
- an occurrence is taken only where no mention already covers any of its characters, at word
  boundaries, and, outside a title-case headline, not inside a longer run of capitalised words (a
  different name: "Harlan Foundation" is not "Harlan");
- the new mention takes the label most of the corpus's tags gave the name.

Records in, records out: ``propagate_names`` reads the documents and their mentions and returns only
the new Mention records, per document; the pipeline stores them (``store.Analyses.add_mentions``) before
entity resolution.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..analyze.spans import HeadlineLines
from ..model import Document, Mention
from ..store import Analyses

# Labels that name something (spaCy's). MISC, a proper noun spaCy left untagged, is not evidence enough.
PROPAGATED_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
                               "LAW"})
MIN_DOCUMENTS = 2  # documents that must tag a name before it is looked for elsewhere
# A name of two words or more that only phase 1 found (untagged proper nouns, MISC: "Internet Explorer",
# which spaCy's small model never tags) is looked for elsewhere once this many documents write it so.
MIN_MISC_DOCUMENTS = 3
_WORD = re.compile(r"[^\W_](?:[\w'\u2019&.\-]*\w)?")
_LOWER = re.compile(r"(?<![\w'\u2019.\-])[a-z][a-z'\u2019\-]*\b")
_URL = re.compile(r"\S*(?:https?:|www\.|\.(?:com|org|net|html?)\b|/)\S*")
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_FUNCTION_OPENERS = frozenset({"the", "a", "an", "in", "on", "at", "for", "by", "with", "from", "to", "of", "as",
                               "after", "before", "when", "while", "but", "and", "or", "if", "his", "her", "their",
                               "its", "our", "this", "that", "these", "those"})


def propagate_names(documents: list[Document], analyses: Analyses) -> dict[str, list[Mention]]:
    """New mentions per document id: attested names (see the module) where no mention stands.

    Two passes over the mentions, one document at a time, so memory holds the attested names and
    their label counts, not every mention of the corpus.
    """
    texts = {d.id: d.text for d in documents}
    n_docs: Counter = Counter()
    last_doc: dict[str, str] = {}
    labels: dict[str, Counter] = defaultdict(Counter)
    for a in analyses.view("mentions"):
        if a.skipped_reason or a.document not in texts:
            continue
        for m in a.mentions:
            misc = m.label == "MISC"
            if not misc and m.label not in PROPAGATED_LABELS:
                continue
            surface = _LEADING.sub("", m.text.strip()).rstrip(".,;:")
            if misc and " " not in surface:
                continue
            if surface and surface[:1].isupper() and "\n" not in surface:
                if last_doc.get(surface) != a.document:
                    last_doc[surface] = a.document
                    n_docs[surface] += 1
                labels[surface][m.label] += 1
    del last_doc
    lower_words: set[str] = set()
    for text in texts.values():
        lower_words.update(_LOWER.findall(_URL.sub(" ", text)))  # "lindsay-lohan" in an address is no word
    by_first: dict[str, list[str]] = defaultdict(list)
    for surface, count in n_docs.items():
        words = _WORD.findall(surface)
        if not words or count < (MIN_DOCUMENTS if set(labels[surface]) - {"MISC"} else MIN_MISC_DOCUMENTS):
            continue
        if len(words) == 1 and (len(surface) < 2 or surface.lower() in lower_words):
            continue
        by_first[words[0]].append(surface)
    if not by_first:
        return {}
    for names in by_first.values():
        names.sort(key=len, reverse=True)  # the longest name first: "Indianapolis Colts" before "Indianapolis"
    label_of = {name: _label(labels[name]) for names in by_first.values() for name in names}
    del labels, n_docs
    out: dict[str, list[Mention]] = {}
    for a in analyses.view("mentions"):
        if a.skipped_reason or a.document not in texts:
            continue
        text = texts[a.document]
        found = _occurrences(text, [(m.start, m.end) for m in a.mentions], by_first)
        if found:
            n = len(a.mentions)
            out[a.document] = [Mention(id=f"{a.document}:m{n + k}", document=a.document, start=s, end=e,
                                       text=text[s:e], label=label_of[name])
                               for k, (s, e, name) in enumerate(found)]
    return out


def _label(counts: Counter) -> str:
    """The label most of the corpus's tags gave a name; MISC only when no naming label did."""
    named = [(n, label) for label, n in counts.items() if label != "MISC"]
    return max(named)[1] if named else "MISC"


def _occurrences(text: str, spans: list[tuple[int, int]], by_first: dict[str, list[str]]) -> list[tuple[int, int, str]]:
    """(start, end, name) of each attested name in ``text`` that no mention overlaps."""
    if not by_first:
        return []
    taken = bytearray(len(text) + 1)
    for s, e in spans:
        taken[s:e] = b"\x01" * (e - s)
    headline = HeadlineLines(text)
    capitals = _capital_lines(text)
    by_upper = _upper_index(by_first) if capitals else {}
    out = []
    pos = 0
    for m in _WORD.finditer(text):
        s = m.start()
        if s < pos or taken[s]:
            continue
        upper = bool(capitals) and _in_lines(capitals, s)
        for name in (by_upper.get(m.group(), ()) if upper else by_first.get(m.group(), ())):
            e = s + len(name)
            if not (text[s:e] == name.upper() if upper else text.startswith(name, s)) \
                    or (e < len(text) and (text[e].isalnum() or text[e] == "_")):
                continue
            if any(taken[s:e]):
                continue
            if not headline(s) and (_capital_before(text, s) or _capital_after(text, e)):
                continue  # part of a longer capitalised run: a different name
            out.append((s, e, name))
            pos = e
            break
    return out


def _capital_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines written in capitals only (a headline in capitals: "TALBOT WINS AGAIN")."""
    if not any(c.isupper() for c in text):
        return []
    out, pos = [], 0
    for line in text.split("\n"):
        if sum(c.isalpha() for c in line) >= 4 and not any(c.islower() for c in line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _in_lines(lines: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in lines)


def _upper_index(by_first: dict[str, list[str]]) -> dict[str, list[str]]:
    """The attested names by their first word in capitals, longest first: in a line of capitals an
    attested name is found written in capitals ("DANA WHITFIELD" is "Dana Whitfield")."""
    out: dict[str, list[str]] = defaultdict(list)
    for first, names in by_first.items():
        out[first.upper()].extend(names)
    for names in out.values():
        names.sort(key=len, reverse=True)
    return out


def _capital_before(text: str, s: int) -> bool:
    """The word just before ``s`` (same line, spaces only between) is capitalised and not a sentence- or
    line-opening function word ("The Colts" is the Colts)."""
    i = s
    while i > 0 and text[i - 1] == " ":
        i -= 1
    if i == s or i == 0 or not text[i - 1].isalpha():
        return False
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "'\u2019-."):
        j -= 1
    word = text[j:i]
    if not word[:1].isupper():
        return False
    k = j
    while k > 0 and text[k - 1] == " ":
        k -= 1
    opens = k == 0 or text[k - 1] in "\n.!?\"\u201c:"
    return not (opens and word.lower() in _FUNCTION_OPENERS)


def _capital_after(text: str, e: int) -> bool:
    """The word just after ``e`` (spaces only between) is capitalised."""
    i = e
    while i < len(text) and text[i] == " ":
        i += 1
    return i > e and i < len(text) and text[i].isupper()
