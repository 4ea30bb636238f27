"""Bilingual lexicons: a source-language word → its English translations, from wordnets and CC-CEDICT.

A word's translations are the English lemmas of every synset a wordnet of the Open Multilingual
Wordnet puts it in, linked through the Collaborative Interlingual Index to Open English WordNet
(Bond and Foster 2013, "Linking and extending an open multilingual wordnet", ACL). The data, in
``drift/data/bilingual/``, is the part :mod:`drift.shifts.bilingual` uses (words with a
translation that has an English antonym, with every translation; other words with those of their
English words that have one), built by ``scripts/build_bilingual.py``; each file keeps its
wordnet's licence (``drift/data/bilingual/ATTRIBUTION``). Chinese Open Wordnet's adjectives X+的
and adverbs X+地 are read as X. Chinese also has CC-CEDICT (MDBG, CC BY-SA 4.0), its glosses that
are Open English WordNet lemmas (*to close* a verb, others an adjective where WordNet has one),
its single characters only to tell a translation (it glosses every sense of the morpheme).

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

__all__ = ["LANGUAGES", "UNCASED", "Translation", "normalise", "renderings", "translations"]

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
def _read(language: str) -> tuple[dict[str, frozenset[Translation]], dict[str, frozenset[str]]]:
    """The data of ``language``, every wordnet of it merged: ``(translations, renderings)``."""
    found: dict[str, set[Translation]] = {}
    said: dict[str, set[str]] = {}
    if language not in LANGUAGES:
        return {}, {}
    folder = resources.files("drift") / "data" / "bilingual"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not (entry.name.startswith(f"{language}-") and entry.name.endswith(".tsv.gz")):
            continue
        with entry.open("rb") as fh:
            text = gzip.decompress(fh.read()).decode("utf-8")
        for line in text.splitlines():
            if line.startswith("#") or "\t" not in line:
                continue
            word, english, *related = line.split("\t")
            items = [Translation(*item.rsplit("#", 1)) for item in english.split("|") if "#" in item]
            if items:
                found.setdefault(word, set()).update(items)
            said.setdefault(word, set()).update(
                [t.lemma for t in items] + [x for r in related for x in r.split("|") if x])
    return {w: frozenset(e) for w, e in found.items()}, {w: frozenset(e) for w, e in said.items()}


def translations(language: str) -> Mapping[str, frozenset[Translation]]:
    """``{source word: English translations}`` for ``language`` (ISO 639-1), every wordnet of it
    merged: the words a translation may say the opposite of. Empty for a language without data;
    loaded once (a few hundred ms for the largest)."""
    return _read(language)[0]


def renderings(language: str) -> Mapping[str, frozenset[str]]:
    """``{source word: English lemmas that say it}`` for ``language``: a word's translations and
    the English words derivationally related to them (*сохранение* → *retention*, *retain*), for
    every word of the data (a word without an opposite keeps only those of its English words that
    could be an opposite of another: *autre* → *other*). Used to tell that a rewrite word *is* a
    translation; never to find an opposite."""
    return _read(language)[1]
