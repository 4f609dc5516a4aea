"""Exports of a dossier for other tools: csv (spreadsheets), graphml (Gephi, networkx), jsonl, ftm.

Every function takes the dossier dict (``store.read_dossier`` or dossier.json) and a path. The
FollowTheMoney export (the optional extra ``ftm``) maps records onto FtM schemata so a dossier can
be loaded into Aleph or OpenSanctions tooling:

=============================  ==============================================================
dossier record                 FtM entity
=============================  ==============================================================
document                       Article (title, bodyText, publishedAt, publisher, sourceUrl)
entity PERSON                  Person;  ORG: Organization;  EVENT: Event; other named types:
                               LegalEntity (name, alias, description)
entity GPE naming a country    no entity: its ISO code as ``country`` of the Articles that mention
                               it and of the Events (facts) placed there (FtM keeps countries as a
                               property type, not as things)
entity GPE / LOC / FAC         Address (full, and city for a GPE), a location in FtM's sense
entity NORP                    no entity: a nationality or group adjective ("Iranian") is neither an
                               organisation nor a place; its country, when it has one, is added as
                               ``country`` of the Articles that use it
mention (entity, document,     Mention (resolved -> entity, document -> Article, name)
surface text), once per triple
stated relation                UnknownLink (subject, object, role, proof -> Article)
fact                           Event (name = statement, date, involved, location, proof,
                               summary: status and support; description: conflicts about it)
=============================  ==============================================================
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterable, Iterator

from ..store import TABLES

FORMATS = ("csv", "graphml", "jsonl", "ftm")


def load_dossier(directory: Path) -> dict:
    """The dossier of an analysed directory: from its store, or from dossier.json when there is no store."""
    directory = Path(directory)
    store = directory / "consilience.duckdb"
    if store.exists():
        from ..store import read_dossier

        return read_dossier(store)
    return json.loads((directory / "dossier.json").read_text(encoding="utf-8"))


def _section_rows(dossier: dict, section: str) -> list[dict]:
    if section == "skipped":
        return dossier.get("corpus", {}).get("skipped", [])
    return dossier.get(section, [])


# --------------------------------------------------------------------------- csv / jsonl


def export_csv(dossier: dict, out_dir: Path) -> list[Path]:
    """One CSV file per store table (same columns); nested values as JSON text. Returns the files written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for section, columns in TABLES.items():
        path = out_dir / f"{section}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow([name for name, _ in columns])
            for row in _section_rows(dossier, section):
                writer.writerow([_csv_cell(row.get(name), typ) for name, typ in columns])
        written.append(path)
    return written


def _csv_cell(value, typ: str):
    if value is None:
        return ""
    if typ == "JSON":
        return json.dumps(value, ensure_ascii=False)
    return value


def jsonl_records(dossier: dict) -> Iterator[dict]:
    """Every record of the dossier, each with a ``section`` field (corpus metadata first)."""
    corpus = dossier.get("corpus", {})
    yield {"section": "corpus", "schema": dossier.get("schema"), "inputs": corpus.get("inputs", []),
           "documents": corpus.get("documents"), "timings": corpus.get("timings", {})}
    for section in TABLES:
        for row in _section_rows(dossier, section):
            yield {"section": section, **row}


def export_jsonl(dossier: dict, path: Path) -> int:
    """One JSON record per line; returns the number of lines."""
    n = 0
    with Path(path).open("w", encoding="utf-8") as fh:
        for record in jsonl_records(dossier):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


# --------------------------------------------------------------------------- graphml


def entity_graph(dossier: dict):
    """A networkx Graph: entities (name, type, mentions, aliases) joined by stated relations and co-occurrence.

    Edge attributes: ``relations`` (the stated relations, "; "-joined, empty when none) and
    ``together`` (paragraphs naming both). GraphML wants scalar attributes, hence the joined strings.
    """
    import networkx as nx

    from .svg import entity_edges

    graph = nx.Graph()
    entities = dossier.get("entities", [])
    for e in entities:
        graph.add_node(e["id"], name=e.get("name") or "", type=e.get("type") or "",
                       mentions=int(e.get("mentions") or 0),
                       aliases="; ".join(a.get("text", "") for a in e.get("aliases") or []),
                       documents=len(e.get("documents") or []))
    for (a, b), edge in entity_edges(dossier, {e["id"] for e in entities}).items():
        graph.add_edge(a, b, relations="; ".join(r for r in edge["relations"] if r), together=edge["together"],
                       weight=edge["together"] + 3 * len(edge["relations"]))
    return graph


def export_graphml(dossier: dict, path: Path) -> None:
    import networkx as nx

    nx.write_graphml(entity_graph(dossier), str(path))


# --------------------------------------------------------------------------- FollowTheMoney

_FTM_SCHEMA = {"PERSON": "Person", "ORG": "Organization", "GPE": "Address", "LOC": "Address", "FAC": "Address",
               "EVENT": "Event"}


def country_code(name: str | None, type_: str | None) -> str | None:
    """The ISO code when ``name`` names a country (or, for NORP, a nationality): rigour's territory table,
    and not one of the country's places ("Paris" is found under France but is a city)."""
    if not name or type_ not in ("GPE", "NORP"):
        return None
    from rigour.territories import lookup_territory

    territory = lookup_territory(name)
    if territory is None or not territory.is_country:
        return None
    if name.casefold() in {p.casefold() for p in territory.places or []}:
        return None
    return territory.ftm_country or territory.code


