"""The images and sounds a question shows, under its prompt.

Files come only from the question's set folder (core.media.resolve_media: a regular file inside it, under
a size cap); images are decoded by Qt from that file, never from a URL, so nothing loads from the network
and no markup from the set is interpreted. A sound gets a Play button when QtMultimedia is installed, else
a note saying how to hear it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ..core.media import is_image, is_sound, resolve_media
from . import plain

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QMediaPlayer

MAX_IMAGE_W, MAX_IMAGE_H = 560, 320  # fits the study page at 1024x640 with the prompt and the answer box


def multimedia_available() -> bool:
    """Whether QtMultimedia (PySide6-Addons) is installed, to play sounds."""
    return importlib.util.find_spec("PySide6.QtMultimedia") is not None


def media_widgets(names: list[str], folder: Path | None, parent: QWidget | None = None) -> list[QWidget]:
    """A widget per media file: the image, a Play button for a sound, or a line saying what is missing."""
    out: list[QWidget] = []
    for name in names:
        path = resolve_media(folder, name) if folder is not None else None
        if path is None:
            out.append(_note(f"({name} is not in this set's folder)", parent))
        elif is_image(name):
            out.append(_image(path, name, parent))
        elif is_sound(name):
            out.append(SoundButton(path, parent) if multimedia_available() else _note(
                f"♪ This question has a sound ({path.name}): to play it here, install QtMultimedia "
                f"(pip install PySide6-Addons=={PySide6.__version__}); or open it from the set's folder.", parent))
    return out


def _note(text: str, parent: QWidget | None) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setObjectName("mediaNote")
    return label


def _image(path: Path, name: str, parent: QWidget | None) -> QLabel:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > MAX_IMAGE_W or size.height() > MAX_IMAGE_H):
        reader.setScaledSize(size.scaled(MAX_IMAGE_W, MAX_IMAGE_H, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return _note(f"({name} cannot be shown: {reader.errorString()})", parent)
    label = QLabel(parent)
    label.setPixmap(QPixmap.fromImage(image))
    label.setAlignment(Qt.AlignmentFlag.AlignLeft)
    label.setAccessibleName(f"Image {path.name}")
    label.setToolTip(plain.tooltip(name))
    label.setObjectName("questionImage")
    return label


class SoundButton(QPushButton):
    """Plays one sound file (QtMultimedia, made on the first press)."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(f"▶  Play sound ({path.name})", parent)
        self.path = path
        self.setAccessibleName(f"Play sound {path.name}")
        self._player: QMediaPlayer | None = None
        self.clicked.connect(self.play)

    def play(self) -> None:
        if self._player is None:
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

            self._player = QMediaPlayer(self)
            self._output = QAudioOutput(self)
            self._player.setAudioOutput(self._output)
            self._player.setSource(QUrl.fromLocalFile(str(self.path)))
        self._player.stop()
        self._player.play()
