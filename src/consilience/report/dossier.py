"""The dossier.json document (schema consilience.dossier/1; see docs/dossier.md).

A dossier is a mapping: ``schema``, ``corpus`` (a small dict) and one sequence of records per
section. ``dossier_sections`` gives the sections lazily, each record made as it is written, so
dossier.json and the store are written from the Corpus without a second full copy of it in
memory; ``build_dossier`` materialises the same mapping as lists (tests, small corpora, exports).
``html_dossier`` picks a bounded part of it for dossier.html when the corpus is large.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import Corpus, Mention, to_dict
from ..store import Analyses
from ..schema import DOCUMENT_FIELDS, SECTIONS, record_fields

SCHEMA = "consilience.dossier/1"

# dossier section -> DocAnalysis field, for the per-document sections of phase 1 (the claims section lists
# the resolved claims of Corpus.claims)
PER_DOCUMENT = {"mentions": "mentions", "times": "times", "quantities": "quantities", "quotes": "quotes",
                "descriptors": "descriptors", "alias_evidence": "aliases"}


class Lazy:
    """A re-iterable sequence of records made on demand (each pass calls ``make`` again)."""

    def __init__(self, make: Callable[[], Iterator[dict]]):
        self._make = make

    def __iter__(self) -> Iterator[dict]:
        return self._make()


def document_record(doc, skipped_reason: str | None) -> dict:
    """A document's dossier record; ``skipped_reason`` says why phase 1 did not analyse it (None: it did)."""
    d = to_dict(doc)
    row = {k: d[k] for k in DOCUMENT_FIELDS}
    row["analysis_skipped"] = skipped_reason
    return row


def skipped_reasons(corpus: Corpus) -> dict[str, str]:
    """Document id -> why phase 1 did not analyse it (reads no records; none before phase 1)."""
    return corpus.analyses.skipped if corpus.analyses is not None else {}


_MENTION_FIELDS = tuple(record_fields(Mention))


def mention_record(m) -> dict:
    """A mention's dossier record (faster than ``to_dict``: mentions are the largest section)."""
    return {name: getattr(m, name) for name in _MENTION_FIELDS}


def _per_doc(analyses: Analyses | None, attr: str, documents=None) -> Iterator[dict]:
    """The dossier records of one per-document field, of every document (or of those in ``documents``)."""
    if analyses is None:  # a corpus before phase 1
        return iter(())
    return map(mention_record if attr == "mentions" else to_dict, analyses.records(attr, documents))


def corpus_header(corpus: Corpus) -> dict:
    return {
        "inputs": list(corpus.inputs),
        "documents": len(corpus.documents),
        "skipped": [to_dict(s) for s in corpus.skipped],
        "timings": {k: round(v, 3) for k, v in corpus.timings.items()},
    }


def dossier_sections(corpus: Corpus) -> dict:
    """The dossier with every section as a ``Lazy`` sequence over the Corpus records."""
    skipped = skipped_reasons(corpus)
    out: dict = {"schema": SCHEMA, "corpus": corpus_header(corpus)}
    out["documents"] = Lazy(lambda: (document_record(d, skipped.get(d.id)) for d in corpus.documents))
    out["entities"] = Lazy(lambda: map(to_dict, corpus.entities))
    for section, attr in PER_DOCUMENT.items():
        out[section] = Lazy(lambda attr=attr: _per_doc(corpus.analyses, attr))
    out["claims"] = Lazy(lambda: map(to_dict, corpus.claims))
    out["facts"] = Lazy(lambda: map(to_dict, corpus.facts))
    out["conflicts"] = Lazy(lambda: map(to_dict, corpus.conflicts))
    out["sources"] = Lazy(lambda: map(to_dict, corpus.sources))
    return {k: out[k] for k in ("schema", "corpus", *SECTIONS)}


def build_dossier(corpus: Corpus) -> dict:
    """The whole dossier as a JSON-ready dict of lists, in the names of the dossier contract."""
    return {k: v if k in ("schema", "corpus") else list(v) for k, v in dossier_sections(corpus).items()}


def write_dossier_json(dossier: dict, path: Path) -> None:
    """Write a dossier (lists or ``Lazy`` sections) record by record: one record per line in each section.

    Streaming keeps memory flat however large the corpus; the file is valid JSON, written to a
    temporary name first so a crash never leaves half a dossier under the real one.
    """
    tmp = path.with_suffix(".json.tmp")
    with tmp.open("w", encoding="utf-8") as out:
        out.write("{\n")
        keys = list(dossier)
        for i, key in enumerate(keys):
            value = dossier[key]
            out.write(f" {json.dumps(key)}: ")
            if key in ("schema", "corpus"):
                out.write(json.dumps(value, ensure_ascii=False))
            else:
                out.write("[")
                first = True
                for record in value:
                    out.write("\n  " if first else ",\n  ")
                    out.write(json.dumps(record, ensure_ascii=False))
                    first = False
                out.write("]" if first else "\n ]")
            out.write(",\n" if i < len(keys) - 1 else "\n")
        out.write("}\n")
    tmp.replace(path)


