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
