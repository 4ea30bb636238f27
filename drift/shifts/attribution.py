"""Attribution: who the base says a claim comes from, and what the rewrite makes of it.

The base frames content: "which it describes as a drug trafficking cartel led by Maduro",
"Caracas says the US is seeking regime change", "alleged drug boats", "“…,” she said". Four
changes are found:

- the rewrite keeps the framed words ("which Maduro leads as a drug trafficking cartel") but no
  frame of any kind stands in their sentence: the allegation now reads as fact (severity 3), or a
  source's statement or a reporter's quotation is now the rewrite's own (2);
- the rewrite keeps the words and a frame, but gives them to a different source ("sources in
  Venezuela told Al Jazeera" → "analysts say") (2);
- the rewrite adds its own verdict on a claim ("under the pretext of") (2).

When the framed words are gone too, that is an omission, found by :mod:`drift.shifts.omissions`.

Where the sentence is parsed (:mod:`drift.parsing`), frames and speakers are read in the parse: a
reporting word frames only the clause it governs (Quirk et al. 1985, §16.31: "claims that P", not
"insurance claims could exceed …"; "reported a loss", a verb with only a noun-phrase object, reports
no one's statement); the speaker is the subject of the reporting verb, or of the verb whose object
a framing noun is ("governments dismissed claims that …"); a speaker named by a common noun
("police", "organisers") is the same source as another only when WordNet relates the two nouns
(:meth:`drift.lexicon.Lexicon.are_compatible`, or a hypernym in common at most two levels up); and
any verb of communication (WordNet: a kind of *communicate*) or a verb with a listener and a clause
("informed journalists the bridge was safe") keeps a statement attributed.
"""

from __future__ import annotations

from dataclasses import dataclass

from drift.lexicon import lexicon
from drift.parsing import parse_side
from drift.report import Shift
from drift.shifts.lexicons import (
    DISCREDITING,
    FRAMES,
    HEDGES,
    LOCATIVES,
    MONTHS,
    REPORTING_STANCE,
    SOURCE_KIND,
    STOPWORDS,
    WEEKDAYS,
    word_set,
)
from drift.shifts.polarity import close_form, kept_comparisons
from drift.shifts.registry import register
from drift.shifts.text import Side, Token, has_key, quote, stem

#: Tokens that end the clause a frame governs.
_CLAUSE_END = word_set(", ; . : ! ? ( ) \" while but whereas")
#: Share of the framed content words the rewrite must keep, close together, for the content to
#: count as kept.
KEPT_SHARE = 0.5
#: The same for a quotation, which a rewrite may paraphrase freely over several sentences.
QUOTE_KEPT_SHARE = 0.35


@dataclass
class Frame:
    cls: str         # "allegation" or "source"
    first: int       # the frame's own tokens
    last: int
    scope: list[int]  # content-word token indices it governs
    quote: bool = False  # the scope is a quotation the frame closes: “…,” she said


#: Every frame pattern with its class, longest first so "accused … of" wins over "accused".
_PATTERNS = sorted(((cls, p) for cls, ps in FRAMES.items() for p in ps), key=lambda cp: -len(cp[1]))


def find_frames(side: Side) -> list[Frame]:
    """The attribution frames of a side, each with the content it governs (made once per side)."""
    if "frames" not in side.memo:
        side.memo["frames"] = _find_frames(side)
    return side.memo["frames"]


def _match(pat: tuple[str, ...], toks: list[Token], i: int) -> int | None:
    """Where the pattern starting at token i ends, or None: "*" is one word, "..." up to three
    words (never punctuation), all in one sentence."""
    if not pat:
        return i - 1
    if i >= len(toks):
        return None
    head, rest = pat[0], pat[1:]
    if head == "...":
        for j in range(i, min(i + 4, len(toks))):
            if j > i and not toks[j - 1].is_word:
                break
            if toks[j].sent == toks[i].sent:
                end = _match(rest, toks, j)
                if end is not None:
                    return end
        return None
    if head != "*" and head != toks[i].norm:
        return None
    if rest and (i + 1 >= len(toks) or toks[i + 1].sent != toks[i].sent):
        return None
    return _match(rest, toks, i + 1)


