"""Help ▸ About KetaQuiz: the version, where this learner's data and logs are, and the versions underneath."""

from __future__ import annotations

import html
import logging
import platform
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from .. import __version__
from ..core.library import DataDir, bundled_questions_dir
from ..resources import asset


def log_files() -> list[Path]:
    """The files KetaQuiz's log is written to: those of the file handlers on the root logger and on KetaQuiz's
    loggers (``ketaquiz`` and those under it)."""
    names = [n for n in list(logging.Logger.manager.loggerDict) if n == "ketaquiz" or n.startswith("ketaquiz.")]
    seen: list[Path] = []
    for logger in [logging.getLogger(), *(logging.getLogger(n) for n in sorted(names))]:
        for handler in logger.handlers:
            name = getattr(handler, "baseFilename", None)
            if name and Path(name) not in seen:
                seen.append(Path(name))
    return seen


def about_facts(data: DataDir, profile: str) -> list[tuple[str, str]]:
    """(label, value) lines of the About dialog."""
    logs = log_files()
    return [
        ("Version", __version__),
        ("Data folder", str(data.root)),
        ("Profile", f"{profile} ({data.db_path(profile)})"),
        ("Backups", str(data.backups_dir(profile))),
        ("Bundled course", str(bundled_questions_dir())),
        ("Log", ", ".join(map(str, logs)) if logs else "none written to a file (messages go to the terminal)"),
        ("Python", f"{platform.python_version()} ({sys.executable})"),
        ("Qt", f"{qVersion()} (PySide6 {PySide6.__version__})"),
        ("Licence", "MIT"),
    ]


class AboutDialog(QDialog):
    """What KetaQuiz is, its version and its folders (selectable, to paste into a bug report)."""

    def __init__(self, data: DataDir, profile: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About KetaQuiz")
        self.data = data
        lay = QVBoxLayout(self)
        head = QLabel()
        head.setPixmap(QIcon(str(asset("ketaquiz.png"))).pixmap(64, 64))
        title = QLabel(f"<h2>KetaQuiz {html.escape(__version__)}</h2>"
                       "<p>Turn an article into a spaced-repetition course: study, author question sets, "
                       "track your scores.</p>")
        title.setWordWrap(True)
        self.facts = QLabel("<table cellspacing='4'>" + "".join(
            f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
            for k, v in about_facts(data, profile)) + "</table>")
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setWordWrap(True)
        self.facts.setAccessibleName("About KetaQuiz: version and folders")
        lay.addWidget(head, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(title)
        lay.addWidget(self.facts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_folder = QPushButton("Open &data folder")
        self.open_folder.clicked.connect(self._open_folder)
        buttons.addButton(self.open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setMinimumWidth(520)

    def _open_folder(self) -> None:
        self.data.root.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data.root)))
