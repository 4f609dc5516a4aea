"""Name normalisation and matching keys: the vocabulary entity resolution compares names in.

A surface name goes through three levels, each coarser than the last:

1. ``normalize(text)`` -> ``NameForm``: readable tokens with the noise of how a
   page wrote the name removed (accents, curly quotes, possessive "'s", leading
   "the", honorifics and ranks, Arabic article prefixes "al-"/"el-", hyphens).
   Two mentions with the same normalised tokens are the same *form*.
2. ``translit_key(token)``: a transliteration-aware key. Spelling choices that
   romanisations of Arabic and Persian make differently are folded (q/k/kh/c,
   ou/u, y/i, doubled consonants, every vowel group to one placeholder), so
   Qassem/Qasem/Qassim, Soleimani/Suleimani, Mojahedin/Mujahedin, Quds/Qods
   share one key while Iran/Iraq or Mohammad/Mahmoud do not.
3. ``block_key(token)``: rigour's metaphone of the folded token; coarse, used only
   to find candidate pairs (blocking), never to accept one.

``match_key(name)`` and ``find(entities, query)`` expose level 2 to search
("Qasim Suleymany" finds "Qasem Soleimani").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Indel
from rigour.text import metaphone
from unidecode import unidecode

# --------------------------------------------------------------------------- lexicons
# Small, general lexicons (documented in docs/entities.md). Multi-word titles first so
# that "Brig. Gen." is removed whole; matching is on lower-cased, dot-less tokens.
HONORIFICS: tuple[tuple[str, ...], ...] = tuple(
    tuple(t.split())
    for t in sorted(
        [
            "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
            "sheikh", "shaykh", "sayyid", "sayed", "hajj", "haji", "imam", "ayatollah", "grand ayatollah",
            "hojatoleslam", "mullah", "rev", "reverend", "father", "pope", "saint", "st",
            "general", "gen", "brig gen", "brigadier general", "brigadier", "maj gen", "major general",
            "lt gen", "lieutenant general", "lt", "lieutenant", "col", "colonel", "lt col",
            "lieutenant colonel", "maj", "major", "capt", "captain", "cmdr", "commander", "adm",
            "admiral", "vice admiral", "rear admiral", "sgt", "sergeant", "cpl", "corporal", "pvt", "private",
            "marshal", "field marshal",
            "president", "vice president", "president elect", "prime minister", "pm", "minister",
            "foreign minister", "defense minister", "defence minister", "secretary", "secretary of state",
            "senator", "sen", "rep", "representative", "congressman", "congresswoman", "governor", "gov",
            "mayor", "ambassador", "chancellor", "king", "queen", "prince", "princess", "emir", "sultan",
            "supreme leader", "chairman", "chairwoman", "chief", "judge",
        ],
        key=lambda s: -len(s.split()),
    )
)
# Nouns that only ever name a person's role or condition: a descriptor headed by one ("president of the
# union", "the fire brigade's commander") is a vote that the name it describes is a person's.
PERSON_NOUNS = frozenset({t[0] for t in HONORIFICS if len(t) == 1} - {"st", "saint", "private", "general", "chief", "gen"}) | {
    "manager", "executive", "spokesman", "spokeswoman", "spokesperson", "founder", "director", "delegate",
    "official", "officer", "coach", "prosecutor", "lawyer", "attorney", "journalist", "reporter", "editor",
    "pilot", "nurse", "doctor", "engineer", "activist", "teacher", "student", "farmer", "owner", "chairperson",
    "deputy", "candidate", "lawmaker", "legislator", "politician", "diplomat", "envoy", "negotiator", "son",
    "daughter", "father", "mother", "wife", "husband", "brother", "sister", "widow", "boy", "girl", "man", "woman",
}
# ("justice" is no title here: "Justice Department", "Justice Ministry" are institutions.)
# Only these are folded when written as a separate token or before a hyphen ("al-Muhandis", "Al Shaabi").
ARTICLE_TOKENS = frozenset({"al", "el"})
# Words skipped when forming an expansion's initials ("People's Mojahedin Organization of Iran" -> PMOI).
FUNCTION_WORDS = frozenset(
    {"of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "des", "la", "le", "del", "der", "von", "van", "e", "a", "an", "&"}
)

# Generational suffixes after a person's surname ("Jr.", "III"): not part of the surname.
GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv", "junior", "senior"})
# Legal forms and generic corporate words that end an organisation's name ("Norvell Corp.").
# rigour's org-type table supplies legal forms (LLC, plc, AG...) and is consulted as well.
ORG_SUFFIXES = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc", "lp", "llp",
    "group", "holdings", "holding", "ag", "sa", "nv", "bv", "gmbh", "spa", "srl", "pty", "pvt",
    "asa", "pte", "bhd", "sdn", "tbk", "pjsc", "ojsc", "jsc", "oao", "sarl", "sas",
})
# Generic corporate words that open a company's name in other languages ("Compania X SA" = "X").
ORG_PREFIXES = frozenset({"compania", "companhia", "compagnie", "compagnia", "grupo", "groupe", "gruppo",
                          "sociedad", "societe", "sociedade", "societa"})


@lru_cache(maxsize=4096)
def org_suffix(token: str) -> bool:
    """The token is a legal form or generic corporate word (ours, or a legal form in rigour's table)."""
    if token in ORG_SUFFIXES:
        return True
    try:
        from rigour.names import extract_org_types

        return any(t[0].lower() == token for t in extract_org_types("x " + token))
    except Exception:  # pragma: no cover - rigour without org types
        return False


def person_core(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A person's name tokens without trailing generational suffixes ("comeaux jr" -> "comeaux")."""
    while len(tokens) > 1 and tokens[-1] in GENERATIONAL:
        tokens = tokens[:-1]
    return tokens


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'", "\u00b4": "'",
                         "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-",
                         "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_TOKEN = re.compile(r"[a-z0-9]+")
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")


@dataclass(frozen=True)
class NameForm:
    """A name as compared: normalised tokens and what was stripped to reach them."""

    tokens: tuple[str, ...]  # lower-case ascii tokens, titles/articles removed: ("qassem", "soleimani")
    titled: bool = False  # an honorific/rank was removed (a vote for PERSON)
    acronym: str | None = None  # "IRGCQF" when the name is written as an acronym (upper-case letters)

    @property
    def key(self) -> str:
        """The form's identity: its normalised tokens joined."""
        return " ".join(self.tokens)


# --------------------------------------------------------------------------- normalisation


def fold_text(text: str) -> str:
    """Unicode quotes/dashes to ASCII, accents removed (unidecode), whitespace collapsed."""
    if not text.isascii():
        text = unidecode(unicodedata.normalize("NFC", text).translate(_QUOTES))
    return " ".join(text.split())


_BRACKET = re.compile(r"\s*[(\[]")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019])$")
_DOTTED_END = re.compile(r"\b[A-Za-z]\.$")
_STRIP = " ,;:-\u2013\u2014\"'\u2019\u201c\u201d"


