"""Every word list the shift detectors use, with where it comes from and what it means.

All lists are written by hand for English news prose and hold *folded* forms (lower case, accents
dropped, straight quotes; see :func:`drift.shifts.text.fold`). They were drawn from the
categories of standard references, not copied from any licensed resource:

- reporting verbs and their stance: the evidential/attribution categories of news style guides
  (AP and Reuters guidance on "said" versus loaded attribution verbs such as "claimed", "admitted")
  and the reporting-verb classes of Hyland's academic-discourse work (neutral, tentative,
  factive);
- hedges and modals: the closed class of English modal auxiliaries and the common epistemic
  adverbs (Quirk et al., *A Comprehensive Grammar of the English Language*, ch. 4);
- negation cues: the closed class of English negators plus the implicit-negation verbs
  ("refuse", "deny", "fail") annotated in negation-cue corpora such as ConanDoyle-neg/SEM 2012;
- comparison predicates: phrases that state which of two parties is stronger, written from the
  grammar of comparatives ("no match for", "cannot compete with", "superior to").

The lists are deliberately short: a word missing from a list means a shift is not found (a miss),
a wrong word means a faithful paraphrase is flagged (a bug users see), and precision matters more.
"""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (lists stay readable)."""
    return frozenset(words.split())


#: Closed-class English function words (articles, pronouns, auxiliaries, prepositions,
#: conjunctions) and a few empty verbs. A word in this set is never "content" lost or added.
STOPWORDS = word_set("""
a an the this that these those there here it its it's itself he him his himself she her hers herself
they them their theirs themselves we us our ours you your i me my mine who whom whose which what
when where why how whether if then than so as such both either neither each every all any some
no nor not only own same too very just also even still yet already again ever
least less more most many much other another
and or but because while although though since until unless after before during
of to in on at by for with without from into onto over under about against between through
across along among around above below up down out off upon within via per toward towards
is am are was were be been being has have had having do does did doing done will would shall
should can could may might must 's ' " - ( ) [ ] , . ; : ! ? … / & *
said says say told tell added noted reported according
""")

#: Names a reader treats as one actor, whatever the spelling. Keys and values are folded
#: tokens; "US", "U.S." and "USA" are folded to "usa" by the tokenizer (so the pronoun "us" stays
#: apart). Capital cities stand for governments in news ("Washington says", "Caracas accuses"):
#: that metonymy is a fact of news style, not of this corpus, so the common capitals are listed.
ALIASES = {
    "america": "usa", "american": "usa", "americans": "usa", "washington": "usa",
    "caracas": "venezuela", "moscow": "russia", "kremlin": "russia", "beijing": "china",
    "kyiv": "ukraine", "kiev": "ukraine", "london": "uk", "britain": "uk", "british": "uk",
    "paris": "france", "berlin": "germany", "tehran": "iran", "ankara": "turkey",
    "bogota": "colombia", "havana": "cuba", "brasilia": "brazil", "tokyo": "japan",
    "pyongyang": "north korea", "seoul": "south korea", "delhi": "india",
}
#: Multiword names folded to one alias key before lookup.
PHRASE_ALIASES = {
    ("united", "states", "of", "america"): "usa", ("united", "states"): "usa",
    ("united", "kingdom"): "uk", ("white", "house"): "usa",
}

#: British spellings and their American forms, as regular endings (ending, replacement, shortest
#: word the rule applies to: "recognise" → "recognize" but never "rise" → "rize"; "rumour" →
#: "rumor" but never "four" → "for"), then the irregular words. From the standard lists of
#: British/American spelling differences (e.g. the Oxford and Merriam-Webster style notes).
BRITISH_ENDINGS = (
    ("isations", "izations", 9), ("isation", "ization", 8), ("ising", "izing", 7), ("ised", "ized", 6),
    ("ises", "izes", 6), ("ise", "ize", 7), ("yse", "yze", 6), ("ysed", "yzed", 7),
    ("ours", "ors", 7), ("our", "or", 6), ("ourite", "orite", 8), ("tres", "ters", 7), ("tre", "ter", 6),
    ("ogue", "og", 7), ("elled", "eled", 7), ("elling", "eling", 8),
)
BRITISH_WORDS = {
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
    "grey": "gray", "programme": "program", "programmes": "programs", "cheque": "check",
    "aluminium": "aluminum", "tyre": "tire", "tyres": "tires", "kerb": "curb", "storey": "story",
}

#: Words that name a role, not a person: "President Nicolas Maduro" is the actor Maduro.
TITLES = word_set("""
president vice prime minister secretary senator governor mayor general gen colonel col admiral
king queen prince princess chancellor chairman chairwoman chair ceo director chief spokesman
spokeswoman spokesperson ambassador judge justice pope mr mrs ms dr sir lord lady minister's
correspondent reporter editor analyst officials official defence defense foreign interior
""")

#: Words that make a name a place or a thing rather than an actor ("White House", "Pacific").
PLACE_WORDS = word_set("""
house palace court bridge sea ocean street square city river island islands airport border region
caribbean pacific atlantic gulf bay mountains valley park hall building
""")

#: Prepositions before a name that make it a place: "reporting from Cucuta", "in the Caribbean".
LOCATIVES = word_set("in at from near on across to into inside outside off around")

MONTHS = word_set("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
""")
WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
#: Expressions that place an event in time without a number: a rewrite that turns "last year"
#: into "2024" resolves the reference, it does not add a figure.
RELATIVE_TIME = word_set("""
yesterday today tomorrow tonight last this next year month week ago earlier later recently
""")

