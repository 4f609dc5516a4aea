"""Where an event happened and who did it: conflicts and non-conflicts on invented records (no spaCy)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.timeout(60)


def _place(build, doc_id, text, entity):
    build.analyses[doc_id].claims[-1].place = build.mention(doc_id, text, entity)


def _of(conflicts, slot):
    return [x for x in conflicts if x.slot == slot]


# --------------------------------------------------------------------------- place


def test_one_crash_placed_near_two_towns_is_one_place_conflict(build):
    build.entity("dorval", "Dorval", "GPE")
    build.entity("pelham", "Pelham", "GPE")
    build.entity("flight", "Flight 88", "PRODUCT")
    texts = {"a": "Flight 88 crashed near Dorval on May 2, killing all 14 crew.",
             "b": "The cargo plane, Flight 88, crashed in Pelham on May 2, killing 14 crew.",
             "c": "Flight 88 crashed in Pelham on Tuesday, May 2, killing its 14 crew."}
    for doc_id, text in texts.items():
        build.document(doc_id, text, outlet=doc_id.upper(), published="2030-05-03")
        build.claim(doc_id, text, "kill", quantity=14.0, quantity_unit="crew", quantity_text="14 crew",
                    time="2030-05-02")
        build.claim(doc_id, text, "crash", subject=("Flight 88", "flight"), time="2030-05-02")
    _place(build, "a", "Dorval", "dorval")
    _place(build, "b", "Pelham", "pelham")
    _place(build, "c", "Pelham", "pelham")
    facts, conflicts, _ = build.run()
    (x,) = _of(conflicts, "place")
    assert {v.value: v.documents for v in x.values} == {"Dorval": ["a"], "Pelham": ["b", "c"]}
    assert x.about == "where the crash happened"
    assert all(v.claims for v in x.values)
    assert 'near Dorval' in x.explanation and "landmark" in x.explanation
    assert all(f.status == "contested" for f in facts if f.id in x.facts)


def test_two_crashes_of_one_model_on_one_day_in_two_towns_are_no_conflict(build):
    """One accident fact holds the crashes of a day; without another fact shared by their reports (a toll,
    a victim), two towns are two crashes, not a disagreement."""
    build.entity("dorval", "Dorval", "GPE")
    build.entity("pelham", "Pelham", "GPE")
    build.entity("cessna", "Cessna", "PRODUCT")
    texts = {"a": "A Cessna crashed in Dorval on May 2.", "b": "A Cessna crashed in Pelham on May 2."}
    for doc_id, text in texts.items():
        build.document(doc_id, text, outlet=doc_id.upper())
        build.claim(doc_id, text, "crash", subject=("Cessna", "cessna"), time="2030-05-02")
        _place(build, doc_id, text.split(" in ")[1].split(" on ")[0], "dorval" if doc_id == "a" else "pelham")
    facts, conflicts, _ = build.run()
    assert len(facts) == 1 and _of(conflicts, "place") == []


def test_one_killing_placed_in_two_towns_has_no_explanation_unless_the_records_give_one(build):
    build.entity("p", "Ruben Olsson")
    build.entity("varn", "Varn", "GPE")
    build.entity("oskby", "Oskby", "GPE")
    a, b = "Ruben Olsson was killed in Varn.", "Ruben Olsson was shot dead in Oskby."
    build.document("a", a + " Mourners gathered outside the Varn embassy.", outlet="A")  # "the Varn": no country
    build.document("b", b, outlet="B")
    build.claim("a", a, "kill", objects=[("Ruben Olsson", "p")])
    _place(build, "a", "Varn", "varn")
    build.claim("b", b, "kill", objects=[("Ruben Olsson", "p")])
    _place(build, "b", "Oskby", "oskby")
    _, conflicts, _ = build.run()
    (x,) = _of(conflicts, "place")
    assert x.about == "where Ruben Olsson was killed"
    assert [v.value for v in x.values] == ["Oskby", "Varn"]
    assert x.explanation == "No explanation found in the records."


def test_a_place_qualified_by_another_in_the_text_is_no_conflict(build):
    """"Brask, Dunmore": the text writes one place inside the other, so "in Brask" and "in Dunmore" agree."""
    build.entity("p", "Ruben Olsson")
    build.entity("brask", "Brask", "GPE")
    build.entity("dunmore", "Dunmore", "GPE")
    a, b = "Ruben Olsson was killed in Brask, Dunmore, late on Friday.", "Ruben Olsson was killed in Dunmore."
    build.document("a", a, outlet="A")
    build.document("b", b, outlet="B")
    build.claim("a", a, "kill", objects=[("Ruben Olsson", "p")])
    _place(build, "a", "Brask", "brask")
    build.claim("b", b, "kill", objects=[("Ruben Olsson", "p")])
    _place(build, "b", "Dunmore", "dunmore")
    _, conflicts, _ = build.run()
    assert _of(conflicts, "place") == []


def test_a_town_and_its_region_or_its_country_are_no_conflict(build):
    build.entity("p", "Ruben Olsson")
    build.entity("varn", "Varn", "GPE")
    build.entity("tessel", "Tessel province", "GPE")
    build.entity("ostmark", "Ostmark", "GPE")
    build.entity("ostmarker", "Ostmarkian", "NORP")
    texts = {"a": "Ruben Olsson was killed in Varn.", "b": "Ruben Olsson was killed in Tessel province.",
             "c": "The Ostmarkian activist Ruben Olsson was killed in Ostmark."}
    for doc_id, text in texts.items():
        build.document(doc_id, text, outlet=doc_id.upper())
        build.claim(doc_id, text, "kill", objects=[("Ruben Olsson", "p")])
    _place(build, "a", "Varn", "varn")
    _place(build, "b", "Tessel province", "tessel")
    _place(build, "c", "Ostmark", "ostmark")
    build.mention("c", "Ostmarkian", "ostmarker")
    _, conflicts, _ = build.run()
    assert _of(conflicts, "place") == [], "a town, its region and its country: nesting, not disagreement"


def test_two_incidents_of_one_kind_in_two_places_are_no_conflict(build):
    """Two crashes a week apart, two shootings by one gunman's namesake unit: a place difference between
    two incidents of one kind is two incidents, never a disagreement."""
    build.entity("dorval", "Dorval", "GPE")
    build.entity("pelham", "Pelham", "GPE")
    build.entity("unit", "Kessel Brigade", "ORG")
    build.entity("cessna", "Cessna", "PRODUCT")
    texts = {"a": "A Cessna crashed in Dorval on May 2. The Kessel Brigade attacked a convoy in Dorval.",
             "b": "A Cessna crashed in Pelham on May 9. The Kessel Brigade attacked a convoy in Pelham."}
    days = {"a": "2030-05-02", "b": "2030-05-09"}
    for doc_id, text in texts.items():
        build.document(doc_id, text, outlet=doc_id.upper())
        first, second = text.split(". ")
        town = "Dorval" if doc_id == "a" else "Pelham"
        build.claim(doc_id, first + ".", "crash", subject=("Cessna", "cessna"), time=days[doc_id])
        _place(build, doc_id, town, town.lower())
        build.claim(doc_id, second, "attack", subject=("Kessel Brigade", "unit"))
        build.analyses[doc_id].claims[-1].place = build.mention(doc_id, town, town.lower())
    facts, conflicts, _ = build.run()
    assert len(facts) == 3, "two crashes, one attack fact (one agent, no date)"
    assert _of(conflicts, "place") == []


def test_the_place_of_another_participants_action_is_no_conflict(build):
    """The crash is near Oskby in both reports; the missiles one report mentions were fired at Varn."""
    build.entity("varn", "Varn", "GPE")
    build.entity("oskby", "Oskby", "GPE")
    build.entity("veldia", "Veldia", "GPE")
    build.entity("flight", "Flight 88", "PRODUCT")
    a = "Flight 88 crashed near Oskby on May 2, hours after Veldia fired missiles at bases in Varn."
    b = "Flight 88 crashed near Oskby on May 2."
    build.document("a", a, outlet="A")
    build.document("b", b, outlet="B")
    build.claim("a", a, "crash", subject=("Flight 88", "flight"), time="2030-05-02")
    _place(build, "a", "Oskby", "oskby")
    build.claim("a", a, "attack", subject=("Veldia", "veldia"), time="2030-05-02")
    _place(build, "a", "Varn", "varn")
    build.claim("b", b, "crash", subject=("Flight 88", "flight"), time="2030-05-02")
    _place(build, "b", "Oskby", "oskby")
    facts, conflicts, _ = build.run()
    assert any(f.support == 2 for f in facts)
    assert _of(conflicts, "place") == []


def test_one_document_giving_both_places_relates_them(build):
    build.entity("p", "Ruben Olsson")
    build.entity("varn", "Varn", "GPE")
    build.entity("oskby", "Oskby", "GPE")
    a = "Ruben Olsson was killed in Varn. Olsson, the mayor, was killed in Oskby, his aides said."
    b = "Ruben Olsson was killed in Oskby."
    build.document("a", a, outlet="A")
    build.document("b", b, outlet="B")
    s1, s2 = "Ruben Olsson was killed in Varn.", "Olsson, the mayor, was killed in Oskby, his aides said."
    build.claim("a", s1, "kill", objects=[("Ruben Olsson", "p")])
    _place(build, "a", "Varn", "varn")
    build.claim("a", s2, "kill", objects=[("Olsson", "p")])
    build.analyses["a"].claims[-1].place = build.mention("a", "Oskby", "oskby")
    build.claim("b", b, "kill", objects=[("Ruben Olsson", "p")])
    _place(build, "b", "Oskby", "oskby")
    _, conflicts, _ = build.run()
    assert _of(conflicts, "place") == []


# --------------------------------------------------------------------------- agent


def _two_states(build):
    build.entity("flight", "Flight 88", "PRODUCT")
    build.entity("veldia", "Veldia", "GPE")
    build.entity("ostmark", "Ostmark", "GPE")
    build.entity("veldian", "Veldian", "NORP")
    build.entity("ostmarkian", "Ostmarkian", "NORP")


def _toll(build, doc_id, text):
    """The toll both reports give: another fact their documents share (a flight is not a person)."""
    build.claim(doc_id, text, "kill", quantity=14.0, quantity_unit="crew", quantity_text="14 crew", time="2030-05-02")


def test_two_states_named_as_shooting_down_one_airliner_are_an_agent_conflict(build):
    _two_states(build)
    a = "Veldia shot down Flight 88 on May 2, killing the 14 Veldian crew."
    b = "Ostmark shot down Flight 88 on May 2, killing 14 crew, the Ostmarkian opposition said."
    build.document("a", a, outlet="A", published="2030-05-03")
    build.document("b", b, outlet="B", published="2030-05-03")
    _toll(build, "a", a)
    _toll(build, "b", b)
    build.claim("a", a, "attack", subject=("Veldia", "veldia"), objects=[("Flight 88", "flight")], time="2030-05-02")
    build.mention("a", "Veldian", "veldian")
    build.claim("b", b, "attack", subject=("Ostmark", "ostmark"), objects=[("Flight 88", "flight")], time="2030-05-02",
                speaker_text="the Ostmarkian opposition")
    build.mention("b", "Ostmarkian", "ostmarkian")
    facts, conflicts, _ = build.run()
    (x,) = _of(conflicts, "agent")
    assert x.about == "who attacked Flight 88"
    assert {v.value: v.documents for v in x.values} == {"Ostmark": ["b"], "Veldia": ["a"]}
    assert "according to the Ostmarkian opposition" in x.explanation and "in its own voice" in x.explanation
    assert len(x.facts) == 2 and all(f.status == "contested" for f in facts if f.id in x.facts)


def test_one_target_of_one_day_needs_another_shared_fact_to_compare_agents(build):
    """Two reports naming two states that struck one airliner on one day, sharing no other fact: an
    aircraft (a product name) is no person, and nothing else says it is one event."""
    _two_states(build)
    a, b = "Veldia shot down Flight 88 on May 2.", "Ostmark shot down Flight 88 on May 2."
    for doc_id, text, who in (("a", a, ("Veldia", "veldia")), ("b", b, ("Ostmark", "ostmark"))):
        build.document(doc_id, text, outlet=doc_id.upper())
        build.claim(doc_id, text, "attack", subject=who, objects=[("Flight 88", "flight")], time="2030-05-02")
    build.document("n", "Veldian and Ostmarkian officials met.", outlet="N")
    build.mention("n", "Veldian", "veldian")
    build.mention("n", "Ostmarkian", "ostmarkian")
    _, conflicts, _ = build.run()
    assert _of(conflicts, "agent") == []


def test_two_people_named_as_the_killer_of_one_person_conflict_once(build):
    build.entity("p", "Ruben Olsson")
    build.entity("k1", "Anders Brann")
    build.entity("k2", "Petter Tull")
    texts = {"a": "Anders Brann killed Ruben Olsson.", "b": "Petter Tull killed Ruben Olsson.",
             "c": "Petter Tull murdered Ruben Olsson."}
    killer = {"a": ("Anders Brann", "k1"), "b": ("Petter Tull", "k2"), "c": ("Petter Tull", "k2")}
    for doc_id, text in texts.items():
        build.document(doc_id, text, outlet=doc_id.upper())
        build.claim(doc_id, text, "kill", subject=killer[doc_id], objects=[("Ruben Olsson", "p")])
    _, conflicts, _ = build.run()
    (x,) = _of(conflicts, "agent")
    assert {v.value: v.documents for v in x.values} == {"Anders Brann": ["a"], "Petter Tull": ["b", "c"]}
    assert x.about == "who killed Ruben Olsson"
    assert x.explanation == "No explanation found in the records."


def test_a_hedged_agent_against_a_firm_one_says_which_is_hedged(build):
    _two_states(build)
    a = "Veldia shot down Flight 88 on May 2, killing 14 crew."
    b = "Ostmark allegedly shot down Flight 88 on May 2, killing 14 crew."
    for doc_id, text in (("a", a), ("b", b)):
        build.document(doc_id, text, outlet=doc_id.upper())
        _toll(build, doc_id, text)
    build.claim("a", a, "attack", subject=("Veldia", "veldia"), objects=[("Flight 88", "flight")], time="2030-05-02")
    build.claim("b", b, "attack", subject=("Ostmark", "ostmark"), objects=[("Flight 88", "flight")], time="2030-05-02",
                hedged=True)
    build.document("n", "Veldian and Ostmarkian officials met.", outlet="N")
    build.mention("n", "Veldian", "veldian")
    build.mention("n", "Ostmarkian", "ostmarkian")
    _, conflicts, _ = build.run()
    (x,) = _of(conflicts, "agent")
    assert 'b gives Ostmark with "allegedly"' in x.explanation and "against a firm Veldia" in x.explanation


def test_an_attribution_is_the_same_agent_not_a_conflict(build):
    """"Ostmark said Veldia shot it down" and "Veldia shot it down": one agent, Veldia."""
    _two_states(build)
    a = "Ostmark said Veldia shot down Flight 88 on May 2."
    b = "Veldia shot down Flight 88 on May 2, killing the Veldian crew."
    build.document("a", a, outlet="A")
    build.document("b", b, outlet="B")
    build.claim("a", a, "attack", subject=("Veldia", "veldia"), objects=[("Flight 88", "flight")], time="2030-05-02")
    build.analyses["a"].claims[-1].attributed_to = build.mention("a", "Ostmark", "ostmark")
    build.claim("b", b, "attack", subject=("Veldia", "veldia"), objects=[("Flight 88", "flight")], time="2030-05-02")
    build.mention("b", "Veldian", "veldian")
    facts, conflicts, _ = build.run()
    assert conflicts == [] and len(facts) == 1 and facts[0].support == 2


def test_a_unit_and_its_parent_organisation_are_no_conflict(build):
    build.entity("p", "Ruben Olsson")
    build.entity("unit", "Kessel Brigade", "ORG")
    build.entity("army", "Northern Army", "ORG")
    build.entity("unit2", "Harrow Rifles", "ORG")
    texts = {"a": "The Kessel Brigade killed Ruben Olsson.",
             "b": "The Northern Army killed Ruben Olsson. The Northern Army's Kessel Brigade holds the town.",
             "c": "The Harrow Rifles killed Ruben Olsson."}
    killer = {"a": ("Kessel Brigade", "unit"), "b": ("Northern Army", "army"), "c": ("Harrow Rifles", "unit2")}
    for doc_id, text in texts.items():
        build.document(doc_id, text, outlet=doc_id.upper())
        sentence = text.split(". ")[0].rstrip(".") + "."
        build.claim(doc_id, sentence, "kill", subject=killer[doc_id], objects=[("Ruben Olsson", "p")])
    # the descriptor relates the third unit to the army too: "the Harrow Rifles, a regiment of the Northern Army"
    from consilience.model import TextSpan
    build.entities["unit2"].descriptors.append(TextSpan(document="c", start=0, end=0,
                                                        text="a regiment of the Northern Army"))
    _, conflicts, _ = build.run()
    # Kessel Brigade ~ Northern Army ("the Northern Army's Kessel Brigade"), Harrow Rifles ~ Northern Army
    # (descriptor); the two units are not related by the records: that one disagreement stays
    (x,) = _of(conflicts, "agent")
    assert {v.value: v.documents for v in x.values} == {"Kessel Brigade": ["a"], "Harrow Rifles": ["c"]}


def test_an_agent_and_its_spokesman_or_a_state_and_its_forces_are_not_compared(build):
    """A person against an organisation, a state against an organisation: which belongs to which is
    unknown without the records, so they are never set against each other."""
    build.entity("p", "Ruben Olsson")
    build.entity("army", "Northern Army", "ORG")
    build.entity("vik", "Lena Vik", "PERSON")
    build.entity("veldia", "Veldia", "GPE")
    build.entity("veldian", "Veldian", "NORP")
    texts = {"a": "The Northern Army killed Ruben Olsson.", "b": "Lena Vik killed Ruben Olsson, a Veldian.",
             "c": "Veldia killed Ruben Olsson."}
    killer = {"a": ("Northern Army", "army"), "b": ("Lena Vik", "vik"), "c": ("Veldia", "veldia")}
    for doc_id, text in texts.items():
        build.document(doc_id, text, outlet=doc_id.upper())
        build.claim(doc_id, text, "kill", subject=killer[doc_id], objects=[("Ruben Olsson", "p")])
    build.mention("b", "Veldian", "veldian")
    _, conflicts, _ = build.run()
    assert _of(conflicts, "agent") == []


def test_two_agents_of_two_incidents_or_an_agent_named_as_victim_are_no_conflict(build):
    """Two attacks on one town a week apart; a headline parsed with the victim as the agent."""
    build.entity("lenz", "Port Lenz", "GPE")
    build.entity("k1", "Anders Brann")
    build.entity("k2", "Petter Tull")
    build.entity("p", "Ruben Olsson")
    a, b = "Anders Brann attacked Port Lenz on May 2.", "Petter Tull attacked Port Lenz on May 9."
    build.entity("q", "Anna Berg")
    c, d = "Olsson killed with aide Anna Berg.", "Petter Tull killed the mayor and Anna Berg."
    for doc_id, text in (("a", a), ("b", b), ("c", c), ("d", d)):
        build.document(doc_id, text, outlet=doc_id.upper())
    build.claim("a", a, "attack", subject=("Anders Brann", "k1"), objects=[("Port Lenz", "lenz")], time="2030-05-02")
    build.claim("b", b, "attack", subject=("Petter Tull", "k2"), objects=[("Port Lenz", "lenz")], time="2030-05-09")
    build.claim("c", c, "kill", subject=("Olsson", "p"), objects=[("Anna Berg", "q")])  # a headline misparsed
    build.claim("d", d, "kill", subject=("Petter Tull", "k2"), objects=[("mayor", "p"), ("Anna Berg", "q")])
    _, conflicts, _ = build.run()
    assert _of(conflicts, "agent") == []


def test_an_agent_conflict_keeps_who_says_so_visible_and_names_an_admission(build):
    """Both killers named by one prosecutor: no explanation, but whose claim each is stays visible; a state
    cited for its own deed is an admission."""
    build.entity("p", "Ruben Olsson")
    build.entity("k1", "Anders Brann")
    build.entity("k2", "Petter Tull")
    a = "Anders Brann killed Ruben Olsson, the prosecutor said."
    b = "Petter Tull killed Ruben Olsson, the prosecutor said."
    for doc_id, text, who in (("a", a, ("Anders Brann", "k1")), ("b", b, ("Petter Tull", "k2"))):
        build.document(doc_id, text, outlet=doc_id.upper())
        build.claim(doc_id, text, "kill", subject=who, objects=[("Ruben Olsson", "p")], speaker_text="the prosecutor")
    _, conflicts, _ = build.run()
    (x,) = _of(conflicts, "agent")
    assert x.explanation == ("No explanation found in the records. Who says so: Anders Brann according to the "
                             "prosecutor (a); Petter Tull according to the prosecutor (b).")


def test_a_state_cited_for_its_own_deed_is_named_as_an_admission(build):
    _two_states(build)
    a = "Ostmark said it shot down Flight 88 on May 2, killing 14 crew."
    b = "Veldia shot down Flight 88 on May 2, killing 14 crew."
    for doc_id, text in (("a", a), ("b", b)):
        build.document(doc_id, text, outlet=doc_id.upper())
        _toll(build, doc_id, text)
    build.claim("a", a, "attack", subject=("Ostmark", "ostmark"), objects=[("Flight 88", "flight")], time="2030-05-02")
    build.analyses["a"].claims[-1].attributed_to = build.analyses["a"].claims[-1].subject
    build.claim("b", b, "attack", subject=("Veldia", "veldia"), objects=[("Flight 88", "flight")], time="2030-05-02")
    build.document("n", "Veldian and Ostmarkian officials met.", outlet="N")
    build.mention("n", "Veldian", "veldian")
    build.mention("n", "Ostmarkian", "ostmarkian")
    _, conflicts, _ = build.run()
    (x,) = _of(conflicts, "agent")
    assert "An admission or claim of responsibility: a cites Ostmark for its own deed." in x.explanation
    assert "Ostmark according to Ostmark (a); Veldia in its own voice (b)" in x.explanation


def test_a_party_named_as_the_doer_that_names_another_is_said_to_accuse(build):
    """"Veldia shot down Flight 88" against "Veldia said Ostmark shot it down": a real disagreement, and the
    records show why it may exist: the party one source names is the source of the other claim."""
    _two_states(build)
    a = "Veldia shot down Flight 88 on May 2, killing 14 crew."
    b = "Veldia said Ostmark shot down Flight 88 on May 2, killing 14 crew."
    for doc_id, text in (("a", a), ("b", b)):
        build.document(doc_id, text, outlet=doc_id.upper())
        _toll(build, doc_id, text)
    build.claim("a", a, "attack", subject=("Veldia", "veldia"), objects=[("Flight 88", "flight")], time="2030-05-02")
    build.claim("b", b, "attack", subject=("Ostmark", "ostmark"), objects=[("Flight 88", "flight")], time="2030-05-02")
    build.analyses["b"].claims[-1].attributed_to = build.mention("b", "Veldia", "veldia")
    build.document("n", "Veldian and Ostmarkian officials met.", outlet="N")
    build.mention("n", "Veldian", "veldian")
    build.mention("n", "Ostmarkian", "ostmarkian")
    _, conflicts, _ = build.run()
    (x,) = _of(conflicts, "agent")
    assert ("Veldia is named as the doer by a and is the source of b's claim that Ostmark did it"
            in x.explanation)
    assert "Ostmark according to Veldia (b); Veldia in its own voice (a)" in x.explanation


def test_a_name_on_another_line_or_the_outlet_itself_is_no_agent(build):
    """A heading joined to the sentence ("Harbour Times\nTull killed ...") and the outlet named as the doer
    are no agents: only the words on the trigger's line are its slots."""
    build.entity("p", "Ruben Olsson")
    build.entity("k2", "Petter Tull")
    build.entity("paper", "Harbour Times", "ORG")
    build.entity("wire", "Coast Wire", "ORG")
    a = "Harbour Times\nmasked men killed Ruben Olsson."
    b = "Petter Tull killed Ruben Olsson."
    c = "Coast Wire killed Ruben Olsson, a typo for its reporter's byline."
    build.document("a", a, outlet="A")
    build.document("b", b, outlet="B")
    build.document("c", c, outlet="Coast Wire")
    claim = build.claim("a", a, "kill", subject=("Harbour Times", "paper"), objects=[("Ruben Olsson", "p")])
    claim.trigger_start = a.index("killed")
    build.claim("b", b, "kill", subject=("Petter Tull", "k2"), objects=[("Ruben Olsson", "p")])
    build.claim("c", c, "kill", subject=("Coast Wire", "wire"), objects=[("Ruben Olsson", "p")])
    build.entities["k2"].type = "ORG"  # one kind with the two organisations, so only the two rules keep them apart
    _, conflicts, _ = build.run()
    assert _of(conflicts, "agent") == []


