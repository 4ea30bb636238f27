"""Attribution (drift.shifts.attribution) and hedging (drift.shifts.hedging): who a claim comes
from, and how sure the reporting verb makes it. Read as specifications on the example corpus (002
is the base; sentences aligned by hand) and on small sentence pairs."""

from __future__ import annotations

import pytest
from shiftcase import pair, pair_docs, severe, shifts, words

from drift import parsing

# -- the example corpus ---------------------------------------------------------------------------

def test_the_spun_version_states_the_cartel_allegation_as_fact(docs):
    found, base, rw = shifts(docs, "000", ["which it describes as a drug trafficking cartel"],
                             ["which Maduro leads as a drug trafficking cartel"])
    allegation = [s for s in found if s.type == "attribution" and s.severity == 3]
    assert len(allegation) == 1
    assert words(base, allegation[0].base_span) == (
        "which it describes as a drug trafficking cartel led by Maduro")
    assert "Maduro leads as a drug trafficking cartel" in words(rw, allegation[0].rewrite_span)


def test_said_becoming_claimed_casts_doubt_as_a_nuance(docs):
    found, base, rw = shifts(docs, "000", ["Bo said people crossing"], ["Bo claimed that Venezuelans"])
    hedge = [s for s in found if s.type == "hedging"]
    assert [(words(base, s.base_span), words(rw, s.rewrite_span), s.severity) for s in hedge] == [
        ("said", "claimed", 1)]
    assert "casts doubt" in hedge[0].explanation
    assert not severe(found)


def test_the_spun_version_drops_who_dismissed_the_ballot_as_a_sham(docs):
    found, base, _ = shifts(docs, "000", ["Maduro claimed a re-election victory last year"],
                            ["In a national election that independent observers"])
    dropped = [s for s in severe(found) if s.type in ("attribution", "omission")]
    assert len(dropped) == 1 and dropped[0].severity == 2
    assert "the US and other Western governments dismissed as a sham" in words(base, dropped[0].base_span)


def test_a_reporters_observation_stated_in_the_rewrites_own_voice(docs):
    found, base, _ = shifts(docs, "003", ["Bo said people crossing"],
                            ["Travelers crossing the Simon Bolivar"])
    assert [s.type for s in severe(found)] == ["attribution"]
    assert words(base, severe(found)[0].base_span).startswith("Bo said")


def test_an_added_pretext_declares_the_stated_reason_false(docs):
    found, _, rw = shifts(docs, "003", ["in what it calls an anti-drug trafficking campaign"],
                          ["under the pretext of an antidrug"])
    verdict = [s for s in severe(found) if s.type == "attribution"]
    assert [words(rw, s.rewrite_span) for s in verdict] == ["pretext"]


def test_the_loose_rewrite_gives_the_military_verdict_to_analysts_instead_of_sources(docs):
    found, base, rw = shifts(docs, "004", ["Sources in Venezuela told Al Jazeera that they know"],
                             ["not comparable to those of the United States"])
    changed = [s for s in severe(found) if s.type == "attribution"]
    assert len(changed) == 1
    assert words(base, changed[0].base_span) == "Sources in Venezuela"
    assert "analysts" in words(rw, changed[0].rewrite_span)


def test_local_sources_are_still_sources(docs):
    found, _, _ = shifts(docs, "003", ["Sources in Venezuela told Al Jazeera that they know"],
                         ["Local sources told Al Jazeera"])
    assert not severe(found)


# -- small cases ----------------------------------------------------------------------------------

def test_confirmed_becoming_suggested_softens_an_established_fact():
    found = pair("Trump confirmed that he spoke to Maduro.", "Trump suggested that he spoke to Maduro.")
    assert [(s.type, s.severity) for s in found] == [("hedging", 2)]


def test_verbs_in_another_sense_are_not_reporting_verbs():
    found = pair("The people have demonstrated their love for the homeland.",
                 "The people have suggested their love for the homeland.")
    assert not [s for s in found if s.type == "hedging"]


def test_a_removed_alleged_states_the_allegation_as_fact():
    found = pair("The strikes hit alleged drug boats in the Caribbean.",
                 "The strikes hit drug boats in the Caribbean.")
    assert [(s.type, s.severity) for s in found] == [("attribution", 3)]


def test_a_statement_given_to_a_different_source_is_a_key_change():
    found = pair("Vladimir Padrino Lopez said the army was ready.",
                 "Delcy Rodriguez said the army was ready.")
    assert [(s.type, s.severity) for s in found] == [("attribution", 2)]
    assert "Vladimir Padrino Lopez" in found[0].explanation and "Delcy Rodriguez" in found[0].explanation


def test_experts_and_analysts_are_the_same_kind_of_source():
    assert not severe(pair("Experts say the force far outweighs what is necessary.",
                           "Analysts note that the force far exceeds what is necessary."))


# -- a frame kept in another form ----------------------------------------------------------------

@pytest.mark.parametrize(("base", "rewrite"), [
    ("Israel considers Iran to be its main enemy.", "Israel conciders Iran to be its main enemy."),
    ("In particular, it is claimed that a person can be caught lying.",
     "In particular, it is caimed that a person can be caught lying."),
    ("A group that describes itself as the Armed Alliance fired a shot.",
     "A group that description itself as the Armed Alliance fired a shot."),
    ("Residents now say that the new rules dilute the town's cohesion.",
     "Recidents now say that the new rules dilute the town's cohesion."),
])
def test_a_misspelt_frame_or_source_still_attributes(base, rewrite):
    assert not [s for s in pair(base, rewrite) if s.type == "attribution"]


def test_a_negated_frame_is_a_negation_not_an_allegation_stated_as_fact():
    found = pair("Israel considers Iran to be its main enemy.",
                 "Israel does not consider Iran to be its main enemy.")
    assert not [s for s in found if s.type == "attribution"]


