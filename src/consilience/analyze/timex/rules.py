"""The rules: one compiled regex per kind of temporal expression, each with the function that normalises it.

Importing each step's module registers its rules in ``RULES``, in the order imported here.
"""
from __future__ import annotations

# A rule's handler reads its match and the context (text, publication-date anchor, tense cue) and
# returns a ``Found`` (TIMEX3 type, value, anchor note) or None to drop a false hit.
# Spans follow TimeML: determiners and modifiers are inside ("the past three months", "early next
# year", "nearly two years"), the governing preposition is outside ("on Thursday" -> "Thursday").

from .context import Context, Found
from .registry import RULES, Rule, scan

# The order of these imports is the order of RULES, and ``find_times`` gives a tie between two
# equally long hits to the earlier rule: do not sort them.
# isort: off
from . import calendar_dates  # noqa: F401  explicit calendar dates
from . import years  # noqa: F401  years, decades, centuries
from . import quarters  # noqa: F401  quarters, halves, seasons
from . import relative_days  # noqa: F401  days relative to the publication date
from . import durations  # noqa: F401  "two years ago", durations
from . import sets  # noqa: F401  sets
from . import references  # noqa: F401  present, past and future references
from . import clock  # noqa: F401  clock times
from . import year_in_focus  # noqa: F401  the year / the month in focus
from . import day_in_focus  # noqa: F401  days named from the day in focus
from . import holidays  # noqa: F401  holidays
from . import period_in_focus  # noqa: F401  periods named from the period in focus
# isort: on

__all__ = ["RULES", "Context", "Found", "Rule", "scan"]
