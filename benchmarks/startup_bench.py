"""Desktop app timings, offscreen.

- start_to_paint_s: a fresh `python` process launching the app (as `ketaquiz` does) until the Home page's
  first paint; the median of 5 processes on a data directory that has been opened once before.
- next_question_p50/p95_ms: in one process, "Continue" after an answer until the next question is painted,
  over 200 answers on a generated 250-question set.

    .venv/bin/python benchmarks/startup_bench.py [--json] [--runs 5] [--answers 200]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def child_start(data_root: str) -> int:
    """Run in a fresh process: launch the app and print the time of Home's first paint."""
    # Imported in the order `ketaquiz` (the console script) imports them: the CLI and core first.
    from ketaquiz.cli import DataDir  # noqa: I001
    from ketaquiz.ui.app import launch
    from PySide6.QtCore import QEvent, QObject, QTimer

    started = launch(DataDir(Path(data_root)))
    if isinstance(started, int):
        return started
    home = started.window.page("home")

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802, ANN001 (Qt override)
            if event.type() == QEvent.Type.Paint and not getattr(self, "seen", False):
                self.seen = True
                print(f"PAINT {time.time():.6f}", flush=True)
                QTimer.singleShot(0, started.app.quit)
            return False

    spy = FirstPaint()
    home.installEventFilter(spy)
    started.controller.shutdown = lambda: started.controller.ctx.close()  # no backup on this quit
    try:
        return int(started.app.exec())
    finally:
        started.guard.release()


def bench_start(runs: int) -> list[float]:
    # Not at the top: the child started below runs this file and should import only what the app does.
    import subprocess
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child-start", str(data)]
        subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)  # first run: database made
        times = []
        for _ in range(runs):
            t0 = time.time()
            proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
            line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("PAINT "))
            times.append(float(line.split()[1]) - t0)
        return times


SET_HEAD = 'id = "bench"\ntitle = "Bench"\n\n[[topics]]\nid = "t"\ntitle = "Topic"\n\n'


def bench_set(n: int) -> str:
    parts = [SET_HEAD]
    for i in range(n):
        kind = i % 6
        parts.append(f'[[questions]]\nid = "q{i}"\ntopic = "t"\n')
        if kind == 0:
            parts.append(f'type = "choice"\nprompt = "Pick {i}?"\nchoices = ["a{i}", "b{i}", "c{i}", "d{i}"]\nanswer = "a{i}"\n')
        elif kind == 1:
            parts.append(f'type = "multi"\nprompt = "Pick two {i}?"\nchoices = ["a", "b", "c", "d"]\nanswer = ["a", "b"]\n')
        elif kind == 2:
            parts.append(f'type = "truefalse"\nprompt = "Statement {i}."\nanswer = true\n')
        elif kind == 3:
            parts.append(f'type = "cloze"\nprompt = "The word number {i} is {{{{alpha}}}} and {{{{beta}}}}."\n')
        elif kind == 4:
            parts.append(f'type = "short"\nprompt = "Name {i}?"\nanswer = "answer"\n')
        else:
            parts.append(f'type = "order"\nprompt = "Order {i}."\nitems = ["one", "two", "three", "four"]\n')
        parts.append('explanation = "Because."\n\n')
    return "".join(parts)


def bench_next_question(answers: int) -> tuple[list[float], list[float]]:
    import tempfile
    from datetime import datetime, timezone
    from random import Random

    from ketaquiz.core.clock import ManualClock
    from ketaquiz.core.library import DataDir
    from ketaquiz.core.scheduling import Settings
    from ketaquiz.ui.app import make_app
    from ketaquiz.ui.context import AppContext, StudyRequest
    from ketaquiz.ui.main_window import MainWindow

    app = make_app()
    with tempfile.TemporaryDirectory() as tmp:
        data = DataDir(Path(tmp) / "data")
        data.sets_dir.mkdir(parents=True)
        (data.sets_dir / "bench.toml").write_text(bench_set(answers + 50), encoding="utf-8")
        clock = ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc))
        ctx = AppContext(data, clock=clock)
        ctx.store.save_settings(Settings(new_per_day=answers + 50, fuzz=False))
        ctx.reload_library()
        window = MainWindow(ctx, rng=Random(1))
        window.resize(1100, 760)
        window.show()
        study = window.page("study")
        ctx.study_requested.emit(StudyRequest(set_id="bench"))
        window.show_page("study")
        app.processEvents()
        nxt: list[float] = []
        ans: list[float] = []
        for _ in range(answers):
            t0 = time.perf_counter()
            study.dont_know()
            window.repaint()
            t1 = time.perf_counter()
            clock.advance(minutes=30)  # the wrong answers come back later, not in this run
            study.next_question()
            window.repaint()  # painted, not just queued
            t2 = time.perf_counter()
            app.processEvents()  # deferred deletes of the old widget, outside the measure
            ans.append((t1 - t0) * 1000)
            nxt.append((t2 - t1) * 1000)
        study.stop()
        window.close()
        window.deleteLater()
        app.processEvents()
        ctx.close()
    return nxt, ans


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="KetaQuiz desktop app start-up and next-question timings")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--answers", type=int, default=200)
    ap.add_argument("--child-start", metavar="DATA", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child_start:
        return child_start(args.child_start)
    import statistics

    starts = bench_start(args.runs)
    nxt, ans = bench_next_question(args.answers)
    result = {
        "start_to_paint_s": round(statistics.median(starts), 3),
        "next_question_p50_ms": round(pct(nxt, 50), 2),
        "next_question_p95_ms": round(pct(nxt, 95), 2),
        "answer_feedback_p95_ms": round(pct(ans, 95), 2),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"start to first paint of Home: median {result['start_to_paint_s']:.3f} s "
              f"({', '.join(f'{t:.3f}' for t in starts)})")
        print(f"continue -> next question painted: p50 {result['next_question_p50_ms']:.2f} ms, "
              f"p95 {result['next_question_p95_ms']:.2f} ms over {len(nxt)}")
        print(f"answer -> feedback painted: p95 {result['answer_feedback_p95_ms']:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
