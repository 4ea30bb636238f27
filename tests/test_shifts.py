"""The shift detectors, read as specifications on the example corpus (002 is the base).

Each test aligns the sentences it names by hand, so it tests the detectors, not the aligner.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shiftcase import idx, make_doc, pair, severe, shifts, words

from drift.diffing import word_diff
from drift.parsing import parser_available
from drift.shifts import addition_shift, detect_shifts, omission_shift

# -- the spun paraphrase (000) ----------------------------------------------------------------

@pytest.mark.parametrize(("base_piece", "rewrite_piece"), [
    ("The rally on Monday came as", "According to media reports, the rally took place"),
    ("Caracas says the actions are aimed", "According to Caracas, the actions"),
    ("It has also carried out at least 21 strikes", "At least 83 people have been killed"),
    ("The Trump administration has said it does not recognise", "Maduro, who has been in power since 2013"),
    ("Trump rejected most of his requests", "Trump told Maduro he had a week to travel"),
    ("There was no immediate comment", "The US or Venezuela did not respond"),
    ("He also requested removal of sanctions", "He also requested that more than 100"),
    ("Al Jazeera’s Teresa Bo, reporting from Cucuta", "Maduro’s appearance at the Caracas rally came amid"),
])
def test_faithful_paraphrases_in_the_spun_version_are_not_flagged(docs, base_piece, rewrite_piece):
    found, _, _ = shifts(docs, "000", [base_piece], [rewrite_piece])
    assert not severe(found), [s.explanation for s in severe(found)]


# -- the translation round trip (001) and the loose rewrite (004) ---------------------------

def test_the_invented_missile_claim_is_an_addition_of_severity_3(docs):
    rw = docs["001"]
    shift = addition_shift(rw, idx(rw, "5,000 Russian missiles"), base=docs["002"])
    assert shift.type == "addition" and shift.severity == 3
    assert shift.base_span is None and "5,000" in shift.explanation
    assert words(rw, shift.rewrite_span).startswith("Maduro says he has 5,000 Russian missiles")


def test_a_caption_added_by_the_rewrite_is_colour(docs):
    rw = docs["001"]
    shift = addition_shift(rw, idx(rw, "The President of Venezuela, Nicolás Maduro"), base=docs["002"])
    assert shift.type == "addition" and shift.severity == 1


@pytest.mark.skipif(not parser_available(), reason="the English parser is not installed")
@pytest.mark.parametrize(("added", "severity"), [
    # an event told with no figure and no new name: a claim the base does not make
    ("The harbour master later resigned over the delays, and his deputy took charge.", 2),
    ("Many fishermen have since sold their boats to buyers from the coast.", 2),
    # a state described, a question, a heading: colour
    ("The mood in the old town was calm on Sunday evening.", 1),
    ("Will the ferry service resume before the summer season?", 1),
])
def test_an_added_sentence_that_tells_an_event_is_a_claim(added, severity):
    base = make_doc("b", "The ferry between the two islands stopped running in March.",
                    "The harbour authority said repairs to the pier would take a year.")
    rewrite = make_doc("r", "The ferry between the two islands stopped running in March.", added)
    shift = addition_shift(rewrite, (1,), base=base)
    assert (shift.type, shift.severity) == ("addition", severity), shift.explanation


# -- whole sentences left out ---------------------------------------------------------------------

def test_a_left_out_sentence_with_a_figure_is_a_key_fact(docs):
    base = docs["002"]
    shift = omission_shift(base, idx(base, "The US has amassed 15,000 troops"))
    assert shift.type == "omission" and shift.severity == 2
    assert words(base, shift.base_span) == base.sentence_text(idx(base, "The US has amassed")[0])


def test_a_left_out_figure_the_rewrite_gives_elsewhere_is_not_lost():
    base = make_doc("b", "The toll rose on Monday.", "Officials counted 83 victims.")
    rewrite = make_doc("r", "The toll, 83 victims, rose on Monday.")
    assert omission_shift(base, (1,)).severity == 2
    assert omission_shift(base, (1,), rewrite=rewrite).severity == 1


@pytest.mark.skipif(not parser_available(), reason="the English parser is not installed")
@pytest.mark.parametrize(("left_out", "severity"), [
    # an event is lost, even with no figure and no name
    ("The harbour master later resigned over the delays, and his deputy took charge.", 2),
    ("Police arrested several fishermen outside the harbour office on Friday.", 2),
    # a state described, a question: colour
    ("The mood in the old town was calm on Sunday evening.", 1),
    ("Will the ferry service resume before the summer season?", 1),
])
def test_a_left_out_sentence_that_tells_an_event_is_a_key_fact(left_out, severity):
    base = make_doc("b", "The ferry between the two islands stopped running in March.", left_out)
    rewrite = make_doc("r", "The ferry between the two islands stopped running in March.")
    shift = omission_shift(base, (1,), rewrite=rewrite)
    assert (shift.type, shift.severity) == ("omission", severity), shift.explanation


def test_a_left_out_heading_is_colour(docs):
    base = docs["002"]
    shift = omission_shift(base, idx(base, "Trump-Maduro call"))
    assert shift.type == "omission" and shift.severity == 1 and shift.rewrite_span is None


def test_a_left_out_short_sentence_without_figures_is_colour(docs):
    base = docs["002"]
    shift = omission_shift(base, idx(base, "There was no immediate comment"))
    assert shift.severity == 1


# -- small cases ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("base", "rewrite"), [
    ("The “terrorist” organisation was led by Nicolas Maduro, U.S. officials said.",
     "The \"terrorist\" organization was led by Nicolás Maduro, US officials said."),
    ("Venezuela's airspace was closed on Saturday.", "Venezuela’s airspace was closed on Saturday."),
    ("The Colombia-Venezuela border", "The Colombia–Venezuela border"),
    ("The minister of defence recognised the rumours about the organisation.",
     "The minister of defense recognized the rumors about the organization."),
])
def test_spelling_variants_are_not_changes(base, rewrite):
    assert pair(base, rewrite) == []


def test_identical_text_has_no_shifts():
    assert pair("The opposition won overwhelmingly.", "The opposition won overwhelmingly.") == []


@pytest.mark.parametrize(("base", "rewrite"), [
    ("Prices fell by half in two years.", "In two years prices dropped by 50%."),
    ("Two-thirds of voters backed the measure.", "About 67 percent of voters supported the measure."),
    ("Police arrested three men on Monday.", "Three men were arrested by police on Monday."),
    ("More than 1,000 people attended the protest, organisers said.",
     "Organizers said over 1,000 people attended the protest."),
    ("According to the ministry, 40 soldiers were wounded.", "The ministry said 40 soldiers were wounded."),
    ("Russia accused Ukraine of attacking the plant.",
     "Ukraine was accused by Russia of attacking the plant."),
])
def test_everyday_faithful_edits_are_not_key_changes(base, rewrite):
    assert not severe(pair(base, rewrite))


def test_every_span_lies_inside_its_own_sentences_and_on_words(docs):
    base = docs["002"]
    for rid in ("000", "003", "004"):
        rw = docs[rid]
        for bi in base.content_indices[:12]:
            for ri in rw.content_indices[:12]:
                for s in detect_shifts(base, rw, (bi,), (ri,), None):
                    for doc, span, i in ((base, s.base_span, bi), (rw, s.rewrite_span, ri)):
                        if span is None:
                            continue
                        sent = doc.sentences[i]
                        assert sent.start <= span[0] < span[1] <= sent.end
                        text = doc.text[span[0]:span[1]]
                        assert text == text.strip()
                    assert s.type in ("reversal", "negation", "number", "entity", "attribution",
                                      "hedging", "modality", "omission", "addition", "other")
                    assert s.severity in (1, 2, 3) and s.explanation


WORDS = st.sampled_from(["Maduro", "said", "claimed", "the", "US", "U.S.", "is", "no", "match", "for", "not",
                         "15,000", "at", "least", "21", "dozens", "of", "“", "”", ",", ".", "alleged",
                         "according", "to", "won", "lost", "may", "will", "Bo", "told", "Reuters", "which",
                         "describes", "as", "a", "cartel", "four", "thousand", "2024", "\u00e9t\u00e9", "!"])
SENTENCE = st.lists(WORDS, min_size=1, max_size=25).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=3), st.lists(SENTENCE, min_size=1, max_size=3))
def test_any_link_gives_well_formed_shifts(base_sentences, rewrite_sentences):
    b, r = make_doc("b", *base_sentences), make_doc("r", *rewrite_sentences)
    bi, ri = tuple(range(len(base_sentences))), tuple(range(len(rewrite_sentences)))
    for s in detect_shifts(b, r, bi, ri, word_diff(b.joined(bi), r.joined(ri))):
        assert s.severity in (1, 2, 3) and s.explanation
        assert s.base_span is not None or s.rewrite_span is not None
        for doc, span in ((b, s.base_span), (r, s.rewrite_span)):
            if span is not None:
                assert any(x.start <= span[0] < span[1] <= x.end for x in doc.sentences)
                assert doc.text[span[0]:span[1]] == doc.text[span[0]:span[1]].strip()
    for i in bi:
        assert omission_shift(b, (i,)).base_span is not None
    for j in ri:
        assert addition_shift(r, (j,), base=b).rewrite_span is not None


def test_a_changed_figure_is_found_where_the_rewrite_also_drops_who_said_it():
    shifts = pair("Officials said the closures would save about 1.2 million dollars annually.",
                  "The closures will save about 4.5 million dollars annually.")
    assert {"attribution", "number"} <= {s.type for s in shifts if s.severity >= 2}
    number = next(s for s in shifts if s.type == "number")
    assert "1.2" in number.explanation and "4.5" in number.explanation


@pytest.mark.parametrize(("base", "rewrite"), [
    ("Relations with Qatar were severed by the United Arab Emirates and Bahrain three years ago.",
     "Three years ago the UAE and Bahrain broke off relations with Qatar."),
    ("European Union countries have agreed on common hygiene standards for air travel.",
     "EU member states have agreed on common hygienic standards for air travel."),
])
def test_an_actor_named_by_its_initials_or_short_form_is_not_dropped(base, rewrite):
    assert not [s for s in pair(base, rewrite) if s.severity >= 2]
