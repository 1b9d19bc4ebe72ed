"""The modal wait behind slow work: what it shows while the work runs."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ketaquiz.ui.workers import Job, ProgressDialog, run_with_progress


def test_the_wait_shows_a_stage_reported_before_it_appeared(qtbot):
    """A job that says what it does at once, then works on: the dialog, up after the grace time, shows that stage
    (it used to stay blank until a later stage, and a job with one stage never showed any)."""

    def work(report):
        report("Removing the set and its answers…")
        time.sleep(0.4)
        return 42

    seen: list[str] = []

    def tick() -> None:
        seen.extend(w.stage.text() for w in QApplication.topLevelWidgets() if isinstance(w, ProgressDialog) and w.isVisible())

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    job = run_with_progress(Job(work), None, "Purging", "geo", grace_ms=50)
    timer.stop()
    assert job.result == 42 and job.error is None
    assert "Removing the set and its answers…" in seen
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, ProgressDialog) and w.isVisible()]
