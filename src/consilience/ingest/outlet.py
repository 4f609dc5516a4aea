"""The outlet a document comes from, and the basis for saying so.

The outlet is the publisher of the copy at hand. In order: given by the input (JSONL
``outlet``), the site name in the page's metadata (``og:site_name``, JSON-LD publisher), the
masthead at the top of a text scrape ("DAILY EXAMPLE | World | ..."), the name opening the
site's footer bar ("Example Daily | About us | Contact"), the name in the page's own copyright
notice ("© 2025 Example Daily Media Ltd."), the URL's host; only when none of these names the
publisher, a source or syndication credit ("Source » X", "first appeared on X": then X is where
the text came from, and is all the page tells), or a "Reporting by X" credit when X is an
organisation's proper name. Never a byline: "Reporting by the Orvik bureau" or "By the Foreign
Staff" name reporters and desks, not outlets.

Masthead and footer come before the copyright notice: they name the publication, the notice
often names the company that owns it ("Example Daily Post" vs "© 2025 Example Media Group").
Of several copyright notices on a page, the page's own is the last that reserves all rights, else
the last (the footer's); one above it printed right under the story ("(c) 2025 EPA" under a
syndicated wire story) credits where the story came from (``copyright_credits``).
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


# The words a publication's own name is made of ("The Example Morning Herald", "Example Monitor", "Example Press
# Agency"): the outlet words above without those of other organisations (councils, ministries, groups).
PUBLICATION_WORDS = {
    "news", "newspaper", "daily", "weekly", "times", "post", "herald", "tribune", "journal", "gazette", "monitor",
    "observer", "review", "press", "wire", "agency", "network", "tv", "television", "radio", "broadcasting",
    "media", "online", "magazine", "chronicle", "courier", "express", "mail", "star", "sun", "telegraph", "guardian",
    "independent",
}


def names_publication(name: str) -> bool:
    """A short proper name with a word publications call themselves: "Example Morning Herald", "Example Monitor"."""
    tokens = name.split()
    return 2 <= len(tokens) <= 5 and any(t.strip(".,&").lower() in PUBLICATION_WORDS for t in tokens)


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


YEARS = r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?"
# One or more marks ("Copyright (c)", "Copyright ©"), a year or range, the holder; the year may follow the holder
# ("© Example Press Agency 2025. Reproduction prohibited").
COPYRIGHT_NAME = re.compile(
    r"(?:(?:©|\(c\)|\bcopyright\b)\s*)+(?:" + YEARS + r")?\s*,?\s*"
    r"(?:by\s+)?(?P<name>[^|.\n©]{2,60}?)\s*(?:[.|]|\ball rights\b|$)", re.I)
# The name before the mark, as some footers write it: "Example Morning Post (c) 2025", "Example Daily © 2025".
NAME_BEFORE_MARK = re.compile(r"(?:^|[|·]\s*)(?P<name>[A-Z][\w&'’-]*(?:\s+[\w&'’-]+){0,5}?)\s*(?:©|\([cC]\))\s*"
                              + YEARS + r"\b")
YEAR_AFTER_NAME = re.compile(r"[\s,]+" + YEARS + r"\b.*$")  # "Example Press Agency 2025 - ISSN ..." ends at the year
ALL_RIGHTS = re.compile(r"\ball rights reserved\b", re.I)


def copyright_notices(lines: list[str]) -> list[tuple[str, bool]]:
    """(holder, reserves rights) for each copyright notice in ``lines`` that names a holder, in page order."""
    out = []
    for line in lines:
        for m in COPYRIGHT_NAME.finditer(line):
            name = YEAR_AFTER_NAME.sub("", m["name"].strip(" ,;:-–—")).strip(" ,;:-–—")
            if re.search(r"[^\W\d_]", name) and not re.match(r"(?i)^all rights", name) and len(name.split()) <= 6:
                out.append((name, bool(ALL_RIGHTS.search(line))))
                break
        else:
            if (m := NAME_BEFORE_MARK.search(line)) and not re.search(r"(?i)\bcopyright\b", m["name"]) and all(w[0].isupper() or w.lower() in NAME_JOINERS
                                                             for w in m["name"].split()):
                out.append((m["name"], bool(ALL_RIGHTS.search(line))))
    return out


NAME_JOINERS = {"of", "the", "and", "&", "for", "in", "on", "de", "del", "la", "el"}


def copyright_names(lines: list[str]) -> list[str]:
    """The holder named by each copyright notice in ``lines`` that names one, in page order."""
    return [name for name, _ in copyright_notices(lines)]


def _own_notice(notices: list[tuple[str, bool]]) -> int:
    """Which notice is the page's own: the last that reserves all rights, else the last (the footer's)."""
    reserving = [i for i, (_, reserves) in enumerate(notices) if reserves]
    return reserving[-1] if reserving else len(notices) - 1


def name_from_copyright(lines: list[str]) -> str | None:
    """The page's own copyright holder ("© 2025 Example Daily. All Rights Reserved" -> "Example Daily"): of several
    notices, the last that reserves all rights, else the last; the others credit what the page carries (a wire
    story, a photo, sports data: "© Example Wire" under a picture)."""
    notices = copyright_notices(list(lines))
    return notices[_own_notice(notices)][0] if notices else None


def copyright_credits(lines: list[str], under_story: list[str] = ()) -> list[str]:
    """Organisations credited by a copyright notice printed with the story (``under_story``: right under its last
    line), above the page's own: where the story came from ("(c) 2025 EPA" under a syndicated wire story, above
    "© 2025 Example Daily Media"). Notices elsewhere (photo credits, the owner's line in the footer) credit other
    things."""
    notices = copyright_notices(list(lines))
    if not notices:
        return []
    own_at = _own_notice(notices)
    own = notices[own_at][0].casefold()
    credited = {name for name, _ in copyright_notices(list(under_story))}
    return [n for n, _ in notices[:own_at] if n in credited and n.casefold() not in own and own not in n.casefold()
            and names_organisation(n)]


def find_outlet(given: str | None, source_names: list[str], sitename: str | None, url: str | None,
                credit_names: list[str], copyright_lines: list[str] = (), masthead: str | None = None,
                footer: str | None = None) -> tuple[str | None, str | None]:
    """(outlet, basis)."""
    if given:
        return given, "input"
    if sitename:
        return sitename, "metadata"
    if masthead:
        return masthead, "masthead"
    if footer:
        return footer, "footer"
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
