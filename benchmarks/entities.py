"""Entity resolution at scale: time, peak memory and pairwise precision/recall on synthetic corpora.

    .venv/bin/python benchmarks/entities.py                 # 10^4, 10^5 and 10^6 mentions
    .venv/bin/python benchmarks/entities.py --sizes 10000 100000

For each size the script generates (seeded, in this process) a corpus of documents whose
mentions come from known entities written in known variant forms, runs
``resolve_entities`` on it, and prints:

- time of resolution (wall clock, one core) and microseconds per mention;
- RSS before resolution (the corpus held in memory) and peak RSS during it (sampled);
- pairwise precision and recall over mention pairs (true pair = same generated entity).

What the corpus holds (all names invented from random syllables, unique up to one edit):
- people "First Last" written as transliteration variants (k/q/kh, doubled consonants,
  e/i and o/u swaps, y for i, dj/j), with titles ("General", "Mrs."), one-edit typos in
  long surnames (a quarter of them a substituted consonant, which resolution deliberately
  does not accept: recall below 1 comes from there), and the surname alone after the full
  name in the same document;
- organisations "A B C Force" defined once as "Name (ABC)" with alias evidence and then
  written "ABC" or "A.B.C." elsewhere; places as single words;
- names unique up to transliteration key and one edit (two random names that fold to one
  key would be the same name written twice, not a distractor);
- distractors that must NOT merge: short places one letter apart, "Camp X" pairs a
  front/back vowel apart, "Sons of the X Brigade" vs "X Brigade", parent vs branch acronyms
  (ABC vs ABC-DE), country vs demonym, two people sharing a first name, and two people
  sharing a surname (their short forms are resolved by document).
Labels are spaCy-like, with 5% of person mentions mislabelled GPE (type by vote).
"""
from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from consilience.model import AliasEvidence, DocAnalysis, Document, Mention  # noqa: E402
from consilience.resolve import resolve_entities  # noqa: E402
from consilience.store import Analyses  # noqa: E402
from consilience.resolve.names import light_fold, translit_key  # noqa: E402

CONSONANTS = "bdfgklmnprstvz"
VOWELS = "aeiou"
MENTIONS_PER_DOC = 20
ENTITIES_PER_DOC = 4


# --------------------------------------------------------------------------- name generation


