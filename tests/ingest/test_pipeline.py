"""The whole ingestion stage on invented inputs: ids, metadata, outlet boilerplate, the extract command."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from consilience.ingest import ingest, iter_documents
from consilience.model import Document
from consilience.settings import Settings

PARAS = [
    "The river authority of Tessaly said on Monday that the flood barrier held through the night.",
    "Engineers from the regional works department inspected the gates at dawn and found no damage.",
    "“We were lucky this time,” said Mara Velenko, who heads the authority’s emergency team.",
    "The council will meet on Thursday to decide whether to raise the barrier before winter.",
]


def story(n: int) -> str:
    """A distinct invented article body (numbers change so that no two are near-copies)."""
    return "\n\n".join(f"{p[:-1]}, report {n}: gate {n * 3} and pump {n * 11} were checked {n + 2} times."
                       for p in PARAS)


def write_corpus(root: Path, n: int = 3) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"{i:02d}.txt").write_text(f"Barrier report {i}\n\n{story(i)}\n\nSource » Tessaly Courier\n")


def test_ids_are_stable_across_runs_supersets_and_machines(tmp_path):
    write_corpus(tmp_path / "a")
    first, _ = ingest([str(tmp_path / "a")], Settings())
    again, _ = ingest([str(tmp_path / "a")], Settings())
    assert [d.id for d in first] == [d.id for d in again]
    shutil.copytree(tmp_path / "a", tmp_path / "elsewhere" / "copy")
    (tmp_path / "elsewhere" / "copy" / "99.txt").write_text(story(99))
    moved, _ = ingest([str(tmp_path / "elsewhere")], Settings())
    assert {d.id for d in first} < {d.id for d in moved}


def test_identical_files_in_two_folders_get_distinct_ids_and_one_is_a_duplicate(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(story(1))
    docs, _ = ingest([str(tmp_path)], Settings())
    assert len({d.id for d in docs}) == 2
    assert docs[1].duplicate_of == docs[0].id


def test_jsonl_fields_are_used(tmp_path):
    row = {"text": story(4), "url": "https://www.tessaly-courier.example/a", "outlet": "Tessaly Courier",
           "published": "2023-03-14T08:45:00+01:00", "title": "Barrier holds"}
    (tmp_path / "feed.jsonl").write_text(json.dumps(row) + "\n")
    [doc] = [d for d in iter_documents([str(tmp_path)], Settings())]
    assert isinstance(doc, Document)
    assert (doc.outlet, doc.outlet_basis, doc.published, doc.published_basis, doc.title, doc.url) == (
        "Tessaly Courier", "input", "2023-03-14T08:45", "metadata", "Barrier holds", row["url"])
    assert doc.path.endswith("feed.jsonl#1")


def test_html_metadata(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in story(5).split("\n\n"))
    (tmp_path / "page.html").write_text(
        "<html><head><title>Barrier holds | Tessaly Courier</title>"
        '<meta property="og:site_name" content="Tessaly Courier">'
        '<meta property="article:published_time" content="2023-03-14T08:45:00+01:00">'
        '<link rel="canonical" href="https://www.tessaly-courier.example/barrier">'
        f"</head><body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav><article><h1>Barrier holds</h1>"
        f"{body}</article><footer>© 2023 Tessaly Courier | About us | Contact</footer></body></html>")
    [doc] = list(iter_documents([str(tmp_path)], Settings()))
    assert doc.outlet == "Tessaly Courier" and doc.outlet_basis == "metadata"
    assert doc.published.startswith("2023-03-14") and doc.published_basis == "metadata"
    assert doc.title and "Barrier holds" in doc.title
    assert doc.language == "en"
    for para in story(5).split("\n\n"):
        assert para in doc.text
    assert "About us" not in doc.text and "Home" not in doc.text


def test_html_date_after_the_machine_clock_is_kept(tmp_path):
    """An archive may be dated after the clock of the machine that reads it: the page's own date still stands."""
    body = "".join(f"<p>{p}</p>" for p in story(6).split("\n\n"))
    (tmp_path / "later.html").write_text(
        "<html><head><title>Barrier holds</title>"
        '<meta property="article:published_time" content="2098-06-11T07:15:00+01:00">'
        f"</head><body><article><h1>Barrier holds</h1>{body}</article></body></html>")
    [doc] = list(iter_documents([str(tmp_path)], Settings()))
    assert (doc.published, doc.published_basis) == ("2098-06-11T07:15", "metadata")


