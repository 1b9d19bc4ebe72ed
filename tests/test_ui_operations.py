"""The UI's operations layer (ui/operations.py) and its change notice (ui/changes.py): work on a worker with its own
store, only the newest result of a kind applied, errors shown (never swallowed), one notice the screens refresh from."""

from __future__ import annotations

import sys
import threading

import pytest

from ketaquiz.core.store import StoreError
from ketaquiz.core.suspend import set_suspended
from ketaquiz.ui.changes import LIBRARY, PROGRESS, SETTINGS, Changes
from ketaquiz.ui.context import AppContext, StudyRequest
from ketaquiz.ui.home import HomePage
from ketaquiz.ui.operations import Operation

from . import test_ui_study as base

ctx, window, study = base.ctx, base.window, base.study


def test_changes_combine_and_keep_a_common_initiator():
    me = object()
    both = PROGRESS.by(me) | LIBRARY.by(me)
    assert both.progress and both.library and not both.settings and both.initiator is me
    assert (PROGRESS.by(me) | SETTINGS).initiator is None
    assert not Changes() and both.describe() == "progress, library"


def test_work_runs_on_its_own_connection_which_is_closed_after(qtbot, ctx):
    seen = {}

    def work(store, _report):
        seen["thread"] = threading.current_thread()
        seen["store"] = store
        return len(store.sets())

    op = Operation(ctx, work).on_success(lambda n: seen.setdefault("result", n)).run()
    qtbot.waitUntil(lambda: op.finished)
    assert seen["result"] == len(ctx.store.sets()) > 0
    assert seen["thread"] is not threading.main_thread() and seen["store"] is not ctx.store
    with pytest.raises(StoreError):
        seen["store"].sets()  # closed when the work ended


def test_only_the_newest_result_of_a_kind_is_applied(qtbot, ctx):
    """Three requests of one kind while the first runs: the first's result is dropped (superseded), the second
    never runs (replaced while waiting), the third's is applied."""
    gate = threading.Event()
    ran: list[int] = []
    applied: list[int] = []

    def request(n: int) -> Operation:
        def work(_store, _report):
            ran.append(n)
            if n == 1:
                gate.wait(5)
            return n

        return Operation(ctx, work, kind="figures").on_success(applied.append).run()

    first, second, third = request(1), request(2), request(3)
    assert (first.state, second.state, third.state) == ("running", "dropped", "waiting")
    gate.set()
    qtbot.waitUntil(lambda: third.finished)
    assert applied == [3] and ran == [1, 3]
    assert first.state == "dropped" and third.state == "done"


def test_a_result_read_from_another_profile_is_dropped(qtbot, ctx):
    gate = threading.Event()
    applied: list[object] = []
    op = Operation(ctx, lambda store, _r: gate.wait(5) and store.path).on_success(applied.append).run()
    ctx.switch_profile("other")
    gate.set()
    qtbot.waitUntil(lambda: op.finished)
    assert op.state == "dropped" and applied == []


def test_an_error_without_a_handler_goes_to_the_excepthook(qtbot, ctx, monkeypatch):
    """Not swallowed: with no on_failure the crash reporter (sys.excepthook) gets it, traceback and all."""
    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, e, _tb: hooked.append(e))

    def work(_store, _report):
        raise RuntimeError("boom")

    op = Operation(ctx, work).run()
    qtbot.waitUntil(lambda: op.finished)
    assert op.state == "failed" and [str(e) for e in hooked] == ["boom"]


def test_an_expected_error_goes_to_the_handler_and_a_bug_still_to_the_excepthook(qtbot, ctx, monkeypatch):
    hooked: list[BaseException] = []
    handled: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, e, _tb: hooked.append(e))

    def failing(error: BaseException):
        def work(_store, _report):
            raise error
        return work

    a = Operation(ctx, failing(StoreError("disk full", kind="full"))).on_failure(handled.append, (StoreError,)).run()
    b = Operation(ctx, failing(TypeError("a bug"))).on_failure(handled.append, (StoreError,)).run()
    qtbot.waitUntil(lambda: a.finished and b.finished)
    assert [str(e) for e in handled] == ["disk full"] and [str(e) for e in hooked] == ["a bug"]


def test_success_sends_one_notice_with_its_initiator(qtbot, ctx):
    notices: list[Changes] = []
    ctx.changed.connect(notices.append)
    me = object()
    op = Operation(ctx, lambda _s, _r: None, changes=PROGRESS).run(me)
    qtbot.waitUntil(lambda: op.finished)
    assert notices == [PROGRESS] and notices[0].initiator is me


def test_progress_reported_by_the_work_reaches_the_screen(qtbot, ctx):
    stages: list[str] = []

    def work(_store, report):
        report("step 1")
        report("step 2")

    op = Operation(ctx, work).on_progress(stages.append).run()
    qtbot.waitUntil(lambda: op.finished)
    qtbot.waitUntil(lambda: stages == ["step 1", "step 2"])


def test_a_change_notice_refreshes_home_on_screen(qtbot, ctx, window):
    """Home follows the notice of an operation made elsewhere (here: every demo question suspended)."""
    home = window.page("home")
    assert isinstance(home, HomePage) and home.isVisible()
    demo_topics = [b for (sid, topic), b in home.study_buttons.items() if sid == "demo" and topic is not None]
    assert demo_topics and all(b.isEnabled() for b in demo_topics)
    ids = [q.id for _key, q in ctx.store.questions("demo")]
    op = Operation(ctx, lambda store, _r: set_suspended(store, "demo", ids), changes=PROGRESS).run()
    qtbot.waitUntil(lambda: op.finished)
    demo_topics = [b for (sid, topic), b in home.study_buttons.items() if sid == "demo" and topic is not None]
    assert demo_topics and not any(b.isEnabled() for b in demo_topics)  # nothing left to study there


