"""Questions and question sets: the in-memory model of a set file.

Answer data by type (the same fields in the TOML file and in the JSON export; each type is a module of
``ketaquiz.core.question_types``, which owns what differs between types):

- ``choice``: ``choices`` (3–5 strings), ``answer`` (the right one, a string).
- ``multi``: ``choices`` (3–8 strings), ``answer`` (the right ones, a list of strings).
- ``truefalse``: ``answer`` (``true`` or ``false``); the prompt is the statement.
- ``cloze``: the prompt holds the gaps as ``{{answer}}`` or ``{{answer|alternative|…}}``;
  ``answer`` in the export is the list of the first form of each gap.
- ``short``: ``answer`` (a string) and optional ``accept`` (other accepted answers).
- ``order``: ``items`` (3–6 strings, in the right order); ``answer`` in the export is that list.

Any type may carry ``sibling_group``: questions of one set with the same value are siblings (drawn from the
same fact), and a sibling of a question answered today waits until tomorrow (see session.py), and ``media``:
images and sounds shown with the prompt, files in the set's folder (see media.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .question_types import kind_of, type_names
from .shapes import ShapeError, list_problem, scalar_problem

ORIGINS = ("generated", "edited", "written", "imported")

CLOZE_GAP = re.compile(r"\{\{(.+?)\}\}")


def __getattr__(name: str) -> Any:
    # QUESTION_TYPES: the registered types' names, in list order (known once the type modules have loaded).
    if name == "QUESTION_TYPES":
        return type_names()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def explanation_without_source(explanation: str, source: str) -> str:
    """The explanation minus a verbatim copy of the source quote (and its "The text says:"), which
    feedback already shows as the quote itself; unchanged when it does not repeat the source."""
    words = source.split()
    if not words:
        return explanation.strip()
    quote = r"\s+".join(map(re.escape, words))
    pattern = r"(?:The (?:text|article) says:?\s*)?[“\"]?" + quote + r"[”\"]?"
    rest = re.sub(pattern, " ", explanation, flags=re.IGNORECASE)
    return re.sub(r"\s{2,}", " ", rest).strip()


def cloze_gaps(prompt: str) -> list[list[str]]:
    """The accepted answers of each gap in a cloze prompt, in order."""
    return [[alt.strip() for alt in m.group(1).split("|") if alt.strip()] for m in CLOZE_GAP.finditer(prompt)]


def gap_forms(prompt: str, answer: str) -> list[str]:
    """Every form the gap whose first answer is `answer` accepts; `[answer]` when no gap holds it."""
    return next((g for g in cloze_gaps(prompt) if g and g[0] == answer), [answer])


def cloze_display(prompt: str, blank: str = "_____") -> str:
    """The cloze prompt with every gap shown as a blank."""
    return CLOZE_GAP.sub(blank, prompt)


def cloze_filled(prompt: str) -> str:
    """The cloze prompt with every gap filled by its first answer."""
    return CLOZE_GAP.sub(lambda m: m.group(1).split("|")[0].strip(), prompt)


def _text(v: Any) -> str:
    if (problem := scalar_problem(v)) is not None:
        raise ShapeError(problem)
    return "" if v is None or v == "" else str(v)


def _strs(v: Any) -> list[str]:
    if type(v) is not list:
        return [_text(v)]
    return v if all(type(x) is str for x in v) else [x if isinstance(x, str) else _text(x) for x in v]


@dataclass(slots=True)
class Question:
    """One question of a set. `id` is stable: progress is keyed by set id + question id."""

    id: str
    topic: str
    type: str
    prompt: str
    answer: Any = None  # str | list[str] | bool, see the module docstring
    choices: list[str] = field(default_factory=list)
    accept: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    explanation: str = ""
    source: str = ""
    tags: list[str] = field(default_factory=list)
    origin: str = "written"
    line: int | None = None  # where the question starts in its file, when read from one
    # Questions of a set with the same value are siblings; "" = none. A str once checked (check_question
    # reports any other value read from a file, so it is kept as read until then).
    sibling_group: Any = ""
    media: list[str] = field(default_factory=list)  # images and sounds, paths relative to the set file's folder
    answer_media: list[str] = field(default_factory=list)  # shown with the answer (after answering), as `media`

    @property
    def correct_answer(self) -> Any:
        """The right answer in the export's shape (see the module docstring)."""
        return kind_of(self.type).correct_answer(self)

    def answer_text(self) -> str:
        """The right answer as a person reads it."""
        return kind_of(self.type).answer_text(self)

    def display_prompt(self, blank: str = "_____") -> str:
        """The prompt as the learner sees it (cloze gaps blanked)."""
        return kind_of(self.type).display_prompt(self, blank)

    def to_dict(self) -> dict[str, Any]:
        """Fields for the set file, in a stable order, empty optional fields left out."""
        d: dict[str, Any] = {"id": self.id, "topic": self.topic, "type": self.type, "prompt": self.prompt}
        if self.choices:
            d["choices"] = list(self.choices)
        if self.answer is not None and kind_of(self.type).stores_answer:
            d["answer"] = self.answer
        if self.accept:
            d["accept"] = list(self.accept)
        if self.items:
            d["items"] = list(self.items)
        if self.explanation:
            d["explanation"] = self.explanation
        if self.source:
            d["source"] = self.source
        if self.tags:
            d["tags"] = list(self.tags)
        if self.sibling_group != "":
            d["sibling_group"] = self.sibling_group
        if self.media:
            d["media"] = list(self.media)
        if self.answer_media:
            d["answer_media"] = list(self.answer_media)
        d["origin"] = self.origin
        return d

    def to_export(self) -> dict[str, Any]:
        """The JSON export shape: id, topic, type, prompt, choices, answer, explanation, source (+ extras)."""
        d: dict[str, Any] = {
            "id": self.id,
            "topic": self.topic,
            "type": self.type,
            "prompt": self.prompt,
            "choices": kind_of(self.type).export_choices(self),
            "answer": self.correct_answer,
            "explanation": self.explanation,
            "source": self.source,
        }
        if self.accept:
            d["accept"] = list(self.accept)
        if self.tags:
            d["tags"] = list(self.tags)
        if self.sibling_group != "":
            d["sibling_group"] = self.sibling_group
        if self.media:
            d["media"] = list(self.media)
        if self.answer_media:
            d["answer_media"] = list(self.answer_media)
        d["origin"] = self.origin
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any], line: int | None = None) -> Question:
        """Build from a set file table or a JSON export object (unknown keys ignored)."""
        # Written for speed (a 100k-question file builds 100k of these): plain values take the
        # inline path, anything else is converted by _text/_strs.
        get = d.get
        qid, topic, qtype, prompt, explanation, source, origin = [
            v if type(v) is str else _text(v)
            for v in (get("id"), get("topic"), get("type"), get("prompt"), get("explanation"), get("source"), get("origin"))
        ]
        choices, accept, items, tags = get("choices"), get("accept"), get("items"), get("tags")
        kind = kind_of(qtype)
        choices = _strs(choices) if choices and kind.has_choices else []
        accept = _strs(accept) if accept else []
        items = _strs(items) if items else []
        tags = _strs(tags) if tags else []
        answer = get("answer")
        if type(answer) is not str and answer is not None and (problem := list_problem(answer)) is not None:
            raise ShapeError(f"'answer' is {problem}")
        answer, items = kind.read(answer, items)
        group, media, answer_media = get("sibling_group"), get("media"), get("answer_media")
        if type(group) is not str and group is not None and (problem := scalar_problem(group)) is not None:
            raise ShapeError(f"'sibling_group' is {problem}")
        return cls(qid, topic, qtype, prompt, answer, choices, accept, items, explanation, source, tags,
                   origin or "written", line, "" if group is None else group, _strs(media) if media else [],
                   _strs(answer_media) if answer_media else [])


@dataclass
class Topic:
    """A topic of a set: one section of its article."""

    id: str
    title: str
    section: str = ""  # the section's slug in the article; defaults to the topic id


@dataclass
class QuestionSet:
    """A set of questions over one article."""

    id: str
    title: str
    article: str = ""  # path of the article, relative to the set file
    topics: list[Topic] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    description: str = ""
    path: Path | None = None  # the set file, when read from one

    def article_path(self) -> Path | None:
        if not self.article:
            return None
        p = Path(self.article)
        if not p.is_absolute() and self.path is not None:
            p = self.path.parent / p
        return p

    def topic_ids(self) -> list[str]:
        return [t.id for t in self.topics]

    def question(self, qid: str) -> Question | None:
        return next((q for q in self.questions if q.id == qid), None)
