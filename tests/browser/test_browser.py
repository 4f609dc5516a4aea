"""End to end in headless Chromium: the web UI (search -> entity -> fact -> evidence) and dossier.html from disk.

Debian's /usr/bin/chromium driven by Playwright (its own browser download does not work offline);
skipped with a reason when either is missing. Screenshots go to the test's tmp_path.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
HIGHLIGHT = "rgb(255, 243, 176)"  # the :target background of an evidence sentence

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (make browser installs Debian's chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(store_dir):
    """``consilience serve`` in a subprocess on a free loopback port; stopped (by its pid) after the tests."""
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "consilience", "serve", str(store_dir), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    import httpx

    deadline = time.time() + 30
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"serve exited: {proc.stdout.read().decode(errors='replace')}")
        try:
            if httpx.get(base + "/api/meta", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.terminate()
        pytest.fail("serve did not answer within 30 s")
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def _page(browser, events: dict):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    events.setdefault("requests", [])
    events.setdefault("dialogs", [])
    events.setdefault("console", [])
    page.on("request", lambda r: events["requests"].append(r.url))
    page.on("console", lambda m: events["console"].append(f"{m.type}: {m.text}"))

    def on_dialog(d):
        events["dialogs"].append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    return page


def test_search_entity_fact_evidence(browser, server, tmp_path, dossier):
    events: dict = {}
    page = _page(browser, events)
    page.goto(server + "/")
    page.fill("header input[name=q]", "harbor authorty")  # misspelt on purpose
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=harbor+authorty")
    page.screenshot(path=str(tmp_path / "1-search.png"))

    page.click(".results-entities a:has-text('Harbour Authority of Velmora')")
    page.wait_for_url("**/entities/e_hav")
    assert "Harbour Authority of Velmora" in page.inner_text("h1")
    page.screenshot(path=str(tmp_path / "2-entity.png"), full_page=True)

    page.click("ul.facts a:has-text('A fire injured dock workers')")
    page.wait_for_url("**/facts/f1")
    assert page.locator("a.evidence-link").count() == 4
    page.screenshot(path=str(tmp_path / "3-fact.png"), full_page=True)

    page.locator("a.evidence-link").nth(1).click()  # Northern Wire's sentence
    page.wait_for_url("**/documents/d2#claim-d2*")
    target = page.evaluate("() => { const t = document.querySelector(':target');"
                           " return t && [t.textContent, getComputedStyle(t).backgroundColor]; }")
    claim = next(c for c in dossier["claims"] if c["id"] == "d2:c1")
    assert target == [claim["text"], HIGHLIGHT]
    page.screenshot(path=str(tmp_path / "4-evidence.png"))

    page.goto(server + "/documents/d3")  # the page with hostile markup in its text
    page.wait_for_load_state("load")
    assert "<script>alert('pwned')</script>" in page.inner_text("#text")
    page.screenshot(path=str(tmp_path / "5-hostile.png"))

    assert events["dialogs"] == []
    assert all(u.startswith(server) for u in events["requests"]), events["requests"]
    assert [p.name for p in tmp_path.glob("*.png")]


def test_dossier_html_from_disk(browser, tmp_path, dossier):
    from consilience.report.html import render_html

    path = tmp_path / "dossier.html"
    path.write_text(render_html(dossier), encoding="utf-8")
    events: dict = {}
    page = _page(browser, events)
    page.goto(path.as_uri())
    page.screenshot(path=str(tmp_path / "overview.png"))

    # the sorting script runs under the page's CSP (allowed by its hash): sort by support, ascending
    supports = lambda: [int(x) for x in page.eval_on_selector_all(  # noqa: E731
        "#facts-matrix tbody tr", "rows => rows.map(r => r.dataset.support)")]
    assert supports() == [3, 2, 1]
    page.click("#facts-matrix th[data-key=support]")
    assert supports() == [1, 2, 3]

    page.locator("#fact-f3 td").first.locator("a").first.click()  # its first evidence link
    target = page.evaluate("() => [location.hash, document.querySelector(':target').textContent,"
                           " getComputedStyle(document.querySelector(':target')).backgroundColor]")
    claim = next(c for c in dossier["claims"] if c["id"] == "d2:c2")
    assert target == ["#claim-d2:c2", claim["text"], HIGHLIGHT]

    for anchor in ("conflict-k1", "entity-e_brandvold", "doc-d3"):
        page.goto(path.as_uri() + "#" + anchor)
        page.screenshot(path=str(tmp_path / f"{anchor}.png"))
    assert page.locator("#timeline svg .pt-conflict").count() == 2
    assert page.locator("#entities svg a.node").count() == len(dossier["entities"])

    assert events["dialogs"] == []
    assert all(u.startswith(("file://", "data:")) for u in events["requests"]), events["requests"]
    assert not [m for m in events["console"] if "Content Security Policy" in m], events["console"]


def test_dossier_html_reads_without_javascript(browser, tmp_path, dossier):
    from consilience.report.html import render_html

    path = tmp_path / "dossier.html"
    path.write_text(render_html(dossier), encoding="utf-8")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(path.as_uri() + "#conflict-k2")
    assert page.locator("#facts-matrix tbody tr").count() == len(dossier["facts"])
    assert "14 people" in page.inner_text("#conflict-k2 mark >> nth=-1")
    page.screenshot(path=str(tmp_path / "nojs.png"))
    context.close()
