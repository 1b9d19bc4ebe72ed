"""The command line as a contract: quiz through stdin, SIGKILL safety, export, stats, generate errors."""

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ketaquiz.cli import main, parse_response
from ketaquiz.core.library import DataDir
from ketaquiz.core.questions import Question

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def data(tmp_path) -> DataDir:
    d = DataDir(tmp_path / "data")
    dest = d.sets_dir / "mini"
    dest.mkdir(parents=True)
    for name in ("mini.toml", "mini.md"):
        shutil.copy(FIXTURES / name, dest / name)
    return d


class Quiz:
    """`ketaquiz quiz` in a subprocess, answered prompt by prompt like a person would."""

    def __init__(self, data: DataDir, *args: str) -> None:
        env = {k: v for k, v in os.environ.items() if k != "KETAQUIZ_DATA"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "ketaquiz", "--data", str(data.root), "quiz", *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        )
        self.screen = ""

    def read_until(self, marker: str) -> str:
        buf = b""
        while not buf.decode("utf-8", "replace").endswith(marker):
            ch = self.proc.stdout.read(1)
            if not ch:
                break
            buf += ch
        text = buf.decode("utf-8")
        self.screen += text
        return text

    def answer(self, line: str) -> str:
        """Type a line; returns what is printed up to the next prompt (or the end)."""
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()
        return self.read_until("> ")


def right_answer(question_block: str) -> str:
    """The right answer to the last question on screen (mini course)."""
    question_block = question_block.rsplit("\n[", 1)[-1]
    options = dict(re.findall(r"^  (\d)\. (.+)$", question_block, re.M))
    if "What is done to the beans first?" in question_block:
        return next(n for n, text in options.items() if text == "They are roasted")
    if "Beans are ground after roasting." in question_block:
        return "t"
    if "Which stimulant" in question_block:
        return "caffeine"
    if "Coffee is a _____ drink." in question_block:
        return "brewed"
    raise AssertionError(question_block)


def test_quiz_through_stdin_records_every_answer(data):
    quiz = Quiz(data, "--set", "mini")
    block = quiz.read_until("> ")
    assert "[1/4] overview · short" in block
    out = quiz.answer("cafeine")  # a typo is accepted and said so
    assert "accepted with a typo" in out
    out = quiz.answer("9")  # not a valid choice: re-prompt, no crash
    assert "type a number from 1 to 3" in out
    out = quiz.answer(right_answer(quiz.screen))
    assert "✓ Right" in out and "Source: “Beans are roasted.”" in out
    out = quiz.answer("-")  # I don't know
    assert "✗ Wrong. The answer: True" in out
    quiz.proc.stdin.close()
    rest = quiz.proc.stdout.read().decode()
    assert quiz.proc.wait(timeout=30) == 0
    assert "Score: 2/3" in rest
    db = sqlite3.connect(data.db_path())
    rows = db.execute(
        "SELECT q.id, r.correct, r.rating, r.response FROM reviews r JOIN questions q ON q.key = r.question ORDER BY r.id"
    ).fetchall()
    assert rows == [("o1", 1, 3, '"cafeine"'), ("m1", 1, 3, '"They are roasted"'), ("m2", 0, 1, "null")]
    states = db.execute("SELECT c.state, c.reps FROM cards c JOIN questions q ON q.key = c.question WHERE q.set_id = 'mini' ORDER BY q.position").fetchall()
    assert states == [(1, 1), (1, 1), (1, 1), (0, 0)]


def test_quiz_limit_and_topic(data):
    quiz = Quiz(data, "--set", "mini", "--topic", "making", "--limit", "1")
    block = quiz.read_until("> ")
    assert "making · choice" in block
    out = quiz.answer(right_answer(quiz.screen))
    rest = out + quiz.proc.stdout.read().decode()
    assert quiz.proc.wait(timeout=30) == 0
    assert "Score: 1/1" in rest and "[2/" not in rest


