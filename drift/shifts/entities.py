"""Named actors and places replaced, dropped or added, and a person's gender changed.

**Names.** With the English parse (:mod:`drift.parsing`, spaCy ``en_core_web_sm``) a name is one
of spaCy's named entities of a naming kind (person, group, organisation, place, facility, event,
work, law, product, language; not dates or figures, which :mod:`drift.shifts.numbers` reads), a
run of proper nouns, or a capitalised word inside a sentence; a sentence's first word counts like
any other, unless it is a lone word no entity covers that the lexicon knows as a common word
("Colony, never!"). Runs are cut at "in", "at", "from", "and" and commas ("the Ministry of Economy
in Buenos Aires" is two names). Without the parse, names are runs of capitalised words inside
sentences. A name is compared by its words without titles, accents or abbreviation dots, with
capital-city metonyms resolved ("Washington" is the US government).

A name word of one side is *kept* when the other side still carries it in another form: the same
folded word or stem; a typo, relative to length (:func:`is_typo`: Obama/Obamma, Grigory/Grigoriy),
or for a person whose other names are kept, two edits (Dowden/Dauden); its demonym or country
(:func:`is_demonym`); a compound it ends or a hyphenated pair written as one word; an
abbreviation (:func:`is_abbreviation`: St/Saint, Rep/representative); a short form spelled by
initials (European Union = EU, United Nations = UN, VIN = vehicle identification number), also of
a longer name whose first words the other side gives (Islamic State = ISIS, United States = USA);
or, for a name word that is a common word, a WordNet synonym put in its place as a name word
("The Right to Arms" = "Rights to Weapons"; an acronym by its long form's head: NGO =
"organization"). Each change of the word diff (:func:`change_runs`) is then read:

- name words lost on the base side and new name words on the rewrite side of the same change are a
  name *replaced* ("Russian President Vladimir Putin" → "Russian President Boris Johnson"):
  severity 2 when either name is gone as a whole (a person: their last name), else 1 (a name
  reworded in part: "Election Commission" → "Electoral Commission"; a name of two or more words
  declined word for word, :func:`is_inflected`: "Frýdek-Místek" → "Frýdecko-Místecko");
- a name lost as a whole, or keeping only describing words ("the Russian Navy" → "the Russian"),
  is *dropped*: severity 2, or 1 when the rewrite names it in another sentence, when it is only a
  nationality, when its whole phrase went with it ("strikes in the Caribbean" → "strikes", a
  detail of where), when a broader place given with it stays ("from Cucuta on the
  Colombia-Venezuela border" → "from the Colombia-Venezuela border"), or when a common noun of
  its kind takes its place ("the Chamber of Deputies" → "the house of representatives");
- a name neither the base sentence nor the base document has is *added* (severity 1).

**Gender.** A change that swaps a gendered pronoun (he/she, him/her, his/her, himself/herself), an
honorific (Mr/Ms) or a person noun (king/queen, actor/actress: WordNet, :mod:`drift.lexicon`) for
one of the other gender refers to a different person (severity 2).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from drift.lexicon import PRONOUN_GENDER, lexicon
from drift.parsing import parse_side
from drift.report import Document, Shift
from drift.shifts.lexicons import (
    MONTHS,
    STOPWORDS,
    TITLES,
    WEEKDAYS,
    word_set,
)
from drift.shifts.registry import LinkContext, register
from drift.shifts.text import Side, Token, fold, has_key, headings, quote, tokenize

_CONNECTORS = word_set("de los la las del da do dos van von bin al el di le of and for")

#: spaCy (OntoNotes 5) entity labels that name an actor, a place or a thing; dates, times, money,
#: percentages, quantities and other figures are left to the figure detector.
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                         "WORK_OF_ART", "LAW", "LANGUAGE"})
#: Entity labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Penn Treebank tags of proper nouns.
PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})



@dataclass(frozen=True)
class Name:
    """A name on one side: its tokens ``first``..``last`` (inclusive, :class:`Side` token indices),
    the keys it is compared by, its capitalised words' initials ("eu" for "European Union"), and
    its spaCy entity label ("PERSON", "ORG", …; ``""`` for a run of proper nouns or capitals)."""

    first: int
    last: int
    keys: frozenset[str]
    initials: str
    label: str = ""


@dataclass(frozen=True)
class Change:
    """One change of a link's word diff: the base tokens it deletes, the rewrite tokens it inserts
    (:class:`Side` token indices, either tuple possibly empty)."""

    base: tuple[int, ...]
    rewrite: tuple[int, ...]


def change_runs(base: Side, rewrite: Side, diff: Sequence[tuple[int, str]]) -> list[Change]:
    """The changes of ``diff`` (a word diff of the two sides' joined texts): each maximal run of
    deletions and insertions between unchanged text, as the tokens it touches on each side."""
    out: list[Change] = []
    bpos = rpos = 0
    deleted: list[int] = []
    inserted: list[int] = []
    for op, text in [*diff, (0, "")]:
        if op == 0:
            if deleted or inserted:
                out.append(Change(tuple(sorted(set(deleted))), tuple(sorted(set(inserted)))))
                deleted, inserted = [], []
            bpos += len(text)
            rpos += len(text)
        elif op < 0:
            deleted += base.tokens_in(bpos, bpos + len(text))
            bpos += len(text)
        else:
            inserted += rewrite.tokens_in(rpos, rpos + len(text))
            rpos += len(text)
    return out


@functools.lru_cache(maxsize=64)
def mid_sentence_caps(doc: Document) -> frozenset[str]:
    """Folded words the document capitalises inside sentences: names, not sentence openers, and
    not the words of title-case headings (:func:`drift.shifts.text.headings`)."""
    out = set()
    skip = headings(doc)
    for i in range(len(doc.sentences)):
        if i in skip:
            continue
        toks = tokenize(doc.sentence_text(i))
        for a, b in zip(toks, toks[1:], strict=False):
            if b.is_cap and b.is_word and a.norm not in ('"', ":", "."):
                out.add(b.norm)
    return frozenset(out)


@functools.lru_cache(maxsize=64)
def lower_case_words(doc: Document) -> frozenset[str]:
    """Folded words the document writes in lower case somewhere: common words, not names."""
    return frozenset(t.norm for i in range(len(doc.sentences))
                     for t in tokenize(doc.sentence_text(i)) if t.is_word and t.text.islower())


def _is_name_word(side: Side, k: int) -> bool:
    """A capitalised word that can be part of a name: not a figure, month or weekday, and not a
    sentence's first word that the document also writes in lower case ("Assistant Daniel Cyrnek,
    senior assistant …")."""
    t = side.tokens[k]
    if not (t.is_word and t.is_cap) or t.is_number or t.norm in MONTHS or t.norm in WEEKDAYS:
        return False
    return not (_opener(side, k) and t.norm in lower_case_words(side.doc))


#: Marks after which any word is capitalised: a quotation, or a sentence inside a sentence ("We do
#: not want the peace of colonies! Colony, never!").
_OPENING = frozenset({'"', ":", "!", "?"})


def _common_word(word: str, language: str | None) -> bool:
    """Whether the language's lexicon has the folded ``word`` as a lower-case (common) word."""
    lex = lexicon(language or "en")
    return lex is not None and any(lemma.islower() for lemma in lex.lemmas(word))


def _common_plural(word: str, language: str | None) -> bool:
    """Whether the folded ``word`` is only the plural of a lower-case (common) noun of the
    language's lexicon ("reporters", "officials"): a sentence opener the tagger read as an
    organisation ("Reporters said …"), since names are seldom plurals of common nouns."""
    lex = lexicon(language or "en")
    if lex is None:
        return False
    forms = lex.lemmas(word, "n")
    return bool(forms) and word not in forms and all(lemma.islower() for lemma in forms)


def _opener(side: Side, k: int) -> bool:
    """Whether token k opens its sentence or a quotation (where any word is capitalised)."""
    return k == 0 or side.tokens[k - 1].sent != side.tokens[k].sent or side.tokens[k - 1].norm in _OPENING


def _name(side: Side, first: int, last: int, label: str = "") -> Name | None:
    words = [side.tokens[k] for k in range(first, last + 1) if _is_name_word(side, k)]
    keys = frozenset(t.key for t in words
                     if t.norm not in TITLES and t.norm not in STOPWORDS and t.norm not in _CONNECTORS)
    if not keys:
        return None
    initials = "".join(t.norm[0] for t in words
                       if t.is_cap and t.norm not in _CONNECTORS and t.norm not in STOPWORDS)
    return Name(first, last, keys, initials, label)


def _parsed_names(side: Side) -> list[Name] | None:
    """Names from spaCy's entities and proper-noun runs, or ``None`` without the parse."""
    parsed = parse_side(side)
    if parsed is None:
        return None
    at = {t.start: k for k, t in enumerate(side.tokens)}
    ends = {t.end: k for k, t in enumerate(side.tokens)}
    known = mid_sentence_caps(side.doc)
    runs: dict[tuple[int, int], str] = {}
    covered: set[int] = set()
    openers: set[int] = set()  # sentence openers by the parse too: a paragraph read as one sentence

    def tokens_of(start: int, end: int) -> tuple[int, int] | None:
        ks = [k for k, t in enumerate(side.tokens) if t.start < end and start < t.end]
        return (ks[0], ks[-1]) if ks else None

    for k, ent in parsed.ents():
        span = tokens_of(*parsed.span(k, ent))
        if span is None:
            continue
        covered.update(range(span[0], span[1] + 1))
        if ent.label_ in NAME_LABELS:
            runs[span] = ent.label_
    run: list[int] = []
    for k, tok in parsed.tokens():
        start, end = parsed.span(k, tok)
        i = at.get(start, ends.get(end))
        # a proper noun, or a capitalised word inside a sentence the tagger took for a common noun
        # ("the flight to A Coruña")
        opener = i is not None and (_opener(side, i) or tok.is_sent_start)
        proper = (i is not None and i not in covered and tok.text[:1].isupper()
                  and (tok.tag_ in PROPER_NOUN_TAGS
                       or (tok.is_alpha and not opener and side.tokens[i].norm not in STOPWORDS)))
        if proper and opener:
            openers.add(i)
        if proper:
            run.append(i)
            continue
        if run:
            runs[(run[0], run[-1])] = ""
            run = []
    if run:
        runs[(run[0], run[-1])] = ""
    names = []
    for (first, last), label in sorted(runs.items()):
        # a title-case heading capitalises every word: there only words the document writes with a
        # capital inside sentences are names
        parts = list(_parts(side, first, last))
        if side.in_heading(first):
            # … and only those words of the run: "Parliament Approves Budget" names Parliament
            parts = [(a, b) for start, end in parts for a, b in _known_runs(side, start, end, known)]
        for a, b in parts:
            if (a == b and _currency_code(side, a)) or _office(side, a, label):
                continue
            # one capitalised word opening a sentence, that is no entity, that no other sentence of
            # the document writes as a name and that the dictionary has as a common word ("Colony,
            # never!"), is only capitalised by its place
            if a == b and (_opener(side, a) or a in openers) and side.tokens[a].norm not in known \
                    and (_common_plural(side.tokens[a].norm, side.doc.language) if label
                         else _common_word(side.tokens[a].norm, side.doc.language)):
                continue
            name = _name(side, a, b, label)
            if name is not None:
                names.append(name)
    return names


def _known_runs(side: Side, first: int, last: int, known: frozenset[str]) -> list[tuple[int, int]]:
    """The runs of tokens first..last that the document writes with a capital inside sentences."""
    runs: list[tuple[int, int]] = []
    for k in range(first, last + 1):
        if side.tokens[k].norm not in known:
            continue
        if runs and runs[-1][1] == k - 1:
            runs[-1] = (runs[-1][0], k)
        else:
            runs.append((k, k))
    return runs


def _office(side: Side, k: int, label: str) -> bool:
    """Whether a name starting at token k completes a title ("Secretary of State", "Minister of
    Health"): the domain of an office, not an actor; a place stays a name ("mayor of Ostrava")."""
    return (label not in PLACE_LABELS and k >= 2 and side.tokens[k - 1].norm == "of"
            and side.tokens[k - 2].norm in TITLES)


def _currency_code(side: Side, k: int) -> bool:
    """Three capitals beside a figure are a currency code (ISO 4217: "CZK 34,125", "500 USD"), the
    unit of a figure, not a name."""
    t = side.tokens[k]
    return len(t.text) == 3 and t.text.isupper() and any(
        0 <= j < len(side.tokens) and side.tokens[j].is_number and side.tokens[j].sent == t.sent
        for j in (k - 1, k + 1))


#: Words and marks that end one name and start another inside a run the parser took as one: "the
#: Ministry of Economy in Buenos Aires", "the UK Department of Culture, Oliver Dowden", "Windows
#: and Mac OS".
_NAME_BREAKS = frozenset({"in", "at", "near", "from", "and", ",", ";", "(", ")"})


def _parts(side: Side, first: int, last: int) -> Iterator[tuple[int, int]]:
    """A name run cut at :data:`_NAME_BREAKS`."""
    start = None
    for k in range(first, last + 2):
        t = side.tokens[k] if k <= last else None
        cut = t is None or t.norm in _NAME_BREAKS
        if cut:
            if start is not None:
                yield start, k - 1
            start = None
        elif start is None:
            start = k


def _capitalised_names(side: Side) -> list[Name]:
    """Names as runs of capitalised words (without the parse): a sentence's first word counts when
    the documents capitalise it elsewhere or another capitalised word follows it."""
    toks = side.tokens
    known = mid_sentence_caps(side.doc)
    names: list[Name] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        opener = i == 0 or toks[i - 1].sent != t.sent or toks[i - 1].norm in ('"', ":")
        named_next = i + 1 < len(toks) and toks[i + 1].is_cap and toks[i + 1].is_word \
            and toks[i + 1].sent == t.sent
        if not _is_name_word(side, i) or side.in_heading(i) \
                or (opener and (t.norm in STOPWORDS or (t.norm not in known and not named_next))):
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and toks[j + 1].sent == t.sent:
            n = toks[j + 1]
            if _is_name_word(side, j + 1):
                j += 1
            elif n.norm in _CONNECTORS and j + 2 < len(toks) and toks[j + 2].is_cap and toks[j + 2].is_word:
                j += 2
            else:
                break
        name = _name(side, i, j)
        if name is not None:
            names.append(name)
        i = j + 1
    return names


def find_names(side: Side) -> list[Name]:
    """The names of one side, in text order (cached on the side)."""
    if "names" not in side.memo:
        parsed = _parsed_names(side)
        side.memo["names"] = parsed if parsed is not None else _capitalised_names(side)
    return side.memo["names"]


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance of two words (insertions, deletions, substitutions and
    swaps of two neighbouring letters each count 1), or ``limit + 1`` once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i]
        for j in range(1, len(b) + 1):
            d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d = min(d, prev2[j - 2] + 1)
            cur.append(d)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def is_typo(a: str, b: str) -> bool:
    """Whether two folded words are one name spelled with a slip, relative to their length: from 5
    letters one edit (Obama/Obamma, Chamber/Chambre), from 8 two (Grigory/Grigoriy), at 4 letters
    only a letter dropped or added (Cunk/Cunek, while Iran and Iraq stay apart)."""
    n = min(len(a), len(b))
    if n < 4 or a[0] != b[0] or a == b:
        return a == b
    if n == 4:
        return abs(len(a) - len(b)) == 1 and edit_distance(a, b, 1) == 1
    limit = 2 if n >= 8 else 1
    return edit_distance(a, b, limit) <= limit


