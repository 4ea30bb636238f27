"""The whole pipeline on the example corpus: link kinds, the report contract, languages, JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import drift
from drift.report import Report

FIXTURES = Path(__file__).parent / "fixtures"


def links_of(report: Report, rewrite: str) -> dict[tuple[tuple[int, ...], tuple[int, ...]], drift.Link]:
    rewrite_id = next(d.id for d in report.rewrites if d.id.startswith(rewrite))
    return {(link.base, link.rewrite): link for link in report.comparison(rewrite_id).links}


def test_the_report_keeps_every_rule_of_the_format(example_report, tmp_path, check_report, seeds):
    path = tmp_path / "report.json"
    example_report.to_json(path)
    assert check_report(path, inputs=seeds["002"].parent) == []


def test_documents_carry_the_text_exactly_as_read_and_ids_are_file_stems(example_report, seeds):
    assert [d.id for d in example_report.documents] == [
        seeds[k].stem for k in ("002", "000", "001", "003", "004")
    ]
    assert example_report.base.text == seeds["002"].read_text(encoding="utf-8")
    assert {d.language for d in example_report.documents} == {"en"}
    assert example_report.model.name == "all-MiniLM-L6-v2" and example_report.model.dim == 384


@pytest.mark.parametrize("model_report", ["example_report", "example_report_use"])
def test_the_hand_checked_alignments_are_found(model_report, request):
    """Most hand-checked links are found exactly (strict), with either model."""
    report = request.getfixturevalue(model_report)
    gold = json.loads((FIXTURES / "hand_alignments.json").read_text(encoding="utf-8"))
    for rewrite, pair in gold["pairs"].items():
        found = links_of(report, rewrite)
        doc = next(d for d in report.rewrites if d.id.startswith(rewrite))
        for link in pair["links"]:  # the fixture still points at the same sentences
            assert [doc.sentence_text(j)[:40] for j in link["rewrite"]] == link["rewrite_starts"]
        hits = sum((tuple(g["base"]), tuple(g["rewrite"])) in found for g in pair["links"])
        assert hits / len(pair["links"]) >= 0.85, (rewrite, hits, len(pair["links"]))


def test_the_spun_version_splits_the_quotation_one_to_three_and_drops_the_last_sentence(example_report):
    links = links_of(example_report, "000")
    assert ((5,), (5, 6, 7)) in links and links[((5,), (5, 6, 7))].kind == "1-3"
    deleted = links[((29,), ())]
    assert deleted.kind == "deleted" and deleted.shifts[0].type == "omission"


def test_the_editorial_rewrite_splits_merges_and_adds_headings(example_report):
    links = links_of(example_report, "003")
    assert links[((8,), (17, 18))].kind == "1-2"
    assert links[((22, 23), (33,))].kind == "2-1"
    inserted = links[((), (0,))]
    assert inserted.kind == "inserted" and inserted.shifts[0].type == "addition"


def test_content_the_rewrite_moved_is_linked_and_marked_moved(example_report):
    """004 moves the experts' verdict on the buildup (base 10) after the terrorism paragraph."""
    links = [
        link
        for link in example_report.comparison(
            next(d.id for d in example_report.rewrites if d.id.startswith("004"))
        ).links
        if 10 in link.base
    ]
    assert len(links) == 1 and links[0].rewrite and 16 in links[0].rewrite and links[0].moved


def test_furniture_is_never_linked(example_report):
    for c in example_report.comparisons:
        for doc, side in (
            (example_report.document(c.base), "base"),
            (example_report.document(c.rewrite), "rewrite"),
        ):
            linked = {i for link in c.links for i in getattr(link, side)}
            assert not any(doc.sentences[i].boilerplate for i in linked)


def test_json_loads_back_to_an_equal_report(example_report):
    assert Report.from_json(example_report.to_json()) == example_report


def test_identical_documents_do_not_drift(seeds, cache_dir):
    report = drift.compare(seeds["002"], seeds["002"], model="use", cache_dir=cache_dir)
    (comparison,) = report.comparisons
    assert comparison.drift == 0.0
    assert all(link.kind == "1-1" and not link.shifts and link.drift == 0.0 for link in comparison.links)
    assert report.documents[1].id == report.documents[0].id + "-2"


def test_a_translation_is_aligned_with_the_multilingual_model_automatically(cache_dir):
    base = (
        "Venezuelan President Nicolas Maduro has repeated calls for peace at a rally in Caracas. "
        "The US has amassed 15,000 troops in the region. "
        "It has also carried out at least 21 strikes on alleged drug boats since September. "
        "There was no immediate comment from the US or Venezuela about the report."
    )
    spanish = (
        "El presidente venezolano Nicolás Maduro reiteró sus llamados a la paz en un mitin en Caracas. "
        "Estados Unidos ha desplegado 15.000 soldados en la región. "
        "No hubo comentarios inmediatos de Estados Unidos ni de Venezuela sobre el informe."
    )
    report = drift.compare(base, spanish, cache_dir=cache_dir)
    assert [d.language for d in report.documents] == ["en", "es"]
    assert report.model.name == "universal-sentence-encoder-multilingual-3"
    pairs = {(link.base, link.rewrite) for link in report.comparisons[0].links}
    assert {((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,))} == pairs


