"""``choice``: 3–5 ``choices``, ``answer`` the right one (a string)."""

from __future__ import annotations

from typing import Any

from ..grading import Grade, normalize_answer
from ..questions import Question
from . import register
from ._options import OptionsType
from .base import number


class ChoiceType(OptionsType):
    name = "choice"
    rank = 10
    label = "Multiple choice (one answer)"
    new_prompt = "Which …?"
    new_fields = {"choices": ["", "", ""]}
    terminal_hint = "Type the number of your answer ('-' if you don't know)."
    tag = "choice"

    def grade(self, q: Question, response: Any) -> Grade:
        parts = self.option_parts(q, [] if response is None else [str(response)])
        right = response is not None and normalize_answer(str(response)) == normalize_answer(str(q.answer))
        return Grade(right, False, self.answer_text(q), parts=parts)

    def parse_terminal(self, q: Question, options: list[str], text: str) -> Any:
        return options[number(text, len(options)) - 1]


register(ChoiceType())
