"""The results of drift as small frozen dataclasses, and their ``drift-report/1`` JSON form.

Every view (DataFrames, static HTML, the explorer widget, the CLI) reads a :class:`Report` and
nothing else. Offsets always index the document's own ``text``, which holds the input exactly as
read.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drift.errors import ReportFormatError
from drift.vocabulary import SEVERITIES, WORD_RELATIONS
from drift.vocabulary import SHIFT_TYPES as _SHIFT_TYPES

if TYPE_CHECKING:  # pandas is imported lazily by the methods that need it
    import pandas as pd

REPORT_FORMAT = "drift-report/1"
SHIFT_TYPES = tuple(_SHIFT_TYPES)
SEVERITY_NAMES = SEVERITIES


@dataclass(frozen=True)
class Sentence:
    """A sentence as the half-open character range ``[start, end)`` of its document's text."""

    start: int
    end: int
    boilerplate: bool = False


@dataclass(frozen=True)
class Repair:
    """One change made while reading a document, so that nothing is altered silently.

    ``kind`` names what was done (e.g. ``"decoded"``, ``"mojibake"``, ``"stray-byte"``,
    ``"c1-controls"``, ``"html-extracted"``), ``detail`` says what and why in a sentence,
    ``count`` how many places it touched."""

    kind: str
    detail: str
    count: int = 1


@dataclass(frozen=True)
class Notice:
    """A warning a reader must see beside the results (e.g. a language the model does not cover).

    ``code`` is a stable machine-readable name, ``message`` one sentence, ``document`` the id of
    the document it is about (``None`` for the whole report)."""

    code: str
    message: str
    document: str | None = None


@dataclass(frozen=True)
class Document:
    """One article as read: the base or a rewrite.

    ``input_format`` is ``"text"`` or ``"html"`` (what the reader took the input for),
    ``encoding`` the encoding its bytes were decoded from (``None`` for a ``str``), ``repairs``
    what was changed while reading; ``text`` is the text after those repairs."""

    id: str
    role: str  # "base" or "rewrite"
    text: str
    sentences: tuple[Sentence, ...]
    language: str | None = None
    input_format: str | None = None
    encoding: str | None = None
    repairs: tuple[Repair, ...] = ()

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start:s.end]

    def joined(self, indices: Iterable[int]) -> str:
        """The texts of these sentences in index order, joined by one space (as diffs are)."""
        return " ".join(self.sentence_text(i) for i in sorted(indices))

    @property
    def content_indices(self) -> list[int]:
        """Indices of the sentences that are article content, not page furniture."""
        return [i for i, s in enumerate(self.sentences) if not s.boilerplate]


@dataclass(frozen=True)
class Shift:
    """One typed change of meaning, placed by spans in both documents' texts."""

    type: str
    severity: int  # 1 nuance, 2 key fact/figure/actor/source, 3 reversed/invented/allegation as fact
    base_span: tuple[int, int] | None
    rewrite_span: tuple[int, int] | None
    explanation: str


@dataclass(frozen=True)
class WordPair:
    """Two words (or phrases) of a link's sides that correspond, and how
    (``relation`` from :data:`drift.vocabulary.WORD_RELATIONS`: same, lemma, synonym, ...).
    Either span may be ``None`` for a word with no counterpart. Spans index each document's text."""

    base_span: tuple[int, int] | None
    rewrite_span: tuple[int, int] | None
    relation: str

    def __post_init__(self) -> None:
        if self.relation not in WORD_RELATIONS:
            raise ValueError(f"unknown word relation {self.relation!r}")


@dataclass(frozen=True)
class Link:
    """Base sentences and the rewrite sentences that carry them (either side may be empty)."""

    base: tuple[int, ...]
    rewrite: tuple[int, ...]
    similarity: float | None
    drift: float = 0.0
    moved: bool = False
    diff: tuple[tuple[int, str], ...] = ()
    shifts: tuple[Shift, ...] = ()
    confidence: float | None = None
    nli: dict[str, float] | None = None
    words: tuple[WordPair, ...] = ()  # the aligned words of both sides, when computed

    @property
    def kind(self) -> str:
        if not self.rewrite:
            return "deleted"
        if not self.base:
            return "inserted"
        return f"{len(self.base)}-{len(self.rewrite)}"

    @property
    def severity(self) -> int:
        """The highest severity among the link's shifts, 0 when it has none."""
        return max((s.severity for s in self.shifts), default=0)


@dataclass(frozen=True)
class Comparison:
    """How one rewrite carries the base: its links and one drift number."""

    base: str
    rewrite: str
    drift: float
    links: tuple[Link, ...]


@dataclass(frozen=True)
class ModelInfo:
    name: str
    dim: int


