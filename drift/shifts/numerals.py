"""Figures in any script and language, read as values: the reading half of cross-lingual figures.

:func:`read_figures` finds the figures of a text with their character spans and every value they
can mean. Where the facts come from (never from evaluation items):

- **digits in any script** (ASCII, full-width ``１３``, Devanagari ``५``, Arabic-Indic …): Unicode's
  decimal-digit property (``unicodedata.decimal``); grouping by ``,`` ``.`` space, U+00A0, U+202F
  and U+2009, with both readings kept where a separator is ambiguous (``45.000`` is 45 in English
  and 45,000 in German; ``1,5`` is 1.5 there);
- **CJK numerals** (``三百`` = 300, ``13万`` = 130,000, ``50亿``, ``億``, ``兆``): Unicode's
  numeric values of the ideographs (``unicodedata.numeric``; simplified 两 as traditional 兩), read
  by place and myriad groups;
- **scale words** (miliardi, Milliarden, milliards, млрд, tysięcy, mil millones, लाख, करोड़, 亿 …):
  CLDR's compact decimal formats per locale (long forms, and short forms of two letters or more), as
  shipped by Babel; English newspaper abbreviations (bn, m, k) from :data:`~drift.shifts.lexicons.SCALES`;
- **spelled-out numbers** (due, vier, четыре, trzysta …) and ordinals: generated with num2words'
  language modules for 2–100 and the hundreds, matched as whole word sequences; for a language
  num2words lacks (Hindi: छह, चार, पैंतालीस, दो सौ), with ICU's rule-based number format (CLDR's
  spell-out rules, through icu_rbnf); Hindi ordinals from its grammar (McGregor, *Outline of Hindi
  Grammar*, § 3.8: तीसरा, चौथा, छठा, and the cardinal with -वाँ, in their -ा/-े/-ी forms); Russian numerals
  and scale nouns in any case (двух, трёх, пяти, двадцати пяти, тысячами: cardinal numerals
  decline) are first brought to their dictionary form by pymorphy3's analyser (OpenCorpora);
- **month names** (ottobre, января, März, 三月): CLDR month names (format, stand-alone, abbreviated);
- **weekday names** (Dienstag, вторник, 火曜日, 星期二): CLDR day names, read as the day of the week
  (Monday = 1 … Sunday = 7) and equal only to another weekday;
- **Roman numerals** (secolo XX, XIX wieku, II. Weltkrieg) and ordinal suffixes (20th, 20.);
- **clock times** (20:30 = 8:30 p.m. = 20.30 Uhr) read as minutes after midnight.

Not figures: list markers at a sentence start (``1)``, ``2)``), digits inside names (COVID-19, G7,
F-35), a spelled "one" (as often an article as a number).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from drift.shifts.lexicons import word_set

#: Kinds of figure: a count or amount, a date part (year, month, day of the week), an ordinal, a
#: clock time.
KINDS = ("count", "year", "month", "weekday", "ordinal", "time")

_CJK_DIGITS = "〇零一二两兩三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖"
_CJK_UNITS = "十拾百佰千仟"
_CJK_MYRIADS = "万萬亿億兆"
#: Simplified numerals that Unicode gives no numeric value, read as their traditional forms (两 = 兩, 2).
_TRADITIONAL = {"两": "兩"}
_CJK_NUMERAL = set(_CJK_DIGITS + _CJK_UNITS + _CJK_MYRIADS)
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_SEPARATORS = " \u00a0\u202f\u2009"
_DIGITS = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:(?P<sep>[,.\u00a0\u202f\u2009 ])\d{3})(?:(?P=sep)\d{3})*(?:[.,]\d+)?(?![\d])"
    r"|\d+(?:[.,]\d+)?)")
_TIME = re.compile(r"(?<![\d.,:])(\d{1,2})(?:[:.]|\s?h\s?)(\d{2})(?![\d])"
                   r"\s*(a\.?\s?m\.?|p\.?\s?m\.?|Uhr|h\b|GMT|UTC)?", re.IGNORECASE)
_MILITARY_TIME = re.compile(r"(?<![\d.,:])([01]\d|2[0-3])([0-5]\d)(?=\s?(?:GMT|UTC|Z)\b)")
_ORDINAL_SUFFIX = re.compile(r"(?i)(?:st|nd|rd|th|e|er|ème|eme|º|ª|°|о|й|го|ий|ый)\b")
_WORD = re.compile(r"[^\W\d_][\w\u0300-\u036f\u0900-\u097f\u0e00-\u0e7f'’]*")
_LIST_MARKER = re.compile(r"(?:^|(?<=[.!?:;]\s))\s*\d{1,2}\)\s")
_PER = ("per", "por", "pour", "pro")  # per cento, por ciento, pour cent: percent, not a hundred
_CENTURY_WORDS = ("secolo", "siècle", "siecle", "siglo", "jahrhundert", "wieku", "wiek", "века",
                  "век", "веке", "století", "stoleti", "century", "séculos", "século", "eeuw", "yüzyıl")


@dataclass(frozen=True)
class Figure:
    """One figure of a text: ``text[start:end]``, every value it can mean, its kind, and whether it
    is *key* (written in digits or numerals, or ten and above) rather than a small spelled word."""

    start: int
    end: int
    values: frozenset[float]
    kind: str = "count"
    key: bool = True

    def same(self, other: Figure) -> bool:
        """One value in common; a weekday (1..7) is only ever the same as another weekday."""
        if (self.kind == "weekday") != (other.kind == "weekday"):
            return False
        return bool(self.values & other.values)


def primary(language: str | None) -> str:
    return (language or "").replace("_", "-").split("-")[0].lower()


def _digit_form(text: str) -> str:
    """``text`` with every decimal digit in ASCII and full-width punctuation folded, same length."""
    out = []
    for c in text:
        d = unicodedata.decimal(c, None)
        if d is not None:
            out.append(str(d))
        elif "\uff01" <= c <= "\uff5e":  # full-width ASCII: ，．％
            out.append(chr(ord(c) - 0xFEE0))
        else:
            out.append(c)
    return "".join(out)


def _digit_values(s: str, sep: str | None) -> frozenset[float]:
    """The readings of a digit string: grouped thousands, and the ambiguous "45.000" / "1,5" both."""
    if sep and sep in _SEPARATORS:
        body = s.replace(sep, "")
        if re.search(r"[.,]\d+$", body):
            head, dec = re.split(r"[.,](?=\d+$)", body)
            return frozenset({float(f"{head}.{dec}")})
        return frozenset({float(body)})
    seps = re.findall(r"[.,]", s)
    if not seps:
        return frozenset({float(s)})
    if len(set(seps)) == 2:  # 1,234.5 or 1.234,5: the last one is the decimal mark
        last = max(s.rfind("."), s.rfind(","))
        return frozenset({float(re.sub(r"[.,]", "", s[:last]) + "." + s[last + 1:])})
    if len(seps) > 1:
        return frozenset({float(re.sub(r"[.,]", "", s))})
    head, tail = re.split(r"[.,]", s)
    decimal = float(f"{head}.{tail}")
    if len(tail) == 3:
        return frozenset({decimal, float(head + tail)})
    return frozenset({decimal})


def _cjk_value(run: str) -> float | None:
    """The value of a run of CJK numerals: 三百 = 300, 一万二千 = 12,000, 两亿 = 200,000,000."""
    total, section, digit = 0.0, 0.0, None
    for c in run:
        v = unicodedata.numeric(_TRADITIONAL.get(c, c), None)
        if v is None:
            return None
        if c in _CJK_MYRIADS:
            section = (section + (digit or 0)) or 1
            total += section * v
            section, digit = 0.0, None
        elif c in _CJK_UNITS:
            section += (digit if digit is not None else 1) * v
            digit = None
        else:
            digit = v if digit is None else digit * 10 + v  # 二〇二〇 = 2020
    return total + section + (digit or 0)


def _roman(s: str) -> int | None:
    if not s or not _ROMAN.fullmatch(s):
        return None
    vals = [_ROMAN_VALUES[c] for c in s]
    return sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))


@functools.lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """Lower case without accents; in Devanagari without the nukta (ज़ = ज) and with the candrabindu
    written as the anusvara (पाँच = पांच), as Hindi spells both ways."""
    s = unicodedata.normalize("NFKD", word.lower().replace("\u093c", "").replace("\u0901", "\u0902"))
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)
                                                or "\u0900" <= c <= "\u097f"))


@functools.lru_cache(maxsize=64)
def scale_words(language: str) -> dict[str, float]:
    """Folded scale words of a language and their multipliers, from CLDR compact decimal formats
    (``{"miliardi": 1e9, "mila": 1e3, …}``); empty for a locale Babel does not know."""
    from drift.shifts.lexicons import SCALES

    out: dict[str, float] = dict(SCALES) if language == "en" else {}
    try:
        from babel import Locale

        formats = Locale.parse(language).compact_decimal_formats
    except Exception:  # an unknown locale, or Babel missing: digits are still read
        return out
    for width in ("long", "short"):
        for by_magnitude in formats.get(width, {}).values():  # plural category → magnitude → pattern
            for key, pattern in by_magnitude.items():
                p = getattr(pattern, "pattern", str(pattern)).replace("'", "")
                zeros = p.count("0")
                word = p.replace("0", "").replace(".", "").strip(" \u00a0")
                if not zeros or not word or (width == "short" and len(word) < 2):
                    continue
                out.setdefault(_fold(word), float(key) / 10 ** (zeros - 1))
    return out


#: Hindi ordinals (McGregor, *Outline of Hindi Grammar*, § 3.8; Kachru, *Hindi*, 2006, § 4.6): the
#: irregular ones from three (पहला "first" and दूसरा "second" are as often "before" and "other"), in
#: the masculine, the oblique or plural and the feminine (तीसरा, तीसरे, तीसरी); every other adds
#: -वाँ (-वें, -वीं) to its cardinal (पाँचवाँ, बीसवें).
_HINDI_ORDINALS = {"तीसर": 3, "चौथ": 4, "छठ": 6}
_HINDI_ORDINAL_ENDINGS = ("ा", "े", "ी")
_HINDI_ORDINAL_SUFFIXES = ("वां", "वें", "वीं", "वा", "वे", "वी")


@functools.lru_cache(maxsize=64)
def number_words(language: str) -> dict[tuple[str, ...], tuple[float, str]]:
    """Spelled-out numbers of a language as word sequences → (value, kind): 2–100, the hundreds and
    1000, and ordinals 2–31. Generated with num2words, or where it has no module for the language
    with ICU's spell-out rules (:func:`_icu_spellout`); empty where neither knows it."""
    out: dict[tuple[str, ...], tuple[float, str]] = {}
    if language in ("zh", "ja", "ko", "th"):
        return out  # read as CJK numerals or digits; these have no spaces to match words on
    values = [*range(2, 101), *range(200, 1000, 100), 1000]
    spell = _num2words_spellout(language) or _icu_spellout(language)
    if spell is None:
        return out
    for n in values:
        for to, kind in (("cardinal", "count"), ("ordinal", "ordinal")):
            if kind == "ordinal" and n > 31:
                continue
            text = spell(n, to)
            words = tuple(_fold(w) for w in _WORD.findall(text)) if text else ()
            if words and words not in out:
                out[words] = (float(n), kind)
    if language == "hi":
        for n in range(5, 32):
            cardinal = next((w for w, (v, k) in out.items() if v == n and k == "count" and len(w) == 1), None)
            if cardinal and n != 6:
                out.update({(cardinal[0] + s,): (float(n), "ordinal") for s in _HINDI_ORDINAL_SUFFIXES})
        out.update({(stem + e,): (float(n), "ordinal") for stem, n in _HINDI_ORDINALS.items()
                    for e in _HINDI_ORDINAL_ENDINGS})
    return out


