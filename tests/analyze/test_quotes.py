"""Quotes: direct and reported speech tied to their speakers, including speakers named earlier."""
from __future__ import annotations

import pytest

from consilience.analyze.quotes import quote_spans


def _mention_text(analysis, mention_id):
    return next((m.text for m in analysis.mentions if m.id == mention_id), None)


def _check(text, analysis):
    for q in analysis.quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker


def test_quote_spans_nest_and_mix_marks():
    text = 'A said \u201cthe \u201cbig\u201d plan\u201d and B said "yes, now\u201d. \u201cUnclosed\n\nnext'
    spans = [text[s:e] for s, e in quote_spans(text)]
    assert spans == ["the \u201cbig\u201d plan", "yes, now"]


def test_direct_quote_with_speaker_after_and_before(analyse):
    text = ("\u201cThe bridge will reopen in May,\u201d Mayor Lena Hartwig said on Tuesday. "
            "The Transport Ministry said: \u201cWe have found no structural damage at all.\u201d")
    analysis = analyse(text)
    _check(text, analysis)
    first, second = [q for q in analysis.quotes if q.kind == "direct"]
    assert "Lena Hartwig" in first.speaker and _mention_text(analysis, first.speaker_mention) == "Lena Hartwig"
    assert first.cue == "said"
    assert second.speaker.endswith("Transport Ministry")
    assert "Transport Ministry" in _mention_text(analysis, second.speaker_mention)


def test_reported_speech_and_according_to(analyse):
    text = ("The Orvand Water Board confirmed that the reservoir was contaminated. "
            "Two wells were closed overnight, according to the Health Agency of Orvand.")
    analysis = analyse(text)
    _check(text, analysis)
    reported = [q for q in analysis.quotes if q.kind == "reported"]
    confirmed = next(q for q in reported if q.cue == "confirmed")
    assert confirmed.text == "the reservoir was contaminated"
    assert "Orvand Water Board" in _mention_text(analysis, confirmed.speaker_mention)
    according = next(q for q in reported if q.cue == "according to")
    assert "Health Agency" in according.speaker and according.text.startswith("Two wells were closed")


def test_generic_speaker_resolves_to_the_earlier_named_one(analyse):
    text = ("The Veloria Port Union also stressed that the strike was legal. "
            "Workers gathered at the gates before dawn. "
            "\u201cWe will not return until the contracts are signed by the owners,\u201d the statement reads.")
    analysis = analyse(text)
    _check(text, analysis)
    direct = next(q for q in analysis.quotes if q.kind == "direct")
    assert "Veloria Port Union" in direct.speaker
    assert direct.speaker_start < direct.start and "statement" in direct.cue


def test_described_as_and_continued_paragraph(analyse):
    text = ("Senator Ilse Morrow described the agreement as \u201ca betrayal of the fishing towns.\u201d\n\n"
            "\u201cNo one in Carrow was asked about the quotas before the vote took place,\u201d she added.\n\n"
            "\u201cThe harbour will be empty by winter unless the ministry changes its course.\u201d")
    analysis = analyse(text)
    _check(text, analysis)
    direct = [q for q in analysis.quotes if q.kind == "direct"]
    assert len(direct) == 3
    assert direct[0].cue == "described ... as" and "Ilse Morrow" in direct[0].speaker
    assert all("Ilse Morrow" in q.speaker for q in direct)
    assert direct[2].cue == "continued"


def test_scare_quotes_are_not_speech(analyse):
    text = "The plan, known as \u201cBlue Harbour\u201d, was approved by the council."
    assert analyse(text).quotes == []


@pytest.mark.timeout(120)
def test_soleimani_who_says_what(soleimani):
    """ANALYST-NOTES 'Who says what': each quoted actor is found as a speaker."""
    def speakers(prefix):
        text, analysis = soleimani[prefix]
        _check(text, analysis)
        return [(q.speaker or "", _mention_text(analysis, q.speaker_mention) or "") for q in analysis.quotes]

    def said_by(prefix, *names):
        return any(any(n in s or n in m for n in names) for s, m in speakers(prefix))

    assert said_by("000", "Defense Department") and said_by("004", "Department of Defense")
    assert said_by("000", "Rajavi") and said_by("002", "Rajavi")
    assert said_by("002", "NCRI", "National Council of Resistance") and said_by("003", "National Council of Resistance")
    assert said_by("001", "Supreme National Security Council")
    assert said_by("002", "Ghalibaf", "parliament speaker")
    assert said_by("003", "IRGC")
    assert said_by("004", "spokesman for Iraq")
    # the second DoD quote in 000 ("... the statement reads") resolves to the DoD named a sentence earlier
    text, analysis = soleimani["000"]
    reads = next(q for q in analysis.quotes if q.cue and q.cue.startswith("reads"))
    assert "DoD" in reads.speaker and reads.speaker_start < reads.start
    # the spokesman's quote is tied to the PMF mention
    text, analysis = soleimani["004"]
    spokesman = next(q for q in analysis.quotes if "spokesman" in (q.speaker or ""))
    assert "Popular Mobilization Forces" in _mention_text(analysis, spokesman.speaker_mention)
