"""The Scores page: where the learner stands, in pictures (ui/charts.py) with a few tables.

Data from ``core.dashboard``; the page recomputes only when shown after a change (answers, profile, library).
The figures are computed in a worker thread with its own store connection (the first call on a million-review
log builds a per-day cache: seconds); the previous figures stay up meanwhile, under "Computing your scores…".
"""

from __future__ import annotations

import html
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.dashboard import Dashboard, dashboard, hardest
from ..core.history_export import export_history
from ..core.store import Store
from . import plain
from .charts import Chart, Series
from .context import AppContext, StudyRequest
from .reflow import flow_row
from .workers import Job, Report

ACCENT = QColor(52, 120, 246)
RIGHT = QColor(46, 160, 67)
WRONG = QColor(229, 57, 53)
# Per-topic lines: no green or red, which mean right and wrong on this page (issue 16: two topics were drawn in them).
TOPIC_COLOURS = ["#3478f6", "#e8710a", "#9334e6", "#12a4af", "#b8860b", "#455a64", "#5c6bc0", "#ad1457"]


def _pct(x: float | None) -> str:
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


def _first_active_week(rows_by_topic: dict[str, list[tuple[str, int, float | None]]]) -> int:
    """Index of the first week with reviews in any topic (0 when none)."""
    weeks = next(iter(rows_by_topic.values()), [])
    return next((j for j in range(len(weeks)) if any(rows[j][1] for rows in rows_by_topic.values())), 0)


def _chart(title: str) -> Chart:
    chart = Chart(title)
    chart.setMinimumHeight(230)
    return chart


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


