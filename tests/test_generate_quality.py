"""Generator quality, measured: key-fact coverage, the labelled sample, and the bundled ketamine course."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from ketaquiz.core.article import load_article
from ketaquiz.core.check import check_set
from ketaquiz.core.generate import generate_set
from ketaquiz.core.generate.analysis import fold
from ketaquiz.core.questions import QUESTION_TYPES
from ketaquiz.core.setfile import read_set

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures" / "generate"
KEY_FACTS = json.loads((FIX / "key_facts.json").read_text(encoding="utf-8"))
LABELS = json.loads((FIX / "labelled_sample.json").read_text(encoding="utf-8"))["questions"]
COURSE = ROOT / "questions" / "ketamine" / "set.toml"


def coverage(name: str, sources: list[str]) -> tuple[float, list[str]]:
    """Share of the article's key facts quoted by at least one question, and the facts missed."""
    spec = KEY_FACTS[name]
    folded = [fold(s) for s in sources]
    facts = [f for fs in spec["sections"].values() for f in fs]
    missed = [f for f in facts if not any(fold(f) in s for s in folded)]
    return 1 - len(missed) / len(facts), missed


@pytest.mark.parametrize("name", [k for k in KEY_FACTS if not k.startswith("_")])
def test_key_fact_coverage(name):
    spec = KEY_FACTS[name]
    art = load_article(ROOT / spec["article"])
    qset, _ = generate_set(art, set_id=name)
    for slug in spec["sections"]:
        assert art.section(slug), slug
        assert any(q.topic == slug for q in qset.questions), f"no question for section {slug}"
    share, missed = coverage(name, [q.source for q in qset.questions])
    assert share >= spec["min_coverage"], missed


def test_labelled_sample_share_of_good():
    """Labels were given by hand to the generator's output; most of today's output must still be labelled."""
    labels = {(x["article"], x["id"]): x["label"] for x in LABELS}
    counts: Counter[str] = Counter()
    current = 0
    for name in ("ketamine", "heart", "networking", "photosynthesis"):
        art = load_article(ROOT / KEY_FACTS[name]["article"])
        qset, _ = generate_set(art, set_id=name)
        for q in qset.questions:
            current += 1
            if (name, q.id) in labels:
                counts[labels[(name, q.id)]] += 1
    labelled = sum(counts.values())
    assert labelled >= 0.8 * current, "relabel tests/fixtures/generate/labelled_sample.json"
    assert counts["good"] / labelled >= 0.65
    assert counts["bad"] / labelled <= 0.1


# ---------------------------------------------------------------- the bundled course


@pytest.fixture(scope="module")
def course():
    qset = read_set(COURSE)
    return qset, load_article(qset.article_path())


def test_course_article_is_the_seed(course):
    qset, art = course
    assert qset.id == "ketamine" and qset.article == "article.txt"
    assert qset.title == "Ketamine for treatment-resistant depression"
    assert [t.id for t in qset.topics] == ["overview", "mechanism", "theories", "risks", "conclusion"]


def test_course_counts_types_and_origins(course):
    qset, _ = course
    per_topic = Counter(q.topic for q in qset.questions)
    # Re-edited with the rubric (issue 13) after six blind judgings: questions that repeated another, answered
    # another or that judges dropped were removed, so these floors are the course's counts now (a question lost by
    # accident fails here): a ~570-word article, ~1 question per 34 words.
    assert len(qset.questions) >= 17
    assert per_topic["mechanism"] >= 3 and per_topic["theories"] >= 6 and per_topic["risks"] >= 3
    assert per_topic["overview"] >= 1 and per_topic["conclusion"] >= 1
    assert {q.type for q in qset.questions} == set(QUESTION_TYPES)
    origins = Counter(q.origin for q in qset.questions)
    assert set(origins) <= {"generated", "edited", "written"}
    assert (origins["generated"] + origins["edited"]) / len(qset.questions) >= 0.55  # most began as drafts


def test_course_sources_explanations_and_check(course):
    qset, art = course
    for q in qset.questions:
        assert q.explanation.strip(), q.id
        assert q.source.strip() and art.find_quote(q.source), q.id
    assert check_set(qset, art) == []


def test_course_asks_every_key_fact(course):
    qset, _ = course
    share, missed = coverage("ketamine", [q.source for q in qset.questions])
    assert share == 1.0, missed
