"""An uncaught exception anywhere in the app is logged to a rotating file and shown in a dialog naming the log."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ketaquiz.core.logs import start_log
from ketaquiz.core.store import StoreError
from ketaquiz.ui.crash import CrashReporter

pytestmark = pytest.mark.qt_no_exception_capture  # the app's own hook is under test


@pytest.fixture
def reporter(tmp_path):
    seen: list[tuple[str, str]] = []
    r = CrashReporter(lambda: start_log(tmp_path / "logs"), show=lambda t, m: seen.append((t, m))).install()
    r.seen = seen
    yield r
    r.uninstall()


def boom() -> None:
    raise ZeroDivisionError("the slot divided by zero")


def test_an_exception_in_a_qt_slot_is_logged_and_shown(qtbot, reporter, tmp_path):
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: bool(reporter.seen), timeout=3000)
    title, text = reporter.seen[0]
    log = tmp_path / "logs" / "ketaquiz.log"
    assert title == "Something went wrong"
    assert "ZeroDivisionError: the slot divided by zero" in text and str(log) in text
    content = log.read_text(encoding="utf-8")
    assert "Traceback" in content and "in boom" in content


def test_an_exception_in_a_worker_thread_is_shown_by_the_ui_thread(qtbot, reporter):
    t = threading.Thread(target=boom)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: bool(reporter.seen), timeout=3000)
    assert "divided by zero" in reporter.seen[0][1]


def test_a_store_error_is_shown_as_what_to_do(qtbot, reporter):
    def full() -> None:
        raise StoreError("the disk holding /data is full: the last change was not saved", kind="full")

    QTimer.singleShot(0, full)
    qtbot.waitUntil(lambda: bool(reporter.seen), timeout=3000)
    title, text = reporter.seen[0]
    assert title == "Could not save" and text.startswith("The disk holding /data is full")


def test_the_launched_app_shows_a_dialog_naming_the_log(qtbot, data_dir, clock, tmp_path, monkeypatch):
    from ketaquiz.ui.app import Launched, launch

    monkeypatch.setenv("KETAQUIZ_LOG_DIR", str(tmp_path / "applogs"))
    before = sys.excepthook
    started = launch(data_dir, clock=clock)
    assert isinstance(started, Launched)
    try:
        qtbot.addWidget(started.window)
        QTimer.singleShot(0, boom)  # today: printed to a terminal the user does not see, and nothing else
        qtbot.waitUntil(lambda: any(w.objectName() == "error_dialog" and w.isVisible()
                                    for w in QApplication.topLevelWidgets()), timeout=3000)
        box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "error_dialog")
        assert isinstance(box, QMessageBox)
        assert str(tmp_path / "applogs" / "ketaquiz.log") in box.text()
        box.close()
        started.window.close()
        started.app.aboutToQuit.disconnect(started.controller.shutdown)
        started.controller.ctx.close()
    finally:
        started.guard.release()
        sys.excepthook = before
        threading.excepthook = threading.__excepthook__


def test_an_operation_failing_with_no_handler_is_logged_and_shown(qtbot, reporter, tmp_path, data_dir, clock):
    """A bug in an operation's work (on a worker thread) reaches the learner and the log, with the worker's
    traceback; nothing swallows it."""
    from ketaquiz.ui.context import AppContext
    from ketaquiz.ui.operations import Operation

    ctx = AppContext(data_dir, clock=clock)
    try:
        def work(_store, _report):
            raise KeyError("a bug in the work")

        op = Operation(ctx, work, what="figures").run()
        qtbot.waitUntil(lambda: bool(reporter.seen), timeout=5000)
    finally:
        ctx.close()
    assert op.state == "failed"
    title, text = reporter.seen[0]
    assert title == "Something went wrong" and "a bug in the work" in text
    content = (tmp_path / "logs" / "ketaquiz.log").read_text(encoding="utf-8")
    assert "Traceback" in content and "in work" in content
