"""The Sets page: list, create, rename, duplicate, delete, import and export sets; edit their questions.

The page is a thin coordinator. It holds the set open (`qset`, its `article`, whether it is `read_only`, whether it
has unsaved changes: `dirty`), opens sets, and lays out its parts, which read that state from it:

- `list_panel` (set_list.SetListPanel): the sets, the files not loaded and their checks, the set buttons;
- `questions` (set_questions.QuestionsPane): filters, the questions table, the editor, the question buttons;
- `problems` (set_problems.SetProblems): the set's check, the problem list and the status line;
- `set_actions` (set_actions.SetActions): save, preset, study, create, rename, topics, duplicate, delete, trash,
  import, export.

The parts' widgets are reachable as the page's own attributes too (`set_list`, `table`, `editor`, `status`, …).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..core import authoring
from ..core.article import Article
from ..core.articlefile import ArticleFileError, load_set_article
from ..core.questions import Question, QuestionSet, Topic
from ..core.setfile import SetFileError, read_set
from . import plain
from .changes import Changes
from .context import AppContext
from .operations import Operation
from .question_table import RowTexts, row_texts
from .reflow import flow_row
from .set_actions import SetActions
from .set_dialogs import TopicsDialog, TrashDialog
from .set_list import NO_STAMP, SetEntry, SetListPanel, Stamp, stamp_of
from .set_problems import SetProblems
from .set_questions import QuestionsPane

__all__ = ["SetEntry", "SetsPage", "TopicsDialog", "TrashDialog"]


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

    NARROW = 1000  # below this page width the set list becomes a drop-down above the questions
    OPEN_GRACE_MS = 100  # a set read in this time opens at once, with no "Loading…" in between

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.qset: QuestionSet | None = None
        self.article: Article | None = None
        self.dirty = False
        self.read_only = True
        self._preloaded: QuestionSet | None = None  # a set just imported, in memory: opened without a re-read
        self._opening: Operation | None = None  # reading the set file chosen last (kind "set-open")
        self._loading: SetEntry | None = None  # the set being read, while "Loading…" shows
        self._saving = False
        self._open_stamp: Stamp | None = None  # the open set's file as read (or saved) here

        self.list_panel = SetListPanel(ctx)
        self.problems = SetProblems(self)
        self.questions = QuestionsPane(self, [self.problems.status, self.problems.list])
        self.set_actions = SetActions(self)
        self._name_parts_widgets()
        self._make_set_widgets()
        self._connect_parts()
        self._lay_out()
        ctx.changed.connect(self._changed)
        self.refresh_sets()

    def _name_parts_widgets(self) -> None:
        """The parts' widgets under the page's own names (the page's layout, the tests and the main window)."""
        ls, qs = self.list_panel, self.questions
        self.left = ls
        self.set_list, self.set_combo, self.set_bar = ls.set_list, ls.set_combo, ls.set_bar
        self.new_btn, self.import_btn, self.more_btn = ls.new_btn, ls.import_btn, ls.more_btn
        self.rename_act, self.topics_act, self.dup_act = ls.rename_act, ls.topics_act, ls.dup_act
        self.export_act, self.delete_act, self.trash_act = ls.export_act, ls.delete_act, ls.trash_act
        self.filter_edit, self.topic_filter, self.type_filter = qs.filter_edit, qs.topic_filter, qs.type_filter
        self.model, self.table, self.editor, self.splitter = qs.model, qs.table, qs.editor, qs.splitter
        self.add_btn, self.remove_btn, self.source_btn, self.suspend_btn = (
            qs.add_btn, qs.remove_btn, qs.source_btn, qs.suspend_btn)
        self.status, self.problem_list = self.problems.status, self.problems.list

    def _make_set_widgets(self) -> None:
        """The open set's title, banner, and buttons (save, revert, study, its preset)."""
        self.header = plain.label()
        self.header.setStyleSheet("font-weight: 600; font-size: 15px;")
        self.banner = plain.label()
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.save_btn = QPushButton("Save")
        self.save_btn.setDefault(True)
        self.save_btn.clicked.connect(self.save)
        self.revert_btn = QPushButton("Revert")
        self.revert_btn.clicked.connect(self.revert)
        self.study_btn = QPushButton("Study this set")
        self.study_btn.clicked.connect(self.study_set)
        # The study preset of the set (Settings page edits them); kept in the progress store, not the set file.
        self.preset_combo = QComboBox()
        self.preset_combo.setAccessibleName("Study preset of this set")
        self.preset_combo.setToolTip("The study options this set uses (edit presets on the Settings page)")
        for seq, slot in ((QKeySequence.StandardKey.Save, self.save), (QKeySequence.StandardKey.Find, self.find_in_set)):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

    def _connect_parts(self) -> None:
        ls, acts = self.list_panel, self.set_actions
        ls.set_list.currentItemChanged.connect(self._set_chosen)
        ls.entry_checked.connect(self._entry_checked)
        ls.new_btn.clicked.connect(acts.ask_new_set)
        ls.import_btn.clicked.connect(self.ask_import)
        for act, slot in ((ls.empty_act, acts.ask_new_set), (ls.article_act, acts.open_article_wizard),
                          (ls.import_act, self.ask_import), (ls.rename_act, acts.ask_rename),
                          (ls.topics_act, acts.ask_topics), (ls.dup_act, acts.ask_duplicate),
                          (ls.export_act, acts.ask_export), (ls.delete_act, acts.ask_delete),
                          (ls.trash_act, acts.ask_trash)):
            act.triggered.connect(lambda _checked=False, slot=slot: slot())
        self.preset_combo.activated.connect(acts.choose_preset)
        self.questions.edited.connect(self._questions_edited)
        self.questions.splitter.reflowed.connect(self.problems.reflowed)
        self.problems.question_chosen.connect(self.questions.show_question)

    def _lay_out(self) -> None:
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
        rl.addWidget(self.questions, 1)
        rl.addLayout(actions)

        outer = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(self.list_panel)
        outer.addWidget(right)
        outer.setStretchFactor(1, 1)
        outer.setCollapsible(1, False)
        outer.setSizes([190, 900])
        self.outer = outer
        lay = QVBoxLayout(self)
        lay.addWidget(outer)

    # --- fitting the width ---------------------------------------------------------
    @property
    def narrow(self) -> bool:
        return self.list_panel.narrow

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt override)
        self.set_narrow(event.size().width() < self.NARROW)
        super().resizeEvent(event)

    def set_narrow(self, narrow: bool) -> None:
        """Set list on the left (wide page) or as a drop-down above the questions (narrow page)."""
        if narrow == self.narrow:
            return
        self.list_panel.set_narrow(narrow)
        self.header.setVisible(not narrow)  # the drop-down shows the set's title

    # --- the set list -------------------------------------------------------------
    def set_entries(self) -> list[SetEntry]:
        return self.list_panel.entries()

    def current_entry(self) -> SetEntry | None:
        return self.list_panel.current_entry()

    def refresh_sets(self, select: str | None = None) -> None:
        current = select or (self.qset.id if self.qset else self._loading.id if self._loading else None)
        self.list_panel.fill(current)

    def _entry_checked(self, entry: SetEntry) -> None:
        if self.qset is not None and self.qset.path == entry.path and not self.read_only:
            self._show_unloaded_banner(entry)

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

    def _changed(self, changes: Changes) -> None:
        if changes.library:
            self._library_changed()
        if changes.settings:
            self.set_actions.show_preset()  # presets added or deleted on the Settings page

    def _library_changed(self) -> None:
        if self.dirty or self._saving:
            return
        path = self.qset.path if self.qset is not None else None
        if self.changed_on_disk():
            # Its file was changed outside the app (and nothing is unsaved here): show it as it is now.
            self.refresh_sets()
            entry = self.list_panel.listed_entry(path) or self.current_entry()
            if entry is not None and entry.path == path:
                self.qset = None
                self.open_set(entry)
            return
        self.refresh_sets()
        if self.qset is not None and not self.read_only:  # the open set may have loaded, or failed to
            entry = self.list_panel.listed_entry(self.qset.path)
            if entry is not None:
                self._show_unloaded_banner(entry)
            self._enable_study()

    def changed_on_disk(self) -> bool:
        """Whether the open set's file was changed (not removed) outside the app since it was read or saved here."""
        path = self.qset.path if self.qset is not None else None
        if path is None or self._open_stamp is None:
            return False
        return stamp_of(path) not in (self._open_stamp, NO_STAMP)

    def _set_chosen(self, item: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if item is None:
            return
        entry: SetEntry = item.data(Qt.ItemDataRole.UserRole)
        if self.qset is not None and entry.path == self.qset.path:
            return
        if self.qset is None and self._loading is not None and entry.path == self._loading.path:
            return  # being read already
        if not self.maybe_keep_changes():
            self.list_panel.keep(previous)
            return
        self.open_set(entry)

    # --- opening a set --------------------------------------------------------------
    def open_set(self, entry: SetEntry) -> None:
        """Show a set: its file is read in a worker (a 100,000-question file takes seconds).

        A small set is read within the grace wait and shown right away; a big one shows "Loading…" meanwhile.
        A newer choice supersedes an older read: only the set chosen last is ever shown.
        """
        if self._opening is not None:
            self._opening.abandon()  # (a newer read of its kind drops it too; a preloaded set reads nothing)
        pre = self._preloaded
        if pre is not None and pre.path == entry.path:
            self._opening = None
            self._loading = None
            self._show_set(entry, pre, _article_of(pre))
            return

        def work(_report: object) -> tuple[QuestionSet, Article | None, RowTexts]:
            qset = read_set(entry.path)
            return qset, _article_of(qset), row_texts(qset.questions)  # the filter's text, built here once

        op = Operation.without_store(self.ctx, work, kind="set-open", at_once=True, what=f"reading {entry.path}")
        op.on_success(lambda read: self._set_read(entry, *read))
        op.on_failure(lambda error: self._set_unreadable(entry, error))
        self._opening = op
        self._loading = entry
        if not op.run(self, settle_ms=self.OPEN_GRACE_MS).finished:
            self._show_loading(entry)

    def open_preloaded(self, qset: QuestionSet | None, set_id: str) -> None:
        """List the sets again and open `set_id`, which is `qset` as just written (no re-read of its file; None:
        read it)."""
        self.qset = None
        self._preloaded = qset
        try:
            self.refresh_sets(set_id)
        finally:
            self._preloaded = None

    def _show_loading(self, entry: SetEntry) -> None:
        """While a big set is read: its title, "Loading…", and nothing to edit (no set is open meanwhile)."""
        self.problems.drop()  # a check still running is about the set left behind
        self.qset = None
        self.article = None
        self.questions.clear()
        self.header.setText(entry.title)
        self.banner.hide()
        self.status.setText(f"Loading {entry.title}…")
        for w in (self.add_btn, self.remove_btn, self.study_btn, self.source_btn):
            w.setEnabled(False)
        for act in (self.rename_act, self.delete_act, self.topics_act):
            act.setEnabled(False)
        self.set_dirty(False)

    def _set_read(self, entry: SetEntry, qset: QuestionSet, article: Article | None, texts: RowTexts) -> None:
        self._opening = None
        self._loading = None
        self._show_set(entry, qset, article, texts)

    def _set_unreadable(self, entry: SetEntry, error: BaseException) -> None:
        self._opening = None
        self._loading = None
        self.qset = None
        self.questions.clear()
        self.header.setText(entry.title)
        self.status.setText("")
        why = error if isinstance(error, SetFileError) else f"{entry.path}: {error}"
        self._show_banner(f"This file cannot be read: {why}. Fix it in a text editor, then come back.", error=True)

    def _show_set(self, entry: SetEntry, qset: QuestionSet, article: Article | None,
                  texts: RowTexts | None = None) -> None:
        self.qset = qset
        self._open_stamp = stamp_of(entry.path)
        self.read_only = not authoring.is_user_set(self.ctx.data, entry.path)
        self.article = article
        self.header.setText(qset.title)
        if self.read_only:
            self._show_banner("A bundled set is read-only. Use Set actions → Duplicate… to make your own copy to edit.")
        else:
            self._show_unloaded_banner(self.list_panel.listed_entry(entry.path) or entry)
        self.questions.show_set(qset, texts, self.read_only)
        for act in (self.rename_act, self.delete_act, self.topics_act):
            act.setEnabled(not self.read_only)
        self.set_dirty(False)
        self.problems.refresh()
        self._enable_study()
        self.set_actions.show_preset()
        if self.model.rowCount():
            self.select_row(0)

    def _enable_study(self) -> None:
        """Study this set: for a set loaded for study (saved, without problems) with questions."""
        assert self.qset is not None
        self.study_btn.setEnabled(self.ctx.store.set_info(self.qset.id) is not None and bool(self.qset.questions))

    def _show_banner(self, text: str, error: bool = False) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(
            # Translucent tints over the palette's own text colour: readable in the light and the dark theme.
            "padding: 6px; border-radius: 4px; "
            + ("background: rgba(217, 48, 37, 55);" if error else "background: rgba(52, 120, 246, 40);")
        )
        self.banner.show()

    # --- the questions (the pane's) -------------------------------------------------
    def select_row(self, row: int) -> None:
        self.questions.select_row(row)

    def select_question(self, qid: str) -> None:
        self.questions.select_question(qid)

    def apply_filter(self) -> None:
        self.questions.apply_filter()

    def add_question(self, qtype: str = "short") -> Question | None:
        return self.questions.add_question(qtype)

    def remove_question(self) -> None:
        self.questions.remove_question()

    def find_in_set(self) -> None:  # (not `find`: QWidget.find is another thing)
        """Ctrl+F: to the text filter, its text selected."""
        self.questions.focus_filter()

    def _questions_edited(self, now: bool) -> None:
        self.set_dirty(True)
        if now:
            self.problems.refresh()
        else:
            self.problems.later()  # typing: re-check the whole set once the keys stop

    # --- saving ---------------------------------------------------------------------
    def set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_btn.setEnabled(dirty and not self.read_only)
        self.revert_btn.setEnabled(dirty)

    def study_set(self) -> None:
        self.set_actions.study_set()

    def save(self) -> bool:
        """Write the set file and load it for study (see SetActions.save)."""
        return self.set_actions.save()

    def show_saved(self, qset: QuestionSet) -> None:
        """The open set was just saved: the library reloaded, the list and the banner as the library found it."""
        self.set_dirty(False)
        if qset.path is not None:
            self._open_stamp = stamp_of(qset.path)  # this file is the one shown
        qid = self.questions.current_id()
        self._saving = True  # the list is refreshed below, once what the library found is known
        try:
            self.ctx.reload_library()
        finally:
            self._saving = False
        if qset.path is not None:  # the library has just read and checked the file as saved: no second read
            key = qset.path.resolve()
            said = next((lp.message for lp in self.ctx.load_problems if Path(lp.path).resolve() == key), None)
            if said is not None:
                self.list_panel.remember(qset.path, qset.id, qset.title, said)
        assert self.qset is not None
        self.refresh_sets(self.qset.id)
        entry = self.current_entry()
        if entry is not None:
            self._show_unloaded_banner(entry, saved=True)
        else:
            self.banner.hide()
        self._enable_study()
        if qid:
            self.select_question(qid)
        self.problems.refresh()

    def revert(self) -> None:
        entry = self.current_entry()
        self.set_dirty(False)
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
            self.set_dirty(False)
            return True
        return False

    # --- set operations (the actions') -------------------------------------------------
    def create_set(self, title: str) -> QuestionSet | None:
        return self.set_actions.create_set(title)

    def rename_set(self, title: str) -> None:
        self.set_actions.rename_set(title)

    def set_topics(self, topics: list[Topic]) -> None:
        self.set_actions.set_topics(topics)

    def duplicate_set(self, title: str) -> QuestionSet | None:
        return self.set_actions.duplicate_set(title)

    def delete_set(self) -> None:
        self.set_actions.delete_set()

    def ask_import(self) -> None:
        self.set_actions.ask_import()

    def import_path(self, path: Path, set_id: str | None = None) -> str | None:
        return self.set_actions.import_path(path, set_id)

    def export_to(self, path: Path, fmt: str) -> bool:
        return self.set_actions.export_to(path, fmt)

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
