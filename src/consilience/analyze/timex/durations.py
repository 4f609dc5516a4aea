"""Rules for "two years ago" (a date counted from the publication date) and for durations ("three months",
"two to six days", "the past years", "decades-long").
"""
from __future__ import annotations

import re

from . import lexicon as L
from .anchor import add_months, add_quarters, month_value, quarter_of, shift_date, week_value
from .context import EXPLICIT, Found
from .helpers import _day_found
from .registry import rule


@rule(rf"(?:(?P<approx>{L.APPROX})\s+)?(?P<n>{L.NUMBER})(?:\s+or\s+so)?[\s-]+(?P<u>{L.UNIT})(?:\s+or\s+so)?\s+"
      r"(?P<dir>ago|earlier|from\s+now|hence|back|later|before|after)")
def units_ago(m, ctx):
    letter, is_time = L.unit_letter(m["u"])
    n = L.number_value(m["n"])
    if n is not None and m["u"].lower().startswith("fortnight"):
        n *= 2  # a fortnight is two weeks
    direction = " ".join(m["dir"].lower().split())
    if direction in ("later", "before", "after"):
        return _duration(m, ctx, n, letter, is_time)
    sign = 1 if direction in ("from now", "hence") else -1
    if n is None:
        return Found("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", EXPLICIT)
    if n != int(n):
        return _duration(m, ctx, n, letter, is_time)
    n = int(n) * sign
    if letter in ("E", "C", "L"):
        n, letter = n * {"E": 10, "C": 100, "L": 1000}[letter], "Y"
    need = {"Y": "year", "Q": "month", "M": "month"}.get(letter, "day")
    if is_time:
        need = "day"
    reason = ctx.missing(need)
    if reason:
        return Found("DATE", None, reason)
    a = ctx.anchor
    if letter == "Y":
        return Found("DATE", str(a.year + n), ctx.dct)
    if letter == "M" and not is_time:
        return Found("DATE", month_value(*add_months(a.year, a.month, n)), ctx.dct)
    if letter == "Q":
        return Found("DATE", f"{add_quarters(a.year, quarter_of(a.month), n)[0]}-Q{add_quarters(a.year, quarter_of(a.month), n)[1]}", ctx.dct)
    if letter == "W":
        return Found("DATE", week_value(shift_date(a.date, n, "W")), ctx.dct)
    if is_time:
        return _day_found(ctx, a.date, ctx.dct)
    return _day_found(ctx, shift_date(a.date, n, "D"), ctx.dct)


# Nouns a "24-hour" modifier gives a real length to ("a 24-hour strike"); with other nouns it means "all day".
_TIMED_NOUNS = {"strike", "strikes", "ceasefire", "cease-fire", "truce", "curfew", "period", "delay", "deadline",
                "shutdown", "stoppage", "fast", "walkout", "lockdown", "ban", "blackout", "window", "halt", "closure",
                "suspension", "siege", "pause", "respite", "extension", "trip", "visit", "journey", "flight", "stay",
                "detention", "operation", "offensive", "bombardment", "battle", "vigil", "march", "wait", "notice",
                "shift", "session", "meeting", "talks", "break", "outage", "cycle", "race", "test"}
_DURATION_PREP = re.compile(r"\b(?:for|in|within|after|over|than|only|just|a|per|of|least|about|some|each|every|by|"
                            r"nearly|almost|around|under|last|first|next|past|whole|entire|full|single)\s+$", re.I)


# Things whose age news states as a stretch of time ("the 8-month-old truce", "a decade-old dispute").
_AGED_THINGS = {"truce", "ceasefire", "cease-fire", "war", "conflict", "strike", "dispute", "crisis", "government",
                "regime", "law", "ban", "blockade", "embargo", "siege", "occupation", "uprising", "insurgency",
                "rebellion", "standoff", "stalemate", "boycott", "moratorium", "agreement", "deal", "accord", "peace",
                "investigation", "inquiry", "case", "feud", "rivalry", "campaign", "program", "programme", "policy",
                "coalition", "alliance", "partnership", "marriage", "friendship", "company", "record", "tradition"}


