"""Quality lint rules: giveaway, near-duplicates, distractors repeating the answer, source not in the article."""

from __future__ import annotations

from ketaquiz.core.article import load_article, parse_article
from ketaquiz.core.lint import lint_question, lint_set, near_duplicates
from ketaquiz.core.questions import Question, QuestionSet, Topic
from ketaquiz.core.setfile import read_set

from .conftest import COURSE


def q(qid: str, qtype: str, prompt: str, **kw) -> Question:
    return Question(id=qid, topic="t", type=qtype, prompt=prompt, **kw)


def rules(issues) -> list[str]:
    return [i.rule for i in issues]


def test_bundled_course_is_clean():
    qset = read_set(COURSE)
    assert lint_set(qset, load_article(qset.article_path())) == []


def test_giveaway_inflected_and_multiword():
    assert rules(lint_question(q("a", "short", "Which anesthetics were used for decades?", answer="anesthetic"))) == ["giveaway"]
    assert rules(lint_question(q("b", "short", "The prefrontal region of the cortex does what?", answer="prefrontal cortex"))) == ["giveaway"]
    assert rules(lint_question(q("c", "cloze", "Glutamates rise when {{glutamate}} is released."))) == ["giveaway"]
    assert lint_question(q("d", "short", "Which drug was used as an anesthetic?", answer="ketamine")) == []
    # naming every choice in the prompt gives nothing away
    both = q("e", "choice", "Is the drink coffee or tea or milk?", choices=["coffee", "tea", "milk"], answer="coffee")
    assert lint_question(both) == []


def test_distractor_repeating_answer():
    bad = q("a", "choice", "Which receptor?", choices=["NMDA receptor", "NMDA receptors", "AMPA"], answer="NMDA receptor")
    assert rules(lint_question(bad)) == ["distractor"]
    contains = q("b", "multi", "Which?", choices=["caffeine", "caffeine and sugar", "water"], answer=["caffeine"])
    issues = lint_question(contains)
    assert rules(issues) == ["distractor"] and "caffeine and sugar" in issues[0].message
    ok = q("c", "choice", "Which?", choices=["NMDA", "AMPA", "GABA"], answer="NMDA")
    assert lint_question(ok) == []


def test_near_duplicates():
    qs = [
        q("a", "short", "What stimulant does coffee contain?", answer="caffeine"),
        q("b", "short", "Which stimulant does coffee contain?", answer="caffeine"),
        q("c", "short", "Where are coffee beans grown?", answer="the tropics"),
    ]
    issues = near_duplicates(qs)
    assert [(i.question, i.rule) for i in issues] == [("b", "duplicate")] and "question a" in issues[0].message


def test_source_not_in_article_with_hint():
    art = parse_article("# Coffee\n\nCoffee is a brewed drink. It contains caffeine.\n")
    good = q("a", "short", "What does coffee contain?", answer="caffeine", source="It contains caffeine.")
    bad = q("b", "short", "What does coffee contain?", answer="caffeine", source="It contains lots of caffeine.")
    assert lint_question(good, art) == []
    issues = lint_question(bad, art)
    assert rules(issues) == ["source"] and "closest sentence" in issues[0].message


def test_lint_set_orders_by_question():
    qset = QuestionSet(id="s", title="S", topics=[Topic("t", "T")], questions=[
        q("x", "short", "Which anesthetics?", answer="anesthetic"),
        q("y", "short", "Which anesthetics?", answer="anesthetic"),
    ])
    assert [(i.question, i.rule) for i in lint_set(qset)] == [("x", "giveaway"), ("y", "giveaway"), ("y", "duplicate")]
