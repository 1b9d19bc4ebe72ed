"""Where things live: the data directory, profiles, the bundled course and the user's own sets."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..resources import shipped_dir
from . import inuse
from .cleanclose import note_clean_close
from .clock import Clock, utc_now
from .files import FileSignature
from .ids import is_bundled_set_id
from .questions import QuestionSet
from .setfile import SetFileError, find_set_files, read_set
from .store import Store, SyncResult

DEFAULT_PROFILE = "default"
DB_NAME = "ketaquiz.db"
PROFILE_NAME_MAX = 64
# Besides letters, marks and digits of any script: these, never first or last. No path separator, no ':' or
# other character a file system refuses, no control character; a profile name is a folder name.
_PROFILE_PUNCT = frozenset(" ._-'’()")
# Folder names Windows reserves whatever the extension (a data directory may be on a shared drive).
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)


def default_data_dir() -> Path:
    """``$KETAQUIZ_DATA`` when set, else the platform's user data directory."""
    env = os.environ.get("KETAQUIZ_DATA")
    if env:
        return Path(env).expanduser()
    import platformdirs  # here: with tempfile under it, ~13 ms a start on a given directory need not spend

    return Path(platformdirs.user_data_dir("ketaquiz", appauthor=False))


def bundled_questions_dir() -> Path:
    """The bundled course's folder: ``questions/``, shipped with the package (ketaquiz.resources)."""
    return shipped_dir("questions")


def _name_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN" or ch in _PROFILE_PUNCT


def validate_profile_name(name: str) -> str:
    """The name (NFC: the same name typed on any system is one folder), or ValueError saying what a profile name
    may be. Letters of any script, accents and capitals are kept ("Maria Ñúñez")."""
    if not isinstance(name, str):
        raise ValueError("a profile name must be text")
    norm = unicodedata.normalize("NFC", name)
    ok = (
        0 < len(norm) <= PROFILE_NAME_MAX
        and len(norm.encode("utf-8")) <= 4 * PROFILE_NAME_MAX - 56  # a file name's 255 bytes, with room to spare
        and all(_name_char(ch) for ch in norm)
        and unicodedata.category(norm[0])[0] in "LMN"
        and norm[-1] not in " ._-"
        and ".." not in norm
        and not _RESERVED.match(norm)
    )
    if not ok:
        raise ValueError(
            f"profile name {name!r} is not allowed: use 1–{PROFILE_NAME_MAX} letters (any language), digits, spaces "
            "and . _ - ' ( ), starting with a letter or digit and not ending with a space, '.', '_' or '-'"
        )
    return norm


# A set file's signature and its article's (None: no article, or gone).
_Signatures = tuple[FileSignature, FileSignature | None]


