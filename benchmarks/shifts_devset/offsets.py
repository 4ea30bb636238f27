"""Fill in the exact character offsets of the hand annotations in this folder.

usage: python benchmarks/shifts_devset/offsets.py [FILE.json ...]

Each annotation names sentences by a piece of their text and shifts by their words; this script
finds them in the seed files (drift/data/seeds/) and writes back, for every link,
``base_sentences`` / ``rewrite_sentences`` as ``{"text", "start", "end"}`` and, for every shift,
``base_span`` / ``rewrite_span`` as ``[start, end)`` into the seed file's text. ``base_nth`` /
``rewrite_nth`` pick a later occurrence of the words inside the link (0 = first). It fails loudly
when a piece of text is missing or names more than one sentence, so the stored offsets are exact.
Sentences are found with drift's own splitter once, here; the evaluation reads only the stored
offsets.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[1] / "drift" / "data" / "seeds"
sys.path.insert(0, str(HERE.parents[1]))

from drift.segmenting import split_sentences  # noqa: E402


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in split_sentences(text, "en")]


def _resolve(refs: list[str], text: str, sentences: list[tuple[int, int]], where: str) -> list[dict]:
    out = []
    for ref in refs:
        hits = [(a, b) for a, b in sentences if ref in text[a:b]]
        if len(hits) != 1:
            raise SystemExit(f"{where}: {ref!r} names {len(hits)} sentences, not one")
        a, b = hits[0]
        out.append({"text": text[a:b], "start": a, "end": b})
    return sorted(out, key=lambda s: s["start"])


def _span(words: str | None, nth: int, text: str, sentences: list[dict], where: str) -> list[int] | None:
    if words is None:
        return None
    found = []
    for s in sentences:
        at = text.find(words, s["start"], s["end"])
        while at != -1 and at + len(words) <= s["end"]:
            found.append([at, at + len(words)])
            at = text.find(words, at + 1, s["end"])
    if len(found) <= nth:
        raise SystemExit(f"{where}: {words!r} (occurrence {nth}) is not in the link's sentences")
    return found[nth]


def _compact(text: str) -> str:
    """Spans and one-item lists on one line, so the annotation stays readable."""
    text = re.sub(r"\[\s+(\d+),\s+(\d+)\s+\]", r"[\1, \2]", text)
    return re.sub(r'\[\s+("(?:[^"\\]|\\.)*")\s+\]', r"[\1]", text)


def fill(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    base_text = (SEEDS / data["base_file"]).read_text(encoding="utf-8")
    rewrite_text = (SEEDS / data["rewrite_file"]).read_text(encoding="utf-8")
    bs, rs = _sentences(base_text), _sentences(rewrite_text)
    for k, link in enumerate(data["links"]):
        where = f"{path.name} link {k}"
        link["base_sentences"] = _resolve(link["base"], base_text, bs, where)
        link["rewrite_sentences"] = _resolve(link["rewrite"], rewrite_text, rs, where)
        for shift in link["shifts"]:
            shift["base_span"] = _span(shift.get("base_words"), shift.get("base_nth", 0), base_text,
                                       link["base_sentences"], where)
            shift["rewrite_span"] = _span(shift.get("rewrite_words"), shift.get("rewrite_nth", 0),
                                          rewrite_text, link["rewrite_sentences"], where)
    for item in data.get("deleted", []):
        item["base_sentences"] = _resolve(item["base"], base_text, bs, f"{path.name} deleted")
    for item in data.get("inserted", []):
        item["rewrite_sentences"] = _resolve(item["rewrite"], rewrite_text, rs, f"{path.name} inserted")
    path.write_text(_compact(json.dumps(data, ensure_ascii=False, indent=1)) + "\n", encoding="utf-8")
    n = sum(len(link["shifts"]) for link in data["links"])
    print(f"{path.name}: {len(data['links'])} links, {n} shifts, offsets written")


if __name__ == "__main__":
    files = [Path(p) for p in sys.argv[1:]] or sorted(HERE.glob("[0-9]*.json"))
    for f in files:
        fill(f)
