"""The ``ketaquiz`` command line: the desktop app with no sub-command, and tools over the same core."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from . import cli_backups, cli_schedule
from .cli_parser import build_parser
from .core.backup import newest_good_backup
from .core.clock import utc_now
from .core.health import ProfileProblem, open_profile, readable_copy, restore_advice
from .core.library import DEFAULT_PROFILE, DataDir, load_library
from .core.plaintext import strip_controls
from .core.profiles import last_profile
from .core.question_types import kind_of
from .core.questions import Question, QuestionSet
from .core.setfile import SetFileError, find_set_files, read_set
from .core.store import Store, StoreError
from .terminal import make_streams_safe, quiet_broken_pipe

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A user-facing error: printed as ``ketaquiz: message``, exit status 2."""


def main(argv: Sequence[str] | None = None) -> int:
    make_streams_safe()
    try:
        return _main(argv)
    except BrokenPipeError:  # `ketaquiz quiz | head`: the reader has gone; what was answered is saved
        return quiet_broken_pipe()


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    data = DataDir.resolve(args.data)
    profile = args.profile or DEFAULT_PROFILE
    try:
        if args.command is None:
            return run_app(data, args.profile)
        if args.command == "check":
            return cmd_check(args.paths)
        if args.command == "generate":
            return cmd_generate(args)
        if args.command == "import":
            return cmd_import(args, data)
        if args.command == "install-desktop":
            return cmd_install_desktop(args.remove)
        profile = args.profile or last_profile(data)
        if args.command == "backup":
            return cli_backups.cmd_backup(data, profile, args)
        if args.command == "restore":
            return cli_backups.cmd_restore(data, profile, args)
        store = open_library(readable_copy(data, profile), profile)
        try:
            if args.command == "quiz":
                return cmd_quiz(store, args, sys.stdin, sys.stdout)
            if args.command == "export":
                return cmd_export(store, data, args)
            if args.command == "stats":
                return cmd_stats(store, args)
            if args.command == "sets":
                return cmd_sets(store, args)
            if args.command in ("suspend", "unsuspend"):
                return cmd_suspend(store, args)
            if args.command == "reschedule":
                return cli_schedule.cmd_reschedule(store, data, profile, args)
        finally:
            store.close()
    except ProfileProblem as e:  # the database as found on opening: what happened, and the backups
        print(f"ketaquiz: {e}", file=sys.stderr)
        return EXIT_PROBLEMS
    except (CliError, StoreError, SetFileError) as e:
        print(f"ketaquiz: {e}", file=sys.stderr)
        if isinstance(e, StoreError) and e.kind in ("damaged", "io"):  # a problem with the database, not the command
            print(restore_advice(data.backups_dir(profile), newest_good_backup(data.backups_dir(profile))), file=sys.stderr)
            return EXIT_PROBLEMS
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    parser.error(f"unknown command {args.command}")
    return EXIT_USAGE


def open_library(data: DataDir, profile: str = DEFAULT_PROFILE) -> Store:
    """Open the profile's store, checked as the app does (ProfileProblem), and load the bundled course and the
    user's sets into it."""
    store = open_profile(data, profile)
    if store.read_only:
        print(f"ketaquiz: {store.read_only}", file=sys.stderr)
    _results, problems = load_library(store, data)
    for prob in problems:
        print(f"ketaquiz: skipped a set: {strip_controls(prob.message)}", file=sys.stderr)
    return store


# --- the desktop app ----------------------------------------------------------
NO_DISPLAY_MESSAGE = """ketaquiz: no display found, so the desktop app cannot open.
  - Run it in a desktop session (one with $DISPLAY or $WAYLAND_DISPLAY set), or
  - run it on a virtual screen:  xvfb-run ketaquiz
  - or render without a screen:  QT_QPA_PLATFORM=offscreen ketaquiz
The command line works without a display: try 'ketaquiz quiz' or 'ketaquiz --help'."""


def has_display(env: dict[str, str] | None = None) -> bool:
    env = dict(os.environ) if env is None else env
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


def run_app(data: DataDir, profile: str | None) -> int:
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return EXIT_USAGE
    from .ui.app import run

    return run(data, profile)


