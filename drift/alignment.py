"""Sentence alignment: which base sentences each rewrite sentence carries, and which it moved.

``align(base_vectors, rewrite_vectors)`` reads as four stages:

1. **calibrate** the document pair's cosine scale: the median cosine of unrelated pairs (the null)
   and the median cosine of mutual nearest neighbours (a typical match). Every threshold below is a
   *level* on that scale, ``(cos - null) / (match - null)``: 0 is "as similar as unrelated
   sentences", 1 is "as similar as this pair's typical match". So one default serves USE (cosines
   ~0.1-0.85) and MiniLM (~-0.1-0.7) alike. With the model's null distribution (``null``: cosines
   of unrelated sentence pairs, :func:`drift.embedding.null_similarities`), a short document takes
   the model's null instead of its own few pairs, and every link also needs absolute evidence:
   ``min_evidence`` null spreads above unrelated pairs; a link's confidence is capped by it, so an
   unrelated one-sentence pair is never a sure link. A document pair with fewer than two mutual
   nearest pairs at ``sure_evidence`` is not :func:`related` (two articles about different events):
   there every link must be that sure on its own, so news sentences' shared patterns link nothing.
2. **anchor**: mutual nearest neighbours by margin (cosine minus the mean of each side's k nearest,
   as in LASER mining / Bertalign), kept where they form the longest order-preserving chain.
   Found blockwise from top-k lists, never a dense n x m loop. The DP's path passes through them
   (``fixed_anchors``): what crosses a sure pair is left to the move step.
3. **band DP**: a dynamic programme over 1-1, n-1, 1-n, m-n, deletion and insertion beads, run only
   in rectangles around the anchor chain (Bertalign's second pass). A bead scores its cosine minus
   the cosine of its neighbours on both sides (so a 1-1 that leaves half a split sentence behind
   loses to the 1-2), scaled by the length ratio; leaving a sentence unlinked costs ``skip``.
   Multi-sentence sides are embedded as the sentences joined by a space when ``embed`` is given
   (Vecalign's concatenated neighbours), else as the length-weighted sum of their vectors; a first
   DP on summed vectors picks which runs to encode (those of at most ``encode_max_side`` sentences
   at its non-1-1 beads whose summed vector comes within ``encode_margin`` of making a link), then
   the DP runs again. Lengths are UTF-8 bytes, with the pair's own length ratio. A
   multi-sentence bead must be one unit: every end sentence adds to its cosine (``member_gain``);
   no sentence in it, on either side, has a sure match (mutual nearest at ``anchor_level``) outside
   it that is surer than the bead, and at most one sure pair is inside it, which the bead must
   carry at a higher cosine than the pair alone (Vecalign's rule: a 3-1 has to beat the 1-1 plus
   two deletions, so dropped sentences next to a copy stay deleted); an m-n bead that
   splits at a corner into two sure in-order links is refused (``split_many_to_many``); its level
   is read against the null of unrelated runs of its own size. In a loose rewrite an m-n bead has
   at most ``many_max_side`` sentences a side, and no sentence of a multi-sentence side may have
   its nearest sentence outside the bead, much closer than the bead (``member_rival``). Standalone
   lines (headings, captions; the caller flags them) link only 1-1, and only to standalone lines.
4. **moves**: a base sentence the DP left deleted and a rewrite sentence it left inserted that are
   each other's nearest in the whole other document, at ``move_level``, seed a small DP between the
   deleted run and the inserted run around them; every link it makes must reach ``move_level``,
   and every sentence of its multi-sentence side must match the other side on its own (no order
   vouches for a move); a line without letters or digits (OCR debris) seeds none.
   What it links is flagged ``moved``. Before it, a 1-1 link that holds one sentence of a sure
   pair whose other sentence the DP left unlinked, far less sure than that pair
   (``release_levels``), is undone: a moved exact copy is linked, never lost to a stranger.

Time and memory are close to linear in document length: the top-k search is blockwise, and the
DP and its score tables touch only band cells (``benchmarks/long_documents.py``: 10,000 a side).
"""

from __future__ import annotations

import bisect
import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

__all__ = ["AlignConfig", "AlignedPair", "align"]


@dataclass(frozen=True)
class AlignedPair:
    """Base sentences and the rewrite sentences that carry them; either side may be empty."""

    base: tuple[int, ...]  # ascending indices into the base sentences; () = inserted in the rewrite
    rewrite: tuple[int, ...]  # ascending indices into the rewrite sentences; () = deleted from the base
    similarity: float | None  # cosine of the two sides' embeddings; None when a side is empty
    confidence: float  # 0..1: for a link, its calibrated level; for a deletion/insertion, 1 - best level
    moved: bool  # the rewrite put this content out of the base's order


