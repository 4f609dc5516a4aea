"""Small general English lexicons for temporal expressions, and the regex fragments built from them."""
from __future__ import annotations

from ...lexicon import dates as D
from ...lexicon.calendar import MONTH_NAMES, WEEKDAY_NAMES
from ...lexicon.dates import alternation, month_number  # noqa: F401  (the rules take them from here)
from ...lexicon.calendar import ORDINALS as ORDINAL_WORDS
from ...lexicon.numbers import ARTICLES, CARDINALS

MONTHS = MONTH_NAMES
WEEKDAYS = WEEKDAY_NAMES

UNITS = {  # singular/plural word -> TIMEX3 unit letter (time units carry a "T" in values)
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "E", "century": "C", "centurie": "C",
    "millennium": "L", "millennia": "L",
}
TIME_UNITS = {"second", "minute", "hour"}

SMALL_NUMBERS = {
    **ARTICLES, **{word: n for word, n in CARDINALS.items() if n},
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a thousand": 1000, "one thousand": 1000,
    "a dozen": 12, "dozen": 12, "a couple of": 2, "couple of": 2, "a couple": 2, "a pair of": 2,
}
VAGUE_NUMBERS = {"few", "a few", "several", "many", "some", "a number of", "numerous", "countless",
                 "a couple of", "couple of"}  # "a couple of" is read as 2 where counted
ORDINALS = {**ORDINAL_WORDS, "last": -1, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "mid-afternoon": "AF", "midafternoon": "AF",
                "evening": "EV", "night": "NI", "overnight": "NI", "midday": "MI", "dawn": "MO",
                "daybreak": "MO", "dusk": "EV", "nightfall": "EV"}

# Words after a number that make it a quantity, not a year ("1,500 troops" is caught by the comma).
PERCENT_WORDS = ("%", "percent", "per cent")


# Month and weekday names, days and years: the grammar shared with publication dates (lexicon/dates.py).
# Month and weekday names must be capitalised (so "may", "march", "sun" as words never match).
MONTH, WEEKDAY, DAYNUM, YEAR4 = D.MONTH, D.WEEKDAY, D.DAY, D.YEAR4
NUM_WORD = alternation([w for w in SMALL_NUMBERS if w not in ("a", "an")] + list(VAGUE_NUMBERS))
NUM_DIGITS = r"\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:\s+1/2)?"
NUM_WORD_COMPOUND = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](?:one|two|three|four|five|six|seven|eight|nine)"
NUMBER = rf"(?:{NUM_DIGITS}|{NUM_WORD_COMPOUND}|(?:{NUM_WORD})\b|an?\b)"
UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries|millenni(?:um|a))\b"
UNIT_SINGULAR = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|millennium)"
PART_OF_DAY = r"(?:morning|afternoon|mid-?afternoon|evening|night)"
EMOD = r"(?:early|late|later|earlier|mid|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|end\s+of|beginning\s+of|start\s+of)"
APPROX = r"(?:about|around|almost|nearly|roughly|approximately|some|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|over|under|just|only|within|barely)"


def number_value(word: str) -> float | None:
    """Numeric value of a count word or digits ("two", "twenty-four", "1,000", "2 1/2"); None when vague."""
    w = " ".join(word.lower().replace("-", " ").split())
    if w in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[w])
    if w in VAGUE_NUMBERS:
        return None
    parts = w.split()
    if len(parts) == 2 and parts[0] in SMALL_NUMBERS and parts[1] in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[parts[0]] + SMALL_NUMBERS[parts[1]])
    half = 0.5 if w.endswith(" 1/2") else 0.0
    digits = w.removesuffix(" 1/2").replace(",", "")
    try:
        return float(digits) + half
    except ValueError:
        return None


def weekday_number(word: str) -> int | None:
    """ISO weekday, Monday = 1."""
    w = word.lower().rstrip("s")
    return WEEKDAYS.index(w) + 1 if w in WEEKDAYS else None


def unit_letter(word: str) -> tuple[str, bool] | None:
    """(TIMEX3 unit letter, is a time-of-day unit) for "years", "hour", ..."""
    w = word.lower()
    for cut in (w, w[:-1] if w.endswith("s") else w):
        if cut in UNITS:
            return UNITS[cut], cut in TIME_UNITS
    return None
