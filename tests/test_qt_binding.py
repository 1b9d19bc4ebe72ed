"""The Qt binding itself: a PySide6 that leaks references to None would abort the app after some use."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor


def test_qt_calls_returning_nothing_keep_none_alive():
    colour = QColor()
    before = sys.getrefcount(None)
    for _ in range(2000):
        colour.setAlpha(1)  # returns None
    # PySide6 6.12.0 loses one reference per call here (-2000) and Python aborts once None's count hits 0.
    assert sys.getrefcount(None) - before > -100
