"""Line-level removal of page debris from scraped text.

Every rule looks at the *shape* of a line (length, punctuation, separators, a handful of
widget words that mean the same thing on every site), never at phrases of one corpus.
A line that reads as a sentence (ends with . ! ? or a closing quote and has several
words) is never removed by a vocabulary rule, so body sentences survive.

Metadata is harvested from the lines before they are removed: metadata lines (dates),
"Source » X" and "Reporting by X" credits, bylines, copyright years, the title.
The cleaned text keeps paragraph breaks ("\\n\\n" between blocks, "\\n" between lines
of one block): it is the text every later offset points into.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..lexicon.calendar import MONTHS
from ..model import Removed

# --------------------------------------------------------------------------- line shapes

WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d+")
TERMINAL = re.compile(r"[.!?…:;][\"'”’)\]»]*\s*$|[\"”’]\s*$")
BULLET = re.compile(r"^\s*(?:[-–—•·*▪◦●]|\d{1,2}[.)])\s+\S(?!.*\s[-–—•·*▪◦●]$)")  # "- x -" is a frame, not a bullet
SEPARATORS = re.compile(r"\s*[»›]\s*|\s+(?:>|/|\||·|•|::)\s+")


def words(line: str) -> list[str]:
    return WORD.findall(line)


MAX_DEBRIS_CHARS = 500  # longer lines are body text; checking only short ones keeps huge one-line files cheap


def ends_like_sentence(line: str) -> bool:
    return bool(TERMINAL.search(line[-12:]))


def is_sentence(line: str) -> bool:
    """Reads as running text: ends like a sentence and has more than a few words."""
    return ends_like_sentence(line) and len(words(line[:200])) >= 6


def is_heading_like(line: str) -> bool:
    """A short line that does not end like a sentence: headline, caption, widget label."""
    return (bool(line.strip()) and len(line) <= 300 and not ends_like_sentence(line) and len(words(line)) <= 20
            and not BULLET.match(line))


# --------------------------------------------------------------------------- rules
# Each rule: (reason, predicate on the stripped line). Order matters only for the reason given.

AD_SLOT = re.compile(r"^\(?\d{2,4}\s*[x×X*]\s*\d{2,4}\)?$")
AD_MARKER = re.compile(
    r"^[\W_]*(?:advertisements?|advert|ads?|sponsored(?: content| links?)?|paid content|promoted"
    r"|(?:story|article) continues below(?: advertisement)?|continue reading(?: below)?)[\W_]*$", re.I)
# Widget vocabulary: the same few words mean "share/print/subscribe" on every site.
WIDGET = re.compile(
    r"\b(?:share(?:s|d)?|sharing|tweet|print(?:er|able)?|e-?mail|facebook|twitter|whatsapp|linkedin|pinterest"
    r"|reddit|telegram|messenger|subscribe|newsletter|sign[ -]?up|log[ -]?in|follow us|icons?"
    r"|powered by|click here|rss|copy link|bookmark|font size|listen to (?:this|the) article|buttons?|widgets?)\b", re.I)
COPYRIGHT = re.compile(r"(?:©|\(c\)\s*(?:19|20)\d{2}|\bcopyright\b|\ball rights reserved\b)", re.I)
# A copyright notice proper: a mark next to a year ("Copyright 2025 X", "© 2025 X", "(c) 2025 X") or a mark, a
# name and a year ("© Example Press Agency 2025"); a notice even where the line goes on in sentences ("... Permits
# required for reproduction.", "X is an independent publication. © 2025 X Ltd. Registered in ...").
COPYRIGHT_NOTICE = re.compile(r"(?i:©|\(c\)|\bcopyright\b)\s*(?:(?i:©|\(c\))\s*)?(?:19|20)\d{2}\b"
                              r"|(?:©|\([cC]\))\s*[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,5},?\s+(?:19|20)\d{2}\b")
ALL_RIGHTS = re.compile(r"\ball rights reserved\b", re.I)
FOOTER_LINKS = re.compile(r"\b(?:sitemap|site map|privacy policy|terms of (?:use|service)|terms (?:&|and) conditions"
                          r"|cookie policy|contact us"
                          r"|about us|advertise with us|back to top|skip to (?:main )?content)\b", re.I)
TAG_LIST = re.compile(r"^(?:tags?|tagged(?: with)?|topics?|categories|category|filed under|keywords?|labels?)\s*[:\-–]"
                      r"\s*(?P<rest>.*)$", re.I)
RELATED = re.compile(r"^(?:read more|related(?: stories| articles| posts| news| coverage)?|see also|also read"
                     r"|recommended(?: for you)?|more from|more on this|you may also like|you might also like"
                     r"|most read|trending(?: now)?|popular(?: now)?|latest news|watch)\b\s*(?:[:»›>\-–—|]|$)", re.I)
SOURCE_LINE = re.compile(r"^(?:source|sources|via|originally published (?:at|by|on|in))\s*[:»›>\-–—|]+\s*"
                         r"(?P<name>\S.{0,80}?)\s*$", re.I)
# A syndication credit inside a sentence: "This article first appeared on X and is republished ..."
SYNDICATION = re.compile(r"\b(?:first|originally) (?:appeared|published|ran) (?:on|in|at|by) (?P<name>(?:the )?[A-Z][\w.&'’-]*"
                         r"(?: [A-Z][\w.&'’-]*){0,5})|\brepublished (?:with permission )?from (?P<name2>(?:the )?[A-Z]"
                         r"[\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,5})")
SYNDICATION_LINE = re.compile(r"^(?:this|the) (?:article|story|report|piece|post|column)\b.{0,30}?\b(?:first|originally) "
                              r"(?:appeared|published|ran)\b|^(?:republished|reprinted) (?:with permission )?from\b",
                              re.I)
# The site speaking about its own cookies ("We use cookies ...", "This site uses cookies"), or a consent button.
COOKIE = re.compile(r"\b(?:we|our|us|this (?:web)?site)\b.{0,120}\bcookies?\b|\bcookies?\b.{0,120}\b(?:we|our|us"
                    r"|this (?:web)?site)\b|^(?:accept|reject|allow|manage)(?: all)? cookies?\b|^cookies? (?:settings|"
                    r"preferences|policy|notice)\b", re.I)
COOKIE_PURPOSE = re.compile(r"\b(?:consent|accept|privacy|brows\w+|experience|personali[sz]\w+|settings|preferences"
                            r"|policy|(?:web)?site|partners|analy[sz]\w+|analytics|statistics|advertis\w+|ads|traffic|tracking)\b", re.I)
# The outlet asking its readers for money: first person plural, a plea and what it pays for.
APPEAL_PLEA = re.compile(r"\b(?:support|donat(?:e|ion|ing)|contribut(?:e|ion)|chip in|become an? (?:member|subscriber"
                         r"|patron|supporter)|subscrib(?:e|ing))\b", re.I)
APPEAL_CAUSE = re.compile(r"\b(?:journalism|reporting|newsroom|our (?:work|mission|reporters|journalists)|"
                          r"independen(?:t|ce))\b", re.I)
FIRST_PLURAL = re.compile(r"\b(?:we|our|us)\b", re.I)
# The same appeal as an imperative opening the line, with no "we" ("Become a member: support independent journalism
# ..."): a plea verb first, then what it pays for.
APPEAL_IMPERATIVE = re.compile(r"^(?:become an? (?:member|subscriber|patron|supporter)|donate|subscribe|chip in"
                               r"|support (?:us|our|independent|quality|local|free|public[- ]interest))\b", re.I)
# A paywall or meter notice: the reader's count of free articles, or what a subscription unlocks ("Free article - 2 of
# 3 this month. Subscribe for unlimited access.", "Subscribe to continue reading").
PAYWALL_ASK = re.compile(r"\b(?:subscrib(?:e|ing|er|ers)|subscriptions?|already a (?:subscriber|member))\b", re.I)
PAYWALL_METER = re.compile(r"\b(?:\d+|one|two|three|four|five)\s+(?:of|out of|/)\s+(?:\d+|three|four|five|ten)"
                           r"\s+(?:free\s+)?(?:articles?|stories|reads|this month)\b"
                           r"|\b(?:free|remaining) (?:articles?|stories|reads?)\b|\b(?:articles?|stories) (?:left|remaining)\b"
                           r"|\bunlimited (?:digital )?access\b|\bto (?:continue|keep) reading\b|\bsubscribers? only\b"
                           r"|\bfree articles?\b", re.I)
# The reader's count of free articles, which a meter line may give alone ("Free article - 1 of 3 this month", "2 of 5
# free stories left"): a count of articles or of the month's reads, not a sentence.
PAYWALL_COUNT = re.compile(r"\b(?:\d+|one|two|three|four|five)\s+(?:of|out of|/)\s+(?:\d+|three|four|five|ten)"
                           r"\s+(?:free\s+)?(?:articles?|stories|reads|this month)\b"
                           # or what is left of it: "You have 1 free article left this month", "3 free stories remaining"
                           r"|\b(?:\d+|no|one|two|three|four|five)\s+(?:more\s+)?free\s+(?:articles?|stories|reads?)"
                           r"\s+(?:left|remaining)\b", re.I)
METER_ALONE_WORDS = 12
# A call to sign up closing a line, as the outlet writes it: an imperative opening the line or following the end of
# a sentence or a label ("Newsletter: the week in review, every Friday. Sign up now!", "Subscribe today."), not a
# verb inside a sentence ("asked voters to register.").
SIGNUP_CALL = re.compile(r"(?:^|[.!?:]\s+)(?:sign[ -]?up|subscribe|register)(?:\s+(?:now|today|here|for free|free))?"
                         r"\s*[!.]?\s*$", re.I)
QUOTE_MARKS = re.compile(r"[\"“”«»]")
MASTHEAD = re.compile(r"^[A-Z][A-Z&'’.\-]*(?: [A-Z][A-Z&'’.\-]*){0,5}$")
CREDIT = re.compile(r"^\(?(?P<role>(?:additional )?reporting|reported|writing|written|editing|edited|compiled|"
                    r"produced)\s+by\s*:?\s*(?P<name>[^;]{1,80}?)(?:;.*)?\)?\.?\s*$", re.I)
BYLINE = re.compile(r"^(?:by|posted by|written by|author|authors|(?:text|words|story)(?=\s*:))\s*[:\-]?\s+(?P<name>[A-Z][^\n]{1,80}?)\s*$", re.I)
METADATA_CUE = re.compile(r"\b(?:published|posted|updated|last updated|modified|created|date|details|written on"
                          r"|hits|views|read time|min read|minutes? read)\b", re.I)
LEADING_CUE = re.compile(r"^(?:published|posted|updated|last updated|modified|first published)\b\s*(?:on|at)?\s*:?",
                         re.I)  # "Published: May 5, 2020 at 9:40 a.m." ends with a period and is no sentence
ONLY_DATE_CHARS = re.compile(r"^[\d\s/:.,\-–—|]+(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?$", re.I)


@dataclass
class Harvest:
    """Metadata read from lines before they were removed."""

    metadata_lines: list[str] = field(default_factory=list)  # date lines above the end of the article only
    source_names: list[str] = field(default_factory=list)  # "Source » X"
    credit_names: list[str] = field(default_factory=list)  # "Reporting by X"
    byline: str | None = None
    copyright_lines: list[str] = field(default_factory=list)
    credit_lines: list[str] = field(default_factory=list)  # copyright lines printed right under the article
    title: str | None = None
    masthead: str | None = None  # the publication's name alone or first in a bar at the top of a text scrape
    footer_names: list[str] = field(default_factory=list)  # names opening a footer bar ("Example Daily | About us")
    footer: str | None = None  # the one of them that names the publication


@dataclass
class Cleaned:
    text: str
    removed: list[Removed]
    harvest: Harvest


def has_date(line: str) -> bool:
    from .published import find_dates

    return bool(find_dates(line))


def classify(line: str, harvest: Harvest) -> str | None:
    """The reason ``line`` is debris (harvesting what it says), or None to keep it."""
    s = line.strip()
    if len(s) > MAX_DEBRIS_CHARS:
        return None
    n = len(words(s))
    if AD_SLOT.match(s):
        return "ad-slot size"
    if AD_MARKER.match(s):
        return "advertisement marker"
    if (m := SOURCE_LINE.match(s)) and not is_sentence(s):
        if len(words(m["name"])) <= 8:
            harvest.source_names.append(m["name"].strip(" .»|"))
            return "source line"
    if SYNDICATION_LINE.match(s) and n <= 40:
        harvest.source_names.extend(_syndication_source(s))
        return "syndication credit"
    if n <= 60 and COOKIE.search(s) and COOKIE_PURPOSE.search(s) and not QUOTE_MARKS.search(s):
        return "cookie notice"
    if n <= 60 and APPEAL_PLEA.search(s) and APPEAL_CAUSE.search(s) and FIRST_PLURAL.search(s) \
            and not QUOTE_MARKS.search(s):
        return "reader-support appeal"
    if n <= 25 and APPEAL_IMPERATIVE.match(s) and APPEAL_CAUSE.search(s) and not QUOTE_MARKS.search(s):
        return "reader-support appeal"
    if n <= 30 and PAYWALL_ASK.search(s) and PAYWALL_METER.search(s) and not QUOTE_MARKS.search(s):
        return "paywall or meter notice"
    if n <= METER_ALONE_WORDS and PAYWALL_COUNT.search(s) and not is_sentence(s) and not QUOTE_MARKS.search(s):
        return "paywall or meter notice"  # the meter alone: "Free article - 1 of 3 this month"
    if n <= PROMOTION_MAX_WORDS and SIGNUP_CALL.search(s) and not QUOTE_MARKS.search(s):
        return "promotion (a call to sign up)"
    if (m := CREDIT.match(s)) and len(words(m["name"])) <= 10 and (s.startswith("(") or not is_sentence(s)):
        harvest.credit_names.append(m["name"].strip(" .()"))
        return "reporting credit"
    if m := TAG_LIST.match(s):
        rest = m["rest"]
        if not words(rest):
            return "empty tag list"
        if not is_sentence(s) and n <= 30:
            return "tag list"
    if COPYRIGHT.search(s) and (n <= 25 and not is_sentence(s.rstrip("| "))
                                or n <= 40 and (ALL_RIGHTS.search(s) or COPYRIGHT_NOTICE.search(s))):
        harvest.copyright_lines.append(s)
        return "copyright footer"
    if FOOTER_LINKS.search(s) and n <= 25 and not is_sentence(s):
        if name := _footer_name(s):
            harvest.footer_names.append(name)
        return "site footer links"
    if RELATED.match(s) and not is_sentence(s):
        return "related-story link"
    if (m := BYLINE.match(s)) and n <= 8 and not TERMINAL.search(s.rstrip(".")) and _looks_like_names(m["name"]):
        harvest.byline = harvest.byline or m["name"].strip()
        return "byline"
    if n <= 25 and (not is_sentence(s) or LEADING_CUE.match(s)) and has_date(s) and (
            METADATA_CUE.search(s) or ONLY_DATE_CHARS.match(s) or _mostly_date(s) or _has_date_segment(s)):
        harvest.metadata_lines.append(s)
        return "metadata line"
    if _is_widget(s, n):
        return "share/print/social widget"
    if _is_breadcrumb(s):
        return "breadcrumb"
    return None


def _syndication_source(line: str) -> list[str]:
    """The name a syndication credit in ``line`` gives ("first appeared on X"), if any."""
    m = SYNDICATION.search(line)
    return [(m["name"] or m["name2"]).strip()] if m else []


def _footer_name(s: str) -> str | None:
    """The proper name opening a bar of footer links ("Example Daily | About us | Contact"), if one does."""
    parts = [p.strip() for p in SEPARATORS.split(s) if p.strip()]
    first = parts[0] if len(parts) >= 2 else ""
    if not first or FOOTER_LINKS.search(first) or WIDGET.search(first) or any(ch.isdigit() for ch in first):
        return None
    return first if _is_proper_name(first) else None


def _is_proper_name(text: str) -> bool:
    """Capitalised words (short joining words aside), nothing else: "The Example Morning Herald", "Example Monitor"."""
    tokens = text.split()
    small = {"of", "the", "and", "&", "for", "in", "on", "de", "del", "la", "el"}
    return bool(tokens) and all((t[0].isupper() or t.lower() in small) and re.fullmatch(r"[\w&'’.-]+", t)
                                for t in tokens) and tokens[0][0].isupper()


def _looks_like_names(text: str) -> bool:
    """"Ana Ruiz and Tom Lee" yes, "Tuesday, the water had gone" no: longer words are capitalised."""
    long_words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
    return bool(long_words) and all(w[0].isupper() for w in long_words)


def _is_widget(s: str, n: int) -> bool:
    """Share/print/subscribe labels: two widget words in a short line, or one in a line of three words or fewer."""
    if TERMINAL.search(s) or BULLET.match(s) or n > 10:
        return False
    hits = len(WIDGET.findall(s))
    return hits >= 2 or (hits == 1 and n <= 3)


def _mostly_date(s: str) -> bool:
    """A line that is a date and little else ("Sunday, 05 January 2020 18:30")."""
    from .published import find_dates

    covered = sum(d.end - d.start for d in find_dates(s))
    return covered >= 0.6 * len(s.strip())


def _has_date_segment(s: str) -> bool:
    """A masthead or section bar with a date between separators ("DAILY POST | World | Tuesday, May 5, 2020")."""
    parts = [p for p in SEPARATORS.split(s) if p.strip()]
    return len(parts) >= 2 and any(_mostly_date(p) for p in parts)


def _is_breadcrumb(s: str) -> bool:
    """Short items joined by » › > / | : "Home » World » Middle East" (a "| a | b |" table row is not one)."""
    if s.startswith("|") and s.endswith("|"):
        return False
    parts = [p for p in SEPARATORS.split(s) if p.strip()]
    seps = len(SEPARATORS.findall(s))
    return seps >= 2 and len(parts) >= 3 and all(len(words(p)) <= 4 for p in parts) and not TERMINAL.search(s)


# --------------------------------------------------------------------------- the pass over a document


def normalise(text: str) -> str:
    """NFC, unix newlines, no-break spaces and tabs as spaces, trailing spaces dropped."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\t", " ").replace("\u200b", "")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def clean_text(text: str, known_lines: dict[str, str] | None = None, extracted: bool = False,
               title: str | None = None, scrape_language: str | None = None) -> Cleaned:
    """Remove debris lines from scraped ``text``; ``known_lines`` maps a line to a reason learnt elsewhere.

    ``extracted``: the text is trafilatura's body of an HTML page, which has already lost the
    page head and tail; the rules about the head (repeated captions) and tail (related-story
    headlines) are then left out, as they would cut list items and table rows.
    ``title``: the page's title (from its metadata); a first line repeating it is not body.
    """
    harvest = Harvest()
    removed: list[tuple[int, Removed]] = []  # (line number, line): reported in page order
    lines = normalise(text).split("\n")
    keep: list[str | None] = []  # None marks a blank line (a paragraph break)
    title_key = line_key(title) if title else None
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            keep.append(None)
            continue
        if title_key and line_key(s) == title_key and not any(keep):
            removed.append((i, Removed(line, "title repeated at the top of the body")))
            keep.append("")
            continue
        reason = (known_lines or {}).get(line_key(s)) or classify(s, harvest)
        if reason:
            removed.append((i, Removed(line, reason)))  # as it stood (leading spaces kept), for the reader to find
            keep.append("")  # a removed line: neither text nor a paragraph break
        else:
            keep.append(s)
    repeated = set() if extracted else _drop_repeated_captions(keep, removed)
    if not extracted:
        _drop_below_closing_mark(lines, keep, removed)
    _drop_trailing_promotions(keep, removed)
    if not extracted:
        _drop_related_lists(keep, removed)
        _drop_trailing_headlines(keep, removed)
    harvest.title = _first_title(keep, repeated)
    harvest.footer = _footer(harvest)
    harvest.masthead = None if extracted else _masthead(lines, harvest, {i for i, r in removed if r.reason in CHROME},
                                                        [r.text for i, r in removed if i > MAX_CHROME_ABOVE_MASTHEAD + 1])
    for line in keep:
        if line:
            harvest.source_names.extend(_syndication_source(line))
    if scrape_language:
        _drop_scored_debris(lines, keep, removed, scrape_language)
    _forget_dates_below_article(lines, keep, removed, harvest)
    harvest.credit_lines = [lines[i].strip() for i in _right_below_article(lines, keep, removed)
                            if _reason(removed, i) == "copyright footer"]
    return Cleaned(_join(keep), [r for _, r in sorted(removed, key=lambda x: x[0])], harvest)


