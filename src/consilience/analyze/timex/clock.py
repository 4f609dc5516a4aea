"""Rules for clock times ("10:30 p.m.", "noon") and a bare part of day ("the morning")."""
from __future__ import annotations

import re

from . import lexicon as L
from .context import EVENT_RELATIVE, Found
from .registry import rule


def _on_publication_day(tod: str, ctx) -> Found:
    """A clock time ("T08:00") on the publication date's day, or on an unknown day when the date is too coarse."""
    if ctx.missing("day"):
        return Found("TIME", f"XXXX-XX-XX{tod}", ctx.missing("day"), kind="tod", tod=tod)
    date = ctx.anchor.date
    return Found("TIME", f"{date.isoformat()}{tod}", ctx.dct, kind="tod", day=date, tod=tod)


@rule(r"(?:(?P<approx>about|around|at\s+about|at\s+around|approximately|shortly|just|roughly|some\s+time|sometime)\s+(?:(?P<ba>before|after)\s+)?)?"
      r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?![\d:])(?:\s+(?:hours|hrs|h)\b)?"
      r"|(?P<word>noon|midday|midnight)|(?P<oc>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o'clock)"
      r"(?:\s+(?P<tz>(?-i:[A-Z]{2,4}T|GMT|UTC|UT)|local\s+time|local|(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?\s+time))?")
def clock(m, ctx):
    if m["ap"]:
        hour = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
        minute = int(m["mi"] or 0)
        tod = f"T{hour:02d}:{minute:02d}"
    elif m["h24"] is not None:
        before = ctx.before(m, 3)
        if re.search(r"\d[:.]?$|[:/]$", before):
            return None
        tod = f"T{int(m['h24']):02d}:{m['mi24']}"
    elif m["oc"]:
        h = m["oc"].lower()
        hour = int(h) if h.isdigit() else int(L.SMALL_NUMBERS[h])
        tod = f"T{hour:02d}:00"
    else:
        word = m["word"].lower()
        if word == "midnight":
            tod = "T00:00" if (m["ba"] or "").lower() == "after" else "T24:00"
        else:
            tod = "T12:00"
    return _on_publication_day(tod, ctx)


@rule(r"(?<![\d,.$])(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s*(?:(?-i:GMT|UTC|Z)\b|local\s+time\b)")
def four_digit_clock(m, ctx):
    """"0800 GMT", "1430 local time": a clock time in four digits, as wire copy writes it."""
    tod = f"T{m['hh']}:{m['mm']}"
    return _on_publication_day(tod, ctx)


_HOUR_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_MINUTE_WORDS = {"fifteen": 15, "thirty": 30, "forty-five": 45, "forty five": 45, "twenty": 20, "ten": 10,
                 "forty": 40, "fifty": 50, "twenty-five": 25, "twenty five": 25}


@rule(rf"(?:(?P<approx>about|around|at\s+about|at\s+around|shortly|just|roughly)\s+(?:(?P<ba>before|after)\s+)?)?"
      rf"(?P<h>{_HOUR_WORDS})(?:[\s-](?P<mi>{L.alternation(_MINUTE_WORDS)}))?"
      r"(?:\s*(?P<ap>[ap])\.\s?m\b\.?|\s+(?P<ap2>(?-i:[AP]M|pm))\b|(?=\s+(?:this\s+(?:morning|afternoon|evening)|tonight|in\s+the\s+(?:morning|afternoon|evening))\b))")
def spoken_clock(m, ctx):
    """A clock time in words, as broadcast transcripts write it: "nine a.m.", "six thirty this morning"."""
    ap = (m["ap"] or (m["ap2"] or "")[:1]).lower()
    if not ap and not m["mi"]:
        return None  # "two this morning" alone is too often a count ("two this morning were hurt")
    hour = int(L.SMALL_NUMBERS[m["h"].lower()]) % 12 + (12 if ap == "p" else 0)
    minute = _MINUTE_WORDS[" ".join(m["mi"].lower().split())] if m["mi"] else 0
    tod = f"T{hour:02d}:{minute:02d}"
    return _on_publication_day(tod, ctx)


@rule(r"(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<det>the)\s+)?(?P<pod>morning|afternoon|mid-?afternoon|evening|night|overnight)")
def part_of_day(m, ctx):
    """A bare part of day ("the morning") is a TIME on whatever day it is attached to (merged later), else undated."""
    pod = m["pod"].lower()
    if not (m["det"] or m["mod"] or pod in ("overnight", "mid-afternoon", "midafternoon")):
        return None
    if re.match(rf"\s+of\s+(?:{L.WEEKDAY}|{L.MONTH}\s*\d)", ctx.after(m, 24)):
        pass  # "the night of Aug. 7", "the morning of Monday": joined with that day (find_times)
    elif re.match(r"\s+(?:of|after|before)\b", ctx.after(m, 8), re.I) or re.match(r"[\s-]+(?:news|show|paper|shift|prayers?|session|star|post)\b", ctx.after(m, 12), re.I):
        return None
    return Found("TIME", None, EVENT_RELATIVE, kind="tod", tod=f"T{L.PARTS_OF_DAY[pod]}")
