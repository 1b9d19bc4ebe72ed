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


def test_the_window_behind_the_wait_is_active_again_after_it(qtbot):
    """The dialog took the activation; once it closed, the window it covered got it back only from a window
    manager: without one (offscreen, a bare X server) that window's shortcuts (Ctrl+F, Ctrl+S) stopped working."""
    from PySide6.QtWidgets import QLineEdit

    window = QLineEdit()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    job = run_with_progress(Job(lambda _report: time.sleep(0.3)), window, "Saving", "mine", grace_ms=0)
    assert job.delivered and job.error is None
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
