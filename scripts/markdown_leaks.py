"""Markup and page furniture that reach generated questions, per article (issue 13's Markdown item).

    python scripts/markdown_leaks.py ARTICLE.md [...]

For each article: the questions generated, those whose prompt, answer or options carry Markdown syntax
(`**`, `__`, `[text](url)`, images, backticks, `|` table cells, HTML tags), those drawn from page furniture
(teasers, calls to action, breadcrumbs) and those whose source quote is not in the article as the app shows it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ketaquiz.core.article import find_quote, load_article  # noqa: E402
from ketaquiz.core.generate import generate_set  # noqa: E402

MARKUP = re.compile(r"\*\*|(?<!_)__(?!_)|\]\(|!\[|`|\|\s|\s\||</?[a-z][^>]*>")  # "_____" is a cloze blank
FURNITURE = re.compile(r"^(?:discover how|click here|read more|share this|subscribe|sign up)\b|\S [>›»] \S+ [>›»] ", re.I | re.M)


def shown(q) -> str:
    return " ".join([q.prompt, str(q.answer or ""), *map(str, q.choices), *q.items, *q.accept])


def main(paths: list[str]) -> None:
    print(f"{'article':36} {'questions':>9} {'markup':>7} {'furniture':>9} {'not found':>9}")
    for p in paths:
        art = load_article(p)
        qset, _ = generate_set(art, set_id="probe")
        qs = qset.questions
        markup = sum(bool(MARKUP.search(shown(q))) for q in qs)
        furniture = sum(bool(FURNITURE.search(q.source)) for q in qs)
        missing = sum(find_quote(art.text, q.source) is None for q in qs)
        print(f"{Path(p).name:36} {len(qs):9} {markup:7} {furniture:9} {missing:9}")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "articles" / "markup.md")])
