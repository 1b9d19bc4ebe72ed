"""The Sets page's question table: exactly the rows a user sees under each filter and sort, and which question
stays chosen (in the editor) when the filter, the sort or the set's questions change."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from ketaquiz.core.lint import LintIssue
from ketaquiz.core.questions import Question, QuestionSet, Topic
from ketaquiz.core.setfile import write_set
from ketaquiz.ui import question_table, workers
from ketaquiz.ui.context import AppContext
from ketaquiz.ui.question_table import ANSWER, PROMPT
from ketaquiz.ui.sets_page import SetsPage

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder

QUESTIONS = [
    Question(id="a1", topic="geo", type="short", prompt="Capital of France?", answer="Paris"),
    Question(id="a2", topic="hist", type="short", prompt="Year the Bastille fell?", answer="1789",
             explanation="The start of the French Revolution."),
    Question(id="a3", topic="geo", type="truefalse", prompt="The Seine flows through paris.", answer=True),
    Question(id="a4", topic="hist", type="choice", prompt="Who was crowned in 1804?",
             choices=["Louis XVI", "Napoleon", "Charlemagne"], answer="Napoleon", tags=["empire"]),
    Question(id="a5", topic="geo", type="choice", prompt="capital of Spain?", choices=["Madrid", "Lisbon"],
             answer="Madrid"),
    Question(id="a6", topic="hist", type="truefalse", prompt="Napoleon died on Elba.", answer=False,
             source="He died on Saint Helena"),
    Question(id="a7", topic="geo", type="short", prompt="Capital of France?", answer="Paris",
             explanation="Asked twice on purpose: equal prompts keep the set's order."),
]
TOPICS = [Topic("geo", "Geography"), Topic("hist", "History")]


@pytest.fixture
def page(qtbot, data_dir, clock):
    path = data_dir.sets_dir / "mini" / "set.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_set(QuestionSet(id="mini", title="Mini", topics=TOPICS, questions=list(QUESTIONS)), path)
    ctx = AppContext(data_dir, clock=clock)
    ctx.reload_library()
    p = SetsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1300, 800)
    p.show()
    row = next(i for i in range(p.set_list.count()) if p.set_list.item(i).data(Qt.ItemDataRole.UserRole).id == "mini")
    p.set_list.setCurrentRow(row)
    qtbot.waitUntil(lambda: p.qset is not None and p.qset.id == "mini", timeout=10000)
    yield p
    qtbot.waitUntil(lambda: not workers._running, timeout=10000)
    ctx.close()


def shown(page: SetsPage) -> list[str]:
    """The ids in the table, top to bottom, as the view reads them."""
    view_model = page.table.model()
    assert page.table.verticalHeader().count() == view_model.rowCount()  # the view took in the new rows
    return [view_model.index(r, 0).data() for r in range(view_model.rowCount())]


def type_filter_text(page: SetsPage, text: str) -> None:
    page.filter_edit.setText(text)
    page.apply_filter()  # as if the keys had paused


def choose(combo, data: str) -> None:
    combo.setCurrentIndex(combo.findData(data))


def editing(page: SetsPage) -> str | None:
    """The id of the question in the editor, checked against the row the page edits and the table's current row."""
    if page.questions.row is None:
        assert not page.table.currentIndex().isValid()
        return None
    q = page.model.question(page.questions.row)
    assert page.editor.question().id == q.id
    current = page.table.currentIndex()
    assert current.isValid() and page.model.source_row(current.row()) == page.questions.row
    assert page.table.selectionModel().isRowSelected(current.row())
    return q.id


