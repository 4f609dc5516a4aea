"""The dossier.json document (schema consilience.dossier/1; see docs/dossier.md)."""
from __future__ import annotations

import json
from pathlib import Path

from ..model import Corpus, to_dict

SCHEMA = "consilience.dossier/1"

_DOCUMENT_FIELDS = (
    "id", "path", "url", "outlet", "outlet_basis", "title", "byline", "published", "published_basis",
    "language", "duplicate_of", "text", "removed", "notes",
)


def build_dossier(corpus: Corpus) -> dict:
    """The whole dossier as a JSON-ready dict, in the names of the dossier contract."""
    analyses = {a.document: a for a in corpus.analyses}
    documents = []
    for doc in corpus.documents:
        d = to_dict(doc)
        row = {k: d[k] for k in _DOCUMENT_FIELDS}
        analysis = analyses.get(doc.id)
        row["analysis_skipped"] = analysis.skipped_reason if analysis else None
        documents.append(row)

    def per_doc(attr):
        return [to_dict(r) for a in corpus.analyses for r in getattr(a, attr)]

    mentions = [
        {"entity": m.entity, "document": m.document, "start": m.start, "end": m.end, "text": m.text,
         "label": m.label, "id": m.id}
        for a in corpus.analyses for m in a.mentions
    ]
    return {
        "schema": SCHEMA,
        "corpus": {
            "inputs": list(corpus.inputs),
            "documents": len(corpus.documents),
            "skipped": [to_dict(s) for s in corpus.skipped],
            "timings": {k: round(v, 3) for k, v in corpus.timings.items()},
        },
        "documents": documents,
        "entities": [to_dict(e) for e in corpus.entities],
        "mentions": mentions,
        "times": per_doc("times"),
        "quantities": per_doc("quantities"),
        "quotes": per_doc("quotes"),
        "descriptors": per_doc("descriptors"),
        "alias_evidence": per_doc("aliases"),
        "claims": per_doc("claims"),
        "facts": [to_dict(f) for f in corpus.facts],
        "conflicts": [to_dict(c) for c in corpus.conflicts],
        "sources": [to_dict(s) for s in corpus.sources],
    }


def write_dossier_json(dossier: dict, path: Path) -> None:
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(dossier, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
