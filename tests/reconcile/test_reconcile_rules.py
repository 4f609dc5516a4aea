"""Grouping, corroboration, conflicts and framing on hand-made records (no spaCy)."""
from __future__ import annotations

import pytest

from consilience import timexvalue as T
from consilience.reconcile.framing import find_terms, load_lexicon, polarity

pytestmark = pytest.mark.timeout(60)


def _fact_with(facts, claim_id):
    return next(f for f in facts if claim_id in f.claims)


def test_corroborated_across_outlets_and_copies_count_once(build):
    build.entity("league", "Farmers League", "ORG")
    s1 = "Raiders killed 40 members of the Farmers League at Oskar."
    s2 = "The raid killed 40 Farmers League members."
    build.document("a", s1, outlet="Alpha", published="2030-05-02")
    build.document("b", s2, outlet="Beta", published="2030-05-03")
    build.document("c", s2, outlet="Gamma", published="2030-05-04", duplicate_of="b")
    c1 = build.claim("a", s1, "kill", objects=[("Farmers League", "league")], quantity=40.0, quantity_unit="member")
    build.claim("b", s2, "kill", objects=[("Farmers League", "league")], quantity=40.0, quantity_unit="member")
    build.claim("c", s2, "kill", objects=[("Farmers League", "league")], quantity=40.0, quantity_unit="member")
    facts, conflicts, _ = build.run()
    f = _fact_with(facts, c1.id)
    assert f.documents == ["a", "b", "c"] and f.support == 2 and f.status == "corroborated"
    assert any("counted once" in n for n in f.notes)
    assert "40" in f.statement and "Farmers League" in f.statement
    assert conflicts == []


def test_different_participants_never_merge(build):
    build.entity("p1", "Ruben Olsson")
    build.entity("p2", "Dag Lind")
    build.document("a", "Ruben Olsson was killed on 2 May 2030.", outlet="A")
    build.document("b", "Dag Lind was killed on 2 May 2030.", outlet="B")
    c1 = build.claim("a", "Ruben Olsson was killed on 2 May 2030.", "kill", objects=[("Ruben Olsson", "p1")],
                     time="2030-05-02")
    c2 = build.claim("b", "Dag Lind was killed on 2 May 2030.", "kill", objects=[("Dag Lind", "p2")], time="2030-05-02")
    facts, _, _ = build.run()
    assert _fact_with(facts, c1.id) is not _fact_with(facts, c2.id)
    assert all(f.status == "single-source" for f in facts)


def test_adjacent_days_conflict_with_time_zone_and_weekday_readings(build):
    build.entity("p", "Ruben Olsson")
    build.entity("us", "Ostland", "GPE")
    texts = {
        "a": "A drone strike killed Ruben Olsson on Thursday.",
        "b": "Ruben Olsson died in an airstrike on May 2.",
        "c": "Ruben Olsson was killed in a missile strike early on Friday.",
    }
    build.document("a", texts["a"], outlet="A", published="2030-05-03", )
    build.document("b", texts["b"], outlet="B", published="2030-05-04")
    build.document("c", texts["c"], outlet="C", published=None)
    build.claim("a", texts["a"], "kill", objects=[("Ruben Olsson", "p")], time="2030-05-02", time_text="Thursday")
    build.claim("b", texts["b"], "kill", objects=[("Ruben Olsson", "p")], time="2030-05-02", time_text="May 2")
    build.claim("c", texts["c"], "kill", objects=[("Ruben Olsson", "p")], time=None, time_text="early on Friday")
    facts, conflicts, _ = build.run()
    assert len(facts) == 1, "drone strike, airstrike and missile strike: one killing"
    (x,) = conflicts
    assert x.slot == "time"
    assert {v.value: v.documents for v in x.values} == {"2030-05-02": ["a", "b"], "2030-05-03": ["c"]}
    assert "adjacent days" in x.explanation and "time zone" in x.explanation
    assert "publication date is unknown" in x.explanation and "Thursday" in x.explanation
    assert facts[0].status == "contested"


def test_role_start_years_conflict_but_roles_side_by_side_do_not(build):
    build.entity("p", "Ilse Varga")
    build.entity("corps", "Coastal Corps", "ORG")
    build.entity("guard", "Harbour Guard", "ORG")
    s1 = "Ilse Varga took command of the Coastal Corps in 2018."
    s2 = "In 2019, Ilse Varga was appointed commander of the Coastal Corps, and she is deputy head of the Harbour Guard."
    build.document("a", s1, outlet="A")
    build.document("b", s2, outlet="B")
    build.claim("a", s1, "command", subject=("Ilse Varga", "p"), objects=[("Coastal Corps", "corps")], time="2018",
                role="commander", time_relation="start")
    build.claim("b", s2, "appoint", subject=("Ilse Varga", "p"), objects=[("Coastal Corps", "corps")], time="2019",
                role="commander", time_relation="start")
    build.claim("b", s2, "role", subject=("Ilse Varga", "p"), objects=[("Harbour Guard", "guard")],
                role="deputy head")
    facts, conflicts, _ = build.run()
    (x,) = conflicts
    assert x.slot == "time" and [v.value for v in x.values] == ["2018", "2019"]
    assert "different steps" in x.explanation and "appoint" in x.explanation  # what the records show
    roles = {f.role for f in facts}
    assert roles == {"commander", "deputy head"}


