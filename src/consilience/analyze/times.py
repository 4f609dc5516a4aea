"""Temporal expressions, normalised to TIMEX3 values against the document's publication date.

Every rule in ``timex.rules`` scans the text (compiled regexes, no extra spaCy pass); overlapping
hits are settled longest-first; a calendar day next to a time of day ("Friday" + "morning",
"10 p.m." + "Wednesday") is merged into one TIME. Values needing the publication date are
computed from ``dct`` at the precision it has, and left unresolved (value None, or a TIMEX3
partial value such as "XXXX-09") when it is missing or too coarse. See docs/times.md.
"""
from __future__ import annotations

import datetime as dt
import re

from .. import timexvalue as T
from ..model import TimeExpr
from .spans import doc_text
from .timex.anchor import add_months, month_value, parse_dct, week_value
from .timex.lexicon import weekday_number
from .timex.rules import RULES, Context, Found, scan

_JOIN_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:on|at|in|in\s+the|of|,)\s+)?", re.I)


def find_times(text: str, dct: str | None, document: str = "", doc=None) -> list[TimeExpr]:
    """Every temporal expression in ``text`` with its TIMEX3 value, anchored on ``dct`` (ISO date) when needed.

    ``dct`` may be None, "2020", "2020-01", "2020-01-03" or "2020-01-05T18:30". ``doc`` is an
    optional spaCy Doc of the same text, used only to read the tense of the governing verb.
    """
    if not text:
        return []
    if doc is not None and doc_text(doc) != text:
        doc = None  # a parse of other text (a chunk) would misplace every tense lookup
    ctx = Context(text, parse_dct(dct), doc)
    hits = _select(_candidates(text, ctx))
    hits = _merge_day_and_time(text, hits)
    hits = _coordinated_sets(text, hits)
    hits = _periods_in_focus(text, hits, ctx.anchor.year if ctx.anchor else None)
    hits = _compare_with_period_in_focus(text, hits)
    hits = _date_bare_times(text, hits, (ctx.anchor.date, ctx.dct) if ctx.anchor and ctx.anchor.date else None)
    return [TimeExpr(document=document, start=s, end=e, text=text[s:e], type=f.type, value=f.value, anchor=f.anchor)
            for s, e, f in hits]


def _candidates(text: str, ctx: Context) -> list[tuple[int, int, int, Found]]:
    found = []
    lowered = text.lower()
    lowered = lowered if len(lowered) == len(text) else None  # a few characters grow when lower-cased
    windows: dict = {}
    for order, rule in enumerate(RULES):
        for m in scan(rule, text, lowered, windows):
            if m.end() == m.start():
                continue
            try:
                result = rule.handle(m, ctx)
            except Exception:  # noqa: BLE001 - one odd match never sinks the document
                result = None
            if result is not None:
                found.append((m.start(), m.end(), order, result))
    return found


def _select(candidates):
    """Non-overlapping hits, longest first (ties: earlier rule), returned in text order."""
    taken: list[tuple[int, int, Found]] = []
    occupied = bytearray()
    for start, end, _, result in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if len(occupied) < end:
            occupied.extend(b"\0" * (end - len(occupied)))
        if any(occupied[start:end]):
            continue
        occupied[start:end] = b"\1" * (end - start)
        taken.append((start, end, result))
    return sorted(taken, key=lambda t: t[0])


def _merge_day_and_time(text: str, hits):
    """Join a calendar day and an adjacent time of day ("Friday" "at 10 p.m.") into one TIME."""
    out = []
    i = 0
    while i < len(hits):
        if i + 1 < len(hits):
            (s1, e1, a), (s2, e2, b) = hits[i], hits[i + 1]
            gap = _JOIN_GAP.fullmatch(text, e1, s2)
            pair = (a, b) if a.kind == "day" and b.kind == "tod" else (b, a) if a.kind == "tod" and b.kind == "day" else None
            if gap and pair:
                day, tod = pair
                clock = text[s1:e1] if a is tod else text[s2:e2]
                value = f"{day.day.isoformat()}{_clock_in_part_of_day(tod.tod, day.value, clock)}" if day.day else None
                out.append((s1, e2, Found("TIME", value, day.anchor, kind="day" if day.day else "", day=day.day)))
                i += 2
                continue
        out.append(hits[i])
        i += 1
    return out


_PM_PARTS = {"AF": range(1, 7), "EV": range(4, 12), "NI": range(6, 12)}  # clock hours that mean p.m. in that part of day
_AM_PM = re.compile(r"\d\s*[ap]\.?\s?m\b", re.I)


