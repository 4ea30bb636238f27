"""The explorer in a real JupyterLab: the quickstart notebook run from top to bottom in Chromium."""

from __future__ import annotations

import re

import pytest
from lab_driver import KERNEL_IDLE, run_all

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOK = "01_quickstart.ipynb"
ROOT = ".drift-explorer"

def _open(browser, lab, shots):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, color_scheme="light")
    outside = re.compile(rf"^(?!{re.escape(lab.url)}/|data:|blob:|file:)")
    context.route(outside, lambda route: route.abort())
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    lab.start_kernel(NOTEBOOK)
    page.goto(f"{lab.url}/lab/tree/{NOTEBOOK}?reset")  # no tabs left open by an earlier test
    page.wait_for_function(KERNEL_IDLE, timeout=120_000)
    run_all(page, shots)
    page.wait_for_selector(f"{ROOT} [data-drift-link]", timeout=60_000)
    page.wait_for_timeout(1000)
    return context, page


@pytest.fixture(scope="module")
def nb(browser, lab, screenshots):
    context, page = _open(browser, lab, screenshots)
    page.locator(ROOT).first.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "explorer_light.png"))
    page.locator(ROOT).first.screenshot(path=str(screenshots / "explorer_widget_light.png"))
    yield page
    context.close()


def test_every_cell_ran_without_error(nb):
    assert nb.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
                      has_text="Traceback").count() == 0
    assert nb.get_by_text("Error displaying widget").count() == 0
    assert nb.get_by_text("Loading widget...").count() == 0
    assert nb.errors == []


def test_pairs_render_lazily_with_word_diffs_and_shifts(nb):
    root = nb.locator(ROOT).first
    rows = root.locator("[data-drift-link]")
    assert 0 < rows.count() <= 40  # the first chunk only
    assert root.locator(".dx-text del").count() > 0
    assert root.locator(".dx-text ins").count() > 0
    marks = root.locator("mark[data-drift-shift]")
    assert marks.count() > 0
    classes = marks.first.get_attribute("class")
    assert "dx-shift" in classes and any(f"dx-sev{s}" in classes for s in (1, 2, 3))
    assert marks.first.get_attribute("title")  # the explanation on hover


def test_clicking_a_map_cell_opens_that_pair(nb, screenshots):
    root = nb.locator(ROOT).first
    current = root.locator(".dx-tab.dx-on").get_attribute("data-drift-rewrite")
    cells = root.locator("[data-drift-cell]")
    target = None
    for i in range(cells.count()):
        ci, k = cells.nth(i).get_attribute("data-drift-cell").split(":")
        if ci != current:
            target = (cells.nth(i), ci, k)
    assert target, "no cell of another rewrite"
    cell, ci, k = target
    cell.click()
    assert root.locator(".dx-tab.dx-on").get_attribute("data-drift-rewrite") == ci
    row = root.locator(f".dx-row[data-drift-link='{k}']")
    assert "dx-selected" in row.get_attribute("class")
    list_box = root.locator(".dx-list").bounding_box()
    row_box = row.bounding_box()
    assert row_box["y"] < list_box["y"] + list_box["height"]
    assert row_box["y"] + row_box["height"] > list_box["y"]
    assert "Pair #" in root.locator(".dx-panel").inner_text()
    nb.screenshot(path=str(screenshots / "explorer_cell_clicked.png"))


def test_next_shift_key_moves_the_focus(nb):
    root = nb.locator(ROOT).first
    active_cell = nb.evaluate("window.jupyterapp.shell.currentWidget.content.activeCellIndex")
    root.locator(".dx-summary").click()  # focus inside the explorer, not on a control
    where = ("[document.querySelector('.drift-explorer').dataset.driftFocus, "
             "document.activeElement.classList.contains('dx-focus')]")
    nb.keyboard.press("j")
    first = nb.evaluate(where)
    assert first[0] and first[1], first
    nb.keyboard.press("j")
    second = nb.evaluate(where)
    assert second[0] != first[0] and second[1]
    nb.keyboard.press("k")
    assert nb.evaluate(where) == first
    assert "dx-current" in root.locator(".dx-panel li.dx-current").first.get_attribute("class")
    # JupyterLab's own j/k (select next/previous cell) did not fire
    assert nb.evaluate("window.jupyterapp.shell.currentWidget.content.activeCellIndex") == active_cell


def test_filters_and_hide_unchanged(nb):
    root = nb.locator(ROOT).first
    before = root.locator(".dx-count").inner_text()
    root.locator("select[data-drift-control='minSev']").select_option("3")
    rows = root.locator(".dx-row")
    for i in range(rows.count()):
        assert rows.nth(i).locator(".dx-shiftchip.dx-sev3").count() > 0
    root.locator("select[data-drift-control='minSev']").select_option("0")
    assert root.locator(".dx-count").inner_text() == before


def test_dark_theme_applies(nb, screenshots):
    root = nb.locator(ROOT).first
    read = """el => { const d = el.querySelector('.dx-text del');
      return [getComputedStyle(el).backgroundColor, d ? getComputedStyle(d).color : null]; }"""
    light = root.evaluate(read)
    nb.evaluate("window.jupyterapp.commands.execute('apputils:change-theme', {theme: 'JupyterLab Dark'})")
    nb.wait_for_function("document.body.dataset.jpThemeLight === 'false'", timeout=30_000)
    nb.wait_for_timeout(800)
    dark = root.evaluate(read)
    assert dark[0] != light[0] and dark[1] != light[1]
    root.scroll_into_view_if_needed()
    nb.screenshot(path=str(screenshots / "explorer_dark.png"))
    root.screenshot(path=str(screenshots / "explorer_widget_dark.png"))
    nb.evaluate("window.jupyterapp.commands.execute('apputils:change-theme', {theme: 'JupyterLab Light'})")
    nb.wait_for_function("document.body.dataset.jpThemeLight === 'true'", timeout=30_000)

