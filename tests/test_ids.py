"""Set, topic and question ids are checked by one rule at every door, and a set's files are found through its
own folder, never a path built from its id (a set file saying ``id = "../../x"`` must not reach outside)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ketaquiz.cli import main
from ketaquiz.core import authoring, ids
from ketaquiz.core.importers import ImportError_, import_file
from ketaquiz.core.library import DataDir, load_library

SET = """id = "{sid}"
title = "Mine"

[[topics]]
id = "{tid}"
title = "T"

[[questions]]
id = "{qid}"
topic = "{tid}"
type = "short"
prompt = "What is the capital of France?"
answer = "Paris"
"""


def write(path: Path, sid: str = "mine", tid: str = "t", qid: str = "q1") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = SET.format(sid=json.dumps(sid)[1:-1], tid=json.dumps(tid)[1:-1], qid=json.dumps(qid)[1:-1])
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("bad", ["../../somewhere", "..", "a/b", "A", "", "x" * 65, "-x", "é", "a\\b", " a"])
def test_bad_set_ids_are_refused_with_the_rule(bad):
    assert ids.set_id_problem(bad)
    with pytest.raises(ids.IdError, match="lowercase letters"):
        ids.validate_set_id(bad)


@pytest.mark.parametrize("good", ["ketamine", "a", "my-set_2", "0" * 64])
def test_good_set_ids(good):
    assert ids.validate_set_id(good) == good


@pytest.mark.parametrize("bad", ["", " t", "t ", "a\x1b[31m", "a\u202eb", "x" * 129, "line\nbreak"])
def test_bad_topic_and_question_ids(bad):
    assert ids.topic_id_problem(bad) and ids.question_id_problem(bad)


@pytest.mark.parametrize("good", ["mechanism", "Überblick", "O#j!x/", "q 1", "n1234"])
def test_topic_and_question_ids_may_hold_visible_characters(good):
    assert ids.validate_topic_id(good) == good and ids.validate_question_id(good) == good


def test_check_refuses_a_set_id_that_climbs_out(tmp_path, capsys):
    path = write(tmp_path / "evil" / "set.toml", sid="../../somewhere")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:1: set: set id '../../somewhere' is not allowed" in out


def test_check_refuses_control_characters_in_question_and_topic_ids(tmp_path, capsys):
    path = write(tmp_path / "s.toml", tid="t\x1b]0;pwned\x07", qid="q\x1b[2J")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "question id 'q\\x1b[2J' holds a control" in out
    assert "topic id 't\\x1b]0;pwned\\x07' holds a control" in out


def test_library_skips_a_set_id_that_climbs_out_and_delete_cannot_reach_it(tmp_path, store, data_dir):
    victim = tmp_path / "somewhere"
    victim.mkdir()
    (victim / "precious.txt").write_text("user files")
    write(data_dir.sets_dir / "evil" / "set.toml", sid="../../somewhere")
    _results, problems = load_library(store, data_dir)
    assert [p.path.name for p in problems] == ["set.toml"]
    assert "not allowed" in problems[0].message
    assert store.set_info("../../somewhere") is None
    with pytest.raises(authoring.AuthoringError):
        authoring.delete_set(data_dir, store, "../../somewhere")
    assert (victim / "precious.txt").exists()


def test_delete_moves_the_sets_own_folder_not_one_named_by_its_id(store, data_dir):
    own = write(data_dir.sets_dir / "folder-a" / "set.toml", sid="shared")
    other = data_dir.sets_dir / "shared"
    other.mkdir(parents=True)
    (other / "notes.txt").write_text("not this set's")
    load_library(store, data_dir)
    assert store.set_info("shared").path == str(own)
    dest = authoring.delete_set(data_dir, store, "shared")
    assert (dest / "set.toml").exists() and not own.exists()
    assert (other / "notes.txt").exists()


def test_a_user_set_may_not_take_the_bundled_course_id(store, data_dir):
    before = store.conn.execute("SELECT count(*) FROM questions WHERE set_id='ketamine' AND retired=0").fetchone()[0]
    write(data_dir.sets_dir / "x" / "set.toml", sid="ketamine")
    _results, problems = load_library(store, data_dir)
    assert any("belongs to the bundled course" in p.message for p in problems)
    after = store.conn.execute("SELECT count(*) FROM questions WHERE set_id='ketamine' AND retired=0").fetchone()[0]
    assert after == before > 1
    assert store.set_info("ketamine").bundled


def test_imports_refuse_bad_ids_naming_the_row(tmp_path):
    data = DataDir(tmp_path / "data")
    src = tmp_path / "deck.json"
    src.write_text(json.dumps([{"id": "q\x1b[2J", "topic": "t", "type": "short", "prompt": "Capital of France?",
                                "answer": "Paris"}]))
    with pytest.raises(ImportError_, match=r"question 1 \(q\): id: question id 'q\\x1b\[2J' holds a control"):
        import_file(src, data)
    src.write_text(json.dumps([{"id": "q1", "topic": "t", "type": "short", "prompt": "Capital of France?", "answer": "Paris"}]))
    with pytest.raises(ImportError_, match="not a valid set id"):
        import_file(src, data, set_id="../up")
    with pytest.raises(ImportError_, match="bundled"):
        import_file(src, data, set_id="ketamine")
    csv = tmp_path / "deck.csv"
    csv.write_text("id,topic,type,prompt,answer\nq\x07,t,short,Capital of France?,Paris\n")
    with pytest.raises(ImportError_, match=r"row 2: id: question id 'q\\x07' holds a control"):
        import_file(csv, data)


def test_generate_refuses_a_bad_set_id(tmp_path, capsys):
    art = tmp_path / "a.md"
    art.write_text("# T\n\nSome text here. More text here.\n")
    assert main(["generate", str(art), "--set-id", "../x", "-o", str(tmp_path / "o.toml")]) == 2
    assert "not allowed" in capsys.readouterr().err
    assert not (tmp_path / "o.toml").exists()


def test_the_editor_says_what_an_id_may_be(qtbot):
    """The editor applies the same rule: an id with a control character gets the rule next to the Id field."""
    from ketaquiz.core.questions import Question, Topic
    from ketaquiz.ui.question_editor import QuestionEditor

    ed = QuestionEditor()
    qtbot.addWidget(ed)
    ed.set_context([Topic("t", "T")], None, set())
    ed.load(Question(id="a", topic="t", type="short", prompt="Capital of France?", answer="Paris"))
    assert ed.messages().get("id", "") == ""
    ed.id_edit.setText("a\x07b")
    ed.id_edit.textEdited.emit("a\x07b")
    assert "holds a control or invisible character" in ed.messages().get("id", "")