def _num2words_spellout(language: str):
    """num2words as ``spell(n, "cardinal" | "ordinal") -> str | None``, or ``None`` without a module."""
    try:
        from num2words import num2words

        num2words(2, lang=language)
    except Exception:
        return None

    def spell(n: int, to: str) -> str | None:
        try:
            return num2words(n, lang=language, to=to)
        except Exception:
            return None

    return spell


def _icu_spellout(language: str):
    """ICU's rule-based number format (CLDR ``spellout-numbering`` rules, via icu_rbnf) as
    ``spell(n, "cardinal") -> str``, cardinals only (its ordinals are CLDR's digit forms in some
    languages, 5वाँ); ``None`` where icu_rbnf is missing or ICU falls back to English for the
    language (it does for Bengali)."""
    try:
        import icu_rbnf

        if language == "en" or icu_rbnf.spellout(47, language) == icu_rbnf.spellout(47, "en"):
            return None
    except Exception:
        return None

    def spell(n: int, to: str) -> str | None:
        return icu_rbnf.spellout(n, language) if to == "cardinal" else None

    return spell


@functools.lru_cache(maxsize=64)
def month_names(language: str) -> dict[str, int]:
    """Folded month names of a language (CLDR wide names, format and stand-alone) → 1..12."""
    try:
        from babel import Locale

        months = Locale.parse(language).months
    except Exception:
        return {}
    out: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide",):  # abbreviations ("sie", "pro", "mar") are everyday words elsewhere
            for m, name in months.get(context, {}).get(width, {}).items():
                name = unicodedata.normalize("NFC", name.lower()).rstrip(".")
                if len(name) >= 3 and not any(c.isdigit() for c in name):
                    out.setdefault(name, int(m))
    return out


