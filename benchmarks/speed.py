"""Where drift spends its time, and how close a whole run comes to just encoding the sentences.

    .venv/bin/python benchmarks/speed.py [--models minilm use] [--corpora example textberg]

Corpora: the example corpus (a base and four rewrites, English) and the largest Text+Berg pair
(``../shared/benchmarks/textberg/de/002`` → ``fr/002``, one sentence per line, read with
``presplit=True``). Models: all-MiniLM-L6-v2 (sentence-transformers on torch) and the
multilingual Universal Sentence Encoder (numpy).

Every measurement runs in a fresh Python process (cold imports, its own peak RSS from
``resource.getrusage``) with a fresh cache directory unless it is the cached second run:

* **stages** — read+split, embed (each document's sentences), align (which also embeds joined
  neighbouring sentences for many-to-many links: counted separately as "strings encoded"),
  diff+shifts, scoring, report JSON, HTML render; summed over the corpus's comparisons.
* **whole** — ``drift.compare(...)`` from interpreter start to report, model load included.
* **encode only** — the same process start, ``load_embedder`` and one ``encode`` of each distinct
  content sentence: the floor a whole run is compared with (target whole/encode-only ≤ 1.3).
* **cached** — ``drift.compare`` again in a fresh process reading the first run's cache
  (target ≤ 5 % of the first run), and in the first run's process with a new Analyzer.

Then cold starts: ``import drift``, ``python -m drift --help``, and each backend's load and
first encode. Timings on a shared 2-core machine are noisy: the load average is printed.
"""

from __future__ import annotations

import time

T_START = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
TEXTBERG = REPO.parent / "shared" / "benchmarks" / "textberg"
MODELS = {"minilm": "all-MiniLM-L6-v2", "use": "use"}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def corpus(name: str) -> tuple[list[Path], bool]:
    """The corpus's paths (base first) and whether it is read one sentence per line."""
    if name == "example":
        import drift

        return drift.load_example(), False
    return [TEXTBERG / "de" / "002", TEXTBERG / "fr" / "002"], True


# -- measurements (each runs in its own process) ------------------------------------------------

def measure_stages(corpus_name: str, model: str, cache: str) -> dict:
    from drift.pipeline import Analyzer, _calibrate, _rounded, read_document

    t = time.perf_counter()
    from drift.alignment import align
    from drift.diffing import word_diff
    from drift.normalising import comparison_form
    from drift.report import Comparison, Link, Report
    from drift.scoring import comparison_drift, link_drift
    from drift.shifts import addition_shift, detect_shifts, omission_shift

    stages = {"import": time.perf_counter() - T_START}
    t = time.perf_counter()
    analyzer = Analyzer.create(MODELS[model], cache_dir=cache)
    _ = analyzer.embedder.embedder.model  # models load on first use; time the load as its own stage
    stages["model load"] = time.perf_counter() - t

    paths, presplit = corpus(corpus_name)
    t = time.perf_counter()
    docs = [read_document(p, role="base" if k == 0 else "rewrite", doc_id=f"d{k}", presplit_lines=presplit)
            for k, p in enumerate(paths)]
    stages["read+split"] = time.perf_counter() - t

    def texts(doc):
        return [comparison_form(doc.sentence_text(i)) for i in doc.content_indices]

    embedder = analyzer.embedder
    t = time.perf_counter()
    vectors = [embedder.encode(texts(d)) for d in docs]
    stages["embed"] = time.perf_counter() - t
    distinct = len({s for d in docs for s in texts(d)})
    after_embed = embedder.encoded

    base = docs[0]
    comparisons = []
    for k in ("align", "diff+shifts", "scoring"):
        stages[k] = 0.0
    for doc, rv in zip(docs[1:], vectors[1:], strict=True):
        t = time.perf_counter()
        pairs = align(vectors[0], rv, embed=embedder.encode, base_texts=texts(base), rewrite_texts=texts(doc),
                      config=analyzer.align_config)
        stages["align"] += time.perf_counter() - t
        t = time.perf_counter()
        bi, ri = base.content_indices, doc.content_indices
        parts = []
        for pair in pairs:
            b = tuple(bi[i] for i in pair.base)
            r = tuple(ri[j] for j in pair.rewrite)
            if not r:
                diff, shifts = [(-1, base.joined(b))], [omission_shift(base, b)]
            elif not b:
                diff, shifts = [(1, doc.joined(r))], [addition_shift(doc, r, base=base)]
            else:
                diff = word_diff(base.joined(b), doc.joined(r))
                shifts = detect_shifts(base, doc, b, r, diff)
            parts.append((pair, b, r, diff, shifts))
        stages["diff+shifts"] += time.perf_counter() - t
        t = time.perf_counter()
        calibration = _calibrate(pairs, vectors[0], rv)
        links = []
        for pair, b, r, diff, shifts in parts:
            similarity = None if pair.similarity is None else _rounded(pair.similarity)
            links.append(Link(b, r, similarity, _rounded(link_drift(similarity, shifts, calibration)),
                              pair.moved, tuple(diff), tuple(shifts), _rounded(pair.confidence)))
        comparisons.append(Comparison(base.id, doc.id, _rounded(comparison_drift(links, base)), tuple(links)))
        stages["scoring"] += time.perf_counter() - t
    report = Report(tuple(docs), tuple(comparisons), analyzer.model)
    t = time.perf_counter()
    report.to_json()
    stages["report JSON"] = time.perf_counter() - t
    t = time.perf_counter()
    report.to_html()
    stages["HTML render"] = time.perf_counter() - t
    return {"stages": stages, "distinct": distinct, "encoded_in_embed": after_embed,
            "encoded_in_align": embedder.encoded - after_embed, "peak_mb": _peak_mb(),
            "sentences": [len(d.content_indices) for d in docs]}


