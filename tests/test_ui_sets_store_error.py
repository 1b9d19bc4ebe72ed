"""Saving a set when the progress database cannot be opened on the save's worker: the file is written and said so."""

from __future__ import annotations

from ketaquiz.core.setfile import read_set
from ketaquiz.core.store import StoreError

from .conftest import open_sets_page


def test_a_save_whose_progress_database_is_busy_still_saves_the_file(qtbot, ctx, monkeypatch):
    """(The worker caught sqlite3.Error, which the store never lets out: its StoreError made the page say "Could not
    save … Nothing was changed on disk" about a file it had written.)"""
    page = open_sets_page(qtbot, ctx)
    errors: list[str] = []
    monkeypatch.setattr(page, "inform", lambda title, text, error=False: errors.append(text) if error else None)
    copy = page.duplicate_set("Mine")
    assert copy is not None
    page.select_question(page.qset.questions[0].id)
    page.editor.explanation_edit.setPlainText("Saved while the database was busy.")

    def busy(*_a, **_k):
        raise StoreError("the progress database stayed busy", kind="busy")

    monkeypatch.setattr(type(ctx.data), "open_store", busy)
    assert page.save()
    assert errors == []
    assert read_set(page.qset.path).questions[0].explanation == "Saved while the database was busy."
