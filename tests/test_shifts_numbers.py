"""Figures: changed, blurred, dropped or added, in every script and national format."""

from __future__ import annotations

from pathlib import Path

import pytest
from shiftcase import make_doc, pair, severe, shifts

from drift.pipeline import read_document
from drift.report import Document
from drift.shifts import detect_shifts
from drift.shifts.numbers import detect as numbers_detect
from drift.shifts.numbers import find_quantities
from drift.shifts.numerals import read_figures
from drift.shifts.text import Side

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


@pytest.mark.parametrize(("text", "value"), [
    ("Спасатели нашли двух туристов.", 2),
    ("Дом стоит на трёх сваях.", 3),
    ("Он вернулся через пять лет.", 5),
    ("Он вернулся с пятью друзьями.", 5),
    ("в двадцати пяти километрах от города", 25),
    ("около трёх тысяч жителей", 3000),
    ("в 2 тысячах километров", 2000),
    ("до двухсот человек", 200),
])
def test_russian_numerals_are_read_in_any_case(text, value):
    pytest.importorskip("pymorphy3")
    (fig,) = read_figures(text, "ru")
    assert fig.values == {value}


def test_a_russian_word_that_is_likelier_no_numeral_is_no_figure():
    pytest.importorskip("pymorphy3")
    assert read_figures("Он любит свою семью.", "ru") == []  # family, not seven


@pytest.mark.parametrize("text", ["COVID-19 spread", "The G7 met", "32 F-35"])
def test_digits_in_names_are_not_figures(text):
    assert all(text[f.start:f.end] != "19" and text[f.start:f.end] not in ("7", "35")
               for f in read_figures(text, "en"))


def test_a_reversed_bound_is_a_changed_figure():
    # the figures detector itself: a polarity detector may also call the same words a reversal
    b = read_document("More than 20 people died.", role="base", language="en")
    r = read_document("Fewer than 20 people died.", role="rewrite", language="en")
    found = numbers_detect(Side(b, (0,)), Side(r, (0,)))
    assert [(s.type, s.severity, words(r, s.rewrite_span)) for s in found] == [("number", 2, "Fewer than 20")]


@pytest.mark.parametrize(("base", "rewrite"), [
    ("The meeting began at 20:30.", "The meeting began at 8:30 p.m."),
    ("The wall is 100 m to 250 m high.", "The wall is 100 to 250 meters high."),
])
def test_clock_times_and_units_written_differently(base, rewrite):
    b = read_document(base, role="base", language="en")
    r = read_document(rewrite, role="rewrite", language="en")
    assert [s for s in detect_shifts(b, r, (0,), (0,)) if s.type in ("number", "addition")] == []


# -- the example corpus's figures (moved from test_shifts.py) ------------------------------------

def test_the_spun_version_drops_the_troop_figure(docs):
    found, base, _ = shifts(docs, "000", ["The US has amassed 15,000 troops"],
                            ["The US has deployed the largest aircraft carrier"])
    figure = [s for s in found if s.type == "number"]
    assert [(words(base, s.base_span), s.severity) for s in figure] == [("15,000 troops", 2)]


def test_the_death_toll_blurred_to_dozens_is_a_key_figure_change(docs):
    found, base, rw = shifts(docs, "003", ["killing at least 83 people"], ["resulting in dozens of deaths"])
    blurred = [s for s in found if s.type == "number" and s.severity == 2]
    assert len(blurred) == 1
    assert "83 people" in words(base, blurred[0].base_span)
    assert "dozens of deaths" in words(rw, blurred[0].rewrite_span)


def test_at_least_21_and_more_than_20_strikes_are_the_same_figure(docs):
    found, base, _ = shifts(docs, "003", ["killing at least 83 people"], ["resulting in dozens of deaths"])
    assert not [s for s in found if "21" in words(base, s.base_span)]


def test_last_year_written_as_2024_is_not_a_change(docs):
    found, _, rw = shifts(docs, "003", ["does not recognise Maduro", "Maduro claimed a re-election victory"],
                          ["rejecting his 2024 re-election"])
    assert not [s for s in found if "2024" in words(rw, s.rewrite_span)]


