"""Attribution (drift.shifts.attribution) and hedging (drift.shifts.hedging): who a claim comes
from, and how sure the reporting verb makes it. Read as specifications on the example corpus (002
is the base; sentences aligned by hand) and on small sentence pairs."""

from __future__ import annotations

import pytest
from shiftcase import pair, severe, shifts, words

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
