"""Drift ranks what a reader must look at first: severity 3 ≫ 2 ≫ 1 ≫ low similarity alone."""

from __future__ import annotations

import math

import numpy as np
import pytest

from drift.report import Document, Link, Sentence, Shift
from drift.scoring import SimilarityCalibration, comparison_drift, link_drift

# Similarities of aligned and unrelated sentence pairs as two models spread them
USE = SimilarityCalibration.from_similarities(matched=[0.72, 0.78, 0.81, 0.84, 0.86, 0.9],
                                              unrelated=np.random.default_rng(0).normal(0.16, 0.05, 500))
MINILM = SimilarityCalibration.from_similarities(matched=[0.48, 0.55, 0.6, 0.64, 0.68, 0.72],
                                                 unrelated=np.random.default_rng(0).normal(0.0, 0.05, 500))


def shift(severity: int, kind: str = "other") -> Shift:
    return Shift(kind, severity, (0, 4), (0, 4), "“said” became “claimed”")


def test_calibration_is_made_per_model_from_the_two_distributions():
    assert USE.unrelated > MINILM.unrelated and USE.same > MINILM.same
    # the same relative position on each model's own scale means the same dissimilarity
    mid_use = (USE.same + USE.unrelated) / 2
    mid_minilm = (MINILM.same + MINILM.unrelated) / 2
    assert USE.dissimilarity(mid_use) == pytest.approx(MINILM.dissimilarity(mid_minilm)) == pytest.approx(0.5)
    # 0.6 is a good match for MiniLM but a poor one for USE
    assert MINILM.dissimilarity(0.6) < USE.dissimilarity(0.6)


def test_identical_text_scores_zero():
    for cal in (USE, MINILM):
        assert link_drift(1.0, [], cal) == 0.0


def test_severity_dominates_similarity():
    for cal in (USE, MINILM):
        worst_plain = link_drift(-1.0, [], cal)
        best_nuance = link_drift(1.0, [shift(1)], cal)
        worst_nuance = link_drift(-1.0, [shift(1)] * 6, cal)
        best_key = link_drift(1.0, [shift(2)], cal)
        worst_key = link_drift(-1.0, [shift(2)] * 6 + [shift(1)] * 3, cal)
        best_reversal = link_drift(1.0, [shift(3)], cal)
        assert worst_plain < best_nuance <= worst_nuance < best_key <= worst_key < best_reversal <= 1.0


def test_within_a_band_lower_similarity_and_more_shifts_drift_more():
    assert link_drift(0.5, [shift(2)], USE) > link_drift(0.9, [shift(2)], USE)
    assert link_drift(0.8, [shift(2), shift(2)], USE) > link_drift(0.8, [shift(2)], USE)
    assert link_drift(0.3, [], USE) > link_drift(0.85, [], USE)


def test_deleted_and_inserted_links_score_by_their_shift():
    assert 0.3 <= link_drift(None, [shift(1, "omission")], USE) <= 0.5
    assert 0.85 <= link_drift(None, [shift(3, "addition")], USE) <= 1.0


def test_calibration_survives_tiny_or_empty_samples():
    for cal in (SimilarityCalibration.from_similarities([]),
                SimilarityCalibration.from_similarities([0.8]),
                SimilarityCalibration.from_similarities([0.5, 0.5], [0.5]),
                SimilarityCalibration.from_similarities([float("nan"), 0.7], [])):
        assert cal.same > cal.unrelated
        for s in (-1.0, 0.0, 0.5, 1.0, None):
            d = link_drift(s, [], cal)
            assert 0.0 <= d <= 1.0 and math.isfinite(d)


def doc(n: int) -> Document:
    text = " ".join(f"Sentence {i} of the base." for i in range(n))
    at, sentences = 0, []
    for i in range(n):
        length = len(f"Sentence {i} of the base.")
        sentences.append(Sentence(at, at + length))
        at += length + 1
    return Document("b", "base", text, tuple(sentences))


def test_a_rewrite_identical_to_the_base_drifts_zero():
    base = doc(5)
    links = [Link((i,), (i,), 1.0, drift=0.0) for i in range(5)]
    assert comparison_drift(links, base) == 0.0
    assert comparison_drift([], base) == 0.0


def test_one_reversal_in_a_long_faithful_article_still_shows():
    base = doc(40)
    faithful = [Link((i,), (i,), 0.9, drift=0.02) for i in range(40)]
    reversed_one = faithful[:-1] + [Link((39,), (39,), 0.9, drift=0.9, shifts=(shift(3, "reversal"),))]
    nuanced = faithful[:-1] + [Link((39,), (39,), 0.9, drift=0.35, shifts=(shift(1),))]
    plain = comparison_drift(faithful, base)
    assert comparison_drift(reversed_one, base) > comparison_drift(nuanced, base) > plain
    assert comparison_drift(reversed_one, base) - plain > 0.1


