"""What choice and multi share: a list of choices, one or several of them right."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from random import Random
from typing import Any, ClassVar

from ..grading import Grade, Part, normalize_answer
from ..questions import Question
from .base import QuestionType, fold, gives_away


class OptionsType(QuestionType):
    """Choices shown shuffled; the answer is one of them (choice) or a list of them (multi)."""

    has_choices = True
    stores_answer = True
    editor_fields = ("choices",)
    min_choices: ClassVar[int] = 3
    max_choices: ClassVar[int] = 5

    def right(self, q: Question) -> list[str]:
        """The right answers as written (none when missing)."""
        return [str(x) for x in (q.answer if isinstance(q.answer, list) else [q.answer]) if x not in (None, "")]

    def answers(self, q: Question) -> list[str]:
        return self.right(q)

    def export_choices(self, q: Question) -> list[str]:
        return list(q.choices)

    def anki_front(self, q: Question, to_html: Callable[[str], str]) -> str:
        if not q.choices:
            return to_html(q.prompt)
        return to_html(q.prompt) + "<ul>" + "".join(f"<li>{to_html(c)}</li>" for c in q.choices) + "</ul>"

    def present(self, q: Question, rng: Random) -> list[str]:
        opts = list(q.choices)
        rng.shuffle(opts)
        return opts

    def option_parts(self, q: Question, picked: list[str]) -> tuple[Part, ...]:
        """One verdict per choice, in the question's order: right or not, picked or not (normalised)."""
        want = {normalize_answer(a) for a in self.right(q)}
        got = {normalize_answer(str(a)) for a in picked}
        parts = []
        for c in q.choices:
            n = normalize_answer(c)
            parts.append(Part(c, (n in want) == (n in got), key=n in want, chosen=n in got))
        return tuple(parts)

    def preview_lines(self, q: Question, rng: Random) -> list[str]:
        mark = "☐" if self.many else "○"
        return [f"{mark}  {o}" for o in self.present(q, rng)]

    def check(self, q: Question) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        choices = [c.strip() for c in q.choices]
        folded = [fold(c) for c in choices]
        # Counted once, not folded.count() per choice: that was quadratic (50,000 choices took over a minute).
        times = Counter(folded)
        dupes = sorted({c for c, f in zip(choices, folded) if times[f] > 1})
        if dupes:
            out.append(("choices", f"duplicate choices: {', '.join(dupes)}"))
        if any(not c for c in choices):
            out.append(("choices", "an empty choice"))
        lo, hi = self.min_choices, self.max_choices
        if not lo <= len(choices) <= hi:
            out.append(("choices", f"{q.type} needs {lo} to {hi} choices, has {len(choices)}"))
        answers = q.answer if isinstance(q.answer, list) else ([] if q.answer in (None, "") else [q.answer])
        if not self.many and isinstance(q.answer, list):
            out.append(("answer", "a choice question has one answer (a string); use type 'multi' for several"))
        elif not answers:
            out.append(("answer", "missing answer"))
        else:
            all_given: list[bool] = []  # whether the prompt names every choice: asked once, when it matters
            for a in answers:
                if fold(str(a)) not in times:
                    out.append(("answer", f"answer {a!s:.60} is not among the choices"))
                elif gives_away(str(a), q.prompt):
                    if not all_given:
                        all_given.append(all(gives_away(c, q.prompt) for c in choices))
                    if not all_given[0]:
                        out.append(("prompt", f"the prompt gives the answer away word for word ({a})"))
        return out

    def grade(self, q: Question, response: Any) -> Grade:
        raise NotImplementedError
