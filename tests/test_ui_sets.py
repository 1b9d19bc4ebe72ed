"""The Sets page, the question editor and the article wizard, driven through pytest-qt (offscreen)."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from random import Random

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from ketaquiz.core.article import parse_article
from ketaquiz.core.check import check_set
from ketaquiz.core.lint import LintIssue
from ketaquiz.core.questions import Question, QuestionSet, Topic
from ketaquiz.core.setfile import read_set, write_set
from ketaquiz.ui import article_wizard, set_actions, set_problems
from ketaquiz.ui.article_wizard import ArticleWizard, compose_article, section_bodies
from ketaquiz.ui.context import AppContext
from ketaquiz.ui.question_editor import QuestionEditor
from ketaquiz.ui.sets_page import SetsPage
from ketaquiz.ui.workers import ProgressDialog

from .conftest import open_sets_page, wait_set_open

TOPICS = [Topic("t", "Topic T"), Topic("u", "Topic U")]
EVERY_TYPE = [
    Question(id="c", topic="t", type="choice", prompt="Pick one", choices=["a", "b", "c"], answer="b",
             explanation="Because b.", source="b is right", tags=["x", "y"], origin="generated"),
    Question(id="m", topic="u", type="multi", prompt="Pick two", choices=["a", "b", "c", "d"], answer=["a", "c"]),
    Question(id="tf", topic="t", type="truefalse", prompt="The sky is blue.", answer=False, origin="imported"),
    Question(id="cz", topic="t", type="cloze", prompt="Water boils at {{100|a hundred}} degrees.", explanation="At sea level."),
    Question(id="s", topic="u", type="short", prompt="Opposite of hot?", answer="cold", accept=["chilly", "freezing"]),
    Question(id="o", topic="t", type="order", prompt="Count up", items=["one", "two", "three"]),
]


# --- editor ------------------------------------------------------------------------------
@pytest.mark.parametrize("q", EVERY_TYPE, ids=lambda q: q.type)
def test_editor_round_trip_every_type(qtbot, q):
    ed = QuestionEditor()
    qtbot.addWidget(ed)
    ed.set_context(TOPICS)
    ed.load(q)
    assert ed.question() == q
    assert ed.problems == []
    # one edit through the widgets: the signal carries the change, every other field stays
    seen: list[Question] = []
    ed.edited.connect(seen.append)
    ed.explanation_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(ed.explanation_edit, " More.")
    edited = seen[-1]
    assert edited == ed.question()
    assert edited.explanation == (q.explanation + " More.").strip()
    assert replace(edited, explanation=q.explanation, origin=q.origin) == q
    assert edited.origin == ("edited" if q.origin in ("generated", "imported") else q.origin)


def test_editor_widgets_edit_each_answer_shape(qtbot):
    ed = QuestionEditor()
    qtbot.addWidget(ed)
    ed.set_context(TOPICS)
    ed.load(EVERY_TYPE[0])
    ed.answers_list.item(2).setCheckState(Qt.CheckState.Checked)  # choice: one answer, the others unticked
    assert ed.question().answer == "c"
    ed.type_combo.setCurrentIndex(ed.type_combo.findData("multi"))
    ed.answers_list.item(0).setCheckState(Qt.CheckState.Checked)
    assert ed.question().answer == ["a", "c"] and ed.question().type == "multi"
    ed.choices_edit.setPlainText("a\nc\nz")  # ticks follow the choice text
    assert ed.question().choices == ["a", "c", "z"] and ed.question().answer == ["a", "c"]
    ed.load(EVERY_TYPE[2])
    ed.tf_check.setChecked(True)
    assert ed.question().answer is True
    ed.tf_check.setChecked(False)
    assert ed.question().answer is False
    ed.load(EVERY_TYPE[5])
    ed.items_edit.setPlainText("three\ntwo\none")
    assert ed.question().items == ["three", "two", "one"]


def test_editor_live_validation_next_to_fields(qtbot):
    ed = QuestionEditor()
    qtbot.addWidget(ed)
    ed.set_context(TOPICS, parse_article("Water boils at 100 degrees at sea level."), other_ids={"taken"})
    ed.load(EVERY_TYPE[3])
    assert ed.messages() == {}
    ed.prompt_edit.setPlainText("Water boils at many degrees.")
    assert "cloze without a gap" in ed.messages()["prompt"]
    ed.prompt_edit.setPlainText("Water boils at {{100}} degrees.")
    ed.source_edit.setPlainText("Water freezes at zero")
    assert "source not found in the article" in ed.messages()["source"]
    ed.id_edit.setText("taken")
    ed.id_edit.textEdited.emit("taken")
    assert "used by another question" in ed.messages()["id"]
    ed.load(EVERY_TYPE[4])
    ed.short_edit.setText("")
    ed.short_edit.textEdited.emit("")
    assert "missing answer" in ed.messages()["answer"]
    assert ed.msg["answer"].isVisibleTo(ed)


def test_preview_shows_learner_view(qtbot):
    ed = QuestionEditor()
    qtbot.addWidget(ed)
    ed.set_context(TOPICS)
    ed.load(EVERY_TYPE[3])
    assert ed.preview.prompt_text == "Water boils at _____ degrees."
    assert "Water boils at _____ degrees." in ed.preview.toPlainText()
    ed.load(EVERY_TYPE[0])
    assert sorted(line[3:] for line in ed.preview.body_text.splitlines()) == ["a", "b", "c"]
    ed.prompt_edit.setPlainText("<b>bold</b> <img src=http://x/y.png>")
    assert "<b>bold</b>" in ed.preview.toPlainText()  # shown as text, never rendered


# --- page ----------------------------------------------------------------------------------
def test_a_new_or_duplicated_set_shows_at_once_without_reading_it_back(qtbot, ctx, monkeypatch):
    """Both are written here: they open as written, with no "Loading…" while a worker reads the file back (on a
    loaded machine that read missed the grace wait, and the set was not open when the action returned)."""
    page = open_sets_page(qtbot, ctx)
    monkeypatch.setattr(page, "OPEN_GRACE_MS", 0)  # any read of a file would now show "Loading…" first
    copy = page.duplicate_set("Mine")
    assert copy is not None and page.qset is copy and not page.read_only and "Loading" not in page.status.text()
    new = page.create_set("Brand new")
    assert new is not None and page.qset is new and page.add_btn.isEnabled()


def test_page_duplicate_edit_save(qtbot, ctx, tmp_path):
    page = open_sets_page(qtbot, ctx)
    page.resize(1300, 800)
    assert page.read_only and page.qset.id == "ketamine"
    assert not page.save_btn.isEnabled() and not page.add_btn.isEnabled()
    copy = page.duplicate_set("My copy")
    assert copy is not None and page.qset.id == copy.id and not page.read_only
    path = page.qset.path
    before = read_set(path)
    page.select_question("mechanism-choice-region")
    page.editor.explanation_edit.setPlainText("Edited explanation.")
    assert page.dirty and page.save_btn.isEnabled()
    assert page.save()
    after = read_set(path)
    assert [q.id for q in after.questions] == [q.id for q in before.questions]
    changed = after.question("mechanism-choice-region")
    assert changed.explanation == "Edited explanation." and changed.choices == before.question("mechanism-choice-region").choices
    assert not list(path.parent.glob(".*.tmp"))
    assert ctx.store.question(ctx.store.question_key(copy.id, "mechanism-choice-region")).explanation == "Edited explanation."
    with qtbot.waitExposed(page):
        page.show()
    page.grab().save(str(tmp_path / "sets_page.png"))


def test_page_filters_sort_add_remove(qtbot, ctx, monkeypatch):
    page = open_sets_page(qtbot, ctx)
    page.duplicate_set("Mine")
    total = page.model.rowCount()
    page.filter_edit.setText("NMDA")
    assert page.model.rowCount() == total  # typing: filtered once the keys pause
    qtbot.waitUntil(lambda: 0 < page.model.rowCount() < total)
    page.filter_edit.clear()
    page.type_filter.setCurrentIndex(page.type_filter.findData("choice"))
    assert {page.model.index(r, 2).data() for r in range(page.model.rowCount())} == {"choice"}
    page.type_filter.setCurrentIndex(0)
    page.topic_filter.setCurrentIndex(page.topic_filter.findData("mechanism"))
    assert {page.model.index(r, 1).data() for r in range(page.model.rowCount())} == {"mechanism"}
    page.topic_filter.setCurrentIndex(0)
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    ids = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert ids == sorted(ids, key=str.casefold)
    q = page.add_question("truefalse")
    assert q is not None and page.model.rowCount() == total + 1
    assert page.editor.question().id == q.id
    monkeypatch.setattr(page, "confirm", lambda *a: True)
    page.select_question(q.id)
    page.remove_question()
    assert page.model.rowCount() == total
    # a problem stays visible and blocks nothing but study; the set is still saved
    page.select_question("mechanism-choice-region")
    page.editor.prompt_edit.setPlainText("")
    qtbot.waitUntil(lambda: any("missing prompt" in page.problem_list.item(i).text()
                                for i in range(page.problem_list.count())), timeout=3000)
    assert page.save()
    assert read_set(page.qset.path).question("mechanism-choice-region").prompt == ""


def test_page_create_rename_delete_restore(qtbot, ctx, monkeypatch):
    page = open_sets_page(qtbot, ctx)
    monkeypatch.setattr(page, "confirm", lambda *a: True)
    monkeypatch.setattr(page, "inform", lambda *a, **k: None)
    qs = page.create_set("Brand new")
    assert qs is not None and page.qset.id == "brand-new"
    page.add_question("short")
    page.editor.prompt_edit.setPlainText("Two and two?")
    page.editor.short_edit.setText("four")
    page.editor.short_edit.textEdited.emit("four")
    page.save()
    page.rename_set("Renamed set")
    assert read_set(page.qset.path).title == "Renamed set"
    assert ctx.store.set_info("brand-new").title == "Renamed set"
    page.delete_set()
    assert ctx.store.set_info("brand-new").deleted
    assert "brand-new" not in [page.set_list.item(i).data(Qt.ItemDataRole.UserRole).id for i in range(page.set_list.count())]
    from ketaquiz.ui.sets_page import TrashDialog

    dlg = TrashDialog(page)
    qtbot.addWidget(dlg)
    assert dlg.list.count() == 1
    dlg.restore()
    wait_set_open(qtbot, page, "brand-new")
    assert not ctx.store.set_info("brand-new").deleted


def test_purging_a_deleted_set_removes_it_with_its_answers_and_files(qtbot, ctx, data_dir, clock, monkeypatch):
    from ketaquiz.core import authoring
    from ketaquiz.core.session import StudySession
    from ketaquiz.ui.sets_page import TrashDialog

    page = open_sets_page(qtbot, ctx)
    monkeypatch.setattr(page, "confirm", lambda *a: True)
    errors = []
    monkeypatch.setattr(page, "inform", lambda title, text, error=False: errors.append(text) if error else None)
    page.create_set("Soon gone")
    page.add_question("short")
    page.editor.prompt_edit.setPlainText("Two and two?")
    page.editor.short_edit.setText("four")
    page.editor.short_edit.textEdited.emit("four")
    assert page.save()
    s = StudySession(ctx.store, clock=clock, rng=Random(1), set_id="soon-gone")
    s.submit("four")
    s.close()
    kept = ctx.store.conn.execute("SELECT COUNT(*) FROM reviews WHERE set_id <> 'soon-gone'").fetchone()[0]
    page.delete_set()
    dlg = TrashDialog(page)
    qtbot.addWidget(dlg)
    assert dlg.list.count() == 1 and (authoring.trash_dir(data_dir) / "soon-gone").is_dir()
    dlg.list.setCurrentRow(0)
    with qtbot.waitSignal(ctx.changed, check_params_cb=lambda c: c.progress, timeout=10000):
        dlg.purge()  # on a worker, behind a wait that shows if it lasts
    assert errors == []
    assert ctx.store.set_info("soon-gone") is None and dlg.list.count() == 0
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM reviews WHERE set_id = 'soon-gone'").fetchone()[0] == 0
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == kept
    assert not (authoring.trash_dir(data_dir) / "soon-gone").exists()


def test_page_import_and_export(qtbot, ctx, tmp_path, monkeypatch):
    page = open_sets_page(qtbot, ctx)
    shown = []
    monkeypatch.setattr(page, "inform", lambda title, text, error=False: shown.append((title, text, error)))
    bad = tmp_path / "bad.csv"
    bad.write_text("id,topic,type,prompt,answer\na,t,truefalse,X?,perhaps\n", encoding="utf-8")
    assert page.import_path(bad) is None
    assert shown[-1][2] and "row 2" in shown[-1][1]
    good = tmp_path / "good.csv"
    good.write_text("#separator:Comma\nCapital of France?,Paris\n", encoding="utf-8")
    assert page.import_path(good) == "good"
    assert page.qset.id == "good" and page.model.rowCount() == 1
    assert page.export_to(tmp_path / "out.apkg", "apkg") and (tmp_path / "out.apkg").stat().st_size > 0


def test_page_import_runs_off_the_ui_thread(qtbot, ctx, tmp_path, monkeypatch):
    """A file is imported and loaded in a worker behind a progress dialog; the UI thread keeps ticking."""
    rng = Random(5)

    def word() -> str:
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 9)))

    rows = 2000
    big = tmp_path / "big.csv"
    big.write_text("#separator:Comma\n" + "".join(f"{word()} {word()} {word()} {word()}?,{word()}\n" for _ in range(rows)),
                   encoding="utf-8")
    threads: dict[str, threading.Thread] = {}

    def on_thread(name, fn):
        def wrapper(*args, **kwargs):
            threads[name] = threading.current_thread()
            return fn(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(set_actions, "import_file", on_thread("import", set_actions.import_file))
    monkeypatch.setattr(set_actions, "load_imported", on_thread("load", set_actions.load_imported))
    monkeypatch.setattr(set_problems, "lint_set", lambda *_a: [])  # the check of 2,000 questions is not under test
    page = open_sets_page(qtbot, ctx)
    page.show()
    page.set_actions.IMPORT_GRACE_MS = 0  # the dialog whatever the speed
    shown = []
    monkeypatch.setattr(page, "inform", lambda title, text, error=False: shown.append((title, text, error)))
    ticks: list[tuple[str, str]] = []  # (heading, stage) of the progress dialog on screen at each tick

    def tick() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ProgressDialog) and w.isVisible()]
        ticks.append((dialogs[0].heading.text(), dialogs[0].stage.text()) if dialogs else ("", ""))

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    timer.start()
    sid = page.import_path(big, "big")
    timer.stop()
    assert sid == "big" and shown == [("Imported", f"{rows} questions imported into “big”.", False)]
    assert ticks, "the UI thread's timers did not run during the import"
    assert any(heading == "big.csv" and stage in ("Importing…", "Loading into your progress…") for heading, stage in ticks)
    assert set(threads) == {"import", "load"} and threading.main_thread() not in threads.values()
    assert ctx.store.set_info("big") is not None and len(ctx.store.questions("big")) == rows
    assert ctx.store.is_synced(page.qset.path)  # the library's reload found it loaded already
    assert page.current_entry().id == "big" and page.qset.id == "big" and page.model.rowCount() == rows
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, ProgressDialog) and w.isVisible()]
    qtbot.waitUntil(lambda: page.status.text() == f"{rows} questions")  # checked in a worker: a big set


def test_page_import_failure_in_the_worker_is_reported(qtbot, ctx, tmp_path, monkeypatch):
    page = open_sets_page(qtbot, ctx)
    page.set_actions.IMPORT_GRACE_MS = 0
    shown = []
    monkeypatch.setattr(page, "inform", lambda title, text, error=False: shown.append((title, text, error)))
    bad = tmp_path / "bad.csv"
    bad.write_text("id,topic,type,prompt,answer\na,t,truefalse,X?,perhaps\n", encoding="utf-8")
    assert page.import_path(bad) is None
    assert shown[-1][0] == "Nothing imported" and shown[-1][2] and "row 2" in shown[-1][1]
    assert not (ctx.data.sets_dir / "bad").exists() and ctx.store.set_info("bad") is None

    def crash(*_a, **_k):
        raise ValueError("unexpected")

    monkeypatch.setattr(set_actions, "import_file", crash)
    assert page.import_path(bad) is None
    assert shown[-1][0] == "Could not import" and "unexpected" in shown[-1][1] and shown[-1][2]


def test_page_checks_a_big_set_in_a_worker(qtbot, ctx, monkeypatch):
    page = open_sets_page(qtbot, ctx)
    page.duplicate_set("Mine")
    page.select_question("mechanism-choice-region")
    page.editor.prompt_edit.setPlainText("")
    page.problems.refresh()
    expected = [page.problem_list.item(i).text() for i in range(page.problem_list.count())]
    assert any("missing prompt" in t for t in expected)
    threads = []

    def recording(*args):
        threads.append(threading.current_thread())
        return check_set(*args)

    monkeypatch.setattr(set_problems, "check_set", recording)
    page.problems.BIG_SET = 1
    page.problems.refresh()
    assert "checking…" in page.status.text()
    page.problems.refresh()  # a second request while the first runs: one check after the other
    qtbot.waitUntil(lambda: not page.problems.checking and "checking…" not in page.status.text())
    assert [page.problem_list.item(i).text() for i in range(page.problem_list.count())] == expected
    assert threads and threading.main_thread() not in threads
    assert "1 problem to fix" in page.status.text() and "unsaved changes" in page.status.text()


def test_problem_lines_wrap_instead_of_scrolling_sideways(qtbot, ctx):
    page = open_sets_page(qtbot, ctx)
    page.duplicate_set("Mine")
    long = LintIssue("mechanism-choice-region", "prompt", "style", "a warning that goes on " + "and on " * 40)
    page.problems.show([], [long, LintIssue("mechanism-choice-region", "prompt", "style", "short")])
    page.resize(1100, 760)
    with qtbot.waitExposed(page):
        page.show()
    lst = page.problem_list
    assert lst.count() and lst.wordWrap()
    assert lst.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert all(lst.item(i).toolTip() == lst.item(i).text() for i in range(lst.count()))
    QApplication.processEvents()
    assert lst.horizontalScrollBar().maximum() == 0
    widest = max(lst.visualItemRect(lst.item(i)).right() for i in range(lst.count()))
    assert widest <= lst.viewport().width()


def test_unsaved_changes_prompt(qtbot, ctx, monkeypatch):
    page = open_sets_page(qtbot, ctx)
    page.duplicate_set("Mine")
    page.select_question("mechanism-choice-region")
    page.editor.explanation_edit.setPlainText("Changed.")
    monkeypatch.setattr(page, "ask_save_changes", lambda: "cancel")
    bundled_row = next(i for i in range(page.set_list.count()) if page.set_list.item(i).data(Qt.ItemDataRole.UserRole).bundled)
    page.set_list.setCurrentRow(bundled_row)
    assert page.qset.id == "mine" and page.dirty
    monkeypatch.setattr(page, "ask_save_changes", lambda: "save")
    page.set_list.setCurrentRow(bundled_row)
    wait_set_open(qtbot, page, "ketamine")
    assert read_set(ctx.data.sets_dir / "mine" / "set.toml").question("mechanism-choice-region").explanation == "Changed."


# --- wizard ----------------------------------------------------------------------------------
ARTICLE = """# Coffee

