"""Set management in the data directory: create, rename, duplicate, delete (progress kept), restore, purge."""

from __future__ import annotations

import pytest

from ketaquiz.core import authoring
from ketaquiz.core.authoring import AuthoringError
from ketaquiz.core.library import load_library
from ketaquiz.core.questions import Question, QuestionSet, Topic
from ketaquiz.core.setfile import read_set

from .conftest import COURSE


def test_create_rename_and_load(data_dir, store):
    qset = authoring.create_set(data_dir, "mine", "My set", store=store)
    assert qset.path == data_dir.sets_dir / "mine" / "set.toml"
    qset.questions.append(Question(id="q1", topic="general", type="short", prompt="Two and two?", answer="four"))
    authoring.save_set(qset)
    authoring.rename_set(qset, "Renamed")
    again = read_set(qset.path)
    assert (again.id, again.title, again.questions[0].answer) == ("mine", "Renamed", "four")
    load_library(store, data_dir)
    assert store.set_info("mine").title == "Renamed"
    with pytest.raises(AuthoringError, match="already exists"):
        authoring.create_set(data_dir, "mine", "Again", store=store)
    with pytest.raises(AuthoringError, match="not a valid set id"):
        authoring.create_set(data_dir, "Bad Id", "x")
    with pytest.raises(AuthoringError, match="already exists"):
        authoring.create_set(data_dir, "ketamine", "Clash")
    assert authoring.unique_set_id(data_dir, "Mine", store) == "mine-2"


def test_duplicate_bundled_copies_article(data_dir, store):
    bundled = read_set(COURSE)
    copy = authoring.duplicate_set(data_dir, bundled, "ketamine-copy", store=store)
    assert copy.path.parent == data_dir.sets_dir / "ketamine-copy"
    assert (copy.path.parent / "article.txt").read_text() == COURSE.with_name("article.txt").read_text()
    assert [q.id for q in read_set(copy.path).questions] == [q.id for q in bundled.questions]
    assert authoring.is_user_set(data_dir, copy.path) and not authoring.is_user_set(data_dir, COURSE)
    _results, problems = load_library(store, data_dir)
    assert problems == [] and store.set_info("ketamine-copy") is not None


def test_delete_keeps_progress_until_purge(data_dir, store):
    qset = QuestionSet(id="tmp", title="Tmp", topics=[Topic("t", "T")],
                       questions=[Question(id="a", topic="t", type="short", prompt="Q?", answer="x")])
    authoring.new_set_from_article(data_dir, qset, "# T\n\nText.\n", store=store)
    load_library(store, data_dir)
    key = store.question_key("tmp", "a")
    assert key is not None
    authoring.delete_set(data_dir, store, "tmp")
    assert not (data_dir.sets_dir / "tmp").exists()
    assert store.set_info("tmp").deleted and store.question_key("tmp", "a") == key
    assert [s.id for s in authoring.deleted_sets(data_dir)] == ["tmp"]
    load_library(store, data_dir)
    assert store.set_info("tmp").deleted
    authoring.restore_set(data_dir, store, "tmp")
    load_library(store, data_dir)
    assert not store.set_info("tmp").deleted and store.question_key("tmp", "a") == key
    authoring.delete_set(data_dir, store, "tmp")
    authoring.purge_set(data_dir, store, "tmp")
    assert store.set_info("tmp") is None and authoring.deleted_sets(data_dir) == []
    with pytest.raises(AuthoringError, match="bundled sets cannot be deleted"):
        authoring.delete_set(data_dir, store, "ketamine")


def test_new_set_from_article_writes_article_beside(data_dir):
    qset = QuestionSet(id="coffee", title="Coffee", topics=[Topic("overview", "Overview")])
    path = authoring.new_set_from_article(data_dir, qset, "Coffee is a brewed drink.\n", suffix=".txt")
    assert path == data_dir.sets_dir / "coffee" / "set.toml"
    again = read_set(path)
    assert again.article == "article.txt" and again.article_path().read_text() == "Coffee is a brewed drink.\n"
