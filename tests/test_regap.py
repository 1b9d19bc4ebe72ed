"""Moving a draft's gap to another word of its sentence (`generate.regap`), the review step's one-choice fix."""

from __future__ import annotations

import pytest

from ketaquiz.core.article import parse_article
from ketaquiz.core.generate.regap import Regapper, gappable
from ketaquiz.core.quality import tripped
from ketaquiz.core.questions import Question, cloze_gaps

TEXT = """# Gemstones

A gemstone is a piece of mineral crystal that is cut and polished to make jewelry.

## Value

In diamonds, cut is the primary determinant of value, followed by clarity and color.
An emerald owes its green color to traces of chromium. Rubies are a variety of corundum.
"""
DIAMONDS = "In diamonds, cut is the primary determinant of value, followed by clarity and color."


@pytest.fixture(scope="module")
def regapper() -> Regapper:
    return Regapper(parse_article(TEXT))


def cloze(prompt: str, source: str, qid: str = "value-cloze-1") -> Question:
    return Question(id=qid, topic="value", type="cloze", prompt=prompt, source=source, origin="generated")


def test_the_choices_are_the_sentences_other_words_in_order_without_the_present_answer(regapper):
    q = cloze("In diamonds, cut is the primary {{determinant}} of value, followed by clarity and color.", DIAMONDS)
    choices = regapper.choices(q)
    assert "determinant" not in choices
    for word in ("diamonds", "value", "clarity", "color"):
        assert word in choices
    assert choices.index("diamonds") < choices.index("value") < choices.index("clarity") < choices.index("color")


def test_a_new_gap_fills_the_old_one_and_accepts_the_forms_a_learner_types(regapper):
    q = cloze("In diamonds, cut is the primary {{determinant}} of value, followed by clarity and color.", DIAMONDS)
    moved = regapper.regap(q, "clarity")
    assert moved.prompt == "In diamonds, cut is the primary determinant of value, followed by {{clarity}} and color."
    assert moved.type == "cloze" and moved.id != q.id and moved.source == DIAMONDS
    assert moved.origin == "edited"  # a person chose this gap
    plural = regapper.regap(q, "diamonds")
    assert cloze_gaps(plural.prompt) == [["diamonds", "diamond"]]


def test_the_articles_own_a_or_an_comes_back_where_the_gap_was(regapper):
    source = "An emerald owes its green color to traces of chromium."
    q = cloze("A(n) {{emerald}} owes its green color to traces of chromium.", source)
    assert regapper.regap(q, "chromium").prompt == "An emerald owes its green color to traces of {{chromium}}."


def test_a_choice_becomes_a_cloze_on_the_chosen_word(regapper):
    q = Question(id="value-choice-1", topic="value", type="choice", prompt="Rubies are a _____ of corundum.",
                 answer="variety", choices=["mineral", "variety", "colour", "cut"],
                 source="Rubies are a variety of corundum.", origin="generated")
    assert "corundum" in regapper.choices(q) and "variety" not in regapper.choices(q)
    moved = regapper.regap(q, "corundum")
    assert (moved.type, moved.prompt, moved.choices, moved.answer) == (
        "cloze", "Rubies are a variety of {{corundum}}.", [], None)


def test_a_word_the_question_does_not_show_or_a_type_without_a_gap_is_a_clear_error(regapper):
    q = cloze("In diamonds, cut is the primary {{determinant}} of value, followed by clarity and color.", DIAMONDS)
    with pytest.raises(ValueError, match=r"value-cloze-1: “sapphire” is not a word of its text"):
        regapper.regap(q, "sapphire")
    tf = Question(id="value-tf-1", topic="value", type="truefalse", prompt=DIAMONDS, answer=True, source=DIAMONDS)
    assert regapper.choices(tf) == []
    with pytest.raises(ValueError, match="value-tf-1: a truefalse question has no gap to move"):
        regapper.regap(tf, "clarity")


def test_the_new_id_is_unique_among_the_other_drafts(regapper):
    q = cloze("In diamonds, cut is the primary {{determinant}} of value, followed by clarity and color.", DIAMONDS)
    first = regapper.regap(q, "clarity")
    again = regapper.regap(q, "clarity", taken={first.id})
    assert again.id == first.id + "-2"


