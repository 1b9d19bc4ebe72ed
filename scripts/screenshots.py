"""Render the app's main screens offscreen into assets/screenshots/*.png (bundled course, throwaway data dir).

    .venv/bin/python scripts/screenshots.py [--out assets/screenshots] [--size 1100x760] [--font-size PT]
    .venv/bin/python scripts/screenshots.py --out docs/screenshots/1024x640-16pt --size 1024x640 --font-size 16
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from random import Random

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from ketaquiz.core.appearance import Appearance  # noqa: E402
from ketaquiz.core.clock import ManualClock  # noqa: E402
from ketaquiz.core.library import DataDir, bundled_questions_dir  # noqa: E402
from ketaquiz.core.questions import QUESTION_TYPES, cloze_gaps  # noqa: E402
from ketaquiz.core.scheduling import Settings  # noqa: E402
from ketaquiz.core.session import StudySession  # noqa: E402
from ketaquiz.ui.app import make_app  # noqa: E402
from ketaquiz.ui.article_wizard import ArticleWizard  # noqa: E402
from ketaquiz.ui.changes import PROGRESS  # noqa: E402
from ketaquiz.ui.context import AppContext, StudyRequest  # noqa: E402
from ketaquiz.ui.main_window import MainWindow  # noqa: E402
from ketaquiz.ui.study import StudyPage  # noqa: E402
from ketaquiz.ui.theme import apply_theme  # noqa: E402

SIZE = (1100, 760)
WRONG_ON_PURPOSE = {"choice", "order"}  # show both verdicts across the set of pictures


def settle(app: QApplication, rounds: int = 3) -> None:
    for _ in range(rounds):
        app.processEvents()


def save(app: QApplication, widget: QWidget, path: Path) -> None:
    settle(app)
    widget.grab().save(str(path))
    print(path)


def answer(study: StudyPage, right: bool) -> None:
    """Fill the widget on screen as a learner would, then submit."""
    w = study.qwidget
    assert w is not None
    q = w.question
    t = q.type
    if t == "choice":
        w.choose(q.answer if right else next(o for o in w.options if o != q.answer))  # type: ignore[attr-defined]
        return
    if t == "truefalse":
        w.choose(bool(q.answer) == right)  # type: ignore[attr-defined]
        return
    if t == "multi":
        want = set(q.answer or [])
        for box, opt in zip(w.boxes, w.options):  # type: ignore[attr-defined]
            box.setChecked(opt in want)
    elif t == "cloze":
        for edit, gap in zip(w.edits, cloze_gaps(q.prompt)):  # type: ignore[attr-defined]
            edit.setText(gap[0])
    elif t == "short":
        text = str(q.answer)
        w.edit.setText(text[:-1] + text[-1] * 2 if len(text) > 4 else text)  # type: ignore[attr-defined]  # a typo
    elif t == "order":
        items = list(q.items) if right else list(q.items)[1:] + list(q.items)[:1]
        lst = w.list  # type: ignore[attr-defined]
        for pos, item in enumerate(items):
            row = lst.order().index(item)
            lst.setCurrentRow(row)
            for _ in range(row - pos):
                lst.move_current(-1)
    study.submit()


def simulate_month(ctx: AppContext, clock: ManualClock, rng: Random, days: int = 30) -> None:
    """A learner's month: a session most days, right about four times in five (more on mechanism)."""
    for _day in range(days):
        clock.advance(days=1)
        if rng.random() < 0.2:
            continue  # a day off
        session = StudySession(ctx.store, clock=clock, rng=rng, limit=rng.randint(8, 20))
        while not session.finished and session.current is not None:
            q = session.current
            right = rng.random() < (0.92 if q.topic == "mechanism" else 0.75)
            response = q.correct_answer if right else WRONG.get(q.type, "no idea")
            session.submit(response, duration_ms=rng.randint(3000, 15000))
            clock.advance(seconds=rng.randint(5, 20))
            session.advance()
        session.close()
    clock.advance(hours=2)


WRONG = {"truefalse": None, "multi": [], "order": [], "cloze": ["?"]}


