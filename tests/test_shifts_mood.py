"""Mood, tense and aspect (drift.shifts.mood) and modality (drift.shifts.modality): how a claim is
put — asked or stated, when, how certain."""

from __future__ import annotations

import pytest
from shiftcase import pair_docs as pair
from shiftcase import words

from drift import parsing

needs_parser = pytest.mark.skipif(not parsing.parser_available(),
                                  reason="spaCy or en_core_web_sm 3.8.0 is not installed "
                                         "(requirements/spacy-model.txt)")


# -- questions ------------------------------------------------------------------------------------

@needs_parser
def test_a_statement_turned_into_a_question_is_a_nuance_on_the_question():
    shifts, b, r = pair("A comparison by infrared spectroscopy revealed that the crystals matched.",
                        "Did a comparison by infrared spectroscopy reveal that the crystals matched?")
    assert [(s.type, s.severity) for s in shifts] == [("modality", 1)]
    assert words(r, shifts[0].rewrite_span).startswith("Did a comparison")
    assert words(b, shifts[0].base_span) == "revealed"
    assert "no longer asserted" in shifts[0].explanation


@needs_parser
def test_a_question_answered_as_a_statement_and_a_question_without_its_mark():
    stated, _, _ = pair("Does Israel consider Iran its main enemy?", "Israel considers Iran its main enemy.")
    assert [(s.type, s.severity) for s in stated] == [("modality", 1)]
    unmarked = "Does Israel consider Iran its main enemy"
    assert not pair(unmarked + "?", unmarked)[0]


@needs_parser
def test_a_question_kept_as_a_question_is_no_shift():
    assert not pair("Does Israel consider Iran to be its main enemy?",
                    "Does Israel regard Iran as its main enemy?")[0]


# -- tense and aspect -----------------------------------------------------------------------------

@needs_parser
@pytest.mark.parametrize(("base", "rewrite", "changed"), [
    ("A resident pushed a man to the ground.", "A resident pushes a man to the ground.",
     ("pushed", "pushes")),
    ("The samples were found in urine.", "The samples were being found in urine.",
     ("were found", "were being found")),
    ("Most of the goods are duty free.", "Most of the goods have been duty free.", ("are", "have been")),
    ("The unions should be aware of it.", "The unions should have been aware of it.",
     ("should be", "should have been")),
])
def test_tense_or_aspect_changed_is_a_nuance_on_the_verb(base, rewrite, changed):
    shifts, b, r = pair(base, rewrite)
    assert [(s.type, s.severity) for s in shifts] == [("other", 1)]
    assert (words(b, shifts[0].base_span), words(r, shifts[0].rewrite_span)) == changed


@needs_parser
def test_the_passive_voice_keeps_the_tense():
    assert not pair("Police arrested the protesters.", "The protesters were arrested by police.")[0]


# -- modality -------------------------------------------------------------------------------------

def test_possibility_turned_into_certainty_is_a_key_change_and_the_reverse_a_nuance():
    hardened, _, _ = pair("Opponents may face violence.", "Opponents will face violence.")
    softened, _, _ = pair("This would include sabotage.", "This might include sabotage.")
    assert [(s.type, s.severity) for s in hardened] == [("modality", 2)]
    assert [(s.type, s.severity) for s in softened] == [("modality", 1)]


@needs_parser
@pytest.mark.parametrize(("base", "rewrite"), [
    ("He explained that it will be held for 48 hours.", "He explained that it would be held for 48 hours."),
    ("The study shows that hormones speed up the maturation.",
     "The study shows that if hormones were given they would speed up the maturation."),
    ("We need to be constantly vigilant.", "We must be constantly vigilant."),
])
def test_grammar_is_not_taken_for_a_change_of_certainty(base, rewrite):
    assert not [s for s in pair(base, rewrite)[0] if s.type == "modality"]


@needs_parser
def test_will_becoming_would_outside_reported_speech_is_still_a_nuance():
    shifts, _, _ = pair("He says it will rain.", "He says it would rain.")
    assert [(s.type, s.severity) for s in shifts] == [("modality", 1)]
