"""Opening a learner's progress as every door does (the app and each command): checked first, with the backups
offered when it is damaged, or gone where answers existed; read-only folders opened as a copy.

No Qt here. ``open_profile`` returns the store or raises ProfileProblem, whose message says what happened, where
the backups are and which command restores one; the app shows `reason` and offers `backup` itself.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from .backup import Backup, newest_good_backup
from .cleanclose import take_clean_record
from .clock import Clock, utc_now
from .library import DataDir
from .store import Store, StoreError

RESTORE_LATEST = "ketaquiz restore latest"
# The kinds of problem (StoreError.kind) a backup can mend.
OFFER_BACKUPS = ("damaged", "missing", "io", "error")


class ProfileProblem(StoreError):
    """A profile's database that cannot be used as it is. `reason`: what happened, in a sentence; `backup`: the
    newest good backup to offer (None when there is none); str(): the reason with where the backups are and the
    command that restores one."""

    def __init__(self, reason: str, *, kind: str, backups_dir: Path, backup: Backup | None) -> None:
        self.reason, self.backups_dir, self.backup = reason, backups_dir, backup
        # Backups are offered where one can help: not for a newer KetaQuiz's database, a full disk, a busy one.
        helps = kind in OFFER_BACKUPS
        super().__init__(f"{reason}\n{restore_advice(backups_dir, backup)}" if helps else reason, kind=kind)


def restore_advice(backups_dir: Path, backup: Backup | None) -> str:
    """Where the backups are and how to restore one (or that there is none)."""
    if backup is None:
        return f"There is no good backup in {backups_dir}."
    return (f"Backups are in {backups_dir} (newest good one: {backup.label}); '{RESTORE_LATEST}' puts it back, keeping "
            "the current file beside it ('ketaquiz restore' lists them all).")


def _empty(db: Path) -> bool:
    """True when the database has no data: missing, or zero bytes with no write-ahead log holding any."""
    try:
        if db.stat().st_size > 0:
            return False
    except FileNotFoundError:
        return True
    try:
        return Path(f"{db}-wal").stat().st_size == 0
    except FileNotFoundError:
        return True


def writable(folder: Path) -> bool:
    """True when a file can be made in `folder` (or, when it does not exist yet, in its nearest existing parent).
    Tried for real: permission bits say nothing to root, nor of a read-only mount."""
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    name = folder / f".ketaquiz-probe-{os.getpid()}-{id(folder):x}"
    try:
        fd = os.open(name, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return True
    except OSError as e:
        # Any other failure (a full disk, say) is not a read-only folder: the store says what it is.
        return e.errno not in (errno.EROFS, errno.EACCES, errno.EPERM)
    os.close(fd)
    os.unlink(name)
    return True


def open_profile(data: DataDir, profile: str, *, clock: Clock = utc_now, allow_empty: bool = False) -> Store:
    """The profile's store, checked: ProfileProblem when it is damaged, written by a newer KetaQuiz, on a full disk,
    or missing / empty while its backups hold answers (unless `allow_empty`: the learner chose to start afresh).
    A store in a read-only copy (see readable_copy) has `read_only` saying so."""
    db, backups = data.db_path(profile), data.backups_dir(profile)
    if not allow_empty and _empty(db):
        good = newest_good_backup(backups)
        answers = good.report(check=False).answers if good is not None else None
        if good is not None and answers:
            what = "is missing" if not db.exists() else "is empty (0 bytes)"
            raise ProfileProblem(f"The progress database {db} {what}, but the backup from {good.label} holds {answers} "
                                 "answers.", kind="missing", backups_dir=backups, backup=good)
    clean = take_clean_record(db)  # untouched since a clean close: the full read of quick_check is spared
    try:
        store = data.open_store(profile, clock=clock)
    except StoreError as e:
        raise _problem(e, backups) from None
    check = "ok" if clean else store.quick_check()
    if check != "ok":
        store.close()
        raise ProfileProblem(f"The progress database {db} is damaged (SQLite's check: {check}).", kind="damaged",
                             backups_dir=backups, backup=newest_good_backup(backups))
    store.read_only = data.read_only
    return store


def _problem(e: StoreError, backups: Path) -> ProfileProblem:
    """A StoreError met on opening, as a ProfileProblem (the backups offered only where they can help)."""
    if e.kind in ("io", "error") and _full(backups.parent):
        # SQLite says only "disk I/O error" when it cannot make its -shm file on a full disk: not a damaged file
        e = StoreError(f"the disk holding {backups.parent} is full, so the progress database cannot be opened "
                       "(nothing is lost); free some space on that disk, then start again", kind="full")
    offer = newest_good_backup(backups) if e.kind in OFFER_BACKUPS else None
    text = str(e)
    return ProfileProblem(text[:1].upper() + text[1:] + ("" if text.endswith(".") else "."), kind=e.kind,
                          backups_dir=backups, backup=offer)


def _full(folder: Path) -> bool:
    """True when the disk holding `folder` has (next to) no room left."""
    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):  # (no statvfs on Windows)
        return False
    return st.f_bavail * st.f_frsize < 256 * 1024


def readable_copy(data: DataDir, profile: str) -> DataDir:
    """`data` itself, or when the profile's folder is read-only, a temporary data directory to work in: the
    profile's database copied (with its log), the set files linked, its `read_only` saying so. The learner can
    read and study there; nothing done in it is kept (it is deleted at exit)."""
    db = data.db_path(profile)
    if writable(db.parent):
        return data
    import atexit
    import shutil
    import tempfile

    tmp = Path(tempfile.mkdtemp(prefix="ketaquiz-read-only-"))
    atexit.register(shutil.rmtree, tmp, True)
    copy = DataDir(tmp, read_only=f"{data.root} is read-only: you can read and study, but nothing you do is saved "
                                  "(KetaQuiz works on a temporary copy).")
    copy.profile_dir(profile).mkdir(parents=True)
    for suffix in ("", "-wal"):
        source = Path(f"{db}{suffix}")
        if source.exists():
            shutil.copyfile(source, f"{copy.db_path(profile)}{suffix}")
    for name in ("app.json", "window.ini"):
        if (data.root / name).is_file():
            shutil.copyfile(data.root / name, tmp / name)
    if data.sets_dir.is_dir():
        copy.sets_dir.symlink_to(data.sets_dir.resolve(), target_is_directory=True)
    backups = data.backups_dir(profile)
    if backups.is_dir():
        copy.backups_dir(profile).symlink_to(backups.resolve(), target_is_directory=True)  # offered, not written
    return copy
