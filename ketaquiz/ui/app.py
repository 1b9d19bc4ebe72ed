"""Start the desktop app: one instance per data directory, a checked database, daily backups, the main window."""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLockFile, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QInputDialog, QMainWindow, QWidget

from ..core import backup
from ..core.clock import Clock, utc_now
from ..core.health import ProfileProblem, open_profile, readable_copy
from ..core.library import DataDir, set_folders
from ..core.profiles import last_profile
from ..core.store import StoreError, load_sqlite_utils
from ..resources import asset
from . import plain
from .changes import PROGRESS, SETTINGS, Changes
from .context import AppContext
from .main_window import MainWindow
from .theme import apply_theme

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

    from .operations import Operation
    from .set_watch import SetFileWatcher

Ask = Callable[[str, str], bool]  # (title, question) -> yes?


class InstanceGuard(QObject):
    """One running app per data directory: a lock file, and a local socket the next instance knocks on."""

    raise_requested = Signal()

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        root.mkdir(parents=True, exist_ok=True)
        self.lock = QLockFile(str(root / "ketaquiz.lock"))
        self.lock.setStaleLockTime(0)  # never stale by age: a long study session keeps it
        digest = hashlib.sha1(str(root.resolve()).encode()).hexdigest()[:16]
        user = os.environ.get("USER") or os.environ.get("USERNAME") or "user"
        self.name = f"ketaquiz-{user}-{digest}"
        self.server: QLocalServer | None = None

    def acquire(self, *, listen: bool = True) -> bool:
        """True when this is the only instance; then it listens for the next one (now, or on `listen()`)."""
        if not self.lock.tryLock(100):
            return False
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Answer the next instance's knock (it then raises this window instead of opening a second)."""
        if self.server is not None or not self.lock.isLocked():
            return
        from PySide6.QtNetwork import QLocalServer  # only once the lock is ours

        QLocalServer.removeServer(self.name)  # a leftover from a crash
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._knock)
        self.server.listen(self.name)

    def _knock(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        assert isinstance(self.server, QLocalServer)
        while self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            conn.disconnected.connect(conn.deleteLater)
            conn.close()
            self.raise_requested.emit()

    def notify_running(self, timeout_ms: int = 1000) -> bool:
        """Ask the running instance to raise its window; False when it does not answer within the timeout
        (it listens only once its window is up, so a refused connection is tried again meanwhile)."""
        from PySide6.QtCore import QDeadlineTimer, QThread
        from PySide6.QtNetwork import QLocalSocket

        deadline = QDeadlineTimer(timeout_ms)
        sock = QLocalSocket()
        while True:
            sock.connectToServer(self.name)
            if sock.waitForConnected(max(0, deadline.remainingTime())):
                break
            if deadline.hasExpired():
                return False
            sock.abort()
            QThread.msleep(50)
        sock.write(b"raise\n")
        sock.flush()
        sock.waitForBytesWritten(timeout_ms)
        sock.disconnectFromServer()
        return True

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()


# Titles of the start-up messages, by StoreError.kind.
_PROBLEM_TITLES = {
    "damaged": "Progress database damaged", "missing": "Progress database missing", "io": "Cannot read your progress",
    "newer": "Progress saved by a newer KetaQuiz", "full": "Disk full", "busy": "Progress database busy",
    "readonly": "Read-only folder",
}


def open_checked(data: DataDir, profile: str, clock: Clock, ask: Ask,
                 inform: Callable[[str, str], object] | None = None) -> AppContext | None:
    """Open the profile as every command does (health.open_profile). When it is damaged, or gone while its backups
    hold answers, offer the newest good backup (and, for a database gone, a fresh start); otherwise say what is
    wrong (a newer KetaQuiz's database, a full disk: nothing is offered that would change it).

    Returns None when the app must not start.
    """
    inform = inform or ask
    try:
        return AppContext(data, profile, clock=clock, store=open_profile(data, profile, clock=clock))
    except ProfileProblem as p:
        title = _PROBLEM_TITLES.get(p.kind, "Cannot open your progress")
        if p.backup is None:
            inform(title, str(p))
            return None
        answers = p.backup.report(check=False).answers
        if ask(title, f"{p.reason}\n\nRestore the backup from {p.backup.label} ({answers} answers)? "
                      "The current file is kept beside it."):
            backup.restore_backup(p.backup.path, data.db_path(profile), clock())
            return AppContext(data, profile, clock=clock)
        if p.kind == "missing" and ask(title, f"Start with empty progress instead? Your backups stay in {p.backups_dir}."):
            store = open_profile(data, profile, clock=clock, allow_empty=True)
            backup.make_backup(store, p.backups_dir, clock(), force=True)  # the fresh start is the newest backup
            return AppContext(data, profile, clock=clock, store=store)
        return None


class AppController(QObject):
    """Wires the window to backups and settings; owns the context for the app's life."""

    def __init__(self, app: QApplication, ctx: AppContext, window: MainWindow, *, ask: Ask | None = None,
                 choose: Callable[[list[backup.Backup]], backup.Backup | None] | None = None,
                 inform: Callable[[str, str], object] | None = None) -> None:
        super().__init__()
        self.app, self.ctx, self.window = app, ctx, window
        self.ask = ask or (lambda title, text: _ask(window, title, text))
        self.inform = inform or (lambda title, text: plain.inform(window, title, text))
        self.choose = choose or (lambda items: _choose_backup(window, items))
        window.restore_requested.connect(self.restore_dialog)
        window.backup_requested.connect(self.backup_now)
        ctx.changed.connect(self._changed)
        # "Same as the system" follows the desktop switching between light and dark.
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._scheme_changed)
        # Back in the app (from a text editor, say): set files changed meanwhile are loaded.
        app.applicationStateChanged.connect(self._state_changed)
        self.set_watcher: SetFileWatcher | None = None  # and, once started, as they change (watch_set_files)

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.load_changed_sets()
            if self.set_watcher is not None:
                self.set_watcher.rewatch()  # a folder removed and made again meanwhile is watched again

    def load_changed_sets(self) -> None:
        """Load the set files changed outside the app (a stat of each when none has: cheap); the status bar
        says so while big ones load in the background."""
        show_loading(self.window, self.ctx.load_changed_sets())

    def watch_set_files(self) -> SetFileWatcher:
        """From now on, load set files as soon as they change outside the app, even while it stays in front."""
        if self.set_watcher is None:
            from .set_watch import SetFileWatcher  # after the first paint: QFileSystemWatcher need not delay it

            data = self.ctx.data
            data.sets_dir.mkdir(parents=True, exist_ok=True)  # so that the first set put there is seen
            self.set_watcher = SetFileWatcher(lambda: [folder for folder, _bundled in set_folders(data)], self)
            self.set_watcher.changed.connect(self.load_changed_sets)
        self.set_watcher.rewatch()
        return self.set_watcher

    def _changed(self, changes: Changes) -> None:
        if changes.settings:
            self.apply_settings()  # the theme and font size
        if changes.profile:
            QTimer.singleShot(1500, self.daily_backup)

    def _scheme_changed(self, _scheme: object) -> None:
        if self.ctx.store.appearance().theme == "system":
            self.apply_settings()

    @property
    def backups_dir(self) -> Path:
        return self.ctx.data.backups_dir(self.ctx.profile)

    def apply_settings(self) -> None:
        apply_theme(self.app, self.ctx.store.appearance())

    def daily_backup(self) -> Path | None:
        """Today's backup, when none was taken yet; a refusal (a damaged database, fewer answers than the newest
        backup) or a failure is said in the status bar and the log."""
        if self.ctx.data.read_only:
            return None
        try:
            return backup.maybe_daily_backup(self.ctx.store, self.backups_dir, self.ctx.clock())
        except (backup.BackupRefused, OSError, StoreError) as e:
            logging.getLogger(__name__).warning("daily backup: %s", e)
            self.window.statusBar().showMessage(f"No backup today: {e}", 20000)
            return None

    def backup_now(self) -> Path | None:
        if self.ctx.data.read_only:
            self.inform("Not backed up", self.ctx.data.read_only)
            return None
        try:
            path = backup.make_backup(self.ctx.store, self.backups_dir, self.ctx.clock())
        except (backup.BackupRefused, OSError, StoreError) as e:
            self.inform("Not backed up", str(e).replace("'ketaquiz backup --force'", "the command 'ketaquiz backup --force'"))
            return None
        self.window.statusBar().showMessage(f"Backed up to {path}", 5000)
        return path

    def restore_dialog(self) -> bool:
        """Pick a backup and put it in place (the current database is moved aside, not deleted)."""
        items = backup.list_backups(self.backups_dir)
        if not items:
            self.ask("Restore backup", f"There are no backups yet in {self.backups_dir}.")
            return False
        chosen = self.choose(items)
        if chosen is None:
            return False
        return self.restore(chosen)

    def restore(self, chosen: backup.Backup) -> bool:
        study = self.window.pages.get("study")
        stop = getattr(study, "stop", None)
        if callable(stop):
            stop()
        ctx = self.ctx
        ctx.store.close()
        try:
            aside = backup.restore_backup(chosen.path, ctx.data.db_path(ctx.profile), ctx.clock())
        finally:
            ctx.store = ctx.data.open_store(ctx.profile, clock=ctx.clock)
        ctx.reload_library(self, also=PROGRESS | SETTINGS)  # one notice: everything of this profile may differ
        self.window.statusBar().showMessage(
            f"Restored the backup from {chosen.label}" + (f"; the previous database is at {aside}" if aside else ""),
            10000,
        )
        return True

    def shutdown(self) -> None:
        """On quit: one last backup (none of a read-only copy, nor of a database the backups must be kept from), then
        close the database."""
        if not self.ctx.data.read_only:
            try:
                backup.make_backup(self.ctx.store, self.backups_dir, self.ctx.clock())
            except Exception as e:  # noqa: BLE001 - a failed backup must not lose the quit
                logging.getLogger(__name__).warning("backup on close: %s", e)
                print(f"ketaquiz: backup on close: {e}", file=sys.stderr)
        self.ctx.close()


