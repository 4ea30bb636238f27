"""Corpus runs: one report per story and a corpus table, locally and on a local Dask cluster."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import drift
from drift.batch import CORPUS_COLUMNS, Story, iter_stories, run_batch
from drift.errors import InputError

REPO = Path(__file__).resolve().parents[1]
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01"
       b"\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")


def _variant(text: str) -> str:
    """A tiny rewrite: the second paragraph dropped, a figure changed, "said" made "claimed"."""
    lines = text.splitlines()
    del lines[1]
    out = "\n".join(lines).replace("15,000", "25,000").replace(" said ", " claimed ", 1)
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seeds) -> Path:
    """Three good stories (two base rules) and one broken story (a PNG as a rewrite)."""
    root = tmp_path_factory.mktemp("corpus")
    def head(seed: str, lines: int = 12) -> str:  # the first paragraphs keep each run quick
        return "\n".join(seeds[seed].read_text(encoding="utf-8").splitlines()[:lines])

    base = head("002")
    short = head("002", 9)

    one = root / "venezuela"
    one.mkdir()
    (one / "base.txt").write_text(base, encoding="utf-8")
    (one / "000.txt").write_text(head("000"), encoding="utf-8")
    (one / "001.txt").write_text(head("001"), encoding="utf-8")

    two = root / "short-story"  # no base.* file: the first file in sorted order is the base
    two.mkdir()
    (two / "a-original.txt").write_text(short, encoding="utf-8")
    (two / "b-variant.txt").write_text(_variant(short), encoding="utf-8")
    (two / "c-same.txt").write_text(short, encoding="utf-8")

    three = root / "zz editorial"  # a space in the id, and a base file marked in upper case
    three.mkdir()
    (three / "0-first.txt").write_text(head("004"), encoding="utf-8")
    (three / "Base.txt").write_text(head("003"), encoding="utf-8")

    broken = root / "broken"
    broken.mkdir()
    (broken / "base.txt").write_text(short, encoding="utf-8")
    (broken / "photo.png").write_bytes(PNG)
    (root / ".hidden").mkdir()  # ignored
    return root


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    """One vector cache for the module's runs (each run still analyses every story afresh)."""
    return tmp_path_factory.mktemp("batch-cache")


@pytest.fixture(scope="module")
def local_run(corpus, cache, tmp_path_factory):
    out = tmp_path_factory.mktemp("out-local")
    summary = run_batch(corpus, out, model="use", cache_dir=cache, progress=False)
    return out, summary


def _reports(out: Path) -> dict[str, dict]:
    return {p.stem: drift.load_report(p).to_dict() for p in sorted((out / "reports").glob("*.json"))}


def _table(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]


def test_the_folder_rules_pick_each_storys_base(corpus):
    stories = {s.id: s for s in iter_stories(corpus)}
    assert list(stories) == ["broken", "short-story", "venezuela", "zz editorial"]
    assert stories["venezuela"].base.name == "base.txt"
    assert [p.name for p in stories["venezuela"].rewrites] == ["000.txt", "001.txt"]
    assert stories["short-story"].base.name == "a-original.txt"
    assert stories["zz editorial"].base.name == "Base.txt"
    assert [p.name for p in stories["zz editorial"].rewrites] == ["0-first.txt"]
    assert stories["zz editorial"].file_name == "zz_editorial"
    assert all(s.problem is None for s in stories.values())


