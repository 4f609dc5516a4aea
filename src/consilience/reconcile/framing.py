"""Framing per source: the labels an outlet gives each actor, its loaded words, and its own voice.

Per outlet (per document when the outlet is unknown):
- labels: descriptors (appositions, predicate nominals) with the entity they describe;
- loaded terms from a published affect lexicon, AFINN (Nielsen 2011, "A new ANEW: evaluation of a
  word list for sentiment analysis in microblogs"; AFINN-en-165 as shipped inside the ``afinn`` package,
  ODbL 1.0): words scored 2 or more either way, less the event words the claims vocabulary states as
  facts ("killed", "attack", "death" report, they do not judge); counted in the outlet's own voice
  (outside quotations), with examples (document, offsets); quoted uses are counted apart. A user's own
  list (``TERM POLARITY`` lines) can be given to ``load_lexicon(path)``;
- attributed_share: claims attributed to a speaker / all claims; hedged_share likewise;
- contrasts: for each entity, this outlet's labels beside another outlet's when their loaded
  terms point opposite ways (pejorative vs laudatory), or loaded vs free of loaded terms.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..model import Contrast, DocAnalysis, Document, LoadedTerm, OutletLabel, ResolvedClaim, SourceProfile, TextSpan
from .facts import outlet_of
from .participants import entity_of

LEXICON_PATH = None  # default: AFINN-en-165 from the afinn package (see load_lexicon)
AFINN_FILE = "AFINN-en-165.txt"
AFINN_MIN = 2  # |score| from which an AFINN word counts as loaded (1 is mild: "agree", "help", "problem")
EXAMPLES_PER_TERM = 5
CONTRAST_LABELS = 6  # labels shown per side of a contrast
_QUOTED = re.compile(r"“[^”]{1,2000}”|\"[^\"\n]{1,2000}\"")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    term: str
    polarity: int  # -1 pejorative, +1 laudatory
    pattern: re.Pattern


def _term(words: list[str], polarity: int) -> Term:
    body = r"\s+".join(re.escape(w).replace(r"\*", r"\w*") for w in words)
    return Term(" ".join(words), polarity, re.compile(r"\b" + body + r"\b", re.IGNORECASE))


def _event_word(word: str) -> bool:
    """A word the claims vocabulary uses to state what happened (kill, killed, attacks, death, dead)."""
    from ..lexicon import vocabulary as V

    events = {*V.VERB_TRIGGERS, *V.NOUN_TRIGGERS, *V.VICTIM_NOUNS, "dead", "death", "died", "dies", "dying",
              "injured", "injury", "injuries", "war", "crash", "crashed", "fire", "fired", "shot", "shoot"}
    stems = {word, word[:-1], word[:-2], word[:-3], word.removesuffix("ing") + "e", word.removesuffix("ed") + "e"}
    return bool(stems & events)


def _afinn() -> tuple[Term, ...]:
    from importlib.resources import files

    text = (files("afinn") / "data" / AFINN_FILE).read_text(encoding="utf-8")
    terms = []
    for line in text.splitlines():
        word, _, score = line.rpartition("\t")
        if not word or not score.lstrip("-").isdigit() or abs(int(score)) < AFINN_MIN or _event_word(word):
            continue
        terms.append(_term(word.split(), -1 if int(score) < 0 else 1))
    return tuple(terms)


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = LEXICON_PATH) -> tuple[Term, ...]:
    """The loaded-terms lexicon: AFINN by default; or a file of 'term polarity # note' lines ('*' matches
    any word ending)."""
    if path is None:
        return _afinn()
    terms = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        *words, sign = line.split()
        terms.append(_term(words, -1 if sign == "-" else 1))
    return tuple(terms)


@dataclass(frozen=True)
class _Index:
    """Terms by the first word run they start with: a match of the old one-alternation scan can only
    start where a text word equals (or, for a '*' term, begins with) that run, so each word looks up
    its few candidates instead of the regex engine trying every term at every position (AFINN's 2,700
    terms had made framing the slowest step of phase 2)."""

    exact: dict[str, tuple[int, ...]]
    prefixes: tuple[tuple[str, int], ...]  # ('*' in the first word) prefix before the star, term index
    elsewhere: tuple[int, ...]  # terms that do not start with a word character: scanned on their own


_INDEXES: dict[int, _Index] = {}


def _first_run(term: str) -> tuple[str, bool] | None:
    """The first word run of a term, lowercased, and whether the term's '*' ends it (a prefix)."""
    m = re.match(r"\w+", term)
    if m is None:
        return None
    return m.group(0).lower(), term[m.end():m.end() + 1] == "*"


