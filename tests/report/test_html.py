"""dossier.html: sections, links to evidence, highlighting by offsets, SVGs, and escaping of hostile text."""
from __future__ import annotations

import html
import re

import pytest

from consilience.report import html as report_html
from consilience.report import svg


@pytest.fixture()
def page(dossier) -> str:
    return report_html.render_html(dossier)


def test_every_section_is_there_and_linked_from_the_nav(page):
    for section in ("overview", "timeline", "facts", "conflicts", "entities", "sources", "documents"):
        assert f'id="{section}"' in page
        assert f'href="#{section}"' in page


def test_hostile_text_renders_as_text_everywhere(page, synthetic):
    assert synthetic.active_content(page, allowed_scripts=1) == []
    text = synthetic.visible_text(page)
    for payload in synthetic.PAYLOADS:
        assert payload in text  # shown to the reader, as text
    # the payloads also sit in attributes (titles, data-statement) and SVG labels: escaped there too
    assert 'data-statement="The damage ran to 3 million euros &lt;script&gt;' in page
    assert "<title>" in page and "&lt;img src=x onerror=" in page
    assert 'href="javascript:' not in page.lower()


def test_the_only_script_is_the_one_the_csp_hash_allows(page):
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    assert scripts == [report_html.SORT_SCRIPT]
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert report_html.csp_hash(scripts[0]) in html.unescape(csp)
    assert "'unsafe-inline'" not in html.unescape(csp).split("script-src")[1].split(";")[0]
    assert "default-src 'none'" in html.unescape(csp)


def test_no_external_resources(page):
    assert not re.search(r'<(link|img|iframe|script)[^>]+(src|href)="https?:', page)
    assert "@import" not in page and "url(http" not in page


def test_overview_counts_facts_by_status(dossier):
    view = report_html.overview(dossier, report_html.Index.of(dossier))
    assert (view["corroborated"], view["single_source"], view["contested"]) == (1, 1, 1)
    assert view["date_range"] == ("2024-03-04", "2024-03-05")
    assert view["copies"] == 1
    assert view["top_entities"][0]["id"] == "e_hav"


def test_every_fact_links_to_its_evidence_sentences(page, dossier):
    for fact in dossier["facts"]:
        assert f'id="fact-{fact["id"]}"' in page
        for claim_id in fact["claims"]:
            assert f'href="#claim-{claim_id}"' in page
            assert f'id="claim-{claim_id}"' in page


def test_the_evidence_target_wraps_exactly_the_claim_text(page, dossier, synthetic):
    for claim in dossier["claims"]:
        m = re.search(rf'<span class="claim" id="claim-{re.escape(claim["id"])}"[^>]*>(.*?)</span>(?=\s|$|[^<]|<)',
                      page, flags=re.S)
        assert m
    # reconstructed from the page: the highlighted document text is the cleaned text, unchanged
    for doc in dossier["documents"]:
        index = report_html.Index.of(dossier)
        rendered = report_html.highlighted_document(doc, index)
        assert synthetic.visible_text(str(rendered)) == doc["text"]


def test_facts_matrix_marks_supporting_conflicting_and_silent_documents(dossier):
    matrix = report_html.facts_matrix(dossier, report_html.Index.of(dossier))
    assert [r["fact"]["support"] for r in matrix["rows"]] == [3, 2, 1]  # sorted by support without JS
    row = {c["document"]: c["state"] for c in matrix["rows"][0]["cells"]}  # f1: 12 injured on March 3
    assert row["d2"] == "conflicts" and row["d1"] == "supports" and row["d3"] == "supports"
    single = {c["document"]: c["state"] for c in matrix["rows"][2]["cells"]}
    assert single == {"d1": "silent", "d4": "silent", "d3": "silent", "d2": "supports"}


def test_conflict_evidence_marks_the_differing_words(dossier):
    views = {v["conflict"]["id"]: v for v in report_html.conflict_views(dossier, report_html.Index.of(dossier))}
    time_values = {v["value"]: [str(e["html"]) for e in v["evidence"]] for v in views["k1"]["values"]}
    assert "<mark>Sunday, March 3</mark>" in time_values["2024-03-03"][1]
    assert "<mark>March 4</mark>" in time_values["2024-03-04"][0]
    qty = {v["value"]: [str(e["html"]) for e in v["evidence"]] for v in views["k2"]["values"]}
    assert "<mark>14 people</mark>" in qty["14"][0]
    assert "<mark>Twelve workers</mark>" in qty["12"][1]


def test_place_and_agent_evidence_marks_the_mention_itself():
    """The place or agent of a conflict is marked where the claim's own mention is, not where its name
    first occurs ("DORVAL, ..." dateline; "Veldia's" inside another phrase)."""
    text = "DORVAL (Wire) - The jet crashed near Dorval, Veldia said. Ostmark shot it down."
    claim = {"id": "a:c0", "document": "a", "start": 0, "end": len(text), "text": text, "place": "e-dorval",
             "subject": "e-ostmark"}
    mentions = [{"document": "a", "start": text.index("near Dorval") + 5, "end": text.index("near Dorval") + 11,
                 "text": "Dorval", "entity": "e-dorval"},
                {"document": "a", "start": text.index("Ostmark"), "end": text.index("Ostmark") + 7,
                 "text": "Ostmark", "entity": "e-ostmark"}]
    index = report_html.Index.of({"claims": [claim], "mentions": mentions})
    assert "crashed near <mark>Dorval</mark>," in str(report_html.evidence_html(claim, "place", "Dorval", index))
    assert "<mark>Ostmark</mark> shot" in str(report_html.evidence_html(claim, "agent", "Ostmark", index))


