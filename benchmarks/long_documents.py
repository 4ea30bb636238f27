"""How alignment scales with document length: time and peak memory at 1,000 ... 10,000 sentences a side.

    OMP_NUM_THREADS=2 .venv/bin/python benchmarks/long_documents.py [--sizes 1000 2500 5000 10000] [--dim 384]

Embeddings are synthetic but structured like a rewrite's: the base is random unit vectors; the
rewrite keeps each base sentence as the same vector plus noise (cosine ~0.8), drops 8 %, inserts
8 % unrelated sentences, splits 3 % into two halves, and moves a few blocks of 10 out of order.
Each size runs in a fresh process so that its peak RSS (``resource.getrusage``) is its own;
"align MB" is the growth of peak RSS during ``drift.alignment.align``. "recall" is the share of
the kept base sentences whose link contains their true rewrite sentence (a sanity check that
the timing is of a working alignment, not of a degenerate one).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def synthetic(n: int, dim: int, seed: int = 0):
    """Base vectors, rewrite vectors and the true rewrite index of each kept base sentence."""
    import numpy as np

    rng = np.random.default_rng(seed)

    def unit(m):
        return (m / np.linalg.norm(m, axis=1, keepdims=True)).astype(np.float32)

    base = unit(rng.standard_normal((n, dim)))
    rows: list[tuple[str, int]] = []  # ("kept", base index) | ("new", -1) | ("half", base index)
    for i in range(n):
        r = rng.random()
        if r < 0.08:
            continue  # deleted
        if r < 0.11:
            rows += [("half", i), ("half", i)]  # split in two
        else:
            rows.append(("kept", i))
        if rng.random() < 0.08:
            rows.append(("new", -1))
    # move a few blocks of 10 sentences elsewhere
    for _ in range(max(1, n // 1000)):
        start = int(rng.integers(0, len(rows) - 10))
        block = rows[start:start + 10]
        del rows[start:start + 10]
        at = int(rng.integers(0, len(rows)))
        rows[at:at] = block
    vectors = []
    truth: dict[int, int] = {}
    for j, (kind, i) in enumerate(rows):
        if kind == "new":
            vectors.append(rng.standard_normal(dim))
            continue
        noise = rng.standard_normal(dim) / np.sqrt(dim)
        scale = 0.75 if kind == "kept" else 1.0
        vectors.append(base[i] + scale * noise)
        truth.setdefault(i, j)
    return base, unit(np.array(vectors)), truth


def run_one(n: int, dim: int) -> dict:
    import numpy as np  # noqa: F401

    from drift.alignment import align

    base, rewrite, truth = synthetic(n, dim)
    before = _rss_mb()
    peak_before = _peak_mb()
    t0 = time.perf_counter()
    pairs = align(base, rewrite)
    seconds = time.perf_counter() - t0
    found = {i: set(p.rewrite) for p in pairs for i in p.base}
    recall = sum(truth[i] in found.get(i, ()) for i in truth) / max(len(truth), 1)
    return {"n": n, "m": len(rewrite), "seconds": seconds, "rss_before_mb": before,
            "align_mb": max(_peak_mb() - max(peak_before, before), 0.0), "peak_mb": _peak_mb(),
            "links": len(pairs), "moved": sum(p.moved for p in pairs), "recall": recall}


class HashEmbedder:
    """Hashed bag of words, unit rows: the tests' fake embedder, so the pipeline's own cost shows."""

    name = "hashed-bag-of-words"
    dim = 64

    def encode(self, texts):
        import re
        import zlib

        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for tok in re.findall(r"\w+", text.lower()) or [text]:
                h = zlib.crc32(tok.encode("utf-8", "surrogatepass"))
                out[row, h % self.dim] += 1.0 if (h >> 16) & 1 else -1.0
            out[row] /= max(float(np.linalg.norm(out[row])), 1e-9)
        return out


def chapter(n: int) -> tuple[str, str]:
    """The synthetic chapter of tests/test_bad_input.py: n sentences, and a rewrite with deletions,
    20 insertions and a moved passage."""
    import numpy as np

    rng = np.random.default_rng(5)
    words = ["troops", "peace", "rally", "strikes", "boats", "carrier", "region", "palace", "crowd", "flags",
             "sovereignty", "freedom", "loyalty", "council", "vote", "budget", "river", "harbour", "winter"]
    base = [f"In part {k} the {' '.join(rng.choice(words, 8))} stood near mark {k}." for k in range(n)]
    rewrite = [s for k, s in enumerate(base) if k % 97]
    rewrite[100:100] = [f"An added remark number {k} about {' '.join(rng.choice(words, 6))}."
                        for k in range(20)]
    block = rewrite[n * 2 // 5:n * 2 // 5 + 10]
    del rewrite[n * 2 // 5:n * 2 // 5 + 10]
    rewrite[n * 3 // 5:n * 3 // 5] = block
    return "\n".join(base), "\n".join(rewrite)


def run_pipeline(n: int) -> dict:
    """The whole pipeline (read, split, embed, align, diff, shifts, score) on an n-sentence chapter."""
    from drift.embedding import load_embedder
    from drift.pipeline import Analyzer, compare

    base, rewrite = chapter(n)
    before = _rss_mb()
    t0 = time.perf_counter()
    report = compare(base, rewrite, analyzer=Analyzer(load_embedder(HashEmbedder(), cache_dir=False)))
    seconds = time.perf_counter() - t0
    t1 = time.perf_counter()
    size = len(report.to_json())
    return {"n": n, "seconds": seconds, "json_seconds": time.perf_counter() - t1, "json_mb": size / 2**20,
            "rss_before_mb": before, "peak_mb": _peak_mb(), "links": len(report.comparisons[0].links)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2500, 5000, 10000])
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("--pipeline-sizes", type=int, nargs="*", default=[5000],
                        help="also run the whole pipeline (hashed bag-of-words embedder) at these sizes")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--whole", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.dim)))
        return
    if args.whole:
        print(json.dumps(run_pipeline(args.whole)))
        return
    print(f"alignment only (drift.alignment.align), dim {args.dim}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'base':>6} {'rewrite':>8} {'seconds':>8} {'ms/sent':>8} {'align MB':>9} {'peak MB':>8} "
          f"{'links':>6} {'moved':>6} {'recall':>7}")
    previous = None
    for n in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(n), "--dim", str(args.dim)],
                              capture_output=True, text=True, cwd=REPO)
        if done.returncode != 0:
            why = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode
            print(f"{n:>6} failed: {why}")
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        growth = "" if previous is None else (
            f"  x{r['seconds'] / previous['seconds']:.1f} time for x{n / previous['n']:.1f} sentences")
        print(f"{r['n']:>6} {r['m']:>8} {r['seconds']:>8.2f} {1000 * r['seconds'] / n:>8.2f} "
              f"{r['align_mb']:>9.1f} {r['peak_mb']:>8.1f} {r['links']:>6} {r['moved']:>6} "
              f"{r['recall']:>7.3f}{growth}")
        previous = r
    if args.pipeline_sizes:
        print("\nwhole pipeline, one rewrite, hashed bag-of-words embedder (the model's cost left out)")
        print(f"{'sentences':>9} {'seconds':>8} {'peak MB':>8} {'start MB':>9} {'JSON MB':>8} {'JSON s':>7} "
              f"{'links':>6}")
    for n in args.pipeline_sizes:
        done = subprocess.run([sys.executable, __file__, "--whole", str(n)], capture_output=True, text=True,
                              cwd=REPO)
        if done.returncode != 0:
            print(f"{n:>9} failed: {done.stderr.strip()[-300:]}")
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{r['n']:>9} {r['seconds']:>8.1f} {r['peak_mb']:>8.0f} {r['rss_before_mb']:>9.0f} "
              f"{r['json_mb']:>8.1f} {r['json_seconds']:>7.2f} {r['links']:>6}")


if __name__ == "__main__":
    main()
