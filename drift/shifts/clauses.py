"""Clauses read from the English parse: each predicate's negation, tense, aspect, mood and roles.

The detectors of :mod:`drift.shifts.polarity` (negation, who did what to whom) and
:mod:`drift.shifts.mood` (questions, tense, aspect) compare these readings across a link; they
never look at spaCy themselves. Labels are spaCy's English dependency scheme (ClearNLP), as
produced by ``en_core_web_sm`` (see :mod:`drift.parsing`).

- **negation**: a cue attached to the predicate ("not", "n't", "never", "no longer", "hardly" …),
  a negative argument ("nobody was told", "said nothing", "no evidence"), or a negating head
  ("failed to approve", "refused to say", "unable to relieve", "without saying");
- **roles**: ``agent`` (active subject, passive "by" phrase), ``patient`` (object, passive
  subject), ``goal`` (dative, "to" phrase), ``source`` ("from" phrase), on verbs and on nouns
  ("flights from Madrid to Lagos"), and the party named in each one's noun modifier
  (``patient modifier``: "the *rebel* village", "the *army's* camp");
- **tense** ``past`` / ``present`` / ``future`` of a finite verb group, **aspect** ``perfect`` /
  ``progressive``, and whether its sentence is a **question**;
- **events**: whether a sentence states one (:func:`states_an_event`: an action verb with a subject),
  for the omission and addition detectors.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from drift.parsing import ParsedSide, parse_side
from drift.shifts.lexicons import (
    NEGATIVE_ADJECTIVES,
    NEGATIVE_ARGUMENTS,
    NEGATIVE_VERBS,
    NOT_RESTRICTIVE,
    WEAK_NEGATORS,
)

if TYPE_CHECKING:
    from drift.shifts.text import Side

#: Negation strength: none, approximate ("hardly"), full ("not").
NONE, WEAK, FULL = 0, 2, 3

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "dative", "oprd"})
_NOT_HEADS = frozenset({"aux", "auxpass"})


@dataclass(frozen=True)
class Predicate:
    """One verb (or copula) heading a clause, in sentence ``sentence`` of a :class:`ParsedSide`.

    ``head`` and the other indices are token positions in that sentence's ``Doc``; ``group`` is the
    verb group (auxiliaries, negators and the head) for spans; ``negation`` is :data:`NONE`,
    :data:`WEAK` or :data:`FULL`, ``negators`` the cue tokens; ``inherited`` is the negation of
    the verb that governs it through an infinitive or a preposition ("didn't succeed at making");
    ``tense`` is ``None`` for a non-finite verb or one led by a modal other than will / shall
    (``modal``, its lemma).
    """

    sentence: int
    head: int
    lemma: str
    negation: int
    negators: tuple[int, ...]
    group: tuple[int, ...]
    tense: str | None
    aspect: frozenset[str]
    modal: str | None
    question: bool
    subject: int | None
    cue: str = ""  # the words of the main negation cue: "not", "n't", "no longer", "failed"
    inherited: int = NONE  # the negation of a governing verb: "didn't succeed at making"

    @property
    def negated(self) -> bool:
        """Negated by its own cue or through the verb that governs it."""
        return bool(self.negation or self.inherited)


@dataclass(frozen=True)
class Role:
    """An argument filling a role of a head word: ``police`` is the ``agent`` of ``attack``."""

    sentence: int
    head: int
    head_lemma: str
    role: str
    argument: int
    key: str  # the argument as compared: lemmas of its name or noun, lower case


@dataclass(frozen=True)
class Reading:
    """Everything read from one side: the parse, its predicates and its roles."""

    parsed: ParsedSide
    predicates: tuple[Predicate, ...]
    roles: tuple[Role, ...]


def read(side: Any) -> Reading | None:
    """The reading of a :class:`~drift.shifts.text.Side` (cached on it); ``None`` without a parser."""
    if "clauses" not in side.memo:
        parsed = parse_side(side)
        side.memo["clauses"] = None if parsed is None else Reading(
            parsed,
            tuple(p for k, d in enumerate(parsed.sentences) for p in _predicates(k, d)),
            tuple(r for k, d in enumerate(parsed.sentences) for r in _roles(k, d)))
    return side.memo["clauses"]


def _is_predicate(t: Any) -> bool:
    return t.pos_ in ("VERB", "AUX") and t.dep_ not in _NOT_HEADS and t.tag_ != "MD"


def _negation(t: Any) -> tuple[int, list[int], str]:
    """How the predicate ``t`` is negated: the strength, the cue tokens, and the main cue's words."""
    found: list[tuple[int, list[int]]] = []  # (strength, tokens), main cue token first
    for c in t.children:
        low = c.lower_
        if c.dep_ == "neg" or (c.dep_ == "advmod" and low == "never"):
            nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
            if nxt is None or nxt.lower_ not in NOT_RESTRICTIVE:  # "not only" restricts
                found.append((FULL, [c.i]))
        elif c.dep_ == "advmod" and low == "longer" and any(g.lower_ == "no" for g in c.children):
            found.append((FULL, [c.i - 1, c.i]))
        elif c.dep_ == "advmod" and low in WEAK_NEGATORS:
            found.append((WEAK, [c.i]))
        elif c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children):  # "not at all"
            found.append((FULL, [g.i for g in c.children if g.dep_ == "neg"]))
        elif c.dep_ in _ARGUMENTS:
            if low in NEGATIVE_ARGUMENTS and low != "no":
                found.append((FULL, [c.i]))
            elif low == "one" and c.i > 0 and c.nbor(-1).lower_ == "no":  # "no one"
                found.append((FULL, [c.i - 1, c.i]))
            else:
                found += [(FULL, [g.i]) for g in c.children
                          if g.dep_ in ("det", "neg") and g.lower_ in ("no", "neither")][:1]
    # "by no means", "under no circumstances", on the verb or (a parser slip) on its subject
    subjects = [c for c in t.children if c.dep_ in _SUBJECTS]
    for prep in (g for x in (t, *subjects) for g in x.children if g.dep_ == "prep"):
        found += [(FULL, [d.i, prep.i]) for o in prep.children if o.dep_ == "pobj" for d in o.children
                  if d.dep_ == "det" and d.lower_ == "no"][:1]
    head = t.head
    negating_head = (t.dep_ == "xcomp" and (
        (head.pos_ == "VERB" and head.lemma_.lower() in NEGATIVE_VERBS)
        or (head.pos_ == "ADJ" and head.lower_ in NEGATIVE_ADJECTIVES))) \
        or (t.dep_ == "pcomp" and head.lower_ == "without")
    if negating_head and head.i != t.i:
        found.append((FULL, [head.i]))
    if not found:
        return NONE, [], ""
    strength, main = max(found, key=lambda f: f[0])
    cue = " ".join(t.doc[i].text for i in sorted(main)) if main == sorted(main) or len(main) == 1 \
        else t.doc[main[0]].text
    return strength, sorted({i for _, ids in found for i in ids}), cue


