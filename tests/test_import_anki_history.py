"""Bring your history: Anki's review log for the imported cards, replayed through FSRS; suspended cards stay
suspended; the number of reviews is reported. Fixtures written by real Anki (scripts/make_anki_fixtures.py)."""

from __future__ import annotations

import sqlite3
import tempfile
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import zstandard
from fsrs import Card, Rating, Scheduler

from ketaquiz.cli import main
from ketaquiz.core.importers import import_file, load_imported
from ketaquiz.core.setfile import read_set

FIXTURES = Path(__file__).parent / "fixtures" / "anki"


def anki_log(name: str) -> tuple[dict[int, list[tuple[int, int]]], dict[int, tuple[int, int, bool]]]:
    """Straight from the package: each card's (ms, rating) reviews, and each card's (note id, ord, suspended)."""
    with zipfile.ZipFile(FIXTURES / name) as zf:
        member = "collection.anki21b" if "collection.anki21b" in zf.namelist() else "collection.anki21"
        raw = zf.read(member)
    if member.endswith("b"):
        raw = zstandard.ZstdDecompressor().stream_reader(raw).read()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "c.db"
        db.write_bytes(raw)
        return _read_log(db)


def _read_log(db: Path) -> tuple[dict[int, list[tuple[int, int]]], dict[int, tuple[int, int, bool]]]:
    conn = sqlite3.connect(db)
    log: dict[int, list[tuple[int, int]]] = {}
    for ms, cid, ease in conn.execute("SELECT id, cid, ease FROM revlog WHERE ease > 0 ORDER BY id"):
        log.setdefault(cid, []).append((ms, ease))
    cards = {cid: (nid, ord_, queue == -1) for cid, nid, ord_, queue in conn.execute("SELECT id, nid, ord, queue FROM cards")}
    conn.close()
    return log, cards


def qid(nid: int, ord_: int) -> str:
    return f"n{nid}" if ord_ == 0 else f"n{nid}-{ord_ + 1}"


@pytest.mark.parametrize("name", ["modern.apkg", "legacy.apkg", "modern.colpkg"])
def test_reviews_are_imported_and_schedules_rebuilt(name, data_dir, store):
    log, cards = anki_log(name)
    res = import_file(FIXTURES / name, data_dir, set_id="bio")
    load_imported(store, res)
    keys = {q.id: key for key, q in store.questions("bio")}
    # every card imported brings its reviews (the skipped image-only and Image Occlusion cards do not)
    imported = {qid(*cards[cid][:2]): reviews for cid, reviews in log.items() if qid(*cards[cid][:2]) in keys}
    assert len(imported) == len(log) - 2
    assert res.reviews == sum(len(v) for v in imported.values()) > 10
    rows = store.conn.execute("SELECT question, reviewed_at, rating FROM reviews WHERE set_id = 'bio' ORDER BY id").fetchall()
    assert len(rows) == res.reviews
    by_key = {}
    for key, at, rating in rows:
        by_key.setdefault(key, []).append((round(at * 1000), rating))
    assert by_key == {keys[q]: v for q, v in imported.items()}
    # each card's state is what FSRS makes of its Anki answers (stability and difficulty do not depend on fuzz)
    scheduler = Scheduler(enable_fuzzing=False)
    for q, reviews in imported.items():
        card = Card(card_id=1)
        for ms, rating in reviews:
            card, _ = scheduler.review_card(card, Rating(rating), datetime.fromtimestamp(ms / 1000, timezone.utc))
        state = store.card(keys[q])
        assert (state.reps, state.state) == (len(reviews), card.state.value)
        assert state.stability == pytest.approx(card.stability) and state.difficulty == pytest.approx(card.difficulty)
        assert state.last_review == pytest.approx(reviews[-1][0] / 1000)


