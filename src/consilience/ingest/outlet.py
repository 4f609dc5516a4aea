"""The outlet a document comes from, and the basis for saying so.

The outlet is the publisher of the copy at hand. In order: given by the input (JSONL
``outlet``), the site name in the page's metadata (``og:site_name``, JSON-LD publisher), the
masthead at the top of a text scrape ("DAILY EXAMPLE | World | ..."), the name in a copyright
footer ("© 2025 Example Daily | About us"), the URL's host; only when none of these names the
publisher, a source or syndication credit ("Source » X", "first appeared on X": then X is where
the text came from, and is all the page tells), or a "Reporting by X" credit when X is an
organisation's proper name. Never a byline: "Reporting by the Orvik bureau" or "By the Foreign
Staff" name reporters and desks, not outlets.
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
    "media", "service", "services", "online", "magazine", "report", "reports",
    "update", "chronicle", "courier", "express", "mail", "star", "sun", "telegraph", "guardian", "independent",
    "committee", "council", "office", "organization", "organisation", "movement", "institute", "center", "centre",
    "group", "foundation", "association", "union", "ministry", "department",
}


DESK = re.compile(r"\b(?:bureaus?|desks?|staff|team|correspondents?|reporters?|writers?|editors?|contributors?)\b", re.I)


def names_organisation(name: str) -> bool:
    """A credit that names an organisation rather than a reporter.

    An acronym, a slash, a domain, a single word, or a word outlets call themselves
    ("Monitor", "Daily", "Agency"): "Reporting by PMOI/MEK", "Reporting by Example Freedom
    Monitor" name outlets; "Reporting by Jane Doe" names a reporter.
    """
    tokens = name.split()
    if DESK.search(name):
        return False  # "the Orvik and Lirsa bureaus", "our Foreign Staff": parts of an outlet, not one
    if "/" in name or re.search(r"\.\w{2,}$", name) or len(tokens) == 1:
        return True
    if any(len(t) > 3 and t[0].islower() for t in tokens):
        return False  # not a proper name
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
                credit_names: list[str], copyright_lines: list[str] = (), masthead: str | None = None
                ) -> tuple[str | None, str | None]:
    """(outlet, basis)."""
    if given:
        return given, "input"
    if sitename:
        return sitename, "metadata"
    if masthead:
        return masthead, "masthead"
    if name := name_from_copyright(list(copyright_lines)):
        return name, "copyright"
    if host := outlet_from_url(url):
        return host, "url"
    if source_names:
        return source_names[-1], "source-line"
    for name in credit_names:
        if names_organisation(name):
            return name, "reporting-by"
    return None, None
