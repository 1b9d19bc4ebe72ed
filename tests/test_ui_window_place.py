"""The main window reopens at its saved size and place (and page), through the real window and its QSettings file;
a place saved on a monitor that is gone, or half off the desktop, is moved onto a screen that is there, whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from random import Random

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from ketaquiz.ui.app import window_settings
from ketaquiz.ui.context import AppContext
from ketaquiz.ui.main_window import MainWindow
from ketaquiz.ui.window_place import fit_to_screens

A = QRect(0, 0, 1366, 768)
B = QRect(1366, 0, 1920, 1080)


@pytest.mark.parametrize(("saved", "want"), [
    (QRect(40, 30, 900, 600), QRect(40, 30, 900, 600)),  # on screen: unchanged
    (QRect(1500, 100, 900, 600), QRect(1500, 100, 900, 600)),  # on the second screen: stays there
    (QRect(700, 100, 900, 600), QRect(466, 100, 900, 600)),  # mostly on A, its right part on B: moved onto A
    (QRect(1000, 100, 900, 600), QRect(1366, 100, 900, 600)),  # mostly on B: moved onto B
    (QRect(-500, -300, 900, 600), QRect(0, 0, 900, 600)),  # off the top left
    (QRect(5000, 3000, 900, 600), QRect(466, 168, 900, 600)),  # on no screen: onto the first, size kept
    (QRect(10, 10, 1300, 2000), QRect(10, 0, 1300, 768)),  # taller than its screen: as tall as that one
])
def test_fit_to_screens(saved, want):
    assert fit_to_screens(saved, [A, B]) == want


def _window(ctx: AppContext, qtbot) -> MainWindow:
    w = MainWindow(ctx, settings=window_settings(ctx.data), rng=Random(1))
    qtbot.addWidget(w)
    w.restore_state()
    w.show()
    QApplication.processEvents()
    return w


def test_window_reopens_at_its_saved_size_place_and_page(qtbot, data_dir, clock):
    ctx = AppContext(data_dir, clock=clock)
    ctx.reload_library()
    try:
        w = _window(ctx, qtbot)
        w.setGeometry(40, 30, 760, 520)
        w.show_page("sets")
        QApplication.processEvents()
        w.close()
        again = _window(ctx, qtbot)
        assert again.geometry() == QRect(40, 30, 760, 520) and again.current_page() == "sets"
        again.showMaximized()
        QApplication.processEvents()
        again.close()
        third = _window(ctx, qtbot)
        assert third.isMaximized()
        assert third.normalGeometry().size() == QRect(40, 30, 760, 520).size()  # un-maximized: its own size again
        third.close()
    finally:
        ctx.close()


SCRIPT = """
import sys
from pathlib import Path
from random import Random
from PySide6.QtWidgets import QApplication
from ketaquiz.core.library import DataDir
from ketaquiz.ui.app import make_app, window_settings
from ketaquiz.ui.context import AppContext
from ketaquiz.ui.main_window import MainWindow
app = make_app([])
ctx = AppContext(DataDir(Path(sys.argv[1])))
ctx.reload_library()
w = MainWindow(ctx, settings=window_settings(ctx.data), rng=Random(1))
w.restore_state()
w.show()
QApplication.processEvents()
if len(sys.argv) > 2:
    w.setGeometry(*map(int, sys.argv[2].split(",")))
    QApplication.processEvents()
g = w.geometry()
print([s.name() for s in app.screens()], [g.x(), g.y(), g.width(), g.height()])
w.close()
ctx.close()
"""


def _screens(tmp: Path, *screens: tuple[str, int, int, int, int]) -> str:
    path = tmp / f"screens-{len(screens)}.json"
    path.write_text(json.dumps({"screens": [
        {"name": n, "x": x, "y": y, "width": w, "height": h, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
        for n, x, y, w, h in screens]}), encoding="utf-8")
    return f"offscreen:configfile={path}"


@pytest.mark.parametrize("saved", [(2100, 100, 1000, 700), (-498, -298, 900, 600), (1500, 50, 1000, 700)])
def test_a_place_on_a_monitor_since_unplugged_opens_whole_on_the_one_left(tmp_path, saved):
    """Saved with two monitors (the laptop's and one at its right), opened with the laptop's alone: the window is
    on the laptop's screen, whole, at its saved size (Qt's restoreGeometry brought one back at its minimum size)."""
    script = tmp_path / "place.py"
    script.write_text(SCRIPT, encoding="utf-8")
    data = tmp_path / "data"
    two = _screens(tmp_path, ("A", 0, 0, 1366, 768), ("B", 1366, 0, 1920, 1080))
    one = _screens(tmp_path, ("A", 0, 0, 1366, 768))

    def run(platform: str, *args: str) -> tuple[list[str], list[int]]:
        env = {**os.environ, "QT_QPA_PLATFORM": platform}
        out = subprocess.run([sys.executable, str(script), str(data), *args], env=env, capture_output=True,
                             text=True, timeout=120, check=True).stdout
        names, rect = out.strip().splitlines()[-1].split("] [")
        return eval(names + "]"), [int(v) for v in rect.rstrip("]").split(",")]  # noqa: S307 (our own output)

    names, placed = run(two, ",".join(map(str, saved)))
    if names != ["A", "B"]:
        pytest.skip("this Qt's offscreen platform takes no screen configuration")
    assert placed[2:] == list(saved[2:])
    names, x_y_w_h = run(one)
    x, y, w, h = x_y_w_h
    assert names == ["A"] and (w, h) == saved[2:]  # its size kept
    assert 0 <= x and x + w <= 1366 and 0 <= y and y + h <= 768  # and whole on the screen that is there