# --------------------------------------------------------------------------- the part dossier.html shows


@dataclass(frozen=True)
class HtmlLimits:
    """How much of a large corpus dossier.html shows (all of it when the corpus is within every limit).

    A browser cannot open a page with 10^5 highlighted articles; beyond these limits the page shows
    the most important part (conflicts first, then the best-supported facts and the documents that
    carry their evidence) and says so. dossier.json, the store and the web UI keep everything.
    """

    documents: int = 300
    facts: int = 3000
    conflicts: int = 1000
    entities: int = 2000
    sources: int = 300


def html_dossier(corpus: Corpus, limits: HtmlLimits = HtmlLimits()) -> dict:
    """The dossier dict dossier.html is rendered from: everything, or a bounded, consistent part of it."""
    if (len(corpus.documents) <= limits.documents and len(corpus.facts) <= limits.facts
            and len(corpus.conflicts) <= limits.conflicts and len(corpus.entities) <= limits.entities
            and len(corpus.sources) <= limits.sources):
        return build_dossier(corpus)
    conflicts = corpus.conflicts[:limits.conflicts]
    in_conflict = {f for c in conflicts for f in c.facts}
    facts = [f for f in corpus.facts if f.id in in_conflict]
    ranked = sorted((f for f in corpus.facts if f.id not in in_conflict), key=lambda f: -f.support)
    facts += ranked[:max(0, limits.facts - len(facts))]
    docs = _documents_to_show(corpus, conflicts, facts, limits.documents)
    fact_claims = {c for f in facts for c in f.claims}
    named = {e for f in facts for e in [f.subject, *f.objects] if e}
    top = sorted(corpus.entities, key=lambda e: -e.mentions)[:limits.entities]
    shown_entities = {e.id for e in top} | named
    out = {"schema": SCHEMA, "corpus": corpus_header(corpus)}
    out["corpus"]["shown"] = {
        "documents": [len(docs), len(corpus.documents)], "facts": [len(facts), len(corpus.facts)],
        "conflicts": [len(conflicts), len(corpus.conflicts)], "entities": [len(shown_entities), len(corpus.entities)],
    }
    out["corpus"]["totals"] = _totals(corpus)
    skipped = skipped_reasons(corpus)
    out["documents"] = [document_record(d, skipped.get(d.id)) for d in corpus.documents if d.id in docs]
    out["entities"] = [to_dict(e) for e in corpus.entities if e.id in shown_entities]
    for section, attr in PER_DOCUMENT.items():
        out[section] = list(_per_doc(corpus.analyses, attr, docs))
    # the claims of the documents shown, then those of other documents that the facts shown rest on
    in_shown, elsewhere = [], []
    for c in corpus.claims:
        if c.document in docs:
            in_shown.append(to_dict(c))
        elif c.id in fact_claims:
            elsewhere.append(to_dict(c))
    out["claims"] = in_shown + elsewhere
    out["facts"] = [to_dict(f) for f in facts]
    out["conflicts"] = [to_dict(c) for c in conflicts]
    sources = sorted(corpus.sources, key=lambda s: -len(s.documents))[:limits.sources]
    out["sources"] = [to_dict(s) for s in sources]
    return out


def _documents_to_show(corpus: Corpus, conflicts, facts, limit: int) -> set[str]:
    """Documents evidencing the shown conflicts, then the shown facts in order, up to ``limit``."""
    chosen: dict[str, None] = {}
    for group in ([d for c in conflicts for v in c.values for d in v.documents], [d for f in facts for d in f.documents],
                  [d.id for d in corpus.documents]):
        for doc in group:
            if len(chosen) >= limit:
                return set(chosen)
            chosen.setdefault(doc, None)
    return set(chosen)


def _totals(corpus: Corpus) -> dict:
    """Whole-corpus counts for the overview of a page that shows only part of the corpus."""
    status: dict[str, int] = {}
    for f in corpus.facts:
        status[f.status] = status.get(f.status, 0) + 1
    docs = corpus.documents
    return {
        "documents": len(docs), "copies": sum(1 for d in docs if d.duplicate_of),
        "outlets": len({d.outlet for d in docs if d.outlet}), "no_outlet": sum(1 for d in docs if not d.outlet),
        "facts": len(corpus.facts), "corroborated": status.get("corroborated", 0),
        "single_source": status.get("single-source", 0), "contested": status.get("contested", 0),
        "conflicts": len(corpus.conflicts), "entities": len(corpus.entities),
        "claims": len(corpus.claims),
    }