def test_head_and_deputy_of_one_body_conflict(build):
    build.entity("p", "Ivo Brandt")
    build.entity("u", "Union of Pilots", "ORG")
    build.document("a", "Ivo Brandt, head of the Union of Pilots.", outlet="A")
    build.document("b", "Ivo Brandt, deputy head of the Union of Pilots.", outlet="B")
    build.claim("a", "Ivo Brandt, head of the Union of Pilots.", "role", subject=("Ivo Brandt", "p"),
                objects=[("Union of Pilots", "u")], role="head")
    build.claim("b", "Ivo Brandt, deputy head of the Union of Pilots.", "role", subject=("Ivo Brandt", "p"),
                objects=[("Union of Pilots", "u")], role="deputy head")
    _, conflicts, _ = build.run()
    (x,) = conflicts
    assert x.slot == "role" and {v.value for v in x.values} == {"head", "deputy head"}


def test_counts_exact_vs_approximate_and_revised(build):
    build.entity("town", "Varnholm", "GPE")
    t = {
        "a": "Hundreds of people were killed in Varnholm on 5 May 2030.",
        "b": "Exactly 250 people were killed in Varnholm on 5 May 2030.",
        "c": "At least 63 mourners were killed in Askby on 9 May 2030.",
        "d": "Officials said 57 people died in Askby on 9 May 2030, revising an earlier figure of 63.",
    }
    for k, v in t.items():
        build.document(k, v, outlet=k.upper(), published="2030-05-10")
    build.entity("askby", "Askby", "GPE")
    ca = build.claim("a", t["a"], "kill", quantity=None, quantity_low=200.0, quantity_high=999.0,
                     quantity_approximate=True, quantity_text="Hundreds of people", time="2030-05-05")
    build.analyses["a"].claims[-1].place = build.mention("a", "Varnholm", "town")
    cb = build.claim("b", t["b"], "kill", quantity=250.0, quantity_unit="person", time="2030-05-05")
    build.analyses["b"].claims[-1].place = build.mention("b", "Varnholm", "town")
    build.claim("c", t["c"], "kill", quantity=63.0, quantity_low=63.0, quantity_approximate=True,
                quantity_unit="mourner", quantity_text="At least 63 mourners", time="2030-05-09")
    build.claim("d", t["d"], "kill", quantity=57.0, quantity_unit="person", time="2030-05-09")
    facts, conflicts, _ = build.run()
    assert _fact_with(facts, ca.id) is _fact_with(facts, cb.id), "hundreds contains 250: one fact"
    (x,) = conflicts
    assert x.slot == "quantity" and {v.value for v in x.values} == {"57", "63"}
    assert "revising an earlier figure of 63" in x.explanation


def test_time_values():
    assert T.distinct_values(["2020-01", "2020-01-02", "2020-01-03"]) == ["2020-01-02", "2020-01-03"]
    assert T.compatible("2009/2016", "2013-09-01") and not T.compatible("1997", "1998")
    assert T.gap_days("2020-01-02", "2020-01-03") == 1 and T.day("2020-01-02T18:30") == "2020-01-02"


def test_framing_labels_contrast_and_voice(build):
    build.entity("g", "Arno Keel")
    t = {
        "h": "Arno Keel, the regime's brutal butcher, is gone. The terrorist thugs mourn. \"A hero\", they said.",
        "n": "Arno Keel, a charismatic and beloved commander, was buried on Friday.",
    }
    build.document("h", t["h"], outlet="Hostile Daily")
    build.document("n", t["n"], outlet="Neutral Wire")
    build.descriptor("h", "the regime's brutal butcher", ("Arno Keel", "g"))
    build.descriptor("n", "a charismatic and beloved commander", ("Arno Keel", "g"))
    build.claim("h", "The terrorist thugs mourn.", "protest", subject=None, hedged=True)
    _, _, sources = build.run()
    by = {s.outlet: s for s in sources}
    hostile, neutral = by["Hostile Daily"], by["Neutral Wire"]
    terms = {t.term: t for t in hostile.loaded_terms}
    assert terms["terrorist"].count == 1 and terms["brutal"].count == 1
    assert terms["hero"].count == 0 and terms["hero"].quoted == 1, "quoted words are the speaker's"
    ex = terms["brutal"].examples[0]
    assert t["h"][ex.start:ex.end] == "brutal"
    assert hostile.loaded_per_1000 > neutral.loaded_per_1000 or neutral.loaded_per_1000 > 0
    assert hostile.hedged_share == 1.0 and hostile.attributed_share == 0.0
    (contrast,) = neutral.contrasts
    assert contrast.kind == "opposite" and contrast.other_outlet == "Hostile Daily"
    assert contrast.labels == ["a charismatic and beloved commander"]
    assert contrast.other_labels == ["the regime's brutal butcher"]
    assert hostile.labels[0].entity == "g"
    assert t["h"][hostile.labels[0].start:hostile.labels[0].end] == hostile.labels[0].text


def test_lexicon_is_documented_and_signed():
    """The default lexicon is AFINN as its package ships it (no download), less the event words."""
    lexicon = load_lexicon()
    assert len(lexicon) > 1000 and {t.polarity for t in lexicon} == {-1, 1}
    assert polarity("a brutal terrorist") == -2 and polarity("a heroic and beloved leader") == 2
    assert polarity("the army killed two soldiers in an attack") == 0, "event words report, they do not judge"


def test_loaded_terms_found_as_one_ordered_alternation_would(tmp_path):
    """find_terms looks terms up by their first word; it must find what one regex alternation of every
    term (in lexicon order, leftmost, no overlaps) finds: wildcards, several words, a term that does not
    start with a letter, any case, and the earlier term where two start at one word."""
    import re

    lexicon_file = tmp_path / "terms.txt"
    lexicon_file.write_text("bloodthirst* -\nthug -\nthug regime -\ngallant rescuer* +\n:) +\n"
                            "noble -\nnoble cause +  # after 'noble': never wins\nself-serving -\n", encoding="utf-8")
    lexicon = load_lexicon(str(lexicon_file))
    text = ("The THUG regime's bloodthirsty thugs met gallant rescuers:) on a noble cause; "
            "self-serving, bloodthirst. Thuggery and ignoble acts are not terms.")
    alternation = re.compile("|".join(f"(?:{t.pattern.pattern})" for t in lexicon), re.IGNORECASE)
    expected = [(m.start(), m.end()) for m in alternation.finditer(text)]
    found = [(t.term, m.start(), m.end()) for t, m in find_terms(text, lexicon)]
    assert [(s, e) for _, s, e in found] == expected
    assert [t for t, _, _ in found] == ["thug", "bloodthirst*", "gallant rescuer*", "noble", "self-serving",
                                        "bloodthirst*"]


