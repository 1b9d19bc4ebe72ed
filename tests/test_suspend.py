"""Suspend and unsuspend: out of every queue and count until unsuspended, by the command line and the core."""

from __future__ import annotations

import json

import pytest

from ketaquiz.cli import main
from ketaquiz.core.library import load_library
from ketaquiz.core.session import StudySession
from ketaquiz.core.stats import compute_stats
from ketaquiz.core.suspend import SuspendError, set_suspended, suspended_ids


def test_suspended_questions_leave_the_queue_and_are_counted_apart(store, clock):
    qs = [q.id for _k, q in store.questions("ketamine")]
    before = compute_stats(store, clock())
    assert set_suspended(store, "ketamine", qs[:2]) == 2
    assert suspended_ids(store, "ketamine") == qs[:2]
    after = compute_stats(store, clock())
    assert after.suspended == 2 and after.new_remaining == before.new_remaining - 2
    s = StudySession(store, set_id="ketamine", extra_new=10_000, clock=clock)
    queued = {store.question_ref(k)[1] for k in [s.current_key, *s._queue]}
    assert not queued & set(qs[:2])
    assert set_suspended(store, "ketamine", qs[:1], suspended=False) == 1
    assert suspended_ids(store, "ketamine") == qs[1:2]
    with pytest.raises(SuspendError, match="no question 'nope'"):
        set_suspended(store, "ketamine", [qs[3], "nope"])
    assert suspended_ids(store, "ketamine") == qs[1:2]  # all or nothing


def test_suspension_survives_reloading_the_set(store, clock, data_dir):
    qid = store.questions("ketamine")[0][1].id
    set_suspended(store, "ketamine", [qid])
    load_library(store, data_dir)
    assert suspended_ids(store, "ketamine") == [qid]


def test_cli_suspend_unsuspend_and_stats(data_dir, store, capsys):
    qs = [q.id for _k, q in store.questions("ketamine")][:3]
    root = ["--data", str(data_dir.root)]
    assert main([*root, "suspend", "ketamine", *qs[:2]]) == 0
    out = capsys.readouterr().out
    assert "2 questions suspended" in out and qs[0] in out
    assert main([*root, "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["suspended"] == 2
    assert main([*root, "unsuspend", "ketamine", qs[0]]) == 0
    assert "1 question unsuspended" in capsys.readouterr().out
    assert main([*root, "suspend", "ketamine"]) == 0
    assert capsys.readouterr().out.strip() == f"Suspended in ketamine: {qs[1]}"
    assert main([*root, "suspend", "ketamine", "no-such-q"]) == 2
    assert "has no question 'no-such-q'" in capsys.readouterr().err
    assert main([*root, "suspend", "nosuchset", "x"]) == 2
    assert "there is no set 'nosuchset'" in capsys.readouterr().err
