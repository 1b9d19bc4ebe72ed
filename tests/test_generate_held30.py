"""Faults held-30's judge found in drafts (j56, `docs/judging/ab-32`), mended after it judged them; each test fails
on the generator before it."""

from __future__ import annotations

from ketaquiz.core.article import parse_article
from ketaquiz.core.generate.analysis import analyse
from ketaquiz.core.generate.builders import distractors
from ketaquiz.core.generate.chains import chains
from ketaquiz.core.generate.enumerations import enumerations
from ketaquiz.core.questions import Question

from .generation import drafted


def _listed(text: str) -> list[Question]:
    """The questions the in-sentence list builder drafts from an article."""
    return [c.question for c in drafted(text, [enumerations])[1]]


def test_a_list_named_by_a_counted_noun_after_a_participle_is_that_noun():
    # "Name one of the divided into three zones of the adrenal gland."
    text = ("# Adrenal gland\n\nThe adrenal glands are endocrine glands above the kidneys. The adrenal cortex itself "
            "is divided into three zones: the zona glomerulosa, the zona fasciculata and the zona reticularis.\n\n"
            "## Structure\n\nThe zona glomerulosa makes aldosterone. The zona fasciculata makes cortisol. The zona "
            "reticularis makes androgens.\n")
    prompts = [q.prompt for q in _listed(text)]
    assert prompts and all("the divided" not in p for p in prompts), prompts
    assert any(p.startswith("Name one of the three zones") for p in prompts), prompts


def test_a_step_is_more_than_one_word():
    # "Rackmounts: put these steps in the order …" with the step "Meaning" (from "This means that …")
    text = ("# Effects unit\n\n## Rackmounts\n\nBy setting up effects in a rack-mounted road case, this speeds up "
            "set-up and tear-down for the band. This means that a musician only needs to plug in the main power "
            "bar.\n")
    _, cands = drafted(text, [chains])
    for c in cands:
        assert all(len(item.split()) >= 2 for item in c.question.items), c.question.items


def test_the_2000s_are_a_decade_whose_neighbours_are_decades():
    # "Since the _____, guitar amplifiers began …" offered 2100s and 2200s beside 2000s
    an = analyse(parse_article("# Effects\n\n## Amplifiers\n\nSince the 2000s, guitar amplifiers have built-in "
                               "effects.\n"))
    options = [d for d, _ in distractors(an, "2000s", "Since the 2000s, guitar amplifiers have built-in effects.")]
    assert len(options) == 3 and all(int(o[:4]) < 2100 and int(o[:4]) % 10 == 0 for o in options), options
    assert {"1990s", "2010s"} <= set(options)


def test_a_plural_in_es_the_lexicon_does_not_know_loses_es():
    # "{{stompboxes|stompboxe}}": the learner's "stompbox" was graded wrong
    from ketaquiz.core.generate import lexicon as lx

    assert lx.singular("stompboxes") == "stompbox" and lx.singular("sandboxes") == "sandbox"
    assert lx.singular("cystitis") == "cystitis" and lx.singular("genomes") == "genome"


def test_a_part_of_the_answer_that_is_the_articles_subject_is_not_accepted():
    # held-31's judge: "gels" accepted for "agarose gels", "electrophoresis" for "post electrophoresis stain" in *Gel
    # electrophoresis* ("grades the topic word right"); the term's own singular stays
    from ketaquiz.core.generate.answers import gap_for

    an = analyse(parse_article("# Gel electrophoresis\n\n## Gels\n\nAgarose gels separate large DNA. Each gel is "
                               "cast in a tray. Gel electrophoresis sorts molecules by size. A post electrophoresis "
                               "stain shows the bands. Agarose gels are easy to cast.\n"))
    forms = gap_for(an, "agarose gels").strip("{}").split("|")
    assert "agarose gel" in forms and "agarose" in forms and "gels" not in forms and "gel" not in forms, forms
    assert gap_for(an, "post electrophoresis stain") == "{{post electrophoresis stain}}"


def test_a_salts_anion_alone_is_not_its_name():
    # held-31's judge: "bromide" accepted for "ethidium bromide"
    from ketaquiz.core.generate.answers import gap_for

    an = analyse(parse_article("# Gels\n\n## Staining\n\nEthidium bromide stains DNA under ultraviolet light. The "
                               "stain ethidium bromide is toxic. Sodium chloride is added to the buffer.\n"))
    assert "bromide" not in gap_for(an, "ethidium bromide").strip("{}").split("|")
    assert "chloride" not in gap_for(an, "sodium chloride").strip("{}").split("|")


def test_a_list_parted_by_semicolons_with_other_names_is_asked_in_order():
    # held-31's judge listed "the three stages of mania" among the key facts no question asked: the list is parted by
    # semicolons, each stage with its other name ("hypomania, or stage I; …")
    text = ("# Mania\n\nMania is a state of abnormally elevated arousal and energy. Mania is divided into three "
            "stages: hypomania, or stage I; acute mania, or stage II; and delirious mania (delirium), or stage III. "
            "Mania varies in intensity from hypomania to delirious mania.\n\n## Causes\n\nAcute mania often follows "
            "sleep loss. Hypomania can last for days.\n")
    orders = [q for q in _listed(text) if q.type == "order"]
    assert orders and orders[0].items == ["Hypomania", "Acute mania", "Delirious mania"], orders
    assert orders[0].prompt == "Put the three stages of mania in the order the text gives them."
