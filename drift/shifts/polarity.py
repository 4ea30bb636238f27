"""Reversals: who is stronger flipped, who did what to whom swapped, a negation added or removed.

Embeddings do not see these (a role swap scores *higher* than a true paraphrase), so they are
read from the sentence structure (:mod:`drift.shifts.clauses`, on the English parse) and, where
no parser is installed, from the words:

- comparisons: "the country's military is no match for the US" says the US is the stronger;
  "the US cannot compete with the country's military" says the opposite. Each side's comparison
  predicates (``COMPARATIVES``) are read as (stronger, weaker) and the parties compared;
- roles: the same verb (or noun) with two of its arguments exchanged ("police attacked the
  protesters" → "protesters attacked the police", "from Madrid to Lagos" → "from Lagos to
  Madrid"); a passive paraphrase keeps the roles and is not a swap;
- negation: the same predicate (by lemma) negated on one side only — "not", "never", "no longer",
  "failed to", "nobody" (severity 3), or "hardly", "seldom" (severity 2); without a parser, a change
  in the diff that only adds or removes a negator ("is" → "is not");
- the doer or the action left out while the rest of the clause stays ("I don't know" → "Don't
  know", "were found in" → "were in"): an omission of severity 2.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from drift.report import Shift
from drift.shifts import clauses
from drift.shifts.entities import mid_sentence_caps
from drift.shifts.lexicons import COMPARATIVES, NEGATORS, REPORTING_STANCE, STOPWORDS, word_set
from drift.shifts.registry import register
from drift.shifts.text import Side, fold, has_key, quote, stem, tokenize

_SKIP_BEFORE = word_set("is are was were be been being am 's far much still simply clearly already "
                         "just certainly really")
_BOUNDARY = word_set(", ; : . ! ? \" ( ) that which who whom whose know knows knew aware believe "
                      "believes think thinks and but while because although if when as") \
    | frozenset(REPORTING_STANCE)
_PRONOUNS = word_set("it they he she we i you them him her us this that these those")


@dataclass
class Comparison:
    first: int
    last: int
    stronger: set[str]
    weaker: set[str]


def _party(side: Side, indices: list[int]) -> set[str]:
    """Who a noun phrase names: its proper names if any, else its content words (pronouns none)."""
    toks = [side.tokens[k] for k in indices]
    names = {t.key for t in toks if t.is_word and (t.is_cap or t.norm == "usa") and t.norm not in STOPWORDS}
    if names:
        return names
    return {t.key for t in toks if t.is_content and t.norm not in _PRONOUNS}


def find_comparisons(side: Side) -> list[Comparison]:
    toks = side.tokens
    norms = [t.norm for t in toks]
    out = []
    for i in range(len(toks)):
        for pat, direction in COMPARATIVES:
            n = len(pat)
            if tuple(norms[i:i + n]) != pat or direction == 0:
                continue
            sent = toks[i].sent
            k = i - 1
            negated = False
            while k >= 0 and toks[k].sent == sent and (norms[k] in _SKIP_BEFORE or norms[k] in NEGATORS):
                negated ^= norms[k] in NEGATORS
                k -= 1
            x = []
            while k >= 0 and toks[k].sent == sent and norms[k] not in _BOUNDARY and len(x) < 6:
                x.append(k)
                k -= 1
            y = []
            m = i + n
            while m < len(toks) and toks[m].sent == sent and norms[m] not in _BOUNDARY and len(y) < 6:
                y.append(m)
                m += 1
            px, py = _party(side, x), _party(side, y)
            if not px or not py:
                continue
            d = -direction if negated else direction
            stronger, weaker = (px, py) if d > 0 else (py, px)
            out.append(Comparison(min(x), max(y), stronger, weaker))
    return out


def _overlap(a: set[str], b: set[str]) -> bool:
    return any(has_key(k, b) for k in a)


def _paired_comparisons(base: Side, rewrite: Side):
    """Each (base comparison, rewrite comparison, same way round, flipped) over both sides' pairs."""
    rcs = find_comparisons(rewrite)
    for bc in find_comparisons(base):
        for rc in rcs:
            same = _overlap(bc.stronger, rc.stronger) or _overlap(bc.weaker, rc.weaker)
            flipped = _overlap(bc.stronger, rc.weaker) or _overlap(bc.weaker, rc.stronger)
            yield bc, rc, same, flipped


