"""Rules for days and periods relative to the publication date: "yesterday", "Friday", "last week",
"the weekend", "year-ago".
"""
from __future__ import annotations

import datetime as dt
import re

from . import lexicon as L
from .anchor import add_months, add_quarters, month_value, quarter_of, week_value, weekday_near
from .context import EVENT_RELATIVE, EXPLICIT, Context, Found
from .helpers import _day_found, _rel_word
from .registry import rule
from ..spans import headline_at
from .tense import FUTURE, PAST, PRESENT

_NAMED_DAY_BEFORE = re.compile(r"\b(?-i:Black|Good|Cyber|Bloody|Super|Ash|Holy|Maundy|Palm|Easter|Shrove|Giving|Small\s+Business)\s+$")
_DEICTIC_SHIFT = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


_SENTENCE_OPENERS = {"on", "by", "until", "since", "and", "but", "so", "earlier", "later", "early", "late", "as", "from",
                     "for", "before", "after", "through", "then", "even", "also", "only", "just", "not", "yet", "right"}


def _inside_a_name(m, ctx) -> bool:
    """A capitalised "Today", "Tonight", "This Morning", "This Week" right after a capitalised word in mid-sentence
    is part of a name ("USA Today", "World News Tonight", "CBS This Morning", "This is VOA Today"), not a time."""
    if not m.group(0)[:1].isupper() or m.group(0).isupper():
        return False  # lower case, or capitals throughout ("SHARES FELL YESTERDAY"): capitals mark no name there
    prev = re.search(r"(?:^|(?P<cut>[.!?:;\"“”'(\n])|\s)\s*(?P<w>[A-Z][\w'’&-]*)(?P<gap>\s+)$", ctx.before(m, 40))
    if prev is not None and "\n" in prev.group("gap"):
        return False  # a name does not run across a line break: "...Police Shooting\nYesterday, officers said"
    if prev is None or prev.group("w").lower() in _SENTENCE_OPENERS or prev.group("w").lower() in L.WEEKDAY_NAMES:
        return False
    return True


@rule(rf"(?:(?P<mod>early|late|later|earlier|mid-?afternoon|mid-?morning)\s+)?(?P<w>yesterday|today|tomorrow|tonight)(?:\s+(?P<pod>{L.PART_OF_DAY}))?"
      r"|the\s+day\s+(?P<ba>before\s+yesterday|after\s+tomorrow)")
def deictic_day(m, ctx):
    if _inside_a_name(m, ctx):
        return None
    word = (m["w"] or "").lower()
    shift = _DEICTIC_SHIFT.get(word, -2 if (m["ba"] or "").lower().startswith("before") else 2)
    pod = m["pod"] or ("night" if word == "tonight" else None)
    if not pod and m["mod"] and "afternoon" in m["mod"].lower():
        pod = "afternoon"
    if not pod and m["mod"] and "morning" in m["mod"].lower():
        pod = "morning"
    reason = ctx.missing("day")
    if reason:
        return Found("TIME" if pod else "DATE", None, reason)
    return _day_found(ctx, ctx.anchor.date + dt.timedelta(days=shift), ctx.dct, pod)


@rule(rf"(?:(?P<mod>early|late)\s+)?(?P<rel>this|last)\s+(?P<pod>{L.PART_OF_DAY})")
def part_of_this_day(m, ctx):
    if _inside_a_name(m, ctx):
        return None
    reason = ctx.missing("day")
    if reason:
        return Found("TIME", None, reason)
    shift = -1 if m["rel"].lower() == "last" else 0
    if shift and m["pod"].lower() != "night":
        return None  # "last morning" is not a deictic day
    return _day_found(ctx, ctx.anchor.date + dt.timedelta(days=shift), ctx.dct, m["pod"])


@rule(rf"(?:(?P<mod>early|late|earlier|later)\s+(?:on\s+)?)?(?:(?P<rel>last|this|next|past|coming|previous|this\s+past|this\s+coming|the\s+previous|the\s+following)\s+)?"
      rf"(?P<wd>{L.WEEKDAY})(?:\s+(?P<pod>{L.PART_OF_DAY}))?")
