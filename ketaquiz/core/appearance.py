"""How the app looks: theme and font size. A profile's own, apart from its study settings (scheduling.Settings)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

THEMES = ("system", "light", "dark")


@dataclass
class Appearance:
    """The learner's appearance settings, saved in the store (Store.appearance)."""

    theme: str = "system"  # system | light | dark
    font_size: int = 0  # points; 0 = the system's size

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Appearance:
        """From a saved dict; other keys are left out (the study settings held these two until they moved here)."""
        return cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})

    def validate(self) -> None:
        """Raise ValueError with a clear message when a value is out of range."""
        if self.theme not in THEMES:
            raise ValueError("theme must be system, light or dark")
        if not isinstance(self.font_size, int) or not 0 <= self.font_size <= 72:
            raise ValueError("font size must be 0 (the system's) or a size in points up to 72")
