"""The store (ketaquiz/core/store/) is the only door to the progress database: no SQL anywhere else.

Outside the store no module imports sqlite3 or sqlite-utils, touches a connection (`.conn`, `.db`, `.execute…`),
calls `catch_up()` (the store's readers bring their figures up to date themselves) or holds SQL text.
Docstrings and comments may name SQL ("checked with PRAGMA quick_check"): nothing runs them.

One exception, by decision: core/anki/collection.py reads a foreign file, an Anki collection, which happens to be
SQLite. It parses an input format, as the .apkg importer reads a zip; it never opens KetaQuiz's database.
"""

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "ketaquiz"
STORE = PACKAGE / "core" / "store"
FOREIGN_FILE_READERS = {PACKAGE / "core" / "anki" / "collection.py"}

_DRIVERS = ("sqlite3", "sqlite_utils", "apsw")
_CONNECTION = {"conn", "db", "execute", "executemany", "executescript", "catch_up"}
# The head of an SQL statement, as the store writes them (keywords in capitals).
_SQL = re.compile(
    r"\b(SELECT\b[^;]*\bFROM|INSERT\s+(OR\s+[A-Z]+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
    r"(CREATE|DROP|ALTER)\s+(TABLE|INDEX|TRIGGER|VIEW)|PRAGMA\s+\w+|BEGIN\s+IMMEDIATE|SAVEPOINT\s+\w+)\b"
)


def _prose(tree: ast.AST) -> set[int]:
    """The ids of the string constants that are statements of their own: docstrings (of the module, a class or a
    function) and strings standing alone as comments. Nothing runs them, so they may name SQL ("checked with PRAGMA
    quick_check"); comments are not in the tree at all."""
    return {id(node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)}


def sql_found(source: str) -> list[str]:
    """What in this module's source is SQL or a way to reach the database, as "line: what"."""
    found = []
    tree = ast.parse(source)
    prose = _prose(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"{node.lineno}: import {a.name}" for a in node.names if a.name.split(".")[0] in _DRIVERS]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in _DRIVERS:
            found.append(f"{node.lineno}: from {node.module} import")
        elif isinstance(node, ast.Attribute) and node.attr in _CONNECTION:
            found.append(f"{node.lineno}: .{node.attr}")
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose
              and _SQL.search(node.value)):
            found.append(f"{node.lineno}: {node.value.strip()[:60]!r}")
    return found


def test_no_sql_outside_the_store():
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if STORE in path.parents or path in FOREIGN_FILE_READERS:
            continue
        found = sql_found(path.read_text(encoding="utf-8"))
        if found:
            offenders[str(path.relative_to(PACKAGE))] = found
    assert offenders == {}, "SQL belongs in ketaquiz/core/store/ (add a typed query there): " + repr(offenders)


def test_the_check_finds_each_kind_of_sql():
    """The check above can fail: each way SQL could creep back is caught (and prose is not)."""
    samples = {
        "import sqlite3": 1,
        "from sqlite_utils import Database": 1,
        "rows = store.conn.execute('SELECT 1')": 2,
        "store.catch_up()": 1,
        "store.db['sets'].upsert({})": 1,
        'sql = f"SELECT id, title FROM sets WHERE deleted = {n}"': 1,
        'q = "DELETE FROM dash_days"': 1,
        'q = "INSERT OR REPLACE INTO dash_meta (key, value) VALUES (?, ?)"': 1,
        'q = "UPDATE cards SET retired = 1"': 1,
        'q = "PRAGMA quick_check"': 1,
        'msg = "Select the answers from the list, then update your settings."': 0,
        'msg = "Delete from your sets: the selected questions"': 0,
    }
    for source, n in samples.items():
        assert len(sql_found(source)) == n, source


def test_docstrings_and_comments_may_name_sql_but_sql_in_code_is_still_found():
    """Prose that names a statement ("checked with PRAGMA quick_check") is not SQL; the same text run is."""
    source = (
        '"""Checks the file the way PRAGMA quick_check does; a write is one BEGIN IMMEDIATE transaction."""\n'
        "# the pragma: PRAGMA journal_mode = WAL, see the store\n"
        "class Report:\n"
        '    """Rows as SELECT id FROM sets would list them."""\n'
        "    kind: str\n"
        '    """Attribute docstring: DELETE FROM nothing."""\n'
        "    def run(self, store):\n"
        '        """UPDATE cards SET nothing: this only says so."""\n'
        '        store.check("PRAGMA quick_check")\n'
        '        return f"SELECT id FROM {self.kind}"\n'
    )
    assert [f.split(": ", 1)[0] for f in sql_found(source)] == ["9", "10"]
    assert sql_found('"""Only prose: DELETE FROM sets, PRAGMA user_version."""') == []


def test_the_store_itself_is_seen_by_the_check():
    """The store holds SQL by each of those ways: the check would find it were the store anywhere else."""
    kinds = set()
    for path in STORE.glob("*.py"):
        kinds |= {f.split(": ", 1)[1].split()[0] for f in sql_found(path.read_text(encoding="utf-8"))}
    assert {"import", ".execute", ".conn", ".catch_up"} <= kinds