def _tense_aspect(t: Any, auxes: list[Any]) -> tuple[str | None, frozenset[str], str | None]:
    chain = sorted([*auxes, t], key=lambda x: x.i)
    aspect = set()
    if any(a.lemma_ == "have" and a.dep_ == "aux" for a in auxes):
        aspect.add("perfect")
    if (t.tag_ == "VBG" and any(a.lemma_ == "be" and a.dep_ == "aux" for a in auxes)) \
            or any(a.lower_ == "being" for a in auxes):  # "were being found"
        aspect.add("progressive")
    finite = chain[0]
    if finite.tag_ == "MD":
        tense = "future" if finite.lemma_.lower() in ("will", "shall") else None
    elif finite.tag_ == "VBD":
        tense = "past"
    elif finite.tag_ in ("VBZ", "VBP"):
        tense = "present"
    else:
        tense = None
    modal = finite.lemma_.lower() if finite.tag_ == "MD" else None
    return tense, frozenset(aspect), modal


def is_question(doc: Any) -> bool:
    """Whether a parsed sentence asks: it ends with "?" (before closing quotes or brackets), or
    opens with an auxiliary before its subject ("Does Israel consider …", its "?" lost)."""
    words = [t for t in doc if not t.is_space]
    tail = [t for t in words if not (t.is_quote or t.is_bracket or t.text in "\"'”’»)")]
    if tail and tail[-1].text == "?":
        return True
    if not words or words[0].tag_ not in ("MD", "VBZ", "VBP", "VBD") or words[0].pos_ != "AUX":
        return False
    first = words[0]
    head = first if first.dep_ == "ROOT" else first.head
    return any(c.dep_ in _SUBJECTS and c.i > first.i for c in head.children)


#: Dependency labels of a linking verb's complement ("remain watchful", "became a symbol"): the
#: sentence describes a state, it does not report an event.
_LINKING_COMPLEMENTS = frozenset({"acomp", "attr", "oprd"})


def states_an_event(side: Side) -> bool:
    """Whether the side's first sentence is a statement (not a question, not a heading) whose main
    verb, in the English parse (:mod:`drift.parsing`), is an action verb with a subject and no
    linking complement ("The minister resigned over the scandal", not "Observers remain
    watchful"); ``False`` without the parse. Read by the omission and addition detectors."""
    parsed = parse_side(side)
    if parsed is None or not parsed.sentences or side.in_heading(0):
        return False
    doc = parsed.sentences[0]
    if doc.text.rstrip().endswith("?"):
        return False
    return any(t.dep_ == "ROOT" and t.pos_ == "VERB"
               and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
               and not any(c.dep_ in _LINKING_COMPLEMENTS for c in t.children) for t in doc)


