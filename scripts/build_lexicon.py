"""Build drift's English lexicon (drift/data/lexicon/) from Open English WordNet.

Source: Open English WordNet (github globalwordnet/english-wordnet, CC BY 4.0), its YAML sources
``src/yaml/*.yaml`` read from a git directory at a pinned commit (nothing is downloaded here).
Output: ``en_wordnet.txt.gz`` and ``ATTRIBUTION`` beside it. The data holds what drift's
detectors use, nothing more, as UTF-8 text in three blocks separated by an empty line: one line of
JSON with the small tables, then the synset lines, then the lemma lines. The two large tables are
lines rather than JSON so that the library loads in a fraction of a second (a split, no parse) and
reads a line only when asked about it:

- ``synsets``: one line per synset, sorted by WordNet id, its row number the line's; five fields
  separated by tabs: pos (``n v a s r``), members (the lemmas in WordNet's order, ``|``-separated),
  hypernyms (row numbers, space-separated), antonyms (rows of the synsets holding an antonym of one
  of its senses: the sense relation lifted to synsets), head (an adjective satellite's head row,
  its ``similar`` link, else empty), also (WordNet's *also see* rows, the synset relation and the
  sense relation lifted to synsets: *current* → *new*, *modern*; adjectives and verbs).
- ``lemmas``: one line per lemma, lines in code-point order (so a lemma is found by bisection):
  the lemma, then a tab-separated field per part of speech, the pos followed by the rows of its
  senses in WordNet's sense order (satellites filed under ``a``): ``"king\tn 1 2 3"``.

The JSON line holds ``source`` (repository, path, commit) and:

- ``antonyms``: ``{lemma: {pos: [lemma, ...]}}``, the sense-level antonym relation.
- ``derived_antonyms``: ``{lemma: {pos: [lemma, ...]}}``: a derivationally related form of an
  antonym of one of the lemma's senses, or an antonym of one of its derivationally related forms,
  or both (success ↔ fail, presence ↔ absent).
- ``forms``: ``{form: {pos: [lemma, ...]}}``: the irregular forms (WordNet's exception lists:
  mice → mouse, went → go), for lemmatising the way WordNet's morphy does.
- ``gendered``: ``[[male, female], ...]``: noun pairs for the same role, one under *male person*
  and one under *female person* in the hypernym hierarchy, tied either by an antonym relation
  (king/queen, brother/sister) or by a shared hypernym plus an English feminine derivation
  (actor/actress, spokesman/spokeswoman, hero/heroine; see :data:`FEMININE`).
- ``gender``: ``{lemma: "male" | "female"}``: nouns whose most frequent sense (WordNet's first)
  is a male or a female person.

Run: ``python scripts/build_lexicon.py [--git DIR] [--commit SHA] [--out DIR]``; takes a minute or
two (the YAML is ~50 MB). ``tests/test_lexicon.py`` rebuilds it and compares with the shipped file.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
from collections import defaultdict
from pathlib import Path

import yaml

#: The commit of globalwordnet/english-wordnet the shipped data comes from.
COMMIT = "d94538ad0df3d7a4c77837bde6af69d7a6592c32"
#: Where the git directory is looked for when ``--git`` is not given.
GIT_DIR = os.environ.get("DRIFT_WORDNET_GIT", "/work/.mirror/globalwordnet+english-wordnet/repo")
OUT = Path(__file__).resolve().parents[1] / "drift" / "data" / "lexicon"
DATA_FILE = "en_wordnet.txt.gz"

PERSON, MALE_PERSON, FEMALE_PERSON = "00007846-n", "09647338-n", "09642198-n"
#: English feminine derivations (suffix of the male noun → suffix of the female one), from the
#: grammar of English word formation: -ess (host/hostess, actor/actress, god/goddess), -ine
#: (hero/heroine), -ette, -trix, and -man/-woman, -boy/-girl, -father/-mother compounds.
FEMININE: tuple[tuple[str, str], ...] = (
    ("", "ess"), ("er", "ress"), ("or", "ress"), ("", "dess"), ("e", "ess"), ("", "ine"),
    ("", "ette"), ("or", "rix"), ("man", "woman"), ("men", "women"), ("boy", "girl"),
    ("father", "mother"), ("son", "daughter"), ("brother", "sister"), ("king", "queen"),
    ("groom", "bride"), ("husband", "wife"), ("uncle", "aunt"), ("nephew", "niece"),
)
_WHOLE_WORDS = {m for m, f in FEMININE if len(m) > 2}

ATTRIBUTION = """\
drift/data/lexicon/{data} is derived from Open English WordNet.

Title:   Open English WordNet (English WordNet 2019 — An Open-Source WordNet for English)
Authors: John P. McCrae, Alexandre Rademaker, Francis Bond, Ewa Rudnicka, Christiane Fellbaum
         and the Open English WordNet contributors; based on Princeton WordNet 3.0
         (George A. Miller, Christiane Fellbaum et al., Princeton University)
