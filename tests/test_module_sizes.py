"""scripts/module_sizes.py names the modules and functions over the size limits, and only those."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from .conftest import REPO


def _load():
    spec = importlib.util.spec_from_file_location("module_sizes", REPO / "scripts" / "module_sizes.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["module_sizes"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_long_modules_and_functions_are_named(tmp_path: Path, capsys) -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(70))
    (tmp_path / "big.py").write_text("class C:\n    def long(self):\n" + body.replace("    x", "        x")
                                     + "\n" * 450 + "def short():\n    return 1\n", encoding="utf-8")
    (tmp_path / "small.py").write_text("def f():\n" + body, encoding="utf-8")
    assert _load().main([str(tmp_path), "--lines", "500", "--function-lines", "60"]) == 0
    out = capsys.readouterr().out
    assert "big.py" in out.split("\n")[0] and "small.py" not in out.split("\n")[0]
    assert "big.py:C.long()" in out and "small.py:f()" in out and "short()" not in out
    assert out.strip().endswith("1 modules over 500 lines, 2 functions over 60")
