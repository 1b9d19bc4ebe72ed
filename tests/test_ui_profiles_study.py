"""Profiles while studying: switching ends the session cleanly and opens the new learner's Home; names of any
letters; renaming and deleting (with confirmation, progress to the trash); the window title names the profile."""

from __future__ import annotations

import json
import sqlite3

import pytest

from ketaquiz.core.library import DEFAULT_PROFILE, validate_profile_name
from ketaquiz.core.profiles import create_profile, delete_profile, last_profile, profile_trash, rename_profile
from ketaquiz.ui.context import StudyRequest
from ketaquiz.ui.profiles import DELETE_ITEM, NEW_ITEM, RENAME_ITEM

from . import test_ui_study as base
from .test_ui_study import answer_by_keys

ctx, window, study = base.ctx, base.window, base.study  # the Study page's fixtures: its demo course in a window

NAME = "Maria Ñúñez"


@pytest.mark.parametrize("name", [NAME, "Ann", "O'Brien", "李雷", "Jean-Luc (2)", "Ärzte Team"])
def test_profile_names_of_any_letters_are_kept_as_typed(name):
    assert validate_profile_name(name) == name


@pytest.mark.parametrize("name", ["a/b", "a\\b", "..", "a..b", ".hidden", "end.", " lead", "tab\there", "nul\x00",
                                  "bell\x07", "", "x" * 65, "CON", "a:b", "a*b", "☃"])
def test_profile_names_that_are_not_safe_folder_names_are_refused(name):
    with pytest.raises(ValueError, match="not allowed"):
        validate_profile_name(name)


def test_decomposed_accents_are_one_profile(data_dir):
    assert create_profile(data_dir, "Mari\u0301a") == "María"
    with pytest.raises(ValueError, match="already exists"):
        create_profile(data_dir, "MARÍA")


def test_rename_and_delete_profile_in_core(data_dir, clock):
    create_profile(data_dir, "Ann")
    create_profile(data_dir, "Ben")
    from ketaquiz.core.profiles import set_last_profile

    set_last_profile(data_dir, "Ann")
    with pytest.raises(ValueError, match="already exists"):
        rename_profile(data_dir, "Ann", "ben")
    assert rename_profile(data_dir, "Ann", NAME) == NAME
    assert NAME in data_dir.profiles() and "Ann" not in data_dir.profiles()
    assert last_profile(data_dir) == NAME
    with pytest.raises(ValueError, match="cannot be"):
        delete_profile(data_dir, DEFAULT_PROFILE, clock())
    moved = delete_profile(data_dir, NAME, clock())
    assert moved.parent == profile_trash(data_dir) and (moved / "ketaquiz.db").exists()
    assert NAME not in data_dir.profiles() and last_profile(data_dir) == DEFAULT_PROFILE


def _session_rows(data_dir, profile):
    conn = sqlite3.connect(data_dir.db_path(profile))
    try:
        return conn.execute("SELECT id, ended_at, answered FROM sessions").fetchall()
    finally:
        conn.close()


def test_switching_profile_mid_session_ends_it_and_opens_the_new_home(qtbot, capfd, ctx, window, study):
    switcher = window.profile_switcher
    switcher.ask_name = lambda _parent: NAME
    ctx.study_requested.emit(StudyRequest(set_id="demo"))
    window.show_page("study")
    answer_by_keys(qtbot, study, right=True)
    assert study.feedback is not None

    switcher.combo.activated.emit(switcher.combo.findText(NEW_ITEM))

    assert ctx.profile == NAME and last_profile(ctx.data) == NAME
    assert window.current_page() == "home"
    assert NAME in window.windowTitle()
    assert study.session is None and study.qwidget is None
    err = capfd.readouterr().err
    assert "closed database" not in err and "Traceback" not in err
    # The first learner's session was closed in its own database, with its answer
    [(_sid, ended, answered)] = _session_rows(ctx.data, DEFAULT_PROFILE)
    assert ended is not None and answered == 1

    # Studying works in the new profile, and again after switching back
    for profile in (NAME, DEFAULT_PROFILE):
        if ctx.profile != profile:
            switcher.combo.activated.emit(switcher.combo.findData(profile))
            assert window.current_page() == "home" and profile in window.windowTitle()
        ctx.study_requested.emit(StudyRequest(set_id="demo"))
        window.show_page("study")
        answer_by_keys(qtbot, study, right=False)
        assert study.feedback is not None and not study.feedback.correct
    assert "closed database" not in capfd.readouterr().err


