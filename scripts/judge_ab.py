"""Compare two versions of the generator with one blind judge: mixed sheets, then keep/fix/drop per version.

    python scripts/judge_ab.py make A_DIR B_DIR OUT [--per 10] [--seed 4242] [--changed]
    python scripts/judge_ab.py tally OUT

A_DIR and B_DIR hold `<article>.json` exports (as `scripts/corpus_questions.py` writes them) of the same articles made
by two versions. `make` draws `--per` questions of each version per article, merges them (a question both versions
make appears once), shuffles them into `OUT/exports/<article>.json` and records which version made each in
`OUT/mapping.json`; then `../shared/tools/judge-sheet.py sample OUT/exports/<article>.json --n 40` writes the sheets
the judge fills. `tally` prints keep / fix / drop per version. Judges differ more from one another than two nearby
versions do, so compare versions only within one judge's verdicts.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import random
from pathlib import Path


def make(a_dir: Path, b_dir: Path, out: Path, per: int, seed: int, changed: bool = False) -> None:
    rnd = random.Random(seed)
    mapping: dict[str, dict[str, bool]] = {}
    (out / "exports").mkdir(parents=True, exist_ok=True)
    for fa in sorted(a_dir.glob("*.json")):
        fb = b_dir / fa.name
        if not fb.exists():
            continue
        qa, qb = json.loads(fa.read_text(encoding="utf-8")), json.loads(fb.read_text(encoding="utf-8"))
        by_id = {q["id"]: q for q in qa}
        by_source = {(q.get("source"), q["type"]): q["id"] for q in qa}
        kept_by_b = {q["id"] for q in qb}
        for q in qb:  # one question, two wordings: both are judged, B's under "<A's id>-b"
            old = by_id.get(q["id"])
            if old is not None and (old["prompt"], old.get("choices")) != (q["prompt"], q.get("choices")):
                q["id"] += "-b"
            elif old is None and by_source.get((q.get("source"), q["type"])) not in (None, *kept_by_b):
                q["id"] = by_source[(q.get("source"), q["type"])] + "-b"  # A's question on this sentence, reworded
        ids_a, ids_b = {q["id"] for q in qa}, {q["id"] for q in qb}
        if changed:  # only what one version makes and the other does not (a new wording counts as new)
            qa, qb = [q for q in qa if q["id"] not in ids_b], [q for q in qb if q["id"] not in ids_a]
        picked = rnd.sample(qa, min(per, len(qa))) + rnd.sample(qb, min(per, len(qb)))
        items = list({q["id"]: q for q in picked}.values())
        rnd.shuffle(items)
        for q in items:
            mapping[f"{fa.stem}/{q['id']}"] = {"A": q["id"] in ids_a, "B": q["id"] in ids_b}
        (out / "exports" / fa.name).write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    (out / "mapping.json").write_text(json.dumps(mapping), encoding="utf-8")
    print(f"{len(mapping)} questions in {out / 'exports'}")


def tally(out: Path) -> None:
    """Keep / fix / drop per version, per article and version, and for the questions only one version asks."""
    mapping = json.loads((out / "mapping.json").read_text(encoding="utf-8"))
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    twins = 0
    for f in sorted(out.rglob("*.judgments.csv")):
        article = f.name.removesuffix(".judgments.csv")
        with open(f, encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        ids = {row["id"] for row in rows}
        for row in rows:
            twin = row["id"].removesuffix("-b") if row["id"].endswith("-b") else row["id"] + "-b"
            if twin in ids and row["verdict"].strip().lower() == "drop" and row["category"].strip() == "giveaway":
                twins += 1  # dropped as a copy of its other wording, which stands beside it only on the sheet
                continue
            versions = mapping.get(f"{article}/{row['id']}")
            if not versions:
                continue
            verdict = row["verdict"].strip().lower()
            for v in "AB":
                if versions[v]:
                    counts[v][verdict] += 1
                    counts[f"{article:28} {v}"][verdict] += 1
            only = "both" if versions["A"] and versions["B"] else "A only" if versions["A"] else "B only"
            counts[only][verdict] += 1

    def line(name: str) -> str:
        c = counts[name]
        n = sum(c.values()) or 1
        return f"{name:30} n={sum(c.values()):3} keep {c['keep'] / n:4.0%} fix {c['fix'] / n:4.0%} drop {c['drop'] / n:4.0%}"

    for name in ["A", "B", *sorted(k for k in counts if k[-2:] in (" A", " B") and len(k) > 2), "A only", "B only",
                 "both"]:
        print(line(name))
    if twins:
        print(f"(left out: {twins} drops of one wording as a copy of the other)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("make")
    m.add_argument("a_dir", type=Path)
    m.add_argument("b_dir", type=Path)
    m.add_argument("out", type=Path)
    m.add_argument("--per", type=int, default=10)
    m.add_argument("--seed", type=int, default=4242)
    m.add_argument("--changed", action="store_true", help="only the questions one version makes and the other not")
    t = sub.add_parser("tally")
    t.add_argument("out", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "make":
        make(args.a_dir, args.b_dir, args.out, args.per, args.seed, args.changed)
    else:
        tally(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
