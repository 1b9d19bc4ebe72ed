"""``short``: a typed ``answer`` (a string), with other accepted answers in ``accept``; small typos pass."""

from __future__ import annotations

from dataclasses import replace
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
    tag = "short"

    def read_csv(self, prompt: str, answer: str, items: list[str], explanation: str,
                 type_column: bool) -> tuple[str, Any, list[str], str]:
        if "\n" in answer:
            # The back's first line answers and the rest explains, as in an .apkg (Anki's <br> became a line break).
            answer, _, rest = answer.partition("\n")
            answer = answer.strip()
            explanation = "\n".join(x for x in (rest.strip(), explanation) if x)
        return prompt, answer, items, explanation

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


    def with_accepted(self, q: Question, response: Any) -> Question | None:
        """Another accepted answer."""
        if not isinstance(response, str) or not response.strip():
            return None
        if match_typed(response, [str(q.answer or ""), *q.accept]).ok:
            return None
        return replace(q, accept=[*q.accept, response.strip()])


register(ShortType())