@dataclass(frozen=True)
class AlignConfig:
    """Every knob of :func:`align`. Levels are on the calibrated scale (0 unrelated, 1 typical match).

    Defaults were tuned on the Text+Berg dev set (German-French, USE multilingual) and on the seed
    corpus's hand-checked alignments (``tests/fixtures/hand_alignments.json``); where the two pull
    apart, the news corpus wins. "Dev" figures below are Text+Berg dev strict F1 with encoded runs
    and the model null (``benchmarks/textberg.py --dev``); the current defaults score dev 0.888
    (strict; lax 0.986) and test 0.892 (strict) / 0.971 (lax), Bertalign 2.0.1 with the same
    encoder 0.860 on dev and 0.911 on test; the example corpus's hand-checked links: 000 28/28,
    003 29/29 (USE and MiniLM); the loose rewrites' link F1 (``tests/fixtures/hand_alignments.json``,
    section ``loose``), USE / MiniLM: 001 0.750 / 0.696, 004 0.683 / 0.619.
    """

    #: Most sentences on one side of a link. Text+Berg dev gold: 419 of 422 beads have at most 4 a
    #: side (1-5 twice, 2-5 once); the example corpus's hand-checked links at most 3. Dev strict F1
    #: 4 0.881, 5 0.880 (lax 0.984 / 0.986); 5 links a written 1-5 split whole but costs 004's
    #: hand-checked F1 (USE 0.65 -> 0.585: joined runs of five blur a paraphrase's boundaries).
    max_side: int = 4
    #: Most sentences in a link, both sides together (Bertalign's ``max_align``); with 6, a 3-3 fits.
    max_total: int = 6
    #: In a loose rewrite (not parallel text, see ``parallel_share``), an m-n link (both sides two
    #: or more sentences) has at most this many sentences a side: a rewrite merges two sentences
    #: whose content it splits differently (a 2-2), while a 3-3 there glued dropped sentences to
    #: a split (a plain-language rewrite written for the tests). Parallel text allows ``max_side``.
    many_max_side: int = 2
    #: A sentence of a link's multi-sentence side whose nearest sentence on the other side lies
    #: outside the link, is a match on its own (``min_evidence``) and is this many levels closer
    #: than the link's other side, is not part of it (a neighbour glued to a merge whose content the
    #: rewrite put elsewhere). The example corpus's hand-checked link F1 (USE / MiniLM): 004 0.650
    #: -> 0.683 / 0.571 -> 0.619 (001 unchanged); at 0.15 004 0.732, but 003 loses a 2-1; 0.3 as
    #: off. Loose rewrites only: on parallel text (Text+Berg dev 0.881 -> 0.719 at 0.2) an OCR
    #: fragment's or a short line's nearest is noise.
    member_rival: float = 0.2
    #: Neighbours per sentence for the margin that picks anchors (LASER/Bertalign use 3-4).
    top_k: int = 4
    #: Half-width, in sentences, of the band the DP searches around the anchor chain. Wide enough
    #: for the longest bead plus a missed anchor or two; the cost grows linearly with it.
    window: int = 6
    #: Score of leaving one sentence unlinked, in margin units (a typical 1-1 scores ~0.6-0.9).
    #: Closer to 0 splits more links into deletion + insertion. Text+Berg dev strict F1 (summed
    #: runs, no member check): -0.1 0.83, -0.2 0.86, -0.3 0.88, -0.4 0.89, -0.5 0.89; with
    #: today's checks and encoded runs: -0.3 0.829, -0.4 0.833, -0.5 0.833.
    skip: float = -0.4
    #: Exponent of the length-ratio factor ``log2(1 + short/long)`` (Bertalign's length penalty);
    #: 0 switches it off. Only used when both texts are given. Dev: 0 0.78, 1 0.83, 2 0.86, 3 0.85.
    length_weight: float = 2.0
    #: A link whose cosine is below this level is never made (the DP deletes and inserts instead):
    #: it is no closer than a weak match, so calling it a link would hide a deletion. Multi-sentence
    #: links are read against the null of unrelated runs of their own size (joined text looks more
    #: alike). With the model's null every link also needs absolute evidence (``min_evidence``),
    #: so this can be low. Dev (this round, model null): 0.3 0.834, 0.15 0.836, 0.1 0.836, 0.05
    #: 0.836; example corpus (USE) at 0.1: 003 29/29 instead of 28/29, 004 12 of 20 links, not 10.
    min_level: float = 0.1
    #: Each end sentence of a multi-sentence side must raise the bead's cosine by at least this
    #: many levels over the side without it (negative: may lower it by that much). This keeps a
    #: merge from swallowing an unrelated inserted sentence next to it (the tests' case). It costs
    #: parallel text whose beads carry OCR fragments: dev 0.833 at 0.0, 0.854 at -0.05, 0.852
    #: without; but -0.05 glues a weak sentence into a 2-1 on the corpus (USE 003: 27/29) and
    #: -0.1 loses 003's headline; drift favours correct deletions/insertions.
    member_gain: float = 0.0
    #: Refuse an m-n link (both sides two or more sentences) that splits at its first or last corner
    #: into a 1-1 link and the rest, each a sure link on its own (``anchor_level``) and matched
    #: better in order than crossed: paraphrases keep sentences apart that a topical paragraph's
    #: joined text blurs. Without it the corpus's 003 loses 2 links (MiniLM, a 2-2) and 3 (USE, a
    #: 3-3); it costs Text+Berg's true 2-2 beads, whose sentence boundaries moved (their parts
    #: match weakly): dev 0.833 on, 0.845 off (an earlier round). The parts' level, dev strict F1
    #: (this round): 0.1 (``min_level``) 0.890, 0.3 0.890, 0.5 0.894, 0.7 0.894 (MiniLM's 003
    #: loses its 2-2's two links), 0.9 0.894.
    split_many_to_many: bool = True
    #: ... and only when the split-off 1-1's lengths match (shorter >= this share of longer, after
    #: the documents' length ratio); 0 switches the length check off. Translations keep lengths,
    #: paraphrases do not. Dev (this round's rules, model null): 0 0.824, 0.5 0.826, 0.7 0.834
    #: (example corpus unchanged, 004 one link better); without the refusal 0.837 but 004 loses two.
    split_length_ratio: float = 0.7
    #: Anchors must be at least this level: a sure match, not just a mutual nearest. The same
    #: sure matches keep multi-sentence links from taking in a sentence surer of another partner.
    #: Dev: 0.5 0.833, 0.6 0.832.
    anchor_level: float = 0.5
    #: The DP's path passes through every anchor (sure two-way matches are kept, as NewsEdits
    #: keeps its two-way matches, and what crosses them is left to the move step) rather than only
    #: searching around them. Text+Berg dev unchanged (0.824); the example corpus's loose rewrites
    #: (USE, hand-checked links found): 001 6 -> 8 of 11, 004 unchanged 10 of 20.
    fixed_anchors: bool = True
    #: Link moved content at all (two-way nearest matching of what the DP left unlinked).
    detect_moves: bool = True
    #: A deleted base sentence and an inserted rewrite sentence that are each other's nearest in the
    #: whole other document seed a move only at this level or above, and every moved link must reach
    #: it on its own size's scale: as sure as an anchor, since a move breaks the reading order.
    #: At 0.6 the corpus's 004 misses its moved experts' verdict (MiniLM level 0.58); the
    #: mutual-nearest-in-the-whole-document rule, not the level, is what stops false moves.
    move_level: float = 0.5
    #: A 1-1 link is undone when one of its sentences has a sure match that the DP left unlinked
    #: and that is this many levels surer than the link (a moved exact copy, its place in the
    #: order taken by a stranger); the move step then links the sure pair. 0.5 -> 0.3: the round
    #: trip 001's moved sentence (level ~0.9 to its partner) is no longer lost to a neighbour that
    #: took its place at ~0.6 (hand-checked link F1 USE 0.667 -> 0.750); Text+Berg dev unchanged.
    release_levels: float = 0.3
    #: With ``embed``, the joined sentences of runs are encoded only within this many sentences of
    #: a bead the first pass (on summed vectors) made other than 1-1, then the DP runs again; the
    #: clear 1-1 stretches keep summed vectors. -1 encodes every run (slowest, all of Vecalign's).
    #: Text+Berg dev strict F1 and the characters encoded for joined runs, as a multiple of the
    #: sentences' own (encode_margin 0.05): radius 3 0.830 (8.6x), 1 0.830 (7.8x), 0 0.830 (7.0x).
    encode_radius: int = 0
    #: ... and of those, only runs whose summed vector comes within this many levels of making a
    #: link near the first pass's path (``min_level`` on its size's scale, each end sentence adding
    #: to the cosine): the joined text rarely scores much above the summed vector. Larger encodes
    #: more; ``float("inf")`` every run in the radius. Dev: 0.05 0.830, 0.0 0.827 (and USE 003
    #: loses a 1-2 link).
    encode_margin: float = 0.05
    #: ... and only runs of at most this many sentences (longer ones keep summed vectors). Dev
    #: (radius 0): 4 0.830 (7.0x), 3 0.824 (3.9x), 2 0.810 (1.5x; USE 000 loses its 1-3 quotation
    #: split); without ``embed`` (length-weighted sums only, 0x) 0.751 and USE 003 loses a 1-2.
    encode_max_side: int = 3
    #: ``encode_max_side`` for parallel text, where one sentence often becomes a list of four (a
    #: summed vector of four sentences misjudges the 1-4). Dev strict F1 (this round): 3 0.894, 4
    #: 0.899 (every run encoded, ``encode_radius=-1``: 0.899). The USE pools runs from the
    #: sentences' token features (:mod:`drift.pooling`), nearly free; MiniLM encodes their joined
    #: text: on the example corpus, where only 000 is parallel, 4 a side everywhere would cost
    #: 233 run strings instead of 160 (173k characters instead of 95k) for no link gained.
    parallel_encode_max_side: int = 4
    #: At most this many sure pairs (mutual nearest at ``anchor_level``) inside one multi-sentence
    #: link: two sure pairs side by side are two links in a paraphrase.
    max_sure_pairs: int = 1
    #: ... and a sure pair inside a multi-sentence link must be carried by it at a cosine no more
    #: than this many levels below the pair alone (Vecalign's rule that a 3-1 beats the 1-1 plus
    #: two deletions), so that dropped sentences next to a copy stay deleted.
    sure_pair_slack: float = 0.0
    #: A document pair where at least this share of sentences (the mean of both sides' shares) has
    #: a sure match on the other side (its nearest cosine at ``parallel_level``) is read as parallel
    #: text -- a translation or a close copy, where a sentence rarely lacks a partner and a link's
    #: sentence boundaries move freely (Text+Berg's OCR fragments, clauses split at a semicolon,
    #: two sure pairs in one 2-2). There the DP's scores decide more, as in Bertalign:
    #: ``member_gain`` becomes ``parallel_member_gain``, ``sure_pair_slack`` becomes
    #: ``parallel_sure_pair_slack``, and a link may hold any number of sure pairs (in order). Needs
    #: the texts (the length prior). Shares measured at level 0.7, USE / MiniLM: Text+Berg dev 0.79,
    #: test articles 0.72-0.87 (USE); the example corpus's spun copy 000 0.78 / 0.85, editorial
    #: 003 0.33 / 0.49, round trip 001 0.21 / 0.38, loose 004 0.00 / 0.17. (At level 0.5 MiniLM's
    #: 003 reaches 0.89, as high as Text+Berg's 0.88-0.97.) Dev strict F1 0.881 with these rules
    #: (0.836 with the loose rules throughout; ``split_many_to_many`` off as well: 0.882, but
    #: MiniLM's 003 loses a 2-2's two links when read as parallel); the example corpus's
    #: hand-checked links are unchanged with either model.
    parallel_share: float = 0.6
    #: The level a sentence's nearest cosine must reach to count towards ``parallel_share``.
    parallel_level: float = 0.7
    #: ``member_gain`` for parallel text. Dev: -0.05 0.85, -0.2 0.859, -1 0.862 (loose rules else).
    parallel_member_gain: float = -1.0
    #: ``sure_pair_slack`` for parallel text, where a joined run's encoding dilutes a sure pair's
    #: cosine a little (223-224 / 264-265: 0.508 against the pair's 0.526). Dev: 0 0.875,
    #: 0.01 0.883, 0.03 0.882, 0.05 0.882, 0.1 0.872, no rule 0.873 (0.05 everywhere: 004 loses a
    #: link).
    parallel_sure_pair_slack: float = 0.03
    #: ... and also around a first-pass 1-1 whose lengths disagree (the shorter below this share of
    #: the longer, after the pair's length ratio): often one half of a 2-2 or 1-2 whose sentence
    #: boundary moved. 0 switches it off. Dev: 0 0.871 (4.55x), 0.4 0.875 (4.63x), 0.5 0.875
    #: (4.66x), 0.7 0.875 (4.91x).
    encode_length_ratio: float = 0.5
    #: Rows per block of the blockwise top-k search (memory: block_rows x rewrite length floats).
    block_rows: int = 512
    #: Random sentence pairs drawn to estimate the null cosine (all pairs when fewer exist).
    null_sample: int = 20000
    #: The match-null gap is at least this many null spreads (robust SD), so a rewrite unrelated to
    #: its base, whose "typical match" is noise, does not get every level inflated.
    min_gap_spreads: float = 4.0
    #: Fewer unrelated pairs than this in the document pair (a short document): the model's null
    #: distribution (``align(..., null=...)``) stands for the pair's, and bead types get no own null.
    min_null_pairs: int = 200
    #: With the model's null: a link must stand at least this many null spreads above unrelated
    #: pairs of its size (absolute evidence, not only rank). USE on drift's unrelated sentences:
    #: median cosine 0.10, spread 0.08, so 3 spreads is a cosine of ~0.33 (MiniLM: median 0.04,
    #: spread 0.08, 3 spreads ~0.27). A loose rewrite's weak in-order 1-1 (MiniLM 0.25 between two
    #: sentences that share only a topic and carry different figures) or a dropped sentence glued to
    #: inserted ones (a 1-4 at USE 0.30) falls below it; the weakest hand-checked link of the
    #: example corpus's 004 stands at 3.2 (USE). Parallel text keeps ``parallel_min_evidence``.
    min_evidence: float = 3.0
    #: ``min_evidence`` for parallel text, where the neighbours' sure links vouch for a weak one
    #: (an OCR fragment, a short caption). Text+Berg dev strict F1: 2.0 0.881, 3.0 0.816 (an
    #: earlier round, throughout).
    parallel_min_evidence: float = 2.0
    #: A document pair is related only when at least two of its mutual nearest sentence pairs (one
    #: in a one-sentence document) stand this many null spreads above unrelated pairs; otherwise
    #: every link must reach it on its own. Measured on 28 pairs of unrelated news articles written
    #: for drift (different events, some of one kind: two disasters, two votes): the best mutual
    #: pair reaches 4.6 spreads (USE) and 5.6 (MiniLM), the second best 4.1 and 4.5; every related
    #: pair of the example corpus and the tests has ten or more (at least two in 3-sentence texts).
    sure_evidence: float = 6.5
    #: ... for a document pair of this many sentence pairs or more (6 x 6, as measured); fewer
    #: pairs give their best pair fewer chances to look alike by accident, so a one-sentence pair
    #: needs ``single_evidence`` and the need grows with the log of the number of pairs between the
    #: two (a one-sentence translation through USE, cosine 0.45-0.6, stays linked).
    sure_pairs: int = 36
    single_evidence: float = 4.0
    #: Confidence is capped by the evidence: 0 at the first value's null spreads, 1 at the second's.
    evidence_range: tuple[float, float] = (2.0, 5.0)
    #: Without ``embed``, a multi-sentence side is the sum of its sentences' vectors weighted by
    #: their length (UTF-8 bytes) to this power: 1 is the length-weighted mean that mean pooling of
    #: the joined text would give, 0 the plain sum of unit vectors.
    run_weight_power: float = 1.0
    #: Join sentences with this string before embedding a multi-sentence side.
    joiner: str = field(default=" ")

    def __post_init__(self):
        if self.max_side < 1 or self.max_total < 2:
            raise ValueError("max_side must be >= 1 and max_total >= 2")
        if self.window < 0 or self.top_k < 1 or self.block_rows < 1:
            raise ValueError("window must be >= 0, top_k and block_rows >= 1")


