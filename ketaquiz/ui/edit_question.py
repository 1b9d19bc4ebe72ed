"""Editing the question on the Study page (E): the Sets editor's form in a dialog, saved atomically to its set file."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..core.article import Article
from ..core.authoring import AuthoringError
from ..core.question_edits import editable_path, save_question
from ..core.questions import Question, QuestionSet
from ..core.setfile import SetFileError, read_set
from ..core.store import StoreError
from .context import AppContext
from .question_editor import QuestionEditor


class EditQuestionDialog(QDialog):
    """The question's fields (its id kept: progress is keyed by it); Save writes its set file and reloads the set."""

    def __init__(self, ctx: AppContext, set_id: str, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.set_id = ctx, set_id
        self.saved: Question | None = None
        self.setWindowTitle(f"Edit question {question.id}")
        self.setModal(True)
        lay = QVBoxLayout(self)
        self.editor = QuestionEditor()
        qset = read_set(editable_path(ctx.data, ctx.store, set_id))
        article = _article(qset)
        self.editor.set_context(qset.topics, article, {q.id for q in qset.questions if q.id != question.id},
                                qset.path.parent if qset.path is not None else None)
        self.editor.load(question)
        self.editor.id_edit.setReadOnly(True)  # a new id would be a new question, without this one's progress
        self.editor.id_edit.setToolTip("The id stays: your progress on this question is kept by it")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        lay.addWidget(scroll, 1)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setObjectName("hint")
        self.error_label.hide()
        lay.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.editor.edited.connect(lambda _q: self._update())
        self._update()
        self.resize(760, 640)

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not self.editor.problems)

    def save(self) -> None:
        if self.editor.problems:
            return
        try:
            self.saved = save_question(self.ctx.data, self.ctx.store, self.set_id, self.editor.question())
        except (AuthoringError, SetFileError, StoreError, OSError) as e:
            self.error_label.setText(f"Not saved: {e}")
            self.error_label.show()
            return
        self.accept()


def _article(qset: QuestionSet) -> Article | None:
    if not qset.article or qset.path is None:
        return None
    from ..core.articlefile import ArticleFileError, load_set_article

    try:
        return load_set_article(qset.path, qset.article)
    except ArticleFileError as e:  # the article only helps the checks; the form works without it
        logging.getLogger(__name__).info("editing without the article: %s", e)
        return None
