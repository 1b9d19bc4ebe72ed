"""Mastery over the article: known values from crafted card states, and the shading on the Article page."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel

from ketaquiz.core.article import load_article
from ketaquiz.core.mastery import NOT_COVERED, NOT_STARTED, band, compute_mastery
from ketaquiz.core.scheduling import curve, retrievability_at
from ketaquiz.ui.article_view import ArticlePage

from .conftest import shown_window
from .test_ui_study import ctx  # noqa: F401 (fixture)


def set_card(store, key, *, stability, days_ago, now):
    t = now.timestamp()
    with store.write():
        store.conn.execute(
            "UPDATE cards SET state = 2, stability = ?, difficulty = 5, last_review = ?, due = ?, reps = 1 WHERE question = ?",
            (stability, t - days_ago * 86400, t + 86400, key),
        )


@pytest.fixture
def demo(ctx):  # noqa: F811
    info = ctx.store.set_info("demo")
    article = load_article(info.article_path)
    key = {qid: ctx.store.question_key("demo", qid) for qid in
           ("q-choice", "q-multi", "q-tf", "q-cloze", "q-short", "q-order")}
    return ctx, article, key


def sentence_id(article, text):
    return next(s.id for s in article.sentences if s.text.startswith(text))


def test_known_mastery_values(demo):
    c, article, key = demo
    now = c.clock()
    # "It freezes at zero degrees." is the source of q-tf and q-order; only q-tf is studied (R = 0.9 exactly:
    # elapsed time equal to the stability).
    set_card(c.store, key["q-tf"], stability=4.0, days_ago=4, now=now)
    # "Grass is green." is the source of q-multi and q-short, both studied.
    set_card(c.store, key["q-multi"], stability=10.0, days_ago=0, now=now)
    set_card(c.store, key["q-short"], stability=2.0, days_ago=30, now=now)
    m = compute_mastery(c.store, "demo", article, now)
    fd = curve(None)
    freezes = m.sentences[sentence_id(article, "It freezes")]
    assert freezes.questions == [key["q-tf"], key["q-order"]] or sorted(freezes.questions) == sorted([key["q-tf"], key["q-order"]])
    assert freezes.answered == 1
    assert freezes.retrievability == pytest.approx(0.9)
    assert freezes.mastery == pytest.approx(0.45)  # the unstudied q-order counts as 0 in mastery
    assert freezes.status == "strong"  # but is not a failure: shaded by what was studied (issue 16)
    grass = m.sentences[sentence_id(article, "Grass is green")]
    r_short = retrievability_at(2.0, now.timestamp() - 30 * 86400, now.timestamp(), fd)
    assert grass.mastery == pytest.approx((1.0 + r_short) / 2)
    boils = m.sentences[sentence_id(article, "Water boils")]
    assert boils.status == NOT_STARTED and boils.mastery == 0 and boils.retrievability is None
    # Section "Water facts" holds boils (q-choice) and freezes (q-tf, q-order): three questions, one studied.
    water = m.sections[article.sentences[0].section]
    assert sorted(water.questions) == sorted([key["q-choice"], key["q-tf"], key["q-order"]])
    assert water.mastery == pytest.approx(0.3)
    assert m.coverage() == 1.0 and m.unplaced == []


def test_uncovered_sentence_and_edited_quote(demo):
    c, article, key = demo
    with c.store.write():  # q-cloze's quote no longer in the article
        data = c.store.conn.execute("SELECT data FROM questions WHERE key = ?", (key["q-cloze"],)).fetchone()[0]
        c.store.conn.execute("UPDATE questions SET data = ? WHERE key = ?",
                               (data.replace("The sky looks blue", "The sea looks blue"), key["q-cloze"]))
    m = compute_mastery(c.store, "demo", article, c.clock())
    assert m.unplaced == [key["q-cloze"]]
    sky = m.sentences[sentence_id(article, "The sky looks")]
    assert sky.status == NOT_COVERED and sky.mastery is None
    assert m.coverage() == pytest.approx(3 / 4)


def test_mastery_falls_as_time_passes(demo):
    c, article, key = demo
    now = c.clock()
    set_card(c.store, key["q-choice"], stability=3.0, days_ago=0, now=now)
    sid = sentence_id(article, "Water boils")
    fresh = compute_mastery(c.store, "demo", article, now).sentences[sid]
    later = compute_mastery(c.store, "demo", article, now + timedelta(days=30)).sentences[sid]
    assert fresh.mastery == pytest.approx(1.0) and fresh.status == "strong"
    assert later.mastery < 0.7 and later.status in ("fading", "weak")


def test_bands():
    assert [band(x) for x in (0.95, 0.9, 0.75, 0.5, 0.1)] == ["strong", "strong", "good", "fading", "weak"]


def _status_at(browser, pos):
    cur = QTextCursor(browser.document())
    cur.setPosition(pos + 1)
    return cur.charFormat().property(QTextCharFormat.Property.UserProperty)


def test_article_page_shades_sentences_and_headings(qtbot, demo):
    c, article, key = demo
    set_card(c.store, key["q-choice"], stability=30.0, days_ago=1, now=c.clock())
    page = ArticlePage(c)
    qtbot.addWidget(page)
    page.set_combo.setCurrentIndex(page.set_combo.findData("demo"))
    page.mastery_box.setChecked(True)
    b = page.browser
    assert _status_at(b, b.sentence_pos[sentence_id(article, "Water boils")][0]) == "strong"
    assert _status_at(b, b.sentence_pos[sentence_id(article, "It freezes")][0]) == NOT_STARTED
    water = article.sentences[0].section
    # 1 of 3 questions studied, and known: not "weak" (unstudied questions are not failed ones)
    assert _status_at(b, b.heading_pos[water][0]) == "strong"
    assert page.legend is not None
    texts = [w.text() for w in page.legend.findChildren(type(page.message))]
    assert "not covered by any question" in texts and any("100% of sentences covered" in t for t in texts)
    page.mastery_box.setChecked(False)  # re-rendered plain
    assert _status_at(b, b.sentence_pos[sentence_id(article, "Water boils")][0]) is None


def test_plain_browser_is_searched_by_text(qtbot, demo):
    from PySide6.QtWidgets import QTextBrowser

    from ketaquiz.ui.mastery import apply_mastery

    c, article, key = demo
    set_card(c.store, key["q-multi"], stability=30.0, days_ago=0, now=c.clock())
    set_card(c.store, key["q-short"], stability=30.0, days_ago=0, now=c.clock())
    b = QTextBrowser()
    qtbot.addWidget(b)
    b.setHtml("<h1>Demo</h1><h2>Water facts</h2><p>Water boils at 100 degrees at sea level. It freezes at zero degrees.</p>"
              "<h2>Colours</h2><ul><li>The sky looks blue because air scatters blue light more than red light.</li>"
              "<li>Grass is green.</li></ul>")
    legend = apply_mastery(b, c, "demo", article)
    assert legend is not None
    text = b.document().toPlainText()
    assert _status_at(b, text.index("Grass is green")) == "strong"
    assert _status_at(b, text.index("The sky")) == NOT_STARTED


def test_bundled_course_covers_nearly_every_sentence(store):
    """The bundled course has a question for nearly every sentence of its article (a threshold: the set changes)."""
    info = store.set_info("ketamine")
    m = compute_mastery(store, "ketamine", load_article(info.article_path), store.clock())
    assert m.coverage() >= 0.8
    assert len(m.unplaced) <= 3


@pytest.fixture
def bundled_window(qtbot, data_dir, clock):
    yield from shown_window(qtbot, data_dir, clock)


@pytest.mark.parametrize("size", [(1100, 760), (800, 560), (1600, 1000)])
def test_legend_fits_the_window_and_shows_the_coverage_whole(bundled_window, size):
    """The legend wraps instead of widening the window; the coverage figure is shown in full (it read "0%": the
    label was squeezed and, aligned right, lost the "10" of "100%")."""
    w = bundled_window
    w.resize(*size)
    w.show_page("article")
    page = w.page("article")
    page.set_combo.setCurrentIndex(page.set_combo.findData("ketamine"))
    page.mastery_box.setChecked(True)
    for _ in range(4):
        QApplication.processEvents()
    legend = page.legend
    assert legend is not None and legend.isVisible()
    assert legend.minimumSizeHint().width() <= page.width() and page.minimumSizeHint().width() <= page.width()
    coverage = legend.findChild(QLabel, "hint")
    assert coverage is not None and coverage.accessibleName() == "Coverage"
    percent = re.fullmatch(r"(\d+)% of sentences covered", coverage.text())
    assert percent and int(percent.group(1)) >= 80
    for label in legend.findChildren(QLabel):
        if label.text():
            rect = QRect(label.mapTo(page, QPoint(0, 0)), label.size())
            assert page.rect().contains(rect), (label.text(), rect, page.rect())
            assert label.width() >= label.sizeHint().width(), label.text()  # nothing cut off
