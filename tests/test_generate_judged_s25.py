"""Faults the nineteenth session found in the generator's drafts, from blind judges' verdicts on held-52 to held-56
and a look at what every lead sentence drafts; each test fails on the generator before it."""

from __future__ import annotations

from ketaquiz.core.article import parse_article
from ketaquiz.core.generate import generate_set
from ketaquiz.core.generate.phrases import recurring_term
from ketaquiz.core.giveaways import gloss_giveaway

from .generation import drafted, q

_PHLOGISTON = ("# Phlogiston theory\n\nThe phlogiston theory is a superseded scientific theory that postulated the "
               "existence of a fire-like element called phlogiston. {second}\n\n## Theory\n\nStahl held that metals "
               "were compounds of calxes and phlogiston.\n")


def _stated(text: str, opening: str) -> list[str]:
    """The prompts drawn from the sentence that mentions 1667 which open with `opening`."""
    _, candidates = drafted(text)
    return [c.question.prompt for c in candidates if "1667" in c.question.source and c.question.prompt.startswith(opening)]


def test_it_in_the_opening_lines_is_the_subject_the_article_opened_on():
    # j100 (held-56): "Ask who invented it and when (Joseph Marie Jacquard, 1804)" — the lead's "It was invented by …"
    # was never asked: every sentence opening with "It" was refused, though in the opening lines it is the subject
    it = "It was first stated in 1667 by Johann Joachim Becher and then put together by Georg Ernst Stahl."
    assert _stated(_PHLOGISTON.format(second=it), "The phlogiston theory was first stated")
    # not after a sentence on something else, nor "They" for one theory
    other = "Becher was a German alchemist. " + it
    assert not _stated(_PHLOGISTON.format(second=other), "The phlogiston theory")
    they = it.replace("It was", "They were")
    assert not _stated(_PHLOGISTON.format(second=they), "The phlogiston theor")


def test_it_in_a_country_history_is_the_country():
    # "History of Mozambique" opens on Mozambique: "It gained independence from Portugal in 1975." is its key date
    text = ("# History of Mozambique\n\nMozambique was a Portuguese colony, overseas province and later a member state "
            "of Portugal. It gained independence from Portugal in 1975 after a long war.\n\n## Colonial era\n\n"
            "Portuguese trading posts were set up along the coast from about 1500.\n")
    _, candidates = drafted(text)
    assert any(c.question.prompt.startswith("Mozambique gained independence") for c in candidates)


_DNA = ("# DNA\n\nDeoxyribonucleic acid is a polymer composed of two polynucleotide chains that coil around each "
        "other to form a double helix.\n\n## Structure\n\nThe double helix is held together by hydrogen bonds "
        "between the bases. Heating separates the two strands of the double helix into single strands.\n")


def test_a_phrase_the_article_keeps_writing_is_one_of_its_terms():
    # "… coil around each other to form a {{double helix}}" was refused as the key word glued to the everyday modifier
    # "double"; a phrase the article keeps writing is one of its terms (j102, j103: 44 % keep, 12 % drop, n = 32)
    an = drafted(_DNA)[0]
    assert recurring_term(an, "double helix")
    assert not recurring_term(an, "single strands")  # said once
    qset, _ = generate_set(parse_article(_DNA), set_id="dna")
    assert any("{{double helix" in x.prompt for x in qset.questions)


def test_a_way_of_speaking_is_no_term_however_often_written():
    text = ("# Two-round system\n\nIn the first round every candidate runs. A second round follows if nobody wins in "
            "the first round.\n\n## Counting\n\nVotes of the first round are counted by hand. A wide variety of rules "
            "exist, and a wide variety of countries use a wide variety of them.\n")
    an = drafted(text)[0]
    assert not recurring_term(an, "first round")
    assert not recurring_term(an, "wide variety")


def test_a_word_made_with_a_latin_prefix_gives_nothing_away():
    # held-54: "Missions between Commonwealth countries are known as {{high commissions}}" was refused as if
    # "Missions" showed the answer's root; "commissions" is a word of its own
    assert gloss_giveaway(q("Missions between Commonwealth countries are known as {{high commissions}}.")) is None
    assert gloss_giveaway(q("DNA and ribonucleic acid are {{nucleic acids}}.")) is not None
    assert gloss_giveaway(q("The opposite of homogeneous is {{inhomogeneity}}.")) is not None


