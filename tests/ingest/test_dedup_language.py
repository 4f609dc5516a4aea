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


def test_a_copy_dated_to_the_day_is_not_earlier_than_its_timed_original():
    """Invented: the agency's own story is timed 09:15, a paper's copy of it is dated to the day only and prints
    the agency's name on a line of its own (a credit the cleaner removed): the paper's is the copy, though its
    date string sorts first and it comes first in the input."""
    from consilience.model import Removed

    paper = Document(id="d1", path="1.txt", text=STORY, published="2023-03-14", outlet="The Harbour Gazette",
                     removed=[Removed(text="Tessaly Press Agency", reason="outside the article text")])
    agency = Document(id="d2", path="2.txt", text=STORY, published="2023-03-14T09:15", outlet="Tessaly Press Agency")
    mark_duplicates([paper, agency], 0.8)
    assert (paper.duplicate_of, agency.duplicate_of) == ("d2", None)


def test_a_credit_kept_in_the_body_also_marks_the_copy():
    """The agency's name left as the first line of the paper's body (the cleaner kept it) is the same credit;
    a line naming the paper's own outlet is not."""
    paper = Document(id="d1", path="1.txt", text="Tessaly Press Agency\n\n" + STORY, published="2023-03-14",
                     outlet="The Harbour Gazette")
    agency = Document(id="d2", path="2.txt", text=STORY, published="2023-03-14T09:15", outlet="Tessaly Press Agency")
    mark_duplicates([paper, agency], 0.8)
    assert (paper.duplicate_of, agency.duplicate_of) == ("d2", None)
    own = Document(id="d1", path="1.txt", text="The Harbour Gazette\n\n" + STORY, published="2023-03-14",
                   outlet="The Harbour Gazette")
    other = Document(id="d2", path="2.txt", text=STORY, published="2023-03-14T09:15", outlet="Tessaly Press Agency")
    mark_duplicates([own, other], 0.8)
    assert (own.duplicate_of, other.duplicate_of) == (None, "d1")


def test_without_a_credit_the_day_and_the_time_keep_their_order():
    """No credit line: among copies of one day, the earlier time (or the day alone, then input order) stays first."""
    a = Document(id="d1", path="1.txt", text=STORY, published="2023-03-14T11:00", outlet="A")
    b = Document(id="d2", path="2.txt", text=STORY, published="2023-03-14T09:15", outlet="B")
    c = Document(id="d3", path="3.txt", text=STORY, published="2023-03-13", outlet="C")
    mark_duplicates([a, b, c], 0.8)
    assert [d.duplicate_of for d in (a, b, c)] == ["d3", "d3", None]


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


WIRE = [
    "ORVIK, Sep 3 (Baltra Press Agency) - Ferry operator Nordlys Lines suspended all crossings to the island of "
    "Skarra on Tuesday after one of its vessels struck a submerged rock in thick fog, the company said.",
    "None of the 212 passengers aboard the Skarra Star was hurt, and the ship returned to port under its own "
    "power with a cracked hull plate below the waterline, according to the harbour master.",
    "The coastguard said it had opened an inquiry into why the vessel had left the marked channel, and divers "
    "were expected to inspect the hull later in the week.",
    "Islanders rely on the ferry for food, fuel and medical supplies, and the regional council said it would "
    "charter a smaller boat to keep the pharmacy and the school supplied until the service resumes.",
    "Nordlys Lines, which runs four ships on the route, said a replacement vessel could sail from Friday if "
    "the maritime authority approved its certificate in time.",
    "It was the second grounding on the route in three years; in 2021 a cargo ship ran aground near the same "
    "reef and leaked diesel for two days before the tank was sealed.",
]


def test_syndicated_copy_with_its_own_header_footer_and_one_changed_sentence(tmp_path):
    """Invented: a wire story and a regional paper's copy with other debris and one sentence rewritten."""
    from consilience.ingest import ingest
    from consilience.settings import Settings

    original = "\n".join(["BALTRA PRESS AGENCY | World | Tuesday, September 3, 2024 10:15 AM", "",
                          "Fog grounding halts Skarra ferry", "", *[p + "\n" for p in WIRE],
                          "Reporting by the Orvik bureau; Editing by the world desk", "Share this article",
                          "© 2024 Baltra Press Agency. All rights reserved."])
    changed = list(WIRE)
    changed[3] = ("The island's mayor told this newspaper that shops had bread for three days and that the "
                  "clinic's oxygen would be flown in by helicopter if needed.")
    copy = "\n".join(["Home > Region > Coast", "Published: September 4, 2024", "",
                      "Skarra cut off after ferry strikes rock in fog", "", *[p + "\n" for p in changed],
                      "This article first appeared on Baltra Press Agency and is republished under licence.",
                      "Sign up for our morning newsletter", "Most read",
                      "Copyright 2024 The Coastal Courier. All rights reserved."])
    (tmp_path / "a_wire.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b_courier.txt").write_text(copy, encoding="utf-8")
    docs, skipped = ingest([str(tmp_path)], Settings(workers=1))
    assert not skipped
    by_name = {d.path.rsplit("/", 1)[-1]: d for d in docs}
    wire, courier = by_name["a_wire.txt"], by_name["b_courier.txt"]
    assert courier.duplicate_of == wire.id and wire.duplicate_of is None
    assert (wire.outlet, wire.outlet_basis) == ("Baltra Press Agency", "masthead")
    assert wire.published == "2024-09-03T10:15" and wire.published_basis == "metadata"
    assert (courier.outlet, courier.outlet_basis) == ("The Coastal Courier", "copyright")
    assert any("comes from Baltra Press Agency" in note for note in courier.notes)  # the agency is its source
    assert courier.published == "2024-09-04"
    assert "Share this article" not in wire.text and "Most read" not in courier.text
    assert changed[3] in courier.text and WIRE[1] in wire.text


def test_a_brief_quoting_one_paragraph_is_not_a_copy():
    long_report = " ".join(WIRE)
    brief = WIRE[1] + " More details were not immediately available."
    docs = [doc(1, long_report, "2024-09-03"), doc(2, brief, "2024-09-04")]
    mark_duplicates(docs, 0.8)
    assert [d.duplicate_of for d in docs] == [None, None]