Source:  https://github.com/globalwordnet/english-wordnet, src/yaml, commit {commit}
Licence: Creative Commons Attribution 4.0 International (CC BY 4.0),
         https://creativecommons.org/licenses/by/4.0/
         Princeton WordNet's licence is in the source repository's WNDB_License.txt.
Changes: only a subset is kept (synset members, hypernyms, antonyms, also-see links, derivation
         links lifted to antonyms, irregular forms, gendered person nouns), re-encoded as text and JSON by
         scripts/build_lexicon.py.
"""


def _git(git_dir: str, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", git_dir, *args], capture_output=True, check=True).stdout


def read_wordnet(git_dir: str, commit: str) -> tuple[dict, dict]:
    """The YAML sources at ``commit``: ``(entries, synsets)`` as WordNet's YAML keys them."""
    names = _git(git_dir, "ls-tree", "--name-only", commit, "src/yaml/").decode().split()
    entries: dict = {}
    synsets: dict = {}
    for name in names:
        base = name.rsplit("/", 1)[-1]
        if not base.endswith(".yaml") or base == "frames.yaml":
            continue
        data = yaml.load(_git(git_dir, "show", f"{commit}:{name}"), Loader=yaml.CSafeLoader)
        (entries if base.startswith("entries-") else synsets).update(data)
    return entries, synsets


def _pos_key(pos: str) -> str:
    return "a" if pos == "s" else pos


def _feminine(male: str, female: str, words_only: bool = False) -> bool:
    """Whether ``female`` is ``male`` by one of the :data:`FEMININE` derivations (with
    ``words_only``, only those that swap a whole word: grandfather/grandmother)."""
    return any(male.endswith(m) and female == male[: len(male) - len(m)] + f for m, f in FEMININE
               if m in _WHOLE_WORDS or (len(male) > len(m) + 2 and not words_only))


def build(entries: dict, synsets: dict) -> dict:
    """The lexicon's JSON object (see the module docstring) from WordNet's YAML."""
    ids = sorted(synsets)
    row = {sid: i for i, sid in enumerate(ids)}
    sense_of: dict[str, tuple[str, str, str]] = {}  # sense id → (lemma, pos, synset id)
    senses: dict[str, dict] = {}  # sense id → its YAML
    lemmas: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    forms: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for lemma in sorted(entries):
        for pos, entry in sorted(entries[lemma].items()):
            for sense in entry.get("sense", ()):
                sense_of[sense["id"]] = (lemma, _pos_key(pos), sense["synset"])
                senses[sense["id"]] = sense
                lemmas[lemma][_pos_key(pos)].append(row[sense["synset"]])
            for form in entry.get("form", ()):
                if form != lemma:
                    forms[form][_pos_key(pos)].add(lemma)

    antonyms: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    synset_antonyms: dict[str, set[str]] = defaultdict(set)
    derivations: dict[str, list[str]] = {}
    also: dict[str, set[str]] = defaultdict(set)
    for sid, s in synsets.items():
        also[sid].update(a for a in s.get("also", ()) if a in row)
    for lemma in sorted(entries):
        for pos, entry in sorted(entries[lemma].items()):
            for sense in entry.get("sense", ()):
                derivations[sense["id"]] = [d for d in sense.get("derivation", ()) if d in sense_of]
                also[sense["synset"]].update(sense_of[a][2] for a in sense.get("also", ()) if a in sense_of)
                for target in sense.get("antonym", ()):
                    if target in sense_of:
                        other, _, other_synset = sense_of[target]
                        antonyms[lemma][_pos_key(pos)].add(other)
                        synset_antonyms[sense["synset"]].add(other_synset)

    derived: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    antonym_senses = {sid: [t for t in s.get("antonym", ()) if t in sense_of] for sid, s in senses.items()}
    for sid, (lemma, pos, _) in sense_of.items():
        found: set[str] = set()
        for target in antonym_senses.get(sid, ()):      # derived forms of an antonym
            found.update(sense_of[d][0] for d in derivations.get(target, ()))
        for d in derivations.get(sid, ()):               # antonyms of a derived form, and theirs
            for target in antonym_senses.get(d, ()):
                found.add(sense_of[target][0])
                found.update(sense_of[dd][0] for dd in derivations.get(target, ()))
        found -= antonyms[lemma][pos] | {lemma}
        if found:
            derived[lemma][pos].update(found)

    rows = []
    for sid in ids:
        s = synsets[sid]
        head = None
        if s["partOfSpeech"] == "s":
            heads = [h for h in s.get("similar", ()) if h.endswith("-a")]
            head = row[heads[0]] if heads else None
        rows.append("\t".join([
            s["partOfSpeech"], "|".join(s["members"]),
            " ".join(str(row[h]) for h in s.get("hypernym", ()) if h in row),
            " ".join(str(a) for a in sorted(row[a] for a in synset_antonyms.get(sid, ()))),
            "" if head is None else str(head),
            " ".join(str(a) for a in sorted(row[a] for a in also.get(sid, ()) if a != sid))]))

    pairs, gender = _gendered(entries, synsets, sense_of, senses)
    return {
        "source": {"repository": "globalwordnet/english-wordnet", "path": "src/yaml"},
        "synsets": "\n".join(rows),
        "lemmas": "\n".join(sorted("\t".join([w, *(" ".join([p, *map(str, r)]) for p, r in by_pos.items())])
                                   for w, by_pos in lemmas.items())),
        "antonyms": _sorted(antonyms),
        "derived_antonyms": _sorted(derived),
        "forms": _sorted(forms),
        "gendered": pairs,
        "gender": gender,
    }