#: Number words and their values; SCALES multiply what precedes them ("15 thousand").
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "dozen": 12, "half": 0.5,
    # decades of age or of a century ("in his thirties" = "in his 30s")
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
    "eighties": 80, "nineties": 90,
}
#: Fractions as percentages, so "half" = "50%" and "two-thirds" ≈ "67 percent".
FRACTIONS = {"half": 50.0, "halves": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0,
             "quarters": 25.0, "fifth": 20.0, "fifths": 20.0, "tenth": 10.0, "tenths": 10.0}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
#: Vague quantities and the range a reader takes them to mean. A precise figure replaced by one
#: of these is "blurred"; "dozens of deaths" for "83 people" keeps the order of magnitude only.
VAGUE_QUANTITIES = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999), "several": (3, 9), "multiple": (2, 20),
    "a few": (2, 5), "numerous": (5, 99), "a handful": (2, 6), "a couple": (2, 3),
}
#: Words before a figure that turn it into a range: (kind, ...) as used by numbers.py.
#: "at least 21" and "more than 20" both mean 21 or more.
QUALIFIERS = {
    ("at", "least"): "min", ("no", "fewer", "than"): "min", ("no", "less", "than"): "min",
    ("more", "than"): "gt", ("over",): "gt", ("upwards", "of"): "gt", ("in", "excess", "of"): "gt",
    ("at", "most"): "max", ("up", "to"): "max", ("as", "many", "as"): "max", ("no", "more", "than"): "max",
    ("less", "than"): "lt", ("fewer", "than"): "lt", ("under",): "lt", ("below",): "lt",
    ("nearly",): "near", ("almost",): "near", ("close", "to"): "near", ("just", "under"): "near",
    ("around",): "approx", ("about",): "approx", ("approximately",): "approx", ("roughly",): "approx",
    ("some",): "approx", ("an", "estimated"): "approx", ("estimated",): "approx", ("about", "some"): "approx",
    ("exactly",): "exact", ("precisely",): "exact",
}

