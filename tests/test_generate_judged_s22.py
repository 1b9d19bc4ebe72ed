"""Natural answers and dangling openings that held-40's blind judge (ab-42, j75) named, which the sixteenth session
accepts or refuses; each test fails on the generator before it."""

from __future__ import annotations

from .generation import assert_dangling, gap_forms, kept_cloze

_KOREA = ("# History of North Korea\n\nThe history of North Korea began at the end of World War II in 1945. The "
          "surrender of Japan led to the division of Korea, with the Soviet Union occupying the north.\n\n"
          "## Division\n\nA People's Committee was led by the nationalist Cho Man-sik. Kim Il-sung had lived in the "
          "USSR since 1941. By some accounts, Cho Man-sik was the first choice to lead North Korea.\n")


def test_a_korean_name_accepts_its_family_name_not_its_given_name():
    # j75: "It accepts only the given name 'Man-sik' as a variant but not the family name 'Cho'"
    forms = gap_forms(_KOREA, "Cho Man-sik")
    assert "Cho" in forms and "Man-sik" not in forms
    assert "Kim" in gap_forms(_KOREA, "Kim Il-sung")


def test_a_surname_last_still_stands_beside_a_hyphened_word():
    # Not every capitalised word before a hyphened one is a Korean family name: "The Atari-style" is no person
    text = ("# Joystick\n\nA joystick is an input device. Joseph Jean-Paul built one; the Atari-style design "
            "won.\n\n## Use\n\nJoysticks control games.\n")
    assert "The" not in gap_forms(text, "The Atari-style")


def test_soviet_union_accepts_ussr():
    # j75: "The natural answers 'USSR' and 'the Soviets' would be marked wrong; accept them"
    assert "USSR" in gap_forms(_KOREA, "Soviet Union")
    assert "Soviet Union" in gap_forms(_KOREA, "USSR")


def test_a_century_in_words_accepts_its_numeral():
    # j75: "The natural answer '16th century' or '16th' (the prompt itself writes '17th and 18th') would be marked
    # wrong"
    text = ("# History of Honduras\n\nHonduras was conquered by Spain.\n\n## Northern coast\n\nIn the northeast, "
            "Taguzgalpa resisted all attempts to conquer it in the sixteenth century, and missionaries came in the "
            "17th and 18th centuries.\n")
    forms = gap_forms(text, "sixteenth century")
    assert "16th century" in forms
    assert "eighteenth century" in gap_forms(text, "18th century")
    assert "2nd messenger" not in gap_forms(text, "second messenger")  # not a century


def test_openings_that_point_at_an_unseen_battle_or_time_are_dangling():
    # j75: "'Under the circumstances' refers to a battle the learner cannot see"; j75 on Aster CT-80: "an opening
    # 'In the meantime' that points at nothing"; "'The attack' points at the unseen Google China hack"
    assert_dangling([
        "Under the circumstances, {{Olid}} proposed a truce.",
        "In the meantime IBM had released its original {{IBM PC}}.",
        "The attack was thought to have been part of a cyber attack known as {{Operation Aurora}}.",
    ])
    assert_dangling(["The attack of {{Operation Aurora}} targeted Google.",
                     "Under Spanish rule, {{Olid}} proposed a truce."], dangling=False)


def test_the_war_unnamed_is_dangling_but_a_named_war_is_not():
    # j75: "'the war' is not named … write 'the Korean War'"
    assert_dangling(["After much destruction, the war ended with a {{stalemate}}."])
    assert_dangling(["After much destruction, the Korean War ended with a {{stalemate}}.",
                     "The Korean War began in 1950, and the war ended with a {{stalemate}}.",
                     "The war of {{independence}} lasted eight years."], dangling=False)


# held-41's *ACE inhibitor* (ab-43, j77): "The gap is on 'mellitus' after 'diabetes', a trivial completion, 'diabetic
# nephropathy' is accepted though it does not fit"
_ACE = ("# ACE inhibitor\n\nACE inhibitors are drugs used to treat high blood pressure and heart failure.\n\n"
        "## Uses\n\n- Kidney complications of diabetes mellitus (diabetic nephropathy)\n\n"
        "## Mechanism\n\nACE inhibitors reduce the activity of the renin–angiotensin–aldosterone system in the development "
        "of hypertension in people with diabetes mellitus, as part of the insulin-resistance syndrome. Upon leaving the "
        "Golgi apparatus, the enzyme-filled vesicle fuses with a late endosome, a relatively acidic organelle. The late "
        "endosome matures.\n")


def test_a_latin_epithet_after_its_noun_is_no_gap():
    prompts = kept_cloze(_ACE)
    assert not any("{{mellitus" in p for p in prompts)
    assert any("late {{endosome" in p for p in prompts)  # an English noun after its modifier is the point


def test_the_gloss_of_a_whole_name_is_not_accepted_for_its_last_word():
    assert "diabetic nephropathy" not in gap_forms(_ACE, "mellitus")


def test_openings_that_say_nothing_of_what_is_meant_are_dangling():
    # j77: "'Many' has no referent"; "'If done correctly' points at prefetching, which the prompt leaves out"
    assert_dangling(["Many are equipped with machine guns for defense against {{enemy infantry}}.",
                     "If done correctly the {{latency}} is bypassed altogether."])
    assert_dangling(["Many {{howitzers}} are equipped with machine guns.",
                     "Most cases are mild and {{self-limiting}}."], dangling=False)


