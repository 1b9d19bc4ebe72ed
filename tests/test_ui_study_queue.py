"""An honest queue (issue 16): new / learning / review left in the session, Home's Learning column and "Study all
due", and the daily new limit said in words with "Study 10 more new today"."""

from __future__ import annotations

from random import Random

from PySide6.QtCore import Qt

from ketaquiz.core.scheduling import Settings
from ketaquiz.core.session import StudySession
from ketaquiz.ui.changes import SETTINGS
from ketaquiz.ui.context import StudyRequest

from . import test_ui_study as base
from .test_ui_study import answer_by_keys

ctx, window, study = base.ctx, base.window, base.study


def test_session_counts_new_learning_review_without_growing(store, clock):
    store.save_settings(Settings(fuzz=False, new_per_day=5))
    s = StudySession(store, set_id="ketamine", clock=clock, rng=Random(3))
    assert (s.counts().new, s.counts().learning, s.counts().review) == (5, 0, 0)
    s.submit(None)  # wrong: it comes back in a learning step
    assert (s.counts().new, s.counts().learning) == (4, 1)
    s.advance()
    s.submit(None)
    assert (s.counts().new, s.counts().learning) == (3, 2)
    s.undo()
    assert (s.counts().new, s.counts().learning) == (4, 1)
    totals = [s.counts().total]
    for _ in range(30):
        if s.finished:
            break
        if s.feedback is None:
            s.submit(s.current.answer if s.current.type in ("choice", "short", "truefalse") else None)
        s.advance()
        clock.advance(minutes=2)
        totals.append(s.counts().total)
    assert all(b <= a for a, b in zip(totals, totals[1:]))  # never grows


def test_counter_and_home_columns_add_up(qtbot, ctx, window, study):
    ctx.study_requested.emit(StudyRequest(set_id="demo", topics=["water"]))
    window.show_page("study")
    assert study.count_label.text() == "3 new · 0 learning · 0 review"
    answer_by_keys(qtbot, study, right=False)
    assert study.count_label.text() == "2 new · 1 learning · 0 review"
    counts = ctx.store.topic_counts(ctx.clock())
    for c in counts.values():
        assert c["new"] + c["learning"] + c["learned"] == c["total"]
    assert counts[("demo", "water")]["learning"] == 1
    window.show_page("home")
    home = window.page("home")
    text = home.study_all_btn.text().replace("&", "")
    assert text.startswith("Study all due (") and "new" in text  # says it takes new ones too


def test_daily_new_limit_reached_says_so_and_offers_more(qtbot, ctx, window, study):
    ctx.store.save_settings(Settings(fuzz=False, new_per_day=2))
    ctx.notify(SETTINGS)
    ctx.study_requested.emit(StudyRequest(set_id="demo", topics=["colours"]))
    window.show_page("study")
    for _ in range(2):
        answer_by_keys(qtbot, study, right=True)
        study.session.mark("easy")  # out of learning: nothing comes back today
        qtbot.keyClick(study.focusWidget(), Qt.Key.Key_Return)
    ctx.study_requested.emit(StudyRequest(set_id="demo", topics=["colours"]))
    assert study.stack.currentWidget() is study.idle_view
    assert "2 new questions a day: today's are done" in study.idle_label.text()
    assert "Nothing to study" not in study.idle_label.text()
    assert study.idle_more_btn.isVisibleTo(study) and study.idle_more_btn.text() == "Study 10 more new today"
    qtbot.keyClick(study.idle_more_btn, Qt.Key.Key_Return)
    assert study.stack.currentWidget() is study.question_view and study.session.counts().new >= 1


def test_learning_step_within_learn_ahead_is_due_now_and_studied(store, clock):
    """A learning step due in 8 minutes is due now (Anki's 20-minute learn-ahead): counted, and "Study all due"
    takes it first instead of a new question."""
    from ketaquiz.core.stats import compute_stats

    s = StudySession(store, set_id="ketamine", clock=clock, rng=Random(3), limit=1)
    first = s.current.id
    s.submit(s.current.answer if s.current.type in ("choice", "short", "truefalse") else None)
    back_in = (s.feedback.due - clock()).total_seconds()
    assert 60 <= back_in <= 20 * 60  # a learning step, minutes away
    s.advance()
    clock.advance(seconds=max(0, back_in - 8 * 60))
    assert compute_stats(store, clock()).due_now == 1
    all_due = StudySession(store, clock=clock, rng=Random(3))
    assert all_due.current.id == first and all_due.counts().learning == 1
    all_due.close()

