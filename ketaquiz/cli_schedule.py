"""``ketaquiz reschedule``: every answered question rescheduled from its answers, as the app offers after fitting
parameters or changing the desired retention (the same core function, core/reschedule.py)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .core.clock import utc_now
from .core.library import DataDir
from .core.reschedule import reschedule
from .core.store import Store

EXIT_OK, EXIT_PROBLEMS = 0, 1


def add_commands(sub: Any, command: Any) -> None:
    """The sub-command, made with cli's `command(sub, name, summary, description, examples)`."""
    r = command(sub, "reschedule", "reschedule every answered question from its answers (after new parameters)",
                "Replay each answered question's answers through FSRS with the parameters, desired retention and "
                "preset (load balancing, easy days) in force now, as Anki's 'Reschedule cards on change', and write "
                "the new due dates in one transaction. A backup is taken first: 'ketaquiz restore NAME' undoes it. "
                "Prints how many due dates moved and the next 30 days' reviews before and after.",
                ["ketaquiz reschedule", "ketaquiz --profile Ann reschedule --json"])
    r.add_argument("--json", action="store_true", help="one JSON object: questions, moved, forecasts, backup")


def cmd_reschedule(store: Store, data: DataDir, profile: str, args: argparse.Namespace) -> int:
    if store.read_only:
        print(f"ketaquiz: nothing rescheduled: {store.read_only}", file=sys.stderr)
        return EXIT_PROBLEMS
    result = reschedule(store, utc_now(), backup_dir=data.backups_dir(profile))
    if args.json:
        json.dump({"questions": result.questions, "moved": result.moved, "forecast_before": result.forecast_before,
                   "forecast_after": result.forecast_after, "backup": str(result.backup) if result.backup else None},
                  sys.stdout)
        print()
    else:
        print(result.message)
    return EXIT_OK
