"""Aligned words inside a link (drift/wordalign.py) on real sentences: the example corpus and the
DEMETR development items (../shared/benchmarks/demetr-dev)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drift.diffing import word_diff
from drift.pipeline import read_document
from drift.report import Document, Sentence
from drift.shifts.text import Side
from drift.vocabulary import WORD_RELATIONS
from drift.wordalign import align_words, changed_pairs, word_alignment

SHARED = Path(__file__).resolve().parents[2] / "shared"

DEMETR = SHARED / "benchmarks" / "demetr-dev"
LANGUAGES = {"chinese_simple": "zh", "japanese": "ja", "hindi": "hi", "russian": "ru", "polish": "pl",
             "czech": "cs", "german": "de", "french": "fr", "spanish": "es", "italian": "it"}


def one_sentence(text: str, role: str, language: str | None = "en") -> Side:
    doc = Document(id=role, role=role, text=text, sentences=(Sentence(0, len(text)),), language=language)
    return Side(doc, (0,))


def demetr(name: str) -> list[dict]:
    path = DEMETR / f"{name}.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is not there")
    return [item for line in path.read_text(encoding="utf-8").splitlines()
            if (item := json.loads(line))["pert_check"]]


def link(base_text: str, rewrite_text: str, language: str | None = "en") -> tuple[Side, Side, list]:
    base, rewrite = one_sentence(base_text, "base", language), one_sentence(rewrite_text, "rewrite", language)
    return base, rewrite, word_diff(base.text, rewrite.text)


def seed_sentence(seeds, doc_id: str, needle: str) -> Side:
    doc = read_document(seeds[doc_id], role="base", language="en")
    [i] = [i for i in range(len(doc.sentences)) if needle in doc.sentence_text(i)]
    return Side(doc, (i,))


def assert_spans_exact(base: Side, rewrite: Side, pairs) -> None:
    """Every word of each side lies in exactly one pair's span, and spans start and end on words."""
    for side, spans in ((base, [p.base_span for p in pairs]), (rewrite, [p.rewrite_span for p in pairs])):
        spans = [s for s in spans if s is not None]
        starts = {t.start for t in side.tokens}
        ends = {t.end for t in side.tokens}
        assert all(s in starts and e in ends and s < e for s, e in spans)
        for t in side.tokens:
            if t.is_word:
                assert sum(s <= t.start and t.end <= e for s, e in spans) == 1, t


def test_antonym_swaps_in_demetr_come_out_as_antonyms():
    items = demetr("critical_id7_antonym")
    found = 0
    for item in items:
        base, rewrite, diff = link(item["mt_sent"], item["pert_sent"])
        pairs = align_words(base, rewrite, diff)
        assert_spans_exact(base, rewrite, pairs)
        found += any(rel == "antonym" for _, _, rel in changed_pairs(base, rewrite, diff))
    assert found / len(items) >= 0.5, f"{found}/{len(items)}"


def test_faithful_translations_rarely_read_as_antonyms():
    items = demetr("critical_id7_antonym")
    flagged = 0
    for item in items:
        base, rewrite, diff = link(item["mt_sent"], item["eng_sent"])
        pairs = align_words(base, rewrite, diff)
        assert_spans_exact(base, rewrite, pairs)
        flagged += any(rel == "antonym" for _, _, rel in changed_pairs(base, rewrite, diff))
    assert flagged / len(items) <= 0.03, f"{flagged}/{len(items)}"


def test_a_synonym_swap_reads_as_equivalent(seeds):
    base = seed_sentence(seeds, "002", "We have endured 22 weeks")
    text = base.text.replace("endured", "suffered")
    rewrite = one_sentence(text, "rewrite")
    changed = changed_pairs(base, rewrite, word_diff(base.text, rewrite.text))
    assert [(b.text, r.text, rel) for b, r, rel in changed] == [("endured", "suffered", "synonym")]


