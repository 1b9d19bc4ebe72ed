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


HOSTILE = f"{MARK} <img src='/dev/zero'>"


@pytest.fixture
def shown_dialogs(monkeypatch):
    """Every message box and text prompt opened (by exec, as the static helpers do too), answered at once."""
    from PySide6.QtWidgets import QInputDialog

    seen: list = []

    def fake_exec(self):  # noqa: ANN001, ANN202
        seen.append(self)
        return 0  # cancelled / No

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QInputDialog, "exec", fake_exec)
    return seen


def _marked_up(dialogs) -> list[str]:
    """Texts holding the hostile name that a dialog would render as markup."""
    out = []
    for d in dialogs:
        if isinstance(d, QMessageBox) and MARK in d.text() and d.textFormat() != Qt.TextFormat.PlainText:
            out.append(f"{d.windowTitle()}: {d.text()[:60]!r}")
        for label in d.findChildren(QLabel):
            if MARK in label.text() and label.textFormat() != Qt.TextFormat.PlainText:
                out.append(f"{d.windowTitle()} (label): {label.text()[:60]!r}")
    return out


def test_dialogs_naming_user_text_show_it_as_plain_text(qtbot, data_dir, clock, shown_dialogs):
    """The audit of issue 14: the preset, profile, wizard, app and crash dialogs that name a user's or an imported
    string (a preset named `<b>Big</b> <img src='/dev/zero'>`, a refused profile name, a set title) render it as
    text, never as markup (the static QMessageBox/QInputDialog helpers guess rich text)."""
    from ketaquiz.core import presets
    from ketaquiz.ui import app as app_module
    from ketaquiz.ui.article_wizard import ArticleWizard
    from ketaquiz.ui.crash import _show_dialog
    from ketaquiz.ui.profiles import NEW_ITEM, ProfileSwitcher
    from ketaquiz.ui.settings_page import SettingsPage

    ctx = AppContext(data_dir, clock=clock)
    ctx.reload_library()
    try:
        presets.add_preset(ctx.store, HOSTILE)
        page = SettingsPage(ctx)
        qtbot.addWidget(page)
        page.preset.show_preset(HOSTILE)
        page.preset.rename_preset()  # its prompt names the preset
        page.preset.delete_preset()  # so does the question
        page.preset.new_preset()
        switcher = ProfileSwitcher(ctx, ask_name=lambda _p: HOSTILE)
        qtbot.addWidget(switcher)
        switcher.combo.activated.emit(switcher.combo.findText(NEW_ITEM))  # refused: the message repeats the name
        wizard = ArticleWizard(ctx)
        qtbot.addWidget(wizard)
        wizard.inform("Saved", f"Saved the set {HOSTILE}.")
        wizard.inform("Not saved", f"{HOSTILE}: cannot write", error=True)
        wizard.ask_confirm("Replace?", f"Replace the set {HOSTILE}?")
        app_module._ask(None, "Restore?", f"Restore {HOSTILE}?")
        crash = _show_dialog("Something went wrong", f"KeyError: {HOSTILE}")
        qtbot.addWidget(crash)
        shown_dialogs.append(crash)
        titles = [d.windowTitle() for d in shown_dialogs]
        assert {"Rename preset", "Delete preset", "New profile", "Saved", "Not saved", "Replace?", "Restore?"} <= set(titles)
        assert _marked_up(shown_dialogs) == []
    finally:
        ctx.close()
