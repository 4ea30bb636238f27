"""Language identification: the writing system first, then statistics where a script has many languages.

Character n-gram statistics (py3langid, offline, pure Python with numpy) need a few dozen letters and
are easily fooled on one short CJK or Hindi sentence, yet the script alone settles most of those
cases: Han without kana is Chinese, any kana is Japanese, Hangul is Korean, Thai script is Thai. The
script-to-language facts are those of the Unicode Script property (``regex``'s ``\\p{Script=…}``)
and of the languages each script is chiefly written in (Unicode CLDR's likely subtags: und_Deva → hi,
und_Arab → ar, und_Hebr → he, …); where a script serves several languages the statistics choose only
among those.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import regex

#: Below this many letters a statistical guess is not worth reporting.
MIN_LETTERS = 20

# Scripts written in one language only for practical purposes (CLDR likely subtags).
_SCRIPT_LANGUAGE = {
    "Hangul": "ko", "Thai": "th", "Lao": "lo", "Khmer": "km", "Myanmar": "my", "Georgian": "ka",
    "Armenian": "hy", "Greek": "el", "Gujarati": "gu", "Gurmukhi": "pa", "Tamil": "ta",
    "Telugu": "te", "Kannada": "kn", "Malayalam": "ml", "Sinhala": "si", "Oriya": "or",
    "Tibetan": "bo",
}
# Scripts shared by a few languages: the likely one first, then those the statistics may choose.
_SCRIPT_CANDIDATES = {
    "Devanagari": ("hi", "mr", "ne", "sa"),
    "Arabic": ("ar", "fa", "ur", "ps", "ug", "ku"),
    "Hebrew": ("he", "yi"),
    "Bengali": ("bn", "as"),
    "Ethiopic": ("am",),
}
# Scripts of many languages: statistics only, among the languages written in them.
_STATISTICAL_SCRIPTS = ("Latin", "Cyrillic")
_SCRIPTS = tuple(_SCRIPT_LANGUAGE) + tuple(_SCRIPT_CANDIDATES) + _STATISTICAL_SCRIPTS + (
    "Han", "Hiragana", "Katakana")
_SCRIPT_OF = regex.compile("|".join(f"(?P<{s}>\\p{{Script={s}}})" for s in _SCRIPTS))
_LETTER = regex.compile(r"\p{L}")


_identifier_lock = threading.Lock()


def _identifier():
    with _identifier_lock:  # loaded once, whichever thread asks first
        return _load_identifier()


@lru_cache(maxsize=1)
def _load_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def script_counts(text: str) -> Counter[str]:
    """Letters per Unicode script (``"Latin"``, ``"Han"``, ``"Devanagari"``…), scripts drift knows,
    in the order the scripts first appear in ``text``. Each distinct character is looked up once.

    >>> script_counts("50亿元 in Q3")
    Counter({'Latin': 3, 'Han': 2})
    """
    counts: Counter[str] = Counter()
    for char, n in Counter(text).items():  # characters in order of first appearance
        script = _script_of(char)
        if script is not None:
            counts[script] += n
    return counts


@lru_cache(maxsize=8192)
def _script_of(char: str) -> str | None:
    """The script drift knows of one character (see :func:`script_counts`), or None."""
    m = _SCRIPT_OF.match(char)
    return None if m is None else m.lastgroup


def script_language(text: str) -> str | None:
    """The language the script of ``text`` decides alone, or None (Latin, Cyrillic, no letters).

    Han with kana is Japanese (kana at least 5 % of the CJK letters, so a stray katakana loan in
    Chinese does not count), Han alone Chinese; otherwise the script with most letters decides, its
    most likely language (CLDR) taken when it has several.

    >>> script_language("新医院将于明年三月开放。"), script_language("東京に行きました。")
    ('zh', 'ja')
    >>> script_language("यह एक वाक्य है।"), script_language("Hello")
    ('hi', None)
    """
    return _language_of_scripts(script_counts(text))


def _language_of_scripts(counts: Counter[str]) -> str | None:
    """:func:`script_language` from the text's :func:`script_counts`."""
    if not counts:
        return None
    kana = counts["Hiragana"] + counts["Katakana"]
    cjk = kana + counts["Han"]
    script, n = counts.most_common(1)[0]
    if cjk >= n:
        if kana and kana >= 0.05 * cjk:
            return "ja"
        return "zh" if counts["Han"] else "ja"
    if script in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[script]
    if script in _SCRIPT_CANDIDATES:
        return _SCRIPT_CANDIDATES[script][0]
    return None