def _clock_in_part_of_day(tod: str, day_value: str | None, clock: str) -> str:
    """"10 o'clock tonight" is 22:00: an hour given without a.m./p.m. next to an afternoon, evening or night
    is read in that part of the day. A 24-hour clock ("21:30") or an explicit "a.m." is left as written."""
    m = re.fullmatch(r"T(\d\d):(\d\d)", tod or "")
    part = T.part_of_day(day_value)
    if not m or part not in _PM_PARTS or _AM_PM.search(clock) or re.search(r"(?<!\d)0\d:", clock):
        return tod  # not a clock time, no such part of day, or a.m./p.m. or a 24-hour "07:30" given
    hour = int(m.group(1))
    return f"T{hour + 12:02d}:{m.group(2)}" if hour in _PM_PARTS[part] else tod


_AND_OR = re.compile(r"\s*,?\s+(?:and|or)\s+", re.I)


def _coordinated_sets(text: str, hits):
    """"on Monday and Tuesday nights": a weekday coordinated with a recurring weekday recurs too."""
    out = list(hits)
    for i in range(len(out) - 1):
        (s1, e1, a), (s2, e2, b) = out[i], out[i + 1]
        if a.kind != "day" or b.type != "SET" or not _AND_OR.fullmatch(text, e1, s2):
            continue
        tod = T.weekday_set_time(b.value)
        wd = weekday_number(text[s1:e1].strip())
        if tod is not None and wd:
            out[i] = (s1, e1, Found("SET", f"XXXX-WXX-{wd}{tod}", "explicit"))
    return out


_YEAR_BACK = re.compile(r"(?:the\s+)?(?:a\s+year\s+(?P<dir>ago|earlier|before)|(?:comparable\s+)?year-(?:ago|earlier))$", re.I)
_ALREADY_BACK = re.compile(r"year[\s-](?:ago|earlier)|last\s+year|previous\s+year|prior[\s-]year", re.I)
_FOCUS_WINDOW = 300  # characters back to look for the period being compared ("... in the third quarter ... a year earlier")


def _compare_with_period_in_focus(text: str, hits):
    """"a year earlier" after "the third quarter" means that quarter a year before (1988-Q3), not just 1988.

    The comparison period takes the granularity of the last quarter, month or day named shortly before;
    with nothing in focus it stays the year before the publication year.
    """
    out = []
    for i, (start, end, found) in enumerate(hits):
        m = _YEAR_BACK.fullmatch(text, start, end)
        if m and found.value and found.value.isdigit():
            for s0, e0, prior in reversed(out):
                if start - e0 > _FOCUS_WINDOW:
                    break
                p = T.as_period(prior.value)
                if not p or (m["dir"] == "ago" and "-Q" not in p[1]) or _ALREADY_BACK.search(text, s0, e0):
                    continue  # a period that is itself the comparison ("the year-ago quarter") is not the focus
                found = Found(found.type, f"{p[0] - 1}{p[1]}", f"text:{prior.value}")
                break
        out.append((start, end, found))
    return out


def _prior_months(out, start: int) -> str | None:
    """The value of a months-long duration ("the nine months", P9M) named within the focus window, if it is
    the nearest period before ``start``."""
    for s0, e0, prior in reversed(out):
        if start - e0 > _FOCUS_WINDOW:
            return None
        if prior.type == "DURATION" and T.is_months(prior.value):
            return prior.value
        if T.as_quarter(prior.value):
            return None
    return None


