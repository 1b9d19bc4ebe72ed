"""An uncaught exception anywhere in the app (a Qt slot, a worker thread) is logged with its traceback and shown in
a dialog saying what happened and where the log is; it never disappears silently."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.store import StoreError
from . import plain

log = logging.getLogger("ketaquiz.crash")

Show = Callable[[str, str], object]  # (title, text)


def describe(error: BaseException, log_path: Path | None) -> tuple[str, str]:
    """The dialog's title and text for an uncaught `error`."""
    where = f"The details are in {log_path}." if log_path else "The details were written to the terminal (no log file could be made)."
    if isinstance(error, StoreError):
        return ("Could not save" if error.kind in ("full", "readonly", "busy") else "Progress database problem",
                f"{str(error)[:1].upper()}{str(error)[1:]}.\n\n{where}")
    text = str(error) or type(error).__name__
    return ("Something went wrong",
            f"KetaQuiz met an error it did not expect: {type(error).__name__}: {text}\n\n"
            f"Your answers up to the last one shown as recorded are saved. {where}")


def _show_dialog(title: str, text: str) -> QMessageBox:
    """The dialog, shown without blocking (the app carries on behind it; a test's event loop is not stopped)."""
    box = plain.message_box(QApplication.activeWindow(), QMessageBox.Icon.Critical, title, text)  # (never parsed)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("error_dialog")
    box.show()
    return box


class CrashReporter(QObject):
    """Installed as sys.excepthook and threading.excepthook: logs, then shows (on the UI thread) what happened."""

    report = Signal(str, str)

    def __init__(self, start_log: Callable[[], Path | None], show: Show | None = None,
                 parent: QObject | None = None) -> None:
        """`start_log` starts the log file and gives its path (once: at the first paint, or at the first error)."""
        super().__init__(parent)
        self._start_log = start_log
        self._log_path: Path | None = None
        self._started = False
        self.shown = 0
        self._open: object = None
        self.show = show or _show_dialog
        self.report.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous = (sys.excepthook, threading.excepthook)

    @property
    def log_path(self) -> Path | None:
        if not self._started:
            self._started = True
            self._log_path = self._start_log()
        return self._log_path

    def install(self) -> CrashReporter:
        sys.excepthook = self.excepthook
        threading.excepthook = lambda a: self.excepthook(a.exc_type, a.exc_value or a.exc_type(), a.exc_traceback)
        return self

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def excepthook(self, typ: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(typ, KeyboardInterrupt):
            sys.__excepthook__(typ, error, tb)
            return
        path = self.log_path  # (the log started first, if it was not yet)
        log.error("uncaught exception", exc_info=(typ, error, tb))
        if path is None:
            sys.__excepthook__(typ, error, tb)
        self.report.emit(*describe(error, path))  # queued: shown by the UI thread, whichever raised it

    def _show(self, title: str, text: str) -> None:
        try:
            if isinstance(self._open, QMessageBox) and self._open.isVisible():
                return  # one dialog at a time: an error repeating meanwhile (a paint, say) is in the log
        except RuntimeError:
            pass  # that dialog was closed (and deleted)
        self.shown += 1
        self._open = self.show(title, text)