# Page furniture that may stand above the masthead ("Skip to content", a cookie banner, "Advertisement")
CHROME = {"site footer links", "share/print/social widget", "advertisement marker", "ad-slot size", "cookie notice",
          "reader-support appeal", "paywall or meter notice"}
MAX_CHROME_ABOVE_MASTHEAD = 3


# A name in capitals and a short label after a dash, on the first line: "EXAMPLE RUNDSCHAU - International Edition".
CAPS_BEFORE_DASH = re.compile(r"^(?P<name>[A-Z][A-Z&'’.]*(?: [A-Z][A-Z&'’.]*){1,5})\s+[-–—]\s+(?P<rest>\S.{0,40})$")
# A name in capitalised words and an edition label after a dash: "Example Mining Journal - English edition" (the
# name is then held to the same confirmation as one alone: a publication word, the footer, the debris below).
NAME_BEFORE_EDITION = re.compile(r"^(?P<name>[A-Z][\w&'’.]*(?: [A-Z][\w&'’.]*){1,5})\s+[-–—]\s+"
                                 r"(?P<rest>(?:[\w-]+\s+){0,2}[Ee]dition)$")


def _masthead(lines: list[str], harvest: Harvest, chrome: set[int] = frozenset(),
              debris: list[str] = ()) -> str | None:
    """The publication's name on the first line of the page (below at most three lines of page furniture),
    alone before a date or heading, or first in a bar of sections ("EXAMPLE DAILY | World | Tuesday, May 5,
    2020"). In capitals (then title-cased); or in capitalised words, alone, when they make a publication's name
    ("The Example Morning Herald": Herald, Monitor, Daily, Agency ...) that no other name in the page's footer
    contradicts, or when the page's footer or copyright notice names it too (then in a bar as well), or a line
    of page debris below repeats it ("Related from Example Sentinel": ``debris``, the removed lines under the top)."""
    from .outlet import names_publication

    index = [i for i, line in enumerate(lines) if line.strip()]
    skip = 0
    while skip < min(MAX_CHROME_ABOVE_MASTHEAD, len(index) - 1) and index[skip] in chrome:
        skip += 1
    top = [lines[i].strip() for i in index[skip:skip + 2]]
    if not top:
        return None
    parts = [p.strip() for p in SEPARATORS.split(top[0]) if p.strip()]
    if len(parts) == 1 and (m := CAPS_BEFORE_DASH.match(top[0]) or NAME_BEFORE_EDITION.match(top[0])):
        parts = [m["name"], m["rest"]]  # "EXAMPLE RUNDSCHAU - International Edition": a name, a label
    name = parts[0] if parts else ""
    if len(words(name)) < 2 or any(ch.isdigit() for ch in name):
        return None
    alone = len(parts) == 1 and len(top) > 1 and (top[1] in harvest.metadata_lines or is_heading_like(top[1]))
    if len(parts) == 1 and not alone:
        return None
    if MASTHEAD.match(name):
        name = string_title(name)
    elif not _is_proper_name(name):
        return None
    else:
        below = _footer_names(harvest)
        confirmed = any(_same_name(name, other) for other in below) or (
            _has_own_word(name) and any(name.casefold() in d.casefold() for d in debris))
        if not confirmed and not (alone and names_publication(name) and not below and _has_own_word(name)):
            return None
    if harvest.title and line_key(name) == line_key(harvest.title):
        harvest.title = None  # the masthead was taken for the headline
    return name


