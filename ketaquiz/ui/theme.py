"""Light, dark or the system's palette, the font size, and the app's small stylesheet."""

from __future__ import annotations

import re
from typing import TypedDict

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ..core.appearance import Appearance
from ..resources import asset

STYLESHEET = asset("style.qss")
# flag colours readable on light and dark backgrounds (the review step)
WARN = "#c27c0e"
GOOD = "#2e9d5b"


class _Original(TypedDict, total=False):
    """The platform's look, noted before a theme of ours replaces it."""

    style: str
    palette: QPalette
    font: QFont


_original: _Original = {}
_PT = re.compile(r"(\d+(?:\.\d+)?)pt\b")


def dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor(37, 38, 41), QColor(28, 29, 31), QColor(230, 230, 230)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor(45, 46, 50),
        QPalette.ColorRole.ToolTipBase: QColor(50, 50, 55),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor(140, 140, 140),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor(52, 54, 58),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(255, 90, 90),
        QPalette.ColorRole.Link: QColor(110, 168, 254),
        QPalette.ColorRole.Highlight: QColor(61, 122, 214),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.Mid: QColor(70, 70, 75),
        QPalette.ColorRole.Midlight: QColor(60, 60, 65),
        QPalette.ColorRole.Dark: QColor(20, 20, 22),
        QPalette.ColorRole.Shadow: QColor(0, 0, 0),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(130, 130, 130))
    return p


def light_palette() -> QPalette:
    p = QPalette(QColor(240, 240, 240))
    p.setColor(QPalette.ColorRole.Base, QColor(255, 255, 255))
    p.setColor(QPalette.ColorRole.Highlight, QColor(48, 110, 200))
    return p


def effective_dark(theme: str) -> bool:
    """Whether a theme setting means dark right now (system: the platform's colour scheme)."""
    if theme == "dark":
        return True
    if theme == "light":
        return False
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def _use_fusion(app: QApplication) -> None:
    """Fusion, which draws our palettes faithfully; the platform's style is noted first, to return to.

    Noted only here: reading app.style() builds QStyle's Python type and its ~30 enums, which a start
    with the system theme need not wait for.
    """
    if "style" not in _original:
        app.setStyleSheet("")  # under a stylesheet, style() is its nameless proxy (apply_theme sets it again)
        _original["style"] = app.style().name()
    app.setStyle("Fusion")


def apply_theme(app: QApplication, settings: Appearance) -> None:
    """Apply palette, font size and stylesheet from the appearance settings (safe to call again on change)."""
    if not _original:
        _original["palette"] = QPalette(app.palette())
        _original["font"] = QFont(app.font())
    if settings.theme == "system":
        hints = QGuiApplication.styleHints()
        hints.unsetColorScheme() if hasattr(hints, "unsetColorScheme") else None
        if "style" in _original:  # back from a theme of our own: the platform's style again
            app.setStyle(_original["style"])
        app.setPalette(_original["palette"])
        dark = effective_dark("system")
        if dark and app.palette().color(QPalette.ColorRole.Window).lightness() > 128:
            _use_fusion(app)
            app.setPalette(dark_palette())
    else:
        _use_fusion(app)
        app.setPalette(dark_palette() if settings.theme == "dark" else light_palette())
    font = QFont(_original["font"])
    base = font.pointSizeF()
    if settings.font_size:
        font.setPointSize(settings.font_size)
    app.setFont(font)
    sheet = STYLESHEET.read_text(encoding="utf-8") if STYLESHEET.is_file() else ""
    app.setStyleSheet(scaled_sheet(sheet, font.pointSizeF() / base if base > 0 else 1.0))


def scaled_sheet(sheet: str, factor: float) -> str:
    """The stylesheet with every point size times `factor`: the prompt, headings, verdict and sidebar grow and
    shrink with the font size setting as the rest of the text does (they were fixed sizes)."""
    if abs(factor - 1.0) < 0.01:
        return sheet
    return _PT.sub(lambda m: f"{float(m.group(1)) * factor:.1f}pt", sheet)