def test_story_problems_are_reported_per_story(tmp_path):
    (tmp_path / "two-bases").mkdir()
    (tmp_path / "two-bases" / "base.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "two-bases" / "base.html").write_text("B.", encoding="utf-8")
    (tmp_path / "alone").mkdir()
    (tmp_path / "alone" / "base.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    problems = {s.id: s.problem for s in iter_stories(tmp_path)}
    assert "more than one base" in problems["two-bases"]
    assert "no rewrite" in problems["alone"]
    assert "no files" in problems["empty"]
    with pytest.raises(InputError, match="neither a folder"):
        list(iter_stories(tmp_path / "missing"))


def test_a_manifest_reads_like_a_folder(corpus, tmp_path):
    lines = [
        json.dumps({"story": "v", "base": str(corpus / "venezuela" / "base.txt"),
                    "rewrites": [str(corpus / "venezuela" / "000.txt")]}),
        "",
        "{not json",
        json.dumps({"story": "rel", "base": "b.txt", "rewrites": ["r.txt"]}),
        json.dumps({"story": "v", "base": "b.txt", "rewrites": ["r.txt"]}),
        json.dumps({"story": "bad", "base": 3}),
    ]
    manifest = tmp_path / "stories.jsonl"
    manifest.write_text("\n".join(lines), encoding="utf-8")
    stories = list(iter_stories(manifest))
    assert [s.id for s in stories] == ["v", "line-3", "rel", "v", "bad"]
    assert stories[0] == Story("v", corpus / "venezuela" / "base.txt", (corpus / "venezuela" / "000.txt",))
    assert stories[2].base == tmp_path / "b.txt" and stories[2].rewrites == (tmp_path / "r.txt",)
    assert "not JSON" in stories[1].problem
    assert "repeats" in stories[3].problem
    assert "needs" in stories[4].problem


def test_a_local_run_writes_reports_table_and_errors(local_run, corpus, check_report):
    out, summary = local_run
    assert sorted(p.name for p in (out / "reports").iterdir()) == [
        "short-story.json", "venezuela.json", "zz_editorial.json"]
    for path in (out / "reports").glob("*.json"):
        assert check_report(path) == []
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["story"], e["error"]) for e in errors] == [("broken", "BinaryInputError")]
    assert "PNG" in errors[0]["message"] and "photo" in errors[0]["message"]
    rows = _table(out)
    assert {Path(r["rewrite"]).name for r in rows if r["story"] == "venezuela"} == {"000.txt", "001.txt"}
    assert [r["story"] for r in rows] == ["short-story"] * 2 + ["venezuela"] * 2 + ["zz editorial"]
    assert len(rows) == 5 and all(list(r) == CORPUS_COLUMNS for r in rows)
    same = next(r for r in rows if r["rewrite_id"] == "c-same")
    assert same["drift"] == 0.0 and same["deleted"] == same["inserted"] == 0
    variant = next(r for r in rows if r["rewrite_id"] == "b-variant")
    assert variant["drift"] > 0 and variant["shifts"] >= 1
    frame = pd.read_parquet(out / "corpus.parquet")
    assert frame.to_dict("records") == rows
    assert re.search(r"4 stories: 3 analysed, 0 already done, 1 failed", summary)
    # the one story without a base.* file says which file it took as its base
    assert "1 story has no file named base.*" in summary and "short-story: a-original.txt" in summary


def test_batch_reports_equal_compare(local_run, corpus, cache):
    out, _ = local_run
    story = corpus / "venezuela"
    direct = drift.compare(story / "base.txt", story / "000.txt", story / "001.txt", model="use",
                           cache_dir=cache)
    assert drift.load_report(out / "reports" / "venezuela.json").to_dict() == direct.to_dict()


def test_dask_gives_the_same_reports_and_table(local_run, corpus, cache, tmp_path):
    out, _ = local_run
    dask_out = tmp_path / "out-dask"
    summary = run_batch(corpus, dask_out, model="use", cache_dir=cache, dask="local",
                        workers=2, progress=False, html=True)
    assert "3 analysed" in summary and "1 failed" in summary
    assert _reports(dask_out) == _reports(out)
    assert _table(dask_out) == _table(out)
    errors = (dask_out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(e)["story"] for e in errors] == ["broken"]
    page = (dask_out / "reports" / "venezuela.html").read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")


def test_a_second_run_resumes(corpus, cache, tmp_path):
    out = tmp_path / "out"
    run_batch(corpus, out, model="use", cache_dir=cache, progress=False)
    reports = out / "reports"
    stamps = {p.name: p.stat().st_mtime_ns for p in reports.glob("*.json")}
    table = _table(out)

    summary = run_batch(corpus, out, model="use", cache_dir=cache, progress=False)
    assert "0 analysed, 3 already done, 1 failed" in summary  # the broken story is tried again
    assert {p.name: p.stat().st_mtime_ns for p in reports.glob("*.json")} == stamps
    assert _table(out) == table

    (reports / "venezuela.json").unlink()
    (reports / "short-story.json").write_text('{"format": "drift-report/1", "docu', encoding="utf-8")
    summary = run_batch(corpus, out, model="use", cache_dir=cache, progress=False)
    assert "2 analysed, 1 already done, 1 failed" in summary
    assert (reports / "zz_editorial.json").stat().st_mtime_ns == stamps["zz_editorial.json"]
    assert drift.load_report(reports / "short-story.json").comparisons
    assert _table(out) == table
    assert not list(reports.glob(".*"))  # no temporary files left behind


