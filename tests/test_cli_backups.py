"""`ketaquiz backup` / `restore`, and every command checking the database as the app does: a damaged, emptied or
missing database is reported with where the backups are and the command that restores one; never a traceback."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys

import pytest

from ketaquiz.core.library import DataDir


def ketaquiz(data: DataDir, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "KETAQUIZ_DATA"}
    return subprocess.run([sys.executable, "-m", "ketaquiz", "--data", str(data.root), *args], input=stdin,
                          capture_output=True, text=True, timeout=120, env=env)


def answers(data: DataDir) -> int:
    conn = sqlite3.connect(data.db_path())
    try:
        return conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def studied(tmp_path) -> DataDir:
    """A data directory with 3 answers and a backup of them (made by `ketaquiz backup`)."""
    data = DataDir(tmp_path / "data")
    assert ketaquiz(data, "quiz", "--limit", "3", stdin="-\n-\n-\n").returncode == 0
    made = ketaquiz(data, "backup")
    assert made.returncode == 0, made.stderr
    assert os.path.exists(made.stdout.strip())
    return data


def remove_db(data: DataDir) -> None:
    for suffix in ("", "-wal", "-shm"):
        (data.db_path().parent / f"ketaquiz.db{suffix}").unlink(missing_ok=True)


def test_backup_prints_its_path_and_restore_lists_date_and_answers(studied):
    listing = ketaquiz(studied, "restore")
    assert listing.returncode == 0
    assert re.search(r"ketaquiz-\d{8}-\d{6}\.db  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d  3 answers", listing.stdout)
    assert "ketaquiz restore latest" in listing.stdout


@pytest.mark.parametrize("command", [["stats"], ["quiz"], ["sets"], ["export", "ketamine"]])
def test_every_command_reports_an_emptied_database_and_offers_the_backups(studied, command):
    remove_db(studied)
    studied.db_path().write_bytes(b"")  # zero bytes: today it opens as a new, empty profile
    run = ketaquiz(studied, *command, stdin="-\n")
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "is empty (0 bytes), but the backup from" in run.stderr and "holds 3 answers" in run.stderr
    assert str(studied.backups_dir()) in run.stderr and "ketaquiz restore latest" in run.stderr
    assert studied.db_path().stat().st_size == 0  # nothing made over it


def test_restore_latest_puts_the_answers_back_and_keeps_the_damaged_file(studied):
    studied.db_path().write_bytes(b"garbage" * 1000)
    for side in ("-wal", "-shm"):
        (studied.db_path().parent / f"ketaquiz.db{side}").unlink(missing_ok=True)
    damaged = ketaquiz(studied, "stats")
    assert damaged.returncode == 1 and "is damaged" in damaged.stderr and "ketaquiz restore latest" in damaged.stderr
    restored = ketaquiz(studied, "restore", "latest")
    assert restored.returncode == 0, restored.stderr
    assert "(3 answers)" in restored.stdout and "kept at" in restored.stdout
    aside = list(studied.db_path().parent.glob("ketaquiz.db.before-restore-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == b"garbage" * 1000
    assert answers(studied) == 3
    assert ketaquiz(studied, "stats").returncode == 0


def test_a_missing_database_can_be_started_afresh_on_purpose(studied):
    remove_db(studied)
    assert ketaquiz(studied, "stats").returncode == 1  # reported, not silently a new profile
    fresh = ketaquiz(studied, "backup", "--force")
    assert fresh.returncode == 0, fresh.stderr
    assert ketaquiz(studied, "stats").returncode == 0 and answers(studied) == 0


def test_backup_refuses_a_database_with_fewer_answers_than_the_newest_backup(studied):
    import shutil

    assert ketaquiz(studied, "--profile", "other", "stats").returncode == 0  # a valid database with no answers
    remove_db(studied)
    shutil.copyfile(studied.db_path("other"), studied.db_path())  # as a database that lost its answers
    run = ketaquiz(studied, "backup")
    assert run.returncode == 1
    assert "fewer answers (0) than the newest backup (3" in run.stderr and "ketaquiz backup --force" in run.stderr
    assert len(list(studied.backups_dir().glob("*.db"))) == 1


def test_restore_of_an_unknown_name_says_how_to_list(studied):
    run = ketaquiz(studied, "restore", "nope")
    assert run.returncode == 1 and "no backup named 'nope'" in run.stderr and "'ketaquiz restore' lists them" in run.stderr


def test_restore_is_refused_while_the_app_is_open_on_the_data_directory(studied):
    app = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])  # stands for the app's process
    try:
        (studied.root / "ketaquiz.lock").write_text(f"{app.pid}\nketaquiz\nhost\n", encoding="utf-8")
        run = ketaquiz(studied, "restore", "latest")
        assert run.returncode == 1 and "KetaQuiz is open on" in run.stderr and "close it first" in run.stderr
        assert not list(studied.db_path().parent.glob("ketaquiz.db.before-restore-*"))
    finally:
        app.kill()
        app.wait()
    assert ketaquiz(studied, "restore", "latest").returncode == 0  # the lock a crash left does not stop it


def test_restore_is_refused_while_a_terminal_quiz_has_the_profile_open(studied):
    """A `ketaquiz quiz` waiting for an answer holds the database open (idle: SQLite shows no lock then); a restore
    under it would be lost to it, or it would write into the restored file's place: refused with a reason."""
    env = {k: v for k, v in os.environ.items() if k != "KETAQUIZ_DATA"}
    quiz = subprocess.Popen([sys.executable, "-m", "ketaquiz", "--data", str(studied.root), "quiz"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert quiz.stdout is not None and quiz.stdout.readline()  # the first question is on screen: it waits
        run = ketaquiz(studied, "restore", "latest")
        assert run.returncode == 1, run.stderr
        assert "open in another KetaQuiz" in run.stderr and "nothing was changed" in run.stderr
        assert not list(studied.db_path().parent.glob("ketaquiz.db.before-restore-*"))
    finally:
        quiz.communicate("", timeout=60)  # end of input: the quiz ends
    assert quiz.returncode == 0
    run = ketaquiz(studied, "restore", "latest")  # once it has ended
    assert run.returncode == 0, run.stderr
