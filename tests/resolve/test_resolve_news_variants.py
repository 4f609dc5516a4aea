"""Entity resolution on the failure classes found on real news (ECB+), with invented names only.

Each test builds small documents with hand-placed spaCy-like mentions (``make``) and asserts what
joins and, as importantly, what stays apart.
"""
from __future__ import annotations

from consilience.analyze.spans import headline_line
from consilience.resolve.names import normalize, org_suffix
from consilience.resolve.persons import _person_compatible, _person_parts

from test_resolve_entities import entity_of, make, resolve


def ids_of(analyses, needle: str) -> set:
    return {m.entity for a in analyses for m in a.mentions if m.text == needle}


# --------------------------------------------------------------------------- headlines and debris


def test_title_case_headline_is_cut_to_the_name_the_corpus_knows():
    d1 = make("d1", "Norvell Announces New Tablet Availability\nNorvell said the new tablet ships in May. "
                    "Its availability was announced today.",
              [("Norvell Announces New Tablet Availability", "ORG"), ("Norvell", "ORG")])
    d2 = make("d2", "Analysts expect Norvell to sell the tablet widely.", [("Norvell", "ORG")])
    entities, analyses = resolve(d1, d2)
    headline = entity_of(entities, analyses, "d1", "Norvell Announces New Tablet Availability")
    assert headline == entity_of(entities, analyses, "d2", "Norvell")
    assert not any("Announces" in a.text for e in entities for a in e.aliases)


def test_headline_of_common_words_only_is_no_entity():
    d1 = make("d1", "Driver Charged After Crash On Ridge Road\nThe driver was charged on Friday.",
              [("Driver Charged", "PERSON")])
    entities, analyses = resolve(d1)
    assert entity_of(entities, analyses, "d1", "Driver Charged") is None


def test_title_case_line_detection():
    assert headline_line("Norvell Announces New Tablet Availability")
    assert headline_line("TRIAL DATE SET FOR VELMORE MURDER ACCUSED")
    assert not headline_line("Norvell announced a new tablet on Monday")


def test_trailing_lower_case_words_and_urls_are_not_names():
    d1 = make("d1", "Dana Whitfield checks into a clinic. Dana Whitfield was seen later.\n"
                    "http://example.com/dana-whitfield-news",
              [("Dana Whitfield checks", "PERSON"), ("Dana Whitfield", "PERSON"),
               ("http://example.com/dana-whitfield-news", "ORG")])
    entities, analyses = resolve(d1)
    assert entity_of(entities, analyses, "d1", "Dana Whitfield checks") == entity_of(entities, analyses, "d1", "Dana Whitfield")
    assert entity_of(entities, analyses, "d1", "http://example.com/dana-whitfield-news") is None


def test_a_span_with_no_capital_letter_is_not_a_name():
    """Invented: the tagger sometimes labels a common noun ("a meth lab") as a place; names carry a capital."""
    d1 = make("d1", "Neighbours said the Orvik flat held a meth lab.", [("meth", "GPE"), ("Orvik", "GPE")])
    entities, analyses = resolve(d1)
    assert entity_of(entities, analyses, "d1", "meth") is None
    assert entity_of(entities, analyses, "d1", "Orvik") is not None


def test_leading_role_word_is_cut_when_the_rest_is_a_name():
    d1 = make("d1", "Comedian Dana Whitfield will host. The comedian is popular. Dana Whitfield agreed.",
              [("Comedian Dana Whitfield", "PERSON"), ("Dana Whitfield", "PERSON")])
    entities, analyses = resolve(d1)
    assert entity_of(entities, analyses, "d1", "Comedian Dana Whitfield") == entity_of(entities, analyses, "d1", "Dana Whitfield")


def test_leading_word_of_a_name_after_the_stays():
    # "the People's Velmoran Front": the possessive is part of the name, not a description of it
    d1 = make("d1", "The people cheered. Leaders of the People's Velmoran Front and the Velmoran Front met.",
              [("People's Velmoran Front", "ORG"), ("Velmoran Front", "ORG")])
    entities, analyses = resolve(d1)
    assert entity_of(entities, analyses, "d1", "People's Velmoran Front") != entity_of(entities, analyses, "d1", "Velmoran Front")


# --------------------------------------------------------------------------- person variants


def test_middle_initials_suffixes_and_short_given_names_join():
    d1 = make("d1", "Dana K. Whitfield spoke. Frederick C. Ostrander agreed. W. Loren Pasko Sr. left.",
              [("Dana K. Whitfield", "PERSON"), ("Frederick C. Ostrander", "PERSON"), ("W. Loren Pasko Sr.", "PERSON")])
    d2 = make("d2", "Dana Whitfield spoke. Fred Ostrander agreed. Loren Pasko left.",
              [("Dana Whitfield", "PERSON"), ("Fred Ostrander", "PERSON"), ("Loren Pasko", "PERSON")])
    entities, analyses = resolve(d1, d2)
    for a, b in (("Dana K. Whitfield", "Dana Whitfield"), ("Frederick C. Ostrander", "Fred Ostrander"),
                 ("W. Loren Pasko Sr.", "Loren Pasko")):
        assert entity_of(entities, analyses, "d1", a) == entity_of(entities, analyses, "d2", b), (a, b)


def test_different_middle_initials_do_not_chain_through_the_short_name():
    d1 = make("d1", "John A. Merrow and John B. Merrow are cousins.",
              [("John A. Merrow", "PERSON"), ("John B. Merrow", "PERSON")])
    d2 = make("d2", "John A. Merrow spoke.", [("John A. Merrow", "PERSON")])
    d3 = make("d3", "John B. Merrow spoke. John Merrow left.", [("John B. Merrow", "PERSON"), ("John Merrow", "PERSON")])
    entities, analyses = resolve(d1, d2, d3)
    assert entity_of(entities, analyses, "d1", "John A. Merrow") != entity_of(entities, analyses, "d1", "John B. Merrow")


def test_junior_and_senior_are_two_people():
    a = _person_parts(normalize("Loren Pasko Jr.").tokens)
    b = _person_parts(normalize("Loren Pasko Sr.").tokens)
    assert a and b and not _person_compatible(a, b)
    assert _person_compatible(a, _person_parts(normalize("Loren Pasko").tokens))
    # different first names never match, a nickname-length prefix does
    assert not _person_compatible(_person_parts(("vitor", "halas")), _person_parts(("wiktor", "halas")))
    assert _person_compatible(_person_parts(("alex", "halas")), _person_parts(("alexander", "halas")))


