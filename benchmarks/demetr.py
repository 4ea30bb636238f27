"""Meaning shifts on DEMETR's development part: typed changes planted in sentences nobody here wrote.

usage: python benchmarks/demetr.py [monolingual|translation|all] [--data DIR] [--only NAME ...]
                                   [--limit N] [--json FILE] [-v] [--gold-links]

DEMETR (Karpinska et al., EMNLP 2022) plants one perturbation per item in a checked machine
translation into English. Only its development part is read (``../shared/benchmarks/demetr-dev``,
300 of 1,000 source sentences; the rest is held out and never read), and only items whose
``pert_check`` is true.

**monolingual** (issue 10): base ``mt_sent``, rewrite ``pert_sent``, both one-sentence English
documents, the detectors run on the 1-1 link (so the figures do not depend on the aligner):
- critical perturbations with a shift type of their own (changed figure → ``number``, negation →
  ``negation``, antonym → ``reversal``, named entity replaced or removed → ``entity``, he ↔ she →
  ``entity``): *right-type recall*, the share of items with a shift of that type at severity ≥ 2;
  *on the words*, the share of those hits whose span touches the words the perturbation changed;
- every other perturbation: the share of items with any shift of severity ≥ 2 (for critical ones
  a recall, for minor ones a false-alarm rate);
- faithful paraphrases: base ``mt_sent``, rewrite ``eng_sent`` (two independent translations),
  the share flagged at severity ≥ 2.

**translation** (issue 9): base ``src_sent`` in its own language, rewrite ``pert_sent`` (critical
perturbations) or ``mt_sent`` (faithful), through the whole pipeline (split, USE, align, detect),
per script group (CJK: zh, ja; Devanagari: hi; Latin/Cyrillic: the rest); also *unrelated*: each
source against the translation of another item, the share linked 1-1 with confidence > 0.5.
With ``--gold-links`` the detectors run on the gold 1-1 link of two one-sentence documents with
their languages set (no splitting, no aligning: the detectors' own figures).

Targets: issue 10 (monolingual) right-type recall ≥ 0.90 each, faithful flagged ≤ 2 %, minor
≤ 0.5 %; issue 9 (translation) faithful flagged ≤ 5 %, right-type recall ≥ 0.7 averaged over the
six types, unrelated linked 0.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from drift.diffing import word_diff  # noqa: E402
from drift.report import Document, Sentence, Shift  # noqa: E402
from drift.shifts import detect_shifts  # noqa: E402

DATA = Path(os.environ.get("DRIFT_DEMETR", HERE.parent.parent / "shared" / "benchmarks" / "demetr-dev"))

#: The shift type a perturbation should produce (severity ≥ 2), where it has one of its own.
RIGHT_TYPE = {
    "critical_id10_numbers_replaced": "number",
    "critical_id8_negation": "negation",
    "critical_id7_antonym": "reversal",
    "critical_id9_ne_replaced": "entity",
    "critical_id25_ne_removed": "entity",
    "critical_id11_gender": "entity",
}
#: DEMETR's language tags as ISO 639-1 codes, and the script group each belongs to.
LANGUAGE = {"chinese_simple": "zh", "japanese": "ja", "hindi": "hi", "russian": "ru", "polish": "pl",
            "czech": "cs", "german": "de", "french": "fr", "spanish": "es", "italian": "it"}
SCRIPT_GROUP = {"zh": "CJK", "ja": "CJK", "hi": "Devanagari"}
FAITHFUL = "faithful (mt_sent → eng_sent)"


@dataclass(frozen=True)
class Item:
    id: int
    name: str
    severity: str
    src: str
    mt: str
    eng: str
    pert: str
    language: str  # ISO 639-1 of src


def load(data: Path = DATA, only: Iterable[str] = ()) -> dict[str, list[Item]]:
    """Items per perturbation file (``pert_check`` true only), in file order."""
    out: dict[str, list[Item]] = {}
    wanted = set(only)
    for path in sorted(data.glob("*.jsonl")):
        if wanted and path.stem not in wanted:
            continue
        items = []
        for line in path.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            if d.get("pert_check"):
                items.append(Item(int(d["id"]), path.stem, d["severity"], d["src_sent"], d["mt_sent"],
                                  d["eng_sent"], d["pert_sent"], LANGUAGE[d["lang_tag"]]))
        out[path.stem] = items
    return out


def one_sentence(doc_id: str, text: str, language: str | None = "en") -> Document:
    text = text.strip()
    return Document(doc_id, "base", text, (Sentence(0, len(text)),), language)


def changed_span(base: str, rewrite: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """The character ranges of each side that differ (first to last changed character)."""
    sm = difflib.SequenceMatcher(None, base, rewrite, autojunk=False)
    ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
    if not ops:
        return (0, 0), (0, 0)
    return (ops[0][1], ops[-1][2]), (ops[0][3], ops[-1][4])


def _touches(span: tuple[int, int] | None, region: tuple[int, int]) -> bool:
    if span is None:
        return False
    lo, hi = region
    if lo == hi:  # an insertion point: the span must reach it
        return span[0] <= lo <= span[1]
    return span[0] < hi and lo < span[1]


@dataclass
class Tally:
    n: int = 0
    severe: int = 0  # any shift of severity >= 2
    right: int = 0  # a shift of the right type at severity >= 2
    on_words: int = 0  # ... whose span touches the changed words

    def add(self, shifts: list[Shift], right_type: str | None, regions=None) -> bool:
        self.n += 1
        severe = [s for s in shifts if s.severity >= 2]
        self.severe += bool(severe)
        if right_type is None:
            return bool(severe)
        hits = [s for s in severe if s.type == right_type]
        self.right += bool(hits)
        if hits and regions is not None and any(
                _touches(s.base_span, regions[0]) or _touches(s.rewrite_span, regions[1]) for s in hits):
            self.on_words += 1
        return bool(hits)


def monolingual(items: dict[str, list[Item]], limit: int | None, verbose: bool) -> dict[str, dict]:
    results: dict[str, dict] = {}
    times: list[float] = []

    def run(base_text: str, rewrite_text: str) -> tuple[list[Shift], Document, Document]:
        b, r = one_sentence("base", base_text), one_sentence("rewrite", rewrite_text)
        t0 = time.perf_counter()
        shifts = detect_shifts(b, r, (0,), (0,), word_diff(b.text, r.text))
        times.append(time.perf_counter() - t0)
        return shifts, b, r

    for name, rows in items.items():
        if name.startswith("base_"):
            continue
        tally = Tally()
        for it in rows[:limit]:
            shifts, b, r = run(it.mt, it.pert)
            right = RIGHT_TYPE.get(name)
            found = tally.add(shifts, right, changed_span(b.text, r.text))
            if verbose and ((right and not found) or (it.severity == "minor" and found)):
                _show(name, it.mt, it.pert, shifts)
        results[name] = {"severity": rows[0].severity if rows else "", **vars(tally)}
    reference = items.get("base_id35_reference") or next(iter(items.values()), [])
    tally = Tally()
    for it in reference[:limit]:
        shifts, _, _ = run(it.mt, it.eng)
        if tally.add(shifts, None) and verbose:
            _show("faithful", it.mt, it.eng, shifts)
    results[FAITHFUL] = {"severity": "base", **vars(tally)}
    results["_timing"] = {"links": len(times), "ms_per_link": 1000 * sum(times) / max(len(times), 1),
                          **_parse_cost([(it.mt, it.eng) for it in reference[:limit]])}
    return results


def _parse_cost(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """ms per link on the faithful pairs: with the English parse (nothing cached, so each sentence
    is parsed once) and without it (drift.parsing.disabled)."""
    from drift import parsing

    def timed() -> float:
        t0 = time.perf_counter()
        for b, r in pairs:
            detect_shifts(one_sentence("base", b), one_sentence("rewrite", r), (0,), (0,))
        return 1000 * (time.perf_counter() - t0) / max(len(pairs), 1)

    if not pairs or not parsing.parser_available():
        return {}
    parsing.clear_cache()
    with_parse = timed()
    with parsing.disabled():
        without = timed()
    return {"ms_with_parse": with_parse, "ms_without_parse": without, "parse_links": len(pairs)}


@dataclass(frozen=True)
class _GoldComparison:
    """The one gold 1-1 link of two one-sentence documents, shaped like a Comparison's links."""

    links: tuple


