"""The bundled ketamine course as a strict teacher would check it (issue 13): no order-bound gaps, siblings marked,
no question giving away a sibling's answer."""

from __future__ import annotations

import re

import pytest

from ketaquiz.core.generate.analysis import fold
from ketaquiz.core.grading import grade
from ketaquiz.core.questions import cloze_gaps

from .test_generate_quality import course  # noqa: F401 (fixture)


def test_course_gaps_do_not_depend_on_order(course):  # noqa: F811
    """No cloze asks two items of a pair in a fixed order ("{{abuse}} or {{addiction}}": the other order was wrong)."""
    qset, _ = course
    assert not [q.id for q in qset.questions if q.type == "cloze" and re.search(r"\}\}\s*(?:,|or|and)\s*\{\{", q.prompt)]


def test_course_questions_from_one_sentence_are_siblings(course):  # noqa: F811
    """Questions quoting the same single sentence share a sibling_group, so study keeps them apart."""
    qset, art = course
    by_sentence: dict[str, list] = {}
    for q in qset.questions:
        sents = art.sentences_in(*art.find_quote(q.source))
        if len(sents) == 1:
            by_sentence.setdefault(sents[0].id, []).append(q)
    for sid, qs in by_sentence.items():
        if len(qs) > 1:
            assert len({q.sibling_group for q in qs}) == 1 and qs[0].sibling_group, (sid, [q.id for q in qs])


def test_course_prompts_do_not_give_away_a_sibling_s_answer(course):  # noqa: F811
    """A question's prompt never shows the answer of another question of its sibling group."""
    qset, _ = course
    groups: dict[str, list] = {}
    for q in qset.questions:
        if q.sibling_group:
            groups.setdefault(q.sibling_group, []).append(q)

    def answers(q):
        if q.prompt.startswith("Name one"):  # any listed item answers it: its list's other questions show items
            return []
        if q.type == "cloze":
            return [g[0] for g in cloze_gaps(q.prompt)]
        if q.type in ("short", "choice"):
            return [q.answer]
        return []

    for qs in groups.values():
        for a in qs:
            shown = fold(a.display_prompt())
            for b in qs:
                if a is not b:
                    assert not [x for x in answers(b) if fold(x) in shown], (a.id, b.id)


@pytest.mark.parametrize("qid, typed", [
    ("risks-cloze-abuse", ["abuse and addiction", "addiction or abuse", "Addiction, abuse"]),
    ("mechanism-cloze-mind-body", ["mind and body", "the body and the mind"]),
])
def test_course_pairs_are_right_in_either_order(course, qid, typed):  # noqa: F811
    qset, _ = course
    q = qset.question(qid)
    for answer in typed:
        assert grade(q, answer if q.type == "short" else answer.split(" and ")).correct, answer
