"""Figures: changed, blurred, dropped or added, in every script and national format."""

from __future__ import annotations

from pathlib import Path

import pytest
from shiftcase import make_doc, pair, pair_docs, severe, shifts

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
    ("发布两个预警", "zh", 2),
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


def changed_figures(base: str, rewrite: str, language: str = "en") -> list[tuple[str, str, int]]:
    """(base words, rewrite words, severity) of each changed figure of a one-sentence link."""
    found, b, r = pair_docs(base, rewrite, language)
    return [(words(b, s.base_span), words(r, s.rewrite_span), s.severity) for s in found
            if s.type == "number" and s.base_span and s.rewrite_span and s.severity >= 2]


@pytest.mark.parametrize(("base", "rewrite", "was", "became"), [
    ("The talks collapsed on Tuesday.", "The talks collapsed on Thursday.", "Tuesday", "Thursday"),
    ("The deal was signed on Jan. 5.", "The deal was signed on Feb. 5.", "Jan", "Feb"),
    ("Last Tuesday, the talks collapsed.", "Last Friday, the talks collapsed.", "Tuesday", "Friday"),
    ("The election will be held in March.", "The election will be held in May.", "March", "May"),
    ("Rebels seized the airport on Sunday night.", "Rebels seized the airport on Saturday night.",
     "Sunday", "Saturday"),
    ("The law takes effect in January.", "The law takes effect in June.", "January", "June"),
    ("Since May, prices have doubled.", "Since August, prices have doubled.", "May", "August"),
    ("The summit opens on 4 March.", "The summit opens on 4 May.", "March", "May"),
])
def test_a_weekday_or_month_replaced_is_a_changed_date(base, rewrite, was, became):
    assert changed_figures(base, rewrite) == [(was, became, 2)]


def test_may_the_month_is_no_modal():
    found = pair("The election will be held in March.", "The election will be held in May.")
    assert [s.type for s in found] == ["number"]


@pytest.mark.parametrize(("base", "rewrite"), [
    ("Theresa May said the vote would be held.", "Theresa May said the vote might be held."),
    ("May I ask a question?", "Can I ask a question?"),
    ("Officials say the talks may resume.", "Officials say the talks could resume."),
    ("Officials say the talks may resume.", "Officials say the talks might resume."),
])
def test_may_the_modal_and_may_the_name_are_no_months(base, rewrite):
    for text in (base, rewrite):
        assert not any(q.calendar for q in find_quantities(Side(make_doc("d", text), (0,))))
    assert not [s for s in pair(base, rewrite) if s.type == "number"]


@pytest.mark.parametrize(("base", "rewrite"), [
    ("The talks collapsed on Tuesday.", "The talks collapsed on Tuesday, 4 March."),
    ("The election will be held in March.", "The election will be held last March."),
    ("The talks collapsed on Tuesday.", "On Tuesday, the talks collapsed."),
    ("The election will be held in May 2026.", "The election will be held in may 2026."),
    ("The election will be held in March.", "the election will be held in march."),
])
def test_the_same_date_told_otherwise_is_no_key_change(base, rewrite):
    assert not severe([s for s in pair(base, rewrite) if s.type in ("number", "addition", "modality")])


@pytest.mark.parametrize(("base", "rewrite", "was", "became"), [
    ("Hundreds of people fled the town.", "Thousands of people fled the town.", "Hundreds", "Thousands"),
    ("Dozens of homes were destroyed.", "Hundreds of homes were destroyed.", "Dozens", "Hundreds"),
    ("Several people were hurt in the blast.", "Dozens of people were hurt in the blast.", "Several",
     "Dozens"),
    ("Thousands marched in the capital.", "Tens of thousands marched in the capital.", "Thousands",
     "Tens of thousands"),
    ("The fund lost millions of dollars.", "The fund lost billions of dollars.", "millions", "billions"),
    ("A few hundred protesters gathered.", "A few thousand protesters gathered.", "A few hundred",
     "A few thousand"),
])
def test_a_vague_quantity_of_another_order_of_magnitude_is_a_changed_figure(base, rewrite, was, became):
    assert changed_figures(base, rewrite) == [(was, became, 2)]


