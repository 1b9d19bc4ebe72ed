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
    # judges dropped every lead date whose doer the article names once or twice (12 verdicts on 5 sentences: "a side
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


# held-61's judge (j121), on drafts of the code before these mends

def test_an_initial_is_no_term():
    # "… an official designation called the {{P}}. Phys." (drop: "blanking the single letter 'P' is meaningless")
    from ketaquiz.core.generate.terms import find_terms

    spans = [sp.text for sp in find_terms("The association can appoint an official designation called the P. Phys.")]
    assert "P" not in spans
    assert "C" in [sp.text for sp in find_terms("Unix was rewritten in C in 1973 by Ritchie.")]  # a letter that names a language stays


def test_who_coined_a_term_is_asked():
    # *Physicist* drew no question a judge kept; "The term physicist was coined by William Whewell …" was never asked
    from .generation import drafted

    text = ("# Physicist\n\nA physicist is a scientist who studies physics. Physicists work in many fields.\n\n## History"
            "\n\nThe term physicist was coined by William Whewell (also the originator of the term \"scientist\") in his "
            "1840 book The Philosophy of the Inductive Sciences.\n")
    from ketaquiz.core.generate.attributions import attributions

    _, candidates = drafted(text, (attributions,))
    assert [(c.question.prompt, c.question.answer) for c in candidates] == [
        ("Who coined the term physicist?", "William Whewell")]


def test_whose_history_an_article_tells_is_its_subject():
    # "{{French Guiana}} became an overseas département of France on 19 March 1946." (fix: "the gap is the topic name")
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.topic import topic_answer

    an = analyse(parse_article("# History of French Guiana\n\nFrench Guiana was settled by France. Cayenne is its "
                               "capital.\n\n## Penal colony\n\nConvicts came in 1852. Many died.\n"))
    assert topic_answer(an, "French Guiana") and not topic_answer(an, "Cayenne")


def test_an_item_of_a_list_after_an_opening_clause_and_with_a_modifier_is_no_gap():
    # "If there are symptoms, then fever, …, adnexal tenderness, or irregular {{menstruation}} may be noted." (drop:
    # "blanking the last item of a long list is an easy guess")
    from ketaquiz.core.generate.gaps import series_item

    assert series_item("If there are symptoms, then fever, cervical motion tenderness, lower abdominal pain, painful "
                       "intercourse, adnexal tenderness, or irregular {{menstruation}} may be noted.")
    assert series_item("The punk subculture influenced other underground music scenes such as alternative rock, indie "
                       "music, crossover thrash and the extreme {{subgenres|subgenre}} of heavy metal.")
    assert not series_item("The two inventions, the {{hand mould}} and the printing press, changed printing.")


def test_a_year_something_came_shortly_before_is_no_choice():
    # "… the expeditions of Christopher Columbus, shortly before _____." among 1500 · 1505 · 1510 · 1515 (fix: "all the
    # distractors fall after it"); every later year is true as well
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.near_values import number_distractors

    an = analyse(parse_article("# Guiana\n\nThe first Europeans arrived shortly before 1500. Convicts came in 1852.\n"))
    assert number_distractors(an, "1500", "The first Europeans arrived shortly before _____.") == []
    assert number_distractors(an, "1852", "Convicts came in _____.")


def test_an_order_question_names_the_steps_its_introduction_counts():
    # "Put these steps in the order the text gives them." (fix: "never names what is being ordered")
    from ketaquiz.core.generate.lists import list_phrase

    intro = parse_article("# T\n\nCobb, Ross & Ross proposed four primary steps in agenda building:\n").sentences[0]
    assert list_phrase(intro) == "the four primary steps in agenda building"


def test_a_list_of_headings_over_lists_is_not_asked_as_one_list():
    # "Name one of the common levels of abstraction for device drivers." answered "For hardware" (drop: "mixes the two
    # headings with nested items, and only some of those items are accepted")
    from ketaquiz.core.generate.lists import lists

    from .generation import drafted

    text = ("# Device driver\n\nA device driver runs a device. Drivers are programs.\n\n## Levels\n\nCommon levels of "
            "abstraction for device drivers include:\n\n- For hardware:\n  - Interfacing directly\n  - Writing to a "
            "register\n- For software:\n  - Implementing only primitives\n  - Implementing a language\n")
    _, candidates = drafted(text, (lists,))
    assert not any("For hardware" in (str(c.question.answer), *c.question.accept) for c in candidates)


