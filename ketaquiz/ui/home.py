"""The Home page: each course with its topics (new / due / learned), Study buttons, and today's progress."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.scheduling import due_by
from ..core.siblings import held_back_counts
from ..core.stats import compute_stats, new_allowed_today
from . import plain
from .changes import NOTHING, PROFILE, Changes
from .context import AppContext, StudyRequest


class HomePage(QWidget):
    """Lists sets and topics; refreshed from each change notice (on screen at once, else when next shown)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.missed: Changes = PROFILE  # the notices since it was last drawn (at first: everything)
        self.study_buttons: dict[tuple[str, str | None], QPushButton] = {}  # (set, topic or None) -> button
        self._held: dict[tuple[str, str], dict[str, int]] = {}  # (set, topic) -> siblings held back today

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        head = QHBoxLayout()
        title = QLabel("Home")
        title.setObjectName("heading")
        self.today_label = QLabel()
        self.today_label.setAccessibleName("Today's progress")
        self.today_label.setObjectName("hint")
        self.study_all_btn = QPushButton("Study all &due")
        self.study_all_btn.setObjectName("primary")
        self.study_all_btn.setAccessibleName("Study everything due, then new questions")
        self.study_all_btn.clicked.connect(lambda: self.request(StudyRequest()))
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.study_all_btn)
        outer.addLayout(head)
        outer.addWidget(self.today_label)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll_area, 1)

        ctx.changed.connect(self.changed)

    def changed(self, changes: Changes) -> None:
        """A change notice: every kind concerns Home (counts, sets, the daily limit, the learner). Drawn now when
        on screen; off screen nothing is computed until it is shown (an answer in Study costs Home nothing)."""
        self.missed |= changes
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt override)
        super().showEvent(event)
        if self.missed:
            self.refresh()

    def request(self, req: StudyRequest) -> None:
        self.ctx.study_requested.emit(req)
        self.ctx.page_requested.emit("study")

    def refresh(self) -> None:
        """Rebuild the course list from the store."""
        self.missed = NOTHING
        store = self.ctx.store
        now = self.ctx.clock()
        counts = store.topic_counts(due_by(now))
        self._held = held_back_counts(store, now, due_by(now))
        stats = compute_stats(store, now)
        held = f" (+{stats.held_back} held back until tomorrow)" if stats.held_back else ""
        self.today_label.setText(
            f"Today: {stats.reviews_today} answered · {stats.due_now} due now{held} · "
            f"{stats.new_remaining} new left · streak {stats.streak_days} day{'s' if stats.streak_days != 1 else ''}"
        )
        self.today_label.setToolTip("Held back: a question drawn from the same sentence as one answered today "
                                    "waits until tomorrow, unless it is the only work left." if held else "")
        self._label_study_all(stats.due_now, min(stats.new_remaining, new_allowed_today(store, now)),
                              stats.new_remaining)
        self.study_buttons.clear()
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 8, 0, 8)
        lay.setSpacing(16)
        sets = store.sets()
        if not sets:
            empty = QLabel("No courses yet. Add one on the Sets page.")
            empty.setObjectName("hint")
            lay.addWidget(empty)
        for info in sets:
            lay.addWidget(self._set_card(info.id, info.title, counts))
        lay.addStretch(1)
        old = self.scroll_area.takeWidget()
        self.scroll_area.setWidget(body)
        if old is not None:
            old.deleteLater()

    def _label_study_all(self, due: int, new: int, new_waiting: int) -> None:
        """Say what "Study all due" will take: the due questions (reviews and learning steps), and new ones if any
        (with none, and new ones beyond today's limit, it opens the page that offers some more)."""
        b = self.study_all_btn
        text = f"Study all &due ({due})" + (f" + {new} new" if new else "")
        b.setText(text if due or new_waiting else "Nothing due now")
        b.setEnabled(bool(due or new_waiting))
        b.setAccessibleName(text.replace("&", ""))
        b.setToolTip(f"{due} due now (reviews and learning steps)"
                     + (f", then {new} new question{'s' if new != 1 else ''} (today's new limit)" if new else ""))

    def _set_card(self, set_id: str, title: str, counts: dict[tuple[str, str], dict[str, int]]) -> QWidget:
        card = QFrame()
        card.setObjectName("card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        v = QVBoxLayout(card)
        top = QHBoxLayout()
        name = plain.label(title)
        name.setObjectName("subheading")
        name.setWordWrap(True)
        totals = {"new": 0, "learning": 0, "due": 0, "learned": 0, "total": 0}
        for (sid, _topic), c in counts.items():
            if sid == set_id:
                for k in totals:
                    totals[k] += c[k]
        btn = QPushButton("Study course")
        btn.setAccessibleName(f"Study {title}")
        btn.clicked.connect(lambda: self.request(StudyRequest(set_id=set_id)))
        self.study_buttons[(set_id, None)] = btn
        top.addWidget(name, 1)
        top.addWidget(QLabel(f"{totals['learned']} of {totals['total']} learned"))
        top.addWidget(btn)
        v.addLayout(top)

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        columns = (("new", "New", "Never answered"), ("learning", "Learning", "In learning steps: back within minutes"),
                   ("learned", "Learned", "In review"), ("due", "Due now", "Learning or learned, due now"))
        for col, text in enumerate(("Topic", *(title for _k, title, _tip in columns))):
            h = QLabel(text)
            h.setObjectName("hint")
            if col:
                h.setToolTip(columns[col - 1][2])
            grid.addWidget(h, 0, col, alignment=Qt.AlignmentFlag.AlignLeft if col == 0 else Qt.AlignmentFlag.AlignRight)
        for row, topic in enumerate(self.ctx.store.topics(set_id), start=1):
            c = counts.get((set_id, topic.id), {"new": 0, "learning": 0, "due": 0, "learned": 0, "total": 0})
            topic_label = plain.label(topic.title)
            topic_label.setWordWrap(True)  # a long title wraps: at 1024x640 and 16 pt the counts stay in view
            grid.addWidget(topic_label, row, 0)
            held = self._held.get((set_id, topic.id), {}).get("due", 0)
            for col, k in enumerate(("new", "learning", "learned", "due"), start=1):
                lab = QLabel(str(c[k] - held if k == "due" else c[k]))
                if k == "due" and c[k] - held:
                    lab.setObjectName("due")
                if k == "due" and held:
                    lab.setToolTip(f"{held} more held back until tomorrow: a sibling was answered today")
                grid.addWidget(lab, row, col, alignment=Qt.AlignmentFlag.AlignRight)
            b = QPushButton("Study")
            b.setAccessibleName(f"Study {topic.title}")
            b.setEnabled(c["total"] > 0)
            b.clicked.connect(lambda _=False, t=topic.id: self.request(StudyRequest(set_id=set_id, topics=[t])))
            self.study_buttons[(set_id, topic.id)] = b
            grid.addWidget(b, row, 5)
        grid.setColumnStretch(0, 1)
        v.addLayout(grid)
        return card
