"""Theme and font size are the profile's appearance, kept apart from its study settings (and from presets)."""

from __future__ import annotations

import json

import pytest

from ketaquiz.core.appearance import Appearance
from ketaquiz.core.scheduling import Settings


def test_a_profile_saved_before_appearance_had_its_own_key_keeps_its_theme(store):
    """Theme and font size used to be saved inside the study settings: they are read from there, and survive the
    first save of the study settings (which no longer hold them)."""
    with store.write() as c:
        c.execute("DELETE FROM settings WHERE key IN ('study', 'appearance')")
        c.execute("INSERT INTO settings (key, value) VALUES ('study', ?)",
                  (json.dumps({"new_per_day": 5, "theme": "dark", "font_size": 14}),))
    assert store.appearance() == Appearance("dark", 14) and store.settings().new_per_day == 5
    settings = store.settings()
    settings.new_per_day = 9
    store.save_settings(settings)
    assert store.appearance() == Appearance("dark", 14) and store.settings().new_per_day == 9
    assert "theme" not in store.get_setting("study")


def test_appearance_and_study_settings_are_saved_apart(store):
    store.save_appearance(Appearance("light", 12))
    store.save_settings(Settings(fuzz=False, new_per_day=3))
    assert store.appearance() == Appearance("light", 12)
    store.save_appearance(Appearance("system", 0))
    assert store.settings().new_per_day == 3


@pytest.mark.parametrize("bad", [Appearance("blue", 0), Appearance("dark", -1), Appearance("dark", 400)])
def test_an_appearance_out_of_range_is_refused_and_nothing_saved(store, bad):
    store.save_appearance(Appearance("dark", 12))
    with pytest.raises(ValueError):
        store.save_appearance(bad)
    assert store.appearance() == Appearance("dark", 12)
