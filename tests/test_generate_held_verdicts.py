"""Rules drawn from the pooled verdicts of held-1 to held-7 (blind judges, articles the generator was not tuned on).

Each test fails on the generator before the rule: the gap beside its count, and the noun in front of a two-word gap
that a learner types as the answer.
"""

from __future__ import annotations

import re

from ketaquiz.core.article import parse_article
from ketaquiz.core.generate.analysis import analyse
from ketaquiz.core.generate.answers import gap_for
from ketaquiz.core.generate.families import BUILDERS
from ketaquiz.core.generate.worth import unworthy

from .generation import kept_cloze

ROME = """# Cursus honorum

## Praetor

A praetor was escorted by six lictors, and wielded imperium over the city of Rome.
The dictator was the highest magistrate in degree of imperium and was attended by twenty-four lictors.
In the absence of the consuls, a praetor would be given command of the garrison in Rome or in Italy.
"""


def test_the_thing_counted_beside_its_count_is_not_the_gap():
    # None of 35 held-out gaps right after a count was kept ("six {{lictors}}": "gap the number instead").
    prompts = " ".join(kept_cloze(ROME))
    assert "six {{lictors" not in prompts
    assert "{{twenty-four lictors" not in prompts and "twenty-four {{lictors" not in prompts
    assert "{{praetor}}" in prompts  # the rest of the article is still asked
    # a count that counts two things in parallel is no fact on its own: the pair is asked
    heart = "# Heart\n\n## Chambers\n\nThe heart has four chambers: two atria on top and two ventricles below.\n" \
        "The ventricles pump blood out of the heart, and the atria receive it.\n"
    assert any("two {{ventricles" in p for p in kept_cloze(heart))


MALARIA = """# Malaria

## Spread

Malaria is spread by mosquitoes. Greater rainfall is associated with increased mosquito numbers in the wet season.
T cells secrete cytokines that stimulate collagen deposition in the skin of people with malaria.
Sex chromosomes decide sex. Both sex chromosomes and many other chromosomes are copied before the cell divides.
The crystals are made of silicon dioxide, and silicon is found in the sand of the river.
Malaria infections go through periodic breakdowns of red cells in the blood.
Malaria parasites are carried in mosquito guts. Malaria control limits the spread of the parasite.
"""


def test_a_two_word_gap_accepts_the_noun_in_front_that_names_the_thing():
    an = analyse(parse_article(MALARIA))

    def forms(term: str) -> list[str]:
        return gap_for(an, term).strip("{}").lower().split("|")

    # judges: "the natural answer 'mosquitoes' is not accepted", "accept 'collagen'"
    assert {"mosquito", "mosquitoes"} <= set(forms("mosquito numbers"))
    assert "collagen" in forms("collagen deposition")
    # what judges sent back as too vague stays unaccepted: an everyday noun, half a chemical name, a describing
    # word, the article's own subject
    assert "sex" not in forms("sex chromosomes")
    assert "silicon" not in forms("silicon dioxide")
    assert "periodic" not in forms("periodic breakdowns")
    assert "malaria" not in forms("malaria control")
    # held-9: a head that is a thing of its own is no measure of the modifier: "bone" is no "bone marrow"
    assert "bone" not in forms("bone marrow") and "electron" not in forms("electron beams")


def test_the_noun_in_front_does_not_count_as_another_name_of_the_term():
    # "spinal {{cord damage|cord}}": "cord" is named often, "cord damage" once, everyday English: still a side word
    text = """# Syringomyelia

## Signs

Symptoms are due to spinal cord damage and include pain, weakness, and decreased sensation of touch.
The spinal cord carries signals. A syrinx forms inside the spinal cord. The cord swells when the syrinx grows.
Syringomyelia is a disorder in which a cyst forms within the spinal cord.
"""
    assert not any("{{cord damage" in p for p in kept_cloze(text))


