"""Build drift's bilingual lexicons (drift/data/bilingual/) from the Open Multilingual Wordnet.

Sources, read from git directories at pinned commits (nothing is downloaded here):

- the Open Multilingual Wordnet data (github omwn/omw-data): each wordnet's ``wn-*.tab``, lines
  ``offset-pos<TAB>lang:lemma<TAB>lemma`` keyed by Princeton WordNet 3.0 synset offsets;
- the Collaborative Interlingual Index (github globalwordnet/cili, CC BY 4.0): ``ili-map-pwn30.tab``
  takes a WordNet 3.0 offset to its interlingual id;
- Open English WordNet (github globalwordnet/english-wordnet, the commit of
  ``scripts/build_lexicon.py``), whose synsets carry their interlingual id, for the English
  members of each synset (its own synset ids are no longer WordNet 3.0's offsets).

A source word's *translations* are the English members of every synset the wordnet puts it in
(Bond and Foster 2013, "Linking and extending an open multilingual wordnet", ACL). Only the small
part drift's cross-lingual antonym detector (``drift/shifts/bilingual.py``) can use is kept: a
source word with a synset that takes part in an antonym relation in Open English WordNet, or
neighbours one the way :meth:`drift.lexicon.EnglishWordNet.antonyms` reaches it (similar-to,
derivation: :func:`opposed_synsets`), or with a translation that has a negatively prefixed form in
WordNet (*harmed* / *unharmed*) or a closed-class opposite (*before* / *after*,
:data:`drift.lexicon.FUNCTION_OPPOSITES`); kept with all its translations (so the detector can tell that a
source word *was* translated). The data depends on the pinned commits, not on drift's lexicon data.

Output: one gzip'd file per wordnet, ``<iso639-1>-<wordnet>.tsv.gz`` (no timestamp, so
byte-stable): a ``#`` line naming the wordnet, its path and commit and its licence, then one line
per source word in code-point order: the word (NFC; lower-cased where the script has case), a
tab, its translations sorted and ``|``-separated, each ``lemma#pos`` (pos ``n v a r`` of the
synset that links them).
``ATTRIBUTION`` beside them names each wordnet, its authors and licence; ``licences/`` holds the
licence texts the wordnets ask to be copied with the data.

Which wordnets (licences from each wordnet's LICENSE in omw-data and its index.toml): Chinese
Open Wordnet (zh, WordNet-style licence), plWordNet (pl, WordNet-style licence), MultiWordNet
(it, CC BY 3.0), and the Wiktionary-derived wordnets of Bond and Foster 2013 (CC BY-SA 3.0) for
zh, ja, hi, ru, pl, cs, de, fr, es, it. Not used: the Japanese Wordnet and MCR Spanish (their
files are not in the mirror), WOLF French (CeCILL-C, a software licence; the Wiktionary wordnet
covers French). omw-data has no wordnet of its own for Hindi, Russian, Czech or German.

Run: ``python scripts/build_bilingual.py [--omw DIR] [--cili DIR] [--oewn DIR] [--out DIR]``; a few
minutes (the English YAML, ~50 MB). ``tests/test_shifts_bilingual.py`` rebuilds it and compares
with the shipped files when the three mirrors are present.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import os
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drift.bilingual import normalise  # noqa: E402

#: The commit of omwn/omw-data the shipped data comes from.
COMMIT = "f75be19ec590da12a7a5665e361690b5badb7a25"
OMW_GIT = os.environ.get("DRIFT_OMW_GIT", "/work/.mirror/omwn+omw-data/repo")
#: The commit of globalwordnet/cili whose WordNet 3.0 map is used.
CILI_COMMIT = "dfc99e15e11e5b20e143f29386220d7b69805628"
CILI_GIT = os.environ.get("DRIFT_CILI_GIT", "/work/.mirror/globalwordnet+cili/repo")
OUT = ROOT / "drift" / "data" / "bilingual"

WIKT = ("Wiktionary-derived wordnet (Bond and Foster 2013)",
        "Francis Bond and Ryan Foster; the Wiktionary contributors",
        "CC BY-SA 3.0", "https://creativecommons.org/licenses/by-sa/3.0/")


@dataclass(frozen=True)
class Wordnet:
    """One wordnet of omw-data: the language it is read for, its file and its terms."""

    language: str     # ISO 639-1
    name: str         # short name, in the output file's name
    path: str         # in omw-data
    title: str
    authors: str
    licence: str
    licence_url: str
    licence_file: str | None = None   # a LICENSE in omw-data to ship beside the data

    @property
    def file(self) -> str:
        return f"{self.language}-{self.name}.tsv.gz"


WORDNETS: tuple[Wordnet, ...] = (
    Wordnet("zh", "cow", "wns/cow/wn-data-cmn.tab", "Chinese Open Wordnet", "Francis Bond, Shan Wang",
            "WordNet-style licence (Chinese Open Wordnet)", "https://bond-lab.github.io/cow/",
            "wns/cow/LICENSE"),
    Wordnet("zh", "wikt", "wns/wikt/wn-wikt-cmn.tab", *WIKT),
    Wordnet("ja", "wikt", "wns/wikt/wn-wikt-jpn.tab", *WIKT),
    Wordnet("hi", "wikt", "wns/wikt/wn-wikt-hin.tab", *WIKT),
    Wordnet("ru", "wikt", "wns/wikt/wn-wikt-rus.tab", *WIKT),
    Wordnet("pl", "plwordnet", "wns/pol/wn-data-pol.tab", "plWordNet",
            "Wrocław University of Technology (Maciej Piasecki, Stan Szpakowicz, Bartosz Broda et al.)",
            "plWordNet licence (WordNet-style)", "http://plwordnet.pwr.wroc.pl/wordnet/",
            "wns/pol/LICENSE"),
    Wordnet("pl", "wikt", "wns/wikt/wn-wikt-pol.tab", *WIKT),
    Wordnet("cs", "wikt", "wns/wikt/wn-wikt-ces.tab", *WIKT),
    Wordnet("de", "wikt", "wns/wikt/wn-wikt-deu.tab", *WIKT),
    Wordnet("fr", "wikt", "wns/wikt/wn-wikt-fra.tab", *WIKT),
    Wordnet("es", "wikt", "wns/wikt/wn-wikt-spa.tab", *WIKT),
    Wordnet("it", "mwn", "wns/ita/wn-data-ita.tab", "MultiWordNet (Italian)",
            "Emanuele Pianta, Luisa Bentivogli, Christian Girardi (FBK)", "CC BY 3.0",
            "https://creativecommons.org/licenses/by/3.0/"),
    Wordnet("it", "wikt", "wns/wikt/wn-wikt-ita.tab", *WIKT),
)

def _git(git_dir: str, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", git_dir, *args], capture_output=True, check=True).stdout


def _lexicon_script():
    spec = importlib.util.spec_from_file_location("build_lexicon", ROOT / "scripts" / "build_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def english_wordnet(git_dir: str, commit: str) -> tuple[dict[str, tuple[str, tuple[str, ...]]], set[str],
                                                        set[str]]:
    """From Open English WordNet at ``commit``: ``{interlingual id: (pos, members)}`` (pos ``n v a
    r``, satellites under ``a``), the ids of the synsets that take part in an antonym relation
    (:func:`opposed_synsets`), and the lemmas that have a negatively prefixed form or a
    closed-class opposite (:data:`drift.lexicon.FUNCTION_OPPOSITES`)."""
    entries, synsets = _lexicon_script().read_wordnet(git_dir, commit)
    opposed = opposed_synsets(entries, synsets)
    by_ili: dict[str, tuple[str, tuple[str, ...]]] = {}
    opposed_ili: set[str] = set()
    for sid, synset in synsets.items():
        ili = synset.get("ili")
        if not ili or ili == "in":
            continue
        pos = "a" if synset["partOfSpeech"] == "s" else synset["partOfSpeech"]
        by_ili[ili] = (pos, tuple(synset.get("members", ())))
        if sid in opposed:
            opposed_ili.add(ili)
    from drift.lexicon import FUNCTION_OPPOSITES, NEGATIVE_PREFIXES

    prefixed = {lemma[len(p):] for lemma in entries for p in NEGATIVE_PREFIXES
                if lemma.startswith(p) and lemma[len(p):] in entries}
    # closed-class opposites WordNet leaves out (before/after, above/below): drift.lexicon's list
    prefixed |= set().union(*FUNCTION_OPPOSITES)
    return by_ili, opposed_ili, prefixed


def opposed_synsets(entries: dict, synsets: dict) -> set[str]:
    """Synsets with a sense in an antonym relation, and their neighbours the way
    :meth:`drift.lexicon.EnglishWordNet.antonyms` reaches them: the satellites of such a head (and
    the head of such a satellite: *similar*), and the synsets of derivationally related senses."""
    senses = [s for by_pos in entries.values() for e in by_pos.values() for s in e.get("sense", ())]
    synset_of = {s["id"]: s["synset"] for s in senses}
    opposed: set[str] = set()
    for s in senses:
        if s.get("antonym"):
            opposed.add(s["synset"])
            opposed.update(synset_of[t] for t in s["antonym"] if t in synset_of)
    near = {sid for sid, synset in synsets.items() if any(h in opposed for h in synset.get("similar", ()))}
    for s in senses:
        targets = {synset_of[t] for t in s.get("derivation", ()) if t in synset_of}
        if s["synset"] in opposed:
            near |= targets
        elif targets & opposed:
            near.add(s["synset"])
    return opposed | near


def wordnet30_ili(text: str) -> dict[str, str]:
    """``{"00001740-a": "i1", ...}`` from cili's ``ili-map-pwn30.tab`` (satellites filed under
    ``a``: omw-data writes them either way)."""
    out = {}
    for line in text.splitlines():
        ili, _, sid = line.strip().partition("\t")
        if sid:
            out[_adjective(sid)] = ili
    return out


def _adjective(sid: str) -> str:
    offset, _, pos = sid.partition("-")
    return f"{offset}-a" if pos == "s" else sid


def read_tab(text: str, language: str) -> dict[str, set[str]]:
    """``{source word: {synset id, ...}}`` from one omw-data ``.tab`` file (its ``:lemma`` rows)."""
    out: dict[str, set[str]] = defaultdict(set)
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3 or not parts[1].endswith(":lemma"):
            continue
        word = normalise(parts[2], language)
        if word:
            out[word].add(parts[0])
    return out


def build(wordnet: Wordnet, tab: str, ili: dict[str, str], english: dict[str, tuple[str, tuple[str, ...]]],
          opposed: set[str], prefixed: set[str]) -> list[str]:
    """The lines of one output file (without its header): ``ili`` maps WordNet 3.0 ids to
    interlingual ids, ``english`` interlingual ids to (pos, English members); a word is kept when
    one of its synsets is ``opposed`` or one of its translations is ``prefixed``. Translations are
    written ``lemma#pos``."""
    lines = []
    for word, synsets in sorted(read_tab(tab, wordnet.language).items()):
        ids = {ili[_adjective(sid)] for sid in synsets if _adjective(sid) in ili}
        found = {(m.replace("_", " "), english[i][0]) for i in ids if i in english for m in english[i][1]}
        found = {(m, p) for m, p in found if not set(m) & set("|#\t")}
        if found and (ids & opposed or any(m in prefixed for m, _ in found)):
            lines.append(f"{word}\t{'|'.join(f'{m}#{p}' for m, p in sorted(found))}")
    return lines


