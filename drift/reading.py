"""Reading articles: str, bytes or a path in, the text exactly as read out.

Bytes are decoded by evidence, in this order: a byte-order mark (UTF-8, UTF-16, UTF-32), strict
UTF-8, UTF-16 without a mark (NUL bytes in alternate positions), then cp1252 (latin-1 where cp1252
leaves a byte undefined). Binary data (file signatures, NUL bytes, control characters) is refused.
HTML is reduced to its article text with trafilatura; offsets then point into the extracted text.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path

from drift.errors import BinaryInputError, EmptyDocumentError, EncodingError, InputError

#: Largest document drift reads by default, in characters (about 15,000 news sentences).
MAX_CHARS = 10_000_000

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
# Control characters that never occur in article text (tab, newline, CR and form feed do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_HTML_HINT = re.compile(r"<(!doctype html|html|head|body|article|div|p|span|br|script|meta)\b", re.I)
_TAG = re.compile(r"<[a-zA-Z!/][^>]{0,2000}>")


@dataclass(frozen=True)
class ReadText:
    """A document's text as read, the id it gets by default, and how it was obtained."""

    id: str
    text: str
    source: str  # "text", "file", "bytes" or "html"


def read_text(source: str | bytes | os.PathLike[str], *, name: str | None = None,
              default_name: str | None = None, max_chars: int = MAX_CHARS,
              extract_html: bool = True) -> ReadText:
    """Read one document, named ``name``, else its file's stem, else ``default_name``.

    A ``Path`` is read as a file; a ``str`` is a file path when it names an existing file and has
    no line break, otherwise it is the article text itself; ``bytes`` are decoded.

    >>> read_text("Maduro said so.").text
    'Maduro said so.'
    """
    label = name or default_name
    kind = "text"
    if isinstance(source, (bytes, bytearray, memoryview)):
        text = decode_bytes(bytes(source), name=label)
        kind = "bytes"
    elif isinstance(source, os.PathLike) or (isinstance(source, str) and _is_existing_path(source)):
        path = Path(source)
        label = name or path.stem
        try:
            if path.stat().st_size > 4 * max_chars:
                raise InputError(label, f"{path.stat().st_size:,} bytes is larger than drift reads "
                                        f"(max_chars={max_chars:,})")
            data = path.read_bytes()
        except OSError as e:
            raise InputError(label, f"cannot read {path}: {e.strerror or e}") from None
        text = decode_bytes(data, name=label)
        kind = "file"
    elif isinstance(source, str):
        text = source
    else:
        raise InputError(name, f"expected text, bytes or a path, got {type(source).__name__}")
    if extract_html and looks_like_html(text):
        text = extract_article(text, name=label)
        kind = "html"
    if len(text) > max_chars:
        raise InputError(label, f"{len(text):,} characters is more than max_chars={max_chars:,}")
    if not text.strip():
        raise EmptyDocumentError(label, "the document is empty (no text besides whitespace)")
    if _CONTROL.search(text) and len(_CONTROL.findall(text)) > max(3, len(text) // 200):
        raise BinaryInputError(label, "the text is full of control characters: binary data, not an article")
    return ReadText(id=label or "", text=text, source=kind)


def _is_existing_path(s: str) -> bool:
    if not s or len(s) > 4096 or "\n" in s or "\x00" in s:
        return False
    try:
        return Path(s).is_file()
    except (OSError, ValueError):
        return False


def decode_bytes(data: bytes, *, name: str | None = None) -> str:
    """Decode an article's bytes, or raise a :class:`BinaryInputError` / :class:`EncodingError`."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as e:
                raise EncodingError(name, f"starts with a {codec} byte-order mark but is not {codec}: "
                                          f"{e.reason} at byte {e.start}") from None
    for signature, what in _SIGNATURES.items():
        if data.startswith(signature):
            raise BinaryInputError(name, f"this is {what}, not text")
    # UTF-16 without a mark first: its ASCII range is also valid (NUL-ridden) UTF-8.
    if _looks_like_utf16(data):
        codec = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" in text:
            raise BinaryInputError(name, "the bytes contain NUL characters: binary data, not text")
        return text
    if b"\x00" in data:
        raise BinaryInputError(name, "the bytes contain NUL characters: binary data, not text")
    undefined_in_cp1252 = any(b in data for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D))
    text = data.decode("latin-1" if undefined_in_cp1252 else "cp1252")
    if len(_CONTROL.findall(text)) > max(3, len(text) // 200):
        raise EncodingError(name, "the bytes are neither UTF-8, UTF-16 nor cp1252/latin-1 text")
    return text


def _looks_like_utf16(data: bytes) -> bool:
    if len(data) < 4 or len(data) % 2:
        return False
    zeros_even, zeros_odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    return max(zeros_even, zeros_odd) > 0.3 * half and min(zeros_even, zeros_odd) <= max(2, 0.05 * half)


def looks_like_html(text: str) -> bool:
    """True for web pages and HTML fragments (many tags), false for articles that mention a tag."""
    head = text[:5000]
    if re.match(r"\s*<(!doctype html|html)\b", head, re.I):
        return True
    if not _HTML_HINT.search(head):
        return False
    tags = _TAG.findall(text[:200_000])
    return len(tags) >= 5 and sum(map(len, tags)) > 0.1 * min(len(text), 200_000)


def extract_article(html: str, *, name: str | None = None) -> str:
    """The main text of a web page, paragraphs on their own lines (trafilatura)."""
    try:
        import trafilatura
    except ImportError:
        raise InputError(name, "this is HTML; install trafilatura (pip install 'drift[html]') "
                               "to extract its article text") from None
    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_recall=True, deduplicate=False)
    if not text or not text.strip():
        raise EmptyDocumentError(name, "this is HTML but no article text could be extracted from it")
    return text
