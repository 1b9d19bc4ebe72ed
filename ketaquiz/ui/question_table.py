"""The questions of a set as a sortable, filterable table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from ..core.questions import Question

COLUMNS = ("Id", "Topic", "Type", "Prompt", "Answer", "Origin")
PROMPT, ANSWER = COLUMNS.index("Prompt"), COLUMNS.index("Answer")
_Index = QModelIndex | QPersistentModelIndex


class QuestionTableModel(QAbstractTableModel):
    """Rows are the set's questions (the list is shared with the set, edited in place)."""

    def __init__(self, questions: list[Question] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._questions: list[Question] = questions if questions is not None else []
        self._flags: dict[str, str] = {}  # question id -> "error" | "warning"

    def set_questions(self, questions: list[Question]) -> None:
        self.beginResetModel()
        self._questions = questions
        self._flags = {}
        self.endResetModel()

    def set_flags(self, flags: dict[str, str]) -> None:
        """Mark rows with problems (error) or lint warnings (warning)."""
        self._flags = flags
        if self._questions:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._questions) - 1, len(COLUMNS) - 1))

    def questions(self) -> list[Question]:
        return self._questions

    def question(self, row: int) -> Question:
        return self._questions[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else len(self._questions)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        q = self._questions[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = (q.id, q.topic, q.type, q.prompt, q.answer_text(), q.origin)[col]
            return value if role == Qt.ItemDataRole.ToolTipRole or col not in (3, 4) else value.replace("\n", " ")[:200]
        if role == Qt.ItemDataRole.UserRole:
            return q
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            flag = self._flags.get(q.id)
            if flag == "error":
                return QBrush(QColor("#b00020"))
            if flag == "warning":
                return QBrush(QColor("#8a5a00"))
        return None

    def replace_question(self, row: int, q: Question) -> None:
        self._questions[row] = q
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def insert_question(self, row: int, q: Question) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._questions.insert(row, q)
        self.endInsertRows()

    def remove_question(self, row: int) -> Question:
        self.beginRemoveRows(QModelIndex(), row, row)
        q = self._questions.pop(row)
        self.endRemoveRows()
        return q


class QuestionFilterProxy(QSortFilterProxyModel):
    """Filter by topic, type and text (prompt, answer, id, explanation, source); sort on any column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._topic = ""
        self._type = ""
        self._text = ""
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_topic(self, topic: str) -> None:
        self._refilter(lambda: setattr(self, "_topic", topic or ""))

    def set_type(self, qtype: str) -> None:
        self._refilter(lambda: setattr(self, "_type", qtype or ""))

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_text", text.strip().casefold()))

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, QuestionTableModel):
            return True
        q = model.question(source_row)
        if self._topic and q.topic != self._topic:
            return False
        if self._type and q.type != self._type:
            return False
        if self._text:
            hay = " ".join([q.id, q.prompt, q.answer_text(), q.explanation, q.source, " ".join(q.choices),
                            " ".join(q.tags)]).casefold()
            return self._text in hay
        return True
