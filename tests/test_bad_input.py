"""Awkward and bad input: each case has a documented outcome, and the CLI says it in one line."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest
from test_properties import FakeEmbedder, assert_report_valid, fake_analyzer
from test_reading import SENTENCES

import drift
from drift.embedding import MULTILINGUAL_MODEL
from drift.errors import (
    BinaryInputError,
    DriftError,
    DriftWarning,
    EmptyDocumentError,
    EncodingError,
    NoReadableRewriteError,
)
from drift.pipeline import Analyzer, compare

REPO = Path(__file__).resolve().parents[1]

ARTICLE = [
    "Venezuelan President Nicolas Maduro has repeated calls for peace and pledged “absolute loyalty” to his "
    "people at a rally attended by thousands in Caracas.",
    "The rally on Monday came as US President Donald Trump met with his national security team at the White "
    "House to discuss the “next steps” on Venezuela, according to media reports.",
    "Maduro, addressing a crowd waving Venezuelan flags outside the presidential palace, said his country "
    "wanted peace, but only a peace “with sovereignty, equality and freedom”.",
    "The US has amassed 15,000 troops in the region and deployed the world’s largest aircraft carrier there.",
    "It has also carried out at least 21 strikes on alleged drug boats in the Caribbean and the Pacific "
    "since September, killing at least 83 people.",
]
TEXT = "\n".join(ARTICLE)
SPANISH = [
    "El presidente venezolano Nicolás Maduro reiteró sus llamados a la paz y prometió “lealtad absoluta” a "
    "su pueblo en un mitin al que asistieron miles de personas en Caracas.",
    "Estados Unidos ha concentrado 15.000 soldados en la región y desplegado allí el mayor portaaviones del "
    "mundo.",
    "También ha llevado a cabo al menos 21 ataques contra presuntas lanchas de narcotráfico en el Caribe y "
    "el Pacífico desde septiembre, que han matado al menos a 83 personas.",
]
UNRELATED = (
    "The village bake-off drew a record forty entries this year.\n"
    "Judges praised a lemon drizzle cake for its delicate crumb and sharp glaze.\n"
    "A sourdough loaf shaped like a hedgehog won the children's vote.\n"
    "Organisers plan to add a gluten-free category next summer.\n"
    "Tea and scones were served in the church hall until the prizes were announced."
)
NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Maduro calls for peace at Caracas rally | World News Daily</title>
<style>body{font-family:Georgia,serif} .nav a{color:#c00} .footer{font-size:12px}</style>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}
gtag('js',new Date());</script>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Maduro calls for peace"}</script>
</head>
<body>
<header class="site-header">
  <nav class="nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li>
  <li><a href="/subscribe">Subscribe now</a></li></ul></nav>
  <div class="search"><form><input type="search" placeholder="Search the site"></form></div>
</header>
<main>
<article>
<h1>Maduro calls for peace at Caracas rally</h1>
<p class="byline">By Ana Pérez, 24 November 2025</p>
""" + "".join(f"<p>{s}</p>\n" for s in ARTICLE) + """</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Oil prices climb as tensions rise</a></li>
<li><a href="/b">Five things to know about the Caribbean deployment</a></li></ul></aside>
</main>
<footer class="footer"><p>© 2025 World News Daily. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> · <a href="/terms">Terms of use</a> ·
<a href="/cookies">Cookie settings</a></p></footer>
<script>document.querySelectorAll('.nav a').forEach(function(a){a.addEventListener('click',
function(){track('nav')})});</script>
</body>
</html>
"""


@pytest.fixture(scope="module")
def fake() -> Analyzer:
    return fake_analyzer()


