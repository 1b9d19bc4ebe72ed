"""Faults the judges of held-29 … held-31 found in drafts (`docs/judging/ab-31` … `ab-33`) and that the thirteenth
session mended; each test fails on the generator before it."""

from __future__ import annotations

from ketaquiz.core.article import parse_article
from ketaquiz.core.generate.analysis import analyse
from ketaquiz.core.generate.answers import key_word
from ketaquiz.core.generate.enumerations import enumerations
from ketaquiz.core.giveaways import gloss_giveaway

from .generation import assert_dangling, drafted, gap_forms, kept_cloze, q


def test_a_generic_head_alone_is_no_answer():
    # paranoia: "{{self-referential way|way|self-referential}}" graded the bare "way" right
    text = ("# Paranoia\n\nParanoia is an instinct or thought process. Paranoia involves anxiety. Paranoia "
            "is common, and paranoia can be mild. Becoming self-tormenting will increase the odds of interpreting others' behaviors in a "
            "self-referential way. People read events in a self-referential way when they are anxious. Hypervigilance "
            "is a way to appraise threats. It may affect the way they perceive themselves.\n")
    forms = gap_forms(text, "self-referential way")
    assert "way" not in forms and "self-referential" in forms, forms


def test_a_head_the_article_gives_three_kinds_of_is_no_answer():
    # adrenal gland: "{{fetal zone|zone|fetal}}" beside the outermost, distinct and definitive zones
    text = ("# Adrenal gland\n\nThe outermost zone of the cortex is thin. Each distinct zone makes its own hormones. "
            "The definitive zone grows after birth. The fetal zone is large. The fetal zone makes androgens. "
            "The fetal zone shrinks after birth. Then the zone disappears. A zone is a layer of cells.\n")
    forms = gap_forms(text, "fetal zone")
    assert "zone" not in forms and "fetal zone" in forms, forms


def test_a_role_noun_in_front_of_a_name_stays_in_the_prompt():
    # "The {{enzyme tyrosine hydroxylase|hydroxylase}} converts tyrosine to L-DOPA": the judge's answer is
    # "tyrosine hydroxylase"
    an = analyse(parse_article("# Adrenal gland\n\nThe enzyme tyrosine hydroxylase converts tyrosine to L-DOPA.\n"))
    assert key_word(an, "enzyme tyrosine hydroxylase") == "tyrosine hydroxylase"


def test_the_acronym_the_article_uses_is_accepted():
    # Windows version history: "{{graphical user interface|user interface}}": the natural "GUI" was graded wrong
    text = ("# Microsoft Windows\n\nMicrosoft introduced Windows as a graphical user interface for MS-DOS. The GUI "
            "ran on top of DOS. Later versions kept the GUI.\n")
    assert "GUI" in gap_forms(text, "graphical user interface")


def test_an_opening_phrase_that_names_nobody_leaves_its_pronoun_dangling():
    assert_dangling([
        # "When activated, it" (held-30): what is activated?
        "When activated, it evokes the release of catecholamines by opening calcium channels in the {{cell membrane}}.",
        # "As in the psychological school, they" (held-30): who?
        "As in the psychological school, they differed in their definitions of what causes {{disequilibrium}}.",
        # "The other source" (held-30): other than which?
        "The other source of cholesterol is synthesis in the cell's {{endoplasmic reticulum}}.",
        # "The report authors" (held-29): which report?
        "The report authors argue that small perturbations in the {{food supply}} are highly amplified.",
    ])
    assert_dangling([
        "When heated, water {{boils}} at 100 degrees.",
        "Unlike most mammals, humans have {{sweat glands}} all over the body.",
        "The two strands of DNA run in opposite directions and are {{antiparallel}}.",
    ], dangling=False)


def test_a_singular_unit_after_a_number_blank_gives_one_away():
    # Stevens–Johnson syndrome: "more than _____ month prior to onset" with 1, 2, 3, 4 on offer
    shown = "Drugs discontinued more than _____ month prior to onset are highly unlikely to cause SJS."
    assert gloss_giveaway(q(shown, "choice", answer="1", choices=["1", "2", "3", "4"]))
    plural = "Drugs discontinued more than _____ months prior to onset are highly unlikely to cause SJS."
    assert gloss_giveaway(q(plural, "choice", answer="2", choices=["1", "2", "3", "4"])) is None