class NameMaker:
    """Random pronounceable names, unique up to one edit of their spelling fold."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _neighbours(self, word: str) -> set[str]:
        f = light_fold(word.lower())
        return {f, "=" + f, "#" + translit_key(word.lower())} | {f[:i] + f[i + 1:] for i in range(len(f))}

    def claim(self, word: str) -> bool:
        """Reserve a generated word and its one-edit neighbourhood; False if it collides."""
        keys = self._neighbours(word)
        if keys & self.used:
            return False
        self.used |= keys
        return True

    def reserve(self, word: str) -> bool:
        """Reserve a designed near-name (one edit from its twin on purpose): only its own keys."""
        f = light_fold(word.lower())
        keys = {"#" + translit_key(word.lower()), "=" + f}
        if keys & self.used or f in self.used:
            return False
        self.used |= keys | {f}
        return True

    def word(self, syllables: int) -> str:
        tries = 0
        while True:
            w = "".join(self.rng.choice(CONSONANTS) + self.rng.choice(VOWELS) for _ in range(syllables))
            w += self.rng.choice("nvrl")
            if self.claim(w):
                return w.capitalize()
            tries += 1
            if tries % 20 == 0:  # this length is getting crowded: go one syllable longer
                syllables += 1


def transliterate(word: str, rng: random.Random) -> str:
    """One spelling variant of the kinds romanisations produce."""
    options = []
    w = word.lower()
    if "k" in w:
        options += [w.replace("k", "q", 1), w.replace("k", "kh", 1)]
    for i, c in enumerate(w[1:-1], start=1):
        if c in CONSONANTS and w[i - 1] in VOWELS:
            options.append(w[:i] + c + w[i:])  # doubled consonant
            break
    for a, b in (("e", "i"), ("i", "e"), ("o", "u"), ("u", "ou"), ("i", "y"), ("u", "o")):
        j = w.find(a, 1)
        if j > 0:
            options.append(w[:j] + b + w[j + len(a):])
    if w.startswith("j"):
        options.append("dj" + w[1:])
    return (rng.choice(options) if options else w).capitalize()


def typo(word: str, rng: random.Random) -> str:
    """A one-edit typo inside a long word (not in its first or last two letters): a dropped,
    doubled, swapped or (a quarter of the time) substituted letter."""
    w = word.lower()
    if len(w) < 8:
        return word
    i = rng.randrange(2, len(w) - 3)
    kind = rng.choice(["drop", "double", "swap", "sub"])
    if kind == "sub":  # a wrong consonant: resolution treats it as another name (a recall loss)
        j = next((k for k in range(i, len(w) - 2) if w[k] in CONSONANTS), i)
        w = w[:j] + rng.choice([c for c in CONSONANTS if c != w[j]]) + w[j + 1:]
    elif kind == "drop":
        w = w[:i] + w[i + 1:]
    elif kind == "double":
        w = w[:i] + w[i] + w[i:]
    else:
        w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    return w.capitalize()


# --------------------------------------------------------------------------- entities and their forms


class Truth:
    """A generated entity: how it may be written, and how it is introduced in a document."""

    __slots__ = ("id", "label", "full", "variants", "short", "intro", "acronym")

    def __init__(self, id_, label, full, variants, short=None, acronym=None):
        self.id, self.label, self.full = id_, label, full
        self.variants, self.short, self.acronym = variants, short, acronym


def make_entities(n: int, rng: random.Random) -> list[Truth]:
    """About ``n`` entities: people, organisations and places, with their designed distractors."""
    names = NameMaker(rng)
    out: list[Truth] = []

    def add(label, full, variants, short=None, acronym=None):
        out.append(Truth(len(out), label, full, variants, short, acronym))

    while len(out) < n:
        kind = rng.random()
        if kind < 0.45:  # a person, sometimes with a namesake
            first, last = names.word(2), names.word(rng.choice((3, 4)))  # 4 syllables: long enough for typos
            lt = transliterate(last, rng)
            variants = [f"{first} {last}", f"{transliterate(first, rng)} {last}", f"{first} {lt}",
                        f"General {first} {last}", f"{first} {typo(last, rng)}"]
            add("PERSON", f"{first} {last}", variants, short=[last, lt, f"Mrs. {last}"])
            r = rng.random()
            if r < 0.15:  # same first name, another surname: must stay apart
                other = names.word(3)
                add("PERSON", f"{first} {other}", [f"{first} {other}"], short=[other])
            elif r < 0.30:  # same surname, another first name: short forms resolve by document
                other = names.word(2)
                add("PERSON", f"{other} {last}", [f"{other} {last}"], short=[last])
        elif kind < 0.75:  # an organisation with an acronym, sometimes a branch or a contained name
            words = [names.word(2), names.word(3), names.word(2)]
            full = " ".join(words) + " Force"
            acr = "".join(w[0] for w in words).upper() + "F"
            add("ORG", full, [full, " ".join(transliterate(w, rng) for w in words) + " Force"], acronym=acr)
            r = rng.random()
            if r < 0.2:  # parent vs branch: ABCF vs ABCF-XW
                unit = [names.word(2), "Wing"]
                branch = full + " " + " ".join(unit)
                add("ORG", branch, [branch], acronym=acr + "-" + unit[0][0].upper() + "W")
            elif r < 0.4:  # contained name: "Sons of the X Brigade" vs "X Brigade"
                x = names.word(3)
                add("ORG", f"Sons of the {x} Brigade", [f"Sons of the {x} Brigade"])
                add("ORG", f"{x} Brigade", [f"{x} Brigade"])
        else:  # places, with near-name distractors
            r = rng.random()
            if r < 0.3:  # short names one letter apart (Iran/Iraq)
                base = names.word(1).lower()
                other = base[:-1] + "q"
                add("GPE", base.capitalize(), [base.capitalize()])
                if names.reserve(other):
                    add("GPE", other.capitalize(), [other.capitalize()])
            elif r < 0.55:  # camps a front/back vowel apart (Merel/Morel)
                base = names.word(2).lower()
                j = max(i for i, c in enumerate(base) if c in VOWELS)
                swap = "o" if base[j] in "aei" else "e"
                add("FAC", f"Camp {base.capitalize()}", [f"Camp {base.capitalize()}"])
                other = (base[:j] + swap + base[j + 1:]).capitalize()
                if names.reserve(other):
                    add("FAC", f"Camp {other}", [f"Camp {other}"])
            elif r < 0.75:  # country and its demonym
                base = names.word(3) + "ia"
                add("GPE", base, [base, transliterate(base, rng)])
                add("NORP", base + "n", [base + "n"])
            else:
                place = names.word(3)
                add("GPE", place, [place, transliterate(place, rng)])
    return out


# --------------------------------------------------------------------------- documents


def make_corpus(n_mentions: int, seed: int = 7):
    """Documents, their analyses and the true entity of every mention (by mention id)."""
    rng = random.Random(seed)
    entities = make_entities(max(10, n_mentions // 10), rng)
    by_surname: dict[str, list[Truth]] = {}
    for e in entities:
        if e.short:
            by_surname.setdefault(e.short[0], []).append(e)
    documents, analyses, truth = [], [], {}
    n_docs = max(1, n_mentions // MENTIONS_PER_DOC)
    for d in range(n_docs):
        doc_id = f"d{d}"
        cast = []
        while len(cast) < ENTITIES_PER_DOC:
            e = rng.choice(entities)
            clash = e.short and any(o is not e and o in cast for o in by_surname[e.short[0]])
            if e not in cast and not clash:
                cast.append(e)
        parts, mentions, evidence, pos, seen = [], [], [], 0, set()
        for i in range(MENTIONS_PER_DOC):
            e = cast[i % ENTITIES_PER_DOC] if i < ENTITIES_PER_DOC else rng.choice(cast)
            prefix, suffix = "", " said. "
            if e.id not in seen:
                surface = e.full
                if e.acronym and rng.random() < 0.5:
                    suffix = f" ({e.acronym}) said. "
            elif e.short and rng.random() < 0.4:
                surface = rng.choice(e.short)
            elif e.acronym and rng.random() < 0.4:
                surface = e.acronym if rng.random() < 0.7 else ".".join(e.acronym.replace("-", "")) + "."
            else:
                surface = rng.choice(e.variants)
            if i % 5 == 0:
                prefix = "Then "
            seen.add(e.id)
            start = pos + len(prefix)
            end = start + len(surface)
            label = e.label
            if label == "PERSON" and rng.random() < 0.05:
                label = "GPE"
            m = Mention(f"{doc_id}:m{i}", doc_id, start, end, surface, label)
            mentions.append(m)
            truth[m.id] = e.id
            if suffix.startswith(" ("):
                a_end, b_start = end, end + 2
                evidence.append(AliasEvidence(doc_id, start, b_start + len(e.acronym) + 1, surface, start, end,
                                              e.acronym, b_start, b_start + len(e.acronym), "acronym"))
            chunk = prefix + surface + suffix
            parts.append(chunk)
            pos += len(chunk)
        documents.append(Document(id=doc_id, path=f"{doc_id}.txt", text="".join(parts)))
        analyses.append(DocAnalysis(document=doc_id, mentions=mentions, aliases=evidence))
    return documents, analyses, truth


# --------------------------------------------------------------------------- scoring and measuring


def pairwise(analyses, truth) -> tuple[float, float]:
    """Pairwise precision and recall over all mention pairs (computed from cluster counts, linear)."""
    pred, true, both = Counter(), Counter(), Counter()
    singleton = 0
    for a in analyses:
        for m in a.mentions:
            p = m.entity or f"none:{m.id}"
            pred[p] += 1
            true[truth[m.id]] += 1
            both[(p, truth[m.id])] += 1
            singleton += m.entity is None
    pairs = lambda c: sum(n * (n - 1) // 2 for n in c.values())  # noqa: E731
    tp, pp, tt = pairs(both), pairs(pred), pairs(true)
    return (tp / pp if pp else 1.0), (tp / tt if tt else 1.0)


class PeakRSS:
    """Peak resident memory of this process while the block runs (sampled every 20 ms)."""

    def __enter__(self):
        self.proc = psutil.Process(os.getpid())
        self.peak = self.proc.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self.proc.memory_info().rss)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.proc.memory_info().rss)


def run(size: int, seed: int) -> dict:
    documents, records, truth = make_corpus(size, seed)
    n = sum(len(a.mentions) for a in records)
    analyses = Analyses.from_records(records)  # phase 2 reads phase 1's records from the store
    del records
    gc.collect()
    before = psutil.Process(os.getpid()).memory_info().rss
    with PeakRSS() as mem:
        t0 = time.perf_counter()
        entities = resolve_entities(documents, analyses)
        seconds = time.perf_counter() - t0
    precision, recall = pairwise(analyses.view("mentions"), truth)
    return {"mentions": n, "documents": len(documents), "true entities": len(set(truth.values())),
            "entities": len(entities), "seconds": seconds, "us/mention": seconds / n * 1e6,
            "rss before MB": before / 2**20, "peak rss MB": mem.peak / 2**20,
            "precision": precision, "recall": recall}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, one process, sizes {args.sizes}")
    header = f"{'mentions':>9} {'docs':>7} {'true':>7} {'found':>7} {'seconds':>8} {'us/ment':>8} {'rss MB':>7} {'peak MB':>8} {'P':>6} {'R':>6}"
    print(header)
    rows = []
    for size in sorted(args.sizes):
        r = run(size, args.seed)
        rows.append(r)
        print(f"{r['mentions']:>9} {r['documents']:>7} {r['true entities']:>7} {r['entities']:>7} {r['seconds']:>8.2f} "
              f"{r['us/mention']:>8.2f} {r['rss before MB']:>7.0f} {r['peak rss MB']:>8.0f} {r['precision']:>6.3f} {r['recall']:>6.3f}",
              flush=True)
        gc.collect()
    for a, b in zip(rows, rows[1:]):
        growth = (b["seconds"] / a["seconds"]) / (b["mentions"] / a["mentions"])
        print(f"time per mention x{growth:.2f} from {a['mentions']} to {b['mentions']} mentions (1.00 = linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