# --- check ----------------------------------------------------------------------
def cmd_check(paths: list[str], out: IO[str] | None = None) -> int:
    """Print one line per problem (FILE:LINE: question ID: message); exit 1 when any."""
    from .core.check import check_path  # here: the app's start does not need the checks

    out = out or sys.stdout
    problems = 0
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            print(f"{p}:1: set: no such file or folder; check the path", file=out)
            problems += 1
            continue
        found = find_set_files([p])
        if p.is_dir() and not found:
            print(f"{p}:1: set: no set files (*.toml) in this folder", file=out)
            problems += 1
        files += found
    for f in files:
        for prob in check_path(f):
            print(strip_controls(str(prob)), file=out)
            problems += 1
    if problems:
        print(f"{problems} problem{'s' if problems != 1 else ''} in {len(files)} file{'s' if len(files) != 1 else ''}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"ok: {len(files)} file{'s' if len(files) != 1 else ''} checked", file=sys.stderr)
    return EXIT_OK


# --- install-desktop ------------------------------------------------------------
def cmd_install_desktop(remove: bool) -> int:
    from .desktop import DesktopFiles, install_desktop, remove_desktop

    if sys.platform in ("win32", "darwin"):
        raise CliError("install-desktop is for Linux desktops. On Windows, pin or make a shortcut to ketaquiz-gui.exe "
                       f"(in {Path(sys.executable).parent}); it opens the app with no console window.")
    files = DesktopFiles.for_user()
    paths = remove_desktop(files) if remove else install_desktop(files)
    for path in paths:
        print(f"{'removed' if remove else 'wrote'} {path}", file=sys.stderr)
    if remove:
        print("KetaQuiz is out of the applications menu." if paths else "Nothing to remove.")
    else:
        print("KetaQuiz is in your applications menu (log out and in again if it does not show yet).")
    return EXIT_OK


def gui_main() -> int:
    """The ``ketaquiz-gui`` script: the app with no console window beside it on Windows. There, pythonw has no
    standard output or error: what would be printed goes nowhere rather than failing."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - for the process's life
    return main()


# --- sets by id or path ---------------------------------------------------------
def resolve_set(store: Store, ref: str) -> QuestionSet:
    """A set by id (as loaded in the store) or by the path of its file."""
    p = Path(ref)
    if p.suffix == ".toml" or p.exists():
        if not p.exists():
            raise CliError(f"{ref}: no such set file")
        return read_set(p)
    info = store.set_info(ref)
    if info is None or not info.path:
        known = ", ".join(s.id for s in store.sets()) or "none"
        raise CliError(f"no set with id {ref!r} (known: {known}); give a set id or the path of a set file")
    return read_set(info.path)


# --- export ---------------------------------------------------------------------
def cmd_export(store: Store, data: DataDir, args: argparse.Namespace) -> int:
    from .core import exporters

    qset = resolve_set(store, args.set)
    if args.output:
        exporters.export_set(qset, args.format, Path(args.output))
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        if args.format in exporters.BINARY_FORMATS:
            raise CliError(f"--format {args.format} writes a binary file: give -o FILE")
        sys.stdout.write(exporters.export_text(qset, args.format))
        if media := exporters.media_files(qset):
            print(f"ketaquiz: the {len(media)} image and sound files the questions show are not in standard output: "
                  "give -o FILE to have them copied beside it", file=sys.stderr)
    return EXIT_OK


# --- import ---------------------------------------------------------------------
def cmd_import(args: argparse.Namespace, data: DataDir) -> int:
    from .core.importers import ImportError_, history_summary, import_file, load_imported

    try:
        result = import_file(Path(args.file), data, set_id=args.set_id)
    except ImportError_ as e:
        print(f"ketaquiz: {e}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"imported {result.count} questions into set {result.set_id!r} ({result.path})", file=sys.stderr)
    profile = args.profile or last_profile(data)
    try:  # loaded now, with the history an Anki package brings, into the profile's progress
        store = data.open_store(profile)
        try:
            load_imported(store, result)
        finally:
            store.close()
    except StoreError as e:
        print(f"warning: the set is saved, but profile {profile!r} could not load it now ({e}); "
              "it loads at the next start, without Anki's review history", file=sys.stderr)
    if result.reviews or result.suspended:
        print(f"brought your Anki history into profile {profile!r}: {history_summary(result)}", file=sys.stderr)
    for warning in result.warnings:  # what was skipped or changed: the app shows the same
        print(f"warning: {warning}", file=sys.stderr)
    return EXIT_OK


# --- stats ----------------------------------------------------------------------
def cmd_stats(store: Store, args: argparse.Namespace) -> int:
    from .core.stats import compute_stats

    st = compute_stats(store, utc_now(), set_id=args.set_id)
    if args.json:
        print(json.dumps(st.to_json(), indent=2, sort_keys=True))
        return EXIT_OK

    def pct(x: float | None) -> str:
        return "—" if x is None else f"{x:.0%}"

    print(f"Reviews: {st.reviews_total} in all, {st.reviews_today} today")
    print(f"Accuracy: {pct(st.accuracy)}   Retention (learned questions): {pct(st.retention)}")
    print(f"Due now: {st.due_now}   Due by end of tomorrow: {st.due_tomorrow}   New waiting: {st.new_remaining}")
    print(f"Streak: {st.streak_days} day{'s' if st.streak_days != 1 else ''}"
          + (f"   Suspended: {st.suspended}" if st.suspended else ""))
    if st.per_topic:
        print("Per topic:")
        for topic, ts in st.per_topic.items():
            print(f"  {topic:<16} {ts.reviews:>6} reviews  {pct(ts.accuracy):>5}")
    return EXIT_OK


# --- suspend ----------------------------------------------------------------------
def cmd_suspend(store: Store, args: argparse.Namespace) -> int:
    from .core.suspend import SuspendError, set_suspended, suspended_ids

    try:
        if args.qids:
            changed = set_suspended(store, args.set, args.qids, args.command == "suspend")
            verb = "suspended" if args.command == "suspend" else "unsuspended"
            print(f"{changed} question{'s' if changed != 1 else ''} {verb}"
                  + (f" ({len(args.qids) - changed} already were)" if changed < len(args.qids) else ""))
        ids = suspended_ids(store, args.set)
    except SuspendError as e:
        raise CliError(str(e)) from None
    print(f"Suspended in {args.set}: {', '.join(strip_controls(i) for i in ids)}" if ids
          else f"No question of {args.set} is suspended.")
    return EXIT_OK


# --- sets -----------------------------------------------------------------------
def cmd_sets(store: Store, args: argparse.Namespace) -> int:
    from .core.overview import set_summaries

    rows = set_summaries(store, utc_now())
    if args.json:
        print(json.dumps([r.to_json() for r in rows], indent=2))
        return EXIT_OK
    if not rows:
        print(EMPTY_LIBRARY, file=sys.stderr)
        return EXIT_OK
    width = max(len(r.id) for r in rows)
    for r in rows:
        where = "bundled" if r.bundled else r.path or ""
        print(f"{r.id:<{width}}  {r.total:>5} questions ({r.new} new, {r.due} due, {r.learned} learned)  "
              f"{r.topics} topic{'s' if r.topics != 1 else ''}  {r.title}  [{where}]")
    return EXIT_OK


EMPTY_LIBRARY = ("No question sets are loaded: the library is empty. Import one ('ketaquiz import FILE'), generate "
                 "one from an article ('ketaquiz generate ARTICLE'), or put a set file in your sets folder.")


# --- generate -------------------------------------------------------------------
def cmd_generate(args: argparse.Namespace) -> int:
    from .core.article import load_article
    from .core.generate import generate_set
    from .core.setfile import set_to_text, write_set

    src = Path(args.article)
    if not src.is_file():
        raise CliError(f"{src}: no such article file")
    try:
        article = load_article(src)
    except UnicodeDecodeError:
        raise CliError(f"{src}: not UTF-8 text; save the article as UTF-8") from None
    to_stdout = args.output == "-"
    out = None if to_stdout else Path(args.output) if args.output else src.with_suffix(".toml")
    if out is not None and out.exists() and not args.force:
        raise CliError(f"{out} exists; pass --force to overwrite it or -o to write elsewhere")
    # An article must sit in its set's folder (core/articlefile.py): written elsewhere, the set gets a copy.
    ref = src.name
    beside = out is None or src.resolve().parent == out.resolve().parent
    if out is not None and not beside and (out.parent / ref).exists() and (out.parent / ref).read_bytes() != src.read_bytes():
        raise CliError(f"{out.parent / ref} exists and is not {src}; the set's article must sit beside the set file: "
                       "write the set to another folder or move that file")
    set_id = args.set_id or _id_from_name(src.stem)
    from .core.ids import set_id_problem

    if problem := set_id_problem(set_id):
        raise CliError(f"--set-id: {problem}")
    qset, report = generate_set(article, set_id=set_id, title=args.title, article_ref=ref)
    if args.report:
        print(report.format(), file=sys.stderr)
    if out is None:
        sys.stdout.write(set_to_text(qset))
    else:
        if not beside and not (out.parent / src.name).exists():
            from .core.files import atomic_write

            atomic_write(out.parent / src.name, src.read_bytes())
            print(f"copied the article to {out.parent / src.name}", file=sys.stderr)
        write_set(qset, out)
        print(f"wrote {len(qset.questions)} questions to {out}", file=sys.stderr)
    if not qset.questions:
        # every draft failed a quality check (held-27's "Nation state"): say so, and where the reader can ask it anyway
        print("no draft passed the quality checks; --report shows why. In the app (New set from article…), the "
              "review step's section text (S) drafts a question on any sentence you pick.", file=sys.stderr)
    return EXIT_OK


def _id_from_name(name: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "set"


# --- quiz -----------------------------------------------------------------------
def cmd_quiz(store: Store, args: argparse.Namespace, stdin: IO[str], stdout: IO[str]) -> int:
    from .core.session import StudySession

    set_id = None
    if args.set_id:
        set_id = resolve_set(store, args.set_id).id
        if store.set_info(set_id) is None:
            raise CliError(f"set {set_id!r} is not loaded; put its file under {DataDir.resolve(args.data).sets_dir} or check it with 'ketaquiz check'")
    if args.topics and set_id:
        known = {t.id for t in store.topics(set_id)}
        unknown = [t for t in args.topics if t not in known]
        if unknown:
            raise CliError(f"unknown topic {', '.join(unknown)} in set {set_id}; topics: {', '.join(sorted(known))}")
    if args.limit is not None and args.limit < 1:
        raise CliError("--limit takes a whole number of at least 1")
    if not store.sets():
        print(f"{EMPTY_LIBRARY}\nSets folder: {DataDir.resolve(args.data).sets_dir}", file=sys.stderr)
        return EXIT_PROBLEMS
    session = StudySession(store, set_id=set_id, topics=args.topics, limit=args.limit)
    return run_terminal_quiz(session, stdin, stdout)


def _say(out: IO[str], text: str = "") -> None:
    out.write(strip_controls(text) + "\n")  # imported text is data: no escape sequence reaches the terminal
    out.flush()


def parse_response(question: Question, options: list[str], line: str) -> Any:
    """A typed line as a response for the session; raises ValueError with a hint when it is not valid."""
    return kind_of(question.type).parse_terminal(question, options, line.strip())


def run_terminal_quiz(session: Any, stdin: IO[str], stdout: IO[str]) -> int:
    """Drive a StudySession from lines of text; records each answer before showing the next."""
    if session.finished:
        _say(stdout, "Nothing to study right now: no questions are due and no new ones are left for today.")
        _print_summary(session, stdout)
        return EXIT_OK
    while not session.finished:
        pres = session.presentation
        q = pres.question
        done, total = session.progress
        _say(stdout, f"\n[{done + 1}/{total}] {q.topic} · {q.type}")
        _say(stdout, q.display_prompt())
        kind = kind_of(q.type)
        for text in kind.terminal_options(q, pres.options):
            _say(stdout, text)
        _say(stdout, kind.terminal_hint)
        while True:
            stdout.write("> ")
            stdout.flush()
            line = stdin.readline()
            if not line:
                session.close()
                _print_summary(session, stdout)
                return EXIT_OK
            if line.strip() == "-":
                response = None
                break
            try:
                response = parse_response(q, pres.options, line)
                break
            except ValueError as e:
                _say(stdout, f"  {e} (or '-' for I don't know)")
        fb = session.submit(response)
        if fb.grade.correct:
            _say(stdout, "✓ " + fb.grade.message + (f": {strip_controls(fb.grade.typo_note)}" if fb.grade.typo else ""))
        else:
            _say(stdout, f"✗ Wrong. The answer: {fb.grade.expected}")
        if q.explanation:
            _say(stdout, q.explanation)
        if q.source:
            _say(stdout, f"Source: “{q.source}”")
        session.advance()
    _print_summary(session, stdout)
    return EXIT_OK


def _print_summary(session: Any, out: IO[str]) -> None:
    s = session.summary()
    _say(out, "\n— Session summary —")
    if not s.answered:
        _say(out, "No answers this session.")
    else:
        _say(out, f"Score: {s.correct}/{s.answered} ({s.correct / s.answered:.0%})")
        for topic, ts in s.per_topic.items():
            _say(out, f"  {topic}: {ts.correct}/{ts.answered}")
    if s.next_due is not None:
        _say(out, f"Next question due: {s.next_due.astimezone().strftime('%Y-%m-%d %H:%M')}")
    _say(out, f"Due by the end of tomorrow: {s.due_tomorrow}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
