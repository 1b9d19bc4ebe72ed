"""The Sets page's questions: the filter boxes, the table of the open set's questions, the question editor beside
or below it, and the buttons that act on the chosen question (add, delete, show its source, suspend)."""

from __future__ import annotations

import copy
import functools
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.question_types import kind_of, type_names
from ..core.questions import Question, QuestionSet, Topic
from .changes import PROGRESS
from .question_editor import QuestionEditor
from .question_table import ANSWER, PROMPT, QuestionTableModel, RowTexts
from .reflow import ReflowSplitter

if TYPE_CHECKING:
    from .sets_page import SetsPage



class _OtherIds:
    """`qid in view`: does a question other than the one at source row `row` hold `qid`? Read from the page's
    live id counts and the questions list, so it stays true through edits, and choosing a row copies nothing."""

    __slots__ = ("_counts", "_questions", "_row")

    def __init__(self, counts: Counter[str], questions: list[Question], row: int) -> None:
        self._counts = counts
        self._questions = questions
        self._row = row

    def __contains__(self, qid: object) -> bool:
        if not isinstance(qid, str):
            return False
        n = self._counts.get(qid, 0)
        if n != 1:
            return n > 1
        qs, row = self._questions, self._row
        return not (0 <= row < len(qs) and qs[row].id == qid)  # the one holder is not the question edited