_ADDRESS = re.compile(r"https?:|www\.|\w\.[a-z]{2,}/", re.I)


def clean_surface(text: str) -> str:
    """The name part of a mention's text: first line only, no leading "the", no trailing possessive.

    spaCy spans sometimes run over a line break ("Camp Ashraf\\n  • Numerous") or
    into a parenthesis ("Corps'(IRGC"); a name never does.
    """
    text = text.strip()
    if "\n" in text:  # the first line that is not a page address
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        text = next((line for line in lines if not _ADDRESS.search(line)), lines[0])
    if "(" in text or "[" in text:
        text = _BRACKET.split(text)[0].strip() or text
    if text[:4] in ("the ", "The ", "THE ") or text[:4].lower() == "the\t":
        text = _LEADING_THE.sub("", text)
    if text.endswith(("'s", "\u2019s", "s'", "s\u2019")):
        text = _TRAILING_POSSESSIVE.sub(lambda m: "s" if m.group(0)[0] == "s" else "", text)
    strip = _STRIP + ("" if text.endswith(".") and _DOTTED_END.search(text) else ".")
    return text.strip(strip) or text.strip()


_LOWER_RUN = re.compile(r"[a-z]{2,}")
_ACRONYM_PUNCT = str.maketrans("", "", ".-/&")


def acronym_of(surface: str) -> str | None:
    """Upper-case letters of a name written as an acronym ("U.S." -> "US", "IRGC-QF" -> "IRGCQF", "DoD" -> "DD").

    A single token (dots, hyphens and slashes allowed) with at least two capitals
    and no lower-case run longer than one letter.
    """
    surface = surface.strip()
    if not surface or " " in surface or len(surface) > 16:
        return None
    s = fold_text(surface)
    if not s or " " in s or len(s) > 16:
        return None
    letters = s.translate(_ACRONYM_PUNCT)
    if not letters.isalpha():
        return None
    caps = "".join(c for c in letters if c.isupper())
    if len(caps) < 2 or _LOWER_RUN.search(letters):
        return None
    return caps


