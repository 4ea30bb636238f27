"""Language identification (drift/language.py) on real sentences of many scripts (DEMETR dev)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from drift.language import _SCRIPT_OF, detect_language, script_counts

DEMETR = (Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "demetr-dev"
          / "base_id35_reference.jsonl")
EXPECTED = {"chinese_simple": "zh", "japanese": "ja", "hindi": "hi", "russian": "ru", "german": "de",
            "french": "fr", "spanish": "es", "italian": "it", "polish": "pl", "czech": "cs"}


def items() -> list[dict]:
    if not DEMETR.exists():
        pytest.skip(f"demetr-dev is not there ({DEMETR})")
    return [json.loads(line) for line in DEMETR.read_text(encoding="utf-8").splitlines()]


def test_script_counts_read_each_character_once_in_order_of_first_appearance():
    """Counted per distinct character, the scripts and their order are those of reading the text
    character by character (the order breaks ties between scripts)."""
    for item in items():
        text = item["src_sent"] + " " + item["mt_sent"]
        by_char: Counter[str] = Counter()
        for m in _SCRIPT_OF.finditer(text):
            by_char[m.lastgroup] += 1
        counts = script_counts(text)
        assert list(counts.items()) == list(by_char.items()), text


def test_a_paragraph_of_each_language_is_identified():
    by_language: dict[str, list[str]] = {}
    for item in items():
        by_language.setdefault(item["lang_tag"], []).append(item["src_sent"])
    for tag, sentences in by_language.items():
        assert detect_language(" ".join(sentences[:5])) == EXPECTED[tag], tag
