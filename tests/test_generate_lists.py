"""Bulleted lists as Wikipedia writes them: named so the question stands alone, their items read as names.

Held-out judges (held-2) marked "Name one of the five parts that the text lists" unreadable ("points at a list the
learner does not see") and asked for "the five parts of every mechanical pendulum clock movement"; 61 of 72 list runs
in eighteen held-out articles were not asked at all (no label, or items that are glosses: "Striking train: strikes
a bell …", "EC 3, Hydrolases: …").
"""

from __future__ import annotations

from ketaquiz.core.article import parse_article
from ketaquiz.core.generate import generate_set
from ketaquiz.core.generate.analysis import analyse
from ketaquiz.core.generate.families import BUILDERS
from ketaquiz.core.generate.items import defined_by_item, item_name
from ketaquiz.core.generate.lists import list_phrase
from ketaquiz.core.quality import modifier_gap
from ketaquiz.core.questions import Question

from .generation import drafted

PENDULUM = """# Pendulum clock

## Mechanism

A pendulum clock keeps time with a swinging weight, and its accuracy depends on the length of the rod.
The movements of all mechanical pendulum clocks have these five parts:

- A power source; either a weight on a cord or chain that turns a pulley, or a mainspring
- A gear train (wheel train) that steps up the speed of the power so that the pendulum can use it.
- An escapement that gives the pendulum precisely timed impulses to keep it swinging.
- The pendulum, a weight on a rod, which is the timekeeping element of the clock.
- An indicator or dial that records how often the escapement has rotated.

The escapement releases the gear train one tooth at a time, so the hands advance in steps.
"""

HYDROLOGY = """# Hydrology

## Overview

Hydrology is the scientific study of the movement, distribution, and quality of water on Earth. A practitioner of
hydrology is called a hydrologist, and hydrologists work in earth science and environmental engineering.

## Branches

- Chemical hydrology is the study of the chemical characteristics of water.
- Ecohydrology is the study of interactions between organisms and the hydrologic cycle.
- Hydrogeology is the study of the presence and movement of groundwater.
- Isotope hydrology is the study of the isotopic signatures of water.
- Surface hydrology is the study of hydrologic processes that operate at or near the surface of the Earth.
"""


def _questions(text: str) -> list[Question]:
    art = parse_article(text)
    an = analyse(art)
    return [c.question for sec in art.sections for build in BUILDERS for c in build(an, sec)]


def test_a_list_is_named_so_the_question_stands_alone():
    name_one = [q for q in _questions(PENDULUM) if q.type == "short" and q.prompt.startswith("Name one")]
    assert name_one, "the five parts are asked"
    q = name_one[0]
    # The pendulum is in the prompt: a giveaway as an answer (A/B 27), so it is asked "other than" it.
    assert q.prompt == ("Name one of the five parts that the movements of all mechanical pendulum clocks have, "
                        "other than the pendulum.")
    # Each bullet is read as the name before its gloss: "power source", not the whole bullet or "either".
    named = {str(q.answer).lower(), *(a.lower() for a in q.accept)}
    assert {"power source", "gear train", "escapement", "indicator or dial"} <= named and "pendulum" not in named


def test_a_list_under_its_heading_is_named_by_it_and_its_defining_items_are_asked():
    qs = _questions(HYDROLOGY)
    name_one = [q for q in qs if q.type == "short" and q.prompt.startswith("Name one")]
    assert [q.prompt for q in name_one] == ["Name one of the branches of hydrology."]
    # A bullet that is one whole definition is asked like a sentence, on the name it defines (and only that).
    clozes = [q.prompt.lower() for q in qs if q.type == "cloze"]
    assert "{{hydrogeology}} is the study of the presence and movement of groundwater." in clozes
    assert not any("{{groundwater}}" in p for p in clozes)


def test_the_whole_pipeline_keeps_a_list_question():
    qset, _ = generate_set(parse_article(HYDROLOGY), set_id="h")
    assert any(q.prompt == "Name one of the branches of hydrology." for q in qset.questions)


