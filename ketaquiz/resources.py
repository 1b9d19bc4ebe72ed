"""The folders shipped with KetaQuiz (the course in ``questions/``, the app's files in ``assets/``), found through
importlib.resources.

The repository keeps both at its top level; the wheel and the sdist's install map them into the package
(``ketaquiz/questions``, ``ketaquiz/assets``: see setup.py). An editable install or a checkout run with no install
reads them where they are in the checkout.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SHIPPED = ("questions", "assets")
_CHECKOUT = Path(__file__).resolve().parent.parent


def shipped_dir(name: str) -> Path:
    """The shipped folder `name` ("questions" or "assets") as a directory on disk.

    A real path, not a Traversable: the library watches, stats and walks the course's folder, and a set file
    names its article by a path relative to itself.
    """
    if name not in SHIPPED:
        raise ValueError(f"no shipped folder {name!r}: one of {', '.join(SHIPPED)}")
    packaged = resources.files(__package__ or "ketaquiz") / name
    if isinstance(packaged, Path) and packaged.is_dir():  # an installed wheel or sdist
        return packaged
    return _CHECKOUT / name  # an editable install or a checkout


def asset(name: str) -> Path:
    """A file of ``assets/`` (the stylesheet, the icon, the desktop entry)."""
    return shipped_dir("assets") / name