def weekday(m, ctx):
    if not m["rel"] and not m["mod"] and _NAMED_DAY_BEFORE.search(ctx.before(m, 10)):
        return None  # "Good Friday Agreement", "Black Friday deals", "Bloody Sunday", "Super Tuesday": a name, not this week's day
    if not m["rel"] and not m["mod"] and not m["pod"] and _names_something(m, ctx):
        return None  # "the Sunday Times", "Monday Night Football": a title, not a day
    wd = L.weekday_number(m["wd"])
    rel = _rel_word(m["rel"])
    if rel in ("the following", "the previous"):
        return Found("DATE", None, EVENT_RELATIVE)
    reason = ctx.missing("day")
    if reason:
        return Found("TIME" if m["pod"] else "DATE", f"XXXX-WXX-{wd}" if not m["pod"] else None, reason)
    dct = ctx.anchor.date
    if rel == "last":
        date = weekday_near(dct, wd, "before")
    elif rel == "next":
        date = weekday_near(dct, wd, "after")
    elif rel == "this" and ctx.tense(m) not in (FUTURE, PAST, PRESENT):
        # "this Friday" with no tense to place it: the day of the publication date's own week ("the vote is
        # this Friday" said on Wednesday is two days ahead, not last week's)
        date = dct + dt.timedelta(days=wd - dct.isoweekday())
    else:  # a bare weekday in news: the nearest such day not after the publication date, unless future
        date = weekday_near(dct, wd, "not-before" if _ahead(ctx, m) else "not-after")
    return _day_found(ctx, date, ctx.dct, m["pod"])


_TITLE_AFTER = re.compile(r" (?-i:[A-Z][a-z]+)\b")
_NOT_A_TITLE_WORD = set(L.MONTHS) | set(L.WEEKDAYS) | set(L.PARTS_OF_DAY) | {"night", "nights"}


def _names_something(m, ctx) -> bool:
    """"the" + a weekday + a capitalised word in running text is a title ("the Sunday Times", "the Monday Night
    Football game"), unless that word is a month or a part of day ("the Friday March 3 meeting"), or the line is a
    headline, where capitals mark no name."""
    after = _TITLE_AFTER.match(ctx.text, m.end())
    if after is None or after.group(0).strip().lower() in _NOT_A_TITLE_WORD:
        return False
    if not re.search(r"\b(?-i:the|The)\s+(?:(?-i:[A-Z][a-z]+)\s+and\s+)?$", ctx.before(m, 30)):
        return False  # "On Sunday Russia voted", "Iran Sunday rejected": a day before a name; "the Sunday Times" a title
    return not headline_at(ctx.text, m.start())


def _ahead(ctx: Context, m) -> bool:
    """A bare weekday is ahead of the publication date in the future tense, or with an event verb in
    the present ("meet separately Monday"), unless it starts a state ("since Monday")."""
    tense = ctx.tense(m)
    if tense == FUTURE:
        return True
    if tense != PAST and re.search(r"\b(?:until|till|by|before)\s+$", ctx.before(m, 8), re.I):
        return True  # a deadline not set in the past lies ahead: "he has until Friday to respond", "finish by Friday"
    return tense == PRESENT and not re.search(r"\b(?:since|last|earlier|ago)\s*$", ctx.before(m, 10), re.I)


_REL_UNITS = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "fiscal year": "Y", "calendar year": "Y",
              "decade": "E", "century": "C"}


@rule(rf"(?:(?P<mod>{L.EMOD})[\s-]+(?:(?:in|of)\s+)?)?(?:the\s+)?(?P<rel>that\s+same|this\s+past|this\s+coming|this|last|next|past|previous|coming|current|present|following|same|prior|that)\s+"
      r"(?P<u>week|weekend|month|year|fiscal\s+year|calendar\s+year|decade|century)(?!-)")
