"""Set files: round trip, and every rule of `ketaquiz check` with its message."""

import re
import shutil
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketaquiz.cli import main
from ketaquiz.core.check import _norm, check_path
from ketaquiz.core.questions import Question, QuestionSet, Topic
from ketaquiz.core.setfile import read_set, set_to_text, write_set

from .conftest import COURSE, SEED

HEADER = '''id = "t"
title = "Test"
article = "article.txt"

[[topics]]
id = "mechanism"
title = "How"
'''


def write(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "t.toml"
    p.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    shutil.copy(SEED, tmp_path / "article.txt")  # (an article must be inside the set's folder)
    return p


def problems(tmp_path: Path, body: str) -> list[str]:
    return [str(p) for p in check_path(write(tmp_path, body))]


def test_round_trip_keeps_every_field(tmp_path):
    qset = QuestionSet(
        id="rt", title="Round trip", article="a.txt", topics=[Topic("t1", "Topic one")],
        questions=[
            Question("c", "t1", "choice", "Pick?", "B", choices=["A", "B", "C"], explanation="why", source="src", tags=["x"]),
            Question("m", "t1", "multi", "Pick all?", ["A", "C"], choices=["A", "B", "C"]),
            Question("tf", "t1", "truefalse", "Sky is blue.", False, origin="generated"),
            Question("cl", "t1", "cloze", "The {{sky|heavens}} is {{blue}}."),
            Question("s", "t1", "short", "Name it?", "thing", accept=["stuff"]),
            Question("o", "t1", "order", "Order them", items=["1", "2", "3"], origin="edited"),
        ],
    )
    path = write_set(qset, tmp_path / "rt.toml")
    back = read_set(path)
    assert [q.to_dict() for q in back.questions] == [q.to_dict() for q in qset.questions]
    assert (back.id, back.title, back.article, back.topics) == ("rt", "Round trip", "a.txt", qset.topics)
    assert set_to_text(back) == path.read_text(encoding="utf-8")


def test_bundled_course_is_clean(capsys):
    assert main(["check", str(COURSE)]) == 0


def test_syntax_error_names_file_and_line(tmp_path):
    out = problems(tmp_path, '''
        [[questions]]
        id = "a"
        prompt = "unterminated
        ''')
    assert len(out) == 1
    assert out[0].startswith(f"{tmp_path / 't.toml'}:11: ")
    assert "TOML syntax error" in out[0]


@pytest.mark.parametrize(
    "body, expected",
    [
        ('type = "essay"\nprompt = "P"', "unknown type 'essay'"),
        ('type = "short"\nprompt = "P"\nanswer = "x"\ntopic = "nope"', "unknown topic 'nope'"),
        ('type = "short"\nanswer = "x"', "missing prompt"),
        ('type = "short"\nprompt = "Name it"', "missing answer"),
        ('type = "truefalse"\nprompt = "Sky"', "missing answer"),
        ('type = "choice"\nprompt = "P"\nchoices = ["a", "b", "c"]\nanswer = "d"', "answer d is not among the choices"),
        ('type = "choice"\nprompt = "P"\nchoices = ["a", "b", "A"]\nanswer = "b"', "duplicate choices: A, a"),
        ('type = "cloze"\nprompt = "No gap here"', "cloze without a gap"),
        ('type = "order"\nprompt = "P"\nitems = ["a", "b"]', "order needs at least 3 items, has 2"),
        ('type = "short"\nprompt = "P"\nanswer = "x"\nsource = "not in the article at all"', "source not found in the article"),
        ('type = "short"\nprompt = "Is NMDA blocked? (NMDA)"\nanswer = "NMDA"', "gives the answer away word for word (NMDA)"),
        ('type = "cloze"\nprompt = "{{NMDA}} receptors: NMDA"', "gives the answer away word for word (NMDA)"),
        ('type = "short"\nprompt = "Which GA drug?"\nanswer = "GA"', "gives the answer away word for word (GA)"),
    ],
)
def test_each_rule_reports_file_line_question_and_message(tmp_path, body, expected):
    text = '\n[[questions]]\nid = "q7"\n' + ('topic = "mechanism"\n' if "topic" not in body else "") + body + "\n"
    out = problems(tmp_path, text)
    assert any(line.startswith(f"{tmp_path / 't.toml'}:9: question q7: ") and expected in line for line in out), out


def test_small_sets_are_written_one_table_per_question(tmp_path):
    """tomli_w would inline tiny tables; a written set keeps [[questions]] headers so check can name lines."""
    qset = QuestionSet(id="s", title="S", topics=[Topic("t", "T")], questions=[
        Question(id="a", topic="t", type="truefalse", prompt="P", answer=True),
        Question(id="b", topic="t", type="short", prompt="Q", answer=""),
    ])
    path = write_set(qset, tmp_path / "s.toml")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines.count("[[questions]]") == 2
    out = check_path(path)
    b_line = [i for i, line in enumerate(lines, 1) if line == 'id = "b"'][0] - 1
    assert [str(p) for p in out] == [f"{path}:{b_line}: question b: missing answer"]


def test_duplicate_ids_point_at_both_lines(tmp_path):
    q = '\n[[questions]]\nid = "dup"\ntopic = "mechanism"\ntype = "short"\nprompt = "Name it?"\nanswer = "x"\n'
    out = problems(tmp_path, q + q)
    assert out == [f"{tmp_path / 't.toml'}:16: question dup: duplicate id (first used at line 9); give each question its own id"]


def test_check_cli_exit_codes_and_folders(tmp_path, capsys):
    good = tmp_path / "good"
    good.mkdir()
    (good / "s.toml").write_text(COURSE.read_text(encoding="utf-8"))
    shutil.copy(SEED, good / "article.txt")
    assert main(["check", str(good)]) == 0
    bad = write(tmp_path, '\n[[questions]]\nid = "x"\ntopic = "mechanism"\ntype = "cloze"\nprompt = "none"\n')
    capsys.readouterr()
    assert main(["check", str(bad), str(tmp_path / "missing.toml")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{tmp_path / 'missing.toml'}:1: set: no such file or folder; check the path" in out
    assert f"{bad}:9: question x: cloze without a gap: mark each gap as {{{{answer}}}} or {{{{answer|alternative}}}}" in out


def test_not_utf8_is_a_clear_problem(tmp_path, capsys):
    p = tmp_path / "latin.toml"
    p.write_bytes('id = "x"\ntitle = "caf\xe9"\n'.encode("latin-1"))
    assert main(["check", str(p)]) == 1
    assert "not UTF-8 text" in capsys.readouterr().out


@given(st.text())
def test_whitespace_folding_matches_the_regex_it_replaced(text):
    """The giveaway check folds whitespace with str.split (fast); it must fold exactly what \\s+ did."""
    assert _norm(text) == re.sub(r"\s+", " ", text).strip().casefold()


def test_a_syntax_error_in_a_big_file_is_worded_without_a_whole_file_fast_parse(tmp_path, monkeypatch):
    """A big file is parsed in slices; a slice that fails sends the file to tomllib for the message and line,
    not first to a whole-file rtoml parse (which fails too, holding the GIL for ~0.6 s at 100k questions)."""
    import rtoml

    from ketaquiz.core import setfile
    from ketaquiz.core.setfile import SetFileError

    qs = [Question(f"q{i}", "t", "short", f"Question {i}?", f"answer {i}") for i in range(10)]
    path = write_set(QuestionSet("big", "Big", topics=[Topic("t", "T")], questions=qs), tmp_path / "big.toml")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    bad = next(i for i, ln in enumerate(lines) if ln.startswith('prompt = "Question 8?"'))
    lines[bad] = 'prompt = "Question 8?\n'  # an unterminated string, in the 5th slice of two questions
    path.write_text("".join(lines), encoding="utf-8")
    monkeypatch.setattr(setfile, "READ_SLICE", 2)
    whole: list[int] = []
    real = rtoml.loads
    monkeypatch.setattr(setfile.rtoml, "loads", lambda text, **kw: (whole.append(len(text)) if len(text) == len("".join(lines)) else None) or real(text, **kw))
    with pytest.raises(SetFileError) as e:
        read_set(path)
    assert e.value.line == bad + 1 and "TOML syntax error" in str(e.value)
    assert whole == []
