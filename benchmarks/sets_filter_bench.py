"""Time filtering and sorting the Sets page's question table on a large set (figures printed, not asserted).

    QT_QPA_PLATFORM=offscreen python benchmarks/sets_filter_bench.py [--questions 100000] [--repeat 5] [--json]

Builds a set file of --questions short questions (core_bench's `build_set`), opens it on a shown SetsPage
(offscreen), then times what a user does with the table, each the median of --repeat runs, in ms: a text filter
matching a few rows and one matching about a tenth, clearing it, a topic filter (a fifth of the rows) and
clearing it, sorting by Prompt (alternately ascending and descending), and a topic filter while so sorted.
A time runs from the action to the end of the events it posted (the table's relayout and repaint); the text
filter's typing pause (debounce) is skipped, not counted. `first_text_filter_ms` and `first_sort_prompt_ms` are
the first text filter and the first sort after the set opens, once each (what is built on first use shows there).
The set's check (lint, in a worker) is replaced by nothing, so no thread competes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from core_bench import build_set  # noqa: E402

from ketaquiz.core.clock import ManualClock  # noqa: E402
from ketaquiz.core.library import DataDir  # noqa: E402
from ketaquiz.ui import set_problems  # noqa: E402
from ketaquiz.ui.context import AppContext  # noqa: E402
from ketaquiz.ui.sets_page import SetEntry, SetsPage  # noqa: E402


def settle(app: QApplication, page: SetsPage) -> None:
    """Apply a filter still waiting for the typing pause, then run every event the change posted."""
    apply_now = getattr(page, "apply_filter", None)
    if apply_now is not None:
        apply_now()
    app.processEvents()


def timed(app: QApplication, page: SetsPage, action: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    action()
    settle(app, page)
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--questions", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5, help="runs per figure (median reported)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    app = QApplication.instance() or QApplication(sys.argv)
    set_problems.lint_set = lambda *_a: []  # type: ignore[assignment]  # the set's check is not under test
    set_problems.check_set = lambda *_a: []  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        data = DataDir(Path(tmp) / "data")
        ctx = AppContext(data, clock=ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)))
        path = build_set(args.questions, Path(tmp) / "bench" / "set.toml")
        page = SetsPage(ctx)
        page.resize(1300, 800)
        page.show()
        app.processEvents()

        t0 = time.perf_counter()
        page.open_set(SetEntry("bench", "Benchmark", path, False))
        while page.qset is None:
            app.processEvents()
            time.sleep(0.005)
        while page.problems.checking:
            app.processEvents()
            time.sleep(0.005)
        settle(app, page)
        open_ms = (time.perf_counter() - t0) * 1000
        n = len(page.qset.questions)

        first = timed(app, page, lambda: page.filter_edit.setText("number 4242"))
        timed(app, page, page.filter_edit.clear)
        first_sort = timed(app, page, lambda: page.table.sortByColumn(3, Qt.SortOrder.AscendingOrder))
        timed(app, page, lambda: page.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder))

        figures: dict[str, list[float]] = {k: [] for k in (
            "text_filter_narrow_ms", "text_filter_broad_ms", "clear_filter_ms", "topic_filter_ms",
            "clear_topic_ms", "sort_prompt_ms", "topic_filter_sorted_ms")}
        rows: dict[str, int] = {}
        topic_index = 2  # "mechanism": every fifth question
        for i in range(args.repeat):
            figures["text_filter_narrow_ms"].append(timed(app, page, lambda: page.filter_edit.setText("number 4242")))
            rows["text_filter_narrow"] = page.table.model().rowCount()
            figures["clear_filter_ms"].append(timed(app, page, page.filter_edit.clear))
            figures["text_filter_broad_ms"].append(timed(app, page, lambda: page.filter_edit.setText("answer 1")))
            rows["text_filter_broad"] = page.table.model().rowCount()
            timed(app, page, page.filter_edit.clear)
            figures["topic_filter_ms"].append(timed(app, page, lambda: page.topic_filter.setCurrentIndex(topic_index)))
            rows["topic_filter"] = page.table.model().rowCount()
            figures["clear_topic_ms"].append(timed(app, page, lambda: page.topic_filter.setCurrentIndex(0)))
            order = Qt.SortOrder.AscendingOrder if i % 2 == 0 else Qt.SortOrder.DescendingOrder
            figures["sort_prompt_ms"].append(timed(app, page, lambda o=order: page.table.sortByColumn(3, o)))
            figures["topic_filter_sorted_ms"].append(
                timed(app, page, lambda: page.topic_filter.setCurrentIndex(topic_index)))
            timed(app, page, lambda: page.topic_filter.setCurrentIndex(0))
            timed(app, page, lambda: page.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder))
        page.close()
        ctx.close()

    result: dict[str, float | int] = {"questions": n, "open_ms": round(open_ms, 1),
                                      "first_text_filter_ms": round(first, 1), "first_sort_prompt_ms": round(first_sort, 1)}
    result.update({k: round(statistics.median(v), 1) for k, v in figures.items()})
    result.update({f"rows_{k}": v for k, v in rows.items()})
    if args.json:
        print(json.dumps(result))
        return
    print(f"{n:,} questions, median of {args.repeat} runs (ms):")
    for k, v in result.items():
        if k != "questions":
            print(f"  {k:28} {v:>10,}")


if __name__ == "__main__":
    main()
