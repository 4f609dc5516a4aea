"""Readers and bad input: every bad file becomes a Skipped with a reason, and the run goes on."""
from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from consilience.ingest import ingest
from consilience.ingest.readers import read_all, walk
from consilience.model import RawInput, Skipped
from consilience.settings import Settings

BODY = ("The harbour authority of Palmsby said on Tuesday that the new pier would open in May. "
        "Engineers had tested the pilings for three weeks before the council approved the plan. ") * 4


def html_page(title: str, body: str = BODY) -> str:
    return (f"<html><head><title>{title}</title></head><body><nav>Home | News</nav>"
            f"<article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>")


def read(paths, **settings) -> list:
    return list(read_all([str(p) for p in paths], Settings(**settings)))


def only(items, kind):
    return [i for i in items if isinstance(i, kind)]


def test_txt_and_html_and_gzipped_html_are_read(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.html").write_text(html_page("Pier opens"))
    (tmp_path / "c.htm.gz").write_bytes(gzip.compress(html_page("Pier opens again").encode()))
    items = read([tmp_path])
    assert [type(i).__name__ for i in items] == ["RawInput"] * 3
    assert [i.kind for i in items] == ["txt", "html", "html"]
    assert "<article>" in items[2].content


def test_directories_are_walked_recursively_in_sorted_order(tmp_path):
    for name in ("z/b.txt", "a.txt", "z/a.txt", "m/deep/x.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(BODY)
    paths = [Path(p).relative_to(tmp_path).as_posix() for p in walk([str(tmp_path)])]
    assert paths == ["a.txt", "m/deep/x.txt", "z/a.txt", "z/b.txt"]


def test_jsonl_lines_become_articles_and_bad_lines_are_skipped(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": BODY, "url": "https://www.palmsby-news.example/pier", "outlet": "Palmsby News",
                    "published": "2024-05-02T09:15:00+01:00", "title": "Pier"}),
        "{not json",
        json.dumps({"title": "no body"}),
        "",
        json.dumps({"html": html_page("Pier, html")}),
        json.dumps(["a", "list"]),
    ]
    path.write_text("\n".join(lines))
    items = read([path])
    raws, skipped = only(items, RawInput), only(items, Skipped)
    assert [r.path for r in raws] == [f"{path}#1", f"{path}#5"]
    assert raws[0].kind == "jsonl-text" and raws[0].outlet == "Palmsby News" and raws[0].title == "Pier"
    assert raws[1].kind == "jsonl-html"
    reasons = {s.path.rsplit("#", 1)[1]: s.reason for s in skipped}
    assert set(reasons) == {"2", "3", "6"}
    assert "not valid JSON" in reasons["2"]
    assert "no 'text' or 'html'" in reasons["3"]


def test_binary_zero_byte_and_oversized_files_are_skipped_with_reasons(tmp_path):
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "huge.txt").write_text("word " * 3000)
    (tmp_path / "good.txt").write_text(BODY)
    items = read([tmp_path], max_file_bytes=10_000)
    reasons = {Path(s.path).name: s.reason for s in only(items, Skipped)}
    assert "binary" in reasons["image.txt"]
    assert "empty" in reasons["empty.txt"] and "0 bytes" in reasons["empty.txt"]
    assert "too large" in reasons["huge.txt"]
    assert [Path(r.path).name for r in only(items, RawInput)] == ["good.txt"]


def test_oversized_file_is_not_read(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text("x" * 5000)
    opened = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: opened.append(self) or b"")
    items = read([big], max_file_bytes=100)
    assert isinstance(items[0], Skipped) and opened == []


def test_invalid_utf8_is_replaced_and_noted(tmp_path):
    data = BODY.encode() + b"\xff\xfe broken \xc3 bytes. " + BODY.encode()
    (tmp_path / "bad.txt").write_bytes(data)
    [raw] = read([tmp_path])
    assert isinstance(raw, RawInput)
    assert raw.notes and ("replaced" in raw.notes[0] or "decoded as" in raw.notes[0])
    assert "harbour authority" in raw.content


def test_legacy_encoding_is_detected(tmp_path):
    text = "Le maire de Palmsby a déclaré mercredi que la jetée ouvrirait en été, après des années d'attente. " * 5
    (tmp_path / "fr.txt").write_bytes(text.encode("cp1252"))
    [raw] = read([tmp_path])
    assert "déclaré" in raw.content and "été" in raw.content
    assert raw.notes and "not valid UTF-8" in raw.notes[0]


