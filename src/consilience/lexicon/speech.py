"""Verbs of speech (lemmas), in two named sets: the cues of quotes, and the verbs a claim is attributed through.

Small general English lists. Why two: a quote's marks already say that someone speaks, so any verb
that can introduce speech names the speaker (``SPEECH_VERBS``, read by ``analyze/quotes.py``). A claim
with no quotation marks is attributed to the subject of a verb above it (``ATTRIBUTION_VERBS``, read by
``analyze/claims/attribution.py``), and there the wider verbs more often govern an event or a description than
speech: "The United States responded by bombing ...", "X, commander of Y, admitted that ..." (the union
made those the speaker's claims on the development corpora).
"""
from __future__ import annotations

# Verbs that introduce speech or writing: the cue that ties a quote, or reported speech, to its speaker.
SPEECH_VERBS = frozenset({
    "say", "tell", "state", "add", "stress", "describe", "announce", "write", "read", "declare", "confirm",
    "emphasize", "emphasise", "warn", "note", "claim", "insist", "explain", "reveal", "accuse", "ask", "reply",
    "respond", "deny", "argue", "acknowledge", "express", "report", "assert", "allege", "admit", "urge",
    "tweet", "post", "remark", "comment", "vow", "pledge", "threaten", "caution", "indicate", "disclose",
    "affirm", "contend", "suggest", "predict", "boast", "concede", "underline", "highlight",
    "condemn", "quote", "recall", "repeat", "proclaim", "pronounce", "mention",
})

# Verbs whose content is reported speech attributed to their subject when no quote holds it (a subset of
# SPEECH_VERBS: the verbs that state rather than describe, respond or concede).
ATTRIBUTION_VERBS = frozenset(
    ("say", "state", "announce", "declare", "confirm", "deny", "claim", "tell", "warn", "accuse", "reveal",
     "add", "insist", "stress", "emphasize", "emphasise", "report", "write", "allege", "assert", "argue")
)