def kept_comparisons(base: Side, rewrite: Side) -> list[tuple[Comparison, Comparison]]:
    """Comparisons both sides make the same way round ("no match for" ~ "not comparable to")."""
    return [(bc, rc) for bc, rc, same, flipped in _paired_comparisons(base, rewrite) if same and not flipped]


def _comparison_reversals(base: Side, rewrite: Side) -> list[Shift]:
    shifts = []
    reversed_bases: set[int] = set()  # one reversal per base comparison
    for bc, rc, same, flipped in _paired_comparisons(base, rewrite):
        if flipped and not same and id(bc) not in reversed_bases:
            reversed_bases.add(id(bc))
            bs, rs = base.span(bc.first, bc.last), rewrite.span(rc.first, rc.last)
            shifts.append(Shift("reversal", 3, bs, rs, f"{quote(base.words(bs))} became "
                                f"{quote(rewrite.words(rs))}: who is stronger is reversed"))
    return shifts


_NEGATION_NOISE = word_set("do does did a an any some")


def _negation_flips(base: Side, rewrite: Side, diff: list[tuple[int, str]]) -> list[Shift]:
    """Changes in the diff that only add or remove a negator (read without a parse)."""
    shifts = []
    bpos = rpos = 0
    k = 0
    while k < len(diff):
        op, text = diff[k]
        if op == 0:
            bpos += len(text)
            rpos += len(text)
            k += 1
            continue
        deleted = text if op == -1 else ""
        inserted = diff[k + 1][1] if op == -1 and k + 1 < len(diff) and diff[k + 1][0] == 1 else ""
        if op == 1:
            inserted = text
        dn = [t.norm for t in tokenize(deleted) if t.is_word]
        inn = [t.norm for t in tokenize(inserted) if t.is_word]
        neg_d = sum(w in NEGATORS for w in dn)
        neg_i = sum(w in NEGATORS for w in inn)
        rest_d = sorted(w for w in dn if w not in NEGATORS and w not in _NEGATION_NOISE)
        rest_i = sorted(w for w in inn if w not in NEGATORS and w not in _NEGATION_NOISE)
        if neg_d % 2 != neg_i % 2 and rest_d == rest_i:
            bt = base.tokens_in(bpos, bpos + len(deleted)) if deleted else []
            rt = rewrite.tokens_in(rpos, rpos + len(inserted)) if inserted else []
            bspan = base.span(bt[0], bt[-1]) if bt else _point_span(base, bpos)
            rspan = rewrite.span(rt[0], rt[-1]) if rt else _point_span(rewrite, rpos)
            if bspan and rspan:
                shifts.append(Shift("negation", 3, bspan, rspan,
                                    f"{quote(base.words(bspan))} became {quote(rewrite.words(rspan))}: "
                                    "the negation reverses the statement"))
        bpos += len(deleted)
        rpos += len(inserted)
        k += 2 if (op == -1 and inserted) else 1
    return shifts


def _point_span(side: Side, pos: int) -> tuple[int, int] | None:
    near = side.around(pos)
    return None if near is None else side.span(*near)


@dataclass
class Action:
    agent: str       # key of the doer's name
    verb: str        # stem of the verb
    patient: str     # key of the name done to
    first: int
    last: int


_PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "being", "be", "has", "have", "had"})


def find_actions(side: Side, known: frozenset[str]) -> list[Action]:
    """Name–verb–name clauses: "Trump told Maduro", "Maduro was accused by the US" (passive).

    ``known``: words capitalised inside sentences somewhere, so a sentence may open with a name.
    """
    toks = side.tokens
    names: list[tuple[int, int]] = []  # runs of name tokens
    for k in range(len(toks)):
        if side.is_name(k) or (toks[k].is_cap and toks[k].norm in known and toks[k].norm not in STOPWORDS
                               and not side.in_heading(k)):
            if names and names[-1][1] == k - 1 and toks[k - 1].sent == toks[k].sent:
                names[-1] = (names[-1][0], k)
            else:
                names.append((k, k))
    out = []
    for (a0, a1), (b0, b1) in zip(names, names[1:], strict=False):
        between = toks[a1 + 1:b0]
        if not 1 <= len(between) <= 4 or toks[a1].sent != toks[b0].sent:
            continue
        if any(not t.is_word for t in between):
            continue
        verbs = [t for t in between if t.norm not in STOPWORDS and t.norm not in _PASSIVE_AUX] + [
            t for t in between if t.norm in REPORTING_STANCE]
        if len({t.norm for t in verbs}) != 1:
            continue
        verb = stem(verbs[0].norm)
        agent, patient = toks[a1].key, toks[b1].key
        if "by" in {t.norm for t in between} and any(t.norm in _PASSIVE_AUX for t in between):
            agent, patient = patient, agent
        if agent != patient:
            out.append(Action(agent, verb, patient, a0, b1))
    return out