def parsed_token(side: Side, k: int):
    """The spaCy token of a side's token k, or ``None`` without a parse (see :mod:`drift.parsing`)."""
    parsed = parse_side(side)
    hit = parsed.token_at(side.tokens[k].start) if parsed is not None else None
    return hit[1] if hit is not None else None


#: Verbs by which a source rejects a statement ("denied that …", "dismissed claims that …"): the
#: "counter" (negative-stance) reporting verbs of Thompson & Ye (1991) and Hyland (2002). Folded
#: forms.
COUNTER_VERBS = frozenset(
    f"{stem}{end}" for stem, ends in (
        ("den", "y ies ied ying"), ("dismiss", " es ed ing"), ("reject", " s ed ing"),
        ("refut", "e es ed ing"), ("disput", "e es ed ing"), ("rebut", " s ted ting"),
        ("contradict", " s ed ing"), ("disavow", " s ed ing"))
    for end in ends.split(" "))

#: Dependency labels of a clause a word governs: "said (that) P", "claims that P", "P, police said".
CLAUSAL = frozenset({"ccomp", "acl", "parataxis"})


def reports_clause(tok) -> bool:
    """Whether a parsed word governs a clause or quotation, as a verb of saying does (Quirk et al.
    1985, §16.31: reporting verbs take a that-clause or direct speech as object)."""
    return any(c.dep_ in CLAUSAL or (c.dep_ == "mark" and c.lower_ == "that") for c in tok.children) or (
        tok.dep_ in ("parataxis", "ccomp") and tok.head.pos_ in ("VERB", "AUX"))


def _frames_here(side: Side, i: int, pat: tuple[str, ...]) -> bool:
    """Whether a one-word frame is used as one, read in the parse: a noun frames only the clause it
    governs ("claims that P", not "insurance claims could exceed …"); a verb of saying whose object
    is a plain noun phrase and no clause reports no one's statement ("the company reported a loss")."""
    if len(pat) != 1 or pat[0] in HEDGES:
        return True
    tok = parsed_token(side, i)
    if tok is None:
        return True
    if tok.pos_ in ("NOUN", "PROPN"):
        return reports_clause(tok)
    if tok.pos_ == "VERB" and any(c.dep_ == "dobj" for c in tok.children):
        return reports_clause(tok) or any(c.dep_ in ("xcomp", "dative") for c in tok.children)
    return True


def _find_frames(side: Side) -> list[Frame]:
    toks = side.tokens
    frames: list[Frame] = []
    taken: set[int] = set()
    for i in range(len(toks)):
        if i in taken:
            continue
        for cls, pat in _PATTERNS:
            last = _match(pat, toks, i)
            if last is not None and _frames_here(side, i, pat):
                taken.update(range(i, last + 1))
                quoted = _quotation(side, i)
                if quoted is not None:
                    frames.append(Frame(cls, i, last, quoted, quote=True))
                else:
                    frames.append(Frame(cls, i, last, _scope(side, i, last, pat)))
                break
    return frames


def _quotation(side: Side, first: int) -> list[int] | None:
    """Content words of the quotation a frame closes ("“…,” she said", "“…,” Bo said"), if any."""
    toks = side.tokens
    k = first - 1
    while k >= 0 and first - k <= 3 and toks[k].is_word:  # the speaker: "she", "Bo", "the minister"
        k -= 1
    if k < 0 or toks[k].norm != '"' or (k + 1 < first and not toks[k + 1].is_word):
        return None
    close = k
    k -= 1
    while k >= 0 and toks[k].norm != '"':
        k -= 1
    if k < 0:
        return None
    return [j for j in range(k + 1, close) if toks[j].is_content]