def test_each_filter_shows_exactly_the_matching_rows(page):
    everything = [q.id for q in QUESTIONS]
    assert shown(page) == everything
    type_filter_text(page, "CAPITAL")  # casefolded, in the prompt
    assert shown(page) == ["a1", "a5", "a7"]
    type_filter_text(page, "napoleon")  # prompt, answer or choices
    assert shown(page) == ["a4", "a6"]
    type_filter_text(page, "revolution")  # explanation
    assert shown(page) == ["a2"]
    type_filter_text(page, "empire")  # tags
    assert shown(page) == ["a4"]
    type_filter_text(page, "saint helena")  # source
    assert shown(page) == ["a6"]
    type_filter_text(page, "  A3 ")  # id, trimmed
    assert shown(page) == ["a3"]
    type_filter_text(page, "paris")  # answer, and a prompt in lower case
    assert shown(page) == ["a1", "a3", "a7"]
    type_filter_text(page, "nothing like this")
    assert shown(page) == []
    page.filter_edit.clear()  # emptied: at once, no pause
    assert shown(page) == everything

    choose(page.topic_filter, "hist")
    assert shown(page) == ["a2", "a4", "a6"]
    choose(page.type_filter, "truefalse")
    assert shown(page) == ["a6"]
    choose(page.topic_filter, "")
    assert shown(page) == ["a3", "a6"]
    type_filter_text(page, "seine")
    assert shown(page) == ["a3"]
    choose(page.type_filter, "")
    type_filter_text(page, "capital")
    assert shown(page) == ["a1", "a5", "a7"]
    page.filter_edit.clear()
    assert shown(page) == everything


def test_filters_with_sorting_on(page):
    page.table.sortByColumn(PROMPT, ASC)
    by_prompt = ["a1", "a7", "a5", "a6", "a3", "a4", "a2"]  # casefolded; equal prompts (a1, a7) in the set's order
    assert shown(page) == by_prompt
    type_filter_text(page, "capital")
    assert shown(page) == ["a1", "a7", "a5"]
    page.table.sortByColumn(PROMPT, DESC)
    assert shown(page) == ["a5", "a1", "a7"]
    choose(page.topic_filter, "hist")
    page.filter_edit.clear()
    assert shown(page) == ["a2", "a4", "a6"]
    page.table.sortByColumn(ANSWER, ASC)
    assert shown(page) == ["a2", "a6", "a4"]  # 1789, False, Napoleon
    choose(page.topic_filter, "")
    assert shown(page) == ["a2", "a6", "a5", "a4", "a1", "a7", "a3"]  # …, Madrid, Napoleon, Paris, Paris, True
    page.table.sortByColumn(0, DESC)
    assert shown(page) == ["a7", "a6", "a5", "a4", "a3", "a2", "a1"]
    choose(page.type_filter, "short")
    assert shown(page) == ["a7", "a2", "a1"]
    choose(page.type_filter, "")
    assert shown(page) == ["a7", "a6", "a5", "a4", "a3", "a2", "a1"]


def test_typing_filters_once_the_keys_pause(qtbot, page):
    for text in ("c", "ca", "cap", "capi"):
        page.filter_edit.setText(text)
        assert len(shown(page)) == len(QUESTIONS)  # nothing filtered while typing goes on
    qtbot.waitUntil(lambda: shown(page) == ["a1", "a5", "a7"], timeout=3000)
    page.filter_edit.setText("capital of s")
    page.filter_edit.returnPressed.emit()  # Enter: at once
    assert shown(page) == ["a5"]


def test_the_question_chosen_stays_chosen_while_shown(page):
    page.select_question("a5")
    assert editing(page) == "a5"
    type_filter_text(page, "capital")
    assert shown(page) == ["a1", "a5", "a7"] and editing(page) == "a5"
    page.table.sortByColumn(0, DESC)
    assert shown(page) == ["a7", "a5", "a1"] and editing(page) == "a5"
    choose(page.topic_filter, "hist")  # hides it: the first row shown is chosen instead
    assert shown(page) == [] and editing(page) is None and not page.editor.isEnabled()
    choose(page.topic_filter, "")
    assert shown(page) == ["a7", "a5", "a1"] and editing(page) == "a7"
    page.filter_edit.clear()
    assert editing(page) == "a7"


