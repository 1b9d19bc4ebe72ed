"""Grade a learner's response to a question, tolerant of small typos in typed answers."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from random import Random
from typing import Any

from rapidfuzz.distance import DamerauLevenshtein

from .questions import Question, cloze_gaps

DONT_KNOW = None  # the response meaning "I don't know": always wrong


@dataclass(frozen=True, slots=True)
class Grade:
    """The verdict on one response."""

    correct: bool
    typo: bool = False  # accepted, but not spelled exactly as expected
    expected: str = ""  # the right answer as a person reads it

    @property
    def message(self) -> str:
        if self.correct:
            return "Right — accepted with a typo" if self.typo else "Right"
        return "Wrong"


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ")


def normalize_answer(text: str) -> str:
    """Fold case, accents, typographic quotes, punctuation at the ends and inner white space."""
    if not text.isascii():  # plain ASCII (most answers) has no accents or curly quotes to fold
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.replace("’", "'").replace("‘", "'")
    text = " ".join(text.casefold().split()).strip(" .,;:!?\"'()[]")
    return _LEADING_ARTICLE.sub("", text)


def typed_match(response: str, accepted: list[str]) -> tuple[bool, bool]:
    """(accepted?, with a typo?) for a typed answer against its accepted forms.

    Exact after normalisation, or within a small Damerau–Levenshtein distance:
    1 edit for answers of 4–8 letters, 2 for longer ones; short answers and
    numbers must be exact (a typo there changes the meaning).
    """
    r = normalize_answer(response)
    if not r:
        return False, False
    forms = [normalize_answer(a) for a in accepted if a.strip()]
    if r in forms:
        return True, False
    for f in forms:
        if len(f) < 4 or any(ch.isdigit() for ch in f):
            continue
        limit = 1 if len(f) <= 8 else 2
        if DamerauLevenshtein.distance(r, f, score_cutoff=limit) <= limit:
            return True, True
    return False, False


def grade(question: Question, response: Any) -> Grade:
    """Grade `response` (shape by type: choice str, multi list[str], truefalse bool,
    cloze list[str] one per gap, short str, order list[str]); None means "I don't know"."""
    expected = question.answer_text()
    if response is DONT_KNOW:
        return Grade(False, False, expected)
    t = question.type
    if t == "choice":
        return Grade(normalize_answer(str(response)) == normalize_answer(str(question.answer)), False, expected)
    if t == "multi":
        want = {normalize_answer(str(a)) for a in (question.answer or [])}
        got = {normalize_answer(str(a)) for a in response}
        return Grade(want == got, False, expected)
    if t == "truefalse":
        if isinstance(response, str):
            response = response.strip().lower() in ("t", "true", "1", "yes")
        return Grade(bool(response) == bool(question.answer), False, expected)
    if t == "cloze":
        gaps = cloze_gaps(question.prompt)
        responses = [response] if isinstance(response, str) else list(response)
        if len(responses) != len(gaps):
            return Grade(False, False, expected)
        results = [typed_match(r, g) for r, g in zip(responses, gaps)]
        return Grade(all(ok for ok, _ in results), any(ty for _, ty in results), expected)
    if t == "short":
        ok, typo = typed_match(str(response), [str(question.answer or "")] + list(question.accept))
        return Grade(ok, typo, expected)
    if t == "order":
        got = [normalize_answer(str(x)) for x in response]
        want = [normalize_answer(x) for x in question.items]
        return Grade(got == want, False, expected)
    raise ValueError(f"question {question.id}: unknown type {t!r}")


@dataclass(frozen=True, slots=True)
class Presentation:
    """A question as shown once: options in the order the learner sees them."""

    question: Question
    options: list[str]  # choice/multi choices, order items (shuffled), or True/False


def present(question: Question, rng: Random) -> Presentation:
    """Shuffle options for one showing (order items never start in the right order)."""
    if question.type in ("choice", "multi"):
        opts = list(question.choices)
        rng.shuffle(opts)
        return Presentation(question, opts)
    if question.type == "order":
        opts = list(question.items)
        if len(set(opts)) > 1:
            while opts == question.items:
                rng.shuffle(opts)
        return Presentation(question, opts)
    if question.type == "truefalse":
        return Presentation(question, ["True", "False"])
    return Presentation(question, [])