# Words of a section label set like a name ("Latest News", "World News", "Top Stories"): not a publication's own
SECTION_WORDS = {"latest", "breaking", "top", "live", "more", "related", "local", "world", "national", "international",
                 "business", "sport", "sports", "politics", "opinion", "today's", "featured", "popular", "trending",
                 "the", "of", "and", "&", "in"}


def _has_own_word(name: str) -> bool:
    """A word that is neither a publication word nor a section-label word: "Example" in "Example News"."""
    from .outlet import PUBLICATION_WORDS

    return any(w.lower() not in PUBLICATION_WORDS and w.lower() not in SECTION_WORDS for w in name.split())


def _footer_names(harvest: Harvest) -> list[str]:
    """The names the page's footer gives: the names opening its footer bars and its copyright holders."""
    from .outlet import copyright_names

    return harvest.footer_names + copyright_names(harvest.copyright_lines)


def _same_name(name: str, other: str) -> bool:
    """One publication: "Example Monitor" and "Example Monitor Ltd", "The Example Herald" and "Example Herald" (the
    one name the first words of the other; "Discover Example" and "Example" are two)."""
    a, b = (re.sub(r"^the\s+", "", x.casefold()).replace(",", " ").split() for x in (name, other))
    n = min(len(a), len(b))
    return n > 0 and a[:n] == b[:n]