@pytest.fixture(scope="module")
def use(tmp_path_factory) -> Analyzer:
    return Analyzer.create("use", cache_dir=tmp_path_factory.mktemp("use-cache"))


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# -- empty ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("content", ["", "   ", "\n\n\t \r\n", "\u00a0\u2028 \u3000"])
def test_an_empty_file_is_an_empty_document_error_naming_it(tmp_path, fake, content):
    base = _write(tmp_path, "base.txt", TEXT)
    empty = _write(tmp_path, "blank-rewrite.txt", content)
    with pytest.raises(EmptyDocumentError) as e:
        compare(base, empty, analyzer=fake)
    assert e.value.document == "blank-rewrite" and "blank-rewrite" in str(e.value)


def test_ids_name_the_empty_document(fake):
    with pytest.raises(EmptyDocumentError, match="the-rewrite"):
        compare(TEXT, "   ", ids=["the-base", "the-rewrite"], analyzer=fake)


@pytest.mark.parametrize("which", [0, 1])
def test_pasted_empty_text_is_named_by_its_role(fake, which):
    docs = [TEXT, TEXT]
    docs[which] = " \n "
    with pytest.raises(EmptyDocumentError) as e:
        compare(*docs, analyzer=fake)
    assert e.value.document is not None and e.value.document.startswith(("base", "rewrite"))


def test_only_furniture_is_an_empty_document(fake):
    furniture = ("Recommended Stories\nlist of 4 itemsend of list\nAdvertisement\n3 min read\n"
                 "Share this article")
    with pytest.raises(EmptyDocumentError, match="furniture") as e:
        compare(TEXT, furniture, ids=["b", "furniture-only"], analyzer=fake)
    assert e.value.document == "furniture-only"


# -- binary and undecodable ---------------------------------------------------------------------

def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", (1).to_bytes(4, "big") * 2 + b"\x08\x02\x00\x00\x00")
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


BINARIES = {
    "png": (_png(), "PNG"),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n", "PDF"),
    "zip": (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)), "ZIP"),
    "random-with-nuls": (bytes(np.random.default_rng(7).integers(0, 256, 4000, dtype=np.uint8))
                         + b"\x00\x00", "NUL"),
}


@pytest.mark.parametrize("kind", sorted(BINARIES))
def test_binary_files_are_refused(tmp_path, fake, kind):
    data, what = BINARIES[kind]
    path = _write(tmp_path, f"upload.{kind}", data)
    with pytest.raises(BinaryInputError, match=what) as e:
        compare(TEXT, path, analyzer=fake)
    assert e.value.document == "upload"


def test_control_characters_without_nuls_are_binary(fake):
    data = bytes(np.random.default_rng(3).integers(1, 32, 3000, dtype=np.uint8))
    with pytest.raises(BinaryInputError):
        compare(TEXT, data, analyzer=fake)


def test_undecodable_bytes_are_an_encoding_error(tmp_path, fake):
    # bytes that are not UTF-8 or UTF-16 and decode to C1 control characters in latin-1/cp1252
    data = bytes([0x81, 0x8D, 0x90, 0x9D, 0x8F, 0x85, 0x96]) * 60
    path = _write(tmp_path, "garbled.txt", data)
    with pytest.raises(EncodingError) as e:
        compare(TEXT, path, analyzer=fake)
    assert e.value.document == "garbled"


# -- encodings that must work ---------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "cp1252", "utf-32"])
def test_encodings_decode_to_the_same_report(tmp_path, fake, encoding):
    text = TEXT.replace("Nicolas", "Nicolás")
    plain = compare(text, _write(tmp_path, "r.txt", text.encode("utf-8")), analyzer=fake)
    other = compare(text, _write(tmp_path, "r2.txt", text.encode(encoding)), ids=["base", "r"],
                    analyzer=fake)
    assert other.rewrites[0].text == text  # no byte-order mark, nothing translated
    assert other.comparisons[0].links == plain.comparisons[0].links
    assert other.comparisons[0].drift == 0.0


