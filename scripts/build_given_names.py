"""Build drift's table of given names by gender (drift/data/names/) from nomquamgender's data.

Source: nomquamgender 0.1.4 (Ian Van Buskirk, MIT licence; PyPI package, ``name_data.json``), which
pools name–gender counts from national and bibliographic sources: for each name, how many
sources list it, its count, and p(gf), the share of its bearers who are women (Van Buskirk,
Clauset & Larremore, "An open-source cultural consensus approach to name-based gender
classification", ICWSM 2023). Run ``pip install nomquamgender`` first; drift itself does not need
the package (its table takes seconds to load; this one a fraction).

Kept: names listed by at least :data:`MIN_SOURCES` sources with at least :data:`MIN_COUNT` bearers
whose p(gf) is at most :data:`SURE` (men's names) or at least 1 − :data:`SURE` (women's), as
``name<TAB>m|f`` lines in code-point order, gzip-compressed, with ``ATTRIBUTION`` beside them.

usage: python scripts/build_given_names.py [OUT_DIR]
"""

from __future__ import annotations

import gzip
import importlib.resources
import json
import sys
from pathlib import Path

MIN_SOURCES, MIN_COUNT, SURE = 5, 200, 0.05
OUT = Path(__file__).resolve().parents[1] / "drift" / "data" / "names"


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    out.mkdir(parents=True, exist_ok=True)
    data = json.loads(importlib.resources.files("nomquamgender").joinpath("name_data.json").read_text())
    rows = []
    for name, (sources, count, pgf, *_) in data.items():
        if sources < MIN_SOURCES or count < MIN_COUNT or not name.isalpha():
            continue
        if pgf <= SURE:
            rows.append(f"{name}\tm")
        elif pgf >= 1 - SURE:
            rows.append(f"{name}\tf")
    rows.sort()
    with gzip.open(out / "given_names.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(rows) + "\n")
    (out / "ATTRIBUTION").write_text(
        "given_names.tsv.gz: derived from nomquamgender 0.1.4 (name_data.json), (c) 2022 Ian Van Buskirk,\n"
        "MIT licence (https://github.com/ianvanbuskirk/nomquamgender).\n"
        "Built by scripts/build_given_names.py:\n"
        f"names listed by >= {MIN_SOURCES} sources with >= {MIN_COUNT} bearers and p(female) <= {SURE} (m)\n"
        f"or >= {1 - SURE} (f).\n", encoding="utf-8")
    print(f"{len(rows)} names → {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
