"""Quantities with what they count: "killed five people", "40 unarmed FLN members".

A quantity is a run of number tokens (digits, number words, "dozens", "hundreds") that
spaCy does not place inside a DATE, TIME or ORDINAL entity, read into a value, widened
to the modifiers before it ("more than", "about") and to the noun it counts (found by the
dependency parse: the head of a ``nummod``, or the object of "hundreds of ..."), whose
lemma is the unit. Percentages get the unit "percent", money its currency code.
The number-word reader is a few lines of our own: the vocabulary is small and fixed.
"""
from __future__ import annotations

import re

from spacy.attrs import LIKE_NUM, LOWER

from ..lexicon.numbers import ARTICLES, CARDINALS, SCALES
from ..model import Document, Quantity
from .spans import indices_where

_UNITS = {**CARDINALS, **ARTICLES}
_TENS = frozenset((20, 30, 40, 50, 60, 70, 80, 90))
_SCALES = SCALES
# Plural scale words used alone are vague amounts: "hundreds" of X is 200..999.
_VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
          "millions": (2_000_000, 999_999_999), "billions": (2e9, 999e9), "tens": (20, 99)}
# "several"/"a few" before a scale word: "several dozen", "a few hundred".
_FEW = {"several": (2, 9), "few": (2, 5), "some": (2, 9), "many": (2, 9)}
# Modifiers before a number: kind of bound they set.
_LOWER = {"more than", "over", "at least", "upwards of", "in excess of", "no fewer than", "no less than"}
_UPPER = {"less than", "fewer than", "up to", "under", "at most", "no more than", "nearly", "almost"}
_ABOUT = {"about", "around", "roughly", "approximately", "some", "nearly", "almost", "an estimated",
          "estimated", "close to", "just over", "just under", "upward of", "perhaps"}
_CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
_CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "rial": "IRR", "toman": "IRR",
                   "dinar": "IQD", "rupee": "INR", "yuan": "CNY", "ruble": "RUB", "rouble": "RUB"}
# ISO codes written before an amount ("NOK 1.05bn", "CHF 40 million"): the common ones; a user may add more.
_CURRENCY_CODES = frozenset(("USD", "EUR", "GBP", "JPY", "CHF", "CNY", "RMB", "INR", "RUB", "NOK", "SEK", "DKK",
                             "ISK", "PLN", "CZK", "HUF", "RON", "BGN", "TRY", "ZAR", "NGN", "KES", "EGP", "MAD",
                             "BRL", "ARS", "CLP", "COP", "PEN", "MXN", "CAD", "AUD", "NZD", "SGD", "HKD", "KRW",
                             "TWD", "THB", "MYR", "IDR", "PHP", "VND", "PKR", "BDT", "LKR", "ILS", "SAR", "AED",
                             "QAR", "KWD", "IRR", "IQD", "UAH", "KZT"))
# Scale suffixes of amounts of money ("$612m", "NOK 1.05bn", "£3.5 mn", "$40k"), read only after a currency.
_MONEY_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12,
                 "trn": 1e12}
_SUFFIXED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(k|m|mn|mln|b|bn|bln|tn|trn)$", re.IGNORECASE)
_PERCENT = {"%", "percent", "per cent", "pct", "percentage"}
_CURRENCY_CODES_LOWER = frozenset(c.lower() for c in _CURRENCY_CODES)
_SYMBOLS_LOWER = frozenset(_CURRENCY_SYMBOLS.keys() | {s.lower() for s in _CURRENCY_SYMBOLS})
# Lemmas the lemmatizer leaves plural-looking; counted things are reported in the singular.
_IRREGULAR = {"people": "person", "others": "other", "personnel": "personnel", "police": "police"}
_SKIP_ENTS = {"DATE", "TIME", "ORDINAL"}
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")


def find_quantities(doc, document: Document) -> list[Quantity]:
    """Every counted quantity in the document, in text order."""
    out = []
    candidates = sorted(set(indices_where(doc, LIKE_NUM, [1])) | set(indices_where(doc, LOWER, _VAGUE.keys() | _SCALES.keys()))
                        | {i + 1 for i in indices_where(doc, LOWER, _CURRENCY_CODES_LOWER | _SYMBOLS_LOWER)
                           if i + 1 < len(doc) and _SUFFIXED.match(doc[i + 1].text)})
    done = 0  # tokens before this index already belong to a quantity
    for i in candidates:
        if i < done or not _is_number_token(doc[i]) or _skipped(doc[i]):
            continue
        quantity, done = _quantity(doc, i, _number_run_end(doc, i), document)
        if quantity is not None:
            out.append(quantity)
    return out


