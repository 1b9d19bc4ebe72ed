"""The Article page: a set's article rendered with its sections; "Show in article" highlights a source sentence.

The document is built from the parsed Article sentence by sentence, so every article offset maps to a
document position (`ArticleBrowser.doc_range`): highlights and the mastery overlay use that map.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.article import Article, parse_article
from ..core.articlefile import ArticleFileError, article_file_of, read_article_text
from .changes import Changes
from .context import AppContext
from .operations import Operation

HIGHLIGHT = QColor(255, 213, 79, 170)


class ArticleBrowser(QTextBrowser):
    """A read-only view of an Article that knows where each sentence sits in its document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setAccessibleName("Article text")
        self.article: Article | None = None
        # sentence id -> (document start, document end); same length as the sentence text
        self.sentence_pos: dict[str, tuple[int, int]] = {}
        self.heading_pos: dict[str, tuple[int, int]] = {}  # section slug -> document span of its heading
        self._spans: list[tuple[int, int, int]] = []  # (article start, article end, document start)
        self.highlight: tuple[int, int] | None = None  # document span highlighted

    def set_article(self, article: Article | None) -> None:
        """Render an article (None: empty)."""
        self.article = article
        self.sentence_pos.clear()
        self.heading_pos.clear()
        self._spans.clear()
        self.highlight = None
        self.setExtraSelections([])
        doc = QTextDocument(self)
        doc.setDocumentMargin(24)
        doc.setUndoRedoEnabled(False)  # read-only: no undo history of the build to keep
        if article is None:
            self.setDocument(doc)
            return
        cur = QTextCursor(doc)
        base = self.font()
        title_fmt = QTextCharFormat()
        title_fmt.setFontPointSize(max(base.pointSizeF(), 9) * 1.8)
        title_fmt.setFontWeight(QFont.Weight.Bold)
        head_fmt = QTextCharFormat()
        head_fmt.setFontPointSize(max(base.pointSizeF(), 9) * 1.35)
        head_fmt.setFontWeight(QFont.Weight.DemiBold)
        body_fmt = QTextCharFormat()
        body_fmt.setFontPointSize(max(base.pointSizeF(), 9) * 1.1)
        block = QTextBlockFormat()
        block.setBottomMargin(10)
        block.setLineHeight(135, 1)  # ProportionalHeight
        head_block = QTextBlockFormat()
        head_block.setTopMargin(18)
        head_block.setBottomMargin(8)

        # One edit block: the document lays out once at its end, not once per insert (each insert re-laid the
        # whole paragraph out: a 256 KB one-paragraph article took ~40 s on the UI thread).
        cur.beginEditBlock()
        cur.setBlockFormat(head_block)
        cur.insertText(article.title, title_fmt)
        for sec in article.sections:
            if sec.heading_start is not None and sec.heading_end is not None:
                cur.insertBlock(head_block)
                start = cur.position()
                cur.insertText(article.text[sec.heading_start : sec.heading_end], head_fmt)
                self.heading_pos[sec.slug] = (start, cur.position())
                self._spans.append((sec.heading_start, sec.heading_end, start))
            para_key: tuple[int, bool] | None = None
            for sent in sec.sentences:
                key = (sent.paragraph, sent.list_item)
                if sent.list_item or key != para_key:
                    fmt = QTextBlockFormat(block)
                    if sent.list_item:
                        fmt.setIndent(1)
                    cur.insertBlock(fmt)
                    if sent.list_item:
                        cur.insertText("•  ", body_fmt)
                elif para_key is not None:
                    cur.insertText(" ", body_fmt)
                para_key = key
                start = cur.position()
                # Same length as the source text, so offsets inside a sentence map one to one.
                cur.insertText(sent.text.replace("\n", " ").replace("\t", " "), body_fmt)
                self.sentence_pos[sent.id] = (start, cur.position())
                self._spans.append((sent.start, sent.end, start))
        cur.endEditBlock()
        self.setDocument(doc)

    def doc_range(self, start: int, end: int) -> tuple[int, int] | None:
        """The document span showing article text [start, end) (clamped to rendered text)."""
        hits = [(a, b, d) for a, b, d in self._spans if a < end and start < b]
        if not hits:
            return None
        a0, _b0, d0 = hits[0]
        a1, b1, d1 = hits[-1]
        return d0 + max(0, start - a0), d1 + (min(end, b1) - a1)

    def show_quote(self, quote: str) -> bool:
        """Scroll to and highlight the sentence(s) holding `quote`; False when it is not in the article."""
        if self.article is None:
            return False
        found = self.article.find_quote(quote)
        if found is None:
            self.setExtraSelections([])
            self.highlight = None
            return False
        sentences = self.article.sentences_in(*found)
        start = min([found[0], *(s.start for s in sentences)])
        end = max([found[1], *(s.end for s in sentences)])
        span = self.doc_range(start, end)
        if span is None:
            return False
        self.highlight = span
        sel = QTextEdit.ExtraSelection()
        cur = QTextCursor(self.document())
        cur.setPosition(span[0])
        cur.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cur
        fmt = QTextCharFormat()
        fmt.setBackground(HIGHLIGHT)
        fmt.setForeground(QColor(20, 20, 20))
        sel.format = fmt
        self.setExtraSelections([sel])
        self.scroll_to(span[0])
        return True

    def highlighted_text(self) -> str:
        if self.highlight is None:
            return ""
        cur = QTextCursor(self.document())
        cur.setPosition(self.highlight[0])
        cur.setPosition(self.highlight[1], QTextCursor.MoveMode.KeepAnchor)
        return cur.selectedText()

    def scroll_to(self, position: int) -> None:
        """Bring a document position to about a third of the way down the view."""
        cur = QTextCursor(self.document())
        cur.setPosition(position)
        self.setTextCursor(cur)
        rect = self.cursorRect(cur)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)


