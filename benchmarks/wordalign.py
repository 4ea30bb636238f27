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

Across languages (base ``src_sent`` in its language, rewrite ``mt_sent`` in English, every distinct
item of the development part): the share of the source's figures paired with an English figure of
equal value (of those the English gives), and of the source's names (``crosslingual.names``) that
the English carries, paired with an English word; and on ``critical_id10_numbers_replaced``
(``src_sent`` → ``pert_sent``): the share of changed figures paired, as ``changed``, with the figure
that replaced them.

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


#: DEMETR's language tags as ISO 639-1 codes.
LANGUAGE = {"chinese_simple": "zh", "japanese": "ja", "hindi": "hi", "russian": "ru", "polish": "pl",
            "czech": "cs", "german": "de", "french": "fr", "spanish": "es", "italian": "it"}


def side(text: str, role: str, language: str = "en") -> Side:
    return Side(Document(role, role, text, (Sentence(0, len(text)),), language), (0,))


def _tokens_in(s: Side, start: int, end: int) -> set[int]:
    return {k for k, t in enumerate(s.tokens) if t.is_word and t.start < end and start < t.end}


def cross_lingual(items: list[dict], changed_items: list[dict]) -> None:
    """Print the cross-lingual block (see the module docstring)."""
    from drift.shifts.crosslingual import carried, names
    from drift.shifts.numerals import read_figures
    from drift.wordalign import word_alignment

    def partners(b: Side, r: Side) -> dict[int, set[tuple[int, str]]]:
        out: dict[int, set[tuple[int, str]]] = {}
        for p in word_alignment(b, r):
            if p.base is not None and p.rewrite is not None:
                out.setdefault(p.base, set()).add((p.rewrite, p.relation))
        return out

    fig = [0, 0]
    name = [0, 0]
    spent = 0.0
    for item in items:
        lang = LANGUAGE[item["lang_tag"]]
        b, r = side(item["src_sent"], "base", lang), side(item["mt_sent"], "rewrite")
        start = time.perf_counter()
        pairs = partners(b, r)
        spent += time.perf_counter() - start
        r_figs = read_figures(r.text, "en")
        for f in read_figures(b.text, lang):
            equal = [g for g in r_figs if g.same(f)]
            if not equal:
                continue
            fig[0] += 1
            want = set().union(*(_tokens_in(r, g.start, g.end) for g in equal))
            fig[1] += any(j in want for k in _tokens_in(b, f.start, f.end) for j, _ in pairs.get(k, ()))
        for s, e, words in names(b, lang):
            if carried(words, lang, r, "en"):
                name[0] += 1
                name[1] += any(k in pairs for k in _tokens_in(b, s, e))
    ms = spent * 1000 / max(len(items), 1)   # the alignment alone (word diff included)
    changed = [0, 0]
    for item in changed_items:
        lang = LANGUAGE[item["lang_tag"]]
        mt, pert = read_figures(item["mt_sent"], "en"), read_figures(item["pert_sent"], "en")
        gone = [f for f in mt if not any(g.same(f) for g in pert)]
        new = [g for g in pert if not any(g.same(f) for f in mt)]
        b, r = side(item["src_sent"], "base", lang), side(item["pert_sent"], "rewrite")
        src = [f for f in read_figures(b.text, lang) if any(f.same(g) for g in gone)]
        if len(gone) != 1 or len(new) != 1 or len(src) != 1:
            continue
        changed[0] += 1
        pairs = partners(b, r)
        want = _tokens_in(r, new[0].start, new[0].end)
        changed[1] += any(j in want and rel == "changed" for k in _tokens_in(b, src[0].start, src[0].end)
                          for j, rel in pairs.get(k, ()))
    print(f"across languages (src_sent → mt_sent, {len(items)} items, {ms:.2f} ms per link): "
          f"figures paired with an equal figure {fig[1]}/{fig[0]} = {fig[1] / max(fig[0], 1):.3f}; "
          f"names paired {name[1]}/{name[0]} = {name[1] / max(name[0], 1):.3f}")
    print(f"changed figure (src_sent → pert_sent) paired as changed: {changed[1]}/{changed[0]} = "
          f"{changed[1] / max(changed[0], 1):.3f}")


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
    sources: dict[str, dict] = {}
    numbers_replaced: list[dict] = []
    for path in sorted(args.data.glob("*.jsonl")):
        items = [i for line in path.read_text(encoding="utf-8").splitlines()
                 if (i := json.loads(line))["pert_check"] and i.get("pert_sent")][: args.limit]
        for i in items:
            sources.setdefault(i["src_sent"], i)
        if path.stem == "critical_id10_numbers_replaced":
            numbers_replaced = items
        if not items or path.stem.startswith("base_"):
            continue
        pairs = [(side(i["mt_sent"], "base"), side(i["pert_sent"], "rewrite")) for i in items]
        print(row(path.stem, len(pairs), *tally(pairs)))
        if path.stem == "critical_id7_antonym":
            faithful = [(side(i["mt_sent"], "base"), side(i["eng_sent"], "rewrite")) for i in items]
    if faithful:
        print(row("faithful (mt_sent vs eng_sent)", len(faithful), *tally(faithful)))
    cross_lingual(list(sources.values()), numbers_replaced)
    if not args.no_example:
        links = example_links()
        print(row("example corpus, 1-1+ links (USE)", len(links), *tally(links)))


if __name__ == "__main__":
    main()
