"""Readers: paths in, ``RawInput`` (one article, decoded) or ``Skipped`` (why not) out.

Formats: ``.txt``, ``.html``/``.htm`` (optionally ``.gz``), ``.jsonl`` (one article a line),
``.warc``/``.warc.gz`` (HTTP response records). Directories are walked recursively in
sorted order so that every run sees the inputs in the same order. Anything that cannot
be read becomes a ``Skipped`` with a reason a person understands; nothing raises.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import RawInput, Skipped
from ..settings import Settings

TEXT_SUFFIXES = (".txt", ".text")
# Files that sit beside articles but are not articles (notes, data, code, media): skipped by name.
NOT_ARTICLES = (".md", ".rst", ".json", ".csv", ".tsv", ".py", ".js", ".css", ".xml", ".yaml", ".yml", ".toml",
                ".pdf", ".doc", ".docx", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".zip", ".tar")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc",)
SNIFF_BYTES = 4096


# --------------------------------------------------------------------------- walking


def walk(paths: Iterable[str]) -> Iterator[Path | Skipped]:
    """Every file under ``paths`` (directories recursively, sorted), or Skipped for a bad path."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk_dir(path)
        elif path.is_file():
            yield path
        elif not path.exists() and not path.is_symlink():
            yield Skipped(str(path), "no such file or directory")
        else:
            yield Skipped(str(path), "not a regular file (broken link, device or socket)")


def _walk_dir(root: Path) -> Iterator[Path | Skipped]:
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue  # hidden files (.DS_Store, editor swap files) are never articles
            path = Path(dirpath) / name
            if path.is_file():
                yield path
            else:
                yield Skipped(str(path), "not a regular file (broken link, device or socket)")
    for err in errors:
        yield Skipped(str(err.filename or root), _os_reason(err))


def _os_reason(err: OSError) -> str:
    if isinstance(err, PermissionError):
        return "permission denied: the file cannot be read"
    return f"cannot be read: {err.strerror or err}"


# --------------------------------------------------------------------------- decoding


def decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 first, then charset-normalizer's guess; bad bytes replaced and noted."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark
        return data.decode("utf-16", errors="replace"), ["decoded as UTF-16"]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding not in ("utf_8", "utf-8"):
        return str(best), [f"decoded as {best.encoding} (not valid UTF-8)"]
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return text, [f"invalid UTF-8 bytes replaced ({bad})"]


def looks_binary(head: bytes) -> bool:
    """True for bytes that are not text: NUL bytes, or many control characters (sniffing, as `file` does)."""
    if not head:
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control / len(head) > 0.05


# --------------------------------------------------------------------------- per-format readers


def read_path(path: Path, settings: Settings) -> Iterator[RawInput | Skipped]:
    """The articles in one file (several for JSONL and WARC), or Skipped."""
    where = str(path)
    try:
        size = path.stat().st_size
    except OSError as err:
        yield Skipped(where, _os_reason(err))
        return
    if size == 0:
        yield Skipped(where, "empty file (0 bytes)")
        return
    if size > settings.max_file_bytes:
        yield Skipped(where, f"file too large ({_mb(size)} MB; the limit is {_mb(settings.max_file_bytes)} MB)")
        return
    name = path.name.lower()
    if name.endswith(NOT_ARTICLES):
        yield Skipped(where, f"not an article format ({path.suffix.lower()} file)")
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield Skipped(where, _os_reason(err))
        return
    if name.endswith(WARC_SUFFIXES) or name.endswith(tuple(s + ".gz" for s in WARC_SUFFIXES)):
        yield from read_warc(where, data, compressed=name.endswith(".gz"), limit=settings.max_file_bytes)
        return
    if name.endswith(".gz"):
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
                data = stream.read(settings.max_file_bytes + 1)  # never more than the limit in memory
        except (OSError, EOFError, ValueError) as err:
            yield Skipped(where, f"damaged gzip file ({err})")
            return
        name = name[:-3]
        if len(data) > settings.max_file_bytes:
            yield Skipped(where, f"file too large once decompressed (over {_mb(settings.max_file_bytes)} MB)")
            return
    if name.endswith(JSONL_SUFFIXES):
        yield from read_jsonl(where, data)
        return
    if looks_binary(data[:SNIFF_BYTES]) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield Skipped(where, "binary file, not text or HTML")
        return
    text, notes = decode(data)
    if not text.strip():
        yield Skipped(where, "file holds only whitespace")
        return
    kind = "html" if name.endswith(HTML_SUFFIXES) or (not name.endswith(TEXT_SUFFIXES) and _looks_html(text)) else "txt"
    if not name.endswith(TEXT_SUFFIXES + HTML_SUFFIXES):
        notes.append(f"unknown extension; read as {kind} after sniffing the content")
    yield RawInput(path=where, kind=kind, content=text, notes=notes)


