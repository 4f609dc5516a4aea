"""Direct quotes and reported speech, each tied to its speaker.

1. Direct quotes are the outermost spans between quotation marks (straight or curly,
   nesting handled with a stack). Their speaker comes from a speech verb outside the marks
   in the sentences the quote touches ("..., X said", "X said, ...", "X described Y as ...")
   through the parse: the verb's ``nsubj``, or the subject of the clause it hangs from
   ("confirmed ..., saying, ...").
2. Reported speech is a speech verb whose complement clause is not quoted ("X said that
   ...", "X confirmed ... that ..."), and "according to X".
3. A speaker that is only a generic noun or a pronoun ("the statement reads", "he said")
   resolves to the last named speaker a few sentences earlier; a quoted paragraph that
   directly follows a quote with no cue of its own continues that quote's speaker.

Short quoted phrases with no cue ("scare quotes") are not quotes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER

from ..lexicon.speech import SPEECH_VERBS
from ..model import Document, Mention, Quote
from .spans import MentionIndex, best_mention, char_span, doc_text, indices_where, phrase_tokens

# Nouns naming a text rather than a speaker: "the statement reads" resolves to who issued it.
GENERIC_SPEAKERS = frozenset({
    "statement", "communique", "communiqué", "release", "report", "letter", "text", "message", "document",
    "announcement", "declaration", "post", "tweet", "notice", "memo", "note", "transcript", "video",
})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "this", "that", "who"})
_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
_QUOTE_MARKS = re.compile(r'\n[ \t]*\n|[“”«»„"]')  # only these characters matter to quote_spans
_MIN_UNCUED_WORDS = 8  # a quoted span without a cue shorter than this is a scare quote, not speech
_CONTINUATION_CHARS = 200  # an uncued quote this close after an attributed one continues it
_LOOKBACK_CHARS = 2000
_AFTER_QUOTE_CHARS = 60  # a cue in the next parsed sentence must follow the closing mark this closely  # how far back a generic speaker may find its named speaker


@dataclass
class _Speaker:
    text: str
    start: int
    end: int
    mention: str | None
    generic: bool  # a pronoun or a text noun: to be resolved to an earlier named speaker


def find_quotes(doc, document: Document, mentions: list[Mention]) -> list[Quote]:
    """Direct and reported quotes of one document, in text order, with speakers resolved."""
    index = MentionIndex(mentions)
    direct = [_direct_quote(doc, document, span, index) for span in quote_spans(document.text)]
    direct = [q for q in direct if q is not None]
    reported = _reported(doc, document, index, [(q[0].start, q[0].end) for q in direct])
    found = sorted(direct + reported, key=lambda pair: pair[0].start)
    return _resolve_speakers(found, document.text, _speech_events(doc, index))


# --------------------------------------------------------------------------- direct quotes


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (inside the marks) of outermost quotations: curly/guillemet pairs by a stack,
    straight double quotes by alternation within a paragraph."""
    spans = []
    stack: list[tuple[str, int]] = []
    straight_open: int | None = None
    for match in _QUOTE_MARKS.finditer(text):
        i, ch = match.start(), match.group()
        if ch[0] == "\n":
            stack, straight_open = [], None  # a quotation never runs over a blank line unclosed
        elif ch in _OPEN_CLOSE and not (ch == "“" and stack and stack[-1][0] == "„"):
            stack.append((ch, i))
        elif ch == "”" and not stack and straight_open is not None:  # mixed marks: "…”
            spans.append((straight_open + 1, i))
            straight_open = None
        elif stack and ch == _OPEN_CLOSE[stack[-1][0]]:
            _, start = stack.pop()
            if not stack:
                spans.append((start + 1, i))
        elif ch == '"' and not stack:
            if straight_open is None:
                straight_open = i
            else:
                spans.append((straight_open + 1, i))
                straight_open = None
    return sorted(s for s in spans if s[1] > s[0])