# -- read in the parse: who says it, how, and whether a word reports at all --------------------
# (a user's sentences, each one of a kind, and further sentences of the same kinds)

needs_parser = pytest.mark.skipif(not parsing.parser_available(), reason="the spaCy model is not installed")


def _kinds(found, *types):
    return [(s.type, s.severity) for s in severe(found) if s.type in types]


@needs_parser
@pytest.mark.parametrize(("base", "rewrite", "before", "after"), [
    ("Hundreds of farmers protested outside parliament, police said.",
     "Hundreds of farmers protested outside parliament, organisers said.", "police", "organisers"),
    ("Three people died in the fire, state media reported.", "Three people died in the fire, witnesses said.",
     "state media", "witnesses"),
    ("The ministry said the dam had not burst.", "Residents said the dam had not burst.", "ministry",
     "Residents"),
    ("Police said two men were arrested at the scene.", "Activists said two men were arrested at the scene.",
     "Police", "Activists"),
    ("Independent observers said the election was fair.",
     "Western governments dismissed claims that the election was fair.", "Independent observers",
     "Western governments"),
    ("The ministry said the talks had collapsed.", "According to the opposition, the talks had collapsed.",
     "ministry", "opposition"),
])
def test_a_statement_given_to_another_kind_of_source(base, rewrite, before, after):
    changed = [s for s in severe(pair(base, rewrite)) if s.type == "attribution"]
    assert len(changed) == 1 and changed[0].severity == 2
    assert before in changed[0].explanation and after in changed[0].explanation


@needs_parser
@pytest.mark.parametrize(("base", "rewrite"), [
    ("Officials said the bridge would reopen.", "Authorities said the bridge would reopen."),
    ("Police said two men were arrested at the scene.", "Two men were arrested at the scene, police said."),
    ("Reporters said the road was closed.", "Journalists said the road was closed."),
    ("The company said profits rose sharply.", "Company officials said profits rose sharply."),
    ("Witnesses said the car was speeding.", "According to witnesses, the car was speeding."),
    ("The mayor told residents the water was safe to drink.",
     "The water was safe to drink, the mayor assured residents."),
    ("He told reporters the bridge was safe.", "He informed journalists the bridge was safe."),
    ("She told the committee the figures were wrong.", "She informed the committee the figures were wrong."),
    ("She told the committee the figures were wrong.", "She assured the committee the figures were wrong."),
])
def test_the_same_source_or_another_verb_of_saying_keeps_the_attribution(base, rewrite):
    assert not [s for s in pair(base, rewrite) if s.type == "attribution"]


@needs_parser
def test_informed_journalists_is_told_reporters_in_other_words():
    assert not severe(pair("He told reporters the bridge was safe.",
                           "He informed journalists the bridge was safe."))


@needs_parser
@pytest.mark.parametrize(("base", "rewrite"), [
    ("The company reported a loss of 5 million dollars in 2024.",
     "In 2024 the firm posted a $5 million loss."),
    ("The bank reported a profit of 2 billion euros.", "The lender posted a 2 billion euro profit."),
    ("The airline reported record passenger numbers in July.",
     "In July the carrier recorded record passenger numbers."),
])
def test_reporting_a_result_is_no_speech_act_about_a_claim(base, rewrite):
    assert not severe(pair(base, rewrite))


@needs_parser
@pytest.mark.parametrize(("base", "rewrite"), [
    ("Officials said insurance claims could exceed 200 million euros.",
     "Insurance claims could exceed 200 million euros."),
    ("Analysts said insurance claims would rise next year.", "Insurance claims would rise next year."),
    ("State media reported that the reports were filed late.", "The reports were filed late."),
    ("A spokesperson said member states had agreed to the plan.", "Member states had agreed to the plan."),
])
def test_a_reporting_word_used_as_a_plain_noun_attributes_nothing(base, rewrite):
    assert _kinds(pair(base, rewrite), "attribution") == [("attribution", 2)]


@needs_parser
@pytest.mark.parametrize(("base", "rewrite", "before", "after"), [
    ("Independent observers said the election was fair.",
     "Western governments dismissed claims that the election was fair.", "said", "dismissed"),
    ("The ministry said the dam had burst.", "The ministry denied that the dam had burst.", "said", "denied"),
    ("The government confirmed reports that troops had crossed the border.",
     "The government rejected reports that troops had crossed the border.", "confirmed", "rejected"),
    ("Witnesses said soldiers fired on the crowd.", "The army denied that soldiers fired on the crowd.",
     "said", "denied"),
])
def test_a_source_that_now_rejects_the_statement_reverses_its_stance(base, rewrite, before, after):
    found, b, r = pair_docs(base, rewrite)
    hedge = [s for s in found if s.type == "hedging"]
    assert [(words(b, s.base_span), words(r, s.rewrite_span), s.severity) for s in hedge] == [
        (before, after, 2)]


@needs_parser
@pytest.mark.parametrize(("base", "rewrite"), [
    ("The minister said the plan had failed.", "The minister admitted the plan had failed."),
    ("The spokesperson said the report was accurate.",
     "The spokesperson acknowledged the report was accurate."),
])
def test_a_factive_verb_without_that_presents_the_statement_as_established(base, rewrite):
    # "admitted" presupposes its clause is true (a factive verb): the writer now vouches for it
    assert [(s.type, s.severity) for s in pair(base, rewrite) if s.type == "hedging"] == [("hedging", 2)]


@needs_parser
def test_said_becoming_stated_is_no_change_of_stance():
    found = pair("The minister said the plan had failed.", "The minister stated the plan had failed.")
    assert not [s for s in found if s.type == "hedging"]