def test_the_place_of_a_death_is_not_set_against_the_place_of_the_deed(build):
    """Shot in one town, died in a hospital in another: two places of one killing, both right."""
    build.entity("p", "Ruben Olsson")
    build.entity("varn", "Varn", "GPE")
    build.entity("oskby", "Oskby", "GPE")
    a, b = "Gunmen killed Ruben Olsson in Varn.", "Ruben Olsson died in a hospital in Oskby."
    build.document("a", a, outlet="A")
    build.document("b", b, outlet="B")
    build.claim("a", a, "kill", objects=[("Ruben Olsson", "p")], trigger="killed")
    _place(build, "a", "Varn", "varn")
    build.claim("b", b, "kill", objects=[("Ruben Olsson", "p")], trigger="died")
    _place(build, "b", "Oskby", "oskby")
    _, conflicts, _ = build.run()
    assert _of(conflicts, "place") == []


def test_two_doers_one_document_names_together_are_accomplices_not_rival_accounts(build):
    build.entity("p", "Ruben Olsson")
    build.entity("k1", "Anders Brann")
    build.entity("k2", "Petter Tull")
    a = "Anders Brann killed Ruben Olsson."
    b = "Petter Tull killed Ruben Olsson."
    c = "Anders Brann shot Ruben Olsson. Later that night Petter Tull also killed Ruben Olsson, police said."
    for doc_id, text in (("a", a), ("b", b), ("c", c)):
        build.document(doc_id, text, outlet=doc_id.upper())
    build.claim("a", a, "kill", subject=("Anders Brann", "k1"), objects=[("Ruben Olsson", "p")])
    build.claim("b", b, "kill", subject=("Petter Tull", "k2"), objects=[("Ruben Olsson", "p")])
    first, second = c.split(". ", 1)
    build.claim("c", first + ".", "kill", subject=("Anders Brann", "k1"), objects=[("Ruben Olsson", "p")])
    claim = build.claim("c", second, "kill", objects=[("Ruben Olsson", "p")])
    claim.subject = build.mention("c", "Petter Tull", "k2")
    _, conflicts, _ = build.run()
    assert _of(conflicts, "agent") == []
