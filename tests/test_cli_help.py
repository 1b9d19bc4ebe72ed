"""The command line explains itself: --version, --help for every command, `sets`, an empty library said so."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ketaquiz
from ketaquiz.cli import build_parser, main
from ketaquiz.core.library import DataDir, bundled_questions_dir
from ketaquiz.core.setfile import read_set
from ketaquiz.core.store import Store

FIXTURES = Path(__file__).parent / "fixtures"


def _commands() -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_version_names_the_installed_version() -> None:
    out = subprocess.run([sys.executable, "-m", "ketaquiz", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"ketaquiz {ketaquiz.__version__}"


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_has_a_description_argument_help_and_an_example(name: str, capsys) -> None:
    parser = _commands()[name]
    assert parser.description and len(parser.description) > 30, f"'{name} --help' says too little of what it does"
    undocumented = [a.dest for a in parser._actions if not a.help]
    assert not undocumented, f"'{name}' arguments with no help: {undocumented}"
    with pytest.raises(SystemExit) as ex:
        main([name, "--help"])
    assert ex.value.code == 0
    shown = capsys.readouterr().out
    assert "examples:" in shown and f"ketaquiz {name}" in shown.split("examples:")[1]


def test_the_top_level_help_lists_every_command(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    assert all(name in shown for name in _commands())


@pytest.fixture
def data(tmp_path: Path) -> DataDir:
    d = DataDir(tmp_path / "data")
    (d.sets_dir / "mini").mkdir(parents=True)
    for name in ("mini.toml", "mini.md"):
        shutil.copy(FIXTURES / name, d.sets_dir / "mini" / name)
    return d


def test_sets_lists_each_set_with_its_question_counts(data: DataDir, capsys) -> None:
    assert main(["--data", str(data.root), "sets", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert set(rows) == {"ketamine", "mini"}
    bundled = read_set(bundled_questions_dir() / "ketamine" / "set.toml")
    assert rows["ketamine"]["bundled"] and rows["ketamine"]["total"] == len(bundled.questions) > 0
    mini = rows["mini"]
    assert not mini["bundled"] and mini["total"] == mini["new"] > 0 and mini["due"] == mini["learned"] == 0

    subprocess.run([sys.executable, "-m", "ketaquiz", "--data", str(data.root), "quiz", "--set", "mini", "--limit", "1"],
                   input="-\n", capture_output=True, text=True, check=True)  # one answer: I don't know
    assert main(["--data", str(data.root), "sets"]) == 0
    lines = capsys.readouterr().out.splitlines()
    mini_line = next(line for line in lines if line.startswith("mini "))
    # its learning step is a minute away: due now (the 20-minute learn-ahead, as a session started now takes it)
    assert f"{mini['total']} questions ({mini['total'] - 1} new, 1 due, 0 learned)" in mini_line
    assert any(line.startswith("ketamine ") and "[bundled]" in line for line in lines)


def test_quiz_on_an_empty_library_says_it_is_empty(data: DataDir, capsys) -> None:
    shutil.rmtree(data.sets_dir / "mini")
    main(["--data", str(data.root), "sets"])  # loads the course, which the learner then deletes
    store = Store(data.db_path())
    store.mark_set_deleted("ketamine")
    store.close()
    capsys.readouterr()
    assert main(["--data", str(data.root), "quiz"]) == 1
    err = capsys.readouterr().err
    assert "library is empty" in err and "ketaquiz import" in err and str(data.sets_dir) in err
    assert "Nothing to study right now" not in err
    assert main(["--data", str(data.root), "sets"]) == 0
    assert "library is empty" in capsys.readouterr().err
