"""Time rendering a big article on the Article page (figures printed, not asserted).

    QT_QPA_PLATFORM=offscreen python benchmarks/article_view_bench.py [--sentences 8700] [--repeat 3] [--json]

Parses an article of --sentences short sentences (about 30 bytes each: 8,700 is the 256 KB past which the page
reads an article off the UI thread) laid out two ways, one paragraph and paragraphs of five sentences, then times
`ArticleBrowser.set_article` on a shown browser up to the end of the events it posted: that part runs on the UI
thread, whatever the size. Median of --repeat runs, in ms. Rendering inserted sentence by sentence into a
document that laid itself out after each insert: a 256 KB one-paragraph article took ~40 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from ketaquiz.core.article import parse_article  # noqa: E402
from ketaquiz.ui.article_view import ArticleBrowser  # noqa: E402


def article_text(sentences: int, per_paragraph: int) -> str:
    """Markdown: a title, one section, `sentences` sentences in paragraphs of `per_paragraph`."""
    paragraphs = []
    for first in range(0, sentences, per_paragraph):
        last = min(first + per_paragraph, sentences)
        paragraphs.append(" ".join(f"Sentence number {i} says nothing new." for i in range(first, last)))
    return "# A big article\n\n## The only section\n\n" + "\n\n".join(paragraphs) + "\n"


def time_render(app: QApplication, browser: ArticleBrowser, text: str, repeat: int) -> float:
    """Median ms of set_article plus the events it posted."""
    article = parse_article(text)
    times = []
    for _ in range(repeat):
        browser.set_article(None)
        app.processEvents()
        start = time.perf_counter()
        browser.set_article(article)
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=8700)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    app = QApplication.instance() or QApplication([])
    browser = ArticleBrowser()
    browser.resize(900, 640)
    browser.show()
    figures = {
        "sentences": args.sentences,
        "one_paragraph_ms": round(time_render(app, browser, article_text(args.sentences, args.sentences), args.repeat), 1),
        "paragraphs_of_5_ms": round(time_render(app, browser, article_text(args.sentences, 5), args.repeat), 1),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key}: {value}")


if __name__ == "__main__":
    main()
