"""Presets in the app: the Settings page creates and edits them, the Sets page chooses a set's."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ketaquiz.core import presets
from ketaquiz.core.session import StudySession
from ketaquiz.ui import plain
from ketaquiz.ui.settings_page import SettingsPage

from .conftest import open_sets_page


def test_settings_page_creates_and_edits_a_preset_leaving_default_alone(qtbot, ctx, monkeypatch):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    monkeypatch.setattr(plain, "ask_text", lambda *a, **k: "Light weekends")
    qtbot.mouseClick(page.preset.new_btn, Qt.MouseButton.LeftButton)
    assert page.preset.name == "Light weekends"
    page.new_per_day.setValue(4)
    page.preset.learning_steps.setText("2 15 60")
    page.preset.day_combos[5].setCurrentIndex(page.preset.day_combos[5].findData("reduced"))
    page.preset.day_combos[6].setCurrentIndex(page.preset.day_combos[6].findData("minimum"))
    page.preset.load_balance.setChecked(False)
    assert page.status.text() == "Not saved yet"
    qtbot.mouseClick(page.save_btn, Qt.MouseButton.LeftButton)
    assert page.status.text() == "Saved"
    saved = presets.presets(ctx.store)
    assert saved["Light weekends"]["new_per_day"] == 4
    assert saved["Light weekends"]["learning_steps"] == [2.0, 15.0, 60.0]
    assert saved["Light weekends"]["easy_days"][5:] == ["reduced", "minimum"]
    assert saved["Light weekends"]["load_balance"] is False
    assert saved["Default"]["new_per_day"] == 20 and saved["Default"]["load_balance"] is True
    page.preset.learning_steps.setText("one ten")  # not minutes: said, nothing saved
    qtbot.mouseClick(page.save_btn, Qt.MouseButton.LeftButton)
    assert "learning steps" in page.status.text()
    assert presets.presets(ctx.store)["Light weekends"]["learning_steps"] == [2.0, 15.0, 60.0]


def test_sets_page_chooses_the_sets_preset_and_study_uses_it(qtbot, ctx, clock):
    presets.add_preset(ctx.store, "Two a day")
    presets.save_preset(ctx.store, "Two a day", {"new_per_day": 2})
    page = open_sets_page(qtbot, ctx)
    page.select_question("mechanism-choice-region")
    combo = page.preset_combo
    assert combo.currentText() == "Default" and combo.findText("Two a day") >= 0
    combo.setCurrentIndex(combo.findText("Two a day"))
    combo.activated.emit(combo.currentIndex())
    assert presets.preset_of(ctx.store, "ketamine") == "Two a day"
    assert "Two a day" in page.status.text()
    s = StudySession(ctx.store, set_id="ketamine", clock=clock)
    assert s.remaining == 2


def test_a_retention_change_offers_to_reschedule_and_the_offer_does_it(qtbot, ctx, clock):
    s = StudySession(ctx.store, set_id="ketamine", clock=clock)
    for _ in range(5):
        s.submit(s.current.answer if s.current.type in ("short", "choice", "truefalse") else None)
        s.mark("easy") if s.feedback.correct else None
        s.advance()
    s.close()
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.font_size.setValue(12)
    qtbot.mouseClick(page.save_btn, Qt.MouseButton.LeftButton)
    assert page.reschedule_btn.isHidden()  # nothing that moves a schedule changed
    page.retention.setValue(0.8)
    qtbot.mouseClick(page.save_btn, Qt.MouseButton.LeftButton)
    assert not page.reschedule_btn.isHidden() and "0.90 → 0.80" in page.reschedule_btn.toolTip()
    with qtbot.waitSignal(ctx.changed, check_params_cb=lambda c: c.progress):
        qtbot.mouseClick(page.reschedule_btn, Qt.MouseButton.LeftButton)
    assert "5 questions rescheduled" in page.status.text() and "restore the backup" in page.status.text()
    assert page.reschedule_btn.isHidden()
    assert any(p.name.startswith("ketaquiz-") for p in ctx.data.backups_dir(ctx.profile).iterdir())


def test_settings_page_renames_a_preset_and_the_sets_page_follows(qtbot, ctx, monkeypatch):
    presets.add_preset(ctx.store, "Two a day")
    presets.choose_preset(ctx.store, "ketamine", "Two a day")
    sets = open_sets_page(qtbot, ctx)
    sets.select_question("mechanism-choice-region")
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    assert not page.preset.rename_btn.isEnabled()  # Default: the profile's own settings
    page.preset.show_preset("Two a day")
    assert page.preset.rename_btn.isEnabled()
    page.new_per_day.setValue(7)  # an edit not saved yet survives the rename
    monkeypatch.setattr(plain, "ask_text", lambda *a, **k: "Light weekends")
    qtbot.mouseClick(page.preset.rename_btn, Qt.MouseButton.LeftButton)
    assert page.preset.name == "Light weekends" and page.new_per_day.value() == 7
    assert list(presets.presets(ctx.store)) == ["Default", "Light weekends"]
    assert presets.preset_of(ctx.store, "ketamine") == "Light weekends"
    assert sets.preset_combo.currentText() == "Light weekends"  # the Sets page shows the new name
    qtbot.mouseClick(page.save_btn, Qt.MouseButton.LeftButton)
    assert presets.presets(ctx.store)["Light weekends"]["new_per_day"] == 7
