"""Crafted Anki packages: views instead of tables, too many rows, slow queries, malformed note types and decks,
and a question with very many choices. Each is refused with a message naming the file; nothing hangs."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from ketaquiz.core.anki import collection as anki_collection
from ketaquiz.core.check import check_question
from ketaquiz.core.importers import ImportError_, import_file, read_import
from ketaquiz.core.questions import Question

RECURSIVE = "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT i"
NOTES = "CREATE TABLE notes (id, mid, tags, flds); INSERT INTO notes VALUES (1, 1, '', 'Q?' || char(31) || 'A');"
CARDS = "CREATE TABLE cards (id, nid, did, odid, ord, queue); INSERT INTO cards VALUES (9, 1, 1, 0, 0, 0);"


def apkg(tmp_path: Path, script: str, models: str = "{}", decks: str = "{}") -> Path:
    db = tmp_path / "c.db"
    db.unlink(missing_ok=True)
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE col (models TEXT, decks TEXT)")
    conn.execute("INSERT INTO col VALUES (?, ?)", (models, decks))
    conn.executescript(script)
    conn.commit()
    conn.close()
    out = tmp_path / "crafted.apkg"
    with zipfile.ZipFile(out, "w") as zf:
        zf.write(db, "collection.anki21")
    return out


@pytest.mark.parametrize(("script", "why"), [
    (f"CREATE VIEW notes AS {RECURSIVE} AS id, 1 AS mid, '' AS tags, 'Q' AS flds FROM r; {CARDS}",
     "'notes' is a view, not a table"),
    (f"{NOTES} CREATE VIEW cards AS {RECURSIVE} AS id, 1 AS nid, 1 AS did, 0 AS odid, 0 AS ord, 0 AS queue FROM r "
     "LIMIT 100000000;", "'cards' is a view, not a table"),
    (f"{NOTES} {CARDS} CREATE VIEW revlog AS {RECURSIVE} AS id, 9 AS cid, 3 AS ease, 1 AS type FROM r;",
     "'revlog' is a view"),
])
def test_views_are_refused(tmp_path, data_dir, script, why):
    with pytest.raises(ImportError_, match=why) as e:
        import_file(apkg(tmp_path, script), data_dir)
    assert str(tmp_path / "crafted.apkg") in str(e.value)


def test_row_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(anki_collection, "MAX_NOTES", 3)
    rows = "".join(f"INSERT INTO notes VALUES ({i}, 1, '', 'Q{i}?' || char(31) || 'A');" for i in range(2, 6))
    with pytest.raises(ImportError_, match="more than 3 rows in notes"):
        read_import(apkg(tmp_path, NOTES + rows + CARDS))


def test_time_limit_stops_a_slow_read(tmp_path):
    """The clock is injected: a read whose clock runs past the limit is stopped and refused with a message."""
    many = f"INSERT INTO notes {RECURSIVE} + 1, 1, '', 'Q' || i || '?' || char(31) || 'A' FROM r LIMIT 20000;"
    path = apkg(tmp_path, NOTES + many + CARDS)
    with zipfile.ZipFile(path) as zf:
        db = tmp_path / "x.db"
        db.write_bytes(zf.read("collection.anki21"))
    ticks = iter(range(0, 10**9, 100))
    with pytest.raises(ImportError_, match="took longer than 60 s"):
        anki_collection.read_collection(path, db, clock=lambda: float(next(ticks)))


@pytest.mark.parametrize(("models", "decks", "why"), [
    ("{not json", "{}", r"note types \(col.models\) is not valid JSON"),
    ("[1, 2]", "{}", r"note types \(col.models\) is not a JSON object"),
    ('{"x": {}}', "{}", r"note types \(col.models\) has an entry 'x' that is not a number id"),
    ('{"1": 5}', "{}", r"note types \(col.models\) entry 1 is not a JSON object"),
    ("{}", "{" * 5000, r"decks \(col.decks\) is not valid JSON"),
    ("{}", '{"1": "Default"}', r"decks \(col.decks\) entry 1 is not a JSON object"),
])
def test_malformed_models_and_decks_json(tmp_path, data_dir, models, decks, why):
    with pytest.raises(ImportError_, match=why):
        import_file(apkg(tmp_path, NOTES + CARDS, models, decks), data_dir)


def test_many_choices_are_checked_in_linear_time():
    """Duplicates among 50,000 choices are still found (the check no longer compares every pair)."""
    choices = [f"choice {i}" for i in range(50_000)] + ["Choice 7"]
    q = Question(id="a", topic="t", type="multi", prompt="Pick?", choices=choices, answer=choices[:25_000] + ["nope"])
    problems = check_question(q)
    assert ("choices", "duplicate choices: Choice 7, choice 7") in problems
    assert ("answer", "answer nope is not among the choices") in problems