def _looks_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<p>" in head


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}"


def read_jsonl(where: str, data: bytes) -> Iterator[RawInput | Skipped]:
    """One article a line: ``text`` or ``html``, optional ``url``, ``outlet``, ``published``, ``title``."""
    text, notes = decode(data)
    for number, line in enumerate(text.splitlines(), start=1):
        key = f"{where}#{number}"
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            yield Skipped(key, f"line is not valid JSON ({err.msg} at column {err.colno})")
            continue
        if not isinstance(row, dict):
            yield Skipped(key, "line is JSON but not an object with a text or html field")
            continue
        body, kind = _jsonl_body(row)
        if body is None:
            yield Skipped(key, "no 'text' or 'html' field with content")
            continue
        yield RawInput(path=key, kind=kind, content=body, url=_str(row.get("url")), outlet=_str(row.get("outlet")),
                       published=_str(row.get("published")), title=_str(row.get("title")), notes=list(notes))


def _jsonl_body(row: dict) -> tuple[str | None, str]:
    for field, kind in (("text", "jsonl-text"), ("html", "jsonl-html")):
        value = row.get(field)
        if isinstance(value, str) and value.strip():
            return value, kind
    return None, ""


def _str(value) -> str | None:
    return str(value).strip() or None if value not in (None, "") else None


class TooLarge(Exception):
    pass


def gunzip_tolerant(data: bytes, limit: int) -> tuple[bytes, bool]:
    """Decompress every gzip member (WARC files are one member per record); True if the data ends mid-member.

    Raises TooLarge past ``limit`` bytes of output.
    """
    out, rest, size = [], data, 0
    while rest:
        inflater = zlib.decompressobj(wbits=31)
        try:
            chunk = inflater.decompress(rest, limit + 1 - size)
        except zlib.error:
            return b"".join(out), True
        out.append(chunk)
        size += len(chunk)
        if size > limit:
            raise TooLarge
        if not inflater.eof:
            return b"".join(out), True
        rest = inflater.unused_data
    return b"".join(out), False


def read_warc(where: str, data: bytes, compressed: bool, limit: int) -> Iterator[RawInput | Skipped]:
    """HTML pages of the HTTP response records; a truncated record is reported, the good ones kept.

    warcio reads a short final record without complaint and silently drops a cut-off gzip
    member, so the archive is decompressed here first and each record's declared length checked.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    cut = False
    if compressed:
        try:
            data, cut = gunzip_tolerant(data, limit)
        except TooLarge:
            yield Skipped(where, f"file too large once decompressed (over {_mb(limit)} MB)")
            return
    responses = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data), no_record_parse=False):
            if record.rec_type != "response":
                continue
            responses += 1
            target = record.rec_headers.get_header("WARC-Target-URI")
            key = f"{where}#{target or responses}"
            content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            payload = record.content_stream().read()
            if getattr(record.raw_stream, "limit", 0) > 0:
                cut = False  # reported here, with the record it concerns
                yield Skipped(key, "truncated WARC record: the archive ends before this record does; "
                              "the records before it were kept")
                continue
            if "html" not in content_type.lower() and not _looks_html(payload[:2048].decode("latin-1")):
                continue  # images, scripts, robots.txt: not articles, not worth a line in `skipped`
            text, notes = decode(payload)
            yield RawInput(path=key, kind="warc", content=text, url=target, notes=notes)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as err:
        yield Skipped(f"{where}#record{responses + 1}", f"damaged WARC record ({_short(err)}); "
                      "the records before it were kept")
        return
    if cut:
        yield Skipped(f"{where}#record{responses + 1}", "truncated WARC file: the last gzip member is cut off; "
                      "the records before it were kept")
    elif responses == 0:
        yield Skipped(where, "no HTTP response records in this WARC file")


def _short(err: Exception) -> str:
    text = str(err) or type(err).__name__
    return text if len(text) < 120 else text[:117] + "..."


def read_all(paths: Iterable[str], settings: Settings) -> Iterator[RawInput | Skipped]:
    """Every article under ``paths`` in a deterministic order."""
    for item in walk(paths):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from read_path(item, settings)
