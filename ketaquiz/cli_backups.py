"""``ketaquiz backup`` and ``ketaquiz restore``: the profile's backups from the command line."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .core import backup
from .core.clock import utc_now
from .core.health import RESTORE_LATEST, open_profile, readable_copy
from .core.inuse import in_use_elsewhere
from .core.library import DataDir

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def add_commands(sub: Any, command: Any) -> None:
    """The two sub-commands, made with cli's `command(sub, name, summary, description, examples)`."""
    b = command(sub, "backup", "back up your progress now and print the backup's path",
                "Copy the profile's progress database into its backups folder (checked first: a damaged database, "
                "or one holding fewer answers than the newest backup, is not backed up unless --force).",
                ["ketaquiz backup", "ketaquiz --profile Ann backup"])
    b.add_argument("--force", action="store_true",
                   help="back up even a database holding fewer answers than the newest backup (or a new, empty one: "
                        "to start afresh when the old database is gone)")
    r = command(sub, "restore", "list backups, or put one back in place of your progress",
                "With no NAME, list the profile's backups with their date and answers. With NAME (or 'latest', the "
                "newest that passes SQLite's check), put that backup in place; the current database is kept beside "
                "it as ketaquiz.db.before-restore-DATE. Close the app first.",
                ["ketaquiz restore", "ketaquiz restore latest", "ketaquiz restore ketaquiz-20261204-093000.db"])
    r.add_argument("name", nargs="?", metavar="NAME|latest", help="the backup's file name, or 'latest'")


def cmd_backup(data: DataDir, profile: str, args: argparse.Namespace) -> int:
    store = open_profile(readable_copy(data, profile), profile, allow_empty=args.force)
    try:
        if store.read_only:
            print(f"ketaquiz: not backed up: {store.read_only}", file=sys.stderr)
            return EXIT_PROBLEMS
        try:
            path = backup.make_backup(store, data.backups_dir(profile), utc_now(), force=args.force)
        except backup.BackupRefused as e:
            print(f"ketaquiz: {e}", file=sys.stderr)
            return EXIT_PROBLEMS
        except OSError as e:
            print(f"ketaquiz: not backed up: {data.backups_dir(profile)}: {e.strerror}", file=sys.stderr)
            return EXIT_PROBLEMS
    finally:
        store.close()
    print(path)
    return EXIT_OK


def cmd_restore(data: DataDir, profile: str, args: argparse.Namespace) -> int:
    folder = data.backups_dir(profile)
    if args.name is None:
        return _list(folder)
    chosen = backup.find_backup(folder, args.name)
    if chosen is None:
        what = "no backup that passes SQLite's check" if args.name == "latest" else f"no backup named {args.name!r}"
        print(f"ketaquiz: {what} in {folder}; 'ketaquiz restore' lists them", file=sys.stderr)
        return EXIT_PROBLEMS
    db = data.db_path(profile)
    if app_running(data):
        print(f"ketaquiz: KetaQuiz is open on {data.root}: close it first (or use File ▸ Restore backup… in it); "
              "nothing was changed", file=sys.stderr)
        return EXIT_PROBLEMS
    if in_use_elsewhere(db):
        print(f"ketaquiz: the progress of profile {profile!r} is open in another KetaQuiz (a terminal quiz or another "
              "command): finish it first, then restore; nothing was changed", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        aside = backup.restore_backup(chosen.path, db, utc_now())
    except ValueError as e:
        print(f"ketaquiz: {e}; '{RESTORE_LATEST}' takes the newest good one", file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as e:
        print(f"ketaquiz: could not restore into {db.parent}: {e.strerror}; nothing was changed", file=sys.stderr)
        return EXIT_PROBLEMS
    answers = chosen.report(check=False).answers
    print(f"Restored the backup from {chosen.label} ({answers} answer{'s' if answers != 1 else ''}) to {db}.")
    if aside is not None:
        print(f"The database it replaced is kept at {aside}.")
    return EXIT_OK


def app_running(data: DataDir) -> bool:
    """True when the desktop app holds its lock on this data directory (QLockFile's file: its pid on the first line)
    and that process is alive: a restore under it would go unseen by its open database."""
    import os

    try:
        pid = int((data.root / "ketaquiz.lock").read_text(encoding="utf-8", errors="replace").split("\n", 1)[0])
    except (OSError, ValueError):
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False  # a lock left by a crash
    except OSError:
        return True  # alive, someone else's
    return True


def _list(folder: Any) -> int:
    items = backup.list_backups(folder)
    if not items:
        print(f"No backups in {folder} yet; 'ketaquiz backup' makes one.")
        return EXIT_OK
    print(f"Backups in {folder}, newest first:")
    for b in items:
        report = b.report()
        state = "" if report.ok else f"  DAMAGED: {report.check}"
        answers = "? answers" if report.answers is None else f"{report.answers} answer{'s' if report.answers != 1 else ''}"
        print(f"  {b.name}  {b.label}  {answers}{state}")
    print(f"Put one back with 'ketaquiz restore NAME', or the newest good one with '{RESTORE_LATEST}'.")
    return EXIT_OK
