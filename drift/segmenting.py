"""Sentences with exact offsets, and page furniture recognised as boilerplate.

Text is split into lines first (a heading, a breadcrumb or a byline is its own line and seldom ends
in punctuation), then each line into sentences with pysbd, which keeps multi-sentence quotations
together and knows abbreviations such as "U.S.". pysbd returns strings, not offsets, so each one is
found again in the line from a moving cursor; offsets are trimmed of surrounding whitespace.
"""

from __future__ import annotations

import re
from functools import lru_cache

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
_PYSBD_LANGUAGES = {"en", "hi", "mr", "zh", "es", "am", "ar", "hy", "bg", "ur", "ru", "pl", "fa",
                    "nl", "da", "fr", "my", "el", "it", "ja", "de", "kk", "sk"}


@lru_cache(maxsize=32)
def _segmenter(language: str):
    import pysbd

    return pysbd.Segmenter(language=language, clean=False)


def is_furniture(line: str) -> bool:
    """True for a line of page furniture ("Recommended Stories", "3 min read", "Source link")."""
    if _BYLINE.fullmatch(line.strip()):
        return True
    folded = _LIST_MARK.sub("", fold(line)).strip(" .:;|")
    return bool(folded) and len(folded) <= 200 and _FURNITURE.fullmatch(folded) is not None


def split_sentences(text: str, language: str | None = None, *, mark_boilerplate: bool = True
                    ) -> list[Sentence]:
    """Split ``text`` into sentences whose ``[start, end)`` index ``text`` itself.

    >>> [(s.start, s.end) for s in split_sentences("He said so. U.S. troops came.")]
    [(0, 11), (12, 29)]
    """
    segmenter = _segmenter(language if language in _PYSBD_LANGUAGES else "en")
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
            sentences.extend(Sentence(s, e, True) for s, e in _trimmed([(line.start(), line.end())], text))
            continue
        spans = []
        cursor = line.start()
        for piece in segmenter.segment(line.group()):
            at = text.find(piece, cursor, line.end())
            if at < 0:  # pysbd changed the text after all: take the rest of the line as one piece
                spans.append((cursor, line.end()))
                cursor = line.end()
                break
            spans.append((at, at + len(piece)))
            cursor = at + len(piece)
        if cursor < line.end():
            spans.append((cursor, line.end()))
        sentences.extend(Sentence(s, e, False) for s, e in _trimmed(spans, text))
    return sentences


def presplit(text: str) -> list[Sentence]:
    """One sentence per non-blank line, nothing marked as boilerplate (how aligners are benchmarked)."""
    return [Sentence(s, e) for s, e in _trimmed([(m.start(), m.end()) for m in _LINE.finditer(text)], text)]


def _trimmed(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return out


# A heading, caption or dateline: a line of its own, short, not ended like a sentence.
_HEADING_MAX_WORDS = 12
_SENTENCE_END = tuple(".!?\u2026\"'\u201d\u2019\u00bb:;")


def is_standalone(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a whole line of at most 12 words that does not end like a
    sentence (no final . ! ? … or closing quotation mark): a heading, caption or dateline, which an
    aligner should link on its own rather than glue to body sentences.

    >>> text = "Trump-Maduro call\\nTrump confirmed on Sunday that he spoke to Maduro."
    >>> is_standalone(text, 0, 17), is_standalone(text, 18, len(text))
    (True, False)
    """
    before = text[:start].rstrip(" \t")
    after = text[end:].lstrip(" \t")
    whole_line = (not before or before[-1] in "\n\r\u2028\u2029") and (
        not after or after[0] in "\n\r\u2028\u2029")
    piece = text[start:end].strip()
    return bool(piece) and whole_line and len(piece.split()) <= _HEADING_MAX_WORDS \
        and not piece.endswith(_SENTENCE_END)
