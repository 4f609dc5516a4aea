"""Month and weekday names and ordinal words, shared by publication dates (``ingest/published.py``) and
time expressions (``analyze/timex``); the grammar of dates built on them is ``lexicon/dates.py``."""
from __future__ import annotations

MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december"]
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                       "sept": 9, "oct": 10, "nov": 11, "dec": 12}
MONTHS = {**{name: n for n, name in enumerate(MONTH_NAMES, 1)}, **MONTH_ABBREVIATIONS}  # every form -> number

WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY_ABBREVIATIONS = ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
            "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
            "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-fifth": 25, "thirtieth": 30,
            "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventy-fifth": 75, "hundredth": 100}