def _ask(parent: QWidget | None, title: str, text: str) -> bool:
    return plain.ask(parent, title, text)


def _choose_backup(parent: QWidget, items: list[backup.Backup]) -> backup.Backup | None:
    labels = [b.label for b in items]
    label, ok = QInputDialog.getItem(
        parent, "Restore backup", "Replace your progress with the backup from\n(the current database is kept aside):",
        labels, 0, False,
    )
    if not ok:
        return None
    return items[labels.index(label)]


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), high-DPI friendly."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("KetaQuiz")
    app.setOrganizationName("KetaQuiz")
    app.setApplicationDisplayName("KetaQuiz")
    return app


def set_app_icon(app: QApplication) -> None:
    """The windows' and the taskbar's icon; on Wayland the desktop entry (`ketaquiz install-desktop`) names it."""
    icon = QIcon()
    for name in ("ketaquiz.svg", "ketaquiz.png"):
        icon.addFile(str(asset(name)))
    app.setWindowIcon(icon)
    QGuiApplication.setDesktopFileName("ketaquiz")


def window_settings(data: DataDir) -> QSettings:
    """Window geometry and last page, kept in the data directory (so each data directory has its own)."""
    return QSettings(str(data.root / "window.ini"), QSettings.Format.IniFormat)


@dataclass
class Launched:
    """A started app, before its event loop runs."""

    app: QApplication
    window: MainWindow
    controller: AppController
    guard: InstanceGuard


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self.callback = callback

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)  # once this paint is done
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], object]) -> None:
    """Call `callback` once `widget` has painted for the first time (a zero timer would run before that paint)."""
    widget.installEventFilter(_FirstPaint(widget, callback))


