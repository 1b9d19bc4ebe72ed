"""The Settings page: new questions per day, reviews per day, desired retention, theme and font size."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.scheduling import Settings
from .context import AppContext

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
        self.new_per_day = QSpinBox()
        self.new_per_day.setRange(0, 9999)
        self.new_per_day.setAccessibleName("New questions per day")
        self.reviews_per_day = QSpinBox()
        self.reviews_per_day.setRange(0, 99999)
        self.reviews_per_day.setAccessibleName("Reviews per day")
        self.retention = QDoubleSpinBox()
        self.retention.setRange(0.70, 0.99)
        self.retention.setSingleStep(0.01)
        self.retention.setDecimals(2)
        self.retention.setAccessibleName("Desired retention")
        self.retention.setToolTip("The share of questions you want to still know when they come back. "
                                  "Higher means more reviews.")
        self.theme = QComboBox()
        for value, label in THEMES:
            self.theme.addItem(label, value)
        self.theme.setAccessibleName("Theme")
        self.font_size = QSpinBox()
        self.font_size.setRange(0, 32)
        self.font_size.setSpecialValueText("System size")
        self.font_size.setSuffix(" pt")
        self.font_size.setAccessibleName("Font size")
        form.addRow("&New questions per day:", self.new_per_day)
        form.addRow("&Reviews per day:", self.reviews_per_day)
        form.addRow("Desired r&etention:", self.retention)
        form.addRow("&Theme:", self.theme)
        form.addRow("&Font size:", self.font_size)
        note = QLabel("Desired retention is the share of questions you aim to still know when they come back: "
                      "higher means more reviews. Theme and font size apply at once.")
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
        row.addWidget(self.save_btn)
        row.addWidget(self.revert_btn)
        row.addWidget(self.status, 1)
        outer.addLayout(row)
        outer.addStretch(1)
        for w in (self.new_per_day, self.reviews_per_day, self.retention, self.font_size):
            w.valueChanged.connect(lambda _v: self.status.setText("Not saved yet"))
        self.theme.currentIndexChanged.connect(lambda _i: self.status.setText("Not saved yet"))
        ctx.profile_changed.connect(lambda _n: self.load())
        self.load()

    def load(self) -> None:
        """Show the saved settings."""
        s = self.ctx.store.settings()
        self.new_per_day.setValue(s.new_per_day)
        self.reviews_per_day.setValue(s.reviews_per_day)
        self.retention.setValue(s.desired_retention)
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.theme)))
        self.font_size.setValue(s.font_size)
        self.status.setText("")

    def current(self) -> Settings:
        """The settings as edited (other fields kept from the store)."""
        return replace(
            self.ctx.store.settings(),
            new_per_day=self.new_per_day.value(),
            reviews_per_day=self.reviews_per_day.value(),
            desired_retention=round(self.retention.value(), 2),
            theme=self.theme.currentData(),
            font_size=self.font_size.value(),
        )

    def save(self) -> bool:
        try:
            settings = self.current()
            self.ctx.store.save_settings(settings)
        except ValueError as e:
            self.status.setText(str(e))
            return False
        self.status.setText("Saved")
        self.ctx.settings_changed.emit()
        return True