def _footer(harvest: Harvest) -> str | None:
    """The publication named first in a footer bar: a publication's name ("Example Daily Post"), or one the page's
    copyright notice names too."""
    from .outlet import copyright_names, names_publication

    holders = copyright_names(harvest.copyright_lines)
    for name in harvest.footer_names:
        if names_publication(name) or any(_same_name(name, h) for h in holders):
            return name
    return None


def string_title(name: str) -> str:
    """"THE EXAMPLE POST" -> "The Example Post" (short words after the first stay lower-case)."""
    small = {"of", "the", "and", "for", "in", "on", "a", "an", "at", "to"}
    out = []
    for i, w in enumerate(name.split()):
        lw = w.lower()
        out.append(lw if i and lw in small else lw[:1].upper() + lw[1:])
    return " ".join(out)


SIGNATURE_REASONS = {"byline", "reporting credit", "source line", "syndication credit"}
SIGNATURE_MAX_WORDS = 3  # an agency's signature under the story ("EPA", "(EPA/ab/cd)")


def _reason(removed: list[tuple[int, Removed]], index: int) -> str | None:
    return next((r.reason for i, r in removed if i == index), None)


def _right_below_article(lines: list[str], kept: list[str | None], removed: list[tuple[int, Removed]]) -> list[int]:
    """The removed lines printed right under the article's last line, with it: its signature or credits ("EPA",
    "Reporting by ..."), at most one date line and one copyright line ("Published on ...", "(c) 2025 EPA"); up to
    the first line of another kind (a list label such as "Most read", a share bar, a footer)."""
    last = max((i for i, line in enumerate(kept) if line), default=-1)
    out: list[int] = []
    seen: set[str] = set()
    for i, r in sorted((x for x in removed if x[0] > last), key=lambda x: x[0]):
        s = lines[i].strip()
        if r.reason in ("metadata line", "copyright footer") and r.reason not in seen:
            seen.add(r.reason)
        elif not (r.reason in SIGNATURE_REASONS or len(words(s)) <= SIGNATURE_MAX_WORDS and not RELATED.match(s)):
            break
        out.append(i)
    return out


