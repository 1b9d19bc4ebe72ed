"""``short``: a typed ``answer`` (a string), with other accepted answers in ``accept``; small typos pass."""

from __future__ import annotations

from typing import Any

from ..grading import Grade, Part, match_typed
from ..questions import Question
from . import register
from .base import QuestionType, gives_away


class ShortType(QuestionType):
    name = "short"
    rank = 50
    label = "Short answer"
    typed = True
    stores_answer = True
    editor_fields = ("answer", "accept")
    new_prompt = "What …?"
    new_fields = {"answer": ""}
    terminal_hint = "Type your answer."

    def answers(self, q: Question) -> list[str]:
        return [q.answer] if isinstance(q.answer, str) and q.answer.strip() else []

    def check(self, q: Question) -> list[tuple[str, str]]:
        if not isinstance(q.answer, str) or not q.answer.strip():
            return [("answer", "missing answer")]
        if gives_away(q.answer, q.prompt):
            return [("prompt", f"the prompt gives the answer away word for word ({q.answer})")]
        return []

    def grade(self, q: Question, response: Any) -> Grade:
        expected = self.answer_text(q)
        if response is None:
            return Grade(False, False, expected, parts=(Part("", False, expected=expected),))
        typed = str(response)
        m = match_typed(typed, [str(q.answer or "")] + list(q.accept))
        return Grade(m.ok, m.typo, expected, ((typed.strip(), m.form),) if m.typo else (),
                     parts=(Part(typed, m.ok, expected=expected),))


register(ShortType())
