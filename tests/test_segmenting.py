"""The splitter on the example corpus's quirks, with exact offsets into the text as read."""

from __future__ import annotations

import pytest

from drift.reading import read_text
from drift.segmenting import is_furniture, presplit, split_sentences


def sentences_of(path):
    text = read_text(path).text
    return text, split_sentences(text, "en")


def texts(text, sentences, boilerplate=None):
    return [text[s.start:s.end] for s in sentences if boilerplate is None or s.boilerplate == boilerplate]


@pytest.mark.parametrize("doc", ["000", "001", "002", "003", "004"])
def test_offsets_index_the_text_as_read_and_never_overlap(seeds, doc):
    text, sentences = sentences_of(seeds[doc])
    previous_end = 0
    for s in sentences:
        assert previous_end <= s.start < s.end <= len(text)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        previous_end = s.end
    # Nothing but whitespace lies between sentences: no text is lost.
    covered = "".join(text[s.start:s.end] for s in sentences)
    assert "".join(covered.split()) == "".join(text.split())


def test_a_multi_sentence_quotation_stays_one_sentence(seeds):
    text, sentences = sentences_of(seeds["002"])
    assert ("“We do not want a slave’s peace, nor the peace of colonies! Colony, never! Slaves, never!” "
            "he said.") in texts(text, sentences)


def test_us_abbreviation_does_not_end_a_sentence(seeds):
    text, sentences = sentences_of(seeds["003"])
    assert any(t.startswith("The U.S. presence reportedly includes around 15,000 troops")
               and t.endswith("aircraft carrier group.") for t in texts(text, sentences))


def test_a_closing_quote_glued_to_the_next_word_is_kept_inside_its_sentence(seeds):
    text, sentences = sentences_of(seeds["001"])
    glued = [t for t in texts(text, sentences) if "freedom”rejecting" in t]
    assert len(glued) == 1 and glued[0].startswith("In his speech to thousands of supporters")


def test_headings_and_headlines_without_final_punctuation_are_their_own_sentences(seeds):
    text, sentences = sentences_of(seeds["001"])
    content = texts(text, sentences, boilerplate=False)
    assert "Maduro says he has 5,000 Russian missiles to defend himself against the US" in content
    text, sentences = sentences_of(seeds["002"])
    assert "Trump-Maduro call" in texts(text, sentences, boilerplate=False)


@pytest.mark.parametrize("doc, furniture", [
    ("002", ["Recommended Stories", "list of 4 itemsend of list"]),
    ("000", ["Source: Aljazeera", "Leave a Reply"]),
    ("001", ["Miraflores Press / EPA", "Source link", "News Room USA | LNG in Northern BC"]),
    ("003", ["1. HOME", "2. POLITICS", "• Last update: 3 days ago", "• 3 min read", "• 29 Views",
             "Author: Sophia Brooks", "Share"]),
    ("004", ["Leave a Reply", "Your email address will not be published. Required fields are marked *"]),
])
def test_page_furniture_is_boilerplate(seeds, doc, furniture):
    text, sentences = sentences_of(seeds[doc])
    assert set(furniture) <= set(texts(text, sentences, boilerplate=True))


def test_a_headline_repeated_in_breadcrumbs_is_content_once(seeds):
    text, sentences = sentences_of(seeds["003"])
    headline = ("Maduro refuses to accept a peace deal imposed by force for Venezuela amid increased "
                "pressure from the US")
    assert texts(text, sentences, boilerplate=False).count(headline) == 1
    assert sum(headline in t for t in texts(text, sentences, boilerplate=True)) == 2


@pytest.mark.parametrize("line", [
    "By the end of the week, the ministry said 40 people had left.",
    "Images of the rally showed thousands waving flags.",
    "Share prices fell by 3 percent on Monday.",
    "Source of the leak remains unknown, officials said.",
    "1. The army withdrew from the border on Monday, the ministry said.",
])
def test_article_sentences_that_start_like_furniture_are_content(line):
    assert not is_furniture(line)


def test_presplit_gives_one_sentence_per_line_and_marks_no_furniture():
    text = "Recommended Stories\n  Erste Zeile .  \n\nZweite Zeile\n"
    assert [text[s.start:s.end] for s in presplit(text)] == ["Recommended Stories", "Erste Zeile .",
                                                              "Zweite Zeile"]
    assert not any(s.boilerplate for s in presplit(text))


def test_french_and_german_text_split_with_their_own_rules():
    text = "M. Dupont est arrivé à 10 h. Il a dit: « Non. » Puis il est parti."
    assert len(split_sentences(text, "fr")) >= 2
    german = "Der Präsident sprach am 3. Oktober in Caracas. Tausende hörten zu."
    assert [german[s.start:s.end] for s in split_sentences(german, "de")] == [
        "Der Präsident sprach am 3. Oktober in Caracas.", "Tausende hörten zu."]
