"""Shifts across languages: names across scripts, negation on one side only, he ↔ she.

These detectors read a base and a rewrite in two *different* languages (a source and its
translation); the same-language detectors (:mod:`~drift.shifts.polarity`,
:mod:`~drift.shifts.entities`) handle a link within one language.

**Names across scripts.** A name is a run of capitalised words inside a sentence, in a language
written with capitals (a German noun is capitalised too, so a German word is a name only when no
article or determiner stands before it). A name of one side is *carried* by the other when one of
these holds, tried in order:

1. the same letters after transliteration to ASCII (Хабиб Нурмагомедов → Khabib Nurmagomedov),
   allowing inflection (Москве → Moskve ~ Moscow) by comparing consonant skeletons of the name
   with the start of each word ("mskv" ~ "msc");
2. a CLDR exonym: the territory, language and exemplar-city names of both locales (Babel), so
   Китай = China, Германия = Germany, Москва = Moscow, inflected forms matched by their stem.

The transliterator was chosen by measurement on name pairs taken from demetr-dev's ``src_sent`` /
``mt_sent`` (development data; capitalised English words of ``mt_sent`` looked up in the
transliterated source, prefix-tolerant match, share found): anyascii 0.3.3 hi 0.46, ru 0.51,
ja 0.07, zh 0.05; Unidecode 1.4.0 hi 0.39, ru 0.54, ja 0.07, zh 0.06; transliterate 1.10.2 (ru
only) 0.41; pypinyin 0.55 for zh 0.07. anyascii covers every script and is best on Devanagari,
within 0.03 of Unidecode on Cyrillic; no library carries a Chinese or Japanese rendering of a
foreign name back to its Latin spelling, so for a source in a script without capitals only names
the source writes in Latin letters are compared, and a missing name is not reported.

Measured on demetr-dev with gold 1-1 links (``benchmarks/demetr.py translation --gold-links``,
severity ≥ 2 of the right type; CJK / Devanagari / Latin-Cyrillic): name replaced 0.03 / 0.56 /
0.61, name removed 0.03 / 0.04 / 0.38, negation 0.92 / 0.93 / 0.93, he ↔ she 0.42 / 0.25 / 0.47;
faithful translations flagged (all detectors) 0.033 / 0.033 / 0.038. A name the translation
translates ("Cúpula de Hierro" → "Iron Dome") leaves capitalised English words the source does
not carry; a source name left over is then taken to be that one, not dropped.

**Negation** (:mod:`drift.shifts.negators`): a clause negator on one side and none on the other
is a ``negation`` shift of severity 3 (case 21: "aprobó" → "did not approve"). A
negative-concord language counts once.

**He ↔ she**: a third-person pronoun of one gender in the rewrite where the base marks only the
other gender is an ``entity`` shift of severity 2. The base's marks: nominative personal pronouns
(UD ``PronType=Prs|Gender=…|Person=3``), German possessives (seine), Chinese and Japanese
pronouns and person nouns (她, 彼女, 女性), and past-tense verbs that agree with their subject's
gender (Polish powiedziała, Russian сказала, Czech řekla).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

from drift.report import Shift
from drift.shifts.lexicons import STOPWORDS, word_set
from drift.shifts.negators import NEGATORS, PRIVATIVES, WEAK_NEGATORS, marks
from drift.shifts.numerals import primary
from drift.shifts.registry import LinkContext, register
from drift.shifts.text import Side, quote

_WORD = re.compile(r"[^\W\d_][\w\u0900-\u097f'’-]*")
#: Languages written with capitals, where a capitalised word inside a sentence is a name.
CASED = word_set("en de nl fr es it pt pl cs ru tr ro sv da no fi hu sk sl hr sr uk bg el lt lv et")
#: Words before which a German capitalised word is a common noun (articles and determiners).
_GERMAN_DETERMINERS = word_set("""der die das den dem des ein eine einen einem einer eines kein keine keinen
keinem keiner keines mein meine meinen meinem meiner sein seine seinen seinem seiner ihr ihre ihren
ihrem ihrer unser unsere dieser diese dieses diesen diesem jeder jede jedes jeden jedem alle allen
zum zur im am vom beim ins ans""")
#: Capitalised words that are not names in any of the cased languages' sentence-initial habit:
#: English function words, titles and calendar words (a month or weekday is compared as a figure
#: or not at all).
_OPENING_QUOTES = "\"'«»„“”‘’‹›「『"
_NOT_NAMES = word_set("""the a an in on at for of and but if when while after before since as by to from
with this that these those it he she they we i his her their our its according during under over
between about there here also however meanwhile mr mrs ms dr president minister prime chief
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december""")


def _ascii(text: str) -> str:
    from anyascii import anyascii

    return anyascii(text).lower()


def skeleton(word: str) -> str:
    """The consonant skeleton of an ASCII word, with spellings of one sound made one: "moscow" →
    "mskw" → "msk"; "gugl" and "google" → "ggl"; "vasimgtn" ~ "washington"."""
    w = re.sub(r"[^a-z]", "", word.lower())
    for a, b in (("ph", "f"), ("kh", "h"), ("ck", "k"), ("ch", "c"), ("sh", "s"), ("th", "t"),
                 ("zh", "z"), ("ts", "c"), ("tz", "c"), ("q", "k"), ("x", "ks"), ("v", "w"),
                 ("c", "k"), ("j", "y"), ("z", "s"), ("d", "t"), ("b", "p"), ("g", "k")):
        w = w.replace(a, b)
    w = re.sub(r"[aeiouyhw]", "", w)
    return re.sub(r"(.)\1+", r"\1", w)


def _similar(name: str, word: str) -> bool:
    """An ASCII name and an ASCII word of the other side are one name: equal, or the name's
    skeleton the start of the word's (inflection) with at most one sound different."""
    if name == word or (len(name) >= 4 and word.startswith(name)) \
            or (len(word) >= 4 and name.startswith(word)):
        return True
    a, b = skeleton(name), skeleton(word)
    if len(a) < 2 or len(b) < 2:  # mostly vowels (Huawei ~ huvai, Howie ~ hovi): the letters decide
        return difflib.SequenceMatcher(None, name, word[:len(name) + 1]).ratio() >= 0.66
    b = b[:len(a) + 1]
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