def _role_swaps(base: Side, rewrite: Side) -> list[Shift]:
    shifts = []
    known = mid_sentence_caps(base.doc) | mid_sentence_caps(rewrite.doc)
    r_actions = find_actions(rewrite, known)
    for ba in find_actions(base, known):
        same = [ra for ra in r_actions
                if ra.verb == ba.verb and ra.agent == ba.agent and ra.patient == ba.patient]
        swapped = [ra for ra in r_actions
                   if ra.verb == ba.verb and ra.agent == ba.patient and ra.patient == ba.agent]
        if swapped and not same:
            bs, rs = base.span(ba.first, ba.last), rewrite.span(swapped[0].first, swapped[0].last)
            shifts.append(Shift("reversal", 3, bs, rs, f"{quote(base.words(bs))} became "
                                f"{quote(rewrite.words(rs))}: who did what to whom is reversed"))
    return shifts


def _negated_predicates(base: Side, rewrite: Side, b_read: clauses.Reading, r_read: clauses.Reading
                        ) -> list[Shift]:
    """The same predicate (by lemma) negated on one side only; the severity is the negator's
    strength (3 for "not", "never", "failed to", "nobody"…; 2 for "hardly", "seldom"…)."""
    shifts = []
    same = lambda b, r: b.negated == r.negated  # noqa: E731
    for bp, rp in clauses.pair(list(b_read.predicates), list(r_read.predicates), same):
        if same(bp, rp):
            continue
        negated = bp if bp.negated else rp
        plain, plain_read = (base, b_read) if negated is rp else (rewrite, r_read)
        other, other_read = (rewrite, r_read) if negated is rp else (base, b_read)
        if not negated.negation or _affixal(b_read, bp, r_read, rp) \
                or not clauses.same_clause(b_read, bp, r_read, rp) \
                or _stray_cues(plain, plain_read, negated.cue) > _stray_cues(other, other_read, negated.cue):
            # negated only through its governor (flagged there); "not correct" = "incorrect"; or
            # the negator is still there, misspelt or misparsed ("nto", "failure to pay")
            continue
        bs = b_read.parsed.span_of(bp.sentence, bp.group)
        rs = r_read.parsed.span_of(rp.sentence, rp.group)
        bw, rw = quote(base.words(bs)), quote(rewrite.words(rs))
        if negated.negation == clauses.FULL:
            why = "the negation reverses the statement"
        else:
            why = "the rewrite all but denies what the base states" if negated is rp else \
                "the rewrite states plainly what the base all but denies"
        shifts.append(Shift("negation", negated.negation, bs, rs, f"{bw} became {rw}: {why}"))
    return shifts


def close_form(a: str, b: str) -> bool:
    """Whether two folded words are one word in another form or misspelt: equal; or both of four
    letters or more and one edit apart (a letter changed, added, dropped, or two swapped); or
    sharing a stem of four letters or more that leaves at most five more ("failed" / "failure",
    "unabl" / "unable"). Three-letter words only by two letters swapped ("nto" / "not")."""
    if a == b:
        return True
    if len(a) == len(b) == 3:
        return sorted(a) == sorted(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 2
    if min(len(a), len(b)) < 4:
        return False
    common = len(os.path.commonprefix([a, b]))
    if common >= 4 and max(len(a), len(b)) - common <= 5:
        return True
    return _one_edit(a, b)


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return (a[i + 1:] == b[i + 1:] or a[i + 1:] == b[i:] or a[i:] == b[i + 1:]
            or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1]))


_NOT_FORMS = ("not", "n't")


def _stray_cues(side: Side, reading: clauses.Reading, cue: str) -> int:
    """How often the side holds the negation cue (or a misspelling of it: "nto", "failure to pay")
    where the parse attaches it to no predicate. More of them on the plain side than on the negated
    one: the negator is there, misspelt or misparsed. "not" and "n't" are one cue, in any
    contraction ("didn't", "cannot")."""
    parts = [fold(p) for p in cue.split()]
    if not parts:
        return 0
    attached = [reading.parsed.span_of(p.sentence, (i,)) for p in reading.predicates for i in p.negators]
    toks = [t for t in side.tokens if t.is_word or t.norm in ("n't", "'t")]
    n, count = len(parts), 0
    for i in range(len(toks) - n + 1):
        window = toks[i:i + n]
        if parts[0] in _NOT_FORMS and n == 1:
            w = window[0].norm
            hit = w.endswith("n't") or w in ("cannot", "'t") or close_form(w, "not")
        else:
            hit = all(close_form(t.norm, p) for t, p in zip(window, parts, strict=True))
        count += hit and not any(a < window[-1].end and window[0].start < b for a, b in attached)
    return count


