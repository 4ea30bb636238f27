"""Sentence splitters and language identification, measured per language on real text.

Segmentation: sentences known from the data are joined into paragraphs and each splitter must find
the joins again. Precision and recall are over sentence boundaries (a boundary = where a sentence
starts inside its paragraph; exact offsets).

* Text+Berg de / fr (``shared/benchmarks/textberg``, test and dev): one sentence per line of real
  articles, tokenised. Lines are detokenised (no space before . , ) ; no space after an elision
  apostrophe; French keeps its space before ; : ! ?) and runs of up to 6 consecutive lines that end
  in . ! ? (or a closing quote after one) are joined with a space into a paragraph. A line that does
  not end so (a heading, a clause ending in ; or :) is a paragraph of its own: it can only cost
  precision.
* demetr-dev ``src_sent`` (zh, ja, hi, ru, pl, cs, de, fr, es, it): 30 single sentences per
  language, by id; each 10 consecutive ones are a paragraph, joined without a space in Chinese and
  Japanese, with one elsewhere (27 boundaries per language).

Language identification: each demetr-dev ``src_sent`` alone; "py3langid" is drift 0.1.0's rule
(py3langid from 20 letters, probability >= 0.5, else no language), "drift" is
:func:`drift.language.detect_language` (the script first).

    .venv/bin/python benchmarks/segmentation.py

Measured (boundary precision / recall; "+repair" = the splitter behind drift's apostrophe masking
and :func:`drift.segmenting.repair`, which is what drift runs; its choice per language is
``drift.segmenting.SPLITTER_FOR``: pysbd everywhere here except Hindi, where sentencex wins):

    data            gold     pysbd        sentencex    pysbd+repair  sentencex+repair
    textberg-de      916    0.951 0.978   0.921 0.919   0.989 0.983   0.933 0.924
    textberg-fr      939    0.916 0.963   0.839 0.953   0.930 0.969   0.883 0.954
    demetr-zh         27    1.000 1.000   1.000 1.000   1.000 1.000   1.000 1.000
    demetr-ja         27    1.000 1.000   1.000 0.926   1.000 1.000   1.000 1.000
    demetr-hi         27    1.000 0.926   0.964 1.000   1.000 0.926   0.964 1.000
    demetr-ru         27    1.000 1.000   1.000 1.000   1.000 1.000   1.000 1.000
    demetr-pl         27    0.900 1.000   0.880 0.815   1.000 1.000   1.000 0.815
    demetr-cs         27    0.900 1.000   1.000 1.000   1.000 1.000   1.000 1.000
    demetr-de         27    1.000 1.000   1.000 1.000   1.000 1.000   1.000 1.000
    demetr-fr         27    1.000 1.000   1.000 1.000   1.000 1.000   1.000 1.000
    demetr-es         27    1.000 1.000   0.964 1.000   1.000 1.000   1.000 1.000
    demetr-it         27    1.000 0.926   1.000 0.926   1.000 0.926   1.000 0.926

Text+Berg's remaining "errors" are mostly its own: its lines keep "8125 m. La première" together
and break OCR-hyphenated words ("klärung"), and Swiss prices ("Fr. 42.-") read as sentence ends.
drift 0.1.0 split every line with pysbd's English rules unless the document's language was known,
and a short CJK or Hindi document got none: zh and ja then came out as one sentence per paragraph.

Language of one demetr-dev ``src_sent`` (30 per language), accuracy py3langid alone -> drift, on the
whole sentence / on its first clause (up to the first comma, at most 15 characters):

    zh  0.967 -> 1.000   0.000 -> 1.000        ru  0.967 -> 0.967   0.000 -> 0.000
    ja  0.933 -> 1.000   0.000 -> 0.967        fr  0.967 -> 0.967   0.000 -> 0.000
    hi  1.000 -> 1.000   0.000 -> 1.000        de, pl, cs, es, it  1.000 -> 1.000   0.000 -> 0.000

A short Latin or Cyrillic text still gets no language (fewer than 20 letters: the statistics are
not worth reporting there); the one Japanese clause missed is all kanji. The "fr" sentence missed
is Italian in the data itself; the Russian one py3langid takes for Bulgarian.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from drift.language import detect_language  # noqa: E402
from drift.segmenting import sentence_spans  # noqa: E402

SHARED = HERE.parent.parent / "shared" / "benchmarks"
DEMETR_LANGUAGES = {"chinese_simple": "zh", "japanese": "ja", "hindi": "hi", "russian": "ru",
                    "polish": "pl", "czech": "cs", "german": "de", "french": "fr", "spanish": "es",
                    "italian": "it"}
_ENDS = re.compile(r"[.!?]( ?[\"'\u00bb\u201c\u201d])?$")
PARAGRAPH_LINES = 6
DEMETR_PARAGRAPH = 10


def detokenise(line: str, language: str) -> str:
    """Text+Berg's tokenised line as printed: no space before closing punctuation."""
    line = " ".join(line.split())
    line = re.sub(r" ([.,)\]])" if language == "fr" else r" ([.,;:!?)\]])", r"\1", line)
    line = re.sub(r"([(\[]) ", r"\1", line)
    return re.sub(r"(\w['\u2019]) (?=\w)", r"\1", line)


