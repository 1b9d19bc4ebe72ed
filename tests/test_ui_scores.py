"""The Scores page from a crafted log: charts filled with the known figures, study now, CSV export, optimiser."""

from __future__ import annotations

import csv
import re
import threading
from datetime import timedelta
from random import Random

import pytest
from fsrs import Scheduler
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QFontMetricsF, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from ketaquiz.core import optimize
from ketaquiz.core.dashboard import dashboard
from ketaquiz.core.store import Store
from ketaquiz.ui import scores_page
from ketaquiz.ui.changes import PROGRESS
from ketaquiz.ui.context import StudyRequest
from ketaquiz.ui.main_window import MainWindow
from ketaquiz.ui.score_charts import Heatmap, _day_step, _short, _week_labels
from ketaquiz.ui.scores_page import ScoresPage
from ketaquiz.ui.theme import dark_palette

from .test_dashboard import add_review
from .test_ui_study import ctx  # noqa: F401 (fixture)

DEFAULT_PARAMETERS = Scheduler().parameters  # (fsrs.scheduler, its module, is 6.1 on)


@pytest.fixture(autouse=True)
def always_in_a_worker(monkeypatch):
    """No grace wait: every refresh takes the worker path, so the tests wait for figures as the page does."""
    monkeypatch.setattr(ScoresPage, "GRACE_MS", 0)


def computed(qtbot, page):
    """Wait until the page's figures are up to date (nothing computing, nothing pending)."""
    qtbot.waitUntil(lambda: page.data is not None and not page.computing and not page.busy.isVisible())


@pytest.fixture
def page(qtbot, ctx):  # noqa: F811
    now = ctx.clock()
    keys = {qid: ctx.store.question_key("demo", qid) for qid in ("q-choice", "q-tf", "q-short")}
    for days, qid, right in [(0, "q-choice", True), (0, "q-tf", False), (1, "q-short", True), (2, "q-choice", True),
                             (40, "q-tf", True)]:
        add_review(ctx.store, keys[qid], now - timedelta(days=days, hours=1), right)
    t = now.timestamp()
    with ctx.store.write():
        ctx.store.conn.execute("UPDATE cards SET state = 2, stability = 3, lapses = 2, reps = 4, last_review = ?, due = ? "
                               "WHERE question = ?", (t - 86400, t + 86400 * 2, keys["q-tf"]))
    p = ScoresPage(ctx)
    qtbot.addWidget(p)
    p.resize(1100, 1400)
    p.show()
    p.keys = keys
    computed(qtbot, p)
    return p


def bar_values(p):
    right, wrong = p.reviews_chart.series
    assert p.reviews_chart.kind == "stacked" and (right.name, wrong.name) == ("Right", "Wrong")
    return [(r or 0) + (w or 0) for r, w in zip(right.values, wrong.values)]


def test_charts_show_the_known_figures(page):
    values = bar_values(page)
    assert len(values) == 30 and values[-3:] == [1, 1, 2]
    page.period_buttons[90].click()
    assert len(bar_values(page)) == 90 and sum(bar_values(page)) == 5
    page.period_buttons[365].click()
    assert len(bar_values(page)) == 365
    assert "Current streak: <b>3</b>" in page.streak_label.text()
    assert page.heatmap.counts["2026-03-02"] == 2
    topics = {s.name for s in page.accuracy_chart.series}
    assert topics == {"water", "colours"}
    forecast = page.forecast_chart.series[0].values
    assert len(forecast) == 30 and forecast[2] == 1  # q-tf due in two days
    assert page.forecast_chart.slot_tips[2].endswith(": 1 due")
    assert page.reviews_chart.slot_tips[-1].endswith(": 1 right, 1 wrong")
    assert page.retention_table.item(0, 0).text() == "Today"
    assert page.hard_table.item(0, 0).text().startswith("Water freezes")  # q-tf, two lapses


def test_study_now_asks_for_that_question(page, ctx):  # noqa: F811
    asked: list[StudyRequest] = []
    pages: list[str] = []
    ctx.study_requested.connect(asked.append)
    ctx.page_requested.connect(pages.append)
    page.study_buttons[0].click()
    assert asked == [StudyRequest(keys=[page.keys["q-tf"]])] and pages == ["study"]


def test_new_answers_redraw_the_page(qtbot, page, ctx):  # noqa: F811
    add_review(ctx.store, page.keys["q-short"], ctx.clock() - timedelta(minutes=5), True)
    ctx.notify(PROGRESS)
    qtbot.waitUntil(lambda: bar_values(page)[-1] == 3)