def _forget_dates_below_article(lines: list[str], kept: list[str | None], removed: list[tuple[int, Removed]],
                                harvest: Harvest) -> None:
    """Date lines below the article's last line (comments, related-story lists, footers) date other texts.

    Except, on a page that dates nothing above the article's end, the article's own date line printed right
    under it ("Published on May 5, 2020, 3:10 pm"), with nothing between but credits or a signature of a word
    or three ("EPA"), no list label ("Most read").
    """
    last = max((i for i, line in enumerate(kept) if line), default=-1)
    above = {lines[i].strip() for i, r in removed if i <= last and r.reason == "metadata line"}
    own = set() if above else {i for i in _right_below_article(lines, kept, removed)
                               if _reason(removed, i) == "metadata line"}
    below = {lines[i].strip() for i, r in removed if i > last and i not in own and r.reason == "metadata line"}
    harvest.metadata_lines = [m for m in harvest.metadata_lines if m in above or m not in below]


def _drop_scored_debris(lines: list[str], kept: list[str | None], removed: list[tuple[int, Removed]],
                        language: str) -> None:
    """Lines that the line scorer decodes as outside the article; nothing when it finds no article at all."""
    from .lines import body_lines

    index = [i for i, line in enumerate(lines) if line.strip()]
    decoded = body_lines([lines[i].strip() for i in index], language)
    if not any(kept[i] and body for i, (body, _p) in zip(index, decoded)):
        return  # no line the rules kept reads as article text: keep what the rules kept rather than nothing
    for i, (body, p) in zip(index, decoded):
        if kept[i] and not body:
            removed.append((i, Removed(lines[i], f"outside the article text (line score {p:.2f})")))
            kept[i] = ""


