"""Figures for storage trust (issue 14): SIGKILL rounds (terminal quiz and desktop app), two programs at once,
and each storage fault with what the user saw. Every scenario drives the real command line (``python -m ketaquiz``)
or the real app (offscreen, in a child process) in a throwaway data directory.

    python benchmarks/storage_faults.py [--rounds 40] [--app-rounds 20] [--corruptions 40] [--seed 1] [--json]

Prints, per scenario, the figure and the first line the user was shown. The disk-full and read-only scenarios
mount a small tmpfs / a read-only bind mount, which needs root; without it they are reported as skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ketaquiz.core.library import DataDir  # noqa: E402

PY = sys.executable
ENV = {k: v for k, v in os.environ.items() if k != "KETAQUIZ_DATA"}


def ketaquiz(data: Path | str, *args: str, stdin: str = "", timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PY, "-m", "ketaquiz", "--data", str(data), *args], input=stdin, capture_output=True,
                          text=True, timeout=timeout, env=ENV)


def first_line(run: subprocess.CompletedProcess[str]) -> str:
    """What the user read first on standard error (or standard output when that was all)."""
    text = (run.stderr.strip() or run.stdout.strip()).splitlines()
    if "Traceback" in run.stderr:
        return "Traceback: " + text[-1]
    return next((line for line in text if not line.startswith("usage:")), "(nothing)")


def count(db: Path, sql: str = "SELECT COUNT(*) FROM reviews") -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


# --- SIGKILL --------------------------------------------------------------------------------------------------
def sigkill_rounds(root: Path, rounds: int, rng: random.Random) -> dict[str, object]:
    """Kill `ketaquiz quiz` at a random moment while it answers; count acknowledged answers missing afterwards."""
    data = root / "kill"
    lost = bad = 0
    for _ in range(rounds):
        before = count(DataDir(data).db_path()) if DataDir(data).db_path().exists() else 0
        proc = subprocess.Popen([PY, "-u", "-m", "ketaquiz", "--data", str(data), "quiz"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV)
        acked, buf, deadline = 0, b"", time.monotonic() + rng.uniform(0.8, 2.5)
        assert proc.stdin is not None and proc.stdout is not None
        fd = proc.stdout.fileno()
        while time.monotonic() < deadline and proc.poll() is None:
            ready, _, _ = select.select([fd], [], [], 0.01)
            if ready:
                chunk = os.read(fd, 65536)
                buf += chunk
                acked = buf.count("✗ Wrong".encode())  # printed after the answer is committed
                if chunk.endswith(b"> "):
                    try:
                        proc.stdin.write(b"-\n")
                        proc.stdin.flush()
                    except BrokenPipeError:
                        break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        db = DataDir(data).db_path()
        if not db.exists():
            continue
        lost += max(0, before + acked - count(db))
        bad += integrity(db) != "ok"
    return {"rounds": rounds, "acknowledged_answers_lost": lost, "integrity_failures": bad}


def app_driver(data: str) -> int:
    """Run in a child process: the real app (offscreen), studying with "I don't know" as fast as it can. "ACK" is
    printed once an answer's feedback is on screen, i.e. after the store committed it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer

    from ketaquiz.ui.app import launch
    from ketaquiz.ui.context import StudyRequest

    started = launch(DataDir(Path(data)))
    if isinstance(started, int):
        return started
    window = started.window
    window.ctx.study_requested.emit(StudyRequest(extra_new=1000))
    study = window.page("study")

    def step() -> None:
        if getattr(study, "feedback", None) is not None:
            study.next_question()
        elif getattr(study, "qwidget", None) is not None and study.dont_know() is not None:
            print("ACK", flush=True)

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(5)
    return int(started.app.exec())


def app_sigkill_rounds(root: Path, rounds: int, rng: random.Random) -> dict[str, object]:
    """Kill the app at a random moment while it answers (a fresh profile each round); acknowledged answers lost."""
    lost = bad = acked_total = 0
    env = {**ENV, "QT_QPA_PLATFORM": "offscreen"}
    for i in range(rounds):
        data = root / f"app-kill-{i}"
        proc = subprocess.Popen([PY, "-u", __file__, "--app-driver", str(data)], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, env=env)
        assert proc.stdout is not None
        fd, acked, deadline = proc.stdout.fileno(), 0, None
        give_up = time.monotonic() + 60  # the app never answered: kill it anyway
        while proc.poll() is None and time.monotonic() < give_up:
            ready, _, _ = select.select([fd], [], [], 0.01)
            if ready:
                acked += os.read(fd, 65536).count(b"ACK")
                if deadline is None:
                    deadline = time.monotonic() + rng.uniform(0.05, 1.5)  # from the first answer on
            if deadline is not None and time.monotonic() > deadline:
                break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        db = DataDir(data).db_path()
        acked_total += acked
        if not db.exists():
            lost += acked
            continue
        lost += max(0, acked - count(db))
        bad += integrity(db) != "ok"
    return {"rounds": rounds, "acknowledged_answers": acked_total, "acknowledged_answers_lost": lost,
            "integrity_failures": bad}


