"""drift: see, sentence by sentence, where a rewrite moved the meaning of a base article.

>>> import drift
>>> report = drift.compare(*drift.load_example())      # doctest: +SKIP
>>> report.summary_frame()                             # doctest: +SKIP

Heavy libraries (torch, sentence-transformers, pandas) load only when a step needs them.
"""

from __future__ import annotations

__version__ = "0.2.0"

from drift.corpus import example_attribution, load_example
from drift.errors import (
    BinaryInputError,
    DriftError,
    DriftWarning,
    EmptyDocumentError,
    EncodingError,
    InputError,
    ModelError,
    NoReadableRewriteError,
    ReportFormatError,
)
from drift.report import (
    Comparison,
    Document,
    Link,
    ModelInfo,
    Notice,
    Repair,
    Report,
    Sentence,
    Shift,
    WordPair,
)


def compare(*args, **kwargs) -> Report:
    """Compare a base article with its rewrites; see :func:`drift.pipeline.compare`."""
    from drift.pipeline import compare as _compare

    return _compare(*args, **kwargs)


def load_report(source) -> Report:
    """Load a ``drift-report/1`` JSON file or string."""
    return Report.from_json(source)


__all__ = [
    "BinaryInputError", "Comparison", "Document", "DriftError", "DriftWarning", "EmptyDocumentError",
    "EncodingError", "InputError", "Link", "ModelError", "ModelInfo", "NoReadableRewriteError", "Notice",
    "Repair", "Report", "ReportFormatError", "Sentence", "Shift", "WordPair", "__version__", "compare",
    "example_attribution", "load_example", "load_report",
]