@pytest.mark.parametrize(("base", "rewrite"), [
    ("Hundreds of people fled the town.", "Several hundred people fled the town."),
    ("Hundreds of people fled the town.", "About 300 people fled the town."),
    ("Hundreds of people fled the town.", "Hundreds of residents fled the town."),
    ("A few people came to the meeting.", "A handful of people came to the meeting."),
    ("Thousands of people fled the town.", "Several thousand people fled the town."),
    ("The fund lost billions of dollars.", "The fund lost several billion dollars."),
])
def test_a_vague_quantity_told_otherwise_is_no_key_change(base, rewrite):
    assert not severe([s for s in pair(base, rewrite) if s.type in ("number", "addition")])


@pytest.mark.parametrize(("text", "lo", "hi"), [
    ("several hundred people", 300, 900),
    ("a few thousand people", 2_000, 5_000),
    ("a few dozen people", 24, 60),
    ("hundreds of people", 200, 999),
])
def test_vague_quantities_are_read_as_ranges(text, lo, hi):
    (q,) = find_quantities(Side(make_doc("d", text), (0,)))
    assert q.vague and (q.lo, q.hi) == (lo, hi)


@pytest.mark.parametrize(("base", "rewrite", "was", "became"), [
    ("The parliament approved the budget by 214 votes to 187.",
     "The parliament approved the budget by 187 votes to 214.", "214 votes to 187", "187 votes to 214"),
    ("Spain beat Italy 2-1 on Sunday.", "Spain lost to Italy 1-2 on Sunday.", "2-1", "1-2"),
    ("The motion passed 52 to 48.", "The motion passed 48 to 52.", "52 to 48", "48 to 52"),
    ("The council voted 7 against 2 to close the school.",
     "The council voted 2 against 7 to close the school.",
     "7 against 2", "2 against 7"),
    ("Unemployment rose from 5 to 7 percent.", "Unemployment rose from 7 to 5 percent.", "5 to 7 percent",
     "7 to 5 percent"),
])
def test_figures_set_against_each_other_and_swapped_reverse_the_result(base, rewrite, was, became):
    # severity 3 ("reversed"): the side that won or the way a figure moved is turned around
    assert changed_figures(base, rewrite) == [(was, became, 3)]


@pytest.mark.parametrize(("base", "rewrite"), [
    ("The parliament approved the budget by 214 votes to 187.",
     "By 214 votes to 187, the parliament approved the budget."),
    ("Spain beat Italy 2-1 on Sunday.", "Spain won 2-1 against Italy on Sunday."),
    ("The talks ran from 9 to 11 on Monday.", "The talks ran from 9 to 11 on Monday morning."),
])
def test_figures_set_against_each_other_in_the_same_order_are_no_change(base, rewrite):
    assert not severe([s for s in pair(base, rewrite) if s.type in ("number", "addition")])


@pytest.mark.parametrize(("base", "language", "rewrite", "changed"), [
    ("Die Gespräche scheiterten am Dienstag.", "de", "The talks collapsed on Tuesday.", False),
    ("Die Gespräche scheiterten am Dienstag.", "de", "The talks collapsed on Thursday.", True),
    ("会談は火曜日に決裂した。", "ja", "The talks collapsed on Tuesday.", False),
    ("会談は火曜日に決裂した。", "ja", "The talks collapsed on Friday.", True),
    ("会谈于星期二破裂。", "zh", "The talks collapsed on Tuesday.", False),
    ("会谈于周三破裂。", "zh", "The talks collapsed on Tuesday.", True),
    ("Переговоры сорвались в среду.", "ru", "The talks collapsed on Wednesday.", False),
    ("Переговоры сорвались в среду.", "ru", "The talks collapsed on Tuesday.", True),
    ("Les négociations ont échoué mardi 4 mars.", "fr", "The talks collapsed on Tuesday, 4 March.", False),
])
def test_weekdays_across_languages_are_the_same_date_or_a_changed_one(base, language, rewrite, changed):
    b, r = make_doc("b", base, language=language), make_doc("r", rewrite)
    found = [s for s in detect_shifts(b, r, (0,), (0,)) if s.type == "number" and s.severity >= 2]
    assert bool(found) == changed, [s.explanation for s in found]


