"""The questions of a set as a sortable, filterable table.

A set can hold 100,000 questions, so nothing here runs Python once per row when a set opens: the proxy has no
Python ``filterAcceptsRow`` (with no filter its C++ one accepts every row at once), and a filter is decided for
all rows in one pass over precomputed fields (the searchable text is built on the first text filter), then
handed to the proxy's own C++ filter through a role that answers from that array.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ..core.questions import Question

COLUMNS = ("Id", "Topic", "Type", "Prompt", "Answer", "Origin")
PROMPT, ANSWER = COLUMNS.index("Prompt"), COLUMNS.index("Answer")
FILTER_ROLE = Qt.ItemDataRole.UserRole + 1  # "1" when the row passes the current filter, "0" when not
_Index = QModelIndex | QPersistentModelIndex
_ACCEPT = QRegularExpression("^1$")


def searchable(q: Question) -> str:
    """What the text filter looks in: id, prompt, answer, explanation, source, choices and tags (casefolded)."""
    return " ".join([q.id, q.prompt, q.answer_text(), q.explanation, q.source, " ".join(q.choices),
                     " ".join(q.tags)]).casefold()


class QuestionTableModel(QAbstractTableModel):
    """Rows are the set's questions (the list is shared with the set, edited in place)."""

    def __init__(self, questions: list[Question] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._questions: list[Question] = questions if questions is not None else []
        self._flags: dict[str, str] = {}  # question id -> "error" | "warning"
        self._filter = ("", "", "")  # topic, type, casefolded text
        self._hay: list[str] | None = None  # searchable text per row, built on the first text filter
        self._accepted = bytearray()  # per row: 1 when it passes the filter (meaningful while one is active)

    def set_questions(self, questions: list[Question]) -> None:
        self.beginResetModel()
        self._questions = questions
        self._flags = {}
        self._hay = None
        self._refilter_rows()
        self.endResetModel()

    def set_flags(self, flags: dict[str, str]) -> None:
        """Mark rows with problems (error) or lint warnings (warning): a repaint of the Id column, no re-filter."""
        self._flags = flags
        if self._questions:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._questions) - 1, 0),
                                  [Qt.ItemDataRole.ForegroundRole])

    # --- filtering: decided for every row in one pass -------------------------------------------
    def filter_active(self) -> bool:
        return any(self._filter)

    def set_filter(self, topic: str, qtype: str, text: str) -> None:
        """The rows passing topic, type and (casefolded) text; the proxy re-reads them through FILTER_ROLE."""
        self._filter = (topic, qtype, text)
        self._refilter_rows()

    def _accepts(self, row: int) -> bool:
        topic, qtype, text = self._filter
        q = self._questions[row]
        if (topic and q.topic != topic) or (qtype and q.type != qtype):
            return False
        if text:
            if self._hay is None:
                self._hay = [searchable(x) for x in self._questions]
            return text in self._hay[row]
        return True

    def _refilter_rows(self) -> None:
        topic, qtype, text = self._filter
        qs = self._questions
        if not (topic or qtype or text):
            self._accepted = bytearray()
            return
        ok = [True] * len(qs)
        if topic:
            ok = [a and q.topic == topic for a, q in zip(ok, qs, strict=True)]
        if qtype:
            ok = [a and q.type == qtype for a, q in zip(ok, qs, strict=True)]
        if text:
            if self._hay is None:
                self._hay = [searchable(q) for q in qs]
            ok = [a and text in h for a, h in zip(ok, self._hay, strict=True)]
        self._accepted = bytearray(ok)

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
        if role == FILTER_ROLE:
            return "1" if not self._accepted or self._accepted[index.row()] else "0"
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            flag = self._flags.get(q.id)
            if flag == "error":
                return QBrush(QColor("#b00020"))
            if flag == "warning":
                return QBrush(QColor("#8a5a00"))
        return None

    def replace_question(self, row: int, q: Question) -> None:
        self._questions[row] = q
        if self._hay is not None:
            self._hay[row] = searchable(q)
        if self._accepted:
            self._accepted[row] = self._accepts(row)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def insert_question(self, row: int, q: Question) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._questions.insert(row, q)
        if self._hay is not None:
            self._hay.insert(row, searchable(q))
        if self._accepted:
            self._accepted.insert(row, self._accepts(row))
        self.endInsertRows()

    def remove_question(self, row: int) -> Question:
        self.beginRemoveRows(QModelIndex(), row, row)
        q = self._questions.pop(row)
        if self._hay is not None:
            del self._hay[row]
        if self._accepted:
            del self._accepted[row]
        self.endRemoveRows()
        return q


class QuestionFilterProxy(QSortFilterProxyModel):
    """Filter by topic, type and text (prompt, answer, id, explanation, source); sort on any column.

    The model decides which rows pass (one pass over all rows when a filter changes); this proxy's C++ filter
    reads that through FILTER_ROLE. With no filter the pattern is empty, and Qt accepts every row without
    asking the model: opening a 100,000-question set costs no Python call per row.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._topic = ""
        self._type = ""
        self._text = ""
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(0)

    def set_topic(self, topic: str) -> None:
        self._set_filter(topic or "", self._type, self._text)

    def set_type(self, qtype: str) -> None:
        self._set_filter(self._topic, qtype or "", self._text)

    def set_text(self, text: str) -> None:
        self._set_filter(self._topic, self._type, text.strip().casefold())

    def _set_filter(self, topic: str, qtype: str, text: str) -> None:
        if (topic, qtype, text) == (self._topic, self._type, self._text):
            return  # unchanged: no re-filter (opening a set resets the topic filter to "" every time)
        self._topic, self._type, self._text = topic, qtype, text
        model = self.sourceModel()
        active = bool(topic or qtype or text)
        pattern = _ACCEPT if active else QRegularExpression()
        if self.filterRegularExpression().pattern() != pattern.pattern():  # on or off: Qt re-filters once
            if isinstance(model, QuestionTableModel):
                model.set_filter(topic, qtype, text)
            self.setFilterRegularExpression(pattern)
        elif hasattr(self, "beginFilterChange"):  # another filter: Qt 6.9+ (invalidateFilter() deprecated there)
            self.beginFilterChange()
            if isinstance(model, QuestionTableModel):
                model.set_filter(topic, qtype, text)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            if isinstance(model, QuestionTableModel):
                model.set_filter(topic, qtype, text)
            self.invalidateFilter()
