"""One input widget per question type. Each gives its `response()` in the shape `StudySession.submit` takes.

Keys: the study page forwards unhandled key presses to `handle_key`; a widget returns True when the key
was for it (choice 1–5, multi 1–8, T/F) and may emit `submit_requested` (choice and true/false answer at once).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ..core.question_types import kind_of
from ..core.questions import CLOZE_GAP, Question
from ..core.session_results import Feedback
from . import plain
from .question_widget_base import RIGHT_STYLE, WRONG_STYLE, QuestionWidget, freeze, parts_by_text


class ChoiceWidget(QuestionWidget):
    """One button per option; a click or the keys 1–5 answer at once."""

    def __init__(self, question: Question, options: list[str], parent: QWidget | None = None) -> None:
        super().__init__(question, options, parent)
        self.add_prompt()
        self.buttons: list[QPushButton] = []
        self.chosen: str | None = None
        for i, opt in enumerate(self.options):
            b = QPushButton(f"{i + 1}.  {opt}")
            b.setObjectName("option")
            b.setAccessibleName(f"Option {i + 1}: {opt}")
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.setStyleSheet("text-align: left; padding: 8px;")
            b.clicked.connect(lambda _=False, o=opt: self.choose(o))
            self.buttons.append(b)
            self.layout_.addWidget(b)

    def choose(self, option: str) -> None:
        if self.chosen is not None:
            return
        self.chosen = option
        self.submit_requested.emit()

    def empty_hint(self) -> str:
        return f"Choose an option: click it, press its number (1–{min(len(self.options), 9)}), or move to it with the arrows and press Enter"

    def response(self) -> Any:
        return self.chosen

    def focus_input(self) -> None:
        # The question itself, not option 1: Enter presses a focused button, and nothing is chosen yet.
        # Tab or an arrow key moves to the options.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        # Here, not in handle_key: the scroll area around the question would take the arrows for scrolling.
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.hasFocus() and self.buttons:
            self.buttons[0 if event.key() == Qt.Key.Key_Down else -1].setFocus()
            event.accept()
            return
        super().keyPressEvent(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        n = event.key() - Qt.Key.Key_1
        if 0 <= n < min(len(self.options), 9) and self.chosen is None:
            self.choose(self.options[n])
            return True
        return False

    def show_result(self, feedback: Feedback) -> None:
        parts = parts_by_text(feedback)
        for b, opt in zip(self.buttons, self.options):
            freeze(b)
            part = parts.get(opt)
            if part is None:
                continue
            if part.key:
                b.setStyleSheet("text-align: left; padding: 8px;" + RIGHT_STYLE)
            elif part.chosen:
                b.setStyleSheet("text-align: left; padding: 8px;" + WRONG_STYLE)


class MultiWidget(QuestionWidget):
    """Check boxes (keys 1–8 toggle); Enter submits."""

    def __init__(self, question: Question, options: list[str], parent: QWidget | None = None) -> None:
        super().__init__(question, options, parent)
        self.add_prompt()
        hint = QLabel("Tick every right answer, then press Enter.")
        hint.setObjectName("hint")
        self.layout_.addWidget(hint)
        self.boxes: list[QCheckBox] = []
        for i, opt in enumerate(self.options):
            box = QCheckBox(f"{i + 1}.  {opt}")
            box.setAccessibleName(f"Option {i + 1}: {opt}")
            self.boxes.append(box)
            self.layout_.addWidget(box)

    def response(self) -> Any:
        return [o for o, b in zip(self.options, self.boxes) if b.isChecked()]

    def has_response(self) -> bool:
        return True  # ticking none is an answer

    def handle_key(self, event: QKeyEvent) -> bool:
        n = event.key() - Qt.Key.Key_1
        if 0 <= n < min(len(self.boxes), 9):
            self.boxes[n].toggle()
            self.boxes[n].setFocus()
            return True
        return False

    def focus_input(self) -> None:
        if self.boxes:
            self.boxes[0].setFocus()

    def show_result(self, feedback: Feedback) -> None:
        parts = parts_by_text(feedback)
        for b, opt in zip(self.boxes, self.options):
            freeze(b)
            part = parts.get(opt)
            if part is None:
                continue
            b.setChecked(part.chosen)  # as graded: after "I don't know" nothing was ticked, whatever the boxes say
            if part.key:
                b.setStyleSheet(RIGHT_STYLE if part.chosen else WRONG_STYLE + "font-weight: bold;")
                b.setText(b.text() + ("" if part.chosen else "   ← missed"))
            elif part.chosen:
                b.setStyleSheet(WRONG_STYLE)


_TRUE_FALSE_KEYS: dict[int, bool] = {Qt.Key.Key_T: True, Qt.Key.Key_1: True, Qt.Key.Key_F: False, Qt.Key.Key_2: False}


class TrueFalseWidget(QuestionWidget):
    """A statement with True / False buttons; keys T and F (or 1 and 2, as in the terminal quiz and for choices)
    answer at once."""

    def __init__(self, question: Question, options: list[str], parent: QWidget | None = None) -> None:
        super().__init__(question, options, parent)
        self.add_prompt()
        row = QHBoxLayout()
        self.true_btn = QPushButton("&True  (T)")
        self.false_btn = QPushButton("&False  (F)")
        self.true_btn.setAccessibleName("True")
        self.false_btn.setAccessibleName("False")
        for b, value in ((self.true_btn, True), (self.false_btn, False)):
            b.setMinimumHeight(40)
            b.clicked.connect(lambda _=False, v=value: self.choose(v))
            row.addWidget(b)
        self.layout_.addLayout(row)
        self.chosen: bool | None = None

    def choose(self, value: bool) -> None:
        if self.chosen is not None:
            return
        self.chosen = value
        self.submit_requested.emit()

    def empty_hint(self) -> str:
        return "Answer True (T or 1) or False (F or 2)"

    def response(self) -> Any:
        return self.chosen

    def handle_key(self, event: QKeyEvent) -> bool:
        value = _TRUE_FALSE_KEYS.get(event.key())
        if self.chosen is None and value is not None:
            self.choose(value)
            return True
        return False

    def focus_input(self) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # as for choices: nothing focused that Enter would press
        self.setFocus()

    def show_result(self, feedback: Feedback) -> None:
        parts = parts_by_text(feedback)
        for b, text in ((self.true_btn, "True"), (self.false_btn, "False")):
            freeze(b)
            part = parts.get(text)
            if part is not None and part.key:
                b.setStyleSheet(RIGHT_STYLE)
            elif part is not None and part.chosen:
                b.setStyleSheet(WRONG_STYLE)


class FlowLayout(QLayout):
    """Lays widgets out left to right, wrapping to the next line like words."""

    def __init__(self, parent: QWidget | None = None, h_spacing: int = 4, v_spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._h, self._v = h_spacing, v_spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt override)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._do_layout(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._do_layout(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _do_layout(self, rect: QRect, apply: bool) -> int:
        x, y, line_h = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line_h > 0:
                x, y, line_h = rect.x(), y + line_h + self._v, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._h
            line_h = max(line_h, hint.height())
        return y + line_h - rect.y()


class _FlowText(QWidget):
    """Words and inline line edits that wrap like text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self, h_spacing=5, v_spacing=6)