#: English demonym endings (Russia/Russian, China/Chinese, Portugal/Portuguese, Iraq/Iraqi,
#: Spain/Spanish, Asia/Asian, Europe/European).
DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "uese", "i", "ish", "ic", "ean")


def is_demonym(a: str, b: str) -> bool:
    """Whether one folded word is the other's demonym: the shorter, less up to two final letters,
    followed by a demonym ending, spells the longer."""
    short, long_ = sorted((a, b), key=len)
    if len(short) < 4 or short == long_:
        return False
    return any(long_ == short[:len(short) - cut] + end for cut in range(3) for end in DEMONYM_ENDINGS)


def is_inflected(a: str, b: str) -> bool:
    """Whether two folded words are one stem with different endings, as names take case and
    derivational endings in inflected languages (Czech Frýdek / Frýdecko, Místek / Místecko;
    Polish Kowalski / Kowalskiego): the shorter, of at least 6 letters, less its last two letters
    begins the longer, which is at most 4 letters longer. Too loose for one word alone
    (Austria / Australia), so it is only trusted for every word of a name of two or more."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 6 and long_.startswith(short[:-2]) and len(long_) - len(short) <= 4


def is_compound_part(a: str, b: str) -> bool:
    """Whether one folded word of at least 6 letters ends the other: Meteorological,
    Hydrometeorological."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 6 and long_ != short and long_.endswith(short)