def test_rename_and_delete_the_open_profile_from_the_sidebar(qtbot, ctx, window, study):
    switcher = window.profile_switcher
    create_profile(ctx.data, "Ann")
    switcher.refresh()
    switcher.combo.activated.emit(switcher.combo.findData("Ann"))
    assert switcher.combo.findText(RENAME_ITEM) >= 0
    ctx.study_requested.emit(StudyRequest(set_id="demo"))
    window.show_page("study")
    answer_by_keys(qtbot, study, right=True)

    switcher.ask_text = lambda _p, _t, _l, _old: NAME
    switcher.combo.activated.emit(switcher.combo.findText(RENAME_ITEM))
    assert ctx.profile == NAME and NAME in window.windowTitle() and window.current_page() == "home"
    assert "Ann" not in ctx.data.profiles()
    assert ctx.store.answered_since(ctx.clock().replace(hour=0)) == 1  # the progress came along
    assert switcher.combo.currentText() == NAME

    asked: list[str] = []
    switcher.confirm = lambda _p, _t, text: asked.append(text) or False
    switcher.combo.activated.emit(switcher.combo.findText(DELETE_ITEM))
    assert asked and ctx.profile == NAME  # cancelled: nothing happened

    switcher.confirm = lambda _p, _t, _text: True
    switcher.combo.activated.emit(switcher.combo.findText(DELETE_ITEM))
    assert ctx.profile == DEFAULT_PROFILE and window.current_page() == "home"
    assert NAME not in ctx.data.profiles()
    [trashed] = list(profile_trash(ctx.data).iterdir())
    assert trashed.name.startswith(NAME) and (trashed / "ketaquiz.db").exists()
    assert switcher.combo.findText(DELETE_ITEM) == -1  # the default profile stays


def test_the_default_profile_can_be_renamed_and_stays_the_one_opened(data_dir, clock):
    from ketaquiz.core.profiles import default_profile

    data_dir.open_store(DEFAULT_PROFILE).close()
    create_profile(data_dir, "Ben")
    assert rename_profile(data_dir, DEFAULT_PROFILE, NAME) == NAME
    assert sorted(data_dir.profiles()) == ["Ben", NAME]  # no empty "default" beside it
    assert default_profile(data_dir) == NAME and last_profile(data_dir) == NAME
    (data_dir.root / "app.json").write_text(json.dumps({"default_profile": NAME}), encoding="utf-8")  # no last one
    assert last_profile(data_dir) == NAME
    with pytest.raises(ValueError, match="cannot be"):
        delete_profile(data_dir, NAME, clock())  # still the one opened when no other is chosen
    assert rename_profile(data_dir, NAME, "Maria") == "Maria" and default_profile(data_dir) == "Maria"


def test_rename_the_default_profile_from_the_sidebar(qtbot, ctx, window, study):
    switcher = window.profile_switcher
    assert ctx.profile == DEFAULT_PROFILE and switcher.combo.findText(RENAME_ITEM) >= 0
    assert switcher.combo.findText(DELETE_ITEM) == -1
    ctx.study_requested.emit(StudyRequest(set_id="demo"))
    window.show_page("study")
    answer_by_keys(qtbot, study, right=True)
    switcher.ask_text = lambda _p, _t, _l, _old: NAME
    switcher.combo.activated.emit(switcher.combo.findText(RENAME_ITEM))
    assert ctx.profile == NAME and NAME in window.windowTitle()
    assert ctx.store.answered_since(ctx.clock().replace(hour=0)) == 1  # the progress came along
    items = [switcher.combo.itemText(i) for i in range(switcher.combo.count())]
    assert items[0] == NAME and DEFAULT_PROFILE not in items and DELETE_ITEM not in items
    assert last_profile(ctx.data) == NAME
