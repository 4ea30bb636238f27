"""Words swapped for their opposite or for a vaguer word (drift.shifts.lexical).

Sentences are from DEMETR's development part (planted changes in news translations), from the
example corpus, or written for one kind of change; each test states the behaviour, not an output.
"""

from __future__ import annotations

import pytest

from drift.diffing import word_diff
from drift.report import Document, Sentence, Shift
from drift.shifts import detect_shifts


def doc(doc_id: str, text: str) -> Document:
    return Document(doc_id, "base", text, (Sentence(0, len(text)),), "en")


def pair(base: str, rewrite: str) -> tuple[list[Shift], Document, Document]:
    b, r = doc("b", base), doc("r", rewrite)
    return detect_shifts(b, r, (0,), (0,), word_diff(base, rewrite)), b, r


def words(d: Document, span) -> str:
    return d.text[span[0]:span[1]] if span else ""


def reversals(found: list[Shift]) -> list[Shift]:
    return [s for s in found if s.type == "reversal" and s.severity >= 2]


def test_a_word_swapped_for_its_opposite_is_a_reversal():
    found, _, _ = pair("Independent observers said the opposition won overwhelmingly.",
                       "Independent observers said the opposition lost overwhelmingly.")
    assert [(s.type, s.severity) for s in found] == [("reversal", 3)]


@pytest.mark.parametrize(("base", "rewrite", "changed"), [
    ("The rebels accepted the offer on Monday.", "The rebels rejected the offer on Monday.",
     ("accepted", "rejected")),
    ("The largest of the crystals matched those found in the urine of affected pets.",
     "The smallest of the crystals matched those found in the urine of affected pets.",
     ("largest", "smallest")),
    ("Prices rose sharply in March.", "Prices fell sharply in March.", ("rose", "fell")),
    ("The presence of the virus was confirmed on Monday.",
     "The absence of the virus was confirmed on Monday.", ("presence", "absence")),
    ("The selected candidates will be interviewed next week.",
     "The unchosen candidates will be interviewed next week.", ("selected", "unchosen")),
])
def test_opposites_of_every_part_of_speech_reverse_the_statement_on_their_words(base, rewrite, changed):
    found, b, r = pair(base, rewrite)
    hits = reversals(found)
    assert [(words(b, s.base_span), words(r, s.rewrite_span)) for s in hits] == [changed]


def test_an_opposite_with_a_negation_is_not_a_reversal():
    found, _, _ = pair("The opposition lost the vote.", "The opposition did not win the vote.")
    assert not [s for s in found if s.severity >= 2]


@pytest.mark.parametrize(("base", "rewrite"), [
    # "put" and "call" are opposites only as options; "citing" and "unnamed" are no opposites
    ("The opposition has endured weeks that have put us to the test, the leader said.",
     "The leader said the opposition had endured weeks of what he called terrorism."),
    ("The Reuters news agency, citing four sources familiar with the matter, reported the call.",
     "Reports from Reuters suggest the call took place, according to unnamed sources."),
])
def test_opposites_among_rewritten_words_are_not_reversals(base, rewrite):
    assert not reversals(pair(base, rewrite)[0])


def test_a_gendered_counterpart_is_another_person_not_a_reversal():
    found, _, _ = pair("The king opened the new bridge on Monday.",
                       "The queen opened the new bridge on Monday.")
    assert [(s.type, s.severity) for s in found] == [("entity", 2)]


@pytest.mark.parametrize(("base", "rewrite", "changed"), [
    ("Cyanuric acid was found in urine samples of pets.",
     "Cyanuric acid was found in waste samples of pets.", ("urine", "waste")),
    ("The strikes hit alleged drug boats in the Caribbean.",
     "The strikes hit alleged drug vessels in the Caribbean.", ("boats", "vessels")),
])
def test_a_vaguer_word_is_a_nuance(base, rewrite, changed):
    found, b, r = pair(base, rewrite)
    assert not [s for s in found if s.severity >= 2]
    assert (changed in [(words(b, s.base_span), words(r, s.rewrite_span)) for s in found])


@pytest.mark.parametrize(("base", "rewrite", "changed"), [
    # an -ly adverb through its adjective (wide ↔ narrow)
    ("The new rules were widely supported by farmers.", "The new rules were narrowly supported by farmers.",
     ("widely", "narrowly")),
    # an adjective through WordNet's "also see" (current → new ↔ old, a sense of former)
    ("The former mayor opened the bridge on Sunday.", "The current mayor opened the bridge on Sunday.",
     ("former", "current")),
    # two verbs whose main senses are kinds of antonyms (increase ↔ decrease)
    ("Sales of electric cars are growing in Norway.", "Sales of electric cars are shrinking in Norway.",
     ("growing", "shrinking")),
    # prepositions and time deixis, which WordNet leaves out
    ("The minister resigned before the vote.", "The minister resigned after the vote.", ("before", "after")),
    ("The factory closed last year, the union said.", "The factory closed this year, the union said.",
     ("last", "this")),
    # a negative prefix on a word compatible with the other (enthuse is a kind of excite)
    ("Local fans were excited about the new stadium.", "Local fans were unenthused about the new stadium.",
     ("excited", "unenthused")),
    # the article's form follows the next word: still a one-word substitution
    ("It was an important decision for the town.", "It was a trivial decision for the town.",
     ("important", "trivial")),
])
def test_opposites_one_step_wider_in_a_one_word_substitution(base, rewrite, changed):
    found, b, r = pair(base, rewrite)
    assert [(words(b, s.base_span), words(r, s.rewrite_span)) for s in reversals(found)] == [changed]