def _predicates(k: int, doc: Any) -> list[Predicate]:
    question = is_question(doc)
    out = []
    for t in doc:
        if not _is_predicate(t):
            continue
        auxes = [c for c in t.children if c.dep_ in _NOT_HEADS]
        strength, cues, cue = _negation(t)
        tense, aspect, modal = _tense_aspect(t, auxes)
        subject = next((c.i for c in t.children if c.dep_ in _SUBJECTS), None)
        group = sorted({t.i, *(a.i for a in auxes), *(c for c in cues if abs(c - t.i) <= 4)})
        out.append(Predicate(k, t.i, t.lemma_.lower(), strength, tuple(cues), tuple(group), tense,
                             aspect, modal, question, subject, cue))
    by_head = {p.head: p for p in out}
    for n, p in enumerate(out):
        g = _governor(doc[p.head])
        while g is not None and g.i in by_head and not by_head[g.i].negation:
            g = _governor(g)
        if g is not None and g.i in by_head:
            out[n] = replace(p, inherited=by_head[g.i].negation)
    return out


def _governor(t: Any) -> Any:
    """The verb that governs t through an infinitive ("want to go") or a preposition ("succeed at
    making"), if any."""
    if t.dep_ == "xcomp" and t.head.i != t.i:
        return t.head
    if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.head.i != t.head.i:
        return t.head.head
    return None


def _key(t: Any) -> str:
    """An argument as compared: its compound name or noun ("the Sydney Stock Exchange" → three
    lemmas), lower case; pronouns by their own form."""
    parts = [c for c in t.children if c.dep_ == "compound"] + [t]
    return " ".join(p.lemma_.lower() for p in sorted(parts, key=lambda p: p.i))


def _roles(k: int, doc: Any) -> list[Role]:
    out = []
    for t in doc:
        for c in t.children:
            role, arg = None, c
            if c.dep_ == "nsubj" and _is_predicate(t):
                role = "agent"
            elif c.dep_ in ("dobj", "nsubjpass") and _is_predicate(t):
                role = "patient"
            elif c.dep_ == "dative" and _is_predicate(t):
                role = "goal"
            elif c.dep_ in ("agent", "prep") and c.lower_ in ("by", "from", "to"):
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is None or (c.lower_ == "by" and c.dep_ != "agent"):
                    continue
                role, arg = {"by": "agent", "from": "source", "to": "goal"}[c.lower_], pobj
            if role is not None and arg.pos_ in ("NOUN", "PROPN", "PRON"):
                out.append(Role(k, t.i, t.lemma_.lower(), role, arg.i, _key(arg)))
                modifiers = [m for m in arg.children if m.dep_ in _PARTY_MODIFIERS and m.pos_ in _PARTY_POS]
                if modifiers:
                    out.append(Role(k, t.i, t.lemma_.lower(), f"{role} {MODIFIER}", modifiers[0].i,
                                    " ".join(_key(m) for m in modifiers)))
    return out


#: The role of the party named in an argument's noun modifier ("the *rebel* village", "the *army's*
#: camp"): ``"patient modifier"`` is the party the patient belongs to, so that the army shelling the
#: rebels' village and the rebels shelling the army's village are told apart (the modifier's lemmas,
#: with their own compounds, are its key).
MODIFIER = "modifier"
_PARTY_MODIFIERS = frozenset({"compound", "poss", "amod", "nmod"})
#: A modifier names a party when it is a noun or a name, or an adjective the parser read in a noun's
#: place ("the rebel village": "rebel" tagged ADJ); pronouns ("their village") are not compared.
_PARTY_POS = frozenset({"NOUN", "PROPN", "ADJ"})


def pair(base: list[Any], rewrite: list[Any], same: Any) -> list[tuple[Any, Any]]:
    """Pair items of equal ``.lemma`` across two sides: first those for which ``same(b, r)`` holds
    (so a repeated verb is not mismatched), then the rest in reading order."""
    free = list(rewrite)
    pairs, left = [], []
    for b in base:
        r = next((r for r in free if r.lemma == b.lemma and same(b, r)), None)
        if r is None:
            left.append(b)
        else:
            free.remove(r)
            pairs.append((b, r))
    for b in left:
        r = next((r for r in free if r.lemma == b.lemma), None)
        if r is not None:
            free.remove(r)
            pairs.append((b, r))
    return pairs


_NOT_CONTENT = frozenset({"neg", "aux", "auxpass", "punct", "cc"})
_FUNCTION = frozenset({"DET", "PRON", "AUX", "CCONJ", "SCONJ", "PART", "ADP", "PUNCT"})


def same_clause(b_read: Reading, bp: Predicate, r_read: Reading, rp: Predicate) -> bool:
    """Whether two predicates of one lemma say the same thing: they share an argument or modifier
    word (by lemma), or neither has any ("it rained" / "it did not rain")."""
    def words(reading, p):
        head = reading.parsed.sentences[p.sentence][p.head]
        return {t.lemma_.lower() for c in head.children if c.dep_ not in _NOT_CONTENT
                for t in c.subtree if t.is_alpha and t.pos_ not in _FUNCTION}
    bw, rw = words(b_read, bp), words(r_read, rp)
    return bool(bw & rw) or not (bw or rw)
