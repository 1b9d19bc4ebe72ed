"""Faults the seventeenth session found in the generator's drafts and held-46's blind judge named; each test fails
on the generator before it."""

from __future__ import annotations

import re

from ketaquiz.core.generate.worth import unworthy

from .generation import assert_dangling, drafted, gap_forms


def test_a_figure_with_thousands_separators_is_never_gapped_in_part():
    # held-45's Karipúna French Creole drafted "The Karipúna people numbered 1,{{726}} …" and a choice on "1,_____"
    # with 726 as the right option: the tokenizer split "1,726" at its comma and took "726" for a term.
    text = ("# Karipúna\n\nThe Karipúna are a people of Brazil.\n\n## Population\n\nThe Karipúna people numbered "
            "1,726 between 16 different villages in 2001. The largest village, Manga, contained 465 people.\n")
    _, candidates = drafted(text)
    prompts = [c.question.prompt for c in candidates]
    assert prompts, "the article drafts questions"
    split = [p for p in prompts if re.search(r"\d,(?:\{\{|_____)|(?:\}\}|_____),\d", p)]
    assert not split, split


def test_a_definition_is_not_told_apart_from_definitions_of_other_kinds_of_thing():
    # j85 (held-46): "What is the rim, as the text defines it?" offered a lever, a technique and an instrument beside
    # "the metal ring around the batter head": "only the answer names a part"; blind judges kept 1 of 9 such choices
    from ketaquiz.core.generate.definitions import definition_choices

    text = ("# Snare drum\n\n## Parts\n\nThe snare drum is a percussion instrument that produces a sharp staccato "
            "sound.\nThe strainer is a lever that engages or disengages contact between the snares and the head.\n"
            "A rimshot is a technique in which the head and rim are struck simultaneously with one stick.\n"
            "The rim is the metal ring around the batter head.\nThe rim holds the head in place.\n")
    an, _ = drafted(text)
    section = an.article.sections[0]
    assert not [c.question.prompt for c in definition_choices(an, section)]


def test_a_percentage_in_words_accepts_its_figure():
    # j85 (held-46): "around {{ninety percent}}" — "a percentage as free cloze marks '90%' and '90 percent' wrong"
    text = ("# Witchcraft in Orkney\n\n## Trials\n\nSixty-eight people had been accused; around ninety percent were "
            "women, and seventy of the trials ended in 1708.\n")
    forms = gap_forms(text, "ninety percent")
    assert "90 percent" in forms and "90%" in forms
    assert "70" in gap_forms(text, "seventy")


def test_a_surname_with_an_accent_accepts_the_full_name_the_article_gives():
    # held-46's History of Guinea gapped "{{Conté}}" and accepted neither "Lansana Conté" nor any full name, where an
    # unaccented surname ("Camara") accepts "Moussa Dadis Camara" (judges' natural answer: corpus-final-15, held-35)
    text = ("# History of Guinea\n\n## Independence\n\nLansana Conté became the President in 1984. Conté ruled "
            "until 2008. Hermann Göring allied with Himmler; Göring was powerful.\n")
    assert "Lansana Conté" in gap_forms(text, "Conté")
    assert "Hermann Göring" in gap_forms(text, "Göring")


def test_a_years_place_among_its_options_is_not_always_in_the_middle():
    # j85 (held-46): "in every date question the distractors are fixed offsets of the true year … a pattern a learner
    # can learn to exploit": the answer was second or third of the four every time, never the earliest nor the latest
    from ketaquiz.core.article import parse_article
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.near_values import number_distractors

    an = analyse(parse_article("# Orkney\n\n## Trials\n\nThe trials began in 1594 and ended in 1708.\n"))
    places = set()
    for year in range(1600, 1640):
        options = sorted([year, *(int(v) for v, _ in number_distractors(an, str(year), f"A trial was held in {year}."))])
        assert len(options) == 4
        places.add(options.index(year))
    assert places == {0, 1, 2, 3}


def test_one_year_is_asked_once_in_a_set():
    # With the answer's place varied, "Unrest after the _____ revolution" (2011) came in beside "The Egyptian
    # revolution of _____ deposed Mubarak" (2011) in held-35's History of Egypt: one event asked twice
    from ketaquiz.core.generate.lead_dates import lead_dates
    from ketaquiz.core.generate.rank import Ranked, _Picks

    text = ("# History of Egypt\n\nThe Egyptian revolution of 2011 deposed Mubarak and resulted in the first "
            "democratically elected president. Unrest after the 2011 revolution and related disputes led to a coup in "
            "2013.\n\n## Ancient Egypt\n\nThe pharaohs built pyramids at Giza as tombs.\n")
    an, _ = drafted(text)
    first, second = [Ranked(c, 1.0) for c in lead_dates(an, an.article.sections[0])][:2]
    assert first.cand.question.answer == second.cand.question.answer == "2011"
    picks = _Picks(10)
    picks.keep(first)
    assert picks._answers_another(second)  # whatever their wrong options (a reused one refuses it on its own)