def test_around_15000_troops_is_at_most_a_nuance(docs):
    found, base, _ = shifts(docs, "003", ["The US has amassed 15,000 troops"],
                            ["around 15,000 troops", "Washington has also labeled the Cartel"])
    on_troops = [s for s in found if "15,000" in words(base, s.base_span)]
    assert all(s.severity == 1 for s in on_troops)
    assert not severe(found)


def test_the_invented_figure_is_found_even_when_aligned_into_a_link(docs):
    found, _, rw = shifts(docs, "001", ["Venezuelan President Nicolas Maduro has repeated"],
                          ["Maduro does not give in to Trump’s", "5,000 Russian missiles"])
    invented = [s for s in found if s.severity == 3]
    assert len(invented) == 1 and "5,000" in words(rw, invented[0].rewrite_span)


def test_15_thousand_soldiers_is_the_same_figure_as_15000_troops(docs):
    found, base, _ = shifts(docs, "001", ["The US has amassed 15,000 troops"],
                            ["washington sent 15 thousand soldiers"])
    assert not [s for s in found if s.type == "number" and "15,000" in words(base, s.base_span)]


def test_the_dropped_death_toll_in_the_loose_rewrite(docs):
    found, base, _ = shifts(docs, "004", ["killing at least 83 people"], ["more than 20 operations"])
    assert [words(base, s.base_span) for s in severe(found) if s.type == "number"] == ["at least 83 people"]


def test_other_languages_get_only_the_figures_compared():
    found = pair("Murieron 83 personas en los ataques.", "Murieron 38 personas en los ataques.",
                 language="es")
    assert [(s.type, s.severity) for s in found] == [("number", 2)]


def test_a_spanish_thousands_separator_is_the_same_figure():
    assert pair("The US has amassed 15,000 troops in the region.",
                "Estados Unidos ha desplegado 15.000 soldados en la región.", language="es") == []


def test_a_changed_percentage_is_a_key_change():
    found = pair("Prices fell by half.", "Prices fell by 30%.")
    assert [(s.type, s.severity) for s in found] == [("number", 2)]


@pytest.mark.parametrize(("text", "value", "lo", "hi"), [
    ("at least 21 strikes", 21, 21, float("inf")),
    ("more than 20 strikes", 20, 21, float("inf")),
    ("15 thousand soldiers", 15_000, 15_000, 15_000),
    ("fifteen thousand soldiers", 15_000, 15_000, 15_000),
    ("around 15,000 troops", 15_000, 13_500, 16_500),
    ("twenty-one people", 21, 21, 21),
])
def test_figures_are_read_as_ranges(text, value, lo, hi):
    (q,) = find_quantities(Side(make_doc("d", text), (0,)))
    assert (q.value, q.lo) == (value, lo)
    assert q.hi == pytest.approx(hi)


@pytest.mark.parametrize("text", ["", "300", "第", "1)", "XX", "१२३", "50亿", "三", "20:30", "12 000", "..."])
def test_figures_are_read_at_the_edges_of_a_text(text):
    for language in ("en", "zh", "hi", "de", None):
        for f in read_figures(text, language):
            assert 0 <= f.start < f.end <= len(text) and f.values


@pytest.mark.parametrize(("base", "rewrite"), [
    ("The fine is more than two and a half million tenge.", "The fine is over 2 1/2 million tenge."),
    ("The trial lasted two and a half years.", "The trial lasted 2½ years."),
    ("Voting took 1 1/2 hours.", "Voting took one and a half hours."),
])
def test_mixed_numbers_are_one_figure_in_every_spelling(base, rewrite):
    assert [s for s in pair(base, rewrite) if s.type in ("number", "addition")] == []


def test_a_changed_mixed_number_is_a_changed_figure():
    shifts = [s for s in pair("The trial lasted two and a half years.", "The trial lasted 3 1/2 years.")
              if s.type == "number"]
    assert shifts and shifts[0].severity == 2
