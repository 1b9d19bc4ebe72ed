"""The Article page: sections rendered, quotes highlighted, the mastery toggle, and keyboard tab order in Study."""

from __future__ import annotations

import sys
import types
from random import Random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ketaquiz.ui.article_view import ArticlePage
from ketaquiz.ui.context import StudyRequest
from ketaquiz.ui.main_window import MainWindow

from .test_ui_study import ctx  # noqa: F401 (fixture)


def test_article_sections_and_offsets_map_to_the_document(qtbot, ctx):  # noqa: F811
    page = ArticlePage(ctx)
    qtbot.addWidget(page)
    page.set_combo.setCurrentIndex(page.set_combo.findData("demo"))
    assert page.set_id == "demo"
    doc = page.browser.toPlainText()
    assert doc.startswith("Demo\nWater facts\n")  # the title (from the file name), then the first heading
    assert "Colours" in doc and "Grass is green." in doc
    article = page.browser.article
    assert [s.slug for s in article.sections][-1] in page.browser.heading_pos
    for sent in article.sentences:
        a, b = page.browser.sentence_pos[sent.id]
        assert doc[a:b] == sent.text.replace("\n", " ")


def test_show_in_article_from_the_sets_signal_builds_the_page(qtbot, ctx):  # noqa: F811
    w = MainWindow(ctx, rng=Random(1))
    qtbot.addWidget(w)
    w.show()
    assert "article" not in w.pages
    ctx.show_in_article.emit("demo", "Grass is green")
    ctx.page_requested.emit("article")
    assert w.current_page() == "article"
    assert w.page("article").browser.highlighted_text() == "Grass is green."


def test_mastery_toggle_calls_the_overlay_and_shows_its_legend(qtbot, ctx, monkeypatch):  # noqa: F811
    calls = []

    def apply_mastery(browser, context, set_id, article):
        calls.append((browser, context, set_id, article))
        return QLabel("legend")

    monkeypatch.setitem(sys.modules, "ketaquiz.ui.mastery", types.SimpleNamespace(apply_mastery=apply_mastery))
    page = ArticlePage(ctx)
    qtbot.addWidget(page)
    page.resize(800, 500)
    with qtbot.waitExposed(page):
        page.show()
    page.show_source("demo", "Grass is green.")
    qtbot.mouseClick(page.mastery_box, Qt.MouseButton.LeftButton)
    assert page.mastery_box.isChecked()
    assert len(calls) == 1 and calls[0][0] is page.browser and calls[0][2] == "demo"
    assert page.legend is not None and page.legend.text() == "legend"
    assert page.browser.highlighted_text() == "Grass is green."  # the highlight survives re-rendering
    page.mastery_box.setChecked(False)
    assert page.legend is None and len(calls) == 1


def test_tab_goes_from_the_answer_to_the_buttons(qtbot, ctx):  # noqa: F811
    w = MainWindow(ctx, rng=Random(1))
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    ctx.study_requested.emit(StudyRequest(keys=[ctx.store.question_key("demo", "q-short")]))
    w.show_page("study")
    study = w.page("study")
    edit = study.qwidget.edit
    assert edit.hasFocus()
    assert edit.accessibleName() == "Your answer"
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert study.dont_know_btn.hasFocus()
    qtbot.keyClick(study.dont_know_btn, Qt.Key.Key_Space)  # "I don't know" by keyboard
    assert study.feedback is not None and not study.feedback.correct
    assert study.continue_btn.hasFocus()
    qtbot.keyClick(study.continue_btn, Qt.Key.Key_Space)  # Space continues
    assert study.stack.currentWidget() is study.summary_view or study.feedback is None
