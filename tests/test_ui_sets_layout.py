"""The Sets page fits the window: at 1100×760 (a 1366×768 laptop) every control is whole and readable, and at
1600×1000 the set list and the editor sit beside the table. Offscreen, with the bundled course."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from ketaquiz.ui.main_window import MainWindow

from .conftest import shown_window, wait_set_open
from .test_ui_study import write_course


@pytest.fixture
def window(qtbot, data_dir, clock):
    write_course(data_dir)  # a second set, "demo", beside the bundled course
    yield from shown_window(qtbot, data_dir, clock)


def settle(w: QWidget, size: tuple[int, int]) -> None:
    w.resize(*size)
    for _ in range(4):
        QApplication.processEvents()


def open_sets(qtbot, w: MainWindow, size: tuple[int, int]):
    w.show_page("sets")
    page = w.page("sets")
    settle(w, size)
    qtbot.waitUntil(lambda: page.qset is not None, timeout=10_000)  # read in a worker: on a loaded machine, later
    choice = next(q for q in page.qset.questions if q.type == "choice")  # the tallest form
    page.select_question(choice.id)
    settle(w, size)
    return page


def visible_rect(page: QWidget, widget: QWidget) -> QRect:
    """The widget's rectangle in page coordinates."""
    return QRect(widget.mapTo(page, QPoint(0, 0)), widget.size())


def assert_whole(page: QWidget, widget: QWidget, min_width: int = 0) -> None:
    assert widget.isVisible(), widget
    rect = visible_rect(page, widget)
    assert page.rect().contains(rect), (widget, rect, page.rect())
    assert rect.width() >= max(min_width, 1), (widget, rect.width())


def test_laptop_window_shows_every_control_whole(qtbot, window):
    page = open_sets(qtbot, window, (1100, 760))
    assert page.minimumSizeHint().width() <= page.width()  # the page does not squeeze the sidebar or clip
    assert page.narrow and page.set_combo.isVisible() and not page.set_list.isVisible()
    assert page.set_combo.currentText().startswith(page.qset.title)
    ed = page.editor
    assert_whole(page, ed, 320)
    for field in (ed.id_edit, ed.topic_combo, ed.type_combo, ed.prompt_edit, ed.choices_edit, ed.answers_list):
        assert_whole(page, field, 160)
    assert ed.id_edit.text() == ed.question().id
    assert_whole(page, page.filter_edit, 160)
    assert_whole(page, page.table, 380)
    for button in (page.add_btn, page.remove_btn, page.source_btn, page.study_btn, page.revert_btn, page.save_btn,
                   page.new_btn, page.more_btn):
        assert_whole(page, button)
        assert button.width() >= button.sizeHint().width()  # labels not cut
    # "65 questions · 18 warnings" on one line
    assert page.status.text().endswith(("warnings", "warning", "questions"))
    assert page.status.height() < 2 * page.status.fontMetrics().lineSpacing()
    assert_whole(page, page.status)
    # the Id column shows whole ids and the prompt stays readable
    ids = [q.id for q in page.qset.questions]
    widest = max(page.table.fontMetrics().horizontalAdvance(i) for i in ids)
    assert page.table.columnWidth(0) >= min(widest, 180)
    assert page.table.columnWidth(3) >= 200


def test_narrow_page_set_combo_switches_sets(qtbot, window):
    page = open_sets(qtbot, window, (1100, 760))
    assert page.set_combo.count() == page.set_list.count() == 2
    assert page.set_combo.currentIndex() == page.set_list.currentRow()
    other = 1 - page.set_list.currentRow()
    page.set_combo.setCurrentIndex(other)
    page.set_combo.activated.emit(other)  # the user picks the other set from the drop-down
    assert page.set_list.currentRow() == other
    wait_set_open(qtbot, page, page.set_list.item(other).data(Qt.ItemDataRole.UserRole).id)
    assert page.set_combo.currentText().startswith(page.qset.title)
    page.set_list.setCurrentRow(1 - other)  # and a change made elsewhere shows in the drop-down
    assert page.set_combo.currentIndex() == 1 - other


def test_wide_window_puts_list_table_and_editor_side_by_side(qtbot, window):
    page = open_sets(qtbot, window, (1600, 1000))
    assert not page.narrow and page.set_list.isVisible() and not page.set_combo.isVisible()
    assert page.splitter.orientation() == Qt.Orientation.Horizontal
    table_box, editor = page.splitter.widget(0), page.editor
    assert visible_rect(page, editor).left() > visible_rect(page, table_box).right()
    assert_whole(page, editor, 400)
    assert_whole(page, page.table, 500)
    # and back: narrower again, nothing is lost
    page = open_sets(qtbot, window, (1100, 760))
    assert page.narrow and page.new_btn.isVisible() and page.more_btn.isVisible()


def test_small_window_stacks_the_editor_under_the_table(qtbot, window):
    page = open_sets(qtbot, window, (800, 560))
    assert page.minimumSizeHint().width() <= page.width()
    assert page.splitter.orientation() == Qt.Orientation.Vertical
    assert visible_rect(page, page.editor).top() > visible_rect(page, page.table).bottom()
    assert_whole(page, page.editor.id_edit, 200)
    for button in (page.save_btn, page.revert_btn, page.study_btn):
        assert_whole(page, button)


@pytest.mark.parametrize("qtype", ["choice", "truefalse"])
def test_editor_fields_are_whole_at_1024x640_and_16_pt(qtbot, window, qtype):
    """At 16 pt the editor beside the table is narrow: its labels go above the fields, which then take its whole
    width (before: Id, Topic and Type were cut off at the right, the prompt a few letters wide)."""
    from PySide6.QtWidgets import QCheckBox, QScrollArea

    from ketaquiz.core.appearance import Appearance
    from ketaquiz.ui.theme import apply_theme

    app = QApplication.instance()
    apply_theme(app, Appearance(font_size=16))
    try:
        page = open_sets(qtbot, window, (1024, 640))
        q = next(q for q in page.qset.questions if q.type == qtype)
        page.select_question(q.id)
        settle(window, (1024, 640))
        ed = page.editor
        scroll = ed.findChild(QScrollArea)
        viewport = scroll.viewport()
        right = viewport.mapTo(page, QPoint(viewport.width(), 0)).x()
        fields = [ed.id_edit, ed.topic_combo, ed.type_combo, ed.prompt_edit, ed.explanation_edit, ed.source_edit,
                  ed.tags_edit]
        fields += [ed.choices_edit, ed.answers_list] if qtype == "choice" else [ed.tf_check]
        for field in fields:
            scroll.ensureWidgetVisible(field)  # as the learner scrolls to it
            settle(window, (1024, 640))
            rect = visible_rect(page, field)
            assert rect.right() <= right, (field, rect, right)  # not cut off at the editor's right edge
            assert rect.width() >= viewport.width() * 0.8, (field, rect.width(), viewport.width())
        if qtype == "truefalse":
            assert isinstance(ed.tf_check, QCheckBox) and ed.tf_check.isChecked() == (q.answer is True)
    finally:
        apply_theme(app, Appearance())
