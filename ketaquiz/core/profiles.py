"""Learner profiles: which one was used last (kept in ``<data dir>/app.json``), and creating one."""

from __future__ import annotations

import json
import os
from typing import Any

from .library import DEFAULT_PROFILE, DataDir, validate_profile_name

APP_FILE = "app.json"


def _read(data: DataDir) -> dict[str, Any]:
    try:
        value = json.loads((data.root / APP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def last_profile(data: DataDir) -> str:
    """The profile used last (the default one when none was recorded, or the record is unusable)."""
    name = _read(data).get("last_profile")
    if not isinstance(name, str):
        return DEFAULT_PROFILE
    try:
        return validate_profile_name(name)
    except ValueError:
        return DEFAULT_PROFILE


def set_last_profile(data: DataDir, name: str) -> None:
    """Remember `name` as the profile to open next time (the file is replaced whole, never half-written)."""
    import tempfile  # only a switch of profile writes (~7 ms of every start otherwise)

    validate_profile_name(name)
    state = _read(data)
    state["last_profile"] = name
    data.root.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".app-", suffix=".json", dir=data.root)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(state, f, indent=2)
    os.replace(tmp, data.root / APP_FILE)


def create_profile(data: DataDir, name: str) -> str:
    """Create a new, empty profile (its database); ValueError when the name is not allowed or already taken."""
    name = validate_profile_name(name)
    if any(p.casefold() == name.casefold() for p in data.profiles()):
        raise ValueError(f"a profile named {name!r} already exists")
    data.open_store(name).close()
    return name


__all__ = ["APP_FILE", "create_profile", "last_profile", "set_last_profile"]