def is_abbreviation(short: str, full: str) -> bool:
    """Whether a folded short form abbreviates a word: its beginning ("Rep" representative, "Gen"
    general, "Rz" Rzeczpospolita) or, for two letters, its first and last ("St" saint, "Dr"
    doctor, "Mt" mount)."""
    if len(short) < 2 or len(full) < len(short) + 2:
        return False
    return full.startswith(short) or (len(short) == 2 and full[0] == short[0] and full[-1] == short[1])


@dataclass(frozen=True)
class Forms:
    """How one side can carry a name: its folded words (and hyphenated compounds written as one
    word), its capitalised short words (abbreviations: "st", "rep", "rz"), the initials of its
    runs of words, as short forms ("eu", "vin"), its words written in capitals (acronyms: "isis"),
    the initials of its runs of capitalised words ("is" for "Islamic State"), and its capitalised
    words."""

    words: frozenset[str]
    short: frozenset[str]
    initials: frozenset[str]
    acronyms: frozenset[str] = frozenset()
    name_initials: frozenset[str] = frozenset()
    capitalised: frozenset[str] = frozenset()


def _forms(side: Side) -> Forms:
    if "name_forms" in side.memo:
        return side.memo["name_forms"]
    toks = side.tokens
    words = {_bare(t) for t in toks if t.is_word and not t.is_number}
    for k in range(len(toks)):  # co-operation = cooperation
        words.update(_hyphen_compounds(side, k))
    initials = set()
    for i, t in enumerate(toks):
        if not t.is_word or t.norm in STOPWORDS or t.is_number:
            continue
        letters, caps = "", True
        for u in toks[i:i + 12]:
            if u.sent != t.sent or len(letters) >= 8:
                break
            if u.norm in STOPWORDS or u.norm in _CONNECTORS or u.norm == "-":
                continue
            if not u.is_word or u.is_number:
                break
            letters += u.norm[0]
            caps = caps and u.is_cap
            if len(letters) >= 3 or (len(letters) == 2 and caps):
                initials.add(letters)
    short = {t.norm for t in toks if t.is_cap and t.is_word and len(t.norm) <= 6 and t.norm not in STOPWORDS}
    acronyms = {_bare(t) for t in toks if _is_acronym(t)}
    name_initials = {_run_initials(side, k) for k in range(len(toks)) if _is_name_word(side, k)}
    capitalised = {_bare(t) for k, t in enumerate(toks) if _is_name_word(side, k) and t.norm not in STOPWORDS}
    name_initials = {i for i in name_initials if len(i) >= 2}
    out = Forms(frozenset(words), frozenset(short), frozenset(initials), frozenset(acronyms),
                frozenset(name_initials), frozenset(capitalised))
    side.memo["name_forms"] = out
    return out


