"""Offline question generation: overgenerate → filter → rank (after Heilman & Smith 2010).

``generate_set(article, set_id=…)`` returns a QuestionSet (one topic per section) and a
GenerationReport. Pure Python plus wordfreq and lemminflect, both loaded on first use; without them
(not installed or failing to import) built-in heuristics stand in, and ``report.lexicon`` says so.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from ..article import Article
from ..questions import QuestionSet, Topic
from .report import GenerationReport, SectionReport

__all__ = ["generate_set", "GenerationReport", "GenerationCancelled", "DEFAULT_PER_SENTENCE"]

DEFAULT_PER_SENTENCE = 2


class GenerationCancelled(Exception):
    """Raised when the `cancelled` callback asks generation to stop."""


def generate_set(
    article: Article,
    *,
    set_id: str,
    title: str | None = None,
    article_ref: str = "",
    sections: list[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    per_sentence: int = DEFAULT_PER_SENTENCE,
) -> tuple[QuestionSet, GenerationReport]:
    """Generate a question set from an article, one topic per section (restricted to `sections` slugs if given).

    `progress(done, total)` is called after each section; when `cancelled()` returns true the
    run stops with GenerationCancelled. Same input, same output.
    """
    from ..lint import DuplicateIndex
    from . import lexicon
    from .analysis import analyse
    from .builders import BUILDERS, Candidate
    from .rank import TYPE_ORDER, select

    t0 = time.perf_counter()
    chosen = [s for s in article.sections if s.sentences and (sections is None or s.slug in sections)]
    if cancelled and cancelled():
        raise GenerationCancelled
    an = analyse(article)
    report = GenerationReport()
    topics: list[Topic] = []
    kept_all: list[Candidate] = []
    order = {s.id: i for i, s in enumerate(article.sentences)}
    seen = DuplicateIndex()  # no two questions of the set may read nearly the same (the lint's rule)
    for done, sec in enumerate(chosen, start=1):
        if cancelled and cancelled():
            raise GenerationCancelled
        candidates = [c for build in BUILDERS for c in build(an, sec)]
        kept = select(candidates, per_sentence=per_sentence, seen=seen)
        kept.sort(key=lambda c: (order.get(c.sentence_ids[0], 0), TYPE_ORDER[c.question.type], c.question.id))
        kept_all.extend(kept)
        topics.append(Topic(id=sec.slug, title=sec.title, section=sec.slug))
        covered = {sid for c in kept for sid in c.sentence_ids}
        rep = SectionReport(sec.slug, sec.title, len(sec.sentences), key_terms=an.key_terms(sec), candidates=len(candidates))
        for c in kept:
            rep.by_type[c.question.type] += 1
        rep.uncovered = [(s.id, s.text) for s in sec.sentences if s.id not in covered]
        report.sections.append(rep)
        if progress:
            progress(done, len(chosen))
    qset = QuestionSet(
        id=set_id, title=title or article.title, article=article_ref, topics=topics,
        questions=[c.question for c in kept_all],
    )
    report.lexicon = lexicon.mode()
    report.seconds = time.perf_counter() - t0
    return qset, report

