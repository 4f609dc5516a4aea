"""Rules for sets (recurring times): "every Monday", "each year", "daily"."""
from __future__ import annotations

import re

from . import lexicon as L
from .context import EXPLICIT, Context, Found
from .registry import rule

_ADVERB_SETS = {"daily": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W", "monthly": "P1M",
                "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D",
                "semiannually": "P6M", "biannually": "P6M", "semi-annually": "P6M", "bi-annually": "P6M",
                "bi-weekly": "P2W", "every day": "P1D"}


@rule(r"(?P<q>every|each|per)\s+(?:(?P<other>other|single)\s+)?(?:(?P<n>two|three|four|five|six|\d+)\s+)?(?P<u>second|minute|hour|day|night|morning|evening|afternoon|week|weekend|month|quarter|year|decade|century|hours|days|weeks|months|years)\b"
      rf"|(?P<q2>every|each)\s+(?P<wd>{L.WEEKDAY})|(?P<wds>(?-i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))(?:\s+(?P<pod>{L.PART_OF_DAY}s?))?|(?P<wdn>{L.WEEKDAY})\s+(?P<pods>(?:morning|afternoon|evening|night)s)"
      rf"|(?P<q3>every|each)\s+(?P<mon>{L.MONTH})")
def set_every(m, ctx):
    if m["wd"] or m["wds"] or m["wdn"]:
        wd = L.weekday_number(m["wd"] or m["wds"] or m["wdn"])
        pod = L.PARTS_OF_DAY.get((m["pod"] or m["pods"] or "").lower().rstrip("s"))
        return Found("SET", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""), EXPLICIT)
    if m["mon"]:
        return Found("SET", f"XXXX-{L.month_number(m['mon']):02d}", EXPLICIT)
    unit = m["u"].lower()
    if unit in ("night", "morning", "evening", "afternoon"):
        return Found("SET", f"XXXX-XX-XXT{L.PARTS_OF_DAY[unit]}", EXPLICIT)
    if unit == "weekend":
        return Found("SET", "XXXX-WXX-WE", EXPLICIT)
    letter, is_time = L.unit_letter(unit)
    n = 2 if (m["other"] or "").lower() == "other" else int(L.number_value(m["n"]) or 1) if m["n"] else 1
    return Found("SET", f"P{'T' if is_time else ''}{n}{letter}", EXPLICIT)


@rule(r"(?<=\s)weekends")
def weekends(m, ctx):
    """"closed on weekends", "works weekends": plural weekends recur (a count or "the" before them does not)."""
    if re.search(r"(?:\d|\b(?:the|two|three|four|five|several|few|many|some|past|last|next|those|these|all|long|"
                 r"holiday|three-day|four-day))\s+$", ctx.before(m, 12), re.I):
        return None
    return Found("SET", "XXXX-WXX-WE", EXPLICIT)


@rule(L.alternation(_ADVERB_SETS))
def set_adverb(m, ctx):
    word = m.group(0).lower()
    if word in ("daily", "weekly", "monthly") and (re.match(r"\s+(?-i:[A-Z])", ctx.after(m, 3)) or (
            m.group(0)[:1].isupper() and re.search(r"\b(?-i:the|[A-Z][\w&'’.-]*)\s+$", ctx.before(m, 12)))):
        return None  # a title: "the Daily Telegraph", "the Daily and Sunday Express"
    if word not in ("annually", "every day") and _modifies_noun(ctx, m):
        return None  # "quarterly dividend", "daily volume": an adjective, not a recurring time
    return Found("SET", _ADVERB_SETS[" ".join(word.split())], EXPLICIT)


_FUNCTION_WORDS = re.compile(r"\s*(?:[,.;:!?)\"'”]|$|(?:and|or|but|since|from|to|in|on|at|for|by|until|through|over|with|basis|as|than|if|when)\b)", re.I)


def _modifies_noun(ctx: Context, m) -> bool:
    if ctx.doc is not None:
        span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and len(span) == 1:
            return span[0].pos_ == "ADJ" or span[0].dep_ == "amod"
    return not _FUNCTION_WORDS.match(ctx.after(m, 12))
