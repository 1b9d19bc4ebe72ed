"""Rules drawn from held-21's blind verdicts (`docs/judging/held-21/`); each test fails on the generator before it."""

from __future__ import annotations

from ketaquiz.core.article import parse_article
from ketaquiz.core.generate.analysis import analyse
from ketaquiz.core.generate.answers import gap_for
from ketaquiz.core.generate.trimming import trim_to_term

from .generation import assert_dangling


def test_a_parenthesis_after_a_preposition_is_its_object_and_stays():
    # "… elliptic orbits are produced; one is shown in." had lost its "(D)": "unreadable as it stands"
    text = "As the firing speed is increased, non-interrupted elliptic orbits are produced; one is shown in (D)."
    assert trim_to_term(text, "elliptic orbits").endswith("one is shown in (D).")
    aside = "Ion channels (a kind of protein) open and close in response to the membrane potential of the cell."
    assert "(a kind of protein)" not in trim_to_term(aside, "membrane potential")  # an aside still goes


def test_which_model_which_theories_one_form_of_what_as_shown_where():
    assert_dangling(["The model was further challenged during the 16th century, as {{comets}} were observed.",
                     "Evidence that can distinguish between the theories agrees with {{relativity}}.",
                     "One form takes the pure elliptic motion as a basis and adds {{perturbation}} terms.",
                     "If the firing is above the surface of the Earth as shown, there will be {{elliptical}} orbits.",
                     "As the only party contesting the elections, the {{Communists}} won most seats."])
    assert_dangling(["The Bohr model places electrons in {{shells}}.",
                     "As shown by Rutherford, the atom has a small dense {{nucleus}}.",
                     "One form of {{energy}} can change into another."], dangling=False)


def test_the_shorter_term_the_article_says_on_its_own_is_accepted():
    # "{{gravitational potential energy}}": "the natural answer 'potential energy' is graded wrong"
    text = ("# Orbit\n\nA body far from another has gravitational potential energy. As a planet approaches apoapsis, "
            "its potential energy increases. Potential energy turns into kinetic energy as it falls.\n")
    an = analyse(parse_article(text))
    assert "|potential energy" in gap_for(an, "gravitational potential energy")
    dna = analyse(parse_article("# DNA\n\nBonds join the third and fifth carbon atoms. Carbon atoms form rings. "
                                "Carbon atoms also bond to oxygen.\n"))
    assert "carbon atoms" not in gap_for(dna, "fifth carbon atoms").split("|")[1:]  # the ordinal is the point
