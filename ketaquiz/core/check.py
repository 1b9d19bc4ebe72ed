"""Validate question sets: every rule ``ketaquiz check`` and the editor apply."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import ids
from .article import Article, find_quote
from .articlefile import ArticleFileError, load_set_article
from .media import media_problem, resolve_media
from .plaintext import control_character, strip_controls
from .question_types import is_known, kind_of, type_names
from .question_types.base import fold
from .questions import Question, QuestionSet
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


_norm = fold


def check_question(q: Question, *, topics: set[str] | None = None, article: Article | None = None) -> list[tuple[str, str]]:
    """Problems of one question as (field, message) pairs; empty when it is valid."""
    out: list[tuple[str, str]] = []
    if not q.id.strip():
        out.append(("id", "missing id; give every question a unique id"))
    elif problem := ids.question_id_problem(q.id):
        out.append(("id", problem))
    if not is_known(q.type):
        out.append(("type", f"unknown type {q.type!r}; use one of {', '.join(type_names())}"))
    if not q.topic.strip():
        out.append(("topic", "missing topic"))
    elif problem := ids.topic_id_problem(q.topic):
        out.append(("topic", problem))
    elif topics and q.topic not in topics:
        out.append(("topic", f"unknown topic {q.topic!r}; declare it under [[topics]] or use one of {', '.join(sorted(topics))}"))
    if not q.prompt.strip():
        out.append(("prompt", "missing prompt"))
    out.extend(kind_of(q.type).check(q))  # the rules of its type (in its module of question_types)
    out.extend(_check_sibling_group(q.sibling_group))
    out.extend(("media", m) for m in map(media_problem, [*q.media, *q.answer_media]) if m)
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
        folder = qset.path.parent if qset.path is not None else None  # (media are found beside the set file)
        missing = [n for n in [*q.media, *q.answer_media] if media_problem(n) is None and resolve_media(folder, n) is None] if folder else []
        for name in missing:
            problems.append(Problem(path, q.line, q.id or None, f"media {name!r}: no such file in the set's folder "
                                    f"({folder}), or larger than 20 MB", "media"))
    return problems


def check_path(path: Path) -> list[Problem]:
    """Read and check one set file; a file that cannot be read is one problem."""
    try:
        qset = read_set(path)
    except SetFileError as e:
        return [Problem(e.path, e.line, None, e.message)]
    return check_set(qset)
