"""The review step's edit dialog: one drafted question in the Sets page's question editor."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ..core.article import Article
from ..core.questions import Question, Topic
from .question_editor import QuestionEditor


class DraftEditDialog(QDialog):
    """One draft in the Sets page's question editor; OK takes the edit."""

    def __init__(self, question: Question, topics: list[Topic], article: Article | None, other_ids: set[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit draft {question.id}")
        self.editor = QuestionEditor()
        self.editor.set_context(topics, article, other_ids)
        self.editor.load(question)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Keep as edited")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.editor, 1)
        lay.addWidget(buttons)
        screen = parent.screen().availableGeometry() if parent is not None and parent.screen() else None
        w, h = 760, 600
        if screen is not None:
            w, h = min(w, int(screen.width() * 0.9)), min(h, int(screen.height() * 0.92))
        self.resize(w, h)

    def question(self) -> Question:
        return self.editor.question()