def test_list_phrase_only_from_an_introduction_that_names_its_items():
    def intro(text: str):
        return parse_article(f"# T\n\n{text}\n").sentences[0]

    assert list_phrase(intro("Those at higher risk for developing rickets include:")) == \
        "those at higher risk for developing rickets"
    assert list_phrase(intro("Side effects of drug X may include:")) == "the side effects of drug X"
    assert list_phrase(intro("More elaborate pendulum clocks may include these complications:")) == \
        "the complications that more elaborate pendulum clocks may include"
    assert list_phrase(intro("Some examples are:")) is None  # "Name one of some examples." stands for nothing
    assert list_phrase(intro("None of the pro-drugs of ampicillin are:")) is None
    assert list_phrase(intro("The pendulum swings back and forth.")) is None  # no list introduction


def test_a_list_introduced_by_its_count_is_named_by_it():
    # held-9 (stem cell, gas mask): "There are three … sources …:" and "Two mechanisms ensure …:" went unasked
    def intro(text: str):
        return parse_article(f"# T\n\n{text}\n").sentences[0]

    assert list_phrase(intro("There are three known accessible sources of autologous adult stem cells in humans:")) \
        == "the three known accessible sources of autologous adult stem cells in humans"
    assert list_phrase(intro("Two mechanisms ensure that a stem cell population is maintained:")) == \
        "the two mechanisms that ensure that a stem cell population is maintained"
    assert list_phrase(intro("Prominent prosecutions under the Sedition Act include:")) == \
        "the prominent prosecutions under the Sedition Act"
    assert list_phrase(intro("There are two of these:")) is None  # of what?
    assert list_phrase(intro("There are two main difficulties with it:")) is None


def test_item_names():
    assert item_name("EC 3, Hydrolases: catalyze the hydrolysis of various bonds") == "Hydrolases"
    assert item_name("Striking train: strikes a bell or gong on every hour.") == "Striking train"
    assert item_name("Basket cells, interneurons that form a dense plexus of terminals") == "Basket cells"
    assert item_name("Cloxacillin (by mouth or by injection)") == "Cloxacillin"
    assert item_name("Decreased consciousness") == "Decreased consciousness"
    assert item_name("Estimate the gross value of domestic output out of the many economic activities.") is None
    assert item_name("Kondratiev supposed that in 1896 a new cycle had started.") is None
    assert item_name("1790–1849, with a turning point in 1815.") is None
    assert defined_by_item("Hydrogeology is the study of the presence and movement of groundwater.") == "Hydrogeology"
    assert defined_by_item("The soma is the body of the neuron. As it contains the nucleus, it makes proteins.") is None


def test_lists_of_side_names_and_unnamed_lists_are_not_asked():
    people = """# Battle

## Participants

The battle was fought between two armies over a long afternoon, and the English army won it decisively.
The chronicler states that these men fought with the prince:

- Thomas de Beauchamp, 11th Earl of Warwick
- William de Ufford, 2nd Earl of Suffolk
- William de Montacute, 2nd Earl of Salisbury
- John de Vere, 7th Earl of Oxford
"""
    assert not [q for q in _questions(people) if q.prompt.startswith("Name one")]


def test_a_modifier_that_tells_one_listed_name_from_another_is_no_modifier_gap():
    q = Question(id="q", topic="t", type="short", prompt="Name one of the branches of hydrology.",
                 answer="chemical hydrology", accept=["isotope hydrology", "surface hydrology"], explanation="x",
                 source="x")
    assert modifier_gap(q) is None
    alone = Question(id="q", topic="t", type="short", prompt="Which energy permeates space?",
                     answer="dark energy", accept=["the dark energy"], explanation="x", source="x")
    assert modifier_gap(alone) is not None  # its own forms ("the dark energy") are no other name


