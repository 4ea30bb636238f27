"""Word knowledge per language: lemmas, synonyms, antonyms, hypernyms and gendered words.

Detectors ask :func:`lexicon` for a language's :class:`Lexicon` and get ``None`` where drift has
none, so a language without one simply skips the lexical checks. English is
:class:`EnglishWordNet`, read from ``drift/data/lexicon/en_wordnet.txt.gz``, which
``scripts/build_lexicon.py`` extracts from Open English WordNet (CC BY 4.0; see
``drift/data/lexicon/ATTRIBUTION``). Another language is one module with a class that satisfies
:class:`Lexicon` plus one :func:`register_lexicon` call.

Parts of speech are WordNet's ``"n"``, ``"v"``, ``"a"`` (adjectives and satellites), ``"r"``; the
Universal POS tags spaCy gives (``NOUN``, ``PROPN``, ``VERB``, ``AUX``, ``ADJ``, ``ADV``) are
accepted too, and ``None`` means every part of speech. Every method takes a word in any inflected
form and case ("Mice", "went", "tinier"): it is lemmatised first (:meth:`Lexicon.lemmas`), and
unknown words give empty sets, ``False`` or ``None``, never an error.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import itertools
import json
import re
import threading
from collections.abc import Callable, Iterable
from functools import cached_property
from importlib import resources
from typing import NamedTuple, Protocol, runtime_checkable

__all__ = ["EnglishWordNet", "Lexicon", "lexicon", "register_lexicon"]

#: The English data file in drift/data/lexicon/ (see scripts/build_lexicon.py).
DATA_FILE = "en_wordnet.txt.gz"

_POS = {"n": "n", "v": "v", "a": "a", "s": "a", "r": "r", "noun": "n", "propn": "n", "verb": "v",
        "aux": "v", "adj": "a", "adv": "r"}


@runtime_checkable
class Lexicon(Protocol):
    """What drift's detectors ask of one language's vocabulary (all results are lemmas)."""

    language: str

    def lemmas(self, word: str, pos: str | None = None) -> frozenset[str]:
        """The dictionary forms ``word`` can be an inflection of (itself included when known)."""
        ...

    def synonyms(self, word: str, pos: str | None = None) -> frozenset[str]: ...

    def antonyms(self, word: str, pos: str | None = None) -> frozenset[str]: ...

    def hypernyms(self, word: str, pos: str | None = None, depth: int = 3) -> frozenset[str]: ...

    def are_synonyms(self, a: str, b: str, pos: str | None = None) -> bool: ...

    def are_antonyms(self, a: str, b: str, pos: str | None = None) -> bool: ...

    def are_opposed(self, a: str, b: str, pos: str | None = None) -> bool:
        """Antonyms, or opposites one step further (a kind of an antonym, an antonym of a related
        sense) unless some senses of the two may say the same: a weaker, wider test, for words
        replaced in place."""
        ...

    def is_vaguer(self, general: str, specific: str, pos: str | None = None) -> bool: ...

    def main_synonyms(self, word: str, pos: str | None = None) -> frozenset[str]:
        """Lemmas sharing one of their most frequent senses with one of ``word``'s (itself left out)."""
        ...

    def gender(self, word: str) -> str | None:
        """``"male"``, ``"female"`` or ``None`` (not a gendered word)."""
        ...

    def gender_counterpart(self, word: str) -> str | None: ...


_REGISTRY: dict[str, Callable[[], Lexicon]] = {}
_LOADED: dict[str, Lexicon] = {}
_LOCK = threading.Lock()


def register_lexicon(language: str, factory: Callable[[], Lexicon]) -> None:
    """Make ``factory()`` the lexicon of ``language`` (an ISO 639-1 code such as ``"en"``); it is
    called once, the first time :func:`lexicon` asks for that language."""
    _REGISTRY[language.lower()] = factory
    _LOADED.pop(language.lower(), None)


def lexicon(language: str | None) -> Lexicon | None:
    """The lexicon of ``language`` (``"en"``, ``"en-GB"``, ``"EN"``), loaded once; ``None`` when
    drift has none for it. Thread-safe."""
    if not language:
        return None
    code = re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0]
    if code not in _REGISTRY:
        return None
    if code not in _LOADED:
        with _LOCK:
            if code not in _LOADED:
                _LOADED[code] = _REGISTRY[code]()
    return _LOADED[code]


