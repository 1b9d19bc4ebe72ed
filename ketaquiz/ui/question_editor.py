"""Edit one question: a form per type, live validation next to each field, and a learner's-eye preview."""

from __future__ import annotations

import html
import random
from collections.abc import Container
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.article import Article
from ..core.check import check_question
from ..core.lint import LintIssue, lint_question
from ..core.media import is_image, resolve_media
from ..core.question_types import kind_of, type_names
from ..core.questions import Question, Topic

ERROR_STYLE = "color: #b00020;"
WARN_STYLE = "color: #8a5a00;"


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [ln.strip() for ln in edit.toPlainText().splitlines() if ln.strip()]


def _form(parent: QWidget | None = None, *, margins: int | None = None) -> QFormLayout:
    """A form with each label above its field, which takes the editor's whole width: the editor beside the table
    is narrow at 16 pt or at 1024x640, and labels beside the fields left them a few letters wide or cut them off."""
    form = QFormLayout(parent)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    if margins is not None:
        form.setContentsMargins(margins, margins, margins, margins)
    return form


def _text_box(rows: int = 3, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * rows + 14)
    return box


class QuestionEditor(QWidget):
    """The form. `load()` a question, read it back with `question()`; `edited` fires on every change."""

    edited = Signal(object)  # the Question as now on the form

    FIELDS = ("id", "topic", "type", "prompt", "choices", "answer", "accept", "items", "explanation", "source", "tags")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._base: Question | None = None
        self._topics: list[Topic] = []
        self._article: Article | None = None
        self._other_ids: Container[str] = frozenset()
        self._read_only = False
        self.problems: list[tuple[str, str]] = []
        self.warnings: list[LintIssue] = []

        self.id_edit = QLineEdit()
        self.topic_combo = QComboBox()
        self.type_combo = QComboBox()
        for t in type_names():
            self.type_combo.addItem(kind_of(t).label or t, t)
        self.prompt_edit = _text_box(3, "The question, or for a cloze the sentence with {{gaps}}")
        self.choices_edit = _text_box(4, "One choice per line")
        self.answers_list = QListWidget()
        self.answers_list.setFixedHeight(96)
        self.answers_list.setToolTip("Tick the right answer(s)")
        self.tf_check = QCheckBox("The statement is true")  # a yes/no field is a checkbox, not a list of two
        self.tf_check.setToolTip("Ticked: the statement is true. Unticked: it is false.")
        self.short_edit = QLineEdit()
        self.accept_edit = _text_box(2, "Other accepted answers, one per line")
        self.items_edit = _text_box(5, "One item per line, in the right order")
        self.cloze_hint = QLabel()  # a type without answer fields says here where its answer goes
        self.cloze_hint.setWordWrap(True)
        self.explanation_edit = _text_box(2, "Shown after the answer")
        self.source_edit = _text_box(2, "A verbatim quote from the article")
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText("Tags separated by spaces")
        for combo in (self.topic_combo, self.type_combo):  # not held wider than the editor is given
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)

        self.msg: dict[str, QLabel] = {}
        form = _form()

        def row(label: str, widget: QWidget, fld: str) -> QWidget:
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            lay.addWidget(widget)
            m = QLabel()
            m.setWordWrap(True)
            m.setTextFormat(Qt.TextFormat.PlainText)
            m.setObjectName(f"msg_{fld}")
            m.hide()
            lay.addWidget(m)
            self.msg[fld] = m
            form.addRow(label, box)
            return box

        row("Id", self.id_edit, "id")
        row("Topic", self.topic_combo, "topic")
        row("Type", self.type_combo, "type")
        row("Prompt", self.prompt_edit, "prompt")

        # One page per set of answer fields (a type's `editor_fields` says which it uses).
        self.type_stack = QStackedWidget()
        self._pages: dict[tuple[str, ...], int] = {}
        choice_page = QWidget()
        cl = _form(choice_page, margins=0)
        cl.addRow("Choices", self.choices_edit)
        cl.addRow("Right answer", self.answers_list)
        self._pages[("choices",)] = self.type_stack.addWidget(choice_page)
        tf_page = QWidget()
        tl = _form(tf_page, margins=0)
        tl.addRow(self.tf_check)
        self._pages[("truefalse",)] = self.type_stack.addWidget(tf_page)
        self._pages[()] = self.type_stack.addWidget(self.cloze_hint)
        short_page = QWidget()
        sl = _form(short_page, margins=0)
        sl.addRow("Answer", self.short_edit)
        sl.addRow("Also accept", self.accept_edit)
        self._pages[("answer", "accept")] = self.type_stack.addWidget(short_page)
        order_page = QWidget()
        ol = _form(order_page, margins=0)
        ol.addRow("Items", self.items_edit)
        self._pages[("items",)] = self.type_stack.addWidget(order_page)
        row("Answer", self.type_stack, "answer")
        # choices/items/accept messages share the answer area's label
        self.msg["choices"] = self.msg["items"] = self.msg["accept"] = self.msg["answer"]
        row("Explanation", self.explanation_edit, "explanation")
        row("Source", self.source_edit, "source")
        row("Tags", self.tags_edit, "tags")

        form_box = QWidget()
        form_box.setLayout(form)

        self.preview = QuestionPreview()
        preview_group = QGroupBox("Preview")  # a short title: a group box's title never wraps (16 pt, narrow)
        preview_group.setToolTip("The question as the learner sees it")
        pl = QVBoxLayout(preview_group)
        pl.addWidget(self.preview)
        preview_group.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(4, 0, 8, 0)  # (the width goes to the fields; the scroll bar sits at the right)
        lay.addWidget(form_box)
        lay.addWidget(preview_group)
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        for w in (self.id_edit, self.short_edit, self.tags_edit):
            w.textEdited.connect(self._changed)
        for box in (self.prompt_edit, self.accept_edit, self.items_edit, self.explanation_edit, self.source_edit):
            box.textChanged.connect(self._changed)
        self.choices_edit.textChanged.connect(self._choices_changed)
        self.answers_list.itemChanged.connect(self._answer_ticked)
        self.topic_combo.currentIndexChanged.connect(self._changed)
        self.tf_check.toggled.connect(self._changed)
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.setEnabled(False)

    # --- context --------------------------------------------------------------
    def set_context(self, topics: list[Topic], article: Article | None = None,
                    other_ids: Container[str] | None = None, media_folder: Path | None = None) -> None:
        """The set's topics (for the topic list and validation), its article, the other questions' ids and its
        folder (where the images the preview shows are).

        `other_ids` answers `qid in other_ids`: is that id held by a question other than the one edited? It is
        kept, not copied (choosing a row of a 100k-question set must not copy 100k ids): the caller keeps it
        true of the other questions for as long as this context stands.
        """
        self._topics = list(topics)
        self._article = article
        self.preview.media_folder = media_folder
        self._other_ids = other_ids if other_ids is not None else frozenset()
        self._loading = True
        current = self.topic_combo.currentData()
        self.topic_combo.clear()
        for t in self._topics:
            self.topic_combo.addItem(f"{t.title} ({t.id})" if t.title != t.id else t.id, t.id)
        if current is not None and self.topic_combo.findData(current) >= 0:
            self.topic_combo.setCurrentIndex(self.topic_combo.findData(current))
        self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for w in (self.id_edit, self.short_edit, self.tags_edit):
            w.setReadOnly(read_only)
        for box in (self.prompt_edit, self.choices_edit, self.accept_edit, self.items_edit, self.explanation_edit,
                    self.source_edit):
            box.setReadOnly(read_only)
        for chooser in (self.topic_combo, self.type_combo, self.tf_check, self.answers_list):
            chooser.setEnabled(not read_only)

    def _select_topic(self, topic: str) -> None:
        i = self.topic_combo.findData(topic)
        if i < 0:  # an undeclared topic stays visible so validation can point at it
            self.topic_combo.addItem(f"{topic} (not declared)", topic)
            i = self.topic_combo.count() - 1
        self.topic_combo.setCurrentIndex(i)

    # --- load / read ------------------------------------------------------------
    def clear(self) -> None:
        """No question: empty fields (not the last one's), disabled."""
        self._loading = True
        self._base = None
        for w in (self.id_edit, self.short_edit, self.tags_edit):
            w.clear()
        for box in (self.prompt_edit, self.choices_edit, self.accept_edit, self.items_edit, self.explanation_edit,
                    self.source_edit):
            box.clear()
        self.answers_list.clear()
        for label in self.msg.values():
            label.hide()
        self.preview.clear()
        self._loading = False
        self.setEnabled(False)

    def load(self, q: Question) -> None:
        """Show a question on the form (no `edited` signal)."""
        self._loading = True
        self._base = q
        self.setEnabled(True)
        self.id_edit.setText(q.id)
        self._select_topic(q.topic)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(q.type)))
        self._show_page(q.type)
        self.prompt_edit.setPlainText(q.prompt)
        self.choices_edit.setPlainText("\n".join(q.choices))
        kind = kind_of(q.type)
        answers = q.answer if isinstance(q.answer, list) else [q.answer] if q.answer not in (None, "") else []
        self._fill_answers(q.choices, {str(a) for a in answers} if kind.has_choices else set())
        self.tf_check.setChecked(q.answer is not False)
        self.short_edit.setText(q.answer if "answer" in kind.editor_fields and isinstance(q.answer, str) else "")
        self.accept_edit.setPlainText("\n".join(q.accept))
        self.items_edit.setPlainText("\n".join(q.items))
        self.explanation_edit.setPlainText(q.explanation)
        self.source_edit.setPlainText(q.source)
        self.tags_edit.setText(" ".join(q.tags))
        self._loading = False
        self._validate(self.question())

    def question(self) -> Question:
        """The question as now on the form; fields the form does not show are kept from the loaded one."""
        base = self._base or Question(id="", topic="", type="short", prompt="")
        qtype = self.type_combo.currentData() or "short"
        kind = kind_of(qtype)
        fields = kind.editor_fields
        answer: object = None
        choices: list[str] = []
        accept: list[str] = []
        items: list[str] = []
        if "choices" in fields:
            choices = _lines(self.choices_edit)
            ticked = [self.answers_list.item(i).text() for i in range(self.answers_list.count())
                      if self.answers_list.item(i).checkState() == Qt.CheckState.Checked]
            answer = ticked if kind.many else (ticked[0] if ticked else None)
        elif "truefalse" in fields:
            answer = self.tf_check.isChecked()
        elif "answer" in fields:
            answer = self.short_edit.text().strip()
            accept = _lines(self.accept_edit) if "accept" in fields else []
        elif "items" in fields:
            items = _lines(self.items_edit)
        q = replace(
            base, id=self.id_edit.text().strip(), topic=self.topic_combo.currentData() or "", type=qtype,
            prompt=self.prompt_edit.toPlainText().strip(), answer=answer, choices=choices, accept=accept, items=items,
            explanation=self.explanation_edit.toPlainText().strip(), source=self.source_edit.toPlainText().strip(),
            tags=self.tags_edit.text().split(),
        )
        if self._base is not None and q != self._base and q.origin in ("generated", "imported"):
            q.origin = "edited"
        return q

    # --- changes ----------------------------------------------------------------
    def _fill_answers(self, choices: list[str], ticked: set[str]) -> None:
        was = self._loading
        self._loading = True
        self.answers_list.clear()
        for c in choices:
            it = QListWidgetItem(c)
            it.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Checked if c in ticked else Qt.CheckState.Unchecked)
            self.answers_list.addItem(it)
        self._loading = was

    def _choices_changed(self) -> None:
        if self._loading:
            return
        ticked = {self.answers_list.item(i).text() for i in range(self.answers_list.count())
                  if self.answers_list.item(i).checkState() == Qt.CheckState.Checked}
        self._fill_answers(_lines(self.choices_edit), ticked)
        self._changed()

    def _answer_ticked(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        if self._one_answer() and item.checkState() == Qt.CheckState.Checked:
            self._loading = True  # one right answer: untick the others
            for i in range(self.answers_list.count()):
                other = self.answers_list.item(i)
                if other is not item:
                    other.setCheckState(Qt.CheckState.Unchecked)
            self._loading = False
        self._changed()

    def _one_answer(self) -> bool:
        """Whether the type on the form takes one of its choices as the answer (choice, not multi)."""
        kind = kind_of(self.type_combo.currentData() or "")
        return kind.has_choices and not kind.many

    def _show_page(self, qtype: str) -> None:
        """Show the answer fields of this type; the stack takes the height of that page only."""
        kind = kind_of(qtype)
        index = self._pages.get(kind.editor_fields, 0)
        self.cloze_hint.setText(kind.editor_hint)
        for i in range(self.type_stack.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            if (page := self.type_stack.widget(i)) is not None:
                page.setSizePolicy(QSizePolicy.Policy.Preferred, policy)
        self.type_stack.setCurrentIndex(index)
        self.type_stack.updateGeometry()  # (adjustSize gave it its widest page's width: cut off at the right)

    def _type_changed(self) -> None:
        qtype = self.type_combo.currentData()
        self._show_page(qtype)
        if not self._loading and self._one_answer():
            ticked = [i for i in range(self.answers_list.count())
                      if self.answers_list.item(i).checkState() == Qt.CheckState.Checked]
            self._loading = True
            for i in ticked[1:]:
                self.answers_list.item(i).setCheckState(Qt.CheckState.Unchecked)
            self._loading = False
        self._changed()

    def _changed(self, *_args: object) -> None:
        if self._loading or self._base is None:
            return
        q = self.question()
        self._validate(q)
        self.edited.emit(q)

    # --- validation ---------------------------------------------------------------
    def _validate(self, q: Question) -> None:
        topics = {t.id for t in self._topics}
        self.problems = check_question(q, topics=topics or None, article=self._article)
        if q.id and q.id in self._other_ids:
            self.problems.append(("id", f"id {q.id!r} is used by another question; give each question its own id"))
        self.warnings = lint_question(q, self._article)
        by_field: dict[str, tuple[list[str], list[str]]] = {}
        for fld, m in self.problems:
            by_field.setdefault(self._label_for(fld), ([], []))[0].append(m)
        for w in self.warnings:
            by_field.setdefault(self._label_for(w.field), ([], []))[1].append(w.message)
        for label in set(self.msg.values()):
            label.hide()
        for key, (errors, warns) in by_field.items():
            label = self.msg[key]
            label.setText("\n".join([f"✗ {e}" for e in errors] + [f"⚠ {w}" for w in warns]))
            label.setStyleSheet(ERROR_STYLE if errors else WARN_STYLE)
            label.show()
        self.preview.show_question(q)

    def _label_for(self, fld: str) -> str:
        return fld if fld in self.msg else "prompt"

    def messages(self) -> dict[str, str]:
        """Field → the message shown next to it (for tests and accessibility)."""
        return {k: lab.text() for k, lab in self.msg.items() if not lab.isHidden() and lab.text()}


PREVIEW_IMAGE_W = 280  # (the editor beside the table is ~300 px wide at 1024x640)


class QuestionPreview(QTextBrowser):
    """A read-only rendering of a question as the study page shows it: prompt, then the ways to answer.

    All question text is escaped: the preview never renders HTML from a question.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.prompt_text = ""
        self.body_text = ""
        self.media_folder: Path | None = None  # the set's folder: its images are shown (QuestionEditor.set_context)
        self.images_shown: list[str] = []

    def show_question(self, q: Question) -> None:
        self.images_shown = []
        kind = kind_of(q.type)
        self.prompt_text = q.display_prompt()
        # the learner sees options shuffled; a stable shuffle per question
        lines = kind.preview_lines(q, random.Random(q.id))
        self.body_text = "\n".join(lines)
        meta = f"{q.topic} · {kind.label or q.type}"
        self.setHtml(
            f'<p style="color:#888; font-size:small">{html.escape(meta)}</p>'
            f'<p style="font-size:large">{html.escape(self.prompt_text).replace(chr(10), "<br>")}</p>'
            + self._images(q.media)
            + "".join(f"<div>{html.escape(ln).replace('  ', '&nbsp;&nbsp;')}</div>" for ln in lines)
            + (f'<p style="color:#888">After answering:</p>{self._images(q.answer_media)}' if q.answer_media else "")
        )

    def _images(self, names: list[str]) -> str:
        """<img> tags for the images among `names` that are in the set's folder: each decoded here from its file
        and handed to the document as a resource under a name of ours, so the markup never names a path."""
        out = []
        for name in names:
            path = resolve_media(self.media_folder, name) if self.media_folder is not None and is_image(name) else None
            image = QImage(str(path)) if path is not None else QImage()
            if image.isNull():
                continue
            if image.width() > PREVIEW_IMAGE_W:
                image = image.scaledToWidth(PREVIEW_IMAGE_W, Qt.TransformationMode.SmoothTransformation)
            url = QUrl(f"ketaquiz-media:{len(self.images_shown)}")
            self.document().addResource(QTextDocument.ResourceType.ImageResource, url, image)
            self.images_shown.append(name)
            out.append(f'<p><img src="{url.toString()}"></p>')
        return "".join(out)