def _is_acronym(t: Token) -> bool:
    """A word of two to six letters written in capitals (a plural s allowed: "MCIs")."""
    letters = t.text[:-1] if len(t.text) >= 3 and t.text.endswith("s") else t.text
    return t.is_word and 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _run_initials(side: Side, k: int) -> str:
    """The initials of the run of capitalised name words around token k, connectors ("of",
    "and") inside it skipped: "is" for either word of "Islamic State"."""
    toks = side.tokens

    def inside(i: int) -> bool:
        return 0 <= i < len(toks) and toks[i].sent == toks[k].sent and _is_name_word(side, i)

    def connector(i: int) -> bool:
        return 0 <= i < len(toks) and toks[i].sent == toks[k].sent and toks[i].norm in _CONNECTORS

    first = last = k
    while inside(first - 1) or (connector(first - 1) and inside(first - 2)):
        first -= 1 if inside(first - 1) else 2
    while inside(last + 1) or (connector(last + 1) and inside(last + 2)):
        last += 1 if inside(last + 1) else 2
    return "".join(toks[i].norm[0] for i in range(first, last + 1)
                   if inside(i) and toks[i].norm not in _CONNECTORS and toks[i].norm not in STOPWORDS)


def _bare(t: Token) -> str:
    """A folded word without its possessive ending, an acronym without its plural s (MCIs)."""
    if t.norm.endswith("'s"):
        return t.norm[:-2]
    if t.norm.endswith("'"):
        return t.norm[:-1]
    if len(t.text) >= 3 and t.text.endswith("s") and t.text[:-1].isupper():
        return t.norm[:-1]
    return t.norm


