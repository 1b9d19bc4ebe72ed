"""core/files.py: every file the app replaces is written whole or not at all, and survives a power cut once saved."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ketaquiz.core.files import RACY_NS, FileSignature, atomic_file, atomic_write

from .conftest import COURSE


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_write_that_fails_midway_leaves_the_old_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "set.toml"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_file(target) as tmp:
        tmp.write_text("half of the new", encoding="utf-8")
        raise RuntimeError("the writer failed")
    assert target.read_text(encoding="utf-8") == "old"
    assert _names(tmp_path) == ["set.toml"]


def test_a_failed_flush_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "app.json"
    target.write_text("old", encoding="utf-8")

    def full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert _names(tmp_path) == ["app.json"]


def test_a_process_killed_mid_write_leaves_the_old_file(tmp_path):
    target = tmp_path / "set.toml"
    target.write_text("old", encoding="utf-8")
    child = ("import os, sys\nfrom ketaquiz.core.files import atomic_file\n"
             "with atomic_file(sys.argv[1]) as tmp:\n"
             "    tmp.write_text('half of the new')\n"
             "    os._exit(9)\n")
    assert subprocess.run([sys.executable, "-c", child, str(target)], timeout=60).returncode == 9
    assert target.read_text(encoding="utf-8") == "old"


def test_text_is_written_as_given_and_an_existing_files_permissions_are_kept(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic_write(target, "a,b\r\nc,d\n", encoding="utf-8-sig")
    assert target.read_bytes() == b"\xef\xbb\xbfa,b\r\nc,d\n"
    assert target.stat().st_mode & 0o777 == 0o640
    umask = os.umask(0o022)
    os.umask(umask)
    new = atomic_write(tmp_path / "sub" / "new.txt", b"x")  # a missing folder is made
    assert new.read_bytes() == b"x" and new.stat().st_mode & 0o777 == 0o666 & ~umask  # as any new file (not 0600)


def _spy(monkeypatch) -> list[tuple[str, str]]:
    """Records fsyncs (of which path) and renames, in order."""
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(src, dst) -> None:
        events.append(("replace", str(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    return events


def _course():
    from ketaquiz.core.setfile import read_set

    return read_set(COURSE)


def _write_set(data, store, clock, folder: Path) -> Path:
    from ketaquiz.core.setwriter import write_set

    return write_set(_course(), folder / "set.toml")


def _last_profile(data, store, clock, folder: Path) -> Path:
    from ketaquiz.core.library import DataDir
    from ketaquiz.core.profiles import APP_FILE, set_last_profile

    set_last_profile(DataDir(folder), "default")
    return folder / APP_FILE


def _backup(data, store, clock, folder: Path) -> Path:
    from ketaquiz.core.backup import make_backup

    return make_backup(store, folder, clock(), force=True)


def _apkg(data, store, clock, folder: Path) -> Path:
    from ketaquiz.core.exporters import export_set

    return export_set(_course(), "apkg", folder / "s.apkg")


def _history(data, store, clock, folder: Path) -> Path:
    from ketaquiz.core.history_export import export_history

    export_history(store, folder / "history.csv", clock())
    return folder / "history.csv"


def _desktop(data, store, clock, folder: Path) -> Path:
    from ketaquiz.desktop import DesktopFiles, install_desktop

    files = DesktopFiles(folder)
    install_desktop(files, ["ketaquiz-gui"])
    return files.entry


@pytest.mark.parametrize("write", [_write_set, _last_profile, _backup, _apkg, _history, _desktop],
                         ids=["set file", "last profile", "backup", "apkg export", "history export", "desktop entry"])
def test_every_replaced_file_is_flushed_before_its_rename_and_its_folder_after(write: Callable[..., Path], data_dir,
                                                                              store, clock, tmp_path, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    events = _spy(monkeypatch)
    path = write(data_dir, store, clock, folder)
    mine = [e for e in events if e[0] == "replace" and e[1] == str(path)]
    assert len(mine) == 1, events
    at = events.index(mine[0])
    assert events[at - 1][0] == "fsync" and Path(events[at - 1][1]).parent == path.parent  # the new content, on disk
    assert ("fsync", str(path.parent)) in events[at + 1:]  # then the rename itself
    assert not [n for n in _names(path.parent) if n.endswith(".tmp")]


def test_restoring_a_backup_flushes_it_before_it_takes_the_databases_name(data_dir, clock, monkeypatch):
    from ketaquiz.core.backup import make_backup, restore_backup

    store = data_dir.open_store("default", clock=clock)
    backup = make_backup(store, data_dir.root / "backups", clock(), force=True)
    db = store.path
    store.close()
    events = _spy(monkeypatch)
    restore_backup(backup, db, clock())
    at = events.index(("replace", str(db)))
    assert events[at - 1][0] == "fsync" and ("fsync", str(db.parent)) in events[at + 1:]


def test_a_signature_changes_with_a_write_or_a_replace_and_is_trusted_only_once_settled(tmp_path):
    f = tmp_path / "set.toml"
    f.write_text("one", encoding="utf-8")
    first = FileSignature.of(f)
    assert first is not None and first == FileSignature.of(f)
    os.utime(f, ns=(first.mtime_ns, first.mtime_ns))
    atomic_write(f, "two")  # the same size, and a replace
    os.utime(f, ns=(first.mtime_ns, first.mtime_ns))  # even with the old mtime, the inode tells
    assert FileSignature.of(f) != first
    assert FileSignature.of(tmp_path / "gone") is None
    sig = FileSignature.of(f)
    assert sig is not None
    assert not sig.settled(sig.mtime_ns + RACY_NS // 2) and sig.settled(sig.mtime_ns + RACY_NS + 1)
    parsed = FileSignature.from_record(sig.record(sig.mtime_ns + RACY_NS + 1))
    assert parsed == (sig, sig.mtime_ns + RACY_NS + 1)
    assert sig.unchanged(f, parsed[1]) and not sig.unchanged(f, sig.mtime_ns)
    assert FileSignature.from_record("garbage") is None


def test_the_last_profile_file_is_json_as_before(tmp_path):
    from ketaquiz.core.library import DataDir
    from ketaquiz.core.profiles import APP_FILE, last_profile, set_last_profile

    data = DataDir(tmp_path)
    set_last_profile(data, "ann")
    assert json.loads((tmp_path / APP_FILE).read_text(encoding="utf-8"))["last_profile"] == "ann"
    assert last_profile(data) == "ann"