def test_a_name_or_a_law_inside_a_longer_term_is_offered_whole():
    text = "# Grenada\n\nIn 1950 Eric Gairy founded a party. The expansion follows Hubble's law of distances.\n"
    r = Regapper(parse_article(text))
    name = Question(id="grenada-cloze-1", topic="grenada", type="cloze", prompt="In 1950 Eric Gairy founded a {{party}}.")
    law = Question(id="grenada-cloze-2", topic="grenada", type="cloze",
                   prompt="The {{expansion}} follows Hubble's law of distances.")
    assert "Eric Gairy" in r.choices(name) and "1950" in r.choices(name)
    assert "Hubble's law" in r.choices(law)
    assert r.regap(law, "Hubble's law").prompt.startswith("The expansion follows {{Hubble's law")


def test_numbers_are_offered_whole(regapper):
    q = cloze("About 1,200 of 500,000 people (12.5%) had it {{today}}.", "About 1,200 of 500,000 people (12.5%) had it today.")
    numbers = [c for c in regapper.choices(q) if c[:1].isdigit()]
    assert numbers == ["1,200", "500,000", "12.5%"]  # not "200", "500" or "000 people"
    assert regapper.regap(q, "500,000").prompt == "About 1,200 of {{500,000}} people (12.5%) had it today."


def test_a_key_term_no_draft_asks_gets_a_cloze_in_its_section(regapper):
    q = regapper.draft_for_term("value", "chromium").question
    assert q.prompt == "An emerald owes its green color to traces of {{chromium}}."
    assert (q.topic, q.type, q.source) == ("value", "cloze", "An emerald owes its green color to traces of chromium.")
    assert q.origin == "edited"
    assert regapper.draft_for_term("value", "chromium", taken={q.id}).question.id == q.id + "-2"
    with pytest.raises(ValueError, match="section “Value”: no sentence that stands on its own says “sapphire”"):
        regapper.draft_for_term("value", "sapphire")
    with pytest.raises(ValueError, match="no section “prices”"):
        regapper.draft_for_term("prices", "chromium")


def test_a_term_draft_is_the_generators_own_best_draft_on_a_sentence_no_other_draft_quotes():
    text = ("# Kidney\n\n## Filtering\n\nThe glomerulus filters the blood plasma. Each nephron has a glomerulus and a "
            "tubule. The filtrate passes from the glomerulus into the renal tubule, where water is reabsorbed.\n")
    r = Regapper(parse_article(text))
    first = r.draft_for_term("filtering", "glomerulus")
    assert first.warning == "" and "{{glomerulus" in first.question.prompt
    other = r.draft_for_term("filtering", "glomerulus", used_sources={first.question.source})
    assert other.question.source != first.question.source and "{{glomerulus" in other.question.prompt


def test_a_term_the_generator_would_not_ask_comes_with_its_reason():
    text = ("# Kidney\n\n## History\n\nThe kidney filters the blood. In 1842 William Bowman described the capsule "
            "around the glomerulus. The glomerulus filters plasma into the capsule.\n")
    drafted = Regapper(parse_article(text)).draft_for_term("history", "William Bowman")
    assert "{{William Bowman" in drafted.question.prompt or "{{Bowman" in drafted.question.prompt
    assert drafted.warning  # a side name said once: the reviewer sees why the generator left it out


TUBULIN = """# Microtubules

Microtubules are polymers of tubulin that form part of the cytoskeleton of eukaryotic cells.

## Structure

Each tubulin dimer has an alpha and a beta subunit. Tubulin binds GTP. The tubulin dimers line up in thirteen
protofilaments around a hollow core. The cytoskeleton gives the cell its shape.

## Dynamics

Microtubules grow and shrink in a process called dynamic instability. Free tubulin adds to the plus end.
"""


def test_the_menu_puts_the_articles_recurring_key_terms_first_and_stock_words_last():
    regapper = Regapper(parse_article(TUBULIN))
    src = "Microtubules are polymers of tubulin that form part of the cytoskeleton of eukaryotic cells."
    q = Question(id="q", topic="microtubules", type="cloze", prompt=src.replace("polymers", "{{polymers}}"),
                 source=src, origin="generated")
    likely, rest = regapper.menu(q)
    assert sorted(likely + rest) == sorted(regapper.choices(q))  # the same choices, reordered
    assert likely[0] == "cytoskeleton"  # a key term the article comes back to, not the sentence's first word
    assert "part" not in likely and "eukaryotic" not in likely  # a stock word; a describing word said once
    assert rest == [c for c in regapper.choices(q) if c in rest]  # the others along the sentence
    assert regapper.likeliest(q, limit=2) == likely[:2]


