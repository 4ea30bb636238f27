"""The command line: reports written, one clear line on bad input, no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from drift.cli import main


def run_cli(*args: str, cwd=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "drift", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=600
    )


def test_compare_writes_json_html_and_csv_that_keep_the_contract(seeds, tmp_path, check_report, cache_dir):
    out = tmp_path / "r.json"
    code = main(
        [
            "compare",
            str(seeds["002"]),
            str(seeds["000"]),
            str(seeds["003"]),
            "--json",
            str(out),
            "--html",
            str(tmp_path / "r.html"),
            "--links-csv",
            str(tmp_path / "links.csv"),
            "--shifts-csv",
            str(tmp_path / "shifts.csv"),
            "--model",
            "use",
            "--cache-dir",
            str(cache_dir),
            "--quiet",
        ]
    )
    assert code == 0
    assert check_report(out, inputs=seeds["002"].parent) == []
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [c["rewrite"] for c in report["comparisons"]] == [seeds["000"].stem, seeds["003"].stem]
    assert "<html" in (tmp_path / "r.html").read_text(encoding="utf-8").lower()
    assert (tmp_path / "links.csv").read_text(encoding="utf-8").startswith("base_id,rewrite_id")


def test_presplit_reads_one_sentence_per_line(tmp_path, cache_dir):
    (tmp_path / "de.txt").write_text(
        "Der Gipfel war steil .\nWir stiegen am Morgen auf .\n", encoding="utf-8"
    )
    (tmp_path / "fr.txt").write_text(
        "Le sommet était raide .\nNous sommes montés le matin .\n", encoding="utf-8"
    )
    code = main(
        [
            "compare",
            str(tmp_path / "de.txt"),
            str(tmp_path / "fr.txt"),
            "--presplit",
            "--model",
            "use",
            "--json",
            str(tmp_path / "r.json"),
            "--cache-dir",
            str(cache_dir),
            "--quiet",
        ]
    )
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert code == 0 and [len(d["sentences"]) for d in report["documents"]] == [2, 2]
    assert [(lk["base"], lk["rewrite"]) for lk in report["comparisons"][0]["links"]] == [
        ([0], [0]),
        ([1], [1]),
    ]


def test_python_dash_m_prints_a_summary(seeds, cache_dir):
    result = run_cli(
        "compare", str(seeds["002"]), str(seeds["001"]), "--model", "use", "--cache-dir", str(cache_dir)
    )
    assert result.returncode == 0, result.stderr
    assert seeds["001"].stem in result.stdout and "drift" in result.stdout


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"   \n\n  ", "is empty"),
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(seeds, tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run_cli("compare", str(seeds["002"]), str(bad), "--model", "use", "--no-cache")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines[-1].startswith("drift: error: document 'bad'") and message in lines[-1]


def test_a_missing_file_is_a_clear_error(tmp_path):
    result = run_cli("compare", str(tmp_path / "nope.txt"), str(tmp_path / "nope2.txt"), "--model", "use")
    assert result.returncode == 2 and "Traceback" not in result.stderr and "nope" in result.stderr


# -- bad rewrites, notices, input formats -------------------------------------------------------------

ARTICLE = ("Maduro told a crowd in Caracas that his country wanted peace.\n"
           "The US has amassed 15,000 troops in the region.\n"
           "It has carried out at least 21 strikes on alleged drug boats since September.\n")


def test_a_bad_rewrite_among_good_ones_is_named_and_the_others_are_analysed(tmp_path, cache_dir):
    base = tmp_path / "base.txt"
    base.write_text(ARTICLE, encoding="utf-8")
    good = tmp_path / "copy.txt"
    good.write_text(ARTICLE.replace("15,000", "about 15,000"), encoding="utf-8")
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    out = tmp_path / "r.json"
    result = run_cli("compare", str(base), str(bad), str(good), "--model", "use",
                     "--cache-dir", str(cache_dir), "--json", str(out))
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stderr.splitlines()
             if line.startswith(("drift: warning", "drift: error"))]
    assert lines == ["drift: warning: scan: could not be read and was left out: this is a PDF file, not text"]
    assert "Traceback" not in result.stderr and "copy" in result.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [c["rewrite"] for c in report["comparisons"]] == ["copy"]
    assert report["notices"][0]["code"] == "unreadable" and report["notices"][0]["document"] == "scan"


def test_when_no_rewrite_can_be_read_each_gets_an_error_line_and_the_exit_code_is_2(tmp_path):
    base = tmp_path / "base.txt"
    base.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run_cli("compare", str(base), str(tmp_path / "empty.txt"), str(tmp_path / "image.txt"),
                     "--model", "use", "--no-cache")
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("drift: error: document '") for line in lines)
    assert "'empty'" in lines[0] and "'image'" in lines[1] and "PNG" in lines[1]


def test_every_notice_prints_as_one_warning_line(capsys):
    from drift.cli import print_notices
    from drift.report import ModelInfo, Notice, Report

    report = Report(documents=(), comparisons=(), model=ModelInfo("m", 2), notices=(
        Notice("language-not-covered", "r1 is in 'sw', which m was not trained on.", "r1"),
        Notice("weak-encoding-evidence", "r2.txt is not UTF-8; read as cp1252 on weak evidence.", "r2"),
        Notice("something-new", "applies to the whole report.")))
    print_notices(report)
    assert capsys.readouterr().err.splitlines() == [
        "drift: warning: r1: r1 is in 'sw', which m was not trained on.",
        "drift: warning: r2: r2.txt is not UTF-8; read as cp1252 on weak evidence.",
        "drift: warning: report: applies to the whole report."]


def test_a_legacy_file_decoded_on_weak_evidence_is_a_warning_line(tmp_path, cache_dir):
    base = tmp_path / "base.txt"
    base.write_text(ARTICLE, encoding="utf-8")
    short = tmp_path / "kurz.txt"
    short.write_bytes("Maduro sprach über Frieden.".encode("cp1252"))
    result = run_cli("compare", str(base), str(short), "--model", "use", "--cache-dir", str(cache_dir), "-q")
    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("drift:")]
    assert line.startswith("drift: warning: kurz: kurz.txt is not UTF-8; read as cp1252 on weak evidence")


def test_input_format_decides_how_a_page_is_read(tmp_path, cache_dir):
    page = tmp_path / "page.html"
    page.write_text("<p>" + ARTICLE.replace("\n", "</p><p>") + "</p>", encoding="utf-8")
    out = tmp_path / "r.json"
    for fmt, expected in (("auto", "html"), ("text", "text")):
        code = main(["compare", str(page), str(page), "--input-format", fmt, "--model", "use",
                     "--cache-dir", str(cache_dir), "--json", str(out), "--quiet"])
        documents = json.loads(out.read_text(encoding="utf-8"))["documents"]
        assert code == 0 and {d["input_format"] for d in documents} == {expected}
        assert ("<p>" in documents[0]["text"]) == (fmt == "text")


def test_help_says_what_each_exit_status_means():
    result = run_cli("compare", "--help")
    text = " ".join(result.stdout.split())
    assert "exit status: 0 done; 1 done, but some rewrites could not be read" in text
    assert "--input-format {auto,text,html}" in result.stdout


def test_batch_takes_the_input_format_too(tmp_path, cache_dir):
    story = tmp_path / "stories" / "page-story"
    story.mkdir(parents=True)
    (story / "base.html").write_text("<p>" + ARTICLE.replace("\n", "</p><p>") + "</p>", encoding="utf-8")
    (story / "copy.txt").write_text(ARTICLE, encoding="utf-8")
    code = main(["batch", str(tmp_path / "stories"), "--out", str(tmp_path / "out"), "--input-format", "text",
                 "--model", "use", "--cache-dir", str(cache_dir), "--quiet"])
    report = json.loads((tmp_path / "out" / "reports" / "page-story.json").read_text(encoding="utf-8"))
    assert code == 0 and [d["input_format"] for d in report["documents"]] == ["text", "text"]
    assert report["documents"][0]["text"].startswith("<p>")


def test_a_rerun_is_served_from_the_report_cache_without_loading_the_pipeline(tmp_path):
    from drift.report import Report

    base, rewrite = tmp_path / "base.txt", tmp_path / "rewrite.txt"
    base.write_text("The police arrested the protesters on Monday. The mayor said nothing.", encoding="utf-8")
    rewrite.write_text("The protesters arrested the police on Monday. The mayor kept quiet.",
                       encoding="utf-8")
    probe = ("import runpy, sys\nsys.argv = ['drift', 'compare', {0!r}, {1!r}, '--model', 'use', "
             "'--cache-dir', {2!r}, '--json', {3!r}]\n"
             "try:\n    runpy.run_module('drift', run_name='__main__')\n"
             "except SystemExit as e:\n    assert e.code == 0, e.code\n"
             "print('LOADED', 'drift.pipeline' in sys.modules, 'pandas' in sys.modules)")
    outputs = []
    for k in range(2):
        code = probe.format(str(base), str(rewrite), str(tmp_path / "cache"), str(tmp_path / f"r{k}.json"))
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600,
                              env={**os.environ, "HF_HUB_OFFLINE": "1"})
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout.splitlines())
    assert outputs[0][-1] == "LOADED True False"  # computed; printing the summary needs no pandas
    assert outputs[1][-1] == "LOADED False False"  # served from the report cache
    assert outputs[0][:-1] == outputs[1][:-1]
    reports = [(tmp_path / f"r{k}.json").read_text(encoding="utf-8") for k in range(2)]
    assert reports[0] == reports[1]
    row = Report.from_json(reports[1]).summary_frame().iloc[0]
    assert outputs[1][2].split() == [row.rewrite_id, f"{row.drift:.3f}", *(str(row[c]) for c in (
        "links", "deleted", "inserted", "moved", "severe"))]
