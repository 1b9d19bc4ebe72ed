"""Natural answers the judges of the corpus and of held-out articles found graded wrong, which the fifteenth session
accepts, and an article (held-39's *Kaleidoscope*) that drew no question; each test fails on the generator before
it."""

from __future__ import annotations

from ketaquiz.core.article import parse_article
from ketaquiz.core.generate import generate_set
from ketaquiz.core.generate.analysis import analyse
from ketaquiz.core.generate.attributions import attributions
from ketaquiz.core.generate.builders import distractors
from ketaquiz.core.generate.importance import sentence_importance
from ketaquiz.core.generate.topic_definition import topic_definition
from ketaquiz.core.generate.trimming import trim_to_term

from .generation import assert_dangling, drafted, gap_forms, kept_cloze

# *Genetics* (corpus-final-15): "Only 'Mendel' is accepted, so the natural answer 'Gregor Mendel' would be marked wrong"
_GENETICS = ("# Genetics\n\nGenetics is the study of genes and heredity. The Augustinian friar Gregor Mendel studied "
             "inheritance in pea plants.\n\n## History\n\nModern genetics started with Mendel's studies of the "
             "nature of inheritance in plants. Then Mendel published his results in 1866.\n")


def test_a_surname_accepts_the_full_name_the_article_gives():
    forms = gap_forms(_GENETICS, "Mendel")
    assert forms[0] == "Mendel" and "Gregor Mendel" in forms
    assert "Then Mendel" not in forms and "Augustinian friar Gregor Mendel" not in forms


def test_a_surname_two_people_share_stays_alone():
    # held-24: Ioannis and his brother Augustinos Kapodistrias — "Kapodistrias" names neither alone
    text = _GENETICS + "His brother Johann Mendel kept bees.\n"
    assert gap_forms(text, "Mendel") == ["Mendel"]


def test_a_place_is_no_persons_surname():
    # held-24: "the Maghrib" is a region; "Mediterranean Maghrib" is no full name to accept
    text = ("# Algeria\n\nAlgeria lies in the Maghrib, on the coast of North Africa.\n\n## Ottoman rule\n\n"
            "Algiers became the centre of Ottoman authority in the Mediterranean Maghrib.\n")
    assert gap_forms(text, "Maghrib") == ["Maghrib"]


def test_a_title_may_be_left_out_of_a_name():
    # held-37: "Only 'Emperor Frederick II' is accepted, so the natural 'Frederick II' is graded wrong"
    text = ("# Hohenstaufen\n\nThe Hohenstaufen were a dynasty of German kings.\n\n## Frederick II\n\n"
            "Emperor Frederick II spent little time in Germany. King Menes founded nothing here.\n")
    assert "Frederick II" in gap_forms(text, "Emperor Frederick II")
    assert "Motors" not in gap_forms(text + "General Motors built cars.\n", "General Motors")  # no title there


def test_an_ic_modifier_accepts_its_noun():
    # *RNA* (corpus-final-15): "the natural answer 'polymer' would be marked wrong"
    text = ("# RNA\n\nRibonucleic acid is a polymeric molecule that is essential for most biological functions.\n"
            "\n## Structure\n\nEach nucleotide in RNA contains a ribose sugar.\n")
    assert "polymer" in gap_forms(text, "polymeric molecule")


def test_a_plural_term_accepts_its_acronym_in_the_plural():
    # *RNA* (corpus): "{{microRNAs|miRNA|microRNA}}" — "the common short form 'miRNA(s)' is not accepted"
    text = ("# RNA\n\nRNA is a nucleic acid.\n\n## Regulatory RNA\n\nMicroRNA (miRNA) regulates genes. Fire and "
            "Mello discovered microRNAs, short RNA molecules that bind to messenger RNA.\n")
    assert "miRNAs" in gap_forms(text, "microRNAs")


def test_a_name_accepts_the_other_spelling_the_article_uses():
    # held-24: "the article's own variant 'Maghrib' is not accepted"
    text = ("# Algeria\n\nMuch of the history of Algeria took place on the coastal plain often called the Maghreb.\n\n"
            "## Ottoman rule\n\nAlgiers became the centre of Ottoman authority in the Maghrib. Prussia and Russia "
            "sent envoys.\n")
    assert "Maghrib" in gap_forms(text, "Maghreb")
    assert "Russia" not in gap_forms(text, "Prussia")  # another name, not another spelling


def test_a_place_accepts_its_name_without_the_region():
    # held-38: "The natural answers 'Lake Mälaren', 'Mälaren' … are graded wrong" for "Lake Mälaren Region"
    text = ("# Stockholm\n\nStockholm is the capital of Sweden.\n\n## Trade\n\nStockholm can be thought of as the "
            "capital of the Lake Mälaren Region. Trade grew in the 17th century.\n")
    forms = gap_forms(text, "Lake Mälaren Region")
    assert "Lake Mälaren" in forms and "Mälaren" in forms