def test_quiz_with_piped_input(data):
    proc = subprocess.run(
        [sys.executable, "-m", "ketaquiz", "--data", str(data.root), "quiz", "--set", "mini"],
        input="caffeine\n-\nnot a number\n-\n", capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("✗ Wrong") == 2 and "Score: 1/3" in proc.stdout


def test_unknown_topic_is_a_clear_error(data, capsys):
    assert main(["--data", str(data.root), "quiz", "--set", "mini", "--topic", "nope"]) == 2
    assert "unknown topic nope in set mini; topics: making, overview" in capsys.readouterr().err


def test_sigkill_mid_session_keeps_every_acknowledged_answer(data):
    quiz = Quiz(data, "--set", "mini")
    quiz.read_until("> ")
    acknowledged = 0
    for _ in range(3):
        out = quiz.answer(right_answer(quiz.screen) if acknowledged != 1 else "-")
        assert "Source:" in out  # the answer was acknowledged on screen
        acknowledged += 1
    quiz.proc.send_signal(signal.SIGKILL)
    quiz.proc.wait(timeout=30)
    db = sqlite3.connect(data.db_path())
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == acknowledged
    assert db.execute("SELECT COUNT(*) FROM cards WHERE reps > 0").fetchone()[0] == acknowledged


def test_export_json_shape(data, capsys):
    assert main(["--data", str(data.root), "export", "mini", "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [i["id"] for i in items] == ["o1", "m1", "m2", "o2"]
    assert set(items[0]) >= {"id", "topic", "type", "prompt", "choices", "answer", "explanation", "source"}
    by_id = {i["id"]: i for i in items}
    assert by_id["m2"]["answer"] is True and by_id["o2"]["answer"] == ["brewed"]
    assert by_id["m1"]["choices"] == ["They are roasted", "They are frozen", "They are boiled"]


def test_export_by_path_and_unknown_set(data, capsys):
    path = data.sets_dir / "mini" / "mini.toml"
    assert main(["--data", str(data.root), "export", str(path)]) == 0
    capsys.readouterr()
    assert main(["--data", str(data.root), "export", "nosuch"]) == 2
    assert "no set with id 'nosuch'" in capsys.readouterr().err


def test_stats_json_contract(data, capsys):
    subprocess.run([sys.executable, "-m", "ketaquiz", "--data", str(data.root), "quiz", "--set", "mini"],
                   input="caffeine\n-\n", capture_output=True, text=True, timeout=60, check=True)
    assert main(["--data", str(data.root), "stats", "--json"]) == 0
    st = json.loads(capsys.readouterr().out)
    assert st["reviews_total"] == 2 and st["reviews_today"] == 2
    assert st["accuracy"] == 0.5
    assert st["per_topic"] == {"making": {"reviews": 1, "accuracy": 0.0}, "overview": {"reviews": 1, "accuracy": 1.0}}
    assert st["streak_days"] == 1 and st["retention"] is None
    assert st["due_now"] == 2 and st["due_tomorrow"] >= 2  # both in learning steps minutes away: due (learn-ahead)


def test_first_run_loads_the_bundled_course(tmp_path, capsys):
    assert main(["--data", str(tmp_path / "fresh"), "stats", "--json"]) == 0
    st = json.loads(capsys.readouterr().out)
    assert st["new_remaining"] >= 7 and st["reviews_total"] == 0


@pytest.mark.parametrize(
    "qtype, options, line, expected",
    [
        ("choice", ["a", "b", "c"], "2", "b"),
        ("multi", ["a", "b", "c"], "3 1", ["c", "a"]),
        ("order", ["a", "b", "c"], "2,3,1", ["b", "c", "a"]),
        ("truefalse", ["True", "False"], "F", False),
        ("truefalse", ["True", "False"], "1", True),
        ("short", [], "  prefrontal cortex ", "prefrontal cortex"),
    ],
)
def test_parse_response(qtype, options, line, expected):
    assert parse_response(Question("q", "t", qtype, "p"), options, line) == expected


@pytest.mark.parametrize(
    "qtype, options, line, hint",
    [
        ("choice", ["a", "b"], "3", "from 1 to 2"),
        ("order", ["a", "b", "c"], "1 2", "put all 3 items"),
        ("multi", ["a", "b"], "1 1", "each number once"),
        ("truefalse", [], "maybe", "1 or t"),
    ],
)
def test_parse_response_rejects_with_a_hint(qtype, options, line, hint):
    with pytest.raises(ValueError, match=hint):
        parse_response(Question("q", "t", qtype, "p"), options, line)


def test_cloze_with_two_gaps_takes_semicolons():
    two_gaps = Question("q", "t", "cloze", "{{NMDA}} receptors, then {{AMPA}} receptors")
    assert parse_response(two_gaps, [], "NMDA; AMPA") == ["NMDA", "AMPA"]
    with pytest.raises(ValueError, match="2 gaps"):
        parse_response(two_gaps, [], "NMDA")


def test_data_dir_from_environment(tmp_path):
    env = {**os.environ, "KETAQUIZ_DATA": str(tmp_path / "envdata")}
    proc = subprocess.run([sys.executable, "-m", "ketaquiz", "stats", "--json"], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "envdata" / "profiles" / "default" / "ketaquiz.db").exists()


def test_bad_profile_name_is_refused(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["--data", str(tmp_path), "--profile", "../evil", "stats"])
    assert "profile name '../evil' is not allowed" in capsys.readouterr().err


def test_an_empty_data_directory_is_refused(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--data", "", "stats"])
    assert e.value.code == 2
    assert "an empty path is not a data directory" in capsys.readouterr().err


def test_quiz_ending_at_its_limit_closes_its_session(data):
    proc = subprocess.run([sys.executable, "-m", "ketaquiz", "--data", str(data.root), "quiz", "--set", "mini", "--limit", "1"],
                          input="-\n", capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    db = sqlite3.connect(data.db_path())
    assert db.execute("SELECT ended_at IS NOT NULL, answered FROM sessions").fetchall() == [(1, 1)]