def _hyphen_compounds(side: Side, k: int) -> list[str]:
    """Token k joined with its neighbour across a hyphen: "Colombia-Venezuela" → "colombiavenezuela"."""
    toks, out = side.tokens, []
    for a in (k - 2, k):
        if a >= 0 and a + 2 < len(toks) and toks[a + 1].norm == "-" and toks[a].end == toks[a + 1].start \
                and toks[a + 1].end == toks[a + 2].start:
            out.append(toks[a].norm + toks[a + 2].norm)
    return out


def _kept(side: Side, k: int, other: Side, *, spelling: bool = True) -> bool:
    """Whether the name word ``side.tokens[k]`` is still carried by ``other``, in some form: the
    same word or stem, a typo of it, its demonym or country, a short form of it or of its name, or
    the long form of a short form; with ``spelling``, also a person's name spelled another way
    (two edits, "Dowden"/"Dauden") when the rest of the name is kept as it was."""
    t = side.tokens[k]
    if t.norm in TITLES or t.norm in STOPWORDS or t.norm in _CONNECTORS or not _is_name_word(side, k):
        return True
    forms = _forms(other)
    if has_key(t.key, other.keys) or fold(t.text).replace(".", "") in forms.words:  # US, us
        return True
    norm = _bare(t)
    if norm in forms.initials or any(c in forms.words for c in _hyphen_compounds(side, k)):
        return True
    name = _name_at(side, k)
    if name is not None and len(name.initials) >= 2 and any(
            name.initials in (w, w[1:], w[:-1]) for w in forms.short):  # EU; PL in EPL
        return True
    if _short_form_of_longer(side, k, forms) or _translated(t, forms, _forms(side), side.doc.language):
        return True
    if _carried(norm, forms):
        return True
    return (spelling and name is not None and name.label == "PERSON" and len(norm) >= 5
            and any(i != k and side.tokens[i].key in name.keys for i in range(name.first, name.last + 1))
            and all(_kept(side, i, other, spelling=False) for i in range(name.first, name.last + 1) if i != k)
            and any(w[0] == norm[0] and edit_distance(norm, w, 2) <= 2 for w in forms.words))


def _translated(t: Token, forms: Forms, own: Forms, language: str | None) -> bool:
    """Whether a name word that is also a common word is carried by a WordNet synonym (a name
    made of common words, translated by another hand: "The Right to Arms" / "Rights to
    Weapons"), or an acronym by the last word of its WordNet long form ("NGO", nongovernmental
    organization, / "organization"). The synonym must be a capitalised word of the other side (a
    name, not a word of the sentence around it), and either word one the own side (``own``) does
    not have: a word put in its place, not one both sides share ("Mac OS and the Linux operating
    system" keeps no "OS" by "system")."""
    lex = lexicon(language or "en")
    if lex is None:
        return False
    norm = _bare(t)
    if _is_acronym(t):
        heads = {syn.split()[-1] for syn in lex.synonyms(t.text, "n") if " " in syn}
        return any(h not in own.words and (h in forms.words or lex.lemmas(h, "n") & forms.words)
                   for h in heads)
    if not _common_word(norm, language):
        return False
    return any(w not in own.words and lex.are_synonyms(norm, w, "n") for w in forms.capitalised if w != norm)


def _short_form_of_longer(side: Side, k: int, forms: Forms) -> bool:
    """Whether one side names by its first words what the other spells as an acronym of a longer
    name: an acronym is the initials of its name's words, and a name is often shortened to its
    first words ("Islamic State" for ISIS, the Islamic State of Iraq and Syria; "United States"
    for USA). Either way round: token k in a run of capitalised words whose initials (at least
    two) begin an acronym of ``forms``, or token k an acronym that begins with the initials of a
    run of capitalised words of ``forms``."""
    t = side.tokens[k]
    if _is_acronym(t):
        norm = _bare(t)
        return any(norm.startswith(i) and norm != i for i in forms.name_initials)
    run = _run_initials(side, k)
    return len(run) >= 2 and any(a.startswith(run) and a != run for a in forms.acronyms)