def _age_of_someone(m, ctx) -> bool:
    """"-year-old" is a person's age (not a time expression: "a 44-year-old man", "the six-year-old",
    "44-year-old Ann Lee") unless a thing whose age is a stretch of time follows ("the 8-month-old truce")."""
    after = re.match(r"-olds?\s+(?P<w>[A-Za-z][\w-]*)", ctx.text[m.end() - (4 if m["old"] else 0):m.end() + 30])
    return not (after and after.group("w").lower() in _AGED_THINGS)


def _round_the_clock(m, ctx) -> bool:
    if not (m["u"].lower() == "hour" and L.number_value(m["n"]) == 24 and "-" in m.group(0)[m.start("n") - m.start():]):
        return False
    following = re.match(r"\s+([a-z-]+)(?:\s+([a-z-]+))?", ctx.after(m, 40))
    # the noun right after, or after one adjective ("a 24-hour general strike"), has a length
    return not (following and (following.group(1).lower() in _TIMED_NOUNS
                               or (following.group(2) or "").lower() in _TIMED_NOUNS))


def _someday(m, ctx) -> bool:
    """"one day" meaning some day in the future: right after "to" or a modal ("to one day return"), not a count."""
    before = ctx.before(m, 15)
    if m["det"] or m["rel"] or m["approx"] or "-" in m.group(0) or _DURATION_PREP.search(before):
        return False
    if re.match(r"\s*(?:later|earlier|before|after|ago|of|a\b|per\b|-)", ctx.after(m, 8), re.I):
        return False
    return bool(re.search(r"\b(?:to|will|would|could|can|may|might|shall|should|must)\s+$", before, re.I))


def _duration(m, ctx, n: float | None, letter: str, is_time: bool, set_: bool = False) -> Found:
    kind = "SET" if set_ else "DURATION"
    t = "T" if is_time else ""
    if n is None:
        return Found(kind, f"P{t}X{letter}", EXPLICIT)
    if letter in ("E", "C", "L"):  # "two decades" -> P20Y; a bare "decades" stays PXE
        n, letter = n * {"E": 10, "C": 100, "L": 1000}[letter], "Y"
    if n != int(n):
        return Found(kind, _fractional(n, letter, is_time), EXPLICIT)
    return Found(kind, f"P{t}{int(n)}{letter}", EXPLICIT)


def _fractional(n: float, letter: str, is_time: bool) -> str:
    """"two and a half years" -> P2Y6M (the half in the next smaller unit, where there is one)."""
    whole = int(n)
    if letter == "W" and not is_time:
        return f"P{whole * 7 + 3}DT12H"
    smaller = {("Y", False): "6M", ("M", False): "15D", ("D", False): "T12H", ("H", True): "30M", ("M", True): "30S"}
    if (letter, is_time) not in smaller:
        return f"P{'T' if is_time else ''}{n:g}{letter}"
    head = f"{whole}{letter}" if whole else ""
    return f"P{'T' if is_time else ''}{head}{smaller[(letter, is_time)]}"


# "four flights a week", "700 more seats a week": a count of something, then "a <unit>", is a rate (a SET)
_COUNTED_BEFORE = re.compile(r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|several|few))"
                             r"\S*\s+(?:[a-z-]+\s+){0,2}[a-z-]+s\s*$", re.I)
_SET_BEFORE = re.compile(r"(?:\d|%|\bpercent|\bmillion|\bbillion|\bcents?|\btimes|\btwice|\bonce|\bthrice|\bdollars?|\bpounds?|\beuros?|\bbarrels?|\btons?|\bpeople)\s*$", re.I)


@rule(rf"(?:(?P<approx>{L.APPROX})\s+(?!the\s))?(?:(?P<det>the|each\s+of\s+the|all\s+of\s+the)\s+)?(?:(?P<rel>past|last|next|first|final|previous|coming|following|"
      r"latest|remaining|additional|further|entire|full|whole|initial|ensuing|preceding|same|other|subsequent|intervening)\s+)?"
      rf"(?P<n>{L.NUMBER})(?P<half0>\s+and\s+a\s+half)?(?:\s+(?:more|additional|full|straight|consecutive|long|extra))?[\s-]+(?:(?:trading|business|working|calendar|school)\s+)?"
      rf"(?P<u>{L.UNIT})(?P<half>\s+and\s+a\s+half)?(?P<old>-old)?")