def measure_whole(corpus_name: str, model: str, cache: str) -> dict:
    import drift
    from drift.pipeline import Analyzer

    paths, presplit = corpus(corpus_name)
    analyzer = Analyzer.create(MODELS[model], cache_dir=cache)
    drift.compare(*paths, presplit=presplit, analyzer=analyzer)
    whole = time.perf_counter() - T_START
    peak = _peak_mb()
    t = time.perf_counter()
    again = Analyzer.create(MODELS[model], cache_dir=cache)  # model loaded again, imports warm
    drift.compare(*paths, presplit=presplit, analyzer=again)
    return {"seconds": whole, "peak_mb": peak, "encoded": analyzer.embedder.encoded,
            "second_in_process": time.perf_counter() - t, "second_encoded": again.embedder.encoded}


def measure_encode_only(model: str, cache: str, sentences_file: str) -> dict:
    from drift.embedding import load_embedder

    sentences = json.loads(Path(sentences_file).read_text(encoding="utf-8"))
    embedder = load_embedder(MODELS[model], cache_dir=cache)
    embedder.encode(sentences)
    return {"seconds": time.perf_counter() - T_START, "peak_mb": _peak_mb(), "encoded": embedder.encoded}


def measure_first_encode(model: str) -> dict:
    from drift.embedding import load_embedder

    t = time.perf_counter()
    embedder = load_embedder(MODELS[model], cache_dir=False)
    loaded = time.perf_counter() - t
    t = time.perf_counter()
    embedder.encode(["Venezuelan President Nicolas Maduro has repeated calls for peace."])
    return {"load": loaded, "first_encode": time.perf_counter() - t, "total": time.perf_counter() - T_START}


# -- the orchestrator --------------------------------------------------------------------------