Coffee is a brewed drink. It contains caffeine.

## How is coffee made?

Beans are roasted. Then they are ground.

## Grinding details

Burr grinders are even.

## Where is it grown?

It grows in the tropics.
"""


class FakeCancelled(Exception):
    pass


def fake_generator(delay: float = 0.0):
    def generate_set(article, *, set_id, title=None, article_ref="", sections=None, progress=None, cancelled=None):
        qs = []
        todo = [s for s in article.sections if sections is None or s.slug in sections]
        for i, sec in enumerate(todo):
            for _ in range(int(delay * 100)):
                if cancelled and cancelled():
                    raise FakeCancelled()
                time.sleep(0.01)
            sent = sec.sentences[0].text
            qs.append(Question(id=f"{sec.slug}-1", topic=sec.slug, type="truefalse", prompt=sent, answer=True,
                               source=sent, origin="generated"))
            if progress:
                progress(i + 1, len(todo))
        topics = [Topic(s.slug, s.title) for s in todo]
        return QuestionSet(id=set_id, title=title or article.title, article=article_ref, topics=topics, questions=qs), "report"

    return generate_set


def test_sections_compose_rename_merge():
    art = parse_article(ARTICLE)
    plans = section_bodies(art)
    assert [p.slug for p in plans] == ["overview", "coffee-made", "grinding-details", "where-grown"]
    plans[1].title = "Making coffee"
    plans[2].merge = True
    text = compose_article("Coffee", plans, markdown=True)
    again = parse_article(text)
    assert [(s.slug, s.title) for s in again.sections] == [
        ("overview", "Overview"), ("coffee-made", "Making coffee"), ("where-grown", "Where is it grown?")]
    assert "Burr grinders are even." in again.section("coffee-made").paragraphs[-1]


def test_wizard_on_an_article(qtbot, ctx, tmp_path, monkeypatch):
    monkeypatch.setattr(article_wizard, "load_generator", lambda: (fake_generator(), FakeCancelled))
    src = tmp_path / "coffee.md"
    src.write_text(ARTICLE, encoding="utf-8")
    wiz = ArticleWizard(ctx)
    qtbot.addWidget(wiz)
    assert wiz.open_file(src)
    wiz.next()
    assert wiz.stack.currentIndex() == 1 and wiz.section_table.rowCount() == 4
    wiz.set_section(1, title="Making coffee")
    wiz.set_section(2, merge=True)
    wiz.set_section(3, include=False)
    wiz.next()
    qtbot.waitUntil(lambda: wiz.stack.currentIndex() == 3, timeout=10_000)
    assert [d.question.topic for d in wiz.drafts] == ["overview", "coffee-made"]
    qtbot.keyClick(wiz.review.list, Qt.Key.Key_D)  # drop the first; the second is current
    qtbot.keyClick(wiz.review.list, Qt.Key.Key_E)
    wiz.review.edit_dialog.editor.explanation_edit.setPlainText("Roasting comes first.")
    wiz.review.edit_dialog.accept()  # an edited draft is kept
    assert [d.status for d in wiz.drafts] == ["dropped", "kept"]
    assert wiz.save()
    sid = wiz.saved_set_id
    saved = read_set(ctx.data.sets_dir / sid / "set.toml")
    assert [(q.id, q.origin, q.explanation) for q in saved.questions] == [("coffee-made-1", "edited", "Roasting comes first.")]
    assert [(t.id, t.title) for t in saved.topics] == [("coffee-made", "Making coffee")]
    article_text = saved.article_path().read_text(encoding="utf-8")
    assert "## Making coffee" in article_text and "Burr grinders are even." in article_text
    assert ctx.store.set_info(sid) is not None  # loaded: the set passes every check


def test_wizard_cancel_and_paste(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(article_wizard, "load_generator", lambda: (fake_generator(delay=2.0), FakeCancelled))
    wiz = ArticleWizard(ctx)
    qtbot.addWidget(wiz)
    wiz.next()
    assert "paste" in wiz.article_error.text().lower() or "open" in wiz.article_error.text().lower()
    wiz.text_edit.setPlainText(ARTICLE)
    wiz.next()
    wiz.next()
    assert wiz.stack.currentIndex() == 2
    wiz.cancel_generation()
    qtbot.waitUntil(lambda: wiz.stack.currentIndex() == 1, timeout=10_000)
    assert wiz.result_.cancelled and wiz.drafts == []


def test_wizard_without_generator(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(article_wizard, "load_generator", lambda: None)
    wiz = ArticleWizard(ctx)
    qtbot.addWidget(wiz)
    shown = []
    monkeypatch.setattr(wiz, "inform", lambda title, text, error=False: shown.append(text))
    wiz.text_edit.setPlainText(ARTICLE)
    wiz.next()
    wiz.next()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "not installed" in shown[0] and wiz.stack.currentIndex() == 1


def test_page_topics_dialog(qtbot, ctx):
    from ketaquiz.ui.sets_page import TopicsDialog

    page = open_sets_page(qtbot, ctx)
    page.create_set("Topics test")
    dlg = TopicsDialog(page.qset.topics, page)
    qtbot.addWidget(dlg)
    dlg.add_topic("", "Pharmacology Basics")
    assert [(t.id, t.title) for t in dlg.topics()] == [("general", "General"), ("pharmacology-basics", "Pharmacology Basics")]
    dlg.add_topic("general", "Again")
    dlg.accept()
    assert "used twice" in dlg.error.text()
    page.set_topics(dlg.topics()[:2])
    page.add_question("short")
    assert page.editor.topic_combo.count() == 2
    assert page.save() and [t.id for t in read_set(page.qset.path).topics] == ["general", "pharmacology-basics"]


def test_page_study_and_show_source_signals(qtbot, ctx):
    page = open_sets_page(qtbot, ctx)
    page.select_question("mechanism-choice-region")
    with qtbot.waitSignal(ctx.show_in_article) as sig:
        page.source_btn.click()
    assert sig.args == ["ketamine", page.editor.question().source]
    with qtbot.waitSignal(ctx.study_requested) as sig:
        page.study_btn.click()
    assert sig.args[0].set_id == "ketamine"


def test_page_lists_a_broken_user_set_to_fix_it(qtbot, data_dir, clock):
    folder = data_dir.sets_dir / "broken"
    folder.mkdir(parents=True)
    (folder / "set.toml").write_text(
        'id = "broken"\ntitle = "Broken"\n\n[[topics]]\nid = "t"\ntitle = "T"\n\n'
        '[[questions]]\nid = "a"\ntopic = "t"\ntype = "short"\nprompt = "Capital of France?"\n', encoding="utf-8")
    ctx = AppContext(data_dir, clock=clock)
    ctx.reload_library()
    try:
        page = SetsPage(ctx)
        qtbot.addWidget(page)
        entries = {e.id: e for e in page.set_entries()}
        assert entries["broken"].problem and ctx.store.set_info("broken") is None
        row = next(i for i in range(page.set_list.count()) if page.set_list.item(i).data(Qt.ItemDataRole.UserRole).id == "broken")
        page.set_list.setCurrentRow(row)
        wait_set_open(qtbot, page, "broken")
        assert not page.read_only and "Not loaded" in page.banner.text()
        page.select_question("a")
        page.editor.short_edit.setText("Paris")
        page.editor.short_edit.textEdited.emit("Paris")
        assert page.save()
        assert ctx.store.set_info("broken") is not None  # fixed, saved and now loaded for study
        assert page.banner.isHidden() and page.study_btn.isEnabled()
    finally:
        ctx.close()


def test_wizard_with_the_real_generator(qtbot, ctx):
    """Runs once ketaquiz.core.generate exists: the bundled article through the real generator, all accepted."""
    pytest.importorskip("ketaquiz.core.generate")
    from tests.conftest import SEED

    wiz = ArticleWizard(ctx)
    qtbot.addWidget(wiz)
    assert wiz.open_file(SEED)
    wiz.next()
    wiz.next()
    qtbot.waitUntil(lambda: wiz.stack.currentIndex() in (1, 3), timeout=120_000)
    assert wiz.stack.currentIndex() == 3 and wiz.drafts
    for _ in wiz.drafts:
        qtbot.keyClick(wiz.review.list, Qt.Key.Key_K)
    assert not wiz.review.counts()["pending"]
    monkey_confirm = []
    wiz.ask_confirm = lambda *a: monkey_confirm.append(a) or True
    assert wiz.save()
    saved = read_set(ctx.data.sets_dir / wiz.saved_set_id / "set.toml")
    assert len(saved.questions) == len(wiz.drafts)


def test_an_open_set_edited_outside_is_shown_as_it_is_now(qtbot, ctx, monkeypatch):
    """The set file open on the page is edited in a text editor; back in the app it shows the new text (when
    nothing here is unsaved), and the edit is in the learner's store too."""
    page = open_sets_page(qtbot, ctx)
    copy = page.duplicate_set("Mine")
    assert copy is not None and not page.dirty
    path = page.qset.path
    q0 = page.qset.questions[0]
    time.sleep(0.02)  # a later mtime than the save's, on any filesystem clock
    edited = read_set(path)
    edited.questions[0].explanation = "Changed in a text editor."
    write_set(edited, path)  # as another program would save it
    ctx.load_changed_sets()  # as on coming back to the app
    qtbot.waitUntil(lambda: page.qset is not None
                    and page.qset.question(q0.id).explanation == "Changed in a text editor.", timeout=5000)
    assert ctx.store.question(ctx.store.question_key(copy.id, q0.id)).explanation == "Changed in a text editor."
    assert not page.dirty


