"""Rules drawn from the eleventh session's blind verdicts (held-26, `docs/judging/definitions`, `claims`); each test
fails on the generator before it."""

from __future__ import annotations

from ketaquiz.core.article import parse_article
from ketaquiz.core.generate import generate_set

from .generation import kept_cloze


def test_a_step_told_with_then_is_asked_without_it():
    # corpus-final-5 and -7: "'then' points at an unseen earlier step" ("The mRNA is then exported …"); the fact
    # stands without it
    text = ("# RNA\n\n## Processing\n\nIntrons are removed from the pre-mRNA by the spliceosome. The mRNA is then "
            "exported from the nucleus to the cytosol. Ribosomes in the cytosol translate the mRNA into protein.\n")
    prompts = kept_cloze(text)
    assert any(p.startswith("The mRNA is exported from the nucleus") for p in prompts), prompts
    assert not any(" then " in p for p in prompts)


KIDNEY = """# Kidney

The kidneys are two bean-shaped organs found in vertebrates. They remove waste products from the blood. Each kidney is attached to a ureter, a tube that carries excreted urine to the bladder. Filtration occurs in the glomerulus: one-fifth of the blood volume that enters the kidneys is filtered. Nephrectomy is frequently used to cure renal cell carcinoma. Urology addresses diseases of kidney anatomy such as kidney stones.

## Structure

The renal cortex is the outer part of the kidney. The renal medulla lies beneath the cortex. The nephron is the functional unit of the kidney. Each nephron has a glomerulus and a renal tubule. The renal pelvis collects urine from the calyces. The renal artery brings blood to the kidney. The renal vein carries blood away from the kidney. The hilum is the entry point of the renal artery.

## Function

The kidney regulates blood pressure through the renin–angiotensin system. Erythropoietin is a hormone made by the kidney. The kidney activates vitamin D into calcitriol. Reabsorption returns water and solutes to the blood. Secretion moves substances from the blood into the tubule. Aldosterone increases sodium reabsorption in the collecting duct. Antidiuretic hormone increases water reabsorption. The loop of Henle concentrates the urine.
"""


def test_every_lead_sentence_with_a_draft_that_passes_is_asked():
    # the lead is the article's summary: held-out judges kept 45 % of its questions and dropped 9 % (n = 172), against
    # 32 % and 32 % in the body; the budget had asked one of its sentences here
    qset, _ = generate_set(parse_article(KIDNEY), set_id="kidney")
    lead = [q.prompt for q in qset.questions if q.topic == "overview"]
    assert any("{{ureter" in p for p in lead) and any("{{glomerulus" in p for p in lead), lead


def test_a_counts_wrong_options_do_not_point_at_it():
    # j47: "36 · 90 · 180 · 360", "97 · 240 · 485 · 970": always third, the one option whose half and double are offered,
    # and the one not rounded
    from ketaquiz.core.generate.quantities import _near_count

    places = set()
    for value in (180, 485, 360, 1100, 97, 400000, 134000, 3100):
        options = sorted([value, *_near_count(value, set())])
        assert len(options) == 4
        places.add(options.index(value))
        assert not (value / 2 in options and value * 2 in options), options
        shape = len(str(value).rstrip("0"))
        assert value < 100 or all(len(str(o).rstrip("0")) <= max(2, shape) for o in options), options
    assert places == {1, 2}  # second or third, as the answer falls: never always the same, never an extreme


def test_a_count_under_a_hundred_is_asked_among_near_values():
    # j49: "pregnancies exceeding _____ weeks" offered 16, 25 and 62 weeks beside 41
    from ketaquiz.core.generate.quantities import _near_count

    for value in (41, 15, 72, 99):
        options = sorted([value, *_near_count(value, set())])
        assert len(options) == 4 and options[-1] - options[0] <= value * 0.7, options


