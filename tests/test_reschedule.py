"""Rescheduling every question from its answers after the parameters or the desired retention change."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from random import Random

from fsrs import Card, Rating, ReviewLog, Scheduler

from ketaquiz.core.backup import list_backups
from ketaquiz.core.clock import day_number
from ketaquiz.core.questions import Question, QuestionSet, Topic
from ketaquiz.core.reschedule import reschedule
from ketaquiz.core.scheduling import NEW, Settings
from ketaquiz.core.session import StudySession
from ketaquiz.core.store import Store
from ketaquiz.core.workload import fuzz_range


def studied(tmp_path, clock, days=20, n=40):
    """A store on disk after `days` days of study of `n` questions (answers drawn from a fixed seed)."""
    store = Store(tmp_path / "p.db", clock=clock)
    qs = [Question(f"q{i}", "t", "short", f"Q{i}?", f"a{i}") for i in range(n)]
    store.sync_set(QuestionSet("r", "R", topics=[Topic("t", "T")], questions=qs))
    store.save_settings(Settings(new_per_day=5))
    draw = Random(4)
    for _ in range(days):
        s = StudySession(store, clock=clock, rng=Random(1))
        while not s.finished:
            s.submit(s.current.answer if draw.random() < 0.85 else None)
            clock.advance(seconds=20)
            s.advance()
        s.close()
        clock.advance(days=1)
    return store


def states(store):
    return {key: st for key, _sid, _t, st in store.card_states()}


def test_a_lower_retention_moves_due_dates_later_from_the_answers_as_fsrs_replays_them(tmp_path, clock):
    store = studied(tmp_path, clock)
    before = states(store)
    settings = store.settings()
    settings.desired_retention = 0.8
    store.save_settings(settings)
    result = reschedule(store, clock(), backup_dir=tmp_path / "backups")
    after = states(store)
    answered = [k for k, st in before.items() if st.state != NEW]
    assert result.questions == len(answered) > 20
    assert result.moved > len(answered) // 3
    assert sum(result.forecast_after) < sum(result.forecast_before)  # fewer reviews in the next 30 days
    later = sum(1 for k in answered if after[k].due > before[k].due + 86400)
    assert later > result.moved // 2 and all(after[k].due >= before[k].due - 86400 for k in answered
                                             if before[k].state == 2)
    # the memory state is fsrs's own replay of the log with the new settings
    logs: dict[int, list[ReviewLog]] = {}
    for key, rating, at in store.answer_history():
        logs.setdefault(key, []).append(ReviewLog(key, Rating(rating), datetime.fromtimestamp(at, timezone.utc), None))
    fsrs = Scheduler(desired_retention=0.8, enable_fuzzing=False)
    for key in answered[:10]:
        card = fsrs.reschedule_card(Card(card_id=key), logs[key])
        assert abs(card.stability - after[key].stability) < 1e-9 and abs(card.difficulty - after[key].difficulty) < 1e-9
        assert after[key].reps == before[key].reps and after[key].lapses == before[key].lapses
    # undo: the backup taken first holds the schedules as they were
    (backup,) = list_backups(tmp_path / "backups")
    assert backup.path == result.backup and "restore the backup" in result.message
    old = Store(backup.path, clock=clock)
    try:
        assert states(old) == before
    finally:
        old.close()
    # due queries read the new dates at once (the due index is written with them)
    now = clock()
    assert store.due_count(now + timedelta(days=5)) == sum(
        1 for st in after.values() if st.state != NEW and st.due <= (now + timedelta(days=5)).timestamp())
    store.close()


def test_the_same_settings_give_nearly_the_same_schedule_and_questions_never_answered_stay_new(tmp_path, clock):
    store = studied(tmp_path, clock, days=10)
    before = states(store)
    result = reschedule(store, clock())
    after = states(store)
    assert result.backup is None
    assert all(after[k] == before[k] for k, st in before.items() if st.state == NEW)
    # load balancing may pick another day of the fuzz range; the memory states are unchanged
    for k, st in before.items():
        if st.state == 2:
            assert abs(after[k].stability - st.stability) < 1e-9
            lo, hi = fuzz_range(round(st.stability), 36500)  # (at retention 0.9 the interval is the stability)
            assert abs(day_number(after[k].due) - day_number(st.due)) <= max(1, hi - lo)
    store.close()


def test_the_command_line_reschedules_with_the_same_function_and_a_backup(tmp_path, clock, capsys):
    """`ketaquiz reschedule` (after the retention changed outside the app): due dates move, a backup is taken first,
    and what it did is printed (--json: the same figures the app shows)."""
    import json

    from ketaquiz.cli import main
    from ketaquiz.core.library import DataDir

    data = DataDir(tmp_path / "data")
    data.profile_dir().mkdir(parents=True)
    store = studied(tmp_path, clock)
    store.close()
    (tmp_path / "p.db").rename(data.db_path())
    store = Store(data.db_path(), clock=clock)
    before = states(store)
    settings = store.settings()
    settings.desired_retention = 0.8
    store.save_settings(settings)
    store.close()
    assert main(["--data", str(data.root), "reschedule", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    answered = [k for k, st in before.items() if st.state != NEW]
    assert out["questions"] == len(answered) and out["moved"] > len(answered) // 3
    assert len(out["forecast_before"]) == len(out["forecast_after"]) == 30  # (all overdue by now: answered in March)
    assert [b.path for b in list_backups(data.backups_dir())] == [Path(out["backup"])]
    store = Store(data.db_path(), clock=clock)
    after = states(store)
    store.close()
    assert sum(1 for k in answered if after[k].due != before[k].due) >= out["moved"]  # written, not only counted
    assert main(["--data", str(data.root), "reschedule"]) == 0
    assert "questions rescheduled from their answers" in capsys.readouterr().out
