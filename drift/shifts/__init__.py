"""Shift detectors: what changed in meaning between the two sides of an aligned link.

One module per family, each ``detect(base, rewrite) -> list[Shift]`` over the link's two
:class:`~drift.shifts.text.Side`\\ s:

======================  =================================================================
``polarity``            reversals: who is stronger, who did what to whom, antonyms, negation
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

The word lists they read are in :mod:`drift.shifts.lexicons` (English). For a link in another
language only the figures are compared.
"""

from __future__ import annotations

from drift.diffing import word_diff
from drift.report import Document, Shift
from drift.shifts import attribution, entities, hedging, modality, numbers, omissions, polarity
from drift.shifts.additions import addition_shift
from drift.shifts.omissions import omission_shift
from drift.shifts.text import Side

__all__ = ["detect_shifts", "omission_shift", "addition_shift"]

#: When two shifts point at the same words, the one of higher severity is kept; at equal severity
#: the more specific type (earlier here) wins.
TYPE_ORDER = ("reversal", "negation", "attribution", "number", "entity", "hedging", "modality",
              "omission", "addition", "other")


def detect_shifts(base_doc: Document, rewrite_doc: Document, base_idx: tuple[int, ...],
                  rewrite_idx: tuple[int, ...], diff: list[tuple[int, str]] | None = None, *,
                  language: str | None = None) -> list[Shift]:
    """The meaning shifts of one aligned link (both sides non-empty), most severe first.

    ``diff`` is the link's :func:`~drift.diffing.word_diff` (made here if not given or if it does
    not rebuild the two sides). Spans index ``base_doc.text`` and ``rewrite_doc.text``.
    """
    base, rewrite = Side(base_doc, base_idx), Side(rewrite_doc, rewrite_idx)
    b_text, r_text = base.text, rewrite.text
    if b_text == r_text:
        return []
    if diff is None or "".join(t for op, t in diff if op <= 0) != b_text \
            or "".join(t for op, t in diff if op >= 0) != r_text:
        diff = word_diff(b_text, r_text)
    found: list[Shift] = numbers.detect(base, rewrite)
    if language is None or language.lower().startswith("en"):
        found += polarity.detect(base, rewrite, list(diff))
        found += attribution.detect(base, rewrite)
        found += entities.detect(base, rewrite)
        found += hedging.detect(base, rewrite)
        found += modality.detect(base, rewrite)
        found += omissions.detect(base, rewrite)
    return _without_duplicates(found)


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _without_duplicates(shifts: list[Shift]) -> list[Shift]:
    """Keep one shift per place: the most severe, then the most specific type."""
    ranked = sorted(shifts, key=lambda s: (-s.severity, TYPE_ORDER.index(s.type)))
    kept: list[Shift] = []
    for s in ranked:
        if any(_overlaps(s.base_span, k.base_span) or _overlaps(s.rewrite_span, k.rewrite_span)
               for k in kept):
            continue
        kept.append(s)
    return kept
