"""The Sets page's set list: the sets loaded, the user's set files the library did not load (checked in a worker,
one at a time), the buttons that make or act on a set, and the drop-down that stands in for the list on a narrow page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.files import FileSignature
from ..core.library import read_and_check
from ..core.setfile import find_set_files
from . import plain
from .context import AppContext
from .operations import Operation


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


Stamp = FileSignature | None  # a file's signature: it is read again only when this changes
NO_STAMP: Stamp = None  # a file gone since it was listed


def stamp_of(path: Path) -> Stamp:
    """The file's stamp now (`NO_STAMP` when it is gone)."""
    return FileSignature.of(path)


@dataclass(frozen=True)
class Checked:
    """A user set file the library did not load, as read and checked at `stamp`."""

    stamp: Stamp
    id: str
    title: str
    problem: str  # "" when it reads and checks without problems


def read_and_check_file(path: Path, stamp: Stamp) -> Checked:
    """Read and check a set file as the library does before loading it (in a worker: a big file takes seconds)."""
    qset, problem = read_and_check(path)
    if qset is None:
        return Checked(stamp, path.parent.name, path.parent.name, problem)
    return Checked(stamp, qset.id, qset.title, problem)


class SetListPanel(QWidget):
    """The left of the Sets page, and the drop-down bar (`set_bar`) the page places above the questions when narrow.

    `entry_checked` says a file's check ended and what it found (the page updates its banner if it is the set open).
    """

    entry_checked = Signal(object)  # SetEntry

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # User set files the library did not load: read and checked in a worker, one at a time, and cached by
        # their (mtime, size). `_listed` holds those in the list now, resolved path → (path, stamp as listed).
        self._checked: dict[Path, Checked] = {}
        self._listed: dict[Path, tuple[Path, Stamp]] = {}
        self._checking: Operation[Checked] | None = None  # the file being checked (one at a time)
        self.narrow = False

        self.set_list = QListWidget()
        self.set_list.setMinimumWidth(150)
        self.set_list.setWordWrap(True)
        self.set_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.set_list.setSpacing(2)
        self._make_buttons()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        title = QLabel("Question sets")
        title.setStyleSheet("font-weight: 600; font-size: 15px;")
        lay.addWidget(title)
        lay.addWidget(self.set_list, 1)
        self._list_buttons = QHBoxLayout()
        self._list_buttons.addWidget(self.new_btn)
        self._list_buttons.addWidget(self.import_btn)
        self._list_buttons.addWidget(self.more_btn)
        self._list_buttons.addStretch(1)
        lay.addLayout(self._list_buttons)
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

    def _make_buttons(self) -> None:
        """New set (with its menu), Import…, and Set actions (its menu's actions are attributes the page connects)."""
        self.new_btn = QToolButton()
        self.new_btn.setText("New set")
        self.new_btn.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        new_menu = QMenu(self.new_btn)
        self.empty_act = new_menu.addAction("Empty set…")
        self.article_act = new_menu.addAction("From article…")
        self.import_act = new_menu.addAction("Import file…")
        self.new_btn.setMenu(new_menu)
        self.import_btn = QPushButton("Import…")
        self.import_btn.setToolTip("Import an Anki package (.apkg, .colpkg), a CSV/TSV or a KetaQuiz JSON file as a set")
        self.more_btn = QToolButton()
        self.more_btn.setText("Set actions")
        self.more_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_btn)
        self.rename_act = more.addAction("Rename…")
        self.topics_act = more.addAction("Topics…")
        self.dup_act = more.addAction("Duplicate…")
        self.export_act = more.addAction("Export…")
        more.addSeparator()
        self.delete_act = more.addAction("Delete…")
        self.trash_act = more.addAction("Deleted sets…")
        self.more_btn.setMenu(more)

    # --- narrow page ------------------------------------------------------------------
    def set_narrow(self, narrow: bool) -> None:
        """The list on the left (wide page) or the drop-down bar with the buttons (narrow page)."""
        self.narrow = narrow
        target = self._bar_layout if narrow else self._list_buttons
        for i, btn in enumerate((self.new_btn, self.import_btn, self.more_btn)):
            target.insertWidget(target.count() if narrow else i, btn)
        self.setVisible(not narrow)
        self.set_bar.setVisible(narrow)
        self._sync_combo(self.set_list.currentRow())

    def _sync_combo(self, row: int) -> None:
        self.set_combo.blockSignals(True)
        self.set_combo.setCurrentIndex(row)
        self.set_combo.blockSignals(False)

    def _combo_chosen(self, row: int) -> None:
        self.set_list.setCurrentRow(row)
        self._sync_combo(self.set_list.currentRow())  # it stays put when unsaved changes are kept

    # --- the entries ------------------------------------------------------------------
    def entries(self) -> list[SetEntry]:
        """Loaded sets (bundled first) and the user's set files that could not be loaded (to fix them here).

        Nothing is read here: a file not loaded is listed with what its last check found, if the file has not
        changed since, else as "checking…" (with the library's last word on it); `fill` has it checked.
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
            stamp = stamp_of(f)
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

    def fill(self, current: str | None) -> None:
        """List the sets again, checking the files that need it, and choose the set `current` (else the first)."""
        self.set_list.blockSignals(True)
        self.set_list.clear()
        for e in self.entries():
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

    def current_entry(self) -> SetEntry | None:
        it = self.set_list.currentItem()
        return it.data(Qt.ItemDataRole.UserRole) if it else None

    def keep(self, previous: QListWidgetItem | None) -> None:
        """Make `previous` current again without a choice being signalled (unsaved changes were kept)."""
        self.set_list.blockSignals(True)
        if previous is None:
            self.set_list.setCurrentRow(-1)
        else:
            self.set_list.setCurrentItem(previous)
        self.set_list.blockSignals(False)

    def listed_entry(self, path: Path | None) -> SetEntry | None:
        """The list's entry for this file now (a check may have ended since another entry for it was taken)."""
        for i in range(self.set_list.count()):
            e: SetEntry = self.set_list.item(i).data(Qt.ItemDataRole.UserRole)
            if e.path == path:
                return e
        return None

    def remember(self, path: Path, sid: str, title: str, problem: str) -> None:
        """What the library found reading this file just now: no second read of it here."""
        self._checked[path.resolve()] = Checked(stamp_of(path), sid, title, problem)

    # --- checking files not loaded ----------------------------------------------------
    def _check_next(self) -> None:
        """Read and check, in a worker, the next listed file not checked since it last changed (one at a time)."""
        if self._checking is not None:
            return  # the next one starts when it ends
        todo = next(((key, path, stamp) for key, (path, stamp) in self._listed.items()
                     if (known := self._checked.get(key)) is None or known.stamp != stamp), None)
        if todo is None:
            return
        key, path, stamp = todo

        def failed(error: BaseException) -> None:
            name = path.parent.name
            self._file_checked(key, path, stamp, Checked(stamp, name, name, f"could not be checked: {error}"))

        op = Operation.without_store(self.ctx, lambda _report: read_and_check_file(path, stamp),
                                     what=f"checking {path}")
        self._checking = op.on_success(lambda checked: self._file_checked(key, path, stamp, checked))
        op.on_failure(failed).run(self)

    def _file_checked(self, key: Path, path: Path, stamp: Stamp, checked: Checked) -> None:
        self._checking = None
        self._checked[key] = checked
        load = False
        if self._listed.get(key) == (path, stamp):  # listed still, and unchanged since
            load = not checked.problem
            # Clean now (fixed outside the app, say): loading it is the library's, through the context.
            self._show_entry(SetEntry(checked.id, checked.title, path, False, checked.problem,
                                      pending="loading…" if load else ""))
        self._check_next()
        if load:
            self.ctx.load_changed_sets()  # big files load in a worker; its library notice refreshes the list

    def _show_entry(self, entry: SetEntry) -> None:
        """Put what a file's check found on its line of the list, and say so."""
        for i in range(self.set_list.count()):
            it = self.set_list.item(i)
            old: SetEntry = it.data(Qt.ItemDataRole.UserRole)
            if old.path == entry.path and not old.bundled:
                it.setData(Qt.ItemDataRole.UserRole, entry)
                it.setText(entry.label)
                it.setToolTip(plain.tooltip(entry.tooltip))
                break
        self.entry_checked.emit(entry)
