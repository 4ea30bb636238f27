"""Antonyms across languages (drift/shifts/bilingual.py) and the bilingual lexicons under them
(drift/bilingual.py, drift/data/bilingual/, built by scripts/build_bilingual.py)."""

from __future__ import annotations

import gzip
import os
import subprocess
from pathlib import Path

import pytest

from drift.bilingual import LANGUAGES, Translation, translations
from drift.report import Document, Sentence
from drift.shifts import detect_shifts
from drift.shifts.bilingual import detect, source_words
from drift.shifts.registry import LinkContext, detectors
from drift.shifts.text import Side

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "drift" / "data" / "bilingual"


def doc(text: str, language: str, role: str = "base") -> Document:
    return Document(role, role, text, (Sentence(0, len(text)),), language)


def reversals(source: str, language: str, english: str, severity: int = 3) -> list[tuple[str, str]]:
    """(source words, rewrite words) of the bilingual detector's shifts of ``severity`` on a
    one-sentence link: 3 an antonym, 2 a reversal of value."""
    b, r = doc(source, language), doc(english, "en", "rewrite")
    shifts = detect(LinkContext(Side(b, (0,)), Side(r, (0,)), (), language, "en"))
    assert all(s.type == "reversal" and s.severity in (2, 3) for s in shifts)
    return [(source[s.base_span[0]:s.base_span[1]], english[s.rewrite_span[0]:s.rewrite_span[1]])
            for s in shifts if s.severity == severity]


def antonyms(source: str, language: str, english: str) -> list[tuple[str, str]]:
    return reversals(source, language, english, 3)


@pytest.mark.parametrize("language, source, faithful, reversed_, pair", [
    ("de", "Die Stadt ist sehr groß.", "The city is very big.", "The city is very small.",
     ("groß", "small")),
    ("fr", "Cette décision est très importante pour le pays.",
     "This decision is very important for the country.", "This decision is very trivial for the country.",
     ("importante", "trivial")),
    ("es", "La empresa ganó el partido.", "The company won the match.", "The company lost the match.",
     ("ganó", "lost")),
    ("zh", "这个问题很重要。", "This question is very important.", "This question is very trivial.",
     ("重要", "trivial")),
    # a closed-class opposite WordNet leaves out
    ("fr", "Il est arrivé avant le match.", "He arrived before the match.", "He arrived after the match.",
     ("avant", "after")),
])
def test_an_antonym_of_a_source_word_is_a_reversal_and_its_translation_is_not(language, source, faithful,
                                                                              reversed_, pair):
    assert antonyms(source, language, faithful) == []
    assert antonyms(source, language, reversed_) == [pair]


def test_a_negated_opposite_says_the_same_thing():
    # "nicht klein" → "big" is faithful; "did not lose" for "won" is too
    assert antonyms("La empresa ganó el partido.", "es", "The company did not lose the match.") == []
    assert antonyms("Die Stadt ist nicht klein.", "de", "The city is big.") == []
    assert antonyms("La empresa no ganó el partido.", "es", "The company lost the match.") == []
    # a negator elsewhere in the source does not make every word in it negated
    assert antonyms("Die Stadt ist groß, aber nicht reich.", "de", "The city is small, but not rich.") \
        == [("groß", "small")]


def test_a_japanese_adjective_is_found_by_its_stem_before_the_inflected_ending():
    assert (0, 1, "早い") in source_words("早ければ明日には届く。", "ja")


def test_a_character_inside_a_chinese_compound_is_not_that_word():
    # 开设 (establish) holds 开 (open): "established" is not the opposite of "open" here
    words = {w for _, _, w in source_words("中国在美国开设了第一个总领馆。", "zh")}
    assert "开" not in words


def test_inflected_source_words_are_found_by_their_lemma():
    assert "groß" in {w for _, _, w in source_words("Die größten Städte", "de")}
    # a Polish superlative is naj- and the comparative
    assert "stary" in {w for _, _, w in source_words("To najstarszy dom w mieście.", "pl")}
    assert (2, 8, "inizio") in source_words("L'inizio della gara", "it")  # an elided article
    assert source_words("Он проиграл", "ru") == [(3, 11, "проиграть")]