def line_key(line: str) -> str:
    """What two copies of a boilerplate line have in common (case, spacing and digits aside)."""
    return re.sub(r"\d+", "0", " ".join(line.casefold().split()))


def _drop_repeated_captions(kept: list[str | None], removed: list[tuple[int, Removed]]) -> set[str]:
    """Later copies of a short line seen before the first sentence (image captions, nav); their keys."""
    seen: set[str] = set()
    repeated: set[str] = set()
    for i, line in enumerate(kept):
        if not line:
            continue
        if is_sentence(line):
            break
        if is_heading_like(line):
            key = line_key(line)
            if key in seen:
                removed.append((i, Removed(line, "repeated line (caption or navigation)")))
                kept[i] = ""
                repeated.add(key)
            seen.add(key)
    return repeated


SEPARATOR_LINE = re.compile(r"^(?:[-–—_=*~•·#]\s*){3,}$")  # a rule drawn in text: "---", "* * *", "______"
RUNNING_TEXT_WORDS = 12  # a paragraph of running text: a sentence of this many words or more
PROMOTION_MAX_WORDS = 25
# The outlet's channels: what a promotion asks the reader to join (not "share" or "print", verbs of news text too)
CHANNEL = re.compile(r"\b(?:subscri(?:be|ption)s?|newsletters?|sign[ -]?up|follow us|inbox|alerts|podcasts?|our app"
                     r"|telegram|whatsapp|facebook|twitter|instagram|youtube|tiktok|linkedin)\b", re.I)