def test_the_same_russian_text_in_four_encodings_has_no_drift(tmp_path, use):
    text = "\n".join(SENTENCES["ru"])
    base = _write(tmp_path, "base.txt", text.encode("utf-8"))
    rewrites = [_write(tmp_path, f"{codec}.txt", text.encode(codec))
                for codec in ("cp1251", "koi8_r", "utf-16")]
    report = compare(base, *rewrites, analyzer=use)
    assert_report_valid(report)
    assert [d.encoding for d in report.rewrites] == ["cp1251", "koi8-r", "utf-16"]
    assert not report.notices
    for doc, comparison in zip(report.rewrites, report.comparisons, strict=True):
        assert doc.text == text and comparison.drift == 0.0
        assert all(link.base == link.rewrite and not link.shifts for link in comparison.links)


def test_an_encoding_guessed_on_weak_evidence_is_a_notice_naming_the_file(tmp_path, fake):
    short = _write(tmp_path, "short-note.txt", "Maduro sprach über Frieden.".encode("cp1252"))
    report = compare(TEXT, TEXT, short, analyzer=fake)
    (notice,) = report.notices
    assert (notice.code, notice.document) == ("weak-encoding-evidence", "short-note")
    assert notice.message.startswith("short-note.txt is not UTF-8; read as cp1252 on weak evidence")
    assert report.document("short-note").text == "Maduro sprach über Frieden."


# -- one bad document never costs the others ---------------------------------------------------------

def test_a_rewrite_that_cannot_be_read_is_left_out_and_named(tmp_path, fake):
    png = _write(tmp_path, "photo.png", _png())
    blank = _write(tmp_path, "blank.txt", "  \n")
    with pytest.warns(DriftWarning) as warned:
        report = compare(TEXT, png, "\n".join(ARTICLE[:3]), blank, analyzer=fake)
    assert [c.rewrite for c in report.comparisons] == ["rewrite-2"]
    assert [(n.code, n.document) for n in report.notices] == [("unreadable", "photo"),
                                                              ("unreadable", "blank")]
    assert "PNG" in report.notices[0].message and "empty" in report.notices[1].message
    assert len(warned) == 2 and "photo" in str(warned[0].message)
    assert_report_valid(report)
    assert drift.Report.from_json(report.to_json()).notices == report.notices


def test_when_no_rewrite_can_be_read_each_is_named_in_one_error(tmp_path, fake):
    png = _write(tmp_path, "photo.png", _png())
    with pytest.raises(NoReadableRewriteError) as e:
        compare(TEXT, png, "", analyzer=fake)
    assert [f.document for f in e.value.failures] == ["photo", "rewrite-2"]
    assert "photo" in str(e.value) and "rewrite-2" in str(e.value)


def test_a_bad_base_is_still_an_error(tmp_path, fake):
    with pytest.raises(BinaryInputError) as e:
        compare(_write(tmp_path, "base.pdf", BINARIES["pdf"][0]), TEXT, TEXT, analyzer=fake)
    assert e.value.document == "base"


