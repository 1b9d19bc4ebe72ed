"""Rules drawn from held-20's blind verdicts (`docs/judging/held-20/`); each test fails on the generator before it."""

from __future__ import annotations

from ketaquiz.core.article import parse_article
from ketaquiz.core.generate import generate_set
from ketaquiz.core.generate.analysis import analyse
from ketaquiz.core.generate.answers import gap_for
from ketaquiz.core.generate.lexicon import LEAD_INS
from ketaquiz.core.generate.trimming import trim_to_term

from .generation import assert_dangling, drafted


def test_a_long_sentence_keeps_the_place_that_bounds_its_claim_and_drops_only_a_time():
    # "{{anions}} are forced …" had lost "At the anode,": "nothing says where"; "In the United States, statutory
    # minimum wages were first introduced …" had lost the country
    at = ("At the anode, anions are forced by the electrical potential to react chemically and give off electrons "
          "which then flow up and into the driving circuit of the battery or of the electrolytic cell.")
    assert trim_to_term(at, "anions").startswith("At the anode, anions")
    when = ("In the 20th century, the rapid development of jet propulsion and of rockets made the study of supersonic "
            "flow a practical matter for the engineers of the day.")
    assert trim_to_term(when, "propulsion").startswith("The rapid development")


def test_in_other_words_and_in_general_go_from_the_prompt():
    assert LEAD_INS.sub("", "In other words, the cathode becomes the anode.") == "the cathode becomes the anode."
    assert LEAD_INS.sub("", "In general, organic cyanides are called nitriles.") == "organic cyanides are called nitriles."


def test_another_of_a_kind_dangles():
    assert_dangling(["Metachromatic leukodystrophy is another {{lysosomal storage disease}} of lipid metabolism.",
                     "Detergents are another class of {{surfactant}}."])
    assert_dangling(["The stones passed from one {{trader}} to another along the coast."], dangling=False)


LIBYA = """# History of Libya

## Overview

The history of Libya comprises six distinct periods: Ancient Libya, the Roman era, the Islamic era, Ottoman rule,
Italian rule, and the Modern era.

## Ancient Libya

The Berbers lived in the coastal plain of Libya from the Neolithic onwards. Carthage later ruled Tripolitania.
The Greeks founded Cyrene in Cyrenaica. Rome annexed Cyrenaica after the last Greek ruler died.
"""


def test_a_list_of_the_subjects_parts_names_it_in_lower_case_and_never_accepts_the_subject():
    # "Name one of the six distinct periods of History of Libya.", accepting plain "Libya": "a wrong answer scores"
    named = [c.question for c in drafted(LIBYA)[1] if c.question.prompt.startswith("Name one")]
    assert [q.prompt for q in named] == ["Name one of the six distinct periods of the history of Libya."]
    assert named[0].answer == "Ancient Libya" and "Libya" not in named[0].accept and "Roman era" in named[0].accept


def test_a_latin_epithet_is_no_answer_on_its_own():
    # "{{systemic lupus erythematosus|erythematosus}}": "accepts 'erythematosus' but not the natural 'lupus'"
    an = analyse(parse_article("# Lupus\n\nSystemic lupus erythematosus is an autoimmune disease. It affects skin.\n"))
    assert "|erythematosus" not in gap_for(an, "systemic lupus erythematosus")
    spacers = analyse(parse_article("# CRISPR\n\nCRISPR spacers come from phage DNA. Spacers guide Cas9.\n"))
    assert "|spacers" in gap_for(spacers, "CRISPR spacers")  # a specific head is still the learner's answer


def test_an_everyday_kind_is_not_asked_as_a_type():
    # "According to the text, monarchy is a type of what?" (government): "trivially known"
    text = ("# Monarchy\n\n## Overview\n\nMonarchy is a form of government in which a person, the monarch, is head of "
            "state for life. A monarchy is a type of government. An elective monarchy is a type of monarchy in "
            "which the monarch is chosen by electors.\n")
    qset, _ = generate_set(parse_article(text), set_id="m")
    assert not any("is a type of what" in q.prompt for q in qset.questions)


def test_a_name_said_once_is_called_a_name_not_everyday_english():
    # the review step showed "side word: “John Locke” is everyday English the article names only here"
    from ketaquiz.core.generate.worth import unworthy

    text = ("# Parties\n\n## Whigs\n\nA major influence on the Whigs were the liberal ideas of John Locke. The Whigs "
            "opposed absolute rule and supported a constitutional monarchy. The Whigs later split into factions.\n")
    an, candidates = drafted(text)
    reasons = [unworthy(c, an) for c in candidates if "{{John Locke" in c.question.prompt]
    assert reasons and all("everyday English" not in (r or "") for r in reasons)
    assert any("a name of everyday words" in (r or "") for r in reasons)
