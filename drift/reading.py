"""Reading articles: str, bytes or a path in; the text as read, and everything done to it, out.

**Decoding** goes by evidence, strongest first, and never guesses silently:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. file signatures (PDF, PNG, ZIP, ...) and NUL bytes: refused as binary;
3. UTF-16 without a mark (one half of the bytes nearly all below 0x20, or NULs in one half);
4. UTF-8. A few bytes that are not UTF-8 inside a text that otherwise is (no more stray bytes
   than valid multi-byte characters) are read as Windows-1252, the usual source of a pasted dash
   or quote (``0x96`` → "–"), and recorded as a ``stray-byte`` repair;
5. otherwise the encoding a web page declares (``<meta charset>``), when its text reads cleanly
   (a page may declare wrongly);
6. otherwise a legacy encoding, detected with charset-normalizer (a maintained detector that
   measures how "messy" each decoding is) among the encodings the WHATWG Encoding Standard keeps
   for web pages (:data:`LEGACY_ENCODINGS`), less decodings with signs of a wrong guess it does
   not measure (:func:`_implausible`). Decodings it finds equally clean are told apart by the
   language they read as: py3langid's margin between the language most candidates read as and the
   next language (a Spanish "España" read as Windows-1250 becomes "Espańa", which reads less like
   Spanish); a tie left after that goes to the encoding used most on the web (the order of
   :data:`LEGACY_ENCODINGS`). The choice is recorded as a ``decoded`` repair, and when the
   evidence is weak (few bytes outside ASCII, or a tie) ``ReadText.doubts`` says so in a sentence.

**Repairs** of the decoded text use ftfy (maintained, conservative): mojibake, i.e. UTF-8 that
was once read as Windows-1252 or another single-byte encoding (``didnâ€™t`` → ``didn’t``), line
by line; then C1 control characters U+0080–U+009F read as the Windows-1252 punctuation they
stand for (U+0092 → ’), as browsers do. ftfy's other normalisations (quotes, ligatures, widths,
NFC, line breaks, HTML entities) are off: the text stays as written. Each repair is recorded
(:class:`drift.report.Repair`) and offsets index the text after repairs. A ``str`` gets the same
repairs as decoded bytes.

**Web pages and plain text are kept apart.** With ``input_format="auto"`` a ``.htm``/``.html``
file is a page, and any other input is a page only when it starts like one (``<!doctype html`` or
``<html``): a ``.txt`` file or a pasted string that quotes a few tags stays plain text. A page is
reduced to its article text with trafilatura (tables included); each paragraph, list item and
table row becomes its own line, list items without their bullets and table cells joined by
``"; "``. ``input_format="text"`` or ``"html"`` overrides the guess. In plain text read with
``"auto"``, the tags a copy-paste left between sentences (``killed.</p>``, ``</p>`` on a line of
its own) are removed and recorded as a ``stray-tags`` repair, while a tag mentioned inside a
sentence stays (:func:`strip_stray_tags`); ``"text"`` keeps the input exactly as written.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from drift.errors import BinaryInputError, EmptyDocumentError, EncodingError, InputError
from drift.report import Repair

#: Largest document drift reads by default, in characters (about 15,000 news sentences).
MAX_CHARS = 10_000_000
#: What an input is read as: guessed, plain text, or a web page.
INPUT_FORMATS = ("auto", "text", "html")
#: Legacy encodings considered when bytes are not UTF-8 or UTF-16: those of the WHATWG Encoding
#: Standard (what browsers accept), as Python codec names, most used on the web first (W3Techs'
#: survey of character encodings, 2024). Ties between equally good decodings go to the earlier.
LEGACY_ENCODINGS = (
    "cp1252", "cp1251", "shift_jis", "cp932", "gb18030", "gbk", "euc_kr", "cp949", "cp1250",
    "iso8859_2", "euc_jp", "cp1254", "iso8859_9", "cp1256", "big5", "iso8859_15", "cp1257",
    "koi8_r", "cp874", "cp1253", "iso8859_7", "cp1255", "iso8859_8", "iso8859_5", "koi8_u",
    "cp1258", "iso2022_jp", "mac_roman", "mac_cyrillic", "cp866", "iso8859_13", "iso8859_4",
    "iso8859_10", "iso8859_14", "iso8859_16", "iso8859_3", "iso8859_6",
)
#: Below this many bytes outside ASCII a legacy encoding is a guess on weak evidence.
MIN_EVIDENCE_BYTES = 8
#: Two decodings are equally clean when charset-normalizer's mess ratios differ by less than this
#: (charset-normalizer's own tolerance when it ranks its matches).
_MESS_TOLERANCE = 0.005
#: A more used encoding whose decoding is messier by less than this makes the choice doubtful.
_NEAR_MESS = 0.015
#: charset-normalizer's ``threshold``: decodings messier than this are dropped. Its default, 0.2,
#: also drops clean ones early (Polish in ISO-8859-2: 52 of 244 of our texts lost it); 0.5 keeps them.
_MAX_MESS = 0.5
#: A page's declared encoding is believed when charset-normalizer's mess ratio of its text is below this.
_DECLARED_MESS = 0.1
#: Two decodings read equally well as a language when py3langid's margins (log-probability of
#: that language minus the runner-up's) differ by less than this; measured on the encoded DEMETR
#: sentences (benchmarks/encodings.py): 3-5 is best, 0 or 8 lose 3-10 of 539.
_LANGUAGE_TOLERANCE = 5.0

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_SIGNATURES = {
    b"%PDF": "a PDF file", b"\x89PNG": "a PNG image", b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx file)", b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable", b"MZ": "an executable", b"SQLite format 3": "an SQLite database",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}
# Control characters that never occur in article text (tab, newline, CR and form feed do). C1
# characters that stand for Windows-1252 punctuation are repaired before this check.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_PAGE_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html)\b", re.I | re.S)
_PAGE_SUFFIXES = (".htm", ".html", ".xhtml")
_SEPARATORS = re.compile(r"[\s\u3001\u3002\u300c\u300d\u30fb\uff01\uff0c\uff0e\uff1f]")
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.I)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_HIGH_BYTES = bytes(range(0x80, 0x100))
_UPPER, _LOWER, _LETTER = regex.compile(r"\p{Lu}"), regex.compile(r"\p{Ll}"), regex.compile(r"\p{L}")
_HALFWIDTH_KANA = re.compile(r"[\uff66-\uff9f]")
_JAMO, _HANGUL = re.compile(r"[\u3131-\u318e]"), re.compile(r"[\uac00-\ud7a3]")
_STRAY = re.compile(r"[\udc80-\udcff]+")


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes: the Python codec name used, the repairs made while decoding, and
    ``doubt``, a sentence saying why the encoding is a guess on weak evidence (else ``None``)."""

    text: str
    encoding: str
    repairs: tuple[Repair, ...] = ()
    doubt: str | None = None


