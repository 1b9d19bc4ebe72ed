"""The study part of the Settings page: choose a preset (Default or a named one) and edit its values."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ..core import presets
from ..core.workload import EASY_DAY_LEVELS, WEEKDAYS
from . import plain
from .changes import SETTINGS
from .context import AppContext


def steps_text(steps: list[float]) -> str:
    return " ".join(f"{m:g}" for m in steps)


def parse_steps(text: str, what: str) -> list[float]:
    """Minutes separated by spaces (or commas); ValueError naming the field."""
    try:
        return [float(x) for x in text.replace(",", " ").split()]
    except ValueError:
        raise ValueError(f"{what}: write minutes separated by spaces, e.g. 1 10") from None


class PresetEditor(QWidget):
    """A preset chooser (with New… and Delete) and the chosen preset's fields; `edited` on any change."""

    edited = Signal()

    def __init__(self, ctx: AppContext, form: QFormLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.choice = QComboBox()
        self.choice.setAccessibleName("Preset")
        self.choice.setToolTip("Each set is studied with one preset (choose it on the Sets page); Default otherwise.")
        self.new_btn = QPushButton("Ne&w preset…")
        self.rename_btn = QPushButton("Rename…")
        self.rename_btn.setAccessibleName("Rename preset")
        self.delete_btn = QPushButton("Delete preset")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.choice, 1)
        row.addWidget(self.new_btn)
        row.addWidget(self.rename_btn)
        row.addWidget(self.delete_btn)
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
        self.learning_steps = QLineEdit()
        self.learning_steps.setAccessibleName("Learning steps in minutes")
        self.relearning_steps = QLineEdit()
        self.relearning_steps.setAccessibleName("Relearning steps in minutes")
        self.max_interval = QSpinBox()
        self.max_interval.setRange(1, 36500)
        self.max_interval.setSuffix(" days")
        self.max_interval.setAccessibleName("Maximum interval")
        self.load_balance = QCheckBox("Spread reviews evenly over the days (load balancing)")
        self.easy_days = QWidget()
        grid = QGridLayout(self.easy_days)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        self.day_combos: list[QComboBox] = []
        for i, day in enumerate(WEEKDAYS):
            combo = QComboBox()
            for level in EASY_DAY_LEVELS:
                combo.addItem(level.capitalize(), level)
            combo.setAccessibleName(f"{day} load")
            row_, col = divmod(i, 4)  # two rows (Monday–Thursday, Friday–Sunday): each level reads in full
            grid.addWidget(QLabel(day[:3]), 2 * row_, col)
            grid.addWidget(combo, 2 * row_ + 1, col)
            self.day_combos.append(combo)
        form.addRow("Stud&y preset:", self)
        form.addRow("&New questions per day:", self.new_per_day)
        form.addRow("&Reviews per day:", self.reviews_per_day)
        form.addRow("Desired r&etention:", self.retention)
        form.addRow("&Learning steps (minutes):", self.learning_steps)
        form.addRow("Relearnin&g steps (minutes):", self.relearning_steps)
        form.addRow("Ma&ximum interval:", self.max_interval)
        form.addRow("", self.load_balance)
        form.addRow("Easy &days:", self.easy_days)
        for w in (self.new_per_day, self.reviews_per_day, self.retention, self.max_interval):
            w.valueChanged.connect(lambda _v: self.edited.emit())
        for e in (self.learning_steps, self.relearning_steps):
            e.textEdited.connect(lambda _t: self.edited.emit())
        self.load_balance.toggled.connect(lambda _b: self.edited.emit())
        for combo in self.day_combos:
            combo.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self.choice.activated.connect(lambda _i: self.show_preset(self.choice.currentText()))
        self.new_btn.clicked.connect(self.new_preset)
        self.rename_btn.clicked.connect(self.rename_preset)
        self.delete_btn.clicked.connect(self.delete_preset)

    @property
    def name(self) -> str:
        return self.choice.currentText() or presets.DEFAULT

    def show_preset(self, name: str | None = None) -> None:
        """List the presets and show one's values (the one shown, else Default)."""
        name = name or self.name
        all_ = presets.presets(self.ctx.store)
        if name not in all_:
            name = presets.DEFAULT
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.addItems(list(all_))
        self.choice.setCurrentText(name)
        self.choice.blockSignals(False)
        v = all_[name]
        widgets = (self.new_per_day, self.reviews_per_day, self.retention, self.learning_steps, self.relearning_steps,
                   self.max_interval, self.load_balance, *self.day_combos)
        for w in widgets:
            w.blockSignals(True)
        self.new_per_day.setValue(v["new_per_day"])
        self.reviews_per_day.setValue(v["reviews_per_day"])
        self.retention.setValue(v["desired_retention"])
        self.learning_steps.setText(steps_text(v["learning_steps"]))
        self.relearning_steps.setText(steps_text(v["relearning_steps"]))
        self.max_interval.setValue(v["max_interval"])
        self.load_balance.setChecked(bool(v["load_balance"]))
        for combo, level in zip(self.day_combos, v["easy_days"], strict=True):
            combo.setCurrentIndex(max(0, combo.findData(level)))
        for w in widgets:
            w.blockSignals(False)
        self.delete_btn.setEnabled(name != presets.DEFAULT)
        self.rename_btn.setEnabled(name != presets.DEFAULT)

    def values(self) -> dict[str, Any]:
        """The preset's values as edited (ValueError when the steps do not read as minutes)."""
        return {
            "new_per_day": self.new_per_day.value(),
            "reviews_per_day": self.reviews_per_day.value(),
            "desired_retention": round(self.retention.value(), 2),
            "learning_steps": parse_steps(self.learning_steps.text(), "learning steps"),
            "relearning_steps": parse_steps(self.relearning_steps.text(), "relearning steps"),
            "max_interval": self.max_interval.value(),
            "load_balance": self.load_balance.isChecked(),
            "easy_days": [c.currentData() for c in self.day_combos],
        }

    def new_preset(self) -> None:
        name = plain.ask_text(self, "New preset", f"Name of the new preset (a copy of {self.name}):")
        if name is None:
            return
        try:
            name = presets.add_preset(self.ctx.store, name, copy_of=self.name)
        except ValueError as e:
            plain.inform(self, "New preset", str(e))
            return
        self.show_preset(name)
        self.ctx.notify(SETTINGS, self)

    def rename_preset(self) -> None:
        """Rename the preset shown; its values as edited on the page stay as they are (saved or not)."""
        old = self.name
        if old == presets.DEFAULT:
            return
        name = plain.ask_text(self, "Rename preset", f"New name for the preset “{old}”:", old)
        if name is None or name.strip() == old:
            return
        try:
            name = presets.rename_preset(self.ctx.store, old, name)
        except ValueError as e:
            plain.inform(self, "Rename preset", f"{str(e)[:1].upper()}{str(e)[1:]}.")
            return
        self.choice.setItemText(self.choice.currentIndex(), name)  # the form keeps any unsaved edit
        self.ctx.notify(SETTINGS, self)

    def delete_preset(self) -> None:
        name = self.name
        if name == presets.DEFAULT:
            return
        if not plain.ask(self, "Delete preset", f"Delete the preset “{name}”? The sets that use it go back to Default."):
            return
        presets.delete_preset(self.ctx.store, name)
        self.show_preset(presets.DEFAULT)
        self.ctx.notify(SETTINGS, self)
