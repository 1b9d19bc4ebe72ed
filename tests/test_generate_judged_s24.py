"""Faults the eighteenth session's blind judges (held-52 to held-54) named in the generator's drafts; each test fails
on the generator before it."""

from __future__ import annotations

from ketaquiz.core.generate.topic import topic_answer

from .generation import assert_dangling, drafted


def test_the_subjects_common_name_after_also_commonly_known_as_is_the_topic_word():
    # j93 (held-53): "Rhytidiadelpus lorues, commonly known as "{{lanky moss}}" is a large … species of moss" — "asks for
    # the article's topic name (used throughout the text)": the lead's "also commonly known as" was not read as a name
    text = ("# Rhytidiadelphus loreus\n\nRhytidiadelphus loreus, also commonly known as lanky moss, is a nonvascular "
            "feather moss species of coastal forests.\n\n## Description\n\nLanky moss forms loose mats on decaying "
            "logs and on the forest floor.\n")
    an, _ = drafted(text)
    assert topic_answer(an, "lanky moss") is not None
    assert topic_answer(an, "feather moss") is None  # the kind it is, not another name of it


def test_an_opening_rather_dangles():
    # j92 (held-52): "Rather, molecules and ions move down their {{concentration gradient}} …" — "starts with dangling
    # 'Rather,'": rather than what the sentence before said
    assert_dangling(["Rather, molecules and ions move down their {{concentration gradient}} reflecting its diffusive "
                     "nature."])
    assert_dangling(["Rather than diffusing freely, the ions pass through {{channel proteins}}."], dangling=False)


def test_a_number_in_a_name_is_no_count_to_ask():
    # j94 (held-54): "… trace their roots back to the RC _____ multiprogramming system" — "a model number as a number
    # question": the figure after a capitalised word mid-sentence is part of a name, not how many of something
    from ketaquiz.core.generate.quantities import quantities

    def asked(sentence: str) -> list[object]:
        _, candidates = drafted(f"# Remote procedure call\n\n## History\n\n{sentence}\n", [quantities])
        return [c.question.answer for c in candidates]

    assert asked("Remote procedure calls in modern operating systems trace their roots back to the RC 4000 "
                 "multiprogramming system.") == []
    assert asked("Missions to the Moon used the Apollo 11 spacecraft design.") == []
    assert asked("A typical liver cell holds about 500 mitochondria in its cytoplasm.") != []
    assert asked("In the UK 40% of adults take the drug at least once a year.") != []  # a share, not a name
