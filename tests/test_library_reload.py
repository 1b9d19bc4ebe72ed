"""Reloading the library: a set file that did not load is not read again until it or its article changes."""

from __future__ import annotations

import os
import time

from ketaquiz.core import library
from ketaquiz.core.library import load_library

SET = """id = "geo"
title = "Geography"
article = "article.md"
topics = [{{ id = "t", title = "T" }}]

[[questions]]
id = "q1"
topic = "t"
type = "short"
prompt = "Which river runs north?"
answer = "Nile"
source = "{source}"
"""


def _age(*paths, seconds: float = 60) -> None:
    """Date files back, as a file saved a while ago is (a fresh write is never trusted unread)."""
    past = time.time() - seconds
    for p in paths:
        os.utime(p, (past, past))


def _write(data_dir, text: str, article: str):
    folder = data_dir.sets_dir / "geo"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "set.toml").write_text(text, encoding="utf-8")
    (folder / "article.md").write_text(article, encoding="utf-8")
    _age(folder / "set.toml", folder / "article.md", seconds=60 + len(text) + len(article))
    return folder / "set.toml", folder / "article.md"


def test_a_broken_file_is_read_once_until_it_changes(data_dir, store, monkeypatch):
    path, article = _write(data_dir, SET.format(source="The Nile runs north.") + "oops = [\n", "The Nile runs north.\n")
    reads: list[str] = []
    real = library.read_set
    monkeypatch.setattr(library, "read_set", lambda p: reads.append(p.parent.name) or real(p))
    _results, first = load_library(store, data_dir)
    _results, again = load_library(store, data_dir)
    assert [p.path for p in first] == [p.path for p in again] == [path]
    assert "TOML syntax error" in again[0].message and again == first
    assert reads == ["geo"]  # read once

    path.write_text(SET.format(source="The Nile runs north."), encoding="utf-8")  # fixed outside the app
    _age(path)
    _results, problems = load_library(store, data_dir)
    assert problems == [] and store.set_info("geo") is not None
    assert reads == ["geo", "geo"]


def test_a_set_failing_its_article_loads_once_the_article_changes(data_dir, store, monkeypatch):
    path, article = _write(data_dir, SET.format(source="The Nile runs north."), "Rivers flow.\n")
    reads: list[str] = []
    real = library.read_set
    monkeypatch.setattr(library, "read_set", lambda p: reads.append(p.parent.name) or real(p))
    _results, problems = load_library(store, data_dir)
    assert [p.path for p in problems] == [path] and "source not found in the article" in problems[0].message
    load_library(store, data_dir)
    assert reads == ["geo"]
    article.write_text("Rivers flow. The Nile runs north.\n", encoding="utf-8")  # the article fixed, not the set
    _age(article, seconds=30)
    _results, problems = load_library(store, data_dir)
    assert problems == [] and store.set_info("geo") is not None


def test_a_file_written_just_now_is_read_again(data_dir, store, monkeypatch):
    folder = data_dir.sets_dir / "geo"
    folder.mkdir(parents=True)
    (folder / "set.toml").write_text("broken = [\n", encoding="utf-8")  # not dated back: just written
    reads: list[str] = []
    real = library.read_set
    monkeypatch.setattr(library, "read_set", lambda p: reads.append(p.parent.name) or real(p))
    load_library(store, data_dir)
    load_library(store, data_dir)
    assert reads == ["geo", "geo"]  # a second write within the clock's grain could keep its signature


def _synced_geo(data_dir, store):
    path, article = _write(data_dir, SET.format(source="The Nile runs north."), "The Nile runs north.\n")
    _results, problems = load_library(store, data_dir)
    assert problems == [] and store.is_synced(path)
    return path


def test_a_loaded_file_unchanged_since_is_known_without_reading_it(data_dir, store, monkeypatch):
    from ketaquiz.core.store import sets as store_module  # where is_synced looks file_hash up

    path = _synced_geo(data_dir, store)  # written a minute before it was hashed: its stat can be trusted
    hashed: list[str] = []
    real = store_module.file_hash
    monkeypatch.setattr(store_module, "file_hash", lambda p: hashed.append(p.parent.name) or real(p))
    assert store.is_synced(path) and hashed == []
    text = path.read_text(encoding="utf-8").replace("Which river", "Which great river")
    path.write_text(text, encoding="utf-8")  # edited outside the app
    _age(path, seconds=30)
    assert not store.is_synced(path) and hashed == ["geo"]
    load_library(store, data_dir)
    assert store.question(store.question_key("geo", "q1")).prompt == "Which great river runs north?"


def test_a_file_hashed_right_after_it_was_written_is_read_until_its_stat_can_be_trusted(data_dir, store, monkeypatch):
    from ketaquiz.core.store import sets as store_module  # where is_synced looks file_hash up

    folder = data_dir.sets_dir / "geo"
    folder.mkdir(parents=True)
    (folder / "article.md").write_text("The Nile runs north.\n", encoding="utf-8")
    path = folder / "set.toml"
    path.write_text(SET.format(source="The Nile runs north."), encoding="utf-8")  # just now: not dated back
    load_library(store, data_dir)
    hashed: list[str] = []
    real = store_module.file_hash
    monkeypatch.setattr(store_module, "file_hash", lambda p: hashed.append(p.parent.name) or real(p))
    assert store.is_synced(path) and store.is_synced(path)
    assert hashed == ["geo", "geo"]  # a second write within the clock's grain could share its stat: read each time
    _age(path)  # once the file is older than the grain, one more read records a stat to trust
    assert store.is_synced(path) and store.is_synced(path) and store.is_synced(path)
    assert hashed == ["geo", "geo", "geo"]
