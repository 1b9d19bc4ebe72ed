"""Shared fixtures. Qt runs offscreen: there is no display in tests or CI."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from datetime import datetime, timezone  # noqa: E402
from pathlib import Path  # noqa: E402
from random import Random  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from ketaquiz.core.clock import ManualClock  # noqa: E402
from ketaquiz.core.library import DataDir, bundled_questions_dir, load_library  # noqa: E402
from ketaquiz.core.scheduling import Settings  # noqa: E402
from ketaquiz.core.store import Store  # noqa: E402

# CI draws the same property-test examples every run (a red run is then reproducible, never a chance draw);
# locally hypothesis keeps exploring new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _closed_widgets_deleted() -> Iterator[None]:
    """After each test (and its fixtures' teardown), the widgets qtbot closed are deleted. pytest-qt closes them and
    calls deleteLater(), which waits for an event loop a test run never returns to: a closed Sets page lived on
    into later tests and its pending check (a 300 ms timer) ran there, once while a test had sys.modules patched."""
    yield
    qtcore = sys.modules.get("PySide6.QtCore")  # (a test that never loaded Qt has nothing to delete)
    if qtcore is not None and qtcore.QCoreApplication.instance() is not None:
        qtcore.QCoreApplication.sendPostedEvents(None, qtcore.QEvent.Type.DeferredDelete)


REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "questions" / "ketamine" / "article.txt"
COURSE = bundled_questions_dir() / "ketamine" / "set.toml"


@pytest.fixture
def clock() -> ManualClock:
    """A clock the test moves by hand, starting on a fixed UTC morning."""
    return ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc))


@pytest.fixture
def rng() -> Random:
    return Random(1234)


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "data")


@pytest.fixture
def store(data_dir: DataDir, clock: ManualClock):
    """A fresh store with the bundled course loaded and fuzz off (deterministic intervals)."""
    st = data_dir.open_store(clock=clock)
    st.save_settings(Settings(fuzz=False))
    load_library(st, data_dir)
    yield st
    st.close()


@pytest.fixture
def memory_store(clock: ManualClock):
    st = Store(":memory:", clock=clock)
    st.save_settings(Settings(fuzz=False))
    yield st
    st.close()


@pytest.fixture
def ctx(data_dir: DataDir, clock: ManualClock) -> Iterator[Any]:
    """The app's context over `data_dir` with the library loaded (a module may define its own `ctx` instead)."""
    from ketaquiz.ui.context import AppContext

    c = AppContext(data_dir, clock=clock)
    c.reload_library()
    yield c
    c.close()


def shown_window(qtbot: Any, data_dir: DataDir, clock: ManualClock) -> Iterator[Any]:
    """For a fixture to `yield from`: the app's main window over `data_dir` (library loaded), shown;
    closed with its context afterwards."""
    from ketaquiz.ui.context import AppContext
    from ketaquiz.ui.main_window import MainWindow

    ctx = AppContext(data_dir, clock=clock)
    ctx.reload_library()
    w = MainWindow(ctx, rng=Random(1))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()
    ctx.close()


def wait_set_open(qtbot: Any, page: Any, set_id: str = "ketamine") -> None:
    """Wait until the Sets page shows `set_id`. Its file is read in a worker: a small set shows at once when the read
    ends within SetsPage.OPEN_GRACE_MS (100 ms), which a loaded machine may miss ("Loading…" shows meanwhile, with
    no set open). A test using the set waits for it instead of taking "at once" for granted."""
    qtbot.waitUntil(lambda: page.qset is not None and page.qset.id == set_id, timeout=10_000)


def open_sets_page(qtbot: Any, ctx: Any, set_id: str = "ketamine") -> Any:
    """A Sets page over `ctx` (closed after the test), once the set it opens first, `set_id`, is shown."""
    from ketaquiz.ui.sets_page import SetsPage

    page = SetsPage(ctx)
    qtbot.addWidget(page)
    wait_set_open(qtbot, page, set_id)
    return page
