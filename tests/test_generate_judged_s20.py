"""Faults the judges of held-out articles found in drafts and that the fourteenth session mended; each test fails on
the generator before it."""

from __future__ import annotations

from .generation import drafted, kept_cloze

# *Magic lantern* (held-33): "a {{camera obscura device|camera obscura|obscura}} that he got from Drebbel" — the
# judge: a side anecdote; the phrase is said only there, though its words "camera obscura" stand all over the article
_LANTERN = ("# Magic lantern\n\nThe magic lantern is an early image projector. The camera obscura was known long "
            "before the lantern. A camera obscura projects an image of its surroundings. Drebbel improved the camera "
            "obscura. Constantijn Huygens wrote very enthusiastically about a {phrase} that he got from Drebbel in 1622. "
            "The lantern used a lens and a lamp.\n")


def test_a_phrase_said_only_once_is_no_gap():
    prompts = kept_cloze(_LANTERN.format(phrase="camera obscura device"))
    assert not any("{{camera obscura device" in p for p in prompts), prompts


def test_a_phrase_the_article_says_again_is_still_asked():
    text = _LANTERN.format(phrase="camera obscura device") + "\nA camera obscura device can be a whole room.\n"
    prompts = kept_cloze(text)
    assert any("{{camera obscura device" in p for p in prompts), prompts


# *Scuba set*-like: a lead that summarises the article, a body sentence on its topic and one aside that shares no
# word with the lead (held-34's judge: "where sidemount is popular is a side detail")
_SCUBA = ("# Scuba set\n\nA scuba set is any breathing apparatus carried entirely by an underwater diver, which "
          "provides the diver with breathing gas at the ambient pressure. Open-circuit sets vent the exhaled gas into "
          "the water, while rebreathers recycle it by removing carbon dioxide and adding oxygen. The demand valve, "
          "invented by Cousteau and Gagnan, made open-circuit scuba practical for recreational divers. Cylinders "
          "hold compressed air or nitrox, and a harness keeps the cylinders on the diver's back or sides. The "
          "buoyancy compensator lets divers adjust their depth during a dive.\n\n"
          "## Configurations\n\n"
          "Rebreathers recycle the exhaled gas through a scrubber that removes carbon dioxide. "
          "Cave explorers in Florida popularized the sidemount for squeezing through tight "
          "restrictions. The sidemount carries the cylinders at the diver's sides.\n")


def _ranked_sources(text: str) -> set[str]:
    from ketaquiz.core.generate.importance import sentence_importance
    from ketaquiz.core.generate.rank import rank_candidates

    an, candidates = drafted(text)
    return {r.cand.question.source for r in rank_candidates(candidates, an, sentence_importance(an))}


def test_an_aside_that_shares_no_word_with_the_lead_is_not_asked():
    sources = _ranked_sources(_SCUBA)
    assert any(s.startswith("Rebreathers recycle") for s in sources), sources  # on the lead's thread: asked
    assert not any(s.startswith("Cave explorers") for s in sources), sources


def test_a_short_lead_is_no_summary_to_measure_by():
    # the same text, its lead's last four sentences moved under a heading: the lead is one opening sentence
    text = _SCUBA.replace(" Open-circuit sets", "\n\n## Equipment\n\nOpen-circuit sets", 1)
    assert any(s.startswith("Cave explorers") for s in _ranked_sources(text))


def test_a_list_whose_name_says_nowhere_what_it_belongs_to_is_not_asked():
    # *Foot* (held-33): "Name one of the bones." (which bones?), from a bulleted list under a heading "Bones"
    from ketaquiz.core.generate.worth import unworthy

    text = ("# Foot\n\nThe foot is the end of the leg. The foot bears the weight of the body.\n\n## {name}\n\n"
            "- talus, the ankle bone\n- calcaneus, the heel bone\n- navicular\n- cuboid\n\n## Joints\n\n"
            "The foot has many joints.\n")
    for name, asked in (("Bones", False), ("Tarsal bones", True)):
        an, candidates = drafted(text.format(name=name))
        lists = [c for c in candidates if c.family.startswith("short-list")]
        assert lists, name
        assert all((unworthy(c, an) is None) is asked for c in lists), (name, [c.question.prompt for c in lists])


def test_a_long_definition_is_not_cut_before_its_complement():
    # *Phobia* (held-35): "What is the hippocampus, as the text defines it?" offered "a horseshoe-shaped structure
    # that plays an important part" — cut before "in the brain's limbic system"
    from ketaquiz.core.article import parse_article
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.definitions import definitions

    text = ("# Phobia\n\nA phobia is a type of anxiety disorder.\n\n## Brain\n\nThe hippocampus is a horseshoe-shaped "
            "structure that plays an important part in the brain’s limbic system because of its role in forming "
            "memories and connecting them with emotions and the senses.\n")
    meanings = {d.term: d.meaning for d in definitions(analyse(parse_article(text)))}
    assert not any(m.endswith("important part") for m in meanings.values()), meanings


def test_a_figure_with_decimals_is_not_asked_as_its_whole_part():
    # *Phobia* (held-35): "Agoraphobia affects about _____ of people." answered "1%" where the text says 1.7%
    from ketaquiz.core.generate.quantities import quantities

    text = ("# Phobia\n\nA phobia is an anxiety disorder. Agoraphobia affects about 1.7% of people. "
            "Specific phobias affect about 12% of people at some point in their life.\n")
    an, candidates = drafted(text, (quantities,))
    answers = {c.question.answer for c in candidates}
    assert "1%" not in answers and "12%" in answers, answers