@lru_cache(maxsize=None)
def normalize(text: str) -> NameForm:
    """A surface name as a NameForm (see the module docstring for what is folded)."""
    surface = clean_surface(text)
    acronym = acronym_of(surface)
    s = fold_text(surface)
    if '"' in s or "'" in s:
        s = _strip_nickname(s)
    if acronym and "." in s:  # U.S. / U.S -> us
        s = acronym
    s = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), s)
    s = s.lower().replace("'s ", " ").replace("'", "")
    raw = _TOKEN.findall(s)
    tokens, titled = _strip_titles(raw)
    tokens = _strip_articles(tokens)
    if not tokens:  # a bare title ("the General") stays itself
        tokens = raw
    if len(tokens) > 1 and tokens[0] in _PLACE_ABBREVIATIONS:  # "Mt Cook" is "Mount Cook"
        tokens = [_PLACE_ABBREVIATIONS[tokens[0]], *tokens[1:]]
    if len(tokens) > 1 and tokens[-1] in _STREET_ABBREVIATIONS:  # "Harlan St." is "Harlan Street"
        tokens = [*tokens[:-1], _STREET_ABBREVIATIONS[tokens[-1]]]
    return NameForm(tuple(tokens), titled, acronym)


# Abbreviated generic words that open place names. "St" (Saint or Street) and "Pt" (Point or Port) are not
# here: they are ambiguous (the honorifics lexicon strips "St" as Saint).
_PLACE_ABBREVIATIONS = {"mt": "mount", "ft": "fort"}
# Abbreviated generic words that end street names (after a name, "St" is Street, never Saint).
_STREET_ABBREVIATIONS = {"st": "street", "ave": "avenue", "av": "avenue", "rd": "road", "blvd": "boulevard",
                         "hwy": "highway", "sq": "square", "ln": "lane", "pl": "place"}


_NICKNAME = re.compile(r"(?:^|(?<=\s))([\"'])[^\"']{1,30}\1(?=\s)")
_OPEN_QUOTE_TAIL = re.compile(r"^[^\"]*\"\s+(?=\S)")


def _strip_nickname(s: str) -> str:
    """A quoted nickname inside a name is not part of it: 'Vincent "The Chin" Corrado' -> "Vincent
    Corrado"; a span that starts inside the quotes ('Chin" Corrado') keeps what follows them."""
    out = _NICKNAME.sub(" ", s)
    if out.count('"') == 1:
        out = _OPEN_QUOTE_TAIL.sub("", out)
    return " ".join(out.split()) or s


_TITLE_WORDS = r"(?:%s)" % "|".join(
    sorted((r"\.?\s+".join(re.escape(w) for w in t) + r"\.?" for t in HONORIFICS), key=len, reverse=True)
)
_LEADING_TITLES = re.compile(r"^(?:%s\s+)+" % _TITLE_WORDS, re.I)


def display_name(surface: str) -> str:
    """A surface name without its leading honorifics, for display ("Brig. Gen. Samir Alekperov" -> "Samir Alekperov")."""
    text = clean_surface(surface)
    stripped = _LEADING_TITLES.sub("", text)
    return stripped if stripped.strip() else text


_TITLES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _title in HONORIFICS:  # longest first, as HONORIFICS is sorted
    _TITLES_BY_FIRST.setdefault(_title[0], []).append(_title)


def _strip_titles(tokens: list[str]) -> tuple[list[str], bool]:
    """Leading honorifics/ranks removed, repeatedly ("Brig. Gen.", "Mrs.", "Supreme Leader")."""
    titled = False
    while len(tokens) > 1:
        for title in _TITLES_BY_FIRST.get(tokens[0], ()):
            n = len(title)
            if len(tokens) > n and tuple(tokens[:n]) == title:
                tokens = tokens[n:]
                titled = True
                break
        else:
            break
    return tokens, titled


def _strip_articles(tokens: list[str]) -> list[str]:
    """Arabic articles "al"/"el" dropped wherever they stand as tokens ("al-Muhandis", "Al Hashd Al Shaabi")."""
    kept = [t for t in tokens if t not in ARTICLE_TOKENS]
    return kept or tokens