def test_bad_records_do_not_crash(build):
    build.document("a", "Nothing here.", outlet=None)
    build.claim("a", "Nothing here.", "kill", time="not-a-date", quantity=None)
    build.claim("a", "Nothing here.", "unknown-predicate")
    facts, conflicts, sources = build.run()
    assert facts == [] and sources[0].outlet == "a"  # nothing checkable: no participant, no count


def test_many_sources_repeating_a_revision_make_one_conflict_each_claim_once(build):
    """Twenty outlets repeat "57, revising 63" and twenty say 63: one conflict, every claim listed once.
    (Each repetition used to add its own conflict listing every old claim once per claim: quadratic output.)"""
    build.entity("askby", "Askby", "GPE")
    old = "At least 63 mourners were killed in Askby on 9 May 2030."
    new = "Officials said 57 people died in Askby on 9 May 2030, revising an earlier figure of 63."
    for i in range(20):
        for kind, text in (("o", old), ("n", new)):
            doc = f"{kind}{i}"
            build.document(doc, text, outlet=f"Outlet {doc}", published="2030-05-10")
            if kind == "o":
                build.claim(doc, text, "kill", quantity=63.0, quantity_low=63.0, quantity_approximate=True,
                            quantity_unit="mourner", quantity_text="At least 63 mourners", time="2030-05-09")
            else:
                build.claim(doc, text, "kill", quantity=57.0, quantity_unit="person", time="2030-05-09")
            build.analyses[doc].claims[-1].place = build.mention(doc, "Askby", "askby")
    _, conflicts, _ = build.run()
    (x,) = conflicts
    assert {v.value: len(v.claims) for v in x.values} == {"57": 20, "63": 20}
    assert all(len(v.claims) == len(set(v.claims)) == len(v.documents) for v in x.values)


def test_distinct_values_do_not_depend_on_hash_order():
    """Values of equal precision were taken in set order: the fact's time changed from run to run."""
    import subprocess
    import sys

    code = ("from consilience import timexvalue as T; "
            "print(T.distinct_values(['2004/2029', '2024/2018', '2010/2020', '2019/2025', '2004', '2024']))")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)}).stdout
               for seed in range(8)}
    assert len(outputs) == 1, outputs


def test_count_conflicts_are_found_in_an_order_that_does_not_depend_on_hash_order():
    """Count conflicts were numbered in the order of sets of entity ids and days: their ids changed from run to run."""
    import os
    import subprocess
    import sys

    code = """
from consilience.model import Claim
from consilience.reconcile.conflicts import _Context, _count_groups
from consilience.reconcile.facts import Draft
from consilience.reconcile.participants import Names
from consilience.store import Analyses
drafts = []
for n, day in enumerate(["2030-05-09", "2030-05-11", "2030-05-10"]):
    d = Draft(family="kill", rank=None)
    for k, who in enumerate(["e:zed", "e:amy", "e:kit", "e:bo"]):
        d.add(Claim(id=f"d{n}:c{k}", document=f"d{n}", start=0, end=1, text="t", predicate="kill", subject="e:lead",
                    objects=[who, "e:x" + who], place="e:place" + str(k), quantity=float(k + 2), time=day), Names())
    drafts.append(d)
ctx = _Context({}, Analyses.from_records([]), Names(), drafts)
print([[c.id for c in cs] for cs in _count_groups(drafts, ctx).values()])
"""
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(8)}
    assert len(outputs) == 1, outputs


# --------------------------------------------------------------------------- conflicts and non-conflicts (issue 18)


def _story(build, doc_id, text, published, outlet):
    """A document of the invented Lake Orsa ferry story: it reports the capsizing (a fact the documents
    share), so two of them may tell of one happening."""
    shared = " The Nordvik Lines ferry capsized off Orsa on 1 May 2030."
    build.document(doc_id, text + shared, outlet=outlet, published=published)
    build.claim(doc_id, shared.strip(), "crash", subject=("Nordvik Lines", "line"), time="2030-05-01")
    build.analyses[doc_id].claims[-1].place = build.mention(doc_id, "Orsa", "orsa")


def _ferry_entities(build):
    build.entity("line", "Nordvik Lines", "ORG")
    build.entity("orsa", "Orsa", "GPE")


def test_counts_of_one_category_in_other_words_conflict_once(build):
    """"63 Norwegians" and "57 Norwegian citizens" count one category: one conflict, with no invented reason."""
    _ferry_entities(build)
    a, b = "Officials said 63 Norwegians died.", "The ministry said 57 Norwegian citizens were killed."
    _story(build, "a", a, "2030-05-02", "A")
    _story(build, "b", b, "2030-05-02", "B")
    build.claim("a", a, "kill", quantity=63.0, quantity_unit="norwegian", quantity_text="63 Norwegians")
    build.claim("b", b, "kill", quantity=57.0, quantity_unit="citizen", quantity_text="57 Norwegian citizens")
    _, conflicts, _ = build.run()
    (x,) = conflicts
    assert x.slot == "quantity" and {v.value for v in x.values} == {"57", "63"}
    assert "revis" not in x.explanation.lower()


