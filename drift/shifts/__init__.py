"""Shift detectors: what changed in meaning between the two sides of an aligned link.

One module per family; each registers its detectors with :func:`drift.shifts.registry.register`,
declaring the shift types it emits and the languages it reads:

======================  =================================================================
``polarity``            reversals: who is stronger, who did what to whom, negation
``lexical``             a word swapped for its opposite (reversal) or a vaguer word
``attribution``         an allegation stated as fact, a source dropped or changed, a verdict added
``numbers``             figures changed, blurred, dropped or added (equivalents left alone)
``entities``            actors and places dropped, added or swapped
``hedging``             reporting-verb stance ("said" → "claimed"), hedges added
``modality``            may / might / will / must
``omissions``           phrases dropped inside a link; whole sentences left out
``additions``           rewrite sentences with nothing in the base
======================  =================================================================

``text`` holds what they share: tokens that keep their document offsets and a folded form
("Nicolás" = "Nicolas", "U.S." = "US", "organisation" ≈ "organization"), so comparison happens on
normalised words while every span points at the original text.
"""

from __future__ import annotations

from drift.diffing import word_diff
from drift.report import Document, Shift
from drift.shifts import (  # noqa: F401  (importing a family registers its detectors)
    attribution,
    bilingual,
    crosslingual,
    entities,
    hedging,
    lexical,
    modality,
    mood,
    numbers,
    omissions,
    polarity,
)
from drift.shifts.additions import addition_shift
from drift.shifts.omissions import omission_shift
from drift.shifts.registry import ALIGNED, LinkContext, detectors_for
from drift.shifts.text import Side
from drift.vocabulary import SHIFT_TYPES

__all__ = ["detect_shifts", "detect_side_shifts", "omission_shift", "addition_shift"]

#: When two shifts point at the same words, the one of higher severity is kept; at equal severity
#: the more specific type (earlier in the vocabulary) wins.
TYPE_ORDER = tuple(SHIFT_TYPES)


def detect_shifts(base_doc: Document, rewrite_doc: Document, base_idx: tuple[int, ...],
                  rewrite_idx: tuple[int, ...], diff: list[tuple[int, str]] | None = None) -> list[Shift]:
    """The meaning shifts of one aligned link (both sides non-empty), most severe first.

    ``diff`` is the link's :func:`~drift.diffing.word_diff` (made here if not given or if it does
    not rebuild the two sides). Spans index ``base_doc.text`` and ``rewrite_doc.text``. See
    :func:`detect_side_shifts`.
    """
    return detect_side_shifts(Side(base_doc, base_idx), Side(rewrite_doc, rewrite_idx), diff)


def detect_side_shifts(base: Side, rewrite: Side, diff: list[tuple[int, str]] | None = None) -> list[Shift]:
    """:func:`detect_shifts` on sides already made: the detectors registered for both documents'
    languages (:func:`drift.shifts.registry.detectors_for`) run over them. A caller that reads the
    same sides again (the word alignment of :mod:`drift.wordalign`) finds their tokens and word
    pairs already computed, kept on the sides."""
    b_text, r_text = base.text, rewrite.text
    if b_text == r_text:
        return []
    if diff is None or "".join(t for op, t in diff if op <= 0) != b_text \
            or "".join(t for op, t in diff if op >= 0) != r_text:
        diff = word_diff(b_text, r_text)
    ctx = LinkContext(base, rewrite, tuple(diff), base.doc.language, rewrite.doc.language)
    found: list[Shift] = []
    for detector in detectors_for(ctx, ALIGNED):
        found += detector.run(ctx)
    return _without_duplicates(found)


def _shared(a: tuple[int, int] | None, b: tuple[int, int] | None) -> float:
    """How much two spans share, as a share of the longer one (0 when either is missing)."""
    if a is None or b is None:
        return 0.0
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    longer = max(a[1] - a[0], b[1] - b[0])
    return 0.0 if overlap <= 0 else overlap / max(longer, 1)


#: Shift types that tell of one change when they overlap: a comparison reversed is also a negation
#: flipped; a dropped phrase that names an actor is also that actor gone; a hedge is a stance on
#: the attribution.
FAMILIES = ({"reversal", "negation"}, {"omission", "entity", "addition"}, {"attribution", "hedging"})


def _family(kind: str) -> frozenset[str]:
    return frozenset(next((f for f in FAMILIES if kind in f), {kind}))


def _same_place(s: Shift, k: Shift) -> bool:
    """Two shifts tell of the same change: they overlap and are of one family (:data:`FAMILIES`),
    or they point at mostly the same words. A narrow shift of another family inside a broad one (a
    figure changed inside a clause whose source was dropped) is a second change: both are kept."""
    shared = max(_shared(s.base_span, k.base_span), _shared(s.rewrite_span, k.rewrite_span))
    return shared > 0 and (_family(s.type) == _family(k.type) or shared >= 0.5)


def _without_duplicates(shifts: list[Shift]) -> list[Shift]:
    """Keep one shift per change: the most severe, then the most specific type."""
    ranked = sorted(shifts, key=lambda s: (-s.severity, TYPE_ORDER.index(s.type)))
    kept: list[Shift] = []
    for s in ranked:
        if not any(_same_place(s, k) for k in kept):
            kept.append(s)
    return kept