def _periods_in_focus(text: str, hits, dct_year: int | None = None):
    """"the 1988 quarter", "the same period last year", "the latest period", "the quarter" name the quarter in focus.

    The focus is the last quarter named shortly before (within _FOCUS_WINDOW characters); a comparison
    period ("the year-ago quarter", 1988-Q3) puts its quarter a year later (1989-Q3) in focus. "the 1988
    quarter" after "the third quarter" is 1988-Q3, "the same period last year" that quarter a year
    before, "the quarter" and "the latest period" that quarter. With no quarter in focus "the 1988
    period" stays 1988, "the quarter" keeps its value from the publication date and "the latest period"
    is dropped.
    """
    out = []
    for start, end, found in hits:
        if found.kind in ("focus", "focus-latest", "focus-quarter", "focus-back-quarter", "focus-back-period"):
            quarter = None
            for s0, e0, prior in reversed(out):
                if start - e0 > _FOCUS_WINDOW:
                    break
                if found.kind == "focus-back-period" and prior.type == "DURATION" and T.is_months(prior.value):
                    break  # "the year-earlier period" after "the nine months": those months a year back (P9M)
                q = T.as_quarter(prior.value)
                if q:
                    back = _ALREADY_BACK.search(text, s0, e0) is not None  # "a year ago", "the year-ago quarter"
                    if not back and (prior.anchor or "").startswith("text:"):
                        continue  # itself named from the focus ("the 1988 period", "the quarter"): look further back
                    if found.kind.startswith("focus-back") and dct_year is not None and q[0] > dct_year:
                        continue  # "the third quarter of 1990" said in 1989 is a forecast, not the results compared
                    quarter = (q[0] + (1 if back else 0), q[1])
                    break
            if quarter is None:
                if found.kind == "focus-latest":
                    continue
                if found.kind == "focus-back-period" and _prior_months(out, start) is not None:
                    found = Found("DURATION", _prior_months(out, start), "explicit")
                else:
                    found = Found(found.type, found.value, found.anchor)
            else:
                note = f"text:{quarter[0]}-Q{quarter[1]}"
                year = {"focus-latest": quarter[0], "focus-quarter": quarter[0]}.get(found.kind)
                if found.kind.startswith("focus-back"):
                    year = quarter[0] - 1
                if year is None:
                    year = quarter[0] - 1 if found.shift else int(found.value)
                found = Found("DATE", f"{year}-Q{quarter[1]}", note)
        out.append((start, end, found))
    return out


def _unit_from_focus(out, start: int, found):
    """"that week", "the following week": the ISO week of the last day named (plus the shift); "that month",
    "the following month": the last month or day named (plus the shift). Unresolved when none is in focus."""
    for s0, e0, prior in reversed(out):
        if start - e0 > _ANAPHOR_WINDOW:
            break
        if found.kind == "anaphor-W" and prior.kind == "day" and prior.day is not None:
            return Found("DATE", week_value(prior.day + dt.timedelta(weeks=found.shift)), f"text:{prior.day.isoformat()}")
        week = T.as_week(prior.value) if found.kind == "anaphor-W" else None
        if week:  # a week named before ("last week ... that week", "the following week ... that week")
            try:
                monday = dt.date.fromisocalendar(*week, 1)
            except ValueError:
                continue
            return Found("DATE", week_value(monday + dt.timedelta(weeks=found.shift)), f"text:{prior.value}")
        if found.kind == "anaphor-M" and prior.type in ("DATE", "TIME"):
            named = T.as_month(prior.value)
            if named:
                year, month = add_months(*named, found.shift)
                return Found("DATE", month_value(year, month), f"text:{prior.value}")
    return Found(found.type, None, found.anchor)


_ANAPHOR_WINDOW = 600  # characters back (across paragraphs) to the day in focus: the narrative's reference day


def _date_bare_times(text: str, hits, dct_day: tuple | None = None):
    """A time of day not next to a date takes the day in focus: the last day named before it (600 characters).

    ("On Tuesday, August 27, ... met him (at 10:30 pm)" -> that Tuesday, not the publication date.)
    Without such a day a clock time stays on the publication date and a bare part of day unresolved.
    "that day", "the next morning", "the day before" count from the last day named (the narrative's
    reference time, which they then become); "later in the day" with none is the publication date.
    """
    out = []
    for start, end, found in hits:
        if found.kind == "anaphor":
            base, note = None, None
            for s0, e0, prior in reversed(out):
                if start - e0 > _ANAPHOR_WINDOW:
                    break
                if prior.kind == "day" and prior.day is not None:
                    base, note = prior.day, f"text:{prior.day.isoformat()}"
                    break
            if base is None and found.day == dt.date.min and dct_day is not None:
                base, note = dct_day
            if base is None:
                found = Found(found.type, None, found.anchor)
            else:
                day = base + dt.timedelta(days=found.shift)
                value = day.isoformat() + (found.tod or "")
                found = Found(found.type, value, note, kind="day", day=day)
        elif found.kind in ("anaphor-W", "anaphor-M"):
            found = _unit_from_focus(out, start, found)
        elif found.kind == "tod":
            for s0, e0, prior in reversed(out):
                if start - e0 > _ANAPHOR_WINDOW:
                    break
                if prior.kind == "day" and prior.day is not None:
                    found = Found("TIME", f"{prior.day.isoformat()}{found.tod}", f"text:{prior.day.isoformat()}")
                    break
        out.append((start, end, found))
    return out
