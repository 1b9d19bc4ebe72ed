"""The Study page driven by keys and clicks (pytest-qt, offscreen), with the database checked afterwards."""

from __future__ import annotations

from pathlib import Path
from random import Random

import pytest
from PySide6.QtCore import Qt

from ketaquiz.core.scheduling import Settings
from ketaquiz.ui.context import AppContext, StudyRequest
from ketaquiz.ui.main_window import MainWindow
from ketaquiz.ui.question_widgets import (
    ChoiceWidget,
    ClozeWidget,
    MultiWidget,
    OrderWidget,
    ShortWidget,
    TrueFalseWidget,
)
from ketaquiz.ui.study import StudyPage, describe_due

ARTICLE = """Water facts

Water boils at 100 degrees at sea level. It freezes at zero degrees.

Colours
The sky looks blue because air scatters blue light more than red light. Grass is green.
"""

SET_TOML = '''id = "demo"
title = "Demo course"
article = "demo.txt"

[[topics]]
id = "water"
title = "Water"

[[topics]]
id = "colours"
title = "Colours"

[[questions]]
id = "q-choice"
topic = "water"
type = "choice"
prompt = "At what temperature does water boil at sea level?"
choices = ["100 degrees", "50 degrees", "0 degrees", "200 degrees"]
answer = "100 degrees"
explanation = "At sea level."
source = "Water boils at 100 degrees at sea level."

[[questions]]
id = "q-multi"
topic = "colours"
type = "multi"
prompt = "Which are named colours in the text?"
choices = ["blue", "green", "purple", "orange"]
answer = ["blue", "green"]
source = "Grass is green."

[[questions]]
id = "q-tf"
topic = "water"
type = "truefalse"
prompt = "Water freezes at zero degrees."
answer = true
source = "It freezes at zero degrees."

[[questions]]
id = "q-cloze"
topic = "colours"
type = "cloze"
prompt = "The sky looks {{blue}} because air scatters {{blue}} light more than {{red}} light."
source = "The sky looks blue because air scatters blue light more than red light."

[[questions]]
id = "q-short"
topic = "colours"
type = "short"
prompt = "What colour is grass?"
answer = "green"
accept = ["greenish"]
explanation = "Grass is green."
source = "Grass is green."

[[questions]]
id = "q-order"
topic = "water"
type = "order"
prompt = "Order from cold to hot."
items = ["ice", "water", "steam"]
source = "It freezes at zero degrees."
'''

RIGHT = {
    "q-choice": "100 degrees",
    "q-multi": ["blue", "green"],
    "q-tf": True,
    "q-cloze": ["blue", "blue", "red"],
    "q-short": "green",
    "q-order": ["ice", "water", "steam"],
}


def write_course(data_dir) -> Path:
    data_dir.sets_dir.mkdir(parents=True, exist_ok=True)
    (data_dir.sets_dir / "demo.txt").write_text(ARTICLE, encoding="utf-8")
    path = data_dir.sets_dir / "demo.toml"
    path.write_text(SET_TOML, encoding="utf-8")
    return path


@pytest.fixture
def ctx(data_dir, clock):
    write_course(data_dir)
    c = AppContext(data_dir, clock=clock)
    c.store.save_settings(Settings(fuzz=False))
    problems = c.reload_library()
    assert not problems, problems
    yield c
    c.close()


@pytest.fixture
def window(qtbot, ctx):
    w = MainWindow(ctx, rng=Random(7))
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    return w


@pytest.fixture
def study(window) -> StudyPage:
    page = window.page("study")
    assert isinstance(page, StudyPage)
    return page


def key_of(ctx, qid: str) -> int:
    k = ctx.store.question_key("demo", qid)
    assert k is not None
    return k


def start_on(ctx, window, study, qid: str) -> None:
    ctx.study_requested.emit(StudyRequest(keys=[key_of(ctx, qid)]))
    window.show_page("study")
    assert study.session is not None and study.session.current.id == qid


