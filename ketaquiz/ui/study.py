"""The Study page: one question at a time over a `StudySession`, feedback after each answer, a summary at the end.

Keys: Enter (or Space outside a text field) submits, then continues (Enter in a cloze gap moves to the next empty
one); 1–5 choose, T/F answer true/false; Ctrl+D "I don't know"; after an answer U (or 2) marks "unsure", 4 "easy", R
"I was right" and A shows the source in the article; E edits the question, @ suspends it (Ctrl+E, Ctrl+J from a text
field); Ctrl+Z undoes the last answer (in a text field, first the field's own typing).
"""

from __future__ import annotations

import logging
from pathlib import Path
from random import Random
from typing import Any

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.session import StudySession
from ..core.session_results import Feedback, Summary
from ..core.store import StoreError
from .changes import PROGRESS, Changes
from .context import AppContext, StudyRequest
from .question_widget_base import QuestionWidget
from .question_widgets import make_question_widget
from .study_corrections import StudyCorrections
from .study_views import (
    DONT_KNOW_KEY,
    MORE_NEW,
    IdleView,
    QuestionView,
    SummaryView,
    describe_due,
    fmt_elapsed,
)

log = logging.getLogger(__name__)


class _UndoPassesThrough(QObject):
    """On a text field: Ctrl+Z undoes the field's own typing while it has some, else the last answer (the page's
    shortcut; a QLineEdit takes every Ctrl+Z for itself otherwise)."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(obj, QLineEdit)
                and isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Undo)
                and not obj.isUndoAvailable()):
            return True  # not overridden: the shortcut fires
        return False


def _warm_typo_check() -> None:
    """Load the typo check's word list on a worker thread, so that the first near-miss is not a second late."""
    import threading

    from ..core.grading import warm_typo_check

    threading.Thread(target=warm_typo_check, daemon=True).start()