# -- inputs ------------------------------------------------------------------------------------

def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


def _as_matrix(vectors: np.ndarray, dim: int | None) -> np.ndarray:
    a = np.asarray(vectors, dtype=np.float32)
    if a.size == 0:
        return np.zeros((0, dim or (a.shape[-1] if a.ndim == 2 else 0)), dtype=np.float32)
    if a.ndim != 2:
        raise ValueError(f"sentence vectors must be a 2-d array, got shape {a.shape}")
    return a


@dataclass
class _Side:
    """One document's sentences as vectors of every run of 1..max_side consecutive sentences."""

    runs: list[np.ndarray]  # runs[a-1][e]: unit vector of sentences e-a+1..e (rows e < a-1 unused)
    lengths: list[np.ndarray] | None  # the same runs' lengths in characters, when texts are known
    glued: list[np.ndarray]  # glued[a-1][e]: the run ending at e holds a standalone line
    wordless: np.ndarray  # the sentence has no letter or digit (OCR debris such as ", ." or "- _-")
    partner: np.ndarray | None = None  # each sentence's sure match on the other side, -1 if none
    partner_cos: np.ndarray | None = None  # the cosine of that match
    nearest: np.ndarray | None = None  # each sentence's nearest sentence on the other side
    nearest_cos: np.ndarray | None = None  # the cosine of that one

    @property
    def single(self) -> np.ndarray:
        return self.runs[0]

    def __len__(self) -> int:
        return len(self.runs[0])


def _length(text: str) -> int:
    """A sentence's length for the length prior: UTF-8 bytes (as Bertalign), so a Chinese character
    (3 bytes) weighs about as much as the 2-3 letters of a German or English word it stands for."""
    return len(text.encode("utf-8", "surrogatepass"))


def _build_sides(X: np.ndarray, Y: np.ndarray, base_texts, rewrite_texts, base_standalone,
                 rewrite_standalone, cfg: AlignConfig) -> tuple[_Side, _Side]:
    """Every run's vector as the normalised sum of its sentences' (the encoder refines some later)."""
    have_texts = (base_texts is not None and rewrite_texts is not None
                  and len(base_texts) == len(X) and len(rewrite_texts) == len(Y))

    def side(V: np.ndarray, texts, standalone) -> _Side:
        runs = [V]
        alone = np.zeros(len(V), bool)
        if standalone is not None:
            if len(standalone) != len(V):
                raise ValueError(f"{len(standalone)} standalone flags for {len(V)} sentences")
            alone = np.asarray(standalone, bool)
        ca = np.concatenate([[0], np.cumsum(alone)])
        glued = [alone]
        for a in range(2, cfg.max_side + 1):
            G = np.zeros(len(V), bool)
            if len(V) >= a:
                G[a - 1:] = (ca[a:] - ca[:-a]) > 0
            glued.append(G)
        # a run's vector: its sentences' vectors weighted by length ** run_weight_power (mean pooling
        # of the joined text over tokens weighs each part by its length), then normalised
        W = V
        if have_texts and cfg.run_weight_power:
            W = V * (np.array([max(_length(t), 1) for t in texts], np.float64)[:, None]
                     ** cfg.run_weight_power).astype(np.float32)
        csum = np.vstack([np.zeros((1, V.shape[1]), np.float64), np.cumsum(W, axis=0, dtype=np.float64)])
        for a in range(2, cfg.max_side + 1):
            R = np.zeros_like(V)
            if len(V) >= a:
                R[a - 1:] = _unit_rows((csum[a:] - csum[:-a]).astype(np.float32))
            runs.append(R)
        lengths = None
        if have_texts:
            single = np.array([_length(t) for t in texts], dtype=np.float64)
            cl = np.concatenate([[0.0], np.cumsum(single)])
            lengths = [single]
            for a in range(2, cfg.max_side + 1):
                L = np.ones_like(single)
                if len(single) >= a:
                    L[a - 1:] = cl[a:] - cl[:-a] + (a - 1) * len(cfg.joiner)
                lengths.append(L)
        wordless = np.array([not any(c.isalnum() for c in t) for t in texts] if have_texts
                            else np.zeros(len(V), bool), bool)
        return _Side(runs, lengths, glued, wordless)

    return side(X, base_texts, base_standalone), side(Y, rewrite_texts, rewrite_standalone)


def _embed_runs(sides: tuple[_Side, _Side], texts: tuple[Sequence[str], Sequence[str]],
                wanted: tuple[set[tuple[int, int]], set[tuple[int, int]]], embed, cfg: AlignConfig,
                embed_runs=None) -> None:
    """Replace the summed vectors of the wanted runs ``(size, end index)`` by their joined text's
    vector (Vecalign's overlaps): from ``embed_runs`` per side where given (and the joiner is a
    space), else all joined strings, each once, in a single ``embed`` call."""
    if embed_runs is not None and cfg.joiner == " ":
        for side, txt, runs in zip(sides, texts, wanted, strict=True):
            runs = [(a, e) for a, e in sorted(runs) if 2 <= a <= cfg.max_side and a - 1 <= e < len(side)]
            if runs:
                vectors = _unit_rows(np.asarray(embed_runs(txt, [(e - a + 1, e + 1) for a, e in runs]),
                                                dtype=np.float32).reshape(len(runs), -1))
                for (a, e), v in zip(runs, vectors, strict=True):
                    side.runs[a - 1][e] = v
        return
    jobs = []  # (side, a, end index, string)
    for side, txt, runs in zip(sides, texts, wanted, strict=True):
        for a, e in sorted(runs):
            if 2 <= a <= cfg.max_side and a - 1 <= e < len(side):
                jobs.append((side, a, e, cfg.joiner.join(txt[e - a + 1:e + 1])))
    strings = list(dict.fromkeys(job[3] for job in jobs))
    if not strings:
        return
    vectors = _unit_rows(np.asarray(embed(strings), dtype=np.float32).reshape(len(strings), -1))
    row = {t: k for k, t in enumerate(strings)}
    for side, a, e, t in jobs:
        side.runs[a - 1][e] = vectors[row[t]]


def _uncertain_ends(path, n: int, m: int, radius: int, max_side: int,
                    unsure: Callable[[int, int], bool] = lambda i, j: False
                    ) -> tuple[set[int], set[int], list[tuple[int, int, int, int]]]:
    """Where runs may end whose encoding could change the alignment: around every bead of the
    (path-ordered) first pass that is not a plain 1-1 -- a split, merge, deletion or insertion --
    or is a 1-1 that ``unsure(base, rewrite)`` doubts; runs of up to ``max_side`` sentences.
    Also the path's rectangles there, ``(b0, b1, r0, r1)``, where a run's partners may lie."""
    wanted_b: set[int] = set()
    wanted_r: set[int] = set()
    boxes = []
    at_b = at_r = 0  # the path's position before the current bead
    for b, r, _ in path:
        if not (len(b) == 1 and len(r) == 1) or unsure(b[0], r[0]):
            b0, b1 = max(0, at_b - radius), min(n, at_b + len(b) + radius + max_side - 1)
            r0, r1 = max(0, at_r - radius), min(m, at_r + len(r) + radius + max_side - 1)
            wanted_b.update(range(b0, b1))
            wanted_r.update(range(r0, r1))
            boxes.append((b0, b1, r0, r1))
        at_b = b[-1] + 1 if b else at_b
        at_r = r[-1] + 1 if r else at_r
    return wanted_b, wanted_r, boxes