#: Prefixes of affixal negation (Huddleston & Pullum ch. 9 §8): "incorrect" = "not correct".
_NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "non-")


def _affixal(b_read: clauses.Reading, bp: clauses.Predicate, r_read: clauses.Reading,
             rp: clauses.Predicate) -> bool:
    """Whether the plain side says with a prefix what the negated side says with "not"."""
    def complements(reading, p):
        return [c.lower_ for c in reading.parsed.sentences[p.sentence][p.head].children
                if c.dep_ in ("acomp", "attr", "dobj", "oprd", "xcomp")]
    plain, negated = ((b_read, bp), (r_read, rp)) if rp.negated else ((r_read, rp), (b_read, bp))
    words = complements(*negated)
    return any(w.startswith(pre) and w[len(pre):] in words
               for w in complements(*plain) for pre in _NEGATIVE_PREFIXES)


#: Roles whose fillers, exchanged, reverse who did what to whom: two arguments, or an argument and
#: the party in another's noun modifier, or two such parties ("the army shelled the rebel village" →
#: "the rebels shelled the army village"; :data:`drift.shifts.clauses.MODIFIER`).
_ARGUMENT_PAIRS = (("agent", "patient"), ("agent", "goal"), ("source", "goal"), ("agent", "source"))
#: Two arguments first: a modifier pair only when no two arguments changed places.
_SWAPPABLE = _ARGUMENT_PAIRS + tuple(pair for x, y in _ARGUMENT_PAIRS for pair in (
    (x, f"{y} {clauses.MODIFIER}"), (f"{x} {clauses.MODIFIER}", y),
    (f"{x} {clauses.MODIFIER}", f"{y} {clauses.MODIFIER}")))


def same_party(a: str, b: str) -> bool:
    """Two role fillers name the same party: one's words hold all of the other's ("police" and
    "police officer"; "the bank" and "the city" are two; "state police" and "state media" too)."""
    x, y = set(a.split()), set(b.split())
    return bool(x) and bool(y) and (x <= y or y <= x)


def _exchanged(b_roles: dict, r_roles: dict) -> tuple[str, str] | None:
    """Two roles whose parties changed places, as a pair (x, y): the base's x is the rewrite's y,
    and the rewrite's x is another party of the base (y, or a third role: a rotation, "rescuers
    pulled survivors from the water" → "the water pulled rescuers from the survivors")."""
    for x, y in _SWAPPABLE:
        for a, b in ((x, y), (y, x)):
            if a not in b_roles or b not in r_roles or a not in r_roles:
                continue
            if not same_party(b_roles[a].key, r_roles[b].key) or same_party(b_roles[a].key, r_roles[a].key):
                continue
            # a party of another role (its own noun modifier is part of the party that moved)
            others = [role for role in b_roles if role not in (a, f"{a} {clauses.MODIFIER}")]
            if any(same_party(r_roles[a].key, b_roles[o].key) for o in others):
                return (a, b)
    return None


def _role_name(role: str) -> str:
    """A role as a reader says it: "patient modifier" → "patient's modifier"."""
    head, _, modifier = role.partition(" ")
    return f"{head}'s {modifier}" if modifier else head


def _parsed_role_swaps(base: Side, rewrite: Side, b_read: clauses.Reading, r_read: clauses.Reading
                       ) -> list[Shift]:
    """The same head word with two arguments exchanged: "the bank lent the city" → "the city lent
    the bank"; a passive ("the protesters were attacked by police") keeps the roles."""
    def by_head(reading):
        out: dict[tuple[int, int], dict[str, clauses.Role]] = {}
        for r in reading.roles:
            out.setdefault((r.sentence, r.head), {}).setdefault(r.role, r)
        return out

    shifts = []
    r_heads = by_head(r_read)
    for b_roles in by_head(b_read).values():
        lemma = next(iter(b_roles.values())).head_lemma
        for r_roles in r_heads.values():
            if next(iter(r_roles.values())).head_lemma != lemma:
                continue
            swap = _exchanged(b_roles, r_roles)
            if swap is None:
                continue
            bx, rx = b_roles[swap[0]], r_roles[swap[0]]
            bs = b_read.parsed.span_of(bx.sentence, (bx.head, *(r.argument for r in b_roles.values())))
            rs = r_read.parsed.span_of(rx.sentence, (rx.head, *(r.argument for r in r_roles.values())))
            shifts.append(Shift("reversal", 3, bs, rs, f"{quote(base.words(bs))} became "
                                f"{quote(rewrite.words(rs))}: who did what to whom is reversed "
                                f"({bx.key} is now the {_role_name(swap[1])}, {rx.key} the "
                                f"{_role_name(swap[0])})"))
            break
    return shifts


