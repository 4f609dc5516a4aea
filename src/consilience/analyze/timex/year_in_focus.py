"""Rules for the year / the month in focus: "the end of the year", "the year ended March 31", "for a while"."""
from __future__ import annotations

import re

from . import lexicon as L
from .anchor import month_value, quarter_of, week_value
from .context import EVENT_RELATIVE, EXPLICIT, Found
from .registry import rule


@rule(r"(?:(?P<mod>around|about)\s+)?(?:the\s+)?(?:year[\s-]end|year's\s+end|end\s+of\s+the\s+(?P<u>year|month|week|quarter|decade|century)|(?P<b>beginning|start|middle)\s+of\s+the\s+(?P<u2>year|month|week|decade|century))(?!\s+(?:of|in|before|after|when|that)\b)")
def end_of_period(m, ctx):
    """"around year end", "the end of the year": a modifier of the time ("around") is in the span, a preposition
    ("by the end of the year") outside it, as TimeML marks them."""
    unit = (m["u"] or m["u2"] or "year").lower()
    reason = ctx.missing({"year": "year", "month": "month", "quarter": "month", "decade": "year",
                          "century": "year"}.get(unit, "day"))
    if reason:
        return Found("DATE", None, reason)
    a = ctx.anchor
    value = {"year": lambda: str(a.year), "month": lambda: month_value(a.year, a.month),
             "quarter": lambda: f"{a.year}-Q{quarter_of(a.month)}", "week": lambda: week_value(a.date),
             "decade": lambda: str(a.year // 10), "century": lambda: f"{a.year // 100:02d}"}[unit]()
    return Found("DATE", value, ctx.dct)


_AWARD_BEFORE = re.compile(r"\b(?:player|coach|man|woman|person|rookie|album|song|record|car|book|team|manager|"
                           r"executive|athlete|teacher|newcomer|artist|entertainer|journalist|photographer|goal|"
                           r"driver|pitcher|defender|footballer|sportsman|sportswoman|businessman|businesswoman|"
                           r"word|dog|horse|jockey|trainer|doctor|nurse|leader|chef|designer)\s+of\s+$", re.I)
_NARRATIVE_YEAR = re.compile(r"\s+(?:after|before|when|that|which|in\s+which|following|he|she|they|it|i|we|you)\b", re.I)


@rule(r"the\s+(?:(?P<adj>full|fiscal|current\s+fiscal|calendar|entire|whole)\s+)?year(?P<ended>(?=\s+(?:ended|ending)\b|\s+to\s+(?:the\s+end\s+of\s+)?"
      + L.MONTH + r"))?|(?:earlier|later)\s+in\s+the\s+(?P<wm>year|month|week)")
def the_year(m, ctx):
    """"the year ended March 31", "the year to March" are twelve-month spans; "the full year", "earlier in the
    year" the current one."""
    if m["ended"] is not None:  # an empty group: set when "ended"/"ending" follows
        return Found("DURATION", "P1Y", EXPLICIT)
    if m["wm"] and m["wm"].lower() != "year":  # "earlier in the week": the publication date's week (month)
        reason = ctx.missing("day" if m["wm"].lower() == "week" else "month")
        if reason:
            return Found("DATE", None, reason)
        a = ctx.anchor
        value = week_value(a.date) if m["wm"].lower() == "week" else month_value(a.year, a.month)
        return Found("DATE", value, ctx.dct)
    if not m["adj"] and _AWARD_BEFORE.search(ctx.before(m, 30)):
        return None  # "player of the year", "Person of the Year": an award, not a date
    if not m["adj"] and _NARRATIVE_YEAR.match(ctx.after(m, 12)):
        return Found("DATE", None, EVENT_RELATIVE)  # "the year after the war", "the year he was born"
    reason = ctx.missing("year")
    if reason:
        return Found("DATE", None, reason)
    return Found("DATE", str(ctx.anchor.year), ctx.dct)


@rule(r"(?<=for\s)(?:a\s+(?:long\s+|short\s+|little\s+)?while|some\s+time|a\s+(?:long|short)\s+time)")
def vague_stretch(m, ctx):
    return Found("DURATION", "PXX", EXPLICIT)
