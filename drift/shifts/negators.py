"""Negators per language: the words (and, where a language negates by a bound form, the prefixes or
endings) that mark a clause as negated.

Sources, per language: the Universal Dependencies guidelines and treebank documentation of
``Polarity=Neg`` and of negative pronouns and adverbs (``PronType=Neg``), at
universaldependencies.org (``u/feat/Polarity.html``, ``u/feat/PronType.html`` and each language's
``<code>/feat/Polarity.html`` page), checked against a reference grammar named below. Only
*clause* negators are listed: words that make "X happened" into "X did not happen". Privative
prepositions ("without", "sin", "ohne") are listed apart (:data:`PRIVATIVES`): they negate a phrase,
not the clause, and count only as a weak sign.

Negative-concord languages (Polish nie…nigdy, Russian ни…не, Spanish no…nada, French ne…pas,
Czech nikdy ne-) mark one negation several times: :func:`negated` tells whether a clause is negated,
never how many times.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Negators:
    """The negation marks of one language: whole words (folded, lower case), bound prefixes of
    verbs with the words they must not be confused with, verb endings, and the grammar consulted."""

    words: frozenset[str]
    source: str
    prefixes: tuple[str, ...] = ()
    not_prefixed: frozenset[str] = frozenset()
    endings: tuple[str, ...] = ()
    substrings: tuple[str, ...] = ()  # for scripts written without spaces
    not_within: tuple[str, ...] = ()  # words that hold a substring without negating: 非常 (very)


def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


_UD = "Universal Dependencies, Polarity=Neg / PronType=Neg"

NEGATORS: dict[str, Negators] = {
    "en": Negators(_w("not n't never no nobody nothing none neither nor nowhere cannot can't won't "
                      "don't doesn't didn't isn't aren't wasn't weren't hasn't haven't hadn't couldn't "
                      "wouldn't shouldn't mustn't"),
                   f"{_UD} (UD English EWT); Huddleston & Pullum, Cambridge Grammar, ch. 9"),
    "de": Negators(_w("nicht kein keine keinen keinem keiner keines nie niemals niemand niemandem "
                      "niemanden nichts weder nirgends nirgendwo"),
                   f"{_UD} (UD German GSD/HDT); Duden Grammatik, Negation"),
    "nl": Negators(_w("niet geen nooit niemand niets nergens noch"),
                   f"{_UD} (UD Dutch Alpino); Algemene Nederlandse Spraakkunst, ontkenning"),
    "fr": Negators(_w("ne n' pas jamais aucun aucune rien nul nulle ni nullement guère"),
                   f"{_UD} (UD French GSD: ne, pas); Grevisse, Le Bon Usage, la négation"),
    "es": Negators(_w("no nunca jamás jamas nadie nada ningún ningun ninguno ninguna ni tampoco"),
                   f"{_UD} (UD Spanish AnCora); RAE, Nueva gramática, cap. 48 La negación"),
    "it": Negators(_w("non mai nessuno nessuna nessun niente nulla né ne mica affatto"),
                   f"{_UD} (UD Italian ISDT); Serianni, Grammatica italiana, la negazione"),
    "pt": Negators(_w("não nao nunca jamais ninguém ninguem nada nenhum nenhuma nem"),
                   f"{_UD} (UD Portuguese Bosque); Cunha & Cintra, Nova gramática, negação"),
    "pl": Negators(_w("nie nigdy nikt nikogo nikomu nikim nic niczego niczym żaden żadna żadne żadnego "
                      "żadnej ani nigdzie"),
                   f"{_UD} (UD Polish PDB: nie as part, Polarity=Neg); Nagórko, Zarys gramatyki polskiej"),
    "cs": Negators(_w("ne nikdy nikdo nikoho nikomu nic ničeho žádný žádná žádné žádného ani nikde"),
                   f"{_UD} (UD Czech PDT: verbs prefixed ne- carry Polarity=Neg); Karlík et al., "
                   "Příruční mluvnice češtiny",
                   prefixes=("ne",),
                   not_prefixed=_w("nebo než nejen neboť nebot neboli nechť nechat nechal nechala nechali "
                                   "nemoc nemocný nemocnice nemocnici neděle neděli nedaleko nebe nebezpečí "
                                   "nebezpečný nervy nervózní neutrální nepřítel netto neděl")),
    "ru": Negators(_w("не нет никогда никто никого никому ничто ничего ничем никакой никакая никакое "
                      "никаких ни нигде нельзя"),
                   f"{_UD} (UD Russian SynTagRus: не as PART, Polarity=Neg); Švedova, Russkaja "
                   "grammatika (1980), §§ otricanie"),
    "tr": Negators(_w("değil yok hiç hiçbir asla ne"),
                   f"{_UD} (UD Turkish IMST: -mA- verbs Polarity=Neg); Göksel & Kerslake, Turkish: "
                   "A Comprehensive Grammar, ch. 20"),
    "ar": Negators(_w("لا لم لن ما ليس ليست لست غير ولا ولم ولن"),
                   f"{_UD} (UD Arabic PADT: لا لم لن ليس as PART/AUX Polarity=Neg); Ryding, A Reference "
                   "Grammar of Modern Standard Arabic, ch. 38"),
    "hi": Negators(_w("नहीं नही न मत कभी-नहीं"),
                   f"{_UD} (UD Hindi HDTB: नहीं, न, मत as PART Polarity=Neg); Kachru, Hindi, ch. 10"),
    "zh": Negators(frozenset(), f"{_UD} (UD Chinese GSD: 不 没 沒 未 别 別 无 無 非 勿 莫 as ADV "
                   "Polarity=Neg); Li & Thompson, Mandarin Chinese, ch. 12",
                   substrings=("不", "没", "沒", "未", "别", "別", "无", "無", "非", "勿", "莫"),
                   not_within=("非常", "未来", "未來", "别人", "別人", "不过", "不過", "不同", "不断", "不斷",
                               "不仅", "不僅", "不少", "无论", "無論", "特别", "特別", "区别", "區別", "分别",
                               "分別", "级别", "級別", "个别", "個別", "类别", "類別", "非洲", "莫斯科",
                               "除非", "并非", "是非", "不久", "差不多", "不得不")),
    "ja": Negators(frozenset(), f"{_UD} (UD Japanese GSD: ない, ず, ぬ, ません as AUX Polarity=Neg); "
                   "Martin, A Reference Grammar of Japanese, ch. 5; read by IPADIC's morphology "
                   "(:func:`_japanese_marks`)"),
    "ko": Negators(frozenset(), f"{_UD} (UD Korean Kaist: 안, 못, 않-, 없-); Sohn, The Korean Language, "
                   "ch. 9", substrings=("안 ", "못 ", "않", "없", "말")),
    "th": Negators(frozenset(), f"{_UD} (UD Thai PUD: ไม่ Polarity=Neg); Iwasaki & Ingkaphirom, A "
                   "Reference Grammar of Thai, ch. 14", substrings=("ไม่", "มิ", "ไม่ได้")),
}

#: Privative prepositions: negate a phrase ("without permission"), not a clause.
PRIVATIVES: dict[str, frozenset[str]] = {
    "en": _w("without"), "de": _w("ohne"), "nl": _w("zonder"), "fr": _w("sans"), "es": _w("sin"),
    "it": _w("senza"), "pt": _w("sem"), "pl": _w("bez"), "cs": _w("bez"), "ru": _w("без"),
}

#: Minimisers ("hardly", "little"): not a clause negation, but a translation may render them as one.
#: Sources: the grammars above, chapters on negation (approximate negators).
WEAK_NEGATORS: dict[str, frozenset[str]] = {
    "en": _w("hardly barely scarcely seldom rarely little few"), "de": _w("kaum wenig wenige selten"),
    "nl": _w("nauwelijks weinig zelden"), "fr": _w("peu guère rarement"), "es": _w("apenas poco pocos poca"),
    "it": _w("appena poco pochi raramente"), "pt": _w("mal pouco poucos raramente"),
    "pl": _w("ledwo mało rzadko"), "cs": _w("sotva málo zřídka"), "ru": _w("едва мало редко почти"),
}

_WORD = re.compile(r"[^\W\d_][\w\u0900-\u097f'’-]*")
# French "ne … que" is "only", not a negation.
_FRENCH_NEGATIVE = re.compile(r"\b(?:pas|jamais|rien|aucun|aucune|personne)\b")
_FRENCH_RESTRICTIVE = re.compile(r"\b(?:ne|n['’])\s*(?:[\w'’-]+\s+){0,3}?que?\b", re.IGNORECASE)
# "más que nunca", "più che mai", "plus que jamais": than ever, not never
_THAN_EVER = re.compile(r"\b(?:que|che|di|do que)\s+(?:nunca|jamás|jamas|mai|jamais)\b", re.IGNORECASE)

#: A negator right before a comparative of quantity makes a bound, not a negated clause: "no
#: fewer than 12" is "at least 12" (Quirk et al. §10.66; the same construction in each grammar
#: named in :data:`NEGATORS`): не менее / не более, nicht weniger als, pas moins de, no menos de,
#: non meno di, nie mniej niż, لا يقل عن / لا يزيد عن, 不少于 / 不超过 / 不足 / 不到. Where the bare
#: comparative after a negator also means "no longer" (nicht mehr, ne … plus, non più, no más),
#: "than" must follow.
_BOUNDS = {
    "en": r"(?:more|less|fewer|greater|higher|lower)\s+than\b",
    "de": r"(?:weniger|mehr)\s+als\b",
    "nl": r"(?:minder|meer)\s+dan\b",
    "fr": r"(?:moins|plus)\s+(?:de|d'|d’|que)",
    "es": r"(?:menos|más|mas)\s+(?:de|que)\b",
    "pt": r"(?:menos|mais)\s+(?:de|do|da|que)\b",
    "it": r"(?:meno|più)\s+(?:di|del|della|che)\b",
    "pl": r"(?:mniej|więcej)\s+(?:niż|od)\b",
    "cs": r"(?:méně|míň|více|víc)\s+(?:než|nežli)\b",
    "ru": r"(?:менее|более|меньше|больше)\b",
    "uk": r"(?:менше|більше|менш|більш)\b",
    "ar": r"(?:يقل|تقل|يزيد|تزيد|أقل|أكثر)",
    "zh": r"(?:少于|少於|低于|低於|多于|多於|超过|超過|足|到)",
}
#: How far before a bound's negator another mark of the same negation may stand (French "n'y a
#: pas moins de", Arabic "ما لا يقل"), in characters.
_CONCORD_REACH = 12


def _bound_marks(text: str, language: str, found: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The marks of ``found`` that only make a bound with the comparative after them (and the marks
    of the same negation just before those)."""
    pattern = _BOUNDS.get(language)
    if pattern is None:
        return set()
    after = re.compile(r"\s*" + pattern, re.IGNORECASE)
    bounds = {(a, b) for a, b in found if after.match(text, b)}
    return bounds | {(a, b) for a, b in found for _, c in bounds if c - _CONCORD_REACH <= a < c}