def test_the_other_name_of_a_longer_term_is_no_other_word_for_its_head():
    # *Phobia* (held-35): "A phobia is a type of {{anxiety disorder|Social phobia}}" — from "Social phobia, also known
    # as social anxiety disorder"
    from ketaquiz.core.article import parse_article
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.synonyms import also_called

    an = analyse(parse_article("# Phobia\n\nA phobia is a type of anxiety disorder. Social phobia, also known as "
                               "social anxiety disorder, is a fear of being judged.\n"))
    assert also_called(an, "anxiety disorder") == []
    assert "Social phobia" in also_called(an, "social anxiety disorder")


def test_a_year_one_question_asks_is_not_shown_in_another_sections_prompt():
    # *Peer-to-peer* (held-35): "… Napster, originally released in _____." (overview) beside "In May 1999, … called
    # {{Napster}}." (history): the one answers the other when the course is reviewed as a whole
    from ketaquiz.core.generate.builders import Candidate
    from ketaquiz.core.generate.rank import Ranked, _Picks
    from ketaquiz.core.questions import Question

    cloze = Question(id="history-cloze-1", topic="history", type="cloze", source="s",
                     prompt="In May 1999, Shawn Fanning introduced the file-sharing application called {{Napster}}.")
    year = Question(id="overview-choice-1", topic="overview", type="choice", source="t", answer="1999",
                    prompt="P2P was popularized by Napster, originally released in {{1999}}.",
                    choices=["1994", "1999", "2004", "2009"])
    other = Question(id="overview-choice-2", topic="overview", type="choice", source="u", answer="2001",
                     prompt="Napster was shut down in {{2001}}.", choices=["1996", "2001", "2006", "2011"])
    picks = _Picks(total=10)
    picks.keep(Ranked(Candidate(cloze, 1.0, ("s1",), "cloze", "napster"), 1.0))
    assert not picks.allows(Ranked(Candidate(year, 1.0, ("s2",), "choice-lead-date", "1999"), 1.0))
    assert picks.allows(Ranked(Candidate(other, 1.0, ("s3",), "choice-lead-date", "2001"), 1.0))


# *Communication* (held-35): "… an atmosphere that allows {{family members}} to express their differences" — the
# judge: a filler phrase anyone can guess
_FAMILY = ("# Communication\n\nCommunication is the act of conveying meanings from one entity or group to another "
           "through signs, symbols and semiotic rules.{lead}\n\n## Family communication\n\n"
           "Family communication is the study of the communication perspective in a broadly defined family. "
           "Open and honest communication creates an atmosphere that allows family members to express their "
           "differences. Family members share rules and norms. Roles are shared by family members.\n")


def test_a_gap_of_everyday_words_the_lead_does_not_name_is_not_asked():
    assert not any("{{family members" in p for p in kept_cloze(_FAMILY.format(lead="")))
    lead = " Most people first learn it from family members."
    assert any("{{family members" in p for p in kept_cloze(_FAMILY.format(lead=lead)))


def test_further_and_in_turn_point_at_a_sentence_unseen():
    # *Recession* (held-36): "Further, reduced consumption due to higher {{household leverage}} …", "The recession, in
    # turn, deepened the {{credit crunch}} …"
    from .generation import assert_dangling

    assert_dangling([
        "Further, reduced consumption due to higher {{household leverage}} can account for a decline in employment.",
        "The recession, in turn, deepened the {{credit crunch}} as demand and employment fell.",
    ])
    assert_dangling(["Further research on {{household leverage}} is needed.",
                     "Players take {{turns}} in turn order."], dangling=False)
    assert_dangling(["Hemoglobin consists of protein subunits, and these proteins, in turn, are folded chains of "
                     "{{amino acids}}."], dangling=False)


def test_a_number_in_a_capitalised_label_is_no_quantity():
    # CRISPR (corpus, j68 and seven judges before): "Class _____ systems use a complex of multiple Cas proteins …"
    # among 1 · 2 · 3 · 4, where the article has two classes: "Class 1" is a name, not a count
    from ketaquiz.core.generate.quantities import quantities
    from ketaquiz.core.generate.worth import unworthy

    text = ("# CRISPR\n\nCRISPR is a family of DNA sequences. Cas proteins cut DNA.\n\n## Classes\n\n"
            "Class 1 systems use a complex of multiple Cas proteins to degrade foreign nucleic acids. Class 2 "
            "systems use a single large Cas protein. Class 2 includes Cas9.\n")
    an, candidates = drafted(text, (quantities,))
    why = {c.question.answer: unworthy(c, an) for c in candidates}
    assert why and all("part of a name" in (w or "") for w in why.values()), why


def test_a_short_form_led_by_lower_case_letters_pairs_with_its_long_form():
    # DNA, CRISPR (corpus, j68): "{{mtDNA}}" and "{{crRNA}}" graded "mitochondrial DNA" and "CRISPR RNA" wrong
    from ketaquiz.core.generate.terms import acronym_pairs

    pairs = acronym_pairs("There is also mitochondrial DNA (mtDNA) in eukaryotes. Spacers become CRISPR RNA (crRNA). "
                          "Small interfering RNA (siRNA) silences genes. The pay (raise) was small.")
    assert pairs.get("mtDNA") == "mitochondrial DNA" and pairs.get("crRNA") == "CRISPR RNA"
    assert pairs.get("siRNA") == "Small interfering RNA" and "raise" not in pairs
