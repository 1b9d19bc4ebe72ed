"""``cloze``: the prompt holds the gaps as ``{{answer}}`` or ``{{answer|alternative|…}}``; each gap is typed."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..grading import Grade, Part, match_typed
from ..questions import CLOZE_GAP, Question, cloze_display, cloze_gaps
from . import register
from .base import QuestionType, gives_away


class ClozeType(QuestionType):
    name = "cloze"
    rank = 40
    label = "Fill in the gaps (cloze)"
    typed = True
    editor_hint = "Mark each gap in the prompt as {{answer}} or {{answer|alternative}}."
    new_prompt = "A sentence with a {{gap}}."
    terminal_hint = "Type the missing word(s); for several gaps separate them with ';'."
    tag = "gap"
    anki_cloze = True

    def read_csv(self, prompt: str, answer: str, items: list[str], explanation: str,
                 type_column: bool) -> tuple[str, Any, list[str], str]:
        from ..importers import anki_cloze_to_ketaquiz

        # Anki's Cloze has no answer field: a second column is its "Back Extra".
        if answer and not explanation and not type_column:
            explanation = answer
        return anki_cloze_to_ketaquiz(prompt), None, items, explanation

    def csv_answer(self, q: Question) -> str:
        return ""  # the gaps are the answer

    def answer_forms(self, q: Question) -> str:
        """Each gap with the other forms it accepts."""
        return "; ".join(alts[0] + (f" (or {', '.join(alts[1:])})" if alts[1:] else "") for alts in cloze_gaps(q.prompt)
                         if alts)

    def read(self, answer: Any, items: list[str]) -> tuple[Any, list[str]]:
        return None, items  # the gaps are the answer

    def correct_answer(self, q: Question) -> Any:
        # (an empty gap, which check refuses, has "" so a stored one still shows)
        return [g[0] if g else "" for g in cloze_gaps(q.prompt)]

    def answers(self, q: Question) -> list[str]:
        return [g[0] for g in cloze_gaps(q.prompt) if g]

    def display_prompt(self, q: Question, blank: str = "_____") -> str:
        return cloze_display(q.prompt, blank)

    def check(self, q: Question) -> list[tuple[str, str]]:
        gaps = cloze_gaps(q.prompt)
        empty = [n for n, g in enumerate(gaps, 1) if not g]
        if not gaps:
            return [("prompt", "cloze without a gap: mark each gap as {{answer}} or {{answer|alternative}}")]
        if empty:
            return [("prompt", f"gap {', '.join(map(str, empty))} is empty: write the answer inside {{{{…}}}}, "
                               "e.g. {{answer}} or {{answer|alternative}}")]
        outside = re.sub(r"\{\{.+?\}\}", " ", q.prompt)
        return [("prompt", f"the prompt gives the answer away word for word ({g[0]}); blank every repeat")
                for g in gaps if g and gives_away(g[0], outside)]

    def grade(self, q: Question, response: Any) -> Grade:
        gaps = cloze_gaps(q.prompt)
        expected = self.answer_text(q)
        responses = [] if response is None else [response] if isinstance(response, str) else list(response)
        if len(responses) != len(gaps):  # nothing typed ("I don't know"), or not one answer per gap
            return Grade(False, False, expected, parts=tuple(Part("", False, expected=g[0] if g else "") for g in gaps))
        results = [match_typed(r, g) for r, g in zip(responses, gaps)]
        typos = tuple((r.strip(), m.form) for r, m in zip(responses, results) if m.typo)
        parts = tuple(Part(r, m.ok, expected=g[0] if g else "") for r, m, g in zip(responses, results, gaps))
        return Grade(all(m.ok for m in results), bool(typos), expected, typos, parts=parts)

    def with_accepted(self, q: Question, response: Any) -> Question | None:
        """Another alternative in each gap answered wrong."""
        if not isinstance(response, list):
            return None
        gaps = cloze_gaps(q.prompt)
        typed = [str(r).strip() for r in response]
        if len(typed) != len(gaps):
            return None
        add = [t if t and not match_typed(t, g).ok and "|" not in t and "}" not in t else "" for t, g in zip(typed, gaps)]
        if not any(add):
            return None
        it = iter(add)

        def extend(m: re.Match[str]) -> str:
            extra = next(it)
            return "{{" + m.group(1) + ("|" + extra if extra else "") + "}}"

        return replace(q, prompt=CLOZE_GAP.sub(extend, q.prompt))

    def terminal_options(self, q: Question, options: list[str]) -> list[str]:
        return []

    def parse_terminal(self, q: Question, options: list[str], text: str) -> Any:
        if not text:
            raise ValueError("type the missing word(s)")
        gaps = len(cloze_gaps(q.prompt))
        parts = [p.strip() for p in text.split(";")] if gaps > 1 else [text]
        if len(parts) != gaps:
            raise ValueError(f"this sentence has {gaps} gaps: separate your answers with ';'")
        return parts

    def preview_lines(self, q: Question, rng: Any) -> list[str]:
        return ["Type the missing word(s):  [                    ]"]


register(ClozeType())
