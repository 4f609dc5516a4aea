"""Helpers several rules share: a calendar day as a ``Found``, the year of a month named without one
(publication date and tense), and the normal form of "last"/"next"/"this" words.
"""
from __future__ import annotations

import datetime as dt
import re

from . import lexicon as L
from .anchor import day_value
from .context import Context, Found
from .tense import FUTURE, PAST, PRESENT, past_verb_before


def _day_found(ctx: Context, date: dt.date | None, anchor: str, pod: str | None = None) -> Found:
    """A calendar-day DATE (or a TIME when a part of day such as "morning" is attached)."""
    if date is None:
        return Found("TIME" if pod else "DATE", None, anchor)
    if pod:
        code = L.PARTS_OF_DAY[pod.lower()]
        return Found("TIME", f"{day_value(date)}T{code}", anchor, kind="day", day=date)
    return Found("DATE", day_value(date), anchor, kind="day", day=date)


def _year_by_tense(ctx: Context, m: re.Match, month: int, day: int | None = None) -> tuple[int | None, str]:
    """The year of a month (and day) named without one, from the publication date and the tense.

    Future tense -> the first such month/day not before the publication date; past tense -> the last
    one not after it; no tense cue -> the nearest one (within six months either way).
    """
    reason = ctx.missing("month")
    if reason:
        return None, reason
    a = ctx.anchor
    here = a.month * 31 + (a.day or 15)
    there = month * 31 + (day if day is not None else (a.day or 15) if month == a.month else 15)
    tense = ctx.tense(m)
    delta = there - here  # in 31-day "months"
    year = a.year
    deadline = tense == PAST and _DEADLINE_BEFORE.search(ctx.before(m, 30)) is not None
    far_deadline = deadline and not re.search(r"\bfrom\s+(?:the\s+)?$", ctx.before(m, 12), re.I)  # "from" starts back
    if tense == FUTURE:
        year += delta < 0
    elif tense == PRESENT and delta < -2 * 31:
        year += 1  # a schedule in the present ("the legislature returns in January" said in August) lies ahead
    elif tense == PAST and not deadline:
        year -= delta > 31  # a past verb with a date a few weeks ahead is usually a deadline ("extended to Nov. 16")
    elif delta > 4 * 31 and tense != PRESENT and not far_deadline:
        # no tense: more than four months ahead is last year's; far behind, next year's. An event verb in the
        # present ("the law takes effect in September") is a schedule, and a past verb with a deadline ("was
        # postponed until October", "was scheduled for October") sets a date ahead: both stay ahead
        year -= 1
    elif delta < -8 * 31 and not past_verb_before(ctx.text, m.start()):
        year += 1  # "January" said in November is next January, unless a past verb governs it ("rose in January")
    return year, ctx.dct


def _rel_word(word: str | None) -> str:
    w = " ".join((word or "").lower().split())
    if w in ("last", "past", "previous", "this past", "the past", "prior", "the previous", "the last"):
        return "last"
    if w in ("next", "coming", "this coming", "the coming", "following", "the next"):
        return "next"
    if w in ("this", "current", "present", "the current"):
        return "this"
    return w


_DEADLINE_BEFORE = re.compile(r"\b(?:until|till|through|by|before|from|to|into|for)\s+(?:the\s+)?"
                             r"(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?\s*(?:(?-i:[A-Z]{2,4})\s*)?,?\s*)?$", re.I)
