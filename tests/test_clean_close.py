"""Opening a profile checks the whole database (quick_check) only when it may have changed since a clean close:
after a crash, or when another program or a copy touched the file; a file nothing touched opens without the read."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ketaquiz.core.health import ProfileProblem, open_profile
from ketaquiz.core.library import DataDir
from ketaquiz.core.store import Store


@pytest.fixture
def checks(monkeypatch):
    """How many times quick_check ran."""
    seen: list[int] = []
    real = Store.quick_check

    def counted(self):  # noqa: ANN001, ANN202
        seen.append(1)
        return real(self)

    monkeypatch.setattr(Store, "quick_check", counted)
    return seen


def test_a_file_untouched_since_a_clean_close_is_not_read_again(data_dir: DataDir, checks):
    open_profile(data_dir, "default").close()
    assert len(checks) == 1  # first opening: no record yet
    store = open_profile(data_dir, "default")
    assert len(checks) == 1  # untouched since the clean close: spared
    store.set_setting("x", 1)  # a write of its own, then a clean close: still spared
    store.close()
    open_profile(data_dir, "default").close()
    assert len(checks) == 1


def test_a_crash_leaves_no_record_so_the_next_opening_checks(data_dir: DataDir, checks):
    open_profile(data_dir, "default").close()
    code = ("import os; from ketaquiz.core.health import open_profile; from ketaquiz.core.library import DataDir; from pathlib import Path; "
            f"s = open_profile(DataDir(Path({str(data_dir.root)!r})), 'default'); s.set_setting('y', 2); os._exit(9)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 9  # killed mid-use: no close
    open_profile(data_dir, "default").close()
    assert len(checks) == 2


def test_a_file_changed_after_a_clean_close_is_checked_and_damage_is_found(data_dir: DataDir, checks):
    store = open_profile(data_dir, "default")
    store.set_setting("pad", "x" * 200_000)  # a few pages to damage
    store.close()
    db = data_dir.db_path()
    with open(db, "r+b") as f:  # another program writes into the middle of the file
        f.seek(os.path.getsize(db) // 2)
        f.write(b"\xff" * 8192)
    with pytest.raises(ProfileProblem, match="damaged"):
        open_profile(data_dir, "default")
    assert len(checks) == 2