def test_an_edit_keeps_its_row_until_the_filter_changes(page):
    page.duplicate_set("Mine")  # an editable copy
    type_filter_text(page, "capital")
    page.table.sortByColumn(PROMPT, ASC)
    page.select_question("a1")
    page.editor.prompt_edit.setPlainText("Largest city of France?")  # no longer "capital", and would sort later
    assert shown(page) == ["a1", "a7", "a5"] and editing(page) == "a1"
    assert page.model.question(page.questions.row).prompt == "Largest city of France?"
    page.editor.prompt_edit.setPlainText("Largest city of France? Paris")
    assert editing(page) == "a1"  # the next keys edit the same question
    type_filter_text(page, "capital of")  # the filter changes: now it goes
    assert shown(page) == ["a7", "a5"] and editing(page) == "a7"
    page.filter_edit.clear()
    assert shown(page) == ["a7", "a5", "a1", "a6", "a3", "a4", "a2"]  # sorted again, with its new prompt


def test_add_and_delete_keep_the_editor_on_a_shown_question(page, monkeypatch):
    page.duplicate_set("Mine")
    monkeypatch.setattr(page, "confirm", lambda *a: True)
    choose(page.topic_filter, "geo")
    type_filter_text(page, "paris")
    page.table.sortByColumn(0, DESC)
    assert shown(page) == ["a7", "a3", "a1"]
    q = page.add_question("short")  # clears the text filter, keeps the topic; shown and chosen
    assert q is not None and q.topic == "geo"
    assert shown(page)[0] == q.id and set(shown(page)) == {q.id, "a7", "a5", "a3", "a1"}
    assert editing(page) == q.id
    page.select_question("a3")
    page.remove_question()
    assert "a3" not in shown(page) and editing(page) in {"a5", "a1"}  # its neighbour, chosen and editable
    before = editing(page)
    page.editor.prompt_edit.setPlainText("Edited after a delete")
    assert page.model.question(page.questions.row).id == before
    assert next(x for x in page.qset.questions if x.id == before).prompt == "Edited after a delete"


def test_a_problem_line_clears_the_filters_and_shows_its_question(page):
    choose(page.topic_filter, "hist")
    type_filter_text(page, "napoleon")
    page.problems.show([], [LintIssue("a5", "prompt", "giveaway", "looks odd")])
    page.problems._chosen(page.problem_list.item(0))
    assert page.filter_edit.text() == "" and page.topic_filter.currentIndex() == 0
    assert len(shown(page)) == len(QUESTIONS) and editing(page) == "a5"


def test_the_searched_text_is_built_off_the_ui_thread(qtbot, page, monkeypatch):
    threads: list[threading.Thread] = []
    real = question_table.searchable

    def recording(*args):
        threads.append(threading.current_thread())
        return real(*args)

    monkeypatch.setattr(question_table, "searchable", recording)
    page.revert()  # reads the set again, in a worker
    qtbot.waitUntil(lambda: page.qset is not None, timeout=10000)
    type_filter_text(page, "capital")
    assert shown(page) == ["a1", "a5", "a7"]
    assert threads and threading.main_thread() not in threads


def test_the_duplicate_id_check_follows_id_edits(page):
    page.duplicate_set("Mine")

    def rename(qid: str) -> None:
        page.editor.id_edit.setText(qid)
        page.editor.id_edit.textEdited.emit(qid)

    def id_problem() -> bool:
        return any(field == "id" for field, _message in page.editor.problems)

    page.select_question("a2")
    rename("a1")
    assert id_problem()
    page.select_question("a3")
    rename("a2")  # free since the rename above
    assert not id_problem() and editing(page) == "a2"
    page.select_question("a1")  # the first of the two: the other holds its id too
    page.editor.prompt_edit.setPlainText("Capital of France, again?")
    assert id_problem()
