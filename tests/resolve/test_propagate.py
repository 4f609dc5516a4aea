"""Names the corpus tags in other documents are found where spaCy missed them (invented texts, real pipeline)."""
from __future__ import annotations

from consilience.model import DocAnalysis, Document, Mention
from consilience.resolve.propagate import propagate_names as _propagate_names
from consilience.store import Analyses


def _doc(i: int, text: str) -> Document:
    return Document(id=f"d{i}", path=f"d{i}.txt", text=text)


def _tagged(doc: Document, *names_labels: tuple[str, str]) -> DocAnalysis:
    mentions = []
    for name, label in names_labels:
        start = doc.text.index(name)
        mentions.append(Mention(id=f"{doc.id}:m{len(mentions)}", document=doc.id, start=start,
                                end=start + len(name), text=name, label=label))
    return DocAnalysis(document=doc.id, mentions=mentions)


def propagate_names(documents, records):
    return _propagate_names(documents, Analyses.from_records(records))


DOCS = [
    _doc(1, "Orbis Navigator users were told to update, Kestrel Systems said on Monday."),
    _doc(2, "Kestrel Systems shipped a fix for Orbis Navigator late on Tuesday."),
    _doc(3, "Hackers could hijack Orbis Navigator browsers, the company warned. The Kestrel Systems Foundation "
            "gave no comment. Police said the navigator fleet was safe."),
]


def test_a_name_two_documents_tag_is_found_where_a_third_left_it_untagged():
    analyses = [_tagged(DOCS[0], ("Orbis Navigator", "PRODUCT"), ("Kestrel Systems", "ORG")),
                _tagged(DOCS[1], ("Kestrel Systems", "ORG"), ("Orbis Navigator", "PRODUCT")),
                DocAnalysis(document="d3")]
    added = propagate_names(DOCS, analyses)
    found = {(m.text, m.label) for m in added.get("d3", [])}
    assert ("Orbis Navigator", "PRODUCT") in found
    # inside a longer capitalised run it is a different name, and a common word is never propagated
    assert not any(m.text == "Kestrel Systems" for m in added.get("d3", []))
    new = added["d3"][0]
    assert DOCS[2].text[new.start:new.end] == new.text and new.id == "d3:m0"


def test_a_name_one_document_tags_is_not_spread_and_tagged_places_are_left_alone():
    analyses = [_tagged(DOCS[0], ("Orbis Navigator", "PRODUCT")), DocAnalysis(document="d2"),
                DocAnalysis(document="d3")]
    assert propagate_names(DOCS, analyses) == {}
    # every occurrence already tagged: nothing to add
    both = [_tagged(DOCS[0], ("Orbis Navigator", "PRODUCT")), _tagged(DOCS[1], ("Orbis Navigator", "PRODUCT"))]
    assert propagate_names(DOCS[:2], both) == {}


def test_a_one_word_name_the_corpus_also_writes_in_lower_case_is_not_spread():
    docs = [_doc(1, "Navigator said it would appeal."), _doc(2, "Navigator lost the case."),
            _doc(3, "The navigator of the ship said so. Navigator shares fell.")]
    analyses = [_tagged(docs[0], ("Navigator", "ORG")), _tagged(docs[1], ("Navigator", "ORG")),
                DocAnalysis(document="d3")]
    assert propagate_names(docs, analyses) == {}


def test_added_mentions_are_stored_and_read_with_their_documents_mentions():
    analyses = Analyses.from_records([_tagged(DOCS[0], ("Orbis Navigator", "PRODUCT")),
                                      _tagged(DOCS[1], ("Orbis Navigator", "PRODUCT")), DocAnalysis(document="d3")])
    added = _propagate_names(DOCS, analyses)
    analyses.add_mentions(added)
    assert [[m.text for m in a.mentions] for a in analyses.view("mentions")] == [
        ["Orbis Navigator"], ["Orbis Navigator"], ["Orbis Navigator"]]
    assert _propagate_names(DOCS, analyses) == {}  # found once: every occurrence is now a mention


