"""Reschedule every question after the parameters or the desired retention change (core/reschedule.py).

The Settings and Scores pages offer it with a button when such a change is saved (the click is the consent; a
backup is taken first, and the message names it).
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from ..core.reschedule import RescheduleResult, reschedule
from .changes import PROGRESS
from .context import AppContext
from .operations import Operation

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
    """Reschedule in an operation behind a progress dialog; returns the message to show (what moved, or the error)."""
    now, backups = ctx.clock(), ctx.data.backups_dir(ctx.profile)
    op: Operation[RescheduleResult] = Operation(ctx, lambda store, _report: reschedule(store, now, backup_dir=backups),
                                                changes=PROGRESS, what="rescheduling")
    op.on_failure(lambda _e: None)  # (logged; said in the message returned)
    op.run_modal(parent, "Reschedule questions", "Rescheduling every question from its answers…", initiator=parent)
    if op.error is not None:
        return f"Rescheduling failed, nothing was changed: {op.error}"
    assert op.result is not None
    return op.result.message