#: Verbs that carry tense, voice or a copula rather than an action; never "the action" dropped.
_LIGHT_VERBS = frozenset({"be", "have", "do"})
#: Dependencies of a verb that heads a clause (not a participle used as an adjective, "related").
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "xcomp", "pcomp", "parataxis"})


def _cut_in_place(diff: list[tuple[int, str]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` of the joined base text lies in a deletion of at most three words
    that nothing replaces: the words were cut out, the rest left as it was."""
    pos = 0
    for n, (op, text) in enumerate(diff):
        if op == 1:
            continue
        if op == -1 and pos <= start and end <= pos + len(text):
            replaced = (n + 1 < len(diff) and diff[n + 1][0] == 1) or (n > 0 and diff[n - 1][0] == 1)
            return not replaced and len(text.split()) <= 3
        pos += len(text)
    return False


def _cut_out(side: Side, reading: clauses.Reading, k: int, tok: object, diff: list[tuple[int, str]]
             ) -> bool:
    """Whether a parsed word of the base was cut out in place (see :func:`_cut_in_place`)."""
    start = reading.parsed.span(k, tok)[0]
    n = next((n for n, t in enumerate(side.tokens) if t.start == start), None)
    return n is not None and _cut_in_place(diff, side.jstarts[n], side.jstarts[n] + len(tok.text))


def _dropped_parts(base: Side, rewrite: Side, b_read: clauses.Reading, r_read: clauses.Reading,
                   diff: list[tuple[int, str]]) -> list[Shift]:
    """Who did it, or what was done, left out while the rest of the clause stays.

    - the doer: the same verb (same clause) keeps no subject in the rewrite ("I don't know" →
      "Don't know"), where it is finite and not sharing a coordinated verb's subject; or the noun
      of its subject or object is cut out while the verb stays ("a presidential committee
      recommended" → "a presidential recommended");
    - the action: a verb of the base has no form anywhere in the rewrite, and the rewrite brings
      no verb of its own in its place ("were found in urine" → "were in urine").
    """
    shifts = []
    r_lemmas = {t.lemma_.lower() for d in r_read.parsed.sentences for t in d if t.is_alpha}
    r_words = [t.norm for t in rewrite.tokens if t.is_word]
    same = lambda b, r: (b.subject is None) == (r.subject is None)  # noqa: E731
    for bp, rp in clauses.pair(list(b_read.predicates), list(r_read.predicates), same):
        r_tok = r_read.parsed.sentences[rp.sentence][rp.head]
        if bp.subject is None or rp.subject is not None or rp.tense is None or r_tok.dep_ == "conj" \
                or not clauses.same_clause(b_read, bp, r_read, rp):
            continue
        subj = b_read.parsed.sentences[bp.sentence][bp.subject]
        if subj.pos_ not in ("NOUN", "PROPN", "PRON") or subj.tag_ in ("WDT", "WP", "WP$") \
                or _present(subj, r_words):
            continue  # not a doer ("which", "who" stand for one named before), or still there
        bs = b_read.parsed.span_of(bp.sentence, [t.i for t in subj.subtree] + [bp.head])
        rs = r_read.parsed.span_of(rp.sentence, rp.group)
        shifts.append(Shift("omission", 2, bs, rs, f"the rewrite drops who acts: {quote(base.words(bs))} "
                            f"became {quote(rewrite.words(rs))}"))
    for bp in b_read.predicates:  # the doer's (or the done-to's) noun cut out, its verb kept
        tok = b_read.parsed.sentences[bp.sentence][bp.head]
        if bp.lemma not in r_lemmas and not _present(tok, r_words):
            continue
        for c in tok.children:
            if c.dep_ not in ("nsubj", "nsubjpass", "dobj") or c.pos_ not in ("NOUN", "PROPN") \
                    or _present(c, r_words) or not _cut_out(base, b_read, bp.sentence, c, diff):
                continue
            if any(True for _ in c.children) and all(_cut_out(base, b_read, bp.sentence, t, diff)
                                                     for t in c.subtree):
                continue  # the whole phrase left with its noun ("preached the gospel to" → "preached
                # to"): a phrase dropped, which the omission detector weighs, not a noun cut out of it
            bs = b_read.parsed.span_of(bp.sentence, (c.i,))
            who = "who acts" if c.dep_ == "nsubj" else "what is acted on"
            shifts.append(Shift("omission", 2, bs, None, f"the rewrite drops {who}: {quote(base.words(bs))} "
                                f"({quote(tok.text)})"))
    b_verbs = {p.lemma for p in b_read.predicates}
    if any(p.lemma not in b_verbs and p.lemma not in _LIGHT_VERBS for p in r_read.predicates):
        return shifts  # the rewrite has a verb of its own: a rewording, not a verb dropped
    for bp in b_read.predicates:
        tok = b_read.parsed.sentences[bp.sentence][bp.head]
        if tok.pos_ != "VERB" or tok.dep_ not in _CLAUSE_DEPS or bp.lemma in _LIGHT_VERBS \
                or bp.lemma in r_lemmas or _present(tok, r_words):
            continue
        if any(c.dep_ == "xcomp" for c in tok.children):
            continue  # "need to be" → "must be": a catenative verb, its action kept
        arguments = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        if not arguments or not all(_present(c, r_words) for c in arguments):
            continue  # the rest of the clause is not kept: a rewording, not a verb dropped
        if _recast_as_phrase(arguments, rewrite, r_read, diff):
            continue
        if not _cut_out(base, b_read, bp.sentence, tok, diff):
            continue  # the words around it were rewritten too: a rewording
        bs = b_read.parsed.span_of(bp.sentence, (bp.head,))
        shifts.append(Shift("omission", 2, bs, None, f"the rewrite drops the verb {quote(base.words(bs))}: "
                            "what happened is no longer said"))
    return shifts


def _recast_as_phrase(arguments: list[object], rewrite: Side, r_read: clauses.Reading,
                      diff: list[tuple[int, str]]) -> bool:
    """Whether the rewrite makes the dropped verb's subject the object of a preposition it puts
    in: the clause recast as a phrase ("and its first tests began in October" → "with its first
    tests in October", an absolute construction), so the event is still told, not a verb cut
    out (which inserts nothing)."""
    subjects = {c.lemma_.lower() for c in arguments if c.dep_ in ("nsubj", "nsubjpass")}
    inserted, pos = [], 0
    for op, text in diff:
        if op == 1:
            inserted.append((pos, pos + len(text)))
        if op >= 0:
            pos += len(text)
    for k, d in enumerate(r_read.parsed.sentences):
        for t in d:
            if t.lemma_.lower() not in subjects or t.dep_ != "pobj":
                continue
            start = r_read.parsed.span(k, t.head)[0]
            n = next((n for n, s in enumerate(rewrite.tokens) if s.start == start), None)
            if n is not None and any(a <= rewrite.jstarts[n] < b for a, b in inserted):
                return True
    return False


def _present(token: object, words: list[str]) -> bool:
    """Whether a parsed word occurs among these folded words, in any form or misspelt; a pronoun
    also in another case ("it" / "its", "itself")."""
    forms = (fold(token.text), token.lemma_.lower())
    if token.pos_ == "PRON" and len(forms[0]) >= 2 and any(w.startswith(forms[0]) for w in words):
        return True
    return any(close_form(w, f) for w in words for f in forms)


def detect(base: Side, rewrite: Side, diff: list[tuple[int, str]]) -> list[Shift]:
    shifts = _comparison_reversals(base, rewrite)
    b_read, r_read = clauses.read(base), clauses.read(rewrite)
    if b_read is None or r_read is None:
        return shifts + _role_swaps(base, rewrite) + _negation_flips(base, rewrite, diff)
    return (shifts + _parsed_role_swaps(base, rewrite, b_read, r_read)
            + _negated_predicates(base, rewrite, b_read, r_read)
            + _dropped_parts(base, rewrite, b_read, r_read, diff)
            + _negation_flips(base, rewrite, diff))


register("polarity", lambda c: detect(c.base, c.rewrite, list(c.diff)),
         shift_types=("reversal", "negation", "omission"), languages=("en",))