def test_counts_of_different_happenings_do_not_conflict(build):
    """The same category in documents that share no participant: two incidents, not a disagreement."""
    a, b = "Four Danes died in the flood.", "Nine Danes died in the fire."
    build.document("a", a, outlet="A", published="2030-05-02")
    build.document("b", b, outlet="B", published="2030-05-02")
    build.claim("a", a, "kill", quantity=4.0, quantity_unit="dane", quantity_text="Four Danes")
    build.claim("b", b, "kill", quantity=9.0, quantity_unit="dane", quantity_text="Nine Danes")
    _, conflicts, _ = build.run()
    assert conflicts == []


@pytest.mark.parametrize("first,second", [
    ((10.0, 10.0, None, True, "at least 10 people"), (13.0, None, None, False, "13 people")),   # a hedge that fits
    ((4000.0, None, None, True, "about 4,000 people"), (4100.0, None, None, False, "4,100 people")),  # rounding
])
def test_hedges_and_rounding_that_fit_are_not_conflicts(build, first, second):
    _ferry_entities(build)
    for doc_id, (q, low, high, approx, text) in zip("ab", (first, second)):
        sentence = f"The capsizing killed {text}."
        _story(build, doc_id, sentence, "2030-05-02", doc_id.upper())
        build.claim(doc_id, sentence, "kill", quantity=q, quantity_low=low, quantity_high=high,
                    quantity_approximate=approx, quantity_unit="person", quantity_text=text, time="2030-05-01")
        build.analyses[doc_id].claims[-1].place = build.mention(doc_id, "Orsa", "orsa")
    _, conflicts, _ = build.run()
    assert conflicts == []


def test_units_that_agree_once_converted():
    from consilience.model import Claim
    from consilience.reconcile.conflicts import counts_agree

    miles = Claim(id="a", document="a", start=0, end=1, text="", predicate="attack", quantity=120.0,
                  quantity_unit="mile")
    km = Claim(id="b", document="b", start=0, end=1, text="", predicate="attack", quantity=193.0, quantity_unit="km")
    far = Claim(id="c", document="c", start=0, end=1, text="", predicate="attack", quantity=250.0, quantity_unit="km")
    assert counts_agree(miles, km) and not counts_agree(miles, far)


def test_two_values_from_one_document_are_not_a_conflict(build):
    _ferry_entities(build)
    a = "Divers found 30 passengers on Monday and 34 passengers by Tuesday."
    b = "The ferry's 34 passengers died."
    _story(build, "a", a, "2030-05-03", "A")
    _story(build, "b", b, "2030-05-03", "B")
    build.claim("a", a, "kill", quantity=30.0, quantity_unit="passenger", quantity_text="30 passengers")
    build.claim("a", a, "kill", quantity=34.0, quantity_unit="passenger", quantity_text="34 passengers")
    build.claim("b", b, "kill", quantity=34.0, quantity_unit="passenger", quantity_text="34 passengers")
    _, conflicts, _ = build.run()
    assert conflicts == []


def test_a_toll_rising_day_by_day_is_a_revision_not_a_conflict(build):
    _ferry_entities(build)
    texts = {"a": "The capsizing killed 10 people.", "b": "The capsizing killed 13 people.",
             "c": "The capsizing killed 20 people."}
    for day, (doc_id, text) in zip(("2030-05-02", "2030-05-03", "2030-05-04"), texts.items()):
        _story(build, doc_id, text, day, doc_id.upper())
        build.claim(doc_id, text, "kill", quantity={"a": 10.0, "b": 13.0, "c": 20.0}[doc_id], quantity_unit="person",
                    quantity_text=text.split("killed ")[1].rstrip("."), time="2030-05-01")
        build.analyses[doc_id].claims[-1].place = build.mention(doc_id, "Orsa", "orsa")
    facts, conflicts, _ = build.run()
    assert conflicts == []
    notes = [n for f in facts for n in f.notes if n.startswith("figure revised over time")]
    assert notes and "10 (a, 2030-05-02) -> 13 (b, 2030-05-03) -> 20 (c, 2030-05-04)" in notes[0]


def test_adjacent_days_without_a_time_near_midnight_get_no_time_zone_story(build):
    build.entity("p", "Ruben Olsson")
    a, b = "Ruben Olsson was killed on May 2.", "Ruben Olsson was killed on May 3."
    build.document("a", a, outlet="A", published="2030-05-06")
    build.document("b", b, outlet="B", published="2030-05-06")
    build.claim("a", a, "kill", objects=[("Ruben Olsson", "p")], time="2030-05-02", time_text="May 2")
    build.claim("b", b, "kill", objects=[("Ruben Olsson", "p")], time="2030-05-03", time_text="May 3")
    _, conflicts, _ = build.run()
    (x,) = conflicts
    assert "no explanation found" in x.explanation and "time zone" not in x.explanation


def test_statements_name_participants_as_their_evidence_writes_them(build):
    build.entity("p", "Ruben Olsson")
    text = "Gunmen killed Olsson in Tarvik."
    build.document("a", text, outlet="A")
    build.claim("a", text, "kill", objects=[("Olsson", "p")])
    build.document("b", "Something happened.", outlet="B")
    build.claim("b", "Something happened.", "kill")  # no participant, no count: no fact
    facts, _, _ = build.run()
    (f,) = facts
    assert "Olsson" in f.statement and "Ruben" not in f.statement


