"""The Scores page's charts: reviews per day, accuracy per topic by week (with its legend), the forecast of what
falls due, and the calendar of review days. Each is filled from `core.dashboard` figures; the day axis under the
two bar charts is built in one place (`DayBars`). Painting is ui/charts.py's."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from .charts import Chart, Series
from .reflow import flow_row

ACCENT = QColor(52, 120, 246)
RIGHT = QColor(46, 160, 67)
WRONG = QColor(229, 57, 53)
# Per-topic lines: no green or red, which mean right and wrong on this page (issue 16: two topics were drawn in them).
TOPIC_COLOURS = ["#3478f6", "#e8710a", "#9334e6", "#12a4af", "#b8860b", "#455a64", "#5c6bc0", "#ad1457"]

WeekRows = list[tuple[str, int, float | None]]  # (week's first day, answers, accuracy) per week


def pct(x: float | None) -> str:
    """A share as a percentage ("—" when there is none)."""
    return "—" if x is None else f"{x:.0%}"


def _short(day_iso: str) -> str:
    """A short date label: "3 Mar"."""
    d = date.fromisoformat(day_iso)
    return f"{d.day} {d.strftime('%b')}"


def _week_labels(n: int, most: int = 5) -> list[int]:
    """Which of `n` weekly points get a date label: at most `most`, evenly spaced, always the latest week."""
    step = max(1, -(-n // most))
    return [j for j in range(n) if (n - 1 - j) % step == 0]


def _day_step(span: int, most: int = 7) -> int:
    """A tick step for an axis of `span` days: a round number of days (a week, a fortnight, a month …), so the
    labels read 0, 7, 14 … rather than 0, 4, 9 …; at most `most` labels."""
    return next((s for s in (1, 2, 7, 14, 30, 60, 90, 180, 365) if span // s + 1 <= most), 365 * (span // (365 * most) + 1))


def _day_ticks(first: int, count: int) -> list[tuple[float, str]]:
    """Ticks under `count` day slots, the first being day `first` (0 = today): on round numbers of days from 0
    (0, 7, 14 … rather than 0, 4, 9 …)."""
    step = _day_step(count - 1)
    return [(i, str(first + i)) for i in range(count) if (first + i) % step == 0]


def _first_active_week(rows_by_topic: dict[str, WeekRows]) -> int:
    """Index of the first week with reviews in any topic (0 when none)."""
    weeks = next(iter(rows_by_topic.values()), [])
    return next((j for j in range(len(weeks)) if any(rows[j][1] for rows in rows_by_topic.values())), 0)


class DayBars(Chart):
    """Bars over consecutive days, with the day axis under them (days counted from today)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setMinimumHeight(230)

    def show_days(self, days: list[str], series: list[Series], first: int, axis: str, tips: list[str],
                  title: str, *, stacked: bool = False, legend: bool = False) -> None:
        """One slot per day of `days` (ISO dates), the first being day `first` (0 = today)."""
        self.set_bars(series, stacked=stacked, legend=legend)
        self.set_x_axis(_day_ticks(first, len(days)), axis)
        self.slot_tips = tips
        self.set_title(title)


class ReviewsChart(DayBars):
    """Answers per day over the last days, right and wrong stacked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Reviews per day", parent)

    def show_rows(self, rows: list[tuple[str, int, int]]) -> None:
        """`rows`: (day, answers, right) per day, the last being today."""
        self.show_days([d for d, _n, _c in rows],
                       [Series("Right", [float(c) for _d, _n, c in rows], RIGHT),
                        Series("Wrong", [float(n - c) for _d, n, c in rows], WRONG)],
                       -(len(rows) - 1), f"last {len(rows)} days (0 = today)",
                       [f"{_short(d)}: {c} right, {n - c} wrong" if n else f"{_short(d)}: no answers"
                        for d, n, c in rows],
                       f"Reviews per day — last {len(rows)} days", stacked=True, legend=True)


class ForecastChart(DayBars):
    """Questions falling due per day from today."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Due in the next 30 days", parent)

    def show_rows(self, rows: list[tuple[str, int]]) -> None:
        """`rows`: (day, questions due) per day, the first being today (with the overdue)."""
        due = sum(n for _d, n in rows)
        self.show_days([d for d, _n in rows], [Series("Due", [float(n) for _d, n in rows], ACCENT)],
                       0, "days from today (0 = today, with the overdue)",
                       [f"{_short(d)}: {n} due" for d, n in rows],
                       f"Due in the next 30 days — {due} in all, {rows[0][1] if rows else 0} today")


