"""The article wizard's generation step as an operation: progress, cancel, a failing generator, closing mid-way."""

from __future__ import annotations

import threading

import pytest

from ketaquiz.core.questions import Question, QuestionSet, Topic
from ketaquiz.ui import article_wizard, workers
from ketaquiz.ui.article_wizard import ArticleWizard

from .test_ui_sets import ARTICLE, FakeCancelled


class GatedGenerator:
    """A generator that reports each section, then waits for `gate` (or a cancel) before the next one."""

    def __init__(self, fail: Exception | None = None) -> None:
        self.gate = threading.Event()
        self.fail = fail
        self.threads: list[threading.Thread] = []
        self.sections_done = 0
        self.saw_cancel = False

    def __call__(self, article, *, set_id, title=None, article_ref="", sections=None, progress=None, cancelled=None):
        self.threads.append(threading.current_thread())
        if self.fail is not None:
            raise self.fail
        todo = [s for s in article.sections if sections is None or s.slug in sections]
        qs = []
        for i, sec in enumerate(todo):
            qs.append(Question(id=f"{sec.slug}-1", topic=sec.slug, type="truefalse", prompt=sec.sentences[0].text,
                               answer=True, source=sec.sentences[0].text, origin="generated"))
            self.sections_done += 1
            progress(i + 1, len(todo))
            while not self.gate.wait(0.01):
                if cancelled():
                    self.saw_cancel = True
                    raise FakeCancelled()
        topics = [Topic(s.slug, s.title) for s in todo]
        return QuestionSet(id=set_id, title=title or article.title, article=article_ref, topics=topics, questions=qs), "report"


@pytest.fixture
def gen(monkeypatch):
    g = GatedGenerator()
    monkeypatch.setattr(article_wizard, "load_generator", lambda: (g, FakeCancelled))
    return g


@pytest.fixture
def wiz(qtbot, ctx, monkeypatch):
    w = ArticleWizard(ctx)
    qtbot.addWidget(w)
    w.shown = []
    monkeypatch.setattr(w, "inform", lambda title, text, error=False: w.shown.append(text))
    w.text_edit.setPlainText(ARTICLE)
    w.next()  # sections
    yield w
    qtbot.waitUntil(lambda: not workers._running, timeout=10_000)  # no job left running into the next test


def test_progress_then_cancel_stops_the_generator(qtbot, wiz, gen):
    wiz.next()
    assert wiz.stack.currentIndex() == 2
    qtbot.waitUntil(lambda: wiz.gen_status.text() == "Generating drafts… 1 of 4 sections")
    assert (wiz.progress.value(), wiz.progress.maximum()) == (1, 4)
    assert gen.threads and threading.main_thread() not in gen.threads
    wiz.stop_btn.click()
    assert wiz.gen_status.text() == "Cancelling…" and not wiz.stop_btn.isEnabled()
    qtbot.waitUntil(lambda: wiz.stack.currentIndex() == 1, timeout=10_000)
    assert gen.saw_cancel and gen.sections_done == 1  # stopped at the section it was on
    assert wiz.result_.cancelled and wiz.drafts == [] and wiz.generation is None
    assert wiz.gen_status.text() == "Cancelled. Nothing was generated."


def test_generation_to_review(qtbot, wiz, gen):
    gen.gate.set()
    wiz.next()
    qtbot.waitUntil(lambda: wiz.stack.currentIndex() == 3, timeout=10_000)
    assert len(wiz.drafts) == 4 and wiz.generation is None and wiz.shown == []


def test_a_failing_generator_is_shown(qtbot, wiz, monkeypatch):
    gen = GatedGenerator(fail=RuntimeError("boom"))
    monkeypatch.setattr(article_wizard, "load_generator", lambda: (gen, FakeCancelled))
    wiz.next()
    qtbot.waitUntil(lambda: bool(wiz.shown), timeout=10_000)
    assert wiz.shown == ["The generator failed: boom"] and wiz.stack.currentIndex() == 1


def test_closing_mid_generation_cancels_it(qtbot, wiz, gen):
    wiz.next()
    qtbot.waitUntil(lambda: gen.sections_done == 1)
    op = wiz.generation
    wiz.reject()
    assert gen.saw_cancel and op.finished and op.state == "dropped" and wiz.generation is None
    assert wiz.shown == [] and wiz.drafts == []