def _id_of(regapper: Regapper, start: str) -> str:
    return next(s.id for s in regapper.an.sentence.values() if s.text.startswith(start))


def test_a_sentence_the_reviewer_picks_becomes_a_cloze_on_its_likeliest_word():
    regapper = Regapper(parse_article(TUBULIN))
    sid = _id_of(regapper, "Microtubules are polymers")
    drafted = regapper.draft_for_sentence(sid, taken={"microtubules-cloze-x"})
    q = drafted.question
    assert q.type == "cloze" and q.topic == "overview" and q.origin == "edited" and not drafted.warning
    assert q.source == "Microtubules are polymers of tubulin that form part of the cytoskeleton of eukaryotic cells."
    assert cloze_gaps(q.prompt)[0][0] == "cytoskeleton"  # as the gap menu's first choice
    assert regapper.draft_for_sentence(sid, taken={q.id}).question.id != q.id


def test_a_picked_sentence_that_leans_on_the_one_before_is_given_it_or_warned():
    text = """# Pumps

## Types

A centrifugal pump moves fluid with a spinning impeller. This design suits clean water.
It cannot lift thick slurry. The impeller is cast in bronze. A worn impeller loses pressure.
"""
    regapper = Regapper(parse_article(text))
    this = regapper.draft_for_sentence(_id_of(regapper, "This design")).question
    assert this.prompt.startswith("A centrifugal pump moves fluid with a spinning impeller. This")
    # "centrifugal pump" and "impeller" are likelier gaps, but the context is not what the reviewer picked
    assert this.prompt.index("{{") > this.prompt.index("This")
    it = regapper.draft_for_sentence(_id_of(regapper, "It cannot"))  # held-23: "'It' never says what it means"
    assert "“It” is read from the sentence before" in it.warning  # the reviewer checks what "It" is
    assert it.question.prompt.startswith("A centrifugal pump moves fluid")
    assert it.question.prompt.index("{{") > it.question.prompt.index("It cannot")
    assert it.question.source.startswith("A centrifugal pump") and it.question.source.endswith("thick slurry.")
    alone = Regapper(parse_article("# Pumps\n\n## Limits\n\nIt cannot lift thick slurry from a deep mine shaft.\n"))
    assert "leans on text before it" in alone.draft_for_sentence(_id_of(alone, "It cannot")).warning


def test_a_list_introduction_or_an_unknown_sentence_is_a_clear_error():
    text = "# Beans\n\n## Kinds\n\nThe main kinds of coffee bean are:\n\n- arabica\n- robusta\n"
    regapper = Regapper(parse_article(text))
    with pytest.raises(ValueError, match="introduces a list"):
        regapper.draft_for_sentence(_id_of(regapper, "The main kinds"))
    with pytest.raises(ValueError, match="no sentence “s404”"):
        regapper.draft_for_sentence("s404")


def test_a_picked_sentence_whose_likeliest_gap_trips_a_check_gets_the_next_that_passes():
    twice = "The cytoskeleton gives the cell its shape, and the cytoskeleton moves organelles."
    regapper = Regapper(parse_article(TUBULIN.replace("The cytoskeleton gives the cell its shape.", twice)))
    sid = _id_of(regapper, "The cytoskeleton gives")
    # "cytoskeleton" is likeliest, but gapped twice one gap answers the other
    assert max(gappable(twice), key=regapper.gap_promise) == "cytoskeleton"
    drafted = regapper.draft_for_sentence(sid)
    assert not drafted.warning and not tripped(drafted.question)
    assert drafted.question.prompt == "The cytoskeleton gives the cell its shape, and the cytoskeleton moves {{organelles|organelle}}."


def test_a_new_gap_accepts_no_form_the_prompt_shows():
    # held-23: "Hyoscine, also known as {{scopolamine|Hyoscine}}, is a medication …": typing back "Hyoscine" passed
    text = ("# Hyoscine\n\nHyoscine, also known as scopolamine, is a medication used to treat motion sickness.\n"
            "Scopolamine is produced by plants of the nightshade family.\n")
    regapper = Regapper(parse_article(text))
    q = regapper.draft_for_sentence(_id_of(regapper, "Hyoscine, also")).question
    gaps = cloze_gaps(q.prompt)
    assert gaps and not any(form.casefold() == "hyoscine" for gap in gaps for form in gap)