def _scope(side: Side, first: int, last: int, pat: tuple[str, ...]) -> list[int]:
    """Content words the frame governs: the clause after it, or before it ("…, he said")."""
    toks = side.tokens
    sent = toks[first].sent
    if len(pat) == 1 and pat[0] in HEDGES:
        if not pat[0].endswith("ly"):  # "alleged drug boats": the noun phrase it modifies
            out = []
            for k in range(last + 1, len(toks)):
                if toks[k].sent != sent or not toks[k].is_content:
                    break
                out.append(k)
            return out
        # "allegedly stole $10,000": the verb phrase, to the end of the clause
        out = []
        for k in range(last + 1, len(toks)):
            if toks[k].sent != sent or toks[k].norm in _CLAUSE_END or len(out) >= 5:
                break
            if toks[k].is_content:
                out.append(k)
        return out
    limit = 12

    def collect(indices) -> list[int]:
        out = []
        for k in indices:
            t = toks[k]
            if t.sent != sent or t.norm in _CLAUSE_END:
                break
            if t.is_content:
                out.append(k)
            if len(out) >= limit:
                break
        return out

    start = last + 1
    # "told Al Jazeera that …": the content starts after the listener
    for k in range(start, min(start + 5, len(toks))):
        if toks[k].norm == "that" and toks[k].sent == sent:
            start = k + 1
            break
        if not toks[k].is_word:
            break
    after = collect(range(start, len(toks)))
    if len(after) >= 2:
        return after
    # "P, police said.": the clause before the speaker and its comma
    k = _speaker_start(side, first) - 1
    if k >= 0 and toks[k].norm == "," and toks[k].sent == sent:
        before = collect(range(k - 1, -1, -1))[::-1]
        if len(before) >= 2:
            return before
    return collect(range(first - 1, -1, -1))[::-1]


_SPEAKER_STOP = frozenset({"that", "which", "who", "and", "but", "while", "as", "if", "with", "on", "at",
                           "for", "by", "from", "to", "of", "about", "after", "before", "amid"})


def _speaker_start(side: Side, verb: int) -> int:
    """Where the speaker before a reporting verb starts ("Bo said", "independent observers said")."""
    k = verb
    while k > 0 and verb - k < 4:
        t = side.tokens[k - 1]
        if not t.is_word or t.norm in _SPEAKER_STOP or t.sent != side.tokens[verb].sent:
            break
        k -= 1
    return k


def _kept_region(scope: list[int], base: Side, rewrite: Side) -> list[int]:
    """Rewrite tokens that carry the scope's words: the densest run of them."""
    keys = {base.tokens[k].key for k in scope}
    hits = [k for k, t in enumerate(rewrite.tokens)
            if t.is_content and has_key(t.key, keys) and not rewrite.in_heading(k)]
    if not hits:
        return []
    clusters: list[list[int]] = [[hits[0]]]
    for k in hits[1:]:
        if k - clusters[-1][-1] > 4 or rewrite.tokens[k].sent != rewrite.tokens[clusters[-1][-1]].sent:
            clusters.append([k])
        else:
            clusters[-1].append(k)
    return max(clusters, key=len)


def _speaker(side: Side, f: Frame) -> tuple[int, int] | None:
    """Token range of who a frame attributes to: "Bo said", "according to Reuters", "…,” she said"."""
    toks = side.tokens
    if toks[f.first].norm in ("according", "citing", "cited"):
        k = f.last + 1
        end = k
        while end < len(toks) and end - k < 6 and toks[end].is_word and toks[end].sent == toks[k - 1].sent:
            end += 1
        return (k, end - 1) if end > k else None
    parsed = _parsed_speaker(side, f.first)  # the verb's subject, where the sentence is parsed
    if parsed is not None or parsed_token(side, f.first) is not None:
        return parsed
    if f.cls == "source" and len(FRAME_WORDS.get(toks[f.first].norm, ())) == 1:
        start = _speaker_start(side, f.first)
        if start < f.first:
            return start, f.first - 1
    return None


def _parsed_speaker(side: Side, k: int) -> tuple[int, int] | None:
    """Token range of the subject of the verb at token k, or of the verb whose object a framing
    noun is ("governments dismissed claims that …"), read in the parse; ``None`` without one."""
    tok = parsed_token(side, k)
    if tok is None:
        return None
    start = side.tokens[k].start - tok.idx  # the sentence's document offset
    if tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ == "VERB":
        tok = tok.head
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    inside = [j for j, t in enumerate(side.tokens) if t.sent == side.tokens[k].sent
              and start + subject.left_edge.idx <= t.start < start + subject.right_edge.idx + len(
                  subject.right_edge.text)]
    return (inside[0], inside[-1]) if inside else None


FRAME_WORDS = {p[0]: p for p in FRAMES["source"]}
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "this", "that"})


