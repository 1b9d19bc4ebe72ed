"""``multi``: 3–8 ``choices``, ``answer`` the right ones (a list of strings)."""

from __future__ import annotations

from typing import Any

from ..grading import Grade, normalize_answer
from ..questions import Question
from . import register
from ._options import OptionsType
from .base import numbers


class MultiType(OptionsType):
    name = "multi"
    rank = 20
    label = "Multiple choice (several answers)"
    many = True
    max_choices = 8
    new_prompt = "Which of these …?"
    new_fields = {"choices": ["", "", ""], "answer": []}
    terminal_hint = "Type the numbers of every right answer, separated by spaces."
    tag = "multi"

    def read_csv(self, prompt: str, answer: str, items: list[str], explanation: str,
                 type_column: bool) -> tuple[str, Any, list[str], str]:
        from ..importers import split_list

        return prompt, split_list(answer), items, explanation

    def csv_answer(self, q: Question) -> str:
        from ..importers import join_list

        return join_list(q.answer if isinstance(q.answer, list) else [])

    def grade(self, q: Question, response: Any) -> Grade:
        picked = [] if response is None else [str(a) for a in response]
        want = {normalize_answer(str(a)) for a in (q.answer or [])}
        got = {normalize_answer(a) for a in picked}
        return Grade(response is not None and want == got, False, self.answer_text(q),
                     parts=self.option_parts(q, picked))

    def parse_terminal(self, q: Question, options: list[str], text: str) -> Any:
        return [options[n - 1] for n in numbers(text, len(options))]


register(MultiType())
