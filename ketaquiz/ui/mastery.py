"""The mastery overlay of the Article page: sentences and headings shaded by how well they would be recalled now."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QTextBrowser, QWidget

from ..core.article import Article
from ..core.mastery import NOT_COVERED, NOT_STARTED, Score, compute_mastery
from .context import AppContext
from .reflow import FlowLayout

# Translucent backgrounds, so the text stays readable on light and dark themes alike.
COLOURS: dict[str, QColor] = {
    "strong": QColor(46, 160, 67, 110),
    "good": QColor(154, 205, 50, 110),
    "fading": QColor(255, 170, 0, 120),
    "weak": QColor(229, 57, 53, 110),
    NOT_STARTED: QColor(120, 144, 200, 80),
}
LEGEND = [
    ("strong", "90 % or more"),
    ("good", "70–89 %"),
    ("fading", "50–69 %"),
    ("weak", "under 50 %"),
    (NOT_STARTED, "not studied yet"),
    (NOT_COVERED, "not covered by any question"),
]
NOT_COVERED_TEXT = QColor(128, 128, 128)


def _describe(score: Score) -> str:
    if score.status == NOT_COVERED:
        return "Not covered by any question"
    if score.status == NOT_STARTED:
        return f"{len(score.questions)} question(s), none studied yet"
    return (f"Recall now {score.retrievability or 0:.0%} of the {score.answered} question(s) studied "
            f"({len(score.questions) - score.answered} of {len(score.questions)} not studied yet)")


def _find(doc: QTextDocument, text: str, after: int) -> tuple[int, int] | None:
    flat = " ".join(text.split())
    cur = doc.find(flat, after, QTextDocument.FindFlag.FindCaseSensitively)
    if cur.isNull():
        cur = doc.find(flat, 0, QTextDocument.FindFlag.FindCaseSensitively)
    return None if cur.isNull() else (cur.selectionStart(), cur.selectionEnd())


def _shade(doc: QTextDocument, span: tuple[int, int], score: Score) -> None:
    fmt = QTextCharFormat()
    status = score.status
    if status == NOT_COVERED:
        fmt.setForeground(QBrush(NOT_COVERED_TEXT))
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    else:
        fmt.setBackground(COLOURS[status])
    fmt.setToolTip(_describe(score))
    fmt.setProperty(QTextCharFormat.Property.UserProperty, status)
    cur = QTextCursor(doc)
    cur.setPosition(span[0])
    cur.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
    cur.mergeCharFormat(fmt)


def apply_mastery(browser: QTextBrowser, ctx: AppContext, set_id: str, article: Article) -> QWidget | None:
    """Shade each sentence and section heading in `browser` by mastery; returns the legend widget."""
    m = compute_mastery(ctx.store, set_id, article, ctx.clock())
    doc = browser.document()
    # The Article page's browser knows each sentence's document span; any other view is searched by text.
    known_sentences: dict[str, tuple[int, int]] = getattr(browser, "sentence_pos", {}) or {}
    known_headings: dict[str, tuple[int, int]] = getattr(browser, "heading_pos", {}) or {}
    pos = 0
    for sec in article.sections:
        if sec.heading_start is not None and sec.heading_end is not None:
            span = known_headings.get(sec.slug) or _find(doc, article.text[sec.heading_start:sec.heading_end], pos)
            if span:
                _shade(doc, span, m.sections[sec.slug])
                pos = span[1]
        for sent in sec.sentences:
            span = known_sentences.get(sent.id) or _find(doc, sent.text, pos)
            if span:
                _shade(doc, span, m.sentences[sent.id])
                pos = span[1]
    return legend_widget(m.coverage(), len(m.unplaced))


def legend_widget(coverage: float | None, unplaced: int = 0) -> QWidget:
    """Colour swatches naming each band, and the share of the article covered.

    The entries wrap onto a second line when the page is narrow: the legend never makes the window wider.
    """
    w = QWidget()
    w.setObjectName("mastery_legend")
    w.setAccessibleName("Mastery colours")
    lay = FlowLayout(w, h_spacing=14, v_spacing=4)
    lay.setContentsMargins(0, 4, 0, 0)
    lay.addWidget(QLabel("<b>Recall now:</b>"))
    for status, text in LEGEND:
        entry = QWidget()
        el = QHBoxLayout(entry)
        el.setContentsMargins(0, 0, 0, 0)
        el.setSpacing(5)
        sw = QLabel()
        sw.setFixedSize(16, 14)
        if status == NOT_COVERED:
            sw.setText("<u style='color:gray'>ab</u>")
            sw.setFixedWidth(22)
        else:
            c = COLOURS[status]
            sw.setStyleSheet(f"background: rgba({c.red()},{c.green()},{c.blue()},{c.alpha()}); border-radius: 3px;")
        el.addWidget(sw)
        label = QLabel(text)
        label.setObjectName(f"legend_{status.replace(' ', '_')}")
        el.addWidget(label)
        lay.addWidget(entry)
    if coverage is not None:
        info = QLabel(f"{coverage:.0%} of sentences covered")
        info.setObjectName("hint")
        info.setAccessibleName("Coverage")
        lay.addWidget(info)
    if unplaced:
        lost = QLabel(f"{unplaced} question(s) quote text no longer in the article")
        lost.setObjectName("hint")
        lay.addWidget(lost)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    w.setSizePolicy(policy)
    w.setToolTip("Each sentence is shaded by the mean chance you would recall the questions taken from it that you "
                 "have studied, now (FSRS retrievability); questions not studied yet are not counted as failed.")
    return w
