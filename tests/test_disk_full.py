"""A real full disk (a small tmpfs, mounted when the tests run as root; skipped otherwise): what the user sees."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from ketaquiz.core.importers import ImportError_, import_file
from ketaquiz.core.library import DataDir


@pytest.fixture
def small_disk(tmp_path) -> Path:
    """A 6 MB tmpfs at tmp_path/disk, unmounted afterwards."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("mounting a small tmpfs needs root with mount rights")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> Path:
    """Fill the disk under `folder` to the last byte; returns the filler file (delete it to free the space)."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 4096)
        except OSError:
            pass
    return filler


def test_a_failed_import_on_a_full_disk_leaves_no_folder_and_the_retry_works(small_disk, tmp_path):
    data = DataDir(small_disk / "data")
    data.sets_dir.mkdir(parents=True)
    src = tmp_path / "capitals.csv"
    src.write_text("".join(f"Capital number {i} of somewhere long enough?;City {i}\n" for i in range(400)), encoding="utf-8")
    filler = fill(small_disk)
    with pytest.raises(ImportError_, match="No space left on device; free some space on that disk, then import again"):
        import_file(src, data)
    assert not (data.sets_dir / "capitals").exists()  # today: an empty sets/capitals/ that refuses the retry
    filler.unlink()
    assert import_file(src, data).count == 400


def ketaquiz(data: DataDir, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    import sys

    env = {k: v for k, v in os.environ.items() if k != "KETAQUIZ_DATA"}
    return subprocess.run([sys.executable, "-m", "ketaquiz", "--data", str(data.root), *args], input=stdin,
                          capture_output=True, text=True, timeout=120, env=env)


def test_quiz_on_a_disk_that_fills_says_full_keeps_every_acknowledged_answer_and_never_says_damaged(small_disk):
    import sqlite3

    data = DataDir(small_disk / "data")
    assert ketaquiz(data, "quiz", "--limit", "1", stdin="-\n").returncode == 0
    assert ketaquiz(data, "backup").returncode == 0
    reserve = small_disk / "reserve"
    reserve.write_bytes(b"\0" * 48 * 1024)
    filler = fill(small_disk)
    reserve.unlink()  # 48 kB left: room for a few answers
    run = ketaquiz(data, "quiz", stdin="-\n" * 60)
    acknowledged = run.stdout.count("✗ Wrong")
    assert "Traceback" not in run.stderr and "cannot rollback" not in run.stderr
    assert "is full" in run.stderr and "damaged" not in run.stderr
    stats = ketaquiz(data, "stats")
    assert "Traceback" not in stats.stderr and "damaged" not in stats.stderr
    filler.unlink()
    conn = sqlite3.connect(data.db_path())
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 1 + acknowledged  # none lost
    finally:
        conn.close()
    assert ketaquiz(data, "quiz", "--limit", "1", stdin="-\n").returncode == 0  # space freed: on it goes


def test_the_app_started_on_a_full_disk_says_full_and_not_damaged(small_disk):
    from ketaquiz.core.clock import utc_now
    from ketaquiz.ui.app import open_checked

    data = DataDir(small_disk / "data")
    assert ketaquiz(data, "quiz", "--limit", "1", stdin="-\n").returncode == 0
    assert ketaquiz(data, "backup").returncode == 0
    fill(small_disk)
    seen: list[tuple[str, str]] = []
    ctx = open_checked(data, "default", utc_now, lambda title, text: seen.append((title, text)) or False)
    assert ctx is None
    title, text = seen[0]  # today: "damaged", "There is no backup to restore" with a good backup beside it
    assert title == "Disk full" and "is full" in text and "damaged" not in text.lower()
    assert len(seen) == 1  # no restore offered: it would not help


def test_a_set_saved_on_a_full_disk_keeps_the_old_file_whole_and_leaves_no_temporary_file(small_disk):
    from ketaquiz.core.setfile import read_set
    from ketaquiz.core.setwriter import write_set

    from .conftest import COURSE

    qset = read_set(COURSE)
    target = small_disk / "set.toml"
    write_set(qset, target)
    before = target.read_bytes()
    qset.questions = qset.questions * 200  # (ids repeat: the writer does not check, and the file is far too big)
    filler = fill(small_disk)
    with pytest.raises(OSError, match="No space left"):
        write_set(qset, target)
    assert target.read_bytes() == before
    filler.unlink()
    assert sorted(p.name for p in small_disk.iterdir()) == ["set.toml"]