def _gendered(entries: dict, synsets: dict, sense_of: dict,
              senses: dict) -> tuple[list[list[str]], dict[str, str]]:
    """Male/female noun pairs and the gender of nouns whose first sense is a gendered person."""
    memo: dict[str, str | None] = {}

    def sex(sid: str, depth: int = 0) -> str | None:
        if sid in memo:
            return memo[sid]
        if sid == MALE_PERSON:
            return "male"
        if sid == FEMALE_PERSON:
            return "female"
        memo[sid] = None  # guards against a cycle while this one is open
        found = {sex(h, depth + 1) for h in synsets[sid].get("hypernym", ()) if h in synsets} - {None}
        memo[sid] = found.pop() if len(found) == 1 else None
        return memo[sid]

    person: dict[str, bool] = {}

    def is_person(sid: str) -> bool:
        if sid not in person:
            person[sid] = False
            person[sid] = sid == PERSON or any(is_person(h) for h in synsets[sid].get("hypernym", ())
                                               if h in synsets)
        return person[sid]

    pairs: set[tuple[str, str]] = set()
    for sid, (lemma, pos, synset) in sense_of.items():   # antonyms: king/queen, father/mother
        if pos != "n" or not is_person(synset):
            continue
        for target in senses[sid].get("antonym", ()):
            if target in sense_of:
                other, _, other_synset = sense_of[target]
                if (sex(synset), sex(other_synset)) == ("male", "female") or _feminine(lemma, other):
                    pairs.add((lemma, other))
    children: dict[str, list[str]] = defaultdict(list)
    for sid, s in synsets.items():
        for h in s.get("hypernym", ()):
            children[h].append(sid)
    for fid, f in synsets.items():   # a shared hypernym and a feminine derivation: actor/actress
        if f["partOfSpeech"] != "n" or sex(fid) == "male" or not is_person(fid):
            continue
        near = set()
        for h in f.get("hypernym", ()):
            if h in synsets and sex(h) != "female" and h not in (MALE_PERSON, FEMALE_PERSON):
                near.add(h)
                near.update(c for c in children[h] if sex(c) != "female")
        for mid in sorted(near - {fid}):
            words_only = sex(fid) is None and sex(mid) is None
            for male in synsets[mid]["members"]:
                for female in f["members"]:
                    if _feminine(male, female, words_only):
                        pairs.add((male, female))
    gender = {}
    for lemma in sorted(entries):
        noun_senses = entries[lemma].get("n", {}).get("sense", ())
        if noun_senses and (g := sex(noun_senses[0]["synset"])):
            gender[lemma] = g
    for male, female in pairs:
        gender.setdefault(male, "male")
        gender.setdefault(female, "female")
    return sorted([m, f] for m, f in pairs), gender


def _sorted(table: dict[str, dict[str, set[str]]]) -> dict[str, dict[str, list[str]]]:
    return {w: {p: sorted(v) for p, v in sorted(by_pos.items()) if v}
            for w, by_pos in sorted(table.items()) if any(by_pos.values())}


def write(data: dict, out: Path, commit: str) -> Path:
    """Write ``data`` as gzip'd text (see the module docstring; byte-stable: no timestamp, sorted
    keys) and the ATTRIBUTION."""
    out.mkdir(parents=True, exist_ok=True)
    tables = {k: v for k, v in data.items() if k not in ("synsets", "lemmas")}
    raw = "\n\n".join([json.dumps(tables, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                        data["synsets"], data["lemmas"]]).encode()
    path = out / DATA_FILE
    with open(path, "wb") as fh, gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0,
                                               compresslevel=9) as gz:
        gz.write(raw)
    (out / "ATTRIBUTION").write_text(ATTRIBUTION.format(data=DATA_FILE, commit=commit), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--git", default=GIT_DIR, help="git directory of english-wordnet")
    parser.add_argument("--commit", default=COMMIT)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    entries, synsets = read_wordnet(args.git, args.commit)
    data = build(entries, synsets)
    data["source"]["commit"] = args.commit
    path = write(data, args.out, args.commit)
    print(f"{path}: {path.stat().st_size / 1e6:.2f} MB, {data['lemmas'].count(chr(10)) + 1} lemmas, "
          f"{data['synsets'].count(chr(10)) + 1} synsets, {len(data['gendered'])} gendered pairs")


if __name__ == "__main__":
    main()
