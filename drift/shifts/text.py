"""One side of a link as tokens that know their place in the document's own text.

Detectors compare *folded* copies of words (accents, curly quotes, "U.S." → "us", case) but report
spans on the originals: each :class:`Token` keeps its document offsets, so a span is always
``document.text[start:end]`` of real words and never starts or ends on whitespace.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cached_property

from drift.report import Document
from drift.shifts.lexicons import ALIASES, PHRASE_ALIASES, STOPWORDS

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"                     # abbreviations with dots: U.S., U.N.
    r"|\d+(?:[.,]\d+)*"                         # 15,000  1.5  2024
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"            # words, with inner apostrophes: don't, country’s
    r"|[^\w\s]"                                 # one punctuation mark
)
_FOLD_CHARS = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
})


def fold(s: str) -> str:
    """The comparison form of a word: NFKC, quotes and dashes straightened, accents dropped, lower."""
    s = unicodedata.normalize("NFKD", s.translate(_FOLD_CHARS))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return unicodedata.normalize("NFKC", s).lower()


def stem(word: str) -> str:
    """A crude stem for "is this word still there": possessive and common endings cut.

    Good enough to match *troops/troop*, *designated/designating*, *sanctions/sanction*; never used
    to decide that two different words mean the same.
    """
    w = word
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("s'"):
        w = w[:-1]
    for suffix in ("ations", "ation", "ing", "ies", "ied", "es", "ed", "ly", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


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
        return self.norm[:1].isdigit()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_content(self) -> bool:
        return self.is_word and self.norm not in STOPWORDS

    @property
    def key(self) -> str:
        """The stem a word is looked up by, with name aliases resolved ("america" -> "us")."""
        return stem(ALIASES.get(self.norm, self.norm))


def tokenize(text: str, offset: int = 0, sent: int = 0) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        norm = fold(raw)
        if raw.replace(".", "") in ("US", "USA"):
            norm = "usa"  # the country, never the pronoun "us"
        elif "." in raw and raw[0].isalpha():
            norm = norm.replace(".", "")
        out.append(Token(raw, offset + m.start(), offset + m.end(), sent, norm))
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
    def keys(self) -> set[str]:
        return {t.key for t in self.tokens if t.is_word}

    @cached_property
    def doc_keys(self) -> set[str]:
        """Keys of every word in the whole document, for "does it appear anywhere else"."""
        return {t.key for t in tokenize(self.doc.text) if t.is_word}

    def has(self, token: Token) -> bool:
        """Whether the word (or a word sharing its stem, or its alias) occurs on this side."""
        return has_key(token.key, self.keys)

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
        return [k for k, (t, js) in enumerate(zip(self.tokens, self.jstarts))
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


def has_key(key: str, keys: set[str]) -> bool:
    if key in keys:
        return True
    if len(key) >= 5:  # Venezuela / Venezuelan, Colombia / Colombian
        return any(len(k) >= 5 and (k.startswith(key) or key.startswith(k)) and
                   abs(len(k) - len(key)) <= 2 for k in keys)
    return False


def quote(s: str) -> str:
    """Words as quoted in an explanation: “…”, shortened when long."""
    s = " ".join(s.split())
    if len(s) > 90:
        s = s[:87].rstrip() + "…"
    return f"\u201c{s}\u201d"
