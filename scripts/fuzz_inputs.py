"""Fuzz the input doors: mutated set files, JSON and CSV imports through the real entry points.

Prints, per input kind, how many mutated cases were accepted, refused with a proper message (naming the
file, and the line, question or row where one applies), refused with a message that does not name the
file, ended in a traceback (any exception but the project's own error types), or hung (over the time
limit). The target is 0 tracebacks, 0 hangs and 0 bad messages. tests/test_fuzz_inputs.py runs the same
cases (fewer, through hypothesis).

    .venv/bin/python scripts/fuzz_inputs.py [--cases N] [--seed S] [--show K]

Kinds: ``check`` (ketaquiz check on a mutated bundled set file), ``export`` (reading it and writing JSON and
CSV, as ``ketaquiz export FILE`` does), ``quiz`` (loading it as the library does and answering it in the
terminal quiz), ``json`` and ``csv`` (importing a mutated export of the bundled set).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COURSE = ROOT / "questions" / "ketamine"
TIME_LIMIT_S = 10.0

# --- mutations ----------------------------------------------------------------------------
TOML_VALUES = [
    '"{{ }}"', '"{{ | }}"', '"a {{ }} b {{x}}"', "1979-05-27T07:32:00Z", "1979-05-27", "07:32:00", "9" * 30,
    "9" * 5000, "[" * 3000 + "]" * 3000, "{ a = 1 }", "[[1], [2]]", "[1979-05-27]", "inf", "nan", "true", '""',
    '"\\u001b]0;pwned\\u0007\\u001b[2J"', "\"<img src='/dev/zero'>\"", '"../../somewhere"', "[]", '"x"',
    "'''a\n[[questions]]\nb'''", '"""multi\nline"""', '"' + "w " * 50_000 + '"', "-0", "0x10", "[{}]",
]
TOML_TOKENS = ["[", "]", "{", "}", '"', "'", "=", "\n", "#", ",", ".", "\\", "[[questions]]\n", '"""', "'''",
               "\x00", "\x1b", "é", "{{", "}}", "|", "[[topics]]\n", "id = ", " = 1\n"]
TOML_HEADERS = ['[["questions"]]', "[[ 'questions' ]]", "[questions]", "[[questions.x]]", "[[topics]]", "[[q]]"]
ARTICLES = ['"fifo"', '"zero"', '"/dev/zero"', '"../../../../etc/hostname"', '"article.txt"', '"big.txt"',
            '"missing.txt"', '"."', '""', '"latin1.txt"']
JSON_RAW = ["[" * 100_000 + "]" * 100_000, "7" * 5000, "1e999", "-0", '"{{ }}"', '"{{ | }}"', "null", "true", "{}",
            '{"a": [1, {"b": []}]}', "[[\"a\"], \"b\"]", '"\\u001b]0;pwned\\u0007"', "\"<img src='/dev/zero'>\"",
            '"../../x"', '""', "12", "1.5", '["a", "b", "c"]', '"a\\nb"', '"\\ud800"']
JSON_KEYS = ["id", "topic", "type", "prompt", "answer", "choices", "accept", "items", "explanation", "source",
             "tags", "origin"]
JSON_TYPES = ['"choice"', '"multi"', '"truefalse"', '"cloze"', '"short"', '"order"', '"essay"', "1", "null"]
CSV_TOKENS = [",", '"', "\n", "\t", ";", "|", "\\|", "\x00", "\x1b[2J", "{{ }}", "<img src=x>", "é", "\r"]
CSV_HEADERS = ["#separator:Tab\n", "#separator:nonsense\n", "#html:maybe\n", "#html:true\n", "#columns:a,b\n",
               "#columns:prompt\n", "#tags column:0\n", "#tags column:99\n", "#notetype column:x\n",
               "#deck:<b>Deck</b>\n", "#separator:Pipe\n"]
CSV_CELLS = ["truefalse", "cloze", "multi", "order", "essay", "{{ }}", "{{ | }}", "a | b | c", "x" * 200_000,
             "<script>alert(1)</script>", "\x1b]0;pwned\x07", "../../x", "", " ", "maybe", "q1", "9" * 5000]


