"""Property tests: thousands of generated articles and rewrites, every report obeys the format's rules.

Documents are built from the example corpus's sentences and random Unicode text, then edited the
way rewrites are (sentences deleted, inserted, swapped, split, merged; numbers changed; page
furniture, odd whitespace, curly quotes, emoji, right-to-left text and combining marks added). A
tiny deterministic embedder (hashed bag of words) keeps each example to milliseconds, so the
properties are about drift's own code (offsets, links, diffs, scores, JSON), not a model.
"""

from __future__ import annotations

import codecs
import contextlib
import importlib.util
import io
import json
import re
import tempfile
import zlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from drift.corpus import example_paths
from drift.embedding import load_embedder
from drift.report import SHIFT_TYPES, Report

pytestmark = pytest.mark.filterwarnings("ignore:the documents are in")
CHECKER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "check_report.py"
MANY = settings(max_examples=1000, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


class FakeEmbedder:
    """Hashed bag of words, L2-normalised: deterministic across processes, ~free to compute.

    Sentences sharing words get similar vectors, so alignment behaves as with a real model on
    copied or lightly edited text. Text without word characters hashes its characters instead,
    so every row has unit length as the :class:`~drift.embedding.Embedder` protocol requires.
    """

    name = "fake-hashed-bow"

    def __init__(self, dim: int = 64):
        self.dim = dim
        self.calls = 0

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        tokens = re.findall(r"\w+", text.lower()) or list(text) or ["\x00empty"]
        for tok in tokens:
            h = zlib.crc32(tok.encode("utf-8", "surrogatepass"))
            v[h % self.dim] += 1.0 if (h >> 16) & 1 else -1.0
        norm = float(np.linalg.norm(v))
        if norm == 0.0:  # the signs cancelled out: fall back to one fixed axis per text
            v[zlib.crc32(text.encode("utf-8", "surrogatepass")) % self.dim] = 1.0
            norm = 1.0
        return v / norm

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vector(t) for t in texts]).astype(np.float32)


def fake_analyzer():
    from drift.pipeline import Analyzer

    return Analyzer(load_embedder(FakeEmbedder(), cache_dir=False))


# -- sentence pools ------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def seed_sentences() -> tuple[str, ...]:
    """Every content sentence of the example corpus."""
    from drift.segmenting import split_sentences

    out = []
    for path in example_paths():
        text = path.read_text(encoding="utf-8")
        out += [text[s.start:s.end] for s in split_sentences(text, "en") if not s.boilerplate]
    return tuple(dict.fromkeys(out))


FURNITURE = ["Advertisement", "Recommended Stories", "list of 4 itemsend of list", "3 min read",
             "Share this article", "By John Smith and Ana Pérez", "Source: AFP", "Leave a Reply",
             "Photo: Reuters", "Home > Americas", "Updated: 12 May 2024", "1,204 views"]
EMOJI = ["🙂", "🇻🇪", "👩🏽‍💻", "🔥", "✈️", "🤷‍♀️"]
RTL = ["قال الرئيس إن البلاد تريد السلام.", "הנשיא אמר שהמדינה רוצה שלום.", "\u202eevil\u202c text",
       "مادورو 15,000 جندي"]
OTHER_LANGUAGES = ["El presidente Nicolás Maduro reiteró sus llamados a la paz.",
                   "Der Präsident wiederholte seine Friedensappelle vor Tausenden.",
                   "Президент повторил призывы к миру.", "大統領は平和を呼びかけた。", "总统呼吁和平。"]
WORDS = ["the", "US", "said", "troops", "Maduro", "peace", "15,000", "not", "never", "21", "Caracas",
         "strikes", "won", "lost", "claimed", "allegedly"]
LINE_BREAKS = ["\n", "\n\n", "\r\n", " \n", "\n \n", "\u2028", "\t\n"]
SPACES = [" ", "  ", "\u00a0", "\t", " \u200b", "\u2009"]

# Random text without control characters other than tab (drift refuses control-heavy bytes as
# binary; that path has its own tests) and without surrogates, which no real text holds.
random_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="<>&"),
    min_size=1, max_size=60).filter(lambda s: any(c.isalnum() for c in s))


@st.composite
def sentence(draw) -> str:
    kind = draw(st.integers(0, 9))
    if kind <= 5:
        return draw(st.sampled_from(seed_sentences()))
    if kind == 6:
        return draw(st.sampled_from(OTHER_LANGUAGES + RTL))
    if kind == 7:
        return draw(random_text)
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
    return " ".join(words).capitalize() + draw(st.sampled_from([".", "!", "?", "", "…", ".”"]))


