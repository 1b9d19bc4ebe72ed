"""Fuzz: packages written by real Anki, mutated at random (the collection's rows, note types, decks and
configs; the archive's bytes), go through the real import entry point. Whatever happens, the importer
ends quickly with either a set or an ImportError_ whose message names the file, and the note when a
note is at fault; never another exception."""

from __future__ import annotations

import os
import sqlite3
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
import zstandard
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from ketaquiz.core.importers import ImportError_, import_file, load_imported
from ketaquiz.core.library import DataDir

FIXTURES = Path(__file__).parent / "fixtures" / "anki"

junk_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["", "{", "[]", "null", '{"1": 5}', '{"x": {}}', "{{c1::}}", "{{c2::a}}\x1f", "\x1f\x1f\x1f",
                     '<img src="a.png">', "[sound:x.mp3]", "{{c1::image-occlusion:rect:left=.1}}", "{" * 3000,
                     '{"1": {"name": "Basic", "type": 1, "flds": 3, "tmpls": [{"qfmt": "{{Nope}}"}]}}']),
)
junk_int = st.one_of(st.integers(-2**63, 2**63 - 1), st.sampled_from([0, 1, -1, 2**62]))
junk = st.one_of(junk_text, junk_int, st.binary(max_size=40), st.none(), st.floats(allow_nan=True))
TABLES = ["col", "notes", "cards", "revlog", "notetypes", "fields", "templates", "decks"]
COLUMNS = {  # per table, the columns the importer reads (both schemas; a missing one just fails the UPDATE)
    "col": ["models", "decks"], "notes": ["id", "mid", "tags", "flds"], "cards": ["id", "nid", "did", "odid", "ord", "queue"],
    "revlog": ["id", "cid", "ease", "type"], "notetypes": ["id", "name", "config"], "fields": ["ntid", "ord", "name"],
    "templates": ["ntid", "ord", "config"], "decks": ["id", "name"],
}
mutation = st.one_of(
    st.tuples(st.just("set"), st.sampled_from(TABLES), st.integers(0, 5), st.integers(1, 30), junk),
    st.tuples(st.just("drop"), st.sampled_from(TABLES)),
    st.tuples(st.just("view"), st.sampled_from(TABLES)),
)


def _base(name: str, member: str) -> bytes:
    with zipfile.ZipFile(FIXTURES / name) as zf:
        data = zf.read(member)
    return zstandard.ZstdDecompressor().stream_reader(data).read() if member.endswith("b") else data


BASES = {"legacy.apkg": ("collection.anki21", _base("legacy.apkg", "collection.anki21")),
         "modern.apkg": ("collection.anki21b", _base("modern.apkg", "collection.anki21b"))}


def _mutate(db: Path, mutations: list) -> None:
    conn = sqlite3.connect(db)
    for m in mutations:
        try:
            if m[0] == "set":
                _, table, col, row, value = m
                cols = COLUMNS[table]
                conn.execute(f"UPDATE {table} SET {cols[col % len(cols)]} = ? WHERE rowid IN "
                             f"(SELECT rowid FROM {table} LIMIT 1 OFFSET ?)", (value, row - 1))
            elif m[0] == "drop":
                conn.execute(f"DROP TABLE IF EXISTS {m[1]}")
            else:
                conn.execute(f"ALTER TABLE {m[1]} RENAME TO old_{m[1]}")
                conn.execute(f"CREATE VIEW {m[1]} AS SELECT * FROM old_{m[1]}")
        except (sqlite3.Error, OverflowError):
            pass  # a mutation that does not apply (a dropped table, a value SQLite will not store)
    conn.commit()
    conn.close()


def _package(tmp: Path, base: str, mutations: list, flips: list[tuple[int, int]]) -> Path:
    member, data = BASES[base]
    db = tmp / "c.db"
    db.write_bytes(data)
    _mutate(db, mutations)
    raw = db.read_bytes()
    if member.endswith("b"):
        raw = zstandard.ZstdCompressor().compress(raw)
    out = tmp / f"fuzz-{base}"
    with zipfile.ZipFile(FIXTURES / base) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            zf.writestr(info.filename, raw if info.filename == member else src.read(info))
    if flips:
        buf = bytearray(out.read_bytes())
        for pos, byte in flips:
            buf[pos % len(buf)] = byte
        out.write_bytes(bytes(buf))
    return out


@pytest.mark.parametrize("base", sorted(BASES))
@settings(max_examples=int(os.environ.get("KQ_FUZZ_EXAMPLES", "60")), deadline=timedelta(seconds=20), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutations=st.lists(mutation, min_size=1, max_size=4),
       flips=st.one_of(st.just([]), st.lists(st.tuples(st.integers(0, 2**20), st.integers(0, 255)), max_size=3)))
@example(mutations=[("set", "cards", 4, 1, -2)], flips=[])  # a negative card number (found by this test)
def test_mutated_anki_packages_end_in_a_set_or_a_clear_message(tmp_path_factory, base, mutations, flips):
    tmp = tmp_path_factory.mktemp("fuzz")
    src = _package(tmp, base, mutations, flips)
    data = DataDir(tmp / "data")
    try:
        res = import_file(src, data, set_id="fuzz")
    except ImportError_ as e:
        msg = str(e)
        event(f"refused: {msg[len(str(src)) + 2:][:30]}")
        assert msg.startswith(str(src)), msg
        if "problem" in msg:  # questions that fail the checks: each is named by its note
            assert "note " in msg, msg
        assert not (data.sets_dir / "fuzz").exists()
    else:
        event("imported")
        assert res.count >= 1 and res.path.is_file()
        store = data.open_store("fuzz")  # and the history it brings loads into a profile
        try:
            load_imported(store, res)
            assert 0 <= res.reviews <= sum(len(v) for v in res.history.values())
        finally:
            store.close()