def test_a_list_item_with_a_suspended_hyphen_accepts_both_compounds_and_no_fragment():
    # sodium: "Name one of the most important sodium compounds" accepted "di-", "di  and tri sodium phosphates" and
    # the anion "nitrate" for "sodium nitrate"
    text = ("# Sodium\n\nSodium is a soft metal. Sodium compounds are of immense commercial importance. The most "
            "important sodium compounds are table salt (NaCl), soda ash (Na₂CO₃), baking soda (NaHCO₃), caustic soda "
            "(NaOH), sodium nitrate (NaNO₃), di- and tri-sodium phosphates, sodium thiosulfate, and borax.\n\n## Uses\n\nTable salt "
            "seasons food. Soda ash makes glass. Baking soda raises bread. Sodium nitrate is a fertiliser.\n")
    asked = [c.question for c in drafted(text, [enumerations])[1] if c.question.type == "short"]
    assert asked, "no name-one question"
    accepted = {asked[0].answer, *asked[0].accept}
    assert "tri-sodium phosphates" in accepted and "disodium phosphates" in accepted, accepted
    assert not {a for a in accepted if a.endswith("-") or "  " in a}, accepted
    assert "nitrate" not in accepted and "sodium nitrate" in accepted, accepted


def test_a_defined_plural_subject_is_a_name_not_a_modifier_gap():
    # hacker: "White hats are hackers who …" gapped "system vulnerabilities"; the judge: "gap the defined term"
    from ketaquiz.core.quality import tripped

    assert "modifier gap" not in tripped(q("{{white hats|white hat}} are hackers who work to keep data safe from "
                                           "other hackers by finding system vulnerabilities."))
    assert "modifier gap" in tripped(q("{{white hats|white hat}} are usually employed by the target system's owner."))


def test_another_name_of_what_the_sentence_is_about_is_no_gap():
    # speciation (held-32): "Reinforcement, sometimes referred to as the {{Wallace effect}}, is …", "The hawthorn fly,
    # also known as the {{apple maggot fly}}, …": the judge called both trivia
    prompts = kept_cloze("# Speciation\n\nReinforcement, sometimes referred to as the Wallace effect, is the process "
                         "by which natural selection increases reproductive isolation. The hawthorn fly, also known as "
                         "the apple maggot fly, appears to be undergoing sympatric speciation. Sympatric speciation "
                         "happens within one range. Reproductive isolation separates species. Reproductive isolation can "
                         "be complete.\n")
    assert prompts and not any("{{Wallace" in p or "{{apple maggot" in p for p in prompts), prompts


def test_a_titles_disambiguating_parenthesis_stays_out_of_prompts():
    # "Name one of the serious side effects of Testosterone (medication)." (held-32)
    from ketaquiz.core.generate import generate_set

    text = ("# Testosterone (medication)\n\nTestosterone is a medication and naturally occurring steroid hormone. "
            "It is used to treat male hypogonadism. Side effects include acne, swelling, and breast enlargement in "
            "males. Testosterone is given by injection.\n\n## Uses\n\nTestosterone treats delayed "
            "puberty. Testosterone treats hypogonadism. Acne is common.\n")
    qset, _ = generate_set(parse_article(text), set_id="t")
    assert qset.questions and not any("(medication)" in x.prompt for x in qset.questions), [x.prompt for x in qset.questions]
    assert not any("{{medication" in x.prompt for x in qset.questions)
    assert qset.title == "Testosterone (medication)"


def test_a_year_option_keeps_its_order_with_a_year_the_prompt_states():
    # "Testosterone was first isolated in _____ and approved for medical use in 1939." offered 1940
    from ketaquiz.core.generate.builders import distractors

    an = analyse(parse_article("# Testosterone\n\nTestosterone was first isolated in 1935 and approved for medical "
                               "use in 1939.\n"))
    options = [d for d, _ in distractors(an, "1935", "Testosterone was first isolated in _____ and approved for "
                                                   "medical use in 1939.")]
    assert len(options) == 3 and all(int(o) < 1939 for o in options), options
    assert any(int(o) > 1935 for o in options), options  # the answer is not the latest of the four


