"""Install every runtime dependency at the lowest version pyproject.toml declares (into a fresh venv in /tmp), then run
the test suite on it: a declared minimum must be one that works.

    python3 scripts/check_lower_bounds.py [--keep] [pytest args...]

Slow (it downloads the old releases): run it when a lower bound changes, not in CI.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def minimums(pyproject: Path) -> list[str]:
    """`name==lowest` for each runtime dependency with a lower bound (markers kept)."""
    deps = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    pins = []
    for dep in deps:
        m = re.match(r"^\s*([A-Za-z0-9_.\-]+)(\[[^\]]*\])?\s*([^;]*)(;.*)?$", dep)
        assert m, dep
        name, _extras, spec, marker = m.groups()
        low = re.search(r">=\s*([0-9][^,\s]*)", spec)
        if low:
            pins.append(f"{name}=={low.group(1)}{' ' + marker if marker else ''}")
    return pins


def main(argv: list[str]) -> int:
    keep = "--keep" in argv
    pytest_args = [a for a in argv if a != "--keep"] or ["-q", "-x"]
    # mypy checks the code against the libraries' types as CI installs them; older stubs word things otherwise
    # without the code working any differently at run time, which is what this script measures.
    pytest_args += ["--deselect", "tests/test_types.py::test_mypy_finds_no_error"]
    work = Path(tempfile.mkdtemp(prefix="ketaquiz-lowest."))
    pins = minimums(REPO / "pyproject.toml")
    (work / "lowest.txt").write_text("\n".join(pins) + "\n", encoding="utf-8")
    print("lowest declared versions:\n  " + "\n  ".join(pins), flush=True)
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = str(venv / "bin" / "python")
    subprocess.run([py, "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    # The pins as constraints: everything else (what they need, the test tools) resolves as pip would.
    subprocess.run([py, "-m", "pip", "install", "-q", "-c", str(work / "lowest.txt"), f"{REPO}[test]"], check=True)
    subprocess.run([py, "-m", "pip", "list"], check=True, stdout=open(work / "installed.txt", "w"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    smoke = subprocess.run([str(venv / "bin" / "ketaquiz"), "--data", str(work / "data"), "quiz", "--limit", "2"],
                           input="1\n1\n", text=True, capture_output=True, env=env)
    print(f"smoke run (quiz --limit 2): exit {smoke.returncode}\n{smoke.stderr[-2000:]}", flush=True)
    # The tests import the checkout's package (pytest puts the repository on sys.path), with the lowest dependencies.
    tests = subprocess.run([py, "-m", "pytest", "-p", "no:cacheprovider", *pytest_args], cwd=REPO, env=env)
    print(f"{'kept' if keep else 'removing'} {work}")
    if not keep:
        subprocess.run(["rm", "-rf", str(work)])
    return smoke.returncode or tests.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
