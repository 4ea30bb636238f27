"""Aligned words inside links (drift/wordalign.py): what the relations say, and what they cost.

usage: python benchmarks/wordalign.py [--data DIR] [--limit N]

DEMETR's development part (``../shared/benchmarks/demetr-dev``; items with ``pert_check`` true),
each item a 1-1 link of two one-sentence English documents:
- per perturbation (base ``mt_sent``, rewrite ``pert_sent``) and for the faithful paraphrases
  (``mt_sent`` vs ``eng_sent``): the share of *changed words* (pairs that are not ``same``, either
  side present) by relation, and the share of *items* with at least one ``antonym`` pair (antonym
  swaps should have one; faithful paraphrases should not);
- the cost: milliseconds per link for :func:`drift.wordalign.align_words`, lexicon loaded and
  caches cold (each item's words are new), and the lexicon's one-time load.

The example corpus (``drift/data/seeds``): every 1-1 link of base ``002`` with each rewrite,
aligned by the pipeline with USE (sentence pairs from a cached run), relations and ms per link.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from drift.diffing import word_diff  # noqa: E402
from drift.report import Document, Sentence  # noqa: E402
from drift.shifts.text import Side  # noqa: E402

DATA = Path(os.environ.get("DRIFT_DEMETR", HERE.parent.parent / "shared" / "benchmarks" / "demetr-dev"))
RELATIONS = ("form", "equivalent", "synonym", "antonym", "vaguer", "related", "changed", "unpaired")


def side(text: str, role: str) -> Side:
    return Side(Document(role, role, text, (Sentence(0, len(text)),), "en"), (0,))


def tally(pairs: list[tuple[Side, Side]]) -> tuple[Counter, int, float]:
    """Relations of changed words, items with an antonym pair, and ms per link."""
    from drift.wordalign import align_words, changed_pairs

    counts: Counter = Counter()
    with_antonym = 0
    start = time.perf_counter()
    for base, rewrite in pairs:
        diff = word_diff(base.text, rewrite.text)
        align_words(base, rewrite, diff)
        changed = changed_pairs(base, rewrite, diff)
        for b, r, rel in changed:
            counts["unpaired" if b is None or r is None else rel] += 1
        with_antonym += any(rel == "antonym" for _, _, rel in changed)
    return counts, with_antonym, (time.perf_counter() - start) * 1000 / max(len(pairs), 1)


def row(name: str, n: int, counts: Counter, with_antonym: int, ms: float) -> str:
    total = sum(counts.values()) or 1
    shares = " ".join(f"{counts[r] / total:5.2f}" for r in RELATIONS)
    return f"{name:34s} {n:4d} {with_antonym / max(n, 1):6.3f} {shares} {ms:6.2f}"


def example_links() -> list[tuple[Side, Side]]:
    import drift
    from drift.corpus import example_paths

    report = drift.compare(*example_paths(), model="use", cache_dir=HERE.parent / ".cache" / "vectors")
    docs = {d.id: d for d in report.documents}
    out = []
    for comp in report.comparisons:
        for link in comp.links:
            if link.base and link.rewrite:
                out.append((Side(docs[comp.base], link.base), Side(docs[comp.rewrite], link.rewrite)))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None, help="items per file")
    parser.add_argument("--no-example", action="store_true", help="skip the example corpus")
    args = parser.parse_args(argv)

    from drift.lexicon import lexicon

    start = time.perf_counter()
    lexicon("en").lemmas("warm up")
    print(f"lexicon load: {time.perf_counter() - start:.3f} s")
    head = (f"{'pairs':34s} {'n':>4s} {'w/ant':>6s} " + " ".join(f"{r[:5]:>5s}" for r in RELATIONS)
            + f" {'ms':>6s}")
    print("share of changed words by relation; w/ant = items with an antonym pair; ms per link")
    print(head)
    faithful: list[tuple[Side, Side]] = []
    for path in sorted(args.data.glob("*.jsonl")):
        items = [i for line in path.read_text(encoding="utf-8").splitlines()
                 if (i := json.loads(line))["pert_check"] and i.get("pert_sent")][: args.limit]
        if not items or path.stem.startswith("base_"):
            continue
        pairs = [(side(i["mt_sent"], "base"), side(i["pert_sent"], "rewrite")) for i in items]
        print(row(path.stem, len(pairs), *tally(pairs)))
        if path.stem == "critical_id7_antonym":
            faithful = [(side(i["mt_sent"], "base"), side(i["eng_sent"], "rewrite")) for i in items]
    if faithful:
        print(row("faithful (mt_sent vs eng_sent)", len(faithful), *tally(faithful)))
    if not args.no_example:
        links = example_links()
        print(row("example corpus, 1-1+ links (USE)", len(links), *tally(links)))


if __name__ == "__main__":
    main()