def _index(lexicon: tuple[Term, ...]) -> _Index:
    key = id(lexicon)
    if key not in _INDEXES:
        exact: dict[str, list[int]] = defaultdict(list)
        prefixes, elsewhere = [], []
        for i, t in enumerate(lexicon):
            first = _first_run(t.term)
            if first is None:
                elsewhere.append(i)
            elif first[1]:
                prefixes.append((first[0], i))
            else:
                exact[first[0]].append(i)
        _INDEXES[key] = _Index({k: tuple(v) for k, v in exact.items()}, tuple(prefixes), tuple(elsewhere))
    return _INDEXES[key]


def find_terms(text: str, lexicon: tuple[Term, ...] | None = None):
    """(Term, match) for every loaded term in ``text``, in order: leftmost first, the earlier term of
    the lexicon where two start at one place, no two overlapping."""
    lexicon = lexicon or load_lexicon()
    index = _index(lexicon)
    found: list[tuple[int, int, re.Match]] = []
    for w in _WORD.finditer(text):
        word = w.group(0).lower()
        candidates = index.exact.get(word, ())
        if index.prefixes:
            candidates = sorted((*candidates, *(i for p, i in index.prefixes if word.startswith(p))))
        for i in candidates:
            m = lexicon[i].pattern.match(text, w.start())
            if m is not None:
                found.append((m.start(), i, m))
                break
    for i in index.elsewhere:
        found.extend((m.start(), i, m) for m in lexicon[i].pattern.finditer(text))
    if index.elsewhere:
        found.sort(key=lambda f: (f[0], f[1]))
    end = 0
    for start, i, m in found:
        if start >= end and m.end() > start:
            end = m.end()
            yield lexicon[i], m


def polarity(text: str, lexicon: tuple[Term, ...] | None = None) -> int:
    """Sum of the signs of the loaded terms in ``text``."""
    return sum(t.polarity for t, _ in find_terms(text, lexicon))


def _quoted_spans(document: Document, analysis: DocAnalysis) -> list[tuple[int, int]]:
    spans = [(q.start, q.end) for q in analysis.quotes if q.kind == "direct"]
    spans += [(m.start(), m.end()) for m in _QUOTED.finditer(document.text)]  # quotation marks the quote finder missed
    return spans


def _in_name(analysis: DocAnalysis, start: int, end: int, text: str) -> bool:
    """A capitalised term inside a named mention is part of a name ("National Council of Resistance")."""
    if not text[:1].isupper():
        return False
    return any(m.start <= start and end <= m.end for m in analysis.mentions)


def loaded_terms(document: Document, analysis: DocAnalysis, lexicon) -> tuple[dict, dict]:
    """term -> examples in the outlet's voice, and term -> count inside quotations."""
    quoted = _quoted_spans(document, analysis)
    own: dict[str, list[TextSpan]] = defaultdict(list)
    inside: dict[str, int] = defaultdict(int)
    for t, m in find_terms(document.text, lexicon):
        if True:
            if _in_name(analysis, m.start(), m.end(), m.group(0)):
                continue
            if any(s <= m.start() < e for s, e in quoted):
                inside[t.term] += 1
            else:
                own[t.term].append(TextSpan(document.id, m.start(), m.end(), m.group(0)))
    return own, inside


def _labels(analysis: DocAnalysis) -> list[OutletLabel]:
    mentions = {m.id: m for m in analysis.mentions}
    by_span = {(m.start, m.end): m for m in analysis.mentions}
    out = []
    for d in analysis.descriptors:
        m = mentions.get(d.target_mention) if d.target_mention else by_span.get((d.target_start, d.target_end))
        entity = entity_of(m) if m is not None else None
        if entity is None:
            continue
        out.append(OutletLabel(entity=entity, text=d.text, document=d.document, start=d.start, end=d.end,
                               kind=d.kind, polarity=polarity(d.text)))
    return out


def _contribution(document: Document, analysis: DocAnalysis, lexicon) -> tuple[dict, dict, dict, list[OutletLabel]]:
    """What one document adds to its outlet's profile: loaded-term counts and first examples in the
    outlet's voice, counts inside quotations, and labels (a profile shows at most EXAMPLES_PER_TERM
    examples per term, so a document need not keep more)."""
    own, inside = loaded_terms(document, analysis, lexicon)
    return ({t: len(v) for t, v in own.items()}, {t: v[:EXAMPLES_PER_TERM] for t, v in own.items()}, inside,
            _labels(analysis))


@dataclass(slots=True)
class ClaimTally:
    """What a profile needs of one document's claims: how many, how many attributed, how many hedged."""

    claims: int = 0
    attributed: int = 0
    hedged: int = 0


