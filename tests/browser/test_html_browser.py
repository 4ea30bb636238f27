"""The static HTML report opened as a file in Chromium: it shows, it links, it never runs text."""

from __future__ import annotations

import re

import pytest

from drift.diffing import word_diff
from drift.report import Comparison, Document, Link, ModelInfo, Report, Sentence, Shift

pytestmark = pytest.mark.browser

HOSTILE = (
    '<script>window.__drift_pwned=1</script><img src=x onerror="window.__drift_pwned=2">'
    '<iframe srcdoc="<script>parent.__drift_pwned=3</script>"></iframe>'
)


def hostile_report() -> Report:
    base_text = f"Police said 83 people died {HOSTILE}. The minister resigned on Friday."
    rw_text = f"Police claimed 38 people died {HOSTILE}. A new claim </style><b>was added</b>."
    cut_b, cut_r = base_text.index("The minister"), rw_text.index("A new")
    base = Document(
        'b"><svg onload="window.__drift_pwned=4">',
        "base",
        base_text,
        (Sentence(0, cut_b - 1), Sentence(cut_b, len(base_text))),
        "en",
    )
    rewrite = Document(
        f"r{HOSTILE}", "rewrite", rw_text, (Sentence(0, cut_r - 1), Sentence(cut_r, len(rw_text))), "en"
    )
    s0, r0 = base.sentence_text(0), rewrite.sentence_text(0)
    b83, r38 = base_text.index("83"), rw_text.index("38")
    links = (
        Link(
            (0,),
            (0,),
            0.8,
            0.6,
            diff=tuple(word_diff(s0, r0)),
            shifts=(
                Shift("number", 2, (b83, b83 + 2), (r38, r38 + 2), f"83 became 38 {HOSTILE}"),
                Shift("hedging", 1, (7, 11), (7, 14), "“said” became “claimed”"),
            ),
        ),
        Link(
            (1,),
            (),
            None,
            0.9,
            diff=((-1, base.sentence_text(1)),),
            shifts=(Shift("omission", 2, (cut_b, len(base_text)), None, "the resignation is dropped"),),
        ),
        Link(
            (),
            (1,),
            None,
            0.6,
            diff=((1, rewrite.sentence_text(1)),),
            shifts=(Shift("addition", 3, None, (cut_r, len(rw_text)), f"invented {HOSTILE}"),),
        ),
    )
    return Report((base, rewrite), (Comparison(base.id, rewrite.id, 0.7, links),), ModelInfo(HOSTILE, 1))


@pytest.fixture()
def report_file(tmp_path):
    path = tmp_path / "report.html"
    hostile_report().to_html(path)
    return path


PWNED = (
    "() => [window, ...[...document.querySelectorAll('iframe')].map(f => f.contentWindow)]"
    ".some(w => { try { return w && w.__drift_pwned !== undefined; } catch (e) { return false; } })"
)


def test_hostile_text_shows_as_text_and_runs_nothing(page_factory, report_file, screenshots):
    page = page_factory()
    page.goto(report_file.as_uri())
    page.wait_for_timeout(300)
    assert page.evaluate(PWNED) is False
    assert all(f.evaluate("() => window.__drift_pwned === undefined") for f in page.frames)
    assert page.locator("iframe, img, svg, script, b").count() == 0
    assert (
        "<script>window.__drift_pwned=1</script>"
        in page.locator(".dr-pair[data-drift-link='0']").inner_text()
    )
    page.screenshot(path=str(screenshots / "html_hostile.png"), full_page=True)
    assert page.errors == []


def test_diffs_shifts_and_labels_render(page_factory, report_file):
    page = page_factory()
    page.goto(report_file.as_uri())
    pair = page.locator(".dr-pair[data-drift-link='0']")
    assert pair.locator("del").count() > 0 and pair.locator("ins").count() > 0
    mark = pair.locator("mark.dr-shift.dr-sev2.dr-t-number").first
    assert mark.inner_text() in ("83", "38")
    assert "83 became 38" in mark.get_attribute("title")
    # severity is told by more than colour: the underline style differs
    styles = {
        s: page.locator(f".dr-pair mark.dr-sev{s}").first.evaluate(
            "el => getComputedStyle(el).borderBottomStyle"
        )
        for s in (1, 2, 3)
    }
    assert styles == {1: "dotted", 2: "solid", 3: "double"}
    text = page.locator(".drift-report").inner_text()
    assert "deleted" in text and "inserted" in text and "not in this rewrite" in text


def test_a_drift_map_cell_links_to_its_pair(page_factory, report_file):
    page = page_factory()
    page.goto(report_file.as_uri())
    cell = page.locator("[data-drift-cell='0:1'] a")
    assert re.fullmatch(r"0\.90 ✕", cell.inner_text().strip())
    cell.click()
    target = page.evaluate("location.hash.slice(1)")
    assert page.locator(f"#{target}").get_attribute("data-drift-link") == "1"
    assert page.locator(".dr-pair:target").count() == 1


def test_dark_scheme_changes_the_colours(page_factory, report_file, screenshots):
    colours = {}
    for scheme in ("light", "dark"):
        page = page_factory(color_scheme=scheme)
        page.goto(report_file.as_uri())
        colours[scheme] = page.evaluate("""() => {
            const r = document.querySelector('.drift-report'), d = r.querySelector('del');
            const style = getComputedStyle(r);
            return [style.backgroundColor, style.color, getComputedStyle(d).color];
        }""")
        page.screenshot(path=str(screenshots / f"html_{scheme}.png"), full_page=True)
    assert all(a != b for a, b in zip(colours["light"], colours["dark"], strict=True))


def test_example_report_page(page_factory, tmp_path, screenshots):
    drift = pytest.importorskip("drift")
    paths = drift.load_example()
    report = drift.compare(paths[0], paths[2], ids=["002", "001"])
    path = tmp_path / "example.html"
    report.to_html(path)
    page = page_factory(width=1280, height=1600)
    page.goto(path.as_uri())
    assert page.locator(".dr-pair").count() == len(report.comparisons[0].links)
    assert page.locator(".dr-maptable [data-drift-cell]").count() == len(report.base.content_indices)
    page.screenshot(path=str(screenshots / "html_example_top.png"))
    page.locator(".dr-rewrite").first.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "html_example_pairs.png"))
    assert page.errors == []
