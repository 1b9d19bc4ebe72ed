"""Manage the user's question sets in the data directory: create, rename, duplicate, delete, restore, purge.

A user's set lives in ``<data>/sets/<id>/set.toml`` (with its article beside it). Deleting moves the
folder to ``<data>/trash/<id>/`` and hides the set in the store, so its progress is kept until purged.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

from . import ids
from .article import Article, parse_article
from .articlefile import ArticleFileError, article_location, read_article_text
from .files import atomic_write
from .library import DataDir, bundled_questions_dir
from .questions import QuestionSet, Topic
from .setfile import read_set, write_set
from .store import Store

SET_FILE = "set.toml"


class AuthoringError(Exception):
    """A set operation that cannot be done; the message says why and what to do."""


def validate_set_id(set_id: str) -> str:
    """The id, or AuthoringError saying what a set id may be (the rule is ids.validate_set_id's)."""
    if ids.set_id_problem(set_id):
        raise AuthoringError(f"{set_id!r} is not a valid set id: {ids.SET_ID_RULE}")
    return set_id


def slug(text: str) -> str:
    """A set id made from a title or file name."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:64].strip("-") or "set"


def set_path(data: DataDir, set_id: str) -> Path:
    return data.sets_dir / set_id / SET_FILE


def trash_dir(data: DataDir) -> Path:
    return data.root / "trash"


def is_user_set(data: DataDir, path: Path | str | None) -> bool:
    """True for a set file under the data directory (editable); bundled sets are read-only."""
    if path is None:
        return False
    try:
        Path(path).resolve().relative_to(data.sets_dir.resolve())
        return True
    except ValueError:
        return False


def id_taken(data: DataDir, set_id: str, store: Store | None = None) -> bool:
    """True when a set (user's, bundled, deleted-but-not-purged, or known to the store) has this id."""
    if (data.sets_dir / set_id).exists() or ids.is_bundled_set_id(set_id) or (bundled_questions_dir() / set_id).exists():
        return True
    if (trash_dir(data) / set_id).exists():
        return True
    return store is not None and store.set_info(set_id) is not None


def unique_set_id(data: DataDir, base: str, store: Store | None = None) -> str:
    """`base` (as a valid id), or base-2, base-3… when taken."""
    base = slug(base)[:58]
    sid, n = base, 2
    while id_taken(data, sid, store):
        sid, n = f"{base}-{n}", n + 1
    return sid


def _check_free(data: DataDir, set_id: str, store: Store | None) -> None:
    validate_set_id(set_id)
    if id_taken(data, set_id, store):
        raise AuthoringError(f"a set with id {set_id!r} already exists (or is in the trash); choose another id")


def create_set(data: DataDir, set_id: str, title: str, *, topics: list[Topic] | None = None,
               store: Store | None = None) -> QuestionSet:
    """A new empty set file; one 'general' topic unless topics are given."""
    _check_free(data, set_id, store)
    qset = QuestionSet(id=set_id, title=title.strip() or set_id,
                       topics=topics if topics is not None else [Topic("general", "General")])
    write_set(qset, set_path(data, set_id))
    return qset


def rename_set(qset: QuestionSet, title: str) -> QuestionSet:
    """Give the set a new title (its id, and so its progress, stays)."""
    if not title.strip():
        raise AuthoringError("a set needs a title")
    if qset.path is None:
        raise AuthoringError(f"set {qset.id!r} has no file to save to")
    qset.title = title.strip()
    write_set(qset)
    return qset


def duplicate_set(data: DataDir, qset: QuestionSet, new_id: str, title: str | None = None,
                  store: Store | None = None) -> QuestionSet:
    """A copy under a new id in the user's sets (questions, topics and article; progress starts fresh)."""
    _check_free(data, new_id, store)
    src = qset.path
    copy = read_set(src) if src is not None and src.exists() else qset
    dest = set_path(data, new_id)
    article = _own_article(qset)
    text = None
    try:
        text = read_article_text(article) if article is not None else None
    except ArticleFileError as e:
        raise AuthoringError(str(e)) from None
    dest.parent.mkdir(parents=True, exist_ok=True)
    copy.article = ""  # (an article from outside the set's folder is never copied)
    if article is not None and text is not None:
        atomic_write(dest.parent / article.name, text)
        copy.article = article.name
    copy.id, copy.title = new_id, (title or f"{qset.title} (copy)")
    write_set(copy, dest, keep_from=src)  # the copy keeps the original's comments
    return copy


def set_folder(data: DataDir, store: Store, set_id: str) -> Path:
    """The folder of one of the user's sets: the folder its file was loaded from, never a path built from
    its id, and only when it is a real folder (not a link) inside ``<data>/sets/``; else AuthoringError."""
    not_yours = AuthoringError(f"set {set_id!r} is not one of your sets (bundled sets cannot be deleted)")
    info = store.set_info(set_id)
    if ids.set_id_problem(set_id) or info is None or not info.path or info.bundled:
        raise not_yours
    folder = Path(info.path).parent
    try:
        inside = folder.resolve().relative_to(data.sets_dir.resolve())
    except (ValueError, OSError):
        raise not_yours from None
    if not inside.parts or folder.is_symlink() or not folder.is_dir():
        raise not_yours
    return folder


def _own_article(qset: QuestionSet) -> Path | None:
    """The set's article when it is a readable file inside the set's folder (never one from elsewhere)."""
    if not qset.article or qset.path is None:
        return None
    try:
        return article_location(qset.path, qset.article)
    except ArticleFileError:
        return None


def delete_set(data: DataDir, store: Store, set_id: str) -> Path:
    """Move a user's set (its own folder) to the trash and hide it; its progress stays until purge_set."""
    folder = set_folder(data, store, set_id)
    dest = trash_dir(data) / set_id
    if dest.exists():
        shutil.rmtree(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(folder), str(dest))
    store.mark_set_deleted(set_id)
    return dest


def deleted_sets(data: DataDir) -> list[QuestionSet]:
    """Sets in the trash (their progress is still in the store)."""
    out: list[QuestionSet] = []
    base = trash_dir(data)
    for p in sorted(base.glob(f"*/{SET_FILE}")) if base.is_dir() else []:
        try:
            out.append(read_set(p))
        except Exception:  # noqa: BLE001 - a damaged file in the trash still lists by folder name
            logging.getLogger(__name__).info("%s: listed by its folder's name (unreadable)", p, exc_info=True)
            out.append(QuestionSet(id=p.parent.name, title=p.parent.name, path=p))
    return out


def restore_set(data: DataDir, store: Store, set_id: str) -> Path:
    """Bring a deleted set back, with its progress."""
    validate_set_id(set_id)
    src = trash_dir(data) / set_id
    if not src.is_dir():
        raise AuthoringError(f"set {set_id!r} is not in the trash")
    dest = data.sets_dir / set_id
    if dest.exists():
        raise AuthoringError(f"a set with id {set_id!r} exists again; rename or delete it first")
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(src), str(dest))
    store.mark_set_deleted(set_id, deleted=False)
    return dest / SET_FILE


def purge_set(data: DataDir, store: Store, set_id: str) -> None:
    """Remove a deleted set and all its progress for good: the progress first (one transaction), then its files,
    so that a failure leaves either everything or only files the trash still lists."""
    validate_set_id(set_id)
    store.purge_set(set_id)
    folder = trash_dir(data) / set_id
    if folder.is_dir():
        shutil.rmtree(folder)


def save_set(qset: QuestionSet) -> Path:
    """Write the set file atomically, keeping ids and every field."""
    return write_set(qset)


def new_set_from_article(data: DataDir, qset: QuestionSet, article_text: str, *, suffix: str = ".md",
                         store: Store | None = None, overwrite: bool = False) -> Path:
    """Save a (generated) set with a copy of its article beside it: ``sets/<id>/article<suffix>`` + ``set.toml``."""
    if not overwrite:
        _check_free(data, qset.id, store)
    else:
        validate_set_id(qset.id)
    folder = data.sets_dir / qset.id
    folder.mkdir(parents=True, exist_ok=True)
    name = "article" + (suffix if suffix in (".md", ".txt") else ".md")
    atomic_write(folder / name, article_text)
    qset.article = name
    return write_set(qset, folder / SET_FILE)


def topics_from_article(article: Article) -> list[Topic]:
    """One topic per section of the article."""
    return [Topic(id=s.slug, title=s.title) for s in article.sections]


def article_from_text(text: str) -> Article:
    return parse_article(text)
