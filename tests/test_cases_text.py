"""The text cases of ../shared/cases (03, 06, 07, 15, 16): each right value of its README, on the
case files: sentences where a reader sees them, Unicode compared like a reader, word diffs for
scripts without spaces.

03 ``'s-Hertogenbosch`` and ``''Apply''`` in one paragraph; 06 emoji with skin tones, ZWJ families and
flags changed; 07 the same text in NFC and NFD; 15 a Chinese diff (三月 → 五月, 50亿 → 500亿; the
number shift of 15 is tested with the number detector); 16 an Arabic abbreviation ``د.``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from test_properties import assert_report_valid

from drift.diffing import word_diff
from drift.language import detect_language
from drift.pipeline import Analyzer, compare
from drift.segmenting import split_sentences
from drift.shifts.text import tokenize

CASES = Path(__file__).resolve().parents[2] / "shared" / "cases"
pytestmark = pytest.mark.skipif(not CASES.is_dir(), reason=f"the shared cases are not there ({CASES})")


@pytest.fixture(scope="module")
def use(tmp_path_factory) -> Analyzer:
    return Analyzer.create("use", cache_dir=tmp_path_factory.mktemp("use-cache"))


def read(case: str, name: str) -> str:
    return (CASES / case / f"{name}.txt").read_text(encoding="utf-8")


def sentences(text: str, language: str | None = None) -> list[str]:
    language = language or detect_language(text)
    return [text[s.start:s.end] for s in split_sentences(text, language)]


def cluster_bounds(text: str) -> set[int]:
    """Offsets between grapheme clusters (UAX #29; a whitespace character is its own cluster)."""
    return {0} | {m.end() for m in regex.finditer(r"\s|\X", text)}


def assert_parts_keep_clusters(parts: list[tuple[int, str]], base: str, rewrite: str) -> None:
    for ops, text in (((-1, 0), base), ((0, 1), rewrite)):
        bounds, at = cluster_bounds(text), 0
        for op, t in parts:
            if op in ops:
                at += len(t)
                assert at in bounds, (t, parts)


# -- 03: an elision apostrophe and doubled typewriter quotes in one paragraph -------------------------

def test_03_the_paragraph_is_five_sentences():
    text = read("03-single-quotes", "base")
    assert sentences(text) == [
        "The plant in 's-Hertogenbosch will hire forty operators.",
        "Staff inspect every batch before it ships.",
        "The company is a leading maker of server hardware.",
        "Night shifts pay a premium of twenty percent.",
        "Press the ''Apply'' button below to send your letter."]
    assert len(sentences(read("03-single-quotes", "rewrite"))) == 4


def test_03_the_dropped_sentence_is_an_omission_as_in_the_control(use):
    def dropped(base: str, rewrite: str):
        report = compare(read("03-single-quotes", base), read("03-single-quotes", rewrite), analyzer=use)
        assert_report_valid(report)
        assert len(report.base.sentences) == 5
        deleted = [link for link in report.comparisons[0].links if link.kind == "deleted"]
        assert len(deleted) == 1
        assert report.base.joined(deleted[0].base).startswith("Night shifts pay")
        return report, deleted[0]

    report, link = dropped("base", "rewrite")
    _, control = dropped("control-base", "control-rewrite")
    omissions = [s.severity for s in link.shifts if s.type == "omission"]
    assert omissions == [s.severity for s in control.shifts if s.type == "omission"] == [2]
    for other in report.comparisons[0].links:
        assert not any(s.type == "entity" and "Night" in s.explanation for s in other.shifts)


# -- 06: emoji sequences ------------------------------------------------------------------------------

def test_06_each_changed_emoji_is_one_whole_part():
    base, rewrite = read("06-emoji", "base").strip(), read("06-emoji", "rewrite").strip()
    parts = word_diff(base, rewrite)
    assert_parts_keep_clusters(parts, base, rewrite)
    changed = [(op, t) for op, t in parts if op]
    assert changed == [(-1, "👍🏻"), (1, "👍🏿"), (-1, "👨\u200d👩\u200d👧"), (1, "👨\u200d👩\u200d👦"),
                       (-1, "🇫🇷"), (1, "🇩🇪")]


def test_06_tokens_hold_whole_emoji():
    text = read("06-emoji", "base")
    bounds = cluster_bounds(text)
    tokens = tokenize(text)
    assert all(t.start in bounds and t.end in bounds for t in tokens)
    assert {"👍🏻", "👨\u200d👩\u200d👧", "🇫🇷"} <= {t.text for t in tokens}


def test_06_the_links_show_whole_emoji(use):
    report = compare(read("06-emoji", "base"), read("06-emoji", "rewrite"), analyzer=use)
    assert_report_valid(report)
    for link in report.comparisons[0].links:
        assert_parts_keep_clusters(list(link.diff), report.base.joined(link.base),
                                   report.rewrites[0].joined(link.rewrite))


# -- 07: NFC base, NFD rewrite --------------------------------------------------------------------------

def test_07_the_same_text_in_nfd_has_no_shift_and_no_drift(use):
    report = compare(read("07-nfd", "base"), read("07-nfd", "rewrite"), analyzer=use)
    assert_report_valid(report)
    comparison = report.comparisons[0]
    assert comparison.drift == 0.0
    assert all(link.base and link.rewrite and not link.shifts for link in comparison.links)
    assert [len(d.sentences) for d in report.documents] == [2, 2]


def test_07_tokens_never_end_inside_a_character():
    base, rewrite = read("07-nfd", "base"), read("07-nfd", "rewrite")
    assert base != rewrite
    for text in (base, rewrite):
        bounds = cluster_bounds(text)
        tokens = tokenize(text)
        assert all(t.start in bounds and t.end in bounds for t in tokens)
        assert [t.norm for t in tokens if t.is_cap] == ["jose", "goncalves", "muller", "the", "sao", "paulo",
                                                         "friday"]
    assert [t.norm for t in tokenize(base)] == [t.norm for t in tokenize(rewrite)]


# -- 15: a Chinese diff ----------------------------------------------------------------------------------

def test_15_each_side_is_two_sentences_in_chinese():
    for name in ("base", "rewrite"):
        text = read("15-cjk-diff", name)
        assert detect_language(text) == "zh"
        assert len(sentences(text)) == len(sentences(text, language=None)) == 2


def test_15_the_diff_marks_only_the_changed_characters():
    base, rewrite = (sentences(read("15-cjk-diff", name))[0] for name in ("base", "rewrite"))
    parts = word_diff(base, rewrite)
    assert [(op, t) for op, t in parts if op] == [(-1, "三"), (1, "五"), (-1, "50"), (1, "500")]
    second = [sentences(read("15-cjk-diff", name))[1] for name in ("base", "rewrite")]
    assert word_diff(*second) == [(0, second[0])]


def test_15_the_links_diff_by_character(use):
    report = compare(read("15-cjk-diff", "base"), read("15-cjk-diff", "rewrite"), analyzer=use)
    assert_report_valid(report)
    links = report.comparisons[0].links
    assert [(link.base, link.rewrite) for link in links] == [((0,), (0,)), ((1,), (1,))]
    assert [t for op, t in links[0].diff if op] == ["三", "五", "50", "500"]


# -- 16: an Arabic abbreviation ---------------------------------------------------------------------------

def test_16_an_arabic_abbreviation_does_not_end_a_sentence():
    for name in ("base", "rewrite"):
        text = read("16-arabic-rtl", name)
        assert detect_language(text) == "ar"
        for language in ("ar", None):
            found = sentences(text, language) if language else [
                text[s.start:s.end] for s in split_sentences(text)]
            assert len(found) == 2 and found[0].startswith("قال د. خالد")
