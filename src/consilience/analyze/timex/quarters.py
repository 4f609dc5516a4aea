"""Rules for quarters, halves of the year and seasons, explicit or from the publication date."""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon as L
from .anchor import add_quarters, quarter_of
from .context import EXPLICIT, Context, Found
from .helpers import _rel_word
from .registry import rule
from .tense import FUTURE, PAST
from .years import _SPOKEN_TENS, _SPOKEN_UNITS

_QUARTER_ORDINAL = "first|second|third|fourth|1st|2nd|3rd|4th"
# A quarter of a game is not a quarter of the year: words only a match report has, in the same sentence.
_GAME_WORDS = re.compile(r"\b(?:touchdowns?|interceptions?|field\s+goals?|quarterbacks?|halftime|free\s+throws?|"
                         r"three-pointers?|the\s+(?:game|match)|(?:minutes|seconds)\s+(?:left|remaining|to\s+play)|"
                         r"tied\s+the\s+(?:game|score))\b", re.I)


# Words no business report uses: one anywhere in the document makes it a match report ("quarterback" is left out:
# business and politics say "Monday-morning quarterbacks").
_MATCH_REPORT = re.compile(r"\b(?:touchdowns?|field\s+goals?|halftime|free\s+throws?|three-pointers?|"
                           r"\d+-yard\s+(?:pass|run|touchdown|field)|yards\s+rushing|rushing\s+yards)\b", re.I)
# A noun after the quarter that only a game has ("a fourth-quarter comeback", "fourth quarter magic").
_GAME_NOUN_AFTER = re.compile(r"[\s-]+(?:victory|win|comeback|drive|touchdown|TD|sacks?|deficit|heroics|magic|stampede|"
                              r"interception|field\s+goal|basket|goal)\b", re.I)


@lru_cache(maxsize=8)
def _match_report(text: str) -> bool:
    return _MATCH_REPORT.search(text) is not None


def _in_a_game(ctx: Context, m) -> bool:
    if _GAME_NOUN_AFTER.match(ctx.text, m.end()) or _match_report(ctx.text):
        return True
    start = max(ctx.text.rfind(".", 0, m.start()), ctx.text.rfind("\n", 0, m.start())) + 1
    ends = [i for i in (ctx.text.find(".", m.end()), ctx.text.find("\n", m.end())) if i >= 0]
    return _GAME_WORDS.search(ctx.text, start, min(ends) if ends else len(ctx.text)) is not None


@rule(rf"(?:(?:the|its|their|a)\s+)?(?:(?:fiscal\s+)?(?P<y1>{L.YEAR4})(?:['’]s)?\s+|(?P<rel1>this|last|next)\s+year's\s+)?(?:(?:fiscal|calendar)[\s-]+)?"
      rf"(?P<q>{_QUARTER_ORDINAL})[\s-]+(?-i:quarter|QUARTER)(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?:(?P<y2>{L.YEAR4})|(?P<rel2>this|last|next)\s+year))?"
      rf"|(?-i:Q)(?P<qn>[1-4])(?:\s+|-|/)?(?P<y3>{L.YEAR4})?")
def quarter(m, ctx):
    q = int(m["qn"]) if m["qn"] else L.ORDINALS[m["q"].lower()]
    year_text = m["y1"] or m["y2"] or m["y3"]
    if year_text:
        return Found("DATE", f"{year_text}-Q{q}", EXPLICIT)
    if _in_a_game(ctx, m):
        return None  # "a touchdown late in the fourth quarter": a quarter of the game
    rel = m["rel1"] or m["rel2"]
    reason = ctx.missing("month" if not rel else "year")
    if reason:
        return Found("DATE", f"XXXX-Q{q}", reason)
    a = ctx.anchor
    if rel:
        return Found("DATE", f"{a.year + {'last': -1, 'this': 0, 'next': 1}[rel.lower()]}-Q{q}", ctx.dct)
    here = quarter_of(a.month)
    tense = ctx.tense(m)
    year = a.year
    if tense == PAST and q > here:
        year -= 1
    elif tense == FUTURE and here - q >= 2:
        year += 1
    return Found("DATE", f"{year}-Q{q}", ctx.dct)


@rule(r"(?P<det>the|this|that|last|next|its|their|a)\s+(?:(?P<adj>latest|current|previous|past|coming|same|comparable|"
      r"corresponding|year-ago|year-earlier|prior-year|most\s+recent|recent|just-ended|just\s+ended|latest\s+fiscal|"
      r"current\s+fiscal|fiscal)\s+)?(?-i:quarter|QUARTER)(?!-|\s+(?:of\s+(?:a|an|the|all|its|those|these|every|it|them)\b|century|mile))")
def relative_quarter(m, ctx):
    det, adj = m["det"].lower(), " ".join((m["adj"] or "").lower().split())
    if det == "a" and adj not in ("year-ago", "year-earlier", "prior-year"):
        return None
    if _in_a_game(ctx, m):
        return None
    reason = ctx.missing("month")
    if reason:
        return Found("DATE", None, reason)
    a = ctx.anchor
    here = quarter_of(a.month)
    if det == "next" or adj == "coming":
        y, q = add_quarters(a.year, here, 1)
    elif det == "this" or adj in ("current", "current fiscal"):
        y, q = a.year, here
    elif det == "last" or adj in ("latest", "previous", "past", "most recent", "recent", "just-ended",
                                  "just ended", "latest fiscal"):
        y, q = add_quarters(a.year, here, -1)
    elif adj in ("year-ago", "year-earlier", "prior-year", "same", "comparable", "corresponding"):
        y, q = add_quarters(a.year, here, -5)  # the last completed quarter a year back, unless one is in focus
        return Found("DATE", f"{y}-Q{q}", ctx.dct, kind="focus-back-quarter")
    else:  # "the quarter": the one in focus (find_times), else the one reported on if the clause is past, else the current one
        y, q = add_quarters(a.year, here, -1) if ctx.tense(m) == PAST else (a.year, here)
        return Found("DATE", f"{y}-Q{q}", ctx.dct, kind="focus-quarter" if det == "the" and not adj else "")
    return Found("DATE", f"{y}-Q{q}", ctx.dct)