# --- two programs at once -------------------------------------------------------------------------------------
def rerating_while_quiz_answers(root: Path, seconds: float) -> dict[str, object]:
    """The app's Unsure/Easy re-rating (a StudySession in this process) while a terminal quiz answers."""
    from ketaquiz.core.library import load_library
    from ketaquiz.core.scheduling import Settings
    from ketaquiz.core.session import StudySession
    from ketaquiz.core.store import StoreError

    data = DataDir(root / "two")
    store = data.open_store()
    load_library(store, data)
    store.save_settings(Settings(new_per_day=9999, fuzz=False))  # both programs keep finding questions
    stop = threading.Event()

    def terminal() -> None:  # one long terminal session answering as fast as it can ("I don't know": all come back)
        while not stop.is_set():
            proc = subprocess.Popen([PY, "-m", "ketaquiz", "--data", str(data.root), "quiz"], stdin=subprocess.PIPE,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
            assert proc.stdin is not None
            try:
                while not stop.is_set() and proc.poll() is None:
                    proc.stdin.write(b"-\n" * 50)
                    proc.stdin.flush()
            except BrokenPipeError:
                pass
            proc.kill()
            proc.wait()

    t = threading.Thread(target=terminal)
    t.start()
    ok = failed = 0
    first_error = ""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        s = StudySession(store)
        while not s.finished and time.monotonic() < end:
            q = s.current
            answer = {"short": q.answer, "choice": q.answer, "truefalse": q.answer}.get(q.type, getattr(q, "correct_answer", None))
            try:
                fb = s.submit(answer)
            except StoreError as e:
                failed += 1
                first_error = first_error or str(e)
                break
            for i in range(50 if fb.correct else 0):  # the learner toggles Unsure / Easy on the answer
                try:
                    s.mark("easy" if i % 2 else "unsure")
                    ok += 1
                except (StoreError, sqlite3.Error) as e:
                    failed += 1
                    first_error = first_error or f"{type(e).__name__}: {e}"
            s.advance()
    stop.set()
    t.join()
    store.close()
    return {"rerates": ok, "rerates_failed": failed, "first_error": first_error or "-"}


def three_first_starts(root: Path, rounds: int) -> dict[str, object]:
    failures = 0
    for i in range(rounds):
        data = root / f"first{i}"
        procs = [subprocess.Popen([PY, "-m", "ketaquiz", "--data", str(data), "stats", "--json"], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True, env=ENV) for _ in range(3)]
        failures += sum(p.wait() != 0 for p in procs)
        for p in procs:
            assert p.stderr is not None
            p.stderr.close()
    return {"rounds": rounds, "starts_failed": failures}


# --- storage faults -------------------------------------------------------------------------------------------
def studied(root: Path, name: str, answers: int = 3) -> DataDir:
    data = DataDir(root / name)
    ketaquiz(data.root, "quiz", "--limit", str(answers), stdin="-\n" * answers)
    ketaquiz(data.root, "backup")
    return data


def drop_db(data: DataDir) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{data.db_path()}{suffix}").unlink(missing_ok=True)


def corruptions(root: Path, n: int, rng: random.Random) -> dict[str, object]:
    """Random damage to a studied database (bytes overwritten, a page zeroed, the file cut short); then `stats`."""
    base = studied(root, "corrupt-base", 5)
    ketaquiz(base.root, "stats")  # checkpointed and closed
    outcome = {"traceback": 0, "message": 0, "ran_on_damaged": 0, "ran_unharmed": 0}
    for i in range(n):
        data = DataDir(root / f"corrupt{i}")
        shutil.copytree(base.root, data.root)
        raw = bytearray(data.db_path().read_bytes())
        kind = rng.choice(["bytes", "page", "truncate"])
        if kind == "bytes":
            at = rng.randrange(0, len(raw) - 64)
            raw[at:at + rng.randint(1, 64)] = os.urandom(64)[: rng.randint(1, 64)]
        elif kind == "page":
            page = rng.randrange(0, len(raw) // 4096)
            raw[page * 4096:(page + 1) * 4096] = b"\0" * 4096
        else:
            raw = raw[: rng.randrange(0, len(raw))]
        data.db_path().write_bytes(bytes(raw))
        run = ketaquiz(data.root, "stats")
        if "Traceback" in run.stderr:
            outcome["traceback"] += 1
        elif run.returncode != 0:
            outcome["message"] += 1
        else:
            damaged = False
            try:
                damaged = integrity(data.db_path()) != "ok"
            except sqlite3.DatabaseError:
                damaged = True
            outcome["ran_on_damaged" if damaged else "ran_unharmed"] += 1
        shutil.rmtree(data.root)
    return {"corruptions": n, **outcome}


def mount(*args: str) -> bool:
    return os.geteuid() == 0 and subprocess.run(["mount", *args], capture_output=True).returncode == 0


def disk_full(root: Path) -> dict[str, object]:
    disk = root / "disk"
    disk.mkdir()
    if not mount("-t", "tmpfs", "-o", "size=6m", "tmpfs", str(disk)):
        return {"skipped": "mounting a tmpfs needs root"}
    try:
        data = studied(disk, "data", 1)
        (disk / "reserve").write_bytes(b"\0" * 160 * 1024)
        with open(disk / "filler", "wb", buffering=0) as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
            except OSError:
                pass
        (disk / "reserve").unlink()
        quiz = ketaquiz(data.root, "quiz", stdin="-\n" * 100)
        acked = quiz.stdout.count("✗ Wrong")
        stats = ketaquiz(data.root, "stats")
        src = root / "deck.csv"
        src.write_text("".join(f"Question {i} about something long enough?;Answer {i}\n" for i in range(3000)), encoding="utf-8")
        imp = ketaquiz(data.root, "import", str(src))
        left = (data.sets_dir / "deck").exists()
        (disk / "filler").unlink()
        lost = 1 + acked - count(data.db_path())
        return {"answers_acknowledged_before_full": acked, "acknowledged_lost": lost,
                "quiz_saw": first_line(quiz), "stats_saw": first_line(stats), "import_saw": first_line(imp),
                "import_left_empty_folder": left, "integrity_after": integrity(data.db_path()),
                "quiz_after_space_freed_exit": ketaquiz(data.root, "quiz", "--limit", "1", stdin="-\n").returncode}
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def read_only(root: Path) -> dict[str, object]:
    data = studied(root, "ro", 2)
    if not (mount("--bind", str(data.root), str(data.root)) and mount("-o", "remount,bind,ro", str(data.root))):
        subprocess.run(["umount", str(data.root)], capture_output=True)
        return {"skipped": "a read-only bind mount needs root"}
    try:
        before = data.db_path().read_bytes()
        quiz = ketaquiz(data.root, "quiz", "--limit", "1", stdin="-\n")
        return {"quiz_exit": quiz.returncode, "quiz_saw": first_line(quiz), "answered": "Score: 0/1" in quiz.stdout,
                "database_unchanged": data.db_path().read_bytes() == before}
    finally:
        subprocess.run(["umount", str(data.root)], capture_output=True)


def simple_faults(root: Path) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    data = studied(root, "missing")
    drop_db(data)
    run = ketaquiz(data.root, "stats")
    out["database missing, backups hold answers"] = {"exit": run.returncode, "saw": first_line(run),
                                                      "new_empty_db_made": data.db_path().exists()}
    data = studied(root, "zero")
    drop_db(data)
    data.db_path().write_bytes(b"")
    run = ketaquiz(data.root, "quiz", stdin="-\n")
    out["database zero bytes, backups hold answers"] = {"exit": run.returncode, "saw": first_line(run)}
    restore = ketaquiz(data.root, "restore", "latest")
    out["ketaquiz restore latest"] = {"exit": restore.returncode, "saw": first_line(restore),
                                      "answers_back": count(data.db_path())}
    data = studied(root, "newer")
    conn = sqlite3.connect(data.db_path())
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = data.db_path().read_bytes()
    run = ketaquiz(data.root, "stats")
    out["newer schema"] = {"exit": run.returncode, "saw": first_line(run),
                           "file_unchanged": data.db_path().read_bytes() == before}
    run = subprocess.run([PY, "-m", "ketaquiz", "--data", "", "stats"], capture_output=True, text=True, env=ENV)
    out["--data ''"] = {"exit": run.returncode, "saw": first_line(run)}
    data = DataDir(root / "limit")
    ketaquiz(data.root, "quiz", "--limit", "2", stdin="-\n-\n")
    out["quiz ended by --limit"] = {"sessions_left_open": count(data.db_path(), "SELECT COUNT(*) FROM sessions WHERE ended_at IS NULL")}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=40, help="SIGKILL rounds")
    ap.add_argument("--corruptions", type=int, default=40)
    ap.add_argument("--seconds", type=float, default=10, help="of re-rating while the terminal quiz answers")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--app-rounds", type=int, default=20, help="SIGKILL rounds of the desktop app")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--app-driver", metavar="DATA", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.app_driver:
        return app_driver(args.app_driver)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="kq-faults-") as tmp:
        root = Path(tmp)
        figures: dict[str, object] = {
            "sigkill": sigkill_rounds(root, args.rounds, rng),
            "sigkill_app": app_sigkill_rounds(root, args.app_rounds, rng),
            "rerating_while_quiz_answers": rerating_while_quiz_answers(root, args.seconds),
            "three_first_starts": three_first_starts(root, 5),
            "random_corruptions_then_stats": corruptions(root, args.corruptions, rng),
            "disk_full": disk_full(root),
            "read_only_data_dir": read_only(root),
            **simple_faults(root),
        }
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        for name, fig in figures.items():
            print(f"{name}:")
            for k, v in (fig.items() if isinstance(fig, dict) else [("", fig)]):
                print(f"  {k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
