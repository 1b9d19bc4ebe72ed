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
    assert typed_match("NMDB", ["NMDA"]) == (False, False)  # an acronym: one edit makes another term
    assert typed_match("NDMA", ["NMDA"]) == (False, False)
    assert typed_match("AMP", ["AMPA"]) == (False, False)
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


@pytest.mark.parametrize("typed, accepted, ok", [
    ("NDMA receptor", "NMDA receptor", False),  # the acronym in a phrase must be exact
    ("NMDA recepter", "NMDA receptor", True),  # a slip in the long word is fine
    ("ndma", "nmda", False),  # short, lower case too
    ("effect", "affect", False),  # one edit, but a word of its own
    ("ketamin", "ketamine", True),
    ("glutamete", "glutamate", True),
    ("2.5 mg", "2.0 mg", False),
    ("mTOR", "mTOR", True),
    ("mTOP", "mTOR", False),
    ("serotonin syndrom", "serotonin syndrome", True),
    ("prefrontalcortex", "prefrontal cortex", True),
])
def test_typo_tolerance_rules(typed, accepted, ok):
    assert typed_match(typed, [accepted])[0] is ok


def test_a_typo_names_the_accepted_form_and_what_differed():
    short = Question("s", "t", "short", "P", "glutamate", accept=["glutamic acid"])
    g = grade(short, "glutamte")
    assert g.correct and g.typo and g.typos == (("glutamte", "glutamate"),)
    assert g.typo_note == "you typed “glutamte”: “glutamate” (missing “a”)"
    assert not grade(short, "glutamic aicd").correct  # "acid": four letters, exact
    g = grade(Question("p", "t", "short", "P", "prefrontal cortex"), "prefrontal cotrex")
    assert g.typos == (("prefrontal cotrex", "prefrontal cortex"),) and "“tr” swapped" in g.typo_note
    cloze = Question("z", "t", "cloze", "{{dopamine}} and {{serotonin}}")
    g = grade(cloze, ["dopamine", "serotonim"])
    assert g.correct and g.typos == (("serotonim", "serotonin"),) and "“m” for “n”" in g.typo_note
