"""Errors are never masked (issue 15, move 6): an import failing inside the generator is a bug to see, not a
"generator not installed" message."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from ketaquiz.ui import article_wizard


def _of_generator(name: str) -> bool:
    return name == "ketaquiz.core.generate" or name.startswith("ketaquiz.core.generate.")


@contextmanager
def _generator_forgotten(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """sys.modules without the generator, for the `with` block only. Undone before the test ends: pytest-qt runs
    pending Qt events at teardown, before fixtures are undone, and a Sets page left by an earlier test can check its
    set there (lint → quality → generate), which failed on the modules patched here."""
    before = {n for n in sys.modules if _of_generator(n)}
    with monkeypatch.context() as mp:
        for name in before:
            mp.delitem(sys.modules, name)
        try:
            yield mp
        finally:
            for name in [n for n in sys.modules if _of_generator(n) and n not in before]:
                del sys.modules[name]  # a module the failed import left half made


def test_a_build_without_the_generator_says_so(monkeypatch):
    with _generator_forgotten(monkeypatch) as mp:
        mp.setitem(sys.modules, "ketaquiz.core.generate", None)  # importing it raises ImportError for it
        assert article_wizard.load_generator() is None


def test_a_module_the_generator_needs_failing_is_raised(monkeypatch):
    """It was reported as 'The question generator is not installed in this build', hiding the real error."""
    with _generator_forgotten(monkeypatch) as mp:
        mp.setitem(sys.modules, "ketaquiz.core.generate.report", None)
        with pytest.raises(ImportError) as e:
            article_wizard.load_generator()
    assert e.value.name == "ketaquiz.core.generate.report"