def _japanese_marks(text: str) -> list[tuple[int, int]]:
    """Negation marks of Japanese ``text`` by IPADIC's morphology (janome): the auxiliary ない, ぬ,
    ん and ず (来なかった, 行きません), and the adjective ない of non-existence (問題がない); never
    words that only hold the letters (余儀なく "forced to", 間もなく "soon", 少ない "few"), nor
    the constructions of :data:`_JAPANESE_NOT_NEGATIONS`."""
    fixed = [m.span() for m in _JAPANESE_NOT_NEGATIONS.finditer(text)]
    out, at = [], 0
    for token in janome_tokenizer().tokenize(text):
        pos = token.part_of_speech.split(",")[0]
        start = text.find(token.surface, at)
        at = start + len(token.surface) if start >= 0 else at
        negative = (pos == "助動詞" and token.base_form in ("ない", "ぬ", "ん", "ず")) \
            or (pos == "形容詞" and token.base_form in ("ない", "無い"))
        if start >= 0 and negative and not any(a <= start < b for a, b in fixed):
            out.append((start, start + len(token.surface)))
    return out


#: Japanese constructions built of negative forms that do not negate (Martin, ch. 5 and 13):
#: obligation (行かなければならない "must go", なくてはいけない), "cannot but" (ざるを得ない) and
#: "may" (かもしれない, かもしれません).
_JAPANESE_NOT_NEGATIONS = re.compile(
    r"な(?:けれ|く)(?:ば|ては|ちゃ)(?:なら|いけ|だめ)(?:ない|ず|ぬ|ません|なかっ)"
    r"|ざるを得(?:ない|ません|なかっ)|かも(?:しれ|知れ)(?:ない|ません|なかっ)")