def _direct_quote(doc, document: Document, span: tuple[int, int], index: MentionIndex):
    start, end = span
    while end > start and document.text[end - 1] in " ,\n":  # '"..., " she said': the comma is not speech
        end -= 1
    if end == start:
        return None
    verb = _speech_verb_near(doc, start, end)
    if verb is None:
        if len(document.text[start:end].split()) < _MIN_UNCUED_WORDS:
            return None
        quote = Quote(document=document.id, start=start, end=end, text=document.text[start:end], kind="direct")
        return quote, None
    speaker = _speaker_of(verb, index, outside=(start - 1, end + 1))
    quote = Quote(document=document.id, start=start, end=end, text=document.text[start:end], kind="direct",
                  cue=_cue(verb))
    return quote, speaker


def _speech_verb_near(doc, start: int, end: int):
    """The speech verb outside the quote marks, in a sentence the quote touches, nearest to the quote."""
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None or len(first) == 0:
        return None
    own = {first[0].sent.start, first[-1].sent.start}
    candidates = _speech_verbs_in(doc, own, start, end)
    after = first[-1].i + 2  # the token after the closing mark: '"...," the statement reads' split off
    if not candidates and after < len(doc) and doc[after].sent.start not in own:
        candidates = [c for c in _speech_verbs_in(doc, {doc[after].sent.start}, start, end)
                      if c[0] <= _AFTER_QUOTE_CHARS]
    if not candidates:
        return None
    return min(candidates)[2]


def _speech_verbs_in(doc, sentence_starts, start: int, end: int) -> list:
    """(distance to the quote, index, token) of the speech verbs of these sentences outside the quote."""
    out = []
    for sent_start in sentence_starts:
        for token in doc[sent_start].sent:
            if start - 1 <= token.idx < end + 1:
                continue
            if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in SPEECH_VERBS:
                distance = start - token.idx if token.idx < start else token.idx - end
                out.append((distance, token.i, token))
    return out


# --------------------------------------------------------------------------- reported speech


def _reported(doc, document: Document, index: MentionIndex, quoted: list[tuple[int, int]]):
    out = []
    candidates = sorted(set(indices_where(doc, LEMMA, SPEECH_VERBS)) | set(indices_where(doc, LOWER, ["according"])))
    for token in (doc[i] for i in candidates):
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"} and lemma in SPEECH_VERBS:
            extract = _reported_clause
        elif token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            extract = _according_to
        else:
            continue
        if _inside_any(token.idx, quoted):
            continue
        found = extract(doc, document, token, index, quoted)
        if found is not None:
            out.append(found)
    return out


def _reported_clause(doc, document, verb, index, quoted):
    """'X said (that) CLAUSE' / 'X described Y as Z': the complement, if it is not quoted."""
    complement = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp"} and c.pos_ in {"VERB", "AUX"}]
    complement = complement or _misattached_that_clause(verb)
    if not complement and verb.lemma_.lower() == "describe":
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        as_phrase = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
        if objects and as_phrase:
            i = objects[0].left_edge.i
            j = as_phrase[0].right_edge.i + 1
            return _reported_quote(doc, document, verb, i, j, index, quoted)
    if not complement and verb.dep_ == "parataxis" and verb.head.pos_ in {"VERB", "AUX"}:
        return _parenthetical_attribution(doc, document, verb, index, quoted)  # "X, the report says, Y"
    if not complement:
        return None
    clause = complement[0]
    i, j = clause.left_edge.i, clause.right_edge.i + 1
    while i < j and (doc[i].dep_ == "mark" or doc[i].is_punct):
        i += 1
    return _reported_quote(doc, document, verb, i, j, index, quoted)


