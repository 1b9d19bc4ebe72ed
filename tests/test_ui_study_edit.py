"""Edit (E) and suspend (@) while studying: the question saved to its set file and shown as edited with its
progress kept; a suspended question leaves the session and every queue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from ketaquiz.core.setfile import read_set
from ketaquiz.core.suspend import suspended_ids
from ketaquiz.ui.context import StudyRequest

from . import test_ui_study as base
from .test_ui_study import answer_by_keys, key_of, start_on

ctx, window, study = base.ctx, base.window, base.study


def _edit_with(study, change):
    """Make E's dialog change the prompt and save, as a user would with the form."""
    opened = []
    make = study.make_edit_dialog

    def fake(set_id, question):
        dialog = make(set_id, question)
        opened.append(dialog)
        dialog.exec = lambda: (change(dialog), dialog.buttons.button(dialog.buttons.StandardButton.Save).click(),
                               dialog.result())[-1]
        return dialog

    study.make_edit_dialog = fake
    return opened


def test_e_edits_the_question_on_screen_saves_it_and_keeps_progress(qtbot, ctx, window, study):
    ctx.study_requested.emit(StudyRequest(keys=[key_of(ctx, "q-tf"), key_of(ctx, "q-choice")]))
    window.show_page("study")
    answer_by_keys(qtbot, study, right=True)  # some progress on q-tf
    key = key_of(ctx, "q-tf")
    state = ctx.store.card(key)
    opened = _edit_with(study, lambda d: d.editor.prompt_edit.setPlainText("Water freezes at 0 °C."))
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_E)
    assert opened and opened[0].result() == QDialog.DialogCode.Accepted
    assert opened[0].editor.id_edit.isReadOnly()
    assert read_set(ctx.data.sets_dir / "demo.toml").question("q-tf").prompt == "Water freezes at 0 °C."
    assert ctx.store.question(key).prompt == "Water freezes at 0 °C."
    assert ctx.store.card(key) == state  # progress kept
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_Return)
    assert study.qwidget.question.id == "q-choice"


def test_edit_before_answering_shows_the_edited_question(qtbot, ctx, window, study):
    start_on(ctx, window, study, "q-choice")
    _edit_with(study, lambda d: d.editor.prompt_edit.setPlainText("Boiling point of water at sea level?"))
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_E)
    assert study.session.current.prompt == "Boiling point of water at sea level?"
    assert study.qwidget.question.prompt == "Boiling point of water at sea level?"
    assert "edited" in study.notice_label.text()


def test_the_bundled_course_is_not_edited_here(qtbot, ctx, window, study):
    ctx.study_requested.emit(StudyRequest(set_id="ketamine"))
    window.show_page("study")
    study.edit_current()
    assert "read-only" in study.notice_label.text()


def test_suspend_key_leaves_the_session_and_the_queue(qtbot, ctx, window, study):
    ctx.study_requested.emit(StudyRequest(keys=[key_of(ctx, "q-tf"), key_of(ctx, "q-choice")]))
    window.show_page("study")
    assert study.session.current.id == "q-tf"
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_At, Qt.KeyboardModifier.ShiftModifier)
    assert study.session.current.id == "q-choice" and "suspended" in study.notice_label.text()
    assert suspended_ids(ctx.store, "demo") == ["q-tf"]
    assert key_of(ctx, "q-tf") not in ctx.store.new_keys(set_id="demo")


def test_sets_table_shows_suspended_and_unsuspends(qtbot, ctx, window, study):
    from ketaquiz.core.suspend import set_suspended

    set_suspended(ctx.store, "demo", ["q-short"])
    sets = window.page("sets")
    window.show_page("sets")
    row = next(i for i in range(sets.set_list.count())
               if sets.set_list.item(i).data(Qt.ItemDataRole.UserRole).id == "demo")
    sets.set_list.setCurrentRow(row)
    qtbot.waitUntil(lambda: sets.qset is not None and sets.qset.id == "demo")
    sets.select_question("q-short")
    idx = sets.model.index(sets.model.row_of_id("q-short"), 0)
    assert "suspended" in sets.model.data(idx, Qt.ItemDataRole.ToolTipRole)
    assert sets.suspend_btn.text() == "Unsuspend" and sets.suspend_btn.isEnabled()
    sets.suspend_btn.click()
    assert suspended_ids(ctx.store, "demo") == [] and sets.suspend_btn.text() == "Suspend"
    assert "suspended" not in sets.model.data(idx, Qt.ItemDataRole.ToolTipRole)
    sets.suspend_btn.click()
    assert suspended_ids(ctx.store, "demo") == ["q-short"]
