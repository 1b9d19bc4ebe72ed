"""The item-writing checks that the generator applies and `ketaquiz check` reports (ketaquiz.core.quality)."""

from __future__ import annotations

from ketaquiz.core.lint import lint_set
from ketaquiz.core.quality import tripped
from ketaquiz.core.questions import QuestionSet

from .generation import assert_dangling, q


def test_dangling_references_are_flagged():
    assert_dangling(("Subsequently, {{Fleming}} isolated the mould.", "These {{enzymes}} cut DNA at fixed sites.",
                     "In all species it is composed of two {{helical chains}}.",
                     "The condition is known as {{Nicolau syndrome}}.",
                     "Values are listed in the following table for {{penicillin G}}.",
                     # judged on unseen articles: of what? after what? before when?
                     "The classic symptom is large amounts of {{watery diarrhea}}.",
                     "{{Undercooked seafood}} is a common source.",
                     "ToxT then directly activates expression of {{virulence genes}}.",
                     "{{Movable type}} had been hitherto unknown in Europe.",
                     "A fourth development was the mechanizing of {{paper manufacture}}.",
                     "A small handle called the {{rounce}} is used to do this.",
                     "The term itself has been argued to be a(n) {{misnomer}}.",
                     "To reduce that risk, a {{nitrogen gas purge}} was performed before launch.",
                     # held-4: a role is no name ("it" is which virus?); a summary or "no longer" of unseen text
                     "As a Phlebovirus, it has a(n) {{ambisense}} genome.",
                     "To sum up, money in markets is like {{lubrication}} for machines.",
                     "No longer was the government to rescue {{unprofitable enterprises}}.",
                     # held-5: examples of what? it is what?
                     "Examples are nitrogen-fixing bacteria, which live in root nodules on {{legume roots}}.",
                     "When it affects the mouth, it is commonly called {{thrush}}."))
    assert "dangling reference" not in tripped(q("Ketamine blocks {{NMDA receptors}} in the brain."))
    assert "dangling reference" not in tripped(q("The classic symptom of cholera is {{watery diarrhea}}."))
    assert "dangling reference" not in tripped(q("As the cell grows, it divides into two {{daughter cells}}."))
    assert "dangling reference" not in tripped(q("An example of a colloid is {{milk}}."))
    # the sentence says what "those", "this" or "they" stands for (held-8 to held-10 prompts refused for nothing)
    assert_dangling(("Desmopressin may be used in those with mild {{haemophilia A}}.",
                     "Mega or super {{catamarans}} are those over 60 feet in length.",
                     "While ELIZA is best known for acting as a psychotherapist, this mannerism is due to the "
                     "{{DOCTOR script}}.",
                     "Quantum dots are toxic, but this concern may be addressed by {{fluorescent dopants}}.",
                     "Pluripotent adult stem cells are rare, but they can be found in {{umbilical cord blood}}."), dangling=False)
    assert_dangling(("From this {{reassembly}}, ELIZA sends the sentence to the user.",
                     "It is rare, but they can be found in {{umbilical cord blood}}.",
                     "If these rare instances are common, the {{fossil record}} should show it."))
    # "Which of these" points at the options shown with it
    assert "dangling reference" not in tripped(q("Which of these is a side effect?", "choice", answer="a",
                                                 choices=["a", "b", "c"]))


def test_phrase_gaps_are_flagged_and_head_alternatives_accepted():
    assert "phrase gap" in tripped(q("An entrepreneurial spirit helped {{drive industrialisation}}."))
    assert "phrase gap" in tripped(q("Mechanised {{textile production spread}} from Britain to Europe."))
    assert "modifier gap" in tripped(q("Steam turbines propelled {{large ships}} for decades."))
    assert "phrase gap" in tripped(q("The telescope is named after {{astronomer Edwin Hubble}}."))
    assert "modifier gap" in tripped(q("Steam turbines propelled {{large ships|ships}} for decades."))  # everyday
    assert "phrase gap" not in tripped(q("Ketamine treats {{treatment-resistant depression}} quickly."))
    assert "phrase gap" not in tripped(q("DNA strands are joined by {{hydrogen bonds|hydrogen bond}}."))


def test_a_gap_after_a_name_initial_is_a_phrase_gap():
    assert "phrase gap" in tripped(q("Most penicillins are made by P. {{chrysogenum}} using fermentation."))
    assert "phrase gap" not in tripped(q("Most penicillins are made by {{Penicillium chrysogenum}} in tanks."))


def test_acronym_questions():
    assert "acronym" in tripped(q("What does DNA stand for?", "short", answer="deoxyribonucleic acid"))
    assert "acronym" in tripped(q("What does IgE stand for?", "short", answer="immunoglobulin E", accept=["IgE"]))
    assert "acronym" not in tripped(q("What does BDNF stand for?", "short", answer="brain-derived neurotrophic factor"))
    assert "acronym" in tripped(q("What does RF stand for?", "short", answer="radio frequency"))  # held-5: trivia