def test_a_years_wrong_options_do_not_always_put_it_third():
    # the nearest values alone made "1730s · 1740s · 1750s · 1760s", "1463 · 1468 · 1473 · 1478": third every time
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.builders import distractors

    an = analyse(parse_article("# Engines\n\nThe first engine was built by a smith, long before the railways.\n"))
    places = set()
    for year, context in (("1712", "The engine was built in"), ("1750s", "Steam blew the furnaces in the"),
                          ("1473", "The first press in Kraków opened in"), ("1599", "Spain began to colonise in"),
                          ("1840s", "The first stamps were issued in the"), ("1950s", "The first plant was built in the")):
        options = sorted([year, *(d for d, _ in distractors(an, year, context))])
        assert len(options) == 4
        places.add(options.index(year))
    assert len(places) > 1  # and not only the middle two either: test_generate_judged_s23


def test_a_month_and_year_gap_accepts_the_year():
    # j47: "… during Easter Week, {{April 1916}}": "1916", the answer a learner gives, was graded wrong
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.answers import gap_for

    an = analyse(parse_article("# Easter Rising\n\nThe Easter Rising was an armed insurrection in Ireland during "
                               "Easter Week, April 1916.\n"))
    assert gap_for(an, "April 1916") == "{{April 1916|1916}}"
    assert gap_for(an, "24 April 1916").endswith("|1916}}")


def test_a_head_its_modifier_reverses_is_no_answer_alone():
    # j49: "'agonist' is accepted for inverse agonists, so a wrong answer is marked right"
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.answers import gap_for

    an = analyse(parse_article("# GPCR\n\nAgonists activate the receptor. Agonists bind the site. Inverse agonists "
                               "reduce the basal activity of the receptor. Agonists and inverse agonists differ.\n"))
    assert "|agonists" not in gap_for(an, "inverse agonists") and "|agonist|" not in gap_for(an, "inverse agonists")
    # and the reversal is what is asked where the article names the plain ones too: "{{inverse}} agonists are …"
    from ketaquiz.core.generate.answers import key_word

    assert key_word(an, "inverse agonists") == "inverse"
    assert key_word(analyse(parse_article("# Economics\n\nNegative externalities harm third parties.\n")),
                    "negative externalities") != "negative"  # no plain externalities: the head stays the point


LEAD_DATES = """# Space telescope

The Hubble Space Telescope is a space telescope that was launched into low Earth orbit in 1990 and remains in
operation. As of 2004 the telescope is serviced by the shuttle. In 2011 the observatory made more than 20 billion
measurements.

## History

The project was approved in 1977 after years of lobbying by astronomers.
"""


def test_a_date_the_lead_states_is_asked_as_a_choice_among_near_years():
    # held-26's judge listed the lead's dates among the key facts no question asked ("introduced in 1982")
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.lead_dates import lead_dates

    art = parse_article(LEAD_DATES)
    an = analyse(art)
    asked = [c.question for sec in art.sections for c in lead_dates(an, sec)]
    assert [(q.prompt, q.answer) for q in asked] == [(
        "The Hubble Space Telescope is a space telescope that was launched into low Earth orbit in _____ and remains in "
        "operation.", "1990")]  # not "As of 2004", not a year dating a statistic, not a date outside the lead
    assert len(asked[0].choices) == 4 and "1990" in asked[0].choices
    qset, _ = generate_set(art, set_id="hst")
    assert any(q.answer == "1990" for q in qset.questions)


def test_generate_says_so_when_no_draft_passes_the_checks(tmp_path, capsys):
    # held-27's "Nation state" drew no question at all, and the command said only "wrote 0 questions"
    from ketaquiz.cli import main

    src = tmp_path / "thing.md"
    src.write_text("# Thing\n\nIt rains here. They went there.\n", encoding="utf-8")
    assert main(["generate", str(src), "-o", str(tmp_path / "thing.toml")]) == 0
    err = capsys.readouterr().err
    assert "wrote 0 questions" in err and "no draft passed the quality checks" in err and "section text (S)" in err