# Morphy's detachment rules (WordNet's morphy(7)): suffix → replacement, per part of speech.
_DETACH = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
          ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
          ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}

#: Third-person singular pronouns and the honorifics, by gender, with their counterpart in the same
#: grammatical function (Quirk et al. 1985, *A Comprehensive Grammar of the English Language*,
#: §6.4, personal, possessive and reflexive pronouns). "her" is both object and possessive
#: determiner: its counterpart is given as "him"; compare :meth:`Lexicon.gender` to be safe.
PRONOUN_GENDER: dict[str, tuple[str, str]] = {
    "he": ("male", "she"), "him": ("male", "her"), "his": ("male", "her"), "himself": ("male", "herself"),
    "she": ("female", "he"), "her": ("female", "him"), "hers": ("female", "his"),
    "herself": ("female", "himself"),
    "mr": ("male", "ms"), "mr.": ("male", "ms."), "mrs": ("female", "mr"), "mrs.": ("female", "mr."),
    "ms": ("female", "mr"), "ms.": ("female", "mr."), "miss": ("female", "mr"),
}


#: English negative prefixes (Quirk et al. 1985, Appendix I.21: un-, in- and its assimilated
#: forms, dis-, non-) and the pejorative mis- ("wrongly", I.22: *conduct* / *misconduct*, only
#: where WordNet makes the word a kind of its stem's act: not *missing*): a word so prefixed to a
#: synonym of another is its opposite.
NEGATIVE_PREFIXES = ("un", "in", "im", "ir", "il", "dis", "non-", "non", "mis")

#: Opposite prepositions and adverbial particles, which WordNet leaves out (closed classes): the
#: converse relations of time and place in Quirk et al. 1985, §9.15–9.41 (*before*/*after*,
#: *above*/*below*, *over*/*under*, *inside*/*outside*, *up*/*down*, *since*/*until*, *ahead
#: of*/*behind*), and the positions in time that exclude each other: before, during and after an
#: event (§9.36), and the deictic positions of a time before its noun, which exclude each other
#: too (*last*, *this*, *next* week: deictic time reference). Each set's words are opposites of
#: each other.
FUNCTION_OPPOSITES: tuple[frozenset[str], ...] = tuple(frozenset(s) for s in (
    {"before", "after", "during"}, {"above", "below"}, {"over", "under"}, {"inside", "outside"},
    {"within", "outside"}, {"up", "down"}, {"upward", "downward"}, {"upstairs", "downstairs"},
    {"since", "until"}, {"since", "till"}, {"ahead", "behind"}, {"earlier", "later"},
    {"beforehand", "afterwards"}, {"beforehand", "afterward"}, {"upstream", "downstream"},
    {"forward", "backward"},
    {"last", "this", "next"},
))

#: How many of a word's senses, in WordNet's order (most frequent first), the kind-of-opposite
#: test of :meth:`EnglishWordNet.are_opposed` reads.
MAIN_SENSES = 2

#: How many of a word's senses, in WordNet's order, antonymy through similar-to reads on each side
#: (:meth:`EnglishWordNet.are_antonyms`): a satellite of a deep sense is another word's business
#: (*ago*'s sixth sense is a satellite of *past*, *earlier*'s first of *early*).
SIMILAR_SENSES = 4

#: Adverbs derived from adjectives by *-ly* (Quirk et al. 1985, Appendix I.37), with the spelling
#: changes of the adjective: *widely* → *wide*, *happily* → *happy*, *possibly* → *possible*,
#: *basically* → *basic*, *fully* → *full*: (adverb ending, adjective ending).
LY_ADVERBS: tuple[tuple[str, str], ...] = (
    ("ly", ""), ("ily", "y"), ("bly", "ble"), ("ply", "ple"), ("tly", "tle"), ("ically", "ic"),
    ("lly", "ll"), ("ly", "le"), ("ly", "e"))


class _Synset(NamedTuple):
    pos: str
    members: tuple[str, ...]
    hypernyms: tuple[int, ...]
    antonyms: tuple[int, ...]
    head: int | None
    also: tuple[int, ...]


