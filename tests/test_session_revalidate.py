"""StudySession.revalidate: questions deleted or retired under a running session leave it, undo and re-rating
of their answers are refused, the question on screen is skipped."""

from __future__ import annotations

from random import Random

from ketaquiz.core.session import StudySession


def test_revalidate_drops_a_deleted_set_and_keeps_the_others(store, clock):
    s = StudySession(store, set_id="ketamine", limit=None, clock=clock, rng=Random(1))
    first = s.current_key
    s.submit(None)
    assert s.can_undo and s.can_mark
    assert s.revalidate() is None  # nothing changed
    store.mark_set_deleted("ketamine")
    assert s.revalidate() is None  # the answer's feedback stays on screen
    assert not s.can_undo and not s.can_mark and s.undo() is None
    assert s.advance() is None and s.finished
    store.mark_set_deleted("ketamine", deleted=False)
    s2 = StudySession(store, set_id="ketamine", clock=clock, rng=Random(1))
    assert s2.current_key == first  # its learning step, a minute away, is due now (the 20-minute learn-ahead)
    store.mark_set_deleted("ketamine")
    assert "nothing else is left" in (s2.revalidate() or "")
    assert s2.finished


def test_a_finished_session_keeps_its_end_time_when_closed_later(store, clock):
    """Issue 16: a session finished at 9:05 and left on screen until the next one started read two hours long."""
    from datetime import timedelta

    from ketaquiz.core.dashboard import sessions

    key = store.questions("ketamine")[0][0]
    s = StudySession(store, keys=[key], clock=clock, rng=Random(1))
    clock.advance(minutes=5)
    s.submit(s.current.answer if s.current.type != "cloze" else None)
    s.advance()
    s.limit = 1
    if not s.finished:  # a learning step brings it back: stop at the limit
        s.advance()
    assert s.finished
    ended = clock()
    clock.advance(hours=2)
    s.close()
    [row] = [r for r in sessions(store) if r.id == s.session_id]
    assert row.ended_at is not None and abs(row.ended_at - ended.timestamp()) < 1
    assert timedelta(seconds=row.ended_at - row.started_at) <= timedelta(minutes=5)