@functools.lru_cache(maxsize=64)
def weekday_names(language: str) -> dict[str, int]:
    """Weekday names of a language (CLDR wide names, format and stand-alone; for Chinese and
    Japanese also the abbreviated names of two characters or more, 周二) → 1 (Monday) .. 7; folded
    (lower case, no accents) except in CJK scripts. Empty for a locale Babel does not know."""
    try:
        from babel import Locale

        days = Locale.parse(language).days
    except Exception:
        return {}
    widths = ("wide", "abbreviated") if language in ("zh", "ja") else ("wide",)
    out: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in widths:
            for d, name in days.get(context, {}).get(width, {}).items():
                name = _fold(name).rstrip(".")
                if len(name) >= (2 if any(_is_cjk(c) for c in name) else 3):
                    out.setdefault(name, int(d) + 1)
    return out


_CASE_ENDINGS = ("", "a", "u", "e", "em", "ie", "y", "i", "om", "ом", "е", "я", "ю", "а", "у")


@functools.lru_cache(maxsize=128)
def _inflected(language: str, kind: str) -> dict[str, int]:
    """Month (``kind="month"``) or weekday names of a language with their inflected forms (января,
    январе; maja, maju; marca, marcu): the name, or the name less its last letter when that leaves
    four letters or more, followed by a case ending; the plain names win. Accents are kept: Polish
    "mają" (they have) is no month."""
    names = month_names(language) if kind == "month" else weekday_names(language)
    forms = dict(names)
    for name, m in names.items():
        for stem in (name, name[:-1] if len(name) >= 5 else None):
            for ending in _CASE_ENDINGS if stem else ():
                forms.setdefault(stem + ending, m)
    return forms