def _splice(data: bytes, rng: random.Random, piece: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + piece + data[at:]


def _delete(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(max(1, len(data)))
    return data[:at] + data[at + rng.randint(1, 20):]


def _insert_token(text: str, rng: random.Random, tokens: list[str], done: list[str]) -> str:
    token = rng.choice(tokens)
    at = rng.randrange(len(text) + 1)
    done.append(f"token:{token!r}")
    return text[:at] + token + text[at:]


def _lines(data: bytes, rng: random.Random, op: str) -> bytes:
    lines = data.split(b"\n")
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    if op == "dup":
        lines.insert(i, lines[j])
    else:
        lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def _bytes_op(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    op = rng.choice(["delete", "dup", "swap", "bad-utf8"])
    if op == "delete":
        return _delete(data, rng), op
    if op == "bad-utf8":
        return _splice(data, rng, rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00"])), op
    return _lines(data, rng, op), op


def mutate_toml(base: str, rng: random.Random, n: int) -> tuple[bytes, list[str]]:
    text, done = base, []
    data: bytes | None = None
    for _ in range(n):
        op = rng.choice(["value", "value", "value", "token", "header", "article", "bytes"])
        if op == "value":
            sites = [m.end() for m in re.finditer(r"^\w+ = ", text, re.M)]
            at = rng.choice(sites)
            end = text.find("\n", at)
            value = rng.choice(TOML_VALUES)
            text = text[:at] + value + text[end:]
            done.append(f"value:{value[:24]!r}@{text.count(chr(10), 0, at) + 1}")
        elif op == "token":
            text = _insert_token(text, rng, TOML_TOKENS, done)
        elif op == "header":
            header = rng.choice(TOML_HEADERS)
            starts = [m.start() for m in re.finditer(r"^\[\[questions\]\]", text, re.M)]
            if starts:
                at = rng.choice(starts)
                text = text[:at] + header + text[at + len("[[questions]]"):]
            done.append(f"header:{header}")
        elif op == "article":
            article = rng.choice(ARTICLES)
            text = re.sub(r"^article = .*$", lambda _m, a=article: f"article = {a}", text, count=1, flags=re.M)
            done.append(f"article:{article}")
        else:
            raw, what = _bytes_op(text.encode("utf-8"), rng)
            data = raw
            text = raw.decode("utf-8", "replace")
            done.append(what)
    return (data if data is not None and done[-1] in ("delete", "dup", "swap", "bad-utf8") else text.encode("utf-8")), done


def _json_base() -> list[dict]:
    from ketaquiz.core.exporters import to_json
    from ketaquiz.core.setfile import read_set

    return json.loads(to_json(read_set(COURSE / "set.toml")))


def mutate_json(base: list[dict], rng: random.Random, n: int) -> tuple[bytes, list[str]]:
    doc: object = json.loads(json.dumps(base))
    raws: dict[str, str] = {}
    done: list[str] = []
    byte_ops = []
    for k in range(n):
        op = rng.choice(["value", "value", "value", "type", "drop", "wrap", "bytes"])
        questions = doc if isinstance(doc, list) else doc["questions"]  # type: ignore[index]
        q = rng.choice(questions) if questions else None
        if op == "value" and q is not None:
            key, raw = rng.choice(JSON_KEYS), rng.choice(JSON_RAW)
            marker = f"@@RAW{k}@@"
            q[key], raws[marker] = marker, raw
            done.append(f"{key}={raw[:20]!r}")
        elif op == "type" and q is not None:
            marker = f"@@RAW{k}@@"
            q["type"], raws[marker] = marker, rng.choice(JSON_TYPES)
            done.append(f"type={raws[marker]}")
        elif op == "drop" and q is not None and q:
            key = rng.choice(list(q))
            del q[key]
            done.append(f"drop:{key}")
        elif op == "wrap" and isinstance(doc, list):
            marker = f"@@RAW{k}@@"
            raws[marker] = rng.choice(JSON_RAW)
            doc = {"title": marker, "topics": [{"id": "t", "title": "<b>T</b>"}, marker], "questions": doc}
            done.append(f"wrap:{raws[marker][:20]!r}")
        else:
            byte_ops.append(None)
    text = json.dumps(doc, ensure_ascii=False)
    for marker, raw in raws.items():
        text = text.replace(f'"{marker}"', raw)
    data = text.encode("utf-8", "surrogatepass")
    for _ in byte_ops:
        data, what = _bytes_op(data, rng)
        done.append(what)
    return data, done


def _csv_base() -> str:
    from ketaquiz.core.exporters import to_csv
    from ketaquiz.core.setfile import read_set

    return to_csv(read_set(COURSE / "set.toml"))


def mutate_csv(base: str, rng: random.Random, n: int) -> tuple[bytes, list[str]]:
    text, done = base, []
    data: bytes | None = None
    for _ in range(n):
        op = rng.choice(["cell", "cell", "token", "header", "bytes"])
        if op == "cell":
            lines = text.split("\n")
            i = rng.randrange(len(lines))
            cells = lines[i].split(",")
            j = rng.randrange(len(cells))
            cell = rng.choice(CSV_CELLS)
            cells[j] = '"' + cell.replace('"', '""') + '"' if rng.random() < 0.5 else cell
            lines[i] = ",".join(cells)
            text = "\n".join(lines)
            done.append(f"cell:{cell[:20]!r}@{i + 1}")
        elif op == "token":
            text = _insert_token(text, rng, CSV_TOKENS, done)
        elif op == "header":
            header = rng.choice(CSV_HEADERS)
            text = header + text if rng.random() < 0.5 else text.replace("#html:false\n", header, 1)
            done.append(f"header:{header.strip()}")
        else:
            data, what = _bytes_op(text.encode("utf-8"), rng)
            text = data.decode("utf-8", "replace")
            done.append(what)
    return (data if data is not None and done[-1] in ("delete", "dup", "swap", "bad-utf8") else text.encode("utf-8")), done


# --- running a case -----------------------------------------------------------------------
class Hang(Exception):
    """A case ran over the time limit."""


@dataclass
class Outcome:
    kind: str  # accepted | refused | bad-message | traceback | hang
    detail: str = ""


def _expected_errors() -> tuple[type[BaseException], ...]:
    from ketaquiz.core.importers import ImportError_
    from ketaquiz.core.setfile import SetFileError
    from ketaquiz.core.store import StoreError

    return (ImportError_, SetFileError, StoreError)


def set_folder(tmp: Path, payload: bytes) -> Path:
    """A set folder like a user's: the mutated set file, its article, and the hostile files a mutation may name."""
    folder = tmp / "set"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copy(COURSE / "article.txt", folder / "article.txt")
    (folder / "big.txt").write_bytes(b"x" * (6 * 2**20))
    (folder / "latin1.txt").write_bytes("R\xe9publique".encode("latin-1"))
    os.mkfifo(folder / "fifo")
    (folder / "zero").symlink_to("/dev/zero")
    path = folder / "set.toml"
    path.write_bytes(payload)
    return path


def run_check(path: Path) -> Outcome:
    from ketaquiz.cli import cmd_check

    out = io.StringIO()
    with contextlib.redirect_stderr(io.StringIO()):  # (its "N problems in 1 file" line)
        rc = cmd_check([str(path)], out=out)
    lines = out.getvalue().splitlines()
    bad = [ln for ln in lines if not re.match(re.escape(str(path)) + r":\d+: ", ln)]
    if bad:
        return Outcome("bad-message", bad[0][:200])
    return Outcome("accepted" if rc == 0 else "refused")


def run_export(path: Path) -> Outcome:
    from ketaquiz.core import exporters
    from ketaquiz.core.setfile import SetFileError, read_set

    try:
        qset = read_set(path)
    except SetFileError as e:
        return Outcome("refused") if str(e).startswith(f"{path}:") else Outcome("bad-message", str(e)[:200])
    for fmt in ("json", "csv"):
        exporters.export_text(qset, fmt)
    return Outcome("accepted")


def run_quiz(path: Path) -> Outcome:
    from ketaquiz.cli import run_terminal_quiz
    from ketaquiz.core.library import read_and_check
    from ketaquiz.core.session import StudySession
    from ketaquiz.core.store import Store

    qset, message = read_and_check(path)
    if message:
        return Outcome("refused") if message.startswith(f"{path}:") else Outcome("bad-message", message[:200])
    assert qset is not None
    store = Store(":memory:")
    try:
        store.sync_set(qset)
        session = StudySession(store, set_id=qset.id, limit=4)
        out = io.StringIO()
        run_terminal_quiz(session, io.StringIO("1\n-\n1 2\nx\n" * 4), out)
        if re.search("[\x00-\x08\x0b-\x1f\x7f]", out.getvalue()):
            return Outcome("bad-message", "control characters printed by quiz")
    finally:
        store.close()
    return Outcome("accepted")


def run_import(path: Path) -> Outcome:
    from ketaquiz.core.importers import ImportError_, read_import

    try:
        read_import(path)
    except ImportError_ as e:
        return Outcome("refused") if str(e).startswith(f"{path}:") else Outcome("bad-message", str(e)[:200])
    return Outcome("accepted")


KINDS: dict[str, tuple[str, Callable[[Path], Outcome]]] = {
    "check": ("toml", run_check), "export": ("toml", run_export), "quiz": ("toml", run_quiz),
    "json": ("json", run_import), "csv": ("csv", run_import),
}


def _on_alarm(_signum: int, _frame: object) -> None:
    raise Hang(f"over {TIME_LIMIT_S:.0f} s")


def run_case(kind: str, payload: bytes, tmp: Path) -> Outcome:
    """Run one mutated input through the entry point of `kind`; never raises."""
    fmt, runner = KINDS[kind]
    if fmt == "toml":
        path = set_folder(tmp, payload)
    else:
        path = tmp / f"deck.{fmt}"
        path.write_bytes(payload)
    old = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT_S)
    try:
        return runner(path)
    except Hang as e:
        return Outcome("hang", str(e))
    except _expected_errors() as e:  # the project's own errors: fine when they name the file
        return Outcome("refused") if str(path) in str(e) else Outcome("bad-message", str(e)[:200])
    except BaseException as e:  # noqa: BLE001 - this is what the fuzzing looks for
        if isinstance(e, KeyboardInterrupt):
            raise
        tb = traceback.extract_tb(e.__traceback__)
        where = next((f"{Path(f.filename).name}:{f.lineno}" for f in reversed(tb) if "ketaquiz" in f.filename), "?")
        return Outcome("traceback", f"{type(e).__name__} at {where}: {str(e)[:120]}")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def make_case(kind: str, rng: random.Random, bases: dict[str, object]) -> tuple[bytes, list[str]]:
    n = rng.randint(1, 3)
    fmt = KINDS[kind][0]
    if fmt == "toml":
        return mutate_toml(bases["toml"], rng, n)  # type: ignore[arg-type]
    if fmt == "json":
        return mutate_json(bases["json"], rng, n)  # type: ignore[arg-type]
    return mutate_csv(bases["csv"], rng, n)  # type: ignore[arg-type]


def bases() -> dict[str, object]:
    return {"toml": (COURSE / "set.toml").read_text(encoding="utf-8"), "json": _json_base(), "csv": _csv_base()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=220, help="cases per kind (default 220: 1,100 in all)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--show", type=int, default=3, help="failures shown per kind")
    ap.add_argument("--kinds", nargs="+", default=list(KINDS), choices=list(KINDS))
    args = ap.parse_args(argv)
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (4 * 2**30, 4 * 2**30))  # /dev/zero read whole: a MemoryError, not a dead machine
    except (ImportError, ValueError, OSError):
        pass
    b = bases()
    total: Counter[str] = Counter()
    print(f"{'kind':<8}{'cases':>7}{'accepted':>10}{'refused':>9}{'bad msg':>9}{'traceback':>11}{'hang':>6}   seconds")
    shown: list[str] = []
    with tempfile.TemporaryDirectory(prefix="ketaquiz-fuzz-") as tmp:
        for kind in args.kinds:
            rng = random.Random(f"{args.seed}:{kind}")
            counts: Counter[str] = Counter()
            start = time.perf_counter()
            for i in range(args.cases):
                payload, ops = make_case(kind, rng, b)
                outcome = run_case(kind, payload, Path(tmp))
                counts[outcome.kind] += 1
                if outcome.kind in ("traceback", "hang", "bad-message") and counts[outcome.kind] <= args.show:
                    shown.append(f"  {kind} #{i} [{', '.join(ops)}]: {outcome.kind}: {outcome.detail}")
            total.update(counts)
            print(f"{kind:<8}{args.cases:>7}{counts['accepted']:>10}{counts['refused']:>9}{counts['bad-message']:>9}"
                  f"{counts['traceback']:>11}{counts['hang']:>6}   {time.perf_counter() - start:7.1f}")
    cases = args.cases * len(args.kinds)
    print(f"{'all':<8}{cases:>7}{total['accepted']:>10}{total['refused']:>9}{total['bad-message']:>9}"
          f"{total['traceback']:>11}{total['hang']:>6}")
    if shown:
        print("\nfirst failures per kind:")
        print("\n".join(shown))
    return 1 if total["traceback"] or total["hang"] or total["bad-message"] else 0


if __name__ == "__main__":
    sys.exit(main())