def test_a_toll_given_in_parts_and_whole_is_one_happening_whose_dates_can_conflict(build):
    """"killing all 30 passengers and 2 drivers" (one trigger) and "32 people died": one crash, two days."""
    a = "A coach crashed on Sunday, killing all 30 passengers and 2 drivers."
    b = "32 people died when the coach crashed on Monday."
    build.document("a", a, outlet="A", published="2030-05-06")
    build.document("b", b, outlet="B", published="2030-05-06")
    for q, text in ((30.0, "30 passengers"), (2.0, "2 drivers")):
        build.claim("a", a, "kill", quantity=q, quantity_unit=text.split()[1].rstrip("s"), quantity_text=text,
                    time="2030-05-05", time_text="Sunday", trigger="killing", trigger_start=a.index("killing"))
    build.claim("b", b, "kill", quantity=32.0, quantity_unit="person", quantity_text="32 people", time="2030-05-06",
                time_text="Monday", trigger="died", trigger_start=b.index("died"))
    _, conflicts, _ = build.run()
    (x,) = conflicts
    assert x.slot == "time" and [v.value for v in x.values] == ["2030-05-05", "2030-05-06"]
    assert "time zone" not in x.explanation


def test_an_agent_alone_or_a_headline_fragment_is_no_fact(build):
    build.entity("s", "Tarvik", "GPE")
    build.entity("h", "Killing of Olsson", "PERSON")
    a, b = "Tarvik killed.", "Killing of Olsson killed."
    build.document("a", a, outlet="A")
    build.document("b", b, outlet="B")
    build.claim("a", a, "kill", subject=("Tarvik", "s"))  # who was killed? nothing checkable
    build.claim("b", b, "kill", objects=[("Killing of Olsson", "h")])  # a headline taken for a name
    facts, _, _ = build.run()
    assert facts == []


def test_attack_statements_keep_what_was_fired_apart_from_the_target(build):
    build.entity("fort", "Fort Lenz", "FAC")
    text = "Hours later, 20 rockets hit Fort Lenz."
    build.document("a", text, outlet="A")
    build.claim("a", text, "attack", objects=[("Fort Lenz", "fort")], quantity=20.0, quantity_unit="rocket",
                quantity_text="20 rockets")
    (f,), _, _ = build.run()
    assert f.statement == "Attack on Fort Lenz (20 rockets)"


def test_one_agreement_told_in_other_words_is_one_fact(build):
    build.entity("v", "Veldia", "GPE")
    build.entity("o", "Ostmark", "GPE")
    a, b = "Veldia signed a truce with Ostmark.", "The truce between Veldia and Ostmark holds."
    build.document("a", a, outlet="A")
    build.document("b", b, outlet="B")
    build.claim("a", a, "agreement", subject=("Veldia", "v"), objects=[("Ostmark", "o")])
    build.claim("b", b, "agreement", objects=[("Veldia", "v"), ("Ostmark", "o")])
    (f,), conflicts, _ = build.run()
    assert f.support == 2 and f.status == "corroborated" and conflicts == []
    assert f.statement.startswith("Agreement between Veldia and Ostmark")


def test_two_agents_striking_one_target_on_two_days_are_not_a_date_conflict(build):
    build.entity("t", "Port Lenz", "GPE")
    build.entity("x", "Veldia", "GPE")
    build.entity("y", "Ostmark", "GPE")
    a, b = "Veldia shelled Port Lenz on May 2.", "Ostmark shelled Port Lenz on May 3."
    build.document("a", a, outlet="A", published="2030-05-04")
    build.document("b", b, outlet="B", published="2030-05-04")
    build.claim("a", a, "attack", subject=("Veldia", "x"), objects=[("Port Lenz", "t")], time="2030-05-02")
    build.claim("b", b, "attack", subject=("Ostmark", "y"), objects=[("Port Lenz", "t")], time="2030-05-03")
    facts, conflicts, _ = build.run()
    assert len(facts) == 2 and conflicts == []


def test_a_rounded_count_and_the_count_it_rounds_are_one_fact(build):
    build.entity("p", "Varn", "GPE")
    a, b = "The blast in Varn injured about 60 others.", "The blast in Varn injured 63 people."
    build.document("a", a, outlet="A")
    build.document("b", b, outlet="B")
    build.claim("a", a, "injure", quantity=60.0, quantity_approximate=True, quantity_text="about 60 others",
                time="2031-09-02")
    build.analyses["a"].claims[-1].place = build.mention("a", "Varn", "p")
    build.claim("b", b, "injure", quantity=63.0, quantity_text="63 people", quantity_unit="person", time="2031-09-02")
    build.analyses["b"].claims[-1].place = build.mention("b", "Varn", "p")
    (f,), conflicts, _ = build.run()
    assert f.support == 2 and conflicts == []


def test_one_agent_counting_twice_in_unrelated_reports_is_not_a_conflict(build):
    """A navy that arrests 23 pirates in one report and 26 in another, with nothing else shared: two
    operations (a force acts again and again), not a disagreement."""
    build.entity("navy", "Nordic Navy", "ORG")
    a, b = "The Nordic Navy arrested 23 pirates.", "The Nordic Navy arrested 26 pirates."
    build.document("a", a, outlet="A")
    build.document("b", b, outlet="B")
    build.claim("a", a, "arrest", subject=("Nordic Navy", "navy"), quantity=23.0, quantity_unit="pirate",
                quantity_text="23 pirates")
    build.claim("b", b, "arrest", subject=("Nordic Navy", "navy"), quantity=26.0, quantity_unit="pirate",
                quantity_text="26 pirates")
    _, conflicts, _ = build.run()
    assert conflicts == []


def test_an_equal_count_alone_does_not_join_happenings_in_different_places(build):
    """Invented: two rockfalls each killing two miners, in two towns, and a report naming neither town.
    With no participant or day in common, an equal count joins claims only where their places agree."""
    build.entity("varn", "Varn", "GPE")
    build.entity("tessel", "Tessel", "GPE")
    texts = {"a": "Two miners died in a rockfall at Varn.", "b": "Two miners died in a rockfall at Tessel.",
             "c": "Two miners died in a rockfall."}
    for doc_id, text in texts.items():
        build.document(doc_id, text, outlet=doc_id.upper(), published="2030-05-02")
        build.claim(doc_id, text, "kill", quantity=2.0, quantity_unit="miner", quantity_text="Two miners")
    build.analyses["a"].claims[-1].place = build.mention("a", "Varn", "varn")
    build.analyses["b"].claims[-1].place = build.mention("b", "Tessel", "tessel")
    facts, _, _ = build.run()
    for fact in facts:
        assert len({c.split(":")[0] for c in fact.claims}) == 1, fact.claims


