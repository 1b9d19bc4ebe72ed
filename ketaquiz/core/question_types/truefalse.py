"""``truefalse``: the prompt is a statement; ``answer`` is ``true`` or ``false``."""

from __future__ import annotations

from collections.abc import Callable
from random import Random
from typing import Any

from ..grading import Grade, Part
from ..questions import Question
from . import register
from .base import QuestionType

_TRUE, _FALSE = ("1", "t", "true"), ("2", "f", "false")


class TrueFalseType(QuestionType):
    name = "truefalse"
    rank = 30
    label = "True or false"
    stores_answer = True
    editor_fields = ("truefalse",)
    new_prompt = "A statement that is true or false."
    new_fields = {"answer": True}
    terminal_hint = "Type 1/t or 2/f."
    tag = "T/F"

    def read_csv(self, prompt: str, answer: str, items: list[str], explanation: str,
                 type_column: bool) -> tuple[str, Any, list[str], str]:
        low = answer.lower()
        if low not in ("true", "t", "yes", "1", "false", "f", "no", "0"):
            raise ValueError(f"answer of a truefalse question must be true or false, not {answer!r}")
        return prompt, low in ("true", "t", "yes", "1"), items, explanation

    def read_problem(self, answer: Any) -> str:
        return "" if isinstance(answer, bool) else "answer of a truefalse question must be true or false"

    def csv_answer(self, q: Question) -> str:
        return "true" if q.answer else "false"

    def anki_front(self, q: Question, to_html: Callable[[str], str]) -> str:
        return to_html(q.prompt) + "<br><i>True or false?</i>"

    def answer_text(self, q: Question) -> str:
        return "True" if q.answer else "False"

    def export_choices(self, q: Question) -> list[str]:
        return ["True", "False"]

    def present(self, q: Question, rng: Random) -> list[str]:
        return ["True", "False"]

    def check(self, q: Question) -> list[tuple[str, str]]:
        if not isinstance(q.answer, bool):
            return [("answer", "missing answer: a truefalse question needs answer = true or answer = false")]
        return []

    def grade(self, q: Question, response: Any) -> Grade:
        if isinstance(response, str):
            response = response.strip().lower() in ("t", "true", "1", "yes")
        right = bool(q.answer)
        said = None if response is None else bool(response)
        parts = (Part("True", right == (said is True), key=right, chosen=said is True),
                 Part("False", (not right) == (said is False), key=not right, chosen=said is False))
        return Grade(said is right, False, "True" if right else "False", parts=parts)

    def terminal_options(self, q: Question, options: list[str]) -> list[str]:
        return ["  1. True  2. False"]

    def parse_terminal(self, q: Question, options: list[str], text: str) -> Any:
        low = text.lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        raise ValueError("type 1 or t for True, 2 or f for False")

    def preview_lines(self, q: Question, rng: Random) -> list[str]:
        return ["○  True", "○  False"]


register(TrueFalseType())
