"""Bad input ends in a message naming the place (file and line, question or row), never a traceback: odd TOML
values (dates, huge integers, deep nesting), empty cloze gaps, unusual but valid TOML layouts whose lines
`check` must still get right, and the same odd values in JSON imports."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest

from ketaquiz.cli import main
from ketaquiz.core.check import check_path
from ketaquiz.core.exporters import to_apkg, to_csv, to_json
from ketaquiz.core.grading import grade
from ketaquiz.core.importers import ImportError_, import_file
from ketaquiz.core.library import DataDir
from ketaquiz.core.questions import Question, QuestionSet, Topic
from ketaquiz.core.setfile import read_set

HEAD = 'id = "s"\ntitle = "S"\n\n[[topics]]\nid = "t"\ntitle = "T"\n'


def question(qid: str, answer: str = '"Paris"', prompt: str = "Capital of France?", qtype: str = "short") -> str:
    return f'\n[[questions]]\nid = "{qid}"\ntopic = "t"\ntype = "{qtype}"\nprompt = "{prompt}"\nanswer = {answer}\n'


def check_lines(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    from ketaquiz.cli import cmd_check

    cmd_check([str(path)], out=out)
    return [ln.replace(str(path), "F") for ln in out.getvalue().splitlines()]


@pytest.mark.parametrize("value, words", [
    ("1979-05-27T07:32:00Z", "'answer' is a TOML date or time (1979-05-27 07:32:00+00:00); write it as text in quotes"),
    ("1979-05-27", "'answer' is a TOML date or time"),
    ("07:32:00", "'answer' is a TOML date or time"),
    ("{ a = 1 }", "'answer' is a table"),
    ('[["a"], ["b"]]', "'answer' is a list inside a list"),
    ("[1979-05-27]", "'answer' is a list holding a TOML date"),
    ("9" * 30, "a number too long"),
    ("9" * 5000, "a number too long"),
    ("[" * 3000 + "]" * 3000, "nested too deep"),
])
def test_odd_values_in_a_set_file_name_the_line(tmp_path, value, words):
    text = HEAD + question("q1") + question("q2", answer=value)
    lines = check_lines(tmp_path, text)
    # The question's header, or the value's own line when the TOML reader itself refuses it.
    assert len(lines) == 1 and lines[0].startswith(("F:15: ", "F:20: ")) and words in lines[0], lines


def test_odd_values_never_reach_export_or_quiz(tmp_path, capsys):
    path = tmp_path / "s.toml"
    path.write_text(HEAD + question("q1", answer="1979-05-27"), encoding="utf-8")
    for argv in (["export", str(path)], ["export", str(path), "--format", "csv"]):
        assert main(["--data", str(tmp_path / "data"), *argv]) == 2
        err = capsys.readouterr().err
        assert f"{path}:8: question 'q1': 'answer' is a TOML date" in err


@pytest.mark.parametrize("gap", ["{{ }}", "{{ | }}", "{{|}}", "{{  |  | }}"])
def test_check_refuses_an_empty_cloze_gap(tmp_path, gap):
    text = HEAD + question("c1", answer='""', prompt=f"Paris is the capital of {gap} and of {{{{France}}}}.", qtype="cloze")
    lines = check_lines(tmp_path, text)
    assert lines == ["F:8: question c1: gap 1 is empty: write the answer inside {{…}}, e.g. {{answer}} or {{answer|alternative}}"]


def test_a_stored_empty_gap_still_quizzes_and_exports(tmp_path):
    """A question saved before check refused empty gaps is still served from the store: nothing may break."""
    q = Question("c1", "t", "cloze", "Capital of {{ | }} is {{Paris}}.")
    qset = QuestionSet("s", "S", topics=[Topic("t", "T")], questions=[q])
    assert q.correct_answer == ["", "Paris"]
    assert q.answer_text() == "; Paris"
    assert not grade(q, ["x", "Paris"]).correct
    assert json.loads(to_json(qset))[0]["answer"] == ["", "Paris"]
    assert "Capital of" in to_csv(qset)
    to_apkg(qset, tmp_path / "s.apkg")


def test_check_lines_with_quoted_question_headers(tmp_path):
    text = HEAD + question("q1").replace("[[questions]]", '[["questions"]]') + question("q2", answer='""')
    text = text.replace("[[questions]]", "[[ 'questions' ]]")
    assert check_lines(tmp_path, text) == ["F:15: question q2: missing answer"]


def test_check_lines_with_inline_questions(tmp_path):
    text = (HEAD + "\nquestions = [\n"
            '  { id = "q1", topic = "t", type = "short", prompt = "Capital of France?", answer = "Paris" },\n'
            '  { id = "q2", topic = "t", type = "short", prompt = "Capital of Spain?", answer = "" },\n'
            "]\n")
    text = text.replace('[[topics]]\nid = "t"\ntitle = "T"\n', 'topics = [{ id = "t", title = "T" }]\n')
    assert check_lines(tmp_path, text) == ["F:8: question q2: missing answer"]


def test_check_lines_after_a_header_inside_a_multiline_string(tmp_path):
    tricky = question("q1").replace('prompt = "Capital of France?"', 'prompt = """Capital of\n[[questions]]\nFrance?"""')
    text = HEAD + tricky + question("q2", answer='""') + question("q3", answer="'''a\n[[questions]]\nb'''")
    assert check_lines(tmp_path, text) == ["F:17: question q2: missing answer"]
    qs = read_set(tmp_path / "s.toml")
    assert [q.line for q in qs.questions] == [8, 17, 24]


def test_problems_of_an_unreadable_file_name_it(tmp_path):
    path = tmp_path / "s.toml"
    path.write_bytes(HEAD.encode() + b'\n[[questions]]\nid = "q\xff"\n')
    assert [str(p) for p in check_path(path)] == [f"{path}:1: set: not UTF-8 text (invalid start byte at byte {len(HEAD) + 22}); save the file as UTF-8"]


# --- JSON imports ---------------------------------------------------------------
def json_import(tmp_path: Path, payload: str) -> str:
    src = tmp_path / "deck.json"
    src.write_text(payload, encoding="utf-8")
    with pytest.raises(ImportError_) as e:
        import_file(src, DataDir(tmp_path / "data"))
    msg = str(e.value)
    assert msg.startswith(f"{src}: ")
    assert not (tmp_path / "data" / "sets").exists()
    return msg[len(str(src)) + 2:]


def test_json_deep_nesting_is_refused(tmp_path):
    assert "nested too deep" in json_import(tmp_path, "[" * 100_000 + "]" * 100_000)


def test_json_huge_integer_is_refused(tmp_path):
    q = '{"id": "q1", "topic": "t", "type": "short", "prompt": "How many?", "answer": ' + "7" * 5000 + "}"
    assert "integer" in json_import(tmp_path, f"[{q}]")
    q = '{"id": "q1", "topic": "t", "type": "short", "prompt": "How many?", "answer": ' + "7" * 40 + "}"
    assert json_import(tmp_path, f"[{q}]") == "question 1 (q1): 'answer' is a number too long to be an answer; write it as text in quotes"


@pytest.mark.parametrize("field, value, words", [
    ("answer", {"a": 1}, "'answer' is a table"),
    ("choices", [["a"], "b"], "'choices' is a list inside a list"),
    ("prompt", ["a"], "'prompt' is a list"),
])
def test_json_odd_shapes_are_refused_naming_the_question(tmp_path, field, value, words):
    obj = {"id": "q1", "topic": "t", "type": "choice", "prompt": "Capital?", "answer": "Paris", field: value}
    assert json_import(tmp_path, json.dumps([obj])).startswith(f"question 1 (q1): {words}")


def test_check_prints_one_line_per_problem_whatever_the_file_holds(tmp_path):
    """A value with a line break (a multi-line string as an id) split the line, so FILE:LINE: no longer led it."""
    text = HEAD + question("q1").replace('id = "q1"', 'id = """multi\nline"""') + question("q2")
    lines = check_lines(tmp_path, text)
    assert lines and all(ln.startswith("F:") for ln in lines), lines


def test_a_csv_whose_separator_cannot_be_sniffed_still_imports_or_says_why(tmp_path):
    """csv.Sniffer can answer '' (found nothing), which was taken for a separator: TypeError from csv."""
    src = tmp_path / "deck.csv"
    src.write_text("é\n\x1b]0;x\x07\n", encoding="utf-8")
    try:
        import_file(src, DataDir(tmp_path / "data"))
    except ImportError_ as e:
        assert str(e).startswith(f"{src}: ")


def test_a_date_as_sibling_group_is_refused_naming_the_line(tmp_path):
    text = HEAD + question("q1") + "sibling_group = 1979-05-27\n"
    lines = check_lines(tmp_path, text)
    assert lines == ["F:8: set: question 'q1': 'sibling_group' is a TOML date or time (1979-05-27); write it as text in quotes"]


def test_check_refuses_control_characters_in_titles_and_question_text(tmp_path):
    text = (HEAD.replace('title = "T"', 'title = "T\\u001b]0;pwned\\u0007"')
            + question("q1", prompt="Capital\\u001b[2J of France?") + question("q2", prompt="Tab\\tand fine?"))
    assert check_lines(tmp_path, text) == [
        "F:1: set: topic 't' title holds a control character (U+001B); remove it",
        "F:8: question q1: holds a control character (U+001B), which would garble the screen; remove it",
    ]