@functools.lru_cache(maxsize=1)
def janome_tokenizer():
    """janome's IPADIC tokenizer, one per process (building it reads the dictionary: about a
    second); shared with :mod:`drift.shifts.crosslingual`."""
    from janome.tokenizer import Tokenizer

    return Tokenizer()


def languages() -> frozenset[str]:
    """The languages with a negator list."""
    return frozenset(NEGATORS)


def marks(text: str, language: str) -> list[tuple[int, int]]:
    """Character spans of the negation marks in ``text`` (empty for a language without a list)."""
    neg = NEGATORS.get(language)
    if neg is None:
        return []
    if language == "ja":
        return _japanese_marks(text)
    out: list[tuple[int, int]] = []
    covered = set()
    for word in neg.not_within:
        at = text.find(word)
        while at >= 0:
            covered.update(range(at, at + len(word)))
            at = text.find(word, at + 1)
    for sub in neg.substrings:
        start = text.find(sub)
        while start >= 0:
            if start not in covered:
                out.append((start, start + len(sub)))
            start = text.find(sub, start + 1)
    restrictive = [m.span() for m in _FRENCH_RESTRICTIVE.finditer(text)] if language == "fr" else []
    than_ever = [m.span() for m in _THAN_EVER.finditer(text)]
    for m in _WORD.finditer(text):
        w = m.group().lower().replace("’", "'")
        if language == "en" and w.endswith("n't"):
            out.append(m.span())
            continue
        if language == "en" and w == "no" and re.match(r"\.\s*\d", text[m.end():m.end() + 3]):
            continue  # "No. 4": a number
        if any(a < m.end() and m.start() < b for a, b in than_ever):
            continue
        if w in neg.words or (language == "fr" and w.startswith("n'") and w != "n'importe"):
            if language == "fr" and any(a <= m.start() < b for a, b in restrictive) \
                    and not _FRENCH_NEGATIVE.search(text[m.end():m.end() + 40]):
                continue
            out.append(m.span())
        elif m.group()[:1].islower() and any(w.startswith(p) and not w.startswith("nej")
                                             and len(w) >= len(p) + 3 for p in neg.prefixes) \
                and w not in neg.not_prefixed and not any(w.startswith(x) for x in neg.not_prefixed):
            out.append(m.span())
    return sorted(set(out) - _bound_marks(text, language, out))


def negated(text: str, language: str) -> bool:
    """Whether ``text`` holds a clause negator of ``language``, counted once however often a
    negative-concord language repeats it."""
    return bool(marks(text, language))
