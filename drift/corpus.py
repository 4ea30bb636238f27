"""The example corpus: five published versions of one news story (see ``data/seeds/README.md``).

``002`` is the original report (Al Jazeera); the others are a spun paraphrase (``000``), a
shortened translation round trip that adds a claim (``001``) and two editorial rewrites (``003``,
``004``). The texts are third-party news articles, shipped as research material with attribution.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

BASE_ID = "002"
REWRITE_IDS = ("000", "001", "003", "004")


def example_paths() -> list[Path]:
    """Paths of the example files, the base first, then the rewrites in id order."""
    folder = Path(str(resources.files("drift") / "data" / "seeds"))
    by_id = {p.name.split("_")[0]: p for p in folder.glob("*.txt")}
    return [by_id[i] for i in (BASE_ID, *REWRITE_IDS)]


def load_example() -> list[Path]:
    """The example corpus as paths, base first: ``drift.compare(*drift.load_example())``."""
    return example_paths()


def example_attribution() -> str:
    """The corpus README: where the texts come from and what each version is."""
    return (Path(str(resources.files("drift") / "data" / "seeds")) / "README.md").read_text(encoding="utf-8")