class ClozeWidget(QuestionWidget):
    """The sentence with a line edit in each gap; Enter submits."""

    def __init__(self, question: Question, options: list[str], parent: QWidget | None = None) -> None:
        super().__init__(question, options, parent)
        flow = _FlowText()
        self.edits: list[QLineEdit] = []
        prompt = question.prompt
        pos = 0
        for m in CLOZE_GAP.finditer(prompt):
            self._words(flow, prompt[pos : m.start()])
            edit = QLineEdit()
            edit.setAccessibleName(f"Gap {len(self.edits) + 1}")
            edit.setPlaceholderText(f"gap {len(self.edits) + 1}")
            width = max(len(a) for a in m.group(1).split("|"))
            edit.setMinimumWidth(max(90, edit.fontMetrics().horizontalAdvance("m") * min(width + 2, 30)))
            edit.setMaximumWidth(max(90, edit.fontMetrics().horizontalAdvance("m") * min(width + 4, 34)))
            self.edits.append(edit)
            flow.flow.addWidget(edit)
            pos = m.end()
        self._words(flow, prompt[pos:])
        flow.setAccessibleName("Question")
        self.flow_widget = flow
        self.layout_.addWidget(flow)

    @staticmethod
    def _words(flow: _FlowText, text: str) -> None:
        for word in text.split():
            w = QLabel(word)
            w.setObjectName("prompt")
            w.setTextFormat(Qt.TextFormat.PlainText)
            flow.flow.addWidget(w)

    def response(self) -> Any:
        values = [e.text() for e in self.edits]
        return values if any(v.strip() for v in values) else None

    def empty_hint(self) -> str:
        return "Fill in the gaps first (Enter moves to the next empty one)"

    def handle_key(self, event: QKeyEvent) -> bool:
        """Enter in a gap goes on to the next empty gap; Enter in the last gap, or with every gap filled, submits."""
        focus = self.focusWidget()
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or not isinstance(focus, QLineEdit) \
                or focus not in self.edits:
            return False
        here = self.edits.index(focus)
        if here == len(self.edits) - 1:
            return False
        empty = [i for i, e in enumerate(self.edits) if not e.text().strip()]
        after = [i for i in empty if i > here] or [i for i in empty if i != here]
        if not after:
            return False
        self.edits[after[0]].setFocus()
        return True

    def focus_input(self) -> None:
        if self.edits:
            self.edits[0].setFocus()

    def show_result(self, feedback: Feedback) -> None:
        for edit, part in zip(self.edits, feedback.grade.parts):
            edit.setReadOnly(True)
            edit.setStyleSheet(RIGHT_STYLE if part.ok else WRONG_STYLE)
            if not part.ok:
                edit.setToolTip(plain.tooltip(f"Right answer: {part.expected}"))


