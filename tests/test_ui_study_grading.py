"""Typed answers on the Study page: a typo shows the accepted form and what differed; "I was right" (R) counts a
wrong typed answer right, can be taken back, and offers to add the wording to the accepted answers."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ketaquiz.core.setfile import read_set

from . import test_ui_study as base
from .test_ui_study import start_on

ctx, window, study = base.ctx, base.window, base.study


def _type(qtbot, study, text):
    qtbot.keyClicks(study.qwidget.edit, text)
    qtbot.keyClick(study.qwidget.edit, Qt.Key.Key_Return)


def test_a_typo_shows_the_accepted_form_and_the_difference(qtbot, ctx, window, study):
    start_on(ctx, window, study, "q-short")
    _type(qtbot, study, "gren")
    assert study.feedback.correct
    assert "Accepted with a typo: you typed “gren”: “green” (missing “e”)" in study.answer_label.text()
    assert not study.right_btn.isVisibleTo(study)


def test_i_was_right_regrades_is_undoable_and_adds_the_wording(qtbot, ctx, window, study):
    start_on(ctx, window, study, "q-short")
    _type(qtbot, study, "chlorophyll green")
    rid = study.feedback.review_id
    assert not study.feedback.correct and study.right_btn.isVisibleTo(study)
    assert "(R)" in study.right_btn.text()
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_R)
    row = ctx.store.review_row(rid)
    assert study.feedback.correct and row["correct"] == 1 and row["rating"] == 3
    assert "you said so" in study.verdict_label.text()
    assert study.unsure_btn.isEnabled()  # a right answer now: it can be marked
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_R)  # again: taken back
    row = ctx.store.review_row(rid)
    assert not study.feedback.correct and row["correct"] == 0 and row["rating"] == 1
    assert not study.accept_btn.isVisibleTo(study)
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_R)
    assert study.accept_btn.isVisibleTo(study) and "chlorophyll green" in study.accept_btn.text()
    study.accept_btn.click()
    assert read_set(ctx.data.sets_dir / "demo.toml").question("q-short").accept == ["greenish", "chlorophyll green"]
    key = ctx.store.question_key("demo", "q-short")
    assert "chlorophyll green" in ctx.store.question(key).accept
    assert ctx.store.card(key).state != 0  # progress kept
    assert not study.accept_btn.isEnabled()
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the whole answer
    assert study.feedback is None and ctx.store.review_row(rid) is None


def test_i_was_right_in_a_cloze_adds_an_alternative_to_the_wrong_gap(qtbot, ctx, window, study):
    start_on(ctx, window, study, "q-cloze")
    for edit, text in zip(study.qwidget.edits, ["azure", "blue", "red"]):
        edit.setFocus()
        qtbot.keyClicks(edit, text)
    qtbot.keyClick(study.qwidget.edits[-1], Qt.Key.Key_Return)
    assert not study.feedback.correct
    study.right_btn.click()
    study.accept_btn.click()
    q = read_set(ctx.data.sets_dir / "demo.toml").question("q-cloze")
    assert q.prompt.startswith("The sky looks {{blue|azure}} because air scatters {{blue}} light")


def test_no_i_was_right_for_a_choice_or_i_dont_know(qtbot, ctx, window, study):
    start_on(ctx, window, study, "q-short")
    study.dont_know_btn.click()
    assert not study.right_btn.isVisibleTo(study)
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_R)
    assert not study.feedback.correct