def test_a_weekday_is_never_the_same_figure_as_a_count():
    (day,) = read_figures("am Dienstag", "de")
    (two,) = read_figures("2 Tage", "de")
    assert day.kind == "weekday" and day.values == two.values and not day.same(two)


@pytest.mark.parametrize(("base", "language", "rewrite", "swapped"), [
    ("Spagna ha battuto l'Italia 2-1 domenica.", "it", "Spain beat Italy 2-1 on Sunday.", False),
    ("Spagna ha battuto l'Italia 2-1 domenica.", "it", "Spain beat Italy 1-2 on Sunday.", True),
    ("西班牙以3–0击败意大利。", "zh", "Spain beat Italy 0-3.", True),
])
def test_a_score_swapped_in_the_translation_is_a_reversed_result(base, language, rewrite, swapped):
    b, r = make_doc("b", base, language=language), make_doc("r", rewrite)
    found = [s for s in detect_shifts(b, r, (0,), (0,)) if s.type == "number" and s.severity == 3]
    assert bool(found) == swapped, [s.explanation for s in found]


@pytest.mark.parametrize(("text", "months"), [
    ("Theresa May met Xi Jinping.", []),
    ("May I add that 5 people came?", []),
    ("The vote is due in May.", [5.0]),
    ("It rained on 3 March and on May 5.", [3.0, 5.0]),
    ("Troops will march on Monday.", []),
])
def test_may_and_march_are_months_only_where_placed_as_dates_in_every_reader(text, months):
    assert [v for f in read_figures(text, "en") if f.kind == "month" for v in f.values] == months


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("गांव में सात परिवार रहते हैं।", 7, "count"),
    ("उन्होंने पैंतालीस मिनट तक भाषण दिया।", 45, "count"),
    ("मेले में तीन सौ दुकानें लगीं।", 300, "count"),
    ("सरकार ने पांच लाख घर बनाए।", 500_000, "count"),
    ("यह उसकी पाँचवीं जीत है।", 5, "ordinal"),
    ("टीम चौथे स्थान पर रही।", 4, "ordinal"),
])
def test_spelled_hindi_numbers_and_ordinals_are_figures(text, value, kind):
    pytest.importorskip("icu_rbnf")
    (fig,) = read_figures(text, "hi")
    assert fig.values == {value} and fig.kind == kind


@pytest.mark.parametrize(("base", "rewrite", "changed"), [
    ("गांव में सात परिवार रहते हैं।", "Seven families live in the village.", False),
    ("गांव में सात परिवार रहते हैं।", "Eight families live in the village.", True),
    ("टीम चौथे स्थान पर रही।", "The team finished fourth.", False),
    ("टीम चौथे स्थान पर रही।", "The team finished at number three.", True),
    ("Die Mannschaft wurde Dritte.", "The team finished at number two.", True),
])
def test_a_spelled_hindi_figure_or_a_rank_changed_in_the_translation(base, rewrite, changed):
    pytest.importorskip("icu_rbnf")
    language = "de" if base.startswith("Die") else "hi"
    b, r = make_doc("b", base, language=language), make_doc("r", rewrite)
    found = [s for s in detect_shifts(b, r, (0,), (0,)) if s.type == "number" and s.severity >= 2]
    assert bool(found) == changed, [s.explanation for s in found]