@functools.lru_cache(maxsize=65536)
def _carried(norm: str, forms: Forms) -> bool:
    """Whether ``forms`` hold a typo, demonym, compound part, abbreviation or long form of ``norm``."""
    return (any(is_typo(norm, w) or is_demonym(norm, w) or is_compound_part(norm, w)
                or is_abbreviation(norm, w) for w in forms.words)
            or any(is_abbreviation(w, norm) for w in forms.short))


def still_named(side: Side, ks: Sequence[int], other: Side) -> bool:
    """Whether ``other`` still names what tokens ``ks`` of ``side`` belong to, each name: every
    word kept in some form (:func:`_kept`: "MCI" as "MCIs"), a person's last name kept ("Kolonko"
    of "Max Kolonko"), the name's own acronym kept ("KWW" of "KWW Patriotic Revolution"), or, for
    a name of two or more words, every word declined (:func:`is_inflected`: "Frýdek-Místek" as
    "Frýdecko-Místecko")."""
    names = _names_of(side, ks)
    if not names:
        return False
    words = _forms(other).words
    for n in names:
        keys = [i for i in range(n.first, n.last + 1) if side.tokens[i].key in n.keys]
        if not keys or all(_kept(side, i, other) for i in keys):
            continue
        if n.label == "PERSON" and len(keys) >= 2 and _kept(side, keys[-1], other):
            continue
        if len(keys) >= 2 and any(_is_acronym(side.tokens[i]) and _kept(side, i, other) for i in keys):
            continue
        if len(keys) >= 2 and all(any(is_inflected(side.tokens[i].norm, w) for w in words) for i in keys):
            continue
        return False
    return True


def _name_at(side: Side, k: int) -> Name | None:
    return next((n for n in find_names(side) if n.first <= k <= n.last), None)


def _span(side: Side, ks: Sequence[int]) -> tuple[int, int]:
    return side.span(min(ks), max(ks))


def _names_of(side: Side, ks: Sequence[int]) -> list[Name]:
    out: list[Name] = []
    for k in ks:
        n = _name_at(side, k)
        if n is not None and n not in out:
            out.append(n)
    return out


def _whole(side: Side, ks: Sequence[int]) -> tuple[int, int]:
    """The span of the names that tokens ``ks`` belong to."""
    names = _names_of(side, ks)
    return side.span(min([*ks, *(n.first for n in names)]), max([*ks, *(n.last for n in names)]))


def _only_descriptors_kept(side: Side, lost: list[int], other: Side) -> bool:
    """Whether all the rewrite keeps of the names is describing words, adjectives or nationalities:
    "the Russian Navy" without "Navy" no longer names the navy, whatever "Russian" still says."""
    by_start = _parsed_tokens(side)
    nationalities = {side.tokens[k].norm for n in find_names(side) if n.label == "NORP"
                     for k in range(n.first, n.last + 1)}
    for name in _names_of(side, lost):
        for i in range(name.first, name.last + 1):
            t = side.tokens[i]
            if t.key not in name.keys or i in lost or not _kept(side, i, other):
                continue
            tok = by_start.get(t.start)
            if not ((tok is not None and tok.tag_ == "JJ") or t.norm in nationalities):
                return False
    return bool(by_start)


def _by_name(side: Side, ks: list[int]) -> list[list[int]]:
    """Tokens ``ks`` grouped by the name they belong to, in text order; neighbours are one group."""
    groups: dict[int, list[int]] = {}
    for k in ks:
        n = _name_at(side, k)
        groups.setdefault(n.first if n is not None else k, []).append(k)
    out: list[list[int]] = []
    for f in sorted(groups):  # names next to each other ("Islamic" "State") are one
        if out and groups[f][0] == out[-1][-1] + 1:
            out[-1] += groups[f]
        else:
            out.append(groups[f])
    return out


def _wholly_gone(side: Side, ks: Sequence[int], other: Side) -> bool:
    """Whether every name that tokens ``ks`` belong to is gone from ``other``: all its words, or a
    person's last name."""
    def gone(n: Name) -> bool:
        words = [i for i in range(n.first, n.last + 1) if side.tokens[i].key in n.keys]
        if n.label == "PERSON" and len(words) >= 2:
            return not _kept(side, words[-1], other)
        return not any(_kept(side, i, other) for i in words)
    return all(gone(n) for n in _names_of(side, ks))


def _surname_lost(side: Side, ks: Sequence[int]) -> bool:
    """Whether a person's last name is among the tokens ``ks``."""
    return any(n.label == "PERSON" and max(i for i in range(n.first, n.last + 1)
                                           if side.tokens[i].key in n.keys) in ks
               for n in _names_of(side, ks))


