"""Time opening a large profile as every command does (checked first), and a whole `ketaquiz stats` command.

    python benchmarks/open_bench.py [--questions 100000] [--reviews 1000000] [--runs 7] [--keep DIR] [--json]

Builds a data directory whose profile holds --questions questions and --reviews answers (core_bench's synthetic
history: ~140 MB), closes it cleanly, then times --runs times: ``open_profile`` + close in this process, and
``python -m ketaquiz --data DIR stats --json`` as a subprocess. Medians are printed, with the database's size.
With --keep DIR the data directory is kept there (and reused when it exists: building takes a minute).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from core_bench import build_set, fill_history  # noqa: E402

from ketaquiz.core.clock import ManualClock  # noqa: E402
from ketaquiz.core.health import open_profile  # noqa: E402
from ketaquiz.core.library import DataDir  # noqa: E402
from ketaquiz.core.setfile import read_set  # noqa: E402


def build(data: DataDir, questions: int, reviews: int) -> None:
    clock = ManualClock(datetime(2026, 6, 1, 12, tzinfo=timezone.utc))
    store = data.open_store(clock=clock)
    path = build_set(questions, data.root / "bench.toml")
    store.sync_set(read_set(path))
    fill_history(store, reviews, clock(), random.Random(5))
    store.catch_up()
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=int, default=100_000)
    ap.add_argument("--reviews", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--keep", metavar="DIR", help="keep (and reuse) the data directory here")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    import tempfile

    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="open-bench-"))
    data = DataDir(root)
    if not data.db_path().exists():
        build(data, args.questions, args.reviews)
    open_profile(data, "default").close()  # one opening (and clean close) before the timed ones
    opens, stats = [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        open_profile(data, "default").close()
        opens.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "ketaquiz", "--data", str(root), "stats", "--json"], check=True,
                       capture_output=True)
        stats.append(time.perf_counter() - t0)
    out = {"db_mb": round(data.db_path().stat().st_size / 2**20, 1), "open_s": round(statistics.median(opens), 3),
           "stats_command_s": round(statistics.median(stats), 3), "runs": args.runs}
    print(json.dumps(out) if args.json else "  ".join(f"{k} {v}" for k, v in out.items()))


if __name__ == "__main__":
    main()
