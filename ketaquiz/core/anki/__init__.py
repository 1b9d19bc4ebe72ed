"""Anki packages (``.apkg``, ``.colpkg``) read as KetaQuiz questions: archive, collection, notes, history."""

from __future__ import annotations

import tempfile
from pathlib import Path

from .archive import extract_member, open_package
from .collection import Collection, read_collection
from .notes import Imported, questions_from

__all__ = ["Imported", "read_package"]


def read_package(path: Path) -> Imported:
    """Read an Anki package into questions; raises importers.ImportError_ naming the file on any problem."""
    pkg = open_package(path)
    with pkg.zf, tempfile.TemporaryDirectory(prefix="ketaquiz-apkg-") as tmp:
        db_path = Path(tmp) / "collection.db"
        extract_member(pkg, pkg.collection, db_path, zstd=pkg.collection.endswith("b"))
        col = read_collection(path, db_path)
    result = questions_from(path, col)
    if _is_update_stub(col, result):
        from ..importers import ImportError_

        raise ImportError_(f"{path}: this package holds only Anki's 'Please update to the latest Anki version' "
                           "note; export the deck from Anki again")
    if pkg.media:
        n = len(pkg.media)
        result.warnings.append(f"{n} media file{'s' if n != 1 else ''} (images, sounds) not imported: "
                               "KetaQuiz shows text only")
    return result


def _is_update_stub(col: Collection, result: Imported) -> bool:
    return len(col.notes) == 1 and "update to the latest anki version" in col.notes[0][3].lower()