def test_an_act_accepts_the_articles_other_noun_for_it():
    # held-38: "{{trepanning}}" refused "trepanation", the article's other word, and the other way round
    text = ("# Neurosurgery\n\nNeurosurgery is surgery of the nervous system.\n\n## Ancient\n\nTrepanation is the "
            "oldest surgery known. Patients were put to sleep during trepanning.\n")
    assert "trepanation" in gap_forms(text, "trepanning")
    assert "trepanning" in gap_forms(text, "trepanation")


def test_a_word_accepts_the_clipped_form_the_article_prefers():
    # *CRISPR* (twelve corpus judges): "Only 'bacteriophage' is accepted, but the article mostly says 'phage'"
    text = ("# CRISPR\n\nCRISPR-Cas prevents bacteriophage infection in bacteria.\n\n## Immunity\n\nA phage injects "
            "its DNA. Spacers come from phage DNA. The phage genome is cut. Phages evolve quickly.\n")
    assert "phage" in gap_forms(text, "bacteriophage")
    # a direction is no thing: "retromammary" fat is not "mammary" fat, however often the article says "mammary"
    breast = ("# Breast\n\nThe breast holds the mammary gland.\n\n## Anatomy\n\nThe retromammary space lies behind "
              "it. The mammary ducts open at the nipple. Mammary tissue changes. The mammary lobes drain milk.\n")
    assert "mammary" not in gap_forms(breast, "retromammary")


def test_one_and_the_other_in_one_sentence_is_no_dangling_reference():
    # held-39's *Kaleidoscope*: its definition ("objects on one end of the mirrors … viewed from the other end") was
    # refused as pointing at something unseen, and the article drew no question at all
    assert_dangling(["A kaleidoscope has objects on one end of the {{mirrors}} that are seen as a pattern when viewed "
                     "from the other end."], dangling=False)
    assert_dangling(["The other {{species}} lives in Asia."])  # the other what? Still dangling
    kaleidoscope = ("# Kaleidoscope\n\nA kaleidoscope is an optical instrument with two or more reflecting surfaces "
                    "tilted to each other, so that objects on one end of the mirrors are seen as a regular symmetrical "
                    "pattern when viewed from the other end, due to repeated reflection. The reflectors are enclosed "
                    "in a tube.\n\n## History\n\nDavid Brewster patented the kaleidoscope in 1817. Brewster studied "
                    "light between reflecting surfaces. Two surfaces give a simple pattern; three surfaces fill the "
                    "view.\n")
    art = parse_article(kaleidoscope)
    qset, _ = generate_set(art, set_id="k")
    assert any(q.topic == "overview" for q in qset.questions), [q.prompt for q in qset.questions]


def test_its_inventor_named_in_apposition_is_asked():
    # held-39's *Kaleidoscope*: "Coined by its Scottish inventor David Brewster, "kaleidoscope" is derived from …" —
    # who invented the subject, a key fact no question asked
    text = ("# Kaleidoscope\n\nA kaleidoscope is an optical instrument with reflecting surfaces.\n\n## Etymology\n\n"
            "Coined by its Scottish inventor David Brewster, \"kaleidoscope\" is derived from the Ancient Greek word "
            "for beauty.\n")
    art = parse_article(text)
    asked = [c.question for sec in art.sections for c in attributions(analyse(art), sec)]
    assert [(q.prompt, q.answer) for q in asked] == [("Who invented the kaleidoscope?", "David Brewster")]
    assert "Brewster" in asked[0].accept


def test_what_a_group_shares_is_no_dangling_the_same():
    # held-27's *Nation state*: "the great majority shares the same culture" pointed nowhere, by the check
    assert_dangling(["A nation state is a state in which the great majority shares the same {{culture}}."],
                    dangling=False)
    assert_dangling(["The {{microscope}} gives the same level of detail."])  # the same as what? Still dangling


def test_a_definitions_kind_before_a_participle_clause_is_its_gap():
    # held-32's *Distributism* drew no question: "an economic {{ideology}} asserting that …" was read as a word
    # describing the next one, as "{{flowering}} plants" is
    text = ("# Distributism\n\nDistributism is an economic ideology asserting that the world's productive assets "
            "should be widely owned rather than concentrated. It grew from Catholic social teaching.\n\n## History\n\n"
            "Distributism was developed in England as an ideology of small owners. The ideology opposed both "
            "capitalism and socialism. Chesterton and Belloc wrote on guilds, cooperatives and small farms. Guilds "
            "set prices and trained apprentices. Cooperatives shared profits among members. Small farms fed local "
            "markets. Banks were to be credit unions. Chesterton wrote essays on property.\n")
    an = analyse(parse_article(text))
    asked = topic_definition(an, sentence_importance(an))
    assert asked is not None and "economic {{ideology}} asserting" in asked.question.prompt


def test_a_cut_at_a_colon_takes_the_lists_lead_in_with_it():
    # held-39: "Primary stuttering behaviors are observable signs of speech {{disfluencies}}, for example."
    text = ("Primary stuttering behaviors are observable signs of speech disfluencies, for example: repeating sounds, "
            "syllables, words or phrases, silent blocks and prolongation of sounds. These differ from the normal "
            "disfluencies found in all speakers in that stuttering disfluencies may last longer.")
    assert trim_to_term(text, "disfluencies") == "Primary stuttering behaviors are observable signs of speech disfluencies."


