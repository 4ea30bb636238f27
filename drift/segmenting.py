"""Sentences with exact offsets, and page furniture recognised as boilerplate.

Text is split into lines first (a heading, a breadcrumb or a byline is its own line and seldom ends
in punctuation), then each line into sentences by a rule-based splitter chosen per language by
measurement (:data:`SPLITTER_FOR`, figures in ``benchmarks/segmentation.py``): pysbd, which keeps
multi-sentence quotations together and knows abbreviations such as "U.S.", or sentencex, which
knows the sentence ends of some 300 languages. A line's language is the document's unless the
line's script says otherwise (a Chinese line in an English page is split as Chinese).

Neither splitter is right on every kind of text, so their boundaries pass through :func:`repair`
(each rule named there, each with its test): runs of stray dots, one-letter abbreviations in any
script (Arabic ``د.``), ordinal dots ("z 20. na 22."), closing quotes and quotative attributions
kept with their sentence, and the full stops of scripts a splitter does not know (। ॥ ។ ። 。).
Apostrophes that cannot be quotation marks (``'s-Hertogenbosch``, ``''Apply''``) are hidden from
the splitter so that it does not read a quotation spanning several sentences.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import regex

from drift.language import same_script, script_language
from drift.normalising import fold
from drift.report import Sentence

# Page furniture: lines that belong to the web page around an article, not to the article. Each
# pattern is matched against a whole line, folded (lower case, no accents, straight quotes).
# Collected from news sites' templates (WordPress themes, Al Jazeera, syndication footers).
_FURNITURE_PATTERNS = [
    r"recommended stories?", r"list of \d+ items?(end of list)?", r"end of list",
    r"leave a (reply|comment)", r"source link", r"share( this( article| story)?)?( on \w+)?",
    r"source: .{1,60}", r"read more:?.{0,80}", r"related( articles| stories| news)?:?",
    r"advertisement", r"sponsored( content)?", r"subscribe( now| to .{1,60})?", r"sign up (for|to) .{1,80}",
    r"your email address will not be published\.?.*", r"required fields are marked \*?",
    r"(last )?updated?: .{1,40}", r"published: .{1,40}",
    r"\d+ min(ute)?s? read", r"[\d,.]+k? views?", r"\d+ comments?", r"author: .{2,60}",
    r"(photo|image|picture|credit|photograph)s?( credit)?: .{1,80}",
    r"[\w .'-]{2,40} / (afp|ap|epa|reuters|getty images?|efe|anadolu|dpa|xinhua)[\w .'-]{0,30}",
    r"(home|news|politics|world|business|sports?|opinion|economy|americas|europe|asia|africa)"
    r"( [>/|\u00bb] .{1,60})?",
    r"(tags?|categories|filed under): .{0,120}", r"follow us.{0,80}",
    r"copyright .{1,100}|\u00a9 .{1,100}|all rights reserved\.?",
    r"(click|tap) here.{0,80}", r"print|email|comments?|menu|search|skip to (main )?content",
    r"[^.!?]{1,60} \| [^.!?]{1,60}",  # "Site name | Section" footers
]
_FURNITURE = re.compile("|".join(f"(?:{p})" for p in _FURNITURE_PATTERNS))
# A byline is a capitalised name after "By"; matched on the line as written, not folded.
_BYLINE = re.compile(r"(By|BY)\s+[A-Z][\w.'\u2019-]*(\s+(and\s+)?[A-Z][\w.'\u2019-]*){0,4}")
# Breadcrumb numbering and bullets in front of a line ("2. POLITICS", "\u2022 3 min read").
_LIST_MARK = re.compile(r"^(\d{1,2}\.|[\u2022\u00b7*\u25aa\u2013-])\s+")
_LINE = re.compile(r"[^\n\r\u2028\u2029]+")

Span = tuple[int, int]
Splitter = Callable[[str, str], list[Span]]

_PYSBD_LANGUAGES = frozenset({"en", "hi", "mr", "zh", "es", "am", "ar", "hy", "bg", "ur", "ru", "pl",
                              "fa", "nl", "da", "fr", "my", "el", "it", "ja", "de", "kk", "sk"})


@lru_cache(maxsize=32)
def _pysbd(language: str):
    import pysbd

    return pysbd.Segmenter(language=language, clean=False)


#: Characters of a line pysbd reads at a time. Its abbreviation pass rewrites the whole text once
#: per abbreviation it meets, so its time grows with the square of a line's length: 40 µs a character
#: up to about 10,000 characters, 650 µs on a 225,000-character line (a page flattened to one line).
#: A longer line is read window by window (:func:`pysbd_spans`).
PYSBD_WINDOW = 6_000
#: A window's sentences that end this close to its end (characters) are read again in the next
#: window: the window may have cut a quotation that pysbd keeps whole once it sees it closed.
PYSBD_OVERLAP = 2_000


def pysbd_spans(line: str, language: str) -> list[Span]:
    """Sentence spans of ``line`` by pysbd (English rules for a language it does not know).

    pysbd returns strings, not offsets, so each is found again in the line from a moving cursor.
    A line longer than :data:`PYSBD_WINDOW` is read in windows of that size: a window's sentences
    are kept up to the last that ends :data:`PYSBD_OVERLAP` characters before the window's end, where
    the next window starts; a window with no such sentence is doubled until it has one or reaches
    the line's end. A line that fits in one window is read whole, as before.
    """
    segmenter = _pysbd(language if language in _PYSBD_LANGUAGES else "en")
    spans: list[Span] = []
    start, width = 0, PYSBD_WINDOW
    while start < len(line):
        end = min(len(line), start + width)
        window = _located(segmenter.segment(line[start:end]), line[start:end])
        if end < len(line):
            window = [(s, e) for s, e in window if e <= end - start - PYSBD_OVERLAP]
            if not window:
                width *= 2
                continue
        spans.extend((start + s, start + e) for s, e in window)
        start, width = start + window[-1][1], PYSBD_WINDOW
    return spans


def _located(pieces: list[str], text: str) -> list[Span]:
    """The spans of pysbd's ``pieces`` in ``text``, found from a moving cursor; what follows the
    last piece found (all of it, if pysbd changed the text) is one more span."""
    spans: list[Span] = []
    cursor = 0
    for piece in pieces:
        at = text.find(piece, cursor)
        if at < 0:  # pysbd changed the text after all: take the rest as one piece
            break
        spans.append((at, at + len(piece)))
        cursor = at + len(piece)
    if cursor < len(text):
        spans.append((cursor, len(text)))
    return spans


def sentencex_spans(line: str, language: str) -> list[Span]:
    """Sentence spans of ``line`` by sentencex (its character offsets; its fallback chain of
    languages for one it does not know)."""
    import sentencex

    spans = [(b["start_index"], b["end_index"]) for b in sentencex.get_sentence_boundaries(language, line)]
    end = spans[-1][1] if spans else 0
    return spans if end == len(line) and spans else [*spans, (end, len(line))]


_SPACED_SCRIPT_CLAUSE = regex.compile(r"(?<=[\p{Thai}\p{Lao}])\s+(?=[\p{Thai}\p{Lao}])")


def space_spans(line: str, language: str) -> list[Span]:
    """Thai and Lao mark the end of a sentence with a space, not a stop (the Royal Institute's
    punctuation rules): a space between two letters of the script ends a sentence."""
    spans, start = [], 0
    for m in _SPACED_SCRIPT_CLAUSE.finditer(line):
        spans.append((start, m.start()))
        start = m.end()
    return [*spans, (start, len(line))]


SPLITTERS: dict[str, Splitter] = {"pysbd": pysbd_spans, "sentencex": sentencex_spans, "space": space_spans}
#: The splitter for a language, chosen by ``benchmarks/segmentation.py`` (boundary precision and
#: recall after :func:`repair`, see its docstring): pysbd wins on German, French, Polish, Czech,
#: Japanese, Spanish; sentencex on Hindi (pysbd's Hindi rules miss a Latin full stop), and so on
#: the other languages in Devanagari. Other languages: pysbd's own rules where it has them, else
#: sentencex, which falls back along related languages instead of to English.
SPLITTER_FOR = {"hi": "sentencex", "mr": "sentencex", "ne": "sentencex", "th": "space", "lo": "space"}


def splitter_for(language: str) -> str:
    """The name of the splitter (:data:`SPLITTERS`) used for ``language``."""
    return SPLITTER_FOR.get(language, "pysbd" if language in _PYSBD_LANGUAGES else "sentencex")

# --- words ---------------------------------------------------------------------------------------

# Scripts written without spaces between words (scriptio continua): each character is a token, so a
# diff or a span marks only the characters that changed (三月 → 五月), never a whole clause.
CONTINUA = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
#: One token: an abbreviation with dots, a number, one character of a script without spaces, a word
#: (letters with their combining marks and joiners: NFD "Gonçalves", Devanagari vowel signs), or any
#: other grapheme cluster (a punctuation mark, an emoji with its modifiers, a ZWJ sequence, a flag).
#: No token ends inside a grapheme cluster (``regex``'s ``\X``, Unicode UAX #29).
_WORD_PIECE = rf"[\p{{L}}--[{CONTINUA}]][\p{{M}}\u200c\u200d]*"
TOKEN_PATTERN = (
    r"(?:[A-Za-z]\.){2,}"                                     # abbreviations with dots: U.S., U.N.
    r"|\d+(?:[.,]\d+)*\p{M}*"                                  # 15,000  1.5  2024
    rf"|(?:{_WORD_PIECE})+(?:['\u2019](?:{_WORD_PIECE})+)*"     # words: don't, country's
    rf"|[{CONTINUA}]\p{{M}}*"                                   # 医 院 ห
    r"|(?!\s)\X"                                              # one punctuation mark or symbol
)
"""The token pattern (``regex`` module, version-1 syntax for the set difference ``--``)."""

_TOKEN = regex.compile(TOKEN_PATTERN, regex.V1)
_TOKEN_OR_SPACE = regex.compile(r"\s+|" + TOKEN_PATTERN, regex.V1)
# Grapheme clusters, with every whitespace character a boundary of its own (a combining mark after
# a space is its own token, never glued to the space).
_CLUSTER = regex.compile(r"\s|\X")
# Characters that glue to the one before them, or to the one after them, in a grapheme cluster.
_JOINS_BEFORE = regex.compile(r"\p{GCB=Extend}|\p{GCB=SpacingMark}|\p{GCB=ZWJ}|\p{GCB=Regional_Indicator}")
_JOINS_AFTER = regex.compile(r"\p{GCB=Prepend}|\p{GCB=ZWJ}|\p{GCB=Regional_Indicator}")
_JOINS = regex.compile(f"{_JOINS_BEFORE.pattern}|{_JOINS_AFTER.pattern}")


def token_spans(text: str, *, spaces: bool = False) -> list[Span]:
    """The ``[start, end)`` spans of the tokens of ``text`` (:data:`TOKEN_PATTERN`), each widened to
    the end of its grapheme cluster (a keycap or a letter followed by an emoji modifier); with
    ``spaces=True`` whitespace runs are tokens too, and the spans cover ``text`` exactly.

    >>> text = "Jos\u00e9 \U0001f44d\U0001f3fb 50\u4ebf"
    >>> [text[s:e] for s, e in token_spans(text)]
    ['Jos\u00e9', '\U0001f44d\U0001f3fb', '50', '\u4ebf']
    """
    pattern = _TOKEN_OR_SPACE if spaces else _TOKEN
    if _JOINS.search(text) is None:  # nothing can glue two tokens into one cluster
        return [m.span() for m in pattern.finditer(text)]
    out: list[Span] = []
    pos = 0
    for m in pattern.finditer(text):
        start, end = m.span()
        if start < pos:  # inside the cluster the token before was widened to
            if end <= pos:
                continue
            m = pattern.search(text, pos)
            start, end = m.span()
        if end < len(text) and (_JOINS_BEFORE.match(text, end) or _JOINS_AFTER.match(text, end - 1)):
            end = next(c.end() for c in _CLUSTER.finditer(text, start) if c.end() >= end)
        out.append((start, end))
        pos = end
    return out


# --- apostrophes that cannot be quotation marks -------------------------------------------------

_APOSTROPHES = "'\u2019"
_DOUBLED = regex.compile(r"''")
# A single quote opens before a letter (after a space, a bracket or the line start) and closes after
# a letter or punctuation (before a space, punctuation or the line end); between letters it is an
# apostrophe (don't, l'homme).
_SINGLE = regex.compile(r"['\u2019\u2018]")
# An elided article or vowel: a single small letter after the apostrophe, then a space or a hyphen
# (Dutch 's-Hertogenbosch, 't Hooft; English rock 'n' roll).
_ELISION = regex.compile(r"['\u2019]\p{Ll}(?=[\s-])")
_MASK = "\u02bc"  # MODIFIER LETTER APOSTROPHE: a letter, so no splitter reads it as a quote


def hide_apostrophes(line: str) -> str:
    """``line`` with every apostrophe that cannot pair as a quotation mark replaced by U+02BC (same
    length, so offsets hold): doubled typewriter quotes (``''Apply''``), apostrophes inside words,
    elisions (``'s-Hertogenbosch``, ``'t``), and opening or closing marks left without a partner
    (``the players'``).

    >>> hide_apostrophes("In 's-Hertogenbosch press ''Apply''. He said 'no'.")
    "In \u02bcs-Hertogenbosch press \u02bc\u02bcApply\u02bc\u02bc. He said 'no'."
    """
    chars = list(line)
    for m in _DOUBLED.finditer(line):
        chars[m.start()] = chars[m.start() + 1] = _MASK
    opened: list[int] = []
    for m in _SINGLE.finditer(line):
        i = m.start()
        if chars[i] == _MASK:
            continue
        before = line[i - 1] if i else " "
        after = line[i + 1] if i + 1 < len(line) else " "
        if before.isalnum() and after.isalnum() or _ELISION.match(line, i):
            chars[i] = _MASK
        elif not before.isalnum() and after.isalpha() and line[i] != "\u2019":
            opened.append(i)
        elif opened:
            opened.pop()
        else:
            chars[i] = _MASK
    for i in opened:
        chars[i] = _MASK
    return "".join(chars)


# --- repairs ------------------------------------------------------------------------------------

_CLOSERS = "\"'\u201d\u2019\u00bb\u203a\u300d\u300f\u3011\u3009\u300b\uff09\uff63)]}"
_QUOTE_CLOSERS = "\u201d\u2019\u00bb\u203a\u300d\u300f"
_OPENERS = "\"'\u201c\u2018\u00ab\u2039\u300c\u300e\u3010\u3008\u300a\uff08\uff62([{"
# Full stops of scripts: CJK 。！？ and fullwidth stops, Devanagari danda । and ॥, Khmer ។ ៕,
# Myanmar ။, Ethiopic ። and ፧, Arabic ؟ and ۔, Armenian ։, Tibetan ། (Unicode Sentence_Terminal).
_TERMINAL = regex.compile(r"\p{Sentence_Terminal}")
_WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")
# A letter without marks: in an abugida one grapheme with a vowel sign is a word ("है." ends a
# Hindi sentence), while a bare letter is an initial ("د." for doctor).
_ONE_LETTER_ABBREVIATION = regex.compile(r"(?:^|[\s(])\p{L}\.$")
# One akshara (a letter and its vowel sign: मि., डॉ.) before a dot, in a line whose sentences end
# with the danda: there the full stop marks abbreviations only (Hindi's purna viram is ।).
_AKSHARA_ABBREVIATION = regex.compile(r"(?:^|[\s(])\p{L}\p{M}+\.$")
_DANDA = "\u0964"
_UNIT = regex.compile(r"\d\s?\p{L}\.$")  # "8481 m." is metres, not an initial
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_HIRAGANA = regex.compile(r"\p{Hiragana}")
# A dot after a number of 1-3 digits (an ordinal: "20.") or after a short word or one with inner
# dots (an abbreviation: "ca.", "Min.", "z.B."), where a small letter after it means the sentence
# goes on; after a longer word it is a sentence end however the next one begins.
_SHORT_BEFORE_DOT = regex.compile(r"(?:^|[\s(])(?:\d{1,3}|\p{L}{1,4}|\p{L}+(?:\.\p{L}+)+)\.$")
_COMMAS = ",\u060c\u3001\uff0c\u055d"  # , ، 、 ， ՝
_SCRIPTIO_CONTINUA = regex.compile(f"[{CONTINUA}]")


def repair(line: str, spans: list[Span]) -> list[Span]:
    """A splitter's spans over ``line`` put right where a reader sees sentences elsewhere.

    Spans are trimmed of whitespace and cover every non-space character of ``line``, in order.
    The rules, in order:

    * **closers stay behind**: closing quotes and brackets at the start of a piece go back to the
      sentence they close (pysbd's Chinese rules leave ``”`` to the next sentence);
    * **full stops of every script**: a piece is split after a Unicode Sentence_Terminal
      (। ॥ ។ ። 。 ！ ？ ؟ …) followed by a space, an opening quote or a letter; stops inside a
      quotation that goes on (``「…。」と``) are not sentence ends;
    * **no sentence without words**: a piece of punctuation only (``jeudi .. Le``, a lone ``”``)
      joins the sentence before it;
    * **one-letter abbreviations**: a piece ending in a single letter and a dot (``د.``, ``J.``)
      runs on, in any script, unless the letter is a unit after a number (``8481 m.``); so does
      one ending in one akshara and a dot (``मि.``, ``डॉ.``) in a line whose sentences end with the
      danda, where the dot marks abbreviations;
    * **no sentence ends in a comma** (``,`` ``،`` ``、``: pysbd's Arabic rules split there), and
      none begins with a comma, semicolon or colon;
    * **small letters go on**: a piece ending in an ordinal or abbreviation dot (a number of 1–3
      digits, a word of 1–4 letters, ``z.B.``) runs on when the next begins with a small letter
      (``z 20. na 22.``, ``40 Min. bis``), and so does one ending in no punctuation at all, also
      before a digit (pysbd reads ``am 23. Mai`` as a list); a sentence that begins with a small
      letter after a longer word, a full stop and a space stays a sentence (``Caribbean. washington
      sent``), but not one glued to the stop (``Aktuálně.cz``);
    * **quotations that run on**: a piece ending in a closing quote is joined to a next piece that
      follows without a space and begins with a letter (``“我不去。”他说``, ``freedom”rejecting``); in
      Japanese only with a hiragana particle (``「今日は。」と彼は言った``).
    """
    spans = _trimmed(spans, line)
    spans = _split_at_terminals(line, spans)
    danda = _DANDA in line  # the line ends its sentences with the danda: dots mark abbreviations
    out: list[Span] = []
    for start, end in spans:
        if out:
            p_start, p_end = out[-1]
            glued = start == p_end
            moved = start
            while moved < end and line[moved] in _CLOSERS and not _opens_quote(line, moved, end):
                moved += 1
            if moved > start:
                out[-1] = (p_start, p_end := moved)
                start, glued = moved, True
            if start >= end:
                continue
            prev, piece = line[p_start:p_end], line[start:end]
            if _runs_on(prev, piece, glued=glued, danda=danda):
                out[-1] = (p_start, end)
                continue
        out.append((start, end))
    if len(out) > 1 and not _WORD_CHAR.search(line[out[0][0]:out[0][1]]):
        out[:2] = [(out[0][0], out[1][1])]
    return _trimmed(out, line)


def _opens_quote(line: str, start: int, end: int) -> bool:
    """Whether the straight quote at ``start`` opens a quotation (a letter follows it)."""
    return line[start] in "\"'" and start + 1 < end and line[start + 1].isalpha()


def _runs_on(prev: str, piece: str, *, glued: bool, danda: bool = False) -> bool:
    if not _WORD_CHAR.search(piece) or not _WORD_CHAR.search(prev):
        return True
    first, last = piece[0], prev[-1]
    if _ONE_LETTER_ABBREVIATION.search(prev) and not _UNIT.search(prev):
        return True
    if danda and _AKSHARA_ABBREVIATION.search(prev):
        return True
    if last in _COMMAS or first in _COMMAS or first in ";:":
        return True
    if _WORD_CHAR.match(last) and (first.islower() or first.isdigit()):
        return True
    if first.islower() and (_SHORT_BEFORE_DOT.search(prev) or glued and last == "."):
        return True
    return glued and last in _CLOSERS and _quotation_goes_on(prev, first)


def _quotation_goes_on(before: str, first: str) -> bool:
    """Whether text that follows a closing quote without a space continues its sentence: a letter
    does, but in Japanese only a hiragana particle (「…。」と述べた), since a new sentence may follow
    a closing bracket there without any space (「はい。」東京は…)."""
    if not first.isalpha():
        return False
    return _KANA.search(before) is None or _HIRAGANA.match(first) is not None


def _split_at_terminals(line: str, spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for start, end in spans:
        cut = start
        for m in _TERMINAL.finditer(line, start, end):
            if m.group() in ".!?":  # Latin stops are the splitter's to judge (abbreviations)
                continue
            k = m.end()
            while k < end and (line[k] in _CLOSERS or _TERMINAL.match(line[k])) \
                    and not _opens_quote(line, k, end):
                k += 1
            if k >= end:
                break
            nxt = line[k]
            closed = k > m.end() and line[k - 1] in _CLOSERS
            if nxt.isspace() or nxt in _OPENERS or (nxt.isalnum() and not (
                    closed and _quotation_goes_on(line[start:k], nxt))):
                out.append((cut, k))
                cut = k
        out.append((cut, end))
    return out


def _trimmed(spans: list[Span], text: str) -> list[Span]:
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return out


def line_language(line: str, language: str | None) -> str:
    """The language a line is split as: the document's, unless the line's script says otherwise."""
    by_script = script_language(line)
    if language and (by_script is None or same_script(language, by_script)):
        return language
    return by_script or language or "en"


def sentence_spans(line: str, language: str | None, *, splitter: str | None = None,
                   repaired: bool = True) -> list[Span]:
    """Sentence spans ``[start, end)`` of one line (no line breaks inside), trimmed of whitespace.

    ``splitter`` names one of :data:`SPLITTERS` (default: the measured choice for the language);
    ``repaired=False`` gives the splitter's own boundaries, for measuring it.

    >>> line = "市政府周一宣布，新医院将于明年三月开放。官员表示，医院将提供800张床位。"
    >>> [line[s:e] for s, e in sentence_spans(line, None)]
    ['市政府周一宣布，新医院将于明年三月开放。', '官员表示，医院将提供800张床位。']
    """
    language = line_language(line, language)
    name = splitter or splitter_for(language)
    if not repaired:
        return _trimmed(SPLITTERS[name](line, language), line)
    # The splitter and the repairs read the NFC form, so NFC and NFD spellings split alike (they
    # see "é", not "e" and a combining accent); the spans are mapped back to the line as written.
    nfc, back = _nfc(line)
    spans = _whole_clusters(nfc, repair(nfc, SPLITTERS[name](hide_apostrophes(nfc), language)))
    return _trimmed([(back[s], back[e]) for s, e in spans], line)


def _whole_clusters(line: str, spans: list[Span]) -> list[Span]:
    """``spans`` with every boundary that falls inside a grapheme cluster moved to the cluster's
    end ("?" and a zero-width joiner after it stay together, as they do in NFD)."""
    if not _JOINS_BEFORE.search(line):
        return spans
    starts = [m.start() for m in _CLUSTER.finditer(line)] + [len(line)]

    def snap(k: int) -> int:
        return starts[bisect.bisect_left(starts, k)]

    return [(snap(s), snap(e)) for s, e in spans if snap(s) < snap(e)]


def _nfc(line: str) -> tuple[str, list[int]]:
    """``line`` in NFC, and for each offset of it (and its end) the offset in ``line``: a grapheme
    cluster's first character maps to the cluster's start, any other to its end."""
    if unicodedata.is_normalized("NFC", line):
        return line, list(range(len(line) + 1))
    out: list[str] = []
    back: list[int] = []
    for m in _CLUSTER.finditer(line):
        composed = unicodedata.normalize("NFC", m.group())
        out.append(composed)
        back.extend([m.start()] + [m.end()] * (len(composed) - 1))
    back.append(len(line))
    return "".join(out), back


def is_furniture(line: str) -> bool:
    """True for a line of page furniture ("Recommended Stories", "3 min read", "Source link")."""
    if _BYLINE.fullmatch(line.strip()):
        return True
    folded = _LIST_MARK.sub("", fold(line)).strip(" .:;|")
    return bool(folded) and len(folded) <= 200 and _FURNITURE.fullmatch(folded) is not None


def split_sentences(text: str, language: str | None = None, *, mark_boilerplate: bool = True
                    ) -> list[Sentence]:
    """Split ``text`` into sentences whose ``[start, end)`` index ``text`` itself.

    ``language`` is an ISO 639-1 code (None: each line's script, else English rules).

    >>> [(s.start, s.end) for s in split_sentences("He said so. U.S. troops came.")]
    [(0, 11), (12, 29)]
    """
    sentences: list[Sentence] = []
    seen_lines: set[str] = set()
    for line in _LINE.finditer(text):
        folded = _LIST_MARK.sub("", fold(line.group()))
        if not folded:
            continue
        # A repeated line (a headline printed again above the body, a footer) is furniture.
        furniture = mark_boilerplate and (is_furniture(line.group()) or folded in seen_lines)
        seen_lines.add(folded)
        if furniture:
            spans = _trimmed([(0, len(line.group()))], line.group())
        else:
            spans = sentence_spans(line.group(), language)
        sentences.extend(Sentence(line.start() + s, line.start() + e, furniture) for s, e in spans)
    return sentences


#: A line longer than this (characters) is no paragraph (the longest paragraphs of news and books
#: run to a few thousand characters): the text lost its line breaks, as a page flattened to one
#: line does, so no heading or paragraph can be told apart, and pysbd reads it in windows.
LONG_LINE = 20_000


def long_lines(text: str) -> list[int]:
    """The lengths (characters) of ``text``'s lines longer than :data:`LONG_LINE`."""
    return [m.end() - m.start() for m in _LINE.finditer(text) if m.end() - m.start() > LONG_LINE]


def presplit(text: str) -> list[Sentence]:
    """One sentence per non-blank line, nothing marked as boilerplate (how aligners are benchmarked)."""
    return [Sentence(s, e) for s, e in _trimmed([(m.start(), m.end()) for m in _LINE.finditer(text)], text)]


# A heading, caption or dateline: a line of its own, short, not ended like a sentence.
_HEADING_MAX_WORDS = 12
# A headline in title case (every major word capitalised: AP and Chicago style) may be longer.
_TITLE_MAX_WORDS = 25
_TITLE_SHARE = 0.75
_FULL_STOPS = tuple(".!?\u2026")
_SENTENCE_END = (*_FULL_STOPS, ":", ";")
_CASED_WORD = regex.compile(r"(?<![\p{L}\p{M}])\p{L}[\p{L}\p{M}'’-]*")
# Scripts written without spaces between words: about two characters a word (Chinese averages 1.5
# to 1.7 characters a word, Japanese and Thai a little more).
_CHARS_PER_WORD = 2


def reading_words(text: str) -> int:
    """Words a reader counts in ``text``: space-separated words, plus one word per two characters of
    a script written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar).

    >>> reading_words("Trump-Maduro call"), reading_words("第一章 新医院开放")
    (2, 4)
    """
    continua = len(_SCRIPTIO_CONTINUA.findall(text))
    spaced = _SCRIPTIO_CONTINUA.sub(" ", text).split()
    return len(spaced) + -(-continua // _CHARS_PER_WORD)


def ends_like_sentence(text: str) -> bool:
    """Whether ``text`` ends with a sentence's final punctuation in any script (. ! ? … 。 । ؟),
    perhaps followed by closing quotation marks: ``said “no.”`` ends a sentence, a headline that
    ends on a quoted phrase (``Peace “With Sovereignty”``) does not."""
    t = text.rstrip()
    core = t.rstrip(_QUOTE_CLOSERS + "\"'")
    if core != t:
        return bool(core) and (core.endswith(_FULL_STOPS) or _TERMINAL.match(core[-1]) is not None)
    return bool(t) and (t.endswith(_SENTENCE_END) or _TERMINAL.match(t[-1]) is not None)


def in_title_case(text: str) -> bool:
    """Whether at least three quarters of ``text``'s words of four or more letters (at least three
    such words, in a script with case) start with a capital letter, as headlines in title case do
    (AP style capitalises every word of four letters or more; Chicago lowercases only articles,
    conjunctions and prepositions).

    >>> in_title_case("Caracas Accuses the US of Psychological Pressure")
    True
    >>> in_title_case("Die Regierung hat am Montag einen neuen Plan vorgestellt")
    False
    """
    words = [w for w in _CASED_WORD.findall(text) if len(w) >= 4 and (w[0].isupper() or w[0].islower())]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= _TITLE_SHARE * len(words)


_LINE_BREAKS = "\n\r\u2028\u2029"


def is_standalone(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a whole line of at most 12 words (:func:`reading_words`),
    or 25 in title case (:func:`in_title_case`), that does not end like a sentence
    (:func:`ends_like_sentence`): a heading, caption or dateline, which an aligner should link on
    its own rather than glue to body sentences.

    >>> text = "Trump-Maduro call\\nTrump confirmed on Sunday that he spoke to Maduro."
    >>> is_standalone(text, 0, 17), is_standalone(text, 18, len(text))
    (True, False)
    """
    first, last = start, end  # the line's own characters only: a one-line page is long
    while first > 0 and text[first - 1] in " \t":
        first -= 1
    while last < len(text) and text[last] in " \t":
        last += 1
    whole_line = (first == 0 or text[first - 1] in _LINE_BREAKS) and (
        last == len(text) or text[last] in _LINE_BREAKS)
    piece = text[start:end].strip()
    if not piece or not whole_line or ends_like_sentence(piece):
        return False
    words = reading_words(piece)
    return words <= _HEADING_MAX_WORDS or (words <= _TITLE_MAX_WORDS and in_title_case(piece))
