"""The study widgets show the grade's verdict on each option, gap and place: they never compare answers
themselves (grading folds case, accents and spaces; a widget comparing as written painted a right answer red)."""

from __future__ import annotations

from datetime import datetime, timezone

from ketaquiz.core.grading import grade
from ketaquiz.core.questions import Question
from ketaquiz.core.session_results import Feedback
from ketaquiz.ui.question_widget_base import RIGHT_STYLE, WRONG_STYLE
from ketaquiz.ui.question_widgets import make_question_widget

from .test_question_types import number_type  # noqa: F401 (a fixture)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def _answer(widget, response):
    fb = Feedback(widget.question, grade(widget.question, response), 1, NOW)
    widget.show_result(fb)
    return fb


def test_a_multi_answer_written_in_another_case_and_spacing_is_shown_right(qtbot):
    # The answer as a CSV or a hand edit wrote it: check and grading accept it (they fold case and spaces).
    q = Question("q", "t", "multi", "Which act on glutamate?", answer=["ketamine", "NMDA  antagonists"],
                 choices=["Ketamine", "NMDA antagonists", "Lithium"])
    widget = make_question_widget(q, ["Lithium", "Ketamine", "NMDA antagonists"])
    qtbot.addWidget(widget)
    widget.boxes[1].setChecked(True)
    widget.boxes[2].setChecked(True)
    fb = _answer(widget, widget.response())
    assert fb.correct
    for box in widget.boxes[1:]:
        assert RIGHT_STYLE in box.styleSheet() and "missed" not in box.text()
    assert WRONG_STYLE not in widget.boxes[0].styleSheet()


def test_a_multi_answer_left_unticked_is_shown_missed(qtbot):
    q = Question("q", "t", "multi", "Which?", answer=["ketamine", "esketamine"],
                 choices=["Ketamine", "Esketamine", "Lithium"])
    widget = make_question_widget(q, ["Ketamine", "Esketamine", "Lithium"])
    qtbot.addWidget(widget)
    widget.boxes[0].setChecked(True)
    widget.boxes[2].setChecked(True)
    assert not _answer(widget, widget.response()).correct
    assert RIGHT_STYLE in widget.boxes[0].styleSheet()
    assert "missed" in widget.boxes[1].text() and WRONG_STYLE in widget.boxes[1].styleSheet()
    assert WRONG_STYLE in widget.boxes[2].styleSheet()


def test_the_chosen_answer_in_another_case_is_shown_right(qtbot):
    q = Question("q", "t", "choice", "Which?", answer="ketamine", choices=["Ketamine", "Lithium", "Placebo"])
    widget = make_question_widget(q, ["Lithium", "Ketamine", "Placebo"])
    qtbot.addWidget(widget)
    widget.chosen = "Ketamine"
    assert _answer(widget, widget.response()).correct
    assert RIGHT_STYLE in widget.buttons[1].styleSheet()
    assert WRONG_STYLE not in widget.buttons[1].styleSheet()


def test_cloze_gaps_are_coloured_by_the_grade(qtbot):
    q = Question("q", "t", "cloze", "Ketamine blocks {{NMDA}} receptors and raises {{BDNF|brain-derived factor}}.")
    widget = make_question_widget(q, [])
    qtbot.addWidget(widget)
    widget.edits[0].setText("nmda")
    widget.edits[1].setText("GABA")
    assert not _answer(widget, widget.response()).correct
    assert RIGHT_STYLE in widget.edits[0].styleSheet()
    assert WRONG_STYLE in widget.edits[1].styleSheet() and "BDNF" in widget.edits[1].toolTip()


def test_order_places_are_marked_by_the_grade(qtbot):
    q = Question("q", "t", "order", "Put in order.", items=["first", "second", "third"])
    widget = make_question_widget(q, ["first", "third", "second"])
    qtbot.addWidget(widget)
    assert not _answer(widget, widget.response()).correct
    marks = [widget.list.item(i).text()[0] for i in range(widget.list.count())]
    assert marks == ["✓", "✗", "✗"]


def test_the_editor_offers_a_registered_type_with_its_template_and_fields(qtbot, number_type):  # noqa: F811
    from ketaquiz.ui.question_editor import QuestionEditor

    editor = QuestionEditor()
    qtbot.addWidget(editor)
    assert editor.type_combo.findData("number") >= 0 and editor.type_combo.itemText(editor.type_combo.findData("number")) == "A number"
    editor.load(Question("n1", "t", "number", "How many mg/kg?", answer="0.5", accept=["half"]))
    assert editor.short_edit.text() == "0.5" and editor.accept_edit.toPlainText() == "half"
    editor.short_edit.setText("0.6")
    back = editor.question()
    assert back.type == "number" and back.answer == "0.6" and back.accept == ["half"]
    assert "0.6" not in editor.preview.body_text and "How many mg/kg?" in editor.preview.prompt_text


def test_a_registered_typed_type_is_answered_in_a_text_box_and_marked_by_its_grade(qtbot, number_type):  # noqa: F811
    q = Question("n1", "t", "number", "How many mg/kg in a usual infusion?", answer="0.5")
    widget = make_question_widget(q, [])
    qtbot.addWidget(widget)
    widget.edit.setText("0.501")
    fb = _answer(widget, widget.response())
    assert fb.correct and RIGHT_STYLE in widget.edit.styleSheet() and widget.edit.isReadOnly()


def test_after_i_dont_know_a_multi_shows_nothing_ticked_and_every_right_option_missed(qtbot):
    q = Question("q", "t", "multi", "Which?", answer=["Ketamine", "Esketamine"],
                 choices=["Ketamine", "Esketamine", "Lithium"])
    widget = make_question_widget(q, ["Ketamine", "Esketamine", "Lithium"])
    qtbot.addWidget(widget)
    widget.boxes[0].setChecked(True)  # ticked, then "I don't know" pressed: that is the answer graded
    widget.boxes[2].setChecked(True)
    assert not _answer(widget, None).correct
    assert [b.isChecked() for b in widget.boxes] == [False, False, False]
    assert all("missed" in b.text() for b in widget.boxes[:2]) and WRONG_STYLE not in widget.boxes[2].styleSheet()