def _promising_runs(base: _Side, rewrite: _Side, boxes, scale: _Scale, cfg: AlignConfig
                    ) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """The runs worth encoding: those ending in a first-pass box whose summed vector comes within
    ``encode_margin`` levels of making a link there -- of ``min_level`` on its size's scale, and of
    every end sentence adding to the cosine (``member_gain``) against the same partner. A run of 3+
    is kept only if it is that close and beats its own shorter runs on the summed vectors."""
    margin = cfg.encode_margin
    keep: tuple[set, set] = (set(), set())
    pad = cfg.max_side
    for b0, b1, r0, r1 in boxes:
        for which, (own, other, lo, hi, olo, ohi) in enumerate(
                ((base, rewrite, b0, b1, r0, r1), (rewrite, base, r0, r1, b0, b1))):
            near_o = np.arange(max(0, olo - pad), min(len(other), ohi + pad))
            if not len(near_o):
                continue
            for a in range(2, min(cfg.max_side, cfg.encode_max_side) + 1):
                for e in range(max(lo, a - 1), hi):
                    if (a, e) in keep[which]:
                        continue
                    if own.glued[a - 1][e]:
                        continue  # standalone lines link only 1-1
                    best = -np.inf
                    for bb in range(1, cfg.max_total - a + 1):
                        if bb > cfg.max_side:
                            break
                        Ob = near_o[near_o >= bb - 1]
                        if not len(Ob):
                            continue
                        P = other.runs[bb - 1][Ob]
                        cos = P @ own.runs[a - 1][e]
                        size = (a, bb) if which == 0 else (bb, a)
                        lvl = scale.level(cos, *size) - cfg.min_level
                        # dropping the first or the last sentence may not raise the cosine
                        shorter = np.maximum(P @ own.runs[a - 2][e], P @ own.runs[a - 2][e - 1])
                        g = (cos - shorter) / scale.gap - cfg.member_gain
                        best = max(best, float(np.max(np.minimum(lvl, g))))
                    if best >= -margin:
                        keep[which].add((a, e))
    return keep


# -- stage 1: nearest neighbours and calibration ------------------------------------------------

@dataclass
class _Nearest:
    row_idx: np.ndarray  # (n, k) rewrite indices nearest each base sentence
    row_val: np.ndarray  # (n, k) their cosines
    col_idx: np.ndarray  # (m, k) base indices nearest each rewrite sentence
    col_val: np.ndarray


