"""The question editor's duplicate-id message: shown next to the Id field while another question holds the id,
gone when it is free, through id edits, added and removed questions on the Sets page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ketaquiz.core.questions import Question, QuestionSet, Topic
from ketaquiz.core.setfile import write_set
from ketaquiz.ui import workers
from ketaquiz.ui.context import AppContext
from ketaquiz.ui.question_editor import QuestionEditor
from ketaquiz.ui.sets_page import SetsPage

TOPICS = [Topic("t", "T")]
TAKEN = "used by another question"


def id_message(editor: QuestionEditor) -> str:
    """The message shown under the Id field ("" when none)."""
    return editor.messages().get("id", "")


def type_id(editor: QuestionEditor, qid: str) -> None:
    editor.id_edit.setText(qid)
    editor.id_edit.textEdited.emit(qid)  # as typed by the user


class OnlyAnswers:
    """Answers `qid in ids` and nothing else: an editor that copied or listed it would fail."""

    def __init__(self, taken: set[str]) -> None:
        self._taken = taken

    def __contains__(self, qid: object) -> bool:
        return qid in self._taken


def test_the_editor_asks_its_other_ids_and_keeps_them(qtbot):
    ed = QuestionEditor()
    qtbot.addWidget(ed)
    taken = {"x"}
    ed.set_context(TOPICS, None, OnlyAnswers(taken))
    ed.load(Question(id="a", topic="t", type="short", prompt="Capital of France?", answer="Paris"))
    assert id_message(ed) == ""
    type_id(ed, "x")
    assert TAKEN in id_message(ed)
    type_id(ed, "y")
    assert id_message(ed) == ""
    taken.add("y")  # kept, not copied: the caller's view answers for the other questions as they are now
    ed.prompt_edit.setPlainText("Capital of Spain?")
    assert TAKEN in id_message(ed)


@pytest.fixture
def page(qtbot, data_dir, clock):
    path = data_dir.sets_dir / "mini" / "set.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    qs = [Question(id=f"a{i}", topic="t", type="short", prompt=f"Question {i}?", answer=f"answer {i}") for i in range(1, 5)]
    write_set(QuestionSet(id="mini", title="Mini", topics=TOPICS, questions=qs), path)
    ctx = AppContext(data_dir, clock=clock)
    ctx.reload_library()
    p = SetsPage(ctx)
    qtbot.addWidget(p)
    p.confirm = lambda *_a: True  # type: ignore[method-assign]
    p.show()
    p.set_list.setCurrentRow(next(i for i in range(p.set_list.count())
                                  if p.set_list.item(i).data(Qt.ItemDataRole.UserRole).id == "mini"))
    qtbot.waitUntil(lambda: p.qset is not None and p.qset.id == "mini", timeout=10000)
    yield p
    qtbot.waitUntil(lambda: not workers._running, timeout=10000)
    ctx.close()


def test_the_duplicate_id_message_follows_the_ids_as_they_are_edited(page):
    ed = page.editor
    page.select_question("a2")
    assert id_message(ed) == ""
    type_id(ed, "a1")
    assert TAKEN in id_message(ed) and "'a1'" in id_message(ed)
    type_id(ed, "a2")  # its own id again
    assert id_message(ed) == ""
    type_id(ed, "a9")
    assert id_message(ed) == ""
    page.select_question("a3")
    type_id(ed, "a2")  # free since a2 became a9
    assert id_message(ed) == ""
    type_id(ed, "a9")  # held by the question renamed above
    assert TAKEN in id_message(ed)
    type_id(ed, "a3")
    assert id_message(ed) == ""


def test_the_duplicate_id_message_follows_added_and_removed_questions(page):
    ed = page.editor
    q = page.add_question("short")
    assert q is not None and ed.question().id == q.id and id_message(ed) == ""
    type_id(ed, "a4")
    assert TAKEN in id_message(ed)
    type_id(ed, "new")
    assert id_message(ed) == ""
    page.select_question("a4")
    type_id(ed, "new")  # the added question holds it
    assert TAKEN in id_message(ed)
    page.select_question("a1")
    assert id_message(ed) == ""
    type_id(ed, "new")  # now three hold it
    page.select_question("new")  # one of them: the others hold its id too, shown as soon as it is chosen
    assert TAKEN in id_message(ed)
    for _ in range(2):  # remove two of the three holders
        page.select_question("new")
        page.remove_question()
    page.select_question("new")
    assert id_message(ed) == "" and [x.id for x in page.qset.questions].count("new") == 1
    type_id(ed, "a2")
    assert TAKEN in id_message(ed)