def test_one_item_of_a_list_in_the_sentence_is_not_the_gap():
    # Held-out judges kept none of 16 such gaps: "one item of a list, many answers fit".
    from ketaquiz.core.generate.gaps import series_item

    assert series_item("Prussian blue gives the blue color to blueprints, bluing, and {{cyanotypes|cyanotype}}.")
    assert series_item("Soil moisture can be measured by {{capacitance probe|probe}}, time domain reflectometer or "
                       "Tensiometer.")
    assert series_item("The causes primarily include {{inequity}}, opportunity and social freedoms.")
    # commas that join clauses, an apposition, a pair of directions: no list
    assert not series_item("As hydrogen bonds are not {{covalent}}, they can be broken and rejoined easily.")
    assert not series_item("The two inventions, the {{hand mould}} and the printing press, reduced the cost.")
    assert not series_item("The kidneys receive blood from the {{renal arteries}}, left and right, which branch off.")
    text = """# Cyanide

## Uses

Among its many uses, Prussian blue gives the blue color to blueprints, bluing, and cyanotypes.
Cyanotypes are photographic prints made with iron salts. Blueprints copy drawings. Cyanotypes fade in sunlight.
"""
    in_list = [p for p in kept_cloze(text) if "to blueprints" in p or "to {{blueprints" in p]
    assert not any(re.search(r"\{\{(?:blueprints|bluing|cyanotypes)\b", p) for p in in_list)


# ---------------------------------------------------------------- held-8's verdicts (judged on a0e6944's successor)


def test_british_and_american_spellings_both_ways():
    from ketaquiz.core.generate.spellings import other_spelling

    assert other_spelling("paleontology") == "palaeontology"  # the article writes "palaeontologists"
    assert other_spelling("palaeontology") == "paleontology" and other_spelling("hemophilia") == "haemophilia"
    assert other_spelling("hemisphere") == "hemisphere"  # no British "haemisphere"


def test_a_judgement_is_no_definition_but_the_subjects_definition_stays():
    from ketaquiz.core.generate.definitions import definitions

    text = """# Essential tremor

## Overview

Essential tremor is a progressive neurological disorder that is the most common movement disorder.
A substantial hurdle is the difficulty of working out how many people have essential tremor.
Harmaline is a widely used model of essential tremor in rodents.
"""
    terms = [d.term for d in definitions(analyse(parse_article(text)))]
    assert "Essential tremor" in terms and "Harmaline" in terms
    assert not any("hurdle" in t for t in terms)


def test_prompts_that_compare_with_what_they_do_not_show_are_dangling():
    from ketaquiz.core.quality import dangling_reference
    from ketaquiz.core.questions import Question

    def cloze(prompt: str) -> Question:
        return Question(id="q", topic="t", type="cloze", prompt=prompt)

    assert dangling_reference(cloze("The rate is even higher in denser {{clusters}}."))
    assert dangling_reference(cloze("In more sophisticated versions, {{analog computers}} replaced the controller."))
    assert dangling_reference(cloze("Open clusters are found in {{spiral galaxies}}.")) is None


HAEMOPHILIA = """# Haemophilia

## Prognosis

Like most aspects of the disorder, life expectancy varies with severity and adequate treatment.
People with severe haemophilia who do not receive adequate treatment have greatly shortened life expectancy.
Before the 1960s the life expectancy of people with haemophilia was only 11 years.

## Care

Occasional doses of the combination medication sulfadoxine/pyrimethamine are recommended in infants with haemophilia.
Pyrimethamine is a drug that blocks the parasite's folate pathway, and pyrimethamine is cheap.
Haemophilia clinics followed with their 777 and later designs of factor concentrates for haemophilia.
"""


