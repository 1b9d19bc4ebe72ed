"""Issue 14: a set purged, deleted or changed while it is studied. The session checks its questions again when
the library changes (and when a step finds one gone) and skips or ends with a message; no slot raises."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ketaquiz.ui.changes import LIBRARY
from ketaquiz.ui.context import StudyRequest

from . import test_ui_study as base
from .test_ui_study import SET_TOML, answer_by_keys, write_course

ctx, window, study = base.ctx, base.window, base.study


def _start(ctx, window, study, set_id="demo"):
    ctx.study_requested.emit(StudyRequest(set_id=set_id))
    window.show_page("study")
    assert study.session is not None and study.qwidget is not None


def test_set_deleted_after_an_answer_unsure_undo_continue_do_not_fail(qtbot, ctx, window, study):
    _start(ctx, window, study)
    answer_by_keys(qtbot, study, right=True)
    ctx.store.mark_set_deleted("demo")  # what Sets → Delete does to the store (the folder goes to the trash)
    ctx.notify(LIBRARY)
    assert not study.unsure_btn.isEnabled() and not study.easy_btn.isEnabled() and not study.undo_btn.isEnabled()
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_U)
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert study.feedback is not None  # still the answer's feedback: nothing was undone
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_Return)  # Continue: nothing of the set is left
    assert study.stack.currentWidget() is study.summary_view
    assert "1 right" in study.score_label.text().replace("1 of 1 right", "1 right")


def test_set_purged_by_another_program_continue_skips_to_what_is_left(qtbot, ctx, window, study):
    _start(ctx, window, study, set_id=None)  # the demo set first (by id), then the bundled course
    assert ctx.store.question_ref(study.session.current_key)[0] == "demo"
    answer_by_keys(qtbot, study, right=True)
    ctx.store.mark_set_deleted("demo")
    ctx.store.purge_set("demo")  # by another program: no change notice, the next step finds out
    qtbot.keyClick(study.focusWidget(), Qt.Key.Key_Return)
    assert study.stack.currentWidget() is study.question_view
    assert ctx.store.question_ref(study.session.current_key)[0] == "ketamine"
    assert "deleted from its set" in study.notice_label.text()
    study.dont_know_btn.click()
    assert study.feedback is not None and ctx.store.answered_since(ctx.clock().replace(hour=0)) == 1


def test_question_on_screen_removed_from_its_file_is_skipped_with_a_message(qtbot, ctx, window, study, data_dir):
    _start(ctx, window, study)
    qid = study.session.current.id
    text = SET_TOML
    start = text.index(f'id = "{qid}"')
    block_start = text.rindex("[[questions]]", 0, start)
    block_end = text.find("[[questions]]", start)
    text = text[:block_start] + (text[block_end:] if block_end != -1 else "")
    (data_dir.sets_dir / "demo.toml").write_text(text, encoding="utf-8")
    ctx.reload_library()
    assert study.session.current is not None and study.session.current.id != qid
    assert study.notice_label.isVisibleTo(study) and "deleted from its set" in study.notice_label.text()
    answer_by_keys(qtbot, study, right=True)
    assert not study.notice_label.isVisibleTo(study)


def test_question_on_screen_edited_in_its_file_is_shown_as_it_is_now(qtbot, ctx, window, study, data_dir):
    _start(ctx, window, study)
    q = study.session.current
    (data_dir.sets_dir / "demo.toml").write_text(SET_TOML.replace(q.prompt, q.prompt + " (edited)"), encoding="utf-8")
    ctx.reload_library()
    assert study.session.current.prompt.endswith("(edited)")
    assert "edited" in study.notice_label.text()
    assert study.qwidget.question.prompt.endswith("(edited)")


def test_everything_purged_while_answering_ends_with_a_message(qtbot, ctx, window, study):
    _start(ctx, window, study)
    ctx.store.mark_set_deleted("demo")
    ctx.store.purge_set("demo")
    ctx.notify(LIBRARY)
    assert study.session is None and study.stack.currentWidget() is study.idle_view
    assert "deleted from its set" in study.idle_label.text()


_ = write_course  # the fixture's course writer, for readers of this file
