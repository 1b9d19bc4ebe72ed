"""The Sets page's dialogs: deleted sets (restore or purge) and a set's topics."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import authoring
from ..core.questions import Topic
from ..core.store import Store
from .changes import PROGRESS
from .operations import Operation
from .workers import Report

if TYPE_CHECKING:
    from .sets_page import SetsPage


class TrashDialog(QDialog):
    """Deleted sets: restore one (with its progress) or purge it for good."""

    def __init__(self, page: SetsPage) -> None:
        super().__init__(page)
        self.page = page
        self.setWindowTitle("Deleted sets")
        self.list = QListWidget()
        self.restore_btn = QPushButton("Restore")
        self.purge_btn = QPushButton("Purge for good…")
        self.restore_btn.clicked.connect(self.restore)
        self.purge_btn.clicked.connect(self.purge)
        info = QLabel("Deleted sets keep your progress until you purge them.")
        info.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.restore_btn)
        row.addWidget(self.purge_btn)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(info)
        lay.addWidget(self.list)
        lay.addLayout(row)
        lay.addWidget(buttons)
        self.fill()

    def fill(self) -> None:
        self.list.clear()
        for qs in authoring.deleted_sets(self.page.ctx.data):
            it = QListWidgetItem(f"{qs.title} ({qs.id})")
            it.setData(Qt.ItemDataRole.UserRole, qs.id)
            self.list.addItem(it)
        has = self.list.count() > 0
        self.restore_btn.setEnabled(has)
        self.purge_btn.setEnabled(has)
        if has:
            self.list.setCurrentRow(0)

    def _current(self) -> str | None:
        it = self.list.currentItem()
        return it.data(Qt.ItemDataRole.UserRole) if it else None

    def restore(self) -> None:
        sid = self._current()
        if not sid:
            return
        try:
            authoring.restore_set(self.page.ctx.data, self.page.ctx.store, sid)
        except (authoring.AuthoringError, OSError) as e:
            self.page.inform("Could not restore", str(e), error=True)
            return
        self.page.ctx.reload_library()
        self.page.refresh_sets(sid)
        self.fill()

    def purge(self) -> None:
        sid = self._current()
        if not sid or not self.page.confirm("Purge set", f"Remove {sid!r} and all your progress on it for good? This cannot be undone."):
            return
        ctx = self.page.ctx
        data = ctx.data

        def work(store: Store, report: Report) -> None:
            # A set's whole history goes: seconds for a big one, behind a modal wait (so no answer races it).
            report("Removing the set and its answers…")
            authoring.purge_set(data, store, sid)

        def failed(error: BaseException) -> None:
            if isinstance(error, OSError):  # (the progress goes first, then the files)
                self.page.inform("Could not purge", f"Your progress on {sid!r} is gone, but its files could not be "
                                 f"removed ({error}). Remove the folder {authoring.trash_dir(data) / sid} by hand.",
                                 error=True)
                ctx.notify(PROGRESS, self.page)  # its answers no longer count in the scores
            else:
                self.page.inform("Could not purge", f"{sid}: {error}. Nothing was removed; try again.", error=True)

        # Its answers no longer count in the scores: a progress notice.
        op = Operation(ctx, work, changes=PROGRESS, what=f"purging {sid}")
        op.on_failure(failed)  # (said here, and logged with its traceback)
        op.run_modal(self, "Purging", sid, initiator=self.page)
        self.fill()


class TopicsDialog(QDialog):
    """Add, rename or remove a set's topics (id and title)."""

    def __init__(self, topics: list[Topic], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Topics")
        self.resize(520, 360)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Id", "Title"])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self._sections: list[str] = []
        for t in topics:
            self.add_topic(t.id, t.title, t.section)
        add = QPushButton("Add topic")
        add.clicked.connect(lambda: self.add_topic("", ""))
        remove = QPushButton("Remove topic")
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("A question's topic must be one of these ids."))
        lay.addWidget(self.table)
        lay.addLayout(row)
        lay.addWidget(self.error)
        lay.addWidget(buttons)

    def add_topic(self, tid: str, title: str, section: str = "") -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        id_item = QTableWidgetItem(tid)
        id_item.setData(Qt.ItemDataRole.UserRole, section)
        self.table.setItem(r, 0, id_item)
        self.table.setItem(r, 1, QTableWidgetItem(title))

    def topics(self) -> list[Topic]:
        out: list[Topic] = []
        for r in range(self.table.rowCount()):
            id_item, title_item = self.table.item(r, 0), self.table.item(r, 1)
            tid = re.sub(r"[^a-z0-9_-]+", "-", (id_item.text() if id_item else "").strip().lower()).strip("-")
            title = (title_item.text() if title_item else "").strip()
            if tid or title:
                tid = tid or authoring.slug(title)
                out.append(Topic(tid, title or tid, (id_item.data(Qt.ItemDataRole.UserRole) if id_item else "") or ""))
        return out

    def accept(self) -> None:
        ids = [t.id for t in self.topics()]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            self.error.setText(f"Each topic needs its own id: {', '.join(dupes)} is used twice.")
            return
        super().accept()
