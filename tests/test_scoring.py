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
