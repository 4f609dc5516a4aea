"""Facts and conflicts held against what an analyst expects, and an automatic faithfulness check.

For each corpus (the two development corpora in ../shared/corpora and the project's own examples/):
1. ``consilience analyze`` runs on it (``--out`` per corpus under ``--root``; a second run with the
   same root reuses phase 1 and redoes only phase 2);
2. ``../shared/eval/check_dossier.py`` scores the dossier against the gold file; the score is printed
   per section: ``facts``, ``conflicts`` (expected conflicts and forbidden conflicts together) and
   ``forbidden_facts``, each as weighted K/N, and beside them the gold's other sections
   (``documents``: dates, debris, body, outlets; ``duplicates``; ``merge``; ``separate``);
3. every fact is checked for faithfulness: each number and each capitalised name in its statement
   must occur in the text of one of its evidence claims (a written-out number counts: "seven" for 7),
   and a date shown in it must be the time value of one of its claims (a time expression of that
   claim's own clause). A fact failing the check is printed with what was not found.

    .venv/bin/python benchmarks/facts.py [--root /tmp/consilience-facts] [--corpus NAME ...] [--verbose]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
CORPORA = {
    "soleimani-2020": (SHARED / "corpora" / "soleimani-2020", SHARED / "eval" / "gold" / "soleimani-2020.json"),
    "ps752-2020": (SHARED / "corpora" / "ps752-2020", SHARED / "eval" / "gold" / "ps752-2020.json"),
    "examples": (ROOT / "examples" / "corpus", ROOT / "examples" / "gold.json"),
}
SECTIONS = {"fact ": "facts", "conflict ": "conflicts", "false conflict": "conflicts", "false fact": "forbidden_facts"}
OTHER_SECTIONS = {"document ": "documents", "duplicate": "duplicates", "merge": "merge", "separate": "separate"}
NUMBER_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12}
_DATE = re.compile(r"\b\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?\b")
_NUMBER = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")
_NAME = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of|the|al|bin|de|van|von)?\s*[A-Z][\w'’.-]*)*")
_FUNCTION = {"The", "A", "An", "In", "At", "On", "Of", "By", "And", "Since", "With"}
# Words a statement template may open with (the dossier's own vocabulary, not a name)
_TEMPLATE = {"attack", "attacked", "killing", "killed", "abduction", "abducted", "injuring", "injured", "arrest",
             "arrested", "sanctions", "sanctioned", "crashed", "protested", "named", "member"}


def load_checker():
    spec = importlib.util.spec_from_file_location("check_dossier", SHARED / "eval" / "check_dossier.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sections(results) -> dict[str, tuple[int, int]]:
    out: dict[str, list[int]] = {}
    for ok, weight, text in results:
        name = next((s for p, s in {**SECTIONS, **OTHER_SECTIONS}.items() if text.startswith(p)), None)
        if name is None:
            continue
        got, total = out.setdefault(name, [0, 0])
        out[name] = [got + (weight if ok else 0), total + weight]
    return {k: (v[0], v[1]) for k, v in out.items()}


def _numbers_in(text: str) -> set[float]:
    found = {float(n.replace(",", "")) for n in _NUMBER.findall(text)}
    for w in re.findall(r"[a-z]+", text.lower()):
        if w in NUMBER_WORDS:
            found.add(float(NUMBER_WORDS[w]))
    return found


def unsupported(fact: dict, claims: dict[str, dict]) -> list[str]:
    """What a fact's statement says that none of its evidence claims holds (empty: faithful)."""
    evidence = [claims[c] for c in fact.get("claims", []) if c in claims]
    texts = " \n ".join(c.get("text") or "" for c in evidence)
    lower = texts.lower()
    times = {str(c.get("time") or "") for c in evidence}
    statement = fact.get("statement") or ""
    missing = []
    rest = statement
    for m in sorted(_DATE.finditer(statement), key=lambda m: -len(m.group(0))):
        value = m.group(0)
        if len(value) >= 4 and (any(t.startswith(value) or value in t for t in times if t)
                                or value in texts):
            rest = rest.replace(value, " ")
        elif re.fullmatch(r"\d{4}", value) is None or value not in texts:
            missing.append(value)
            rest = rest.replace(value, " ")
    have = _numbers_in(texts)
    for n in _NUMBER.findall(rest):
        if float(n.replace(",", "")) not in have:
            missing.append(n)
    for m in _NAME.finditer(rest):
        words = [w for w in m.group(0).split() if w not in _FUNCTION and w.lower() not in _TEMPLATE]
        for w in words:
            w = w.strip(".,'’\"")
            if w and w.lower() not in lower:
                missing.append(w)
    return missing


def run(corpus: str, root: Path, verbose: bool) -> dict:
    path, gold_path = CORPORA[corpus]
    out = root / corpus
    subprocess.run([str(ROOT / ".venv" / "bin" / "consilience"), "analyze", str(path), "--out", str(out)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return evaluate(corpus, json.loads((out / "dossier.json").read_text()), verbose)


def evaluate(corpus: str, dossier: dict, verbose: bool = False) -> dict:
    """Print and return the check_dossier sections and the faithfulness of one corpus's dossier."""
    gold_path = CORPORA[corpus][1]
    gold = json.loads(gold_path.read_text())
    checker = load_checker()
    results = checker.check(dossier, gold)
    per = sections(results)
    claims = {c["id"]: c for c in dossier.get("claims", [])}
    facts = dossier.get("facts", [])
    bad = [(f, unsupported(f, claims)) for f in facts]
    bad = [(f, m) for f, m in bad if m]
    print(f"== {corpus}: {len(facts)} facts, {len(dossier.get('conflicts', []))} conflicts")
    for name in ("facts", "conflicts", "forbidden_facts", *OTHER_SECTIONS.values()):
        if name in per:
            got, total = per[name]
            print(f"  {name:16} {got}/{total} = {got / total:.2f}")
    faithful = len(facts) - len(bad)
    print(f"  {'faithfulness':16} {faithful}/{len(facts)} = {faithful / len(facts) if facts else 1:.2f}")
    for ok, weight, text in results:
        if not ok and any(text.startswith(p) for p in SECTIONS):
            print("  MISS", text)
    for f, m in bad:
        print(f"  UNFAITHFUL {f['id']}: {f['statement']!r}: not in its evidence: {m}")
    if verbose:
        for f in facts:
            print(f"  fact {f['id']} ({f['support']}, {f['status']}): {f['statement']}")
        for c in dossier.get("conflicts", []):
            vals = "; ".join(f"{v['value']} {v['documents']}" for v in c["values"])
            print(f"  conflict {c['id']} [{c['slot']}] {c['about']}: {vals}\n      {c['explanation']}")
    return {"sections": per, "faithful": faithful, "facts": len(facts)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=Path("/tmp/consilience-facts"))
    ap.add_argument("--corpus", nargs="*", default=list(CORPORA), choices=list(CORPORA))
    ap.add_argument("--verbose", action="store_true", help="list every fact and conflict")
    args = ap.parse_args(argv)
    for corpus in args.corpus:
        run(corpus, args.root, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
