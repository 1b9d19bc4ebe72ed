"""The Sets page lists the user's set files the library did not load at once, and reads and checks them in a
worker: what the check found shows on their line when it is done, an unchanged file is not read again, and a
file fixed outside the app loads."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ketaquiz.core.questions import Question, QuestionSet, Topic
from ketaquiz.core.setfile import set_to_text
from ketaquiz.ui import set_list, sets_page, workers
from ketaquiz.ui.context import AppContext
from ketaquiz.ui.sets_page import SetEntry, SetsPage

TOPICS = [Topic("t", "T")]


def good_text(n: int = 300) -> str:
    qs = [Question(id=f"q{i}", topic="t", type="short", prompt=f"Question {i}?", answer=f"answer {i}") for i in range(n)]
    return set_to_text(QuestionSet(id="broken", title="Mended", topics=TOPICS, questions=qs))


BROKEN = {
    # A syntax error near the end: the file cannot be read at all (listed under its folder's name).
    "syntax": good_text() + '\n[[questions]]\nid = "zz"\nprompt = "unterminated\n',
    # It reads, but a check fails (an id held twice near the end): listed under its own title.
    "check": good_text().replace('id = "q299"', 'id = "q298"'),
}
SAYS = {"syntax": "TOML syntax error", "check": "duplicate id"}


@pytest.fixture
def gate(monkeypatch):
    """Checks of unloaded files wait for `gate.set()`; the threads they ran in are recorded."""
    ev = threading.Event()
    ev.threads = []  # type: ignore[attr-defined]
    real = set_list.read_and_check_file

    def held(path: Path, stamp: set_list.Stamp) -> set_list.Checked:
        ev.threads.append(threading.current_thread())  # type: ignore[attr-defined]
        assert ev.wait(20), "the test never let the check run"
        return real(path, stamp)

    monkeypatch.setattr(set_list, "read_and_check_file", held)
    yield ev
    ev.set()


@pytest.fixture
def reads(monkeypatch):
    """The paths read by read_set in the page's module (any thread)."""
    seen: list[tuple[Path, threading.Thread]] = []
    real = sets_page.read_set

    def counted(path):
        seen.append((Path(path), threading.current_thread()))
        return real(path)

    monkeypatch.setattr(sets_page, "read_set", counted)
    return seen


def write_broken(data_dir, kind: str) -> Path:
    path = data_dir.sets_dir / "broken" / "set.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(BROKEN[kind], encoding="utf-8")
    return path


@pytest.fixture
def make_page(qtbot, data_dir, clock):
    made: list[AppContext] = []

    def make(then_write: str | None = None) -> SetsPage:
        """A page on the data directory; `then_write` is a broken file written after the library's load."""
        ctx = AppContext(data_dir, clock=clock)
        ctx.reload_library()
        made.append(ctx)
        if then_write is not None:
            write_broken(data_dir, then_write)
        page = SetsPage(ctx)
        qtbot.addWidget(page)
        page.resize(1300, 800)
        page.show()
        return page

    yield make
    qtbot.waitUntil(lambda: not workers._running, timeout=20000)  # no job left running into the next test
    for ctx in made:
        ctx.close()


def line_of(page: SetsPage, path: Path) -> tuple[str, str, SetEntry]:
    """The broken file's line in the set list: its text, its tooltip and its entry."""
    for i in range(page.set_list.count()):
        it = page.set_list.item(i)
        e: SetEntry = it.data(Qt.ItemDataRole.UserRole)
        if e.path == path:
            return it.text(), it.toolTip(), e
    raise AssertionError(f"{path} is not listed")


@pytest.mark.parametrize("kind", ["syntax", "check"])
def test_a_broken_file_is_listed_at_once_and_its_problem_shows_when_checked(qtbot, make_page, data_dir, gate, reads,
                                                                            kind):
    page = make_page(then_write=kind)  # the library has not seen it: nothing is known of it yet
    path = data_dir.sets_dir / "broken" / "set.toml"
    text, tip, entry = line_of(page, path)
    assert text == "broken  (checking…)" and not entry.problem  # listed by its folder, its check under way
    assert page.set_list.item(0).data(Qt.ItemDataRole.UserRole).id == "ketamine"  # the bundled set is still first
    gate.set()
    qtbot.waitUntil(lambda: "checking…" not in line_of(page, path)[0], timeout=20000)
    text, tip, entry = line_of(page, path)
    assert "⚠" in text and SAYS[kind] in tip and SAYS[kind] in entry.problem
    assert text.startswith("Mended" if kind == "check" else "broken")  # its title, once the file could be read
    assert page.ctx.store.set_info("broken") is None
    assert gate.threads and threading.main_thread() not in gate.threads  # type: ignore[attr-defined]
    assert all(thread is not threading.main_thread() for p, thread in reads if p == path)


