"""Print the entities resolved over a directory of .txt articles: ``python -m consilience.resolve.show DIR``.

Reads each ``*.txt`` as one document (no cleaning), runs phase-1 analysis with the
installed spaCy model, resolves entities and prints each with its aliases, type,
descriptors and relations. A quick look at what resolution does on a real corpus.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..model import Document


def load_txt_corpus(directory: Path) -> list[Document]:
    """Every ``*.txt`` file of ``directory`` (sorted) as a Document with id = its stem's prefix before "_"."""
    docs = []
    for path in sorted(Path(directory).glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        docs.append(Document(id=path.stem.split("_")[0], path=str(path), text=text))
    return docs


def load_corpus(directory: Path) -> list[Document]:
    """Documents of a directory: through ``ingest`` when it holds more than .txt files, else ``load_txt_corpus``."""
    files = [p for p in Path(directory).rglob("*") if p.is_file() and not p.name.startswith(".")]
    if all(p.suffix == ".txt" or p.suffix == ".md" for p in files):
        return load_txt_corpus(directory)
    from ..ingest import ingest
    from ..settings import Settings

    documents, _ = ingest([str(directory)], Settings())
    return [d for d in documents if (d.language or "en") == "en" and not d.duplicate_of]


def analyse(documents: list[Document]):
    """Phase-1 analysis of each document with the installed model."""
    from ..analyze.document import analyze_parsed
    from ..analyze.nlp import load_model

    nlp = load_model(None)
    return [analyze_parsed(doc, d) for d, doc in zip(documents, nlp.pipe(d.text for d in documents))]


def main(argv: list[str]) -> int:
    from .entities import resolve_entities

    documents = load_corpus(Path(argv[0]))
    analyses = analyse(documents)
    entities = resolve_entities(documents, analyses)
    for e in entities:
        aliases = ", ".join(f"{a.text!r}x{a.count}" for a in e.aliases)
        print(f"{e.id} {e.type:7} {e.name!r} mentions={e.mentions} docs={','.join(e.documents)}\n    aliases: {aliases}")
        for d in e.descriptors[:6]:
            print(f"    descriptor [{d['document']}] {d['text']!r}")
        for r in e.relations:
            obj = next((x.name for x in entities if x.id == r.object), r.object_text)
            print(f"    relation [{r.document}] {r.relation} {obj!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:] or ["../shared/corpora/soleimani-2020"]))