def tally_claims(claims: Iterable[ResolvedClaim]) -> dict[str, ClaimTally]:
    """Document id -> ClaimTally (so the claims themselves can be let go before profiling)."""
    tallies: dict[str, ClaimTally] = defaultdict(ClaimTally)
    for c in claims:
        t = tallies[c.document]
        t.claims += 1
        t.attributed += bool(c.attributed_to or c.speaker_text)
        t.hedged += bool(c.hedged)
    return dict(tallies)


def profile_sources(documents: list[Document], analyses: Iterable[DocAnalysis],
                    tallies: dict[str, ClaimTally]) -> list[SourceProfile]:
    """One profile per outlet; ``tallies`` from ``tally_claims``."""
    lexicon = load_lexicon()
    by_id = {d.id: d for d in documents}
    # One pass over the analyses (they may be decoded one at a time): keep only what each document contributes.
    found = {a.document: _contribution(by_id[a.document], a, lexicon) for a in analyses if a.document in by_id}
    nothing = DocAnalysis(document="")
    by_outlet: dict[str, list[Document]] = defaultdict(list)
    for d in documents:
        by_outlet[outlet_of(d, d.id)].append(d)
    none = ClaimTally()
    profiles = []
    for outlet, docs in by_outlet.items():
        counts: dict[str, int] = defaultdict(int)
        examples: dict[str, list[TextSpan]] = defaultdict(list)
        inside: dict[str, int] = defaultdict(int)
        labels: list[OutletLabel] = []
        words = 0
        for d in docs:
            n_own, some, i, doc_labels = found[d.id] if d.id in found else _contribution(d, nothing, lexicon)
            for k, v in n_own.items():
                counts[k] += v
                if len(examples[k]) < EXAMPLES_PER_TERM:
                    examples[k].extend(some[k])
            for k, v in i.items():
                inside[k] += v
            labels.extend(doc_labels)
            words += len(_WORD.findall(d.text))
        tally = [tallies.get(d.id, none) for d in docs]
        n = sum(t.claims for t in tally)
        total_own = sum(counts.values())
        terms = sorted(set(counts) | set(inside), key=lambda t: (-counts.get(t, 0), t))
        profiles.append(SourceProfile(
            outlet=outlet,
            documents=[d.id for d in docs],
            claims=n,
            attributed_share=round(sum(t.attributed for t in tally) / n, 3) if n else 0.0,
            hedged_share=round(sum(t.hedged for t in tally) / n, 3) if n else 0.0,
            loaded_terms=[LoadedTerm(term=t, count=counts.get(t, 0), quoted=inside.get(t, 0),
                                     examples=examples.get(t, [])[:EXAMPLES_PER_TERM]) for t in terms],
            labels=labels,
            words=words,
            loaded_per_1000=round(1000 * total_own / words, 2) if words else 0.0,
        ))
    _contrasts(profiles)
    return profiles


def _contrasts(profiles: list[SourceProfile]) -> None:
    """Per entity: outlets whose labels lean opposite ways, side by side (filled into each profile)."""
    lean: dict[str, dict[str, tuple[int, list[OutletLabel]]]] = defaultdict(dict)  # entity -> outlet -> (sum, labels)
    for p in profiles:
        per_entity: dict[str, list[OutletLabel]] = defaultdict(list)
        for lab in p.labels:
            per_entity[lab.entity].append(lab)
        for e, labs in per_entity.items():
            lean[e][p.outlet] = (sum(x.polarity for x in labs), labs)
    by_outlet = {p.outlet: p for p in profiles}
    for e, outlets in lean.items():
        if len(outlets) < 2:
            continue
        negative = [o for o, (s, _) in outlets.items() if s < 0]
        other = [o for o, (s, _) in outlets.items() if s >= 0]
        if not negative or not other:
            continue
        for a in other:
            for b in negative[:CONTRAST_LABELS]:
                kind = "opposite" if outlets[a][0] > 0 else "loaded vs neutral"
                labels_a, labels_b = _texts(outlets[a][1]), _texts(outlets[b][1])
                by_outlet[a].contrasts.append(Contrast(entity=e, kind=kind, labels=labels_a, polarity=outlets[a][0],
                                                       other_outlet=b, other_labels=labels_b,
                                                       other_polarity=outlets[b][0]))
                by_outlet[b].contrasts.append(Contrast(entity=e, kind=kind, labels=labels_b, polarity=outlets[b][0],
                                                       other_outlet=a, other_labels=labels_a,
                                                       other_polarity=outlets[a][0]))


def _texts(labels: list[OutletLabel]) -> list[str]:
    return list(dict.fromkeys(x.text for x in labels))[:CONTRAST_LABELS]