def parse_number(words: list[str]) -> float | None:
    """Value of a run of number words/digits: ["2.5", "million"] -> 2.5e6, ["five"] -> 5, ["a", "dozen"] -> 12."""
    total, current, seen = 0.0, 0.0, False
    for word in (w.lower().replace(",", "") for w in words):
        if word in {"and", "-"}:
            continue
        if _DIGITS.match(word) or re.match(r"^\d+(\.\d+)?$", word):
            current += float(word)
        elif word in _UNITS:
            current += _UNITS[word]
        elif "-" in word and all(p in _UNITS for p in word.split("-")):  # "twenty-five"
            current += sum(_UNITS[p] for p in word.split("-"))
        elif word in _SCALES:
            scale = _SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _is_number_token(token) -> bool:
    lower = token.lower_
    if lower in _VAGUE or lower in _SCALES:
        return True
    if _SUFFIXED.match(token.text) and token.i > 0 and _currency_before(token.doc, token.i):
        return True  # "$38.5m" read whole, "NOK 1.05bn"
    if token.like_num and not token.text.endswith(("st", "nd", "rd", "th")):
        return lower not in {"a", "an"}
    return False


def _skipped(token) -> bool:
    """Inside a date/time/ordinal entity, a year on its own, or part of a code like "728 x 90"."""
    if token.ent_type_ in _SKIP_ENTS:
        return True
    if _YEAR.match(token.text) and token.ent_type_ not in {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}:
        return True
    return False


def _number_run_end(doc, i: int) -> int:
    """End of the run of number tokens starting at ``i`` ("2.5 million", "two hundred and five")."""
    j = i + 1
    while j < len(doc):
        token = doc[j]
        if (token.lower_ in _SCALES or token.lower_ in _UNITS and token.like_num) and not _skipped(token):
            j += 1
        elif token.lower_ == "and" and j + 1 < len(doc) and doc[j + 1].like_num and doc[j - 1].lower_ in _SCALES:
            j += 2
        elif (token.text == "-" and j + 1 < len(doc) and not doc[j - 1].whitespace_ and not token.whitespace_
              and _UNITS.get(doc[j - 1].lower_, 0) in _TENS and 0 < _UNITS.get(doc[j + 1].lower_, 0) < 10):
            j += 2  # "Ninety-eight" split by the tokenizer at the hyphen
        else:
            break
    return j


def _quantity(doc, i: int, j: int, document: Document) -> tuple[Quantity | None, int]:
    """The quantity whose number tokens are [i, j), and the token index after its number run."""
    words = [t.text for t in doc[i:j]]
    first = doc[i].lower_
    value, low, high, approximate = parse_number(words), None, None, False
    if value is None and j - i == 1 and _SUFFIXED.match(doc[i].text):  # "1.05bn" in one token
        digits, suffix = _SUFFIXED.match(doc[i].text).groups()
        value = float(digits.replace(",", "")) * _MONEY_SCALES[suffix.lower()]
    elif value is not None and j < len(doc) and not doc[j - 1].whitespace_ \
            and doc[j].lower_.rstrip(".") in _MONEY_SCALES and _currency_before(doc, i):
        value *= _MONEY_SCALES[doc[j].lower_.rstrip(".")]  # "$612m": the suffix split off by the tokenizer
        j += 1
    if first in _VAGUE and j - i == 1:
        value, (low, high), approximate = None, _VAGUE[first], True
        j = _vague_of_vague(doc, j)
        if j - i == 3:  # "hundreds of thousands" = 200,000 .. 999,999
            factor = _SCALES[doc[j - 1].lower_.rstrip("s")]
            low, high = low * factor, (high + 1) * factor - 1
    start_i = i
    prev = doc[i - 1].lower_ if i > 0 else ""
    if first in _SCALES and prev in _FEW:  # "several dozen"
        lo, hi = _FEW[prev]
        value, low, high, approximate = None, lo * _SCALES[first], hi * _SCALES[first], True
        start_i = i - 1
    if value is None and low is None:
        return None, j
    modifier, mod_start = _modifier_before(doc, start_i)
    if modifier:
        approximate = True
        start_i = mod_start
        if value is not None:
            if modifier in _LOWER:
                low = value
            elif modifier in _UPPER:
                high = value
    unit, end_i = _unit(doc, i, j)
    if first == "one" and j - i == 1 and (end_i == j or doc[j].lower_ == "of"):
        return None, j  # "one of the most ..." names a member, it does not count one
    if unit is None and start_i > 0 and doc[start_i - 1].text in _CURRENCY_SYMBOLS:
        start_i -= 1
        unit = _CURRENCY_SYMBOLS[doc[start_i].text]
    elif unit in (None, *_MONEY_SCALES) and start_i > 0 and doc[start_i - 1].text in _CURRENCY_CODES:
        start_i -= 1  # "NOK 1.05bn", "CHF 40 million"
        unit = doc[start_i].text
    if value is not None and _YEAR.match(doc[i].text) and j - i == 1 and unit is None:
        return None, j  # a bare year spaCy did not tag as a date
    start, end = doc[start_i].idx, doc[end_i - 1].idx + len(doc[end_i - 1].text)
    if doc[end_i - 1].text.endswith(".") and doc[end_i - 1].lower_.rstrip(".") in _MONEY_SCALES:
        end -= 1  # "$612m." ending a sentence: the full stop is not the amount's
    return Quantity(document=document.id, start=start, end=end, text=document.text[start:end], value=value,
                    unit=unit, approximate=approximate, low=low, high=high), j


