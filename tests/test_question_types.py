"""Question types are a registry (ketaquiz.core.question_types): a new type is one module calling `register`.
Here a toy type, registered by this test only, goes through check, grading and the terminal quiz untouched
elsewhere; and each built-in type gives a verdict per part that the widgets show."""

from __future__ import annotations

import io
from random import Random
from typing import Any

import pytest

from ketaquiz.cli import run_terminal_quiz
from ketaquiz.core.check import check_path, check_question
from ketaquiz.core.grading import Grade, Part, grade, present
from ketaquiz.core.question_types import QuestionType, kind_of, register, type_names, unregister
from ketaquiz.core.questions import Question, QuestionSet, Topic
from ketaquiz.core.session import StudySession
from ketaquiz.core.setfile import read_set
from ketaquiz.core.setwriter import write_set
from ketaquiz.core.store import Store


class NumberType(QuestionType):
    """A number typed in; right within 1 %."""

    name = "number"
    rank = 70
    label = "A number"
    typed = True
    stores_answer = True
    editor_fields = ("answer", "accept")  # the editor's typed-answer page
    new_prompt = "How many …?"
    new_fields = {"answer": "0"}
    terminal_hint = "Type a number."

    def check(self, q: Question) -> list[tuple[str, str]]:
        try:
            float(str(q.answer))
        except ValueError:
            return [("answer", "the answer must be a number")]
        return []

    def grade(self, q: Question, response: Any) -> Grade:
        want = float(q.answer)
        ok = response is not None and abs(float(response) - want) <= abs(want) / 100
        return Grade(ok, False, self.answer_text(q), parts=(Part(str(response or ""), ok, expected=str(q.answer)),))

    def parse_terminal(self, q: Question, options: list[str], text: str) -> Any:
        try:
            return float(text.replace(",", "."))
        except ValueError:
            raise ValueError("type a number, e.g. 2.5") from None


@pytest.fixture
def number_type():
    register(NumberType())
    yield
    unregister("number")


def test_a_new_type_is_one_registered_class(number_type, tmp_path):
    assert type_names()[-1] == "number" and "number" in type_names()
    q = Question("n1", "t", "number", "How many mg/kg in a usual infusion?", answer="0.5")
    assert check_question(q) == []
    assert check_question(Question("n2", "t", "number", "How many?", answer="half")) == [
        ("answer", "the answer must be a number")]
    assert grade(q, 0.502).correct and not grade(q, 0.6).correct and not grade(q, None).correct
    assert grade(q, 0.6).parts == (Part("0.6", False, expected="0.5"),)
    assert present(q, Random(1)).options == []
    qset = QuestionSet("nums", "Numbers", topics=[Topic("t", "T")], questions=[q])
    path = write_set(qset, tmp_path / "nums.toml")  # the set file keeps its type and answer
    assert read_set(path).questions[0].answer == "0.5" and check_path(path) == []

    store = Store(":memory:")
    store.sync_set(read_set(path))
    out = io.StringIO()
    run_terminal_quiz(StudySession(store, set_id="nums"), io.StringIO("half\n0,501\n"), out)
    store.close()
    text = out.getvalue()
    assert "How many mg/kg" in text and "Type a number." in text
    assert "type a number, e.g. 2.5" in text  # the type's own hint for a line it cannot read
    assert "✓ Right" in text and "Score: 1/1" in text


def test_an_unregistered_type_is_reported_not_graded(number_type):
    unregister("number")
    q = Question("n1", "t", "number", "How many?", answer="0.5")
    assert any(f == "type" and "unknown type 'number'" in m for f, m in check_question(q))
    with pytest.raises(ValueError, match="unknown type"):
        grade(q, 0.5)
    assert not grade(q, None).correct


@pytest.mark.parametrize("qtype", ["choice", "multi", "truefalse", "cloze", "short", "order"])
def test_every_built_in_type_is_registered_with_its_editor_template(qtype):
    kind = kind_of(qtype)
    assert kind.name == qtype and kind.label and kind.terminal_hint and kind.new_prompt
    q = Question("q", "t", qtype, kind.new_prompt, **kind.new_fields)
    assert q.type in type_names()


def test_multi_parts_say_which_options_are_right_and_which_were_ticked():
    q = Question("q", "t", "multi", "Which?", answer=["ketamine", "NMDA  antagonists"],
                 choices=["Ketamine", "NMDA antagonists", "Lithium"])
    g = grade(q, ["Ketamine", "Lithium"])
    assert not g.correct
    assert g.parts == (Part("Ketamine", True, key=True, chosen=True), Part("NMDA antagonists", False, key=True),
                       Part("Lithium", False, chosen=True))
    shown = grade(q, None)  # "I don't know": wrong, the right options still marked
    assert not shown.correct and [p.key for p in shown.parts] == [True, True, False]


def test_cloze_and_order_parts_follow_the_gaps_and_places():
    cloze = Question("c", "t", "cloze", "{{NMDA}} then {{BDNF|brain-derived factor}}")
    g = grade(cloze, ["nmda", "Brain derived factor"])
    assert g.correct and [p.ok for p in g.parts] == [True, True]
    assert [p.expected for p in grade(cloze, None).parts] == ["NMDA", "BDNF"]
    order = Question("o", "t", "order", "Order", items=["a", "b", "c"])
    assert [p.ok for p in grade(order, ["a", "c", "b"]).parts] == [True, False, False]


def test_a_lookup_while_another_thread_loads_the_types_waits_for_them(monkeypatch):
    """The first lookup loads the type modules; one from another thread meanwhile (a worker reading a set while
    the editor lists the types) found some missing and took 'order' for an unknown type."""
    import importlib
    import sys
    import threading

    from ketaquiz.core import question_types as registry

    monkeypatch.setattr(registry, "_TYPES", {})
    monkeypatch.setattr(registry, "_loaded", False)
    for name in [m for m in sys.modules if m.startswith("ketaquiz.core.question_types.")]:
        if not name.endswith((".base", "._options")):
            monkeypatch.delitem(sys.modules, name)  # imported again, so they register again
    started, looked_up = threading.Event(), threading.Event()
    real_import = importlib.import_module

    def slow_import(name: str) -> object:
        started.set()
        looked_up.wait(timeout=0.5)  # let the other thread look up now (it waits on the lock, when there is one)
        return real_import(name)

    monkeypatch.setattr(registry.importlib, "import_module", slow_import)
    loader = threading.Thread(target=registry.type_names)
    loader.start()
    assert started.wait(timeout=5)
    found = kind_of("order")
    looked_up.set()
    loader.join()
    assert found.name == "order"