def test_a_case_name_is_offered_whole():
    # held-23: "… in the case of {{Folkes v|Folkes}}. Chadd in 1782."
    text = "# Expert witness\n\n## History\n\nThe idea was first introduced by Lord Mansfield in the case of Folkes v. Chadd in 1782.\n"
    regapper = Regapper(parse_article(text))
    sentence = "The idea was first introduced by Lord Mansfield in the case of Folkes v. Chadd in 1782."
    words = gappable(sentence)
    assert "Folkes v. Chadd" in words and not any(w.endswith(" v") for w in words)
    q = regapper.regap(cloze(sentence.replace("Lord Mansfield", "{{Lord Mansfield}}"), sentence), "Folkes v. Chadd")
    assert cloze_gaps(q.prompt)[0][0] == "Folkes v. Chadd" and "case of {{Folkes v. Chadd" in q.prompt


def test_the_most_central_sentence_no_draft_asks_is_found_per_section():
    regapper = Regapper(parse_article(TUBULIN))
    from ketaquiz.core.generate.importance import sentence_importance

    importance = sentence_importance(regapper.an)
    structure = next(sec for sec in regapper.article.sections if sec.slug == "structure")
    ranked = sorted(structure.sentences, key=lambda s: -importance[s.id])
    assert regapper.central_unasked("structure", []) == [ranked[0].id]
    # once a draft quotes it, the next most central
    assert regapper.central_unasked("structure", [ranked[0].text], limit=2) == [ranked[1].id, ranked[2].id]
    assert regapper.central_unasked("no-such-section", []) == []


def test_words_selected_in_a_picked_sentence_become_its_gap():
    regapper = Regapper(parse_article(TUBULIN))
    sid = _id_of(regapper, "Microtubules are polymers")
    q = regapper.draft_for_sentence(sid, phrase=" eukaryotic\ncells. ").question  # as a selection comes
    assert cloze_gaps(q.prompt)[0][0] == "eukaryotic cells" and q.prompt.startswith("Microtubules are polymers")
    with pytest.raises(ValueError, match="“thirteen protofilaments” is not words of the sentence"):
        regapper.draft_for_sentence(sid, phrase="thirteen protofilaments")


def test_a_picked_sentence_is_not_gapped_on_the_articles_subject_or_its_other_names():
    # held-25: "{{receptive aphasia}}", "The most common cause of {{Wernicke}}'s aphasia is stroke": "worthless"
    text = """# Receptive aphasia

Wernicke's aphasia, also known as receptive aphasia, is a type of aphasia in which people cannot understand speech.
Receptive aphasia leaves speech fluent. Receptive aphasia is often missed in the clinic.

## Causes

The most common cause of Wernicke's aphasia is stroke.
"""
    regapper = Regapper(parse_article(text))
    q = regapper.draft_for_sentence(_id_of(regapper, "The most common cause")).question
    assert cloze_gaps(q.prompt)[0][0] == "stroke"
    named = regapper.draft_for_sentence(_id_of(regapper, "Wernicke's aphasia, also")).question
    assert cloze_gaps(named.prompt)[0][0].casefold() != "receptive aphasia"  # the title itself, even here
    # where the sentence gives the subject's other name, that name is the fact (held-23: kept)
    hyoscine = Regapper(parse_article("# Hyoscine\n\nHyoscine, also known as scopolamine, is a medication used to "
                                      "treat motion sickness.\nScopolamine patches are worn behind the ear.\n"))
    q2 = hyoscine.draft_for_sentence(_id_of(hyoscine, "Hyoscine, also")).question
    assert cloze_gaps(q2.prompt)[0][0] == "scopolamine"
    chosen = regapper.draft_for_sentence(_id_of(regapper, "The most common cause"), phrase="Wernicke").question
    assert cloze_gaps(chosen.prompt)[0][0] == "Wernicke"  # the reviewer's own choice stands


def test_a_picked_sentence_whose_likeliest_gap_is_a_stock_word_asks_its_number():
    # held-25: "In 2015, pollution killed 9 million people in the {{world}}" — "blank the death toll as a choice"
    text = """# Pollution

## Health

In 2015, pollution killed 9 million people in the world.
Air pollution harms the lungs and the heart of people in cities.
"""
    regapper = Regapper(parse_article(text))
    drafted = regapper.draft_for_sentence(_id_of(regapper, "In 2015"))
    q = drafted.question
    assert q.type == "choice" and q.answer == "9" and "_____ million people" in q.prompt and len(q.choices) == 4
    assert q.origin == "edited"
