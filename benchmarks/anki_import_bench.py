"""Benchmark: import a big Anki package in the current format, with its review history.

    python benchmarks/anki_import_bench.py [--copies N] [--json]

The package written by real Anki (tests/fixtures/anki/modern.apkg: 10 notes, 12 cards, 18 reviews) is
grown N times (default 2,000: 20,000 notes, 24,000 cards, 36,000 reviews) by copying its rows with new ids
in its own schema, then zstd-compressed again as Anki does. Prints the seconds to read and write the set
(`import_s`) and to load it into a profile with its history replayed through FSRS (`load_s`).
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

import zstandard

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ketaquiz.core.importers import import_file, load_imported  # noqa: E402
from ketaquiz.core.library import DataDir  # noqa: E402

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "anki" / "modern.apkg"
STEP = 10_000_000  # id offset between copies: Anki's ids are epoch milliseconds, far apart enough


def grown_package(dest: Path, copies: int) -> Path:
    with zipfile.ZipFile(FIXTURE) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    db = dest.with_suffix(".db")
    db.write_bytes(zstandard.ZstdDecompressor().stream_reader(members["collection.anki21b"]).read())
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")
    top = 1 + conn.execute("SELECT MAX(MAX(id), (SELECT MAX(id) FROM cards)) FROM notes").fetchone()[0]
    with conn:  # each copy: the fixture's own rows (ids below `top`) with ids moved by k * STEP
        for k in range(1, copies):
            off = k * STEP
            conn.execute("INSERT INTO notes SELECT id + ?, guid || ?, mid, mod, usn, tags, "
                         "replace(flds, '?', ' (' || ? || ')?'), sfld, csum, flags, data FROM notes WHERE id < ?",
                         (off, k, k, top))
            conn.execute("INSERT INTO cards SELECT id + ?, nid + ?, did, ord, mod, usn, type, queue, due, ivl, factor, "
                         "reps, lapses, left, odue, odid, flags, data FROM cards WHERE id < ?", (off, off, top))
            # a review's id is its time: each copy's answers a second and k ms later, so that none collide
            conn.execute("INSERT INTO revlog SELECT id + ? * 1001, cid + ?, usn, ease, ivl, lastIvl, factor, time, type "
                         "FROM revlog WHERE cid < ?", (k, off, top))
    conn.close()
    members["collection.anki21b"] = zstandard.ZstdCompressor().compress(db.read_bytes())
    with zipfile.ZipFile(dest, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return dest


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=2000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = grown_package(Path(tmp) / "big.apkg", args.copies)
        data = DataDir(Path(tmp) / "data")
        t = time.perf_counter()
        res = import_file(src, data, set_id="big")
        t_import = time.perf_counter() - t
        store = data.open_store("bench")
        t = time.perf_counter()
        load_imported(store, res)
        t_load = time.perf_counter() - t
        store.close()
    out = {"questions": res.count, "reviews": res.reviews, "import_s": round(t_import, 3), "load_s": round(t_load, 3)}
    print(json.dumps(out) if args.json else "  ".join(f"{k}: {v}" for k, v in out.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