def test_home_off_screen_computes_nothing_until_shown(qtbot, ctx, window, monkeypatch):
    home = window.page("home")
    calls: list[int] = []
    monkeypatch.setattr(home, "refresh", lambda: calls.append(1))
    window.show_page("settings")
    ctx.notify(PROGRESS)
    ctx.notify(LIBRARY)
    assert calls == []
    window.show_page("home")
    assert calls == [1]


def test_study_drops_a_question_suspended_on_another_page(qtbot, ctx, window, study):
    """The Sets page suspends the question on screen: Study re-validates its session from the notice and moves on
    (it went on showing the suspended question)."""
    ctx.study_requested.emit(StudyRequest(set_id="demo"))
    window.show_page("study")
    qid = study.session.current.id
    set_suspended(ctx.store, "demo", [qid])
    ctx.notify(PROGRESS, initiator=object())  # as the Sets page's toggle does
    assert study.session.current is None or study.session.current.id != qid
    assert "suspended" in (study.notice_label.text() + study.idle_label.text())


def test_an_import_error_in_a_page_is_not_hidden_behind_a_placeholder(qtbot, ctx, window, monkeypatch):
    monkeypatch.setitem(sys.modules, "ketaquiz.ui.scores_page", None)  # importing it raises ImportError
    with pytest.raises(ImportError):
        window.page("scores")


def test_the_context_no_longer_emits_for_a_closed_app(qtbot, data_dir, clock):
    c = AppContext(data_dir, clock=clock)
    gate = threading.Event()
    applied: list[object] = []
    op = Operation(c, lambda _s, _r: gate.wait(5)).on_success(applied.append).run()
    c.close()
    gate.set()
    qtbot.waitUntil(lambda: op.finished)
    assert op.state == "dropped" and applied == []


def test_at_once_a_newer_request_starts_without_waiting_and_the_older_result_is_dropped(qtbot, ctx):
    """Reading the set chosen last need not wait for the read of the one chosen before; that read's result, coming
    after, is dropped."""
    gate = threading.Event()
    applied: list[str] = []

    def read(name: str, slow: bool):
        def work(_report):
            if slow:
                gate.wait(5)
            return name
        return Operation.without_store(ctx, work, kind="open", at_once=True).on_success(applied.append).run()

    big = read("big", slow=True)
    small = read("small", slow=False)
    qtbot.waitUntil(lambda: small.finished)
    assert applied == ["small"] and not big.finished
    gate.set()
    qtbot.waitUntil(lambda: big.finished)
    assert applied == ["small"] and big.state == "dropped"


def test_a_result_for_a_screen_destroyed_meanwhile_is_dropped(qtbot, ctx):
    from PySide6.QtWidgets import QLabel
    from shiboken6 import delete

    gate = threading.Event()
    screen = QLabel()
    applied: list[object] = []
    op = Operation(ctx, lambda _s, _r: gate.wait(5)).on_success(lambda r: applied.append(screen.text())).run(screen)
    delete(screen)
    gate.set()
    qtbot.waitUntil(lambda: op.finished)
    assert op.state == "dropped" and applied == []


def test_suspending_on_the_sets_page_takes_the_question_out_of_the_running_session(qtbot, ctx, window, study):
    """End to end: Study shows a question, the learner suspends it on the Sets page and comes back: the session has
    moved on (the old page signal did not reach Study: the suspended question stayed on screen)."""
    ctx.study_requested.emit(StudyRequest(set_id="demo"))
    window.show_page("study")
    qid = study.session.current.id
    window.show_page("sets")
    sets = window.page("sets")
    sets.refresh_sets("demo")
    qtbot.waitUntil(lambda: sets.qset is not None and sets.qset.id == "demo")
    sets.select_question(qid)
    sets.suspend_btn.click()
    assert ctx.store.question_key("demo", qid) in ctx.store.suspended_keys("demo")
    window.show_page("study")
    assert study.session.current is None or study.session.current.id != qid
    assert "suspended" in (study.notice_label.text() + study.idle_label.text())


def test_an_error_in_a_superseded_operation_is_still_logged(qtbot, ctx, caplog):
    gate = threading.Event()

    def failing(_store, _report):
        gate.wait(5)
        raise RuntimeError("a bug in the old request")

    old = Operation(ctx, failing, kind="figures").run()
    new = Operation(ctx, lambda _s, _r: 1, kind="figures").run()
    with caplog.at_level("WARNING", logger="ketaquiz.ui.operations"):
        gate.set()
        qtbot.waitUntil(lambda: new.finished)
    assert old.state == "dropped" and new.state == "done"
    assert any("a bug in the old request" in r.getMessage() and r.exc_info for r in caplog.records)


def test_kinds_are_per_initiator(qtbot, ctx):
    """Two screens asking for the same kind of figures each get theirs (one did not supersede the other)."""
    gate = threading.Event()
    applied: list[str] = []
    first, second = object(), object()

    def figures(name: str, slow: bool):
        def work(_store, _report):
            if slow:
                gate.wait(5)
            return name
        return work

    a = Operation(ctx, figures("first", True), kind="scores").on_success(applied.append).run(first)
    b = Operation(ctx, figures("second", False), kind="scores").on_success(applied.append).run(second)
    qtbot.waitUntil(lambda: b.finished)
    gate.set()
    qtbot.waitUntil(lambda: a.finished)
    assert sorted(applied) == ["first", "second"]
