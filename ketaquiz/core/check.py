"""Validate question sets: every rule ``ketaquiz check`` and the editor apply."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from . import ids
from .article import Article, find_quote
from .articlefile import ArticleFileError, load_set_article
from .media import media_problem, resolve_media
from .plaintext import control_character, strip_controls
from .questions import QUESTION_TYPES, Question, QuestionSet, cloze_gaps
from .setfile import SetFileError, read_set


@dataclass(frozen=True)
class Problem:
    """One problem found in a set file."""

    path: Path
    line: int | None
    question: str | None  # question id, None for the set itself
    message: str
    field: str = ""  # the field at fault, for the editor ("prompt", "choices", …)

    def __str__(self) -> str:
        where = f"question {self.question}" if self.question is not None else "set"
        # One line, whatever the file holds (an id or a value with a line break or an escape sequence).
        return strip_controls(f"{self.path}:{self.line if self.line is not None else 1}: {where}: {self.message}",
                              keep_newlines=False)


def _norm(s: str) -> str:
    # split() breaks on the same whitespace as the regex \s+, at a fifth of the cost (100k-row imports).
    return " ".join(s.split()).casefold()


def _gives_away(answer: str, text: str) -> bool:
    """True when `answer` stands word for word in `text` (case-insensitive, whole words)."""
    a = _norm(answer)
    if len(a) < 3 and not answer.strip().isupper():  # "no" or "5" say nothing; an acronym like "GA" does
        return False
    t = _norm(text)
    if a not in t:  # cheap test first: the regex below is compiled per answer
        return False
    return re.search(r"(?<!\w)" + re.escape(a) + r"(?!\w)", t) is not None


def check_question(q: Question, *, topics: set[str] | None = None, article: Article | None = None) -> list[tuple[str, str]]:
    """Problems of one question as (field, message) pairs; empty when it is valid."""
    out: list[tuple[str, str]] = []
    if not q.id.strip():
        out.append(("id", "missing id; give every question a unique id"))
    elif problem := ids.question_id_problem(q.id):
        out.append(("id", problem))
    if q.type not in QUESTION_TYPES:
        out.append(("type", f"unknown type {q.type!r}; use one of {', '.join(QUESTION_TYPES)}"))
    if not q.topic.strip():
        out.append(("topic", "missing topic"))
    elif problem := ids.topic_id_problem(q.topic):
        out.append(("topic", problem))
    elif topics and q.topic not in topics:
        out.append(("topic", f"unknown topic {q.topic!r}; declare it under [[topics]] or use one of {', '.join(sorted(topics))}"))
    if not q.prompt.strip():
        out.append(("prompt", "missing prompt"))
    prompt = q.prompt
    if q.type in ("choice", "multi"):
        choices = [c.strip() for c in q.choices]
        folded = [_norm(c) for c in choices]
        # Counted once, not folded.count() per choice: that was quadratic (50,000 choices took over a minute).
        times = Counter(folded)
        dupes = sorted({c for c, f in zip(choices, folded) if times[f] > 1})
        if dupes:
            out.append(("choices", f"duplicate choices: {', '.join(dupes)}"))
        if any(not c for c in choices):
            out.append(("choices", "an empty choice"))
        lo, hi = (3, 5) if q.type == "choice" else (3, 8)
        if not lo <= len(choices) <= hi:
            out.append(("choices", f"{q.type} needs {lo} to {hi} choices, has {len(choices)}"))
        answers = q.answer if isinstance(q.answer, list) else ([] if q.answer in (None, "") else [q.answer])
        if q.type == "choice" and isinstance(q.answer, list):
            out.append(("answer", "a choice question has one answer (a string); use type 'multi' for several"))
        elif not answers:
            out.append(("answer", "missing answer"))
        else:
            all_given: list[bool] = []  # whether the prompt names every choice: asked once, when it matters
            for a in answers:
                if _norm(str(a)) not in times:
                    out.append(("answer", f"answer {a!s:.60} is not among the choices"))
                elif _gives_away(str(a), prompt):
                    if not all_given:
                        all_given.append(all(_gives_away(c, prompt) for c in choices))
                    if not all_given[0]:
                        out.append(("prompt", f"the prompt gives the answer away word for word ({a})"))
    elif q.type == "truefalse":
        if not isinstance(q.answer, bool):
            out.append(("answer", "missing answer: a truefalse question needs answer = true or answer = false"))
    elif q.type == "cloze":
        gaps = cloze_gaps(prompt)
        empty = [n for n, g in enumerate(gaps, 1) if not g]
        if not gaps:
            out.append(("prompt", "cloze without a gap: mark each gap as {{answer}} or {{answer|alternative}}"))
        elif empty:
            out.append(("prompt", f"gap {', '.join(map(str, empty))} is empty: write the answer inside {{{{…}}}}, "
                                  "e.g. {{answer}} or {{answer|alternative}}"))
        else:
            outside = re.sub(r"\{\{.+?\}\}", " ", prompt)
            for g in gaps:
                if g and _gives_away(g[0], outside):
                    out.append(("prompt", f"the prompt gives the answer away word for word ({g[0]}); blank every repeat"))
    elif q.type == "short":
        if not isinstance(q.answer, str) or not q.answer.strip():
            out.append(("answer", "missing answer"))
        elif _gives_away(q.answer, prompt):
            out.append(("prompt", f"the prompt gives the answer away word for word ({q.answer})"))
    elif q.type == "order":
        items = [i.strip() for i in q.items]
        if len(items) < 3:
            out.append(("items", f"order needs at least 3 items, has {len(items)}"))
        elif len(items) > 6:
            out.append(("items", f"order takes at most 6 items, has {len(items)}"))
        if len({_norm(i) for i in items}) != len(items):
            out.append(("items", "duplicate items"))
    out.extend(_check_sibling_group(q.sibling_group))
    out.extend(("media", m) for m in map(media_problem, q.media) if m)
    answers = q.answer if isinstance(q.answer, list) else [q.answer] if isinstance(q.answer, str) else []
    texts = [q.prompt, q.explanation, q.source, *q.choices, *q.accept, *q.items, *q.tags, *map(str, answers)]
    if (bad := control_character("\n".join(texts))) is not None:
        out.append(("prompt", f"holds a control character ({bad}), which would garble the screen; remove it"))
    if q.source.strip() and article is not None and find_quote(article.text, q.source) is None:
        out.append(("source", "source not found in the article; quote the article word for word"))
    return out


SIBLING_GROUP_MAX = 100  # characters


def _check_sibling_group(group: object) -> list[tuple[str, str]]:
    """sibling_group: optional; a short, non-empty name on one line."""
    if group == "":
        return []
    if not isinstance(group, str):
        return [("sibling_group", f"sibling_group must be text in quotes (found {type(group).__name__}); "
                 'e.g. sibling_group = "nmda-block"')]
    if not group.strip():
        return [("sibling_group", "empty sibling_group; name the group or remove the line")]
    if len(group) > SIBLING_GROUP_MAX or any(ord(c) < 32 or ord(c) == 127 for c in group):
        return [("sibling_group", f"sibling_group must be one line of at most {SIBLING_GROUP_MAX} characters")]
    return []


def check_set(qset: QuestionSet, article: Article | None = None) -> list[Problem]:
    """All problems of a parsed set (loads its article when not given)."""
    path = qset.path or Path(f"{qset.id}.toml")
    problems: list[Problem] = []
    if not qset.id.strip():
        problems.append(Problem(path, None, None, "missing set id"))
    elif problem := ids.set_id_problem(qset.id):
        problems.append(Problem(path, None, None, problem))
    if article is None and qset.article:
        try:
            article = load_set_article(path, qset.article)
        except ArticleFileError as e:  # outside the set's folder, not a regular file, too big, not UTF-8
            problems.append(Problem(path, None, None, str(e)))
    for what, text in [("set title", qset.title), *((f"topic {t.id!r} title", t.title) for t in qset.topics)]:
        if (bad := control_character(text)) is not None:
            problems.append(Problem(path, None, None, f"{what} holds a control character ({bad}); remove it"))
    topic_ids = qset.topic_ids()
    for t in dict.fromkeys(topic_ids):
        if problem := ids.topic_id_problem(t):
            problems.append(Problem(path, None, None, problem))
    for t in sorted({t for t in topic_ids if topic_ids.count(t) > 1}):
        problems.append(Problem(path, None, None, f"duplicate topic id {t!r}"))
    seen: dict[str, int | None] = {}
    for q in qset.questions:
        if q.id in seen and q.id.strip():
            first = seen[q.id]
            problems.append(Problem(path, q.line, q.id, f"duplicate id (first used at line {first}); give each question its own id", "id"))
        else:
            seen[q.id] = q.line
        for fld, msg in check_question(q, topics=set(topic_ids), article=article):
            problems.append(Problem(path, q.line, q.id or None, msg, fld))
        for name in q.media if qset.path is not None else ():
            if media_problem(name) is None and resolve_media(qset.path.parent, name) is None:
                problems.append(Problem(path, q.line, q.id or None, f"media {name!r}: no such file in the set's folder "
                                        f"({qset.path.parent}), or larger than 20 MB", "media"))
    return problems


def check_path(path: Path) -> list[Problem]:
    """Read and check one set file; a file that cannot be read is one problem."""
    try:
        qset = read_set(path)
    except SetFileError as e:
        return [Problem(e.path, e.line, None, e.message)]
    return check_set(qset)
