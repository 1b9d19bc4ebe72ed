"""The Sets page: list, create, rename, duplicate, delete, import and export sets; edit their questions."""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import authoring, exporters, presets
from ..core.article import Article
from ..core.articlefile import ArticleFileError, load_set_article
from ..core.check import check_set
from ..core.importers import ImportError_, ImportResult, history_summary, import_file, load_imported
from ..core.library import read_and_check
from ..core.lint import lint_set
from ..core.question_types import kind_of, type_names
from ..core.questions import Question, QuestionSet, Topic
from ..core.setfile import SetFileError, find_set_files, read_set
from ..core.store import StoreError
from . import plain
from .context import AppContext, StudyRequest
from .question_editor import QuestionEditor
from .question_table import ANSWER, PROMPT, QuestionTableModel, RowTexts, row_texts
from .reflow import ReflowSplitter, flow_row
from .workers import Job, Report, run_with_progress


@dataclass
class SetEntry:
    """One line of the set list."""

    id: str
    title: str
    path: Path
    bundled: bool
    problem: str = ""  # why the set is not loaded, if it is not (the last known reason while `pending`)
    pending: str = ""  # work under way on a set file not loaded: "checking…" or "loading…"

    @property
    def label(self) -> str:
        """The line shown in the set list."""
        return (self.title + ("  · bundled" if self.bundled else "") + ("  ⚠" if self.problem else "")
                + (f"  ({self.pending})" if self.pending else ""))

    @property
    def tooltip(self) -> str:
        return f"{self.id} — {self.path}" + "".join(f"\n{t}" for t in (self.problem, self.pending) if t)


Stamp = tuple[int, int]  # a file's (mtime in ns, size): it is read again only when this changes
_NO_STAMP: Stamp = (-1, -1)  # a file gone since it was listed


def _stamp(path: Path) -> Stamp:
    try:
        st = path.stat()
    except OSError:
        return _NO_STAMP
    return st.st_mtime_ns, st.st_size


@dataclass(frozen=True)
class _Checked:
    """A user set file the library did not load, as read and checked at `stamp`."""

    stamp: Stamp
    id: str
    title: str
    problem: str  # "" when it reads and checks without problems


def _read_and_check(path: Path, stamp: Stamp) -> _Checked:
    """Read and check a set file as the library does before loading it (in a worker: a big file takes seconds)."""
    qset, problem = read_and_check(path)
    if qset is None:
        return _Checked(stamp, path.parent.name, path.parent.name, problem)
    return _Checked(stamp, qset.id, qset.title, problem)


class _OtherIds:
    """`qid in view`: does a question other than the one at source row `row` hold `qid`? Read from the page's
    live id counts and the questions list, so it stays true through edits, and choosing a row copies nothing."""

    __slots__ = ("_counts", "_questions", "_row")

    def __init__(self, counts: Counter[str], questions: list[Question], row: int) -> None:
        self._counts = counts
        self._questions = questions
        self._row = row

    def __contains__(self, qid: object) -> bool:
        n = self._counts.get(qid, 0)  # type: ignore[call-overload]
        if n != 1:
            return n > 1
        qs, row = self._questions, self._row
        return not (0 <= row < len(qs) and qs[row].id == qid)  # the one holder is not the question edited


def _article_of(qset: QuestionSet) -> Article | None:
    """The set's article, when it has one that can be read."""
    if not qset.article or qset.path is None:
        return None
    try:
        return load_set_article(qset.path, qset.article)  # only a regular file in the set's folder, capped
    except ArticleFileError:
        return None


