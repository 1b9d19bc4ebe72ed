"""Rules drawn from held-19's blind verdicts (`docs/judging/held-19/`); each test fails on the generator before it."""

from __future__ import annotations

from ketaquiz.core.article import parse_article
from ketaquiz.core.generate.analysis import analyse
from ketaquiz.core.generate.builders import display_term
from ketaquiz.core.generate.lexicon import LEAD_INS
from ketaquiz.core.generate.quantities import quantities
from ketaquiz.core.generate.terms import find_terms
from ketaquiz.core.generate.trimming import trim_to_term
from ketaquiz.core.quality import tripped

from .generation import assert_dangling, drafted, kept_cloze, q


def test_a_word_after_a_modal_is_a_verb_even_one_the_lexicon_lacks():
    # "… in human farts may {{correlate}} with obesity": judged "the gap is the filler verb"
    spans = [sp.text for sp in find_terms("Methane in the gut may correlate with obesity and constipation.")]
    assert "correlate" not in spans and "obesity" in spans
    assert "mitosis" in [sp.text for sp in find_terms("Cells must undergo mitosis before they divide.")]


def test_a_name_that_is_also_a_common_word_keeps_its_capital():
    # "{{casement}} went to Germany": judged "a proper name rendered lower case"
    text = ("# Rising\n\n## Planning\n\nRoger Casement met the ambassador in New York. Casement went to Germany to seek "
            "arms. The rebels trusted Casement.\n")
    an = analyse(parse_article(text))
    assert display_term(an, "Casement") == "Casement"
    plain = analyse(parse_article("# Window\n\nA casement is a window hinged at the side. Casement windows open out.\n"))
    assert display_term(plain, "Casement") == "casement"  # written in lower case too: a common word


def test_a_semicolon_inside_an_aside_ends_no_clause():
    # "Associated with gangs and football {{hooliganism}})." was cut out of "(with mod-length hair; associated with …)"
    text = ("Some of the original skins dropped into new categories such as the suedeheads, the smoothies, and the "
            "bootboys (with mod-length hair; associated with gangs and football hooliganism).")
    trimmed = trim_to_term(text, "hooliganism")
    assert not trimmed.startswith("Associated") and trimmed.count("(") == trimmed.count(")")


def test_the_term_a_sentence_says_refers_to_something_is_its_gap():
    # "Dynamic instability refers to the {{coexistence}} of …": "gap the defined term instead"
    text = ("# Microtubules\n\n## Dynamics\n\nMicrotubules grow and shrink at their ends. Dynamic instability refers "
            "to the coexistence of assembly and disassembly at the ends of a microtubule. Tubulin dimers bind GTP "
            "before they join the lattice.\n")
    prompts = kept_cloze(text)
    assert any(p.startswith("{{dynamic instability") for p in prompts), prompts
    assert "modifier gap" not in tripped(q("{{dynamic instability}} refers to the coexistence of assembly and "
                                           "disassembly."))


def test_two_words_ending_in_an_everyday_word_are_no_suffix_pair():
    # "… draws inspiration from hardcore punk is sometimes called {{hatecore}}": the named term, judged a keep-worthy gap
    assert "answer visible" not in tripped(q("White power music that draws on hardcore punk is called {{hatecore}}."))
    assert "answer visible" in tripped(q("Humans are diploid, while the gametes they make are {{haploid}}."))


def test_which_period_which_item_which_document_dangle():
    assert_dangling(["During that period, side {{partings}} were shaved into the hair.",
                     "The item is then delivered to its {{addressee}}.",
                     "Unknown to the leaders, the document had been forged by the {{Military Council}}."])
    assert_dangling(["The document of surrender was signed at {{Reims}}.",
                     "During the Tudor period, the {{Star Chamber}} heard political cases."], dangling=False)


def test_secondly_goes_from_the_prompt_like_first():
    assert LEAD_INS.sub("", "Secondly, studies of gas volume found no excess.") == "studies of gas volume found no excess."


def test_a_share_whose_figure_stands_again_in_the_prompt_is_not_asked():
    # "approximately _____ identical …, each … approximately 50 kDa" (answer 50%): "the visible 50 kDa hints it"
    text = ("# Tubulin\n\n## Structure\n\nThe alpha and beta subunits are approximately 50% identical at the amino acid "
            "level, and each has a molecular weight of approximately 50 kDa. About 40% of the lattice contacts are "
            "lateral ones between protofilaments.\n")
    answers = [c.question.answer for c in drafted(text, [quantities])[1]]
    assert answers == ["40%"]
    # the figure's twin in a clause the prompt leaves out hints nothing (held-22: "… around 80%, which implies that
    # 80% of …" had lost its choice on "around _____")
    text = ("# Schizophrenia\n\n## Causes\n\nEstimates of the heritability of schizophrenia are around 80%, which "
            "implies that 80% of the individual differences in risk to schizophrenia are associated with genetics "
            "rather than with the environment.\n")
    assert [c.question.prompt for c in drafted(text, [quantities])[1]] == [
        "Estimates of the heritability of schizophrenia are around _____."]


def test_the_subject_the_first_sentence_names_with_the_title_is_the_topic_word():
    # "The {{skinhead subculture|subculture}} was revived …", "split the {{subculture}}": "the topic word"
    text = ("# Skinhead\n\n## Origins\n\nThe skinhead subculture originated among working-class youths in London in "
            "the 1960s. Political affiliations later split the subculture into rival strands. In the late 1970s the "
            "skinhead subculture was revived after the arrival of punk rock. Rude boys brought ska and rocksteady "
            "records to London. Rocksteady was slower than ska.\n")
    prompts = " ".join(kept_cloze(text))
    assert "{{subculture" not in prompts and "{{skinhead subculture" not in prompts
    assert "{{rocksteady" in prompts  # the rest is still asked