def _run(*args: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, cwd=REPO,
                          env=env)
    if done.returncode != 0:
        raise RuntimeError(f"{args}: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _distinct_sentences(corpus_name: str) -> list[str]:
    from drift.normalising import comparison_form
    from drift.pipeline import read_document

    paths, presplit = corpus(corpus_name)
    out: dict[str, None] = {}
    for k, p in enumerate(paths):
        doc = read_document(p, role="base" if k == 0 else "rewrite", presplit_lines=presplit)
        out.update((comparison_form(doc.sentence_text(i)), None) for i in doc.content_indices)
    return list(out)


def _wall(cmd: list[str], repeat: int = 3) -> float:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, cwd=REPO, env=env, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models", nargs="+", default=["minilm", "use"], choices=sorted(MODELS))
    parser.add_argument("--corpora", nargs="+", default=["example", "textberg"],
                        choices=["example", "textberg"])
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--model", help=argparse.SUPPRESS)
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    parser.add_argument("--sentences", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        result = {"stages": lambda: measure_stages(args.corpus, args.model, args.cache),
                  "whole": lambda: measure_whole(args.corpus, args.model, args.cache),
                  "encode": lambda: measure_encode_only(args.model, args.cache, args.sentences),
                  "first": lambda: measure_first_encode(args.model)}[args.measure]()
        print(json.dumps(result))
        return

    print(f"drift speed · {os.cpu_count()} CPUs · load average {os.getloadavg()[0]:.1f} at start "
          "(other work on the machine inflates every number)")
    stage_rows, whole_rows = [], []
    with tempfile.TemporaryDirectory(prefix="drift-speed-") as tmp:
        for corpus_name in args.corpora:
            sentences = Path(tmp) / f"{corpus_name}.json"
            sentences.write_text(json.dumps(_distinct_sentences(corpus_name)), encoding="utf-8")
            for model in args.models:
                key = f"{corpus_name}/{model}"
                caches = {k: str(Path(tmp) / f"{corpus_name}-{model}-{k}") for k in ("s", "w", "e")}
                stage = _run("--measure", "stages", "--corpus", corpus_name, "--model", model,
                             "--cache", caches["s"])
                # side by side: encode-only and whole run alternate, each in a fresh process and cache
                encode = _run("--measure", "encode", "--model", model, "--cache", caches["e"],
                              "--sentences", str(sentences))
                whole = _run("--measure", "whole", "--corpus", corpus_name, "--model", model,
                             "--cache", caches["w"])
                cached = _run("--measure", "whole", "--corpus", corpus_name, "--model", model,
                              "--cache", caches["w"])
                stage_rows.append((key, stage))
                whole_rows.append((key, stage, whole, encode, cached))
                print(f"  measured {key} (load average {os.getloadavg()[0]:.1f})", flush=True)
        first = {m: _run("--measure", "first", "--model", m) for m in args.models}

    names = ["import", "model load", "read+split", "embed", "align", "diff+shifts", "scoring", "report JSON",
             "HTML render"]
    print("\n## Time per stage, seconds (fresh process, fresh cache; sums over the corpus's comparisons)")
    print(f"{'corpus/model':<18} {'sentences':>12} " + " ".join(f"{n:>11}" for n in names)
          + f" {'encoded':>15} {'peak MB':>8}")
    for key, s in stage_rows:
        st = s["stages"]
        sizes = "+".join(str(n) for n in s["sentences"][:2]) + ("+…" if len(s["sentences"]) > 2 else "")
        encoded = f"{s['encoded_in_embed']}+{s['encoded_in_align']}"
        print(f"{key:<18} {sizes:>12} " + " ".join(f"{st[n]:>11.2f}" for n in names)
              + f" {encoded:>15} {s['peak_mb']:>8.0f}")
    print("  encoded = distinct sentences encoded by the embed stage + joined runs encoded inside align")

    print("\n## Whole run vs. load + encode each distinct sentence once (fresh processes, fresh caches)")
    print(f"{'corpus/model':<18} {'distinct':>8} {'encode-only s':>14} {'whole s':>8} {'ratio':>6} "
          f"{'(≤1.3)':>6} {'cached s':>9} {'share':>6} {'(≤5%)':>6} {'cached, same process':>21} "
          f"{'peak MB whole':>14} {'peak MB enc':>12}")
    for key, stage, whole, encode, cached in whole_rows:
        ratio = whole["seconds"] / encode["seconds"]
        share = cached["seconds"] / whole["seconds"]
        same = whole["second_in_process"] / whole["seconds"]
        print(f"{key:<18} {stage['distinct']:>8} {encode['seconds']:>14.2f} {whole['seconds']:>8.2f} "
              f"{ratio:>6.2f} {'ok' if ratio <= 1.3 else 'MISS':>6} {cached['seconds']:>9.2f} "
              f"{share:>6.1%} {'ok' if share <= 0.05 else 'MISS':>6} "
              f"{whole['second_in_process']:>9.2f} s ({same:>5.1%}) {whole['peak_mb']:>14.0f} "
              f"{encode['peak_mb']:>12.0f}")
    print("  whole encodes " + ", ".join(f"{k}: {w['encoded']} strings (distinct sentences {s['distinct']})"
                                          for k, s, w, _, _ in whole_rows))

    print("\n## Cold start (median of 3 fresh processes where timed from outside)")
    py = _wall([sys.executable, "-c", "pass"])
    imp = _wall([sys.executable, "-c", "import drift"])
    help_ = _wall([sys.executable, "-m", "drift", "--help"])
    print(f"{'python -c pass':<36} {py:>7.2f} s")
    label = 'python -c "import drift"'
    print(f"{label:<36} {imp:>7.2f} s  (import drift itself {imp - py:.2f} s)")
    print(f"{'python -m drift --help':<36} {help_:>7.2f} s")
    for m, f in first.items():
        print(f"{m + ': load_embedder':<36} {f['load']:>7.2f} s   first encode {f['first_encode']:.2f} s   "
              f"process total {f['total']:.2f} s")


if __name__ == "__main__":
    main()
