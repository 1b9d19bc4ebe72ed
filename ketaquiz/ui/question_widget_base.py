"""What every question type's study widget is (ui/question_widgets.py has one per type): the prompt, a response in
the shape `StudySession.submit` takes, keys, and how a result is shown (right and wrong in these colours)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..core.grading import Part
from ..core.questions import Question
from ..core.session_results import Feedback
from .question_media import media_widgets

RIGHT_STYLE = "background-color: rgba(46, 160, 67, 0.35);"
WRONG_STYLE = "background-color: rgba(218, 54, 51, 0.35);"


def freeze(widget: QWidget) -> None:
    """Stop input but keep the text readable (a disabled widget greys out the answer the learner must read)."""
    widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def prompt_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("prompt")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName("Question")
    return label


class QuestionWidget(QWidget):
    """Base: shows the prompt and takes a response; `show_result` marks right and wrong parts."""

    submit_requested = Signal()

    def __init__(self, question: Question, options: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.options = list(options)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(10)

    def add_prompt(self) -> None:
        self.prompt_label = prompt_label(self.question.display_prompt())
        self.layout_.addWidget(self.prompt_label)

    def add_media(self, folder: Path | None) -> None:
        """The question's images and sounds (files in its set's `folder`), under the prompt."""
        prompt = getattr(self, "prompt_label", None)
        at = self.layout_.indexOf(prompt) + 1 if prompt is not None else 0
        for i, widget in enumerate(media_widgets(self.question.media, folder, self)):
            self.layout_.insertWidget(at + i, widget, 0, Qt.AlignmentFlag.AlignLeft)

    def response(self) -> Any:
        """The learner's answer (None when nothing was given: counts as "I don't know")."""
        raise NotImplementedError

    def has_response(self) -> bool:
        return self.response() is not None

    def handle_key(self, event: QKeyEvent) -> bool:
        return False

    def empty_hint(self) -> str:
        """What to do when Submit is pressed with nothing given."""
        return "Type your answer first"

    def focus_input(self) -> None:
        self.focusNextChild()

    def show_result(self, feedback: Feedback) -> None:
        """Lock the input and colour what was right and wrong, as the grade's parts say (never worked out here:
        grading normalises what a widget would compare as written)."""


def parts_by_text(feedback: Feedback) -> dict[str, Part]:
    """The grade's verdict on each option, by the option as shown."""
    return {p.text: p for p in feedback.grade.parts}
