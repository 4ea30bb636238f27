"""The word diff: both sides rebuild exactly, changes come as phrases, unrelated text as one block."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drift.diffing import word_diff

BASE = ("Sources in Venezuela told Al Jazeera that they know the country’s military is no match for "
        "the US, she said.")
SPUN = ("Sources in Venezuela told Al Jazeera that they are aware that the US cannot compete with the "
        "country’s military, she claimed.")


def sides(diff):
    return ("".join(t for op, t in diff if op <= 0), "".join(t for op, t in diff if op >= 0))


def well_formed(diff) -> bool:
    return (all(text for _, text in diff) and all(op in (-1, 0, 1) for op, _ in diff)
            and all(a[0] != b[0] for a, b in zip(diff, diff[1:], strict=False)))


def test_both_sides_rebuild_exactly_and_parts_are_well_formed():
    diff = word_diff(BASE, SPUN)
    assert sides(diff) == (BASE, SPUN)
    assert well_formed(diff)


def test_a_changed_word_is_one_whole_word_not_letters():
    diff = word_diff("Trump said it went well.", "Trump claimed it went well.")
    assert diff == [(0, "Trump "), (-1, "said"), (1, "claimed"), (0, " it went well.")]


def test_accented_spelling_lines_up_as_the_same_word():
    diff = word_diff("President Nicolas Maduro has repeated calls",
                     "President Nicolás Maduro has renewed calls")
    assert (-1, "Nicolas") in diff and (1, "Nicolás") in diff
    assert (0, " Maduro has ") in diff  # the words around stay aligned


def test_the_spun_sentence_shows_the_reversed_clause_as_one_change():
    diff = word_diff(BASE, SPUN)
    changes = [t for op, t in diff if op == -1]
    assert changes == ["know the country’s military is no match for the US, she said"]
    assert diff[0] == (0, "Sources in Venezuela told Al Jazeera that they ")


def test_a_short_function_word_between_two_changes_does_not_split_the_phrase():
    diff = word_diff("The opposition won the vote easily", "The opposition lost the election easily")
    assert diff == [(0, "The opposition "), (-1, "won the vote"), (1, "lost the election"), (0, " easily")]


def test_texts_with_little_in_common_become_one_replacement():
    a = "It has also carried out at least 21 strikes on alleged drug boats since September."
    b = "Analysts note that the scale of the deployment far exceeds what is typically required."
    assert word_diff(a, b) == [(-1, a), (1, b)]


def test_identical_and_empty_sides():
    assert word_diff("Same text.", "Same text.") == [(0, "Same text.")]
    assert word_diff("", "") == []
    assert word_diff("Only base.", "") == [(-1, "Only base.")]
    assert word_diff("", "Only rewrite.") == [(1, "Only rewrite.")]


def test_whitespace_differences_are_kept_exactly():
    a, b = "one  two\nthree", "one two three"
    assert sides(word_diff(a, b)) == (a, b)


PIECES = st.lists(st.sampled_from(list("ab cé’.,\n\u2014") + ["word", "Word", " the ", "Nicolás"]),
                  max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(PIECES, PIECES)
def test_any_two_texts_rebuild_exactly(a, b):
    diff = word_diff(a, b)
    assert sides(diff) == (a, b)
    assert well_formed(diff)


# -- scripts without spaces, grapheme clusters, normal forms ---------------------------------------

DEMETR = (Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "demetr-dev"
          / "base_id35_reference.jsonl")


def demetr_sources(lang_tag: str) -> list[str]:
    if not DEMETR.exists():
        pytest.skip(f"demetr-dev is not there ({DEMETR})")
    items = [json.loads(line) for line in DEMETR.read_text(encoding="utf-8").splitlines()]
    return [item["src_sent"] for item in items if item["lang_tag"] == lang_tag]


def test_a_changed_chinese_word_marks_only_its_characters():
    base = "官员表示，这座新桥将于明年三月通车，耗资约20亿元。"
    rewrite = "官员表示，这座新桥将于后年三月通车，耗资约200亿元。"
    assert [(op, t) for op, t in word_diff(base, rewrite) if op] == [
        (-1, "明"), (1, "后"), (-1, "20"), (1, "200")]


def test_a_changed_japanese_and_thai_word_marks_only_its_characters():
    diff = word_diff("首相は火曜日に東京を訪れた。", "首相は金曜日に大阪を訪れた。")
    assert [(op, t) for op, t in diff if op] == [(-1, "火"), (1, "金"), (-1, "東京"), (1, "大阪")]
    assert [(op, t) for op, t in word_diff("ผมไปตลาดเมื่อวาน", "ผมไปโรงเรียนเมื่อวาน") if op] == [
        (-1, "ตลาด"), (1, "โรงเรียน")]


@pytest.mark.parametrize("lang_tag", ["chinese_simple", "japanese"])
def test_unrelated_sentences_without_spaces_are_one_replacement(lang_tag):
    sources = demetr_sources(lang_tag)
    pairs = list(zip(sources, sources[1:], strict=False))
    whole = sum(word_diff(a, b) == [(-1, a), (1, b)] for a, b in pairs)
    assert whole >= 0.9 * len(pairs)


def test_one_changed_character_in_a_chinese_source_sentence_is_one_small_change():
    for sentence in demetr_sources("chinese_simple"):
        k = next(i for i, c in enumerate(sentence) if "\u4e00" <= c <= "\u9fff")
        changed = sentence[:k] + ("一" if sentence[k] != "一" else "二") + sentence[k + 1:]
        parts = word_diff(sentence, changed)
        assert [t for op, t in parts if op] == [sentence[k], changed[k]]


def test_emoji_changes_are_whole_clusters_and_separate_parts():
    diff = word_diff("Fans sent 👍🏻 and 🇫🇷 today.", "Fans sent 👍🏿 and 🇩🇪 today.")
    assert diff == [(0, "Fans sent "), (-1, "👍🏻"), (1, "👍🏿"), (0, " and "), (-1, "🇫🇷"), (1, "🇩🇪"),
                    (0, " today.")]


def test_nfd_and_devanagari_words_are_whole_tokens():
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Gonçalves won")
    assert word_diff(nfd, unicodedata.normalize("NFD", "Gonçalves lost")) == [
        (0, nfd[:-3]), (-1, "won"), (1, "lost")]
    assert word_diff("उसने किताब पढ़ी", "उसने किताबें पढ़ीं") == [
        (0, "उसने "), (-1, "किताब पढ़ी"), (1, "किताबें पढ़ीं")]


def test_the_bound_that_decides_a_replacement_before_diffing_never_undercuts_the_diff():
    """word_diff calls a pair one replacement without diffing when the tokens both sides spell
    alike cannot reach MIN_SHARED (_shared_bound): on DEMETR's source sentences against their
    English translations and against a reference translation (``eng_sent`` vs ``mt_sent``), the
    bound is never below the share the diff itself keeps, and it decides most translations."""
    from drift.diffing import MIN_SHARED, _group, _shared_bound, _shared_share, _token_ops, _tokens

    if not DEMETR.exists():
        pytest.skip(f"demetr-dev is not there ({DEMETR})")
    items = [json.loads(line) for line in DEMETR.read_text(encoding="utf-8").splitlines()]
    decided = 0
    for item in items:
        for a, b in ((item["src_sent"], item["mt_sent"]), (item["eng_sent"], item["mt_sent"])):
            ta, tb = _tokens(a), _tokens(b)
            bound = _shared_bound(ta, tb, a, b)
            assert bound >= _shared_share(_group(_token_ops(ta, tb)), a, b), (a, b)
        decided += _shared_bound(_tokens(item["src_sent"]), _tokens(item["mt_sent"]), item["src_sent"],
                                 item["mt_sent"]) < MIN_SHARED
    assert decided >= 0.9 * len(items)