def test_a_post_in_a_body_with_no_name_is_no_fact(build):
    """Invented: "running a bakery" makes no one the head of a named body; "running the Varn Bakers' Guild" does."""
    build.entity("osk", "Ana Osk", "PERSON")
    build.entity("guild", "Varn Bakers' Guild", "ORG")
    plain, named = "Ana Osk was running a bakery.", "Ana Osk was running the Varn Bakers' Guild."
    build.document("a", plain, outlet="A", published="2030-05-02")
    build.document("b", named, outlet="B", published="2030-05-02")
    build.claim("a", plain, "command", subject=("Ana Osk", "osk"), objects=[("bakery", None)], role="commander")
    build.claim("b", named, "command", subject=("Ana Osk", "osk"), objects=[("Varn Bakers' Guild", "guild")],
                role="commander")
    facts, _, _ = build.run()
    assert [sorted({c.split(":")[0] for c in f.claims}) for f in facts] == [["b"]]


def test_a_part_named_with_including_is_its_own_count_not_a_conflicting_total(build):
    """"176 people, including 63 Norwegians" gives the total and the part (two claims of one trigger): the
    part sets 63 against another outlet's 57 Norwegians, never against the total of 176."""
    _ferry_entities(build)
    a = "The capsizing killed 176 people, including 63 Norwegians."
    b = "The capsizing killed 176 people. Officials said 57 Norwegians died."
    _story(build, "a", a, "2030-05-02", "A")
    _story(build, "b", b, "2030-05-02", "B")
    total = build.claim("a", a, "kill", quantity=176.0, quantity_unit="person", quantity_text="176 people")
    part = build.claim("a", a, "kill", quantity=63.0, quantity_unit="norwegian", quantity_text="63 Norwegians")
    build.claim("b", "The capsizing killed 176 people.", "kill", quantity=176.0, quantity_unit="person",
                quantity_text="176 people")
    build.claim("b", "Officials said 57 Norwegians died.", "kill", quantity=57.0, quantity_unit="norwegian",
                quantity_text="57 Norwegians")
    facts, conflicts, _ = build.run()
    assert _fact_with(facts, total.id).support == 2 and _fact_with(facts, part.id) is not _fact_with(facts, total.id)
    (x,) = conflicts
    assert {v.value for v in x.values} == {"57", "63"}


def test_one_declaration_told_of_its_president_or_its_government_is_one_fact(build):
    """The same state put in force for the same span is one declaration whoever the outlet says declared it
    (the president, the government); another span, or two named declarers, are other declarations."""
    build.entity("p", "Ilo Maret")
    build.entity("g", "Gorvan", "NORP")
    build.entity("q", "Dag Lind")
    texts = {"a": "President Ilo Maret declared three days of national mourning.",
             "b": "The Gorvan government declared three days of mourning.",
             "c": "Dag Lind declared three days of mourning.",
             "d": "The Gorvan government declared a day of mourning.",
             "e": "The Eldavian cabinet declared three days of mourning."}
    for doc_id, text in texts.items():
        build.document(doc_id, text, outlet=doc_id.upper(), published="2030-05-02")
    a = build.claim("a", texts["a"], "declare", subject=("Ilo Maret", "p"), role="three days of national mourning")
    b = build.claim("b", texts["b"], "declare", subject=("Gorvan", "g"), role="three days of mourning")
    c = build.claim("c", texts["c"], "declare", subject=("Dag Lind", "q"), role="three days of mourning")
    d = build.claim("d", texts["d"], "declare", subject=("Gorvan", "g"), role="day of mourning")
    build.entity("el", "Eldavian", "NORP")
    e = build.claim("e", texts["e"], "declare", subject=("Eldavian", "el"), role="three days of mourning")
    facts, conflicts, _ = build.run()
    f = _fact_with(facts, a.id)
    assert b.id in f.claims and f.support == 2
    assert f.statement == "Ilo Maret declared three days of national mourning"
    assert c.id not in f.claims and d.id not in f.claims
    assert e.id not in f.claims, "another nationality's declaration"
    assert conflicts == []


def test_serving_under_someone_is_stated_from_its_slots_or_quoted_when_the_superior_is_unnamed(build):
    build.entity("o", "Ruben Olsson")
    build.entity("l", "Dag Lind")
    a, b = "Ruben Olsson served under General Dag Lind.", "In Dorvik, 210 engineers served under his command."
    build.document("a", a, outlet="A")
    build.document("b", b, outlet="B")
    named = build.claim("a", a, "serve", subject=("Ruben Olsson", "o"), objects=[("Dag Lind", "l")])
    counted = build.claim("b", b, "serve", quantity=210.0, quantity_unit="engineer", quantity_text="210 engineers")
    facts, conflicts, _ = build.run()
    assert _fact_with(facts, named.id).statement == "Ruben Olsson served under Dag Lind"
    assert _fact_with(facts, counted.id).statement == '"' + b + '"'
    assert conflicts == []