@dataclass(frozen=True)
class DataDir:
    """The data directory: profiles (one database each), the user's sets, backups."""

    root: Path
    # A copy made because the learner's folder is read-only (health.readable_copy): a sentence saying so.
    read_only: str = ""
    # Set files that did not load, by path: what they and their article were then, and why. A file unchanged
    # since is not read again (every save in the app reloads the library; a broken 100k-question file takes
    # seconds to read and check). Kept by the data directory they are in, not by the process.
    failed_loads: dict[str, tuple[_Signatures, Path | None, str | None, LoadProblem]] = field(
        default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def resolve(cls, data: str | Path | None = None) -> DataDir:
        return cls(Path(data).expanduser() if data else default_data_dir())

    @property
    def sets_dir(self) -> Path:
        return self.root / "sets"

    def profile_dir(self, profile: str = DEFAULT_PROFILE) -> Path:
        return self.root / "profiles" / validate_profile_name(profile)

    def db_path(self, profile: str = DEFAULT_PROFILE) -> Path:
        return self.profile_dir(profile) / DB_NAME

    def backups_dir(self, profile: str = DEFAULT_PROFILE) -> Path:
        return self.profile_dir(profile) / "backups"

    def profiles(self) -> list[str]:
        base = self.root / "profiles"
        # NFC: macOS hands folder names back decomposed.
        names = sorted(unicodedata.normalize("NFC", p.name) for p in base.iterdir() if (p / DB_NAME).exists()) if base.is_dir() else []
        if DEFAULT_PROFILE not in names and not self._default_renamed(names):
            names.insert(0, DEFAULT_PROFILE)
        return names

    def _default_renamed(self, names: list[str]) -> bool:
        """Whether the default profile was renamed to one of `names` (profiles.default_profile keeps its name)."""
        try:
            state = json.loads((self.root / "app.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return isinstance(state, dict) and state.get("default_profile") in names

    def open_store(self, profile: str = DEFAULT_PROFILE, *, clock: Clock = utc_now) -> Store:
        store = ProfileStore(self.db_path(profile), clock=clock)
        inuse.hold(store, self.db_path(profile))  # `ketaquiz restore` refuses while it is held (core/inuse.py)
        return store


class ProfileStore(Store):
    """A profile's store, opened from its data directory: a clean close is noted, so that the next opening may skip
    the full check of a file nothing touched since (core/cleanclose.py)."""

    def close(self) -> None:
        super().close()
        note_clean_close(Path(self.path))


@dataclass(frozen=True)
class LoadProblem:
    """A set file that could not be loaded, with a line saying why."""

    path: Path
    message: str


def set_folders(data: DataDir) -> list[tuple[Path, bool]]:
    """(folder, bundled?) where set files are: the bundled course's, then the user's (searched recursively)."""
    return [(bundled_questions_dir(), True), (data.sets_dir, False)]


def set_files(data: DataDir) -> list[tuple[Path, bool]]:
    """(set file, bundled?) for the bundled course and the user's sets."""
    return [(p, bundled) for folder, bundled in set_folders(data) if folder.is_dir() for p in find_set_files([folder])]


def changed_set_files(store: Store, data: DataDir) -> list[tuple[Path, bool]]:
    """(set file, bundled?) for the set files not loaded in this store yet, or changed since."""
    return [(path, bundled) for path, bundled in set_files(data) if not store.is_synced(path)]


def _signature(path: Path, article: Path | None) -> _Signatures | None:
    """The signatures of a set file and of its article (None: none, or gone); None when not to be trusted (the
    set file is unreadable, or written too recently)."""
    sig = FileSignature.of(path)
    if sig is None or not sig.settled():
        return None
    return sig, FileSignature.of(article) if article is not None else None


def load_library(store: Store, data: DataDir, files: list[tuple[Path, bool]] | None = None
                 ) -> tuple[dict[str, SyncResult], list[LoadProblem]]:
    """Sync every known set file (or these `files`, found changed by `changed_set_files`) into the store.
    A set with problems is not loaded (its saved progress stays), nor read again while neither it nor its
    article changes."""
    results: dict[str, SyncResult] = {}
    problems: list[LoadProblem] = []
    deleted = {s.id for s in store.sets(include_deleted=True) if s.deleted}
    for path, bundled in set_files(data) if files is None else files:
        if files is None and store.is_synced(path):  # (`files` were found changed: not hashed again)
            continue
        known = data.failed_loads.get(str(path))
        if known is not None and known[0] == _signature(path, known[1]):
            if known[2] not in deleted:  # (a set this learner deleted is not loaded, nor reported)
                problems.append(known[3])
            continue
        qset, message = read_and_check(path, skip_ids=deleted)
        if qset is not None and qset.id in deleted:
            continue
        if not message and qset is not None and not bundled and is_bundled_set_id(qset.id):
            message = (f"{path}:1: set: set id {qset.id!r} belongs to the bundled course; "
                       "give your set another id (its questions would replace the course's)")
        if message:
            problem = LoadProblem(path, message)
            problems.append(problem)
            article = qset.article_path() if qset is not None else None
            sig = _signature(path, article)
            if sig is not None:
                data.failed_loads[str(path)] = (sig, article, qset.id if qset is not None else None, problem)
            continue
        assert qset is not None
        data.failed_loads.pop(str(path), None)
        results[qset.id] = store.sync_set(qset, bundled=bundled)
    return results, problems


def read_and_check(path: Path, *, skip_ids: set[str] | frozenset[str] = frozenset()) -> tuple[QuestionSet | None, str]:
    """A set file read and checked as the library does before loading it: (the set, or None when it cannot
    be read; "" or why it cannot be loaded, in one line). A set whose id is in `skip_ids` is not checked."""
    try:
        qset = read_set(path)
    except SetFileError as e:
        return None, str(e)
    if qset.id in skip_ids:
        return qset, ""
    from .check import check_set  # here: a start with no changed set file never needs the checks

    found = check_set(qset)
    if not found:
        return qset, ""
    more = f" (and {len(found) - 1} more; run 'ketaquiz check {path}')" if len(found) > 1 else ""
    return qset, f"{found[0]}{more}"
