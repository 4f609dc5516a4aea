"""Small helpers the extractors share: mentions by token, noun-phrase spans, name runs.

They work on spaCy tokens and return character offsets into the Doc text (which is
``Document.text``), so every record built from them carries exact offsets.
"""
from __future__ import annotations

from bisect import bisect_right

from ..model import Mention

# Dependents that start a new clause or a second label, not part of the phrase itself.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "parataxis", "ccomp", "punct", "cc", "conj", "mark"})
# Lower-case words allowed inside a multi-word name ("People's Mojahedin Organization of Iran").
NAME_JOINERS = frozenset({"of", "the", "for", "and", "de", "al", "el", "bin", "ibn", "'s", "’s", "-", "del", "la", "von", "van", "e"})
# Rank of mention labels as speakers/targets: people first, then organisations.
LABEL_RANK = {"PERSON": 0, "ORG": 1, "NORP": 2, "GPE": 3, "FAC": 4, "LOC": 5}


class MentionIndex:
    """Mentions found by character position (mentions are sorted and never overlap: they are doc.ents)."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]

    def at(self, char: int) -> Mention | None:
        """The mention covering character ``char``."""
        i = bisect_right(self._starts, char) - 1
        if i >= 0 and self.mentions[i].start <= char < self.mentions[i].end:
            return self.mentions[i]
        return None

    def of_token(self, token) -> Mention | None:
        return self.at(token.idx)

    def inside(self, start: int, end: int) -> list[Mention]:
        """Mentions lying wholly within [start, end)."""
        i = bisect_right(self._starts, start - 1)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def ending_at(self, char: int) -> Mention | None:
        """The mention whose last character is just before ``char`` (ignoring trailing whitespace)."""
        return self.at(char - 1)


def phrase_tokens(head, cut=CLAUSE_DEPS) -> tuple[int, int]:
    """Token range [i, j) of the noun phrase headed by ``head``, without clauses, appositions or lists.

    Dependents whose relation is in ``cut`` are dropped with their subtrees; the result is
    the contiguous run of kept tokens around the head.
    """
    kept = set()
    stack = [head]
    while stack:
        token = stack.pop()
        kept.add(token.i)
        # lists and coordinations are cut at the head only: "foreign terrorist and intervention agendas" stays whole
        local_cut = cut if token is head else cut - {"conj", "cc"}
        stack.extend(c for c in token.children
                     if (c.dep_ not in local_cut or _word_internal(c)) and not _is_including(c))
    i = head.i
    while i - 1 in kept:
        i -= 1
    j = head.i + 1
    while j in kept:
        j += 1
    doc = head.doc
    while j - 1 > i and (doc[j - 1].is_space or doc[j - 1].is_punct and doc[j - 1].text not in ")]"):
        j -= 1
    while i < j - 1 and (doc[i].is_space or doc[i].is_punct and doc[i].text not in "(["):
        i += 1
    return i, j


def _word_internal(token) -> bool:
    """A hyphen or apostrophe glued between two word pieces ("Iran-backed", "President-elect")."""
    doc = token.doc
    return (token.is_punct and token.i > 0 and not token.whitespace_ and not doc[token.i - 1].whitespace_
            and token.i + 1 < len(doc))


def _is_including(token) -> bool:
    """'including X' / 'such as X' hang off a phrase but name other things."""
    return token.dep_ == "prep" and token.lower_ in {"including", "like", "except", "besides"}


def char_span(doc, i: int, j: int) -> tuple[int, int]:
    """Character offsets of tokens [i, j)."""
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)


def best_mention(head, index: MentionIndex, max_depth: int = 4) -> Mention | None:
    """The mention that names the phrase headed by ``head``: its own, else the shallowest in its
    possessors, compounds, appositions and 'of/for X' objects (people before organisations)."""
    own = index.of_token(head)
    if own is not None:
        return own
    best = None
    frontier = [(head, 0)]
    while frontier:
        token, depth = frontier.pop()
        if depth >= max_depth:
            continue
        for child in token.children:
            if child.dep_ not in {"compound", "poss", "appos", "prep", "pobj", "nmod", "amod", "npadvmod"}:
                continue
            if _is_including(child):
                continue
            mention = index.of_token(child)
            if mention is not None and mention.label in LABEL_RANK:
                key = (depth + 1, LABEL_RANK[mention.label])
                if best is None or key < best[0]:
                    best = (key, mention)
            frontier.append((child, depth + 1))
    return best[1] if best else None


def name_run_after(doc, i: int, limit: int = 8) -> tuple[int, int] | None:
    """Token range of a capitalised name starting at token ``i`` ("Jamal Ali Ebrahimi", "Hashd al-Shaabi")."""
    if i >= len(doc) or not _capitalised(doc[i]):
        return None
    j = i + 1
    while j < len(doc) and j - i < limit:
        token = doc[j]
        if _capitalised(token) and not token.is_sent_start:
            j += 1
        elif (token.lower_ in NAME_JOINERS or token.text in {"-", "'", "’"}) and j + 1 < len(doc) and _capitalised(doc[j + 1]) \
                and not token.whitespace_ == "\n":
            j += 2
        else:
            break
    return i, j


def name_run_before(doc, j: int, limit: int = 10) -> tuple[int, int] | None:
    """Token range of a capitalised name ending just before token ``j`` (exclusive)."""
    i = j - 1
    if i < 0 or not _capitalised(doc[i]):
        return None
    start = i
    k = i - 1
    while k >= 0 and j - k <= limit:
        token = doc[k]
        if "\n" in token.whitespace_ or token.is_space:
            break
        if _capitalised(token):
            start = k
            k -= 1
        elif token.lower_ in NAME_JOINERS and k - 1 >= 0 and _capitalised(doc[k - 1]):
            start = k - 1
            k -= 2
        else:
            break
    # a name does not start with a joiner such as "the"
    while start < j and doc[start].lower_ in NAME_JOINERS:
        start += 1
    return (start, j) if start < j else None


def _capitalised(token) -> bool:
    text = token.text
    return bool(text) and (text[0].isupper() or token.pos_ == "PROPN" and text[0].isalpha()) and not token.is_punct


def doc_text(doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text again on each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def share_text(doc, text: str) -> None:
    """Let ``doc_text`` return ``text``, which the caller knows ``doc.text`` equals (nlp.parse_texts)."""
    doc.user_data[_TEXT_KEY] = text


_TEXT_KEY = "consilience.text"


def indices_where(doc, attr: int, values) -> list[int]:
    """Token indices whose ``attr`` (a spacy.attrs id: LEMMA, LOWER, DEP, ...) is one of ``values``.

    Reads one array instead of creating a Token object per token: building Tokens is most of
    what a Python loop over a Doc costs, so extractors pick their few candidates this way.
    """
    import numpy

    strings = doc.vocab.strings  # maps symbols ("nsubj" -> 429) and other strings (hashes) alike
    hashes = numpy.array([v if isinstance(v, int) else strings[v] for v in values], dtype=numpy.uint64)
    column = doc.to_array(attr).astype(numpy.uint64, copy=False)  # same dtype: no lossy float comparison
    return numpy.flatnonzero(numpy.isin(column, hashes)).tolist()


def indices_where_lower(doc, attr: int, values) -> list[int]:
    """Token indices whose ``attr`` string (LEMMA, LOWER, ...), lower-cased, is one of ``values``
    (a proper noun's lemma keeps its capital: "Commander")."""
    import numpy

    strings = doc.vocab.strings
    column = doc.to_array(attr).astype(numpy.uint64, copy=False)
    wanted = [h for h in numpy.unique(column).tolist() if strings[h].lower() in values]
    return numpy.flatnonzero(numpy.isin(column, numpy.array(wanted, dtype=numpy.uint64))).tolist()


# Labels whose names are repeated through a document; a surname (last word of a PERSON) stands alone.
_REPEATED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART"})


def repeat_names(doc):
    """Tag again, in the same document, the names spaCy tagged once and missed elsewhere (label
    consistency within a document): the same capitalised words as a tagged name ("Internet Explorer"
    tagged in one sentence and not in the next), and a person's surname standing alone ("Whitfield"
    after "Dana Whitfield"). Only tokens outside every entity, written capitalised as the name was,
    and never a word the document also writes in lower case; outside a title-case headline, not next to
    another capitalised word (a longer, different name). Before that, names are split or cut
    (``_split_joined``, ``_cut_trailing_lower``, ``_split_headline_names``); after it, proper nouns
    spaCy left untagged become MISC mentions (``_untagged_proper_nouns``). Returns the Doc.
    """
    from spacy.tokens import Span

    lower = {t.text for t in doc if t.is_alpha and t.text.islower()}
    ents = _split_headline_names(doc, _cut_trailing_lower(_split_joined(list(doc.ents))), lower)
    ents = _drop_common_words(doc, ents, lower)
    known: dict[tuple[str, ...], str] = {}
    for ent in ents:
        if ent.label_ not in _REPEATED_LABELS:
            continue
        words = tuple(t.text for t in ent if not (t.is_punct and t.i in (ent.start, ent.end - 1)))
        while words and words[0].islower():  # "the Velmora Colts" is repeated as "Velmora Colts"
            words = words[1:]
        if words and words[0][:1].isupper() and not (len(words) == 1 and words[0].lower() in lower):
            known.setdefault(words, ent.label_)
        last = ent[-1].text
        if ent.label_ == "PERSON" and len(ent) > 1 and last[:1].isupper() and last.isalpha() and len(last) > 2 \
                and last.lower() not in lower and last.lower() not in NAME_JOINERS:
            known.setdefault((last,), "PERSON")
    longest = max((len(k) for k in known), default=0)
    in_headline = HeadlineLines(doc_text(doc))
    taken = [False] * len(doc)
    for ent in ents:
        for i in range(ent.start, ent.end):
            taken[i] = True
    added = []
    i = 0
    while known and i < len(doc):
        if taken[i] or not doc[i].text[:1].isupper():
            i += 1
            continue
        for n in range(min(longest, len(doc) - i), 0, -1):
            words = tuple(t.text for t in doc[i:i + n])
            label = known.get(words)
            if label is None or any(taken[i:i + n]):
                continue
            # not the start of a longer capitalised run that is a different name ("Whitfield Foundation");
            # in a title-case headline capitals mark nothing, so there the neighbours say nothing either
            if not in_headline(doc[i].idx):
                nxt = doc[i + n] if i + n < len(doc) else None
                if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and not nxt.is_sent_start:
                    continue
                prev = doc[i - 1] if i > 0 else None
                if prev is not None and _capital_marks_name(prev, doc_text(doc)) and not doc[i].is_sent_start:
                    continue
            added.append(Span(doc, i, i + n, label=label))
            i += n - 1
            break
        i += 1
    added.extend(_untagged_proper_nouns(doc, ents + added, lower))
    final = _join_second_surnames(doc, _drop_common_words(doc, sorted(ents + added, key=lambda s: s.start), lower),
                                  in_headline)
    if len(final) != len(doc.ents) or any(a.start != b.start or a.end != b.end for a, b in zip(final, doc.ents)):
        doc.set_ents(final)
    return doc


def _drop_common_words(doc, ents: list, lower: set[str]) -> list:
    """One-word "names" that are not: a currency code before its amount ("NOK 1.05bn", "USD 40"), and a
    common word capitalised only because it opens a sentence or line ("Turnout was low", "Riot police
    ...") when the document also writes it in lower case and tags it nowhere else."""
    text = doc_text(doc)
    elsewhere = {ent.text for ent in ents if not (ent[0].is_sent_start or _opens_line(text, ent.start_char))}
    out = []
    for ent in ents:
        if len(ent) == 1 and (ent.label_ in _REPEATED_LABELS or ent.label_ == "MISC"):
            tok = ent[0]
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if len(tok.text) == 3 and tok.text.isalpha() and tok.text.isupper() and nxt is not None \
                    and nxt.text[:1].isdigit():
                continue  # ISO 4217: a currency code written before an amount
            if (tok.is_sent_start or _opens_line(text, tok.idx)) and tok.text.lower() in lower \
                    and tok.text not in elsewhere:
                continue
        out.append(ent)
    return out


def _join_second_surnames(doc, ents: list, in_headline) -> list:
    """A person's name and one capitalised word tagged apart right after it, with one space between and
    no capitalised word after, are one name: a second surname ("Dana Ruiz Tapia", spaCy tagging "Dana
    Ruiz" and "Tapia"). Not in a title-case headline, where capitals mark nothing."""
    from spacy.tokens import Span

    out = []
    for ent in ents:
        prev = out[-1] if out else None
        if (prev is not None and prev.label_ == "PERSON" and len(ent) == 1 and ent.start == prev.end
                and ent.label_ in ("PERSON", "ORG", "MISC", "NORP") and doc[prev.end - 1].whitespace_ == " "
                and ent[0].is_alpha and ent[0].text[:1].isupper() and not ent[0].text.isupper()
                and not (ent.end < len(doc) and doc[ent.end].text[:1].isupper() and doc[ent.end].is_alpha)
                and not in_headline(ent.start_char)):
            out[-1] = Span(doc, prev.start, ent.end, label="PERSON")
            continue
        out.append(ent)
    return out


_DASHES = frozenset({"-", "\u2013", "\u2014", "--"})


def _heads_of_phrase(doc, j: int) -> bool:
    """The run is followed by "of (the)" and a capitalised word: the head of a longer name ("Sons of the X
    Brigade", "Friends of the Y"), which resolution grows over "of"; not a name of its own."""
    if j >= len(doc) or doc[j].lower_ not in ("of", "for"):
        return False
    k = j + 1
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    return k < len(doc) and doc[k].text[:1].isupper()


def _capital_marks_name(token, text: str) -> bool:
    """The token is capitalised, and not only because it opens a sentence or a line as a function word
    ("The" of "The Colts scored": the run of names starts after it)."""
    if not (token.text[:1].isupper() and token.is_alpha):
        return False
    return not (token.is_stop and (token.is_sent_start or _opens_line(text, token.idx)))


def _opens_line(text: str, idx: int) -> bool:
    """The word opens its line, perhaps after a bullet, number, quote or dash: its capital says nothing."""
    start = text.rfind("\n", 0, idx) + 1
    return not any(ch.isalpha() for ch in text[start:idx])


def _untagged_proper_nouns(doc, ents: list, lower: set[str]) -> list:
    """Runs of proper nouns spaCy left untagged ("the visiting Colts", "TMZ reported"), as MISC
    mentions: inside a sentence (not its first word, nor the first of a line after a bullet), outside a
    title-case line, capitalised, at most four words, the last (the head) never written in lower case
    elsewhere in the document, nor every word ("Internet Explorer" stays a name where "internet" is also
    written as a common word); a lone word needs 3+ letters or to be an acronym. Resolution types them by the votes of the names they join."""
    from spacy.tokens import Span

    taken = set()
    for ent in ents:
        taken.update(range(ent.start, ent.end))
    text = doc_text(doc)
    in_headline = HeadlineLines(text)
    out = []
    i = 0
    n = len(doc)
    while i < n:
        t = doc[i]
        if i in taken or t.pos_ != "PROPN" or not t.text[:1].isupper() or t.is_sent_start or not t.is_alpha \
                or _opens_line(text, t.idx):
            i += 1
            continue
        j = i
        while j < n and j not in taken and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and doc[j].is_alpha \
                and (j == i or not doc[j].is_sent_start):
            j += 1
        words = [w.text for w in doc[i:j]]
        ok = (
            j - i <= 4 and not in_headline(t.idx)
            and words[-1].lower() not in lower and not all(w.lower() in lower for w in words)
            and (len(words) > 1 or len(words[0]) >= 3 or words[0].isupper())
            and not (j < n and doc[j].text[:1].isupper() and doc[j].is_alpha)  # the run goes on in another form
            and not (i > 0 and _capital_marks_name(doc[i - 1], text) and (i - 1) not in taken)
            and not _heads_of_phrase(doc, j)
        )
        if ok:
            out.append(Span(doc, i, j, label="MISC"))
        i = j
    return out


def _split_joined(ents: list) -> list:
    """Names spaCy joined across a line break (a name never runs from one line into the next: "Jags" +
    newline + "Quarterback Ray Dunn"; a page address alone is no name), across a spaced dash
    ("Computerworld - Norvell": a site and a company; a hyphenated name has no spaces), across "and"
    for people ("Lopez and Marsh": two people) or, for any name, between two names the document also
    writes on their own ("Philly and Dunn", "Locke and Salazar"; not "Fish and Wildlife"), and across
    "at" between two capitalised names ("the Jaguars at Velmora Stadium")."""
    from spacy.tokens import Span

    ents = _cut_lines(ents)
    known = _names_written_alone(ents)
    out = []
    for ent in ents:
        if len(ent) < 3 or ent.label_ not in _REPEATED_LABELS:
            out.append(ent)
            continue
        cuts = [t.i for t in ent[1:-1] if (t.text in _DASHES and t.whitespace_ and ent.doc[t.i - 1].whitespace_)
                or (t.text == "at" and ent.label_ != "WORK_OF_ART" and _capitalised(ent.doc[t.i - 1])
                    and _capitalised(ent.doc[t.i + 1]))]
        joins = [t.i for t in ent[1:-1] if t.text in ("and", "&")]
        if joins and (ent.label_ == "PERSON" or all(
                _bare_words(ent.doc[a:b]) in known for a, b in _pieces(ent, joins))):
            cuts = sorted(cuts + joins)
        if not cuts:
            out.append(ent)
            continue
        for a, b in _pieces(ent, cuts):
            while a < b and ent.doc[a].text.lower() in _ARTICLES:
                a += 1
            if b > a and ent.doc[a].text[:1].isupper():
                out.append(Span(ent.doc, a, b, label=ent.label_))
    return out


_ARTICLES = frozenset({"the", "a", "an"})


def _pieces(ent, cuts: list[int]) -> list[tuple[int, int]]:
    """Token ranges of ``ent`` between the cut tokens (which belong to no piece)."""
    out, start = [], ent.start
    for cut in cuts + [ent.end]:
        if cut > start:
            out.append((start, cut))
        start = cut + 1
    return out


def _bare_words(span) -> tuple[str, ...]:
    """The lower-cased words of a name without a leading article or edge punctuation."""
    words = [t.text.lower() for t in span if not t.is_space]
    while words and (words[0] in _ARTICLES or not words[0][:1].isalnum()):
        words.pop(0)
    while words and not words[-1][:1].isalnum():
        words.pop()
    return tuple(words)


def _names_written_alone(ents: list) -> set[tuple[str, ...]]:
    """Names the document tags that join no two names by "and" or "&", and the surnames of its people."""
    known = set()
    for ent in ents:
        if ent.label_ not in _REPEATED_LABELS or any(t.text in ("and", "&") for t in ent):
            continue
        words = _bare_words(ent)
        if words:
            known.add(words)
            if ent.label_ == "PERSON" and len(words) > 1:
                known.add(words[-1:])
    return known


def _cut_lines(ents: list) -> list:
    """Entities cut at every line break inside them, each piece kept when it holds a word or number
    that is not a page address."""
    from spacy.tokens import Span

    out = []
    for ent in ents:
        breaks = [t.i for t in ent if "\n" in t.text]
        if not breaks:
            out.append(ent)
            continue
        doc = ent.doc
        for a, b in _pieces(ent, breaks):
            while a < b and (doc[a].is_space or doc[a].is_punct):
                a += 1
            while b > a and (doc[b - 1].is_space or doc[b - 1].text in ",;:-"):
                b -= 1
            if any(t.is_alpha or t.is_digit for t in doc[a:b]) and not any(
                    t.like_url or "://" in t.text for t in doc[a:b]):
                out.append(Span(doc, a, b, label=ent.label_))
    return out


def _cut_trailing_lower(ents: list) -> list:
    """Names without trailing lower-case words spaCy ran into ("Dana Whitfield checks" -> "Dana
    Whitfield"); joiners inside a name ("Bank of X") stay, a name never ends with one. A person's name
    loses any lower-case word; another name only verbs, adverbs and other non-nouns: "Halden
    airport" keeps its noun (cut, it would read as the person "Halden")."""
    from spacy.tokens import Span

    out = []
    for ent in ents:
        if ent.label_ not in _REPEATED_LABELS or len(ent) < 2 or not ent[0].text[:1].isupper():
            out.append(ent)
            continue
        end = ent.end
        while end - ent.start > 1 and doc_word_lower(ent.doc[end - 1]) and (
                ent.label_ == "PERSON" or ent.doc[end - 1].pos_ not in ("NOUN", "PROPN", "ADJ")):
            end -= 1
        while end - ent.start > 1 and ent.doc[end - 1].text.lower() in NAME_JOINERS:
            end -= 1
        out.append(ent if end == ent.end else Span(ent.doc, ent.start, end, label=ent.label_))
    return out


def doc_word_lower(token) -> bool:
    """A lower-case word (not a joiner such as "of" or "al"), or a number: not part of a name's end."""
    t = token.text
    return (t.isalpha() and t.islower() and t not in NAME_JOINERS) or t[:1].isdigit()


def headline_at(text: str, pos: int) -> bool:
    """The line of ``text`` holding ``pos`` is a headline (``headline_line``)."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return headline_line(text[a:b if b >= 0 else len(text)])


class HeadlineLines:
    """``headline_at`` over one text, each line judged once (many names share a line)."""

    def __init__(self, text: str):
        self.text = text
        self._flags: dict[int, bool] = {}

    def __call__(self, pos: int) -> bool:
        a = self.text.rfind("\n", 0, pos) + 1
        if a not in self._flags:
            self._flags[a] = headline_at(self.text, pos)
        return self._flags[a]


def headline_line(text: str) -> bool:
    """A headline written in title case or capitals: no lower-case word of four letters or more, or
    (a line not ending as a sentence does) three in four such words capitalised; at least three
    capitalised. Capitals there do not mark names ("Norvell Announces New Tablet Availability")."""
    caps = lower = 0
    for w in text.split():
        w = w.strip("\"'\u2018\u2019\u201c\u201d,.;:!?()[]")
        if len(w) >= 4 and w[:1].isalpha():
            if w[0].islower():
                lower += 1
            else:
                caps += 1
    if caps < 3:
        return False
    return lower == 0 or (caps >= 3 * lower and not text.rstrip().endswith((".", '."', ".'", ".\u201d")))


def _split_headline_names(doc, ents: list, lower: set[str]) -> list:
    """In a title-case line spaCy reads several words as one name ("Norvell Announces New Tablet",
    "Talbot To Name Dana Whitfield"): such a name is replaced by the names the same document tags
    outside its headlines that it contains ("Norvell"; "Talbot", "Dana Whitfield"). A name containing
    none keeps its longest run of words the document never writes in lower case ("IE Zero Day Flaw
    Affects All Versions" -> "IE" when the body writes "zero-day flaw affects all versions"), or stays
    as it is when every word is such (entity resolution decides about it with the whole corpus)."""
    from spacy.tokens import Span

    in_headline = HeadlineLines(doc_text(doc))
    heads = [in_headline(ent.start_char) if ent.label_ in _REPEATED_LABELS else False for ent in ents]
    if not any(heads):
        return ents
    known: dict[tuple[str, ...], str] = {}
    for ent, head in zip(ents, heads):
        if not head and ent.label_ in _REPEATED_LABELS:
            words = tuple(t.text.lower() for t in ent if not t.is_punct)
            while words and words[0] in ("the", "a", "an"):
                words = words[1:]
            if words:
                known.setdefault(words, ent.label_)
            if ent.label_ == "PERSON" and len(words) > 1 and words[-1].isalpha() and len(words[-1]) > 2:
                known.setdefault(words[-1:], "PERSON")  # "Talbot" in a headline, "Dana Talbot" in the body
    longest = max((len(k) for k in known), default=0)
    out = []
    for ent, head in zip(ents, heads):
        if not head or len(ent) < 2:
            out.append(ent)
            continue
        found = []
        i = ent.start
        while i < ent.end:
            for n in range(min(longest, ent.end - i), 0, -1):
                label = known.get(tuple(t.text.lower() for t in doc[i:i + n]))
                if label is not None:
                    found.append(Span(doc, i, i + n, label=label))
                    i += n - 1
                    break
            i += 1
        out.extend(found if found else _name_words(ent, lower))
    return out


def _name_words(ent, lower: set[str]) -> list:
    """The longest run of ``ent``'s words that the document never writes in lower case (the first such
    run on a tie), as the one name of a title-case headline span; ``[ent]`` when no word is ever written
    in lower case, ``[]`` when every word is."""
    from spacy.tokens import Span

    common = [t.is_alpha and t.text.lower() in lower for t in ent]
    if not any(common):
        return [ent]
    best, start = None, None
    for k, c in enumerate(common + [True]):
        if not c and start is None:
            start = k
        elif c and start is not None:
            if best is None or k - start > best[1] - best[0]:
                best = (start, k)
            start = None
    if best is None:
        return []
    a, b = ent.start + best[0], ent.start + best[1]
    while b > a and ent.doc[b - 1].is_punct:
        b -= 1
    return [Span(ent.doc, a, b, label=ent.label_)] if b > a and ent.doc[a].text[:1].isupper() else []
