"""Filter and rank candidates: drop broken ones, near-duplicates, and cap per sentence and answer."""

from __future__ import annotations

from ..check import check_question
from ..lint import DuplicateIndex
from ..questions import cloze_gaps
from .builders import Candidate

TYPE_ORDER = {"cloze": 0, "choice": 1, "truefalse": 2, "short": 3, "multi": 4, "order": 5}


def _trivial(c: Candidate) -> bool:
    q = c.question
    if q.type == "cloze":
        gaps = cloze_gaps(q.prompt)
        if not gaps or any(len(g[0].split()) > 5 or len(g[0]) < 3 for g in gaps):
            return True
    if q.type == "short" and (len(str(q.answer).split()) > 6 or len(str(q.answer)) < 2):
        return True
    return len(q.prompt.split()) > 60


def _similar(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b) >= 90


def select(
    candidates: list[Candidate], *, per_sentence: int = 2, per_section: int | None = None,
    seen: DuplicateIndex | None = None,
) -> list[Candidate]:
    """The best candidates under the caps, best first per section; deterministic.

    A candidate that nearly repeats a kept question by the lint's duplicate rule (a cloze, a choice and a
    true/false built on one sentence read alike) is skipped, so the slot goes to the next-best candidate:
    another kind of question or another sentence. `seen` holds the questions already kept in other
    sections (the lint compares the whole set); kept ones are added to it.
    """
    seen = DuplicateIndex() if seen is None else seen
    ok = [c for c in candidates if not _trivial(c) and not check_question(c.question)]
    ok.sort(key=lambda c: (-round(c.score, 6), TYPE_ORDER[c.question.type], c.question.id))
    kept: list[Candidate] = []
    per_sent: dict[str, int] = {}
    answers: set[tuple[str, str, str]] = set()
    tf_sentences: set[str] = set()
    ids: set[str] = set()
    for pos, c in enumerate(ok):
        q = c.question
        main = c.sentence_ids[0]
        if per_sent.get(main, 0) >= per_sentence and not c.family.startswith(("order", "multi-list", "short-list", "choice-not")):
            continue
        key = (q.topic, q.type, c.answer_key)
        if key in answers:
            continue
        if q.type == "truefalse":
            if main in tf_sentences:  # one statement per sentence: true or false, not both
                continue
        if q.type == "truefalse" and q.answer is True:
            # Keep True and False balanced: verbatim True statements only test recognition.
            # False statements count when kept, or still to come and not near-duplicates of a kept question.
            trues = sum(1 for k in kept if k.question.topic == q.topic and k.question.type == "truefalse" and k.question.answer is True)
            falses = sum(1 for k in kept if k.question.topic == q.topic and k.question.type == "truefalse" and k.question.answer is False)
            if trues >= falses + 1:
                falses += sum(1 for x in ok[pos + 1:] if x.question.topic == q.topic and x.question.type == "truefalse"
                              and x.question.answer is False and seen.find(x.question) is None)
            if trues >= falses + 1:
                continue
        if any(k.question.type == q.type and k.question.topic == q.topic and _similar(k.question.prompt, q.prompt) for k in kept):
            continue
        if q.id in ids:
            continue
        if per_section is not None and sum(1 for k in kept if k.question.topic == q.topic) >= per_section:
            continue
        if seen.find(q) is not None:
            continue
        seen.add(q)
        kept.append(c)
        ids.add(q.id)
        answers.add(key)
        per_sent[main] = per_sent.get(main, 0) + 1
        if q.type == "truefalse":
            tf_sentences.add(main)
    return kept
