"""Rules from the blind verdicts of held-11 (dyslexia, cholesterol, aerodynamics, mummy, malware, insurance) and held-12
(albinism, red tide, smelting, pan-Slavism, real-time computing, property law) and held-13 (computational chemistry,
interstitial cystitis, …): unseen Wikipedia articles. Each test fails on the generator before the rule."""

from __future__ import annotations

from ketaquiz.core.article import parse_article
from ketaquiz.core.generate.analysis import analyse
from ketaquiz.core.generate.builders import distractors
from ketaquiz.core.generate.enumerations import _enumeration
from ketaquiz.core.generate.spellings import spelled
from ketaquiz.core.generate.terms import find_terms
from ketaquiz.core.generate.topic import topic_answer
from ketaquiz.core.quality import tripped

from .generation import assert_dangling, kept_cloze, q

DYSLEXIA = """# Dyslexia

## Overview

Dyslexia is a reading disorder, and dyslexia is diagnosed through a series of tests of memory, spelling and reading.
Dyslexic children require special instruction for word analysis and spelling from an early age.
Logographic writing systems pose problems for dyslexic learners, who must remember many symbols.
In phonological dyslexia, sufferers can read familiar words but have difficulty with unfamiliar words.
Abnormal cell formations in dyslexics have been reported in subcortical brain structures.
Phonological dyslexia is associated with lesions in the parts of the brain supplied by the middle cerebral artery.
Dyslexia affects reading more than speech, and dyslexia runs in families.
The subcortical brain structures also differ in size.
"""


def test_the_subjects_own_word_with_a_plain_noun_or_a_sufferer_is_no_gap():
    kept = " ".join(kept_cloze(DYSLEXIA))
    for gap in ("{{Dyslexic children", "{{dyslexic children", "{{dyslexic learners", "{{sufferers", "{{dyslexics"):
        assert gap not in kept, gap
    assert "{{subcortical brain structures" in kept  # the article's other terms are still asked
    # a kind of the subject is no topic word: "index fossils" in *Fossil*
    fossil = analyse(parse_article(
        "# Fossil\n\n## Dating\n\nMisleading results are produced if the index fossils are incorrectly dated.\n"
        "Radiometric dating measures the decay of isotopes in volcanic ash. Stratigraphy orders the rock layers.\n"
        "Sediment buries the remains quickly. Minerals then replace the original tissue.\n"
        "Palaeontologists compare the layers across continents.\n"))
    assert topic_answer(fossil, "index fossils") is None
    assert topic_answer(fossil, "fossils") is not None


def test_a_list_named_right_before_its_colon_is_asked_by_that_name():
    def enumeration(text: str):
        return _enumeration(parse_article(f"# T\n\n{text}\n").sentences[0])

    # it read "Name one of the in many aerodynamics problems, the forces of interest." and accepted the name itself
    assert enumeration("In many aerodynamics problems, the forces of interest are the fundamental forces of flight: "
                       "lift, drag, thrust, and weight.") == \
        ("the fundamental forces of flight", ["lift", "drag", "thrust", "weight"])
    assert enumeration("There are many semi-synthetic penicillins, and these are in three groups: antistaphylococcal "
                       "penicillins, broad-spectrum penicillins, and antipseudomonal penicillins.") is None
    assert enumeration("There are four types of bases: adenine, cytosine, guanine and thymine.") == \
        ("the four types of bases", ["adenine", "cytosine", "guanine", "thymine"])


def test_a_century_gets_centuries_as_wrong_options():
    an = analyse(parse_article("# Aerodynamics\n\n## History\n\nThe Euler equations were extended in the first half "
                               "of the 1800s, and wind tunnels followed in the 1870s.\n"))
    wrong = [d for d, _ in distractors(an, "1800s", "extended in the first half of the 1800s")]
    assert wrong and all(w.endswith("00s") for w in wrong), wrong  # not the 1790s or the 1810s


