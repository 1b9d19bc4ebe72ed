"""Side gaps: a plain gap in a body sentence that defines nothing is asked only where nothing else can be.

Blind judges of held-35 to held-50 kept 22 % of such gaps and dropped 32 % (the lead's gaps: 40 % and 5 %); the
eighteenth session's rule (`rank.SIDE_GAPS_WHEN_EMPTY`). Each test fails on the generator before it.
"""

from __future__ import annotations

from pathlib import Path

from ketaquiz.core.article import load_article
from ketaquiz.core.generate import generate_set

_LEAD = ("# Internal combustion engine\n\nAn internal combustion engine is a heat engine in which the combustion of a "
         "fuel occurs with an oxidizer in a combustion chamber. The expansion of the high-temperature and "
         "high-pressure gases produced by combustion applies direct force to some component of the engine.\n\n")


def _generate(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    path = tmp_path / "article.md"
    path.write_text(text, encoding="utf-8")
    qset, _ = generate_set(load_article(path), set_id="t")
    return [(q.topic, q.prompt) for q in qset.questions]


def test_a_gap_on_a_detail_past_a_sections_opening_paragraph_is_not_asked(tmp_path):
    # the corpus's "The cylinder head seals the cylinders on the side opposite to the {{pistons}}" (judged 1 keep,
    # 7 fix, 2 drop): a part's side in a second paragraph, asked because nothing else in its section passed
    text = _LEAD + (
        "## Structure\n\nThe cylinder block is the main structural part of the engine and holds the cylinders. Most "
        "engines have between four and eight cylinders arranged in a row or in a vee.\n\nThe cylinder head seals the "
        "cylinders on the side opposite to the pistons. Each piston has rings fitted around its circumference that "
        "mostly prevent the gases from leaking into the crankcase. The crankshaft converts the reciprocating motion "
        "of the pistons into rotation.\n\n## Ignition\n\nSpark ignition engines use a spark plug to ignite a "
        "mixture of air and petrol. Compression ignition engines rely on the heat of compressed air to ignite diesel "
        "fuel injected into the cylinder.\n\nThe timing of the spark is controlled by the distributor in older "
        "engines and by an electronic control unit in modern ones.\n")
    asked = _generate(tmp_path, text)
    assert [t for t, _ in asked if t == "overview"], "the lead is still asked"
    assert not [p for t, p in asked if t == "structure" and "cylinder head" in p], asked


def test_a_section_with_nothing_else_gets_a_gap_on_its_first_sentence_only():
    # the heart fixture's "Chambers and valves" asks nothing but plain gaps: the one on its first sentence stays
    # (where a section says what it is about), the mitral valve's place in its second paragraph is not asked; its
    # "Common problems" has plain gaps only in later sentences ("{{Coronary artery disease}} narrows …") and none is
    # asked (held-52 to held-54: judges kept 1 and dropped 7 of 16 such gaps)
    art = load_article(Path(__file__).parent / "fixtures" / "generate" / "heart.txt")
    qset, report = generate_set(art, set_id="heart")
    asked = [q for q in qset.questions if q.topic == "chambers-valves"]
    assert len(asked) == 1 and "two atria on top and two {{ventricles" in asked[0].prompt, asked
    assert not [q.prompt for q in qset.questions if q.topic == "common-problems"]
    # the review step shows why it is there and leaves it out of "keep all flagged-clean"
    assert "side gap" in report.flags[asked[0].id].tripped
    flagged = [q.topic for q in qset.questions if "side gap" in report.flags[q.id].tripped]
    assert all(sum(q.topic == t for q in qset.questions) == 1 for t in flagged), "each its section's only question"


def test_an_article_with_no_other_question_still_gets_one(tmp_path):
    # the lead asks nothing and the section's one defining sentence fails its checks: the best side gap anywhere,
    # not an empty set
    text = ("# Internal combustion engine\n\nThis article is about the cylinders, pistons and crankcase of an engine."
            "\n\n## Structure\n\nThe cylinder block is the main structural part of the engine and holds the cylinders. "
            "Most engines have between four and eight cylinders arranged in a row or in a vee.\n\nThe cylinder head "
            "seals the cylinders on the side opposite to the pistons. Each piston has rings fitted around its "
            "circumference that mostly prevent the gases from leaking into the crankcase.\n")
    asked = _generate(tmp_path, text)
    assert len(asked) == 1 and asked[0][0] == "structure", asked