def save_review_step(app: QApplication, ctx: AppContext, window: MainWindow, path: Path) -> None:
    """The generate wizard's review step on the bundled article, one draft's gap moved with G; then (review-section.png)
    its section's text, with a sentence no draft asked drafted from it."""
    wizard = ArticleWizard(ctx, window)
    wizard.resize(window.size())
    wizard.open_file(bundled_questions_dir() / "ketamine" / "article.txt")
    wizard.show()
    wizard.next()
    wizard.next()
    for _ in range(600):  # the drafts are generated on a worker thread
        if wizard.stack.currentIndex() == 3:
            break
        app.processEvents()
        time.sleep(0.01)
    review = wizard.review
    review.keep(0)
    # "… certain {{neurotransmitter}} systems, such as the dopamine and serotonin systems": the gap moved to the example
    row = next((i for i in range(len(review.drafts)) if "dopamine" in review.gap_choices(i)), None)
    if row is not None:
        review.regap(row, "dopamine")
        review.list.setCurrentRow(row)
    save(app, wizard, path)
    # S: the draft's section, and a sentence no draft asks drafted with one click
    review.show_section_text()
    section = review.section_text.section
    asked = [d.question.source for d in review.drafts]
    free = next((s for s in (section.sentences if section else []) if not any(s.text in a for a in asked)
                 and len(s.text.split()) > 8), None)
    if free is not None:
        review.add_sentence_draft(free.id)
        review.show_section_text()
    save(app, wizard, path.with_name("review-section.png"))
    wizard.close()
    wizard.deleteLater()
    settle(app)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "assets" / "screenshots"))
    ap.add_argument("--size", default=f"{SIZE[0]}x{SIZE[1]}", help="window size WxH (default %(default)s)")
    ap.add_argument("--font-size", type=int, default=0, help="the Font size setting in points (0: the system's)")
    args = ap.parse_args(argv)
    size = tuple(int(x) for x in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    app = make_app()
    tmp = tempfile.TemporaryDirectory()
    data = DataDir(Path(tmp.name) / "data")
    clock = ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc))
    ctx = AppContext(data, clock=clock)
    ctx.store.save_settings(Settings(fuzz=False))
    ctx.store.save_appearance(Appearance(theme="light", font_size=args.font_size))
    ctx.reload_library()
    apply_theme(app, ctx.store.appearance())
    window = MainWindow(ctx, rng=Random(4))
    window.resize(*size)
    window.show()
    study = window.page("study")
    assert isinstance(study, StudyPage)

    by_type: dict[str, int] = {}
    for s in ctx.store.sets():
        for key, q in ctx.store.questions(s.id):
            by_type.setdefault(q.type, key)
    for qtype in QUESTION_TYPES:
        key = by_type.get(qtype)
        if key is None:
            print(f"no {qtype} question in the bundled course; skipped", file=sys.stderr)
            continue
        ctx.study_requested.emit(StudyRequest(keys=[key]))
        window.show_page("study")
        save(app, window, out / f"question-{qtype}.png")
        answer(study, right=qtype not in WRONG_ON_PURPOSE)
        save(app, window, out / f"question-{qtype}-answered.png")
        if qtype == "short":  # a typed answer graded wrong, counted right by "I was right"
            ctx.study_requested.emit(StudyRequest(keys=[key]))
            study.qwidget.edit.setText("something else entirely")  # type: ignore[union-attr]
            study.submit()
            study.i_was_right()
            save(app, window, out / "question-short-i-was-right.png")
        if qtype == "cloze":
            study.show_in_article()
            save(app, window, out / "article.png")
        clock.advance(minutes=1)
    study.stop()

    window.show_page("home")
    save(app, window, out / "home.png")

    ctx.study_requested.emit(StudyRequest(set_id=next(iter(s.id for s in ctx.store.sets()))))
    window.show_page("study")
    for _ in range(40):
        if study.session is None or study.session.finished:
            break
        answer(study, right=True)
        clock.advance(minutes=30)
        study.next_question()
    save(app, window, out / "summary.png")

    window.show_page("settings")
    save(app, window, out / "settings.png")

    simulate_month(ctx, clock, Random(7))
    ctx.notify(PROGRESS)
    scores = window.page("scores")
    window.show_page("scores")
    scores.refresh()  # type: ignore[attr-defined]
    save(app, window, out / "scores.png")

    article = window.page("article")
    window.show_page("article")
    article.mastery_box.setChecked(True)  # type: ignore[attr-defined]
    save(app, window, out / "article-mastery.png")

    window.show_page("sets")
    sets = window.page("sets")
    sets.select_question("mechanism-choice-region")  # type: ignore[attr-defined]
    save(app, window, out / "sets.png")

    save_review_step(app, ctx, window, out / "review.png")

    window.show_page("home")
    ctx.store.save_appearance(Appearance(theme="dark", font_size=args.font_size))
    apply_theme(app, ctx.store.appearance())
    window.show_page("home")
    ctx.notify(PROGRESS)
    save(app, window, out / "home-dark.png")
    window.close()
    # Destroy the widgets while Qt is still up rather than in interpreter shutdown (where PySide6 6.12.0's
    # reference leak, see pyproject.toml, surfaced as a "bool_dealloc" abort).
    window.deleteLater()
    settle(app)
    ctx.close()
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