def name_shifts(base: Side, rewrite: Side, diff: Sequence[tuple[int, str]]) -> list[Shift]:
    """Names replaced, dropped or added in the changes of one link (see the module docstring)."""
    in_name_b = {k for n in find_names(base) for k in range(n.first, n.last + 1)}
    in_name_r = {k for n in find_names(rewrite) for k in range(n.first, n.last + 1)}
    shifts: list[Shift] = []

    def replaced(lost: list[int], new: list[int], severity: int) -> Shift:
        how = "a different actor or place" if severity >= 2 else "the name reads differently"
        return Shift("entity", severity, _span(base, lost), _span(rewrite, new),
                     f"{quote(base.words(_whole(base, lost)))} became "
                     f"{quote(rewrite.words(_whole(rewrite, new)))}: {how}")

    for change in change_runs(base, rewrite, diff):
        lost = [k for k in change.base if k in in_name_b and not _kept(base, k, rewrite)]
        # a name the base gives in another sentence is not new ("Washington" for "the Trump
        # administration" in a story about the US)
        new = [k for k in change.rewrite if k in in_name_r and not _kept(rewrite, k, base.whole)]
        lost_names, new_names = _by_name(base, lost), _by_name(rewrite, new)
        for b, r in zip(lost_names, new_names, strict=False):
            # part of a name reworded ("Election Commission" → "Electoral Commission") is a
            # nuance; a name replaced as a whole, or a person's last name, is a different actor
            whole = (_wholly_gone(base, b, rewrite) or _wholly_gone(rewrite, r, base.whole)
                     or _surname_lost(base, b)) and not _declined(base, b, rewrite, r)
            shifts.append(replaced(b, r, 2 if whole else 1))
        for b in lost_names[len(new_names):]:
            if _wholly_gone(base, b, rewrite) or _only_descriptors_kept(base, b, rewrite):
                shifts.append(_dropped(base, b, rewrite, set(change.base), change.rewrite))
        for r in new_names[len(lost_names):]:
            if _wholly_gone(rewrite, r, base.whole):
                rs = _whole(rewrite, r)
                shifts.append(Shift("entity", 1, None, rs, f"the rewrite names {quote(rewrite.words(rs))}, "
                                    "which the base does not name"))
    return shifts


def _declined(base: Side, lost: list[int], rewrite: Side, new: list[int]) -> bool:
    """Whether a name of two or more words became, word for word, the same stems with other
    endings (:func:`is_inflected`: "Frýdek-Místek" → "Frýdecko-Místecko"): the name declined or
    derived as in its own language, not another place."""
    b = [base.tokens[k].norm for k in lost if base.tokens[k].is_word]
    r = [rewrite.tokens[k].norm for k in new if rewrite.tokens[k].is_word]
    return len(b) == len(r) >= 2 and all(is_inflected(x, y) for x, y in zip(b, r, strict=True))


def _dropped(base: Side, lost: list[int], rewrite: Side, deleted: set[int],
             inserted: Sequence[int] = ()) -> Shift:
    """A name the rewrite no longer gives: a key fact (severity 2), or a nuance when the rewrite
    names it in another sentence, when it only describes (a nationality or group: "Czech"), when
    the whole phrase that placed it went with it (a detail of where or with whom dropped: "strikes
    in the Caribbean and the Pacific" → "strikes"), when the rewrite keeps a broader name the
    base gave with it ("from Cucuta on the Colombia-Venezuela border" → "from the
    Colombia-Venezuela border"), or when the rewrite, in its place (``inserted``: the rewrite
    tokens of the same change), describes it by a common noun WordNet relates to a word of the
    name (:func:`_kindred`: "the Chamber of Deputies" → "the house of representatives")."""
    bs = _whole(base, lost)
    elsewhere = any(_kept(base, k, rewrite.whole) for k in lost)
    descriptor = all(n.label == "NORP" for n in _names_of(base, lost))
    root = _root(base, lost)
    phrase = root is not None and _phrase_dropped(base, root, deleted)
    broader = None if root is None else _broader_name_kept(base, root, lost, rewrite)
    described = _described_by(base, lost, rewrite, inserted)
    how = " here" if elsewhere else ""
    if broader is not None and not elsewhere:
        how = f", only {quote(broader)}"
    elif described is not None and not elsewhere:
        how = f", only describes it as {quote(described)}"
    return Shift("entity", 1 if elsewhere or descriptor or phrase or broader or described else 2, bs, None,
                 f"the rewrite no longer names {quote(base.words(bs))}{how}")


def _described_by(base: Side, lost: list[int], rewrite: Side, inserted: Sequence[int]) -> str | None:
    """A lower-case word among the rewrite tokens ``inserted`` that WordNet relates to a word of
    the lost name (:func:`_kindred`: "house" for "Chamber"), if any."""
    lex = lexicon(base.doc.language or "en")
    if lex is None:
        return None
    words = {base.tokens[i].norm for n in _names_of(base, lost) for i in range(n.first, n.last + 1)
             if base.tokens[i].key in n.keys}
    for k in inserted:
        t = rewrite.tokens[k]
        if not t.is_word or not t.text.islower() or t.norm in STOPWORDS:
            continue
        if any(_kindred(lex, w, t.norm) for w in words):
            return t.text
    return None


def _kindred(lex: Any, name_word: str, common: str) -> bool:
    """Whether WordNet gives the common noun as a synonym of the name word, a broader word for it
    (three levels up), or a word of the same kind (a direct hypernym of one is within two levels
    above the other: "house" and "chamber" are both assemblies)."""
    if lex.are_synonyms(name_word, common, "n") or lex.is_vaguer(common, name_word, "n"):
        return True
    return bool(lex.hypernyms(name_word, "n", 1) & lex.hypernyms(common, "n", 2)
                or lex.hypernyms(common, "n", 1) & lex.hypernyms(name_word, "n", 2))