class ShortWidget(QuestionWidget):
    """A line edit; Enter submits. Small typos are accepted (and said so)."""

    def __init__(self, question: Question, options: list[str], parent: QWidget | None = None) -> None:
        super().__init__(question, options, parent)
        self.add_prompt()
        self.edit = QLineEdit()
        self.edit.setAccessibleName("Your answer")
        self.edit.setPlaceholderText("Type your answer and press Enter")
        self.layout_.addWidget(self.edit)

    def response(self) -> Any:
        return self.edit.text() if self.edit.text().strip() else None

    def focus_input(self) -> None:
        self.edit.setFocus()

    def show_result(self, feedback: Feedback) -> None:
        self.edit.setReadOnly(True)
        self.edit.setStyleSheet(RIGHT_STYLE if feedback.correct else WRONG_STYLE)


class OrderList(QListWidget):
    """A list reordered by dragging or by Alt+Up / Alt+Down."""

    moved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName("Items to put in order")
        self.setAccessibleDescription("Alt+Up and Alt+Down move the selected item")

    def move_current(self, delta: int) -> bool:
        row = self.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.count():
            return False
        item = self.takeItem(row)
        self.insertItem(target, item)
        self.setCurrentRow(target)
        self.moved.emit()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            if self.isEnabled() and self.dragDropMode() != QAbstractItemView.DragDropMode.NoDragDrop:
                self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        super().keyPressEvent(event)

    def order(self) -> list[str]:  # (not `items`: QListWidget.items is another thing)
        """The items as now ordered."""
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]


class OrderWidget(QuestionWidget):
    """Drag the items into order (or Alt+Up/Down); Enter submits."""

    def __init__(self, question: Question, options: list[str], parent: QWidget | None = None) -> None:
        super().__init__(question, options, parent)
        self.add_prompt()
        hint = QLabel("Drag the items into order, or select one and press Alt+Up / Alt+Down. Enter submits.")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.layout_.addWidget(hint)
        self.list = OrderList()
        for opt in self.options:
            item = QListWidgetItem(opt)
            item.setData(Qt.ItemDataRole.UserRole, opt)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.setStyleSheet("QListWidget::item { padding: 6px; }")
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.layout_.addWidget(self.list)

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt override)
        super().showEvent(event)
        # As tall as its rows: no empty box under a short list.
        rows = self.list.count()
        row_h = self.list.sizeHintForRow(0) if rows else 30
        self.list.setFixedHeight(rows * row_h + 2 * self.list.frameWidth() + 4)

    def response(self) -> Any:
        return self.list.order()

    def has_response(self) -> bool:
        return True

    def focus_input(self) -> None:
        self.list.setFocus()

    def show_result(self, feedback: Feedback) -> None:
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        parts = feedback.grade.parts
        for i in range(self.list.count()):
            item = self.list.item(i)
            ok = i < len(parts) and parts[i].ok
            item.setText(f"{'✓' if ok else '✗'}  {item.data(Qt.ItemDataRole.UserRole)}")
            item.setBackground(QBrush(QColor(46, 160, 67, 90) if ok else QColor(218, 54, 51, 90)))


# The widget of each type. A type answered by typing one line (QuestionType.typed) needs none: it gets a text box.
WIDGETS: dict[str, type[QuestionWidget]] = {
    "choice": ChoiceWidget,
    "multi": MultiWidget,
    "truefalse": TrueFalseWidget,
    "cloze": ClozeWidget,
    "short": ShortWidget,
    "order": OrderWidget,
}


def make_question_widget(question: Question, options: list[str], parent: QWidget | None = None, *,
                         media_folder: Path | None = None) -> QuestionWidget:
    """The widget for a question's type (with its images and sounds, from the set's `media_folder`)."""
    cls = WIDGETS.get(question.type) or (ShortWidget if kind_of(question.type).typed else None)
    if cls is None:
        raise LookupError(f"question {question.id}: no study widget for type {question.type!r}")
    widget = cls(question, options, parent)
    if question.media:
        widget.add_media(media_folder)
    return widget