def test_held_42s_natural_answers_are_accepted():
    # j78 (ab-44): "Natural answers 'Britain', 'Great Britain' … would be marked wrong"; "The natural answer
    # 'specificity theory' is not among the accepted forms"
    text = ("# Pain\n\nPain is a distressing feeling.\n\n## Theories\n\nDescartes prefigured the development of "
            "specificity theory. By the mid-1890s, specificity was backed mostly by physiologists. Gold miners revolted "
            "against the colonial authority of the United Kingdom.\n")
    assert "specificity theory" in gap_forms(text, "specificity")
    assert "physiologists theory" not in gap_forms(text, "physiologists")  # only the theory the article names
    assert {"Britain", "Great Britain"} <= set(gap_forms(text, "United Kingdom"))


def test_an_unnamed_objective_and_a_then_with_no_step_are_dangling():
    # j78: "'The objective' of an unnamed operation cannot be answered stand-alone"; "'then' points at a lost context"
    assert_dangling(["The objective was to sweep the {{guerillas}} into the central part of the region.",
                     "A {{plurality}} is then sufficient to be elected."])
    assert_dangling(["The objective of Operation Security was to sweep the {{guerillas}} into the centre.",
                     "The mRNA is then exported from the {{nucleus}}."], dangling=False)


def test_what_is_clear_is_that_is_cut_as_a_lead_in():
    # j77: "'What is clear is that' dangles … drop the opener"; not before "…, and that …", which it also governs
    from ketaquiz.core.generate.lexicon import LEAD_INS

    assert LEAD_INS.sub("", "What is clear is that population continued to increase on Tongatapu.") \
        == "population continued to increase on Tongatapu."
    both = "What is clear is that population continued to increase, and that chiefdoms arose."
    assert LEAD_INS.sub("", both) == both


def test_a_year_in_a_named_decade_gets_options_in_that_decade():
    # j81 (ab-45): "'Mid-1970s' in the prompt rules out 1980 and 1985, leaving a 50/50"
    from ketaquiz.core.article import parse_article
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.near_values import number_distractors

    an = analyse(parse_article("# BASIC\n\nBASIC is a language.\n\n## Spread\n\nThe emergence of early microcomputers in "
                               "the mid-1970s led to the original Microsoft BASIC in 1975. Home computers came in 1980.\n"))
    options = [o for o, _ in number_distractors(an, "1975", "The emergence of early microcomputers in the mid-1970s led "
                                                            "to the original Microsoft BASIC in _____.")]
    assert len(options) == 3 and all(1970 <= int(o) <= 1979 for o in options)


def test_a_count_whose_items_the_prompt_lists_is_a_giveaway():
    # j81: "The three components are listed in the question that asks how many there are"
    from ketaquiz.core.generate.number_worth import _counted_list_shown

    shown = "Operational CRM is made up of _____ main components: sales force automation, marketing automation, and " \
            "service automation."
    assert _counted_list_shown(shown, "3")
    assert not _counted_list_shown("The drug is given in _____ doses: morning and evening.", "3")


def test_a_polity_accepts_its_name_and_a_hedged_later_dangles():
    # j81: "The natural answers 'Malacca' … would be marked wrong"; "'Approximately two years later' dangles"
    text = ("# History of Malaysia\n\nMalaysia is a country.\n\n## Islam\n\nThe Malacca Sultanate is commonly "
            "considered the first independent state in the peninsula. The United Kingdom ruled later.\n")
    assert "Malacca" in gap_forms(text, "Malacca Sultanate")
    assert "United" not in gap_forms(text, "United Kingdom")
    assert_dangling(["Approximately two years later, the {{Malaysian parliament}} passed a bill."])


def test_held_44s_giveaways_and_pointers():
    # j82 (ab-46): "The inventor's name is in the weapon's name, so 'Gatling' answers itself"; "'which he did by ___'
    # makes later options technically true"; "'In comparison' points to the volley weapons"; "'the relevant journal'"
    from ketaquiz.core.article import parse_article
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.attributions import _eponym
    from ketaquiz.core.generate.near_values import number_distractors

    assert _eponym("Who designed the Gatling gun? One name is enough.", ["Dr. Richard J. Gatling"])
    assert not _eponym("Who invented the kaleidoscope?", ["David Brewster"])
    an = analyse(parse_article("# Kenya\n\nKenya is a country.\n\n## Politics\n\nMoi restored a multi-party system "
                               "by 1991. Elections followed in 1992 and 1997.\n"))
    assert number_distractors(an, "1991", "Moi restored a multi-party system by _____.") == []
    assert len(number_distractors(an, "1991", "Moi restored a multi-party system in _____.")) == 3
    assert_dangling(["In comparison, the {{Gatling gun}} offered a rapid rate of fire.",
                     "Undeterred by the exoneration, the relevant journal withdrew the {{paper}}."])
    assert_dangling(["In comparison with volley guns, the {{Gatling gun}} offered a rapid rate of fire."], dangling=False)


def test_a_cut_definition_leaves_no_word_waiting():
    # j83 (ab-47): "The right option is truncated ('... relation type, to') and is the longest option"
    from ketaquiz.core.generate.definitions import _meaning

    meaning = _meaning("a named variable of some specific relation type, to which at all times some relation of that "
                       "type is assigned, though the relation may contain zero tuples.")
    assert meaning == "a named variable of some specific relation type"


def test_unseen_exceptions_and_similar_things_dangle():
    # j83: "'Notable exceptions' points at an unseen context"; "'The similar sentences' points at unseen context"
    assert_dangling(["Notable exceptions are C++ and Delphi, which have {{destructors}}.",
                     "The similar sentences are used to translate the components into the {{target language}}."])
    assert_dangling(["The different {{layers}} of the skin hold water.",
                     "An exception to the naming rule is {{Java}}."], dangling=False)
