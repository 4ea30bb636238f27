"""Optional NLI evidence: does the rewrite side of a link follow from the base side?

No NLI model ships on PyPI, so drift never downloads one: the user points :class:`NLIScorer` at a
cross-encoder NLI model already on disk (or in the local Hugging Face cache). torch and
transformers are imported only when a scorer is made.

>>> scorer = NLIScorer("path/to/nli-deberta-v3-small")                       # doctest: +SKIP
>>> scorer.scores(["The opposition won."], ["The opposition lost."])         # doctest: +SKIP
[{'contradiction': 0.97, 'entailment': 0.01, 'neutral': 0.02}]
"""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Sequence
from typing import Any

from drift.errors import ModelError

LABELS = ("contradiction", "entailment", "neutral")


def _label_name(raw: str) -> str | None:
    low = str(raw).lower()
    for name in LABELS:
        if low.startswith(name[:6]):  # "contradiction", "CONTRADICTION", "entail", "entailment"
            return name
    return None


class NLIScorer:
    """A cross-encoder NLI model (transformers sequence classification, or a sentence-transformers
    ``CrossEncoder``) that scores premise → hypothesis pairs, in batches, offline.

    ``model`` is a local directory or a model name already in the local cache, or a loaded
    ``CrossEncoder``. Which output is which label comes from the model config's ``id2label``.
    """

    def __init__(self, model: str | os.PathLike[str] | Any, *, batch_size: int = 16, max_length: int = 256):
        self.batch_size = batch_size
        self.max_length = max_length
        try:
            import torch  # noqa: F401  (fail early, with a clear message, if torch is missing)
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
        except ImportError as e:
            raise ModelError(f"NLI evidence needs torch and transformers: {e}") from None
        if hasattr(model, "model") and hasattr(model, "tokenizer"):  # a sentence-transformers CrossEncoder
            self.name = str(getattr(model.model.config, "_name_or_path", "cross-encoder"))
            self._model, self._tokenizer = model.model, model.tokenizer
        else:
            self.name = str(model)
            from transformers.utils import logging as hf_logging

            bars = hf_logging.is_progress_bar_enabled()
            hf_logging.disable_progress_bar()  # loading a local model needs no progress bar
            try:
                self._tokenizer = AutoTokenizer.from_pretrained(str(model), local_files_only=True)
                self._model = AutoModelForSequenceClassification.from_pretrained(
                    str(model), local_files_only=True)
            except (OSError, ValueError) as e:
                raise ModelError(f"cannot load the NLI model {self.name!r} from local files "
                                 f"(drift never downloads models): {e}") from None
            finally:
                if bars:
                    hf_logging.enable_progress_bar()
        self._model.eval()
        id2label = getattr(self._model.config, "id2label", {}) or {}
        self._index: dict[str, int] = {}
        for i, raw in id2label.items():
            name = _label_name(raw)
            if name is not None:
                self._index[name] = int(i)
        missing = [n for n in LABELS if n not in self._index]
        if missing:
            raise ModelError(f"the model {self.name!r} is not a 3-way NLI model: its labels "
                             f"{dict(id2label)} lack {missing}")

    def scores(self, premises: Sequence[str], hypotheses: Sequence[str]) -> list[dict[str, float]]:
        """One ``{"contradiction", "entailment", "neutral"}`` probability dict per pair."""
        import torch

        if len(premises) != len(hypotheses):
            raise ValueError(f"{len(premises)} premises but {len(hypotheses)} hypotheses")
        out: list[dict[str, float]] = []
        for k in range(0, len(premises), self.batch_size):
            batch = self._tokenizer(list(premises[k:k + self.batch_size]),
                                    list(hypotheses[k:k + self.batch_size]), padding=True,
                                    truncation=True, max_length=self.max_length, return_tensors="pt")
            if "token_type_ids" not in self._forward_args:  # DistilBERT/RoBERTa-style models
                batch.pop("token_type_ids", None)
            with torch.no_grad():
                logits = self._model(**batch).logits
            probs = torch.softmax(logits.float(), dim=-1).tolist()
            out.extend({name: float(row[i]) for name, i in self._index.items()} for row in probs)
        return out

    @functools.cached_property
    def _forward_args(self) -> set[str]:
        return set(inspect.signature(self._model.forward).parameters)