def test_words_of_the_example_corpus_pair_by_meaning(seeds):
    base = seed_sentence(seeds, "002", "strikes on alleged drug boats")
    rewrite = seed_sentence(seeds, "001", "attacks against Venezuelan vessels")
    pairs = align_words(base, rewrite, word_diff(base.text, rewrite.text))
    assert_spans_exact(base, rewrite, pairs)
    rel = {(base.doc.text[slice(*p.base_span)], rewrite.doc.text[slice(*p.rewrite_span)]): p.relation
           for p in pairs if p.base_span and p.rewrite_span}
    assert rel[("boats", "vessels")] == "vaguer"
    assert rel[("strikes", "attacks")] == "vaguer"
    assert all(p.relation in WORD_RELATIONS for p in pairs)


def test_added_words_have_no_counterpart():
    items = demetr("critical_id6_addition")
    for item in items[:40]:
        base, rewrite, diff = link(item["mt_sent"], item["pert_sent"])
        inserted = "".join(t for op, t in diff if op == 1)
        if all(op != -1 for op, _ in diff) and inserted.strip():
            pairs = align_words(base, rewrite, diff)
            assert_spans_exact(base, rewrite, pairs)
            lone = [p for p in pairs if p.base_span is None]
            assert lone and all(p.rewrite_span is not None for p in lone)
            added = "".join(rewrite.doc.text[s:e] for s, e in (p.rewrite_span for p in lone))
            assert all(w in added for w in inserted.split() if w.isalpha())


def test_kept_text_is_one_same_pair_per_run():
    base, rewrite, diff = link("Cyanuric acid and melamine were both found in urine samples.",
                               "Cyanuric acid and melamine were both found in blood samples.")
    pairs = align_words(base, rewrite, diff)
    assert [p.relation for p in pairs] == ["same", "changed", "same"]
    assert base.doc.text[slice(*pairs[0].base_span)] == "Cyanuric acid and melamine were both found in"


def test_a_word_pairs_with_a_two_word_entry():
    base, rewrite, diff = link("pets who died after eating contaminated pet food.",
                               "pets who were born after eating contaminated pet food.")
    [changed] = [p for p in align_words(base, rewrite, diff) if p.relation != "same"]
    assert changed.relation == "antonym"
    assert rewrite.doc.text[slice(*changed.rewrite_span)] == "were born"


def test_without_a_lexicon_words_still_pair_by_form_and_place():
    base, rewrite, diff = link("Die Regierung hat die Steuern erhöht.",
                               "Die Regierung hat die Steuern gesenkt.", language="de")
    assert [(b.text, r.text, rel) for b, r, rel in changed_pairs(base, rewrite, diff)] == [
        ("erhöht", "gesenkt", "changed")]


def test_characters_pair_in_a_script_without_spaces():
    item = demetr("critical_id7_antonym")[0]
    src = item["src_sent"]
    assert item["lang_tag"] == "chinese_simple"
    k = next(i for i, c in enumerate(src) if "\u4e00" <= c <= "\u9fff")
    changed_text = src[:k] + ("大" if src[k] != "大" else "小") + src[k + 1:]
    base, rewrite, diff = link(src, changed_text, language="zh")
    pairs = word_alignment(base, rewrite, diff)
    changed = [(base.tokens[p.base].text, rewrite.tokens[p.rewrite].text)
               for p in pairs if p.relation != "same"]
    assert changed == [(src[k], changed_text[k])]
    assert_spans_exact(base, rewrite, align_words(base, rewrite, diff))


def test_across_languages_only_names_and_figures_pair():
    item = next(i for i in demetr("critical_id7_antonym") if i["lang_tag"] == "german")
    base = one_sentence(item["src_sent"], "base", "de")
    rewrite = one_sentence(item["mt_sent"], "rewrite", "en")
    pairs = word_alignment(base, rewrite, word_diff(base.text, rewrite.text))
    both = [(base.tokens[p.base].norm, rewrite.tokens[p.rewrite].norm) for p in pairs
            if p.base is not None and p.rewrite is not None]
    assert ("trump", "trump") in both and ("twitter", "twitter") in both
    assert all(p.relation in ("same", "form", "equivalent") for p in pairs if p.base is not None
               and p.rewrite is not None), both
    assert all(p.relation == "changed" for p in pairs if p.base is None or p.rewrite is None)
    assert_spans_exact(base, rewrite, align_words(base, rewrite, word_diff(base.text, rewrite.text)))