def answer_by_keys(qtbot, study: StudyPage, right: bool) -> None:
    """Answer the question on screen with the keyboard only (right or wrong)."""
    w = study.qwidget
    q = w.question
    target = study  # keys go to the focused widget; unhandled ones bubble up to the page
    focus = study.focusWidget() or target
    if isinstance(w, ChoiceWidget):
        want = q.answer if right else next(o for o in w.options if o != q.answer)
        qtbot.keyClick(focus, Qt.Key(Qt.Key.Key_1 + w.options.index(want)))
    elif isinstance(w, TrueFalseWidget):
        qtbot.keyClick(focus, Qt.Key.Key_T if bool(q.answer) == right else Qt.Key.Key_F)
    elif isinstance(w, MultiWidget):
        want = set(q.answer) if right else {w.options[0]} ^ set(q.answer)
        for i, opt in enumerate(w.options):
            if opt in want:
                qtbot.keyClick(study.focusWidget(), Qt.Key(Qt.Key.Key_1 + i))
        qtbot.keyClick(study.focusWidget(), Qt.Key.Key_Return)
    elif isinstance(w, ClozeWidget):
        for edit, text in zip(w.edits, RIGHT[q.id]):
            edit.setFocus()
            qtbot.keyClicks(edit, text if right else "purple")
        qtbot.keyClick(w.edits[-1], Qt.Key.Key_Return)
    elif isinstance(w, ShortWidget):
        qtbot.keyClicks(w.edit, "gren" if right else "red")  # a typo is still right
        qtbot.keyClick(w.edit, Qt.Key.Key_Return)
    elif isinstance(w, OrderWidget):
        lst = w.list
        want = list(q.items) if right else list(reversed(q.items))
        # Keyboard moves: bring each wanted item up to its place with Alt+Up.
        for pos, item in enumerate(want):
            row = lst.order().index(item)
            lst.setCurrentRow(row)
            for _ in range(row - pos):
                qtbot.keyClick(lst, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
        assert lst.order() == want
        qtbot.keyClick(lst, Qt.Key.Key_Return)
    else:  # pragma: no cover
        raise AssertionError(type(w))


def test_whole_session_by_keys_records_reviews_and_cards(qtbot, ctx, window, study):
    ctx.study_requested.emit(StudyRequest(set_id="demo"))
    window.show_page("study")
    shown: list[str] = []
    for _ in range(40):
        if study.stack.currentWidget() is study.summary_view:
            break
        assert study.feedback is None
        shown.append(study.qwidget.question.id)
        answer_by_keys(qtbot, study, right=True)
        assert study.feedback is not None and study.feedback.correct, study.feedback
        qtbot.keyClick(study.focusWidget(), Qt.Key.Key_Return)  # continue
    assert study.stack.currentWidget() is study.summary_view
    # Each new question is seen, then comes back once from its learning step.
    assert sorted(set(shown)) == sorted(RIGHT)
    assert len(shown) == 12
    assert "12 of 12 right" in study.score_label.text()
    assert "Next questions due" in study.next_label.text()
    conn = ctx.store.conn
    n, right = conn.execute("SELECT COUNT(*), SUM(correct) FROM reviews WHERE set_id = 'demo'").fetchone()
    assert (n, right) == (12, 12)
    states = {r[0] for r in conn.execute("SELECT state FROM cards WHERE set_id = 'demo'")}
    assert states == {2}  # all in Review
    # The typo'd short answer was accepted and said so.
    row = conn.execute(
        "SELECT response FROM reviews r JOIN questions q ON q.key = r.question WHERE q.id = 'q-short' ORDER BY r.id LIMIT 1"
    ).fetchone()
    assert row[0] == '"gren"'


@pytest.mark.parametrize("qid", sorted(RIGHT))
@pytest.mark.parametrize("right", [True, False])
def test_each_widget_right_and_wrong(qtbot, ctx, window, study, qid, right):
    start_on(ctx, window, study, qid)
    answer_by_keys(qtbot, study, right=right)
    fb = study.feedback
    assert fb is not None and fb.correct is right
    assert study.feedback_panel.isVisibleTo(study)
    assert study.verdict_label.text().startswith("✓" if right else "✗")
    assert study.answer_label.text().startswith("Answer: ")
    row = ctx.store.review_row(fb.review_id)
    assert row["correct"] == int(right) and row["rating"] == (3 if right else 1)
    if qid == "q-short" and right:
        assert "accepted with a typo" in study.verdict_label.text()


def test_choice_by_click_and_truefalse_wrong_marks(qtbot, ctx, window, study):
    start_on(ctx, window, study, "q-choice")
    w = study.qwidget
    button = w.buttons[w.options.index("50 degrees")]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert study.feedback is not None and not study.feedback.correct
    assert study.answer_label.text() == "Answer: 100 degrees"
    rid = study.feedback.review_id
    qtbot.mouseClick(w.buttons[w.options.index("100 degrees")], Qt.MouseButton.LeftButton)  # too late
    assert study.feedback.review_id == rid
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 1


def test_truefalse_by_number_keys_as_for_choices(qtbot, ctx, window, study):
    """1 is True and 2 is False, as the terminal quiz numbers them and as choices are numbered."""
    for key, said in ((Qt.Key.Key_2, False), (Qt.Key.Key_1, True)):
        start_on(ctx, window, study, "q-tf")
        qtbot.keyClick(study.focusWidget() or study, key)
        assert study.feedback is not None
        assert ctx.store.review_row(study.feedback.review_id)["response"] == ("true" if said else "false")
        assert study.feedback.correct == (said == bool(study.qwidget.question.answer))


def test_dont_know_and_empty_enter(qtbot, ctx, window, study):
    start_on(ctx, window, study, "q-short")
    qtbot.keyClick(study.qwidget.edit, Qt.Key.Key_Return)  # nothing typed: not an answer yet
    assert study.feedback is None
    qtbot.mouseClick(study.dont_know_btn, Qt.MouseButton.LeftButton)
    assert study.feedback is not None and not study.feedback.correct
    assert "I don't know" in study.verdict_label.text()
    assert ctx.store.review_row(study.feedback.review_id)["response"] == "null"


def test_undo_takes_back_the_answer(qtbot, ctx, window, study):
    ctx.study_requested.emit(StudyRequest(set_id="demo"))
    window.show_page("study")
    first = study.qwidget.question.id
    answer_by_keys(qtbot, study, right=False)
    review_id = study.feedback.review_id
    key = key_of(ctx, first)
    assert ctx.store.card(key).state != 0
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert study.feedback is None
    assert study.qwidget.question.id == first  # shown again
    assert ctx.store.review_row(review_id) is None
    assert ctx.store.card(key).state == 0
    # Undo after continuing: the previous question comes back.
    answer_by_keys(qtbot, study, right=True)
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_Return)
    second = study.qwidget.question.id
    assert second != first
    study.undo_btn.click()
    assert study.qwidget.question.id == first
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0


