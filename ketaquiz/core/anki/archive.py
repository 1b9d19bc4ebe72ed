"""An Anki package (``.apkg`` / ``.colpkg``) as a zip archive: hostile members refused, the collection
unpacked (zstd in Anki's current format), and the media map read (JSON or protobuf).

Anki writes three generations of package, told apart by the ``meta`` member (protobuf ``PackageMetadata``,
field 1 ``version``): 1 = ``collection.anki2`` only, 2 = ``collection.anki21``, 3 = ``collection.anki21b``,
zstd-compressed, with zstd-compressed media files and a zstd-compressed protobuf media map. Versions 2 and 3
also carry a stub ``collection.anki2`` whose one note asks to update Anki; the newest collection present wins.
"""

from __future__ import annotations

import io
import json
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import IO

from . import protobuf

MAX_ARCHIVE_BYTES = 512 * 1024 * 1024  # total uncompressed size accepted from a package (and from a zstd member)
MAX_RATIO = 200  # compression ratio above which a large member is treated as a zip bomb
MAX_MEDIA_MAP_BYTES = 16 * 2**20
COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")  # newest first
VERSION_LATEST = 3  # PackageMetadata.Version.VERSION_LATEST


def _error(message: str) -> Exception:
    from ..importers import ImportError_  # here: importers imports this package lazily

    return ImportError_(message)


@dataclass
class Package:
    """An opened package: its zip, which collection member to read, and the media map (name -> member)."""

    path: Path
    zf: zipfile.ZipFile
    collection: str
    media: dict[str, str] = field(default_factory=dict)  # file name in the notes -> zip member holding it
    zstd_media: bool = False