def test_a_source_word_without_data_or_a_language_without_data_is_no_error():
    assert translations("xx") == {}
    assert antonyms("Zzzz qqqq.", "de", "The city is small.") == []
    b, r = doc("Der Hund bellt.", "de"), doc("Le chien aboie.", "fr", "rewrite")
    assert detect(LinkContext(Side(b, (0,)), Side(r, (0,)), (), "de", "fr")) == []


def test_the_detector_is_registered_for_cross_lingual_links_and_runs_in_the_pipeline():
    det = next(d for d in detectors() if d.name == "crosslingual-antonyms")
    assert det.cross_lingual and det.shift_types == {"reversal"}
    assert det.languages >= LANGUAGES and "en" in det.languages
    shifts = detect_shifts(doc("Die Stadt ist sehr groß.", "de"),
                           doc("The city is very small.", "en", "rewrite"), (0,), (0,))
    assert any(s.type == "reversal" for s in shifts)


def test_translations_carry_their_part_of_speech():
    assert Translation("big", "a") in translations("de")["groß"]
    assert all(t.pos in "nvar" for t in translations("zh")["重要"])


def test_each_data_file_names_its_wordnet_licence_and_the_attribution_lists_it(repo_script):
    attribution = (DATA / "ATTRIBUTION").read_text(encoding="utf-8")
    script = repo_script("build_bilingual")
    assert script.COMMIT in attribution and script.CILI_COMMIT in attribution
    for w in script.WORDNETS:
        header = gzip.decompress((DATA / w.file).read_bytes()).decode("utf-8").split("\n", 1)[0]
        assert w.licence in header and script.COMMIT in header
        assert w.file in attribution and w.licence in attribution
        if w.licence_file:
            assert (DATA / "licences" / f"{w.language}-{w.name}.LICENSE").is_file()
    cedict = gzip.decompress((DATA / script.CEDICT_FILE).read_bytes()).decode("utf-8").split("\n", 1)[0]
    assert script.CEDICT_LICENCE[0] in cedict and script.CEDICT_FILE in attribution
    assert sorted(p.name for p in DATA.glob("*.tsv.gz")) == sorted([*(w.file for w in script.WORDNETS),
                                                                     script.CEDICT_FILE])


def _has_commit(git_dir: str, commit: str) -> bool:
    if not Path(git_dir).exists():
        return False
    check = ["git", "--git-dir", git_dir, "cat-file", "-e", f"{commit}^{{commit}}"]
    return subprocess.run(check, capture_output=True).returncode == 0


@pytest.mark.slow
def test_shipped_data_is_what_the_script_builds_at_the_pinned_commits(tmp_path, repo_script):
    script = repo_script("build_bilingual")
    lexicon_script = script._lexicon_script()
    mirrors = {"omw-data": (os.environ.get("DRIFT_OMW_GIT", script.OMW_GIT), script.COMMIT),
               "cili": (os.environ.get("DRIFT_CILI_GIT", script.CILI_GIT), script.CILI_COMMIT),
               "english-wordnet": (os.environ.get("DRIFT_WORDNET_GIT", lexicon_script.GIT_DIR),
                                   lexicon_script.COMMIT)}
    for name, (git_dir, commit) in mirrors.items():
        if not _has_commit(git_dir, commit):
            pytest.skip(f"no {name} git directory holding {commit} at {git_dir}")
    if script.cedict_path() is None:
        pytest.skip(f"{script.CEDICT[0]} {script.CEDICT[1]} (CC-CEDICT) is not installed")
    script.main(["--omw", mirrors["omw-data"][0], "--cili", mirrors["cili"][0],
                 "--oewn", mirrors["english-wordnet"][0], "--out", str(tmp_path)])
    for name in [*(w.file for w in script.WORDNETS), script.CEDICT_FILE]:
        built, shipped = (gzip.decompress((d / name).read_bytes()) for d in (tmp_path, DATA))
        assert built == shipped
    assert (tmp_path / "ATTRIBUTION").read_text() == (DATA / "ATTRIBUTION").read_text()
    for licence in (DATA / "licences").iterdir():
        assert (tmp_path / "licences" / licence.name).read_bytes() == licence.read_bytes()


