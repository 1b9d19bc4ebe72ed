"""CSV exports of the learner's history: every review, and a score per question."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import IO

from .files import atomic_write
from .scheduling import curve, retrievability_at
from .store import Store

RATINGS = {1: "again", 2: "hard", 3: "good", 4: "easy"}
STATES = {0: "new", 1: "learning", 2: "review", 3: "relearning"}
REVIEW_COLUMNS = ["reviewed_at", "set", "question", "topic", "prompt", "rating", "correct", "duration_ms",
                  "state_before", "session", "response"]
QUESTION_COLUMNS = ["set", "question", "topic", "prompt", "state", "reviews", "correct", "accuracy", "lapses",
                    "stability_days", "difficulty", "retrievability", "last_review", "due"]


def _iso(ts: float | None) -> str:
    return "" if ts is None else datetime.fromtimestamp(ts, timezone.utc).isoformat(timespec="seconds")


def _prompt(data: str) -> str:
    try:
        return str(json.loads(data).get("prompt", ""))
    except (ValueError, AttributeError):
        return ""


def write_reviews_csv(store: Store, out: IO[str], *, set_id: str | None = None) -> int:
    """Every review, oldest first (times in UTC, ISO 8601); returns the number of rows."""
    w = csv.writer(out)
    w.writerow(REVIEW_COLUMNS)
    n = 0
    prompts: dict[str, str] = {}
    for at, sid, qid, topic, data, rating, correct, dur, before, session, response in store.review_export_rows(set_id):
        prompt = prompts.setdefault(f"{sid}\0{qid}", _prompt(data))
        w.writerow([_iso(at), sid, qid, topic, prompt, RATINGS.get(rating, rating), int(correct),
                    "" if dur is None else dur, STATES.get(before, before), "" if session is None else session,
                    response or ""])
        n += 1
    return n


def write_questions_csv(store: Store, out: IO[str], now: datetime, *, set_id: str | None = None) -> int:
    """One row per live question: its reviews, accuracy, lapses, FSRS state and recall now; returns the rows."""
    w = csv.writer(out)
    w.writerow(QUESTION_COLUMNS)
    fd = curve(store.settings().parameters)
    t = now.timestamp()
    n = 0
    for sid, qid, topic, data, state, lapses, stab, diff, last, due, reviews, right in store.question_export_rows(set_id):
        r = retrievability_at(stab, last, t, fd) if state else None
        w.writerow([
            sid, qid, topic, _prompt(data), STATES.get(state, state), reviews, right,
            f"{right / reviews:.3f}" if reviews else "", lapses,
            "" if stab is None or not state else f"{stab:.2f}", "" if diff is None or not state else f"{diff:.2f}",
            "" if r is None else f"{r:.3f}", _iso(last) if state else "", _iso(due) if state else "",
        ])
        n += 1
    return n


def export_history(store: Store, path: Path, now: datetime, *, kind: str = "reviews", set_id: str | None = None) -> int:
    """Write a CSV file ("reviews" or "questions"), UTF-8 with a BOM so spreadsheets read accents right."""
    if kind not in ("reviews", "questions"):
        raise ValueError("kind must be 'reviews' or 'questions'")
    buf = io.StringIO()
    n = write_reviews_csv(store, buf, set_id=set_id) if kind == "reviews" else write_questions_csv(store, buf, now, set_id=set_id)
    atomic_write(path, buf.getvalue(), encoding="utf-8-sig")
    return n


__all__ = ["QUESTION_COLUMNS", "REVIEW_COLUMNS", "export_history", "write_questions_csv", "write_reviews_csv"]
