"""Drift: one number per link and per rewrite, 0 = same meaning, 1 = meaning lost or reversed.

The number ranks what a reader must look at first. Severity decides the band, similarity and the
number of shifts only order links within it, so a reversal always outranks a changed figure,
which always outranks a nuance, which always outranks a link that merely reads differently. A
whole rewrite is banded the same way, by its most severe shift (:func:`comparison_drift`): one that
leaves out or invents a key sentence outranks any rewrite that only paraphrased, however freely:

=========================  ==============
highest shift severity     link drift
=========================  ==============
none                       0.00 – 0.25
1 nuance                   0.30 – 0.50
2 key fact                 0.55 – 0.80
3 reversed or invented     0.85 – 1.00
=========================  ==============

Cosine scales differ per model (USE spreads about 0.1–0.85, MiniLM about −0.1–0.7), so similarity
enters only through a :class:`SimilarityCalibration` made for the model and document pair at hand.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from drift.report import Document, Link, Shift

#: Link drift band (low, high) per highest shift severity.
BANDS = {0: (0.0, 0.25), 1: (0.30, 0.50), 2: (0.55, 0.80), 3: (0.85, 1.0)}
#: How much each shift of a severity adds to a rewrite's drift beyond the links' average
#: (as a hazard: drift = 1 - (1 - mean) * exp(-Σ weight)). One reversal weighs four key facts.
SEVERITY_WEIGHT = {1: 0.005, 2: 0.03, 3: 0.12}


@dataclass(frozen=True)
class SimilarityCalibration:
    """Where similarity means "the same" and "unrelated" for one model on one document pair.

    ``same``: the similarity a faithful link reaches (upper quartile of the aligned pairs);
    ``unrelated``: what unrelated sentences reach (95th percentile of random cross pairs).
    """

    same: float
    unrelated: float

    @classmethod
    def from_similarities(cls, matched: Iterable[float], unrelated: Iterable[float] = ()
                          ) -> SimilarityCalibration:
        """Calibrate from the aligned pairs' similarities and a sample of unrelated pairs'.

        Either sample may be small or empty: with no unrelated pairs the floor is the lowest
        matched similarity (or 0); with no matched pairs "the same" is halfway from the floor to 1.
        """
        m = np.asarray([x for x in matched if x is not None and math.isfinite(x)], dtype=float)
        u = np.asarray([x for x in unrelated if x is not None and math.isfinite(x)], dtype=float)
        floor = float(np.quantile(u, 0.95)) if u.size else (float(m.min()) if m.size else 0.0)
        same = float(np.quantile(m, 0.75)) if m.size else (floor + 1.0) / 2
        same = min(max(same, floor + 0.05), 1.0)  # a degenerate sample must not divide by ~0
        floor = min(floor, same - 0.05)
        return cls(same=same, unrelated=floor)

    def dissimilarity(self, similarity: float | None) -> float:
        """0 at or above "the same", 1 at or below "unrelated", linear between."""
        if similarity is None or not math.isfinite(similarity):
            return 1.0
        return float(min(1.0, max(0.0, (self.same - similarity) / (self.same - self.unrelated))))


def _saturating(n: int) -> float:
    """0 for none, 0.5 for one, 0.75 for two … approaching 1."""
    return 1.0 - 0.5 ** max(n, 0)


def link_drift(similarity: float | None, shifts: Sequence[Shift], calibration: SimilarityCalibration
               ) -> float:
    """Drift of one link in [0, 1]: the severity band, then dissimilarity and shift count within it.

    A deleted or inserted link (``similarity`` None) sits at the top of its shifts' band.
    """
    severity = max((s.severity for s in shifts), default=0)
    lo, hi = BANDS[severity]
    d = calibration.dissimilarity(similarity)
    if severity == 0:
        return 0.0 if similarity is None else lo + (hi - lo) * d
    at_max = sum(s.severity == severity for s in shifts)
    below = len(shifts) - at_max
    position = 0.5 * d + 0.35 * _saturating(at_max - 1) + 0.15 * _saturating(below)
    return float(lo + (hi - lo) * min(1.0, position))


def comparison_drift(links: Sequence[Link], base_doc: Document, *, model_reads_both: bool = True) -> float:
    """Drift of a whole rewrite in [0, 1]: the band of its most severe shift (:data:`BANDS`, as for
    a link), and within it how much drifted.

    How much: the links' drifts averaged by how much base text each carries (an inserted link weighs
    half an average sentence), then raised by every shift's severity weight (:data:`SEVERITY_WEIGHT`),
    so that one reversal in a long faithful article still shows. A rewrite without any shift keeps
    that value, which stays in the band of rewording (its links' drifts are all in it); one with
    shifts has it mapped into its most severe shift's band. So however freely a rewrite rewords,
    it ranks below one with a nuance, and that below one that drops or invents a key sentence.
    Identical documents score 0; a rewrite that carries no sentence of the base at all (every base
    sentence deleted) scores 1: nothing of it is left — unless the model does not read one of the
    two languages (``model_reads_both=False``), when no link says only that it could not tell.
    """
    if not links:
        return 0.0
    if model_reads_both and any(link.base for link in links) \
            and not any(link.base and link.rewrite for link in links):
        return 1.0
    lengths = [s.end - s.start for s in base_doc.sentences] or [1]
    inserted_weight = 0.5 * sum(lengths) / len(lengths)
    weights, drifts = [], []
    for link in links:
        w = sum(lengths[i] for i in link.base) if link.base else inserted_weight
        weights.append(max(w, 1))
        drifts.append(min(1.0, max(0.0, link.drift)))
    mean = float(np.average(drifts, weights=weights))
    hazard = sum(SEVERITY_WEIGHT.get(s.severity, 0.0) for link in links for s in link.shifts)
    amount = min(1.0, max(0.0, 1.0 - (1.0 - mean) * math.exp(-hazard)))
    severity = max((s.severity for link in links for s in link.shifts), default=0)
    lo, hi = BANDS[severity]
    if severity == 0:  # rewording only: every link's drift, so their mean, is in the band already
        return float(min(amount, hi))
    return float(lo + (hi - lo) * amount)