def _misattached_that_clause(verb) -> list:
    """'confirmed to outlets that X': the small parser often hangs the that-clause on the object."""
    out = []
    for prep in (c for c in verb.children if c.dep_ in {"prep", "dobj", "dative"}):
        for obj in [prep, *prep.children]:
            for clause in obj.children:
                if clause.dep_ in {"relcl", "acl"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                    out.append(clause)
    return out


def _reported_quote(doc, document, verb, i, j, index, quoted):
    while j - 1 > i and doc[j - 1].is_punct:
        j -= 1
    if j - i < 3:
        return None
    start, end = char_span(doc, i, j)
    return _reported_span(document, verb, index, quoted, start, end)


def _reported_span(document, verb, index, quoted, start: int, end: int):
    """A reported-speech Quote of [start, end) cued by ``verb``, with its speaker; None when a direct
    quote already covers the span or no speaker is found."""
    if _overlaps_any(start, end, quoted):
        return None
    speaker = _speaker_of(verb, index, outside=(start, end))
    if speaker is None:
        return None
    quote = Quote(document=document.id, start=start, end=end, text=document.text[start:end], kind="reported",
                  cue=_cue(verb))
    return quote, speaker


def _parenthetical_attribution(doc, document, verb, index, quoted):
    """'Between 2018 and 2023, the statement says, 119 members were killed': the rest of the sentence."""
    i, j = verb.left_edge.i, verb.right_edge.i + 1
    content = _rest_of_sentence(doc, verb.sent, i, j)
    if content is None:
        return None
    return _reported_span(document, verb, index, quoted, *content)


def _rest_of_sentence(doc, sent, i: int, j: int) -> tuple[int, int] | None:
    """Character span of the longer part of the sentence either side of tokens [i, j) (the cue),
    trimmed of punctuation; None when it is too short to be a statement."""
    ci, cj = max((sent.start, i), (j, sent.end), key=lambda r: r[1] - r[0])
    while ci < cj and (doc[ci].is_punct or doc[ci].is_space):
        ci += 1
    while cj > ci and (doc[cj - 1].is_punct or doc[cj - 1].is_space):
        cj -= 1
    if cj - ci < 3:
        return None
    return char_span(doc, ci, cj)


def _according_to(doc, document, according, index, quoted):
    """'..., according to X': X speaks the rest of the sentence."""
    to = doc[according.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in according.children if c.dep_ == "pobj"]
    if not objects:
        return None
    i, j = phrase_tokens(objects[0])
    speaker = _speaker_from_phrase(doc, objects[0], i, j, index)
    content = _rest_of_sentence(doc, according.sent, according.i, j)
    if content is None:
        return None
    start, end = content
    if _overlaps_any(start, end, quoted):
        return None
    quote = Quote(document=document.id, start=start, end=end, text=document.text[start:end], kind="reported",
                  cue="according to")
    return quote, speaker


# --------------------------------------------------------------------------- speakers


def _speaker_of(verb, index: MentionIndex, outside: tuple[int, int]) -> _Speaker | None:
    """The subject of a speech verb, or of the clause it hangs from ("..., saying ..."), outside the quote."""
    token = verb
    for _ in range(3):
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}
                    and not outside[0] <= c.idx < outside[1]]
        agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if subjects or agents:
            # two subjects ("The President-elect of X, Maryam Rajavi described"): the one nearest the verb
            head = agents[0] if agents else max(subjects, key=lambda t: t.i if t.i < verb.i else -t.i)
            i, j = phrase_tokens(head)
            return _speaker_from_phrase(verb.doc, head, i, j, index)
        if token.dep_ in {"advcl", "xcomp", "conj", "ccomp", "acl", "relcl"} and token.head is not token:
            token = token.head
        else:
            break
    return None


def _speaker_from_phrase(doc, head, i: int, j: int, index: MentionIndex) -> _Speaker:
    start, end = char_span(doc, i, j)
    mention = best_mention(head, index)
    generic = mention is None and (head.lower_ in PRONOUNS or head.lemma_.lower() in GENERIC_SPEAKERS)
    return _Speaker(text=doc_text(doc)[start:end], start=start, end=end, mention=mention.id if mention else None,
                    generic=generic)