def header(wordnet: Wordnet, commit: str) -> str:
    return (f"# {wordnet.title}; omwn/omw-data {wordnet.path} at {commit}; {wordnet.licence} "
            f"({wordnet.licence_url}); English members from Open English WordNet; see ATTRIBUTION")


ATTRIBUTION_HEAD = """\
drift/data/bilingual/*.tsv.gz are derived from the Open Multilingual Wordnet and Open English WordNet
by scripts/build_bilingual.py. Each file is a subset (source words whose English translations take
part in an antonym relation, with all their translations) of one wordnet, and is distributed under
that wordnet's licence, listed below, whatever the licence of drift's code (MIT): the CC BY-SA 3.0
files stay under CC BY-SA 3.0 (share-alike), the WordNet-style licences ask that their notice
(licences/) go with every copy. Changes: re-encoded as one line per source word with the English
lemmas (and part of speech) of its synsets; everything else left out.

Open Multilingual Wordnet: Francis Bond and Kyonghee Paik (2012), "A survey of wordnets and their
licenses", GWC 2012; Francis Bond and Ryan Foster (2013), "Linking and extending an open
multilingual wordnet", ACL 2013. Source: https://github.com/omwn/omw-data, commit {commit}.
WordNet 3.0 synsets to interlingual ids: the Collaborative Interlingual Index (Francis Bond et al.),
https://github.com/globalwordnet/cili, ili-map-pwn30.tab, commit {cili}, CC BY 4.0.
English synset members: Open English WordNet (CC BY 4.0), commit {oewn}; see
drift/data/lexicon/ATTRIBUTION.
"""