@functools.lru_cache(maxsize=32)
def exonyms(language: str) -> dict[str, str]:
    """Folded names of territories, languages and cities in ``language`` → their folded English
    names (CLDR, as shipped by Babel); empty when Babel does not know the locale."""
    try:
        from babel import Locale

        loc, en = Locale.parse(language), Locale.parse("en")
    except Exception:
        return {}
    out: dict[str, str] = {}
    for table in ("territories", "languages"):
        mine, english = getattr(loc, table), getattr(en, table)
        for code, name in mine.items():
            if code in english and "-" not in str(code):
                out.setdefault(_fold(name), _fold(english[code]))
    for zone, info in loc.time_zones.items():
        english_info = en.time_zones.get(zone, {})
        city = info.get("city") if hasattr(info, "get") else None
        en_city = english_info.get("city") if hasattr(english_info, "get") else None
        if city and not en_city:
            en_city = zone.split("/")[-1].replace("_", " ")
        if city and en_city:
            out.setdefault(_fold(city), _fold(en_city))
    return out


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.lower())
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


@functools.lru_cache(maxsize=65536)
def _exonym(word: str, language: str) -> str | None:
    """The folded English name of a place or language named ``word`` in ``language``, also inflected
    (Москве → moscow: the name less its last letter as a prefix); ``None`` if CLDR has none."""
    table = exonyms(language)
    w = _fold(word)
    if w in table:
        return table[w]
    for name, english in _by_prefix(language).get(w[:4], ()):
        stem = name[:-1] if len(name) >= 5 else name
        if len(stem) >= 4 and w.startswith(stem) and len(w) <= len(name) + 3:
            return english
    return None


@functools.lru_cache(maxsize=32)
def _by_prefix(language: str) -> dict[str, list[tuple[str, str]]]:
    """One-word exonyms of a language grouped by their first four letters."""
    out: dict[str, list[tuple[str, str]]] = {}
    for name, english in exonyms(language).items():
        if " " not in name:
            out.setdefault(name[:4], []).append((name, english))
    return out


def _words(side: Side) -> list[tuple[int, int, str, int]]:
    """(start, end, text, sentence) of every word of a side, in document offsets."""
    out = []
    for k, i in enumerate(side.indices):
        s = side.doc.sentences[i]
        text = side.doc.text[s.start:s.end]
        for m in _WORD.finditer(text):
            out.append((s.start + m.start(), s.start + m.end(), m.group(), k))
    return out