def test_in_a_title_case_headline_and_after_a_sentence_opening_article_the_name_is_found():
    docs = [_doc(1, "The Velmora Colts beat the Hawks, the league said."),
            _doc(2, "Fans cheered the Velmora Colts on Sunday."),
            _doc(3, "Velmora Colts Clinch Playoff Berth With Late Win\nThe Velmora Colts scored twice late on.")]
    analyses = [_tagged(docs[0], ("Velmora Colts", "ORG")), _tagged(docs[1], ("Velmora Colts", "ORG")),
                DocAnalysis(document="d3")]
    starts = sorted(m.start for m in propagate_names(docs, analyses)["d3"])
    assert starts == [0, docs[2].text.index("Velmora Colts scored")]


def test_an_untagged_proper_noun_three_documents_write_is_found_in_a_fourth():
    """Invented: spaCy never tags "Orbis Navigator"; phase 1 found it as an untagged proper noun (MISC) in
    three documents, so a fourth that left it unmarked gets it too; two documents are not enough, nor is
    a one-word untagged name."""
    docs = DOCS + [_doc(4, "Orbis Navigator users, update now. Tessaly fixed it. Tessaly is fast.")]
    misc = [_tagged(DOCS[0], ("Orbis Navigator", "MISC"), ("Kestrel Systems", "ORG")),
            _tagged(DOCS[1], ("Orbis Navigator", "MISC")),
            _tagged(DOCS[2], ("Orbis Navigator", "MISC")),
            _tagged(docs[3], ("Tessaly", "MISC"))]
    for a in misc[1:3]:
        a.mentions.append(Mention(id=f"{a.document}:m9", document=a.document, start=0, end=0, text="Tessaly",
                                  label="MISC"))
    added = propagate_names(docs, misc[:3] + [DocAnalysis(document="d4")])
    assert {(m.text, m.label) for m in added.get("d4", [])} == {("Orbis Navigator", "MISC")}
    added = propagate_names(docs, misc[:2] + [DocAnalysis(document="d3"), DocAnalysis(document="d4")])
    assert not any(m.text == "Orbis Navigator" for ms in added.values() for m in ms)


def test_a_name_is_found_written_in_capitals_in_a_headline_of_capitals():
    """Invented: a headline in capitals writes "KESTREL SYSTEMS"; the name two documents tag is found there,
    but not a capitalised common word, nor the name in capitals inside an ordinary line."""
    docs = DOCS[:2] + [_doc(3, "KESTREL SYSTEMS FIXES ORBIS BUG\nThe ORBIS team at KESTREL SYSTEMS said so.")]
    analyses = [_tagged(DOCS[0], ("Kestrel Systems", "ORG")), _tagged(DOCS[1], ("Kestrel Systems", "ORG")),
                DocAnalysis(document="d3")]
    added = propagate_names(docs, analyses)
    assert [(m.text, m.start) for m in added["d3"]] == [("KESTREL SYSTEMS", 0)]


def test_a_word_written_in_capitals_once_is_still_a_word_and_not_an_acronym():
    from test_resolve_entities import make, resolve, entity_of

    d1 = make("d1", "PORT VELL MARINERS WIN\nThe Port Vell Mariners beat Ostrava.", [("Port Vell Mariners", "ORG")])
    d2 = make("d2", "MARINERS ROUT OSTRAVA\nThe Mariners won. The Mariners lead.", [("MARINERS", "ORG"), ("Mariners", "ORG"),
                                                                                  ("Port Vell", "GPE")])
    d3 = make("d3", "Fans in Port Vell cheered.", [("Port Vell", "GPE")])
    entities, analyses = resolve(d1, d2, d3)
    assert entity_of(entities, analyses, "d2", "MARINERS") == entity_of(entities, analyses, "d1", "Port Vell Mariners")