def translation(items: dict[str, list[Item]], limit: int | None, verbose: bool,
                gold_links: bool = False) -> dict[str, dict]:
    results: dict[str, dict] = {}
    if gold_links:
        from drift.report import Link

        def compare(src: Item, rewrite_text: str):
            b = one_sentence("src", src.src, src.language)
            r = one_sentence("tr", rewrite_text, "en")
            shifts = detect_shifts(b, r, (0,), (0,), word_diff(b.text, r.text))
            return _GoldComparison((Link(base=(0,), rewrite=(0,), similarity=None, drift=0.0,
                                         moved=False, diff=(), shifts=tuple(shifts), confidence=None),))
    else:
        from drift.pipeline import Analyzer, read_document

        analyzer = Analyzer.create("use", cache_dir=True)

        def compare(src: Item, rewrite_text: str):
            base = read_document(src.src, role="base", doc_id="src", language=src.language)
            rewrite = read_document(rewrite_text, role="rewrite", doc_id="tr", language="en")
            return analyzer.compare_documents(base, rewrite)

    groups = defaultdict(Tally)
    for name in RIGHT_TYPE:
        for it in items.get(name, [])[:limit]:
            c = compare(it, it.pert)
            shifts = [s for link in c.links for s in link.shifts]
            group = SCRIPT_GROUP.get(it.language, "Latin/Cyrillic")
            found = groups[(name, group)].add(shifts, RIGHT_TYPE[name])
            if verbose and not found:
                _show(f"{name} [{it.language}]", it.src, it.pert, shifts)
    reference = items.get("base_id35_reference") or []
    faithful, unrelated = defaultdict(Tally), defaultdict(lambda: [0, 0])
    for k, it in enumerate(reference[:limit]):
        group = SCRIPT_GROUP.get(it.language, "Latin/Cyrillic")
        c = compare(it, it.mt)
        shifts = [s for link in c.links for s in link.shifts]
        if faithful[group].add(shifts, None) and verbose:
            _show(f"faithful [{it.language}]", it.src, it.mt, shifts)
        if gold_links:
            continue  # unrelated pairs measure the aligner, which gold links leave out
        other = reference[(k + 7) % len(reference)]
        c = compare(it, other.mt)
        unrelated[group][0] += 1
        unrelated[group][1] += any(link.base and link.rewrite and (link.confidence or 0) > 0.5
                                   for link in c.links)
    for (name, group), tally in groups.items():
        results[f"{name} | {group}"] = {"group": group, "perturbation": name, **vars(tally)}
    for group, tally in faithful.items():
        results[f"faithful | {group}"] = {"group": group, "perturbation": "faithful", **vars(tally)}
    for group, (n, linked) in unrelated.items():
        results[f"unrelated | {group}"] = {"group": group, "perturbation": "unrelated", "n": n,
                                           "linked": linked}
    return results


