"""Write set files: the one TOML writer.

A new file is written from scratch, fast (a 100,000-question import writes in a fraction of a second):
metadata, topics, then one ``[[questions]]`` table per question, in the layout tomli_w gave before it
was dropped, so files written by older versions are rewritten unchanged.

Saving over a file that exists keeps what the user wrote by hand: comments and layout. The file is cut
before each ``[[questions]]`` header (comment lines right above a header go with its question); a
question whose data is unchanged keeps its text as it was, a changed one is edited in place with
tomlkit (its comments stay), a new one is written fresh, a removed one goes. The result is read back and
compared with the set; should it differ in any way, the file is written from scratch instead.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from .files import atomic_write
from .questions import Question, QuestionSet

_TOML_ESC = re.compile('[\x00-\x08\x0a-\x1f\x7f"\\\\]')
_COMPACT = {"\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def _toml_esc(m: re.Match[str]) -> str:
    c = m.group(0)
    return _COMPACT.get(c) or "\\u" + format(ord(c), "04x")


def _esc(v: str) -> str:
    """A string's TOML basic-string body (most need no escapes: one search tells)."""
    return _TOML_ESC.sub(_toml_esc, v) if _TOML_ESC.search(v) else v


def toml_value(v: Any) -> str:
    """One value as TOML: strings, booleans, numbers and lists of them; anything else through tomlkit."""
    if isinstance(v, str):
        return '"' + _esc(v) + '"'
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return str(v)  # TOML spells inf, -inf and nan as Python does
    if isinstance(v, list):
        if not v:
            return "[]"
        return "[\n" + ",\n".join("    " + toml_value(x) for x in v) + ",\n]"
    import tomlkit  # here: no value a set holds needs it; a stray shape is still written correctly

    return str(tomlkit.item(v).as_string())


def _line(key: str, v: Any) -> str:
    if type(v) is str:
        return f'{key} = "{_esc(v)}"\n'
    if type(v) is list and v and all(type(x) is str for x in v):
        return f'{key} = [\n    "' + '",\n    "'.join([_esc(x) for x in v]) + '",\n]\n'
    return f"{key} = {toml_value(v)}\n"


def question_table(q: Question) -> str:
    """``[[questions]]`` for one question: the keys and order of Question.to_dict."""
    return "[[questions]]\n" + "".join(_line(k, v) for k, v in q.to_dict().items())


def _topics(qset: QuestionSet) -> list[dict[str, str]]:
    return [{"id": t.id, "title": t.title, **({"section": t.section} if t.section and t.section != t.id else {})}
            for t in qset.topics]