def test_a_word_in_greek_script_is_no_gap_and_keeps_its_letters():
    assert spelled("β-lactam") == "beta-lactam"
    assert spelled("δυναμική") == "δυναμική"  # was "deltaυνalphamuιkappaή"
    assert spelled("ἄνοδος") == "ἄνοδος"  # its accented alpha counts as Greek too (was "ἄνοdeltaος")
    text = ("# Aerodynamics\n\n## Overview\n\nAerodynamics, from Greek ἀήρ aer + δυναμική (dynamics), is "
                        "the study of the motion of air around a solid object such as a wing.\nLift and drag act on "
                        "the wing, and aerodynamics predicts both.\n")
    assert not any("{{δυναμική" in p for p in kept_cloze(text))


def test_prompts_that_point_at_what_the_learner_cannot_see():
    assert_dangling(("As such, ELIZA was one of the first {{chatterbots}}.",
                     "Each one contains approximately 1,500 molecules of {{cholesterol ester}}.",
                     "The benefits might simply be due to the added {{spacing}} between words.",
                     "The terms are applied to developmental dyslexia along with developmental {{aphasia}}.",
                     "In front of that object, the fluid builds up a(n) {{stagnation pressure}}."))
    assert_dangling(("The term holoenzyme can be applied to enzymes such as the {{DNA polymerases}}.",
                     "Air in front of the wing builds up a(n) {{stagnation pressure}} so that the flow slows."), dangling=False)


def test_a_verb_in_the_gap_is_a_phrase_gap():
    assert "phrase gap" in tripped(q("Trans fats have been shown to {{correlate}} with reduced levels of HDL."))
    assert "phrase gap" in tripped(q("A flow is compressible if the {{density changes}} along a streamline."))
    assert "phrase gap" not in tripped(q("Charles faced {{populist revolts}} across the kingdom after the battle."))
    assert "phrase gap" not in tripped(q("Penicillin is sensitive to {{beta-lactamase}} produced by bacteria."))


def test_a_product_given_as_an_example_and_a_word_for_the_dead_are_no_gaps():
    malware = ("# Malware\n\n## Defence\n\nSecunia PSI is an example of software, free for personal use, that will "
               "check a PC for vulnerable software. Secunia PSI then updates it, and Secunia PSI reports the result.\n"
               "Antivirus software scans files for malware signatures before they run.\n")
    assert not any("{{Secunia PSI}} is an example" in p for p in kept_cloze(malware))
    mummy = ("# Mummy\n\n## Egypt\n\nWithin the layers, Egyptian priests placed small amulets to guard the decedent "
             "from evil. The decedent was wrapped in linen, and the decedent was laid in a coffin.\n"
             "Amulets were believed to protect the body, and amulets were carved in stone.\n")
    kept = " ".join(kept_cloze(mummy))
    assert "{{decedent" not in kept and "{{amulets" in kept


def test_held12_prompts_that_point_at_what_the_learner_cannot_see():
    assert_dangling(("With some there is no {{pigment}} at all.",
                     "None, other than heritage organizations, are considered a form of {{rapprochement}}.",
                     "A separate distinction is evident where the rights confer on the {{nonowner}} no interest.",
                     "The term specifically refers to blooms of a species of {{dinoflagellate}}.",
                     "Processes for the second stage include fining in a(n) {{finery forge}}.",
                     "Since the discovery happened several {{millennia}} before writing, there is no record."))
    assert_dangling(("In some cases, the {{retinal pigment epithelium}} fails to develop.",
                     "The discovery of {{penicillin}} changed medicine."), dangling=False)


def test_held12_topic_words_and_a_verb_glued_to_the_gap():
    smelting = analyse(parse_article("# Smelting\n\n## Overview\n\nSmelting extracts a metal from its ore with heat "
                                      "and a reducing agent.\nPlants for the electrolytic reduction of aluminium are "
                                      "generally referred to as aluminium smelters.\n"))
    assert topic_answer(smelting, "smelters") is not None
    albinism = analyse(parse_article("# Albinism in humans\n\n## Overview\n\nAlbinism is a congenital condition.\n"
                                     "Emperor Seinei of Japan is thought to have been an albino.\n"))
    assert topic_answer(albinism, "albino") is not None and topic_answer(albinism, "melanin") is None
    assert "phrase gap" in tripped(q("Lack of {{skin pigmentation makes}} for more susceptibility to sunburn."))


