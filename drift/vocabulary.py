"""The one vocabulary every surface reads: shift types, severities, diff operations, link kinds.

The report (:mod:`drift.report`), the static HTML (:mod:`drift.html`) and the explorer's
JavaScript (sent to the browser as :func:`as_json`) all take these names from here, so a new
shift type or severity is added in one place.
"""

from __future__ import annotations

from typing import Any

#: Shift types, most specific first: when two shifts of equal severity cover the same words, the
#: earlier type is kept. The descriptions are shown to readers.
SHIFT_TYPES: dict[str, str] = {
    "reversal": "a claim reversed: an antonym, a comparison or who did what to whom swapped",
    "negation": "a negation added or removed",
    "attribution": "a source dropped, changed or added, or an allegation stated as fact",
    "number": "a figure changed, blurred, dropped or added",
    "entity": "a named actor or place replaced, dropped or added",
    "hedging": "a reporting verb or hedge that changes how sure the statement is",
    "modality": "may, might, will, must: how certain or obligatory",
    "omission": "content of the base that the rewrite leaves out",
    "addition": "content of the rewrite that the base does not have",
    "other": "another change of meaning",
}

#: Severity levels: 1 a nuance; 2 a key fact, figure, actor or source changed or dropped;
#: 3 reversed, invented, or an allegation turned into fact.
SEVERITIES: dict[int, str] = {1: "nuance", 2: "key fact", 3: "reversed or invented"}

#: Word-diff operations, as in diff-match-patch: ``(op, text)`` pairs of a link's ``diff``.
DIFF_OPS: dict[int, str] = {-1: "deleted", 0: "same", 1: "inserted"}

#: How two aligned words of a link relate (``Link.words``), from the same word to a change of
#: meaning; the inline diff shows the first four as equivalent.
WORD_RELATIONS: dict[str, str] = {
    "same": "the same word",
    "form": "the same word in another form: case, accents, spelling, inflection (lemma)",
    "synonym": "a synonym (the same WordNet synset)",
    "equivalent": "the same meaning by another route: a translation, a transliterated name, an "
                  "abbreviation, an equal figure",
    "vaguer": "a more general word (a WordNet hypernym)",
    "related": "a related word of another meaning",
    "antonym": "an opposite (a WordNet antonym)",
    "changed": "a different word in the same place",
}

#: Link kinds besides ``"m-n"`` (m base and n rewrite sentences, both ≥ 1).
LINK_KINDS: dict[str, str] = {"deleted": "a base sentence the rewrite leaves out",
                              "inserted": "a rewrite sentence with no base counterpart"}


def clamp_severity(severity: int | float) -> int:
    """A severity forced into 1..3 (a report from elsewhere may carry anything)."""
    return min(max(int(severity), 1), 3)


def as_json() -> dict[str, Any]:
    """The vocabulary as plain JSON for the explorer's JavaScript."""
    return {"shift_types": list(SHIFT_TYPES), "shift_descriptions": SHIFT_TYPES,
            "severities": {str(k): v for k, v in SEVERITIES.items()},
            "diff_ops": {str(k): v for k, v in DIFF_OPS.items()}, "link_kinds": LINK_KINDS,
            "word_relations": WORD_RELATIONS}