class StudyPage(QWidget):
    """Drives a StudySession with clicks and keys."""

    question_shown = Signal()  # a new question is on screen (used by the benchmark and tests)
    answered = Signal(object)  # Feedback
    finished = Signal()

    def __init__(self, ctx: AppContext, rng: Random | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rng = rng
        self.session: StudySession | None = None
        self.request: StudyRequest | None = None
        self.qwidget: QuestionWidget | None = None
        self.feedback: Feedback | None = None
        self._topic_titles: dict[str, str] = {}
        self._marked = "normal"
        self._last_response: Any = None
        self._elapsed = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_timer)
        self._undo_filter = _UndoPassesThrough(self)
        self.corrections = StudyCorrections(self)

        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.addWidget(self.stack)
        self.idle_view, self.question_view, self.summary_view = IdleView(), QuestionView(), SummaryView()
        for w in (self.idle_view, self.question_view, self.summary_view):
            self.stack.addWidget(w)
        self._name_views_widgets()
        self._connect_views()

        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo)
        dont_know = QShortcut(QKeySequence(DONT_KNOW_KEY), self)
        dont_know.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        dont_know.activated.connect(self.dont_know)
        for seq, slot in (("Ctrl+E", self.edit_current), ("Ctrl+J", self.suspend_current)):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        ctx.study_requested.connect(self.start)
        ctx.changed.connect(self._changed)
        ctx.profile_closing.connect(self.stop)  # while its store is still open: the session is closed in it

    # --- building ---------------------------------------------------------
    def _name_views_widgets(self) -> None:
        """The views' widgets under the page's own names (the session flow below, the tests, the benchmark)."""
        idle, qv, summ = self.idle_view, self.question_view, self.summary_view
        self.idle_label, self.idle_more_btn, self.idle_home_btn = idle.label, idle.more_btn, idle.home_btn
        self.topic_label, self.count_label, self.timer_label = qv.topic_label, qv.count_label, qv.timer_label
        self.progress, self.notice_label, self.scroll_area = qv.progress, qv.notice_label, qv.scroll_area
        self.body_layout, self.question_holder, self.feedback_panel = qv.body_layout, qv.question_holder, qv.feedback_panel
        self.verdict_label, self.answer_label, self.explanation_label = (
            qv.verdict_label, qv.answer_label, qv.explanation_label)
        self.answer_media = qv.answer_media
        self.source_label, self.due_label, self.show_source_btn = qv.source_label, qv.due_label, qv.show_source_btn
        self.undo_btn, self.dont_know_btn, self.submit_btn = qv.undo_btn, qv.dont_know_btn, qv.submit_btn
        self.unsure_btn, self.easy_btn, self.right_btn = qv.unsure_btn, qv.easy_btn, qv.right_btn
        self.accept_btn, self.continue_btn, self.edit_btn = qv.accept_btn, qv.continue_btn, qv.edit_btn
        self.suspend_btn, self.button_row = qv.suspend_btn, qv.button_row
        self.score_label, self.topic_grid, self.next_label = summ.score_label, summ.topic_grid, summ.next_label
        self.more_btn, self.home_btn = summ.more_btn, summ.home_btn

    def _connect_views(self) -> None:
        def go_home() -> None:
            self.ctx.page_requested.emit("home")

        for btn, slot in ((self.idle_more_btn, self.study_more), (self.idle_home_btn, go_home),
                          (self.show_source_btn, self.show_in_article), (self.undo_btn, self.undo),
                          (self.dont_know_btn, self.dont_know), (self.submit_btn, self.submit),
                          (self.unsure_btn, lambda: self.mark("unsure")), (self.easy_btn, lambda: self.mark("easy")),
                          (self.right_btn, self.i_was_right), (self.accept_btn, self.add_accepted),
                          (self.continue_btn, self.next_question), (self.edit_btn, self.edit_current),
                          (self.suspend_btn, self.suspend_current), (self.more_btn, self.study_more),
                          (self.home_btn, go_home)):
            btn.clicked.connect(lambda _checked=False, slot=slot: slot())

    # --- session flow -----------------------------------------------------
    def start(self, request: StudyRequest | None = None) -> None:
        """Begin a session for a request (None: everything due, then new questions)."""
        self.stop()
        self.request = request or StudyRequest()
        r = self.request
        self._topic_titles = {t.id: t.title for s in self.ctx.store.sets() for t in self.ctx.store.topics(s.id)}
        _warm_typo_check()
        self.session = StudySession(
            self.ctx.store, set_id=r.set_id, topics=r.topics, keys=r.keys, extra_new=r.extra_new,
            clock=self.ctx.clock, rng=self.rng,
        )
        if self.session.finished:
            self._show_idle()
        else:
            self.show_current()

    def stop(self) -> None:
        """End the running session (its answers are already saved)."""
        self._tick.stop()
        if self.session is not None:
            self.session.close()
        self.session = None
        self._clear_question()
        self._notify("")
        self.stack.setCurrentWidget(self.idle_view)

    def _show_idle(self) -> None:
        now = self.ctx.clock()
        r = self.request
        nxt = self.ctx.store.next_due_after(now, set_id=r.set_id if r else None, topics=r.topics if r else None)
        when = f" The next question is due {describe_due(nxt, now)}." if nxt else ""
        s = self.session
        if s is not None and s.new_limit_reached:
            per_day = s.settings.new_per_day
            self.idle_label.setText(f"{per_day} new question{'s' if per_day != 1 else ''} a day: today's are done."
                                    + when)
        else:
            self.idle_label.setText("Nothing to study here right now." + when)
        self.idle_more_btn.setVisible(s is not None and s.new_limit_reached)
        self.stack.setCurrentWidget(self.idle_view)
        (self.idle_more_btn if self.idle_more_btn.isVisible() else self.idle_home_btn).setFocus()

    def _clear_question(self) -> None:
        if self.qwidget is not None:
            self.qwidget.hide()
            self.qwidget.deleteLater()
            self.qwidget = None

    def show_current(self) -> None:
        """Put the session's current question on screen with a fresh input widget."""
        s = self.session
        if s is None or s.current is None or s.presentation is None:
            self._show_summary()
            return
        q = s.current
        self._clear_question()
        self.feedback = None
        self.qwidget = make_question_widget(q, s.presentation.options, media_folder=self._set_folder(s.current_key))
        self.qwidget.submit_requested.connect(self.submit)
        self.question_view.hold(self.qwidget)
        for edit in self.qwidget.findChildren(QLineEdit):
            edit.installEventFilter(self._undo_filter)
        self.topic_label.setText(self._topic_titles.get(q.topic, q.topic))
        done, total = s.progress
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self._show_counts()
        self.feedback_panel.hide()
        self.question_view.set_answering(True)
        self.undo_btn.setEnabled(s.can_undo)
        if self.stack.currentWidget() is not self.question_view:
            self.stack.setCurrentWidget(self.question_view)
        self.scroll_area.verticalScrollBar().setValue(0)
        self._elapsed.start()
        self.timer_label.setText("0:00")
        self._tick.start()
        self.qwidget.focus_input()
        self.question_shown.emit()

    def _set_folder(self, key: int | None) -> Path | None:
        """The folder of the set a question comes from (its images and sounds are there)."""
        if key is None:
            return None
        try:
            info = self.ctx.store.set_info(self.ctx.store.question_ref(key)[0])
        except (KeyError, StoreError) as e:  # (the question went meanwhile: shown without its images)
            log.info("no media folder for question %s: %s", key, e)
            return None
        return Path(info.path).parent if info is not None and info.path else None

    def _show_counts(self) -> None:
        if self.session is not None:
            self.question_view.show_counts(self.session.counts())

    # --- corrections: "I was right", its wording accepted (ui/study_corrections.py) ---------------------------
    def _can_overrule(self) -> bool:
        return self.corrections.can_overrule()

    def i_was_right(self) -> None:
        self.corrections.i_was_right()

    def add_accepted(self) -> None:
        self.corrections.add_accepted()

    def _update_timer(self) -> None:
        if self._elapsed.isValid():
            self.timer_label.setText(fmt_elapsed(self._elapsed.elapsed()))

    def submit(self) -> Feedback | None:
        """Grade the widget's response (ignored when nothing was given yet: use "I don't know")."""
        if self.session is None or self.qwidget is None or self.feedback is not None:
            return None
        if not self.qwidget.has_response():
            self._notify(f"{self.qwidget.empty_hint()}, or press {DONT_KNOW_KEY} for “I don't know”.")
            self.qwidget.focus_input()
            return None
        return self._answer(self.qwidget.response())

    def dont_know(self) -> Feedback | None:
        if self.session is None or self.qwidget is None or self.feedback is not None:
            return None
        return self._answer(None)

    def _answer(self, response: Any) -> Feedback | None:
        assert self.session is not None and self.qwidget is not None
        self._tick.stop()
        elapsed = int(self._elapsed.elapsed()) if self._elapsed.isValid() else None
        self.timer_label.setText(fmt_elapsed(elapsed or 0))
        try:
            fb = self.session.submit(response, duration_ms=elapsed)
        except StoreError as e:
            # the session's other questions may have gone with it: start again from what is there
            self._end_with(str(e).capitalize())
            return None
        self._notify("")
        self.feedback = fb
        self._last_response = response
        self._marked = "normal"
        self.qwidget.show_result(fb)
        self._show_feedback(fb)
        done, total = self.session.progress
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self._show_counts()
        self.ctx.notify(PROGRESS, self)
        self.answered.emit(fb)
        return fb

    def _show_feedback(self, fb: Feedback) -> None:
        self.question_view.show_feedback(fb, answered=self._last_response is not None,
                                         comes_back=describe_due(fb.due, self.ctx.clock()),
                                         can_overrule=self._can_overrule(),
                                         media_folder=self._set_folder(self.session.current_key)
                                         if fb.question.answer_media and self.session is not None else None)

    def _show_due(self, fb: Feedback) -> None:
        self.question_view.show_due(describe_due(fb.due, self.ctx.clock()))

    def mark(self, confidence: str) -> None:
        """Re-rate the last right answer: "unsure" (Hard) or "easy" (Easy); the same mark again takes it back."""
        if self.session is None or self.feedback is None or not self.feedback.correct:
            return
        if confidence == self._marked:
            confidence = "normal"
        try:
            self.feedback = self.session.mark(confidence)
        except (StoreError, KeyError) as e:
            self._failed(e)
            return
        self._marked = confidence
        self.unsure_btn.setChecked(confidence == "unsure")
        self.easy_btn.setChecked(confidence == "easy")
        self._show_due(self.feedback)
        self._show_counts()
        self.ctx.notify(PROGRESS, self)
        self.continue_btn.setFocus()

    def _changed(self, changes: Changes) -> None:
        """A change notice: the session is checked again when the library changed (a set deleted or edited, here or
        elsewhere), or when another page changed progress (a question suspended, a set purged, a reschedule)."""
        if changes.library or (changes.progress and changes.initiator is not self):
            self.revalidate()

    def revalidate(self) -> bool:
        """The library changed (a set deleted, purged or edited): the session drops what went and says so.
        True when something on screen changed."""
        if self.session is None:
            return False
        try:
            notice = self.session.revalidate()
        except (StoreError, KeyError) as e:
            self._end_with(f"The questions of this session changed ({e})")
            return True
        self.undo_btn.setEnabled(self.session.can_undo)
        if self.feedback is not None:
            for b in (self.unsure_btn, self.easy_btn):
                b.setEnabled(self.feedback.correct and self.session.can_mark)
        if notice is None:
            return False
        if self.session.finished:
            self._end_with(notice.rstrip("."))
            return True
        self.show_current()
        self._notify(notice)
        return True

    def _notify(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def _end_with(self, why: str) -> None:
        """End the session, saying why, on the idle view."""
        self.stop()
        self.idle_label.setText(f"{why}. Start again from Home.")
        self.idle_more_btn.hide()

    def _failed(self, e: Exception) -> None:
        """A step failed because the session's questions changed under it: check them again, or end it."""
        if not self.revalidate():
            self._end_with(f"This session can't go on: {e}")

    def next_question(self) -> None:
        """Continue after the feedback."""
        if self.session is None or self.feedback is None:
            return
        try:
            self.session.advance()
        except (StoreError, KeyError) as e:
            self._failed(e)
            return
        if self.session.finished:
            self._show_summary()
        else:
            self.show_current()

    def undo(self) -> None:
        """Take back the last answer and show that question again."""
        if self.session is None or not self.session.can_undo:
            return
        try:
            self.session.undo()
        except (StoreError, KeyError) as e:
            self._failed(e)
            return
        self.ctx.notify(PROGRESS, self)
        self.show_current()

    def edit_current(self) -> bool:
        """Open the question on screen in the editor (ui/study_corrections.py); True when saved."""
        return self.corrections.edit_current()

    def make_edit_dialog(self, set_id: str, question: Any) -> Any:
        """The editor dialog (tests replace exec)."""
        from .edit_question import EditQuestionDialog

        return EditQuestionDialog(self.ctx, set_id, question, self)

    def suspend_current(self) -> None:
        """Suspend the question on screen (@): it leaves every queue until unsuspended on the Sets page."""
        self.corrections.suspend_current()

    def study_more(self) -> None:
        """Start again on the same scope with some new questions beyond today's limit."""
        r = self.request or StudyRequest()
        self.start(StudyRequest(r.set_id, r.topics, None, r.extra_new + MORE_NEW))

    def show_in_article(self) -> None:
        if self.session is None or self.feedback is None or not self.feedback.question.source:
            return
        key = self.session.current_key
        if key is None:
            return
        set_id = self.ctx.store.question_ref(key)[0]
        self.ctx.show_in_article.emit(set_id, self.feedback.question.source)
        self.ctx.page_requested.emit("article")

    # --- summary ----------------------------------------------------------
    def _show_summary(self) -> None:
        self._tick.stop()
        self._clear_question()
        if self.session is None:
            return
        summary = self.session.summary()
        self.fill_summary(summary)
        self.more_btn.setVisible(self.session.new_limit_reached)
        self.stack.setCurrentWidget(self.summary_view)
        self.home_btn.setFocus()
        self.finished.emit()

    def fill_summary(self, summary: Summary) -> None:
        self.summary_view.fill(summary, self._topic_titles, self.ctx.clock())

    # --- keys ---------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_At:  # Shift+2 on most layouts
            mods &= ~Qt.KeyboardModifier.ShiftModifier
        if self.stack.currentWidget() is not self.question_view or mods not in (Qt.KeyboardModifier.NoModifier,):
            super().keyPressEvent(event)
            return
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        in_text = isinstance(self.focusWidget(), QLineEdit)
        space = key == Qt.Key.Key_Space and not in_text
        if not in_text and key in (Qt.Key.Key_E, Qt.Key.Key_At):
            (self.edit_current if key == Qt.Key.Key_E else self.suspend_current)()
            event.accept()
            return
        if self.feedback is None:
            if self.qwidget is not None and self.qwidget.handle_key(event):
                event.accept()
                return
            if enter or space:
                self.submit()
                event.accept()
                return
        else:
            if enter or space:
                self.next_question()
                event.accept()
                return
            if key in (Qt.Key.Key_U, Qt.Key.Key_2, Qt.Key.Key_4):
                self.mark("easy" if key == Qt.Key.Key_4 else "unsure")
                event.accept()
                return
            if key == Qt.Key.Key_R and self.right_btn.isVisible():
                self.right_btn.click()
                event.accept()
                return
            if key == Qt.Key.Key_A and self.show_source_btn.isVisible():
                self.show_in_article()
                event.accept()
                return
        super().keyPressEvent(event)