def test_a_prompt_ending_in_a_one_letter_name_is_no_sentence_cut_at_an_initial():
    from ketaquiz.core.quality import readability

    def prompt(text: str) -> Question:
        return Question(id="q", topic="t", type="short", prompt=text, answer="a", explanation="x", source="x")

    assert readability(prompt("Name one of the foods rich in vitamin D.")) is None
    assert readability(prompt("The cholera toxin is made by V.")) is not None  # "by V. cholerae" cut at the initial
    assert readability(prompt("The law was signed by John F.")) is not None


KIDNEY = """# Kidney

## Microanatomy

The kidney filters the blood, and the kidney returns most of the filtered water to the blood. Distinct cell types
include:

- Podocytes, cells that wrap the capillaries of the glomerulus
- Principal cells, cells that take up sodium in the collecting duct
- Intercalated cells, cells that keep the acid balance of the blood

## Types

- Vitamin-related disease
  - Vitamin D deficiency
  - Vitamin D resistance
- Inherited disease
- Acquired disease
"""


def test_a_list_phrase_that_says_nowhere_what_it_belongs_to_gets_the_subject():
    qs = _questions(KIDNEY)
    prompts = [q.prompt for q in qs if q.prompt.startswith("Name one")]
    assert "Name one of the distinct cell types of the kidney." in prompts  # judges: "never says of what"


def test_nested_bullets_are_accepted_answers_too():
    types = [q for q in _questions(KIDNEY) if q.prompt == "Name one of the types of the kidney."]
    assert types and {"vitamin d deficiency", "vitamin d resistance"} <= {a.casefold() for a in types[0].accept}


# ---------------------------------------------------------------- lists written in a sentence

RICKETS = """# Rickets

## Signs and symptoms

Rickets is a condition that results in weak or soft bones in children; rickets is caused by a lack of vitamin D in
the diet. Symptoms include bowed legs, stunted growth, bone pain, large forehead, and trouble sleeping.
Complications may include bone fractures, muscle spasms, an abnormally curved spine, or intellectual disability.
Enzymes are generally globular proteins, acting alone or in larger complexes, in the bones of children.

## Development

Kidney development proceeds through a series of three successive developmental phases: the pronephros, mesonephros,
and metanephros.
Techniques focus on two aspects: provisioning of water, and fixation and hyper-fertilizing soil.
Possible causes include respiratory compensation, pulmonary oedema, concomitant pneumonia, and severe anaemia.
"""


def _name_one_prompts(text: str) -> dict[str, Question]:
    return {q.prompt: q for q in _questions(text) if q.prompt.startswith("Name one")}


def test_a_list_in_a_sentence_is_asked_with_every_item_accepted():
    asked = _name_one_prompts(RICKETS)
    symptoms = asked["Name one of the symptoms of rickets."]
    assert {str(symptoms.answer), *symptoms.accept} >= {"bowed legs", "stunted growth", "bone pain", "trouble sleeping"}
    complications = asked["Name one of the complications of rickets."]
    assert "abnormally curved spine" in {str(complications.answer), *complications.accept}  # without its article


def test_what_is_not_a_list_in_a_sentence_is_not_asked_as_one():
    asked = _name_one_prompts(RICKETS)
    assert not any("enzymes" in p for p in asked)  # "Enzymes are generally globular proteins, acting alone …"
    assert not any("aspects" in p for p in asked)  # "two aspects" but three parts: split wrong
    # "Possible causes" under a section about something else: causes of what? Not "of rickets".
    assert not any("causes" in p for p in asked)


def test_items_accept_what_a_learner_types_but_not_a_vague_head():
    asked = _name_one_prompts(RICKETS)
    complications = asked["Name one of the complications of rickets."]
    forms = {str(complications.answer), *complications.accept}
    assert {"fractures", "curved spine", "muscle spasm"} <= forms  # head, no adverb, other number
    symptoms = asked["Name one of the symptoms of rickets."]
    assert not {"pain", "legs", "growth"} & {str(symptoms.answer), *symptoms.accept}  # "bone pain" → not "pain"