def test_the_set_open_shows_the_last_known_problem_then_what_its_check_found(qtbot, make_page, data_dir, gate):
    write_broken(data_dir, "syntax")  # what the library saw
    page = make_page(then_write="check")  # what the file is now
    path = data_dir.sets_dir / "broken" / "set.toml"
    page.set_list.setCurrentRow(next(i for i in range(page.set_list.count())
                                     if page.set_list.item(i).data(Qt.ItemDataRole.UserRole).path == path))
    qtbot.waitUntil(lambda: page.qset is not None and page.qset.path == path, timeout=20000)
    assert SAYS["syntax"] in page.banner.text() and "checking…" in page.banner.text()  # the last known problem
    assert "Mended" in page.header.text() and page.model.rowCount() == 300  # it can be edited meanwhile
    gate.set()
    qtbot.waitUntil(lambda: SAYS["check"] in page.banner.text(), timeout=20000)
    assert "until fixed" in page.banner.text() and SAYS["syntax"] not in page.banner.text()
    assert "checking…" not in page.banner.text() and not page.study_btn.isEnabled()
    text, tip, _entry = line_of(page, path)
    assert text == "Mended  ⚠" and SAYS["check"] in tip


def test_an_unchanged_file_is_not_read_again(qtbot, make_page, data_dir, reads):
    path = write_broken(data_dir, "syntax")
    page = make_page()
    qtbot.waitUntil(lambda: "checking…" not in line_of(page, path)[0], timeout=20000)
    count = sum(p == path for p, _t in reads)
    for _ in range(3):
        page.refresh_sets()
        text, _tip, _e = line_of(page, path)
        assert "checking…" not in text and "⚠" in text  # what the last check found, at once
    page.ctx.reload_library()  # the library's reload refreshes the list too
    assert "checking…" not in line_of(page, path)[0]
    assert sum(p == path for p, _t in reads) == count  # the page read it once: to check it
    path.write_text(BROKEN["check"], encoding="utf-8")  # changed: read and checked again
    page.refresh_sets()
    assert "checking…" in line_of(page, path)[0]
    qtbot.waitUntil(lambda: SAYS["check"] in line_of(page, path)[1], timeout=20000)


def test_a_file_fixed_outside_the_app_then_loads(qtbot, make_page, data_dir):
    path = write_broken(data_dir, "syntax")
    page = make_page()
    qtbot.waitUntil(lambda: SAYS["syntax"] in line_of(page, path)[1], timeout=20000)
    path.write_text(good_text(), encoding="utf-8")
    page.refresh_sets()  # as when the page is shown again
    qtbot.waitUntil(lambda: page.ctx.store.set_info("broken") is not None, timeout=20000)
    text, tip, entry = line_of(page, path)
    assert text == "Mended" and not entry.problem and not entry.pending and "⚠" not in tip
    page.set_list.setCurrentRow(next(i for i in range(page.set_list.count())
                                     if page.set_list.item(i).data(Qt.ItemDataRole.UserRole).path == path))
    qtbot.waitUntil(lambda: page.qset is not None and page.qset.id == "broken", timeout=20000)
    assert page.banner.isHidden() and page.study_btn.isEnabled()


def test_the_open_set_fixed_outside_the_app_loads_and_its_banner_goes(qtbot, make_page, data_dir):
    path = write_broken(data_dir, "check")
    page = make_page()
    page.set_list.setCurrentRow(next(i for i in range(page.set_list.count())
                                     if page.set_list.item(i).data(Qt.ItemDataRole.UserRole).path == path))
    qtbot.waitUntil(lambda: SAYS["check"] in page.banner.text(), timeout=20000)
    assert not page.study_btn.isEnabled()
    path.write_text(good_text(), encoding="utf-8")
    page.refresh_sets()
    qtbot.waitUntil(lambda: page.banner.isHidden(), timeout=20000)
    assert page.ctx.store.set_info("broken") is not None and page.study_btn.isEnabled()


def test_a_broken_set_saved_here_is_not_read_again_to_list_it(qtbot, make_page, data_dir, reads):
    path = write_broken(data_dir, "check")
    page = make_page()
    page.set_list.setCurrentRow(next(i for i in range(page.set_list.count())
                                     if page.set_list.item(i).data(Qt.ItemDataRole.UserRole).path == path))
    qtbot.waitUntil(lambda: page.qset is not None and page.qset.path == path, timeout=20000)
    qtbot.waitUntil(lambda: "checking…" not in line_of(page, path)[0], timeout=20000)
    page.select_question("q5")
    page.editor.prompt_edit.setPlainText("Question five?")  # an edit that leaves the id held twice
    count = len(reads)
    assert page.save()
    text, tip, _entry = line_of(page, path)
    assert text == "Mended  ⚠" and SAYS["check"] in tip  # what the library found as it loaded the saved file
    assert "Saved, but not loaded for study until fixed" in page.banner.text() and SAYS["check"] in page.banner.text()
    assert len(reads) == count
