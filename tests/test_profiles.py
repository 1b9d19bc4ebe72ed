"""Profiles: separate progress per learner (core, CLI --profile and the sidebar switcher); the last one remembered."""

from __future__ import annotations

import json

import pytest

from ketaquiz.cli import main
from ketaquiz.core.library import DEFAULT_PROFILE, load_library
from ketaquiz.core.profiles import APP_FILE, create_profile, last_profile, set_last_profile
from ketaquiz.core.scheduling import Settings
from ketaquiz.core.stats import compute_stats
from ketaquiz.ui.context import AppContext
from ketaquiz.ui.profiles import NEW_ITEM, RENAME_ITEM, ProfileSwitcher


def answer_some(data_dir, profile, n, clock):
    st = data_dir.open_store(profile, clock=clock)
    load_library(st, data_dir)
    keys = [k for k, _q in st.questions("ketamine")][:n]
    with st.write():
        for k in keys:
            sid, _qid, topic = st.question_ref(k)
            st.conn.execute(
                "INSERT INTO reviews (question, set_id, topic, reviewed_at, rating, correct, state_before, card_before) "
                "VALUES (?, ?, ?, ?, 3, 1, 0, '[0, null, null, null, null, null, 0, 0]')",
                (k, sid, topic, clock().timestamp()),
            )
    st.close()


def test_last_profile_defaults_round_trips_and_survives_a_bad_file(data_dir):
    assert last_profile(data_dir) == DEFAULT_PROFILE
    set_last_profile(data_dir, "Ann")
    assert last_profile(data_dir) == "Ann"
    assert json.loads((data_dir.root / APP_FILE).read_text())["last_profile"] == "Ann"
    (data_dir.root / APP_FILE).write_text("{not json")
    assert last_profile(data_dir) == DEFAULT_PROFILE
    (data_dir.root / APP_FILE).write_text(json.dumps({"last_profile": "../etc"}))
    assert last_profile(data_dir) == DEFAULT_PROFILE
    with pytest.raises(ValueError):
        set_last_profile(data_dir, "../etc")


def test_create_profile_refuses_bad_and_taken_names(data_dir):
    assert create_profile(data_dir, "Ben") == "Ben"
    assert "Ben" in data_dir.profiles() and DEFAULT_PROFILE in data_dir.profiles()
    with pytest.raises(ValueError, match="already exists"):
        create_profile(data_dir, "ben")
    with pytest.raises(ValueError, match="not allowed"):
        create_profile(data_dir, "a/b")


def test_answers_in_one_profile_do_not_show_in_another(data_dir, clock):
    answer_some(data_dir, "Ann", 3, clock)
    for name, expected in [("Ann", 3), ("Ben", 0), (DEFAULT_PROFILE, 0)]:
        st = data_dir.open_store(name, clock=clock)
        assert compute_stats(st, clock()).reviews_total == expected
        st.close()


def test_cli_profile_option_keeps_learners_apart(data_dir, clock, capsys):
    answer_some(data_dir, "Ann", 2, clock)
    answer_some(data_dir, "Ben", 5, clock)
    totals = {}
    for name in ("Ann", "Ben", DEFAULT_PROFILE):
        assert main(["--data", str(data_dir.root), "--profile", name, "stats", "--json"]) == 0
        totals[name] = json.loads(capsys.readouterr().out)["reviews_total"]
    assert totals == {"Ann": 2, "Ben": 5, DEFAULT_PROFILE: 0}
    # without --profile the command line follows the app: the profile used last
    set_last_profile(data_dir, "Ben")
    assert main(["--data", str(data_dir.root), "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["reviews_total"] == 5


def test_switcher_lists_switches_remembers_and_creates(qtbot, data_dir, clock):
    answer_some(data_dir, "Ann", 4, clock)
    ctx = AppContext(data_dir, clock=clock)
    ctx.store.save_settings(Settings(fuzz=False))
    seen: list[str] = []
    ctx.changed.connect(lambda c: seen.append(ctx.profile) if c.profile else None)
    names = iter(["Cleo"])
    w = ProfileSwitcher(ctx, ask_name=lambda _parent: next(names))
    qtbot.addWidget(w)
    items = [w.combo.itemText(i) for i in range(w.combo.count())]
    assert items[:2] == [DEFAULT_PROFILE, "Ann"] and items[-2:] == [NEW_ITEM, RENAME_ITEM]  # the default: no Delete
    assert w.combo.currentText() == DEFAULT_PROFILE

    w.combo.activated.emit(w.combo.findData("Ann"))
    assert ctx.profile == "Ann" and seen == ["Ann"]
    assert compute_stats(ctx.store, clock()).reviews_total == 4
    assert last_profile(data_dir) == "Ann" and w.combo.currentText() == "Ann"

    w.combo.activated.emit(w.combo.findText(NEW_ITEM))
    assert ctx.profile == "Cleo" and last_profile(data_dir) == "Cleo"
    assert compute_stats(ctx.store, clock()).reviews_total == 0
    assert "Cleo" in [w.combo.itemText(i) for i in range(w.combo.count())]
    ctx.close()


def test_switcher_cancelled_new_profile_changes_nothing(qtbot, data_dir, clock):
    ctx = AppContext(data_dir, clock=clock)
    w = ProfileSwitcher(ctx, ask_name=lambda _parent: None)
    qtbot.addWidget(w)
    w.combo.activated.emit(w.combo.findText(NEW_ITEM))
    assert ctx.profile == DEFAULT_PROFILE and w.combo.currentText() == DEFAULT_PROFILE
    assert data_dir.profiles() == [DEFAULT_PROFILE]
    ctx.close()
