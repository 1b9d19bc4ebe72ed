"""The keyboard flow of the Study page (issue 16): cloze gaps, Ctrl+Z from a text field, Enter on focused buttons
everywhere, keys for "I don't know" and "Show in article", an empty Submit that says what to do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ketaquiz.ui.context import StudyRequest

from . import test_ui_study as base
from .test_ui_study import answer_by_keys, key_of, start_on

ctx, window, study = base.ctx, base.window, base.study


def _focus(w):
    w.setFocus()
    QApplication.processEvents()
    return w


def test_enter_in_a_cloze_gap_moves_to_the_next_empty_gap(qtbot, ctx, window, study):
    start_on(ctx, window, study, "q-cloze")
    gaps = study.qwidget.edits
    assert study.focusWidget() is gaps[0]
    qtbot.keyClicks(gaps[0], "blue")
    qtbot.keyClick(gaps[0], Qt.Key.Key_Return)
    assert study.feedback is None and study.focusWidget() is gaps[1]
    qtbot.keyClick(gaps[1], Qt.Key.Key_Return)  # empty, not the last: on to the next empty one
    assert study.feedback is None and study.focusWidget() is gaps[2]
    qtbot.keyClicks(gaps[2], "red")
    qtbot.keyClicks(_focus(gaps[0]), "")
    qtbot.keyClick(gaps[0], Qt.Key.Key_Return)  # the first again: on to the one left empty
    assert study.feedback is None and study.focusWidget() is gaps[1]
    qtbot.keyClicks(gaps[1], "blue")
    qtbot.keyClick(gaps[1], Qt.Key.Key_Return)  # all filled: submits
    assert study.feedback is not None and study.feedback.correct


def test_enter_in_the_last_gap_submits_even_with_others_empty(qtbot, ctx, window, study):
    start_on(ctx, window, study, "q-cloze")
    gaps = study.qwidget.edits
    qtbot.keyClicks(_focus(gaps[2]), "red")
    qtbot.keyClick(gaps[2], Qt.Key.Key_Return)
    assert study.feedback is not None and not study.feedback.correct


def test_ctrl_z_in_a_text_field_undoes_the_typing_then_the_last_answer(qtbot, ctx, window, study):
    ctx.study_requested.emit(StudyRequest(keys=[key_of(ctx, "q-tf"), key_of(ctx, "q-short")]))
    window.show_page("study")
    answer_by_keys(qtbot, study, right=True)
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_Return)
    edit = study.qwidget.edit
    assert study.qwidget.question.id == "q-short" and study.focusWidget() is edit
    qtbot.keyClicks(edit, "gr")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == "" and study.qwidget.question.id == "q-short"  # the field's own edit first
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert study.qwidget.question.id == "q-tf" and study.feedback is None  # then the last answer
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0


def test_ctrl_z_in_a_cloze_gap_undoes_the_last_answer(qtbot, ctx, window, study):
    ctx.study_requested.emit(StudyRequest(keys=[key_of(ctx, "q-tf"), key_of(ctx, "q-cloze")]))
    window.show_page("study")
    answer_by_keys(qtbot, study, right=False)
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_Return)
    gap = study.qwidget.edits[0]
    assert study.focusWidget() is gap
    qtbot.keyClick(gap, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert study.qwidget.question.id == "q-tf"


def test_dont_know_key_from_a_text_field_and_reported_as_such(qtbot, ctx, window, study):
    start_on(ctx, window, study, "q-short")
    assert "Ctrl+D" in study.dont_know_btn.text()
    qtbot.keyClick(study.qwidget.edit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert study.feedback is not None and "I don't know" in study.verdict_label.text()
    assert "Not answered" not in study.verdict_label.text()


def test_empty_submit_says_what_to_do(qtbot, ctx, window, study):
    start_on(ctx, window, study, "q-short")
    qtbot.keyClick(study.qwidget.edit, Qt.Key.Key_Return)
    assert study.feedback is None
    assert study.notice_label.isVisibleTo(study)
    assert "Type your answer" in study.notice_label.text() and "Ctrl+D" in study.notice_label.text()
    study.submit_btn.click()
    assert study.feedback is None and "Type your answer" in study.notice_label.text()
    qtbot.keyClicks(study.qwidget.edit, "green")
    qtbot.keyClick(study.qwidget.edit, Qt.Key.Key_Return)
    assert study.feedback is not None and not study.notice_label.isVisibleTo(study)


def test_enter_chooses_an_option_reached_with_the_arrows(qtbot, ctx, window, study):
    start_on(ctx, window, study, "q-choice")
    w = study.qwidget
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_Return)  # nothing focused to press: says what to do
    assert study.feedback is None and "Choose an option" in study.notice_label.text()
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_Down)
    assert study.focusWidget() is w.buttons[0]
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_Down)
    assert study.focusWidget() is w.buttons[1]
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_Return)
    assert study.feedback is not None and w.chosen == w.options[1]


def test_enter_presses_the_focused_button_on_feedback_summary_and_home(qtbot, ctx, window, study):
    start_on(ctx, window, study, "q-cloze")
    answer_by_keys(qtbot, study, right=True)
    qtbot.keyClick(_focus(study.show_source_btn), Qt.Key.Key_Return)
    assert window.current_page() == "article"
    window.show_page("study")
    qtbot.keyClick(_focus(study.continue_btn), Qt.Key.Key_Return)
    assert study.feedback is None and study.stack.currentWidget() is study.question_view
    study._show_summary()
    qtbot.keyClick(_focus(study.home_btn), Qt.Key.Key_Return)
    assert window.current_page() == "home"
    home = window.page("home")
    qtbot.keyClick(_focus(home.study_all_btn), Qt.Key.Key_Return)
    assert window.current_page() == "study" and study.session is not None


def test_a_key_shows_the_source_in_the_article(qtbot, ctx, window, study):
    start_on(ctx, window, study, "q-short")
    assert "(A)" in study.show_source_btn.text()
    qtbot.keyClicks(study.qwidget.edit, "green")
    qtbot.keyClick(study.qwidget.edit, Qt.Key.Key_Return)
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_A)
    assert window.current_page() == "article"


def test_edit_and_help_menus(qtbot, ctx, window, study):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QTextBrowser

    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:2] == ["&File", "&Edit"] and "&Help" in menus
    QTimer.singleShot(0, lambda: window.shortcuts_dialog.reject())
    window.keys_action.trigger()
    text = window.shortcuts_dialog.findChildren(QTextBrowser)[0].toPlainText()
    for key in ("Ctrl+D", "I was right", "Ctrl+Z", "Ctrl+S", "suspend"):
        assert key in text
    edit_menu = window.menuBar().actions()[1].menu()
    assert any("Undo last answer" in a.text() for a in edit_menu.actions())
    assert any("Import set" in a.text() for a in window.menuBar().actions()[0].menu().actions())
    start_on(ctx, window, study, "q-tf")
    answer_by_keys(qtbot, study, right=True)
    next(a for a in edit_menu.actions() if "Undo last answer" in a.text()).trigger()
    assert study.feedback is None and study.session.answered == 0
