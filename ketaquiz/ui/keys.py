"""Keys that work the same on every page: Enter presses the focused button (Qt does so only in dialogs)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QDialog, QPushButton, QRadioButton, QToolButton, QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _in_dialog(widget: QWidget) -> bool:
    return isinstance(widget.window(), QDialog)  # a dialog has its own default button and Enter handling


class EnterPressesButtons(QObject):
    """An application event filter: Enter (or keypad Enter) on a focused push or tool button clicks it, as Space
    does, outside dialogs. Check boxes and radio buttons are left alone (Enter there submits a form)."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() != QEvent.Type.KeyPress or not isinstance(obj, (QPushButton, QToolButton)):
            return False
        assert isinstance(event, QKeyEvent)
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() not in _ENTER or mods != Qt.KeyboardModifier.NoModifier:
            return False
        button: QAbstractButton = obj
        if isinstance(button, (QCheckBox, QRadioButton)) or _in_dialog(button):
            return False
        if not (button.isEnabled() and button.isVisible()):
            return False
        button.click()
        return True
