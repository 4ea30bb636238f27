"""Where drift spends its time, and how close a whole run comes to just encoding the sentences.

    .venv/bin/python benchmarks/speed.py [--models minilm use] [--corpora example textberg] [--repeat 1]

Corpora: the example corpus (a base and four rewrites, English) and the largest Text+Berg pair
(``../shared/benchmarks/textberg/de/002`` → ``fr/002``, one sentence per line, ``--presplit``).
Models: all-MiniLM-L6-v2 (sentence-transformers on torch) and the multilingual Universal Sentence
Encoder (numpy). Targets (issue 12, "Done when"):

* **whole / encode-only ≤ 1.3** — ``drift compare --no-cache`` in a fresh process, against a fresh
  process that loads the same model and encodes each distinct content sentence once (the strings
  drift encodes: comparison forms of the content sentences). Both are timed from outside, from
  process start to exit, with thread pools sized by :mod:`drift.threads` (each prints its count).
* **cached rerun ≤ 5 %** — ``drift compare`` with a fresh cache directory, then again with the
  same one (the second run is served from the report cache).

Then the time per stage of one instrumented ``drift.compare`` (exclusive seconds: time spent in
an inner stage, such as encoding joined sentences inside the aligner, is not counted again in the
outer one), and cold starts. Each measured process runs the CLI's own ``main`` (see
``--measure cli``), so the numbers are those of ``drift compare``. All processes import one copy
of the ``drift`` package taken at start, so edits made meanwhile (which change the report cache's
key) do not mix versions. Timings on a shared machine are noisy: the load average is printed.

The copy of drift the processes import is byte-compiled once, as pip does at install (with
``PYTHONDONTWRITEBYTECODE`` set each process would compile drift's source again, 0.25-0.4 s). The
stage table runs the stages one after another; the whole run (``drift compare`` with a named model
and no cache) loads the model in a thread while the documents are read and identified, and, for a
model without torch, the English parser in a thread while the sentences are encoded and aligned.

Measured 2026-12-01, round 4, after drift's own work was cut with outputs unchanged (the JSON
reports of both corpora and both models identical before and after), 2 threads, load 1.1-1.6,
median of 3: whole / encode-only, wall (CPU): example MiniLM 2.06 (2.20), example USE 3.37
(3.57), Text+Berg MiniLM 3.11 (3.25), Text+Berg USE 1.84 (1.79); cached rerun 0.3-2.0 %. Noisy:
two earlier runs of this round (before the parser thread's last change) gave 2.30-2.35 (2.5-2.6),
3.66-3.80 (3.7-4.0), 3.06-3.33 (3.1-3.2), 2.37-2.90 (2.2-2.7). Side by side
with round 3's code for drift's own modules (interleaved fresh processes, median of 3, load
0.8-1.2): Text+Berg USE 6.68 → 5.58 s wall (8.1 → 7.5 s CPU), example USE 8.0-9.7 → 7.5-8.4 s,
example MiniLM 21-22 s both. CPU per stage, Text+Berg USE: links 2.3-2.5 → 1.3-1.6 s (the word
diff settles a translation as one replacement from the words both sides spell alike, word pairs
without a lexicon found through an index, names and figures read once), line-by-line language
identification 0.5 → 0.3 s. What is left above the floor: Text+Berg MiniLM encodes 1,591 strings
for 566 sentences (the aligner's joined runs: align 26 s wall, 37 s CPU), example corpus links 1.7-2.5 s
CPU (WordNet relations of every word pair, the detectors), spaCy parse 1.0-1.3 s, py3langid's load
0.6 s (overlapped with the model's), imports 0.25 s.

Measured 2026-12-01, round 3, after joined runs were pooled from the sentences' token features
(drift.pooling; the USE encodes no joined text), load 2-3, 1 thread: whole / encode-only, wall
(CPU): example MiniLM 2.51 (2.13), example USE 4.48 (4.56), Text+Berg MiniLM 3.31 (3.24), Text+Berg
USE 3.91 (3.53); cached rerun 0.2-2.3 %. Text+Berg USE, CPU per stage: encode 2.5 s (566 sentences
read once, 799 runs pooled), links 2.4 s, alignment 0.8 s, language identification 0.7 s: what is
left above the floor is drift's own reading of each link, not encoding.

Measured earlier on 2026-12-01 on 2 shared cores (load 3 for the example corpus, 8–11 for Text+Berg; the CPU
ratio is the steadier figure), drift.threads chose 1 thread (the machine was busy). Whole /
encode-only, wall (CPU): example USE 4.67 (4.78), was 6.33 (6.52); example MiniLM 1.93 (2.30);
Text+Berg USE 3.90 (3.93); Text+Berg MiniLM 5.72 wall at a load that rose from 3 to 8 (3.13). Cached
rerun 0.5–1.4 % of the first (was 7 % for example USE). CPU per stage, example USE: encode 2.6 s
(416 strings for 144 sentences), spaCy import and model 1.1 s (2.2 s when thinc imported torch),
parse 1.2 s (142 sentences in one batch), detectors and word alignment 1.9 s, language
identification 0.6 s; Text+Berg MiniLM: encode 35.8 s (1,559 strings for 566 sentences), links 2.2 s.
Before 2026-12-01 the ``--model`` of the measured command was taken by this script's own option,
so the "use" rows of the example corpus ran MiniLM and the "minilm" rows of Text+Berg ran USE.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEXTBERG = REPO.parent / "shared" / "benchmarks" / "textberg"
MODELS = {"minilm": "all-MiniLM-L6-v2", "use": "use"}
#: Where the measured processes import drift from (a copy made at start, see main).
CODE = os.environ.get("DRIFT_SPEED_CODE", str(REPO))
#: The stages of one instrumented run: (label, module, attribute) of each function timed.
STAGES = (
    ("read+split", "drift.pipeline", "read_documents"),
    ("language id", "drift.pipeline", "detect_language"),
    ("model load", "drift.embedding", "DeferredEmbedder.model"),
    ("encode", "drift.embedding", "CachedEmbedder.encode"),
    ("align", "drift.pipeline", "align"),
    ("parser load", "drift.parsing", "_load"),
    ("parse", "drift.parsing", "parse_all"),
    ("links", "drift.pipeline", "Analyzer._link"),
    ("calibrate", "drift.pipeline", "_calibrate"),
    ("report JSON", "drift.report", "Report.to_json"),
    ("HTML", "drift.report", "Report.to_html"),
)


def corpus(name: str) -> tuple[list[str], bool]:
    """The corpus's paths (base first) and whether it is read one sentence per line."""
    if name == "example":
        from drift.corpus import example_paths

        return [str(p) for p in example_paths()], False
    return [str(TEXTBERG / "de" / "002"), str(TEXTBERG / "fr" / "002")], True


