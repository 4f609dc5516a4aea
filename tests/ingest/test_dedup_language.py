"""Duplicates point to the earliest copy; language is identified and non-English kept."""
from __future__ import annotations

from consilience.ingest.dedup import content_hash, mark_duplicates
from consilience.ingest.language import identify
from consilience.model import Document

STORY = ("The river authority of Tessaly said on Monday that the flood barrier held through the night, "
         "sparing the lower town for the first time in a decade. Engineers from the regional works department "
         "inspected the gates at dawn and found no damage to the hinges or the concrete sills. The authority's "
         "emergency chief, Mara Velenko, said the pumps had run for eleven hours without a fault. Residents who "
         "had moved their cars to the hill returned in the afternoon, and the market reopened at four o'clock. "
         "The council will meet on Thursday to decide whether to raise the barrier by another metre before winter.")


def doc(i, text, published=None):
    return Document(id=f"d{i}", path=f"{i}.txt", text=text, published=published)


def test_exact_and_near_copies_point_to_the_earliest():
    near = STORY.replace("eleven hours", "twelve hours")  # a syndicated copy with one figure changed
    other = "A completely different story about a football match in the capital, won by the home side. " * 5
    docs = [doc(1, near, "2023-03-15"), doc(2, STORY, "2023-03-14"), doc(3, STORY.upper(), "2023-03-16"),
            doc(4, other, "2023-03-14"), doc(5, STORY, None)]
    mark_duplicates(docs, 0.8)
    assert [d.duplicate_of for d in docs] == ["d2", None, "d2", None, "d2"]


def test_same_date_falls_back_to_input_order():
    docs = [doc(1, STORY, "2023-03-14"), doc(2, STORY, "2023-03-14")]
    mark_duplicates(docs, 0.8)
    assert [d.duplicate_of for d in docs] == [None, "d1"]


def test_content_hash_ignores_case_spacing_and_punctuation():
    assert content_hash("The  barrier held.") == content_hash("the barrier held")
    assert content_hash("The barrier held.") != content_hash("The barrier broke.")


def test_many_documents_are_handled_without_pairwise_blowup():
    docs = [doc(i, f"Unique report number {i} about topic {i * 7} " * 20) for i in range(300)]
    docs.append(doc(300, docs[17].text))
    mark_duplicates(docs, 0.8)
    assert [d.id for d in docs if d.duplicate_of] == ["d300"] and docs[-1].duplicate_of == "d17"


def test_language():
    assert identify(STORY) == "en"
    assert identify("Le conseil municipal se réunira jeudi pour décider s'il faut rehausser la digue avant "
                    "l'hiver, a déclaré la maire.") == "fr"
    assert identify("Der Stadtrat wird am Donnerstag entscheiden, ob der Damm vor dem Winter erhöht wird.") == "de"
    assert identify("12 34") is None
