"""Many stories at once: one report per story and one corpus table, locally or on Dask.

A *story* is a base article and its rewrites. :func:`iter_stories` reads them from either

* a **folder** with one sub-folder per story: the sub-folder's name is the story id; its base is
  the file named ``base.*`` (``base.txt``, ``base.html``, any case), and when no file is so named,
  the first file in sorted (code-point) order; every other file is a rewrite, in sorted order.
  Hidden files and folders (``.*``) and nested folders are ignored. Two ``base.*`` files, or a
  story with no rewrite, is an error recorded for that story.
* a **JSON-lines manifest**, one story per line:
  ``{"story": "s1", "base": "a/base.txt", "rewrites": ["a/r1.txt", "a/r2.txt"]}``; relative paths
  are relative to the manifest's folder. Blank lines are skipped.

:func:`run_batch` writes, under ``out``:

* ``reports/<story>.json`` — the story's ``drift-report/1`` report, written atomically (a temporary
  file, then ``os.replace``), plus ``reports/<story>.html`` with ``html=True``;
* ``corpus.jsonl`` and ``corpus.parquet`` — one row per story x rewrite: story, base, rewrite
  (paths as given), rewrite_id, model, drift and the counts of :meth:`Report.summary_frame`;
* ``errors.jsonl`` — one line per story that failed in this run: story, error class, message; and
  one per rewrite that could not be read (the story's other rewrites are analysed): story,
  rewrite (its id), ``"error": "unreadable"``, message. Such a story is analysed again on resume.

Runs resume: a story whose report already exists, loads, and has one comparison per rewrite is
not analysed again (its rows still go into the corpus table). Locally, one
:class:`~drift.pipeline.Analyzer` serves every story, so the model loads once; within a story each
distinct sentence is encoded once (the base once for all its rewrites), and across stories and
runs the disk cache serves repeats, while the in-memory vectors are dropped after each story so a
long corpus runs in constant memory. With ``dask="local"`` (a ``LocalCluster`` of ``workers`` processes) or a
scheduler address, each story is one task; each worker process builds its Analyzer once and keeps
it (see :func:`_analyzer`). Input paths must be readable by the workers.

>>> print(run_batch("stories/", "out/", model="use"))             # doctest: +SKIP
3 stories: 3 analysed, 0 already done, 0 failed · 8 comparisons · ...
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import traceback
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from drift.errors import DriftError, DriftWarning, InputError, ModelError, ReportFormatError
from drift.report import Report

__all__ = ["Story", "iter_stories", "run_batch", "CORPUS_COLUMNS"]

#: Columns of ``corpus.jsonl`` / ``corpus.parquet``, in order.
CORPUS_COLUMNS = ["story", "base", "rewrite", "rewrite_id", "model", "drift", "links", "deleted",
                  "inserted", "moved", "shifts", "severe", "reversed_or_invented"]
_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass(frozen=True)
class Story:
    """One base article and its rewrites, as paths. ``problem`` says why it cannot be analysed."""

    id: str
    base: Path | None
    rewrites: tuple[Path, ...]
    problem: str | None = None
    #: No file was named ``base.*``: the first file in sorted order was taken as the base.
    base_guessed: bool = False

    @property
    def file_name(self) -> str:
        """The story id made safe as a file name (``reports/<file_name>.json``)."""
        return _safe_name(self.id)


def _safe_name(story_id: str) -> str:
    name = _UNSAFE.sub("_", story_id).lstrip(".")
    return name[:150] or "story"


# -- reading the corpus --------------------------------------------------------------------------

def iter_stories(source: str | os.PathLike[str]) -> Iterator[Story]:
    """The stories of a folder (one sub-folder per story) or of a JSON-lines manifest.

    Raises :class:`~drift.errors.InputError` when ``source`` is neither; problems of single
    stories (no rewrite, unreadable manifest line, duplicate id) come back as ``Story.problem``.
    """
    path = Path(source)
    if path.is_dir():
        stories = _folder_stories(path)
    elif path.is_file():
        stories = _manifest_stories(path)
    else:
        raise InputError(None, f"{path} is neither a folder of stories nor a JSON-lines manifest")
    seen: set[str] = set()
    for story in stories:
        key = story.file_name.casefold()  # case-insensitive file systems would merge these
        if key in seen and story.problem is None:
            story = Story(story.id, story.base, story.rewrites,
                          f"story id {story.id!r} repeats an earlier story's (as a file name)")
        seen.add(key)
        yield story


def _folder_stories(folder: Path) -> Iterator[Story]:
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        files = sorted(p for p in sub.iterdir() if p.is_file() and not p.name.startswith("."))
        marked = [p for p in files if p.name.split(".")[0].casefold() == "base"]
        if len(marked) > 1:
            yield Story(sub.name, None, (), f"more than one base file: {[p.name for p in marked]}")
            continue
        if not files:
            yield Story(sub.name, None, (), "the story folder holds no files")
            continue
        base = marked[0] if marked else files[0]
        rewrites = tuple(p for p in files if p != base)
        yield Story(sub.name, base, rewrites, None if rewrites else "the story has no rewrite",
                    base_guessed=not marked)


def _manifest_stories(manifest: Path) -> Iterator[Story]:
    try:
        lines = manifest.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(None, f"cannot read the manifest {manifest}: {e}") from None
    root = manifest.parent
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        fallback = f"line-{number}"
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as e:
            yield Story(fallback, None, (), f"manifest line {number} is not JSON: {e}")
            continue
        if not isinstance(entry, dict):
            yield Story(fallback, None, (), f"manifest line {number} is not a JSON object")
            continue
        story_id = str(entry.get("story") or fallback)
        base, rewrites = entry.get("base"), entry.get("rewrites")
        if not isinstance(base, str) or not isinstance(rewrites, list) or not all(
                isinstance(r, str) for r in rewrites):
            yield Story(story_id, None, (), f"manifest line {number} needs \"base\": path and "
                                            "\"rewrites\": [paths]")
            continue
        resolved = tuple(root / r for r in rewrites)
        yield Story(story_id, root / base, resolved, None if resolved else "the story has no rewrite")


# -- analysing one story (locally or inside a Dask worker) ---------------------------------------

@dataclass(frozen=True)
class _Settings:
    model: Any  # None, a model name or path, or an Embedder (picklable for Dask)
    multilingual: bool | None
    presplit: bool
    cache_dir: str | bool | None
    nli_model: str | None
    input_format: str = "auto"

    def key(self, model_name: str) -> tuple:
        return (model_name, self.cache_dir, self.nli_model)

    def model_for(self, languages: set[str]) -> str | os.PathLike[str] | Any:
        """The model a story in ``languages`` is aligned with: the one asked for, else the default
        for those languages (as ``drift.compare`` chooses it)."""
        from drift.embedding import default_model

        if self.model is not None:
            return self.model
        return default_model(languages, multilingual=self.multilingual)


#: Analyzers of this process, keyed by settings: one per worker process on Dask, built on the
#: worker's first story and reused for the rest (models load once per process, not per task).
_WORKER_ANALYZERS: dict[tuple, Any] = {}


def _analyzer(settings: _Settings, languages: set[str], pool: dict[tuple, Any]):
    from drift.pipeline import Analyzer

    model = settings.model_for(languages)
    if isinstance(model, (str, os.PathLike)):
        name = str(model)
    else:
        kind = type(model)
        name = f"{kind.__module__}.{kind.__qualname__}:{getattr(model, 'name', '')}"
    key = settings.key(name)
    if key not in pool:
        pool[key] = Analyzer.create(model, cache_dir=settings.cache_dir, nli_model=settings.nli_model)
    return pool[key]


def _analyse(story: Story, settings: _Settings, pool: dict[tuple, Any]) -> Report:
    """The story's report, exactly as ``drift.compare(base, *rewrites, ...)`` makes it."""
    from drift.embedding import CachedEmbedder
    from drift.pipeline import compare, mixed_languages, read_documents

    if story.problem is not None or story.base is None:
        raise InputError(story.id, story.problem or "the story has no base")
    # a rewrite that cannot be read is left out with an "unreadable" notice, as in drift.compare
    # (no warning: the run writes it to errors.jsonl and its summary)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DriftWarning)
        docs, notices = read_documents(story.base, story.rewrites, presplit=settings.presplit,
                                       input_format=settings.input_format)
    mixed = mixed_languages(docs)  # read once: it chooses the model, and compare takes it
    shared = _analyzer(settings, {d.language for d in docs if d.language} | mixed.languages, pool)
    # The model is loaded once per process; the in-memory vector cache lives for one story, so a
    # long corpus runs in constant memory (the disk cache still spans stories and runs).
    analyzer = replace(shared, embedder=CachedEmbedder(shared.embedder.embedder, settings.cache_dir))
    # presplit: the documents are read already, but a long line's notice says how they were split
    report = compare(*docs, analyzer=analyzer, mixed=mixed, presplit=settings.presplit)
    return replace(report, notices=(*notices, *report.notices))


