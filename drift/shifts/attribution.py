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
"""

from __future__ import annotations

from dataclasses import dataclass

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
from drift.shifts.text import Side, Token, has_key, quote

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


def _find_frames(side: Side) -> list[Frame]:
    toks = side.tokens
    frames: list[Frame] = []
    taken: set[int] = set()
    for i in range(len(toks)):
        if i in taken:
            continue
        for cls, pat in _PATTERNS:
            last = _match(pat, toks, i)
            if last is not None:
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
    if f.cls != "source" or len(FRAME_WORDS.get(toks[f.first].norm, ())) > 1:
        return None
    start = _speaker_start(side, f.first)
    return (start, f.first - 1) if start < f.first else None


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
        if t.norm in SOURCE_KIND:
            out.add("kind:" + SOURCE_KIND[t.norm])
        elif (t.is_cap or t.norm == "usa") and t.norm not in STOPWORDS and t.norm not in WEEKDAYS \
                and t.norm not in MONTHS:
            out.add(t.key)
    return frozenset(out) or None


def _same_source(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(has_key(k, b) for k in a)


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
    if any(not k.startswith("kind:") and has_key(k, sentence_keys) for k in who):
        return None  # the base's speaker is still named there, in whatever role
    others = []
    for g in frames:
        if rewrite.tokens[g.first].sent != sent:
            continue
        r_rng = _speaker(rewrite, g)
        other = _identity(rewrite, r_rng) if r_rng else None
        if other is None or _same_source(who, other) or _same_source(other, who) \
                or _same_words(base, b_rng, rewrite, r_rng):
            return None  # an unknown speaker ("she said") or the same one: no change to report
        others.append(r_rng)
    if not others:
        return None
    bs, rs = base.span(*b_rng), rewrite.span(*others[0])
    return Shift("attribution", 2, bs, rs, f"{quote(base.words(bs))} became {quote(rewrite.words(rs))}: "
                 "the statement is given to a different source")


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
        (t.norm in HEDGES or t.norm in REPORTING_STANCE) and t.sent == sent for t in rewrite.tokens)


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
