"""Bilingual lexicons: a source-language word → its English translations, from wordnets.

A word's translations are the English lemmas of every synset a wordnet of the Open Multilingual
Wordnet puts it in, linked through the Collaborative Interlingual Index to Open English WordNet
(Bond and Foster 2013, "Linking and extending an open multilingual wordnet", ACL). The data, in
``drift/data/bilingual/``, is the part :mod:`drift.shifts.bilingual` uses (words with a
translation that has an English antonym), built by ``scripts/build_bilingual.py``; each file keeps
its wordnet's licence (``drift/data/bilingual/ATTRIBUTION``).

Words are looked up as :func:`normalise` writes them (NFC, single spaces, lower-cased in scripts
with case). A language without data gives an empty table, never an error.
"""

from __future__ import annotations

import functools
import gzip
import unicodedata
from collections.abc import Mapping
from importlib import resources
from typing import NamedTuple

__all__ = ["LANGUAGES", "UNCASED", "Translation", "normalise", "translations"]

#: The ISO 639-1 codes with a bilingual lexicon (files ``<code>-<wordnet>.tsv.gz``).
LANGUAGES: frozenset[str] = frozenset({"zh", "ja", "hi", "ru", "pl", "cs", "de", "fr", "es", "it"})
#: Scripts without case: their words are kept as written.
UNCASED: frozenset[str] = frozenset({"zh", "ja", "hi"})


def normalise(word: str, language: str) -> str:
    """A source word as the data keeps it: NFC, spaces single, lower-cased where the script has
    case (``"Grande"`` → ``"grande"``; ``"大きい"`` unchanged)."""
    w = " ".join(unicodedata.normalize("NFC", word).replace("_", " ").split())
    return w if language in UNCASED else w.lower()


class Translation(NamedTuple):
    """One English translation of a source word: a WordNet lemma and its part of speech (``n``,
    ``v``, ``a``, ``r``), the part of speech of the synset that links the two."""

    lemma: str
    pos: str


@functools.lru_cache(maxsize=16)
def translations(language: str) -> Mapping[str, frozenset[Translation]]:
    """``{source word: English translations}`` for ``language`` (ISO 639-1), every wordnet of it
    merged; empty for a language without data. Loaded once (a few hundred ms for the largest)."""
    if language not in LANGUAGES:
        return {}
    out: dict[str, set[Translation]] = {}
    folder = resources.files("drift") / "data" / "bilingual"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not (entry.name.startswith(f"{language}-") and entry.name.endswith(".tsv.gz")):
            continue
        with entry.open("rb") as fh:
            text = gzip.decompress(fh.read()).decode("utf-8")
        for line in text.splitlines():
            if line.startswith("#") or "\t" not in line:
                continue
            word, english = line.split("\t", 1)
            out.setdefault(word, set()).update(
                Translation(*item.rsplit("#", 1)) for item in english.split("|") if "#" in item)
    return {w: frozenset(e) for w, e in out.items()}