# -- inside a measured process ------------------------------------------------------------------

def _record_threads() -> list[int]:
    """Wrap drift.threads.limited so the thread counts used in this process are recorded."""
    import contextlib

    from drift import threads

    used: list[int] = []
    original = threads.limited

    @contextlib.contextmanager
    def recording(n=None):
        with original(n) as count:
            used.append(count)
            yield count

    threads.limited = recording
    return used


def _exit_report(out: str, **fields) -> None:
    import resource

    fields["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    Path(out).write_text(json.dumps(fields), encoding="utf-8")


def measure_cli(out: str, argv: list[str]) -> None:
    """``drift <argv>`` through the CLI's own main, run as the command (arguments in
    ``sys.argv``), recording the thread counts it used."""
    used = _record_threads()
    from drift.cli import main

    sys.argv = ["drift", *argv]
    code = main()
    _exit_report(out, code=code, threads=sorted(set(used)))


def measure_encode_only(out: str, model: str, sentences_file: str) -> None:
    """The floor: load the model the way drift does and encode each distinct sentence once."""
    used = _record_threads()
    from drift.embedding import load_embedder

    sentences = json.loads(Path(sentences_file).read_text(encoding="utf-8"))
    embedder = load_embedder(MODELS[model], cache_dir=False)
    embedder.encode(sentences)
    _exit_report(out, encoded=embedder.encoded, threads=sorted(set(used)))


def measure_stages(out: str, corpus_name: str, model: str) -> None:
    """One ``drift.compare`` (no cache) with each stage's exclusive time; imports counted apart."""
    start = time.perf_counter()
    import importlib

    import drift
    import drift.parsing
    import drift.pipeline

    imported = time.perf_counter() - start
    used = _record_threads()
    seconds = dict.fromkeys([label for label, _, _ in STAGES], 0.0)
    cpu = dict(seconds)
    running: list[list] = []  # [label, started, cpu started, time and CPU time spent in inner stages]

    def timed(label, function):
        def wrapper(*args, **kwargs):
            running.append([label, time.perf_counter(), time.process_time(), 0.0, 0.0])
            try:
                return function(*args, **kwargs)
            finally:
                _, started, cpu_started, inner, inner_cpu = running.pop()
                spent, cpu_spent = time.perf_counter() - started, time.process_time() - cpu_started
                seconds[label] += spent - inner
                cpu[label] += cpu_spent - inner_cpu
                if running:
                    running[-1][3] += spent
                    running[-1][4] += cpu_spent
        return wrapper

    for label, module_name, attribute in STAGES:
        owner = importlib.import_module(module_name)
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        current = owner.__dict__.get(name)
        if current is None:  # an older drift (see --code) without this stage
            continue
        if isinstance(current, property):
            setattr(owner, name, property(timed(label, current.fget)))
        else:
            setattr(owner, name, timed(label, current))
    if hasattr(drift.parsing, "skip_torch_interop"):
        drift.parsing.skip_torch_interop()  # as the drift command does
    paths, presplit = corpus(corpus_name)
    analyzer = drift.pipeline.Analyzer.create(MODELS[model], cache_dir=False)
    t, t_cpu = time.perf_counter(), time.process_time()
    report = drift.pipeline.compare(*paths, presplit=presplit, analyzer=analyzer)
    total, total_cpu = time.perf_counter() - t, time.process_time() - t_cpu
    report.to_json()
    report.to_html()
    seconds["other"] = total - sum(v for k, v in seconds.items() if k not in ("report JSON", "HTML"))
    cpu["other"] = total_cpu - sum(v for k, v in cpu.items() if k not in ("report JSON", "HTML"))
    _exit_report(out, imports=imported, seconds=seconds, stage_cpu=cpu, encoded=analyzer.embedder.encoded,
                 sentences=[len(d.content_indices) for d in report.documents], threads=sorted(set(used)),
                 torch="torch" in sys.modules)


# -- the orchestrator ---------------------------------------------------------------------------

def _run(*args: str) -> dict:
    """Run this script with ``args`` in a fresh process; its report, wall seconds and load."""
    env = {**os.environ, "PYTHONPATH": CODE, "HF_HUB_OFFLINE": "1"}
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        out = f.name
    load = os.getloadavg()[0]
    cpu = _children_cpu()
    t = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--measure", *args[:1], "--out", out, *args[1:]],
                          capture_output=True, text=True, cwd=REPO, env=env)
    wall = time.perf_counter() - t
    cpu = _children_cpu() - cpu
    if done.returncode != 0:
        raise RuntimeError(f"{args}: {done.stderr[-3000:]}")
    result = json.loads(Path(out).read_text(encoding="utf-8"))
    Path(out).unlink()
    return {**result, "wall": wall, "cpu": cpu, "load": load}