def _parsed_tokens(side: Side) -> dict[int, Any]:
    """The side's spaCy tokens by document offset (empty without the parse)."""
    if "parsed_tokens" not in side.memo:
        parsed = parse_side(side)
        side.memo["parsed_tokens"] = {} if parsed is None else {
            parsed.span(k, tok)[0]: tok for k, tok in parsed.tokens()}
    return side.memo["parsed_tokens"]


def _side_index(side: Side, tok: Any) -> int | None:
    """The :class:`Side` token index of a spaCy token of the side's parse."""
    for start, t in _parsed_tokens(side).items():
        if t.doc is tok.doc and t.i == tok.i:
            return next((k for k, s in enumerate(side.tokens) if s.start == start), None)
    return None


def _root(side: Side, ks: list[int]) -> Any | None:
    """The spaCy token heading the names that tokens ``ks`` belong to, or ``None`` without parse."""
    by_start = _parsed_tokens(side)
    own = set(ks)
    for name in _names_of(side, ks):
        own.update(range(name.first, name.last + 1))
    heads = [by_start[side.tokens[k].start] for k in own if side.tokens[k].start in by_start]
    return min(heads, key=lambda t: len(list(t.ancestors))) if heads else None


def _phrase_dropped(side: Side, root: Any, deleted: set[int]) -> bool:
    """Whether the preposition that introduces the name (or the names it is coordinated with) is
    among the ``deleted`` tokens: the whole phrase left, not only the name."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    return _side_index(side, root.head) in deleted


#: Prepositions that place something inside a larger place: "Cucuta on the Colombia-Venezuela
#: border", "a village near Kharkiv".
_WITHIN = frozenset({"in", "on", "at", "near", "along", "inside", "outside"})


def _broader_name_kept(base: Side, root: Any, lost: list[int], rewrite: Side) -> str | None:
    """A name that places the lost one (in a locative phrase attached to it: "Cucuta on the
    Colombia-Venezuela border") and that the rewrite keeps."""
    preps = list(root.children)
    if root.dep_ == "pobj":  # "from Cucuta on the border": the parser may attach "on" to the verb
        preps += [t for t in root.head.head.children if t.i == root.right_edge.i + 1]
    inside = {t.i for prep in preps if prep.dep_ == "prep" and prep.lower_ in _WITHIN
              for t in prep.subtree}
    by_start = _parsed_tokens(base)
    for other in find_names(base):
        if other.first <= max(lost) and min(lost) <= other.last:
            continue
        tok = by_start.get(base.tokens[other.first].start)
        if tok is None or tok.doc is not root.doc or tok.i not in inside:
            continue
        ks = range(other.first, other.last + 1)
        if any(_kept(base, k, rewrite) for k in ks if base.tokens[k].key in other.keys):
            return base.words(base.span(other.first, other.last))
    return None


def _gender(side: Side, k: int) -> str | None:
    """``"male"``/``"female"`` for a gendered pronoun, honorific or person noun (the side's
    lexicon: :meth:`drift.lexicon.Lexicon.gender`), else ``None``."""
    t = side.tokens[k]
    lex = lexicon(side.doc.language or "en")
    return None if lex is None or not t.is_word else lex.gender(t.norm)


def gender_shifts(base: Side, rewrite: Side, diff: Sequence[tuple[int, str]]) -> list[Shift]:
    """Gendered pronouns swapped for the other gender's inside one change of the diff."""
    shifts = []
    for change in change_runs(base, rewrite, diff):
        for bk, rk in _gendered_pairs(base, rewrite, change):
            bt, rt = base.tokens[bk], rewrite.tokens[rk]
            shifts.append(Shift("entity", 2, base.span(bk, bk), rewrite.span(rk, rk),
                                f"{quote(bt.text)} became {quote(rt.text)}: a person of the other "
                                "gender, so a different person"))
    return shifts


def _gendered_pairs(base: Side, rewrite: Side, change: Change) -> Iterator[tuple[int, int]]:
    """Gendered words of a change paired in order with the other gender's: a pronoun or honorific
    with a pronoun or honorific, a noun with its counterpart (king/queen), never a name's word."""
    lex = lexicon(base.doc.language or "en")
    if lex is None:
        return
    b = [(k, g) for k in change.base if (g := _gender(base, k))]
    r = [(k, g) for k in change.rewrite if (g := _gender(rewrite, k))]
    for (bk, bg), (rk, rg) in zip(b, r, strict=False):
        bw, rw = base.tokens[bk].norm, rewrite.tokens[rk].norm
        pronouns = bw in PRONOUN_GENDER and rw in PRONOUN_GENDER
        counterpart = (lex.gender_counterpart(bw) or "") in lex.lemmas(rw)
        if bg != rg and (pronouns or counterpart):
            yield bk, rk


def detect(ctx: LinkContext) -> list[Shift]:
    """Name and gender shifts of one aligned link."""
    return name_shifts(ctx.base, ctx.rewrite, ctx.diff) + gender_shifts(ctx.base, ctx.rewrite, ctx.diff)


register("entities", detect, shift_types=("entity",), languages=("en",))
