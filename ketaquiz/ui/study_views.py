"""The Study page's three views: idle (nothing to study), the question with its feedback and buttons, and the
summary at the end of a session. They hold widgets and fill them; the page (ui/study.py) drives the session and
connects their buttons."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core.questions import explanation_without_source
from ..core.session_results import Feedback, QueueCounts, Summary
from . import plain
from .question_media import media_widgets
from .reflow import flow_row

MORE_NEW = 10  # "Study more": new questions beyond today's limit
DONT_KNOW_KEY = "Ctrl+D"  # with a modifier: it works from a text field too


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


def shorten(text: str, n: int = 40) -> str:
    """At most `n` characters, an ellipsis ending what was cut."""
    return text if len(text) <= n else text[: n - 1] + "…"


def fmt_elapsed(ms: int) -> str:
    """Milliseconds as m:ss."""
    s = ms // 1000
    return f"{s // 60}:{s % 60:02d}"


class IdleView(QWidget):
    """No session: what to do instead (study more new questions, or go Home)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.label = plain.label("Choose something to study on the Home page.")
        self.label.setObjectName("heading")
        self.label.setWordWrap(True)
        lay.addStretch(1)
        # Centred by its own alignment, at the layout's full width: added with a layout alignment, a wrapped
        # label got its one-line size and was clipped (at 1920x1080 and 16 pt both lines were cut).
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.label)
        row = QHBoxLayout()
        self.more_btn = QPushButton(f"Study {MORE_NEW} more new today")
        self.more_btn.setAccessibleName(f"Study {MORE_NEW} more new questions today, beyond the daily limit")
        self.more_btn.setObjectName("primary")
        self.home_btn = home = QPushButton("Back to Home")
        home.setAccessibleName("Back to Home")
        row.addStretch(1)
        row.addWidget(self.more_btn)
        row.addWidget(home)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(2)


