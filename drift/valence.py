"""Prior polarity of English words: how good or bad a word is out of context, −1 … 1.

The ratings are VADER's (Hutto & Gilbert 2014: each word rated by ten people from −4, extremely
negative, to +4, extremely positive; MIT licence, see ``drift/data/valence/ATTRIBUTION``), read
from ``drift/data/valence/vader.tsv`` (``scripts/build_valence.py``) on the first call, never at
import. A word VADER does not list is reached through Open English WordNet (:mod:`drift.lexicon`),
the way polarity is spread over a wordnet (Hu & Liu 2004, *Mining and summarizing customer
reviews*; Esuli & Sebastiani 2006, SentiWordNet): its lemmas (*loathed* → *loathe*), the adjective
of an *-ly* adverb, the word after the negative prefix *un-* or *non-* with its sign turned
(*unharmed* ↔ *harmed*), or the rated members of its two most frequent senses' synsets when they agree
in sign (*perish* → *die*).

Only clear ratings count: a word whose raters disagree (standard deviation above :data:`MAX_STD`)
is unknown. :func:`valence` is what other modules call (the lexical detector for a word replaced
by one of the opposite value, the cross-lingual one on the English translation of a source word).
"""

from __future__ import annotations

import functools
import threading
from importlib import resources

__all__ = ["MAX_STD", "valence"]

#: The data file in drift/data/valence/.
DATA_FILE = "vader.tsv"
#: VADER's scale: a mean rating of ±4 is ±1 here.
SCALE = 4.0
#: Ratings whose standard deviation (on VADER's −4 … 4 scale) is above this are too disputed to
#: count: the raters did not agree on the word's sign.
MAX_STD = 1.5
#: Negative prefixes that turn a rated word's sign when what follows is itself a rated word
#: (Quirk et al. 1985, Appendix I.21: *un-* and *non-* attach to a word and negate it; *in-* and
#: *dis-* are left out: their remainders are often other words, *dis*-*miss*, *in*-*tent*).
NEGATIVE_PREFIXES = ("un", "non-", "non")

_LOCK = threading.Lock()
_TABLE: dict[str, tuple[float, float]] | None = None


def _table() -> dict[str, tuple[float, float]]:
    """``{word: (mean, std)}`` on VADER's scale, read once."""
    global _TABLE
    if _TABLE is None:
        with _LOCK:
            if _TABLE is None:
                text = (resources.files("drift") / "data" / "valence" / DATA_FILE).read_text("utf-8")
                table = {}
                for line in text.splitlines():
                    word, mean, std = line.split("\t")
                    table[word] = (float(mean), float(std))
                _TABLE = table
    return _TABLE


def _rated(word: str) -> float | None:
    """VADER's mean for ``word`` as written (−4 … 4), ``None`` if unrated or disputed."""
    entry = _table().get(word)
    return entry[0] if entry is not None and entry[1] <= MAX_STD else None


def valence(word: str, pos: str | None = None) -> float | None:
    """The prior polarity of ``word`` (any inflected form or case), from −1 (very bad: *murder*) to
    1 (very good: *wonderful*), 0 for a word rated neutral; ``None`` when unknown (unrated, rated
    with disputed sign, or not reached through WordNet). ``pos`` (WordNet's ``n v a r`` or spaCy's
    ``NOUN VERB ADJ ADV``…) restricts the WordNet senses read; the rating itself has no part of
    speech. Never raises on odd input (an empty string is unknown)."""
    low = " ".join(word.strip().lower().replace("\u2019", "'").split())
    if not low:
        return None
    value = _valence(low, None if pos is None else pos.upper())
    return None if value is None else max(-1.0, min(1.0, value / SCALE))


@functools.lru_cache(maxsize=65536)
def _valence(word: str, pos: str | None) -> float | None:
    direct = _rated(word)
    if direct is not None:
        return direct
    from drift.lexicon import LY_ADVERBS, lexicon  # here: the lexicon loads only when asked

    lex = lexicon("en")
    if lex is None:
        return None
    lemmas = sorted(lex.lemmas(word, pos))
    found = [v for v in map(_rated, lemmas) if v is not None]
    if found:
        return sum(found) / len(found)
    if word.endswith("ly") and not lemmas:
        for ending, replacement in LY_ADVERBS:
            stem = word[: len(word) - len(ending)] + replacement
            if word.endswith(ending) and len(stem) >= 3 and lex.lemmas(stem, "a"):
                return _valence(stem, "ADJ")
    for prefix in NEGATIVE_PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= 4 and lex.lemmas(rest):
            opposite = _valence(rest, None)
            if opposite is not None:
                return -opposite
    return _from_synonyms(lex, lemmas, pos)


def _from_synonyms(lex, lemmas: list[str], pos: str | None) -> float | None:
    """The mean rating of the rated members of the most frequent synsets of ``lemmas``
    (:meth:`~drift.lexicon.Lexicon.main_synonyms`),
    when they all have one sign (``None`` when none is rated or they disagree)."""
    members = {m for lemma in lemmas for m in lex.main_synonyms(lemma, pos)}
    found = [v for v in map(_rated, sorted(members - set(lemmas))) if v is not None and v != 0]
    if not found or (min(found) < 0 < max(found)):
        return None
    return sum(found) / len(found)

