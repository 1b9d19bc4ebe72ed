"""The Settings page: the study presets (daily limits, desired retention, steps, load balancing, easy days), theme
and font size."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core import presets
from ..core.appearance import Appearance
from ..core.scheduling import Settings
from .changes import SETTINGS
from .context import AppContext
from .preset_editor import PresetEditor
from .reschedule_offer import RESCHEDULE_TIP, make_reschedule_button, run_reschedule

THEMES = [("system", "Same as the system"), ("light", "Light"), ("dark", "Dark")]


class SettingsPage(QWidget):
    """Edits the profile's Settings; Save writes them to the store and tells the app (theme, font)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        title = QLabel("Settings")
        title.setObjectName("heading")
        outer.addWidget(title)
        box = QWidget()
        box.setMaximumWidth(560)
        form = QFormLayout(box)
        form.setContentsMargins(0, 8, 0, 8)
        form.setVerticalSpacing(12)
        self.preset = PresetEditor(ctx, form)
        self.preset.edited.connect(self._edited)
        self.new_per_day, self.reviews_per_day = self.preset.new_per_day, self.preset.reviews_per_day
        self.retention = self.preset.retention
        self.theme = QComboBox()
        for value, label in THEMES:
            self.theme.addItem(label, value)
        self.theme.setAccessibleName("Theme")
        self.font_size = QSpinBox()
        self.font_size.setRange(0, 32)
        self.font_size.setSpecialValueText("System size")
        self.font_size.setSuffix(" pt")
        self.font_size.setAccessibleName("Font size")
        form.addRow("&Theme:", self.theme)
        form.addRow("&Font size:", self.font_size)
        note = QLabel("A preset's options apply to the sets that use it (choose on the Sets page). Desired retention "
                      "is the share of questions you aim to still know when they come back: higher means more "
                      "reviews. On easy days fewer reviews fall due (minimum: as few as can move; reviews only move within a few "
                      "days of their date). Changes here, theme and font size too, apply when you press Save.")
        note.setObjectName("hint")
        note.setWordWrap(True)
        form.addRow(note)
        outer.addWidget(box)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.save_btn = QPushButton("&Save")
        self.save_btn.setObjectName("primary")
        self.save_btn.setAccessibleName("Save settings")
        self.save_btn.clicked.connect(self.save)
        self.revert_btn = QPushButton("Re&vert")
        self.revert_btn.setAccessibleName("Revert to the saved settings")
        self.revert_btn.clicked.connect(self.load)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setAccessibleName("Settings status")
        self.status.setWordWrap(True)
        self.reschedule_btn = make_reschedule_button(self)
        self.reschedule_btn.clicked.connect(self.reschedule)
        row.addWidget(self.save_btn)
        row.addWidget(self.revert_btn)
        row.addWidget(self.status, 1)
        row.addWidget(self.reschedule_btn)
        outer.addLayout(row)
        outer.addStretch(1)
        self.font_size.valueChanged.connect(lambda _v: self._edited())
        self.theme.currentIndexChanged.connect(lambda _i: self._edited())
        ctx.changed.connect(lambda changes: self.load() if changes.profile else None)
        self.load()

    def _edited(self) -> None:
        self.status.setText("Not saved yet")
        self.reschedule_btn.hide()

    def load(self) -> None:
        """Show the saved settings."""
        look = self.ctx.store.appearance()
        self.preset.show_preset()
        self.theme.setCurrentIndex(max(0, self.theme.findData(look.theme)))
        self.font_size.setValue(look.font_size)
        self.status.setText("")

    def current(self) -> Settings:
        """The profile's settings as edited (the Default preset's values when it is the one shown)."""
        values = self.preset.values() if self.preset.name == presets.DEFAULT else {}
        return replace(self.ctx.store.settings(), **values)

    def current_appearance(self) -> Appearance:
        """Theme and font size as edited."""
        return Appearance(theme=self.theme.currentData(), font_size=self.font_size.value())

    def save(self) -> bool:
        """Save the preset shown and the theme and font size, in one transaction."""
        retention_before = presets.presets(self.ctx.store).get(self.preset.name, {}).get("desired_retention")
        try:
            settings, look = self.current(), self.current_appearance()
            with self.ctx.store.write():
                if self.preset.name != presets.DEFAULT:
                    presets.save_preset(self.ctx.store, self.preset.name, self.preset.values())
                self.ctx.store.save_settings(settings)
                self.ctx.store.save_appearance(look)
        except ValueError as e:
            self.status.setText(str(e))
            return False
        self.status.setText("Saved")
        self.ctx.notify(SETTINGS, self)
        retention = presets.presets(self.ctx.store)[self.preset.name]["desired_retention"]
        if retention_before is not None and retention != retention_before:
            self.reschedule_btn.setToolTip(f"Desired retention {retention_before:.2f} → {retention:.2f}. "
                                           + RESCHEDULE_TIP)
            self.reschedule_btn.show()
        return True

    def reschedule(self) -> None:
        self.reschedule_btn.hide()
        self.status.setText(run_reschedule(self, self.ctx))