def pairs_text(base: Side, rewrite: Side) -> dict[tuple[str, str], str]:
    """Paired spans (both sides) as text → relation."""
    pairs = align_words(base, rewrite, word_diff(base.text, rewrite.text))
    assert_spans_exact(base, rewrite, pairs)
    return {(base.doc.text[slice(*p.base_span)], rewrite.doc.text[slice(*p.rewrite_span)]): p.relation
            for p in pairs if p.base_span and p.rewrite_span}


def test_names_and_figures_pair_across_cyrillic_and_latin():
    base = one_sentence("Сторонники Дональда Трампа собрались в Москве: пришли 21 человек и 300 "
                        "журналистов.", "base", "ru")
    rewrite = one_sentence("Supporters of Donald Trump gathered in Moscow: 12 people and 300 journalists "
                           "came.", "rewrite", "en")
    rel = pairs_text(base, rewrite)
    assert rel[("Дональда", "Donald")] == rel[("Трампа", "Trump")] == "equivalent"
    assert rel[("Москве", "Moscow")] == "equivalent"
    assert rel[("21", "12")] == "changed"
    assert rel[("300", "300")] == "same"
    assert not any(b[:1].isupper() != r[:1].isupper() for b, r in rel if b[:1].isalpha() and r[:1].isalpha())


def test_chinese_numerals_pair_with_digits_by_value():
    base = one_sentence("去年有三百人参加了会议。", "base", "zh")
    same = pairs_text(base, one_sentence("Last year 300 people attended the meeting.", "rewrite", "en"))
    changed = pairs_text(base, one_sentence("Last year 30 people attended the meeting.", "rewrite", "en"))
    assert same[("三百", "300")] == "equivalent"
    assert changed[("三百", "30")] == "changed"


def test_spelled_and_scaled_figures_pair_across_languages():
    base = one_sentence("El gobierno de España gastó 1,5 millones de euros en tres meses.", "base", "es")
    rewrite = one_sentence("The government of Spain spent 1.5 million euros in four months.", "rewrite", "en")
    rel = pairs_text(base, rewrite)
    assert rel[("1,5 millones", "1.5 million")] == "equivalent"
    assert rel[("tres", "four")] == "changed"
    assert rel[("España", "Spain")] == "equivalent"


def test_demetr_changed_figures_pair_across_languages():
    from drift.shifts.numerals import read_figures

    items = [i for i in demetr("critical_id10_numbers_replaced") if i["lang_tag"] != "hindi"]
    tried = paired = 0
    for item in items:
        mt, pert = read_figures(item["mt_sent"], "en"), read_figures(item["pert_sent"], "en")
        new = [g for g in pert if not any(g.same(f) for f in mt)]
        if len(new) != 1 or len(mt) != len(pert):
            continue
        base = one_sentence(item["src_sent"], "base", LANGUAGES[item["lang_tag"]])
        rewrite = one_sentence(item["pert_sent"], "rewrite", "en")
        tried += 1
        rel = pairs_text(base, rewrite)
        paired += any(r == item["pert_sent"][new[0].start:new[0].end] and v == "changed"
                      for (_, r), v in rel.items())
    assert tried >= 50 and paired / tried >= 0.9, f"{paired}/{tried}"