def attribution(commit: str, oewn: str) -> str:
    parts = [ATTRIBUTION_HEAD.format(commit=commit, oewn=oewn, cili=CILI_COMMIT)]
    for w in WORDNETS:
        parts.append(f"{w.file}\n  Wordnet: {w.title} ({w.path})\n  Authors: {w.authors}\n"
                     f"  Licence: {w.licence}, {w.licence_url}"
                     + (f"\n  Licence text: licences/{w.language}-{w.name}.LICENSE (copied from omw-data)"
                        if w.licence_file else ""))
    return "\n\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    lexicon_script = _lexicon_script()
    ap.add_argument("--omw", default=OMW_GIT, help="git directory of omwn/omw-data")
    ap.add_argument("--commit", default=COMMIT)
    ap.add_argument("--cili", default=CILI_GIT, help="git directory of globalwordnet/cili")
    ap.add_argument("--oewn", default=lexicon_script.GIT_DIR, help="git directory of english-wordnet")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    english, opposed, prefixed = english_wordnet(args.oewn, lexicon_script.COMMIT)
    ili = wordnet30_ili(_git(args.cili, "show", f"{CILI_COMMIT}:ili-map-pwn30.tab").decode("utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "licences").mkdir(exist_ok=True)
    for w in WORDNETS:
        tab = _git(args.omw, "show", f"{args.commit}:{w.path}").decode("utf-8")
        lines = build(w, tab, ili, english, opposed, prefixed)
        text = "\n".join([header(w, args.commit), *lines]) + "\n"
        (args.out / w.file).write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
        if w.licence_file:
            (args.out / "licences" / f"{w.language}-{w.name}.LICENSE").write_bytes(
                _git(args.omw, "show", f"{args.commit}:{w.licence_file}"))
        print(f"{w.file}: {len(lines)} words", file=sys.stderr)
    (args.out / "ATTRIBUTION").write_text(attribution(args.commit, lexicon_script.COMMIT), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