def names(side: Side, language: str, *, common: bool = False) -> list[tuple[int, int, list[str]]]:
    """Runs of capitalised words inside sentences: (start, end, words); none for an uncased script.

    A sentence's first word (or the first after an opening quote) counts when a capitalised word
    follows it ("Vladimir Putin met …"). English runs of dictionary words only ("Ministry of
    Economy") are left out unless ``common``."""
    if language not in CASED:
        return []
    words = _words(side)
    out: list[tuple[int, int, list[str]]] = []
    k = 0
    while k < len(words):
        start, end, w, sent = words[k]
        gap = side.doc.text[words[k - 1][1]:start].strip() if k else ""
        first = k == 0 or words[k - 1][3] != sent or (gap != "" and gap[-1] in _OPENING_QUOTES)
        cap = _capitalised(w)
        nxt_cap = k + 1 < len(words) and words[k + 1][3] == sent and words[k + 1][2][:1].isupper()
        prev = _fold(words[k - 1][2]) if k and not first else ""
        after_number = gap[-1:].isdigit()
        # an English sentence may open with a name alone ("Boeing owns …"): a word that is neither
        # a dictionary word nor a function word
        lone_name = language == "en" and _fold(w) not in STOPWORDS and not _common_english(w)
        if not cap or (first and not nxt_cap and not lone_name) \
                or (language == "de" and (prev in _GERMAN_DETERMINERS or after_number)):
            k += 1
            continue
        j = k
        while j + 1 < len(words) and words[j + 1][3] == sent and _capitalised(words[j + 1][2]) \
                and side.doc.text[words[j][1]:words[j + 1][0]].strip(" .") == "":  # a comma ends a name
            j += 1
        run = [words[x][2] for x in range(k, j + 1)]
        if first and len(run) == 1 and not lone_name:
            k = j + 1  # the next capital was no name word (an acronym, a numeral)
            continue
        if first and language != "en" and len(run) > 1 and len(run[0]) <= 3:
            run, start = run[1:], words[k + 1][0]  # "В Московском": a preposition opens the sentence
        if language == "de":
            # every German noun is capitalised: a name is a run of two or more capitalised words
            # (the sentence's first word left out), or a place CLDR names
            if first:
                run, start = run[1:], words[k + 1][0] if len(run) > 1 else start
            if len(run) < 2 and not (run and _exonym(run[0], "de")):
                k = j + 1
                continue
        if language == "en" and not common and all(_common_english(w) for w in run):
            k = j + 1  # "Ministry of Economy", "Children's Hospital": capitalised common words
            continue
        out.append((start, words[j][1], run))
        k = j + 1
    return out


def _capitalised(word: str) -> bool:
    """A capitalised word that can be part of a name: not a function or calendar word, not an
    acronym (США = USA, ONZ = UN: acronyms are translated, not transliterated), not a Roman
    numeral (XIVe)."""
    if not word[:1].isupper() or _fold(word) not in _fold(word) or _fold(word) in _NOT_NAMES:
        return False
    letters = re.sub(r"[^\w]", "", word)
    if letters.isupper() and len(letters) <= 5:
        return False
    return not re.fullmatch(r"[IVXLC]+(?:e|er|ème)?(?:[–-][IVXLC]+(?:e|er|ème)?)?", word)


def _common_english(word: str) -> bool:
    """An English dictionary word (Open English WordNet lemma, or its plural or possessive)."""
    from drift.lexicon import lexicon

    lex = lexicon("en")
    if lex is None:
        return False
    w = re.sub(r"['’]s$", "", word).lower()
    lemmas = lex.lemmas(w)
    return w in lemmas or (w.endswith(("s", "ren", "men")) and bool(lemmas))  # plurals: children


def carried(name_words: list[str], language: str, other: Side, other_language: str) -> bool:
    """Whether the other side carries a name (any of its words), by transliteration or exonym."""
    # parts of hyphenated words and elisions: Санкт-Петербург, l’Autriche, dell’Italia
    other_words = [p for _, _, w, _ in _words(other) for p in re.split(r"[-'’]", w) if len(p) > 1]
    ascii_other = [_ascii(w) for w in other_words]
    ascii_other += [a + b for a, b in zip(ascii_other, ascii_other[1:], strict=False)]  # स्नो डेन = Snowden
    mine = exonyms(language) if language != "en" else {}
    theirs = exonyms(other_language) if other_language != "en" else {}
    english_other = {e for w in other_words if (e := _exonym(w, other_language))} if theirs else set()
    folded_other = " " + " ".join(_fold(w) for w in other_words) + " "
    english_other |= {e for name, e in theirs.items() if " " in name and f" {name} " in folded_other}
    ascii_text = " ".join(ascii_other)
    for w in (p for n in name_words for p in n.split("-") if p):
        a = _ascii(w)
        if len(a) < 2:
            continue
        if re.search(rf"(?<![a-z]){re.escape(a)}(?![a-z])", ascii_text) \
                or any(_similar(a, o) for o in ascii_other):
            return True
        english = _exonym(w, language) if mine else _fold(w)
        if english and (any(_similar(english_word, o) for english_word in english.split()
                            for o in ascii_other) or english in english_other
                        or any(_similar(english_word, x) for e in english_other for x in e.split()
                               for english_word in english.split())):
            return True
    return False