def _noise(draw, s: str) -> str:
    """Surface noise a rewrite or a scraped page adds without changing the words much."""
    for _ in range(draw(st.integers(0, 2))):
        op = draw(st.integers(0, 5))
        if op == 0:  # curly quotes
            s = s.replace('"', "\u201c", 1).replace('"', "\u201d", 1).replace("'", "\u2019")
        elif op == 1:  # emoji at a word boundary
            spaces = [m.start() for m in re.finditer(" ", s)] or [len(s)]
            at = draw(st.sampled_from(spaces))
            s = s[:at] + " " + draw(st.sampled_from(EMOJI)) + s[at:]
        elif op == 2:  # combining marks after letters
            s = re.sub(r"([aeiou])", lambda m: m.group(1) + "\u0301", s, count=draw(st.integers(1, 3)))
        elif op == 3:  # odd whitespace between words
            s = s.replace(" ", draw(st.sampled_from(SPACES)), draw(st.integers(1, 3)))
        elif op == 4:  # a number changed
            s = re.sub(r"\d+", lambda m: str(draw(st.integers(0, 99_999))), s, count=1)
        else:  # RTL or other language fragment appended
            s = s + " " + draw(st.sampled_from(RTL + OTHER_LANGUAGES))
    return s


def _edit(draw, sents: list[str]) -> list[str]:
    """One rewrite edit on a list of sentences."""
    out = list(sents)
    op = draw(st.integers(0, 6))
    k = draw(st.integers(0, max(len(out) - 1, 0)))
    if op == 0 and len(out) > 1:  # delete
        del out[k]
    elif op == 1:  # insert
        out.insert(k, draw(sentence()))
    elif op == 2 and len(out) > 1:  # swap (a move)
        j = draw(st.integers(0, len(out) - 1))
        out[k], out[j] = out[j], out[k]
    elif op == 3 and out:  # split a sentence at a space
        spaces = [m.start() for m in re.finditer(" ", out[k])]
        if spaces:
            at = draw(st.sampled_from(spaces))
            out[k:k + 1] = [out[k][:at].rstrip() + ".", out[k][at + 1:].capitalize()]
    elif op == 4 and len(out) > 1 and k + 1 < len(out):  # merge two sentences
        out[k:k + 2] = [out[k].rstrip(".!?") + ", and " + out[k + 1]]
    elif op == 5 and out:  # surface noise
        out[k] = _noise(draw, out[k])
    elif out:  # a number changed, or a word negated
        out[k] = re.sub(r"\b(\d+)", lambda m: str(int(m.group(1)) * 2 + 1), out[k], count=1)
        out[k] = out[k].replace(" is ", " is not ", 1)
    return out


def _layout(draw, sents: list[str]) -> str:
    """Sentences on lines (one or several per line), with furniture and blank lines around them."""
    lines: list[str] = []
    k = 0
    while k < len(sents):
        n = draw(st.integers(1, 3))
        joiner = draw(st.sampled_from([" ", "  ", " \u00a0"]))
        lines.append(joiner.join(sents[k:k + n]))
        k += n
        if draw(st.integers(0, 6)) == 0:
            lines.append(draw(st.sampled_from(FURNITURE)))
    text = ""
    for line in lines:
        text += line + draw(st.sampled_from(LINE_BREAKS))
    lead = draw(st.sampled_from(["", " ", "\n", "\ufeff"]))
    return lead + text if draw(st.booleans()) else lead + text.rstrip("\n")


@st.composite
def article_pair(draw) -> tuple[str, str]:
    """A base article and a rewrite of it. The first base sentence is a plain seed sentence on
    its own line, and so is some rewrite sentence, so each side surely holds article content."""
    anchor = draw(st.sampled_from(seed_sentences()))
    base = [anchor] + [_noise(draw, s) for s in draw(st.lists(sentence(), min_size=0, max_size=7))]
    rewrite = list(base)
    for _ in range(draw(st.integers(0, 5))):
        rewrite = _edit(draw, rewrite)
    if draw(st.integers(0, 9)) == 0:  # an unrelated rewrite
        rewrite = draw(st.lists(sentence(), min_size=1, max_size=5))
    keep = draw(st.sampled_from(seed_sentences()))
    base_text = anchor + "\n" + _layout(draw, base[1:]) if len(base) > 1 else anchor
    rewrite_text = _layout(draw, rewrite) + "\n" + keep
    return base_text, rewrite_text


# -- the checker of ../shared/tools -------------------------------------------------------------

