"""A set's article is only ever a regular file inside the set's own folder, under 5 MB, opened without blocking.
Before, `article = "/dev/zero"` ate memory until the process died, a FIFO hung every start of the app and of
`quiz`, and absolute paths, `..` and symbolic links showed files from anywhere."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ketaquiz.core import authoring
from ketaquiz.core.articlefile import MAX_ARTICLE_BYTES, ArticleFileError, load_set_article
from ketaquiz.core.check import check_path
from ketaquiz.core.library import load_library

from .conftest import SEED as COURSE_ARTICLE

SET = '''id = "{sid}"
title = "Mine"
article = "{article}"

[[topics]]
id = "t"
title = "T"

[[questions]]
id = "q1"
topic = "t"
type = "short"
prompt = "Which city is the capital of France?"
answer = "Paris"
source = "Paris is the capital of France."
'''
TEXT = "# Capitals\n\nParis is the capital of France. Rome is the capital of Italy.\n"


@pytest.fixture
def no_hang():
    """Turn a hang (a blocking open of a FIFO) into a failure instead of a stuck test run."""
    def hung(*_a):
        raise TimeoutError("hung")
    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def make_set(folder: Path, article: str, sid: str = "mine") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "set.toml"
    path.write_text(SET.format(sid=sid, article=article), encoding="utf-8")
    return path


def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text(TEXT)
    return secret


@pytest.mark.parametrize("kind", ["absolute", "dotdot", "symlink-out", "dev-zero", "fifo", "folder", "too-big", "latin1", "missing"])
def test_a_bad_article_is_one_problem_naming_file_and_reason(tmp_path, kind, no_hang):
    folder = tmp_path / "set"
    folder.mkdir()
    article, words = "article.md", ""
    if kind == "absolute":
        article, words = str(outside(tmp_path)), "not inside the set's folder"
    elif kind == "dotdot":
        outside(tmp_path)
        article, words = "../secret.txt", "leads outside the set's folder"
    elif kind == "symlink-out":
        (folder / "article.md").symlink_to(outside(tmp_path))
        words = "leads outside the set's folder"
    elif kind == "dev-zero":
        (folder / "article.md").symlink_to("/dev/zero")
        words = "leads outside the set's folder"
    elif kind == "fifo":
        os.mkfifo(folder / "article.md")
        words = "the article is a pipe (FIFO)"
    elif kind == "folder":
        (folder / "article.md").mkdir()
        words = "the article is a folder"
    elif kind == "too-big":
        (folder / "article.md").write_text("Paris is the capital of France. " * (MAX_ARTICLE_BYTES // 32 + 1))
        words = "over the 5 MB an article may be"
    elif kind == "latin1":
        (folder / "article.md").write_bytes("Paris est la capitale de la République.".encode("latin-1"))
        words = "not UTF-8 text"
    elif kind == "missing":
        words = "article file not found"
    path = make_set(folder, article)
    found = [str(p) for p in check_path(path)]
    assert len(found) == 1 and found[0].startswith(f"{path}:1: set: ") and words in found[0], found
    with pytest.raises(ArticleFileError):
        load_set_article(path, article)


def test_a_symlink_inside_the_folder_is_fine(tmp_path):
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "real.md").write_text(TEXT)
    (folder / "article.md").symlink_to(folder / "real.md")
    assert check_path(make_set(folder, "article.md")) == []


def test_the_library_skips_a_set_with_a_fifo_article_and_loads_the_rest(store, data_dir, no_hang):
    bad = data_dir.sets_dir / "bad"
    make_set(bad, "article.md", sid="bad")
    os.mkfifo(bad / "article.md")
    good = data_dir.sets_dir / "good"
    make_set(good, "article.md", sid="good")
    (good / "article.md").write_text(TEXT)
    _results, problems = load_library(store, data_dir)
    assert [(p.path, "pipe (FIFO)" in p.message) for p in problems] == [(bad / "set.toml", True)]
    assert store.set_info("good") is not None and store.set_info("bad") is None


def test_quiz_starts_with_a_fifo_and_dev_zero_article_in_the_library(tmp_path):
    data = tmp_path / "data"
    make_set(data / "sets" / "fifo", "article.md", sid="fifo")
    os.mkfifo(data / "sets" / "fifo" / "article.md")
    make_set(data / "sets" / "zero", "/dev/zero", sid="zero")
    r = subprocess.run([sys.executable, "-m", "ketaquiz", "--data", str(data), "quiz", "--limit", "1"],
                       input=b"-\n", capture_output=True, timeout=60)
    err = r.stderr.decode()
    assert r.returncode == 0, err
    assert "skipped a set" in err and "pipe (FIFO)" in err and "not inside the set's folder" in err
    assert b"Session summary" in r.stdout


def test_duplicating_never_copies_an_article_from_outside(store, data_dir, tmp_path):
    folder = data_dir.sets_dir / "mine"
    path = make_set(folder, "article.md")
    (folder / "article.md").symlink_to(outside(tmp_path))
    qset = authoring.read_set(path)
    copy = authoring.duplicate_set(data_dir, qset, "copy", store=store)
    assert copy.article == ""
    assert not (data_dir.sets_dir / "copy" / "article.md").exists()
    assert not (data_dir.sets_dir / "copy" / "secret.txt").exists()


def test_the_article_page_reads_nothing_but_a_file_in_the_set_folder(qtbot, data_dir, clock, no_hang):
    """A set loaded while its article was fine, whose article then became a FIFO: the page must not hang."""
    from ketaquiz.ui.article_view import ArticlePage
    from ketaquiz.ui.context import AppContext

    folder = data_dir.sets_dir / "mine"
    make_set(folder, "article.md")
    (folder / "article.md").write_text(TEXT)
    ctx = AppContext(data_dir, clock=clock)
    ctx.reload_library()
    assert ctx.store.set_info("mine") is not None
    (folder / "article.md").unlink()
    os.mkfifo(folder / "article.md")
    page = ArticlePage(ctx)
    qtbot.addWidget(page)
    assert page.article_for("mine") is None
    ctx.close()


def test_a_small_set_file_over_a_big_article_loads_off_the_ui_thread(qtbot, data_dir, clock):
    """The app loads changed set files before its window shows: small ones inline, big ones on a worker.
    A 100-byte set file whose article takes seconds to read and check counted as small."""
    from ketaquiz.ui.context import INLINE_LOAD_BYTES, AppContext

    ctx = AppContext(data_dir, clock=clock)
    ctx.load_changed_sets()  # the bundled course
    folder = data_dir.sets_dir / "mine"
    make_set(folder, "article.md")
    (folder / "article.md").write_text(TEXT + "Paris is the capital of France. " * (INLINE_LOAD_BYTES // 32 + 1))
    job = ctx.load_changed_sets()
    assert job is not None and ctx.store.set_info("mine") is None  # not read on the UI thread
    qtbot.waitUntil(lambda: job.finished, timeout=60_000)
    assert ctx.store.set_info("mine") is not None
    ctx.close()


def test_a_big_article_is_read_off_the_ui_thread_and_shown_when_in(qtbot, data_dir, clock):
    """Parsing a few MB of article takes seconds: the page says it is reading and stays responsive, then shows
    the article with the quote asked for highlighted."""
    import threading

    from ketaquiz.ui import article_view
    from ketaquiz.ui.article_view import SYNC_ARTICLE_BYTES, ArticlePage
    from ketaquiz.ui.context import AppContext

    folder = data_dir.sets_dir / "mine"
    make_set(folder, "article.md")
    filler = "".join(f"Sentence number {i} says nothing new. " for i in range(SYNC_ARTICLE_BYTES // 30))
    (folder / "article.md").write_text(TEXT + "\n## More\n\n" + filler + "\n")
    ctx = AppContext(data_dir, clock=clock)
    ctx.reload_library()
    threads: list[threading.Thread] = []
    real = article_view.parse_article

    def parse(*a, **k):
        if k.get("path") == folder / "article.md":  # (the bundled course's small article is read at once)
            threads.append(threading.current_thread())
        return real(*a, **k)

    article_view.parse_article = parse
    try:
        page = ArticlePage(ctx)
        qtbot.addWidget(page)
        page.show_source("mine", "Paris is the capital of France.")
        assert page.set_id == "mine" and page.browser.article is None
        assert page.message.text() == "Reading the article…"
        qtbot.waitUntil(lambda: page.browser.article is not None, timeout=60_000)
    finally:
        article_view.parse_article = real
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert page.browser.highlight is not None and page.message.isHidden()
    ctx.close()


def test_generate_into_another_folder_copies_the_article_beside_the_set(tmp_path, capsys):
    """The set's article must be in its folder: generate -o elsewhere wrote article = "../a.txt", which
    check then refused."""
    from ketaquiz.cli import main

    src = tmp_path / "a.txt"
    shutil.copy(COURSE_ARTICLE, src)
    out = tmp_path / "out" / "set.toml"
    assert main(["generate", str(src), "-o", str(out)]) == 0
    assert (out.parent / "a.txt").read_bytes() == src.read_bytes()
    assert 'article = "a.txt"' in out.read_text(encoding="utf-8")
    assert check_path(out) == []
    (out.parent / "a.txt").write_text("another text")
    assert main(["generate", str(src), "-o", str(out), "--force"]) == 2
    assert "exists and is not" in capsys.readouterr().err