def initials(tokens: tuple[str, ...] | list[str], skip_function_words: bool = True) -> str:
    """First letters of the tokens, upper-case; function words skipped unless asked otherwise."""
    return "".join(t[0] for t in tokens if t and not (skip_function_words and t in FUNCTION_WORDS)).upper()


def expansion_initials(surface: str) -> set[str]:
    """Every acronym a multi-word name could stand for: with and without function words, with articles.

    "People's Mojahedin Organization of Iran" -> {"PMOI", "PMOOI"}; "Mujahedin-e Khalq" -> {"MEK", "MK"}.
    """
    s = fold_text(clean_surface(surface)).lower().replace("'s ", " ").replace("'", "")
    raw = _TOKEN.findall(s)
    raw, _ = _strip_titles(raw)
    if len(raw) < 2:
        return set()
    out = {initials(raw, True), initials(raw, False), initials(_strip_articles(raw), True)}
    return {x for x in out if len(x) >= 2}


# --------------------------------------------------------------------------- transliteration keys

_FOLDS = (
    ("x", "ks"), ("kh", "k"), ("gh", "g"), ("ph", "f"), ("dh", "d"), ("th", "t"), ("ck", "k"), ("q", "k"),
    ("ch", "\x00"), ("c", "k"), ("\x00", "ch"), ("zh", "j"), ("dj", "j"), ("ou", "u"), ("oo", "u"),
    ("ee", "i"), ("y", "i"), ("w", "v"),
)
_DOUBLE = re.compile(r"(.)\1+")
# "ch" before a consonant, inside a word and not in "sch" or "tch": the velar of German and Polish romanisations
# ("Abdrachmanow" = "Abdrakhmanov", "Bachtiar" = "Bakhtiar"); English writes that "ch" as a k-sound too ("Christ").
_CH_AS_KH = re.compile(r"(?<=[a-z])(?<![st])ch(?=[b-df-hj-np-tv-z])")
_VOWELS = re.compile(r"[aeiou]+")


def _vowel_class(group: str) -> str:
    """Front/central vowels (a, e, i) read as "a", back vowels (o, u) as "o", mixed groups as "x".

    Romanisations swap vowels within a class (Qassem/Qassim, Quds/Qods, Mohammad/Mohammed),
    rarely across (Merel/Morel are two places).
    """
    if all(c in "aei" for c in group):
        return "a"
    if all(c in "ou" for c in group):
        return "o"
    return "x"


@lru_cache(maxsize=None)
def light_fold(token: str) -> str:
    """Spelling-level fold of one token: consonant digraphs and doubled letters, vowels kept.

    "qassem" -> "kasem", "khataib" -> "kataib", "suleymany" -> "suleimani", "dzhabarov" -> "jabarov".
    """
    t = token
    if t.startswith(("tch", "tsch")):  # French and German write the initial "ch" sound "tch"/"tsch" ("Tchkonia",
        t = "ch" + t[3 + t.startswith("tsch"):]  # "Tschkonia" = "Chkonia"); English names never open with "tch"
    if "ch" in t:  # German and Polish romanisations write "ch" for "kh" ("Abdrachmanow", "Bachtiar")
        t = _CH_AS_KH.sub("kh", t)
    for a, b in _FOLDS:
        if a in t:
            t = t.replace(a, b)
    return _DOUBLE.sub(r"\1", t)


@lru_cache(maxsize=None)
def translit_key(token: str) -> str:
    """Transliteration key of one token: the light fold with each vowel group read as its class.

    Keeps where vowels stand (Mohammad "mahamad" vs Mahmoud "mahmod" differ) and whether
    they are front or back (Merel "maral" vs Morel "moral"), not which vowel exactly.
    """
    return _DOUBLE.sub(r"\1", _VOWELS.sub(lambda m: _vowel_class(m.group(0)), light_fold(token)))


@lru_cache(maxsize=None)
def block_key(token: str) -> str:
    """Coarse blocking key of one token (rigour's metaphone of the light fold)."""
    return metaphone(light_fold(token)) or token


def match_key(name: str) -> str:
    """The search key of a name: translit keys of its normalised tokens joined by spaces.

    ``match_key("Qasim Suleymany") == match_key("Qasem Soleimani")``.
    """
    return " ".join(translit_key(t) for t in normalize(name).tokens)


# --------------------------------------------------------------------------- comparing tokens