def test_lines_repeated_across_an_outlets_pages_are_learnt(tmp_path):
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(f"{story(i)}\n\nThe Courier is the river's own newspaper, read in every town.\n\n"
                                           "Source » Tessaly Courier\n")
    (tmp_path / "other.txt").write_text(f"{story(9)}\n\nThe Courier is the river's own newspaper, read in every town.\n")
    docs, _ = ingest([str(tmp_path)], Settings())
    courier = [d for d in docs if d.outlet == "Tessaly Courier"]
    assert len(courier) == 4
    for d in courier:
        assert "own newspaper" not in d.text
        assert any(r.reason.startswith("line repeated on 4 pages") for r in d.removed)
    [other] = [d for d in docs if d.outlet != "Tessaly Courier"]
    assert "own newspaper" in other.text  # another outlet (none here): not learnt from the courier's pages


def test_progress_is_advanced(tmp_path):
    write_corpus(tmp_path, 3)

    class Counter:
        n = 0

        def advance(self, k=1):
            self.n += k

        def total(self, k):
            pass

    progress = Counter()
    ingest([str(tmp_path)], Settings(), progress=progress)
    assert progress.n == 3


@pytest.mark.timeout(120)
def test_extract_command_end_to_end(tmp_path):
    write_corpus(tmp_path / "in", 2)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    run = subprocess.run([sys.executable, "-m", "consilience", "extract", str(tmp_path / "in"), "--jsonl"],
                         capture_output=True, text=True, timeout=110)
    assert run.returncode == 0, run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(rows) == 2
    assert {"id", "path", "title", "outlet", "published", "published_basis", "text", "removed"} <= set(rows[0])
    assert rows[0]["outlet"] == "Tessaly Courier" and rows[0]["removed"][0]["reason"] == "source line"
    assert "empty.txt" in run.stderr
    nothing = subprocess.run([sys.executable, "-m", "consilience", "extract", str(tmp_path / "in" / "empty.txt")],
                             capture_output=True, text=True, timeout=110)
    assert nothing.returncode == 2


@pytest.mark.timeout(120)
def test_many_files_in_a_process_pool_give_the_same_result_as_one_process(tmp_path):
    write_corpus(tmp_path, 40)
    (tmp_path / "zz_empty.txt").write_bytes(b"")
    pooled, skipped_pooled = ingest([str(tmp_path)], Settings(workers=2))
    alone, skipped_alone = ingest([str(tmp_path)], Settings(workers=1))
    assert [(d.id, d.text, d.published, d.outlet) for d in pooled] == [(d.id, d.text, d.published, d.outlet)
                                                                       for d in alone]
    assert len(pooled) == 40 and skipped_pooled == skipped_alone and len(skipped_alone) == 1


def test_short_lines_repeated_across_the_corpus_are_boilerplate_but_shared_quotes_stay(tmp_path):
    """Invented: three outlets' scrapes share a widget label no rule knows, and quote the same sentence."""
    from consilience.ingest import ingest
    from consilience.settings import Settings

    quote = "\u201cThe bridge will reopen before the winter,\u201d the minister said on Monday."
    bodies = [
        "The old rail bridge over the Varn river was closed to traffic after inspectors found cracks in two piers.",
        "Engineers began shoring up the cracked piers of the Varn bridge with steel collars this week.",
        "Commuters face a forty-minute detour while the Varn crossing stays shut, the transport office said.",
    ]
    for i, body in enumerate(bodies):
        (tmp_path / f"{i}.txt").write_text(f"Listen to this story 3 min\n\nHeadline number {i} here\n\n{body}\n\n"
                                           f"{quote}\n\nMore work is planned for the spring, officials added.",
                                           encoding="utf-8")
    docs, _ = ingest([str(tmp_path)], Settings(workers=1))
    assert len(docs) == 3
    for doc in docs:
        assert "Listen to this story" not in doc.text
        assert quote in doc.text
        assert any(r.reason.startswith("line repeated on 3 pages of the corpus") for r in doc.removed)


def test_a_syndicated_wire_story_keeps_the_sites_name_and_credits_the_wire(tmp_path):
    """The wire's notice printed with the story names where it came from; the site's masthead and footer name the
    outlet."""
    (tmp_path / "copy.txt").write_text("\n\n".join([
        "Orvik Coast Daily\nHOME  NEWS  WORLD  BUSINESS", "Flood barrier holds in Tessaly", story(7), "(c) 2029 LNA",
        "Orvik Coast Daily | 12 Harbour Road | Advertise with us | Privacy Policy",
        "All content copyright 2029 Orvik Coast Daily Media LLC"]))
    [doc] = list(iter_documents([str(tmp_path)], Settings()))
    assert (doc.outlet, doc.outlet_basis) == ("Orvik Coast Daily", "masthead")
    assert any(n.startswith("source: the text comes from LNA") for n in doc.notes)
