"""NLI evidence from a user-supplied model, offline; tested on a tiny random model built here."""

from __future__ import annotations

import pytest

from drift.errors import ModelError

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
tokenizers = pytest.importorskip("tokenizers")

WORDS = str.split("the opposition won lost overwhelmingly us military is no match for cannot compete with")


def build_tiny_nli(path, id2label: dict[int, str]) -> None:
    """A 2-layer, 32-wide BERT classifier with random weights and a word-level tokenizer."""
    from tokenizers import Tokenizer
    from tokenizers.models import WordLevel
    from tokenizers.pre_tokenizers import Whitespace
    from tokenizers.processors import TemplateProcessing
    from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast

    vocab = {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3} | {w: i + 4 for i, w in enumerate(WORDS)}
    tok = Tokenizer(WordLevel(vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = Whitespace()
    tok.post_processor = TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", 2), ("[SEP]", 3)])
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]",
                                   cls_token="[CLS]", sep_token="[SEP]")
    fast.save_pretrained(path)
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=64, num_labels=len(id2label),
                        id2label=id2label, label2id={v: k for k, v in id2label.items()})
    BertForSequenceClassification(config).save_pretrained(path)


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    path = tmp_path_factory.mktemp("tiny-nli")
    build_tiny_nli(path, {0: "contradiction", 1: "entailment", 2: "neutral"})
    return path


PREMISES = ["the opposition won overwhelmingly", "the military is no match for the us", "the us", "won",
            "the opposition lost"]
HYPOTHESES = ["the opposition lost overwhelmingly", "the us cannot compete with the military", "the us",
              "lost", "the opposition won"]


def test_scores_are_probabilities_of_the_three_labels_per_pair(tiny_model):
    from drift.nli import NLIScorer

    scores = NLIScorer(tiny_model, batch_size=2).scores(PREMISES, HYPOTHESES)
    assert len(scores) == len(PREMISES)
    for s in scores:
        assert set(s) == {"contradiction", "entailment", "neutral"}
        assert sum(s.values()) == pytest.approx(1.0, abs=1e-5)
        assert all(0.0 <= p <= 1.0 for p in s.values())


def test_batching_does_not_change_the_scores(tiny_model):
    from drift.nli import NLIScorer

    one = NLIScorer(tiny_model, batch_size=1).scores(PREMISES, HYPOTHESES)
    all_at_once = NLIScorer(tiny_model, batch_size=16).scores(PREMISES, HYPOTHESES)
    for a, b in zip(one, all_at_once, strict=True):
        for label in a:
            assert a[label] == pytest.approx(b[label], abs=1e-4)


def test_label_order_comes_from_the_model_config(tmp_path):
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from drift.nli import NLIScorer

    build_tiny_nli(tmp_path, {0: "ENTAILMENT", 1: "NEUTRAL", 2: "CONTRADICTION"})
    tok = AutoTokenizer.from_pretrained(tmp_path, local_files_only=True)
    model = AutoModelForSequenceClassification.from_pretrained(tmp_path, local_files_only=True).eval()
    with torch.no_grad():
        probs = torch.softmax(model(**tok(["the us"], ["won"], return_tensors="pt")).logits, -1)[0]
    (score,) = NLIScorer(tmp_path).scores(["the us"], ["won"])
    assert score["entailment"] == pytest.approx(float(probs[0]), abs=1e-5)
    assert score["contradiction"] == pytest.approx(float(probs[2]), abs=1e-5)


def test_empty_input_and_mismatched_lengths(tiny_model):
    from drift.nli import NLIScorer

    scorer = NLIScorer(tiny_model)
    assert scorer.scores([], []) == []
    with pytest.raises(ValueError):
        scorer.scores(["a"], ["a", "b"])


def test_a_model_without_nli_labels_is_refused(tmp_path):
    from drift.nli import NLIScorer

    build_tiny_nli(tmp_path, {0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"})
    with pytest.raises(ModelError, match="not a 3-way NLI model"):
        NLIScorer(tmp_path)


def test_a_missing_model_is_a_model_error_and_nothing_is_downloaded(tmp_path):
    from drift.nli import NLIScorer

    with pytest.raises(ModelError, match="local files"):
        NLIScorer(tmp_path / "no-such-model")
