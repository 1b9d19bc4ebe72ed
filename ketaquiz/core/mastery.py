"""Mastery over the article: how well the learner would recall each sentence and section now.

A question is *sourced from* every sentence its verbatim ``source`` quote overlaps. For a sentence (or a section:
the questions sourced from any of its sentences, each once):

* ``mastery`` — the mean FSRS retrievability of its live questions at `now`, a question never answered counting
  as 0 (it is not known yet). This is what the Article page shades by.
* ``retrievability`` — the mean over the *answered* questions only (None when none has been answered).
* status ``"not covered"`` — no question is sourced from it (mastery None); ``"not started"`` — questions exist but
  none has been answered yet (mastery 0, shaded apart from "forgotten"); otherwise a band of ``retrievability``
  (of the questions studied: an unstudied question is not a failed one, so a section answered all right is
  "strong" however many of its questions are still new): ``"strong"`` ≥ 0.9, ``"good"`` ≥ 0.7, ``"fading"`` ≥ 0.5,
  ``"weak"`` below.

Questions whose quote is not in the article (it was edited since) are counted in `unplaced` and shade nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .article import Article
from .scheduling import NEW, curve, retrievability_at
from .store import Store

BANDS: list[tuple[str, float]] = [("strong", 0.9), ("good", 0.7), ("fading", 0.5), ("weak", 0.0)]
NOT_COVERED = "not covered"
NOT_STARTED = "not started"


@dataclass
class Score:
    """Mastery of one sentence or section."""

    questions: list[int] = field(default_factory=list)  # question keys sourced from it
    answered: int = 0
    mastery: float | None = None
    retrievability: float | None = None

    @property
    def status(self) -> str:
        if not self.questions:
            return NOT_COVERED
        if not self.answered:
            return NOT_STARTED
        return band(self.retrievability or 0.0)


@dataclass
class Mastery:
    sentences: dict[str, Score]  # sentence id -> score (every sentence of the article)
    sections: dict[str, Score]  # section slug -> score
    unplaced: list[int] = field(default_factory=list)  # questions whose quote is not in the article

    def coverage(self) -> float | None:
        """Share of the article's sentences that some question covers."""
        n = len(self.sentences)
        return sum(1 for s in self.sentences.values() if s.questions) / n if n else None


def band(value: float) -> str:
    """The band name of a mastery value (see the module docstring)."""
    for name, floor in BANDS:
        if value >= floor:
            return name
    return BANDS[-1][0]


def _score(keys: list[int], recall: dict[int, float | None]) -> Score:
    if not keys:
        return Score()
    values = [recall.get(k) for k in keys]
    known = [v for v in values if v is not None]
    return Score(
        questions=keys,
        answered=len(known),
        mastery=sum(known) / len(keys),
        retrievability=sum(known) / len(known) if known else None,
    )


def compute_mastery(store: Store, set_id: str, article: Article, now: datetime) -> Mastery:
    """Per-sentence and per-section mastery of a set's article at `now`."""
    fd = curve(store.settings().parameters)
    t = now.timestamp()
    recall: dict[int, float | None] = {}
    for key, _sid, _topic, card in store.card_states(set_id):
        recall[key] = None if card.state == NEW else retrievability_at(card.stability, card.last_review, t, fd)
    by_sentence: dict[str, list[int]] = {s.id: [] for s in article.sentences}
    unplaced: list[int] = []
    for key, q in store.questions(set_id):
        found = article.find_quote(q.source) if q.source else None
        hits = article.sentences_in(*found) if found else []
        if not hits:
            unplaced.append(key)
            continue
        for s in hits:
            by_sentence[s.id].append(key)
    sentences = {sid: _score(keys, recall) for sid, keys in by_sentence.items()}
    sections = {}
    for sec in article.sections:
        keys = list(dict.fromkeys(k for s in sec.sentences for k in by_sentence[s.id]))
        sections[sec.slug] = _score(keys, recall)
    return Mastery(sentences, sections, unplaced)


__all__ = ["BANDS", "Mastery", "NOT_COVERED", "NOT_STARTED", "Score", "band", "compute_mastery"]
