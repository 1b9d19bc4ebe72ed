"""Small charts painted with QPainter: bars (side by side or stacked) and lines with points, over slots (days,
weeks), with a value axis, a few labelled ticks under the slots, an optional legend and a tooltip per slot.

Painted here rather than with QtCharts: QtCharts ships in PySide6-Addons (over 400 MB installed, and deprecated since
Qt 6.10) and these three charts need little of it. Colours come from the widget's palette, so the charts follow the
light and the dark theme.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget


@dataclass
class Series:
    """One set of values, a value per slot (None: nothing there)."""

    name: str
    values: list[float | None]
    colour: QColor


def nice_scale(top: float, *, at_least: float = 4, ticks: int = 4) -> tuple[float, float]:
    """(axis maximum, tick step) for values up to `top`: a step of 1, 2 or 5 × 10^k, whole numbers from 1 up."""
    top = max(at_least, top)
    raw = top / ticks
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    step = max(1.0, step)
    return math.ceil(top / step - 1e-9) * step, step


class Chart(QWidget):
    """A titled chart over `count` slots. Fill it with `set_bars` or `set_lines`, then `set_x_axis`."""

    PAD = 6

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.kind = "bars"  # bars | stacked | lines
        self.series: list[Series] = []
        self.count = 0
        self.x_ticks: list[tuple[float, str]] = []  # (slot, label)
        self.x_title = ""
        self.y_max, self.y_step = 4.0, 1.0
        self.y_format = "{:.0f}"
        self.legend = False
        self.slot_tips: list[str] = []
        self.setAccessibleName(title)
        self.setMinimumHeight(230)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(420, 260)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(240, 230)

    # --- data ------------------------------------------------------------------------------------------------
    def set_title(self, title: str) -> None:
        self.title = title
        self.setAccessibleName(title)
        self.update()

    def set_bars(self, series: list[Series], *, stacked: bool = False, legend: bool = False) -> None:
        """Bars, one group (or one stack) per slot; the value axis from 0 to a round number above the highest."""
        self.kind = "stacked" if stacked else "bars"
        self.series = series
        self.count = max((len(s.values) for s in series), default=0)
        if stacked:
            top = max((sum(s.values[i] or 0 for s in series if i < len(s.values)) for i in range(self.count)), default=0)
        else:
            top = max((v or 0 for s in series for v in s.values), default=0)
        self.y_max, self.y_step = nice_scale(top)
        self.y_format = "{:.0f}"
        self.legend = legend
        self.update()

    def set_lines(self, count: int, series: list[Series], *, y_max: float = 100, y_step: float = 25,
                  y_format: str = "{:.0f}%") -> None:
        """Lines through each series' points (a slot with no value is skipped, its neighbours joined)."""
        self.kind = "lines"
        self.series = series
        self.count = count
        self.y_max, self.y_step, self.y_format = y_max, y_step, y_format
        self.legend = False
        self.update()

    def set_x_axis(self, ticks: list[tuple[float, str]], title: str = "") -> None:
        self.x_ticks = ticks
        self.x_title = title
        self.update()

    # --- geometry --------------------------------------------------------------------------------------------
    def _fonts(self) -> tuple[QFont, QFont]:
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        bold = QFont(self.font())
        bold.setBold(True)
        return small, bold

    def plot_rect(self) -> QRectF:
        """Where the slots are drawn, inside the axes' labels, the title and the legend."""
        small, bold = self._fonts()
        fm, fb = QFontMetricsF(small), QFontMetricsF(bold)
        top = self.PAD + fb.height() + 4 + (fm.height() + 4 if self.legend else 0) + fm.height() / 2
        widest = max(fm.horizontalAdvance(self.y_format.format(v)) for v in self._y_ticks())
        left = self.PAD + widest + 6
        bottom = self.height() - self.PAD - fm.height() - 4 - (fm.height() + 2 if self.x_title else 0)
        return QRectF(left, top, max(1.0, self.width() - self.PAD - 6 - left), max(1.0, bottom - top))

    def _y_ticks(self) -> list[float]:
        n = int(round(self.y_max / self.y_step)) if self.y_step else 0
        return [i * self.y_step for i in range(n + 1)]

    def slot_x(self, slot: float) -> float:
        """The x of a slot's centre (fractional slots between)."""
        r = self.plot_rect()
        return r.left() + (slot + 0.5) * r.width() / max(1, self.count)

    def value_y(self, value: float) -> float:
        r = self.plot_rect()
        return r.bottom() - min(value, self.y_max) / self.y_max * r.height() if self.y_max else r.bottom()

    def slot_at(self, x: float) -> int | None:
        r = self.plot_rect()
        if not self.count or not r.left() <= x <= r.right():
            return None
        return min(self.count - 1, int((x - r.left()) / r.width() * self.count))

    def colours(self) -> dict[str, QColor]:
        """The chart's colours from the palette: background, text, grid lines and the axis line."""
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.Text)
        grid, line = QColor(text), QColor(text)
        grid.setAlpha(38)
        line.setAlpha(110)
        return {"background": pal.color(QPalette.ColorRole.Base), "text": text, "grid": grid, "line": line}

    # --- painting --------------------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802, ANN001 (Qt override)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = self.colours()
        small, bold = self._fonts()
        p.setPen(QPen(c["grid"]))
        p.setBrush(c["background"])
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        p.setPen(c["text"])
        p.setFont(bold)
        fb = QFontMetricsF(bold)
        p.drawText(QRectF(self.PAD, self.PAD, self.width() - 2 * self.PAD, fb.height()),
                   Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                   fb.elidedText(self.title, Qt.TextElideMode.ElideRight, self.width() - 2 * self.PAD))
        p.setFont(small)
        if self.legend:
            self._paint_legend(p, self.PAD + fb.height() + 4, c["text"])
        r = self.plot_rect()
        self._paint_axes(p, r, c)
        if self.kind == "lines":
            self._paint_lines(p)
        else:
            self._paint_bars(p, r)
        p.end()

    def _paint_legend(self, p: QPainter, y: float, text: QColor) -> None:
        fm = QFontMetricsF(p.font())
        box = fm.height() * 0.7
        widths = [box + 4 + fm.horizontalAdvance(s.name) for s in self.series]
        x = (self.width() - sum(widths) - 14 * (len(widths) - 1)) / 2
        for s, w in zip(self.series, widths):
            p.fillRect(QRectF(x, y + (fm.height() - box) / 2, box, box), s.colour)
            p.setPen(text)
            p.drawText(QPointF(x + box + 4, y + fm.ascent()), s.name)
            x += w + 14

    def _paint_axes(self, p: QPainter, r: QRectF, c: dict[str, QColor]) -> None:
        fm = QFontMetricsF(p.font())
        for v in self._y_ticks():
            y = self.value_y(v)
            p.setPen(QPen(c["grid"]))
            p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
            p.setPen(c["text"])
            label = self.y_format.format(v)
            p.drawText(QPointF(r.left() - 6 - fm.horizontalAdvance(label), y + fm.ascent() / 2 - 1), label)
        p.setPen(QPen(c["line"]))
        p.drawLine(QPointF(r.left(), r.bottom()), QPointF(r.right(), r.bottom()))
        p.setPen(c["text"])
        for slot, label in self.x_ticks:
            x = self.slot_x(slot)
            p.setPen(QPen(c["line"]))
            p.drawLine(QPointF(x, r.bottom()), QPointF(x, r.bottom() + 3))
            p.setPen(c["text"])
            p.drawText(QPointF(x - fm.horizontalAdvance(label) / 2, r.bottom() + 4 + fm.ascent()), label)
        if self.x_title:
            p.drawText(QRectF(r.left(), r.bottom() + 4 + fm.height(), r.width(), fm.height() + 2),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.x_title)

    def _paint_bars(self, p: QPainter, r: QRectF) -> None:
        if not self.count or not self.series:
            return
        slot = r.width() / self.count
        groups = 1 if self.kind == "stacked" else len(self.series)
        width = slot * 0.85 / groups
        p.setPen(Qt.PenStyle.NoPen)
        for i in range(self.count):
            base = 0.0
            for k, s in enumerate(self.series):
                v = s.values[i] if i < len(s.values) else None
                if not v:
                    continue
                lo = base if self.kind == "stacked" else 0.0
                x = self.slot_x(i) - slot * 0.85 / 2 + (0 if self.kind == "stacked" else k * width)
                top, bottom = self.value_y(lo + v), self.value_y(lo)
                p.fillRect(QRectF(x, top, max(1.0, width), max(1.0, bottom - top)), s.colour)
                if self.kind == "stacked":
                    base += v

    def _paint_lines(self, p: QPainter) -> None:
        for s in self.series:
            points = [QPointF(self.slot_x(i), self.value_y(v)) for i, v in enumerate(s.values) if v is not None]
            if not points:
                continue
            path = QPainterPath(points[0])
            for pt in points[1:]:
                path.lineTo(pt)
            p.setPen(QPen(s.colour, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
            p.setBrush(s.colour)
            for pt in points:
                p.drawEllipse(pt, 3, 3)

    # --- tooltips --------------------------------------------------------------------------------------------
    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            slot = self.slot_at(e.pos().x())
            tip = self.slot_tips[slot] if slot is not None and slot < len(self.slot_tips) else ""
            if tip:
                QToolTip.showText(e.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().event(e)
