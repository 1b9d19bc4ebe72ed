"""Watch the set files while the app runs: one edited outside KetaQuiz loads even when the window stays in front
(a script that rewrites a set, an editor beside the app). Coming back to the app loads changes too (app.py);
this covers the time in between.

Qt's file watcher reports a change of a watched file, and a file added, removed or renamed in a watched folder.
Editors that save by writing a new file and renaming it over the old one replace the watched file, so after every
change the folders are walked again and the watch list is brought up to date.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ..core.setfile import SET_FILE_SUFFIX

# An editor's save is several file events (write, rename, chmod): they are answered once, after this pause.
SETTLE_MS = 300


class SetFileWatcher(QObject):
    """Watches the folders `roots()` names (each with every folder and set file under it). `changed` is emitted
    once things have settled after a change; call `rewatch()` to start."""

    changed = Signal()

    def __init__(self, roots: Callable[[], list[Path]], parent: QObject | None = None, *,
                 settle_ms: int = SETTLE_MS) -> None:
        super().__init__(parent)
        self._roots = roots
        self._watcher = QFileSystemWatcher(self)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._watcher.fileChanged.connect(self._settle.start)
        self._watcher.directoryChanged.connect(self._settle.start)
        self._settle.timeout.connect(self._settled)

    def watched(self) -> set[str]:
        return set(self._watcher.files()) | set(self._watcher.directories())

    def rewatch(self) -> None:
        """Watch every folder and set file now under the roots (and stop watching those gone)."""
        want: set[str] = set()
        for root in self._roots():
            if not root.is_dir():
                continue
            want.add(str(root))
            for p in root.rglob("*"):
                if p.is_dir() or p.suffix == SET_FILE_SUFFIX:
                    want.add(str(p))
        have = self.watched()
        if have - want:
            self._watcher.removePaths(sorted(have - want))
        if want - have:
            self._watcher.addPaths(sorted(want - have))

    def _settled(self) -> None:
        self.rewatch()
        self.changed.emit()
