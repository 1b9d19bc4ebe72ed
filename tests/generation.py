"""Helpers for the generator's tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ketaquiz.core.article import parse_article
from ketaquiz.core.generate.analysis import Analysis, analyse
from ketaquiz.core.generate.builders import Candidate
from ketaquiz.core.generate.families import BUILDERS
from ketaquiz.core.generate.rank import Ranked
from ketaquiz.core.generate.worth import unworthy
from ketaquiz.core.quality import tripped
from ketaquiz.core.questions import Question


def drafted(text: str, builders: Iterable[Callable[..., Iterable[Candidate]]] = BUILDERS) -> tuple[Analysis, list[Candidate]]:
    """An article's (Markdown text) analysis and every candidate the builders draft from it, before any check."""
    art = parse_article(text)
    an = analyse(art)
    return an, [c for sec in art.sections for build in builders for c in build(an, sec)]


def gap_forms(text: str, term: str) -> list[str]:
    """Every form the gap on a term accepts in an article (Markdown text), the term's own first."""
    from ketaquiz.core.generate.answers import gap_for

    return gap_for(analyse(parse_article(text)), term)[2:-2].split("|")


def kept_cloze(text: str) -> list[str]:
    """The cloze prompts an article (Markdown text) draws that pass the worth checks, before ranking and budget."""
    an, candidates = drafted(text)
    return [c.question.prompt for c in candidates if c.question.type == "cloze" and not unworthy(c, an)]


def q(prompt: str, qtype: str = "cloze", **kw) -> Question:
    """A question of one prompt, for the item-writing checks."""
    return Question(id=kw.pop("id", "q"), topic="t", type=qtype, prompt=prompt, **kw)


def assert_dangling(prompts: Iterable[str], *, dangling: bool = True) -> None:
    """Each cloze prompt trips the dangling-reference check (dangling=False: none of them does)."""
    for prompt in prompts:
        assert ("dangling reference" in tripped(q(prompt))) is dangling, prompt


def ranked(question: Question, family: str | None = None) -> Ranked:
    """One question as a ranked candidate of its own sentence (named by its id), for the budget's pairwise checks."""
    return Ranked(Candidate(question, 1.0, (question.id,), family or question.type, question.id), 1.0)