@dataclass(frozen=True)
class Report:
    """Everything drift found for one base and its rewrites."""

    documents: tuple[Document, ...]
    comparisons: tuple[Comparison, ...]
    model: ModelInfo
    drift_version: str = field(default="0.2.0")
    notices: tuple[Notice, ...] = ()

    # -- lookups ---------------------------------------------------------------------------
    def document(self, doc_id: str) -> Document:
        for d in self.documents:
            if d.id == doc_id:
                return d
        raise KeyError(doc_id)

    @property
    def base(self) -> Document:
        return next(d for d in self.documents if d.role == "base")

    @property
    def rewrites(self) -> list[Document]:
        return [d for d in self.documents if d.role == "rewrite"]

    def comparison(self, rewrite_id: str) -> Comparison:
        for c in self.comparisons:
            if c.rewrite == rewrite_id:
                return c
        raise KeyError(rewrite_id)

    # -- JSON -----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "format": REPORT_FORMAT,
            "drift_version": self.drift_version,
            "model": {"name": self.model.name, "dim": self.model.dim},
            "documents": [_document_to_dict(d) for d in self.documents],
            "comparisons": [_comparison_to_dict(c) for c in self.comparisons],
            "notices": [{"code": n.code, "message": n.message, "document": n.document}
                        for n in self.notices],
        }

    def to_json(self, path: str | Path | None = None, *, indent: int | None = None) -> str:
        """The report as ``drift-report/1`` JSON; also written to ``path`` when given."""
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, allow_nan=False)
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        try:
            if data.get("format") != REPORT_FORMAT:
                raise ReportFormatError(f"format is {data.get('format')!r}, not {REPORT_FORMAT!r}")
            return cls(
                documents=tuple(_document_from_dict(d) for d in data["documents"]),
                comparisons=tuple(_comparison_from_dict(c) for c in data["comparisons"]),
                model=ModelInfo(str(data["model"]["name"]), int(data["model"]["dim"])),
                drift_version=str(data.get("drift_version", "")),
                notices=tuple(Notice(str(n["code"]), str(n["message"]),
                                     None if n.get("document") is None else str(n["document"]))
                              for n in data.get("notices", ())),
            )
        except ReportFormatError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise ReportFormatError(f"not a valid {REPORT_FORMAT} report: {e!r}") from None

    @classmethod
    def from_json(cls, source: str | Path) -> Report:
        """Load a report from a JSON string or a path to a JSON file."""
        text = Path(source).read_text(encoding="utf-8") if isinstance(source, Path) or (
            isinstance(source, str) and not source.lstrip().startswith("{")) else source
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise ReportFormatError(f"not JSON: {e}") from None
        if not isinstance(data, dict):
            raise ReportFormatError("a report is a JSON object")
        return cls.from_dict(data)

    # -- tables ---------------------------------------------------------------------------
    def links_frame(self) -> pd.DataFrame:
        """One row per link of every comparison, most drifted first within the report."""
        import pandas as pd

        rows = []
        for c in self.comparisons:
            b, r = self.document(c.base), self.document(c.rewrite)
            for k, link in enumerate(c.links):
                rows.append({
                    "base_id": c.base, "rewrite_id": c.rewrite, "link": k, "kind": link.kind,
                    "base_sentences": list(link.base), "rewrite_sentences": list(link.rewrite),
                    "base_text": b.joined(link.base), "rewrite_text": r.joined(link.rewrite),
                    "similarity": link.similarity, "confidence": link.confidence,
                    "drift": link.drift, "moved": link.moved, "severity": link.severity,
                    "shift_types": sorted({s.type for s in link.shifts}),
                    "n_shifts": len(link.shifts),
                })
        columns = ["base_id", "rewrite_id", "link", "kind", "base_sentences", "rewrite_sentences",
                   "base_text", "rewrite_text", "similarity", "confidence", "drift", "moved",
                   "severity", "shift_types", "n_shifts"]
        return pd.DataFrame(rows, columns=columns)

    def shifts_frame(self) -> pd.DataFrame:
        """One row per shift, with the words of each side it points at."""
        import pandas as pd

        rows = []
        for c in self.comparisons:
            b, r = self.document(c.base), self.document(c.rewrite)
            for k, link in enumerate(c.links):
                for s in link.shifts:
                    rows.append({
                        "base_id": c.base, "rewrite_id": c.rewrite, "link": k, "kind": link.kind,
                        "type": s.type, "severity": s.severity,
                        "base_words": b.text[s.base_span[0]:s.base_span[1]] if s.base_span else None,
                        "rewrite_words": r.text[s.rewrite_span[0]:s.rewrite_span[1]]
                        if s.rewrite_span else None,
                        "base_span": s.base_span, "rewrite_span": s.rewrite_span,
                        "explanation": s.explanation, "link_drift": link.drift,
                    })
        columns = ["base_id", "rewrite_id", "link", "kind", "type", "severity", "base_words",
                   "rewrite_words", "base_span", "rewrite_span", "explanation", "link_drift"]
        return pd.DataFrame(rows, columns=columns)

    def summary_frame(self) -> pd.DataFrame:
        """One row per rewrite: its drift and counts of what changed, most drifted first."""
        import pandas as pd

        rows = []
        for c in self.comparisons:
            shifts = [s for link in c.links for s in link.shifts]
            rows.append({
                "rewrite_id": c.rewrite, "drift": c.drift, "links": len(c.links),
                "deleted": sum(link.kind == "deleted" for link in c.links),
                "inserted": sum(link.kind == "inserted" for link in c.links),
                "moved": sum(link.moved for link in c.links),
                "shifts": len(shifts),
                "severe": sum(s.severity >= 2 for s in shifts),
                "reversed_or_invented": sum(s.severity == 3 for s in shifts),
            })
        frame = pd.DataFrame(rows, columns=["rewrite_id", "drift", "links", "deleted", "inserted",
                                            "moved", "shifts", "severe", "reversed_or_invented"])
        return frame.sort_values("drift", ascending=False, ignore_index=True)

    # -- HTML -----------------------------------------------------------------------------
    def to_html(self, path: str | Path | None = None) -> str:
        """A self-contained static HTML report; also written to ``path`` when given."""
        from drift.html import render_report

        page = render_report(self)
        if path is not None:
            Path(path).write_text(page, encoding="utf-8")
        return page

    def _repr_html_(self) -> str:
        from drift.html import render_report

        return render_report(self, standalone=False)

    def explore(self, **kwargs: Any):
        """Open the interactive explorer widget on this report (needs anywidget)."""
        from drift.widget import Explorer

        return Explorer(self, **kwargs)