def test_a_name_before_a_process_head_is_accepted_alone():
    # held-33: "{{ECMAScript specification}}" and "{{sodium oxybate overdose|oxybate}}" refused the natural answers
    text = ("# JavaScript\n\nJavaScript is a programming language. JavaScript conforms to the ECMAScript "
            "specification. JavaScript runs in browsers. ECMAScript is a standard. Each edition of ECMAScript adds "
            "features to JavaScript. JavaScript engines compile code.\n")
    assert "ECMAScript" in gap_forms(text, "ECMAScript specification")
    drug = ("# GHB\n\nOne report suggested that sodium oxybate overdose might be fatal. Sodium oxybate is sold as "
            "Xyrem. Sodium oxybate treats narcolepsy. Doctors prescribe sodium oxybate at night.\n")
    assert "sodium oxybate" in gap_forms(drug, "sodium oxybate overdose")


def test_name_one_of_a_kind_accepts_the_word_that_names_each_kind():
    # held-33: "Name one of the fractures of the foot" graded "Lisfranc", "Jones", "march" wrong
    text = ("# Foot\n\nThe foot bears weight. The foot has 26 bones.\n\n## Fractures\n\nFractures of the foot include "
            "Lisfranc fracture, Jones fracture, march fracture and calcaneal fracture. A fracture heals slowly.\n")
    asked = [c.question for c in drafted(text, [enumerations])[1] if c.question.type == "short"]
    assert asked, "no name-one question"
    accepted = {a.casefold() for a in [asked[0].answer, *asked[0].accept]}
    assert {"lisfranc", "jones", "march"} <= accepted, accepted


def test_a_year_given_roughly_is_asked_among_years_a_decade_apart():
    # corpus judge j64: "1755 · 1760 · 1765 for 'around 1760'", "1921 beside 'about 1922'"
    from ketaquiz.core.generate.builders import distractors

    an = analyse(parse_article("# Steam\n\nThe efficiency of engines rose until about 1922. In 1921 a record was "
                               "set.\n"))
    options = [int(d) for d, _ in distractors(an, "1922", "The efficiency of engines rose until about _____.")]
    assert len(options) == 3 and all(abs(o - 1922) >= 10 for o in options), options
    exact = [int(d) for d, _ in distractors(an, "1922", "The efficiency of engines rose until _____.")]
    assert any(abs(o - 1922) < 10 for o in exact), exact  # an exact year keeps its near neighbours


def test_a_year_is_no_decades_tell():
    # "1750" offered in one question and "1750s" in another are different options, not one reused
    from ketaquiz.core.generate.rank import _wrong_options

    year = q("Beginning around _____, it spread.", "choice", answer="1760", choices=["1740", "1750", "1760", "1770"])
    decade = q("In the _____, blast air was used.", "choice", answer="1740s", choices=["1730s", "1740s", "1750s"])
    assert not set(_wrong_options(year)) & set(_wrong_options(decade))


def test_a_connective_that_joins_the_sentences_own_clauses_stays():
    # held-34: "THC has a low water solubility {{ingestion}} leads to …", "… with schizophrenia it is unclear if …"
    from ketaquiz.core.generate.builders import stem

    text = ("# Hashish\n\n## Effects\n\nTHC has a low water solubility therefore ingestion leads to poor absorption. "
            "There has been an association with schizophrenia, however it is unclear if there is a causative "
            "relationship. The existing process may therefore assume that goods arrive first. Selective pressures "
            "exist however in many places.\n")
    an = analyse(parse_article(text))
    prompts = [st[0] for s in an.article.sentences if (st := stem(an, s))]
    assert "low water solubility therefore ingestion" in prompts[0], prompts
    assert "schizophrenia, however it is unclear" in prompts[1], prompts
    # standing aside, the connective points at the sentence before and goes, as before
    assert prompts[2].startswith("The existing process may assume") and "exist in many places" in prompts[3], prompts


