"""What a set id, topic id and question id may be: one rule each, checked here for every door.

Every way a set comes in (a set file, the check command, CSV/JSON/.apkg import, the editor, the
command line) asks this module, so a file cannot name a set ``../../somewhere`` in one door that
another refuses. A set id names a folder (``<data>/sets/<id>/``), so it is a plain slug; topic and
question ids never name a file, so they may hold any visible characters, but no control or
invisible formatting characters (they are shown and typed), and no space at either end.

Profile names are not ids: they have their own rule (``library.validate_profile_name``).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "IdError",
    "SET_ID_RULE",
    "set_id_problem",
    "validate_set_id",
    "topic_id_problem",
    "question_id_problem",
    "validate_topic_id",
    "validate_question_id",
    "bundled_set_ids",
    "is_bundled_set_id",
]

SET_ID_MAX = 64
ITEM_ID_MAX = 128  # topic and question ids
SET_ID_RULE = f"use 1–{SET_ID_MAX} lowercase letters, digits, '-' or '_', starting with a letter or digit"
ITEM_ID_RULE = f"use 1–{ITEM_ID_MAX} visible characters, with no control characters and no space at either end"
_SET_ID = re.compile(rf"[a-z0-9][a-z0-9_-]{{0,{SET_ID_MAX - 1}}}")
_PLAIN_ITEM_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*")  # the common case, without a per-character scan


class IdError(ValueError):
    """An id that is not allowed; the message names the id and says what it may be."""


def set_id_problem(set_id: object) -> str | None:
    """Why `set_id` is not a valid set id, or None when it is."""
    if not isinstance(set_id, str) or not _SET_ID.fullmatch(set_id):
        return f"set id {_shown(set_id)} is not allowed: {SET_ID_RULE}"
    return None


def validate_set_id(set_id: object) -> str:
    """The set id, or IdError saying what a set id may be."""
    return _valid(set_id, set_id_problem(set_id))


def _valid(value: object, problem: str | None) -> str:
    if problem is not None or not isinstance(value, str):
        raise IdError(problem)
    return value


def _item_id_problem(kind: str, value: object) -> str | None:
    if not isinstance(value, str) or not value:
        return f"{kind} id is missing: {ITEM_ID_RULE}"
    if len(value) <= ITEM_ID_MAX and _PLAIN_ITEM_ID.fullmatch(value):
        return None
    if len(value) > ITEM_ID_MAX:
        return f"{kind} id {_shown(value)} is too long ({len(value)} characters): {ITEM_ID_RULE}"
    if value != value.strip():
        return f"{kind} id {_shown(value)} starts or ends with a space: {ITEM_ID_RULE}"
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") for c in value):
        return f"{kind} id {_shown(value)} holds a control or invisible character: {ITEM_ID_RULE}"
    return None


def topic_id_problem(topic_id: object) -> str | None:
    """Why `topic_id` is not a valid topic id, or None when it is."""
    return _item_id_problem("topic", topic_id)


def question_id_problem(question_id: object) -> str | None:
    """Why `question_id` is not a valid question id, or None when it is."""
    return _item_id_problem("question", question_id)


def validate_topic_id(topic_id: object) -> str:
    """The topic id, or IdError."""
    return _valid(topic_id, topic_id_problem(topic_id))


def validate_question_id(question_id: object) -> str:
    """The question id, or IdError."""
    return _valid(question_id, question_id_problem(question_id))


def bundled_set_ids() -> frozenset[str]:
    """Ids reserved for the courses shipped with KetaQuiz (one folder per bundled set)."""
    from .library import bundled_questions_dir  # here: library imports the set-file reader, which asks us

    base = bundled_questions_dir()
    try:
        return frozenset(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    except OSError:
        return frozenset()


def is_bundled_set_id(set_id: str) -> bool:
    """True when `set_id` belongs to a bundled course (a user's set may not take it)."""
    return set_id in bundled_set_ids()


def _shown(value: object) -> str:
    """The value quoted for a message, control characters escaped and cut to a readable length."""
    text = repr(value) if isinstance(value, str) else f"({type(value).__name__})"
    return text if len(text) <= 70 else text[:67] + "…"