#: Languages whose numerals decline, read through a morphological analyser: pymorphy3 and its
#: OpenCorpora dictionary package per language.
_MORPHOLOGY = {"ru": "pymorphy3_dicts_ru"}


@functools.lru_cache(maxsize=8)
def _analyser(language: str):
    """pymorphy3's analyser for ``language``, or ``None`` where it or its dictionary is missing."""
    if language not in _MORPHOLOGY:
        return None
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang=language)
    except Exception:  # not installed, or no dictionary: the nominative forms are still read
        return None


@functools.lru_cache(maxsize=65536)
def _dictionary_form(word: str, language: str) -> str:
    """The folded dictionary form of a declined numeral or scale noun (двух → два, пятью → пять,
    пятого → пятый, тысячами → тысяча), or the folded word itself where the analyser's likeliest
    reading is no numeral ("семью" is "family" before it is "seven") or the language has none."""
    analyser = _analyser(language)
    parses = analyser.parse(word.lower()) if analyser is not None else []
    if parses:
        tag, lemma = parses[0].tag, _fold(parses[0].normal_form)
        if "NUMR" in tag or "Anum" in tag or lemma in scale_words(language):
            return lemma
    return _fold(word)


def _is_cjk(c: str) -> bool:
    return "\u3040" <= c <= "\u30ff" or "\u3400" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" \
        or "\uf900" <= c <= "\ufaff"


def _in_name(text: str, start: int) -> bool:
    """Digits that are part of a name: COVID-19, G7, F-35, Ｊ３ (a letter of an alphabet just before)."""
    k = start - 1
    if k >= 0 and text[k] in "-‑":
        k -= 1
    return k >= 0 and text[k].isalpha() and not _is_cjk(text[k])


#: English words after which a capitalised "May" or "March" places a date ("in May", "since March").
MONTH_BEFORE = word_set("in of by since until till from during early late mid last next this")
#: English month names that are also everyday words: "may" (a modal), "march" (a verb).
AMBIGUOUS_MONTHS = word_set("may march")