def _story_result(story: Story, settings: _Settings, html: bool, pool: dict[tuple, Any]
                  ) -> dict[str, Any]:
    """Analyse one story; never raises for the story's own problems (a ModelError is fatal)."""
    try:
        report = _analyse(story, settings, pool)
        page = report.to_html() if html else None
        return {"story": story.id, "report": report.to_json(), "html": page}
    except ModelError:
        raise
    except DriftError as e:
        return {"story": story.id, "error": type(e).__name__, "message": str(e)}
    except Exception as e:  # a bug, not the input's fault: record it and go on with the corpus
        return {"story": story.id, "error": type(e).__name__, "message": str(e) or repr(e),
                "unexpected": True, "traceback": traceback.format_exc()}


def _worker_task(story: Story, settings: _Settings, html: bool) -> dict[str, Any]:
    """One Dask task: one story, with this worker process's cached Analyzer. A worker of the local
    cluster drift started (``$DRIFT_WORKER`` set) is drift's alone: spaCy loads there without
    thinc's torch interop (:func:`drift.parsing.skip_torch_interop`), as in the command."""
    if os.environ.get(_OWN_WORKER) == "1":
        from drift.parsing import skip_torch_interop

        skip_torch_interop()
    return _story_result(story, settings, html, _WORKER_ANALYZERS)


