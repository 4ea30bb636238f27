"""Decoding what people paste: the same texts saved in the ways they reach drift, read back.

Texts come from the development data (DEMETR-dev source sentences in 10 languages, Text+Berg
de/fr articles), never from ``../shared/cases``. Each text is made into bytes the way real files
go wrong, and ``drift.reading.read_text`` must give the text back exactly:

- ``legacy``: saved in a legacy encoding (Russian cp1251/KOI8-R, German latin-1/cp1252, Polish and
  Czech cp1250/ISO-8859-2, French/Spanish/Italian cp1252, Japanese Shift-JIS/EUC-JP, Chinese
  GB18030/GBK), 1, 3 or 10 sentences long;
- ``mojibake``: UTF-8 once read as Windows-1252 (Western languages) or Windows-1251 (Russian) and
  saved again as UTF-8;
- ``c1``: curly quotes and dashes saved as cp1252, read as latin-1 (C1 control characters) and
  saved as UTF-8;
- ``stray``: UTF-8 with one Windows-1252 dash or quote byte in it;
- ``bom``: UTF-8 with a BOM, UTF-16 with and without one;
- ``clean``: plain UTF-8, which must come back unchanged and with no repair (false repairs).

For each, "right" counts texts read back exactly, "doubt" those flagged as weak evidence (a
wrong text should be flagged; a right one ideally not).

    .venv/bin/python benchmarks/encodings.py            # DEMETR-dev + Text+Berg

Measured (charset-normalizer 3.5.3, ftfy 6.3.1, py3langid; right / total, and how many of the
wrong and of the right ones carry a weak-evidence doubt):

    DEMETR-dev  legacy 536/539 (doubts 2/3 wrong, 225/536 right) · mojibake 236/236 · c1 171/171
                stray 413/413 · bom 1277/1290 (the 13: BOM-less UTF-16 Chinese/Japanese without one
                ASCII character, refused as undecodable) · clean 430/430, none repaired
    Text+Berg   legacy 27/28 (the wrong one doubted) · mojibake 21/27 (OCR "■" read as cp1252
                "â– " + NBSP: ftfy keeps it) · c1 22/22 · stray 27/27 · bom 84/84 · clean 28/28, none repaired
    before this module (drift 0.1.0: every non-UTF-8 file read as cp1252), DEMETR-dev: legacy 193/539,
    mojibake 0/236, c1 0/171, stray 0/413, bom 1120/1290; Text+Berg: legacy 28/28 (German and French
    are cp1252), mojibake 0/27, c1 0/22, stray 0/27. DEMETR-dev legacy steps:
    charset-normalizer's first match alone: 435/539; + the WHATWG list, the language margin and
    the encodings' use: 527/539; + threshold 0.5 and the plausibility checks: 536/539.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import sys
from pathlib import Path

from drift.errors import InputError
from drift.reading import read_text

SHARED = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
LEGACY = {
    "russian": ["cp1251", "koi8_r"], "german": ["latin-1", "cp1252"], "polish": ["cp1250", "iso8859_2"],
    "czech": ["cp1250"], "japanese": ["shift_jis", "euc_jp"], "chinese_simple": ["gb18030", "gbk"],
    "french": ["cp1252"], "spanish": ["cp1252"], "italian": ["cp1252"],
}
MOJIBAKE = {"russian": "cp1251", "german": "cp1252", "french": "cp1252", "spanish": "cp1252",
            "italian": "cp1252", "polish": "cp1252", "czech": "cp1252"}


def demetr_texts() -> dict[str, list[str]]:
    """Source sentences by language, each text 1, 3 or 10 consecutive sentences."""
    by: dict[str, list[str]] = collections.defaultdict(list)
    with open(SHARED / "demetr-dev" / "base_id35_reference.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            by[row["lang_tag"]].append(row["src_sent"])
    texts: dict[str, list[str]] = {}
    for lang, sentences in by.items():
        texts[lang] = [" ".join(sentences[k:k + n]) for n in (1, 3, 10) for k in range(0, len(sentences), n)]
    return texts


def textberg_texts() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for lang in ("de", "fr"):
        docs = sorted((SHARED / "textberg" / lang).iterdir())
        texts = []
        for doc in docs:
            lines = doc.read_text(encoding="utf-8").splitlines()
            texts += ["\n".join(lines[:5]), "\n".join(lines)]
        out[{"de": "german", "fr": "french"}[lang]] = texts
    return out


def _read(data: bytes) -> tuple[str | None, bool, int]:
    try:
        read = read_text(data, name="x")
    except InputError:
        return None, False, 0
    return read.text, bool(read.doubts), len(read.repairs)


def _variants(lang: str, text: str) -> dict[str, list[tuple[str, bytes]]]:
    out: dict[str, list[tuple[str, bytes]]] = collections.defaultdict(list)
    for codec in LEGACY.get(lang, []):
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:
            continue
        if not data.isascii():
            out["legacy"].append((codec, data))
    if lang in MOJIBAKE and not text.isascii():
        try:
            once = text.encode("utf-8").decode(MOJIBAKE[lang])
            out["mojibake"].append((MOJIBAKE[lang], once.encode("utf-8")))
        except UnicodeDecodeError:
            pass  # a byte the codec leaves undefined: no such file can exist
    quoted = f"“{text}” – ’"
    with contextlib.suppress(UnicodeEncodeError):
        out["c1"].append(("cp1252>latin-1", quoted.encode("cp1252").decode("latin-1").encode("utf-8")))
    if not text.isascii():
        cut = len(text) // 2
        out["stray"].append(("0x96", text[:cut].encode("utf-8") + b" \x96 " + text[cut:].encode("utf-8")))
    out["bom"] += [("utf-8-sig", text.encode("utf-8-sig")), ("utf-16", text.encode("utf-16")),
                   ("utf-16-le", text.encode("utf-16-le"))]
    out["clean"].append(("utf-8", text.encode("utf-8")))
    return out


def expected(kind: str, text: str) -> str:
    if kind == "c1":
        return f"“{text}” – ’"
    if kind == "stray":
        cut = len(text) // 2
        return text[:cut] + " – " + text[cut:]
    return text


def run(corpora: dict[str, dict[str, list[str]]]) -> None:
    print(f"{'corpus':<11} {'kind':<9} {'language':<15} {'bytes as':<16} {'right':>9} "
          f"{'doubt|wrong':>12} {'doubt|right':>12} {'repaired|clean':>15}")
    totals: collections.Counter[tuple[str, str, str]] = collections.Counter()
    for corpus, by_language in corpora.items():
        rows: dict[tuple[str, str, str], collections.Counter[str]]
        rows = collections.defaultdict(collections.Counter)
        for lang, texts in by_language.items():
            for text in texts:
                for kind, variants in _variants(lang, text).items():
                    for how, data in variants:
                        got, doubt, repairs = _read(data)
                        right = got == expected(kind, text)
                        c = rows[kind, lang, how]
                        c["n"] += 1
                        c["right"] += right
                        c["doubt_wrong"] += doubt and not right
                        c["doubt_right"] += doubt and right
                        c["wrong"] += not right
                        c["repaired_clean"] += kind == "clean" and repairs > 0
        for (kind, lang, how), c in sorted(rows.items()):
            print(f"{corpus:<11} {kind:<9} {lang:<15} {how:<16} {c['right']:>4}/{c['n']:<4} "
                  f"{c['doubt_wrong']:>5}/{c['wrong']:<6} {c['doubt_right']:>5}/{c['right']:<6} "
                  f"{c['repaired_clean'] if kind == 'clean' else '':>15}")
            for key in ("right", "n", "doubt_wrong", "doubt_right", "wrong"):
                totals[corpus, kind, key] += c[key]
    print()
    for corpus in corpora:
        print(corpus, " · ".join(
            f"{kind} {totals[corpus, kind, 'right']}/{totals[corpus, kind, 'n']} (doubts: "
            f"{totals[corpus, kind, 'doubt_wrong']}/{totals[corpus, kind, 'wrong']} wrong, "
            f"{totals[corpus, kind, 'doubt_right']}/{totals[corpus, kind, 'right']} right)"
            for kind in ("legacy", "mojibake", "c1", "stray", "bom", "clean") if totals[corpus, kind, "n"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"needs {SHARED}", file=sys.stderr)
        return 2
    run({"DEMETR-dev": demetr_texts(), "Text+Berg": textberg_texts()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