def test_people_aboard_conflict_only_with_people_aboard_never_with_the_dead(build):
    """Invented: two reports of one ferry give 171 and 163 people aboard it, and the same 27 dead: one conflict,
    over those aboard; the dead (27) are never set against those aboard (163), nor those evacuated."""
    _ferry_entities(build)
    build.entity("ship", "Orla Star", "PRODUCT")
    a = "Police said 171 people were aboard the Orla Star and 27 died."
    b = "The Orla Star was carrying 163 people; 27 died and 163 residents were evacuated."
    _story(build, "a", a, "2030-05-02", "A")
    _story(build, "b", b, "2030-05-02", "B")
    build.claim("a", a, "aboard", objects=[("Orla Star", "ship")], quantity=171.0, quantity_unit="person",
                quantity_text="171 people")
    build.claim("b", b, "aboard", objects=[("Orla Star", "ship")], quantity=163.0, quantity_unit="person",
                quantity_text="163 people")
    for doc_id, text in (("a", a), ("b", b)):
        build.claim(doc_id, text, "kill", quantity=27.0, quantity_unit="person", quantity_text="27",
                    time="2030-05-01")
        build.analyses[doc_id].claims[-1].place = build.mention(doc_id, "Orsa", "orsa")
    build.claim("b", b, "evacuate", quantity=163.0, quantity_unit="resident", quantity_text="163 residents",
                time="2030-05-01")
    facts, conflicts, _ = build.run()
    (x,) = conflicts
    assert x.slot == "quantity" and {v.value for v in x.values} == {"163", "171"} and "aboard" in x.about
    assert any(f.statement == "171 people aboard Orla Star" for f in facts)


def test_the_dead_counted_through_their_bodies_are_stated_as_found(build):
    """Invented: "recovered the bodies of 27 people" is a death toll stated as found dead, never as killed by the
    finder; a count of bodies stays one ("11 bodies found")."""
    a, b = "Divers recovered the bodies of 27 people.", "Eleven bodies were found on the shore."
    build.document("a", a, outlet="A", published="2030-05-02")
    build.document("b", b, outlet="B", published="2030-05-02")
    build.claim("a", a, "kill", quantity=27.0, quantity_unit="person", quantity_text="27 people", trigger="bodies")
    build.claim("b", b, "kill", quantity=11.0, quantity_unit="body", quantity_text="Eleven bodies",
                trigger="bodies")
    facts, _, _ = build.run()
    assert {f.statement for f in facts} == {"27 people found dead", "Eleven bodies found"}


def test_one_detention_dated_to_two_days_by_two_voices_conflicts_one_voice_does_not(build):
    build.entity("p", "Oskar Lindqvist")
    build.entity("law", "Mira Holm")
    build.entity("pol", "Tormund police")
    s1 = "His lawyer said masked men seized Oskar Lindqvist on Tuesday evening."
    s2 = "The police said Oskar Lindqvist was detained on Wednesday morning."
    build.document("a", f"{s1} {s2}", outlet="A", published="2031-04-17")
    build.claim("a", s1, "arrest", objects=[("Oskar Lindqvist", "p")], time="2031-04-15TEV",
                time_text="Tuesday evening", attributed_to=build.mention("a", "His lawyer", "law"), trigger="seized")
    build.claim("a", s2, "arrest", objects=[("Oskar Lindqvist", "p")], time="2031-04-16TMO",
                time_text="Wednesday morning", attributed_to=build.mention("a", "The police", "pol"),
                trigger="detained")
    _, conflicts, _ = build.run()
    assert [sorted(v.value for v in c.values) for c in conflicts if c.slot == "time"] == [
        ["2031-04-15", "2031-04-16"]]


def test_one_voice_telling_a_seizure_and_a_formal_arrest_apart_is_no_conflict(build):
    build.entity("p", "Oskar Lindqvist")
    s1 = "Oskar Lindqvist was seized on Tuesday evening."
    s2 = "He was formally detained on Wednesday morning."
    build.document("a", f"{s1} {s2}", outlet="A", published="2031-04-17")
    build.claim("a", s1, "arrest", objects=[("Oskar Lindqvist", "p")], time="2031-04-15TEV")
    build.claim("a", s2, "arrest", objects=[("He", "p")], time="2031-04-16TMO")
    _, conflicts, _ = build.run()
    assert conflicts == []


def test_a_share_conflicts_only_with_the_same_candidates_and_a_final_result_revises_the_preliminary(build):
    build.entity("holm", "Mira Holm")
    build.entity("lind", "Dag Lind")
    build.entity("cec", "Election Commission", "ORG")
    build.entity("mon", "Fair Count", "ORG")
    s1 = "Preliminary results showed Mira Holm won 55.1% of the vote."
    s2 = "Final results showed Mira Holm won 52.6% of the vote."
    s3 = "Fair Count said Mira Holm had received 46.3% of the vote."
    s4 = "Dag Lind won 40.9% of the vote."
    build.document("a", s1, outlet="A", published="2031-04-14")
    build.document("b", f"{s2} {s4}", outlet="B", published="2031-04-19")
    build.document("c", s3, outlet="C", published="2031-04-17")
    kw = dict(quantity_unit="percent")
    build.claim("a", s1, "vote", objects=[("Mira Holm", "holm")], quantity=55.1, **kw)
    build.claim("b", s2, "vote", objects=[("Mira Holm", "holm")], quantity=52.6, **kw)
    build.claim("b", s4, "vote", objects=[("Dag Lind", "lind")], quantity=40.9, **kw)
    build.claim("c", s3, "vote", objects=[("Mira Holm", "holm")], quantity=46.3, **kw)
    _, conflicts, _ = build.run()
    assert [sorted(v.value for v in c.values) for c in conflicts] == [["46.3", "52.6"]]


