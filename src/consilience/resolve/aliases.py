"""Step 2, alias links: pairs of names the text itself says denote one actor (``collect_links``
gathers them for the corpus).

Three sources, all general:

- ``AliasEvidence`` records from phase 1 ("Full Name (ABBR)", "A/B", "aka.", "or",
  "born NAME", "formerly"), trusted as written: the text states the identity.
- Names spaCy cut in a way that still shows an acronym definition: a mention
  followed by " (ABBR)" or running into one ("Corps'(IRGC"); accepted only when
  ABBR equals the name's initials (so a stray parenthesis links nothing).
- Slash forms inside one mention ("PMOI/MEK"): every part is an alias of the
  whole when each part is written as an acronym.

Each link keeps the span it rests on (``Link.document/start/end``).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import AliasEvidence
from ..store import Analyses
from .names import FUNCTION_WORDS, acronym_of, clean_surface, expansion_initials, normalize
from .spans import NameSpan

# " (ABBR)" right after a name, optionally after an "of X" tail spaCy left out ("Organization" + " of Iran (PMOI)").
_PAREN_AFTER = re.compile(
    r"^((?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){0,2})?)"
    r"\s*[(\[]\s*([A-Za-z][A-Za-z.\-/&]{1,15})\s*[)\]]"
)
_PAREN_INSIDE = re.compile(r"^(.*?)['\u2019]?\s*[(\[]\s*([A-Za-z][A-Za-z.\-/&]{1,15})\s*[)\]]?\s*$", re.S)


@dataclass(frozen=True)
class Link:
    """Two surface names the text equates, with the span that says so."""

    a: str
    b: str
    kind: str  # the AliasEvidence kind, or "acronym" / "slash" for links found here
    document: str
    start: int
    end: int


# Evidence kinds that state an identity; other kinds ("parenthetical": a name in brackets whose
# letters do not spell the name before it) are weaker and pass only ``_plausible_parenthetical``.
TRUSTED_KINDS = frozenset({"acronym", "aka", "or", "born", "formerly", "slash"})
_NOT_INSTITUTIONS = frozenset({"PERSON", "GPE", "LOC", "NORP"})


def links_from_evidence(evidence: list[AliasEvidence], mostly: frozenset = frozenset(),
                        tagged: frozenset = frozenset()) -> list[Link]:
    """One Link per AliasEvidence record that states an identity (both names non-empty).
    ``mostly``: name keys (``normalize``) mostly tagged as a person, place or nationality across the
    corpus; ``tagged``: (document, end) of the evidence's own mentions tagged so. A name that is both is
    no institution's name or short name ("Dana Whitfield (CEO)", "the Harbour Museum (Velmora)")."""
    out = []
    for ev in evidence:
        if not (ev.a_text and ev.b_text and ev.a_text.strip() and ev.b_text.strip()):
            continue
        if ev.kind in TRUSTED_KINDS or _plausible_parenthetical(ev.a_text, ev.b_text, not any(
                normalize(text).key in mostly and (ev.document, end) in tagged
                for text, end in ((ev.a_text, ev.a_end), (ev.b_text, ev.b_end)))):
            out.append(Link(ev.a_text, ev.b_text, ev.kind, ev.document, ev.start, ev.end))
    return out


def _plausible_parenthetical(name: str, bracketed: str, institution: bool = False) -> bool:
    """"Popular Mobilization Forces (PMU)": an acronym-shaped bracket after a multi-word name,
    starting with the name's first initial. "Velmora (Meridian Wire)" is not. Between an
    institution's name of three words or more and a bracket that is neither a person, a place nor a
    nationality (``institution``), also an acronym of three letters or more that does not spell it,
    the acronym of its name in another language ("National Transport Safety Board (KNKT)"), one
    capitalised word of four letters or more, a syllabic acronym or short name ("National Oil
    Company (Petrova)"), or (after a name of two words or more) as many capitalised words give or take
    one, a translation ("Grazhdanskiy Kontrol (Civic Control)")."""
    wanted = expansion_initials(name)
    if not wanted:
        return False
    abbr = acronym_of(bracketed)
    if abbr and any(abbr[0] == w[0] for w in wanted):
        return True
    if not institution or (min(len(w) for w in wanted) < 3 and len(bracketed.split()) < 2):
        return False
    word = bracketed.strip()
    words, own = word.split(), name.split()
    return (abbr is not None and len(abbr) >= 3) or (
        len(word) >= 4 and word.isalpha() and word[0].isupper() and word[1:].islower()) or (
        # a translation: as many capitalised words, give or take one ("Grazhdanskiy Kontrol (Civic Control)")
        len(words) >= 2 and len(own) >= 2 and abs(len(words) - len(own)) <= 1
        and all(w[:1].isupper() or w.lower() in FUNCTION_WORDS for w in words))