def test_a_range_of_shares_is_asked_whole():
    # j104 (held-57) listed PML's "mortality rate of 30–50% in the first few months" among the key facts; the draft
    # blanked the upper end alone ("30–_____"), which the giveaway check refused
    from ketaquiz.core.generate.quantities import quantities

    def asked(sentence: str) -> list[tuple[str, object, list[object]]]:
        _, candidates = drafted(f"# Progressive multifocal leukoencephalopathy\n\n## Prognosis\n\n{sentence}\n",
                                [quantities])
        return [(c.question.prompt, c.question.answer, c.question.choices) for c in candidates]

    assert asked("In general, PML has a mortality rate of 30–50% in the first few months.") == [
        ("PML has a mortality rate of _____ in the first few months.", "30–50%",
         ["10–30%", "30–50%", "50–70%", "70–90%"])]
    # from 1 % no range fits below it, and options all above the answer give it away
    assert asked("Allergy will occur in 1–10% of people, presenting as a skin rash.") == []


def test_the_review_step_reads_a_draft_in_its_article_as_the_generator_did():
    from ketaquiz.core.generate.regap import Regapper
    from ketaquiz.core.quality import passed_and_tripped

    article = parse_article(_DNA)
    helix = q("Deoxyribonucleic acid is a polymer composed of two polynucleotide chains that coil around each other "
              "to form a {{double helix}}.")
    assert "modifier gap" in passed_and_tripped(helix)[1]  # out of its article, a key word glued to "double"
    passed, tripped = Regapper(article).recheck(helix)
    assert "modifier gap" in passed and not tripped


def test_a_pronoun_after_an_opening_phrase_that_names_nothing_dangles():
    # j102 (held-49's Computer vision): "From the perspective of engineering, it seeks to automate tasks that the
    # {{human visual system}} can do" — "'it' does not name computer vision"
    from .generation import assert_dangling

    assert_dangling(["From the perspective of engineering, it seeks to automate tasks that the {{human visual system}} "
                     "can do.",
                     "On most systems, they run the {{boot program}} first."])
    assert_dangling(["From the perspective of engineering, computer vision seeks to automate tasks that the {{human "
                     "visual system}} can do.",
                     "For a given mass, a dense object has a small {{volume}}."], dangling=False)


def test_a_drugs_brand_name_in_parentheses_is_graded_right():
    # j104 (held-57): "The article gives the drug as 'Natalizumab (Tysabri)', so a learner who answers with the brand
    # name is marked wrong"
    from .generation import gap_forms

    text = ("# Progressive multifocal leukoencephalopathy\n\n## Multiple sclerosis medications\n\nNatalizumab (Tysabri) "
            "was approved in 2004 by the FDA for MS. Over 130 cases of PML were reported in patients who had taken "
            "natalizumab for more than a year.\n")
    assert gap_forms(text, "natalizumab") == ["natalizumab", "Tysabri"]
    # a capitalised word in parentheses after any other name is no other name of it ("Halococcus (Archaea)")
    assert gap_forms(text.replace("Natalizumab (Tysabri)", "Halococcus (Archaea)"), "Halococcus") == ["Halococcus"]
    # a word in small letters in the parenthesis is no brand ("natalizumab (approved)")
    assert gap_forms(text.replace("(Tysabri)", "(approved)"), "natalizumab") == ["natalizumab"]


def test_and_or_before_a_lists_last_item_is_no_item():
    # j106 (held-58's Carbamazepine): "Name one of the adverse effects of carbamazepine" accepted "and" and "or
    # constipation" from "…, nausea, vomiting, and/or constipation"
    from ketaquiz.core.generate.enumerations import enumerations

    text = ("# Carbamazepine\n\n## Adverse effects\n\nCommon adverse effects may include drowsiness, dizziness, nausea, "
            "vomiting, and/or constipation.\n")
    _, candidates = drafted(text, [enumerations])
    forms = [[str(c.question.answer), *c.question.accept] for c in candidates]
    assert forms == [["drowsiness", "dizziness", "nausea", "vomiting", "constipation"]]
