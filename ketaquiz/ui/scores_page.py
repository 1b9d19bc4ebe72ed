"""The Scores page: where the learner stands, in pictures (ui/score_charts.py) with a few tables.

Data from ``core.dashboard``; the page recomputes only when shown after a change (answers, profile, library).
The figures are computed in a worker thread with its own store connection (the first call on a million-review
log builds a per-day cache: seconds); the previous figures stay up meanwhile, under "Computing your scores…".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.dashboard import Dashboard, dashboard, hardest
from ..core.history_export import export_history
from ..core.store import Store
from . import plain
from .changes import NOTHING, PROFILE, SETTINGS, Changes
from .context import AppContext, StudyRequest
from .operations import Operation
from .score_charts import AccuracyTile, ForecastChart, Heatmap, ReviewsChart
from .score_tables import HardestBox, RetentionBox, SessionsBox


class ScoresPage(QWidget):
    """Reviews per day, accuracy per topic, calendar and streaks, forecast, retention, sessions, hardest questions."""

    computed = Signal()  # new figures are on the page

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: Dashboard | None = None
        self.period = 30
        self.missed: Changes = PROFILE  # the change notices since the figures were last computed (at first: all)
        self._optimising: Operation | None = None  # the optimiser, while it runs
        self._figures: Operation[Dashboard] | None = None  # the figures asked for last

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.viewport().installEventFilter(self)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(16, 12, 16, 16)
        self._make_head(lay)
        self.grid = grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        lay.addLayout(grid)
        self.forecast_chart = ForecastChart()
        self.retention_box, self.sessions_box, self.hardest_box = RetentionBox(), SessionsBox(), HardestBox()
        self.retention_table, self.sessions_table = self.retention_box.table, self.sessions_box.table
        self.hard_combo, self.hard_table = self.hardest_box.combo, self.hardest_box.table
        self.hardest_box.order_changed.connect(self._fill_hardest)
        self.hardest_box.study.connect(self.study_now)
        # (widget, spans both columns): two columns when the page is wide enough, else one under the other.
        self.tiles: list[tuple[QWidget, bool]] = [
            (self._reviews_tile(), False), (self._accuracy_tile(), False), (self._calendar_tile(), True),
            (self.forecast_chart, False), (self.retention_box, False), (self.sessions_box, True),
            (self.hardest_box, True)]
        self.columns = 0
        self._arrange(2)

        self.set_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        ctx.changed.connect(self._changed)
        self._fill_sets()

    # --- building the page ----------------------------------------------------------
    def _make_head(self, lay: QVBoxLayout) -> None:
        """The set chooser and the buttons, the summary line, the status line and the reschedule offer."""
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

    def _reviews_tile(self) -> QWidget:
        """Reviews per day, with a 30 / 90 / 365 days switch under it."""
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
        self.reviews_chart = ReviewsChart()
        bl.addWidget(self.reviews_chart, 1)
        bl.addLayout(switch)
        return box

    def _accuracy_tile(self) -> QWidget:
        self.accuracy = AccuracyTile()
        self.accuracy_chart, self.accuracy_legend = self.accuracy.chart, self.accuracy.legend
        return self.accuracy

    def _calendar_tile(self) -> QWidget:
        cal = QGroupBox("Calendar")
        cl = QVBoxLayout(cal)
        cl.setSpacing(4)
        self.streak_label = QLabel()
        self.streak_label.setObjectName("streaks")
        self.heatmap = Heatmap()
        cl.addWidget(self.streak_label)
        cl.addWidget(self.heatmap)
        cl.addStretch(1)
        return cal

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
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
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

    def _changed(self, changes: Changes) -> None:
        """A change notice: every kind changes some figure. Computed now when on screen, else when next shown."""
        if changes.library:
            self._fill_sets()
        self.missed |= changes
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt override)
        super().showEvent(event)
        if self.missed:
            self.refresh()

    @property
    def computing(self) -> bool:
        """Figures asked for are still being computed."""
        return self._figures is not None and not self._figures.finished

    @property
    def optimising(self) -> bool:
        return self._optimising is not None

    GRACE_MS = 60  # figures ready within this show without a busy state (the usual case: ~50 ms)

    def refresh(self) -> None:
        """Recompute every chart from the store, in a worker; the figures are drawn when they come back.

        A newer request supersedes an older one (an operation of kind "scores"): while one computes, the next
        waits for it to end and the older result is dropped, never drawn; so is one computed from a profile no
        longer open, or after the app closed.
        """
        self.missed = NOTHING
        now, set_id = self.ctx.clock(), self.set_id()
        op = Operation(self.ctx, lambda store, _report: dashboard(store, now, set_id=set_id), kind="scores",
                       what="computing the scores")
        op.on_success(self._computed).on_failure(self._not_computed)  # (said on the page, and logged)
        self._figures = op.run(self, settle_ms=self.GRACE_MS)
        if not op.finished:
            self.busy.show()

    def _computed(self, d: Dashboard) -> None:
        self.busy.hide()
        self._show(d)

    def _not_computed(self, error: BaseException) -> None:
        self.busy.hide()
        self._say(f"Could not compute your scores: {error}")

    def _show(self, d: Dashboard) -> None:
        self.data = d
        total = sum(n for _d, n, _c in d.reviews_per_day)
        self.summary.setText(f"{total} answers in the last year · profile “{self.ctx.profile}”")
        self._fill_reviews()
        self.accuracy.show_topics(d.topic_accuracy)
        self.heatmap.set_data(d.heatmap, d.today)
        self.streak_label.setText(f"Current streak: <b>{d.current_streak}</b> day{'s' if d.current_streak != 1 else ''}"
                                  f" · Longest: <b>{d.longest_streak}</b> day{'s' if d.longest_streak != 1 else ''}")
        self.forecast_chart.show_rows(d.forecast)
        self.retention_box.show_rows(d.retention)
        self.sessions_box.show_rows(d.sessions, {s.id: s.title for s in self.ctx.store.sets(include_deleted=True)})
        self._fill_hardest()
        self.computed.emit()

    def set_period(self, days: int) -> None:
        """Show reviews per day over the last 30, 90 or 365 days."""
        self.period = days
        self.period_buttons[days].setChecked(True)
        self._fill_reviews()

    # --- charts and tables --------------------------------------------------------
    def _fill_reviews(self) -> None:
        if self.data is not None:
            self.reviews_chart.show_rows(self.data.reviews_last(self.period))

    def _fill_hardest(self) -> None:
        if self.data is None:
            return
        by = self.hardest_box.order()
        rows = self.data.hardest if by == "lapses" else hardest(self.ctx.store, self.ctx.clock(), by=by, set_id=self.set_id())
        self.hardest_box.show_rows(rows, by)

    @property
    def study_buttons(self) -> list[QPushButton]:
        """The Study now buttons of the hardest questions."""
        return self.hardest_box.study_buttons

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
        if self._optimising is not None:
            return
        path, clock, profile = self.ctx.store.path, self.ctx.clock, self.ctx.profile
        now = clock()

        def work(_report: object) -> optimize.OptimiseResult:
            store = Store(path, clock=clock)  # its own connection, on this profile's file whichever is open later
            try:
                return optimize.optimise(store, now)
            finally:
                store.close()

        def failed(error: BaseException) -> None:  # (torch out of memory, say: said here, and logged)
            self._say(f"Optimising failed: {error}")

        self.optimise_button.setEnabled(False)
        self._say("Optimising your schedule… this can take a minute.")
        # Without the open store: the parameters are kept for the profile they were fitted to, even after a switch.
        op = Operation.without_store(self.ctx, work, what="optimising")
        op.on_success(lambda result: self._optimised(result, path, profile)).on_failure(failed)
        self._optimising = op.on_end(self._optimise_ended).run(self)

    def _optimise_ended(self, _op: Operation) -> None:
        self._optimising = None
        self.optimise_button.setEnabled(True)

    def _optimised(self, result: object, path: Path, profile: str) -> None:
        from ..core.optimize import OptimiseResult, apply_result

        assert isinstance(result, OptimiseResult)
        if self.ctx.store.path != path:
            # The learner switched profile while it ran: the parameters belong to the profile they were fitted to.
            store = Store(path, clock=self.ctx.clock)
            try:
                message = apply_result(store, result)
            finally:
                store.close()
            self._say(f"Profile “{profile}”: {message}")
            return
        self._say(apply_result(self.ctx.store, result))
        self.ctx.notify(SETTINGS, self)
        if result.status == "improved":
            self.reschedule_btn.show()  # (else each question changes at its next answer)

    def _reschedule(self) -> None:
        from .reschedule_offer import run_reschedule

        self.reschedule_btn.hide()
        self._say(run_reschedule(self, self.ctx))
