"""The static HTML report: one self-contained page (inline CSS, no JavaScript, no external URL).

It shows wherever HTML shows — GitHub, nbviewer, an e-mail attachment, a notebook exported without
its kernel — so it is the report's durable face; the explorer widget (``drift/widget.py``) is the
interactive one. Like every view it reads only a :class:`~drift.report.Report`.

Safety rules kept throughout: every piece of document text goes through :func:`_esc`
(``html.escape(..., quote=True)``), and ids and classes are built only from numbers, from the
fixed vocabularies in ``drift.vocabulary`` (shift types, severities) or from a hash — never from
document text, whose ids (file stems) are data like any other text.

    >>> page = report.to_html("report.html")          # the whole page, also written to a file
    >>> fragment = render_report(report, standalone=False)   # what a notebook shows
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from drift.report import Comparison, Document, Link, Report, Shift
from drift.vocabulary import SEVERITIES, SHIFT_TYPES, WORD_RELATIONS, clamp_severity

#: Word relations (``Link.words``) that keep the meaning: a word the diff marks as replaced but
#: the word alignment pairs this way (the same name in a translation, an inflection, a synonym) is
#: shown muted, as an equivalent, not as a change.
EQUIVALENT_RELATIONS = ("same", "form", "synonym", "equivalent")
#: Relations that leave a sentence word for word the same (spelling, case, normal form aside).
_SAME_WORDS = ("same", "form")

# Drift is shown in six steps; each step is a CSS class with a light and a dark colour.
DRIFT_STEPS = (0.05, 0.15, 0.3, 0.5, 0.7)
# A link below this drift, with no shift and no changed word, counts as carried over unchanged.
UNCHANGED_DRIFT = 0.05
_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def drift_step(drift: float | None) -> int:
    """The colour step 0..5 of a drift value (0 for None)."""
    if drift is None:
        return 0
    return sum(drift >= t for t in DRIFT_STEPS)


def shift_class(shift: Shift) -> str:
    """CSS classes of a shift, from its type (fixed vocabulary) and severity (1..3)."""
    kind = shift.type if shift.type in SHIFT_TYPES else "other"
    return f"dr-sev{clamp_severity(shift.severity)} dr-t-{kind}"


def is_unchanged(link: Link) -> bool:
    """No shift, no changed word, and (almost) no drift: nothing to look at."""
    if link.shifts or link.kind in ("deleted", "inserted") or link.moved or link.drift >= UNCHANGED_DRIFT:
        return False
    if all(op == 0 for op, _ in link.diff):
        return True
    # every word paired with itself in another spelling or normal form ("café" NFC/NFD)
    return bool(link.words) and all(w.relation in _SAME_WORDS and w.base_span and w.rewrite_span
                                    for w in link.words)


# -- one side of a pair: diff parts, with shifts laid over their spans ----------------------------

@dataclass(frozen=True)
class _Piece:
    text: str
    op: int  # -1 deleted, 0 same, 1 inserted
    cover: frozenset[int]  # indices of the link's shifts whose span covers this piece
    relation: str | None = None  # a changed word's relation to its counterpart, when it keeps the meaning


def _side_parts(link: Link, doc: Document, side: str) -> list[tuple[int, str]]:
    """The diff parts of one side (base: -1 and 0, rewrite: 0 and 1), or the plain joined text
    when the diff is missing or does not rebuild that side exactly."""
    indices = link.base if side == "base" else link.rewrite
    joined = doc.joined(indices)
    keep = (-1, 0) if side == "base" else (0, 1)
    parts = [(op, t) for op, t in link.diff if op in keep and t]
    if link.kind in ("deleted", "inserted") or "".join(t for _, t in parts) != joined:
        return [(0, joined)] if joined else []
    return parts


def _joined_offsets(doc: Document, indices: Iterable[int]) -> list[tuple[int, int, int]]:
    """For each sentence of a side, (doc start, doc end, offset in the joined text)."""
    out, pos = [], 0
    for i in sorted(indices):
        s = doc.sentences[i]
        out.append((s.start, s.end, pos))
        pos += (s.end - s.start) + 1  # sentences are joined by one space
    return out


def _span_to_joined(span: tuple[int, int], table: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """A [start, end) span of the document as intervals of the joined side text (one per sentence
    it touches); a zero-width span becomes one zero-width interval (a caret)."""
    a, b = span
    if a == b:
        return [(a - s + o, a - s + o) for s, e, o in table if s <= a <= e][:1]
    return [(max(a, s) - s + o, min(b, e) - s + o) for s, e, o in table if a < e and b > s]


def side_pieces(link: Link, doc: Document, side: str) -> tuple[list[_Piece], dict[int, list[int]]]:
    """Cut one side's text into pieces that each have one diff op and one set of covering shifts.

    A shift's span may cross diff part boundaries and sentence boundaries; cutting at every
    boundary of either kind keeps both exact. Returns the pieces and the carets (zero-width
    shift spans) keyed by their offset in the side's text.
    """
    parts = _side_parts(link, doc, side)
    table = _joined_offsets(doc, link.base if side == "base" else link.rewrite)
    intervals: list[tuple[int, int, int]] = []
    carets: dict[int, list[int]] = {}
    for k, shift in enumerate(link.shifts):
        span = shift.base_span if side == "base" else shift.rewrite_span
        if span is None:
            continue
        for a, b in _span_to_joined(span, table):
            if a == b:
                carets.setdefault(a, []).append(k)
            else:
                intervals.append((a, b, k))
    kept: list[tuple[int, int, str]] = []  # aligned words whose relation keeps the meaning
    for w in link.words:
        span, other = (w.base_span, w.rewrite_span) if side == "base" else (w.rewrite_span, w.base_span)
        if span is None or other is None or w.relation not in EQUIVALENT_RELATIONS:
            continue
        kept.extend((a, b, w.relation) for a, b in _span_to_joined(span, table) if a < b)
    cuts = {a for a, _, _ in intervals + kept} | {b for _, b, _ in intervals + kept}
    pieces: list[_Piece] = []
    pos = 0
    for op, text in parts:
        end = pos + len(text)
        points = sorted({pos, end} | {c for c in cuts if pos < c < end})
        for a, b in pairwise(points):
            cover = frozenset(k for s, e, k in intervals if s <= a and b <= e)
            relation = next((r for s, e, r in kept if s <= a and b <= e), None) if op else None
            pieces.append(_Piece(text[a - pos:b - pos], op, cover, relation))
        pos = end
    return pieces, carets


_QUOTED = re.compile(r"“([^“”]*)”")


def explanation_html(explanation: str) -> str:
    """An explanation as HTML: escaped, each quoted “…” passage isolated in ``<bdi>`` so that
    right-to-left words keep their order inside an English sentence (and the sentence its own)."""
    return _QUOTED.sub(lambda m: f"“<bdi>{m.group(1)}</bdi>”", _esc(explanation))


def _shift_title(shift: Shift) -> str:
    sev = clamp_severity(shift.severity)
    return f"{shift.type} · severity {sev} ({SEVERITIES[sev]}): {shift.explanation}"


def _diff_piece(p: _Piece) -> str:
    """A diff piece: ``<del>``/``<ins>``, or a muted equivalent that says how the words relate."""
    text = _esc(p.text)
    if p.op == 0:
        return text
    if p.relation is not None:
        verb = "replaced by" if p.op < 0 else "replaces"
        title = _esc(f"{verb} {p.relation}: {WORD_RELATIONS[p.relation]}")
        side = "del" if p.op < 0 else "ins"
        return f'<span class="dr-equiv dr-equiv-{side} dr-rel-{p.relation}" title="{title}">{text}</span>'
    return f"<del>{text}</del>" if p.op < 0 else f"<ins>{text}</ins>"


def _mark_attrs(link: Link, cover: Iterable[int]) -> str:
    ks = sorted(cover)
    top = max(ks, key=lambda k: link.shifts[k].severity)
    title = "\n".join(_shift_title(link.shifts[k]) for k in ks)
    return (f'class="dr-shift {shift_class(link.shifts[top])}" '
            f'data-drift-shift="{" ".join(str(k) for k in ks)}" title="{_esc(title)}"')


def render_side(link: Link, doc: Document, side: str) -> str:
    """One side of a pair as HTML: word diff (``<del>``/``<ins>``) with shift ``<mark>``s over it."""
    pieces, carets = side_pieces(link, doc, side)
    last_end: dict[int, int] = {}  # where each shift's coverage ends on this side
    pos = 0
    for p in pieces:
        pos += len(p.text)
        for k in p.cover:
            last_end[k] = pos
    out: list[str] = []

    def caret(at: int) -> str:
        return "".join(f'<mark {_mark_attrs(link, [k])}><span class="dr-caret" aria-hidden="true">‸'
                       f'</span></mark><sup class="dr-ref">{k + 1}</sup>' for k in carets.pop(at, []))

    pos, i = 0, 0
    while i < len(pieces):
        cover = pieces[i].cover
        group = []
        while i < len(pieces) and pieces[i].cover == cover:
            group.append(pieces[i])
            i += 1
        inner = []
        for p in group:
            inner.append(caret(pos))
            inner.append(_diff_piece(p))
            pos += len(p.text)
        if cover:
            refs = "".join(f'<sup class="dr-ref">{k + 1}</sup>' for k in sorted(cover) if last_end[k] == pos)
            out.append(f"<mark {_mark_attrs(link, cover)}>{''.join(inner)}</mark>{refs}")
        else:
            out.append("".join(inner))
    out.extend(caret(at) for at in sorted(carets))
    return "".join(out)


# -- the page -----------------------------------------------------------------------------------

def _lang_attr(doc: Document) -> str:
    if doc.language and _LANG.fullmatch(doc.language):
        return f' lang="{_esc(doc.language)}"'
    return ""


def _num(x: float | None, digits: int = 2) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def _shift_words(doc: Document, span: tuple[int, int] | None) -> str | None:
    if span is None or span[0] == span[1]:
        return None
    return doc.text[span[0]:span[1]]


def _quote_words(words: str | None) -> str:
    return "∅" if words is None else f"“{_esc(words)}”"


def _shift_list(link: Link, base: Document, rewrite: Document) -> str:
    if not link.shifts:
        return ""
    items = []
    for k, s in enumerate(link.shifts):
        sev = clamp_severity(s.severity)
        bw, rw = _shift_words(base, s.base_span), _shift_words(rewrite, s.rewrite_span)
        words = ""
        # the words are shown unless the explanation already quotes them (or the whole side)
        quoted = any(w and w[:40] in s.explanation for w in (bw, rw))
        if (bw is not None or rw is not None) and not quoted and link.kind not in ("deleted", "inserted"):
            words = f' <span class="dr-words">{_quote_words(bw)} → {_quote_words(rw)}</span>'
        items.append(
            f'<li class="{shift_class(s)}" data-drift-shift="{k}" title="{_esc(_shift_title(s))}">'
            f'<span class="dr-n">{k + 1}</span>'
            f'<span class="dr-sevbadge" title="{_esc(SEVERITIES[sev])}">sev {sev}</span> '
            f'<span class="dr-type">{_esc(s.type)}</span> '
            f'<span class="dr-expl">{explanation_html(s.explanation)}</span>{words}</li>')
    return f'<ol class="dr-shift-list">{"".join(items)}</ol>'


def _badges(link: Link, base: Document, rewrite: Document) -> str:
    out = []
    if link.kind == "deleted":
        out.append('<span class="dr-badge dr-b-deleted">deleted</span>')
    elif link.kind == "inserted":
        out.append('<span class="dr-badge dr-b-inserted">inserted</span>')
    elif link.kind != "1-1":
        out.append(f'<span class="dr-badge dr-b-merge" title="base sentences – rewrite sentences">'
                   f'{_esc(link.kind)}</span>')
    if link.moved:
        out.append('<span class="dr-badge dr-b-moved" title="the rewrite put this out of the base’s '
                   'order">moved</span>')
    if any(base.sentences[i].boilerplate for i in link.base) or any(
            rewrite.sentences[i].boilerplate for i in link.rewrite):
        out.append('<span class="dr-badge dr-b-furniture">page furniture</span>')
    return "".join(out)


def _sentence_label(indices: Sequence[int]) -> str:
    if not indices:
        return ""
    ordered = sorted(indices)
    return ("s" if len(ordered) == 1 else "ss ") + ", ".join(str(i) for i in ordered)


def _side_html(link: Link, doc: Document, side: str, prefix: str) -> str:
    indices = link.base if side == "base" else link.rewrite
    label = "base" if side == "base" else "rewrite"
    furniture = any(doc.sentences[i].boilerplate for i in indices)
    if not indices:
        note = "not in the base: the rewrite added this" if side == "base" else \
            "not in this rewrite: the base sentence was dropped"
        return (f'<div class="dr-side dr-side-{label} dr-empty"><div class="dr-side-label">{label}</div>'
                f'<div class="dr-none">— {note} —</div></div>')
    gone = " dr-gone" if link.kind in ("deleted", "inserted") else ""
    grey = " dr-furniture" if furniture else ""
    return (f'<div class="dr-side dr-side-{label}{gone}{grey}"><div class="dr-side-label">{label} · '
            f'{_sentence_label(indices)}</div><div class="dr-text" dir="auto"{_lang_attr(doc)}>'
            f'{render_side(link, doc, side)}</div></div>')


def _pair_html(link: Link, k: int, rank: int, ci: int, base: Document, rewrite: Document,
               prefix: str) -> str:
    step = drift_step(link.drift)
    sim = "" if link.similarity is None else f' · similarity {_num(link.similarity)}'
    conf = "" if link.confidence is None else f' · confidence {_num(link.confidence)}'
    sev = link.severity
    sev_attr = f' data-drift-severity="{sev}"'
    kind = link.kind if link.kind in ("deleted", "inserted") else "aligned"
    return (f'<article class="dr-pair dr-kind-{kind}" '
            f'id="{prefix}-r{ci}-l{k}" data-drift-link="{k}"{sev_attr}>'
            f'<header class="dr-pair-head"><span class="dr-rank">#{rank}</span>'
            f'<span class="dr-drift dr-d{step}" title="drift of this pair: 0 same meaning, 1 lost or '
            f'reversed">drift {_num(link.drift)}</span>{_badges(link, base, rewrite)}'
            f'<span class="dr-meta">{sim}{conf}</span></header>'
            f'<div class="dr-cols">{_side_html(link, base, "base", prefix)}'
            f'{_side_html(link, rewrite, "rewrite", prefix)}</div>'
            f'{_shift_list(link, base, rewrite)}</article>')


def _counts(c: Comparison) -> dict[str, int]:
    shifts = [s for link in c.links for s in link.shifts]
    sev = Counter(clamp_severity(s.severity) for s in shifts)
    return {
        "pairs": len(c.links),
        "deleted": sum(link.kind == "deleted" for link in c.links),
        "inserted": sum(link.kind == "inserted" for link in c.links),
        "moved": sum(link.moved for link in c.links),
        "changed": sum(not is_unchanged(link) for link in c.links),
        "shifts": len(shifts), "sev3": sev[3], "sev2": sev[2], "sev1": sev[1],
    }


def _type_counts(c: Comparison) -> str:
    counts = Counter(s.type for link in c.links for s in link.shifts)
    return ", ".join(f'<span class="dr-type">{_esc(t)}</span> {n}' for t, n in counts.most_common()) or "–"


def _bar(x: float) -> str:
    width = max(0.0, min(1.0, float(x))) * 100
    return f'<span class="dr-bar" aria-hidden="true"><span style="width:{width:.1f}%"></span></span>'


def _summary(report: Report, prefix: str) -> str:
    rows = []
    ranked = sorted(enumerate(report.comparisons), key=lambda t: -t[1].drift)
    for ci, c in ranked:
        n = _counts(c)
        rows.append(
            f'<tr data-drift-rewrite="{ci}"><th scope="row"><a href="#{prefix}-r{ci}">'
            f'{_esc(c.rewrite)}</a></th>'
            f'<td class="dr-numcell"><span class="dr-drift dr-d{drift_step(c.drift)}">{_num(c.drift)}</span>'
            f'{_bar(c.drift)}</td><td>{n["pairs"]}</td><td>{n["changed"]}</td><td>{n["deleted"]}</td>'
            f'<td>{n["inserted"]}</td><td>{n["moved"]}</td><td>{n["shifts"]}</td>'
            f'<td class="dr-sevcounts"><span class="dr-sevchip dr-sev3">{n["sev3"]}</span>'
            f'<span class="dr-sevchip dr-sev2">{n["sev2"]}</span>'
            f'<span class="dr-sevchip dr-sev1">{n["sev1"]}</span></td>'
            f'<td class="dr-types">{_type_counts(c)}</td></tr>')
    return ('<section class="dr-section dr-summary"><h2>Rewrites, most drifted first</h2>'
            '<div class="dr-scroll"><table class="dr-table"><thead><tr><th>rewrite</th><th>drift</th>'
            '<th>pairs</th><th>changed</th><th>deleted</th><th>inserted</th><th>moved</th><th>shifts</th>'
            '<th title="severity 3 · 2 · 1">by severity</th><th>shift types</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div></section>')


def _legend() -> str:
    sev = "".join(f'<span class="dr-legend-item"><mark class="dr-shift dr-sev{k}">severity {k}</mark> '
                  f'{_esc(SEVERITIES[k])}</span>' for k in (3, 2, 1))
    lo = (0.0,) + DRIFT_STEPS
    steps = "".join(f'<span class="dr-cellchip dr-d{k}">{lo[k]:.2f}</span>' for k in range(6))
    return ('<section class="dr-legend" aria-label="legend">'
            f'<div>{sev}</div>'
            '<div><span class="dr-legend-item"><del>deleted words</del> <ins>inserted words</ins></span>'
            '<span class="dr-legend-item"><span class="dr-equiv">muted</span>: a word replaced by one of '
            'the same meaning (synonym, inflection, translation)</span>'
            '<span class="dr-legend-item"><span class="dr-badge dr-b-moved">moved</span> out of the '
            'base’s order</span><span class="dr-legend-item">drift from '
            f'{steps} (0 same meaning … 1 lost or reversed)</span></div></section>')


def _notices(report: Report) -> str:
    """What a reader must know before trusting the results: the report's notices and every repair
    made while reading a document (encoding, mojibake, extracted page)."""
    items = []
    for n in report.notices:
        who = "" if n.document is None else f'<span class="dr-docid">{_esc(n.document)}</span> '
        code = n.code if re.fullmatch(r"[a-z0-9-]+", n.code) else "other"
        items.append(f'<li class="dr-notice dr-notice-{code}">{who}{_esc(n.message)}</li>')
    for d in report.documents:
        for r in d.repairs:
            count = f" ×{r.count}" if r.count > 1 else ""
            items.append(f'<li class="dr-notice dr-repair"><span class="dr-docid">{_esc(d.id)}</span> '
                         f'<strong>{_esc(r.kind)}{count}</strong> {_esc(r.detail)}</li>')
    if not items:
        return ""
    return ('<section class="dr-notices" aria-label="notices about the documents and the model">'
            f'<ul>{"".join(items)}</ul></section>')


def _snippet(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _drift_map(report: Report, prefix: str) -> str:
    base = report.base
    comps = [(ci, c) for ci, c in enumerate(report.comparisons) if c.base == base.id]
    where: list[dict[int, tuple[int, Link]]] = []
    for _, c in comps:
        found: dict[int, tuple[int, Link]] = {}
        for k, link in enumerate(c.links):
            for i in link.base:
                found.setdefault(i, (k, link))
        where.append(found)
    head = "".join(f'<th scope="col"><a href="#{prefix}-r{ci}">{_esc(c.rewrite)}</a></th>' for ci, c in comps)
    rows = []
    for i, s in enumerate(base.sentences):
        text = base.text[s.start:s.end]
        cells = []
        for (ci, c), found in zip(comps, where, strict=True):
            if i not in found:
                note = "page furniture, not compared" if s.boilerplate else "not linked"
                cells.append(f'<td class="dr-cell dr-nolink" title="{note}">·</td>')
                continue
            k, link = found[i]
            mark = " ✕" if link.kind == "deleted" else " ↕" if link.moved else ""
            what = "deleted in" if link.kind == "deleted" else "moved in" if link.moved else "in"
            title = f"sentence {i} {what} {c.rewrite}: drift {_num(link.drift)}"
            if link.shifts:
                title += f", {len(link.shifts)} shift(s), highest severity {link.severity}"
            cells.append(f'<td class="dr-cell dr-d{drift_step(link.drift)}" data-drift-cell="{ci}:{k}" '
                         f'title="{_esc(title)}"><a href="#{prefix}-r{ci}-l{k}">{_num(link.drift)}'
                         f'{mark}</a></td>')
        grey = ' class="dr-furniture"' if s.boilerplate else ""
        rows.append(f'<tr{grey}><th scope="row" title="{_esc(text)}"><span class="dr-sid">s{i}</span> '
                    f'<span class="dr-snip" dir="auto"{_lang_attr(base)}>{_esc(_snippet(text))}</span></th>'
                    f'{"".join(cells)}</tr>')
    return ('<section class="dr-section dr-map"><h2>Drift map</h2><p class="dr-note">Each base sentence '
            '(rows) in each rewrite (columns): the drift of the pair that carries it. ✕ deleted, '
            '↕ moved; greyed rows are page furniture. Click a number to see the pair.</p>'
            '<div class="dr-scroll"><table class="dr-table dr-maptable"><thead><tr><th>base sentence'
            f'</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div></section>')


def _rewrite_section(report: Report, ci: int, c: Comparison, prefix: str) -> str:
    base, rewrite = report.document(c.base), report.document(c.rewrite)
    ranked = sorted(range(len(c.links)), key=lambda k: (-c.links[k].drift, -c.links[k].severity, k))
    changed = [k for k in ranked if not is_unchanged(c.links[k])]
    same = [k for k in ranked if is_unchanged(c.links[k])]
    n = _counts(c)
    pairs = "".join(_pair_html(c.links[k], k, r + 1, ci, base, rewrite, prefix)
                    for r, k in enumerate(changed))
    rest = ""
    if same:
        rest = (f'<details class="dr-unchanged"><summary>{len(same)} pair(s) carried over unchanged'
                '</summary>' + "".join(_pair_html(c.links[k], k, len(changed) + r + 1, ci, base, rewrite,
                                                  prefix) for r, k in enumerate(same)) + '</details>')
    linked = {i for link in c.links for i in link.rewrite}
    furniture = [i for i, s in enumerate(rewrite.sentences) if s.boilerplate and i not in linked]
    extra = ""
    if furniture:
        items = "".join(f'<li><span class="dr-sid">s{i}</span> <span dir="auto">'
                        f'{_esc(rewrite.sentence_text(i))}</span></li>' for i in furniture)
        extra = (f'<details class="dr-furniture-list"><summary>{len(furniture)} line(s) of page furniture '
                 f'in the rewrite, not compared</summary><ul class="dr-furniture">{items}</ul></details>')
    return (f'<section class="dr-section dr-rewrite" id="{prefix}-r{ci}" data-drift-rewrite="{ci}">'
            f'<h2>Rewrite <span class="dr-docid">{_esc(c.rewrite)}</span> '
            f'<span class="dr-drift dr-d{drift_step(c.drift)}">drift {_num(c.drift)}</span></h2>'
            f'<p class="dr-note">{n["pairs"]} pairs against base '
            f'<span class="dr-docid">{_esc(c.base)}</span>: '
            f'{n["changed"]} changed, {n["deleted"]} deleted, {n["inserted"]} inserted, {n["moved"]} moved; '
            f'{n["shifts"]} shifts ({n["sev3"]} severity 3, {n["sev2"]} severity 2, {n["sev1"]} severity 1). '
            'Most drifted pairs first.</p>'
            f'{pairs}{rest}{extra}</section>')


def _prefix(report: Report) -> str:
    """An id prefix from a hash of the report, so two reports on one page never share ids."""
    return "drift-" + hashlib.sha1(report.to_json().encode("utf-8")).hexdigest()[:8]


def render_report(report: Report, standalone: bool = True) -> str:
    """The report as HTML: a whole page (``standalone=True``) or a fragment for a notebook."""
    prefix = _prefix(report)
    base = report.base
    n_rw = len(report.comparisons)
    body = (f'<div class="drift-report" id="{prefix}" data-drift-report>'
            f'<style>{CSS}</style>'
            '<header class="dr-head"><h1>drift report</h1>'
            f'<p class="dr-note">Base <span class="dr-docid">{_esc(base.id)}</span> and {n_rw} '
            f'rewrite{"s" if n_rw != 1 else ""} · aligned with {_esc(report.model.name)} · '
            f'drift {_esc(report.drift_version)}</p></header>'
            f'{_notices(report)}{_legend()}{_summary(report, prefix)}{_drift_map(report, prefix)}'
            + "".join(_rewrite_section(report, ci, c, prefix) for ci, c in enumerate(report.comparisons))
            + '</div>')
    if not standalone:
        return body
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="color-scheme" content="light dark">'
            f'<title>drift report: {_esc(base.id)}</title>'
            '<style>body{margin:0;padding:1.5rem;background:var(--dr-bg);}'
            'html{background:#fff}@media (prefers-color-scheme: dark){html{background:#0d1117}}</style>'
            f'</head><body class="dr-page">{body}</body></html>\n')


# Scoped under .drift-report. Colours come from JupyterLab's --jp-* variables when the report
# sits in JupyterLab, with fallbacks elsewhere; JupyterLab's dark theme (body[data-jp-theme-light=
# "false"]) and, outside JupyterLab only, prefers-color-scheme: dark switch the colours we own.
CSS = """
.drift-report{--dr-fg:var(--jp-content-font-color1,#1f2328);
--dr-fg2:var(--jp-content-font-color2,#59636e);
--dr-bg:var(--jp-layout-color0,#ffffff);--dr-bg2:var(--jp-layout-color1,#f6f8fa);
--dr-line:var(--jp-border-color2,#d1d9e0);--dr-link:var(--jp-content-link-color,#0969da);
--dr-del-bg:#ffebe9;--dr-del-fg:#82071e;--dr-ins-bg:#dafbe1;--dr-ins-fg:#116329;
--dr-s3:#cf222e;--dr-s3-bg:#ffd8d3;--dr-s2:#d1670a;--dr-s2-bg:#ffe4c6;--dr-s1:#a98000;--dr-s1-bg:#fff3b8;
--dr-d0:#f5f3fa;--dr-d1:#e4ddf3;--dr-d2:#cabbe6;--dr-d3:#a68fd6;--dr-d4:#7d5fc2;--dr-d5:#56359f;
--dr-d-fg:#1f2328;--dr-d-fg-strong:#ffffff;
color:var(--dr-fg);background:var(--dr-bg);
font-family:var(--jp-content-font-family,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);
font-size:14px;line-height:1.5;max-width:1200px;}
body[data-jp-theme-light="false"] .drift-report{
--dr-del-bg:rgba(248,81,73,.2);--dr-del-fg:#ffa198;--dr-ins-bg:rgba(46,160,67,.22);--dr-ins-fg:#7ee787;
--dr-s3:#ff7b72;--dr-s3-bg:rgba(248,81,73,.32);--dr-s2:#ffa657;--dr-s2-bg:rgba(219,109,40,.32);
--dr-s1:#e3b341;--dr-s1-bg:rgba(210,153,34,.28);
--dr-d0:#1f1c2b;--dr-d1:#2f2748;--dr-d2:#47386e;--dr-d3:#6a52a3;--dr-d4:#9279d4;--dr-d5:#c3b0ff;
--dr-d-fg:#e6edf3;--dr-d-fg-strong:#10101a;}
@media (prefers-color-scheme: dark){body:not([data-jp-theme-light]) .drift-report{
--dr-fg:var(--jp-content-font-color1,#e6edf3);--dr-fg2:var(--jp-content-font-color2,#9198a1);
--dr-bg:var(--jp-layout-color0,#0d1117);--dr-bg2:var(--jp-layout-color1,#151b23);
--dr-line:var(--jp-border-color2,#3d444d);--dr-link:var(--jp-content-link-color,#4493f8);
--dr-del-bg:rgba(248,81,73,.2);--dr-del-fg:#ffa198;--dr-ins-bg:rgba(46,160,67,.22);--dr-ins-fg:#7ee787;
--dr-s3:#ff7b72;--dr-s3-bg:rgba(248,81,73,.32);--dr-s2:#ffa657;--dr-s2-bg:rgba(219,109,40,.32);
--dr-s1:#e3b341;--dr-s1-bg:rgba(210,153,34,.28);
--dr-d0:#1f1c2b;--dr-d1:#2f2748;--dr-d2:#47386e;--dr-d3:#6a52a3;--dr-d4:#9279d4;--dr-d5:#c3b0ff;
--dr-d-fg:#e6edf3;--dr-d-fg-strong:#10101a;}}
.drift-report *{box-sizing:border-box;}
.drift-report h1{font-size:1.35em;margin:0 0 .2em;} .drift-report h2{font-size:1.1em;margin:1.4em 0 .4em;
}
.drift-report a{color:var(--dr-link);}
.drift-report .dr-note{color:var(--dr-fg2);margin:.2em 0 .6em;}
.drift-report
.dr-docid{font-family:var(--jp-code-font-family,ui-monospace,SFMono-Regular,Menlo,monospace);
font-size:.92em;background:var(--dr-bg2);padding:0 .3em;border-radius:3px;}
.drift-report .dr-scroll{overflow-x:auto;}
.drift-report .dr-table{border-collapse:collapse;font-size:.92em;}
.drift-report .dr-table th,.drift-report .dr-table td{border-bottom:1px solid var(--dr-line);
padding:.25em .6em;
text-align:left;vertical-align:middle;}
.drift-report .dr-table thead th{color:var(--dr-fg2);font-weight:600;white-space:nowrap;}
.drift-report .dr-numcell{white-space:nowrap;}
.drift-report .dr-bar{display:inline-block;width:70px;height:6px;background:var(--dr-bg2);
border-radius:3px;
margin-left:.5em;vertical-align:middle;overflow:hidden;border:1px solid var(--dr-line);}
.drift-report .dr-bar>span{display:block;height:100%;background:var(--dr-d4);}
.drift-report .dr-drift{font-variant-numeric:tabular-nums;padding:0 .4em;border-radius:3px;
white-space:nowrap;}
.drift-report .dr-d0{background:var(--dr-d0);color:var(--dr-d-fg);}
.drift-report .dr-d1{background:var(--dr-d1);color:var(--dr-d-fg);}
.drift-report .dr-d2{background:var(--dr-d2);color:var(--dr-d-fg);}
.drift-report .dr-d3{background:var(--dr-d3);color:var(--dr-d-fg-strong);}
.drift-report .dr-d4{background:var(--dr-d4);color:var(--dr-d-fg-strong);}
.drift-report .dr-d5{background:var(--dr-d5);color:var(--dr-d-fg-strong);}
body[data-jp-theme-light="false"] .drift-report .dr-d3{color:var(--dr-d-fg);}
@media (prefers-color-scheme: dark){body:not([data-jp-theme-light]) .drift-report
.dr-d3{color:var(--dr-d-fg);}}
.drift-report .dr-sevchip{display:inline-block;min-width:1.6em;text-align:center;margin-right:.2em;
border-radius:3px;border-bottom:2px solid;font-variant-numeric:tabular-nums;}
.drift-report .dr-legend{display:flex;flex-direction:column;gap:.3em;font-size:.9em;color:var(--dr-fg2);
border:1px solid var(--dr-line);border-radius:6px;padding:.5em .8em;margin:.6em 0;}
.drift-report .dr-legend-item{margin-right:1.2em;display:inline-block;}
.drift-report .dr-cellchip{display:inline-block;padding:0 .35em;margin:0 1px;border-radius:2px;
font-variant-numeric:tabular-nums;font-size:.9em;}
.drift-report .dr-maptable td.dr-cell{text-align:center;padding:0;min-width:4.2em;
border:1px solid var(--dr-bg);}
.drift-report .dr-maptable td.dr-cell a{display:block;padding:.15em .4em;color:inherit;
text-decoration:none;
font-variant-numeric:tabular-nums;}
.drift-report .dr-maptable td.dr-cell a:hover{outline:2px solid var(--dr-link);}
.drift-report .dr-maptable td.dr-nolink{color:var(--dr-fg2);}
.drift-report .dr-maptable tbody th{font-weight:normal;max-width:34em;white-space:nowrap;overflow:hidden;
text-overflow:ellipsis;}
.drift-report .dr-sid{color:var(--dr-fg2);font-variant-numeric:tabular-nums;font-size:.85em;}
.drift-report .dr-furniture,.drift-report .dr-furniture .dr-snip{color:var(--dr-fg2);opacity:.65;
font-style:italic;}
.drift-report ul.dr-furniture{margin:.3em 0;}
.drift-report .dr-pair{border:1px solid var(--dr-line);border-radius:6px;margin:.6em 0;
background:var(--dr-bg);
scroll-margin-top:1em;}
.drift-report .dr-pair:target{outline:3px solid var(--dr-link);}
.drift-report .dr-pair-head{display:flex;flex-wrap:wrap;gap:.4em;align-items:center;padding:.3em .6em;
background:var(--dr-bg2);border-bottom:1px solid var(--dr-line);border-radius:6px 6px 0 0;
font-size:.88em;}
.drift-report .dr-rank{color:var(--dr-fg2);font-variant-numeric:tabular-nums;}
.drift-report .dr-meta{color:var(--dr-fg2);}
.drift-report .dr-badge{border:1px solid var(--dr-line);border-radius:10px;padding:0 .55em;
font-size:.92em;
font-weight:600;}
.drift-report .dr-b-deleted{color:var(--dr-del-fg);background:var(--dr-del-bg);}
.drift-report .dr-b-inserted{color:var(--dr-ins-fg);background:var(--dr-ins-bg);}
.drift-report .dr-b-moved{color:var(--dr-link);}
.drift-report .dr-b-furniture{color:var(--dr-fg2);font-style:italic;}
.drift-report .dr-cols{display:grid;grid-template-columns:1fr 1fr;}
.drift-report .dr-side{padding:.4em .7em;min-width:0;}
.drift-report .dr-side+.dr-side{border-left:1px solid var(--dr-line);}
.drift-report .dr-side-label{font-size:.75em;text-transform:uppercase;letter-spacing:.04em;
color:var(--dr-fg2);}
.drift-report .dr-text{overflow-wrap:anywhere;}
.drift-report .dr-none{color:var(--dr-fg2);font-style:italic;}
.drift-report .dr-side-base.dr-gone{box-shadow:inset 3px 0 0 var(--dr-del-fg);}
.drift-report .dr-side-rewrite.dr-gone{box-shadow:inset 3px 0 0 var(--dr-ins-fg);}
.drift-report del{background:var(--dr-del-bg);color:var(--dr-del-fg);text-decoration:line-through;
text-decoration-thickness:1px;border-radius:2px;}
.drift-report ins{background:var(--dr-ins-bg);color:var(--dr-ins-fg);text-decoration:underline;
text-decoration-thickness:1px;text-underline-offset:2px;border-radius:2px;}
.drift-report mark.dr-shift{color:inherit;border-radius:2px;padding:0 1px;}
.drift-report mark.dr-sev3{background:var(--dr-s3-bg);border-bottom:3px double var(--dr-s3);}
.drift-report mark.dr-sev2{background:var(--dr-s2-bg);border-bottom:2px solid var(--dr-s2);}
.drift-report mark.dr-sev1{background:var(--dr-s1-bg);border-bottom:2px dotted var(--dr-s1);}
.drift-report .dr-caret{font-weight:700;padding:0 1px;}
.drift-report sup.dr-ref{font-size:.68em;color:var(--dr-fg2);margin-left:1px;}
.drift-report .dr-sevchip.dr-sev3{border-color:var(--dr-s3);background:var(--dr-s3-bg);}
.drift-report .dr-sevchip.dr-sev2{border-color:var(--dr-s2);background:var(--dr-s2-bg);}
.drift-report .dr-sevchip.dr-sev1{border-color:var(--dr-s1);background:var(--dr-s1-bg);}
.drift-report .dr-shift-list{list-style:none;margin:0;padding:.35em .7em .5em;
border-top:1px dashed var(--dr-line);
font-size:.9em;}
.drift-report .dr-shift-list li{margin:.15em 0;padding-left:.4em;border-left:3px solid var(--dr-line);}
.drift-report .dr-shift-list li.dr-sev3{border-left-color:var(--dr-s3);}
.drift-report .dr-shift-list li.dr-sev2{border-left-color:var(--dr-s2);}
.drift-report .dr-shift-list li.dr-sev1{border-left-color:var(--dr-s1);}
.drift-report .dr-n{display:inline-block;min-width:1.3em;color:var(--dr-fg2);
font-variant-numeric:tabular-nums;}
.drift-report .dr-sevbadge{font-size:.85em;font-weight:700;border-radius:3px;padding:0 .35em;}
.drift-report li.dr-sev3 .dr-sevbadge{background:var(--dr-s3-bg);color:var(--dr-fg);}
.drift-report li.dr-sev2 .dr-sevbadge{background:var(--dr-s2-bg);color:var(--dr-fg);}
.drift-report li.dr-sev1 .dr-sevbadge{background:var(--dr-s1-bg);color:var(--dr-fg);}
.drift-report .dr-type{font-weight:600;font-variant:small-caps;letter-spacing:.02em;}
.drift-report .dr-words{color:var(--dr-fg2);}
.drift-report .dr-notices ul{list-style:none;margin:.4em 0;padding:0;font-size:.92em;}
.drift-report .dr-notice{border-left:3px solid var(--dr-s2);background:var(--dr-bg2);padding:.15em .6em;
margin:.15em 0;border-radius:0 4px 4px 0;}
.drift-report .dr-notice.dr-repair{border-left-color:var(--dr-line);color:var(--dr-fg2);}
.drift-report .dr-equiv{border-bottom:1px dashed var(--dr-fg2);color:var(--dr-fg2);}
.drift-report .dr-equiv-del{text-decoration:line-through;text-decoration-color:var(--dr-line);}
.drift-report details{margin:.6em 0;} .drift-report summary{cursor:pointer;color:var(--dr-fg2);}
@media (max-width:700px){.drift-report .dr-cols{grid-template-columns:1fr;}
.drift-report .dr-side+.dr-side{border-left:0;border-top:1px solid var(--dr-line);}}
"""
