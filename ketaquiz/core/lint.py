"""Quality lint for authors: warnings beyond ``ketaquiz check``'s hard rules.

- ``giveaway``: the answer (or most of its words) stands in the prompt, even inflected ("anesthetics").
- ``duplicate``: two questions ask nearly the same thing.
- ``distractor``: a wrong choice repeats the right answer (near-identical, or contains it).
- ``source``: the source quote is not in the article (with the closest sentence as a hint).
- ``dangling reference``, ``phrase gap``, ``acronym``, ``answer visible`` (a gap beside its gloss, its own stem or
  the other half of its pair): the item-writing checks of ``ketaquiz.core.quality``, the same ones the generator applies.
- ``reused distractor``: a wrong option offered in more than two questions of the set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .article import Article, find_quote
from .question_types import kind_of
from .questions import Question, QuestionSet

DUPLICATE_SCORE = 90.0
DISTRACTOR_SCORE = 88.0
GIVEAWAY_SCORE = 90.0
MAX_PAIRWISE = 5000  # questions compared for duplicates; beyond that the lint only checks each question


@dataclass(frozen=True)
class LintIssue:
    """One warning about one question."""

    question: str  # question id
    field: str  # prompt, choices, source, …
    rule: str  # giveaway, duplicate, distractor, source
    message: str

    def __str__(self) -> str:
        return f"{self.question}: {self.field}: {self.message}"


_WORD = re.compile(r"\w+")
_STOP = {"the", "a", "an", "of", "and", "or", "to", "in", "on", "is", "are", "for", "by", "with", "it", "its"}


def _norm(s: str) -> str:
    return " ".join(_WORD.findall(s.casefold()))


def _content_words(s: str) -> list[str]:
    return [w for w in _WORD.findall(s.casefold()) if w not in _STOP and len(w) > 2]


def _answers(q: Question) -> list[str]:
    return kind_of(q.type).answers(q)


def _shown_prompt(q: Question) -> str:
    return q.display_prompt(" ")


def _giveaway(q: Question) -> list[LintIssue]:
    out: list[LintIssue] = []
    prompt = _norm(_shown_prompt(q))
    if not prompt:
        return out
    spaced = f" {prompt} "
    choices = [_norm(c) for c in q.choices]
    for ans in _answers(q):
        a = _norm(ans)
        if len(a) < 4:
            continue
        if kind_of(q.type).has_choices and all(fuzz.partial_ratio(c, prompt) >= GIVEAWAY_SCORE for c in choices if c):
            continue  # every choice is named in the prompt: naming the answer gives nothing away
        # Normalised texts are words joined by single spaces, so whole-word tests are plain substring tests
        # (no regex compiled per answer: that was most of the time on a 100k-question set).
        if f" {a} " in spaced:
            continue  # word for word: 'ketaquiz check' already reports it as an error
        words = _content_words(ans)
        score = fuzz.partial_ratio(a, prompt) if len(a) <= len(prompt) else 0.0
        hits = [w for w in words if f" {w[: max(4, len(w) - 2)]}" in spaced]
        if score >= GIVEAWAY_SCORE or (len(words) >= 2 and len(hits) == len(words)):
            out.append(LintIssue(q.id, "prompt", "giveaway", f"the prompt nearly gives the answer away ({ans})"))
    return out


def _distractors(q: Question) -> list[LintIssue]:
    if not kind_of(q.type).has_choices:
        return []
    out: list[LintIssue] = []
    right = {_norm(a) for a in _answers(q)}
    for c in q.choices:
        nc = _norm(c)
        if not nc or nc in right:
            continue
        for a in right:
            if not a:
                continue
            contains = len(a) >= 3 and f" {a} " in f" {nc} "
            if contains or fuzz.ratio(nc, a) >= DISTRACTOR_SCORE:
                out.append(LintIssue(q.id, "choices", "distractor", f"the wrong choice {c!r} repeats the answer {a!r}"))
                break
    return out


def _source(q: Question, article: Article | None) -> list[LintIssue]:
    if article is None or not q.source.strip() or find_quote(article.text, q.source) is not None:
        return []
    hint = ""
    sentences = [s.text for s in article.sentences]
    if sentences:
        best = process.extractOne(q.source, sentences, scorer=fuzz.partial_ratio)
        if best and best[1] >= 60:
            hint = f"; closest sentence: “{best[0][:120]}”"
    return [LintIssue(q.id, "source", "source", f"source quote not found in the article{hint}")]


def _item_writing(q: Question) -> list[LintIssue]:
    from .quality import LINT_CHECKS, tripped

    return [LintIssue(q.id, "prompt", name, msg) for name, msg in tripped(q, LINT_CHECKS).items()]


def lint_question(q: Question, article: Article | None = None) -> list[LintIssue]:
    """Warnings about one question on its own (all rules but near-duplicates and reused distractors)."""
    given = _giveaway(q)
    checks = [i for i in _item_writing(q) if not (given and i.rule == "answer visible")]  # said once is enough
    return given + _distractors(q) + _source(q, article) + checks


def duplicate_text(q: Question) -> str:
    """What the duplicate rule compares: the prompt as shown, with its answers, normalised."""
    return _norm(_shown_prompt(q) + " " + " ".join(_answers(q)))


def _duplicate_key(q: Question) -> str:
    # Tokens sorted once: fuzz.ratio on these keys gives exactly fuzz.token_sort_ratio on the texts.
    return " ".join(sorted(duplicate_text(q).split()))


class DuplicateIndex:
    """Questions seen so far, to ask whether a new one nearly repeats one of them (the `near_duplicates` rule).

    For generators that build a set one question at a time. The tokens of each text are sorted once, so
    `fuzz.ratio` on the sorted texts gives exactly `fuzz.token_sort_ratio` on the texts.
    """

    def __init__(self) -> None:
        self._keys: list[str] = []
        self._ids: list[str] = []
        self._cache: dict[tuple[str, str, str], str] = {}

    def _key(self, q: Question) -> str:
        what = (q.type, q.prompt, repr(q.answer))  # all that duplicate_text reads
        key = self._cache.get(what)
        if key is None:
            key = self._cache[what] = _duplicate_key(q)
        return key

    def find(self, q: Question) -> str | None:
        """The id of a seen question that `q` nearly repeats, or None."""
        if not q.prompt.strip() or not self._keys:
            return None
        best = process.extractOne(self._key(q), self._keys, scorer=fuzz.ratio, score_cutoff=DUPLICATE_SCORE)
        return None if best is None else self._ids[best[2]]

    def add(self, q: Question) -> None:
        if q.prompt.strip():
            self._keys.append(self._key(q))
            self._ids.append(q.id)


def near_duplicates(questions: list[Question]) -> list[LintIssue]:
    """Pairs of questions whose prompts (with answers) read nearly the same; reported on the later one."""
    import numpy as np  # only here: rapidfuzz's cdist needs it, and the app's start does not

    qs = [q for q in questions if q.prompt.strip()][:MAX_PAIRWISE]
    if len(qs) < 2:
        return []
    # fuzz.ratio on token-sorted texts is token_sort_ratio without re-sorting every pair (see DuplicateIndex).
    keys = [_duplicate_key(q) for q in qs]
    scores = np.tril(process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=DUPLICATE_SCORE, dtype=np.uint8,
                                   workers=-1), -1)
    out: list[LintIssue] = []
    for i in np.flatnonzero(scores.any(axis=1)):
        j = int(np.argmax(scores[i] > 0))  # the first earlier question it repeats
        out.append(LintIssue(qs[i].id, "prompt", "duplicate",
                             f"nearly the same as question {qs[j].id} ({scores[i][j]}% alike)"))
    return out


def lint_set(qset: QuestionSet, article: Article | None = None) -> list[LintIssue]:
    """Every warning of a set, in question order (duplicates listed with the later question)."""
    per: dict[str, list[LintIssue]] = {}
    from .quality import reused_distractors

    reused = [LintIssue(qid, "choices", "reused distractor", msg)
              for qid, msg in reused_distractors(qset.questions).items()]
    for issue in [i for q in qset.questions for i in lint_question(q, article)] + near_duplicates(qset.questions) + reused:
        per.setdefault(issue.question, []).append(issue)
    return [i for q in qset.questions for i in per.pop(q.id, [])]
