"""Every hostile payload of tests/payloads.py, in every text of a report, opened in headless Chromium.

Surfaces: the static HTML report (``report.to_html()``, opened as a file), the notebook fragment
(``report._repr_html_()``, written into a page the way an output area holds it), and the explorer
widget inside a real JupyterLab (with the session's Lab fixture; marked slow). On each surface:
no payload ran in any frame, no dialog opened, no request left the page, every payload is still
on screen as text, and the report is laid out and visible.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))

from lab_driver import KERNEL_IDLE, run_all  # noqa: E402
from payloads import MARKER, OUTSIDE, PAYLOADS, build_report  # noqa: E402

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = TESTS.parent / "artifacts" / "screenshots"

# Any element attribute that would run script or fetch: on* handlers, javascript:/data: URLs,
# or a URL to the payloads' outside host.
DANGEROUS_DOM = """(marker) => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const v = (a.value || '').replace(/\\s/g, '').toLowerCase();
      if (a.name.toLowerCase().startsWith('on')) bad.push(el.tagName + ' ' + a.name);
      if (['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'xlink:href', 'background']
          .includes(a.name.toLowerCase()) && (v.startsWith('javascript:') || v.includes('evil.example')
          || a.name.toLowerCase() === 'srcdoc')) bad.push(el.tagName + ' ' + a.name + '=' + v.slice(0, 60));
    }
    if (el.tagName === 'SCRIPT' && !['application/json', 'application/ld+json'].includes(el.type)
        && el.textContent.includes(marker)) bad.push('executable script with the marker');
    if (['IFRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'LINK'].includes(el.tagName)
        && el.closest('body')) bad.push('element ' + el.tagName + ' in the body');
  }
  return bad;
}"""


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.fixture(scope="module")
def report():
    return build_report()


@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


class Watched:
    """A page in a fresh context: outside requests aborted, and every request, dialog and error kept."""

    def __init__(self, browser, allowed: str = "file:"):
        self.context = browser.new_context(viewport={"width": 1300, "height": 900})
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        # matched in the browser: anything but the page itself is aborted (and recorded below)
        self.context.route(re.compile(rf"^(?!{re.escape(allowed)})"), lambda route: route.abort())
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def poke(self) -> None:
        """Hover over the whole page, tab through it and scroll: handlers that need a user fire now."""
        page = self.page
        height = page.evaluate("document.documentElement.scrollHeight")
        for y in range(0, min(height, 30_000), 300):
            page.evaluate(f"window.scrollTo(0, {y})")
            for x in (50, 400, 800, 1200):
                page.mouse.move(x, 450)
        for _ in range(15):
            page.keyboard.press("Tab")
        page.wait_for_timeout(500)

    def assert_nothing_ran(self, origin_requests: int = 1) -> None:
        page = self.page
        for frame in page.frames:
            assert frame.evaluate(f"() => window.{MARKER} === undefined"), f"payload ran in {frame.url}"
        assert self.dialogs == []
        outside = [u for u in self.requests if not u.startswith(("file:", "about:"))]
        assert outside == [], outside
        assert len(self.requests) <= origin_requests, self.requests
        assert page.evaluate(DANGEROUS_DOM, MARKER) == []
        assert self.errors == []

    def assert_text_and_layout(self, root: str = ".drift-report") -> None:
        page = self.page
        body = page.locator("body")
        assert body.is_visible()
        assert page.evaluate("getComputedStyle(document.body).display") != "none"
        shown = page.locator(root).first
        assert shown.is_visible()
        assert page.evaluate(f"getComputedStyle(document.querySelector('{root}')).visibility") == "visible"
        box = shown.bounding_box()
        assert box and box["width"] > 400 and box["height"] > 400
        text = _squash(page.inner_text("body"))
        missing = [name for name, payload in PAYLOADS if _squash(payload) not in text]
        assert missing == []


def test_the_payload_corpus_is_broad():
    names = {name.split("-")[0] for name, _ in PAYLOADS}
    assert len(PAYLOADS) >= 50
    assert {"script", "img", "svg", "mathml", "iframe", "style", "attr", "json", "cdata", "rtl",
            "zero", "homoglyphs", "very"} <= names
    assert all(MARKER in p or OUTSIDE in p or name.split("-")[0] in {
        "rtl", "zero", "homoglyphs", "controls", "combining", "emoji", "bidi", "very", "style"}
        for name, p in PAYLOADS)


def test_every_payload_is_in_the_report(report):
    data = json.dumps(report.to_dict(), ensure_ascii=False)
    for _, payload in PAYLOADS:
        assert json.dumps(payload, ensure_ascii=False)[1:-1] in data


def test_the_static_report_shows_payloads_as_text(chromium, report, tmp_path):
    path = tmp_path / "payloads.html"
    report.to_html(path)
    watched = Watched(chromium)
    watched.page.goto(path.as_uri())
    watched.page.wait_for_timeout(500)
    watched.poke()
    SHOTS.mkdir(parents=True, exist_ok=True)
    watched.page.evaluate("window.scrollTo(0, 0)")
    watched.page.screenshot(path=str(SHOTS / "payloads_static_top.png"))
    watched.page.screenshot(path=str(SHOTS / "payloads_static_full.png"), full_page=True)
    watched.assert_nothing_ran()
    watched.assert_text_and_layout()
    watched.context.close()


def test_the_notebook_fragment_shows_payloads_as_text(chromium, report, tmp_path):
    # An output area holds the fragment inside a page that is not drift's own: write it into one.
    page_html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>notebook</title></head>"
                 "<body><div class='jp-OutputArea-output'>" + report._repr_html_() + "</div></body></html>")
    path = tmp_path / "fragment.html"
    path.write_text(page_html, encoding="utf-8")
    watched = Watched(chromium)
    watched.page.goto(path.as_uri())
    watched.page.wait_for_timeout(500)
    watched.poke()
    watched.page.evaluate("window.scrollTo(0, 0)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    watched.page.screenshot(path=str(SHOTS / "payloads_repr_html.png"))
    watched.assert_nothing_ran()
    watched.assert_text_and_layout()
    watched.context.close()


def test_the_fragment_inserted_by_innerhtml_runs_nothing(chromium, report, tmp_path):
    # JupyterLab inserts HTML outputs with innerHTML and then re-runs their <script> elements.
    path = tmp_path / "blank.html"
    path.write_text("<!DOCTYPE html><html><body><div id=out></div></body></html>", encoding="utf-8")
    watched = Watched(chromium)
    watched.page.goto(path.as_uri())
    watched.page.evaluate("""(html) => {
      const out = document.getElementById('out');
      out.innerHTML = html;
      for (const old of out.querySelectorAll('script')) {   // what JupyterLab does for trusted output
        const s = document.createElement('script');
        for (const a of old.attributes) s.setAttribute(a.name, a.value);
        s.textContent = old.textContent;
        old.replaceWith(s);
      }
    }""", report._repr_html_())
    watched.page.wait_for_timeout(500)
    watched.poke()
    watched.assert_nothing_ran()
    watched.assert_text_and_layout()
    watched.context.close()


def test_the_checks_catch_a_payload_that_runs(chromium, tmp_path):
    """The control: raw payloads in a page are caught by the same assertions."""
    for name in ("img-onerror", "iframe-srcdoc", "style-import"):
        payload = dict(PAYLOADS)[name]
        path = tmp_path / f"{name}.html"
        path.write_text(f"<!DOCTYPE html><html><body><div class=drift-report>{payload}</div></body></html>",
                        encoding="utf-8")
        watched = Watched(chromium)
        watched.page.goto(path.as_uri())
        watched.page.wait_for_timeout(300)
        with pytest.raises(AssertionError):
            watched.assert_nothing_ran()
        watched.context.close()


# -- the explorer widget inside JupyterLab ---------------------------------------------------------

NOTEBOOK_CELLS = [
    f"import sys\nsys.path.insert(0, {str(TESTS)!r})\n"
    "from payloads import build_report\nreport = build_report()",
    "report.explore()",
    "report",
]
@pytest.mark.slow
def test_the_explorer_in_jupyterlab_shows_payloads_as_text(request, chromium):
    try:
        lab = request.getfixturevalue("lab")
    except pytest.FixtureLookupError:
        pytest.skip("tests/browser/conftest.py has no JupyterLab fixture")
    notebook = {
        "cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                   "source": source} for source in NOTEBOOK_CELLS],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }
    (lab.root / "payloads.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    watched = Watched(chromium, allowed=lab.url + "/")
    page = watched.page
    lab.start_kernel("payloads.ipynb")
    page.goto(f"{lab.url}/lab/tree/payloads.ipynb?reset")  # no tabs left open by an earlier test
    page.wait_for_function(KERNEL_IDLE, timeout=120_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    run_all(page, SHOTS)
    page.wait_for_selector(".drift-explorer [data-drift-link]", timeout=60_000)
    page.wait_for_timeout(1000)
    page.locator(".drift-explorer").first.screenshot(path=str(SHOTS / "payloads_explorer.png"))
    assert page.get_by_text("Error displaying widget").count() == 0
    for frame in page.frames:
        assert frame.evaluate(f"() => window.{MARKER} === undefined"), f"payload ran in {frame.url}"
    assert watched.dialogs == []
    assert [u for u in watched.requests if not u.startswith(lab.url)] == []
    # the explorer renders pairs lazily: its text holds the payloads of the pairs on screen
    explorer = page.locator(".drift-explorer").first
    assert explorer.is_visible()
    text = _squash(explorer.inner_text())
    shown = [name for name, payload in PAYLOADS if _squash(payload) in text]
    assert len(shown) >= 10, shown
    dangerous = "(el) => el.querySelectorAll('[onerror],[onload],iframe,object,embed').length"
    assert explorer.evaluate(dangerous) == 0
    # the _repr_html_ output of the last cell, inside Lab
    fragment = page.locator(".drift-report").first
    assert fragment.is_visible()
    missing = [name for name, payload in PAYLOADS if _squash(payload) not in _squash(fragment.inner_text())]
    assert missing == []
    assert watched.errors == []
    watched.context.close()
