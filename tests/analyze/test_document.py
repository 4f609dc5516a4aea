"""Phase 1 plumbing: one model per process, streaming batches, exact offsets through chunking, bad input."""
from __future__ import annotations

import pytest

from consilience.analyze.document import analyze_batch, analyze_documents
from consilience.analyze.nlp import chunk_text, load_model
from consilience.model import Document
from consilience.settings import Settings

STORY = (
    "The Harbour Authority of Veloria (HAV) said on Monday that 40 cranes were idle.\n\n"
    "Its director, Amina Castell, told reporters that the strike would end soon. "
    "\u201cWe expect the ships back by Friday,\u201d she said.\n\n"
)


def _doc(i: int, text: str, **kw) -> Document:
    return Document(id=f"d{i}", path=f"d{i}.txt", text=text, **kw)


def test_model_is_loaded_once_per_process():
    assert load_model(None) is load_model(None)
    assert "parser" in load_model(None).pipe_names and "ner" in load_model(None).pipe_names


@pytest.mark.parametrize("size", [50, 120, 400])
def test_chunks_concatenate_to_the_text_and_respect_the_limit(size):
    text = STORY * 6
    pieces = chunk_text(text, size)
    assert "".join(pieces) == text
    assert all(len(p) <= size for p in pieces)
    assert len(pieces) > 1


def test_chunks_prefer_paragraph_breaks():
    pieces = chunk_text(STORY * 3, 200)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_chunked_document_keeps_exact_offsets():
    text = STORY * 5
    settings = Settings(max_chunk_chars=180, batch_size=4)
    [analysis] = analyze_batch([_doc(0, text)], settings)
    [whole] = analyze_batch([_doc(0, text)], Settings())
    for record in analysis.mentions + analysis.quantities + analysis.quotes:
        assert text[record.start:record.end] == record.text
    for sentence in analysis.sentences:
        assert text[sentence.start:sentence.end].strip()
    assert len(analysis.mentions) >= len(whole.mentions) * 0.8
    assert [q.value for q in analysis.quantities] == [40.0] * 5


def test_mention_ids_are_unique_and_keep_spacy_labels():
    [analysis] = analyze_batch([_doc(0, STORY)], Settings())
    ids = [m.id for m in analysis.mentions]
    assert len(ids) == len(set(ids)) and all(i.startswith("d0:m") for i in ids)
    assert {"PERSON", "ORG"} <= {m.label for m in analysis.mentions}


def test_analyze_documents_streams_one_batch_at_a_time():
    pulled = []

    def documents():
        for i in range(10):
            pulled.append(i)
            yield _doc(i, STORY)

    stream = analyze_documents(documents(), Settings(batch_size=3))
    first = next(stream)
    assert first.document == "d0"
    assert len(pulled) == 3  # only the first batch was read
    rest = list(stream)
    assert [a.document for a in rest] == [f"d{i}" for i in range(1, 10)]


def test_bad_input_never_loses_a_document():
    docs = [
        _doc(0, "Le gouvernement a annonc\u00e9 la fin de la gr\u00e8ve.", language="fr"),
        _doc(1, "   \n\n  "),
        _doc(2, "12 34 56 2020-01-01 1999 3.5 % 10:30 7/8/2021 \u00a7 ### 1,000,000 2011 2012 2013 " * 40),
        _doc(3, "!!!"),
        _doc(4, STORY),
    ]
    out = list(analyze_documents(docs, Settings(batch_size=2, max_chunk_chars=500)))
    assert [a.document for a in out] == [d.id for d in docs]
    assert "language 'fr'" in out[0].skipped_reason
    assert out[1].skipped_reason == "empty text"
    assert out[2].skipped_reason is None and out[2].sentences
    for analysis, document in zip(out, docs):
        for record in analysis.mentions + analysis.quantities:
            assert document.text[record.start:record.end] == record.text


def test_a_missing_named_model_is_a_clear_error():
    from consilience.analyze.nlp import ModelNotFound

    with pytest.raises(ModelNotFound):
        load_model("no_such_model_installed_here")


