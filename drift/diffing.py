"""Word-level diff of a link's two sides, grouped into the phrases a reader sees as one change.

diff-match-patch has no word mode, so :func:`word_diff` uses the trick of its ``diff_linesToChars``:
each distinct token (a word, one punctuation mark, a whitespace run) becomes one character, the
encoded strings are diffed and cleaned up semantically, and the result is mapped back to tokens.
Cleaning up *after* mapping back would leak character-level fragments ("Nicol" + "á" + "s").

Tokens are those of :data:`drift.segmenting.TOKEN_PATTERN` plus whitespace runs: a word with its
combining marks, one character of a script without spaces (Chinese, Japanese, Thai: 三月 → 五月
marks 三 → 五 only), or one grapheme cluster (an emoji with its skin tone, a ZWJ family, a flag), so
no part ever ends inside a grapheme cluster. Tokens are matched on a folded key (NFC, accents,
curly quotes and dashes folded) so "Nicolas", "Nicolás" and its NFD spelling line up; the parts
still carry each side's own characters, so both sides rebuild exactly (two spellings of one word
that differ in their code points, even canonically equivalent ones, are a -1/+1 pair).

>>> word_diff("Trump said it went well.", "Trump claimed it went well.")
[(0, 'Trump '), (-1, 'said'), (1, 'claimed'), (0, ' it went well.')]
"""

from __future__ import annotations

import unicodedata
from collections import Counter

import regex
from diff_match_patch import diff_match_patch

from drift.normalising import strip_accents
from drift.segmenting import CONTINUA, token_spans

__all__ = ["word_diff"]

_FOLD_CHARS = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
})
# Short function words that may sit between two changes without splitting them into two phrases:
# "[-won-][+lost+] the [-vote-][+election+]" reads as one change.
_GLUE_WORDS = frozenset(str.split(
    "a an the of to in on at by for and or as is are was were be it its his her their he she they we"))

#: When the words the two sides share hold less than this share of the shorter side's word
#: characters, the diff is confetti: the link is shown as one whole replacement instead.
MIN_SHARED = 0.3


def _fold(token: str) -> str:
    """The key a token is matched on: NFKC, curly quotes and dashes straightened, accents dropped."""
    if token.isspace():
        return " "
    return unicodedata.normalize("NFKC", strip_accents(token.translate(_FOLD_CHARS)))


def _tokens(text: str) -> list[str]:
    """``text`` cut into tokens and whitespace runs that join back into ``text`` exactly."""
    return [text[s:e] for s, e in token_spans(text, spaces=True)]


def _encode(tokens: list[str], codes: dict[str, str]) -> str:
    """One character per token; the same folded token always gets the same character."""
    out = []
    for tok in tokens:
        key = _fold(tok)
        if key not in codes:
            n = len(codes) + 1
            if n >= 0xD800:  # skip the surrogate range, which no str may hold alone
                n += 0x800
            codes[key] = chr(n)
        out.append(codes[key])
    return "".join(out)


def _token_ops(base_tokens: list[str], rewrite_tokens: list[str]) -> list[tuple[int, str]]:
    """Diff the token sequences; an equal token whose two spellings differ becomes -1/+1."""
    codes: dict[str, str] = {}
    a, b = _encode(base_tokens, codes), _encode(rewrite_tokens, codes)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 1.0
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    ops: list[tuple[int, str]] = []
    i = j = 0
    for op, chars in diffs:
        for _ in chars:
            if op == 0:
                bt, rt = base_tokens[i], rewrite_tokens[j]
                ops.extend([(0, bt)] if bt == rt else [(-1, bt), (1, rt)])
                i += 1
                j += 1
            elif op == -1:
                ops.append((-1, base_tokens[i]))
                i += 1
            else:
                ops.append((1, rewrite_tokens[j]))
                j += 1
    return ops


