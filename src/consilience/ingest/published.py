"""Publication date of a document, with the basis it rests on.

Bases, strongest first:
- "metadata": given by the input (JSONL field, HTML meta via htmldate) or a metadata line
  of the page ("Published: Sunday, 05 January 2020 18:30");
- "dateline": the place-and-date opening of the body ("ORVIK, Jan 8 (Agency) -");
- "content": inferred from what the text says: the "Nth anniversary" of a dated event, or
  the latest explicitly dated reference (a lower bound: the text cannot predate it);
- "inferred": weakest: a copyright year on the page.
Dates are ISO 8601 as precise as known: "2020-01-05T18:30", "2020-01-03", "2020-01", "2020".

The date grammar (month names, days, years, numeric dates and their order) is the one the
TIMEX rules read dates with, in ``lexicon/dates.py``, rather than dateparser, because every
match needs its span and its precision, and because dateparser's search mode accepts far too
much in running text. What is here is ingestion's own: times after a date, datelines, metadata
lines, anniversaries, the latest dated reference.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..lexicon import dates as D
from ..lexicon.calendar import ORDINALS, WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES
from ..timexvalue import UNKNOWN_YEAR, iso_value, year_of

WEEKDAYS = r"(?:" + "|".join(WEEKDAY_NAMES + WEEKDAY_ABBREVIATIONS) + r")"

# The dates themselves are read with the grammar shared with the TIMEX rules (lexicon/dates.py); what is
# ingestion's own is the time of day a page writes after a date (also after a dash: "May 11, 2031 - 16:40")
# and the weekday before it.
_TIME = r"(?:\s*[,|·\-–—]?\s*(?:at\s+)?(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)\s*(?P<ampm>[ap]\.?m\.?)?)?"
_WEEKDAY = r"(?:" + D.WEEKDAY_ANY + r",?\s+)?"

PATTERNS = [
    re.compile(r"\b" + D.ISO + r"(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?", re.I),
    re.compile(r"\b" + _WEEKDAY + D.MONTH_DAY_YEAR + r"\b" + _TIME, re.I),
    re.compile(r"\b" + _WEEKDAY + r"(?:the\s+)?" + D.DAY_MONTH_YEAR + r"\b" + _TIME, re.I),
    re.compile(D.NUMERIC + _TIME),  # order: lexicon/dates.py (numeric_order)
    re.compile(r"\b" + D.MONTH_YEAR + r"\b", re.I),  # month precision
]
MONTH_DAYS = [re.compile(r"\b" + D.MONTH_DAY + r"\b(?!\s*[:.]\d)", re.I),  # "Jan 8", "March 2"
              re.compile(r"\b" + D.DAY_MONTH + r"\b", re.I)]  # "8 January"
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


@dataclass(frozen=True)
class DateRef:
    """A date written in the text, with its span and how much of it is known."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None

    @property
    def iso(self) -> str:
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
            if self.day:
                out += f"-{self.day:02d}"
                if self.hour is not None:
                    out += f"T{self.hour:02d}:{self.minute:02d}"
        return out

    @property
    def precision(self) -> int:
        return sum(x is not None for x in (self.year, self.month, self.day, self.hour))

    def key(self) -> tuple:
        return (self.year or 0, self.month or 0, self.day or 0, self.hour or 0, self.minute or 0)


def _ref(m: re.Match, order: str | None = None) -> DateRef | None:
    """The date of a match; ``order`` ("mdy", "dmy", None) reads a slashed date both of whose numbers could be the
    month (lexicon/dates.py: without evidence of the order such a date is not read)."""
    parts = D.parts(m, order)
    if parts is None:
        return None
    g = m.groupdict()
    hour = int(g["hour"]) if g.get("hour") else None
    minute = int(g["minute"]) if g.get("minute") else None
    if hour is not None and g.get("ampm"):
        hour = hour % 12 + (12 if g["ampm"].lower().startswith("p") else 0)
    if hour is not None and (hour > 23):
        hour = minute = None
    return DateRef(m.start(), m.end(), parts.year, parts.month, parts.day, hour, minute)


