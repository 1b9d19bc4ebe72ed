"""Property tests: mutated set files, JSON and CSV imports through the real entry points (check, export,
the library + terminal quiz, import) end accepted or refused with the project's own error naming the file
(and line, question or row): never another exception, never a hang. The mutations and runners are
scripts/fuzz_inputs.py's, which prints the same figures for many more cases."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_SPEC = importlib.util.spec_from_file_location("fuzz_inputs", Path(__file__).resolve().parents[1] / "scripts" / "fuzz_inputs.py")
assert _SPEC is not None and _SPEC.loader is not None
fuzz = importlib.util.module_from_spec(_SPEC)
sys.modules["fuzz_inputs"] = fuzz
_SPEC.loader.exec_module(fuzz)
BASES = fuzz.bases()


@pytest.mark.parametrize("kind", list(fuzz.KINDS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rng=st.randoms(use_true_random=False))
def test_mutated_inputs_end_in_a_result_or_a_message_naming_the_place(kind, rng, tmp_path):
    payload, ops = fuzz.make_case(kind, rng, BASES)
    outcome = fuzz.run_case(kind, payload, tmp_path)
    assert outcome.kind in ("accepted", "refused"), f"{kind} [{', '.join(ops)}]: {outcome.kind}: {outcome.detail}"


@pytest.mark.parametrize("kind, ops", [
    ("check", "article:fifo"), ("quiz", "article:zero"), ("export", "deep nesting"), ("json", "5000 digits"),
])
def test_the_cases_that_broke_before(kind, ops, tmp_path):
    """A case of each failure the fuzzing found on the old code (hang on a FIFO, /dev/zero, RecursionError,
    ValueError from a 5,000-digit integer)."""
    base = BASES["toml"]
    if ops == "article:fifo":
        payload = base.replace('article = "article.txt"', 'article = "fifo"').encode()
    elif ops == "article:zero":
        payload = base.replace('article = "article.txt"', 'article = "zero"').encode()
    elif ops == "deep nesting":
        payload = base.replace('origin = "written"', "origin = " + "[" * 3000 + "]" * 3000, 1).encode()
    else:
        import json

        payload = json.dumps(BASES["json"]).replace('"origin": "written"', '"origin": ' + "7" * 5000, 1).encode()
    outcome = fuzz.run_case(kind, payload, tmp_path)
    assert outcome.kind == "refused", outcome.detail
