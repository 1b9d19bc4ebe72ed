"""Reading a set's article safely: only a regular file inside the set's own folder, under a size cap,
opened without blocking.

A set file names its article by a path, and a set file may come from anywhere (a download, an import,
a shared folder). Read as given, ``article = "/dev/zero"`` filled memory until the process died, a FIFO
hung every start of the app and of ``quiz`` (the library loads at start), and ``../../`` or a symbolic
link showed files from outside the set. So the path must stay inside the set's folder once links are
resolved, the file is opened non-blocking and must be a regular file, and at most MAX_ARTICLE_BYTES
are read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

from .article import Article, parse_article

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
MAX_ARTICLE_TEXT = f"{MAX_ARTICLE_BYTES // (1024 * 1024)} MB"


class ArticleFileError(Exception):
    """An article that may not or cannot be read; the message names the file and the reason."""


def article_location(set_file: Path, article: str) -> Path:
    """The article's path for a set file, when it is inside the set's folder; else ArticleFileError.

    Only the name is checked (links resolved), nothing is opened: cheap enough for every listing."""
    folder = Path(set_file).parent
    if not article or "\x00" in article:
        raise ArticleFileError(f"article {article!r}: not a file name")
    posix, win = PurePosixPath(article), PureWindowsPath(article)
    if posix.is_absolute() or win.is_absolute() or win.drive or article.startswith(("/", "\\", "~")):
        raise ArticleFileError(f"article {article!r} is not inside the set's folder {folder}; "
                               "put the article beside the set file and give its file name")
    path = folder / article
    try:
        inside = path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):  # outside (.., a link out), or a link loop
        raise ArticleFileError(f"article {article!r} leads outside the set's folder {folder}; "
                               "put the article beside the set file and give its file name") from None
    if not inside.parts:
        raise ArticleFileError(f"article {article!r} names the set's folder, not a file")
    return path


def read_article_text(path: Path, *, limit: int = MAX_ARTICLE_BYTES) -> str:
    """The text of an article file (UTF-8): opened without blocking, only a regular file, at most `limit`
    bytes; ArticleFileError naming the file and the reason otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ArticleFileError(f"{path}: article file not found; fix the set's 'article' or put the file there") from None
    except OSError as e:
        raise ArticleFileError(f"{path}: the article cannot be opened ({e.strerror})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = ("a folder" if stat.S_ISDIR(st.st_mode) else "a pipe (FIFO)" if stat.S_ISFIFO(st.st_mode)
                    else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "not a regular file")
            raise ArticleFileError(f"{path}: the article is {kind}; an article must be a text file")
        if st.st_size > limit:
            raise ArticleFileError(_too_big(path, st.st_size, limit))
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while being read
                raise ArticleFileError(_too_big(path, total, limit))
    except OSError as e:
        raise ArticleFileError(f"{path}: the article cannot be read ({e.strerror})") from None
    finally:
        os.close(fd)
    try:
        return b"".join(chunks).decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ArticleFileError(f"{path}: the article is not UTF-8 text ({e.reason} at byte {e.start}); "
                               "save it as UTF-8") from None


def _too_big(path: Path, size: int, limit: int) -> str:
    return (f"{path}: the article is {size / 2**20:.1f} MB, over the {limit / 2**20:.0f} MB an article may be; "
            "split it into several sets")


def load_set_article(set_file: Path, article: str) -> Article:
    """A set's article, read and parsed safely (see the module docstring); ArticleFileError otherwise."""
    path = article_location(set_file, article)
    return parse_article(read_article_text(path), path=path)


def article_file_of(set_file: str | Path | None, article_path: str | Path | None) -> Path | None:
    """The article path stored for a set, when it is still inside the set's folder; None otherwise."""
    if not set_file or not article_path:
        return None
    folder = Path(set_file).parent
    try:
        return article_location(Path(set_file), os.path.relpath(article_path, folder))
    except (ArticleFileError, ValueError):
        return None