_HIFI = ("# High fidelity\n\nHigh fidelity is high-quality reproduction of sound.\n\n## Modules\n\nOther modules in the "
         "system may include components like cartridges, tonearms, turntables, DVD players, CDs, CD recorders, "
         "MiniDisc recorders, videocassette recorders and reel-to-reel tape recorders. CDs are capable of reproducing "
         "frequencies as low as 0 Hz and as high as 22.05 kHz.\n")
_AMPLIFIER = ("# High fidelity\n\nHigh fidelity is high-quality reproduction of sound.\n\n## Modules\n\nAudiophiles bought "
              "individual components, such as separate turntables, cartridges, DVD players, preamplifiers and digital "
              "audio players. Other modules in the system may include components like cartridges, tonearms, DVD "
              "players and digital audio players. For slightly less flexibility in upgrades, a preamplifier and a "
              "power amplifier in one box is called an integrated amplifier.\n")


def test_no_option_is_the_answers_own_device_nor_the_only_one_like_the_prompt():
    # held-39: "CD recorders" offered against "CDs" ("not clearly wrong"); "preamplifier" the only amplifier-like
    # option beside "a power amplifier … an integrated amplifier" ("so it is a giveaway")
    choices = {c.question.answer: c.question.choices for c in drafted(_HIFI)[1] if c.question.type == "choice"}
    assert "CD recorders" not in choices.get("CDs", []), choices
    choices = {c.question.answer: c.question.choices for c in drafted(_AMPLIFIER)[1] if c.question.type == "choice"}
    assert "preamplifier" not in choices, choices


def test_a_gap_on_one_of_two_opposites_the_article_names_is_a_coin_toss():
    # held-39's *Stuttering*: "{{underactivity}}" beside the article's "overactivity" — "a coin toss"
    text = ("# Stuttering\n\nStuttering is a speech disorder. Underactivity and overactivity of brain areas are "
            "studied.\n\n## Brain\n\nDuring speech production, people who stutter show overactivity in the anterior "
            "insula, cerebellum and bilateral midbrain. Speech production in people who stutter yields underactivity "
            "in cortical motor and premotor areas. The overactivity is found in the right hemisphere.\n")
    assert not any("{{underactivity" in p or "{{overactivity" in p for p in kept_cloze(text))
    # one word without its opposite in the article is still asked
    alone = text.replace("Underactivity and overactivity of brain areas are studied.", "").replace(
        " Speech production in people who stutter yields underactivity in cortical motor and premotor areas.", "")
    assert any("{{overactivity" in p for p in kept_cloze(alone))


def test_near_counts_keep_the_answers_grain():
    # held-40: "58, 65 and 79 hours are a made-up step … so 72 (three days) stands out"
    text = ("# Antimicrobial resistance\n\nAntimicrobial resistance occurs when microbes evolve to resist antibiotics. "
            "Resistance spreads in hospitals.\n\n## Clinical significance\n\nA BMJ editorial recommended that "
            "antibiotics can often be safely stopped 72 hours after symptoms resolve.\n")
    choices = [c.question.choices for c in drafted(text)[1] if c.question.answer == "72"]
    assert choices and all(int(o) % 12 == 0 for o in choices[0]), choices


def test_no_year_option_long_after_the_articles_last():
    # held-40: "2028 is a future year and so an obvious wrong option" beside a 2018 answer
    text = ("# History of North Korea\n\nThe history of North Korea began with the partition of Korea in 1945.\n\n"
            "## Recent\n\nKim Jong-il died in 2011. In 2018, Kim Jong-un made a sudden peace overture towards South "
            "Korea and the United States.\n")
    an = analyse(parse_article(text))
    context = "In _____, Kim Jong-un made a sudden peace overture towards South Korea and the United States."
    options = [int(d) for d, _ in distractors(an, "2018", context)]
    assert len(options) == 3 and max(options) <= 2023, options


def test_a_gap_that_opens_the_sentence_shows_its_answer_capitalised():
    # held-39: "{{audiophiles}} paid attention to …" — "capitalise the sentence-initial gap"
    from ketaquiz.core.generate import _capitalised_opening
    from ketaquiz.core.questions import Question

    def cloze(prompt: str) -> Question:
        return Question(id="q", topic="t", type="cloze", prompt=prompt, source=prompt.replace("{{", "").replace("}}", ""))

    assert _capitalised_opening(cloze("{{pigments|pigment}} are solid particles.")).prompt \
        == "{{Pigments|pigment}} are solid particles."
    assert _capitalised_opening(cloze("{{mRNA}} carries the code.")).prompt == "{{mRNA}} carries the code."
    assert _capitalised_opening(cloze("Ink holds {{pigments}}.")).prompt == "Ink holds {{pigments}}."