def _english_month(norm: str, words: list[tuple[int, int, str]], i: int) -> bool:
    """Whether English word i, a month name, is the month: "May" and "March" only next to a number
    ("May 5", "5 March") or after a word of :data:`MONTH_BEFORE`; "Theresa May", "May I" are not."""
    s, e, w = words[i]
    if w not in AMBIGUOUS_MONTHS:
        return True
    near = norm[max(0, s - 6):s].rstrip()[-1:] + norm[e:e + 3].lstrip()[:1]
    return any(c.isdigit() for c in near) or (i > 0 and words[i - 1][2] in MONTH_BEFORE
                                              and s - words[i - 1][1] <= 2)


def read_figures(text: str, language: str | None = None) -> list[Figure]:
    """The figures of ``text`` in reading order; spans index ``text``.

    ``language`` (ISO 639-1, optional) chooses the scale words, spelled numbers and month names;
    digits, CJK numerals and Roman numerals are read in any language. A text is read once per
    language (the figure, word-alignment and omission readers all ask for the same sentences).
    """
    return list(_read_figures(text, primary(language) or "en"))


@functools.lru_cache(maxsize=64)
def _first_words(lang: str) -> frozenset[str]:
    """The words a spelled number of the language (:func:`number_words`) can start with."""
    return frozenset(phrase[0] for phrase in number_words(lang))


