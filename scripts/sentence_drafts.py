"""Draft a question on each sentence a teacher picked, as the review step's section text does on a click.

    python scripts/sentence_drafts.py --articles DIR --picks DIR --out DIR

`--picks DIR/<name>.txt` holds sentences of `--articles DIR/<name>.md`, one per line, as a judge copied them ("the
sentences a teacher would most want a question on that no drafted question asks", `docs/judging/held-23/j36/picks/`).
Each is matched to the article's sentence it overlaps most (by words; a line matching none is reported) and drafted
with `Regapper.draft_for_sentence`; `--out DIR/<name>.json` is in `ketaquiz export` JSON form for
`../shared/tools/judge-sheet.py sample`. Prints each draft, with its warning, and a count.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ketaquiz.core.article import Sentence, load_article  # noqa: E402
from ketaquiz.core.generate.regap import Regapper  # noqa: E402


def _overlap(sentence: Sentence, line: str) -> float:
    a, b = set(sentence.text.split()), set(line.split())
    return len(a & b) / max(len(a | b), 1)


def draft_picks(article_path: Path, picks: list[str]) -> tuple[list[dict], list[str]]:
    """(export-form questions, problems) for the picked lines of one article."""
    regapper = Regapper(load_article(article_path))
    sentences = list(regapper.an.sentence.values())
    taken: set[str] = set()
    out, problems = [], []
    for line in (p.strip() for p in picks):
        line = re.sub(r"(?<!\w)[_*]+|[_*]+(?!\w)", "", line)  # the Markdown emphasis the article's text drops
        if not line:
            continue
        best = max(sentences, key=lambda s: _overlap(s, line))
        if _overlap(best, line) < 0.5:
            problems.append(f"{article_path.stem}: no sentence of the article matches “{line[:60]}”")
            continue
        try:
            drafted = regapper.draft_for_sentence(best.id, taken)
        except ValueError as e:
            problems.append(f"{article_path.stem}: {e}")
            continue
        q = drafted.question
        taken.add(q.id)
        out.append(q.to_export())
        print(f"{article_path.stem}: {q.prompt}" + (f"   ⚠ {drafted.warning}" if drafted.warning else ""))
    return out, problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=Path, required=True)
    ap.add_argument("--picks", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    drafted = 0
    problems: list[str] = []
    for picks in sorted(args.picks.glob("*.txt")):
        article = args.articles / f"{picks.stem}.md"
        if not article.is_file():
            problems.append(f"{picks.name}: no article {article}")
            continue
        qs, bad = draft_picks(article, picks.read_text(encoding="utf-8").splitlines())
        problems += bad
        drafted += len(qs)
        (args.out / f"{picks.stem}.json").write_text(json.dumps(qs, ensure_ascii=False, indent=1), encoding="utf-8")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{drafted} drafts, {len(problems)} picks not drafted")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
