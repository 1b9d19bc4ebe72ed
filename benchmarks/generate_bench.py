"""Generation time for a ~10,000-word article built from varied texts.

    python benchmarks/generate_bench.py [--json] [--words N]

The article is the bundled ketamine text and the generator's test articles (Markdown, plain text
with lists and abbreviations), repeated as numbered parts until it reaches N words. `generate_s`
is the first run in a fresh process, so it includes loading wordfreq and lemminflect;
`warm_s` is a second run. The parts repeat the same texts, so the generator keeps the questions
of the first copy only (later copies are near-duplicates of them): `questions` counts distinct ones.
`dup_check_s` is the near-duplicate check's worst case, timed on its own: 1,000 distinct
questions (article sentences with every other word made up), each checked against all before it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import string
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SOURCES = [
    ROOT / "questions" / "ketamine" / "article.txt",
    ROOT / "tests" / "fixtures" / "generate" / "photosynthesis.md",
    ROOT / "tests" / "fixtures" / "generate" / "heart.txt",
    ROOT / "tests" / "fixtures" / "generate" / "networking.md",
]
_PLAIN_HEADING = re.compile(r"^(?:[A-Z][^.!:;]{0,80}\?|[A-Z][\w ,'-]{0,60})$")


def _as_markdown(text: str) -> list[tuple[str, str]]:
    """(heading, body) blocks of one source; plain-text headings are turned into Markdown ones."""
    blocks: list[tuple[str, list[str]]] = [("Introduction", [])]
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("#"):
            blocks.append((s.lstrip("# ").strip(), []))
        elif s and _PLAIN_HEADING.match(s) and len(s.split()) <= 8 and not s.startswith(("-", "1")):
            blocks.append((s, []))
        else:
            blocks[-1][1].append(line)
    return [(h, "\n".join(b).strip()) for h, b in blocks if "\n".join(b).strip()]


def build_article(words: int = 10_000) -> str:
    """A Markdown article of about `words` words made of the sources, in parts."""
    sources = [_as_markdown(p.read_text(encoding="utf-8")) for p in SOURCES]
    parts: list[str] = ["# Benchmark article\n"]
    count, round_no = 0, 0
    while count < words:
        round_no += 1
        for blocks in sources:
            for heading, body in blocks:
                parts.append(f"## {heading} (part {round_no})\n\n{body}\n")
                count += len(body.split())
                if count >= words:
                    break
            if count >= words:
                break
    return "\n".join(parts)


def dup_check_seconds(sentences: list[str], n: int = 1000) -> float:
    """Time for the generator's near-duplicate index to check and keep `n` distinct questions."""
    from ketaquiz.core.lint import DuplicateIndex
    from ketaquiz.core.questions import Question

    rng = random.Random(0)
    questions = []
    for k in range(n):
        words = sentences[k % len(sentences)].split()
        made_up = ["".join(rng.choices(string.ascii_lowercase, k=len(w))) for w in words]
        prompt = " ".join(m if i % 2 == 0 else w for i, (w, m) in enumerate(zip(words, made_up)))
        questions.append(Question(id=f"q{k}", topic="t", type="truefalse", prompt=prompt, answer=True))
    index = DuplicateIndex()
    t0 = time.perf_counter()
    for q in questions:
        if index.find(q) is None:
            index.add(q)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark the question generator.")
    ap.add_argument("--json", action="store_true", help='print {"words": N, "generate_s": T, "questions": Q}')
    ap.add_argument("--words", type=int, default=10_000)
    args = ap.parse_args(argv)
    from ketaquiz.core.article import parse_article
    from ketaquiz.core.generate import generate_set

    text = build_article(args.words)
    article = parse_article(text)
    n_words = len(re.findall(r"\S+", text))
    t0 = time.perf_counter()
    qset, _ = generate_set(article, set_id="bench")
    cold = time.perf_counter() - t0
    t1 = time.perf_counter()
    generate_set(article, set_id="bench")
    warm = time.perf_counter() - t1
    dup = dup_check_seconds([s.text for s in article.sentences if len(s.text.split()) >= 8])
    if args.json:
        print(json.dumps({"words": n_words, "generate_s": round(cold, 3), "questions": len(qset.questions),
                          "warm_s": round(warm, 3), "sections": len(article.sections), "dup_check_s": round(dup, 3)}))
    else:
        print(f"{n_words} words, {len(article.sections)} sections, {len(article.sentences)} sentences")
        print(f"generate: {cold:.2f} s first run (loads wordfreq + lemminflect), {warm:.2f} s warm")
        print(f"questions: {len(qset.questions)} (repeated parts are near-duplicates, kept once)")
        print(f"near-duplicate check, 1,000 distinct questions: {dup:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