def _head(qset: QuestionSet) -> tuple[str, list[str]]:
    """The text before the questions, and the ``[[topics]]`` tables when the topics do not fit inline."""
    head = [f"id = {toml_value(qset.id)}\n", f"title = {toml_value(qset.title)}\n"]
    if qset.description:
        head.append(f"description = {toml_value(qset.description)}\n")
    if qset.article:
        head.append(f"article = {toml_value(qset.article)}\n")
    topics = _topics(qset)
    inline = ["{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in t.items()) + " }" for t in topics]
    tables: list[str] = []
    if not topics or all(len(f"    {x},") <= 100 for x in inline):
        head.append("topics = []\n" if not topics else "topics = [\n" + "".join(f"    {x},\n" for x in inline) + "]\n")
    else:
        tables = ["[[topics]]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in t.items()) for t in topics]
    if not qset.questions:
        head.append("questions = []\n")
    return "".join(head), tables


def set_to_text(qset: QuestionSet) -> str:
    """The set as TOML text: metadata, topics, then one table per question, a blank line between tables
    (`check` names a question by its header's line; a diff hunk stays within one question)."""
    head, tables = _head(qset)
    return head + "".join("\n" + c for c in [*tables, *(question_table(q) for q in qset.questions)])


# --- saving over a file the user may have edited -----------------------------------
def _cut(text: str) -> tuple[str, list[str]]:
    """(head, one chunk per [[questions]] table), comment lines right above a header moved to its chunk."""
    from .setfile import _question_header_offsets

    starts = _question_header_offsets(text)
    cuts = []
    for s in starts:
        while s > 0:  # take in the comment lines directly above the header
            prev = text.rfind("\n", 0, s - 1) + 1
            if text[prev:s].lstrip().startswith("#"):
                s = prev
            else:
                break
        cuts.append(s)
    if not cuts:
        return text, []
    return text[:cuts[0]], [text[a:b] for a, b in zip(cuts, [*cuts[1:], len(text)])]


def _edited(chunk: str, new: dict[str, Any]) -> str:
    """A question's table edited in place to hold `new` (its comments and other keys' layout kept)."""
    import tomlkit

    doc = tomlkit.parse(chunk)
    table = doc["questions"][0]
    for key in [k for k in table if k not in new]:
        del table[key]
    for key, value in new.items():
        if key not in table or table[key] != value:
            table[key] = value
    return tomlkit.dumps(doc)


def _edited_head(head: str, qset: QuestionSet) -> str:
    import tomlkit

    doc = tomlkit.parse(head)
    wanted: dict[str, Any] = {"id": qset.id, "title": qset.title, "description": qset.description,
                              "article": qset.article}
    for key, value in wanted.items():
        if value:
            if doc.get(key) != value:
                doc[key] = value
        elif key in doc:
            del doc[key]
    topics = _topics(qset)
    if [dict(t) for t in doc.get("topics", [])] != topics:
        doc["topics"] = topics
    return tomlkit.dumps(doc)


_TOPICS_HEADER = re.compile(r"(?m)^[ \t]*\[\[[ \t]*topics[ \t]*\]\]")


def merged_text(old: str, qset: QuestionSet) -> str | None:
    """`qset` written over `old`, keeping old's comments and layout where the data is unchanged; None when
    `old` is not a set file this can follow (the caller then writes the set from scratch)."""
    from .setfile import SetFileError, parse_set

    try:
        before = parse_set(old)
    except SetFileError:
        return None
    head, chunks = _cut(old)
    # A [[topics]] table after the questions is a layout this cannot follow; the words inside a value are not one.
    if len(chunks) != len(before.questions) or any(_TOPICS_HEADER.search(c) for c in chunks):
        return None
    old_by_id = {q.id: (q.to_dict(), c) for q, c in zip(before.questions, chunks)}
    same_head = (before.id, before.title, before.description, before.article, _topics(before)) == (
        qset.id, qset.title, qset.description, qset.article, _topics(qset))
    try:
        parts = [head if same_head else _edited_head(head, qset)]
        if not parts[0].endswith("\n"):
            parts[0] += "\n"
        for q in qset.questions:
            new = q.to_dict()
            old_q = old_by_id.get(q.id)
            if old_q is None:
                chunk = question_table(q)
            elif old_q[0] == new:
                chunk = old_q[1]
            else:
                chunk = _edited(old_q[1], new)
            if not parts[-1].endswith("\n\n") and not chunk.startswith("\n"):
                parts.append("\n")
            parts.append(chunk if chunk.endswith("\n") else chunk + "\n")
    except Exception:  # noqa: BLE001 - whatever tomlkit meets, the set is still written (from scratch)
        logging.getLogger(__name__).info("%s: written from scratch (keeping its layout failed)", qset.path,
                                         exc_info=True)
        return None
    text = "".join(parts)
    if not qset.questions and "questions" not in text:
        return None
    return text if _same(text, qset) else None


def _same(text: str, qset: QuestionSet) -> bool:
    from .setfile import SetFileError, parse_set

    try:
        back = parse_set(text)
    except SetFileError:
        return False
    return ((back.id, back.title, back.description, back.article, _topics(back))
            == (qset.id, qset.title, qset.description, qset.article, _topics(qset))
            and [q.to_dict() for q in back.questions] == [q.to_dict() for q in qset.questions])


def write_set(qset: QuestionSet, path: str | Path | None = None, *, keep_from: Path | None = None) -> Path:
    """Write the set file atomically (files.atomic_write); returns the path written.

    Over an existing file (or, for a new one, over `keep_from`'s text: a copy of a set) the user's comments
    and layout are kept (see the module docstring)."""
    p = Path(path) if path is not None else qset.path
    if p is None:
        raise ValueError("no path to write the set to")
    p.parent.mkdir(parents=True, exist_ok=True)
    text = None
    base = p if p.is_file() else keep_from
    if base is not None and base.is_file():
        try:
            text = merged_text(base.read_text(encoding="utf-8"), qset)
        except (OSError, UnicodeDecodeError):
            text = None
    if text is None:
        text = set_to_text(qset)
    atomic_write(p, text)
    qset.path = p
    return p
