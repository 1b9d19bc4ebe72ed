"""Faults the twentieth session found in the generator's drafts, from blind judges' verdicts (held-38 to held-59, and
the held-out verdicts pooled by the shape of the gap); each test fails on the generator before it."""

from __future__ import annotations

from .generation import drafted, gap_forms

_CARBAMAZEPINE = ("# Carbamazepine\n\nCarbamazepine is an anticonvulsant medication. It is used as a second-line agent "
                  "in bipolar disorder and against alien hand syndrome.\n\n## Uses\n\nIt treats epilepsy.\n")


def test_the_name_of_a_disorder_is_answered_without_its_head():
    # held-58's judge: "the natural short answer 'bipolar' would be graded wrong" for {{bipolar disorder}};
    # "disorder", "disease" and "syndrome" say only that a condition is meant, as "design" or "system" do
    assert "bipolar" in gap_forms(_CARBAMAZEPINE, "bipolar disorder")
    assert "alien hand" in gap_forms(_CARBAMAZEPINE, "alien hand syndrome")
    # an everyday modifier is no answer alone ("heart" for "heart disease")
    assert "heart" not in gap_forms(_CARBAMAZEPINE + "It can cause heart disease.\n", "heart disease")


def test_a_title_before_a_name_ends_no_sentence():
    # held-58 drafted "In _____, Drs." (from "In 1971, Drs. Takezaki and Hanaoka …") and held-44 a prompt ending
    # "when Gen."; "An interesting side note is that Capt." was a sentence of its own
    from ketaquiz.core.article import split_sentences

    for text in ("In 1971, Drs. Takezaki and Hanaoka first used it.", "They were not used when Gen. Custer fell.",
                 "Capt. William Kidd's privateer assisted Codrington.", "It was led by Lt. Parker in 1898."):
        assert len(split_sentences(text)) == 1, text


def test_a_name_after_an_opening_date_stays_in_the_prompt():
    # held-38 asked "A physician, pharmacologist, and botanist, detailed how …": "In 60 AD Dioscorides, a physician, …"
    # was cut as an opening time phrase, and the subject went with it (the source has no comma after "AD")
    from ketaquiz.core.generate.trimming import trim_to_term

    text = ("In 60 AD Dioscorides, a physician, pharmacologist, and botanist, detailed how mandrake, henbane, opium, "
            "and alcohol were used to put patients to sleep during trepanning.")
    assert trim_to_term(text, "trepanning").startswith("In 60 AD Dioscorides, a physician")
    # a time phrase alone still goes
    text = ("In the 20th century, the rapid development of physics and chemistry on the basis of quantum theory "
            "changed how engineers designed the engines of ships and of aircraft.")
    assert trim_to_term(text, "quantum theory").startswith("The rapid development")


def test_who_made_a_key_thing_is_asked_in_the_active_voice_too():
    # "Who discovered penicillin in 1928?" was asked only from "… was discovered by …"; "In 1983, Kary Banks Mullis
    # developed the polymerase chain reaction, providing …" was never asked (short attributions: 81 % keep, n = 21)
    from ketaquiz.core.generate.attributions import attributions

    text = ("# Genetics\n\nGenetics studies genes and heredity.\n\n## Methods\n\nThe polymerase chain reaction copies DNA. "
            "In 1983, in Berkeley, Kary Banks Mullis developed the polymerase chain reaction, providing a quick way to "
            "amplify DNA. When Augustus founded the polymerase chain reaction, nobody knew.\n")
    _, candidates = drafted(text, (attributions,))
    asked = {c.question.prompt: c.question.answer for c in candidates}
    assert asked == {"Who developed the polymerase chain reaction in 1983?": "Kary Banks Mullis"}


def test_another_name_after_or_in_a_parenthesis_is_accepted():
    # held-59's judge: "'Residual strong force' (and 'strong nuclear force') are the article's own synonyms and must be
    # accepted" for {{nuclear force}} ("In this capacity it is called the nuclear force (or residual strong force).")
    text = ("# Strong interaction\n\nThe strong interaction binds quarks. In this capacity it is called the nuclear "
            "force (or residual strong force). The nuclear force acts between hadrons. It spreads (or more).\n")
    assert "residual strong force" in gap_forms(text, "nuclear force")
    assert "more" not in gap_forms(text, "spreads")  # "(or more)" names nothing


_LAWYER = ("# Lawyer\n\nA lawyer is a person who practices law, as an advocate, attorney, counselor or solicitor. Working "
           "as a lawyer involves the practical application of abstract legal theories to solve specific problems.\n\n"
           "## Terminology\n\nIn some countries the profession is split in two. A solicitor is a lawyer who is trained to "
           "prepare cases and give advice on legal subjects. Courts hear the cases that barristers argue. Many people "
           "never meet a barrister.\n\n## Conveyancing\n\nConveyancing is the drafting of the documents necessary for "
           "the transfer of real property, such as deeds and mortgages. Lawyers charge fees for conveyancing.\n")


