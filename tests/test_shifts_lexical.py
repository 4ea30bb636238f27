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
