"""Article body and metadata from an HTML page (trafilatura, htmldate).

Two trafilatura runs give two candidate bodies: a precise one (``favor_precision``) and a
fuller one (``favor_recall``), both without trafilatura's readability/jusText fallback
(``fast``), which on pages with link lists picks the lists; comments are never wanted.
The precise one is kept unless it lost most of the fuller one, the usual sign that
precision cut the article itself rather than its surroundings. Then the lines that are
page debris by the rules of ``clean`` go, and a first line repeating the page title.
Measured, against trafilatura's defaults in the same run, by ``benchmarks/extraction.py``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

KEEP_PRECISE_IF_AT_LEAST = 0.55  # share of the fuller body's length; chosen on benchmarks/extraction.py


@dataclass
class HtmlArticle:
    text: str
    title: str | None = None
    sitename: str | None = None
    published: str | None = None  # from the page's own metadata (htmldate, original date, no guessing)
    url: str | None = None
    author: str | None = None


def extract_body(html: str | bytes, url: str | None = None) -> str:
    """The article body of ``html`` as plain text (paragraphs separated by newlines); "" if none."""
    import trafilatura

    precise = trafilatura.extract(html, url=url, favor_precision=True, fast=True, include_comments=False) or ""
    fuller = trafilatura.extract(html, url=url, favor_recall=True, fast=True, include_comments=False) or ""
    return choose(precise, fuller)


def choose(precise: str, fuller: str) -> str:
    """The precise candidate unless it is much shorter than the fuller one."""
    if len(precise) >= KEEP_PRECISE_IF_AT_LEAST * len(fuller):
        return precise
    return fuller


def extract_article(html: str, url: str | None = None) -> HtmlArticle:
    """Body, title, site name, author and publication date of one HTML page."""
    import trafilatura
    from trafilatura.metadata import extract_metadata

    tree = trafilatura.load_html(html)
    if tree is None:
        return HtmlArticle(text="", url=url)
    text = extract_body(html, url)
    meta = extract_metadata(tree, default_url=url, extensive=False)
    return HtmlArticle(text=text, title=_clean(meta.title), sitename=_clean(meta.sitename),
                       published=page_date(tree, url), url=url or _clean(meta.url), author=_clean(meta.author))


# htmldate rejects dates after the machine's today by default (its max_date); archives are analysed on machines
# whose clock may be behind the pages' dates, so any date the date grammar reads (years up to 2099) is accepted.
LATEST_PAGE_DATE = "2099-12-31"


def page_date(tree, url: str | None) -> str | None:
    """The publication date the page states (meta tags, structured data), or None: no guessing from text.

    A date later than the machine's clock is kept (``LATEST_PAGE_DATE``): the clock says nothing about the page.
    """
    from htmldate import find_date

    try:
        day = find_date(tree, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d",
                        max_date=LATEST_PAGE_DATE)
    except Exception:  # htmldate raises on odd markup; a missing date is not an error
        return None
    return with_time(tree, day) if day else None


TIMESTAMP = re.compile(r"(?P<day>\d{4}-\d{2}-\d{2})[T ](?P<hm>[0-2]\d:[0-5]\d)")


def with_time(tree, day: str) -> str:
    """htmldate gives the day only; the time of day, as the page writes it, from a timestamp of that day.

    Looks in meta content attributes, <time datetime> and JSON-LD "datePublished" values.
    """
    values = tree.xpath("//meta/@content | //time/@datetime")
    values += TIMESTAMP.findall(" ".join(
        m.group(0) for text in tree.xpath("//script[@type='application/ld+json']/text()")
        for m in re.finditer(r'"datePublished"\s*:\s*"[^"]+"', text)))
    for value in values:
        text = value if isinstance(value, str) else f"{value[0]}T{value[1]}"
        m = TIMESTAMP.search(text)
        if m and m["day"] == day:
            return f"{day}T{m['hm']}"
    return day


def _clean(value) -> str | None:
    if not value:
        return None
    value = " ".join(str(value).split())
    return value or None