def duration(m, ctx):
    letter, is_time = L.unit_letter(m["u"])
    word = m["n"].lower()
    if word in ("a", "an", "one") and m["u"].lower() in ("second", "quarter"):
        return None  # "a second attack", "a quarter of the votes"
    if re.match(r"\s*(?:of\s+(?:the|its|their|his|her|a)\b)", ctx.after(m, 15)) and word in ("a", "an") and not m["approx"]:
        return None
    if m["u"].lower().startswith("quarter") and "-" in m.group(0) and not m["old"]:
        return None  # "three-quarters of its food" is a fraction
    if re.match(r"\s+old\b", ctx.after(m, 6)) and not m["det"]:
        return None  # an age, "52 years old"
    if (m["old"] or re.match(r"-olds?\b", ctx.after(m, 6))) and _age_of_someone(m, ctx):
        return None  # a person's age: "a 44-year-old man", "the six-year-old", "44-year-old Ann Lee"
    if _round_the_clock(m, ctx):
        return None  # "24-hour news", "a 24-hour hotline": all day long, not a stretch of time
    if word == "one" and m["u"].lower() == "day" and _someday(m, ctx):
        return Found("DATE", "FUTURE_REF", EXPLICIT)  # "hopes to one day return"
    n = L.number_value(m["n"])
    if n is None and word in ("some",) and m["u"].lower().endswith("s") is False:
        return None  # "some day" is not a count
    if n is not None and (m["half"] or m["half0"]):
        n += 0.5
    if n is not None and m["u"].lower().startswith("fortnight"):
        n *= 2  # a fortnight is two weeks
    if n is not None and n > 10000:
        return None
    set_ = word in ("a", "an") and not m["det"] and not m["rel"] and not m["approx"] and bool(
        _SET_BEFORE.search(ctx.before(m, 15)) or _COUNTED_BEFORE.search(ctx.before(m, 40)))
    return _duration(m, ctx, n, letter, is_time, set_)


_RANGE_NUMBER = rf"(?:{L.NUM_DIGITS}|{L.NUM_WORD_COMPOUND}|(?:{L.NUM_WORD})\b)"


@rule(rf"(?P<n>{_RANGE_NUMBER})(?=\s*(?:to|or|and|-|–)\s*{_RANGE_NUMBER}[\s-]+(?:(?:more|additional|full|straight|consecutive)\s+)?(?P<u>{L.UNIT}))")
def range_first(m, ctx):
    """"two to six days", "three or four years": TimeML gives the first number its own duration, in the unit
    named after the second (P2D)."""
    n = L.number_value(m["n"])
    if n is None or n > 10000:
        return None
    unit = re.match(rf"\s*(?:to|or|and|-|–)\s*{_RANGE_NUMBER}[\s-]+(?:(?:more|additional|full|straight|consecutive)\s+)?({L.UNIT})",
                    ctx.text[m.end():m.end() + 60], re.I)
    rest = ctx.text[m.end() + unit.end():m.end() + unit.end() + 12] if unit else ""
    if unit is None or re.match(r"[\s-]+old\b|-old|\s+(?:ago|earlier|later|before|after|hence|from\s+now)\b", rest, re.I):
        return None  # an age; "five to ten years ago" is a date (left to the second number)
    letter, is_time = L.unit_letter(unit.group(1))
    return _duration(m, ctx, n, letter, is_time)


@rule(r"(?:(?P<approx>about|around|almost|nearly|more\s+than|less\s+than|over|for|under)\s+)?(?:a\s+)?half[\s-]+(?:an?\s+)?(?P<u>hour|day|year|month|century|decade)")
def half_unit(m, ctx):
    return Found("DURATION", {"hour": "PT30M", "day": "PT12H", "year": "P6M", "month": "P15D", "century": "P50Y",
                              "decade": "P5Y"}[m["u"].lower()], EXPLICIT)


