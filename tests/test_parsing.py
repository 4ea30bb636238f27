"""The English parse: loaded by path, cached by sentence, mapped back to document offsets."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from drift import parsing
from drift.report import Document, Sentence
from drift.shifts.text import Side

REPO = Path(__file__).resolve().parents[1]

needs_parser = pytest.mark.skipif(not parsing.parser_available(),
                                  reason="spaCy or en_core_web_sm 3.8.0 is not installed "
                                         "(requirements/spacy-model.txt)")


def test_model_requirement_is_pinned_by_hash():
    lines = [x for x in (REPO / "requirements" / "spacy-model.txt").read_text().splitlines()
             if x.strip() and not x.startswith("#")]
    assert len(lines) == 1
    name, _, hashes = lines[0].partition(" --hash=sha256:")
    assert name == f"{parsing.MODEL_PACKAGE.replace('_', '-')}=={parsing.MODEL_VERSION}"
    assert len(hashes) == 64 and all(c in "0123456789abcdef" for c in hashes)


@needs_parser
def test_model_folder_is_found_without_running_the_package():
    code = ("import sys; from drift import parsing; p = parsing.model_path(); "
            "print((p / 'config.cfg').is_file(), parsing.MODEL_PACKAGE in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                         timeout=120)
    assert out.stdout.split() == ["True", "False"], out.stderr


@needs_parser
def test_parse_reads_roles_and_is_cached_by_text():
    doc = parsing.parse("The protesters were attacked by the police.")
    deps = {t.text: t.dep_ for t in doc}
    assert deps["protesters"] == "nsubjpass" and deps["police"] == "pobj"
    assert parsing.parse("The protesters were attacked by the police.") is doc


@needs_parser
def test_parse_side_spans_point_at_the_document_text():
    text = "Intro line.  The bank sued the city on Monday. It did not win."
    doc = Document("d", "base", text, (Sentence(0, 11), Sentence(13, 46), Sentence(47, 62)))
    side = Side(doc, (1, 2))
    parsed = parsing.parse_side(side)
    assert parsed is parsing.parse_side(side)  # kept on the side
    words = [text[slice(*parsed.span(k, t))] for k, t in parsed.tokens()]
    assert words == [t.text for _, t in parsed.tokens()]
    assert words[:3] == ["The", "bank", "sued"] and words[-2:] == ["win", "."]
    (k, monday), = [(k, e) for k, e in parsed.ents() if e.label_ == "DATE"]
    assert text[slice(*parsed.span(k, monday))] == "Monday"


def test_without_the_model_nothing_is_parsed_and_a_notice_says_why(monkeypatch):
    monkeypatch.setattr(parsing, "_state", {"nlp": None, "problem": "spaCy is not installed"})
    parsing.clear_cache()
    doc = Document("d", "base", "The bank sued the city.", (Sentence(0, 23),))
    assert not parsing.parser_available()
    assert parsing.parse("The bank sued the city.") is None
    assert parsing.parse_side(Side(doc, (0,))) is None
    notice = parsing.parser_notice()
    assert notice.code == "parser-missing" and "spaCy is not installed" in notice.message
    parsing.clear_cache()


def test_a_report_says_when_the_structure_checks_were_skipped(monkeypatch):
    import drift

    monkeypatch.setattr(parsing, "_state", {"nlp": None, "problem": "spaCy is not installed"})
    parsing.clear_cache()
    report = drift.compare("The police arrested the protesters on Monday.",
                           "The protesters arrested the police on Monday.", model="use", cache_dir=False)
    assert [n.code for n in report.notices] == ["parser-missing"]
    parsing.clear_cache()


def test_a_report_that_needed_no_parse_loads_no_parser(monkeypatch):
    monkeypatch.setattr(parsing, "_state", {})
    assert parsing.parser_notice() is None and parsing._state == {}


def test_a_parser_preloaded_in_vain_leaves_no_notice_until_a_parse_is_wanted(monkeypatch):
    """A load ahead of need (:func:`drift.parsing.preload`, run beside the encoding) that fails
    records nothing: only a parse that was wanted reports the missing parser."""
    def missing():
        raise FileNotFoundError("no model folder")

    monkeypatch.setattr(parsing, "_state", {})
    monkeypatch.setattr(parsing, "model_path", missing)
    parsing.clear_cache()
    parsing.preload()
    assert parsing._state == {} and parsing.parser_notice() is None
    assert parsing.parse("The bank sued the city.") is None
    assert "no model folder" in parsing.parser_notice().message
    parsing.clear_cache()


def test_inside_disabled_nothing_is_parsed():
    with parsing.disabled():
        assert not parsing.parser_available()
        assert parsing.parse("The bank sued the city.") is None


@pytest.mark.parametrize("body", ["import drift", "import drift.pipeline, drift.shifts, drift.parsing"])
def test_importing_drift_does_not_import_spacy(body):
    code = f"import sys; {body}; print(sorted(m for m in sys.modules if m.split('.')[0] == 'spacy'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@needs_parser
def test_a_batch_parses_as_one_sentence_at_a_time_and_fills_the_cache():
    texts = ["The bank sued the city on Monday.", "It did not win, the court said.",
             "Will the minister resign before May?", "The bank sued the city on Monday."]
    nlp = parsing._load()
    parsing.clear_cache()
    docs = parsing.parse_all(texts)
    assert docs[0] is docs[3] and parsing.parse(texts[1]) is docs[1]  # served from the cache
    for text, doc in zip(texts, docs, strict=True):
        alone = nlp(text)
        assert [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in doc] == \
            [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in alone]
    assert parsing.parse_all(["x" * (parsing.MAX_SENTENCE_CHARS + 1)]) == [None]
    with parsing.disabled():
        assert parsing.parse_all(texts) == [None] * 4


@needs_parser
def test_parse_sides_parses_every_sentence_of_the_sides_at_once():
    text = "The bank sued the city. It did not win. The mayor smiled."
    doc = Document("d", "base", text, (Sentence(0, 23), Sentence(24, 39), Sentence(40, 58)))
    parsing.clear_cache()
    parsing.parse_sides([Side(doc, (0, 1)), Side(doc, (2,))])
    assert list(parsing._cache) == ["The bank sued the city.", "It did not win.", "The mayor smiled."]
    parsed = parsing.parse_side(Side(doc, (1, 2)))
    assert parsed.sentences == (parsing._cache["It did not win."], parsing._cache["The mayor smiled."])


def _probe(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


@needs_parser
@pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="torch is not installed")
def test_without_torch_interop_spacy_parses_alike_and_torch_still_imports_later():
    parse = ("d = parsing.parse('The police arrested the protesters on Monday.'); "
             "print('|'.join(f'{t.dep_}:{t.head.i}:{t.ent_type_}' for t in d)); ")
    skipped = _probe("import sys; from drift import parsing; parsing.skip_torch_interop(); " + parse
                     + "print('torch' in sys.modules); import torch; print(int(torch.ones(3).sum()))")
    usual = _probe("import sys; from drift import parsing; " + parse + "print('torch' in sys.modules)")
    assert skipped == [usual[0], "False", "3"]  # same parse, no torch until asked for, then torch works
    assert usual[1] == "True"  # thinc imports torch when it is installed: what skip_torch_interop saves


@needs_parser
@pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="torch is not installed")
def test_skipping_torch_interop_does_nothing_once_torch_is_loaded():
    code = ("import torch, thinc.compat; from drift import parsing; parsing.skip_torch_interop(); "
            "parsing.parse('It rained.'); print(thinc.compat.has_torch)")
    assert _probe(code) == ["True"]
