"""Rule-based TIMEX3 tagging: lexicon, publication-date anchor, tense cue, rules.

``consilience.analyze.times.find_times`` is the entry point; this package holds its parts.
Hand-written compiled regexes rather than a library: the Python date parsers (dateparser,
dateutil) neither return character offsets nor emit TIMEX3 values (weeks, quarters,
durations, PRESENT_REF), and a regex pass costs far less than the spaCy parse it follows.
"""