def test_a_term_the_article_defines_is_asked_where_it_fits():
    # "A {{solicitor}} is a lawyer who …" and "{{Conveyancing}} is the drafting of …" were never asked: an everyday
    # word or a term said once is no key term, and the definition's sentence ranked below the budget. Judges kept
    # 58 % and dropped 13 % of gaps on a defined term (held-out, n = 31), against about 40 % and 24 % for the rest.
    from ketaquiz.core.article import parse_article
    from ketaquiz.core.generate import generate_set

    qset, _ = generate_set(parse_article(_LAWYER), set_id="lawyer")
    prompts = [x.prompt for x in qset.questions]
    assert any(p.startswith("A {{solicitor") for p in prompts), prompts
    assert any(p.startswith("{{Conveyancing") for p in prompts), prompts
    # "An exception is …", "The downside is …": no term defined
    text = _LAWYER + "\n## Limits\n\nAn exception is the family court, where the rules differ from all others.\n"
    qset, _ = generate_set(parse_article(text), set_id="lawyer")
    assert not any("{{exception" in x.prompt for x in qset.questions)


def test_a_place_the_fact_happens_in_is_no_gap():
    # "Shards of Chinese pottery have been found in {{Borneo}}", "… the first of a series of Belgian expeditions
    # arrived on {{Zanzibar}}": judges kept 14 % and dropped 59 % of such gaps (n = 22)
    from ketaquiz.core.generate.gaps import setting_gap

    assert setting_gap("In 1877, Belgian expeditions arrived on {{Zanzibar}}.") == "Zanzibar"
    assert setting_gap("Shards of Chinese pottery have been found in {{Borneo}} dating from the 1st century.") == "Borneo"
    # an actor ("from"), an acronym, a common noun stay
    assert setting_gap("With support for RENAMO from {{South Africa}} drying up, talks began.") is None
    assert setting_gap("It runs in {{RAM}}.") is None
    assert setting_gap("Uranium is naturally present in {{seawater}}.") is None


def test_a_tail_the_article_says_with_another_modifier_is_no_answer_alone():
    # held-60's judge: "accepting 'nervous system' alone gives credit without the key word 'peripheral'"; held-58's:
    # "the loose form 'COMMUNITY PLANNING' is accepted" for {{Comprehensive Community Planning}}
    text = ("# Nerve\n\nA nerve is a bundle of axons in the peripheral nervous system. The peripheral nervous system "
            "links the body to the central nervous system. The nervous system has two parts. The nervous system "
            "works fast. The nervous system adapts.\n")
    assert "nervous system" not in gap_forms(text, "peripheral nervous system")
    # said with no other describing word, the shorter term is still right ("gravitational {{potential energy}}")
    text = ("# Energy\n\nGravitational potential energy depends on height. Potential energy is stored. Potential "
            "energy can be released. Potential energy is measured in joules.\n")
    assert "potential energy" in gap_forms(text, "gravitational potential energy")


def test_the_subjects_definition_gaps_no_everyday_word_that_ends_a_name():
    # held-60's judge on "… a type of viral hemorrhagic fever caused by the Lassa {{virus}}": "obvious"; held-58's on
    # "… planning done by Indigenous {{peoples}} for Indigenous communities": "tests nothing"
    from ketaquiz.core.article import parse_article
    from ketaquiz.core.generate import generate_set

    text = ("# Lassa fever\n\nLassa fever is a type of viral hemorrhagic fever caused by the Lassa virus. Many of those "
            "infected by the virus do not develop symptoms.\n\n## Signs\n\nSymptoms include fever, weakness and "
            "headaches. The Lassa virus spreads through rodents.\n")
    qset, _ = generate_set(parse_article(text), set_id="lassa")
    assert not any("Lassa {{virus" in x.prompt for x in qset.questions), [x.prompt for x in qset.questions]


def test_a_relation_whose_object_follows_is_no_gap():
    # "the {{potency}} of penicillin varied", "the {{centrepiece}} of the Musée …": judges kept 9 % and dropped 41 %
    # of gaps on "the X of Y" with Y shown (n = 22): "'activity' and 'strength' fit as well as 'potency'"
    from ketaquiz.core.generate.builders import Candidate
    from ketaquiz.core.generate.worth import unworthy
    from ketaquiz.core.questions import Question

    text = ("# Penicillin\n\nPenicillin is an antibiotic made by moulds. It treats infections caused by bacteria. Doctors "
            "prescribe it widely.\n\n## Units\n\nAs the first penicillin was a mixture, the potency of penicillin varied from "
            "batch to batch. Its potency was "
            "measured in units. Moulds were grown in large tanks. Bacteria were killed in laboratory tests. Factories "
            "made tons of it during the war.\n")
    an, _ = drafted(text)
    sid = an.article.sections[1].sentences[0].id

    def why(prompt: str) -> str:
        q = Question(id="q", topic="units", type="cloze", prompt=prompt, source=an.sentence[sid].text)
        return unworthy(Candidate(q, 1.0, (sid,), "cloze", "x"), an) or ""

    assert "is the relation" in why("As the first penicillin was a mixture, the {{potency}} of penicillin varied from "
                                    "batch to batch.")
    assert "is the relation" not in why("As the first penicillin was a {{mixture}}, the potency of penicillin varied "
                                        "from batch to batch.")
