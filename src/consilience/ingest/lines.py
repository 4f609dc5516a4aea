"""Which lines of a plain-text page scrape are the article: a learned line scorer and a two-state decoder.

A copied web page is the article between menus, teasers, widgets and footers, one block per
line. The signals are the ones published boilerplate detectors use:
- jusText (Pomikálek 2011): length, stopword density, link/menu-like lines, and the class of
  the neighbouring lines;
- Kohlschütter et al. (WSDM 2010), "Boilerplate detection using shallow text features": word
  counts and average word length of a line and of its neighbours carry most of the signal;
- BTE (Finn et al. 2001): the article is one dense run of text, so the distance of a line from
  the densest run matters;
- repetition: a line that recurs on the page (menus shown twice) or across the corpus.

Scorer: a logistic regression over those features, fitted on the development half of the
text-scrapes benchmark by ``benchmarks/train_lines.py`` and shipped as ``data/line_model.json``
(weights only; nothing is downloaded). Decoder: a two-state hidden Markov model (body, debris)
whose transition probabilities were counted on the same half, decoded with Viterbi, so a short
line inside the article stays and a long teaser inside a menu goes.

Hand-written because no maintained library classifies the lines of a plain-text scrape:
jusText needs paragraphs from HTML and scores 0.79 F1 here against this scorer's figure in
docs/ingest.md.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")
TERMINAL = re.compile(r"[.!?…][\"'”’)\]»]*$|[.!?…:][\"'”’)\]»]*\s*$")
LIST_MARKER = re.compile(r"^(?:[*•·▪◦●o+-]|\d{1,2}[.)])\s+")
SEPARATOR = re.compile(r"\s[|/•·»›>]\s|\s[-–—]\s*$")
URLISH = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk)\b|@\w")


# ISO 639-1 code -> the name of jusText's stoplist for that language
STOPLIST_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "cs": "Czech", "sk": "Slovak",
    "sv": "Swedish", "da": "Danish", "no": "Norwegian_Bokmal", "nb": "Norwegian_Bokmal", "fi": "Finnish",
    "hu": "Hungarian", "ro": "Romanian", "bg": "Bulgarian", "el": "Greek", "tr": "Turkish", "ar": "Arabic",
    "fa": "Persian", "he": "Hebrew", "hi": "Hindi", "ur": "Urdu", "id": "Indonesian", "ms": "Malay",
    "vi": "Vietnamese", "ko": "Korean", "ca": "Catalan", "hr": "Croatian", "sr": "Serbian", "sl": "Slovenian",
    "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian", "tl": "Tagalog", "sw": "Swahili",
}


@lru_cache(maxsize=64)
def stopwords(language: str | None = "en") -> frozenset[str]:
    """jusText's stoplist for ``language`` (published, frequency-derived lists; jusText ships with trafilatura);
    English when jusText has none for it."""
    import justext

    return frozenset(w.lower() for w in justext.get_stoplist(STOPLIST_NAMES.get(language or "en", "English")))


@dataclass(frozen=True)
class LineModel:
    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    log_transition: tuple[tuple[float, float], tuple[float, float]]  # [from][to], 0 = debris, 1 = body
    log_start: tuple[float, float]
    log_prior: tuple[float, float]  # log P(state) on the training lines

    def probability(self, x: list[float]) -> float:
        z = self.bias + sum(w * (v - m) / s for w, v, m, s in zip(self.weights, x, self.mean, self.scale))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_model() -> LineModel:
    data = json.loads(resources.files("consilience").joinpath("data/line_model.json").read_text(encoding="utf-8"))
    return LineModel(tuple(data["names"]), tuple(data["weights"]), data["bias"], tuple(data["mean"]),
                     tuple(data["scale"]), tuple(tuple(r) for r in data["log_transition"]),
                     tuple(data["log_start"]), tuple(data["log_prior"]))


# --------------------------------------------------------------------------- features


@dataclass
class Shape:
    """The shallow text features of one line."""

    words: int
    chars: int
    stop: float  # stopword density
    sentence: bool  # ends like a sentence
    listed: bool  # starts with a list marker
    capitals: float  # share of words that start upper-case
    digits: float  # share of characters that are digits
    mean_word: float
    separators: int
    link: bool


def shape(line: str, language: str | None = "en") -> Shape:
    s = line.strip()
    tokens = WORD.findall(s)
    alpha = [t for t in tokens if not t.isdigit()]
    stop = stopwords(language)
    n = len(tokens)
    return Shape(
        words=n, chars=len(s),
        stop=sum(t.lower() in stop for t in alpha) / n if n else 0.0,
        sentence=bool(TERMINAL.search(s)) and n >= 4,
        listed=bool(LIST_MARKER.match(s)),
        capitals=sum(t[0].isupper() for t in alpha) / len(alpha) if alpha else 0.0,
        digits=sum(ch.isdigit() for ch in s) / len(s) if s else 0.0,
        mean_word=sum(map(len, alpha)) / len(alpha) if alpha else 0.0,
        separators=len(SEPARATOR.findall(s)),
        link=bool(URLISH.search(s)),
    )


def _own(sh: Shape) -> list[float]:
    return [math.log1p(sh.words), math.log1p(sh.chars), sh.stop, float(sh.sentence), float(sh.listed),
            sh.capitals, sh.digits, min(sh.mean_word, 12.0), float(min(sh.separators, 3)), float(sh.link)] + \
        [float(lo <= sh.words < hi) for lo, hi in WORD_BINS] + [float(lo <= sh.stop < hi) for lo, hi in STOP_BINS]


# jusText's length and stopword-density classes (short < 10 words ... long > 30; density 0.2 / 0.3 thresholds)
WORD_BINS = ((0, 4), (4, 10), (10, 20), (20, 30), (30, 10 ** 9))
STOP_BINS = ((0.0, 0.1), (0.1, 0.2), (0.2, 0.3), (0.3, 0.4), (0.4, 2.0))


OWN_NAMES = ["log_words", "log_chars", "stop_density", "sentence", "list_marker", "capitalised", "digits",
             "mean_word_len", "separators", "link"] + [f"words_{lo}_{hi}" for lo, hi in WORD_BINS] + \
    [f"stop_{lo}_{hi}" for lo, hi in STOP_BINS]
NEIGHBOUR_NAMES = ["log_words", "stop_density", "sentence", "list_marker"]
OFFSETS = (-2, -1, 1, 2)


def _dense(sh: Shape) -> bool:
    """Running text by jusText's measure: long enough and stopword-dense."""
    return sh.words >= 10 and sh.stop >= 0.3 and not sh.listed


