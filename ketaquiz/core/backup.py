"""Backups of a profile's progress database: taken with SQLite's backup API, kept as a thinning history.

No Qt here: the app calls these on start, once a day and on close, the command line on `ketaquiz backup`.
A backup is taken only of a database that passes quick_check and holds no fewer answers than the newest backup
(else BackupRefused says why), so that a damaged or emptied database never pushes the good backups out. The
history keeps the newest backup of each of the last 7 days, 4 weeks and 12 months that have one, the newest of
all, the newest that passes quick_check, and the newest of those holding the most answers. ``restore_backup`` moves the current database aside (never deletes
it) before putting a backup in place.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .clock import day_start, local_tz
from .files import atomic_file
from .store import FileReport, Store, inspect_file

_NAME = re.compile(r"^ketaquiz-(\d{8}-\d{6})(?:-(\d+))?\.db$")
_STAMP = "%Y%m%d-%H%M%S"

# The thinning history: how many days, weeks and months keep their newest backup.
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


class BackupRefused(Exception):
    """No backup was taken, and why (a damaged database, or one holding fewer answers than the newest backup)."""


@dataclass(frozen=True)
class Backup:
    """One backup file and when it was taken (from its name)."""

    path: Path
    taken: datetime

    @property
    def label(self) -> str:
        return self.taken.strftime("%Y-%m-%d %H:%M:%S")

    @property
    def name(self) -> str:
        return self.path.name

    def report(self, *, check: bool = True) -> FileReport:
        """Its quick_check and its answer counts (reads the file)."""
        return inspect_file(self.path, check=check)


def _local(moment: datetime) -> datetime:
    """Naive local time: backup names carry the learner's wall-clock time."""
    return moment.astimezone(local_tz()).replace(tzinfo=None) if moment.tzinfo else moment


def list_backups(directory: Path) -> list[Backup]:
    """The backups in a folder, newest first."""
    if not directory.is_dir():
        return []
    found: list[tuple[datetime, int, Path]] = []
    for p in directory.iterdir():
        m = _NAME.match(p.name)
        if m:
            found.append((datetime.strptime(m.group(1), _STAMP), int(m.group(2) or 1), p))
    found.sort(reverse=True)
    return [Backup(p, taken) for taken, _n, p in found]


def refusal(store: Store, directory: Path, *, force: bool = False) -> str | None:
    """Why `store` must not be backed up into `directory` now, or None when it may (`force`: even with fewer
    answers than the newest backup)."""
    check = store.quick_check()
    if check != "ok":
        return (f"not backed up: the progress database fails SQLite's check ({check}); the backups in {directory} "
                "are kept as they are")
    if force:
        return None
    tally = store.answer_tally()
    for b in list_backups(directory):
        report = b.report(check=False)
        if report.tally is None:
            continue  # unreadable: the next one says what was kept
        if tally < report.tally:
            return (f"not backed up: the progress database holds fewer answers ({tally}) than the newest backup "
                    f"({report.tally}, {b.label}), so answers may have been lost; the backups in {directory} are kept. "
                    "'ketaquiz restore' lists them; 'ketaquiz backup --force' backs this database up anyway")
        return None
    return None


def make_backup(store: Store, directory: Path, now: datetime, *, force: bool = False) -> Path:
    """Back up the live database into `directory` and thin the history. BackupRefused when the database fails
    quick_check, or (unless `force`) holds fewer answers than the newest backup."""
    why = refusal(store, directory, force=force)
    if why:
        raise BackupRefused(why)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = _local(now).strftime(_STAMP)
    dest = directory / f"ketaquiz-{stamp}.db"
    n = 2
    while dest.exists():
        dest = directory / f"ketaquiz-{stamp}-{n}.db"
        n += 1
    with atomic_file(dest) as tmp:  # a half-written backup never carries a backup's name, a failed one leaves nothing
        store.backup_to(tmp)
    thin(directory, good=dest)
    return dest