def test_another_thing_is_not_joined_to_a_sentence_that_names_no_first():
    # "A single study suggests superiority of azithromycin over doxycycline. Another alternative is to use a
    # {{parenteral regimen}} …" (drop: "the prompt opens with an unrelated sentence")
    from .generation import drafted

    text = ("# PID\n\nPID is an infection. It is treated with antibiotics.\n\n## Treatment\n\nA single study suggests "
            "superiority of azithromycin over doxycycline. Another alternative is to use a parenteral regimen with "
            "ceftriaxone plus doxycycline. An alternative treatment is clindamycin. Another alternative is rest.\n")
    from ketaquiz.core.generate.builders import stem

    an, _ = drafted(text, ())
    first, second = [s for s in an.article.sentences if s.text.startswith("Another")]
    assert stem(an, first) is None
    assert stem(an, second)[0] == "An alternative treatment is clindamycin. Another alternative is rest."


def test_who_did_it_keeps_when_and_where_not_how():
    # "Who coined the term big bang with derisive intent?" (j122: fix, "the article says Hoyle denied any derisive
    # intent"); "Who coined the word photograph in 1839?" keeps its year (keep)
    from ketaquiz.core.generate.attributions import attributions

    from .generation import drafted

    text = ("# Big Bang\n\nThe Big Bang is a theory. The Big Bang explains the universe.\n\n## Etymology\n\nThe term "
            "'big bang' was coined with derisive intent by Fred Hoyle, and its endurance testifies to his wit. The "
            "word photograph was coined in 1839 by Sir John Herschel. Photographs are images. Photographs last.\n")
    _, candidates = drafted(text, (attributions,))
    assert [c.question.prompt for c in candidates] == ["Who coined the term big bang?",
                                                       "Who coined the word photograph in 1839?"]


def test_who_coined_the_title_written_without_its_hyphen_is_asked():
    # *Supply-chain management* (held-48): 'The term "supply chain management" was first coined by Keith Oliver in
    # 1982.' was never asked, the title's hyphen read as another term
    from ketaquiz.core.generate.attributions import attributions

    from .generation import drafted

    text = ("# Supply-chain management\n\nSupply-chain management is the management of the flow of goods.\n\n## "
            "History\n\nThe term \"supply chain management\" was first coined by Keith Oliver in 1982.\n")
    _, candidates = drafted(text, (attributions,))
    assert [(c.question.prompt, c.question.answer) for c in candidates] == [
        ("Who first coined the term supply chain management?", "Keith Oliver")]


# held-62's judge (j124), on drafts of the session's code

def test_an_acronym_the_gap_accepts_shown_in_the_prompt_gives_it_away():
    # "… bare around the {{B cell receptors|BCR|B cell receptor}} …, which further isolates the BCRs …" (drop: "the
    # answer is visible as 'BCRs' later in the same prompt")
    from ketaquiz.core.giveaways import gloss_giveaway
    from ketaquiz.core.questions import Question

    def cloze(prompt: str) -> Question:
        return Question(id="x", topic="t", type="cloze", prompt=prompt, answer=["B cell receptors"])

    assert gloss_giveaway(cloze("In humans, the surface is bare around the {{B cell receptors|BCR|B cell receptor}} "
                                "for several hundred nanometers, which further isolates the BCRs from others."))
    assert gloss_giveaway(cloze("In humans, the surface is bare around the {{B cell receptors|BCR|B cell receptor}} "
                                "for several hundred nanometers, which further isolates them from others.")) is None


def test_a_describing_word_shared_by_a_lists_items_is_no_part_of_the_first():
    # "Name one of the advantages of using crowdsourcing." answered "improved costs" (fix: "the natural answers
    # 'cost', 'costs' … are graded wrong"): "improved costs, speed, quality, …" improves each of them
    from ketaquiz.core.generate.enumerations import enumerations

    from .generation import drafted

    text = ("# Crowdsourcing\n\nCrowdsourcing divides work among many people. Crowdsourcing uses the Internet.\n\n## "
            "Advantages\n\nAdvantages of using crowdsourcing may include improved costs, speed, quality, flexibility, "
            "scalability, or diversity.\n")
    _, candidates = drafted(text, (enumerations,))
    q = next(c.question for c in candidates if c.question.prompt.startswith("Name one of"))
    assert q.answer == "improved costs" and {"costs", "cost", "speed"} <= set(q.accept)