@lru_cache(maxsize=1)
def _checker():
    spec = importlib.util.spec_from_file_location("check_report", CHECKER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def checker_violations(report: Report) -> list[str]:
    module = _checker()
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as f:
        f.write(report.to_json())
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            module.main(["check_report.py", f.name, "--quiet-warnings"])
    finally:
        Path(f.name).unlink()
    return [line for line in out.getvalue().splitlines() if line.startswith("VIOLATION")]


# -- the properties ------------------------------------------------------------------------------

ANALYZER = None


def _analyzer():
    global ANALYZER
    if ANALYZER is None:
        ANALYZER = fake_analyzer()
    return ANALYZER


def assert_sentences_valid(doc) -> None:
    previous_end = 0
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(doc.text), (doc.id, s)
        assert s.start >= previous_end, f"{doc.id}: sentence {s} overlaps or precedes the one before"
        assert not doc.text[s.start].isspace() and not doc.text[s.end - 1].isspace(), (
            doc.id, repr(doc.text[s.start:s.end]))
        previous_end = s.end


def assert_report_valid(report: Report) -> None:
    for doc in report.documents:
        assert_sentences_valid(doc)
    for c in report.comparisons:
        base, rewrite = report.document(c.base), report.document(c.rewrite)
        assert 0.0 <= c.drift <= 1.0
        base_count = dict.fromkeys(base.content_indices, 0)
        rewrite_count = dict.fromkeys(rewrite.content_indices, 0)
        for link in c.links:
            assert link.base or link.rewrite
            assert all(0 <= i < len(base.sentences) for i in link.base)
            assert all(0 <= j < len(rewrite.sentences) for j in link.rewrite)
            for i in link.base:
                if i in base_count:
                    base_count[i] += 1
            for j in link.rewrite:
                if j in rewrite_count:
                    rewrite_count[j] += 1
            # the diff rebuilds both sides exactly
            assert "".join(t for op, t in link.diff if op <= 0) == base.joined(link.base)
            assert "".join(t for op, t in link.diff if op >= 0) == rewrite.joined(link.rewrite)
            assert all(op in (-1, 0, 1) for op, _ in link.diff)
            # scores in range
            assert 0.0 <= link.drift <= 1.0
            if link.base and link.rewrite:
                assert link.similarity is not None and -1.0001 <= link.similarity <= 1.0001
            if link.confidence is not None:
                assert 0.0 <= link.confidence <= 1.0
            for shift in link.shifts:
                assert shift.type in SHIFT_TYPES and shift.severity in (1, 2, 3)
                assert shift.base_span is not None or shift.rewrite_span is not None
                for span, doc in ((shift.base_span, base), (shift.rewrite_span, rewrite)):
                    if span is not None:
                        assert 0 <= span[0] <= span[1] <= len(doc.text)
            if link.kind == "deleted":
                assert any(s.type == "omission" for s in link.shifts)
            if link.kind == "inserted":
                assert any(s.type == "addition" for s in link.shifts)
        assert all(n == 1 for n in base_count.values()), f"base sentences not in one link: {base_count}"
        assert all(n >= 1 for n in rewrite_count.values()), f"rewrite sentences in no link: {rewrite_count}"


@MANY
@given(article_pair())
def test_every_report_obeys_the_format(pair):
    """Offsets, coverage, diffs, score ranges, the JSON round trip and the shared checker."""
    from drift.pipeline import compare

    base_text, rewrite_text = pair
    report = compare(base_text, rewrite_text, analyzer=_analyzer())
    # the text as given, unless reading repaired it and says so (mojibake such as "Â ")
    assert report.base.text == base_text or report.base.repairs
    assert report.rewrites[0].text == rewrite_text or report.rewrites[0].repairs
    assert_report_valid(report)
    assert Report.from_json(report.to_json()) == report
    if CHECKER.exists():
        assert checker_violations(report) == []


@MANY
@given(article_pair())
def test_presplit_reports_obey_the_format_too(pair):
    from drift.pipeline import compare

    base_text, rewrite_text = pair
    report = compare(base_text, rewrite_text, analyzer=_analyzer(), presplit=True)
    assert report.base.text == base_text or report.base.repairs
    assert [report.base.sentence_text(i) for i in range(len(report.base.sentences))] == [
        line.strip() for line in re.split(r"[\n\r\u2028\u2029]+", report.base.text) if line.strip()]
    assert_report_valid(report)
    assert Report.from_json(report.to_json()) == report


@MANY
@given(st.data())
def test_sentences_are_ordered_trimmed_ranges_of_the_text(data):
    from drift.segmenting import split_sentences

    sents = data.draw(st.lists(st.one_of(sentence(), st.sampled_from(FURNITURE)), min_size=1, max_size=12))
    text = _layout(data.draw, [_noise(data.draw, s) for s in sents])
    language = data.draw(st.sampled_from([None, "en", "de", "ar", "zh", "xx"]))
    doc_sentences = split_sentences(text, language)
    previous_end = 0
    for s in doc_sentences:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= previous_end
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        previous_end = s.end
    # every character that is not whitespace (or a byte-order mark) belongs to a sentence
    covered = np.zeros(len(text), dtype=bool)
    for s in doc_sentences:
        covered[s.start:s.end] = True
    assert all(covered[i] or text[i].isspace() or text[i] == "\ufeff" for i in range(len(text)))


@pytest.mark.parametrize("added", ["¼", "²A", "Item ¾ of the budget was spent."])
def test_unicode_fractions_and_superscripts_do_not_crash_the_pipeline(added):
    from drift.pipeline import compare

    base = seed_sentences()[0]
    report = compare(base, added + "\n" + base, analyzer=_analyzer())
    assert_report_valid(report)


# -- word_diff -----------------------------------------------------------------------------------

words = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
DIFF_WORDS = ["the", "US", "said", "claimed", "troops", "15,000", "“peace”", "Nicolás", "Nicolas", "not",
              ",", ".", "—", "-", "'", "\u00a0", "\t", "🙂", "قال", "e\u0301"]
phrases = st.lists(st.one_of(st.sampled_from(DIFF_WORDS), words),
                   max_size=20).map(" ".join)


@MANY
@given(st.one_of(phrases, words), st.one_of(phrases, words))
def test_word_diff_rebuilds_both_sides(a, b):
    from drift.diffing import word_diff

    parts = word_diff(a, b)
    assert "".join(t for op, t in parts if op <= 0) == a
    assert "".join(t for op, t in parts if op >= 0) == b
    assert all(op in (-1, 0, 1) and t for op, t in parts)
    assert all(parts[k][0] != parts[k + 1][0] for k in range(len(parts) - 1)) or len(parts) <= 1


@MANY
@given(phrases)
def test_word_diff_of_equal_texts_is_one_equal_part(a):
    from drift.diffing import word_diff

    assert word_diff(a, a) == ([(0, a)] if a else [])


# -- Unicode: normal forms, grapheme clusters, mixed scripts --------------------------------------

GRAPHEME_PIECES = ["👍🏻", "👍🏿", "👨\u200d👩\u200d👧", "👨\u200d👩\u200d👦", "🇫🇷", "🇩🇪", "🏳️\u200d🌈",
                   "1️⃣", "é", "e\u0301", "ç", "c\u0327", "Gonçalves", "Mu\u0308ller", "São", "क्षत्रिय",
                   "किताब पढ़ी", "है।", "三月", "50亿元", "。", "東京に行きました", "ภาษาไทย", "قال د.",
                   "שָׁלוֹם", "한국어", "Nicolás", " ", ", ", "\u00a0", "\u200d"]
mixed_text = st.lists(st.one_of(st.sampled_from(GRAPHEME_PIECES), st.sampled_from(WORDS),
                                st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")),
                                        max_size=6)),
                      min_size=1, max_size=16).map("".join)


