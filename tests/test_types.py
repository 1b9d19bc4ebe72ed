"""Types are checked: mypy passes on all of ketaquiz, strictly on ketaquiz/core ([tool.mypy] in pyproject.toml).

Here as well as in .ci/run, so that the full test suite run before landing catches a type error too."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from .conftest import REPO


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is in the test extra: pip install -e '.[test]'")
def test_mypy_finds_no_error() -> None:
    run = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
