"""The review step's one-choice fixes: move a draft's gap (G) and accept another answer (A).

Blind judges send most drafts back for one of two small edits (`docs/judging/`): "gap X instead" (the gap sits on a
filler while the point stays in view) and "accept X" (the natural answer, the head word or the article's other name
for it, is graded wrong: 13 % of the held-out cloze verdicts, the commonest fix after the gap). Each is a key and a
choice here instead of the question editor. The widgets are made here and kept on the review, which owns the drafts.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QLabel, QMenu

from . import plain

if TYPE_CHECKING:
    from .draft_review import DraftReview


def gap_menu(review: DraftReview, row: int) -> QMenu | None:
    """The draft's other words as a menu under the Gap button: the likeliest three first, numbered (G then 1 takes
    the likeliest; Enter too, it is selected), then the rest along the sentence; Esc closes."""
    likely, rest = review.gap_menu_items(row)
    if not likely:
        return None
    menu = QMenu(review)
    menu.setAccessibleName("Gap instead")
    for i, phrase in enumerate(likely, 1):
        action = menu.addAction(f"&{i}  {phrase.replace('&', '&&')}")
        action.triggered.connect(partial(review.regap, row, phrase))
    if rest:
        menu.addSeparator()
    for phrase in rest:
        action = menu.addAction(phrase.replace("&", "&&"))
        action.triggered.connect(partial(review.regap, row, phrase))
    menu.addSeparator()
    menu.addAction("Other words…").triggered.connect(partial(review.ask_gap_words, row))
    menu.popup(review.gap_btn.mapToGlobal(review.gap_btn.rect().bottomLeft()))
    menu.setActiveAction(menu.actions()[0])  # Enter takes the likeliest
    return menu


def gap_words_dialog(review: DraftReview, row: int, sentence: str) -> QInputDialog:
    """Words of the sentence the menu does not offer ("blended", "dry storage"), typed."""
    return _ask(review, "Gap other words", f"Words of the sentence to gap:\n{sentence}", partial(review.regap, row))


def accept_dialog(review: DraftReview, row: int, answers: str) -> QInputDialog:
    """Another answer to grade right ("melanin" beside {{pigment}}), typed."""
    return _ask(review, "Also accept", f"Graded right now: {answers}\nAnother answer to grade right:",
                partial(review.accept_also, row))


def _ask(review: DraftReview, title: str, label: str, then: partial[bool]) -> QInputDialog:
    dlg = QInputDialog(review)
    dlg.setWindowTitle(title)
    dlg.setLabelText(plain.tooltip(label))
    text = dlg.findChild(QLabel)
    if text is not None:
        text.setWordWrap(True)  # a long sentence would stretch the dialog past the screen
    dlg.textValueSelected.connect(then)
    dlg.finished.connect(lambda _result: review.list.setFocus())
    dlg.open()
    return dlg