def test_unsaved_changes_are_not_replaced_by_an_outside_edit(qtbot, ctx, monkeypatch):
    page = open_sets_page(qtbot, ctx)
    page.duplicate_set("Mine")
    path = page.qset.path
    q0 = page.qset.questions[0]
    page.select_question(q0.id)
    page.editor.prompt_edit.setPlainText("Typed here, not saved?")
    qtbot.waitUntil(lambda: page.dirty)
    time.sleep(0.02)
    edited = read_set(path)
    edited.questions[0].prompt = "Outside?"
    write_set(edited, path)
    ctx.load_changed_sets()
    assert page.dirty and page.editor.prompt_edit.toPlainText() == "Typed here, not saved?"
    asked: list[str] = []
    monkeypatch.setattr(page, "confirm", lambda title, _text: asked.append(title) or False)
    assert not page.save()  # asked first; "No" keeps the file as the other program left it
    assert asked == ["The file changed on disk"] and read_set(path).questions[0].prompt == "Outside?" and page.dirty
    monkeypatch.setattr(page, "confirm", lambda title, _text: asked.append(title) or True)
    assert page.save()
    assert read_set(path).question(q0.id).prompt == "Typed here, not saved?" and not page.dirty
    assert page.save() and len(asked) == 2  # the file is the page's own again: no question