def _children_cpu() -> float:
    """CPU seconds (user + system, every thread) of the child processes waited for so far."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _distinct_sentences(corpus_name: str) -> list[str]:
    from drift.pipeline import _content, read_documents

    paths, presplit = corpus(corpus_name)
    docs, _ = read_documents(paths[0], paths[1:], presplit=presplit)
    return list(dict.fromkeys(text for doc in docs for text in _content(doc)[1]))


def _median(runs: list[dict], key: str = "wall") -> float:
    return statistics.median(r[key] for r in runs)


def _wall(cmd: list[str], repeat: int = 3) -> float:
    env = {**os.environ, "PYTHONPATH": CODE, "HF_HUB_OFFLINE": "1"}
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, cwd=REPO, env=env, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _threads_line() -> str:
    from drift import threads

    explicit = threads.explicit_threads()
    return (f"threads: affinity {len(os.sched_getaffinity(0))} of {os.cpu_count()} CPUs, usable cores "
            f"{threads.available_cores()}, other running tasks now {threads.other_running_tasks()}, "
            + (f"explicit setting {explicit}" if explicit else "no explicit setting")
            + f" → drift would use {threads.thread_count()} now")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models", nargs="+", default=["minilm", "use"], choices=sorted(MODELS))
    parser.add_argument("--corpora", nargs="+", default=["example", "textberg"],
                        choices=["example", "textberg"])
    parser.add_argument("--repeat", type=int, default=1, help="runs of each timed process (median)")
    parser.add_argument("--code", type=Path, default=REPO, help="the folder holding the drift package to "
                        "measure (default: this checkout), e.g. an export of another commit")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold-start timings")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--model", help=argparse.SUPPRESS)
    parser.add_argument("--sentences", help=argparse.SUPPRESS)
    own, command = sys.argv[1:], []
    if "--" in own:  # the drift command's arguments (see measure_cli)
        own, command = own[:own.index("--")], own[own.index("--") + 1:]
    args = parser.parse_args(own)
    if args.measure == "cli":
        measure_cli(args.out, command)
        return
    if args.measure == "encode":
        measure_encode_only(args.out, args.model, args.sentences)
        return
    if args.measure == "stages":
        measure_stages(args.out, args.corpus, args.model)
        return

    global CODE
    snapshot = tempfile.mkdtemp(prefix="drift-speed-code-")
    shutil.copytree(args.code / "drift", Path(snapshot) / "drift",
                    ignore=shutil.ignore_patterns("__pycache__"))
    # byte-compiled once, as pip does at install: with PYTHONDONTWRITEBYTECODE set (as here) each
    # measured process would otherwise compile drift's source again (0.25-0.4 s)
    compileall.compile_dir(Path(snapshot) / "drift", quiet=1)
    CODE = os.environ["DRIFT_SPEED_CODE"] = snapshot
    sys.path.insert(0, snapshot)  # this process reads the corpora with the same drift
    print(f"drift speed · load average {os.getloadavg()[0]:.1f} at start (other work on the machine "
          "inflates every number)")
    print(_threads_line())
    rows = []
    with tempfile.TemporaryDirectory(prefix="drift-speed-") as tmp:
        for corpus_name in args.corpora:
            paths, presplit = corpus(corpus_name)
            sentences = Path(tmp) / f"{corpus_name}.json"
            distinct = _distinct_sentences(corpus_name)
            sentences.write_text(json.dumps(distinct), encoding="utf-8")
            for model in args.models:
                cli = ["compare", *paths, "--model", MODELS[model], *(["--presplit"] if presplit else [])]
                floors, wholes, firsts, cached = [], [], [], []
                for k in range(args.repeat):  # side by side: floor and whole alternate
                    floors.append(_run("encode", "--model", model, "--sentences", str(sentences)))
                    # the command's arguments after "--", so that none is taken for one of this script's
                    wholes.append(_run("cli", "--", *cli, "--no-cache"))
                    cache = str(Path(tmp) / f"{corpus_name}-{model}-{k}")
                    firsts.append(_run("cli", "--", *cli, "--cache-dir", cache))
                    cached.append(_run("cli", "--", *cli, "--cache-dir", cache))
                stages = _run("stages", "--corpus", corpus_name, "--model", model)
                rows.append((corpus_name, model, len(distinct), floors, wholes, firsts, cached, stages))
                print(f"  measured {corpus_name}/{model} (load average {os.getloadavg()[0]:.1f})", flush=True)

    print("\n## Whole run vs. load + encode each distinct sentence once (fresh processes, wall seconds, "
          f"median of {args.repeat})")
    print(f"{'corpus/model':<16} {'distinct':>8} {'encode-only':>11} {'whole':>7} {'ratio':>6} {'≤1.3':>5} "
          f"{'cpu ratio':>9} {'first':>7} {'cached':>7} {'share':>6} {'≤5%':>5} {'cpu share':>9} "
          f"{'threads':>8} {'load':>9} {'peak MB':>8}")
    for corpus_name, model, n, floors, wholes, firsts, cached, _ in rows:
        ratio = _median(wholes) / _median(floors)
        cpu_ratio = _median(wholes, "cpu") / _median(floors, "cpu")
        share = _median(cached) / _median(firsts)
        cpu_share = _median(cached, "cpu") / _median(firsts, "cpu")
        used = sorted({t for r in (*floors, *wholes) for t in r["threads"]})
        loads = [r["load"] for r in (*floors, *wholes, *firsts, *cached)]
        print(f"{corpus_name + '/' + model:<16} {n:>8} {_median(floors):>11.2f} {_median(wholes):>7.2f} "
              f"{ratio:>6.2f} {'ok' if ratio <= 1.3 else 'MISS':>5} {cpu_ratio:>9.2f} "
              f"{_median(firsts):>7.2f} {_median(cached):>7.2f} {share:>6.1%} "
              f"{'ok' if share <= 0.05 else 'MISS':>5} {cpu_share:>9.1%} "
              f"{','.join(map(str, used)):>8} {min(loads):>4.1f}-{max(loads):<4.1f} "
              f"{max(r['peak_mb'] for r in wholes):>8.0f}")
    print("  threads = the pool sizes drift.threads chose in the measured processes (encode-only and whole); "
          "cpu ratio = the same\n  ratio in CPU seconds (user + system, all threads), which other jobs on a "
          "shared machine disturb less than wall time")

    labels = ["imports", *(label for label, _, _ in STAGES), "other"]
    print("\n## Time per stage of one drift.compare, exclusive seconds (fresh process, no cache): wall, "
          "then CPU")
    print(f"{'corpus/model':<20} {'sentences':>10} " + " ".join(f"{x:>11}" for x in labels)
          + f" {'encoded':>8} {'load':>5}")
    for corpus_name, model, _, _, _, _, _, s in rows:
        sizes = "+".join(map(str, s["sentences"][:2])) + ("+…" if len(s["sentences"]) > 2 else "")
        for kind in ("seconds", "stage_cpu"):
            values = [s["imports"] if kind == "seconds" else float("nan"), *(s[kind][x] for x in labels[1:])]
            label = corpus_name + "/" + model + (" cpu" if kind == "stage_cpu" else "")
            print(f"{label:<20} {sizes:>10} "
                  + " ".join(f"{v:>11.2f}" for v in values) + f" {s['encoded']:>8} {s['load']:>5.1f}")
    print("  encode counts sentences and the joined runs the aligner encodes; links = diff, shifts and "
          "word alignment per link; other = the rest of compare (notices, scoring, report assembly)")

    if args.no_cold:
        shutil.rmtree(snapshot, ignore_errors=True)
        return
    print("\n## Cold start (median of 3 fresh processes)")
    py = _wall([sys.executable, "-c", "pass"])
    imp = _wall([sys.executable, "-c", "import drift"])
    pipeline = _wall([sys.executable, "-c", "import drift.pipeline"])
    help_ = _wall([sys.executable, "-m", "drift", "--help"])
    print(f"{'python -c pass':<36} {py:>7.2f} s")
    for label, seconds in (('python -c "import drift"', imp), ('python -c "import drift.pipeline"', pipeline),
                           ("python -m drift --help", help_)):
        print(f"{label:<36} {seconds:>7.2f} s  (+{seconds - py:.2f} s over python)")
    shutil.rmtree(snapshot, ignore_errors=True)


if __name__ == "__main__":
    main()