#: Reporting verbs (lemma-like stems of folded forms) and the stance they give a statement.
#: neutral: reports that someone said it. doubt: distances the writer ("claimed" casts doubt).
#: factive: presents the content as established ("confirmed", "revealed"). tentative: presents
#: it as a guess ("suggested"). Keys are matched against each form listed.
REPORTING_VERBS = {
    "neutral": "say says said saying tell tells told telling state states stated stating report reports "
               "reported reporting add adds added note notes noted explain explains explained announce "
               "announces announced declare declares declared continue continued remark remarked "
               "mention mentioned comment commented",
    "doubt": "claim claims claimed claiming allege alleges alleged alleging purport purports purported "
             "contend contends contended insist insists insisted maintain maintains maintained "
             "assert asserts asserted accuse accuses accused accusing",
    "factive": "confirm confirms confirmed confirming reveal reveals revealed revealing show shows "
               "showed shown prove proves proved proven demonstrate demonstrates demonstrated "
               "establish established acknowledge acknowledges acknowledged admit admits admitted "
               "disclose disclosed verify verified",
    "tentative": "suggest suggests suggested suggesting indicate indicates indicated hint hints hinted "
                 "speculate speculated imply implies implied estimate estimates estimated",
}
REPORTING_STANCE = {form: stance for stance, forms in REPORTING_VERBS.items() for form in forms.split()}

#: Adverbs and adjectives that keep a statement at arm's length. Removing one states the
#: claim as fact; adding one casts doubt.
HEDGES = word_set("""
reportedly allegedly apparently purportedly supposedly seemingly ostensibly alleged suspected
purported so-called presumed presumably
""")

#: Phrases that frame content as someone's allegation or label; if the rewrite keeps the content
#: but loses every such frame, an allegation now reads as fact. Tuples of folded tokens; "*" is
#: any one word ("what it calls"), "..." up to three words ("describing the move as").
FRAMES = {
    # allegation or characterisation by a party: losing it turns the allegation into fact
    "allegation": [
        ("describes", "...", "as"), ("described", "...", "as"), ("describing", "...", "as"),
        ("describe", "...", "as"),
        ("what", "*", "calls"), ("what", "*", "called"), ("what", "*", "call"), ("so", "-", "called"),
        ("accused", "of"), ("accuses", "*", "of"), ("accused", "*", "of"), ("accused", "by"),
        ("accuse", "*", "of"), ("alleged",), ("allegedly",), ("alleges",), ("claims",), ("claimed",),
        ("claim",), ("branded",), ("brands",), ("dubbed",), ("dubs",), ("labelled",), ("labeled",),
        ("dismissed", "...", "as"), ("dismisses", "...", "as"), ("denounced", "...", "as"),
        ("suspected",), ("purported",), ("reportedly",), ("considers",), ("regards", "...", "as"),
        ("calls", "*", "a"),
    ],
    # plain attribution to a source: losing it drops who said so
    "source": [
        ("according", "to"), ("said",), ("says",), ("say",), ("told",), ("tells",), ("reported",),
        ("reports",), ("citing",), ("cited",), ("stated",), ("states",), ("added",), ("argues",),
        ("argue",), ("argued",), ("noted",), ("note",), ("notes",), ("believe",), ("believes",),
        ("suggest",), ("suggests",), ("warned",), ("warns",),
    ],
}

#: Kinds of unnamed source, by the nouns that name them: "experts say" and "analysts note" cite the
#: same kind of source; "sources told Al Jazeera" and "analysts say" do not.
SOURCE_KINDS = {
    "expert": "expert experts analyst analysts observer observers specialist specialists scholar scholars "
              "economist economists commentator commentators researcher researchers academic academics",
    "official": "official officials authority authorities government governments administration ministry "
                "spokesman spokeswoman spokesperson spokespeople minister ministers diplomat diplomats",
    "insider": "source sources insider insiders person people familiar",
    "witness": "witness witnesses resident residents local locals traveler travelers traveller "
               "travellers bystander bystanders",
    "media": "report reports media newspaper agency outlet outlets press",
}
SOURCE_KIND = {w: kind for kind, words in SOURCE_KINDS.items() for w in words.split()}