def test_one_bodys_later_result_revises_its_earlier_one_and_old_elections_are_apart(build):
    build.entity("holm", "Mira Holm")
    build.entity("cec", "Election Commission", "ORG")
    s1 = "The Election Commission said turnout was 61%."
    s2 = "The Election Commission said turnout was 63.7%."
    s3 = "Turnout was 48%."
    build.document("a", s1, outlet="A", published="2031-04-14")
    build.document("b", s2, outlet="B", published="2031-04-19")
    build.document("c", s3, outlet="C", published="2027-04-19")
    build.claim("a", s1, "turnout", quantity=61.0, quantity_unit="percent",
                attributed_to=build.mention("a", "The Election Commission", "cec"))
    build.claim("b", s2, "turnout", quantity=63.7, quantity_unit="percent",
                attributed_to=build.mention("b", "The Election Commission", "cec"))
    build.claim("c", s3, "turnout", quantity=48.0, quantity_unit="percent")
    _, conflicts, _ = build.run()
    assert conflicts == []


def test_money_conflicts_only_for_one_kind_of_payment_by_one_payer(build):
    build.entity("hm", "Halvard Marine", "ORG")
    build.entity("hg", "Halvard Group", "ORG")
    s1 = "Halvard Marine paid $38.5 million in bribes. Halvard Group agreed to pay $612 million in penalties."
    s2 = ("Halvard Marine paid $61 million in bribes. Halvard Group paid a fine of $402 million. "
          "Halvard Group paid $600 million in penalties.")
    build.document("a", s1, outlet="A", published="2031-09-16")
    build.document("b", s2, outlet="B", published="2031-09-17")
    usd = dict(quantity_unit="USD")
    build.claim("a", "Halvard Marine paid $38.5 million in bribes.", "bribe", objects=[("Halvard Marine", "hm")],
                quantity=38.5e6, **usd)
    build.claim("a", "Halvard Group agreed to pay $612 million in penalties.", "penalty",
                objects=[("Halvard Group", "hg")], quantity=612e6, **usd)
    build.claim("b", "Halvard Marine paid $61 million in bribes.", "bribe", objects=[("Halvard Marine", "hm")],
                quantity=61e6, **usd)
    build.claim("b", "Halvard Group paid a fine of $402 million.", "fine", objects=[("Halvard Group", "hg")],
                quantity=402e6, **usd)
    build.claim("b", "Halvard Group paid $600 million in penalties.", "penalty", objects=[("Halvard Group", "hg")],
                quantity=600e6, quantity_low=600e6, quantity_approximate=True, **usd)
    facts, conflicts, _ = build.run()
    assert [sorted(v.value for v in c.values) for c in conflicts] == [["38500000", "61000000"]]


def test_an_arrest_and_a_jailing_a_day_later_are_two_steps_not_a_date_conflict(build):
    build.entity("p", "Oskar Lindqvist")
    s1 = "Oskar Lindqvist was arrested on Monday."
    s2 = "Oskar Lindqvist was jailed on Tuesday."
    build.document("a", s1, outlet="A", published="2031-04-17")
    build.document("b", s2, outlet="B", published="2031-04-17")
    build.claim("a", s1, "arrest", objects=[("Oskar Lindqvist", "p")], time="2031-04-14", trigger="arrested")
    build.claim("b", s2, "arrest", objects=[("Oskar Lindqvist", "p")], time="2031-04-15", trigger="jailed")
    _, conflicts, _ = build.run()
    assert conflicts == []


def test_counts_of_a_counted_action_in_one_story_conflict(build):
    """Invented: two reports of the Lake Orsa capsizing give 40 and 55 passengers "ferried" (a verb outside
    the vocabulary, its own family): in reports of one story with nothing setting them apart, one disagreement;
    the same counts in reports that share no fact are two happenings."""
    _ferry_entities(build)
    a, b = "Officials said 40 passengers were ferried to Kessel.", "The coastguard said 55 passengers were ferried."
    _story(build, "a", a, "2030-05-02", "A")
    _story(build, "b", b, "2030-05-02", "B")
    build.claim("a", a, "ferry", quantity=40.0, quantity_unit="passenger", quantity_text="40 passengers")
    build.claim("b", b, "ferry", quantity=55.0, quantity_unit="passenger", quantity_text="55 passengers")
    _, conflicts, _ = build.run()
    (x,) = conflicts
    assert x.slot == "quantity" and {v.value for v in x.values} == {"40", "55"}


def test_counts_of_a_counted_action_in_unrelated_reports_do_not_conflict(build):
    a, b = "The clinic said 40 operations were postponed.", "The hospital said 55 operations were postponed."
    build.document("a", a, outlet="A", published="2030-05-02")
    build.document("b", b, outlet="B", published="2030-05-02")
    build.claim("a", a, "postpone", quantity=40.0, quantity_unit="operation", quantity_text="40 operations")
    build.claim("b", b, "postpone", quantity=55.0, quantity_unit="operation", quantity_text="55 operations")
    _, conflicts, _ = build.run()
    assert conflicts == []


def test_a_counted_deed_without_its_doer_is_stated_verb_first(build):
    """Invented: "He oversaw 300 engineers" names no doer (a pronoun); the statement is "Oversaw 300 engineers",
    not "300 engineers oversaw", which would make the engineers the doers. A count before its verb stays first."""
    a, b = "In 2014 he oversaw 300 engineers at the yard.", "Officials said 40 flights were cancelled."
    build.document("a", a, outlet="A", published="2030-05-02")
    build.document("b", b, outlet="B", published="2030-05-02")
    ta, tb = a.index("oversaw"), b.index("cancelled")
    over = build.claim("a", a, "oversee", quantity=300.0, quantity_unit="engineer", quantity_text="300 engineers",
                       trigger="oversaw", trigger_start=ta, trigger_end=ta + 7)
    cancel = build.claim("b", b, "cancel", quantity=40.0, quantity_unit="flight", quantity_text="40 flights",
                         trigger="cancelled", trigger_start=tb, trigger_end=tb + 9)
    facts, _, _ = build.run()
    assert _fact_with(facts, over.id).statement.startswith("Oversaw 300 engineers")
    assert _fact_with(facts, cancel.id).statement.lower().startswith("40 flights cancelled")
