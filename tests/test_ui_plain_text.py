"""Text from set files and imports is data, never markup: every label that shows it is plain text.

A deck named `<b>Big</b>` showed bold on Home, and one named `<img src='/dev/zero'>` aborted every start
(Qt read the "image" until memory ran out). Every page is visited with a set whose every string is markup;
any label holding that text must be plain text (our own markup, in other labels, escapes what it shows)."""

from __future__ import annotations

from random import Random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from ketaquiz.core.importers import import_file
from ketaquiz.ui.context import AppContext, StudyRequest
from ketaquiz.ui.main_window import PAGES, MainWindow

from .test_ui_study import answer_by_keys

IMG = "<img src='{png}'>"
MARK = "<b>Big</b>"


def hostile_set(png: str) -> str:
    img = IMG.format(png=png).replace("'", "\\u0027")
    return f'''id = "hostile"
title = "{MARK} {img}"

[[topics]]
id = "t"
title = "<i>Topic</i> {img}"

[[questions]]
id = "q1"
topic = "t"
type = "choice"
prompt = "<u>Which</u> city {img} is the capital of France?"
choices = ["<s>Paris</s>", "Rome", "Oslo"]
answer = "<s>Paris</s>"
explanation = "<h1>Because</h1> {img}"
'''


@pytest.fixture
def png(tmp_path):
    from PySide6.QtGui import QImage

    path = tmp_path / "outside.png"
    img = QImage(400, 400, QImage.Format.Format_RGB32)
    img.fill(0)
    img.save(str(path))
    return str(path)


def offending(window: MainWindow) -> list[str]:
    """Labels that hold user text but would render it as markup."""
    out = []
    for label in window.findChildren(QLabel):
        text = label.text()
        if ("<b>Big</b>" in text or "<i>Topic</i>" in text or "<u>Which</u>" in text or "<s>Paris</s>" in text
                or "<h1>Because" in text or "outside.png" in text) and label.textFormat() != Qt.TextFormat.PlainText:
            out.append(f"{type(label.parent()).__name__}: {text[:60]!r}")
    return out


def test_every_page_shows_set_text_as_plain_text(qtbot, data_dir, clock, png):
    folder = data_dir.sets_dir / "hostile"
    folder.mkdir(parents=True)
    (folder / "set.toml").write_text(hostile_set(png), encoding="utf-8")
    ctx = AppContext(data_dir, clock=clock)
    ctx.reload_library()
    assert ctx.store.set_info("hostile") is not None
    w = MainWindow(ctx, rng=Random(3))
    qtbot.addWidget(w)
    w.resize(1024, 640)
    w.show()
    bad: list[str] = []
    for name, _title in PAGES:
        w.show_page(name)
        qtbot.wait(10)
        bad += offending(w)
    ctx.study_requested.emit(StudyRequest(set_id="hostile"))
    qtbot.wait(10)
    bad += offending(w)
    study = w.page("study")
    answer_by_keys(qtbot, study, right=True)  # the feedback: answer, explanation
    qtbot.wait(10)
    bad += offending(w)
    w.show_page("sets")
    sets = w.page("sets")
    row = next(i for i in range(sets.set_list.count()) if sets.set_list.item(i).data(Qt.ItemDataRole.UserRole).id == "hostile")
    sets.set_list.setCurrentRow(row)
    qtbot.waitUntil(lambda: sets.qset is not None and sets.qset.id == "hostile", timeout=10_000)
    bad += offending(w)
    assert bad == [], "\n".join(bad)
    w.close()
    ctx.close()


def test_an_imported_deck_name_is_cleaned_like_prompts(tmp_path):
    from ketaquiz.core.library import DataDir

    src = tmp_path / "deck.json"
    src.write_text('{"title": "<img src=\\"/dev/zero\\">Deck", "topics": [{"id": "t", "title": "<script>x</script>Topic"}],'
                   ' "questions": [{"id": "q1", "topic": "t", "type": "choice", "prompt": "Capital of France?",'
                   ' "choices": ["<img src=x>Paris", "Rome", "Oslo"], "answer": "<img src=x>Paris",'
                   ' "tags": ["\\u001b[31mred"]}]}', encoding="utf-8")
    result = import_file(src, DataDir(tmp_path / "data"))
    qs = result.qset
    assert qs.title == "Deck"
    assert qs.topics[0].title == "Topic"
    assert qs.questions[0].choices[0] == "Paris" and qs.questions[0].answer == "Paris"
    assert qs.questions[0].tags == ["red"]


def test_message_boxes_show_set_titles_as_plain_text(qtbot, data_dir, clock):
    """A confirmation naming the set (delete, unsaved changes) must not render its title."""
    from ketaquiz.ui import plain

    box = plain.message_box(None, QMessageBox.Icon.Question, "Delete", f"Delete {MARK}?")
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText


def test_tooltips_show_markup_as_text():
    from PySide6.QtGui import QTextDocument

    from ketaquiz.ui import plain

    assert plain.tooltip("no markup here") == "no markup here"
    doc = QTextDocument()
    doc.setHtml(plain.tooltip("<img src='/dev/zero'> & <b>x</b>\nnext"))
    assert doc.toPlainText() == "<img src='/dev/zero'> & <b>x</b>\nnext"
