"""The app's shared state: the data directory, the open profile's store, and signals every page listens to."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..core.clock import Clock, utc_now
from ..core.library import DEFAULT_PROFILE, DataDir, LoadProblem, changed_set_files, load_library
from ..core.store import Store
from .changes import LIBRARY, NOTHING, PROFILE, PROGRESS, Changes

if TYPE_CHECKING:
    from .operations import Lane, Operation

log = logging.getLogger(__name__)


def _size(path: Path) -> int:
    """The bytes loading a set file reads: the file, and the files beside it in its own folder (its article
    is one of them: a small set file over a big article must load off the UI thread too)."""
    try:
        total = path.stat().st_size
    except OSError:
        return 0  # gone since it was listed: load_library reports it
    if path.parent.name != "sets":  # (the sets folder itself holds other sets, not this one's article)
        try:
            with os.scandir(path.parent) as it:
                total += sum(e.stat().st_size for e in it if e.name != path.name and e.is_file())
        except OSError as e:  # (only an estimate: the set file's own size decides)
            log.debug("size of %s: %s", path.parent, e)
    return total


# Changed set files up to this size are loaded before the window shows (the bundled course is ~0.1 MB);
# bigger ones (a 100k-question set is ~14 MB, seconds to load) on a worker thread once it is up.
INLINE_LOAD_BYTES = 1_000_000


@dataclass(frozen=True)
class StudyRequest:
    """What to study: a set (None = all), some topics (None = all), or chosen question keys."""

    set_id: str | None = None
    topics: list[str] | None = None
    keys: list[int] | None = None
    extra_new: int = 0


class AppContext(QObject):
    """One per window. Pages read `store`, change data through `notify` (or an `operations.Operation`, which calls
    it), and listen to `changed` rather than call each other."""

    changed = Signal(object)  # a changes.Changes: what changed in the open profile, and who changed it
    profile_closing = Signal()  # the open profile's store is about to close: end what uses it
    study_requested = Signal(object)  # a StudyRequest
    show_in_article = Signal(str, str)  # set id, verbatim quote to highlight
    page_requested = Signal(str)  # a page name: home, study, article, sets, scores, settings

    def __init__(self, data: DataDir, profile: str | None = None, *, clock: Clock = utc_now,
                 store: Store | None = None) -> None:
        super().__init__()
        self.data = data
        self.clock = clock
        self.profile = profile or DEFAULT_PROFILE
        self.store: Store = store or data.open_store(self.profile, clock=clock)  # (`store`: opened and checked)
        self.load_problems: list[LoadProblem] = []
        self.closed = False
        # Operations by (kind, initiator) (operations.Operation): only the newest of each is applied.
        self.lanes: dict[tuple[str, int], Lane] = {}
        self._loading: Operation[list[LoadProblem]] | None = None  # loading big changed set files, while it runs

    def notify(self, changes: Changes, initiator: object | None = None) -> None:
        """Tell every screen what changed (`changes`, made by `initiator` when given): one `changed` notice."""
        if not changes:
            return
        if initiator is not None:
            changes = changes.by(initiator)
        log.debug("changed: %s (by %s)", changes.describe(), type(changes.initiator).__name__)
        self.changed.emit(changes)

    def reload_library(self, initiator: object | None = None, *, also: Changes = NOTHING) -> list[LoadProblem]:
        """Sync set files into the store (bundled course and the user's sets) and tell the pages, in one notice
        with what else changed (`also`)."""
        _results, self.load_problems = load_library(self.store, self.data)
        self.notify(LIBRARY | also, initiator)
        return self.load_problems

    def load_changed_sets(self) -> Operation[list[LoadProblem]] | None:
        """Load the set files changed outside the app: small ones now, big ones in an operation (a worker, its own
        connection). A library notice follows when any was found; returns the operation for the big ones, if any
        (while one runs, it is returned again: the files it loads are not loaded twice)."""
        if self._loading is not None and not self._loading.finished:
            return self._loading
        small: list[tuple[Path, bool]] = []
        big: list[tuple[Path, bool]] = []
        for path, bundled in changed_set_files(self.store, self.data):
            (small if _size(path) <= INLINE_LOAD_BYTES else big).append((path, bundled))
        if not small and not big:
            self.load_problems = []
            return None  # nothing changed (a start, or a return to the app, usually): nothing to tell the pages
        if small:
            _results, self.load_problems = load_library(self.store, self.data, small)
            self.notify(LIBRARY)
        if not big:
            return None
        from .operations import Operation  # not needed by most starts

        data = self.data

        def failed(error: BaseException) -> None:
            self.load_problems = [*self.load_problems, *(LoadProblem(p, f"could not load: {error}") for p, _b in big)]
            self.notify(LIBRARY | PROGRESS)

        def loaded(problems: list[LoadProblem]) -> None:
            self.load_problems = [*self.load_problems, *problems]

        # Dropped when another learner's store is open by then: theirs was loaded on the switch.
        op = self._loading = Operation(self, lambda store, _report: load_library(store, data, big)[1],
                                       changes=LIBRARY | PROGRESS, what="loading changed set files")
        return op.on_success(loaded).on_failure(failed).run()

    def switch_profile(self, name: str, *, closed: Callable[[], str] | None = None) -> None:
        """Close this learner's store and open another's (created on first use). With `closed`, that is called
        while no store is open (renaming or deleting this profile's folder) and gives the profile to open; when it
        raises, this profile is opened again and the error goes on."""
        if name == self.profile and closed is None:
            return
        if closed is None:
            # Checked as at start: a damaged, missing or newer database raises health.ProfileProblem, and this
            # learner's store stays open.
            from ..core.health import open_profile

            new_store = open_profile(self.data, name, clock=self.clock)
        self.profile_closing.emit()  # a study session ends while its store is still open
        self.store.close()
        if closed is not None:
            try:
                name = closed()
            except BaseException:
                self.store = self.data.open_store(self.profile, clock=self.clock)
                raise
            new_store = self.data.open_store(name, clock=self.clock)
        self.store, self.profile = new_store, name
        load_library(self.store, self.data)
        self.notify(PROFILE)

    def close(self) -> None:
        self.closed = True  # work finishing on a worker after this finds nothing to show into
        self.store.close()
