"""Speech verbs live in one lexicon; quotes and claims read their own named set of it."""
from __future__ import annotations

from consilience.analyze import quotes
from consilience.lexicon import speech, vocabulary


def test_quotes_and_claims_read_the_speech_lexicon():
    assert quotes.SPEECH_VERBS is speech.SPEECH_VERBS
    assert vocabulary.SPEECH_VERBS is speech.ATTRIBUTION_VERBS  # the name analyze/claims/attribution.py reads


def test_attribution_verbs_are_speech_verbs():
    assert speech.ATTRIBUTION_VERBS < speech.SPEECH_VERBS
    assert {"respond", "admit", "describe"} <= speech.SPEECH_VERBS - speech.ATTRIBUTION_VERBS