def maybe_daily_backup(store: Store, directory: Path, now: datetime) -> Path | None:
    """Take a backup unless one was already taken today (the day turns at 4 am, as for study)."""
    backups = list_backups(directory)
    if backups:
        if backups[0].taken >= _local(day_start(now)):
            return None
    return make_backup(store, directory, now)


def kept(backups: list[Backup], is_good: Callable[[Backup], bool],
         tally: Callable[[Backup], int | None] = lambda b: None) -> set[Path]:
    """The backups the history keeps (see the module's docstring), of `backups` newest first; `tally` gives a
    backup's answers, to keep the newest of those holding the most too (a fresh start forced the same day
    never pushes out the backup that held the answers)."""
    keep: set[Path] = set()
    if not backups:
        return keep
    keep.add(backups[0].path)
    most = max(backups, key=lambda b: (tally(b) or 0, b.taken))
    if tally(most):
        keep.add(most.path)
    periods: list[tuple[int, Callable[[datetime], object]]] = [
        (KEEP_DAILY, lambda t: t.date()),
        (KEEP_WEEKLY, lambda t: t.isocalendar()[:2]),
        (KEEP_MONTHLY, lambda t: (t.year, t.month)),
    ]
    for count, period in periods:
        seen: set[object] = set()
        for b in backups:
            p = period(b.taken)
            if p in seen:
                continue
            if len(seen) == count:
                break
            seen.add(p)
            keep.add(b.path)  # the newest of its period
    good = next((b for b in backups if is_good(b)), None)
    if good is not None:
        keep.add(good.path)
    return keep


def thin(directory: Path, *, good: Path | None = None) -> list[Path]:
    """Delete the backups the history no longer keeps; returns them. `good`: a backup known to be good (just taken
    from a checked database), which spares checking the others."""
    backups = list_backups(directory)
    tallies = {b.path: b.report(check=False).tally for b in backups}
    keep = kept(backups, lambda b: b.path == good or (good is None and backup_ok(b.path)), lambda b: tallies[b.path])
    gone = [b.path for b in backups if b.path not in keep]
    for p in gone:
        p.unlink(missing_ok=True)
    return gone


def backup_ok(path: Path) -> bool:
    """True when the file is a readable SQLite database passing quick_check."""
    return inspect_file(path).ok


def newest_good_backup(directory: Path) -> Backup | None:
    """The newest backup that passes quick_check, or None."""
    return next((b for b in list_backups(directory) if backup_ok(b.path)), None)


def find_backup(directory: Path, name: str) -> Backup | None:
    """A backup by its file name (with or without ``.db``), or "latest": the newest good one."""
    if name == "latest":
        return newest_good_backup(directory)
    wanted = name if name.endswith(".db") else f"{name}.db"
    return next((b for b in list_backups(directory) if b.name == wanted), None)


def restore_backup(backup: Path, db_path: Path, now: datetime) -> Path | None:
    """Put `backup` in place of the (closed) database at `db_path`.

    The current database and its WAL/SHM files are moved aside to
    ``ketaquiz.db.before-restore-STAMP`` first; returns that path (None when there was no database).
    """
    if not backup_ok(backup):
        raise ValueError(f"{backup} is not a good backup (it fails SQLite's quick_check)")
    stamp = _local(now).strftime(_STAMP)
    aside: Path | None = None
    if db_path.exists():
        aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
        n = 2
        while aside.exists():
            aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}-{n}")
            n += 1
        os.replace(db_path, aside)
        for suffix in ("-wal", "-shm"):
            side = Path(str(db_path) + suffix)
            if side.exists():
                os.replace(side, Path(str(aside) + suffix))
    import shutil  # only a restore needs it (with bz2 and lzma under it, ~5 ms of every start otherwise)

    with atomic_file(db_path) as tmp:
        shutil.copyfile(backup, tmp)
    return aside
