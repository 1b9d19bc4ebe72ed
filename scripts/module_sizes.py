"""Modules over a number of lines and functions over a number of lines (the code's "near 500 / near 60" rule).

    .venv/bin/python scripts/module_sizes.py [--lines 500] [--function-lines 60] [PATH ...]

PATHs are files or folders (default: ketaquiz). Prints one line per module over the limit and one per function
over its limit, longest first, then the counts.
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def python_files(paths: list[Path]) -> list[Path]:
    """The .py files under these files or folders."""
    out: list[Path] = []
    for p in paths:
        out += sorted(p.rglob("*.py")) if p.is_dir() else [p]
    return out


def sizes(path: Path) -> tuple[int, list[tuple[str, int]]]:
    """The module's line count, and each function's (qualified name, lines)."""
    text = path.read_text(encoding="utf-8")
    funcs: list[tuple[str, int]] = []

    def walk(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                funcs.append((prefix + child.name, (child.end_lineno or child.lineno) - child.lineno + 1))
                walk(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.ClassDef):
                walk(child, f"{prefix}{child.name}.")

    walk(ast.parse(text), "")
    return len(text.splitlines()), funcs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[REPO / "ketaquiz"])
    ap.add_argument("--lines", type=int, default=500, help="module limit (default %(default)s)")
    ap.add_argument("--function-lines", type=int, default=60, help="function limit (default %(default)s)")
    args = ap.parse_args(argv)
    big_modules: list[tuple[int, str]] = []
    big_funcs: list[tuple[int, str]] = []
    for f in python_files(args.paths):
        n, funcs = sizes(f)
        name = str(f.resolve().relative_to(REPO)) if f.resolve().is_relative_to(REPO) else str(f)
        if n > args.lines:
            big_modules.append((n, name))
        big_funcs += [(length, f"{name}:{fn}") for fn, length in funcs if length > args.function_lines]
    for n, name in sorted(big_modules, reverse=True):
        print(f"{n:6} lines  {name}")
    for n, name in sorted(big_funcs, reverse=True):
        print(f"{n:6} lines  {name}()")
    print(f"{len(big_modules)} modules over {args.lines} lines, {len(big_funcs)} functions over {args.function_lines}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
