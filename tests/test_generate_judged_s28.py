"""Faults the twenty-second session found in the generator's drafts, from blind judges' verdicts; each test fails on
the generator before it."""

from __future__ import annotations

from ketaquiz.core.article import parse_article

from .generation import gap_forms, q, ranked

_GENETICS = """# Genetics

Genetics is the study of genes and heredity in organisms.

## Inheritance

Mendel crossed pea plants and counted the traits of the progeny in each generation.
Blending of traits in the progeny is now explained by the action of multiple genes with quantitative effects.
Adenine pairs with thymine in DNA. The base thymine is replaced by uracil in RNA.
Each gamete carries one allele of a gene.
"""


def _why(text: str, sentence: str, gap: str) -> str | None:
    """Why the worth checks refuse a cloze on `gap` in the article's sentence that starts with `sentence`."""
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.builders import Candidate
    from ketaquiz.core.generate.worth import unworthy
    from ketaquiz.core.questions import Question

    art = parse_article(text)
    an = analyse(art)
    s = next(x for x in art.sentences if x.text.startswith(sentence))
    q = Question(id="q", topic="t", type="cloze", source=s.text, prompt=s.text.replace(gap, "{{" + gap + "}}", 1))
    return unworthy(Candidate(q, 1.0, (s.id,), "cloze", gap), an)


def test_a_plain_word_the_article_says_only_once_more_is_no_gap():
    # "Blending of traits in the {{progeny}} …", "… controlled-language activated {{circuitry}} …", "… slot machines
    # with {{denominations}} …" (one plain word of middling rarity said twice in all): j130 kept 1 of 14 and dropped 4,
    # against 8 of 16 controls ("a filler word", "learners would write 'offspring'")
    assert "said only twice" in (_why(_GENETICS, "Blending", "progeny") or "")
    # a rarer word said as often is a term ("thymine"), and so is the word a sentence defines
    assert _why(_GENETICS, "Adenine", "thymine") is None
    defined = _GENETICS.replace("the traits of the progeny", "the traits of the plants").replace(
        "Each gamete", "The offspring of a cross are called its progeny. Each gamete")
    assert _why(defined, "The offspring", "progeny") is None


# held-65's judge (j132), on the session's start

def test_one_sentences_clauses_are_no_chain_unless_one_leads_to_the_next():
    # "By integrating varying delivery streams, hybrids (sometimes known as "TV-centric") enable pay-TV operators …,
    # which decreases the cost …" was asked as three steps, one of them "Knowing as "TV-centric") enable …": "these are
    # not steps but clauses of one sentence"
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.chains import chains

    def orders(sentence: str) -> list[list[str]]:
        art = parse_article(f"# Set-top box\n\n## Hybrid box\n\nHybrid boxes are common. {sentence}\n")
        an = analyse(art)
        return [list(c.question.items or []) for sec in art.sections for c in chains(an, sec)]

    assert orders("By integrating varying delivery streams, hybrids enable operators more flexible deployment, which "
                  "decreases the cost of launching new services.") == []
    # "…, leading to …" says the one brings about the next (the bundled course's kept chain)
    assert len(orders("By increasing the levels of BDNF, ketamine may help to repair damaged neural circuitry, leading "
                      "to a reduction in depressive symptoms.")) == 1


def test_a_figure_spelled_out_in_another_prompt_answers_its_choice():
    # "Diagnosis is often by screening which is recommended yearly in sexually active women under the age of
    # twenty-five …" beside "… screening is recommended in those under _____" (25): "gives away the screening-age
    # choice"; a small count in words ("two channels") is no figure
    from ketaquiz.core.generate.rank import _shows_number

    age = ranked(q("Screening is recommended in women under {{25}}.", "choice", id="a", answer="25",
                   choices=["23", "25", "27", "29"]))
    shown = ranked(q("Screening is recommended yearly in sexually {{active women}} under twenty-five.", id="b"))
    two = ranked(q("Vouchers are instituted for {{2}} broad reasons.", "choice", id="c", answer="2",
                   choices=["2", "3", "4", "5"]))
    channels = ranked(q("Vouchers affect budgets through two channels, lower {{enrollments}} among them.", id="d"))
    assert _shows_number(age, shown) and not _shows_number(two, channels)


def test_a_gap_after_a_hanging_hyphen_is_half_a_compound():
    # "In 2016, the average pay- {{TV subscriber}} paid $231 per year …" (the page's own "pay- TV")
    from ketaquiz.core.giveaways import gloss_giveaway

    assert gloss_giveaway(q("In 2016, the average pay- {{TV subscriber}} paid $231 per year for a box."))
    assert gloss_giveaway(q("In 2016, the average {{TV subscriber}} paid $231 per year for a box.")) is None