@rule(rf"(?:the\s+)?(?P<h>first|second|latter|last|1st|2nd)\s+half\s+of\s+(?:(?:fiscal|calendar)\s+)?(?:(?P<y>{L.YEAR4})|(?P<rel>this|last|next)\s+year|the\s+year)"
      rf"|(?:(?P<rel2>this|last|next)\s+year|(?:fiscal\s+)?(?P<y2>{L.YEAR4}))['’]s\s+(?P<h2>first|second)\s+half"
      rf"|(?:the\s+)?(?P<h3>first|last)\s+two\s+quarters\s+of\s+(?:(?:fiscal|calendar)\s+)?(?P<y3>{L.YEAR4})"
      rf"|(?-i:H)(?P<hn>[12])(?:\s+|-|/)?(?P<y4>{L.YEAR4})")
def half_year(m, ctx):
    if m["hn"]:  # "H1 2012", as "Q3 2011" names a quarter
        return Found("DATE", f"{m['y4']}-H{m['hn']}", EXPLICIT)
    if m["h3"]:  # "the first two quarters of 1990" is that year's first half
        return Found("DATE", f"{m['y3']}-H{1 if m['h3'].lower() == 'first' else 2}", EXPLICIT)
    h = 1 if (m["h"] or m["h2"]).lower() in ("first", "1st") else 2
    if m["y"] or m["y2"]:
        return Found("DATE", f"{m['y'] or m['y2']}-H{h}", EXPLICIT)
    reason = ctx.missing("year")
    if reason:
        return Found("DATE", f"XXXX-H{h}", reason)
    shift = {"last": -1, "this": 0, "next": 1}.get((m["rel"] or m["rel2"] or "this").lower(), 0)
    return Found("DATE", f"{ctx.anchor.year + shift}-H{h}", ctx.dct)


_SEASON_CUE = re.compile(r"\b(?:in|during|over|since|until|through|by|this|last|next|early|late|mid|the|that|of|"
                         r"each|every|throughout)\s*-?$", re.I)


@rule(rf"(?:(?P<mod>{L.EMOD})[\s-]+(?:of\s+)?)?(?:(?P<det>the|this|last|next|this\s+past|this\s+coming|that|the\s+past|the\s+coming)\s+)?"
      rf"(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?:(?P<y>{L.YEAR4})|(?P<sy>nineteen[\s-]+(?:{_SPOKEN_TENS})(?:[\s-](?:{_SPOKEN_UNITS}))?)))?(?![\w-])")
def season(m, ctx):
    code = L.SEASONS[m["s"].lower()]
    det = (m["det"] or "").lower()
    if m["y"]:
        return Found("DATE", f"{m['y']}-{code}", EXPLICIT)
    if m["sy"]:  # "the winter of nineteen ninety-four", as transcripts spell it
        words = re.split(r"[\s-]+", m["sy"].lower())
        return Found("DATE", f"{1900 + sum(L.SMALL_NUMBERS[w] for w in words[1:])}-{code}", EXPLICIT)
    after = ctx.after(m, 20)
    if m["s"].lower() in ("fall", "spring") and not (det or m["mod"]):
        return None  # "fall" and "spring" are verbs and nouns too
    if det in ("the", "that") and re.match(r"\s+of\b", after):
        return None  # "the fall of the regime"
    if not (det or m["mod"]) and not _SEASON_CUE.search(ctx.before(m, 12)):
        return None
    if re.match(r"\s*(?:-|\w+\s+(?:camp|school|session|olympics|games|palace|offensive|storm)\b)", after, re.I):
        return None
    if m["s"][:1].isupper() and not m["s"].isupper() and re.match(r"\s+(?-i:[A-Z][a-z])", after):
        return None  # "the Winter Meetings", "Summer Olympics", "the Spring Festival": a name
    reason = ctx.missing("month")
    if reason:
        return Found("DATE", f"XXXX-{code}", reason)
    return Found("DATE", f"{_season_year(ctx, m, code, _rel_word(det))}-{code}", ctx.dct)


def _season_year(ctx: Context, m, code: str, rel: str) -> int:
    a = ctx.anchor
    first, last = L.SEASON_MONTHS[code]
    if code == "WI":
        in_season = a.month in (12, 1, 2)
        started = a.month == 12 or in_season
        base = a.year if a.month == 12 else a.year - 1 if in_season else a.year  # winter is named by its start year
        if rel == "last":
            return base - 1 if in_season else a.year - 1
        if rel == "next":
            return base + 1 if started else a.year
        return base if in_season else (a.year - 1 if ctx.tense(m) == PAST else a.year)
    if rel == "last":
        return a.year if a.month > last else a.year - 1
    if rel == "next":
        return a.year if a.month < first else a.year + 1
    if rel == "this" or not rel or rel in ("the", "that"):
        if ctx.tense(m) == PAST and a.month < first:
            return a.year - 1
        if ctx.tense(m) == FUTURE and a.month > last:
            return a.year + 1
    return a.year
