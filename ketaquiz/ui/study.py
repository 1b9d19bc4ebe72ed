"""The Study page: one question at a time over a `StudySession`, feedback after each answer, a summary at the end.

Keys: Enter (or Space outside a text field) submits, then continues (Enter in a cloze gap moves to the next empty
one); 1–5 choose, T/F answer true/false; Ctrl+D "I don't know"; after an answer U (or 2) marks "unsure", 4 "easy", R
"I was right" and A shows the source in the article; E edits the question, @ suspends it (Ctrl+E, Ctrl+J from a text
field); Ctrl+Z undoes the last answer (in a text field, first the field's own typing).
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from random import Random
from typing import Any

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.question_types import kind_of
from ..core.questions import explanation_without_source
from ..core.session import Feedback, StudySession, Summary
from ..core.store import StoreError
from . import plain
from .changes import LIBRARY, PROGRESS, Changes
from .context import AppContext, StudyRequest
from .question_widgets import QuestionWidget, make_question_widget
from .reflow import flow_row

log = logging.getLogger(__name__)

MORE_NEW = 10  # "Study more": new questions beyond today's limit
DONT_KNOW_KEY = "Ctrl+D"  # with a modifier: it works from a text field too


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


def describe_due(due: datetime | None, now: datetime) -> str:
    """'in 10 minutes', 'in 3 hours', 'tomorrow', 'in 5 days' — when something comes back."""
    if due is None:
        return "not scheduled"
    secs = (due - now).total_seconds()
    # Rounded to the nearest unit: the feedback is shown a moment after the answer was timed, so a one-minute
    # step is 59.9 s away by then, and it comes back in a minute, not "now".
    if secs < 30:
        return "now"
    m = round(secs / 60)
    if m < 60:
        return f"in {m} minute{'s' if m != 1 else ''}"
    h = round(secs / 3600)
    if h < 24:
        return f"in {h} hour{'s' if h != 1 else ''}"
    d = round(secs / 86400)
    return "tomorrow" if d <= 1 else f"in {d} days"


def _shorten(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _fmt_elapsed(ms: int) -> str:
    s = ms // 1000
    return f"{s // 60}:{s % 60:02d}"


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

        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.addWidget(self.stack)
        self.idle_view = self._build_idle()
        self.question_view = self._build_question_view()
        self.summary_view = self._build_summary()
        for w in (self.idle_view, self.question_view, self.summary_view):
            self.stack.addWidget(w)

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
    def _build_idle(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.idle_label = plain.label("Choose something to study on the Home page.")
        self.idle_label.setObjectName("heading")
        self.idle_label.setWordWrap(True)
        lay.addStretch(1)
        # Centred by its own alignment, at the layout's full width: added with a layout alignment, a wrapped
        # label got its one-line size and was clipped (at 1920x1080 and 16 pt both lines were cut).
        self.idle_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.idle_label)
        row = QHBoxLayout()
        self.idle_more_btn = QPushButton(f"Study {MORE_NEW} more new today")
        self.idle_more_btn.setAccessibleName(f"Study {MORE_NEW} more new questions today, beyond the daily limit")
        self.idle_more_btn.setObjectName("primary")
        self.idle_more_btn.clicked.connect(self.study_more)
        self.idle_home_btn = home = QPushButton("Back to Home")
        home.setAccessibleName("Back to Home")
        home.clicked.connect(lambda: self.ctx.page_requested.emit("home"))
        row.addStretch(1)
        row.addWidget(self.idle_more_btn)
        row.addWidget(home)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(2)
        return w

    def _build_question_view(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.setSpacing(12)
        top = QHBoxLayout()
        self.topic_label = plain.label()
        self.topic_label.setObjectName("topic")
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Progress")
        self.timer_label = QLabel("0:00")
        self.timer_label.setAccessibleName("Time on this question")
        self.timer_label.setToolTip("Time on this question")
        top.addWidget(self.topic_label, 1)
        top.addWidget(self.count_label)
        top.addSpacing(12)
        top.addWidget(self.timer_label)
        lay.addLayout(top)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.setAccessibleName("Session progress")
        lay.addWidget(self.progress)
        self.notice_label = QLabel()  # what changed under the session (a question deleted or edited meanwhile)
        self.notice_label.setObjectName("hint")
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_label.setAccessibleName("Notice")
        self.notice_label.hide()
        lay.addWidget(self.notice_label)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(0, 8, 0, 8)
        self.body_layout.setSpacing(14)
        self.question_holder = QVBoxLayout()
        self.body_layout.addLayout(self.question_holder)

        self.feedback_panel = QFrame()
        self.feedback_panel.setObjectName("feedback")
        self.feedback_panel.setFrameShape(QFrame.Shape.StyledPanel)
        fb = QVBoxLayout(self.feedback_panel)
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("verdict")
        self.verdict_label.setAccessibleName("Verdict")
        self.answer_label = QLabel()
        self.answer_label.setWordWrap(True)
        self.answer_label.setAccessibleName("Right answer")
        self.answer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation_label = QLabel()
        self.explanation_label.setWordWrap(True)
        self.explanation_label.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation_label.setAccessibleName("Explanation")
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.source_label.setObjectName("quote")
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)
        self.source_label.setAccessibleName("Source quote")
        self.due_label = QLabel()
        self.due_label.setObjectName("hint")
        self.due_label.setAccessibleName("When it comes back")
        for lab in (self.answer_label, self.explanation_label, self.source_label):
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        fb.addWidget(self.verdict_label)
        fb.addWidget(self.answer_label)
        fb.addWidget(self.explanation_label)
        fb.addWidget(self.source_label)
        src_row = QHBoxLayout()
        self.show_source_btn = QPushButton("Show in article  (A)")
        self.show_source_btn.setAccessibleName("Show the source in the article")
        self.show_source_btn.clicked.connect(self.show_in_article)
        src_row.addWidget(self.show_source_btn)
        src_row.addStretch(1)
        src_row.addWidget(self.due_label)
        fb.addLayout(src_row)
        self.body_layout.addWidget(self.feedback_panel)
        self.body_layout.addStretch(1)
        self.scroll_area.setWidget(body)
        lay.addWidget(self.scroll_area, 1)

        buttons = QHBoxLayout()
        self.undo_btn = QPushButton("Undo  (Ctrl+Z)")
        self.undo_btn.setAccessibleName("Undo the last answer")
        self.undo_btn.clicked.connect(self.undo)
        self.dont_know_btn = QPushButton(f"I don't know  ({DONT_KNOW_KEY})")
        self.dont_know_btn.setAccessibleName("I don't know")
        self.dont_know_btn.clicked.connect(self.dont_know)
        self.submit_btn = QPushButton("Submit  (Enter)")
        self.submit_btn.setAccessibleName("Submit the answer")
        self.submit_btn.setObjectName("primary")
        self.submit_btn.clicked.connect(self.submit)
        self.unsure_btn = QPushButton("Unsure  (U)")
        self.unsure_btn.setToolTip("Right, but unsure: see it sooner (U or 2, Anki's Hard)")
        self.unsure_btn.setAccessibleName("Mark unsure: see it sooner")
        self.unsure_btn.setCheckable(True)
        self.unsure_btn.clicked.connect(lambda: self.mark("unsure"))
        self.easy_btn = QPushButton("Easy  (4)")
        self.easy_btn.setAccessibleName("Mark easy: see it later")
        self.easy_btn.setCheckable(True)
        self.easy_btn.clicked.connect(lambda: self.mark("easy"))
        self.right_btn = QPushButton("I was right  (R)")
        self.right_btn.setAccessibleName("I was right: count this typed answer as right")
        self.right_btn.setToolTip("Your wording was right but not among the accepted answers: count it right "
                                  "(press again to take it back)")
        self.right_btn.setCheckable(True)
        self.right_btn.clicked.connect(self.i_was_right)
        self.accept_btn = QPushButton("Add to accepted answers")
        self.accept_btn.setAccessibleName("Add your wording to the question's accepted answers")
        self.accept_btn.clicked.connect(self.add_accepted)
        self.continue_btn = QPushButton("Continue  (Enter)")
        self.continue_btn.setAccessibleName("Continue to the next question")
        self.continue_btn.setObjectName("primary")
        self.continue_btn.clicked.connect(self.next_question)
        self.edit_btn = QPushButton("Edit  (E)")
        self.edit_btn.setAccessibleName("Edit this question")
        self.edit_btn.setToolTip("Change this question in its set file (E, or Ctrl+E from a text field)")
        self.edit_btn.clicked.connect(self.edit_current)
        self.suspend_btn = QPushButton("Suspend  (@)")
        self.suspend_btn.setAccessibleName("Suspend this question")
        self.suspend_btn.setToolTip("Keep this question out of study until you unsuspend it on the Sets page "
                                    "(@, or Ctrl+J from a text field)")
        self.suspend_btn.clicked.connect(self.suspend_current)
        answer_row = (self.dont_know_btn, self.submit_btn, self.right_btn, self.accept_btn, self.unsure_btn,
                      self.easy_btn, self.continue_btn)
        for b in answer_row:
            b.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        # One row that wraps where space runs out (1024x640 at 16 pt cut the buttons' labels off).
        self.button_row = flow_row(self.undo_btn, self.edit_btn, self.suspend_btn, *answer_row, h_spacing=8)
        buttons.addWidget(self.button_row, 1)
        lay.addLayout(buttons)
        return w

    def _build_summary(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        title = QLabel("Session complete")
        title.setObjectName("heading")
        self.score_label = QLabel()
        self.score_label.setObjectName("score")
        self.score_label.setAccessibleName("Score")
        self.topic_grid = QGridLayout()
        self.topic_grid.setHorizontalSpacing(24)
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.next_label.setAccessibleName("When questions are next due")
        row = QHBoxLayout()
        self.more_btn = QPushButton(f"Study {MORE_NEW} more new today")
        self.more_btn.setAccessibleName(f"Study {MORE_NEW} more new questions today, beyond the daily limit")
        self.more_btn.clicked.connect(self.study_more)
        self.home_btn = QPushButton("Back to Home")
        self.home_btn.setObjectName("primary")
        self.home_btn.setAccessibleName("Back to Home")
        self.home_btn.clicked.connect(lambda: self.ctx.page_requested.emit("home"))
        row.addWidget(self.home_btn)
        row.addWidget(self.more_btn)
        row.addStretch(1)
        lay.addWidget(title)
        lay.addWidget(self.score_label)
        lay.addSpacing(8)
        lay.addLayout(self.topic_grid)
        lay.addSpacing(8)
        lay.addWidget(self.next_label)
        lay.addSpacing(8)
        lay.addLayout(row)
        lay.addStretch(1)
        return w

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
        self.question_holder.addWidget(self.qwidget)
        for edit in self.qwidget.findChildren(QLineEdit):
            edit.installEventFilter(self._undo_filter)
        # The widget is made after the buttons: put its inputs first in the tab order, then the buttons.
        inputs = [c for c in self.qwidget.findChildren(QWidget) if c.focusPolicy() & Qt.FocusPolicy.TabFocus]
        chain = inputs + [self.dont_know_btn, self.submit_btn, self.right_btn, self.accept_btn, self.unsure_btn,
                          self.easy_btn, self.continue_btn,
                          self.undo_btn]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)
        self.topic_label.setText(self._topic_titles.get(q.topic, q.topic))
        done, total = s.progress
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self._show_counts()
        self.feedback_panel.hide()
        self._set_answering(True)
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
        """What is left, as Anki's three numbers (the question on screen included until it is answered)."""
        if self.session is None:
            return
        c = self.session.counts()
        self.count_label.setText(f"{c.new} new · {c.learning} learning · {c.review} review")
        self.count_label.setToolTip("Left in this session: new questions, questions in learning (they come back "
                                    "within minutes) and reviews")

    def _set_answering(self, answering: bool) -> None:
        self.dont_know_btn.setVisible(answering)
        self.submit_btn.setVisible(answering)
        self.unsure_btn.setVisible(not answering)
        self.easy_btn.setVisible(not answering)
        self.continue_btn.setVisible(not answering)
        if answering:
            self.right_btn.hide()
            self.accept_btn.hide()

    def _can_overrule(self) -> bool:
        """A typed answer graded wrong (or counted right by "I was right"), while its question is still there."""
        fb, s = self.feedback, self.session
        return (fb is not None and s is not None and s.can_mark and kind_of(fb.question.type).typed
                and self._last_response is not None and (not fb.correct or fb.grade.overruled))

    def i_was_right(self) -> None:
        """Count the typed answer right ("I was right"); again, back to wrong. Then offer to accept the wording."""
        if not self._can_overrule():
            self.right_btn.setChecked(False)
            return
        assert self.session is not None and self.feedback is not None
        try:
            fb = self.session.overrule(not self.feedback.grade.overruled)
        except (StoreError, KeyError) as e:
            self._failed(e)
            return
        self.feedback = fb
        self._show_feedback(fb)
        self.right_btn.show()
        self.right_btn.setChecked(fb.grade.overruled)
        self._offer_accept(fb)
        self._show_counts()
        self.ctx.notify(PROGRESS, self)
        self.continue_btn.setFocus()

    def _offer_accept(self, fb: Feedback) -> None:
        from ..core.question_edits import with_accepted

        changed = with_accepted(fb.question, self._last_response) if fb.grade.overruled else None
        self.accept_btn.setVisible(changed is not None)
        if changed is not None:
            wording = self._last_response if isinstance(self._last_response, str) else "; ".join(self._last_response)
            self.accept_btn.setEnabled(True)
            self.accept_btn.setText(f"Accept “{_shorten(wording)}” from now on")

    def add_accepted(self) -> None:
        """Save the learner's wording as an accepted answer of the question (in its set file)."""
        from ..core.authoring import AuthoringError
        from ..core.question_edits import save_question, with_accepted

        fb, s = self.feedback, self.session
        if fb is None or s is None or not fb.grade.overruled:
            return
        changed = with_accepted(fb.question, self._last_response)
        if changed is None:
            return
        try:
            set_id = self.ctx.store.question_ref(s.current_key)[0] if s.current_key is not None else ""
            save_question(self.ctx.data, self.ctx.store, set_id, changed)
        except (AuthoringError, OSError, KeyError, StoreError) as e:
            self._notify(f"Could not add it: {e}")
            return
        self.accept_btn.setText("Added to the accepted answers")
        self.accept_btn.setEnabled(False)
        self.ctx.notify(LIBRARY, self)
        self.continue_btn.setFocus()

    def _update_timer(self) -> None:
        if self._elapsed.isValid():
            self.timer_label.setText(_fmt_elapsed(self._elapsed.elapsed()))

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
        self.timer_label.setText(_fmt_elapsed(elapsed or 0))
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
        q = fb.question
        g = fb.grade
        if g.correct:
            self.verdict_label.setText("✓  " + g.message)
            self.verdict_label.setProperty("ok", True)
        else:
            self.verdict_label.setText("✗  Wrong" if self._last_response is not None else "✗  I don't know")
            self.verdict_label.setProperty("ok", False)
        self.verdict_label.style().unpolish(self.verdict_label)
        self.verdict_label.style().polish(self.verdict_label)
        note = g.typo_note
        self.answer_label.setText(f"Answer: {g.expected}" + (f"\nAccepted with a typo: {note}." if note else ""))
        explanation = explanation_without_source(q.explanation, q.source)
        self.explanation_label.setText(explanation)
        self.explanation_label.setVisible(bool(explanation))
        self.source_label.setText(f"“{q.source}”" if q.source else "")
        self.source_label.setVisible(bool(q.source))
        self.show_source_btn.setVisible(bool(q.source))
        self._show_due(fb)
        for b in (self.unsure_btn, self.easy_btn):
            b.setChecked(False)
            b.setEnabled(g.correct)
        self.right_btn.setVisible(self._can_overrule())
        self.right_btn.setChecked(g.overruled)
        if not g.overruled:
            self.accept_btn.hide()
        self.feedback_panel.show()
        self._set_answering(False)
        self.undo_btn.setEnabled(True)
        self.continue_btn.setFocus()

    def _show_due(self, fb: Feedback) -> None:
        self.due_label.setText(f"Comes back {describe_due(fb.due, self.ctx.clock())}")

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
        """Open the question on screen in the editor; saved, the session shows it as edited (progress kept)."""
        from ..core.authoring import AuthoringError

        s = self.session
        if s is None or s.current_key is None or s.current is None:
            return False
        try:
            set_id = self.ctx.store.question_ref(s.current_key)[0]
            dialog = self.make_edit_dialog(set_id, s.current)
        except (AuthoringError, KeyError, StoreError, OSError, ValueError) as e:
            self._notify(f"This question can't be edited here: {e}.")
            return False
        if not dialog.exec():
            return False
        self.ctx.notify(LIBRARY, self)  # the session re-reads it (revalidate): shown as edited if unanswered
        if self.feedback is not None:
            self._notify("Saved: the changes show the next time this question comes up.")
        return True

    def make_edit_dialog(self, set_id: str, question: Any) -> Any:
        """The editor dialog (tests replace exec)."""
        from .edit_question import EditQuestionDialog

        return EditQuestionDialog(self.ctx, set_id, question, self)

    def suspend_current(self) -> None:
        """Suspend the question on screen (@): it leaves every queue until unsuspended on the Sets page."""
        s = self.session
        if s is None or s.current_key is None:
            return
        qid = s.current.id if s.current is not None else ""
        answered = self.feedback is not None
        try:
            s.suspend_current()
        except (StoreError, KeyError) as e:
            self._failed(e)
            return
        self.ctx.notify(PROGRESS, self)
        note = f"Question {qid} suspended: unsuspend it on the Sets page."
        if answered:
            self._notify(note)
            return
        if s.finished:
            self._show_summary()
            return
        self.show_current()
        self._notify(note)

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
        acc = summary.accuracy
        self.score_label.setText(
            f"{summary.correct} of {summary.answered} right" + (f"  ({acc:.0%})" if acc is not None else "")
        )
        while self.topic_grid.count():
            item = self.topic_grid.takeAt(0)
            if item is not None and (w := item.widget()) is not None:
                w.deleteLater()
        for col, text in enumerate(("Topic", "Right", "Accuracy")):
            head = QLabel(text)
            head.setObjectName("hint")
            self.topic_grid.addWidget(head, 0, col)
        self.topic_grid.setColumnStretch(3, 1)
        for row, (topic, score) in enumerate(summary.per_topic.items(), start=1):
            name = plain.label(self._topic_titles.get(topic, topic))
            figures = QLabel(f"{score.correct} / {score.answered}")
            pct = QLabel(f"{score.accuracy:.0%}" if score.accuracy is not None else "–")
            for col, lab in enumerate((name, figures, pct)):
                self.topic_grid.addWidget(lab, row, col)
        now = self.ctx.clock()
        if summary.next_due is not None:
            when = describe_due(summary.next_due, now)
            local = summary.next_due.astimezone()
            text = f"Next questions due {when} ({local:%a %d %b, %H:%M})."
        else:
            text = "Nothing is scheduled yet."
        if summary.due_tomorrow:
            text += f" {summary.due_tomorrow} due by the end of tomorrow."
        self.next_label.setText(text)

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
