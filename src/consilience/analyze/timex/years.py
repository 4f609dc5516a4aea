"""Rules for years, decades and centuries, in digits or spelt out ("the nineties", "nineteen eighty-four")."""
from __future__ import annotations

import re

from ...lexicon import dates as D
from . import lexicon as L
from .context import EXPLICIT, Found
from .registry import rule

_NOT_YEAR_BEFORE = re.compile(r"(?:\b(?:no|nos|number|flight|route|room|page|pages|article|resolution|section|"
                              r"model|code|item|case|chapter|rule|rules|highway)\.?\s*|[#№$£€]\s*)$", re.I)
_NOT_YEAR_AFTER = re.compile(r"^\s*(?:%|percent|per\s*cent|-?(?:point|to-|for-)|[a-z]*(?:meters?|metres?|feet|km|miles?|kilos?|tons?|pounds?)\b)", re.I)
_TEMPORAL_HEADS = {"period", "quarter", "season", "year", "election", "level", "levels", "budget", "figure",
                   "figures", "result", "results", "earnings", "loss", "profit", "sales", "census", "agreement",
                   "accord", "law", "act", "campaign", "war", "revolution", "attack", "attacks", "massacre",
                   "model", "crisis", "fiscal", "summer", "winter", "spring", "fall", "autumn", "strike"}


@rule(rf"(?:(?P<mod>{L.EMOD})[\s-]+(?:of\s+)?|(?P<pre>fiscal|calendar|the\s+year|fiscal\s+year|FY)\s*)?(?P<y>{L.YEAR4})(?!s\b|[-–](?!(?:1[6-9]|20)\d\d\b)\d|/\d)")
def year(m, ctx):
    if _NOT_YEAR_BEFORE.search(ctx.before(m, 12)) or _NOT_YEAR_AFTER.match(ctx.after(m, 12)):
        return None
    second = re.match(r"[-–]((?:1[6-9]|20)\d\d)\b", ctx.after(m, 6))
    if second and not 0 < int(second.group(1)) - int(m["y"]) <= 100:
        return None  # "2010-2014" is a range of two years (TimeML marks both); a falling pair is something else
    if ctx.doc is not None and not m["pre"] and _counts_something(ctx.doc, m.start("y"), m.end("y")):
        return None
    return Found("DATE", m["y"], EXPLICIT)


def _counts_something(doc, start: int, end: int) -> bool:
    """True when spaCy parses the number as counting a following noun ("1998 delegates")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    head = token.head
    # Counts modify plural nouns ("2000 delegates"); a year modifying a singular noun is a date ("the 1987 crash").
    return (token.dep_ == "nummod" and head.i > token.i and head.tag_ == "NNS"
            and head.lower_ not in _TEMPORAL_HEADS)


@rule(r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<dec>(?:1[6-9]|20)\d0|['’]\d0)['’]?s")
def decade(m, ctx):
    digits = m["dec"].lstrip("'’")
    if re.fullmatch(r"1[0-9]00", digits):
        return Found("DATE", digits[:2], EXPLICIT)  # "the 1800s", "the early 1900s": a century (the 2000s stay a decade)
    if len(digits) == 2:
        century = "20" if digits in ("00", "10") else "19"
        digits = century + digits
    return Found("DATE", digits[:3], EXPLICIT)


@rule(r"the\s+(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<cent>eighteen|nineteen)[\s-]+)?(?P<word>" + L.alternation(L.DECADE_WORDS) + r")")
def decade_word(m, ctx):
    """"the nineties", and as transcripts spell it, "the nineteen eighties" (198)."""
    century = "18" if (m["cent"] or "").lower() == "eighteen" else "19"
    return Found("DATE", f"{century}{L.DECADE_WORDS[m['word'].lower()]}", EXPLICIT)


@rule(r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|" + L.alternation(
    [w for w, v in L.ORDINALS.items() if v > 0]) + r")[\s-]+century")
def century(m, ctx):
    word = m["n"].lower()
    n = int(re.match(r"\d+", word).group()) if word[0].isdigit() else L.ORDINALS.get(word)
    if not n or n > 21:
        return None
    return Found("DATE", f"{n - 1:02d}", EXPLICIT)


_SPOKEN_TENS = L.alternation(["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                              "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                              "eighty", "ninety"])
_SPOKEN_UNITS = "one|two|three|four|five|six|seven|eight|nine"


@rule(rf"(?:the\s+year\s+)?(?P<a>nineteen|twenty)[\s-]+(?P<b>{_SPOKEN_TENS})(?:[\s-](?P<c>{_SPOKEN_UNITS}))?"
      rf"|the\s+year\s+two\s+thousand(?:\s+and)?(?:\s+(?P<d>{_SPOKEN_UNITS}|{_SPOKEN_TENS}))?")
def spoken_year(m, ctx):
    if m["a"]:
        value = L.SMALL_NUMBERS[m["a"].lower()] * 100 + L.SMALL_NUMBERS[m["b"].lower()]
        value += L.SMALL_NUMBERS[m["c"].lower()] if m["c"] else 0
    else:
        value = 2000 + (L.SMALL_NUMBERS[m["d"].lower()] if m["d"] else 0)
    return Found("DATE", str(value), EXPLICIT)


_CLIPPED_YEAR_CUE = re.compile(r"\b(?:in|since|of|the|from|to|until|till|by|through|during|before|after|early|late|mid|"
                               r"class|spring|summer|fall|autumn|winter|and|or)\s*-?\s*$", re.I)


@rule(r"(?:(?P<pre>fiscal|calendar|FY)\s*)?(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’%]|[-–/.,]\d|\s*(?:percent|per\s*cent)\b)")
def clipped_year(m, ctx):
    """"fiscal '90", "the '89 season", "since '94": a year clipped to two digits, in the century that puts it
    nearest the publication date (at most ten years ahead of it); with no date, 1930-2029. Only after "fiscal" or a
    word that governs a date ("Marshals '15 Most Wanted'" opens a quotation)."""
    if not m["pre"] and not _CLIPPED_YEAR_CUE.search(ctx.before(m, 12)):
        return None
    return Found("DATE", str(D.full_year(m["yy"], ctx.anchor.year if ctx.anchor else None)), EXPLICIT)
