"""The errors drift raises on purpose: each names the document and the problem.

Every error a user can cause with their input is a :class:`DriftError`, so callers (the CLI, the
widget, a batch job) can catch one class and show one clear line instead of a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence


class DriftError(Exception):
    """Base class of every error drift raises about its input, models or reports."""


class InputError(DriftError, ValueError):
    """A document cannot be analysed as given."""

    def __init__(self, document: str | None, problem: str):
        self.document = document
        self.problem = problem
        where = f"document {document!r}: " if document else ""
        super().__init__(f"{where}{problem}")


class EmptyDocumentError(InputError):
    """The document holds no text (empty, whitespace only, or only page furniture)."""


class BinaryInputError(InputError):
    """The bytes are not text (an image, a PDF, an archive, ...)."""


class EncodingError(InputError):
    """The bytes are text in no encoding drift can decode with confidence."""


class NoReadableRewriteError(InputError):
    """Not one of several rewrites could be read; ``failures`` holds each rewrite's own error.

    (With a single rewrite, its own error is raised instead.)"""

    def __init__(self, failures: Sequence[InputError]):
        self.failures = tuple(failures)
        super().__init__(None, "no rewrite could be read: " + "; ".join(str(e) for e in self.failures))


class DriftWarning(UserWarning):
    """Something a reader must know about results drift still produced (e.g. a rewrite that could
    not be read and was left out); the same sentence is a :class:`drift.report.Notice` in the report."""


class ModelError(DriftError):
    """An embedding or NLI model cannot be loaded or used."""


class ReportFormatError(DriftError, ValueError):
    """A JSON document is not a valid ``drift-report/1`` report."""