#: Set in the environment of the workers of the local cluster :func:`run_batch` starts.
_OWN_WORKER = "DRIFT_WORKER"


# -- writing ------------------------------------------------------------------------------------

def _write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a reader sees the old file or the whole new one."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _finished(story: Story, path: Path) -> Report | None:
    """The story's report from an earlier run, when it exists, loads and covers every rewrite."""
    if not path.is_file():
        return None
    try:
        report = Report.from_json(path)
    except (ReportFormatError, OSError, UnicodeDecodeError):
        return None
    return report if len(report.comparisons) == len(story.rewrites) else None


def _rows(story: Story, report: Report) -> list[dict[str, Any]]:
    """Corpus-table rows of one story, most drifted rewrite first (as ``summary_frame``)."""
    unreadable = Counter(n.document for n in report.notices if n.code == "unreadable")
    read = []
    for p in story.rewrites:  # the rewrites that were read, in order: those left out are named by stem
        if unreadable[p.stem]:
            unreadable[p.stem] -= 1
        else:
            read.append(p)
    path_of = {doc.id: str(p) for doc, p in zip(report.rewrites, read, strict=False)}
    rows = []
    for row in report.summary_frame().to_dict("records"):
        rows.append({"story": story.id, "base": str(story.base), "rewrite": path_of.get(row["rewrite_id"]),
                     "rewrite_id": row["rewrite_id"], "model": report.model.name,
                     **{k: row[k] for k in CORPUS_COLUMNS[5:]}})
    return [{k: _plain(r[k]) for k in CORPUS_COLUMNS} for r in rows]


def _plain(value: Any) -> Any:
    """numpy scalars as Python numbers, so rows serialise to JSON."""
    return value.item() if hasattr(value, "item") else value