class AccuracyTile(QWidget):
    """Accuracy per topic by week (`chart`), with its own legend under it that wraps (`legend`: the chart's own
    legend would cut names short)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.chart = Chart("Accuracy per topic, by week")
        self.chart.setMinimumHeight(230)
        self.legend = flow_row(h_spacing=14)
        self.legend.setAccessibleName("Topics")
        lay.addWidget(self.chart, 1)
        lay.addWidget(self.legend)

    def show_topics(self, topic_accuracy: dict[str, WeekRows]) -> None:
        """One line per topic, from the first week with answers (at most the dashboard's twelve): a new learner's
        chart is not mostly empty weeks."""
        start = _first_active_week(topic_accuracy)
        by_topic = {topic: rows[start:] for topic, rows in topic_accuracy.items()}
        weeks = next(iter(by_topic.values()), [])
        series = [Series(topic, [acc * 100 if n and acc is not None else None for _w, n, acc in rows],
                         QColor(TOPIC_COLOURS[i % len(TOPIC_COLOURS)]))
                  for i, (topic, rows) in enumerate(by_topic.items())]
        chart = self.chart
        chart.set_lines(max(1, len(weeks)), series)
        # A date under a few of the weeks ("3 Mar"), the latest always: twelve labels would not fit a half page.
        chart.set_x_axis([(j, _short(weeks[j][0])) for j in _week_labels(len(weeks))], "week starting")
        chart.slot_tips = [
            f"Week of {_short(w)}: " + ", ".join(f"{topic} {pct(rows[j][2])} ({rows[j][1]})"
                                                 for topic, rows in by_topic.items() if rows[j][1])
            if any(rows[j][1] for rows in by_topic.values()) else f"Week of {_short(w)}: no answers"
            for j, (w, _n, _a) in enumerate(weeks)]
        self._fill_legend(list(topic_accuracy))

    def _fill_legend(self, topics: list[str]) -> None:
        lay = self.legend.layout()
        assert lay is not None  # (flow_row's FlowLayout)
        while lay.count():
            item = lay.takeAt(0)
            if item is not None and (w := item.widget()) is not None:
                w.deleteLater()
        for i, topic in enumerate(topics):
            colour = TOPIC_COLOURS[i % len(TOPIC_COLOURS)]
            entry = QLabel(f"<span style='color:{colour}'>■</span>&nbsp;{html.escape(topic)}")
            entry.setObjectName("topic_legend")
            lay.addWidget(entry)


class Heatmap(QWidget):
    """Up to a year of days as squares (weeks as columns, Monday on top), darker for more reviews.

    As many weeks as fit the width are shown (a year when there is room, at least four months), ending today.
    """

    CELL = 12
    GAP = 2
    LEFT = 24
    MAX_WEEKS = 53
    MIN_WEEKS = 17

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: dict[str, int] = {}
        self.today = date.today()
        self._picture: QPixmap | None = None  # painted once per change (PySide calls are costly per square)
        self.setAccessibleName("Calendar of review days")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_data(self, counts: dict[str, int], today: str) -> None:
        self.counts = counts
        self.today = date.fromisoformat(today)
        self._picture = None
        self.update()

    def _width_for(self, weeks: int) -> int:
        return self.LEFT + weeks * (self.CELL + self.GAP)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self._width_for(self.MAX_WEEKS) + 6, 7 * (self.CELL + self.GAP) + 18)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(self._width_for(self.MIN_WEEKS), self.sizeHint().height())

    def weeks(self) -> int:
        """How many weeks fit the current width."""
        fit = (self.width() - self.LEFT) // (self.CELL + self.GAP)
        return max(self.MIN_WEEKS, min(self.MAX_WEEKS, fit))

    def cells(self) -> list[tuple[date, QRectF]]:
        """Each day of the weeks shown, with its square."""
        step = self.CELL + self.GAP
        weeks = self.weeks()
        first_monday = self.today.toordinal() - self.today.weekday() - (weeks - 1) * 7
        out = []
        for i in range(weeks * 7):
            d = date.fromordinal(first_monday + i)
            if d > self.today:
                break
            out.append((d, QRectF(self.LEFT + (i // 7) * step, 16 + (i % 7) * step, self.CELL, self.CELL)))
        return out

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt override)
        self._picture = None
        super().resizeEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt override)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._picture = None
        super().changeEvent(event)

    def colour(self, n: int) -> QColor:
        if n <= 0:
            c = self.palette().color(QPalette.ColorRole.Mid)
            c.setAlpha(70)
            return c
        top = max(self.counts.values(), default=1)
        level = 0.3 + 0.7 * min(1.0, n / max(1, top))
        c = QColor(RIGHT)
        c.setAlphaF(level)
        return c

    def paintEvent(self, _event) -> None:  # noqa: N802, ANN001 (Qt override)
        ratio = self.devicePixelRatioF()
        if self._picture is None or self._picture.size() != self.size() * ratio:
            self._picture = QPixmap(self.size() * ratio)
            self._picture.setDevicePixelRatio(ratio)
            self._picture.fill(Qt.GlobalColor.transparent)
            self._paint(QPainter(self._picture))
        p = QPainter(self)
        p.drawPixmap(0, 0, self._picture)
        p.end()

    def _paint(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(self.palette().color(QPalette.ColorRole.Text))
        font = p.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        p.setFont(font)
        for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri")):
            p.drawText(QPointF(0, 16 + row * (self.CELL + self.GAP) + self.CELL - 2), name[:1])
        last_month = None
        for d, rect in self.cells():
            if d.day <= 7 and d.weekday() == 0 and d.month != last_month:
                p.setPen(self.palette().color(QPalette.ColorRole.Text))
                p.drawText(QPointF(rect.left(), 11), d.strftime("%b"))
                last_month = d.month
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self.colour(self.counts.get(d.isoformat(), 0)))
            p.drawRoundedRect(rect, 2, 2)
        p.end()

    def event(self, e) -> bool:  # noqa: ANN001 (Qt override)
        if e.type() == e.Type.ToolTip:
            for d, rect in self.cells():
                if rect.contains(e.position() if hasattr(e, "position") else QPointF(e.pos())):
                    n = self.counts.get(d.isoformat(), 0)
                    self.setToolTip(f"{d.strftime('%a %d %b %Y')}: {n} review{'s' if n != 1 else ''}")
                    break
            else:
                self.setToolTip("")
        return super().event(e)
