"""Presets per set: named study options, chosen per set, honoured by the session and by `ketaquiz quiz`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from ketaquiz.core import presets
from ketaquiz.core.library import DataDir
from ketaquiz.core.questions import Question, QuestionSet, Topic
from ketaquiz.core.scheduling import Settings
from ketaquiz.core.session import StudySession

FIXTURES = Path(__file__).parent / "fixtures"


def two_sets(store):
    for sid in ("light", "busy"):
        qs = [Question(f"q{i}", "t", "short", f"{sid} question {i}?", f"a{i}") for i in range(6)]
        store.sync_set(QuestionSet(sid, sid.title(), topics=[Topic("t", "T")], questions=qs))


def shown_sets(s):
    out = []
    while not s.finished:
        out.append(s.store.question_ref(s.current_key)[0])
        s.submit(s.current.answer)
        s.mark("easy")  # no learning repeats today
        s.advance()
    return out


def test_presets_are_created_chosen_and_deleted(memory_store):
    assert list(presets.presets(memory_store)) == ["Default"]
    name = presets.add_preset(memory_store, "  Light   days ")
    assert name == "Light days"
    presets.save_preset(memory_store, name, {"new_per_day": 3, "easy_days": ["normal"] * 5 + ["reduced"] * 2})
    presets.choose_preset(memory_store, "light", name)
    assert presets.preset_of(memory_store, "light") == name and presets.preset_of(memory_store, "busy") == "Default"
    assert presets.settings_for(memory_store, "light").new_per_day == 3
    assert presets.settings_for(memory_store, "busy").new_per_day == 20
    assert presets.settings_for(memory_store, "light").fuzz is False  # the profile's own settings stay
    with pytest.raises(ValueError, match="already a preset"):
        presets.add_preset(memory_store, "light DAYS")
    with pytest.raises(ValueError, match="retention"):
        presets.save_preset(memory_store, name, {"desired_retention": 0.5})
    with pytest.raises(ValueError, match="cannot be deleted"):
        presets.delete_preset(memory_store, "Default")
    presets.delete_preset(memory_store, name)
    assert presets.preset_of(memory_store, "light") == "Default"
    assert list(presets.presets(memory_store)) == ["Default"]


def test_a_sets_session_runs_with_its_preset(memory_store, clock, rng):
    two_sets(memory_store)
    presets.add_preset(memory_store, "Light")
    presets.save_preset(memory_store, "Light", {"new_per_day": 2})
    presets.choose_preset(memory_store, "light", "Light")
    assert shown_sets(StudySession(memory_store, set_id="light", clock=clock, rng=rng)) == ["light"] * 2
    assert len(shown_sets(StudySession(memory_store, set_id="busy", clock=clock, rng=rng))) == 6


def test_a_session_over_every_set_keeps_each_sets_limit_and_schedules_by_its_preset(memory_store, clock, rng):
    two_sets(memory_store)
    presets.add_preset(memory_store, "Light")
    presets.save_preset(memory_store, "Light", {"new_per_day": 1, "learning_steps": [30.0]})
    presets.choose_preset(memory_store, "light", "Light")
    s = StudySession(memory_store, clock=clock, rng=rng)
    shown: dict[str, set[str]] = {"light": set(), "busy": set()}
    while not s.finished:
        sid = memory_store.question_ref(s.current_key)[0]
        if not shown[sid]:  # the first of each set: wrong, so that it has a learning step
            fb = s.submit(None)
            assert fb.due - clock() == (timedelta(minutes=30) if sid == "light" else timedelta(minutes=1))
        else:
            s.submit(s.current.answer)
            s.mark("easy")
        shown[sid].add(s.current.id)
        clock.advance(minutes=1)
        s.advance()
    assert len(shown["light"]) == 1 and len(shown["busy"]) == 6  # Light allows one new question a day


def test_quiz_on_the_command_line_honours_the_sets_preset(tmp_path):
    data = DataDir(tmp_path / "data")
    dest = data.sets_dir / "mini"
    dest.mkdir(parents=True)
    for name in ("mini.toml", "mini.md"):
        shutil.copy(FIXTURES / name, dest / name)
    store = data.open_store()
    store.save_settings(Settings())
    presets.add_preset(store, "One a day")
    presets.save_preset(store, "One a day", {"new_per_day": 1})
    presets.choose_preset(store, "mini", "One a day")
    store.close()
    out = subprocess.run([sys.executable, "-m", "ketaquiz", "--data", str(data.root), "quiz", "--set", "mini"],
                         input="caffeine\n1\n1\n1\n", capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "Which stimulant" in out.stdout  # the one new question of the day (and its learning steps)
    for other in ("What is done to the beans", "Beans are ground", "Coffee is a"):
        assert other not in out.stdout


def test_a_named_preset_is_renamed_and_its_sets_keep_it(memory_store):
    name = presets.add_preset(memory_store, "Light")
    presets.save_preset(memory_store, name, {"new_per_day": 3})
    presets.choose_preset(memory_store, "light", name)
    other = presets.add_preset(memory_store, "Busy")
    assert presets.rename_preset(memory_store, "Light", "  Light   weekends ") == "Light weekends"
    assert list(presets.presets(memory_store)) == ["Default", "Busy", "Light weekends"]
    assert presets.preset_of(memory_store, "light") == "Light weekends"
    assert presets.settings_for(memory_store, "light").new_per_day == 3  # values kept
    assert presets.rename_preset(memory_store, "Light weekends", "light WEEKENDS") == "light WEEKENDS"  # case alone
    with pytest.raises(ValueError, match="already a preset"):
        presets.rename_preset(memory_store, "light WEEKENDS", "busy")
    with pytest.raises(ValueError, match="cannot be renamed"):
        presets.rename_preset(memory_store, "Default", "Mine")
    with pytest.raises(ValueError, match="another name"):
        presets.rename_preset(memory_store, other, "Default")
    with pytest.raises(ValueError, match="no preset"):
        presets.rename_preset(memory_store, "Gone", "X")
