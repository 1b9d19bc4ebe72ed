"""Export a question set: KetaQuiz JSON (and, registered below, other formats)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .questions import QuestionSet

BINARY_FORMATS: set[str] = set()


def to_json(qset: QuestionSet) -> str:
    """The set as a JSON list of objects with id, topic, type, prompt, choices, answer, explanation, source."""
    return json.dumps([q.to_export() for q in qset.questions], ensure_ascii=False, indent=2) + "\n"


# format name -> text writer; binary formats write files themselves (see FILE_WRITERS).
TEXT_WRITERS: dict[str, Callable[[QuestionSet], str]] = {"json": to_json}
FILE_WRITERS: dict[str, Callable[[QuestionSet, Path], None]] = {}
FORMATS = set(TEXT_WRITERS) | set(FILE_WRITERS)


def export_text(qset: QuestionSet, fmt: str) -> str:
    if fmt not in TEXT_WRITERS:
        raise ValueError(f"unknown text export format {fmt!r}; use one of {', '.join(sorted(TEXT_WRITERS))}")
    return TEXT_WRITERS[fmt](qset)


def export_set(qset: QuestionSet, fmt: str, path: Path) -> Path:
    """Write the set to `path` in format `fmt`."""
    if fmt in FILE_WRITERS:
        FILE_WRITERS[fmt](qset, path)
    else:
        path.write_text(export_text(qset, fmt), encoding="utf-8")
    return path
