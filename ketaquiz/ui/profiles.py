"""The profile switcher at the foot of the sidebar: whose progress is open, "New profile…", "Rename…", "Delete…"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from ..core.profiles import (
    create_profile,
    default_profile,
    delete_profile,
    profile_trash,
    rename_profile,
    set_last_profile,
)
from ..core.store import StoreError
from . import plain
from .context import AppContext

NEW_ITEM = "New profile…"
RENAME_ITEM = "Rename this profile…"
DELETE_ITEM = "Delete this profile…"
AskName = Callable[[QWidget], str | None]
AskText = Callable[[QWidget, str, str, str], str | None]  # (parent, title, label, initial text) -> text or None
Confirm = Callable[[QWidget, str, str], bool]  # (parent, title, question) -> yes?


def _ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    name = plain.ask_text(parent, title, label, text)
    return name.strip() if name and name.strip() else None


def _ask_name(parent: QWidget) -> str | None:
    return _ask_text(parent, "New profile", "Name of the new learner's profile (any letters, e.g. Maria Ñúñez):")


def _confirm(parent: QWidget, title: str, question: str) -> bool:
    box = plain.message_box(parent, QMessageBox.Icon.Warning, title, question,
                            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


class ProfileSwitcher(QWidget):
    """A combo of the profiles; choosing one opens that learner's progress (and is remembered for next time)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, ask_name: AskName = _ask_name,
                 ask_text: AskText = _ask_text, confirm: Confirm = _confirm) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ask_name = ask_name
        self.ask_text = ask_text
        self.confirm = confirm
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
        ctx.changed.connect(lambda changes: self.refresh() if changes.profile else None)
        self.refresh()

    def refresh(self) -> None:
        first = default_profile(self.ctx.data)
        others = (set(self.ctx.data.profiles()) | {self.ctx.profile}) - {first}
        names = [first, *sorted(others, key=str.casefold)]
        self.combo.blockSignals(True)
        self.combo.clear()
        for n in names:
            self.combo.addItem(n, n)
        self.combo.insertSeparator(self.combo.count())
        self.combo.addItem(NEW_ITEM, None)
        self.combo.addItem(RENAME_ITEM, RENAME_ITEM)
        if self.ctx.profile != first:  # the default profile stays: it opens when no other is chosen
            self.combo.addItem(DELETE_ITEM, DELETE_ITEM)
        self.combo.setCurrentIndex(self.combo.findData(self.ctx.profile))
        self.combo.blockSignals(False)

    def _activated(self, index: int) -> None:
        if index < 0:
            return
        name = self.combo.itemData(index)
        if self.combo.itemText(index) == RENAME_ITEM:
            self.rename()
            return
        if self.combo.itemText(index) == DELETE_ITEM:
            self.delete()
            return
        if name is None:
            name = self.ask_name(self)
            if name is None:
                self.refresh()
                return
            try:
                name = create_profile(self.ctx.data, name)
            except ValueError as e:
                plain.inform(self, "New profile", str(e).capitalize())
                self.refresh()
                return
        self.switch_to(name)

    def switch_to(self, name: str) -> None:
        """Open a profile's progress and remember it as the one to open next time."""
        try:
            self.ctx.switch_profile(name)
        except StoreError as e:  # damaged, missing, from a newer KetaQuiz: said, and this learner's stays open
            plain.inform(self, "Cannot open that profile", str(e))
            self.refresh()
            return
        set_last_profile(self.ctx.data, name)
        self.refresh()

    def rename(self) -> bool:
        """Ask for a new name for the open profile and rename it (its progress and backups go with it)."""
        old = self.ctx.profile
        new = self.ask_text(self, "Rename profile", f"New name for the profile {old!r}:", old)
        if new is None or new == old:
            self.refresh()
            return False
        try:
            self.ctx.switch_profile(old, closed=lambda: rename_profile(self.ctx.data, old, new))
        except (ValueError, OSError) as e:
            plain.inform(self, "Rename profile", f"{str(e)[:1].upper()}{str(e)[1:]}. Nothing was changed.")
            self.refresh()
            return False
        set_last_profile(self.ctx.data, self.ctx.profile)
        self.refresh()
        return True

    def delete(self) -> bool:
        """After a confirmation, move the open profile (progress and backups) to the trash and open the default one."""
        name = self.ctx.profile
        first = default_profile(self.ctx.data)
        if not self.confirm(
            self, "Delete profile",
            f"Delete the profile {name!r}? Its progress and backups are moved to the trash folder\n"
            f"{profile_trash(self.ctx.data)}\nand the {first!r} profile opens.",
        ):
            self.refresh()
            return False
        moved: list[str] = []

        def move() -> str:
            moved.append(str(delete_profile(self.ctx.data, name, self.ctx.clock())))
            return first

        try:
            self.ctx.switch_profile(first, closed=move)
        except (ValueError, OSError) as e:
            plain.inform(self, "Delete profile", f"{str(e)[:1].upper()}{str(e)[1:]}. Nothing was changed.")
            self.refresh()
            return False
        set_last_profile(self.ctx.data, first)
        self.refresh()
        window = self.window()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(f"Profile {name!r} deleted; its progress is in {moved[0]}", 10000)
        return True
