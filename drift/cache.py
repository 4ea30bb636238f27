"""An on-disk cache of sentence vectors and of finished reports, in one SQLite file.

SQLite gives atomic writes and safe sharing between concurrent runs without a home-made lock;
vectors are stored as raw float32 bytes (never pickle) and checked on the way out: a row whose
length does not match the model's dimension is recomputed, and a file that is not a database is
moved aside and started afresh.

:class:`ReportCache` keeps the last :data:`MAX_REPORTS` reports, each keyed by everything that
decides it (:func:`report_key`): the inputs' bytes, the options, the model asked for, and a
fingerprint of drift's code and data and of the installed packages (:func:`code_fingerprint`).
Any change to those is a miss, so a rerun of the same comparison is served without reading,
splitting, encoding or aligning anything.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import time
import warnings
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy loads with the vectors: a report served from the cache needs none
    import numpy as np

    from drift.report import Report

_SCHEMA = ("CREATE TABLE IF NOT EXISTS vectors ("
           "model TEXT NOT NULL, key BLOB NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (model, key))")
_REPORT_SCHEMA = ("CREATE TABLE IF NOT EXISTS reports ("
                  "key BLOB PRIMARY KEY, report TEXT NOT NULL, used REAL NOT NULL)")
#: Reports kept in the cache; the least recently used beyond this are dropped.
MAX_REPORTS = 200


def default_cache_dir() -> Path:
    """``$DRIFT_CACHE_DIR``, else ``$XDG_CACHE_HOME/drift``, else ``~/.cache/drift``."""
    if os.environ.get("DRIFT_CACHE_DIR"):
        return Path(os.environ["DRIFT_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "drift"


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class _CacheFile:
    """The connection to ``directory/vectors.sqlite``, opened on first use."""

    def __init__(self, directory: str | Path):
        self.path = Path(directory) / "vectors.sqlite"
        self._connection: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._connection is not None:
            return self._connection
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = self._open()
        except sqlite3.DatabaseError:
            # Not a database (truncated, overwritten): keep it for inspection and start afresh.
            self.path.replace(self.path.with_suffix(".corrupt"))
            self._connection = self._open()
        except OSError as e:
            warnings.warn(f"drift: embedding cache disabled, cannot use {self.path}: {e}", stacklevel=3)
            return None
        return self._connection

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute(_SCHEMA)
        connection.execute(_REPORT_SCHEMA)
        connection.execute("SELECT count(*) FROM vectors WHERE rowid = 1").fetchone()
        return connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


class VectorCache(_CacheFile):
    """Vectors of one model, stored in ``directory/vectors.sqlite``."""

    def __init__(self, directory: str | Path, model: str):
        super().__init__(directory)
        self.model = model

    def get_many(self, texts: Sequence[str], dim: int | None = None) -> dict[str, np.ndarray]:
        """The cached, valid vectors among ``texts``: finite, and all ``dim`` long (when not given,
        the length of the first well-formed row)."""
        import numpy as np

        connection = self._connect()
        if connection is None or not texts:
            return {}
        keys = {text_key(t): t for t in texts}
        found: dict[str, np.ndarray] = {}
        key_list = list(keys)
        for i in range(0, len(key_list), 500):
            chunk = key_list[i:i + 500]
            marks = ",".join("?" * len(chunk))
            try:
                rows = connection.execute(
                    f"SELECT key, vector FROM vectors WHERE model = ? AND key IN ({marks})",
                    [self.model, *chunk]).fetchall()
            except sqlite3.DatabaseError:
                return found
            for key, blob in rows:
                if not isinstance(blob, bytes) or not blob or len(blob) % 4:
                    continue
                dim = dim or len(blob) // 4
                if len(blob) == 4 * dim:
                    vector = np.frombuffer(blob, dtype=np.float32)
                    if np.isfinite(vector).all():
                        found[keys[bytes(key)]] = vector
        return found

    def put_many(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        import numpy as np

        connection = self._connect()
        if connection is None:
            return
        rows = [(self.model, text_key(t), np.ascontiguousarray(v, dtype=np.float32).tobytes())
                for t, v in zip(texts, vectors, strict=True)]
        try:
            with connection:
                connection.execute("BEGIN IMMEDIATE")
                connection.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", rows)
        except sqlite3.DatabaseError as e:
            warnings.warn(f"drift: could not write the embedding cache {self.path}: {e}", stacklevel=3)


class ReportCache(_CacheFile):
    """Finished reports as ``drift-report/1`` JSON text, in the same file as the vectors."""

    def get(self, key: bytes) -> str | None:
        """The report stored under ``key``, or None."""
        connection = self._connect()
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT report FROM reports WHERE key = ?", (key,)).fetchone()
            if row is not None:
                connection.execute("UPDATE reports SET used = ? WHERE key = ?", (time.time(), key))
        except sqlite3.DatabaseError:
            return None
        return row[0] if row is not None and isinstance(row[0], str) else None

    def get_report(self, key: bytes) -> Report | None:
        """The report stored under ``key``; None when there is none or it cannot be read back (a
        damaged entry is run again)."""
        from drift.errors import ReportFormatError
        from drift.report import Report

        text = self.get(key)
        if text is None:
            return None
        try:
            return Report.from_json(text)
        except ReportFormatError:
            return None

    def put(self, key: bytes, report: str) -> None:
        """Store ``report`` under ``key``, keeping the :data:`MAX_REPORTS` most recently used."""
        connection = self._connect()
        if connection is None:
            return
        try:
            with connection:
                connection.execute("BEGIN IMMEDIATE")
                connection.execute("INSERT OR REPLACE INTO reports VALUES (?, ?, ?)",
                                   (key, report, time.time()))
                connection.execute("DELETE FROM reports WHERE key NOT IN "
                                   "(SELECT key FROM reports ORDER BY used DESC LIMIT ?)", (MAX_REPORTS,))
        except sqlite3.DatabaseError as e:
            warnings.warn(f"drift: could not write the report cache {self.path}: {e}", stacklevel=3)


@lru_cache(maxsize=1)
def code_fingerprint() -> bytes:
    """A digest of what, besides its inputs, decides a report: drift's own files (path, size and
    modification time of every file in the package, code and data) and the installed packages
    (the ``*.dist-info`` names on ``sys.path``, which carry each distribution's version)."""
    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            stat = path.stat()
            digest.update(f"{path.relative_to(package)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    for entry in sys.path:
        try:
            names = sorted(n for n in os.listdir(entry or ".") if n.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
        digest.update("\n".join(names).encode())
    return digest.digest()


def report_slot(sources: Sequence[object], *, cache_dir: str | os.PathLike[str] | bool | None, model: object,
                **options: object) -> tuple[ReportCache, bytes] | None:
    """Where the report of one comparison is kept: the report cache in ``cache_dir`` (``True``:
    :func:`default_cache_dir`) and the comparison's :func:`report_key`, made of the ``sources``, the
    model's identity (its name or path; ``$DRIFT_MODEL`` for the default; an object's ``cache_key``)
    and the other ``options`` of :func:`drift.pipeline.compare` that decide the report. None
    without a cache directory, when a source cannot be read here, and for a model object without
    a ``cache_key`` (its identity is unknown)."""
    if not cache_dir:
        return None
    if model is None:
        identity: object = ("default", os.environ.get("DRIFT_MODEL"))
    elif isinstance(model, (str, os.PathLike)):
        identity = str(model)
    elif getattr(model, "cache_key", None):
        identity = (type(model).__qualname__, model.cache_key)
    else:
        return None
    key = report_key(sources, [identity, *sorted(options.items())])
    if key is None:
        return None
    return ReportCache(default_cache_dir() if cache_dir is True else cache_dir), key


def report_key(sources: Iterable[object], options: Iterable[object]) -> bytes | None:
    """The cache key of one comparison: :func:`code_fingerprint`, each source's content (a file's
    bytes and name, a text, bytes, or a Document's repr), and the ``repr`` of each option. None when
    a source cannot be read here (the run then reads it and reports the problem itself)."""
    digest = hashlib.sha256(code_fingerprint())
    for source in sources:
        if isinstance(source, (bytes, bytearray, memoryview)):
            digest.update(b"bytes\0" + bytes(source))
        elif isinstance(source, (str, os.PathLike)) and _names_file(source):
            try:
                digest.update(f"file\0{Path(source).resolve()}\0".encode() + Path(source).read_bytes())
            except OSError:
                return None
        elif isinstance(source, str):
            digest.update(b"text\0" + source.encode("utf-8", "surrogatepass"))
        else:
            digest.update(b"object\0" + repr(source).encode("utf-8", "surrogatepass"))
        digest.update(b"\1")
    for option in options:
        digest.update(repr(option).encode("utf-8", "surrogatepass") + b"\1")
    return digest.digest()


def _names_file(source: str | os.PathLike[str]) -> bool:
    if isinstance(source, str) and ("\n" in source or len(source) > 4096):
        return False
    try:
        return Path(source).is_file()
    except (OSError, ValueError):
        return False