def test_a_world_power_is_no_gap_but_in_its_own_history():
    # j85 (held-46): "Reagan was able to start discussions on nuclear disarmament with {{Soviet Union}}" ("general
    # knowledge"), "tests conducted by the {{United States}} at Bikini Atoll" ("tests nothing"); 0 of 6 kept
    text = ("# Nuclear disarmament\n\nNuclear disarmament is the act of reducing or eliminating nuclear weapons.\n\n"
            "## History\n\nOperation Crossroads was a series of nuclear weapon tests conducted by the United States "
            "at Bikini Atoll in the Pacific Ocean in the summer of 1946. The United States and the Soviet Union "
            "signed treaties. Reagan started discussions on nuclear disarmament with the Soviet Union in Reykjavik. The "
            "Soviet Union tested its first bomb in 1949, and the United States answered with the hydrogen bomb. By "
            "1986 the United States and the Soviet Union held most of the world's warheads. The Soviet Union and the "
            "United States signed the INF Treaty in 1987, and the United States and the Soviet Union signed START "
            "in 1991.\n")
    an, candidates = drafted(text)
    powers = [c for c in candidates if c.question.type == "cloze"
              and re.search(r"\{\{(?:United States|Soviet Union)", c.question.prompt)]
    assert powers, "the article drafts gaps on the powers"
    assert all("general knowledge" in (unworthy(c, an) or "") for c in powers)
    history = "# History of the United States\n\n## Colonies\n\nThe United States grew from thirteen colonies.\n"
    an, candidates = drafted(history)
    assert not any("general knowledge" in (unworthy(c, an) or "") for c in candidates)


def test_the_opposite_extreme_dangles():
    # j85 (held-46): "'At the opposite extreme' points at a sentence the learner cannot see"
    assert_dangling(["At the opposite extreme, with no field, the electrons flow from the {{cathode}} to the anode."])
    assert_dangling(["At the opposite end of the tube, the {{anode}} collects the electrons."], dangling=False)


def test_a_clause_opening_on_a_pronoun_and_subsequently_dangle():
    # j86 (held-47): "'their' never names stockless anchors", "'subsequently' dangles"
    assert_dangling(["Though their holding-power-to-weight ratio is lower than {{admiralty pattern anchors}}, they "
                     "were adopted.", "Léonce Lagarde was subsequently installed as the {{protectorate}}'s governor."])
    assert_dangling(["Though stockless anchors hold less than {{admiralty pattern anchors}}, they were adopted.",
                     "The dynasty ended in 1218, and their cities subsequently became {{reichsfrei}}."], dangling=False)


def test_the_title_in_another_form_is_the_topic_word():
    # j86 (held-47): "{{Computer programmers}} are those who write computer software": "the gap is the topic word"
    from ketaquiz.core.article import parse_article
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.topic import topic_answer

    an = analyse(parse_article("# Computer programming\n\nComputer programming is the process of writing programs."
                               "\n\n## Programmers\n\nComputer programmers are those who write computer software.\n"))
    assert topic_answer(an, "Computer programmers")
    assert topic_answer(an, "computer programs") is None  # "program" is no form of "programming" here


def test_born_and_circa_before_a_year_end_no_sentence():
    # held-47's History of Djibouti: "… Achinov (b. 1856), arrived with settlers …" was split after "(b." and
    # "1856), arrived with settlers, infantry and an Orthodox priest to Sagallo on the Gulf of {{Tadjoura}}." was asked
    from ketaquiz.core.article import split_sentences

    text = ("In 1889, a Russian named Achinov (b. 1856), arrived at Sagallo. The press was built c. 1450 in Mainz. "
            "Vitamin B. The end.")
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "In 1889, a Russian named Achinov (b. 1856), arrived at Sagallo.", "The press was built c. 1450 in Mainz.",
        "Vitamin B. The end."]


def test_a_name_keeps_its_number_and_its_capital_among_options():
    # j87 (held-48): "In countries like the _____ …" offered "clerks", "scriveners" and "Japans" beside "United States"
    from ketaquiz.core.generate.builders import _plausible, match_number

    assert match_number("Japan", "United States") == "Japan"
    assert match_number("AMPA receptor", "NMDA receptors") == "AMPA receptors"  # a common noun still agrees
    assert not _plausible("clerks", "clerk", "United States")
    assert _plausible("Japan", "Japan", "United States")


