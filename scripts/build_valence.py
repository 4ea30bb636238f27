"""Build drift's English prior-polarity (valence) data (drift/data/valence/) from VADER's lexicon.

Source: VADER (Hutto & Gilbert, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of
Social Media Text", ICWSM 2014), its ``vader_lexicon.txt`` as shipped in the ``vaderSentiment``
3.3.2 wheel on PyPI (MIT licence, (c) 2016 C.J. Hutto). Each line of that file is a token, its
mean valence over ten human raters on a −4 (extremely negative) … +4 (extremely positive) scale,
the standard deviation of the ratings, and the ten ratings.

Output: ``vader.tsv`` and ``ATTRIBUTION`` beside it. ``vader.tsv`` keeps the entries that are
words (lower-case letters, an inner hyphen or apostrophe; VADER's emoticons and slang
abbreviations with digits or punctuation are left out), one a line: word, mean, standard deviation,
tab-separated, in code-point order. Nothing else is changed.

Run: ``python scripts/build_valence.py WHEEL [--out DIR]``, where ``WHEEL`` is
``vaderSentiment-3.3.2-py2.py3-none-any.whl`` (fetch it with ``pip download --no-deps
vaderSentiment==3.3.2``); its sha256 is checked. ``tests/test_valence.py`` compares the shipped file
with this script's output when the wheel is found (``DRIFT_VADER_WHEEL``).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import zipfile
from pathlib import Path

#: sha256 of vaderSentiment-3.3.2-py2.py3-none-any.whl, the wheel the shipped data comes from.
WHEEL_SHA256 = "3bf1d243b98b1afad575b9f22bc2cb1e212b94ff89ca74f8a23a588d024ea311"
MEMBER = "vaderSentiment/vader_lexicon.txt"
OUT = Path(__file__).resolve().parents[1] / "drift" / "data" / "valence"
DATA_FILE = "vader.tsv"
WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")

ATTRIBUTION = """\
drift/data/valence/vader.tsv is derived from VADER's sentiment lexicon.

Title:   VADER (Valence Aware Dictionary and sEntiment Reasoner), vader_lexicon.txt
Authors: C.J. Hutto and Eric Gilbert. "VADER: A Parsimonious Rule-based Model for Sentiment
         Analysis of Social Media Text." Eighth International Conference on Weblogs and Social
         Media (ICWSM-14), Ann Arbor, MI, June 2014.
Source:  PyPI package vaderSentiment 3.3.2 (github cjhutto/vaderSentiment), file
         vaderSentiment/vader_lexicon.txt in vaderSentiment-3.3.2-py2.py3-none-any.whl
         (sha256 {sha})
Changes: only entries that are words are kept, with their mean valence (-4..4) and the standard
         deviation of the raters; the ten ratings are left out. Built by scripts/build_valence.py.
Licence: MIT

{licence}"""


def extract(wheel: Path) -> tuple[str, str]:
    """``(vader.tsv text, ATTRIBUTION text)`` from the wheel; ``ValueError`` on another file."""
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise ValueError(f"{wheel}: sha256 {digest}, expected {WHEEL_SHA256}")
    with zipfile.ZipFile(wheel) as z:
        text = z.read(MEMBER).decode("utf-8")
        licence = z.read("vaderSentiment-3.3.2.dist-info/LICENSE.txt").decode("utf-8")
    rows = {}
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) >= 3 and WORD.fullmatch(fields[0]):
            rows[fields[0]] = f"{fields[0]}\t{float(fields[1]):g}\t{float(fields[2]):.3f}"
    data = "".join(rows[w] + "\n" for w in sorted(rows))
    return data, ATTRIBUTION.format(sha=WHEEL_SHA256, licence=licence.strip() + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wheel", type=Path)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    data, attribution = extract(args.wheel)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / DATA_FILE).write_text(data, encoding="utf-8")
    (args.out / "ATTRIBUTION").write_text(attribution, encoding="utf-8")
    print(f"{args.out / DATA_FILE}: {data.count(chr(10))} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