def _write_table(out: Path, rows: list[dict[str, Any]]) -> bool:
    """Write corpus.jsonl and corpus.parquet; False when parquet could not be written."""
    _write_atomic(out / "corpus.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    import pandas as pd

    frame = pd.DataFrame(rows, columns=CORPUS_COLUMNS)
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        warnings.warn("drift: pyarrow is not installed, so corpus.parquet was not written "
                      "(pip install 'drift[dask]')", stacklevel=3)
        return False
    fd, tmp = tempfile.mkstemp(prefix=".corpus.parquet.", suffix=".tmp", dir=out)
    os.close(fd)
    try:
        frame.to_parquet(tmp, index=False)
        os.replace(tmp, out / "corpus.parquet")
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


# -- the run ------------------------------------------------------------------------------------

def run_batch(source: str | os.PathLike[str], out: str | os.PathLike[str], *, model: Any = None,
              multilingual: bool | None = None, presplit: bool = False,
              cache_dir: str | os.PathLike[str] | bool | None = True, nli_model: str | None = None,
              dask: str | None = None, workers: int = 2, html: bool = False, progress: bool = True,
              input_format: str = "auto") -> str:
    """Analyse every story of ``source`` (see the module's docs) into ``out``; returns a summary.

    ``model``, ``multilingual``, ``presplit``, ``cache_dir``, ``nli_model`` and ``input_format``
    mean what they mean for :func:`drift.compare` (a rewrite that cannot be read is left out of its
    story's report and written to ``errors.jsonl``); as there, a story whose documents differ in
    language uses the multilingual model when ``model`` and ``multilingual`` are not given.
    ``dask`` is None (run in this process), ``"local"`` (a local cluster of ``workers`` processes)
    or a scheduler address.
    """
    from drift.cache import default_cache_dir

    out = Path(out)
    reports = out / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    stories = list(iter_stories(source))
    if Path(source).is_dir():  # an output folder inside the source folder is not a story
        stories = [s for s in stories if (Path(source) / s.id).resolve() != out.resolve()]
    if cache_dir is True:
        cache_dir = str(default_cache_dir())
    elif cache_dir:
        cache_dir = str(cache_dir)
    settings = _Settings(model, multilingual, presplit, cache_dir or None,
                         None if nli_model is None else str(nli_model), input_format)

    done: dict[str, Report] = {}
    todo: list[Story] = []
    for story in stories:
        report = _finished(story, reports / f"{story.file_name}.json") if story.problem is None else None
        if report is not None:
            done[story.id] = report
            if html and not (reports / f"{story.file_name}.html").is_file():
                _write_atomic(reports / f"{story.file_name}.html", report.to_html())
        else:
            todo.append(story)
    skipped = len(done)

    errors_path = out / "errors.jsonl"
    errors_path.write_text("", encoding="utf-8")
    failures: list[dict[str, Any]] = []
    left_out: list[dict[str, Any]] = []  # rewrites that could not be read, in stories analysed

    def record(result: dict[str, Any], story: Story) -> None:
        if "error" in result:
            failures.append(result)
            with errors_path.open("a", encoding="utf-8") as f:
                f.write(json.dumps(result, ensure_ascii=False) + "\n")
            return
        _write_atomic(reports / f"{story.file_name}.json", result["report"])
        if result.get("html") is not None:
            _write_atomic(reports / f"{story.file_name}.html", result["html"])
        done[story.id] = Report.from_json(result["report"])
        for notice in done[story.id].notices:
            if notice.code == "unreadable":
                left_out.append({"story": story.id, "rewrite": notice.document, "error": "unreadable",
                                 "message": notice.message})
                with errors_path.open("a", encoding="utf-8") as f:
                    f.write(json.dumps(left_out[-1], ensure_ascii=False) + "\n")

    if dask is None:
        _run_local(todo, settings, html, progress, record)
    else:
        _run_dask(todo, settings, html, progress, record, dask, workers)

    rows = [row for story in stories if story.id in done for row in _rows(story, done[story.id])]
    parquet = _write_table(out, rows)
    guessed = [s for s in stories if s.base_guessed and s.problem is None]
    return _summary(out, len(stories), len(done) - skipped, skipped, failures, rows, parquet, left_out,
                    guessed)


def _progress(iterable, total: int, enabled: bool):
    if not enabled:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc="drift batch", unit="story")


def _run_local(todo: list[Story], settings: _Settings, html: bool, progress: bool, record) -> None:
    pool: dict[tuple, Any] = {}  # this run's analyzers: the model loads once for all stories
    for story in _progress(todo, len(todo), progress):
        record(_story_result(story, settings, html, pool), story)


