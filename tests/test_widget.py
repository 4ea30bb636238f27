"""The explorer widget, Python side: what it sends to the browser and what a saved notebook keeps."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("anywidget")

from drift.report import Comparison, Document, Link, ModelInfo, Report, Sentence, Shift  # noqa: E402
from drift.widget import Explorer  # noqa: E402

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def small_report() -> Report:
    """Two tiny rewrites of one sentence: one changes a figure, one keeps it."""
    base_text = "The US has amassed 15,000 troops in the region."
    spun_text = "The US has amassed 5,000 troops in the region."
    same_text = "The US has amassed 15,000 troops in the region."
    base = Document("002", "base", base_text, (Sentence(0, len(base_text)),), "en")
    spun = Document("000", "rewrite", spun_text, (Sentence(0, len(spun_text)),), "en")
    same = Document("003", "rewrite", same_text, (Sentence(0, len(same_text)),), "en")
    shift = Shift("number", 2, (19, 25), (19, 24), "15,000 troops became 5,000")
    diff = ((0, "The US has amassed "), (-1, "15,000"), (1, "5,000"), (0, " troops in the region."))
    return Report(
        documents=(base, spun, same),
        comparisons=(
            Comparison("002", "000", 0.4, (Link((0,), (0,), 0.93, 0.4, diff=diff, shifts=(shift,)),)),
            Comparison("002", "003", 0.0, (Link((0,), (0,), 1.0, 0.0, diff=((0, base_text),)),)),
        ),
        model=ModelInfo("test", 3),
    )


def test_the_report_travels_once_as_its_json():
    report = small_report()
    w = Explorer(report)
    state = w.get_state()
    assert state["report_data"] == report.to_dict()
    assert Report.from_dict(json.loads(json.dumps(state["report_data"]))) == report
    assert w.trait_metadata("report_data", "sync")


def test_starts_on_the_most_drifted_rewrite_and_accepts_a_choice():
    assert Explorer(small_report()).rewrite == "000"
    assert Explorer(small_report(), rewrite="003").rewrite == "003"
    with pytest.raises(KeyError):
        Explorer(small_report(), rewrite="nope")


def test_accepts_a_dict_or_json():
    report = small_report()
    assert Explorer(report.to_dict()).report == report
    assert Explorer(report.to_json()).report == report


def test_front_end_is_plain_files_in_the_package():
    w = Explorer(small_report())
    assert "export default" in str(w._esm) and "drift-explorer" in str(w._css)
    assert "innerHTML" not in str(w._esm)  # article text only ever goes in as text
    assert "http://" not in str(w._esm) and "https://" not in str(w._esm)  # no CDN, no fetch
    assert "http://" not in str(w._css) and "https://" not in str(w._css)


def test_mimebundle_carries_the_static_report_beside_the_widget():
    data, _ = Explorer(small_report())._repr_mimebundle_()
    assert WIDGET_MIME in data
    assert data["text/html"].startswith('<div class="drift-report"')
    assert "<del>15,000</del>" in data["text/html"] or "15,000" in data["text/html"]


def test_selected_link_follows_the_front_end():
    w = Explorer(small_report())
    assert w.selected_link is None
    w.selected = 0
    assert w.selected_link.shifts[0].type == "number"


def test_save_html_writes_one_self_contained_page(tmp_path):
    path = Explorer(small_report()).save_html(tmp_path / "r.html")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert "15,000 troops became 5,000" in page


def test_report_explore_opens_the_explorer():
    assert isinstance(small_report().explore(), Explorer)


def test_the_front_end_reads_the_one_vocabulary():
    from drift import vocabulary

    w = Explorer(small_report())
    assert w.get_state()["vocabulary"] == vocabulary.as_json()
    js = str(w._esm)
    # no second copy of the shift types or severity names in the JavaScript
    assert '"reversal"' not in js and '"nuance"' not in js
    assert 'model.get("vocabulary")' in js
