"""The question types: one module per type in this package, each a `QuestionType` (Mnemosyne's card_types are the
model). A type owns what differs between types: reading and checking its fields, grading (with a verdict per part
that the widgets show), presenting, terminal input, and the editor's template and preview.

A new type is one new module here that calls `register` (plus its widget in ketaquiz/ui/question_widgets.py):
the modules of this package are found by listing it, in the order of their `rank`.
"""

from __future__ import annotations

import importlib
import pkgutil
import threading

from .base import QuestionType

__all__ = ["QuestionType", "kind_of", "register", "type_names", "unregister"]

_TYPES: dict[str, QuestionType] = {}
_UNKNOWN = QuestionType()  # what a question of no known type falls back to (check reports the type)
_loaded = False
_loading = threading.RLock()  # the first lookup may come from a worker thread and the main thread at once


def _load_builtin() -> None:
    # On first use, not at import: the type modules import questions.py and grading.py, which import this.
    # Marked loaded only once every module has registered: another thread looking a type up meanwhile waits.
    global _loaded
    with _loading:
        if _loaded:
            return
        for info in pkgutil.iter_modules(__path__):
            if info.name != "base" and not info.name.startswith("_"):
                importlib.import_module(f"{__name__}.{info.name}")
        _loaded = True


def register(kind: QuestionType) -> QuestionType:
    """Make a type known by its name (a type module calls this once for its type)."""
    if not kind.name:
        raise ValueError("a question type needs a name")
    _TYPES[kind.name] = kind
    return kind


def unregister(name: str) -> None:
    """Forget a type (for tests that register one of their own)."""
    _TYPES.pop(name, None)


def kind_of(name: str) -> QuestionType:
    """The type of this name; for an unknown name, a stand-in that grades nothing (check reports it)."""
    if not _loaded:
        _load_builtin()
    return _TYPES.get(name, _UNKNOWN)


def type_names() -> tuple[str, ...]:
    """The names of the known types, in the order lists show them."""
    if not _loaded:
        _load_builtin()
    return tuple(sorted(_TYPES, key=lambda n: (_TYPES[n].rank, n)))


def is_known(name: str) -> bool:
    return kind_of(name) is not _UNKNOWN
