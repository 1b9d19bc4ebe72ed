"""The app's shared state: the data directory, the open profile's store, and signals every page listens to."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from ..core.clock import Clock, utc_now
from ..core.library import DEFAULT_PROFILE, DataDir, LoadProblem, load_library
from ..core.store import Store


@dataclass(frozen=True)
class StudyRequest:
    """What to study: a set (None = all), some topics (None = all), or chosen question keys."""

    set_id: str | None = None
    topics: list[str] | None = None
    keys: list[int] | None = None
    extra_new: int = 0


class AppContext(QObject):
    """One per window. Pages read `store`, and emit/listen to these signals rather than call each other."""

    library_changed = Signal()  # sets added, edited, deleted or re-synced
    progress_changed = Signal()  # answers recorded or undone
    profile_changed = Signal(str)  # another learner's profile is open
    settings_changed = Signal()
    study_requested = Signal(object)  # a StudyRequest
    show_in_article = Signal(str, str)  # set id, verbatim quote to highlight
    page_requested = Signal(str)  # a page name: home, study, article, sets, scores, settings

    def __init__(self, data: DataDir, profile: str | None = None, *, clock: Clock = utc_now) -> None:
        super().__init__()
        self.data = data
        self.clock = clock
        self.profile = profile or DEFAULT_PROFILE
        self.store: Store = data.open_store(self.profile, clock=clock)
        self.load_problems: list[LoadProblem] = []

    def reload_library(self) -> list[LoadProblem]:
        """Sync set files into the store (bundled course and the user's sets) and tell the pages."""
        _results, self.load_problems = load_library(self.store, self.data)
        self.library_changed.emit()
        return self.load_problems

    def switch_profile(self, name: str) -> None:
        """Close this learner's store and open another's (created on first use)."""
        if name == self.profile:
            return
        new_store = self.data.open_store(name, clock=self.clock)
        self.store.close()
        self.store, self.profile = new_store, name
        load_library(self.store, self.data)
        self.profile_changed.emit(name)
        self.library_changed.emit()
        self.progress_changed.emit()

    def close(self) -> None:
        self.store.close()
