"""Grade a learner's response to a question, tolerant of small typos in typed answers."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from random import Random
from typing import Any, NamedTuple

from rapidfuzz.distance import DamerauLevenshtein

from .question_types import kind_of
from .questions import Question

DONT_KNOW = None  # the response meaning "I don't know": always wrong


class Part(NamedTuple):
    """The verdict on one part of a response: an option, a gap, a place in an order. Widgets show it as it is;
    they never compare the answer themselves (grading normalises case, accents and spaces, they would not).
    (A named tuple: several are made per answer, and a frozen dataclass is slower to build.)"""

    text: str  # the option, the typed gap or the item in this place, as the learner saw or typed it
    ok: bool  # this part is right: an option ticked or left as it should be, a gap accepted, the right item here
    key: bool = False  # an option that is (one of) the right answer(s)
    chosen: bool = False  # an option the learner picked or ticked
    expected: str = ""  # what belongs here (a gap's first form, the item of this place)


@dataclass(frozen=True, slots=True)
class Grade:
    """The verdict on one response."""

    correct: bool
    typo: bool = False  # accepted, but not spelled exactly as expected
    expected: str = ""  # the right answer as a person reads it
    typos: tuple[tuple[str, str], ...] = ()  # (what was typed, the accepted form it was taken for), per typo
    overruled: bool = False  # graded wrong, then counted right by the learner ("I was right")
    parts: tuple[Part, ...] = ()  # per option (in the question's order), per gap, or per place of an order

    @property
    def message(self) -> str:
        if self.overruled:
            return "Right — you said so"
        if self.correct:
            return "Right — accepted with a typo" if self.typo else "Right"
        return "Wrong"

    @property
    def typo_note(self) -> str:
        """What was accepted for what was typed, and what differed: 'you typed “gren”: “green” (missing “e”)'."""
        return "; ".join(f"you typed “{typed}”: “{form}” ({describe_difference(typed, form)})" for typed, form in self.typos)


def describe_difference(typed: str, right: str) -> str:
    """The letters that differ between a typed answer and the form it was accepted for, in words."""
    from difflib import SequenceMatcher  # only when a typo is shown

    a, b = normalize_answer(typed), normalize_answer(right)
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
            return f"“{a[diff[0]:diff[1] + 1]}” swapped"
    parts: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "insert":
            parts.append(f"missing “{b[j1:j2]}”")
        elif tag == "delete":
            parts.append(f"extra “{a[i1:i2]}”")
        elif tag == "replace":
            parts.append(f"“{a[i1:i2]}” for “{b[j1:j2]}”")
    return ", ".join(parts) or "spacing or accents"


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ")


@functools.lru_cache(maxsize=8192)  # every answer folds the question's options again
def normalize_answer(text: str) -> str:
    """Fold case, accents, typographic quotes, punctuation at the ends and inner white space."""
    if not text.isascii():  # plain ASCII (most answers) has no accents or curly quotes to fold
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.replace("’", "'").replace("‘", "'")
    text = " ".join(text.casefold().split()).strip(" .,;:!?\"'()[]")
    return _LEADING_ARTICLE.sub("", text)


@dataclass(frozen=True, slots=True)
class TypedMatch:
    ok: bool
    typo: bool = False
    form: str = ""  # the accepted form matched, as written


TYPO_MIN_LETTERS = 5  # shorter words must be exact: one edit there makes another word (NMDA/NDMA, cat/cut)
_REAL_WORD_ZIPF = 3.0  # a typed word at least this common (wordfreq's Zipf scale) is a word, not a slip


def _protected(token: str) -> bool:
    """A token a typo never stands for: numbers, acronyms (two capitals: NMDA, mTOR's TOR) and short words."""
    core = token.strip(" .,;:!?\"'()[]")
    return (any(ch.isdigit() for ch in core) or sum(ch.isupper() for ch in core) >= 2
            or sum(ch.isalpha() for ch in core) < TYPO_MIN_LETTERS)


def _another_word(typed: str) -> bool:
    """Whether a typed token is itself a common English word (then 'effect' for 'affect' is a wrong word)."""
    try:
        from wordfreq import zipf_frequency  # loaded on the first near-miss (warm it early: warm_typo_check)
    except ImportError:  # pragma: no cover - a dependency; without it the other rules still hold
        return False
    return zipf_frequency(typed, "en") >= _REAL_WORD_ZIPF


def warm_typo_check() -> None:
    """Load the word list the typo check uses (a second or so), e.g. on a worker thread when study starts."""
    _another_word("the")


def _within(typed: str, right: str) -> bool:
    limit = 1 if len(right) <= 8 else 2
    return DamerauLevenshtein.distance(typed, right, score_cutoff=limit) <= limit


def _near(r: str, original: str) -> bool:
    """A typed answer taken for one accepted form: word by word, each differing word long enough, within 1 edit
    (2 past 8 letters), and not a word of its own; never a differing number, acronym or short word."""
    f = normalize_answer(original)
    if len(f) < TYPO_MIN_LETTERS:
        return False
    protected = {normalize_answer(t) for t in original.split() if _protected(t)}
    rt, ft = r.split(), f.split()
    if len(rt) != len(ft):  # a space missed or added: the whole, if every protected word is there as written
        return all(p in rt for p in protected if p) and _within(r, f)
    for typed, right in zip(rt, ft):
        if typed == right:
            continue
        if right in protected or len(right) < TYPO_MIN_LETTERS or not _within(typed, right) or _another_word(typed):
            return False
    return True


def match_typed(response: str, accepted: list[str]) -> TypedMatch:
    """A typed answer against its accepted forms: exact after normalisation, or a slip of the keys (see _near)."""
    r = normalize_answer(response)
    if not r:
        return TypedMatch(False)
    forms = [a for a in accepted if a.strip()]
    for a in forms:
        if normalize_answer(a) == r:
            return TypedMatch(True, False, a)
    for a in forms:
        if _near(r, a):
            return TypedMatch(True, True, a)
    return TypedMatch(False)


def typed_match(response: str, accepted: list[str]) -> tuple[bool, bool]:
    """(accepted?, with a typo?) for a typed answer against its accepted forms (see match_typed)."""
    m = match_typed(response, accepted)
    return m.ok, m.typo


def grade(question: Question, response: Any) -> Grade:
    """Grade `response` (shape by type: choice str, multi list[str], truefalse bool,
    cloze list[str] one per gap, short str, order list[str]); None means "I don't know".
    Each type grades in its module (ketaquiz.core.question_types)."""
    return kind_of(question.type).grade(question, response)


@dataclass(frozen=True, slots=True)
class Presentation:
    """A question as shown once: options in the order the learner sees them."""

    question: Question
    options: list[str]  # choice/multi choices, order items (shuffled), or True/False


def present(question: Question, rng: Random) -> Presentation:
    """Shuffle options for one showing (order items never start in the right order)."""
    return Presentation(question, kind_of(question.type).present(question, rng))