def open_package(path: Path) -> Package:
    """Open and vet the archive; raises ImportError_ naming the file and what to do."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as e:  # (a zip "version" Python lacks)
        raise _error(f"{path}: not an Anki package (.apkg and .colpkg are zip archives: {e}); "
                     "export the deck from Anki again") from None
    try:
        check_archive(path, zf)
        names = set(zf.namelist())
        coll = next((n for n in COLLECTIONS if n in names), None)
        if coll is None:
            raise _error(f"{path}: no Anki collection inside (collection.anki21b, .anki21 or .anki2); "
                         "export the deck from Anki again")
        pkg = Package(path, zf, coll, zstd_media=coll.endswith("b") or _meta_version(zf, names) >= VERSION_LATEST)
        pkg.media = _media_map(pkg, names)
    except BaseException:
        zf.close()
        raise
    return pkg


def check_archive(path: Path, zf: zipfile.ZipFile) -> None:
    """Refuse hostile archives: unsafe member paths, links, or a huge uncompressed size (zip bomb)."""
    total = 0
    for info in zf.infolist():
        name = info.filename
        if _unsafe_member(name):
            raise _error(f"{path}: refused: the archive holds a file with an unsafe path ({name!r}); "
                         "this is not a genuine Anki export, so nothing was imported")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise _error(f"{path}: refused: the archive holds a symbolic link ({name!r}); nothing was imported")
        total += info.file_size
        if total > MAX_ARCHIVE_BYTES:
            raise _error(f"{path}: refused: the archive would unpack to more than {MAX_ARCHIVE_BYTES // 2**20} MB; "
                         "nothing was imported (split the deck, or leave out media)")
        if info.file_size > 16 * 2**20 and info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            raise _error(f"{path}: refused: {name!r} is compressed {info.file_size // info.compress_size}:1, "
                         "which looks like a zip bomb; nothing was imported")


def _unsafe_member(name: str) -> bool:
    if not name or "\x00" in name:
        return True
    posix, win = PurePosixPath(name), PureWindowsPath(name)
    return (posix.is_absolute() or win.is_absolute() or bool(win.drive) or name.startswith(("/", "\\"))
            or ".." in posix.parts or ".." in win.parts)


def _meta_version(zf: zipfile.ZipFile, names: set[str]) -> int:
    if "meta" not in names or zf.getinfo("meta").file_size > 4096:
        return 0
    try:
        return protobuf.first_int(zf.read("meta"), 1)
    except (protobuf.ProtobufError, zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError):
        return 0


def _copy_limited(path: Path, name: str, src: IO[bytes], out: IO[bytes], limit: int) -> int:
    written = 0
    while chunk := src.read(1 << 20):
        written += len(chunk)
        if written > limit:
            raise _error(f"{path}: refused: {name!r} unpacks to more than it may "
                         f"({limit // 2**20} MB at most); nothing was imported")
        out.write(chunk)
    return written


def _unpack(pkg: Package, name: str, out: IO[bytes], zstd: bool, limit: int) -> None:
    """Copy member `name` into `out` (zstd-decompressed when asked), refusing more than `limit` bytes."""
    info = pkg.zf.getinfo(name)
    try:
        with pkg.zf.open(info) as raw:
            if not zstd:
                _copy_limited(pkg.path, name, raw, out, min(limit, info.file_size))
                return
            import zstandard  # here: only current-format packages need it

            try:
                # A stream reader: Anki writes frames without a content size, which decompress() refuses.
                with zstandard.ZstdDecompressor().stream_reader(raw) as src:
                    _copy_limited(pkg.path, name, src, out, limit)
            except zstandard.ZstdError as e:
                raise _error(f"{pkg.path}: {name} is not valid zstd data ({e}); export the deck from Anki again") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as e:
        raise _error(f"{pkg.path}: the archive is damaged ({name}: {e}); export the deck from Anki again") from None


def extract_member(pkg: Package, name: str, dest: Path, *, zstd: bool = False, limit: int = MAX_ARCHIVE_BYTES) -> None:
    """Copy one member to the file `dest`, stopping at its declared size (headers can lie) or `limit`."""
    with open(dest, "wb") as out:
        _unpack(pkg, name, out, zstd, limit)


def read_small(pkg: Package, name: str, *, zstd: bool = False, limit: int = MAX_MEDIA_MAP_BYTES) -> bytes:
    """A small member's bytes (decompressed when `zstd`), refused above `limit`."""
    if pkg.zf.getinfo(name).file_size > limit:
        raise _error(f"{pkg.path}: refused: {name!r} is larger than {limit // 2**20} MB; nothing was imported")
    buf = io.BytesIO()
    _unpack(pkg, name, buf, zstd, limit)
    return buf.getvalue()


def _media_map(pkg: Package, names: set[str]) -> dict[str, str]:
    """File name used in the notes -> zip member. Legacy: JSON {"0": "name"}; current: zstd protobuf entries."""
    if "media" not in names:
        return {}
    data = read_small(pkg, "media", zstd=pkg.zstd_media)
    out: dict[str, str] = {}
    if pkg.zstd_media:
        try:
            entries = [e for number, e in protobuf.fields(data) if number == 1 and isinstance(e, bytes)]
            for i, entry in enumerate(entries):  # the i-th entry is zip member "i" (MediaEntries, field 1)
                name = ""
                member = str(i)
                for n, v in protobuf.fields(entry):
                    if n == 1 and isinstance(v, bytes):
                        name = v.decode("utf-8", "replace")
                    elif n == 255 and isinstance(v, int):  # legacy_zip_filename
                        member = str(v)
                if name and member in names:
                    out[name] = member
        except protobuf.ProtobufError as e:
            raise _error(f"{pkg.path}: the media list is damaged ({e}); export the deck from Anki again") from None
        return out
    try:
        raw = json.loads(data or b"{}")
    except (ValueError, RecursionError):
        raise _error(f"{pkg.path}: the media list is not valid JSON; export the deck from Anki again") from None
    if isinstance(raw, dict):
        for member, name in raw.items():
            if isinstance(name, str) and name and str(member) in names:
                out[name] = str(member)
    return out