def _identity(side: Side, rng: tuple[int, int]) -> frozenset[str] | None:
    """Who a speaker is, as comparable keys: names, and kinds of unnamed source ("expert")."""
    out = set()
    toks = side.tokens
    for k in range(rng[0], rng[1] + 1):
        t = toks[k]
        if not t.is_word or t.norm in _PRONOUNS:
            continue
        if k > rng[0] and toks[k - 1].norm in LOCATIVES:
            continue  # "sources in Venezuela" are sources, wherever they are
        tok = parsed_token(side, k)
        if t.norm in SOURCE_KIND:
            out.add("kind:" + SOURCE_KIND[t.norm])
        elif tok is not None and tok.pos_ == "NOUN" and t.is_content:
            out.add("noun:" + tok.lemma_.lower())  # a common noun: "police", "organisers", "Reporters"
        elif (t.is_cap or t.norm == "usa") and t.norm not in STOPWORDS and t.norm not in WEEKDAYS \
                and t.norm not in MONTHS:
            out.add(t.key)
    return frozenset(out) or None


def _same_source(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two speakers share a name, a kind of source, or a noun for it — the same noun, a
    WordNet synonym, or one a kind of the other ("reporters" ~ "journalists")."""
    if any(has_key(k, b) for k in a):
        return True
    lex = lexicon("en")
    nouns_a = [k[5:] for k in a if k.startswith("noun:")]
    nouns_b = [k[5:] for k in b if k.startswith("noun:")]
    return lex is not None and any(
        lex.are_compatible(x, y, "n") or not lex.hypernyms(x, "n", depth=2).isdisjoint(
            lex.hypernyms(y, "n", depth=2)) for x in nouns_a for y in nouns_b)


def _speaker_kept(f: Frame, base: Side, region: list[int], rewrite: Side) -> bool:
    """Whether the rewrite sentence holding the content still names the frame's speaker."""
    rng = _speaker(base, f)
    if rng is None:
        return False
    sent = rewrite.tokens[region[0]].sent
    keys = frozenset(t.key for t in rewrite.tokens if t.sent == sent and t.is_content)
    return any(t.is_content and t.norm not in _PRONOUNS and has_key(t.key, keys)
               for t in base.tokens[rng[0]:rng[1] + 1])


def _source_changed(f: Frame, base: Side, region: list[int], rewrite: Side, frames: list[Frame]
                    ) -> Shift | None:
    """The content kept and attributed, but to a different source ("sources told" → "analysts say")."""
    b_rng = _speaker(base, f)
    who = _identity(base, b_rng) if b_rng else None
    if who is None:
        return None
    sent = rewrite.tokens[region[0]].sent
    sentence_keys = frozenset(t.key for t in rewrite.tokens if t.sent == sent and t.is_word)
    if any(not k.startswith("kind:") and has_key(stem(k[5:]) if k.startswith("noun:") else k, sentence_keys)
           for k in who):
        return None  # the base's speaker is still named there, in whatever role
    others = []
    framed = {g.first for g in frames}
    speakers = [_speaker(rewrite, g) for g in frames if rewrite.tokens[g.first].sent == sent] + [
        _parsed_speaker(rewrite, k) for k, t in enumerate(rewrite.tokens)
        if t.sent == sent and k not in framed and t.norm in COUNTER_VERBS and _reporting_word(rewrite, k)]
    for r_rng in speakers:
        other = _identity(rewrite, r_rng) if r_rng else None
        if other is None or _same_source(who, other) or _same_source(other, who) \
                or _same_words(base, b_rng, rewrite, r_rng) or _named_by_base(other, base, f):
            return None  # an unknown speaker ("she said") or the same one: no change to report
        others.append(r_rng)
    if not others:
        return None
    bs, rs = base.span(*b_rng), rewrite.span(*others[0])
    return Shift("attribution", 2, bs, rs, f"{quote(base.words(bs))} became {quote(rewrite.words(rs))}: "
                 "the statement is given to a different source")


def _named_by_base(who: frozenset[str], base: Side, f: Frame) -> bool:
    """Whether a speaker is one the base sentence of frame f also gives something to ("the US
    dismissed as a sham, and which observers said …"): the rewrite kept that source's frame."""
    sent = base.tokens[f.first].sent
    for g in find_frames(base):
        if g is f or base.tokens[g.first].sent != sent:
            continue
        rng = _speaker(base, g)
        other = _identity(base, rng) if rng else None
        if other is not None and (_same_source(who, other) or _same_source(other, who)):
            return True
    return False


def _same_words(base: Side, b_rng: tuple[int, int], rewrite: Side, r_rng: tuple[int, int]) -> bool:
    """Whether two speakers are named by the same word, maybe misspelt ("Residents" / "Recidents")."""
    b_words = [t.norm for t in base.tokens[b_rng[0]:b_rng[1] + 1] if t.is_content and len(t.norm) >= 4]
    return any(close_form(t.norm, w) for t in rewrite.tokens[r_rng[0]:r_rng[1] + 1] if t.is_content
               for w in b_words)


def _covered(region: list[int], rewrite: Side, frames: list[Frame]) -> bool:
    """Whether the rewrite sentence holding the content attributes it in any way: a reporting verb
    governs its whole clause, however long ("Maduro told a crowd … that they wanted peace")."""
    sent = rewrite.tokens[region[0]].sent
    quotes_before = sum(t.norm == '"' and t.sent == sent for t in rewrite.tokens[:region[0]])
    if quotes_before % 2 == 1:
        return True  # still inside quotation marks: still someone's words
    return any(rewrite.tokens[f.first].sent == sent for f in frames) or any(
        t.sent == sent and _reporting_word(rewrite, k) for k, t in enumerate(rewrite.tokens))


def _reporting_word(side: Side, k: int) -> bool:
    """Whether token k keeps a statement someone's: a hedge ("reportedly"), a reporting verb, or —
    in the parse — any verb of communication that governs a clause ("informed journalists the bridge
    was safe"; WordNet: a kind of *communicate*). A reporting word used as a plain noun ("insurance
    claims") attributes nothing."""
    t = side.tokens[k]
    if t.norm in HEDGES:
        return True
    tok = parsed_token(side, k)
    if tok is None:
        return t.norm in REPORTING_STANCE
    if t.norm in REPORTING_STANCE:
        return tok.pos_ not in ("NOUN", "PROPN") or reports_clause(tok)
    if tok.pos_ != "VERB":
        return False
    if t.norm in COUNTER_VERBS:  # "denied that …", "dismissed claims that …"
        return reports_clause(tok) or any(c.dep_ == "dobj" and reports_clause(c) for c in tok.children)
    # "informed journalists the bridge was safe", "assured the committee the figures were wrong":
    # a verb of communication, or a verb with a listener and a clause (Quirk et al. 1985, §16.63)
    return any(c.dep_ == "ccomp" for c in tok.children) and (
        is_communication(tok.lemma_) or any(c.dep_ in ("dobj", "dative") for c in tok.children))


def is_communication(lemma: str) -> bool:
    """Whether a verb is, in some sense, a way to communicate (WordNet hypernyms)."""
    lex = lexicon("en")
    return lex is not None and "communicate" in lex.hypernyms(lemma, "v", depth=4)


def _frame_kept(f: Frame, base: Side, region: list[int], rewrite: Side) -> bool:
    """Whether the rewrite sentence holding the content keeps the frame's verb in another form or
    misspelt ("considers" → "does not consider", "claimed" → "caimed", "describes" → "description"):
    the frame still stands, whatever the form."""
    sent = rewrite.tokens[region[0]].sent
    frame_words = [t.norm for t in base.tokens[f.first:f.last + 1] if t.is_content and len(t.norm) >= 4]
    return any(close_form(t.norm, w) for t in rewrite.tokens if t.sent == sent and t.is_word
               for w in frame_words)


def _verdicts(base: Side, rewrite: Side) -> list[Shift]:
    """Words the rewrite adds that declare a stated reason or claim false ("under the pretext of")."""
    base_norms = {t.norm for t in base.tokens}
    frames = find_frames(base)
    shifts = []
    r_frames = find_frames(rewrite)
    for k, t in enumerate(rewrite.tokens):
        attributed = any(f.last < k <= f.last + 6 and rewrite.tokens[f.first].sent == t.sent
                         for f in r_frames)  # "dismissed as a sham": someone else's word
        if t.norm in DISCREDITING and t.norm not in base_norms and not attributed:
            bs = None
            if frames:  # the frame whose claim the rewrite now judges: "in what it calls"
                f = frames[0] if len(frames) == 1 else min(frames, key=lambda f: abs(f.first - k))
                bs = base.span(f.first, f.last)
            shifts.append(Shift("attribution", 2, bs, rewrite.span(k, k),
                                f"the rewrite adds {quote(t.text)}: it declares false what the base only "
                                "reports"))
    return shifts


def _comparison_sources(base: Side, rewrite: Side, rewrite_frames: list[Frame]) -> list[Shift]:
    """A comparison both sides make ("no match for" ~ "not comparable to") is the same claim even
    in other words; check that it is still given to the same source."""
    shifts = []
    base_frames = find_frames(base)
    for bc, rc in kept_comparisons(base, rewrite):
        sent = base.tokens[bc.first].sent
        governing = [f for f in base_frames if base.tokens[f.first].sent == sent and f.first < bc.first
                     and not f.quote]
        if governing:
            changed = _source_changed(governing[-1], base, list(range(rc.first, rc.last + 1)), rewrite,
                                      rewrite_frames)
            if changed is not None:
                shifts.append(changed)
    return shifts


def detect(base: Side, rewrite: Side) -> list[Shift]:
    rewrite_frames = find_frames(rewrite)
    shifts: list[Shift] = _verdicts(base, rewrite) + _comparison_sources(base, rewrite, rewrite_frames)
    for f in find_frames(base):
        if len(f.scope) < 2:
            continue
        if f.quote:
            # a quotation may be paraphrased over several sentences: count its words anywhere
            keys = {base.tokens[k].key for k in f.scope}
            region = [k for k, t in enumerate(rewrite.tokens)
                      if t.is_content and has_key(t.key, keys) and not rewrite.in_heading(k)]
            kept = {rewrite.tokens[k].key for k in region}
            if len(kept) < max(2, QUOTE_KEPT_SHARE * len(keys)):
                continue
            sentences = {rewrite.tokens[k].sent for k in region}
            if any(_covered([k for k in region if rewrite.tokens[k].sent == s], rewrite, rewrite_frames)
                   for s in sentences):
                continue
        else:
            region = _kept_region(f.scope, base, rewrite)
            if len(region) < max(2, KEPT_SHARE * len(f.scope)):
                continue
            if _covered(region, rewrite, rewrite_frames) or _frame_kept(f, base, region, rewrite):
                changed = _source_changed(f, base, region, rewrite, rewrite_frames)
                if changed is not None:
                    shifts.append(changed)
                continue
            if f.cls == "source" and _speaker_kept(f, base, region, rewrite):
                continue  # "The firm reported a loss" → "the firm posted a loss": still the firm's
        if f.quote:  # point at who the quotation was attributed to: "she said"
            first = f.first
            while first > 0 and base.tokens[first - 1].is_word:
                first -= 1
            last = f.last
        else:
            first, last = min(f.first, f.scope[0]), max(f.last, f.scope[-1])
            if f.cls == "source" and first == f.first:  # name the source too: "Bo said …"
                first = _speaker_start(base, f.first)
        # include the relative clause's opening: "which it describes as …"
        for k in range(first - 1, max(-1, first - 4), -1):
            t = base.tokens[k]
            if t.sent != base.tokens[first].sent or not t.is_word:
                break
            if t.norm in ("which", "who", "that", "what"):
                first = k
                break
        bs = base.span(first, last)
        rs = rewrite.span(min(region), max(region))
        frame_words = base.words(base.span(f.first, f.last))
        if f.quote:
            shifts.append(Shift("attribution", 2, bs, rs,
                                f"the base gives this as a quotation ({quote(base.words(bs))}); the rewrite "
                                f"states {quote(rewrite.words(rs))} in its own voice"))
        elif f.cls == "allegation":
            shifts.append(Shift("attribution", 3, bs, rs,
                                f"the base gives {quote(base.words(bs))} as a claim ({quote(frame_words)}); "
                                f"the rewrite states {quote(rewrite.words(rs))} as fact"))
        else:
            shifts.append(Shift("attribution", 2, bs, rs, f"the base attributes {quote(base.words(bs))} "
                                f"({quote(frame_words)}); the rewrite drops who said so"))
    return shifts


register("attribution", lambda c: detect(c.base, c.rewrite), shift_types=("attribution",), languages=("en",))
