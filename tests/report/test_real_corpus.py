"""The report and the web UI on real pipeline output: the project's demo corpus, and ../shared when present."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from consilience.report import html as report_html

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def analysed(tmp_path_factory, request):
    """Run the whole pipeline once per corpus; returns (output directory, dossier)."""
    from consilience.pipeline import analyze_corpus, write_outputs
    from consilience.settings import Settings

    corpus: Path = request.param
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is not there")
    out = tmp_path_factory.mktemp("analysed")
    result = analyze_corpus([str(corpus)], Settings(workers=1, progress=False))
    write_outputs(result, out)
    return out, json.loads((out / "dossier.json").read_text(encoding="utf-8"))


ROOT = Path(__file__).resolve().parents[2]
CORPORA = [ROOT / "examples" / "corpus", ROOT.parent / "shared" / "corpora" / "soleimani-2020"]


@pytest.mark.parametrize("analysed", CORPORA, indirect=True, ids=["examples", "soleimani"])
def test_report_and_web_on_real_output(analysed, synthetic):
    out, dossier = analysed
    page = (out / "dossier.html").read_text(encoding="utf-8")
    assert synthetic.active_content(page, allowed_scripts=1) == []
    index = report_html.Index.of(dossier)
    for doc in dossier["documents"]:  # highlighting never alters the text
        assert synthetic.visible_text(str(report_html.highlighted_document(doc, index))) == doc["text"]
    anchors = set(re.findall(r'id="claim-([^"]+)"', page))
    for fact in dossier["facts"]:
        assert f'id="fact-{fact["id"]}"' in page
        linked = [c for c in fact["claims"] if c in index.claims]
        assert any(c in anchors for c in linked) or not linked  # every fact reaches a sentence
    for conflict in dossier["conflicts"]:
        assert f'id="conflict-{conflict["id"]}"' in page
    assert dossier["entities"] and 'class="graph"' in page

    from fastapi.testclient import TestClient

    from consilience.web.app import create_app, url_for

    with TestClient(create_app(out / "consilience.duckdb")) as client:
        for kind in ("facts", "conflicts", "entities", "documents"):
            for record in dossier[kind][:25]:
                r = client.get(url_for(kind, record["id"]))
                assert r.status_code == 200, (kind, record["id"])
                assert synthetic.active_content(r.text) == []
        api = client.get("/api/facts", params={"limit": 500}).json()
        assert api["total"] == len(dossier["facts"])
