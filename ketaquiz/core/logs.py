"""The app's log: a rotating file in the platform's log directory, through `logging`.

No Qt here. ``start_log`` is called once by the desktop app; what goes wrong (an uncaught exception, a backup
refused) is written there with its traceback, and the dialog that tells the user names this file.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "ketaquiz.log"
MAX_BYTES, BACKUPS = 1_000_000, 3  # ~4 MB at most, the oldest lines dropped first


def log_dir() -> Path:
    """``$KETAQUIZ_LOG_DIR`` when set, else the platform's user log directory."""
    env = os.environ.get("KETAQUIZ_LOG_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_log_dir("ketaquiz", appauthor=False))


def start_log(directory: Path | None = None) -> Path | None:
    """Send the `ketaquiz` loggers to a rotating file in `directory` (default: log_dir()); its path, or None when
    no file can be written there (the log then goes to standard error only)."""
    logger = logging.getLogger("ketaquiz")
    logger.setLevel(logging.INFO)
    folder = directory or log_dir()
    path = folder / LOG_NAME
    for h in logger.handlers:
        if isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path.resolve():
            return path  # already logging there
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    return path if isinstance(handler, RotatingFileHandler) else None
