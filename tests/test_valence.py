"""Prior polarity of English words (drift/valence.py) and its data (drift/data/valence/, built by
scripts/build_valence.py from VADER's lexicon)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from drift.valence import valence

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "drift" / "data" / "valence"


def test_shipped_data_is_what_the_script_extracts_from_the_pinned_wheel(tmp_path, repo_script):
    wheel = os.environ.get("DRIFT_VADER_WHEEL", "")
    if not wheel or not Path(wheel).exists():
        pytest.skip("set DRIFT_VADER_WHEEL to vaderSentiment-3.3.2-py2.py3-none-any.whl")
    script = repo_script("build_valence")
    script.main([wheel, "--out", str(tmp_path)])
    assert (tmp_path / script.DATA_FILE).read_text() == (DATA / script.DATA_FILE).read_text()
    assert (tmp_path / "ATTRIBUTION").read_text() == (DATA / "ATTRIBUTION").read_text()


def test_attribution_names_source_licence_and_wheel(repo_script):
    text = (DATA / "ATTRIBUTION").read_text(encoding="utf-8")
    assert "VADER" in text and "Hutto" in text and "MIT" in text
    assert repo_script("build_valence").WHEEL_SHA256 in text
    assert "Permission is hereby granted" in text  # the MIT notice travels with the data


def test_data_holds_words_only_on_vaders_scale():
    rows = [line.split("\t") for line in (DATA / "vader.tsv").read_text(encoding="utf-8").splitlines()]
    assert len(rows) > 7000
    assert all(w.islower() and w.replace("-", "").replace("'", "").isalpha() for w, _, _ in rows)
    assert all(-4 <= float(m) <= 4 and float(s) >= 0 for _, m, s in rows)


@pytest.mark.parametrize(("good", "bad"), [
    ("wonderful", "murder"), ("benefit", "suffer"), ("help", "hurt"), ("delighted", "angered"),
    ("happiness", "anger"), ("praised", "criticised"),
])
def test_good_words_are_positive_and_bad_words_negative(good, bad):
    assert 0 < valence(good) <= 1
    assert -1 <= valence(bad) < 0


def test_inflections_and_case_read_their_lemma():
    assert valence("Helped") == valence("helped") == valence("help")
    assert valence("hurting") < 0


def test_un_prefix_turns_the_sign_of_a_rated_word():
    assert valence("harmed") < 0 < valence("unharmed")
    assert valence("helpful") > 0 > valence("unhelpful")


def test_an_unrated_word_takes_the_rating_of_a_main_sense_it_shares():
    # "perish" is unrated; its first sense is die's first sense.
    assert valence("perished") is not None and valence("perished") < 0
    # "frequent" shares a sense with "haunt", but not one of haunt's own main senses.
    assert valence("frequented") is None


def test_part_of_speech_restricts_the_senses_read():
    # the noun "table" is no rated word; the verb shares postpone's sense
    assert valence("table", "NOUN") is None


@pytest.mark.parametrize("word", ["", "   ", "qzxv", "12", "—"])
def test_unknown_or_odd_input_is_unknown(word):
    assert valence(word) is None


def test_import_drift_does_not_read_the_ratings():
    code = ("import drift, drift.valence, drift.shifts; "
            "assert drift.valence._TABLE is None; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert out.stdout.strip() == "ok", out.stderr