def _show(label: str, base: str, rewrite: str, shifts: list[Shift]) -> None:
    print(f"--- {label}\n  B: {base}\n  R: {rewrite}", file=sys.stderr)
    for s in shifts:
        print(f"  {s.type} {s.severity}: {s.explanation}", file=sys.stderr)


def _pct(a: int, n: int) -> str:
    return f"{a / n:6.3f}" if n else "     -"


def print_monolingual(results: dict[str, dict]) -> None:
    print("\nMonolingual (base mt_sent → rewrite pert_sent; detectors on the 1-1 link)")
    print(f"{'perturbation':34} {'n':>4} {'right-type':>10} {'on words':>8} {'any sev≥2':>9}")
    order = sorted((k for k in results if not k.startswith("_")),
                   key=lambda k: ({"critical": 0, "major": 1, "minor": 2, "base": 3}[results[k]["severity"]],
                                  k not in RIGHT_TYPE, k))
    recalls = []
    for k in order:
        r = results[k]
        right = _pct(r["right"], r["n"]) if k in RIGHT_TYPE else "     -"
        words = _pct(r["on_words"], r["right"]) if k in RIGHT_TYPE else "     -"
        if k in RIGHT_TYPE and r["n"]:
            recalls.append(r["right"] / r["n"])
        print(f"{k:34} {r['n']:4d} {right:>10} {words:>8} {_pct(r['severe'], r['n']):>9}")
    minor = [results[k] for k in order if results[k]["severity"] == "minor"]
    n_minor = sum(r["n"] for r in minor)
    if recalls:
        print(f"{'mean right-type recall (6 types)':34} {'':4} {sum(recalls) / len(recalls):10.3f}")
    if n_minor:
        print(f"{'all minor perturbations':34} {n_minor:4d} {'':>10} {'':>8} "
              f"{_pct(sum(r['severe'] for r in minor), n_minor):>9}")
    t = results.get("_timing")
    if t:
        print(f"detectors: {t['ms_per_link']:.2f} ms per link over {t['links']} links")
        if "ms_with_parse" in t:
            print(f"faithful links: {t['ms_with_parse']:.2f} ms per link with the parse (each sentence "
                  f"parsed once), {t['ms_without_parse']:.2f} ms without, over {t['parse_links']} links")