def test_a_rare_word_the_lead_says_once_is_asked_after_the_rest():
    # "Antibodies are {{glycoproteins}} belonging to the immunoglobulin superfamily.", "… undermine {{deterrence}}":
    # the lead is the summary; a rare word it says only there was refused as a side word (judges kept 16 % of such
    # gaps over whole articles), yet j126 kept 33 % and dropped 12 % of those from the lead (n = 24), against 40 % and
    # 21 % for the controls; the body still refuses them
    from ketaquiz.core.generate import generate_set

    text = ("# Antibody\n\nAn antibody is a protein used by the immune system. Antibodies are glycoproteins belonging "
            "to the immunoglobulin superfamily. The antibody recognizes an antigen.\n\n## Structure\n\nEach antibody "
            "binds an antigen. The antibody has two chains. Antibodies are also called immunoglobulins, which are "
            "sometimes glycosylated by a fucosyltransferase in the cell.\n\n## Function\n\nThe antibody tags "
            "an antigen. The antigen is then removed by the immune system.\n")
    prompts = [q.prompt for q in generate_set(parse_article(text), set_id="ab")[0].questions]
    assert any("{{glycoproteins" in p for p in prompts)
    assert not any("{{fucosyltransferase" in p for p in prompts)


def test_a_full_stop_without_its_space_ends_a_sentence():
    # held-63: "Typically lizards have _____ longitudinal rows … lateral plates.These plates extend down the neck, trunk
    # and tail." (drop: "with a missing space in '.These'"), two sentences asked as one
    from ketaquiz.core.article import split_sentences

    text = "Lizards have two rows of plates.These plates extend down the neck. It costs 3.5 dollars. See Fig.Two."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Lizards have two rows of plates.", "These plates extend down the neck.", "It costs 3.5 dollars.",
        "See Fig.Two."]


def test_a_span_the_lead_dates_is_asked_whole():
    # *Great Plague of London* (held-63) drew no question: "lasting from _____ to 1666" was refused, the end shown
    # giving the start away; the span is asked among spans as long that do not overlap it
    text = ("# Great Plague of London\n\nThe Great Plague, lasting from 1665 to 1666, was the last major epidemic of the "
            "bubonic plague to occur in England. It killed about 100,000 people in London.\n\n## London\n\nThe plague "
            "came to London in the spring. Many people fled the city.\n")
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.lead_dates import lead_dates

    art = parse_article(text)
    q = next(c.question for c in lead_dates(analyse(art), art.sections[0]))
    assert q.prompt.startswith("The Great Plague, lasting from _____, was") and q.answer == "1665 to 1666"
    others = [c for c in q.choices if c != q.answer]
    assert len(others) == 3 and all(int(c[:4]) + 1 < 1665 or int(c[:4]) > 1666 for c in others)


def test_the_subsequent_thing_points_back():
    # "The subsequent occupation of Malaya, North Borneo and Sarawak from _____ unleashed nationalism." (j127: fix,
    # "'The subsequent occupation' refers back to the Japanese invasion in the previous sentence")
    from .generation import assert_dangling

    assert_dangling(["The subsequent occupation of Malaya from _____ unleashed nationalism.",
                     "The preceding chapter named the {{author}}."])
    assert_dangling(["Subsequent research confirmed the {{finding}} in mice."], dangling=False)


def test_a_quotation_cut_before_its_close_is_not_readable():
    # 'Fritz wrote, “the idea that 2K and Firaxis … is not only about {{colonization}}.' (held-64's judge: drop, "a
    # quotation cut off mid-sentence with an unclosed quote mark"; held-40's Golomb quote likewise)
    from ketaquiz.core.quality import readability

    from .generation import q

    assert "does not close" in (readability(q("Fritz wrote, “the idea that they would make a game about "
                                              "{{colonization}}.")) or "")
    assert readability(q("The term “{{phishing}}” is a play on fishing.")) is None


def test_a_name_given_in_a_parenthesis_after_known_as_is_accepted():
    # "Athens was not the only {{polis}} in Ancient Greece …" (held-64's judge: fix, "the natural answer 'city-state'
    # (the article's own gloss of polis) is graded wrong"); "(called a control grid)" after "the anode" names another
    # thing, and stays no synonym
    from .generation import gap_forms

    text = ("# Athenian democracy\n\nAthenian democracy developed in the Greek city-state (known as a polis) of Athens. "
            "Athens was not the only polis in Ancient Greece that had a democracy. A third electrode between the "
            "cathode and the anode (called a control grid) was added.\n")
    assert "city-state" in gap_forms(text, "polis")
    assert "control grid" not in gap_forms(text, "anode")
