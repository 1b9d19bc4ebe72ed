"""Reschedule every question after the parameters or the desired retention change (core/reschedule.py).

The Settings and Scores pages offer it with a button when such a change is saved (the click is the consent; a
backup is taken first, and the message names it).
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from ..core.reschedule import RescheduleResult, reschedule
from ..core.store import Store
from .context import AppContext
from .workers import Job, Report, run_with_progress

RESCHEDULE_LABEL = "Reschedule questions now"
RESCHEDULE_TIP = ("Replay every question's answers with the new settings, so that the change applies at once "
                  "(otherwise each question changes at its next answer). A backup is taken first.")


def make_reschedule_button(parent: QWidget) -> QPushButton:
    """The offer's button, hidden until a page shows it."""
    btn = QPushButton(RESCHEDULE_LABEL, parent)
    btn.setToolTip(RESCHEDULE_TIP)
    btn.setAccessibleName(RESCHEDULE_LABEL)
    btn.hide()
    return btn


def run_reschedule(parent: QWidget, ctx: AppContext) -> str:
    """Reschedule in a worker behind a progress dialog; returns the message to show (what moved, or the error)."""
    path, clock, backups = ctx.store.path, ctx.clock, ctx.data.backups_dir(ctx.profile)
    now = clock()

    def work(_report: Report) -> RescheduleResult:
        store = Store(path, clock=clock)  # its own connection: SQLite's stay in their thread
        try:
            return reschedule(store, now, backup_dir=backups)
        finally:
            store.close()

    job = run_with_progress(Job(work), parent, "Reschedule questions", "Rescheduling every question from its answers…")
    if job.error is not None:
        return f"Rescheduling failed, nothing was changed: {job.error}"
    result: RescheduleResult = job.result
    ctx.progress_changed.emit()
    return result.message