@functools.lru_cache(maxsize=4096)
def _read_figures(text: str, lang: str) -> tuple[Figure, ...]:
    norm = _digit_form(text)
    figures: list[Figure] = []
    taken = [False] * len(text)
    markers = {m.end() - 3 for m in _LIST_MARKER.finditer(norm)}

    def add(start: int, end: int, values, kind: str = "count", key: bool = True) -> None:
        if any(taken[start:end]):
            return
        for k in range(start, end):
            taken[k] = True
        figures.append(Figure(start, end, frozenset(values), kind, key))

    for m in _TIME.finditer(norm):
        h, mi, mark = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower()
        if h > 24 or mi > 59:
            continue
        if mark.startswith("p") and h < 12:
            h += 12
        if m.group(0)[len(m.group(1))] == "." and not mark:  # 20.30: a time or a decimal
            add(m.start(), m.end(2), {float(h * 60 + mi), float(f"{m.group(1)}.{m.group(2)}")})
        else:
            add(m.start(), m.end() if mark else m.end(2), {float(h * 60 + mi)}, "time")
    for m in _MILITARY_TIME.finditer(norm):  # 1200 GMT
        add(m.start(), m.end(), {float(int(m.group(1)) * 60 + int(m.group(2)))}, "time")
    scales = scale_words(lang)
    words = [(w.start(), w.end(), _fold(w.group())) for w in _WORD.finditer(norm)]
    if _analyser(lang) is not None:  # declined numerals read in their dictionary form
        words = [(a, b, _dictionary_form(norm[a:b], lang)) for a, b, _ in words]
    word_at = {s: k for k, (s, _, _) in enumerate(words)}
    for m in _DIGITS.finditer(norm):
        start, end = m.start(), m.end()
        if any(taken[start:end]) or _in_name(norm, start):
            continue
        if start in markers or (start - 1 in markers) or (start - 2 in markers):
            continue
        values = _digit_values(m.group(), m.group("sep"))
        kind = "count"
        rest = norm[end:]
        if rest[:1] and rest[:1] in _CJK_MYRIADS + "千百":  # 13万, 50亿, 3千; 1万3000
            values = frozenset(v * unicodedata.numeric(rest[0]) for v in values)
            end += 1
            more = re.match(r"(\d+)([千百]?)", norm[end:])
            if more and rest[:1] in _CJK_MYRIADS:
                extra = float(more.group(1)) * (unicodedata.numeric(more.group(2)) if more.group(2) else 1)
                values = frozenset(v + extra for v in values)
                end += more.end()
            rest = norm[end:]
        else:
            gap = len(rest) - len(rest.lstrip(_SEPARATORS))
            nxt = _WORD.match(rest, gap) if gap <= 1 else None
            if nxt:
                w = _fold(nxt.group(0))
                mult = scales.get(w)
                if mult is None and _analyser(lang) is not None:
                    mult = scales.get(_dictionary_form(nxt.group(0), lang))
                follow = word_at.get(end + nxt.start())
                if mult is not None and follow is not None:
                    # "mil millones": a second scale word multiplies again
                    k2 = follow + 1
                    if k2 < len(words) and words[k2][2] in scales and words[k2][0] - words[follow][1] <= 2:
                        mult *= scales[words[k2][2]]
                        end = words[k2][1]
                    else:
                        end = end + nxt.end() + (rest[nxt.end():nxt.end() + 1] == ".")
                    values = frozenset(v * mult for v in values)
        if rest[:1] == "月" and max(values) <= 12:
            kind, end = "month", end + 1
        elif re.match(r"\.\s", norm[end:end + 2]) or _ORDINAL_SUFFIX.match(norm, end):
            kind = "ordinal"
        elif len(m.group()) == 4 and "," not in m.group() and "." not in m.group() \
                and 1000 <= min(values) <= 2100:
            kind = "year"
        # 0 and 1 are as often "midnight", "a", "first" in the other language; 30代 is "in his thirties"
        key = max(values) > 1 and norm[end:end + 1] != "代"
        add(start, end, values, kind, key)
    # CJK numerals: 三百, 五月, 一万二千
    k = 0 if not _CJK_NUMERAL.isdisjoint(norm) else len(norm)
    while k < len(norm):
        if norm[k] in _CJK_NUMERAL and not taken[k]:
            j = k
            while j < len(norm) and norm[j] in _CJK_NUMERAL and not taken[j]:
                j += 1
            run = norm[k:j]
            value = _cjk_value(run)
            # 一样, 十分, 千万 (must): words, not figures; 第十 (the tenth) is one
            single = len(run) == 1 and run in "一十千万萬" and norm[k - 1:k] != "第"
            weekday = norm[max(0, k - 2):k].endswith(("周", "週", "星期", "礼拜", "禮拜"))  # 周二 = Tuesday
            if value is not None and value > 1 and not single and not weekday:
                kind = "month" if norm[j:j + 1] == "月" and value <= 12 else "count"
                key = (value >= 10 or len(run) > 1 or kind == "month") and norm[j:j + 1] != "代"
                add(k, j + (kind == "month"), {value}, kind, key=key)
            k = j
        else:
            k += 1
    # words: spelled numbers, months, Roman numerals
    spelled = number_words(lang)
    longest = max((len(p) for p in spelled), default=0)
    firsts = _first_words(lang)
    weekdays = weekday_names(lang)
    for name, day in sorted(weekdays.items(), key=lambda kv: -len(kv[0])):
        if _is_cjk(name[0]):  # 火曜日, 星期二: no spaces to find words by
            for m in re.finditer(re.escape(name), norm):
                add(m.start(), m.end(), {float(day)}, "weekday", key=False)
    i = 0
    while i < len(words):
        s, e, w = words[i]
        raw = norm[s:e]
        if taken[s]:
            i += 1
            continue
        numeral = re.match(r"[IVXLCDM]+(?=(?:e|er|ème|eme|º)?$)", raw)
        roman = _roman(numeral.group()) if numeral else None
        if roman is not None:
            near = [x[2] for x in words[max(0, i - 2):i + 3]]
            century = any(c in near for c in _CENTURY_WORDS)
            # XX secolo, XIXe siècle, II. Weltkrieg; not the pronoun "I" or "CD", "MC"
            if century or (set(numeral.group()) <= set("IVX") and len(raw) >= 2):
                add(s, e, {float(roman)}, "ordinal")
                i += 1
                continue
        for n in range(min(longest, len(words) - i), 0, -1) if w in firsts else ():
            phrase = tuple(x[2] for x in words[i:i + n])
            if phrase in spelled and not (spelled[phrase][0] == 100 and i and words[i - 1][2] in _PER):
                value, kind = spelled[phrase]
                end = words[i + n - 1][1]
                if i + n < len(words) and words[i + n][2] in scales:
                    value *= scales[words[i + n][2]]
                    end, n = words[i + n][1], n + 1
                add(s, end, {value}, kind, key=value >= 10)
                i += n
                break
        else:
            month = _inflected(lang, "month").get(raw.lower()) if len(w) >= 3 else None
            day = _inflected(lang, "weekday").get(w) if len(w) >= 3 and not _is_cjk(w[0]) else None
            if month is not None and lang == "en" and not _english_month(norm, words, i):
                month = None
            if month is not None and (lang != "en" or raw[:1].isupper()):
                add(s, e, {float(month)}, "month", key=False)
            elif day is not None and (lang != "en" or raw[:1].isupper()):
                add(s, e, {float(day)}, "weekday", key=False)
            elif w in scales and scales[w] >= 1000 and len(w) >= 3:
                add(s, e, {scales[w]}, "count", key=False)  # "mille", "mil"
            i += 1
    figures.sort(key=lambda f: f.start)
    return tuple(figures)