def test_a_quoted_term_the_sentence_names_is_no_quotation():
    # held-12's "deadlines" and the development articles' "antisense", "penam" had been refused as quotations
    for prompt in ("Real-time programs must respond within time constraints, often referred to as \"{{deadlines}}\".",
                   "The sequence on the opposite strand is called the \"{{antisense}}\" sequence.",
                   "The term \"{{penam}}\" is used to describe the common core skeleton of the penicillins."):
        assert "readable" not in tripped(q(prompt)), prompt
    for prompt in ("Dawkins called it \"an interesting but minor wrinkle\" on the {{neo-Darwinian synthesis}}.",
                   "In the 19th century the {{adjective}} \"feudal\" evolved into a noun.",
                   "The word comes from the Greek genetikos meaning \"{{generative}}\"."):
        assert "readable" in tripped(q(prompt)), prompt


def test_held13_names_joined_by_an_en_dash_and_a_named_term_with_its_modifier():
    # "based on the {{Hartree}}–Fock method" had split one name; "1964–1966" is still a range
    spans = [sp.text for sp in find_terms("Semi-empirical methods are based on the Hartree–Fock method, from 1964–1966.")]
    assert "Hartree–Fock method" in spans and "1964" in spans and "1966" in spans
    # a term the sentence names is the whole name, modifier and all (held-13: gap it, not "enthalpy")
    assert "modifier gap" not in tripped(q("A particularly important objective, called {{computational thermochemistry}}, "
                                           "is to calculate thermochemical quantities."))
    assert "modifier gap" in tripped(q("Such programs need {{computational power}} to run for days."))


def test_held13_words_that_end_a_term_and_names_with_a_letter():
    from ketaquiz.core.generate import lexicon as lx

    # "cystitis" read as the plural of "cystiti", so *Interstitial cystitis* did not know its own title
    assert lx.singular("cystitis") == "cystitis" and lx.singular("nucleus") == "nucleus"
    assert lx.singular("mitochondrias") == "mitochondria"
    spans = [sp.text for sp in find_terms("Cyclosporine has been studied as a treatment for interstitial cystitis due to "
                                          "its properties. For passing a border oneself, a false passport is used.")]
    assert "interstitial cystitis" in spans and "border" in spans  # not "… cystitis due", "border oneself"
    assert "phrase gap" in tripped(q("A study found {{cyclosporine}} A to be more effective than pentosan."))


def test_held13_a_describing_word_the_sentence_names_is_its_term():
    text = ("# Stem cell\n\n## Adult\n\nAdult stem cells, also called somatic (from Greek, \"of the body\") stem cells, "
                        "are stem cells "
                        "which maintain and repair the tissue in which they are found.\nStem cells divide to renew "
                        "themselves. Stem cells can become other cell types.\nEmbryonic stem cells come from the "
                        "blastocyst.\nResearchers grow stem cells in culture.\n")
    assert any("also called {{somatic}}" in p for p in kept_cloze(text))


def test_held14_the_term_named_without_term_and_a_hyphenated_answer_spaced():
    # "derived from the {{term intragenic region}}" (held-14), "The {{term transonic}}" (held-11)
    spans = [sp.text for sp in find_terms("The word intron is derived from the term intragenic region, a region "
                                          "inside a gene.")]
    assert "intragenic region" in spans and not any(s.startswith("term ") for s in spans)
    an = analyse(parse_article("# Meconium\n\n## Causes\n\nAspiration may occur in-utero before birth.\n"))
    from ketaquiz.core.generate.answers import gap_for

    assert gap_for(an, "in-utero") == "{{in-utero|in utero}}"


def test_held14_a_span_of_weeks_is_a_key_number_and_a_span_of_years_is_not():
    from ketaquiz.core.generate.quantities import quantities

    art = parse_article("# Meconium aspiration syndrome\n\n## Management\n\nCurrently, labour is induced in women who "
                        "have been pregnant for longer than 41 weeks gestation.\nThe lungs of the fetus mature "
                        "slowly, and surfactant is produced late.\nThe castle was held for 40 years before its fall.\n")
    an = analyse(art)
    asked = {c.question.answer: c.question.prompt for sec in art.sections for c in quantities(an, sec)}
    assert asked.get("41") == "Currently, labour is induced in women who have been pregnant for longer than _____ weeks " \
        "gestation."
    assert "40" not in asked  # "40 years": a span of years is a date's business
