"""ui/charts.py: what a learner sees hovering a chart."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from ketaquiz.ui.charts import Chart, Series


def _hover(chart: Chart, x: float) -> None:
    at = QPoint(int(x), int(chart.plot_rect().center().y()))
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, at, chart.mapToGlobal(at)))


def test_hovering_a_slot_shows_that_slots_tip_and_outside_the_plot_none(qtbot):
    chart = Chart("Reviews per day")
    qtbot.addWidget(chart)
    chart.resize(420, 260)
    chart.set_bars([Series("reviews", [1, 2, 3], QColor("steelblue"))])
    chart.slot_tips = ["Monday: 1", "Tuesday: 2", "Wednesday: 3"]
    with qtbot.waitExposed(chart):
        chart.show()
    r = chart.plot_rect()
    _hover(chart, r.right() - 2)
    assert QToolTip.text() == "Wednesday: 3"
    _hover(chart, r.left() + 2)
    assert QToolTip.text() == "Monday: 1"
    _hover(chart, r.left() - 3)
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