def _table(headers: list[str], name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setAccessibleName(name)
    t.verticalHeader().hide()
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def _no_selection(t: QTableWidget) -> None:
    """A freshly filled table shows no row as chosen (nothing was)."""
    t.clearSelection()
    t.setCurrentIndex(QModelIndex())


def _item(text: str, align_right: bool = False) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    if align_right:
        it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return it


class ScoresPage(QWidget):
    """Reviews per day, accuracy per topic, calendar and streaks, forecast, retention, sessions, hardest questions."""

    computed = Signal()  # new figures are on the page

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: Dashboard | None = None
        self.period = 30
        self._dirty = True
        self._optimise_job: Job | None = None  # the optimiser, while it runs
        self._job: Job | None = None  # the figures being computed (one at a time)
        self._wanted = 0  # bumped by each refresh: a result for an older request is dropped

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.viewport().installEventFilter(self)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(16, 12, 16, 16)

        top = QHBoxLayout()
        label = QLabel("Scores &for")
        self.set_combo = QComboBox()
        self.set_combo.setAccessibleName("Set whose scores are shown")
        self.set_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.set_combo.setMinimumContentsLength(14)
        self.set_combo.setMaximumWidth(460)
        label.setBuddy(self.set_combo)
        self.summary = plain.label()
        self.summary.setObjectName("hint")
        self.export_button = QToolButton()
        self.export_button.setText("&Export CSV…")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction("Review history…", lambda: self._ask_export("reviews"))
        menu.addAction("Per-question scores…", lambda: self._ask_export("questions"))
        self.export_button.setMenu(menu)
        self.optimise_button = QPushButton("&Optimise my schedule")
        self.optimise_button.setToolTip("Fit the scheduler's parameters to your own answers (FSRS optimizer)")
        self.optimise_button.clicked.connect(self.optimise)
        top.addWidget(label)
        top.addWidget(self.set_combo, 1)
        top.addStretch(0)
        top.addWidget(self.export_button)
        top.addWidget(self.optimise_button)
        lay.addLayout(top)
        self.summary.setWordWrap(True)
        self.busy = QLabel("Computing your scores…")
        self.busy.setObjectName("hint")
        self.busy.setStyleSheet("font-style: italic;")
        self.busy.hide()
        line = QHBoxLayout()  # its own line: the buttons above stay in view on a narrow window
        line.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignTop)
        line.addWidget(self.summary, 1)
        lay.addLayout(line)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        lay.addWidget(self.status)
        from .reschedule_offer import make_reschedule_button  # (offered after fitting new parameters)

        self.reschedule_btn = make_reschedule_button(self)
        self.reschedule_btn.clicked.connect(self._reschedule)
        lay.addWidget(self.reschedule_btn, 0, Qt.AlignmentFlag.AlignLeft)

        self.grid = grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        lay.addLayout(grid)

        # Reviews per day, with a 30 / 90 / 365 days switch under it.
        box = QWidget()
        bl = QVBoxLayout(box)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.setSpacing(4)
        switch = QHBoxLayout()
        switch.addStretch(1)
        self.period_group = QButtonGroup(self)
        self.period_buttons: dict[int, QPushButton] = {}
        for days in (30, 90, 365):
            b = QPushButton(f"{days} days")
            b.setCheckable(True)
            b.setChecked(days == self.period)
            b.setAccessibleName(f"Show the last {days} days")
            self.period_group.addButton(b, days)
            self.period_buttons[days] = b
            switch.addWidget(b)
        self.period_group.idClicked.connect(self.set_period)
        switch.addStretch(1)
        self.reviews_chart = _chart("Reviews per day")
        bl.addWidget(self.reviews_chart, 1)
        bl.addLayout(switch)

        # Accuracy per topic, with its own legend under it that wraps (the chart's legend would cut names short).
        accuracy = QWidget()
        al = QVBoxLayout(accuracy)
        al.setContentsMargins(0, 0, 0, 0)
        al.setSpacing(4)
        self.accuracy_chart = _chart("Accuracy per topic, by week")
        self.accuracy_legend = flow_row(h_spacing=14)
        self.accuracy_legend.setAccessibleName("Topics")
        al.addWidget(self.accuracy_chart, 1)
        al.addWidget(self.accuracy_legend)

        cal = QGroupBox("Calendar")
        cl = QVBoxLayout(cal)
        cl.setSpacing(4)
        self.streak_label = QLabel()
        self.streak_label.setObjectName("streaks")
        self.heatmap = Heatmap()
        cl.addWidget(self.streak_label)
        cl.addWidget(self.heatmap)
        cl.addStretch(1)

        self.forecast_chart = _chart("Due in the next 30 days")

        ret = QGroupBox("True retention (questions in review)")
        rl = QVBoxLayout(ret)
        self.retention_table = _table(["Period", "Young", "Mature", "All"], "True retention")
        self.retention_table.setToolTip("Share of answers right when a learned question came back. Young: last seen "
                                        "under 21 days before; mature: 21 days or more.")
        self.retention_table.setMaximumHeight(230)
        rh = self.retention_table.horizontalHeader()  # the four columns share the box's width
        rh.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        rl.addWidget(self.retention_table)

        ses = QGroupBox("Sessions")
        sl = QVBoxLayout(ses)
        self.sessions_table = _table(["Started", "Set", "Answered", "Right", "Score", "Minutes"], "Session history")
        self.sessions_table.setMaximumHeight(220)
        sh = self.sessions_table.horizontalHeader()  # the set's title takes the spare width
        sh.setStretchLastSection(False)
        sh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        sh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        sl.addWidget(self.sessions_table)

        hard = QGroupBox("Hardest questions")
        hl = QVBoxLayout(hard)
        hrow = QHBoxLayout()
        self.hard_combo = QComboBox()
        self.hard_combo.addItem("Most wrong answers", "lapses")
        self.hard_combo.addItem("Lowest recall now", "retrievability")
        self.hard_combo.setAccessibleName("Order the hardest questions by")
        self.hard_combo.currentIndexChanged.connect(lambda _i: self._fill_hardest())
        hrow.addWidget(QLabel("Order by"))
        hrow.addWidget(self.hard_combo)
        hrow.addStretch(1)
        hl.addLayout(hrow)
        self.hard_table = _table(["Question", "Topic", "Wrong", "Answers", "Recall now", ""], "Hardest questions")
        self.hard_table.horizontalHeader().setStretchLastSection(False)
        self.hard_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.hard_table.setMinimumHeight(200)
        self.hard_table.setMaximumHeight(320)
        hl.addWidget(self.hard_table)
        # (widget, spans both columns): two columns when the page is wide enough, else one under the other.
        self.tiles: list[tuple[QWidget, bool]] = [
            (box, False), (accuracy, False), (cal, True), (self.forecast_chart, False), (ret, False),
            (ses, True), (hard, True)]
        self.columns = 0
        self._arrange(2)

        self.set_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for sig in (ctx.progress_changed, ctx.library_changed, ctx.settings_changed):
            sig.connect(self._changed)
        ctx.profile_changed.connect(lambda _n: self._changed())
        ctx.library_changed.connect(self._fill_sets)
        self._fill_sets()

    # --- fitting the width ------------------------------------------------------------
    TWO_COLUMNS = 820  # viewport width from which the charts go two abreast

    def _arrange(self, columns: int) -> None:
        """Lay the tiles out in one or two columns."""
        if columns == self.columns:
            return
        self.columns = columns
        for w, _span in self.tiles:
            self.grid.removeWidget(w)
        row, col = 0, 0
        for w, span in self.tiles:
            if columns == 1 or span:
                if col:
                    row, col = row + 1, 0
                self.grid.addWidget(w, row, 0, 1, columns)
                row += 1
            else:
                self.grid.addWidget(w, row, col)
                row, col = (row, 1) if col == 0 else (row + 1, 0)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1 if columns == 2 else 0)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802, ANN001 (Qt override)
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._arrange(2 if event.size().width() >= self.TWO_COLUMNS else 1)
        return super().eventFilter(watched, event)

    def changeEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt override)
        if event.type() == QEvent.Type.PaletteChange:  # the charts paint from their palette: this page's
            for chart in (self.reviews_chart, self.accuracy_chart, self.forecast_chart):
                chart.setPalette(self.palette())
        super().changeEvent(event)

    # --- data ----------------------------------------------------------------
    def set_id(self) -> str | None:
        return self.set_combo.currentData()

    def _fill_sets(self) -> None:
        keep = self.set_id()
        self.set_combo.blockSignals(True)
        self.set_combo.clear()
        self.set_combo.addItem("All sets", None)
        for info in self.ctx.store.sets():
            self.set_combo.addItem(info.title, info.id)
        idx = self.set_combo.findData(keep)
        self.set_combo.setCurrentIndex(max(0, idx))
        self.set_combo.blockSignals(False)

    def _changed(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt override)
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    GRACE_MS = 60  # figures ready within this show without a busy state (the usual case: ~50 ms)

    def refresh(self) -> None:
        """Recompute every chart from the store, in a worker; the figures are drawn when they come back.

        A newer request supersedes an older one: while one computes, the next waits for it to end and the
        older result is dropped, never drawn.
        """
        self._dirty = False
        self._wanted += 1
        if self._job is None:
            self._compute()
        else:
            self.busy.show()

    def _compute(self) -> None:
        data, profile, clock = self.ctx.data, self.ctx.profile, self.ctx.clock
        now, set_id = clock(), self.set_id()

        def work(_report: Report) -> Dashboard:
            store = data.open_store(profile, clock=clock)  # its own connection: SQLite's stay in their thread
            try:
                return dashboard(store, now, set_id=set_id)
            finally:
                store.close()

        job = Job(work)
        job.wanted = self._wanted  # type: ignore[attr-defined]
        job.done.connect(self._computed)
        self._job = job
        job.start()
        if not job.settle(self.GRACE_MS):
            self.busy.show()

    def _computed(self, job: Job) -> None:
        self._job = None
        if self.ctx.closed:  # the app (or a test) closed its store while the scores were computed
            return
        if job.wanted != self._wanted:  # type: ignore[attr-defined]
            self._compute()  # superseded (another set, profile or answers since): compute what is wanted now
            return
        self.busy.hide()
        if job.error is not None or not isinstance(job.result, Dashboard):
            self._say(f"Could not compute your scores: {job.error}")
            return
        self._show(job.result)

    def _show(self, d: Dashboard) -> None:
        self.data = d
        total = sum(n for _d, n, _c in d.reviews_per_day)
        self.summary.setText(f"{total} answers in the last year · profile “{self.ctx.profile}”")
        self._fill_reviews()
        self._fill_accuracy()
        self.heatmap.set_data(d.heatmap, d.today)
        self.streak_label.setText(f"Current streak: <b>{d.current_streak}</b> day{'s' if d.current_streak != 1 else ''}"
                                  f" · Longest: <b>{d.longest_streak}</b> day{'s' if d.longest_streak != 1 else ''}")
        self._fill_forecast()
        self._fill_retention()
        self._fill_sessions()
        self._fill_hardest()
        self.computed.emit()

    def set_period(self, days: int) -> None:
        """Show reviews per day over the last 30, 90 or 365 days."""
        self.period = days
        self.period_buttons[days].setChecked(True)
        self._fill_reviews()

    # --- charts ----------------------------------------------------------------
    def _fill_reviews(self) -> None:
        if self.data is not None:
            self._bars_by_day(self.data.reviews_last(self.period))

    def _bars_by_day(self, rows: list[tuple[str, int, int]]) -> None:
        chart = self.reviews_chart
        chart.set_bars([Series("Right", [float(c) for _d, _n, c in rows], RIGHT),
                        Series("Wrong", [float(n - c) for _d, n, c in rows], WRONG)], stacked=True, legend=True)
        chart.set_x_axis(_day_ticks(-(len(rows) - 1), len(rows)), f"last {len(rows)} days (0 = today)")
        chart.slot_tips = [f"{_short(d)}: {c} right, {n - c} wrong" if n else f"{_short(d)}: no answers"
                           for d, n, c in rows]
        chart.set_title(f"Reviews per day — last {len(rows)} days")

    def _fill_accuracy(self) -> None:
        assert self.data is not None
        # From the first week with answers (at most the dashboard's twelve): a new learner's chart is not
        # mostly empty weeks.
        start = _first_active_week(self.data.topic_accuracy)
        by_topic = {topic: rows[start:] for topic, rows in self.data.topic_accuracy.items()}
        weeks = next(iter(by_topic.values()), [])
        series = [Series(topic, [acc * 100 if n and acc is not None else None for _w, n, acc in rows],
                         QColor(TOPIC_COLOURS[i % len(TOPIC_COLOURS)]))
                  for i, (topic, rows) in enumerate(by_topic.items())]
        chart = self.accuracy_chart
        chart.set_lines(max(1, len(weeks)), series)
        # A date under a few of the weeks ("3 Mar"), the latest always: twelve labels would not fit a half page.
        chart.set_x_axis([(j, _short(weeks[j][0])) for j in _week_labels(len(weeks))], "week starting")
        chart.slot_tips = [
            f"Week of {_short(w)}: " + ", ".join(f"{topic} {_pct(rows[j][2])} ({rows[j][1]})"
                                                 for topic, rows in by_topic.items() if rows[j][1])
            if any(rows[j][1] for rows in by_topic.values()) else f"Week of {_short(w)}: no answers"
            for j, (w, _n, _a) in enumerate(weeks)]
        self._fill_topic_legend()

    def _fill_topic_legend(self) -> None:
        assert self.data is not None
        lay = self.accuracy_legend.layout()
        while lay.count():
            item = lay.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        for i, topic in enumerate(self.data.topic_accuracy):
            colour = TOPIC_COLOURS[i % len(TOPIC_COLOURS)]
            entry = QLabel(f"<span style='color:{colour}'>■</span>&nbsp;{html.escape(topic)}")
            entry.setObjectName("topic_legend")
            lay.addWidget(entry)

    def _fill_forecast(self) -> None:
        assert self.data is not None
        rows = self.data.forecast
        chart = self.forecast_chart
        chart.set_bars([Series("Due", [float(n) for _d, n in rows], ACCENT)])
        chart.set_x_axis(_day_ticks(0, len(rows)), "days from today (0 = today, with the overdue)")
        chart.slot_tips = [f"{_short(d)}: {n} due" for d, n in rows]
        due = sum(n for _d, n in rows)
        chart.set_title(f"Due in the next 30 days — {due} in all, {rows[0][1] if rows else 0} today")

    def _fill_retention(self) -> None:
        assert self.data is not None
        t = self.retention_table
        t.setRowCount(len(self.data.retention))
        for i, r in enumerate(self.data.retention):
            t.setItem(i, 0, _item(r.period))
            t.setItem(i, 1, _item(f"{_pct(r.young)}  ({r.young_passed}/{r.young_total})", True))
            t.setItem(i, 2, _item(f"{_pct(r.mature)}  ({r.mature_passed}/{r.mature_total})", True))
            n = r.young_total + r.mature_total
            t.setItem(i, 3, _item(f"{_pct(r.total)}  ({r.young_passed + r.mature_passed}/{n})", True))
        _no_selection(t)
        # Columns fit the width by the header's modes (sizing them to contents here would undo the stretch);
        # tall enough for every period without a scroll bar.
        rows = sum(t.rowHeight(i) for i in range(t.rowCount()))
        t.setMinimumHeight(min(t.maximumHeight(), t.horizontalHeader().sizeHint().height() + rows + 2 * t.frameWidth()))

    def _fill_sessions(self) -> None:
        assert self.data is not None
        t = self.sessions_table
        rows = self.data.sessions
        t.setRowCount(len(rows))
        titles = {s.id: s.title for s in self.ctx.store.sets(include_deleted=True)}
        for i, s in enumerate(rows):
            start = datetime.fromtimestamp(s.started_at).astimezone()
            t.setItem(i, 0, _item(start.strftime("%Y-%m-%d %H:%M")))
            t.setItem(i, 1, _item(titles.get(s.set_id or "", "All sets")))
            t.setItem(i, 2, _item(str(s.answered), True))
            t.setItem(i, 3, _item(str(s.correct), True))
            t.setItem(i, 4, _item(_pct(s.score), True))
            t.setItem(i, 5, _item("…" if s.ended_at is None else f"{(s.ended_at - s.started_at) / 60:.0f}", True))
        _no_selection(t)

    def _fill_hardest(self) -> None:
        if self.data is None:
            return
        by = self.hard_combo.currentData() or "lapses"
        rows = self.data.hardest if by == "lapses" else hardest(self.ctx.store, self.ctx.clock(), by=by, set_id=self.set_id())
        t = self.hard_table
        t.setRowCount(0)  # drops the old buttons at once (replaced ones would linger until deleted)
        t.setRowCount(len(rows))
        self.study_buttons: list[QPushButton] = []
        for i, h in enumerate(rows):
            t.setItem(i, 0, _item(h.prompt or h.question_id))
            t.item(i, 0).setToolTip(plain.tooltip(h.prompt))
            t.setItem(i, 1, _item(h.topic))
            t.setItem(i, 2, _item(str(h.lapses), True))
            t.setItem(i, 3, _item(str(h.reviews), True))
            t.setItem(i, 4, _item(_pct(h.retrievability), True))
            b = QPushButton("Study now")
            b.setAccessibleName(f"Study now: {h.prompt[:60]}")
            b.clicked.connect(lambda _c=False, key=h.key: self.study_now(key))
            t.setCellWidget(i, 5, b)
            self.study_buttons.append(b)
        t.resizeColumnToContents(5)
        if not rows:
            t.setRowCount(1)
            t.setItem(0, 0, _item("No wrong answers yet." if by == "lapses" else "Nothing studied yet."))
        _no_selection(t)

    # --- actions --------------------------------------------------------------------
    def study_now(self, key: int) -> None:
        self.ctx.study_requested.emit(StudyRequest(keys=[key]))
        self.ctx.page_requested.emit("study")

    def _ask_export(self, kind: str) -> None:
        stamp = self.ctx.clock().strftime("%Y-%m-%d")
        name = f"ketaquiz-{'history' if kind == 'reviews' else 'scores'}-{self.ctx.profile}-{stamp}.csv"
        path, _f = QFileDialog.getSaveFileName(self, "Export CSV", str(Path.home() / name), "CSV files (*.csv)")
        if path:
            self.export_csv(kind, Path(path))

    def export_csv(self, kind: str, path: Path) -> int:
        """Write the review history ("reviews") or per-question scores ("questions") and say so."""
        try:
            n = export_history(self.ctx.store, path, self.ctx.clock(), kind=kind, set_id=self.set_id())
        except OSError as e:
            self._say(f"Could not write {path}: {e.strerror or e}")
            return 0
        self._say(f"Wrote {n} row{'s' if n != 1 else ''} to {path}")
        return n

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def optimise(self) -> None:
        """Fit FSRS parameters to this learner's answers (in a worker thread); the result is shown on the page."""
        from ..core import optimize

        if not optimize.optimizer_available():
            self._say(optimize.MISSING_MESSAGE)
            return
        if self.ctx.store.path == Path(":memory:"):
            self._say("Optimising needs a profile saved on disk.")
            return
        if self._optimise_job is not None:
            return
        path, clock, profile = self.ctx.store.path, self.ctx.clock, self.ctx.profile
        now = clock()

        def work(_report: Report) -> optimize.OptimiseResult:
            store = Store(path, clock=clock)  # its own connection: SQLite's stay in their thread
            try:
                return optimize.optimise(store, now)
            finally:
                store.close()

        self.optimise_button.setEnabled(False)
        self._say("Optimising your schedule… this can take a minute.")
        job = self._optimise_job = Job(work)
        job.done.connect(lambda j: self._optimised(j, path, profile))
        job.start()

    def _optimised(self, job: Job, path: Path, profile: str) -> None:
        from ..core.optimize import apply_result

        self._optimise_job = None
        self.optimise_button.setEnabled(True)
        if job.error is not None:
            self._say(f"Optimising failed: {job.error}")
            return
        if self.ctx.store.path != path:
            # The learner switched profile while it ran: the parameters belong to the profile they were fitted to.
            store = Store(path, clock=self.ctx.clock)
            try:
                message = apply_result(store, job.result)
            finally:
                store.close()
            self._say(f"Profile “{profile}”: {message}")
            return
        self._say(apply_result(self.ctx.store, job.result))
        self.ctx.settings_changed.emit()
        if job.result.status == "improved":
            self.reschedule_btn.show()  # (else each question changes at its next answer)

    def _reschedule(self) -> None:
        from .reschedule_offer import run_reschedule

        self.reschedule_btn.hide()
        self._say(run_reschedule(self, self.ctx))
