"""Antonyms across languages: an English translation that says the opposite of a source word.

A source word (Chinese, Japanese, Hindi, Russian, Polish, Czech, German, French, Spanish,
Italian) has English translations in a wordnet of the Open Multilingual Wordnet
(:func:`drift.bilingual.translations`, each with its part of speech). An English word of the
rewrite is a ``reversal`` of severity 3 when all of these hold:

1. it is an antonym of a translation of a source word in that translation's part of speech (Open
   English WordNet's antonyms, direct, through similar-to and through derivation:
   :meth:`drift.lexicon.EnglishWordNet.antonyms`), a translation with an English negative
   prefix (*harmed* → *unharmed*; an adverb's adjective too: *personally* → *impersonal*), or its
   closed-class opposite (*before* → *after*);
2. the rewrite says that source word fewer times than the source has it (by a translation or an
   English word derived from one, :func:`drift.bilingual.renderings`: *сохранение* is said by
   *retaining*; words found at one place, *la même* and *même*, are said when one of them is), and
   the rewrite word is itself no translation of any source word (nor of a lexicon word that begins
   with a source word the lexicon lacks: *Eltern* → *Elternteil*, parent), nor a synonym of one
   of that word's translations (a translation in another sense), nor a cardinal number word;
3. it is not *as much alike* to other translations of a word of three or more translations (it
   shares an opposite with as many of them as it opposes): *escaso* is *rare* and *thin*; *thick*
   is opposed to one sense and cannot be told from a translation of another;
4. the two words stand at most :data:`MAX_PLACE_GAP` apart (as a share of each side's length;
   :data:`MAX_PLACE_GAP_CJK` from Chinese and Japanese): a translation keeps roughly the order of
   the source's parts; or, further apart, a source word beside one is said by a rewrite word beside
   the other (:func:`_anchored`: a phrase moves with its words);
5. the source word is no negator (*nunca*, *wenig*: :mod:`drift.shifts.negators`, the negation
   detector's business), the rewrite word is a content word or a function word with an opposite
   (*more*/*less*, *before*/*after*);
6. the rewrite word is not negated ("did not win" for "lost" says the same thing), nor the source
   word (a source "nicht klein" is rightly "big": a negator within :data:`NEGATOR_REACH`).

A rewrite word that meets 2, 4 (within :data:`VALUE_PLACE_GAP`), 5 and 6 but is no antonym is a
``reversal`` of severity 2 (:data:`VALUE_SEVERITY`) when it is clearly bad where the source
word's translations are clearly good, or the other way round (prior polarity,
:func:`drift.valence.valence`, in one part of speech among adjective, verb and adverb: *disfrutar*
→ *loathe*, 希望 → *hate*), and it is no kind of a translation (*beat*, a kind of *win*) nor
compatible with one of that source word or of any other
(:meth:`~drift.lexicon.EnglishWordNet.are_compatible`).

Finding the source's words: in a language written with spaces, each word and its lemma
(simplemma, a dictionary lemmatiser with its data included: Barbaresi 2023), and runs of two or
three words; in Chinese and Japanese, every lexicon word the text contains as a string, a word
inside a longer one left out (大 in 大学); a single Chinese character only where jieba segments it
as a word (开 is not "open" inside 开设, "establish"); no single Japanese kanji (a compound's part,
a verb's stem: 超える), but a verb or adjective by its stem before a kana ending (死ぬ → 死ん…).
Numerals are left to :mod:`drift.shifts.numbers`.

Measured on demetr-dev with gold 1-1 links (``benchmarks/demetr.py translation --gold-links``,
CJK / Devanagari / Latin-Cyrillic): antonym right-type recall 0.000 / 0.000 / 0.000 without this
detector, 0.400 / 0.138 / 0.406 with it (0.396 before anchoring and the adverbs' adjectives; an
adverb's adjective's antonyms as well found 0.411 but flagged a faithful *ihned* (immediately) →
*last*; unanchored pairs at any distance found 0.415 and flagged 2 more faithful translations;
0.367 / 0.138 / 0.362 without the reversals of value);
faithful translations flagged (all detectors) 0.050 / 0.000 / 0.033 without it, 0.050 / 0.000 /
0.043 with it (it flags 2 of 210 Latin/Cyrillic ones, one by value, none of the CJK or Hindi
ones); the other types' recall unchanged. Misses are mostly source words the wordnets lack or
translate narrowly (the Wiktionary wordnets are small: 1,788 Hindi words kept; 新, 大 and 小 are
in no Japanese one), and pairs Open English WordNet does not oppose (*paid*/*withheld*,
*agreed*/*disputed*); a wider net (:meth:`~drift.lexicon.EnglishWordNet.are_opposed`) found 0.33
/ 0.14 / 0.37 (before the value step) but flagged 7 of 210 faithful Latin/Cyrillic
translations, and was left out.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter

from drift.bilingual import LANGUAGES, normalise, renderings, translations
from drift.lexicon import FUNCTION_OPPOSITES, NEGATIVE_PREFIXES, lexicon
from drift.report import Shift
from drift.shifts.lexicons import NEGATORS as ENGLISH_NEGATORS
from drift.shifts.negators import NEGATORS, WEAK_NEGATORS, marks
from drift.shifts.numerals import primary
from drift.shifts.registry import LinkContext, register
from drift.shifts.text import Side, quote

#: Languages whose words simplemma lemmatises (its own list; not Chinese or Japanese).
SIMPLEMMA = frozenset({"hi", "ru", "pl", "cs", "de", "fr", "es", "it"})
#: The longest lemma looked for as a string in Chinese or Japanese text, in characters.
MAX_CJK_LEMMA = 8
#: At most this many lexicon words may begin with a word the lexicon lacks for their translations to
#: count as its own (:func:`compound_translations`).
MAX_COMPOUNDS = 3
#: How far apart (as a share of each side's length) a source word and the rewrite word that says
#: its opposite may stand: a translation keeps roughly the order of the source's parts. Wider from
#: Chinese and Japanese, whose modifiers and relative clauses stand before the noun and (Japanese)
#: verbs at the end, where English puts them after (Dryer, WALS chapters 81 and 90).
MAX_PLACE_GAP, MAX_PLACE_GAP_CJK = 0.5, 0.7
#: How near a source word (in characters, either side) a negator applies to it: about two words,
#: or two characters in Chinese and Japanese (不大, 大きくない).
NEGATOR_REACH, NEGATOR_REACH_CJK = 12, 3
#: A pair further apart than that still counts when it is anchored (:func:`_anchored`): a source
#: word at most this many lexicon words, and this many characters, from it is said at most this
#: many words from the rewrite word.
ANCHOR_WORDS, ANCHOR_CHARS, ANCHOR_CHARS_CJK = 2, 25, 8
#: How many words before a rewrite word a negator may stand and still apply to it.
NEGATION_REACH = 4
#: A reversal of value (a rewrite word clearly bad where a source word's translations are clearly
#: good: *disfrutar* → *loathe*) is severity 2, one below an antonym's 3, as in
#: :mod:`drift.shifts.lexical`: prior polarity knows two words are good and bad, not that they
#: stand on one scale; its two words stand at most :data:`VALUE_PLACE_GAP` apart (a tighter
#: pairing than an antonym's, whose relation is itself the evidence).
VALUE_SEVERITY, VALUE_PLACE_GAP = 2, 0.25
#: How clearly good or bad each word must be (|valence|, as :mod:`drift.shifts.lexical` asks), and
#: what share of a source word's translations in the part of speech must be rated.
CLEAR_VALENCE, VALUE_SHARE = 0.25, 0.5
#: The parts of speech whose value is a judgement (adjective, verb, adverb).
VALUE_POS = "avr"

_WORD = re.compile(r"[^\W\d_][\w\u0900-\u097f'’-]*")
_HIRAGANA = re.compile(r"[\u3041-\u309f]")
_KANJI = re.compile(r"[\u3400-\u9fff]")


def _lemmatise(word: str, language: str) -> str:
    """simplemma's lemma; a Polish superlative is naj- and the comparative, whose lemma simplemma
    knows (największy → większy → wielki)."""
    if language not in SIMPLEMMA:
        return word
    import simplemma

    if language == "pl" and word.lower().startswith("naj") and len(word) > 6:
        word = word[3:]
    return simplemma.lemmatize(word, lang=language)


#: French and Italian elided articles and prepositions (l', d', dell', nell', qu', un'), written
#: before the word they belong to: the word is what follows the apostrophe.
_ELISION = re.compile(r"^\w{1,4}['’](?=\w)")


def _elided(start: int, end: int, word: str, language: str) -> tuple[int, int, str]:
    """A word without an elided article or preposition before it (l'inizio → inizio)."""
    m = _ELISION.match(word) if language in ("fr", "it") else None
    return (start + m.end(), end, word[m.end():]) if m else (start, end, word)


@functools.lru_cache(maxsize=16)
def _japanese_stems(language: str) -> dict[str, str]:
    """Stems of Japanese verbs and adjectives (a kanji stem before a final hiragana ending) → the
    lemma: the inflected forms (死んだ, 大きく) begin with the stem."""
    if language != "ja":
        return {}
    out: dict[str, str] = {}
    for lemma in renderings(language):
        if len(lemma) >= 2 and _HIRAGANA.fullmatch(lemma[-1]) and _KANJI.search(lemma[:-1]):
            out.setdefault(lemma[:-1], lemma)
    return out


def _content(word: str) -> bool:
    """A source word worth comparing: letters only, no numeral (一, 二, ０ are figures, read by
    :mod:`drift.shifts.numbers`)."""
    return all(unicodedata.category(c)[0] in "LM" or c in " '’-" for c in word) \
        and not any(unicodedata.numeric(c, None) is not None for c in word)


def _single_characters(text: str, language: str) -> set[tuple[int, int]]:
    """Spans of the one-character words of a Chinese or Japanese text: a character alone is a word
    (重, 大) only where the segmenter says so, not inside a compound (开 in 开设, 超 in 超える is
    a different word). Chinese: jieba's segmentation; Japanese: none (a one-kanji verb or adjective
    is found by its stem, 死ぬ → 死ん…)."""
    if language != "zh":
        return set()  # Japanese: a kanji alone is a compound's part, a verb's stem (超える) or a name's
    import jieba

    jieba.setLogLevel(60)
    out, k = set(), 0
    for token in jieba.cut(text):
        if len(token) == 1:
            out.add((k, k + 1))
        k += len(token)
    return out


def source_words(text: str, language: str) -> list[tuple[int, int, str]]:
    """``(start, end, lemma)`` of the words of ``text`` that the bilingual lexicon of ``language``
    knows (:func:`drift.bilingual.renderings`: those with an opposite and those without), offsets
    into ``text``; see the module docstring for how they are found."""
    table = renderings(language)
    if not table:
        return []
    found: list[tuple[int, int, str]] = []
    if language in ("zh", "ja"):
        stems = _japanese_stems(language)
        for i in range(len(text)):
            for n in range(1, min(MAX_CJK_LEMMA, len(text) - i) + 1):
                s = text[i:i + n]
                if s in table and _content(s):
                    found.append((i, i + n, s))
                elif s in stems and i + n < len(text) and _HIRAGANA.match(text[i + n]) \
                        and _content(stems[s]):
                    found.append((i, i + n, stems[s]))
        words = _single_characters(text, language)
        found = [f for f in found if f[1] - f[0] > 1 or (f[0], f[1]) in words or len(f[2]) > 1]
        return [f for f in found if not any(g[0] <= f[0] and f[1] <= g[1] and g[1] - g[0] > f[1] - f[0]
                                            for g in found)]
    words = [_elided(m.start(), m.end(), m.group(), language) for m in _WORD.finditer(text)]
    for k in range(len(words)):
        for n in (3, 2, 1):
            if k + n > len(words):
                continue
            span = words[k:k + n]
            surface = normalise(" ".join(w for _, _, w in span), language)
            lemma = normalise(" ".join(_lemmatise(w, language) for _, _, w in span), language)
            for key in dict.fromkeys((surface, lemma)):
                if key in table and _content(key) and not (n == 1 and key in _AUXILIARIES.get(language, ())):
                    found.append((span[0][0], span[-1][1], key))
    return found


#: Auxiliary verbs (tense, voice), whose wordnet senses as full verbs ("have" = own, get, win…)
#: would face any English verb: the Universal Dependencies AUX lemmas of each language's treebanks
#: (universaldependencies.org, each language's "auxiliaries" section), modal verbs left out.
_AUXILIARIES: dict[str, frozenset[str]] = {
    "it": frozenset({"avere", "essere", "venire", "stare"}),
    "es": frozenset({"haber", "ser", "estar"}),
    "pt": frozenset({"ter", "haver", "ser", "estar"}),
    "fr": frozenset({"avoir", "être"}),
    "de": frozenset({"haben", "sein", "werden"}),
    "nl": frozenset({"hebben", "zijn", "worden"}),
    "pl": frozenset({"być", "zostać"}),
    "cs": frozenset({"být"}),
    "ru": frozenset({"быть"}),
    "hi": frozenset({"होना", "रहना"}),
}


@functools.lru_cache(maxsize=16)
def _sorted_words(language: str) -> list[str]:
    return sorted(renderings(language))


def compound_translations(text: str, language: str) -> frozenset[str]:
    """English lemmas that a word of ``text`` the lexicon lacks may stand for: the translations of
    the (at most :data:`MAX_COMPOUNDS`) lexicon words that begin with it, it being five letters or
    more (German *Eltern* for *Elternteil*, parent). Used only to tell that an English word *is* a
    translation, never to find an opposite."""
    if language in ("zh", "ja"):
        return frozenset()
    table, keys = renderings(language), _sorted_words(language)
    out: set[str] = set()
    for m in _WORD.finditer(text):
        for form in {normalise(m.group(), language), normalise(_lemmatise(m.group(), language), language)}:
            if len(form) < 5 or form in table:
                continue
            start = bisect.bisect_left(keys, form)
            longer = [key for key in keys[start:start + MAX_COMPOUNDS + 1] if key.startswith(form)]
            if len(longer) <= MAX_COMPOUNDS:
                out.update(lemma for key in longer for lemma in _said(language, key))
    return frozenset(out)


@functools.lru_cache(maxsize=65536)
def _lemmas(language: str, word: str) -> frozenset[str]:
    """The English lemmas a source word translates to."""
    return frozenset(t.lemma for t in translations(language).get(word, ()))


@functools.lru_cache(maxsize=65536)
def _said(language: str, word: str) -> frozenset[str]:
    """The English lemmas that say a source word: its translations and their derivationally
    related forms (:func:`drift.bilingual.renderings`)."""
    return renderings(language).get(word, frozenset())


@functools.lru_cache(maxsize=65536)
def _synonyms(language: str, word: str) -> frozenset[str]:
    """The English synonyms (WordNet synset members, in the translation's part of speech) of every
    translation of a source word."""
    lex = lexicon("en")
    return frozenset().union(*(lex.synonyms(t.lemma, t.pos) for t in translations(language).get(word, ())))


@functools.lru_cache(maxsize=65536)
def _opposition(language: str, word: str, english: str) -> bool:
    """Whether an English word (``english``, folded) says the opposite
    of the source ``word``: it is an antonym of one of its translations in that translation's part
    of speech, or one of them with a negative prefix; and it is not as much like another
    translation (sharing an opposite with it) as it is opposed to some: a source word of three or
    more translations may be translated by the rewrite word in another sense (*escaso* is *rare*
    and *thin*, *rare* is opposed to *thick*, *thin* too: no opposition to *thick* can be told)."""
    lex = lexicon("en")
    lemmas = lex.lemmas(english) | {english}
    table = translations(language)[word]
    opposed, alike = set(), set()
    word_opposites = lex.antonyms(english)
    for t in table:
        theirs = lex.antonyms(t.lemma, t.pos)
        # an adverb translation stands for its adjective's negative prefix too (*persönlich*,
        # *personally*: *impersonal*); its adjective's antonyms reach too far (*immediately*: *last*)
        forms = lex.bases(t.lemma, "r") if t.pos == "r" else {t.lemma}
        if lemmas & theirs or _closed_class(english, t.lemma) \
                or any(_prefixed(lemmas, f, lex) for f in forms):
            opposed.add(t.lemma)
        elif word_opposites & theirs:
            alike.add(t.lemma)
    if not opposed:
        return False
    return len(_lemmas(language, word)) < 3 or len(alike) < len(opposed)


def _closed_class(a: str, b: str) -> bool:
    """Opposite prepositions and particles WordNet leaves out (*before*/*after*):
    :data:`drift.lexicon.FUNCTION_OPPOSITES`."""
    return a != b and any(a in group and b in group for group in FUNCTION_OPPOSITES)


def _negator(word: str, language: str) -> bool:
    """A source word that negates (*nunca*, *wenig*): its translation is the negation detector's."""
    negators = NEGATORS.get(language)
    return (negators is not None and word in negators.words) or word in WEAK_NEGATORS.get(language, ())


_CLAUSE_BREAK = re.compile(r"[,;:.!?，、。；：！？]")


def _near_negator(text: str, a: int, b: int, start: int, end: int, reach: int) -> bool:
    """Whether the negator at ``start:end`` applies to the word at ``a:b``: within ``reach``
    characters either side, with no clause break (comma, colon, full stop) between."""
    if end <= a:
        return a - end <= reach and not _CLAUSE_BREAK.search(text, end, a)
    if start >= b:
        return start - b <= reach and not _CLAUSE_BREAK.search(text, b, start)
    return True


def _closed_class_word(word: str) -> bool:
    return any(word in group for group in FUNCTION_OPPOSITES)


def _negated(side: Side, k: int) -> bool:
    sent = side.tokens[k].sent
    return any(side.tokens[j].norm in ENGLISH_NEGATORS for j in range(max(0, k - NEGATION_REACH), k)
               if side.tokens[j].sent == sent)


def _prefixed(lemmas: frozenset[str], lemma: str, lex) -> bool:
    """A word (its ``lemmas``) is ``lemma`` with an English negative prefix (*unharmed*)."""
    for word in lemmas:
        for prefix in NEGATIVE_PREFIXES:
            rest = word[len(prefix):]
            if word.startswith(prefix) and len(rest) >= 3 and lemma in (lex.lemmas(rest) | {rest}):
                return True
    return False


def _place(side: Side, offset: int) -> float:
    """Where ``offset`` stands in a link side, 0 (start) to 1 (end)."""
    first, last = side.doc.sentences[side.indices[0]], side.doc.sentences[side.indices[-1]]
    return (offset - first.start) / max(last.end - first.start, 1)


def _neighbours(source: list[tuple[int, int, str]], language: str) -> dict[tuple[int, int], frozenset[str]]:
    """For each source word's span, the source words next to it: at most :data:`ANCHOR_WORDS`
    lexicon words and :data:`ANCHOR_CHARS` characters away (:func:`_anchored`)."""
    order = sorted(set(source))
    reach = ANCHOR_CHARS_CJK if language in ("zh", "ja") else ANCHOR_CHARS
    out: dict[tuple[int, int], frozenset[str]] = {}
    for i, (a, b, _) in enumerate(order):
        out.setdefault((a, b), frozenset(
            w for c, d, w in order[max(0, i - ANCHOR_WORDS):i + ANCHOR_WORDS + 1]
            if (c, d) != (a, b) and (abs(c - b) <= reach or abs(a - d) <= reach)))
    return out


def _anchored(near: frozenset[str], said_at: list[frozenset[str]], sents: list[int], k: int) -> bool:
    """Whether a source word and rewrite word ``k`` stand in one place although the sentence was
    reordered (a German verb-final clause, a Chinese relative clause): a source word next to it
    (``near``, :func:`_neighbours`) is said by a rewrite word next to ``k`` (at most
    :data:`ANCHOR_WORDS` words away, in the same sentence). Word order moves whole phrases; a
    word's neighbours in its phrase move with it (the locality that word aligners exploit: Och and
    Ney 2003, "A systematic comparison of various statistical alignment models")."""
    window = range(max(0, k - ANCHOR_WORDS), min(len(said_at), k + ANCHOR_WORDS + 1))
    return any(said_at[j] & near for j in window if j != k and sents[j] == sents[k])


def _cardinal(word: str, lex) -> bool:
    """An English cardinal number word (*three*, *thirties*): a figure, not an opposite."""
    return any("integer" in h for h in lex.hypernyms(word, "n", depth=4))


def detect(ctx: LinkContext) -> list[Shift]:
    """Rewrite words that say the opposite of a source word (see the module docstring)."""
    if not ctx.cross_lingual:
        return []
    bl, rl = primary(ctx.base_language), primary(ctx.rewrite_language)
    lex = lexicon("en")
    if rl != "en" or bl not in LANGUAGES or lex is None:
        return []
    base, rewrite = ctx.base, ctx.rewrite
    source: list[tuple[int, int, str]] = []
    compounds: set[str] = set()
    negations: list[tuple[int, int]] = []
    for i in base.indices:
        s = base.doc.sentences[i]
        text = base.doc.text[s.start:s.end]
        source += [(s.start + a, s.start + b, w) for a, b, w in source_words(text, bl)]
        compounds |= compound_translations(text, bl)
        if bl in NEGATORS:
            negations += [(s.start + a, s.start + b) for a, b in marks(text, bl)]
    if not source:
        return []
    # what the rewrite says: its words' lemmas, and runs of two or three words ("slow down", "be born")
    tokens = rewrite.tokens
    said: list[frozenset[str]] = []   # per word, and per run of two or three words
    word_lemmas: list[frozenset[str]] = []
    for k, t in enumerate(tokens):
        lemmas = lex.lemmas(t.norm) | {t.norm}
        word_lemmas.append(lemmas)
        said.append(lemmas)
        for n in (2, 3):
            if k + n <= len(tokens) and all(x.sent == t.sent for x in tokens[k:k + n]):
                phrase = " ".join(x.norm for x in tokens[k:k + n])
                said.append(frozenset({phrase, *lex.lemmas(phrase)}))
    # a source word is left untranslated when the rewrite says it fewer times than the source has
    # it ("plus grands lacs … assez grands" → "larger lakes … small enough"); words found at one
    # place (la même, même) are readings of one: said when one of them is
    occurrences = Counter(w for _, _, w in source)
    said_here = {(a, b) for a, b, w in source if sum(bool(_said(bl, w) & x) for x in said) >= occurrences[w]}
    table = translations(bl)
    untranslated = [(a, b, w) for a, b, w in source if w in table and not _negator(w, bl)
                    and not any(c < b and a < d for c, d in said_here)]
    if not untranslated:
        return []
    translated = compounds.union(*(_said(bl, w) for _, _, w in source))
    # a source word under a negator ("nicht klein") is rightly translated by its opposite ("big")
    reach = NEGATOR_REACH_CJK if bl in ("zh", "ja") else NEGATOR_REACH
    text = base.doc.text
    untranslated = [(a, b, w) for a, b, w in untranslated
                    if not any(_near_negator(text, a, b, start, end, reach) for start, end in negations)]
    # which source words each rewrite word says, for anchoring a pair by its neighbours
    said_at = [frozenset(w for _, _, w in source if _said(bl, w) & lemmas) for lemmas in word_lemmas]
    sents = [t.sent for t in tokens]
    neighbours = _neighbours(source, bl)
    shifts: list[Shift] = []
    used: set[tuple[int, int]] = set()
    candidates = []   # rewrite words that may say the opposite of a source word
    gap = MAX_PLACE_GAP_CJK if bl in ("zh", "ja") else MAX_PLACE_GAP
    for k, t in enumerate(tokens):
        # content words, and function words with an opposite (more/less, before/after)
        opposable = t.is_content or _closed_class_word(t.norm) or bool(lex.antonyms(t.norm))
        if not opposable or not t.norm.isalpha() or len(t.norm) < 3 or word_lemmas[k] & translated \
                or _negated(rewrite, k) or _cardinal(t.norm, lex):
            continue
        candidates.append(t)
        lemmas = frozenset({t.norm}) | word_lemmas[k]
        for a, b, w in untranslated:
            if (a, b) in used or (abs(_place(base, a) - _place(rewrite, t.start)) > gap
                                  and not _anchored(neighbours[(a, b)], said_at, sents, k)):
                continue
            if lemmas & _synonyms(bl, w):
                continue  # a synonym of one of its translations: a translation in another sense
            if _opposition(bl, w, t.norm):
                used.add((a, b))
                shifts.append(Shift("reversal", 3, (a, b), (t.start, t.end),
                                    f"{quote(t.text)} says the opposite of the source's "
                                    f"{quote(base.doc.text[a:b])}: the statement is reversed"))
                break
    said_opposite = {s.rewrite_span for s in shifts}
    for t in candidates:
        if (t.start, t.end) in said_opposite:
            continue
        for a, b, w in untranslated:
            if (a, b) in used or abs(_place(base, a) - _place(rewrite, t.start)) > VALUE_PLACE_GAP:
                continue
            value = _opposite_value(bl, w, t.norm, lex)
            # a rewrite word near in sense to another source word's translation renders that one
            if value is not None and not any(lex.are_compatible(t.norm, x.lemma) for _, _, v in source
                                             if v != w for x in translations(bl).get(v, ())):
                used.add((a, b))
                good, bad = ("good", "bad") if value > 0 else ("bad", "good")
                shifts.append(Shift("reversal", VALUE_SEVERITY, (a, b), (t.start, t.end),
                                    f"{quote(t.text)} is {good} where the source's "
                                    f"{quote(base.doc.text[a:b])} is {bad}: the value is reversed"))
                break
    return shifts



@functools.lru_cache(maxsize=65536)
def _source_value(language: str, word: str, pos: str) -> float | None:
    """The prior polarity (−1 … 1, :func:`drift.valence.valence`) of a source word's translations
    in one part of speech: their mean when at least :data:`VALUE_SHARE` of them are rated, all of
    one sign, and the mean is at least :data:`CLEAR_VALENCE` from neutral; else ``None``."""
    from drift.valence import valence

    table = [t for t in translations(language)[word] if t.pos == pos]
    values = [valence(t.lemma, t.pos) for t in table]
    values = [v for v in values if v is not None and v != 0]
    if not values or min(values) < 0 < max(values) or len(values) < VALUE_SHARE * len(table):
        return None
    mean = sum(values) / len(values)
    return mean if abs(mean) >= CLEAR_VALENCE else None


def _opposite_value(language: str, word: str, english: str, lex) -> float | None:
    """The valence of the English word ``english`` when it is clearly bad where the source
    ``word``'s translations are clearly good, or the other way round, in one part of speech
    (adjective, verb, adverb: a noun's value is its referent's, *urine*, not a judgement), being no
    kind of a translation (*beat* is a kind of *win*) nor compatible with one
    (:meth:`~drift.lexicon.Lexicon.are_compatible`); else ``None``."""
    from drift.valence import valence

    table = translations(language)[word]
    lemmas = {t.lemma for t in table}
    if lex.hypernyms(english, depth=2) & lemmas:
        return None   # a kind of a translation (beat: a kind of win) is a translation
    for pos in sorted({t.pos for t in table} & set(VALUE_POS)):
        theirs = _source_value(language, word, pos)
        if theirs is None or not lex.lemmas(english, pos):
            continue
        mine = valence(english, pos)
        if mine is None or abs(mine) < CLEAR_VALENCE or (mine > 0) == (theirs > 0):
            continue
        if not any(lex.are_compatible(english, t.lemma) for t in table):
            return mine
    return None


register("crosslingual-antonyms", detect, shift_types=("reversal",), languages=("en", *sorted(LANGUAGES)),
         cross_lingual=True)