def _is_promotion(line: str) -> bool:
    """The outlet speaking to its readers of its channels, in a sentence (the widget rule spares sentences): first
    person plural and a channel, not quoted ("Join our Telegram channel for the latest updates.", "Sign up for our
    newsletter.")."""
    return len(words(line)) <= PROMOTION_MAX_WORDS and ends_like_sentence(line) and bool(CHANNEL.search(line)) \
        and bool(FIRST_PLURAL.search(line)) and not QUOTE_MARKS.search(line)


def _last_running_text(kept: list[str | None]) -> int:
    """The index of the article's last paragraph of running text (not a promotion), -1 if none."""
    return max((i for i, line in enumerate(kept) if line and is_sentence(line)
                and len(words(line)) >= RUNNING_TEXT_WORDS and not _is_promotion(line)), default=-1)


# A wire story signs off with its credits ("(Reporting by ...; Editing by ...)"), a page with its copyright notice.
CLOSING_MARKS = {"copyright footer", "reporting credit"}


def _drop_below_closing_mark(lines: list[str], kept: list[str | None], removed: list[tuple[int, Removed]]) -> None:
    """What follows the mark that closes an article (its copyright notice, a wire story's reporting and editing
    credits, or a rule "---" under its last paragraph) is page furniture, sentence-shaped or not ("Our Standards: ...", "Comments are closed.").

    Only a mark below the last paragraph of running text: a rule between two parts of an article, or a
    photo credit inside it, has running text after it.
    """
    last = _last_running_text(kept)
    if last < 0:
        return
    copyright_marks = [i for i, r in removed if i > last and r.reason in CLOSING_MARKS]
    rules = [i for i in range(last + 1, len(kept)) if kept[i] and SEPARATOR_LINE.match(kept[i])]
    if not copyright_marks and not rules:
        return
    for i in range(min(copyright_marks + rules), len(kept)):
        if kept[i]:
            removed.append((i, Removed(lines[i], "below the end of the article (its copyright notice or closing "
                                                 "rule)")))
            kept[i] = ""


# The label of a list of links to other stories, set as a short heading: "Related", "Related analysis", "MORE ON THIS
# TOPIC", "More from Example News", "Read also", "Most read today", "Also in Example Journal".
RELATED_LABEL = re.compile(r"^(?:related|more (?:on|from|about|in)|also (?:on|in|from)|read more|read also|also read|"
                           r"see also|further "
                           r"reading|recommended|you may also like|you might also like|most (?:read|popular)|"
                           r"latest)\b", re.I)
