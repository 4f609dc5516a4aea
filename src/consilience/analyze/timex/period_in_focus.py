"""Rules for periods named from the period in focus: "the 1988 quarter", "the same period last year"."""
from __future__ import annotations

from . import lexicon as L
from .context import EVENT_RELATIVE, EXPLICIT, Found
from .registry import rule


@rule(r"the\s+(?P<y>" + L.YEAR4 + r")\s+(?:fiscal\s+)?(?P<what>quarter|period)"
      r"|(?P<same>the\s+(?:same|corresponding|comparable|year-earlier|year-ago)\s+(?:period|quarter)\s+"
      r"(?:(?:of\s+)?last\s+year|a\s+year\s+(?:ago|earlier)|(?:of\s+)?the\s+(?:previous|prior)\s+year))"
      r"|(?P<lastyears>last\s+year's\s+(?:quarter|period))"
      r"|the\s+(?P<latest>latest|most\s+recent)\s+(?:fiscal\s+)?period")
def focus_period(m, ctx):
    """Financial reporting names the period being compared: "the 1988 quarter", "the same period last year",
    "the latest period". ``find_times`` makes them the quarter in focus (of that year); with no quarter in
    focus the year stands ("the 1988 period" -> 1988), "the latest period" is dropped."""
    if m["y"]:
        return Found("DATE", m["y"], EXPLICIT, kind="focus", shift=0)
    if m["latest"]:
        return Found("DATE", None, EVENT_RELATIVE, kind="focus-latest")
    reason = ctx.missing("year")
    if reason:
        return Found("DATE", None, reason)
    return Found("DATE", str(ctx.anchor.year - 1), ctx.dct, kind="focus", shift=-1)
