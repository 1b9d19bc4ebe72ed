"""The font size setting scales the whole Study page: prompt, options, feedback and headings grow with it (the
stylesheet's point sizes were fixed, so the prompt stayed 14 pt at 16 pt and the sidebar shrank)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ketaquiz.core.appearance import Appearance
from ketaquiz.core.scheduling import Settings
from ketaquiz.ui.theme import apply_theme, scaled_sheet

from . import test_ui_study as base
from .test_ui_study import answer_by_keys, start_on

ctx, window, study = base.ctx, base.window, base.study


def _pt(widget):
    widget.ensurePolished()
    return widget.font().pointSizeF()


def test_scaled_sheet_multiplies_point_sizes():
    assert scaled_sheet("QLabel#prompt { font-size: 14pt; }", 2.0) == "QLabel#prompt { font-size: 28.0pt; }"
    assert scaled_sheet("a { padding: 6px; font-size: 12pt; }", 1.0) == "a { padding: 6px; font-size: 12pt; }"


def test_font_size_setting_scales_prompt_options_feedback_and_sidebar(qtbot, ctx, window, study):
    app = QApplication.instance()
    apply_theme(app, Appearance(font_size=0))
    start_on(ctx, window, study, "q-short")
    small = {"prompt": _pt(study.qwidget.prompt_label), "sidebar": _pt(window.sidebar), "body": app.font().pointSizeF()}
    try:
        apply_theme(app, Appearance(font_size=int(small["body"] * 2)))
        start_on(ctx, window, study, "q-short")
        answer_by_keys(qtbot, study, right=True)
        big_prompt, big_sidebar = _pt(study.qwidget.prompt_label), _pt(window.sidebar)
        assert big_prompt >= 1.9 * small["prompt"]  # it grows with the rest
        assert big_prompt > app.font().pointSizeF()  # and stays larger than body text
        assert big_sidebar >= 1.9 * small["sidebar"]
        assert _pt(study.verdict_label) > app.font().pointSizeF()
        assert _pt(study.answer_label) == app.font().pointSizeF()
    finally:
        apply_theme(app, Appearance(font_size=0))


def test_the_idle_heading_is_not_clipped_at_1920x1080_and_16pt(qtbot, ctx, window, study):
    app = QApplication.instance()
    ctx.store.save_settings(Settings(fuzz=False, new_per_day=0))
    try:
        apply_theme(app, Appearance(font_size=16))
        for size in ((1920, 1080), (1024, 640)):
            window.resize(*size)
            ctx.study_requested.emit(base.StudyRequest(set_id="demo"))
            window.show_page("study")
            qtbot.wait(50)
            label = study.idle_label
            assert study.stack.currentWidget() is study.idle_view and "today's are done" in label.text()
            assert label.height() >= label.heightForWidth(label.width()), size
    finally:
        apply_theme(app, Appearance(font_size=0))