@dataclass(frozen=True)
class ReadText:
    """A document's text as read, the id it gets by default, and how it was obtained.

    ``source`` is ``"text"``, ``"file"`` or ``"bytes"``; ``input_format`` ``"text"`` or ``"html"``;
    ``encoding`` the codec its bytes were decoded from (``None`` for a ``str``); ``repairs`` what
    was changed (offsets index ``text``, after them); ``doubts`` sentences a reader must see (an
    encoding guessed on weak evidence)."""

    id: str
    text: str
    source: str
    input_format: str = "text"
    encoding: str | None = None
    repairs: tuple[Repair, ...] = ()
    doubts: tuple[str, ...] = ()


def read_text(source: str | bytes | os.PathLike[str], *, name: str | None = None,
              default_name: str | None = None, max_chars: int = MAX_CHARS,
              input_format: str = "auto") -> ReadText:
    """Read one document, named ``name``, else its file's stem, else ``default_name``.

    A ``Path`` is read as a file; a ``str`` is a file path when it names an existing file and has
    no line break, an error when it can only be a file name that does not exist (``"rw1.tx"``:
    one token with an extension or a folder separator), otherwise it is the article text itself;
    ``bytes`` are decoded.
    ``input_format`` is ``"auto"``, ``"text"`` or ``"html"`` (see the module's docs). Raises an
    :class:`~drift.errors.InputError` subclass naming the document when it cannot be read.

    >>> read_text("Maduro said so.").text
    'Maduro said so.'
    """
    if input_format not in INPUT_FORMATS:
        raise ValueError(f"input_format must be one of {INPUT_FORMATS}, not {input_format!r}")
    label = name or default_name
    decoded: Decoded | None = None
    suffix = ""
    if isinstance(source, (bytes, bytearray, memoryview)):
        decoded = decode(bytes(source), name=label)
        kind = "bytes"
    elif isinstance(source, os.PathLike) or (isinstance(source, str) and _is_existing_path(source)):
        path = Path(source)
        label = name or path.stem
        suffix = path.suffix.lower()
        try:
            if path.stat().st_size > 4 * max_chars:
                raise InputError(label, f"{path.stat().st_size:,} bytes is larger than drift reads "
                                        f"(max_chars={max_chars:,})")
            data = path.read_bytes()
        except OSError as e:
            raise InputError(label, f"cannot read {path}: {e.strerror or e}") from None
        decoded = decode(data, name=label, file_name=path.name)
        kind = "file"
    elif isinstance(source, str) and _looks_like_a_path(source):
        # "rw1.tx" for "rw1.txt": a missing file, not a one-word article
        raise InputError(name or default_name or source, f"no such file: {source} (to compare this "
                         "string as text, pass it with a line break or as a Document)")
    elif isinstance(source, str):
        kind = "text"
    else:
        raise InputError(name, f"expected text, bytes or a path, got {type(source).__name__}")

    if decoded is None:
        text, repairs = repair_text(source)  # type: ignore[arg-type]
        encoding, doubts = None, ()
    else:
        text, repairs = decoded.text, decoded.repairs
        encoding, doubts = decoded.encoding, (() if decoded.doubt is None else (decoded.doubt,))
    if len(text) > max_chars:
        raise InputError(label, f"{len(text):,} characters is more than max_chars={max_chars:,}")
    fmt = input_format
    if fmt == "auto":
        fmt = "html" if suffix in _PAGE_SUFFIXES or starts_like_a_page(text) else "text"
    if fmt == "html":
        text, extracted = extract_article(text, name=label)
        repairs += (extracted,)
    elif input_format == "auto" and (stripped := strip_stray_tags(text))[1] is not None:
        text, repairs = stripped[0], (*repairs, stripped[1])
    if not text.strip():
        raise EmptyDocumentError(label, "the document is empty (no text besides whitespace)")
    if "\x00" in text:
        raise BinaryInputError(label, "the text contains NUL characters: binary data, not an article")
    if len(_CONTROL.findall(text)) > max(3, len(text) // 200):
        raise BinaryInputError(label, "the text is full of control characters: binary data, not an article")
    return ReadText(id=label or "", text=text, source=kind, input_format=fmt, encoding=encoding,
                    repairs=repairs, doubts=doubts)


#: What a file name a user meant to give looks like: no white space, a name with an extension
#: of two to five letters or a folder separator, and nothing else (an article has spaces).
_PATH_LIKE = re.compile(r"[^\s]*[/\\][^\s]*|[^\s/\\]+\.[A-Za-z][A-Za-z0-9]{1,4}")


def _looks_like_a_path(s: str) -> bool:
    """A string that can only be a file name or path (``"rw1.tx"``, ``"data/base.txt"``), never an
    article: one token, with an extension or a folder separator, and no sentence in it."""
    return len(s) <= 4096 and _PATH_LIKE.fullmatch(s.strip()) is not None and not s.strip().startswith("<")


def _is_existing_path(s: str) -> bool:
    if not s or len(s) > 4096 or "\n" in s or "\x00" in s:
        return False
    try:
        return Path(s).is_file()
    except (OSError, ValueError):
        return False


# -- decoding -------------------------------------------------------------------------------------

def decode_bytes(data: bytes, *, name: str | None = None) -> str:
    """The text of an article's bytes (see :func:`decode`, which also says what was done)."""
    return decode(data, name=name).text


def decode(data: bytes, *, name: str | None = None, file_name: str | None = None) -> Decoded:
    """Decode an article's bytes by evidence (see the module's docs) and repair the text.

    ``name`` is the document's id for errors, ``file_name`` the name doubts quote. Raises
    :class:`BinaryInputError` for binary data and :class:`EncodingError` for bytes that are text
    in no encoding drift recognises."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as e:
                raise EncodingError(name, f"starts with a {codec} byte-order mark but is not {codec}: "
                                          f"{e.reason} at byte {e.start}") from None
            return _repaired(text, codecs.lookup(codec).name)
    for signature, what in _SIGNATURES.items():
        if data.startswith(signature):
            raise BinaryInputError(name, f"this is {what}, not text")
    # UTF-16 without a mark first: its ASCII range is also valid (NUL-ridden) UTF-8.
    codec = _utf16_without_mark(data, by_script=not _is_utf8(data))  # UTF-8 without NULs is UTF-8
    if codec is not None:
        return _repaired(data.decode(codec), codec)
    if b"\x00" in data:
        raise BinaryInputError(name, "the bytes contain NUL characters: binary data, not text")
    utf8 = _utf8_with_stray_bytes(data)
    if utf8 is not None:
        text, stray = utf8
        decoded = _repaired(text, "utf-8")
        return Decoded(decoded.text, "utf-8", stray + decoded.repairs)
    declared = _declared_charset(data)
    if declared is not None:
        from charset_normalizer.md import mess_ratio

        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            text = None
        # a page may declare wrongly: its declaration holds when the text it gives reads cleanly
        if text is not None and not _implausible(text) and mess_ratio(text[:20_000], 1.0) < _DECLARED_MESS:
            return _repaired(text, declared, (Repair("decoded", f"not UTF-8: read as {declared}, the "
                                                                "encoding the page declares"),))
    return _legacy(data, name=name, file_name=file_name)


def _declared_charset(data: bytes) -> str | None:
    """The codec a web page declares in its head (``<meta charset>`` or a Content-Type
    ``http-equiv``), when Python knows it; UTF-8 declarations are left to the evidence."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        codec = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if codec in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"  # as browsers read these labels (WHATWG Encoding Standard)
    return None if codec.startswith("utf") else codec


def _repaired(text: str, encoding: str, repairs: tuple[Repair, ...] = (), doubt: str | None = None
              ) -> Decoded:
    fixed, more = repair_text(text)
    return Decoded(fixed, encoding, repairs + more, doubt)


def _utf8_with_stray_bytes(data: bytes) -> tuple[str, tuple[Repair, ...]] | None:
    """UTF-8 text, with bytes that are not UTF-8 read as Windows-1252 when they are no more than the
    valid multi-byte characters around them (else the bytes are a legacy encoding: ``None``)."""
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="surrogateescape")
    runs = _STRAY.findall(text)
    stray = sum(map(len, runs))
    valid = len(_NON_ASCII.findall(text)) - stray
    if valid == 0 or stray > valid:
        return None
    read: list[str] = []

    def as_cp1252(match: re.Match[str]) -> str:
        raw = match.group().encode("utf-8", errors="surrogateescape")
        out = raw.decode("cp1252", errors="replace")
        read.append(f"{raw.hex(' ')} → {out!r}")
        return out

    text = _STRAY.sub(as_cp1252, text)
    shown = ", ".join(read[:5]) + (" …" if len(read) > 5 else "")
    return text, (Repair("stray-byte", f"{stray} byte{'s' if stray > 1 else ''} not valid in UTF-8 "
                                       f"read as Windows-1252 ({shown}); the rest is UTF-8", stray),)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _utf16_without_mark(data: bytes, *, strict: bool = True, by_script: bool = True) -> str | None:
    """The UTF-16 codec of BOM-less bytes, or None. UTF-16 shows as the high bytes of the code
    units (one half of the bytes) taking one or two values below 0x20, i.e. characters of one
    alphabetic script (0x00 for ASCII, 0x04 for Cyrillic, 0x09 for Devanagari), while the other
    half varies (``by_script``: not asked of bytes that are valid UTF-8); or as NUL bytes in one
    half only. The text must then decode with (almost) no
    control characters. With ``strict=False`` (the last resort, when no legacy encoding fits) a
    decoding with no control, private-use or unassigned character is enough: Chinese or Japanese
    without a single ASCII character."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        top = Counter(high).most_common(2)
        alphabetic = by_script and (sum(n for _, n in top) >= 0.75 * len(high)
                                    and all(v < 0x20 for v, _ in top) and _top_share(low) < 0.5)
        nuls = high.count(0) >= max(1, 0.02 * len(high)) and low.count(0) <= 0.05 * len(low)
        if strict and not (alphabetic or nuls):
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        controls = sum(unicodedata.category(c) == "Cc" and c not in "\t\n\r\f" for c in text)
        if strict and controls <= 0.01 * len(text) or not strict and not controls and not _unusual(text):
            return codec
    return None


def _top_share(half: bytes) -> float:
    """The share of the two most common byte values in ``half``."""
    return sum(n for _, n in Counter(half).most_common(2)) / len(half)


def _legacy(data: bytes, *, name: str | None, file_name: str | None) -> Decoded:
    """Bytes in a legacy encoding: charset-normalizer's cleanest decodings, told apart by language,
    then by how common the encoding is."""
    from charset_normalizer import from_bytes

    found = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS), threshold=_MAX_MESS)
    matches = [m for m in found if _reads_as_prose(str(m))]
    if not matches:
        codec = _utf16_without_mark(data, strict=False)
        if codec is not None and _reads_as_prose(data.decode(codec)):
            doubt = (f"{_where(name, file_name)} has no byte-order mark and no legacy encoding fits; "
                     f"read as {codec} on weak evidence: check its text, or save it as UTF-8")
            return _repaired(data.decode(codec), codec, (Repair("decoded", f"read as {codec} without a "
                                                               "byte-order mark, on weak evidence"),), doubt)
        raise EncodingError(name, "the bytes are neither UTF-8, UTF-16 nor text in a legacy encoding "
                                  "(charset-normalizer finds no decoding that reads as text)")
    matches = [m for m in matches if not _implausible(str(m))] or matches
    cleanest = min(m.chaos for m in matches)
    by_text: dict[str, str] = {}  # each distinct decoding -> its most used encoding, in that order
    for m in sorted((m for m in matches if m.chaos < cleanest + _MESS_TOLERANCE),
                    key=lambda m: _prior(m.could_be_from_charset)):
        by_text.setdefault(str(m), min(m.could_be_from_charset, key=lambda n: _prior([n])))
    texts = list(by_text)
    chosen, rivals = 0, []
    if len(texts) > 1:
        margins, split = _language_margins(texts)
        best = max(margins)
        chosen = next(k for k, margin in enumerate(margins) if margin > best - _LANGUAGE_TOLERANCE)
        # doubtful when the language vote was split, or a rarer encoding read more like the language
        if split or margins[chosen] < best:
            rivals = [k for k, margin in enumerate(margins)
                      if k != chosen and margin > best - _LANGUAGE_TOLERANCE] or [
                      k for k in range(len(texts)) if k != chosen]
    text = texts[chosen]
    encoding = codecs.lookup(by_text[text]).name
    non_ascii = len(data) - len(data.translate(None, _HIGH_BYTES))
    reasons = []
    if non_ascii < MIN_EVIDENCE_BYTES:
        reasons.append(f"only {non_ascii} byte{'s' if non_ascii != 1 else ''} outside ASCII")
    if rivals:
        others = [codecs.lookup(by_text[texts[k]]).name for k in rivals[:3]]
        reasons.append(f"{', '.join(others)} read{'s' if len(others) == 1 else ''} almost as well")
    near = [m for m in matches if cleanest + _MESS_TOLERANCE <= m.chaos < cleanest + _NEAR_MESS
            and _prior(m.could_be_from_charset) < _prior([by_text[text]]) and str(m) != text]
    if near:  # a more used encoding lost on a hair of mess
        reasons.append(f"{codecs.lookup(near[0].encoding).name} reads almost as cleanly")
    doubt = None
    if reasons:
        doubt = (f"{_where(name, file_name)} is not UTF-8; read as {encoding} on weak evidence "
                 f"({'; '.join(reasons)}): check its text, or save it as UTF-8")
    decided = Repair("decoded", f"not UTF-8: read as {encoding}, detected by charset-normalizer"
                                + (" on weak evidence" if doubt else ""), 1)
    return _repaired(text, encoding, (decided,), doubt)


def _implausible(text: str) -> bool:
    """Signs of a wrong decoding that a mess ratio misses: cased letters mostly upper case (KOI8-R
    read as Windows-1251 swaps the case of Cyrillic letters); letters mostly half-width katakana
    (U+FF66-U+FF9F, a legacy form running Japanese text does not use); or Hangul written as
    isolated compatibility jamo (U+3131-U+318E), which running Korean text writes as syllables
    (EUC-JP kana read as EUC-KR)."""
    sample = text[:20_000]
    upper, lower = len(_UPPER.findall(sample)), len(_LOWER.findall(sample))
    if upper + lower >= 20 and upper > lower:
        return True
    letters = len(_LETTER.findall(sample))
    if letters >= 20 and len(_HALFWIDTH_KANA.findall(sample)) > 0.5 * letters:
        return True  # half-width katakana, what Shift-JIS makes of single-byte Cyrillic or Greek
    jamo, syllables = len(_JAMO.findall(sample)), len(_HANGUL.findall(sample))
    return jamo >= 3 and jamo > 0.1 * (jamo + syllables)


def _reads_as_prose(text: str) -> bool:
    """Whether a decoding has the separators of prose: whitespace, or CJK punctuation, at least once
    in every 60 characters on average (garbage decoded from the wrong bytes runs on without them)."""
    sample = text[:20_000]
    return len(sample) < 60 or 60 * len(_SEPARATORS.findall(sample)) >= len(sample)


def _where(name: str | None, file_name: str | None) -> str:
    return file_name or (f"document {name!r}" if name else "the document")


def _prior(names: list[str]) -> int:
    ranks = [LEGACY_ENCODINGS.index(n) for n in names if n in LEGACY_ENCODINGS]
    return min(ranks, default=len(LEGACY_ENCODINGS))


def _language_margins(texts: list[str]) -> tuple[list[float], bool]:
    """For each decoding, how clearly it reads as the language most decodings read as (ties: the
    earliest decoding's): py3langid's score of that language minus the best other language's.
    Also whether the vote was split."""
    ranked = [dict(_raw_identifier().rank(_sample(t))) for t in texts]
    votes = Counter(max(r, key=r.__getitem__) for r in ranked).most_common(2)
    language = votes[0][0]
    margins = [r[language] - max(v for k, v in r.items() if k != language) for r in ranked]
    return margins, len(votes) > 1 and votes[1][1] == votes[0][1]


def _sample(text: str, limit: int = 20_000) -> str:
    """The lines that hold non-ASCII characters (where decodings differ), up to ``limit``."""
    if len(text) <= limit:
        return text
    lines = [line for line in text.splitlines() if not line.isascii()]
    return "\n".join(lines)[:limit] or text[:limit]


@lru_cache(maxsize=1)
def _raw_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)


# -- repairs ---------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _ftfy_config():
    from ftfy import TextFixerConfig

    return TextFixerConfig(unescape_html=False, remove_terminal_escapes=False, fix_encoding=True,
                           restore_byte_a0=True, replace_lossy_sequences=True,
                           decode_inconsistent_utf8=True, fix_c1_controls=False,
                           fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False,
                           fix_line_breaks=False, fix_surrogates=True, remove_control_chars=False,
                           normalization=None, explain=True)


def repair_text(text: str) -> tuple[str, tuple[Repair, ...]]:
    """``text`` with mojibake and C1 control characters repaired (ftfy), and what was repaired.

    >>> repair_text("The mayor didnâ€™t sign.")[0]
    'The mayor didn’t sign.'
    """
    if text.isascii():
        return text, ()
    from ftfy import fix_and_explain
    from ftfy.fixes import fix_c1_controls

    config = _ftfy_config()
    out: list[str] = []
    places: Counter[str] = Counter()
    how: set[str] = set()
    for line in text.splitlines(keepends=True):
        if not line.isascii():
            fixed, steps = fix_and_explain(line, config)
            if fixed != line and _unusual(fixed) <= _unusual(line):  # never a fix into private use
                plan = [f"{step.action} {step.parameter}" for step in steps or ()
                        if step.action in ("encode", "decode", "apply")]
                if plan in _C1_PLANS:  # only C1 characters re-read: what fix_c1_controls does
                    places["c1-controls"] += len(_C1_PUNCTUATION.findall(line))
                else:
                    places["mojibake"] += _changed_places(line, fixed)
                    places["lost"] += fixed.count("\ufffd")  # bytes the mojibake had already lost
                    how.update(plan)
                line = fixed
            if _C1_PUNCTUATION.search(line):
                places["c1-controls"] += len(_C1_PUNCTUATION.findall(line))
                line = fix_c1_controls(line)
        out.append(line)
    repairs = []
    if places["mojibake"]:
        lost = places["lost"]
        lost_note = (f"; {lost} character{'s' if lost > 1 else ''} could not be recovered "
                     "(shown as �)" if lost > 0 else "")
        repairs.append(Repair("mojibake", "text once decoded with the wrong encoding re-read as it was "
                                          f"written (ftfy: {', '.join(sorted(how))}){lost_note}",
                              places["mojibake"]))
    if places["c1-controls"]:
        n = places["c1-controls"]
        repairs.append(Repair("c1-controls", f"{n} C1 control character{'s' if n > 1 else ''} "
                                             "(U+0080–U+009F) read as the Windows-1252 punctuation "
                                             "they stand for (ftfy)", n))
    return "".join(out), tuple(repairs)


# The C1 characters Windows-1252 gives a meaning (0x81, 0x8D, 0x8F, 0x90 and 0x9D it leaves undefined).
_C1_PUNCTUATION = re.compile(r"[\x80\x82-\x8c\x8e\x91-\x9c\x9e\x9f]")
# ftfy's plans that only read C1 characters as Windows-1252, as fix_c1_controls does.
_C1_PLANS = [["encode latin-1", "decode windows-1252"], ["encode latin-1", "decode sloppy-windows-1252"]]


def _unusual(text: str) -> int:
    """How many characters are private-use or unassigned: what no correct decoding produces."""
    return sum(unicodedata.category(c) in ("Co", "Cn") for c in text if c > "\x7f")


def _changed_places(before: str, after: str) -> int:
    ops = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    return sum(tag != "equal" for tag, *_ in ops)


# -- stray tags in plain text ------------------------------------------------------------------------

#: HTML element names: the WHATWG HTML Living Standard's index of elements, and the obsolete ones
#: still found in pasted pages (§16.2: big, center, font, strike, tt).
HTML_ELEMENTS = frozenset(str.split("""
    a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption
    cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input
    ins kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup option
    output p picture pre progress q rp rt ruby s samp script search section select slot small source
    span strong style sub summary sup table tbody td template textarea tfoot th thead time title tr
    track u ul var video wbr big center font strike tt"""))
#: Elements a browser shows as a line of their own (the HTML standard's rendering section, §15.3:
#: ``display: block``, list items, table rows and cells, and the line break): a stray one between
#: two sentences stood for a line break.
HTML_LINE_ELEMENTS = frozenset(str.split("""
    address article aside blockquote br caption center dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre
    search section summary table tbody td tfoot th thead tr ul"""))
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,9})(?:\s[^<>\n]{0,500})?/?>")
_SENTENCE_END = regex.compile(r"[.!?…。！？][\"'”’»)\]]*\s*$")
_SENTENCE_START = regex.compile(r"\s+[\p{Lu}\p{N}\"'“‘«(\[]")


def strip_stray_tags(text: str) -> tuple[str, Repair | None]:
    """``text`` without the HTML tags a copy-paste left between its sentences, and the repair that
    records them (``None`` when there were none).

    A tag (an HTML element's name, :data:`HTML_ELEMENTS`), or a run of tags with only spaces between
    them, is stray where it stands outside any sentence: after the start of a line or a sentence's end
    and before the end of the line, a new sentence or text written against it (``</p>`` on a line of
    its own, ``<p>The mayor said``, ``killed.</p><p>Police``), or written against the last word of a
    line (``resigned</p>``). A tag inside a sentence is a mention and stays (``a <p> per
    paragraph``, ``<br> tags were removed``), and so does the other tag of a pair one of which stays
    (``the <b>Budget</b> Committee``). A stray run between two sentences written against both
    becomes a line break when it holds a line element (:data:`HTML_LINE_ELEMENTS`), else a space.

    >>> strip_stray_tags("The flood killed 12 people.</p>\\n<p>The mayor resigned.</p>")[0]
    'The flood killed 12 people.\\nThe mayor resigned.'
    """
    if "<" not in text:
        return text, None
    out: list[str] = []
    removed: Counter[str] = Counter()
    for line in text.splitlines(keepends=True):
        tags = [m for m in _TAG.finditer(line) if m.group(2).lower() in HTML_ELEMENTS]
        stray = _stray_runs(line, tags) if tags else []
        at = 0
        for start, end, group in stray:
            out.append(line[at:start])
            before, after = line[:start], line[end:].rstrip("\r\n")
            if before and not before[-1].isspace() and after and not after[0].isspace():
                lines = any(m.group(2).lower() in HTML_LINE_ELEMENTS for m in group)
                out.append("\n" if lines else " ")
            elif (not before or before[-1].isspace()) and after[:1] in (" ", "\t"):
                end += len(after) - len(after.lstrip(" \t"))  # the space that parted it from the next word
            at = end
            removed.update(f"<{m.group(1)}{m.group(2).lower()}>" for m in group)
        out.append(line[at:])
    if not removed:
        return text, None
    n = sum(removed.values())
    kinds = ", ".join(tag for tag, _ in removed.most_common(5))
    return "".join(out), Repair("stray-tags", f"{n} HTML tag{'s' if n > 1 else ''} left between sentences "
                                              f"by a copy-paste removed ({kinds}); tags inside a "
                                              "sentence were kept", n)


def _stray_runs(line: str, tags: list[re.Match[str]]) -> list[tuple[int, int, list[re.Match[str]]]]:
    """The stray runs of tags in one line: (start, end, the tags), in order."""
    runs: list[list[re.Match[str]]] = []
    for m in tags:
        if runs and not line[runs[-1][-1].end():m.start()].strip(" \t"):
            runs[-1].append(m)
        else:
            runs.append([m])
    stray = set()
    for k, run in enumerate(runs):
        before, after = line[:run[0].start()], line[run[-1].end():].rstrip("\r\n")
        line_end = not after.strip()
        outside_before = not before.strip() or bool(_SENTENCE_END.search(before))
        outside_after = line_end or not after[0].isspace() or bool(_SENTENCE_START.match(after))
        if (outside_before and outside_after) or (line_end and not before[-1:].isspace()):
            stray.add(k)
    # a pair of tags is one piece of markup: where one of them stays, so does the other
    kept = {id(m) for k, run in enumerate(runs) if k not in stray for m in run}
    open_at: dict[str, list[re.Match[str]]] = {}
    partners: dict[int, int] = {}
    for m in tags:
        name = m.group(2).lower()
        if not m.group(1):
            open_at.setdefault(name, []).append(m)
        elif open_at.get(name):
            opening = open_at[name].pop()
            partners[id(m)], partners[id(opening)] = id(opening), id(m)
    changed = True
    while changed:
        changed = False
        for k in sorted(stray):
            if any(partners.get(id(m)) in kept for m in runs[k]):
                stray.discard(k)
                kept.update(id(m) for m in runs[k])
                changed = True
    return [(runs[k][0].start(), runs[k][-1].end(), runs[k]) for k in sorted(stray)]


# -- web pages -------------------------------------------------------------------------------------

def starts_like_a_page(text: str) -> bool:
    """True when the text starts as a web page does (``<!doctype html>`` or ``<html>``).

    >>> starts_like_a_page("The site used a <script> tag to track readers.")
    False
    """
    return bool(_PAGE_START.match(text[:5000]))


_BLOCKS = frozenset({"p", "head", "item", "quote", "code", "row", "list", "table", "div", "main",
                     "doc", "body", "graphic", "ab"})


def extract_article(html: str, *, name: str | None = None) -> tuple[str, Repair]:
    """The main text of a web page (trafilatura, tables included), and the repair that records it.

    Each paragraph, heading, list item and table row is one line; list items carry no bullet and
    a row's cells are joined by ``"; "``. Raises :class:`EmptyDocumentError` when the page holds
    no article text."""
    try:
        import trafilatura
        from lxml import etree
    except ImportError:
        raise InputError(name, "this is HTML; install trafilatura (pip install 'drift[html]') "
                               "to extract its article text") from None
    if not re.search(r"<(html|body)\b", html[:5000], re.I):  # a fragment: trafilatura wants a page
        html = f"<html><body><article>{html}</article></body></html>"
    options = {"include_comments": False, "include_tables": True, "deduplicate": False}
    if not trafilatura.extract(html, favor_precision=True, **options):
        raise EmptyDocumentError(name, "this web page holds no article text, only navigation, "
                                       "headers or footers")
    xml = trafilatura.extract(_without_page_chrome(html), output_format="xml", favor_recall=True,
                              **options)
    lines: list[str] = []
    kept: Counter[str] = Counter()
    if xml:
        root = etree.fromstring(xml.encode("utf-8"))
        main = root.find("main")
        _block_lines(main if main is not None else root, lines, kept)
    text = "\n".join(lines)
    if not text.strip():
        raise EmptyDocumentError(name, "this is HTML but no article text could be extracted from it")
    parts = [f"{n} {what}{'s' if n > 1 else ''}" for what, n in (("list", kept["list"]),
                                                                 ("table", kept["table"])) if n]
    detail = ("article text extracted from the web page with trafilatura, one paragraph, list item "
              "or table row per line" + (f" ({', '.join(parts)} kept)" if parts else ""))
    return text, Repair("html-extracted", detail, len(lines))


#: HTML sections that are the site's, not the article's, where they stand outside ``<article>`` and
#: ``<main>`` (HTML Living Standard §4.3: ``nav`` is "a section with navigation links", a
#: ``header``/``footer`` outside sectioning content is the page's, ``aside`` is "tangentially related").
_PAGE_CHROME = ("nav", "header", "footer", "aside")


def _without_page_chrome(html: str) -> str:
    """The page without its navigation, page header and footer and asides (those inside an
    ``<article>`` or ``<main>`` are kept: an article's own header holds its headline; so is an
    ``<h1>`` in the page's header). Recall-oriented extraction would otherwise keep their links as
    article lines ("Home", "World")."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html
    for element in list(root.iter(*_PAGE_CHROME)):
        if element.getparent() is None or any(a.tag in ("article", "main") for a in element.iterancestors()):
            continue
        headlines = list(element.iter("h1")) if element.tag == "header" else []
        for headline in headlines:  # a page header's headline is the article's: keep it in place
            element.addprevious(headline)
        element.drop_tree()
    # The page's one headline just before its <article> belongs to it (trafilatura takes the
    # <article> alone and would lose it).
    order = {element: k for k, element in enumerate(root.iter())}
    article = next(root.iter("article"), None)
    outside = [h for h in root.iter("h1") if not any(a.tag in ("article", "main") for a in h.iterancestors())]
    if article is not None and len(outside) == 1 and order[outside[0]] < order[article]:
        article.insert(0, outside[0])
    return lxml.html.tostring(root, encoding="unicode")


def _block_lines(element, lines: list[str], kept: Counter[str]) -> None:
    """Append the lines of ``element``'s blocks: its own inline text, then its nested blocks."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in ("list", "table"):
        kept[tag] += 1
    if tag == "row":
        cells = [" ".join("".join(c.itertext()).split()) for c in element if c.tag == "cell"]
        line = "; ".join(c for c in cells if c)
        if line:
            lines.append(line)
        return
    inline = [element.text or ""]
    nested = []
    for child in element:
        if isinstance(child.tag, str) and child.tag in _BLOCKS:
            nested.append(child)
            continue
        inline.append("\n" if child.tag == "lb" else "".join(child.itertext()))
        inline.append(child.tail or "")
    own = "\n".join(" ".join(part.split()) for part in "".join(inline).split("\n"))
    lines.extend(line for line in own.split("\n") if line.strip())
    for child in nested:
        _block_lines(child, lines, kept)
        if child.tail and child.tail.strip():
            lines.append(" ".join(child.tail.split()))