class SetsPage(QWidget):
    """Hosted by the main window; talks to other pages only through the AppContext."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.qset: QuestionSet | None = None
        self.article: Article | None = None
        self.dirty = False
        self.read_only = True
        self._row: int | None = None  # source row in the editor
        # For the editor's duplicate-id check: how many questions hold each id, kept up to date through edits,
        # additions and removals (built on demand, for the questions list it counts).
        self._id_counts: Counter[str] = Counter()
        self._counted: list[Question] | None = None
        self._preloaded: QuestionSet | None = None  # a set just imported, in memory: opened without a re-read
        self._problems_job: Job | None = None  # checking a big set in a worker
        self._problems_wanted = 0  # bumped by each request: an older check's result is dropped
        self._counts = (0, 0)  # errors and warnings found by the last check
        self._problems_of: QuestionSet | None = None  # the set those findings are about
        self._open_job: Job | None = None  # reading the set file chosen last; an older read's result is dropped
        self._loading: SetEntry | None = None  # the set being read, while "Loading…" shows
        self.errors: list = []
        # User set files the library did not load: read and checked in a worker, one at a time, and cached by
        # their (mtime, size). `_listed` holds those in the list now, resolved path → (path, stamp as listed).
        self._checked: dict[Path, _Checked] = {}
        self._listed: dict[Path, tuple[Path, Stamp]] = {}
        self._check_job: Job | None = None
        self._saving = False
        self._open_stamp: Stamp | None = None  # the open set's file as read (or saved) here

        # --- left: the sets ---
        self.set_list = QListWidget()
        self.set_list.setMinimumWidth(150)
        self.set_list.setWordWrap(True)
        self.set_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.set_list.setSpacing(2)
        self.set_list.currentItemChanged.connect(self._set_chosen)
        self.new_btn = QToolButton()
        self.new_btn.setText("New set")
        self.new_btn.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        new_menu = QMenu(self.new_btn)
        new_menu.addAction("Empty set…", self.ask_new_set)
        new_menu.addAction("From article…", self.open_article_wizard)
        new_menu.addAction("Import file…", self.ask_import)
        self.new_btn.setMenu(new_menu)
        self.new_btn.clicked.connect(self.ask_new_set)
        self.import_btn = QPushButton("Import…")
        self.import_btn.setToolTip("Import an Anki package (.apkg, .colpkg), a CSV/TSV or a KetaQuiz JSON file as a set")
        self.import_btn.clicked.connect(self.ask_import)
        self.more_btn = QToolButton()
        self.more_btn.setText("Set actions")
        self.more_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_btn)
        self.rename_act = more.addAction("Rename…", self.ask_rename)
        self.topics_act = more.addAction("Topics…", self.ask_topics)
        self.dup_act = more.addAction("Duplicate…", self.ask_duplicate)
        self.export_act = more.addAction("Export…", self.ask_export)
        more.addSeparator()
        self.delete_act = more.addAction("Delete…", self.ask_delete)
        self.trash_act = more.addAction("Deleted sets…", self.ask_trash)
        self.more_btn.setMenu(more)
        self.left = left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        title = QLabel("Question sets")
        title.setStyleSheet("font-weight: 600; font-size: 15px;")
        ll.addWidget(title)
        ll.addWidget(self.set_list, 1)
        self._list_buttons = QHBoxLayout()
        self._list_buttons.addWidget(self.new_btn)
        self._list_buttons.addWidget(self.import_btn)
        self._list_buttons.addWidget(self.more_btn)
        self._list_buttons.addStretch(1)
        ll.addLayout(self._list_buttons)
        # On a narrow page the list gives way to a drop-down of the same sets (same model) above the questions.
        self.set_combo = QComboBox()
        self.set_combo.setModel(self.set_list.model())
        self.set_combo.setAccessibleName("Question set")
        self.set_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.set_combo.setMinimumContentsLength(16)
        self.set_combo.activated.connect(self._combo_chosen)
        self.set_list.currentRowChanged.connect(self._sync_combo)
        self.set_bar = QWidget()
        self._bar_layout = QHBoxLayout(self.set_bar)
        self._bar_layout.setContentsMargins(0, 0, 0, 0)
        bar_label = QLabel("&Set")
        bar_label.setBuddy(self.set_combo)
        self._bar_layout.addWidget(bar_label)
        self._bar_layout.addWidget(self.set_combo, 1)
        self.set_bar.hide()
        self.narrow = False

        # --- right: the questions ---
        self.header = plain.label()
        self.header.setStyleSheet("font-weight: 600; font-size: 15px;")
        self.banner = plain.label()
        self.banner.setWordWrap(True)
        self.banner.hide()
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
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(self.FILTER_PAUSE_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self._holding_filter = False  # while several filter boxes are reset together
        self.filter_edit.textChanged.connect(self._filter_typed)
        self.filter_edit.returnPressed.connect(self.apply_filter)
        for seq, slot in ((QKeySequence.StandardKey.Save, self.save), (QKeySequence.StandardKey.Find, self.find)):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        self.topic_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.type_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())

        self.add_btn = QToolButton()
        self.add_btn.setText("Add question")
        self.add_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        add_menu = QMenu(self.add_btn)
        for t in type_names():
            add_menu.addAction(kind_of(t).label, lambda t=t: self.add_question(t))
        self.add_btn.setMenu(add_menu)
        self.remove_btn = QPushButton("Delete question")
        self.remove_btn.clicked.connect(self.remove_question)
        self.save_btn = QPushButton("Save")
        self.save_btn.setDefault(True)
        self.save_btn.clicked.connect(self.save)
        self.revert_btn = QPushButton("Revert")
        self.revert_btn.clicked.connect(self.revert)
        self.study_btn = QPushButton("Study this set")
        self.study_btn.clicked.connect(self.study_set)
        self.source_btn = QPushButton("Show source in article")
        self.source_btn.clicked.connect(self.show_source)
        self.suspend_btn = QPushButton("Suspend")
        self.suspend_btn.setToolTip("A suspended question is out of study (every queue and count) until unsuspended; "
                                    "its progress is kept")
        self.suspend_btn.clicked.connect(self.toggle_suspended)
        # The study preset of the set (Settings page edits them); kept in the progress store, not the set file.
        self.preset_combo = QComboBox()
        self.preset_combo.setAccessibleName("Study preset of this set")
        self.preset_combo.setToolTip("The study options this set uses (edit presets on the Settings page)")
        self.preset_combo.activated.connect(self._preset_chosen)
        self.status = plain.label()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)  # one line for the counts; a long "Exported … to <path>" wraps
        self.problem_list = QListWidget()
        self.problem_list.setMaximumHeight(110)
        # Long warnings wrap to the list's width (whole text in the tooltip) rather than scroll sideways.
        self.problem_list.setWordWrap(True)
        self.problem_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.problem_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problem_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.problem_list.itemActivated.connect(self._problem_chosen)
        self.problem_list.itemClicked.connect(self._problem_chosen)

        self._problems_timer = QTimer(self)
        self._problems_timer.setSingleShot(True)
        self._problems_timer.setInterval(300)
        self._problems_timer.timeout.connect(self._refresh_problems)
        self.editor = QuestionEditor()
        self.editor.edited.connect(self._question_edited)

        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 2)
        filters.addWidget(self.topic_filter, 1)
        filters.addWidget(self.type_filter, 1)
        table_box = QWidget()
        tl = QVBoxLayout(table_box)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addLayout(filters)
        tl.addWidget(self.table, 1)
        tl.addWidget(self.status)
        tl.addWidget(self.problem_list)
        # Table and editor side by side when there is room for both, the editor below the table when not.
        split = ReflowSplitter(self.SIDE_BY_SIDE, share_beside=0.58, share_above=0.5, second_beside=(360, 520))
        split.reflowed.connect(self._reflowed)
        split.addWidget(table_box)
        split.addWidget(self.editor)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.splitter = split
        self.editor.setMinimumWidth(300)
        actions = QHBoxLayout()
        preset_label = QLabel("Pr&eset")
        preset_label.setBuddy(self.preset_combo)
        actions.addWidget(flow_row(self.add_btn, self.remove_btn, self.source_btn, self.suspend_btn, self.study_btn,
                                   preset_label,
                                   self.preset_combo, h_spacing=6), 1)
        actions.addWidget(self.revert_btn, 0, Qt.AlignmentFlag.AlignTop)
        actions.addWidget(self.save_btn, 0, Qt.AlignmentFlag.AlignTop)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.set_bar)
        rl.addWidget(self.header)
        rl.addWidget(self.banner)
        rl.addWidget(split, 1)
        rl.addLayout(actions)

        outer = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(left)
        outer.addWidget(right)
        outer.setStretchFactor(1, 1)
        outer.setCollapsible(1, False)
        outer.setSizes([190, 900])
        self.outer = outer
        lay = QVBoxLayout(self)
        lay.addWidget(outer)

        ctx.library_changed.connect(self._library_changed)
        ctx.settings_changed.connect(self._show_preset)  # presets added or deleted on the Settings page
        self.refresh_sets()

    # --- fitting the width ---------------------------------------------------------
    NARROW = 1000  # below this page width the set list becomes a drop-down above the questions
    SIDE_BY_SIDE = 720  # from this width of the questions area the editor sits beside the table

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt override)
        self.set_narrow(event.size().width() < self.NARROW)
        super().resizeEvent(event)

    def set_narrow(self, narrow: bool) -> None:
        """Set list on the left (wide page) or as a drop-down above the questions (narrow page)."""
        if narrow == self.narrow:
            return
        self.narrow = narrow
        target = self._bar_layout if narrow else self._list_buttons
        for i, btn in enumerate((self.new_btn, self.import_btn, self.more_btn)):
            target.insertWidget(target.count() if narrow else i, btn)
        self.left.setVisible(not narrow)
        self.set_bar.setVisible(narrow)
        self.header.setVisible(not narrow)  # the drop-down shows the set's title
        self._sync_combo(self.set_list.currentRow())

    def _reflowed(self, orientation: Qt.Orientation) -> None:
        # Editor below the table: the problem list gives the table some of its height.
        self.problem_list.setMaximumHeight(110 if orientation == Qt.Orientation.Horizontal else 64)

    def _sync_combo(self, row: int) -> None:
        self.set_combo.blockSignals(True)
        self.set_combo.setCurrentIndex(row)
        self.set_combo.blockSignals(False)

    def _combo_chosen(self, row: int) -> None:
        self.set_list.setCurrentRow(row)
        self._sync_combo(self.set_list.currentRow())  # it stays put when unsaved changes are kept

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

    # --- the set list -------------------------------------------------------------
    def set_entries(self) -> list[SetEntry]:
        """Loaded sets (bundled first) and the user's set files that could not be loaded (to fix them here).

        Nothing is read here: a file not loaded is listed with what its last check found, if the file has not
        changed since, else as "checking…" (with the library's last word on it); `refresh_sets` has it checked.
        """
        entries: list[SetEntry] = []
        seen: set[Path] = set()
        for info in self.ctx.store.sets():
            if not info.path:
                continue
            p = Path(info.path)
            entries.append(SetEntry(info.id, info.title, p, info.bundled))
            seen.add(p.resolve())
        problems = {Path(lp.path).resolve(): lp.message for lp in self.ctx.load_problems}
        deleted = {s.id for s in self.ctx.store.sets(include_deleted=True) if s.deleted}
        files = find_set_files([self.ctx.data.sets_dir]) if self.ctx.data.sets_dir.is_dir() else []
        listed: dict[Path, tuple[Path, Stamp]] = {}
        for f in files:
            key = f.resolve()
            if key in seen or f.parent.name in deleted:
                continue
            stamp = _stamp(f)
            known = self._checked.get(key)
            if known is not None and known.stamp == stamp:
                if known.id in deleted:
                    continue  # as the library: a file of a deleted set is left alone
                # The file is clean but not loaded (a load of it failed): the library may say why.
                problem = known.problem or problems.get(key, "not loaded, though no problem was found in it")
                entries.append(SetEntry(known.id, known.title, f, False, problem))
            else:
                sid, title = (known.id, known.title) if known is not None else (f.parent.name, f.parent.name)
                entries.append(SetEntry(sid, title, f, False, problems.get(key, ""), pending="checking…"))
            listed[key] = (f, stamp)
        self._listed = listed
        return entries

    def _check_next(self) -> None:
        """Read and check, in a worker, the next listed file not checked since it last changed (one at a time)."""
        if self._check_job is not None:
            return  # the next one starts when it ends
        todo = next(((key, path, stamp) for key, (path, stamp) in self._listed.items()
                     if (known := self._checked.get(key)) is None or known.stamp != stamp), None)
        if todo is None:
            return
        key, path, stamp = todo
        job = Job(lambda _report: _read_and_check(path, stamp))
        job.key, job.path, job.stamp = key, path, stamp  # type: ignore[attr-defined]
        job.done.connect(self._file_checked)
        self._check_job = job
        job.start()

    def _file_checked(self, job: Job) -> None:
        self._check_job = None
        key, path, stamp = job.key, job.path, job.stamp  # type: ignore[attr-defined]
        if job.error is not None:
            name = path.parent.name
            checked = _Checked(stamp, name, name, f"could not be checked: {job.error}")
        else:
            checked = job.result
        self._checked[key] = checked
        load = False
        if self._listed.get(key) == (path, stamp):  # listed still, and unchanged since
            load = not checked.problem
            # Clean now (fixed outside the app, say): loading it is the library's, through the context.
            self._show_checked(SetEntry(checked.id, checked.title, path, False, checked.problem,
                                        pending="loading…" if load else ""))
        self._check_next()
        if load:
            self.ctx.load_changed_sets()  # big files load in a worker; `library_changed` refreshes the list

    def _show_checked(self, entry: SetEntry) -> None:
        """Put what a file's check found on its line of the list (and on the banner, if it is the set open)."""
        for i in range(self.set_list.count()):
            it = self.set_list.item(i)
            old: SetEntry = it.data(Qt.ItemDataRole.UserRole)
            if old.path == entry.path and not old.bundled:
                it.setData(Qt.ItemDataRole.UserRole, entry)
                it.setText(entry.label)
                it.setToolTip(plain.tooltip(entry.tooltip))
                break
        if self.qset is not None and self.qset.path == entry.path and not self.read_only:
            self._show_unloaded_banner(entry)

    def _listed_entry(self, path: Path) -> SetEntry | None:
        """The list's entry for this file now (a check may have ended since another entry for it was taken)."""
        for i in range(self.set_list.count()):
            e: SetEntry = self.set_list.item(i).data(Qt.ItemDataRole.UserRole)
            if e.path == path:
                return e
        return None

    def _show_unloaded_banner(self, entry: SetEntry, saved: bool = False) -> None:
        """Why a user set open here is not loaded for study (the banner hides when it is)."""
        if entry.problem:
            more = f" ({entry.pending})" if entry.pending else ""
            self._show_banner(f"{'Saved, but not' if saved else 'Not'} loaded for study until fixed: {entry.problem}"
                              + more, error=True)
        elif entry.pending:
            self._show_banner(f"{'Saved, but not' if saved else 'Not'} loaded for study yet: {entry.pending}")
        else:
            self.banner.hide()

    def refresh_sets(self, select: str | None = None) -> None:
        current = select or (self.qset.id if self.qset else self._loading.id if self._loading else None)
        self.set_list.blockSignals(True)
        self.set_list.clear()
        for e in self.set_entries():
            it = QListWidgetItem(e.label)
            it.setData(Qt.ItemDataRole.UserRole, e)
            it.setToolTip(plain.tooltip(e.tooltip))
            self.set_list.addItem(it)
        self.set_list.blockSignals(False)
        self._check_next()
        target = next((i for i in range(self.set_list.count())
                       if self.set_list.item(i).data(Qt.ItemDataRole.UserRole).id == current), None)
        if target is None and self.set_list.count():
            target = 0
        if target is not None:
            self.set_list.setCurrentRow(target)

    def _library_changed(self) -> None:
        if not self.dirty and not self._saving:
            path = self.qset.path if self.qset is not None else None
            if self._changed_on_disk():
                # Its file was changed outside the app (and nothing is unsaved here): show it as it is now.
                self.refresh_sets()
                entry = self._listed_entry(path) or self.current_entry()
                if entry is not None and entry.path == path:
                    self.qset = None
                    self.open_set(entry)
                return
            self.refresh_sets()
            if self.qset is not None and not self.read_only:  # the open set may have loaded, or failed to
                entry = self._listed_entry(self.qset.path)
                if entry is not None:
                    self._show_unloaded_banner(entry)
                self.study_btn.setEnabled(self.ctx.store.set_info(self.qset.id) is not None and bool(self.qset.questions))

    def _changed_on_disk(self) -> bool:
        """Whether the open set's file was changed (not removed) outside the app since it was read or saved here."""
        path = self.qset.path if self.qset is not None else None
        if path is None or self._open_stamp is None:
            return False
        return _stamp(path) not in (self._open_stamp, _NO_STAMP)

    def _set_chosen(self, item: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if item is None:
            return
        entry: SetEntry = item.data(Qt.ItemDataRole.UserRole)
        if self.qset is not None and entry.path == self.qset.path:
            return
        if self.qset is None and self._loading is not None and entry.path == self._loading.path:
            return  # being read already
        if not self.maybe_keep_changes():
            self.set_list.blockSignals(True)
            self.set_list.setCurrentItem(previous)
            self.set_list.blockSignals(False)
            return
        self.open_set(entry)

    def current_entry(self) -> SetEntry | None:
        it = self.set_list.currentItem()
        return it.data(Qt.ItemDataRole.UserRole) if it else None

    OPEN_GRACE_MS = 100  # a set read in this time opens at once, with no "Loading…" in between

    def open_set(self, entry: SetEntry) -> None:
        """Show a set: its file is read in a worker (a 100,000-question file takes seconds).

        A small set is read within the grace wait and shown right away; a big one shows "Loading…" meanwhile.
        A newer choice supersedes an older read: only the set chosen last is ever shown.
        """
        pre = self._preloaded
        if pre is not None and pre.path == entry.path:
            self._open_job = None
            self._loading = None
            self._show_set(entry, pre, _article_of(pre))
            return

        def work(_report: Report) -> tuple[QuestionSet, Article | None, RowTexts]:
            qset = read_set(entry.path)
            return qset, _article_of(qset), row_texts(qset.questions)  # the filter's text, built here once

        job = Job(work)
        job.entry = entry  # type: ignore[attr-defined]
        job.done.connect(self._set_read)
        self._open_job = job
        self._loading = entry
        job.start()
        if not job.settle(self.OPEN_GRACE_MS):
            self._show_loading(entry)

    def _show_loading(self, entry: SetEntry) -> None:
        """While a big set is read: its title, "Loading…", and nothing to edit (no set is open meanwhile)."""
        self._problems_timer.stop()
        self._problems_wanted += 1  # a check still running is about the set left behind
        self.qset = None
        self.article = None
        self.model.set_questions([])
        self.editor.clear()
        self._row = None
        self.header.setText(entry.title)
        self.banner.hide()
        self.problem_list.clear()
        self.problem_list.hide()
        self.status.setText(f"Loading {entry.title}…")
        for w in (self.add_btn, self.remove_btn, self.study_btn, self.source_btn):
            w.setEnabled(False)
        for act in (self.rename_act, self.delete_act, self.topics_act):
            act.setEnabled(False)
        self._set_dirty(False)

    def _set_read(self, job: Job) -> None:
        if job is not self._open_job:
            return  # superseded by a newer choice
        self._open_job = None
        self._loading = None
        entry: SetEntry = job.entry  # type: ignore[attr-defined]
        if job.error is not None:
            self.qset = None
            self.model.set_questions([])
            self.editor.clear()
            self._row = None
            self.header.setText(entry.title)
            self.status.setText("")
            why = job.error if isinstance(job.error, SetFileError) else f"{entry.path}: {job.error}"
            self._show_banner(f"This file cannot be read: {why}. Fix it in a text editor, then come back.", error=True)
            return
        qset, article, texts = job.result
        self._show_set(entry, qset, article, texts)

    def _show_set(self, entry: SetEntry, qset: QuestionSet, article: Article | None,
                  texts: RowTexts | None = None) -> None:
        self.qset = qset
        self._open_stamp = _stamp(entry.path)
        self._counted = None  # the set left behind is not kept alive by its id counts
        self._id_counts = Counter()
        self.read_only = not authoring.is_user_set(self.ctx.data, entry.path)
        self.article = article
        self.header.setText(qset.title)
        if self.read_only:
            self._show_banner("A bundled set is read-only. Use Set actions → Duplicate… to make your own copy to edit.")
        else:
            self._show_unloaded_banner(self._listed_entry(entry.path) or entry)
        self.topic_filter.blockSignals(True)
        self.topic_filter.clear()
        self.topic_filter.addItem("All topics", "")
        for t in qset.topics:
            self.topic_filter.addItem(t.title, t.id)
        self.topic_filter.blockSignals(False)
        self._filter_timer.stop()
        self.model.set_questions(qset.questions, texts, self._filter_values())  # text and type filters stay on
        self._size_columns()
        self.editor.set_read_only(self.read_only)
        self.editor.clear()
        self._row = None
        self.add_btn.setEnabled(not self.read_only)
        self.remove_btn.setEnabled(False)  # until a question is chosen
        for act in (self.rename_act, self.delete_act, self.topics_act):
            act.setEnabled(not self.read_only)
        self._set_dirty(False)
        self._refresh_problems()
        self.study_btn.setEnabled(self.ctx.store.set_info(qset.id) is not None and bool(qset.questions))
        self._show_preset()
        self.source_btn.setEnabled(False)
        self._load_suspended()
        self._show_suspended(None)
        if self.model.rowCount():
            self.select_row(0)

    def _show_preset(self) -> None:
        """The open set's preset in the combo (every preset listed)."""
        self.preset_combo.clear()
        if self.qset is None:
            self.preset_combo.setEnabled(False)
            return
        self.preset_combo.addItems(list(presets.presets(self.ctx.store)))
        self.preset_combo.setCurrentText(presets.preset_of(self.ctx.store, self.qset.id))
        self.preset_combo.setEnabled(True)

    def _preset_chosen(self, _index: int) -> None:
        if self.qset is None:
            return
        name = self.preset_combo.currentText()
        presets.choose_preset(self.ctx.store, self.qset.id, name)
        self.status.setText(f"“{self.qset.title}” is studied with the preset {name}.")

    def _show_banner(self, text: str, error: bool = False) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(
            # Translucent tints over the palette's own text colour: readable in the light and the dark theme.
            "padding: 6px; border-radius: 4px; "
            + ("background: rgba(217, 48, 37, 55);" if error else "background: rgba(52, 120, 246, 40);")
        )
        self.banner.show()

    # --- filtering ------------------------------------------------------------------
    FILTER_PAUSE_MS = 150  # typing in the filter box: the filter is applied once the keys pause this long

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

    def _clear_filters(self, keep_topic: bool = False) -> None:
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

    # --- questions ------------------------------------------------------------------
    def select_row(self, row: int) -> None:
        idx = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def select_question(self, qid: str) -> None:
        row = self.model.row_of_id(qid)
        if row >= 0:
            self.select_row(row)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.qset is None:
            self._row = None
            self.editor.clear()
            self.source_btn.setEnabled(False)
            self.remove_btn.setEnabled(False)  # nothing chosen to delete
            self._show_suspended(None)
            return
        self.remove_btn.setEnabled(not self.read_only)
        row = self.model.source_row(current.row())
        self._row = row
        q = self.model.question(row)
        self.editor.set_context(self.qset.topics, self.article, self._other_ids(row))
        self.editor.load(q)
        self.source_btn.setEnabled(bool(q.source) and self.article is not None)
        self._show_suspended(q.id)

    def _show_suspended(self, qid: str | None) -> None:
        """The Suspend button for the chosen question: enabled for a question the store has (saved), its label
        what pressing it does."""
        known = (qid is not None and self.qset is not None
                 and self.ctx.store.question_key(self.qset.id, qid) is not None)
        self.suspend_btn.setEnabled(known)
        self.suspend_btn.setText("Unsuspend" if known and self.model.is_suspended(qid or "") else "Suspend")

    def _load_suspended(self) -> None:
        from ..core.suspend import suspended_ids

        ids = set(suspended_ids(self.ctx.store, self.qset.id)) if self.qset is not None else set()
        self.model.set_suspended(ids)

    def toggle_suspended(self) -> None:
        """Suspend the chosen question, or unsuspend it."""
        from ..core.store import StoreError
        from ..core.suspend import SuspendError, set_suspended

        if self.qset is None or self._row is None:
            return
        qid = self.model.question(self._row).id
        try:
            set_suspended(self.ctx.store, self.qset.id, [qid], not self.model.is_suspended(qid))
        except (SuspendError, StoreError) as e:
            self.status.setText(f"Could not change it: {e}")
            return
        self._load_suspended()
        self._show_suspended(qid)
        self.ctx.progress_changed.emit()

    def _other_ids(self, row: int) -> _OtherIds:
        """The ids held by questions other than the one at source row `row`: a view, nothing copied."""
        assert self.qset is not None
        return _OtherIds(self._ids_counted(), self.qset.questions, row)

    def _ids_counted(self) -> Counter[str]:
        """How many questions of the open set hold each id (counted once per set, then kept up to date)."""
        assert self.qset is not None
        qs = self.qset.questions
        if self._counted is not qs:
            self._id_counts = Counter(q.id for q in qs)
            self._counted = qs
        return self._id_counts

    def _recount(self, gone: str | None, new: str | None) -> None:
        """An id left the set (`gone`) and/or came into it (`new`): the counts follow, if they are kept."""
        if self.qset is None or self._counted is not self.qset.questions:
            return
        counts = self._id_counts
        if gone is not None:
            counts[gone] -= 1
            if counts[gone] <= 0:
                del counts[gone]
        if new is not None:
            counts[new] += 1

    def _question_edited(self, q: Question) -> None:
        if self._row is None or self.qset is None or self.read_only:
            return
        old = self.model.question(self._row).id
        if q.id != old:
            self._recount(old, q.id)
        self.model.replace_question(self._row, q)
        self._set_dirty(True)
        self._problems_timer.start()  # typing: re-check the whole set once the keys stop

    def add_question(self, qtype: str = "short") -> Question | None:
        if self.qset is None or self.read_only:
            return None
        topic = self.topic_filter.currentData() or (self.qset.topics[0].id if self.qset.topics else "general")
        existing = self._ids_counted()  # kept up to date: no pass over every question
        n = len(self.qset.questions) + 1
        while existing[f"{topic}-q{n}"]:
            n += 1
        kind = kind_of(qtype)  # its template: a prompt to overwrite and empty answer fields
        q = Question(id=f"{topic}-q{n}", topic=topic, type=qtype, prompt=kind.new_prompt, origin="written",
                     **copy.deepcopy(kind.new_fields))
        self._clear_filters(keep_topic=True)
        self._recount(None, q.id)
        self.model.insert_question(len(self.qset.questions), q)
        self._set_dirty(True)
        self._refresh_problems()
        self.select_question(q.id)
        self.editor.prompt_edit.setFocus()
        self.editor.prompt_edit.selectAll()
        return q

    def remove_question(self) -> None:
        if self._row is None or self.qset is None or self.read_only:
            return
        q = self.model.question(self._row)
        if not self.confirm("Delete question", f"Delete question {q.id!r}?\n\n{q.prompt[:200]}"):
            return
        self._recount(q.id, None)
        self.model.remove_question(self._row)
        # Qt made a neighbouring row current while the row went (the editor shows it), but that row's source
        # row was counted before the removal, and it is not selected: choose it again, renumbered.
        current = self.table.currentIndex()
        self._row = None
        if current.isValid():
            self.table.selectionModel().clearCurrentIndex()
            self.select_row(current.row())
        else:
            self._row_chosen(QModelIndex(), QModelIndex())
        self._set_dirty(True)
        self._refresh_problems()

    BIG_SET = 400  # from this many questions the set is checked off the UI thread (lint takes seconds at 100k)

    def _refresh_problems(self) -> None:
        """Check the set (errors, then lint warnings) and list what was found; a big set is checked in a worker."""
        self._problems_timer.stop()
        self._problems_wanted += 1
        if self.qset is None:
            self.problem_list.clear()
            self.problem_list.hide()
            return
        if len(self.qset.questions) < self.BIG_SET:
            self._show_problems(check_set(self.qset, self.article), lint_set(self.qset, self.article))
            return
        if self._problems_of is not self.qset:  # another set's findings must not stand meanwhile
            self._problems_of = self.qset
            self._counts = (0, 0)
            self.problem_list.clear()
            self.problem_list.hide()
        self._show_status(checking=True)
        if self._problems_job is None:  # one check at a time: a newer request starts when this one ends
            self._start_problems_job()

    def _start_problems_job(self) -> None:
        assert self.qset is not None
        snapshot = replace(self.qset, questions=list(self.qset.questions))  # edits go on while it is checked
        article = self.article

        def work(_report: Report) -> tuple[list, list]:
            return check_set(snapshot, article), lint_set(snapshot, article)

        job = Job(work)
        job.wanted = self._problems_wanted  # type: ignore[attr-defined]
        job.qset = self.qset  # type: ignore[attr-defined]
        job.done.connect(self._problems_checked)
        self._problems_job = job
        job.start()

    def _problems_checked(self, job: Job) -> None:
        self._problems_job = None
        if job.wanted != self._problems_wanted or job.qset is not self.qset:  # type: ignore[attr-defined]
            if self.qset is not None and len(self.qset.questions) >= self.BIG_SET:
                self._start_problems_job()  # superseded: check what the set is now
            return
        if job.error is not None:
            self.problem_list.clear()
            self.problem_list.hide()
            self.errors = []
            self.status.setText(f"Could not check the set: {job.error}")
            return
        self._show_problems(*job.result)

    MAX_LISTED = 200  # problem lines listed; the rest are counted (and flagged in the table)

    def _show_problems(self, errors: list, warnings: list) -> None:
        self.problem_list.clear()
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
            self.problem_list.addItem(it)
        if len(lines) > self.MAX_LISTED:
            more = QListWidgetItem(f"… and {len(lines) - self.MAX_LISTED:,} more, marked in the table's Id column")
            more.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.problem_list.addItem(more)
        self.model.set_flags(flags)
        self.problem_list.setVisible(bool(lines))
        self.errors = errors
        self._counts = (len(errors), len(warnings))
        self._problems_of = self.qset
        self._show_status()

    def _show_status(self, checking: bool = False) -> None:
        """The line under the table: questions, problems and warnings (as of the last check), unsaved changes."""
        if self.qset is None:
            return
        n_err, n_warn = self._counts
        n = len(self.qset.questions)
        parts = [f"{n} question{'s' if n != 1 else ''}"]
        if checking:
            parts.append("checking…")
        else:
            if n_err:
                parts.append(f"{n_err} problem{'s' if n_err != 1 else ''} to fix before it can be studied")
            if n_warn:
                parts.append(f"{n_warn} warning{'s' if n_warn != 1 else ''}")
        if self.dirty:
            parts.append("unsaved changes")
        self.status.setText(" · ".join(parts))

    def _problem_chosen(self, item: QListWidgetItem) -> None:
        qid = item.data(Qt.ItemDataRole.UserRole)
        if qid:
            self._clear_filters()
            self.select_question(qid)

    def study_set(self) -> None:
        """Ask the study page for this set (only a saved set without problems is loaded for study)."""
        if self.qset is not None and self.ctx.store.set_info(self.qset.id) is not None:
            self.ctx.study_requested.emit(StudyRequest(set_id=self.qset.id))
            self.ctx.page_requested.emit("study")

    def show_source(self) -> None:
        if self.qset is None or self._row is None:
            return
        q = self.model.question(self._row)
        if q.source:
            self.ctx.show_in_article.emit(self.qset.id, q.source)
            self.ctx.page_requested.emit("article")

    # --- saving ---------------------------------------------------------------------
    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_btn.setEnabled(dirty and not self.read_only)
        self.revert_btn.setEnabled(dirty)

    SAVE_GRACE_MS = 100  # a save over in this time shows no progress dialog

    def save(self) -> bool:
        """Write the set file atomically and reload the library (a set with problems is saved but not studied).

        Writing the file and loading the set into the learner's progress run in a worker with its own store
        connection, behind a progress dialog past the grace wait (a 100,000-question set takes seconds); the
        library's reload on the UI thread then finds the file loaded and unchanged.
        """
        if self.qset is None or self.read_only:
            return False
        path = self.qset.path
        if (self._changed_on_disk()
                and not self.confirm("The file changed on disk",
                                     f"{path} was changed outside KetaQuiz since you opened it.\n\n"
                                     "Save your changes over it? (No keeps the file as it is; your changes stay here.)")):
            return False
        self._problems_timer.stop()
        qset = self.qset
        data, profile, clock = self.ctx.data, self.ctx.profile, self.ctx.clock

        def work(report: Report) -> None:
            report("Writing the set file…")
            authoring.save_set(qset)
            report("Loading into your progress…")
            try:
                store = data.open_store(profile, clock=clock)  # its own connection: SQLite's stay in their thread
                try:
                    deleted = {s.id for s in store.sets(include_deleted=True) if s.deleted}
                    if qset.id not in deleted and not check_set(qset):  # as the library loads it: no problems
                        store.sync_set(qset)
                finally:
                    store.close()
            except (StoreError, OSError):
                pass  # the file is written: the library's reload below loads it instead

        job = run_with_progress(Job(work), self, "Saving", qset.title, grace_ms=self.SAVE_GRACE_MS)
        if isinstance(job.error, OSError):
            self.inform("Could not save", f"{qset.path}: {job.error.strerror}. Nothing was changed on disk.", error=True)
            return False
        if job.error is not None:
            self.inform("Could not save", f"{qset.path}: {job.error}. Nothing was changed on disk.", error=True)
            return False
        self._set_dirty(False)
        if qset.path is not None:
            self._open_stamp = _stamp(qset.path)  # this file is the one shown
        qid = self.model.question(self._row).id if self._row is not None else None
        self._saving = True  # the list is refreshed below, once what the library found is known
        try:
            self.ctx.reload_library()
        finally:
            self._saving = False
        if qset.path is not None:  # the library has just read and checked the file as saved: no second read
            key = qset.path.resolve()
            said = next((lp.message for lp in self.ctx.load_problems if Path(lp.path).resolve() == key), None)
            if said is not None:
                self._checked[key] = _Checked(_stamp(qset.path), qset.id, qset.title, said)
        self.refresh_sets(self.qset.id)
        entry = self.current_entry()
        if entry is not None:
            self._show_unloaded_banner(entry, saved=True)
        else:
            self.banner.hide()
        self.study_btn.setEnabled(self.ctx.store.set_info(self.qset.id) is not None and bool(self.qset.questions))
        if qid:
            self.select_question(qid)
        self._refresh_problems()
        return True

    def revert(self) -> None:
        entry = self.current_entry()
        self._set_dirty(False)
        if entry is not None:
            self.qset = None
            self.open_set(entry)

    def maybe_keep_changes(self) -> bool:
        """Before leaving a set with unsaved changes: save, discard, or stay (False)."""
        if not self.dirty:
            return True
        choice = self.ask_save_changes()
        if choice == "save":
            return self.save()
        if choice == "discard":
            self._set_dirty(False)
            return True
        return False

    # --- dialogs (thin; tests replace them) -------------------------------------------
    def confirm(self, title: str, text: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        return plain.message_box(self, QMessageBox.Icon.Question, title, text, buttons).exec() == QMessageBox.StandardButton.Yes

    def inform(self, title: str, text: str, error: bool = False) -> None:
        plain.message_box(self, QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information, title, text).exec()

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        return value.strip() if ok and value.strip() else None

    def ask_save_changes(self) -> str:
        box = plain.message_box(self, QMessageBox.Icon.Question, "Unsaved changes",
                                f"Save the changes to {self.qset.title if self.qset else 'this set'}?",
                                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        r = box.exec()
        return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(
            QMessageBox.StandardButton(r), "cancel")

    # --- set operations ---------------------------------------------------------------
    def ask_new_set(self) -> None:
        title = self.ask_text("New set", "Title of the new set:")
        if title and self.maybe_keep_changes():
            self.create_set(title)

    def create_set(self, title: str) -> QuestionSet | None:
        sid = authoring.unique_set_id(self.ctx.data, title, self.ctx.store)
        try:
            qset = authoring.create_set(self.ctx.data, sid, title, store=self.ctx.store)
        except (authoring.AuthoringError, OSError) as e:
            self.inform("Could not create the set", str(e), error=True)
            return None
        self.ctx.reload_library()
        self.refresh_sets(qset.id)
        return qset

    def ask_rename(self) -> None:
        if self.qset is None or self.read_only:
            return
        title = self.ask_text("Rename set", "New title:", self.qset.title)
        if title:
            self.rename_set(title)

    def rename_set(self, title: str) -> None:
        if self.qset is None or self.read_only:
            return
        self.qset.title = title
        self.header.setText(title)
        self._set_dirty(True)
        self.save()

    def ask_topics(self) -> None:
        if self.qset is None or self.read_only:
            return
        dlg = TopicsDialog(self.qset.topics, self)
        if dlg.exec():
            self.set_topics(dlg.topics())

    def set_topics(self, topics: list[Topic]) -> None:
        """Replace the set's topics (questions keep theirs; one left without a declared topic is flagged)."""
        if self.qset is None or self.read_only:
            return
        self.qset.topics = topics
        self.topic_filter.blockSignals(True)
        self.topic_filter.clear()
        self.topic_filter.addItem("All topics", "")
        for t in topics:
            self.topic_filter.addItem(t.title, t.id)
        self.topic_filter.blockSignals(False)
        self.apply_filter()
        self._set_dirty(True)
        self._refresh_problems()
        if self._row is not None:
            q = self.model.question(self._row)
            self.editor.set_context(topics, self.article, self._other_ids(self._row))
            self.editor.load(q)

    def ask_duplicate(self) -> None:
        if self.qset is None:
            return
        title = self.ask_text("Duplicate set", "Title of the copy:", f"{self.qset.title} (copy)")
        if title and self.maybe_keep_changes():
            self.duplicate_set(title)

    def duplicate_set(self, title: str) -> QuestionSet | None:
        if self.qset is None:
            return None
        sid = authoring.unique_set_id(self.ctx.data, title, self.ctx.store)
        try:
            copy = authoring.duplicate_set(self.ctx.data, self.qset, sid, title, store=self.ctx.store)
        except (authoring.AuthoringError, OSError) as e:
            self.inform("Could not duplicate the set", str(e), error=True)
            return None
        self.ctx.reload_library()
        self.qset = None
        self.refresh_sets(copy.id)
        return copy

    def ask_delete(self) -> None:
        if self.qset is None or self.read_only:
            return
        if self.confirm("Delete set", f"Delete the set “{self.qset.title}”?\n\nYour progress on it is kept until you "
                        "purge it under Set → Deleted sets…, and you can restore it from there."):
            self.delete_set()

    def delete_set(self) -> None:
        if self.qset is None or self.read_only:
            return
        try:
            authoring.delete_set(self.ctx.data, self.ctx.store, self.qset.id)
        except (authoring.AuthoringError, OSError) as e:
            self.inform("Could not delete the set", str(e), error=True)
            return
        self.qset = None
        self._set_dirty(False)
        self.ctx.reload_library()
        self.refresh_sets()

    def ask_trash(self) -> None:
        TrashDialog(self).exec()

    def find(self) -> None:
        """Ctrl+F: to the text filter, its text selected."""
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import questions", str(Path.home()),
                                              "Question files (*.csv *.tsv *.txt *.apkg *.colpkg *.json);;All files (*)")
        if path and self.maybe_keep_changes():
            sid = authoring.unique_set_id(self.ctx.data, Path(path).stem, self.ctx.store)
            self.import_path(Path(path), sid)

    IMPORT_GRACE_MS = 100  # an import over in this time shows no progress dialog

    def import_path(self, path: Path, set_id: str | None = None) -> str | None:
        """Import a file as a new set and open it; returns its id once done (None when nothing was imported).

        Reading, checking and writing the set, then loading it into the learner's progress, run in a worker
        thread with its own store connection, behind a modal progress dialog (a 100,000-row file takes seconds);
        the UI thread stays free meanwhile. The importer's report is shown when it fails (nothing is written then).
        """
        path = Path(path)
        data, profile, clock = self.ctx.data, self.ctx.profile, self.ctx.clock

        def work(report: Report) -> ImportResult:
            report("Importing…")
            res = import_file(path, data, set_id=set_id)
            report("Loading into your progress…")
            try:
                store = data.open_store(profile, clock=clock)  # its own connection: SQLite's stay in their thread
                try:
                    load_imported(store, res)
                finally:
                    store.close()
            except (OSError, StoreError) as e:
                # The set file is written: the library's reload below loads it instead, without any history.
                if res.history or res.suspended:
                    res.warnings.insert(0, f"Your Anki review history was not brought along: {e}")
            return res

        job = run_with_progress(Job(work), self, "Importing questions", path.name, grace_ms=self.IMPORT_GRACE_MS)
        if isinstance(job.error, ImportError_):
            self.inform("Nothing imported", str(job.error), error=True)
            return None
        if job.error is not None or not isinstance(job.result, ImportResult):
            self.inform("Could not import", f"{path}: {job.error}", error=True)
            return None
        res = job.result
        self.ctx.reload_library()  # cheap: the file is loaded and unchanged
        self.qset = None
        self._preloaded = res.qset  # the set as written: opening it needs no re-read
        try:
            self.refresh_sets(res.set_id)
        finally:
            self._preloaded = None
        brought = history_summary(res)
        note = "\n".join(([brought[:1].upper() + brought[1:] + "."] if brought else []) + res.warnings)
        self.inform("Imported", f"{res.count} questions imported into “{res.set_id}”." + (f"\n\n{note}" if note else ""))
        return res.set_id

    def ask_export(self) -> None:
        if self.qset is None:
            return
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export set", str(Path.home() / f"{self.qset.id}.apkg"),
            "Anki package (*.apkg);;CSV with Anki headers (*.csv);;KetaQuiz JSON (*.json)")
        if path:
            m = re.search(r"\*\.(\w+)", chosen)
            fmt = Path(path).suffix.lstrip(".").lower() or (m.group(1) if m else "apkg")
            self.export_to(Path(path), fmt if fmt in exporters.FORMATS else "apkg")

    def export_to(self, path: Path, fmt: str) -> bool:
        if self.qset is None:
            return False
        try:
            exporters.export_set(self.qset, fmt, path)
        except OSError as e:
            self.inform("Could not export", f"{path}: {e.strerror}", error=True)
            return False
        self.status.setText(f"Exported {len(self.qset.questions)} questions to {path}")
        return True

    def open_article_wizard(self) -> None:
        from .article_wizard import ArticleWizard  # loads the generator only when needed

        if not self.maybe_keep_changes():
            return
        wiz = ArticleWizard(self.ctx, self)
        if wiz.exec() and wiz.saved_set_id:
            self.qset = None
            self.refresh_sets(wiz.saved_set_id)


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
        data, profile, clock = ctx.data, ctx.profile, ctx.clock

        def work(report: Report) -> None:
            # A set's whole history goes: seconds for a big one, behind a modal wait (so no answer races it).
            report("Removing the set and its answers…")
            store = data.open_store(profile, clock=clock)  # its own connection: SQLite's stay in their thread
            try:
                authoring.purge_set(data, store, sid)
            finally:
                store.close()

        job = run_with_progress(Job(work), self, "Purging", sid)
        progress_gone = job.error is None or isinstance(job.error, OSError)  # (the progress goes first, then the files)
        if isinstance(job.error, OSError):
            self.page.inform("Could not purge", f"Your progress on {sid!r} is gone, but its files could not be "
                             f"removed ({job.error}). Remove the folder {authoring.trash_dir(data) / sid} by hand.", error=True)
        elif job.error is not None:
            self.page.inform("Could not purge", f"{sid}: {job.error}. Nothing was removed; try again.", error=True)
        if progress_gone:
            ctx.progress_changed.emit()  # its answers no longer count in the scores
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