def test_highlight_handles_overlaps_bad_offsets_and_escapes():
    text = 'He said "<b>x</b> & y" on 3 May.'
    spans = [report_html.Span(0, 2, "m", "PERSON", "#entity-e1"), report_html.Span(8, 22, "q", "quote"),
             report_html.Span(9, 18, "m", "ORG"), report_html.Span(26, 31, "t", "DATE 2020-05-03"),
             report_html.Span(-3, 4, "m"), report_html.Span(5, 500, "n"), report_html.Span(7, 7, "n")]
    regions = [report_html.Region(0, 22, "claim-c1"), report_html.Region(3, 8, "claim-c2"),
               report_html.Region(0, 22, "claim-c3"), report_html.Region(26, 40, "claim-c4"),
               report_html.Region(20, 31, "claim-c5")]
    out = str(report_html.highlight(text, spans, regions))
    assert "<b>" not in out and "&lt;b&gt;x&lt;/b&gt;" in out and "&amp;" in out
    for ident in ("c1", "c2", "c3"):  # same sentence, or a clause inside it: nested elements
        assert out.count(f'<span class="claim" id="claim-{ident}"') == 1
    assert '<span class="anchor" id="claim-c5"></span>' in out  # crosses c1's end: an anchor only
    assert 'claim-c4' not in out  # past the end of the text: dropped
    assert '<a class="m" title="PERSON" href="#entity-e1">He</a>' in out
    assert 'class="m q"' in out  # a mention inside a quote carries both classes
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text


def test_documents_show_removed_debris_collapsed_with_reasons(page):
    assert "<details><summary" in page
    assert "ad slot size" in page and "728 x 90" in page
    assert "&lt;b onmouseover=alert(3)&gt;Subscribe&lt;/b&gt;" in page


def test_only_http_urls_become_links(page):
    assert 'href="https://coastal-ledger.example/fire"' in page
    assert report_html.safe_url("javascript:alert(1)") is None
    assert report_html.safe_url(" JAVASCRIPT:alert(1)") is None
    assert report_html.safe_url("data:text/html,x") is None


def test_timeline_marks_conflicting_dates(dossier):
    (caption, drawn), = svg.timeline_svgs(dossier)  # a short period: no zoom
    assert caption == "2024-03-03 to 2024-03-05"
    assert "2024-03-03 vs 2024-03-04" in drawn
    assert drawn.count('class="pt-conflict"') == 2  # the two dates given for the fire
    assert 'class="conflict-link"' in drawn
    assert drawn.count('class="pt-doc"') == 4
    assert 'href="#fact-f1"' in drawn and 'href="#conflict-k1"' in drawn
    assert "<script" not in drawn and "&lt;script&gt;" in drawn  # outlet/title labels escaped


def test_entity_graph_draws_relations_and_cooccurrence(dossier):
    drawn = svg.entity_graph_svg(dossier)
    assert drawn.count('class="node"') == len(dossier["entities"])
    assert "mayor of" in drawn
    assert 'class="co"' in drawn
    assert "<script" not in drawn
    edges = svg.entity_edges(dossier, {e["id"] for e in dossier["entities"]})
    # Brandvold and the harbour authority share paragraphs of d1 and d2 (d4 is a copy of d1: not counted)
    assert edges[("e_brandvold", "e_hav")]["together"] == 1
    assert edges[("e_brandvold", "e_velmora")]["relations"] == ["mayor of"]


def test_bad_records_never_break_the_page(dossier):
    dossier["mentions"].append({"id": "x", "document": "d1", "start": 10**6, "end": 10**6 + 4, "text": "?",
                                "entity": "missing", "label": "ORG"})
    dossier["claims"].append({"id": "bad", "document": "nowhere", "start": 0, "end": 3, "text": "bad"})
    dossier["facts"].append({"id": "f9", "statement": "orphan", "claims": ["gone"], "documents": ["gone"],
                             "support": 0, "status": "single-source", "time": "sometime"})
    dossier["conflicts"].append({"id": "k9", "about": "x", "slot": "role", "explanation": "", "facts": ["nope"],
                                 "values": [{"value": "a", "claims": ["gone"]}]})
    page = report_html.render_html(dossier)
    assert 'id="fact-f9"' in page and 'id="conflict-k9"' in page


def test_empty_dossier_renders():
    page = report_html.render_html({"schema": "consilience.dossier/1", "corpus": {"inputs": [], "documents": 0,
                                                                                  "skipped": []}})
    assert "No facts." in page and "No conflicts" in page


def test_long_periods_get_a_zoom_on_the_busiest_month(dossier):
    dossier["facts"].append({"id": "f_old", "statement": "The terminal was built", "claims": [], "documents": [],
                             "support": 1, "status": "single-source", "time": "1998"})
    panels = svg.timeline_svgs(dossier)
    assert [caption.split(":")[0] for caption, _ in panels] == ["1998-01-01 to 2024-03-05", "zoom on the busiest month"]
    assert 'href="#fact-f_old"' in panels[0][1] and 'href="#fact-f_old"' not in panels[1][1]
    assert ">1998<" in panels[0][1] or ">2000<" in panels[0][1]  # year ticks on the long axis


def test_densest_window():
    from datetime import date

    days = [date(2000, 1, 1), date(2020, 1, 2), date(2020, 1, 3), date(2020, 1, 20), date(2022, 1, 1)]
    assert svg.densest_window(days) == (date(2020, 1, 2), date(2020, 1, 20))
    assert svg.densest_window([]) is None