def test_the_unnamed_subject_a_slashed_half_and_a_model_number_are_not_asked():

    art = parse_article(HAEMOPHILIA)
    an = analyse(art)
    cands = [c for sec in art.sections for build in BUILDERS for c in build(an, sec)]
    kept = [c.question for c in cands if not unworthy(c, an)]
    shown = [q.display_prompt() for q in kept]
    assert not any(p.startswith("Like most aspects of the disorder") for p in shown)  # which disorder?
    assert not any("/{{" in q.prompt or "}}/" in q.prompt for q in kept)
    # one half of "sulfadoxine/pyrimethamine", the other half beside it
    from ketaquiz.core.generate.builders import Candidate
    from ketaquiz.core.questions import Question

    sid = next(x.id for x in art.sentences if "sulfadoxine" in x.text)
    half = Question(id="q", topic="care", type="cloze", source=an.sentence[sid].text,
                    prompt="Occasional doses of the combination medication sulfadoxine/{{pyrimethamine}} are recommended "
                           "in infants with haemophilia.")
    assert "slashed pair" in (unworthy(Candidate(half, 1.0, (sid,), "cloze", "pyrimethamine"), an) or "")
    assert not any(q.type == "choice" and q.answer == "777" for q in kept)  # a model's name counts nothing
    assert any("haemophilia" in p.lower() for p in shown)  # the rest is still asked


def test_a_sentence_whose_verb_is_no_auxiliary_is_still_a_sentence():
    # One sentence in fourteen of held-1 to held-8 was read as a fragment and never asked.
    from ketaquiz.core.generate.analysis import whole_sentence

    for text in ("Microeconomics shows conditions under which free markets lead to desirable allocations.",
                 "Power in this period became more personal.",
                 "The multiple redundant flight control computers continuously monitor each other's output.",
                 "Palaeontologists rely on stratigraphy to date fossils."):
        assert whole_sentence(text), text
    for text in ("Early Babylonia (19th to 18th century BC)", "John de Vere, 7th Earl of Oxford",
                 "One known symbiosis between the diatom Hemialus spp. and the cyanobacterium",
                 "“The politicians created the mortgage giants, which then returned some of the profits.",
                 "weights was the peripheral tremor distinguishable from the central tremor."):
        assert not whole_sentence(text), text


def test_the_term_a_sentence_names_is_asked_however_plain_its_words():
    # Named terms are the gaps judges keep most (56–72 %); plain words below the term floor had left 122 of 330
    # naming sentences of the development and held-out articles without a question on the name.
    text = """# Pendulum clock

## Mechanism

The mechanism which runs a mechanical clock is called the movement.
A pendulum clock keeps time with a swinging pendulum and a set of gears driven by a weight.
Additional functions in clocks besides basic timekeeping are called complications.
Leisure has often been defined as a quality of experience or as free time.
The escapement gives the pendulum a small push on each swing to keep it going.
Tower clocks were built in town squares so that the public could read the hour.
"""
    prompts = kept_cloze(text)
    assert any("is called the {{movement" in p for p in prompts)
    assert any("are called {{complications" in p for p in prompts)
    assert not any("{{quality" in p for p in prompts)  # after "defined as" comes a definition, not a name


def test_a_name_the_sentence_introduces_and_repeats_is_no_side_name():
    from ketaquiz.core.generate.answers import gap_for

    text = """# Battle of Actium

## Background

The alliance among Octavian, Mark Antony and Marcus Lepidus, commonly known as the Second Triumvirate, was renewed.
The Second Triumvirate divided the Roman world among its three members for five years.
Octavian's victory at Actium ended the Roman civil wars and made him master of the Mediterranean world.
Antony and Cleopatra fled to Egypt after the defeat of their fleet near the promontory of Actium.
"""
    prompts = kept_cloze(text)
    assert any("known as the {{Second Triumvirate" in p for p in prompts)
    # an ordinal is no answer for a name ("Second"), only for a counted thing ("the third and {{fifth carbon atoms}}")
    an = analyse(parse_article(text))
    assert "Second" not in gap_for(an, "Second Triumvirate").strip("{}").split("|")


