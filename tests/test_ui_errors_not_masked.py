"""Errors are never masked (issue 15, move 6): an import failing inside the generator is a bug to see, not a
"generator not installed" message."""

from __future__ import annotations

import sys

import pytest

from ketaquiz.ui import article_wizard


def _forget_generator(monkeypatch) -> None:
    for name in [n for n in sys.modules if n == "ketaquiz.core.generate" or n.startswith("ketaquiz.core.generate.")]:
        monkeypatch.delitem(sys.modules, name)


def test_a_build_without_the_generator_says_so(monkeypatch):
    _forget_generator(monkeypatch)
    monkeypatch.setitem(sys.modules, "ketaquiz.core.generate", None)  # importing it raises ImportError for it
    assert article_wizard.load_generator() is None


def test_a_module_the_generator_needs_failing_is_raised(monkeypatch):
    """It was reported as 'The question generator is not installed in this build', hiding the real error."""
    _forget_generator(monkeypatch)
    monkeypatch.setitem(sys.modules, "ketaquiz.core.generate.report", None)
    with pytest.raises(ImportError) as e:
        article_wizard.load_generator()
    assert e.value.name == "ketaquiz.core.generate.report"
