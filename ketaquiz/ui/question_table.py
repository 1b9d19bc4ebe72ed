"""The questions of a set as a sortable, filterable table.

A set can hold 100,000 questions. The model filters and sorts by itself, over plain Python lists: the rows shown
are a list of indexes into the set's questions, computed in one pass when the filter or the sort changes and given
to the view in one layout change. (A QSortFilterProxyModel asked Python about every row to filter, and about both
rows of every comparison to sort, then signalled each run of rows it hid or showed: seconds at 100k.)

The casefolded text the filter searches and each answer as shown are built once per question, off the UI thread
where the set is read (`row_texts`). An edit neither hides nor moves its row: the question being edited stays
where it is until the filter or the sort changes again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..core.questions import Question

COLUMNS = ("Id", "Topic", "Type", "Prompt", "Answer", "Origin")
PROMPT, ANSWER = COLUMNS.index("Prompt"), COLUMNS.index("Answer")
_Index = QModelIndex | QPersistentModelIndex
_DESC = Qt.SortOrder.DescendingOrder
_NO_HINT = QAbstractItemModel.LayoutChangeHint.NoLayoutChangeHint
_SORT_HINT = QAbstractItemModel.LayoutChangeHint.VerticalSortHint
_WITH_HINT = ("QList<QPersistentModelIndex>", "QAbstractItemModel::LayoutChangeHint")  # PySide's default: no args


def searchable(q: Question, answer: str | None = None) -> str:
    """What the text filter looks in: id, prompt, answer, explanation, source, choices and tags (casefolded)."""
    return " ".join([q.id, q.prompt, q.answer_text() if answer is None else answer, q.explanation, q.source,
                     " ".join(q.choices), " ".join(q.tags)]).casefold()


def _shown(text: str) -> str:
    """A long text as its cell shows it: one line, cut short."""
    return text.replace("\n", " ")[:200]


@dataclass(frozen=True)
class RowTexts:
    """Per question, in the set's order: its answer as text, and the casefolded text the filter searches."""

    answers: list[str]
    hay: list[str]


def row_texts(questions: list[Question]) -> RowTexts:
    """Build a set's RowTexts (plain Python: run it in the worker that reads the set; ~0.4 s at 100k)."""
    answers = [q.answer_text() for q in questions]
    return RowTexts(answers, [searchable(q, a) for q, a in zip(questions, answers, strict=True)])