def test_a_sentence_that_holds_the_other_half_does_not_dangle():
    from ketaquiz.core.quality import dangling_reference
    from ketaquiz.core.questions import Question

    def dangles(prompt: str) -> bool:
        return dangling_reference(Question(id="q", topic="t", type="cloze", prompt=prompt)) is not None

    assert not dangles("After serving either as quaestor or as aedile, a man could run for {{praetor}}.")
    assert not dangles("The Euphrates and Tigris rivers, both of which have their {{headwaters}} in the Taurus.")
    assert not dangles("Cells burn {{glucose}} instead of fat.") and not dangles("Cells burn {{glucose}} as well as fat.")
    assert not dangles("The number of chromosomes in the {{offspring}} is the same as that of the parent cell.")
    assert dangles("Cells burn {{glucose}} instead.") and dangles("Other approaches give the same level of {{detail}}.")
    assert dangles("Archaea also have {{CRISPR}}.")


def test_also_goes_from_a_prompt_but_also_known_as_stays():
    text = """# Rickets

## Prevention

Sufficient vitamin D levels can also be achieved through dietary supplementation and/or exposure to sunlight.
Dietary supplementation with vitamin D is cheap, and supplementation is advised for breastfed infants.
Hydrogen cyanide, also known as prussic acid, is a colourless and extremely poisonous liquid.
Prussic acid was first isolated from Prussian blue, and prussic acid boils at room temperature.
"""
    prompts = kept_cloze(text)
    assert any(p.startswith("Sufficient vitamin D levels can be achieved through") for p in prompts)
    assert any("also known as {{prussic acid" in p for p in prompts)  # a naming phrase, no presupposition


def test_an_everyday_phrase_the_article_keeps_using_is_one_of_its_terms():
    text = """# Open cluster

## Formation

Open clusters are found only in spiral and irregular galaxies, in which active star formation is occurring.
Star formation begins when part of a giant molecular cloud collapses under its own gravity.
In a dense cloud, star formation can be triggered by the shock wave of a nearby supernova.
Young clusters are still embedded in the gas left over from their star formation, and the gas glows.
Open clusters are loosely bound and are broken up by close encounters with other clusters.
"""
    prompts = kept_cloze(text)
    assert any("active {{star formation" in p for p in prompts)  # named four times: a term of the article
    assert not any("{{shock wave" in p for p in prompts)  # everyday words said once: anyone could fill them in


def test_the_subject_a_defining_verb_defines_is_the_gap():
    # held-9: "gap 'Potency' instead" of the object of "Potency specifies the differentiation potential …"
    text = """# Microeconomics

## Costs

Opportunity cost refers to the value of the best alternative given up when a choice is made.
Every choice has an opportunity cost, because time and money spent on one thing cannot be spent on another.
Firms compare the opportunity cost of each project before they invest in it.
Markets set prices where the quantity supplied equals the quantity demanded.
"""
    prompts = kept_cloze(text)
    assert any(p.startswith("{{opportunity cost") and "refers to" in p for p in prompts)


def test_held_9_grading_numbers_in_digits_list_items_split_and_no_bare_process_head():
    from ketaquiz.core.generate.answers import gap_for
    from ketaquiz.core.generate.lists import _item_forms

    text = """# Encephalomyelitis

## Signs

Symptoms include fever, headache, nausea and vomiting, confusion, vision impairment and drowsiness.
The residency requirement rose from five to fourteen years, and vision impairment may last for years.
"""
    an = analyse(parse_article(text))
    assert "14" in gap_for(an, "fourteen years").strip("{}").split("|")  # "the numeral '14' is not accepted"
    assert {"nausea", "vomiting"} <= set(_item_forms(an, "nausea and vomiting"))
    assert "impairment" not in _item_forms(an, "vision impairment")  # a bare process noun credits no symptom


