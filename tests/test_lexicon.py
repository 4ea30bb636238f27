"""The English lexicon (drift/lexicon.py) and its data (drift/data/lexicon/, built by
scripts/build_lexicon.py from Open English WordNet)."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
from pathlib import Path

import pytest

from drift.lexicon import EnglishWordNet, Lexicon, lexicon, register_lexicon

REPO = Path(__file__).resolve().parents[1]

DATA = REPO / "drift" / "data" / "lexicon"


@pytest.fixture(scope="module")
def en() -> Lexicon:
    lex = lexicon("en")
    assert lex is not None
    return lex


@pytest.mark.slow
def test_shipped_data_is_what_the_script_builds_at_the_pinned_commit(tmp_path, repo_script):
    script = repo_script("build_lexicon")
    git_dir = os.environ.get("DRIFT_WORDNET_GIT", script.GIT_DIR)
    if not Path(git_dir).exists():
        pytest.skip(f"no english-wordnet git directory at {git_dir} (set DRIFT_WORDNET_GIT)")
    if subprocess.run(["git", "--git-dir", git_dir, "cat-file", "-e", f"{script.COMMIT}^{{commit}}"],
                      capture_output=True).returncode:
        pytest.skip(f"{git_dir} does not hold the pinned commit {script.COMMIT}")
    script.main(["--git", git_dir, "--out", str(tmp_path)])
    built = gzip.decompress((tmp_path / script.DATA_FILE).read_bytes()).decode()
    shipped = gzip.decompress((DATA / script.DATA_FILE).read_bytes()).decode()
    assert built == shipped
    assert (tmp_path / "ATTRIBUTION").read_text() == (DATA / "ATTRIBUTION").read_text()


def test_attribution_names_source_licence_and_commit(repo_script):
    text = (DATA / "ATTRIBUTION").read_text(encoding="utf-8")
    script = repo_script("build_lexicon")
    assert "Open English WordNet" in text and "CC BY 4.0" in text and script.COMMIT in text
    tables = gzip.decompress((DATA / script.DATA_FILE).read_bytes()).decode().split("\n", 1)[0]
    assert json.loads(tables)["source"]["commit"] == script.COMMIT


def test_registry_by_language_code(en):
    assert lexicon("en-GB") is en and lexicon("EN") is en
    assert isinstance(en, Lexicon)
    assert lexicon("xx") is None and lexicon(None) is None

    class Tiny(EnglishWordNet):
        language = "xx"

    register_lexicon("xx", Tiny)
    try:
        assert isinstance(lexicon("xx-YY"), Tiny)
    finally:
        register_lexicon("xx", lambda: None)  # drop it again for other tests


def test_lemmas_follow_morphy_rules_and_exceptions(en):
    assert en.lemmas("mice") == {"mouse"}
    assert "go" in en.lemmas("went")
    assert en.lemmas("tinier") == {"tiny"}
    assert "kill" in en.lemmas("killing", "VERB")
    assert "vessel" in en.lemmas("Vessels")
    assert en.lemmas("were born") == {"be born"}
    assert en.lemmas("qwzx") == frozenset() and en.lemmas("") == frozenset()


def test_antonyms_direct_through_similar_to_and_derivation(en):
    # planted antonyms from DEMETR's examples (tiny → big, south → north, presence → absence)
    assert en.are_antonyms("south", "north")
    assert en.are_antonyms("presence", "absence")
    assert en.are_antonyms("tiny", "big")              # satellite of "small", whose antonym is "large"/"big"
    assert "huge" in en.antonyms("tiny")               # a satellite of the antonym head
    assert en.are_antonyms("success", "fail")          # derivation: failure → fail
    assert en.are_antonyms("died", "were born")
    assert en.are_antonyms("selected", "unchosen")     # negative prefix on a synonym
    assert not en.are_antonyms("boats", "vessels") and not en.are_antonyms("big", "large")


def test_opposed_is_wider_than_antonyms(en):
    # DEMETR planted swaps that WordNet links through an antonym's hyponym
    assert en.are_opposed("released", "imprisoned") and not en.are_antonyms("released", "imprisoned")
    assert en.are_opposed("tiny", "big")
    assert not en.are_opposed("boats", "vessels") and not en.are_opposed("endured", "suffered")


def test_synonyms_and_vaguer_words(en):
    assert en.are_synonyms("endured", "suffered")
    assert "large" in en.synonyms("big")
    assert not en.are_synonyms("boats", "boat")        # the same lemma is a form, not a synonym
    assert en.is_vaguer("vessel", "boats") and not en.is_vaguer("boats", "vessel")
    assert en.is_vaguer("small", "tiny")               # a satellite's head
    assert "vehicle" in en.hypernyms("car", depth=3) and "vehicle" not in en.hypernyms("car", depth=1)


def test_gender_of_pronouns_and_nouns(en):
    assert (en.gender("he"), en.gender("She"), en.gender("herself")) == ("male", "female", "female")
    assert en.gender_counterpart("he") == "she" and en.gender_counterpart("himself") == "herself"
    assert en.gender_counterpart("kings") == "queen" and en.gender_counterpart("Queen") == "king"
    assert en.gender_counterpart("actress") == "actor" and en.gender_counterpart("spokesman") == "spokeswoman"
    assert en.gender_counterpart("brothers") == "sister" and en.gender("father") == "male"
    assert en.gender("president") is None and en.gender_counterpart("table") is None


def test_opposed_one_step_further_in_wordnet(en):
    assert en.are_opposed("widely", "narrowly") and en.are_opposed("correctly", "incorrectly")  # -ly adverbs
    assert en.are_opposed("former", "current")                # current also-see new ↔ old, a sense of former
    assert en.are_opposed("growing", "shrinking")             # kinds of increase and decrease
    assert en.are_opposed("excited", "unenthused")            # un- on enthuse, a kind of excite
    assert en.are_antonyms("before", "after") and en.are_antonyms("above", "below")  # closed classes
    assert en.are_antonyms("during", "after") and en.are_antonyms("last", "this")
    assert not en.are_antonyms("before", "before") and not en.are_antonyms("over", "below")


def test_opposed_needs_the_senses_that_are_used(en):
    assert en.are_opposed("ago", "earlier") and not en.are_opposed("ago", "earlier", "ADV")  # adverbs as used
    assert not en.are_opposed("eve", "night")                 # only eve's third sense is a kind of daytime
    assert not en.are_opposed("fired", "used") and not en.are_opposed("made", "exposed")
    assert en.are_compatible("boats", "vessels") and en.are_compatible("endured", "suffered")
    assert en.are_compatible("walked", "walking") and not en.are_compatible("big", "small")


def test_opposed_verbs_two_levels_down_and_similar_to_antonyms_in_main_senses(en):
    assert en.are_opposed("fled", "arrived")                  # flee → escape → leave ↔ arrive
    assert en.are_opposed("bought", "sold") and not en.are_opposed("withdrew", "left")
    # antonyms through similar-to only in the words' first senses: heavy's 16th sense is a
    # satellite of "indulgent", severe's 4th of "strict"; "previous" near "early" is compatible
    assert not en.are_antonyms("heavy", "severe") and not en.are_opposed("heavy", "severe")
    assert not en.are_opposed("early", "previous") and not en.are_antonyms("ago", "earlier")
    assert en.are_opposed("tiny", "big") and en.are_opposed("proved", "disproved")
    assert en.are_antonyms("enormous", "microscopic") and en.are_antonyms("big", "little")


def test_opposed_through_the_genus_of_an_antonym_and_a_be_verb(en):
    # presence ↔ absence, a kind of lack (nouns, main senses); need is two levels up: too vague
    assert en.are_opposed("presence", "lack") and en.are_opposed("lack", "presence")
    assert not en.are_antonyms("presence", "lack") and not en.are_opposed("presence", "need")
    assert not en.are_opposed("man", "adult")                 # a genus of the word itself: compatible
    assert en.are_opposed("destroyed", "repaired")            # repair ↔ break, a kind of destroy
    assert not en.are_opposed("withdrew", "left") and not en.are_opposed("beat", "won")
    # "born" read as the verb "be born", die's antonym (perish shares die's first sense)
    assert en.are_opposed("Born", "Perishing") and not en.are_opposed("born", "perishing", "a")


def test_main_synonyms_share_a_most_frequent_sense_of_both_words(en):
    assert "die" in en.main_synonyms("perished")
    assert "abhor" in en.main_synonyms("loathe", "v")
    # haunt holds frequent's first sense only as its own third (a ghost's are its first)
    assert "haunt" in en.synonyms("frequent", "v") and "haunt" not in en.main_synonyms("frequent", "v")
    assert "perish" not in en.main_synonyms("perish")


def test_mis_prefix_on_the_same_stem_is_an_opposite(en):
    assert en.are_antonyms("conducted", "misconducted")
    assert en.are_opposed("managed", "mismanaged")
    assert not en.are_antonyms("sing", "missing")