def test_export_csv_writes_the_history(page, tmp_path):
    out = tmp_path / "h.csv"
    assert page.export_csv("reviews", out) == 5
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 5 and {r["question"] for r in rows} == {"q-choice", "q-tf", "q-short"}
    assert "Wrote 5 rows" in page.status.text()
    page.set_combo.setCurrentIndex(page.set_combo.findData("demo"))  # one set: its six questions
    assert page.export_csv("questions", tmp_path / "q.csv") == 6


def test_optimise_without_the_extra_says_how_to_enable_it(page, monkeypatch):
    monkeypatch.setattr(optimize, "optimizer_available", lambda: False)
    page.optimise_button.click()
    assert "-m pip install 'ketaquiz[optimizer]'" in page.status.text()
    assert page.optimise_button.isEnabled()


@pytest.fixture
def optimiser(monkeypatch):
    """The optimiser as if its extra were installed; `optimise` replaced by a fake that waits for `gate`.

    `result` is what the fake returns (or raises, when an exception); `calls` records its thread and store.
    """
    class Fake:
        gate = threading.Event()
        result: object = None
        calls: list[tuple[threading.Thread, object]] = []

        def __call__(self, store, now):
            self.calls.append((threading.current_thread(), store))
            assert self.gate.wait(10)
            if isinstance(self.result, Exception):
                raise self.result
            return self.result

    fake = Fake()
    monkeypatch.setattr(optimize, "optimizer_available", lambda: True)
    monkeypatch.setattr(optimize, "optimise", fake)
    return fake


def test_optimise_saves_better_parameters(qtbot, page, ctx, optimiser):  # noqa: F811
    fitted = [round(x * 1.1, 4) for x in DEFAULT_PARAMETERS]
    optimiser.result = optimize.OptimiseResult("improved", 600, 0.4, 0.3, fitted, message="Schedule fitted to your 600 answers.")
    page.optimise_button.click()
    assert not page.optimise_button.isEnabled()  # while it runs, in a worker
    assert page.status.text() == "Optimising your schedule… this can take a minute."
    with qtbot.waitSignal(ctx.changed, check_params_cb=lambda c: c.settings):
        optimiser.gate.set()
    assert page.status.text() == "Schedule fitted to your 600 answers." and page.optimise_button.isEnabled()
    assert ctx.store.settings().parameters == fitted
    (thread, store), = optimiser.calls
    assert thread is not threading.main_thread() and store is not ctx.store  # its own connection, off the UI thread
    assert not page.optimising
    computed(qtbot, page)  # new settings redraw the page


def test_parameters_fitted_for_a_profile_go_to_it_after_a_switch(qtbot, page, ctx, optimiser):  # noqa: F811
    fitted = [round(x * 1.1, 4) for x in DEFAULT_PARAMETERS]
    optimiser.result = optimize.OptimiseResult("improved", 600, 0.4, 0.3, fitted, message="Schedule fitted to your 600 answers.")
    first, first_path = ctx.profile, ctx.store.path
    page.optimise_button.click()
    ctx.switch_profile("other")  # while the optimiser runs
    optimiser.gate.set()
    qtbot.waitUntil(lambda: not page.optimising)
    assert page.status.text() == f"Profile “{first}”: Schedule fitted to your 600 answers."
    assert ctx.store.settings().parameters == []  # the profile now open keeps its own
    st = Store(first_path)
    try:
        assert st.settings().parameters == fitted
    finally:
        st.close()


def test_optimise_failure_is_shown_and_changes_nothing(qtbot, page, ctx, optimiser):  # noqa: F811
    optimiser.result = RuntimeError("out of memory")
    optimiser.gate.set()
    page.optimise_button.click()
    qtbot.waitUntil(page.optimise_button.isEnabled)
    assert page.status.text() == "Optimising failed: out of memory"
    assert ctx.store.settings().parameters == []


def test_optimise_with_too_few_answers_says_so(qtbot, page, ctx, monkeypatch):  # noqa: F811
    """The real core path (no torch needed: five answers are too few to fit)."""
    monkeypatch.setattr(optimize, "optimizer_available", lambda: True)
    page.optimise_button.click()
    qtbot.waitUntil(page.optimise_button.isEnabled)
    assert page.status.text() == "Optimising needs at least 512 answers; you have 5 so far. Keep studying!"
    assert ctx.store.settings().parameters == []
    computed(qtbot, page)


def test_page_renders(page, tmp_path):
    out = tmp_path / "scores.png"
    assert page.grab().save(str(out)) and out.stat().st_size > 10_000


# --- fitting the window (a 1366×768 laptop: 1100×760) and the theme -----------------------------------------------
def _settle(w, size):
    w.resize(*size)
    for _ in range(4):
        QApplication.processEvents()