#: Words by which a writer declares someone's stated reason or claim false. Added by a rewrite
#: ("in what it calls an anti-drug campaign" → "under the pretext of an anti-drug mission"),
#: they turn one side's accusation into the rewrite's own verdict.
DISCREDITING = word_set("pretext pretexts guise smokescreen ruse sham bogus phony phoney fabricated "
                        "trumped-up false falsely baseless")

#: Modal auxiliaries and epistemic adverbs by the certainty they give: 3 certain or obliged,
#: 2 expected, 1 possible. "can" is left out: it states ability more often than possibility.
MODALS = {
    "will": 3, "must": 3, "shall": 3, "won't": 3, "would": 2, "should": 2, "ought": 2,
    "may": 1, "might": 1, "could": 1, "possibly": 1, "perhaps": 1, "likely": 2,
    "probably": 2, "certainly": 3, "definitely": 3,
}

#: Explicit negators; a negation inserted or removed where the rest of the phrase stays reverses it.
NEGATORS = word_set("not no never n't nobody nothing none neither nor without cannot can't won't "
                     "don't doesn't didn't isn't aren't wasn't weren't hasn't haven't hadn't")

#: Comparison predicates between two parties, as token sequences, and what "X <predicate> Y"
#: says: -1 X is the weaker, +1 X is the stronger. A negator before a +1 predicate makes it -1.
COMPARATIVES = [
    (("no", "match", "for"), -1), (("not", "a", "match", "for"), -1), (("no", "match", "to"), -1),
    (("cannot", "compete", "with"), -1), (("can't", "compete", "with"), -1),
    (("could", "not", "compete", "with"), -1), (("can", "not", "compete", "with"), -1),
    (("unable", "to", "compete", "with"), -1), (("cannot", "match"), -1), (("can't", "match"), -1),
    (("could", "not", "match"), -1), (("unable", "to", "match"), -1), (("cannot", "rival"), -1),
    (("not", "comparable", "to"), -1), (("not", "comparable", "with"), -1),
    (("weaker", "than"), -1), (("inferior", "to"), -1), (("outgunned", "by"), -1),
    (("outmatched", "by"), -1), (("outnumbered", "by"), -1), (("less", "powerful", "than"), -1),
    (("smaller", "than"), -1), (("lags", "behind"), -1), (("trails",), -1),
    (("stronger", "than"), 1), (("superior", "to"), 1), (("more", "powerful", "than"), 1),
    (("outguns",), 1), (("outgun",), 1), (("outmatches",), 1), (("outnumbers",), 1),
    (("dwarfs",), 1), (("overpowers",), 1), (("more", "than", "a", "match", "for"), 1),
    (("bigger", "than"), 1), (("larger", "than"), 1), (("can", "compete", "with"), 0),
]


# --- Negation cues read from the English parse (drift/parsing.py) --------------------------------
# The closed classes of English negation (Quirk et al., ch. 10 "negation"; Huddleston & Pullum,
# *The Cambridge Grammar of the English Language*, ch. 9), as lemmas. A cue negates the predicate
# it attaches to in the dependency parse; its strength is the severity of adding or removing it.

#: Approximate negators: "hardly noticed" still leaves a little; a nuance weaker than "not".
WEAK_NEGATORS = word_set("hardly barely scarcely seldom rarely")
#: Negative pronouns and determiners: "nobody was told", "no evidence", "said nothing".
NEGATIVE_ARGUMENTS = word_set("nobody nothing none noone neither no")
#: Implicative verbs that negate their complement: "failed to approve" = did not approve.
NEGATIVE_VERBS = word_set("fail refuse decline neglect")
#: Adjectives that negate their complement: "unable to relieve" = could not relieve.
NEGATIVE_ADJECTIVES = word_set("unable")
#: "not only … but also", "not just": the "not" restricts, it does not negate.
NOT_RESTRICTIVE = word_set("only just merely simply")
