"""What the learner corrects from the Study page: "I was right" on a typed answer graded wrong (and its wording
accepted from now on), the question on screen edited, or suspended. The page (ui/study.py) keeps the session flow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.question_types import kind_of
from ..core.session_results import Feedback
from ..core.store import StoreError
from .changes import LIBRARY, PROGRESS
from .study_views import shorten

if TYPE_CHECKING:
    from .study import StudyPage


class StudyCorrections:
    """The Study page's corrections; it calls them (its buttons, keys and menu items stay its own)."""

    def __init__(self, page: StudyPage) -> None:
        self.page = page

    def can_overrule(self) -> bool:
        """A typed answer graded wrong (or counted right by "I was right"), while its question is still there."""
        page = self.page
        fb, s = page.feedback, page.session
        return (fb is not None and s is not None and s.can_mark and kind_of(fb.question.type).typed
                and page._last_response is not None and (not fb.correct or fb.grade.overruled))

    def i_was_right(self) -> None:
        """Count the typed answer right ("I was right"); again, back to wrong. Then offer to accept the wording."""
        page = self.page
        if not self.can_overrule():
            page.right_btn.setChecked(False)
            return
        assert page.session is not None and page.feedback is not None
        try:
            fb = page.session.overrule(not page.feedback.grade.overruled)
        except (StoreError, KeyError) as e:
            page._failed(e)
            return
        page.feedback = fb
        page._show_feedback(fb)
        page.right_btn.show()
        page.right_btn.setChecked(fb.grade.overruled)
        self.offer_accept(fb)
        page._show_counts()
        page.ctx.notify(PROGRESS, page)
        page.continue_btn.setFocus()

    def offer_accept(self, fb: Feedback) -> None:
        from ..core.question_edits import with_accepted

        page = self.page
        changed = with_accepted(fb.question, page._last_response) if fb.grade.overruled else None
        page.accept_btn.setVisible(changed is not None)
        if changed is not None:
            wording = page._last_response if isinstance(page._last_response, str) else "; ".join(page._last_response)
            page.accept_btn.setEnabled(True)
            page.accept_btn.setText(f"Accept “{shorten(wording)}” from now on")

    def add_accepted(self) -> None:
        """Save the learner's wording as an accepted answer of the question (in its set file)."""
        from ..core.authoring import AuthoringError
        from ..core.question_edits import save_question, with_accepted

        page = self.page
        fb, s = page.feedback, page.session
        if fb is None or s is None or not fb.grade.overruled:
            return
        changed = with_accepted(fb.question, page._last_response)
        if changed is None:
            return
        try:
            set_id = page.ctx.store.question_ref(s.current_key)[0] if s.current_key is not None else ""
            save_question(page.ctx.data, page.ctx.store, set_id, changed)
        except (AuthoringError, OSError, KeyError, StoreError) as e:
            page._notify(f"Could not add it: {e}")
            return
        page.accept_btn.setText("Added to the accepted answers")
        page.accept_btn.setEnabled(False)
        page.ctx.notify(LIBRARY, page)
        page.continue_btn.setFocus()

    def edit_current(self) -> bool:
        """Open the question on screen in the editor; saved, the session shows it as edited (progress kept)."""
        from ..core.authoring import AuthoringError

        page = self.page
        s = page.session
        if s is None or s.current_key is None or s.current is None:
            return False
        try:
            set_id = page.ctx.store.question_ref(s.current_key)[0]
            dialog = page.make_edit_dialog(set_id, s.current)
        except (AuthoringError, KeyError, StoreError, OSError, ValueError) as e:
            page._notify(f"This question can't be edited here: {e}.")
            return False
        if not dialog.exec():
            return False
        page.ctx.notify(LIBRARY, page)  # the session re-reads it (revalidate): shown as edited if unanswered
        if page.feedback is not None:
            page._notify("Saved: the changes show the next time this question comes up.")
        return True

    def suspend_current(self) -> None:
        """Suspend the question on screen (@): it leaves every queue until unsuspended on the Sets page."""
        page = self.page
        s = page.session
        if s is None or s.current_key is None:
            return
        qid = s.current.id if s.current is not None else ""
        answered = page.feedback is not None
        try:
            s.suspend_current()
        except (StoreError, KeyError) as e:
            page._failed(e)
            return
        page.ctx.notify(PROGRESS, page)
        note = f"Question {qid} suspended: unsuspend it on the Sets page."
        if answered:
            page._notify(note)
            return
        if s.finished:
            page._show_summary()
            return
        page.show_current()
        page._notify(note)