class QuestionView(QWidget):
    """One question: where it stands in the session, the question's widget (in `question_holder`), the feedback
    after an answer, and the buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setSpacing(12)
        self._make_header(lay)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(0, 8, 0, 8)
        self.body_layout.setSpacing(14)
        self.question_holder = QVBoxLayout()
        self.body_layout.addLayout(self.question_holder)
        self._make_feedback()
        self.body_layout.addWidget(self.feedback_panel)
        self.body_layout.addStretch(1)
        self.scroll_area.setWidget(body)
        lay.addWidget(self.scroll_area, 1)
        buttons = QHBoxLayout()
        self._make_buttons()
        buttons.addWidget(self.button_row, 1)
        lay.addLayout(buttons)

    def _make_header(self, lay: QVBoxLayout) -> None:
        """The topic, the count, the time on the question, the session's progress and a notice line."""
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

    def _make_feedback(self) -> None:
        """The panel shown after an answer: verdict, right answer, explanation, source, when it comes back."""
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
        self.answer_media = QWidget()  # the images and sounds shown with the answer (answer_media)
        self.answer_media.setAccessibleName("Images with the answer")
        self._answer_media_lay = QVBoxLayout(self.answer_media)
        self._answer_media_lay.setContentsMargins(0, 0, 0, 0)
        fb.addWidget(self.answer_media)
        fb.addWidget(self.explanation_label)
        fb.addWidget(self.source_label)
        src_row = QHBoxLayout()
        self.show_source_btn = QPushButton("Show in article  (A)")
        self.show_source_btn.setAccessibleName("Show the source in the article")
        src_row.addWidget(self.show_source_btn)
        src_row.addStretch(1)
        src_row.addWidget(self.due_label)
        fb.addLayout(src_row)

    def _make_buttons(self) -> None:
        """The buttons, in one row that wraps where space runs out (`button_row`)."""
        self.undo_btn = QPushButton("Undo  (Ctrl+Z)")
        self.undo_btn.setAccessibleName("Undo the last answer")
        self.dont_know_btn = QPushButton(f"I don't know  ({DONT_KNOW_KEY})")
        self.dont_know_btn.setAccessibleName("I don't know")
        self.submit_btn = QPushButton("Submit  (Enter)")
        self.submit_btn.setAccessibleName("Submit the answer")
        self.submit_btn.setObjectName("primary")
        self.unsure_btn = QPushButton("Unsure  (U)")
        self.unsure_btn.setToolTip("Right, but unsure: see it sooner (U or 2, Anki's Hard)")
        self.unsure_btn.setAccessibleName("Mark unsure: see it sooner")
        self.unsure_btn.setCheckable(True)
        self.easy_btn = QPushButton("Easy  (4)")
        self.easy_btn.setAccessibleName("Mark easy: see it later")
        self.easy_btn.setCheckable(True)
        self.right_btn = QPushButton("I was right  (R)")
        self.right_btn.setAccessibleName("I was right: count this typed answer as right")
        self.right_btn.setToolTip("Your wording was right but not among the accepted answers: count it right "
                                  "(press again to take it back)")
        self.right_btn.setCheckable(True)
        self.accept_btn = QPushButton("Add to accepted answers")
        self.accept_btn.setAccessibleName("Add your wording to the question's accepted answers")
        self.continue_btn = QPushButton("Continue  (Enter)")
        self.continue_btn.setAccessibleName("Continue to the next question")
        self.continue_btn.setObjectName("primary")
        self.edit_btn = QPushButton("Edit  (E)")
        self.edit_btn.setAccessibleName("Edit this question")
        self.edit_btn.setToolTip("Change this question in its set file (E, or Ctrl+E from a text field)")
        self.suspend_btn = QPushButton("Suspend  (@)")
        self.suspend_btn.setAccessibleName("Suspend this question")
        self.suspend_btn.setToolTip("Keep this question out of study until you unsuspend it on the Sets page "
                                    "(@, or Ctrl+J from a text field)")
        answer_row = (self.dont_know_btn, self.submit_btn, self.right_btn, self.accept_btn, self.unsure_btn,
                      self.easy_btn, self.continue_btn)
        for b in answer_row:
            b.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        # One row that wraps where space runs out (1024x640 at 16 pt cut the buttons' labels off).
        self.button_row = flow_row(self.undo_btn, self.edit_btn, self.suspend_btn, *answer_row, h_spacing=8)


    # --- filling it ---------------------------------------------------------------------
    def hold(self, qwidget: QWidget) -> None:
        """Show this question's input widget; its inputs come first in the tab order, then the buttons (the
        widget is made after them)."""
        self.question_holder.addWidget(qwidget)
        inputs = [c for c in qwidget.findChildren(QWidget) if c.focusPolicy() & Qt.FocusPolicy.TabFocus]
        chain = inputs + [self.dont_know_btn, self.submit_btn, self.right_btn, self.accept_btn, self.unsure_btn,
                          self.easy_btn, self.continue_btn,
                          self.undo_btn]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    def show_counts(self, c: QueueCounts) -> None:
        """What is left, as Anki's three numbers (the question on screen included until it is answered)."""
        self.count_label.setText(f"{c.new} new · {c.learning} learning · {c.review} review")
        self.count_label.setToolTip("Left in this session: new questions, questions in learning (they come back "
                                    "within minutes) and reviews")

    def set_answering(self, answering: bool) -> None:
        """The buttons for answering, or those for after the answer."""
        self.dont_know_btn.setVisible(answering)
        self.submit_btn.setVisible(answering)
        self.unsure_btn.setVisible(not answering)
        self.easy_btn.setVisible(not answering)
        self.continue_btn.setVisible(not answering)
        if answering:
            self.right_btn.hide()
            self.accept_btn.hide()

    def show_due(self, comes_back: str) -> None:
        self.due_label.setText(f"Comes back {comes_back}")

    def _show_answer_media(self, names: list[str], folder: Path | None) -> None:
        lay = self._answer_media_lay
        while (item := lay.takeAt(0)) is not None:
            if (old := item.widget()) is not None:
                old.deleteLater()
        for widget in media_widgets(names, folder, self.answer_media):
            lay.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        self.answer_media.setVisible(bool(names))

    def show_feedback(self, fb: Feedback, *, answered: bool, comes_back: str, can_overrule: bool,
                      media_folder: Path | None = None) -> None:
        """The verdict on an answer (`answered` False: "I don't know"), the right answer (with its images and sounds,
        from the set's `media_folder`), explanation and source, when it comes back; "I was right" offered when
        `can_overrule`."""
        q = fb.question
        g = fb.grade
        if g.correct:
            self.verdict_label.setText("✓  " + g.message)
            self.verdict_label.setProperty("ok", True)
        else:
            self.verdict_label.setText("✗  Wrong" if answered else "✗  I don't know")
            self.verdict_label.setProperty("ok", False)
        self.verdict_label.style().unpolish(self.verdict_label)
        self.verdict_label.style().polish(self.verdict_label)
        note = g.typo_note
        self.answer_label.setText(f"Answer: {g.expected}" + (f"\nAccepted with a typo: {note}." if note else ""))
        self._show_answer_media(q.answer_media, media_folder)
        explanation = explanation_without_source(q.explanation, q.source)
        self.explanation_label.setText(explanation)
        self.explanation_label.setVisible(bool(explanation))
        self.source_label.setText(f"“{q.source}”" if q.source else "")
        self.source_label.setVisible(bool(q.source))
        self.show_source_btn.setVisible(bool(q.source))
        self.show_due(comes_back)
        for b in (self.unsure_btn, self.easy_btn):
            b.setChecked(False)
            b.setEnabled(g.correct)
        self.right_btn.setVisible(can_overrule)
        self.right_btn.setChecked(g.overruled)
        if not g.overruled:
            self.accept_btn.hide()
        self.feedback_panel.show()
        self.set_answering(False)
        self.undo_btn.setEnabled(True)
        self.continue_btn.setFocus()


class SummaryView(QWidget):
    """The end of a session: the score, per topic, and when questions are next due."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
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
        self.home_btn = QPushButton("Back to Home")
        self.home_btn.setObjectName("primary")
        self.home_btn.setAccessibleName("Back to Home")
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

    def fill(self, summary: Summary, topic_titles: dict[str, str], now: datetime) -> None:
        """The session's `summary`, topics under their titles, the next due time as seen at `now`."""
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
            name = plain.label(topic_titles.get(topic, topic))
            figures = QLabel(f"{score.correct} / {score.answered}")
            pct = QLabel(f"{score.accuracy:.0%}" if score.accuracy is not None else "–")
            for col, lab in enumerate((name, figures, pct)):
                self.topic_grid.addWidget(lab, row, col)
        if summary.next_due is not None:
            when = describe_due(summary.next_due, now)
            local = summary.next_due.astimezone()
            text = f"Next questions due {when} ({local:%a %d %b, %H:%M})."
        else:
            text = "Nothing is scheduled yet."
        if summary.due_tomorrow:
            text += f" {summary.due_tomorrow} due by the end of tomorrow."
        self.next_label.setText(text)
