"""Personal FSRS parameters: fit them to the learner's own review log, and keep them only when they predict better.

The fit uses ``fsrs.Optimizer`` (the optional extra ``ketaquiz[optimizer]``, which pulls torch). The
log-loss before and after is computed here in plain Python by replaying every question's answers through an fsrs
Scheduler, as the optimizer itself scores parameters: at each answer given a day or more after the previous one,
the predicted recall R is compared with what happened (right = rating above Again):
``-(y·ln R + (1−y)·ln(1−R))``, averaged. New parameters are saved only when their log-loss is lower.
"""

from __future__ import annotations

import importlib.util
import math
import shlex
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from fsrs import Card, Rating, ReviewLog, Scheduler

from .store import Store

MIN_REVIEWS = 512


def install_command(python: str = sys.executable) -> str:
    """The command that installs the optimizer into the Python running KetaQuiz, however KetaQuiz was installed
    (a wheel, pipx, a checkout): pip sees the installed ketaquiz and adds its extra."""
    return f"{shlex.quote(python)} -m pip install 'ketaquiz[optimizer]'"


MISSING_MESSAGE = (
    "Optimising needs the optional FSRS optimizer (it brings PyTorch: about 200 MB as PyTorch's CPU build, several "
    "GB as the default build on Linux). Install it into the Python that runs KetaQuiz:\n"
    f"    {install_command()}\n"
    "(installed with pipx: pipx inject ketaquiz 'fsrs[optimizer]'), then restart KetaQuiz."
)

Fitter = Callable[[list[ReviewLog]], Sequence[float]]


@dataclass
class OptimiseResult:
    """What optimising did. status: missing | too_few | improved | kept."""

    status: str
    reviews: int = 0
    loss_before: float | None = None
    loss_after: float | None = None
    parameters: list[float] = field(default_factory=list)  # the parameters in force after this (empty: defaults)
    message: str = ""


def optimizer_available() -> bool:
    """True when fsrs's optimizer can run (torch and its helpers are installed)."""
    return all(importlib.util.find_spec(m) is not None for m in ("torch", "pandas", "tqdm"))


def review_logs(store: Store) -> list[ReviewLog]:
    """Every answer in the log as an fsrs ReviewLog (card id = question key)."""
    return [
        ReviewLog(card_id=int(q), rating=Rating(int(r)), review_datetime=datetime.fromtimestamp(t, timezone.utc),
                  review_duration=d)
        for q, r, t, d in store.logged_answers()
    ]


def log_loss(logs: Sequence[ReviewLog], parameters: Sequence[float] | None = None) -> float | None:
    """Mean log-loss of the recall these parameters predict for the log (None when nothing can be scored)."""
    sched = Scheduler(parameters=tuple(parameters), enable_fuzzing=False) if parameters else Scheduler(enable_fuzzing=False)
    by_card: dict[int, list[ReviewLog]] = {}
    for log in logs:
        by_card.setdefault(log.card_id, []).append(log)
    total, n = 0.0, 0
    for card_id, history in by_card.items():
        history.sort(key=lambda r: r.review_datetime)
        card = Card(card_id=card_id, due=history[0].review_datetime)
        for log in history:
            t = log.review_datetime
            if card.last_review is not None and (t - card.last_review).days > 0:
                p = min(max(float(sched.get_card_retrievability(card, t)), 1e-6), 1 - 1e-6)
                y = log.rating != Rating.Again
                total -= math.log(p) if y else math.log(1 - p)
                n += 1
            card, _ = sched.review_card(card, log.rating, review_datetime=t)
    return total / n if n else None


def _fsrs_fitter(logs: list[ReviewLog]) -> Sequence[float]:
    from fsrs import Optimizer

    return Optimizer(logs).compute_optimal_parameters()


def optimise(store: Store, now: datetime, *, fitter: Fitter | None = None) -> OptimiseResult:
    """Fit parameters to the log; never worse than what is in force (the result says which to keep)."""
    current = list(store.settings().parameters)
    if fitter is None:
        if not optimizer_available():
            return OptimiseResult("missing", parameters=current, message=MISSING_MESSAGE)
        fitter = _fsrs_fitter
    logs = review_logs(store)
    if len(logs) < MIN_REVIEWS:
        return OptimiseResult("too_few", len(logs), parameters=current, message=(
            f"Optimising needs at least {MIN_REVIEWS} answers; you have {len(logs)} so far. Keep studying!"))
    before = log_loss(logs, current or None)
    fitted = [float(x) for x in fitter(logs)]
    after = log_loss(logs, fitted)
    if before is None or after is None or after >= before:
        return OptimiseResult("kept", len(logs), before, after, current, message=(
            f"Your current schedule already fits your answers best (log-loss {_f(before)} vs {_f(after)} fitted); "
            "it is kept."))
    return OptimiseResult("improved", len(logs), before, after, fitted, message=(
        f"Schedule fitted to your {len(logs)} answers: log-loss {_f(before)} → {_f(after)} (lower predicts better)."))


def _f(x: float | None) -> str:
    return "—" if x is None else f"{x:.4f}"


def apply_result(store: Store, result: OptimiseResult) -> str:
    """Save improved parameters into the learner's settings; returns the message to show."""
    if result.status == "improved":
        settings = store.settings()
        settings.parameters = list(result.parameters)
        store.save_settings(settings)
    return result.message


__all__ = ["MIN_REVIEWS", "MISSING_MESSAGE", "OptimiseResult", "apply_result", "log_loss", "optimise",
           "optimizer_available", "review_logs"]