def test_a_particle_dropped_beside_the_opposite_keeps_it_a_substitution():
    found, b, r = pair("Engineers pointed out the flaws in the design.",
                       "Engineers concealed the flaws in the design.")
    assert [words(b, s.base_span) for s in reversals(found)] == ["pointed"]


@pytest.mark.parametrize(("base", "rewrite"), [
    # a phrasal verb's particle names no place: "take over" is not "over" a thing
    ("The new owners will take over the hotel in May.", "The new owners will take under the hotel in May."),
    # "on" and "off" are opposite adverbs, not opposite prepositions
    ("She was glad to work with the council on the plan.",
     "She was glad to work with the council off the plan."),
])
def test_function_words_outside_their_opposite_use_are_not_reversals(base, rewrite):
    assert not reversals(pair(base, rewrite)[0])


def test_a_participle_facing_an_adjective_in_place_is_a_reversal():
    found, b, r = pair("The well-known writer spoke at the festival.",
                       "The unknown writer spoke at the festival.")
    hits = [(words(b, s.base_span), words(r, s.rewrite_span)) for s in reversals(found)]
    assert hits == [("known", "unknown")]


@pytest.mark.parametrize(("base", "rewrite"), [
    # adverbs as used: "ago" and "earlier" are no opposites (only the adjectives past/early are)
    ("Forty people died there a year ago, the report said.",
     "Forty people died there a year earlier, the report said."),
    # eve is a kind of daytime only in its third sense (evening): not the opposite of night
    ("The shop was closed on the eve of the holiday.", "The shop was closed on the night of the holiday."),
    # evening and night are both a time period in other senses
    ("The mayor spoke on the night of the fire.", "The mayor spoke on the evening of the fire."),
    # heavy and severe are opposite only in deep senses (intemperate vs strict)
    ("Heavy rains flooded the valley on Monday.", "Severe rains flooded the valley on Monday."),
    # fire (dismiss) ↔ hire is not the sense of "fired" beside "used"
    ("The soldiers fired tear gas at the crowd.", "The soldiers used tear gas at the crowd."),
    # a word and a more specific one are compatible, whatever their other senses oppose
    ("Two firms won the contract.", "Two companies won the contract."),
    # figures are changed figures, not opposites (drift.shifts.numbers)
    ("The home side won 4-0 on Sunday.", "The home side won 2-0 on Sunday."),
    ("Four judges dissented.", "Five judges dissented."),
])
def test_faithful_substitutions_are_not_reversals(base, rewrite):
    assert not reversals(pair(base, rewrite)[0])


@pytest.mark.parametrize(("base", "rewrite", "reversed_"), [
    # "a few" and "a little" are positive quantifiers (some), unlike "few" and "little" (not many)
    ("A few residents left the flooded town.", "Several residents left the flooded town.", False),
    ("The council spent a little money on the dam.", "The council spent some money on the dam.", False),
    ("Few residents left the flooded town.", "Many residents left the flooded town.", True),
])
def test_a_few_is_a_small_number_not_the_opposite_of_several(base, rewrite, reversed_):
    assert bool(reversals(pair(base, rewrite)[0])) is reversed_


@pytest.mark.parametrize(("base", "rewrite", "changed"), [
    # evaluative opposites WordNet does not list as antonyms, read by their prior polarity
    ("The new rules will hurt small farmers in the north.",
     "The new rules will help small farmers in the north.", ("hurt", "help")),
    ("Local farmers suffer from the new tariffs.", "Local farmers benefit from the new tariffs.",
     ("suffer", "benefit")),
    ("Residents were angered by the decision of the council.",
     "Residents were delighted by the decision of the council.", ("angered", "delighted")),
    ("The report described the anger of the workers after the closure.",
     "The report described the happiness of the workers after the closure.", ("anger", "happiness")),
    # an unrated word reached through a main sense it shares (loathe ~ abhor)
    ("The villagers enjoy the festival every summer.", "The villagers loathe the festival every summer.",
     ("enjoy", "loathe")),
])
def test_a_word_of_opposite_value_in_place_is_a_reversal_of_severity_2(base, rewrite, changed):
    found, b, r = pair(base, rewrite)
    hits = reversals(found)
    assert [(words(b, s.base_span), words(r, s.rewrite_span), s.severity) for s in hits] == [(*changed, 2)]


@pytest.mark.parametrize(("base", "rewrite"), [
    # a negation on one side: the two say the same
    ("The villagers did not enjoy the festival this year.", "The villagers loathed the festival this year."),
    # the same value: a paraphrase
    ("Residents were delighted by the decision.", "Residents were pleased by the decision."),
    # "frequented" is no bad word: "frequent" shares only a late sense with "haunt"
    ("The old market is the most popular place in town.",
     "The old market is the most frequented place in town."),
    # values of opposite sign among rewritten words are a rephrasing, not a flip
    ("Critics praised the film for its honesty.", "The film's honesty was hardly a problem for critics."),
])
def test_value_opposites_need_the_same_statement(base, rewrite):
    assert not reversals(pair(base, rewrite)[0])


def test_a_negative_prefix_on_the_same_stem_is_a_reversal():
    found, b, r = pair("He conducted the city orchestra for twenty years.",
                       "He misconducted the city orchestra for twenty years.")
    hits = [(words(b, s.base_span), words(r, s.rewrite_span), s.severity) for s in reversals(found)]
    assert hits == [("conducted", "misconducted", 3)]


def test_a_word_of_the_same_family_is_no_value_opposite():
    # "dreamy" is rated through its synonyms (woolgathering), "dream" by itself: one family
    assert not reversals(pair("The Dream Team won the final again.",
                              "The Dreamy Team won the final again.")[0])