def test_more_openings_that_point_at_text_unseen_dangle():
    # held-33 and held-34: "The force was created by …", "The war ended with …", "The existing process …", "In the
    # later period, …", "From the sixth century BC, they are separated …", "In other cases, the scribe …"
    assert_dangling([
        "The force was created by Hermann Göring in {{1933}} by combining the police agencies of Prussia.",
        "The war ended with a Valois victory at {{Castillon}}.",
        "The existing process may assume that goods are typically received before the {{invoice}}.",
        "In the later period, {{syncopation}} increased.",
        "From the sixth century BC, they are separated by a dot or a colon, which might separate {{syllables}}.",
        "In other cases, the scribe sometimes inserted a vowel: Hēraklēs became Hercle by {{syncopation}}.",
    ])
    assert_dangling([
        "The Hundred Years' War ended with a Valois victory at {{Castillon}}.",
        "The original stand-alone units were not in demand as many effects came built into {{amplifiers}}.",
        "The war of independence was won by the {{colonists}}.",
    ], dangling=False)


def test_the_subject_unnamed_behind_a_described_syndrome_dangles():
    # held-33: "The withdrawal syndrome can be severe producing acute {{delirium}}" in *Gamma-Hydroxybutyric acid*
    text = ("# Gamma-Hydroxybutyric acid\n\nGHB is a depressant. GHB is used as an intoxicant. GHB acts on the GHB "
            "receptor.\n\n## Withdrawal\n\nThe withdrawal syndrome can be severe producing acute delirium and may "
            "require hospitalization. GHB withdrawal causes insomnia and tremor. Delirium is a medical emergency.\n")
    prompts = kept_cloze(text)
    assert not any(p.startswith("The withdrawal syndrome") for p in prompts), prompts


def test_one_studys_finding_is_no_question():
    # held-33: "One publication has investigated _____ deaths attributed to GHB", "Seventy-one deaths had no
    # {{co-intoxicants}}", "One report has suggested that …"; the corpus's "One discovery suggests …" (held-27)
    text = ("# GHB\n\nGHB is a depressant. GHB can cause respiratory depression. GHB is sold as sodium oxybate.\n\n"
            "## Deaths\n\n"
            "One publication has investigated 226 deaths attributed to GHB. Seventy-one deaths had no co-intoxicants. "
            "Respiratory depression with alcohol causes most deaths. Co-intoxicants such as alcohol raise the risk. "
            "Some patients are predisposed to respiratory depression by their age.\n")
    from ketaquiz.core.generate.worth import unworthy

    an, cands = drafted(text)
    found = [c for c in cands if c.question.source.startswith(("One publication", "Seventy-one deaths"))
             and c.family.startswith(("cloze", "choice"))]
    why = [unworthy(c, an) or "" for c in found]
    assert found and all(why) and sum("one study's finding" in w for w in why) >= 2, why
    assert any(p.startswith("Some patients") for p in kept_cloze(text))  # "Some" counts nothing


def _asks_gap(article: str, gap: str) -> bool:
    """Some cloze the article (Markdown text) draws, before ranking, opens its gap on `gap`."""
    return any("{{" + gap in p for p in kept_cloze(article))


def test_a_gap_beside_the_term_its_sentence_names_in_quotes_is_no_question():
    # held-34: 'Organizations that … are referred to as "trading partners" in {{EDI terminology}}'; the article's own
    # name in quotes is no such term: 'A {{primordial singularity}} is sometimes called "the Big Bang"' (kept)
    edi = ("# Electronic data interchange\n\nEDI is the exchange of business documents between computers. EDI "
           "replaces paper documents.\n\n## Terms\n\nOrganizations that send or receive documents between each other "
           "are referred to as \"trading partners\" in EDI terminology. EDI terminology differs between standards. "
           "Trading partners agree on a standard first.\n")
    big_bang = ("# Big Bang\n\nThe Big Bang is a physical theory of the universe. A primordial singularity is sometimes "
                "called \"the Big Bang\", but the term can refer to an early hot, dense phase. The primordial "
                "singularity is a hypothesis. The Big Bang explains the cosmic background.\n")
    assert (_asks_gap(edi, "EDI terminology"), _asks_gap(big_bang, "primordial singularity")) == (False, True)
