"""Rules for days named from the day in focus: "that day", "the next morning", "the day before"."""
from __future__ import annotations

import datetime as dt
import re

from . import lexicon as L
from .context import EVENT_RELATIVE, Found
from .registry import rule

_ANAPHOR_SHIFT = {"that": 0, "the same": 0, "the next": 1, "the following": 1, "the previous": -1, "the preceding": -1}


@rule(r"(?:(?P<mod>early|late|earlier|later)\s+(?:(?:on|in)\s+)?)?(?P<rel>that|the\s+same|the\s+next|the\s+following|the\s+previous|the\s+preceding)"
      r"\s+(?P<u>day|morning|afternoon|evening|night)"
      r"|the\s+day\s+(?P<ba>before|after)(?=\s*[,.;:!?)]|\s*$)"
      r"|(?:(?<=later\sin\s)|(?<=earlier\sin\s))the\s+day(?!\s+(?:before|after|of|when|that|which)\b)")
def anaphoric_day(m, ctx):
    """"that day", "the next morning", "the day before", "later in the day": a day counted from the day in focus.

    The value is filled in by ``find_times`` from the last calendar day named before it (the narrative's
    reference time); "later/earlier in the day" with no day named is the publication date's.
    """
    if m["ba"]:
        shift, unit = (-1 if m["ba"].lower() == "before" else 1), "day"
    elif m["rel"]:
        shift, unit = _ANAPHOR_SHIFT[" ".join(m["rel"].lower().split())], m["u"].lower()
        if re.match(r"\s+(?:of|after|before|when|that|which|in\s+which)\b", ctx.after(m, 12), re.I):
            return None  # "the day after the vote", "the morning of the attack": anchored on an event
    else:
        shift, unit = 0, "day"
    tod = f"T{L.PARTS_OF_DAY[unit]}" if unit != "day" else None
    return Found("TIME" if tod else "DATE", None, EVENT_RELATIVE, kind="anaphor", tod=tod, shift=shift,
                 day=None if m["rel"] or m["ba"] else dt.date.min)  # dt.date.min: may fall back to the DCT
