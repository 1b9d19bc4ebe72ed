"""The ``ketaquiz`` command line's arguments: the sub-commands, their options, and the help with examples."""

from __future__ import annotations

import argparse
from typing import Any

from . import __version__, cli_backups, cli_schedule
from .core.library import DEFAULT_PROFILE, validate_profile_name


def _profile(value: str) -> str:
    try:
        return validate_profile_name(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _data_dir(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("an empty path is not a data directory: give a folder, or leave --data out "
                                         "for the default one")
    return value


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="ketaquiz",
        description="Turn an article into a spaced-repetition course. With no command, opens the desktop app.",
    )
    p.add_argument("--version", action="version", version=f"ketaquiz {__version__}")
    p.add_argument("--data", metavar="DIR", type=_data_dir, help="data directory (default: $KETAQUIZ_DATA or the platform's user data dir)")
    p.add_argument("--profile", metavar="NAME", type=_profile, default=None,
                   help=f"learner profile (default: {DEFAULT_PROFILE!r} or the last one used in the app)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND",
                           description="Run 'ketaquiz COMMAND --help' for a command's options and examples.")

    _study_commands(sub)
    _set_commands(sub)
    _tool_commands(sub)
    cli_backups.add_commands(sub, _command)
    cli_schedule.add_commands(sub, _command)
    return p


def _study_commands(sub: Any) -> None:
    """quiz, check, export, stats."""
    q = _command(sub, "quiz", "study in the terminal (answers read from stdin)",
                 "Study the questions due now, then new ones, in the terminal: the same queue and progress as the "
                 "app. Each question is printed with numbered options; type one line per answer ('-' for I don't "
                 "know). Piped input works.",
                 ["ketaquiz quiz", "ketaquiz quiz --set ketamine --topic risks --limit 10",
                  "printf '1\\n2\\n' | ketaquiz quiz --limit 2"])
    q.add_argument("--set", dest="set_id", metavar="ID", help="only this set (id or set file path)")
    q.add_argument("--topic", dest="topics", metavar="T", nargs="+", action="extend", help="only these topics")
    q.add_argument("--limit", type=int, metavar="N", help="stop after N answers")

    c = _command(sub, "check", "validate set files or folders of them",
                 "Check set files as the app does before loading them. One line per problem "
                 "(FILE:LINE: question ID: message); exit status 1 when there is any, 0 when clean.",
                 ["ketaquiz check my-set.toml", "ketaquiz check ~/sets/"])
    c.add_argument("paths", nargs="+", metavar="PATH", help="a set file (.toml) or a folder searched for them")

    e = _command(sub, "export", "export a set",
                 "Write a set as KetaQuiz JSON, CSV (one question a row) or an Anki package (.apkg).",
                 ["ketaquiz export ketamine --format json > ketamine.json",
                  "ketaquiz export ketamine --format apkg -o ketamine.apkg"])
    e.add_argument("set", metavar="SET", help="set id (see 'ketaquiz sets') or set file path")
    e.add_argument("--format", default="json", choices=export_formats(), help="output format (default json)")
    e.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")

    s = _command(sub, "stats", "your scores",
                 "Reviews, accuracy overall and per topic, questions due now and tomorrow, streak and retention.",
                 ["ketaquiz stats", "ketaquiz stats --set ketamine --json"])
    s.add_argument("--json", action="store_true", help="one JSON object")
    s.add_argument("--set", dest="set_id", metavar="ID", help="only this set")


def _set_commands(sub: Any) -> None:
    """sets, generate, import, suspend, unsuspend."""
    ls = _command(sub, "sets", "list the question sets with their question counts",
                  "Every loaded set: its id, question count (new, due now, learned), topics, title and file. "
                  "Sets that could not be loaded are named on standard error with the reason.",
                  ["ketaquiz sets", "ketaquiz sets --json"])
    ls.add_argument("--json", action="store_true", help="one JSON list")

    g = _command(sub, "generate", "generate a question set from an article (.md or .txt)",
                 "Draw questions from an article's sentences, one topic per section, and write them as a set file "
                 "to review and edit.",
                 ["ketaquiz generate article.md", "ketaquiz generate notes.txt -o notes.toml --title 'My notes'"])
    g.add_argument("article", metavar="ARTICLE", help="the article: Markdown (.md) or plain text, UTF-8")
    g.add_argument("-o", "--output", metavar="OUT", help="set file to write (default: beside the article, .toml; '-' for stdout)")
    g.add_argument("--set-id", metavar="ID", help="set id (default: from the file name)")
    g.add_argument("--title", metavar="T", help="set title (default: the article's title)")
    g.add_argument("--report", action="store_true", help="print to stderr, per section, its questions with the checks each passed or tripped, the key terms no question asks, and what is not covered")
    g.add_argument("--force", action="store_true", help="overwrite OUT if it exists")

    i = _command(sub, "import", "import a CSV/TSV (Anki text export), Anki .apkg/.colpkg or KetaQuiz JSON file as a set",
                 "Import a file as a new set in your data directory's sets folder. All or nothing: a file with "
                 "problems imports nothing and says why.",
                 ["ketaquiz import deck.apkg", "ketaquiz import cards.csv --set spanish-verbs"])
    i.add_argument("file", metavar="FILE", help="a .csv, .tsv/.txt, .apkg, .colpkg or .json file")
    i.add_argument("--set", dest="set_id", metavar="ID", help="id of the new set (default: from the file name)")

    for verb, what in (("suspend", "keep questions out of study until unsuspended (progress kept)"),
                       ("unsuspend", "put suspended questions back in the queue")):
        sp = _command(sub, verb, what,
                      f"{what[0].upper()}{what[1:]}. Question ids are those of the set file (the Sets page shows "
                      "them). With no question id, lists the set's suspended questions.",
                      [f"ketaquiz {verb} ketamine q-12 q-40", "ketaquiz suspend ketamine"])
        sp.add_argument("set", metavar="SET", help="set id (see 'ketaquiz sets')")
        sp.add_argument("qids", nargs="*", metavar="QID", help="question ids")


def _tool_commands(sub: Any) -> None:
    """install-desktop."""
    d = _command(sub, "install-desktop", "add KetaQuiz to your desktop's applications menu (Linux)",
                 "Install a desktop entry and the icon for this user (under $XDG_DATA_HOME, else ~/.local/share), "
                 "starting this installation of KetaQuiz. Run it again after moving the venv.",
                 ["ketaquiz install-desktop", "ketaquiz install-desktop --remove"])
    d.add_argument("--remove", action="store_true", help="take the entry and the icon out again")


def _command(sub: Any, name: str, summary: str, description: str, examples: list[str]) -> argparse.ArgumentParser:
    """A sub-command whose --help gives what it does and examples."""
    return sub.add_parser(name, help=summary, description=description,
                          epilog="examples:\n" + "\n".join(f"  {x}" for x in examples),
                          formatter_class=argparse.RawDescriptionHelpFormatter)


def export_formats() -> list[str]:
    from .core import exporters

    return sorted(exporters.FORMATS)