ANCHOR = re.compile(r"(?:1[6-9]|20)\d{2}|\d/\d\d?/\d\d")  # every date with a year contains one (or a two-digit one)
BEFORE, AFTER = 48, 24  # how far a date reaches before and after its year (weekday, month, day / time)


def find_dates(text: str, order: str | None = None) -> list[DateRef]:
    """Dates with a year in ``text`` (day or month precision), left to right, no overlaps.

    The patterns run only on windows around years: running them over every position of a long
    text costs seconds, and a date always holds its year. ``order`` is the order of the document's
    slashed dates ("mdy", "dmy"); by default the one ``text`` itself shows (lexicon/dates.numeric_order).
    """
    if order is None and "/" in text:
        order = D.numeric_order(text)
    found: list[DateRef] = []
    for lo, hi in _windows(text):
        segment = text[lo:hi]
        taken = bytearray(len(segment))  # characters already inside a date (earlier patterns win)
        for pattern in PATTERNS:
            for m in pattern.finditer(segment):
                if any(taken[m.start():m.end()]):
                    continue
                ref = _ref(m, order)
                if ref:
                    taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
                    found.append(DateRef(lo + m.start(), lo + m.end(), ref.year, ref.month, ref.day, ref.hour,
                                         ref.minute))
    return sorted(found, key=lambda r: r.start)


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged spans around each year-like number, widened to word boundaries."""
    spans: list[tuple[int, int]] = []
    for m in ANCHOR.finditer(text):
        lo, hi = max(0, m.start() - BEFORE), min(len(text), m.end() + AFTER)
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    return spans


def find_month_days(text: str) -> list[DateRef]:
    """Dates without a year ("January 3", "Jan 8", "8 January"), left to right."""
    out = []
    for pattern in MONTH_DAYS:
        for m in pattern.finditer(text):
            ref = _ref(m)
            if ref and ref.day and not any(r.start < ref.end and ref.start < r.end for r in out):
                out.append(ref)
    return sorted(out, key=lambda r: r.start)


# --------------------------------------------------------------------------- the bases


def normalise_given(value: str | None) -> str | None:
    """A date given by the input (JSONL field, HTML meta) as ISO 8601, as precise as it is."""
    if not value:
        return None
    value = value.strip()
    iso = iso_value(value)
    if iso and 1800 <= year_of(iso) <= 2099:
        return iso
    refs = find_dates(value)
    return max(refs, key=lambda r: r.precision).iso if refs else None


def from_metadata_lines(lines: list[str], order: str | None = None) -> str | None:
    """The most precise date on the page's metadata lines (``order``: of the page's slashed dates)."""
    refs = [r for line in lines for r in find_dates(line, order)]
    return max(refs, key=lambda r: (r.precision, r.key())).iso if refs else None


DATELINE_DASH = re.compile(r"\s*[-–—]+|\s+:\s")
PLACE = re.compile(r"^[A-Z][\w.'’\-]*(?:[ ,/]+[A-Z][\w.'’\-]*){0,4},?\s*$")  # capitalised words only
TRAILING_AGENCY = re.compile(r"\s*\([^)]{1,60}\)\s*$")


def from_dateline(text: str, fallback_year: int | None, order: str | None = None) -> tuple[str | None, str | None]:
    """(date, note) from a dateline opening one of the first paragraphs.

    A dateline is a place, a date, perhaps an agency in parentheses, then a dash:
    "ORVIK, Jan 8 (Agency) -", "Lirsa, March 14, 2025—".
    """
    for block in [b for b in text.split("\n") if b.strip()][:4]:
        head = block.strip()[:120]
        dash = DATELINE_DASH.search(head)
        if not dash or dash.start() > 90:
            continue
        prefix = TRAILING_AGENCY.sub("", head[:dash.start()]).rstrip(" ,")
        for ref in [r for r in find_dates(prefix, order) if r.day] or find_month_days(prefix):
            if prefix[ref.end:].strip(" ,.") or not PLACE.match(prefix[:ref.start]):
                continue
            if ref.year:
                return ref.iso, None
            if fallback_year:
                return DateRef(0, 0, fallback_year, ref.month, ref.day).iso, \
                    f"dateline gives no year; year {fallback_year} taken from the page (copyright or latest year named)"
            # TIMEX3's unknown year; the corpus pass (neighbour_dates) takes it from the closest dated documents
            return f"{UNKNOWN_YEAR}-{ref.month:02d}-{ref.day:02d}", "dateline gives no year and the page names none"
    return None, None


ANNIVERSARY = re.compile(r"\b(?P<n>" + "|".join(ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))\s+anniversary\b", re.I)


def _sentence_around(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    ends = [e for e in (text.find(". ", pos), text.find("\n", pos)) if e >= 0]
    return start, (min(ends) if ends else len(text))


def from_anniversary(text: str, latest: DateRef | None) -> tuple[str | None, str | None]:
    """"January 3 marks the second anniversary of X": publication around the anniversary.

    The event year is the year of a dated event in the same sentence; failing that, the
    anniversary day is the first such day on or after the latest dated reference.
    """
    if "anniversar" not in text.lower():
        return None, None
    for m in ANNIVERSARY.finditer(text):
        raw = m["n"].lower()
        n = ORDINALS.get(raw) or int(re.sub(r"\D", "", raw))
        s, e = _sentence_around(text, m.start())
        sentence = text[s:e]
        dated = [r for r in find_dates(sentence) if r.month]
        if dated:
            event = dated[0]
            return f"{event.year + n:04d}-{event.month:02d}", f"{m.group(0)} of an event dated {event.iso}"
        days = find_month_days(sentence)
        if days and latest and latest.year:
            d = days[0]
            year = latest.year if (d.month, d.day) >= (latest.month or 1, latest.day or 1) else latest.year + 1
            return f"{year:04d}-{d.month:02d}", (f"{m.group(0)} falls on {sentence[d.start:d.end]}, the first such "
                                                 f"day after the latest dated reference ({latest.iso})")
    return None, None


FORWARD = re.compile(r"\b(?:by|until|till|before|through|to|from|due|scheduled for|expected (?:in|on|by)|deadline"
                     r"(?: of)?|planned for|next)\s*$", re.I)


def latest_reference(text: str, not_after_year: int | None = None, order: str | None = None) -> DateRef | None:
    """The latest past date with a year and at least a month written in the text.

    Dates that look ahead ("by March 2030", "until June 2031") say nothing about when the text
    was written, nor do dates after the page's copyright year.
    """
    refs = [r for r in find_dates(text, order) if r.month and not FORWARD.search(text[max(0, r.start - 24):r.start])
            and (not_after_year is None or r.year <= not_after_year)]
    return max(refs, key=lambda r: r.key()) if refs else None


# --------------------------------------------------------------------------- days the text reports as past
# A day is reported as past when its sentence tells of it in the past tense and looks ahead nowhere ("The judges
# ruled on Friday, April 25, that ..."); a sentence that also speaks of what will, is due to or is expected to happen
# is left alone, as is a date after "by", "until", "from" ... (FORWARD).
PAST_VERB = re.compile(r"\b(?:[a-z]{3,}ed|was|were|had|said|told|took|gave|met|held|found|won|lost|began|came|went"
                       r"|made|sent|left|fell|rose|saw|spoke|wrote|ran|struck|chose|became|brought|sought|upheld)\b",
                       re.I)
LOOKS_AHEAD = re.compile(r"\b(?:will|shall|would|'ll|due|expected|scheduled|planned|plans?|set to|going to|next"
                         r"|upcoming|until|deadline|intends?|hopes?)\b", re.I)
SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14}
# Right after a day, how long before a later event it fell: "February 27, four days before it was announced".
DAYS_BEFORE = re.compile(r"^,?\s*(?:some |about |just |only )?(?P<n>\d{1,2}|" + "|".join(SMALL_NUMBERS)
                         + r")\s+(?P<unit>days?|weeks?)\s+(?:before|ahead of|prior to)\s+(?P<rest>[^.;:!?\n]{1,80})",
                         re.I)


def _reported_as_past(text: str, ref: DateRef) -> bool:
    s, e = _sentence_around(text, ref.start)
    sentence = text[s:e]
    return (not FORWARD.search(text[max(0, ref.start - 24):ref.start]) and not LOOKS_AHEAD.search(sentence)
            and bool(PAST_VERB.search(sentence)))


def _later_event(text: str, ref: DateRef) -> int:
    """Days from ``ref`` to a later event the text ties to it and reports as past ("February 27, four days before it
    was announced": 4); 0 when there is none."""
    m = DAYS_BEFORE.match(text[ref.end:ref.end + 120])
    if not m or LOOKS_AHEAD.search(m["rest"]) or not PAST_VERB.search(m["rest"]):
        return 0
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else SMALL_NUMBERS[raw]
    return n * (7 if m["unit"].lower().startswith("week") else 1)


def latest_day_reported_past(text: str, near: date, within_days: int) -> tuple[date, str] | None:
    """The latest day the text reports as past, with what says so, among days at most ``within_days`` after ``near``
    (a day without a year takes ``near``'s year; one that would then fall far after it is left out, as it may be
    of another year); a day some days before a later event reported as past stands for that event's day."""
    out: list[tuple[date, str]] = []
    refs = [r for r in find_dates(text) if r.day] + find_month_days(text)
    for ref in refs:
        if not _reported_as_past(text, ref):
            continue
        try:
            day = date(ref.year or near.year, ref.month, ref.day)
        except ValueError:
            continue
        said = text[ref.start:ref.end]
        if shift := _later_event(text, ref):
            day, said = day + timedelta(days=shift), f"{shift} days after {said}"
        if day <= near + timedelta(days=within_days):
            out.append((day, said))
    return max(out) if out else None


def copyright_year(lines: list[str]) -> int | None:
    years = [int(y) for line in lines for y in YEAR.findall(line)]
    return max(years) if years else None


WEEKDAY_REFERENCE = re.compile(r"\b(?:last|this|on|next|early on|late on)\s+" + WEEKDAYS + r"\b", re.I)


CONTENT_SCAN_CHARS = 200_000  # content dates are read from this much of a text (news articles are far shorter)


def publication_date(text: str, given: str | None, metadata_lines: list[str], copyright_lines: list[str]
                     ) -> tuple[str | None, str | None, list[str]]:
    """(published, basis, notes) for a cleaned ``text`` and what was harvested from its page."""
    notes: list[str] = []
    text = text[:CONTENT_SCAN_CHARS]
    if value := normalise_given(given):
        return value, "metadata", notes
    # the order of slashed dates ("4/5/2020") is the page's: read from every slashed date it writes
    order = D.numeric_order("\n".join(metadata_lines + [text])) if "/" in text or any("/" in x for x in metadata_lines) \
        else None
    if value := from_metadata_lines(metadata_lines, order):
        return value, "metadata", notes
    year = copyright_year(copyright_lines)
    latest = latest_reference(text, year, order)
    years = [int(y) for y in YEAR.findall(text)]
    fallback_year = year or (latest.year if latest else max(years) if years else None)
    value, note = from_dateline(text, fallback_year, order)
    if value:
        return value, "dateline", notes + ([note] if note else [])
    value, note = from_anniversary(text, latest)
    if value:
        return value, "content", notes + [f"published: {note}"]
    if latest and (year is None or latest.year >= year):
        if latest.day and (shift := _later_event(text, latest)):  # "February 27, four days before it was announced"
            later = date(latest.year, latest.month, latest.day) + timedelta(days=shift)
            return later.isoformat(), "content", notes + [
                f"published: not before {later.isoformat()}, {shift} days after the latest dated reference "
                f"({latest.iso}), a later day the text reports as past"]
        return latest.iso, "content", notes + [f"published: not before the latest dated reference ({latest.iso})"]
    if year:
        recent = " and the text refers to a weekday" if WEEKDAY_REFERENCE.search(text) else ""
        return str(year), "inferred", notes + [f"published: copyright year {year} on the page{recent}"]
    return None, None, notes