class EnglishWordNet:
    """English from Open English WordNet (see the module docstring and ``scripts/build_lexicon.py``).

    Lemmatising follows WordNet's morphy: the irregular forms (WordNet's exception lists), then the
    detachment rules, keeping only candidates WordNet knows. Lookups try the word as written, then
    lower-cased, so "US" stays the country while "us" is not it. Antonyms are WordNet's sense
    antonyms, those inherited through similar-to (a satellite such as *tiny* takes the antonyms of
    its head *small*, and the satellites of those: *big*, *huge*), and derivationally related forms
    of antonyms (*success* ↔ *fail*); opposite prepositions and particles, which WordNet leaves
    out, come from :data:`FUNCTION_OPPOSITES`. :meth:`are_opposed` reaches one step further
    (see there). ``hypernyms`` walks up to ``depth`` levels; an adjective satellite's head counts
    as one level (*tiny* → *small*).
    """

    language = "en"

    def __init__(self) -> None:
        with (resources.files("drift") / "data" / "lexicon" / DATA_FILE).open("rb") as fh:
            tables, synsets, lemmas = gzip.decompress(fh.read()).decode("utf-8").split("\n\n")
        data = json.loads(tables)
        self._synset_lines: list[str] = synsets.split("\n")
        self._lemma_lines: list[str] = lemmas.split("\n")   # sorted: found by bisection
        self._antonyms: dict[str, dict[str, list[str]]] = data["antonyms"]
        self._derived: dict[str, dict[str, list[str]]] = data["derived_antonyms"]
        self._forms: dict[str, dict[str, list[str]]] = data["forms"]
        self._gender: dict[str, str] = data["gender"]
        self._pairs: list[list[str]] = data["gendered"]
        self.source: dict = data["source"]

    # -- lemmas ---------------------------------------------------------------------------------

    @functools.lru_cache(maxsize=65536)  # noqa: B019 -- one instance per language, kept
    def lemmas(self, word: str, pos: str | None = None) -> frozenset[str]:
        """The WordNet lemmas ``word`` can be a form of (``"mice"`` → ``{"mouse"}``, ``"went"`` →
        ``{"go", "went"}``): exceptions, then morphy's rules; empty when WordNet has none."""
        found: set[str] = set()
        for variant in _variants(word):
            for p in _parts(pos):
                found.update(self._morphy(variant, p))
                if " " in variant and not found:
                    found.update(self._collocation(variant, p))
            if found:
                break
        return frozenset(found)

    def _collocation(self, phrase: str, pos: str) -> set[str]:
        """A multiword lemma from its words' lemmas, as morphy does ("were born" → "be born")."""
        words = phrase.split()
        if len(words) > 3:
            return set()
        options = [sorted({w, *(x for p in ("n", "v", "a", "r") for x in self._morphy(w, p))}) for w in words]
        out: set[str] = set()
        for combo in itertools.product(*options):
            candidate = " ".join(combo)
            if pos in self._index(candidate):
                out.add(candidate)
        return out

    def _morphy(self, word: str, pos: str) -> set[str]:
        found = {w for w in self._forms.get(word, {}).get(pos, ()) if pos in self._index(w)}
        if pos in self._index(word):
            found.add(word)
        for suffix, ending in _DETACH[pos]:
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                base = word[: len(word) - len(suffix)] + ending
                if pos in self._index(base):
                    found.add(base)
        return found

    def _senses(self, word: str, pos: str | None) -> list[tuple[str, str, int]]:
        """``(lemma, pos, synset row)`` of every sense of every lemma of ``word``."""
        out = []
        for lemma in self.lemmas(word, pos):
            for p in _parts(pos):
                out.extend((lemma, p, row) for row in self._index(lemma).get(p, ()))
        return out

    @functools.lru_cache(maxsize=65536)  # noqa: B019
    def _index(self, lemma: str) -> dict[str, tuple[int, ...]]:
        """``{pos: synset rows}`` of one lemma as written (parsed from its line on first use)."""
        key = lemma + "\t"
        k = bisect.bisect_left(self._lemma_lines, key)
        if k == len(self._lemma_lines) or not self._lemma_lines[k].startswith(key):
            return {}
        out = {}
        for field in self._lemma_lines[k][len(key):].split("\t"):
            pos, *rows = field.split(" ")
            out[pos] = tuple(map(int, rows))
        return out

    @functools.lru_cache(maxsize=65536)  # noqa: B019
    def _synset(self, row: int) -> _Synset:
        pos, members, hypernyms, antonyms, head, also = self._synset_lines[row].split("\t")
        return _Synset(pos, tuple(members.split("|")), tuple(map(int, hypernyms.split())),
                       tuple(map(int, antonyms.split())), int(head) if head else None,
                       tuple(map(int, also.split())))

    # -- relations ------------------------------------------------------------------------------

    @functools.lru_cache(maxsize=65536)  # noqa: B019 -- one instance per language, kept
    def synonyms(self, word: str, pos: str | None = None) -> frozenset[str]:
        """Lemmas sharing a synset with one of ``word``'s senses (itself left out)."""
        own = self.lemmas(word, pos)
        return frozenset(m for _, _, row in self._senses(word, pos) for m in self._synset(row).members) - own

    @functools.lru_cache(maxsize=65536)  # noqa: B019 -- one instance per language, kept
    def antonyms(self, word: str, pos: str | None = None) -> frozenset[str]:
        """Opposites of ``word``: direct, through similar-to, and through derivation (see class)."""
        found: set[str] = set()
        lemmas = self.lemmas(word, pos)
        for lemma in lemmas:
            for p in _parts(pos):
                found.update(self._antonyms.get(lemma, {}).get(p, ()))
                found.update(self._derived.get(lemma, {}).get(p, ()))
        for _, _, row in self._senses(word, pos):
            head = self._synset(row).head
            for h in {row} if head is None else {row, head}:
                for opposite in self._synset(h).antonyms:
                    for r in (opposite, *self._satellites.get(opposite, ())):
                        found.update(self._synset(r).members)
        return frozenset(found - lemmas)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 -- one instance per language, kept
    def hypernyms(self, word: str, pos: str | None = None, depth: int = 3) -> frozenset[str]:
        """Lemmas of the synsets up to ``depth`` levels above ``word``'s senses."""
        frontier = {row for _, _, row in self._senses(word, pos)}
        seen: set[int] = set()
        for _ in range(max(depth, 0)):
            up = set()
            for row in frontier:
                synset = self._synset(row)
                up.update(synset.hypernyms)
                if synset.head is not None:
                    up.add(synset.head)
            frontier = up - seen
            seen |= up
        return frozenset(m for row in seen for m in self._synset(row).members) - self.lemmas(word, pos)

    def are_synonyms(self, a: str, b: str, pos: str | None = None) -> bool:
        """Whether ``a`` and ``b`` share a synset (not merely a lemma: see :meth:`lemmas`)."""
        lemmas_b = self.lemmas(b, pos)
        return bool(self.synonyms(a, pos) & lemmas_b) and not self.lemmas(a, pos) & lemmas_b

    def are_antonyms(self, a: str, b: str, pos: str | None = None) -> bool:
        """Whether ``a`` and ``b`` are antonyms in one of their senses (WordNet's sense relation or
        its derivations), or through similar-to (:meth:`antonyms`) in senses among their first
        :data:`SIMILAR_SENSES` (*tiny* / *big*; not *heavy* / *severe*, whose 16th and 4th senses
        are satellites of *indulgent* and *strict*), or one is the other (or its synonym) with a
        negative prefix (:data:`NEGATIVE_PREFIXES`), or both are opposite prepositions or
        particles (:data:`FUNCTION_OPPOSITES`)."""
        return self._sense_antonyms(a, b, pos) or self._similar_antonyms(a, b, pos) \
            or self._similar_antonyms(b, a, pos)

    def _similar_antonyms(self, a: str, b: str, pos: str | None) -> bool:
        """Whether one of ``a``'s first :data:`SIMILAR_SENSES` senses (or its head, for a
        satellite) has an antonym synset that is, or heads, one of ``b``'s first senses."""
        return not self._similar_opposite_rows(a, pos).isdisjoint(self._first_rows(b, pos))

    @functools.lru_cache(maxsize=65536)  # noqa: B019 -- one instance per language, kept
    def _first_rows(self, word: str, pos: str | None) -> frozenset[int]:
        """The synsets of ``word``'s first :data:`SIMILAR_SENSES` senses per lemma and part of speech."""
        return frozenset(row for lemma in self.lemmas(word, pos) for p in _parts(pos)
                         for row in self._index(lemma).get(p, ())[:SIMILAR_SENSES])

    @functools.lru_cache(maxsize=65536)  # noqa: B019 -- one instance per language, kept
    def _similar_opposite_rows(self, word: str, pos: str | None) -> frozenset[int]:
        """The antonym synsets of ``word``'s first senses (and of their heads), with their
        satellites."""
        found: set[int] = set()
        for row in self._first_rows(word, pos):
            synset = self._synset(row)
            for r in (row,) if synset.head is None else (row, synset.head):
                for o in self._synset(r).antonyms:
                    found.add(o)
                    found.update(self._satellites.get(o, ()))
        return frozenset(found)

    def are_opposed(self, a: str, b: str, pos: str | None = None) -> bool:
        """Antonyms of one sense (WordNet's sense relation, its derivations, a negative prefix, a
        closed-class opposite), or, when no sense of one is a sense of the other, near it or a kind
        of it (:meth:`are_compatible`: *early* / *previous*), antonyms through similar-to
        (:meth:`are_antonyms`) or opposites one step further in WordNet:

        - an antonym of ``a``'s :meth:`opposites` (through *also see* and, for an *-ly* adverb, its
          adjective) is ``b`` or a synonym of it: *current* → *former* (current *also see* new,
          whose antonym *old* is a sense of former), *widely* → *narrowly*;
        - one of the two first senses of a word (WordNet's most frequent) is a kind of an antonym
          of the other, not *eve* / *night* (only eve's third sense, *evening*, is a kind of
          *daytime*), unless other senses of the two are kinds of one thing (*evening* /
          *night*, both a time period); for verbs, whose senses WordNet splits finely, a kind
          (one or two levels down) of a lemma that is an antonym in any sense: *released* /
          *imprisoned* (imprison is a kind of confine, release's antonym), *confirmed* /
          *denied*, *fled* / *arrived*, not *withdrew* / *left*;
        - the two are kinds of antonyms, in their first senses: *growing* / *shrinking*;
        - a noun's or verb's first senses include the genus (direct hypernym) of an antonym of the other's
          (:meth:`_opposite_genus`: *presence* / *lack*, absence being a kind of lack); a word
          WordNet lists after *be* as a verb counts as that verb (*born* → *be born* ↔ *perish*).

        Wider than antonymy and noisier: meant for words that replace each other in place (a
        one-word substitution, in the part of speech the parse gives them both), not for whole
        rewritten sentences."""
        if self._sense_antonyms(a, b, pos):
            return True
        if self.are_compatible(a, b, pos):
            return False
        if self.are_antonyms(a, b, pos):
            return True
        if self.opposites(a, pos) & self._main_synonyms(b, pos) \
                or self.opposites(b, pos) & self._main_synonyms(a, pos):
            return True
        if self._negates(a, b, pos, loosely=True) or self._negates(b, a, pos, loosely=True):
            return True
        if (self._kind_of_opposite(a, b, pos) or self._kind_of_opposite(b, a, pos)) \
                and not self._cohyponyms(a, b, pos):
            return True
        if self._kinds_of_opposites(a, b, pos):
            return True
        if self._opposite_genus(a, b, pos) or self._opposite_genus(b, a, pos):
            return True
        return _parts(pos if pos is not None else "v") == ("v",) and (
            self._kind_of_opposite(a, b, "v", any_sense=True)
            or self._kind_of_opposite(b, a, "v", any_sense=True))

    def _sense_antonyms(self, a: str, b: str, pos: str | None) -> bool:
        """:meth:`are_antonyms` without the similar-to route: a sense antonym or its derivation,
        a negative prefix, a closed-class opposite."""
        la, lb = a.strip().lower(), b.strip().lower()
        if la != lb and any(la in group and lb in group for group in FUNCTION_OPPOSITES):
            return True
        if not self._sense_opposites(a, pos).isdisjoint(self.lemmas(b, pos) or {lb}) \
                or not self._sense_opposites(b, pos).isdisjoint(self.lemmas(a, pos) or {la}):
            return True
        return self._negates(a, b, pos) or self._negates(b, a, pos)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 -- one instance per language, kept
    def _sense_opposites(self, word: str, pos: str | None) -> frozenset[str]:
        """WordNet's sense antonyms of ``word``'s lemmas and their derivations (the JSON tables)."""
        return frozenset(x for lemma in self.lemmas(word, pos) for p in _parts(pos)
                         for table in (self._antonyms, self._derived)
                         for x in table.get(lemma, {}).get(p, ()))

    @functools.lru_cache(maxsize=65536)  # noqa: B019 -- one instance per language, kept
    def opposites(self, word: str, pos: str | None = None) -> frozenset[str]:
        """Opposites of ``word``'s most frequent senses (the first :data:`MAIN_SENSES` per lemma
        and part of speech), one step wider than :meth:`antonyms`: the antonyms of those synsets,
        of an adjective satellite's head, and of the synsets they *also see* (*current* → *new* →
        *old*), for an *-ly* adverb those of the adjective it comes from (*widely* → *wide* →
        *narrow*)."""
        rows: set[int] = set()
        for lemma in self.bases(word, pos):
            for p in _parts(pos if lemma in self.lemmas(word, pos) else "a"):
                for row in self._index(lemma).get(p, ())[:MAIN_SENSES]:
                    synset = self._synset(row)
                    rows.update((row, *synset.also))
                    if synset.head is not None:
                        rows.update((synset.head, *self._synset(synset.head).also))
        found: set[str] = set()
        for row in rows:
            for o in self._synset(row).antonyms:
                for r in (o, *self._satellites.get(o, ())):
                    found.update(self._synset(r).members)
        return frozenset(found - self.bases(word, pos))

    def _kind_of_opposite(self, a: str, b: str, pos: str | None, any_sense: bool = False) -> bool:
        """Whether one of the first :data:`MAIN_SENSES` senses of ``b`` (per lemma and part of
        speech) has an antonym synset of ``a`` as its direct hypernym (or head, for a satellite);
        ``any_sense`` (verbs): a lemma of such a hypernym, or of the one above it, is an antonym
        of any sense of ``a`` (*fled* → flee, a kind of escape, a kind of leave ↔ *arrived*)."""
        opposite: set[int] = set()
        for _, _, row in self._senses(a, pos):
            synset = self._synset(row)
            for r in (row,) if synset.head is None else (row, synset.head):
                for o in self._synset(r).antonyms:
                    opposite.add(o)
                    opposite.update(self._satellites.get(o, ()))
        opposite_lemmas = self.antonyms(a, pos) if any_sense else frozenset()
        if not opposite and not opposite_lemmas:
            return False
        for lemma in self.lemmas(b, pos):
            for p in _parts(pos):
                for row in self._index(lemma).get(p, ())[:MAIN_SENSES]:
                    synset = self._synset(row)
                    up = {*synset.hypernyms, *(() if synset.head is None else (synset.head,))}
                    if opposite & up:
                        return True
                    if any_sense:
                        up |= {h for u in up for h in self._synset(u).hypernyms}
                        if any(opposite_lemmas.intersection(self._synset(h).members) for h in up):
                            return True
        return False

    def _opposite_genus(self, a: str, b: str, pos: str | None) -> bool:
        """Whether one of the first :data:`MAIN_SENSES` noun or verb senses of ``b`` is the direct
        hypernym of an antonym of one of ``a``'s: *presence* / *lack* (presence ↔ absence, a kind
        of lack), *repaired* / *destroyed* (repair ↔ break, a kind of destroy): the opposite named
        by its genus."""
        for p in (x for x in _parts(pos) if x in ("n", "v")):
            opposite_up: set[int] = set()
            for lemma in self.lemmas(a, p):
                for row in self._index(lemma).get(p, ())[:MAIN_SENSES]:
                    for o in self._synset(row).antonyms:
                        opposite_up.update(self._synset(o).hypernyms)
            if any(row in opposite_up for lemma in self.lemmas(b, p)
                   for row in self._index(lemma).get(p, ())[:MAIN_SENSES]):
                return True
        return False

    def _cohyponyms(self, a: str, b: str, pos: str | None) -> bool:
        """Whether some sense of ``a`` and some sense of ``b`` are kinds of one thing (a direct
        hypernym in common: *night* and *evening* are both a time period)."""
        up_a = {h for _, _, row in self._senses(a, pos) for h in self._synset(row).hypernyms}
        return any(not up_a.isdisjoint(self._synset(row).hypernyms) for _, _, row in self._senses(b, pos))

    def _kinds_of_opposites(self, a: str, b: str, pos: str | None) -> bool:
        """Whether the direct hypernyms of the two words' first :data:`MAIN_SENSES` senses are
        antonyms: *growing* / *shrinking* (kinds of *increase* and *decrease*)."""
        def up(word: str) -> set[int]:
            rows: set[int] = set()
            for lemma in self.bases(word, pos):
                for p in _parts(pos):
                    for row in self._index(lemma).get(p, ())[:MAIN_SENSES]:
                        synset = self._synset(row)
                        rows.update(synset.hypernyms)
                        if synset.head is not None:
                            rows.add(synset.head)
            return rows
        up_b = up(b)
        return any(o in up_b or not up_b.isdisjoint(self._satellites.get(o, ()))
                   for row in up(a) for o in self._synset(row).antonyms)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 -- one instance per language, kept
    def main_synonyms(self, word: str, pos: str | None = None) -> frozenset[str]:
        """Lemmas that share a most frequent sense with ``word``: a synset among the first
        :data:`MAIN_SENSES` senses of one of ``word``'s lemmas and of theirs, per part of speech
        (*perish* → *die*, *loathe* → *abhor*; not *frequent* → *haunt*, whose own first senses are
        a ghost's); ``word``'s own lemmas left out."""
        own = self.lemmas(word, pos)
        found: set[str] = set()
        for lemma in own:
            for p in _parts(pos):
                for row in self._index(lemma).get(p, ())[:MAIN_SENSES]:
                    found.update(m for m in self._synset(row).members
                                 if row in self._index(m).get(p, ())[:MAIN_SENSES])
        return frozenset(found - own)

    def _main_synonyms(self, word: str, pos: str | None) -> frozenset[str]:
        """``word``'s :meth:`bases` and the members of their first :data:`MAIN_SENSES` synsets
        per part of speech (its most frequent senses: *used* → *employ*, not *exposed* → *break*),
        and a verb WordNet lists as *be* plus the word (*born* → *be born*, *due* → *be due*)."""
        found = set(self.bases(word, pos))
        if "v" in _parts(pos):
            found.update(f"be {x}" for x in self.lemmas(word) | {word.strip().lower()}
                         if "v" in self._index(f"be {x}"))
        for lemma in self.bases(word, pos):
            for p in _parts(pos):
                for row in self._index(lemma).get(p, ())[:MAIN_SENSES]:
                    found.update(self._synset(row).members)
        return frozenset(found)

    def are_compatible(self, a: str, b: str, pos: str | None = None) -> bool:
        """Whether some sense of ``a`` and some sense of ``b`` may say the same: a lemma, a stem
        or a synset in common, one a kind of the other (≤ 2 levels up), or adjectives' synsets
        linked by similar-to or *also see*."""
        forms_a, forms_b = self.bases(a, pos), self.bases(b, pos)
        if not forms_a or not forms_b:
            return False
        if forms_a & forms_b or self.are_synonyms(a, b, pos):
            return True
        if self.hypernyms(a, pos, depth=2) & forms_b or self.hypernyms(b, pos, depth=2) & forms_a:
            return True
        rows_a = {row for f in forms_a for _, _, row in self._senses(f, pos)}
        rows_b = {row for f in forms_b for _, _, row in self._senses(f, pos)}
        return bool(self._near(rows_a) & rows_b or self._near(rows_b) & rows_a)

    def _near(self, rows: set[int]) -> set[int]:
        """The synsets linked to ``rows`` by similar-to (either way) or *also see*."""
        out = set(rows)
        for row in rows:
            synset = self._synset(row)
            out.update(synset.also)
            if synset.head is not None:
                out.add(synset.head)
            out.update(self._satellites.get(row, ()))
        return out

    @functools.lru_cache(maxsize=65536)  # noqa: B019 -- one instance per language, kept
    def bases(self, word: str, pos: str | None) -> frozenset[str]:
        """:meth:`lemmas`, and for an *-ly* adverb that is no adjective itself the adjective it is
        derived from (:data:`LY_ADVERBS`): *widely* → {widely, wide}."""
        found = set(self.lemmas(word, pos))
        low = word.strip().lower()
        if (pos is None or _POS.get(pos.lower()) == "r") and low.endswith("ly") and not self.lemmas(low, "a"):
            for ending, replacement in LY_ADVERBS:
                stem_ = low[: len(low) - len(ending)] + replacement
                if low.endswith(ending) and len(stem_) >= 3 and "a" in self._index(stem_):
                    found.add(stem_)
                    break
        return frozenset(found)

    def _negates(self, word: str, other: str, pos: str | None, loosely: bool = False) -> bool:
        """``other`` is ``word`` (or a synonym of it) with a negative prefix: *selected*/*unchosen*;
        ``loosely``, a word compatible with it (:meth:`are_compatible`: *excited*/*unenthused*,
        enthuse being a kind of excite)."""
        low = other.lower()
        for prefix in NEGATIVE_PREFIXES:
            rest = low[len(prefix):]
            if not low.startswith(prefix) or len(rest) < 3:
                continue
            if prefix == "mis" and not self.hypernyms(low, pos, depth=2) & (self.lemmas(rest, pos)
                                                                              | self.synonyms(rest, pos)):
                continue  # mis- is "wrongly": a kind of the act (mismanage), not missing ≠ mis-sing
            if (self.lemmas(rest, pos) or {rest}) & (self.lemmas(word, pos) | self.synonyms(word, pos)):
                return True
            if loosely and self.lemmas(rest, pos) and self.are_compatible(rest, word, pos):
                return True
        return False

    def is_vaguer(self, general: str, specific: str, pos: str | None = None) -> bool:
        """Whether ``general`` is a hypernym (≤ 3 levels) of ``specific``: *vehicle* of *car*."""
        return bool(self.hypernyms(specific, pos) & self.lemmas(general, pos))

    # -- gender ---------------------------------------------------------------------------------

    def gender(self, word: str) -> str | None:
        """``"male"``/``"female"`` for gendered pronouns, honorifics (:data:`PRONOUN_GENDER`) and
        nouns whose main sense is a male or female person in WordNet (*king*, *actress*)."""
        low = word.lower()
        if low in PRONOUN_GENDER:
            return PRONOUN_GENDER[low][0]
        for lemma in sorted(self.lemmas(word, "n")):
            if lemma in self._gender:
                return self._gender[lemma]
        return None

    def gender_counterpart(self, word: str) -> str | None:
        """The same word for the other gender (he → she, kings → queen, actress → actor), as a
        lemma (or the pronoun in the same function); ``None`` when there is none."""
        low = word.lower()
        if low in PRONOUN_GENDER:
            return PRONOUN_GENDER[low][1]
        for lemma in sorted(self.lemmas(word, "n")):
            if lemma in self._counterparts:
                return self._counterparts[lemma]
        return None

    @cached_property
    def _counterparts(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for male, female in self._pairs:
            out.setdefault(male, female)
            out.setdefault(female, male)
        return out

    @cached_property
    def _satellites(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for row, line in enumerate(self._synset_lines):
            if line.startswith("s"):
                head = line.split("\t")[4]
                if head:
                    out.setdefault(int(head), []).append(row)
        return out


def _parts(pos: str | None) -> Iterable[str]:
    if pos is None:
        return ("n", "v", "a", "r")
    p = _POS.get(pos.lower())
    return (p,) if p else ()


def _variants(word: str) -> list[str]:
    w = word.strip().replace("_", " ").replace("\u2019", "'")
    out = [w]
    if w.lower() != w:
        out.append(w.lower())
    return out


register_lexicon("en", EnglishWordNet)