def ftm_entities(dossier: dict) -> Iterable:
    """FollowTheMoney entity proxies for the dossier (imports ``followthemoney`` lazily: optional extra)."""
    try:
        from followthemoney import model
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("the ftm export needs the optional extra: pip install 'consilience[ftm]'") from exc

    def make(schema: str, *key: str):
        proxy = model.make_entity(schema)
        proxy.make_id("consilience", *key)
        return proxy

    countries = {ent["id"]: code for ent in dossier.get("entities", [])
                 if (code := country_code(ent.get("name"), ent.get("type")))}
    mentioned: dict[str, set[str]] = {}
    for m in dossier.get("mentions", []):
        if m.get("entity") in countries:
            mentioned.setdefault(m.get("document"), set()).add(countries[m["entity"]])
    articles, entities = {}, {}
    for doc in dossier.get("documents", []):
        art = make("Article", "document", doc["id"])
        art.add("title", doc.get("title") or doc.get("path"))
        art.add("bodyText", doc.get("text"))
        art.add("publishedAt", doc.get("published"), quiet=True)
        art.add("publisher", doc.get("outlet"))
        art.add("sourceUrl", doc.get("url"), quiet=True)
        art.add("fileName", doc.get("path"))
        art.add("country", sorted(mentioned.get(doc["id"], ())), quiet=True)
        articles[doc["id"]] = art
    yield from articles.values()

    for ent in dossier.get("entities", []):
        if ent["id"] in countries or ent.get("type") == "NORP":
            continue
        schema = _FTM_SCHEMA.get(ent.get("type") or "", "LegalEntity")
        proxy = make(schema, "entity", ent["id"])
        proxy.add("name", ent.get("name"))
        if schema == "Address":
            proxy.add("full", ent.get("name"))
            if ent.get("type") == "GPE":
                proxy.add("city", ent.get("name"))
        names = [a.get("text") for a in ent.get("aliases") or [] if a.get("text") and a.get("text") != ent.get("name")]
        proxy.add("alias", names)
        proxy.add("description", [d.get("text") for d in ent.get("descriptors") or [] if d.get("text")][:20],
                  quiet=True)
        entities[ent["id"]] = proxy
    yield from entities.values()

    seen = set()
    for m in dossier.get("mentions", []):
        key = (m.get("entity"), m.get("document"), m.get("text"))
        if m.get("entity") not in entities or m.get("document") not in articles or key in seen:
            continue
        seen.add(key)
        mention = make("Mention", "mention", *[str(k) for k in key])
        mention.add("resolved", entities[m["entity"]].id)
        mention.add("document", articles[m["document"]].id)
        mention.add("name", m.get("text"))
        mention.add("detectedSchema", entities[m["entity"]].schema.name)
        yield mention

    for ent in dossier.get("entities", []):
        for i, rel in enumerate(ent.get("relations") or []):
            if rel.get("subject") in entities and rel.get("object") in entities:
                link = make("UnknownLink", "relation", ent["id"], str(i))
                link.add("subject", entities[rel["subject"]].id)
                link.add("object", entities[rel["object"]].id)
                link.add("role", rel.get("relation"))
                if rel.get("document") in articles:
                    link.add("proof", articles[rel["document"]].id)
                yield link

    about = {}
    for c in dossier.get("conflicts", []):
        for f in c.get("facts") or []:
            values = " vs ".join(str(v.get("value")) for v in c.get("values", []))
            about.setdefault(f, []).append(f'{c.get("slot")} conflict ({values}): {c.get("explanation")}')
    claims = {c["id"]: c for c in dossier.get("claims", [])}
    for fact in dossier.get("facts", []):
        event = make("Event", "fact", fact["id"])
        event.add("name", fact.get("statement"))
        event.add("date", fact.get("time"), quiet=True)
        event.add("summary", f'{fact.get("status")}; supported by {fact.get("support")} independent documents')
        event.add("description", about.get(fact["id"], []))
        involved = [fact.get("subject"), *(fact.get("objects") or [])]
        event.add("involved", [entities[i].id for i in involved if i in entities])
        if fact.get("place") in entities:
            event.add("addressEntity", entities[fact["place"]].id, quiet=True)
            event.add("location", entities[fact["place"]].first("full") or entities[fact["place"]].first("name"),
                      quiet=True)
        if fact.get("place") in countries:
            event.add("country", countries[fact["place"]], quiet=True)
        docs = {claims[c]["document"] for c in fact.get("claims", []) if c in claims} | set(fact.get("documents") or [])
        event.add("proof", [articles[d].id for d in sorted(docs) if d in articles])
        event.add("publisher", fact.get("outlets") or [])
        yield event


def export_ftm(dossier: dict, path: Path) -> int:
    """FtM entities, one JSON object per line (the format ``ftm`` and Aleph's importers read)."""
    n = 0
    with Path(path).open("w", encoding="utf-8") as fh:
        for proxy in ftm_entities(dossier):
            fh.write(json.dumps(proxy.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def export(dossier: dict, fmt: str, out: Path) -> Path:
    """Write ``dossier`` in format ``fmt`` to ``out`` (a directory for csv, a file otherwise)."""
    if fmt == "csv":
        export_csv(dossier, out)
    elif fmt == "graphml":
        export_graphml(dossier, out)
    elif fmt == "jsonl":
        export_jsonl(dossier, out)
    elif fmt == "ftm":
        export_ftm(dossier, out)
    else:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    return Path(out)


def default_output(directory: Path, fmt: str) -> Path:
    """Where ``consilience export DIR --format FMT`` writes without ``--out``."""
    return Path(directory) / {"csv": "csv", "graphml": "entities.graphml", "jsonl": "dossier.jsonl",
                              "ftm": "dossier.ftm.json"}[fmt]
