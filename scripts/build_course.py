"""Regenerate the draft of the bundled ketamine course, to diff against the hand-reviewed set.

    python scripts/build_course.py            # draft to stdout
    python scripts/build_course.py -o /tmp/ketamine.draft.toml --report

The course, questions/ketamine/set.toml, is this draft reviewed by hand: look-alike and give-away
questions rewritten, explanations written, a few questions added. Questions that started from the
generator keep their ids (origin "edited"), hand-written ones are origin "written", so `diff` shows
every hand edit. Never write the draft under questions/: every .toml there is loaded as a set.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ketaquiz.core.article import load_article  # noqa: E402
from ketaquiz.core.generate import generate_set  # noqa: E402
from ketaquiz.core.setfile import set_to_text  # noqa: E402

ARTICLE = ROOT / "questions" / "ketamine" / "article.txt"
COURSE_WORDS_PER_QUESTION = 10  # a draft to review by hand: far more questions than a course keeps


def build() -> tuple[str, str]:
    """The draft set text and the report text."""
    article = load_article(ARTICLE)
    qset, report = generate_set(
        article, set_id="ketamine", title="Ketamine for treatment-resistant depression", article_ref="article.txt",
        words_per_question=COURSE_WORDS_PER_QUESTION,
    )
    return set_to_text(qset), report.format()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--out", type=Path, help="write the draft here (default: stdout)")
    ap.add_argument("--report", action="store_true", help="print the generation report to stderr")
    args = ap.parse_args(argv)
    text, report = build()
    if args.out:
        if ROOT / "questions" in args.out.resolve().parents:
            ap.error("do not write the draft under questions/ (every .toml there is loaded as a set)")
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if args.report:
        print(report, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
