"""Language identification per document (py3langid: offline, pure Python with numpy)."""

from __future__ import annotations

from functools import lru_cache

#: Below this many letters a guess is not worth reporting.
MIN_LETTERS = 20


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, *, min_probability: float = 0.5) -> str | None:
    """The ISO 639-1 code of the text's language, or None when too short or unsure.

    >>> detect_language("Maduro told a crowd outside the presidential palace that he wanted peace.")
    'en'
    """
    sample = text[:20_000]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    return code if probability >= min_probability else None
