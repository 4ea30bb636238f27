"""Reading untrusted input: text exactly as read, decoded by evidence, bad input refused clearly."""

from __future__ import annotations

import pytest

from drift.errors import BinaryInputError, EmptyDocumentError, EncodingError, InputError
from drift.reading import decode, decode_bytes, read_text, starts_like_a_page

QUOTE = "Maduro said his country wanted peace, but only a peace “with sovereignty, equality and freedom”."


def test_a_path_is_read_exactly_and_named_by_its_stem(seeds):
    read = read_text(seeds["002"])
    assert read.text == seeds["002"].read_bytes().decode("utf-8")
    assert read.id == seeds["002"].stem
    assert read.source == "file"


def test_a_string_naming_a_file_is_a_path_and_other_strings_are_text(seeds):
    assert read_text(str(seeds["000"])).text.startswith("As tensions escalate")
    assert read_text(QUOTE).text == QUOTE


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_unicode_encodings_decode_to_the_same_text(encoding):
    assert decode_bytes(QUOTE.encode(encoding)) == QUOTE


def test_cp1252_bytes_keep_their_curly_quotes_and_accents():
    text = "Nicolás Maduro said “peace” – not war."
    assert decode_bytes(text.encode("cp1252")) == text


def test_two_legacy_bytes_decode_with_a_doubt_that_names_the_file():
    decoded = decode(b"Caf\xe9 \x81", name="menu", file_name="menu.txt")
    assert decoded.doubt is not None and decoded.doubt.startswith("menu.txt is not UTF-8")
    assert "weak evidence" in decoded.doubt and decoded.repairs[0].kind == "decoded"


@pytest.mark.parametrize("data, what", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
])
def test_binary_files_are_refused_by_name(data, what):
    with pytest.raises(BinaryInputError, match=what):
        decode_bytes(data, name="upload")


def test_random_bytes_with_nul_are_binary():
    with pytest.raises(BinaryInputError, match="document 'blob'"):
        read_text(bytes([0, 159, 146, 150, 0, 1, 2, 3, 200, 201] * 50), name="blob")


def test_bytes_that_decode_to_control_characters_are_refused():
    with pytest.raises((EncodingError, BinaryInputError)):
        decode_bytes(bytes(range(0x80, 0xA0)) * 20 + b"\x81\x8d", name="odd")


@pytest.mark.parametrize("text", ["", "   \n\t  \n"])
def test_empty_documents_are_refused_with_their_name(text):
    with pytest.raises(EmptyDocumentError, match="document 'rewrite-1': the document is empty"):
        read_text(text, name="rewrite-1")


def test_unreadable_path_is_a_clear_input_error(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="folder"):
        read_text(folder)


def test_too_long_text_is_refused():
    with pytest.raises(InputError, match="max_chars"):
        read_text("word " * 100, max_chars=100)


def test_html_pages_are_reduced_to_their_article_text():
    page = ("<!doctype html><html><head><title>t</title><style>p{color:red}</style>"
            "<script>var tracking = 1;</script></head><body><nav><a href='/'>Home</a> | "
            "<a href='/world'>World</a></nav><article><h1>Maduro rallies supporters</h1>"
            f"<p>{QUOTE}</p><p>The US has amassed 15,000 troops in the region, officials said on "
            "Monday, in a deployment that experts describe as far larger than a drug operation needs."
            "</p></article><footer>Copyright 2025 Example News. All rights reserved.</footer>"
            "</body></html>")
    read = read_text(page)
    assert read.input_format == "html" and read.repairs[-1].kind == "html-extracted"
    assert "15,000 troops" in read.text and "“with sovereignty" in read.text
    assert "tracking" not in read.text and "<p>" not in read.text and "color:red" not in read.text


def test_an_article_that_mentions_a_tag_is_not_html():
    assert not starts_like_a_page("The site used a <script> tag to track readers, the report said.")
