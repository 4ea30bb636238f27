"""One side of a link as tokens that know their place in the document's own text.

Detectors compare *folded* copies of words (accents, curly quotes, "U.S." → "us", case) but report
spans on the originals: each :class:`Token` keeps its document offsets, so a span is always
``document.text[start:end]`` of real words and never starts or ends on whitespace.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cached_property

from drift.normalising import strip_accents
from drift.report import Document
from drift.segmenting import token_spans
from drift.shifts.lexicons import (
    ALIASES,
    BRITISH_ENDINGS,
    BRITISH_WORDS,
    LOCATIVES,
    MONTHS,
    PHRASE_ALIASES,
    PLACE_WORDS,
    STOPWORDS,
    TITLES,
    WEEKDAYS,
)

_FOLD_CHARS = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
})

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def fold(s: str) -> str:
    """The comparison form of a word: NFKC, quotes and dashes straightened, accents dropped, lower.

    Accents are those a reader may leave out (:func:`drift.normalising.strip_accents`); the marks
    that make a letter (Devanagari vowel signs, Japanese voicing marks) stay. NFC and NFD spellings
    of a word fold alike.
    """
    return unicodedata.normalize("NFKC", strip_accents(s.translate(_FOLD_CHARS))).lower()


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem for "is this word still there": possessive and common endings cut.

    Good enough to match *troops/troop*, *designated/designating*, *sanctions/sanction*, and British
    with American spelling (*recognise/recognized*, *rumours/rumors*); never used to decide that
    two different words mean the same.
    """
    w = word
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("s'"):
        w = w[:-1]
    w = american(w)
    for suffix in ("ations", "ation", "ing", "ies", "ied", "es", "ed", "ly", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def american(word: str) -> str:
    """The American spelling of a British one, by the regular patterns (see BRITISH_ENDINGS)."""
    if word in BRITISH_WORDS:
        return BRITISH_WORDS[word]
    for british, us, min_len in BRITISH_ENDINGS:
        if word.endswith(british) and len(word) >= min_len:
            return word[: -len(british)] + us
    return word


@dataclass(frozen=True)
class Token:
    text: str       # as in the document
    start: int      # document offsets
    end: int
    sent: int       # position of its sentence within the link side (0, 1, ...)
    norm: str       # folded: "U.S." -> "us", "Nicolás" -> "nicolas", "’" -> "'"

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalnum()

    @property
    def is_number(self) -> bool:
        # The whole token: "¼" folds to "1⁄4" and "²A" to "2a", which are no figures.
        return _NUMBER.fullmatch(self.norm) is not None

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_content(self) -> bool:
        return self.is_word and self.norm not in STOPWORDS

    @property
    def key(self) -> str:
        """The stem a word is looked up by, with name aliases resolved ("america" -> "usa")."""
        return stem(ALIASES.get(self.norm, self.norm))


def tokenize(text: str, offset: int = 0, sent: int = 0) -> list[Token]:
    """The tokens of ``text`` (see :data:`TOKEN_PATTERN`), offsets shifted by ``offset``.

    >>> [t.text for t in tokenize("总投资为50亿元。")]
    ['总', '投', '资', '为', '50', '亿', '元', '。']
    """
    out = []
    for start, end in token_spans(text):
        raw = text[start:end]
        norm = fold(raw)
        if raw.replace(".", "") in ("US", "USA"):
            norm = "usa"  # the country, never the pronoun "us"
        elif "." in raw and raw[0].isalpha():
            norm = norm.replace(".", "")
        out.append(Token(raw, offset + start, offset + end, sent, norm))
    return _alias_phrases(out)


def _alias_phrases(tokens: list[Token]) -> list[Token]:
    """Give every word of a multiword name its alias: "United States" -> "usa" "usa"."""
    norms = [t.norm for t in tokens]
    for phrase, alias in PHRASE_ALIASES.items():
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if tuple(norms[i:i + n]) == phrase:
                for k in range(i, i + n):
                    tokens[k] = replace(tokens[k], norm=alias)
                    norms[k] = alias
    return tokens


@dataclass
class Side:
    """The sentences of one side of a link, tokenised, with a way back to document offsets."""

    doc: Document
    indices: tuple[int, ...]
    tokens: list[Token] = field(init=False)
    jstarts: list[int] = field(init=False)  # each token's offset in the joined link text
    memo: dict = field(init=False, default_factory=dict, repr=False)  # detectors' per-side results

    def __post_init__(self) -> None:
        self.indices = tuple(sorted(self.indices))
        self.tokens, self.jstarts = [], []
        joined_at = 0
        for k, i in enumerate(self.indices):
            s = self.doc.sentences[i]
            toks = tokenize(self.doc.text[s.start:s.end], s.start, k)
            self.tokens.extend(toks)
            self.jstarts.extend(joined_at + t.start - s.start for t in toks)
            joined_at += s.end - s.start + 1  # the one space that joins sentences

    @property
    def text(self) -> str:
        return self.doc.joined(self.indices)

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(t.key for t in self.tokens if t.is_word)

    @property
    def doc_keys(self) -> frozenset[str]:
        """Keys of every word in the whole document, for "does it appear anywhere else"."""
        return whole(self.doc).keys

    @property
    def whole(self) -> Side:
        """The whole document as one side (cached per document)."""
        return whole(self.doc)

    def has(self, token: Token) -> bool:
        """Whether the word (or a word sharing its stem, or its alias) occurs on this side."""
        return has_key(token.key, self.keys)

    def has_name(self, token: Token) -> bool:
        """Like :meth:`has`, also forgiving a name run into the next word by lost punctuation
        ("Cartel de los Solesa group")."""
        return self.has(token) or (len(token.norm) >= 4 and any(
            len(t.norm) >= 4 and abs(len(t.norm) - len(token.norm)) <= 2
            and (t.norm.startswith(token.norm) or token.norm.startswith(t.norm)) for t in self.tokens))

    def in_heading(self, k: int) -> bool:
        return self.indices[self.tokens[k].sent] in headings(self.doc)

    def is_name(self, k: int) -> bool:
        """Token k is part of a name: capitalised inside its sentence (not its first word, not in a
        title-case heading), or the US by any spelling."""
        t = self.tokens[k]
        if not t.is_word or t.norm in STOPWORDS or t.norm in TITLES or t.norm in MONTHS \
                or t.norm in WEEKDAYS:
            return False
        if t.norm == "usa":
            return True
        opener = k == 0 or self.tokens[k - 1].sent != t.sent or self.tokens[k - 1].norm in ('"', ":")
        return t.is_cap and not opener and not self.in_heading(k)

    def is_actor_name(self, k: int) -> bool:
        """A name that is not a place by its own word or its preposition ("from Cucuta")."""
        if not self.is_name(k):
            return False
        end = k
        while end + 1 < len(self.tokens) and self.is_name(end + 1):
            end += 1
        if any(self.tokens[j].norm in PLACE_WORDS for j in range(k, end + 1)):  # "Miraflores Palace"
            return False
        j = k - 1
        while j >= 0 and (self.tokens[j].norm == "the" or self.is_name(j)):
            j -= 1
        return not (j >= 0 and self.tokens[j].norm in LOCATIVES)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Document span from token i to token j (inclusive), kept inside one sentence."""
        i, j = min(i, j), max(i, j)
        a, b = self.tokens[i], self.tokens[j]
        if a.sent != b.sent:  # never cross the gap between two sentences of the link
            j = max(k for k in range(i, j + 1) if self.tokens[k].sent == a.sent)
            b = self.tokens[j]
        return a.start, b.end

    def words(self, span: tuple[int, int]) -> str:
        return self.doc.text[span[0]:span[1]]

    def tokens_in(self, start: int, end: int) -> list[int]:
        """Indices of the tokens overlapping ``[start, end)`` of the joined link text."""
        return [k for k, (t, js) in enumerate(zip(self.tokens, self.jstarts, strict=True))
                if js < end and start < js + (t.end - t.start)]

    def around(self, joined_pos: int) -> tuple[int, int] | None:
        """The tokens just before and just after a point of the joined text (an insertion point)."""
        before = [k for k, js in enumerate(self.jstarts) if js < joined_pos]
        after = [k for k, js in enumerate(self.jstarts) if js >= joined_pos]
        if not before and not after:
            return None
        i = before[-1] if before else after[0]
        j = after[0] if after else before[-1]
        return i, j


@functools.lru_cache(maxsize=64)
def whole(doc: Document) -> Side:
    """All sentences of a document as one :class:`Side`; made once per document."""
    return Side(doc, tuple(range(len(doc.sentences))))


@functools.lru_cache(maxsize=64)
def headings(doc: Document) -> frozenset[int]:
    """Indices of sentences set in title case without a full stop: headings, captions, credits.

    Their capitals mark style, not names, and they summarise rather than attribute. Title case
    needs letter case: a sentence in a script without case (Chinese, Arabic, Hindi) is never one.
    """
    out = set()
    for i in range(len(doc.sentences)):
        text = doc.sentence_text(i).rstrip()
        words = [t for t in tokenize(text) if t.is_word and not t.is_number and len(t.text) > 3]
        if len(words) >= 2 and not text.endswith(".") and sum(t.is_cap for t in words) >= 0.6 * len(words):
            out.add(i)
    return frozenset(out)


def has_key(key: str, keys: frozenset[str] | set[str]) -> bool:
    """Whether ``key`` or a close form of it (same stem, a demonym of it) is among ``keys``."""
    if key in keys:
        return True
    if len(key) < 5:
        return False
    return _close_key(key, keys if isinstance(keys, frozenset) else frozenset(keys))


@functools.lru_cache(maxsize=65536)
def _close_key(key: str, keys: frozenset[str]) -> bool:
    # Venezuela / Venezuelan, Colombia / Colombian: one a prefix of the other, at most 2 letters apart
    return any(len(k) >= 5 and (k.startswith(key) or key.startswith(k)) and abs(len(k) - len(key)) <= 2
               for k in keys)


def quote(s: str) -> str:
    """Words as quoted in an explanation: “…”, shortened when long."""
    s = " ".join(s.split())
    if len(s) > 90:
        s = s[:87].rstrip() + "…"
    return f"\u201c{s}\u201d"