RELATED_LABEL_MAX_WORDS = 6


def _drop_related_lists(kept: list[str | None], removed: list[tuple[int, Removed]]) -> None:
    """A related-links label and the list it heads ("Related analysis" + "- Headline" lines): below the article's
    last paragraph of running text, the label with whatever list follows it; above it, only a label heading a list of
    bulleted headlines (a subheading "Related cases" over paragraphs is the article's)."""
    last = _last_running_text(kept)
    labels = {i for i, r in removed if r.reason == "related-story link"}  # "Related stories", "Read more:" went already
    for i, line in enumerate(kept):
        if not (i in labels or line and RELATED_LABEL.match(line) and is_heading_like(line)
                and len(words(line)) <= RELATED_LABEL_MAX_WORDS):
            continue
        items = []
        for j in range(i + 1, len(kept)):
            if kept[j] == "":
                continue  # a line removed already
            if kept[j] is None or not BULLET.match(kept[j]) or is_sentence(kept[j]):
                break
            items.append(j)
        if i < last and not items:
            continue
        for j in ([] if i in labels else [i]) + items:
            removed.append((j, Removed(kept[j], "related-story list after its label")))
            kept[j] = ""


def _drop_trailing_promotions(kept: list[str | None], removed: list[tuple[int, Removed]]) -> None:
    """Promotions below the article's last paragraph of running text. They end like sentences, so the widget rule
    spares them; after the article they are the outlet's, not the story's."""
    last = _last_running_text(kept)
    if last < 0:
        return
    for i in range(last + 1, len(kept)):
        if kept[i] and _is_promotion(kept[i]):
            removed.append((i, Removed(kept[i], "promotion after the article")))
            kept[i] = ""


def _drop_trailing_headlines(kept: list[str | None], removed: list[tuple[int, Removed]]) -> None:
    """Headline-shaped lines after the last sentence are related-story links, not body.

    Only lines after the last line that reads as a sentence, and at most five of them.
    """
    last_sentence = max((i for i, line in enumerate(kept) if line and is_sentence(line)), default=-1)
    if last_sentence < 0:
        return
    tail = [i for i in range(last_sentence + 1, len(kept)) if kept[i]]
    if not tail or len(tail) > 5 or any(not is_heading_like(kept[i]) for i in tail):
        return
    for i in tail:
        removed.append((i, Removed(kept[i], "related-story headline after the article")))
        kept[i] = ""


def _first_title(kept: list[str | None], repeated: set[str]) -> str | None:
    """The headline: of the headline-shaped lines above the first sentence (menus, mastheads and section bars
    come first on a page), the one closest to it that is no date, time, byline or credit line (those sit
    between a headline and its story: "Updated 2 hours ago", "By Dana Ruiz", "Velmora Wire Service"); a
    question opening the page is one too."""
    candidates = []
    for n, line in enumerate(x for x in kept if x):
        if n == 0 and line.rstrip().endswith("?") and 3 <= len(words(line)) <= 15:
            return line  # a question headline ("Who was ...?") opening the page
        if is_sentence(line) or not is_heading_like(line):
            break
        if len(words(line)) >= 3 and line_key(line) not in repeated and not _is_breadcrumb(line):
            candidates.append(line)
    headlines = [line for line in candidates if not _credit_line(line)]
    return (headlines or candidates or [None])[-1]


_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# A clock time, a numeric date, a month with a day or year ("April 15, 2031", "17 September 2031", "Sept 16"),
# or the words of a time stamp: what a date line holds, not a headline ("Iran vows revenge for 2020 killing")
_STAMP = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b(?:ago|updated|published|posted)\b", re.I)
_MONTH_DAY = re.compile(rf"\b(?:{_MONTH})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{_MONTH})\b", re.I)


def _credit_line(line: str) -> bool:
    """A line that stamps or credits a story rather than headlining it: a date or time, a byline, a bar of
    items, or a short name in capitals only (a desk or agency: "Meridian World Desk")."""
    w = words(line)
    dated = bool(_MONTH_DAY.search(line)) and not any(len(x) >= 4 and x.islower() and x not in MONTHS for x in w)
    return dated or bool(_STAMP.search(line)) or bool(BYLINE.match(line.strip())) or "|" in line or (
        len(w) <= 4 and all(x[:1].isupper() or not x[:1].isalpha() for x in w))


def _join(kept: list[str | None]) -> str:
    """Kept lines: "\\n" inside a block, "\\n\\n" where a blank line (or removed lines at a break) stood."""
    blocks: list[list[str]] = [[]]
    for line in kept:
        if line is None:
            if blocks[-1]:
                blocks.append([])
        elif line:
            blocks[-1].append(line)
    return "\n\n".join("\n".join(b) for b in blocks if b)
