"""Grading each type, with typo tolerance where a typed answer is expected."""

from random import Random

import pytest

from ketaquiz.core.grading import grade, present, typed_match
from ketaquiz.core.questions import Question


@pytest.mark.parametrize(
    "response, ok, typo",
    [
        ("prefrontal cortex", True, False),
        ("The Prefrontal Cortex.", True, False),
        ("prefrontal cortx", True, True),
        ("prefontal cortex", True, True),
        ("frontal lobe", False, False),
        ("", False, False),
    ],
)
def test_typed_answers(response, ok, typo):
    assert typed_match(response, ["prefrontal cortex"]) == (ok, typo)


def test_short_words_and_numbers_must_be_exact():
    assert typed_match("NMDB", ["NMDA"]) == (True, True)  # four letters: one slip allowed
    assert typed_match("AMP", ["AMPA"]) == (True, True)
    assert typed_match("GABA", ["NMDA"]) == (False, False)
    assert typed_match("2001", ["2000"]) == (False, False)
    assert typed_match("ab", ["ac"]) == (False, False)


def test_each_type():
    choice = Question("c", "t", "choice", "P", "b", choices=["a", "b", "c"])
    multi = Question("m", "t", "multi", "P", ["a", "c"], choices=["a", "b", "c"])
    tf = Question("f", "t", "truefalse", "P", False)
    cloze = Question("z", "t", "cloze", "{{NMDA|N-methyl-D-aspartate}} and {{AMPA}}")
    order = Question("o", "t", "order", "P", items=["x", "y", "z"])
    short = Question("s", "t", "short", "P", "glutamate", accept=["glutamic acid"])
    assert grade(choice, "b").correct and not grade(choice, "a").correct
    assert grade(multi, ["c", "a"]).correct and not grade(multi, ["a"]).correct
    assert grade(tf, False).correct and not grade(tf, True).correct
    assert grade(cloze, ["n-methyl-d-aspartate", "AMPA"]).correct
    assert not grade(cloze, ["NMDA"]).correct
    assert grade(order, ["x", "y", "z"]).correct and not grade(order, ["y", "x", "z"]).correct
    assert grade(short, "Glutamic acid").correct
    assert not grade(short, None).correct and grade(short, None).expected == "glutamate"


def test_order_is_never_shown_already_solved():
    q = Question("o", "t", "order", "P", items=["a", "b", "c"])
    rng = Random(0)
    assert all(present(q, rng).options != ["a", "b", "c"] for _ in range(50))