def detect_language(text: str, *, min_probability: float = 0.5) -> str | None:
    """The ISO 639-1 code of the text's language, or None when too short or unsure.

    The script decides first (:func:`script_language`), even for one short sentence; where the
    script serves several languages (Devanagari: Hindi, Marathi, Nepali), py3langid chooses among
    them only, and its likely language stands when the statistics are unsure. Latin and Cyrillic
    text is left to py3langid, restricted to languages of that script, from ``MIN_LETTERS`` letters.

    >>> detect_language("Maduro told a crowd outside the presidential palace that he wanted peace.")
    'en'
    >>> detect_language("医院将提供800张床位。")
    'zh'
    """
    sample = text[:20_000]
    counts = script_counts(sample)
    by_script = _language_of_scripts(counts)
    script = counts.most_common(1)[0][0] if counts else None
    if by_script is not None:
        candidates = _SCRIPT_CANDIDATES.get(script or "", ())
        if len(candidates) > 1 and sum(counts.values()) >= MIN_LETTERS:
            code, probability = _best(sample, candidates)
            if probability >= min_probability:
                return code
        return by_script
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    if script == "Cyrillic" and code not in _CYRILLIC or script == "Latin" and code in _CYRILLIC:
        code, probability = _best(sample, _CYRILLIC if script == "Cyrillic" else None)
    return code if probability >= min_probability else None


#: Fewest letters a sentence needs for its own language to be read (:func:`other_languages`):
#: py3langid confuses short English sentences full of names with other languages.
SENTENCE_MIN_LETTERS = 40
#: How sure py3langid must be of a sentence's language for it to differ from its document's.
SENTENCE_MIN_PROBABILITY = 0.95


def other_languages(sentences: Iterable[str], language: str | None) -> dict[str, list[int]]:
    """Languages other than ``language`` in which whole sentences (or lines) of a document are
    written: each language → the indices of its sentences (a statement left in German in an
    English article). About 0.7 ms a sentence.

    A sentence counts when it has :data:`SENTENCE_MIN_LETTERS` letters and its script or
    py3langid (at :data:`SENTENCE_MIN_PROBABILITY`) decides its language.

    >>> other_languages(["The council approved the new budget after a long debate on Monday.",
    ...                  "Der Stadtrat hat den neuen Haushalt nach langer Debatte gebilligt."], "en")
    {'de': [1]}
    """
    main = (language or "").split("-")[0]
    found: dict[str, list[int]] = {}
    for k, sentence in enumerate(sentences):
        if len(_LETTER.findall(sentence)) < SENTENCE_MIN_LETTERS:
            continue
        code = detect_language(sentence, min_probability=SENTENCE_MIN_PROBABILITY)
        if code is not None and code != main:
            found.setdefault(code, []).append(k)
    return found


# Languages py3langid knows that are written in Cyrillic.
_CYRILLIC = ("ru", "uk", "bg", "sr", "mk", "be", "kk", "ky", "mn", "tg")


def _best(text: str, languages: tuple[str, ...] | None) -> tuple[str, float]:
    """py3langid's most probable language among ``languages`` (all but the Cyrillic ones when None),
    with its probability renormalised over them."""
    ranked = _identifier().rank(text)
    allowed = [(c, p) for c, p in ranked
               if (c in languages if languages is not None else c not in _CYRILLIC)]
    total = sum(p for _, p in allowed)
    if not allowed or total <= 0:
        return (languages[0] if languages else "en"), 0.0
    code, p = allowed[0]
    return code, p / total


def same_script(a: str, b: str) -> bool:
    """Whether languages ``a`` and ``b`` share a script that several languages use (hi and mr)."""
    return a == b or any(a in group and b in group for group in _SCRIPT_CANDIDATES.values())
