"""The command line: ``drift compare`` for one story, ``drift batch`` for many.

Every notice of the report (a rewrite left out, an encoding guessed on weak evidence, a language
the model does not cover, ...) prints as one line on stderr, ``drift: warning: <document>:
<message>``. Errors a user can cause print one line each, ``drift: error: ...``; there is no
traceback. Exit status: 0 done; 1 done, but some rewrites could not be read and were left out; 2
nothing could be done (bad base, no readable rewrite, bad options, a model that cannot load); 130
interrupted.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from drift import __version__
from drift.errors import DriftError, DriftWarning, NoReadableRewriteError

EXIT_OK, EXIT_SOME_FAILED, EXIT_NOTHING_DONE, EXIT_INTERRUPTED = 0, 1, 2, 130
_EXIT_CODES = ("exit status: 0 done; 1 done, but some rewrites could not be read and were left out "
               "(each named on stderr); 2 nothing could be done (bad base, no readable rewrite, bad "
               "options); 130 interrupted")


def _add_model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="NAME|PATH",
                        help="embedding model: 'use' (multilingual Universal Sentence Encoder), or any "
                             "sentence-transformers name or local path (default: all-MiniLM-L6-v2 when "
                             "every document is English, else 'use'; $DRIFT_MODEL overrides)")
    parser.add_argument("--multilingual", action="store_true",
                        help="use the multilingual model even if all documents look like one language")
    parser.add_argument("--presplit", action="store_true",
                        help="read one sentence per line; skip sentence splitting and furniture detection")
    parser.add_argument("--nli-model", metavar="NAME|PATH",
                        help="a local cross-encoder NLI model that adds contradiction/entailment evidence")
    cache = parser.add_mutually_exclusive_group()
    cache.add_argument("--cache-dir", type=Path, help="where to keep embedding vectors between runs")
    cache.add_argument("--no-cache", action="store_true", help="do not read or write the embedding cache")
    parser.add_argument("--input-format", choices=("auto", "text", "html"), default="auto",
                        help="read inputs as plain text or as web pages (article text extracted); "
                             "auto: .htm/.html files and text that starts like a page are pages, "
                             "everything else (.txt included) is plain text (default: auto)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="drift", description="Find where rewrites moved the meaning "
                                     "of a base article, sentence by sentence.", epilog=_EXIT_CODES)
    parser.add_argument("--version", action="version", version=f"drift {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    one = commands.add_parser("compare", help="compare a base article with its rewrites",
                              description="Compare BASE with each REWRITE and write a drift report. "
                              "A REWRITE that cannot be read is named on stderr and left out; the "
                              "others are analysed.", epilog=_EXIT_CODES)
    one.add_argument("base", type=Path, help="the base article (text or HTML file)")
    one.add_argument("rewrites", type=Path, nargs="+", metavar="REWRITE", help="rewritten versions")
    one.add_argument("--json", type=Path, metavar="FILE", help="write the drift-report/1 JSON here")
    one.add_argument("--html", type=Path, metavar="FILE", help="write the static HTML report here")
    one.add_argument("--links-csv", type=Path, metavar="FILE", help="write one row per link as CSV")
    one.add_argument("--shifts-csv", type=Path, metavar="FILE", help="write one row per shift as CSV")
    _add_model_options(one)

    many = commands.add_parser("batch", help="compare many stories (a folder or a manifest), "
                               "locally or on Dask", description="Write one report per story and a "
                               "corpus table; resumes where an interrupted run stopped.")
    many.add_argument("source", type=Path, help="a folder with one sub-folder per story, or a JSON-lines "
                      "manifest of {\"story\", \"base\", \"rewrites\"}")
    many.add_argument("--out", type=Path, required=True, help="output folder")
    many.add_argument("--dask", metavar="ADDRESS", help="a Dask scheduler address, or 'local' for a "
                      "local cluster (default: run in this process)")
    many.add_argument("--workers", type=int, default=2, help="workers of a local Dask cluster")
    many.add_argument("--html", action="store_true", help="also write an HTML report per story")
    _add_model_options(many)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv``); returns the exit status.

    Without ``argv`` this is the ``drift`` command: the process runs nothing but drift, so spaCy
    is loaded without thinc's torch interop (:func:`drift.parsing.skip_torch_interop`), which
    saves importing torch with the USE model."""
    if argv is None:
        from drift.parsing import skip_torch_interop

        skip_torch_interop()
    args = build_parser().parse_args(argv)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            warnings.simplefilter("ignore", DriftWarning)  # printed from the report's notices
            return _run_compare(args) if args.command == "compare" else _run_batch(args)
    except NoReadableRewriteError as e:
        for failure in e.failures:
            print(f"drift: error: {failure}", file=sys.stderr)
        return EXIT_NOTHING_DONE
    except DriftError as e:
        print(f"drift: error: {e}", file=sys.stderr)
        return EXIT_NOTHING_DONE
    except KeyboardInterrupt:
        print("drift: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _cache_dir(args: argparse.Namespace) -> Path | bool:
    return False if args.no_cache else (args.cache_dir or True)


def _run_compare(args: argparse.Namespace) -> int:
    options = {"model": args.model, "multilingual": True if args.multilingual else None,
               "presplit": args.presplit, "nli_model": args.nli_model, "input_format": args.input_format}
    report = _cached_report(args, options)
    if report is None:
        from drift.pipeline import compare

        report = compare(args.base, *args.rewrites, cache_dir=_cache_dir(args), progress=not args.quiet,
                         **options)
    print_notices(report)
    if args.json:
        report.to_json(args.json)
    if args.html:
        report.to_html(args.html)
    if args.links_csv:
        report.links_frame().to_csv(args.links_csv, index=False)
    if args.shifts_csv:
        report.shifts_frame().to_csv(args.shifts_csv, index=False)
    if not args.quiet:
        print(_summary_text(report))
    return EXIT_SOME_FAILED if any(n.code == "unreadable" for n in report.notices) else EXIT_OK


def _cached_report(args: argparse.Namespace, options: dict[str, object]):
    """The report :func:`drift.pipeline.compare` would serve from its cache for these arguments,
    found without importing the pipeline (numpy, the aligner, the detectors); None on a miss."""
    from drift.cache import report_slot

    # the same key as compare's: its options the command leaves at their defaults are given too
    slot = report_slot([args.base, *args.rewrites], cache_dir=_cache_dir(args), ids=None, align_config=None,
                       **options)
    return None if slot is None else slot[0].get_report(slot[1])


def print_notices(report, file=None) -> None:
    """Print each of the report's notices as one line, ``drift: warning: <document>: <message>``."""
    for notice in report.notices:
        print(f"drift: warning: {notice.document or 'report'}: {notice.message}", file=file or sys.stderr)


def _summary_text(report) -> str:
    """One line per rewrite, most drifted first: the columns of ``report.summary_frame()``,
    counted here so that printing a report needs no pandas."""
    lines = [f"base {report.base.id} · model {report.model.name}"]
    lines.append(f"{'rewrite':<24} {'drift':>6} {'links':>6} {'deleted':>8} {'inserted':>9} "
                 f"{'moved':>6} {'severe':>7}")
    for c in sorted(report.comparisons, key=lambda c: -c.drift):
        kinds = [link.kind for link in c.links]
        severe = sum(s.severity >= 2 for link in c.links for s in link.shifts)
        lines.append(f"{c.rewrite:<24} {c.drift:>6.3f} {len(c.links):>6} {kinds.count('deleted'):>8} "
                     f"{kinds.count('inserted'):>9} {sum(link.moved for link in c.links):>6} {severe:>7}")
    return "\n".join(lines)


def _run_batch(args: argparse.Namespace) -> int:
    from drift.batch import run_batch

    summary = run_batch(args.source, args.out, model=args.model,
                        multilingual=True if args.multilingual else None, presplit=args.presplit,
                        cache_dir=_cache_dir(args), nli_model=args.nli_model, dask=args.dask,
                        workers=args.workers, html=args.html, progress=not args.quiet,
                        input_format=args.input_format)
    if not args.quiet:
        print(summary)
    return 0