def test_sets_page_keys_import_button_and_one_question(qtbot, ctx, monkeypatch):  # noqa: F811
    """Issue 16: Ctrl+S saves, Ctrl+F goes to the filter, Import is a visible button, '1 question'."""
    page = open_sets_page(qtbot, ctx)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.duplicate_set("Mine")
    assert page.import_btn.isVisibleTo(page)
    called = []
    monkeypatch.setattr(page, "ask_import", lambda: called.append(1))
    page.import_btn.clicked.disconnect()
    page.import_btn.clicked.connect(page.ask_import)
    page.import_btn.click()
    assert called
    page.select_question("mechanism-choice-region")
    page.editor.explanation_edit.setPlainText("Changed by keys.")
    page.editor.explanation_edit.setFocus()
    qtbot.keyClick(page.editor.explanation_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.dirty
    assert read_set(ctx.data.sets_dir / "mine" / "set.toml").question("mechanism-choice-region").explanation == "Changed by keys."
    # A save past its grace wait (a loaded machine) shows a progress dialog; the page is active again after it
    # (workers.run_with_progress asks for it; the activation arrives as an event).
    qtbot.waitUntil(page.isActiveWindow, timeout=3000)
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.focusWidget() is page.filter_edit
    monkeypatch.setattr(page, "confirm", lambda *_a: True)
    while len(page.qset.questions) > 1:
        page.select_row(0)
        page.remove_question()
    page.problems.show_status()
    assert page.status.text().startswith("1 question") and not page.status.text().startswith("1 questions")


def test_a_new_empty_set_shows_an_empty_editor_and_disables_what_does_nothing(qtbot, ctx):  # noqa: F811
    page = open_sets_page(qtbot, ctx)
    page.show()
    page.select_question("mechanism-choice-region")  # the bundled course's question on the form
    assert page.editor.prompt_edit.toPlainText()
    page.create_set("Empty one")
    assert page.qset is not None and not page.qset.questions
    assert page.editor.prompt_edit.toPlainText() == "" and page.editor.id_edit.text() == ""
    assert not page.editor.isEnabled()
    assert not page.remove_btn.isEnabled() and not page.study_btn.isEnabled()
    assert page.status.text().startswith("0 questions")