def _cue(verb) -> str:
    """The words that mark the attribution: "said", "described ... as", "confirmed in a statement"."""
    cue = verb.text
    near = [*verb.children, *(g for c in verb.children if c.dep_ == "dobj" for g in c.children)]
    if verb.lemma_.lower() == "describe" and any(c.lower_ == "as" for c in near):
        cue = f"{verb.text} ... as"
    statement = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                 and any(g.lemma_.lower() in GENERIC_SPEAKERS for g in c.children)]
    if statement:
        cue += " in a statement"
    return cue


def _speech_events(doc, index: MentionIndex) -> list[tuple[int, _Speaker]]:
    """(position, speaker) of every named speaker: subjects of speech verbs, and of verbs that issue
    or frame a statement ("X vowed revenge", "X issued a statement", "In a statement, X listed ...")."""
    events = []
    for token in (doc[i] for i in indices_where(doc, LEMMA, SPEECH_VERBS | GENERIC_SPEAKERS)):
        lemma = token.lemma_.lower()
        verb = None
        if token.pos_ in {"VERB", "AUX"} and lemma in SPEECH_VERBS:
            verb = token
        elif token.pos_ == "NOUN" and lemma in GENERIC_SPEAKERS:
            verb = _governing_verb(token)
        if verb is None:
            continue
        speaker = _speaker_of(verb, index, outside=(-1, -1))
        if speaker is not None and not speaker.generic:
            events.append((token.idx, speaker))
    return events


def _governing_verb(token):
    """The verb a noun hangs from, through prepositions and participles ("In a statement issued ..., X listed")."""
    for _ in range(4):
        token = token.head
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"acl", "relcl"}:
            return token
        if token.head is token:
            return None
    return None


def _resolve_speakers(found: list, text: str, events: list[tuple[int, _Speaker]]) -> list[Quote]:
    """Fill each quote's speaker: a generic one ("the statement reads") borrows the last named speaker
    before the quote; an uncued quote right after an attributed one continues it."""
    out = []
    previous: Quote | None = None
    for quote, speaker in found:
        if speaker is not None and not speaker.generic:
            _set_speaker(quote, speaker)
        elif speaker is not None:
            earlier = _last_named_before(events, min(quote.start, speaker.start))
            _set_speaker(quote, earlier or speaker)
            if earlier is not None:
                quote.cue = f"{quote.cue} ({speaker.text})"
        elif previous is not None and previous.speaker is not None and _continues(previous, quote, text):
            quote.speaker, quote.speaker_start, quote.speaker_end = previous.speaker, previous.speaker_start, \
                previous.speaker_end
            quote.speaker_mention = previous.speaker_mention
            quote.cue = "continued"
        out.append(quote)
        previous = quote
    return out


def _last_named_before(events: list[tuple[int, _Speaker]], position: int) -> _Speaker | None:
    earlier = [(p, s) for p, s in events if position - _LOOKBACK_CHARS <= p < position]
    return earlier[-1][1] if earlier else None


def _continues(previous: Quote | None, quote: Quote, text: str) -> bool:
    """An uncued direct quote starting right after an attributed one (its cue sentence between) continues it."""
    if previous is None or previous.kind != "direct" or quote.kind != "direct":
        return False
    before = text[:quote.start - 1].rstrip()
    starts_sentence = not before or before[-1] in ".!?:\n" or before[-1] in "”\""
    return starts_sentence and quote.start - previous.end <= _CONTINUATION_CHARS


def _set_speaker(quote: Quote, speaker: _Speaker) -> None:
    quote.speaker, quote.speaker_start, quote.speaker_end = speaker.text, speaker.start, speaker.end
    quote.speaker_mention = speaker.mention


def _inside_any(char: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= char < e for s, e in spans)


def _overlaps_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
