"""One write path: every write takes the write lock first (BEGIN IMMEDIATE), so a read-then-write never fails
with "database is locked" while another program writes; a full disk says so; first starts race safely."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading

import pytest

from ketaquiz.core.dashboard import day_rows
from ketaquiz.core.scheduling import Settings
from ketaquiz.core.session import StudySession
from ketaquiz.core.store import Store, StoreError


class OtherProgram:
    """A second program's write transaction on the same database: it writes, then holds the lock a moment."""

    def __init__(self, path, hold: float = 0.4) -> None:
        self.path, self.hold = path, hold
        self.locked = threading.Event()
        self.thread = threading.Thread(target=self._run)
        self.error: BaseException | None = None

    def _run(self) -> None:
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=10)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('other', '1')")
            self.locked.set()
            threading.Event().wait(self.hold)
            conn.execute("COMMIT")
        except BaseException as e:  # noqa: BLE001 - reported by the test
            self.error = e
            self.locked.set()
        finally:
            conn.close()

    def __enter__(self) -> OtherProgram:
        self.thread.start()
        self.locked.wait(5)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.thread.join(10)
        assert self.error is None


def right(s: StudySession):
    q = s.current
    return s.submit({"short": q.answer, "choice": q.answer, "truefalse": q.answer, "cloze": q.correct_answer}.get(q.type, q.answer))


@pytest.fixture
def answered(store, clock, rng):
    """A session over the bundled course with a right answer on screen."""
    s = StudySession(store, clock=clock, rng=rng, settings=Settings(fuzz=False))
    while not right(s).correct:
        s.advance()
    return s


def test_easy_rerating_waits_for_another_programs_answer_instead_of_failing(store, answered):
    with OtherProgram(store.path):
        fb = answered.mark("easy")  # today: read, then write in a deferred transaction -> "database is locked"
    row = store.review_row(fb.review_id)
    assert row["rating"] == 4
    assert store.get_setting("other") == 1  # and the other program's write is there too


def test_purge_waits_for_another_programs_write(store, answered):
    with OtherProgram(store.path):
        store.purge_set("ketamine")
    assert store.set_info("ketamine") is None
    assert store.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0


def test_the_scores_cache_folds_in_a_day_while_another_program_writes(store, answered, clock):
    day_rows(store, clock())  # the cache, built up to yesterday
    clock.advance(days=2)  # the answer is in a past day now: the cache folds it in (a read, then a write)
    with OtherProgram(store.path):
        rows = day_rows(store, clock())
    assert sum(r.reviews for r in rows) == 1


def fill_disk(store: Store) -> None:
    """The database may not grow by one page more: SQLite answers SQLITE_FULL, as on a full disk."""
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_is_named_and_what_was_saved_stays(store, clock, rng):
    s = StudySession(store, clock=clock, rng=rng, settings=Settings(fuzz=False))
    fill_disk(store)
    saved = 0
    with pytest.raises(StoreError) as e:  # today: "cannot rollback - no transaction is active"
        for _ in range(500):
            s.submit(None)
            saved += 1
            clock.advance(seconds=5)
            s.advance()
    assert e.value.kind == "full"
    assert "is full" in str(e.value) and "the last change was not saved" in str(e.value)
    assert not store.conn.in_transaction
    assert store.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == saved
    assert store.quick_check() == "ok"
    store.conn.execute("PRAGMA max_page_count = 1073741823")  # space freed: the learner carries on
    s.feedback = None
    s.submit(None)
    assert store.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == saved + 1


def test_no_sqlite3_error_leaves_the_store(tmp_path, clock):
    st = Store(tmp_path / "p.db", clock=clock)
    st.set_setting("x", 1)
    st.conn.execute("PRAGMA query_only = ON")  # every write now fails inside SQLite
    with pytest.raises(StoreError) as e:
        st.set_setting("x", 2)
    assert e.value.kind == "readonly"
    assert not st.conn.in_transaction
    st.conn.close()  # every read fails now: the answer path's own handling turns it too
    for call in (lambda: st.shown_question(1), lambda: st.sets(), lambda: list(st.card_states())):
        with pytest.raises(StoreError):
            call()
    st.checkpointer.close()


def test_a_file_that_is_not_a_database_is_called_damaged(tmp_path):
    db = tmp_path / "p.db"
    db.write_bytes(b"this is not SQLite" * 500)
    with pytest.raises(StoreError) as e:
        Store(db)
    assert e.value.kind == "damaged" and "is damaged" in str(e.value)


FIRST_START = """
import sys, time
from ketaquiz.core.store import Store
go = float(sys.argv[2])
while time.time() < go:
    time.sleep(0.001)
Store(sys.argv[1]).close()
"""


def test_three_first_starts_at_once_all_open_the_new_profile(tmp_path):
    import time

    for round_ in range(4):
        db = tmp_path / f"r{round_}" / "ketaquiz.db"
        go = time.time() + 1.5  # after the interpreters have started: the three open at the same moment
        procs = [subprocess.Popen([sys.executable, "-c", FIRST_START, str(db), str(go)], stderr=subprocess.PIPE, text=True)
                 for _ in range(3)]
        errors = [p.communicate(timeout=60)[1] for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0], errors
        assert Store(db).schema_version() > 0


def test_a_session_ended_by_its_limit_is_closed(store, clock, rng):
    s = StudySession(store, clock=clock, rng=rng, settings=Settings(fuzz=False), limit=1)
    s.submit(None)
    clock.advance(seconds=30)
    assert s.advance() is None
    ended = store.conn.execute("SELECT ended_at, answered FROM sessions WHERE id = ?", (s.session_id,)).fetchone()
    assert ended == (clock().timestamp(), 1)



def test_every_write_runs_inside_begin_immediate(store, data_dir, clock, rng):
    """The one write path, checked on what SQLite ran: no deferred BEGIN, and no write outside a transaction that
    took the write lock first (nested work as savepoints)."""
    from ketaquiz.core.library import load_library

    ran: list[str] = []
    store.conn.set_trace_callback(ran.append)
    s = StudySession(store, clock=clock, rng=rng, settings=Settings(fuzz=False))
    while not right(s).correct:
        s.advance()
    s.mark("unsure")
    s.undo()
    s.submit(None)
    s.close()
    store.set_setting("theme", "dark")
    clock.advance(days=2)
    day_rows(store, clock())
    store.mark_set_deleted("ketamine")
    store.mark_set_deleted("ketamine", False)
    load_library(store, data_dir)
    store.purge_set("ketamine")
    store.conn.set_trace_callback(None)
    in_write, bad = False, []
    for sql in ran:
        words = sql.strip().upper().split()
        if not words or words[0].startswith("--"):
            continue  # a trigger's own statements
        if words[0] == "BEGIN":
            in_write = words[1:2] == ["IMMEDIATE"]
            if not in_write:
                bad.append(sql)
        elif words[0] in ("COMMIT", "END") or (words[0] == "ROLLBACK" and words[1:2] != ["TO"]):
            in_write = False
        elif words[0] in ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER") and not in_write:
            bad.append(sql)
    assert len(ran) > 50 and not bad


def test_no_code_begins_a_deferred_transaction():
    """sqlite-utils' atomic() begins with a plain (deferred) BEGIN: a read-then-write in it fails with "database is
    locked" when another program wrote meanwhile. Writes go through Store.write()."""
    from pathlib import Path

    import ketaquiz

    root = Path(ketaquiz.__file__).parent
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if ".atomic()" in p.read_text(encoding="utf-8") or '"BEGIN"' in p.read_text(encoding="utf-8")]
    assert offenders == []
