"""docs/architecture.md stays true: every `module:function` hop it names exists, and every package is on its map."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from .conftest import REPO

DOC = REPO / "docs" / "architecture.md"
PACKAGE = REPO / "ketaquiz"
# `ui/study.py:StudyPage.submit`, `core/store/log.py:record_answer` (paths under ketaquiz/; a <Type> is a pattern)
HOP = re.compile(r"`((?:[a-z_]+/)*[a-z_]+\.py):([A-Za-z_][\w.]*)")


def _defined(path: Path) -> set[str]:
    """The dotted names a module defines: functions, classes and their methods (a method also by its own name: the
    store's are methods of mixins, named as `Store`'s)."""
    names: set[str] = set()

    def visit(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.update({prefix + node.name, node.name})
                if isinstance(node, ast.ClassDef):
                    visit(node.body, f"{prefix}{node.name}.")

    visit(ast.parse(path.read_text(encoding="utf-8")).body, "")
    return names


def test_every_hop_in_the_architecture_page_names_a_function_that_exists():
    hops = HOP.findall(DOC.read_text(encoding="utf-8"))
    assert len(hops) >= 20  # the page's two paths, at least
    missing = []
    for rel, name in hops:
        path = PACKAGE / rel
        if not path.is_file():
            missing.append(f"{rel} (no such module)")
        elif name not in _defined(path):
            missing.append(f"{rel}:{name}")
    assert missing == [], "docs/architecture.md names what is not there: " + ", ".join(missing)


def test_every_package_is_on_the_map():
    text = DOC.read_text(encoding="utf-8")
    packages = sorted(str(p.parent.relative_to(REPO)) for p in PACKAGE.rglob("__init__.py"))
    assert [p for p in packages if f"`{p}/`" not in text] == []
