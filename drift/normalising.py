"""Copies of text made for comparison only; reported offsets never point into them."""

from __future__ import annotations

import re
import unicodedata

import regex

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"',
    "\u00bb": '"', "\u2039": "'", "\u203a": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
})
_SPACE = re.compile(r"\s+")


def comparison_form(text: str) -> str:
    """NFKC, straight quotes and hyphens, zero-width characters dropped, whitespace folded.

    >>> comparison_form("“Colony,  never!”\u00a0— he said")
    '"Colony, never!" - he said'
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip()


# Accents a reader may leave out without changing the word: the generic combining diacritics
# (U+0300–036F and their supplements) on a Latin or Greek letter, and the optional vowel points of
# Arabic (harakat, U+064B–065F, U+0670) and Hebrew (niqqud and cantillation, U+0591–05C7). Marks
# that are part of the letter stay: Devanagari vowel signs and virama, the Japanese voicing marks
# (が is not か), Cyrillic й. Russian ё is written е in most print, so it folds to е.
_ACCENT = regex.compile(r"(?<=[\p{Latin}\p{Greek}][\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
                        r"\ufe20-\ufe2f]*)[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
                        r"|[\u064b-\u065f\u0670]|[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]"
                        r"|(?<=[\u0415\u0435])\u0308")


def strip_accents(text: str) -> str:
    """``text`` in NFC without the accents a reader may leave out (see ``_ACCENT``).

    >>> strip_accents("Nicolás Gonc\u0327alves"), strip_accents("Горбачёв"), strip_accents("がक्या")
    ('Nicolas Goncalves', 'Горбачев', 'がक्या')
    """
    return unicodedata.normalize("NFC", _ACCENT.sub("", unicodedata.normalize("NFD", text)))


def fold(text: str) -> str:
    """``comparison_form`` lower-cased and without accents: "Nicolás" and "nicolas" fold alike."""
    return strip_accents(comparison_form(text)).casefold()
