"""Helpers for the generator's tests."""

from __future__ import annotations

from ketaquiz.core.article import parse_article
from ketaquiz.core.generate.analysis import analyse
from ketaquiz.core.generate.families import BUILDERS
from ketaquiz.core.generate.worth import unworthy


def kept_cloze(text: str) -> list[str]:
    """The cloze prompts an article (Markdown text) draws that pass the worth checks, before ranking and budget."""
    art = parse_article(text)
    an = analyse(art)
    return [c.question.prompt for sec in art.sections for build in BUILDERS for c in build(an, sec)
            if c.question.type == "cloze" and not unworthy(c, an)]
