"""What the shift detector tests share: documents made from sentences, a link read by the
detectors, and the example corpus's links found by the words they hold."""

from __future__ import annotations

from drift.diffing import word_diff
from drift.report import Document, Sentence, Shift
from drift.shifts import detect_shifts


def make_doc(doc_id: str, *sentences: str, language: str = "en") -> Document:
    """A document of these sentences, joined by one space."""
    text = " ".join(sentences)
    spans, at = [], 0
    for s in sentences:
        spans.append(Sentence(at, at + len(s)))
        at += len(s) + 1
    return Document(doc_id, "base", text, tuple(spans), language)


def pair_docs(base: str, rewrite: str, language: str = "en") -> tuple[list[Shift], Document, Document]:
    """The shifts of a one-sentence base and rewrite read as one link, and the two documents."""
    b, r = make_doc("b", base, language=language), make_doc("r", rewrite, language=language)
    return detect_shifts(b, r, (0,), (0,), word_diff(base, rewrite)), b, r


def pair(base: str, rewrite: str, language: str = "en") -> list[Shift]:
    """The shifts of a one-sentence base and rewrite read as one link."""
    return pair_docs(base, rewrite, language)[0]


def idx(doc: Document, *pieces: str) -> tuple[int, ...]:
    """Indices of the sentences holding each piece of text (exactly one sentence each)."""
    out = []
    for piece in pieces:
        hits = [i for i in range(len(doc.sentences)) if piece in doc.sentence_text(i)]
        assert len(hits) == 1, f"{piece!r} is in {len(hits)} sentences of {doc.id}"
        out.append(hits[0])
    return tuple(sorted(out))


def shifts(docs, rewrite: str, base_pieces, rewrite_pieces) -> tuple[list[Shift], Document, Document]:
    """The shifts of the example corpus's link from base 002 to ``rewrite`` holding these pieces."""
    base, rw = docs["002"], docs[rewrite]
    b, r = idx(base, *base_pieces), idx(rw, *rewrite_pieces)
    return detect_shifts(base, rw, b, r, word_diff(base.joined(b), rw.joined(r))), base, rw


def words(doc: Document, span) -> str:
    return doc.text[span[0]:span[1]] if span else ""


def severe(found: list[Shift]) -> list[Shift]:
    return [s for s in found if s.severity >= 2]
