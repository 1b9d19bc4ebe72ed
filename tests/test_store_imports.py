"""Loading sqlite-utils changes no process-wide state another thread could trip on (issue 15, move 6)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

_SCRIPT = r"""
import importlib.machinery, sys, threading

seen = []


def concurrently_import_numpy():
    # Another thread imports numpy (the generator does, say) while sqlite-utils loads on this one.
    def other():
        try:
            import numpy  # noqa: F401
            seen.append("ok")
        except ImportError as e:
            seen.append(f"failed: {e}")
    t = threading.Thread(target=other)
    t.start()
    t.join(60)


class Concurrent:
    # Finds sqlite_utils.db as usual, and runs the other thread's import when the module starts executing: not
    # here, in find_spec, which runs under the global import lock the other thread's import needs.
    def find_spec(self, name, path=None, target=None):
        if name != "sqlite_utils.db" or seen:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        real_exec = spec.loader.exec_module

        def exec_module(module):
            concurrently_import_numpy()
            real_exec(module)

        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, Concurrent())
from ketaquiz.core.store import load_sqlite_utils
load_sqlite_utils()
print(seen[0])
"""


@pytest.mark.skipif(importlib.util.find_spec("numpy") is None, reason="numpy is not installed")
def test_numpy_imported_on_another_thread_while_sqlite_utils_loads():
    """It failed: sqlite-utils was loaded with sys.modules['numpy'] = None, so a concurrent `import numpy` raised."""
    out = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
