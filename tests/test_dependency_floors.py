"""The declared minimum versions hold what KetaQuiz relies on (scripts/check_lower_bounds.py runs the whole suite on
them; these are the cases that crashed or failed below the minimums). They pass on any version pyproject allows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_a_set_file_nested_200000_deep_is_refused_not_a_crash(tmp_path: Path) -> None:
    """rtoml 0.13 and older overflow the stack on it (a segfault, the process gone); 0.14 refuses it."""
    path = tmp_path / "deep.toml"
    path.write_text('id = "s"\ntitle = "S"\nanswer = ' + "[" * 200_000 + "]" * 200_000 + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "ketaquiz", "check", str(path)], capture_output=True, text=True)
    assert run.returncode == 1, (run.returncode, run.stderr[-500:])
    assert "nested too deep" in run.stdout and "Traceback" not in run.stderr


def test_fsrs_has_what_the_scheduling_hooks_use() -> None:
    """fsrs 6.1.1: the fuzz ranges in fsrs.scheduler and a keyword-only interval for the fuzz hook (load balancing
    and the injected generator replace it); 6.0.x has neither. 6.2: reschedule_card, which the rescheduling tests
    replay against."""
    import inspect

    from fsrs import Scheduler
    from fsrs.scheduler import FUZZ_RANGES

    assert FUZZ_RANGES
    hook = inspect.signature(Scheduler._get_fuzzed_interval).parameters["interval"]
    assert hook.kind is inspect.Parameter.KEYWORD_ONLY
    assert callable(Scheduler.reschedule_card)