def grapheme_bounds(text: str) -> set[int]:
    """Offsets where a grapheme cluster (Unicode UAX #29, ``regex``'s ``\\X``) starts or ends; a
    whitespace character is a cluster of its own (a mark after a space is never glued to it)."""
    import regex

    return {0} | {m.end() for m in regex.finditer(r"\s|\X", text)}


@MANY
@given(mixed_text)
def test_tokens_are_exact_ranges_that_never_split_a_grapheme(text):
    from drift.shifts.text import tokenize

    bounds = grapheme_bounds(text)
    previous_end = 0
    for t in tokenize(text, offset=0):
        assert text[t.start:t.end] == t.text and previous_end <= t.start < t.end
        assert t.start in bounds and t.end in bounds, (text, t)
        previous_end = t.end


@MANY
@given(mixed_text, mixed_text)
def test_diff_parts_never_split_a_grapheme(a, b):
    from drift.diffing import word_diff

    parts = word_diff(a, b)
    for side, ops, text in (("base", (-1, 0), a), ("rewrite", (0, 1), b)):
        bounds, at = grapheme_bounds(text), 0
        for op, t in parts:
            if op in ops:
                at += len(t)
                assert at in bounds, (side, text, parts)


def _nfd(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFD", text)


@MANY
@given(mixed_text)
def test_nfc_and_nfd_spellings_tokenize_alike(text):
    import unicodedata

    from drift.shifts.text import tokenize

    nfc = unicodedata.normalize("NFC", text)
    assert [t.norm for t in tokenize(nfc)] == [t.norm for t in tokenize(_nfd(nfc))]


@MANY
@given(st.data())
def test_nfc_and_nfd_spellings_split_alike(data):
    import unicodedata

    from drift.segmenting import split_sentences

    sents = data.draw(st.lists(st.one_of(sentence(), mixed_text), min_size=1, max_size=8))
    text = unicodedata.normalize("NFC", _layout(data.draw, sents))
    language = data.draw(st.sampled_from([None, "en", "de", "ar", "zh", "hi"]))
    nfc = [unicodedata.normalize("NFC", text[s.start:s.end]) for s in split_sentences(text, language)]
    decomposed = _nfd(text)
    nfd = [unicodedata.normalize("NFC", decomposed[s.start:s.end])
           for s in split_sentences(decomposed, language)]
    assert nfc == nfd


ACCENTED_SENTENCES = [
    "José Gonçalves told the court that the Müller report was accurate.",
    "The hearing in São Paulo ended on Friday after Nicolás Maduro spoke.",
    "Der Präsident wiederholte seine Friedensappelle vor Tausenden in Zürich.",
    "Žofie Nováková získala 20. místo v Brně.", "किताब पढ़ी गई और मंत्री ने कहा कि 15 लोग आए।",
    "Ông Nguyễn Phú Trọng nói rằng Hà Nội sẽ mở cửa.", "Renée a déjà vu l'été à Besançon."]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ACCENTED_SENTENCES), min_size=1, max_size=4, unique=True))