def test_a_report_missing_a_new_rewrite_is_redone(corpus, cache, tmp_path):
    import shutil

    story_dir = tmp_path / "stories" / "s"
    shutil.copytree(corpus / "short-story", story_dir)
    out = tmp_path / "out"
    run_batch(tmp_path / "stories", out, model="use", cache_dir=cache, progress=False)
    (story_dir / "d-new.txt").write_text(_variant((story_dir / "c-same.txt").read_text(encoding="utf-8")),
                                         encoding="utf-8")
    summary = run_batch(tmp_path / "stories", out, model="use", cache_dir=cache, progress=False)
    assert "1 analysed" in summary
    assert len(drift.load_report(out / "reports" / "s.json").comparisons) == 3


def test_an_output_folder_inside_the_corpus_is_not_a_story(corpus, cache, tmp_path):
    import shutil

    stories = tmp_path / "stories"
    shutil.copytree(corpus / "short-story", stories / "s")
    first = run_batch(stories, stories / "out", model="use", cache_dir=cache, progress=False)
    second = run_batch(stories, stories / "out", model="use", cache_dir=cache, progress=False)
    assert first.startswith("1 story: 1 analysed") and second.startswith("1 story: 0 analysed, 1 already")


def test_the_cli_runs_a_batch_end_to_end(corpus, cache, tmp_path):
    out = tmp_path / "cli-out"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "drift", "batch", str(corpus), "--out", str(out),
                           "--model", "use", "--cache-dir", str(cache), "--html"],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "4 stories: 3 analysed, 0 already done, 1 failed" in done.stdout
    assert "Traceback" not in done.stderr
    assert len(list((out / "reports").glob("*.json"))) == 3
    assert len(list((out / "reports").glob("*.html"))) == 3
    assert len(_table(out)) == 5

    missing = subprocess.run([sys.executable, "-m", "drift", "batch", str(tmp_path / "nowhere"), "--out",
                              str(out), "-q"], capture_output=True, text=True, env=env, timeout=120)
    assert missing.returncode == 2
    assert missing.stderr.strip().count("\n") == 0
    assert missing.stderr.startswith("drift: error: ") and "neither a folder" in missing.stderr


def test_the_cli_runs_a_batch_on_a_local_dask_cluster(corpus, cache, local_run, tmp_path):
    # workers are spawned processes that re-import the main module (here drift.__main__)
    out = tmp_path / "cli-dask"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "drift", "batch", str(corpus), "--out", str(out), "--dask",
                           "local", "--workers", "2", "--model", "use", "--cache-dir", str(cache), "-q"],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert _reports(out) == _reports(local_run[0])


def test_each_document_is_read_for_other_languages_once_and_the_notice_comes_once(tmp_path, monkeypatch):
    """The mixed-language check chooses the story's model and gives its notice: one reading."""
    from test_properties import FakeEmbedder

    import drift.pipeline

    story = tmp_path / "corpus" / "flood"
    story.mkdir(parents=True)
    (story / "base.txt").write_text(
        "Heavy rain caused the river to burst its banks in the town on Tuesday morning.\n"
        "At least twelve people were killed, according to the regional health ministry.\n", encoding="utf-8")
    (story / "rewrite.txt").write_text(
        "Heavy rain made the river burst its banks in the town on Tuesday morning.\n"
        "Der Bürgermeister sagte, die neue Schutzmauer habe den größten Teil der Nacht gehalten.\n"
        "At least twelve people died, the regional health ministry said.\n", encoding="utf-8")
    read: list[str | None] = []
    real = drift.pipeline.other_languages

    def counted(lines, language):
        read.append(language)
        return real(lines, language)

    monkeypatch.setattr(drift.pipeline, "other_languages", counted)
    run_batch(tmp_path / "corpus", tmp_path / "out", model=FakeEmbedder(), cache_dir=False, progress=False)
    assert read == ["en", "en"]  # base and rewrite, once each
    notices = drift.load_report(tmp_path / "out" / "reports" / "flood.json").notices
    assert [(n.code, n.document) for n in notices if n.code == "mixed-language"] == [
        ("mixed-language", "rewrite")]