@rule(r"(?P<rel>the\s+past|the\s+last|the\s+next|the\s+coming|the\s+following|the\s+previous|recent|coming|past|the\s+early|the\s+later|the\s+latter)\s+"
      r"(?P<u>years|months|weeks|days|decades|centuries|hours|minutes|quarters)")
def vague_plural(m, ctx):
    rel = " ".join(m["rel"].lower().split()).removeprefix("in ")
    if rel in ("the early", "the later", "the latter") and re.match(r"\s+of\b", ctx.after(m, 6), re.I):
        return None  # "the early hours of Sunday", "the later years of his life": a part of something, not a stretch
    if rel in ("coming", "the coming"):
        return Found("DATE", "FUTURE_REF", EXPLICIT)
    letter, is_time = L.unit_letter(m["u"])
    return Found("DURATION", f"P{'T' if is_time else ''}X{letter}", EXPLICIT)


_BARE_PLURAL_CUE = re.compile(r"\b(?:for|over|within|after|took|take|takes|taking|lasted|last|lasts|in|spent|spend|than)\s+$", re.I)


@rule(r"(?P<u>(?:year|month|week|day|decade|centur(?:y|ie))s?)(?P<long>-long)|(?P<u2>year|month|week|day|hour)(?P<long2>long)"
      r"|(?:(?<=\bover\s)|(?<=\bduring\s)|(?<=\bacross\s)|(?<=\bthrough\s))the\s+(?P<u3>years|decades|months|weeks)")
def stretch_adjective(m, ctx):
    """"a decades-long feud" (PXE), "a year-long siege" (P1Y), "over the years" (PXY): vague or single stretches."""
    if m["u2"]:  # "a weeklong manhunt", "a yearlong program", "an hourlong speech": one unit, written solid
        letter, is_time = L.unit_letter(m["u2"])
        return _duration(m, ctx, 1.0, letter, is_time)
    unit = (m["u"] or m["u3"]).lower()
    letter, is_time = L.unit_letter(unit)
    if m["u3"] or unit.endswith("s") or unit == "centuries":
        return Found("DURATION", f"PX{letter}", EXPLICIT)
    return _duration(m, ctx, 1.0, letter, is_time)


# Words after which a bare plural unit is not a vague stretch of its own ("the days after the vote", "those
# years before the war", "of hours"): it is then part of a noun phrase anchored on an event.
_NOT_A_STRETCH_BEFORE = re.compile(r"\b(?:the|those|these|its|their|his|her|our|of|many|some|for)\s+$", re.I)


@rule(r"(?P<u>years|months|weeks|decades|centuries|days|hours|minutes)")
def bare_plural(m, ctx):
    if re.match(r"\s+(?:later|after|earlier|before)\b", ctx.after(m, 8), re.I) and not _NOT_A_STRETCH_BEFORE.search(ctx.before(m, 8)):
        # "Days later, the airport reopened", "minutes after the blast": a vague stretch counted from an event,
        # like "several days later" (PXD); the event, not the publication date, anchors it
        letter, is_time = L.unit_letter(m["u"])
        return Found("DURATION", f"P{'T' if is_time else ''}X{letter}", EXPLICIT)
    if not _BARE_PLURAL_CUE.search(ctx.before(m, 12)) or re.match(r"\s*(?:old|ago|earlier|later|before|after)\b", ctx.after(m, 10)):
        return None
    if re.match(r"\s*of\b", ctx.after(m, 4)) and not re.search(r"\b(?:within|after)\s+$", ctx.before(m, 8), re.I):
        return None  # "for years of study" is a quantity of something; "within hours of his arrest" a stretch
    if m["u"].lower() in ("days", "hours", "minutes") and re.search(r"\b(?:after|last|in|than)\s+$", ctx.before(m, 8), re.I):
        return None  # "after hours" (trading), "in days" and "than days" are too often not stretches
    letter, is_time = L.unit_letter(m["u"])
    return Found("DURATION", f"P{'T' if is_time else ''}X{letter}", EXPLICIT)
