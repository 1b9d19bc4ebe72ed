"""The one notice of what changed in the open profile, and who changed it (Anki's `OpChanges` is the model).

`AppContext.notify` sends it on `AppContext.changed` after anything a screen did (an answer, a saved set, new
settings, another profile); each screen refreshes what the notice concerns, and may skip a notice it initiated.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace


@dataclass(frozen=True)
class Changes:
    """What changed; `initiator` is the screen (or other object) whose action changed it, None when unknown."""

    progress: bool = False  # answers recorded, re-rated or undone; questions suspended, rescheduled, purged
    library: bool = False  # sets added, edited, deleted, restored or re-synced from their files
    settings: bool = False  # the profile's settings, presets or fitted parameters
    profile: bool = False  # another learner's profile is open (then everything else changed too)
    initiator: object | None = field(default=None, compare=False)

    def __bool__(self) -> bool:
        return self.progress or self.library or self.settings or self.profile

    def __or__(self, other: Changes) -> Changes:
        """Both notices' changes; the initiator is kept only when both have the same one."""
        flags = {f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self) if f.name != "initiator"}
        return Changes(**flags, initiator=self.initiator if self.initiator is other.initiator else None)

    def by(self, initiator: object | None) -> Changes:
        """The same changes, made by `initiator`."""
        return replace(self, initiator=initiator)

    def describe(self) -> str:
        """'progress, library' — for the log."""
        names = [f.name for f in fields(self) if f.name != "initiator" and getattr(self, f.name)]
        return ", ".join(names) or "nothing"


NOTHING = Changes()
PROGRESS = Changes(progress=True)
LIBRARY = Changes(library=True)
SETTINGS = Changes(settings=True)
PROFILE = Changes(progress=True, library=True, settings=True, profile=True)  # another learner: everything differs