def test_pasted_texts_get_readable_ids():
    report = drift.compare(
        "Maduro spoke in Caracas on Monday.",
        "Maduro spoke in Caracas on Monday.",
        "Maduro spoke in Caracas on Sunday.",
        model="use",
        cache_dir=False,
    )
    assert [d.id for d in report.documents] == ["base", "rewrite-1", "rewrite-2"]


def test_explicit_ids_name_the_documents(seeds):
    report = drift.compare(seeds["002"], seeds["000"], ids=["original", "spun"], model="use", cache_dir=False)
    assert [c.rewrite for c in report.comparisons] == ["spun"]


def test_a_document_of_only_furniture_is_a_clear_error():
    with pytest.raises(drift.EmptyDocumentError, match="only page furniture"):
        drift.compare(
            "Maduro spoke in Caracas on Monday.",
            "Recommended Stories\nLeave a Reply\nShare",
            model="use",
            cache_dir=False,
        )


# -- a translation the model does not read: linked in order by lengths ----------------------------

HINDI_BASE = ["Heavy rain made the river burst on Tuesday.",
              "The mayor said the new barrier had held.",
              "Schools will remain closed until the water recedes."]
HINDI = ["मंगलवार को भारी बारिश के कारण नदी अपने किनारों से बाहर बह निकली।",
         "महापौर ने कहा कि नया अवरोध टिका रहा।",
         "पानी उतरने तक स्कूल बंद रहेंगे।"]


def test_a_translation_in_an_unread_script_is_linked_in_order_by_its_own_length_ratio():
    import numpy as np

    from drift.pipeline import _in_order

    vectors = np.eye(3, dtype=np.float32)
    # the first pair's own ratio (1.5 in letters) is absorbed by the documents' median ratio
    assert [(p.base, p.rewrite) for p in _in_order(vectors, vectors, HINDI_BASE, HINDI)] == [
        ((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    # … but a sentence far shorter than the others' ratio is no translation of its partner
    assert _in_order(vectors, vectors, HINDI_BASE, [HINDI[0], "हाँ।", HINDI[2]]) is None


def test_a_one_sentence_translation_is_linked_by_letters_not_bytes():
    """Devanagari takes three bytes a letter: a one-sentence Hindi base and an English rewrite that
    drops a name differ 3.1 times in bytes but 1.2 times in letters, and are still linked."""
    import numpy as np

    from drift.pipeline import _in_order

    base = ["महापौर राजेश कुमार ने मंगलवार को कहा कि नदी पर बना नया पुल अगले साल खुलेगा।"]
    rewrite = ["The mayor said on Tuesday the new bridge would open next year."]
    vectors = np.eye(1, dtype=np.float32)
    assert [(p.base, p.rewrite) for p in _in_order(vectors, vectors, base, rewrite)] == [((0,), (0,))]
    assert _in_order(vectors, vectors, base, ["Yes."]) is None


@pytest.mark.parametrize(("text", "length"), [("東京は晴れ。", 16), ("Добрый день.", 12), ("नमस्ते।", 7)])
def test_reading_length_counts_letters_once_and_wide_characters_three_times(text, length):
    from drift.pipeline import reading_length

    assert reading_length(text) == length


# -- a document with lines in another language -----------------------------------------------------

def test_lines_in_another_language_get_a_notice_and_ask_for_the_multilingual_model(seeds):
    from drift.pipeline import mixed_languages, read_document

    text = ("Heavy rain caused the river to burst its banks in the town on Tuesday morning.\n"
            "Der Bürgermeister sagte, die neue Schutzmauer habe den größten Teil der Nacht gehalten.\n"
            "At least twelve people were killed, according to the regional health ministry.\n"
            "Observadores independientes dijeron que la respuesta de emergencia estuvo bien organizada.")
    mixed = read_document(text, role="rewrite", doc_id="mixed")
    english = [read_document(path, role="base") for path in seeds.values()]
    notices, languages = mixed_languages([*english, mixed])
    assert languages == {"de", "es"}
    assert [(n.code, n.document) for n in notices] == [("mixed-language", "mixed")]
    assert "1 line in 'de'" in notices[0].message and "1 line in 'es'" in notices[0].message


# -- a page flattened to one line ------------------------------------------------------------------

def test_a_document_that_lost_its_line_breaks_gets_a_notice_once(seeds, monkeypatch):
    from test_properties import fake_analyzer

    from drift import segmenting
    from drift.pipeline import compare, long_line_notice, read_document

    monkeypatch.setattr(segmenting, "LONG_LINE", 2_000)  # a 225 KB page's line, scaled to the seed
    text = seeds["002"].read_text(encoding="utf-8")
    flat = " ".join(text.split())
    report = compare(flat, seeds["002"], ids=["flattened", "as-written"], analyzer=fake_analyzer())
    assert [(n.code, n.document) for n in report.notices if n.code == "long-line"] == [
        ("long-line", "flattened")]
    notice = next(n for n in report.notices if n.code == "long-line")
    assert f"a line of {len(flat):,} characters" in notice.message and "no heading" in notice.message
    # its sentences are found all the same, and one per line when the lines are the sentences
    assert len(report.base.content_indices) >= len(report.rewrites[0].content_indices) - 5
    presplit = long_line_notice(read_document(flat, role="base", presplit_lines=True), presplit=True)
    assert presplit is not None and "compared as one sentence" in presplit.message
