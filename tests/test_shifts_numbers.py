"""Figures: changed, blurred, dropped or added, in every script and national format."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift.pipeline import read_document
from drift.report import Document
from drift.shifts import detect_shifts
from drift.shifts.numerals import read_figures

CASES = Path(__file__).resolve().parents[2] / "shared" / "cases"


def case(name: str, base_language: str, rewrite_language: str, base: str = "base.txt",
         rewrite: str = "rewrite.txt") -> tuple[Document, Document]:
    folder = CASES / name
    if not folder.is_dir():
        pytest.skip(f"shared case {name} is not here ({CASES})")
    return (read_document((folder / base).read_text(encoding="utf-8"), role="base", language=base_language),
            read_document((folder / rewrite).read_text(encoding="utf-8"), role="rewrite",
                          language=rewrite_language))


def words(doc: Document, span) -> str:
    return doc.text[span[0]:span[1]] if span else ""


def numbers(base: Document, rewrite: Document, b: int, r: int):
    return [s for s in detect_shifts(base, rewrite, (b,), (r,)) if s.type == "number"]


@pytest.mark.parametrize(("pair", "base", "rewrite"), [
    ("14-number-formats", "base.txt", "rewrite.txt"),
    ("14-number-formats", "variant-base.txt", "variant-rewrite.txt"),
])
def test_national_number_formats_are_the_same_figures(pair, base, rewrite):
    b, r = case(pair, "en", "en", base, rewrite)
    assert len(b.sentences) == len(r.sentences)
    for i in range(len(b.sentences)):
        found = numbers(b, r, i, i)
        assert not found, (b.sentence_text(i), r.sentence_text(i), [s.explanation for s in found])


def test_list_markers_are_not_figures():
    b, r = case("05-numbered-items", "en", "en")
    loan_b = next(i for i in range(len(b.sentences)) if "loan" in b.sentence_text(i))
    loan_r = next(i for i in range(len(r.sentences)) if "loan" in r.sentence_text(i))
    assert b.sentence_text(loan_b).lstrip().startswith("1)")
    assert r.sentence_text(loan_r).lstrip().startswith("2)")
    assert numbers(b, r, loan_b, loan_r) == []


def test_a_chinese_figure_changed_in_the_translation():
    b, r = case("20-zh-en-number", "zh", "en")
    (shift,) = numbers(b, r, 0, 0)
    assert shift.severity == 2
    assert (words(b, shift.base_span), words(r, shift.rewrite_span)) == ("三百", "30")
    assert detect_shifts(b, r, (1,), (1,)) == []


def test_chinese_scale_and_month_changes():
    b, r = case("15-cjk-diff", "zh", "zh")
    found = {(words(b, s.base_span), words(r, s.rewrite_span))
             for s in numbers(b, r, 0, 0) if s.severity >= 2}
    assert found == {("50亿", "500亿"), ("三月", "五月")}
    assert numbers(b, r, 1, 1) == []


def test_a_percentage_changed_in_arabic():
    b, r = case("16-arabic-rtl", "ar", "ar")
    i = next(k for k in range(len(b.sentences)) if "%" in b.sentence_text(k))
    (shift,) = numbers(b, r, i, i)
    assert (words(b, shift.base_span), words(r, shift.rewrite_span), shift.severity) == ("4.5", "7.5", 2)


def test_italian_scale_words_and_roman_centuries_are_the_english_figures():
    b, r = case("23-it-en-scale", "it", "en")
    for i in range(len(b.sentences)):
        assert detect_shifts(b, r, (i,), (i,)) == []


@pytest.mark.parametrize(("text", "language", "value"), [
    ("13万円", "ja", 130_000),
    ("约1万3000人", "zh", 13_000),
    ("三百人", "zh", 300),
    ("１０試合", "ja", 10),
    ("५० लाख रुपये", "hi", 5_000_000),
    ("700 miliardi di dollari", "it", 700e9),
    ("2,5 mld dolarów", "pl", 2.5e9),
    ("drei Milliarden Euro", "de", 3e9),
    ("700 mil millones", "es", 700e9),
    ("5 млрд рублей", "ru", 5e9),
    ("nel secolo XX", "it", 20),
    ("um 20:30 Uhr", "de", 20 * 60 + 30),
    ("at 8:30 p.m.", "en", 20 * 60 + 30),
])
def test_figures_read_in_every_script(text, language, value):
    (fig,) = read_figures(text, language)
    assert value in fig.values


@pytest.mark.parametrize("text", ["COVID-19 spread", "The G7 met", "32 F-35"])
def test_digits_in_names_are_not_figures(text):
    assert all(text[f.start:f.end] != "19" and text[f.start:f.end] not in ("7", "35")
               for f in read_figures(text, "en"))


def test_a_reversed_bound_is_a_changed_figure():
    b = read_document("More than 20 people died.", role="base", language="en")
    r = read_document("Fewer than 20 people died.", role="rewrite", language="en")
    assert [(s.type, s.severity) for s in detect_shifts(b, r, (0,), (0,))] == [("number", 2)]


@pytest.mark.parametrize(("base", "rewrite"), [
    ("The meeting began at 20:30.", "The meeting began at 8:30 p.m."),
    ("The wall is 100 m to 250 m high.", "The wall is 100 to 250 meters high."),
])
def test_clock_times_and_units_written_differently(base, rewrite):
    b = read_document(base, role="base", language="en")
    r = read_document(rewrite, role="rewrite", language="en")
    assert [s for s in detect_shifts(b, r, (0,), (0,)) if s.type in ("number", "addition")] == []