def _top_k_rows(S: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k largest entries of each row, by repeated argmax (faster than a partition for small k)."""
    if k >= S.shape[1]:  # every column, best first
        idx = np.argsort(-S, axis=1, kind="stable")
        return idx, np.take_along_axis(S, idx, axis=1)
    S = S.copy()
    rows = np.arange(len(S))
    idx = np.empty((len(S), k), np.int64)
    val = np.empty((len(S), k), np.float32)
    for c in range(k):
        idx[:, c] = S.argmax(axis=1)
        val[:, c] = S[rows, idx[:, c]]
        S[rows, idx[:, c]] = -np.inf
    return idx, val


def _nearest(X: np.ndarray, Y: np.ndarray, k: int, block: int) -> _Nearest:
    """Top-k cosines per row and per column, one block of rows at a time (never all n x m at once)."""
    def one_way(A, B):
        kk = min(k, len(B))
        idx = np.empty((len(A), kk), np.int64)
        val = np.empty((len(A), kk), np.float32)
        for s in range(0, len(A), block):
            idx[s:s + block], val[s:s + block] = _top_k_rows(A[s:s + block] @ B.T, kk)
        return idx, val

    row_idx, row_val = one_way(X, Y)
    col_idx, col_val = one_way(Y, X)
    return _Nearest(row_idx, row_val, col_idx, col_val)


def _mutual_best(near: _Nearest, margin: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i, j, cos) where each is the other's best, by margin (cos minus k-NN means) or cosine."""
    def score(val, own_mean, other_mean_at):
        return val - (own_mean[:, None] + other_mean_at) / 2 if margin else val

    row_mean, col_mean = near.row_val.mean(1), near.col_val.mean(1)
    rs = score(near.row_val, row_mean, col_mean[near.row_idx])
    cs = score(near.col_val, col_mean, row_mean[near.col_idx])
    best_j = near.row_idx[np.arange(len(rs)), rs.argmax(1)]
    best_i = near.col_idx[np.arange(len(cs)), cs.argmax(1)]
    i = np.flatnonzero(best_i[best_j] == np.arange(len(best_j)))
    j = best_j[i]
    cos = near.row_val[i, rs[i].argmax(1)]
    return i, j, cos


@dataclass(frozen=True)
class _Scale:
    """The document pair's cosine scale: ``level(cos) = (cos - null) / gap``, and the absolute
    evidence of a cosine against unrelated sentence pairs, ``z(cos) = (cos - null) / spread``."""

    null: float
    gap: float
    #: the model's unrelated pairs (``align(..., null=...)``): median cosine and robust spread (0:
    #: not given, no absolute evidence is asked)
    evidence_null: float = 0.0
    spread: float = 0.0
    #: the null cosine of unrelated runs of a and b sentences, for multi-sentence beads: joined or
    #: summed sentences look more alike than single ones, so a 3-1 link needs a higher cosine than a
    #: 1-1 to be as sure (the same gap is kept: a run's typical match is no easier to recognise)
    run_null: dict = field(default_factory=dict)

    def level(self, cos, a: int = 1, b: int = 1):
        return (cos - self.run_null.get((a, b), self.null)) / self.gap

    def z(self, cos, a: int = 1, b: int = 1):
        """Absolute evidence: how many of the model's null spreads ``cos`` stands above the model's
        unrelated pairs (shifted by this pair's extra null for runs of a and b sentences); inf when
        the model's null is unknown."""
        if self.spread <= 0:
            return np.full(np.shape(cos), np.inf) if np.ndim(cos) else np.inf
        return (cos - self.evidence_null - (self.run_null.get((a, b), self.null) - self.null)) / self.spread

    def confidence(self, cos, a: int = 1, b: int = 1, evidence: tuple[float, float] = (2.0, 5.0)) -> float:
        """0..1: the link's level, capped by its absolute evidence (0 at ``evidence[0]`` null spreads
        above unrelated pairs, 1 at ``evidence[1]``)."""
        level = float(np.clip(self.level(cos, a, b), 0.0, 1.0))
        z = float(self.z(cos, a, b))
        lo, hi = evidence
        return min(level, float(np.clip((z - lo) / (hi - lo), 0.0, 1.0)))


def _run_nulls(base: _Side, rewrite: _Side, scale: _Scale, cfg: AlignConfig) -> _Scale:
    """The scale with each multi-sentence bead type's own null: the median cosine of random,
    non-overlapping run pairs of that size (never below the single-sentence null)."""
    rng = np.random.default_rng(1)
    nulls = {}
    n, m = len(base), len(rewrite)
    for a, b in _bead_types(replace(cfg, many_max_side=cfg.max_side)):  # every type either rules allow
        if a + b <= 2 or b == 0 or n < a or m < b:
            continue
        k = min(cfg.null_sample // 10, (n - a + 1) * (m - b + 1))
        if k < cfg.min_null_pairs:
            continue  # too few to say: the single-sentence null stands
        ri, rj = rng.integers(a - 1, n, k), rng.integers(b - 1, m, k)
        cos = np.einsum("ij,ij->i", base.runs[a - 1][ri], rewrite.runs[b - 1][rj])
        nulls[(a, b)] = max(scale.null, float(np.median(cos)))
    return _Scale(scale.null, scale.gap, scale.evidence_null, scale.spread, nulls)


def _robust(values: np.ndarray) -> tuple[float, float]:
    """Median and robust standard deviation (1.4826 x the median absolute deviation)."""
    if not values.size:
        return 0.0, 0.0
    center = float(np.median(values))
    return center, float(1.4826 * np.median(np.abs(values - center))) if values.size > 1 else 0.0


def _calibrate(X: np.ndarray, Y: np.ndarray, near: _Nearest, cfg: AlignConfig,
               model_null: np.ndarray | None = None) -> _Scale:
    """The pair's scale. Its null (center and spread) is the pair's own unrelated pairs when there
    are at least ``min_null_pairs`` of them, else the model's null distribution (``model_null``,
    sorted cosines of unrelated sentence pairs), so a short document cannot make a weak cosine look
    sure. The model's null also gives every link's absolute evidence (:meth:`_Scale.z`)."""
    n, m = len(X), len(Y)
    if n * m <= cfg.null_sample:
        S = X @ Y.T
        unrelated = np.ones(S.shape, bool)  # every pair but each row's and column's best
        unrelated[np.arange(n), S.argmax(1)] = False
        unrelated[S.argmax(0), np.arange(m)] = False
        null = S[unrelated]
        if null.size < 16 and model_null is None:  # tiny documents: pairs within each side too
            within = [(V @ V.T)[np.triu_indices(len(V), 1)] for V in (X, Y)]
            null = np.concatenate([null, *within])
    else:
        rng = np.random.default_rng(0)
        ri, rj = rng.integers(0, n, cfg.null_sample), rng.integers(0, m, cfg.null_sample)
        null = np.einsum("ij,ij->i", X[ri], Y[rj])
    center, spread = _robust(null)
    m_center = m_spread = 0.0
    if model_null is not None and np.size(model_null) > 1:
        m_center, m_spread = _robust(np.asarray(model_null, np.float64))
        if null.size < cfg.min_null_pairs:  # too few unrelated pairs in the document pair
            center, spread = m_center, m_spread
    _, _, cos = _mutual_best(near, margin=False)
    match = float(np.median(cos)) if cos.size else 1.0
    # the floor keeps a rewrite unrelated to its base, whose "typical match" is noise, from
    # inflating every level (the pair's own spread: with the model's, tighter for same-topic
    # texts, the example corpus gains a 004 link and loses an 003 one)
    gap = max(match - center, cfg.min_gap_spreads * spread, 1e-3)
    return _Scale(center, gap, m_center, m_spread)


def parallel_share(near: _Nearest, scale: _Scale, level: float) -> float:
    """The share of sentences, averaged over both sides, whose nearest cosine on the other side is
    at least ``level`` on the pair's scale (0..1; 1 for a translation that keeps every sentence)."""
    return float((np.mean(scale.level(near.row_val[:, 0]) >= level)
                  + np.mean(scale.level(near.col_val[:, 0]) >= level)) / 2)


def _for_pair(cfg: AlignConfig, near: _Nearest, scale: _Scale, lengths: bool) -> AlignConfig:
    """The rules for this document pair: parallel text's (see ``AlignConfig.parallel_share``) or
    the loose rewrite's, as configured. Parallel text's need the texts' lengths: without the
    length prior nothing but the member rule weighs a sentence glued to a link."""
    if not lengths or parallel_share(near, scale, cfg.parallel_level) < cfg.parallel_share:
        return cfg
    return replace(cfg, member_gain=min(cfg.member_gain, cfg.parallel_member_gain),
                   max_sure_pairs=cfg.max_total, many_max_side=cfg.max_side,
                   member_rival=float("inf"),
                   min_evidence=min(cfg.min_evidence, cfg.parallel_min_evidence),
                   encode_max_side=max(cfg.encode_max_side, cfg.parallel_encode_max_side),
                   sure_pair_slack=max(cfg.sure_pair_slack, cfg.parallel_sure_pair_slack))


def related(near: _Nearest, scale: _Scale, evidence: float) -> bool:
    """Whether the document pair shares content at all: at least two of its mutual nearest sentence
    pairs (by cosine; one when a side has a single sentence) stand ``evidence`` null spreads above
    the model's unrelated pairs. True when the model's null is unknown (nothing to measure by)."""
    if scale.spread <= 0:
        return True
    _, _, cos = _mutual_best(near, margin=False)
    needed = min(2, len(near.row_idx), len(near.col_idx))
    return int(np.sum(scale.z(cos) >= evidence)) >= needed


def _sure_evidence(pairs: int, cfg: AlignConfig) -> float:
    """The evidence (null spreads) that makes a document pair of ``pairs`` sentence pairs related:
    ``single_evidence`` for one pair, growing with log(pairs) to ``sure_evidence`` at ``sure_pairs``."""
    if pairs >= cfg.sure_pairs:
        return cfg.sure_evidence
    share = np.log(max(pairs, 1)) / np.log(cfg.sure_pairs)
    return float(cfg.single_evidence + share * (cfg.sure_evidence - cfg.single_evidence))


def _for_unrelated(cfg: AlignConfig, evidence: float) -> AlignConfig:
    """The rules for a pair that is not :func:`related`: every link needs ``evidence``."""
    return replace(cfg, min_evidence=max(cfg.min_evidence, evidence))


# -- stage 2: anchors ----------------------------------------------------------------------------

def _longest_chain(i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Positions of the longest subsequence increasing in both i (already sorted) and j."""
    tails: list[int] = []  # tails[L] = smallest j ending a chain of length L+1
    tail_pos: list[int] = []
    back = np.full(len(j), -1)
    for p, jj in enumerate(j):
        L = bisect.bisect_left(tails, jj)
        if len(tails) == L:
            tails.append(jj)
            tail_pos.append(p)
        else:
            tails[L], tail_pos[L] = jj, p
        back[p] = tail_pos[L - 1] if L else -1
    chain, p = [], tail_pos[-1] if tail_pos else -1
    while p >= 0:
        chain.append(p)
        p = back[p]
    return np.array(chain[::-1], dtype=np.int64)


def _anchors(X: np.ndarray, Y: np.ndarray, scale: _Scale, cfg: AlignConfig,
             near: _Nearest | None = None) -> np.ndarray:
    """Sure 1-1 links in order: (k, 2) array of (base, rewrite) indices."""
    near = near or _nearest(X, Y, cfg.top_k, cfg.block_rows)
    i, j, cos = _mutual_best(near, margin=True)
    keep = scale.level(cos) >= cfg.anchor_level
    i, j = i[keep], j[keep]
    chain = _longest_chain(i, j)
    return np.stack([i[chain], j[chain]], axis=1) if len(chain) else np.zeros((0, 2), np.int64)


def _band(anchors: np.ndarray, n: int, m: int, w: int, fixed: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Per DP row i (0..n), the rewrite range [lo, hi] searched: rectangles between anchors, +-w."""
    lo = np.zeros(n + 1, np.int64)
    hi = np.zeros(n + 1, np.int64)
    prev_s, prev_t = 0, 0
    for s, t in [(int(a) + 1, int(b) + 1) for a, b in anchors] + [(n, m)]:
        if s <= prev_s:
            continue
        lo[prev_s + 1:s + 1] = max(0, prev_t - w)
        hi[prev_s + 1:s + 1] = min(m, t + w)
        prev_s, prev_t = s, t
    lo[0], hi[0] = 0, hi[1] if n else m
    hi[n] = m
    if fixed:
        # the path passes through every anchor: no cell after it in the rows before, none before
        # it in the rows after (a sure pair is never crossed by the links around it)
        for a, b in anchors:
            s, t = int(a) + 1, int(b) + 1
            hi[:s] = np.minimum(hi[:s], t)
            lo[s:] = np.maximum(lo[s:], t)
            hi[s] = max(hi[s], t)
            lo[s - 1] = min(lo[s - 1], t - 1)
    hi = np.maximum.accumulate(hi)
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    lo[1:] = np.minimum(lo[1:], hi[:-1])  # each row reachable from the one before
    return lo, hi


# -- stage 3: the band DP ------------------------------------------------------------------------

def _bead_types(cfg: AlignConfig) -> list[tuple[int, int]]:
    types = [(1, 1), (1, 0)]  # 1-1 first: it wins ties
    types += [(a, b) for a in range(1, cfg.max_side + 1) for b in range(1, cfg.max_side + 1)
              if a + b <= cfg.max_total and (a, b) != (1, 1)
              and (min(a, b) == 1 or max(a, b) <= cfg.many_max_side)]
    return types  # (0, 1), the insertion, is handled along each row


@dataclass
class _Span:
    """A contiguous sub-problem: base sentences b0..b1-1 against rewrite sentences r0..r1-1."""

    base: _Side
    rewrite: _Side
    b0: int
    b1: int
    r0: int
    r1: int
    #: refuse a multi-sentence bead that carries a sure pair inside it worse than the pair alone
    sure_pair_rule: bool = True
    #: every sentence of a multi-sentence side must match the other side on its own
    #: (``min_evidence``): the move step's links, which no reading order vouches for
    members_evidenced: bool = False
    sure_pair_slack: float = 0.0  # ... up to this many levels below the pair alone
    max_sure_inside: int = 1

    def runs(self, side: str, a: int) -> np.ndarray:
        s = self.base if side == "b" else self.rewrite
        lo, hi = (self.b0, self.b1) if side == "b" else (self.r0, self.r1)
        return s.runs[a - 1][lo:hi]


def _one_blas_thread():
    """Many small matrix products run far faster on one BLAS thread than on several contending
    ones (measured 10-20x on a loaded 2-core machine); threadpoolctl is optional."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return contextlib.nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


def _score_tables(span: _Span, lo, hi, off, types, scale: _Scale, ratio: float | None,
                  cfg: AlignConfig) -> dict[tuple[int, int], np.ndarray]:
    """Each link type's bead score at every band cell, computed in row blocks."""
    n, m = span.b1 - span.b0, span.r1 - span.r0
    Xs, Ys = span.runs("b", 1), span.runs("r", 1)
    total = int(off[-1])
    tables = {t: np.full(total, -np.inf, np.float32) for t in types if t[1] > 0}
    use_len = ratio is not None and cfg.length_weight > 0
    rows_per_block = 32
    for r0 in range(1, n + 1, rows_per_block):
        Ib = np.arange(r0, min(n, r0 + rows_per_block - 1) + 1)
        c0, c1 = int(lo[Ib].min()), int(hi[Ib].max())
        J = np.arange(max(c0, 1), c1 + 1)
        if not len(J):
            continue
        # single-sentence neighbours: rewrite j-b-1 and j (left/right of a run ending at j-1),
        # base i-a-1 and i; precomputed against every run vector of the block
        nb_cols = np.arange(max(0, J[0] - cfg.max_side - 1), min(m, J[-1] + 1))
        nb_rows = np.arange(max(0, Ib[0] - cfg.max_side - 1), min(n, Ib[-1] + 1))
        # where each band cell of these rows sits in the flat tables and in the block matrices
        starts = np.maximum(lo[Ib], J[0])
        counts = np.maximum(hi[Ib] - starts + 1, 0)
        src_row = np.repeat(np.arange(len(Ib)), counts)
        within = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        src_col = np.repeat(starts - J[0], counts) + within
        dest = np.repeat(off[Ib] + starts - lo[Ib], counts) + within
        U = {a: span.runs("b", a)[Ib - 1] for a in range(1, cfg.max_side + 1)}
        V = {b: span.runs("r", b)[J - 1] for b in range(1, cfg.max_side + 1)}
        # every run pair's cosine, with one extra row and column in front: [1:, 1:] is the bead
        # itself, [:-1, 1:] / [1:, :-1] the run one sentence shorter at the end
        Ue = {a: span.runs("b", a)[np.clip(Ib - 2, 0, None)] for a in U}
        Ve = {b: span.runs("r", b)[np.clip(J - 2, 0, None)] for b in V}
        C = {}
        for a in U:
            for b in V:
                if a + b <= cfg.max_total:
                    top = np.hstack([Ue[a][:1] @ Ve[b][:1].T, Ue[a][:1] @ V[b].T])
                    body = np.hstack([U[a] @ Ve[b][:1].T, U[a] @ V[b].T])
                    C[(a, b)] = np.vstack([top, body])
        GU = {a: U[a] @ Ys[nb_cols].T for a in U} if len(nb_cols) else {}
        GV = {b: Xs[nb_rows] @ V[b].T for b in V} if len(nb_rows) else {}
        for (a, b), table in tables.items():
            cos = C[(a, b)][1:, 1:]
            # rewrite-side neighbours of the base run
            left, right = J - b - 1, J
            lv, rv = left >= 0, right < m
            t_sum = np.zeros_like(cos)
            if len(nb_cols):
                t_sum += np.where(lv, GU[a][:, np.clip(left - nb_cols[0], 0, len(nb_cols) - 1)], 0)
                t_sum += np.where(rv, GU[a][:, np.clip(right - nb_cols[0], 0, len(nb_cols) - 1)], 0)
            t_cnt = (lv.astype(np.float32) + rv)[None, :]
            t_nb = np.where(t_cnt > 0, t_sum / np.maximum(t_cnt, 1), scale.null)
            # base-side neighbours of the rewrite run
            up, down = Ib - a - 1, Ib
            uv, dv = up >= 0, down < n
            s_sum = np.zeros_like(cos)
            if len(nb_rows):
                s_sum += np.where(uv[:, None], GV[b][np.clip(up - nb_rows[0], 0, len(nb_rows) - 1)], 0)
                s_sum += np.where(dv[:, None], GV[b][np.clip(down - nb_rows[0], 0, len(nb_rows) - 1)], 0)
            s_cnt = (uv.astype(np.float32) + dv)[:, None]
            s_nb = np.where(s_cnt > 0, s_sum / np.maximum(s_cnt, 1), scale.null)
            score = (cos - (t_nb + s_nb) / 2) / scale.gap
            if use_len:
                lb = span.base.lengths[a - 1][span.b0:span.b1][Ib - 1][:, None]
                lr = span.rewrite.lengths[b - 1][span.r0:span.r1][J - 1][None, :] * ratio
                score = score * np.log2(1 + np.minimum(lb, lr) / np.maximum(np.maximum(lb, lr), 1e-9)) \
                    ** cfg.length_weight
            valid = (Ib - a >= 0)[:, None] & (J - b >= 0)[None, :] & (
                scale.level(cos, a, b) >= cfg.min_level) & (scale.z(cos, a, b) >= cfg.min_evidence)
            # a standalone line (heading, caption) links only 1-1, and only to another standalone
            # line: glued to body sentences, or standing for one, it would hide the insertion of
            # a heading that sums up the paragraph below it
            gb = span.base.glued[a - 1][span.b0:span.b1][Ib - 1][:, None]
            gr = span.rewrite.glued[b - 1][span.r0:span.r1][J - 1][None, :]
            valid &= (~gb & ~gr) if a + b > 2 else (gb == gr)
            if span.members_evidenced and a + b > 2:
                valid &= _members_evidenced(span, Ib, J, a, b, GU, GV, nb_rows, nb_cols, scale, cfg)
            if np.isfinite(cfg.member_rival) and span.base.nearest is not None:
                valid &= ~_members_rivalled(span, Ib, J, a, b, GU, GV, nb_rows, nb_cols, scale, cfg)
            if a + b > 2 and span.base.partner is not None:
                valid &= _partners_inside(span, Ib, J, a, b, cos, scale)
            if cfg.split_many_to_many and a > 1 and b > 1:
                valid &= ~_splits_at_a_corner(span, Ib, J, a, b, C, Xs, Ys, U, V, scale, ratio, cfg)
            # every sentence of a multi-sentence side must add to the match: dropping the first or
            # the last one may not raise the cosine (else the bead swallowed an unrelated sentence)
            if a > 1:
                for shorter in (C[(a - 1, b)][1:, 1:], C[(a - 1, b)][:-1, 1:]):
                    valid &= (cos - shorter) / scale.gap >= cfg.member_gain
            if b > 1:
                for shorter in (C[(a, b - 1)][1:, 1:], C[(a, b - 1)][1:, :-1]):
                    valid &= (cos - shorter) / scale.gap >= cfg.member_gain
            score = np.where(valid, score, -np.inf)
            table[dest] = score[src_row, src_col]
    return tables


def _splits_at_a_corner(span: _Span, Ib, J, a: int, b: int, C, Xs, Ys, U, V, scale: _Scale,
                        ratio: float | None, cfg: AlignConfig) -> np.ndarray:
    """Where an m-n bead (both sides multi-sentence) is really a 1-1 link at its first or last
    corner followed or preceded by the rest: both parts are sure links (``anchor_level`` on their
    own sizes) and pairing them in order matches better than crossing them."""
    def parts(corner, rest, cross1, cross2):
        sure = cfg.anchor_level
        return ((scale.level(corner) >= sure) & (scale.level(rest, a - 1, b - 1) >= sure)
                & (corner + rest > cross1 + cross2))

    first_b = Xs[np.clip(Ib - a, 0, None)]
    first_r = Ys[np.clip(J - b, 0, None)]
    start = parts(first_b @ first_r.T, C[(a - 1, b - 1)][1:, 1:], first_b @ V[b - 1].T,
                  U[a - 1] @ first_r.T)
    end = parts(C[(1, 1)][1:, 1:], C[(a - 1, b - 1)][:-1, :-1], C[(1, b - 1)][1:, :-1],
                C[(a - 1, 1)][:-1, 1:])
    if ratio is not None and cfg.split_length_ratio > 0:
        # the split-off 1-1 must be of matching lengths: where a sentence boundary moved (part
        # of one sentence carried by the next), the corner sentences differ in length
        def fits(lb, lr):
            lr = lr * ratio
            return np.minimum(lb, lr) >= cfg.split_length_ratio * np.maximum(lb, lr)

        Lb = span.base.lengths[0][span.b0:span.b1]
        Lr = span.rewrite.lengths[0][span.r0:span.r1]
        start &= fits(Lb[np.clip(Ib - a, 0, None)][:, None], Lr[np.clip(J - b, 0, None)][None, :])
        end &= fits(Lb[Ib - 1][:, None], Lr[J - 1][None, :])
    return start | end


def _members_rivalled(span: _Span, Ib, J, a: int, b: int, GU, GV, nb_rows, nb_cols, scale: _Scale,
                      cfg: AlignConfig) -> np.ndarray:
    """Where a sentence of a bead's multi-sentence side has its nearest sentence on the other side
    outside the bead, a match on its own (``min_evidence``) and at least ``member_rival`` levels
    closer than the bead's other side: it was glued to the bead because it stands next to it (a
    neighbour whose content the rewrite carries elsewhere, an inserted sentence), not because the
    bead carries it."""
    out = np.zeros((len(Ib), len(J)), bool)
    gb, gr = span.b0 + Ib - 1, span.r0 + J - 1  # global indices of each run's last sentence

    def rivalled(rival: np.ndarray, inside: np.ndarray) -> np.ndarray:
        return (scale.z(rival) >= cfg.min_evidence) & ((rival - inside) / scale.gap >= cfg.member_rival)

    if a > 1:
        for t in range(a):
            k = np.clip(Ib - 1 - t, 0, None)  # local index of the member (cells before 0: invalid)
            inside = GV[b][np.clip(k - nb_rows[0], 0, len(nb_rows) - 1)]
            p = span.base.nearest[span.b0 + k][:, None]
            outside = (p <= gr[None, :] - b) | (p > gr[None, :])
            out |= outside & rivalled(span.base.nearest_cos[span.b0 + k][:, None], inside)
    if b > 1:
        for t in range(b):
            k = np.clip(J - 1 - t, 0, None)
            inside = GU[a][:, np.clip(k - nb_cols[0], 0, len(nb_cols) - 1)]
            p = span.rewrite.nearest[span.r0 + k][None, :]
            outside = (p <= gb[:, None] - a) | (p > gb[:, None])
            out |= outside & rivalled(span.rewrite.nearest_cos[span.r0 + k][None, :], inside)
    return out


def _members_evidenced(span: _Span, Ib, J, a: int, b: int, GU, GV, nb_rows, nb_cols, scale: _Scale,
                       cfg: AlignConfig) -> np.ndarray:
    """Where every sentence of a bead's multi-sentence side matches the bead's other side on its
    own, ``min_evidence`` null spreads above unrelated pairs (an OCR caption or a page header next
    to a moved sentence does not; each half of a moved split does)."""
    ok = np.ones((len(Ib), len(J)), bool)
    if a > 1:
        for t in range(a):
            k = np.clip(Ib - 1 - t, 0, None)
            ok &= scale.z(GV[b][np.clip(k - nb_rows[0], 0, len(nb_rows) - 1)]) >= cfg.min_evidence
    if b > 1:
        for t in range(b):
            k = np.clip(J - 1 - t, 0, None)
            ok &= scale.z(GU[a][:, np.clip(k - nb_cols[0], 0, len(nb_cols) - 1)]) >= cfg.min_evidence
    return ok


def _partners_inside(span: _Span, Ib: np.ndarray, J: np.ndarray, a: int, b: int,
                     cos: np.ndarray, scale: _Scale) -> np.ndarray:
    """Where a multi-sentence bead is one unit: none of its sentences has a sure match outside the
    bead that is closer than the bead itself (that sentence was moved, or belongs to another
    link), and at most one of its sentence pairs is a sure match (else it is two links)."""
    gb, gr = span.b0 + Ib - 1, span.r0 + J - 1  # global indices of each run's last sentence
    ok = np.ones((len(Ib), len(J)), bool)
    bead = scale.level(cos, a, b)
    sure_inside = np.zeros((len(Ib), len(J)), np.int8)
    later = np.full((len(Ib), len(J)), np.iinfo(np.int64).max)  # partner of the next sure pair
    for t in range(a):  # from the bead's last base sentence back
        k = np.clip(gb - t, 0, None)
        p = span.base.partner[k][:, None]
        inside = (p > gr[None, :] - b) & (p <= gr[None, :])
        sure_inside += inside
        # sure pairs inside must keep their order: two crossed sure pairs are a swap, two links
        ok &= ~inside | (p < later)
        later = np.where(inside, p, later)
        # a sure pair inside must be carried better by the bead than on its own (Vecalign's rule
        # that a 3-1 beats the 1-1 plus two deletions): else the others are deleted, not merged
        # (not in the move step's small DPs: there a bead that loses its seed fails ``move_level``
        # and no move is made, the cautious outcome; the 1-1 seed alone moved a headline in 001)
        if span.sure_pair_rule:
            ok &= ~inside | (span.base.partner_cos[k][:, None] <= cos + span.sure_pair_slack * scale.gap)
        # also on a bead's one-sentence side: a copied sentence (cosine 1.0 to a base sentence
        # next door) may not stand for a run of the dropped sentences around its true partner
        ok &= (p < 0) | inside | (scale.level(span.base.partner_cos[k])[:, None] <= bead)
    for t in range(b):
        k = np.clip(gr - t, 0, None)
        p = span.rewrite.partner[k][None, :]
        ok &= (p < 0) | ((p > gb[:, None] - a) & (p <= gb[:, None])) | (
            scale.level(span.rewrite.partner_cos[k])[None, :] <= bead)
    return ok & (sure_inside <= span.max_sure_inside)


def _dp(span: _Span, lo, hi, scale: _Scale, ratio: float | None, cfg: AlignConfig
        ) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The best monotone path of beads through the band, as (base, rewrite) local index tuples."""
    n, m = span.b1 - span.b0, span.r1 - span.r0
    width = hi - lo + 1
    off = np.concatenate([[0], np.cumsum(width)])
    types = _bead_types(cfg)
    with _one_blas_thread():
        tables = _score_tables(span, lo, hi, off, types, scale, ratio, cfg)
    cost = np.full(int(off[-1]), -np.inf)
    back = np.full(int(off[-1]), -1, np.int8)
    INSERT = len(types)
    skip = cfg.skip
    lo_, hi_, off_ = lo.tolist(), hi.tolist(), off.tolist()
    for i in range(n + 1):
        li, hi_i, oi = lo_[i], hi_[i], off_[i]
        J = np.arange(li, hi_i + 1)
        best = np.full(len(J), -np.inf)
        arg = np.full(len(J), -1, np.int8)
        if i == 0:
            best[0] = 0.0  # the origin (lo[0] is 0)
        for t, (a, b) in enumerate(types):
            if i < a:
                continue
            p = i - a
            # cells j of this row whose predecessor (p, j - b) lies in row p's band: one slice
            j0, j1 = max(li, lo_[p] + b), min(hi_i, hi_[p] + b)
            if j0 > j1:
                continue
            q0 = off_[p] + j0 - b - lo_[p]
            cand = cost[q0:q0 + j1 - j0 + 1] + (
                skip if b == 0 else tables[(a, b)][oi + j0 - li:oi + j1 - li + 1])
            seg = best[j0 - li:j1 - li + 1]
            better = cand > seg
            seg[better] = cand[better]
            arg[j0 - li:j1 - li + 1][better] = t
        # insertions along the row: cost[j] = max over k <= j of best[k] + (j - k) * skip
        shifted = best - J * skip
        run = np.maximum.accumulate(shifted)
        via_insert = run > shifted
        cost[oi:off_[i + 1]] = np.where(via_insert, run + J * skip, best)
        back[oi:off_[i + 1]] = np.where(via_insert, INSERT, arg)
    beads = []
    i, j = n, m
    while i > 0 or j > 0:
        t = int(back[off[i] + j - lo[i]])
        a, b = (0, 1) if t == INSERT else types[t]
        beads.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    return beads[::-1]


def _similarity(base: _Side, rewrite: _Side, bi: tuple[int, ...], rj: tuple[int, ...]) -> float:
    u = base.runs[len(bi) - 1][bi[-1]]
    v = rewrite.runs[len(rj) - 1][rj[-1]]
    return float(np.dot(u, v))


def _align_span(span: _Span, scale: _Scale, ratio: float | None, cfg: AlignConfig,
                near: _Nearest | None = None) -> list[tuple[tuple[int, ...], tuple[int, ...], float | None]]:
    """Monotone alignment of one span; links below ``min_level`` become deletion + insertion."""
    n, m = span.b1 - span.b0, span.r1 - span.r0
    anchors = _anchors(span.runs("b", 1), span.runs("r", 1), scale, cfg, near)
    lo, hi = _band(anchors, n, m, cfg.window + cfg.max_side, cfg.fixed_anchors)
    out = []
    for bl, rl in _dp(span, lo, hi, scale, ratio, cfg):
        bi = tuple(span.b0 + k for k in bl)
        rj = tuple(span.r0 + k for k in rl)
        if bi and rj:
            sim = _similarity(span.base, span.rewrite, bi, rj)
            if (scale.level(sim, len(bi), len(rj)) >= cfg.min_level
                    and scale.z(sim, len(bi), len(rj)) >= cfg.min_evidence):
                out.append((bi, rj, sim))
                continue
        out.extend(((k,), (), None) for k in bi)
        out.extend(((), (k,), None) for k in rj)
    return out


# -- stage 4: moves ------------------------------------------------------------------------------

def _runs_of(indices: list[int]) -> dict[int, tuple[int, int]]:
    """Each index -> the [start, end) of the run of consecutive indices it belongs to."""
    out: dict[int, tuple[int, int]] = {}
    k = 0
    while k < len(indices):
        e = k
        while e + 1 < len(indices) and indices[e + 1] == indices[e] + 1:
            e += 1
        for p in range(k, e + 1):
            out[indices[p]] = (indices[k], indices[e] + 1)
        k = e + 1
    return out


def _recover_moves(base: _Side, rewrite: _Side, links, scale: _Scale, ratio, near: _Nearest,
                   cfg: AlignConfig):
    """Link deleted base content to inserted rewrite content that is its two-way nearest match.

    A seed is a deleted base sentence and an inserted rewrite sentence that are each other's nearest
    in the *whole* other document (so neither is carried better by a link elsewhere), at
    ``move_level``. A small DP between the deleted and the inserted runs around each seed links its
    neighbours too; every link it makes must itself reach ``move_level`` on its own size's scale.
    """
    moved = []
    for _ in range(4):  # each round links at least one pair or stops
        deleted = sorted(b[0] for b, r, _ in links if not r)
        inserted = sorted(r[0] for b, r, _ in links if not b)
        if not deleted or not inserted:
            break
        is_inserted = np.zeros(len(rewrite), bool)
        is_inserted[inserted] = True
        dels = np.array(deleted)
        nearest_r = near.row_idx[dels, 0]
        keep = (is_inserted[nearest_r] & (near.col_idx[nearest_r, 0] == dels)
                & (scale.level(near.row_val[dels, 0]) >= cfg.move_level)
                # debris without words looks like any other debris: no content to move
                & ~base.wordless[dels] & ~rewrite.wordless[nearest_r])
        seeds = sorted(zip(dels[keep].tolist(), nearest_r[keep].tolist(), strict=True))
        if not seeds:
            break
        d_runs, i_runs = _runs_of(deleted), _runs_of(inserted)
        spans, claimed_b, claimed_r = [], set(), set()
        for d, r in seeds:
            (b0, b1), (r0, r1) = d_runs[d], i_runs[r]
            # the DP around the seed: at most a few sentences beyond it, within both runs
            reach = cfg.max_side + cfg.window
            b0, b1 = max(b0, d - reach), min(b1, d + reach + 1)
            r0, r1 = max(r0, r - reach), min(r1, r + reach + 1)
            if claimed_b.intersection(range(b0, b1)) or claimed_r.intersection(range(r0, r1)):
                continue
            claimed_b.update(range(b0, b1))
            claimed_r.update(range(r0, r1))
            spans.append(_Span(base, rewrite, b0, b1, r0, r1, sure_pair_rule=False, members_evidenced=True))
        found = []
        for span in spans:
            found += [x for x in _align_span(span, scale, ratio, cfg)
                      if x[0] and x[1] and scale.level(x[2], len(x[0]), len(x[1])) >= cfg.move_level]
        if not found:
            break
        used_b = {k for b, _, _ in found for k in b}
        used_r = {k for _, r, _ in found for k in r}
        links = [x for x in links if not (x[0] and not x[1] and x[0][0] in used_b)
                 and not (x[1] and not x[0] and x[1][0] in used_r)]
        links += found
        moved += found
    return links, {(b, r) for b, r, _ in moved}


def _release_sure_pairs(links, base: _Side, rewrite: _Side, scale: _Scale, cfg: AlignConfig):
    """Undo a 1-1 link that holds one sentence of a sure pair whose other sentence the DP left
    unlinked, when the sure pair is at least ``release_levels`` surer than the link: the rewrite
    moved that sentence across another sure pair, and the DP, bound to an order, matched it to
    whatever stood in its place (an exact copy lost to a stranger). The two sentences of the link
    become a deletion and an insertion, for the move step to link.
    """
    deleted = {b[0] for b, r, _ in links if b and not r}
    inserted = {r[0] for b, r, _ in links if r and not b}
    out = []
    for b, r, sim in links:
        if len(b) == 1 and len(r) == 1:
            i, j = b[0], r[0]
            pi, pj = int(base.partner[i]), int(rewrite.partner[j])
            stranded = [c for c, free in ((base.partner_cos[i], pi in inserted),
                                          (rewrite.partner_cos[j], pj in deleted)) if free]
            if any(scale.level(c) - scale.level(sim) >= cfg.release_levels for c in stranded):
                out += [(b, (), None), ((), r, None)]
                continue
        out.append((b, r, sim))
    return out


def _out_of_order(links, moved: set) -> set:
    """The moved links that really break the reading order: a link the move step made between the
    in-order links around it, in their order, is an ordinary link the DP missed."""
    fixed = sorted((b[0], r[0], r[-1]) for b, r, _ in links if b and r and (b, r) not in moved)
    firsts = [f[0] for f in fixed]
    out = set()
    for b, r in moved:
        k = bisect.bisect_left(firsts, b[0])
        if (k and fixed[k - 1][2] > r[0]) or (k < len(fixed) and fixed[k][1] < r[-1]):
            out.add((b, r))
    return out


# -- the whole aligner ---------------------------------------------------------------------------

def align(base_vectors: np.ndarray, rewrite_vectors: np.ndarray, *,
          embed: Callable[[list[str]], np.ndarray] | None = None,
          embed_runs: Callable[[Sequence[str], Sequence[tuple[int, int]]], np.ndarray] | None = None,
          base_texts: Sequence[str] | None = None, rewrite_texts: Sequence[str] | None = None,
          base_standalone: Sequence[bool] | None = None, rewrite_standalone: Sequence[bool] | None = None,
          config: AlignConfig = AlignConfig(), null: np.ndarray | None = None) -> list[AlignedPair]:
    """Align base sentences to rewrite sentences; every index of each side lands in exactly one pair.

    ``base_vectors``/``rewrite_vectors``: float32, one L2-normalised row per sentence. ``embed``
    encodes joined neighbouring sentences for many-to-many links (one call, distinct strings);
    ``embed_runs(texts, [(start, end), …])``, where given, gives those runs' vectors instead, from
    one side's texts (:func:`drift.embedding.encode_runs`: the multilingual USE pools them from the
    sentences' token features, :mod:`drift.pooling`); without either, a run's vector is the
    normalised sum of its sentences'. The texts give lengths.
    Pairs come in base order; an inserted pair stands after the link before it in the rewrite.

    >>> import numpy as np
    >>> v = np.eye(3, dtype=np.float32)
    >>> [(p.base, p.rewrite) for p in align(v, v[[0, 2]])]
    [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    """
    cfg = config
    X0 = _as_matrix(base_vectors, None)
    Y0 = _as_matrix(rewrite_vectors, X0.shape[1] if X0.size else None)
    n, m = len(X0), len(Y0)
    if n == 0 or m == 0:
        return ([AlignedPair((i,), (), None, 1.0, False) for i in range(n)]
                + [AlignedPair((), (j,), None, 1.0, False) for j in range(m)])
    X, Y = _unit_rows(X0), _unit_rows(Y0)
    base, rewrite = _build_sides(X, Y, base_texts, rewrite_texts, base_standalone, rewrite_standalone,
                                 cfg)
    near = _nearest(X, Y, cfg.top_k, cfg.block_rows)
    scale = _run_nulls(base, rewrite, _calibrate(X, Y, near, cfg, null), cfg)
    # sure matches (mutual nearest by margin, anchor level): no multi-sentence bead may take in a
    # sentence whose sure match lies outside it (else a moved sentence is glued to its neighbour)
    i, j, cos = _mutual_best(near, margin=True)
    sure = scale.level(cos) >= cfg.anchor_level
    base.partner, rewrite.partner = np.full(n, -1), np.full(m, -1)
    base.partner[i[sure]], rewrite.partner[j[sure]] = j[sure], i[sure]
    base.partner_cos, rewrite.partner_cos = np.zeros(n, np.float32), np.zeros(m, np.float32)
    base.partner_cos[i[sure]], rewrite.partner_cos[j[sure]] = cos[sure], cos[sure]
    base.nearest, base.nearest_cos = near.row_idx[:, 0], near.row_val[:, 0]
    rewrite.nearest, rewrite.nearest_cos = near.col_idx[:, 0], near.col_val[:, 0]
    ratio = None
    if base.lengths is not None and rewrite.lengths is not None:
        ratio = float(base.lengths[0].sum() / max(rewrite.lengths[0].sum(), 1.0))

    # the pair's rules (parallel text or a loose rewrite); the first pass, which only picks the
    # runs worth encoding, keeps the loose rules (their few merges bound the encoding cost) but
    # every bead type and member, so that it encodes every run the second pass might link
    pair = _for_pair(cfg, near, scale, ratio is not None)
    loose = replace(cfg, many_max_side=cfg.max_side, member_rival=float("inf"),
                    encode_max_side=pair.encode_max_side)
    cfg = pair
    sure = _sure_evidence(n * m, cfg)
    if not related(near, scale, sure):  # two unrelated articles: only sure links
        loose, cfg = _for_unrelated(loose, sure), _for_unrelated(cfg, sure)
    whole = _Span(base, rewrite, 0, n, 0, m, sure_pair_slack=cfg.sure_pair_slack,
                  max_sure_inside=cfg.max_sure_pairs)
    if (embed is not None or embed_runs is not None) and base.lengths is not None and cfg.max_side > 1:
        # second pass: encode the joined sentences wherever the first pass was not a plain 1-1
        if cfg.encode_radius < 0:
            runs = tuple({(a, e) for a in range(2, cfg.max_side + 1) for e in range(k)} for k in (n, m))
        else:
            first = _Span(base, rewrite, 0, n, 0, m, max_sure_inside=loose.max_sure_pairs)
            Lb, Lr = base.lengths[0], rewrite.lengths[0]

            def unequal(i: int, j: int) -> bool:  # a 1-1 whose lengths disagree: part of a bigger bead?
                lb, lr = Lb[i], Lr[j] * ratio
                return min(lb, lr) < cfg.encode_length_ratio * max(lb, lr)

            *_, boxes = _uncertain_ends(_align_span(first, scale, ratio, loose, near), n, m,
                                        cfg.encode_radius, min(cfg.max_side, cfg.encode_max_side),
                                        unequal)
            runs = _promising_runs(base, rewrite, boxes, scale, loose)
        _embed_runs((base, rewrite), (base_texts, rewrite_texts), runs, embed, cfg, embed_runs)
    links = _align_span(whole, scale, ratio, cfg, near)
    moved: set = set()
    if cfg.detect_moves:
        links = _release_sure_pairs(links, base, rewrite, scale, cfg)
        links, moved = _recover_moves(base, rewrite, links, scale, ratio, near, cfg)
        moved = _out_of_order(links, moved)

    best_b = near.row_val[:, 0]  # each sentence's closest cosine on the other side
    best_r = near.col_val[:, 0]
    pairs = []
    for b, r, sim in links:
        if b and r:
            conf = scale.confidence(sim, len(b), len(r), cfg.evidence_range)
        else:
            best = best_b[b[0]] if b else best_r[r[0]]
            conf = float(1.0 - np.clip(scale.level(best), 0.0, 1.0))
        pairs.append(AlignedPair(b, r, sim, conf, (b, r) in moved))
    return _in_base_order(pairs)


def _in_base_order(pairs: list[AlignedPair]) -> list[AlignedPair]:
    """Sort by base; an insertion goes right after the in-order link before it in the rewrite."""
    anchor_of: dict[int, float] = {}  # rewrite index -> base position of the in-order link holding it
    for p in pairs:
        if p.base and p.rewrite and not p.moved:
            for r in p.rewrite:
                anchor_of[r] = max(p.base) + 0.5
    keyed = []
    last = -0.5
    inserted = sorted((p for p in pairs if not p.base), key=lambda p: p.rewrite[0])
    ins_iter = iter(inserted)
    nxt = next(ins_iter, None)
    for r in range(max((max(p.rewrite) for p in pairs if p.rewrite), default=-1) + 1):
        if r in anchor_of:
            last = anchor_of[r]
        while nxt is not None and nxt.rewrite[0] == r:
            keyed.append(((last, 1, r), nxt))
            nxt = next(ins_iter, None)
    keyed += [((float(min(p.base)), 0, 0), p) for p in pairs if p.base]
    keyed.sort(key=lambda kp: kp[0])
    return [p for _, p in keyed]