def _runs(ops: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Split into alternating runs: an equal run, or a change run (any mix of -1 and +1)."""
    runs: list[list[tuple[int, str]]] = []
    for op, text in ops:
        if runs and (runs[-1][0][0] == 0) == (op == 0):
            runs[-1].append((op, text))
        else:
            runs.append([(op, text)])
    return runs


def _is_glue(run: list[tuple[int, str]]) -> bool:
    """An equal run too slight to separate two changes: spaces, punctuation, one function word."""
    words = [t for _, t in run if t[0].isalnum() or t[0] == "_"]
    return len(words) == 0 or (len(words) == 1 and words[0].lower() in _GLUE_WORDS)


def _has_words(run: list[tuple[int, str]]) -> bool:
    """Whether a change run changes words, not only symbols (two emoji changed are two changes)."""
    return any(_WORD.search(t) for _, t in run)


def _group(ops: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Absorb glue between changes of words, then emit each change as one deletion and one
    insertion."""
    runs = _runs(ops)
    merged: list[list[tuple[int, str]]] = []
    k = 0
    while k < len(runs):
        run = runs[k]
        if (run[0][0] == 0 and merged and merged[-1][0][0] != 0 and k + 1 < len(runs)
                and _is_glue(run) and _has_words(merged[-1]) and _has_words(runs[k + 1])):
            # the glue belongs to both sides of the change around it
            merged[-1].extend([(-1, t) for _, t in run] + [(1, t) for _, t in run])
            merged[-1].extend(runs[k + 1])
            k += 2
            continue
        merged.append(list(run))
        k += 1
    out: list[tuple[int, str]] = []
    for run in merged:
        if run[0][0] == 0:
            out.append((0, "".join(t for _, t in run)))
            continue
        deleted = "".join(t for op, t in run if op == -1)
        inserted = "".join(t for op, t in run if op == 1)
        out.extend(p for p in ((-1, deleted), (1, inserted)) if p[1])
    return out


_WORD = regex.compile(r"[\p{L}\p{M}\p{N}_]+")
_LONE_CONTINUA = regex.compile(rf"(?<![{CONTINUA}])[{CONTINUA}]\p{{M}}*(?![{CONTINUA}])")


def _word_chars(s: str) -> int:
    return sum(len(w) for w in _WORD.findall(s))


def _shared_share(parts: list[tuple[int, str]], base: str, rewrite: str) -> float:
    """Share of the shorter side's word characters that the two sides have in common.

    In a script without spaces each character is a token, and two unrelated Chinese sentences
    share many single characters (的, 了, 是) by chance; a kept character counts only when it
    stands next to another kept one (a shared word of two or more characters).
    """
    shorter = min(_word_chars(base), _word_chars(rewrite))
    if shorter == 0:
        return 1.0
    kept = "".join(t for op, t in parts if op == 0)
    return _word_chars(_LONE_CONTINUA.sub(" ", kept)) / shorter


def word_diff(base: str, rewrite: str) -> list[tuple[int, str]]:
    """Diff ``base`` → ``rewrite`` by words: ``[(op, text)]``, op -1 deleted, 0 kept, 1 inserted.

    The -1 and 0 parts rebuild ``base`` exactly, the 0 and 1 parts ``rewrite``; no part is empty
    and no two neighbours share an op. When the sides have too little in common to diff usefully
    (see :data:`MIN_SHARED`), the whole link is one replacement ``[(-1, base), (1, rewrite)]``.
    """
    if base == rewrite:
        return [(0, base)] if base else []
    if not base or not rewrite:
        return [(-1, base)] if base else [(1, rewrite)]
    base_tokens, rewrite_tokens = _tokens(base), _tokens(rewrite)
    if _shared_bound(base_tokens, rewrite_tokens, base, rewrite) < MIN_SHARED:
        return [(-1, base), (1, rewrite)]  # decided without diffing (a translation, mostly)
    parts = _group(_token_ops(base_tokens, rewrite_tokens))
    if _shared_share(parts, base, rewrite) < MIN_SHARED:
        return [(-1, base), (1, rewrite)]
    return parts


def _shared_bound(base_tokens: list[str], rewrite_tokens: list[str], base: str, rewrite: str) -> float:
    """An upper bound of :func:`_shared_share`: the kept parts hold only tokens spelled alike on
    both sides, each copy at most once, so the word characters of the tokens both sides have (as
    many copies as the side with fewer) bound theirs."""
    shorter = min(_word_chars(base), _word_chars(rewrite))
    if shorter == 0:
        return 1.0
    common = Counter(base_tokens) & Counter(rewrite_tokens)
    return sum(n * _word_chars(token) for token, n in common.items()) / shorter