def test_suspended_cards_stay_suspended(data_dir, store, clock):
    _, cards = anki_log("modern.apkg")
    suspended = {qid(nid, o) for nid, o, s in cards.values() if s}
    assert suspended  # the fixture suspends cloze c2
    res = import_file(FIXTURES / "modern.apkg", data_dir, set_id="bio")
    load_imported(store, res)
    keys = {q.id: key for key, q in store.questions("bio")}
    gone = {keys[q] for q in suspended}
    assert set(store.suspended_keys("bio")) == gone
    later = clock() + timedelta(days=400)
    assert not gone & set(store.due_keys(later, set_id="bio")) and not gone & set(store.new_keys(set_id="bio"))
    # editing the question in its file keeps it suspended; unsuspending brings it back
    qset = read_set(res.path)
    for q in qset.questions:
        q.explanation += " (edited)"
    store.sync_set(qset, force=True)
    assert set(store.suspended_keys("bio")) == gone
    store.suspend(gone, suspended=False)
    assert store.suspended_keys("bio") == [] and gone <= set(store.due_keys(later, set_id="bio"))


def test_progress_made_here_is_kept_over_imported_history(data_dir, store):
    res = import_file(FIXTURES / "modern.apkg", data_dir, set_id="bio")
    store.sync_set(res.qset)
    first = next(q for q in res.history)
    key = store.question_key("bio", first)
    store.conn.execute("UPDATE cards SET reps = 7 WHERE question = ?", (key,))
    load_imported(store, res)
    assert store.card(key).reps == 7
    assert res.reviews == sum(len(v) for q, v in res.history.items() if q != first)


def test_cli_reports_the_reviews_brought_along(data_dir, capsys):
    assert main(["--data", str(data_dir.root), "import", str(FIXTURES / "modern.apkg"), "--set", "bio"]) == 0
    err = capsys.readouterr().err
    n = 15  # the reviews of the cards imported (tested above against the package's own log)
    assert f"brought your Anki history into profile 'default': {n} reviews of 8 cards imported" in err
    assert "1 suspended card kept suspended" in err
    assert main(["--data", str(data_dir.root), "stats"]) == 0
    assert f"Reviews: {n} in all" in capsys.readouterr().out


@pytest.fixture
def sets_page(qtbot, data_dir, clock, monkeypatch):
    """The Sets page over a fresh profile; what it tells the user is collected in `page.shown`."""
    from ketaquiz.ui.context import AppContext
    from ketaquiz.ui.sets_page import SetsPage

    ctx = AppContext(data_dir, clock=clock)
    page = SetsPage(ctx)
    qtbot.addWidget(page)
    page.shown = []
    monkeypatch.setattr(page, "inform", lambda title, text, error=False: page.shown.append((title, text, error)))
    yield page
    ctx.close()


def test_the_app_imports_the_history_and_says_so(sets_page):
    page, ctx = sets_page, sets_page.ctx
    assert page.import_path(FIXTURES / "modern.colpkg", "bio") == "bio"
    title, text, error = page.shown[-1]
    assert (title, error) == ("Imported", False)
    assert "15 reviews of 8 cards imported, their schedules rebuilt with FSRS" in text
    assert "1 suspended card kept suspended" in text and "an Image Occlusion note" in text
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM reviews WHERE set_id = 'bio'").fetchone()[0] == 15
    assert len(ctx.store.suspended_keys("bio")) == 1


def test_the_set_and_its_history_load_in_one_transaction(data_dir, store, monkeypatch):
    """A failure while writing the history leaves the profile as it was: no half-loaded set."""
    from ketaquiz.core.store import StoreError

    res = import_file(FIXTURES / "modern.apkg", data_dir, set_id="bio")

    def fail(*_args, **_kw):
        raise StoreError("disk full")

    monkeypatch.setattr(store, "import_history", fail)
    with pytest.raises(StoreError):
        load_imported(store, res)
    assert store.set_info("bio") is None and store.questions("bio") == []


def test_the_app_says_when_the_history_could_not_come(sets_page, monkeypatch):
    from ketaquiz.core.store import Store, StoreError

    def fail(*_args, **_kw):
        raise StoreError("the disk is full")

    monkeypatch.setattr(Store, "import_history", fail)
    assert sets_page.import_path(FIXTURES / "modern.apkg", "bio") == "bio"  # the set itself is saved
    assert "Your Anki review history was not brought along: the disk is full" in sets_page.shown[-1][1]
