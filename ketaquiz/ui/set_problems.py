"""The Sets page's problems: the open set checked (errors, then lint warnings; a big set in a worker), the findings
listed under the table and flagged in it, and the status line with the counts."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from ..core.check import check_set
from ..core.lint import lint_set
from ..core.questions import QuestionSet
from . import plain
from .operations import Operation

if TYPE_CHECKING:
    from .sets_page import SetsPage


class SetProblems(QObject):
    """Checks the page's open set and shows what was found in `list` (under the table) and `status`.

    `question_chosen` carries the id of a question whose problem line was chosen.
    """

    BIG_SET = 400  # from this many questions the set is checked off the UI thread (lint takes seconds at 100k)
    MAX_LISTED = 200  # problem lines listed; the rest are counted (and flagged in the table)
    PAUSE_MS = 300  # typing: the set is checked again once the keys pause this long

    question_chosen = Signal(str)

    def __init__(self, page: SetsPage) -> None:
        super().__init__(page)
        self.page = page
        self.errors: list = []
        self._check: Operation[tuple[list, list]] | None = None  # checking a big set, the newest request
        self._counts = (0, 0)  # errors and warnings found by the last check
        self._of: QuestionSet | None = None  # the set those findings are about
        self.status = plain.label()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)  # one line for the counts; a long "Exported … to <path>" wraps
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        # Long warnings wrap to the list's width (whole text in the tooltip) rather than scroll sideways.
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.PAUSE_MS)
        self._timer.timeout.connect(self.refresh)

    def reflowed(self, orientation: Qt.Orientation) -> None:
        # Editor below the table: the problem list gives the table some of its height.
        self.list.setMaximumHeight(110 if orientation == Qt.Orientation.Horizontal else 64)

    def later(self) -> None:
        """Check the set again once the typing pauses."""
        self._timer.start()

    def stop(self) -> None:
        """No check waiting for a pause in the typing."""
        self._timer.stop()

    @property
    def checking(self) -> bool:
        """A check of a big set is running or waiting."""
        return self._check is not None and not self._check.finished

    def _abandon(self) -> None:
        """A check still running (or waiting) is about the set as it was: its findings are not shown."""
        if self._check is not None:
            self._check.abandon()
            self._check = None

    def drop(self) -> None:
        """The set is left: no check waits, and a check still running is about the set left behind."""
        self._timer.stop()
        self._abandon()
        self.list.clear()
        self.list.hide()

    def refresh(self) -> None:
        """Check the set (errors, then lint warnings) and list what was found; a big set is checked in a worker."""
        self._timer.stop()
        self._abandon()
        qset = self.page.qset
        if qset is None:
            self.list.clear()
            self.list.hide()
            return
        if len(qset.questions) < self.BIG_SET:
            self.show(check_set(qset, self.page.article), lint_set(qset, self.page.article))
            return
        if self._of is not qset:  # another set's findings must not stand meanwhile
            self._of = qset
            self._counts = (0, 0)
            self.list.clear()
            self.list.hide()
        self.show_status(checking=True)
        snapshot = replace(qset, questions=list(qset.questions))  # edits go on while it is checked
        article = self.page.article
        # One check at a time (kind): a newer request waits for the running one, whose findings are then dropped.
        op = Operation.without_store(self.page.ctx, lambda _report: (check_set(snapshot, article),
                                                                     lint_set(snapshot, article)),
                                     kind="set-check", what=f"checking {qset.id}")
        self._check = op.on_success(lambda found: self.show(*found)).on_failure(self._failed).run(self.page)

    def _failed(self, error: BaseException) -> None:
        self.list.clear()
        self.list.hide()
        self.errors = []
        self.status.setText(f"Could not check the set: {error}")

    def show(self, errors: list, warnings: list) -> None:
        """List these findings (the first `MAX_LISTED`), flag their questions in the table, count them."""
        self.list.clear()
        flags: dict[str, str] = {}
        lines: list[tuple[str, str | None, bool]] = []
        for p in errors:
            lines.append((f"✗ {p.question or 'set'}: {p.message}", p.question, True))
            if p.question:
                flags[p.question] = "error"
        for w in warnings:
            lines.append((f"⚠ {w.question}: {w.message}", w.question, False))
            flags.setdefault(w.question, "warning")
        for text, qid, error in lines[:self.MAX_LISTED]:
            it = QListWidgetItem(text)
            it.setToolTip(plain.tooltip(text))
            it.setData(Qt.ItemDataRole.UserRole, qid)
            if error:
                it.setForeground(Qt.GlobalColor.darkRed)
            self.list.addItem(it)
        if len(lines) > self.MAX_LISTED:
            more = QListWidgetItem(f"… and {len(lines) - self.MAX_LISTED:,} more, marked in the table's Id column")
            more.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(more)
        self.page.model.set_flags(flags)
        self.list.setVisible(bool(lines))
        self.errors = errors
        self._counts = (len(errors), len(warnings))
        self._of = self.page.qset
        self.show_status()

    def show_status(self, checking: bool = False) -> None:
        """The line under the table: questions, problems and warnings (as of the last check), unsaved changes."""
        qset = self.page.qset
        if qset is None:
            return
        n_err, n_warn = self._counts
        n = len(qset.questions)
        parts = [f"{n} question{'s' if n != 1 else ''}"]
        if checking:
            parts.append("checking…")
        else:
            if n_err:
                parts.append(f"{n_err} problem{'s' if n_err != 1 else ''} to fix before it can be studied")
            if n_warn:
                parts.append(f"{n_warn} warning{'s' if n_warn != 1 else ''}")
        if self.page.dirty:
            parts.append("unsaved changes")
        self.status.setText(" · ".join(parts))

    def _chosen(self, item: QListWidgetItem) -> None:
        qid = item.data(Qt.ItemDataRole.UserRole)
        if qid:
            self.question_chosen.emit(qid)