def test_batch_leaves_out_a_bad_rewrite_inside_a_story_and_records_it(tmp_path):
    from drift.batch import run_batch

    story = tmp_path / "stories" / "rally"
    story.mkdir(parents=True)
    _write(story, "base.txt", TEXT)
    _write(story, "a-copy.txt", "\n".join(ARTICLE[:4]))
    _write(story, "b-broken.pdf", BINARIES["pdf"][0])
    _write(story, "c-copy.txt", "\n".join(ARTICLE[1:]))
    out = tmp_path / "out"
    summary = run_batch(tmp_path / "stories", out, model=FakeEmbedder(), cache_dir=False, progress=False)
    report = drift.Report.from_json(out / "reports" / "rally.json")
    assert [c.rewrite for c in report.comparisons] == ["a-copy", "c-copy"]
    assert [(n.code, n.document) for n in report.notices] == [("unreadable", "b-broken")]
    (error,) = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (error["story"], error["rewrite"], error["error"]) == ("rally", "b-broken", "unreadable")
    rows = [json.loads(line) for line in (out / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["rewrite_id"]: Path(r["rewrite"]).name for r in rows} == {"a-copy": "a-copy.txt",
                                                                        "c-copy": "c-copy.txt"}
    assert "1 rewrite could not be read and was left out: rally/b-broken" in summary


# -- HTML -----------------------------------------------------------------------------------------

def test_a_news_page_is_reduced_to_its_article(tmp_path, fake):
    page = _write(tmp_path, "page.html", NEWS_PAGE)
    report = compare(page, TEXT, analyzer=fake)
    text = report.base.text
    for sentence in ARTICLE:
        assert sentence in text
    for furniture in ("dataLayer", "Georgia", "Privacy policy", "Subscribe now", "Oil prices climb",
                      "Cookie settings", "<", "NewsArticle", "track("):
        assert furniture not in text, furniture
    assert_report_valid(report)
    contents = [report.base.sentence_text(i) for i in report.base.content_indices]
    assert all(s in contents for s in ARTICLE)  # offsets point into the extracted text
    links = report.comparisons[0].links
    assert all(link.similarity == 1.0 for link in links if report.base.joined(link.base) in ARTICLE)


def test_an_article_that_mentions_a_tag_is_not_html(fake):
    text = TEXT + "\nThe site wraps each quote in a <blockquote> element, editors said."
    report = compare(text, TEXT, analyzer=fake)
    assert report.base.text == text


# -- shapes of documents ---------------------------------------------------------------------------

def test_a_one_sentence_document(fake):
    report = compare("Maduro called for peace.", "Maduro called for peace in Caracas.", analyzer=fake)
    (link,) = report.comparisons[0].links
    assert link.kind == "1-1" and (1, " in Caracas") in link.diff
    assert_report_valid(report)


def test_identical_documents_have_no_drift(use):
    report = compare(TEXT, TEXT, analyzer=use)
    comparison = report.comparisons[0]
    assert comparison.drift == 0.0
    assert [link.kind for link in comparison.links] == ["1-1"] * len(ARTICLE)
    assert all(link.base == link.rewrite and not link.moved and not link.shifts and link.drift == 0.0
               for link in comparison.links)


def test_unrelated_documents_are_all_deleted_and_inserted(use):
    report = compare(TEXT, UNRELATED, analyzer=use)
    links = report.comparisons[0].links
    assert_report_valid(report)
    assert {link.kind for link in links} == {"deleted", "inserted"}
    assert report.comparisons[0].drift >= 0.9


def test_a_translation_is_aligned_across_languages(tmp_path):
    report = compare(TEXT, " ".join(SPANISH), cache_dir=tmp_path)  # no model named: the languages decide
    assert report.model.name == MULTILINGUAL_MODEL
    assert [report.base.language, report.rewrites[0].language] == ["en", "es"]
    pairs = {link.rewrite: link.base for link in report.comparisons[0].links if link.rewrite}
    assert pairs == {(0,): (0,), (1,): (3,), (2,): (4,)}


def test_a_document_mixing_languages(use):
    mixed = "\n".join([ARTICLE[0], SPANISH[1], "总统呼吁和平。", ARTICLE[4]])
    report = compare(TEXT, mixed, analyzer=use)
    assert_report_valid(report)
    kept = {link.base: link.rewrite for link in report.comparisons[0].links if link.base and link.rewrite}
    assert kept[(0,)] == (0,) and kept[(4,)] == (3,) and kept.get((3,)) == (1,)


def test_a_translation_is_read_with_the_multilingual_model(tmp_path):
    report = compare(TEXT, " ".join(SPANISH), cache_dir=tmp_path)  # no model named: the languages decide
    assert report.model.name == MULTILINGUAL_MODEL
    assert [report.base.language, report.rewrites[0].language] == ["en", "es"]
    assert_report_valid(report)
    links = report.comparisons[0].links
    assert {link.rewrite: link.base for link in links if link.rewrite}[(2,)] == (4,)


@pytest.mark.parametrize(("model", "kept"), [
    ("use", (0, 3, 4)), ("use", (0, 2, 4)), ("fake", (0, 3, 4)), ("fake", (0, 2, 4)), ("fake", (0, 4)),
    ("use", (0, 4)),
])
def test_sentences_dropped_from_a_copy_are_deleted_links(use, fake, model, kept):
    analyzer = use if model == "use" else fake
    report = compare(TEXT, "\n".join(ARTICLE[i] for i in kept), analyzer=analyzer)
    expected = []
    for i in range(len(ARTICLE)):
        expected.append(("1-1", (i,), (kept.index(i),)) if i in kept else ("deleted", (i,), ()))
    assert [(link.kind, link.base, link.rewrite) for link in report.comparisons[0].links] == expected


@pytest.mark.slow
def test_a_5000_sentence_chapter(fake):
    rng = np.random.default_rng(5)
    words = ["troops", "peace", "rally", "strikes", "boats", "carrier", "region", "palace", "crowd", "flags",
             "sovereignty", "freedom", "loyalty", "council", "vote", "budget", "river", "harbour", "winter"]
    base = [f"In part {k} the {' '.join(rng.choice(words, 8))} stood near mark {k}." for k in range(5000)]
    rewrite = [s for k, s in enumerate(base) if k % 97]  # some deleted
    rewrite[100:100] = [f"An added remark number {k} about {' '.join(rng.choice(words, 6))}."
                        for k in range(20)]
    block = rewrite[2000:2010]
    del rewrite[2000:2010]
    rewrite[3000:3000] = block  # a moved passage
    report = compare("\n".join(base), "\n".join(rewrite), analyzer=fake)
    assert len(report.base.sentences) == 5000
    assert_report_valid(report)
    links = report.comparisons[0].links
    assert sum(link.kind == "deleted" for link in links) >= 40
    assert sum(link.moved for link in links) >= 5


def test_200_rewrites_at_once(fake):
    rewrites = []
    for k in range(200):
        lines = list(ARTICLE)
        lines[k % 5] = lines[k % 5].replace("Caracas", f"Caracas, district {k}")
        if k % 3 == 0:
            del lines[(k + 1) % 5]
        rewrites.append("\n".join(lines))
    report = compare(TEXT, *rewrites, analyzer=fake)
    assert len(report.comparisons) == 200
    assert len({d.id for d in report.documents}) == 201
    assert_report_valid(report)
    assert sum(any(link.kind == "deleted" for link in c.links) for c in report.comparisons) == 67


# -- the command line -------------------------------------------------------------------------------

CLI_CASES = {
    "empty": ("", "empty"),
    "binary": (_png(), "PNG"),
    "undecodable": (bytes([0x81, 0x8D, 0x90, 0x9D, 0x8F]) * 50, "neither UTF-8"),
    "missing": (None, "cannot read"),
}


@pytest.mark.parametrize("case", sorted(CLI_CASES))
def test_the_cli_reports_bad_input_in_one_line(tmp_path, case):
    content, expected = CLI_CASES[case]
    base = _write(tmp_path, "base.txt", TEXT)
    bad = tmp_path / f"{case}.txt"
    if content is not None:
        bad.write_bytes(content if isinstance(content, bytes) else content.encode())
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "drift", "compare", str(base), str(bad), "--model", "use",
                           "--no-cache", "-q"], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("drift: error: "), done.stderr
    assert expected in lines[0] and case in lines[0]
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_every_input_error_is_a_drift_error():
    for error in (EmptyDocumentError, BinaryInputError, EncodingError):
        assert issubclass(error, DriftError) and issubclass(error, ValueError)
    assert drift.InputError is not None and codecs.BOM_UTF8  # the public names exist


def test_a_rewrite_of_punctuation_only_is_left_out_with_a_notice():
    import drift

    with pytest.warns(drift.DriftWarning):
        report = drift.compare("The council voted to close two libraries.", "... --- !!! ???",
                               "The council voted to shut two libraries.", model="use", cache_dir=False)
    assert [(n.code, n.document) for n in report.notices] == [("unreadable", "rewrite-1")]
    assert "no words" in report.notices[0].message
    assert [c.rewrite for c in report.comparisons] == ["rewrite-2"]
