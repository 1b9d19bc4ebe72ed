"""Without a display the app says how to run it, instead of Qt aborting."""

from __future__ import annotations

import os
import subprocess
import sys

from ketaquiz.cli import NO_DISPLAY_MESSAGE, has_display


def test_no_display_message_and_exit_code(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["KETAQUIZ_DATA"] = str(tmp_path / "data")
    proc = subprocess.run([sys.executable, "-m", "ketaquiz"], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert NO_DISPLAY_MESSAGE in proc.stderr
    assert "QT_QPA_PLATFORM=offscreen" in proc.stderr
    assert "Aborted" not in proc.stderr and "could not connect to display" not in proc.stderr
    assert not (tmp_path / "data" / "profiles").exists()  # nothing opened


def test_has_display():
    if sys.platform in ("win32", "darwin"):
        return
    assert not has_display({})
    assert has_display({"DISPLAY": ":0"})
    assert has_display({"WAYLAND_DISPLAY": "wayland-0"})
    assert has_display({"QT_QPA_PLATFORM": "offscreen"})
