"""Exports: csv tables, GraphML entity graph, JSON lines, FollowTheMoney entities; the export command."""
from __future__ import annotations

import csv
import json

import pytest

from consilience.report import export as ex
from consilience.store import TABLES, write_store


def test_csv_writes_one_file_per_table_with_every_row(dossier, tmp_path):
    files = ex.export_csv(dossier, tmp_path / "csv")
    assert sorted(f.name for f in files) == sorted(f"{s}.csv" for s in TABLES)
    with (tmp_path / "csv" / "facts.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == [f["id"] for f in dossier["facts"]]
    assert json.loads(rows[0]["claims"]) == dossier["facts"][0]["claims"]  # nested values as JSON text
    with (tmp_path / "csv" / "documents.csv").open(encoding="utf-8") as fh:
        docs = list(csv.DictReader(fh))
    assert docs[0]["text"] == dossier["documents"][0]["text"]  # newlines survive the CSV quoting


def test_graphml_reads_back_into_networkx(dossier, tmp_path):
    import networkx as nx

    ex.export_graphml(dossier, tmp_path / "g.graphml")
    graph = nx.read_graphml(tmp_path / "g.graphml")
    assert set(graph.nodes) == {e["id"] for e in dossier["entities"]}
    assert graph.nodes["e_brandvold"]["name"] == "Ilse Brandvold"
    assert "Brandvold" in graph.nodes["e_brandvold"]["aliases"]
    assert graph.edges["e_brandvold", "e_velmora"]["relations"] == "mayor of"


def test_jsonl_has_every_record_with_its_section(dossier, tmp_path):
    n = ex.export_jsonl(dossier, tmp_path / "d.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == n
    assert lines[0]["section"] == "corpus"
    by_section = {}
    for rec in lines[1:]:
        by_section.setdefault(rec.pop("section"), []).append(rec)
    assert by_section["facts"] == dossier["facts"]
    assert len(by_section["mentions"]) == len(dossier["mentions"])
    assert by_section["skipped"] == dossier["corpus"]["skipped"]


def test_ftm_entities_follow_the_model_and_reference_each_other(dossier, tmp_path):
    pytest.importorskip("followthemoney")
    from followthemoney import model

    ex.export_ftm(dossier, tmp_path / "d.ftm.json")
    proxies = [model.get_proxy(json.loads(line)) for line in (tmp_path / "d.ftm.json").read_text().splitlines()]
    by_schema = {}
    for p in proxies:
        by_schema.setdefault(p.schema.name, []).append(p)
    assert len(by_schema["Article"]) == 4
    assert {p.first("name") for p in by_schema["Person"]} == {"Ilse Brandvold"}
    assert {p.first("name") for p in by_schema["Organization"]} == {"Harbour Authority of Velmora",
                                                                    "Kestrel Shipping Company"}
    assert by_schema["Address"][0].first("name") == "Velmora"
    ids = {p.id for p in proxies}
    for mention in by_schema["Mention"]:
        assert mention.first("resolved") in ids and mention.first("document") in ids
    events = {p.first("name"): p for p in by_schema["Event"]}
    fire = events["A fire injured dock workers at the Velmora container terminal"]
    assert fire.first("date") == "2024-03-03"
    assert set(fire.get("proof")) <= {p.id for p in by_schema["Article"]}
    assert any("time conflict" in d for d in fire.get("description"))
    link = by_schema["UnknownLink"][0]
    assert link.first("role") == "mayor of"


def test_export_command_from_a_store(dossier, tmp_path):
    from typer.testing import CliRunner

    from consilience.cli import app

    write_store(dossier, tmp_path / "consilience.duckdb")
    runner = CliRunner()
    for fmt in ex.FORMATS:
        result = runner.invoke(app, ["export", str(tmp_path), "--format", fmt])
        assert result.exit_code == 0, result.output
        assert ex.default_output(tmp_path, fmt).exists()
    assert runner.invoke(app, ["export", str(tmp_path), "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["export", str(tmp_path / "nothing"), "--format", "csv"]).exit_code == 2


def test_ftm_countries_and_nationalities_are_properties_not_addresses_or_organisations(dossier, tmp_path):
    """Invented additions: a country (GPE), a city (GPE) and a nationality (NORP) mentioned in a document."""
    pytest.importorskip("followthemoney")
    import copy

    from followthemoney import model

    d = copy.deepcopy(dossier)
    doc = d["documents"][0]["id"]
    for eid, name, type_ in (("e-no", "Norway", "GPE"), ("e-osl", "Oslo", "GPE"), ("e-nor", "Norwegian", "NORP")):
        d["entities"].append({"id": eid, "name": name, "type": type_, "aliases": [], "mentions": 1,
                              "documents": [doc], "descriptors": []})
        d["mentions"].append({"entity": eid, "document": doc, "start": 0, "end": len(name), "text": name})
    d["facts"][0]["place"] = "e-no"
    ex.export_ftm(d, tmp_path / "d.ftm.json")
    rows = [json.loads(line) for line in (tmp_path / "d.ftm.json").read_text().splitlines()]
    for row in rows:  # every entity valid under the FtM model
        assert model.get(row["schema"]).validate(row) is None, row
    proxies = [model.get_proxy(row) for row in rows]
    names = {(p.schema.name, p.first("name", quiet=True)) for p in proxies}
    assert ("Address", "Oslo") in names  # a city is a location
    assert not any(n in ("Norway", "Norwegian") for _s, n in names)  # neither an address nor an organisation
    article = next(p for p in proxies if p.schema.name == "Article" and p.first("fileName") == d["documents"][0]["path"])
    assert article.get("country") == ["no"]
    event = next(p for p in proxies if p.schema.name == "Event" and p.first("name") == d["facts"][0]["statement"])
    assert event.get("country") == ["no"]
