"""Benchmark: import a 100,000-row CSV (Anki text export headers) as a set.

    python benchmarks/import_bench.py [--rows N] [--repeat K] [--json]

Prints ``{"rows": N, "import_s": T, "import_and_load_s": L}`` with --json. T covers reading, checking and
writing the set file; L adds loading the new set into a learner's store (what the app does before the questions
can be studied, and what Anki's "add 100k cards" covers). The fastest of K runs when --repeat is given; each run
imports into a fresh data directory.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ketaquiz.core.importers import import_file, load_imported  # noqa: E402
from ketaquiz.core.library import DataDir  # noqa: E402


def write_csv(path: Path, rows: int) -> None:
    """A realistic mix: short answers, cloze deletions, choice questions, tags, a deck column."""
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("#separator:tab\n#html:true\n#columns:Front\tBack\tDeck\tTags\n#deck column:3\n#tags column:4\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        for i in range(rows):
            kind = i % 3
            deck = f"Bench::Chapter {i % 20}"
            if kind == 0:
                w.writerow([f"What is the <b>capital</b> of country number {i}?", f"City {i}<br>Founded long ago.", deck, f"geo t{i % 7}"])
            elif kind == 1:
                w.writerow([f"Fact {i}: the river {{{{c1::Flow{i}::name}}}} runs north.", "", deck, "rivers"])
            else:
                w.writerow([f"Which year did event {i} happen?", f"{1000 + i % 900}", deck, ""])


def run(rows: int) -> dict[str, float | int]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "bench.tsv"
        write_csv(src, rows)
        data = DataDir(Path(tmp) / "data")
        t0 = time.perf_counter()
        result = import_file(src, data, set_id="bench")
        elapsed = time.perf_counter() - t0
        store = data.open_store("default")
        load_imported(store, result)
        loaded = time.perf_counter() - t0
        assert result.count == rows == store.conn.execute("SELECT COUNT(*) FROM cards").fetchone()[0]
        store.close()
    return {"rows": rows, "import_s": round(elapsed, 3), "import_and_load_s": round(loaded, 3)}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--repeat", type=int, default=1, help="run K times and report the fastest")
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    res = min((run(args.rows) for _ in range(max(1, args.repeat))), key=lambda r: r["import_s"])
    if args.json:
        print(json.dumps(res))
    else:
        print(f"imported {res['rows']} rows in {res['import_s']:.2f} s; "
              f"with loading into the store {res['import_and_load_s']:.2f} s (Anki, add 100k cards: 3.8 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