class QuestionsPane(QWidget):
    """The open set's questions (the page's `qset`, read only when the page's `read_only` says so).

    `edited(now)` says the questions changed here: the page marks itself dirty and has the set checked again,
    at once (`now`) or when the typing pauses.
    """

    SIDE_BY_SIDE = 720  # from this width of the questions area the editor sits beside the table
    FILTER_PAUSE_MS = 150  # typing in the filter box: the filter is applied once the keys pause this long

    edited = Signal(bool)

    def __init__(self, page: SetsPage, below: list[QWidget]) -> None:
        """`below`: widgets of the page's shown under the table (its status line and problem list)."""
        super().__init__(page)
        self.page = page
        self.row: int | None = None  # source row in the editor
        # For the editor's duplicate-id check: how many questions hold each id, kept up to date through edits,
        # additions and removals (built on demand, for the questions list it counts).
        self._id_counts: Counter[str] = Counter()
        self._counted: list[Question] | None = None
        self._make_filters()
        self._make_table()
        self._make_buttons()
        self.editor = QuestionEditor()
        self.editor.edited.connect(self._question_edited)
        self.editor.setMinimumWidth(300)

        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 2)
        filters.addWidget(self.topic_filter, 1)
        filters.addWidget(self.type_filter, 1)
        table_box = QWidget()
        tl = QVBoxLayout(table_box)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addLayout(filters)
        tl.addWidget(self.table, 1)
        for w in below:
            tl.addWidget(w)
        # Table and editor side by side when there is room for both, the editor below the table when not.
        split = ReflowSplitter(self.SIDE_BY_SIDE, share_beside=0.58, share_above=0.5, second_beside=(360, 520))
        split.addWidget(table_box)
        split.addWidget(self.editor)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.splitter = split
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)

    def _make_filters(self) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter by text…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(160)
        self.topic_filter = QComboBox()
        self.type_filter = QComboBox()
        for combo in (self.topic_filter, self.type_filter):  # as narrow as a few letters; wider when there is room
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(9)
        self.type_filter.addItem("All types", "")
        for t in type_names():
            self.type_filter.addItem(kind_of(t).label, t)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(self.FILTER_PAUSE_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self._holding_filter = False  # while several filter boxes are reset together
        self.filter_edit.textChanged.connect(self._filter_typed)
        self.filter_edit.returnPressed.connect(self.apply_filter)
        self.topic_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.type_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())

    def _make_table(self) -> None:
        self.model = QuestionTableModel()  # filters and sorts by itself: no proxy (see question_table)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(False)
        # Id, Prompt and Answer first: on a narrow table those stay in view, the rest scrolls sideways.
        hh.moveSection(hh.visualIndex(PROMPT), 1)
        hh.moveSection(hh.visualIndex(ANSWER), 2)
        hh.sectionResized.connect(self._column_resized)
        hh.setResizeContentsPrecision(200)  # columns sized on the first rows: a 100k-row set opens without a scan
        self.table.viewport().installEventFilter(self)
        self._fitting = False
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        hh.sortIndicatorChanged.connect(self._sorted)  # connected after the view's own slot: runs once sorted

    def _make_buttons(self) -> None:
        self.add_btn = QToolButton()
        self.add_btn.setText("Add question")
        self.add_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        add_menu = QMenu(self.add_btn)
        for t in type_names():
            add_menu.addAction(kind_of(t).label, functools.partial(self.add_question, t))
        self.add_btn.setMenu(add_menu)
        self.remove_btn = QPushButton("Delete question")
        self.remove_btn.clicked.connect(self.remove_question)
        self.source_btn = QPushButton("Show source in article")
        self.source_btn.clicked.connect(self.show_source)
        self.suspend_btn = QPushButton("Suspend")
        self.suspend_btn.setToolTip("A suspended question is out of study (every queue and count) until unsuspended; "
                                    "its progress is kept")
        self.suspend_btn.clicked.connect(self.toggle_suspended)

    # --- showing a set --------------------------------------------------------------
    def show_set(self, qset: QuestionSet, texts: RowTexts | None, read_only: bool) -> None:
        """The set just opened: its topics in the filter, its questions in the table (filters kept), none chosen."""
        self._counted = None  # the set left behind is not kept alive by its id counts
        self._id_counts = Counter()
        self._fill_topics(qset.topics)
        self._filter_timer.stop()
        self.model.set_questions(qset.questions, texts, self._filter_values())  # text and type filters stay on
        self._size_columns()
        self.editor.set_read_only(read_only)
        self.editor.clear()
        self.row = None
        self.add_btn.setEnabled(not read_only)
        self.remove_btn.setEnabled(False)  # until a question is chosen
        self.source_btn.setEnabled(False)
        self._load_suspended()
        self._show_suspended(None)

    def clear(self) -> None:
        """No set open (one being read, or one that cannot be read): nothing to edit."""
        self.model.set_questions([])
        self.editor.clear()
        self.row = None

    def set_topics(self, topics: list[Topic]) -> None:
        """The set's topics changed: the topic filter lists them, the editor offers them."""
        self._fill_topics(topics)
        self.apply_filter()
        if self.row is not None:
            q = self.model.question(self.row)
            self.editor.set_context(topics, self.page.article, self._other_ids(self.row), self._media_folder())
            self.editor.load(q)

    def _fill_topics(self, topics: list[Topic]) -> None:
        self.topic_filter.blockSignals(True)
        self.topic_filter.clear()
        self.topic_filter.addItem("All topics", "")
        for t in topics:
            self.topic_filter.addItem(t.title, t.id)
        self.topic_filter.blockSignals(False)

    # --- fitting the columns ----------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802, ANN001 (Qt override)
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _column_resized(self, index: int, _old: int, _new: int) -> None:
        if index != PROMPT and not self._fitting:
            self._fit_columns()

    def _size_columns(self) -> None:
        """Columns as wide as their content (within bounds) for the set just opened; Prompt takes the rest."""
        self._fitting = True
        for col, low, high in ((0, 90, 190), (1, 60, 110), (2, 56, 90), (4, 90, 130), (5, 56, 90)):
            width = self.table.sizeHintForColumn(col) if self.model.rowCount() else 0
            header = self.table.horizontalHeader().sectionSizeHint(col)
            self.table.setColumnWidth(col, max(low, min(high, max(width, header) + 8)))
        self._fitting = False
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Prompt fills the table's width, but never narrower than it stays readable (the table scrolls instead)."""
        self._fitting = True
        others = sum(self.table.columnWidth(c) for c in range(self.model.columnCount()) if c != PROMPT)
        self.table.setColumnWidth(PROMPT, max(200, self.table.viewport().width() - others))
        self._fitting = False

    # --- filtering ------------------------------------------------------------------
    def _filter_values(self) -> tuple[str, str, str]:
        return (self.topic_filter.currentData() or "", self.type_filter.currentData() or "",
                self.filter_edit.text().strip().casefold())

    def _filter_typed(self, text: str) -> None:
        if text.strip():
            self._filter_timer.start()
        else:
            self.apply_filter()  # emptied (the clear button, or the page before selecting a question): at once

    def apply_filter(self) -> None:
        """Show the questions passing the filter boxes now (typing waits for a pause). The question in the editor
        stays chosen while it is shown; when the filter hides it, the first row shown is chosen instead."""
        self._filter_timer.stop()
        if self._holding_filter or not self.model.set_filter(*self._filter_values()):
            return
        self._keep_current()

    def clear_filters(self, keep_topic: bool = False) -> None:
        """Empty the filter boxes (all but the topic if `keep_topic`): one re-filter, not one per box."""
        self._holding_filter = True
        try:
            self.filter_edit.clear()
            self.type_filter.setCurrentIndex(0)
            if not keep_topic:
                self.topic_filter.setCurrentIndex(0)
        finally:
            self._holding_filter = False
        self.apply_filter()

    def _keep_current(self) -> None:
        """After a filter: the current question scrolled into view, else the first row chosen, else none."""
        current = self.table.currentIndex()
        if current.isValid():
            self.table.scrollTo(current)
        elif self.model.rowCount():
            self.select_row(0)
        else:
            self._row_chosen(QModelIndex(), QModelIndex())

    def _sorted(self, _column: int, _order: Qt.SortOrder) -> None:
        if self.table.currentIndex().isValid():
            self.table.scrollTo(self.table.currentIndex())

    def focus_filter(self) -> None:
        """To the text filter, its text selected."""
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    # --- choosing a question ----------------------------------------------------------
    def select_row(self, row: int) -> None:
        idx = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def select_question(self, qid: str) -> None:
        row = self.model.row_of_id(qid)
        if row >= 0:
            self.select_row(row)

    def show_question(self, qid: str) -> None:
        """Choose this question, the filters emptied so that it is shown."""
        self.clear_filters()
        self.select_question(qid)

    def current_id(self) -> str | None:
        """The id of the question in the editor."""
        return self.model.question(self.row).id if self.row is not None else None

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        qset = self.page.qset
        if not current.isValid() or qset is None:
            self.row = None
            self.editor.clear()
            self.source_btn.setEnabled(False)
            self.remove_btn.setEnabled(False)  # nothing chosen to delete
            self._show_suspended(None)
            return
        self.remove_btn.setEnabled(not self.page.read_only)
        row = self.model.source_row(current.row())
        self.row = row
        q = self.model.question(row)
        self.editor.set_context(qset.topics, self.page.article, self._other_ids(row), self._media_folder())
        self.editor.load(q)
        self.source_btn.setEnabled(bool(q.source) and self.page.article is not None)
        self._show_suspended(q.id)

    def show_source(self) -> None:
        qset = self.page.qset
        if qset is None or self.row is None:
            return
        q = self.model.question(self.row)
        if q.source:
            self.page.ctx.show_in_article.emit(qset.id, q.source)
            self.page.ctx.page_requested.emit("article")

    # --- suspending -----------------------------------------------------------------
    def _show_suspended(self, qid: str | None) -> None:
        """The Suspend button for the chosen question: enabled for a question the store has (saved), its label
        what pressing it does."""
        qset = self.page.qset
        known = (qid is not None and qset is not None
                 and self.page.ctx.store.question_key(qset.id, qid) is not None)
        self.suspend_btn.setEnabled(known)
        self.suspend_btn.setText("Unsuspend" if known and self.model.is_suspended(qid or "") else "Suspend")

    def _load_suspended(self) -> None:
        from ..core.suspend import suspended_ids

        qset = self.page.qset
        ids = set(suspended_ids(self.page.ctx.store, qset.id)) if qset is not None else set()
        self.model.set_suspended(ids)

    def toggle_suspended(self) -> None:
        """Suspend the chosen question, or unsuspend it."""
        from ..core.store import StoreError
        from ..core.suspend import SuspendError, set_suspended

        qset = self.page.qset
        if qset is None or self.row is None:
            return
        qid = self.model.question(self.row).id
        try:
            set_suspended(self.page.ctx.store, qset.id, [qid], not self.model.is_suspended(qid))
        except (SuspendError, StoreError) as e:
            self.page.status.setText(f"Could not change it: {e}")
            return
        self._load_suspended()
        self._show_suspended(qid)
        self.page.ctx.notify(PROGRESS, self.page)

    def _media_folder(self) -> Path | None:
        """The open set's folder: the images its questions name are there (the editor's preview shows them)."""
        qset = self.page.qset
        return qset.path.parent if qset is not None and qset.path is not None else None

    # --- ids --------------------------------------------------------------------------
    def _other_ids(self, row: int) -> _OtherIds:
        """The ids held by questions other than the one at source row `row`: a view, nothing copied."""
        assert self.page.qset is not None
        return _OtherIds(self._ids_counted(), self.page.qset.questions, row)

    def _ids_counted(self) -> Counter[str]:
        """How many questions of the open set hold each id (counted once per set, then kept up to date)."""
        assert self.page.qset is not None
        qs = self.page.qset.questions
        if self._counted is not qs:
            self._id_counts = Counter(q.id for q in qs)
            self._counted = qs
        return self._id_counts

    def _recount(self, gone: str | None, new: str | None) -> None:
        """An id left the set (`gone`) and/or came into it (`new`): the counts follow, if they are kept."""
        if self.page.qset is None or self._counted is not self.page.qset.questions:
            return
        counts = self._id_counts
        if gone is not None:
            counts[gone] -= 1
            if counts[gone] <= 0:
                del counts[gone]
        if new is not None:
            counts[new] += 1

    # --- editing ----------------------------------------------------------------------
    def _question_edited(self, q: Question) -> None:
        if self.row is None or self.page.qset is None or self.page.read_only:
            return
        old = self.model.question(self.row).id
        if q.id != old:
            self._recount(old, q.id)
        self.model.replace_question(self.row, q)
        self.edited.emit(False)  # typing: re-check the whole set once the keys stop

    def add_question(self, qtype: str = "short") -> Question | None:
        qset = self.page.qset
        if qset is None or self.page.read_only:
            return None
        topic = self.topic_filter.currentData() or (qset.topics[0].id if qset.topics else "general")
        existing = self._ids_counted()  # kept up to date: no pass over every question
        n = len(qset.questions) + 1
        while existing[f"{topic}-q{n}"]:
            n += 1
        kind = kind_of(qtype)  # its template: a prompt to overwrite and empty answer fields
        q = Question(id=f"{topic}-q{n}", topic=topic, type=qtype, prompt=kind.new_prompt, origin="written",
                     **copy.deepcopy(kind.new_fields))
        self.clear_filters(keep_topic=True)
        self._recount(None, q.id)
        self.model.insert_question(len(qset.questions), q)
        self.edited.emit(True)
        self.select_question(q.id)
        self.editor.prompt_edit.setFocus()
        self.editor.prompt_edit.selectAll()
        return q

    def remove_question(self) -> None:
        if self.row is None or self.page.qset is None or self.page.read_only:
            return
        q = self.model.question(self.row)
        if not self.page.confirm("Delete question", f"Delete question {q.id!r}?\n\n{q.prompt[:200]}"):
            return
        self._recount(q.id, None)
        self.model.remove_question(self.row)
        # Qt made a neighbouring row current while the row went (the editor shows it), but that row's source
        # row was counted before the removal, and it is not selected: choose it again, renumbered.
        current = self.table.currentIndex()
        self.row = None
        if current.isValid():
            self.table.selectionModel().clearCurrentIndex()
            self.select_row(current.row())
        else:
            self._row_chosen(QModelIndex(), QModelIndex())
        self.edited.emit(True)