def test_a_named_term_ends_where_the_name_ends():
    # "an uncomfortable motion called {{hobby}} horsing": the term finder cut the name before its "-ing" word
    text = """# Multihull

## Motion

Shorter multihulls may be more prone towards an uncomfortable motion called hobby horsing, especially when light.
Hobby horsing is a pitching motion, and it tires the crew of a small multihull on a long passage.
A catamaran has two parallel hulls of equal size, and a trimaran has a main hull with two outriggers.
"""
    assert not any("called {{hobby}} horsing" in p for p in kept_cloze(text))


def test_her_after_a_person_noun_points_at_that_person():
    from ketaquiz.core.quality import dangling_reference
    from ketaquiz.core.questions import Question

    def dangles(prompt: str) -> bool:
        return dangling_reference(Question(id="q", topic="t", type="cloze", prompt=prompt)) is not None

    # held-8's judge listed the inheritance odds among the key facts no question asked
    assert not dangles("A mother who is a carrier has a {{50 %}} chance of passing the faulty X-chromosome to her son.")
    assert dangles("To speed up printing, he introduced {{movable type}}.")  # who? no one is named


def test_better_preserved_than_what():
    from ketaquiz.core.quality import dangling_reference
    from ketaquiz.core.questions import Question

    def dangles(prompt: str) -> bool:
        return dangling_reference(Question(id="q", topic="t", type="cloze", prompt=prompt)) is not None

    assert dangles("{{Axons}} are better preserved in ADEM lesions.")  # held-9: "no stated comparison"
    assert not dangles("{{Axons}} are better preserved in ADEM lesions than in MS lesions.")


def test_a_listed_person_is_named_without_the_trade_and_by_surname():
    from ketaquiz.core.generate.lists import _item_forms

    an = analyse(parse_article("# Structuralism\n\n## Thinkers\n\nThinkers include the linguist Roman Jakobson.\n"))
    forms = _item_forms(an, "linguist Roman Jakobson")  # held-10: "accept the bare names and surnames"
    assert "Roman Jakobson" in forms and "Jakobson" in forms
    assert "Lacan" in _item_forms(an, "Jacques Lacan")


def test_a_hyphenated_word_keeps_its_first_part_in_the_singular_and_in_the_accepted_forms():
    from ketaquiz.core.generate import lexicon as lx

    # the lexicon lemmatises the last part only: "n-type" read as a plural of "type", "T-cells" as "Cell"
    assert lx.singular("x-rays") == "x-ray" and lx.singular("T-cells") == "T-cell"
    assert lx.singular("n-type") == "n-type" and not lx.is_plural("self-renewal")
    an = analyse(parse_article("# Semiconductor\n\n## Doping\n\nSemiconductors doped with donor impurities are called "
                               "n-type. An n-type semiconductor carries current mostly by electrons.\n"))
    assert gap_for(an, "n-type") == "{{n-type|n type}}"  # "type" alone was accepted
    assert gap_for(an, "semi-insulators") == "{{semi-insulators|semi-insulator|semi insulators}}"


FLY = """# Fly-by-wire

## Overview

Fly-by-wire is a system that replaces the manual flight controls of an aircraft with an electronic interface.
Fly-by-wire control systems allow aircraft computers to perform tasks without pilot input.
Fly-by-light reduces electro-magnetic disturbances to sensors in comparison to more common fly-by-wire control systems.
Automatic stability systems use gyroscopes fitted with sensors that detect rotation on the pitch, roll and yaw axes.
The control systems of airliners use redundant computers, and the control systems vote on each output.
Each aircraft carries several gyroscopes.
The first such aircraft flew in the early years of the jet age.
"""


def test_the_title_with_plain_words_after_it_is_no_gap():
    # held-8 reasons: the subject and a word anyone adds to it ("fly-by-wire {{control systems}}") teach nothing
    prompts = " ".join(kept_cloze(FLY))
    assert "{{fly-by-wire control systems" not in prompts.lower()
    assert "fly-by-wire {{control systems" not in prompts.lower()
    assert "{{gyroscopes" in prompts  # the article's other terms are still asked
