"""What the Sets page does to whole sets: save, choose its preset, study it, create, rename, change topics,
duplicate, delete (and the deleted sets), import, export, and a new set from an article."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from ..core import authoring, exporters, presets
from ..core.check import check_set
from ..core.importers import ImportError_, ImportResult, history_summary, import_file, load_imported
from ..core.questions import QuestionSet, Topic
from ..core.store import StoreError
from .context import AppContext, StudyRequest
from .operations import Operation
from .set_dialogs import TopicsDialog, TrashDialog
from .workers import Report

if TYPE_CHECKING:
    from .sets_page import SetsPage

log = logging.getLogger(__name__)


def _save_work(qset: QuestionSet, ctx: AppContext) -> Callable[[Report], None]:
    """The worker's part of a save: write the set file, then load it into the learner's progress."""
    data, profile, clock = ctx.data, ctx.profile, ctx.clock

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
        except (StoreError, OSError) as e:  # the file is written: the library's reload below loads it instead
            log.warning("saved %s, not loaded into the progress in the worker: %s", qset.path, e)

    return work


def _import_work(path: Path, set_id: str | None, ctx: AppContext) -> Callable[[Report], ImportResult]:
    """The worker's part of an import: read, check and write the set, then load it into the learner's progress."""
    data, profile, clock = ctx.data, ctx.profile, ctx.clock

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
            log.warning("imported %s, not loaded into the progress in the worker: %s", path, e)
            if res.history or res.suspended:
                res.warnings.insert(0, f"Your Anki review history was not brought along: {e}")
        return res

    return work


class SetActions(QObject):
    """The page's set operations; each asks its questions through the page's dialogs (`confirm`, `inform`,
    `ask_text`), which tests replace."""

    SAVE_GRACE_MS = 100  # a save over in this time shows no progress dialog
    IMPORT_GRACE_MS = 100  # an import over in this time shows no progress dialog

    def __init__(self, page: SetsPage) -> None:
        super().__init__(page)
        self.page = page

    @property
    def ctx(self) -> AppContext:
        return self.page.ctx

    # --- saving ---------------------------------------------------------------------
    def save(self) -> bool:
        """Write the set file atomically and reload the library (a set with problems is saved but not studied).

        Writing the file and loading the set into the learner's progress run in a worker with its own store
        connection, behind a progress dialog past the grace wait (a 100,000-question set takes seconds); the
        library's reload on the UI thread then finds the file loaded and unchanged.
        """
        page = self.page
        if page.qset is None or page.read_only:
            return False
        path = page.qset.path
        if (page.changed_on_disk()
                and not page.confirm("The file changed on disk",
                                     f"{path} was changed outside KetaQuiz since you opened it.\n\n"
                                     "Save your changes over it? (No keeps the file as it is; your changes stay here.)")):
            return False
        page.problems.stop()
        qset = page.qset
        # Without a store opened for it: the file is written even when the progress database cannot be opened.
        op = Operation.without_store(self.ctx, _save_work(qset, self.ctx), what=f"saving {qset.path}")
        op.on_failure(lambda e: page.inform(
            "Could not save", f"{qset.path}: {e.strerror if isinstance(e, OSError) else e}. Nothing was changed on disk.",
            error=True))  # (any error: said here, and logged with its traceback)
        op.run_modal(page, "Saving", qset.title, initiator=page, grace_ms=self.SAVE_GRACE_MS)
        if op.state != "done":
            return False
        page.show_saved(qset)
        return True

    # --- the set's preset, studying it ----------------------------------------------
    def show_preset(self) -> None:
        """The open set's preset in the combo (every preset listed)."""
        combo, qset = self.page.preset_combo, self.page.qset
        combo.clear()
        if qset is None:
            combo.setEnabled(False)
            return
        combo.addItems(list(presets.presets(self.ctx.store)))
        combo.setCurrentText(presets.preset_of(self.ctx.store, qset.id))
        combo.setEnabled(True)

    def choose_preset(self, _index: int) -> None:
        qset = self.page.qset
        if qset is None:
            return
        name = self.page.preset_combo.currentText()
        presets.choose_preset(self.ctx.store, qset.id, name)
        self.page.status.setText(f"“{qset.title}” is studied with the preset {name}.")

    def study_set(self) -> None:
        """Ask the study page for this set (only a saved set without problems is loaded for study)."""
        qset = self.page.qset
        if qset is not None and self.ctx.store.set_info(qset.id) is not None:
            self.ctx.study_requested.emit(StudyRequest(set_id=qset.id))
            self.ctx.page_requested.emit("study")

    # --- making, renaming, deleting -----------------------------------------------------
    def ask_new_set(self) -> None:
        title = self.page.ask_text("New set", "Title of the new set:")
        if title and self.page.maybe_keep_changes():
            self.create_set(title)

    def create_set(self, title: str) -> QuestionSet | None:
        sid = authoring.unique_set_id(self.ctx.data, title, self.ctx.store)
        try:
            qset = authoring.create_set(self.ctx.data, sid, title, store=self.ctx.store)
        except (authoring.AuthoringError, OSError) as e:
            self.page.inform("Could not create the set", str(e), error=True)
            return None
        self.ctx.reload_library()
        self.page.open_preloaded(qset, qset.id)  # the set as written: opening it needs no re-read
        return qset

    def ask_rename(self) -> None:
        if self.page.qset is None or self.page.read_only:
            return
        title = self.page.ask_text("Rename set", "New title:", self.page.qset.title)
        if title:
            self.rename_set(title)

    def rename_set(self, title: str) -> None:
        page = self.page
        if page.qset is None or page.read_only:
            return
        page.qset.title = title
        page.header.setText(title)
        page.set_dirty(True)
        page.save()

    def ask_topics(self) -> None:
        if self.page.qset is None or self.page.read_only:
            return
        dlg = TopicsDialog(self.page.qset.topics, self.page)
        if dlg.exec():
            self.set_topics(dlg.topics())

    def set_topics(self, topics: list[Topic]) -> None:
        """Replace the set's topics (questions keep theirs; one left without a declared topic is flagged)."""
        page = self.page
        if page.qset is None or page.read_only:
            return
        page.qset.topics = topics
        page.questions.set_topics(topics)
        page.set_dirty(True)
        page.problems.refresh()

    def ask_duplicate(self) -> None:
        if self.page.qset is None:
            return
        title = self.page.ask_text("Duplicate set", "Title of the copy:", f"{self.page.qset.title} (copy)")
        if title and self.page.maybe_keep_changes():
            self.duplicate_set(title)

    def duplicate_set(self, title: str) -> QuestionSet | None:
        page = self.page
        if page.qset is None:
            return None
        sid = authoring.unique_set_id(self.ctx.data, title, self.ctx.store)
        try:
            copy = authoring.duplicate_set(self.ctx.data, page.qset, sid, title, store=self.ctx.store)
        except (authoring.AuthoringError, OSError) as e:
            page.inform("Could not duplicate the set", str(e), error=True)
            return None
        self.ctx.reload_library()
        page.open_preloaded(copy, copy.id)  # the copy as written: shown at once, not read back in a worker
        return copy

    def ask_delete(self) -> None:
        page = self.page
        if page.qset is None or page.read_only:
            return
        if page.confirm("Delete set", f"Delete the set “{page.qset.title}”?\n\nYour progress on it is kept until you "
                        "purge it under Set → Deleted sets…, and you can restore it from there."):
            self.delete_set()

    def delete_set(self) -> None:
        page = self.page
        if page.qset is None or page.read_only:
            return
        try:
            authoring.delete_set(self.ctx.data, self.ctx.store, page.qset.id)
        except (authoring.AuthoringError, OSError) as e:
            page.inform("Could not delete the set", str(e), error=True)
            return
        page.qset = None
        page.set_dirty(False)
        self.ctx.reload_library()
        page.refresh_sets()

    def ask_trash(self) -> None:
        TrashDialog(self.page).exec()

    # --- import and export --------------------------------------------------------------
    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.page, "Import questions", str(Path.home()),
                                              "Question files (*.csv *.tsv *.txt *.apkg *.colpkg *.json);;All files (*)")
        if path and self.page.maybe_keep_changes():
            sid = authoring.unique_set_id(self.ctx.data, Path(path).stem, self.ctx.store)
            self.import_path(Path(path), sid)

    def import_path(self, path: Path, set_id: str | None = None) -> str | None:
        """Import a file as a new set and open it; returns its id once done (None when nothing was imported).

        Reading, checking and writing the set, then loading it into the learner's progress, run in a worker
        thread with its own store connection, behind a modal progress dialog (a 100,000-row file takes seconds);
        the UI thread stays free meanwhile. The importer's report is shown when it fails (nothing is written then).
        """
        page = self.page
        path = Path(path)
        def failed(error: BaseException) -> None:
            if isinstance(error, ImportError_):
                page.inform("Nothing imported", str(error), error=True)
            else:
                page.inform("Could not import", f"{path}: {error}", error=True)

        op = Operation.without_store(self.ctx, _import_work(path, set_id, self.ctx), what=f"importing {path}")
        op.on_failure(failed)  # any error, a hostile file's included: said here, and logged with its traceback
        op.run_modal(page, "Importing questions", path.name, initiator=page, grace_ms=self.IMPORT_GRACE_MS)
        if op.state != "done" or not isinstance(op.result, ImportResult):
            return None
        res = op.result
        self.ctx.reload_library()  # cheap: the file is loaded and unchanged
        page.open_preloaded(res.qset, res.set_id)  # the set as written: opening it needs no re-read
        brought = history_summary(res)
        note = "\n".join(([brought[:1].upper() + brought[1:] + "."] if brought else []) + res.warnings)
        page.inform("Imported", f"{res.count} questions imported into “{res.set_id}”." + (f"\n\n{note}" if note else ""))
        return res.set_id

    def ask_export(self) -> None:
        if self.page.qset is None:
            return
        path, chosen = QFileDialog.getSaveFileName(
            self.page, "Export set", str(Path.home() / f"{self.page.qset.id}.apkg"),
            "Anki package (*.apkg);;CSV with Anki headers (*.csv);;KetaQuiz JSON (*.json)")
        if path:
            m = re.search(r"\*\.(\w+)", chosen)
            fmt = Path(path).suffix.lstrip(".").lower() or (m.group(1) if m else "apkg")
            self.export_to(Path(path), fmt if fmt in exporters.FORMATS else "apkg")

    def export_to(self, path: Path, fmt: str) -> bool:
        qset = self.page.qset
        if qset is None:
            return False
        try:
            exporters.export_set(qset, fmt, path)
        except OSError as e:
            self.page.inform("Could not export", f"{path}: {e.strerror}", error=True)
            return False
        self.page.status.setText(f"Exported {len(qset.questions)} questions to {path}")
        return True

    def open_article_wizard(self) -> None:
        from .article_wizard import ArticleWizard  # loads the generator only when needed

        if not self.page.maybe_keep_changes():
            return
        wiz = ArticleWizard(self.ctx, self.page)
        if wiz.exec() and wiz.saved_set_id:
            self.page.qset = None
            self.page.refresh_sets(wiz.saved_set_id)