def textberg_paragraphs(language: str) -> list[list[str]]:
    """Paragraphs (lists of sentences) from every Text+Berg article of one language."""
    root = SHARED / "textberg"
    files = sorted((root / language).iterdir()) + [root / "dev" / f"dev.{language}"]
    paragraphs: list[list[str]] = []
    for path in files:
        run: list[str] = []
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = detokenise(raw, language)
            if line.startswith("\u00bb ") and run:  # a closing guillemet printed on the next line
                run[-1] += " \u00bb"
                line = line[2:]
            if not line:
                continue
            if _ENDS.search(line):
                run.append(line)
                if len(run) == PARAGRAPH_LINES:
                    paragraphs.append(run)
                    run = []
                continue
            if run:
                paragraphs.append(run)
                run = []
            paragraphs.append([line])
        if run:
            paragraphs.append(run)
    return paragraphs


def demetr_items() -> dict[str, list[str]]:
    """Each source language's ``src_sent`` sentences, ordered by id."""
    by_language: dict[str, dict[int, str]] = defaultdict(dict)
    with open(SHARED / "demetr-dev" / "base_id35_reference.jsonl", encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            by_language[DEMETR_LANGUAGES[item["lang_tag"]]][item["id"]] = item["src_sent"].strip()
    return {code: [s for _, s in sorted(items.items())] for code, items in by_language.items()}


def demetr_paragraphs(language: str, items: list[str]) -> list[list[str]]:
    return [items[i:i + DEMETR_PARAGRAPH] for i in range(0, len(items), DEMETR_PARAGRAPH)]


def boundary_scores(paragraphs: list[list[str]], language: str, splitter: str, repaired: bool
                    ) -> tuple[float, float, int]:
    """Boundary precision, recall and the number of gold boundaries."""
    glue = "" if language in ("zh", "ja") else " "
    hits = predicted = gold = 0
    for sentences in paragraphs:
        text = glue.join(sentences)
        truth, at = set(), 0
        for s in sentences[:-1]:
            at += len(s) + len(glue)
            truth.add(at)
        found = {start for start, _ in sentence_spans(text, language, splitter=splitter,
                                                      repaired=repaired)[1:]}
        hits += len(truth & found)
        predicted += len(found)
        gold += len(truth)
    return hits / max(predicted, 1), hits / max(gold, 1), gold


def old_detect(text: str) -> str | None:
    """drift 0.1.0: py3langid from 20 letters with probability >= 0.5."""
    from drift.language import _identifier

    if sum(c.isalpha() for c in text) < 20:
        return None
    code, probability = _identifier().classify(text)
    return code if probability >= 0.5 else None


def main() -> None:
    items = demetr_items()
    data = [(f"textberg-{lang}", lang, textberg_paragraphs(lang)) for lang in ("de", "fr")]
    data += [(f"demetr-{lang}", lang, demetr_paragraphs(lang, items[lang]))
             for lang in DEMETR_LANGUAGES.values()]
    columns = [("pysbd", False), ("sentencex", False), ("pysbd", True), ("sentencex", True)]
    print(f"{'data':14} {'gold':>5}  " + "  ".join(
        f"{name + ('+repair' if rep else ''):>16}" for name, rep in columns))
    for label, lang, paragraphs in data:
        cells = []
        gold = 0
        for name, rep in columns:
            p, r, gold = boundary_scores(paragraphs, lang, name, rep)
            cells.append(f"{p:7.3f} {r:.3f}   ")
        print(f"{label:14} {gold:5}  " + " ".join(cells))
    print("\nlanguage of one demetr-dev src_sent, whole / its first clause (up to the first comma, at "
          "most 15 characters): accuracy py3langid alone -> drift")
    for lang, sentences in items.items():
        clauses = [first_clause(s) for s in sentences]
        cells = []
        for texts in (sentences, clauses):
            before = sum(old_detect(s) == lang for s in texts) / len(texts)
            after = sum(detect_language(s) == lang for s in texts) / len(texts)
            cells.append(f"{before:.3f} -> {after:.3f}")
        print(f"  {lang}: {cells[0]}   {cells[1]}  (n={len(sentences)})")


def first_clause(sentence: str) -> str:
    """The sentence up to its first comma (, ， 、 ،), at most 15 characters: a short text."""
    return re.split(r"[,\uff0c\u3001\u060c]", sentence)[0][:15]


if __name__ == "__main__":
    main()
