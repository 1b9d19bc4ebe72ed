"""The desktop entry and icon, installed for this user on a freedesktop.org desktop (GNOME, KDE, Xfce …):
``ketaquiz install-desktop`` puts KetaQuiz in the applications menu, with its icon; ``--remove`` takes it out."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .core.files import atomic_write
from .resources import asset

APP_ID = "ketaquiz"


@dataclass(frozen=True)
class DesktopFiles:
    """Where the entry and the icons go under a data home (``$XDG_DATA_HOME``, else ``~/.local/share``)."""

    home: Path

    @classmethod
    def for_user(cls, env: dict[str, str] | None = None) -> DesktopFiles:
        env = dict(os.environ) if env is None else env
        return cls(Path(env.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"))

    @property
    def entry(self) -> Path:
        return self.home / "applications" / f"{APP_ID}.desktop"

    @property
    def icons(self) -> dict[str, Path]:
        """Shipped icon file -> where it goes in the hicolor theme."""
        theme = self.home / "icons" / "hicolor"
        return {f"{APP_ID}.svg": theme / "scalable" / "apps" / f"{APP_ID}.svg",
                f"{APP_ID}.png": theme / "256x256" / "apps" / f"{APP_ID}.png"}


def launcher(python: str = sys.executable) -> list[str]:
    """The command that starts this installation of KetaQuiz: its ``ketaquiz`` script beside this Python (a venv,
    pipx), else this Python with ``-m ketaquiz``."""
    folder = Path(python).parent
    for name in ("ketaquiz", "ketaquiz.exe"):
        if (folder / name).is_file():
            return [str(folder / name)]
    return [python, "-m", "ketaquiz"]


def _exec_arg(arg: str) -> str:
    """One argument of a desktop entry's Exec key, quoted as the Desktop Entry Specification says."""
    if not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`='):
        return arg
    return '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'


def entry_text(command: list[str]) -> str:
    """The shipped desktop entry with Exec pointing at `command` (the menu has no venv on its PATH)."""
    lines = asset(f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines()
    exec_line = "Exec=" + " ".join(_exec_arg(a).replace("%", "%%") for a in command)
    return "\n".join(exec_line if line.startswith("Exec=") else line for line in lines) + "\n"


def install_desktop(files: DesktopFiles, command: list[str] | None = None) -> list[Path]:
    """Write the entry and the icons; returns the paths written. Installing again overwrites them (a moved venv)."""
    written = []
    for name, dest in files.icons.items():
        dest.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(dest, asset(name).read_bytes())
        written.append(dest)
    files.entry.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(files.entry, entry_text(command or launcher()))  # the menu never reads half an entry
    written.append(files.entry)
    return written


def remove_desktop(files: DesktopFiles) -> list[Path]:
    """Remove the entry and the icons; returns the paths removed."""
    removed = []
    for path in [files.entry, *files.icons.values()]:
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed
