"""Where the main window opens: its saved size and place, moved onto a screen that is there now.

Qt's restoreGeometry alone lost the size of a window saved partly off-screen or on a monitor since unplugged (it
came back at its minimum size), so the window's normal rectangle is kept as plain numbers and fitted here.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

KEY_RECT = "window/rect"  # x, y, width, height of the normal (not maximized) window
KEY_MAXIMIZED = "window/maximized"


def fit_to_screens(rect: QRect, screens: list[QRect]) -> QRect:
    """`rect` moved (and shrunk only if it is larger) into the screen it overlaps most, or the first screen when
    it overlaps none: a window saved on a monitor that is gone, or half off the desktop, opens whole."""
    if not screens:
        return QRect(rect)
    best = max(screens, key=lambda s: _area(s.intersected(rect)))
    if _area(best.intersected(rect)) == 0:
        best = screens[0]
    w, h = min(rect.width(), best.width()), min(rect.height(), best.height())
    x = min(max(rect.x(), best.x()), best.x() + best.width() - w)
    y = min(max(rect.y(), best.y()), best.y() + best.height() - h)
    return QRect(x, y, w, h)


def _area(r: QRect) -> int:
    return max(0, r.width()) * max(0, r.height())


def save_place(window: QWidget, settings: QSettings) -> None:
    """Keep the window's normal rectangle and whether it is maximized."""
    r = window.normalGeometry() if window.isMaximized() else window.geometry()
    settings.setValue(KEY_RECT, [r.x(), r.y(), r.width(), r.height()])
    settings.setValue(KEY_MAXIMIZED, bool(window.isMaximized()))


def restore_place(window: QWidget, settings: QSettings) -> bool:
    """Put the window (before it is shown) at its saved rectangle, fitted to today's screens, maximized if it was;
    False when nothing usable was saved."""
    raw = settings.value(KEY_RECT)
    if not isinstance(raw, (list, tuple)):
        return False
    try:
        x, y, w, h = (int(v) for v in raw)
    except (TypeError, ValueError):
        return False
    if w <= 0 or h <= 0:
        return False
    screens = [s.availableGeometry() for s in QGuiApplication.screens()]
    rect = fit_to_screens(QRect(x, y, w, h), screens)
    window.setGeometry(rect)
    if str(settings.value(KEY_MAXIMIZED, "false")).lower() == "true":
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    return True
