#!/usr/bin/env bash
# Set up a fresh machine: Qt's system libraries (Debian/Ubuntu, when root or sudo is available),
# a virtual environment in .venv, and KetaQuiz with its test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
QT_LIBS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 fonts-dejavu-core xvfb desktop-file-utils"  # (the last: tests validate the desktop entry)
if command -v apt-get >/dev/null 2>&1; then
  missing=$(for p in $QT_LIBS; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
  if [ -n "$missing" ]; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  fi
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
# Byte-compile the package now, as a regular install would: an editable install leaves that to the
# first import, which never writes the cache where PYTHONDONTWRITEBYTECODE is set (~45 ms of every start).
.venv/bin/python -m compileall -q ketaquiz