def test_an_answer_to_a_question_purged_meanwhile_is_refused_with_a_reason(qtbot, ctx, window, study):
    """The set is purged (Sets → Deleted sets) while one of its questions is on the Study page: answering it
    records nothing, says why, and ends the session."""
    ctx.study_requested.emit(StudyRequest(set_id="demo"))
    window.show_page("study")
    answer_by_keys(qtbot, study, right=True)
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_Return)
    assert study.feedback is None and study.qwidget is not None
    ctx.store.mark_set_deleted("demo")
    ctx.store.purge_set("demo")
    study.dont_know_btn.click()
    assert study.session is None and study.stack.currentWidget() is study.idle_view
    assert "answer was not recorded" in study.idle_label.text() and "Start again from Home" in study.idle_label.text()
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0


def test_unsure_and_easy_rerate(qtbot, ctx, window, study):
    start_on(ctx, window, study, "q-tf")
    answer_by_keys(qtbot, study, right=True)
    rid = study.feedback.review_id
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_4)
    assert ctx.store.review_row(rid)["rating"] == 4
    assert study.easy_btn.isChecked()
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_U)
    assert ctx.store.review_row(rid)["rating"] == 2
    assert study.unsure_btn.isChecked() and not study.easy_btn.isChecked()
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_U)  # again: back to plain "right"
    assert ctx.store.review_row(rid)["rating"] == 3