def test_a_counted_sequence_is_an_order_question_and_bare_rare_names_are_not_asked():
    orders = [q for q in _questions(RICKETS) if q.type == "order"]
    assert [o.items for o in orders] == [["Pronephros", "Mesonephros", "Metanephros"]]
    drugs = """# Penicillin

## Carboxypenicillins

Penicillin is an antibiotic, and penicillin kills bacteria by blocking the building of their cell walls.
Carboxypenicillins include carbenicillin, ticarcillin, and temocillin, given by injection in hospitals.
"""
    assert not [p for p in _name_one_prompts(drugs) if "carboxypenicillins" in p.lower()]


def test_either_side_of_a_slash_is_an_item():
    from ketaquiz.core.generate.analysis import analyse as _analyse
    from ketaquiz.core.generate.lists import _item_forms

    an = _analyse(parse_article("# E\n\n## A\n\nEmulsions are unstable.\n"))
    assert {"creaming", "sedimentation"} <= set(_item_forms(an, "creaming/sedimentation"))


def test_lists_after_a_colon_or_other_and_a_last_item_with_its_clause():
    text = """# Rift Valley fever

## Signs and symptoms

Rift Valley fever is a viral disease of animals and people; Rift Valley fever spreads through mosquito bites.
The mild symptoms may include: fever, muscle pains, and headaches which often last for up to a week.
Other signs in livestock include vomiting, respiratory disease, lethargy, and sudden death in young animals.
"""
    asked = _name_one_prompts(text)
    mild = asked["Name one of the mild symptoms of Rift Valley fever."]  # not "… other than the fever"
    assert {"fever", "muscle pains", "headaches"} <= {str(mild.answer), *mild.accept}  # "headaches", not its clause
    assert "Name one of the signs in livestock." in asked


def test_a_head_two_items_share_or_the_title_names_is_no_answer():
    text = """# Quartz

## Varieties

Quartz is a mineral of silicon and oxygen; quartz is the second most common mineral in the crust of the Earth.
Common colored varieties of quartz include citrine, rose quartz, amethyst, smoky quartz, and milky quartz.
"""
    q = _name_one_prompts(text)["Name one of the colored varieties of quartz."]
    assert "quartz" not in {a.casefold() for a in [str(q.answer), *q.accept]}


# ---------------------------------------------------------------- definitions told apart

MARKETS = """# Microeconomics

## Market structure

Microeconomics studies how people and firms decide, and microeconomics explains prices and the output of firms.
A monopoly is a market structure in which a market is dominated by a single supplier of a particular good.
A monopsony is a market where there is only one buyer and many sellers.
An oligopsony is a market where there are a few buyers and many sellers.
A duopoly is a market in which two suppliers sell most of a particular good.
Elasticity is the measurement of how responsive an economic variable is to a change in another variable.
Evaporation is an important part of the water cycle in every market.
"""


def test_a_definition_is_told_apart_from_the_articles_other_definitions():
    from ketaquiz.core.generate.analysis import analyse as _analyse
    from ketaquiz.core.generate.definitions import definition_choices, definitions

    art = parse_article(MARKETS)
    an = _analyse(art)
    assert "evaporation" not in {d.term.lower() for d in definitions(an)}  # "an important part of …": praise
    qs = {c.question.prompt: c.question for sec in art.sections for c in definition_choices(an, sec)}
    q = qs["What is a monopsony, as the text defines it?"]
    assert q.answer == "a market where there is only one buyer and many sellers"
    # the wrong options are the article's other definitions, markets first
    assert "a market where there are a few buyers and many sellers" in q.choices and len(q.choices) == 4
    assert "What is an oligopsony, as the text defines it?" in qs  # "an" before a vowel
    # a measurement among markets: the wrong options would be another kind of thing (tests/test_generate_judged_s23)
    assert "What is elasticity, as the text defines it?" not in qs


def test_latin_plurals_and_an_appositive_frame_are_kept():
    from ketaquiz.core.generate.answers import gap_for
    from ketaquiz.core.generate.trimming import trim_to_term

    an = analyse(parse_article("# E\n\n## A\n\nCyanobacteria fix nitrogen; each cyanobacterium lives in a host cell.\n"))
    assert "cyanobacteria" in gap_for(an, "cyanobacterium")
    long = ("In the first phase, the Archidamian War, Sparta launched repeated invasions of Attica, while Athens took "
            "advantage of its naval supremacy to raid the coast of the Peloponnese and tried to suppress unrest.")
    assert trim_to_term(long, "Archidamian War").startswith("In the first phase, the Archidamian War")