def tokens_match(a: str, b: str) -> str | None:
    """How two tokens match: "same", "translit", "typo", or None.

    - translit: equal transliteration keys, except two short tokens that differ only
      in their final vowel (Mario/Maria: a gender or case ending, not a spelling).
    - typo: one letter dropped, added or two swapped (on the light fold or on the token
      as written) in a token of 6+ letters with the same first letter. A substituted
      letter is not a typo: it is how different names differ (Pekigiv/Pekigov, Merel/Morel).
    """
    if a == b:
        return "same"
    fa, fb = light_fold(a), light_fold(b)
    if translit_key(a) == translit_key(b):
        if _final_vowel_differs(fa, fb):
            return None
        return "translit"
    if min(len(fa), len(fb)) >= 6 and fa[0] == fb[0] and _one_typo(fa, fb):
        return "typo"
    if min(len(a), len(b)) >= 6 and a[0] == b[0] and _one_typo(a, b):
        return "typo"
    ka, kb = translit_key(a), translit_key(b)
    if min(len(ka), len(kb)) >= 6 and ka[0] == kb[0] and abs(len(ka) - len(kb)) == 1 and _one_typo(ka, kb):
        return "typo"  # one vowel more in a transliteration: "Aleksandr" / "Alexander"
    return None


def _short_typo(a: str, b: str) -> bool:
    """One letter added or dropped, or two swapped, in a word of 4+ letters, same first letter."""
    return min(len(a), len(b)) >= 4 and a[0] == b[0] and _one_typo(a, b)


def _one_typo(a: str, b: str) -> bool:
    """One insertion/deletion, or one swap of adjacent letters."""
    if abs(len(a) - len(b)) == 1:
        return Indel.distance(a, b) == 1
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _final_vowel_differs(fa: str, fb: str) -> bool:
    return (
        len(fa) == len(fb) and len(fa) <= 6 and fa[:-1] == fb[:-1]
        and fa[-1] in "aeiou" and fb[-1] in "aeiou" and fa[-1] != fb[-1]
    )


def forms_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two normalised names denote the same name: same length, tokens matching in order, at most one typo
    (in a word of 6+ letters, or of 4+ when every other word is written identically: "Duncan Rait" /
    "Duncan Raite").

    A single-token name may not rest on a typo alone unless it is long (8+ letters)
    and the edit is not in its last two letters (endings are morphology: country vs
    demonym, singular vs plural): short edit distance is not identity (Iran/Iraq).
    """
    if len(a) != len(b) or a == b:
        return a == b
    typos = 0
    for x, y in zip(a, b):
        how = tokens_match(x, y)
        if how is None and len(a) >= 2 and _short_typo(x, y) and sum(p == q for p, q in zip(a, b)) == len(a) - 1:
            how = "typo"  # the other words written identically: a 4- or 5-letter word may carry the typo
        if how is None:
            return False
        if how == "typo":
            typos += 1
    if typos > 1:
        return False
    if typos and len(a) == 1 and (min(len(a[0]), len(b[0])) < 8 or a[0][-2:] != b[0][-2:]):
        return False  # a one-word name: no typo in a short word, nor at its end (Karvenia/Karvenian, -s)
    return True


# --------------------------------------------------------------------------- search


def find(entities, query: str, limit: int = 10) -> list:
    """Entities whose name or an alias matches ``query`` by transliteration key, best first.

    Ranking: an alias with the same key as the query, then a query whose tokens all
    match (by ``tokens_match``) tokens of an alias in order, then a fuzzy match of
    keys (rapidfuzz ratio >= 85). Ties broken by mention count.
    """
    from rapidfuzz import fuzz

    q = normalize(query).tokens
    if not q:
        return []
    qkey = " ".join(translit_key(t) for t in q)
    scored = []
    for entity in entities:
        best = 0.0
        for text in [entity.name] + [a.text for a in entity.aliases]:
            toks = normalize(text).tokens
            key = " ".join(translit_key(t) for t in toks)
            if key == qkey:
                score = 3.0
            elif _subsequence_match(q, toks):
                score = 2.0
            else:
                r = fuzz.ratio(qkey, key)
                score = 1.0 + r / 100 if r >= 85 else 0.0
            best = max(best, score)
        if best:
            scored.append((best, entity.mentions, entity))
    scored.sort(key=lambda x: (-x[0], -x[1]))
    return [e for _, _, e in scored[:limit]]


def _subsequence_match(query: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
    """Every query token matches a token of ``tokens``, in order."""
    i = 0
    for t in tokens:
        if i < len(query) and tokens_match(query[i], t):
            i += 1
    return i == len(query)
