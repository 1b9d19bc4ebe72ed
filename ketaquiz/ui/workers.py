"""Slow work off the UI thread: a job runs in its own QThread and hands its result back on the UI thread.

The product rule: nothing blocks the UI thread for long; work over ~100 ms runs off it, with progress.

* ``Job(fn)`` runs ``fn(report)`` in a thread; ``report(text)`` emits ``progress`` (delivered on the UI thread).
  When it ends, ``done(job)`` is emitted on the UI thread, with ``job.result`` or ``job.error`` set.
* ``job.settle(ms)`` waits a moment on the UI thread: short work then ends without a busy state flashing by
  (``done`` is emitted right there, once).
* ``run_with_progress`` runs a job behind a small modal dialog (busy bar, a title and a stage line) and returns
  when it is over; the UI thread keeps painting and its timers keep running meanwhile (a nested event loop).

A job touches no widget and no connection of the UI thread: it opens its own store (SQLite connections stay in
their thread). Running jobs are kept referenced until delivered and waited for at exit, so no QThread is
destroyed while it runs.

Screens run work through `operations.Operation`, which is built on `Job`. The GIL's switch interval, which keeps
the UI thread responsive while a job runs, is set once for the app's life by `app.launch` (`UI_SWITCH_INTERVAL`):
process-wide state is not changed job by job.
"""

from __future__ import annotations

import atexit
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

Report = Callable[[str], None]

_running: set[Job] = set()

# The GIL: a job busy in Python holds it, and the UI thread needs it for every call into Python (each cell a
# Python model paints, each event filter). By default a waiting thread gets it after 5 ms, so a repaint of a
# table took seconds while an import ran. At 0.5 ms the UI thread waits a tenth as long per call, and the jobs
# lose next to nothing (the interval only matters when a thread waits). Set by app.launch, for the app's life.
UI_SWITCH_INTERVAL = 0.0005  # seconds (Python's default: 0.005)


class Job(QThread):
    """`fn(report)` in a thread of its own; the outcome comes back on the UI thread through `done`."""

    progress = Signal(str)
    done = Signal(object)  # this job, with result or error set

    def __init__(self, fn: Callable[[Report], Any]) -> None:
        super().__init__()
        self._fn = fn
        self.result: Any = None
        self.error: BaseException | None = None
        self.delivered = False
        self.finished.connect(self._deliver)  # queued: runs on the UI thread

    def start(self, priority: QThread.Priority = QThread.Priority.InheritPriority) -> None:
        _running.add(self)  # kept referenced until delivered: no QThread is destroyed while it runs
        super().start(priority)

    def run(self) -> None:
        try:
            self.result = self._fn(self.progress.emit)
        except Exception as e:  # noqa: BLE001 (handed to the UI thread, which says what went wrong)
            self.error = e

    def settle(self, ms: int) -> bool:
        """Wait up to `ms` on the calling (UI) thread; True when the job is over and `done` was emitted."""
        if ms > 0 and self.wait(ms):
            self._deliver()
        return self.delivered

    def _deliver(self) -> None:
        if self.delivered:
            return
        self.wait()  # `finished` is sent just before the thread ends: let it end before anyone drops the job
        self.delivered = True
        _running.discard(self)
        # Whoever drops the job in `done` (a superseded one, say) must not destroy it while Qt is still delivering
        # its `finished` here: it is let go on a later turn of the event loop.
        _delivered.append(self)
        QTimer.singleShot(0, _release_delivered)
        self.done.emit(self)


_delivered: list[Job] = []  # delivered jobs kept for a turn of the event loop


def _release_delivered() -> None:
    _delivered.clear()


@atexit.register
def _wait_for_jobs() -> None:
    for job in list(_running):
        job.wait()


class ProgressDialog(QDialog):
    """Modal, busy bar, a bold title and a stage line; it cannot be dismissed (it closes when the job ends)."""

    def __init__(self, title: str, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint | Qt.WindowType.WindowTitleHint)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.heading = QLabel(heading)
        self.heading.setStyleSheet("font-weight: 600;")
        self.heading.setWordWrap(True)
        self.stage = QLabel()
        self.stage.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: the steps have no useful percentage
        self.bar.setTextVisible(False)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.stage)
        lay.addWidget(self.bar)
        self.setMinimumWidth(360)
        self.closing = False

    def set_stage(self, text: str) -> None:
        self.stage.setText(text)

    def reject(self) -> None:  # Escape: the work cannot be stopped halfway, so the dialog stays
        if self.closing:
            super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt override)
        if self.closing:
            super().closeEvent(event)
        else:
            event.ignore()


def run_with_progress(job: Job, parent: QWidget | None, title: str, heading: str, *, grace_ms: int = 100) -> Job:
    """Start `job` and return once it is over; past `grace_ms` a modal progress dialog shows its stages."""
    stages: list[str] = []
    shown: list[ProgressDialog] = []

    def stage(text: str) -> None:
        # One receiver for the whole job: a stage reported while the UI thread waited in settle() arrives after
        # the dialog is up, and it would miss a receiver connected only then (the dialog showed no stage).
        stages.append(text)
        if shown:
            shown[0].set_stage(text)

    job.progress.connect(stage)
    job.start()
    if job.settle(grace_ms):
        return job
    behind = parent.window() if parent is not None else None
    was_active = behind is not None and behind.isActiveWindow()
    dlg = ProgressDialog(title, heading, parent)
    shown.append(dlg)
    if stages:
        dlg.set_stage(stages[-1])
    loop = QEventLoop()
    job.done.connect(lambda _j: loop.quit())
    dlg.show()
    if not job.delivered:
        loop.exec()
    dlg.closing = True
    dlg.close()
    dlg.deleteLater()
    if was_active and behind is not None:
        behind.activateWindow()  # a window manager gives it back; without one (offscreen, bare X) nobody did
    return job