def test_rewrite_drift_stays_in_range_when_everything_is_wrong():
    base = doc(3)
    links = [Link((i,), (), None, drift=1.0, shifts=(shift(3),) * 10) for i in range(3)]
    links.append(Link((), (0,), None, drift=1.0, shifts=(shift(3, "addition"),)))
    assert 0.99 <= comparison_drift(links, base) <= 1.0


def test_a_rewrite_that_carries_nothing_of_the_base_has_drift_one_unless_the_model_cannot_read_it():
    from drift.report import Document as Doc
    from drift.report import Link, Sentence, Shift
    from drift.scoring import comparison_drift

    text = "The council voted to close two libraries. The mayor objected."
    base = Doc("b", "base", text, (Sentence(0, 40), Sentence(41, len(text))), "en")
    links = [Link((0,), (), None, 0.5, shifts=(Shift("omission", 1, (0, 40), None, "left out"),)),
             Link((1,), (), None, 0.5, shifts=(Shift("omission", 1, (41, len(text)), None, "left out"),)),
             Link((), (0,), None, 0.5, shifts=(Shift("addition", 1, None, (0, 10), "added"),))]
    assert comparison_drift(links, base) == 1.0
    assert comparison_drift(links, base, model_reads_both=False) < 1.0


def test_a_rewrite_that_drops_or_invents_a_sentence_ranks_above_any_paraphrase():
    base = doc(20)
    # every link reworded as far as rewording goes, no shift: the most a paraphrase can drift
    paraphrase = [Link((i,), (i,), 0.5, drift=0.25) for i in range(20)]
    faithful = [Link((i,), (i,), 0.95, drift=0.0) for i in range(20)]
    dropped_key = [*faithful[:-1], Link((19,), (), None, drift=0.675, shifts=(shift(2, "omission"),))]
    dropped_and_invented = [*dropped_key, Link((), (19,), None, drift=0.675, shifts=(shift(2, "addition"),))]
    dropped_colour = [*faithful[:-1], Link((19,), (), None, drift=0.4, shifts=(shift(1, "omission"),))]
    nuanced_paraphrase = [*paraphrase[:-1], Link((19,), (19,), 0.5, drift=0.5, shifts=(shift(1),))]
    free = comparison_drift(paraphrase, base)
    assert 0.2 < free <= 0.25
    assert comparison_drift(dropped_colour, base) > free
    assert comparison_drift(dropped_and_invented, base) > comparison_drift(dropped_key, base) \
        > comparison_drift(nuanced_paraphrase, base) > free


# -- on real documents (written for this test), with each model ----------------------------------------

FLOOD_BASE = """Floods close the valley road
Heavy rain caused the river to burst its banks in the town of Alder on Tuesday morning.
Water reached the ground floors of about forty houses near the old bridge.
The fire brigade moved sixty residents to the school gym, which stayed open through the night.
The regional council said the new flood wall held for most of the night but gave way at the mill.
Engineers will inspect the wall on Thursday, once the water has gone down.
Shopkeepers on the market square said they had lost most of their stock.
The valley road will stay closed until the weekend, the police said.
"""
FLOOD_PARAPHRASE = """Valley road shut by floods
On Tuesday morning the river overflowed in Alder after torrential rain.
Around forty homes close to the old bridge had their ground floors flooded.
Sixty people were taken by firefighters to the school gymnasium, kept open overnight.
According to the regional council, the new barrier held much of the night before failing at the mill.
Once the water recedes, engineers are due to examine the barrier on Thursday.
Traders on the market square told reporters that most of their goods were ruined.
Police said the road through the valley would remain shut until the weekend.
"""
# the council's sentence left out, one about the mayor invented; the rest as in the base
FLOOD_DROPPED_AND_INVENTED = """Floods close the valley road
Heavy rain caused the river to burst its banks in the town of Alder on Tuesday morning.
Water reached the ground floors of about forty houses near the old bridge.
The fire brigade moved sixty residents to the school gym, which stayed open through the night.
Engineers will inspect the wall on Thursday, once the water has gone down.
Shopkeepers on the market square said they had lost most of their stock.
Residents blamed the mayor for cutting the budget for river maintenance last year.
The valley road will stay closed until the weekend, the police said.
"""


@pytest.mark.parametrize("model", ["use", "all-MiniLM-L6-v2"])
def test_a_free_faithful_paraphrase_drifts_less_than_a_sentence_dropped_and_one_invented(model, cache_dir):
    import drift

    report = drift.compare(FLOOD_BASE, FLOOD_PARAPHRASE, FLOOD_DROPPED_AND_INVENTED,
                           ids=["base", "paraphrase", "dropped-invented"], model=model, cache_dir=cache_dir)
    paraphrase, dropped = report.comparisons
    kinds = [link.kind for link in dropped.links]
    assert kinds.count("deleted") == 1 and kinds.count("inserted") == 1
    assert max(s.severity for link in paraphrase.links for s in link.shifts) < 2
    assert dropped.drift > paraphrase.drift