def _run_dask(todo: list[Story], settings: _Settings, html: bool, progress: bool, record,
              address: str, workers: int) -> None:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise DriftError("running on Dask needs dask[distributed]: pip install 'drift[dask]'") from None
    import logging

    cluster = None
    try:
        if address == "local":
            import dask

            from drift.threads import worker_environment

            # One task thread per worker; its BLAS/torch pools share out this machine's free cores.
            # Dask's own thread settings (1 each) are left out: its nanny would also write them
            # into this process's environment, where drift would take them for the user's.
            env = {**worker_environment(workers), _OWN_WORKER: "1"}
            pre_spawn = {k: v for k, v in dask.config.get("distributed.nanny.pre-spawn-environ").items()
                         if k not in env}
            with dask.config.set({"distributed.nanny.pre-spawn-environ": pre_spawn}):
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR, env=env)
            client = Client(cluster)
        else:
            client = Client(address)
    except (OSError, TimeoutError, ValueError, RuntimeError) as e:
        if cluster is not None:
            cluster.close()
        if address == "local":
            raise DriftError(f"cannot start a local Dask cluster: {e} (worker processes re-import the "
                             "calling script: guard it with `if __name__ == '__main__':`)") from None
        raise DriftError(f"cannot reach the Dask scheduler {address!r}: {e}") from None
    try:
        if not todo:
            return
        by_key = {}
        futures = client.map(_worker_task, todo, settings=settings, html=html, pure=False)
        for future, story in zip(futures, todo, strict=True):
            by_key[future.key] = story
        for future in _progress(as_completed(futures), len(futures), progress):
            story = by_key[future.key]
            try:
                result = future.result()
            except ModelError:
                raise
            except Exception as e:  # the worker died (KilledWorker) or the task could not run
                result = {"story": story.id, "error": type(e).__name__, "message": str(e) or repr(e),
                          "unexpected": True}
            future.release()
            record(result, story)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _summary(out: Path, total: int, analysed: int, skipped: int, failures: list[dict[str, Any]],
             rows: list[dict[str, Any]], parquet: bool, left_out: list[dict[str, Any]],
             guessed: list[Story]) -> str:
    noun = "story" if total == 1 else "stories"
    lines = [f"{total} {noun}: {analysed} analysed, {skipped} already done, {len(failures)} failed"
             f" · {len(rows)} comparisons"]
    if rows:
        drifts = [r["drift"] for r in rows]
        top = max(rows, key=lambda r: r["drift"])
        lines.append(f"mean drift {sum(drifts) / len(drifts):.3f} · most drifted: story {top['story']} "
                     f"rewrite {top['rewrite_id']} ({top['drift']:.3f})")
    if failures:
        bugs = sum(bool(f.get("unexpected")) for f in failures)
        first = failures[0]
        lines.append(f"failed: {', '.join(str(f['story']) for f in failures[:5])}"
                     f"{' …' if len(failures) > 5 else ''} (first: {first['message'][:120]})"
                     + (f"; {bugs} unexpected (a bug in drift: see the traceback)" if bugs else ""))
    if left_out:
        lines.append(f"{len(left_out)} rewrite{'s' if len(left_out) > 1 else ''} could not be read and "
                     f"{'were' if len(left_out) > 1 else 'was'} left out: "
                     + ", ".join(f"{r['story']}/{r['rewrite']}" for r in left_out[:5])
                     + (" …" if len(left_out) > 5 else ""))
    if guessed:
        lines.append(f"{len(guessed)} stor{'ies have' if len(guessed) > 1 else 'y has'} no file named "
                     "base.*, so the first file in name order was taken as the base (name the base "
                     "base.txt to choose): " + ", ".join(f"{g.id}: {g.base.name}" for g in guessed[:5])
                     + (" …" if len(guessed) > 5 else ""))
    if failures or left_out:
        lines.append(f"errors: {out / 'errors.jsonl'}")
    tables = "corpus.jsonl, corpus.parquet" if parquet else "corpus.jsonl"
    lines.append(f"reports: {out / 'reports'} · table: {out} ({tables})")
    return "\n".join(lines)