def test_a_heading_in_capitals_run_into_the_sentence_is_no_gap():
    # "By the TIMING OF {{COLLECTION}}, VAT can be either accrual or cash based.": "an all-caps filler word"
    text = ("# Value-added tax\n\nA value-added tax is a consumption tax placed on a product whenever value is added. "
            "By the TIMING OF COLLECTION, VAT can be either accrual or cash based. The accrual basis matches revenues "
            "to the period of sale. A collection of receipts is kept.\n")
    assert "capitals" in (_why(text, "By the TIMING", "COLLECTION") or "")
    assert "capitals" not in (_why(text, "The accrual basis", "accrual") or "")


def test_a_list_named_by_a_word_the_article_keeps_saying_is_anchored():
    # "There are four basic types of animal tissues: muscle tissue, nervous tissue, connective tissue, and epithelial
    # tissue." in *Histology* was refused as a list whose name says nowhere what it belongs to; held-65's judge listed
    # the four tissue types among the article's key facts. "the bones" alone stays unanchored.
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.phrases import unanchored

    # the tissues said ten times, in under a third of the sentences (so "tissue" is no subject word)
    text = "# Histology\n\n" + "A tissue is a group of cells. Tissues are cut thin. " * 5 + \
        " ".join(f"Stain {n} colours the sample." for n in range(30)) + "\n"
    an = analyse(parse_article(text))
    assert not unanchored(an, "Name one of the four basic types of animal tissues.")
    assert unanchored(an, "Name one of the bones.")


# held-66's judge (j133), on the code after held-65's mends

def test_a_heading_in_capitals_with_a_little_word_is_a_heading_too():
    # "Little is known about the {{HISTORY}} OF TOGO before the late fifteenth century …"
    text = ("# History of Togo\n\nTogo is a country in West Africa. Little is known about the HISTORY OF TOGO before "
            "the late fifteenth century, when Portuguese explorers arrived. Germany claimed a protectorate in 1884.\n")
    assert "capitals" in (_why(text, "Little is known", "HISTORY") or "")


def test_a_name_in_capitals_the_article_barely_says_is_a_side_name():
    # "{{BYTE}} in 1984 reported that the PC's Intel 8088 microprocessor outperformed the PDP-11/23 …": "the magazine
    # is a side name"
    text = ("# PDP-11\n\nThe PDP-11 is a series of minicomputers. BYTE in 1984 reported that the PC's microprocessor "
            "outperformed the PDP-11/23 when running Unix. The PDP-11 used the Unibus, and each byte held 8 bits.\n")
    assert "side name" in (_why(text, "BYTE in 1984", "BYTE") or "")


def test_one_answer_typed_for_two_questions_asks_it_once():
    # "Patent medicines that claimed to be a {{panacea}} …" beside "Snake oil … is a {{fraudulent panacea|panacea}} …"
    # in another section: "repeats the 'panacea' answer of another question"
    from ketaquiz.core.generate.rank import _Picks
    from ketaquiz.core.questions import Question

    def cloze(qid: str, topic: str, prompt: str) -> Question:
        return Question(id=qid, topic=topic, type="cloze", source=qid, prompt=prompt)

    picks = _Picks(total=10)
    picks.keep(ranked(cloze("a", "history", "Patent medicines that claimed to be a {{panacea}} were common.")))
    assert not picks.allows(ranked(cloze("b", "overview", "Snake oil is a {{fraudulent panacea|panacea}} in the West.")))
    assert picks.allows(ranked(cloze("c", "overview", "Snake oil often contained {{camphor}}.")))


def test_a_status_is_a_head_a_learner_leaves_out():
    # "… although it retained its {{UN trusteeship status|trusteeship}}.": "the natural answer 'UN trusteeship' may be
    # marked wrong"
    text = ("# History of Togo\n\nTogo was a trust territory. By statute in 1955, French Togoland became an autonomous "
            "republic, although it retained its UN trusteeship status. In 1960 Togo shed its UN trusteeship status.\n")
    assert "UN trusteeship" in gap_forms(text, "UN trusteeship status")


def test_two_english_words_in_capitals_head_a_run_in_paragraph():
    # "{{VACUUM FILTRATION technique|VACUUM FILTRATION}} is most preferred for small batch of solution …" (held-62's
    # page): a heading in capitals, as "By the TIMING OF {{COLLECTION}}"
    text = ("# Filtration\n\nFiltration separates solids from fluids. VACUUM FILTRATION technique is most preferred "
            "for small batches of solution in order to quickly dry out small crystals. A vacuum filtration uses a "
            "Buchner funnel, and the vacuum filtration technique is fast.\n")
    assert "capitals" in (_why(text, "VACUUM FILTRATION", "VACUUM FILTRATION technique") or "")