class QuestionTableModel(QAbstractTableModel):
    """The set's questions that pass the filter, in the sort order (the list is shared with the set, edited in place).

    "Source row" is a question's index in the set's list (what `question`, `replace_question`, … take); a row of
    the model is a row of the table. With no filter and no sort they are the same.
    """

    def __init__(self, questions: list[Question] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._questions: list[Question] = questions if questions is not None else []
        self._flags: dict[str, str] = {}  # question id -> "error" | "warning"
        self._answers: list[str] | None = None  # per source row, once built
        self._hay: list[str] | None = None  # per source row, once built
        self._filter = ("", "", "")  # topic, type, casefolded text
        self._sort_column = -1  # -1: the set's order
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._keys: dict[int, list[str]] = {}  # column -> sort key per source row, built on the first sort by it
        self._order: list[int] | None = None  # every source row in the sort order, once computed
        self._rows: list[int] = list(range(len(self._questions)))  # the source row of each row shown

    def set_questions(self, questions: list[Question], texts: RowTexts | None = None,
                      filter_by: tuple[str, str, str] | None = None) -> None:
        """Show another list of questions (with its RowTexts when built already), under `filter_by` if given."""
        self.beginResetModel()
        self._questions = questions
        self._flags = {}
        if texts is not None and len(texts.hay) == len(texts.answers) == len(questions):
            self._answers, self._hay = texts.answers, texts.hay
        else:
            self._answers = self._hay = None  # built when first needed
        if filter_by is not None:
            self._filter = filter_by
        self._keys = {}
        self._order = None
        self._rows = self._matching()
        self.endResetModel()

    def set_suspended(self, ids: set[str]) -> None:
        """The ids of suspended questions: their Id shows greyed and italic, with a tooltip saying so."""
        self._suspended = ids
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def is_suspended(self, qid: str) -> bool:
        return qid in getattr(self, "_suspended", ())

    def set_flags(self, flags: dict[str, str]) -> None:
        """Mark rows with problems (error) or lint warnings (warning): a repaint of the Id column, no re-filter."""
        self._flags = flags
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0),
                                  [Qt.ItemDataRole.ForegroundRole])

    # --- filter and sort ----------------------------------------------------------------------------
    def filter_active(self) -> bool:
        """Whether a topic, type or text filter is set."""
        return any(self._filter)

    def set_filter(self, topic: str, qtype: str, text: str) -> bool:
        """Show only the questions of `topic` and `qtype` whose searchable text holds `text` (casefolded);
        "" matches all. Returns whether the filter changed. Rows still shown keep their selection."""
        old = self._filter
        new = (topic, qtype, text)
        if new == old:
            return False
        self._filter = new
        # A longer text (typing on) can only narrow: search the rows shown instead of all of them (unless an
        # edit since the last sort left a row out of its place).
        narrower = old[:2] == new[:2] and old[2] in text and (self._sort_column < 0 or self._order is not None)
        self._relayout(self._matching(self._rows if narrower else None), _NO_HINT)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort on a column's text, casefolded (-1: the set's order); equal texts stay in the set's order."""
        self._sort_column, self._sort_order = column, order
        self._order = None
        self._relayout(self._matching(), _SORT_HINT)

    def _matching(self, within: list[int] | None = None) -> list[int]:
        """The source rows passing the filter: among `within` (in its order), else among all in the sort order."""
        rows = within if within is not None else self._sorted_all()
        topic, qtype, text = self._filter
        qs = self._questions
        if topic:
            rows = [i for i in rows if qs[i].topic == topic]
        if qtype:
            rows = [i for i in rows if qs[i].type == qtype]
        if text:
            hay = self._haystack()
            rows = [i for i in rows if text in hay[i]]
        return rows if isinstance(rows, list) and rows is not within and rows is not self._order else list(rows)

    def _sorted_all(self) -> list[int] | range:
        if self._sort_column < 0:
            return range(len(self._questions))
        if self._order is None:
            keys = self._sort_keys(self._sort_column)
            self._order = sorted(range(len(keys)), key=keys.__getitem__, reverse=self._sort_order == _DESC)
        return self._order

    def _sort_keys(self, column: int) -> list[str]:
        keys = self._keys.get(column)
        if keys is None:
            qs = self._questions
            if column == ANSWER:
                keys = [_shown(a).casefold() for a in self._answer_texts()]
            elif column == PROMPT:
                keys = [_shown(q.prompt).casefold() for q in qs]
            else:
                field = ("id", "topic", "type", "prompt", "answer", "origin")[column]
                keys = [getattr(q, field).casefold() for q in qs]
            self._keys[column] = keys
        return keys

    def _key(self, row: int, column: int) -> str:
        """One source row's sort key for `column`, as `_sort_keys` builds it."""
        q = self._questions[row]
        if column == ANSWER:
            return _shown(self._answer_texts()[row]).casefold()
        if column == PROMPT:
            return _shown(q.prompt).casefold()
        return getattr(q, ("id", "topic", "type", "prompt", "answer", "origin")[column]).casefold()

    def _answer_texts(self) -> list[str]:
        if self._answers is None:
            self._answers = [q.answer_text() for q in self._questions]
        return self._answers

    def _haystack(self) -> list[str]:
        if self._hay is None:
            answers = self._answer_texts()
            self._hay = [searchable(q, a) for q, a in zip(self._questions, answers, strict=True)]
        return self._hay

    def _relayout(self, rows: list[int], hint: QAbstractItemModel.LayoutChangeHint) -> None:
        """Show `rows` instead, in one layout change: the view's selection and current row follow their
        questions, and drop those no longer shown."""
        self.layoutAboutToBeChanged[_WITH_HINT].emit([], hint)  # type: ignore[index]  # (PySide's stubs: no overloads)
        old = self.persistentIndexList()  # the view's current index and selection: a handful
        shown = len(self._rows)
        sources = [self._rows[p.row()] if 0 <= p.row() < shown else -1 for p in old]
        self._rows = rows
        if len(sources) <= 8:
            where = {s: self._find(s) for s in sources}
        else:
            wanted = set(sources)
            where = {s: r for r, s in enumerate(rows) if s in wanted}
        self.changePersistentIndexList(
            old, [self.index(where[s], p.column()) if where.get(s, -1) >= 0 else QModelIndex()
                  for p, s in zip(old, sources, strict=True)])
        self.layoutChanged[_WITH_HINT].emit([], hint)  # type: ignore[index]

    def _find(self, source_row: int) -> int:
        try:
            return self._rows.index(source_row)
        except ValueError:
            return -1

    # --- rows and questions -------------------------------------------------------------------------
    def source_row(self, row: int) -> int:
        """The source row (index in the set's list) of a row shown."""
        return self._rows[row]

    def row_of(self, source_row: int) -> int:
        """Where a question is shown, by source row: its row, or -1 when the filter hides it."""
        return self._find(source_row)

    def row_of_id(self, qid: str) -> int:
        """The first row shown whose question has this id, or -1."""
        qs = self._questions
        return next((r for r, i in enumerate(self._rows) if qs[i].id == qid), -1)

    def questions(self) -> list[Question]:
        return self._questions

    def question(self, source_row: int) -> Question:
        return self._questions[source_row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        src = self._rows[index.row()]
        q = self._questions[src]
        col = index.column()
        if col == 0 and self.is_suspended(q.id):
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{q.id} — suspended: out of study until unsuspended"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and not self._flags.get(q.id):
                return QBrush(QColor("#808080"))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == ANSWER:
                value = self._answers[src] if self._answers is not None else q.answer_text()
            else:
                value = (q.id, q.topic, q.type, q.prompt, "", q.origin)[col]
            return value if role == Qt.ItemDataRole.ToolTipRole or col not in (PROMPT, ANSWER) else _shown(value)
        if role == Qt.ItemDataRole.UserRole:
            return q
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            flag = self._flags.get(q.id)
            if flag == "error":
                return QBrush(QColor("#b00020"))
            if flag == "warning":
                return QBrush(QColor("#8a5a00"))
        return None

    # --- edits (rows stay put: see the module's docstring) ------------------------------------------
    def replace_question(self, source_row: int, q: Question) -> None:
        self._questions[source_row] = q
        if self._answers is not None:
            self._answers[source_row] = q.answer_text()
        if self._hay is not None:
            self._hay[source_row] = searchable(q, self._answers[source_row] if self._answers is not None else None)
        for column, keys in self._keys.items():
            keys[source_row] = self._key(source_row, column)
        self._order = None  # its sort key may have changed: the next filter sorts again
        row = self._find(source_row)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def insert_question(self, source_row: int, q: Question) -> None:
        """Add a question to the set at `source_row`; it is shown (at its place in the sort), whatever the filter."""
        self._questions.insert(source_row, q)
        if self._answers is not None:
            self._answers.insert(source_row, q.answer_text())
        if self._hay is not None:
            self._hay.insert(source_row, searchable(q, self._answers[source_row] if self._answers is not None else None))
        for column, keys in self._keys.items():
            keys.insert(source_row, self._key(source_row, column))
        self._order = None
        self._rows = [i + (i >= source_row) for i in self._rows]  # the same questions, renumbered
        row = self._insert_position(source_row)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, source_row)
        self.endInsertRows()

    def _insert_position(self, source_row: int) -> int:
        rows = self._rows
        if self._sort_column < 0:
            key: Any = source_row
            keys: Any = None
        else:
            keys = self._sort_keys(self._sort_column)
            key = keys[source_row]
        desc = self._sort_column >= 0 and self._sort_order == _DESC
        lo, hi = 0, len(rows)
        while lo < hi:  # after the rows whose keys are equal: a new question comes last among equals
            mid = (lo + hi) // 2
            k = rows[mid] if keys is None else keys[rows[mid]]
            if (k >= key) if desc else (k <= key):
                lo = mid + 1
            else:
                hi = mid
        return lo

    def remove_question(self, source_row: int) -> Question:
        row = self._find(source_row)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        q = self._questions.pop(source_row)
        for texts in (self._answers, self._hay, *self._keys.values()):
            if texts is not None:
                del texts[source_row]
        self._order = None
        self._rows = [i - (i > source_row) for i in self._rows]
        return q
