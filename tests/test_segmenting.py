"""The splitter on the example corpus's quirks, with exact offsets into the text as read."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift.language import detect_language
from drift.reading import read_text
from drift.segmenting import (
    hide_apostrophes,
    is_furniture,
    is_standalone,
    presplit,
    reading_words,
    split_sentences,
)


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


# -- every script: sentence ends, quotes, abbreviations, ordinal dots, stray dots, apostrophes ----------

def split(text, language=None):
    return [text[s.start:s.end] for s in split_sentences(text, language)]


@pytest.mark.parametrize("language", [None, "zh"])
def test_chinese_full_stops_end_sentences_and_quotes_stay_with_theirs(language):
    text = "“我们不会放弃。”部长周二说。会谈将于下月继续！是否达成协议？尚不清楚。"
    assert split(text, language) == ["“我们不会放弃。”部长周二说。", "会谈将于下月继续！", "是否达成协议？",
                                     "尚不清楚。"]


def test_japanese_quotations_with_a_quotative_particle_stay_one_sentence():
    text = "「来週また来ます。」と首相は述べた。「はい。」「いいえ。」東京は晴れ。"
    assert split(text) == ["「来週また来ます。」と首相は述べた。", "「はい。」", "「いいえ。」",
                           "東京は晴れ。"]


@pytest.mark.parametrize("language", [None, "hi", "mr"])
def test_devanagari_dandas_and_latin_stops_end_hindi_sentences(language):
    text = "मंत्री ने कहा कि बातचीत जारी रहेगी। अगली बैठक सोमवार को होगी॥ क्या समझौता होगा? यह तय नहीं है."
    assert len(split(text, language)) == 4


def test_arabic_question_marks_end_sentences_commas_and_initials_do_not():
    text = "هل سيعود الوفد؟ قال م. سامي، المتحدث باسم الوزارة، إن الاجتماع انتهى. وسيستأنف غدا."
    assert split(text, "ar") == ["هل سيعود الوفد؟", "قال م. سامي، المتحدث باسم الوزارة، إن الاجتماع انتهى.",
                                 "وسيستأنف غدا."]


def test_thai_sentences_end_at_a_space_and_khmer_at_its_full_stop():
    assert split("รัฐบาลประกาศมาตรการใหม่ ประชาชนต้องลงทะเบียนภายในเดือนนี้") == [
        "รัฐบาลประกาศมาตรการใหม่", "ประชาชนต้องลงทะเบียนภายในเดือนนี้"]
    assert len(split("រដ្ឋាភិបាលបានប្រកាសវិធានការថ្មី។ ប្រជាជនត្រូវចុះឈ្មោះ។")) == 2


@pytest.mark.parametrize("text, language, expected", [
    ("Die Schweizerin belegte den 20. Platz. Ihre Teamkollegin wurde Dritte.", "de",
     ["Die Schweizerin belegte den 20. Platz.", "Ihre Teamkollegin wurde Dritte."]),
    ("Polska awansowała z 20. na 22. miejsce w rankingu. Trener był zadowolony.", "pl",
     ["Polska awansowała z 20. na 22. miejsce w rankingu.", "Trener był zadowolony."]),
    ("Tým skončil na 3. místě a postoupil. Fanoušci slavili.", "cs",
     ["Tým skončil na 3. místě a postoupil.", "Fanoušci slavili."]),
])
def test_ordinal_dots_stay_inside_sentences(text, language, expected):
    assert split(text, language) == expected


def test_an_akshara_abbreviation_goes_on_where_sentences_end_with_the_danda():
    """मि. (Mr.) and डॉ. (Dr.) are one letter with its vowel sign; where the danda ends sentences the
    dot marks abbreviations, but a text that ends its sentences with dots is split at them."""
    assert split("मि. चेन ने कई लेख लिखे थे। डॉ. शर्मा ने कहा कि अस्पताल खुला है।", "hi") == [
        "मि. चेन ने कई लेख लिखे थे।", "डॉ. शर्मा ने कहा कि अस्पताल खुला है।"]
    assert split("वह घर पर है. वह खुश है.", "hi") == ["वह घर पर है.", "वह खुश है."]


def test_abbreviations_and_domains_go_on_but_a_sentence_after_a_full_word_stays():
    assert split("Der Aufstieg dauert ca. zwei Stunden, ab Hütte 40 Min. bis zum Grat. Dann folgt "
                 "der Abstieg.", "de") == ["Der Aufstieg dauert ca. zwei Stunden, ab Hütte 40 Min. bis "
                                          "zum Grat.", "Dann folgt der Abstieg."]
    assert len(split("Server Aktuálně.cz o tom napsal v úterý. Ministr to odmítl.", "cs")) == 2
    assert split("Troops arrived in the Caribbean. washington sent more ships.", "en") == [
        "Troops arrived in the Caribbean.", "washington sent more ships."]


def test_a_run_of_stray_ocr_dots_is_no_sentence():
    text = "La séance a eu lieu jeudi .. Le maire a présenté le budget. Il a été adopté."
    assert split(text, "fr") == ["La séance a eu lieu jeudi ..", "Le maire a présenté le budget.",
                                 "Il a été adopté."]


def test_elision_apostrophes_and_typewriter_quotes_hide_no_sentence_end():
    text = ("Rock 'n' roll filled 's-Gravenhage last night. Fans waited for hours. Click ''Buy'' to "
            "order. The band's manager was pleased.")
    assert len(split(text, "en")) == 4


def test_only_apostrophes_that_cannot_pair_as_quotes_are_hidden_from_the_splitter():
    text = "'We will stay,' the mayor of 's-Gravenhage said. The players' ''union'' agreed."
    masked = hide_apostrophes(text)
    assert len(masked) == len(text)
    assert [i for i, (a, b) in enumerate(zip(text, masked, strict=True)) if a != b] == [
        text.index("'s-"), text.index("' ''"), text.index("''union"), text.index("''union") + 1,
        text.index("'' agreed"), text.index("'' agreed") + 1]


def test_nfd_text_splits_like_nfc_with_offsets_into_the_nfd_text():
    import unicodedata

    text = "Le maire de Besançon a parlé à l'été. Renée a répondu."
    nfd = unicodedata.normalize("NFD", text)
    assert [unicodedata.normalize("NFC", s) for s in split(nfd, "fr")] == split(text, "fr")


# -- long headlines and headlines ending on a quotation -----------------------------------------------

def test_a_long_headline_in_title_case_and_one_ending_on_a_quote_are_headings():
    lines = ["Opposition Leaders Reject the Budget Deal as Protests Spread Across Four Northern Provinces",
             "Mayor: City Will Rebuild the Bridge “Stronger Than Before”",
             "The mayor said the city would rebuild the bridge “stronger than before.”",
             "Protests spread across four northern provinces on Sunday as opposition leaders rejected "
             "the budget deal",
             "Die Regierung hat am Montag in Berlin einen neuen Plan für die Energie des Landes vorgestellt"]
    text = "\n".join(lines)
    starts = [sum(len(x) + 1 for x in lines[:k]) for k in range(len(lines))]
    flags = [is_standalone(text, s, s + len(x)) for s, x in zip(starts, lines, strict=True)]
    # 13 words in title case; a quoted phrase without a full stop; a quoted sentence ending in one;
    # 17 words in sentence case; a German sentence (nouns capitalised, not title case)
    assert flags == [True, True, False, False, False]


# -- headings in scripts without spaces ----------------------------------------------------------------

def test_a_chinese_sentence_is_not_a_heading_but_a_short_title_line_is():
    text = ("第一章 新医院\n市政府周一宣布，新医院将于明年五月开放，总投资为五百亿元，"
            "官员表示医院将提供八百张床位\n正文。")
    title, long_line = text.split("\n")[:2]
    assert is_standalone(text, 0, len(title))
    start = len(title) + 1
    assert not is_standalone(text, start, start + len(long_line))  # long: about 23 words
    assert not is_standalone(text, len(text) - 3, len(text))  # ends with a full stop


def test_reading_words_count_characters_of_scripts_without_spaces():
    assert reading_words("Trump confirmed the call") == 4
    assert reading_words("新医院将于明年五月开放") == 6
    assert reading_words("รัฐบาลประกาศ") == 6


# -- language identification --------------------------------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("医院将提供800张床位。", "zh"), ("病院は来月開きます。", "ja"), ("병원이 문을 연다.", "ko"),
    ("बैठक सोमवार को होगी।", "hi"), ("ประชาชนต้องลงทะเบียน", "th"), ("قال الوزير إن", "ar"),
    ("הממשלה הודיעה", "he"), ("Η κυβέρνηση", "el"),
])
def test_the_script_decides_the_language_of_one_short_sentence(text, language):
    assert detect_language(text) == language


def test_statistics_decide_latin_and_cyrillic_text_and_short_latin_text_gets_none():
    assert detect_language("Der Präsident sprach am Montag vor Tausenden in der Hauptstadt.") == "de"
    assert detect_language("Президент выступил в понедельник перед тысячами людей в столице.") == "ru"
    assert detect_language("Hola.") is None


def test_demetr_source_sentences_get_their_language():
    import json
    from pathlib import Path

    path = (Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "demetr-dev"
            / "base_id35_reference.jsonl")
    if not path.exists():
        pytest.skip(f"demetr-dev is not there ({path})")
    codes = {"chinese_simple": "zh", "japanese": "ja", "hindi": "hi"}
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for item in items:
        if item["lang_tag"] in codes:
            assert detect_language(item["src_sent"]) == codes[item["lang_tag"]], item["src_sent"]


# -- a page flattened to one line -------------------------------------------------------------------

TEXTBERG_DEV = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "textberg" / "dev" / "dev.de"


def _flattened(seeds, name: str) -> tuple[str, str]:
    """A text of the development data with its line breaks made spaces, and its language."""
    if name == "textberg-dev":
        if not TEXTBERG_DEV.is_file():
            pytest.skip(f"{TEXTBERG_DEV} is not here")
        return " ".join(TEXTBERG_DEV.read_text(encoding="utf-8").splitlines()[:80]), "de"
    return " ".join(read_text(seeds[name]).text.split()), "en"


@pytest.mark.parametrize("name", ["002", "003", "textberg-dev"])
def test_a_long_line_is_split_in_windows_exactly_as_whole(seeds, name, monkeypatch):
    from drift import segmenting

    line, language = _flattened(seeds, name)
    whole = segmenting.sentence_spans(line, language)
    monkeypatch.setattr(segmenting, "PYSBD_WINDOW", 1200)  # the windows a 225 KB line gets, scaled down
    monkeypatch.setattr(segmenting, "PYSBD_OVERLAP", 400)
    read: list[int] = []
    segmenter = segmenting._pysbd(language)

    class Counted:
        def segment(self, text):
            read.append(len(text))
            return segmenter.segment(text)

    monkeypatch.setattr(segmenting, "_pysbd", lambda _: Counted())
    assert len(line) > 3 * 1200 and len(whole) > 20
    assert segmenting.sentence_spans(line, language) == whole
    # never the whole line at once: pysbd's time grows with the square of what it reads
    assert max(read) <= 2 * 1200 and sum(read) < 3 * len(line)


def test_a_window_holding_one_long_sentence_grows_until_the_sentence_ends(monkeypatch):
    from drift import segmenting

    monkeypatch.setattr(segmenting, "PYSBD_WINDOW", 200)
    monkeypatch.setattr(segmenting, "PYSBD_OVERLAP", 50)
    long = "The council met " + "and argued about the budget " * 30 + "until late on Monday."
    line = f"{long} The mayor resigned. Nobody was surprised."
    assert [line[s:e].strip() for s, e in segmenting.pysbd_spans(line, "en")] == [
        long, "The mayor resigned.", "Nobody was surprised."]


def test_a_one_line_page_has_no_headings_and_its_long_line_is_counted(seeds):
    from drift.segmenting import LONG_LINE, long_lines

    text = " ".join([read_text(seeds[k]).text.replace("\n", " ") for k in sorted(seeds)] * 3)
    assert len(text) > LONG_LINE and long_lines(text) == [len(text)]
    assert long_lines(read_text(seeds["002"]).text) == []
    sentences = split_sentences(text, "en")
    assert not any(is_standalone(text, s.start, s.end) for s in sentences)
