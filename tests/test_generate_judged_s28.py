"""Faults the twenty-second session found in the generator's drafts, from blind judges' verdicts; each test fails on
the generator before it."""

from __future__ import annotations

from ketaquiz.core.article import parse_article

_GENETICS = """# Genetics

Genetics is the study of genes and heredity in organisms.

## Inheritance

Mendel crossed pea plants and counted the traits of the progeny in each generation.
Blending of traits in the progeny is now explained by the action of multiple genes with quantitative effects.
Adenine pairs with thymine in DNA. The base thymine is replaced by uracil in RNA.
Each gamete carries one allele of a gene.
"""


def _why(text: str, sentence: str, gap: str) -> str | None:
    """Why the worth checks refuse a cloze on `gap` in the article's sentence that starts with `sentence`."""
    from ketaquiz.core.generate.analysis import analyse
    from ketaquiz.core.generate.builders import Candidate
    from ketaquiz.core.generate.worth import unworthy
    from ketaquiz.core.questions import Question

    art = parse_article(text)
    an = analyse(art)
    s = next(x for x in art.sentences if x.text.startswith(sentence))
    q = Question(id="q", topic="t", type="cloze", source=s.text, prompt=s.text.replace(gap, "{{" + gap + "}}", 1))
    return unworthy(Candidate(q, 1.0, (s.id,), "cloze", gap), an)


def test_a_plain_word_the_article_says_only_once_more_is_no_gap():
    # "Blending of traits in the {{progeny}} …", "… controlled-language activated {{circuitry}} …", "… slot machines
    # with {{denominations}} …" (one plain word of middling rarity said twice in all): j130 kept 1 of 14 and dropped 4,
    # against 8 of 16 controls ("a filler word", "learners would write 'offspring'")
    assert "said only twice" in (_why(_GENETICS, "Blending", "progeny") or "")
    # a rarer word said as often is a term ("thymine"), and so is the word a sentence defines
    assert _why(_GENETICS, "Adenine", "thymine") is None
    defined = _GENETICS.replace("the traits of the progeny", "the traits of the plants").replace(
        "Each gamete", "The offspring of a cross are called its progeny. Each gamete")
    assert _why(defined, "The offspring", "progeny") is None
