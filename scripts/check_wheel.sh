#!/usr/bin/env bash
# Build the wheel and the sdist as a release would, install the wheel (not editable) into a fresh venv, and use it
# from another folder as a user would: --version, export of the bundled course, a piped quiz, the app offscreen.
# Then run part of the sdist's own tests against that install. Called by .ci/run; run it by hand the same way:
#     scripts/check_wheel.sh            (keeps nothing; KEEP=1 keeps the temporary folder and prints it)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
PY=${PYTHON:-$REPO/.venv/bin/python}
WORK=$(mktemp -d /tmp/ketaquiz-wheel.XXXXXX)
[ "${KEEP:-}" = 1 ] && echo "check_wheel: working in $WORK" || trap 'rm -rf "$WORK"' EXIT
fail() { echo "check_wheel: FAILED: $*" >&2; exit 1; }
step() { echo "check_wheel: $*"; }

step "building the wheel and the sdist"
"$PY" -m build --outdir "$WORK/dist" . >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; fail "python -m build"; }
WHEEL=$(ls "$WORK"/dist/ketaquiz-*.whl)
SDIST=$(ls "$WORK"/dist/ketaquiz-*.tar.gz)

step "installing $(basename "$WHEEL") into a fresh venv"
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q "$WHEEL" >"$WORK/pip.log" 2>&1 || { cat "$WORK/pip.log"; fail "pip install the wheel"; }
# The install's size (issue 17: at most 500 MiB; 826 MiB with QtCharts' PySide6-Addons). scripts/install_size.py
# lists it by distribution.
SIZE=$(du -sm --apparent-size "$WORK/venv" | cut -f1)
step "the fresh venv with KetaQuiz: $SIZE MiB"
[ "$SIZE" -le 500 ] || fail "the install takes $SIZE MiB, over 500 MiB: see python3 scripts/install_size.py"
KQ="$WORK/venv/bin/ketaquiz"
mkdir "$WORK/elsewhere" && cd "$WORK/elsewhere"   # nowhere near the checkout
export KETAQUIZ_DATA="$WORK/data"

step "ketaquiz --version"
"$KQ" --version | tee "$WORK/version.txt"
grep -q "^ketaquiz [0-9]" "$WORK/version.txt" || fail "--version printed no version"

step "ketaquiz export ketamine --format json"
"$KQ" export ketamine --format json >"$WORK/ketamine.json"
"$WORK/venv/bin/python" - "$WORK/ketamine.json" "$REPO/questions/ketamine/set.toml" <<'PYEOF' || fail "the exported course is not the bundled course"
import json, sys
questions = json.load(open(sys.argv[1], encoding="utf-8"))
topics = {q["topic"] for q in questions}
# every question of the checkout's bundled set, whatever their number (the course is re-edited after judging)
expected = open(sys.argv[2], encoding="utf-8").read().count("\n[[questions]]\n")
assert len(questions) == expected and expected >= 10 and "overview" in topics, (len(questions), expected, topics)
print(f"check_wheel:   {len(questions)} questions in {len(topics)} topics exported")
PYEOF

step "printf '1\\n1\\n' | ketaquiz quiz --limit 2"
printf '1\n1\n' | "$KQ" quiz --limit 2 >"$WORK/quiz.txt" 2>&1 || { cat "$WORK/quiz.txt"; fail "quiz"; }
grep -q "Session summary" "$WORK/quiz.txt" && grep -q "^\[2/" "$WORK/quiz.txt" || { cat "$WORK/quiz.txt"; fail "quiz asked fewer than 2 questions"; }
grep -c "^\[" "$WORK/quiz.txt" | sed 's/^/check_wheel:   questions asked: /'

step "python -m ketaquiz --version"
"$WORK/venv/bin/python" -m ketaquiz --version >/dev/null || fail "python -m ketaquiz"

step "the app, offscreen, for 5 seconds"
set +e
QT_QPA_PLATFORM=offscreen timeout 5 "$KQ" >"$WORK/app.txt" 2>&1
rc=$?
set -e
[ $rc = 124 ] || { cat "$WORK/app.txt"; fail "the app exited with $rc within 5 s (124 = still running, as it should be)"; }
if grep -q -i -E "traceback|error|warning" "$WORK/app.txt"; then cat "$WORK/app.txt"; fail "the app printed errors"; fi
"$WORK/venv/bin/python" - <<'PYEOF' || fail "the installed package does not read its course and stylesheet from itself"
from ketaquiz.core.library import bundled_questions_dir
from ketaquiz.ui.theme import STYLESHEET
import ketaquiz, pathlib
pkg = pathlib.Path(ketaquiz.__file__).parent
assert bundled_questions_dir().is_relative_to(pkg) and (bundled_questions_dir() / "ketamine" / "set.toml").is_file()
assert STYLESHEET.is_relative_to(pkg) and STYLESHEET.is_file(), STYLESHEET
PYEOF

step "the sdist's own tests (CLI, library, export) against the installed wheel"
tar -xzf "$SDIST" -C "$WORK"
SRC=$(ls -d "$WORK"/ketaquiz-*/)
"$WORK/venv/bin/python" -m pip install -q pytest pytest-qt pytest-timeout hypothesis >>"$WORK/pip.log" 2>&1 || { cat "$WORK/pip.log"; fail "pip install pytest"; }
# --import-mode=append: the tests import the installed package, not the sdist's copy of it beside them.
cd "$SRC" && rm -rf ketaquiz
QT_QPA_PLATFORM=offscreen "$WORK/venv/bin/python" -m pytest -q -p no:cacheprovider --import-mode=append \
    tests/test_cli.py tests/test_library_reload.py tests/test_export.py
step "ok"
