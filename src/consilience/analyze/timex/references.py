"""Rules for present, past and future references: "now", "recently", "the future" (PRESENT_REF, PAST_REF,
FUTURE_REF).
"""
from __future__ import annotations

import re

from .context import EXPLICIT, Found
from .registry import rule
from .tense import in_past_narrative

_REFS = {
    "PRESENT_REF": r"right\s+now|just\s+now|now|currently|at\s+present|presently|nowadays|these\s+days|at\s+the\s+moment|at\s+this\s+(?:(?:crucial|critical|very|particular|difficult|decisive|historic|delicate|sensitive|late)\s+)?(?:time|moment|stage|point|hour)|the\s+present(?:\s+day|\s+time)?|today's|as\s+of\s+now",
    "PAST_REF": r"(?:just\s+)?(?:a\s+(?:short\s+|little\s+)?while|a\s+moment|moments)\s+ago|recently|lately|the\s+past|more\s+recently|until\s+recently|not\s+long\s+ago|some\s+time\s+ago|long\s+ago|years\s+ago|recent\s+times",
    "FUTURE_REF": r"the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|(?<=in\s)future|soon|as\s+soon\s+as\s+possible|the\s+(?:near|short|long|longer|medium)\s+term|the\s+(?:days|weeks|months|years)\s+ahead|one\s+day\s+soon",
}


@rule(r"(?P<present>" + _REFS["PRESENT_REF"] + r")|(?P<past>" + _REFS["PAST_REF"] + r")|(?P<future>" + _REFS["FUTURE_REF"] + r")")
def reference(m, ctx):
    if m["present"]:
        word = m["present"].lower()
        if word == "now" and re.match(r"\s*that\b|-|\s+and\s+(?:then|again)\b", ctx.after(m, 12)):
            return None  # "now that ..." is causal; "now-defunct" a modifier; "now and then" a frequency
        if word in ("now", "just now") and in_past_narrative(ctx.doc, m.start(), m.end()):
            return None  # "the army was now in control": the narrative's time, not the report's present
        if word == "today's":
            return None if ctx.anchor else Found("DATE", "PRESENT_REF", EXPLICIT)
        return Found("DATE", "PRESENT_REF", EXPLICIT)
    if m["past"]:
        if m["past"].lower().replace(" ", "") == "thepast" and _PAST_NP.match(ctx.after(m, 20)):
            return None  # "the past three summers", "the past few elections": "past" is an adjective there
        return Found("DATE", "PAST_REF", EXPLICIT)
    word = m["future"].lower()
    if word.startswith("the") and "term" not in word and "ahead" not in word and (
            re.match(r"\s+of\b", ctx.after(m, 6)) or not _FUTURE_PREP.search(ctx.before(m, 12))):
        return None  # "the future of the talks", "the future looks bright": the fate of something, not a time
    if word == "soon" and (re.search(r"\bas\s+$", ctx.before(m, 4), re.I)
                           or re.match(r"\s+(?:after|afterwards?|before|thereafter|enough)\b", ctx.after(m, 14), re.I)):
        return None  # "as soon as the threats end", "soon after his capture": relative to an event, not the future
    return Found("DATE", "FUTURE_REF", EXPLICIT)


_FUTURE_PREP = re.compile(r"\b(?:in|into|for|until|till|towards?|from|over|through|during|at\s+some\s+point\s+in)\s+$", re.I)
_PAST_NP = re.compile(r"\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|few|several|many|"
                      r"couple|dozen|hundred|half)\b)", re.I)
