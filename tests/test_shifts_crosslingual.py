"""Shifts across languages: negation on one side only, names across scripts, he ↔ she, and no
English word rule on a foreign document."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift.parsing import parser_available
from drift.pipeline import read_document
from drift.report import Document
from drift.shifts import addition_shift, detect_shifts, omission_shift
from drift.shifts.crosslingual import hindi_romanised, skeleton
from drift.shifts.negators import NEGATORS, negated

CASES = Path(__file__).resolve().parents[2] / "shared" / "cases"


def case(name: str, base_language: str) -> tuple[Document, Document]:
    folder = CASES / name
    if not folder.is_dir():
        pytest.skip(f"shared case {name} is not here ({CASES})")
    return (read_document((folder / "base.txt").read_text(encoding="utf-8"), role="base",
                          language=base_language),
            read_document((folder / "rewrite.txt").read_text(encoding="utf-8"), role="rewrite",
                          language="en"))


def one(text: str, language: str, role: str = "base") -> Document:
    return read_document(text, role=role, language=language)


def words(doc: Document, span) -> str:
    return doc.text[span[0]:span[1]] if span else ""


def test_a_negation_added_in_the_translation_is_severity_3_on_the_verb():
    b, r = case("21-es-en-negation", "es")
    (shift,) = detect_shifts(b, r, (0,), (0,))
    assert (shift.type, shift.severity) == ("negation", 3)
    assert words(b, shift.base_span) == "aprobó"
    assert words(r, shift.rewrite_span) == "did not approve"
    assert detect_shifts(b, r, (1,), (1,)) == []


def test_no_english_omission_rules_on_spanish_words():
    b, r = case("21-es-en-negation", "es")
    assert omission_shift(b, (1,), rewrite=r).severity == 1  # no figure, no name lost


def test_names_across_scripts_and_inflections_are_the_same():
    b, r = case("22-ru-en-names", "ru")
    for i in range(len(b.sentences)):
        assert detect_shifts(b, r, (i,), (i,)) == []


def test_a_name_replaced_across_scripts_is_a_key_change():
    b = one("Владимир Путин встретился с Эммануэлем Макроном в Москве.", "ru")
    r = one("Vladimir Putin met Olaf Scholz in Moscow.", "en", "rewrite")
    found = [s for s in detect_shifts(b, r, (0,), (0,)) if s.type == "entity"]
    assert [(s.severity, words(r, s.rewrite_span)) for s in found] == [(2, "Olaf Scholz")]
    assert words(b, found[0].base_span) == "Эммануэлем Макроном"


def test_a_name_dropped_across_languages_is_a_key_change():
    b = one("Hoy el presidente Pedro Sánchez visitó Valencia.", "es")
    r = one("Today the president visited Valencia.", "en", "rewrite")
    found = [s for s in detect_shifts(b, r, (0,), (0,)) if s.type == "entity"]
    assert [(s.severity, words(b, s.base_span)) for s in found] == [(2, "Pedro Sánchez")]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Nikdy jsem to neviděl.", "cs", True),
    ("Nikt nic nie powiedział.", "pl", True),  # negative concord: one negation
    ("Он ни разу не был там.", "ru", True),
    ("No dijo nada.", "es", True),
    ("Il ne mange que du pain.", "fr", False),  # ne … que is "only"
    ("Neapol vyhrál.", "cs", False),  # a name, not a ne- verb
    ("这是非常好的未来。", "zh", False),
    ("他没有来。", "zh", True),
    ("彼は来なかった。", "ja", True),
    ("वह नहीं आया।", "hi", True),
])
def test_clause_negators_per_language(text, language, expected):
    assert negated(text, language) is expected


def test_negator_lists_cover_the_multilingual_models_languages_with_sources():
    wanted = {"ar", "zh", "nl", "en", "fr", "de", "it", "ja", "ko", "pl", "pt", "ru", "es", "th", "tr",
              "hi", "cs"}
    assert wanted <= set(NEGATORS)
    assert all("Universal Dependencies" in NEGATORS[x].source for x in wanted)


def test_he_for_she_across_languages():
    b = one("她被拘留，等待起诉。", "zh")
    r = one("He is in custody pending prosecution.", "en", "rewrite")
    found = [s for s in detect_shifts(b, r, (0,), (0,)) if s.type == "entity"]
    assert [(s.severity, words(r, s.rewrite_span)) for s in found] == [(2, "He")]
    faithful = one("She is in custody pending prosecution.", "en", "rewrite")
    assert detect_shifts(b, faithful, (0,), (0,)) == []


def test_a_left_out_foreign_sentence_is_judged_by_its_figures_and_names():
    b, r = case("20-zh-en-number", "zh")
    dropped = omission_shift(b, (0,), rewrite=r)
    assert dropped.severity == 2 and "三百" in dropped.explanation
    added = addition_shift(r, (1,), base=b)
    assert added.severity == 1  # no figure or name the base lacks


@pytest.mark.parametrize(("a", "b"), [("moscow", "moskve"), ("google", "gugl"), ("yahoo", "yahu")])
def test_consonant_skeletons_carry_names_across_spellings(a, b):
    assert skeleton(b).startswith(skeleton(a)[:2])


@pytest.mark.parametrize(("base", "language", "rewrite"), [
    ("Jak powiedziała dziennikarzom, liczba jest zatrważająca.", "pl",
     "The number is alarming, he told reporters."),
    ("长野县一名40多岁的女性感染了新冠病毒。", "zh",
     "A person in his 40s in Nagano was infected with the coronavirus."),
])
def test_he_for_she_from_verb_agreement_and_person_nouns(base, language, rewrite):
    b, r = one(base, language), one(rewrite, "en", "rewrite")
    assert [s.type for s in detect_shifts(b, r, (0,), (0,)) if s.severity >= 2] == ["entity"]


def entity_words(base: str, language: str, rewrite: str) -> list[tuple[str, str]]:
    """(base words, rewrite words) of each entity shift of severity ≥ 2 on a one-sentence link."""
    b, r = one(base, language), one(rewrite, "en", "rewrite")
    return [(words(b, s.base_span), words(r, s.rewrite_span))
            for s in detect_shifts(b, r, (0,), (0,)) if s.type == "entity" and s.severity >= 2]


@pytest.mark.parametrize(("base", "language", "faithful", "replaced", "expected"), [
    # Chinese read in Pinyin, phrase readings included (重庆 chongqing)
    ("记者在重庆见到了特朗普。", "zh", "Reporters met Trump in Chongqing.",
     "Reporters met Scholz in Chongqing.", "Scholz"),
    # Japanese kana read in Hepburn, kanji by their Japanese readings
    ("ブランソン氏は大阪に戻った。", "ja", "Branson returned to Osaka.", "Branson returned to Lisbon.",
     "Lisbon"),
    # a Japanese place written in Chinese: read in its Japanese kanji forms (长野 = 長野, Nagano)
    ("长野县的一名女性感染了病毒。", "zh", "A woman in Nagano was infected with the virus.",
     "A woman in Bavaria was infected with the virus.", "Bavaria"),
    ("श्री शर्मा ने दिल्ली में भाषण दिया।", "hi", "Mr Sharma gave a speech in Delhi.",
     "Mr Sharma gave a speech in Lahore.", "Lahore"),
])
def test_names_across_unspaced_scripts(base, language, faithful, replaced, expected):
    assert entity_words(base, language, faithful) == []
    assert [r for _, r in entity_words(base, language, replaced)] == [expected]


@pytest.mark.parametrize(("base", "language", "rewrite", "dropped"), [
    ("习近平在北京发表讲话。", "zh", "The president gave a speech in Beijing.", "习近平"),  # jieba's nr
    ("仙台市で地震があった。", "ja", "There was an earthquake in the city.", "仙台"),  # IPADIC's 地域
    ("श्री शर्मा ने दिल्ली में भाषण दिया।", "hi", "The minister gave a speech in Delhi.", "शर्मा"),
    ("La ONU pidió una tregua en Gaza.", "es", "A truce in Gaza was requested.", "ONU"),
    ("एफ.बी.आई. ने जांच शुरू की।", "hi", "The agency began an investigation.", "एफ.बी.आई."),  # letter names
])
def test_a_name_dropped_from_a_source_without_capitals(base, language, rewrite, dropped):
    assert (dropped, "") in entity_words(base, language, rewrite)


@pytest.mark.parametrize(("base", "language", "rewrite"), [
    ("La ONU pidió una tregua.", "es", "The UN called for a truce."),  # an acronym in another order
    ("Il Regno Unito ha votato.", "it", "The UK voted."),  # a place by its initials
    ("Il romanzo è stato tradotto dal tedesco.", "it", "The novel was translated from German."),
    ("Hejtman Jiří Čunek přijel.", "cs", "Czech Governor Jiří Čunek arrived."),  # most words carried
    ("唐山は昨季８ゴール。", "ja", "Toyama scored 8 goals last season."),  # a kanji name read two ways
    ("एफ.बी.आई. ने जांच शुरू की।", "hi", "The FBI began an investigation."),
])
def test_names_translated_or_read_otherwise_are_carried(base, language, rewrite):
    assert entity_words(base, language, rewrite) == []


@pytest.mark.parametrize(("a", "la", "b", "lb"), [
    ("Trump", "en", "te'lang'pu", "zh"), ("Houston", "en", "xiu'si'dun", "zh"),
    ("Brumbies", "en", "bu'ra'n'bi'zu", "ja"), ("Washington", "en", "Vashington", "ru"),
    ("Federation", "en", "federatsii", "ru"), ("Dowden", "en", "Dauden", "ru"),
])
def test_phonetic_keys_across_romanisations(a, la, b, lb):
    from drift.shifts.crosslingual import _similar

    assert _similar(a.lower(), b.replace("'", "").lower(), skeleton(a.lower(), la), skeleton(b.lower(), lb))


@pytest.mark.parametrize(("a", "b", "kind"), [
    ("syria", "zuruckgekehrt", "word"), ("spain", "been", "word"), ("uber", "brno", "word"),
    ("mattel", "neutral", "lower"),  # a lower-case word must share letters too
])
def test_phonetic_keys_do_not_carry_unrelated_words(a, b, kind):
    from drift.shifts.crosslingual import _similar

    assert not _similar(a, b, kind=kind)


@pytest.mark.parametrize(("base", "language", "faithful", "swapped"), [
    # the only person named has a man's given name; Spanish "su" shows no gender
    ("Juan Pérez dijo que su equipo ganaría.", "es", "Juan Pérez said his team would win.",
     "Juan Pérez said her team would win."),
    # Hindi progressive agrees with its subject: रही (feminine)
    ("वह कल दिल्ली जा रही है।", "hi", "She is going to Delhi tomorrow.", "He is going to Delhi tomorrow."),
    # Russian oblique pronoun её (her)
    ("Агентство цитирует её слова.", "ru", "The agency quotes her words.", "The agency quotes his words."),
])
def test_he_for_she_from_names_agreement_and_oblique_pronouns(base, language, faithful, swapped):
    assert entity_words(base, language, faithful) == []
    assert len(entity_words(base, language, swapped)) == 1


def test_a_second_person_german_leaves_ungendered_may_be_she_while_every_he_is_kept():
    # German "sie" is also "they": the base marks only the man, the translation names both
    base = "Sie stellte eine Frage über seine Familie."
    assert entity_words(base, "de", "She asked a question about his family.") == []
    # ... but a reference to him turned into "her" loses one of the base's masculine references
    assert len(entity_words("Er sprach über seine Familie.", "de", "He spoke about her family.")) == 1


def test_a_kinship_noun_is_not_the_gender_of_the_person_referred_to():
    # 祖母 (grandmother) is the relative's gender: "his grandmother" refers by "his" to someone else
    assert entity_words("渡辺さんの遺体は祖母の家の近くで見つかった。", "ja",
                        "Watanabe's body was found near his grandmother's house.") == []


def test_might_is_not_a_negation_in_japanese():
    assert negated("明日は雨が降るかもしれません。", "ja") is False


def test_a_negation_added_to_a_chinese_translation_marks_the_verb_it_negates():
    b = one("委员会建议总统辞职。", "zh")
    r = one("The committee did not recommend that the president resign.", "en", "rewrite")
    (shift,) = [s for s in detect_shifts(b, r, (0,), (0,)) if s.type == "negation"]
    assert words(b, shift.base_span) == "建议"  # the bilingual lexicon's word for "recommend"
    assert words(r, shift.rewrite_span) == "did not recommend"


# -- places named in Chinese by meaning or by a first syllable ------------------------------------

@pytest.mark.skipif(not parser_available(), reason="the English parser is not installed")
@pytest.mark.parametrize(("source", "translation", "severity"), [
    # a state shortened to its first syllable (加州 jiazhou, California): the same place, at most a check
    ("加州昨天发生了一场大火，烧毁了两百座房屋。", "A large fire broke out in California yesterday, "
     "destroying two hundred houses.", 1),
    # another place that does not start as the source's does: a changed name
    ("加州昨天发生了一场大火，烧毁了两百座房屋。", "A large fire broke out in Oregon yesterday, "
     "destroying two hundred houses.", 2),
])
def test_a_chinese_place_given_by_meaning_or_first_syllable_is_at_most_a_check(source, translation, severity):
    b, r = one(source, "zh"), one(translation, "en", "rewrite")
    found = [s for s in detect_shifts(b, r, (0,), (0,)) if s.type == "entity"]
    assert max((s.severity for s in found), default=0) == severity, found


# -- negative forms that do not negate: bounds and Japanese constructions --------------------------

@pytest.mark.parametrize(("text", "language", "is_negated"), [
    # a negated comparative is a bound: "no fewer than 12" is "at least 12"
    ("لقي ما لا يقل عن 12 شخصا حتفهم في الفيضانات.", "ar", False),
    ("В результате наводнения погибли не менее 12 человек.", "ru", False),
    ("Bei dem Hochwasser starben nicht weniger als zwölf Menschen.", "de", False),
    ("洪水造成不少于12人死亡。", "zh", False),
    # … but "nicht mehr" without "als" is "no longer"
    ("Die Fähre fährt nicht mehr.", "de", True),
    # Japanese: "was forced to", "must", "may" hold negative forms; a plain negative is one
    ("大雨で住民は避難を余儀なくされた。", "ja", False),
    ("住民は避難しなければならない。", "ja", False),
    ("明日は雨が降るかもしれません。", "ja", False),
    ("住民は避難しなかった。", "ja", True),
])
def test_bounds_and_fixed_constructions_are_no_negation(text, language, is_negated):
    assert negated(text, language) is is_negated


@pytest.mark.parametrize(("base", "rewrite", "dropped"), [
    # a given name, romanised with schwa deletion, and the surname after it
    ("बैठक में कीथ ब्राउन ने नई योजना पेश की।", "At the meeting, the new plan was presented.", "कीथ ब्राउन"),
    ("पुलिस ने कहा कि जाहिद घर पर नहीं था।", "The police said that he was not at home.", "जाहिद"),
    # a word spelt with the English vowel (ऑ, ॉ)
    ("कल रात ऑरेगोन में बर्फ गिरी।", "Snow fell last night in the state.", "ऑरेगोन"),
    # a CLDR name of two words
    ("संयुक्त राष्ट्र ने युद्धविराम की मांग की।", "A ceasefire was demanded.", "संयुक्त राष्ट्र"),
    # a word Hindi rarely uses, as the agent before ने
    ("सुनवाई के बाद हेगरटी ने बयान दिया।", "After the hearing, a statement was issued.", "हेगरटी"),
    # ... or before a place noun, and not carried by a name of the same consonants (Bhadohi)
    ("होटल भीटी गांव के पास है।", "The hotel is near Bhadohi.", "भीटी"),
])
def test_a_name_dropped_from_a_hindi_source(base, rewrite, dropped):
    pytest.importorskip("wordfreq")
    assert (dropped, "") in entity_words(base, "hi", rewrite)


@pytest.mark.parametrize(("base", "rewrite"), [
    ("बैठक में कीथ ब्राउन ने नई योजना पेश की।", "At the meeting, Keith Brown presented the new plan."),
    ("कल रात ऑरेगोन में बर्फ गिरी।", "Snow fell in Oregon last night."),
    ("कार में इंटरकॉम सिस्टम है।", "The car has an intercom system."),  # a loan word, no name
    ("संयुक्त राष्ट्र ने युद्धविराम की मांग की।", "The United Nations demanded a ceasefire."),
    ("सुनवाई के बाद हेगरटी ने बयान दिया।", "After the hearing, Hegarty made a statement."),
    ("होटल भीटी गांव के पास है।", "The hotel is near Bhiti village."),
    # common words that spell given names: विशाल "vast" (Vishal), हाल "recent" (Hal)
    ("हाल ही में एक विशाल पुल बना।", "A vast bridge was built recently."),
    # a rare word after a genitive is the head of the phrase, not a name
    ("योजना के आरम्भण ने सबको चौंकाया।", "The start of the plan surprised everyone."),
])
def test_hindi_names_carried_and_hindi_words_that_are_no_names(base, rewrite):
    pytest.importorskip("wordfreq")
    assert entity_words(base, "hi", rewrite) == []


@pytest.mark.parametrize(("word", "spelling"), [
    ("राजीव", "rajiv"), ("मनमोहन", "manmohan"), ("कीथ", "keith"), ("जाहिद", "jahid"), ("शर्मा", "sharma"),
])
def test_hindi_words_romanised_as_english_spells_names(word, spelling):
    assert spelling in hindi_romanised(word)


@pytest.mark.parametrize(("base", "language", "faithful", "dropped", "name"), [
    # a transliterated name outside jieba's dictionary, which its HMM tags as a person's
    ("帕利说，舰队将很快出发。", "zh", "Parly said the fleet would leave soon.",
     "The fleet would leave soon, it was said.", "帕利"),
    # a katakana name IPADIC lacks
    ("ブランビーズが快勝した。", "ja", "The Brumbies won easily.", "The team won easily.", "ブランビーズ"),
    # a short name is not carried by another of the same consonants (中国 chuugoku, Shikoku)
    ("中国と四国で雨が降った。", "ja", "It rained in Chugoku and Shikoku.", "It rained in Shikoku.", "中国"),
    # an exonym is carried by English words spelt alike, not by a word that only sounds alike
    ("成都的领馆覆盖中国西南部。", "zh", "The Chengdu consulate covers southwestern China.",
     "The Chengdu consulate covers the southwest.", "中国"),
])
def test_a_name_dropped_from_a_cjk_source_and_carried_by_its_translation(base, language, faithful, dropped,
                                                                         name):
    assert entity_words(base, language, faithful) == []
    assert (name, "") in entity_words(base, language, dropped)


@pytest.mark.parametrize(("base", "language", "rewrite", "expected"), [
    # an acronym spelt letter by letter is carried by its letters, not by a word that sounds alike
    ("एन.एस.ए. के प्रवक्ता ने बयान दिया।", "hi", "The NSA's spokesman made a statement.", []),
    ("एन.एस.ए. के प्रवक्ता ने बयान दिया।", "hi", "The National Security Agency spoke.", []),
    ("एन.एस.ए. के प्रवक्ता ने बयान दिया।", "hi", "The News spokesman made a statement.", [("एन.एस.ए.", "")]),
    # a short English name is not carried by any Hindi word of its consonants (पर "on")
    ("इस परियोजना पर सरकार काम करेगी।", "hi", "Paul Bwelle will work on this project.", [("", "Paul Bwelle")]),
    # a country by the initials of its English name
    ("美国驻成都领馆关闭了。", "zh", "The U.S. consulate in Chengdu closed.", []),
])
def test_acronyms_and_short_names_across_scripts(base, language, rewrite, expected):
    assert entity_words(base, language, rewrite) == expected


@pytest.mark.parametrize(("rewrite", "expected"), [
    ("Yesterday the culture minister of France, Jean Dupont, opened the exhibition.", []),
    ("Yesterday the UK culture minister opened the exhibition.", [("Жан Дюпон", "")]),
])
def test_a_place_before_a_persons_name_is_a_name_of_its_own(rewrite, expected):
    base = "Вчера министр культуры Великобритании Жан Дюпон открыл выставку."
    if "France" in rewrite:
        base = base.replace("Великобритании", "Франции")
    assert entity_words(base, "ru", rewrite) == expected
