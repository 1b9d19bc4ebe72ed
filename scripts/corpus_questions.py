"""Generate a question set from each article of a corpus and export it as `ketaquiz export` JSON.

    python scripts/corpus_questions.py [--corpus DIR] [--out DIR] [ARTICLE ...]

For each article (default: every `*.md` / `*.txt` in ../shared/corpus beside the checkout) it runs the
generator exactly as `ketaquiz generate` does, writes `OUT/<name>/set.toml`, and `OUT/<name>.json` in the
export format that `../shared/tools/judge-sheet.py sample` reads. It prints one line per article: words,
questions, words per question, types, and how many questions tripped a quality flag; then the totals.
This is the input of the blind judging described in docs/generator.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# ../shared/corpus beside the checkout (or beside a folder above it, for a git worktree).
DEFAULT_CORPUS = next((p / "shared" / "corpus" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()),
                      ROOT.parent / "shared" / "corpus")


def main(argv: list[str] | None = None) -> int:
    from ketaquiz.core.article import load_article
    from ketaquiz.core.generate import generate_set
    from ketaquiz.core.setfile import write_set

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", nargs="*", type=Path)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, default=Path("/tmp/ketaquiz-corpus"))
    args = ap.parse_args(argv)
    paths = args.articles or sorted(p for p in args.corpus.iterdir() if p.suffix in (".md", ".txt") and p.stem != "SOURCES")
    args.out.mkdir(parents=True, exist_ok=True)
    total_words = total_q = 0
    types: Counter[str] = Counter()
    for path in paths:
        article = load_article(path)
        words = len(article.text.split())
        t0 = time.perf_counter()
        name = path.stem
        out_file = args.out / name / "set.toml"
        out_file.parent.mkdir(parents=True, exist_ok=True)
        ref = os.path.relpath(path.resolve(), out_file.parent.resolve())
        qset, report = generate_set(article, set_id=name.replace("_", "-"), article_ref=ref)
        secs = time.perf_counter() - t0
        write_set(qset, out_file)
        export = [q.to_export() for q in qset.questions]
        (args.out / f"{name}.json").write_text(json.dumps(export, ensure_ascii=False, indent=1), encoding="utf-8")
        t = Counter(q.type for q in qset.questions)
        types += t
        flagged = sum(1 for f in report.flags.values() if not f.clean)
        n = len(qset.questions)
        total_words += words
        total_q += n
        print(f"{name:28} {words:5} words {n:3} questions  1 per {words / max(n, 1):4.0f} words  "
              f"{dict(sorted(t.items()))}  flagged {flagged}  {secs:.2f} s")
    print(f"{'total':28} {total_words:5} words {total_q:3} questions  1 per {total_words / max(total_q, 1):4.0f} words  "
          f"{dict(sorted(types.items()))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