def _main_block(shapes: list[Shape]) -> tuple[int, int]:
    """(first, last) line of the densest run: the maximum-sum segment (BTE) of +words for running text, -1 else."""
    best, best_span = 0.0, (0, -1)
    total, start = 0.0, 0
    for i, sh in enumerate(shapes):
        gain = float(sh.words) if _dense(sh) else -max(1.0, sh.words / 2)
        if total <= 0:
            total, start = 0.0, i
        total += gain
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def features(lines: list[str], language: str | None = "en") -> list[list[float]]:
    """The feature vector of each (non-blank) line of a page in ``language`` (ISO 639-1)."""
    shapes = [shape(line, language) for line in lines]
    n = len(lines)
    first, last = _main_block(shapes)
    counts: dict[str, int] = {}
    keys = [" ".join(line.casefold().split()) for line in lines]
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    rows = []
    for i, sh in enumerate(shapes):
        row = _own(sh)
        for off in OFFSETS:
            j = i + off
            if 0 <= j < n:
                nb = shapes[j]
                row += [math.log1p(nb.words), nb.stop, float(nb.sentence), float(nb.listed)]
            else:
                row += [0.0, 0.0, 0.0, 0.0]
        inside = first <= i <= last
        distance = 0 if inside else (first - i if i < first else i - last)
        row += [float(inside), math.log1p(distance), i / n if n else 0.0,
                float(counts[keys[i]] > 1)]
        rows.append(row)
    return rows


FEATURE_NAMES = OWN_NAMES + [f"{name}@{off:+d}" for off in OFFSETS for name in NEIGHBOUR_NAMES] + [
    "in_main_block", "log_distance_from_block", "position", "repeated"]


# --------------------------------------------------------------------------- decoding


def viterbi(probabilities: list[float], model: LineModel) -> list[bool]:
    """The likeliest body/debris labelling of the lines, given each line's P(body | features)."""
    if not probabilities:
        return []
    eps = 1e-9

    def emission(p: float) -> tuple[float, float]:  # log P(x | state) up to a constant: posterior / prior
        return (math.log(max(1 - p, eps)) - model.log_prior[0], math.log(max(p, eps)) - model.log_prior[1])

    trans = model.log_transition
    e = emission(probabilities[0])
    score = [model.log_start[0] + e[0], model.log_start[1] + e[1]]
    back: list[tuple[int, int]] = []
    for p in probabilities[1:]:
        e = emission(p)
        step, new = [], []
        for to in (0, 1):
            a, b = score[0] + trans[0][to], score[1] + trans[1][to]
            step.append(0 if a >= b else 1)
            new.append(max(a, b) + e[to])
        back.append((step[0], step[1]))
        score = new
    state = 0 if score[0] >= score[1] else 1
    path = [state]
    for step in reversed(back):
        state = step[state]
        path.append(state)
    return [s == 1 for s in reversed(path)]


def body_lines(lines: list[str], language: str | None = "en") -> list[tuple[bool, float]]:
    """For each line of ``lines`` (non-blank, in page order): (is body, P(body | its features))."""
    if not lines:
        return []
    model = load_model()
    probabilities = [model.probability(x) for x in features(lines, language)]
    decoded = viterbi(probabilities, model)
    for shift in SHIFTS:  # the page is an article: if no line reads as one, lower the bar step by step
        if any(decoded):
            break
        decoded = viterbi([_shifted(p, shift) for p in probabilities], model)
    _keep_inner_lists(lines, decoded)
    return list(zip(decoded, probabilities))


LIST_ITEM_MIN_WORDS = 4  # a menu entry is a word or three; an item of an article's own list is a phrase
LIST_HEADING_MAX_WORDS = 12


def _keep_inner_lists(lines: list[str], decoded: list[bool]) -> None:
    """A bulleted list between two stretches of the article, every item a phrase, is the article's own list
    (with the short heading that may introduce it)."""
    i = 0
    while i < len(lines):
        if decoded[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and not decoded[j]:
            j += 1
        run = lines[i:j]
        if run and not LIST_MARKER.match(run[0]) and len(WORD.findall(run[0])) <= LIST_HEADING_MAX_WORDS:
            run = run[1:]  # "Her record:" / "Key dates" above the list
        inside = i > 0 and j < len(lines)  # body before and after the run
        if inside and len(run) >= 2 and all(LIST_MARKER.match(line) and len(WORD.findall(line)) >= LIST_ITEM_MIN_WORDS
                                            for line in run):
            decoded[i:j] = [True] * (j - i)
        i = j


SHIFTS = (1.0, 2.0, 3.0, 4.0)  # log-odds steps tried when nothing is decoded as body


def _shifted(p: float, shift: float) -> float:
    z = math.log(max(p, 1e-9) / max(1 - p, 1e-9)) + shift
    return 1.0 / (1.0 + math.exp(-z))
