"""The outlet a document comes from, and the basis for saying so.

In order: given by the input (JSONL ``outlet``), a "Source » X" line (the page says where
the article comes from), the site name in the page's metadata, the URL's host, a
"Reporting by X" credit when X names an organisation rather than a person.
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


def names_organisation(name: str) -> bool:
    """A credit that names an organisation: an acronym, a slash, a domain, or a single word.

    "Reporting by PMOI/MEK" names an outlet; "Reporting by Jane Doe" names a reporter.
    """
    tokens = name.split()
    if "/" in name or re.search(r"\.\w{2,}$", name) or len(tokens) == 1:
        return True
    return any(len(t) >= 2 and t.isupper() for t in tokens)


def find_outlet(given: str | None, source_names: list[str], sitename: str | None, url: str | None,
                credit_names: list[str]) -> tuple[str | None, str | None]:
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
    return None, None