def _finite(x: float | None) -> float | None:
    """The number as a JSON-safe float (the format forbids NaN and infinities)."""
    if x is None:
        return None
    x = float(x)
    if not math.isfinite(x):
        raise ValueError(f"{x} is not a finite number")
    return x


def _document_to_dict(d: Document) -> dict[str, Any]:
    return {
        "id": d.id, "role": d.role, "language": d.language, "text": d.text,
        "sentences": [{"start": s.start, "end": s.end, "boilerplate": s.boilerplate}
                      for s in d.sentences],
        "input_format": d.input_format, "encoding": d.encoding,
        "repairs": [{"kind": r.kind, "detail": r.detail, "count": r.count} for r in d.repairs],
    }


def _document_from_dict(d: dict[str, Any]) -> Document:
    return Document(
        id=str(d["id"]), role=str(d["role"]), text=d["text"], language=d.get("language"),
        sentences=tuple(Sentence(int(s["start"]), int(s["end"]), bool(s["boilerplate"]))
                        for s in d["sentences"]),
        input_format=d.get("input_format"), encoding=d.get("encoding"),
        repairs=tuple(Repair(str(r["kind"]), str(r["detail"]), int(r.get("count", 1)))
                      for r in d.get("repairs", ())),
    )


def _span(span: tuple[int, int] | None) -> list[int] | None:
    return None if span is None else [int(span[0]), int(span[1])]


def _link_to_dict(link: Link) -> dict[str, Any]:
    out: dict[str, Any] = {
        "base": list(link.base), "rewrite": list(link.rewrite), "kind": link.kind,
        "similarity": _finite(link.similarity), "confidence": _finite(link.confidence),
        "drift": _finite(link.drift), "moved": link.moved,
        "diff": [[op, text] for op, text in link.diff],
        "shifts": [{"type": s.type, "severity": s.severity, "base_span": _span(s.base_span),
                    "rewrite_span": _span(s.rewrite_span), "explanation": s.explanation}
                   for s in link.shifts],
    }
    if link.nli is not None:
        out["nli"] = {k: _finite(v) for k, v in link.nli.items()}
    if link.words:
        out["words"] = [[_span(w.base_span), _span(w.rewrite_span), w.relation] for w in link.words]
    return out


def _link_from_dict(d: dict[str, Any]) -> Link:
    def span(v: Any) -> tuple[int, int] | None:
        return None if v is None else (int(v[0]), int(v[1]))

    return Link(
        base=tuple(int(i) for i in d["base"]), rewrite=tuple(int(i) for i in d["rewrite"]),
        similarity=None if d.get("similarity") is None else float(d["similarity"]),
        confidence=None if d.get("confidence") is None else float(d["confidence"]),
        drift=float(d["drift"]), moved=bool(d["moved"]),
        diff=tuple((int(op), str(t)) for op, t in d["diff"]),
        shifts=tuple(Shift(str(s["type"]), int(s["severity"]), span(s.get("base_span")),
                           span(s.get("rewrite_span")), str(s.get("explanation", "")))
                     for s in d["shifts"]),
        nli=None if d.get("nli") is None else {str(k): float(v) for k, v in d["nli"].items()},
        words=tuple(WordPair(span(b), span(r), str(rel)) for b, r, rel in d.get("words", ())),
    )


def _comparison_to_dict(c: Comparison) -> dict[str, Any]:
    return {"base": c.base, "rewrite": c.rewrite, "drift": _finite(c.drift),
            "links": [_link_to_dict(link) for link in c.links]}


def _comparison_from_dict(d: dict[str, Any]) -> Comparison:
    return Comparison(base=str(d["base"]), rewrite=str(d["rewrite"]), drift=float(d["drift"]),
                      links=tuple(_link_from_dict(link) for link in d["links"]))
