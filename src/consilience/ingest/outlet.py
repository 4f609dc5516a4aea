"""The outlet a document comes from, and the basis for saying so.

In order: given by the input (JSONL ``outlet``), a "Source » X" line (the page says where
the article comes from), the site name in the page's metadata, the URL's host, a
"Reporting by X" credit when X names an organisation rather than a person, the name in a
copyright footer ("© 2025 Example Daily | About us").
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

HOST_PREFIXES = ("www.", "www2.", "m.", "amp.", "mobile.", "edition.")


def outlet_from_url(url: str | None) -> str | None:
    """"https://www.example-news.com/a/b" -> "example-news.com"."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    for prefix in HOST_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host or None


# Words that make a name an organisation's: a small general lexicon of what news outlets call themselves.
ORG_WORDS = {
    "news", "newspaper", "daily", "weekly", "times", "post", "herald", "tribune", "journal", "gazette", "monitor",
    "observer", "review", "press", "wire", "agency", "network", "tv", "television", "radio", "broadcasting",
    "media", "service", "services", "bureau", "desk", "staff", "team", "online", "magazine", "report", "reports",
    "update", "chronicle", "courier", "express", "mail", "star", "sun", "telegraph", "guardian", "independent",
    "committee", "council", "office", "organization", "organisation", "movement", "institute", "center", "centre",
    "group", "foundation", "association", "union", "ministry", "department",
}


def names_organisation(name: str) -> bool:
    """A credit that names an organisation rather than a reporter.

    An acronym, a slash, a domain, a single word, or a word outlets call themselves
    ("Monitor", "Daily", "Agency"): "Reporting by PMOI/MEK", "Reporting by Example Freedom
    Monitor" name outlets; "Reporting by Jane Doe" names a reporter.
    """
    tokens = name.split()
    if "/" in name or re.search(r"\.\w{2,}$", name) or len(tokens) == 1:
        return True
    if any(t.strip(".,").lower() in ORG_WORDS for t in tokens):
        return True
    return any(len(t) >= 2 and t.isupper() for t in tokens)


COPYRIGHT_NAME = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?)?\s*,?\s*"
    r"(?:by\s+)?(?P<name>[^|.\n©]{2,60}?)\s*(?:[.|]|\ball rights\b|$)", re.I)


def name_from_copyright(lines: list[str]) -> str | None:
    """"Copyright © 2025 Example Daily. All Rights Reserved" -> "Example Daily"."""
    for line in lines:
        m = COPYRIGHT_NAME.search(line)
        if not m:
            continue
        name = m["name"].strip(" ,;:-–—")
        if name and not re.match(r"(?i)^all rights|^\d+$", name) and len(name.split()) <= 6:
            return name
    return None


def find_outlet(given: str | None, source_names: list[str], sitename: str | None, url: str | None,
                credit_names: list[str], copyright_lines: list[str] = ()) -> tuple[str | None, str | None]:
    """(outlet, basis)."""
    if given:
        return given, "input"
    if source_names:
        return source_names[-1], "source-line"
    if sitename:
        return sitename, "metadata"
    if host := outlet_from_url(url):
        return host, "url"
    for name in credit_names:
        if names_organisation(name):
            return name, "reporting-by"
    if name := name_from_copyright(list(copyright_lines)):
        return name, "copyright"
    return None, None
