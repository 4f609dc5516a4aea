"""Is the clause around a temporal expression about the future or the past?

Used to pick which "Thursday" or "December" is meant. With a spaCy Doc, the verb governing the
expression decides (its auxiliaries: "will", "'ll", "shall", "going to", "is scheduled to");
without one, a regex over the expression's sentence looks for the same cues.
"""
from __future__ import annotations

import re

FUTURE, PAST, PRESENT, UNKNOWN = "future", "past", "present", "unknown"

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll", "would"}  # "said it would vote Monday": after the statement
# Present-tense verbs that say nothing about when the dated event is ("says", "is", "has").
_TENSELESS_PRESENT = {"be", "have", "say", "tell", "report", "announce", "add", "note", "claim", "state", "insist",
                      "warn", "write", "accord", "remain", "seem", "appear", "know", "believe", "think"}
# Verbs whose infinitive complement is in the future: "plans to meet on Monday".
_FUTURE_GOVERNORS = {"plan", "expect", "schedule", "intend", "hope", "aim", "prepare", "set", "due", "go", "slate",
                     "want", "propose", "agree", "promise", "vow", "threaten", "seek", "decide"}
# Verbs whose past tense looks like their present, often mis-tagged VBP: "hurt the index on Friday".
_SAME_IN_PAST = {"hurt", "cut", "put", "set", "hit", "let", "quit", "spread", "cost", "shut", "bet", "burst", "cast",
                 "split", "upset", "read", "bid", "forecast", "broadcast", "rid", "thrust", "beat", "shed"}
_FUTURE_WORDS = re.compile(
    r"\b(?:will|would|shall|won't|wo n't|going\s+to|is\s+to|are\s+to|due\s+to|scheduled\s+(?:to|for)|expected\s+to"
    r"|plans?\s+to|planned\s+for|set\s+to|upcoming|next)\b|'ll\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'“])|\n\s*\n")


def tense_at(text: str, start: int, end: int, doc=None) -> str:
    """FUTURE, PAST, PRESENT (an event verb in the present: "meet Monday") or UNKNOWN for ``text[start:end]``."""
    if doc is not None:
        found = _tense_from_doc(doc, start, end)
        if found is not None:
            return found
    return _tense_from_sentence(text, start, end)


def _tense_from_doc(doc, start: int, end: int) -> str | None:
    try:
        span = doc.char_span(start, end, alignment_mode="expand")
    except (ValueError, IndexError):
        return None
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(6):  # climb to the governing verb
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
        if token.pos_ == "ADJ":  # "payable Dec. 15", "effective Feb. 1": the adjective carries no tense
            return UNKNOWN
    if token.pos_ not in ("VERB", "AUX"):
        return None
    return _verb_tense(token)


def _verb_tense(verb, depth: int = 0) -> str:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & _FUTURE_AUX and not (lowers & {"have", "'ve"} and "would" in lowers):  # not "would have"
        return FUTURE
    if "to" in lowers and verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and verb.head.tag_ in ("VBZ", "VBP"):
        return FUTURE  # "is to resume trading Tuesday"
    if "to" in lowers and verb.dep_ in ("xcomp", "ccomp", "advcl", "acl"):
        head = verb.head
        if head.dep_ == "acomp" and head.head is not head:  # "had been due to expire": the tense is on "been"
            head = head.head
        governor = _verb_tense_shallow(head)
        if governor == FUTURE or (_governs_future(verb.head) and governor != PAST):
            return FUTURE
        if _governs_future(verb.head):
            return UNKNOWN  # "was due to expire Friday": planned in the past, date unknown either side
    if ("to" in lowers and "be" in lowers and verb.tag_ == "VBN" and verb.dep_ in ("relcl", "acl")
            and verb.head.pos_ in ("NOUN", "PROPN")
            and not any(c.lower_ in ("first", "last", "only") for c in verb.head.children)):
        return FUTURE  # an infinitival relative names what is still to happen: "the measures to be voted on Thursday"
    if verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children):
        return FUTURE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if verb.tag_ == "VBN" and lowers & {"has", "have", "had", "'ve", "'s"}:
        return PAST
    if verb.tag_ == "VBN" and not auxes:
        return UNKNOWN  # "under new terms announced Friday": a participle, done at some time
    if verb.tag_ in ("VB", "VBG") and verb.dep_ in ("xcomp", "ccomp", "conj", "advcl"):
        governor = _verb_tense_shallow(verb.head)
        if governor == UNKNOWN and depth < 3 and verb.head.pos_ in ("VERB", "AUX"):
            # a chain of infinitives: "plans to start building in March", "is set to begin filming in August"
            # take the time of the first verb that has one
            # (a present event verb above is a schedule too: "advances to play Saturday")
            return _verb_tense(verb.head, depth + 1)
        return governor
    if verb.tag_ == "VBG" and verb.dep_ == "prep" and not auxes and depth < 3 and verb.head.pos_ in ("VERB", "AUX"):
        # a participle used as a preposition ("will be closed starting Monday", "broke out following the vote")
        # says nothing of time itself: the verb it hangs on does
        return _verb_tense(verb.head, depth + 1)
    if verb.tag_ == "VBG" and verb.dep_ in ("pcomp", "acl") and not auxes:
        # "..., with the third departing from August 6": a participle clause takes the time of the verb above it
        governor = _governing_verb(verb.head)
        return _verb_tense_shallow(governor) if governor is not None else UNKNOWN
    present = verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)
    if (verb.tag_ == "VBN" and verb.lemma_ in _FUTURE_GOVERNORS
            and any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxes)):
        return FUTURE  # "a hearing is set for Thursday", "elections are scheduled for May": planned ahead
    if (present and verb.lemma_ not in _TENSELESS_PRESENT and verb.lower_ not in _SAME_IN_PAST
            and not lowers & {"has", "have", "'ve"}):
        return PRESENT
    return UNKNOWN