def test_the_same_text_in_two_normal_forms_has_no_drift(sents):
    from drift.pipeline import compare

    text = " ".join(sents)
    report = compare(text, _nfd(text), analyzer=_analyzer())
    comparison = report.comparisons[0]
    assert comparison.drift == 0.0
    assert all(not link.shifts and link.base and link.rewrite for link in comparison.links)


# -- decode_bytes --------------------------------------------------------------------------------

article_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"),
    min_size=1, max_size=200).map(lambda s: "Maduro said " + s)
cp1252_text = st.text(alphabet=st.sampled_from(
    [chr(c) for c in range(0x20, 0x7f)] + list("äöüßéèêçñÀÉ€‘’“”–—…•©®°±½¾"), ), min_size=1, max_size=200)


@MANY
@given(article_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                      "utf-32"]))
def test_unicode_text_decodes_back(text, codec):
    from drift.reading import decode

    data = text.encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):
        # Without a byte-order mark, UTF-16 is recognised by NUL bytes in alternate positions
        # (reading.py's documented evidence): mostly Latin-1 text, so one half of the bytes is
        # mostly NUL, and few characters such as U+0100 or U+2000 put a NUL in the other half.
        low, high = (data[0::2], data[1::2]) if codec == "utf-16-le" else (data[1::2], data[0::2])
        assume(high.count(0) > 0.8 * len(high) and low.count(0) < 0.04 * len(low))
    decoded = decode(data)
    # back as written, unless the text looked like mojibake and its repair is recorded
    assert decoded.text == text or decoded.repairs


@MANY
@given(cp1252_text)
def test_cp1252_text_decodes_back(text):
    from drift.errors import EncodingError
    from drift.reading import decode

    data = text.encode("cp1252")
    try:
        data.decode("utf-8")
        assume(False)  # these bytes are valid UTF-8 as well: UTF-8 rightly wins
    except UnicodeDecodeError:
        pass
    # back as written, or, when a few bytes are weak evidence for any one encoding, a doubt, a
    # recorded repair or a clear error: never a silent wrong text
    try:
        decoded = decode(data)
    except EncodingError as e:
        assert "encoding" in str(e)
        return
    assert decoded.text == text or decoded.doubt or decoded.repairs


@pytest.mark.parametrize("codec", ["utf-8", "utf-16", "utf-32"])
def test_a_byte_order_mark_wins(codec):
    from drift.reading import decode_bytes

    text = "Nicolás Maduro said “peace”. قال"
    assert decode_bytes(text.encode(codec)) == text
    assert codecs.BOM_UTF8 + text.encode("utf-8") == text.encode("utf-8-sig")


def test_the_fake_embedder_keeps_the_protocol():
    from drift.embedding import Embedder

    fake = FakeEmbedder()
    vectors = fake.encode(["Maduro said peace.", "", "🙂", "peace said Maduro."])
    assert isinstance(fake, Embedder)
    assert vectors.dtype == np.float32 and vectors.shape == (4, fake.dim)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert float(vectors[0] @ vectors[3]) > 0.99
    assert json.dumps(vectors.tolist())