def test_missing_path_and_special_files_are_skipped(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    items = read([tmp_path, tmp_path / "absent.txt"])
    reasons = {Path(s.path).name: s.reason for s in only(items, Skipped)}
    assert "not a regular file" in reasons["pipe.txt"]
    assert "not a regular file" in reasons["dangling.txt"]
    assert reasons["absent.txt"] == "no such file or directory"


def test_permission_denied_is_skipped(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(BODY)
    if os.geteuid() == 0:  # root reads anything: make the read itself fail the way chmod 000 would
        def denied(self):
            raise PermissionError(13, "Permission denied", str(self))
        monkeypatch.setattr(Path, "read_bytes", denied)
    else:
        path.chmod(0)
    [skipped] = read([path])
    assert isinstance(skipped, Skipped) and "permission denied" in skipped.reason


def test_unknown_extension_is_sniffed(tmp_path):
    (tmp_path / "article.dat").write_text(BODY)
    (tmp_path / "page.asp").write_text(html_page("Pier"))
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "notes.md").write_text("# notes")
    items = read([tmp_path])
    kinds = {Path(i.path).name: (i.kind if isinstance(i, RawInput) else i.reason) for i in items}
    assert kinds["article.dat"] == "txt" and kinds["page.asp"] == "html"
    assert "binary" in kinds["blob.bin"] and "not an article" in kinds["notes.md"]


# --------------------------------------------------------------------------- WARC


def write_warc(path: Path, pages: int, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for i in range(pages):
            payload = html_page(f"Pier story {i}").encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://www.palmsby-news.example/{i}", "response",
                                                          payload=io.BytesIO(payload), http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://www.palmsby-news.example/logo.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG\x00\x00"), http_headers=image))


@pytest.mark.parametrize("gz", [False, True])
def test_warc_response_records_are_read(tmp_path, gz):
    path = tmp_path / ("a.warc.gz" if gz else "a.warc")
    write_warc(path, 3, gz)
    items = read([path])
    assert [i.url for i in items] == [f"https://www.palmsby-news.example/{i}" for i in range(3)]
    assert all(isinstance(i, RawInput) and i.kind == "warc" for i in items)


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc_keeps_the_good_records(tmp_path, gz):
    whole = tmp_path / "whole.warc"
    write_warc(whole, 3, gz)
    data = whole.read_bytes()
    # cut inside the third page record (the image record after it goes too)
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[: int(len(data) * 0.7)])
    items = read([cut])
    raws, skipped = only(items, RawInput), only(items, Skipped)
    assert len(raws) == 2
    assert len(skipped) == 1 and "truncated" in skipped[0].reason and "before it were kept" in skipped[0].reason


# --------------------------------------------------------------------------- the whole stage on bad input


@pytest.mark.timeout(60)
def test_bad_inputs_never_stop_the_run_and_lose_nothing(tmp_path):
    (tmp_path / "01_good.txt").write_text("Pier opens\n\n" + BODY)
    (tmp_path / "02_good.html").write_text(html_page("Pier opens in May"))
    (tmp_path / "03_binary.txt").write_bytes(os.urandom(2000).replace(b"\n", b"\x00"))
    (tmp_path / "04_empty.html").write_bytes(b"")
    (tmp_path / "05_no_article.html").write_text("<html><body><nav>Home | About | Contact</nav>"
                                                 "<footer>© 2024 Palmsby News</footer></body></html>")
    (tmp_path / "06_bad.jsonl").write_text('{"text": "' + BODY + '"}\n{broken\n')
    (tmp_path / "07_big.txt").write_text("word " * 50_000)
    documents, skipped = ingest([str(tmp_path), str(tmp_path / "missing.txt")], Settings(max_file_bytes=100_000))
    assert sorted(Path(d.path.split("#")[0]).name for d in documents) == ["01_good.txt", "02_good.html",
                                                                         "06_bad.jsonl"]
    reasons = {Path(s.path.split("#")[0]).name: s.reason for s in skipped}
    assert set(reasons) == {"03_binary.txt", "04_empty.html", "05_no_article.html", "06_bad.jsonl", "07_big.txt",
                            "missing.txt"}
    assert "no article" in reasons["05_no_article.html"]
    assert all(len(r) > 10 for r in reasons.values())


def test_utf16_with_bom_is_text(tmp_path):
    (tmp_path / "wide.txt").write_bytes(BODY.encode("utf-16"))
    [raw] = read([tmp_path])
    assert isinstance(raw, RawInput) and raw.content.startswith("The harbour authority")


def test_gzip_that_inflates_past_the_limit_is_skipped(tmp_path):
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"<p>" + b"a" * 200_000 + b"</p>"))
    write_warc(tmp_path / "many.warc.gz", 40, gz=True)
    limit = (tmp_path / "many.warc.gz").stat().st_size + 10
    items = read([tmp_path], max_file_bytes=limit)
    assert len(items) == 2
    assert all(isinstance(i, Skipped) and "too large once decompressed" in i.reason for i in items)