def _left_over(name_words: list[str], language: str, other: Side, other_language: str) -> bool:
    """A name the other side does not carry. An English name is left over when one of its own
    words is (Max Kolonko → Max Harry: "Harry"), a dictionary word aside ("Thomas Cook Financial
    Services"); a name in another language when none of its words is carried."""
    if language != "en":
        return not carried(name_words, language, other, other_language)
    own = [w for w in name_words if not _common_english(w) and len(w.strip(".")) > 2] or name_words
    return any(not carried([w], language, other, other_language) for w in own)


def _translated(name_words: list[str], language: str, other: Side, other_language: str) -> bool:
    """A name with a word of three letters or more that the other side does not carry: "Iron Dome"
    in "Israel's Iron Dome" for "Cúpula de Hierro de Israel"."""
    return any(len(w.strip(".")) > 2 and not carried([w], language, other, other_language)
               for w in name_words)


def _transliterable(text: str) -> bool:
    """Text whose letters anyascii carries letter by letter: not CJK, kana or hangul."""
    return not re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", text)


def detect_names(ctx: LinkContext) -> list[Shift]:
    """A name of one side that the other side does not carry: replaced (severity 2, when the
    other side also has a name of its own) or dropped (severity 2)."""
    if not ctx.cross_lingual:
        return []
    bl, rl = primary(ctx.base_language), primary(ctx.rewrite_language)
    base, rewrite = ctx.base, ctx.rewrite
    b_text, r_text = base.text, rewrite.text
    if not (_transliterable(b_text) and _transliterable(r_text)):
        return []
    b_names = [n for n in names(base, bl) if not carried(n[2], bl, rewrite, rl)]
    r_names = [n for n in names(rewrite, rl) if _left_over(n[2], rl, base, bl)]
    # capitalised dictionary words the base does not carry ("Iron Dome", "Stock Exchange"): a name
    # the translation translates rather than transliterates, so a base name left over is that one
    r_translated = [n for n in names(rewrite, rl, common=True) if _translated(n[2], rl, base, bl)]
    b_translated = [n for n in names(base, bl, common=True) if not carried(n[2], bl, rewrite, rl)]
    if len(r_translated) > len(r_names):
        b_names = b_names[:len(r_names)]
    if len(b_translated) > len(b_names):
        r_names = r_names[:len(b_names)]
    shifts: list[Shift] = []
    doc_b, doc_r = base.doc.text, rewrite.doc.text
    for k, (s, e, _) in enumerate(r_names):
        rw = quote(doc_r[s:e])
        if k < len(b_names):
            bs, be, _ = b_names[k]
            shifts.append(Shift("entity", 2, (bs, be), (s, e),
                                f"{quote(doc_b[bs:be])} became {rw}: a different name"))
        else:
            shifts.append(Shift("entity", 2, None, (s, e),
                                f"the rewrite names {rw}, whom the base does not name"))
    for bs, be, _ in b_names[len(r_names):]:
        shifts.append(Shift("entity", 2, (bs, be), None,
                            f"the rewrite no longer names {quote(doc_b[bs:be])}"))
    return shifts


_AUXILIARIES = word_set("do does did is are was were has have had will would can could shall should "
                         "may might must been be")


def _negation_span(side: Side, span: tuple[int, int]) -> tuple[int, int]:
    """The negator with the auxiliary before it and the word after it: "did not approve"."""
    words = [w for w in _words(side)]
    k = next((i for i, w in enumerate(words) if w[0] <= span[0] < w[1]), None)
    if k is None:
        return span
    start, end = words[k][0], words[k][1]
    if k and _fold(words[k - 1][2]) in _AUXILIARIES and words[k - 1][3] == words[k][3]:
        start = words[k - 1][0]
    if k + 1 < len(words) and words[k + 1][3] == words[k][3]:
        end = words[k + 1][1]
    return start, end