SYNC_ARTICLE_BYTES = 256 * 1024  # a bigger article is read and parsed off the UI thread


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _read_article(path: Path | None) -> Article | None:
    """The article at `path` (inside its set's folder, see article_file_of), None when it cannot be read."""
    if path is None:
        return None
    try:
        return parse_article(read_article_text(path), path=path)
    except ArticleFileError:
        return None


class ArticlePage(QWidget):
    """Pick a set's article, read it, see a source highlighted, toggle the mastery shading."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.set_id: str | None = None
        self._articles: dict[str, Article | None] = {}
        self._reading: dict[str, Operation[Article | None]] = {}  # set id -> the operation reading its big article
        self._pending_quote: str | None = None
        self.legend: QWidget | None = None

        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        label = QLabel("&Article of")
        self.set_combo = QComboBox()
        self.set_combo.setAccessibleName("Set whose article is shown")
        self.set_combo.setMinimumContentsLength(24)
        label.setBuddy(self.set_combo)
        self.mastery_box = QCheckBox("Show &mastery")
        self.mastery_box.setAccessibleName("Shade sentences by mastery")
        self.mastery_box.toggled.connect(self._mastery_toggled)
        top.addWidget(label)
        top.addWidget(self.set_combo, 1)
        top.addStretch(1)
        top.addWidget(self.mastery_box)
        lay.addLayout(top)
        self.message = QLabel()
        self.message.setObjectName("hint")
        self.message.setWordWrap(True)
        self.message.hide()
        lay.addWidget(self.message)
        self.browser = ArticleBrowser()
        lay.addWidget(self.browser, 1)
        self.legend_holder = QVBoxLayout()
        lay.addLayout(self.legend_holder)

        self.set_combo.currentIndexChanged.connect(self._combo_changed)
        ctx.changed.connect(self._changed)
        ctx.show_in_article.connect(self.show_source)
        self._fill_combo()

    def _fill_combo(self) -> None:
        keep = self.set_id
        self.set_combo.blockSignals(True)
        self.set_combo.clear()
        for info in self.ctx.store.sets():
            if info.article_path:
                self.set_combo.addItem(info.title, info.id)
        self.set_combo.blockSignals(False)
        idx = self.set_combo.findData(keep) if keep else (0 if self.set_combo.count() else -1)
        if idx < 0 and self.set_combo.count():
            idx = 0
        if idx >= 0:
            self.set_combo.setCurrentIndex(idx)
            self.open_set(self.set_combo.itemData(idx))
        else:
            self.open_set(None)

    def _changed(self, changes: Changes) -> None:
        if changes.library:
            self._library_changed()
        if changes.progress:
            self._progress_changed()

    def _library_changed(self) -> None:
        self._articles.clear()
        for op in self._reading.values():
            op.abandon()  # read from the files as they were: a newer read (or none) counts
        self._reading.clear()
        self._fill_combo()

    def _combo_changed(self, index: int) -> None:
        if index >= 0:
            self.open_set(self.set_combo.itemData(index))

    def article_for(self, set_id: str) -> Article | None:
        """The set's article: read at once when small; a big one is read and parsed on a worker thread
        (seconds for a few MB), None meanwhile, and the page shows it when it is in."""
        if set_id not in self._articles:
            if set_id in self._reading:
                return None
            info = self.ctx.store.set_info(set_id)
            path = article_file_of(info.path, info.article_path) if info else None  # inside the set's folder
            if path is not None and _size(path) > SYNC_ARTICLE_BYTES:
                self._read_in_background(set_id, path)
                return None
            self._articles[set_id] = _read_article(path)
        return self._articles[set_id]

    def _read_in_background(self, set_id: str, path: Path) -> None:
        op = Operation.without_store(self.ctx, lambda _report: _read_article(path), what=f"reading {path}")
        op.on_success(lambda article: self._article_read(set_id, article))
        op.on_failure(lambda _e: self._article_read(set_id, None))  # (logged; the page says it cannot be read)
        self._reading[set_id] = op
        op.run(self)

    def _article_read(self, set_id: str, article: Article | None) -> None:
        del self._reading[set_id]
        self._articles[set_id] = article
        if set_id == self.set_id:
            quote = self._pending_quote
            self.open_set(set_id, force=True)
            if quote:
                self.show_source(set_id, quote)

    def reading(self, set_id: str | None) -> bool:
        """True while the set's (big) article is being read."""
        return set_id in self._reading

    def open_set(self, set_id: str | None, *, force: bool = False) -> None:
        """Show a set's article (re-rendered only when it changes)."""
        if set_id == self.set_id and not force and self.browser.article is not None:
            return
        self.set_id = set_id
        article = self.article_for(set_id) if set_id else None
        if set_id and article is None and self.reading(set_id):
            self.message.setText("Reading the article…")
            self.message.show()
        elif set_id and article is None:
            self.message.setText("This set's article file cannot be found.")
            self.message.show()
        elif set_id is None:
            self.message.setText("No set has an article yet.")
            self.message.show()
        else:
            self.message.hide()
        self._render()

    def _render(self) -> None:
        article = self.article_for(self.set_id) if self.set_id else None
        self.browser.set_article(article)
        self._clear_legend()
        if self.mastery_box.isChecked() and article is not None and self.set_id:
            self._apply_mastery(article)

    def _clear_legend(self) -> None:
        if self.legend is not None:
            self.legend.deleteLater()
            self.legend = None

    def _apply_mastery(self, article: Article) -> None:
        try:
            from .mastery import apply_mastery
        except ImportError:
            self.message.setText("Mastery shading is coming soon.")
            self.message.show()
            return
        assert self.set_id is not None
        self.legend = apply_mastery(self.browser, self.ctx, self.set_id, article)
        if self.legend is not None:
            self.legend_holder.addWidget(self.legend)

    def _mastery_toggled(self, _on: bool) -> None:
        highlight = self._pending_quote
        self._render()
        if highlight:
            self.browser.show_quote(highlight)

    def _progress_changed(self) -> None:
        if self.mastery_box.isChecked() and self.isVisible():
            self._mastery_toggled(True)

    def show_source(self, set_id: str, quote: str) -> bool:
        """Open the set's article and highlight the quote."""
        idx = self.set_combo.findData(set_id)
        if idx >= 0 and idx != self.set_combo.currentIndex():
            self.set_combo.setCurrentIndex(idx)
        else:
            self.open_set(set_id)
        self._pending_quote = quote
        if self.reading(set_id):
            return False  # shown once the article is in (_article_read)
        ok = self.browser.show_quote(quote)
        if not ok:
            self.message.setText("That quote is not in the article (it may have been edited).")
            self.message.show()
        elif self.set_id and self.browser.article is not None:
            self.message.hide()
        return ok

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt override)
        super().showEvent(event)
        # The view gets its real size only when shown: scroll the highlight into place again.
        if self.browser.highlight is not None:
            self.browser.scroll_to(self.browser.highlight[0])
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)
