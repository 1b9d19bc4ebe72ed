"""Text from files (set and topic titles, prompts, answers, paths) is shown as plain text, never as markup.

A QLabel, a message box or a tooltip guesses rich text from the text itself: a set named ``<b>Big</b>``
showed bold, and one named ``<img src='/dev/zero'>`` made Qt read /dev/zero as an image until memory ran
out, at every start. Labels and boxes that show such text are made with these helpers; our own markup,
in the few labels that have it, escapes the user's text (``html.escape``).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain(label: QLabel) -> QLabel:
    """`label`, set to show its text as plain text from now on."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label showing `text` as plain text."""
    out = plain(QLabel(parent))
    out.setText(text)
    return out


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok) -> QMessageBox:
    """A message box whose text is plain text (QMessageBox's static helpers guess rich text)."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box


def tooltip(text: str) -> str:
    """A tooltip showing `text` as it is (tooltips guess rich text too: only text with a '<' could be taken
    for markup, so any other comes back unchanged)."""
    if "<" not in text:
        return text
    return "<qt>" + html.escape(text, quote=False).replace("\n", "<br>") + "</qt>"
