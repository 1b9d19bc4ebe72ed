"""Faults the twenty-first session found in the generator's drafts, from blind judges' verdicts (held-46 to held-60,
and the verdicts pooled by the kind of draft); each test fails on the generator before it."""

from __future__ import annotations

from ketaquiz.core.article import parse_article

_STEAM = """# Steam engine

A steam engine is a heat engine that performs mechanical work using steam as its working fluid. In 1606 Jerónimo de
Ayanz y Beaumont patented his invention of the first steam-powered water pump for draining mines. The first
commercially successful engine was developed in 1712 by Thomas Newcomen. Fleming's student Cecil George Paine was the
first to use the engine to pump a ship in 1630. The engine was radically improved by John Randall and Harry Boot in
1940.

## Newcomen

Newcomen built his engine for mines. Newcomen's engine was slow. Later engines improved on Newcomen.
"""


def _lead_dates(text: str) -> list[str]:
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.lead_dates import lead_dates

    art = parse_article(text)
    an = analyse(art)
    return [str(c.question.answer) for c in lead_dates(an, art.sections[0])]


def test_a_lead_date_of_a_side_persons_deed_is_not_asked():
    # judges dropped every lead date whose doer the article names once or twice (14 verdicts on 5 sentences: "a side
    # inventor and a one-off date", "Ayanz", "Cecil George Paine", "H. Gerdien", "Hollmann", "Walter Schindler") and
    # asked instead for the milestone of a person the article follows ("Savery, Newcomen and Watt") or a team
    # ("the 1940 Randall and Boot cavity magnetron", "purification by Florey and Chain")
    assert _lead_dates(_STEAM) == ["1712", "1940"]


def test_a_side_doer_is_the_one_who_did_it_not_one_named_beside_it():
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.lead_dates import side_doer

    an = analyse(parse_article(_STEAM))
    assert side_doer(an, "Carbamazepine was discovered in 1953 by Swiss chemist Walter Schindler.") == "Walter Schindler"
    assert side_doer(an, "An early form of it was invented by H. Gerdien in 1910.") == "H. Gerdien"
    # one who received it, or one whose efforts came before the event, did not do it
    assert side_doer(an, "It was recognized by the Nobel Prize in 2020 awarded to Emmanuelle Charpentier.") is None
    assert side_doer(an, "Following efforts by Lamberto Scannabecchi in 1122, Pope Callixtus II signed it.") is None
    # no person: "The Basmachi revolt", "Borno State", "Nobel Prize"
    assert side_doer(an, "The Basmachi revolt broke out in 1917 in Borno State.") is None


def test_a_figure_of_one_past_event_is_trivia_in_an_irregular_past_too():
    # held-56's judges dropped "FRELIMO candidate Armando Guebuza won with _____ of the popular vote." twice ("a single
    # election's vote share is a one-off number"), held-44's "… the drum was manually rotated to bring a new stack into
    # use until all _____ rounds had been fired." ("into use" read as the present tense of "use")
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.quantities import quantities
    from ketaquiz.core.generate.worth import unworthy

    text = """# Mozambique

## Elections

The candidate Armando Guebuza won with 64% of the popular vote in a close race.
As each stack emptied, the drum was rotated to bring a new stack into use until all 400 rounds had been fired.
The typical-use failure rate of the calendar method is 25% per year in most studies.

## Leaders

Armando Guebuza led the party for ten years. Armando Guebuza was inaugurated as the President of Mozambique.
"""
    art = parse_article(text)
    an = analyse(art)
    why = {str(c.question.answer): unworthy(c, an) for sec in art.sections for c in quantities(an, sec)}
    assert "past event" in (why["64%"] or "") and "past event" in (why["400"] or "")
    assert why["25%"] is None
