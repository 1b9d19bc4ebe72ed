"""Rules drawn from held-22's blind verdicts (`docs/judging/held-22/`); each test fails on the generator before it."""

from __future__ import annotations

from ketaquiz.core.article import parse_article
from ketaquiz.core.generate.analysis import analyse
from ketaquiz.core.generate.answers import gap_for
from ketaquiz.core.generate.worth import unworthy

from .generation import assert_dangling, drafted

SKY = """# Centaurus

## Stars

Alpha Centauri is the closest star system to the Sun. Alpha Centauri has a high proper motion. The brightest star
of the constellation is Alpha Centauri. V810 Centauri is a semiregular variable star of the southern sky.
R Centauri is a Mira variable star with a minimum magnitude of 11.8. NGC 3766 is an open cluster that is visible to
the unaided eye. Omega Centauri is the brightest globular cluster as visible from Earth.
"""


def test_a_sentence_about_a_catalogued_side_object_is_trivia():
    # "V810 Centauri is a(n) {{semiregular variable}}", "R Centauri …", "What is NGC 3766?": four of Centaurus's drops
    an, candidates = drafted(SKY)
    why = {c.question.source: unworthy(c, an) or "" for c in candidates}
    for opening in ("V810 Centauri", "R Centauri", "NGC 3766"):
        source = next(src for src in why if src.startswith(opening))
        assert "catalogued side object" in why[source], source
    # a star the article keeps naming is no side object
    assert not any("catalogued" in w for src, w in why.items() if src.startswith("Alpha Centauri"))


def test_the_last_word_two_names_share_is_no_answer_alone():
    # "{{Omega Centauri|Centauri}}": "Centauri" names Alpha Centauri and R Centauri as well
    an = analyse(parse_article(SKY))
    assert "|Centauri|" not in gap_for(an, "Omega Centauri") + "|" and not gap_for(an, "Omega Centauri").endswith(
        "|Centauri}}")
    people = analyse(parse_article("# Genetics\n\nGregor Mendel studied peas. Mendel crossed plants.\n"))
    assert "|Mendel" in gap_for(people, "Gregor Mendel")  # one Mendel: the surname is the answer


def test_the_primary_of_an_unnamed_pair_dangles():
    assert_dangling(["The primary is {{344}} light-years away."])
    assert_dangling(["The primary motor cortex controls {{movement}}."], dangling=False)


def test_held_23_the_articles_other_name_in_parentheses_is_accepted():
    # "In progenesis (also called paedogenesis), …" and "plants from Solanaceae (nightshade) family": judges found
    # "paedogenesis" and "Solanaceae" graded wrong
    from ketaquiz.core.generate.answers import gap_for

    text = """# Neoteny

## Kinds

In progenesis (also called paedogenesis), sexual development is accelerated.
Hyoscine is among the secondary metabolites of plants from Solanaceae (nightshade) family of plants.
Sores of the mouth and pharynx (thrush) are common.
"""
    an = analyse(parse_article(text))
    assert "paedogenesis" in gap_for(an, "progenesis")
    assert "Solanaceae" in gap_for(an, "nightshade")
    assert "pharynx" not in gap_for(an, "thrush")  # the gloss is of both words, not of "pharynx" alone


def test_held_23_an_adjective_ending_in_ly_stays_in_its_name():
    # "within the Holy {{Roman Empire}}" (held-23: "'Holy ___' gives away 'Roman Empire'"): "Holy" was read as an
    # adverb by its ending
    from ketaquiz.core.generate.terms import find_terms

    terms = [s.text for s in find_terms("The eastern part joined the Duchy of Swabia within the Holy Roman Empire.")]
    assert "Holy Roman Empire" in terms and "Roman Empire" not in terms
    assert "rapidly" not in " ".join(s.text for s in find_terms("The enzyme rapidly converts starch to sugar."))


def test_held_23_openers_that_point_back():
    assert_dangling([
        "Similar cracks are available for software that requires a hardware {{dongle}}.",
        "Because of its high {{reactivity}}, it is never found as a pure element.",
        "Of course cracking the software made for readily copied disks without the need to meddle with the {{disk drive}}.",
    ])
    assert_dangling([
        "Because of the high {{reactivity}} of sodium, it is never found as a pure element.",
        "Similarity of {{amino acid}} sequences shows common descent.",
        "Similar to the mismatch at high {{latitudes|latitude}}, rickets can occur in communities that cover the skin.",
    ], dangling=False)


def test_held_23_a_definition_may_name_a_word_of_its_term_but_not_its_head():
    from ketaquiz.core.generate.definitions import definitions

    text = """# Software cracking

Software cracking is the modification of software to remove or disable features such as copy protection.
A smoky quartz is a grey, translucent version of quartz found in granite.
"""
    found = {d.term for d in definitions(analyse(parse_article(text)))}
    assert "Software cracking" in found  # held-23: the article's own definition was never asked
    assert "smoky quartz" not in found  # "a … version of quartz": the meaning names the term's head