def _counterpart(side: Side, word: str) -> tuple[int, int] | None:
    """The word of ``side`` most like ``word`` in letters (a cognate: "aprobó" for "approve"), if
    any is close enough."""
    a = _ascii(word)
    best, score = None, 0.6
    for s, e, w, _ in _words(side):
        r = difflib.SequenceMatcher(None, a, _ascii(w)).ratio()
        if r > score:
            best, score = (s, e), r
    return best


def _marks(side: Side, language: str) -> list[tuple[int, int]]:
    out = []
    for i in side.indices:
        s = side.doc.sentences[i]
        out += [(s.start + a, s.start + b) for a, b in marks(side.doc.text[s.start:s.end], language)]
    return out


#: English verbs whose complement did not happen (negative implicatives: Karttunen 1971, "Implicative
#: verbs", Language 47): "failed to pay" carries "nicht beglichen".
_NEGATIVE_IMPLICATIVES = re.compile(r"^(?:fail|refus|neglect|avoid|lack|prevent|prohibit|forbid|forbad|"
                                    r"ban|den[iy]|decline|stop|cease|miss|omit)")


def _lexical_negation(word: str) -> bool:
    """An English word that negates by itself: a negative implicative verb, or un-/in-/im-/dis-/non-
    before a dictionary word ("unfriendly", "unable", "impossible")."""
    if _NEGATIVE_IMPLICATIVES.match(word):
        return True
    m = re.match(r"(?:un|in|im|il|ir|dis|non)-?(\w{4,})$", word)
    return bool(m) and _common_english(m.group(1))


def detect_negation(ctx: LinkContext) -> list[Shift]:
    """A clause negated on one side only (severity 3), spans on the negator and, where a cognate
    shows it, on the other side's verb."""
    if not ctx.cross_lingual:
        return []
    bl, rl = primary(ctx.base_language), primary(ctx.rewrite_language)
    if bl not in NEGATORS or rl not in NEGATORS:
        return []
    base, rewrite = ctx.base, ctx.rewrite
    b_marks, r_marks = _marks(base, bl), _marks(rewrite, rl)
    if bool(b_marks) == bool(r_marks):
        return []
    if r_marks and any(_fold(w) in WEAK_NEGATORS.get(bl, ()) for _, _, w, _ in _words(base)):
        return []  # "wenig", "kaum": the base already says little or hardly
    if r_marks:
        span = _negation_span(rewrite, r_marks[0])
        words = rewrite.doc.text[span[0]:span[1]].split()
        other = _counterpart(base, words[-1]) if words else None
        return [Shift("negation", 3, other, span,
                      f"the rewrite negates {quote(rewrite.doc.text[span[0]:span[1]])}; the base does not")]
    # negated in the base only: a privative or a lexical negation in the rewrite may carry it
    r_words = {_fold(w) for _, _, w, _ in _words(rewrite)}
    if r_words & PRIVATIVES.get(rl, frozenset()) \
            or (rl == "en" and any(_lexical_negation(w) for w in r_words)):
        return []
    span = b_marks[0]
    return [Shift("negation", 3, span, None,
                  f"the base negates ({quote(base.doc.text[span[0]:span[1]])}); the rewrite does not")]


#: Third-person personal pronouns by gender (UD PronType=Prs, Person=3, Gender=Masc/Fem), in the
#: nominative only for languages with grammatical gender: their other forms (cs "ní", fr "la")
#: refer to things as often as to people. English lists every form; zh 他/她, ja 彼/彼女.
PRONOUNS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "en": (word_set("he him his himself"), word_set("she her hers herself")),
    "es": (word_set("él"), word_set("ella")),
    "fr": (word_set("lui"), word_set("elle")),
    "it": (word_set("lui egli"), word_set("lei ella")),
    "pt": (word_set("ele"), word_set("ela")),
    "de": (word_set("er seine seinem seinen seiner seines"), frozenset()),  # "sie", "ihr" also "they"
    "nl": (word_set("hij"), word_set("zij")),
    "ru": (word_set("он"), word_set("она")),
    "pl": (word_set("on"), word_set("ona")),
    "cs": (word_set("on"), word_set("ona")),
    "zh": (word_set("他"), word_set("她")),
    "ja": (word_set("彼"), word_set("彼女")),
}


