"""The reading cases of ../shared/cases (08-11): each right value of its README, on the case files.

08 a Russian rewrite saved as Windows-1251; 09 mojibake and C1 control quotes; 10 one stray
Windows-1252 byte in UTF-8; 11 a web page whose figures sit in a table and a list.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_properties import assert_report_valid

from drift.pipeline import Analyzer, compare
from drift.reading import read_text
from drift.report import Report

CASES = Path(__file__).resolve().parents[2] / "shared" / "cases"
pytestmark = pytest.mark.skipif(not CASES.is_dir(), reason=f"the shared cases are not there ({CASES})")


@pytest.fixture(scope="module")
def use(tmp_path_factory) -> Analyzer:
    return Analyzer.create("use", cache_dir=tmp_path_factory.mktemp("use-cache"))


def _round_trip(report: Report, tmp_path: Path, check_report, name: str) -> Report:
    """The report as JSON and back, after the format's checker found no violation in it."""
    path = tmp_path / f"{name}.json"
    report.to_json(path)
    assert check_report(path) == []
    assert_report_valid(report)
    return Report.from_json(path)


# -- 08: Windows-1251 without a byte-order mark -------------------------------------------------------

def test_08_a_cp1251_rewrite_is_read_as_russian_and_aligns(use, tmp_path, check_report):
    case = CASES / "08-cp1251"
    rewrite = read_text(case / "rewrite.txt")
    assert rewrite.encoding == "cp1251" and rewrite.doubts == ()
    assert rewrite.text == (case / "rewrite.txt").read_bytes().decode("cp1251")
    assert rewrite.text.startswith("Президент подписал закон")
    report = compare(case / "base.txt", case / "rewrite.txt", analyzer=use)
    report = _round_trip(report, tmp_path, check_report, "08")
    doc = report.rewrites[0]
    assert doc.encoding == "cp1251" and [r.kind for r in doc.repairs] == ["decoded"]
    assert not report.notices
    # read right, the three sentences pair one to one (as cp1252 mojibake they would not)
    assert [(link.base, link.rewrite) for link in report.comparisons[0].links] == [((0,), (0,)), ((1,), (1,)),
                                                                                   ((2,), (2,))]


# -- 09: mojibake and C1 control characters -------------------------------------------------------------

def test_09_mojibake_and_c1_quotes_are_repaired_recorded_and_give_no_shift(use, tmp_path, check_report):
    case = CASES / "09-mojibake"
    base = case / "base.txt"
    report = compare(base, case / "rewrite-1-cp1252-mojibake.txt", case / "rewrite-2-c1-controls.txt",
                     analyzer=use)
    report = _round_trip(report, tmp_path, check_report, "09")
    mojibake, c1 = report.rewrites
    assert mojibake.text == c1.text == report.base.text == base.read_text(encoding="utf-8")
    assert [(r.kind, r.count) for r in mojibake.repairs] == [("mojibake", 5)]
    assert [(r.kind, r.count) for r in c1.repairs] == [("c1-controls", 5)]
    for comparison in report.comparisons:
        assert comparison.drift == 0.0
        assert not [s for link in comparison.links for s in link.shifts]


def test_09_a_rewrite_that_cannot_be_read_does_not_stop_the_others(use, tmp_path):
    case = CASES / "09-mojibake"
    broken = tmp_path / "scan.txt"
    broken.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    with pytest.warns(UserWarning, match="scan: could not be read"):
        report = compare(case / "base.txt", case / "rewrite-1-cp1252-mojibake.txt", broken,
                         case / "rewrite-2-c1-controls.txt", analyzer=use)
    assert [c.rewrite for c in report.comparisons] == ["rewrite-1-cp1252-mojibake", "rewrite-2-c1-controls"]
    (notice,) = report.notices
    assert (notice.code, notice.document) == ("unreadable", "scan") and "PDF" in notice.message


# -- 10: one stray Windows-1252 byte in UTF-8 -------------------------------------------------------------

def test_10_a_stray_byte_is_repaired_as_a_dash_and_names_stay_whole(use, tmp_path, check_report):
    case = CASES / "10-mixed-encoding"
    report = compare(case / "base.txt", case / "rewrite.txt", analyzer=use)
    report = _round_trip(report, tmp_path, check_report, "10")
    doc = report.rewrites[0]
    assert doc.encoding == "utf-8"
    assert "Nicolás Maduro met José María Aznar in Bogotá" in doc.text
    assert "three hours – officials said" in doc.text
    ((kind, count),) = [(r.kind, r.count) for r in doc.repairs]
    assert (kind, count) == ("stray-byte", 1) and "'–'" in doc.repairs[0].detail
    shifts = report.shifts_frame()
    assert not shifts["rewrite_words"].dropna().str.contains("Ã").any()
    assert "entity" not in set(shifts["type"])


# -- 11: a page with a list and a table ---------------------------------------------------------------------

def test_11_lists_and_tables_are_kept_one_line_each_and_no_figure_is_invented(use, tmp_path, check_report):
    case = CASES / "11-html-lists-tables"
    report = compare(case / "base.html", case / "rewrite.txt", analyzer=use)
    report = _round_trip(report, tmp_path, check_report, "11")
    base = report.base
    assert base.input_format == "html" and base.repairs[-1].kind == "html-extracted"
    lines = base.text.splitlines()
    for item in ("Every damaged home receives a grant of 5,000 euros.",
                 "The river dam will be raised by two metres before next winter.",
                 "Farmers who lost crops are exempt from land tax for two years."):
        assert item in lines  # each list item its own line, no bullet
    rows = [line for line in lines if line.startswith(("Greens", "Conservatives"))]
    assert [re.findall(r"\d+", row) for row in rows] == [["12", "3"], ["4", "11"]]
    assert not any(re.match(r"\s*([-*•·]|\d+[.)])\s", line) for line in lines)
    sentences = [base.sentence_text(i) for i in base.content_indices]
    assert not any(re.search(r"\s[-*•]\s", s) for s in sentences)  # no marker inside a sentence
    assert report.rewrites[0].input_format == "text"
    for link in report.comparisons[0].links:
        for shift in link.shifts:
            assert not (shift.type in ("number", "addition") and shift.severity == 3), shift
