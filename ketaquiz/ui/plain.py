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


def inform(parent: QWidget | None, title: str, text: str, *, warning: bool = True) -> None:
    """A warning (or information) box with `text` as plain text: QMessageBox.warning/information guess rich text."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    message_box(parent, icon, title, text).exec()


def ask(parent: QWidget | None, title: str, text: str, *, default_no: bool = False) -> bool:
    """A Yes/No question with `text` as plain text; True for Yes."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    if default_no:
        box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_text(parent: QWidget | None, title: str, prompt: str, text: str = "") -> str | None:
    """One line of text asked for (QInputDialog.getText, whose prompt is a label guessing rich text); None when
    cancelled."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setLabelText(" ")  # (made plain before it holds the prompt: never parsed as markup)
    for child in dialog.findChildren(QLabel):
        plain(child)
    dialog.setLabelText(prompt)
    dialog.setTextValue(text)
    return dialog.textValue() if dialog.exec() else None
