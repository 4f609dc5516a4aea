"""Word lists that more than one stage reads, in one place: calendar words (months, weekdays,
ordinals) for dates in ingestion and in time expressions (``calendar``), the vocabularies of claims
(``vocabulary``), verbs of speech for quotes and claim attribution (``speech``), and number words
(``numbers``).

Small, general English lists (not read off any corpus). Phase 1 imports them, so the phase-1
result key (``engine/fingerprint.py``) covers this package.
"""