def test_moved_words_do_not_pair_across_shapes():
    base, rewrite, diff = link(
        "The Reuters news agency, citing four sources familiar with the matter, reported on Monday that "
        "Trump offered Maduro safe passage out of Venezuela during the short call on November 21.",
        "According to a Reuters news release on Monday, Trump reportedly offered Maduro a safe exit from "
        "Venezuela during the brief call on November 21, citing four reputable sources.")
    got = {(base.tokens[p.base].text, rewrite.tokens[p.rewrite].text): p.relation
           for p in word_alignment(base, rewrite, diff) if p.base is not None and p.rewrite is not None}
    assert ("agency", "exit") not in got
    assert got[("short", "brief")] != "changed"
    base, rewrite, diff = link(
        "They are protecting the main highway that connects to the airport and the coastal areas of "
        "Venezuela. We have seen the minister of defence, Vladimir Padrino Lopez, show off some equipment.",
        "They are guarding the main highway that runs between the airport and the coastal regions. "
        "Vladimir Padrino Lopez, the minister of defense, has shown off some equipment.")
    moved = {(base.tokens[p.base].text, None if p.rewrite is None else rewrite.tokens[p.rewrite].text)
           for p in word_alignment(base, rewrite, diff) if p.base is not None}
    assert ("Venezuela", None) in moved and ("Vladimir", "Vladimir") in moved
    for item in demetr("critical_id20_shuffled")[:100]:
        base, rewrite, diff = link(item["mt_sent"], item["pert_sent"])
        for p in word_alignment(base, rewrite, diff):
            if p.relation == "changed" and p.base is not None and p.rewrite is not None:
                b, r = base.tokens[p.base], rewrite.tokens[p.rewrite]
                assert b.is_number == r.is_number, (b.text, r.text)


def test_a_word_replaced_in_place_pairs_whatever_its_part_of_speech():
    items = demetr("minor_id13_pos_shift")
    tried = paired = 0
    for item in items:
        base, rewrite, diff = link(item["mt_sent"], item["pert_sent"])
        changed = [(b, r) for b, r, _ in changed_pairs(base, rewrite, diff)]
        if sum(op == -1 for op, _ in diff) != 1 or len(changed) > 2:
            continue
        tried += 1
        paired += len(changed) == 1 and None not in changed[0]
    assert tried >= 100 and paired / tried >= 0.9, f"{paired}/{tried}"


def test_a_changed_figure_pairs_with_the_likeliest_figure_not_the_first():
    # 九 is a numeral inside a place name (Jiuzhaigou): the digits pair with the digits
    base = one_sentence("九寨沟景区昨天接待了73名游客。", "base", "zh")
    rel = pairs_text(base, one_sentence("The Jiuzhaigou scenic area received 75 visitors yesterday.",
                                        "rewrite", "en"))
    assert rel[("73", "75")] == "changed"
    base = one_sentence("Заседание началось в 20:30 в Берлине.", "base", "ru")
    rel = pairs_text(base, one_sentence("The meeting began at 21:30 in Berlin.", "rewrite", "en"))
    assert [r for (b, r), v in rel.items() if v == "changed" and b[:2] == "20"] == ["21"]
    assert rel[("Берлине", "Berlin")] == "equivalent"


def test_pairs_found_through_the_spelling_index_are_those_of_trying_every_pair(monkeypatch):
    """Without a lexicon (across languages) only units sharing a spelling key can relate, so the
    index (_unit_pairs) must give the very alignment that trying every pair of units gives: on
    DEMETR's source sentences against their translations, in every script."""
    import drift.wordalign as wordalign

    items = demetr("base_id35_reference")
    links = [(one_sentence(i["src_sent"], "base", LANGUAGES[i["lang_tag"]]),
              one_sentence(i["mt_sent"], "rewrite", "en")) for i in items]
    indexed = [word_alignment(b, r, word_diff(b.text, r.text)) for b, r in links]
    monkeypatch.setattr(wordalign, "_unit_pairs", lambda link, bu, ru, *_: [(b, r) for b in bu for r in ru])
    for (b, r), found in zip(links, indexed, strict=True):
        b.memo.clear()
        assert word_alignment(b, r, word_diff(b.text, r.text)) == found, (b.text, r.text)
    assert sum(p.relation == "equivalent" for found in indexed for p in found) > len(items)