def test_a_rewrite_word_derived_from_a_translation_says_the_source_word():
    # сохранение is "retention"; "retaining" says it, so "lost" (потеряла) is no opposite of it
    assert antonyms("Команда потеряла шансы на сохранение места.", "ru",
                    "The team lost its chances of retaining its place.") == []


def test_words_found_at_one_place_are_one_word_said_when_one_of_them_is():
    # "la même" and "même" are readings of one place; "same" says it, and "other" is "autres"
    assert antonyms("Les autres pays font la même chose.", "fr",
                    "The other countries do the same thing.") == []


def test_a_chinese_adjective_written_with_its_particle_in_the_wordnet_is_found():
    # Chinese Open Wordnet writes 国际+的 (international); the text writes 国际
    assert antonyms("这是一个国际问题。", "zh", "This is an international problem.") == []
    assert antonyms("这是一个国际问题。", "zh", "This is a national problem.") == [("国际", "national")]


def test_an_adjective_used_as_an_adverb_is_opposed_by_the_opposite_adverb():
    # German schnell is "fast" and "quickly"; the adverbs WordNet derives from its adjectives count
    assert antonyms("Es hat schnell funktioniert.", "de", "It worked quickly.") == []
    assert antonyms("Es hat schnell funktioniert.", "de", "It worked slowly.") == [("schnell", "slowly")]


@pytest.mark.parametrize("language, source, faithful, reversed_, pair", [
    # enjoy and loathe are no WordNet antonyms, but clearly good and bad (VADER's ratings)
    ("es", "Los niños disfrutan del juego.", "The children enjoy the game.", "The children loathe the game.",
     ("disfrutan", "loathe")),
    ("zh", "他希望了解地球。", "He hopes to understand the Earth.", "He hates to understand the Earth.",
     ("希望", "hates")),
])
def test_a_word_of_opposite_value_to_a_source_word_is_a_reversal_of_severity_2(language, source, faithful,
                                                                                reversed_, pair):
    assert reversals(source, language, faithful, 2) == []
    assert reversals(source, language, reversed_, 2) == [pair]
    assert antonyms(source, language, reversed_) == []


def test_a_chinese_word_only_cc_cedict_knows_is_read_and_a_single_character_is_not_its_opposite():
    # 凶险 (dangerous) is in no wordnet; CC-CEDICT glosses it
    assert antonyms("那里的情况很凶险。", "zh", "The situation there is dangerous.") == []
    assert antonyms("那里的情况很凶险。", "zh", "The situation there is safe.") == [("凶险", "safe")]
    # CC-CEDICT's single characters gloss every sense of the morpheme (来: to arrive, next): not read
    assert {t.lemma for t in translations("zh")["来"]} & {"arrive", "next"} == set()


def test_a_japanese_verb_at_the_end_is_paired_with_its_opposite_near_the_start_of_the_english():
    # Japanese puts the verb last, English second: 売った (sold) and "bought" stand 0.6 apart
    source = "駅の近くの本屋で本を売った。"
    assert antonyms(source, "ja", "I sold books at the bookstore near the station.") == []
    assert antonyms(source, "ja", "I bought books at the bookstore near the station.") == [("売", "bought")]


def test_a_reordered_pair_is_found_by_its_translated_neighbour():
    # the reported clause moves from the start of the German to the end of the English: "Kleine"
    # and "big" stand 0.6 apart, but "Kinder" beside one is said by "children" beside the other
    source = ("Kleine Kinder spielten gestern lange im Park, berichtete die Zeitung am Montag nach "
              "langen Gesprächen mit den Eltern.")
    english = ("The newspaper reported on Monday after long talks with the parents that {} children "
               "played in the park for a long time yesterday.")
    assert antonyms(source, "de", english.format("small")) == []
    assert antonyms(source, "de", english.format("big")) == [("Kleine", "big")]


def test_an_adverb_translation_stands_for_its_adjective_with_a_negative_prefix():
    # the wordnet translates persönlich as "personally" only; German uses one word for both
    source = "Das Komitee stellte eine persönliche Frage über die Familie."
    assert antonyms(source, "de", "The committee asked a personal question about the family.") == []
    assert antonyms(source, "de", "The committee asked an impersonal question about the family.") \
        == [("persönliche", "impersonal")]