def acronym_matches(acronym_surface: str, expansion_surface: str) -> bool:
    """The acronym's letters are the expansion's initials (function words skipped or kept).

    Slash/hyphen compounds match when one of their parts does ("PMOI/MEK" for
    "People's Mojahedin Organization of Iran").
    """
    wanted = expansion_initials(expansion_surface)
    if not wanted:
        return False
    whole = acronym_of(acronym_surface)
    parts = [acronym_of(p) for p in re.split(r"[/]", acronym_surface)]
    for x in [whole, *parts]:
        if x and (x in wanted or (len(x) >= 5 and any(_one_letter_apart(x, w) for w in wanted))):
            return True
    return False


def _one_letter_apart(acronym: str, initials: str) -> bool:
    """The acronym has one letter more than the initials, in order ("IRGCQF" for "...Guards Quds Force")."""
    return len(acronym) == len(initials) + 1 and any(acronym[:i] + acronym[i + 1:] == initials for i in range(len(acronym)))


def slash_parts(surface: str) -> list[str]:
    """Parts of a slash form written as acronyms ("PMOI/MEK" -> ["PMOI", "MEK"]); [] otherwise."""
    s = clean_surface(surface)
    if "/" not in s or " " in s:
        return []
    parts = [p for p in s.split("/") if p]
    if len(parts) < 2 or not all(acronym_of(p) for p in parts):
        return []
    return parts


def links_in_mention(document: str, text: str, start: int, end: int) -> list[Link]:
    """Links a single mention's text and its right context show by themselves.

    ``text`` is the whole document text; ``start``/``end`` the mention's span.
    """
    surface = text[start:end]
    out = [Link(surface, p, "slash", document, start, end) for p in slash_parts(surface)]
    inside = _PAREN_INSIDE.match(surface)
    if inside and acronym_of(inside.group(2)) and acronym_matches(inside.group(2), inside.group(1)):
        out.append(Link(inside.group(1), inside.group(2), "acronym", document, start, end))
    after = _PAREN_AFTER.match(text[end:end + 80])
    if after:
        expansion, abbr = surface + after.group(1), after.group(2)
        if acronym_of(abbr) and acronym_matches(abbr, expansion):
            out.append(Link(expansion, abbr, "acronym", document, start, end + after.end()))
            out.extend(Link(abbr, p, "slash", document, start, end + after.end()) for p in slash_parts(abbr))
    return out


def collect_links(texts: dict[str, str], analyses: Analyses, spans: list[NameSpan]) -> list[Link]:
    """Alias links: phase-1 evidence plus what each mention shows by itself."""
    links: list[Link] = []
    held: list[AliasEvidence] = []  # weak evidence, judged once the corpus's labels are known (few records)
    for analysis in analyses.view("aliases"):
        links.extend(links_from_evidence([ev for ev in analysis.aliases if ev.kind in TRUSTED_KINDS]))
        held.extend(ev for ev in analysis.aliases if ev.kind not in TRUSTED_KINDS)
    # A name of weak evidence is a person's, a place's or a nationality's when its own mention there is
    # tagged so and so are most of its mentions across the corpus (spaCy misreads a name now and then)
    weak = {normalize(t).key for ev in held for t in (ev.a_text, ev.b_text)}
    at = {(ev.document, end) for ev in held for end in (ev.a_end, ev.b_end)}
    votes: dict[str, Counter] = {}
    tagged = set()
    for s in spans:
        key = normalize(s.text).key if s.text else ""
        if key in weak:
            votes.setdefault(key, Counter()).update(label for _, label in s.mentions if label != "MISC")
            if (s.document, s.end) in at and any(label in _NOT_INSTITUTIONS for _, label in s.mentions):
                tagged.add((s.document, s.end))
    mostly = frozenset(k for k, v in votes.items() if v and v.most_common(1)[0][0] in _NOT_INSTITUTIONS)
    links.extend(links_from_evidence(held, mostly, frozenset(tagged)))
    for span in spans:
        text = texts.get(span.document)
        if text is not None and ("/" in span.text or span.bracket or text[span.end:span.end + 80].find("(") >= 0):
            links.extend(links_in_mention(span.document, text, span.start, span.end))
    return [link for link in links if normalize(link.a).tokens and normalize(link.b).tokens]
