"""Omissions: content the rewrite leaves out, inside an aligned link or as a whole sentence.

Inside a link, a run of base words none of which the rewrite carries in any form (at least
:data:`MIN_RUN` content words, function words between them allowed) is a dropped phrase. It is a
key fact (severity 2) when it names an actor the rewrite names nowhere (not by a word of the
whole name, an acronym, a WordNet short form, its words declined, nor another name put in its
place, which :mod:`drift.shifts.entities` weighs), and an attribution shift
when that actor made a claim ("the US and other Western governments dismissed as a sham");
otherwise a nuance, since paraphrase often swaps words a stem cannot match ("the destination of
his choice" → "the place of his choosing"). Figures are left to :mod:`drift.shifts.numbers`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drift.lexicon import lexicon
from drift.report import Document, Shift
from drift.shifts.attribution import find_frames
from drift.shifts.clauses import states_an_event
from drift.shifts.crosslingual import carried, names
from drift.shifts.entities import change_runs, find_names, still_named
from drift.shifts.lexicons import NUMBER_WORDS, word_set
from drift.shifts.numbers import _doc_figure_values, _side_figures, doc_values, find_quantities
from drift.shifts.numerals import primary
from drift.shifts.registry import register
from drift.shifts.text import Side, Token, quote, whole

#: Fewest content words a dropped run must hold to be reported.
MIN_RUN = 3
_RUN_BREAK = word_set(". ; ! ? ( )")


def _is_figure(t: Token) -> bool:
    return t.is_number or (t.norm in NUMBER_WORDS and t.norm not in ("one", "half"))


def _runs(base: Side, rewrite: Side) -> list[list[int]]:
    runs: list[list[int]] = []
    current: list[int] = []
    for k, t in enumerate(base.tokens):
        if current and (t.sent != base.tokens[current[-1]].sent or t.norm in _RUN_BREAK):
            runs.append(current)
            current = []
        if _is_figure(t):
            continue  # figures are compared as figures, by numbers.py
        if t.is_content:
            if rewrite.has(t):
                if current:
                    runs.append(current)
                current = []
            else:
                current.append(k)
    if current:
        runs.append(current)
    return [r for r in runs if len(r) >= MIN_RUN]


def detect(base: Side, rewrite: Side, diff: Sequence[tuple[int, str]] = ()) -> list[Shift]:
    frames = find_frames(base)
    renamed = _renamed_in_place(base, rewrite, diff)
    shifts = []
    for run in _runs(base, rewrite):
        first, last = run[0], run[-1]
        bs = base.span(first, last)
        words = quote(base.words(bs))
        framed = [f for f in frames if first <= f.first <= last]
        # a name the rewrite gives nowhere: an actor or place is gone, not just moved or rephrased;
        # a name the rewrite gives another in its place is the entity detector's to weigh
        names = any(not _still_named(base, name, rewrite) and not set(name) <= renamed
                    for name in _name_runs(base, run))
        if framed and names:
            shifts.append(Shift("attribution", 2, bs, None,
                                f"the rewrite drops {words}: a claim and who made it are gone"))
        elif names:
            shifts.append(Shift("omission", 2, bs, None, f"the rewrite drops {words}"))
        else:
            shifts.append(Shift("omission", 1, bs, None, f"the rewrite drops {words}"))
    return shifts


def _renamed_in_place(base: Side, rewrite: Side, diff: Sequence[tuple[int, str]]) -> set[int]:
    """Base tokens of the diff's changes that put a name in place of a name and nothing else
    ("the PSL Polish People's Party" → "the PSL Polskie Stronnictwo Ludowe"): every content word
    the change deletes is a name word, and it inserts name words; a name replaced or translated,
    which :mod:`drift.shifts.entities` weighs, not a phrase dropped."""
    named_b = {k for n in find_names(base) for k in range(n.first, n.last + 1)}
    named_r = {k for n in find_names(rewrite) for k in range(n.first, n.last + 1)}
    out: set[int] = set()
    for c in change_runs(base, rewrite, diff):
        content = [k for k in c.base if base.tokens[k].is_content]
        if content and set(content) <= named_b and named_r & set(c.rewrite):
            out.update(c.base)
    return out


def _name_runs(side: Side, run: list[int]) -> list[list[int]]:
    """The actor names inside a run of tokens, each as its consecutive tokens."""
    names: list[list[int]] = []
    for k in run:
        if side.is_actor_name(k):
            if names and names[-1][-1] == k - 1:
                names[-1].append(k)
            else:
                names.append([k])
    return names


def _still_named(base: Side, name: list[int], rewrite: Side) -> bool:
    """Whether the rewrite still names this actor: one of its words, a word of the whole name it
    belongs to or every word declined (:func:`drift.shifts.entities.still_named`), its initials
    ("UAE" for the United Arab Emirates, "EU"), or a WordNet synonym of the whole name ("European
    Union" = "EU")."""
    whole = rewrite.whole
    if all(whole.has_name(base.tokens[k]) for k in name) or still_named(base, name, whole):
        return True
    first = name[0]  # a name opening the sentence starts before its first counted word
    while first > 0 and base.tokens[first - 1].sent == base.tokens[first].sent \
            and base.tokens[first - 1].is_word and base.tokens[first - 1].text[:1].isupper():
        first -= 1
    words = base.tokens[first:name[-1] + 1]
    caps = [t.text for t in words if t.text[:1].isupper()]
    rewrite_forms = {t.text for t in whole.tokens} | {t.text.replace(".", "") for t in whole.tokens}
    if len(caps) >= 2 and "".join(c[0] for c in caps).upper() in rewrite_forms:
        return True
    english = lexicon("en")
    phrase = base.doc.text[words[0].start:words[-1].end]
    return english is not None and any(syn in rewrite_forms or syn in whole.text
                                       for syn in english.synonyms(phrase) if len(syn) >= 2)


#: Fewest words a left-out sentence needs for its named actors alone to make it a key fact.
MIN_FACT_WORDS = 15
#: Fewest words a left-out statement of an event (an action verb with a subject, in the parse)
#: needs to be a key fact, as an added one is a claim (:data:`drift.shifts.additions.MIN_CLAIM_WORDS`).
MIN_EVENT_WORDS = 6


def english_rules_apply(*docs: Document | None) -> bool:
    """Whether English word rules (capitalised names, stopwords, stems) may read these documents:
    every one English or of unknown language, and written without CJK, kana or Devanagari."""
    return all(d is None or ((d.language is None or primary(d.language) == "en")
                             and not _NON_LATIN.search(d.text)) for d in docs)


_NON_LATIN = re.compile(r"[\u0900-\u097f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def sentence_span(doc: Document, idx: tuple[int, ...]) -> tuple[int, int]:
    """The first sentence of ``idx`` without its surrounding whitespace."""
    s = doc.sentences[min(idx)]
    text = doc.text[s.start:s.end]
    start = s.start + len(text) - len(text.lstrip())
    return start, max(start + 1, s.start + len(text.rstrip()))


def lost_facts(doc: Document, idx: tuple[int, ...], other: Document | None) -> tuple[list[str], list[str]]:
    """Key figures and names of ``doc``'s sentences ``idx`` that ``other`` (a document in any
    language) gives nowhere, judged by value and by transliterated name, never by English rules;
    with no ``other``, all of them."""
    side = Side(doc, idx)
    language = primary(doc.language) or None
    given = _doc_figure_values(other, other.language) if other is not None else frozenset()
    figures = [doc.text[f.start:f.end] for f in _side_figures(side, language)
               if f.key and f.kind in ("count", "time") and not (f.values & given)]
    other_lang = primary(other.language) if other is not None else ""
    lost = [" ".join(n[2]) for n in names(side, primary(doc.language) or "en")
            if other is None or not carried(n[2], primary(doc.language), whole(other), other_lang)]
    return figures, lost


def _omission_across(base_doc: Document, base_idx: tuple[int, ...], rewrite: Document | None) -> Shift:
    span = sentence_span(base_doc, base_idx)
    figures, lost = lost_facts(base_doc, base_idx, rewrite)
    words = quote(base_doc.text[span[0]:span[1]])
    many = f"{len(base_idx)} sentences, starting " if len(base_idx) > 1 else ""
    if figures or lost:
        what = f"the figure {quote(figures[0])}" if figures else f"the name {quote(lost[0])}"
        return Shift("omission", 2, span, None,
                     f"the rewrite leaves out {many}{words}: {what} is lost")
    return Shift("omission", 1, span, None, f"the rewrite leaves out {many}{words}")


def omission_shift(base_doc: Document, base_idx: tuple[int, ...], *, rewrite: Document | None = None
                   ) -> Shift:
    """The shift of base sentence(s) the rewrite leaves out entirely.

    Severity 2 when what is lost is a key fact: a figure, a source named with what it said, an
    actor the rewrite never names, a full statement (at least :data:`MIN_FACT_WORDS` words)
    about a named actor, or a statement of an event (at least :data:`MIN_EVENT_WORDS` words; its
    main verb, in the English parse, an action verb with a subject). Otherwise (a heading, a
    short colour sentence, a described state) 1.

    ``rewrite`` (keyword, optional): the whole rewrite document. With it, a figure the rewrite gives
    elsewhere is not counted as lost, and an actor it never names makes even a short sentence a key
    fact; without it, every figure counts and named actors count only in full statements.

    When either document is not English (``Document.language``), no English word rule runs: the
    sentence is a key fact (2) when it holds a figure or a name (:func:`lost_facts`) that the
    rewrite gives nowhere, by value or transliterated; otherwise 1.
    """
    if not english_rules_apply(base_doc, rewrite):
        return _omission_across(base_doc, base_idx, rewrite)
    side = Side(base_doc, base_idx)
    toks = side.tokens
    if not toks:  # whitespace only: cannot happen in a segmented document, but stay total
        s = base_doc.sentences[min(base_idx)]
        return Shift("omission", 1, (s.start, s.end), None, "the rewrite leaves out this sentence")
    n_words = sum(t.is_word for t in toks)
    actors = [k for k in range(len(toks)) if side.is_actor_name(k)]
    sourced = any(f.cls == "source" for f in find_frames(side)) and actors
    unknown = rewrite is not None and any(not whole(rewrite).has_name(toks[k]) for k in actors)
    given = doc_values(rewrite) if rewrite is not None else frozenset()  # figures the rewrite still gives
    figures = any(q.key_fact and not q.vague and not q.date and not ({q.value, q.alt} & given)
                  for q in find_quantities(side))
    key = figures or sourced or unknown or (actors and n_words >= MIN_FACT_WORDS)
    if not key and n_words >= MIN_EVENT_WORDS:
        key = states_an_event(side)  # "Police arrested three protesters": an event is lost
    severity = 2 if key and not all(side.in_heading(k) for k in range(len(toks))) else 1
    span = side.span(0, max(k for k, t in enumerate(toks) if t.sent == toks[0].sent))
    if len(base_idx) > 1:
        what = f"the rewrite leaves out {len(base_idx)} sentences, starting {quote(side.words(span))}"
    else:
        what = f"the rewrite leaves out {quote(side.words(span))}"
    detail = ": a figure, actor or source is lost" if severity == 2 else ""
    return Shift("omission", severity, span, None, what + detail)


register("omissions", lambda c: detect(c.base, c.rewrite, c.diff),
         shift_types=("omission", "attribution", "entity"), languages=("en",))
