"""An on-disk cache of sentence vectors, keyed by model and text, in one SQLite file.

SQLite gives atomic writes and safe sharing between concurrent runs without a home-made lock;
vectors are stored as raw float32 bytes (never pickle) and checked on the way out: a row whose
length does not match the model's dimension is recomputed, and a file that is not a database is
moved aside and started afresh.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np

_SCHEMA = ("CREATE TABLE IF NOT EXISTS vectors ("
           "model TEXT NOT NULL, key BLOB NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (model, key))")


def default_cache_dir() -> Path:
    """``$DRIFT_CACHE_DIR``, else ``$XDG_CACHE_HOME/drift``, else ``~/.cache/drift``."""
    if os.environ.get("DRIFT_CACHE_DIR"):
        return Path(os.environ["DRIFT_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "drift"


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class VectorCache:
    """Vectors of one model, stored in ``directory/vectors.sqlite``."""

    def __init__(self, directory: str | Path, model: str):
        self.path = Path(directory) / "vectors.sqlite"
        self.model = model
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
        connection.execute("SELECT count(*) FROM vectors WHERE rowid = 1").fetchone()
        return connection

    def get_many(self, texts: Sequence[str], dim: int | None = None) -> dict[str, np.ndarray]:
        """The cached, valid vectors among ``texts``: finite, and all ``dim`` long (when not given,
        the length of the first well-formed row)."""
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

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