def test_giveaways_beside_the_gap():
    assert "answer visible" in tripped(q("Penicillins (P, {{PCN}} or PEN) are antibiotics."))
    assert "answer visible" in tripped(q("The pyrimidines are {{thymine}} and cytosine in DNA."))
    assert "answer visible" in tripped(q("One unit is defined as 0.{{600 micrograms}} of the standard."))
    assert "answer visible" not in tripped(q("Fleming first used purified penicillin to treat {{meningitis}} in 1942."))
    # the other half of a pair, recognised by its shared ending (judged: "purines left standing gives away its pair")
    assert "answer visible" in tripped(q("In DNA, the {{pyrimidines}} are thymine and cytosine; the purines are adenine."))
    assert "answer visible" in tripped(q("While haploid organisms have one copy, most animals are {{diploid}}."))
    assert "answer visible" not in tripped(q("DNA is made of {{nucleotides}} joined by phosphodiester bonds."))
    # a counterpart with the same head ("intake valve" beside {{exhaust valve}}), but not the answer's kind
    assert "answer visible" in tripped(q("Near the end of the stroke the {{exhaust valve}} opens and the intake valve "
                                         "stays shut."))
    assert "answer visible" not in tripped(q("Ketamine blocks {{NMDA receptors}} but not the other glutamate receptors."))


def test_the_answer_inside_a_prompt_word_or_a_name_beside_it_is_a_giveaway():
    # held-25/26/28 judges: "'exospore' gives away 'spores'", "'dye-based inks' gives 'dyes'", "the enzyme's own name
    # (Chitinases) gives away chitin", "'Fred Williams would invent the ___' gives away 'Williams tube'"
    assert "answer visible" in tripped(q("{{spores}} are colourless at first, and the thick exospore becomes wrinkled."))
    assert "answer visible" in tripped(q("A recent development in dye-based inks are {{dyes}} that react with cellulose."))
    assert "answer visible" in tripped(q("Chitinases are useful because they break down the {{biopolymer chitin}}."))
    assert "answer visible" in tripped(q("Using cathode ray tubes, Fred Williams would invent the {{Williams tube}}."))
    # a modifier's root in a prompt word tells nothing a learner must recall (judges kept it)
    assert "answer visible" not in tripped(q("Antistaphylococcal antibiotics resist being broken down by "
                                             "{{staphylococcal penicillinase}}."))
    assert "answer visible" not in tripped(q("A complete CRISPR-Cas locus has at least one gene of the {{cas core}}."))
    # the prefixed twin ("hyposensitivity" beside {{hypersensitivity}}, held-31's judge)
    assert "answer visible" in tripped(q("Mania brings {{hypersensitivity}} to some stimuli and hyposensitivity to "
                                         "others."))
    assert "answer visible" not in tripped(q("Mania brings {{hypersensitivity}} to light and sound."))


def test_readability():
    assert "readable" in tripped(q("The **mould** produces {{penicillin F}} in small quantities."))
    assert "readable" in tripped(q(" ".join(["word"] * 40) + " {{gap}}."))
    assert "readable" in tripped(q("Discover how {{vaccines}} work in our new guide."))


def test_lint_reports_the_checks_and_reused_distractors():
    choices = ["1700", "1800", "1900", "2000"]
    qs = [q(f"In which year did event {w} happen?", "choice", id=f"c{i}", answer=choices[i], choices=choices)
          for i, w in enumerate(["alpha", "bravo", "charlie"])]
    qs.append(q("These {{enzymes}} cut DNA at fixed sites.", id="z"))
    rules = {(i.question, i.rule) for i in lint_set(QuestionSet(id="s", title="s", questions=qs))}
    assert ("z", "dangling reference") in rules
    assert ("c0", "reused distractor") in rules  # 2000 is wrong in all three questions


def test_judged_dangling_openers_and_hyphenated_giveaways():
    # Judged on the corpus: after what? who are "they"? which century?
    assert_dangling(("The {{American Psychological Association}} was founded soon after, in 1892.",
                     "By designing an anti-virus CRISPR, they demonstrated that the {{crRNA}} guides the cut."))
    assert "dangling reference" in tripped(q(
        "At the end of the following century, _____ locations in Italy had seen printing.", "choice",
        answer="151", choices=["101", "151", "201", "251"]))
    assert "dangling reference" not in tripped(q("Which of the following is a {{cause}}?", "choice", answer="a",
                                                 choices=["a", "b", "c"]))
    # "soon after" with what it follows is no pointer (which war is another check's: "the war" alone trips it)
    assert "dangling reference" not in tripped(q("Soon after the Second World War, {{penicillin}} was made in bulk."))
    # A hyphenated word of the answer standing elsewhere in the prompt shows it.
    assert "answer visible" in tripped(q(
        "In {{two-stroke gasoline engines}} the crankcase carries the mixture, so two-stroke engines need no vent."))