#: Words of Chinese and Japanese that say a person's gender (pronouns and person nouns; UD
#: Gender=Masc/Fem on PRON, and the kinship and person nouns of the grammars cited in negators.py),
#: with compounds that contain them without meaning a person of that gender (其他 "other").
CJK_GENDERED = {
    "zh": (("他", "男子", "男性", "先生", "父亲", "儿子", "丈夫", "兄弟"),
           ("她", "女子", "女性", "女士", "夫人", "母亲", "女儿", "妻子", "姐妹"),
           ("其他", "他们", "她们", "他人", "吉他")),
    "ja": (("彼", "男性", "男子", "父", "息子", "夫", "兄", "弟", "祖父"),
           ("彼女", "女性", "女子", "母", "娘", "妻", "姉", "妹", "祖母"),
           ("彼ら", "彼等", "夫人", "丈夫", "大丈夫")),
}
#: Past-tense verb endings that agree with a 3rd-person singular subject's gender (UD
#: Gender=Masc/Fem on VERB with Tense=Past): Polish -ł/-ła, Russian -л/-ла, Czech -l/-la.
PAST_ENDINGS = {
    "pl": (("ował", "ił", "ał", "ył", "ął", "ęł"), ("owała", "iła", "ała", "yła", "ęła")),
    "ru": (("овал", "ил", "ал", "ел", "ыл", "ял"), ("овала", "ила", "ала", "ела", "ыла", "яла")),
    "cs": (("oval", "il", "al", "yl", "el"), ("ovala", "ila", "ala", "yla", "ela")),
}


def _genders(side: Side, language: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of the words that make a person masculine and feminine on one side."""
    masc, fem = PRONOUNS[language]
    m_spans: list[tuple[int, int]] = []
    f_spans: list[tuple[int, int]] = []
    if language in CJK_GENDERED:
        m_words, f_words, not_within = CJK_GENDERED[language]
        for i in side.indices:
            s = side.doc.sentences[i]
            text = side.doc.text[s.start:s.end]
            covered = {k for w in not_within for m in re.finditer(re.escape(w), text)
                       for k in range(m.start(), m.end())}
            taken: set[int] = set()
            for words, out in ((f_words, f_spans), (m_words, m_spans)):  # 彼女 before 彼
                for w in sorted(words, key=len, reverse=True):
                    for m in re.finditer(re.escape(w), text):
                        if m.start() in covered or m.start() in taken:
                            continue
                        taken.update(range(m.start(), m.end()))
                        out.append((s.start + m.start(), s.start + m.end()))
        return m_spans, f_spans
    m_end, f_end = PAST_ENDINGS.get(language, ((), ()))
    for s, e, w, _ in _words(side):
        low = w.lower()
        form = low if language == "es" else _fold(w)  # Spanish "él" (he) is not "el" (the)
        verb = low[:1].islower() and len(low) >= 4
        fem_verb = verb and bool(f_end) and low.endswith(f_end)
        masc_verb = verb and not fem_verb and bool(m_end) and low.endswith(m_end)
        if low in masc or form in masc or masc_verb:
            m_spans.append((s, e))
        elif low in fem or form in fem or fem_verb:
            f_spans.append((s, e))
    return m_spans, f_spans


def detect_gender(ctx: LinkContext) -> list[Shift]:
    """He ↔ she across languages: the rewrite refers to a person by one gender only where the base
    refers by the other only (severity 2)."""
    if not ctx.cross_lingual:
        return []
    bl, rl = primary(ctx.base_language), primary(ctx.rewrite_language)
    if bl not in PRONOUNS or rl not in PRONOUNS:
        return []
    bm, bf = _genders(ctx.base, bl)
    rm, rf = _genders(ctx.rewrite, rl)
    for (b_one, b_other, r_one, what) in ((bf, bm, rm, "he"), (bm, bf, rf, "she")):
        if b_one and not b_other and r_one:
            span = r_one[0]
            word = ctx.rewrite.doc.text[span[0]:span[1]]
            return [Shift("entity", 2, b_one[0], span,
                          f"the rewrite refers to the person as {quote(word)} ({what}); the base by the "
                          "other gender")]
    return []


register("crosslingual-names", detect_names, shift_types=("entity",), cross_lingual=True)
register("crosslingual-negation", detect_negation, shift_types=("negation",),
         languages=tuple(NEGATORS), cross_lingual=True)
register("crosslingual-gender", detect_gender, shift_types=("entity",),
         languages=tuple(PRONOUNS), cross_lingual=True)
