"""``order``: 3–6 ``items``, written in the right order and shown shuffled."""

from __future__ import annotations

from collections.abc import Callable
from random import Random
from typing import Any

from ..grading import Grade, Part, normalize_answer
from ..questions import Question
from . import register
from .base import QuestionType, fold, numbers


class OrderType(QuestionType):
    name = "order"
    rank = 60
    label = "Put in order"
    editor_fields = ("items",)
    new_prompt = "Put these in order."
    new_fields = {"items": ["", "", ""]}
    terminal_hint = "Type the numbers in the right order, e.g. 2 3 1 4."
    tag = "order"

    def read_csv(self, prompt: str, answer: str, items: list[str], explanation: str,
                 type_column: bool) -> tuple[str, Any, list[str], str]:
        from ..importers import split_list

        return prompt, None, items or split_list(answer), explanation

    def csv_answer(self, q: Question) -> str:
        return ""  # the items are the answer

    def anki_front(self, q: Question, to_html: Callable[[str], str]) -> str:
        return to_html(q.prompt) + "<ul>" + "".join(f"<li>{to_html(i)}</li>" for i in sorted(q.items, key=str.casefold)) + "</ul>"

    def read(self, answer: Any, items: list[str]) -> tuple[Any, list[str]]:
        if not items and isinstance(answer, list):  # the export's shape: the items as the answer
            return None, [str(x) for x in answer]
        return answer, items

    def correct_answer(self, q: Question) -> Any:
        return list(q.items)

    def answer_text(self, q: Question) -> str:
        return " → ".join(q.items)

    def export_choices(self, q: Question) -> list[str]:
        return list(q.items)

    def check(self, q: Question) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        items = [i.strip() for i in q.items]
        if len(items) < 3:
            out.append(("items", f"order needs at least 3 items, has {len(items)}"))
        elif len(items) > 6:
            out.append(("items", f"order takes at most 6 items, has {len(items)}"))
        if len({fold(i) for i in items}) != len(items):
            out.append(("items", "duplicate items"))
        return out

    def present(self, q: Question, rng: Random) -> list[str]:
        """Shuffled, never starting in the right order."""
        opts = list(q.items)
        if len(set(opts)) > 1:
            while opts == q.items:
                rng.shuffle(opts)
        return opts

    def grade(self, q: Question, response: Any) -> Grade:
        expected = self.answer_text(q)
        if response is None:
            return Grade(False, False, expected, parts=tuple(Part("", False, expected=x) for x in q.items))
        given = [str(x) for x in response]
        got = [normalize_answer(x) for x in given]
        want = [normalize_answer(x) for x in q.items]
        parts = tuple(Part(x, i < len(want) and got[i] == want[i], expected=q.items[i] if i < len(want) else "")
                      for i, x in enumerate(given))
        return Grade(got == want, False, expected, parts=parts)

    def parse_terminal(self, q: Question, options: list[str], text: str) -> Any:
        nums = numbers(text, len(options))
        if len(nums) != len(options):
            raise ValueError(f"put all {len(options)} items in order: type {len(options)} numbers, e.g. 2 1 3")
        return [options[n - 1] for n in nums]

    def preview_lines(self, q: Question, rng: Random) -> list[str]:
        opts = list(q.items)
        rng.shuffle(opts)
        return ["Drag into the right order:"] + [f"≡  {o}" for o in opts]


register(OrderType())