def _vague_of_vague(doc, j: int) -> int:
    """End of "hundreds of thousands" when the vague amount at ``j - 1`` is followed by "of <scale>s"."""
    if j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].lower_.rstrip("s") in _SCALES \
            and doc[j + 1].lower_.endswith("s"):
        return j + 2
    return j


def _modifier_before(doc, i: int) -> tuple[str | None, int]:
    """An approximating modifier ending just before token ``i``: ("more than", index of "more")."""
    for width in (3, 2, 1):
        if i - width < 0:
            continue
        phrase = " ".join(t.lower_ for t in doc[i - width:i])
        if phrase in _LOWER or phrase in _UPPER or phrase in _ABOUT:
            return phrase, i - width
    return None, i


def _unit(doc, i: int, j: int) -> tuple[str | None, int]:
    """What the number counts, and the token index the phrase ends at (exclusive)."""
    last = doc[j - 1]
    after = doc[j] if j < len(doc) else None
    if after is not None and (after.text in _PERCENT or after.lower_ in _PERCENT):
        return "percent", j + 1
    if after is not None and after.lower_ == "per" and j + 1 < len(doc) and doc[j + 1].lower_ == "cent":
        return "percent", j + 2
    noun = _counted_noun(doc, i, j, last)
    if noun is None:
        return None, j
    first, noun = noun, _hyphenated_end(doc, noun)
    lemma = noun.lemma_.lower() or noun.lower_
    unit = _CURRENCY_WORDS.get(lemma) or _IRREGULAR.get(noun.lower_) or _IRREGULAR.get(lemma) or lemma
    if noun is not first:  # "two co-workers": the tokenizer split the word the number counts
        unit = doc[first.i:noun.i].text.lower() + unit
    end = max(j, noun.i + 1)
    return unit, end


def _hyphenated_end(doc, token):
    """The last piece of a hyphenated word starting at ``token`` ("co" of "co-workers" -> "workers")."""
    k = token.i
    while (k + 2 < len(doc) and not doc[k].whitespace_ and doc[k + 1].text == "-" and not doc[k + 1].whitespace_
           and doc[k + 2].is_alpha):
        k += 2
    return doc[k]


def _counted_noun(doc, i: int, j: int, last):
    """The noun a number counts: head of a nummod ("40 ... members"), object of "of" after a vague
    amount ("hundreds of ... members"), or None."""
    head = last.head
    # "40 unarmed FLN members": the number modifies a noun to its right
    for token in doc[i:j]:
        # a spelled-out number the parser took for a compound ("Eleven workers" opening a sentence) counts
        # its noun too; digits in a compound are names ("737 Max"), never counts
        as_mod = token.dep_ in {"nummod", "quantmod"} or (token.dep_ == "compound" and token.text.isalpha())
        if as_mod and token.head.i >= j and token.head.pos_ in {"NOUN", "PROPN"} \
                and token.head.i - j <= 6 and _same_line(doc, i, token.head.i):
            return _climb_to_common_noun(token.head)
    # "hundreds of Norwegian and allied service members", "seven of the hostages"
    for child in last.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN", "PRON"}]
            if objects and objects[0].pos_ != "PRON" and _same_line(doc, i, objects[0].i):
                return _climb_to_common_noun(objects[0])
    if last.dep_ in {"nummod", "quantmod"}:
        return None
    # "five people" parsed with the number as head of the noun (rare): the next noun in a compound
    if head is last and j < len(doc) and doc[j].pos_ == "NOUN" and doc[j].head.i == last.i:
        return doc[j]
    if j - i == 1:
        return elided_noun(last)
    return None


_SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))


def elided_noun(number):
    """The noun a bare number counts by ellipsis: it is the subject of a clause conjoined to one whose subject
    is a counted noun in the same role ("Four workers were hurt and 12 were treated": 12 workers), on the
    same line; None otherwise (a bare number alone does not say what it counts)."""
    verb = number.head
    if number.pos_ != "NUM" or number.dep_ not in _SUBJECT_DEPS or verb.dep_ != "conj" \
            or verb.pos_ not in ("VERB", "AUX") or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    for subject in verb.head.children:
        if subject.dep_ == number.dep_ and subject.pos_ == "NOUN" and subject.i < number.i \
                and any(c.dep_ == "nummod" for c in subject.children) \
                and _same_line(number.doc, subject.i, number.i):
            return subject
    return None


def _same_line(doc, i: int, k: int) -> bool:
    """No line break between tokens i and k (a unit never sits on the next line)."""
    return "\n" not in doc[i:k + 1].text


def _climb_to_common_noun(token):
    """From a proper noun modifying a noun to its right ("40 FLN Orsk dissidents") to that noun."""
    while token.pos_ == "PROPN" and token.dep_ in {"compound", "nmod", "amod"} and token.head.i > token.i \
            and token.head.i - token.i <= 4:
        token = token.head
    return token


def _currency_before(doc, i: int) -> bool:
    """A currency symbol or ISO code right before token ``i`` (a scale suffix is read only after one)."""
    return i > 0 and (doc[i - 1].text in _CURRENCY_SYMBOLS or doc[i - 1].text in _CURRENCY_CODES)