def show_read_only(window: QMainWindow, note: str) -> None:
    """Say, for as long as the window is open, that nothing done in it is saved."""
    from PySide6.QtWidgets import QLabel

    window.setWindowTitle(f"{window.windowTitle()} (read-only)")
    label = QLabel(note)
    label.setObjectName("read_only_note")
    label.setTextFormat(Qt.TextFormat.PlainText)
    window.statusBar().addPermanentWidget(label)


def show_loading(window: QMainWindow, op: Operation | None) -> None:
    """While set files load in the background: a line in the status bar, gone when they are in."""
    if op is None or op.finished:
        return
    window.statusBar().showMessage("Loading question sets changed outside KetaQuiz…")
    op.on_end(lambda _op: window.statusBar().clearMessage())


def launch(data: DataDir, profile: str | None = None, *, clock: Clock = utc_now) -> Launched | int:
    """Everything up to the shown window; an exit status instead when the app must not start."""
    app = make_app()
    set_app_icon(app)
    from .workers import UI_SWITCH_INTERVAL

    sys.setswitchinterval(min(sys.getswitchinterval(), UI_SWITCH_INTERVAL))  # once, for the app's life (workers.py)
    from ..core.logs import start_log
    from .crash import CrashReporter

    reporter = CrashReporter(start_log, parent=app).install()  # from here on no error passes unseen
    profile = profile or last_profile(data)
    data = readable_copy(data, profile)  # a read-only folder: the app works on a copy, and says so
    guard = InstanceGuard(data.root)
    if not guard.acquire(listen=False):  # listens once the window is up: QtNetwork need not delay it
        if guard.notify_running():
            print(f"KetaQuiz is already running on {data.root}; its window was brought to the front.", file=sys.stderr)
            return 0
        plain.inform(None, "KetaQuiz is already open", f"KetaQuiz is already open on {data.root}.\nSwitch to its window.",
                     warning=False)
        return 1
    ctx = open_checked(data, profile, clock, lambda t, q: _ask(None, t, q), lambda t, m: plain.inform(None, t, m))
    if ctx is None:
        guard.release()
        return 1
    loading = ctx.load_changed_sets()  # a big set changed outside the app loads once the window is up
    apply_theme(app, ctx.store.appearance())
    window = MainWindow(ctx, settings=window_settings(data))
    show_loading(window, loading)
    controller = AppController(app, ctx, window)
    guard.raise_requested.connect(lambda: _bring_to_front(window))
    window.restore_state()
    if data.read_only:
        show_read_only(window, data.read_only)
    window.show()
    window.raise_()
    window.activateWindow()
    # After the first paint: the daily backup never delays the window, and sqlite-utils (needed by the
    # first settings change, undo or set sync) loads on a worker thread instead of in the user's way.
    after_first_paint(window, guard.listen)
    after_first_paint(window, lambda: reporter.log_path)  # the log file, once the window is up
    after_first_paint(window, controller.watch_set_files)
    QTimer.singleShot(1500, controller.daily_backup)
    QTimer.singleShot(200, lambda: threading.Thread(target=load_sqlite_utils, daemon=True).start())
    app.aboutToQuit.connect(controller.shutdown)
    return Launched(app, window, controller, guard)


def run(data: DataDir, profile: str | None = None, *, clock: Clock = utc_now) -> int:
    """Run the desktop app on a data directory until the window closes; the exit status."""
    started = launch(data, profile, clock=clock)
    if isinstance(started, int):
        return started
    try:
        return int(started.app.exec())
    finally:
        started.guard.release()
        # Destroy the window while Qt is still up, not in interpreter shutdown's arbitrary order.
        started.window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _bring_to_front(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
