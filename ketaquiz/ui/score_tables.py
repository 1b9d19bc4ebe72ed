"""The Scores page's tables: true retention, the session history, and the hardest questions (each in its box)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.dashboard import HardQuestion, RetentionRow, SessionRow
from . import plain
from .score_charts import pct


def _table(headers: list[str], name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setAccessibleName(name)
    t.verticalHeader().hide()
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _no_selection(t: QTableWidget) -> None:
    """A freshly filled table shows no row as chosen (nothing was)."""
    t.clearSelection()
    t.setCurrentIndex(QModelIndex())


def _item(text: str, align_right: bool = False) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    if align_right:
        it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return it


class RetentionBox(QGroupBox):
    """True retention per period, young and mature questions apart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("True retention (questions in review)", parent)
        rl = QVBoxLayout(self)
        self.table = _table(["Period", "Young", "Mature", "All"], "True retention")
        self.table.setToolTip("Share of answers right when a learned question came back. Young: last seen "
                              "under 21 days before; mature: 21 days or more.")
        self.table.setMaximumHeight(230)
        rh = self.table.horizontalHeader()  # the four columns share the box's width
        rh.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        rl.addWidget(self.table)

    def show_rows(self, retention: list[RetentionRow]) -> None:
        t = self.table
        t.setRowCount(len(retention))
        for i, r in enumerate(retention):
            t.setItem(i, 0, _item(r.period))
            t.setItem(i, 1, _item(f"{pct(r.young)}  ({r.young_passed}/{r.young_total})", True))
            t.setItem(i, 2, _item(f"{pct(r.mature)}  ({r.mature_passed}/{r.mature_total})", True))
            n = r.young_total + r.mature_total
            t.setItem(i, 3, _item(f"{pct(r.total)}  ({r.young_passed + r.mature_passed}/{n})", True))
        _no_selection(t)
        # Columns fit the width by the header's modes (sizing them to contents here would undo the stretch);
        # tall enough for every period without a scroll bar.
        rows = sum(t.rowHeight(i) for i in range(t.rowCount()))
        t.setMinimumHeight(min(t.maximumHeight(), t.horizontalHeader().sizeHint().height() + rows + 2 * t.frameWidth()))


class SessionsBox(QGroupBox):
    """The latest study sessions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Sessions", parent)
        sl = QVBoxLayout(self)
        self.table = _table(["Started", "Set", "Answered", "Right", "Score", "Minutes"], "Session history")
        self.table.setMaximumHeight(220)
        sh = self.table.horizontalHeader()  # the set's title takes the spare width
        sh.setStretchLastSection(False)
        sh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        sh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        sl.addWidget(self.table)

    def show_rows(self, sessions: list[SessionRow], titles: dict[str, str]) -> None:
        """`titles`: set id → title (deleted sets too)."""
        t = self.table
        t.setRowCount(len(sessions))
        for i, s in enumerate(sessions):
            start = datetime.fromtimestamp(s.started_at).astimezone()
            t.setItem(i, 0, _item(start.strftime("%Y-%m-%d %H:%M")))
            t.setItem(i, 1, _item(titles.get(s.set_id or "", "All sets")))
            t.setItem(i, 2, _item(str(s.answered), True))
            t.setItem(i, 3, _item(str(s.correct), True))
            t.setItem(i, 4, _item(pct(s.score), True))
            t.setItem(i, 5, _item("…" if s.ended_at is None else f"{(s.ended_at - s.started_at) / 60:.0f}", True))
        _no_selection(t)


class HardestBox(QGroupBox):
    """The hardest questions, by wrong answers or by recall now, each with a Study now button.

    `order_changed` asks for the rows in the order chosen; `study` carries the key of a question to study now.
    """

    order_changed = Signal()
    study = Signal(object)  # a question key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Hardest questions", parent)
        hl = QVBoxLayout(self)
        hrow = QHBoxLayout()
        self.combo = QComboBox()
        self.combo.addItem("Most wrong answers", "lapses")
        self.combo.addItem("Lowest recall now", "retrievability")
        self.combo.setAccessibleName("Order the hardest questions by")
        self.combo.currentIndexChanged.connect(lambda _i: self.order_changed.emit())
        hrow.addWidget(QLabel("Order by"))
        hrow.addWidget(self.combo)
        hrow.addStretch(1)
        hl.addLayout(hrow)
        self.table = _table(["Question", "Topic", "Wrong", "Answers", "Recall now", ""], "Hardest questions")
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(200)
        self.table.setMaximumHeight(320)
        hl.addWidget(self.table)
        self.study_buttons: list[QPushButton] = []

    def order(self) -> str:
        """"lapses" (most wrong answers) or "retrievability" (lowest recall now)."""
        return self.combo.currentData() or "lapses"

    def show_rows(self, rows: list[HardQuestion], by: str) -> None:
        t = self.table
        t.setRowCount(0)  # drops the old buttons at once (replaced ones would linger until deleted)
        t.setRowCount(len(rows))
        self.study_buttons = []
        for i, h in enumerate(rows):
            prompt = _item(h.prompt or h.question_id)
            prompt.setToolTip(plain.tooltip(h.prompt))
            t.setItem(i, 0, prompt)
            t.setItem(i, 1, _item(h.topic))
            t.setItem(i, 2, _item(str(h.lapses), True))
            t.setItem(i, 3, _item(str(h.reviews), True))
            t.setItem(i, 4, _item(pct(h.retrievability), True))
            b = QPushButton("Study now")
            b.setAccessibleName(f"Study now: {h.prompt[:60]}")
            b.clicked.connect(lambda _c=False, key=h.key: self.study.emit(key))
            t.setCellWidget(i, 5, b)
            self.study_buttons.append(b)
        t.resizeColumnToContents(5)
        if not rows:
            t.setRowCount(1)
            t.setItem(0, 0, _item("No wrong answers yet." if by == "lapses" else "Nothing studied yet."))
        _no_selection(t)