def test_word_break_variant_of_a_given_name_joins():
    d1 = make("d1", "Amirali Ghorbanzadeh spoke.", [("Amirali Ghorbanzadeh", "PERSON")])
    d2 = make("d2", "Amir Ali Ghorbanzadeh spoke.", [("Amir Ali Ghorbanzadeh", "PERSON")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d1", "Amirali Ghorbanzadeh") == entity_of(entities, analyses, "d2", "Amir Ali Ghorbanzadeh")


def test_quoted_nickname_is_not_part_of_the_name():
    assert normalize('Vincent "The Hook" Corrado').tokens == ("vincent", "corrado")
    assert normalize("Vincent 'Hook' Corrado").tokens == ("vincent", "corrado")
    assert normalize("O'Brennan").tokens == ("obrennan",)


# --------------------------------------------------------------------------- short forms and types


def test_surname_with_a_mislabelled_vote_joins_the_one_person():
    d1 = make("d1", "Mikel Ostravan won the bout.", [("Mikel Ostravan", "PERSON")])
    d2 = make("d2", "Ostravan won again. Ostravan retired.", [("Ostravan", "NORP")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d2", "Ostravan") == entity_of(entities, analyses, "d1", "Mikel Ostravan")


def test_surname_tagged_as_organisation_does_not_join_corpus_wide():
    # a company named after a person: "Harlow" the firm stays apart where the person is not named
    d1 = make("d1", "Ben Harlow founded a firm.", [("Ben Harlow", "PERSON")])
    d2 = make("d2", "Harlow shares rose. Harlow hired staff.", [("Harlow", "ORG")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d2", "Harlow") != entity_of(entities, analyses, "d1", "Ben Harlow")


def test_dominant_person_takes_the_surname_where_no_full_name_is():
    docs = [make(f"d{i}", "Maris Kellond scored.", [("Maris Kellond", "PERSON")]) for i in range(9)]
    docs.append(make("t5", "Tova Kellond watched.", [("Tova Kellond", "PERSON")]))
    docs.append(make("x6", "Kellond scored twice.", [("Kellond", "PERSON")]))
    docs.append(make("x7", "Tova Kellond said Kellond was fine.", [("Tova Kellond", "PERSON"), ("Kellond", "PERSON")]))
    entities, analyses = resolve(*docs)
    assert entity_of(entities, analyses, "x6", "Kellond") == entity_of(entities, analyses, "d0", "Maris Kellond")
    assert entity_of(entities, analyses, "x7", "Kellond") == entity_of(entities, analyses, "x7", "Tova Kellond")


def test_two_balanced_people_leave_a_lone_surname_apart():
    docs = [make("d0", "Maris Kellond scored.", [("Maris Kellond", "PERSON")]),
            make("d1", "Tova Kellond watched.", [("Tova Kellond", "PERSON")]),
            make("d2", "Kellond scored twice.", [("Kellond", "PERSON")])]
    entities, analyses = resolve(*docs)
    lone = entity_of(entities, analyses, "d2", "Kellond")
    assert lone not in (entity_of(entities, analyses, "d0", "Maris Kellond"), entity_of(entities, analyses, "d1", "Tova Kellond"))


def test_legal_suffix_joins_the_bare_company_but_not_the_founder():
    d1 = make("d1", "Norvell Corp. reported profits. Brastow Holdings grew.",
              [("Norvell Corp.", "ORG"), ("Brastow Holdings", "ORG")])
    d2 = make("d2", "Norvell hired staff. Brastow said so.", [("Norvell", "ORG"), ("Brastow", "PERSON")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d1", "Norvell Corp.") == entity_of(entities, analyses, "d2", "Norvell")
    assert entity_of(entities, analyses, "d1", "Brastow Holdings") != entity_of(entities, analyses, "d2", "Brastow")
    assert org_suffix("corp") and org_suffix("gmbh") and not org_suffix("front")


def test_a_firm_of_three_words_read_as_a_person_by_the_tagger_alone_joins_its_legal_form():
    """"Velmar Stone Quarrying LLC" and "Velmar Stone Quarrying" (the tagger says PERSON): one firm. With a title the
    bare name is a person's ("Dr Ana Lucia Brandt" beside the firm "Ana Lucia Brandt Ltd"), and stays apart."""
    d1 = make("d1", "Velmar Stone Quarrying LLC runs the pit. Ana Lucia Brandt Ltd sells tiles.",
              [("Velmar Stone Quarrying LLC", "ORG"), ("Ana Lucia Brandt Ltd", "ORG")])
    d2 = make("d2", "Velmar Stone Quarrying said so. Dr Ana Lucia Brandt said no.",
              [("Velmar Stone Quarrying", "PERSON"), ("Dr Ana Lucia Brandt", "PERSON")])
    d3 = make("d3", "Velmar Stone Quarrying denied it. Ana Lucia Brandt left.",
              [("Velmar Stone Quarrying", "PERSON"), ("Ana Lucia Brandt", "PERSON")])
    d4 = make("d4", "Velmar Stone Quarrying paid. Velmar Stone Quarrying hired.",
              [("Velmar Stone Quarrying", "PERSON"), ("Velmar Stone Quarrying", "PERSON")])
    entities, analyses = resolve(d1, d2, d3, d4)
    assert entity_of(entities, analyses, "d1", "Velmar Stone Quarrying LLC") == \
        entity_of(entities, analyses, "d2", "Velmar Stone Quarrying")
    assert entity_of(entities, analyses, "d1", "Ana Lucia Brandt Ltd") != \
        entity_of(entities, analyses, "d2", "Dr Ana Lucia Brandt")


def test_place_qualified_team_joins_its_short_form_unless_ambiguous():
    d1 = make("d1", "The Port Vell Mariners won in Port Vell. The Mariners celebrated.",
              [("Port Vell Mariners", "ORG"), ("Port Vell", "GPE"), ("Mariners", "ORG")])
    d2 = make("d2", "The Ostrava Rangers lost in Ostrava and the Dunmore Rangers lost in Dunmore. The Rangers left.",
              [("Ostrava Rangers", "ORG"), ("Ostrava", "GPE"), ("Dunmore Rangers", "ORG"), ("Dunmore", "GPE"),
               ("Rangers", "ORG")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d1", "Mariners") == entity_of(entities, analyses, "d1", "Port Vell Mariners")
    assert entity_of(entities, analyses, "d1", "Port Vell") != entity_of(entities, analyses, "d1", "Mariners")
    rangers = entity_of(entities, analyses, "d2", "Rangers")
    assert rangers not in (entity_of(entities, analyses, "d2", "Ostrava Rangers"),
                           entity_of(entities, analyses, "d2", "Dunmore Rangers"))


def test_short_word_of_an_organisation_does_not_join_by_spelling():
    # one-word unit with a non-place qualifier: "Sons of Harlan" style names stay apart
    d1 = make("d1", "Kataro Brigade fighters and the Brigade of Harl met.",
              [("Kataro Brigade", "ORG"), ("Brigade", "ORG")])
    entities, analyses = resolve(d1)
    assert entity_of(entities, analyses, "d1", "Kataro Brigade") != entity_of(entities, analyses, "d1", "Brigade")


# --------------------------------------------------------------------------- names repeated in a document


def test_names_tagged_once_are_tagged_where_the_document_repeats_them():
    import spacy
    from spacy.tokens import Span

    from consilience.analyze.spans import repeat_names

    nlp = spacy.blank("en")
    doc = nlp("Dana Whitfield uses Velmo Browser daily . Whitfield said Velmo Browser crashed . "
              "The whitfield tree felt odd . Whitfield Foundation paid .")
    doc.set_ents([Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 5, label="PRODUCT")])
    doc = repeat_names(doc)
    found = [(e.text, e.label_) for e in doc.ents]
    assert ("Velmo Browser", "PRODUCT") in found[2:]
    # the surname is written in lower case elsewhere in the document: a common word, not repeated
    assert ("Whitfield", "PERSON") not in found
    doc = nlp("Dana Whitfield spoke . Whitfield said so . Whitfield Foundation paid .")
    doc.set_ents([Span(doc, 0, 2, label="PERSON")])
    found = [(e.start, e.text) for e in repeat_names(doc).ents]
    assert (4, "Whitfield") in found
    assert not any(start == 8 for start, _ in found)  # the start of another capitalised name is left alone


def test_headline_names_split_into_the_names_the_document_tags_elsewhere():
    import spacy
    from spacy.tokens import Span

    from consilience.analyze.spans import repeat_names

    nlp = spacy.blank("en")
    doc = nlp("Talbot To Nominate Dana Whitfield For Velmore Post\nPresident Talbot said Dana Whitfield agreed .")
    body = [t.i for t in doc if t.text == "President"][0]
    doc.set_ents([Span(doc, 0, 6, label="PERSON"), Span(doc, body + 1, body + 2, label="PERSON"),
                  Span(doc, body + 3, body + 5, label="PERSON")])
    found = [(e.text, e.start) for e in repeat_names(doc).ents]
    assert ("Talbot", 0) in found and ("Dana Whitfield", 3) in found
    assert not any("Nominate" in t for t, _ in found)


def test_trailing_lower_case_words_cut_from_a_person_but_not_a_noun_from_a_place():
    import spacy
    from spacy.tokens import Span

    from consilience.analyze.spans import repeat_names

    nlp = spacy.blank("en")
    doc = nlp("Dana Whitfield checks in at Halden airport today")
    for t in doc:
        t.pos_ = "NOUN" if t.text == "airport" else "VERB"
    doc.set_ents([Span(doc, 0, 3, label="PERSON"), Span(doc, 5, 7, label="FAC")])
    found = [e.text for e in repeat_names(doc).ents]
    assert found == ["Dana Whitfield", "Halden airport"]


def test_names_joined_across_a_spaced_dash_or_and_are_split():
    import spacy
    from spacy.tokens import Span

    from consilience.analyze.spans import repeat_names

    nlp = spacy.blank("en")
    doc = nlp("Talbotworld - Norvell ships . Police held Lopez and Marsh . Stratford-upon-Velm council met .")
    doc.set_ents([Span(doc, 0, 3, label="ORG"), Span(doc, 7, 10, label="PERSON"), Span(doc, 11, 16, label="GPE")])
    found = [e.text for e in repeat_names(doc).ents]
    assert "Talbotworld" in found and "Norvell" in found
    assert "Lopez" in found and "Marsh" in found
    assert "Stratford-upon-Velm" in found  # a hyphenated name has no spaces: it stays whole


def test_untagged_proper_nouns_become_misc_mentions_typed_by_what_they_join():
    import spacy
    from spacy.tokens import Span

    from consilience.analyze.spans import repeat_names

    nlp = spacy.blank("en")
    doc = nlp("Fans cheered as the visiting Marlins won . Later the VNX network reported it . Web users laughed at the web .")
    for t in doc:
        t.pos_ = "PROPN" if t.text in ("Marlins", "VNX", "Web") else "NOUN"
        t.is_sent_start = t.i == 0 or doc[t.i - 1].text == "."
    doc.set_ents([])
    found = {e.text: e.label_ for e in repeat_names(doc).ents}
    assert found.get("Marlins") == "MISC" and found.get("VNX") == "MISC"
    assert "Web" not in found  # written in lower case elsewhere in the document: a common word

    d1 = make("d1", "The Ostrava Marlins won in Ostrava. The Marlins celebrated.", [("Ostrava Marlins", "ORG"), ("Ostrava", "GPE"),
                                                                         ("Marlins", "MISC")])
    d2 = make("d2", "VNX reported it.", [("VNX", "MISC")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d1", "Marlins") == entity_of(entities, analyses, "d1", "Ostrava Marlins")
    assert next(e for e in entities if e.id == entity_of(entities, analyses, "d1", "Marlins")).type == "ORG"
    assert next(e for e in entities if e.id == entity_of(entities, analyses, "d2", "VNX")).type == "ORG"


def test_short_name_strictly_inside_one_longer_organisation_joins_it():
    d1 = make("d1", "The Velmoran Republican Watch Corps fired. Later the Republican Watch denied it.",
              [("Velmoran Republican Watch Corps", "ORG"), ("Republican Watch", "ORG")])
    entities, analyses = resolve(d1)
    assert entity_of(entities, analyses, "d1", "Republican Watch") == entity_of(entities, analyses, "d1", "Velmoran Republican Watch Corps")


def test_short_name_at_the_edge_or_in_two_longer_names_stays_apart():
    d1 = make("d1", "The Harbor Brigade and the Sons of the Harbor Brigade met.",
              [("Sons of the Harbor Brigade", "ORG"), ("Harbor Brigade", "ORG")])
    d2 = make("d2", "The Ostran Defence Council Office and the Upper Defence Council Staff met the Defence Council.",
              [("Ostran Defence Council Office", "ORG"), ("Upper Defence Council Staff", "ORG"), ("Defence Council", "ORG")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d1", "Harbor Brigade") != entity_of(entities, analyses, "d1", "Sons of the Harbor Brigade")
    council = entity_of(entities, analyses, "d2", "Defence Council")
    assert council not in (entity_of(entities, analyses, "d2", "Ostran Defence Council Office"),
                           entity_of(entities, analyses, "d2", "Upper Defence Council Staff"))


def test_name_grows_over_a_noun_when_the_corpus_writes_the_longer_name():
    d1 = make("d1", "Flights left Halden Marek International Airport on time.",
              [("Halden Marek International Airport", "FAC")])
    d2 = make("d2", "Planes circled Halden Marek airport at noon. Halden Marek was a poet.",
              [("Halden Marek", "PERSON")])
    entities, analyses = resolve(d1, d2)
    first, second = [m for a in analyses if a.document == "d2" for m in a.mentions]
    airport = entity_of(entities, analyses, "d1", "Halden Marek International Airport")
    assert first.entity == airport and second.entity != airport  # "Halden Marek was a poet": the person


def test_word_break_variants_join_and_acronyms_do_not():
    d1 = make("d1", "Blue Crest bought the mill. Velmo Group denied it.", [("Blue Crest", "ORG"), ("Velmo Group", "ORG")])
    d2 = make("d2", "BlueCrest said so. VG said so.", [("BlueCrest", "ORG"), ("VG", "ORG")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d1", "Blue Crest") == entity_of(entities, analyses, "d2", "BlueCrest")
    # a short joined key is not enough ("New Ark" / "Newark" style accidents need 6+ letters)
    d3 = make("d3", "Le Ma spoke. Lema spoke.", [("Le Ma", "PERSON"), ("Lema", "PERSON")])
    entities, analyses = resolve(d3)
    assert entity_of(entities, analyses, "d3", "Le Ma") != entity_of(entities, analyses, "d3", "Lema")


def test_acronym_that_is_not_plain_initials_joins_its_expansion():
    d1 = make("d1", "The Ministry of Defence said the strike failed.", [("Ministry of Defence", "ORG")])
    d2 = make("d2", "The MoD denied it.", [("MoD", "ORG")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d1", "Ministry of Defence") == entity_of(entities, analyses, "d2", "MoD")


def test_one_word_place_stays_apart_from_the_longer_place_ending_with_it():
    d1 = make("d1", "Novgrad and Nizhny Novgrad are two cities.", [("Nizhny Novgrad", "GPE"), ("Novgrad", "GPE")])
    entities, analyses = resolve(d1)
    assert entity_of(entities, analyses, "d1", "Novgrad") != entity_of(entities, analyses, "d1", "Nizhny Novgrad")


def test_a_lone_untagged_title_is_no_entity():
    d1 = make("d1", "The visit was planned, the President said.", [("President", "MISC")])
    entities, analyses = resolve(d1)
    assert entity_of(entities, analyses, "d1", "President") is None


def _tagged(text: str, ents: list[tuple[int, int, str]]) -> list[tuple[str, int]]:
    """``repeat_names`` over a blank-pipeline Doc of ``text`` with the given (start, end, label) tokens."""
    import spacy
    from spacy.tokens import Span

    from consilience.analyze.spans import repeat_names

    doc = spacy.blank("en")(text)
    doc.set_ents([Span(doc, a, b, label=label) for a, b, label in ents])
    return [(e.text, e.start) for e in repeat_names(doc).ents]


def test_a_name_never_runs_across_a_line_break_and_a_page_address_is_no_name():
    found = _tagged("Larks\nQuarterback Ray Dunn threw twice .", [(0, 5, "PERSON")])
    assert not any("\n" in t for t, _ in found)
    assert ("Larks", 0) in found and any(t.endswith("Ray Dunn") for t, _ in found)
    found = _tagged("http://example.com/velmo-news\nVelmo Dunn said so .", [(0, 4, "PERSON")])
    assert [t for t, _ in found] == ["Velmo Dunn"]


def test_names_joined_by_and_are_split_only_when_the_document_writes_both_alone():
    found = _tagged("Philly and Dunn met . Dunn spoke . Philly won .", [(0, 3, "ORG"), (5, 6, "PERSON"), (8, 9, "ORG")])
    assert ("Philly", 0) in found and ("Dunn", 2) in found
    found = _tagged("The Fish and Wildlife Service said . Fish swam .", [(1, 5, "ORG")])
    assert ("Fish and Wildlife Service", 1) in found  # "Wildlife" is never a name of its own here


def test_names_joined_by_at_are_split():
    found = _tagged("Fans saw the Larks at Velmora Stadium win .", [(2, 7, "FAC")])
    assert ("Larks", 3) in found and ("Velmora Stadium", 5) in found


def test_a_headline_name_keeps_only_the_words_the_document_never_writes_in_lower_case():
    found = _tagged("VLX Zero Day Flaw Affects All Versions\nA zero day flaw affects all versions of the browser .",
                    [(0, 7, "ORG")])
    assert [t for t, _ in found] == ["VLX"]


def test_a_full_name_often_read_as_an_organisation_still_takes_its_surname():
    docs = [make("d1", "Ray Dunn threw two touchdowns as the Larks won.", [("Ray Dunn", "ORG")]),
            make("d2", "Ray Dunn was sacked twice.", [("Ray Dunn", "ORG")]),
            make("d3", "Ray Dunn said the team played well.", [("Ray Dunn", "PERSON")]),
            make("d4", "Dunn threw for 300 yards. Dunn smiled.", [("Dunn", "PERSON")]),
            make("d5", "Dunn was happy.", [("Dunn", "PERSON")])]
    entities, analyses = resolve(*docs)
    full = entity_of(entities, analyses, "d1", "Ray Dunn")
    assert entity_of(entities, analyses, "d4", "Dunn") == full
    assert next(e for e in entities if e.id == full).type == "PERSON"


def test_an_organisation_never_tagged_a_person_does_not_take_a_surname():
    docs = [make("d1", "Orvik Dunn reported profits.", [("Orvik Dunn", "ORG")]),
            make("d2", "Orvik Dunn hired staff.", [("Orvik Dunn", "ORG")]),
            make("d3", "Dunn said the poem was old.", [("Dunn", "PERSON")])]
    entities, analyses = resolve(*docs)
    assert entity_of(entities, analyses, "d3", "Dunn") != entity_of(entities, analyses, "d1", "Orvik Dunn")


def test_a_nickname_and_the_given_name_it_stands_for_are_one_person():
    d1 = make("d1", "William Tarrow chaired the board.", [("William Tarrow", "PERSON")])
    d2 = make("d2", "Bill Tarrow resigned on Monday.", [("Bill Tarrow", "PERSON")])
    d3 = make("d3", "Maria Tarrow, his sister, declined to comment.", [("Maria Tarrow", "PERSON")])
    entities, analyses = resolve(d1, d2, d3)
    assert entity_of(entities, analyses, "d1", "William Tarrow") == entity_of(entities, analyses, "d2", "Bill Tarrow")
    assert entity_of(entities, analyses, "d3", "Maria Tarrow") != entity_of(entities, analyses, "d1", "William Tarrow")


def test_an_acronym_of_the_name_in_another_language_is_linked_where_the_text_defines_it():
    from consilience.model import AliasEvidence

    text = "The Velmoran Transport Safety Board (KVTS) opened an inquiry. Dana Whitfield (CEO) spoke."
    a, b = text.index("Velmoran"), text.index("KVTS")
    c, d = text.index("Dana"), text.index("CEO")
    ev = [AliasEvidence(document="d1", kind="parenthetical", a_text="Velmoran Transport Safety Board", a_start=a,
                        a_end=a + 31, b_text="KVTS", b_start=b, b_end=b + 4, start=a, end=b + 5),
          AliasEvidence(document="d1", kind="parenthetical", a_text="Dana Whitfield", a_start=c, a_end=c + 14,
                        b_text="CEO", b_start=d, b_end=d + 3, start=c, end=d + 4)]
    d1 = make("d1", text, [("Velmoran Transport Safety Board", "ORG"), ("KVTS", "ORG"), ("Dana Whitfield", "PERSON"),
                           ("CEO", "ORG")])
    d1[1].aliases = ev
    d2 = make("d2", "KVTS said the report is due in May.", [("KVTS", "ORG")])
    text3 = "The National Oil Company (Petrova) and the Harbour Museum Trust (Velmora) signed."
    e, f = text3.index("National"), text3.index("Petrova")
    g, h = text3.index("Harbour"), text3.index("Velmora")
    d3 = make("d3", text3, [("National Oil Company", "ORG"), ("Petrova", "ORG"), ("Harbour Museum Trust", "ORG"),
                            ("Velmora", "GPE")])
    d3[1].aliases = [AliasEvidence(document="d3", kind="parenthetical", a_text="National Oil Company", a_start=e,
                                   a_end=e + 20, b_text="Petrova", b_start=f, b_end=f + 7, start=e, end=f + 8),
                     AliasEvidence(document="d3", kind="parenthetical", a_text="Harbour Museum Trust", a_start=g,
                                   a_end=g + 20, b_text="Velmora", b_start=h, b_end=h + 7, start=g, end=h + 8)]
    d4 = make("d4", "Petrova raised fuel prices.", [("Petrova", "ORG")])
    entities, analyses = resolve(d1, d2, d3, d4)
    assert entity_of(entities, analyses, "d2", "KVTS") == entity_of(entities, analyses, "d1", "Velmoran Transport Safety Board")
    assert entity_of(entities, analyses, "d1", "CEO") != entity_of(entities, analyses, "d1", "Dana Whitfield")
    assert entity_of(entities, analyses, "d4", "Petrova") == entity_of(entities, analyses, "d3", "National Oil Company")
    assert entity_of(entities, analyses, "d3", "Velmora") != entity_of(entities, analyses, "d3", "Harbour Museum Trust")


def test_a_name_without_its_last_part_joins_the_one_longer_name_it_begins():
    d1 = make("d1", "Rodrigo Valdés Arancibia, the plant manager, resigned.", [("Rodrigo Valdés Arancibia", "PERSON")])
    d2 = make("d2", "Rodrigo Valdés said the valves had been checked.", [("Rodrigo Valdés", "PERSON")])
    d3 = make("d3", "Velo Tam Orin and Velo Tam Ekar both spoke; Velo Tam was cheered.",
              [("Velo Tam Orin", "PERSON"), ("Velo Tam Ekar", "PERSON"), ("Velo Tam", "PERSON")])
    entities, analyses = resolve(d1, d2, d3)
    assert entity_of(entities, analyses, "d2", "Rodrigo Valdés") == entity_of(entities, analyses, "d1", "Rodrigo Valdés Arancibia")
    short = entity_of(entities, analyses, "d3", "Velo Tam")
    assert short != entity_of(entities, analyses, "d3", "Velo Tam Orin")
    assert short != entity_of(entities, analyses, "d3", "Velo Tam Ekar")


def test_a_type_mark_the_corpus_never_writes_alone_joins_the_name_it_opens():
    d1 = make("d1", "The MV Velmora Star sank off Tarn Point.", [("MV Velmora Star", "ORG"), ("Tarn Point", "LOC")])
    d2 = make("d2", "Divers reached the Velmora Star on Friday.", [("Velmora Star", "FAC")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d1", "MV Velmora Star") == entity_of(entities, analyses, "d2", "Velmora Star")


def test_a_company_opened_by_a_corporate_word_of_another_language_joins_its_bare_name():
    d1 = make("d1", "Compañía Velmar Andina S.A. owns the plant.", [("Compañía Velmar Andina S.A.", "ORG")])
    d2 = make("d2", "Velmar Andina said the plant was safe.", [("Velmar Andina", "ORG")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d1", "Compañía Velmar Andina S.A.") == entity_of(entities, analyses, "d2", "Velmar Andina")


def test_a_second_surname_tagged_apart_joins_the_name_before_it():
    found = _tagged("The delegate , Dana Ruiz Tapia , said so .", [(3, 5, "PERSON"), (5, 6, "ORG")])
    assert ("Dana Ruiz Tapia", 3) in found
    found = _tagged("Dana Ruiz Velmora Trust paid .", [(0, 2, "PERSON"), (2, 3, "ORG")])
    assert ("Dana Ruiz", 0) in found  # a capitalised word follows: the start of another name


def test_a_surname_of_four_letters_may_carry_a_typo_when_the_given_name_is_the_same():
    d1 = make("d1", "Climber Duncan Rait was found alive.", [("Duncan Rait", "PERSON")])
    d2 = make("d2", "Duncan Raite spent two nights on the ridge.", [("Duncan Raite", "PERSON")])
    d3 = make("d3", "Mark Vinar and Miles Vinar led the search.", [("Mark Vinar", "PERSON"), ("Miles Vinar", "PERSON")])
    entities, analyses = resolve(d1, d2, d3)
    assert entity_of(entities, analyses, "d1", "Duncan Rait") == entity_of(entities, analyses, "d2", "Duncan Raite")
    assert entity_of(entities, analyses, "d3", "Mark Vinar") != entity_of(entities, analyses, "d3", "Miles Vinar")


def test_a_given_name_alone_joins_the_one_person_its_own_document_names():
    d1 = make("d1", "Kelani Rosh, 9, was shot on the steps. Kelani was taken to hospital.",
              [("Kelani Rosh", "PERSON"), ("Kelani", "PERSON")])
    d2 = make("d2", "Kelani Rosh died on Monday.", [("Kelani Rosh", "PERSON")])
    d3 = make("d3", "Kelani, a neighbour, said she heard shots.", [("Kelani", "PERSON")])
    entities, analyses = resolve(d1, d2, d3)
    full = entity_of(entities, analyses, "d2", "Kelani Rosh")
    assert entity_of(entities, analyses, "d1", "Kelani") == full
    assert entity_of(entities, analyses, "d3", "Kelani") != full  # its document names no Kelani Rosh


def test_a_descriptor_of_a_persons_role_votes_person():
    from consilience.model import Descriptor
    from consilience.resolve.forms import person_described

    text = "Velo Tam Orin, president of the dockers' union, said the strike would go on."
    d1 = make("d1", text, [("Velo Tam Orin", "ORG")])
    d1[1].descriptors = [Descriptor(document="d1", start=15, end=44, text="president of the dockers' union",
                                    target_start=0, target_end=13, target_text="Velo Tam Orin", kind="apposition")]
    entities, analyses = resolve(d1)
    assert next(e for e in entities if e.id == entity_of(entities, analyses, "d1", "Velo Tam Orin")).type == "PERSON"
    assert not person_described([Descriptor(document="d1", start=0, end=5, text="a producer of fertiliser",
                                            target_start=0, target_end=3, target_text="X", kind="apposition")])


def test_unit_of_a_place_joins_the_unit_unless_two_places_have_one():
    d1 = make("d1", "The Constitutional Court of Velmora upheld the result. Velmora voted.",
              [("Constitutional Court of Velmora", "ORG"), ("Velmora", "GPE")])
    d2 = make("d2", "The Constitutional Court will rule on Friday.", [("Constitutional Court", "ORG")])
    d3 = make("d3", "The Supreme Court of Velmora and the Supreme Court of Ostrana disagreed; the Supreme Court "
                    "met. Ostrana protested.", [("Supreme Court of Velmora", "ORG"), ("Supreme Court of Ostrana", "ORG"),
                                                ("Supreme Court", "ORG"), ("Ostrana", "GPE")])
    entities, analyses = resolve(d1, d2, d3)
    assert entity_of(entities, analyses, "d1", "Constitutional Court of Velmora") == \
        entity_of(entities, analyses, "d2", "Constitutional Court")
    short = entity_of(entities, analyses, "d3", "Supreme Court")
    assert short != entity_of(entities, analyses, "d3", "Supreme Court of Velmora")
    assert short != entity_of(entities, analyses, "d3", "Supreme Court of Ostrana")


def test_justice_is_no_title_and_a_legal_form_votes_organisation():
    d1 = make("d1", "The Justice Department charged Nordby Industrier ASA on Monday.",
              [("Justice Department", "ORG"), ("Nordby Industrier ASA", "PERSON")])
    d2 = make("d2", "Nordby Industrier said it would cooperate.", [("Nordby Industrier", "PERSON")])
    d3 = make("d3", "Nordby Industrier ASA paid the fine.", [("Nordby Industrier ASA", "ORG")])
    entities, analyses = resolve(d1, d2, d3)
    justice = next(e for e in entities if e.id == entity_of(entities, analyses, "d1", "Justice Department"))
    assert justice.name == "Justice Department" and justice.type == "ORG"
    nordby = entity_of(entities, analyses, "d1", "Nordby Industrier ASA")
    assert nordby == entity_of(entities, analyses, "d2", "Nordby Industrier")
    assert next(e for e in entities if e.id == nordby).type == "ORG"


def test_a_transliteration_with_one_vowel_more_is_one_name():
    d1 = make("d1", "Aleksandr Korin won the vote.", [("Aleksandr Korin", "PERSON")])
    d2 = make("d2", "Alexander Korin thanked voters.", [("Alexander Korin", "PERSON")])
    d3 = make("d3", "Ruslan Korin, his nephew, spoke.", [("Ruslan Korin", "PERSON")])
    entities, analyses = resolve(d1, d2, d3)
    assert entity_of(entities, analyses, "d1", "Aleksandr Korin") == entity_of(entities, analyses, "d2", "Alexander Korin")
    assert entity_of(entities, analyses, "d3", "Ruslan Korin") != entity_of(entities, analyses, "d1", "Aleksandr Korin")


def test_an_institution_written_head_first_with_of_is_the_same_institution():
    d1 = make("d1", "The Department of Justice filed charges.", [("Department of Justice", "ORG")])
    d2 = make("d2", "The Justice Department declined to comment.", [("Justice Department", "ORG")])
    d3 = make("d3", "The Ministry of the Interior and the Defence Ministry met.",
              [("Ministry of the Interior", "ORG"), ("Defence Ministry", "ORG")])
    entities, analyses = resolve(d1, d2, d3)
    assert entity_of(entities, analyses, "d1", "Department of Justice") == entity_of(entities, analyses, "d2", "Justice Department")
    assert entity_of(entities, analyses, "d3", "Ministry of the Interior") != entity_of(entities, analyses, "d3", "Defence Ministry")


def test_a_translation_in_brackets_is_an_alias_of_the_institution():
    from consilience.model import AliasEvidence

    text = "The monitors of Grazhdansky Dozor (Civic Watch) counted ballots."
    a, b = text.index("Grazhdansky"), text.index("Civic")
    d1 = make("d1", text, [("Grazhdansky Dozor", "ORG"), ("Civic Watch", "PRODUCT")])
    d1[1].aliases = [AliasEvidence(document="d1", kind="parenthetical", a_text="Grazhdansky Dozor", a_start=a,
                                   a_end=a + 17, b_text="Civic Watch", b_start=b, b_end=b + 11, start=a, end=b + 12)]
    d2 = make("d2", "Civic Watch said turnout was low.", [("Civic Watch", "ORG")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d2", "Civic Watch") == entity_of(entities, analyses, "d1", "Grazhdansky Dozor")


def test_a_currency_code_and_a_sentence_opening_common_word_are_no_names():
    found = _tagged("Turnout was low . The turnout fell . Nordby paid NOK 40 million .",
                    [(0, 1, "PERSON"), (8, 9, "ORG"), (10, 11, "ORG")])
    assert found == [("Nordby", 8)]
    found = _tagged("Rice spoke . Later Rice said rice prices rose .", [(0, 1, "PERSON"), (4, 5, "PERSON")])
    assert ("Rice", 0) in found  # tagged elsewhere, away from a sentence's start: a name


def test_a_nationality_after_the_is_cut_from_a_persons_name():
    """Invented: spaCy reads "the Karvenian Dana Whitfield" as one organisation; a nationality before a
    name the corpus tags as a person describes the person, even after "the"."""
    d1 = make("d1", "Talbot beat the Karvenian Dana Whitfield in Velmora. Karvenian fans left.",
              [("Karvenian Dana Whitfield", "ORG"), ("Talbot", "PERSON"), ("Karvenian", "NORP")])
    d2 = make("d2", "Dana Whitfield lost on Sunday.", [("Dana Whitfield", "PERSON")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d1", "Karvenian Dana Whitfield") == entity_of(entities, analyses, "d2", "Dana Whitfield")


def test_a_word_after_the_that_is_no_nationality_stays_in_the_name():
    # "Harbour" is tagged nowhere as a nationality: "the Harbour Dana Whitfield" (a boat, a ward) keeps it
    d1 = make("d1", "Talbot sailed on the Harbour Dana Whitfield in Velmora.",
              [("Harbour Dana Whitfield", "ORG"), ("Talbot", "PERSON")])
    d2 = make("d2", "Dana Whitfield lost on Sunday.", [("Dana Whitfield", "PERSON")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d1", "Harbour Dana Whitfield") != entity_of(entities, analyses, "d2", "Dana Whitfield")


def test_a_familiar_given_name_joins_the_full_name_a_document_writes_beside_it():
    """Invented: "Mo" is neither a prefix of "Maurice" nor in the nickname list; one article writes both
    names and the surname alone, so they are one person."""
    d1 = make("d1", "The club hired Maurice Varnik on Monday. Varnik said he was happy. "
                    "'I know Mo Varnik,' the owner said.",
              [("Maurice Varnik", "PERSON"), ("Varnik", "PERSON"), ("Mo Varnik", "PERSON")])
    d2 = make("d2", "Maurice Varnik was fired. Varnik left.", [("Maurice Varnik", "PERSON"), ("Varnik", "PERSON")])
    d3 = make("d3", "Mo Varnik returns. Fans of Philly and Varnik cheered.",
              [("Mo Varnik", "FAC"), ("Philly and Varnik", "ORG")])  # two names spaCy joined are no third person
    entities, analyses = resolve(d1, d2, d3)
    assert entity_of(entities, analyses, "d3", "Mo Varnik") == entity_of(entities, analyses, "d2", "Maurice Varnik")


def test_two_people_sharing_a_surname_stay_apart_without_a_familiar_form():
    # "Kim" is no familiar form of "Khloe" (its letters are not in the name); names in separate documents,
    # or beside a third person of the surname, say nothing
    d1 = make("d1", "Kim Varnik and Khloe Varnik arrived. Varnik waved.",
              [("Kim Varnik", "PERSON"), ("Khloe Varnik", "PERSON"), ("Varnik", "PERSON")])
    d2 = make("d2", "Mo Ostrander spoke. Ostrander left.", [("Mo Ostrander", "PERSON"), ("Ostrander", "PERSON")])
    d3 = make("d3", "Maurice Ostrander spoke. Ostrander left.", [("Maurice Ostrander", "PERSON"), ("Ostrander", "PERSON")])
    d4 = make("d4", "Mo Halden met Maurice Halden and Mary Halden. Halden smiled.",
              [("Mo Halden", "PERSON"), ("Maurice Halden", "PERSON"), ("Mary Halden", "PERSON"), ("Halden", "PERSON")])
    entities, analyses = resolve(d1, d2, d3, d4)
    assert entity_of(entities, analyses, "d1", "Kim Varnik") != entity_of(entities, analyses, "d1", "Khloe Varnik")
    assert entity_of(entities, analyses, "d2", "Mo Ostrander") != entity_of(entities, analyses, "d3", "Maurice Ostrander")
    assert entity_of(entities, analyses, "d4", "Mo Halden") != entity_of(entities, analyses, "d4", "Maurice Halden")


def test_a_given_name_read_as_a_place_joins_the_person_its_document_names():
    """Invented: spaCy tags the girl's given name alone as a place; the only document writing it names her."""
    d1 = make("d1", "Orla Brennick, 10, was hurt. Neighbours said Orla loved school.",
              [("Orla Brennick", "PERSON"), ("Orla", "GPE")])
    d2 = make("d2", "Orla Brennick is recovering.", [("Orla Brennick", "PERSON")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d1", "Orla") == entity_of(entities, analyses, "d2", "Orla Brennick")


def test_a_place_named_like_a_person_stays_a_place():
    # "Velmora" is written in a document that names no Velmora Quist: a place, also where she is named
    d1 = make("d1", "Velmora Quist arrived in Velmora on Monday.", [("Velmora Quist", "PERSON"), ("Velmora", "GPE")])
    d2 = make("d2", "Floods hit Velmora again.", [("Velmora", "GPE")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d1", "Velmora") != entity_of(entities, analyses, "d1", "Velmora Quist")


def _entities_of(analyses, doc_id: str, text: str) -> list:
    return [m.entity for a in analyses if a.document == doc_id for m in a.mentions if m.text == text]


def test_a_place_that_plays_stands_for_its_team_except_where_it_locates():
    """Invented: sports pages write the home town for the team ("Port Vell beat Ostrava"); the corpus shows
    the town playing (a score right after it) and one team named with it. "in Port Vell" stays the town."""
    d1 = make("d1", "The Port Vell Mariners won again. The Mariners are 10-2.",
              [("Port Vell Mariners", "ORG"), ("Mariners", "ORG")])
    d2 = make("d2", "Port Vell beat Ostrava 91-73 on Friday. Fans in Port Vell cheered.",
              [("Port Vell", "GPE"), ("Ostrava", "GPE")])
    d3 = make("d3", "Port Vell (11-2) hosts Lindale next. Floods hit Port Vell, Karvenia.", [("Port Vell", "GPE"), ("Lindale", "GPE"), ("Karvenia", "GPE")])
    entities, analyses = resolve(d1, d2, d3)
    team = entity_of(entities, analyses, "d1", "Mariners")
    first, located = _entities_of(analyses, "d2", "Port Vell")
    assert first == team and located != team
    playing, flooded = _entities_of(analyses, "d3", "Port Vell")
    assert playing == team and flooded == located


def test_a_place_named_in_a_team_that_never_plays_in_the_text_stays_a_place():
    # no score nor record anywhere: "Port Vell Mariners" may be a firm or a club; the town stays the town
    d1 = make("d1", "The Port Vell Mariners met on Monday. The Mariners agreed.",
              [("Port Vell Mariners", "ORG"), ("Mariners", "ORG")])
    d2 = make("d2", "Port Vell welcomed Ostrava on Friday.", [("Port Vell", "GPE"), ("Ostrava", "GPE")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d2", "Port Vell") != entity_of(entities, analyses, "d1", "Mariners")


def test_a_place_and_a_team_tagged_side_by_side_make_the_team_of_that_place():
    d1 = make("d1", "The third-ranked North Harbour Sea Eagles (9-1) won. The Sea Eagles lead.",
              [("North Harbour", "GPE"), ("Sea Eagles", "ORG")])
    d2 = make("d2", "North Harbour lost its first game. Rain fell in North Harbour.", [("North Harbour", "GPE")])
    entities, analyses = resolve(d1, d2)
    lost, rain = _entities_of(analyses, "d2", "North Harbour")
    assert lost == entity_of(entities, analyses, "d1", "Sea Eagles") and rain != lost


def test_a_team_keeps_its_own_name_and_type_when_its_town_stands_for_it():
    d1 = make("d1", "The Port Vell Mariners (10-2) won. The Mariners lead.", [("Port Vell Mariners", "ORG"), ("Mariners", "ORG")])
    d2 = make("d2", "Port Vell beat Ostrava. Port Vell scored late. Port Vell won again.", [("Port Vell", "GPE"), ("Ostrava", "GPE")])
    d3 = make("d3", "Rain fell in Port Vell.", [("Port Vell", "GPE")])
    entities, analyses = resolve(d1, d2, d3)
    team = next(e for e in entities if e.id == entity_of(entities, analyses, "d2", "Port Vell"))
    assert team.name == "Port Vell Mariners" and team.type == "ORG"


def test_a_nationality_standing_for_a_person_goes_to_the_one_so_described_its_document_names():
    """Invented: sports pages call a fighter by his nationality ("the Karvenian was hurt"); the corpus
    describes one fighter of that nationality and the document names him."""
    d1 = make("d1", "Talbot stopped Karvenian challenger Dana Ruiz in Velmora. Karvenian fans left. The team flew home. "
                    "Dana Ruiz was slow and Talbot never tired.",
              [("Talbot", "PERSON"), ("Dana Ruiz", "PERSON"), ("Karvenian", "NORP"), ("Velmora", "GPE")])
    d2 = make("d2", "Talbot beat Dana Ruiz. The Karvenian was hurt early and the 40-year-old Karvenian never "
                    "recovered. The Karvenian team left, recalling the Karvenian genocide.",
              [("Talbot", "PERSON"), ("Dana Ruiz", "PERSON"), ("Karvenian", "NORP")])
    entities, analyses = resolve(d1, d2)
    ruiz = entity_of(entities, analyses, "d2", "Dana Ruiz")
    hurt, recovered, team, genocide = _entities_of(analyses, "d2", "Karvenian")
    assert hurt == ruiz and recovered == ruiz  # before words the corpus writes after a person's name
    assert team != ruiz  # an adjective before a noun the corpus writes after an article ("the team")
    assert genocide != ruiz  # nor before a word no person's name is followed by
    assert next(e for e in entities if e.id == ruiz).type == "PERSON"


def test_a_nationality_stays_a_nationality_where_its_document_names_no_one_so_described():
    d1 = make("d1", "Talbot stopped Karvenian challenger Dana Ruiz in Velmora.",
              [("Talbot", "PERSON"), ("Dana Ruiz", "PERSON"), ("Karvenian", "NORP")])
    d2 = make("d2", "Talbot beat Ostrander. The Karvenian was hurt early.",
              [("Talbot", "PERSON"), ("Ostrander", "PERSON"), ("Karvenian", "NORP")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d2", "Karvenian") != entity_of(entities, analyses, "d1", "Dana Ruiz")


def test_a_surname_spacy_reads_as_a_team_is_the_players_everywhere():
    """Invented: spaCy tags the player's surname alone as an organisation in every article; one article
    writes it beside his full name, and nothing in the corpus makes it a firm's or a town's name."""
    d1 = make("d1", "Kerem Vandelost scored 20. Vandelost also had nine rebounds.",
              [("Kerem Vandelost", "PERSON"), ("Vandelost", "ORG")])
    d2 = make("d2", "Vandelost led the team again on Friday.", [("Vandelost", "ORG")])
    entities, analyses = resolve(d1, d2)
    assert entity_of(entities, analyses, "d2", "Vandelost") == entity_of(entities, analyses, "d1", "Kerem Vandelost")


def test_a_word_that_opens_a_firms_name_or_follows_in_stays_decided_per_document():
    d1 = make("d1", "Kerem Talbot founded it. Talbot said so. Talbot Motors grew.",
              [("Kerem Talbot", "PERSON"), ("Talbot Motors", "ORG"), ("Talbot", "ORG")])
    d2 = make("d2", "Talbot cut prices on Friday.", [("Talbot", "ORG")])
    d3 = make("d3", "Dana Orvik spoke. Orvik left.", [("Dana Orvik", "PERSON"), ("Orvik", "GPE")])
    d4 = make("d4", "Floods hit homes in Orvik on Friday.", [("Orvik", "GPE")])
    entities, analyses = resolve(d1, d2, d3, d4)
    assert entity_of(entities, analyses, "d2", "Talbot") != entity_of(entities, analyses, "d1", "Kerem Talbot")
    assert entity_of(entities, analyses, "d4", "Orvik") != entity_of(entities, analyses, "d3", "Dana Orvik")


def test_a_place_playing_in_a_headline_or_before_a_possessive_stands_for_its_team():
    d1 = make("d1", "The Port Vell Mariners (10-2) won. The Mariners lead.", [("Port Vell Mariners", "ORG"), ("Mariners", "ORG")])
    d2 = make("d2", "PORT VELL DEFEATS OSTRAVA 65-53\nIn the first half of Port Vell's game, fans in Port Vell cheered.",
              [("PORT VELL", "GPE"), ("Port Vell", "GPE"), ("OSTRAVA", "GPE")])
    entities, analyses = resolve(d1, d2)
    team = entity_of(entities, analyses, "d1", "Mariners")
    assert entity_of(entities, analyses, "d2", "PORT VELL") == team
    game, fans = _entities_of(analyses, "d2", "Port Vell")
    assert game == team and fans != team
