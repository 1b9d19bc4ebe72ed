"""scripts/screenshots.py, the pictures in the README and the look-over of every screen, still runs to the end."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import REPO


def test_screenshots_script_renders_every_screen(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, str(REPO / "scripts" / "screenshots.py"), "--out", str(tmp_path),
                          "--size", "1024x640"], capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    for name in ("home.png", "sets.png", "scores.png", "summary.png", "settings.png", "home-dark.png", "review.png",
                 "review-section.png"):
        assert (tmp_path / name).stat().st_size > 10_000, name