def _governs_future(verb) -> bool:
    """Is ``verb`` one whose infinitive complement lies ahead ("plans to", "hopes to")? The lemma, or the
    form less its -s, since the tagger's lemma is sometimes off ("hopes" -> "hop")."""
    return verb.lemma_ in _FUTURE_GOVERNORS or verb.lower_[:-1] in _FUTURE_GOVERNORS


def _governing_verb(token, steps: int = 4):
    """The nearest VERB/AUX at or above ``token`` in the parse, or None."""
    for _ in range(steps):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _verb_tense_shallow(verb) -> str:
    lowers = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if lowers & _FUTURE_AUX:
        return FUTURE
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in verb.children if c.dep_ in ("aux", "auxpass")):
        return PAST
    return UNKNOWN


def _tense_from_sentence(text: str, start: int, end: int) -> str:
    left = max(0, start - 300)
    before = text[left:start]
    cuts = list(_SENTENCE_END.finditer(before))
    s = left + cuts[-1].end() if cuts else left
    after = _SENTENCE_END.search(text, end, min(len(text), end + 300))
    e = after.start() + 1 if after else min(len(text), end + 300)
    sentence = text[s:start] + " " + text[end:e]
    # The future is read from words anywhere in the sentence; the past only from the verb form right
    # before the expression ("reopened on Dec. 20"), and never from a reporting verb ("said Dec. 15
    # is the deadline"): news sentences nearly all carry a past "said" that says nothing about the date.
    if _FUTURE_WORDS.search(sentence):
        return FUTURE
    word = _nearest_verb_form(text, start, words=4)
    if word is not None and word[1] and word[0] not in _REPORTING_PAST:
        return PAST
    return UNKNOWN


# Common irregular past forms (general English), for the word-level look-back below.
_IRREGULAR_PAST = {"was", "were", "had", "did", "said", "told", "rose", "fell", "came", "went", "took", "made", "began",
                   "won", "lost", "met", "left", "held", "saw", "got", "gave", "ran", "sold", "paid", "struck", "fought",
                   "brought", "bought", "thought", "found", "kept", "led", "sent", "spent", "stood", "wrote", "broke",
                   "drove", "flew", "grew", "knew", "threw", "chose", "spoke", "stole", "froze", "woke", "became",
                   "forgot", "sought", "taught", "caught", "fled", "fed", "felt", "meant", "built", "lent", "sank",
                   "shot", "swore", "tore", "wore", "hid", "slid", "bore", "overcame", "withdrew", "undertook"}
_NOT_PAST = {"is", "are", "am", "will", "would", "shall", "has", "have", "can", "may", "might", "must", "should",
             "'s", "'re", "'ll", "'ve", "be", "being", "to", "scheduled", "expected", "planned", "slated", "due", "set"}
_PLAIN_WORD = re.compile(r"[A-Za-z']+|[.;:!?\"“”]")
_DETERMINERS = {"the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "your"}


_REPORTING_PAST = {"said", "told", "announced", "reported", "added", "noted", "stated", "declared", "claimed",
                   "insisted", "warned", "explained", "confirmed", "disclosed", "predicted", "expected", "agreed"}


def past_verb_before(text: str, start: int, words: int = 8) -> bool:
    """Is the nearest verb form before ``start`` (same sentence, a few words back) a past form?

    ("Prices rose in January", "the plant, which closed in January"). A cheap word-level cue used
    only to stop a month far behind the publication date from being read as next year's; "-ed"
    words after a determiner ("the expected rise") are adjectives, not verbs.
    """
    found = _nearest_verb_form(text, start, words)
    return found is not None and found[1]


def _nearest_verb_form(text: str, start: int, words: int = 8) -> tuple[str, bool] | None:
    """(word, is a past form) for the nearest verb-like word before ``start`` in its sentence, or None."""
    tokens = _PLAIN_WORD.findall(text[max(0, start - 120):start])
    tokens = tokens[-words:]
    for i in range(len(tokens) - 1, -1, -1):
        w = tokens[i].lower()
        if w in ".;:!?\"“”":
            return None
        if w in _NOT_PAST:
            return w, False
        if w in _IRREGULAR_PAST:
            return w, True
        if len(w) > 4 and w.endswith("ed") and not w.endswith("eed") and w != "hundred":
            if i == 0 or tokens[i - 1].lower() not in _DETERMINERS:
                return w, True
            return None
    return None


def in_past_narrative(doc, start: int, end: int) -> bool:
    """Is the adverb ``text[start:end]`` ("now") modifying a simple-past main verb ("By then the army was now
    in control")? Then it names the narrative's time, not the report's present.

    Narrow on purpose: reported speech ("he said he now believed") speaks from the time of saying, the
    present perfect ("has now been abandoned") reaches the present, and "now" inside a noun phrase or an
    absolute clause ("with troops now part of the force") keeps the report's present.
    """
    if doc is None:
        return False
    try:
        span = doc.char_span(start, end, alignment_mode="expand")
    except (ValueError, IndexError):
        return False
    if span is None or len(span) != 1 or span[0].dep_ != "advmod":
        return False
    verb = span[0].head
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ != "ROOT":
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("has", "have", "'ve", "'s") for a in auxes):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)
