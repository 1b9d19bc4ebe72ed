"""The core never imports Qt: it must run on a machine without a display or PySide6."""

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "ketaquiz" / "core"


def test_no_module_under_core_imports_pyside6():
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                offenders.append(str(path.relative_to(CORE)))
    assert offenders == []


def test_core_and_cli_import_without_loading_qt():
    code = (
        "import sys, pkgutil, importlib, ketaquiz.core as c, ketaquiz.cli\n"
        "for m in pkgutil.walk_packages(c.__path__, 'ketaquiz.core.'): importlib.import_module(m.name)\n"
        "print(sorted(k for k in sys.modules if k.startswith('PySide6')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
