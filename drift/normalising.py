"""Copies of text made for comparison only; reported offsets never point into them."""

from __future__ import annotations

import re
import unicodedata

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


def fold(text: str) -> str:
    """``comparison_form`` lower-cased and without accents: "Nicolás" and "nicolas" fold alike."""
    decomposed = unicodedata.normalize("NFKD", comparison_form(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