def _right_edge(page, widget):
    return widget.mapTo(page.scroll_area.widget(), QPoint(widget.width(), 0)).x()


@pytest.fixture
def window(qtbot, page, ctx):  # noqa: F811 (the page fixture's answers are in the store)
    w = MainWindow(ctx, rng=Random(1))
    qtbot.addWidget(w)
    w.show()
    w.show_page("scores")
    computed(qtbot, w.page("scores"))
    return w


def test_fits_a_laptop_window_without_scrolling_sideways(window):
    page = window.page("scores")
    for size, columns in (((1100, 760), 2), ((1600, 1000), 2), ((800, 560), 1), ((1100, 760), 2)):
        _settle(window, size)
        view = page.scroll_area.viewport().width()
        assert page.columns == columns, size
        assert page.scroll_area.widget().minimumSizeHint().width() <= view, size
        assert page.scroll_area.horizontalScrollBar().maximum() == 0, size
        for w in (page.optimise_button, page.export_button, page.accuracy_chart, page.retention_table,
                  page.heatmap, page.hard_table):
            assert _right_edge(page, w) <= view, (size, w.accessibleName() or w)
        for b in (page.optimise_button, page.export_button):
            assert b.width() >= b.sizeHint().width()  # labels not cut
        t = page.retention_table  # every column whole, none beyond the table's width
        assert sum(t.columnWidth(c) for c in range(t.columnCount())) <= t.viewport().width()
        for c in range(t.columnCount()):
            assert t.columnWidth(c) >= t.sizeHintForColumn(c), (size, c)


def test_accuracy_axis_has_a_few_dates_that_fit(window):
    page = window.page("scores")
    _settle(window, (1100, 760))
    chart = page.accuracy_chart
    labels = [label for _slot, label in chart.x_ticks]
    weeks = next(iter(page.data.topic_accuracy.values()))
    assert 2 <= len(labels) <= 5 and all(re.fullmatch(r"\d{1,2} [A-Z][a-z]{2}", s) for s in labels)
    assert labels[-1] == _short(weeks[-1][0])  # this week always named
    # labels are centred on their week: neighbours must be further apart than the widest label
    xs = [chart.slot_x(slot) for slot, _label in chart.x_ticks]
    widest = max(QFontMetricsF(chart._fonts()[0]).horizontalAdvance(s) for s in labels)
    assert min(b - a for a, b in zip(xs, xs[1:])) > widest + 4
    assert xs[-1] + widest / 2 <= chart.width()
    names = [w.text() for w in page.accuracy_legend.findChildren(QLabel)]
    assert any("water" in n for n in names) and any("colours" in n for n in names)


def test_week_labels_and_short_dates():
    assert _week_labels(12) == [2, 5, 8, 11] and _week_labels(3) == [0, 1, 2] and _week_labels(0) == []
    assert _short("2026-03-02") == "2 Mar"


def _painted(chart) -> set[tuple[int, int, int]]:
    img = chart.grab().toImage()
    return {QColor(img.pixel(x, y)).getRgb()[:3] for x in range(0, img.width(), 2) for y in range(0, img.height(), 2)}


