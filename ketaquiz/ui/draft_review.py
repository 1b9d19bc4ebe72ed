"""The generate wizard's review step: each drafted question with its quality flags; keep, drop or edit by keyboard.

K or Enter keeps the current draft, D drops it, E edits it (the Sets page's question editor, in a dialog; an
edited draft is kept), G moves its gap to another word of the sentence (`generate.regap`: the judges' most common
fix, "gap X instead", in one choice; the moved draft is kept and checked again), A accepts another answer (the next
commonest fix, "accept 'melanin'"). A key term no draft asks is a
link: it adds a draft that asks it, next to the current one. "Keep all flagged-clean" keeps every undecided draft that tripped none of the
generator's checks. Only kept drafts are saved. The flags and the key terms no draft asks about come from the
generator's report (`GenerationReport.flags`, `.unasked_terms`); a report without them shows "not checked".
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.article import Article
from ..core.generate.regap import Regapper
from ..core.generate.report import QuestionFlags
from ..core.quality import passed_and_tripped
from ..core.question_edits import with_accepted
from ..core.question_types import kind_of
from ..core.questions import Question, Topic, cloze_gaps
from . import plain
from .draft_details import DROPPED, KEPT, MARK, PENDING, Draft, details_html, drafts_from
from .draft_edit import DraftEditDialog
from .draft_fixes import accept_dialog, gap_menu, gap_words_dialog
from .question_editor import QuestionPreview
from .section_text import SectionText
from .theme import GOOD, WARN

__all__ = ["Draft", "DraftReview", "drafts_from"]

class _ReviewKeys(QObject):
    """K / Enter keep, D drop, E edit, G move the gap, on the draft list (before the dialog's Enter = default
    button)."""

    def __init__(self, review: DraftReview) -> None:
        super().__init__(review)
        self.review = review

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods != Qt.KeyboardModifier.NoModifier:
            return False
        row = self.review.list.currentRow()
        if key in (Qt.Key.Key_K, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.review.keep(row)
        elif key == Qt.Key.Key_D:
            self.review.drop(row)
        elif key == Qt.Key.Key_E:
            self.review.edit(row)
        elif key == Qt.Key.Key_G:
            self.review.show_gap_menu(row)
        elif key == Qt.Key.Key_A:
            self.review.ask_accepted(row)
        elif key == Qt.Key.Key_S:
            self.review.show_section_text()
        else:
            return False
        return True


class DraftReview(QWidget):
    """The review step's widget: the draft list on the left, the current draft and its flags on the right."""

    changed = Signal()  # a decision or an edit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drafts: list[Draft] = []
        self.topics: list[Topic] = []
        self.article: Article | None = None
        self.unasked: dict[str, list[str]] = {}
        self.edit_dialog: DraftEditDialog | None = None
        self.gap_menu: QMenu | None = None
        self.gap_dialog: QInputDialog | None = None  # "Other words…": the words typed
        self.accept_dialog: QInputDialog | None = None  # "Also accept": another answer typed
        self._regapper: Regapper | None = None
        self._shown_choices: list[str] = []  # the current draft's "gap instead" words, as linked in the details
        self._likely_count = 0  # how many of them, first, are the likeliest
        self._term_warnings: dict[tuple[str, str], str] = {}  # (topic, key term) → why the generator left it out

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        hint = QLabel("K or Enter keep · D drop · E edit · G move the gap · A also accept · S ask a sentence of the "
                      "section · ↑ ↓ next")
        hint.setStyleSheet("color: #888;")
        hint.setWordWrap(True)  # at a large font it would hold the dialog wider than a 1024-pixel screen
        self.list = QListWidget()
        self.list.setAccessibleName("Drafted questions")
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._show)
        self._keys = _ReviewKeys(self)
        self.list.installEventFilter(self._keys)
        self.keep_clean_btn = QPushButton("Keep all flagged-clean")
        self.keep_clean_btn.setToolTip("Keep every undecided draft that passed all of the generator's checks")
        self.keep_clean_btn.clicked.connect(self.keep_all_clean)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.summary)
        ll.addWidget(self.list, 1)
        ll.addWidget(self.keep_clean_btn)
        ll.addWidget(hint)

        self.preview = QuestionPreview()
        self.preview.setMinimumHeight(120)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setAccessibleName("Answer and quality flags")
        self.details.anchorClicked.connect(self._anchor_clicked)
        right = self._right_pane()

        self.split = QSplitter()
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.split)

    def _right_pane(self) -> QWidget:
        """The current draft's preview over its details and section text, with the decision buttons below."""
        self.section_text = SectionText()
        self.section_text.ask.connect(self.add_sentence_draft)
        self.section_text.ask_words.connect(self.add_sentence_draft)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.details, "Answer and flags")
        self.tabs.addTab(self.section_text, "Section text (S)")
        self.tabs.setTabToolTip(1, "The section as the article says it: a sentence drafts a question on it")
        self.keep_btn = QPushButton("Keep (K)")
        self.drop_btn = QPushButton("Drop (D)")
        self.edit_btn = QPushButton("Edit… (E)")
        self.gap_btn = QPushButton("Gap… (G)")
        self.gap_btn.setToolTip("Move the gap to another word of the sentence: the draft is kept with the new gap")
        self.gap_btn.clicked.connect(lambda: self.show_gap_menu(self.list.currentRow()))
        self.accept_btn = QPushButton("Accept… (A)")
        self.accept_btn.setToolTip("Grade another answer right too (the head word, the article's other name for it)")
        self.accept_btn.clicked.connect(lambda: self.ask_accepted(self.list.currentRow()))
        self.keep_btn.clicked.connect(lambda: self.keep(self.list.currentRow()))
        self.drop_btn.clicked.connect(lambda: self.drop(self.list.currentRow()))
        self.edit_btn.clicked.connect(lambda: self.edit(self.list.currentRow()))
        for b in (self.keep_btn, self.drop_btn, self.edit_btn, self.gap_btn, self.accept_btn, self.keep_clean_btn):
            b.setAutoDefault(False)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_btn)
        buttons.addWidget(self.drop_btn)
        buttons.addWidget(self.edit_btn)
        buttons.addWidget(self.gap_btn)
        buttons.addWidget(self.accept_btn)
        buttons.addStretch(1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        inner = QSplitter(Qt.Orientation.Vertical)
        inner.addWidget(self.preview)
        inner.addWidget(self.tabs)
        inner.setStretchFactor(0, 2)
        inner.setStretchFactor(1, 3)
        inner.setChildrenCollapsible(False)
        rl.addWidget(inner, 1)
        rl.addLayout(buttons)
        return right

    # --- content --------------------------------------------------------------------------
    def set_drafts(self, drafts: list[Draft], topics: list[Topic], article: Article | None,
                   unasked: dict[str, list[str]] | None = None) -> None:
        self.drafts = drafts
        self.topics = topics
        self.article = article
        self._regapper = None
        self._term_warnings = {}
        self.unasked = {k: list(v) for k, v in (unasked or {}).items() if v}
        self.list.blockSignals(True)
        self.list.clear()
        for i in range(len(drafts)):
            self.list.addItem(QListWidgetItem())
            self._label(i)
        self.list.blockSignals(False)
        self.list.setCurrentRow(0 if drafts else -1)
        self._show(self.list.currentRow())
        self._update_summary()

    def kept_questions(self) -> list[Question]:
        return [d.question for d in self.drafts if d.status == KEPT]

    def counts(self) -> dict[str, int]:
        return {s: sum(d.status == s for d in self.drafts) for s in (KEPT, DROPPED, PENDING)}

    # --- decisions --------------------------------------------------------------------------
    def set_status(self, row: int, status: str, advance: bool = False) -> None:
        if not 0 <= row < len(self.drafts):
            return
        self.drafts[row].status = status
        self._label(row)
        self._update_summary()
        if row == self.list.currentRow():
            self._show(row)
        self.changed.emit()
        if advance:
            n = len(self.drafts)
            nxt = next((i % n for i in range(row + 1, row + n) if self.drafts[i % n].status == PENDING), None)
            self.list.setCurrentRow(nxt if nxt is not None else min(row + 1, n - 1))

    def keep(self, row: int) -> None:
        self.set_status(row, KEPT, advance=True)

    def drop(self, row: int) -> None:
        self.set_status(row, DROPPED, advance=True)

    def keep_all_clean(self) -> int:
        """Keep every undecided draft that is flagged clean; how many were kept."""
        rows = [i for i, d in enumerate(self.drafts) if d.status == PENDING and d.clean]
        for i in rows:
            self.drafts[i].status = KEPT
            self._label(i)
        self._update_summary()
        self._show(self.list.currentRow())
        if rows:
            self.changed.emit()
            nxt = next((i for i, d in enumerate(self.drafts) if d.status == PENDING), None)
            if nxt is not None:
                self.list.setCurrentRow(nxt)
        return len(rows)

    def edit(self, row: int) -> None:
        """Open the draft in the question editor; OK keeps the edited draft."""
        if not 0 <= row < len(self.drafts):
            return
        others = {d.question.id for i, d in enumerate(self.drafts) if i != row}
        dlg = DraftEditDialog(self.drafts[row].question, self.topics, self.article, others, self)
        self.edit_dialog = dlg

        def done(result: int) -> None:
            self.edit_dialog = None
            if result == QDialog.DialogCode.Accepted:
                q = dlg.question()
                d = self.drafts[row]
                d.edited = d.edited or q != d.question
                d.question = q
                self.set_status(row, KEPT)
            self.list.setFocus()
            dlg.deleteLater()

        dlg.finished.connect(done)
        dlg.open()

    def _regap_tool(self) -> Regapper | None:
        """The article's Regapper, made on first use (it analyses the article); None without an article."""
        if self._regapper is None and self.article is not None:
            self._regapper = Regapper(self.article)
        return self._regapper

    def _rechecked(self, q: Question, topic: str, tripped_first: dict[str, str] | None = None) -> QuestionFlags:
        """The item-writing checks run again on a question the reviewer changed or added, in its article as the
        generator ran them when there is one."""
        tool = self._regap_tool()
        passed, tripped = tool.recheck(q) if tool is not None else passed_and_tripped(q)
        return QuestionFlags(q.id, passed=passed, tripped={**(tripped_first or {}), **tripped}, topic=topic)

    def _warn(self, message: str) -> None:
        self.details.append(f'<p style="color:{WARN}">{html.escape(message)}</p>')

    def gap_choices(self, row: int) -> list[str]:
        """The words and terms the draft's gap could move to, the likeliest first (see `gap_menu_items`)."""
        likely, rest = self.gap_menu_items(row)
        return likely + rest

    def gap_menu_items(self, row: int) -> tuple[list[str], list[str]]:
        """The likeliest gaps (up to three, best first) and the other choices in sentence order; nothing for a type
        without a gap, or without the article."""
        tool = self._regap_tool()
        if not 0 <= row < len(self.drafts) or tool is None:
            return [], []
        return tool.menu(self.drafts[row].question)

    def show_gap_menu(self, row: int) -> None:
        """The gap menu under the Gap button (`draft_fixes.gap_menu`)."""
        self.gap_menu = gap_menu(self, row)

    def ask_gap_words(self, row: int) -> None:
        """Words of the sentence the menu does not offer, typed (`draft_fixes.gap_words_dialog`)."""
        tool = self._regap_tool()
        if 0 <= row < len(self.drafts) and tool is not None:
            self.gap_dialog = gap_words_dialog(self, row, tool.sentence(self.drafts[row].question))

    def ask_accepted(self, row: int) -> None:
        """Another answer to grade right, typed (A; `draft_fixes.accept_dialog`): a cloze's first gap, a short answer."""
        q = self.drafts[row].question if 0 <= row < len(self.drafts) else None
        if q is not None and q.type in ("cloze", "short"):
            forms = cloze_gaps(q.prompt)[0] if q.type == "cloze" else [str(q.answer), *q.accept]
            self.accept_dialog = accept_dialog(self, row, " · ".join(forms))

    def accept_also(self, row: int, text: str) -> bool:
        """The draft grades `text` right too (in its first gap); it is kept and its checks run again."""
        if not 0 <= row < len(self.drafts):
            return False
        d = self.drafts[row]
        gaps = len(cloze_gaps(d.question.prompt))
        changed = with_accepted(d.question, [text] + [""] * (gaps - 1) if d.question.type == "cloze" else text)
        if changed is None:
            self._warn(f"“{text.strip()}” is graded right already" if text.strip() else "Type an answer to accept.")
            return False
        return self._fixed(row, changed)

    def regap(self, row: int, phrase: str) -> bool:
        """Move the draft's gap to `phrase`; the draft is kept and its item-writing checks run again."""
        tool = self._regap_tool()
        if not 0 <= row < len(self.drafts) or tool is None:
            return False
        d = self.drafts[row]
        taken = {x.question.id for i, x in enumerate(self.drafts) if i != row}
        try:
            q = tool.regap(d.question, phrase, taken)
        except ValueError as e:
            self._warn(str(e))
            return False
        return self._fixed(row, q)

    def _fixed(self, row: int, q: Question) -> bool:
        """The draft replaced by its one-choice fix, kept, and its item-writing checks run again."""
        d = self.drafts[row]
        d.question, d.edited, d.rechecked = q, True, True
        d.flags = self._rechecked(q, q.topic)
        self.set_status(row, KEPT)
        self.list.setFocus()
        return True

    def add_term_draft(self, topic: str, term: str) -> bool:
        """A new draft asking a key term no draft asks, after the current one (checked, not yet decided)."""
        tool = self._regap_tool()
        if tool is None:
            return False
        try:
            drafted = tool.draft_for_term(topic, term, {d.question.id for d in self.drafts},
                                          {d.question.source for d in self.drafts})
        except ValueError as e:
            self._warn(str(e))
            return False
        q = drafted.question
        if term in self.unasked.get(topic, []):
            self.unasked[topic].remove(term)
        # why the generator left the term out, first: the reviewer decides
        self._insert_draft(q, self._rechecked(q, topic, {"worth knowing": drafted.warning} if drafted.warning else None))
        return True

    def add_sentence_draft(self, sentence_id: str, words: str | None = None) -> bool:
        """A new draft on a sentence picked in the section text (gapping `words` selected in it, if any), after the
        current one (checked, not yet decided)."""
        tool = self._regap_tool()
        if tool is None:
            return False
        try:
            drafted = tool.draft_for_sentence(sentence_id, {d.question.id for d in self.drafts}, words)
        except ValueError as e:
            self._warn(str(e))
            self.tabs.setCurrentWidget(self.details)
            return False
        q = drafted.question
        flags = self._rechecked(q, q.topic)
        if drafted.warning and drafted.warning not in flags.tripped.values():
            flags.tripped = {"stands alone": drafted.warning, **flags.tripped}
        self._insert_draft(q, flags)
        return True

    def _insert_draft(self, q: Question, flags: QuestionFlags) -> None:
        row = self.list.currentRow() + 1 if self.drafts else 0
        self.drafts.insert(row, Draft(q, flags=flags, edited=True, rechecked=True))
        self.list.insertItem(row, QListWidgetItem())
        self._label(row)
        self._update_summary()
        self.list.setCurrentRow(row)
        self._show(row)
        self.changed.emit()
        self.list.setFocus()

    def show_section_text(self) -> None:
        """The current draft's section, each sentence a link that drafts a question on it (keyboard: Tab, Enter)."""
        self.tabs.setCurrentWidget(self.section_text)
        self.section_text.setFocus()

    def _term_warning(self, topic: str, term: str) -> str:
        """Why the generator would not ask a key term itself ("" if it would), remembered until new drafts come."""
        if (topic, term) not in self._term_warnings:
            tool = self._regap_tool()
            if tool is None:
                return ""
            try:
                warning = tool.draft_for_term(topic, term).warning
            except ValueError as e:
                warning = str(e)
            self._term_warnings[(topic, term)] = warning
        return self._term_warnings[(topic, term)]

    def _anchor_clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("gap:") and text[4:].isdigit() and int(text[4:]) < len(self._shown_choices):
            self.regap(self.list.currentRow(), self._shown_choices[int(text[4:])])
        elif text.startswith("term:") and 0 <= self.list.currentRow() < len(self.drafts):
            topic = self.drafts[self.list.currentRow()].question.topic
            terms = self.unasked.get(topic, [])
            if text[5:].isdigit() and int(text[5:]) < len(terms):
                self.add_term_draft(topic, terms[int(text[5:])])

    # --- display ----------------------------------------------------------------------------
    def _label(self, row: int) -> None:
        d = self.drafts[row]
        item = self.list.item(row)
        q = d.question
        flag = "  " if d.flags is None or d.clean else "⚠ "
        prompt = " ".join(q.display_prompt().split())
        item.setText(f"{MARK[d.status]} {flag}{kind_of(q.type).tag or q.type} · {prompt}")
        tip = prompt if d.flags is None or d.clean else prompt + "\n\n" + "\n".join(
            f"⚠ {m}" for m in d.flags.tripped.values())
        item.setToolTip(plain.tooltip(tip))
        font = item.font()
        font.setStrikeOut(d.status == DROPPED)
        item.setFont(font)
        if d.status == DROPPED:
            item.setForeground(QColor(140, 140, 140))
        elif d.status == KEPT:
            item.setForeground(QColor(GOOD))
        else:
            item.setData(Qt.ItemDataRole.ForegroundRole, None)

    def _update_summary(self) -> None:
        c = self.counts()
        clean = sum(d.clean and d.status == PENDING for d in self.drafts)
        text = f"{len(self.drafts)} drafts · <b>{c[KEPT]} kept</b> · {c[DROPPED]} dropped · {c[PENDING]} to review"
        unasked = sum(len(v) for v in self.unasked.values())
        if unasked:
            text += f" · {unasked} key term{'s' if unasked != 1 else ''} not asked"
            self.summary.setToolTip("Key terms no draft asks about:\n" + "\n".join(
                f"{self._topic_title(k)}: {', '.join(v)}" for k, v in self.unasked.items()))
        else:
            self.summary.setToolTip("")
        if not self.drafts:
            text += "<br>No draft passed the quality checks: press S and pick sentences of the article to ask."
        self.summary.setText(text)
        self.keep_clean_btn.setText(f"Keep all flagged-clean ({clean})")
        self.keep_clean_btn.setEnabled(clean > 0)

    def _topic_title(self, topic: str) -> str:
        return next((t.title for t in self.topics if t.id == topic), topic)

    def _show(self, row: int) -> None:
        has = 0 <= row < len(self.drafts)
        for b in (self.keep_btn, self.drop_btn, self.edit_btn):
            b.setEnabled(has)
        likely, rest = self.gap_menu_items(row) if has else ([], [])
        self._shown_choices, self._likely_count = likely + rest, len(likely)
        self.gap_btn.setEnabled(bool(self._shown_choices))
        self.accept_btn.setEnabled(has and self.drafts[row].question.type in ("cloze", "short"))
        asked = [x.question.source for x in self.drafts if x.status != DROPPED]
        if not has:
            self.preview.clear()
            self.details.clear()
            # no draft at all (an article whose every draft failed the checks): its first section, to ask it from S
            if self.article and self.article.sections and not self.drafts:
                self.section_text.show_in(self.article, self.article.sections[0], asked, "", self._regap_tool())
            else:
                self.section_text.clear()
            return
        d = self.drafts[row]
        self.preview.show_question(d.question)
        self.details.setHtml(self._details_html(d, row))
        section = self.article.section(d.question.topic) if self.article else None
        self.section_text.show_in(self.article, section, asked, d.question.source, self._regap_tool())

    def _details_html(self, d: Draft, row: int) -> str:
        terms = self.unasked.get(d.question.topic, [])
        return details_html(d, row, len(self.drafts), self._topic_title(d.question.topic), self._shown_choices,
                            self._likely_count, terms, {t for t in terms if self._term_warning(d.question.topic, t)})
