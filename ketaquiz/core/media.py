"""Images and sounds a question shows: files in its set's own folder, named in the set file.

A question's ``media`` lists paths relative to the set file's folder (``media = ["media/cell.png"]``).
Only plain relative paths with a known image or sound extension are accepted, and a file is used only
when it resolves to a regular file inside the set's folder, under a size cap: a set file cannot make the
app read anything else, and nothing is ever loaded from the network.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath, PureWindowsPath

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp")
SOUND_SUFFIXES = (".mp3", ".ogg", ".oga", ".wav", ".m4a", ".flac", ".opus")
MAX_MEDIA_BYTES = 20 * 2**20
MEDIA_FOLDER = "media"  # where an import puts a set's files
_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


def is_image(name: str) -> bool:
    return name.lower().endswith(IMAGE_SUFFIXES)


def is_sound(name: str) -> bool:
    return name.lower().endswith(SOUND_SUFFIXES)


def media_problem(name: object) -> str | None:
    """Why `name` cannot name a question's media file, or None when it can."""
    if not isinstance(name, str) or not name.strip():
        return "each media entry is a file name in quotes, e.g. media = [\"media/cell.png\"]"
    posix, win = PurePosixPath(name), PureWindowsPath(name)
    if (posix.is_absolute() or win.is_absolute() or win.drive or ".." in posix.parts or ".." in win.parts
            or "\\" in name or any(ord(c) < 32 for c in name)):
        return f"media {name!r} must be a path inside the set's folder (no '..', no absolute path)"
    if not (is_image(name) or is_sound(name)):
        kinds = ", ".join(s.lstrip(".") for s in IMAGE_SUFFIXES + SOUND_SUFFIXES)
        return f"media {name!r} is not an image or a sound this app shows ({kinds})"
    return None


def resolve_media(folder: Path, name: str) -> Path | None:
    """The file `name` names inside `folder`, when it is a safe name of a regular file there under the cap."""
    if media_problem(name) is not None:
        return None
    try:
        root = folder.resolve()
        path = (root / name).resolve()
        if not path.is_relative_to(root) or not path.is_file() or path.stat().st_size > MAX_MEDIA_BYTES:
            return None
    except (OSError, RuntimeError):  # a loop of links, an unreadable folder
        return None
    return path


def safe_media_name(name: str, taken: set[str]) -> str:
    """A file name for an imported media file: its base name in safe characters, unique among `taken`
    (which it joins), under MEDIA_FOLDER."""
    base = PureWindowsPath(PurePosixPath(name).name).name
    stem, dot, suffix = base.rpartition(".")
    stem = _UNSAFE_CHARS.sub("_", stem if dot else base).strip("._")[:80] or "file"
    suffix = _UNSAFE_CHARS.sub("", suffix).lower()[:8] if dot else ""
    candidate, n = f"{stem}.{suffix}" if suffix else stem, 2
    while candidate.lower() in taken:
        candidate, n = f"{stem}-{n}.{suffix}" if suffix else f"{stem}-{n}", n + 1
    taken.add(candidate.lower())
    return f"{MEDIA_FOLDER}/{candidate}"
