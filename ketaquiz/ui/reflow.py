"""Layouts that adapt to the window's width instead of forcing it wider.

* `FlowLayout` places its items left to right and wraps them onto the next line when the width runs out; its
  minimum width is that of its widest item, so a row of legend entries or buttons never forces a window wider.
* `ReflowSplitter` puts its two panes side by side when it is wide enough, one above the other when not.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QSplitter, QWidget


class FlowLayout(QLayout):
    """Items at their size hint, in reading order, wrapped at the layout's width (Qt's flow layout example)."""

    def __init__(self, parent: QWidget | None = None, *, h_spacing: int = 8, v_spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._h, self._v = h_spacing, v_spacing

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt override)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt override)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt override)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt override)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt override)
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """Everything on one line."""
        m = self.contentsMargins()
        hints = [it.sizeHint() for it in self._items if not it.isEmpty()]
        w = sum(h.width() for h in hints) + self._h * max(0, len(hints) - 1)
        h = max((h.height() for h in hints), default=0)
        return QSize(w + m.left() + m.right(), h + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt override)
        """As wide as the widest item: the rest wraps."""
        size = QSize()
        for it in self._items:
            if not it.isEmpty():
                size = size.expandedTo(it.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _place(self, rect: QRect, *, move: bool) -> int:
        m: QMargins = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        for it in self._items:
            if it.isEmpty():
                continue
            hint = it.sizeHint()
            w = min(hint.width(), max(1, area.width()))
            if x > area.x() and x + w > area.right() + 1:
                x, y, line = area.x(), y + line + self._v, 0
            if move:
                it.setGeometry(QRect(QPoint(x, y), QSize(w, hint.height())))
            x += w + self._h
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()


def flow_row(*widgets: QWidget, h_spacing: int = 8, v_spacing: int = 4) -> QWidget:
    """A widget holding `widgets` in a FlowLayout (no margins), that grows in height as it wraps."""
    box = QWidget()
    lay = FlowLayout(box, h_spacing=h_spacing, v_spacing=v_spacing)
    lay.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        lay.addWidget(w)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    box.setSizePolicy(policy)
    return box


class ReflowSplitter(QSplitter):
    """A splitter whose panes sit side by side from `side_by_side` pixels wide, stacked below that.

    Its minimum width is that of the stacked arrangement, so it never holds the window wider than that; each
    switch restores the share of the first pane last used in that orientation (`shares`).
    """

    reflowed = Signal(Qt.Orientation)  # the new orientation

    def __init__(self, side_by_side: int, *, share_beside: float = 0.5, share_above: float = 0.5,
                 second_beside: tuple[int, int] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.side_by_side = side_by_side
        self.second_beside = second_beside  # side by side, the second pane's width is kept within these bounds
        self.shares = {Qt.Orientation.Horizontal: share_beside, Qt.Orientation.Vertical: share_above}
        self._sized = False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        want = Qt.Orientation.Horizontal if event.size().width() >= self.side_by_side else Qt.Orientation.Vertical
        switch = want != self.orientation() and self.count() == 2
        if switch:
            sizes = self.sizes()
            if sum(sizes) > 0:
                self.shares[self.orientation()] = sizes[0] / sum(sizes)
            self.setOrientation(want)
        super().resizeEvent(event)
        if self.count() == 2 and (switch or not self._sized):
            self._sized = True
            self.apply_share()
        if switch:
            self.reflowed.emit(want)

    def apply_share(self) -> None:
        """Size the panes by the share remembered for the current orientation."""
        beside = self.orientation() == Qt.Orientation.Horizontal
        total = self.width() if beside else self.height()
        first = round(total * self.shares[self.orientation()])
        if beside and self.second_beside is not None:
            low, high = self.second_beside
            first = total - max(low, min(high, total - first))
        self.setSizes([first, max(0, total - first)])

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hints = [w.minimumSizeHint() for i in range(self.count()) if (w := self.widget(i)) is not None and not w.isHidden()]
        width = max((h.width() for h in hints), default=0)
        if self.orientation() == Qt.Orientation.Vertical:
            height = sum(h.height() for h in hints) + self.handleWidth() * max(0, len(hints) - 1)
        else:
            height = max((h.height() for h in hints), default=0)
        return QSize(width, height)


__all__ = ["FlowLayout", "ReflowSplitter", "flow_row"]
