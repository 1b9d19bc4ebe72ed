"""Learner profiles: which one was used last (kept in ``<data dir>/app.json``), creating, renaming and deleting one.

A deleted profile's folder (its progress and backups) goes to ``<data dir>/trash/.profiles/<name> <time>``: nothing is
lost until the user empties it by hand."""

from __future__ import annotations

import json
import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

from .files import atomic_write
from .library import DEFAULT_PROFILE, DataDir, validate_profile_name

APP_FILE = "app.json"


def _read(data: DataDir) -> dict[str, Any]:
    try:
        value = json.loads((data.root / APP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def default_profile(data: DataDir) -> str:
    """The profile opened when no other is chosen: "default", or the name the learner renamed it to."""
    name = _read(data).get("default_profile")
    try:
        if isinstance(name, str) and data.db_path(validate_profile_name(name)).exists():
            return name
    except ValueError:
        pass
    return DEFAULT_PROFILE


def last_profile(data: DataDir) -> str:
    """The profile used last (the default one when none was recorded, or the record is unusable)."""
    name = _read(data).get("last_profile")
    if not isinstance(name, str):
        return default_profile(data)
    try:
        return validate_profile_name(name)
    except ValueError:
        return default_profile(data)


def set_last_profile(data: DataDir, name: str) -> None:
    """Remember `name` as the profile to open next time (the file is replaced whole, never half-written)."""
    validate_profile_name(name)
    _write(data, last_profile=name)


def _write(data: DataDir, **values: str) -> None:
    state = _read(data)
    state.update(values)
    atomic_write(data.root / APP_FILE, json.dumps(state, indent=2))


def _new_name(data: DataDir, name: str, *, other_than: str | None = None) -> str:
    name = validate_profile_name(name)
    taken = [p for p in data.profiles() if p != other_than]
    # Case-insensitive: on macOS and Windows "ann" and "Ann" are one folder.
    if any(p.casefold() == name.casefold() for p in taken):
        raise ValueError(f"a profile named {name!r} already exists")
    return name


def create_profile(data: DataDir, name: str) -> str:
    """Create a new, empty profile (its database); ValueError when the name is not allowed or already taken."""
    name = _new_name(data, name)
    data.open_store(name).close()
    return name


def _check_not_default(data: DataDir, name: str, what: str) -> None:
    if name == default_profile(data):
        raise ValueError(f"the {name!r} profile cannot be {what}: it is the one opened when no other is chosen")


def rename_profile(data: DataDir, old: str, new: str) -> str:
    """Rename a profile (its folder, with its progress and backups); the new name, NFC. Its store must be closed.
    ValueError when either name is not allowed, `old` does not exist or `new` is taken (a change of case alone is
    allowed). The default profile can be renamed too: it stays the one opened when no other is chosen."""
    old = validate_profile_name(old)
    src = data.profile_dir(old)
    if not src.is_dir():
        raise ValueError(f"there is no profile named {old!r}")
    new = _new_name(data, new, other_than=old)
    if new == old:
        return new
    dest = data.profile_dir(new)
    if dest.exists() and not os.path.samefile(src, dest):
        raise ValueError(f"a profile named {new!r} already exists")
    was_default = default_profile(data) == old
    os.replace(src, dest)  # one rename: the folder is under either name, never half-moved
    if was_default:
        _write(data, default_profile=new)
    if last_profile(data) == old:
        set_last_profile(data, new)
    return new


def profile_trash(data: DataDir) -> Path:
    """Where deleted profiles go (beside the deleted sets, in a folder no set id can name)."""
    return data.root / "trash" / ".profiles"


def delete_profile(data: DataDir, name: str, now: datetime) -> Path:
    """Move a profile's folder (progress and backups) to the trash; where it went. Its store must be closed."""
    name = validate_profile_name(name)
    _check_not_default(data, name, "deleted")
    src = data.profile_dir(name)
    if not src.is_dir():
        raise ValueError(f"there is no profile named {name!r}")
    dest = profile_trash(data) / f"{name} {now.astimezone():%Y-%m-%d %H%M%S}"
    n = 1
    while dest.exists():
        n += 1
        dest = dest.with_name(f"{name} {now.astimezone():%Y-%m-%d %H%M%S} ({n})")
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(src), str(dest))
    if last_profile(data) == name:
        set_last_profile(data, default_profile(data))
    return dest


__all__ = ["APP_FILE", "create_profile", "default_profile", "delete_profile", "last_profile", "profile_trash", "rename_profile",
           "set_last_profile"]
