"""The profile switcher at the foot of the sidebar: whose progress is open, and "New profile…"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel, QMessageBox, QVBoxLayout, QWidget

from ..core.library import DEFAULT_PROFILE
from ..core.profiles import create_profile, set_last_profile
from .context import AppContext

NEW_ITEM = "New profile…"
AskName = Callable[[QWidget], str | None]


def _ask_name(parent: QWidget) -> str | None:
    name, ok = QInputDialog.getText(parent, "New profile", "Name of the new learner's profile:")
    return name.strip() if ok and name.strip() else None


class ProfileSwitcher(QWidget):
    """A combo of the profiles; choosing one opens that learner's progress (and is remembered for next time)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, ask_name: AskName = _ask_name) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ask_name = ask_name
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 8)
        lay.setSpacing(2)
        label = QLabel("&Profile")
        label.setObjectName("hint")
        self.combo = QComboBox()
        self.combo.setAccessibleName("Learner profile")
        self.combo.setToolTip("Each learner's progress is kept apart")
        label.setBuddy(self.combo)
        lay.addWidget(label)
        lay.addWidget(self.combo)
        self.combo.activated.connect(self._activated)
        ctx.profile_changed.connect(lambda _name: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        names = set(self.ctx.data.profiles()) | {self.ctx.profile}
        names = [DEFAULT_PROFILE, *sorted(names - {DEFAULT_PROFILE}, key=str.casefold)]
        self.combo.blockSignals(True)
        self.combo.clear()
        for n in names:
            self.combo.addItem(n, n)
        self.combo.insertSeparator(self.combo.count())
        self.combo.addItem(NEW_ITEM, None)
        self.combo.setCurrentIndex(self.combo.findData(self.ctx.profile))
        self.combo.blockSignals(False)

    def _activated(self, index: int) -> None:
        name = self.combo.itemData(index)
        if name is None:
            name = self.ask_name(self)
            if name is None:
                self.refresh()
                return
            try:
                create_profile(self.ctx.data, name)
            except ValueError as e:
                QMessageBox.warning(self, "New profile", str(e).capitalize())
                self.refresh()
                return
        self.switch_to(name)

    def switch_to(self, name: str) -> None:
        """Open a profile's progress and remember it as the one to open next time."""
        self.ctx.switch_profile(name)
        set_last_profile(self.ctx.data, name)
        self.refresh()