def relative_unit(m, ctx):
    if _inside_a_name(m, ctx):
        return None  # "ABC's This Week", "Person of This Year"
    rel = _rel_word(m["rel"])
    unit = _REL_UNITS[" ".join(m["u"].lower().split())]
    if " ".join(m["rel"].lower().split()) in ("following", "same", "that", "that same"):
        return _anaphoric(m, ctx, unit)
    if (unit == "W" and rel == "last" and not m["mod"] and m.group(0).lower().startswith("the ")
            and re.search(r"\b(?:in|over|during|within|throughout|for)\s+$", ctx.before(m, 12), re.I)):
        return Found("DURATION", "P1W", EXPLICIT)  # "in the last week": the seven days up to now, a duration
    shift = {"last": -1, "this": 0, "next": 1}.get(rel)
    if shift is None:
        return None
    need = {"W": "day", "WE": "day", "M": "month"}.get(unit, "year")
    reason = ctx.missing(need)
    if reason:
        return Found("DATE", None, reason)
    a = ctx.anchor
    if unit in ("W", "WE"):
        monday = a.date - dt.timedelta(days=a.date.weekday()) + dt.timedelta(weeks=shift)
        return Found("DATE", week_value(monday) + ("-WE" if unit == "WE" else ""), ctx.dct)
    if unit == "M":
        return Found("DATE", month_value(*add_months(a.year, a.month, shift)), ctx.dct)
    if unit == "Y":
        return Found("DATE", str(a.year + shift), ctx.dct)
    if unit == "E":
        return Found("DATE", str(a.year // 10 + shift), ctx.dct)
    return Found("DATE", f"{a.year // 100 + shift:02d}", ctx.dct)


def _anaphoric(m, ctx, unit) -> Found:
    """"that year", "the same year", "the following year": relative to the last year the text named.

    "that week", "the following month": ``find_times`` counts them from the last day (weeks) or month (months)
    the text named before them, the narrative's reference time; with none they stay unresolved."""
    if unit in ("W", "M"):
        return Found("DATE", None, EVENT_RELATIVE, kind=f"anaphor-{unit}",
                     shift=1 if m["rel"].lower() == "following" else 0)
    if unit != "Y":
        return Found("DATE", None, EVENT_RELATIVE)
    shift = 1 if m["rel"].lower() == "following" else 0
    years = re.findall(r"(?<![\d,.$])(1[6-9]\d\d|20\d\d)(?![\d%])", ctx.text[max(0, m.start() - 600):m.start()])
    if not years:
        return Found("DATE", None, EVENT_RELATIVE)
    return Found("DATE", str(int(years[-1]) + shift), f"text:{years[-1]}")


@rule(r"(?P<rel>the\s+past|the\s+coming|the)\s+weekend")
def weekend(m, ctx):
    reason = ctx.missing("day")
    if reason:
        return Found("DATE", None, reason)
    d = ctx.anchor.date
    monday = d - dt.timedelta(days=d.weekday())
    rel = _rel_word(m["rel"])
    if rel == "next" or (rel not in ("last", "this") and ctx.tense(m) == FUTURE):
        target = monday if d.isoweekday() < 6 else monday + dt.timedelta(weeks=1)
    elif rel == "this":
        target = monday
    else:  # the weekend just gone
        target = monday if d.isoweekday() >= 6 and rel != "last" else monday - dt.timedelta(weeks=1)
    return Found("DATE", week_value(target) + "-WE", ctx.dct)


@rule(r"(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?year-(?:ago|earlier)(?:\s+(?P<what>(?:(?:first|second|third|fourth)\s+)?quarter|period|nine\s+months|six\s+months))?")
def year_ago_adjective(m, ctx):
    what = (m["what"] or "").lower()
    if not what and re.match(r"\s+(?:week|month|day|session)s?\b", ctx.after(m, 12), re.I):
        return Found("DATE", None, EVENT_RELATIVE)  # "the year-earlier week": which week is not said
    if "months" in what:
        return Found("DURATION", "P9M" if "nine" in what else "P6M", EXPLICIT)
    reason = ctx.missing("month" if what else "year")
    if reason:
        return Found("DATE", None, reason)
    a = ctx.anchor
    if what:
        ordinal = what.split()[0] if " " in what else ""
        if ordinal in L.ORDINALS:
            return Found("DATE", f"{a.year - 1}-Q{L.ORDINALS[ordinal]}", ctx.dct)
        y, q = add_quarters(a.year, quarter_of(a.month), -5)  # the last completed quarter, a year back, unless
        return Found("DATE", f"{y}-Q{q}", ctx.dct, kind=f"focus-back-{what}")  # a period is in focus (find_times)
    return Found("DATE", str(a.year - 1), ctx.dct)
