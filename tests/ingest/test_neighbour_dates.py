"""Undated documents take the date of their closest dated neighbours, marked as inferred."""
from consilience.ingest.neighbour_dates import infer_from_neighbours
from consilience.model import Document

FLOOD = ("The river Tamsel burst its banks at Orvik after three days of rain, flooding the old harbour "
         "district. Mayor Ilse Brandvold ordered the evacuation of the lower town and the ferry to Skarholm "
         "was suspended. ")
ELECTION = ("Voters in Pellmark elect a new regional assembly, with the Green Alliance leading the polls "
            "ahead of the Farmers Union. Turnout is expected to be high across the northern districts. ")


def doc(i, text, published=None, basis=None):
    return Document(id=f"d{i}", path=f"{i}.txt", text=text, published=published, published_basis=basis)


def test_undated_document_takes_its_neighbours_date():
    docs = [doc(1, FLOOD + "Rescue teams worked through the night.", "2031-05-06", "dateline"),
            doc(2, ELECTION, "2031-09-01", "metadata"),
            doc(3, FLOOD + "Early on Tuesday morning the water reached the station.")]
    infer_from_neighbours(docs)
    assert (docs[2].published, docs[2].published_basis) == ("2031-05-06", "inferred")
    assert any("d1" in note for note in docs[2].notes)


def test_of_equally_close_witnesses_the_latest_date_is_taken():
    docs = [doc(1, FLOOD + "Rescue teams worked through the night.", "2031-05-06", "dateline"),
            doc(2, FLOOD + "Rescue teams worked through the night again.", "2031-05-08T10:00", "metadata"),
            doc(3, FLOOD + "Rescue teams were praised.", None)]
    infer_from_neighbours(docs)
    assert docs[2].published == "2031-05-08"


def test_coarse_date_is_refined_only_within_itself():
    inside = doc(3, FLOOD + "Copyright line said 2031.", "2031", "inferred")
    outside = doc(4, FLOOD + "Copyright line said 2030.", "2030", "inferred")
    docs = [doc(1, FLOOD, "2031-05-06", "dateline"), inside, outside]
    infer_from_neighbours(docs)
    assert inside.published == "2031-05-06"
    assert outside.published == "2030"  # the neighbour's date contradicts the document's own year


def test_no_date_is_lent_across_unrelated_stories_or_before_named_years():
    unrelated = doc(3, ELECTION)
    later = doc(4, FLOOD + "The 2033 flood plan was cited.")
    docs = [doc(1, FLOOD, "2031-05-06", "dateline"), unrelated, later]
    infer_from_neighbours(docs)
    assert unrelated.published is None
    assert later.published is None


def test_inferred_dates_are_not_witnesses_for_others():
    docs = [doc(1, FLOOD, "2031-05-06", "inferred"), doc(2, FLOOD + "More rain.")]
    infer_from_neighbours(docs)
    assert docs[1].published is None


def test_a_neighbours_date_gives_way_to_a_later_day_the_text_reports_as_past():
    docs = [doc(1, FLOOD + "Rescue teams worked through the night.", "2031-05-06", "dateline"),
            doc(2, FLOOD + "The inquiry found on Monday, May 12, that the barrier had not been maintained.")]
    infer_from_neighbours(docs)
    assert (docs[1].published, docs[1].published_basis) == ("2031-05-12", "inferred")
    assert any("reports as past" in note for note in docs[1].notes)


def test_a_day_the_text_looks_ahead_to_does_not_move_the_date():
    docs = [doc(1, FLOOD + "Rescue teams worked through the night.", "2031-05-06", "dateline"),
            doc(2, FLOOD + "The inquiry will report on Monday, May 12, on the state of the barrier."),
            doc(3, FLOOD + "Repairs are due to be finished by May 30, officials said.")]
    infer_from_neighbours(docs)
    assert docs[1].published == "2031-05-06" and docs[2].published == "2031-05-06"
