"""The Scores page from a crafted log: charts filled with the known figures, study now, CSV export, optimiser."""

from __future__ import annotations

import csv
from datetime import timedelta

import pytest
from PySide6.QtCharts import QStackedBarSeries

from ketaquiz.core import optimize
from ketaquiz.ui.context import StudyRequest
from ketaquiz.ui.scores_page import ScoresPage

from .test_dashboard import add_review
from .test_ui_study import ctx  # noqa: F401 (fixture)


@pytest.fixture
def page(qtbot, ctx):  # noqa: F811
    now = ctx.clock()
    keys = {qid: ctx.store.question_key("demo", qid) for qid in ("q-choice", "q-tf", "q-short")}
    for days, qid, right in [(0, "q-choice", True), (0, "q-tf", False), (1, "q-short", True), (2, "q-choice", True),
                             (40, "q-tf", True)]:
        add_review(ctx.store, keys[qid], now - timedelta(days=days, hours=1), right)
    t = now.timestamp()
    with ctx.store.db.atomic():
        ctx.store.conn.execute("UPDATE cards SET state = 2, stability = 3, lapses = 2, reps = 4, last_review = ?, due = ? "
                               "WHERE question = ?", (t - 86400, t + 86400 * 2, keys["q-tf"]))
    p = ScoresPage(ctx)
    qtbot.addWidget(p)
    p.resize(1100, 1400)
    p.show()
    p.keys = keys
    return p


def bar_values(p):
    series = next(s for s in p.reviews_chart.series() if isinstance(s, QStackedBarSeries))
    right, wrong = series.barSets()
    return [right.at(i) + wrong.at(i) for i in range(right.count())]


def test_charts_show_the_known_figures(page):
    values = bar_values(page)
    assert len(values) == 30 and values[-3:] == [1, 1, 2]
    page.period_buttons[90].click()
    assert len(bar_values(page)) == 90 and sum(bar_values(page)) == 5
    page.period_buttons[365].click()
    assert len(bar_values(page)) == 365
    assert "Current streak: <b>3</b>" in page.streak_label.text()
    assert page.heatmap.counts["2026-03-02"] == 2
    topics = {s.name() for s in page.accuracy_chart.series()}
    assert topics == {"water", "colours"}
    forecast = page.forecast_chart.series()[0].barSets()[0]
    assert forecast.count() == 30 and forecast.at(2) == 1  # q-tf due in two days
    assert page.retention_table.item(0, 0).text() == "Today"
    assert page.hard_table.item(0, 0).text().startswith("Water freezes")  # q-tf, two lapses


def test_study_now_asks_for_that_question(page, ctx):  # noqa: F811
    asked: list[StudyRequest] = []
    pages: list[str] = []
    ctx.study_requested.connect(asked.append)
    ctx.page_requested.connect(pages.append)
    page.study_buttons[0].click()
    assert asked == [StudyRequest(keys=[page.keys["q-tf"]])] and pages == ["study"]


def test_new_answers_redraw_the_page(page, ctx):  # noqa: F811
    add_review(ctx.store, page.keys["q-short"], ctx.clock() - timedelta(minutes=5), True)
    ctx.progress_changed.emit()
    assert bar_values(page)[-1] == 3


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
    assert "pip install -e '.[optimizer]'" in page.status.text()
    assert page.optimise_button.isEnabled()


def test_page_renders(page, tmp_path):
    out = tmp_path / "scores.png"
    assert page.grab().save(str(out)) and out.stat().st_size > 10_000