def test_a_surname_the_article_says_alone_is_accepted_though_it_is_a_first_name_too():
    # j87 (held-48): "Only the full name 'Leabua Jonathan' is accepted; add 'Jonathan'"
    text = ("# History of Lesotho\n\n## Independence\n\nLeabua Jonathan refused to cede power in 1970. The Jonathan "
            "government ruled until 1986, when Prime Minister Jonathan was removed.\n")
    assert "Jonathan" in gap_forms(text, "Leabua Jonathan")


def test_since_at_the_end_in_others_and_as_for_dangle():
    # j87 (held-48): "'since' points at an unseen date", "'In others' points at countries the learner cannot see",
    # "'As for Stalin's proxies' leans on unseen context"
    assert_dangling(["Despite protests from {{opposition parties}}, the country has remained relatively stable since.",
                     "In others, jurists or {{notaries}} may negotiate or draft contracts.",
                     "As for Stalin's proxies, many hostages were murdered in {{reprisal}} by the Germans."])
    assert_dangling(["Since 1998 the {{Lesotho Congress for Democracy}} has ruled."], dangling=False)


def test_the_title_without_its_last_word_is_the_topic_word():
    # j87 (held-48): "… node businesses combine in the provision of products … in a {{supply chain}}": "the answer is
    # the topic word"
    from ketaquiz.core.article import parse_article
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.topic import topic_answer

    an = analyse(parse_article("# Supply-chain management\n\nSupply-chain management is the management of the flow "
                               "of goods.\n\n## Chains\n\nNetworks of businesses combine in a supply chain.\n"))
    assert topic_answer(an, "supply chain")
    assert topic_answer(an, "chain management") is None


def test_a_month_before_its_day_ends_no_sentence_and_than_this_dangles():
    # j89 (held-49): "In _____ The UNESCO General Conference voted to designate Sept." ("cut off at the abbreviation");
    # "files larger than this, called {{multisegment files}}" ("'larger than this' refers to a limit the learner cannot
    # see")
    from ketaquiz.core.article import split_sentences

    text = "In 2015 UNESCO voted to designate Sept. 28 as a day. The law passed in Sept. It was new."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "In 2015 UNESCO voted to designate Sept. 28 as a day.", "The law passed in Sept.", "It was new."]
    assert_dangling(["Extra code had to be used to work on files larger than this, called {{multisegment files}}."])
    assert_dangling(["Files larger than one megabyte are called {{multisegment files}}."], dangling=False)


def test_a_count_after_more_than_is_no_choice():
    # j89 (held-49): "More than _____ countries …" offered 50 beside 100: "more than 100 also means more than 50"
    from ketaquiz.core.generate.quantities import quantities

    text = ("# Access to information\n\n## Laws\n\nMore than 100 countries around the world have now adopted national "
            "access to information laws. About 40 countries have adopted such laws in Europe.\n")
    an, _ = drafted(text)
    asked = [c.question.prompt for c in quantities(an, an.article.sections[0])]
    assert not [p for p in asked if p.startswith("More than")]
    assert [p for p in asked if p.startswith("About")], asked


def test_a_bare_name_and_of_the_things_dangle_and_a_stages_list_is_named_by_its_noun():
    # j90 (held-50): "'The name' never says whose name", "'Of the terminals' points at a sentence the learner cannot
    # see"; "Put the normally divided into three stages of History of Chile in the order …" is garbled
    assert_dangling(["The name originates from the Basic Input/Output System used in CP/M in _____.",
                     "Of the terminals, over 60,000 offered {{cash withdrawals}}."])
    assert_dangling(["The name hemoglobin is derived from the words heme and {{globin}}.",
                     "The name and logo for EFTPOS were owned by the {{National Australia Bank}}."], dangling=False)
    from ketaquiz.core.generate.enumerations import enumerations

    text = ("# History of Chile\n\n## Independence\n\nThe independence process is normally divided into three stages: "
            "Patria Vieja, Reconquista, and Patria Nueva. The Patria Vieja began in 1810. The Reconquista restored "
            "Spanish rule in 1814. The Patria Nueva began in 1817.\n")
    an, _ = drafted(text)
    prompts = [c.question.prompt for c in enumerations(an, an.article.sections[0])]
    assert prompts and not [p for p in prompts if "normally" in p], prompts


def test_a_surname_accepts_a_full_name_with_its_particle():
    # j90 (held-50): "{{Valdivia}} became the first governor …": "a learner would write the full name; add 'Pedro de
    # Valdivia'"
    text = ("# History of Chile\n\n## Conquest\n\nPedro de Valdivia founded Santiago in 1541. Valdivia became the first "
            "governor of the Captaincy General of Chile.\n")
    assert "Pedro de Valdivia" in gap_forms(text, "Valdivia")