def test_a_capitalised_word_opening_a_bulleted_line_is_not_an_untagged_name():
    """Invented: list items start with a capital whatever the word; only a capital inside a line marks a name."""
    from consilience.analyze.spans import _opens_line

    text = "His record:\n• Draining the northern marshes in 1998\n• Building the Varn dam"
    assert _opens_line(text, text.index("Draining")) and _opens_line(text, text.index("Building"))
    assert not _opens_line(text, text.index("Varn"))
    analysis = analyze_batch([_doc(1, text)], Settings(workers=1))[0]
    assert not any(m.text in ("Draining", "Building") for m in analysis.mentions)


def test_a_document_whose_names_are_all_in_a_title_case_headline_is_analysed():
    """Invented: only the headline holds names; splitting headline names needs names from elsewhere."""
    text = "Norvell Harbour Board Approves New Ferry Terminal For Orvik\n\nwork starts soon, officials say."
    analysis = analyze_batch([_doc(1, text)], Settings(workers=1))[0]
    assert analysis.skipped_reason is None


def test_the_head_of_an_of_phrase_name_is_not_a_name_of_its_own():
    """Invented: "Sons" heads "Sons of the Varn Legion"; it must not become a separate untagged name that
    would stop resolution from growing the Legion's mention into the whole name."""
    text = "Fighters of the Sons of the Varn Legion crossed the river at dawn, the army said."
    analysis = analyze_batch([_doc(1, text)], Settings(workers=1))[0]
    assert not any(m.text == "Sons" for m in analysis.mentions)


def test_a_name_after_a_sentence_opening_article_is_tagged_again():
    """Invented: "The" opens the sentence, so its capital says nothing; the "Colts" after it is the team
    tagged earlier in the document, not part of a longer name."""
    text = ("The Velmora Colts beat the Harlow Hawks 20-13 on Sunday, the league said.\n"
            "The Colts scored first and never trailed.")
    analysis = analyze_batch([_doc(1, text)], Settings(workers=1))[0]
    second = text.index("Colts scored")
    assert any(m.start == second and m.text == "Colts" for m in analysis.mentions)
    assert not any(m.text.startswith("The Colts") for m in analysis.mentions)


def test_a_product_name_whose_first_word_is_also_a_common_word_is_still_a_name():
    """Invented: "harbour" is also written as a common word, but the head "Navigator" never is, so
    "Harbour Navigator" inside a sentence is a name; the lone common word is not."""
    text = ("The flaw lets hackers hijack Harbour Navigator browsers, the company said on Tuesday.\n"
            "The harbour office was closed for the day.")
    analysis = analyze_batch([_doc(1, text)], Settings(workers=1))[0]
    pos = text.index("Harbour Navigator")
    assert any(m.start <= pos and m.end >= pos + len("Harbour Navigator") and "Navigator" in m.text
               for m in analysis.mentions)
    assert not any(m.text.lower() == "harbour" for m in analysis.mentions)


def test_a_name_in_a_title_case_headline_is_tagged_as_the_body_tags_it():
    """Invented: in the headline every word is capitalised, so "Checks" after the name says nothing; the
    name the body tags is tagged in the headline too, without the headline's common words."""
    text = ("Dana Whitfield Checks Into Harbour Clinic After Trial\n"
            "Former mayor Dana Whitfield entered a clinic on Tuesday, her lawyer said.")
    analysis = analyze_batch([_doc(1, text)], Settings(workers=1))[0]
    assert any(m.start == 0 and m.text == "Dana Whitfield" for m in analysis.mentions)


def test_a_blank_line_ends_a_sentence(nlp):
    """A credit or a headline above a blank line is not run into the paragraph under it; a single line break
    inside a paragraph and an ordinary sentence end are left to the parser."""
    text = ("Norland Press Agency\n\nFour divers were rescued off Kelso on Friday, the coastguard said.\n"
            "Two boats took part.\n\nHarbour reopens after storm")
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents == ["Norland Press Agency", "Four divers were rescued off Kelso on Friday, the coastguard said.",
                     "Two boats took part.", "Harbour reopens after storm"]
    wrapped = nlp("The coastguard said four divers were rescued off\nKelso on Friday.")
    assert len(list(wrapped.sents)) == 1
