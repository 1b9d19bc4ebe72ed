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
    result = questions_from(path, col, pkg.media)
    if _is_update_stub(col, result):
        from ..importers import ImportError_

        raise ImportError_(f"{path}: this package holds only Anki's 'Please update to the latest Anki version' "
                           "note; export the deck from Anki again")
    unused = len(pkg.media) - len(result.media_files)
    if unused > 0:
        result.warnings.append(f"{unused} media file{'s' if unused != 1 else ''} in the package "
                               f"{'are' if unused != 1 else 'is'} shown by no imported question (answers, skipped "
                               "notes): left out")
    return result


def copy_media(path: Path, files: dict[str, str], folder: Path) -> tuple[list[Path], list[str]]:
    """Copy the package's media files into a set's folder (`files`: path in the folder -> name in the package):
    (files written, what was left out and why). A file that cannot be unpacked (too big, damaged) is left out;
    on any other failure what was written is removed."""
    from ..importers import ImportError_
    from ..media import MAX_MEDIA_BYTES, media_problem

    written: list[Path] = []
    left_out: list[str] = []
    pkg = open_package(path)
    try:
        with pkg.zf:
            for rel, name in files.items():
                if media_problem(rel) is not None or name not in pkg.media:
                    continue  # (safe_media_name made `rel`; the name comes from the package's own map)
                dest = folder / rel
                dest.parent.mkdir(parents=True, exist_ok=True)
                try:
                    extract_member(pkg, pkg.media[name], dest, zstd=pkg.zstd_media, limit=MAX_MEDIA_BYTES)
                except ImportError_ as e:
                    dest.unlink(missing_ok=True)
                    left_out.append(f"{name}: {str(e).removeprefix(f'{path}: ')}")
                    continue
                written.append(dest)
    except BaseException:
        for f in written:
            f.unlink(missing_ok=True)
        raise
    return written, left_out


def _is_update_stub(col: Collection, result: Imported) -> bool:
    return len(col.notes) == 1 and "update to the latest anki version" in col.notes[0][3].lower()