def test_charts_follow_the_dark_theme(page):
    dark = dark_palette()
    page.setPalette(dark)
    text, base = dark.color(QPalette.ColorRole.Text), dark.color(QPalette.ColorRole.Base)
    for chart in (page.reviews_chart, page.accuracy_chart, page.forecast_chart):
        assert chart.colours()["background"] == base and chart.colours()["text"] == text
        img = chart.grab().toImage()
        assert QColor(img.pixel(img.width() // 2, 2)) == base  # the chart's own background, not the light one
        assert text.getRgb()[:3] in _painted(chart)  # title and labels in the dark theme's text colour
    page.set_period(90)  # redrawn charts keep the theme
    assert text.getRgb()[:3] in _painted(page.reviews_chart)


def test_calendar_shows_fewer_weeks_when_narrow(page):
    h = page.heatmap
    assert h.minimumSizeHint().width() < h.sizeHint().width() < 800
    h.resize(h.sizeHint())
    assert h.weeks() == Heatmap.MAX_WEEKS
    h.resize(h.minimumSizeHint())
    assert h.weeks() == Heatmap.MIN_WEEKS
    days = [d for d, _r in h.cells()]
    assert days[-1] == h.today and len(days) <= Heatmap.MIN_WEEKS * 7
    assert all(r.right() <= h.width() for _d, r in h.cells())


# --- computing off the UI thread ----------------------------------------------------------------------------------
def test_refresh_computes_the_figures_off_the_ui_thread(qtbot, page, monkeypatch):
    threads = []

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return dashboard(*args, **kwargs)

    monkeypatch.setattr(scores_page, "dashboard", recording)
    with qtbot.waitSignal(page.computed):
        page.refresh()
    page.set_combo.setCurrentIndex(page.set_combo.findData("demo"))
    computed(qtbot, page)
    assert len(threads) == 2 and threading.main_thread() not in threads
    assert sum(bar_values(page)) == 4  # the demo set's answers of the last 30 days


def test_a_newer_request_supersedes_a_computing_one(qtbot, page, monkeypatch):
    """While one computation runs the previous figures stay up; a set chosen meanwhile wins, the older result
    is never painted."""
    gate = threading.Event()
    asked: list[str | None] = []
    made: dict[int, str | None] = {}

    def slow(store, now, *, set_id=None, **kwargs):
        asked.append(set_id)
        if len(asked) == 1:
            assert gate.wait(10)
        d = dashboard(store, now, set_id=set_id, **kwargs)
        made[id(d)] = set_id
        return d

    monkeypatch.setattr(scores_page, "dashboard", slow)
    painted: list[str | None] = []
    page.computed.connect(lambda: painted.append(made[id(page.data)]))
    before = page.data
    page.refresh()  # all sets: held at the gate
    qtbot.waitUntil(lambda: asked == [None])
    assert page.busy.isVisible() and page.data is before  # the previous figures stay meanwhile
    page.set_combo.setCurrentIndex(page.set_combo.findData("demo"))  # a newer request
    assert asked == [None]  # one computation at a time
    gate.set()
    computed(qtbot, page)
    assert asked == [None, "demo"] and painted == ["demo"]
    assert not page.busy.isVisible()


def test_a_failed_computation_is_said_not_raised(qtbot, page, monkeypatch):
    def broken(*_a, **_k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(scores_page, "dashboard", broken)
    before = page.data
    page.refresh()
    qtbot.waitUntil(lambda: "disk on fire" in page.status.text())
    assert page.data is before and not page.busy.isVisible()


# --- polish ---------------------------------------------------------------------------------------------------------
def test_tables_open_with_nothing_selected_and_no_stray_buttons(qtbot, page):
    page.refresh()  # a second fill replaces the buttons of the first
    computed(qtbot, page)
    for t in (page.hard_table, page.sessions_table, page.retention_table):
        assert not t.selectionModel().hasSelection() and not t.currentIndex().isValid(), t.accessibleName()
    t = page.hard_table
    buttons = [b for b in t.viewport().findChildren(QPushButton) if not b.isHidden()]
    assert buttons and set(buttons) <= set(page.study_buttons)  # none left over at the table's top left
    assert all(t.indexAt(b.geometry().center()).column() == 5 for b in buttons if b.isVisible())


def test_day_axes_tick_on_round_numbers(page):
    assert [_day_step(n) for n in (29, 89, 364, 6)] == [7, 14, 60, 1]
    assert page.forecast_chart.x_ticks == [(0, "0"), (7, "7"), (14, "14"), (21, "21"), (28, "28")]
    for period, step in ((30, 7), (90, 14), (365, 60)):
        page.set_period(period)
        ticks = page.reviews_chart.x_ticks
        assert ticks[-1] == (period - 1, "0")  # today, the last slot
        assert [int(label) for _slot, label in ticks] == list(range(-((period - 1) // step) * step, 1, step))


def test_accuracy_starts_at_the_first_week_with_answers(qtbot, page, ctx):  # noqa: F811
    chart = page.accuracy_chart
    assert chart.count == 7  # answers from 40 days ago: seven weeks shown, not twelve
    firsts = [next(i for i, v in enumerate(s.values) if v is not None) for s in chart.series if any(s.values)]
    assert min(firsts) == 0
    with ctx.store.write():  # a new learner: only today's answers
        ctx.store.conn.execute("DELETE FROM reviews WHERE reviewed_at < ?", ((ctx.clock() - timedelta(hours=3)).timestamp(),))
    page.refresh()
    computed(qtbot, page)
    assert chart.count == 1 and [label for _s, label in chart.x_ticks] == [_short(page.data.topic_accuracy["water"][-1][0])]


def test_topic_colours_do_not_collide_with_right_and_wrong():
    from PySide6.QtGui import QColor

    from ketaquiz.ui.score_charts import RIGHT, TOPIC_COLOURS, WRONG

    def hue_gap(a, b):
        d = abs(a.hslHue() - b.hslHue()) % 360
        return min(d, 360 - d)

    for c in map(QColor, TOPIC_COLOURS):
        assert hue_gap(c, RIGHT) >= 30 and hue_gap(c, WRONG) >= 20, c.name()
    assert len(set(TOPIC_COLOURS)) == len(TOPIC_COLOURS)
