"""Changing one question of a user's set while studying: saved atomically to its set file, then loaded into the
store (progress is keyed by set id + question id, so it is kept). The bundled course is read-only."""

from __future__ import annotations

from typing import Any

from .authoring import AuthoringError, is_user_set, save_set
from .library import DataDir
from .question_types import kind_of
from .questions import Question
from .setfile import read_set
from .store import Store


def editable_path(data: DataDir, store: Store, set_id: str) -> str:
    """The set file a question of `set_id` is saved to; AuthoringError when it cannot be edited here."""
    info = store.set_info(set_id)
    if info is None or info.deleted or not info.path:
        raise AuthoringError(f"set {set_id!r} is no longer in the library")
    if info.bundled or not is_user_set(data, info.path):
        raise AuthoringError("the bundled course is read-only: duplicate it on the Sets page to change its questions")
    return info.path


def save_question(data: DataDir, store: Store, set_id: str, question: Question) -> Question:
    """Replace the question with the same id in its set file (written whole, atomically) and load the set.
    Returns the question as saved. AuthoringError when the set or the question is gone, or the set is bundled."""
    path = editable_path(data, store, set_id)
    qset = read_set(path)
    ids = [q.id for q in qset.questions]
    if question.id not in ids:
        raise AuthoringError(f"question {question.id!r} is no longer in {path}; nothing was saved")
    qset.questions[ids.index(question.id)] = question
    save_set(qset)
    store.sync_set(read_set(path))
    return question


def with_accepted(question: Question, response: Any) -> Question | None:
    """The question accepting this typed response as right (short: another accepted answer; cloze: another
    alternative in each gap answered wrong), or None when there is nothing to add. Its type decides."""
    return kind_of(question.type).with_accepted(question, response)


__all__ = ["editable_path", "save_question", "with_accepted"]