def test_the_articles_own_subject_is_asked_by_its_definition():
    text = """# Oligopsony

## Overview

An oligopsony is a market where there are a few buyers and many sellers of a good or a service.
A monopsony is a market where there is only one buyer and many sellers of a good or a service.
A monopoly is a market structure in which a single supplier sells a particular good or service to many buyers.
A duopoly is a market in which two suppliers sell most of a particular good or service.
Elasticity is the measurement of how responsive an economic variable is to a change in another variable.
An oligopsony is a common structure in farming, where a few food companies buy from many farmers.
Oligopsony buyers can push prices below what a competitive market would pay, and an oligopsony lowers output.
"""
    qset, _ = generate_set(parse_article(text), set_id="o")
    # asked as a cloze on what defines it (judges kept 46 % of those, 0 of 4 of the choice below:
    # docs/judging/definitions), the subject's own name never the gap
    asked = [q for q in qset.questions if q.source.startswith("An oligopsony is a market")]
    assert len(asked) == 1 and asked[0].type == "cloze" and "{{oligopsony" not in asked[0].prompt.lower()
    # where no gap passes, telling its definition from the others' asks it
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.definitions import definition_choices

    art = parse_article(text)
    choices = {c.question.prompt: c.question for c in definition_choices(analyse(art), art.sections[0])}
    q = choices["What is an oligopsony, as the text defines it?"]
    assert q.answer == "a market where there are a few buyers and many sellers of a good or a service"
    # the first "X is a …" is its definition; "a common structure in farming" is something said about it
    assert "a common structure in farming" not in q.choices


def test_an_open_lists_other_things_are_no_item():
    from ketaquiz.core.generate.enumerations import _items

    assert _items("drought, high winds, floods, and other natural disasters") == ["drought", "high winds", "floods"]


def test_an_open_bullet_and_a_participle_are_no_answer():
    text = """# Abiotic stress

## Stressors

Abiotic stress harms plants and animals when a factor of the environment leaves its normal range; abiotic stress is common.
The most basic stressors include:

- drought
- high winds
- extreme temperatures
- other natural disasters

## Interoperability

Interoperability lets products of different makers work together, and interoperability has costs and benefits.
The benefits of interoperability include:

- reduced uncertainty
- reduced lock-in
- commoditization
"""
    asked = _name_one_prompts(text)
    stressors = asked["Name one of the most basic stressors of abiotic stress."]
    assert "other natural disasters" not in {str(stressors.answer), *stressors.accept}
    benefits = asked["Name one of the benefits of interoperability."]
    assert "uncertainty" not in {str(benefits.answer), *benefits.accept}  # "reduced uncertainty" is the benefit


def test_a_definition_keeps_its_clause_past_a_dashed_aside():
    from ketaquiz.core.generate.definitions import _meaning

    assert _meaning("the biological process by which new individual organisms – 'offspring' – are produced from "
                    "their parents.") == "the biological process by which new individual organisms are produced from their parents"


def test_a_list_after_a_coordinated_verb_is_named_by_the_subject():
    # held-15: "Name one of the signs and symptoms vary between people and of hyperthyroidism."
    text = ("# Hyperthyroidism\n\n## Overview\n\nHyperthyroidism is the condition that occurs due to excessive production"
            " of thyroid hormone.\nSigns and symptoms vary between people and may include irritability, muscle "
            "weakness, sleeping problems, heat intolerance and weight loss.\n")
    prompts = [c.question.prompt for c in drafted(text)[1] if c.question.prompt.startswith("Name one")]
    assert prompts and all("vary" not in p for p in prompts)
    assert any(p.startswith("Name one of the signs and symptoms") for p in prompts)