def test_order_drag_and_drop_model_move(qtbot, ctx, window, study):
    start_on(ctx, window, study, "q-order")
    lst = study.qwidget.list
    # What a drop does in an InternalMove list: the model moves the row.
    model = lst.model()
    src = lst.order().index("steam")
    model.moveRow(model.index(src, 0).parent(), src, model.index(0, 0).parent(), lst.count())
    assert lst.order()[-1] == "steam"


def test_show_in_article_highlights_the_source(qtbot, ctx, window, study):
    start_on(ctx, window, study, "q-cloze")
    answer_by_keys(qtbot, study, right=True)
    qtbot.mouseClick(study.show_source_btn, Qt.MouseButton.LeftButton)
    assert window.current_page() == "article"
    article = window.page("article")
    assert article.set_id == "demo"
    text = article.browser.highlighted_text()
    assert text == "The sky looks blue because air scatters blue light more than red light."
    # A quote within a sentence highlights the whole sentence.
    assert article.show_source("demo", "freezes at zero")
    assert article.browser.highlighted_text() == "It freezes at zero degrees."
    assert not article.show_source("demo", "not in the text at all")


def test_progress_bar_timer_and_summary_per_topic(qtbot, ctx, window, study, clock):
    ctx.study_requested.emit(StudyRequest(set_id="demo", topics=["water"]))
    window.show_page("study")
    assert study.count_label.text() == "3 new · 0 learning · 0 review"
    seen: list[str] = []
    while study.stack.currentWidget() is not study.summary_view and len(seen) < 20:
        qid = study.qwidget.question.id
        done, total = study.session.progress
        assert study.progress.value() == done and study.progress.maximum() == total
        answer_by_keys(qtbot, study, right=qid != "q-tf" or qid in seen)  # true/false wrong the first time
        seen.append(qid)
        assert study.progress.value() == done + 1
        clock.advance(seconds=30)
        qtbot.keyClick(study.focusWidget(), Qt.Key.Key_Return)
    assert study.score_label.text() == f"{len(seen) - 1} of {len(seen)} right  ({(len(seen) - 1) / len(seen):.0%})"
    labels = [study.topic_grid.itemAt(i).widget().text() for i in range(study.topic_grid.count())]
    assert "Water" in labels and "Colours" not in labels


def test_when_a_question_comes_back_reads_to_the_nearest_unit():
    from datetime import datetime, timedelta, timezone

    now = datetime(2026, 3, 1, 12, tzinfo=timezone.utc)
    cases = [
        (timedelta(seconds=10), "now"),
        (timedelta(seconds=59.9), "in 1 minute"),  # a one-minute step, looked at a moment after the answer
        (timedelta(minutes=10) - timedelta(seconds=0.2), "in 10 minutes"),
        (timedelta(minutes=59, seconds=50), "in 1 hour"),
        (timedelta(hours=5), "in 5 hours"),
        (timedelta(hours=23, minutes=50), "tomorrow"),
        (timedelta(days=3, hours=2), "in 3 days"),
    ]
    for delta, text in cases:
        assert describe_due(now + delta, now) == text, delta
    assert describe_due(None, now) == "not scheduled"
