"""The app's start on a database that is gone, from a newer KetaQuiz, in a read-only folder: said in plain words,
backups offered only where they help, nothing changed that should not be."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from ketaquiz.core import backup
from ketaquiz.core.session import StudySession
from ketaquiz.ui.app import open_checked


def with_answers(data_dir, clock, n: int = 2) -> Path:
    st = data_dir.open_store(clock=clock)
    from ketaquiz.core.library import load_library

    load_library(st, data_dir)
    s = StudySession(st, clock=clock)
    for _ in range(n):
        s.submit(None)
        s.advance()
    path = backup.make_backup(st, data_dir.backups_dir(), clock())
    st.close()
    return path


class Dialogs:
    def __init__(self, *answers: bool) -> None:
        self.answers, self.seen = list(answers), []

    def ask(self, title: str, text: str) -> bool:
        self.seen.append((title, text))
        return self.answers.pop(0) if self.answers else False


def test_a_missing_database_is_reported_with_the_backup_offered(data_dir, clock):
    with_answers(data_dir, clock)
    for side in ("", "-wal", "-shm"):
        Path(f"{data_dir.db_path()}{side}").unlink(missing_ok=True)
    dialogs = Dialogs(True)
    ctx = open_checked(data_dir, "default", clock, dialogs.ask)  # today: a new, empty profile, silently
    try:
        title, text = dialogs.seen[0]
        assert title == "Progress database missing" and "is missing" in text and "holds 2 answers" in text
        assert "Restore the backup from" in text
        assert ctx is not None and ctx.store.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 2
    finally:
        if ctx is not None:
            ctx.close()


def test_a_missing_database_declined_twice_does_not_start(data_dir, clock):
    with_answers(data_dir, clock)
    Path(data_dir.db_path()).unlink()
    Path(f"{data_dir.db_path()}-wal").unlink(missing_ok=True)
    dialogs = Dialogs(False, False)
    assert open_checked(data_dir, "default", clock, dialogs.ask) is None
    assert "Start with empty progress instead?" in dialogs.seen[1][1]
    assert not data_dir.db_path().exists()


def test_a_newer_ketaquiz_database_is_not_called_damaged_and_not_touched(data_dir, clock):
    with_answers(data_dir, clock)
    st = data_dir.open_store(clock=clock)
    st.conn.execute("PRAGMA user_version = 99")
    st.close()
    before = data_dir.db_path().read_bytes()
    dialogs = Dialogs(True)
    assert open_checked(data_dir, "default", clock, dialogs.ask) is None
    title, text = dialogs.seen[0]
    assert title == "Progress saved by a newer KetaQuiz" and "written by a newer KetaQuiz" in text
    assert "damaged" not in text.lower() and "Restore" not in text  # today: "damaged", and an older backup offered
    assert data_dir.db_path().read_bytes() == before
    assert not list(data_dir.db_path().parent.glob("*.before-restore-*"))


@pytest.fixture
def read_only_data(data_dir, clock, tmp_path):
    """`data_dir` with progress in it, then made read-only: a read-only bind mount as root (permission bits do not
    stop root), chmod otherwise."""
    with_answers(data_dir, clock)
    root = data_dir.root
    if os.geteuid() != 0:
        for p in [root, *root.rglob("*")]:
            p.chmod(0o555 if p.is_dir() else 0o444)
        yield data_dir
        for p in [root, *root.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)
        return
    ok = subprocess.run(["mount", "--bind", str(root), str(root)], capture_output=True).returncode == 0
    ok = ok and subprocess.run(["mount", "-o", "remount,bind,ro", str(root)], capture_output=True).returncode == 0
    if not ok:
        subprocess.run(["umount", str(root)], capture_output=True)
        pytest.skip("cannot make a read-only mount here (needs root with mount rights)")
    try:
        yield data_dir
    finally:
        subprocess.run(["umount", str(root)], check=True)


def test_a_read_only_folder_says_so_and_still_studies(qtbot, read_only_data, clock):
    from ketaquiz.ui.app import Launched, launch

    before = read_only_data.db_path().read_bytes()
    started = launch(read_only_data, clock=clock)  # today: "KetaQuiz is already open" (no lock file can be made)
    assert isinstance(started, Launched)
    try:
        qtbot.addWidget(started.window)
        assert "read-only" in started.window.windowTitle()
        from PySide6.QtWidgets import QLabel

        label = started.window.findChild(QLabel, "read_only_note")
        assert label is not None and "is read-only" in label.text() and "nothing you do is saved" in label.text()
        ctx = started.controller.ctx
        assert ctx.store.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 2  # the progress, readable
        s = StudySession(ctx.store, clock=clock)
        s.submit(None)  # studying works, on the copy
        started.window.close()
        started.app.aboutToQuit.disconnect(started.controller.shutdown)
        started.app.applicationStateChanged.disconnect(started.controller._state_changed)
        started.controller.shutdown()  # no backup attempted into the read-only folder
    finally:
        started.guard.release()
    assert read_only_data.db_path().read_bytes() == before


def test_quiz_in_a_read_only_folder_says_read_only_and_runs(read_only_data):
    import sys

    env = {k: v for k, v in os.environ.items() if k != "KETAQUIZ_DATA"}
    run = subprocess.run([sys.executable, "-m", "ketaquiz", "--data", str(read_only_data.root), "quiz", "--limit", "1"],
                         input="-\n", capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == 0, run.stderr  # today: a traceback
    assert "is read-only" in run.stderr and "nothing you do is saved" in run.stderr
    assert "Score: 0/1" in run.stdout


def test_switching_to_a_damaged_profile_says_so_and_keeps_the_open_one(qtbot, data_dir, clock, monkeypatch):
    from ketaquiz.ui import plain
    from ketaquiz.ui.context import AppContext
    from ketaquiz.ui.profiles import ProfileSwitcher

    bad = data_dir.db_path("Ann")
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"not a database at all" * 300)
    warned: list[str] = []
    monkeypatch.setattr(plain, "inform", lambda _parent, _title, text, **_k: warned.append(text))
    ctx = AppContext(data_dir, clock=clock)
    try:
        w = ProfileSwitcher(ctx)
        qtbot.addWidget(w)
        w.combo.activated.emit(w.combo.findData("Ann"))  # today: an exception in the slot, and nothing said
        assert warned and "is damaged" in warned[0] and "There is no good backup" in warned[0]
        assert ctx.profile == "default" and ctx.store.quick_check() == "ok"
        assert w.combo.currentText() == "default"
    finally:
        ctx.close()
