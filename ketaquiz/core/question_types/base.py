"""`QuestionType`: what one type of question does. Its defaults are what a question of an unknown type gets."""

from __future__ import annotations

import re
from collections.abc import Callable
from random import Random
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:  # at run time these modules import this package: only the type modules import them
    from ..grading import Grade
    from ..questions import Question


def fold(s: str) -> str:
    """Case and inner white space folded: how check compares choices, items and answers."""
    # split() breaks on the same whitespace as the regex \s+, at a fifth of the cost (100k-row imports).
    return " ".join(s.split()).casefold()


def gives_away(answer: str, text: str) -> bool:
    """True when `answer` stands word for word in `text` (case-insensitive, whole words)."""
    a = fold(answer)
    if len(a) < 3 and not answer.strip().isupper():  # "no" or "5" say nothing; an acronym like "GA" does
        return False
    t = fold(text)
    if a not in t:  # cheap test first: the regex below is compiled per answer
        return False
    return re.search(r"(?<!\w)" + re.escape(a) + r"(?!\w)", t) is not None


def number(text: str, n: int) -> int:
    """A typed option number from 1 to n; ValueError with a hint otherwise."""
    if not text.isdigit() or not 1 <= int(text) <= n:
        raise ValueError(f"type a number from 1 to {n}")
    return int(text)


def numbers(text: str, n: int) -> list[int]:
    """Typed option numbers (spaces or commas between), each once."""
    parts = text.replace(",", " ").split()
    if not parts:
        raise ValueError("type the numbers separated by spaces")
    nums = [number(x, n) for x in parts]
    if len(set(nums)) != len(nums):
        raise ValueError("each number once, please")
    return nums


class QuestionType:
    """One type of question. Subclasses set the class attributes and override what their type does differently."""

    name: ClassVar[str] = ""
    rank: ClassVar[int] = 1000  # place in lists of types (the editor's, the filters')
    label: ClassVar[str] = ""  # as lists of types name it
    has_choices: ClassVar[bool] = False  # a `choices` field, one of them (or several) the answer
    many: ClassVar[bool] = False  # several of the choices may be right (multi)
    typed: ClassVar[bool] = False  # answered by typing: "I was right" may overrule a wrong grade
    stores_answer: ClassVar[bool] = False  # `answer` is a field of the set file (else it comes from prompt/items)
    # The editor's answer fields: "choices" (with the right one(s) ticked), "truefalse", "answer" (a typed answer),
    # "accept" (other accepted answers), "items" (in order); none = the prompt holds the answer (cloze).
    editor_fields: ClassVar[tuple[str, ...]] = ()
    editor_hint: ClassVar[str] = ""  # shown on the editor's answer area when it has no fields
    new_prompt: ClassVar[str] = ""  # a new question's prompt (the editor's template) …
    new_fields: ClassVar[dict[str, Any]] = {}  # … and its answer fields
    terminal_hint: ClassVar[str] = ""  # how to answer in the terminal quiz
    tag: ClassVar[str] = ""  # a short name, for narrow columns
    anki_cloze: ClassVar[bool] = False  # exported to Anki as a Cloze note (else a Basic one: front and back)

    # --- reading and checking ------------------------------------------------------
    def read(self, answer: Any, items: list[str]) -> tuple[Any, list[str]]:
        """`answer` and `items` as read from a file or an export, in this type's shape."""
        return answer, items

    def read_csv(self, prompt: str, answer: str, items: list[str], explanation: str,
                 type_column: bool) -> tuple[str, Any, list[str], str]:
        """A CSV row's prompt, answer cell, items and explanation in this type's shape (`type_column`: the file
        names each row's type); ValueError says what is wrong with the row."""
        return prompt, answer, items, explanation

    def read_problem(self, answer: Any) -> str:
        """What is wrong with an export's `answer` for this type, before it is read ("" when nothing)."""
        return ""

    def check(self, q: Question) -> list[tuple[str, str]]:
        """This type's problems of a question, as (field, message); check.py adds the common ones."""
        return []

    # --- the right answer -------------------------------------------------------------
    def correct_answer(self, q: Question) -> Any:
        """The right answer in the export's shape (see questions.py)."""
        return q.answer

    def answer_text(self, q: Question) -> str:
        """The right answer as a person reads it."""
        ans = self.correct_answer(q)
        if isinstance(ans, list):
            return "; ".join(str(a) for a in ans)
        return "" if ans is None else str(ans)

    def answers(self, q: Question) -> list[str]:
        """The right answers as text a prompt could give away (the lint looks for them); none by default."""
        return []

    def answer_forms(self, q: Question) -> str:
        """The right answer with the other forms it accepts, for an author to review."""
        return self.answer_text(q)

    def display_prompt(self, q: Question, blank: str = "_____") -> str:
        """The prompt as the learner sees it."""
        return q.prompt

    def export_choices(self, q: Question) -> list[str]:
        """The export's `choices`: what the learner picks from."""
        return []

    def csv_answer(self, q: Question) -> str:
        """The CSV export's answer cell."""
        return "" if q.answer is None else str(q.answer)

    def anki_front(self, q: Question, to_html: Callable[[str], str]) -> str:
        """The front of a Basic Anki note, as HTML (`to_html` escapes text)."""
        return to_html(q.prompt)

    # --- answering ------------------------------------------------------------------------
    def present(self, q: Question, rng: Random) -> list[str]:
        """The options of one showing, in the order the learner sees them."""
        return []

    def grade(self, q: Question, response: Any) -> Grade:
        """The verdict on a response (None = "I don't know", always wrong), with one `Part` per option, gap or place."""
        from ..grading import Grade

        if response is None:
            return Grade(False, False, self.answer_text(q))
        raise ValueError(f"question {q.id}: unknown type {q.type!r}")

    def with_accepted(self, q: Question, response: Any) -> Question | None:
        """The question also accepting this response (after "I was right"), or None when there is nothing to add."""
        return None

    def terminal_options(self, q: Question, options: list[str]) -> list[str]:
        """The lines the terminal quiz shows under the prompt."""
        return [f"  {i}. {opt}" for i, opt in enumerate(options, 1)]

    def parse_terminal(self, q: Question, options: list[str], text: str) -> Any:
        """A typed line (stripped) as a response; ValueError with a hint when it is not one."""
        if not text:
            raise ValueError("type your answer")
        return text

    def preview_lines(self, q: Question, rng: Random) -> list[str]:
        """The ways to answer, as the editor's preview sketches them under the prompt."""
        return ["Your answer:  [                              ]"]
