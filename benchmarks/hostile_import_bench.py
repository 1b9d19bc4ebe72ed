"""Benchmark: imports built to be slow must stay bounded.

    python benchmarks/hostile_import_bench.py [--choices N] [--only K] [--json]

Prints one line per case with the seconds taken and what the importer said:

- a KetaQuiz JSON question with N choices (default 50,000) and N/2 answers: checking its choices for
  duplicates was quadratic (over a minute at 50,000; the issue measured > 20 s);
- an .apkg whose ``notes`` is a view over a recursive query, one whose ``cards`` is a view of 10^8 rows,
  and one with more notes than the importer accepts: each is refused with a message, at once.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ketaquiz.core.importers import ImportError_, read_import  # noqa: E402

_COL = "CREATE TABLE col (models TEXT, decks TEXT); INSERT INTO col VALUES ('{}', '{}');"
RECURSIVE = "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT i"


def apkg(dest: Path, script: str) -> Path:
    db = dest.with_suffix(".db")
    conn = sqlite3.connect(db)
    conn.executescript(_COL + script)
    conn.commit()
    conn.close()
    with zipfile.ZipFile(dest, "w") as zf:
        zf.write(db, "collection.anki21")
    return dest


def cases(tmp: Path, n_choices: int) -> list[tuple[str, Path]]:
    choices = [f"choice number {i}" for i in range(n_choices)]
    big = tmp / "choices.json"
    big.write_text(json.dumps([{"id": "a", "topic": "t", "type": "multi", "prompt": "Pick?", "choices": choices,
                                "answer": choices[: n_choices // 2]}]))
    return [
        (f"JSON question with {n_choices:,} choices", big),
        ("apkg: notes is a recursive view", apkg(tmp / "view.apkg", f"""
            CREATE VIEW notes AS {RECURSIVE} AS id, '' AS guid, 1 AS mid, '' AS tags, 'Q' || char(31) || 'A' AS flds
                FROM r;
            CREATE TABLE cards (id, nid, did, odid, ord, queue);""")),
        ("apkg: cards is a view of 10^8 rows", apkg(tmp / "cards.apkg", f"""
            CREATE TABLE notes (id, guid, mid, tags, flds); INSERT INTO notes VALUES (1, '', 1, '', 'Q' || char(31) || 'A');
            CREATE VIEW cards AS {RECURSIVE} AS id, 1 AS nid, 1 AS did, 0 AS odid, 0 AS ord, 0 AS queue
                FROM r LIMIT 100000000;""")),
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--choices", type=int, default=50_000)
    ap.add_argument("--only", type=int, help="run only case K (1-based), e.g. under `timeout` against older code")
    ap.add_argument("--json", action="store_true", help="one JSON object per case: case, seconds, said")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for k, (label, path) in enumerate(cases(Path(tmp), args.choices), 1):
            if args.only and k != args.only:
                continue
            if not args.json:
                print(f"…  {label}", end="\r", flush=True)
            t = time.perf_counter()
            try:
                qset, _ = read_import(path)
                said = f"imported {len(qset.questions)} question(s)"
            except ImportError_ as e:
                said = str(e).replace(str(path), path.name).splitlines()[0][:110]
            took = time.perf_counter() - t
            print(json.dumps({"case": label, "seconds": round(took, 3), "said": said}) if args.json
                  else f"{took:7.2f} s  {label}: {said}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