# held-67's judge (j135), on the session's end: the article's own plain names

def test_a_name_the_article_gives_commonly_or_after_a_comma_is_accepted():
    # "… this is called a myocardial infarction (commonly referred to as a heart attack)": "add 'heart attack'";
    # "… remain as a ring, or annulus, around the middle of the stalk": "accept 'ring'"
    heart = ("# Coronary artery disease\n\nThe heart's muscle cells may die from lack of oxygen and this is called a "
             "myocardial infarction (commonly referred to as a heart attack). Unstable angina may precede myocardial "
             "infarction.\n")
    assert "heart attack" in gap_forms(heart, "myocardial infarction")
    mushroom = ("# Mushroom\n\nAs the cap expands, the veil breaks, and remnants may remain as a ring, or annulus, "
                "around the middle of the stalk. Mushrooms lacking partial veils do not form an annulus.\n")
    assert "ring" in gap_forms(mushroom, "annulus")
    # an item of a list is no other name: "apples, pears, or plums,"
    fruit = "# Fruit\n\nShe bought apples, pears, or plums, and the plums were ripe. Pears keep well.\n"
    assert "plums" not in gap_forms(fruit, "pears")
    # nor are two everyday things named as alternatives: "the drug, or placebo,"
    trial = "# Trial\n\nEach patient took the drug, or placebo, for a week. The placebo was a sugar pill.\n"
    assert "drug" not in gap_forms(trial, "placebo")


def test_an_item_of_a_name_one_list_is_no_second_asking_of_a_cloze():
    # with "heart attack" accepted for {{myocardial infarction}}, "Name one of the types of coronary artery disease"
    # (which accepts it too) took out "In many cases, the first sign is a {{heart attack}}.", a kept question
    from ketaquiz.core.generate.rank import _Picks
    from ketaquiz.core.questions import Question

    types = Question(id="a", topic="types", type="short", source="s", answer="stable angina",
                     accept=["unstable angina", "myocardial infarction", "heart attack"],
                     prompt="Name one of the types of coronary artery disease.")
    sign = Question(id="b", topic="overview", type="cloze", source="t",
                    prompt="In many cases, the first sign is a {{heart attack}}.")
    picks = _Picks(total=10)
    picks.keep(ranked(types, "short-list"))
    assert picks.allows(ranked(sign))


def test_a_lead_date_in_an_aside_about_a_side_thing_is_not_asked():
    # "New technologies such as the electrical telegraph, widely introduced in the _____ in the UK and US, were not
    # sufficient to drive high rates of growth." (corpus: seven judges dropped it, "a one-off date beside the point");
    # the subject's own span in an aside stays ("The Great Plague, lasting from _____, …", kept)
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.lead_dates import lead_dates

    def dates(text: str) -> list[str]:
        art = parse_article(text)
        return [str(c.question.answer) for c in lead_dates(analyse(art), art.sections[0])]

    revolution = ("# Industrial Revolution\n\nThe Industrial Revolution began in Great Britain around 1760. New "
                  "technologies such as the electrical telegraph, widely introduced in the 1840s in the UK and US, "
                  "were not sufficient to drive high rates of growth.\n\n## Textiles\n\nCotton spinning was "
                  "mechanised. The Industrial Revolution changed work.\n")
    assert dates(revolution) == ["1760"]
    plague = ("# Great Plague of London\n\nThe Great Plague, lasting from 1665 to 1666, was the last major epidemic "
              "of the bubonic plague to occur in England.\n\n## Spread\n\nThe plague spread through London.\n")
    assert dates(plague)


# held-68's judge (j136), on the session's end

def test_no_distractor_is_the_subject_or_names_what_the_prompt_shows():
    # "The mining of strontianite in Germany ended when mining of the _____ deposits in Gloucestershire started." was
    # offered with "minerals strontianite", "strontium" and "vast range" beside "celestine": "junk distractors"
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.builders import distractors

    text = ("# Strontium\n\nStrontium is a chemical element. Strontium occurs in the minerals strontianite and "
            "celestine. Strontium is reactive, and strontium burns red.\n\n## History\n\nThe mining of strontianite in "
            "Germany ended when mining of the celestine deposits in Gloucestershire started. Celestine is a sulfate, "
            "and barite is a sulfate too. Celestine and barite are minerals. Strontium salts colour fireworks.\n")
    an = analyse(parse_article(text))
    shown = "The mining of strontianite in Germany ended when mining of the celestine deposits in Gloucestershire started."
    options = [d.casefold() for d, _ in distractors(an, "celestine", shown)]
    assert "strontium" not in options and not any("strontianite" in o for o in options)