def print_translation(results: dict[str, dict], gold_links: bool = False) -> None:
    how = "detectors on the gold 1-1 link" if gold_links else "whole pipeline, USE"
    print(f"\nTranslation (base src_sent → rewrite English; {how})")
    groups = sorted({r["group"] for r in results.values()})
    print(f"{'perturbation':34} " + " ".join(f"{g:>15}" for g in groups))
    names = [*RIGHT_TYPE, "faithful", "unrelated"]
    for name in names:
        cells = []
        for g in groups:
            r = results.get(f"{name} | {g}")
            if r is None:
                cells.append(f"{'-':>15}")
            elif name == "unrelated":
                cells.append(f"{_pct(r['linked'], r['n'])} ({r['n']:3d})".rjust(15))
            elif name == "faithful":
                cells.append(f"{_pct(r['severe'], r['n'])} ({r['n']:3d})".rjust(15))
            else:
                cells.append(f"{_pct(r['right'], r['n'])} ({r['n']:3d})".rjust(15))
        print(f"{name:34} " + " ".join(cells))
    for g in groups:
        rs = [results[f"{n} | {g}"] for n in RIGHT_TYPE if f"{n} | {g}" in results]
        rec = [r["right"] / r["n"] for r in rs if r["n"]]
        if rec:
            print(f"mean right-type recall, {g}: {sum(rec) / len(rec):.3f}")
    print("(cells: right-type recall for planted errors; share flagged at severity ≥ 2 for faithful; "
          "share linked with confidence > 0.5 for unrelated; item counts in brackets)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", nargs="?", default="all", choices=["monolingual", "translation", "all"])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--only", nargs="*", default=(), help="perturbation file stems to read")
    ap.add_argument("--limit", type=int, default=None, help="items per perturbation")
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("-v", "--verbose", action="store_true", help="print misses and false alarms")
    ap.add_argument("--gold-links", action="store_true",
                    help="translation: run the detectors on the gold 1-1 link of one-sentence documents "
                         "(languages set), without splitting or aligning")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"no DEMETR development data at {args.data} (set DRIFT_DEMETR)", file=sys.stderr)
        return 2
    only = set(args.only)
    if only:
        only |= {"base_id35_reference"}
    items = load(args.data, only)
    out = {}
    if args.mode in ("monolingual", "all"):
        out["monolingual"] = monolingual(items, args.limit, args.verbose)
        print_monolingual(out["monolingual"])
    if args.mode in ("translation", "all"):
        out["translation"] = translation(items, args.limit, args.verbose, args.gold_links)
        print_translation(out["translation"], args.gold_links)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
