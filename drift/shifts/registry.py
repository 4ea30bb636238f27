"""The detector registry: which detector reads which languages, for which link kinds.

A detector family is one module that calls :func:`register` once per detector. A detector declares
the shift types it emits, the languages it reads (ISO 639-1 codes, or ``None`` for a detector that
reads no words of a language, only figures, names across scripts or the alignment itself), and
whether it can compare two sides in *different* languages. :func:`detectors_for` picks the ones
that apply to a link, so an English rule never reads a Spanish word and adding a language or a
family is one module plus its registration.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from drift.report import Shift
from drift.vocabulary import SHIFT_TYPES

#: Link kinds a detector can read: both sides present, or one side alone.
ALIGNED, DELETED, INSERTED = "aligned", "deleted", "inserted"


@dataclass(frozen=True)
class LinkContext:
    """What a detector sees of one link: both sides (:class:`~drift.shifts.text.Side`, either
    possibly ``None`` for a deleted or inserted link), the word diff of an aligned link, and each
    side's language (ISO 639-1 code or ``None`` when unknown)."""

    base: object | None
    rewrite: object | None
    diff: Sequence[tuple[int, str]]
    base_language: str | None
    rewrite_language: str | None

    @property
    def cross_lingual(self) -> bool:
        return (self.base_language is not None and self.rewrite_language is not None
                and self.base_language != self.rewrite_language)


@dataclass(frozen=True)
class Detector:
    """One registered detector.

    ``languages``: the languages whose words it reads; ``None`` reads any language. A link runs it
    only when both sides' languages are among them (an unknown language counts as a match, so an
    undetected short English sentence is still read). ``cross_lingual``: it compares sides in two
    different languages (figures, transliterated names, negation present on one side only).
    """

    name: str
    shift_types: frozenset[str]
    run: Callable[[LinkContext], list[Shift]]
    languages: frozenset[str] | None = None
    cross_lingual: bool = False
    link_kinds: frozenset[str] = frozenset({ALIGNED})

    def applies(self, ctx: LinkContext, kind: str) -> bool:
        if kind not in self.link_kinds:
            return False
        if ctx.cross_lingual and not self.cross_lingual:
            return False
        if self.languages is None:
            return True
        return all(lang is None or _primary(lang) in self.languages
                   for lang in (ctx.base_language, ctx.rewrite_language))


_REGISTRY: dict[str, Detector] = {}


def register(name: str, run: Callable[[LinkContext], list[Shift]], *, shift_types: Sequence[str],
             languages: Sequence[str] | None = None, cross_lingual: bool = False,
             link_kinds: Sequence[str] = (ALIGNED,)) -> Detector:
    """Register (or replace) the detector ``name``; returns it.

    Raises ``ValueError`` for a shift type outside :data:`drift.vocabulary.SHIFT_TYPES`.
    """
    unknown = set(shift_types) - set(SHIFT_TYPES)
    if unknown:
        raise ValueError(f"detector {name!r}: unknown shift types {sorted(unknown)}")
    det = Detector(name, frozenset(shift_types), run,
                   None if languages is None else frozenset(_primary(x) for x in languages),
                   cross_lingual, frozenset(link_kinds))
    _REGISTRY[name] = det
    return det


def detectors() -> list[Detector]:
    """Every registered detector, in registration order."""
    return list(_REGISTRY.values())


def detectors_for(ctx: LinkContext, kind: str = ALIGNED) -> list[Detector]:
    """The detectors that apply to a link of ``kind`` between these two languages."""
    return [d for d in _REGISTRY.values() if d.applies(ctx, kind)]


def _primary(language: str) -> str:
    """``"en-GB"`` → ``"en"``, ``"zh_Hant"`` → ``"zh"``."""
    return language.replace("_", "-").split("-")[0].lower()