def test_whose_and_contrast_pairs():
    # "then" in a process ("The ore is then converted into {{yellowcake}}") was kept by judges: not a dangling word
    assert "dangling reference" not in tripped(q("The uranium ore is then converted into {{yellowcake}}."))
    assert "dangling reference" in tripped(q("Mass production was achieved by his key invention of a {{hand mould}}."))
    assert "dangling reference" not in tripped(q("Gutenberg made the press; his key invention was the {{hand mould}}."))
    assert "answer visible" in tripped(q("The kidney has the outer renal cortex and the inner {{medulla}}."))
    assert "answer visible" not in tripped(q("The inner {{medulla}} holds the renal pyramids."))


def test_who_which_gland_and_list_items():
    assert "dangling reference" in tripped(q("To speed up the printing process, he introduced a(n) {{movable undertable}}."))
    assert "dangling reference" in tripped(q("An increase in osmolality causes the gland to secrete {{antidiuretic hormone}}."))
    assert "answer visible" in tripped(q(
        "Technologies included: manufacturing of paper, development of ink, {{woodblock}} printing, and distribution."))


def test_more_than_what():
    assert "dangling reference" in tripped(q("Coal and gas have each caused more {{fatalities}} per unit of energy."))
    assert "dangling reference" not in tripped(q("Coal has caused more {{fatalities}} than nuclear power."))


def test_openers_that_lean_on_the_sentence_before():
    # held-1 and held-10: "After a period of dormancy, they reactivate …", "Alternatively, as summarized by …"
    assert_dangling(("After a period of dormancy, they reactivate and produce {{merozoites}}.",
                     "Alternatively, structuralism is the belief that {{phenomena}} are related.",
                     "Lastly, the {{escapement}} keeps the pendulum swinging."))
    # a name before "they", or "they" in a later clause, stands on its own
    assert_dangling(("After a period of dormancy, hypnozoites reactivate and produce {{merozoites}}.",
                     "In the liver, the parasites multiply before they produce {{merozoites}}."), dangling=False)


def test_held_15_prompts_that_point_outside():
    assert_dangling(("At the time, {{bullocks}} were generally used to pull the carts carrying the bundles.",
                     "About 530 of those 900 species are {{endemics}}.",
                     "Removing the plants did not lead to a recovery of that diversity in {{woodlands}}.",
                     "A less common cause is a(n) {{pituitary adenoma}}.",
                     "To resolve the situation, commanding officers offered a {{rupee}} advance.",
                     "The situation was escalated by threats about the {{bullocks}}."))
    assert_dangling(("At the time of the mutiny, {{bullocks}} pulled the carts.",
                     "The size of that which remains is {{large}}.",
                     "A common cause of goitre is {{iodine}} deficiency."), dangling=False)


def test_held_16_prompts_that_point_outside():
    assert_dangling(("An automotive {{oil-cooled turbocharger}} is a typical example.",
                     "The four men entered the residency and stabbed {{Larsen}} in his bed.",
                     "Several interviewees were annoyed that the three had been released after {{eleven}} years.",
                     "In patients with acute stroke and hemiparesis, the disorder is present in {{10%}} of patients."))
    assert_dangling(("An automotive {{turbocharger}} is a typical example of a high-flow system.",
                     "The three germ layers are the ectoderm, the mesoderm and the {{endoderm}}.",
                     "The disorder of the thyroid is called {{hyperthyroidism}}."), dangling=False)


def test_later_than_what():
    # held-17: "The baby died _____ months later."
    assert "dangling reference" in tripped(q("The baby died {{14}} months later."))
    # (a treaty named: "The treaty was signed …" alone asks which, held-40's "The attack")
    assert "dangling reference" not in tripped(q("The Peace of Westphalia was signed two years later than planned, "
                                                 "in {{1648}}."))


def test_openers_judged_dangling_in_the_eleventh_session():
    # j45 "In response to what?", held-26 "Some examples" of what?, j45 "One complicating factor" in what?, j42 "More
    # common today" than what?, held-25 "The article" which article?
    assert_dangling(("In response, some people in the crowd threw various objects, and {{many}} arrests ensued.",
                     "Some examples are {{electrodes}} in neon lights and cold-cathode fluorescent lamps.",
                     "One complicating factor is possible {{monopsony}} in the labor market.",
                     "More common today is the division into four periods with a(n) {{turning point}} between them.",
                     "The article shows that less able, better-off kids are {{much}} more likely to become high earners."))
    assert_dangling(("In response to the attack, {{NATO}} was formed.", "One factor of {{risk}} is smoking.",
                     "Some {{examples}} of cathodes are hot."), dangling=False)
